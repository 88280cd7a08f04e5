"""El plugin de MkDocs de punta a punta: construcción estricta del sitio real y comprobaciones
sobre su HTML (recuentos, textos literales, enlaces en los dos sentidos, siglas, URL, enlaces
rotos), construcción reproducible, y datos rotos que detienen la publicación con un mensaje
en español que nombra archivo y línea, sin traza de Python."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from programas_spen.busqueda import pagefind as buscador
from tests.conftest import DATOS, RAIZ, Construccion, construir, copiar_proyecto

pytestmark = pytest.mark.sitio

DOCUMENTOS = (
    "ine-pat-spen-2020", "ine-pat-cspen-2024", "ine-informe-compromisos-cspen-2024-06",
    "iepc-durango-pat-comision-seguimiento-2021", "ieeq-plan-trabajo-2024-2025",
)


def _html(sitio: Path, ruta: str) -> BeautifulSoup:
    return BeautifulSoup((sitio / ruta).read_text(encoding="utf-8"), "html.parser")


def _doc(nombre: str) -> dict:
    return yaml.safe_load(next(DATOS.rglob(f"{nombre}.yml")).read_text(encoding="utf-8"))


def _texto(elemento: BeautifulSoup) -> str:
    """Texto visible del elemento (sin las expansiones ocultas de las siglas)."""
    copia = BeautifulSoup(str(elemento), "html.parser")
    for oculto in copia.find_all("span", class_="sr-only"):
        oculto.decompose()
    for salto in copia.find_all("br"):
        salto.replace_with(" ")
    return " ".join(copia.get_text("").split())


def _normal(texto: str) -> str:
    return " ".join(texto.split())


def _articulo(sitio: Path, ruta: str) -> BeautifulSoup:
    return _html(sitio, ruta).find("article")


def test_construccion_estricta_sin_advertencias(sitio_construido: Construccion, resultado_real) -> None:
    salida = sitio_construido.salida
    assert "WARNING" not in salida
    assert "Traceback" not in salida
    # cada aviso de la validación sale una vez en el registro (cuántos tiene cada documento
    # real lo comprueba test_validacion; un documento nuevo trae los suyos)
    assert resultado_real.informe.avisos
    assert len(re.findall(r"AVISO de datos", salida)) == len(resultado_real.informe.avisos)


def test_urls_documentadas(sitio_construido: Construccion) -> None:
    sitio = sitio_construido.sitio
    for doc in DOCUMENTOS:
        assert (sitio / "documentos" / doc / "index.html").is_file()
    for ruta in ("acuerdos/ine-jge06-2020", "acuerdos/ine-jge38-2024", "acuerdos/ine-cg546-2024",
                 "sesiones/cspen-2024-03-13", "sesiones/jge-2020-01-16", "areas/dcpen",
                 "mecanismos/evaluacion-desempeno", "instituciones/ieeq", "siglas", "avisos"):
        assert (sitio / ruta / "index.html").is_file(), ruta


def test_pat_2020_sus_74_actividades_literales(sitio_construido: Construccion) -> None:
    articulo = _articulo(sitio_construido.sitio, "documentos/ine-pat-spen-2020/index.html")
    datos = _doc("ine-pat-spen-2020")
    actividades = [a for m in datos["mecanismos"] for a in m["actividades"]]
    assert len(actividades) == 74
    assert len(datos["mecanismos"]) == 13
    for actividad in actividades:
        ancla = articulo.find(id=actividad["id"])
        assert ancla is not None, actividad["id"]
        fila = ancla.find_parent("tr")
        assert _normal(actividad["texto"]) in _texto(fila)
        assert "No dado en la fuente" in _texto(fila)
    for mecanismo in datos["mecanismos"]:
        assert articulo.find(id=mecanismo["id"]) is not None
    assert "Sujeto a lo que se determine en la reforma al Estatuto." in _texto(articulo)


def test_cspen_2024_temas_y_sesiones(sitio_construido: Construccion) -> None:
    articulo = _articulo(sitio_construido.sitio, "documentos/ine-pat-cspen-2024/index.html")
    datos = _doc("ine-pat-cspen-2024")
    assert len(datos["temas"]) == 41
    for tema in datos["temas"]:
        fila = articulo.find(id=tema["id"]).find_parent("tr")
        assert _normal(tema["texto"]) in _texto(fila)
        if tema.get("observaciones"):
            assert _normal(tema["observaciones"]) in _texto(fila)
    fila_marzo = articulo.find(id="sesion-ordinaria-1").find_parent("tr")
    assert "13 de marzo de 2024" in _texto(fila_marzo)
    assert fila_marzo.find("a", href=re.compile(r"sesiones/cspen-2024-03-13/$"))


def test_informe_11_compromisos(sitio_construido: Construccion) -> None:
    articulo = _articulo(sitio_construido.sitio,
                         "documentos/ine-informe-compromisos-cspen-2024-06/index.html")
    datos = _doc("ine-informe-compromisos-cspen-2024-06")
    compromisos = datos["compromisos"]
    assert len(compromisos) == 11
    assert sum(c["estatus"] == "concluido" for c in compromisos) == 10
    assert [c["porcentaje"] for c in compromisos if c["estatus"] == "en_curso"] == [75]
    for compromiso in compromisos:
        titulo = articulo.find(id=compromiso["id"])
        assert titulo is not None and titulo.name == "h3"
        bloque = []
        for hermano in titulo.find_next_siblings():
            if hermano.name in ("h2", "h3"):
                break
            bloque.append(_texto(hermano))
        texto = " ".join(bloque)
        assert _normal(compromiso["texto"]) in texto
        assert _normal(compromiso["avance"]) in texto
        assert compromiso["estatus_texto"] in texto
    assert "11 compromisos: 10 concluidos y 1 en curso." in _texto(articulo)


def test_registros_ople(sitio_construido: Construccion) -> None:
    sitio = sitio_construido.sitio
    durango = _doc("iepc-durango-pat-comision-seguimiento-2021")
    articulo = _articulo(sitio, "documentos/iepc-durango-pat-comision-seguimiento-2021/index.html")
    for registro in durango["objetivos"] + durango["lineas_accion"]:
        assert _normal(registro["texto"]) in _texto(articulo.find(id=registro["id"]).parent)
    assert len(durango["objetivos"]) == 9 and len(durango["lineas_accion"]) == 19
    for programada in durango["sesiones_programadas"]:
        assert articulo.find(id=programada["id"]) is not None
    queretaro = _doc("ieeq-plan-trabajo-2024-2025")
    articulo = _articulo(sitio, "documentos/ieeq-plan-trabajo-2024-2025/index.html")
    for ficha in queretaro["fichas"]:
        assert _normal(ficha["linea_accion"]) in _texto(articulo)
        assert articulo.find(id=ficha["id"]) is not None
    for fila in queretaro["cronograma"]["filas"]:
        celda = articulo.find(id=fila["id"]).find_parent("tr")
        assert _normal(fila["texto"]) in _texto(celda)
    primera = articulo.find(id="cronograma-01").find_parent("tr")
    assert "No dado en la fuente" in _texto(primera)
    encuentro = articulo.find(id="cronograma-02").find_parent("tr")
    assert "Durante el primer trimestre de 2025." in _texto(encuentro)


def _enlaza(origen: BeautifulSoup, patron: str) -> bool:
    return origen.find("a", href=re.compile(patron)) is not None


def test_enlaces_en_los_dos_sentidos(sitio_construido: Construccion) -> None:
    sitio = sitio_construido.sitio
    informe = _articulo(sitio, "documentos/ine-informe-compromisos-cspen-2024-06/index.html")
    programa = _articulo(sitio, "documentos/ine-pat-cspen-2024/index.html")
    # Compromiso 2 → acuerdo INE/JGE38/2024 → compromiso 2.
    titulo = informe.find(id="compromiso-02")
    bloque = titulo.find_next("ul")
    assert _enlaza(bloque, r"acuerdos/ine-jge38-2024/$")
    acuerdo = _articulo(sitio, "acuerdos/ine-jge38-2024/index.html")
    assert _enlaza(acuerdo, r"ine-informe-compromisos-cspen-2024-06/#compromiso-02$")
    # Compromiso 5 → tema del programa (SIISPEN 2023) → compromiso 5.
    assert _enlaza(informe.find(id="compromiso-05").find_next("ul"),
                   r"ine-pat-cspen-2024/#tema-32$")
    fila_tema = programa.find(id="tema-32").find_parent("tr")
    assert _enlaza(fila_tema, r"ine-informe-compromisos-cspen-2024-06/#compromiso-05$")
    # Sesión del 13 de marzo: prevista en el programa y origen de los compromisos 2 a 7.
    sesion = _articulo(sitio, "sesiones/cspen-2024-03-13/index.html")
    assert _enlaza(sesion, r"ine-pat-cspen-2024/#sesion-ordinaria-1$")
    for numero in range(2, 8):
        assert _enlaza(sesion, rf"#compromiso-{numero:02d}$")
    # El PAT 2020 y el acuerdo que lo aprueba.
    pat = _articulo(sitio, "documentos/ine-pat-spen-2020/index.html")
    assert _enlaza(pat, r"acuerdos/ine-jge06-2020/$")
    aprobatorio = _articulo(sitio, "acuerdos/ine-jge06-2020/index.html")
    assert _enlaza(aprobatorio, r"documentos/ine-pat-spen-2020/$")
    assert "Publíquese en la Gaceta Electoral" in _texto(aprobatorio)
    # Un acuerdo solo mencionado en la prosa enlaza a donde se menciona, y viceversa.
    mencionado = _articulo(sitio, "acuerdos/ine-cg909-2015/index.html")
    assert _enlaza(mencionado, r"ine-jge06-2020/$")
    # Área responsable ↔ compromiso y tema.
    area = _articulo(sitio, "areas/subdireccion-formacion/index.html")
    assert _enlaza(area, r"#compromiso-06$")
    assert _enlaza(informe.find(id="compromiso-06").find_next("ul"),
                   r"areas/subdireccion-formacion/$")
    dpspen = _articulo(sitio, "areas/dpspen/index.html")
    assert _enlaza(dpspen, r"ine-pat-cspen-2024/#tema-32$")
    # El mismo mecanismo entre años.
    mecanismo = _articulo(sitio, "mecanismos/registro-spen/index.html")
    assert _enlaza(mecanismo, r"ine-pat-spen-2020/#registro-01$")
    assert _enlaza(pat, r"mecanismos/registro-spen/$")


def test_siglas_se_expanden(sitio_construido: Construccion) -> None:
    articulo = _articulo(sitio_construido.sitio,
                         "documentos/ine-informe-compromisos-cspen-2024-06/index.html")
    abbr = articulo.find("abbr", string="CSPEN")
    assert abbr is not None
    assert abbr["title"] == "Comisión del Servicio Profesional Electoral Nacional"
    ocultos = [s for s in articulo.find_all("span", class_="sr-only")
               if "Comisión del Servicio Profesional Electoral Nacional" in s.get_text()]
    assert len(ocultos) == 1


def test_avisos_publicados_junto_al_registro(sitio_construido: Construccion) -> None:
    informe = _articulo(sitio_construido.sitio,
                        "documentos/ine-informe-compromisos-cspen-2024-06/index.html")
    titulo = informe.find(id="compromiso-07")
    aviso = titulo.find_next("div", class_="admonition")
    # junto al registro, dicho a la ciudadanía; en /avisos/, como lo ve quien edita los datos
    assert "13 de abril de 2024" in _texto(aviso) and "13 de marzo de 2024" in _texto(aviso)
    avisos = _articulo(sitio_construido.sitio, "avisos/index.html")
    assert "Total: 24 aviso(s)." in _texto(avisos)
    assert "2024-04-13" in _texto(avisos) and "2024-03-13" in _texto(avisos)


def test_sitio_en_espanol_y_sin_terceros(sitio_construido: Construccion) -> None:
    for pagina in sitio_construido.sitio.rglob("*.html"):
        sopa = _html(sitio_construido.sitio, str(pagina.relative_to(sitio_construido.sitio)))
        assert sopa.html["lang"] == "es"
        for etiqueta, atributo in (("script", "src"), ("link", "href"), ("img", "src"),
                                   ("iframe", "src")):
            for elemento in sopa.find_all(etiqueta):
                if etiqueta == "link" and set(elemento.get("rel", [])) & {"canonical",
                                                                          "alternate"}:
                    continue
                valor = elemento.get(atributo) or ""
                assert not re.match(r"^(https?:)?//", valor), (pagina, valor)
    # la búsqueda es la del sitio (Pagefind, en español), no la de Material
    assert not (sitio_construido.sitio / "search").exists()
    indices = json.loads((sitio_construido.sitio / "pagefind" / "indices.json").read_text("utf-8"))
    assert indices["indices"][0]["carpeta"] == "comun/"
    assert (sitio_construido.sitio / "pagefind" / "comun" / "wasm.es.pagefind").is_file()
    for indice in indices["indices"]:
        assert (sitio_construido.sitio / "pagefind" / indice["carpeta"] / "pagefind-entry.json").is_file()


def test_indice_de_busqueda_sin_las_vistas_que_repiten_registros(sitio_construido: Construccion,
                                                                 resultado_real) -> None:
    """Los meses del calendario, la rejilla de cada documento y sus gráficas no están en el
    índice de búsqueda; los registros, en su documento (en el índice de su institución), sí.
    Se indexa solo el artículo: sin la cabecera, la navegación ni los ``#`` de los títulos."""
    por_grupo = buscador.fragmentos(sitio_construido.sitio)
    # un índice común y uno por institución con documentos (las de hoy y las que se añadan)
    con_documentos = {d.institucion for d in resultado_real.datos.documentos}
    assert {"ine", "ieeq", "iepc-durango"} <= con_documentos
    assert set(por_grupo) - {"comun"} <= {i.id for i in resultado_real.datos.catalogo.instituciones}
    assert {"comun"} | con_documentos <= set(por_grupo)
    urls = {f["url"]: grupo for grupo, lista in por_grupo.items() for f in lista}
    assert urls["/documentos/ine-pat-spen-2020/"] == "ine"
    assert urls["/calendario/2024/"] == "comun" and urls["/"] == "comun"
    pat = next(f for f in por_grupo["ine"] if f["url"] == "/documentos/ine-pat-spen-2020/")
    assert "evaluacion-desempeno" in {a.get("id") for a in pat["anchors"]}
    assert "Saltar a contenido" not in pat["content"] and " #" not in pat["content"]
    vistas = [u for u in urls
              if re.fullmatch(r"/calendario/\d{4}/\d{2}/|/documentos/[^/]+/(calendario|graficas)/|/buscar/", u)]
    assert not vistas, vistas
    # las páginas existen: solo no se indexan
    assert (sitio_construido.sitio / "calendario" / "2024" / "03" / "index.html").exists()


