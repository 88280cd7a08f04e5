"""Privacidad: el sitio no hace ninguna petición a otro servidor. En Chromium, para cada tipo de
página, se registran todas las peticiones (``page.on("request")`` y las del contexto, que
incluyen las de los trabajadores) al cargarla en un contexto sin caché y al bajar hasta el
final; la página de búsqueda, con su consulta ya respondida (fixture ``trafico`` de
``conftest.py``); todas deben
ir al servidor local que sirve la construcción, y ninguna a Google Fonts ni a una CDN.

Además, por construcción: ni fuentes de Google ni CDN en el HTML ni en el CSS publicados, y
nada en las páginas que haga a Material o a Plotly pedir algo fuera (diagramas Mermaid, que
Material trae de unpkg.com; gráficas de mapas, cuyos mapas y fronteras Plotly trae de
cdn.plot.ly y de servidores de teselas)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import RAIZ, Construccion
from tests.navegador import PAGINAS

# Servidores de fuentes y CDN que un sitio MkDocs suele pedir sin darse cuenta.
FUENTES_Y_CDN = {
    "fonts.googleapis.com", "fonts.gstatic.com", "ajax.googleapis.com", "cdn.jsdelivr.net",
    "unpkg.com", "cdnjs.cloudflare.com", "cdn.plot.ly", "code.jquery.com", "use.fontawesome.com",
    "kit.fontawesome.com", "maxcdn.bootstrapcdn.com", "stackpath.bootstrapcdn.com", "polyfill.io",
    "cdn.polyfill.io", "www.googletagmanager.com", "www.google-analytics.com", "unpkg.io",
}

# Tipos de traza de Plotly que piden mapas o fronteras a otros servidores.
TRAZAS_CON_MAPAS = {
    "scattergeo", "choropleth", "scattermapbox", "choroplethmapbox", "densitymapbox",
    "scattermap", "choroplethmap", "densitymap",
}


def _es_red(url: str) -> bool:
    """¿Es una petición de red? (``data:``, ``blob:`` y ``about:`` no salen de la página)."""
    return urlsplit(url).scheme not in ("data", "blob", "about")


@pytest.mark.navegador
@pytest.mark.parametrize("tipo", sorted(PAGINAS))
def test_ninguna_peticion_sale_del_servidor_local(trafico: dict, servidor: str, tipo: str) -> None:
    registro = trafico[tipo]
    red = [u for u in registro.peticiones if _es_red(u)]
    assert red, "no se registró ninguna petición"
    if registro.busqueda:  # la página de búsqueda buscó de verdad: pidió los índices y sus trozos
        assert any(u.endswith("/pagefind/indices.json") for u in red), red
        assert any(re.search(r"/pagefind/[a-z0-9-]+/(index|fragment)/", u) for u in red), red
    local = urlsplit(servidor).netloc
    fuera = sorted({u for u in red if urlsplit(u).netloc != local or urlsplit(u).scheme != "http"})
    assert not fuera, fuera
    assert not {urlsplit(u).hostname for u in red} & FUENTES_Y_CDN
    assert not registro.sockets, registro.sockets


@pytest.mark.sitio
def test_sin_fuentes_ni_cdn_por_construccion(sitio_construido: Construccion) -> None:
    # Material no enlaza Google Fonts porque el tema lo desactiva.
    assert re.search(r"^theme:(?:\n  .*)*\n  font: false$", (RAIZ / "mkdocs.yml").read_text(encoding="utf-8"),
                     re.MULTILINE)
    sitio = sitio_construido.sitio
    for hoja in sitio.rglob("*.css"):
        texto = hoja.read_text(encoding="utf-8")
        for servidor in FUENTES_Y_CDN:
            assert servidor not in texto, (hoja, servidor)
        assert not re.search(r"(?:url\(\s*['\"]?|@import\s+['\"])(?:https?:)?//", texto), hoja
    paginas = list(sitio.rglob("*.html"))
    assert len(paginas) > 50
    for pagina in paginas:
        texto = pagina.read_text(encoding="utf-8")
        for servidor in ("fonts.googleapis.com", "fonts.gstatic.com"):
            assert servidor not in texto, (pagina, servidor)
        if "mermaid" not in texto and "data-grafica" not in texto:
            continue
        sopa = BeautifulSoup(texto, "html.parser")
        assert not sopa.select(".mermaid"), pagina
        for grafica in sopa.select("[data-grafica]"):
            trazas = json.loads(grafica["data-grafica"]).get("data", [])
            tipos = {traza.get("type", "scatter") for traza in trazas}
            assert not tipos & TRAZAS_CON_MAPAS, (pagina, tipos)
