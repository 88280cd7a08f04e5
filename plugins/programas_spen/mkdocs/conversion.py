"""Convertir de antemano (y en dos procesos) el Markdown de las páginas generadas.

MkDocs convierte cada página en su bucle, una tras otra: lee la fuente, pasa los ganchos
``on_page_markdown`` y convierte con Python-Markdown. Con decenas de miles de páginas generadas
eso es casi todo el tiempo de la construcción, y cada página es independiente de las demás. Aquí se hace
ese mismo trabajo antes del bucle, repartido entre dos procesos (``paralelo``), y el resultado
de cada página (``Conversion``) se aplica después, en el bucle de MkDocs, como si la página se
hubiera convertido ahí:

* el HTML, la tabla de contenido, el título que sale del contenido, las anclas que tiene y los
  enlaces a anclas de otras páginas (que MkDocs comprueba al final, como siempre);
* los mensajes que dio la conversión (enlaces rotos, por ejemplo), que se vuelven a emitir en
  su momento: ``mkdocs build --strict`` falla igual con ellos.

(La búsqueda no pasa por aquí: Pagefind indexa el sitio ya escrito, ver ``buscador``.)

Se convierte con el mismo objeto página y los mismos métodos de MkDocs (``read_source``,
``render``), así que el resultado es idéntico byte a byte al
de una construcción sin este módulo (las pruebas lo comparan). Un resultado solo se aplica si
el Markdown que MkDocs tiene en su bucle es exactamente el convertido (misma huella); si no,
MkDocs convierte la página como siempre.

Este módulo no importa MkDocs: trabaja con los objetos que le da el adaptador (``plugin``).
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from programas_spen import paralelo

#: Registrador de MkDocs: sus manejadores cuentan los avisos que hacen fallar ``--strict``.
REGISTRADOR = "mkdocs"


@dataclass(frozen=True, slots=True)
class Mensaje:
    """Un mensaje de registro dado al convertir una página, para emitirlo en su momento."""

    registrador: str
    nivel: int
    texto: str

    def emitir(self) -> None:
        """Lo emite por el mismo registrador y con el mismo nivel."""
        logging.getLogger(self.registrador).log(self.nivel, "%s", self.texto)


@dataclass(frozen=True, slots=True)
class Conversion:
    """Lo que deja en una página su conversión (``Page.render``)."""

    #: Huella del Markdown convertido (después de los ganchos ``on_page_markdown``).
    huella: bytes
    #: El HTML de la página, en UTF-8 comprimido con zlib (``contenido`` lo da como texto).
    #: El HTML de todas las páginas espera a la vez, desde
    #: ``on_nav`` hasta que se escribe cada página; comprimido ocupa la quinta parte (a escala
    #: nacional, unos 360 MiB de texto; ver banco/README.md).
    html: bytes
    #: Caracteres del HTML (para estimar el costo de escribir la página sin descomprimirlo).
    largo: int
    toc: Any
    titulo: str | None
    anclas: frozenset[str]
    #: Enlaces a anclas de otras páginas: ruta de la página enlazada → {ancla: enlace}.
    enlaces_a_anclas: dict[str, dict[str, str]] | None
    mensajes: tuple[Mensaje, ...]

    @property
    def contenido(self) -> str:
        """El HTML de la página."""
        return zlib.decompress(self.html).decode("utf-8", "surrogatepass")


def comprimir_html(html: str) -> bytes:
    """El HTML de una página como lo guarda ``Conversion.html``."""
    return zlib.compress(html.encode("utf-8", "surrogatepass"), 1)


def huella(markdown: str) -> bytes:
    """Huella del Markdown de una página."""
    return hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class _Captura(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.mensajes: list[Mensaje] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.mensajes.append(Mensaje(record.name, record.levelno, record.getMessage()))


@contextmanager
def capturar_mensajes(nombre: str = REGISTRADOR) -> Iterator[list[Mensaje]]:
    """Dentro del bloque, los mensajes del registrador ``nombre`` (y sus hijos) se guardan en
    la lista en vez de emitirse."""
    registrador = logging.getLogger(nombre)
    captura = _Captura()
    antes = registrador.handlers, registrador.propagate
    registrador.handlers = [captura]
    registrador.propagate = False
    try:
        yield captura.mensajes
    finally:
        registrador.handlers, registrador.propagate = antes


@dataclass
class Conversor:
    """Convierte páginas como lo haría el bucle de MkDocs.

    ``pagina_de`` da la página de un archivo (la crea si MkDocs aún no lo hizo);
    ``on_page_markdown`` son los ganchos de los plugins;
    ``tras_cada`` se llama después de convertir cada página, en el proceso que la convirtió
    (el adaptador recoge ahí la basura por tandas)."""

    config: Any
    files: Any
    pagina_de: Callable[[Any], Any]
    on_page_markdown: Callable[..., str]
    tras_cada: Callable[[], None] | None = None

    def convertir(self, archivo: Any) -> Conversion:
        """Lee, pasa los ganchos y convierte la página de ``archivo``."""
        pagina = self.pagina_de(archivo)
        self.config._current_page = pagina
        try:
            with capturar_mensajes() as mensajes:
                pagina.read_source(self.config)
                pagina.markdown = self.on_page_markdown(pagina.markdown, page=pagina,
                                                        config=self.config, files=self.files)
                pagina.render(self.config, self.files)
        finally:
            self.config._current_page = None
        enlaces = pagina.links_to_anchors
        hecha = Conversion(
            huella=huella(pagina.markdown), html=comprimir_html(pagina.content),
            largo=len(pagina.content), toc=pagina.toc,
            titulo=pagina._title_from_render, anclas=frozenset(pagina.present_anchor_ids or ()),
            enlaces_a_anclas=None if enlaces is None else {
                destino.src_uri: dict(anclas) for destino, anclas in enlaces.items()},
            mensajes=tuple(mensajes))
        # La página no guarda su Markdown ni su HTML: MkDocs la vuelve a leer en su bucle, y
        # el HTML ya está en la conversión (en la copia, la página se queda ahí con las demás
        # que convierte, y guardarlas todas duplicaba la memoria de media construcción).
        pagina.markdown = None
        pagina.content = None
        if self.tras_cada is not None:
            self.tras_cada()
        return hecha

    def convertir_todas(self, archivos: Sequence[Any]) -> dict[str, Conversion]:
        """Convierte las páginas de ``archivos`` repartidas en dos procesos si se puede
        (``paralelo.mapear``); por ruta de la fuente."""
        conversiones = paralelo.mapear(archivos, self.convertir, peso=_peso)
        return {archivo.src_uri: conversion for archivo, conversion in zip(archivos, conversiones, strict=True)}


def _peso(archivo: Any) -> int:
    """Costo estimado de convertir una página: el largo de su Markdown."""
    return len(archivo.content_string)


def sin_volver_a_convertir(pagina: Any) -> None:
    """Hace que la próxima ``render`` de ``pagina`` (la del bucle de MkDocs, que ya no tiene
    nada que convertir: su conversión se aplica en ``aplicar``) solo deje un contenido vacío.
    ``Page.render`` crea cada vez una instancia de Python-Markdown con todas las extensiones
    aunque el texto esté vacío, más de un milisegundo por página, en el único proceso del
    bucle. ``aplicar`` devuelve la página a su ``render`` de siempre."""

    def render(config: Any, files: Any) -> None:
        pagina.content = ""

    pagina.render = render


def aplicar(pagina: Any, conversion: Conversion, archivo_de: Callable[[str], Any],
            sin_html: bool = False) -> str:
    """Deja en ``pagina`` lo que dejó su conversión y devuelve el HTML. ``archivo_de`` da el
    archivo de MkDocs de una ruta (para los enlaces a anclas). Con ``sin_html`` devuelve un
    texto vacío: el HTML se queda comprimido en la conversión hasta que se escribe la página
    (ver ``escritura.escribir_todas``)."""
    vars(pagina).pop("render", None)  # ver ``sin_volver_a_convertir``
    pagina.toc = conversion.toc
    pagina._title_from_render = conversion.titulo
    pagina.present_anchor_ids = set(conversion.anclas)
    if conversion.enlaces_a_anclas is not None:
        pagina.links_to_anchors = {archivo_de(ruta): dict(anclas)
                                   for ruta, anclas in conversion.enlaces_a_anclas.items()}
    for mensaje in conversion.mensajes:
        mensaje.emitir()
    return "" if sin_html else conversion.contenido

