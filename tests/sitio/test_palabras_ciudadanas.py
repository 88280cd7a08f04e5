"""Palabras para la ciudadanía (#26, punto 6), en el sitio real construido en modo estricto:
ninguna página dice, en el texto que se lee, nombres de archivo internos, rutas de campos,
líneas del archivo de datos, ids de registros ni la jerga de la validación. Eso puede quedar
plegado en «Detalles técnicos» (``<details>``), en ``/avisos/`` (la lista para quien edita los
datos) y en las páginas de datos abiertos (``/datos/``: el diccionario describe las columnas con
sus valores, para quien reutiliza los datos). Las huellas SHA-256 de un documento van tras su
contenido, en sus apartados finales."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Construccion

pytestmark = pytest.mark.sitio

#: Lo que no se dice a la ciudadanía: patrón → qué es.
PROHIBIDOS = {
    r"\b\d{3}_[0-9a-f]{16}\.txt\b": "nombre interno del texto fuente",
    r"\w\[\]\.\w": "ruta de un campo de los datos (acuerdos[].fuente.nota)",
    r"Línea del archivo": "línea del archivo de datos",
    r"\bdatos/[\w./-]+\.yml\b": "archivo de datos",
    r"«(?:tema|actividad|compromiso|ficha|linea|cronograma|sesion|objetivo|eje)-[0-9a-z-]+»": "id de un registro",
    r"marca\(s\)|fuera de las columnas de meses": "jerga de la validación",
    r"\bregistro\(s\) en «": "jerga de la validación",
}

#: Páginas que no son para la ciudadanía (ver arriba; la guía del personal enseña archivos y
#: mensajes de la validación tal como los verá quien publica).
EXCLUIDAS = ("avisos/", "datos/", "pagefind/", "guia-personal/")


def _texto_que_se_lee(html: str) -> str:
    sopa = BeautifulSoup(html, "html.parser")
    for nodo in sopa.find_all(["details", "script", "style", "template", "noscript"]):
        nodo.decompose()
    return " ".join(sopa.get_text(" ").split())


def _paginas(sitio: Path) -> list[tuple[str, Path]]:
    return sorted((str(f.relative_to(sitio)), f) for f in sitio.rglob("*.html")
                  if not str(f.relative_to(sitio)).startswith(EXCLUIDAS))


def test_ninguna_pagina_dice_detalles_internos(sitio_construido: Construccion) -> None:
    paginas = _paginas(sitio_construido.sitio)
    assert len(paginas) > 50  # que la prueba mire de verdad el sitio
    hallados = []
    for ruta, archivo in paginas:
        texto = _texto_que_se_lee(archivo.read_text(encoding="utf-8"))
        for patron, que in PROHIBIDOS.items():
            encontrado = re.search(patron, texto)
            if encontrado:
                hallados.append(f"{ruta}: {que}: …{texto[max(0, encontrado.start() - 60):encontrado.end() + 20]}…")
    assert hallados == [], "\n".join(hallados)


def test_los_detalles_siguen_plegados(sitio_construido: Construccion) -> None:
    """Lo que se quitó del texto sigue ahí para quien lo pide: cada documento lleva su archivo
    fuente en «Detalles técnicos»; la prueba anterior no es vacía."""
    documentos = sorted((sitio_construido.sitio / "documentos").glob("*/index.html"))
    assert documentos
    for archivo in documentos:
        sopa = BeautifulSoup(archivo.read_text(encoding="utf-8"), "html.parser")
        detalles = sopa.find("details", class_="spen-detalles")
        assert detalles is not None and detalles.summary.get_text() == "Detalles técnicos", archivo
        assert re.search(r"\d{3}_[0-9a-f]{16}\.txt", detalles.get_text()), archivo


def test_huellas_tras_el_contenido(sitio_construido: Construccion) -> None:
    """En la página de un documento, «SHA-256» solo aparece en sus apartados finales (anexo y
    datos abiertos), nunca antes de su contenido."""
    for archivo in sorted((sitio_construido.sitio / "documentos").glob("*/index.html")):
        sopa = BeautifulSoup(archivo.read_text(encoding="utf-8"), "html.parser")
        contenido = sopa.find("article") or sopa
        apartados = [h.get("id") for h in contenido.find_all("h2")]
        finales = {"anexo", "datos-abiertos"}
        primero_final = min((i for i, a in enumerate(apartados) if a in finales), default=len(apartados))
        assert all(a in finales for a in apartados[primero_final:]), (archivo, apartados)
        antes = []
        for nodo in contenido.find_all("h2")[primero_final].find_all_previous(string=True) if primero_final < len(
                apartados) else contenido.find_all(string=True):
            if nodo.find_parent("details") is None:
                antes.append(str(nodo))
        assert "SHA-256" not in " ".join(antes), archivo
