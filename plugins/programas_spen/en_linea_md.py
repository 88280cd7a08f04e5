"""Extensión de Python-Markdown: el mismo HTML, sin probar uno por uno los patrones en línea en
los textos donde ninguno puede coincidir.

Python-Markdown procesa cada texto del árbol (cada celda de tabla, cada párrafo, lo que sigue
a cada enlace) con cada patrón en línea registrado (código, escapes, enlaces, imágenes, HTML,
entidades, énfasis…), uno tras otro, y cada intento cuesta varios microsegundos de Python
aunque la expresión regular no encuentre nada. Las páginas generadas tienen cientos de miles de
textos así, la mayoría sin nada que procesar (un nombre de área, «Permanente», el texto de una
actividad); era casi la mitad del tiempo de convertir el Markdown.

Esta extensión sustituye el procesador en línea (``inline``) por uno igual que, antes de
intentar un patrón en un texto, comprueba con su misma expresión regular y del mismo modo
(``search`` desde el mismo punto en los patrones nuevos, ``match`` del resto del texto en los
antiguos) si encuentra algo. Si no encuentra nada, el intento del original tampoco haría nada
(devuelve el texto intacto, sin efectos, y pasa al patrón siguiente desde el principio), así
que se pasa directamente al siguiente; si encuentra algo, se intenta como siempre. El HTML es
el mismo byte a byte (las pruebas lo comparan en todas las páginas del sitio).

Sustituye un método privado de Python-Markdown (``InlineProcessor.__handleInline``) y llama a
otro (``__applyPattern``); si una versión futura los cambia, las pruebas lo detectan (comparan
el HTML con el de Python-Markdown sin la extensión y comprueban que el atajo se usa).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown, util
from markdown.inlinepatterns import InlineProcessor as PatronNuevo
from markdown.treeprocessors import InlineProcessor

#: Prioridad del procesador en línea de Python-Markdown (la misma: lo sustituye).
PRIORIDAD_EN_LINEA = 20


class _EnLineaConAtajo(InlineProcessor):
    """``InlineProcessor`` que solo intenta un patrón donde su expresión encuentra algo."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self._patrones: list[Any] = []
        self._busquedas: list[tuple[bool, Any]] = []
        #: Intentos hechos y saltados (para las pruebas).
        self.intentos = 0
        self.saltados = 0

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        """Como el original; los patrones y sus expresiones se toman una vez por documento."""
        self._patrones = list(self.inlinePatterns)
        self._busquedas = [
            (isinstance(patron, PatronNuevo), patron.getCompiledRegExp().search
             if isinstance(patron, PatronNuevo) else patron.getCompiledRegExp().match)
            for patron in self._patrones]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        """El bucle de ``InlineProcessor.__handleInline``, con un atajo: si la expresión del
        patrón no encuentra nada desde ``startIndex`` (``search`` para los patrones nuevos,
        ``match`` del resto del texto para los antiguos, como ``__applyPattern``), intentarlo
        no cambiaría nada (devolvería el texto, ``False`` y 0) y se pasa al siguiente."""
        if isinstance(data, util.AtomicString):
            return data
        aplicar = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        busquedas = self._busquedas
        cuantos = len(self._patrones)
        inicio = 0
        while patternIndex < cuantos:
            nuevo, buscar = busquedas[patternIndex]
            if (buscar(data, inicio) if nuevo else buscar(data[inicio:])) is None:
                self.saltados += 1
                patternIndex += 1
                inicio = 0
                continue
            self.intentos += 1
            data, coincide, inicio = aplicar(self._patrones[patternIndex], data, patternIndex, inicio)
            if not coincide:
                patternIndex += 1
        return data


class EnLineaConAtajoExtension(Extension):
    """Registra ``_EnLineaConAtajo`` en lugar del procesador en línea de Python-Markdown."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - nombre de Python-Markdown
        md.treeprocessors.register(_EnLineaConAtajo(md), "inline", PRIORIDAD_EN_LINEA)


def makeExtension(**kwargs: Any) -> EnLineaConAtajoExtension:  # noqa: N802 - convención de Python-Markdown
    """Punto de entrada de Python-Markdown (``markdown_extensions: [programas_spen.en_linea_md]``)."""
    return EnLineaConAtajoExtension(**kwargs)


__all__ = ["EnLineaConAtajoExtension", "makeExtension"]
