"""Conversión de árboles ya validados por el esquema en registros del modelo.

Es genérica: sigue las anotaciones de tipo de cada dataclass de ``modelo``. Rellena ``linea``
con la línea del registro en su archivo y ``documento`` con el id del documento que lo
contiene. Solo se llama con datos que pasaron el esquema, así que no valida de nuevo.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from .carga import Arbol, Ruta

T = TypeVar("T")


#: Convierte un valor del árbol (ya validado) en ``ruta`` al tipo del modelo.
Conversor = Callable[[Any, Ruta, Arbol, dict[str, str]], Any]


def _identidad(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
    return valor


def _a_tupla(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
    return tuple(valor)


def _a_dict(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
    return dict(valor)


def _a_float(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
    return float(valor) if isinstance(valor, int) else valor


@cache
def _conversor(tipo: Any) -> Conversor:
    """El conversor de un tipo anotado, calculado una vez por tipo (las anotaciones se leen
    una sola vez, no en cada valor: a escala nacional son millones de valores)."""
    origen = typing.get_origin(tipo)
    if origen in (typing.Union, types.UnionType):
        interno = _conversor(next(t for t in typing.get_args(tipo) if t is not type(None)))
        if interno is _identidad:
            return _identidad

        def opcional(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
            return None if valor is None else interno(valor, ruta, arbol, contexto)
        return opcional
    if origen is tuple:
        elemento = _conversor(typing.get_args(tipo)[0])
        if elemento is _identidad:
            return _a_tupla

        def tupla(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
            return tuple(elemento(v, (*ruta, i), arbol, contexto) for i, v in enumerate(valor))
        return tupla
    if origen is dict:
        return _a_dict
    if dataclasses.is_dataclass(tipo):
        def registro(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
            return construir(tipo, valor, ruta, arbol, contexto)  # type: ignore[arg-type]
        return registro
    if tipo is float:
        return _a_float
    return _identidad


@cache
def _plan(cls: type) -> dict[str, Conversor | None]:
    """Los campos de ``cls`` con su conversor (``None`` si el valor pasa tal cual)."""
    tipos = typing.get_type_hints(cls)
    plan: dict[str, Conversor | None] = {}
    for campo in dataclasses.fields(cls):  # type: ignore[arg-type]
        conversor = _conversor(tipos[campo.name])
        plan[campo.name] = None if conversor is _identidad else conversor
    return plan


def construir(cls: type[T], datos: dict[str, Any], ruta: Ruta, arbol: Arbol,
              contexto: dict[str, str] | None = None) -> T:
    """Crea un ``cls`` a partir de ``datos`` (un objeto del árbol en ``ruta``): sus campos
    presentes en ``datos``, convertidos; ``linea`` (si falta) de la posición del objeto; los
    demás que falten, de ``contexto``. Recorre las claves presentes, no todos los campos:
    son cientos de miles de registros con muchos campos opcionales."""
    plan = _plan(cls)
    contexto = contexto or {}
    argumentos: dict[str, Any] = {}
    for nombre, valor in datos.items():
        if nombre in plan:
            conversor = plan[nombre]
            argumentos[nombre] = (valor if conversor is None
                                  else conversor(valor, (*ruta, nombre), arbol, contexto))
    if "linea" in plan and "linea" not in argumentos:
        argumentos["linea"] = arbol.posicion(ruta)[0]
    for nombre, valor in contexto.items():
        if nombre in plan and nombre not in argumentos:
            argumentos[nombre] = valor
    return cls(**argumentos)
