"""«Próximamente»: lo que los programas prevén del mes de corte en adelante.

El «hoy» es la fecha de corte (``sitio.corte``, de ``SOURCE_DATE_EPOCH``), nunca el reloj de la
construcción. Solo cuenta lo previsto (temas, actividades y sesiones programadas), no lo ya
celebrado. Si los documentos publicados no prevén nada a partir del corte, se dice así y se
señalan los últimos meses con algo previsto.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import Documento, SesionProgramada
from programas_spen.modelo.texto import fecha_larga, nombre_mes
from programas_spen.sitio import urls
from programas_spen.sitio.corte import Corte
from programas_spen.sitio.paginas.agenda import nombre_programada
from programas_spen.sitio.paginas.comun import enlace
from programas_spen.sitio.secciones import Bloque, Elemento, Lista, Parrafo, Seccion, juntar, unir

#: Cuántos meses con algo previsto muestra la lista, y cuántos registros de cada mes.
MESES = 2
POR_MES = 8


@dataclass(frozen=True)
class MesPrevisto:
    """Lo previsto en un mes: registros con calendario y sesiones programadas."""

    mes: str
    filas: tuple[cal.FilaCalendario, ...]
    programadas: tuple[tuple[Documento, SesionProgramada], ...]

    @property
    def total(self) -> int:
        """Cuántas cosas hay previstas en el mes."""
        return len(self.filas) + len(self.programadas)


def previstos(agendas: Sequence[cal.Agenda]) -> list[MesPrevisto]:
    """Los meses del sitio con algo previsto, en orden."""
    return [MesPrevisto(a.mes, a.filas, a.programadas) for a in agendas if a.filas or a.programadas]


def previstos_documento(documento: Documento) -> list[MesPrevisto]:
    """Los meses con algo previsto en un documento, en orden (de sus propios registros: a
    escala nacional, recorrer la agenda de todo el sitio por cada documento sería cuadrático)."""
    filas: dict[str, list[cal.FilaCalendario]] = {}
    for fila in cal.filas(documento):
        for mes in cal.meses_de(fila.calendario):
            filas.setdefault(mes, []).append(fila)
    programadas: dict[str, list[tuple[Documento, SesionProgramada]]] = {}
    for programada in documento.sesiones_programadas:
        programadas.setdefault(programada.mes, []).append((documento, programada))
    return [MesPrevisto(mes, tuple(filas.get(mes, ())), tuple(programadas.get(mes, ())))
            for mes in sorted(set(filas) | set(programadas))]


def _previstos(numero: int) -> str:
    return f"{numero} {'previsto' if numero == 1 else 'previstos'}"


def _mes(previsto: MesPrevisto, con_documento: bool) -> Elemento:
    elementos = [Elemento(unir("Sesión: ", enlace(nombre_programada(p), urls.ancla(d.id, p.id)),
                               f" («{' '.join(p.texto.split())}»)",
                               (" — ", enlace(d.titulo_corto, urls.documento(d.id))) if con_documento else None))
                 for d, p in previsto.programadas]
    elementos += [Elemento(unir(enlace(" ".join(f.texto.split()), urls.ancla(f.documento.id, f.id)),
                                (" — ", enlace(f.documento.titulo_corto, urls.documento(f.documento.id)))
                                if con_documento else None))
                  for f in previsto.filas]
    mostrados = elementos[:POR_MES]
    if len(elementos) > POR_MES:
        completa = enlace(f"agenda completa de {nombre_mes(previsto.mes)}", urls.mes(previsto.mes))
        mostrados.append(Elemento(unir(f"Y {len(elementos) - POR_MES} más: ", completa)))
    return Elemento(unir(enlace(nombre_mes(previsto.mes).capitalize(), urls.mes(previsto.mes)),
                         f": {_previstos(previsto.total)}"),
                    bloques=(Lista(tuple(mostrados)),))


def bloques_proximamente(meses: Sequence[MesPrevisto], corte: Corte, con_documento: bool = True) -> tuple[Bloque, ...]:
    """La lista de lo que viene desde el corte o, si no hay nada, por qué y los últimos meses
    con algo previsto."""
    proximos = [m for m in meses if m.mes >= corte.mes][:MESES]
    desde = f"Fecha de corte de los datos: {fecha_larga(corte.iso())}."
    if proximos:
        return (Parrafo(f"{desde} Lo previsto para este mes y los siguientes:"),
                Lista(tuple(_mes(m, con_documento) for m in proximos)))
    if not meses:
        return (Parrafo(f"{desde} Los documentos publicados no dan meses para nada de lo que prevén."),)
    ultimos = meses[-MESES:]
    return (Parrafo(unir(
        f"{desde} Nada previsto a partir de {nombre_mes(corte.mes)}: los documentos publicados no llegan hasta "
        "ahí. Lo último previsto es de ",
        juntar([(enlace(nombre_mes(m.mes), urls.mes(m.mes)), f" ({_previstos(m.total)})") for m in ultimos],
               ", ", " y "), ".")),)


def seccion_proximamente(meses: Sequence[MesPrevisto], corte: Corte, con_documento: bool = True,
                         id: str = "proximamente") -> Seccion:  # noqa: A002 - el ancla del apartado
    """El apartado «Próximamente»."""
    return Seccion("Próximamente", bloques_proximamente(meses, corte, con_documento), id=id)
