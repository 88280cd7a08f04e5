"""PDF de los anexos generados en otro proceso, sin esperarlos (vista previa de ``mkdocs serve``).

Generar el PDF de un documento grande lleva unos 3 s (WeasyPrint): con él en la
reconstrucción, una edición en ``mkdocs serve`` tardaba 5–6 s en verse. En la vista previa, la
construcción no espera los PDF que no están en la caché: publica el anexo como «PDF en
preparación» y, al terminar, los encarga a un proceso aparte (``python -m
programas_spen.exportar.pdf_en_fondo``; dos si son varios, como en el primer arranque sin
caché), que los genera con la misma función (los mismos bytes), los guarda en la caché de PDF
en disco (``cache_pdf``) y al terminar reescribe un archivo de señal. El servidor vigila ese
archivo: la reconstrucción que provoca encuentra los PDF en la caché y los publica.

``mkdocs build`` nunca aplaza nada: lo publicado siempre lleva sus PDF.

Si un proceso termina con error, sus PDF ya no se aplazan: la siguiente construcción los genera
ella misma y el error se ve como en cualquier construcción. Un encargo cuyos PDF ya no hacen
falta (el documento volvió a cambiar) se detiene.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: Segundos como mínimo entre dos señales de un mismo encargo largo (una reconstrucción cada vez).
ENTRE_SENALES = 15.0
#: Procesos a la vez, como mucho, para un mismo encargo.
PROCESOS = 2


@dataclass(frozen=True)
class PdfPendiente:
    """Un PDF que falta: la huella de su HTML (su clave en la caché), el HTML y su URL base."""

    clave: str
    html: str
    url: str


@dataclass
class _Encargo:
    proceso: subprocess.Popen[bytes]
    claves: frozenset[str]


class GeneradorEnFondo:
    """Encarga los PDF que faltan a procesos aparte.

    ``carpeta``: la caché de PDF en disco (la de ``CachePdf``, sin la versión: el proceso la
    añade); ``senal``: el archivo que se reescribe cuando hay PDF nuevos en ella.

    ``al_terminar``: el encargo nuevo no empieza al encargarlo sino al llamar a ``empezar``
    (el adaptador lo hace al final de la construcción): en una máquina de dos núcleos, el
    proceso de los PDF le quitaba a la reconstrucción un segundo y medio de los dos y medio
    que dura."""

    def __init__(self, carpeta: Path, senal: Path, al_terminar: bool = False) -> None:
        self.carpeta = Path(carpeta)
        self.senal = Path(senal)
        self.al_terminar = al_terminar
        self.encargos: list[_Encargo] = []
        self.por_empezar: list[PdfPendiente] = []

    def fallidas(self) -> frozenset[str]:
        """Las claves de los encargos que terminaron con error: esos PDF ya no esperan, la
        construcción los genera ella misma. (Se pregunta antes de repartir el trabajo entre
        procesos: en una copia hecha con ``fork`` los procesos de los encargos no son hijos.)"""
        return frozenset(clave for e in self.encargos if e.proceso.poll() not in (None, 0)
                         for clave in e.claves)

    def encargar(self, pendientes: Iterable[PdfPendiente]) -> None:
        """Encarga los PDF de ``pendientes`` que no estén ya encargados; detiene los encargos en
        curso cuyos PDF ya no están entre ``pendientes`` (los que faltan en esta construcción)."""
        por_clave = {p.clave: p for p in pendientes}
        vigentes: list[_Encargo] = []
        for encargo in self.encargos:
            if encargo.proceso.poll() is None and encargo.claves.isdisjoint(por_clave):
                _detener(encargo.proceso)
                continue
            if encargo.proceso.poll() is not None and encargo.proceso.returncode == 0:
                continue  # terminado bien: sus PDF están en la caché (o ya no hacen falta)
            vigentes.append(encargo)
        self.encargos = vigentes
        en_curso = {clave for e in vigentes if e.proceso.poll() is None for clave in e.claves}
        fallidas = self.fallidas()
        self.por_empezar = [p for clave, p in sorted(por_clave.items())
                            if clave not in en_curso and clave not in fallidas]
        if not self.al_terminar:
            self.empezar()

    def empezar(self) -> None:
        """Empieza lo encargado, si hay algo (con ``al_terminar``; si no, ya empezó): en un
        proceso por núcleo, hasta dos (el primer arranque de ``mkdocs serve`` sin caché
        encarga todos los PDF)."""
        nuevos, self.por_empezar = self.por_empezar, []
        for grupo in repartir(nuevos, min(PROCESOS, os.cpu_count() or 1)):
            self.encargos.append(_Encargo(self._lanzar(grupo), frozenset(p.clave for p in grupo)))

    def _lanzar(self, pendientes: list[PdfPendiente]) -> subprocess.Popen[bytes]:
        self.carpeta.mkdir(parents=True, exist_ok=True)
        self.senal.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.carpeta, prefix="encargo-",
                                         suffix=".json", delete=False) as trabajo:
            json.dump([[p.clave, p.html, p.url] for p in pendientes], trabajo)
        entorno = dict(os.environ)
        raiz = str(Path(__file__).resolve().parents[2])  # la carpeta que contiene el paquete
        entorno["PYTHONPATH"] = os.pathsep.join(filter(None, [raiz, entorno.get("PYTHONPATH")]))
        return subprocess.Popen(
            [sys.executable, "-m", __name__, str(self.carpeta), trabajo.name, str(self.senal)],
            stdin=subprocess.DEVNULL, env=entorno)

    def en_curso(self) -> int:
        """Cuántos encargos siguen trabajando."""
        return sum(1 for e in self.encargos if e.proceso.poll() is None)

    def esperar(self, limite: float | None = None) -> None:
        """Espera a que terminen los encargos en curso (pruebas y línea de órdenes)."""
        for encargo in self.encargos:
            encargo.proceso.wait(limite)

    def detener(self) -> None:
        """Detiene todos los encargos (al cerrar el servidor)."""
        for encargo in self.encargos:
            _detener(encargo.proceso)
        self.encargos = []
        self.por_empezar = []


def repartir(pendientes: list[PdfPendiente], grupos: int) -> list[list[PdfPendiente]]:
    """``pendientes`` en hasta ``grupos`` grupos de trabajo parecido (el largo del HTML): cada
    uno, del más largo al más corto, va al grupo con menos; sin grupos vacíos y en orden
    estable dentro de cada uno."""
    cargas = [0] * max(1, min(grupos, len(pendientes)))
    reparto: list[list[PdfPendiente]] = [[] for _ in cargas]
    for pendiente in sorted(pendientes, key=lambda p: (-len(p.html or ""), p.clave)):
        menor = cargas.index(min(cargas))
        reparto[menor].append(pendiente)
        cargas[menor] += len(pendiente.html or "")
    return [grupo for grupo in reparto if grupo]


def _detener(proceso: subprocess.Popen[bytes]) -> None:
    if proceso.poll() is None:
        proceso.terminate()
        try:
            proceso.wait(5)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait()


def _senalar(senal: Path, hechos: list[str]) -> None:
    """Reescribe el archivo de señal (se vigila: cualquier cambio provoca una reconstrucción)."""
    temporal = senal.with_name(f"{senal.name}.{os.getpid()}.tmp")
    temporal.write_text(f"{time.time_ns()}\n" + "\n".join(hechos) + "\n", encoding="utf-8")
    os.replace(temporal, senal)


def trabajar(carpeta: Path, trabajo: Path, senal: Path) -> int:
    """El proceso aparte: genera y guarda en la caché cada PDF del archivo ``trabajo`` (que
    borra), y reescribe ``senal`` al terminar y, en encargos largos, cada ``ENTRE_SENALES``
    segundos. Devuelve 1 si algún PDF falló (sus errores salen por la salida de errores)."""
    from programas_spen.anexos.cache_pdf import CachePdf
    from programas_spen.anexos.pdf import generar_pdf

    try:
        pendientes = json.loads(trabajo.read_text(encoding="utf-8"))
    finally:
        trabajo.unlink(missing_ok=True)
    try:
        os.nice(10)  # la construcción en primer plano va antes
    except OSError:
        pass
    cache = CachePdf(carpeta)
    hechos: list[str] = []
    fallos = 0
    ultima = time.monotonic()
    for clave, html, url in pendientes:
        if clave in cache:
            continue
        try:
            cache[clave] = generar_pdf(html, url)
        except Exception as exc:  # noqa: BLE001 — se informa y se sigue con los demás
            fallos += 1
            print(f"programas-spen: no se pudo generar el PDF del anexo {clave[:12]}: {exc!r}",
                  file=sys.stderr)
            continue
        hechos.append(clave)
        if time.monotonic() - ultima >= ENTRE_SENALES:
            _senalar(senal, hechos)
            ultima = time.monotonic()
    if hechos or fallos:
        _senalar(senal, hechos)
    return 1 if fallos else 0


if __name__ == "__main__":
    sys.exit(trabajar(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
