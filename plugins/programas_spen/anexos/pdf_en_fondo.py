"""PDF de los anexos generados aparte, sin esperarlos (vista previa de ``mkdocs serve``).

Generar el PDF de un documento grande lleva unos 3 s (WeasyPrint): con él en la
reconstrucción, una edición en ``mkdocs serve`` tardaba 5–6 s en verse. En la vista previa, la
construcción no espera los PDF que no están en la caché: publica el anexo como «PDF en
preparación» y, al terminar, los encarga a ``GeneradorEnFondo``. Cada PDF es un trabajo de un
``concurrent.futures.ProcessPoolExecutor`` (procesos aparte, con menos prioridad que el
servidor): lo genera con la misma función que la construcción (los mismos bytes) y lo guarda
en la caché de PDF en disco (``cache_pdf``). Cuando termina, en el servidor se reescribe un
archivo de señal que ``mkdocs serve`` vigila: la reconstrucción que provoca encuentra los PDF
en la caché y los publica.

``mkdocs build`` nunca aplaza nada: lo publicado siempre lleva sus PDF.

Si un PDF no se puede generar aparte, el error se informa en el registro (en español, sin
detener el servidor), la señal provoca otra reconstrucción y ese PDF ya no se aplaza: la
construcción lo genera ella misma y el error se ve como en cualquier construcción. Un encargo
cuyo PDF ya no hace falta (el documento volvió a cambiar) se cancela si aún no empezó; si ya
empezó, termina (su PDF, válido, queda en la caché) pero no provoca reconstrucción.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from programas_spen.anexos.cache_pdf import CachePdf
from programas_spen.anexos.pdf import generar_pdf

log = logging.getLogger(__name__)

#: Segundos como mínimo entre dos señales de un mismo encargo largo (una reconstrucción cada vez).
ENTRE_SENALES = 15.0
#: Procesos a la vez, como mucho (y no más que núcleos).
PROCESOS = 2


@dataclass(frozen=True)
class PdfPendiente:
    """Un PDF que falta: la huella de su HTML (su clave en la caché), el HTML y su URL base."""

    clave: str
    html: str
    url: str


def _prioridad_baja() -> None:
    """Al empezar cada proceso del ejecutor: la construcción en primer plano va antes."""
    try:
        os.nice(10)
    except OSError:
        pass


def generar_y_guardar(carpeta: Path, pendiente: PdfPendiente) -> bool:
    """El trabajo de cada PDF, en un proceso del ejecutor: lo genera y lo guarda en la caché de
    ``carpeta`` (la de ``CachePdf``). Devuelve ``False`` si ya estaba (nada que hacer).
    Si la caché no lo guardó (carpeta sin permiso de escritura, disco lleno), es un error:
    la siguiente construcción no lo encontraría y lo volvería a encargar."""
    if pendiente.clave in CachePdf(carpeta):
        return False
    CachePdf(carpeta)[pendiente.clave] = generar_pdf(pendiente.html, pendiente.url)
    if pendiente.clave not in CachePdf(carpeta):  # otra instancia: lee el disco, no su memoria
        raise OSError(f"no se pudo guardar en la caché de PDF ({carpeta})")
    return True


class GeneradorEnFondo:
    """Encarga los PDF que faltan a procesos aparte (``concurrent.futures``).

    ``carpeta``: la caché de PDF en disco (la de ``CachePdf``, sin la versión: ``CachePdf``
    la añade); ``senal``: el archivo que se reescribe cuando llegan PDF nuevos a ella.

    ``al_terminar``: lo encargado no empieza al encargarlo sino al llamar a ``empezar`` (el
    adaptador lo hace al final de la construcción): en una máquina de dos núcleos, generar los
    PDF le quitaba a la reconstrucción un segundo y medio de los dos y medio que dura.

    Cada ``empezar`` crea un ejecutor para lo que empieza y le pide terminar en cuanto acabe
    (``shutdown(wait=False)``): sus procesos no quedan vivos, sin nada que hacer, entre una
    edición y otra. Lo demás ocurre al terminar cada trabajo, en el hilo del ejecutor que lo
    avisa; un candado ordena ese hilo y el de la construcción."""

    def __init__(self, carpeta: Path, senal: Path, al_terminar: bool = False) -> None:
        self.carpeta = Path(carpeta)
        self.senal = Path(senal)
        self.al_terminar = al_terminar
        self.por_empezar: list[PdfPendiente] = []
        self._en_vuelo: dict[str, Future[bool]] = {}
        self._encargadas: frozenset[str] = frozenset()
        self._fallidos: set[str] = set()
        self._llegados: list[str] = []
        self._fallo_sin_avisar = False
        self._ultima_senal = time.monotonic()
        self._cambio = threading.Condition(threading.RLock())

    def fallidas(self) -> frozenset[str]:
        """Las claves de los PDF que no se pudieron generar aparte: ya no esperan, la
        construcción los genera ella misma."""
        with self._cambio:
            return frozenset(self._fallidos)

    def encargar(self, pendientes: Iterable[PdfPendiente]) -> None:
        """Encarga los PDF de ``pendientes`` (los que faltan en esta construcción) que no estén
        ya encargados ni hayan fallado; cancela los encargados que ya no están entre ellos."""
        por_clave = {p.clave: p for p in pendientes}
        with self._cambio:
            self._encargadas = frozenset(por_clave)
            sobran = [futuro for clave, futuro in self._en_vuelo.items() if clave not in por_clave]
        for futuro in sobran:
            futuro.cancel()  # si ya empezó, termina: ver ``_termino``
        with self._cambio:
            self.por_empezar = [p for clave, p in sorted(por_clave.items())
                                if clave not in self._en_vuelo and clave not in self._fallidos]
        if not self.al_terminar:
            self.empezar()

    def empezar(self) -> None:
        """Empieza lo encargado, si hay algo (con ``al_terminar``; si no, ya empezó)."""
        with self._cambio:
            nuevos, self.por_empezar = self.por_empezar, []
        if not nuevos:
            return
        # Sin el candado al enviar: el hilo del ejecutor lo toma al avisar de un trabajo.
        procesos = min(PROCESOS, os.cpu_count() or 1, len(nuevos))
        ejecutor = ProcessPoolExecutor(max_workers=procesos, initializer=_prioridad_baja,
                                       mp_context=multiprocessing.get_context("spawn"))
        futuros = [(p.clave, ejecutor.submit(generar_y_guardar, self.carpeta, p)) for p in nuevos]
        ejecutor.shutdown(wait=False)  # hace lo enviado y termina sus procesos
        with self._cambio:
            if not self._en_vuelo:
                self._ultima_senal = time.monotonic()
            self._en_vuelo.update(futuros)
        for clave, futuro in futuros:  # si ya terminó, se avisa aquí mismo
            futuro.add_done_callback(partial(self._termino, clave))

    def _termino(self, clave: str, futuro: Future[bool]) -> None:
        """Un trabajo terminó (o se canceló): anota si falló y, si su PDF aún hace falta,
        reescribe la señal cuando ya no queda nada encargado por llegar (o cada
        ``ENTRE_SENALES`` segundos en encargos largos)."""
        with self._cambio:
            if self._en_vuelo.get(clave) is not futuro:
                return  # detenido: nadie lo espera
            del self._en_vuelo[clave]
            # KeyboardInterrupt: el Ctrl-C que cierra ``mkdocs serve`` llega también a los
            # procesos del ejecutor (el mismo grupo); como una cancelación, no es un fallo.
            if not futuro.cancelled() and not isinstance(futuro.exception(), KeyboardInterrupt):
                error = futuro.exception()
                if error is not None:
                    self._fallidos.add(clave)
                    self._fallo_sin_avisar = True
                    log.warning("programas-spen: no se pudo generar aparte el PDF del anexo %s (%s: %s); "
                                "la próxima reconstrucción lo genera ella misma",
                                clave[:12], type(error).__name__, error)
                elif clave in self._encargadas:
                    self._llegados.append(clave)
                faltan = any(c in self._encargadas for c in self._en_vuelo)
                if (self._llegados or self._fallo_sin_avisar) and (
                        not faltan or time.monotonic() - self._ultima_senal >= ENTRE_SENALES):
                    self._senalar()
            self._cambio.notify_all()

    def _senalar(self) -> None:
        """Reescribe el archivo de señal (se vigila: cualquier cambio provoca una
        reconstrucción) con la hora y las claves llegadas desde la señal anterior."""
        try:
            self.senal.parent.mkdir(parents=True, exist_ok=True)
            temporal = self.senal.with_name(f"{self.senal.name}.{os.getpid()}.tmp")
            temporal.write_text(f"{time.time_ns()}\n" + "".join(f"{c}\n" for c in self._llegados),
                                encoding="utf-8")
            os.replace(temporal, self.senal)
        except OSError as error:
            log.warning("programas-spen: no se pudo escribir la señal de PDF listos %s: %s", self.senal, error)
            return
        self._llegados = []
        self._fallo_sin_avisar = False
        self._ultima_senal = time.monotonic()

    def en_curso(self) -> int:
        """Cuántos PDF encargados aún no terminan (los que ya no hacen falta y siguen en un
        proceso también cuentan)."""
        with self._cambio:
            return len(self._en_vuelo)

    def esperar(self, limite: float | None = None) -> bool:
        """Espera a que terminen los PDF en curso, con su señal ya escrita (pruebas y línea de
        órdenes); ``False`` si pasaron ``limite`` segundos antes."""
        with self._cambio:
            return self._cambio.wait_for(lambda: not self._en_vuelo, limite)

    def detener(self) -> None:
        """Al cerrar el servidor: cancela lo encargado que no empezó y olvida lo demás. Vuelve
        enseguida; un PDF que ya se estaba generando termina en su proceso (lo que tarde ese
        PDF, segundos) y queda en la caché, sin señal."""
        with self._cambio:
            en_vuelo = list(self._en_vuelo.values())
            self._en_vuelo.clear()
            self.por_empezar = []
            self._encargadas = frozenset()
            self._llegados = []
            self._fallo_sin_avisar = False
            self._cambio.notify_all()
        for futuro in en_vuelo:
            futuro.cancel()
