"""paginas.comun: el escape de Markdown (el texto de la fuente se ve literal, sin volverse
marcado, también dentro de una tabla), enlaces y números de acuerdo enlazados, prosa con
encabezados bajados, meses y calendarios en español («No dado en la fuente»), procedencia,
avisos en admonición y definiciones de siglas."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from programas_spen.modelo.problemas import Problema
from programas_spen.modelo.registros import Calendario, Rango, Sigla
from programas_spen.sitio import urls
from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import (
    NO_DADO,
    bloque_avisos,
    bloque_calendario,
    con_siglas,
    definiciones_siglas,
    describir_calendario,
    describir_fuente,
    enlace,
    enlazar,
    formas_de_sigla,
    lista_meses,
    md,
    prosa,
    siglas_del_sitio,
    significados,
)
from tests.datos_prueba import html

PELIGROSO = ("Texto *no* cursiva, _tampoco_, [un enlace](x.md) <b>negrita</b> a|b {#ancla} "
             "# no título & amp; \\ barra `código` > cita 2 < 3")


def test_md_vacio_y_espacios() -> None:
    assert md(None) == "" and md("") == ""
    assert md("  uno\n  dos\tTRES  ") == "uno dos TRES"


def test_md_escapa_cada_caracter_especial() -> None:
    escapado = md(PELIGROSO)
    for crudo in ("*no*", "_tampoco_", "[un enlace]", "<b>", "a|b", "{#ancla}", "`código`"):
        assert crudo not in escapado
    assert "&lt;b\\>" in escapado and "&amp; amp;" in escapado


@pytest.mark.parametrize("texto", [
    PELIGROSO, "* no es una lista", "1. no es una lista numerada", "<script>alert(1)</script>",
    "100 % < 200 % & 3 > 2", "Meritos_Administrativos_2019", "a \\* b",
])
def test_md_se_lee_literal(texto: str) -> None:
    sopa = BeautifulSoup(html("Antes " + md(texto)), "html.parser")
    assert sopa.get_text().strip() == "Antes " + " ".join(texto.split())
    assert sopa.find(["em", "strong", "a", "b", "code", "script", "h1", "li", "blockquote"]) \
        is None


def test_md_dentro_de_una_tabla_no_parte_la_celda() -> None:
    tabla = f"| Uno | Dos |\n| --- | --- |\n| {md(PELIGROSO)} | fin |\n"
    sopa = BeautifulSoup(html(tabla), "html.parser")
    celdas = sopa.find("tbody").find_all("td")
    assert [c.get_text() for c in celdas] == [" ".join(PELIGROSO.split()), "fin"]


def test_enlace() -> None:
    assert enlace("Tema 1", urls.tema("d", "tema-01"), "areas/dp.md") == (
        "[Tema 1](../documentos/d/index.md#tema-01)")


def test_enlazar_solo_acuerdos_con_pagina(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    texto = "Cumplido con INE/JGE38/2024 y no con INE/JGE99/2024 *ni* otro."
    resultado = enlazar(texto, "documentos/informe-2024/index.md", grafo)
    assert "[INE/JGE38/2024](../../acuerdos/ine-jge38-2024.md)" in resultado
    assert "[INE/JGE99/2024]" not in resultado and "INE/JGE99/2024" in resultado
    assert "\\*ni\\*" in resultado
    assert enlazar(None, "x.md", grafo) == ""


def test_prosa_baja_encabezados_y_enlaza_acuerdos(sitio_prueba: Sitio) -> None:
    texto = "# Antecedentes\n\nSegún el INE/CG909/2015 **y** lo demás.\n\n## Detalle\n| a |"
    resultado = prosa(texto, "documentos/pat-2020/index.md", sitio_prueba.grafo, nivel=3)
    lineas = resultado.splitlines()
    assert lineas[0] == "### Antecedentes"
    assert "#### Detalle" in lineas
    # la prosa es Markdown literal de la fuente: no se escapa
    assert "[INE/CG909/2015](../../acuerdos/ine-cg909-2015.md) **y** lo demás." in resultado
    assert "| a |" in lineas
    assert prosa("###### Muy hondo", "x.md", sitio_prueba.grafo, nivel=5) == "###### Muy hondo"


@pytest.mark.parametrize(("meses", "texto"), [
    (["2024-03"], "marzo de 2024"),
    (["2024-03", "2024-01", "2024-02"], "enero, febrero y marzo de 2024"),
    (["2025-01", "2024-12", "2024-11"], "noviembre y diciembre de 2024; enero de 2025"),
    ([], ""),
])
def test_lista_meses(meses: list[str], texto: str) -> None:
    assert lista_meses(meses) == texto


@pytest.mark.parametrize(("calendario", "texto"), [
    (None, "No dado en la fuente"),
    (Calendario("no_dado"), "No dado en la fuente"),
    (Calendario("meses", meses=("2024-06", "2024-03")), "Marzo y junio de 2024"),
    (Calendario("permanente"), "Permanente"),
    (Calendario("periodo", texto="primer trimestre de 2025",
                rango=Rango("2025-01", "2025-03")),
     "Periodo dado en palabras: «primer trimestre de 2025» (enero de 2025 a marzo de 2025)"),
    (Calendario("periodo", texto="durante *todo* el año"),
     "Periodo dado en palabras: «durante \\*todo\\* el año»"),
    (Calendario("meses", meses=("2024-12",), marcas_fuera_de_tabla=1),
     "Diciembre de 2024; la fuente pone además 1 marca(s) fuera de las columnas de meses"),
    (Calendario("no_dado", condicion="en caso de existir vacantes"),
     "No dado en la fuente; condicional: «en caso de existir vacantes»"),
])
def test_describir_calendario(calendario: Calendario | None, texto: str) -> None:
    assert describir_calendario(calendario) == texto
    assert NO_DADO == "No dado en la fuente"


def test_bloque_calendario_con_nota() -> None:
    assert bloque_calendario(Calendario("no_dado", nota="Se perdió_en el PDF")) == [
        "- **Calendario:** No dado en la fuente",
        "- **Nota sobre el calendario:** Se perdió\\_en el PDF"]
    assert bloque_calendario(None) == ["- **Calendario:** No dado en la fuente"]


def test_describir_fuente(sitio_prueba: Sitio) -> None:
    pat = sitio_prueba.grafo.documentos["pat-2020"]
    actividad = pat.mecanismos[0].actividades[0]
    assert describir_fuente(pat, actividad.fuente) == (
        "PAT de prueba 2020 — tabla «INGRESO», fila 1 (texto fuente: `pat.txt`)")
    assert describir_fuente(pat, None) == "PAT de prueba 2020 (texto fuente: `pat.txt`)"


def test_bloque_avisos() -> None:
    assert bloque_avisos([]) == []
    aviso = Problema("datos/x.yml", 3, 0, "aviso", "la nota «*» no corresponde")
    lineas = bloque_avisos([aviso])
    assert lineas[0] == '!!! warning "Aviso de coherencia de la fuente"'
    assert "    - la nota «\\*» no corresponde" in lineas
    sopa = BeautifulSoup(html("\n".join(lineas)), "html.parser")
    admonicion = sopa.find("div", class_="admonition")
    assert admonicion is not None and "warning" in admonicion["class"]
    assert "la nota «*» no corresponde" in admonicion.get_text()


@pytest.mark.parametrize(("sigla", "formas"), [
    ("Servicio/SPEN", ["SPEN"]),
    ("INE/ Instituto", ["INE"]),
    ("Comisión del Servicio/CSPEN", ["CSPEN"]),
    ("DESPEN", ["DESPEN"]),
    ("EyP", ["EyP"]),
    ("Estatuto", []),
    ("Personal del Servicio", []),
    ("AG", ["AG"]),
])
def test_formas_de_sigla(sigla: str, formas: list[str]) -> None:
    assert formas_de_sigla(sigla) == formas


def test_definiciones_y_pie_de_siglas() -> None:
    propias = [Sigla("Servicio/SPEN", "Servicio Profesional\n Electoral Nacional."),
               Sigla("DP", "Dirección de Profesionalización.")]
    otras = [Sigla("SPEN", "Otra definición."), Sigla("JGE", "Junta General Ejecutiva."),
             Sigla("OPLE", "Organismo Público Local Electoral.")]
    assert definiciones_siglas(propias) == [
        "*[DP]: Dirección de Profesionalización",
        "*[SPEN]: Servicio Profesional Electoral Nacional"]
    sitio = significados(otras)
    texto = "El SPEN y la DP informan a la JGE (acuerdo INE/JGE06/2020)."
    pagina = con_siglas(texto, propias, sitio)
    assert pagina.startswith(texto + "\n\n")
    # las del documento ganan; las del resto del sitio completan
    assert "*[SPEN]: Servicio Profesional Electoral Nacional" in pagina
    assert "Otra definición" not in pagina
    assert "*[JGE]: Junta General Ejecutiva" in pagina
    assert "*[DP]: Dirección de Profesionalización" in pagina
    # solo las que aparecen como palabra completa: OPLE no está; «DPE» no es «DP»
    assert "OPLE" not in pagina
    assert "*[DP]" not in con_siglas("La DPE y los OPLEs.", propias, sitio)
    assert con_siglas("Sin siglas.", propias, sitio) == "Sin siglas.\n"


def test_siglas_del_sitio_se_calculan_una_vez(grafo_real: Grafo) -> None:
    primera = siglas_del_sitio(grafo_real)
    assert primera is siglas_del_sitio(grafo_real)
    assert primera["INE"].startswith("Instituto Nacional Electoral")
