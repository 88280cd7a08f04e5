"""paginas.anexos: el apartado «Anexo para la Gaceta» y «Cómo citar» de cada documento, la
dirección corta en la página del acuerdo y el índice de anexos (tamaño, páginas, SHA-256)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from programas_spen.anexos.anexos import construir_anexos
from programas_spen.anexos.integridad import FichaAnexo
from programas_spen.anexos.pdf import PdfGenerado
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas import construir_paginas
from programas_spen.sitio.paginas.anexos import (
    PDF_EN_PREPARACION,
    bloque_anexo_documento,
    bloque_cita_acuerdo,
    con_cita_acuerdo,
    pagina_indice_anexos,
)
from programas_spen.sitio.paginas.comun import Pagina
from tests.datos_prueba import html

URL = "https://programas-spen.example/"


def _generador(html_anexo: str, base_url: str) -> PdfGenerado:
    return PdfGenerado(b"%PDF-" + str(len(html_anexo)).encode(), 7)


@pytest.fixture(scope="module")
def grafo(resultado_real) -> Grafo:
    return construir_grafo(resultado_real.datos, resultado_real.informe.avisos)


@pytest.fixture(scope="module")
def fichas(grafo: Grafo) -> dict[str, FichaAnexo]:
    return construir_anexos(grafo, URL, generador=_generador).fichas


@pytest.fixture(scope="module")
def fichas_sin_pdf(grafo: Grafo) -> dict[str, FichaAnexo]:
    return construir_anexos(grafo, URL, pdf=False).fichas


def test_bloque_del_documento(fichas: dict[str, FichaAnexo]) -> None:
    ficha = fichas["ine-pat-spen-2020"]
    texto = "\n".join(bloque_anexo_documento(ficha))
    assert texto.startswith("## Anexo para la Gaceta {#anexo}")
    assert '[Descargar el anexo en PDF](anexo.pdf){download="ine-pat-spen-2020-anexo.pdf"}' in texto
    assert "7 páginas" in texto
    assert "[Vista de impresión del anexo](anexo/index.html)" in texto
    assert f"**SHA-256 del PDF:** `{ficha.sha256}`" in texto
    assert "### Cómo citar {#como-citar}" in texto
    assert '<blockquote class="cita-gaceta"><p>Instituto Nacional Electoral, Dirección Ejecutiva' in texto
    assert "`https://programas-spen.example/INE/JGE06/2020/`" in texto
    salida = html(texto)
    assert 'href="anexo.pdf"' in salida and 'download="ine-pat-spen-2020-anexo.pdf"' in salida


def test_bloque_sin_pdf(fichas_sin_pdf: dict[str, FichaAnexo]) -> None:
    texto = "\n".join(bloque_anexo_documento(fichas_sin_pdf["ine-pat-cspen-2024"]))
    assert "no se generó en esta construcción" in texto and "anexo.pdf" not in texto
    assert "SHA-256" not in texto and "Dirección corta" not in texto


def test_bloque_y_indice_con_pdf_en_preparacion(grafo: Grafo, fichas_sin_pdf: dict[str, FichaAnexo]) -> None:
    pendientes = {doc: replace(ficha, pdf_pendiente=True) for doc, ficha in fichas_sin_pdf.items()}
    texto = "\n".join(bloque_anexo_documento(pendientes["ine-pat-cspen-2024"]))
    assert PDF_EN_PREPARACION in texto and "no se generó" not in texto and "anexo.pdf" not in texto
    indice = pagina_indice_anexos(grafo, pendientes).contenido
    filas = [linea for linea in indice.splitlines() if linea.startswith("| [")]
    assert len(filas) == 5 and all("| PDF en preparación · [vista de impresión](" in f for f in filas)
    assert all(f.endswith("| — | — | — |") for f in filas)
    assert "no se generaron" not in indice and "SHA256SUMS" not in indice


def test_cita_del_acuerdo(grafo: Grafo, fichas: dict[str, FichaAnexo]) -> None:
    bloque = "\n".join(bloque_cita_acuerdo(grafo.acuerdos["INE/JGE06/2020"], URL, fichas))
    assert "`https://programas-spen.example/INE/JGE06/2020/` — lleva a esta página" in bloque
    assert '../documentos/ine-pat-spen-2020/anexo.pdf){download="ine-pat-spen-2020-anexo.pdf"}' in bloque
    assert fichas["ine-pat-spen-2020"].sha256 in bloque
    solo = "\n".join(bloque_cita_acuerdo(grafo.acuerdos["INE/JGE38/2024"], URL, fichas))
    assert "INE/JGE38/2024/" in solo and "anexo.pdf" not in solo
    pagina = Pagina("acuerdos/ine-jge06-2020.md", "Acuerdo INE/JGE06/2020", "# Acuerdo\n\n*[INE]: Instituto\n")
    nueva = con_cita_acuerdo(pagina, grafo.acuerdos["INE/JGE06/2020"], URL, fichas)
    assert nueva.contenido.startswith(pagina.contenido.rstrip("\n"))
    assert "## Cómo citar {#como-citar}" in nueva.contenido


def test_indice_de_anexos(grafo: Grafo, fichas: dict[str, FichaAnexo]) -> None:
    pagina = pagina_indice_anexos(grafo, fichas)
    assert pagina.ruta == "anexos/index.md" and pagina.titulo == "Anexos para la Gaceta"
    filas = [linea for linea in pagina.contenido.splitlines() if linea.startswith("| [")]
    assert len(filas) == 5
    pat = next(f for f in filas if "ine-pat-spen-2020" in f)
    assert "[INE/JGE06/2020](../acuerdos/ine-jge06-2020.md)" in pat
    assert '[PDF](../documentos/ine-pat-spen-2020/anexo.pdf){download="ine-pat-spen-2020-anexo.pdf"}' in pat
    assert "[vista de impresión](../documentos/ine-pat-spen-2020/anexo/index.html)" in pat
    assert "| 7 | " in pat and f"`{fichas['ine-pat-spen-2020'].sha256}`" in pat
    assert "[`anexos.json`](anexos.json)" in pagina.contenido
    assert "[`SHA256SUMS`](SHA256SUMS)" in pagina.contenido
    sin_pdf = pagina_indice_anexos(grafo, construir_anexos(grafo, URL, pdf=False).fichas)
    assert "SHA256SUMS" not in sin_pdf.contenido and "no se generaron" in sin_pdf.contenido


def test_construir_paginas_con_anexos(grafo: Grafo, fichas: dict[str, FichaAnexo]) -> None:
    sin = {p.ruta: p for p in construir_paginas(grafo)}
    con = {p.ruta: p for p in construir_paginas(grafo, fichas, URL)}
    assert set(con) - set(sin) == {"anexos/index.md"}
    documento = con["documentos/ine-pat-spen-2020/index.md"].contenido
    assert documento.index("## Datos del documento") < documento.index("## Anexo para la Gaceta") < (
        documento.index("## Siglas"))
    assert "{#anexo}" not in sin["documentos/ine-pat-spen-2020/index.md"].contenido
    assert "## Cómo citar {#como-citar}" in con["acuerdos/ine-jge06-2020.md"].contenido
