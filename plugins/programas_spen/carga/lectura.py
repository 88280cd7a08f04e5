"""Lectura, validación contra el esquema y conversión al modelo de todos los archivos de datos,
con la lectura repartida entre dos procesos cuando son muchos.

Leer el YAML con sus marcas de línea y columna es lo más caro de cargar los datos (a escala
nacional: unos 2 000 archivos, 70 MiB). Cada archivo se lee y se valida contra el esquema sin
mirar los demás, así que, si hay más de un núcleo y bastantes datos, un proceso auxiliar
(``python -m programas_spen.lectura``, un intérprete nuevo: nada del proceso que construye, ni
sus hilos, se copia) lee y valida archivos mientras este lee otros. El reparto es dinámico:
los archivos se toman de una sola cola, de mayor a menor; este proceso mantiene al auxiliar
con unos pocos encargos pendientes y, entre archivo y archivo propio, recoge lo que el auxiliar
ya devolvió (árboles por ``marshal``, varias veces más rápido que leer YAML) y construye sus
registros del modelo (empaquetarlos costaría más que construirlos aquí). Así los dos terminan
casi a la vez en cualquier máquina, sin una proporción fija. Si el auxiliar no puede arrancar
o falla, este proceso lee lo que le quedaba. Con pocos datos (el sitio real, las pruebas) todo
se lee aquí: arrancar un proceso costaría más de lo que ahorra. El resultado (árboles,
validez, registros y problemas) es el mismo en los dos casos, en el mismo orden.
"""

from __future__ import annotations

import logging
import marshal
import os
import queue
import select
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from programas_spen.carga.cache_arboles import CacheArboles
from programas_spen.carga.construccion import construir
from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, ESQUEMA_INSTITUCIONES, validar_arbol
from programas_spen.carga.lector_yaml import Arbol, leer_archivo
from programas_spen.modelo.problemas import Informe, Problema
from programas_spen.modelo.registros import Catalogo, Documento
from programas_spen.paralelo import procesos_disponibles
from programas_spen.recolector import sin_recolector

log = logging.getLogger(__name__)

#: Con menos bytes de datos que esto, todo se lee en este proceso.
UMBRAL_BYTES = 8 * 1024 * 1024
#: Encargos que el auxiliar tiene pendientes a la vez: bastantes para que no espere mientras
#: este proceso lee un archivo propio, pocos para que al final los dos terminen a la vez.
PENDIENTES_AUXILIAR = 6
#: Segundos sin ninguna respuesta tras los que se da al auxiliar por colgado (y lo que tenía
#: pendiente se lee aquí).
ESPERA_MAXIMA = 120.0
#: Cabecera de cada respuesta del auxiliar: el largo del ``marshal`` que sigue.
_LARGO = struct.Struct("<Q")


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


def _leer_uno(ruta: Path, base: Path, catalogo: Path,
              cache: CacheArboles | None) -> tuple[Leido, list[Problema]]:
    """Lee y valida un archivo con un informe propio: sus problemas van aparte, para
    juntarlos al final en el orden de los archivos, lea quien lea cada uno."""
    informe = Informe()
    return _leer(ruta, base, catalogo, informe, cache), informe.problemas


def _empaquetar(indice: int, leido: Leido, problemas: list[Problema]) -> bytes:
    """Una respuesta del auxiliar en ``marshal`` (solo tuplas, diccionarios y textos, que se
    escriben y se leen más rápido que con ``pickle``), con su largo delante."""
    arbol = leido.arbol
    contenido = marshal.dumps((
        indice, leido.valido,
        None if arbol is None else (arbol.archivo, arbol.datos, arbol.marcas,
                                    arbol.marcas_clave, arbol.fuente),
        [(p.archivo, p.linea, p.columna, p.nivel, p.mensaje) for p in problemas]))
    return _LARGO.pack(len(contenido)) + contenido


def _desempaquetar(contenido: bytes, rutas: list[Path]) -> tuple[int, Leido, list[Problema]]:
    indice, valido, arbol, problemas = marshal.loads(contenido)
    return (indice, Leido(rutas[indice], None if arbol is None else Arbol(*arbol), valido),
            [Problema(*problema) for problema in problemas])


