"""Fixtures de los datos abiertos: lo publicado sobre los datos reales (una vez por sesión),
escrito en una carpeta como quedaría en el sitio."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.datos_abiertos.publicar import DatosAbiertos, publicar
from programas_spen.sitio.grafo import construir_grafo

URL = "https://programas-spen.example/"


def escribir_archivos(datos: DatosAbiertos, carpeta: Path) -> Path:
    """Escribe cada archivo publicado en ``carpeta`` (su ruta del sitio) y la devuelve."""
    for ruta, contenido in datos.archivos:
        destino = carpeta / ruta
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_bytes(contenido)
    return carpeta


def publicar_de(resultado) -> tuple[object, DatosAbiertos]:  # noqa: ANN001
    """(grafo, datos abiertos) de un resultado de ``cargar_datos`` sin errores."""
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    return grafo, publicar(grafo, URL)


@pytest.fixture(scope="session")
def publicado_real(grafo_real) -> DatosAbiertos:
    """Los datos abiertos de los datos reales."""
    return publicar(grafo_real, URL)


@pytest.fixture(scope="session")
def carpeta_real(publicado_real: DatosAbiertos, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Los datos abiertos reales escritos en una carpeta, con las rutas del sitio."""
    return escribir_archivos(publicado_real, tmp_path_factory.mktemp("datos-abiertos"))
