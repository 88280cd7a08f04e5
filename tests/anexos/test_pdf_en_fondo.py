"""anexos.pdf_en_fondo: los PDF que faltan se generan aparte (un ``ProcessPoolExecutor`` de
verdad, con WeasyPrint), con los mismos bytes, en la caché de PDF; la señal se reescribe
después de que llegan; lo que ya no hace falta se cancela, ``detener`` no espera a lo
pendiente y un error se informa en el registro sin llegar al servidor."""

from __future__ import annotations

import logging
import multiprocessing
import time
from pathlib import Path
from typing import Any, cast

import pytest

from programas_spen.anexos import pdf_en_fondo
from programas_spen.anexos.cache_pdf import CachePdf
from programas_spen.anexos.integridad import sha256
from programas_spen.anexos.pdf import generar_pdf
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo, PdfPendiente

URL = "https://programas-spen.example/documentos/prueba/anexo/"
LIMITE = 180.0
REGISTRO = "programas_spen.anexos.pdf_en_fondo"


def pendiente(texto: str, parrafos: int = 1) -> PdfPendiente:
    html = ("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Anexo</title>"
            "</head><body>" + f"<p>{texto}</p>" * parrafos + "</body></html>")
    return PdfPendiente(sha256(html.encode("utf-8")), html, URL)


ROTO = PdfPendiente("0" * 64, cast(str, None), URL)  # WeasyPrint no tiene qué convertir


def generador(tmp_path: Path, **opciones: Any) -> GeneradorEnFondo:
    return GeneradorEnFondo(tmp_path / "pdf", tmp_path / "pdf-listos" / "senal", **opciones)


def senal(tmp_path: Path) -> list[str]:
    """Las claves que anuncia la señal (la primera línea es la hora)."""
    return (tmp_path / "pdf-listos" / "senal").read_text(encoding="utf-8").splitlines()[1:]


def sin_procesos_hijos(limite: float = LIMITE) -> None:
    """Espera a que terminen los procesos de los ejecutores (ya sin trabajo)."""
    final = time.monotonic() + limite
    while multiprocessing.active_children():
        assert time.monotonic() < final, "los procesos del ejecutor no terminan"
        time.sleep(0.05)


@pytest.fixture(autouse=True)
def _sin_procesos_al_final(monkeypatch: pytest.MonkeyPatch):
    # Una sola señal al final de cada encargo, por lenta que vaya la máquina (salvo donde una
    # prueba pide otra cosa).
    monkeypatch.setattr(pdf_en_fondo, "ENTRE_SENALES", 1e9)
    yield
    sin_procesos_hijos()  # cada prueba deja terminar los suyos: no se cuelan en la siguiente


def test_genera_aparte_los_mismos_bytes(tmp_path: Path) -> None:
    en_fondo = generador(tmp_path)
    uno = pendiente("Programa anual de trabajo — evaluación del desempeño")
    en_fondo.encargar([uno])
    assert en_fondo.en_curso() == 1 and en_fondo.por_empezar == []
    assert en_fondo.esperar(LIMITE)
    guardado = CachePdf(tmp_path / "pdf")[uno.clave]
    directo = generar_pdf(uno.html, uno.url)
    assert guardado.contenido == directo.contenido and guardado.paginas == directo.paginas
    assert senal(tmp_path) == [uno.clave]
    assert en_fondo.en_curso() == 0 and en_fondo.fallidas() == frozenset()
    en_fondo.encargar([])  # nada pendiente: nada que empezar
    assert en_fondo.por_empezar == [] and en_fondo.en_curso() == 0


def test_la_senal_se_reescribe_despues_de_que_llega_el_pdf(tmp_path: Path) -> None:
    """Quien vigila la señal encuentra el PDF en la caché en cuanto cambia; con dos PDF, una
    sola señal al final con los dos."""
    en_fondo = generador(tmp_path)
    uno, dos = pendiente("uno", 40), pendiente("dos", 20)
    archivo = tmp_path / "pdf-listos" / "senal"
    en_fondo.encargar([uno, dos])
    final = time.monotonic() + LIMITE
    while not archivo.exists():
        assert time.monotonic() < final
        time.sleep(0.01)
    cache = CachePdf(tmp_path / "pdf")
    assert uno.clave in cache and dos.clave in cache
    assert sorted(senal(tmp_path)) == sorted([uno.clave, dos.clave])
    assert en_fondo.esperar(LIMITE)


