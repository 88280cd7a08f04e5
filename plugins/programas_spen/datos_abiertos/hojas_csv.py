"""Las tablas en CSV: UTF-8 (sin BOM), comas, comillas donde hace falta (RFC 4180, fin de línea
CRLF), una fila de encabezados con los nombres de las columnas.

Valores: números como números (``75``, ``12.5``), ``true``/``false``, fechas ISO 8601, objetos y
listas en JSON, y «no dado en la fuente» donde la fuente no da el dato.

Inyección de fórmulas (OWASP, «CSV Injection»): un texto que empieza con ``=``, ``+``, ``-``,
``@``, tabulador o retorno de carro se escribe con un apóstrofo delante (``'=…``), para que
ninguna hoja de cálculo lo ejecute como fórmula; para que la regla se pueda deshacer sin
ambigüedad, también lo lleva un texto que ya empieza con apóstrofo. Quien lee el CSV con un
programa recupera el texto exacto quitando el primer carácter de todo texto que empieza con
``'``. El XLSX y el JSON traen el texto sin apóstrofo.
"""

from __future__ import annotations

import csv
import io
import json

from programas_spen.datos_abiertos.esquema_tabla import NO_DADO, Columna, Tabla, Valor

#: Primeros caracteres de un texto que una hoja de cálculo tomaría como fórmula, y el apóstrofo
#: (ver el módulo).
DISPARADORES = ("=", "+", "-", "@", "\t", "\r", "'")


def texto_json(valor: object) -> str:
    """Un objeto o lista en JSON compacto y estable (claves ordenadas, UTF-8 legible)."""
    return json.dumps(valor, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def numero(valor: int | float) -> str:
    """Un número como lo lee cualquier programa: ``75`` (no ``75.0``), ``12.5``."""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return repr(valor) if isinstance(valor, float) else str(valor)


def proteger(texto: str) -> str:
    """El texto con un apóstrofo delante si empieza con un disparador de fórmula."""
    return "'" + texto if texto.startswith(DISPARADORES) else texto


def recuperar(texto: str) -> str:
    """El texto original de una celda de texto del CSV (deshace ``proteger``)."""
    return texto[1:] if texto.startswith("'") else texto


def celda(columna: Columna, valor: Valor) -> str:
    """El texto de una celda del CSV."""
    if valor is None:
        return NO_DADO
    if isinstance(valor, bool):
        return "true" if valor else "false"
    if isinstance(valor, (int, float)):
        return numero(valor)
    if isinstance(valor, (dict, list)):
        return texto_json(valor)
    return proteger(valor) if columna.tipo == "string" else valor


def escribir_csv(tabla: Tabla) -> bytes:
    """El CSV de una tabla, en bytes."""
    salida = io.StringIO(newline="")
    escritor = csv.writer(salida, lineterminator="\r\n")
    escritor.writerow(tabla.esquema.nombres)
    columnas = tabla.esquema.columnas
    for fila in tabla.filas:
        escritor.writerow([celda(c, v) for c, v in zip(columnas, fila, strict=True)])
    return salida.getvalue().encode("utf-8")
