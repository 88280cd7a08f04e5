"""Repartir un trabajo de CPU entre este proceso y una copia suya (``fork``), en dos núcleos.

MkDocs convierte y escribe las páginas una por una, en un solo proceso. Convertir el Markdown
de las páginas generadas (y preparar su índice de búsqueda) es casi tres cuartas partes de esa
construcción; cada página se convierte sin mirar las demás, así que dos procesos pueden
repartírselas. La copia hecha con ``fork`` hereda todo el estado (configuración, archivos,
navegación, plugins) sin pasarlo por un canal, y devuelve por una tubería solo los
resultados, en ``pickle``. Es el mismo caso que el auxiliar de ``lectura``, pero con estado
que no se puede volver a crear en un proceso nuevo.

El reparto es seguro ante fallos: lo que la copia no devuelve (porque falla una tarea, porque
muere o porque no se pudo crear) lo hace después este proceso, de modo que el resultado es
siempre el de ``[funcion(t) for t in tareas]`` y un error sale aquí, con su mensaje de siempre.
Sin ``fork`` (Windows), con un solo núcleo, con pocas tareas o con otros hilos vivos (``mkdocs
serve`` sirve y vigila archivos en hilos: copiar un proceso con hilos puede dejar cerrojos
tomados en la copia) todo se hace aquí, en orden.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Con menos tareas no vale la pena copiar el proceso.
MINIMO_TAREAS = 64
#: Longitud de cada mensaje de la copia (número de bytes del ``pickle`` que sigue).
_CABECERA = 8


def procesos_disponibles() -> int:
    """Núcleos que este proceso puede usar (los de su afinidad, no todos los de la máquina)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - sistemas sin sched_getaffinity
        return os.cpu_count() or 1


def se_puede_repartir(cuantas: int) -> bool:
    """Si conviene repartir ``cuantas`` tareas: hay ``fork``, dos núcleos o más, bastantes
    tareas y ningún otro hilo vivo."""
    return (hasattr(os, "fork") and procesos_disponibles() >= 2 and cuantas >= MINIMO_TAREAS
            and threading.active_count() == 1)


def repartir(tareas: Sequence[T], peso: Callable[[T], int]) -> tuple[list[int], list[int]]:
    """Índices de las tareas para este proceso y para la copia, con cargas parecidas: de la
    más pesada a la más ligera, cada una al que lleva menos (LPT); los empates, aquí. Cada
    lista va en el orden original de las tareas."""
    mias: list[int] = []
    suyas: list[int] = []
    carga_mia = carga_suya = 0
    for indice in sorted(range(len(tareas)), key=lambda i: -peso(tareas[i])):
        costo = peso(tareas[indice])
        if carga_mia <= carga_suya:
            mias.append(indice)
            carga_mia += costo
        else:
            suyas.append(indice)
            carga_suya += costo
    return sorted(mias), sorted(suyas)


def _copia(tareas: Sequence[T], funcion: Callable[[T], R], indices: list[int], escritura: int) -> None:
    """Lo que hace la copia: cada tarea, y su resultado por la tubería en cuanto está.
    Una tarea que falla no se envía (la rehace el proceso original, que informa el error)."""
    # Lo heredado queda fuera del recolector: recorrerlo tocaría (y copiaría) toda la memoria
    # compartida con el proceso original. Solo se recorre lo que la copia crea.
    gc.freeze()
    with os.fdopen(escritura, "wb") as salida:
        for indice in indices:
            try:
                datos = pickle.dumps((indice, funcion(tareas[indice])), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # la rehace el original, que sí informa el error
                continue
            salida.write(len(datos).to_bytes(_CABECERA, "little") + datos)
            salida.flush()


def _leer_exacto(lectura: int, cuantos: int) -> bytes | None:
    partes = []
    while cuantos:
        trozo = os.read(lectura, min(cuantos, 1 << 20))
        if not trozo:
            return None
        partes.append(trozo)
        cuantos -= len(trozo)
    return b"".join(partes)


def _recibir(lectura: int, recibidos: dict[int, object]) -> None:
    """Lee los resultados de la copia hasta que cierra la tubería (hilo lector: la copia no
    se bloquea con la tubería llena mientras este proceso trabaja en lo suyo)."""
    try:
        while True:
            cabecera = _leer_exacto(lectura, _CABECERA)
            if cabecera is None:
                return
            datos = _leer_exacto(lectura, int.from_bytes(cabecera, "little"))
            if datos is None:
                return
            try:
                indice, resultado = pickle.loads(datos)
            except Exception:  # mensaje ilegible: esa tarea se rehace aquí
                continue
            recibidos[indice] = resultado
    finally:
        os.close(lectura)


def mapear(tareas: Sequence[T], funcion: Callable[[T], R], peso: Callable[[T], int]) -> list[R]:
    """``[funcion(t) for t in tareas]``, repartido con una copia de este proceso si se puede
    (ver ``se_puede_repartir``). ``funcion`` debe dar el mismo resultado en cualquiera de los
    dos procesos, y su resultado debe poder pasar por ``pickle``."""
    if not se_puede_repartir(len(tareas)):
        return [funcion(t) for t in tareas]
    mias, suyas = repartir(tareas, peso)
    lectura, escritura = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(lectura)
        os.close(escritura)
        return [funcion(t) for t in tareas]
    if pid == 0:  # pragma: no cover - la copia termina con os._exit y no informa cobertura
        codigo = 0
        try:
            os.close(lectura)
            _copia(tareas, funcion, suyas, escritura)
        except BaseException:  # lo que falte lo rehace el original
            codigo = 1
        finally:
            os._exit(codigo)
    os.close(escritura)
    recibidos: dict[int, object] = {}
    lector = threading.Thread(target=_recibir, args=(lectura, recibidos), daemon=True,
                              name="programas-spen-paralelo")
    lector.start()
    try:
        resultados: dict[int, object] = {i: funcion(tareas[i]) for i in mias}
    except BaseException:
        os.kill(pid, signal.SIGKILL)  # el error sale aquí; lo de la copia ya no hace falta
        raise
    finally:
        lector.join()
        os.waitpid(pid, 0)
    for indice in suyas:
        resultados[indice] = recibidos[indice] if indice in recibidos else funcion(tareas[indice])
    return [resultados[i] for i in range(len(tareas))]  # type: ignore[misc]
