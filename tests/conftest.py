"""Fixtures comunes: rutas del proyecto, una construcción estricta del sitio real (una vez por
sesión) y un servidor local que lo sirve para las pruebas de navegador."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
DATOS = RAIZ / "datos"


@dataclass(frozen=True)
class Construccion:
    """Un sitio construido: su carpeta y lo que imprimió la construcción."""

    sitio: Path
    salida: str
    codigo: int


def construir(proyecto: Path, destino: Path) -> Construccion:
    """Ejecuta ``mkdocs build --strict`` del proyecto hacia ``destino``."""
    entorno = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proceso = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destino)],
        cwd=proyecto, capture_output=True, text=True, env=entorno, check=False)
    return Construccion(destino, proceso.stdout + proceso.stderr, proceso.returncode)


def copiar_proyecto(destino: Path) -> Path:
    """Copia lo necesario para construir el sitio (datos, contenido, tema, mkdocs.yml)."""
    for nombre in ("datos", "contenido", "tema"):
        shutil.copytree(RAIZ / nombre, destino / nombre)
    shutil.copy(RAIZ / "mkdocs.yml", destino / "mkdocs.yml")
    return destino


@pytest.fixture(scope="session")
def sitio_construido(tmp_path_factory: pytest.TempPathFactory) -> Construccion:
    """El sitio real construido en modo estricto (una vez por sesión de pruebas)."""
    construccion = construir(RAIZ, tmp_path_factory.mktemp("sitio") / "site")
    assert construccion.codigo == 0, construccion.salida
    return construccion


class _Manejador(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@pytest.fixture(scope="session")
def servidor(sitio_construido: Construccion) -> Iterator[str]:
    """URL base (http://127.0.0.1:PUERTO/) de un servidor local del sitio construido."""
    manejador = functools.partial(_Manejador, directory=str(sitio_construido.sitio))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), manejador)
    hilo = threading.Thread(target=httpd.serve_forever, daemon=True)
    hilo.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def resultado_real():
    """``cargar_datos`` sobre los datos reales (una vez por sesión)."""
    from programas_spen.validacion import cargar_datos

    return cargar_datos(DATOS)


@pytest.fixture(scope="session")
def sitio_real():
    """``construir_sitio`` sobre los datos reales (una vez por sesión)."""
    from programas_spen.sitio import construir_sitio

    return construir_sitio(DATOS)


@pytest.fixture(scope="session")
def sitio_prueba(tmp_path_factory: pytest.TempPathFactory):
    """``construir_sitio`` sobre el conjunto mínimo de ``datos_prueba`` (sin errores ni avisos)."""
    from programas_spen.sitio import construir_sitio

    from .datos_prueba import archivos_base, escribir

    return construir_sitio(escribir(tmp_path_factory.mktemp("prueba"), archivos_base()))
