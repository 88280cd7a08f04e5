"""URL que nunca se rompen (``sitio/permanencia.py``): el manifiesto sale de las páginas del
núcleo, una URL perdida detiene la construcción nombrándola, y cada entrada de
``redirecciones.yml`` se publica como página de redirección, copia de archivo o ancla movida."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from programas_spen.modelo.problemas import Informe
from programas_spen.sitio import urls
from programas_spen.sitio.construir import DatosInvalidos, Sitio
from programas_spen.sitio.permanencia import CABECERA, MANIFIESTO, leer_manifiesto, texto_manifiesto

from ..conftest import DATOS
from ..datos_prueba import PAT, archivos_base, cambiar, construir, escribir, linea_de

#: El acuerdo del conjunto de prueba que cambia de número en estas pruebas.
VIEJO, NUEVO = "INE/JGE06/2020", "INE/JGE07/2020"


def _con_manifiesto(raiz: Path) -> tuple[dict[str, str], str]:
    """Los archivos de prueba con el manifiesto de lo que publican hoy (como lo escribe la
    orden ``urls``), y su texto."""
    archivos = archivos_base()
    sitio = construir(escribir(raiz / "antes", archivos))
    manifiesto = texto_manifiesto(sitio.urls_publicadas)
    archivos[MANIFIESTO] = manifiesto
    return archivos, manifiesto


def _acuerdo_renumerado(archivos: dict[str, str]) -> dict[str, str]:
    """El acuerdo VIEJO pasa a llamarse NUEVO en todos los archivos (su URL cambia)."""
    return {ruta: texto.replace(VIEJO, NUEVO) if ruta.endswith(".yml") else texto for ruta, texto in archivos.items()}


def _pagina(sitio: Sitio, ruta: str) -> str:
    return next(p.html for p in sitio.paginas if p.ruta == ruta)


def _archivo(sitio: Sitio, ruta: str) -> bytes:
    return next(a.contenido for a in sitio.archivos if a.ruta == ruta)


def test_urls_publicadas_salen_de_las_paginas_del_nucleo(sitio_prueba: Sitio) -> None:
    publicadas = sitio_prueba.urls_publicadas
    for url in ("/documentos/pat-2020/", "/documentos/pat-2020/#ingreso-01", "/documentos/pat-2020/#eje-1",
                "/acuerdos/ine-jge06-2020/", "/INE/JGE06/2020/", "/documentos/pat-2020/anexo/",
                "/anexos/anexos.json", "/suscripciones/documento-pat-2020.ics", "/data.json",
                "/documentos/pat-2020/datos/actividades.csv", "/areas/"):
        assert url in publicadas, url
    # el PDF del anexo y sus huellas cuentan aunque esta construcción no los genere
    assert "/documentos/pat-2020/anexo.pdf" in publicadas and "/anexos/SHA256SUMS" in publicadas
    assert not any(url.startswith("/activos/") for url in publicadas)
    # solo anclas de registros, no de apartados
    assert not any(url.endswith(("#temas", "#siglas", "#datos", "#avisos")) for url in publicadas)
    # cada página generada está, con su URL
    assert {"/" + urls.Destino(p.ruta).url() for p in sitio_prueba.paginas} <= publicadas


def test_texto_del_manifiesto_ordenado_y_sin_repetidos() -> None:
    texto = texto_manifiesto(["/b/", "/a/#x", "/a/", "/b/"])
    assert texto.splitlines() == [*CABECERA, "/a/", "/a/#x", "/b/"]
    assert texto_manifiesto(["/b/", "/a/"]) == texto_manifiesto(["/a/", "/b/"])


def test_linea_del_manifiesto_que_no_es_url(tmp_path: Path) -> None:
    ruta = tmp_path / MANIFIESTO
    ruta.write_text("# comentario\n/acuerdos/\n\nacuerdos sin barra\n", encoding="utf-8")
    informe = Informe()
    assert leer_manifiesto(ruta, "datos/urls-publicadas.txt", informe) == [(2, "/acuerdos/")]
    (error,) = informe.errores
    assert (error.archivo, error.linea) == ("datos/urls-publicadas.txt", 4)
    assert "«acuerdos sin barra» no es una URL del sitio" in error.mensaje


def test_manifiesto_que_perdio_una_url_detiene_la_construccion(tmp_path: Path) -> None:
    archivos, manifiesto = _con_manifiesto(tmp_path)
    archivos = _acuerdo_renumerado(archivos)
    with pytest.raises(DatosInvalidos) as exc:
        construir(escribir(tmp_path / "despues", archivos))
    errores = exc.value.informe.errores
    perdidas = {e.mensaje.split("«")[1].split("»")[0]: e for e in errores}
    assert set(perdidas) == {"/acuerdos/ine-jge06-2020/", "/INE/JGE06/2020/"}
    error = perdidas["/acuerdos/ine-jge06-2020/"]
    assert error.archivo == "datos/urls-publicadas.txt"
    assert error.linea == linea_de(manifiesto, "/acuerdos/ine-jge06-2020/")
    assert "ya no se publica y no tiene entrada en redirecciones.yml" in error.mensaje
    assert "«de: /acuerdos/ine-jge06-2020/»" in error.mensaje
    # las URL nuevas no son un error: la orden urls las añade
    assert all(e.archivo == "datos/urls-publicadas.txt" for e in errores)


def test_un_ancla_perdida_tambien(tmp_path: Path) -> None:
    archivos, _ = _con_manifiesto(tmp_path)
    cambiar(archivos, PAT, "- id: ingreso-02", "- id: ingreso-09")
    with pytest.raises(DatosInvalidos) as exc:
        construir(escribir(tmp_path / "despues", archivos))
    (error,) = exc.value.informe.errores
    assert "«/documentos/pat-2020/#ingreso-02»" in error.mensaje


REDIRECCIONES = f"""\
redirecciones:
  - de: /acuerdos/ine-jge06-2020/
    a: /acuerdos/ine-jge07-2020/
    motivo: El número del acuerdo se transcribió mal; el de la fuente es {NUEVO}.
  - de: /INE/JGE06/2020/
    a: /INE/JGE07/2020/
    motivo: La dirección corta sigue al número del acuerdo.
  - de: /documentos/pat-2020/#ingreso-02
    a: /documentos/pat-2020/#ingreso-09
    motivo: El id de la actividad se corrigió.
