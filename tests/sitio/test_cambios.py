"""sitio.cambios: el documento anterior del mismo órgano, la comparación entre años por
continuidad declarada (nunca por parecido del texto) y la historia de un compromiso entre
informes; sobre los datos de prueba con continuidad (``datos_prueba.archivos_continuidad``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.sitio.cambios import comparar, documento_anterior, historia, vigente
from programas_spen.sitio.grafo import Grafo, construir_grafo
from tests.datos_prueba import PLAN, PROGRAMA, archivos_base, archivos_continuidad, cambiar, cargar


def _grafo(tmp_path: Path, archivos: dict[str, str]) -> Grafo:
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    assert not resultado.informe.errores and not resultado.informe.avisos, resultado.informe.texto()
    return construir_grafo(resultado.datos, resultado.informe.avisos)


@pytest.fixture(scope="module")
def grafo(tmp_path_factory: pytest.TempPathFactory) -> Grafo:
    return _grafo(tmp_path_factory.mktemp("continuidad"), archivos_continuidad())


def test_documento_anterior_es_del_mismo_organo_y_tipo(grafo: Grafo) -> None:
    docs = grafo.documentos
    assert documento_anterior(docs["pat-cspen-2024"], grafo) is docs["pat-cspen-2023"]
    assert documento_anterior(docs["pat-cspen-2023"], grafo) is None
    # otro órgano (el PAT 2020 es de la JGE) y otro tipo no cuentan
    assert documento_anterior(docs["pat-2020"], grafo) is None
    assert documento_anterior(docs["plan-2024"], grafo) is None
    # del mismo año no es «anterior»: los dos informes son de 2024
    assert documento_anterior(docs["informe-2024"], grafo) is None


def test_comparacion_por_continuidad_declarada(grafo: Grafo) -> None:
    comparacion = comparar(grafo.documentos["pat-cspen-2024"], grafo)
    assert comparacion is not None and comparacion.anterior.id == "pat-cspen-2023"
    resumen = [(c.tipo, c.anterior.id if c.anterior else None, c.actual.id if c.actual else None,
                c.meses_antes, c.meses_ahora) for c in comparacion.cambios]
    assert resumen == [
        ("movido", "tema-05", "tema-01", ("2023-05",), ("2024-03",)),
        ("igual", "tema-07", "tema-02", (), ()),
        ("retirado", "tema-09", None, ("2023-09",), ()),
    ]
    assert [c.actual.id for c in comparacion.de_tipo("movido") if c.actual] == ["tema-01"]


def test_sin_continuidad_no_se_adivina_por_el_texto(tmp_path: Path) -> None:
    archivos = archivos_continuidad()
    # el tema 2 de 2024 deja de declarar continuidad: aunque el tema 9 de 2023 tiene su mismo
    # texto («(DJ) Segundo tema.»), son registros distintos
    cambiar(archivos, PROGRAMA, "    continua: pat-cspen-2023/tema-07\n", "")
    grafo = _grafo(tmp_path, archivos)
    comparacion = comparar(grafo.documentos["pat-cspen-2024"], grafo)
    assert comparacion is not None
    tipos = {(c.tipo, (c.actual or c.anterior).id) for c in comparacion.cambios}  # type: ignore[union-attr]
    assert ("agregado", "tema-02") in tipos
    assert ("retirado", "tema-09") in tipos and ("retirado", "tema-07") in tipos


def test_sin_ninguna_continuidad_no_hay_comparacion(tmp_path: Path) -> None:
    archivos = archivos_continuidad()
    cambiar(archivos, PROGRAMA, "    continua: pat-cspen-2023/tema-07\n", "")
    cambiar(archivos, PROGRAMA, "    continua: pat-cspen-2023/tema-05\n", "")
    grafo = _grafo(tmp_path, archivos)
    assert documento_anterior(grafo.documentos["pat-cspen-2024"], grafo) is not None
    assert comparar(grafo.documentos["pat-cspen-2024"], grafo) is None


def test_historia_de_un_compromiso(grafo: Grafo) -> None:
    junio = grafo.documentos["informe-2024"].compromisos[1]
    abril = grafo.documentos["informe-2024-04"].compromisos[0]
    for compromiso in (junio, abril):
        pasos = historia(compromiso, grafo)
        assert [(p.informe.id, p.compromiso.estatus, p.compromiso.porcentaje) for p in pasos] == [
            ("informe-2024-04", "pendiente", 0.0), ("informe-2024", "en_curso", 75.0)]
    assert vigente(junio, grafo) and not vigente(abril, grafo)
    # sin continuidad: su historia es él solo
    solo = grafo.documentos["informe-2024"].compromisos[0]
    assert [p.compromiso for p in historia(solo, grafo)] == [solo] and vigente(solo, grafo)


def test_continuidad_rota_es_un_error_con_su_linea(tmp_path: Path) -> None:
    archivos = archivos_base()
    cambiar(archivos, PROGRAMA, "    clasificacion: DP\n", "    clasificacion: DP\n    continua: pat-2020/tema-99\n")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is None
    [error] = resultado.informe.errores
    assert error.archivo.endswith(PROGRAMA)
    assert error.linea == archivos[PROGRAMA].splitlines().index("    continua: pat-2020/tema-99") + 1
    assert "el tema «tema-99» no existe en «pat-2020»" in error.mensaje


def test_continuidad_a_un_registro_de_otra_coleccion_es_un_error(tmp_path: Path) -> None:
    archivos = archivos_base()
    # ingreso-01 existe en pat-2020, pero es una actividad, no un tema
    cambiar(archivos, PROGRAMA, "    clasificacion: DP\n", "    clasificacion: DP\n    continua: pat-2020/ingreso-01\n")
    resultado = cargar(tmp_path, archivos)
    assert [e.mensaje for e in resultado.informe.errores] == [
        "el tema «ingreso-01» no existe en «pat-2020»; se esperaba un registro de su lista «temas»"]


def test_continuidad_de_una_actividad(tmp_path: Path) -> None:
    fila = "    - id: fila-2\n"
    # una actividad puede continuar una actividad de un mecanismo (o una fila de cronograma)…
    bien = cambiar(archivos_base(), PLAN, fila, fila + "      continua: pat-2020/ingreso-01\n")
    assert not cargar(tmp_path / "bien", bien).informe.errores
    # …pero no un mecanismo, aunque su id exista en ese documento
    mal = cambiar(archivos_base(), PLAN, fila, fila + "      continua: pat-2020/ingreso\n")
    assert [e.mensaje for e in cargar(tmp_path / "mal", mal).informe.errores] == [
        "la actividad «ingreso» no existe en «pat-2020»; se esperaba un registro de su lista «actividades»"]
