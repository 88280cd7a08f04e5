"""Semántica de los calendarios (``programas_spen.calendario``): estados de celda, tramos,
columnas (también a través del cambio de año) y agendas por mes, con datos reales."""

from __future__ import annotations

import pytest

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import Calendario, Rango


@pytest.fixture(scope="module")
def grafo(grafo_real):
    return grafo_real


def _doc(grafo, ident):
    return grafo.documentos[ident]


def test_meses_y_celdas_por_estado() -> None:
    marcado = Calendario(estado="meses", meses=("2024-06", "2024-03"))
    assert cal.meses_de(marcado) == ("2024-03", "2024-06")
    assert cal.celda(marcado, "2024-03") == "marcado"
    assert cal.celda(marcado, "2024-04") == "vacio"
    periodo = Calendario(estado="periodo", texto="Durante el primer trimestre de 2025.",
                         rango=Rango("2025-01", "2025-03"))
    assert cal.meses_de(periodo) == ("2025-01", "2025-02", "2025-03")
    assert cal.celda(periodo, "2025-02") == "periodo"
    assert cal.por_meses(periodo)
    solo_palabras = Calendario(estado="periodo", texto="Durante el plazo que abarque la Comisión.")
    no_dado = Calendario(estado="no_dado", nota="perdido")
    permanente = Calendario(estado="permanente")
    for calendario in (solo_palabras, no_dado, permanente, None):
        assert cal.meses_de(calendario) == ()
        assert not cal.por_meses(calendario)
        assert cal.celda(calendario, "2025-01") == "vacio"


def test_tramos_contiguos_y_cambio_de_anio() -> None:
    tramos = cal.tramos(("2024-11", "2024-12", "2025-01", "2025-03"))
    assert tramos == [Rango("2024-11", "2025-01"), Rango("2025-03", "2025-03")]
    assert cal.siguiente_mes("2024-12") == "2025-01"
    assert cal.tramos(()) == []


def test_semana_del_mes() -> None:
    assert [cal.semana_del_mes(d) for d in (1, 7, 8, 13, 14, 15, 17, 29)] == [1, 1, 2, 2, 2, 3, 3, 5]


def test_columnas_de_queretaro_cruzan_el_anio(grafo) -> None:
    columnas = cal.columnas(_doc(grafo, "ieeq-plan-trabajo-2024-2025"))
    assert columnas[0] == "2024-11" and columnas[-1] == "2025-11" and len(columnas) == 13


def test_filas_de_cada_documento(grafo) -> None:
    pat = cal.filas(_doc(grafo, "ine-pat-spen-2020"))
    assert len(pat) == 74 and all(f.calendario.estado == "no_dado" for f in pat)
    assert {f.mecanismo for f in pat} >= {"ingreso-seleccion", "cargos-puestos-spen"}
    assert len(cal.filas(_doc(grafo, "ine-pat-cspen-2024"))) == 41
    assert len(cal.filas(_doc(grafo, "iepc-durango-pat-comision-seguimiento-2021"))) == 19
    queretaro = cal.filas(_doc(grafo, "ieeq-plan-trabajo-2024-2025"))
    assert [f.id for f in queretaro] == [f"cronograma-0{i}" for i in range(1, 8)]
    assert not cal.filas(_doc(grafo, "ine-informe-compromisos-cspen-2024-06"))
    assert not cal.tiene_calendario(_doc(grafo, "ine-informe-compromisos-cspen-2024-06"))


def test_agenda_de_marzo_2024(grafo) -> None:
    agendas = {a.mes: a for a in cal.agendas(grafo)}
    marzo = agendas["2024-03"]
    temas = {f.id for f in marzo.filas if f.tipo == "tema"}
    assert {"tema-03", "tema-04", "tema-32"} <= temas
    esperados = {t.id for t in _doc(grafo, "ine-pat-cspen-2024").temas
                 if "2024-03" in cal.meses_de(t.calendario)}
    assert temas == esperados
    assert [s.id for s in marzo.celebradas] == ["cspen-2024-03-13", "jge-2024-03-25"]
    assert [p.id for _, p in marzo.programadas] == ["sesion-ordinaria-1"]
    # Los meses perdidos nunca se reparten: ninguna actividad del PAT 2020 cae en un mes.
    assert not any(f.documento.id == "ine-pat-spen-2020" for a in agendas.values() for f in a.filas)
    # El periodo en palabras con meses literales sí: primer trimestre de 2025.
    assert any(f.id == "cronograma-02" for f in agendas["2025-02"].filas)
    assert not any(f.id == "cronograma-05" for a in agendas.values() for f in a.filas)


def test_meses_del_sitio_son_anios_completos(grafo) -> None:
    meses = cal.meses_del_sitio(grafo)
    assert len(meses) % 12 == 0
    assert {"2020-01", "2023-10", "2024-03", "2025-11"} <= set(meses)
