"""Páginas de calendario: rejilla y línea de tiempo de cada documento, sus gráficas, la agenda
de cada mes y de cada año a través de todos los documentos, y la página de suscripción a los
feeds iCalendar."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import Documento
from programas_spen.modelo.texto import NOMBRES_MESES, fecha_larga, nombre_mes
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaSesion, Grafo
from programas_spen.sitio.paginas import rejilla as rejilla_de_meses
from programas_spen.sitio.paginas.comun import SIN_BUSQUEDA, Pagina, describir_calendario, enlace, siglas_de
from programas_spen.sitio.paginas.graficas import graficas_documento, linea_de_tiempo
from programas_spen.sitio.paginas.sesiones import nombre_sesion
from programas_spen.sitio.secciones import (
    Bloque,
    Bloques,
    Codigo,
    Contenido,
    Elemento,
    Enlace,
    Fila,
    Fuerte,
    Html,
    Lista,
    Parrafo,
    Seccion,
    Tabla,
    juntar,
    unir,
)


def scripts_graficas(desde: str) -> Html:
    """Las etiquetas ``<script>`` de Plotly y del dibujante; solo en páginas con gráficas."""
    return Html(Markup('<script src="{}"></script>\n<script src="{}"></script>').format(
        urls.activo_desde(urls.ACTIVO_PLOTLY, desde), urls.activo_desde(urls.ACTIVO_GRAFICAS, desde)))


def nombre_feed_documento(doc: Documento) -> str:
    """Nombre del feed iCalendar de un documento."""
    return f"documento-{doc.id}"


def nombre_feed_organo(organo: str) -> str:
    """Nombre del feed iCalendar de las sesiones de un órgano."""
    return f"sesiones-{organo}"


def _enlace_feed(nombre: str, desde: str, texto: str) -> Enlace:
    """Enlace al archivo ``.ics`` de un feed, relativo a la página ``desde``."""
    return Enlace(texto, urls.activo_desde(urls.feed(nombre), desde))


def _rejilla_y_leyenda(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """La rejilla de meses del documento y su leyenda (``paginas.rejilla``)."""
    tabla = rejilla_de_meses.rejilla(doc, grafo)
    bloques: list[Bloque] = [tabla] if tabla else []
    return (*bloques, Seccion("Leyenda", (rejilla_de_meses.LEYENDA,), id="leyenda", nivel=3))


def pagina_calendario_documento(doc: Documento, grafo: Grafo) -> Pagina:
    """Rejilla de meses del documento y, si tiene meses, su línea de tiempo."""
    desde = urls.calendario_documento(doc.id).ruta
    rejilla: list[Bloque] = [
        Parrafo("Cada fila es un registro del documento con su calendario tal como lo da la fuente."),
        *_rejilla_y_leyenda(doc, grafo)]
    meses = cal.columnas(doc)
    if meses:
        rejilla.append(Seccion("Agenda de cada mes", (
            Parrafo(juntar([(enlace(nombre_mes(m), urls.mes(m)),) for m in meses], " · ")),), id="meses", nivel=3))
    linea = linea_de_tiempo(doc)
    if linea:
        tiempo: tuple[Bloque, ...] = (linea.seccion(), scripts_graficas(desde))
    else:
        tiempo = (Parrafo("Ningún registro de este documento tiene meses en la fuente, así que no hay línea de "
                          "tiempo que dibujar: la rejilla muestra por qué (No dado en la fuente, o periodo en "
                          "palabras)."),)
    cuerpo = (
        Parrafo(unir("Documento: ", enlace(doc.titulo_corto, urls.documento(doc.id)), " — ",
                     _enlace_feed(nombre_feed_documento(doc), desde, "suscribirse (iCalendar)"), " — ",
                     enlace("cómo suscribirse", urls.SUSCRIPCIONES))),
        Seccion("Rejilla de meses", tuple(rejilla), id="rejilla"),
        Seccion("Línea de tiempo", tiempo, id="linea"),
    )
    return Pagina(desde, f"Calendario — {doc.titulo_corto}", cuerpo, meta=dict(SIN_BUSQUEDA),
                  siglas=siglas_de(grafo, doc), encabezado=f"Calendario: {doc.titulo_corto}")


def pagina_graficas_documento(doc: Documento, grafo: Grafo) -> Pagina | None:
    """Gráficas de cifras del documento, o ``None`` si no tiene ninguna."""
    graficas = graficas_documento(doc, grafo)
    if not graficas:
        return None
    desde = urls.graficas_documento(doc.id).ruta
    cuerpo = (
        Parrafo(unir("Documento: ", enlace(doc.titulo_corto, urls.documento(doc.id)),
                     ". Cada gráfica se calcula de los registros publicados y va acompañada de su tabla; donde el "
                     "documento publica cifras propias, se ponen al lado y se explica si difieren.")),
        *(g.seccion() for g in graficas),
        scripts_graficas(desde),
    )
    return Pagina(desde, f"Cifras — {doc.titulo_corto}", cuerpo, meta=dict(SIN_BUSQUEDA),
                  siglas=siglas_de(grafo, doc), encabezado=f"Cifras y gráficas: {doc.titulo_corto}")


def _institucion(grafo: Grafo, doc: Documento) -> str:
    return grafo.instituciones[doc.institucion].siglas


def _area(grafo: Grafo, fila: cal.FilaCalendario) -> str:
    if fila.area:
        area = grafo.areas[fila.area]
        return area.siglas or area.nombre
    return "—"


def _mecanismo(grafo: Grafo, fila: cal.FilaCalendario) -> str:
    if fila.mecanismo and fila.mecanismo in grafo.mecanismos:
        return grafo.mecanismos[fila.mecanismo][-1][1].nombre
    return fila.grupo if fila.grupo and fila.tipo == "linea" else "—"


def _sesion_celebrada(sesion: FichaSesion, grafo: Grafo) -> Elemento:
    """Una sesión celebrada en la agenda del mes, con su plan y los compromisos que salieron de ella."""
    organo = grafo.organos[sesion.organo]
    detalles: list[Elemento] = []
    if sesion.programada:
        programa, plan = sesion.programada
        detalles.append(Elemento(("Prevista: ", enlace(" ".join(plan.texto.split()),
                                                       urls.ancla(programa.id, plan.id)))))
    for compromiso in sesion.compromisos:
        informe = grafo.documento_de(compromiso)
        texto = " ".join(compromiso.texto.split())
        detalles.append(Elemento((
            enlace(f"Compromiso {compromiso.numero}", urls.compromiso(informe.id, compromiso.id)),
            f" ({compromiso.estatus_texto}): {texto[:160].rstrip()}{'…' if len(texto) > 160 else ''}")))
    return Elemento((enlace(f"{nombre_sesion(sesion)} del {fecha_larga(sesion.fecha)}", urls.sesion(sesion.id)),
                     f" — {organo.siglas or organo.nombre}"),
                    bloques=(Lista(tuple(detalles)),) if detalles else ())


def pagina_mes(agenda: cal.Agenda, grafo: Grafo, anterior: str | None, siguiente: str | None) -> Pagina:
    """Todo lo que cae en un mes en todos los documentos, con filtros que son mejora progresiva."""
    desde = urls.mes(agenda.mes).ruta
    titulo = nombre_mes(agenda.mes).capitalize()
    navegacion = [enlace(f"← {nombre_mes(anterior)}", urls.mes(anterior))] if anterior else []
    navegacion.append(enlace(f"Año {agenda.mes[:4]}", urls.anio(agenda.mes[:4])))
    if siguiente:
        navegacion.append(enlace(f"{nombre_mes(siguiente)} →", urls.mes(siguiente)))
    cuerpo: list[Bloque] = [
        Parrafo(juntar([(e,) for e in navegacion], " · ")),
        Parrafo(f"Lo que los documentos publicados prevén o registran para {nombre_mes(agenda.mes)}. Los registros "
                "cuyos meses no da la fuente no aparecen en ningún mes: están en la rejilla de su documento como "
                "«No dado en la fuente»."),
        # los filtros los pone ``activos/filtros.js``: sin él, el contenedor queda oculto
        Bloques((), clase="spen-filtros", atributos=(("data-filtros", ""), ("hidden", ""))),
    ]
    if agenda.vacia:
        cuerpo.append(Parrafo("Ningún documento publicado tiene nada previsto o registrado para este mes."))
    if agenda.celebradas:
        cuerpo.append(Seccion("Sesiones celebradas", (
            Lista(tuple(_sesion_celebrada(s, grafo) for s in agenda.celebradas)),), id="celebradas"))
    if agenda.programadas:
        filas = []
        for doc, plan in agenda.programadas:
            celebradas = grafo.celebradas_de.get(f"{doc.id}/{plan.id}", [])
            celebrada: Contenido = juntar([(enlace(fecha_larga(s.fecha), urls.sesion(s.id)),) for s in celebradas],
                                          "; ") or "Sin registro"
            filas.append(Fila((_institucion(grafo, doc), (enlace(doc.titulo_corto, urls.documento(doc.id)),),
                               (enlace(" ".join(plan.texto.split()), urls.ancla(doc.id, plan.id)),), celebrada)))
        cuerpo.append(Seccion("Sesiones programadas", (
            Tabla(("Institución", "Programa", "Sesión", "Celebrada"), tuple(filas)),), id="programadas"))
    temas = [f for f in agenda.filas if f.tipo == "tema"]
    otras = [f for f in agenda.filas if f.tipo != "tema"]
    for titulo_tabla, ancla, filas_agenda in (("Temas de programas de comisión", "temas", temas),
                                              ("Actividades y líneas de acción", "actividades", otras)):
        if not filas_agenda:
            continue
        cuerpo.append(Seccion(titulo_tabla, (Tabla(
            ("Institución", "Documento", "Registro", "Área", "Mecanismo", "Calendario"),
            tuple(Fila((_institucion(grafo, fila.documento),
                        (enlace(fila.documento.titulo_corto, urls.documento(fila.documento.id)),),
                        (enlace(" ".join(fila.texto.split()), urls.ancla(fila.documento.id, fila.id)),),
                        _area(grafo, fila), _mecanismo(grafo, fila), describir_calendario(fila.calendario)))
                  for fila in filas_agenda)),), id=ancla))
    cuerpo.append(Html(Markup('<script src="{}"></script>').format(urls.activo_desde(urls.ACTIVO_FILTROS, desde))))
    return Pagina(desde, f"{titulo} — calendario", tuple(cuerpo), meta=dict(SIN_BUSQUEDA), siglas=siglas_de(grafo),
                  encabezado=titulo)


def pagina_anio(anio: str, agendas: Sequence[cal.Agenda], grafo: Grafo) -> Pagina:
    """Resumen de un año: cuántos registros y sesiones hay en cada mes."""
    filas = []
    for agenda in agendas:
        temas = sum(1 for f in agenda.filas if f.tipo == "tema")
        filas.append(Fila(((enlace(NOMBRES_MESES[int(agenda.mes[5:]) - 1].capitalize(), urls.mes(agenda.mes)),),
                           str(temas), str(len(agenda.filas) - temas), str(len(agenda.programadas)),
                           str(len(agenda.celebradas)))))
    cuerpo = (
        Parrafo((enlace("Todos los años", urls.CALENDARIO),)),
        Tabla(("Mes", "Temas", "Actividades y líneas", "Sesiones programadas", "Sesiones celebradas"), tuple(filas)),
    )
    return Pagina(urls.anio(anio).ruta, f"Calendario {anio}", cuerpo)


def pagina_indice_calendario(anios: Sequence[str], grafo: Grafo) -> Pagina:
    """Índice del calendario: años, calendarios por documento y suscripciones."""
    cuerpo = (
        Parrafo("Qué se hace en cada mes, en todos los documentos publicados: actividades, temas, sesiones "
                "programadas y sesiones celebradas."),
        Seccion("Por año", (Lista(tuple(Elemento((enlace(a, urls.anio(a)),)) for a in anios)),)),
        Seccion("Por documento", (Lista(tuple(
            Elemento((enlace(doc.titulo_corto, urls.calendario_documento(doc.id)),))
            for doc in grafo.datos.documentos if cal.tiene_calendario(doc))),)),
        Parrafo(unir("Para llevar los calendarios a su teléfono o a su agenda: ",
                     enlace("suscripciones iCalendar", urls.SUSCRIPCIONES), ".")),
    )
    return Pagina(urls.CALENDARIO.ruta, "Calendario", cuerpo, siglas=siglas_de(grafo))


def pagina_suscripciones(grafo: Grafo, organos: Sequence[str]) -> Pagina:
    """Cómo suscribirse a los feeds iCalendar, en palabras sencillas, y la lista de feeds."""
    desde = urls.SUSCRIPCIONES.ruta
    agendas = Lista((
        Elemento((Fuerte("Google Calendar"), " (en la computadora): en «Otros calendarios» pulse ", Fuerte("+"),
                  ", elija «Desde URL», pegue la dirección y pulse «Añadir calendario».")),
        Elemento((Fuerte("Outlook"), ": «Agregar calendario» → «Suscribirse desde web», pegue la dirección, "
                                     "póngale un nombre e «Importar».")),
        Elemento((Fuerte("iPhone o iPad"), ": Ajustes → Calendario → Cuentas → Añadir cuenta → Otra → «Añadir "
                                           "calendario suscrito», pegue la dirección.")),
        Elemento((Fuerte("Android"), ": suscríbase desde Google Calendar en la computadora (paso anterior); el "
                                     "calendario aparecerá en el teléfono con la misma cuenta.")),
    ))
    pasos = Lista((
        Elemento("Copie la dirección del calendario que le interese (clic derecho o pulsación larga sobre el "
                 "enlace, «Copiar dirección del enlace»)."),
        Elemento("Según su agenda:", bloques=(agendas,)),
        Elemento(("Si solo quiere una copia (sin actualizaciones), descargue el archivo ", Codigo(".ics"),
                  " y ábralo con su agenda.")),
    ), ordenada=True)
    filas = [Fila(("Todo", "Todos los documentos y todas las sesiones", (_enlace_feed("todo", desde, "todo.ics"),)))]
    for organo in organos:
        nombre = nombre_feed_organo(organo)
        filas.append(Fila((f"Sesiones: {grafo.organos[organo].nombre}", "Sesiones programadas y celebradas",
                           (_enlace_feed(nombre, desde, nombre + ".ics"),))))
    for doc in grafo.datos.documentos:
        if cal.tiene_calendario(doc):
            nombre = nombre_feed_documento(doc)
            filas.append(Fila(((enlace(doc.titulo_corto, urls.calendario_documento(doc.id)),),
                               "Calendario del documento", (_enlace_feed(nombre, desde, nombre + ".ics"),))))
    cuerpo = (
        Parrafo("Cada calendario de este sitio se puede añadir a la agenda de su teléfono o de su computadora. Al "
                "suscribirse, su agenda consulta el calendario de vez en cuando y muestra los cambios: si se publica "
                "una sesión nueva o se corrige una fecha, aparece sola, sin duplicarse."),
        Seccion("Cómo suscribirse", (pasos, Parrafo(
            "Las actividades y temas aparecen como eventos de día completo que abarcan sus meses; las sesiones "
            "celebradas, en su fecha; las sesiones programadas, en la semana que prevé su programa. Lo que la fuente "
            "no da no aparece en ningún calendario. Cada evento lleva el enlace permanente de su registro en este "
            "sitio."))),
        Seccion("Calendarios disponibles", (Tabla(("Calendario", "Qué contiene", "Archivo"), tuple(filas)),)),
    )
    return Pagina(desde, "Suscribirse a los calendarios", cuerpo)


def organos_con_sesiones(grafo: Grafo) -> list[str]:
    """Órganos que tienen sesiones programadas o celebradas, en orden estable."""
    return list(dict.fromkeys([d.organo for d, _ in grafo.programadas.values()]
                              + [s.organo for s in grafo.sesiones.values()]))


def paginas_calendario(grafo: Grafo) -> list[Pagina]:
    """Todas las páginas de calendario del sitio, en orden estable: de cada documento, su
    calendario (si lo tiene) y sus gráficas (si tiene); cada mes con registros, cada año, el
    índice del calendario y la página de suscripciones."""
    paginas: list[Pagina] = []
    for doc in grafo.datos.documentos:
        if cal.tiene_calendario(doc):
            paginas.append(pagina_calendario_documento(doc, grafo))
        graficas = pagina_graficas_documento(doc, grafo)
        if graficas is not None:
            paginas.append(graficas)
    agendas = list(cal.agendas(grafo))
    for indice, agenda in enumerate(agendas):
        anterior = agendas[indice - 1].mes if indice else None
        siguiente = agendas[indice + 1].mes if indice + 1 < len(agendas) else None
        paginas.append(pagina_mes(agenda, grafo, anterior, siguiente))
    anios = sorted({a.mes[:4] for a in agendas})
    paginas += [pagina_anio(anio, [a for a in agendas if a.mes.startswith(anio)], grafo) for anio in anios]
    paginas.append(pagina_indice_calendario(anios, grafo))
    paginas.append(pagina_suscripciones(grafo, organos_con_sesiones(grafo)))
    return paginas
