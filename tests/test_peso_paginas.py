"""Peso de las páginas, medido en Chromium: para cada tipo de página, los bytes de todo lo que
pide al cargarse en un contexto sin caché (en la página de búsqueda, con su consulta ya
respondida: el motor de Pagefind, su WebAssembly y los trozos de índice que pidió), por clase de
recurso, sin comprimir y comprimidos con gzip
(nivel 6, el habitual de un servidor; se calcula aquí sobre el cuerpo de cada respuesta, porque
el servidor de pruebas no comprime). El informe se escribe en la carpeta temporal de pytest y
se imprime (``pytest -s`` lo muestra); nunca en el repositorio.

Presupuestos, elegidos de lo medido (noviembre de 2026, Material 9.8) con holgura para crecer:

- **HTML ≤ 600 KB sin comprimir por página.** La más pesada, la del PAT 2020 (74 actividades
  con su calendario), ronda los 82 KB (15 con gzip); un documento a escala nacional (30
  compromisos, unas 75 actividades) es del mismo orden. 600 KB deja un margen de ×7 y aún se
  lee bien en un teléfono.
- **Plotly solo donde hay gráficas.** Pesa 4,8 MB (1,5 MB con gzip), diez veces todo lo demás
  junto; una página sin gráficas (sin ``[data-grafica]``) no debe pedir nada cuya URL contenga
  «plotly».
- **Pagefind solo en la página de búsqueda.** Las demás páginas solo tienen el formulario de
  la cabecera, que lleva a ella: no piden nada de ``/pagefind/``.
- **Sin gráficas, JavaScript ≤ 150 KB con gzip** (Material y los scripts propios; en la página
  de búsqueda, además, el motor de Pagefind: su JavaScript, su trabajador y su WebAssembly,
  ``.pagefind``, que se cuenta como JavaScript), y **todo junto ≤ 600 KB con gzip**. La
  búsqueda ya no crece con el sitio: cada consulta pide solo los trozos de índice de sus
  palabras (``.pf_*``, datos).
- **Con gráficas, todo junto ≤ 2,5 MB con gzip** (hoy 1,6)."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

from tests.navegador import PAGINAS

pytestmark = pytest.mark.navegador

KB = 1024
CLASES = ("HTML", "CSS", "JS", "datos", "imágenes y fuentes", "otros")
EXTENSIONES = {
    ".html": "HTML", ".css": "CSS", ".js": "JS", ".mjs": "JS",
    ".json": "datos", ".ics": "datos", ".xml": "datos", ".txt": "datos", ".csv": "datos",
    # Pagefind: su WebAssembly es código; sus trozos de índice, datos (ya comprimidos)
    ".pagefind": "JS", ".pf_meta": "datos", ".pf_index": "datos", ".pf_fragment": "datos",
    ".pf_filter": "datos",
    ".png": "imágenes y fuentes", ".svg": "imágenes y fuentes", ".ico": "imágenes y fuentes",
    ".jpg": "imágenes y fuentes", ".jpeg": "imágenes y fuentes", ".webp": "imágenes y fuentes",
    ".gif": "imágenes y fuentes", ".woff": "imágenes y fuentes", ".woff2": "imágenes y fuentes",
    ".ttf": "imágenes y fuentes", ".otf": "imágenes y fuentes",
}

HTML_MAXIMO = 600 * KB
JS_SIN_GRAFICAS_GZIP = 150 * KB
TOTAL_SIN_GRAFICAS_GZIP = 600 * KB
TOTAL_CON_GRAFICAS_GZIP = 2560 * KB


@dataclass
class Medicion:
    """Lo que pidió una página: bytes sin comprimir y con gzip por clase, y las URL."""

    ruta: str
    graficas: bool
    urls: list[str] = field(default_factory=list)
    bytes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASES, 0))
    gzip: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASES, 0))

    def total(self, tabla: dict[str, int]) -> int:
        return sum(tabla.values())


def _clase(url: str, tipo_recurso: str) -> str:
    if tipo_recurso == "document":
        return "HTML"
    sufijo = PurePosixPath(unquote(urlsplit(url).path)).suffix.lower()
    return EXTENSIONES.get(sufijo, "otros")


@pytest.fixture(scope="module")
def mediciones(trafico: dict) -> dict[str, Medicion]:
    """Mide cada respuesta de cada tipo de página una vez (el tráfico se registra en un contexto
    sin caché hasta que la red queda quieta: fixture ``trafico`` de ``conftest.py``)."""
    resultado = {}
    for tipo, registro in trafico.items():
        medicion = Medicion(registro.ruta, registro.graficas)
        for respuesta in registro.respuestas:
            assert respuesta.estado == 200, (respuesta.url, respuesta.estado)
            clase = _clase(respuesta.url, respuesta.tipo)
            medicion.urls.append(respuesta.url)
            medicion.bytes[clase] += len(respuesta.cuerpo)
            medicion.gzip[clase] += len(gzip.compress(respuesta.cuerpo, compresslevel=6, mtime=0))
        resultado[tipo] = medicion
    return resultado


def _kb(n: int) -> str:
    return f"{n / KB:,.1f}".replace(",", " ")


def test_informe_de_peso(mediciones: dict[str, Medicion], tmp_path_factory: pytest.TempPathFactory) -> None:
    encabezado = ["Página", "Gráficas", *CLASES, "Total", "Peticiones"]
    filas = []
    for tipo, m in mediciones.items():
        celdas = [f"{_kb(m.gzip[c])} ({_kb(m.bytes[c])})" for c in CLASES]
        filas.append([f"{tipo} `/{m.ruta}`", "sí" if m.graficas else "no", *celdas,
                      f"{_kb(m.total(m.gzip))} ({_kb(m.total(m.bytes))})", str(len(m.urls))])
    lineas = [
        "# Peso de las páginas",
        "",
        "KB con gzip (KB sin comprimir), de todo lo que pide cada página al cargarse (la de",
        "búsqueda, con su consulta respondida).",
        "",
        "| " + " | ".join(encabezado) + " |",
        "|" + "|".join(" --- " for _ in encabezado) + "|",
        *("| " + " | ".join(fila) + " |" for fila in filas),
    ]
    informe = "\n".join(lineas) + "\n"
    destino = tmp_path_factory.mktemp("peso") / "peso-paginas.md"
    destino.write_text(informe, encoding="utf-8")
    print(f"\n{informe}\n(Informe escrito en {destino})")
    assert len(filas) == len(PAGINAS)


def test_plotly_solo_en_paginas_con_graficas(mediciones: dict[str, Medicion]) -> None:
    for tipo, m in mediciones.items():
        if not m.graficas:
            assert not [u for u in m.urls if "plotly" in u.lower()], tipo
    # La prueba no es vacía: la página de gráficas sí dibuja con Plotly.
    graficas = mediciones["graficas-documento"]
    assert graficas.graficas
    assert any("plotly" in u.lower() for u in graficas.urls)


def test_pagefind_solo_en_la_pagina_de_busqueda(mediciones: dict[str, Medicion]) -> None:
    for tipo, m in mediciones.items():
        pagefind = [u for u in m.urls if "/pagefind/" in u]
        if tipo == "buscar":
            # el motor una vez (del índice común), y trozos de índice y fragmentos de resultados
            assert sum(u.endswith("/pagefind/comun/pagefind.js") for u in pagefind) == 1, pagefind
            assert any(u.endswith(".pf_index") for u in pagefind), pagefind
            assert any(u.endswith(".pf_fragment") for u in pagefind), pagefind
            assert sum(u.endswith(".pagefind") for u in pagefind) == 1, pagefind
        else:
            assert not pagefind, (tipo, pagefind)


def test_presupuestos_de_peso(mediciones: dict[str, Medicion]) -> None:
    excedidas = []
    for tipo, m in mediciones.items():
        if m.bytes["HTML"] > HTML_MAXIMO:
            excedidas.append(f"{tipo}: HTML {_kb(m.bytes['HTML'])} KB > {_kb(HTML_MAXIMO)} KB")
        if m.graficas:
            if m.total(m.gzip) > TOTAL_CON_GRAFICAS_GZIP:
                excedidas.append(f"{tipo}: total {_kb(m.total(m.gzip))} KB gzip > {_kb(TOTAL_CON_GRAFICAS_GZIP)}")
            continue
        if m.gzip["JS"] > JS_SIN_GRAFICAS_GZIP:
            excedidas.append(f"{tipo}: JS {_kb(m.gzip['JS'])} KB gzip > {_kb(JS_SIN_GRAFICAS_GZIP)}")
        if m.total(m.gzip) > TOTAL_SIN_GRAFICAS_GZIP:
            excedidas.append(f"{tipo}: total {_kb(m.total(m.gzip))} KB gzip > {_kb(TOTAL_SIN_GRAFICAS_GZIP)}")
    assert not excedidas, excedidas
