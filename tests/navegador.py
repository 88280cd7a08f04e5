"""Utilidades comunes de las pruebas en Chromium (Playwright): cómo se lanza el navegador del
sistema, qué página representa a cada tipo de página del sitio, unas pocas esperas y el registro
del tráfico de red de una página.

El navegador es el Chromium de Debian (``/usr/bin/chromium`` o la variable ``CHROMIUM``); nunca
se descarga otro. Las fixtures que lo usan (``navegador``, ``contexto_escritorio``,
``contexto_telefono``, ``contexto_sin_js``, ``pestana``, ``trafico``) están en ``conftest.py``:
un solo navegador por sesión de pruebas. Playwright síncrono no admite dos instancias a la vez
en el mismo hilo, así que una prueba nueva debe usar ``navegador`` en vez de lanzar el suyo."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGUMENTOS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--no-first-run"]

ESCRITORIO = {"width": 1280, "height": 900}
TELEFONO = {"width": 390, "height": 844}

DOCUMENTOS = (
    "ine-pat-spen-2020", "ine-pat-cspen-2024", "ine-informe-compromisos-cspen-2024-06",
    "iepc-durango-pat-comision-seguimiento-2021", "ieeq-plan-trabajo-2024-2025",
)

# Una página representativa de cada tipo (ruta relativa a la raíz del sitio); las claves, sin
# acentos, sirven de identificador de cada caso de prueba.
PAGINAS: dict[str, str] = {
    "portada": "",
    "documento": "documentos/ine-pat-spen-2020/",
    "acuerdo": "acuerdos/ine-jge38-2024/",
    "sesion": "sesiones/cspen-2024-03-13/",
    "area": "areas/dpspen/",
    "mecanismo": "mecanismos/evaluacion-desempeno/",
    "institucion": "instituciones/ine/",
    "indice-documentos": "documentos/",
    "indice-acuerdos": "acuerdos/",
    "indice-compromisos": "compromisos/",
    "indice-sesiones": "sesiones/",
    "indice-areas": "areas/",
    "indice-mecanismos": "mecanismos/",
    "indice-instituciones": "instituciones/",
    "siglas": "siglas/",
    "avisos": "avisos/",
    "acerca": "acerca/",
    "como-leer": "como-leer/",
    "glosario": "glosario/",
    "404": "404.html",
    "calendario-documento": "documentos/ine-pat-spen-2020/calendario/",
    "graficas-documento": "documentos/ine-pat-spen-2020/graficas/",
    "agenda-mes": "calendario/2024/03/",
    "agenda-anio": "calendario/2024/",
    "calendario": "calendario/",
    "suscripciones": "suscripciones/",
    "anexos": "anexos/",
    "anexo-documento": "documentos/ine-pat-spen-2020/anexo/",
    # con una consulta: la página muestra sus resultados
    "buscar": "buscar/?q=evaluaci%C3%B3n%20del%20desempe%C3%B1o",
}

# Cada tipo de página más las páginas de todos los documentos (sin repetir).
PAGINAS_Y_DOCUMENTOS: dict[str, str] = {
    **PAGINAS,
    **{f"documento-{doc}": f"documentos/{doc}/" for doc in DOCUMENTOS
       if f"documentos/{doc}/" != PAGINAS["documento"]},
}

# Elementos que solo existen en una página con gráficas (las dibuja Plotly).
SELECTOR_GRAFICAS = "[data-grafica], .spen-grafica, .js-plotly-plot"


def lanzar(playwright: Playwright) -> Browser:
    """Lanza el Chromium del sistema, sin descargar nada, sin caja de arena ni GPU."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGUMENTOS)


def chromium_disponible() -> bool:
    """¿Existe el ejecutable de Chromium que usarán las pruebas?"""
    return Path(CHROMIUM).is_file()


class _Manejador(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - firma de la base
        return


@contextmanager
def servir(directorio: Path) -> Iterator[str]:
    """Mientras dura el bloque, un servidor HTTP local y silencioso de ``directorio`` (en un
    hilo, en un puerto libre); da su URL base (``http://127.0.0.1:PUERTO/``)."""
    manejador = functools.partial(_Manejador, directory=str(directorio))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), manejador)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


#: La página de búsqueda y la lista de sus resultados (``activos/buscar.js``).
BUSCAR = "buscar/"
RESULTADOS = ".spen-buscador__resultados > li"


def esperar_busqueda(pagina: Page, tiempo_ms: float = 20000) -> None:
    """En la página de búsqueda, espera a que los índices estén abiertos (``data-listo``) y a
    que la consulta de la dirección, si la hay, tenga su respuesta (el aviso deja de decir
    «…»). Falla si la búsqueda no pudo iniciarse (``data-listo="error"``)."""
    pagina.wait_for_selector("[data-buscador][data-listo]", timeout=tiempo_ms)
    assert pagina.get_attribute("[data-buscador]", "data-listo") != "error", \
        pagina.locator("[data-buscador] [role=status]").inner_text()
    pagina.wait_for_function(
        "() => !document.querySelector('[data-buscador] [role=status]').textContent.includes('…')",
        timeout=tiempo_ms)


