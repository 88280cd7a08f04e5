"""Entrada extrema en un teléfono: el sitio construido (``mkdocs build --strict``) con los datos
extremos de ``tests/datos_extremos`` (un documento sin meses, un informe vacío, un solo
registro, títulos de 500 caracteres, 300 temas en un mes) no tiene ninguna página que se
desplace de lado a 320 px en Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import RAIZ, construir, copiar_proyecto
from tests.datos_extremos import archivos_extremos
from tests.datos_prueba import escribir
from tests.navegador import material_listo, servir
from tests.reflujo import desbordes

pytestmark = pytest.mark.navegador


@pytest.fixture(scope="module")
def sitio_extremo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """El proyecto con los datos extremos en lugar de los reales, construido en modo estricto."""
    proyecto = copiar_proyecto(tmp_path_factory.mktemp("extremo"))
    shutil.rmtree(proyecto / "datos")
    escribir(proyecto, archivos_extremos())
    # el paquete de este árbol (la construcción corre en la carpeta del proyecto copiado)
    construccion = construir(proyecto, proyecto / "site", ANEXOS_PDF="false", PYTHONPATH=str(RAIZ / "plugins"))
    assert construccion.codigo == 0, construccion.salida
    return construccion.sitio


@pytest.fixture(scope="module")
def base_extrema(sitio_extremo: Path) -> Iterator[str]:
    with servir(sitio_extremo) as base:
        yield base


def _paginas(sitio: Path) -> list[str]:
    """La ruta de cada página HTML del sitio (las direcciones cortas de los acuerdos solo
    redirigen)."""
    rutas = []
    for archivo in sorted(sitio.rglob("*.html")):
        relativa = archivo.relative_to(sitio).as_posix()
        contenido = archivo.read_text(encoding="utf-8", errors="replace")
        if 'http-equiv="refresh"' in contenido and len(contenido) < 2000:
            continue
        rutas.append(relativa.removesuffix("index.html"))
    return rutas


def test_ninguna_pagina_extrema_se_desplaza_de_lado(navegador, sitio_extremo: Path, base_extrema: str) -> None:
    rutas = _paginas(sitio_extremo)
    assert "calendario/2025/05/" in rutas and "documentos/titulos-largos/" in rutas
    ctx = navegador.new_context(viewport={"width": 320, "height": 720}, locale="es-MX", is_mobile=True,
                                has_touch=True)
    try:
        pagina = ctx.new_page()
        problemas = {}
        for ruta in rutas:
            respuesta = pagina.goto(base_extrema + ruta)
            assert respuesta is not None and respuesta.ok, ruta
            material_listo(pagina)
            if encontrados := desbordes(pagina):
                problemas[ruta] = encontrados
    finally:
        ctx.close()
    assert not problemas, "\n".join(f"{r}: {'; '.join(p)}" for r, p in problemas.items())
