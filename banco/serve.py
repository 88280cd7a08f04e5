"""Cuánto tarda en verse en ``mkdocs serve`` la edición de un archivo de datos real.

Sirve una copia del proyecto de un clon con sus datos reales, edita el ``titulo_corto`` del
archivo de datos más grande y mide desde que se escribe el archivo hasta que la página servida
del documento muestra el cambio. Con los PDF de los anexos (como ``python3 tareas.py sitio``)
el PDF del documento que cambió se genera aparte y llega después: se mide también cuándo la
página lo publica.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from clones import Clon

from programas_spen.carga.validacion import ARCHIVO_CATALOGO
from programas_spen.sitio import urls

#: Ediciones medidas por servidor.
REPETICIONES = 3
#: Segundos como máximo hasta ver una edición (o su PDF).
LIMITE_EDICION = 60.0
#: Segundos como máximo hasta que el servidor sirve la página (o publica los PDF del arranque).
LIMITE_ARRANQUE = 180.0
#: Lo que dice la página mientras el PDF de su anexo no ha llegado (``pdf_en_fondo``).
EN_PREPARACION = "en preparación"


def _puerto_libre() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _leer_url(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as respuesta:
            return respuesta.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _esperar_pagina(url: str, cumple: Callable[[str], bool], inicio: float, limite: float,
                    pausa: float = 0.05, vivo: Callable[[], bool] = lambda: True) -> float | None:
    """Consulta ``url`` cada ``pausa`` s hasta que su texto ``cumple``; devuelve los segundos
    desde ``inicio``, o ``None`` si pasan ``limite`` s desde ``inicio`` o deja de estar
    ``vivo`` el servidor."""
    while time.perf_counter() - inicio < limite and vivo():
        pagina = _leer_url(url)
        if pagina is not None and cumple(pagina):
            return time.perf_counter() - inicio
        time.sleep(pausa)
    return None


def _esperar_quietud(registro: Path, inicio: float, quietud: float = 3.0,
                     limite: float = 120.0) -> float:
    """Espera hasta que el registro de ``mkdocs serve`` lleve ``quietud`` segundos sin crecer
    (ninguna reconstrucción en curso ni empezada); devuelve cuánto pasó desde ``inicio``."""
    tamano, desde = -1, time.perf_counter()
    while time.perf_counter() - inicio < limite:
        actual = registro.stat().st_size
        if actual != tamano:
            tamano, desde = actual, time.perf_counter()
        elif time.perf_counter() - desde >= quietud:
            break
        time.sleep(0.2)
    return time.perf_counter() - inicio


def _mayor_documento(datos: Path) -> Path:
    """El archivo de datos más grande que no es el catálogo."""
    candidatos = sorted(datos.rglob("*.yml"), key=lambda p: -p.stat().st_size)
    return next(p for p in candidatos if p.name != ARCHIVO_CATALOGO)


def latencia_serve(clon: Clon, trabajo: Path, pdf: bool) -> dict[str, Any]:
    """Sirve con ``clon`` una copia de su proyecto y sus datos reales y edita ``REPETICIONES``
    veces el ``titulo_corto`` del archivo de datos más grande. ``pdf``: con los PDF de los
    anexos (``ANEXOS_PDF=true``) o sin ellos (``ANEXOS_PDF=false``). Devuelve el archivo, la
    URL, ``arranque_s``, ``tiempos`` (uno por edición, ``None`` si no se vio), con PDF
    ``pdf_arranque_s`` y ``pdf_listo``, y ``error`` si algo falló."""
    modo = "pdf" if pdf else "sin-pdf"
    proyecto = clon.proyecto(trabajo / f"serve-{modo}", clon.raiz / "datos")
    archivo = _mayor_documento(proyecto / "datos")
    original = archivo.read_text("utf-8")
    doc_id = re.search(r"^id: (\S+)$", original, re.MULTILINE)
    corto = re.search(r"^titulo_corto: (.+)$", original, re.MULTILINE)
    if not doc_id or not corto:
        return {"error": f"no se encontró id o titulo_corto en {archivo.name}"}
    puerto = _puerto_libre()
    url = f"http://127.0.0.1:{puerto}/{urls.documento(doc_id.group(1)).url()}"
    nombre_pdf = PurePosixPath(urls.anexo_pdf(doc_id.group(1))).name

    def con_pdf(pagina: str) -> bool:
        return nombre_pdf in pagina and EN_PREPARACION not in pagina

    registro = trabajo / f"serve-{modo}.log"
    resultado: dict[str, Any] = {"archivo": str(archivo.relative_to(proyecto)), "url": url,
                                 "tiempos": [], "pdf": pdf}
    with registro.open("w", encoding="utf-8") as log:
        proceso = subprocess.Popen(
            [str(clon.python), "-m", "mkdocs", "serve", "-f", str(proyecto / "mkdocs.yml"),
             "-a", f"127.0.0.1:{puerto}"], cwd=proyecto, stdout=log, stderr=subprocess.STDOUT,
            env=clon.entorno(proyecto, pdf), start_new_session=True)
        try:
            inicio = time.perf_counter()
            resultado["arranque_s"] = _esperar_pagina(url, lambda _: True, inicio, LIMITE_ARRANQUE,
                                                      pausa=0.2, vivo=lambda: proceso.poll() is None)
            if resultado["arranque_s"] is None:
                resultado["error"] = "mkdocs serve no llegó a servir la página"
                return resultado
            if pdf:  # sin caché, los PDF del primer arranque se generan aparte: se esperan
                resultado["pdf_arranque_s"] = _esperar_pagina(url, con_pdf, inicio,
                                                              LIMITE_ARRANQUE, pausa=0.2)
            # y hasta que el servidor esté quieto: los PDF del arranque llegan en dos procesos y
            # cada llegada provoca otra reconstrucción; una edición hecha en medio espera a que
            # termine la que está en curso, y eso no es el tiempo de una edición
            resultado["quieto_s"] = _esperar_quietud(registro, inicio)
            time.sleep(1.0)
            valor = corto.group(1)
            comilla = valor[-1] if valor[-1] in "'\"" else ""
            for n in range(1, REPETICIONES + 1):
                marca = f"BANCO{n}X{int(time.time())}"
                nuevo = valor.rstrip("'\"") + f" {marca}" + comilla
                archivo.write_text(original.replace(f"titulo_corto: {valor}",
                                                    f"titulo_corto: {nuevo}", 1), "utf-8")
                inicio = time.perf_counter()
                visto = _esperar_pagina(url, lambda pagina, m=marca: m in pagina, inicio,
                                        LIMITE_EDICION)
                resultado["tiempos"].append(visto)
                if pdf:  # el PDF del anexo llega después: hasta que la página lo publica
                    listo = None if visto is None else _esperar_pagina(
                        url, lambda pagina, m=marca: m in pagina and con_pdf(pagina), inicio,
                        LIMITE_EDICION)
                    resultado.setdefault("pdf_listo", []).append(listo)
                time.sleep(1.5)
        finally:
            os.killpg(proceso.pid, signal.SIGINT)
            try:
                proceso.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proceso.pid, signal.SIGKILL)
                proceso.wait()
    return resultado
