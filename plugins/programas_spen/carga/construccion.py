"""Conversión de árboles ya validados por el esquema en registros del modelo.

Es genérica: sigue las anotaciones de tipo de cada dataclass de ``modelo``. Rellena ``linea``
con la línea del registro en su archivo y ``documento`` con el id del documento que lo
contiene. Solo se llama con datos que pasaron el esquema, así que no valida de nuevo.

A escala nacional son unos 300 000 registros, y crearlos pasaba por dos costos genéricos: un
bucle que consulta el plan de campos por cada clave y el ``__init__`` de una dataclass
inmutable, que asigna cada campo con ``object.__setattr__``. Por eso cada clase tiene una
función fabricante escrita para ella (``_fabrica``, generada una vez con ``exec``, como hace
``dataclasses`` con ``__init__``): lee cada campo del objeto del árbol con un ``get``, lo
convierte si su tipo lo pide y lo pone directamente en su ranura (``__slots__``), con los
mismos valores por omisión que el ``__init__``. El resultado es el mismo registro que daría
``cls(**argumentos)``, en la mitad de tiempo.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from programas_spen.carga.lector_yaml import Arbol, Ruta

T = TypeVar("T")


#: Convierte un valor del árbol (ya validado) en ``ruta`` al tipo del modelo.
Conversor = Callable[[Any, Ruta, Arbol, dict[str, str]], Any]

#: Marca de «el campo no está» (``None`` es un valor posible).
_FALTA = object()


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
            return tuple([elemento(v, (*ruta, i), arbol, contexto) for i, v in enumerate(valor)])
        return tupla
    if origen is dict:
        return _a_dict
    if dataclasses.is_dataclass(tipo):
        def registro(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Any:
            # Se busca al llamar, no al crear el conversor: un registro puede contener
            # registros de su misma clase.
            return _fabrica(tipo)(valor, ruta, arbol, contexto)  # type: ignore[arg-type]
        return registro
    if tipo is float:
        return _a_float
    return _identidad


@cache
def _fabrica(cls: type) -> Conversor:
    """La función que crea un ``cls`` desde un objeto del árbol, escrita para sus campos.

    Para cada campo, en el orden de la clase: el valor de ``datos`` convertido (la ruta de
    un valor anidado es la de su clave, para la línea de sus registros); si falta, ``linea``
    es la línea del objeto, y los demás se toman de ``contexto`` o de su valor por omisión.
    Falta uno obligatorio: ``TypeError``, como con ``__init__`` (el esquema lo impide)."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in vars(cls):
        raise TypeError(f"{cls!r} no es una dataclass con __slots__")
    tipos = typing.get_type_hints(cls)
    entorno: dict[str, Any] = {"cls": cls, "nuevo": object.__new__, "FALTA": _FALTA}
    lineas = ["def crear(datos, ruta, arbol, contexto):",
              "    obtener = datos.get",
              "    del_contexto = contexto.get",
              "    objeto = nuevo(cls)"]
    for i, campo in enumerate(dataclasses.fields(cls)):  # type: ignore[arg-type]
        nombre = repr(campo.name)
        entorno[f"poner_{i}"] = getattr(cls, campo.name).__set__  # la ranura del campo
        conversor = _conversor(tipos[campo.name])
        lineas.append(f"    valor = obtener({nombre}, FALTA)")
        lineas.append("    if valor is FALTA:")
        if campo.name == "linea":
            lineas.append("        valor = arbol.posicion(ruta)[0]")
        else:
            lineas.append(f"        valor = del_contexto({nombre}, FALTA)")
            lineas.append("        if valor is FALTA:")
            if campo.default is not dataclasses.MISSING:
                entorno[f"omision_{i}"] = campo.default
                lineas.append(f"            valor = omision_{i}")
            elif campo.default_factory is not dataclasses.MISSING:
                entorno[f"omision_{i}"] = campo.default_factory
                lineas.append(f"            valor = omision_{i}()")
            else:
                lineas.append(f"            raise TypeError('falta el campo ' + {nombre} + "
                              f"' de ' + cls.__name__)")
        if conversor is not _identidad:
            entorno[f"convertir_{i}"] = conversor
            lineas.append("    else:")
            lineas.append(f"        valor = convertir_{i}(valor, (*ruta, {nombre}), arbol, "
                          "contexto)")
        lineas.append(f"    poner_{i}(objeto, valor)")
    lineas.append("    return objeto")
    exec("\n".join(lineas), entorno)  # noqa: S102 - código propio, de los nombres de campos
    fabrica: Conversor = entorno["crear"]
    fabrica.__qualname__ = f"_fabrica.<{cls.__name__}>"
    return fabrica


def construir(cls: type[T], datos: dict[str, Any], ruta: Ruta, arbol: Arbol,
              contexto: dict[str, str] | None = None) -> T:
    """Crea un ``cls`` a partir de ``datos`` (un objeto del árbol en ``ruta``): sus campos
    presentes en ``datos``, convertidos; ``linea`` (si falta) de la posición del objeto; los
    demás que falten, de ``contexto`` o de su valor por omisión. Las claves de ``datos`` que
    no son campos se ignoran."""
    return _fabrica(cls)(datos, ruta, arbol, contexto or {})  # type: ignore[no-any-return]
