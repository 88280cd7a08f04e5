"""Feeds iCalendar (RFC 5545) con la biblioteca ``icalendar``: uno por órgano (sus sesiones),
uno por documento (su calendario, los meses como eventos de día completo) y uno con todo.

Cada evento lleva la URL permanente de su registro y una descripción; su UID sale de ids
fijados en los datos, así que una agenda suscrita se actualiza en lugar de duplicar. Todo
valor de fecha sale de los datos (nunca del reloj), de modo que el mismo dato da los mismos
bytes.

La cabecera de cada feed la escribe ``icalendar``. Cada evento (todos de día completo, con las
mismas nueve propiedades) se escribe aquí directamente, con el escape y el plegado de líneas
de ``icalendar``: son sus mismos bytes (las pruebas comparan cada evento del sitio y casos
límite con los de ``icalendar.Event``, y analizan cada feed con ``icalendar``), a una fracción
del costo (a escala nacional son decenas de miles de eventos; construirlos y serializarlos con
``icalendar`` costaba casi un milisegundo cada uno).
"""

from __future__ import annotations

import calendar as calendario_std
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial

from icalendar import Calendar

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import TIPOS_SESION, Documento, SesionProgramada
from programas_spen.modelo.texto import nombre_mes
from programas_spen.paralelo import Tarea
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaSesion, Grafo
from programas_spen.sitio.paginas.calendarios import nombre_feed_documento, nombre_feed_organo, organos_con_sesiones
from programas_spen.sitio.paginas.comun import describir_calendario, peso_documento
from programas_spen.sitio.paginas.sesiones import nombre_sesion

DOMINIO_UID = "programas-spen"
_ORDINALES_SEMANA = ("primera", "segunda", "tercera", "cuarta", "quinta")


def _fecha(texto: str) -> date:
    return date(int(texto[:4]), int(texto[5:7]), int(texto[8:10]))


def _primer_dia(mes: str) -> date:
    return date(int(mes[:4]), int(mes[5:7]), 1)


def _sello(texto: str) -> datetime:
    """DTSTAMP determinista: la fecha de los datos a medianoche UTC."""
    return datetime.combine(_fecha(texto), datetime.min.time(), tzinfo=UTC)


def _url(base: str, destino: urls.Destino) -> str:
    return base.rstrip("/") + "/" + destino.url()


def _texto_plano(texto: str) -> str:
    return " ".join(texto.split()).replace("\\", "")


def _calendario(nombre: str, descripcion: str) -> Calendar:
    feed = Calendar()
    feed.add("prodid", "-//Programas del SPEN//Calendarios//ES")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", nombre)
    feed.add("x-wr-caldesc", descripcion)
    return feed


