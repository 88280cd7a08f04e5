"""exportar.integridad: huellas SHA-256, tamaños en español y las listas de anexos (JSON
estable y formato de ``sha256sum``)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

from programas_spen.anexos.integridad import FichaAnexo, lista_json, sha256, sumas, tamano_legible


def _ficha(doc: str, con_pdf: bool = True) -> FichaAnexo:
    contenido = doc.encode()
    return FichaAnexo(
        documento=doc, titulo=f"Título {doc}", ruta_vista=f"documentos/{doc}/anexo/index.html",
        url_pagina=f"https://x/documentos/{doc}/", url_vista=f"https://x/documentos/{doc}/anexo/", cita="Cita.",
        ruta_pdf=f"documentos/{doc}/anexo.pdf" if con_pdf else None,
        sha256=sha256(contenido) if con_pdf else None, bytes=len(contenido) if con_pdf else None,
        paginas=3 if con_pdf else None)


def test_sha256() -> None:
    assert sha256(b"abc") == hashlib.sha256(b"abc").hexdigest()


def test_tamano_legible() -> None:
    assert tamano_legible(0) == "0 B"
    assert tamano_legible(1023) == "1023 B"
    assert tamano_legible(1536) == "1,5 kB"
    assert tamano_legible(2_500_000) == "2,4 MB"
    assert tamano_legible(5 * 1024 ** 3) == "5120,0 MB"


def test_lista_json_estable_y_completa() -> None:
    fichas = [_ficha("a"), _ficha("b")]
    contenido = lista_json(fichas)
    assert contenido == lista_json(fichas)
    datos = json.loads(contenido)
    assert [a["documento"] for a in datos["anexos"]] == ["a", "b"]
    assert datos["anexos"][0]["sha256"] == sha256(b"a")
    assert set(datos["anexos"][0]) >= {"url_pagina", "url_corta", "cita", "ruta_pdf", "bytes", "paginas"}
    assert "pdf_pendiente" not in datos["anexos"][0]  # solo en la vista previa, cuando es cierto


def test_lista_json_pdf_en_preparacion() -> None:
    pendiente = replace(_ficha("a", con_pdf=False), pdf_pendiente=True)
    datos = json.loads(lista_json([pendiente, _ficha("b")]))
    assert datos["anexos"][0]["pdf_pendiente"] is True and datos["anexos"][0]["sha256"] is None
    assert "pdf_pendiente" not in datos["anexos"][1]
    assert sumas([pendiente]) == b""


def test_sumas_formato_sha256sum() -> None:
    assert sumas([_ficha("a"), _ficha("b")]).decode() == (
        f"{sha256(b'a')}  documentos/a/anexo.pdf\n{sha256(b'b')}  documentos/b/anexo.pdf\n")
    assert sumas([_ficha("a", con_pdf=False)]) == b""
