"""vocabularios.py: el catálogo por colección e institución, los meses de las listas y la
sugerencia de lo más parecido."""

from __future__ import annotations

from pathlib import Path

from programas_spen.hoja.vocabularios import leer_catalogo, meses, parecido
from programas_spen.modelo.problemas import Informe
from tests.datos_prueba import archivos_base, escribir


def test_catalogo(tmp_path: Path) -> None:
    informe = Informe()
    catalogo = leer_catalogo(escribir(tmp_path, archivos_base()), informe)
    assert catalogo is not None and informe.problemas == []
    assert catalogo.ids("instituciones") == ["ine", "ople-x"]
    assert "cspen" in catalogo.ids("organos", "ine") and "cspen" not in catalogo.ids("organos", "ople-x")
    assert set(catalogo.ids("areas", "ine")) <= set(catalogo.ids("areas"))


def test_catalogo_que_falta(tmp_path: Path) -> None:
    informe = Informe()
    assert leer_catalogo(tmp_path, informe) is None
    assert informe.errores[0].mensaje.startswith("no existe el catálogo; se esperaba datos/instituciones.yml")


def test_meses_y_parecido() -> None:
    lista = meses(2024)
    assert lista[0] == "2023-01" and lista[-1] == "2026-12" and len(lista) == 48
    assert parecido("concluída", ["concluido", "en_curso", "pendiente"]) == "concluido"
    assert parecido("xyz", ["concluido"]) is None
