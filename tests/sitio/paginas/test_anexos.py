"""paginas.anexos: el apartado «Anexo para la Gaceta» y «Cómo citar» de cada documento, la
dirección corta en la página del acuerdo y el índice de anexos (tamaño, páginas, SHA-256)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bs4 import BeautifulSoup

from programas_spen.anexos.anexos import ficha_base
from programas_spen.anexos.integridad import FichaAnexo, sha256
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.acuerdos import pagina_acuerdo
from programas_spen.sitio.paginas.anexos import (
    PDF_EN_PREPARACION,
    bloque_anexo_documento,
    bloque_cita_acuerdo,
    con_cita_acuerdo,
    pagina_indice_anexos,
)
from programas_spen.sitio.secciones import Pagina, Parrafo, Seccion
from tests.sitio.paginas.sopa import enlaces, filas, plano, sopa, sopa_de_bloques

URL = "https://programas-spen.example/"


@pytest.fixture(scope="module")
def fichas_sin_pdf(grafo_real: Grafo) -> dict[str, FichaAnexo]:
    """Las fichas de los anexos de una construcción sin PDF (``anexos_pdf: false``)."""
    return {doc.id: ficha_base(doc, grafo_real, URL) for doc in grafo_real.datos.documentos}


@pytest.fixture(scope="module")
def fichas(fichas_sin_pdf: dict[str, FichaAnexo]) -> dict[str, FichaAnexo]:
    """Las fichas con un PDF de 7 páginas cada una, como las llena ``anexos.construir_anexos``
    (las páginas solo publican lo que dice la ficha)."""
    con_pdf = {}
    for doc, ficha in fichas_sin_pdf.items():
        contenido = b"%PDF-" + doc.encode()
        ruta = urls.anexo_pdf(doc)
        con_pdf[doc] = replace(ficha, ruta_pdf=ruta, url_pdf=urls.absoluta(URL, ruta), sha256=sha256(contenido),
                               bytes=len(contenido), paginas=7)
    return con_pdf


def _bloque(ficha: FichaAnexo) -> BeautifulSoup:
    """El apartado del anexo escrito en la página de su documento."""
    return sopa_de_bloques(bloque_anexo_documento(ficha), urls.documento(ficha.documento).ruta)


def test_bloque_del_documento(fichas: dict[str, FichaAnexo]) -> None:
    ficha = fichas["ine-pat-spen-2020"]
    [apartado] = bloque_anexo_documento(ficha)
    assert isinstance(apartado, Seccion) and apartado.solo_web  # en la página web, no en el anexo mismo
    html = _bloque(ficha)
    assert html.find("h2")["id"] == "anexo" and plano(html.find("h2")).startswith("Anexo para la Gaceta")
    descarga = html.find("a", string="Descargar el anexo en PDF")
    assert descarga["href"] == "anexo.pdf" and descarga["download"] == "ine-pat-spen-2020-anexo.pdf"
    assert "7 páginas" in plano(html)
    assert enlaces(html)["Vista de impresión del anexo"] == "anexo/"
    huella = html.find("strong", string="SHA-256 del PDF:").parent
    assert plano(huella).startswith(f"SHA-256 del PDF: {ficha.sha256} (compruébelo con sha256sum ")
    assert ficha.sha256 in [c.get_text() for c in huella.find_all("code")]
    assert enlaces(html)["Todos los anexos y sus huellas"] == "../../anexos/"
    assert html.find("h3")["id"] == "como-citar"
    cita = html.select_one("blockquote.cita-gaceta p")
    assert plano(cita).startswith("Instituto Nacional Electoral, Dirección Ejecutiva")
    assert cita.find("abbr") is None  # el texto se copia tal cual, sin marcas de siglas
    assert "https://programas-spen.example/INE/JGE06/2020/" in [c.get_text() for c in html.find_all("code")]


def test_bloque_sin_pdf(fichas_sin_pdf: dict[str, FichaAnexo]) -> None:
    html = _bloque(fichas_sin_pdf["ine-pat-cspen-2024"])
    texto = plano(html)
    assert "no se generó en esta construcción" in texto
    assert "anexo.pdf" not in [a["href"] for a in html.find_all("a", href=True)]
    assert "SHA-256" not in texto and "Dirección corta" not in texto


def test_bloque_y_indice_con_pdf_en_preparacion(grafo_real: Grafo, fichas_sin_pdf: dict[str, FichaAnexo]) -> None:
    pendientes = {doc: replace(ficha, pdf_pendiente=True) for doc, ficha in fichas_sin_pdf.items()}
    html = _bloque(pendientes["ine-pat-cspen-2024"])
    texto = plano(html)
    assert PDF_EN_PREPARACION in texto and "no se generó" not in texto
    assert not any(a["href"].endswith("anexo.pdf") for a in html.find_all("a", href=True))
    indice = sopa(pagina_indice_anexos(grafo_real, pendientes))
    tabla = filas(indice.find("table"))
    assert len(tabla) == len(pendientes)
    assert all(f[2] == "PDF en preparación · vista de impresión" and f[3:] == ["—", "—", "—"] for f in tabla)
    assert "no se generaron" not in plano(indice) and "SHA256SUMS" not in plano(indice)


def test_cita_del_acuerdo(grafo_real: Grafo, fichas: dict[str, FichaAnexo]) -> None:
    seccion = bloque_cita_acuerdo(grafo_real.acuerdos["INE/JGE06/2020"], URL, fichas)
    assert seccion is not None and seccion.id == "como-citar"
    html = sopa_de_bloques((seccion,), urls.acuerdo("INE/JGE06/2020").ruta)
    assert "https://programas-spen.example/INE/JGE06/2020/ — lleva a esta página" in plano(html)
    descarga = next(a for a in html.find_all("a") if a.get("download"))
    assert descarga["href"] == "../../documentos/ine-pat-spen-2020/anexo.pdf"
    assert descarga["download"] == "ine-pat-spen-2020-anexo.pdf"
    assert fichas["ine-pat-spen-2020"].sha256 in plano(html)
    solo = bloque_cita_acuerdo(grafo_real.acuerdos["INE/JGE38/2024"], URL, fichas)
    assert solo is not None
    solo_html = sopa_de_bloques((solo,), urls.acuerdo("INE/JGE38/2024").ruta)
    assert "INE/JGE38/2024/" in plano(solo_html) and not enlaces(solo_html)  # ningún anexo que enlazar
    pagina = Pagina("acuerdos/ine-jge06-2020.md", "Acuerdo INE/JGE06/2020", (Parrafo("Acuerdo"),))
    nueva = con_cita_acuerdo(pagina, grafo_real.acuerdos["INE/JGE06/2020"], URL, fichas)
    assert nueva.cuerpo[:-1] == pagina.cuerpo  # la página intacta, con «Cómo citar» al final
    assert isinstance(nueva.cuerpo[-1], Seccion) and nueva.cuerpo[-1].id == "como-citar"


def test_acuerdo_con_su_cita(grafo_real: Grafo, fichas: dict[str, FichaAnexo]) -> None:
    """En la página del acuerdo, «Cómo citar» es el último apartado, después de todo lo demás."""
    ficha = grafo_real.acuerdos["INE/JGE06/2020"]
    html = sopa(con_cita_acuerdo(pagina_acuerdo(ficha, grafo_real), ficha, URL, fichas))
    assert [h["id"] for h in html.find_all("h2")][-1] == "como-citar"
    assert html.find(id="como-citar").find_previous("a", string="Todos los acuerdos") is not None


def test_indice_de_anexos(grafo_real: Grafo, fichas: dict[str, FichaAnexo],
                          fichas_sin_pdf: dict[str, FichaAnexo]) -> None:
    pagina = pagina_indice_anexos(grafo_real, fichas)
    assert pagina.ruta == "anexos/index.md" and pagina.titulo == "Anexos para la Gaceta"
    assert pagina.descripcion.startswith("Anexos en PDF listos para la Gaceta Electoral")
    html = sopa(pagina)
    tabla = html.find("table")
    assert len(filas(tabla)) == len(fichas)
    fila = next(tr for tr in tabla.select("tbody tr") if "ine-pat-spen-2020" in str(tr))
    assert enlaces(fila)["INE/JGE06/2020"] == "../acuerdos/ine-jge06-2020/"
    pdf = fila.find("a", string="PDF")
    assert pdf["href"] == "../documentos/ine-pat-spen-2020/anexo.pdf"
    assert pdf["download"] == "ine-pat-spen-2020-anexo.pdf"
    assert enlaces(fila)["vista de impresión"] == "../documentos/ine-pat-spen-2020/anexo/"
    celdas = [plano(td) for td in fila.find_all("td")]
    assert celdas[3] == "7" and celdas[5] == fichas["ine-pat-spen-2020"].sha256
    assert enlaces(html)["anexos.json"] == "anexos.json"
    assert enlaces(html)["SHA256SUMS"] == "SHA256SUMS"
    sin_pdf = sopa(pagina_indice_anexos(grafo_real, fichas_sin_pdf))
    assert "SHA256SUMS" not in plano(sin_pdf) and "no se generaron" in plano(sin_pdf)


def test_paginas_del_sitio_con_anexos(grafo_real: Grafo, fichas: dict[str, FichaAnexo]) -> None:
    """Con los anexos, cada documento lleva su apartado «Anexo para la Gaceta» (después de sus
    datos y antes de sus siglas), cada acuerdo su «Cómo citar», y se añade el índice de anexos.
    Depende de la página del documento (``paginas.documento``), que se convierte aparte."""
    from programas_spen.sitio.construir import describir_paginas

    sin = {p.ruta: p for p in describir_paginas(grafo_real)}
    con = {p.ruta: p for p in describir_paginas(grafo_real, fichas, URL)}
    assert set(con) - set(sin) == {"anexos/index.md"}
    documento = [h["id"] for h in sopa(con["documentos/ine-pat-spen-2020/index.md"]).find_all("h2")]
    assert documento.index("datos") < documento.index("siglas") < documento.index("anexo")  # el anexo, al final
    assert sopa(sin["documentos/ine-pat-spen-2020/index.md"]).find(id="anexo") is None
    assert sopa(con["acuerdos/ine-jge06-2020.md"]).find("h2", id="como-citar") is not None
