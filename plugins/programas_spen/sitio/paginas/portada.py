"""Los fragmentos de la portada que dicen qué está pasando: programas vigentes, lo previsto este
mes y el siguiente, sesiones por venir y sesiones previstas sin registro, compromisos abiertos,
publicaciones recientes y la fecha de los datos.

«Hoy» es la fecha de corte (``sitio.corte``: de ``SOURCE_DATE_EPOCH``, nunca del reloj de la
construcción), así que la misma entrada da la misma portada. Cada cifra enlaza a sus registros;
todo es texto y enlaces, sin JavaScript. Donde no hay nada que decir, se dice en una frase (y se
muestra lo más cercano), nunca un recuadro vacío.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import TIPOS_DOCUMENTO, Documento, SesionProgramada
from programas_spen.modelo.texto import fecha_larga, nombre_mes, numero
from programas_spen.sitio import urls
from programas_spen.sitio.cambios import vigente
from programas_spen.sitio.corte import Corte
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.compromisos import estatus, fecha_informe, organo_de, resumen
from programas_spen.sitio.paginas.comun import enlace
from programas_spen.sitio.secciones import (
    Bloque,
    Contenido,
    Elemento,
    Enlace,
    Lista,
    Parrafo,
    Seccion,
    juntar,
    unir,
)

#: Cuántos elementos muestra cada lista de la portada antes de enviar al índice completo.
LIMITE = 8

#: Tipos de documento que son un programa o plan (no un informe).
PROGRAMAS = ("programa_anual_trabajo", "programa_anual_comision", "plan_trabajo")


def _plural(cantidad: int, singular: str, plural: str) -> str:
    """«1 tema», «2 temas»."""
    return f"{cantidad} {singular if cantidad == 1 else plural}"


def _lista_o_frase(elementos: Sequence[Elemento], vacio: str, indice: Enlace | None = None) -> tuple[Bloque, ...]:
    """Los primeros ``LIMITE`` elementos en una lista, o la frase ``vacio`` si no hay ninguno;
    después, el enlace al ``indice`` completo (con cuántos más hay, si se cortó la lista)."""
    bloques: list[Bloque] = [Lista(tuple(elementos[:LIMITE])) if elementos else Parrafo(vacio)]
    if indice is not None:
        resto = len(elementos) - LIMITE
        bloques.append(Parrafo(unir(f"Y {resto} más: " if resto > 0 else None, indice, ".")))
    return tuple(bloques)


# --- Fecha de los datos -------------------------------------------------------------------


def fragmento_actualizacion(grafo: Grafo, corte: Corte) -> tuple[Bloque, ...]:
    """La fecha de los datos publicados (la de corte) y el documento más reciente."""
    recientes = publicaciones(grafo)
    partes: list[Contenido] = [f"Datos actualizados al {fecha_larga(corte.iso())}."]
    if recientes:
        doc = recientes[0]
        partes.append(unir(" Documento más reciente: ", enlace(doc.titulo_corto, urls.documento(doc.id)),
                           f" ({fecha_informe(doc)})."))
    return (Parrafo(unir(*partes), clase="spen-actualizacion"),)


# --- Programas vigentes -------------------------------------------------------------------


def programas_vigentes(grafo: Grafo) -> list[Documento]:
    """El programa o plan más reciente de cada órgano (el de su último año; todos los de ese
    año si hay varios), en el orden del sitio."""
    ultimos: dict[str, int] = {}
    for doc in grafo.datos.documentos:
        if doc.tipo in PROGRAMAS:
            ultimos[doc.organo] = max(ultimos.get(doc.organo, doc.anio), doc.anio)
    return [d for d in grafo.datos.documentos if d.tipo in PROGRAMAS and d.anio == ultimos[d.organo]]


def situacion(doc: Documento, corte: Corte) -> str:
    """Dónde está el periodo del programa respecto del mes de corte, en palabras."""
    if doc.periodo is None:
        return f"ejercicio {doc.anio} (la fuente no da los meses de su periodo)"
    periodo = f"de {nombre_mes(doc.periodo.desde)} a {nombre_mes(doc.periodo.hasta)}"
    if corte.mes < doc.periodo.desde:
        return f"{periodo}; todavía no empieza"
    if corte.mes > doc.periodo.hasta:
        return f"{periodo}; su periodo ya terminó y el sitio no tiene uno posterior"
    return f"{periodo}; en curso"


def _cifras_programa(doc: Documento) -> Contenido:
    """Lo que prevé el programa, en cifras que enlazan a su apartado."""
    partes: list[Contenido] = []
    if doc.temas:
        partes.append((enlace(_plural(len(doc.temas), "tema", "temas"), urls.apartado(doc.id, "temas")),))
    if doc.mecanismos:
        actividades = sum(len(m.actividades) for m in doc.mecanismos)
        partes.append((enlace(_plural(actividades, "actividad", "actividades"), urls.apartado(doc.id, "mecanismos")),))
    if doc.cronograma:
        partes.append((enlace(_plural(len(doc.cronograma.filas), "actividad del cronograma",
                                      "actividades del cronograma"), urls.apartado(doc.id, "cronograma")),))
    if doc.lineas_accion:
        partes.append((enlace(_plural(len(doc.lineas_accion), "línea de acción", "líneas de acción"),
                              urls.apartado(doc.id, "lineas-accion")),))
    if doc.sesiones_programadas:
        partes.append((enlace(_plural(len(doc.sesiones_programadas), "sesión programada", "sesiones programadas"),
                              urls.apartado(doc.id, "sesiones-programadas")),))
    return juntar(partes, ", ", " y ")


def fragmento_vigentes(grafo: Grafo, corte: Corte) -> tuple[Bloque, ...]:
    """El programa más reciente de cada órgano, por institución, con su periodo y lo que prevé."""
    programas = programas_vigentes(grafo)
    if not programas:
        return (Parrafo("Todavía no se ha publicado ningún programa."),)
    bloques: list[Bloque] = []
    for institucion in grafo.instituciones.values():
        propios = [d for d in programas if d.institucion == institucion.id]
        if not propios:
            continue
        elementos = []
        for doc in propios:
            organo = grafo.organos[doc.organo]
            cifras = _cifras_programa(doc)
            elementos.append(Elemento(unir(
                enlace(doc.titulo_corto, urls.documento(doc.id)), f" ({organo.siglas or organo.nombre}): ",
                situacion(doc, corte), ". ", unir("Prevé ", cifras, ".") if cifras else None)))
        bloques.append(Seccion((enlace(institucion.nombre, urls.institucion(institucion.id)),),
                               (Lista(tuple(elementos)),), nivel=3))
    return tuple(bloques)


# --- Este mes y el siguiente --------------------------------------------------------------


@dataclass(frozen=True)
class MesPrevisto:
    """Lo que un mes tiene previsto o registrado, por documento."""

    agenda: cal.Agenda

    @property
    def previsto(self) -> bool:
        """Si algún programa prevé algo en el mes (registros o sesiones programadas)."""
        return bool(self.agenda.filas or self.agenda.programadas)


def meses_previstos(grafo: Grafo) -> dict[str, MesPrevisto]:
    """Cada mes con su agenda (``modelo.calendario.agendas``), por ``AAAA-MM``."""
    return {a.mes: MesPrevisto(a) for a in cal.agendas(grafo)}


def _resumen_mes(mes: MesPrevisto, grafo: Grafo) -> tuple[Bloque, ...]:
    """Por documento, cuántos temas, actividades y sesiones caen en el mes, con enlace al mes."""
    agenda = mes.agenda
    por_documento: dict[str, list[str]] = {}
    documentos: dict[str, Documento] = {}
    for fila in agenda.filas:
        documentos[fila.documento.id] = fila.documento
        por_documento.setdefault(fila.documento.id, []).append("tema" if fila.tipo == "tema" else "actividad")
    for doc, _ in agenda.programadas:
        documentos[doc.id] = doc
        por_documento.setdefault(doc.id, []).append("sesion")
    elementos = []
    for doc_id, tipos in por_documento.items():
        partes = [_plural(tipos.count("tema"), "tema", "temas") if "tema" in tipos else "",
                  _plural(tipos.count("actividad"), "actividad", "actividades") if "actividad" in tipos else "",
                  _plural(tipos.count("sesion"), "sesión programada", "sesiones programadas")
                  if "sesion" in tipos else ""]
        cifras = juntar([p for p in partes if p], ", ", " y ")
        elementos.append(Elemento(unir(enlace(documentos[doc_id].titulo_corto, urls.documento(doc_id)), ": ",
                                       enlace(cifras, urls.mes(agenda.mes)))))
    if agenda.celebradas:
        elementos.append(Elemento(unir(
            "Sesiones celebradas: ",
            juntar([(enlace(f"{grafo.organos[s.organo].siglas or grafo.organos[s.organo].nombre}, "
                            f"{fecha_larga(s.fecha)}", urls.sesion(s.id)),) for s in agenda.celebradas], "; "))))
    return (Seccion((enlace(nombre_mes(agenda.mes).capitalize(), urls.mes(agenda.mes)),),
                    (Lista(tuple(elementos)),), id=f"mes-{agenda.mes}", nivel=3),)


def fragmento_este_mes(grafo: Grafo, corte: Corte) -> tuple[Bloque, ...]:
    """Lo previsto en el mes de corte y el siguiente; si no hay nada, lo dice y muestra el
    último mes con algo previsto antes del corte y el primero después (los que haya)."""
    meses = meses_previstos(grafo)
    actuales = [meses[m] for m in (corte.mes, corte.mes_siguiente) if m in meses and meses[m].previsto]
    if actuales:
        bloques: list[Bloque] = []
        for mes in actuales:
            bloques += _resumen_mes(mes, grafo)
        return tuple(bloques)
    previstos = sorted(m for m, v in meses.items() if v.previsto)
    frase = (f"Ningún documento publicado prevé nada para {nombre_mes(corte.mes)} ni para "
             f"{nombre_mes(corte.mes_siguiente)}.")
    if not previstos:
        return (Parrafo(frase + " Los documentos publicados no dan meses para sus registros."),)
    antes = [m for m in previstos if m < corte.mes]
    despues = [m for m in previstos if m > corte.mes_siguiente]
    cercanos = ([antes[-1]] if antes else []) + ([despues[0]] if despues else [])
    if antes:
        frase += f" Lo último que prevén los programas publicados es de {nombre_mes(antes[-1])}."
    if despues:
        frase += f" Lo siguiente que prevén es de {nombre_mes(despues[0])}."
    bloques = [Parrafo(frase)]
    for mes in cercanos:
        bloques += _resumen_mes(meses[mes], grafo)
    bloques.append(Parrafo(unir("Todos los meses: ", enlace("calendario", urls.CALENDARIO), ".")))
    return tuple(bloques)


# --- Sesiones -----------------------------------------------------------------------------


def _programada(doc: Documento, plan: SesionProgramada, grafo: Grafo) -> Elemento:
    """Una sesión programada: órgano, cómo la escribe el programa, su mes y el programa."""
    organo = grafo.organos[doc.organo]
    return Elemento(unir(enlace(f"{organo.siglas or organo.nombre}: {' '.join(plan.texto.split())}",
                                urls.ancla(doc.id, plan.id)), f" ({nombre_mes(plan.mes)}) — ",
                         enlace(doc.titulo_corto, urls.documento(doc.id))))


def sesiones_pendientes(grafo: Grafo, corte: Corte) -> tuple[list[Elemento], list[Elemento]]:
    """(por venir, previstas sin registro): las sesiones programadas sin sesión celebrada
    registrada, del mes de corte en adelante y de antes del mes de corte (las más recientes
    primero)."""
    proximas, sin_registro = [], []
    for ref, (doc, plan) in sorted(grafo.programadas.items(), key=lambda par: (par[1][1].mes, par[0])):
        if grafo.celebradas_de.get(ref):
            continue
        (proximas if plan.mes >= corte.mes else sin_registro).append(_programada(doc, plan, grafo))
    return proximas, sin_registro[::-1]


def fragmento_sesiones(grafo: Grafo, corte: Corte) -> tuple[Bloque, ...]:
    """Sesiones programadas por venir y sesiones previstas de las que ningún documento
    publicado registra que se celebraran."""
    proximas, sin_registro = sesiones_pendientes(grafo, corte)
    todas = enlace("Todas las sesiones, programadas y celebradas", urls.SESIONES)
    pasadas: tuple[Bloque, ...] = (Parrafo(
        "Todas las sesiones que los programas publicados preveían antes de este mes tienen registro de su "
        "celebración."),)
    if sin_registro:
        pasadas = (Parrafo("Sesiones que un programa preveía antes de este mes y que ningún documento publicado "
                           "registra como celebradas (pudieron celebrarse: el sitio solo sabe lo que dicen los "
                           "documentos publicados)."),
                   *_lista_o_frase(sin_registro, "", todas))
    return (
        Seccion("Por venir", _lista_o_frase(
            proximas, f"Ningún programa publicado prevé sesiones de {nombre_mes(corte.mes)} en adelante.", todas),
            id="sesiones-por-venir", nivel=3),
        Seccion("Previstas sin registro de que se celebraran", pasadas, id="sesiones-sin-registro", nivel=3),
    )


# --- Compromisos abiertos -----------------------------------------------------------------


def fragmento_compromisos_abiertos(grafo: Grafo, corte: Corte) -> tuple[Bloque, ...]:
    """Los compromisos sin concluir según el informe más reciente que los sigue, con su
    porcentaje y el informe que lo dice."""
    elementos = []
    for doc in grafo.datos.documentos:
        for c in doc.compromisos:
            if c.estatus == "concluido" or not vigente(c, grafo):
                continue
            institucion, organo = organo_de(c, grafo)
            elementos.append(Elemento(unir(
                enlace(f"{organo}, compromiso {c.numero}: {resumen(c.texto, 140)}", urls.compromiso(doc.id, c.id)),
                f" — {estatus(c)}, {numero(c.porcentaje)} % según el ",
                enlace(doc.titulo_corto, urls.documento(doc.id)), f" ({fecha_informe(doc)}).")))
    return _lista_o_frase(elementos, "Según los informes publicados, todos los compromisos están concluidos.",
                          enlace("Todos los compromisos y su seguimiento", urls.COMPROMISOS))


# --- Publicaciones recientes --------------------------------------------------------------


def publicaciones(grafo: Grafo) -> list[Documento]:
    """Los documentos del más reciente al más antiguo: por su fecha o, sin ella, por su año."""
    return sorted(grafo.datos.documentos, key=lambda d: (d.fecha or f"{d.anio:04d}-00-00", d.id), reverse=True)


def fragmento_publicaciones(grafo: Grafo, corte: Corte) -> tuple[Bloque, ...]:
    """Los últimos documentos publicados, con su fecha y su tipo."""
    elementos = [Elemento(unir(enlace(d.titulo_corto, urls.documento(d.id)), f" — {TIPOS_DOCUMENTO[d.tipo]}, "
                               f"{fecha_larga(d.fecha) if d.fecha else f'ejercicio {d.anio}'}."))
                 for d in publicaciones(grafo)[:5]]
    return _lista_o_frase(elementos, "Todavía no se ha publicado ningún documento.",
                          enlace("Todos los documentos", urls.DOCUMENTOS))
