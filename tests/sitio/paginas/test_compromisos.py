"""paginas.compromisos: el índice de todos los compromisos (columnas, filtros como mejora
progresiva, anclas, seguimiento entre informes) y la historia de cada compromiso en la página
de su informe; puras."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas.compromisos import (
    COLUMNAS_FILTRO,
    bloques_historia,
    estatus,
    pagina_indice_compromisos,
    resumen,
)
from tests.datos_prueba import archivos_base, archivos_continuidad, cargar
from tests.sitio.paginas.sopa import encabezados, enlaces, filas, plano, sopa, sopa_de_bloques


@pytest.fixture(scope="module")
def grafo_continuidad(tmp_path_factory: pytest.TempPathFactory) -> Grafo:
    resultado = cargar(tmp_path_factory.mktemp("continuidad"), archivos_continuidad())
    assert resultado.datos is not None, resultado.informe.texto()
    return construir_grafo(resultado.datos)


def test_paginas_puras(grafo_real: Grafo) -> None:
    assert pagina_indice_compromisos(grafo_real) == pagina_indice_compromisos(grafo_real)
    for doc in grafo_real.datos.documentos:
        assert bloques_historia(doc, grafo_real) == bloques_historia(doc, grafo_real)


def test_resumen() -> None:
    assert resumen("  corto\n texto ") == "corto texto"
    assert resumen("x" * 200, 10) == "x" * 10 + "…"


def test_indice_de_compromisos(grafo_prueba: Grafo) -> None:
    pagina = pagina_indice_compromisos(grafo_prueba)
    assert (pagina.ruta, pagina.titulo) == ("compromisos/index.md", "Compromisos")
    html = sopa(pagina)
    tabla = html.find("table")
    assert encabezados(tabla) == ["Compromiso", "Institución", "Órgano", "Estatus", "Avance", "Área", "Informe",
                                  "En otros informes"]
    assert filas(tabla) == [
        ["1. Revisar el primer tema del programa.", "INE", "CSPEN", "Concluido", "100 %", "DP",
         "Informe de prueba 2024", "Solo en este informe"],
        ["2. Preparar el segundo informe.", "INE", "CSPEN", "En curso", "75 %", "DJ", "Informe de prueba 2024",
         "Solo en este informe"],
    ]
    # cada fila es un ancla estable (documento--compromiso) y enlaza a su registro, su área y su informe
    assert [tr["id"] for tr in tabla.select("tbody tr")] == ["informe-2024--compromiso-01",
                                                           "informe-2024--compromiso-02"]
    todos = enlaces(tabla)
    assert todos["1. Revisar el primer tema del programa."] == "../documentos/informe-2024/#compromiso-01"
    assert todos["DP"] == "../areas/dp/"
    assert todos["Informe de prueba 2024"] == "../documentos/informe-2024/"
    assert "2 compromiso(s) en 1 informe(s); 1 sin concluir" in plano(html)


def test_filtros_son_mejora_progresiva(grafo_prueba: Grafo) -> None:
    html = sopa(pagina_indice_compromisos(grafo_prueba))
    filtros = html.select_one("div.spen-filtros[data-filtros]")
    # sin JavaScript el contenedor queda oculto y la tabla se ve completa
    assert filtros is not None and filtros.has_attr("hidden") and not filtros.find_all()
    assert filtros["data-filtros"].split("|") == list(COLUMNAS_FILTRO)
    # cada columna de filtro existe en la tabla, con un valor por fila sin «—» ni vacío
    tabla = html.find("table")
    columnas = encabezados(tabla)
    for nombre in COLUMNAS_FILTRO:
        indice = columnas.index(nombre)
        assert all(fila[indice] not in {"", "—"} for fila in filas(tabla))
    assert html.find("script")["src"] == "../activos/filtros.js"


def test_estatus_con_una_sola_forma(grafo_real: Grafo) -> None:
    # la fuente escribe «Concluido.» y «Concluido»: el filtro tiene un solo valor por estatus
    textos = {c.estatus_texto for d in grafo_real.datos.documentos for c in d.compromisos}
    valores = {estatus(c) for d in grafo_real.datos.documentos for c in d.compromisos}
    assert valores <= {"Concluido", "En curso", "Pendiente"}
    assert len(valores) <= len(textos)


def test_indice_real_una_fila_por_compromiso(grafo_real: Grafo) -> None:
    html = sopa(pagina_indice_compromisos(grafo_real))
    ids = [tr["id"] for tr in html.select("tbody tr")]
    esperados = [f"{d.id}--{c.id}" for d in grafo_real.datos.documentos for c in d.compromisos]
    assert sorted(ids) == sorted(esperados) and len(set(ids)) == len(ids)
    for doc in grafo_real.datos.documentos:
        for c in doc.compromisos:
            assert f"../documentos/{doc.id}/#{c.id}" in enlaces(html).values()


def test_sin_compromisos_lo_dice(tmp_path: Path) -> None:
    archivos = archivos_base()
    del archivos["ine/2024/informe-2024.yml"]
    archivos["ine/2020/pat-2020.yml"] = archivos["ine/2020/pat-2020.yml"].replace(
        "presentado_en:\n  sesion: jge-2020-01-16\n", "")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    html = sopa(pagina_indice_compromisos(construir_grafo(resultado.datos)))
    assert "Ningún informe publicado tiene compromisos todavía." in plano(html)
    assert html.find("table") is None and html.select_one("[data-filtros]") is None


def test_seguimiento_entre_informes(grafo_continuidad: Grafo) -> None:
    grafo = grafo_continuidad
    html = sopa(pagina_indice_compromisos(grafo))
    # el registro anterior («Pendiente») no cuenta como otro compromiso sin concluir
    assert "3 compromiso(s) en 2 informe(s); 1 sin concluir" in plano(html)
    tabla = html.find("table")
    por_id = {tr["id"]: [plano(td) for td in tr.find_all("td")] for tr in tabla.select("tbody tr")}
    # el informe más reciente primero; cada registro dice en qué otros informes sigue
    assert list(por_id)[0].startswith("informe-2024--")
    assert por_id["informe-2024--compromiso-02"][-1] == (
        "Informe de prueba de abril de 2024 (30 de abril de 2024): Pendiente, 0 % "
        "Este informe (17 de junio de 2024)")
    assert por_id["informe-2024-04--compromiso-01"][-1] == (
        "Este informe (30 de abril de 2024) "
        "Informe de prueba 2024 (17 de junio de 2024): En curso, 75 %")
    fila = tabla.find("tr", id="informe-2024--compromiso-02")
    assert enlaces(fila)["Pendiente, 0 %"] == "../documentos/informe-2024-04/#compromiso-01"


def test_historia_en_la_pagina_del_informe(grafo_continuidad: Grafo) -> None:
    grafo = grafo_continuidad
    informe = grafo.documentos["informe-2024"]
    html = sopa_de_bloques(bloques_historia(informe, grafo), "documentos/informe-2024/index.md")
    assert html.find("h2")["id"] == "historia-compromisos"
    # solo el compromiso que otro informe sigue
    assert [h["id"] for h in html.find_all("h3")] == ["historia-compromiso-02"]
    tabla = html.find("table")
    assert filas(tabla) == [
        ["Informe de prueba de abril de 2024", "30 de abril de 2024", "Compromiso 1", "Pendiente", "0 %"],
        ["Informe de prueba 2024", "17 de junio de 2024", "Compromiso 2", "En proceso", "75 %"],
    ]
    assert enlaces(tabla)["Compromiso 1"] == "../informe-2024-04/#compromiso-01"
    assert enlaces(tabla)["Compromiso 2"] == "#compromiso-02"
    # la misma historia desde el informe anterior
    anterior = sopa_de_bloques(bloques_historia(grafo.documentos["informe-2024-04"], grafo),
                               "documentos/informe-2024-04/index.md")
    assert filas(anterior.find("table")) == filas(tabla)


def test_sin_historia_no_hay_apartado(grafo_prueba: Grafo, grafo_real: Grafo) -> None:
    assert bloques_historia(grafo_prueba.documentos["informe-2024"], grafo_prueba) == ()
    # los datos reales no declaran continuidad todavía
    for doc in grafo_real.datos.documentos:
        if not any(c.continua for c in doc.compromisos):
            assert bloques_historia(doc, grafo_real) == ()
