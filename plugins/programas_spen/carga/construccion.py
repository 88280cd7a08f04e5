"""Conversión de árboles ya validados por el esquema en registros del modelo.

Es genérica: sigue las anotaciones de tipo de cada dataclass de ``modelo``
(``typing.get_type_hints``), con un conversor por tipo de campo: listas → tuplas (con sus
elementos convertidos), objetos anidados → su dataclass, enteros → ``float`` donde se pide un
número con decimales, objetos libres → ``dict``; lo demás queda como está. Rellena ``linea``
con la línea del registro en su archivo y ``documento`` (y lo que dé el contexto) con el id
del documento que lo contiene. Solo se llama con datos que pasaron el esquema, así que no
valida de nuevo: los registros los crea el ``__init__`` de cada dataclass.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from programas_spen.carga import bloques
from programas_spen.carga.lector_yaml import Arbol, Ruta
from programas_spen.modelo.bloques import Bloque

T = TypeVar("T")

#: Convierte un valor del árbol (ya validado) en ``ruta`` al tipo del modelo.
Conversor = Callable[[Any, Ruta, Arbol, dict[str, str]], Any]

#: Marca de «el campo no está» (``None`` es un valor posible).
_FALTA = object()


def _a_tupla(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
    return tuple(valor)


def _a_dict(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
    return dict(valor)


def _a_float(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
    return float(valor) if isinstance(valor, int) else valor


@cache
def _conversor(tipo: Any) -> Conversor | None:
    """El conversor de un tipo anotado (``None``: el valor queda como está), calculado una
    vez por tipo."""
    if tipo == Bloque:  # un objeto de una sola clave, que dice la clase del bloque
        return bloques.convertir
    origen = typing.get_origin(tipo)
    if origen in (typing.Union, types.UnionType):
        interno = _conversor(next(t for t in typing.get_args(tipo) if t is not type(None)))
        if interno is None:
            return None

        def opcional(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
            return None if valor is None else interno(valor, ruta, arbol, contexto)
        return opcional
    if origen is tuple:
        elemento = _conversor(typing.get_args(tipo)[0])
        if elemento is None:
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
    return None


@cache
def _campos(cls: type) -> tuple[tuple[str, Conversor | None, bool], ...]:
    """Los campos de la dataclass ``cls`` con el conversor de su tipo y si pueden venir del
    contexto, en su orden. Un campo con ``metadata={"contexto": False}`` nunca se rellena con
    el valor del contexto del mismo nombre: es un dato que el archivo escribe o no
    (``fuente.archivo`` de un documento nacido digital no es la ruta del archivo de datos)."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} no es una dataclass")
    tipos = typing.get_type_hints(cls)
    return tuple((campo.name, _conversor(tipos[campo.name]), campo.metadata.get("contexto", True))
                 for campo in dataclasses.fields(cls))


def construir(cls: type[T], datos: dict[str, Any], ruta: Ruta, arbol: Arbol,
              contexto: dict[str, str] | None = None) -> T:
    """Crea un ``cls`` a partir de ``datos`` (un objeto del árbol en ``ruta``): sus campos
    presentes en ``datos``, convertidos (la ruta de un valor anidado es la de su clave, para la
    línea de sus registros); ``linea`` (si falta) de la posición del objeto; los demás que
    falten, de ``contexto`` o de su valor por omisión. Las claves de ``datos`` que no son
    campos se ignoran; si falta uno obligatorio, ``TypeError`` (el esquema lo impide)."""
    contexto = contexto or {}
    argumentos: dict[str, Any] = {}
    for nombre, conversor, de_contexto in _campos(cls):
        valor = datos.get(nombre, _FALTA)
        if valor is not _FALTA:
            argumentos[nombre] = (valor if conversor is None
                                  else conversor(valor, (*ruta, nombre), arbol, contexto))
        elif nombre == "linea":
            argumentos[nombre] = arbol.posicion(ruta)[0]
        elif de_contexto and nombre in contexto:
            argumentos[nombre] = contexto[nombre]
    return cls(**argumentos)
