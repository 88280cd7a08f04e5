"""Convertir de antemano (y en dos procesos) el Markdown de las páginas generadas.

MkDocs convierte cada página en su bucle, una tras otra: lee la fuente, pasa los ganchos
``on_page_markdown``, convierte con Python-Markdown y, al escribirla, el índice de búsqueda de
Material vuelve a analizar su HTML. Con decenas de miles de páginas generadas eso es casi
todo el tiempo de la construcción, y cada página es independiente de las demás. Aquí se hace
ese mismo trabajo antes del bucle, repartido entre dos procesos (``paralelo``), y el resultado
de cada página (``Conversion``) se aplica después, en el bucle de MkDocs, como si la página se
hubiera convertido ahí:

* el HTML, la tabla de contenido, el título que sale del contenido, las anclas que tiene y los
  enlaces a anclas de otras páginas (que MkDocs comprueba al final, como siempre);
* los mensajes que dio la conversión (enlaces rotos, por ejemplo), que se vuelven a emitir en
  su momento: ``mkdocs build --strict`` falla igual con ellos;
* las entradas del índice de búsqueda, que se añaden al índice de Material en el orden de
  siempre, sin volver a analizar el HTML (se analiza aquí con ``busqueda.Analizador``, que da
  las mismas secciones que el de Material en menos tiempo).

Se convierte con el mismo objeto página y los mismos métodos de MkDocs (``read_source``,
``render``) y el mismo índice de Material, así que el resultado es idéntico byte a byte al
de una construcción sin este módulo (las pruebas lo comparan). Un resultado solo se aplica si
el Markdown que MkDocs tiene en su bucle es exactamente el convertido (misma huella); si no,
MkDocs convierte la página como siempre.

Este módulo no importa MkDocs: trabaja con los objetos que le da el adaptador (``plugin``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from . import busqueda as busqueda_material
from . import paralelo

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
    """Lo que deja en una página su conversión (``Page.render``) y su indexación."""

    #: Huella del Markdown convertido (después de los ganchos ``on_page_markdown``).
    huella: bytes
    #: El HTML de la página, en UTF-8 comprimido con zlib (``contenido`` lo da como texto).
    #: Como las entradas de búsqueda, el HTML de todas las páginas espera a la vez, desde
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
    #: Entradas del índice de búsqueda de la página, en JSON comprimido con zlib (``None``: sin
    #: índice que preparar). Todas esperan a la vez, desde ``on_nav`` hasta que MkDocs escribe
    #: su página, junto al HTML de todas: así ocupan una fracción de lo que ocupan como
    #: diccionarios (a escala nacional, el índice son unos 200 MB de JSON).
    busqueda: bytes | None
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
    ``on_page_markdown`` son los ganchos de los plugins; ``nuevo_indice`` crea un índice de
    búsqueda vacío como el de Material (``None``: no hay búsqueda que preparar);
    ``tras_cada`` se llama después de convertir cada página, en el proceso que la convirtió
    (el adaptador recoge ahí la basura por tandas)."""

    config: Any
    files: Any
    pagina_de: Callable[[Any], Any]
    on_page_markdown: Callable[..., str]
    nuevo_indice: Callable[[], Any] | None = None
    tras_cada: Callable[[], None] | None = None

    def convertir(self, archivo: Any) -> Conversion:
        """Lee, pasa los ganchos, convierte e indexa la página de ``archivo``."""
        pagina = self.pagina_de(archivo)
        self.config._current_page = pagina
        try:
            with capturar_mensajes() as mensajes:
                pagina.read_source(self.config)
                pagina.markdown = self.on_page_markdown(pagina.markdown, page=pagina,
                                                        config=self.config, files=self.files)
                pagina.render(self.config, self.files)
                busqueda = None
                if self.nuevo_indice is not None:
                    indice = self.nuevo_indice()
                    if callable(getattr(indice, "create_entry_for_section", None)):
                        busqueda_material.indexar(indice, pagina)  # el de Material, más rápido
                    else:
                        indice.add_entry_from_context(pagina)
                    # ``default=str``, como Material al escribir el índice (una fecha en los
                    # metadatos, por ejemplo): el JSON final es el mismo
                    busqueda = zlib.compress(json.dumps(indice.entries, default=str).encode("ascii"), 1)
        finally:
            self.config._current_page = None
        enlaces = pagina.links_to_anchors
        hecha = Conversion(
            huella=huella(pagina.markdown), html=comprimir_html(pagina.content),
            largo=len(pagina.content), toc=pagina.toc,
            titulo=pagina._title_from_render, anclas=frozenset(pagina.present_anchor_ids or ()),
            enlaces_a_anclas=None if enlaces is None else {
                destino.src_uri: dict(anclas) for destino, anclas in enlaces.items()},
            busqueda=busqueda, mensajes=tuple(mensajes))
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


class IndiceConPrevias:
    """Envuelve el índice de búsqueda de Material: las páginas con entradas ya preparadas
    (``previas``, por ruta: el contenido indexado y las entradas, ver ``Conversion.busqueda``)
    las añaden sin volver
    a analizar su HTML, siempre que su contenido sea el mismo objeto que se indexó; las demás
    pasan al índice de siempre. Mientras está ``pausado`` no indexa nada (ver ``escritura``:
    las páginas se escriben de antemano y el bucle de MkDocs las indexa después, en orden)."""

    def __init__(self, indice: Any) -> None:
        self.indice = indice
        self.previas: dict[str, tuple[str, bytes]] = {}
        self.pausado = False
        self._original = indice.add_entry_from_context

    def soltar_contenido(self, pagina: Any) -> bool:
        """Quita el HTML de una página ya escrita (``escritura``) si el índice ya no lo
        necesita: sus entradas están preparadas o la página no se indexa. Así el bucle de
        MkDocs, que la pasa por la plantilla vacía, no recorre su HTML (la búsqueda de Material
        lo recorre con una expresión regular en ``on_page_context``, en el único proceso del
        bucle) y la memoria lo suelta antes. Devuelve si lo quitó."""
        ruta = pagina.file.src_uri
        previa = self.previas.get(ruta)
        if previa is not None:
            if previa[0] is not pagina.content:  # la indexaría el índice de siempre
                return False
            self.previas[ruta] = ("", previa[1])
        elif not (pagina.meta.get("search") or {}).get("exclude"):
            return False
        pagina.content = ""
        return True

    def instalar(self) -> None:
        """Sustituye el método del índice que indexa una página."""
        self.indice.add_entry_from_context = self.indexar

    def indexar(self, pagina: Any) -> None:
        """Añade las entradas de ``pagina``: las ya preparadas o las que dé el índice."""
        if self.pausado:
            return
        previa = self.previas.pop(pagina.file.src_uri, None)
        if previa is not None and previa[0] is pagina.content:
            self.indice.entries.extend(json.loads(zlib.decompress(previa[1])))
        else:
            self._original(pagina)
