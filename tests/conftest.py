"""Fixtures comunes: rutas del proyecto, una construcción estricta del sitio real (una vez por
sesión) y un servidor local que lo sirve para las pruebas de navegador."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def construir(proyecto: Path, destino: Path, cache: Path | None = None,
              **variables: str) -> Construccion:
    """Ejecuta ``mkdocs build --strict`` del proyecto hacia ``destino``, con la caché del plugin
    en ``cache`` (por omisión, una carpeta nueva junto a ``destino``: construcción desde cero)
    y las ``variables`` de entorno dadas (``ANEXOS_PDF="false"``, por ejemplo)."""
    cache = cache or destino.parent / f"{destino.name}-cache"
    entorno = dict(os.environ, NO_MKDOCS_2_WARNING="1", PROGRAMAS_SPEN_CACHE=str(cache), **variables)
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


@pytest.fixture(scope="session")
def servidor(sitio_construido: Construccion) -> Iterator[str]:
    """URL base (http://127.0.0.1:PUERTO/) de un servidor local del sitio construido."""
    from .navegador import servir

    with servir(sitio_construido.sitio) as base:
        yield base


@pytest.fixture(scope="session")
def resultado_real():
    """``cargar_datos`` sobre los datos reales (una vez por sesión)."""
    from programas_spen.carga.validacion import cargar_datos

    return cargar_datos(DATOS)


@pytest.fixture(scope="session")
def grafo_real(resultado_real):
    """El grafo de los datos reales, con sus avisos (una vez por sesión)."""
    from programas_spen.sitio.grafo import construir_grafo

    assert resultado_real.datos is not None, resultado_real.informe.texto()
    return construir_grafo(resultado_real.datos, resultado_real.informe.avisos)


@pytest.fixture(scope="session")
def grafo_prueba(tmp_path_factory: pytest.TempPathFactory):
    """El grafo del conjunto mínimo de ``datos_prueba`` (sin errores ni avisos), sin pasar por
    la construcción completa del sitio (una vez por sesión)."""
    from programas_spen.sitio.grafo import construir_grafo

    from .datos_prueba import archivos_base, cargar

    resultado = cargar(tmp_path_factory.mktemp("grafo-prueba"), archivos_base())
    assert resultado.datos is not None, resultado.informe.texto()
    return construir_grafo(resultado.datos, resultado.informe.avisos)


@pytest.fixture(scope="session")
def sitio_real():
    """El sitio del núcleo sobre los datos reales, sin los PDF de anexos (una vez por sesión)."""
    from .datos_prueba import construir

    return construir(DATOS)


@pytest.fixture(scope="session")
def sitio_prueba(tmp_path_factory: pytest.TempPathFactory):
    """El sitio del núcleo sobre el conjunto mínimo de ``datos_prueba`` (sin errores ni
    avisos), sin los PDF de anexos."""
    from .datos_prueba import archivos_base, construir, escribir

    return construir(escribir(tmp_path_factory.mktemp("prueba"), archivos_base()))


# --- Navegador (Chromium del sistema con Playwright): uno solo por sesión de pruebas ---------


@pytest.fixture(scope="session")
def navegador():
    """El Chromium de Debian (``CHROMIUM``, por omisión ``/usr/bin/chromium``) lanzado una vez
    por sesión con Playwright; nunca se descarga otro navegador."""
    from playwright.sync_api import sync_playwright

    from .navegador import CHROMIUM, chromium_disponible, lanzar

    if not chromium_disponible():
        pytest.fail(f"No hay Chromium en {CHROMIUM}: instale el paquete «chromium» (python3 tareas.py "
                    "pruebas lo hace), defina CHROMIUM o excluya estas pruebas con -m 'not navegador'.")
    with sync_playwright() as playwright:
        chromium = lanzar(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def contexto_escritorio(navegador):
    """Contexto de escritorio (1280×900, esquema claro, español) compartido por las pruebas."""
    from .navegador import ESCRITORIO

    ctx = navegador.new_context(viewport=ESCRITORIO, locale="es-MX", color_scheme="light")
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def contexto_telefono(navegador):
    """Contexto de teléfono (390×844, táctil) compartido por las pruebas."""
    from .navegador import TELEFONO

    ctx = navegador.new_context(viewport=TELEFONO, locale="es-MX", color_scheme="light",
                                is_mobile=True, has_touch=True, device_scale_factor=2)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def contexto_sin_js(navegador):
    """Contexto de escritorio con JavaScript desactivado."""
    from .navegador import ESCRITORIO

    ctx = navegador.new_context(viewport=ESCRITORIO, locale="es-MX", java_script_enabled=False)
    yield ctx
    ctx.close()


@pytest.fixture
def pestana(contexto_escritorio):
    """Una pestaña nueva del contexto de escritorio, cerrada al terminar la prueba."""
    pagina = contexto_escritorio.new_page()
    yield pagina
    pagina.close()


@pytest.fixture(scope="session")
def trafico(navegador, servidor: str, sitio_construido: Construccion):
    """Lo que pide a la red cada tipo de página (``navegador.PAGINAS``) al cargarse, al bajar
    hasta el final y al buscar, registrado una sola vez para las pruebas de privacidad y de
    peso: {tipo: navegador.Trafico}."""
    from .navegador import PAGINAS, registrar_trafico

    return {tipo: registrar_trafico(navegador, servidor, ruta, sitio_construido.sitio)
            for tipo, ruta in PAGINAS.items()}
