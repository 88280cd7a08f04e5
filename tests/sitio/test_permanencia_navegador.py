"""URL que nunca se rompen, en el sitio construido con MkDocs y en Chromium.

- El manifiesto real se cumple en el sitio real construido: cada URL existe (el archivo y, si
  tiene ancla, ese id en su HTML) o tiene su entrada en ``redirecciones.yml``.
- Una copia del proyecto en la que el id de una actividad cambió y un documento «viejo» se fue
  (con sus entradas en ``redirecciones.yml``) construye en modo estricto; la página de antes es
  una página de redirección que funciona (con JavaScript conserva el ancla o la lleva a la
  nueva; sin JavaScript, el ``meta refresh``), y el ancla de antes de una página que sigue lleva
  a la nueva con un aviso visible (sin JavaScript, la página se abre arriba, sin aviso).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from programas_spen.sitio.permanencia import MANIFIESTO

from ..conftest import DATOS, Construccion, construir, copiar_proyecto

DOC = "documentos/ine-pat-spen-2020/"

REDIRECCIONES = f"""\
redirecciones:
  - de: /{DOC}#ingreso-02
    a: /{DOC}#ingreso-99
    motivo: El id de la actividad se corrigió.
  - de: /documentos/pat-viejo/
    a: /{DOC}
    motivo: El documento se publicó antes con otro id.
  - de: /documentos/pat-viejo/#act-1
    a: /{DOC}#ingreso-01
    motivo: Las actividades se renumeraron.
