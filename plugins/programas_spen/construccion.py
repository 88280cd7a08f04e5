"""Conversión de árboles ya validados por el esquema en registros del modelo.

Es genérica: sigue las anotaciones de tipo de cada dataclass de ``modelo``. Rellena ``linea``
con la línea del registro en su archivo y ``documento`` con el id del documento que lo
contiene. Solo se llama con datos que pasaron el esquema, así que no valida de nuevo.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

from .carga import Arbol, Ruta

T = TypeVar("T")


@cache
def _tipos(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convertir(tipo: Any, valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
    origen = typing.get_origin(tipo)
    if origen in (typing.Union, types.UnionType):
        opciones = [t for t in typing.get_args(tipo) if t is not type(None)]
        if valor is None:
            return None
        return _convertir(opciones[0], valor, ruta, arbol, contexto)
    if origen is tuple:
        interno = typing.get_args(tipo)[0]
        return tuple(_convertir(interno, v, (*ruta, i), arbol, contexto)
                     for i, v in enumerate(valor))
    if origen is dict:
        return dict(valor)
    if dataclasses.is_dataclass(tipo):
        return construir(tipo, valor, ruta, arbol, contexto)
    if tipo is float and isinstance(valor, int):
        return float(valor)
    return valor


def construir(cls: type[T], datos: dict[str, Any], ruta: Ruta, arbol: Arbol,
              contexto: dict[str, str] | None = None) -> T:
    """Crea un ``cls`` a partir de ``datos`` (un objeto del árbol en ``ruta``)."""
    contexto = contexto or {}
    tipos = _tipos(cls)
    argumentos: dict[str, Any] = {}
    for campo in dataclasses.fields(cls):  # type: ignore[arg-type]
        if campo.name in datos:
            argumentos[campo.name] = _convertir(tipos[campo.name], datos[campo.name],
                                                (*ruta, campo.name), arbol, contexto)
        elif campo.name == "linea":
            argumentos["linea"] = arbol.posicion(ruta)[0]
        elif campo.name in contexto:
            argumentos[campo.name] = contexto[campo.name]
    return cls(**argumentos)