def _destinos(sitio: Path) -> tuple[list[tuple[Path, str]], dict[Path, set[str]]]:
    enlaces: list[tuple[Path, str]] = []
    ids: dict[Path, set[str]] = {}
    for pagina in sitio.rglob("*.html"):
        sopa = BeautifulSoup(pagina.read_text(encoding="utf-8"), "html.parser")
        ids[pagina] = {e["id"] for e in sopa.find_all(id=True)}
        enlaces += [(pagina, a["href"]) for a in sopa.find_all("a", href=True)]
    return enlaces, ids


def test_ningun_enlace_interno_roto(sitio_construido: Construccion) -> None:
    sitio = sitio_construido.sitio
    enlaces, ids = _destinos(sitio)
    rotos = []
    for pagina, href in enlaces:
        partes = urlsplit(href)
        if partes.scheme or partes.netloc or href.startswith("mailto:"):
            continue
        if partes.path.startswith("/"):
            destino = (sitio / unquote(partes.path).lstrip("/")).resolve()
        else:
            destino = (pagina.parent / unquote(partes.path)).resolve() if partes.path else pagina
        if destino.is_dir():
            destino = destino / "index.html"
        if not destino.exists():
            rotos.append((pagina, href))
            continue
        if partes.fragment and destino.suffix == ".html" and partes.fragment not in ids[destino]:
            rotos.append((pagina, href))
    assert not rotos, rotos[:20]
    assert len(enlaces) > 1000


