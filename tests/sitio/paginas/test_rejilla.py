"""Rejilla de meses (``paginas.rejilla``): tabla accesible que distingue cada estado del
calendario, con los meses de la fuente y sin rellenar lo perdido. Se revisa el HTML que
escriben las plantillas."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas.rejilla import LEYENDA, rejilla
from programas_spen.sitio.render import escribir_bloques
from tests.datos_prueba import PROGRAMA, archivos_base, cambiar, cargar


@pytest.fixture(scope="module")
def grafo(grafo_real: Grafo) -> Grafo:
    return grafo_real


def _tabla(grafo: Grafo, doc_id: str) -> BeautifulSoup:
    bloque = rejilla(grafo.documentos[doc_id], grafo)
    assert bloque is not None
    return BeautifulSoup(escribir_bloques((bloque,), urls.calendario_documento(doc_id).ruta), "html.parser")


def _fila(tabla: BeautifulSoup, ident: str) -> Tag:
    return tabla.find("a", href=f"../#{ident}").find_parent("tr")


def test_estructura_accesible(grafo: Grafo) -> None:
    tabla = _tabla(grafo, "ine-pat-cspen-2024")
    region = tabla.find("div", role="region")
    assert region["tabindex"] == "0" and "spen-rejilla" in region["class"]
    assert region["aria-label"] == tabla.find("caption").get_text()
    assert tabla.find("caption").get_text().startswith("Calendario de Programa Anual de Trabajo 2024")
    cabeceras = [th.get_text() for th in tabla.select("thead th[scope=col]")]
    assert cabeceras == ["Tema", "Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"]
    assert tabla.select("thead abbr")[2]["title"] == "marzo de 2024"
    # una fila por tema y por sesión programada, cada una con su encabezado
    assert len(tabla.select("tbody th[scope=row]")) == len(grafo.documentos["ine-pat-cspen-2024"].temas) + 4


def test_meses_marcados_y_marcas_fuera(grafo: Grafo) -> None:
    tabla = _tabla(grafo, "ine-pat-cspen-2024")
    fila = _fila(tabla, "tema-03")
    celdas = fila.find_all("td")
    marcadas = [i for i, c in enumerate(celdas, start=1) if "spen-marcado" in c["class"]]
    assert marcadas == [3, 6, 9]
    assert "una casilla que no corresponde a ningún mes" in fila.th.get_text()
    for celda in celdas:
        if "spen-marcado" in celda["class"]:
            assert celda.find("span", attrs={"aria-hidden": "true"}).get_text() == "●"
            assert celda.find("span", class_="sr-only").get_text() == "marcado"
    condicional = _fila(tabla, "tema-06")
    assert "Condicional: en caso de existir vacantes" in condicional.th.get_text()


def test_no_dado_nunca_como_celdas_vacias(grafo: Grafo) -> None:
    tabla = _tabla(grafo, "ine-pat-spen-2020")
    fila = _fila(tabla, "ingreso-01")
    celdas = fila.find_all("td")
    assert len(celdas) == 1 and celdas[0]["colspan"] == "12"
    assert celdas[0].get_text() == "No dado en la fuente"
    grupos = [th.get_text() for th in tabla.select("th[scope=rowgroup]")]
    assert grupos[0] == "Ingreso/Selección" and len(grupos) == len(grafo.documentos["ine-pat-spen-2020"].mecanismos)
    assert all(th["colspan"] == "13" for th in tabla.select("th[scope=rowgroup]"))


def test_periodos_y_cambio_de_anio(grafo: Grafo) -> None:
    tabla = _tabla(grafo, "ieeq-plan-trabajo-2024-2025")
    anios = [(th.get_text(), th["colspan"]) for th in tabla.select("th[scope=colgroup]")]
    assert anios == [("2024", "2"), ("2025", "11")]
    encuentro = _fila(tabla, "cronograma-02")
    celdas = encuentro.find_all("td")
    assert [i for i, c in enumerate(celdas) if "spen-periodo" in c["class"]] == [2, 3, 4]
    assert "«Durante el primer trimestre de 2025.»" in encuentro.th.get_text()
    reuniones = _fila(tabla, "cronograma-05").find_all("td")
    assert len(reuniones) == 1 and "Durante el plazo que abarque la Comisión." in reuniones[0].get_text()
    sin_meses = _fila(tabla, "cronograma-01").find_all("td")
    assert sin_meses[0].get_text() == "No dado en la fuente"


def test_sesiones_programadas_en_la_rejilla(grafo: Grafo) -> None:
    tabla = _tabla(grafo, "iepc-durango-pat-comision-seguimiento-2021")
    fila = _fila(tabla, "sesion-ordinaria-2")
    assert [i for i, c in enumerate(fila.find_all("td"), start=1) if "spen-marcado" in c["class"]] == [6]
    assert tabla.select("th[scope=rowgroup]")[-1].get_text() == "Sesiones programadas"


def test_informe_sin_calendario(grafo: Grafo) -> None:
    assert rejilla(grafo.documentos["ine-informe-compromisos-cspen-2024-06"], grafo) is None


def test_leyenda_explica_cada_estado() -> None:
    sopa = BeautifulSoup(escribir_bloques((LEYENDA,), "x.md"), "html.parser")
    simbolos = [fila.td.get_text() for fila in sopa.select("tbody tr")]
    assert simbolos == ["●", "◐", "Periodo dado en palabras", "Permanente", "No dado en la fuente", "Condicional",
                        "Marca fuera de la tabla"]


def test_texto_de_la_fuente_como_texto(tmp_path: Path) -> None:
    carga = '![i](x" onerror="y) [x](javascript:alert(1)) {: onclick="alert(1)" } *[SPEN]: <b> <script>'
    archivos = cambiar(archivos_base(), PROGRAMA, "texto: (DP) Primer tema.", f"texto: '(DP) {carga}'")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    tabla = _tabla(grafo, "pat-cspen-2024")
    assert carga in _fila(tabla, "tema-01").th.get_text()
    assert tabla.find(["script", "b", "img"]) is None
    for etiqueta in tabla.find_all(True):
        assert not any(atributo.startswith("on") for atributo in etiqueta.attrs)
        assert not etiqueta.get("href", "").startswith("javascript:")
