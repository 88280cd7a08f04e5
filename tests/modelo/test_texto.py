"""texto: meses, fechas y números en español, como los lee una persona."""

from __future__ import annotations

import pytest

from programas_spen.modelo.texto import (
    ABREVIATURAS_MESES,
    NOMBRES_MESES,
    abreviatura_mes,
    fecha_larga,
    nombre_mes,
    numero,
)


def test_doce_meses_en_orden() -> None:
    assert len(NOMBRES_MESES) == len(ABREVIATURAS_MESES) == 12
    assert NOMBRES_MESES[0] == "enero" and NOMBRES_MESES[8] == "septiembre"
    assert all(a == n[:3].capitalize() for a, n in zip(ABREVIATURAS_MESES, NOMBRES_MESES,
                                                       strict=True))


@pytest.mark.parametrize(("mes", "nombre", "abreviatura"), [
    ("2024-03", "marzo de 2024", "Mar"),
    ("2025-01", "enero de 2025", "Ene"),
    ("2020-12", "diciembre de 2020", "Dic"),
    ("2024-08", "agosto de 2024", "Ago"),
])
def test_mes(mes: str, nombre: str, abreviatura: str) -> None:
    assert nombre_mes(mes) == nombre
    assert abreviatura_mes(mes) == abreviatura


@pytest.mark.parametrize(("fecha", "larga"), [
    ("2024-03-13", "13 de marzo de 2024"),
    ("2023-10-09", "9 de octubre de 2023"),
    ("2020-01-01", "1 de enero de 2020"),
])
def test_fecha_larga(fecha: str, larga: str) -> None:
    assert fecha_larga(fecha) == larga


@pytest.mark.parametrize(("valor", "texto"), [
    (100.0, "100"), (75, "75"), (34.7, "34,7"), (0.5, "0,5"), (0.0, "0"), (12.25, "12,25"),
])
def test_numero(valor: float, texto: str) -> None:
    assert numero(valor) == texto


@pytest.mark.parametrize(("valor", "texto"), [
    (1234567, "1234567"), (1000000.0, "1000000"), (1234.5678, "1234,5678"), (101, "101"),
])
def test_numero_sin_redondeo_ni_notacion_cientifica(valor: float, texto: str) -> None:
    assert numero(valor) == texto