def test_construccion_reproducible(sitio_construido: Construccion, tmp_path: Path) -> None:
    otra = construir(RAIZ, tmp_path / "site")
    assert otra.codigo == 0
    primeros = {p.relative_to(sitio_construido.sitio): p.read_bytes()
                for p in sitio_construido.sitio.rglob("*") if p.is_file()}
    segundos = {p.relative_to(otra.sitio): p.read_bytes() for p in otra.sitio.rglob("*") if p.is_file()}
    assert primeros.keys() == segundos.keys()
    distintos = [r for r in primeros if primeros[r] != segundos[r]]
    assert not distintos
    # con la caché que dejó esa construcción (árboles, PDF e índices ya hechos), otra vez lo mismo
    cache = tmp_path / "site-cache"
    assert any(p.is_file() for p in cache.rglob("*"))
    tercera = construir(RAIZ, tmp_path / "site-2", cache=cache)
    assert tercera.codigo == 0
    terceros = {p.relative_to(tercera.sitio): p.read_bytes() for p in tercera.sitio.rglob("*") if p.is_file()}
    assert terceros == segundos


def _como_serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                anexos_pdf: str) -> tuple[Path, Callable[[Path], None]]:
    """Una copia del proyecto reconstruida como en ``mkdocs serve`` (el plugin sabe que sirve y
    lo que guarda en el proceso, vacío al empezar, dura entre reconstrucciones), con la caché en
    ``tmp_path/cache``: la copia y la función que reconstruye hacia una carpeta."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from programas_spen.mkdocs import plugin as adaptador

    proyecto = copiar_proyecto(tmp_path / "proyecto")
    monkeypatch.setenv("ANEXOS_PDF", anexos_pdf)
    monkeypatch.setenv("PROGRAMAS_SPEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(adaptador, "_MEMORIA_PDF", {})
    monkeypatch.setattr(adaptador, "_EN_FONDO", {})
    monkeypatch.setattr(adaptador, "_ULTIMO_VALIDO", [])

    def reconstruir(destino: Path) -> None:
        config = load_config(str(proyecto / "mkdocs.yml"), site_dir=str(destino))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)

    return proyecto, reconstruir


def _archivos(carpeta: Path) -> dict[Path, bytes]:
    return {p.relative_to(carpeta): p.read_bytes() for p in carpeta.rglob("*") if p.is_file()}


def test_serve_reconstruye_como_una_construccion_nueva(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Como ``mkdocs serve``: tras editar un archivo de datos, la reconstrucción da el sitio de
    una construcción nueva con esos datos."""
    proyecto, reconstruir = _como_serve(tmp_path, monkeypatch, anexos_pdf="false")
    reconstruir(tmp_path / "s1")
    archivo = proyecto / "datos/ine/2020/ine-pat-spen-2020.yml"
    texto = archivo.read_text(encoding="utf-8")
    corto = re.search(r"^titulo_corto: (.+)$", texto, re.MULTILINE)
    assert corto
    archivo.write_text(texto.replace(corto.group(0), corto.group(0) + " EDITADO", 1), encoding="utf-8")
    reconstruir(tmp_path / "s2")
    assert "EDITADO" in (tmp_path / "s2/documentos/ine-pat-spen-2020/index.html").read_text(encoding="utf-8")
    nueva = construir(proyecto, tmp_path / "s3", ANEXOS_PDF="false")
    assert nueva.codigo == 0, nueva.salida
    servidos, nuevos = _archivos(tmp_path / "s2"), _archivos(nueva.sitio)
    assert servidos.keys() == nuevos.keys()
    assert [r for r in servidos if servidos[r] != nuevos[r]] == []


