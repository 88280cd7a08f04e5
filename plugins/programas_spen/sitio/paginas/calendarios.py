"""Páginas de calendario: rejilla y línea de tiempo de cada documento, sus gráficas, la agenda
de cada mes y de cada año a través de todos los documentos, y la página de suscripción a los
feeds iCalendar."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import Documento
from programas_spen.modelo.texto import NOMBRES_MESES, fecha_larga, nombre_mes
from programas_spen.paralelo import Tarea
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaSesion, Grafo
from programas_spen.sitio.paginas.comun import (
    SIN_BUSQUEDA,
    Pagina,
    con_siglas,
    describir_calendario,
    enlace,
    md,
    peso_documento,
    siglas_del_sitio,
)
from programas_spen.sitio.paginas.graficas import graficas_documento, linea_de_tiempo
from programas_spen.sitio.paginas.rejilla import LEYENDA, rejilla
from programas_spen.sitio.paginas.sesiones import nombre_sesion


def scripts_graficas(desde: str) -> str:
    """Las etiquetas ``<script>`` de Plotly y del dibujante; solo en páginas con gráficas."""
    return (f'<script src="{urls.activo_desde(urls.ACTIVO_PLOTLY, desde)}"></script>\n'
            f'<script src="{urls.activo_desde(urls.ACTIVO_GRAFICAS, desde)}"></script>\n')


def nombre_feed_documento(doc: Documento) -> str:
    """Nombre del feed iCalendar de un documento."""
    return f"documento-{doc.id}"


def nombre_feed_organo(organo: str) -> str:
    """Nombre del feed iCalendar de las sesiones de un órgano."""
    return f"sesiones-{organo}"


def _enlace_feed(nombre: str, desde: str, texto: str) -> str:
    return f"[{texto}]({urls.archivo_desde(urls.feed(nombre), desde)})"


def pagina_calendario_documento(doc: Documento, grafo: Grafo) -> Pagina:
    """Rejilla de meses del documento y, si tiene meses, su línea de tiempo."""
    desde = urls.calendario_documento(doc.id).ruta
    linea = linea_de_tiempo(doc)
    lineas = [f"# Calendario: {md(doc.titulo_corto)}", "",
              f"Documento: {enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)} — "
              f"{_enlace_feed(nombre_feed_documento(doc), desde, 'suscribirse (iCalendar)')} — "
              f"{enlace('cómo suscribirse', urls.SUSCRIPCIONES, desde)}", "",
              "## Rejilla de meses {#rejilla}", "",
              "Cada fila es un registro del documento con su calendario tal como lo da la fuente.", "",
              rejilla(doc, grafo, desde), "", "### Leyenda {#leyenda}", "", LEYENDA, ""]
    meses = cal.columnas(doc)
    if meses:
        lineas += ["### Agenda de cada mes {#meses}", "",
                   " · ".join(enlace(nombre_mes(m), urls.mes(m), desde) for m in meses), ""]
    if linea:
        lineas += ["## Línea de tiempo {#linea}", "", linea.markdown(), scripts_graficas(desde)]
    else:
        lineas += ["## Línea de tiempo {#linea}", "",
                   "Ningún registro de este documento tiene meses en la fuente, así que no hay línea de tiempo "
                   "que dibujar: la rejilla muestra por qué (No dado en la fuente, o periodo en palabras).", ""]
    contenido = con_siglas("\n".join(lineas), doc.siglas, siglas_del_sitio(grafo))
    return Pagina(desde, f"Calendario — {doc.titulo_corto}", contenido, meta=dict(SIN_BUSQUEDA))


def pagina_graficas_documento(doc: Documento, grafo: Grafo) -> Pagina | None:
    """Gráficas de cifras del documento, o ``None`` si no tiene ninguna."""
    graficas = graficas_documento(doc, grafo)
    if not graficas:
        return None
    desde = urls.graficas_documento(doc.id).ruta
    lineas = [f"# Cifras y gráficas: {md(doc.titulo_corto)}", "",
              f"Documento: {enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)}. Cada gráfica se "
              "calcula de los registros publicados y va acompañada de su tabla; donde el documento publica "
              "cifras propias, se ponen al lado y se explica si difieren.", ""]
    lineas += [g.markdown() for g in graficas]
    lineas.append(scripts_graficas(desde))
    contenido = con_siglas("\n".join(lineas), doc.siglas, siglas_del_sitio(grafo))
    return Pagina(desde, f"Cifras — {doc.titulo_corto}", contenido, meta=dict(SIN_BUSQUEDA))


def _institucion(grafo: Grafo, doc: Documento) -> str:
    return md(grafo.instituciones[doc.institucion].siglas)


def _area(grafo: Grafo, fila: cal.FilaCalendario) -> str:
    if fila.area:
        area = grafo.areas[fila.area]
        return md(area.siglas or area.nombre)
    return "—"


def _mecanismo(grafo: Grafo, fila: cal.FilaCalendario) -> str:
    if fila.mecanismo and fila.mecanismo in grafo.mecanismos:
        return md(grafo.mecanismos[fila.mecanismo][-1][1].nombre)
    return md(fila.grupo) if fila.grupo and fila.tipo == "linea" else "—"


def _sesion_celebrada(sesion: FichaSesion, grafo: Grafo, desde: str) -> list[str]:
    organo = grafo.organos[sesion.organo]
    lineas = [f"- {enlace(f'{nombre_sesion(sesion)} del {fecha_larga(sesion.fecha)}', urls.sesion(sesion.id), desde)}"
              f" — {md(organo.siglas or organo.nombre)}"]
    if sesion.programada:
        programa, plan = sesion.programada
        lineas.append(f"    - Prevista: {enlace(md(plan.texto), urls.ancla(programa.id, plan.id), desde)}")
    for compromiso in sesion.compromisos:
        informe = grafo.documento_de(compromiso)
        texto = " ".join(compromiso.texto.split())
        destino = urls.compromiso(informe.id, compromiso.id)
        lineas.append(f"    - {enlace(f'Compromiso {compromiso.numero}', destino, desde)}"
                      f" ({md(compromiso.estatus_texto)}): {md(texto[:160])}{'…' if len(texto) > 160 else ''}")
    return lineas


def pagina_mes(agenda: cal.Agenda, grafo: Grafo, anterior: str | None, siguiente: str | None) -> Pagina:
    """Todo lo que cae en un mes en todos los documentos, con filtros que son mejora progresiva."""
    desde = urls.mes(agenda.mes).ruta
    titulo = nombre_mes(agenda.mes).capitalize()
    navegacion = [enlace(f"← {nombre_mes(anterior)}", urls.mes(anterior), desde)] if anterior else []
    navegacion.append(enlace(f"Año {agenda.mes[:4]}", urls.anio(agenda.mes[:4]), desde))
    if siguiente:
        navegacion.append(enlace(f"{nombre_mes(siguiente)} →", urls.mes(siguiente), desde))
    lineas = [f"# {titulo}", "", " · ".join(navegacion), "",
              f"Lo que los documentos publicados prevén o registran para {nombre_mes(agenda.mes)}. "
              "Los registros cuyos meses no da la fuente no aparecen en ningún mes: están en la rejilla de su "
              "documento como «No dado en la fuente».", "",
              '<div class="spen-filtros" data-filtros hidden></div>', ""]
    if agenda.vacia:
        lineas += ["Ningún documento publicado tiene nada previsto o registrado para este mes.", ""]
    if agenda.celebradas:
        lineas += ["## Sesiones celebradas {#celebradas}", ""]
        for sesion in agenda.celebradas:
            lineas += _sesion_celebrada(sesion, grafo, desde)
        lineas.append("")
    if agenda.programadas:
        lineas += ["## Sesiones programadas {#programadas}", "",
                   "| Institución | Programa | Sesión | Celebrada |", "| --- | --- | --- | --- |"]
        for doc, plan in agenda.programadas:
            celebradas = grafo.celebradas_de.get(f"{doc.id}/{plan.id}", [])
            celebrada = "; ".join(enlace(fecha_larga(s.fecha), urls.sesion(s.id), desde) for s in celebradas) \
                or "Sin registro"
            programa = enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)
            lineas.append(f"| {_institucion(grafo, doc)} | {programa}"
                          f" | {enlace(md(plan.texto), urls.ancla(doc.id, plan.id), desde)} | {celebrada} |")
        lineas.append("")
    temas = [f for f in agenda.filas if f.tipo == "tema"]
    otras = [f for f in agenda.filas if f.tipo != "tema"]
    for titulo_tabla, ancla, filas in (("Temas de programas de comisión", "temas", temas),
                                       ("Actividades y líneas de acción", "actividades", otras)):
        if not filas:
            continue
        lineas += [f"## {titulo_tabla} {{#{ancla}}}", "",
                   "| Institución | Documento | Registro | Área | Mecanismo | Calendario |",
                   "| --- | --- | --- | --- | --- | --- |"]
        for fila in filas:
            texto = " ".join(fila.texto.split())
            lineas.append(f"| {_institucion(grafo, fila.documento)} | "
                          f"{enlace(md(fila.documento.titulo_corto), urls.documento(fila.documento.id), desde)} | "
                          f"{enlace(md(texto), urls.ancla(fila.documento.id, fila.id), desde)} | "
                          f"{_area(grafo, fila)} | {_mecanismo(grafo, fila)} | "
                          f"{describir_calendario(fila.calendario)} |")
        lineas.append("")
    lineas.append(f'<script src="{urls.activo_desde(urls.ACTIVO_FILTROS, desde)}"></script>')
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, f"{titulo} — calendario", contenido, meta=dict(SIN_BUSQUEDA))


def pagina_anio(anio: str, agendas: Sequence[cal.Agenda], grafo: Grafo) -> Pagina:
    """Resumen de un año: cuántos registros y sesiones hay en cada mes."""
    desde = urls.anio(anio).ruta
    lineas = [f"# Calendario {anio}", "", enlace("Todos los años", urls.CALENDARIO, desde), "",
              "| Mes | Temas | Actividades y líneas | Sesiones programadas | Sesiones celebradas |",
              "| --- | --- | --- | --- | --- |"]
    for agenda in agendas:
        temas = sum(1 for f in agenda.filas if f.tipo == "tema")
        lineas.append(f"| {enlace(NOMBRES_MESES[int(agenda.mes[5:]) - 1].capitalize(), urls.mes(agenda.mes), desde)}"
                      f" | {temas} | {len(agenda.filas) - temas} | {len(agenda.programadas)} | "
                      f"{len(agenda.celebradas)} |")
    contenido = "\n".join(lineas) + "\n"
    return Pagina(desde, f"Calendario {anio}", contenido)


def pagina_indice_calendario(anios: Sequence[str], grafo: Grafo) -> Pagina:
    """Índice del calendario: años, calendarios por documento y suscripciones."""
    desde = urls.CALENDARIO.ruta
    lineas = ["# Calendario", "",
              "Qué se hace en cada mes, en todos los documentos publicados: actividades, temas, sesiones "
              "programadas y sesiones celebradas.", "", "## Por año", ""]
    lineas += [f"- {enlace(a, urls.anio(a), desde)}" for a in anios]
    lineas += ["", "## Por documento", ""]
    for doc in grafo.datos.documentos:
        if cal.tiene_calendario(doc):
            lineas.append(f"- {enlace(md(doc.titulo_corto), urls.calendario_documento(doc.id), desde)}")
    lineas += ["", f"Para llevar los calendarios a su teléfono o a su agenda: "
               f"{enlace('suscripciones iCalendar', urls.SUSCRIPCIONES, desde)}.", ""]
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, "Calendario", contenido)


def pagina_suscripciones(grafo: Grafo, organos: Sequence[str]) -> Pagina:
    """Cómo suscribirse a los feeds iCalendar, en palabras sencillas, y la lista de feeds."""
    desde = urls.SUSCRIPCIONES.ruta
    lineas = ["# Suscribirse a los calendarios", "",
              "Cada calendario de este sitio se puede añadir a la agenda de su teléfono o de su computadora. "
              "Al suscribirse, su agenda consulta el calendario de vez en cuando y muestra los cambios: si se "
              "publica una sesión nueva o se corrige una fecha, aparece sola, sin duplicarse.", "",
              "## Cómo suscribirse", "",
              "1. Copie la dirección del calendario que le interese (clic derecho o pulsación larga sobre el "
              "enlace, «Copiar dirección del enlace»).",
              "2. Según su agenda:",
              "    - **Google Calendar** (en la computadora): en «Otros calendarios» pulse **+**, elija «Desde "
              "URL», pegue la dirección y pulse «Añadir calendario».",
              "    - **Outlook**: «Agregar calendario» → «Suscribirse desde web», pegue la dirección, póngale "
              "un nombre e «Importar».",
              "    - **iPhone o iPad**: Ajustes → Calendario → Cuentas → Añadir cuenta → Otra → «Añadir "
              "calendario suscrito», pegue la dirección.",
              "    - **Android**: suscríbase desde Google Calendar en la computadora (paso anterior); el "
              "calendario aparecerá en el teléfono con la misma cuenta.",
              "3. Si solo quiere una copia (sin actualizaciones), descargue el archivo `.ics` y ábralo con su "
              "agenda.", "",
              "Las actividades y temas aparecen como eventos de día completo que abarcan sus meses; las "
              "sesiones celebradas, en su fecha; las sesiones programadas, en la semana que prevé su programa. "
              "Lo que la fuente no da no aparece en ningún calendario. Cada evento lleva el enlace permanente "
              "de su registro en este sitio.", "",
              "## Calendarios disponibles", "", "| Calendario | Qué contiene | Archivo |", "| --- | --- | --- |",
              f"| Todo | Todos los documentos y todas las sesiones | "
              f"{_enlace_feed('todo', desde, 'todo.ics')} |"]
    for organo in organos:
        datos = grafo.organos[organo]
        lineas.append(f"| Sesiones: {md(datos.nombre)} | Sesiones programadas y celebradas | "
                      f"{_enlace_feed(nombre_feed_organo(organo), desde, nombre_feed_organo(organo) + '.ics')} |")
    for doc in grafo.datos.documentos:
        if cal.tiene_calendario(doc):
            nombre = nombre_feed_documento(doc)
            lineas.append(f"| {enlace(md(doc.titulo_corto), urls.calendario_documento(doc.id), desde)} | "
                          f"Calendario del documento | {_enlace_feed(nombre, desde, nombre + '.ics')} |")
    contenido = "\n".join(lineas) + "\n"
    return Pagina(desde, "Suscribirse a los calendarios", contenido)


def organos_con_sesiones(grafo: Grafo) -> list[str]:
    """Órganos que tienen sesiones programadas o celebradas, en orden estable."""
    return list(dict.fromkeys([d.organo for d, _ in grafo.programadas.values()]
                              + [s.organo for s in grafo.sesiones.values()]))


def tareas_calendario(grafo: Grafo) -> list[Tarea[Pagina | None]]:
    """Una tarea por página de calendario, en orden estable (ver ``paginas_calendario``); la de
    gráficas de un documento sin gráficas da ``None``."""
    tareas: list[Tarea[Pagina | None]] = []
    for doc in grafo.datos.documentos:
        if cal.tiene_calendario(doc):
            tareas.append(Tarea(partial(pagina_calendario_documento, doc, grafo), peso_documento(doc)))
        tareas.append(Tarea(partial(pagina_graficas_documento, doc, grafo), peso_documento(doc)))
    lista = list(cal.agendas(grafo))
    for indice, agenda in enumerate(lista):
        anterior = lista[indice - 1].mes if indice else None
        siguiente = lista[indice + 1].mes if indice + 1 < len(lista) else None
        tareas.append(Tarea(partial(pagina_mes, agenda, grafo, anterior, siguiente),
                            10 + len(agenda.filas) + len(agenda.programadas) + len(agenda.celebradas)))
    anios = sorted({a.mes[:4] for a in lista})
    for anio in anios:
        tareas.append(Tarea(partial(pagina_anio, anio, [a for a in lista if a.mes.startswith(anio)], grafo)))
    tareas.append(Tarea(partial(pagina_indice_calendario, anios, grafo)))
    tareas.append(Tarea(partial(pagina_suscripciones, grafo, organos_con_sesiones(grafo))))
    return tareas


def paginas_calendario(grafo: Grafo) -> list[Pagina]:
    """Todas las páginas de calendario del sitio."""
    return [pagina for tarea in tareas_calendario(grafo) if (pagina := tarea.hacer()) is not None]
