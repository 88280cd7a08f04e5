"""La búsqueda del sitio, medida en Chromium, en un sitio ya construido.

La búsqueda es Pagefind (``plugins/programas_spen/busqueda/pagefind.py``): un índice por institución y
uno común, partidos en trozos que el navegador pide solo cuando una consulta los necesita. Aquí
se mide lo que vive quien busca: abre ``/buscar/?q=…`` (como al pulsar Intro en el cuadro de la
cabecera) y se mide cuánto tarda en abrir los índices (``data-listo``), cuánto en mostrar los
resultados, cuánto una segunda consulta escrita en la página, cuántos bytes pidió de
``/pagefind/`` y cuánta memoria ocupan los procesos del navegador (la suma de su RSS,
muestreada cada 0,25 s).

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
from urllib.parse import quote, unquote, urlsplit

from programas_spen.sitio import urls

RAIZ = Path(__file__).resolve().parent.parent
#: La consulta de la dirección (la de las pruebas del recorrido de búsqueda, sin acentos): sus
#: dos palabras están en miles de páginas a escala nacional.
CONSULTA = "evaluacion del desempeno"
#: La segunda consulta, escrita en la página ya abierta.
SEGUNDA = "programa anual de trabajo"
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
    return {"lista_s": None, "resultados_s": None, "segunda_s": None, "resultados": None,
            "bytes_consulta": None, "memoria_al_cargar_mib": None, "memoria_mib": None,
            "error": error}


def _resultados(pagina: Any) -> int:
    """Cuántas páginas dice el aviso que hallaron («1.234 páginas con…»; 0 si ninguna)."""
    texto = pagina.locator("[data-buscador] [role=status]").inner_text()
    cifra = texto.split(" ", 1)[0].replace(",", "").replace(".", "")
    return int(cifra) if cifra.isdigit() else 0


def medir(sitio: Path, limite_s: float = LIMITE_S) -> dict[str, Any]:
    """Abre ``/buscar/?q=CONSULTA`` de ``sitio`` en Chromium y espera los resultados; luego
    busca ``SEGUNDA`` en la misma página. Devuelve ``lista_s`` (índices abiertos),
    ``resultados_s`` (resultados a la vista, desde que se pidió la página), ``segunda_s``,
    ``resultados`` (páginas halladas por la primera), ``bytes_consulta`` (lo que se pidió de
    ``/pagefind/`` hasta ver la primera: motor, índices y trozos), ``memoria_al_cargar_mib``,
    ``memoria_mib`` (pico) y ``error`` (texto o ``None``)."""
    if str(RAIZ) not in sys.path:
        sys.path.insert(0, str(RAIZ))
    from playwright.sync_api import Error as ErrorPlaywright
    from playwright.sync_api import sync_playwright

    from tests.navegador import RESULTADOS, chromium_disponible, esperar_busqueda, lanzar, servir

    medida = sin_medir()
    if not chromium_disponible():
        medida["error"] = "sin Chromium"
        return medida
    pico = [0.0]
    midiendo = threading.Event()
    pedidas: list[str] = []
    with servir(sitio) as base, sync_playwright() as playwright:
        navegador = lanzar(playwright)

        def muestrear() -> None:
            while not midiendo.wait(0.25):
                pico[0] = max(pico[0], _rss_navegador_mib())

        muestreo = threading.Thread(target=muestrear, daemon=True)
        muestreo.start()
        try:
            contexto = navegador.new_context()
            contexto.on("request", lambda r: pedidas.append(r.url))
            pagina = contexto.new_page()
            inicio = time.perf_counter()
            pagina.goto(base + urls.BUSCAR.url() + "?q=" + quote(CONSULTA))
            pagina.wait_for_selector("[data-buscador][data-listo]", timeout=limite_s * 1000)
            medida["lista_s"] = time.perf_counter() - inicio
            esperar_busqueda(pagina, tiempo_ms=limite_s * 1000)
            pagina.wait_for_selector(RESULTADOS, timeout=limite_s * 1000)
            medida["resultados_s"] = time.perf_counter() - inicio
            medida["resultados"] = _resultados(pagina)
            medida["memoria_al_cargar_mib"] = _rss_navegador_mib()
            medida["bytes_consulta"] = sum(
                _tamano(sitio, url) for url in set(pedidas) if f"/{urls.INDICES_BUSQUEDA}/" in url)
            caja = pagina.locator("#spen-busqueda-consulta")
            caja.fill(SEGUNDA)
            inicio = time.perf_counter()
            caja.press("Enter")
            pagina.wait_for_function(
                "q => document.querySelector('[data-buscador] [role=status]').textContent"
                ".includes('«' + q + '»')", arg=SEGUNDA, timeout=limite_s * 1000)
            medida["segunda_s"] = time.perf_counter() - inicio
        except (ErrorPlaywright, AssertionError) as error:
            medida["error"] = str(error).splitlines()[0][:200]
        finally:
            midiendo.set()
            muestreo.join()
            navegador.close()
    medida["memoria_mib"] = pico[0] or None
    return medida


def _tamano(sitio: Path, url: str) -> int:
    """Bytes del archivo de ``sitio`` que sirve ``url`` (lo que envió el servidor local)."""
    archivo = sitio / unquote(urlsplit(url).path).lstrip("/")
    return archivo.stat().st_size if archivo.is_file() else 0
