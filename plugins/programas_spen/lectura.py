"""Lectura, validación contra el esquema y conversión al modelo de todos los archivos de datos,
con la lectura repartida entre dos procesos cuando son muchos.

Leer el YAML con sus marcas de línea y columna es lo más caro de cargar los datos (dos tercios
a escala nacional: unos 2 000 archivos, 70 MiB). Cada archivo se lee y se valida contra el
esquema sin mirar los demás, así que, si hay más de un núcleo y bastantes datos, un proceso
auxiliar (``python -m programas_spen.lectura``, un intérprete nuevo: nada del proceso que
construye, ni sus hilos, se copia) lee y valida una parte mientras este lee el resto; los
árboles vuelven por ``marshal``, que es varias veces más rápido que leer YAML (los registros
del modelo no: empaquetarlos cuesta más que construirlos aquí). Si el auxiliar no puede
arrancar o falla, este proceso lee también su parte. Con pocos datos (el sitio real, las
pruebas) todo se lee aquí: arrancar un proceso costaría más de lo que ahorra. El resultado es
el mismo en los dos casos, en el mismo orden.
"""

from __future__ import annotations

import logging
import marshal
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .cache_arboles import CacheArboles
from .carga import Arbol, leer_archivo
from .construccion import construir
from .esquema import ESQUEMA_DOCUMENTO, ESQUEMA_INSTITUCIONES, validar_arbol
from .modelo import Catalogo, Documento
from .problemas import Informe, Problema
from .recolector import sin_recolector

log = logging.getLogger(__name__)

#: Con menos bytes de datos que esto, todo se lee en este proceso.
UMBRAL_BYTES = 8 * 1024 * 1024
#: Parte de los bytes que lee el proceso auxiliar: algo menos de la mitad, porque además
#: arranca un intérprete y empaqueta sus árboles para enviarlos.
PARTE_AUXILIAR = 0.45


@dataclass
class Leido:
    """Un archivo leído: su árbol (``None`` si no se pudo leer), si cumple el esquema y, si lo
    cumple, su registro del modelo (el catálogo o un documento)."""

    ruta: Path
    arbol: Arbol | None
    valido: bool
    registro: Catalogo | Documento | None = None


def _leer(ruta: Path, base: Path, catalogo: Path, informe: Informe,
          cache: CacheArboles | None = None) -> Leido:
    """Lee y valida un archivo (sin construir su registro)."""
    arbol = leer_archivo(ruta, base, informe, cache)
    if arbol is None:
        return Leido(ruta, None, False)
    esquema = ESQUEMA_INSTITUCIONES if ruta == catalogo else ESQUEMA_DOCUMENTO
    return Leido(ruta, arbol, validar_arbol(arbol, esquema, informe))


def _con_registro(leido: Leido, catalogo: Path) -> Leido:
    """Construye el registro del modelo de un archivo válido (si no lo tiene ya)."""
    arbol = leido.arbol
    if arbol is None or not leido.valido or leido.registro is not None:
        return leido
    if leido.ruta == catalogo:
        leido.registro = construir(Catalogo, arbol.datos, (), arbol, {"archivo": arbol.archivo})
    else:
        leido.registro = construir(Documento, arbol.datos, (), arbol,
                                   {"documento": arbol.datos["id"], "archivo": arbol.archivo})
    return leido


def _leer_lote(rutas: list[Path], base: Path, catalogo: Path,
               cache: Path | None = None) -> tuple[list[Leido], list[Problema]]:
    """Lee y valida ``rutas`` con un informe propio (lo que hace el proceso auxiliar)."""
    informe = Informe()
    guardados = None if cache is None else CacheArboles(cache)
    with sin_recolector():
        leidos = [_leer(ruta, base, catalogo, informe, guardados) for ruta in rutas]
    return leidos, informe.problemas


def _empaquetar(leidos: list[Leido], problemas: list[Problema]) -> bytes:
    """El resultado del auxiliar en ``marshal``: solo tuplas, diccionarios y textos, que se
    escriben y se leen más rápido que con ``pickle`` (los árboles son eso)."""
    return marshal.dumps((
        [(str(leido.ruta), leido.valido, None if leido.arbol is None else (
            leido.arbol.archivo, leido.arbol.datos, leido.arbol.marcas, leido.arbol.marcas_clave,
            leido.arbol.fuente))
         for leido in leidos],
        [(p.archivo, p.linea, p.columna, p.nivel, p.mensaje) for p in problemas]))


def _desempaquetar(datos: bytes) -> tuple[list[Leido], list[Problema]]:
    leidos, problemas = marshal.loads(datos)
    return ([Leido(Path(ruta), None if arbol is None else Arbol(*arbol), valido)
             for ruta, valido, arbol in leidos],
            [Problema(*problema) for problema in problemas])


