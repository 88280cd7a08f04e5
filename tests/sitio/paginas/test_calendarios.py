"""Páginas de calendario (``paginas.calendarios``): rejilla y línea de tiempo por documento,
gráficas, agenda de cada mes y de cada año, e instrucciones de suscripción."""

from __future__ import annotations

import pytest

from programas_spen.modelo import calendario as cal
from programas_spen.sitio.paginas.calendarios import paginas_calendario
from tests.sitio.paginas.sopa import apartado_por_titulo, enlaces, filas, plano, sopa


@pytest.fixture(scope="module")
def paginas(grafo_real):
    return {p.ruta: p for p in paginas_calendario(grafo_real)}


@pytest.fixture(scope="module")
def html(paginas):
    """El HTML de cada página de calendario, por ruta."""
    return {ruta: sopa(pagina) for ruta, pagina in paginas.items()}


def test_paginas_generadas(paginas) -> None:
    for ruta in ("calendario/index.md", "calendario/2024/index.md", "calendario/2024/03.md",
                 "calendario/2025/11.md", "suscripciones/index.md",
                 "documentos/ine-pat-cspen-2024/calendario.md", "documentos/ine-pat-spen-2020/graficas.md",
                 "documentos/ine-informe-compromisos-cspen-2024-06/graficas.md"):
        assert ruta in paginas, ruta
    assert "documentos/ine-informe-compromisos-cspen-2024-06/calendario.md" not in paginas


def test_orden_estable_y_completo(grafo_real, paginas) -> None:
    """Las páginas salen siempre en el mismo orden: cada documento con calendario y gráficas,
    cada mes con registros (con enlaces al anterior y al siguiente), cada año, el índice y las
    suscripciones."""
    rutas = [p.ruta for p in paginas_calendario(grafo_real)]
    assert rutas == list(paginas)
    meses = [r for r in rutas if r.startswith("calendario/") and not r.endswith("index.md")]
    assert meses == sorted(meses) and len(meses) == len(list(cal.agendas(grafo_real)))
    assert rutas[-2:] == ["calendario/index.md", "suscripciones/index.md"]


def test_marzo_2024(html) -> None:
    marzo = html["calendario/2024/03.md"]
    assert plano(marzo.find("h1")) == "Marzo de 2024"
    texto = plano(marzo)
    assert "Primera sesión ordinaria del 13 de marzo de 2024" in texto
    celebradas = apartado_por_titulo(marzo, "Sesiones celebradas").find_next_sibling("ul")
    todos = enlaces(celebradas)
    for numero in range(2, 8):
        assert todos[f"Compromiso {numero}"] == (
            f"../../../documentos/ine-informe-compromisos-cspen-2024-06/#compromiso-0{numero}")
    assert "Informe final sobre el avance en la ejecución del Plan de Trabajo SIISPEN 2023" in texto
    assert "Segunda semana — Marzo" in texto
    filtros = marzo.select_one("div.spen-filtros[data-filtros]")
    assert filtros is not None and filtros.has_attr("hidden")
    assert marzo.find("script")["src"] == "../../../activos/filtros.js"
    assert enlaces(marzo)["← febrero de 2024"] == "../02/" and enlaces(marzo)["abril de 2024 →"] == "../04/"
    assert enlaces(marzo)["Año 2024"] == "../"


def test_calendario_de_documento(html) -> None:
    pagina = html["documentos/ine-pat-cspen-2024/calendario.md"]
    assert plano(pagina.find("h1")) == "Calendario: Programa Anual de Trabajo 2024 de la CSPEN"
    # las siglas del documento, con su significado
    assert pagina.find("h1").find("abbr")["title"] == "Comisión del Servicio Profesional Electoral Nacional"
    for ancla in ("rejilla", "leyenda", "meses", "linea", "linea-de-tiempo"):
        assert pagina.find(id=ancla) is not None, ancla
    assert pagina.select_one("table.spen-calendario") is not None
    assert ["●", "La fuente marca ese mes."] in filas(pagina.find(id="leyenda").find_next_sibling("table"))
    todos = enlaces(pagina)
    assert todos["suscribirse (iCalendar)"] == "../../../suscripciones/documento-ine-pat-cspen-2024.ics"
    assert todos["cómo suscribirse"] == "../../../suscripciones/"
    assert todos["marzo de 2024"] == "../../../calendario/2024/03/"


def test_plotly_solo_en_paginas_con_grafica(html) -> None:
    for ruta, pagina in html.items():
        tiene_grafica = pagina.select_one("[data-grafica]") is not None
        scripts = [s["src"] for s in pagina.find_all("script")]
        assert any(s.endswith("activos/plotly.min.js") for s in scripts) == tiene_grafica, ruta
        assert any(s.endswith("activos/graficas.js") for s in scripts) == tiene_grafica, ruta
        # cada gráfica acompaña a una tabla
        for lienzo in pagina.select("[data-grafica]"):
            assert lienzo.find_next_sibling("table") is not None, ruta
    assert html["documentos/ine-pat-spen-2020/calendario.md"].select_one("[data-grafica]") is None


def test_suscripciones(html) -> None:
    pagina = html["suscripciones/index.md"]
    texto = plano(pagina)
    for agenda in ("Google Calendar", "Outlook", "iPhone", "Android"):
        assert agenda in texto
    assert enlaces(pagina)["todo.ics"] == "todo.ics"
    assert enlaces(pagina)["sesiones-cspen.ics"] == "sesiones-cspen.ics"
    pasos = pagina.find("ol")
    assert pasos is not None and pasos.find("ul") is not None  # los pasos, y dentro las agendas


def test_anio(paginas, html) -> None:
    pagina = html["calendario/2024/index.md"]
    assert enlaces(pagina)["Todos los años"] == "../"
    meses = [f[0] for f in filas(pagina.find("table"))]
    paginas_de_mes = [r for r in paginas if r.startswith("calendario/2024/") and r != "calendario/2024/index.md"]
    assert len(meses) == len(paginas_de_mes)
    assert enlaces(pagina)["Marzo"] == "03/"


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
