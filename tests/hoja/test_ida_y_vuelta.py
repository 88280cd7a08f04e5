"""La ida y vuelta de cada documento real de datos/ (los que haya: se buscan, no se listan):
exportado y vuelto a importar da los mismos datos y, desde la forma canónica, los mismos bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.carga.lector_yaml import leer_texto
from programas_spen.hoja.canonico import formatear_texto
from programas_spen.hoja.exportar import exportar
from programas_spen.hoja.importar import importar
from programas_spen.hoja.vocabularios import leer_catalogo
from programas_spen.modelo.problemas import Informe
from tests.conftest import DATOS

DOCUMENTOS = sorted(DATOS.glob("*/*/*.yml"))


def _datos(texto: str) -> object:
    informe = Informe()
    arbol = leer_texto(texto, "x.yml", informe)
    assert arbol is not None, informe.texto()
    return arbol.datos


def test_hay_documentos() -> None:
    assert DOCUMENTOS


@pytest.mark.parametrize("documento", DOCUMENTOS, ids=lambda r: r.stem)
def test_documento_real_ida_y_vuelta(tmp_path: Path, documento: Path) -> None:
    informe = Informe()
    catalogo = leer_catalogo(DATOS, informe)
    assert catalogo is not None
    original = documento.read_text(encoding="utf-8")
    canonico = formatear_texto(original, str(documento), informe)
    assert canonico is not None, informe.texto()
    desde = tmp_path / documento.name
    desde.write_text(canonico, encoding="utf-8")
    libro = tmp_path / "libro.xlsx"
    vuelta = tmp_path / "vuelta" / documento.name
    assert exportar(desde, libro, catalogo, informe), informe.texto()
    assert importar(libro, vuelta, catalogo, informe), informe.texto()
    texto = vuelta.read_text(encoding="utf-8")
    assert _datos(texto) == _datos(original)
    assert texto == canonico
