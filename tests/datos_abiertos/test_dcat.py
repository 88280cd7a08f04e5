"""El catálogo DCAT (``data.json``) contra la lista de campos de la Guía de Implementación de
la Política de Datos Abiertos (datos.gob.mx), y cada distribución contra su archivo."""

from __future__ import annotations

import json
from pathlib import Path

from programas_spen.sitio import urls

from .conftest import URL

#: Campos que pide la Guía a cada conjunto de datos y a cada distribución (escritos aquí, no
#: tomados del código que los produce).
GUIA_CONJUNTO = ("identifier", "title", "description", "keyword", "modified", "contactPoint", "mbox", "temporal",
                 "spatial", "landingPage", "accrualPeriodicity")
GUIA_DISTRIBUCION = ("downloadURL", "mediaType", "byteSize")
LIBRE_USO_MX = "https://datos.gob.mx/libreusomx"


def test_data_json_tiene_los_campos_de_la_guia(resultado_real, carpeta_real: Path) -> None:
    """Un conjunto del sitio y uno por documento real, cada uno con todos los campos de la Guía
    no vacíos, la licencia Libre Uso MX, el texto para citarlo, y cada distribución con su URL
    de descarga (un archivo publicado), tipo de medio y su tamaño exacto en bytes."""
    catalogo = json.loads((carpeta_real / urls.DCAT).read_text("utf-8"))
    conjuntos = catalogo["dataset"]
    assert len(conjuntos) == 1 + len(resultado_real.datos.documentos)
    for conjunto in conjuntos:
        for campo in GUIA_CONJUNTO:
            assert conjunto.get(campo) not in (None, "", []), (conjunto["identifier"], campo)
        assert conjunto["license"] == LIBRE_USO_MX
        assert "fecha de consulta: AAAA-MM-DD" in conjunto["rights"]
        assert "@" in conjunto["mbox"]
        assert conjunto["distribution"]
        for distribucion in conjunto["distribution"]:
            for campo in GUIA_DISTRIBUCION:
                assert distribucion.get(campo) not in (None, ""), (conjunto["identifier"], campo)
            ruta = distribucion["downloadURL"].removeprefix(URL)
            assert distribucion["downloadURL"] == urls.absoluta(URL, ruta)
            assert distribucion["byteSize"] == (carpeta_real / ruta).stat().st_size
    por_id = {c["identifier"]: c for c in conjuntos}
    for doc in resultado_real.datos.documentos:
        propio = por_id[urls.absoluta(URL, urls.apartado(doc.id, urls.APARTADO_DATOS_ABIERTOS).url())]
        assert propio["landingPage"] == urls.absoluta(URL, urls.documento(doc.id).url())
        if doc.fecha:
            assert propio["modified"] == doc.fecha
        if doc.periodo:
            assert propio["temporal"] == f"{doc.periodo.desde}/{doc.periodo.hasta}"


def test_listas_de_tamanos_y_huellas(publicado_real, carpeta_real: Path) -> None:
    """``archivos.json`` y ``SHA256SUMS`` nombran cada archivo publicado (salvo ellos mismos) con
    su tamaño y huella reales."""
    import hashlib

    lista = json.loads((carpeta_real / urls.datos_sitio("archivos.json")).read_text("utf-8"))["archivos"]
    propias = {urls.datos_sitio("archivos.json"), urls.datos_sitio("SHA256SUMS")}
    assert sorted(a["ruta"] for a in lista) == sorted(r for r, _ in publicado_real.archivos if r not in propias)
    for archivo in lista:
        contenido = (carpeta_real / archivo["ruta"]).read_bytes()
        assert archivo["bytes"] == len(contenido)
        assert archivo["sha256"] == hashlib.sha256(contenido).hexdigest()
    sumas = (carpeta_real / urls.datos_sitio("SHA256SUMS")).read_text("utf-8").splitlines()
    assert sumas == [f"{a['sha256']}  {a['ruta']}" for a in lista]
