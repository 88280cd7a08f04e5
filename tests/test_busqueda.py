"""``busqueda``: las mismas secciones que el ``Parser`` de la búsqueda de Material, en cada
página del sitio real, en casos raros y en HTML aleatorio; y las mismas entradas del índice."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest
from material.plugins.search.plugin import Parser, SearchIndex
from mkdocs.structure.toc import get_toc

from programas_spen.busqueda import indexar, por_id, recorrer, secciones

from .conftest import Construccion

_ARTICULO = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def _de_material(html: str) -> list[tuple[Any, ...]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, dict(s.el.attrs), s.depth, s.id, s.title, s.text, s.is_excluded()) for s in parser.data]


def _nuestras(html: str) -> list[tuple[Any, ...]]:
    return [(s.el.tag, dict(s.el.attrs), s.depth, s.id, s.title, s.text, s.is_excluded())
            for s in secciones(html)]


@pytest.mark.parametrize("html", [
    "", "solo texto\ncon salto", "<p>uno</p>\n\n<p>  </p><p></p>",
    '<h1 id="t">Título<a class="headerlink" href="#t">#</a></h1><p>a &amp; b &lt;c&gt;</p>',
    '<h2 id="a">A</h2><p>x</p><h3 id="b">B <code>c</code></h3><ul><li>uno</li><li> </li></ul>',
    '<p>antes</p><h2>sin id</h2><h2 id="con">con</h2>'
    '<div data-search-exclude><p>no</p><div>tampoco</div></div><p>sí</p>',
    "<pre><code>línea 1\n  línea 2\n\n</code></pre><p>a<br>b<br/>c</p>"
    "<script>var x = '<p>';</script><style>p{}</style>",
    '<div class="linenodiv"><pre>1\n2</pre></div><p>texto</p></p></div><span>',
    '<div><h2 id="anidado">Anidado</h2><p>dentro</p></div><p>fuera</p><h4 id="x">X</h4>',
    "<table><tr><td>celda\n con salto</td><td>   </td></tr></table><abbr title=\"Instituto\">INE</abbr>",
    '<h2 id="d" data-search-exclude>Excluida</h2><p>texto</p><h2 id="e">E</h2><p><sub>1</sub><sup> </sup></p>',
])
def test_casos(html: str) -> None:
    assert _nuestras(html) == _de_material(html)


_ETIQUETAS = ["p", "code", "pre", "li", "ul", "ol", "sub", "div", "span", "a", "h1", "h2", "h3",
              "script", "table", "td", "strong"]


def _aleatorio(azar: random.Random, profundidad: int = 0) -> str:
    partes = []
    for _ in range(azar.randint(0, 5)):
        tipo = azar.random()
        if tipo < 0.3 or profundidad > 4:
            partes.append(azar.choice(["texto", " ", "\n", "  \n ", "a &amp; b", "x\ny", "", "ñ <"]))
        elif tipo < 0.4:
            partes.append(azar.choice(["<br>", "<hr/>", "<img src=x>", "</p>", "</div>", "<p/>"]))
        else:
            etiqueta = azar.choice(_ETIQUETAS)
            atributos = azar.choice(["", f' id="i{azar.randint(0, 3)}"', ' class="headerlink"',
                                     " data-search-exclude", ' class="linenodiv"', ' id="j" class="c"'])
            partes.append(f"<{etiqueta}{atributos}>{_aleatorio(azar, profundidad + 1)}</{etiqueta}>")
    return "".join(partes)


def test_html_aleatorio() -> None:
    azar = random.Random(20261128)
    comparados = 0
    for _ in range(3000):
        html = _aleatorio(azar)
        try:
            esperado = _de_material(html)
        except ValueError:  # Material falla en algunos HTML mal formados: nosotros, igual
            with pytest.raises(ValueError):
                _nuestras(html)
            continue
        assert _nuestras(html) == esperado, html
        comparados += 1
    assert comparados > 2000


def test_cada_pagina_del_sitio(sitio_construido: Construccion) -> None:
    paginas = 0
    for ruta in sorted(sitio_construido.sitio.rglob("*.html")):
        articulo = _ARTICULO.search(ruta.read_text(encoding="utf-8"))
        if articulo:
            assert _nuestras(articulo.group(1)) == _de_material(articulo.group(1)), ruta
            paginas += 1
    assert paginas > 100


class _Registro(HTMLParser):
    """Anota cada llamada que recibe un analizador."""

    def __init__(self) -> None:
        super().__init__()
        self.llamadas: list[tuple[Any, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.llamadas.append(("abre", tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.llamadas.append(("cierra", tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.llamadas.append(("sola", tag, attrs))

    def handle_data(self, data: str) -> None:
        self.llamadas.append(("texto", data))

    def handle_comment(self, data: str) -> None:
        self.llamadas.append(("comentario", data))


def _llamadas_de(html: str, rapido: bool) -> list[tuple[Any, ...]] | None:
    registro = _Registro()
    if rapido:
        if not recorrer(html, registro):
            assert registro.llamadas == []  # o todo, o nada
            return None
    else:
        registro.feed(html)
        registro.close()
    return registro.llamadas


@pytest.mark.parametrize(("html", "rapido"), [
    ("", True), ("texto", True), ("a &amp; b &lt; c &#233; &eacute &noexiste;", True),
    ('<P CLASS="x">T</P >', True), ('<a href="/x?a=1&amp;b=2" title="a > b" data-x>y</a>', True),
    ("<br/><br /><hr>\n<img alt=\"\" src=\"a.png\"/>", True),
    ('<td\n  class="c"\n>celda</td>', True), ("</p></div>", True), ("fin &amp", True),
    ("<!-- comentario --><p>x</p>", False), ("<script>var a = '<p>';</script>", False),
    ("<STYLE>p{}</STYLE>", False), ("a < b", False), ("<img src=x>", False),
    ("<a href='x'>y</a>", False), ('<a href = "x">', False), ("<?php ?>", False),
    ("<!DOCTYPE html><p>", False), ('<a b="1"c="2">', False), ("</ p>", False),
    ("<title>t</title>", False), ("texto <", False), ('<script src="a.js"></script>', True),
    ('<SCRIPT src="a.js"></script ><p>x</p>', True), ("<script/><p>&amp;</p>", True),
    ('<script src="a.js"></script><script>&amp;</script>', False), ("<style> </style>", False),
])
def test_recorrer_da_las_llamadas_de_htmlparser(html: str, rapido: bool) -> None:
    """Lo que recorre, lo recorre igual que ``HTMLParser``; lo que no es sencillo, lo deja."""
    llamadas = _llamadas_de(html, rapido=True)
    assert (llamadas is not None) == rapido
    if llamadas is not None:
        assert llamadas == _llamadas_de(html, rapido=False)


def _sencillo(azar: random.Random, profundidad: int = 0) -> str:
    """HTML al azar hecho casi solo de lo que ``recorrer`` admite, con alguna pieza que no."""
    partes = []
    for _ in range(azar.randint(0, 5)):
        tipo = azar.random()
        if tipo < 0.35 or profundidad > 3:
            partes.append(azar.choice(["texto", " ", "\n", "á &amp; é", "&lt;b&gt;", "&#x41;",
                                       "&copy", "a&b", "x\r\ny", "", "  \t"]))
        elif tipo < 0.45:
            partes.append(azar.choice(["<br>", "<br/>", "<hr />", "</p>", "</DIV>", "<p/>",
                                       '<img alt="a&quot;b" src="x.png">', "<wbr>"]))
        elif tipo < 0.47:
            partes.append(azar.choice(["<", "<!-- c -->", "<script>x</script>", "<a href=x>",
                                       "< p>", "<a b='c'>", '<script src="s.js"></script>',
                                       "<style>&amp;</style>"]))
        else:
            etiqueta = azar.choice(["p", "a", "td", "H2", "span", "abbr", "code", "li", "x-y"])
            atributos = "".join(azar.choice(
                ["", ' id="i"', ' class="headerlink"', " data-search-exclude", ' title="a > b"',
                 ' href="?a=1&amp;b=2"', '\n   CLASS="C"', ' x=""', " y"])
                for _ in range(azar.randint(0, 3)))
            espacio = azar.choice(["", " ", "\n"])
            partes.append(f"<{etiqueta}{atributos}{espacio}>{_sencillo(azar, profundidad + 1)}"
                          f"</{etiqueta}>")
    return "".join(partes)


def test_recorrer_en_html_aleatorio() -> None:
    azar = random.Random(28112026)
    rapidos = lentos = 0
    for _ in range(4000):
        html = _sencillo(azar)
        llamadas = _llamadas_de(html, rapido=True)
        if llamadas is None:
            lentos += 1
            continue
        assert llamadas == _llamadas_de(html, rapido=False), html
        rapidos += 1
    assert rapidos > 2000 and lentos > 200  # se prueban los dos caminos


def test_recorrer_en_cada_pagina_del_sitio(sitio_construido: Construccion) -> None:
    """En el sitio real, cada página se recorre sin ``HTMLParser`` salvo las que tienen un
    ``<script>`` con contenido (las gráficas), con las mismas llamadas."""
    rapidas = paginas = 0
    for ruta in sorted(sitio_construido.sitio.rglob("*.html")):
        articulo = _ARTICULO.search(ruta.read_text(encoding="utf-8"))
        if not articulo:
            continue
        paginas += 1
        llamadas = _llamadas_de(articulo.group(1), rapido=True)
        if llamadas is None:
            assert re.search(r"<script[^>]*>[^<]", articulo.group(1)), ruta
            continue
        assert llamadas == _llamadas_de(articulo.group(1), rapido=False), ruta
        rapidas += 1
    assert paginas > 100 and rapidas > 0.9 * paginas


class _Pagina:
    def __init__(self, contenido: str, meta: dict[str, Any] | None = None) -> None:
        self.content = contenido
        self.meta = meta or {}
        self.toc: list[Any] = []
        self.url = "documentos/x/"
        self.title = "Título de la página"


def test_las_mismas_entradas_que_material(sitio_construido: Construccion) -> None:
    for ruta in sorted(sitio_construido.sitio.rglob("*.html"))[:60]:
        articulo = _ARTICULO.search(ruta.read_text(encoding="utf-8"))
        if not articulo:
            continue
        for meta in ({}, {"search": {"exclude": True}}, {"search": {"boost": 2}}, {"tags": ["a", 1]}):
            pagina = _Pagina(articulo.group(1), meta)
            suya, nuestra = SearchIndex(lang=["es"]), SearchIndex(lang=["es"])
            suya.add_entry_from_context(pagina)
            indexar(nuestra, pagina)
            assert nuestra.entries == suya.entries, ruta



class _Entrada:
    def __init__(self, id: str | None, children: list[_Entrada]) -> None:
        self.id = id
        self.url = f"#{id}"
        self.children = children


def _toc_aleatoria(azar: random.Random, profundidad: int = 0) -> list[_Entrada]:
    return [_Entrada(azar.choice(["a", "b", "c", "d", None]),
                     _toc_aleatoria(azar, profundidad + 1) if profundidad < 3 else [])
            for _ in range(azar.randint(0, 3))]


def test_por_id_da_la_entrada_que_halla_material() -> None:
    """La primera entrada con cada ``id`` en preorden, la misma que ``_find_toc_by_id``,
    con ``id`` repetidos, anidados y ausentes."""
    azar, material = random.Random(7), SearchIndex(lang=["es"])
    repetidas = 0
    for _ in range(500):
        toc = _toc_aleatoria(azar)
        entradas = por_id(toc)
        for id in ["a", "b", "c", "d", None, "falta"]:
            assert entradas.get(id) is material._find_toc_by_id(toc, id)
        vistos: list[str | None] = []
        pendientes = list(toc)
        while pendientes:
            entrada = pendientes.pop()
            vistos.append(entrada.id)
            pendientes.extend(entrada.children)
        repetidas += len(vistos) > len(set(vistos))
    assert repetidas > 100  # los id repetidos se prueban de verdad


def test_indexar_con_tabla_de_contenido_como_material() -> None:
    """Con la tabla de contenido de la página (anidada, con un encabezado repetido y otros sin
    ``id`` en ella), las mismas entradas que ``add_entry_from_context`` de Material."""
    texto = "\n\n".join([
        "# Programa", "Intro.", "## Ingreso", "texto", "### Plazas", "uno", "## Ingreso", "dos",
        "#### Hondo", "tres", '<h2 id="fuera">Fuera de la tabla</h2>', "<p>cuatro</p>",
        "## Evaluación del desempeño", "cinco"])
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"toc_depth": "1-3"}})
    html = md.convert(texto)
    pagina = _Pagina(html)
    pagina.toc = get_toc(md.toc_tokens)  # type: ignore[attr-defined]
    suya, nuestra = SearchIndex(lang=["es"]), SearchIndex(lang=["es"])
    suya.add_entry_from_context(pagina)
    indexar(nuestra, pagina)
    assert nuestra.entries == suya.entries
    assert {e["location"] for e in suya.entries} >= {
        "documentos/x/", "documentos/x/#ingreso", "documentos/x/#ingreso_1",
        "documentos/x/#plazas", "documentos/x/#hondo", "documentos/x/#fuera"}
