"""Extensión de Python-Markdown: siglas legibles para lectores de pantalla.

La extensión ``abbr`` marca cada sigla con ``<abbr title="…">``, que se ve al pasar el
puntero pero muchos lectores de pantalla no leen. Esta extensión añade, tras la primera
aparición de cada sigla en la página, su significado en un texto visualmente oculto
(clase ``sr-only``), para que se lea una vez y no en cada aparición. No lo hace en los
encabezados (que forman la tabla de contenidos) ni dentro de un número de acuerdo como
INE/JGE06/2020.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

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


class SiglasExtension(Extension):
    """Registra el procesador entre ``abbr`` y ``toc``."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (API de Python-Markdown)
        md.treeprocessors.register(_SiglasLegibles(md), "siglas_legibles", 6)


def makeExtension(**kwargs: object) -> SiglasExtension:  # noqa: N802 (API de Python-Markdown)
    """Punto de entrada que usa Python-Markdown."""
    return SiglasExtension(**kwargs)
