"""El recolector de basura de Python en pausa mientras se crean los datos del sitio.

Cargar los datos y construir el sitio crea millones de objetos que viven hasta el final (a
escala nacional, cien mil registros con la línea y columna de cada valor). El recolector
cíclico recorre todos los objetos vivos cada vez que se acumulan bastantes nuevos, así que
buena parte del tiempo de carga se iba en recorrer, una y otra vez, objetos que nunca serán
basura (la mitad del tiempo de carga, medido en ``banco/``). Estos objetos no forman ciclos
que haya que recoger: el conteo de referencias basta para liberarlos, y al salir del bloque
el recolector vuelve a su estado anterior.

Al salir, los objetos creados pasan a la generación más vieja sin recorrerlos. Si no, la
primera asignación tras reactivar el recolector disparaba una recolección de la generación
joven, que en ese momento contiene todo lo creado en el bloque (a escala nacional, 0,3 s al
final de cargar los datos), y poco después otra de la generación intermedia con lo mismo.
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
            a_la_generacion_vieja()
            gc.enable()


def a_la_generacion_vieja() -> None:
    """Pasa todos los objetos que sigue el recolector a su generación más vieja, sin
    recorrerlos, y pone en cero la cuenta de objetos nuevos: ``gc.freeze`` mueve cada
    generación a la permanente y ``gc.unfreeze`` la permanente a la más vieja (solo se unen
    listas). Siguen recogiéndose en las recolecciones completas. Si alguien ya había congelado
    objetos (``gc.freeze``), no hace nada: descongelarlos no le toca."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
