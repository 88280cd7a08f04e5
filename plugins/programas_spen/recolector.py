"""El recolector de basura de Python en pausa mientras se crean los datos del sitio.

Cargar los datos y construir el sitio crea millones de objetos que viven hasta el final (a
escala nacional, cien mil registros con la línea y columna de cada valor). El recolector
cíclico recorre todos los objetos vivos cada vez que se acumulan bastantes nuevos, así que
buena parte del tiempo de carga se iba en recorrer, una y otra vez, objetos que nunca serán
basura (la mitad del tiempo de carga, medido en ``banco/``). Estos objetos no forman ciclos
que haya que recoger: el conteo de referencias basta para liberarlos, y al salir del bloque
el recolector vuelve a su estado anterior.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def sin_recolector() -> Iterator[None]:
    """Suspende el recolector cíclico dentro del bloque (si estaba activo) y lo restablece
    al salir, también si hay una excepción. Se puede anidar."""
    activo = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if activo:
            gc.enable()
