"""Rejilla de meses de un documento: una tabla HTML accesible, legible sin JavaScript y al
imprimir, que distingue cada estado del calendario de la fuente.

- mes marcado en la fuente: ●
- mes de un periodo dado solo en palabras (cuyos meses denotan literalmente esas palabras): ◐
- periodo en palabras sin meses concretos, permanente y no dado: una celda que abarca la fila
  con esas palabras, nunca celdas vacías que parezcan «nada ese mes»
- condicional y marcas fuera de la tabla: anotados en la cabecera de la fila
"""

from __future__ import annotations

from html import escape

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import TIPOS_SESION, Calendario, Documento
from programas_spen.modelo.texto import ABREVIATURAS_MESES, nombre_mes
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import NO_DADO

MARCA = '<span aria-hidden="true">●</span><span class="sr-only">marcado</span>'
MARCA_PERIODO = ('<span aria-hidden="true">◐</span>'
                 '<span class="sr-only">dentro del periodo dado en palabras</span>')


def _recorte(texto: str, limite: int = 110) -> str:
    plano = " ".join(texto.split())
    return plano if len(plano) <= limite else plano[: limite - 1].rsplit(" ", 1)[0] + "…"


def _celdas(calendario: Calendario | None, columnas: tuple[str, ...]) -> str:
    if cal.por_meses(calendario):
        partes = []
        for mes in columnas:
            estado = cal.celda(calendario, mes)
            contenido = {"marcado": MARCA, "periodo": MARCA_PERIODO, "vacio": ""}[estado]
            partes.append(f'<td class="spen-{estado}">{contenido}</td>')
        return "".join(partes)
    if calendario is None or calendario.estado == "no_dado":
        texto, clase = NO_DADO, "no-dado"
    elif calendario.estado == "permanente":
        texto, clase = "Permanente", "permanente"
    else:
        texto, clase = f"Periodo dado en palabras: «{escape(calendario.texto or '')}»", "palabras"
    return f'<td colspan="{len(columnas)}" class="spen-{clase}">{texto}</td>'


def _anotaciones(calendario: Calendario | None) -> str:
    if calendario is None:
        return ""
    notas = []
    if calendario.condicion:
        notas.append(f'<span class="spen-condicional">Condicional: {escape(calendario.condicion)}</span>')
    if calendario.marcas_fuera_de_tabla:
        notas.append(f'<span class="spen-fuera">La fuente pone {calendario.marcas_fuera_de_tabla} '
                     "marca(s) fuera de las columnas de meses</span>")
    if calendario.estado == "periodo" and calendario.rango:
        notas.append(f'<span class="spen-palabras-nota">«{escape(calendario.texto or "")}»</span>')
    return "".join(f"<br>{n}" for n in notas)


def _encabezado(columnas: tuple[str, ...], primera: str) -> str:
    anios: list[tuple[str, int]] = []
    for mes in columnas:
        if anios and anios[-1][0] == mes[:4]:
            anios[-1] = (mes[:4], anios[-1][1] + 1)
        else:
            anios.append((mes[:4], 1))
    fila_anios = "".join(f'<th scope="colgroup" colspan="{n}">{a}</th>' for a, n in anios)
    fila_meses = "".join(
        f'<th scope="col"><abbr title="{nombre_mes(m)}">{ABREVIATURAS_MESES[int(m[5:]) - 1]}</abbr></th>'
        for m in columnas)
    return (f'<thead><tr><td></td>{fila_anios}</tr>'
            f'<tr><th scope="col">{escape(primera)}</th>{fila_meses}</tr></thead>')


def rejilla(doc: Documento, grafo: Grafo, desde: str) -> str:
    """La tabla HTML de meses del documento (vacía si no tiene calendario)."""
    columnas = cal.columnas(doc)
    filas = cal.filas(doc)
    if not columnas or not (filas or doc.sesiones_programadas):
        return ""
    cuerpo: list[str] = []
    grupo_actual: str | None = None
    total = len(columnas) + 1
    for fila in filas:
        if fila.grupo and fila.grupo != grupo_actual:
            cuerpo.append(f'<tr class="spen-grupo"><th scope="rowgroup" colspan="{total}">'
                          f"{escape(fila.grupo)}</th></tr>")
            grupo_actual = fila.grupo
        enlace = urls.ancla(doc.id, fila.id).url_desde(desde)
        cuerpo.append(f'<tr><th scope="row"><a href="{escape(enlace)}">{escape(_recorte(fila.texto))}</a>'
                      f"{_anotaciones(fila.calendario)}</th>{_celdas(fila.calendario, columnas)}</tr>")
    if doc.sesiones_programadas:
        cuerpo.append(f'<tr class="spen-grupo"><th scope="rowgroup" colspan="{total}">'
                      "Sesiones programadas</th></tr>")
        for programada in doc.sesiones_programadas:
            enlace = urls.ancla(doc.id, programada.id).url_desde(desde)
            calendario = Calendario(estado="meses", meses=(programada.mes,))
            nombre = f"{programada.ordinal or ''}{'.ª ' if programada.ordinal else ''}sesión " \
                     f"{TIPOS_SESION[programada.tipo]}"
            cuerpo.append(f'<tr><th scope="row"><a href="{escape(enlace)}">{escape(nombre.strip().capitalize())}</a>'
                          f"<br>{escape(programada.texto)}</th>{_celdas(calendario, columnas)}</tr>")
    primera = "Registro"
    if doc.mecanismos:
        primera = "Actividad"
    elif doc.temas:
        primera = "Tema"
    elif doc.cronograma:
        primera = doc.cronograma.encabezado or "Actividad"
    elif doc.lineas_accion:
        primera = "Línea de acción"
    titulo = (f"Calendario de {escape(doc.titulo_corto)}: de {nombre_mes(columnas[0])} a "
              f"{nombre_mes(columnas[-1])}")
    return (f'<div class="spen-rejilla" role="region" aria-label="{titulo}" tabindex="0">'
            f'<table class="spen-calendario"><caption>{titulo}</caption>'
            f"{_encabezado(columnas, primera)}<tbody>{''.join(cuerpo)}</tbody></table></div>")


_LEYENDA = (
    ("●", "La fuente marca ese mes."),
    ("◐", "Mes de un periodo que la fuente da solo en palabras («durante el primer trimestre de 2025»); "
          "se muestran los meses que esas palabras denotan."),
    ("Periodo dado en palabras", "La fuente da el periodo solo en palabras, sin meses concretos."),
    ("Permanente", "La fuente dice que es permanente."),
    ("No dado en la fuente", "La fuente no da los meses, o se perdieron al extraer el texto del PDF. "
                             "No se adivinan."),
    ("Condicional", "La fuente lo condiciona («en caso de existir vacantes»)."),
    ("Marca fuera de la tabla", "La fuente pone una marca más allá de la última columna de meses; no se "
                                "asigna a ningún mes."),
)
LEYENDA = "\n".join(["| Símbolo o texto | Significado |", "| --- | --- |"]
                    + [f"| {simbolo} | {significado} |" for simbolo, significado in _LEYENDA])
