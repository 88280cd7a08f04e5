"""Las medidas del banco: construcción, memoria, núcleo, búsqueda y la máquina.

- ``construir``: un ``mkdocs build --clean`` de un proyecto con un clon, en un proceso nuevo
  y desde cero (sin la caché del plugin): tiempo de reloj, CPU, memoria pico (la mayor entre
  la RSS pico del mayor proceso y la suma de la PSS de todos los procesos a la vez), páginas y
  bytes escritos.
- ``medir_nucleo``: cargar y validar, y el núcleo sin MkDocs, en un proceso nuevo con el
  intérprete del clon (``nucleo.py``).
- ``medir_busqueda``: la búsqueda del sitio construido, en Chromium (``busqueda_navegador``).
- ``referencia_cpu`` e ``info_maquina``: con qué máquina se midió.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import busqueda_navegador
from clones import Clon, borrar_cache

from programas_spen.sitio.urls import INDICES_BUSQUEDA

BANCO = Path(__file__).resolve().parent
#: Cada cuánto se mide la memoria de todos los procesos de una construcción (s).
MUESTREO_MEMORIA = 0.25
#: La línea del registro de la construcción con los segundos del índice de búsqueda.
_LINEA_BUSQUEDA = re.compile(r"Índice de búsqueda: .* en ([\d.]+) s")


@dataclass
class Construccion:
    """Resultado de un ``mkdocs build``."""

    segundos: float | None = None
    #: RSS pico del mayor de sus procesos (``getrusage``, exacta).
    rss_mib: float | None = None
    #: Pico de la suma de la PSS de todos sus procesos (la construcción se copia con ``fork``
    #: para repartir trabajo entre dos núcleos; la RSS de cada copia contaría dos veces lo que
    #: comparten), muestreada cada ``MUESTREO_MEMORIA`` s.
    pss_mib: float | None = None
    cpu_s: float | None = None
    paginas_html: int = 0
    bytes_html: int = 0
    bytes_total: int = 0
    bytes_indice_busqueda: int = 0
    #: Segundos del índice de búsqueda (Pagefind), de la línea «Índice de búsqueda: …» del registro.
    busqueda_s: float | None = None
    avisos: int = 0
    codigo: int | None = None
    agotado: bool = False
    error: str = ""

    @property
    def memoria_mib(self) -> float | None:
        """Memoria pico de la construcción: la mayor entre la RSS pico del mayor proceso y la
        suma muestreada de la PSS de todos sus procesos."""
        valores = [v for v in (self.rss_mib, self.pss_mib) if v is not None]
        return max(valores) if valores else None

    @property
    def valida(self) -> bool:
        """Si terminó bien (ni agotó el límite ni falló)."""
        return bool(self.segundos) and not self.agotado and not self.error

    @property
    def estado(self) -> str:
        """«ok», «agotado» o «error»."""
        return "agotado" if self.agotado else ("error" if self.error else "ok")


def pss_grupo(grupo: int) -> float | None:
    """Memoria de los procesos del grupo ``grupo`` salvo su líder (``uso.py``, que solo espera a
    la orden medida), en MiB: la suma de su PSS (cada página compartida entre procesos, como la
    que comparte una copia hecha con ``fork``, se reparte entre ellos en vez de contarse dos
    veces). ``None`` si no hay ``/proc`` (no Linux)."""
    if not os.path.exists("/proc/self/smaps_rollup"):
        return None
    total = 0
    for entrada in os.listdir("/proc"):
        if not entrada.isdigit() or int(entrada) == grupo:
            continue
        try:
            with open(f"/proc/{entrada}/stat", encoding="utf-8") as stat:
                campos = stat.read().rsplit(")", 1)[1].split()
            if int(campos[2]) != grupo:  # pgrp
                continue
            with open(f"/proc/{entrada}/smaps_rollup", encoding="utf-8") as rollup:
                for linea in rollup:
                    if linea.startswith("Pss:"):
                        total += int(linea.split()[1])
                        break
        except (OSError, IndexError, ValueError):
            continue  # terminó entre listar y leer
    return total / 1024


def medir_directorio(directorio: Path) -> tuple[int, int, int, int]:
    """Páginas HTML, sus bytes, todos los bytes escritos y los de los índices de búsqueda
    (``pagefind/``, ya comprimidos)."""
    paginas = bytes_html = total = busqueda = 0
    indices = str(directorio / INDICES_BUSQUEDA)
    for raiz, _, archivos in os.walk(directorio):
        for nombre in archivos:
            tamano = os.path.getsize(os.path.join(raiz, nombre))
            total += tamano
            if nombre.endswith(".html"):
                paginas += 1
                bytes_html += tamano
            if raiz == indices or raiz.startswith(indices + os.sep):
                busqueda += tamano
    return paginas, bytes_html, total, busqueda


def _esperar(proceso: subprocess.Popen[bytes], limite: float, resultado: Construccion) -> None:
    """Espera a ``proceso`` muestreando la PSS de su grupo; lo mata (con todo su grupo) si
    pasa de ``limite`` segundos."""
    inicio = time.perf_counter()
    while proceso.poll() is None:
        pss = pss_grupo(proceso.pid)
        if pss is not None:
            resultado.pss_mib = max(resultado.pss_mib or 0.0, pss)
        if time.perf_counter() - inicio > limite:
            os.killpg(proceso.pid, signal.SIGKILL)
            proceso.wait()
            resultado.agotado = True
            resultado.segundos = time.perf_counter() - inicio
            resultado.error = f"agotó el límite de {limite:.0f} s"
            return
        time.sleep(MUESTREO_MEMORIA)
    resultado.codigo = proceso.returncode


def construir(clon: Clon, proyecto: Path, salida: Path, limite: float, registro: Path,
              pdf: bool = False, con_cache: bool = False, config: Path | None = None) -> Construccion:
    """``mkdocs build --clean`` de ``proyecto`` con ``clon``, en un proceso nuevo y con límite
    de tiempo. ``pdf`` enciende los PDF de los anexos (``ANEXOS_PDF``). Desde cero: antes se
    borra la caché del plugin que dejó una construcción anterior del mismo proyecto (árboles
    YAML, PDF, índices de búsqueda), salvo con ``con_cache``. ``config``: otro ``mkdocs.yml``
    (por omisión, el del proyecto)."""
    shutil.rmtree(salida, ignore_errors=True)
    if not con_cache:
        borrar_cache(proyecto)
    medidas = registro.with_suffix(".json")
    medidas.unlink(missing_ok=True)
    orden = [str(clon.python), str(BANCO / "uso.py"), str(medidas), str(clon.python), "-m",
             "mkdocs", "build", "--clean", "-f", str(config or proyecto / "mkdocs.yml"),
             "-d", str(salida)]
    resultado = Construccion()
    with registro.open("w", encoding="utf-8") as log:
        proceso = subprocess.Popen(orden, cwd=proyecto, stdout=log, stderr=subprocess.STDOUT,
                                   env=clon.entorno(proyecto, pdf), start_new_session=True)
        _esperar(proceso, limite, resultado)
    if resultado.agotado:
        return resultado
    if medidas.exists():
        uso = json.loads(medidas.read_text("utf-8"))
        resultado.segundos, resultado.cpu_s = uso["segundos"], uso["cpu_s"]
        resultado.rss_mib = uso["rss_mib"]
    texto_log = registro.read_text("utf-8", errors="replace")
    resultado.avisos = sum(1 for linea in texto_log.splitlines() if linea.startswith("WARNING"))
    indice = _LINEA_BUSQUEDA.search(texto_log)
    resultado.busqueda_s = float(indice.group(1)) if indice else None
    if resultado.codigo != 0:
        resultado.error = "mkdocs build falló: " + " | ".join(texto_log.splitlines()[-5:])
    if salida.exists():
        (resultado.paginas_html, resultado.bytes_html, resultado.bytes_total,
         resultado.bytes_indice_busqueda) = medir_directorio(salida)
    return resultado


def medir_nucleo(clon: Clon, datos: Path, limite: float, solo_carga: bool = False,
                 perfil: Path | None = None) -> dict[str, Any]:
    """``nucleo.py`` (cargar y validar, y con ``solo_carga=False`` el núcleo completo) sobre
    ``datos`` en un proceso nuevo con el intérprete y el paquete de ``clon``. Si el proceso
    falla, la medida lleva solo ``error``."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as archivo:
        destino = Path(archivo.name)
    orden = [str(clon.python), str(BANCO / "nucleo.py"), "--carga" if solo_carga else "--nucleo",
             str(datos), "--json", str(destino)]
    if perfil:
        orden += ["--perfil-salida", str(perfil)]
    try:
        proceso = subprocess.run(orden, timeout=limite, capture_output=True, text=True,
                                 env=clon.entorno(datos.parent))
        if proceso.returncode != 0:
            return {"error": f"el proceso del núcleo falló ({proceso.returncode}): "
                             + " | ".join(proceso.stderr.strip().splitlines()[-3:])}
        return json.loads(destino.read_text("utf-8"))
    except subprocess.TimeoutExpired:
        return {"error": f"agotó el límite de {limite:.0f} s"}
    finally:
        destino.unlink(missing_ok=True)


