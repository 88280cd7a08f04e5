"""urls: el esquema documentado (documentos con sus registros como anclas, acuerdos por número
en minúsculas, sesiones, áreas, mecanismos, instituciones), ``Destino.url()`` con barra final,
``Destino.desde()`` relativo (incluida el ancla en la misma página) y que las URL dependen solo
de los ids: dos modelos que difieren solo en los textos dan las mismas rutas y enlaces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from programas_spen.sitio import urls
from programas_spen.sitio.render import ancla_de_titulo
from tests.datos_prueba import INFORME, PAT, PLAN, PROGRAMA, archivos_base, construir, escribir


@pytest.mark.parametrize(("destino", "url"), [
    (urls.INICIO, ""),
    (urls.DOCUMENTOS, "documentos/"),
    (urls.ACUERDOS, "acuerdos/"),
    (urls.SESIONES, "sesiones/"),
    (urls.AREAS, "areas/"),
    (urls.MECANISMOS, "mecanismos/"),
    (urls.INSTITUCIONES, "instituciones/"),
    (urls.documento("ine-pat-spen-2020"), "documentos/ine-pat-spen-2020/"),
    (urls.ancla("ine-pat-cspen-2024", "tema-01"), "documentos/ine-pat-cspen-2024/#tema-01"),
    (urls.apartado("ine-pat-cspen-2024", "temas"), "documentos/ine-pat-cspen-2024/#temas"),
    (urls.actividad("d", "ingreso-01"), "documentos/d/#ingreso-01"),
    (urls.tema("d", "tema-02"), "documentos/d/#tema-02"),
    (urls.compromiso("d", "compromiso-07"), "documentos/d/#compromiso-07"),
    (urls.mecanismo_documento("d", "capacitacion"), "documentos/d/#capacitacion"),
    (urls.acuerdo("INE/JGE06/2020"), "acuerdos/ine-jge06-2020/"),
    (urls.acuerdo("INE/CG909/2015"), "acuerdos/ine-cg909-2015/"),
    (urls.sesion("cspen-2024-03-13"), "sesiones/cspen-2024-03-13/"),
    (urls.area("dp"), "areas/dp/"),
    (urls.mecanismo("capacitacion"), "mecanismos/capacitacion/"),
    (urls.institucion("ieeq"), "instituciones/ieeq/"),
])
def test_esquema_de_url(destino: urls.Destino, url: str) -> None:
    assert destino.url() == url


def test_slug_de_acuerdo() -> None:
    assert urls.slug_acuerdo("INE/JGE06/2020") == "ine-jge06-2020"
    assert urls.acuerdo("INE/JGE06/2020") == urls.Destino("acuerdos/ine-jge06-2020.md")


@pytest.mark.parametrize(("destino", "origen", "enlace"), [
    # misma página: solo el ancla, o «./» si no hay ancla
    (urls.ancla("d", "tema-01"), "documentos/d/index.md", "#tema-01"),
    (urls.documento("d"), "documentos/d/index.md", "./"),
    # otra página: ruta relativa al Markdown de origen
    (urls.acuerdo("INE/JGE06/2020"), "documentos/d/index.md", "../../acuerdos/ine-jge06-2020.md"),
    (urls.ancla("d", "tema-01"), "acuerdos/ine-jge06-2020.md", "../documentos/d/index.md#tema-01"),
    (urls.ancla("d", "tema-01"), "documentos/e/index.md", "../d/index.md#tema-01"),
    (urls.sesion("cspen-2024-03-13"), "sesiones/cspen-2024-06-17.md", "cspen-2024-03-13.md"),
    (urls.SESIONES, "sesiones/cspen-2024-06-17.md", "index.md"),
    (urls.area("dp"), "index.md", "areas/dp.md"),
    (urls.INICIO, "areas/dp.md", "../index.md"),
])
def test_enlace_relativo(destino: urls.Destino, origen: str, enlace: str) -> None:
    assert destino.desde(origen) == enlace


def test_referencia_por_coleccion() -> None:
    assert urls.referencia("doc/tema-03", "temas") == urls.tema("doc", "tema-03")
    assert urls.referencia("doc/sesion-ordinaria-1", "sesiones_programadas") == urls.ancla(
        "doc", "sesion-ordinaria-1")
    with pytest.raises(ValueError, match="colección sin URL"):
        urls.referencia("doc/x", "compromisos_sin_url")


def test_destinos_ordenables_y_comparables() -> None:
    assert urls.ancla("d", "a") == urls.Destino("documentos/d/index.md", "a")
    assert sorted([urls.area("b"), urls.area("a")]) == [urls.area("a"), urls.area("b")]




def _rutas_y_enlaces(directorio: Path) -> tuple[list[str], set[str], set[str]]:
    sitio = construir(directorio)
    rutas = [p.ruta for p in sitio.paginas]
    enlaces = {f"{p.ruta} -> {a['href']}" for p in sitio.paginas
               for a in BeautifulSoup(p.html, "html.parser").find_all("a", href=True)
               if "headerlink" not in (a.get("class") or [])}
    anclas = {f"{p.ruta}#{a}" for p in sitio.paginas for a in _anclas_fijas(p.html)}
    return rutas, enlaces, anclas


def _anclas_fijas(html: str) -> set[str]:
    """Las anclas de una página que no salen del texto de un encabezado (las de los registros
    y apartados, fijadas por sus ids): un encabezado sin id fijo toma el ancla de su título,
    como en cualquier página de MkDocs, y esa sí cambia con la redacción."""
    sopa = BeautifulSoup(html, "html.parser")
    anclas = set()
    for elemento in sopa.find_all(id=True):
        if elemento.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            texto = "".join(t for t in elemento.find_all(string=True) if t.find_parent(class_="headerlink") is None)
            if re.fullmatch(re.escape(ancla_de_titulo(texto)) + r"(_\d+)?", elemento["id"]):
                continue
        anclas.add(elemento["id"])
    return anclas


def test_url_dependen_solo_de_los_ids(tmp_path: Path) -> None:
    original = archivos_base()
    corregido = dict(original)
    # la misma información con otra redacción: títulos, textos, nombres de sesiones
    sustituciones = {
        PAT: [("Primera actividad de ingreso.", "Actividad primera (redacción corregida)."),
              ("titulo_corto: PAT de prueba 2020", "titulo_corto: Programa corregido 2020"),
              ("nombre: Ingreso\n", "nombre: Ingreso al Servicio\n"),
              ("titulo: Introducción 2020", "titulo: Presentación 2020")],
        PROGRAMA: [("(DP) Primer tema.", "(DP) Primer tema, con otra redacción."),
                   ("texto: Segunda semana — Marzo", "texto: 2.ª semana de marzo")],
        INFORME: [("Revisar el primer tema del programa.", "Revisar el tema uno."),
                  ("texto: Primera sesión ordinaria", "texto: 1.ª sesión ordinaria")],
        PLAN: [("Primera fila del cronograma.", "Fila uno."), ("texto: Eje A.", "texto: Eje A")],
    }
    for archivo, cambios in sustituciones.items():
        for viejo, nuevo in cambios:
            assert corregido[archivo].count(viejo) == 1, viejo
            corregido[archivo] = corregido[archivo].replace(viejo, nuevo)
    rutas_a, enlaces_a, anclas_a = _rutas_y_enlaces(escribir(tmp_path / "a", original))
    rutas_b, enlaces_b, anclas_b = _rutas_y_enlaces(escribir(tmp_path / "b", corregido))
    assert rutas_a == rutas_b
    assert anclas_a == anclas_b
    # los textos de los enlaces cambian; sus destinos no
    assert enlaces_a == enlaces_b
    assert len(enlaces_a) > 50 and len(anclas_a) > 20


def test_cambiar_un_id_si_mueve_su_url(tmp_path: Path) -> None:
    # contraprueba: el id sí forma parte de la URL
    original = archivos_base()
    otro = dict(original)
    otro[PROGRAMA] = otro[PROGRAMA].replace("- id: tema-02", "- id: tema-dos")
    _, _, anclas_a = _rutas_y_enlaces(escribir(tmp_path / "a", original))
    _, _, anclas_b = _rutas_y_enlaces(escribir(tmp_path / "b", otro))
    assert "documentos/pat-cspen-2024/index.md#tema-02" in anclas_a - anclas_b
    assert "documentos/pat-cspen-2024/index.md#tema-dos" in anclas_b - anclas_a


def test_relativa_a_igual_que_relpath() -> None:
    import itertools
    import posixpath

    from programas_spen.sitio.urls import relativa_a

    rutas = ["index.md", "a.md", "a/index.md", "a/b.md", "a/b/c.md", "a/b/index.md", "b/a.md",
             "ab/c.md", "a/bc/d.md", "documentos/x/index.md", "documentos/x/calendario.md"]
    carpetas = ["", "a", "a/b", "b", "ab", "a/bc", "documentos/x", "documentos", "a/b/c"]
    for ruta, carpeta in itertools.product(rutas, carpetas):
        assert relativa_a(ruta, carpeta) == posixpath.relpath(ruta, carpeta or "."), (ruta, carpeta)


def test_urls_desde_la_raiz_del_manifiesto() -> None:
    from programas_spen.sitio import urls as u

    assert u.desde_la_raiz(u.acuerdo("INE/JGE06/2020").url()) == "/acuerdos/ine-jge06-2020/"
    assert u.desde_la_raiz(u.INICIO.url()) == "/"
    assert u.archivo_de_url("/acuerdos/ine-jge06-2020/#x") == "acuerdos/ine-jge06-2020/index.html"
    assert u.archivo_de_url("/documentos/x/anexo.pdf") == "documentos/x/anexo.pdf"
    assert u.archivo_de_url("/") == "index.html"
    assert u.carpetas_de("/INE/JGE06/2020/") == ["/INE/JGE06/", "/INE/", "/"]
    assert u.carpetas_de("/documentos/x/#act-01") == ["/documentos/", "/"]
    assert u.carpetas_de("/data.json") == ["/"]


def test_suscripcion_webcal() -> None:
    direccion = urls.feed_absoluto("https://ejemplo.mx/spen", "todo")
    assert direccion == "https://ejemplo.mx/spen/suscripciones/todo.ics"
    assert urls.webcal(direccion) == "webcal://ejemplo.mx/spen/suscripciones/todo.ics"
    assert urls.webcal("http://127.0.0.1:8000/suscripciones/todo.ics") == "webcal://127.0.0.1:8000/suscripciones/todo.ics"