def _auxiliar(rutas: list[Path], base: Path, catalogo: Path, cache: Path | None,
              temporal: Path) -> subprocess.Popen[bytes]:
    """Arranca el proceso auxiliar; la lista de archivos va en ``temporal``, y los encargos
    (índices de esa lista, uno por línea) por su entrada."""
    temporal.write_bytes(marshal.dumps(([str(r) for r in rutas], str(base), str(catalogo),
                                        None if cache is None else str(cache))))
    entorno = dict(os.environ)
    paquete = str(Path(__file__).resolve().parents[2])  # el mismo código que este proceso
    entorno["PYTHONPATH"] = os.pathsep.join(p for p in (paquete, entorno.get("PYTHONPATH")) if p)
    return subprocess.Popen([sys.executable, "-m", "programas_spen.carga.lectura", str(temporal)],
                            env=entorno, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


class _Auxiliar:
    """El proceso auxiliar visto desde este: encargos enviados y respuestas recibidas."""

    def __init__(self, proceso: subprocess.Popen[bytes], rutas: list[Path]) -> None:
        self.proceso = proceso
        self.rutas = rutas
        self.pendientes: set[int] = set()  # encargos enviados sin respuesta
        self.vivo = True
        self._recibido = bytearray()
        assert proceso.stdout is not None
        self._salida = proceso.stdout.fileno()
        os.set_blocking(self._salida, False)

    def encargar(self, indice: int) -> bool:
        """Envía un encargo; ``False`` si el auxiliar ya no lo puede recibir."""
        if not self.vivo or self.proceso.stdin is None:
            return False
        try:
            self.proceso.stdin.write(b"%d\n" % indice)
            self.proceso.stdin.flush()
        except OSError:  # terminó: lo pendiente se lee aquí
            self.vivo = False
            return False
        self.pendientes.add(indice)
        return True

    def terminar_encargos(self) -> None:
        """Cierra la entrada: el auxiliar termina al acabar lo pendiente."""
        if self.proceso.stdin is not None:
            try:
                self.proceso.stdin.close()
            except OSError:
                pass

    def recoger(self, esperar: bool) -> list[tuple[int, Leido, list[Problema]]]:
        """Las respuestas completas que ya llegaron (con ``esperar``, al menos una, salvo que
        el auxiliar haya terminado)."""
        respuestas: list[tuple[int, Leido, list[Problema]]] = []
        limite = time.monotonic() + ESPERA_MAXIMA
        while self.vivo:
            try:
                trozo = os.read(self._salida, 1 << 20)
            except BlockingIOError:
                trozo = None
            if trozo == b"":  # fin: terminó (bien o mal)
                self.vivo = False
            elif trozo:
                self._recibido += trozo
                limite = time.monotonic() + ESPERA_MAXIMA
            respuestas += self._completas()
            if trozo is None:
                if respuestas or not esperar:
                    break
                if time.monotonic() > limite:
                    log.info("el proceso auxiliar no responde; se lee en este proceso")
                    self.vivo = False
                    self.proceso.kill()
                    break
                select.select([self._salida], [], [], 1.0)
        return respuestas

    def _completas(self) -> list[tuple[int, Leido, list[Problema]]]:
        respuestas = []
        inicio = 0
        recibido = self._recibido
        while len(recibido) - inicio >= _LARGO.size:
            (largo,) = _LARGO.unpack_from(recibido, inicio)
            fin = inicio + _LARGO.size + largo
            if len(recibido) < fin:
                break
            try:
                respuesta = _desempaquetar(bytes(recibido[inicio + _LARGO.size:fin]), self.rutas)
            except (ValueError, EOFError, TypeError, IndexError) as exc:
                log.info("respuesta ilegible del proceso auxiliar (%s)", exc)
                self.vivo = False
                break
            self.pendientes.discard(respuesta[0])
            respuestas.append(respuesta)
            inicio = fin
        del recibido[:inicio]
        return respuestas

    def cerrar(self) -> None:
        """Espera al auxiliar (o lo termina) e informa si falló."""
        self.terminar_encargos()
        if self.pendientes and self.proceso.poll() is None:
            self.proceso.kill()  # lo que no devolvió se lee aquí: no hace falta esperarlo
        try:
            self.proceso.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proceso.kill()
            self.proceso.wait()
        errores = self.proceso.stderr.read() if self.proceso.stderr else b""
        if self.proceso.returncode != 0 or self.pendientes:
            ultima = errores.decode("utf-8", "replace").strip().splitlines()[-1:] or [
                "sin mensaje"]
            log.info("lectura en paralelo no disponible (el proceso auxiliar terminó con "
                     "código %s: %s); se lee en un solo proceso", self.proceso.returncode,
                     ultima[0])
        for flujo in (self.proceso.stdout, self.proceso.stderr):
            if flujo is not None:
                flujo.close()


def cola(rutas: list[Path], tamanos: dict[Path, int]) -> list[Path]:
    """El orden en que se leen: de mayor a menor tamaño (lo último en leerse es lo más corto,
    así los dos procesos terminan casi a la vez)."""
    return sorted(rutas, key=lambda r: (-tamanos[r], r))


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
    with tempfile.TemporaryDirectory(prefix="programas-spen-") as carpeta, sin_recolector():
        return _en_paralelo(rutas, cola(rutas, tamanos), base, catalogo, informe, cache,
                            guardados, Path(carpeta) / "encargo.marshal")


def _en_paralelo(rutas: list[Path], orden: list[Path], base: Path, catalogo: Path,
                 informe: Informe, cache: Path | None, guardados: CacheArboles | None,
                 temporal: Path) -> list[Leido]:
    """Lee ``orden`` entre este proceso y el auxiliar; el resultado, en el orden de ``rutas``."""
    leidos: dict[Path, Leido] = {}
    problemas: dict[Path, list[Problema]] = {}
    try:
        auxiliar: _Auxiliar | None = _Auxiliar(
            _auxiliar(orden, base, catalogo, cache, temporal), orden)
    except OSError as exc:
        log.info("no se pudo arrancar la lectura en paralelo (%s)", exc)
        auxiliar = None

    def guardar(respuestas: list[tuple[int, Leido, list[Problema]]]) -> None:
        for indice, leido, suyos in respuestas:
            leidos[orden[indice]] = _con_registro(leido, catalogo)
            problemas[orden[indice]] = suyos

    def leer_aqui(ruta: Path) -> None:
        leido, problemas[ruta] = _leer_uno(ruta, base, catalogo, guardados)
        leidos[ruta] = _con_registro(leido, catalogo)

    inicio = time.perf_counter()
    siguiente = 0  # el próximo de la cola sin asignar
    propios = 0
    while siguiente < len(orden):
        if auxiliar is not None and auxiliar.vivo:
            guardar(auxiliar.recoger(esperar=False))
            while (len(auxiliar.pendientes) < PENDIENTES_AUXILIAR and siguiente < len(orden)
                   and auxiliar.encargar(siguiente)):
                siguiente += 1
            if siguiente >= len(orden):
                break
        leer_aqui(orden[siguiente])
        siguiente += 1
        propios += 1
    if auxiliar is not None:
        auxiliar.terminar_encargos()
        while auxiliar.pendientes and auxiliar.vivo:
            guardar(auxiliar.recoger(esperar=True))
        auxiliar.cerrar()
        for indice in sorted(auxiliar.pendientes):  # lo que el auxiliar no devolvió
            leer_aqui(orden[indice])
    log.debug("lectura en paralelo: %d archivos aquí y %d en el auxiliar, en %.2f s",
              propios, len(orden) - propios, time.perf_counter() - inicio)
    for ruta in rutas:
        informe.problemas.extend(problemas[ruta])
    return [leidos[ruta] for ruta in rutas]


def _tamano(ruta: Path) -> int:
    try:
        return ruta.stat().st_size
    except OSError:
        return 0


def main(argv: list[str]) -> int:
    """Proceso auxiliar: lee la lista de archivos de ``argv[0]``; por cada encargo (un
    índice de esa lista por línea de la entrada) escribe en la salida su respuesta. Un hilo
    escribe mientras el principal sigue leyendo, para no esperar a que el otro proceso
    recoja."""
    nombres, base_texto, catalogo_texto, cache = marshal.loads(Path(argv[0]).read_bytes())
    rutas = [Path(r) for r in nombres]
    base, catalogo = Path(base_texto), Path(catalogo_texto)
    guardados = None if cache is None else CacheArboles(Path(cache))
    salida: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def escribir() -> None:
        while (respuesta := salida.get()) is not None:
            sys.stdout.buffer.write(respuesta)
            sys.stdout.buffer.flush()

    escritor = threading.Thread(target=escribir, daemon=True)
    escritor.start()
    with sin_recolector():
        for linea in sys.stdin.buffer:
            indice = int(linea)
            leido, problemas = _leer_uno(rutas[indice], base, catalogo, guardados)
            salida.put(_empaquetar(indice, leido, problemas))
    salida.put(None)
    escritor.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