def _texto_ical(valor: str) -> str:
    """Un valor TEXT de RFC 5545 escapado (sección 3.3.11), como lo escapa ``icalendar``."""
    return (valor.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def _plegar(linea: str, limite: int = 75) -> str:
    """Una línea de contenido plegada como la pliega ``icalendar`` (RFC 5545, sección 3.1):
    cada tramo es el más largo de menos de ``limite`` octetos que no parte un carácter, salvo
    que acabaría en la barra o el ``^`` de un escape (esa pasa al tramo siguiente); entre
    tramos, ``CRLF`` y un espacio. Se cuenta sobre los octetos UTF-8, no carácter por
    carácter."""
    datos = linea.encode("utf-8")
    if len(datos) < limite:
        return linea
    tramos: list[bytes] = []
    inicio = 0
    while len(datos) - inicio >= limite:
        fin = inicio + limite - 1
        while datos[fin] & 0xC0 == 0x80:  # octeto de continuación: no partir el carácter
            fin -= 1
        if datos[fin - 1] in b"\\^" and fin - 1 > inicio:
            fin -= 1
        tramos.append(datos[inicio:fin])
        inicio = fin
    tramos.append(datos[inicio:])
    return b"\r\n ".join(tramos).decode("utf-8")


def _evento(uid: str, resumen: str, inicio: date, fin: date, descripcion: str, url: str,
            sello: datetime, categoria: str) -> bytes:
    """Un VEVENT de día completo ya serializado: los mismos bytes que daría ``icalendar.Event``
    con estas propiedades (ver el módulo)."""
    valores = {  # en el orden de ``icalendar``: su orden canónico y después el alfabético
        "SUMMARY": _texto_ical(resumen),
        "DTSTART;VALUE=DATE": inicio.strftime("%Y%m%d"),
        "DTEND;VALUE=DATE": fin.strftime("%Y%m%d"),
        "DTSTAMP": sello.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"),
        "UID": _texto_ical(f"{uid}@{DOMINIO_UID}"),
        "CATEGORIES": _texto_ical(categoria),
        "DESCRIPTION": _texto_ical(f"{descripcion}\n\n{url}"),
        "TRANSP": "TRANSPARENT",
        "URL": url,
    }
    lineas = ["BEGIN:VEVENT"] + [_plegar(f"{nombre}:{valor}") for nombre, valor in valores.items()]
    lineas.append("END:VEVENT")
    return ("\r\n".join(lineas) + "\r\n").encode("utf-8")


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


def eventos_programada(doc: Documento, plan: SesionProgramada, base: str) -> bytes:
    """La sesión programada: la semana que prevé el programa, o su mes si no da la semana."""
    inicio, fin = _dias_semana(plan.mes, plan.semana)
    cuando = (f"{_ORDINALES_SEMANA[plan.semana - 1]} semana de {nombre_mes(plan.mes)}" if plan.semana
              else nombre_mes(plan.mes))
    ordinal = f"{plan.ordinal}.ª " if plan.ordinal else ""
    resumen = f"{ordinal}sesión {TIPOS_SESION[plan.tipo]} programada — {doc.titulo_corto}"
    descripcion = (f"Sesión prevista por el {doc.titulo_corto}: «{plan.texto}» ({cuando}). "
                   "Fechas aproximadas: el programa da la semana, no el día.")
    return _evento(f"programada-{doc.id}-{plan.id}", resumen, inicio, fin, descripcion,
                   _url(base, urls.ancla(doc.id, plan.id)), _sello(f"{plan.mes}-01"), "Sesión programada")


def evento_celebrada(sesion: FichaSesion, grafo: Grafo, base: str) -> bytes:
    """Una sesión celebrada, el día en que se celebró, con los compromisos que salieron de ella."""
    organo = grafo.organos[sesion.organo]
    inicio = _fecha(sesion.fecha)
    partes = [f"{nombre_sesion(sesion)} de la {organo.nombre}, celebrada el {sesion.fecha}."]
    if sesion.compromisos:
        partes.append("Compromisos que surgieron de ella: " + "; ".join(
            f"{c.numero}. {_texto_plano(c.texto)[:120]}" for c in sesion.compromisos))
    return _evento(f"sesion-{sesion.id}", f"{nombre_sesion(sesion)} — {organo.siglas or organo.nombre}",
                   inicio, inicio + timedelta(days=1), "\n".join(partes), _url(base, urls.sesion(sesion.id)),
                   _sello(sesion.fecha), "Sesión celebrada")


def eventos_documento(doc: Documento, base: str) -> Iterator[bytes]:
    """Cada registro con meses, como un evento de día completo por tramo de meses contiguos."""
    sello = _sello(doc.fecha or f"{doc.anio}-01-01")
    for fila in cal.filas(doc):
        for indice, tramo in enumerate(cal.tramos(cal.meses_de(fila.calendario)), start=1):
            texto = _texto_plano(fila.texto)
            resumen = texto if len(texto) <= 90 else texto[:89].rsplit(" ", 1)[0] + "…"
            descripcion = (f"{texto}\n\nDocumento: {doc.titulo_corto}.\nCalendario en la fuente: "
                           f"{_texto_plano(describir_calendario(fila.calendario))}.")
            yield _evento(f"{doc.id}-{fila.id}-{indice}", resumen, _primer_dia(tramo.desde),
                          _primer_dia(cal.siguiente_mes(tramo.hasta)), descripcion,
                          _url(base, urls.ancla(doc.id, fila.id)), sello, fila.tipo.capitalize())
    for plan in doc.sesiones_programadas:
        yield eventos_programada(doc, plan, base)


_FIN = b"END:VCALENDAR\r\n"


def _ensamblar(feed: Calendar, eventos: list[bytes]) -> bytes:
    """El feed con sus eventos ya serializados: los mismos bytes que ``feed.to_ical()`` con
    los eventos añadidos, pero cada evento se serializa una sola vez aunque esté en varios
    feeds (el de su documento o su órgano y ``todo``). Serializar (con el plegado de líneas
    de RFC 5545) era lo más caro de los feeds."""
    vacio = feed.to_ical()
    if not vacio.endswith(_FIN):  # pragma: no cover - icalendar siempre cierra así
        raise ValueError("feed iCalendar sin END:VCALENDAR final")
    return vacio[: -len(_FIN)] + b"".join(eventos) + _FIN


#: Un feed: su ruta, sus bytes y los eventos que también van en el feed con todo.
Feed = tuple[str, bytes, list[bytes]]


def _feed_documento(doc: Documento, base: str) -> Feed:
    feed = _calendario(doc.titulo_corto, f"Calendario de {doc.titulo_corto}, tal como lo da la fuente.")
    eventos = list(eventos_documento(doc, base))
    return urls.feed(nombre_feed_documento(doc)), _ensamblar(feed, eventos), eventos


def _feed_organo(organo: str, grafo: Grafo, base: str) -> Feed:
    """Las sesiones programadas y celebradas del órgano; al feed con todo van las celebradas
    (las programadas ya van con su documento)."""
    datos = grafo.organos[organo]
    feed = _calendario(f"Sesiones — {datos.siglas or datos.nombre}",
                       f"Sesiones programadas y celebradas de la {datos.nombre}.")
    eventos = [eventos_programada(doc, plan, base)
               for doc, plan in grafo.programadas.values() if doc.organo == organo]
    celebradas = [evento_celebrada(sesion, grafo, base)
                  for sesion in grafo.sesiones.values() if sesion.organo == organo]
    return urls.feed(nombre_feed_organo(organo)), _ensamblar(feed, eventos + celebradas), celebradas


def tareas_feeds(grafo: Grafo, base: str) -> list[Tarea[Feed]]:
    """Una tarea por feed de documento y de órgano, en orden estable; ``reunir_feeds`` añade el
    feed con todo. Se pueden repartir (``paralelo.hacer_todas``)."""
    tareas = [Tarea(partial(_feed_documento, doc, base), peso_documento(doc))
              for doc in grafo.datos.documentos if cal.tiene_calendario(doc)]
    tareas += [Tarea(partial(_feed_organo, organo, grafo, base), 100) for organo in organos_con_sesiones(grafo)]
    return tareas


def reunir_feeds(partes: list[Feed]) -> list[tuple[str, bytes]]:
    """(ruta, contenido) de cada feed, y al final el que reúne los eventos de todos."""
    todo = [evento for _, _, eventos in partes for evento in eventos]
    return [(ruta, contenido) for ruta, contenido, _ in partes] + [(urls.feed("todo"), _ensamblar(
        _calendario("Programas del SPEN — todo", "Todos los calendarios de los programas del SPEN."),
        todo))]


def feeds(grafo: Grafo, base: str) -> list[tuple[str, bytes]]:
    """(ruta, contenido) de cada feed del sitio."""
    return reunir_feeds([tarea.hacer() for tarea in tareas_feeds(grafo, base)])