def test_encargo_largo_avisa_por_partes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Con ``ENTRE_SENALES`` cumplido, cada PDF que llega reescribe la señal con los suyos."""
    monkeypatch.setattr(pdf_en_fondo, "ENTRE_SENALES", 0.0)
    monkeypatch.setattr(pdf_en_fondo, "PROCESOS", 1)  # uno tras otro
    en_fondo = generador(tmp_path)
    uno, dos = pendiente("primero"), pendiente("segundo")
    en_fondo.encargar([uno, dos])
    assert en_fondo.esperar(LIMITE)
    assert senal(tmp_path) == [max(uno.clave, dos.clave)]  # el último (van en orden de clave)


def test_al_terminar_empieza_solo_con_empezar(tmp_path: Path) -> None:
    en_fondo = generador(tmp_path, al_terminar=True)
    uno = pendiente("uno")
    en_fondo.encargar([uno])
    assert en_fondo.por_empezar == [uno] and en_fondo.en_curso() == 0
    assert not multiprocessing.active_children()
    en_fondo.empezar()
    assert en_fondo.por_empezar == [] and en_fondo.en_curso() == 1
    en_fondo.encargar([uno])  # ya en curso: no se encarga otra vez
    assert en_fondo.por_empezar == []
    assert en_fondo.esperar(LIMITE)
    assert uno.clave in CachePdf(tmp_path / "pdf")


def test_lo_que_ya_no_hace_falta_se_cancela(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_en_fondo, "PROCESOS", 1)
    en_fondo = generador(tmp_path)
    viejos = sorted((pendiente(f"versión anterior {n}", 100) for n in range(5)), key=lambda p: p.clave)
    nuevo = pendiente("versión nueva")
    en_fondo.encargar(viejos)
    en_fondo.encargar([nuevo])  # el documento volvió a cambiar: los viejos ya no hacen falta
    assert en_fondo.esperar(LIMITE)
    cache = CachePdf(tmp_path / "pdf")
    assert nuevo.clave in cache
    assert [p for p in viejos if p.clave not in cache]  # los que no habían empezado, nunca
    assert senal(tmp_path) == [nuevo.clave]  # lo viejo que sí terminó no provoca reconstrucción
    assert en_fondo.fallidas() == frozenset()  # cancelado no es fallido


def test_un_error_se_informa_y_no_llega_al_servidor(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    en_fondo = generador(tmp_path)
    bueno = pendiente("bueno")
    with caplog.at_level(logging.WARNING, logger=REGISTRO):
        en_fondo.encargar([ROTO, bueno])
        assert en_fondo.esperar(LIMITE)
    assert en_fondo.fallidas() == frozenset({ROTO.clave})  # solo el suyo
    [aviso] = [r for r in caplog.records if r.name == REGISTRO]
    assert aviso.levelno == logging.WARNING
    assert "no se pudo generar aparte el PDF del anexo 000000000000" in aviso.getMessage()
    assert "la próxima reconstrucción lo genera ella misma" in aviso.getMessage()
    assert bueno.clave in CachePdf(tmp_path / "pdf")  # los demás sí se generan
    assert senal(tmp_path) == [bueno.clave]  # y la señal avisa (también del fallo)
    en_fondo.encargar([ROTO])  # no se vuelve a encargar: la construcción lo genera ella misma
    assert en_fondo.por_empezar == [] and en_fondo.en_curso() == 0


def test_un_fallo_solo_tambien_provoca_reconstruccion(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    en_fondo = generador(tmp_path)
    with caplog.at_level(logging.WARNING, logger=REGISTRO):
        en_fondo.encargar([ROTO])
        assert en_fondo.esperar(LIMITE)
    assert senal(tmp_path) == [] and en_fondo.fallidas() == frozenset({ROTO.clave})


def test_una_cache_que_no_guarda_es_un_fallo(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Si la caché no puede escribir (aquí, su carpeta está dentro de un archivo), el PDF no
    llegaría nunca: cuenta como fallido y lo genera la construcción."""
    (tmp_path / "archivo").write_text("no es una carpeta", encoding="utf-8")
    en_fondo = GeneradorEnFondo(tmp_path / "archivo" / "pdf", tmp_path / "pdf-listos" / "senal")
    uno = pendiente("uno")
    with caplog.at_level(logging.WARNING, logger=REGISTRO):
        en_fondo.encargar([uno])
        assert en_fondo.esperar(LIMITE)
    assert en_fondo.fallidas() == frozenset({uno.clave})
    assert "no se pudo guardar en la caché de PDF" in caplog.text


def test_un_proceso_que_muere_es_un_fallo(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    en_fondo = generador(tmp_path)
    grande = pendiente("largo", 400)
    with caplog.at_level(logging.WARNING, logger=REGISTRO):
        en_fondo.encargar([grande])
        for proceso in multiprocessing.active_children():
            proceso.kill()
        assert en_fondo.esperar(LIMITE)
    assert en_fondo.fallidas() == frozenset({grande.clave})
    assert "BrokenProcessPool" in caplog.text


def test_detener_con_trabajo_pendiente_no_se_cuelga(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_en_fondo, "PROCESOS", 1)
    en_fondo = generador(tmp_path)
    pendientes = [pendiente(f"largo {n}", 300) for n in range(6)]
    en_fondo.encargar(pendientes)
    inicio = time.monotonic()
    en_fondo.detener()
    assert time.monotonic() - inicio < 1.0
    assert en_fondo.en_curso() == 0 and en_fondo.por_empezar == [] and en_fondo.esperar(0)
    sin_procesos_hijos()  # el proceso termina sin hacer lo cancelado
    cache = CachePdf(tmp_path / "pdf")
    assert [p for p in pendientes if p.clave not in cache]
    assert not (tmp_path / "pdf-listos" / "senal").exists()  # nada que reconstruir al cerrar
