"""Dibujar una sola vez la navegación de Material para todas las páginas que no están en ella.

Cada página escrita pasa por la plantilla de Material, que dibuja en ella la barra de
navegación del sitio (``partials/nav.html``: cada apartado, con sus enlaces relativos a la
página). Es una cuarta parte del tiempo de escribir una página. Las páginas generadas (decenas
de miles a escala nacional) no están en la navegación, así que ningún apartado está activo en
ellas y su barra solo cambia con los enlaces relativos: es la misma en todas las páginas desde
las que esos enlaces se escriben igual (todas las de un documento, todas las de un acuerdo…).

``NavegacionGuardada`` envuelve la plantilla ya cargada: para cada página pide una clave
(``clave``, que da el adaptador: ``None`` si la página está en la navegación) y, si ya dibujó
la barra con esa clave, devuelve la guardada; si no, la dibuja con la plantilla de siempre y la
guarda. La clave reúne todo lo que la barra usa de la página: los enlaces tal como el filtro
``url`` los escribe desde ella. El HTML es el mismo byte a byte (las pruebas comparan el sitio
entero con y sin esto).

Este módulo no importa MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import Any

import jinja2

#: La plantilla de Material que dibuja la barra de navegación.
PLANTILLA_NAVEGACION = "partials/nav.html"


class NavegacionGuardada:
    """Barras de navegación ya dibujadas, por clave (ver el módulo)."""

    def __init__(self, clave: Callable[[Any], Hashable | None]) -> None:
        self.clave = clave
        self.guardadas: dict[Hashable, str] = {}
        #: Veces que se usó una barra guardada (para las pruebas y el banco).
        self.reusadas = 0

    def envolver(self, entorno: jinja2.Environment, nombre: str = PLANTILLA_NAVEGACION) -> bool:
        """Envuelve la plantilla ``nombre`` de ``entorno`` (la misma que cargan sus
        ``include``); ``False`` si el tema no la tiene."""
        try:
            plantilla = entorno.get_template(nombre)
        except jinja2.TemplateNotFound:
            return False
        original = plantilla.root_render_func

        def dibujar(contexto: Any) -> Iterator[str]:
            clave = self.clave(contexto)
            if clave is None:
                yield from original(contexto)
                return
            html = self.guardadas.get(clave)
            if html is None:
                html = self.guardadas[clave] = "".join(original(contexto))
            else:
                self.reusadas += 1
            yield html

        plantilla.root_render_func = dibujar
        return True


__all__ = ["PLANTILLA_NAVEGACION", "NavegacionGuardada"]
