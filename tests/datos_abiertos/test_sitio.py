"""Los datos abiertos en el sitio construido de verdad (``mkdocs build --strict``): cada página
enlaza el feed Atom en su cabecera, cada entrada de cada feed lleva a una página (y ancla) que
existe, el Data Package del sitio pasa ``frictionless validate`` y los datos estructurados de
las páginas se leen con pyld."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from frictionless import validate

from programas_spen.sitio import urls
from programas_spen.sitio.construir import URL_BASE

from .test_jsonld import expandir

pytestmark = pytest.mark.sitio


def _archivo(sitio: Path, url: str) -> Path:
    """El archivo del sitio que sirve una URL relativa a la raíz."""
    ruta = url.split("#")[0]
    return sitio / (ruta + "index.html" if ruta.endswith("/") or ruta == "" else ruta)


def test_cada_pagina_enlaza_el_feed(sitio_construido, grafo_real) -> None:
    """En la cabecera de cada página del tema (no las direcciones cortas de los acuerdos, que
    solo redirigen, ni la vista de impresión de los anexos), un ``<link rel="alternate"
    type="application/atom+xml">`` al feed del sitio, que existe."""
    sitio = sitio_construido.sitio
    paginas = [p for p in sitio.rglob("*.html") if 'class="md-container"' in p.read_text("utf-8")]
    assert len(paginas) > len(grafo_real.datos.documentos) + len(grafo_real.acuerdos)
    for pagina in paginas:
        cabecera = BeautifulSoup(pagina.read_text("utf-8"), "html.parser").head
        enlaces = cabecera.find_all("link", rel="alternate", type="application/atom+xml")
        # relativos a la página; absolutos desde la raíz en la página 404 (como los pone MkDocs)
        destinos = {e["href"].lstrip("/") if e["href"].startswith("/") else
                    posixpath.normpath(posixpath.join(str(pagina.parent.relative_to(sitio)), e["href"]))
                    for e in enlaces}
        assert urls.novedades() in destinos, pagina
        assert all((sitio / d).is_file() for d in destinos), pagina


def test_cada_entrada_lleva_a_una_pagina_que_existe(sitio_construido) -> None:
    """feedparser sobre cada feed publicado: cada entrada enlaza una página del sitio construido
    y, si lleva ancla, el elemento con ese id."""
    sitio = sitio_construido.sitio
    feeds = sorted((sitio / "suscripciones").glob("*.atom"))
    assert (sitio / urls.novedades()) in feeds
    for feed in feeds:
        leido = feedparser.parse(feed.read_bytes())
        assert not leido.bozo and leido.entries, feed
        for entrada in leido.entries:
            assert entrada.link.startswith(URL_BASE)
            url = entrada.link.removeprefix(URL_BASE)
            pagina = _archivo(sitio, url)
            assert pagina.is_file(), entrada.link
            if "#" in url:
                ancla = url.split("#", 1)[1]
                assert BeautifulSoup(pagina.read_text("utf-8"), "html.parser").find(id=ancla), entrada.link


def test_paquete_y_descargas_del_sitio(sitio_construido) -> None:
    """El Data Package del sitio construido pasa ``frictionless validate``; cada archivo de
    ``SHA256SUMS`` está en el sitio con esa huella."""
    import hashlib

    sitio = sitio_construido.sitio
    informe = validate(str(sitio / urls.datos_sitio("datapackage.json")))
    assert informe.valid, informe.flatten(["type", "message"])[:10]
    for linea in (sitio / urls.datos_sitio("SHA256SUMS")).read_text("utf-8").splitlines():
        huella, ruta = linea.split("  ", 1)
        assert hashlib.sha256((sitio / ruta).read_bytes()).hexdigest() == huella, ruta


def test_datos_estructurados_en_las_paginas(sitio_construido, grafo_real) -> None:
    """Cada documento, acuerdo y sesión lleva un bloque JSON-LD que pyld lee con el tipo de
    schema.org que le corresponde."""
    sitio = sitio_construido.sitio
    tipos = {urls.documento(d.id).url(): "Report" if d.tipo == "informe_seguimiento" else "CreativeWork"
             for d in grafo_real.datos.documentos}
    tipos |= {urls.acuerdo(n).url(): "Legislation" for n in grafo_real.acuerdos}
    tipos |= {urls.sesion(s).url(): "Event" for s in grafo_real.sesiones}
    tipos[urls.DATOS_ABIERTOS.url()] = "Dataset"
    for url, tipo in tipos.items():
        sopa = BeautifulSoup(_archivo(sitio, url).read_text("utf-8"), "html.parser")
        [script] = sopa.find_all("script", type="application/ld+json")
        nodos = expandir(json.loads(script.string))
        assert f"https://schema.org/{tipo}" in {t for n in nodos for t in n["@type"]}, url