"""


@pytest.fixture(scope="module")
def redirigido(tmp_path_factory: pytest.TempPathFactory) -> Sitio:
    """El conjunto de prueba con un acuerdo renumerado y una actividad con otro id, y sus
    entradas en ``redirecciones.yml``."""
    raiz = tmp_path_factory.mktemp("redirigido")
    archivos, _ = _con_manifiesto(raiz)
    archivos = _acuerdo_renumerado(archivos)
    cambiar(archivos, PAT, "- id: ingreso-02", "- id: ingreso-09")
    archivos["redirecciones.yml"] = REDIRECCIONES
    return construir(escribir(raiz / "despues", archivos))


def test_pagina_movida_da_una_pagina_de_redireccion(redirigido: Sitio) -> None:
    html = _archivo(redirigido, "acuerdos/ine-jge06-2020/index.html").decode("utf-8")
    sopa = BeautifulSoup(html, "html.parser")
    assert sopa.html["lang"] == "es"
    refresco = sopa.find("meta", attrs={"http-equiv": "refresh"})
    assert refresco["content"] == "0; url=../ine-jge07-2020/"
    assert sopa.find("link", rel="canonical")["href"] == "https://programas-spen.example/acuerdos/ine-jge07-2020/"
    assert sopa.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    enlace = sopa.find("main").find("a")
    assert enlace["href"] == "../ine-jge07-2020/" and "acuerdos/ine-jge07-2020/" in enlace.get_text()
    assert "cambió" in sopa.h1.get_text() and "se transcribió mal" in sopa.get_text()
    # el script propio (relativo, del sitio) conserva el ancla; va antes del refresco
    script = sopa.find("script", src=True)
    assert script["src"] == "../../activos/direcciones.js"
    assert html.index("direcciones.js") < html.index("http-equiv")
    assert json.loads(sopa.find("script", id="direcciones-datos").string)["destino"] == "../ine-jge07-2020/"
    # la dirección corta también
    corta = _archivo(redirigido, "INE/JGE06/2020/index.html").decode("utf-8")
    assert 'content="0; url=../../JGE07/2020/"' in corta
    # y la página nueva se publica
    assert any(p.ruta == "acuerdos/ine-jge07-2020.md" for p in redirigido.paginas)


def test_ancla_movida_lleva_el_script_en_su_pagina(redirigido: Sitio) -> None:
    sopa = BeautifulSoup(_pagina(redirigido, "documentos/pat-2020/index.md"), "html.parser")
    datos = json.loads(sopa.find("script", id="direcciones-datos").string)
    assert datos == {"anclas": {"ingreso-02": {"a": "#ingreso-09", "motivo": "El id de la actividad se corrigió."}}}
    assert sopa.find("script", src=True)["src"] == "../../activos/direcciones.js"
    assert sopa.find(class_="aviso-direccion").has_attr("hidden")
    assert sopa.find(id="ingreso-09") is not None
    # solo la página con anclas de antes lleva el script
    otra = _pagina(redirigido, "documentos/pat-cspen-2024/index.md")
    assert "direcciones" not in otra
    assert urls.ACTIVO_DIRECCIONES in {a.ruta for a in redirigido.archivos}


def test_pagina_retirada_lleva_al_indice(tmp_path: Path) -> None:
    archivos, _ = _con_manifiesto(tmp_path)
    archivos = _acuerdo_renumerado(archivos)
    archivos["redirecciones.yml"] = """\
