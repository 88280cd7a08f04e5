"""paginas.transversales: la página de cada área (temas y compromisos a su cargo en todos los
documentos, de quién depende), el índice de áreas, cada mecanismo a través de los años con su
índice por año, y las páginas de institución (documentos, órganos con ancla, áreas); puras."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas.transversales import (
    pagina_area,
    pagina_indice_areas,
    pagina_indice_mecanismos,
    pagina_institucion,
    pagina_mecanismo,
)
from tests.datos_prueba import CATALOGO, archivos_base, cambiar, cargar
from tests.sitio.paginas.sopa import apartado_por_titulo, encabezados, enlaces, filas, lineas, plano, sopa, titulo

_PAT_2021 = """\
id: pat-2021
tipo: programa_anual_trabajo
institucion: ine
organo: jge
titulo: Programa Anual de Trabajo de prueba 2021
titulo_corto: PAT de prueba 2021
anio: 2021
fuente:
  archivo: pat21.txt
  descripcion: Otro programa.
mecanismos:
  - id: ingreso
    nombre: Ingreso al Servicio
    titulo_tabla: INGRESO 2021
    actividades:
      - id: ingreso-2021-01
        texto: Única actividad de 2021.
        calendario:
          estado: permanente
        fuente:
          fila: 1
    fuente:
      seccion: Anexo
  - id: capacitacion
    nombre: Capacitación
    titulo_tabla: CAPACITACIÓN
    actividades:
      - id: capacitacion-01
        texto: Curso.
        calendario:
          estado: no_dado
        fuente:
          fila: 1
    fuente:
      seccion: Anexo
