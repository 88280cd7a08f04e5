"""La vista previa (``mkdocs serve``, la tarea ``sitio``) con un error en los datos: el navegador
no se queda esperando; muestra los errores (archivo, línea y mensaje, en español) y, al corregir
el archivo, la página se recarga sola sin ellos (issue #24).

Es el servidor de verdad (otro proceso, ``mkdocs serve`` con su recarga automática) y el
Chromium de Debian: la página no se vuelve a pedir a mano tras corregir el archivo. Empieza con
los datos ya rotos, sin una versión válida anterior: el caso de quien abre la vista previa
después de romper un archivo.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import RAIZ, copiar_proyecto

pytestmark = pytest.mark.navegador

ARCHIVO = "datos/ine/2020/ine-pat-spen-2020.yml"
BUENO, ROTO = "anio: 2020", "anio: dos mil veinte"
#: Lo que tarda como mucho la construcción de la vista previa (sin PDF ni búsqueda) en una
#: máquina compartida.
ESPERA_S = 240


def _puerto_libre() -> int:
    with socket.socket() as conexion:
        conexion.bind(("127.0.0.1", 0))
        return int(conexion.getsockname()[1])


def _esperar_servidor(url: str, proceso: subprocess.Popen[bytes]) -> None:
    limite = time.monotonic() + ESPERA_S
    while time.monotonic() < limite:
        assert proceso.poll() is None, "mkdocs serve terminó antes de servir"
        try:
            with urllib.request.urlopen(url, timeout=5) as respuesta:  # noqa: S310 - servidor local
                if respuesta.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"mkdocs serve no respondió en {ESPERA_S} s")


@pytest.fixture
def vista_previa(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``mkdocs serve`` de una copia del proyecto con un error en los datos: (URL, proyecto)."""
    proyecto = copiar_proyecto(tmp_path / "proyecto")
    ruta = proyecto / ARCHIVO
    texto = ruta.read_text(encoding="utf-8")
    assert BUENO in texto
    ruta.write_text(texto.replace(BUENO, ROTO, 1), encoding="utf-8")
    puerto = _puerto_libre()
    entorno = dict(os.environ, NO_MKDOCS_2_WARNING="1", ANEXOS_PDF="false", BUSQUEDA="false",
                   PROGRAMAS_SPEN_CACHE=str(tmp_path / "cache"),
                   PYTHONPATH=os.pathsep.join([str(RAIZ / "plugins"), os.environ.get("PYTHONPATH", "")]))
    registro = (tmp_path / "serve.log").open("wb")
    proceso = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{puerto}"],
        cwd=proyecto, env=entorno, stdout=registro, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{puerto}/"
        _esperar_servidor(url, proceso)
        yield url, proyecto
    finally:
        proceso.terminate()
        try:
            proceso.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proceso.kill()
        registro.close()


def test_vista_previa_muestra_los_errores_y_se_recarga_al_corregir(vista_previa, contexto_escritorio) -> None:
    url, proyecto = vista_previa
    pagina = contexto_escritorio.new_page()
    try:
        pagina.goto(url)
        alerta = pagina.locator("[role=alert]")
        alerta.wait_for(timeout=10_000)
        texto = " ".join(alerta.inner_text().split())
        assert "Los datos tienen 1 error(es)" in texto
        assert f"{ARCHIVO}:" in texto and "se esperaba un número entero" in texto
        assert "Corrija el archivo y guárdelo: la página se actualiza sola." in texto
        # se corrige el archivo; la página (sin volver a pedirla) se recarga sola, sin errores
        ruta = proyecto / ARCHIVO
        ruta.write_text(ruta.read_text(encoding="utf-8").replace(ROTO, BUENO, 1), encoding="utf-8")
        pagina.wait_for_function("() => !document.querySelector('[role=alert]')",
                                 timeout=ESPERA_S * 1000)
        # y ya es el sitio completo: la portada enlaza los documentos generados
        pagina.wait_for_selector("a[href*='documentos/ine-pat-spen-2020/']", timeout=10_000)
    finally:
        pagina.close()