"""


def _archivo_de(sitio: Path, url: str) -> Path:
    ruta = sitio / url.split("#", 1)[0].lstrip("/")
    return ruta / "index.html" if url.split("#", 1)[0].endswith("/") else ruta


@pytest.mark.sitio
def test_manifiesto_real_en_el_sitio_construido(sitio_construido: Construccion) -> None:
    from programas_spen.carga.validacion import cargar_datos

    redirigidas = {r.de for r in cargar_datos(DATOS).datos.redirecciones}  # type: ignore[union-attr]
    ids: dict[Path, set[str]] = {}
    for linea in (DATOS / MANIFIESTO).read_text(encoding="utf-8").splitlines():
        if not linea or linea.startswith("#"):
            continue
        if linea in redirigidas or linea.split("#", 1)[0] in redirigidas:
            continue
        archivo = _archivo_de(sitio_construido.sitio, linea)
        assert archivo.is_file(), f"{linea}: no está en el sitio construido ({archivo})"
        if "#" in linea:
            if archivo not in ids:
                ids[archivo] = {e["id"] for e in BeautifulSoup(archivo.read_text("utf-8"), "html.parser")
                                .find_all(id=True)}
            assert linea.split("#", 1)[1] in ids[archivo], f"{linea}: el ancla no está en la página"


@pytest.fixture(scope="module")
def movido(tmp_path_factory: pytest.TempPathFactory) -> Construccion:
    """El proyecto con el id ``ingreso-02`` cambiado a ``ingreso-99``, un documento viejo en el
    manifiesto, y sus redirecciones; construido en modo estricto (sin PDF ni búsqueda)."""
    raiz = tmp_path_factory.mktemp("movido")
    proyecto = copiar_proyecto(raiz / "proyecto")
    pat = proyecto / "datos/ine/2020/ine-pat-spen-2020.yml"
    texto = pat.read_text(encoding="utf-8")
    assert texto.count("- id: ingreso-02\n") == 1
    pat.write_text(texto.replace("- id: ingreso-02\n", "- id: ingreso-99\n"), encoding="utf-8")
    manifiesto = proyecto / "datos" / MANIFIESTO
    manifiesto.write_text(manifiesto.read_text(encoding="utf-8")
                          + "/documentos/pat-viejo/\n/documentos/pat-viejo/#act-1\n/documentos/pat-viejo/#ingreso-03\n",
                          encoding="utf-8")
    (proyecto / "datos/redirecciones.yml").write_text(REDIRECCIONES, encoding="utf-8")
    construccion = construir(proyecto, raiz / "site", ANEXOS_PDF="false", BUSQUEDA="false")
    assert construccion.codigo == 0, construccion.salida
    return construccion


@pytest.mark.sitio
def test_sin_la_entrada_la_construccion_estricta_falla(tmp_path: Path) -> None:
    proyecto = copiar_proyecto(tmp_path / "proyecto")
    pat = proyecto / "datos/ine/2020/ine-pat-spen-2020.yml"
    pat.write_text(pat.read_text(encoding="utf-8").replace("- id: ingreso-02\n", "- id: ingreso-99\n"),
                   encoding="utf-8")
    resultado = construir(proyecto, tmp_path / "site", ANEXOS_PDF="false", BUSQUEDA="false")
    assert resultado.codigo != 0 and "Traceback" not in resultado.salida
    assert ("datos/urls-publicadas.txt:" in resultado.salida
            and f"la URL publicada «/{DOC}#ingreso-02» ya no se publica" in resultado.salida), resultado.salida
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.sitio
def test_pagina_de_redireccion_en_el_sitio(movido: Construccion) -> None:
    html = (movido.sitio / "documentos/pat-viejo/index.html").read_text(encoding="utf-8")
    sopa = BeautifulSoup(html, "html.parser")
    assert sopa.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../ine-pat-spen-2020/"
    assert sopa.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert sopa.find("link", rel="canonical")["href"].endswith("/" + DOC)
    assert sopa.find("main").find("a")["href"] == "../ine-pat-spen-2020/"
    # no entra en el mapa del sitio
    assert "pat-viejo" not in (movido.sitio / "sitemap.xml").read_text(encoding="utf-8")
    # la página que sigue lleva el script y su ancla nueva
    pagina = BeautifulSoup((movido.sitio / DOC / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert pagina.find(id="ingreso-99") is not None and pagina.find(id="ingreso-02") is None
    assert pagina.find("script", src=lambda s: bool(s) and s.endswith("activos/direcciones.js")) is not None


@pytest.fixture(scope="module")
def servidor_movido(movido: Construccion):
    from ..navegador import servir

    with servir(movido.sitio) as base:
        yield base


@pytest.mark.navegador
def test_ancla_movida_lleva_a_la_nueva_con_aviso(pestana, servidor_movido: str) -> None:
    pestana.goto(f"{servidor_movido}{DOC}#ingreso-02")
    pestana.wait_for_function("() => location.hash === '#ingreso-99'")
    aviso = pestana.locator(".aviso-direccion")
    aviso.wait_for(state="visible")
    texto = aviso.inner_text()
    assert "#ingreso-02" in texto and "#ingreso-99" in texto and "El id de la actividad se corrigió." in texto
    # la fila nueva está en la ventana (su ancla puede ser un elemento vacío)
    assert pestana.evaluate("""() => { const r = document.getElementById('ingreso-99').getBoundingClientRect();
                                       return r.top >= 0 && r.top < window.innerHeight; }""")
    # el aviso se cierra
    pestana.click(".aviso-direccion button")
    assert not aviso.is_visible()
    # un ancla que no cambió no muestra nada
    pestana.goto(f"{servidor_movido}{DOC}#ingreso-01")
    pestana.wait_for_load_state("load")
    assert not pestana.locator(".aviso-direccion").is_visible()


@pytest.mark.navegador
def test_pagina_de_redireccion_conserva_o_cambia_el_ancla(pestana, servidor_movido: str) -> None:
    pestana.goto(f"{servidor_movido}documentos/pat-viejo/#act-1")
    pestana.wait_for_url(f"{servidor_movido}{DOC}#ingreso-01")
    pestana.goto(f"{servidor_movido}documentos/pat-viejo/#ingreso-03")
    pestana.wait_for_url(f"{servidor_movido}{DOC}#ingreso-03")
    pestana.goto(f"{servidor_movido}documentos/pat-viejo/")
    pestana.wait_for_url(f"{servidor_movido}{DOC}")


@pytest.mark.navegador
def test_sin_javascript(contexto_sin_js, servidor_movido: str) -> None:
    pagina = contexto_sin_js.new_page()
    try:
        # la página de redirección lleva con el meta refresh (sin el ancla)
        pagina.goto(f"{servidor_movido}documentos/pat-viejo/#act-1")
        pagina.wait_for_url(f"{servidor_movido}{DOC}")
        # el ancla de antes: la página se abre, arriba y sin aviso
        pagina.goto(f"{servidor_movido}{DOC}#ingreso-02")
        assert pagina.locator("h1").first.is_visible()
        assert not pagina.locator(".aviso-direccion").is_visible()
        assert pagina.evaluate("() => window.scrollY") == 0
    finally:
        pagina.close()