"""


def test_paginas_puras(grafo_real: Grafo) -> None:
    grafo = grafo_real
    for area in grafo.areas.values():
        assert pagina_area(area, grafo) == pagina_area(area, grafo)
        assert pagina_area(area, grafo).institucion == area.institucion  # su índice de búsqueda
    for ident in grafo.mecanismos:
        assert pagina_mecanismo(ident, grafo) == pagina_mecanismo(ident, grafo)
        assert pagina_mecanismo(ident, grafo).institucion is None  # entre instituciones: el común
    for institucion in grafo.instituciones.values():
        assert pagina_institucion(institucion, grafo) == pagina_institucion(institucion, grafo)
        assert pagina_institucion(institucion, grafo).institucion == institucion.id
    assert pagina_indice_areas(grafo) == pagina_indice_areas(grafo)
    assert pagina_indice_mecanismos(grafo) == pagina_indice_mecanismos(grafo)


def _datos(html: BeautifulSoup) -> list[str]:
    """Los datos del principio de la página («Institución: …», «Siglas: …»)."""
    return [plano(li) for li in html.find("ul").find_all("li")]


def _tabla(html: BeautifulSoup, titulo_apartado: str) -> Tag:
    return apartado_por_titulo(html, titulo_apartado).find_next_sibling("table")


def test_pagina_de_area(grafo_prueba: Grafo) -> None:
    grafo = grafo_prueba
    pagina = pagina_area(grafo.areas["dp"], grafo)
    assert (pagina.ruta, pagina.titulo) == ("areas/dp.md", "Dirección de Profesionalización")
    html = sopa(pagina)
    datos = _datos(html)
    assert "Institución: Instituto Nacional Electoral" in datos
    assert enlaces(html)["Instituto Nacional Electoral"] == "../../instituciones/ine/"
    assert "Siglas: DP" in datos
    # depende de un órgano: se nombra (los órganos no tienen página propia)
    assert "Depende de: Dirección Ejecutiva del Servicio Profesional Electoral Nacional" in datos
    assert "Dirección Ejecutiva del Servicio Profesional Electoral Nacional" not in enlaces(html)
    assert html.find("strong", string="Depende de:") is not None
    temas = _tabla(html, "Temas a su cargo")
    assert filas(temas) == [["(DP) Primer tema.", "Marzo de 2024", "PAT de prueba de la CSPEN 2024"]]
    assert enlaces(temas) == {"(DP) Primer tema.": "../../documentos/pat-cspen-2024/#tema-01",
                              "PAT de prueba de la CSPEN 2024": "../../documentos/pat-cspen-2024/"}
    compromisos = _tabla(html, "Compromisos a su cargo")
    assert filas(compromisos) == [["Compromiso 1", "Concluido", "100 %", "Informe de prueba 2024"]]
    assert enlaces(compromisos) == {"Compromiso 1": "../../documentos/informe-2024/#compromiso-01",
                                    "Informe de prueba 2024": "../../documentos/informe-2024/"}
    assert "(DJ) Segundo tema." not in plano(html) and "Compromiso 2" not in plano(html)
    dj = sopa(pagina_area(grafo.areas["dj"], grafo))
    assert "También aparece como: DJUR" in _datos(dj)
    assert filas(_tabla(dj, "Temas a su cargo"))[0][1] == "No dado en la fuente"


def test_area_sin_registros(grafo_prueba: Grafo) -> None:
    html = sopa(pagina_area(grafo_prueba.areas["area-sin-registros"], grafo_prueba))
    assert "Ningún documento publicado le asigna temas ni compromisos." in plano(html)
    assert html.find("h2") is None and html.find("table") is None


def test_area_que_depende_de_otra_area(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), CATALOGO,
                       "  - id: area-sin-registros\n    nombre: Área sin registros\n",
                       "  - id: area-sin-registros\n    nombre: Área sin registros\n"
                       "    pertenece_a: dj\n")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos)
    html = sopa(pagina_area(grafo.areas["area-sin-registros"], grafo))
    assert "Depende de: Dirección Jurídica" in _datos(html)
    assert enlaces(html)["Dirección Jurídica"] == "../dj/"


def test_indice_de_areas(grafo_prueba: Grafo) -> None:
    html = sopa(pagina_indice_areas(grafo_prueba))
    tabla = html.find("table")
    assert ["Dirección de Profesionalización", "INE", "1", "1"] in filas(tabla)
    assert ["Área sin registros", "INE", "0", "0"] in filas(tabla)
    assert enlaces(tabla)["Dirección de Profesionalización"] == "dp/"
    assert enlaces(tabla)["Área sin registros"] == "area-sin-registros/"


def test_mecanismo_a_traves_de_los_anios(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos["ine/2021/pat-2021.yml"] = _PAT_2021
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos)
    pagina = pagina_mecanismo("ingreso", grafo)
    assert pagina.ruta == "mecanismos/ingreso.md"
    assert pagina.titulo == "Ingreso al Servicio"  # el nombre más reciente
    html = sopa(pagina)
    assert "El mecanismo en 2 programa(s)." in plano(html)
    assert [titulo(h) for h in html.find_all("h2")] == ["2020: PAT de prueba 2020", "2021: PAT de prueba 2021"]
    resumen = apartado_por_titulo(html, "2020: PAT de prueba 2020").find_next_sibling("p")
    assert plano(resumen) == "2 actividades en la tabla «INGRESO»."
    assert enlaces(resumen) == {"2 actividades": "../../documentos/pat-2020/#ingreso"}
    actividades = apartado_por_titulo(html, "2021: PAT de prueba 2021").find_next_sibling("ul")
    assert enlaces(actividades) == {"Única actividad de 2021.": "../../documentos/pat-2021/#ingreso-2021-01"}
    indice = sopa(pagina_indice_mecanismos(grafo)).find("table")
    assert encabezados(indice) == ["Mecanismo", "2020", "2021"]
    assert ["Ingreso al Servicio", "2", "1"] in filas(indice)
    assert ["Capacitación", "—", "1"] in filas(indice)
    assert enlaces(indice) == {"Ingreso al Servicio": "ingreso/", "Capacitación": "capacitacion/"}


def test_pagina_de_institucion(grafo_prueba: Grafo) -> None:
    grafo = grafo_prueba
    ine = pagina_institucion(grafo.instituciones["ine"], grafo)
    assert (ine.ruta, ine.titulo) == ("instituciones/ine.md", "Instituto Nacional Electoral")
    html = sopa(ine)
    documentos = _tabla(html, "Documentos")
    assert ["2020", "PAT de prueba 2020", "Programa anual de trabajo"] in filas(documentos)
    assert enlaces(documentos)["PAT de prueba 2020"] == "../../documentos/pat-2020/"
    assert "plan-2024" not in str(html)
    # cada órgano con su ancla
    organo = html.find(id="organo-jge")
    assert organo is not None and lineas(organo) == ["Junta General Ejecutiva (JGE)"]
    areas = apartado_por_titulo(html, "Áreas responsables").find_next_sibling("ul")
    assert enlaces(areas)["Dirección Jurídica"] == "../../areas/dj/"
    ople = sopa(pagina_institucion(grafo.instituciones["ople-x"], grafo))
    assert "Entidad federativa: Prueba" in _datos(ople)
    # sus documentos: año, título con enlace y tipo
    assert filas(_tabla(ople, "Documentos")) == [["2024", "Plan de prueba 2024-2025", "Plan de trabajo"]]
    assert enlaces(ople)["Plan de prueba 2024-2025"] == "../../documentos/plan-2024/"
    assert "Áreas responsables" not in [titulo(h) for h in ople.find_all("h2")]


def test_areas_reales(grafo_real: Grafo) -> None:
    grafo = grafo_real
    for area in grafo.areas.values():
        html = sopa(pagina_area(area, grafo))
        for alias in area.alias:
            assert f"También aparece como: {', '.join(area.alias)}" in _datos(html), alias
        temas = [a for a in html.find_all("a", href=True) if "#tema-" in a["href"]]
        assert len(temas) == len(grafo.temas_de_area.get(area.id, [])), area.id
    dcpen = sopa(pagina_area(grafo.areas["dcpen"], grafo))
    assert "También aparece como: DCPE" in _datos(dcpen)