def _auxiliar(rutas: list[Path], base: Path, catalogo: Path, cache: Path | None,
              temporal: Path) -> subprocess.Popen[bytes]:
    """Arranca el proceso auxiliar sobre ``rutas``; el encargo va en ``temporal``."""
    temporal.write_bytes(marshal.dumps(([str(r) for r in rutas], str(base), str(catalogo),
                                        None if cache is None else str(cache))))
    entorno = dict(os.environ)
    paquete = str(Path(__file__).resolve().parents[1])  # el mismo código que este proceso
    entorno["PYTHONPATH"] = os.pathsep.join(p for p in (paquete, entorno.get("PYTHONPATH")) if p)
    return subprocess.Popen([sys.executable, "-m", "programas_spen.lectura", str(temporal)],
                            env=entorno, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _recibir(proceso: subprocess.Popen[bytes]) -> tuple[list[Leido], list[Problema]]:
    """Lo que devolvió el auxiliar; ``RuntimeError`` si falló."""
    salida, errores = proceso.communicate()
    if proceso.returncode != 0:
        ultima = errores.decode("utf-8", "replace").strip().splitlines()[-1:] or ["sin mensaje"]
        raise RuntimeError(f"el proceso auxiliar terminó con código {proceso.returncode}: "
                           f"{ultima[0]}")
    try:
        return _desempaquetar(salida)
    except (ValueError, EOFError, TypeError) as exc:
        raise RuntimeError(f"respuesta ilegible del proceso auxiliar ({exc})") from None


def procesos_disponibles() -> int:
    """Núcleos que este proceso puede usar."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - sistemas sin sched_getaffinity
        return os.cpu_count() or 1


def repartir(rutas: list[Path], tamanos: dict[Path, int]) -> tuple[list[Path], list[Path]]:
    """(las de este proceso, las del auxiliar): el auxiliar recibe cerca de
    ``PARTE_AUXILIAR`` de los bytes, repartiendo de mayor a menor tamaño."""
    total = sum(tamanos.values()) or 1
    propias: list[Path] = []
    auxiliar: list[Path] = []
    bytes_auxiliar = 0
    bytes_propios = 0
    for ruta in sorted(rutas, key=lambda r: (-tamanos[r], r)):
        if bytes_auxiliar / total < PARTE_AUXILIAR and (
                bytes_auxiliar * (1 - PARTE_AUXILIAR) <= bytes_propios * PARTE_AUXILIAR):
            auxiliar.append(ruta)
            bytes_auxiliar += tamanos[ruta]
        else:
            propias.append(ruta)
            bytes_propios += tamanos[ruta]
    return propias, auxiliar


def leer_todos(rutas: list[Path], base: Path, catalogo: Path, informe: Informe,
               paralelo: bool | None = None, cache: Path | None = None) -> list[Leido]:
    """Lee y valida ``rutas`` (en ese orden en el resultado). ``paralelo``: ``None`` decide
    por el tamaño de los datos, los núcleos y la caché; ``True``/``False`` lo fuerzan.
    ``cache``: carpeta de ``cache_arboles`` (``None``: sin caché)."""
    tamanos = {ruta: _tamano(ruta) for ruta in rutas}
    guardados = None if cache is None else CacheArboles(cache)
    if paralelo is None:
        paralelo = (procesos_disponibles() > 1 and sum(tamanos.values()) >= UMBRAL_BYTES
                    and not (guardados is not None and guardados.tiene_todo(rutas[:20])))
    if not paralelo or len(rutas) < 2:
        with sin_recolector():
            return [_con_registro(_leer(ruta, base, catalogo, informe, guardados), catalogo)
                    for ruta in rutas]
    propias, ajenas = repartir(rutas, tamanos)
    leidos: dict[Path, Leido] = {}
    with tempfile.TemporaryDirectory(prefix="programas-spen-") as carpeta, sin_recolector():
        try:
            proceso: subprocess.Popen[bytes] | None = _auxiliar(
                ajenas, base, catalogo, cache, Path(carpeta) / "encargo.marshal")
        except OSError as exc:
            log.info("no se pudo arrancar la lectura en paralelo (%s)", exc)
            proceso = None
        inicio = time.perf_counter()
        for ruta in propias:  # mientras el auxiliar lee los suyos, estos se leen y convierten
            leidos[ruta] = _con_registro(_leer(ruta, base, catalogo, informe, guardados),
                                         catalogo)
        propios_s = time.perf_counter() - inicio
        try:
            if proceso is None:
                raise RuntimeError("sin proceso auxiliar")
            ajenos, problemas = _recibir(proceso)
            log.debug("lectura en paralelo: %d archivos aquí en %.2f s; los %d del auxiliar "
                      "llegaron %.2f s después", len(propias), propios_s, len(ajenas),
                      time.perf_counter() - inicio - propios_s)
        except (RuntimeError, OSError) as exc:
            log.info("lectura en paralelo no disponible (%s); se lee en un solo proceso", exc)
            for ruta in ajenas:
                leidos[ruta] = _leer(ruta, base, catalogo, informe, guardados)
        else:
            informe.problemas.extend(problemas)
            leidos.update((leido.ruta, leido) for leido in ajenos)
        return [_con_registro(leidos[ruta], catalogo) for ruta in rutas]


def _tamano(ruta: Path) -> int:
    try:
        return ruta.stat().st_size
    except OSError:
        return 0


def main(argv: list[str]) -> int:
    """Proceso auxiliar: lee el encargo de ``argv[0]`` y escribe el resultado en la salida."""
    rutas, base, catalogo, cache = marshal.loads(Path(argv[0]).read_bytes())
    leidos, problemas = _leer_lote([Path(r) for r in rutas], Path(base), Path(catalogo),
                                   None if cache is None else Path(cache))
    sys.stdout.buffer.write(_empaquetar(leidos, problemas))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