def medir_busqueda(sitio: Path) -> dict[str, Any]:
    """La búsqueda de ``sitio`` en Chromium (``busqueda_navegador.medir``), con cuántos índices
    tiene y cuánto ocupan (``pagefind/``; Pagefind ya los escribe comprimidos)."""
    carpeta = sitio / INDICES_BUSQUEDA
    archivos = [p for p in carpeta.rglob("*") if p.is_file()] if carpeta.is_dir() else []
    medida: dict[str, Any] = {
        "bytes_indice": sum(p.stat().st_size for p in archivos),
        "indices": sum(1 for p in carpeta.iterdir() if p.is_dir()) if carpeta.is_dir() else 0}
    try:
        medida.update(busqueda_navegador.medir(sitio))
    except Exception as error:  # una medida que falla no tira la corrida entera
        medida.update(busqueda_navegador.sin_medir(f"{type(error).__name__}: {error}"[:200]))
    return medida


def referencia_cpu() -> float:
    """Segundos (el mejor de 3) de un trabajo fijo de Python puro, un bucle de 10 millones de
    sumas. No mide el proyecto: permite comparar máquinas y momentos, porque la misma clase
    de máquina virtual ha dado aquí hasta el doble de tiempo en días distintos."""
    tiempos = []
    for _ in range(3):
        inicio = time.perf_counter()
        total = 0
        for i in range(10_000_000):
            total += i
        tiempos.append(time.perf_counter() - inicio)
    return min(tiempos)


