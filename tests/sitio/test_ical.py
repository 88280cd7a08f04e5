"""Feeds iCalendar (``programas_spen.sitio.ical``): cada feed se vuelve a leer con
``icalendar.Calendar.from_ical`` y se compara con los datos: qué feeds hay, qué eventos lleva
cada uno, sus UID, fechas, resúmenes y URL; el mismo dato da los mismos bytes; los caracteres
especiales (comas, puntos y comas, saltos de línea, acentos, textos muy largos) van y vuelven
intactos y las líneas se pliegan como pide RFC 5545."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from programas_spen.carga.validacion import cargar_datos
from programas_spen.modelo import calendario as cal
from programas_spen.sitio import ical
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.ical import feeds
from tests import datos_prueba
from tests.conftest import DATOS

BASE = "https://ejemplo.mx/spen/"
ARROBA = "@programas-spen"


def _grafo(datos: Path) -> Grafo:
    resultado = cargar_datos(datos)
    assert resultado.datos is not None, resultado.informe.errores
    return construir_grafo(resultado.datos, resultado.informe.avisos)


def _leer(hechos: list[tuple[str, bytes]]) -> dict[str, Calendar]:
    return {ruta: Calendar.from_ical(contenido) for ruta, contenido in hechos}


def _eventos(calendario: Calendar) -> dict[str, Event]:
    """Los eventos del feed por UID (y que no se repita ninguno)."""
    eventos = list(calendario.walk("VEVENT"))
    por_uid = {str(e["UID"]): e for e in eventos}
    assert len(por_uid) == len(eventos), "UID repetido"
    return por_uid


def _meses(evento: Event) -> set[str]:
    """Los meses ``AAAA-MM`` que ocupa un evento de meses completos (del día 1 al día 1)."""
    inicio, fin = evento.decoded("DTSTART"), evento.decoded("DTEND")
    assert inicio.day == 1 and fin.day == 1, (inicio, fin)
    meses: set[str] = set()
    while inicio < fin:
        meses.add(f"{inicio:%Y-%m}")
        inicio = (inicio + timedelta(days=31)).replace(day=1)
    return meses


def _medianoche(dia: str) -> datetime:
    return datetime.combine(date.fromisoformat(dia), datetime.min.time(), tzinfo=UTC)


# --- Datos reales: lo que vale para cualquier dato y las cifras de cada documento -----------


@pytest.fixture(scope="module")
def real() -> tuple[Grafo, list[tuple[str, bytes]]]:
    grafo = _grafo(DATOS)
    return grafo, feeds(grafo, BASE)


def test_un_feed_por_documento_con_calendario_y_por_organo(real) -> None:
    grafo, hechos = real
    documentos = [d for d in grafo.datos.documentos if cal.tiene_calendario(d)]
    organos = list(dict.fromkeys([d.organo for d, _ in grafo.programadas.values()]
                                 + [s.organo for s in grafo.sesiones.values()]))
    assert [ruta for ruta, _ in hechos] == (
        [f"suscripciones/documento-{d.id}.ics" for d in documentos]
        + [f"suscripciones/sesiones-{o}.ics" for o in organos] + ["suscripciones/todo.ics"])


def test_cada_feed_es_rfc5545(real) -> None:
    _, hechos = real
    for ruta, contenido in hechos:
        assert contenido.endswith(b"END:VCALENDAR\r\n"), ruta
        lineas = contenido.split(b"\r\n")[:-1]
        assert all(b"\n" not in linea and b"\r" not in linea for linea in lineas), ruta
        assert max(len(linea) for linea in lineas) <= 75, ruta  # plegadas (RFC 5545, 3.1)
        contenido.decode("utf-8")  # el plegado no parte caracteres
        calendario = Calendar.from_ical(contenido)
        assert calendario["VERSION"] == "2.0" and calendario["PRODID"] == ical.PRODID, ruta
        assert calendario["CALSCALE"] == "GREGORIAN" and calendario["METHOD"] == "PUBLISH", ruta
        assert str(calendario["X-WR-CALNAME"]) and str(calendario["X-WR-CALDESC"]), ruta
        for uid, evento in _eventos(calendario).items():
            assert uid.endswith(ARROBA), (ruta, uid)
            for campo in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "CATEGORIES"):
                assert campo in evento, (ruta, uid, campo)
            inicio, fin = evento.decoded("DTSTART"), evento.decoded("DTEND")
            assert type(inicio) is date and type(fin) is date and fin > inicio, (ruta, uid)  # día completo
            sello = evento.decoded("DTSTAMP")
            assert sello.utcoffset() == timedelta(0) and sello.time() == datetime.min.time(), (ruta, uid)  # UTC
            url = str(evento["URL"])
            assert url.startswith(BASE), (ruta, uid)
            assert str(evento["DESCRIPTION"]).endswith(f"\n\n{url}"), (ruta, uid)
            assert str(evento["TRANSP"]) == "TRANSPARENT"


def test_eventos_de_cada_documento(real) -> None:
    """Cada registro con meses da un evento por tramo de meses contiguos, que cubren justo sus
    meses; cada sesión programada, uno en su mes. Nada más."""
    grafo, hechos = real
    leidos = _leer(hechos)
    for doc in grafo.datos.documentos:
        if not cal.tiene_calendario(doc):
            assert f"suscripciones/documento-{doc.id}.ics" not in leidos
            continue
        eventos = _eventos(leidos[f"suscripciones/documento-{doc.id}.ics"])
        sello = _medianoche(doc.fecha or f"{doc.anio}-01-01")
        esperados: set[str] = set()
        for fila in cal.filas(doc):
            meses = set(cal.meses_de(fila.calendario))
            suyos = {uid: e for uid, e in eventos.items() if uid.startswith(f"{doc.id}-{fila.id}-")}
            assert set(suyos) == {f"{doc.id}-{fila.id}-{n}{ARROBA}"
                                  for n in range(1, len(cal.tramos(tuple(meses))) + 1)}, fila.id
            cubiertos: set[str] = set()
            for evento in suyos.values():
                assert not cubiertos & _meses(evento), fila.id  # tramos sin traslape
                cubiertos |= _meses(evento)
                assert str(evento["URL"]) == f"{BASE}documentos/{doc.id}/#{fila.id}"
                assert evento.decoded("DTSTAMP") == sello
                texto = " ".join(fila.texto.split()).replace("\\", "")
                resumen = str(evento["SUMMARY"])
                assert resumen == texto or (resumen.endswith("…") and texto.startswith(resumen[:-1])
                                            and len(resumen) <= 90), fila.id
                assert str(evento["DESCRIPTION"]).startswith(f"{texto}\n\nDocumento: {doc.titulo_corto}.\n")
            assert cubiertos == meses, fila.id
            esperados |= set(suyos)
        for plan in doc.sesiones_programadas:
            uid = f"programada-{doc.id}-{plan.id}{ARROBA}"
            evento = eventos[uid]
            ultimo = evento.decoded("DTEND") - timedelta(days=1)
            assert f"{evento.decoded('DTSTART'):%Y-%m}" == plan.mes == f"{ultimo:%Y-%m}"
            assert str(evento["URL"]) == f"{BASE}documentos/{doc.id}/#{plan.id}"
            assert str(evento["SUMMARY"]).endswith(f"programada — {doc.titulo_corto}")
            esperados.add(uid)
        assert set(eventos) == esperados, doc.id


def test_eventos_de_cada_organo(real) -> None:
    """El feed de un órgano: sus sesiones programadas y las celebradas, cada una el día en que
    se celebró, con la URL de su página."""
    grafo, hechos = real
    leidos = _leer(hechos)
    organos = {d.organo for d, _ in grafo.programadas.values()} | {s.organo for s in grafo.sesiones.values()}
    for organo in organos:
        eventos = _eventos(leidos[f"suscripciones/sesiones-{organo}.ics"])
        programadas = {f"programada-{d.id}-{p.id}{ARROBA}" for d, p in grafo.programadas.values() if d.organo == organo}
        celebradas = {s.id: s for s in grafo.sesiones.values() if s.organo == organo}
        assert set(eventos) == programadas | {f"sesion-{ident}{ARROBA}" for ident in celebradas}, organo
        datos = grafo.organos[organo]
        for ident, sesion in celebradas.items():
            evento = eventos[f"sesion-{ident}{ARROBA}"]
            dia = date.fromisoformat(sesion.fecha)
            assert evento.decoded("DTSTART") == dia and evento.decoded("DTEND") == dia + timedelta(days=1)
            assert evento.decoded("DTSTAMP") == _medianoche(sesion.fecha)
            assert str(evento["URL"]) == f"{BASE}sesiones/{ident}/"
            assert str(evento["SUMMARY"]).endswith(f" — {datos.siglas or datos.nombre}")
            descripcion = str(evento["DESCRIPTION"])
            assert f"de la {datos.nombre}, celebrada el {sesion.fecha}." in descripcion
            for compromiso in sesion.compromisos:
                assert f"{compromiso.numero}. " in descripcion.partition("Compromisos que surgieron de ella: ")[2]


def test_todo_reune_los_documentos_y_las_sesiones_celebradas(real) -> None:
    grafo, hechos = real
    leidos = _leer(hechos)
    todo = _eventos(leidos.pop("suscripciones/todo.ics"))
    esperados: dict[str, Event] = {}
    for ruta, calendario in leidos.items():
        for uid, evento in _eventos(calendario).items():
            if ruta.startswith("suscripciones/documento-") or uid.startswith("sesion-"):
                esperados[uid] = evento
    assert set(todo) == set(esperados)
    assert {f"sesion-{s}{ARROBA}" for s in grafo.sesiones} <= set(todo)
    for uid, evento in todo.items():
        assert evento.to_ical() == esperados[uid].to_ical(), uid


def test_mismos_datos_mismos_bytes(real) -> None:
    """Nada sale del reloj: otra carga de los mismos datos da los mismos bytes."""
    grafo, hechos = real
    assert feeds(grafo, BASE) == hechos
    assert feeds(_grafo(DATOS), BASE) == hechos


def test_cifras_de_la_cspen_2024(real) -> None:
    _, hechos = real
    leidos = _leer(hechos)
    sesiones = _eventos(leidos["suscripciones/sesiones-cspen.ics"])
    celebrada = sesiones["sesion-cspen-2024-03-13@programas-spen"]
    assert celebrada.decoded("DTSTART") == date(2024, 3, 13)
    assert celebrada.decoded("DTEND") == date(2024, 3, 14)
    assert str(celebrada["URL"]) == BASE + "sesiones/cspen-2024-03-13/"
    assert str(celebrada["SUMMARY"]) == "Primera sesión ordinaria — CSPEN"
    assert "Compromisos que surgieron de ella" in str(celebrada["DESCRIPTION"])
    programada = sesiones["programada-ine-pat-cspen-2024-sesion-ordinaria-1@programas-spen"]
    assert programada.decoded("DTSTART") == date(2024, 3, 8)  # segunda semana: del 8 al 14
    assert programada.decoded("DTEND") == date(2024, 3, 15)
    assert str(programada["URL"]) == BASE + "documentos/ine-pat-cspen-2024/#sesion-ordinaria-1"
    assert str(programada["SUMMARY"]) == "1.ª sesión ordinaria programada — Programa Anual de Trabajo 2024 de la CSPEN"
    cspen = _eventos(leidos["suscripciones/documento-ine-pat-cspen-2024.ics"])
    tramo = cspen["ine-pat-cspen-2024-tema-07-1@programas-spen"]  # de enero a mayo, un solo tramo
    assert tramo.decoded("DTSTART") == date(2024, 1, 1) and tramo.decoded("DTEND") == date(2024, 6, 1)
    assert "ine-pat-cspen-2024-tema-07-2@programas-spen" not in cspen


def test_cifras_de_queretaro_y_del_pat_2020(real) -> None:
    _, hechos = real
    leidos = _leer(hechos)
    queretaro = _eventos(leidos["suscripciones/documento-ieeq-plan-trabajo-2024-2025.ics"])
    encuentro = next(e for uid, e in queretaro.items() if "cronograma-02" in uid)  # 1.er trimestre de 2025, en palabras
    assert encuentro.decoded("DTSTART") == date(2025, 1, 1) and encuentro.decoded("DTEND") == date(2025, 4, 1)
    assert _eventos(leidos["suscripciones/documento-ine-pat-spen-2020.ics"]) == {}  # lo no dado no aparece


# --- Datos de prueba: cifras exactas y caracteres especiales --------------------------------


def _feeds_de_prueba(raiz: Path, archivos: dict[str, str]) -> list[tuple[str, bytes]]:
    return feeds(_grafo(datos_prueba.escribir(raiz, archivos)), BASE)


def test_datos_de_prueba(tmp_path: Path) -> None:
    leidos = _leer(_feeds_de_prueba(tmp_path, datos_prueba.archivos_base()))
    fechas = {ruta: {uid.removesuffix(ARROBA): (e.decoded("DTSTART"), e.decoded("DTEND"))
                     for uid, e in _eventos(calendario).items()}
              for ruta, calendario in leidos.items()}
    pat = {"pat-2020-ingreso-01-1": (date(2020, 1, 1), date(2020, 3, 1))}
    programa = {"pat-cspen-2024-tema-01-1": (date(2024, 3, 1), date(2024, 4, 1)),
                "programada-pat-cspen-2024-sesion-ordinaria-1": (date(2024, 3, 8), date(2024, 3, 15)),
                "programada-pat-cspen-2024-sesion-ordinaria-2": (date(2024, 6, 1), date(2024, 7, 1))}
    plan = {"plan-2024-fila-1-1": (date(2025, 1, 1), date(2025, 3, 1))}
    cspen = {"sesion-cspen-2024-03-13": (date(2024, 3, 13), date(2024, 3, 14)),
             "sesion-cspen-2024-06-17": (date(2024, 6, 17), date(2024, 6, 18))}
    jge = {"sesion-jge-2020-01-16": (date(2020, 1, 16), date(2020, 1, 17)),
           "sesion-jge-2024-03-25": (date(2024, 3, 25), date(2024, 3, 26))}
    assert fechas == {
        "suscripciones/documento-pat-2020.ics": pat,
        "suscripciones/documento-pat-cspen-2024.ics": programa,
        "suscripciones/documento-plan-2024.ics": plan,
        "suscripciones/sesiones-cspen.ics": {k: v for k, v in programa.items() if k.startswith("programada")} | cspen,
        "suscripciones/sesiones-jge.ics": jge,
        "suscripciones/todo.ics": pat | programa | plan | cspen | jge,
    }
    programa_leido = leidos["suscripciones/documento-pat-cspen-2024.ics"]
    assert str(programa_leido["X-WR-CALNAME"]) == "PAT de prueba de la CSPEN 2024"
    tema = _eventos(programa_leido)["pat-cspen-2024-tema-01-1@programas-spen"]
    assert str(tema["SUMMARY"]) == "(DP) Primer tema."
    assert tema["CATEGORIES"].cats == ["Tema"]
    assert tema.decoded("DTSTAMP") == datetime(2024, 1, 1, tzinfo=UTC)  # sin fecha: el 1 de enero de su año
    assert str(tema["DESCRIPTION"]) == ("(DP) Primer tema.\n\nDocumento: PAT de prueba de la CSPEN 2024.\n"
                                        "Calendario en la fuente: Marzo de 2024.\n\n"
                                        f"{BASE}documentos/pat-cspen-2024/#tema-01")
    informe = _eventos(leidos["suscripciones/sesiones-cspen.ics"])["sesion-cspen-2024-03-13@programas-spen"]
    assert str(informe["DESCRIPTION"]) == (
        "Primera sesión ordinaria de la Comisión del Servicio Profesional Electoral Nacional, "
        "celebrada el 2024-03-13.\nCompromisos que surgieron de ella: 1. Revisar el primer tema del "
        "programa.; 2. Preparar el segundo informe.\n\n" + f"{BASE}sesiones/cspen-2024-03-13/")


TEMA_RARO = ("(DP) Revisión, ajuste; seguimiento: «acción» \"año\" ñ ü é — 50 % & <b>; "
             + "texto muy largo, con comas; y puntos y comas, " * 8 + "fin.")


def test_caracteres_especiales_de_los_datos(tmp_path: Path) -> None:
    """Comas, puntos y comas, dos puntos, comillas, acentos y un texto de cientos de caracteres
    en los datos: el feed los escapa y pliega, y se leen igual que en los datos."""
    corte = TEMA_RARO.index(" ", 60)  # en dos líneas del YAML: se leen como un espacio
    archivos = datos_prueba.cambiar(datos_prueba.archivos_base(), datos_prueba.PROGRAMA, "texto: (DP) Primer tema.",
                                    f"texto: |\n      {TEMA_RARO[:corte]}\n      {TEMA_RARO[corte + 1:]}")
    archivos = datos_prueba.cambiar(archivos, datos_prueba.PROGRAMA, "titulo_corto: PAT de prueba de la CSPEN 2024",
                                    "titulo_corto: 'PAT, de prueba; CSPEN 2024'")
    archivos = datos_prueba.cambiar(archivos, datos_prueba.INFORME, "texto: Revisar el primer tema del programa.",
                                    "texto: 'Revisar: el tema; con comas, y ñ.'")
    hechos = dict(_feeds_de_prueba(tmp_path, archivos))
    crudo = hechos["suscripciones/documento-pat-cspen-2024.ics"]
    desplegado = crudo.replace(b"\r\n ", b"").decode("utf-8")
    assert "SUMMARY:(DP) Revisión\\, ajuste\\; seguimiento: «acción»" in desplegado  # escape de RFC 5545, 3.3.11
    assert max(len(linea) for linea in crudo.split(b"\r\n")) <= 75
    programa = Calendar.from_ical(crudo)
    assert str(programa["X-WR-CALNAME"]) == "PAT, de prueba; CSPEN 2024"  # como lo escribe y lee icalendar
    tema = _eventos(programa)["pat-cspen-2024-tema-01-1@programas-spen"]
    assert str(tema["SUMMARY"]) == TEMA_RARO[:89].rsplit(" ", 1)[0] + "…"
    assert str(tema["DESCRIPTION"]).startswith(f"{TEMA_RARO}\n\nDocumento: PAT, de prueba; CSPEN 2024.\n")
    programada = _eventos(programa)["programada-pat-cspen-2024-sesion-ordinaria-1@programas-spen"]
    assert str(programada["SUMMARY"]) == "1.ª sesión ordinaria programada — PAT, de prueba; CSPEN 2024"
    sesion = _eventos(Calendar.from_ical(hechos["suscripciones/sesiones-cspen.ics"]))[
        "sesion-cspen-2024-03-13@programas-spen"]
    compromisos = "\nCompromisos que surgieron de ella: 1. Revisar: el tema; con comas, y ñ.; 2. "
    assert compromisos in str(sesion["DESCRIPTION"])


@pytest.mark.parametrize("texto", [
    "corto", "a" * 74, "a" * 75, "a" * 76, "a" * 2000,
    "comas, puntos y comas; dos puntos: y barra \\ invertida",
    "línea uno\nlínea dos\n\nlínea cuatro",
    "ñ" * 100 + "€" * 50 + "🗳️ elección " * 12,
    "a" * 72 + "\\," + "b" * 10, "a" * 73 + "á" + "b" * 80,
])
def test_escape_y_plegado_de_ida_y_vuelta(texto: str) -> None:
    """Un evento y un calendario con textos difíciles: líneas de 75 octetos como mucho, sin
    partir un carácter, y al leerlos, los mismos textos."""
    evento = ical.evento("uid-1", texto, date(2024, 1, 1), date(2024, 2, 1), texto,
                         "https://ejemplo.mx/spen/documentos/x/#a-1", datetime(2024, 1, 1, tzinfo=UTC), texto)
    contenido = ical.calendario("Nombre", "Descripción", [evento])
    lineas = contenido.split(b"\r\n")
    assert max(len(linea) for linea in lineas) <= 75
    assert all(linea.decode("utf-8") for linea in lineas[:-1])
    [leido] = Calendar.from_ical(contenido).walk("VEVENT")
    assert str(leido["SUMMARY"]) == texto
    assert str(leido["DESCRIPTION"]) == f"{texto}\n\nhttps://ejemplo.mx/spen/documentos/x/#a-1"
    assert leido["CATEGORIES"].cats == [texto]
    assert str(leido["UID"]) == "uid-1@programas-spen"
    assert ical.calendario("Nombre", "Descripción", [evento]) == contenido