def test_serve_muestra_los_errores_de_los_datos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Como ``mkdocs serve``: con un error en los datos la vista previa no se queda esperando:
    cada página muestra los errores (archivo, línea, mensaje) encima de la última versión
    válida; al corregirlo, la siguiente reconstrucción vuelve a la normalidad."""
    proyecto, reconstruir = _como_serve(tmp_path, monkeypatch, anexos_pdf="false")
    reconstruir(tmp_path / "s1")
    archivo = proyecto / "datos/ine/2020/ine-pat-spen-2020.yml"
    bueno = archivo.read_text(encoding="utf-8")
    archivo.write_text(bueno.replace("anio: 2020", "anio: dos mil veinte", 1), encoding="utf-8")
    reconstruir(tmp_path / "s2")
    for pagina in ("index.html", "documentos/ine-pat-spen-2020/index.html", "acerca/index.html"):
        sopa = _html(tmp_path / "s2", pagina)
        alerta = sopa.find(attrs={"role": "alert"})
        assert alerta is not None, pagina
        texto = _texto(alerta)
        assert "datos/ine/2020/ine-pat-spen-2020.yml:" in texto and "se esperaba un número entero" in texto
    # debajo, la última versión válida
    assert _articulo(tmp_path / "s2", "documentos/ine-pat-spen-2020/index.html").find("table") is not None
    archivo.write_text(bueno, encoding="utf-8")
    reconstruir(tmp_path / "s3")
    assert _html(tmp_path / "s3", "index.html").find(attrs={"role": "alert"}) is None
    assert _archivos(tmp_path / "s3") == _archivos(tmp_path / "s1")


def test_serve_con_pdf_aparte(sitio_construido: Construccion, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Como ``mkdocs serve`` con los PDF de los anexos: la reconstrucción no los espera (los
    publica «en preparación» y se generan aparte, después de la construcción); cuando llegan,
    la reconstrucción que provoca su señal da, byte a byte, el sitio de ``mkdocs build``."""
    from programas_spen.mkdocs import plugin as adaptador

    cache = tmp_path / "cache"
    _, reconstruir = _como_serve(tmp_path, monkeypatch, anexos_pdf="true")
    reconstruir(tmp_path / "s1")
    [en_fondo] = adaptador._EN_FONDO.values()
    documentos = len(list(sitio_construido.sitio.rglob("anexo.pdf")))
    assert en_fondo.en_curso() == documentos  # empezó al terminar la construcción: un PDF por documento
    assert not list((tmp_path / "s1").rglob("anexo.pdf"))
    pagina = (tmp_path / "s1/documentos/ine-pat-spen-2020/index.html").read_text(encoding="utf-8")
    assert "El PDF del anexo está en preparación" in pagina
    assert en_fondo.esperar(300)
    assert en_fondo.fallidas() == frozenset()
    from programas_spen.anexos.cache_pdf import CachePdf

    assert len(CachePdf(cache)) >= documentos  # los PDF quedaron en la caché del sitio
    assert (cache / "pdf-listos" / "senal").exists()
    reconstruir(tmp_path / "s2")
    assert en_fondo.en_curso() == 0  # nada más que encargar
    servidos, publicados = _archivos(tmp_path / "s2"), _archivos(sitio_construido.sitio)
    assert servidos.keys() == publicados.keys()
    assert [r for r in servidos if servidos[r] != publicados[r]] == []


