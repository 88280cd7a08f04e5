"""siglas: las formas que se marcan, sus significados y su marca ``<abbr>`` en el texto, con
la explicación para lectores de pantalla en la primera aparición, siempre escapadas."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from programas_spen.modelo.registros import Sigla
from programas_spen.sitio.siglas import claves_de_temas, combinar, formas_de_sigla, marcar, significados


@pytest.mark.parametrize(("sigla", "formas"), [
    ("Servicio/SPEN", ["SPEN"]), ("INE/ Instituto", ["INE"]), ("Comisión del Servicio/CSPEN", ["CSPEN"]),
    ("DESPEN", ["DESPEN"]), ("EyP", ["EyP"]), ("Estatuto", []), ("Personal del Servicio", []), ("AG", ["AG"]),
])
def test_formas_de_sigla(sigla: str, formas: list[str]) -> None:
    assert formas_de_sigla(sigla) == formas


def test_significados_y_combinacion() -> None:
    propias = significados([Sigla("Servicio/SPEN", "Servicio Profesional\n Electoral Nacional."),
                            Sigla("DP", "Dirección de Profesionalización.")])
    assert propias == {"SPEN": "Servicio Profesional Electoral Nacional", "DP": "Dirección de Profesionalización"}
    sitio = significados([Sigla("SPEN", "Otra definición."), Sigla("JGE", "Junta General Ejecutiva.")])
    combinadas = dict(combinar(propias, sitio))
    assert combinadas["SPEN"] == "Servicio Profesional Electoral Nacional"  # las del documento ganan
    assert combinadas["JGE"] == "Junta General Ejecutiva"


def test_marcar_palabras_completas_y_escapado() -> None:
    siglas = {"SPEN": "Servicio <Profesional> \"Electoral\"", "DP": "Dirección"}
    html = marcar("El SPEN y la DPE <b>no</b>; el SPEN & DP.", siglas)
    sopa = BeautifulSoup(html, "html.parser")
    assert [a.get_text() for a in sopa.find_all("abbr")] == ["SPEN", "SPEN", "DP"]  # «DPE» no es «DP»
    assert sopa.find("abbr")["title"] == "Servicio <Profesional> \"Electoral\""
    assert sopa.find("b") is None and "<b>no</b>" in sopa.get_text()
    assert marcar("  uno\n  dos ", {}) == " uno dos "


def test_primera_aparicion_para_lectores_de_pantalla() -> None:
    vistas: set[str] = set()
    sopa = BeautifulSoup(marcar("INE/JGE06/2020 del INE y el INE", {"INE": "Instituto"}, vistas), "html.parser")
    ocultos = sopa.find_all("span", class_="sr-only")
    assert [o.get_text() for o in ocultos] == [" (Instituto)"]  # una vez, y no dentro del número
    assert vistas == {"INE"}
    segunda = marcar("el INE", {"INE": "Instituto"}, vistas)
    assert "sr-only" not in segunda
    assert "sr-only" not in marcar("el INE", {"INE": "Instituto"}, None)  # encabezados


def test_claves_de_temas() -> None:
    """Una clave que el documento define dice su significado; una que no define se explica
    como tal, leída como la sigla de su área, y cada clave se explica una vez."""
    propias = {"AG": "Asuntos generales", "DCPEN": "Asuntos a cargo de la Dirección de la Carrera"}
    claves = claves_de_temas([("AG", None, None), ("DCPE", "Dirección de la Carrera", "DCPEN"),
                              ("AG", None, None), (None, "Otra", None), ("XX", "Área X", "AX")], propias)
    assert claves == {
        "AG": "Asuntos generales",
        "DCPE": ("Dirección de la Carrera: clave que la lista de abreviaturas del documento no define; "
                 "se lee como DCPEN"),
        "XX": "Área X: clave que la lista de abreviaturas del documento no define",
    }
    assert claves_de_temas([("ZZ", None, None)], propias) == {}  # sin área, nada que decir
