"""La agenda de un mes leída como agenda: lo que cada órgano prevé o registra en el mes, en
listas que se apilan en cualquier pantalla.

Casi todo lo que prevén los programas tiene mes, no día: la agenda agrupa por órgano y por clase
de registro (sesiones, temas, actividades) y nunca inventa un día. Las sesiones sí tienen fecha:
cada una dice con palabras si se celebró (con su fecha) o si estaba prevista y no hay registro de
que se celebrara; el color nunca es la única señal. Cada elemento lleva en atributos ``data-filtro-*``
la institución y el área con sus nombres del catálogo, para los filtros (``activos/agenda.js``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import TIPOS_SESION, Documento, SesionProgramada
from programas_spen.modelo.texto import fecha_larga
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaSesion, Grafo
from programas_spen.sitio.paginas.comun import enlace, lista_meses
from programas_spen.sitio.paginas.sesiones import nombre_sesion
from programas_spen.sitio.secciones import (
    Bloque,
    Contenido,
    Elemento,
    Fila,
    Lista,
    Marca,
    Parrafo,
    Seccion,
    Tabla,
    juntar,
    unir,
)

#: Cuántos caracteres del texto de un compromiso se muestran en la agenda.
_LARGO_COMPROMISO = 160


@dataclass
class AgendaOrgano:
    """Lo que un órgano prevé o registra en un mes."""

    organo: str
    temas: list[cal.FilaCalendario] = field(default_factory=list)
    actividades: list[cal.FilaCalendario] = field(default_factory=list)
    programadas: list[tuple[Documento, SesionProgramada]] = field(default_factory=list)
    celebradas: list[FichaSesion] = field(default_factory=list)

    def sesiones_previstas_sin_celebrar_en_el_mes(self, grafo: Grafo) -> list[tuple[Documento, SesionProgramada]]:
        """Las sesiones previstas cuyo registro de celebración no está entre las del mes."""
        celebradas = {s.id for s in self.celebradas}
        return [(d, p) for d, p in self.programadas
                if not {s.id for s in grafo.celebradas_de.get(f"{d.id}/{p.id}", [])} & celebradas]


def por_organo(agenda: cal.Agenda, grafo: Grafo) -> list[AgendaOrgano]:
    """La agenda del mes partida por órgano, en el orden del catálogo (estable)."""
    grupos: dict[str, AgendaOrgano] = {}

    def grupo(organo: str) -> AgendaOrgano:
        return grupos.setdefault(organo, AgendaOrgano(organo))

    for fila in agenda.filas:
        destino = grupo(fila.documento.organo)
        (destino.temas if fila.tipo == "tema" else destino.actividades).append(fila)
    for doc, programada in agenda.programadas:
        grupo(doc.organo).programadas.append((doc, programada))
    for sesion in sorted(agenda.celebradas, key=lambda s: (s.fecha, s.id)):
        grupo(sesion.organo).celebradas.append(sesion)
    orden = {organo: indice for indice, organo in enumerate(grafo.organos)}
    return sorted(grupos.values(), key=lambda g: (orden.get(g.organo, len(orden)), g.organo))


def nombre_organo(grafo: Grafo, organo: str) -> str:
    """El nombre del órgano como lo da el catálogo."""
    return grafo.organos[organo].nombre if organo in grafo.organos else organo


def siglas_organo(grafo: Grafo, organo: str) -> str:
    """Las siglas del órgano o, si no tiene, su nombre."""
    ficha = grafo.organos.get(organo)
    return (ficha.siglas or ficha.nombre) if ficha else organo


def etiqueta_area(grafo: Grafo, area: str | None) -> str | None:
    """El rótulo de un área en los filtros: sus siglas del catálogo o su nombre (``None`` sin
    área). Sale del catálogo, nunca del texto de la página: la misma área da el mismo rótulo."""
    if not area or area not in grafo.areas:
        return None
    ficha = grafo.areas[area]
    return ficha.siglas or ficha.nombre


def _filtros(grafo: Grafo, doc: Documento, area: str | None = None) -> tuple[tuple[str, str], ...]:
    atributos = [("data-filtro-institucion", grafo.instituciones[doc.institucion].siglas)]
    rotulo = etiqueta_area(grafo, area)
    if rotulo:
        atributos.append(("data-filtro-area", rotulo))
    return tuple(atributos)


def nombre_programada(programada: SesionProgramada) -> str:
    """«1.ª sesión ordinaria» o «Sesión extraordinaria» si el programa no da el ordinal."""
    tipo = TIPOS_SESION[programada.tipo]
    if programada.ordinal:
        return f"{programada.ordinal}.ª sesión {tipo}"
    return f"Sesión {tipo}"


def _recorte(texto: str, limite: int) -> str:
    plano = " ".join(texto.split())
    return plano if len(plano) <= limite else plano[:limite].rstrip() + "…"


def _celebrada(sesion: FichaSesion, grafo: Grafo) -> Elemento:
    """Una sesión celebrada: su estado en palabras, su fecha, su plan y sus compromisos."""
    detalles: list[Elemento] = []
    if sesion.programada:
        programa, plan = sesion.programada
        detalles.append(Elemento(unir("Prevista en ", enlace(programa.titulo_corto, urls.documento(programa.id)),
                                      ": ", enlace(f"«{' '.join(plan.texto.split())}»",
                                                   urls.ancla(programa.id, plan.id)))))
    else:
        detalles.append(Elemento("No estaba prevista en un programa publicado."))
    for compromiso in sesion.compromisos:
        informe = grafo.documento_de(compromiso)
        detalles.append(Elemento(unir(
            enlace(f"Compromiso {compromiso.numero}", urls.compromiso(informe.id, compromiso.id)),
            f" ({compromiso.estatus_texto}): {_recorte(compromiso.texto, _LARGO_COMPROMISO)}")))
    institucion = grafo.organos[sesion.organo].institucion if sesion.organo in grafo.organos else ""
    atributos = (("data-filtro-institucion", grafo.instituciones[institucion].siglas),) \
        if institucion in grafo.instituciones else ()
    return Elemento(unir(Marca("Celebrada", "spen-estado spen-estado--celebrada"), " ",
                         enlace(f"{nombre_sesion(sesion)} del {fecha_larga(sesion.fecha)}", urls.sesion(sesion.id))),
                    bloques=(Lista(tuple(detalles)),), atributos=atributos)


def _prevista(doc: Documento, programada: SesionProgramada, grafo: Grafo) -> Elemento:
    """Una sesión prevista cuya celebración no está en el mes: cuándo la prevé el programa y si
    se celebró en otra fecha o no hay registro de que se celebrara."""
    celebradas = grafo.celebradas_de.get(f"{doc.id}/{programada.id}", [])
    if celebradas:
        estado = Marca("Prevista; se celebró en otro mes", "spen-estado spen-estado--movida")
        cuando: Contenido = unir("Se celebró el ", juntar(
            [(enlace(fecha_larga(s.fecha), urls.sesion(s.id)),) for s in celebradas], "; "), ".")
    else:
        estado = Marca("Prevista, sin registro de celebración", "spen-estado spen-estado--pendiente")
        cuando = "Los documentos publicados no registran que se haya celebrado."
    return Elemento(
        unir(estado, " ", enlace(nombre_programada(programada), urls.ancla(doc.id, programada.id))),
        bloques=(Lista((
            Elemento(unir("Prevista en ", enlace(doc.titulo_corto, urls.documento(doc.id)), ": «",
                          " ".join(programada.texto.split()), "»")),
            Elemento(cuando))),),
        atributos=_filtros(grafo, doc))


def _registro(fila: cal.FilaCalendario, grafo: Grafo) -> Elemento:
    """Un tema o una actividad del mes: su texto enlazado y, debajo, de qué documento es, su
    área o mecanismo y todos sus meses."""
    doc = fila.documento
    detalles: list[Contenido] = [unir("En ", enlace(doc.titulo_corto, urls.documento(doc.id)))]
    rotulo = etiqueta_area(grafo, fila.area)
    if rotulo:
        detalles.append(unir("Área: ", enlace(rotulo, urls.area(fila.area or ""))))
    if fila.mecanismo and fila.mecanismo in grafo.mecanismos:
        detalles.append(unir("Mecanismo: ", enlace(grafo.mecanismos[fila.mecanismo][-1][1].nombre,
                                                   urls.mecanismo(fila.mecanismo))))
    elif fila.grupo:
        detalles.append(f"Apartado: {' '.join(fila.grupo.split())}")
    meses = cal.meses_de(fila.calendario)
    if len(meses) > 1:
        detalles.append(f"Meses: {lista_meses(meses)}")
    if fila.calendario is not None and fila.calendario.estado == "periodo":
        detalles.append(f"Periodo en palabras: «{' '.join((fila.calendario.texto or '').split())}»")
    if fila.calendario is not None and fila.calendario.condicion:
        detalles.append(f"Condicional: «{' '.join(fila.calendario.condicion.split())}»")
    return Elemento((enlace(" ".join(fila.texto.split()), urls.ancla(doc.id, fila.id)),),
                    bloques=(Parrafo(juntar(detalles, " · "), clase="spen-agenda__detalle"),),
                    atributos=_filtros(grafo, doc, fila.area))


def _sesiones(grupo: AgendaOrgano, grafo: Grafo) -> tuple[Elemento, ...]:
    return (*(_celebrada(s, grafo) for s in grupo.celebradas),
            *(_prevista(d, p, grafo) for d, p in grupo.sesiones_previstas_sin_celebrar_en_el_mes(grafo)))


def seccion_organo(grupo: AgendaOrgano, grafo: Grafo) -> Seccion:
    """El apartado de un órgano en la agenda del mes: sus sesiones, temas y actividades."""
    organo = grafo.organos.get(grupo.organo)
    institucion = grafo.instituciones.get(organo.institucion) if organo else None
    bloques: list[Bloque] = []
    if institucion is not None:
        bloques.append(Parrafo(institucion.nombre, clase="spen-agenda__institucion"))
    sesiones = _sesiones(grupo, grafo)
    base = f"organo-{grupo.organo}"
    if sesiones:
        bloques.append(Seccion(f"Sesiones ({len(sesiones)})", (Lista(sesiones, clase="spen-agenda"),),
                               id=f"{base}-sesiones", nivel=3))
    if grupo.temas:
        bloques.append(Seccion(f"Temas previstos ({len(grupo.temas)})", (
            Lista(tuple(_registro(f, grafo) for f in grupo.temas), clase="spen-agenda"),), id=f"{base}-temas", nivel=3))
    if grupo.actividades:
        bloques.append(Seccion(f"Actividades y líneas de acción previstas ({len(grupo.actividades)})", (
            Lista(tuple(_registro(f, grafo) for f in grupo.actividades), clase="spen-agenda"),),
            id=f"{base}-actividades", nivel=3))
    return Seccion(nombre_organo(grafo, grupo.organo), tuple(bloques), id=base)


def resumen(grupos: Iterable[AgendaOrgano], grafo: Grafo, leyenda: str) -> Tabla:
    """La tabla de cifras del mes, una fila por órgano: cada sesión cuenta en el suyo."""
    filas = []
    for grupo in grupos:
        previstas = len(grupo.programadas)
        filas.append(Fila((
            nombre_organo(grafo, grupo.organo), str(len(grupo.temas)), str(len(grupo.actividades)),
            str(previstas), str(len(grupo.celebradas)))))
    return Tabla(("Órgano", "Temas", "Actividades y líneas", "Sesiones previstas", "Sesiones celebradas"),
                 tuple(filas), leyenda=leyenda)

