"""paginas.buscar: la página de búsqueda. Un formulario GET que funciona sin JavaScript (la
consulta queda en la dirección), el lugar de los resultados con la carpeta de los índices y la
raíz del sitio relativas a la página, el aviso sin JavaScript con los índices del sitio, y la
página misma fuera del índice de búsqueda."""

from __future__ import annotations

from bs4 import BeautifulSoup

from programas_spen.sitio import urls
from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.paginas.buscar import pagina_buscar
from tests.datos_prueba import html


def test_pagina_de_busqueda(sitio_real: Sitio) -> None:
    pagina = pagina_buscar(sitio_real.grafo)
    assert pagina == pagina_buscar(sitio_real.grafo)  # pura
    assert pagina.ruta == urls.BUSCAR.ruta == "buscar/index.md"
    assert pagina.titulo == "Buscar" and pagina.institucion is None
    assert pagina.meta == {"search": {"exclude": True}}  # no se busca a sí misma
    sopa = BeautifulSoup(html(pagina.contenido), "html.parser")
    raiz = sopa.select_one("[data-buscador]")
    # desde /buscar/: los índices en /pagefind/ y la raíz del sitio
    assert raiz["data-buscador"] == "../pagefind/" and raiz["data-raiz"] == "../"
    formulario = raiz.select_one("form[role=search]")
    assert formulario["method"] == "get" and formulario["action"] == "./"
    caja = formulario.select_one("input[name=q]")
    assert caja["type"] == "search"
    assert sopa.select_one(f"label[for={caja['id']}]").get_text(strip=True) == "Palabras que busca:"
    assert raiz.select_one("[role=status]")["aria-live"] == "polite"
    assert raiz.select_one("ol.spen-buscador__resultados") is not None
    assert "necesita JavaScript" in sopa.select_one("noscript").get_text()
    enlaces = {a.get_text(): a["href"] for a in sopa.find_all("a")}
    assert enlaces["documentos"] == "../documentos/index.md"
    assert enlaces["acuerdos"] == "../acuerdos/index.md"
    assert sopa.find("script")["src"] == "../activos/buscar.js"
