"""Las columnas de meses de las tablas de calendario del anexo (HTML), con la semántica de
``calendario``: un mes marcado en la fuente lleva «X» (como en la fuente), un mes dentro de un
periodo que la fuente da en palabras «◐», y lo que no se da mes por mes (no dado, permanente,
periodo sin meses literales) ocupa toda la franja con sus palabras: nunca celdas vacías que
parezcan «nada ese mes». Funciones puras."""

from __future__ import annotations

import re
from html import escape

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import Calendario
from programas_spen.modelo.texto import ABREVIATURAS_MESES, nombre_mes

NO_DADO = "No dado en la fuente"
MARCA_MES = "X"
MARCA_PERIODO = "◐"


def _e(texto: str | None) -> str:
    return escape(" ".join((texto or "").split()))


def plano(texto: str) -> str:
    """Texto sin marcas de Markdown ni espacios, para saber si la prosa ya contiene algo."""
    return re.sub(r"[\s*_`#>|\-]+", "", texto)


def describir_calendario(calendario: Calendario | None) -> str:
    """El calendario en palabras, para listas (las tablas usan columnas de meses)."""
    if calendario is None or calendario.estado == "no_dado":
        texto = NO_DADO
    elif calendario.estado == "meses":
        texto = ", ".join(nombre_mes(m) for m in sorted(calendario.meses))
    elif calendario.estado == "permanente":
        texto = "Permanente"
    else:
        texto = f"«{_e(calendario.texto)}»"
        if calendario.rango:
            texto += f" ({nombre_mes(calendario.rango.desde)} a {nombre_mes(calendario.rango.hasta)})"
    return texto + anotaciones(calendario)


def anotaciones(calendario: Calendario | None, omitir: str = "") -> str:
    """Lo que la fuente añade al calendario de una fila: su condición (si el texto de la fila,
    ``omitir``, no la dice ya) y las marcas que pone fuera de las columnas de meses."""
    if calendario is None:
        return ""
    notas = []
    if calendario.condicion and plano(calendario.condicion) not in plano(omitir):
        notas.append(f"condicional: «{_e(calendario.condicion)}»")
    if calendario.marcas_fuera_de_tabla:
        notas.append(f"la fuente pone {calendario.marcas_fuera_de_tabla} marca(s) fuera de las "
                     "columnas de meses")
    return "".join(f" ({n})" for n in notas)


def cabecera_meses(columnas: tuple[str, ...], primera: list[str], ultima: list[str]) -> list[str]:
    """Dos filas de encabezado: columnas fijas y años agrupados, y debajo los meses."""
    anios: dict[str, int] = {}
    for mes in columnas:
        anios[mes[:4]] = anios.get(mes[:4], 0) + 1
    fila1 = [f'<th scope="col" rowspan="2">{c}</th>' for c in primera]
    for anio, cuantos in anios.items():
        rotulo = f"Ejercicio {anio}" if len(anios) == 1 else anio
        fila1.append(f'<th scope="colgroup" colspan="{cuantos}">{rotulo}</th>')
    fila1 += [f'<th scope="col" rowspan="2">{c}</th>' for c in ultima]
    fila2 = [f'<th scope="col" class="mes"><abbr title="{nombre_mes(m)}">'
             f"{ABREVIATURAS_MESES[int(m[5:7]) - 1]}</abbr></th>" for m in columnas]
    return ["<thead>", "<tr>" + "".join(fila1) + "</tr>", "<tr>" + "".join(fila2) + "</tr>",
            "</thead>"]


def celdas_meses(calendario: Calendario | None, columnas: tuple[str, ...]) -> str:
    """Las celdas de meses de una fila; lo que no es mes por mes ocupa toda la franja, con
    sus palabras (nunca celdas vacías que parezcan «nada ese mes»)."""
    if cal.por_meses(calendario):
        celdas = []
        for mes in columnas:
            estado = cal.celda(calendario, mes)
            marca = {"marcado": MARCA_MES, "periodo": MARCA_PERIODO}.get(estado, "")
            celdas.append(f'<td class="mes">{marca}</td>')
        return "".join(celdas)
    if calendario is None or calendario.estado == "no_dado":
        texto, clase = NO_DADO, "no-dado"
    elif calendario.estado == "permanente":
        texto, clase = "Permanente", "permanente"
    else:
        texto, clase = f"Periodo dado en palabras: «{_e(calendario.texto)}»", "palabras"
    return f'<td colspan="{len(columnas)}" class="{clase}">{texto}</td>'


def leyenda(columnas: tuple[str, ...]) -> str:
    """Párrafo que explica las marcas de las columnas de meses y su alcance."""
    return (f'<p class="leyenda">En las columnas de meses, «{MARCA_MES}» es un mes marcado en la '
            f"fuente y «{MARCA_PERIODO}» un mes dentro de un periodo que la fuente da en palabras. "
            f"«{NO_DADO}»: la fuente no conserva los meses de esa fila. Meses: "
            f"{nombre_mes(columnas[0])} a {nombre_mes(columnas[-1])}.</p>")
