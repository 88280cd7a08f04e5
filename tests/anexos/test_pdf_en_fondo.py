"""exportar.pdf_en_fondo: los PDF que faltan se generan en otro proceso (el de verdad, con
WeasyPrint), con los mismos bytes, en la caché de PDF; la señal avisa de su llegada; un
encargo que ya no hace falta se detiene y uno que falla deja de aplazarse."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, cast

import pytest

from programas_spen.anexos import pdf_en_fondo
from programas_spen.anexos.cache_pdf import CachePdf
from programas_spen.anexos.integridad import sha256
from programas_spen.anexos.pdf import generar_pdf
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo, PdfPendiente, repartir, trabajar

URL = "https://programas-spen.example/documentos/prueba/anexo/"
LIMITE = 180.0


def pendiente(texto: str, parrafos: int = 1) -> PdfPendiente:
    html = ("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Anexo</title>"
            "</head><body>" + f"<p>{texto}</p>" * parrafos + "</body></html>")
    return PdfPendiente(sha256(html.encode("utf-8")), html, URL)


def generador(tmp_path: Path, **opciones: Any) -> GeneradorEnFondo:
    return GeneradorEnFondo(tmp_path / "pdf", tmp_path / "pdf-listos" / "senal", **opciones)


def test_genera_aparte_los_mismos_bytes(tmp_path: Path) -> None:
    en_fondo = generador(tmp_path)
    uno = pendiente("Programa anual de trabajo — evaluación del desempeño")
    en_fondo.encargar([uno])
    assert en_fondo.en_curso() == 1
    en_fondo.esperar(LIMITE)
    guardado = CachePdf(tmp_path / "pdf")[uno.clave]
    directo = generar_pdf(uno.html, uno.url)
    assert guardado.contenido == directo.contenido and guardado.paginas == directo.paginas
    senal = (tmp_path / "pdf-listos" / "senal").read_text(encoding="utf-8").splitlines()
    assert senal[1:] == [uno.clave]
    assert list((tmp_path / "pdf").glob("encargo-*")) == []  # el encargo se borra al leerlo
    assert en_fondo.fallidas() == frozenset()
    en_fondo.encargar([])  # un encargo terminado bien se olvida
    assert en_fondo.encargos == []


def test_al_terminar_empieza_solo_con_empezar(tmp_path: Path) -> None:
    en_fondo = generador(tmp_path, al_terminar=True)
    uno = pendiente("uno")
    en_fondo.encargar([uno])
    assert en_fondo.encargos == [] and en_fondo.por_empezar == [uno]
    en_fondo.empezar()
    assert en_fondo.por_empezar == [] and en_fondo.en_curso() == 1
    en_fondo.encargar([uno])  # ya en curso: no se encarga otra vez
    assert en_fondo.por_empezar == []
    en_fondo.esperar(LIMITE)
    assert uno.clave in CachePdf(tmp_path / "pdf")


def test_encargo_que_ya_no_hace_falta_se_detiene(tmp_path: Path) -> None:
    en_fondo = generador(tmp_path)
    viejo, nuevo = pendiente("versión anterior", 400), pendiente("versión nueva")
    en_fondo.encargar([viejo])
    proceso_viejo = en_fondo.encargos[0].proceso
    en_fondo.encargar([nuevo])  # el documento volvió a cambiar: el PDF viejo ya no hace falta
    assert proceso_viejo.poll() is not None and proceso_viejo.returncode != 0
    assert [e.claves for e in en_fondo.encargos] == [frozenset({nuevo.clave})]
    en_fondo.esperar(LIMITE)
    cache = CachePdf(tmp_path / "pdf")
    assert nuevo.clave in cache and viejo.clave not in cache
    assert en_fondo.fallidas() == frozenset()  # detenido no es fallido


def test_encargo_fallido_deja_de_aplazarse(tmp_path: Path, capfd: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_en_fondo, "PROCESOS", 1)  # los dos en el mismo proceso
    en_fondo = generador(tmp_path)
    roto = PdfPendiente("0" * 64, cast(str, None), URL)  # WeasyPrint no tiene qué convertir
    bueno = pendiente("bueno")
    en_fondo.encargar([roto, bueno])
    en_fondo.esperar(LIMITE)
    assert en_fondo.fallidas() == frozenset({roto.clave, bueno.clave})  # todo el encargo
    assert "no se pudo generar el PDF del anexo 000000000000" in capfd.readouterr().err
    assert bueno.clave in CachePdf(tmp_path / "pdf")  # los demás del encargo sí se generaron
    assert (tmp_path / "pdf-listos" / "senal").exists()  # la señal avisa también del fallo
    en_fondo.encargar([roto])  # no se vuelve a encargar: la construcción lo genera ella misma
    assert len(en_fondo.encargos) == 1 and en_fondo.en_curso() == 0


def test_dos_procesos_y_solo_falla_el_suyo(tmp_path: Path) -> None:
    en_fondo = generador(tmp_path)
    roto = PdfPendiente("0" * 64, cast(str, None), URL)
    buenos = [pendiente("primero", 30), pendiente("segundo", 20)]
    en_fondo.encargar([roto, *buenos])
    assert en_fondo.en_curso() == 2
    en_fondo.esperar(LIMITE)
    cache = CachePdf(tmp_path / "pdf")
    assert all(p.clave in cache for p in buenos)
    # el HTML más largo va solo a un proceso; el roto, con el otro bueno, al otro
    assert [e.claves for e in en_fondo.encargos] == [frozenset({buenos[0].clave}),
                                                    frozenset({buenos[1].clave, roto.clave})]
    assert en_fondo.fallidas() == frozenset({buenos[1].clave, roto.clave})  # solo ese encargo


def test_repartir() -> None:
    a, b, c, d = (pendiente("x", n) for n in (40, 30, 20, 10))
    assert repartir([d, c, b, a], 2) == [[a, d], [b, c]]
    assert repartir([a, b], 1) == [[a, b]]
    assert repartir([a], 2) == [[a]]
    assert repartir([], 2) == []


def test_trabajar_salta_lo_que_ya_esta(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uno = pendiente("uno")
    cache = CachePdf(tmp_path / "pdf")
    cache[uno.clave] = generar_pdf(uno.html, uno.url)
    trabajo = tmp_path / "encargo.json"
    trabajo.write_text(f'[["{uno.clave}", "<p>otro</p>", "{URL}"]]', encoding="utf-8")
    monkeypatch.setattr("os.nice", lambda n: 0)  # en este proceso, sin bajar la prioridad
    assert trabajar(tmp_path / "pdf", trabajo, tmp_path / "senal") == 0
    assert not trabajo.exists() and not (tmp_path / "senal").exists()  # nada nuevo, nada que avisar


def test_detener_al_cerrar(tmp_path: Path) -> None:
    en_fondo = generador(tmp_path)
    en_fondo.encargar([pendiente("largo", 400)])
    proceso: subprocess.Popen[bytes] = en_fondo.encargos[0].proceso
    en_fondo.detener()
    assert proceso.poll() is not None and en_fondo.encargos == [] and en_fondo.en_curso() == 0

