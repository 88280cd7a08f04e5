"""Extensión de Python-Markdown: siglas legibles para lectores de pantalla.

La extensión ``abbr`` marca cada sigla con ``<abbr title="…">``, que se ve al pasar el
puntero pero muchos lectores de pantalla no leen. Esta extensión añade, tras la primera
aparición de cada sigla en la página (salvo dentro de un número
de acuerdo como INE/JGE06/2020), su significado en un texto visualmente oculto
(clase ``sr-only``), para que se lea una vez y no en cada aparición.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

_ABBR = re.compile(r'<abbr title="([^"]*)">([^<]+)</abbr>')


class _SiglasLegibles(Postprocessor):
    def run(self, text: str) -> str:
        vistas: set[str] = set()

        def primera(encontrado: re.Match[str]) -> str:
            titulo, sigla = encontrado.group(1), encontrado.group(2)
            texto = encontrado.string
            dentro_de_numero = (texto[encontrado.end():encontrado.end() + 1] == "/"
                                or texto[encontrado.start() - 1:encontrado.start()] == "/")
            if sigla in vistas or dentro_de_numero:
                return encontrado.group(0)
            vistas.add(sigla)
            return f'{encontrado.group(0)}<span class="sr-only"> ({titulo})</span>'

        return _ABBR.sub(primera, text)


class SiglasExtension(Extension):
    """Registra el posprocesador después del de ``abbr``."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (API de Python-Markdown)
        md.postprocessors.register(_SiglasLegibles(md), "siglas_legibles", 5)


def makeExtension(**kwargs: object) -> SiglasExtension:  # noqa: N802 (API de Python-Markdown)
    """Punto de entrada que usa Python-Markdown."""
    return SiglasExtension(**kwargs)
