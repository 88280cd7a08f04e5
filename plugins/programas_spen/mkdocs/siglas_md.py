"""Extensión de Python-Markdown: siglas legibles para lectores de pantalla.

La extensión ``abbr`` marca cada sigla con ``<abbr title="…">``, que se ve al pasar el
puntero pero muchos lectores de pantalla no leen. Esta extensión añade, tras la primera
aparición de cada sigla en la página, su significado en un texto visualmente oculto
(clase ``sr-only``), para que se lea una vez y no en cada aparición. No lo hace en los
encabezados (que forman la tabla de contenidos) ni dentro de un número de acuerdo como
INE/JGE06/2020.

También sustituye el procesador de ``abbr`` por uno que da el mismo árbol más deprisa
(``_AbbrSinBusquedas``): el de Python-Markdown busca la posición de cada elemento entre sus
hermanos (``list(padre).index``) antes de mirar si su cola tiene alguna sigla, y casi ninguna
la tiene; en una tabla de cientos de filas eso son cientos de búsquedas lineales por fila, un
costo que crece con el cuadrado del tamaño de la página.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

_ENCABEZADOS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _SiglasLegibles(Treeprocessor):
    """Recorre el árbol después de ``abbr`` (prioridad 7) y antes de ``toc`` (5)."""

    def run(self, root: etree.Element) -> None:
        vistas: set[str] = set()
        self._recorrer(root, vistas, dentro_de_encabezado=False)

    def _recorrer(self, padre: etree.Element, vistas: set[str],
                  dentro_de_encabezado: bool) -> None:
        hijos = list(padre)
        for indice, hijo in enumerate(hijos):
            encabezado = dentro_de_encabezado or hijo.tag in _ENCABEZADOS
            if hijo.tag == "abbr" and hijo.get("title"):
                # referencias numéricas de ``sitio.solo_latin1``: en un atributo se verían tal cual
                hijo.set("title", html.unescape(hijo.get("title", "")))
            if hijo.tag == "abbr" and not encabezado:
                sigla = hijo.text or ""
                anterior = (hijos[indice - 1].tail if indice else padre.text) or ""
                en_numero = (hijo.tail or "").startswith("/") or anterior.endswith("/")
                if sigla and sigla not in vistas and not en_numero:
                    vistas.add(sigla)
                    oculto = etree.Element("span", {"class": "sr-only"})
                    oculto.text = f" ({hijo.get('title', '')})"
                    oculto.tail, hijo.tail = hijo.tail, None
                    padre.insert(list(padre).index(hijo) + 1, oculto)
            else:
                self._recorrer(hijo, vistas, encabezado)


#: Prioridad del procesador de ``abbr`` en Python-Markdown (la misma: lo sustituye).
PRIORIDAD_ABBR = 7


class _AbbrSinBusquedas(AbbrTreeprocessor):
    """``AbbrTreeprocessor`` que solo busca la posición de un elemento entre sus hermanos si
    su cola tiene alguna sigla (el original la busca siempre y después no la usa)."""

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        """Lo mismo que ``AbbrTreeprocessor.iter_element``, en el mismo orden."""
        for child in reversed(el):
            self.iter_element(child, el)
        assert self.RE is not None  # lo compila ``run`` antes de recorrer
        if text := el.text:
            if not isinstance(text, AtomicString):
                for m in reversed(list(self.RE.finditer(text))):
                    if self.abbrs[m.group(0)]:
                        abbr = self.create_element(self.abbrs[m.group(0)], m.group(0),
                                                   text[m.end():])
                        el.insert(0, abbr)
                        text = text[:m.start()]
                el.text = text
        if parent is not None and el.tail:
            tail = el.tail
            if not isinstance(tail, AtomicString):
                coincidencias = list(self.RE.finditer(tail))
                if coincidencias:
                    index = list(parent).index(el) + 1
                    for m in reversed(coincidencias):
                        if self.abbrs[m.group(0)]:
                            abbr = self.create_element(self.abbrs[m.group(0)], m.group(0),
                                                       tail[m.end():])
                            parent.insert(index, abbr)
                            tail = tail[:m.start()]
            el.tail = tail


class SiglasExtension(Extension):
    """Registra el procesador entre ``abbr`` y ``toc`` y, si ``abbr`` es el de
    Python-Markdown, lo sustituye por ``_AbbrSinBusquedas`` (con sus mismas siglas)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (API de Python-Markdown)
        md.treeprocessors.register(_SiglasLegibles(md), "siglas_legibles", 6)
        if "abbr" in md.treeprocessors and type(md.treeprocessors["abbr"]) is AbbrTreeprocessor:
            original = md.treeprocessors["abbr"]
            md.treeprocessors.register(_AbbrSinBusquedas(md, original.abbrs), "abbr",
                                       PRIORIDAD_ABBR)


def makeExtension(**kwargs: object) -> SiglasExtension:  # noqa: N802 (API de Python-Markdown)
    """Punto de entrada que usa Python-Markdown."""
    return SiglasExtension(**kwargs)
