"""Repartir un trabajo de CPU entre este proceso y una copia suya (``fork``), en dos núcleos.

MkDocs convierte y escribe las páginas una por una, en un solo proceso, y el núcleo construía
también cada página, anexo y feed uno tras otro. Son trabajos independientes: convertir el
Markdown de las páginas generadas (``conversion``, casi tres cuartas partes de la
construcción) y construir cada página, anexo y feed (``sitio``, con ``Tarea`` y
``hacer_todas``). La copia hecha con ``fork`` hereda todo el estado (configuración, archivos,
navegación, plugins, el grafo) sin pasarlo por un canal, y devuelve por una tubería solo los
resultados, en ``pickle``. Es el mismo caso que el auxiliar de ``lectura``, pero con estado
que no se puede volver a crear en un proceso nuevo. Las tareas no se reparten de antemano:
los dos procesos las toman de una cola común (``_Turnos``), de modo que terminan a la vez
aunque el costo estimado de cada una no sea exacto.

El reparto es seguro ante fallos: lo que la copia no devuelve (porque falla una tarea, porque
muere o porque no se pudo crear) lo hace después este proceso, de modo que el resultado es
siempre el de ``[funcion(t) for t in tareas]`` y un error sale aquí, con su mensaje de siempre.
Sin ``fork`` (Windows), con un solo núcleo, con pocas tareas o con otros hilos vivos (``mkdocs
serve`` sirve y vigila archivos en hilos: copiar un proceso con hilos puede dejar cerrojos
tomados en la copia) todo se hace aquí, en orden.
"""

from __future__ import annotations

import ctypes
import fcntl
import gc
import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Con menos tareas no vale la pena copiar el proceso.
MINIMO_TAREAS = 64
#: Longitud de cada mensaje de la copia (número de bytes del ``pickle`` que sigue).
_CABECERA = 8


def _malloc_trim() -> Callable[[int], int] | None:
    """La función ``malloc_trim`` de la biblioteca de C, si la tiene (glibc sí; musl, macOS y
    Windows no)."""
    try:
        funcion = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):
        return None
    funcion.argtypes = [ctypes.c_size_t]
    funcion.restype = ctypes.c_int
    return funcion


_MALLOC_TRIM = _malloc_trim()


def soltar_memoria_libre() -> bool:
    """Devuelve al sistema la memoria que el asignador de C tiene libre pero todavía en el
    proceso (``malloc_trim``, de glibc; en otro sistema no hace nada y devuelve ``False``).

    Se llama antes de copiar el proceso: lo que el núcleo y la conversión soltaron (miles de
    textos y objetos grandes) sigue ocupando páginas de memoria, que la copia compartiría y que
    cada proceso copiaría para sí en cuanto volviera a usar ese espacio, la misma página dos
    veces. Soltarlas antes cuesta unos milisegundos y a escala 1/8 eran 30–40 MiB de los unos
    190 del proceso."""
    if _MALLOC_TRIM is None:
        return False
    _MALLOC_TRIM(0)
    return True


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


class _Turnos:
    """Cola de tareas compartida por este proceso y su copia: cada uno toma el siguiente turno
    cuando termina el anterior, así que los dos acaban casi a la vez aunque las tareas cuesten
    distinto de lo estimado. El contador vive en un archivo temporal sin nombre (heredado por la
    copia) y se protege con un cerrojo de ``fcntl.lockf``, que es de cada proceso y el sistema
    suelta si el proceso muere: una copia que muere con el turno tomado no bloquea al original."""

    def __init__(self) -> None:
        self._archivo = tempfile.TemporaryFile(buffering=0)
        self._fd = self._archivo.fileno()
        os.pwrite(self._fd, bytes(8), 0)

    def siguiente(self) -> int:
        """El siguiente turno (0, 1, 2…), sin repetir ninguno entre los dos procesos."""
        fcntl.lockf(self._fd, fcntl.LOCK_EX)
        try:
            turno = int.from_bytes(os.pread(self._fd, 8, 0), "little")
            os.pwrite(self._fd, (turno + 1).to_bytes(8, "little"), 0)
        finally:
            fcntl.lockf(self._fd, fcntl.LOCK_UN)
        return turno

    def cerrar(self) -> None:
        """Cierra (y borra) el archivo del contador."""
        self._archivo.close()


