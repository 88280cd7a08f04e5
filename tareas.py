#!/usr/bin/env python3
"""Tareas del proyecto con solo Python instalado: preparar, servir, construir y probar.

    python3 tareas.py sitio      prepara todo y sirve el sitio en http://127.0.0.1:8000/
    python3 tareas.py construir  prepara todo y construye el sitio (estricto) en site/
    python3 tareas.py validar    valida los datos e informa errores y avisos
    python3 tareas.py pruebas    prepara todo (también Chromium) y ejecuta todas las pruebas
    python3 tareas.py banco      ejecuta el banco de pruebas de rendimiento

Crea un entorno virtual en .venv e instala en él el proyecto y sus dependencias, y con apt-get
los paquetes de Debian que falten: para el sitio, Pango, HarfBuzz y fuentes libres (WeasyPrint,
los PDF de los anexos); para las pruebas, además, Chromium. Solo usa la biblioteca estándar.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent
VENV = RAIZ / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
CHROMIUM = "/usr/bin/chromium"


def _ejecutar(*orden: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(p) for p in orden), flush=True)
    subprocess.run([str(p) for p in orden], check=True, cwd=RAIZ, **kwargs)  # type: ignore[arg-type]


def _fecha_de_los_datos() -> str | None:
    """Fecha (época Unix) del último commit: la fecha de construcción sale de los datos, no
    del reloj, para que la misma entrada dé los mismos bytes (sitemap incluido)."""
    try:
        salida = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=RAIZ, capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return salida or None


def _entorno() -> dict[str, str]:
    entorno = dict(os.environ)
    entorno["NO_MKDOCS_2_WARNING"] = "1"
    fecha = _fecha_de_los_datos()
    if fecha and "SOURCE_DATE_EPOCH" not in entorno:
        entorno["SOURCE_DATE_EPOCH"] = fecha
    entorno["PATH"] = f"{BIN}{os.pathsep}{entorno.get('PATH', '')}"
    return entorno


def preparar(extras: str = "") -> None:
    """Crea .venv e instala el proyecto (con ``extras``) si cambió pyproject.toml."""
    if not PY.exists():
        _ejecutar(sys.executable, "-m", "venv", VENV)
    huella = hashlib.sha256((RAIZ / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    sello = VENV / f".instalado{extras.replace(',', '-')}"
    if sello.exists() and sello.read_text() == huella:
        return
    _ejecutar(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    objetivo = f".[{extras}]" if extras else "."
    _ejecutar(PY, "-m", "pip", "install", "--quiet", "-e", objetivo)
    sello.write_text(huella)


#: Paquetes de Debian para construir el sitio: Pango y HarfBuzz para WeasyPrint (los PDF de los
#: anexos para la Gaceta) y las fuentes libres que se incrustan en ellos (nada se descarga al
#: construir).
PAQUETES_SITIO = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-liberation2",
                  "fonts-dejavu-core")
#: Paquetes de Debian que añaden las pruebas: el Chromium de Debian (nunca se descarga un
#: navegador aparte).
PAQUETES_PRUEBAS = ("chromium",)


def _instalado(paquete: str) -> bool:
    """Si el paquete de Debian está instalado (``dpkg -s``)."""
    proceso = subprocess.run(["dpkg", "-s", paquete], capture_output=True, text=True, check=False)
    return proceso.returncode == 0 and "Status: install ok installed" in proceso.stdout


def preparar_sistema(*paquetes: str) -> None:
    """Instala con apt-get los paquetes de Debian que falten (y solo esos)."""
    if shutil.which("dpkg") is None:
        print("Aviso: este sistema no es Debian; instale con su gestor de paquetes el equivalente "
              f"de: {' '.join(paquetes)}", flush=True)
        return
    faltan = [p for p in paquetes if not _instalado(p)]
    if not faltan:
        return
    if shutil.which("apt-get") is None:
        sys.exit(f"Faltan los paquetes de Debian {' '.join(faltan)} y no hay apt-get para instalarlos.")
    prefijo = [] if os.geteuid() == 0 else ["sudo"]
    entorno = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _ejecutar(*prefijo, "apt-get", "update", "-qq", env=entorno)
    _ejecutar(*prefijo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *faltan, env=entorno)


def sitio() -> None:
    """Prepara y sirve el sitio; se reconstruye al cambiar datos/, contenido/ o tema/."""
    preparar()
    preparar_sistema(*PAQUETES_SITIO)
    entorno = _entorno()
    # La vista previa no espera los PDF de los anexos (lo más lento de cada reconstrucción):
    # se generan aparte y la página se actualiza sola cuando llegan (opción del plugin
    # anexos_pdf_en_fondo); así una edición se ve en unos 2 s. ANEXOS_PDF=false los apaga.
    _ejecutar(BIN / "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", env=entorno)


def construir() -> None:
    """Prepara y construye el sitio en modo estricto en site/."""
    preparar()
    preparar_sistema(*PAQUETES_SITIO)
    _ejecutar(BIN / "mkdocs", "build", "--strict", "--clean", env=_entorno())


def validar() -> None:
    """Valida los datos."""
    preparar()
    _ejecutar(BIN / "programas-spen", "validar", env=_entorno())


def pruebas() -> None:
    """Prepara todo y ejecuta ruff y todas las pruebas (unitarias, sitio y navegador)."""
    preparar("test")
    preparar_sistema(*PAQUETES_SITIO, *PAQUETES_PRUEBAS)
    entorno = _entorno()
    entorno["CHROMIUM"] = CHROMIUM
    _ejecutar(BIN / "ruff", "check", "plugins", "tests", "tareas.py", "banco", env=entorno)
    _ejecutar(PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", *sys.argv[2:], env=entorno)


def banco() -> None:
    """Ejecuta el banco de pruebas de rendimiento (ver banco/README.md)."""
    preparar("test")
    preparar_sistema(*PAQUETES_SITIO, *PAQUETES_PRUEBAS)  # Chromium: la búsqueda de cada escala
    entorno = _entorno()
    entorno["CHROMIUM"] = CHROMIUM
    _ejecutar(PY, "banco/banco.py", *sys.argv[2:], env=entorno)


TAREAS = {"sitio": sitio, "construir": construir, "validar": validar, "pruebas": pruebas,
          "banco": banco}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TAREAS:
        print(__doc__)
        sys.exit(2)
    try:
        TAREAS[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