def carga_del_sistema() -> str:
    """La carga media del sistema (1, 5 y 15 min)."""
    try:
        return ", ".join(f"{c:.2f}" for c in os.getloadavg())
    except OSError:
        return "?"


def _version(paquete: str) -> str:
    try:
        return metadata.version(paquete)
    except metadata.PackageNotFoundError:
        return "no instalado"


def _de_proc(archivo: str, campo: str) -> str | None:
    """El valor del primer ``campo: valor`` de ``/proc/<archivo>``."""
    try:
        for linea in Path("/proc", archivo).read_text().splitlines():
            if linea.startswith(campo):
                return linea.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def info_maquina(clones: list[Clon]) -> dict[str, str]:
    """Núcleos, memoria, CPU, carga, versiones (las del entorno que ejecuta el banco), la
    referencia de CPU y los clones medidos."""
    memoria = _de_proc("meminfo", "MemTotal")
    info = {
        "Fecha": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "Núcleos (nproc)": str(os.cpu_count()),
        "Memoria": f"{int(memoria.split()[0]) / 1024 / 1024:.1f} GiB" if memoria else "?",
        "CPU": _de_proc("cpuinfo", "model name") or platform.processor() or "?",
        "Carga del sistema al empezar (1, 5, 15 min)": carga_del_sistema(),
        "Python": f"{platform.python_version()} (`{sys.executable}`)",
        **{paquete: _version(paquete) for paquete in (
            "mkdocs", "mkdocs-material", "markdown", "pyyaml", "jsonschema", "jsonschema-rs",
            "pagefind_bin", "weasyprint")},
        "Referencia de CPU al empezar (bucle de 10 M sumas en Python, mejor de 3)":
            f"{referencia_cpu():.2f} s",
        "Medidor de memoria": "getrusage(RUSAGE_CHILDREN)"
        + (" y suma de la PSS de /proc" if os.path.exists("/proc/self/smaps_rollup") else ""),
    }
    for clon in clones:
        info[f"Clon {clon.etiqueta}"] = clon.describir()
    return info
