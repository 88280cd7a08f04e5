"""Feeds iCalendar (RFC 5545) con la biblioteca ``icalendar``: uno por documento (su
calendario, los meses como eventos de día completo), uno por órgano (sus sesiones) y uno con
todo.

Cada evento lleva la URL permanente de su registro y una descripción; su UID sale de ids
fijados en los datos, así que una agenda suscrita se actualiza en lugar de duplicar. Todo
valor de fecha sale de los datos (nunca del reloj), de modo que el mismo dato da los mismos
bytes.

Los eventos y los calendarios se construyen con ``icalendar.Event`` y ``icalendar.Calendar``,
y los serializa ``icalendar`` (escape de los valores de texto y plegado de líneas de RFC 5545).
Todos los eventos son de día completo (``VALUE=DATE``): los datos dan días, semanas o meses,
nunca horas, así que no hay zona horaria que declarar; ``DTSTAMP`` va en UTC, como pide RFC
5545.
"""

from __future__ import annotations

import calendar as calendario_std
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import TIPOS_SESION, Documento, SesionProgramada
from programas_spen.modelo.texto import nombre_mes
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaSesion, Grafo
from programas_spen.sitio.paginas.calendarios import nombre_feed_documento, nombre_feed_organo, organos_con_sesiones
from programas_spen.sitio.paginas.comun import describir_calendario
from programas_spen.sitio.paginas.sesiones import nombre_sesion

#: Lo que sigue a la ``@`` en el UID de cada evento.
DOMINIO_UID = "programas-spen"
#: Identificador del programa que produce los feeds (``PRODID``).
PRODID = "-//Programas del SPEN//Calendarios//ES"
_ORDINALES_SEMANA = ("primera", "segunda", "tercera", "cuarta", "quinta")


def _fecha(texto: str) -> date:
    """Una fecha ``AAAA-MM-DD`` de los datos."""
    return date.fromisoformat(texto[:10])


def _primer_dia(mes: str) -> date:
    """El día 1 de un mes ``AAAA-MM``."""
    return date(int(mes[:4]), int(mes[5:7]), 1)


def _sello(texto: str) -> datetime:
    """DTSTAMP determinista: la fecha de los datos a medianoche UTC."""
    return datetime.combine(_fecha(texto), datetime.min.time(), tzinfo=UTC)


def _url(base: str, destino: urls.Destino) -> str:
    """La URL absoluta de ``destino`` en el sitio publicado en ``base``."""
    return base.rstrip("/") + "/" + destino.url()


def _texto_plano(texto: str) -> str:
    """El texto en una sola línea y sin las barras de escape del Markdown de la fuente."""
    return " ".join(texto.split()).replace("\\", "")


def evento(uid: str, resumen: str, inicio: date, fin: date, descripcion: str, url: str,
           sello: datetime, categoria: str) -> Event:
    """Un evento de día completo, de ``inicio`` a ``fin`` (exclusivo, como pide RFC 5545 para
    ``DTEND``). La descripción termina con la URL, para las agendas que no muestran ``URL``."""
    nuevo = Event()
    nuevo.add("uid", f"{uid}@{DOMINIO_UID}")
    nuevo.add("dtstamp", sello)
    nuevo.add("dtstart", inicio)
    nuevo.add("dtend", fin)
    nuevo.add("summary", resumen)
    nuevo.add("description", f"{descripcion}\n\n{url}")
    nuevo.add("url", url)
    nuevo.add("categories", [categoria])
    nuevo.add("transp", "TRANSPARENT")
    return nuevo


def calendario(nombre: str, descripcion: str, eventos: Iterable[Event]) -> bytes:
    """Un feed con ``eventos``, serializado: ``X-WR-CALNAME`` y ``X-WR-CALDESC`` dan el nombre
    y la descripción que muestran las agendas al suscribirse. Son propiedades no estándar:
    ``icalendar`` las escribe tal cual, sin el escape de TEXT (como su ``calendar_name``), y
    así las leen él y las agendas; van en una sola línea (un salto de línea no cabe sin
    escape)."""
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", " ".join(nombre.split()))
    feed.add("x-wr-caldesc", " ".join(descripcion.split()))
    for uno in eventos:
        feed.add_component(uno)
    return feed.to_ical()


def _dias_semana(mes: str, semana: int | None) -> tuple[date, date]:
    """Días de la semana ``semana`` del mes (1–7, 8–14…), o el mes entero sin semana; el fin
    es exclusivo, como pide RFC 5545 para DTEND de día completo."""
    anio, numero = int(mes[:4]), int(mes[5:7])
    ultimo = calendario_std.monthrange(anio, numero)[1]
    if semana is None:
        return date(anio, numero, 1), date(anio, numero, ultimo) + timedelta(days=1)
    inicio = min((semana - 1) * 7 + 1, ultimo)
    fin = min(semana * 7, ultimo)
    return date(anio, numero, inicio), date(anio, numero, fin) + timedelta(days=1)


