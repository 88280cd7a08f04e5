"""paginas.buscar: la página de búsqueda. Un formulario GET que funciona sin JavaScript (la
consulta queda en la dirección), el lugar de los resultados con la carpeta de los índices y la
raíz del sitio relativas a la página, el aviso sin JavaScript con los índices del sitio, y la
página misma fuera del índice de búsqueda."""

from __future__ import annotations

from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.buscar import pagina_buscar
from tests.sitio.paginas.sopa import enlaces, plano, sopa


def test_pagina_de_busqueda(grafo_real: Grafo) -> None:
    pagina = pagina_buscar(grafo_real)
    assert pagina == pagina_buscar(grafo_real)  # pura
    assert pagina.ruta == urls.BUSCAR.ruta == "buscar/index.md"
    assert pagina.titulo == "Buscar" and pagina.institucion is None
    assert pagina.meta == {"search": {"exclude": True}}  # no se busca a sí misma
    html = sopa(pagina)
    assert plano(html.find("h1")) == "Buscar en el sitio"
    raiz = html.select_one("[data-buscador]")
    # desde /buscar/: los índices en /pagefind/ y la raíz del sitio
    assert raiz["data-buscador"] == "../pagefind/" and raiz["data-raiz"] == "../"
    formulario = raiz.select_one("form[role=search]")
    assert formulario["method"] == "get" and formulario["action"] == "./"
    caja = formulario.select_one("input[name=q]")
    assert caja["type"] == "search"
    assert html.select_one(f"label[for={caja['id']}]").get_text(strip=True) == "Palabras que busca:"
    assert raiz.select_one("[role=status]")["aria-live"] == "polite"
    assert raiz.select_one("ol.spen-buscador__resultados") is not None
    assert "necesita JavaScript" in html.select_one("noscript").get_text()
    todos = enlaces(html)
    assert todos["documentos"] == "../documentos/"
    assert todos["acuerdos"] == "../acuerdos/"
    assert todos["calendario"] == "../calendario/"
    assert html.find("script")["src"] == "../activos/buscar.js"