def _copia(tareas: Sequence[T], funcion: Callable[[T], R], orden: list[int], turnos: _Turnos,
           escritura: int) -> None:
    """Lo que hace la copia: toma turnos de la cola, hace cada tarea y envía su resultado por la
    tubería en cuanto está. Una tarea que falla no se envía (la rehace el proceso original, que
    informa el error)."""
    # Lo heredado queda fuera del recolector: recorrerlo tocaría (y copiaría) toda la memoria
    # compartida con el proceso original. Solo se recorre lo que la copia crea.
    gc.freeze()
    with os.fdopen(escritura, "wb") as salida:
        while (turno := turnos.siguiente()) < len(orden):
            indice = orden[turno]
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


def mapear(tareas: Sequence[T], funcion: Callable[[T], R],
           peso: Callable[[T], int] | None = None) -> list[R]:
    """``[funcion(t) for t in tareas]``, repartido con una copia de este proceso si se puede
    (ver ``se_puede_repartir``). Los dos procesos toman las tareas de una cola común, de la de
    más ``peso`` (costo estimado) a la de menos: lo más largo empieza primero y lo corto
    rellena el final, y ninguno espera al otro más que lo que dura una tarea. ``funcion`` debe
    dar el mismo resultado en cualquiera de los dos procesos, y su resultado debe poder pasar
    por ``pickle``."""
    if not se_puede_repartir(len(tareas)):
        return [funcion(t) for t in tareas]
    orden = list(range(len(tareas)))
    if peso is not None:
        orden.sort(key=lambda i: -peso(tareas[i]))
    turnos = _Turnos()
    lectura, escritura = os.pipe()
    soltar_memoria_libre()
    try:
        pid = os.fork()
    except OSError:
        os.close(lectura)
        os.close(escritura)
        turnos.cerrar()
        return [funcion(t) for t in tareas]
    if pid == 0:  # pragma: no cover - la copia termina con os._exit y no informa cobertura
        codigo = 0
        try:
            os.close(lectura)
            _copia(tareas, funcion, orden, turnos, escritura)
        except BaseException:  # lo que falte lo rehace el original
            codigo = 1
        finally:
            os._exit(codigo)
    os.close(escritura)
    recibidos: dict[int, object] = {}
    lector = threading.Thread(target=_recibir, args=(lectura, recibidos), daemon=True,
                              name="programas-spen-paralelo")
    lector.start()
    resultados: dict[int, object] = {}
    try:
        while (turno := turnos.siguiente()) < len(orden):
            resultados[orden[turno]] = funcion(tareas[orden[turno]])
    except BaseException:
        os.kill(pid, signal.SIGKILL)  # el error sale aquí; lo de la copia ya no hace falta
        raise
    finally:
        lector.join()
        os.waitpid(pid, 0)
        turnos.cerrar()
    for indice in range(len(tareas)):
        if indice not in resultados:  # de la copia, o lo que la copia no devolvió
            resultados[indice] = recibidos[indice] if indice in recibidos else funcion(tareas[indice])
    return [resultados[i] for i in range(len(tareas))]  # type: ignore[misc]


@dataclass(frozen=True)
class Tarea(Generic[R]):
    """Un trabajo sin argumentos (``functools.partial`` de un constructor, por ejemplo) y su
    costo estimado, para ``hacer_todas``."""

    hacer: Callable[[], R]
    peso: int = 1


def _hacer(tarea: Tarea[R]) -> R:
    return tarea.hacer()


def _peso_de(tarea: Tarea[object]) -> int:
    return tarea.peso


def hacer_todas(tareas: Sequence[Tarea[R]]) -> list[R]:
    """El resultado de cada tarea, en orden, repartidas con ``mapear``."""
    return mapear(tareas, _hacer, peso=_peso_de)
