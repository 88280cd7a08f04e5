"""Páginas de calendario: de cada documento, lo que viene, su calendario mes por mes, su rejilla y
su línea de tiempo, y sus gráficas; la agenda de cada mes por órgano y el resumen de cada año a
través de todos los documentos; el índice con «Próximamente», y la página de suscripción a los
feeds iCalendar (enlace ``webcal://``, descarga y dirección para copiar)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from markupsafe import Markup

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import Documento
from programas_spen.modelo.texto import NOMBRES_MESES, nombre_mes
from programas_spen.sitio import urls
from programas_spen.sitio.corte import Corte, del_entorno
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas import agenda as agenda_organos
from programas_spen.sitio.paginas import proximamente
from programas_spen.sitio.paginas import rejilla as rejilla_de_meses
from programas_spen.sitio.paginas.comun import SIN_BUSQUEDA, Pagina, describir_calendario, enlace, siglas_de
from programas_spen.sitio.paginas.graficas import graficas_documento, linea_de_tiempo
from programas_spen.sitio.paginas.suscripcion import bloque_suscripcion, script_copiar
from programas_spen.sitio.secciones import (
    Bloque,
    Bloques,
    Codigo,
    Elemento,
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
from programas_spen.sitio.urls import URL_BASE


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


def _rejilla_y_leyenda(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """La rejilla de meses del documento, con la pista de que se desplaza en pantallas
    estrechas, y su leyenda (``paginas.rejilla``)."""
    tabla = rejilla_de_meses.rejilla(doc, grafo)
    bloques: list[Bloque] = [rejilla_de_meses.PISTA, tabla] if tabla else []
    return (*bloques, Seccion("Leyenda", (rejilla_de_meses.LEYENDA,), id="leyenda", nivel=3))


def _cuantos(numero: int, singular: str, plural: str) -> str:
    return f"{numero} {singular if numero == 1 else plural}"


def _mes_por_mes(doc: Documento, meses: Sequence[proximamente.MesPrevisto]) -> tuple[Bloque, ...]:
    """El calendario del documento como lista de meses (se lee igual en un teléfono): cuánto
    prevé en cada mes, con sus sesiones y el enlace a la agenda del mes, y al final lo que no
    tiene meses en la fuente."""
    bloques: list[Bloque] = []
    if meses:
        elementos = []
        for m in meses:
            temas = sum(1 for f in m.filas if f.tipo == "tema")
            cuenta = [_cuantos(temas, "tema", "temas") if temas else "",
                      _cuantos(len(m.filas) - temas, "actividad", "actividades") if len(m.filas) > temas else ""]
            sesiones = [unir(enlace(agenda_organos.nombre_programada(p), urls.ancla(doc.id, p.id)),
                             f" («{' '.join(p.texto.split())}»)") for _, p in m.programadas]
            elementos.append(Elemento(unir(
                enlace(nombre_mes(m.mes).capitalize(), urls.mes(m.mes)), ": ", juntar([c for c in cuenta if c], ", "),
                ("; sesión prevista: " if len(sesiones) == 1 else "; sesiones previstas: ") if sesiones else None,
                juntar(sesiones, ", "))))
        bloques.append(Lista(tuple(elementos), clase="spen-meses"))
    sin_meses = [f for f in cal.filas(doc) if not cal.meses_de(f.calendario)]
    if sin_meses:
        bloques.append(Seccion(f"Sin meses en la fuente ({len(sin_meses)})", (Lista(tuple(
            Elemento(unir(enlace(" ".join(f.texto.split()), urls.ancla(doc.id, f.id)), " — ",
                          describir_calendario(f.calendario)))
            for f in sin_meses)),), id="sin-meses", nivel=3))
    return tuple(bloques)


def pagina_calendario_documento(doc: Documento, grafo: Grafo, corte: Corte | None = None,
                                url_base: str = URL_BASE) -> Pagina:
    """El calendario de un documento: lo que viene, mes por mes en lista, la rejilla de meses
    (región con desplazamiento y primera columna fija) y, si tiene meses, su línea de tiempo."""
    desde = urls.calendario_documento(doc.id).ruta
    meses = proximamente.previstos_documento(doc)
    rejilla: list[Bloque] = [
        Parrafo("Cada fila es un registro del documento con su calendario tal como lo da la fuente."),
        *_rejilla_y_leyenda(doc, grafo)]
    linea = linea_de_tiempo(doc)
    if linea:
        tiempo: tuple[Bloque, ...] = (linea.seccion(), scripts_graficas(desde))
    else:
        tiempo = (Parrafo("Ningún registro de este documento tiene meses en la fuente, así que no hay línea de "
                          "tiempo que dibujar: la rejilla muestra por qué (No dado en la fuente, o periodo en "
                          "palabras)."),)
    cuerpo: list[Bloque] = [
        Parrafo(unir("Documento: ", enlace(doc.titulo_corto, urls.documento(doc.id)), ".")),
    ]
    if corte is not None:
        cuerpo.append(proximamente.seccion_proximamente(meses, corte, con_documento=False))
    mes_por_mes = _mes_por_mes(doc, meses)
    if mes_por_mes:
        cuerpo.append(Seccion("Mes por mes", mes_por_mes, id="meses"))
    cuerpo += [
        Seccion("Rejilla de meses", tuple(rejilla), id="rejilla"),
        Seccion("Línea de tiempo", tiempo, id="linea"),
        Seccion("Suscribirse", (
            Parrafo(unir("Este calendario en la agenda de su teléfono o su computadora (",
                         enlace("cómo suscribirse", urls.SUSCRIPCIONES), "):")),
            bloque_suscripcion(nombre_feed_documento(doc), f"el calendario de {doc.titulo_corto}", desde, url_base),
            script_copiar(desde)), id="suscribirse"),
    ]
    return Pagina(desde, f"Calendario — {doc.titulo_corto}", tuple(cuerpo), meta=dict(SIN_BUSQUEDA),
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


def _navegacion(mes: str, anterior: str | None, siguiente: str | None) -> Parrafo:
    navegacion = [enlace(f"← {nombre_mes(anterior)}", urls.mes(anterior))] if anterior else []
    navegacion.append(enlace(f"Año {mes[:4]}", urls.anio(mes[:4])))
    if siguiente:
        navegacion.append(enlace(f"{nombre_mes(siguiente)} →", urls.mes(siguiente)))
    return Parrafo(juntar([(e,) for e in navegacion], " · "), clase="spen-navegacion-meses")


def pagina_mes(agenda: cal.Agenda, grafo: Grafo, anterior: str | None, siguiente: str | None,
               url_base: str = URL_BASE) -> Pagina:
    """La agenda de un mes en todos los documentos: por órgano, sus sesiones (celebradas o
    previstas, dicho con palabras), temas y actividades, con las cifras del mes como resumen al
    final y filtros que son mejora progresiva."""
    desde = urls.mes(agenda.mes).ruta
    titulo = nombre_mes(agenda.mes).capitalize()
    grupos = agenda_organos.por_organo(agenda, grafo)
    cuerpo: list[Bloque] = [
        _navegacion(agenda.mes, anterior, siguiente),
        Parrafo(f"Lo que los documentos publicados prevén o registran para {nombre_mes(agenda.mes)}, por órgano. "
                "Los programas dan casi siempre el mes, no el día: aquí no se inventa ninguno. Las sesiones "
                "celebradas llevan su fecha; las previstas dicen si se celebraron. Lo que la fuente no fecha está "
                "en el calendario de su documento como «No dado en la fuente»."),
        # los filtros los pone ``activos/agenda.js``: sin él, el contenedor queda oculto
        Bloques((), clase="spen-filtros", atributos=(("data-filtros-agenda", ""), ("hidden", ""))),
    ]
    if not grupos:
        cuerpo.append(Parrafo("Ningún documento publicado tiene nada previsto o registrado para este mes."))
    cuerpo += [agenda_organos.seccion_organo(g, grafo) for g in grupos]
    if grupos:
        leyenda = f"Cifras de {nombre_mes(agenda.mes)} por órgano"
        cuerpo.append(Seccion("Resumen del mes", region_cifras(agenda_organos.resumen(grupos, grafo, leyenda), leyenda),
                              id="resumen"))
    cuerpo.append(Seccion("Suscribirse", (
        Parrafo("Todo lo previsto y celebrado de todos los documentos, en su agenda:"),
        bloque_suscripcion("todo", "todos los calendarios", desde, url_base), script_copiar(desde)),
        id="suscribirse"))
    cuerpo.append(Html(Markup('<script src="{}"></script>').format(urls.activo_desde(urls.ACTIVO_AGENDA, desde))))
    return Pagina(desde, f"{titulo} — calendario", tuple(cuerpo), meta=dict(SIN_BUSQUEDA), siglas=siglas_de(grafo),
                  encabezado=titulo)


def region_cifras(tabla: Tabla, nombre: str) -> tuple[Bloque, ...]:
    """Una tabla de cifras ancha en su región con desplazamiento propio (con nombre, enfocable
    con el teclado, la primera columna fija y la pista visible antes): en un teléfono se desliza
    la tabla, no la página."""
    return (rejilla_de_meses.PISTA,
            Bloques((replace(tabla, clase="spen-cifras"),), clase="spen-rejilla",
                    atributos=(("role", "region"), ("aria-label", nombre), ("tabindex", "0"))))


def _por_organo(sesiones: Sequence[str], grafo: Grafo) -> str:
    """«CSPEN: 1; JGE: 1» (cada sesión cuenta en su órgano), o «0»."""
    cuenta: dict[str, int] = {}
    for organo in sesiones:
        cuenta[organo] = cuenta.get(organo, 0) + 1
    orden = list(grafo.organos)
    return "; ".join(f"{agenda_organos.siglas_organo(grafo, o)}: {n}"
                     for o, n in sorted(cuenta.items(), key=lambda par: orden.index(par[0])
                                        if par[0] in orden else len(orden))) or "0"


def pagina_anio(anio: str, agendas: Sequence[cal.Agenda], grafo: Grafo) -> Pagina:
    """Resumen de un año: cuántos registros hay en cada mes y cuántas sesiones de cada órgano."""
    filas = []
    for agenda in agendas:
        temas = sum(1 for f in agenda.filas if f.tipo == "tema")
        filas.append(Fila(((enlace(NOMBRES_MESES[int(agenda.mes[5:]) - 1].capitalize(), urls.mes(agenda.mes)),),
                           str(temas), str(len(agenda.filas) - temas),
                           _por_organo([d.organo for d, _ in agenda.programadas], grafo),
                           _por_organo([s.organo for s in agenda.celebradas], grafo))))
    cuerpo = (
        Parrafo((enlace("Todos los años", urls.CALENDARIO),)),
        Parrafo("Las sesiones se cuentan por órgano: una sesión de la Junta no es una sesión de la Comisión."),
        *region_cifras(Tabla(("Mes", "Temas", "Actividades y líneas", "Sesiones previstas", "Sesiones celebradas"),
                             tuple(filas), leyenda=f"Cifras de cada mes de {anio}"), f"Cifras de cada mes de {anio}"),
    )
    return Pagina(urls.anio(anio).ruta, f"Calendario {anio}", cuerpo, siglas=siglas_de(grafo))


def pagina_indice_calendario(anios: Sequence[str], grafo: Grafo, agendas: Sequence[cal.Agenda] = (),
                             corte: Corte | None = None, url_base: str = URL_BASE) -> Pagina:
    """Índice del calendario: lo que viene, años, calendarios por documento y suscripción."""
    desde = urls.CALENDARIO.ruta
    cuerpo: list[Bloque] = [
        Parrafo("Qué se hace en cada mes, en todos los documentos publicados: actividades, temas, sesiones "
                "previstas y sesiones celebradas."),
    ]
    if corte is not None:
        cuerpo.append(proximamente.seccion_proximamente(proximamente.previstos(agendas), corte))
    cuerpo += [
        Seccion("Por año", (Lista(tuple(Elemento((enlace(a, urls.anio(a)),)) for a in anios)),), id="por-anio")
        if anios else Parrafo("Ningún documento publicado tiene meses."),
    ]
    documentos = [doc for doc in grafo.datos.documentos if cal.tiene_calendario(doc)]
    if documentos:
        cuerpo.append(Seccion("Por documento", (Lista(tuple(
            Elemento((enlace(doc.titulo_corto, urls.calendario_documento(doc.id)),)) for doc in documentos)),),
            id="por-documento"))
    cuerpo.append(Seccion("Suscribirse", (
        Parrafo(unir("Todo lo previsto y celebrado, en la agenda de su teléfono o su computadora (",
                     enlace("otros calendarios y cómo suscribirse", urls.SUSCRIPCIONES), "):")),
        bloque_suscripcion("todo", "todos los calendarios", desde, url_base), script_copiar(desde)),
        id="suscribirse"))
    return Pagina(desde, "Calendario", tuple(cuerpo), siglas=siglas_de(grafo))


def pagina_suscripciones(grafo: Grafo, organos: Sequence[str], url_base: str = URL_BASE) -> Pagina:
    """Cómo suscribirse a los feeds iCalendar, en palabras sencillas, y cada feed con su enlace
    de un clic, su descarga y su dirección para copiar."""
    desde = urls.SUSCRIPCIONES.ruta
    agendas = Lista((
        Elemento((Fuerte("Google Calendar"), " (en la computadora): en «Otros calendarios» pulse ", Fuerte("+"),
                  ", elija «Desde URL», pegue la dirección y pulse «Añadir calendario».")),
        Elemento((Fuerte("Outlook"), ": «Agregar calendario» → «Suscribirse desde web», pegue la dirección, "
                                     "póngale un nombre e «Importar».")),
        Elemento((Fuerte("iPhone o iPad"), ": pulse «Suscribirse con un clic»; o bien Ajustes → Calendario → "
                                           "Cuentas → Añadir cuenta → Otra → «Añadir calendario suscrito», pegue "
                                           "la dirección.")),
        Elemento((Fuerte("Android"), ": suscríbase desde Google Calendar en la computadora (paso anterior); el "
                                     "calendario aparecerá en el teléfono con la misma cuenta.")),
    ))
    pasos = Lista((
        Elemento("Pulse «Suscribirse con un clic»: si su equipo tiene una agenda que lo admite, se abre y le "
                 "pide confirmar."),
        Elemento("Si no se abre, copie la dirección del calendario (botón «Copiar dirección», o seleccione el "
                 "texto) y añádala a su agenda:", bloques=(agendas,)),
        Elemento(("Si solo quiere una copia (sin actualizaciones), descargue el archivo ", Codigo(".ics"),
                  " y ábralo con su agenda.")),
    ), ordenada=True)
    feeds: list[Bloque] = [Seccion("Todo", (
        Parrafo("Todos los documentos y todas las sesiones."), bloque_suscripcion("todo", "todos los calendarios",
                                                                                 desde, url_base)),
        id="feed-todo", nivel=3)]
    for organo in organos:
        nombre = nombre_feed_organo(organo)
        feeds.append(Seccion(f"Sesiones: {grafo.organos[organo].nombre}", (
            Parrafo("Sesiones previstas y celebradas."),
            bloque_suscripcion(nombre, f"sesiones de {grafo.organos[organo].nombre}", desde, url_base)),
            id=f"feed-{nombre}", nivel=3))
    for doc in grafo.datos.documentos:
        if cal.tiene_calendario(doc):
            nombre = nombre_feed_documento(doc)
            feeds.append(Seccion(doc.titulo_corto, (
                Parrafo(unir("Calendario del documento (", enlace("ver en el sitio", urls.calendario_documento(doc.id)),
                             ").")),
                bloque_suscripcion(nombre, f"el calendario de {doc.titulo_corto}", desde, url_base)),
                id=f"feed-{nombre}", nivel=3))
    cuerpo = (
        Parrafo("Cada calendario de este sitio se puede añadir a la agenda de su teléfono o de su computadora. Al "
                "suscribirse, su agenda consulta el calendario de vez en cuando y muestra los cambios: si se publica "
                "una sesión nueva o se corrige una fecha, aparece sola, sin duplicarse."),
        Seccion("Cómo suscribirse", (pasos, Parrafo(
            "Las actividades y temas aparecen como eventos de día completo que abarcan sus meses; las sesiones "
            "celebradas, en su fecha; las sesiones programadas, en la semana que prevé su programa. Lo que la fuente "
            "no da no aparece en ningún calendario. Cada evento lleva el enlace permanente de su registro en este "
            "sitio.")), id="como-suscribirse"),
        Seccion("Calendarios disponibles", tuple(feeds), id="calendarios"),
        script_copiar(desde),
    )
    return Pagina(desde, "Suscribirse a los calendarios", cuerpo, siglas=siglas_de(grafo))


def organos_con_sesiones(grafo: Grafo) -> list[str]:
    """Órganos que tienen sesiones programadas o celebradas, en orden estable."""
    return list(dict.fromkeys([d.organo for d, _ in grafo.programadas.values()]
                              + [s.organo for s in grafo.sesiones.values()]))


def paginas_calendario(grafo: Grafo, url_base: str = URL_BASE, corte: Corte | None = None) -> list[Pagina]:
    """Todas las páginas de calendario del sitio, en orden estable: de cada documento, su
    calendario (si lo tiene) y sus gráficas (si tiene); cada mes con registros, cada año, el
    índice del calendario y la página de suscripciones. ``url_base``: la URL pública (para las
    direcciones de suscripción); ``corte``: el «hoy» de «Próximamente» (por omisión, el de
    ``SOURCE_DATE_EPOCH``)."""
    corte = corte if corte is not None else del_entorno()
    agendas = list(cal.agendas(grafo))
    paginas: list[Pagina] = []
    for doc in grafo.datos.documentos:
        if cal.tiene_calendario(doc):
            paginas.append(pagina_calendario_documento(doc, grafo, corte, url_base))
        graficas = pagina_graficas_documento(doc, grafo)
        if graficas is not None:
            paginas.append(graficas)
    for indice, agenda in enumerate(agendas):
        anterior = agendas[indice - 1].mes if indice else None
        siguiente = agendas[indice + 1].mes if indice + 1 < len(agendas) else None
        paginas.append(pagina_mes(agenda, grafo, anterior, siguiente, url_base))
    anios = sorted({a.mes[:4] for a in agendas})
    paginas += [pagina_anio(anio, [a for a in agendas if a.mes.startswith(anio)], grafo) for anio in anios]
    paginas.append(pagina_indice_calendario(anios, grafo, agendas, corte, url_base))
    paginas.append(pagina_suscripciones(grafo, organos_con_sesiones(grafo), url_base))
    return paginas