redirecciones:
  - de: /acuerdos/ine-jge06-2020/
    retirado: true
    motivo: El acuerdo <b>no existe</b>.
  - de: /INE/JGE06/2020/
    retirado: true
    motivo: Sin acuerdo, sin dirección corta.
"""
    sitio = construir(escribir(tmp_path / "despues", archivos))
    html = _archivo(sitio, "acuerdos/ine-jge06-2020/index.html").decode("utf-8")
    sopa = BeautifulSoup(html, "html.parser")
    assert sopa.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../"
    assert sopa.find("link", rel="canonical")["href"].endswith("/acuerdos/")
    assert "se retiró" in sopa.h1.get_text()
    # el motivo es texto, escapado
    assert "El acuerdo &lt;b&gt;no existe&lt;/b&gt;." in html and "<b>" not in html
    assert 'content="0; url=../../../"' in _archivo(sitio, "INE/JGE06/2020/index.html").decode("utf-8")


def test_archivo_movido_se_copia(tmp_path: Path) -> None:
    """Un servidor estático no redirige un archivo: en la ruta de antes queda una copia."""
    archivos, manifiesto = _con_manifiesto(tmp_path)
    archivos[MANIFIESTO] = manifiesto + "/documentos/pat-2020/datos/viejo.csv\n"
    archivos["redirecciones.yml"] = """\
redirecciones:
  - de: /documentos/pat-2020/datos/viejo.csv
    a: /documentos/pat-2020/datos/actividades.csv
    motivo: La tabla cambió de nombre.
