"""El texto de los datos es siempre texto: marcado de Markdown o de HTML escrito en cualquier
campo de texto de un documento real se publica literal, en su página y en su anexo, y la
construcción estricta no se rompe ni avisa.

Se inyecta en **cada** campo de texto libre de un documento real (el PAT 2020, el más grande)
una carga con las formas de marcado que Python-Markdown interpretaría (imagen con atributo,
enlace ``javascript:``, lista de atributos, definición de abreviatura, ``<script>``) y se revisa
el sitio construido.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import construir, copiar_proyecto

CARGAS = ('![i](x" onerror="y)', "[x](javascript:alert(1))", '{: onclick="alert(1)" }', "*[SPEN]: <b>",
          "<script>alert(1)</script>")
CARGA = " " + " ".join(CARGAS)
DOCUMENTO = "datos/ine/2020/ine-pat-spen-2020.yml"

#: Campos cuyo valor no es texto libre: identificadores, fechas, meses, vocabularios cerrados y
#: referencias, que el esquema valida con su forma.
NO_LIBRES = {"id", "tipo", "institucion", "organo", "fecha", "periodo", "desde", "hasta", "meses", "estado",
             "aprobado_por", "sesion", "area", "areas", "mecanismo", "ficha", "estatus", "nivel", "objetivo",
             "archivo", "sha256", "unidad", "temas", "acuerdos", "numero", "anexo", "marca", "mes", "ordinal",
             "tema", "documento", "linea", "columna", "url", "enlace", "valor", "porcentaje", "publicadas",
             "actividades_publicadas", "seccion", "tabla", "fila", "pagina", "celebrada", "grupo_id", "condicion"}


def _inyectar(nodo: Any, clave: str | None = None) -> tuple[Any, int]:
    """El árbol con la carga añadida a cada texto libre, y cuántos se tocaron."""
    if isinstance(nodo, dict):
        total = 0
        salida = {}
        for k, v in nodo.items():
            salida[k], n = _inyectar(v, k)
            total += n
        return salida, total
    if isinstance(nodo, list):
        pares = [_inyectar(v, clave) for v in nodo]
        return [v for v, _ in pares], sum(n for _, n in pares)
    if isinstance(nodo, str) and clave not in NO_LIBRES and " " in nodo.strip():
        return nodo + CARGA, 1
    return nodo, 0


@pytest.fixture(scope="module")
def sitio_inyectado(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    proyecto = copiar_proyecto(tmp_path_factory.mktemp("inyectado"))
    ruta = proyecto / DOCUMENTO
    texto = ruta.read_text(encoding="utf-8")
    primera = texto.splitlines()[0]
    datos, tocados = _inyectar(yaml.safe_load(texto))
    ruta.write_text(primera + "\n" + yaml.safe_dump(datos, allow_unicode=True, sort_keys=False, width=10_000),
                    encoding="utf-8")
    construccion = construir(proyecto, proyecto / "site", ANEXOS_PDF="false", BUSQUEDA="false")
    assert construccion.codigo == 0, construccion.salida
    return construccion.sitio, tocados, construccion.salida


@pytest.mark.sitio
def test_la_construccion_estricta_no_avisa(sitio_inyectado: tuple[Path, int, str]) -> None:
    _, tocados, salida = sitio_inyectado
    assert tocados > 100  # de verdad se tocó cada texto del documento
    assert not [linea for linea in salida.splitlines() if linea.startswith("WARNING")]


@pytest.mark.sitio
@pytest.mark.parametrize("pagina", ["documentos/ine-pat-spen-2020/index.html",
                                    "documentos/ine-pat-spen-2020/anexo/index.html"])
def test_la_carga_se_publica_literal(sitio_inyectado: tuple[Path, int, str], pagina: str) -> None:
    sitio, _, _ = sitio_inyectado
    sopa = BeautifulSoup((sitio / pagina).read_text(encoding="utf-8"), "html.parser")
    texto = sopa.get_text()
    for carga in CARGAS:
        assert texto.count(carga) >= 10, (pagina, carga)


@pytest.mark.sitio
def test_ninguna_pagina_ejecuta_la_carga(sitio_inyectado: tuple[Path, int, str]) -> None:
    sitio, _, _ = sitio_inyectado
    for ruta in sitio.rglob("*.html"):
        sopa = BeautifulSoup(ruta.read_text(encoding="utf-8"), "html.parser")
        for etiqueta in sopa.find_all(True):
            for atributo, valor in etiqueta.attrs.items():
                assert not atributo.startswith("on"), (ruta, etiqueta.name, atributo)
                if atributo in ("href", "src"):
                    assert not str(valor).strip().lower().startswith("javascript:"), (ruta, valor)
        for guion in sopa.find_all("script"):
            if guion.get("type") == "application/ld+json":  # datos, no código: el texto va en JSON
                assert "<" not in (guion.string or ""), ruta
                continue
            assert "alert(1)" not in (guion.string or ""), ruta
        assert sopa.find("b") is None, ruta  # «*[SPEN]: <b>» no abrió una etiqueta
