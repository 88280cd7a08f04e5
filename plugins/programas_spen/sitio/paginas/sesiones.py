"""Páginas de sesiones celebradas y el índice de sesiones programadas frente a celebradas."""

from __future__ import annotations

from programas_spen.modelo.calendario import meses_de, semana_del_mes
from programas_spen.modelo.registros import TIPOS_SESION, Documento, Tema
from programas_spen.modelo.texto import fecha_larga, nombre_mes, numero
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaSesion, Grafo
from programas_spen.sitio.paginas.comun import Pagina, con_siglas, enlace, md, siglas_del_sitio

_ORDINALES = ("Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava",
              "Novena", "Décima")


def nombre_sesion(sesion: FichaSesion) -> str:
    """«Primera sesión ordinaria» o «Sesión ordinaria» si la fuente no da el ordinal."""
    tipo = TIPOS_SESION[sesion.tipo]
    if sesion.ordinal and sesion.ordinal <= len(_ORDINALES):
        return f"{_ORDINALES[sesion.ordinal - 1]} sesión {tipo}"
    return f"Sesión {tipo}"


def temas_del_mes(organo: str, mes: str, grafo: Grafo) -> list[tuple[Documento, Tema]]:
    """Temas de los programas del órgano marcados en ``mes`` (índice calculado una vez por
    grafo: recorrer todos los documentos en cada sesión era cuadrático)."""
    indice = grafo.memo.get("temas_por_organo_y_mes")
    if not isinstance(indice, dict):
        indice = {}
        for doc in grafo.datos.documentos:
            for tema in doc.temas:
                for mes_tema in meses_de(tema.calendario):
                    indice.setdefault((doc.organo, mes_tema), []).append((doc, tema))
        grafo.memo["temas_por_organo_y_mes"] = indice
    return list(indice.get((organo, mes), []))


def coincidencia(sesion: FichaSesion) -> str:
    """Cómo cuadra una sesión celebrada con la que preveía su programa."""
    if sesion.programada is None:
        return "No prevista en un programa publicado"
    plan = sesion.programada[1]
    if sesion.fecha[:7] != plan.mes:
        return f"Fuera del mes previsto ({nombre_mes(plan.mes)})"
    if plan.semana and semana_del_mes(int(sesion.fecha[8:10])) != plan.semana:
        return f"En el mes previsto, fuera de la semana {plan.semana}"
    return "En el mes y la semana previstos" if plan.semana else "En el mes previsto"


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
    temas = temas_del_mes(sesion.organo, sesion.fecha[:7], grafo)
    if temas:
        lineas += [f"## Temas que el programa prevé para {nombre_mes(sesion.fecha[:7])}", "",
                   "Temas del programa anual de la comisión marcados en el mes de la sesión (la fuente no dice en "
                   "qué sesión se trata cada tema).", ""]
        for programa, tema in temas:
            texto = " ".join(tema.texto.split())
            lineas.append(f"- {enlace(md(texto), urls.tema(programa.id, tema.id), desde)}")
        agenda = enlace(nombre_mes(sesion.fecha[:7]), urls.mes(sesion.fecha[:7]), desde)
        lineas += ["", f"Agenda completa del mes: {agenda}.", ""]
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
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, f"{titulo} — {organo.siglas or organo.nombre}", contenido,
                  institucion=organo.institucion)


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
            lineas += ["### Programadas frente a celebradas", "",
                       "| Programa | Sesión prevista | Mes | Celebrada | Coincidencia | Temas previstos ese mes |",
                       "| --- | --- | --- | --- | --- | --- |"]
            for doc, plan in programadas:
                celebradas = grafo.celebradas_de.get(f"{doc.id}/{plan.id}", [])
                celebrada = "; ".join(enlace(fecha_larga(s.fecha), urls.sesion(s.id), desde)
                                      for s in celebradas) or "Sin registro en los documentos publicados"
                estado = "; ".join(coincidencia(s) for s in celebradas) or "Sin registro"
                temas = len(temas_del_mes(organo_id, plan.mes, grafo))
                lineas.append(
                    f"| {enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)} | "
                    f"{enlace(md(plan.texto), urls.ancla(doc.id, plan.id), desde)}"
                    f" | {nombre_mes(plan.mes)} | {celebrada} | {estado} | "
                    f"{enlace(str(temas), urls.mes(plan.mes), desde)} |")
            lineas.append("")
        celebradas = [s for s in grafo.sesiones.values() if s.organo == organo_id]
        if celebradas:
            lineas += ["### Celebradas", "", "| Fecha | Sesión | Coincidencia con el programa | Compromisos |",
                       "| --- | --- | --- | --- |"]
            for sesion in celebradas:
                lineas.append(f"| {fecha_larga(sesion.fecha)} | "
                              f"{enlace(nombre_sesion(sesion), urls.sesion(sesion.id), desde)} | "
                              f"{coincidencia(sesion)} | {len(sesion.compromisos)} |")
            lineas.append("")
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, "Sesiones", contenido)