"""
    sitio = construir(escribir(tmp_path / "despues", archivos))
    assert (_archivo(sitio, "documentos/pat-2020/datos/viejo.csv")
            == _archivo(sitio, "documentos/pat-2020/datos/actividades.csv"))


@pytest.mark.parametrize(("entrada", "mensaje"), [
    ("  - de: /acuerdos/\n    a: /documentos/\n    motivo: x\n", "la URL «/acuerdos/» sigue publicada"),
    ("  - de: /documentos/pat-2020/#ingreso-01\n    retirado: true\n    motivo: x\n",
     "la URL «/documentos/pat-2020/#ingreso-01» sigue publicada"),
    ("  - de: /viejo/\n    a: /no-existe/\n    motivo: x\n", "la URL nueva «/no-existe/» no se publica"),
    ("  - de: /viejo/\n    a: /documentos/pat-2020/#no-existe\n    motivo: x\n",
     "la URL nueva «/documentos/pat-2020/#no-existe» no se publica"),
    ("  - de: /viejo.csv\n    a: /acuerdos/\n    motivo: x\n", "no son de la misma clase"),
    ("  - de: /viejo/#a-1\n    a: /acuerdos/\n    motivo: x\n", "la página de «/viejo/#a-1» ya no se publica"),
])
def test_entrada_que_no_sirve(tmp_path: Path, entrada: str, mensaje: str) -> None:
    archivos, _ = _con_manifiesto(tmp_path)
    archivos["redirecciones.yml"] = "redirecciones:\n" + entrada
    with pytest.raises(DatosInvalidos) as exc:
        construir(escribir(tmp_path / "despues", archivos))
    (error,) = exc.value.informe.errores
    assert (error.archivo, error.linea) == ("datos/redirecciones.yml", 2)
    assert mensaje in error.mensaje


def test_entrada_de_una_url_nunca_publicada_es_un_aviso(tmp_path: Path) -> None:
    archivos, _ = _con_manifiesto(tmp_path)
    archivos["redirecciones.yml"] = "redirecciones:\n  - de: /viejo/\n    a: /acuerdos/\n    motivo: x\n"
    sitio = construir(escribir(tmp_path / "despues", archivos))
    (aviso,) = [a for a in sitio.informe.avisos if a.archivo == "datos/redirecciones.yml"]
    assert "no está en urls-publicadas.txt" in aviso.mensaje
    assert b'url=../acuerdos/' in _archivo(sitio, "viejo/index.html")


def test_sin_manifiesto_no_se_compara_nada(sitio_prueba: Sitio) -> None:
    """Un sitio que aún no publicó nada (el conjunto de prueba no tiene manifiesto) construye."""
    assert sitio_prueba.urls_publicadas and not sitio_prueba.informe.errores


# --- Los datos reales: lo que vale para cualesquiera datos --------------------------------------


def test_manifiesto_real_bien_formado() -> None:
    texto = (DATOS / MANIFIESTO).read_text(encoding="utf-8")
    lineas = [linea for linea in texto.splitlines() if linea and not linea.startswith("#")]
    assert lineas == sorted(set(lineas)), "el manifiesto no está en orden o repite líneas"
    assert all(re.fullmatch(r"/[^\s#?]*(#[^\s#]+)?", linea) for linea in lineas)
    assert texto == texto_manifiesto(lineas)


def test_manifiesto_real_se_cumple(sitio_real: Sitio) -> None:
    """Cada URL del manifiesto sigue publicada o tiene su entrada (la construcción ya lo exige:
    ``sitio_real`` no habría construido); y cada documento real tiene su página y su PDF."""
    informe = Informe()
    lineas = leer_manifiesto(DATOS / MANIFIESTO, MANIFIESTO, informe)
    assert lineas and not informe.problemas
    redirigidas = {r.de for r in sitio_real.grafo.datos.redirecciones}
    for _, url in lineas:
        assert url in sitio_real.urls_publicadas or url in redirigidas or url.split("#")[0] in redirigidas, url
    for doc in sitio_real.grafo.datos.documentos:
        assert f"/documentos/{doc.id}/" in sitio_real.urls_publicadas
        assert f"/documentos/{doc.id}/anexo.pdf" in sitio_real.urls_publicadas


def test_la_portada_no_se_redirige(tmp_path: Path) -> None:
    archivos, _ = _con_manifiesto(tmp_path)
    archivos["redirecciones.yml"] = "redirecciones:\n  - de: /\n    a: /acuerdos/\n    motivo: x\n"
    with pytest.raises(DatosInvalidos) as exc:
        construir(escribir(tmp_path / "despues", archivos))
    (error,) = exc.value.informe.errores
    assert "es la portada" in error.mensaje and error.linea == 2