ROTURAS = {
    "sintaxis": ("ine/2024/ine-pat-cspen-2024.yml", "anio: 2024", "anio: [2024",
                 "YAML mal formado"),
    "tipo": ("ine/2020/ine-pat-spen-2020.yml", "anio: 2020", "anio: dos mil veinte",
             "se esperaba un número entero"),
    "campo_desconocido": ("ieeq/2024/ieeq-plan-trabajo-2024-2025.yml", "\nanio: 2024",
                          "\nanio: 2024\ncolor: rojo", "campo desconocido «color»"),
    "referencia_rota": ("ine/2024/ine-informe-compromisos-cspen-2024-06.yml",
                        "sesion: cspen-2023-10-09", "sesion: cspen-2023-10-10",
                        "la sesión «cspen-2023-10-10» no está declarada"),
    "id_repetido": ("ine/2020/ine-pat-spen-2020.yml", "id: ingreso-02", "id: ingreso-01",
                    "el id «ingreso-01» está repetido"),
}


@pytest.mark.parametrize("caso", sorted(ROTURAS))
def test_datos_rotos_detienen_la_publicacion(caso: str, tmp_path: Path) -> None:
    archivo, antes, despues, mensaje = ROTURAS[caso]
    proyecto = copiar_proyecto(tmp_path / "proyecto")
    ruta = proyecto / "datos" / archivo
    texto = ruta.read_text(encoding="utf-8")
    assert antes in texto
    ruta.write_text(texto.replace(antes, despues, 1), encoding="utf-8")
    resultado = construir(proyecto, tmp_path / "site")
    assert resultado.codigo != 0
    assert "Traceback" not in resultado.salida
    assert re.search(rf"datos/{re.escape(archivo)}:\d+(:\d+)?: error: .*{re.escape(mensaje)}",
                     resultado.salida), resultado.salida
    assert "no se publica nada" in resultado.salida
    assert not (tmp_path / "site" / "index.html").exists()


