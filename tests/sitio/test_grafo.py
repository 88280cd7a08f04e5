"""enlaces: el grafo con las referencias inversas (tema → compromisos, acuerdo → compromisos que
lo citan y documentos que aprueba, sesión → compromisos, acuerdos y documentos presentados,
programada → celebradas, área → temas y compromisos, mecanismo a través de los documentos,
ficha → filas), las menciones de números de acuerdo en la prosa, el orden de acuerdos y
sesiones y los avisos por registro; sobre datos de prueba y sobre los datos reales."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from programas_spen.modelo.problemas import Problema
from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.grafo import PATRON_ACUERDO, Mencion, clave_acuerdo, construir_grafo
from tests.datos_prueba import PAT, archivos_base, cargar


def _ids(registros: Iterable[Any]) -> list[str]:
    return [r.id for r in registros]


def test_tema_a_compromisos(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    assert _ids(grafo.compromisos_de_tema["pat-cspen-2024/tema-01"]) == ["compromiso-01"]
    assert "pat-cspen-2024/tema-02" not in grafo.compromisos_de_tema
    doc, tema = grafo.ficha_de_tema("pat-cspen-2024/tema-01")
    assert (doc.id, tema.id) == ("pat-cspen-2024", "tema-01")
    assert grafo.ficha_de_tema("pat-cspen-2024/no-existe") is None


def test_acuerdo_a_compromisos_y_documentos(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    jge38 = grafo.acuerdos["INE/JGE38/2024"]
    assert _ids(jge38.cumple) == ["compromiso-01"]
    assert [d.id for d, _ in jge38.declaraciones] == ["informe-2024"]
    assert jge38.organo == "jge"
    assert jge38.primero("enlace") == "https://example.org/INE-JGE38-2024.pdf"
    assert jge38.primero("titulo") is None
    # también se menciona en el avance del compromiso
    assert [(m.documento, m.tipo, m.campo) for m in jge38.menciones] == [
        ("informe-2024", "compromiso", "avance")]
    jge06 = grafo.acuerdos["INE/JGE06/2020"]
    assert [d.id for d in jge06.aprueba_documentos] == ["pat-2020"]
    assert jge06.cumple == []


def test_mencion_en_la_prosa(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    cg909 = grafo.acuerdos["INE/CG909/2015"]
    [mencion] = cg909.menciones
    assert isinstance(mencion, Mencion)
    assert (mencion.documento, mencion.tipo, mencion.campo) == ("pat-2020", "seccion", "texto")
    assert getattr(mencion.registro, "id") == "introduccion"  # noqa: B009
    assert grafo.acuerdos_de_registro[id(mencion.registro)] == ["INE/CG909/2015"]


def test_sesion_a_compromisos_acuerdos_y_documentos(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    primera = grafo.sesiones["cspen-2024-03-13"]
    assert _ids(primera.compromisos) == ["compromiso-01", "compromiso-02"]
    assert (primera.organo, primera.tipo, primera.fecha, primera.ordinal) == (
        "cspen", "ordinaria", "2024-03-13", 1)
    assert [d.id for d, _ in primera.declaraciones] == ["informe-2024"]
    assert grafo.sesiones["jge-2024-03-25"].acuerdos == ["INE/JGE38/2024"]
    assert grafo.sesiones["jge-2020-01-16"].acuerdos == ["INE/JGE06/2020"]
    assert [d.id for d in grafo.sesiones["cspen-2024-06-17"].documentos_presentados] == [
        "informe-2024"]
    assert [d.id for d in grafo.sesiones["jge-2020-01-16"].documentos_presentados] == [
        "pat-2020"]


def test_programada_a_celebradas(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    primera = grafo.sesiones["cspen-2024-03-13"]
    assert primera.programada is not None
    programa, plan = primera.programada
    assert (programa.id, plan.id) == ("pat-cspen-2024", "sesion-ordinaria-1")
    assert [s.id for s in grafo.celebradas_de["pat-cspen-2024/sesion-ordinaria-1"]] == [
        "cspen-2024-03-13"]
    assert "pat-cspen-2024/sesion-ordinaria-2" not in grafo.celebradas_de
    assert grafo.sesiones["cspen-2024-06-17"].programada is None
    assert set(grafo.programadas) == {"pat-cspen-2024/sesion-ordinaria-1",
                                      "pat-cspen-2024/sesion-ordinaria-2"}


def test_area_a_temas_y_compromisos(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    assert _ids(grafo.temas_de_area["dp"]) == ["tema-01"]
    assert _ids(grafo.temas_de_area["dj"]) == ["tema-02"]
    assert _ids(grafo.compromisos_de_area["dp"]) == ["compromiso-01"]
    assert _ids(grafo.compromisos_de_area["dj"]) == ["compromiso-02"]
    assert "area-sin-registros" not in grafo.temas_de_area
    assert "area-sin-registros" in grafo.areas


def test_ficha_a_filas_y_documento_de(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    assert _ids(grafo.filas_de_ficha[("plan-2024", "ficha-1")]) == ["fila-1"]
    [fila] = grafo.filas_de_ficha[("plan-2024", "ficha-1")]
    assert grafo.documento_de(fila).id == "plan-2024"
    plan = grafo.documentos["plan-2024"]
    assert list(grafo.fichas(plan)) == ["ficha-1"]
    assert [d.id for d in grafo.documentos_de_institucion("ine")] == [
        "pat-2020", "informe-2024", "pat-cspen-2024"]


def test_orden_de_acuerdos_y_sesiones(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    assert list(grafo.acuerdos) == ["INE/CG909/2015", "INE/JGE06/2020", "INE/JGE38/2024"]
    assert list(grafo.sesiones) == ["cspen-2024-03-13", "cspen-2024-06-17", "jge-2020-01-16",
                                    "jge-2024-03-25"]


def test_clave_acuerdo_ordena_por_anio_organo_y_ordinal() -> None:
    numeros = ["INE/CG10/2015", "INE/JGE06/2020", "INE/CG9/2015", "INE/CG909/2015",
               "INE/CG1/2016"]
    assert sorted(numeros, key=clave_acuerdo) == [
        "INE/CG9/2015", "INE/CG10/2015", "INE/CG909/2015", "INE/CG1/2016", "INE/JGE06/2020"]
    assert clave_acuerdo("INE/JGE06/2020") == (2020, "JGE", 6, "INE")
    # toda forma que admite el esquema (la de cada institución)
    assert clave_acuerdo("IEEQ/CG/A/012/24") == (2024, "CG/A/", 12, "IEEQ")
    assert clave_acuerdo("IEEM/CSSPEN/01/2025") == (2025, "CSSPEN/", 1, "IEEM")
    assert clave_acuerdo("IEPC/CG28/2021") == (2021, "CG", 28, "IEPC")


@pytest.mark.parametrize(("texto", "encontrados"), [
    ("mediante Acuerdo INE/CG909/2015, el Consejo", ["INE/CG909/2015"]),
    ("INE/JGE06/2020 e IEPC/CG12/2021.", ["INE/JGE06/2020", "IEPC/CG12/2021"]),
    ("ine/jge06/2020", []),
    ("INE/JGE06/20201", []),
    ("claveINE/JGE06/2020", []),
    ("INE/DESPEN/2020", []),
])
def test_patron_de_acuerdo(texto: str, encontrados: list[str]) -> None:
    assert PATRON_ACUERDO.findall(texto) == encontrados


def test_mecanismo_a_traves_de_los_documentos(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos["ine/2021/pat-2021.yml"] = """\
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
"""
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos)
    apariciones = grafo.mecanismos["ingreso"]
    assert [(d.id, len(m.actividades)) for d, m in apariciones] == [("pat-2020", 2),
                                                                     ("pat-2021", 1)]


def test_avisos_por_registro(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos[PAT] = archivos[PAT].replace("actividades_publicadas: 2", "actividades_publicadas: 4")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    pat = grafo.documentos["pat-2020"]
    [aviso] = grafo.avisos_de(pat, pat.mecanismos[0])
    assert isinstance(aviso, Problema) and "síntesis da 4" in aviso.mensaje
    assert grafo.avisos_de(pat, pat.mecanismos[0].actividades[0]) == []
    assert grafo.avisos_lista == [aviso]
    sin_avisos = construir_grafo(resultado.datos)
    assert sin_avisos.avisos_de(pat, pat.mecanismos[0]) == [] and sin_avisos.avisos_lista == []


# --- Datos reales -----------------------------------------------------------------------------


def test_real_acuerdo_mencionado_en_el_acuerdo_que_aprueba_el_pat(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    menciones = grafo.acuerdos["INE/CG909/2015"].menciones
    assert any(m.documento == "ine-pat-spen-2020" and m.tipo == "acuerdo"
               and m.campo in {"antecedentes", "considerandos"} for m in menciones)
    assert any(m.campo == "considerandos" for m in grafo.acuerdos["INE/CG270/2019"].menciones)
    assert [d.id for d in grafo.acuerdos["INE/JGE06/2020"].aprueba_documentos] == [
        "ine-pat-spen-2020"]


def test_real_compromisos_en_los_dos_sentidos(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    informe = grafo.documentos["ine-informe-compromisos-cspen-2024-06"]
    for compromiso in informe.compromisos:
        assert compromiso in grafo.sesiones[compromiso.sesion].compromisos
        assert compromiso in grafo.compromisos_de_area[compromiso.area]
        for ref in compromiso.temas:
            assert grafo.ficha_de_tema(ref) is not None
            assert compromiso in grafo.compromisos_de_tema[ref]
        for numero in compromiso.acuerdos:
            assert compromiso in grafo.acuerdos[numero].cumple
    assert sum(len(s.compromisos) for s in grafo.sesiones.values()) == 11


def test_real_sesiones_programadas_y_celebradas(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    assert [s.id for s in grafo.celebradas_de["ine-pat-cspen-2024/sesion-ordinaria-1"]] == [
        "cspen-2024-03-13"]
    assert [s.id for s in grafo.celebradas_de["ine-pat-cspen-2024/sesion-ordinaria-2"]] == [
        "cspen-2024-06-17"]
    assert len(grafo.sesiones["cspen-2024-03-13"].compromisos) == 6
    assert [d.id for d in grafo.sesiones["cspen-2024-06-17"].documentos_presentados] == [
        "ine-informe-compromisos-cspen-2024-06"]


def test_real_areas_y_mecanismos(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    cspen = grafo.documentos["ine-pat-cspen-2024"]
    # cada tema con área está en la lista de su área, una vez (los de todos los documentos)
    assert sum(len(v) for v in grafo.temas_de_area.values()) == sum(
        1 for d in grafo.datos.documentos for t in d.temas if t.area)
    for tema in cspen.temas:
        if tema.area:
            assert sum(t is tema for t in grafo.temas_de_area[tema.area]) == 1
    # los 13 mecanismos del PAT 2020, cada uno con su tabla de ese documento (otros años
    # añadirían sus tablas al mismo mecanismo)
    pat = grafo.documentos["ine-pat-spen-2020"]
    assert len(pat.mecanismos) == 13
    for mecanismo in pat.mecanismos:
        assert [m for d, m in grafo.mecanismos[mecanismo.id] if d is pat] == [mecanismo]
