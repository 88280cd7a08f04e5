"""paginas.comun: enlaces y números de acuerdo enlazados, prosa de la fuente como bloques
(encabezados con su nivel, listas, tablas), meses y calendarios en español («No dado en la
fuente»), procedencia, avisos en recuadro y siglas de cada página. Todo son piezas de la
descripción de la página: el texto de la fuente queda como texto."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from programas_spen.modelo import bloques as modelo
from programas_spen.modelo.problemas import Problema
from programas_spen.modelo.registros import Calendario, Rango
from programas_spen.sitio import urls
from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import (
    NO_DADO,
    aviso_registro,
    avisos_en_linea,
    describir_calendario,
    describir_fuente,
    enlace,
    enlazar,
    lista_meses,
    prosa,
    rotulo,
    siglas_de,
    siglas_del_sitio,
)
from programas_spen.sitio.render import escribir_bloques
from programas_spen.sitio.secciones import Aviso, Enlace, Fuerte, Lista, Parrafo, Seccion, Tabla

DESDE = "documentos/informe-2024/index.md"


def _sopa(bloques, desde: str = DESDE) -> BeautifulSoup:  # noqa: ANN001
    return BeautifulSoup(escribir_bloques(tuple(bloques), desde), "html.parser")


def test_enlace() -> None:
    assert enlace("Tema 1", urls.tema("d", "tema-01")) == Enlace("Tema 1", urls.tema("d", "tema-01"))
    sopa = _sopa([Parrafo((enlace("Tema 1", urls.tema("d", "tema-01")),))], "areas/dp.md")
    assert sopa.find("a")["href"] == "../../documentos/d/#tema-01"


def test_enlazar_solo_acuerdos_con_pagina(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    texto = "Cumplido con INE/JGE38/2024 y no con INE/JGE99/2024 *ni* otro."
    partes = enlazar(texto, grafo)
    assert Enlace("INE/JGE38/2024", urls.acuerdo("INE/JGE38/2024")) in partes
    sopa = _sopa([Parrafo(partes)])
    assert [a.get_text() for a in sopa.find_all("a")] == ["INE/JGE38/2024"]
    assert sopa.find("a")["href"] == "../../acuerdos/ine-jge38-2024/"
    assert sopa.get_text().strip() == texto  # «*ni*» se publica tal cual, sin cursiva
    assert sopa.find("em") is None
    assert enlazar(None, grafo) == () and enlazar("", grafo) == ()


def test_prosa_como_bloques_y_acuerdos_enlazados(sitio_prueba: Sitio) -> None:
    fuente = (modelo.Encabezado("Antecedentes"), modelo.Parrafo("Según el INE/CG909/2015 **y** lo demás."),
              modelo.Encabezado("Detalle", 2), modelo.Lista(("uno", "# dos")),
              modelo.Lista(("a", "b"), numerada=True), modelo.Tabla(("", "Mes"), (("1", "| marzo"),)))
    bloques = prosa(fuente, sitio_prueba.grafo, nivel=3)
    assert isinstance(bloques[0], Seccion) and bloques[0].nivel == 3
    assert isinstance(bloques[2], Seccion) and bloques[2].nivel == 4
    assert isinstance(bloques[3], Lista) and not bloques[3].ordenada
    assert isinstance(bloques[4], Lista) and bloques[4].ordenada
    assert isinstance(bloques[5], Tabla)
    sopa = _sopa(bloques, "documentos/pat-2020/index.md")
    assert sopa.find("h3").get_text().startswith("Antecedentes")
    assert sopa.find("h4").get_text().startswith("Detalle")
    assert sopa.find("a", href="../../acuerdos/ine-cg909-2015/").get_text() == "INE/CG909/2015"
    assert "**y** lo demás." in sopa.get_text()  # texto literal: ni negrita ni marca perdida
    assert [li.get_text() for li in sopa.find_all("li")] == ["uno", "# dos", "a", "b"]
    assert sopa.find("ol") is not None
    assert [td.get_text() for td in sopa.select("tbody td")] == ["1", "| marzo"]
    assert prosa((modelo.Encabezado("Muy hondo", 4),), sitio_prueba.grafo, nivel=5)[0].nivel == 6


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
    (Calendario("periodo", texto="primer trimestre de 2025", rango=Rango("2025-01", "2025-03")),
     "Periodo dado en palabras: «primer trimestre de 2025» (enero de 2025 a marzo de 2025)"),
    (Calendario("periodo", texto="durante *todo* el año"), "Periodo dado en palabras: «durante *todo* el año»"),
    (Calendario("meses", meses=("2024-12",), marcas_fuera_de_tabla=1),
     "Diciembre de 2024; la tabla de la fuente marca además una casilla que no corresponde a ningún mes"),
    (Calendario("meses", meses=("2024-12",), marcas_fuera_de_tabla=2),
     "Diciembre de 2024; la tabla de la fuente marca además 2 casillas que no corresponden a ningún mes"),
    (Calendario("no_dado", condicion="en caso de existir vacantes"),
     "No dado en la fuente; condicional: «en caso de existir vacantes»"),
])
def test_describir_calendario(calendario: Calendario | None, texto: str) -> None:
    assert describir_calendario(calendario) == texto
    assert NO_DADO == "No dado en la fuente"


def test_describir_fuente(sitio_prueba: Sitio) -> None:
    pat = sitio_prueba.grafo.documentos["pat-2020"]
    actividad = pat.mecanismos[0].actividades[0]
    assert describir_fuente(pat, actividad.fuente) == "PAT de prueba 2020 — tabla «INGRESO», fila 1"
    assert describir_fuente(pat, None) == "PAT de prueba 2020"


def test_rotulo() -> None:
    assert rotulo("Estatus", "Concluido") == (Fuerte("Estatus:"), " ", "Concluido")


def test_avisos_de_un_registro() -> None:
    assert aviso_registro([]) == () and avisos_en_linea([]) == ()
    aviso = Problema("datos/x.yml", 3, 0, "aviso", "la nota «*» no corresponde <b>")
    [recuadro] = aviso_registro([aviso])
    assert isinstance(recuadro, Aviso) and recuadro.clase == "warning"
    sopa = _sopa([recuadro])
    admonicion = sopa.find("div", class_="admonition")
    assert admonicion is not None and "warning" in admonicion["class"]
    assert admonicion.find("p", class_="admonition-title").get_text() == "Aviso de coherencia de la fuente"
    assert "La nota «*» no corresponde <b>." in admonicion.get_text()
    assert sopa.find("b") is None
    en_linea = _sopa([Parrafo(("Texto", *avisos_en_linea([aviso])))])
    assert en_linea.find("br") is not None
    assert "⚠ Aviso: La nota «*» no corresponde <b>." in en_linea.get_text()


def test_avisos_dicen_a_la_ciudadania_su_texto_propio() -> None:
    """Junto al registro va la redacción para la ciudadanía (sin ids ni archivos), no la del
    informe de validación, que sigue en ``mensaje``."""
    aviso = Problema("datos/x.yml", 3, 0, "aviso", "el tema «tema-03»: 1 marca(s)",
                     "en la tabla de la fuente, la fila de este tema tiene una casilla de más")
    texto = _sopa(aviso_registro([aviso])).get_text() + _sopa([Parrafo(avisos_en_linea([aviso]))]).get_text()
    assert "En la tabla de la fuente, la fila de este tema tiene una casilla de más." in texto
    assert "tema-03" not in texto and "marca(s)" not in texto
    assert str(aviso) == "datos/x.yml:3: aviso: el tema «tema-03»: 1 marca(s)"


def test_siglas_de_una_pagina(grafo_real: Grafo) -> None:
    primera = siglas_del_sitio(grafo_real)
    assert primera is siglas_del_sitio(grafo_real)  # se calculan una vez por grafo
    assert primera["INE"].startswith("Instituto Nacional Electoral")
    pat = grafo_real.documentos["ine-pat-spen-2020"]
    propias = dict(siglas_de(grafo_real, pat))
    assert propias["SPEN"] == "Servicio Profesional Electoral Nacional"
    assert set(primera) <= set(propias)  # las del sitio completan las del documento
    assert list(siglas_de(grafo_real)) == sorted(siglas_de(grafo_real))  # orden estable