def todos_los_resultados(pagina: Page, tiempo_ms: float = 20000) -> list[tuple[str, str]]:
    """(href absoluto, texto) de cada enlace de todos los resultados, pulsando «Mostrar más»
    hasta que no queda ninguno por mostrar."""
    while pagina.locator("[data-mas]").is_visible():
        antes = pagina.locator(RESULTADOS).count()
        pagina.click("[data-mas]")
        pagina.wait_for_function(f"n => document.querySelectorAll('{RESULTADOS}').length > n",
                                 arg=antes, timeout=tiempo_ms)
    return [tuple(x) for x in pagina.evaluate(
        f"""() => [...document.querySelectorAll('{RESULTADOS} a[href]')]
                   .map(a => [a.href, a.textContent.replace(/\\s+/g, ' ').trim()])""")]


def ruta_de(url: str) -> str:
    """Ruta (sin consulta) de una URL: ``http://127.0.0.1:8000/a/b/?h=x#c`` → ``/a/b/``."""
    return urlsplit(url).path


def material_listo(pagina: Page) -> None:
    """Espera a que la página haya cargado y a que el JavaScript de Material y del sitio haya
    terminado su primer trabajo (marcos de tablas, gráficas): dos cuadros de animación, las
    gráficas ya dibujadas y, en la página de búsqueda, sus resultados."""
    pagina.wait_for_load_state("load")
    pagina.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    if pagina.locator("[data-buscador]").count():  # la página de búsqueda: hasta sus resultados
        esperar_busqueda(pagina)
    if pagina.locator("[data-grafica]").count():  # hasta que Plotly dibujó cada gráfica
        pagina.wait_for_function(
            "() => [...document.querySelectorAll('[data-grafica]')]"
            ".every(e => e.classList.contains('js-plotly-plot'))", timeout=20000)


def esperar_en_pantalla(pagina: Page, selector: str, tiempo_ms: float = 5000) -> None:
    """Espera a que el elemento ``selector`` quede (al menos en parte) dentro de la ventana."""
    pagina.wait_for_function(
        """selector => {
            const e = document.querySelector(selector);
            if (!e) return false;
            const r = e.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
        }""",
        arg=selector, timeout=tiempo_ms)


BAJAR_HASTA_EL_FINAL = """async () => {
    const cuadro = () => new Promise(r => requestAnimationFrame(r));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await cuadro();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await cuadro();
}"""


@dataclass
class Respuesta:
    """Una respuesta recibida por la página: URL, tipo de recurso, estado y cuerpo."""

    url: str
    tipo: str
    estado: int
    cuerpo: bytes


@dataclass
class Trafico:
    """Todo lo que una página pidió a la red al cargarse, al bajar hasta el final y, en la
    página de búsqueda, al buscar."""

    ruta: str
    graficas: bool
    busqueda: bool
    peticiones: list[str] = field(default_factory=list)
    sockets: list[str] = field(default_factory=list)
    respuestas: list[Respuesta] = field(default_factory=list)


def _cuerpo(respuesta, sitio: Path) -> bytes:
    """Cuerpo de la respuesta; si Chromium no lo conserva (p. ej., lo que pide un trabajador),
    el mismo archivo de la construcción, que es lo que envió el servidor local."""
    try:
        return respuesta.body()
    except Exception:  # Playwright no da un tipo propio para este caso
        archivo = sitio / unquote(urlsplit(respuesta.url).path).lstrip("/")
        return (archivo / "index.html" if archivo.is_dir() else archivo).read_bytes()


def registrar_trafico(navegador: Browser, base: str, ruta: str, sitio: Path) -> Trafico:
    """Abre ``ruta`` en un contexto nuevo (sin caché: cada recurso se pide de verdad), baja hasta
    el final (en la página de búsqueda, después de que responda su consulta), espera a que la
    red quede quieta y devuelve todas las peticiones (de la página y de sus trabajadores) y sus
    respuestas."""
    ctx = navegador.new_context(viewport=ESCRITORIO, locale="es-MX")
    peticiones: list[str] = []
    sockets: list[str] = []
    terminadas = []
    ctx.on("request", lambda r: peticiones.append(r.url))
    try:
        p = ctx.new_page()
        p.on("request", lambda r: peticiones.append(r.url))
        p.on("requestfinished", lambda r: terminadas.append(r))
        p.on("websocket", lambda ws: sockets.append(ws.url))
        p.goto(base + ruta)
        material_listo(p)
        con_busqueda = p.locator("[data-buscador]").count() > 0
        p.evaluate(BAJAR_HASTA_EL_FINAL)
        p.wait_for_load_state("networkidle")
        trafico = Trafico(ruta, p.locator(SELECTOR_GRAFICAS).count() > 0, con_busqueda, peticiones, sockets)
        vistas = set()
        for peticion in terminadas:
            respuesta = peticion.response()
            if respuesta is None or peticion.url in vistas or urlsplit(peticion.url).scheme not in ("http", "https"):
                continue
            vistas.add(peticion.url)
            trafico.respuestas.append(Respuesta(peticion.url, peticion.resource_type, respuesta.status,
                                                _cuerpo(respuesta, sitio)))
    finally:
        ctx.close()
    return trafico
