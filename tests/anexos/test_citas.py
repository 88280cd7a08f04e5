"""exportar.citas: el texto «cómo citar» de cada documento, el rótulo de su anexo y la página
de la dirección corta de cada acuerdo (``/INE/JGE06/2020/`` → ``/acuerdos/ine-jge06-2020/``)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from programas_spen.anexos.citas import (
    de_articulo,
    describir_acuerdo,
    html_acuerdo_corto,
    rotulo_anexo,
    texto_cita,
    url_corta,
)
from programas_spen.sitio.grafo import Grafo, construir_grafo

URL = "https://programas-spen.example/"


@pytest.fixture(scope="module")
def grafo(resultado_real) -> Grafo:
    return construir_grafo(resultado_real.datos, resultado_real.informe.avisos)


def test_de_articulo() -> None:
    assert de_articulo("Junta General Ejecutiva") == "de la Junta General Ejecutiva"
    assert de_articulo("Comisión del Servicio") == "de la Comisión del Servicio"
    assert de_articulo("Unidad Técnica de Fiscalización") == "de la Unidad Técnica de Fiscalización"
    assert de_articulo("Consejo General") == "del Consejo General"
    assert de_articulo("Órgano de Enlace") == "del Órgano de Enlace"


def test_describir_acuerdo(grafo: Grafo) -> None:
    assert describir_acuerdo("INE/JGE06/2020", grafo) == (
        "Acuerdo INE/JGE06/2020 de la Junta General Ejecutiva, del 16 de enero de 2020")
    assert describir_acuerdo("INE/CG909/2015", grafo).startswith("Acuerdo INE/CG909/2015 del Consejo General")
    assert describir_acuerdo("INE/CG1/1999", grafo) == "Acuerdo INE/CG1/1999"


def test_rotulo_anexo(grafo: Grafo) -> None:
    rotulos = {d.id: rotulo_anexo(d, grafo) for d in grafo.datos.documentos}
    assert rotulos["ine-pat-spen-2020"] == (
        "Anexo del Acuerdo INE/JGE06/2020 de la Junta General Ejecutiva, del 16 de enero de 2020")
    assert rotulos["ine-pat-cspen-2024"] == ("Anexo único: Asuntos para atender por la Comisión del Servicio "
                                            "Profesional Electoral Nacional durante el ejercicio 2024.")
    assert rotulos["ieeq-plan-trabajo-2024-2025"] == "Anexo 1"
    assert rotulos["ine-informe-compromisos-cspen-2024-06"] is None


def test_texto_cita(grafo: Grafo) -> None:
    cita = texto_cita(grafo.documentos["ine-pat-spen-2020"], grafo, URL)
    assert cita == (
        "Instituto Nacional Electoral, Dirección Ejecutiva del Servicio Profesional Electoral Nacional (2020). "
        "PROGRAMA ANUAL DE TRABAJO DEL SERVICIO PROFESIONAL ELECTORAL NACIONAL CORRESPONDIENTE AL EJERCICIO 2020. "
        "Anexo del Acuerdo INE/JGE06/2020 de la Junta General Ejecutiva, del 16 de enero de 2020. "
        "Registro vivo y datos abiertos: https://programas-spen.example/documentos/ine-pat-spen-2020/ "
        "(acuerdo: https://programas-spen.example/INE/JGE06/2020/).")
    informe = texto_cita(grafo.documentos["ine-informe-compromisos-cspen-2024-06"], grafo, "http://local:8000")
    assert "17 de junio de 2024." in informe
    assert informe.endswith("http://local:8000/documentos/ine-informe-compromisos-cspen-2024-06/.")
    assert ".." not in informe


def test_url_corta() -> None:
    assert url_corta("INE/JGE06/2020", URL) == "https://programas-spen.example/INE/JGE06/2020/"
    # cada institución numera a su manera: todo número que admite el esquema tiene dirección corta
    assert url_corta("IEEQ/CG/A/012/24", URL) == "https://programas-spen.example/IEEQ/CG/A/012/24/"
    assert url_corta("IEEM/CSSPEN/01/2025", URL) == "https://programas-spen.example/IEEM/CSSPEN/01/2025/"
    assert url_corta("ieeq/cg/2024", URL) is None


def test_pagina_de_la_direccion_corta() -> None:
    sopa = BeautifulSoup(html_acuerdo_corto("INE/JGE06/2020", URL), "html.parser")
    assert sopa.html["lang"] == "es"
    assert sopa.title.get_text() == "Acuerdo INE/JGE06/2020"
    assert sopa.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../../../acuerdos/ine-jge06-2020/"
    assert sopa.find("link", rel="canonical")["href"] == URL + "acuerdos/ine-jge06-2020/"
    enlace = sopa.main.find("a")
    assert enlace["href"] == "../../../acuerdos/ine-jge06-2020/"
    assert enlace.get_text() == URL + "acuerdos/ine-jge06-2020/"
    assert sopa.h1.get_text() == "Acuerdo INE/JGE06/2020"
    with pytest.raises(ValueError):
        html_acuerdo_corto("no/es/un-numero", URL)
