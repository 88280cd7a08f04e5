"""Feeds iCalendar (``programas_spen.ical``): cada feed se analiza con ``icalendar``, cumple lo
básico de RFC 5545, sus eventos enlazan al sitio con UID estables y deterministas."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar, Event

from programas_spen.carga.validacion import cargar_datos
from programas_spen.sitio import ical
from programas_spen.sitio.grafo import construir_grafo
from programas_spen.sitio.ical import feeds
from tests.conftest import DATOS

BASE = "https://ejemplo.mx/spen/"


@pytest.fixture(scope="module")
def calendarios():
    resultado = cargar_datos(DATOS)
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    return {ruta: Calendar.from_ical(contenido) for ruta, contenido in feeds(grafo, BASE)}, grafo


def _eventos(calendario: Calendar) -> list:
    return list(calendario.walk("VEVENT"))


def test_cada_feed_es_rfc5545(calendarios) -> None:
    feeds_analizados, _ = calendarios
    assert "suscripciones/todo.ics" in feeds_analizados
    assert "suscripciones/sesiones-cspen.ics" in feeds_analizados
    assert "suscripciones/documento-ine-pat-cspen-2024.ics" in feeds_analizados
    for ruta, calendario in feeds_analizados.items():
        assert calendario["VERSION"] == "2.0", ruta
        assert calendario["PRODID"], ruta
        uids = [str(e["UID"]) for e in _eventos(calendario)]
        assert len(uids) == len(set(uids)), ruta
        for evento in _eventos(calendario):
            for campo in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL"):
                assert campo in evento, (ruta, campo)
            assert str(evento["URL"]).startswith(BASE)
            assert str(evento["URL"]) in str(evento["DESCRIPTION"])
            assert evento.decoded("DTEND") > evento.decoded("DTSTART")


def test_sesiones_de_la_cspen(calendarios) -> None:
    feeds_analizados, _ = calendarios
    eventos = {str(e["UID"]): e for e in _eventos(feeds_analizados["suscripciones/sesiones-cspen.ics"])}
    celebrada = eventos["sesion-cspen-2024-03-13@programas-spen"]
    assert celebrada.decoded("DTSTART") == date(2024, 3, 13)
    assert celebrada.decoded("DTEND") == date(2024, 3, 14)
    assert str(celebrada["URL"]) == BASE + "sesiones/cspen-2024-03-13/"
    assert "Compromisos que surgieron de ella" in str(celebrada["DESCRIPTION"])
    programada = eventos["programada-ine-pat-cspen-2024-sesion-ordinaria-1@programas-spen"]
    assert programada.decoded("DTSTART") == date(2024, 3, 8)  # segunda semana: del 8 al 14
    assert programada.decoded("DTEND") == date(2024, 3, 15)
    assert str(programada["URL"]) == BASE + "documentos/ine-pat-cspen-2024/#sesion-ordinaria-1"


def test_meses_como_eventos_de_dia_completo(calendarios) -> None:
    feeds_analizados, _ = calendarios
    cspen = {str(e["UID"]): e for e in _eventos(feeds_analizados["suscripciones/documento-ine-pat-cspen-2024.ics"])}
    # tema-07: de enero a mayo de 2024, un solo tramo.
    tramo = cspen["ine-pat-cspen-2024-tema-07-1@programas-spen"]
    assert tramo.decoded("DTSTART") == date(2024, 1, 1) and tramo.decoded("DTEND") == date(2024, 6, 1)
    assert "ine-pat-cspen-2024-tema-07-2@programas-spen" not in cspen
    # Querétaro: el primer trimestre de 2025 dado en palabras.
    queretaro = _eventos(feeds_analizados["suscripciones/documento-ieeq-plan-trabajo-2024-2025.ics"])
    encuentro = next(e for e in queretaro if "cronograma-02" in str(e["UID"]))
    assert encuentro.decoded("DTSTART") == date(2025, 1, 1) and encuentro.decoded("DTEND") == date(2025, 4, 1)
    # Lo no dado no aparece: el PAT 2020 no tiene eventos.
    assert _eventos(feeds_analizados["suscripciones/documento-ine-pat-spen-2020.ics"]) == []


def test_feeds_deterministas(calendarios) -> None:
    _, grafo = calendarios
    assert feeds(grafo, BASE) == feeds(grafo, BASE)


def test_todo_reune_documentos_y_sesiones(calendarios) -> None:
    feeds_analizados, _ = calendarios
    todo = {str(e["UID"]) for e in _eventos(feeds_analizados["suscripciones/todo.ics"])}
    assert "sesion-cspen-2024-03-13@programas-spen" in todo
    assert "ine-pat-cspen-2024-tema-01-1@programas-spen" in todo


def _con_icalendar(uid: str, resumen: str, inicio: date, fin: date, descripcion: str, url: str,
                   sello: datetime, categoria: str) -> bytes:
    """El mismo evento construido y serializado por ``icalendar`` (la referencia)."""
    evento = Event()
    evento.add("uid", f"{uid}@{ical.DOMINIO_UID}")
    evento.add("dtstamp", sello)
    evento.add("dtstart", inicio)
    evento.add("dtend", fin)
    evento.add("summary", resumen)
    evento.add("description", f"{descripcion}\n\n{url}")
    evento.add("url", url)
    evento.add("categories", [categoria])
    evento.add("transp", "TRANSPARENT")
    return evento.to_ical()


def test_cada_evento_del_sitio_son_los_bytes_de_icalendar(monkeypatch: pytest.MonkeyPatch, calendarios) -> None:
    _, grafo = calendarios
    llamadas: list[tuple[tuple, bytes]] = []
    original = ical._evento

    def anotando(*args):
        hecho = original(*args)
        llamadas.append((args, hecho))
        return hecho

    monkeypatch.setattr(ical, "_evento", anotando)
    feeds(grafo, BASE)
    assert len(llamadas) > 50
    plegados = 0
    for args, hecho in llamadas:
        assert hecho == _con_icalendar(*args), args
        plegados += b"\r\n " in hecho
    assert plegados > 20


@pytest.mark.parametrize("texto", [
    "corto", "",
    "a" * 73, "a" * 74, "a" * 75, "a" * 200,
    "Acción, programación; revisión\\ y más " * 6,
    "x" * 60 + "\\" * 30 + "^" * 20 + "ñ" * 40,
    "🗳️ elección " * 12, "ü" * 100 + "€" * 50,
    "línea\r\nuna\rdos\nTres \\N cuatro " * 5,
    "a" * 71 + "á" + "b" * 80, "a" * 72 + "\\," + "b" * 10, "a" * 73 + "^" + "b" * 10,
])
def test_escape_y_plegado_como_icalendar(texto: str) -> None:
    argumentos = ("uid-" + texto[:30], texto, date(2024, 1, 1), date(2024, 2, 1), texto * 2,
                  "https://ejemplo.mx/spen/documentos/x/#a-1", datetime(2024, 1, 1, tzinfo=UTC), texto[:40] or "Tipo")
    assert ical._evento(*argumentos) == _con_icalendar(*argumentos)
