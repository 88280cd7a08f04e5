"""Rejilla de meses de un documento: una tabla accesible, legible sin JavaScript y al imprimir,
que distingue cada estado del calendario de la fuente (``secciones.TablaMeses`` con sus meses
dibujados también en la web).

- mes marcado en la fuente: ●
- mes de un periodo dado solo en palabras (cuyos meses denotan literalmente esas palabras): ◐
- periodo en palabras sin meses concretos, permanente y no dado: una celda que abarca la fila
  con esas palabras, nunca celdas vacías que parezcan «nada ese mes»
- condicional y marcas fuera de la tabla: anotados en la cabecera de la fila
"""

from __future__ import annotations

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import TIPOS_SESION, Calendario, Documento
from programas_spen.modelo.texto import nombre_mes
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.meses import celda_meses
from programas_spen.sitio.paginas.comun import enlace
from programas_spen.sitio.secciones import (
    Bloques,
    Fila,
    GrupoFilas,
    Marca,
    Parrafo,
    Parte,
    Salto,
    Tabla,
    TablaMeses,
    unir,
)


def _recorte(texto: str, limite: int = 110) -> str:
    plano = " ".join(texto.split())
    return plano if len(plano) <= limite else plano[: limite - 1].rsplit(" ", 1)[0] + "…"


def _anotaciones(calendario: Calendario | None) -> tuple[Parte, ...]:
    """Lo que la fila dice de su calendario además de sus meses, bajo su encabezado."""
    if calendario is None:
        return ()
    notas: list[Parte] = []
    if calendario.condicion:
        notas.append(Marca(f"Condicional: {calendario.condicion}", "spen-condicional"))
    if calendario.marcas_fuera_de_tabla:
        marcas = calendario.marcas_fuera_de_tabla
        notas.append(Marca("La fuente marca además una casilla que no corresponde a ningún mes" if marcas == 1 else
                           f"La fuente marca además {marcas} casillas que no corresponden a ningún mes", "spen-fuera"))
    if calendario.estado == "periodo" and calendario.rango:
        notas.append(Marca(f"«{calendario.texto or ''}»", "spen-palabras-nota"))
    return unir(*((Salto(), n) for n in notas))


def _primera_columna(doc: Documento) -> str:
    if doc.mecanismos:
        return "Actividad"
    if doc.temas:
        return "Tema"
    if doc.cronograma:
        return doc.cronograma.encabezado or "Actividad"
    if doc.lineas_accion:
        return "Línea de acción"
    return "Registro"


def rejilla(doc: Documento, grafo: Grafo) -> Bloques | None:
    """La rejilla de meses del documento (``None`` si no tiene calendario), dentro de una región
    con nombre que se desplaza con el teclado."""
    columnas = cal.columnas(doc)
    filas = cal.filas(doc)
    if not columnas or not (filas or doc.sesiones_programadas):
        return None
    cuerpo: list[Fila | GrupoFilas] = []
    grupo_actual: str | None = None
    for fila in filas:
        if fila.grupo and fila.grupo != grupo_actual:
            cuerpo.append(GrupoFilas(fila.grupo))
            grupo_actual = fila.grupo
        encabezado = (enlace(_recorte(fila.texto), urls.ancla(doc.id, fila.id)),)
        cuerpo.append(Fila((encabezado, celda_meses(fila.calendario, columnas, nota=_anotaciones(fila.calendario)))))
    if doc.sesiones_programadas:
        cuerpo.append(GrupoFilas("Sesiones programadas"))
        for programada in doc.sesiones_programadas:
            nombre = (f"{programada.ordinal or ''}{'.ª ' if programada.ordinal else ''}sesión "
                      f"{TIPOS_SESION[programada.tipo]}").strip().capitalize()
            encabezado = unir(enlace(nombre, urls.ancla(doc.id, programada.id)), Salto(), programada.texto)
            calendario = Calendario(estado="meses", meses=(programada.mes,))
            cuerpo.append(Fila((encabezado, celda_meses(calendario, columnas))))
    titulo = f"Calendario de {doc.titulo_corto}: de {nombre_mes(columnas[0])} a {nombre_mes(columnas[-1])}"
    tabla = TablaMeses((_primera_columna(doc), "Calendario"), tuple(cuerpo), columnas, columna_meses=1,
                       encabezado_de_fila=True, leyenda=titulo, clase="spen-calendario")
    return Bloques((tabla,), clase="spen-rejilla",
                   atributos=(("role", "region"), ("aria-label", titulo), ("tabindex", "0")))


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

#: La pista visible, antes de la rejilla, de que se desplaza de lado donde no cabe (con la sombra
#: del borde, ``estilos/calendario.css``).
PISTA = Parrafo("Si la tabla no cabe en su pantalla, deslícela de lado (o, con el teclado, enfóquela y use las "
                "flechas): la primera columna queda fija.", clase="spen-pista-desplazar")

#: La leyenda de la rejilla: qué significa cada símbolo o texto de sus celdas.
LEYENDA = Tabla(("Símbolo o texto", "Significado"), tuple(Fila(par) for par in _LEYENDA))
