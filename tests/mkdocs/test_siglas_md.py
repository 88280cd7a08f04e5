"""siglas_md: con ``abbr``, la extensión añade el significado de cada sigla en un texto oculto
(``sr-only``) solo en su primera aparición de la página, nunca dentro de un número de acuerdo
como INE/JGE06/2020 ni en los encabezados (que forman la tabla de contenidos)."""

from __future__ import annotations

from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.extensions.abbr import AbbrTreeprocessor

from programas_spen.mkdocs import siglas_md
from tests.mkdocs.test_en_linea_md import NOMBRES, OPCIONES

DEFINICIONES = ("*[INE]: Instituto Nacional Electoral\n"
                "*[SPEN]: Servicio Profesional Electoral Nacional\n"
                "*[JGE]: Junta General Ejecutiva\n\n")


def _convertir(texto: str, *extras: str) -> BeautifulSoup:
    md = markdown.Markdown(extensions=["abbr", *extras, "programas_spen.mkdocs.siglas_md"])
    return BeautifulSoup(md.convert(DEFINICIONES + texto), "html.parser")


def _ocultos(sopa: BeautifulSoup) -> list[str]:
    return [s.get_text() for s in sopa.find_all("span", class_="sr-only")]


def test_solo_la_primera_aparicion() -> None:
    sopa = _convertir("El INE y el SPEN. Otra vez el INE, el SPEN y el INE.\n\nY el INE.")
    assert _ocultos(sopa) == [" (Instituto Nacional Electoral)",
                              " (Servicio Profesional Electoral Nacional)"]
    primera = sopa.find("abbr", string="INE")
    assert primera.next_sibling.name == "span"
    assert "sr-only" in primera.next_sibling["class"]
    # todas las apariciones siguen marcadas como abreviatura
    assert len(sopa.find_all("abbr", string="INE")) == 4


def test_no_dentro_de_un_numero_de_acuerdo() -> None:
    sopa = _convertir("Mediante el INE/JGE06/2020 y el INE/CG909/2015, el INE aprobó.")
    [oculto] = sopa.find_all("span", class_="sr-only")
    assert oculto.get_text() == " (Instituto Nacional Electoral)"
    # el significado va tras el «INE» suelto, no tras el del número
    assert oculto.previous_sibling.name == "abbr"
    assert oculto.next_sibling.startswith(" aprobó")
    texto = sopa.get_text()
    assert "INE/JGE06/2020" in texto and "INE/CG909/2015" in texto


def test_numero_de_acuerdo_solo_no_recibe_significado() -> None:
    assert _ocultos(_convertir("Véase INE/JGE06/2020.")) == []
    assert _ocultos(_convertir("Órgano: CG/INE.")) == []


def test_no_en_encabezados_ni_en_la_tabla_de_contenidos() -> None:
    md = markdown.Markdown(extensions=["abbr", "toc", "programas_spen.mkdocs.siglas_md"])
    sopa = BeautifulSoup(md.convert(DEFINICIONES + "# El INE\n\nTexto del INE.\n"),
                         "html.parser")
    assert sopa.find("h1").find("span", class_="sr-only") is None
    assert sopa.find("p").find("span", class_="sr-only") is not None
    assert "Instituto" not in md.toc_tokens[0]["name"]
    assert md.toc_tokens[0]["id"] == "el-ine"


def test_dentro_de_negritas_enlaces_y_tablas() -> None:
    sopa = _convertir("**El INE** y [el SPEN](x.md).\n\n| A |\n| --- |\n| La JGE |\n",
                      "tables")
    assert sopa.find("strong").find("span", class_="sr-only") is not None
    assert sopa.find("a").find("span", class_="sr-only") is not None
    assert sopa.find("td").find("span", class_="sr-only").get_text() == (
        " (Junta General Ejecutiva)")
    # el texto que queda tras la sigla no se pierde
    assert sopa.find("strong").get_text() == "El INE (Instituto Nacional Electoral)"
    assert "y el SPEN" in sopa.find("p").get_text()


def test_cada_conversion_empieza_de_nuevo() -> None:
    md = markdown.Markdown(extensions=["abbr", "programas_spen.mkdocs.siglas_md"])
    for _ in range(2):
        sopa = BeautifulSoup(md.convert(DEFINICIONES + "El INE y el INE."), "html.parser")
        assert len(sopa.find_all("span", class_="sr-only")) == 1
        md.reset()


def test_sin_abbr_no_hace_nada() -> None:
    md = markdown.Markdown(extensions=["programas_spen.mkdocs.siglas_md"])
    assert "sr-only" not in md.convert("El INE.")


def test_punto_de_entrada() -> None:
    assert isinstance(siglas_md.makeExtension(), siglas_md.SiglasExtension)


def test_titulo_con_referencias_numericas_se_lee_como_caracteres() -> None:
    # ``sitio.solo_latin1`` escribe «—» como «&#8212;»; en el título se vería literal
    md = markdown.Markdown(extensions=["abbr", "programas_spen.mkdocs.siglas_md"])
    sopa = BeautifulSoup(md.convert("*[UTCE]: Unidad Técnica &#8212; Contencioso\n\nLa UTCE."),
                         "html.parser")
    assert sopa.find("abbr")["title"] == "Unidad Técnica — Contencioso"
    assert _ocultos(sopa) == [" (Unidad Técnica — Contencioso)"]


def _convertir_con_abbr(texto: str, original: bool) -> str:
    """Con las extensiones de ``mkdocs.yml``; ``original``: con el procesador de ``abbr`` de
    Python-Markdown en vez de ``_AbbrSinBusquedas``."""
    md = markdown.Markdown(extensions=list(NOMBRES), extension_configs=OPCIONES)
    rapido = md.treeprocessors["abbr"]
    assert type(rapido) is siglas_md._AbbrSinBusquedas
    assert rapido.abbrs is md.parser.blockprocessors["abbr"].abbrs  # las mismas siglas
    if original:
        md.treeprocessors.register(AbbrTreeprocessor(md, rapido.abbrs), "abbr",
                                   siglas_md.PRIORIDAD_ABBR)
    return md.convert(texto)


@pytest.mark.parametrize("texto", [
    "El INE y la JGE.\n\n| A | B |\n| --- | --- |\n| INE | *SPEN* y el INE |\n| x | y |",
    "- uno INE\n- **SPEN** tras negritas SPEN\n    - JGE\n\nINE/JGE06/2020 y `INE` en código",
    "# El INE {#t}\n\nTexto [el INE](a.md) SPEN, [JGE](b.md) JGE. <span>INE</span> INE",
])
def test_mismo_html_que_el_abbr_de_python_markdown(texto: str) -> None:
    assert _convertir_con_abbr(DEFINICIONES + texto, False) == \
        _convertir_con_abbr(DEFINICIONES + texto, True)


def test_mismo_html_en_todas_las_paginas_del_sitio(sitio_real: Any) -> None:
    paginas = [pagina.contenido for pagina in sitio_real.paginas]
    assert len(paginas) > 100
    for contenido in paginas:
        assert _convertir_con_abbr(contenido, False) == _convertir_con_abbr(contenido, True)


def test_sin_abbr_de_python_markdown_no_sustituye_nada() -> None:
    md = markdown.Markdown(extensions=["programas_spen.mkdocs.siglas_md"])
    assert "abbr" not in md.treeprocessors
