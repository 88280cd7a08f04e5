"""El valor de un campo a partir de una celda del libro, o el porqué no se puede.

Cada función recibe el valor de la celda como lo da openpyxl (texto, número, fecha, booleano)
y devuelve el valor del campo o lanza ``CeldaInvalida`` con el mensaje en español: qué se
encontró y qué se esperaba.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from programas_spen.hoja.disposicion import Columna
from programas_spen.hoja.vocabularios import parecido

_MES = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_ENTERO = re.compile(r"^\s*[+-]?\d+\s*$")
_VERDADERO = {"verdadero", "sí", "si", "true"}
_FALSO = {"falso", "no", "false"}


class CeldaInvalida(ValueError):
    """Una celda cuyo valor no sirve para su columna; el mensaje dice por qué."""


def vacia(valor: Any) -> bool:
    """Si la celda está vacía (o solo tiene espacios)."""
    return valor is None or (isinstance(valor, str) and not valor.strip())


def _mostrar(valor: Any) -> str:
    if isinstance(valor, dt.datetime):
        return valor.strftime("%Y-%m-%d %H:%M") if (valor.hour, valor.minute) != (0, 0) else \
            valor.date().isoformat()
    if isinstance(valor, dt.date):
        return valor.isoformat()
    texto = str(valor)
    return texto if len(texto) <= 60 else texto[:59] + "…"


def texto(valor: Any) -> str:
    """Un texto: tal cual; un número escrito en una columna de texto, como se escribió."""
    if isinstance(valor, bool) or isinstance(valor, dt.date):
        raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba un texto")
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor)


def entero(valor: Any) -> int:
    """Un número entero."""
    if isinstance(valor, bool) or isinstance(valor, dt.date):
        raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba un número entero")
    if isinstance(valor, int):
        return valor
    if isinstance(valor, float) and valor.is_integer():
        return int(valor)
    if isinstance(valor, str) and _ENTERO.match(valor):
        return int(valor)
    raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba un número entero")


def numero(valor: Any) -> int | float:
    """Un número (entero o con decimales; con punto o coma decimal si se escribió como texto)."""
    if isinstance(valor, bool) or isinstance(valor, dt.date):
        raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba un número")
    if isinstance(valor, int | float):
        return valor
    try:
        leido = float(str(valor).strip().replace(",", "."))
    except ValueError:
        raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba un número") from None
    return int(leido) if _ENTERO.match(str(valor)) else leido


def booleano(valor: Any) -> bool:
    """Verdadero o falso."""
    if isinstance(valor, bool):
        return valor
    if isinstance(valor, str) and valor.strip().lower() in _VERDADERO | _FALSO:
        return valor.strip().lower() in _VERDADERO
    raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba VERDADERO o FALSO")


def opcion(valor: Any, opciones: tuple[str, ...]) -> str:
    """Una de las opciones del vocabulario cerrado."""
    leido = texto(valor)
    if leido in opciones:
        return leido
    sugerencia = parecido(leido, list(opciones))
    extra = f" (¿quiso decir «{sugerencia}»?)" if sugerencia else ""
    raise CeldaInvalida(f"«{_mostrar(valor)}» no es una opción admitida{extra}; se esperaba una de: "
                        + ", ".join(opciones))


def mes(valor: Any) -> str:
    """Un mes AAAA-MM (una celda de fecha del día 1 también: la hoja de cálculo convierte así
    «2025-03» al escribirlo)."""
    if isinstance(valor, dt.datetime | dt.date) and valor.day == 1:
        return f"{valor.year:04d}-{valor.month:02d}"
    coincide = _MES.match(valor) if isinstance(valor, str) else None
    if coincide is None:
        raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba un mes AAAA-MM "
                            "(p. ej. 2025-03)")
    anio, numero_mes = coincide.groups()
    if not 1 <= int(numero_mes) <= 12:
        raise CeldaInvalida(f"«{_mostrar(valor)}»: el mes {numero_mes} no existe; se esperaba "
                            "AAAA-MM con el mes de 01 a 12")
    return f"{anio}-{int(numero_mes):02d}"


def fecha(valor: Any) -> str:
    """Una fecha AAAA-MM-DD, de una celda de fecha (un texto no: se señala)."""
    if isinstance(valor, dt.datetime):
        if (valor.hour, valor.minute, valor.second) != (0, 0, 0):
            raise CeldaInvalida(f"se encontró «{_mostrar(valor)}», con hora; se esperaba solo la "
                                "fecha AAAA-MM-DD")
        return valor.date().isoformat()
    if isinstance(valor, dt.date):
        return valor.isoformat()
    if isinstance(valor, str):
        raise CeldaInvalida(f"se encontró el texto «{_mostrar(valor)}»; se esperaba una celda de "
                            "fecha (AAAA-MM-DD, p. ej. 2024-03-13): escríbala como fecha, no como texto")
    raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba una celda de fecha "
                        "(AAAA-MM-DD, p. ej. 2024-03-13)")


def json_objeto(valor: Any, ejemplo: str = '{"estatus": "concluido"}') -> dict[str, Any]:
    """Un objeto JSON escrito en la celda."""
    try:
        leido = json.loads(texto(valor))
    except json.JSONDecodeError as exc:
        raise CeldaInvalida(f"no es JSON válido ({exc.msg}, carácter {exc.pos + 1}); se esperaba un "
                            f"objeto JSON, p. ej. {ejemplo}") from None
    if not isinstance(leido, dict):
        raise CeldaInvalida(f"se encontró «{_mostrar(valor)}»; se esperaba un objeto JSON, p. ej. {ejemplo}")
    return leido


def lista(valor: Any, columna: Columna) -> list[Any]:
    """Los elementos de una celda de lista: uno por línea (textos libres) o separados por comas
    (valores con forma fija: meses, ids, números de acuerdo)."""
    crudo = texto(valor)
    if columna.por_linea:
        partes = crudo.split("\n")
    else:
        partes = re.split(r"[,;\n]", crudo)
    elementos = [p if columna.por_linea else p.strip() for p in partes]
    elementos = [e for e in elementos if e.strip()]
    if columna.elementos == "mes":
        return [mes(e) for e in elementos]
    if columna.elementos == "opcion":
        return [opcion(e, columna.opciones) for e in elementos]
    return elementos


def valor_de(valor: Any, columna: Columna) -> Any:
    """El valor del campo de ``columna`` a partir de la celda (no vacía)."""
    clase = columna.clase
    if clase == "entero":
        return entero(valor)
    if clase == "numero":
        return numero(valor)
    if clase == "booleano":
        return booleano(valor)
    if clase == "opcion":
        return opcion(valor, columna.opciones)
    if clase == "mes":
        return mes(valor)
    if clase == "fecha":
        return fecha(valor)
    if clase == "lista":
        return lista(valor, columna)
    if clase == "json":
        return json_objeto(valor)
    return texto(valor)
