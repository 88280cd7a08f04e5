"""La franja de meses de un calendario en una tabla de calendario (``secciones.TablaMeses``).

Con la semántica de ``modelo.calendario``: mes por mes, cada columna dice si la fuente marca ese
mes o si cae dentro de un periodo que la fuente da en palabras; lo que no se da mes por mes (no
dado, permanente, periodo sin meses literales) ocupa toda la franja con sus palabras, nunca
celdas vacías que parezcan «nada ese mes». Funciones puras.
"""

from __future__ import annotations

import re

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import Calendario
from programas_spen.sitio.paginas.comun import NO_DADO
from programas_spen.sitio.secciones import CeldaMeses, Contenido


def franja(calendario: Calendario | None) -> tuple[str, str]:
    """Las palabras que ocupan la franja de meses de un calendario que no se da mes por mes, y
    su clase (``no-dado``, ``permanente``, ``palabras``)."""
    if calendario is None or calendario.estado == "no_dado":
        return NO_DADO, "no-dado"
    if calendario.estado == "permanente":
        return "Permanente", "permanente"
    return f"Periodo dado en palabras: «{calendario.texto or ''}»", "palabras"


def celda_meses(calendario: Calendario | None, meses: tuple[str, ...], palabras: Contenido = "",
                nota: Contenido = ()) -> CeldaMeses:
    """La celda de meses de una fila con ``calendario`` en una tabla de columnas ``meses``;
    ``palabras``: el calendario en palabras (donde no se dibujan los meses); ``nota``: lo que
    añade junto al texto de la fila donde sí se dibujan."""
    if cal.por_meses(calendario):
        return CeldaMeses(palabras, tuple(cal.celda(calendario, mes) for mes in meses), nota=nota)
    texto, clase = franja(calendario)
    return CeldaMeses(palabras, franja=texto, clase=clase, nota=nota)


def plano(texto: str) -> str:
    """Texto sin marcas de Markdown ni espacios, para saber si la prosa ya contiene algo."""
    return re.sub(r"[\s*_`#>|\-]+", "", texto)


def anotaciones(calendario: Calendario | None, omitir: str = "") -> str:
    """Lo que la fuente añade al calendario de una fila y las columnas de meses no dicen: su
    condición (si el texto de la fila, ``omitir``, no la dice ya) y las marcas que pone fuera
    de las columnas de meses."""
    if calendario is None:
        return ""
    notas = []
    if calendario.condicion and plano(calendario.condicion) not in plano(omitir):
        notas.append(f"condicional: «{' '.join(calendario.condicion.split())}»")
    if calendario.marcas_fuera_de_tabla:
        marcas = calendario.marcas_fuera_de_tabla
        notas.append("la fuente marca además una casilla que no corresponde a ningún mes" if marcas == 1 else
                     f"la fuente marca además {marcas} casillas que no corresponden a ningún mes")
    return "".join(f" ({n})" for n in notas)