def test_calendario_de_marzo_2024(sitio_construido: Construccion) -> None:
    marzo = _articulo(sitio_construido.sitio, "calendario/2024/03/index.html")
    texto = _texto(marzo)
    assert "Primera sesión ordinaria del 13 de marzo de 2024" in texto
    for numero in range(2, 8):
        assert _enlaza(marzo, rf"ine-informe-compromisos-cspen-2024-06/#compromiso-0{numero}$")
    temas = _doc("ine-pat-cspen-2024")["temas"]
    de_marzo = [t for t in temas if "2024-03" in t["calendario"].get("meses", [])]
    assert len(de_marzo) >= 10
    for tema in de_marzo:
        assert _enlaza(marzo, rf"ine-pat-cspen-2024/#{tema['id']}$"), tema["id"]


def test_feeds_publicados_enlazan_al_sitio(sitio_construido: Construccion) -> None:
    from icalendar import Calendar

    sitio = sitio_construido.sitio
    feeds = sorted((sitio / "suscripciones").glob("*.ics"))
    assert len(feeds) >= 8
    base = "https://programas-spen.example/"
    for feed in feeds:
        calendario = Calendar.from_ical(feed.read_bytes())
        for evento in calendario.walk("VEVENT"):
            url = str(evento["URL"])
            assert url.startswith(base)
            ruta, _, ancla = url[len(base):].partition("#")
            pagina = sitio / ruta / "index.html"
            assert pagina.is_file(), url
            if ancla:
                assert _html(sitio, str(pagina.relative_to(sitio))).find(id=ancla), url


