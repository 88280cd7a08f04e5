"""Semántica de los calendarios: qué dice cada registro de cada mes, y qué hay en cada mes.

Un calendario de la fuente tiene un estado (meses marcados, periodo en palabras, permanente o
no dado). Aquí se traduce, mes por mes, a un estado de celda para las rejillas, a tramos de
meses contiguos para los feeds iCalendar, y a la agenda de cada mes a través de todos los
documentos. Nunca se rellena lo que la fuente no da: un registro ``no_dado`` no ocupa ningún
mes, y un periodo en palabras solo ocupa los meses que sus palabras denotan literalmente.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from programas_spen.modelo.registros import Actividad, Calendario, Documento, Rango, SesionProgramada, Tema
from programas_spen.sitio.grafo import FichaSesion, Grafo

EstadoCelda = Literal["marcado", "periodo", "vacio"]


def meses_de(calendario: Calendario | None) -> tuple[str, ...]:
    """Meses que ocupa el registro: los marcados, o los que denota su periodo en palabras."""
    if calendario is None:
        return ()
    if calendario.estado == "meses":
        return tuple(sorted(calendario.meses))
    if calendario.estado == "periodo" and calendario.rango:
        return calendario.rango.meses()
    return ()


def celda(calendario: Calendario | None, mes: str) -> EstadoCelda:
    """Estado de la celda de ``mes`` en la rejilla de un registro con estado por meses."""
    if calendario is None:
        return "vacio"
    if calendario.estado == "meses":
        return "marcado" if mes in calendario.meses else "vacio"
    if calendario.estado == "periodo" and calendario.rango and mes in calendario.rango.meses():
        return "periodo"
    return "vacio"


def por_meses(calendario: Calendario | None) -> bool:
    """Si el registro se dibuja mes por mes (meses marcados o periodo con meses literales)."""
    return calendario is not None and (
        calendario.estado == "meses" or (calendario.estado == "periodo" and calendario.rango is not None))


def siguiente_mes(mes: str) -> str:
    """``2024-12`` → ``2025-01``."""
    anio, numero = int(mes[:4]), int(mes[5:7])
    return f"{anio + (numero == 12):04d}-{numero % 12 + 1:02d}"


def tramos(meses: tuple[str, ...]) -> list[Rango]:
    """Meses agrupados en tramos contiguos: [ene, feb, mar, jun] → [ene–mar, jun]."""
    resultado: list[Rango] = []
    for mes in sorted(meses):
        if resultado and siguiente_mes(resultado[-1].hasta) == mes:
            resultado[-1] = Rango(resultado[-1].desde, mes)
        else:
            resultado.append(Rango(mes, mes))
    return resultado


def semana_del_mes(dia: int) -> int:
    """Semana del mes por número de día: 1–7 es la primera, 8–14 la segunda…"""
    return (dia - 1) // 7 + 1


@dataclass(frozen=True)
class FilaCalendario:
    """Un registro de un documento con su calendario, para rejillas y agendas."""

    documento: Documento
    tipo: Literal["actividad", "tema", "linea", "ficha"]
    id: str
    texto: str
    calendario: Calendario | None
    grupo: str | None = None
    area: str | None = None
    mecanismo: str | None = None


def filas(doc: Documento) -> list[FilaCalendario]:
    """Los registros con calendario de un documento, en el orden de la fuente."""
    resultado: list[FilaCalendario] = []
    for mecanismo in doc.mecanismos:
        resultado += [FilaCalendario(doc, "actividad", a.id, a.texto, a.calendario, mecanismo.nombre,
                                     mecanismo=mecanismo.id) for a in mecanismo.actividades]
    resultado += [_fila_tema(doc, t) for t in doc.temas]
    resultado += [FilaCalendario(doc, "linea", la.id, la.texto, la.calendario, la.grupo)
                  for la in doc.lineas_accion if la.calendario is not None]
    if doc.cronograma:
        resultado += [_fila_actividad(doc, f, doc.cronograma.titulo) for f in doc.cronograma.filas]
    return resultado


def _fila_tema(doc: Documento, tema: Tema) -> FilaCalendario:
    return FilaCalendario(doc, "tema", tema.id, tema.texto, tema.calendario, None, area=tema.area)


def _fila_actividad(doc: Documento, actividad: Actividad, grupo: str) -> FilaCalendario:
    return FilaCalendario(doc, "actividad", actividad.id, actividad.texto, actividad.calendario, grupo,
                          mecanismo=actividad.mecanismo)


def tiene_calendario(doc: Documento) -> bool:
    """Si el documento tiene algo que poner en una rejilla de meses."""
    return bool(filas(doc)) or bool(doc.sesiones_programadas)


def columnas(doc: Documento) -> tuple[str, ...]:
    """Meses de las columnas de la rejilla: el periodo del documento (o los meses usados)."""
    if doc.periodo:
        return doc.periodo.meses()
    usados = sorted({m for f in filas(doc) for m in meses_de(f.calendario)}
                    | {p.mes for p in doc.sesiones_programadas})
    return Rango(usados[0], usados[-1]).meses() if usados else ()


@dataclass(frozen=True)
class Agenda:
    """Todo lo que cae en un mes, en todos los documentos."""

    mes: str
    filas: tuple[FilaCalendario, ...]
    programadas: tuple[tuple[Documento, SesionProgramada], ...]
    celebradas: tuple[FichaSesion, ...]

    @property
    def vacia(self) -> bool:
        """Si no hay nada en el mes."""
        return not (self.filas or self.programadas or self.celebradas)


def meses_del_sitio(grafo: Grafo) -> tuple[str, ...]:
    """Meses que tienen página de calendario: los periodos de los documentos y los meses con
    algo agendado, de enero del primer año a diciembre del último."""
    meses: set[str] = set()
    for doc in grafo.datos.documentos:
        if doc.periodo:
            meses.update(doc.periodo.meses())
        for fila in filas(doc):
            meses.update(meses_de(fila.calendario))
        meses.update(p.mes for p in doc.sesiones_programadas)
    meses.update(s.fecha[:7] for s in grafo.sesiones.values())
    if not meses:
        return ()
    anios = sorted({m[:4] for m in meses})
    return tuple(m for a in anios for m in Rango(f"{a}-01", f"{a}-12").meses())


def agendas(grafo: Grafo) -> Iterator[Agenda]:
    """La agenda de cada mes del sitio, en orden."""
    todas = [f for d in grafo.datos.documentos for f in filas(d)]
    por_mes: dict[str, list[FilaCalendario]] = {}
    for fila in todas:
        for mes in meses_de(fila.calendario):
            por_mes.setdefault(mes, []).append(fila)
    for mes in meses_del_sitio(grafo):
        yield Agenda(
            mes, tuple(por_mes.get(mes, [])),
            tuple((d, p) for d, p in grafo.programadas.values() if p.mes == mes),
            tuple(s for s in grafo.sesiones.values() if s.fecha[:7] == mes))
