"""Los datos estructurados (JSON-LD) con un procesador real (pyld): tipos y propiedades de
schema.org, y ningún texto de los datos puede cerrar el ``<script>``.

pyld resuelve el contexto ``https://schema.org`` con un cargador propio de la prueba (sin red):
el vocabulario de schema.org y las propiedades cuyo valor es una URL."""

from __future__ import annotations

import json
from typing import Any

from bs4 import BeautifulSoup
from pyld import jsonld as pyld

from programas_spen.datos_abiertos import jsonld
from programas_spen.sitio import urls
from programas_spen.sitio.render import escribir_pagina
from programas_spen.sitio.secciones import Pagina

from .conftest import URL

S = "https://schema.org/"
CONTEXTO_SCHEMA = {"@context": {"@vocab": S, **{p: {"@id": S + p, "@type": "@id"} for p in (
    "url", "license", "sameAs", "contentUrl", "subjectOf", "isBasedOn")}}}


def _cargador(url: str, opciones: Any = None) -> dict[str, Any]:
    assert url.rstrip("/") == "https://schema.org", url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": CONTEXTO_SCHEMA}


def expandir(datos: dict[str, Any]) -> list[dict[str, Any]]:
    """El JSON-LD expandido por pyld (y convertido a RDF, para saber que es válido)."""
    opciones = {"documentLoader": _cargador}
    assert pyld.to_rdf(datos, {**opciones, "format": "application/n-quads"})
    return pyld.expand(datos, opciones)


def _valor(nodo: dict[str, Any], propiedad: str) -> Any:
    [valor] = nodo[S + propiedad]
    return valor.get("@value", valor.get("@id"))


def _del_html(html: str) -> list[dict[str, Any]]:
    return [json.loads(s.string) for s in BeautifulSoup(html, "html.parser").find_all(
        "script", type="application/ld+json")]


def test_acuerdos_sesiones_y_documentos(grafo_real, publicado_real) -> None:
    """Cada acuerdo es ``Legislation`` con su número, cada sesión ``Event`` con su fecha y cada
    documento ``Report`` o ``CreativeWork`` con un ``Dataset`` de ``DataDownload``."""
    for numero, ficha in grafo_real.acuerdos.items():
        [nodo] = expandir(jsonld.acuerdo(ficha, grafo_real, URL))
        assert nodo["@type"] == [S + "Legislation"]
        assert _valor(nodo, "legislationIdentifier") == numero
        assert nodo["@id"] == urls.absoluta(URL, urls.acuerdo(numero).url())
        if isinstance(ficha.primero("fecha"), str):
            assert _valor(nodo, "legislationDate") == ficha.primero("fecha")
    for ident, ficha in grafo_real.sesiones.items():
        [nodo] = expandir(jsonld.sesion(ficha, grafo_real, URL))
        assert nodo["@type"] == [S + "Event"]
        assert _valor(nodo, "startDate") == ficha.fecha
        assert nodo["@id"] == urls.absoluta(URL, urls.sesion(ident).url())
    for doc in grafo_real.datos.documentos:
        descargas = publicado_real.por_documento[doc.id]
        nodos = {n["@type"][0]: n for n in expandir(jsonld.documento(doc, grafo_real, URL, descargas))}
        obra = nodos[S + ("Report" if doc.tipo == "informe_seguimiento" else "CreativeWork")]
        assert _valor(obra, "name") == " ".join(doc.titulo.split())
        conjunto = nodos[S + "Dataset"]
        assert _valor(conjunto, "license") == "https://datos.gob.mx/libreusomx"
        assert [d["@type"] for d in conjunto[S + "distribution"]] == [[S + "DataDownload"]] * len(descargas)
        assert {_valor(d, "contentUrl") for d in conjunto[S + "distribution"]} == {
            urls.absoluta(URL, d.ruta) for d in descargas}


def test_el_texto_de_los_datos_no_cierra_el_script() -> None:
    """Un texto con ``</script>``, ``<!--`` y ``&`` queda dentro de su ``<script>`` y vuelve
    exacto al leer el JSON."""
    texto = 'Título </script><script>alert("x")</script> <!-- y & </SCRIPT >'
    pagina = Pagina("acuerdos/x.md", "x", (jsonld.script({"@context": jsonld.CONTEXTO, "@type": "Legislation",
                                                           "name": texto}),))
    html = escribir_pagina(pagina).html
    assert "</script><script>" not in html
    assert len(BeautifulSoup(html, "html.parser").find_all("script")) == 1
    [datos] = _del_html(html)
    assert datos["name"] == texto
    assert _valor(expandir(datos)[0], "name") == texto
