"""Rejilla de meses (``paginas.rejilla``): tabla HTML accesible que distingue cada estado del
calendario, con los meses de la fuente y sin rellenar lo perdido."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from programas_spen.sitio import urls
from programas_spen.sitio.paginas.rejilla import LEYENDA, rejilla


@pytest.fixture(scope="module")
def grafo(grafo_real):
    return grafo_real


def _tabla(grafo, doc_id: str) -> BeautifulSoup:
    html = rejilla(grafo.documentos[doc_id], grafo, urls.calendario_documento(doc_id).ruta)
    return BeautifulSoup(html, "html.parser")


def _fila(tabla: BeautifulSoup, ident: str):
    return tabla.find("a", href=f"../#{ident}").find_parent("tr")


def test_estructura_accesible(grafo) -> None:
    tabla = _tabla(grafo, "ine-pat-cspen-2024")
    assert tabla.find("caption").get_text().startswith("Calendario de Programa Anual de Trabajo 2024")
    assert tabla.find("div", role="region")["tabindex"] == "0"
    cabeceras = [th.get_text() for th in tabla.select("thead tr:nth-of-type(2) th[scope=col]")]
    assert cabeceras[0] == "Tema" and cabeceras[1:] == ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago",
                                                        "Sep", "Oct", "Nov", "Dic"]
    assert len(tabla.select("tbody th[scope=row]")) == 41 + 4


def test_meses_marcados_y_marcas_fuera(grafo) -> None:
    tabla = _tabla(grafo, "ine-pat-cspen-2024")
    fila = _fila(tabla, "tema-03")
    celdas = fila.find_all("td")
    marcadas = [i for i, c in enumerate(celdas, start=1) if "spen-marcado" in c["class"]]
    assert marcadas == [3, 6, 9]
    assert "1 marca(s) fuera de las columnas de meses" in fila.th.get_text()
    assert all(c.find("span", class_="sr-only") for c in celdas if "spen-marcado" in c["class"])
    condicional = _fila(tabla, "tema-06")
    assert "Condicional: en caso de existir vacantes" in condicional.th.get_text()


def test_no_dado_nunca_como_celdas_vacias(grafo) -> None:
    tabla = _tabla(grafo, "ine-pat-spen-2020")
    fila = _fila(tabla, "ingreso-01")
    celdas = fila.find_all("td")
    assert len(celdas) == 1 and celdas[0]["colspan"] == "12"
    assert celdas[0].get_text() == "No dado en la fuente"
    grupos = [th.get_text() for th in tabla.select("th[scope=rowgroup]")]
    assert grupos[0] == "Ingreso/Selección" and len(grupos) == 13


def test_periodos_y_cambio_de_anio(grafo) -> None:
    tabla = _tabla(grafo, "ieeq-plan-trabajo-2024-2025")
    anios = [(th.get_text(), th["colspan"]) for th in tabla.select("th[scope=colgroup]")]
    assert anios == [("2024", "2"), ("2025", "11")]
    encuentro = _fila(tabla, "cronograma-02").find_all("td")
    assert [i for i, c in enumerate(encuentro) if "spen-periodo" in c["class"]] == [2, 3, 4]
    reuniones = _fila(tabla, "cronograma-05").find_all("td")
    assert len(reuniones) == 1 and "Durante el plazo que abarque la Comisión." in reuniones[0].get_text()
    sin_meses = _fila(tabla, "cronograma-01").find_all("td")
    assert sin_meses[0].get_text() == "No dado en la fuente"


def test_sesiones_programadas_en_la_rejilla(grafo) -> None:
    tabla = _tabla(grafo, "iepc-durango-pat-comision-seguimiento-2021")
    fila = _fila(tabla, "sesion-ordinaria-2")
    assert [i for i, c in enumerate(fila.find_all("td"), start=1) if "spen-marcado" in c["class"]] == [6]


def test_informe_sin_calendario(grafo) -> None:
    assert rejilla(grafo.documentos["ine-informe-compromisos-cspen-2024-06"], grafo, "x.md") == ""


def test_leyenda_explica_cada_estado() -> None:
    for texto in ("●", "◐", "Periodo dado en palabras", "Permanente", "No dado en la fuente", "Condicional",
                  "Marca fuera de la tabla"):
        assert f"| {texto} |" in LEYENDA
