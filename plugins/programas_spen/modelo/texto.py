"""Utilidades de texto en español: meses, fechas y números como los lee una persona."""

from __future__ import annotations

NOMBRES_MESES: tuple[str, ...] = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
)
ABREVIATURAS_MESES: tuple[str, ...] = (
    "Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic",
)


def nombre_mes(mes: str) -> str:
    """``2024-03`` → ``marzo de 2024``."""
    return f"{NOMBRES_MESES[int(mes[5:7]) - 1]} de {mes[:4]}"


def abreviatura_mes(mes: str) -> str:
    """``2024-03`` → ``Mar``."""
    return ABREVIATURAS_MESES[int(mes[5:7]) - 1]


def fecha_larga(fecha: str) -> str:
    """``2024-03-13`` → ``13 de marzo de 2024``."""
    return f"{int(fecha[8:10])} de {NOMBRES_MESES[int(fecha[5:7]) - 1]} de {fecha[:4]}"


def numero(valor: float) -> str:
    """Número sin decimales superfluos, con coma decimal: 34.7 → «34,7»; 100.0 → «100».

    Sin redondeo ni notación científica: 1234567 → «1234567», 1234.5678 → «1234,5678»."""
    valor = float(valor)
    texto = str(int(valor)) if valor.is_integer() else repr(valor)
    return texto.replace(".", ",")
