"""celdas.py: el valor de cada clase de columna a partir de lo que da la hoja de cálculo."""

from __future__ import annotations

import datetime as dt

import pytest

from programas_spen.hoja import celdas
from programas_spen.hoja.disposicion import Columna


def test_mes() -> None:
    assert celdas.mes("2025-03") == "2025-03"
    assert celdas.mes("2025-3") == "2025-03"
    assert celdas.mes(dt.datetime(2025, 3, 1)) == "2025-03"
    with pytest.raises(celdas.CeldaInvalida, match="el mes 13 no existe"):
        celdas.mes("2025-13")
    with pytest.raises(celdas.CeldaInvalida, match="se esperaba un mes AAAA-MM"):
        celdas.mes("marzo")


def test_fecha() -> None:
    assert celdas.fecha(dt.datetime(2024, 3, 13)) == "2024-03-13"
    with pytest.raises(celdas.CeldaInvalida, match="escríbala como fecha, no como texto"):
        celdas.fecha("2024-03-13")
    with pytest.raises(celdas.CeldaInvalida, match="con hora"):
        celdas.fecha(dt.datetime(2024, 3, 13, 10, 30))


def test_numeros() -> None:
    assert celdas.entero(3.0) == 3 and celdas.entero("12") == 12
    assert celdas.numero("87,5") == 87.5 and celdas.numero(100) == 100
    with pytest.raises(celdas.CeldaInvalida, match="se esperaba un número entero"):
        celdas.entero("tres")
    with pytest.raises(celdas.CeldaInvalida, match="se esperaba un número"):
        celdas.numero(True)


def test_texto_y_booleano() -> None:
    assert celdas.texto(1.0) == "1" and celdas.texto("  a ") == "  a "
    assert celdas.booleano("Sí") is True and celdas.booleano(False) is False
    with pytest.raises(celdas.CeldaInvalida):
        celdas.booleano("quizá")


def test_listas() -> None:
    meses = Columna(("calendario", "meses"), "lista", elementos="mes")
    assert celdas.lista("2025-01, 2025-02;2025-03\n2025-04", meses) == ["2025-01", "2025-02", "2025-03", "2025-04"]
    textos = Columna(("objetivos",), "lista", elementos="texto", por_linea=True)
    assert celdas.lista("uno, con coma\ndos", textos) == ["uno, con coma", "dos"]


def test_json() -> None:
    assert celdas.json_objeto('{"estatus": "concluido"}') == {"estatus": "concluido"}
    with pytest.raises(celdas.CeldaInvalida, match="no es JSON válido"):
        celdas.json_objeto("{estatus: concluido}")
