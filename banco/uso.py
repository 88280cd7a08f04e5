"""Ejecuta una orden y escribe en un JSON su tiempo de reloj, su CPU y su memoria pico.

    python uso.py DESTINO.json ORDEN [ARGUMENTOS…]

La CPU y la memoria son las de ``getrusage(RUSAGE_CHILDREN)`` al terminar la orden: la CPU de
la orden y de todos los procesos que ella esperó (las copias de ``fork``, Pagefind), y la
memoria residente pico del mayor de ellos (como ``/usr/bin/time -v``). La suma de la memoria
de todos a la vez la muestrea ``medidas.construir``. Termina con el código de la orden. Solo
usa la biblioteca estándar.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    """Ejecuta ``argv[1:]`` y escribe sus medidas en ``argv[0]``."""
    destino, orden = Path(argv[0]), argv[1:]
    inicio = time.perf_counter()
    codigo = subprocess.call(orden)
    segundos = time.perf_counter() - inicio
    uso = resource.getrusage(resource.RUSAGE_CHILDREN)
    destino.write_text(json.dumps({"segundos": segundos, "cpu_s": uso.ru_utime + uso.ru_stime,
                                   "rss_mib": uso.ru_maxrss / 1024}), encoding="utf-8")
    return codigo


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
