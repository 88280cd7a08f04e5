"""Cada fila de cada tabla contra el esquema de su tabla, antes de publicar nada.

Revisa lo mismo que declara el Table Schema (``esquema_tabla``): tipo de cada valor, columnas
que nunca faltan, vocabulario, patrón, mínimo y máximo, clave primaria única y claves foráneas
que existen. Una fila que no cumple es un error que detiene la construcción: el mensaje, en
español, nombra la tabla, la fila y su clave, y señala el archivo y la línea del registro.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from functools import cache

from programas_spen.datos_abiertos.esquema_tabla import NO_DADO, NOMBRES_TIPOS, Columna, Tabla, Valor
from programas_spen.modelo.problemas import Informe

_MES = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
_FECHA = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class TablasInvalidas(Exception):
    """Alguna fila no cumple el esquema de su tabla: no se publica nada."""

    def __init__(self, informe: Informe) -> None:
        super().__init__(informe.texto())
        self.informe = informe


@cache
def _patron(texto: str) -> re.Pattern[str]:
    return re.compile(texto)


def _es_fecha(valor: str) -> bool:
    if not _FECHA.fullmatch(valor):
        return False
    try:
        date.fromisoformat(valor)
    except ValueError:
        return False
    return True


def _del_tipo(columna: Columna, valor: Valor) -> bool:
    tipo = columna.tipo
    if tipo == "string":
        return isinstance(valor, str)
    if tipo == "integer":
        return isinstance(valor, int) and not isinstance(valor, bool)
    if tipo == "number":
        return isinstance(valor, (int, float)) and not isinstance(valor, bool) and math.isfinite(valor)
    if tipo == "boolean":
        return isinstance(valor, bool)
    if tipo == "date":
        return isinstance(valor, str) and _es_fecha(valor)
    if tipo == "yearmonth":
        return isinstance(valor, str) and _MES.fullmatch(valor) is not None
    if tipo == "object":
        return isinstance(valor, dict)
    return isinstance(valor, list)


def problemas_de_valor(columna: Columna, valor: Valor) -> list[str]:
    """Qué no cumple ``valor`` en ``columna`` (vacío si cumple), en español."""
    if valor is None:
        return ["falta; se esperaba siempre un valor"] if columna.requerida else []
    if not _del_tipo(columna, valor):
        return [f"tiene «{valor!r}»; se esperaba {NOMBRES_TIPOS[columna.tipo]}"]
    problemas = []
    if valor == NO_DADO:
        problemas.append(f"tiene el texto «{NO_DADO}», que se leería como valor faltante")
    if columna.vocabulario and valor not in {v for v, _ in columna.vocabulario}:
        problemas.append(f"tiene «{valor}»; se esperaba uno de: {', '.join(v for v, _ in columna.vocabulario)}")
    if columna.patron and isinstance(valor, str) and not _patron(columna.patron).fullmatch(valor):
        problemas.append(f"tiene «{valor}»; no sigue el patrón {columna.patron}")
    if isinstance(valor, (int, float)) and not isinstance(valor, bool):
        if columna.minimo is not None and valor < columna.minimo:
            problemas.append(f"tiene {valor}; se esperaba al menos {columna.minimo:g}")
        if columna.maximo is not None and valor > columna.maximo:
            problemas.append(f"tiene {valor}; se esperaba a lo más {columna.maximo:g}")
    return problemas


def _clave(tabla: Tabla, fila: tuple[Valor, ...]) -> str:
    nombres = tabla.esquema.nombres
    return ", ".join(f"{c}={fila[nombres.index(c)]}" for c in tabla.esquema.clave_primaria)


def comprobar(tablas: Mapping[str, Tabla]) -> Informe:
    """Los errores de todas las filas de todas las tablas, todos a la vez."""
    informe = Informe()
    for tabla in tablas.values():
        esquema = tabla.esquema
        nombres = esquema.nombres

        def error(numero: int, mensaje: str, tabla: Tabla = tabla) -> None:
            fila = tabla.filas[numero - 1]
            origen = tabla.origenes[numero - 1]
            informe.error(origen.archivo, origen.linea, 0,
                          f"tabla «{tabla.nombre}», fila {numero} ({_clave(tabla, fila)}): {mensaje}")

        vistas: dict[tuple[Valor, ...], int] = {}
        indices_clave = [nombres.index(c) for c in esquema.clave_primaria]
        for numero, fila in enumerate(tabla.filas, 1):
            for columna, valor in zip(esquema.columnas, fila, strict=True):
                for problema in problemas_de_valor(columna, valor):
                    error(numero, f"la columna «{columna.nombre}» {problema}")
            clave = tuple(fila[i] for i in indices_clave)
            if any(v is None for v in clave):
                error(numero, f"la clave primaria ({', '.join(esquema.clave_primaria)}) tiene un valor faltante")
            elif clave in vistas:
                error(numero, f"repite la clave primaria de la fila {vistas[clave]}")
            else:
                vistas[clave] = numero
        for foranea in esquema.claves_foraneas:
            destino = tablas.get(foranea.tabla)
            if destino is None:
                informe.error("", 0, 0, f"tabla «{tabla.nombre}»: su clave foránea apunta a la tabla "
                              f"«{foranea.tabla}», que no se publica")
                continue
            indices_destino = [destino.esquema.nombres.index(c) for c in foranea.referidas]
            existentes = {tuple(f[i] for i in indices_destino) for f in destino.filas}
            indices = [nombres.index(c) for c in foranea.columnas]
            for numero, fila in enumerate(tabla.filas, 1):
                valores = tuple(fila[i] for i in indices)
                if any(v is None for v in valores) or valores in existentes:
                    continue
                error(numero, f"({', '.join(foranea.columnas)}) = ({', '.join(map(str, valores))}) no existe en "
                              f"({', '.join(foranea.referidas)}) de la tabla «{foranea.tabla}»")
    return informe


def exigir(tablas: Mapping[str, Tabla]) -> None:
    """Lanza ``TablasInvalidas`` si alguna fila no cumple su esquema."""
    informe = comprobar(tablas)
    if informe.errores:
        raise TablasInvalidas(informe)
