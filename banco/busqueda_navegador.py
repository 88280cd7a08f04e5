"""La búsqueda del sitio, medida en Chromium, en un sitio ya construido.

La búsqueda de Material descarga ``search/search_index.json`` entero y, en un *worker*, arma
con él el índice de lunr antes de responder la primera consulta. Con los datos reales es
inmediato; a escala nacional el índice pesa 149 MiB (``resultados.md``). Aquí se mide lo que vive
quien abre la búsqueda: cuánto tarda en quedar lista (el aviso «Inicializando…» cambia),
cuánto tarda en mostrar resultados una consulta escrita tecla a tecla y cuánta memoria
ocupan los procesos del navegador (la suma de su RSS, muestreada cada 0,25 s).

Usa el mismo Chromium de Debian, los mismos argumentos, el mismo servidor HTTP local y la
misma espera de la búsqueda que las pruebas (``tests/navegador.py``): ninguna petición sale de
la máquina. Este módulo no es una prueba: da cifras para ``banco.py``."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

RAIZ = Path(__file__).resolve().parent.parent
#: La consulta que se escribe (la de las pruebas del recorrido de búsqueda, sin acentos).
CONSULTA = "evaluacion del desempeno"
#: Segundos como máximo hasta que la búsqueda queda lista, y luego hasta ver resultados.
LIMITE_S = 600.0


def _rss_navegador_mib() -> float:
    """Suma de la RSS (MiB) de los procesos de Chromium que descienden de este (Playwright
    lanza su controlador y este, el navegador y sus procesos de páginas y de GPU), de /proc."""
    hijos: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    nombre: dict[int, str] = {}
    for entrada in Path("/proc").iterdir():
        if not entrada.name.isdigit():
            continue
        try:
            estado = (entrada / "status").read_text()
        except OSError:
            continue
        campos = dict(linea.split(":", 1) for linea in estado.splitlines() if ":" in linea)
        pid = int(entrada.name)
        hijos.setdefault(int(campos.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(campos.get("VmRSS", "0 kB").split()[0])
        nombre[pid] = campos.get("Name", "").strip()
    total, pendientes = 0, list(hijos.get(os.getpid(), []))
    while pendientes:
        pid = pendientes.pop()
        if nombre.get(pid, "").startswith("chrom"):
            total += rss.get(pid, 0)
        pendientes += hijos.get(pid, [])
    return total / 1024


def sin_medir(error: str | None = None) -> dict[str, Any]:
    """Una medida sin cifras (todavía, o porque falló: ``error``)."""
    return {"lista_s": None, "resultados_s": None, "resultados": None,
            "memoria_al_cargar_mib": None, "memoria_mib": None, "error": error}


def medir(sitio: Path, limite_s: float = LIMITE_S) -> dict[str, Any]:
    """Abre la portada de ``sitio`` en Chromium, espera a que la búsqueda esté lista y busca
    ``CONSULTA``. Devuelve ``lista_s``, ``resultados_s``, ``resultados`` (cuántos mostró),
    ``memoria_al_cargar_mib`` (los procesos del navegador al cargar la portada),
    ``memoria_mib`` (su pico) y ``error`` (texto o ``None``)."""
    if str(RAIZ) not in sys.path:
        sys.path.insert(0, str(RAIZ))
    from playwright.sync_api import Error as ErrorPlaywright
    from playwright.sync_api import sync_playwright

    from tests.navegador import (
        aviso_inicial_busqueda,
        chromium_disponible,
        esperar_busqueda_lista,
        lanzar,
        servir,
    )

    medida = sin_medir()
    if not chromium_disponible():
        medida["error"] = "sin Chromium"
        return medida
    pico = [0.0]
    midiendo = threading.Event()
    with servir(sitio) as base, sync_playwright() as playwright:
        navegador = lanzar(playwright)

        def muestrear() -> None:
            while not midiendo.wait(0.25):
                pico[0] = max(pico[0], _rss_navegador_mib())

        muestreo = threading.Thread(target=muestrear, daemon=True)
        muestreo.start()
        try:
            pagina = navegador.new_page()
            pagina.goto(base)
            pagina.wait_for_load_state("load")
            medida["memoria_al_cargar_mib"] = _rss_navegador_mib()
            inicio = time.perf_counter()
            esperar_busqueda_lista(pagina, aviso_inicial_busqueda(sitio), tiempo_ms=limite_s * 1000)
            medida["lista_s"] = time.perf_counter() - inicio
            caja = pagina.locator("input.md-search__input")
            caja.click()
            inicio = time.perf_counter()
            caja.press_sequentially(CONSULTA, delay=20)
            pagina.wait_for_selector(".md-search-result__item", timeout=limite_s * 1000)
            medida["resultados_s"] = time.perf_counter() - inicio
            medida["resultados"] = pagina.locator(".md-search-result__item").count()
        except ErrorPlaywright as error:
            medida["error"] = str(error).splitlines()[0][:200]
        finally:
            midiendo.set()
            muestreo.join()
            navegador.close()
    medida["memoria_mib"] = pico[0] or None
    return medida