def test_plotly_solo_en_paginas_con_graficas(sitio_construido: Construccion) -> None:
    con_plotly = []
    for pagina in sitio_construido.sitio.rglob("*.html"):
        sopa = BeautifulSoup(pagina.read_text(encoding="utf-8"), "html.parser")
        carga = any("plotly" in (s.get("src") or "") for s in sopa.find_all("script"))
        assert carga == bool(sopa.find(attrs={"data-grafica": True})), pagina
        if carga:
            con_plotly.append(pagina.relative_to(sitio_construido.sitio).as_posix())
    assert "documentos/ine-pat-spen-2020/graficas/index.html" in con_plotly
    assert "documentos/ine-pat-spen-2020/index.html" not in con_plotly


def test_serve_vigila_los_datos_y_la_senal_de_los_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """En ``mkdocs serve`` se vigilan la carpeta de datos y la de la señal de los PDF hechos
    aparte (con ``server.watch``, la API de MkDocs)."""
    from mkdocs.config import load_config

    monkeypatch.setenv("PROGRAMAS_SPEN_CACHE", str(tmp_path / "cache"))
    config = load_config(str(RAIZ / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)

    class Servidor:
        def __init__(self) -> None:
            self.vigiladas: list[Path] = []

        def watch(self, ruta: str) -> None:
            self.vigiladas.append(Path(ruta))

    servidor = Servidor()
    config.plugins.on_serve(servidor, config=config, builder=lambda: None)
    assert servidor.vigiladas == [DATOS.resolve(), (tmp_path / "cache/pdf-listos").resolve()]
