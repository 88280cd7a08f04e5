"""Páginas de sesiones celebradas y el índice de sesiones programadas frente a celebradas."""

from __future__ import annotations

from .. import urls
from ..enlaces import FichaSesion, Grafo
from ..modelo import TIPOS_SESION
from ..texto import fecha_larga, nombre_mes, numero
from .comun import Pagina, enlace, md, pie_siglas, siglas_del_sitio

_ORDINALES = ("Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava",
              "Novena", "Décima")


def nombre_sesion(sesion: FichaSesion) -> str:
    """«Primera sesión ordinaria» o «Sesión ordinaria» si la fuente no da el ordinal."""
    tipo = TIPOS_SESION[sesion.tipo]
    if sesion.ordinal and sesion.ordinal <= len(_ORDINALES):
        return f"{_ORDINALES[sesion.ordinal - 1]} sesión {tipo}"
    return f"Sesión {tipo}"


def pagina_sesion(sesion: FichaSesion, grafo: Grafo) -> Pagina:
    """Página de una sesión: cómo la nombran los documentos, su plan y lo que salió de ella."""
    desde = urls.sesion(sesion.id).ruta
    organo = grafo.organos[sesion.organo]
    titulo = f"{nombre_sesion(sesion)} del {fecha_larga(sesion.fecha)}"
    lineas = [f"# {titulo}", "", f"**{md(organo.nombre)}**", "",
              "## Cómo la nombran los documentos", ""]
    for doc, declarada in sesion.declaraciones:
        lineas.append(f"- «{md(declarada.texto)}» — "
                      f"{enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)} "
                      f"({md(declarada.fuente.describir())})")
    lineas += ["", "## Programación", ""]
    if sesion.programada:
        programa, plan = sesion.programada
        lineas.append(f"Prevista por el {enlace(md(programa.titulo_corto), urls.ancla(programa.id, plan.id), desde)}:"
                      f" «{md(plan.texto)}» ({nombre_mes(plan.mes)}).")
    else:
        lineas.append("Ningún programa publicado en el sitio prevé esta sesión.")
    lineas.append("")
    if sesion.compromisos:
        lineas += ["## Compromisos y acuerdos que surgieron de ella", "",
                   "| No. | Compromiso | Estatus | Avance | Informe |", "| --- | --- | --- | --- | --- |"]
        for compromiso in sesion.compromisos:
            informe = grafo.documento_de(compromiso)
            texto = " ".join(compromiso.texto.split())
            resumen = md(texto[:140] + ("…" if len(texto) > 140 else ""))
            lineas.append(
                f"| {compromiso.numero} | {enlace(resumen, urls.compromiso(informe.id, compromiso.id), desde)}"
                f" | {md(compromiso.estatus_texto)} | {numero(compromiso.porcentaje)} % | "
                f"{enlace(md(informe.titulo_corto), urls.documento(informe.id), desde)} |")
        lineas.append("")
    if sesion.acuerdos:
        lineas += ["## Acuerdos aprobados en ella", ""]
        lineas += [f"- {enlace(n, urls.acuerdo(n), desde)}" for n in sesion.acuerdos] + [""]
    if sesion.documentos_presentados:
        lineas += ["## Documentos presentados en ella", ""]
        lineas += [f"- {enlace(md(d.titulo_corto), urls.documento(d.id), desde)}"
                   for d in sesion.documentos_presentados] + [""]
    lineas.append(f"[Todas las sesiones]({urls.SESIONES.desde(desde)})")
    contenido = "\n".join(lineas) + pie_siglas(siglas_del_sitio(grafo))
    return Pagina(desde, f"{titulo} — {organo.siglas or organo.nombre}", contenido)


def pagina_indice_sesiones(grafo: Grafo) -> Pagina:
    """Índice: por órgano, sesiones programadas y celebradas lado a lado."""
    desde = urls.SESIONES.ruta
    lineas = ["# Sesiones", "",
              "Sesiones que los programas prevén y sesiones celebradas que nombran los documentos, "
              "por órgano. Una sesión programada sin sesión celebrada registrada, o una sesión "
              "celebrada fuera del mes previsto, queda a la vista.", ""]
    organos = list(dict.fromkeys(
        [s.organo for s in grafo.sesiones.values()]
        + [d.organo for d, _ in grafo.programadas.values()]))
    for organo_id in organos:
        organo = grafo.organos[organo_id]
        lineas += [f"## {md(organo.nombre)} {{#organo-{organo_id}}}", ""]
        programadas = [(d, p) for d, p in grafo.programadas.values() if d.organo == organo_id]
        if programadas:
            lineas += ["### Programadas", "", "| Programa | Sesión prevista | Mes | Celebrada |",
                       "| --- | --- | --- | --- |"]
            for doc, plan in programadas:
                celebradas = grafo.celebradas_de.get(f"{doc.id}/{plan.id}", [])
                celebrada = "; ".join(enlace(fecha_larga(s.fecha), urls.sesion(s.id), desde)
                                      for s in celebradas) or "Sin registro"
                lineas.append(
                    f"| {enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)} | "
                    f"{enlace(md(plan.texto), urls.ancla(doc.id, plan.id), desde)}"
                    f" | {nombre_mes(plan.mes)} | {celebrada} |")
            lineas.append("")
        celebradas = [s for s in grafo.sesiones.values() if s.organo == organo_id]
        if celebradas:
            lineas += ["### Celebradas", "", "| Fecha | Sesión | Prevista | Compromisos |",
                       "| --- | --- | --- | --- |"]
            for sesion in celebradas:
                prevista = (nombre_mes(sesion.programada[1].mes) if sesion.programada
                            else "No prevista en un programa publicado")
                lineas.append(f"| {fecha_larga(sesion.fecha)} | "
                              f"{enlace(nombre_sesion(sesion), urls.sesion(sesion.id), desde)} | "
                              f"{prevista} | {len(sesion.compromisos)} |")
            lineas.append("")
    contenido = "\n".join(lineas) + pie_siglas(siglas_del_sitio(grafo))
    return Pagina(desde, "Sesiones", contenido)
