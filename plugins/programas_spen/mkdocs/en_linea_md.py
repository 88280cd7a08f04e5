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

Los enlaces tienen además su propio atajo (``_EnlaceDirecto``): el patrón de enlaces de
Python-Markdown busca el final del texto y el del destino carácter por carácter, en Python,
para admitir corchetes y paréntesis anidados, comillas y títulos. Las páginas generadas tienen
cien mil enlaces de la forma más sencilla, ``[texto](destino)`` sin nada de eso; para esos, una
sola expresión regular da exactamente lo mismo que esa búsqueda (el mismo texto, el mismo
destino, el mismo final), y cualquier otro enlace pasa por el método de siempre.

Los patrones de referencias (``[texto][id]``, ``[id]`` y los de imágenes) no pueden cambiar nada
en un documento sin definiciones de referencias (``[id]: destino``): sin ellas, cada intento
termina sin elemento y con el texto intacto. Las páginas generadas no tienen ninguna, y el patrón
``[texto][id]`` recorría en Python, carácter por carácter, el texto de cada enlace antes de
descartarlo; en esos documentos no se intentan.

Sustituye un método privado de Python-Markdown (``InlineProcessor.__handleInline``) y llama a
otro (``__applyPattern``); si una versión futura los cambia, las pruebas lo detectan (comparan
el HTML con el de Python-Markdown sin la extensión y comprueban que el atajo se usa).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown, util
from markdown.inlinepatterns import (
    LINK_RE,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)
from markdown.inlinepatterns import InlineProcessor as PatronNuevo
from markdown.treeprocessors import InlineProcessor

#: Prioridad del procesador en línea de Python-Markdown (la misma: lo sustituye).
PRIORIDAD_EN_LINEA = 20

#: Los patrones de referencias de Python-Markdown: sin definiciones en el documento, su
#: ``handleMatch`` nunca da un elemento ni toca el texto.
REFERENCIAS = (ReferenceInlineProcessor, ShortReferenceInlineProcessor,
               ImageReferenceInlineProcessor, ShortImageReferenceInlineProcessor)


def _nada(data: str, inicio: int = 0) -> None:
    """La búsqueda de un patrón que no puede cambiar nada en el documento."""
    return None


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
        """Como el original; los patrones y sus expresiones se toman una vez por documento
        (sin definiciones de referencias, los de referencias no buscan nada)."""
        self._patrones = list(self.inlinePatterns)
        sin_referencias = not self.md.references
        self._busquedas = [
            (True, _nada) if sin_referencias and type(patron) in REFERENCIAS else
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


#: Prioridad del patrón de enlaces de Python-Markdown (la misma: lo sustituye).
PRIORIDAD_ENLACE = 160


class _EnlaceDirecto(LinkInlineProcessor):
    """El patrón de enlaces de Python-Markdown, con un atajo para ``[texto](destino)``."""

    #: Tras el ``[`` del patrón: un texto sin corchetes hasta el primer ``]`` (lo que
    #: ``getText`` toma cuando no hay corchetes anidados) y un destino entre paréntesis sin
    #: paréntesis, espacios, comillas, ``<``/``>`` ni marcadores de Python-Markdown (así
    #: ``getLink`` lo toma entero, sin título, y ``unescape`` y ``strip`` lo dejan igual).
    SENCILLO = re.compile(r"([^\[\]]*)\]\(([^()\s'\"<>\x02\x03]*)\)")

    def __init__(self, md: Markdown) -> None:
        super().__init__(LINK_RE, md)
        #: Enlaces resueltos con el atajo y con el método de siempre (para las pruebas).
        self.directos = 0
        self.completos = 0

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int | None, int | None]:  # noqa: N802
        """Lo mismo que ``LinkInlineProcessor.handleMatch``: el elemento ``a`` con el texto
        (que después se procesa como siempre) y el destino, y dónde empieza y acaba."""
        sencillo = self.SENCILLO.match(data, m.end(0))
        if sencillo is None:
            self.completos += 1
            return super().handleMatch(m, data)
        self.directos += 1
        enlace = etree.Element("a")
        enlace.text = sencillo.group(1)
        enlace.set("href", sencillo.group(2))
        return enlace, m.start(0), sencillo.end(0)


class EnLineaConAtajoExtension(Extension):
    """Registra ``_EnLineaConAtajo`` en lugar del procesador en línea de Python-Markdown y
    ``_EnlaceDirecto`` en lugar de su patrón de enlaces."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - nombre de Python-Markdown
        md.treeprocessors.register(_EnLineaConAtajo(md), "inline", PRIORIDAD_EN_LINEA)
        if type(md.inlinePatterns["link"]) is LinkInlineProcessor:  # no el de otra extensión
            md.inlinePatterns.register(_EnlaceDirecto(md), "link", PRIORIDAD_ENLACE)


def makeExtension(**kwargs: Any) -> EnLineaConAtajoExtension:  # noqa: N802 - convención de Python-Markdown
    """Punto de entrada de Python-Markdown (``markdown_extensions: [programas_spen.en_linea_md]``)."""
    return EnLineaConAtajoExtension(**kwargs)


__all__ = ["EnLineaConAtajoExtension", "makeExtension"]