def evento_programada(doc: Documento, plan: SesionProgramada, base: str) -> Event:
    """La sesión programada: la semana que prevé el programa, o su mes si no da la semana."""
    inicio, fin = _dias_semana(plan.mes, plan.semana)
    cuando = (f"{_ORDINALES_SEMANA[plan.semana - 1]} semana de {nombre_mes(plan.mes)}" if plan.semana
              else nombre_mes(plan.mes))
    ordinal = f"{plan.ordinal}.ª " if plan.ordinal else ""
    resumen = f"{ordinal}sesión {TIPOS_SESION[plan.tipo]} programada — {doc.titulo_corto}"
    descripcion = (f"Sesión prevista por el {doc.titulo_corto}: «{plan.texto}» ({cuando}). "
                   "Fechas aproximadas: el programa da la semana, no el día.")
    return evento(f"programada-{doc.id}-{plan.id}", resumen, inicio, fin, descripcion,
                  _url(base, urls.ancla(doc.id, plan.id)), _sello(f"{plan.mes}-01"), "Sesión programada")


def evento_celebrada(sesion: FichaSesion, grafo: Grafo, base: str) -> Event:
    """Una sesión celebrada, el día en que se celebró, con los compromisos que salieron de ella."""
    organo = grafo.organos[sesion.organo]
    inicio = _fecha(sesion.fecha)
    partes = [f"{nombre_sesion(sesion)} de la {organo.nombre}, celebrada el {sesion.fecha}."]
    if sesion.compromisos:
        partes.append("Compromisos que surgieron de ella: " + "; ".join(
            f"{c.numero}. {_texto_plano(c.texto)[:120]}" for c in sesion.compromisos))
    return evento(f"sesion-{sesion.id}", f"{nombre_sesion(sesion)} — {organo.siglas or organo.nombre}",
                  inicio, inicio + timedelta(days=1), "\n".join(partes), _url(base, urls.sesion(sesion.id)),
                  _sello(sesion.fecha), "Sesión celebrada")


def eventos_documento(doc: Documento, base: str) -> Iterator[Event]:
    """Cada registro con meses, como un evento de día completo por tramo de meses contiguos, y
    después cada sesión programada del documento."""
    sello = _sello(doc.fecha or f"{doc.anio}-01-01")
    for fila in cal.filas(doc):
        for indice, tramo in enumerate(cal.tramos(cal.meses_de(fila.calendario)), start=1):
            texto = _texto_plano(fila.texto)
            resumen = texto if len(texto) <= 90 else texto[:89].rsplit(" ", 1)[0] + "…"
            descripcion = (f"{texto}\n\nDocumento: {doc.titulo_corto}.\nCalendario en la fuente: "
                           f"{_texto_plano(describir_calendario(fila.calendario))}.")
            yield evento(f"{doc.id}-{fila.id}-{indice}", resumen, _primer_dia(tramo.desde),
                         _primer_dia(cal.siguiente_mes(tramo.hasta)), descripcion,
                         _url(base, urls.ancla(doc.id, fila.id)), sello, fila.tipo.capitalize())
    for plan in doc.sesiones_programadas:
        yield evento_programada(doc, plan, base)


def feeds(grafo: Grafo, url_base: str) -> list[tuple[str, bytes]]:
    """(ruta, contenido) de cada feed del sitio, en orden estable: el de cada documento con
    calendario (en el orden de los documentos), el de cada órgano con sesiones (sus sesiones
    programadas y celebradas) y al final ``todo``, con los eventos de todos los documentos y
    las sesiones celebradas (las programadas ya van con su documento). ``url_base`` es la URL
    pública del sitio, la de los enlaces de cada evento."""
    hechos: list[tuple[str, bytes]] = []
    todo: list[Event] = []
    for doc in grafo.datos.documentos:
        if not cal.tiene_calendario(doc):
            continue
        eventos = list(eventos_documento(doc, url_base))
        todo += eventos
        hechos.append((urls.feed(nombre_feed_documento(doc)), calendario(
            doc.titulo_corto, f"Calendario de {doc.titulo_corto}, tal como lo da la fuente.", eventos)))
    for organo in organos_con_sesiones(grafo):
        datos = grafo.organos[organo]
        programadas = [evento_programada(doc, plan, url_base)
                       for doc, plan in grafo.programadas.values() if doc.organo == organo]
        celebradas = [evento_celebrada(sesion, grafo, url_base)
                      for sesion in grafo.sesiones.values() if sesion.organo == organo]
        todo += celebradas
        hechos.append((urls.feed(nombre_feed_organo(organo)), calendario(
            f"Sesiones — {datos.siglas or datos.nombre}", f"Sesiones programadas y celebradas de la {datos.nombre}.",
            programadas + celebradas)))
    hechos.append((urls.feed("todo"), calendario(
        "Programas del SPEN — todo", "Todos los calendarios de los programas del SPEN.", todo)))
    return hechos
