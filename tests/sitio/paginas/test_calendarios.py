"""Páginas de calendario (``paginas.calendarios``): rejilla y línea de tiempo por documento,
gráficas, agenda de cada mes y de cada año, e instrucciones de suscripción."""

from __future__ import annotations

import pytest

from programas_spen.sitio.paginas.calendarios import paginas_calendario


@pytest.fixture(scope="module")
def paginas(grafo_real):
    return {p.ruta: p for p in paginas_calendario(grafo_real)}


def test_paginas_generadas(paginas) -> None:
    for ruta in ("calendario/index.md", "calendario/2024/index.md", "calendario/2024/03.md",
                 "calendario/2025/11.md", "suscripciones/index.md",
                 "documentos/ine-pat-cspen-2024/calendario.md", "documentos/ine-pat-spen-2020/graficas.md",
                 "documentos/ine-informe-compromisos-cspen-2024-06/graficas.md"):
        assert ruta in paginas, ruta
    assert "documentos/ine-informe-compromisos-cspen-2024-06/calendario.md" not in paginas


def test_marzo_2024(paginas) -> None:
    marzo = paginas["calendario/2024/03.md"].contenido
    assert "Primera sesión ordinaria del 13 de marzo de 2024" in marzo
    for numero in range(2, 8):
        assert f"[Compromiso {numero}](../../documentos/ine-informe-compromisos-cspen-2024-06/index.md" \
               f"#compromiso-0{numero})" in marzo
    assert "Informe final sobre el avance en la ejecución del Plan de Trabajo SIISPEN 2023" in marzo
    assert "Segunda semana — Marzo" in marzo
    assert "data-filtros hidden" in marzo and "activos/filtros.js" in marzo
    assert "[← febrero de 2024](02.md)" in marzo and "[abril de 2024 →](04.md)" in marzo


def test_plotly_solo_en_paginas_con_grafica(paginas) -> None:
    for ruta, pagina in paginas.items():
        tiene_grafica = "data-grafica=" in pagina.contenido
        assert ("plotly.min.js" in pagina.contenido) == tiene_grafica, ruta
    assert "plotly.min.js" not in paginas["documentos/ine-pat-spen-2020/calendario.md"].contenido


def test_suscripciones(paginas) -> None:
    texto = paginas["suscripciones/index.md"].contenido
    for agenda in ("Google Calendar", "Outlook", "iPhone", "Android"):
        assert agenda in texto
    assert "(todo.ics)" in texto and "(sesiones-cspen.ics)" in texto


def test_anio(paginas) -> None:
    texto = paginas["calendario/2024/index.md"].contenido
    assert texto.count("](") >= 13


def test_fuera_de_la_busqueda_las_vistas_que_repiten_registros(paginas) -> None:
    """Cada mes, la rejilla de un documento y sus gráficas repiten los registros: la búsqueda
    no los indexa (lleva al registro en su documento); el año, el índice y las instrucciones
    de suscripción sí se indexan."""
    excluida = {"search": {"exclude": True}}
    for ruta in ("calendario/2024/03.md", "documentos/ine-pat-cspen-2024/calendario.md",
                 "documentos/ine-pat-spen-2020/graficas.md"):
        assert paginas[ruta].meta == excluida, ruta
    for ruta in ("calendario/index.md", "calendario/2024/index.md", "suscripciones/index.md"):
        assert "search" not in paginas[ruta].meta, ruta
