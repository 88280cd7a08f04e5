"""Escribir de antemano (y en dos procesos) las páginas generadas ya convertidas.

Después de convertir todas las páginas, MkDocs las escribe una por una en su bucle: pasa cada
una por la plantilla de Material (cabecera, navegación, tabla de contenido, pie) y escribe el
archivo. Son unos 5 ms por página en un solo núcleo, una cuarta parte de la construcción a
escala nacional, y cada página es independiente de las demás. Aquí se hace ese mismo trabajo
antes del bucle (en ``on_env``, cuando todas las páginas están convertidas y la navegación está
hecha), con **la misma función de MkDocs** que escribe una página, repartido entre este proceso
y una copia suya (``paralelo``). Así el archivo escrito es el mismo byte a byte (las pruebas
comparan el sitio entero con el de una construcción sin este módulo).

En el bucle de MkDocs, una página ya escrita pasa por una plantilla vacía
(``PLANTILLA_YA_ESCRITA``): MkDocs no escribe una salida vacía, así que el archivo se queda
como está, y los ganchos de cada página se siguen llamando en su orden de siempre. El aviso que
MkDocs da por cada salida vacía («Page skipped…») se calla solo para estas páginas
(``CallarOmitidas``).

Mientras se escribe de antemano, el contenido de cada página se deja como estaba. El HTML de
las páginas convertidas de antemano puede esperar comprimido en su conversión (``diferidas``)
en vez de en la página: se descomprime solo mientras se escribe cada una. Después, el adaptador
quita el HTML de las páginas: el bucle ya no lo necesita.

Este módulo no importa MkDocs: el adaptador (``plugin``) le da la función que escribe una
página.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import jinja2

from programas_spen import paralelo
from programas_spen.mkdocs.conversion import Conversion, Mensaje, capturar_mensajes

#: Plantilla (vacía) con la que el bucle de MkDocs pasa por una página ya escrita.
PLANTILLA_YA_ESCRITA = "programas-spen/ya-escrita.html"

#: Registrador del bucle de MkDocs, que avisa de cada página con salida vacía.
REGISTRADOR_BUCLE = "mkdocs.commands.build"


def con_plantilla_vacia(cargador: jinja2.BaseLoader | None) -> jinja2.BaseLoader:
    """El cargador de plantillas de Jinja con ``PLANTILLA_YA_ESCRITA`` (vacía) además de las
    suyas."""
    vacia = jinja2.DictLoader({PLANTILLA_YA_ESCRITA: ""})
    return vacia if cargador is None else jinja2.ChoiceLoader([vacia, cargador])


def escribir_todas(paginas: Sequence[Any], escribir: Callable[[Any], None],
                   diferidas: Mapping[str, Conversion] | None = None) -> None:
    """Escribe cada página con ``escribir`` (la función de MkDocs, con todo lo demás ya
    puesto), repartidas con ``paralelo.mapear``, y emite después, en el orden de las páginas,
    los mensajes que dio cada una. El contenido de cada página queda como estaba.

    ``diferidas`` son las conversiones (por ruta de la fuente) de las páginas cuyo HTML se
    quedó comprimido en ella (``conversion.aplicar`` con ``sin_html``): se pone en la página
    solo mientras se escribe, y en cada proceso hay a la vez el de una sola página."""
    diferidas = diferidas or {}

    def escribir_una(pagina: Any) -> tuple[Mensaje, ...]:
        contenido = pagina.content
        diferida = diferidas.get(pagina.file.src_uri)
        try:
            if diferida is not None:
                pagina.content = diferida.contenido
            with capturar_mensajes() as mensajes:
                escribir(pagina)
        finally:
            pagina.content = contenido
        return tuple(mensajes)

    def peso(pagina: Any) -> int:
        """Costo estimado de escribir una página: una parte fija (la plantilla) y su HTML."""
        diferida = diferidas.get(pagina.file.src_uri)
        return 20_000 + (len(pagina.content or "") if diferida is None else diferida.largo)

    for mensajes in paralelo.mapear(paginas, escribir_una, peso=peso):
        for mensaje in mensajes:
            mensaje.emitir()


def marcar_ya_escritas(paginas: Iterable[Any]) -> None:
    """Hace que el bucle de MkDocs pase cada página por la plantilla vacía."""
    for pagina in paginas:
        pagina.meta["template"] = PLANTILLA_YA_ESCRITA


class CallarOmitidas(logging.Filter):
    """Filtro del registrador del bucle de MkDocs que calla su aviso de salida vacía para las
    páginas ya escritas (por su ruta de origen); cualquier otro mensaje pasa."""

    def __init__(self, rutas: Iterable[str]) -> None:
        super().__init__()
        self.mensajes = {f"Page skipped: '{ruta}'. Generated empty output." for ruta in rutas}

    def filter(self, record: logging.LogRecord) -> bool:
        """``False`` (no emitir) solo para el aviso de una página ya escrita."""
        return record.levelno != logging.INFO or record.getMessage() not in self.mensajes

    def instalar(self) -> None:
        """Lo pone en el registrador del bucle."""
        logging.getLogger(REGISTRADOR_BUCLE).addFilter(self)

    def quitar(self) -> None:
        """Lo quita del registrador del bucle."""
        logging.getLogger(REGISTRADOR_BUCLE).removeFilter(self)
