"""Gráficas (``paginas.graficas``): calculadas de los registros, con su tabla y resumen, las
cifras publicadas al lado y la explicación de por qué no se reconcilian cuando no se puede."""

from __future__ import annotations

import json

import pytest

from programas_spen.sitio.paginas.graficas import graficas_documento, linea_de_tiempo
from programas_spen.sitio.render import texto_plano
from tests.sitio.paginas.sopa import encabezados, filas, sopa_de_bloques


@pytest.fixture(scope="module")
def grafo(grafo_real):
    return grafo_real


def _por_id(graficas):
    return {g.id: g for g in graficas}


def test_pat_mecanismos_calculados_y_publicados(grafo) -> None:
    pat = grafo.documentos["ine-pat-spen-2020"]
    graficas = _por_id(graficas_documento(pat, grafo))
    mecanismos = graficas["actividades-por-mecanismo"]
    assert len(mecanismos.filas) == 13
    assert all(f[3] == "Coincide" for f in mecanismos.filas)
    calculadas = mecanismos.datos[0]["x"]
    assert calculadas == [len(m.actividades) for m in pat.mecanismos] and sum(calculadas) == 74
    assert "74 actividades en 13 mecanismos" in mecanismos.resumen


def test_pat_cifras_publicadas_no_reconciliables(grafo) -> None:
    pat = grafo.documentos["ine-pat-spen-2020"]
    graficas = [g for g in graficas_documento(pat, grafo) if g.titulo.startswith("Cifras publicadas")]
    titulos = [g.titulo for g in graficas]
    assert titulos == ["Cifras publicadas: eje", "Cifras publicadas: tipo de actividad",
                       "Cifras publicadas: trimestre de inicio", "Cifras publicadas: trimestre de conclusión"]
    inicio = graficas[2]
    assert [f[2] for f in inicio.filas] == ["66 %", "15 %", "14 %", "5 %"]
    assert all(f[3] == "No calculable" for f in inicio.filas)
    assert any("se perdieron al extraer el texto" in texto_plano(n) for n in inicio.notas)
    assert any("suman 87,2 %" in texto_plano(n) for n in graficas[0].notas)
    conclusion = graficas[3]
    assert any("suman 99 %" in texto_plano(n) for n in conclusion.notas)
    otras = _por_id(graficas_documento(pat, grafo))["otras-cifras"]
    permanentes = next(f for f in otras.filas if "permanentes" in f[0])
    assert permanentes[1] == "22" and permanentes[2] == "0"


def test_informe_por_estatus_area_y_sesion(grafo) -> None:
    informe = grafo.documentos["ine-informe-compromisos-cspen-2024-06"]
    graficas = _por_id(graficas_documento(informe, grafo))
    estatus = dict(graficas["compromisos-por-estatus"].filas)
    assert estatus == {"Concluido": "10", "En curso": "1"}
    avance = dict(graficas["compromisos-por-avance"].filas)
    assert avance == {"75 %": "1", "100 %": "10"}
    sesiones = graficas["compromisos-por-sesion"].filas
    assert [f[1:] for f in sesiones] == [("1", "1"), ("6", "6"), ("4", "4")]
    assert sum(int(f[1]) for f in graficas["compromisos-por-area"].filas) == 11


def test_temas_por_mes(grafo) -> None:
    cspen = grafo.documentos["ine-pat-cspen-2024"]
    por_mes = dict(_por_id(graficas_documento(cspen, grafo))["temas-por-mes"].filas)
    esperado = sum(1 for t in cspen.temas if "2024-03" in t.calendario.meses)
    assert por_mes["marzo de 2024"] == str(esperado)


def test_linea_de_tiempo_solo_con_meses(grafo) -> None:
    assert linea_de_tiempo(grafo.documentos["ine-pat-spen-2020"]) is None
    assert linea_de_tiempo(grafo.documentos["iepc-durango-pat-comision-seguimiento-2021"]) is None
    cspen = linea_de_tiempo(grafo.documentos["ine-pat-cspen-2024"])
    assert cspen is not None
    mapa = cspen.datos[0]
    assert len(mapa["z"]) == 41 and len(mapa["z"][0]) == 12
    queretaro = linea_de_tiempo(grafo.documentos["ieeq-plan-trabajo-2024-2025"])
    assert queretaro is not None and len(queretaro.datos[0]["z"]) == 3  # filas con meses en palabras


def test_seccion_con_tabla_y_lienzo_oculto(grafo) -> None:
    informe = grafo.documentos["ine-informe-compromisos-cspen-2024-06"]
    grafica = graficas_documento(informe, grafo)[0]
    seccion = grafica.seccion()
    assert seccion == grafica.seccion()  # la misma descripción cada vez
    html = sopa_de_bloques((seccion,), "documentos/ine-informe-compromisos-cspen-2024-06/graficas.md")
    assert html.find("h3")["id"] == grafica.id == "compromisos-por-estatus"
    # la gráfica acompaña a su tabla, nunca la sustituye
    tabla = html.find("table")
    assert encabezados(tabla) == ["Estatus", "Compromisos"]
    assert filas(tabla) == [list(f) for f in grafica.filas]
    lienzo = html.select_one("div.spen-grafica[data-grafica]")
    assert lienzo["aria-hidden"] == "true" and lienzo.has_attr("hidden")
    espec = json.loads(lienzo["data-grafica"])
    assert espec == grafica.especificacion() and espec["data"][0]["type"] == "bar"


def test_notas_de_las_cifras_no_reconciliables(grafo) -> None:
    pat = grafo.documentos["ine-pat-spen-2020"]
    inicio = next(g for g in graficas_documento(pat, grafo) if g.titulo == "Cifras publicadas: trimestre de inicio")
    html = sopa_de_bloques((inicio.seccion(),), "documentos/ine-pat-spen-2020/graficas.md")
    nota = html.find("strong", string="Por qué no se reconcilian:").parent
    assert "se perdieron al extraer el texto" in nota.get_text()
