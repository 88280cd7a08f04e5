"""Un documento nuevo y válido no rompe nada (issue #24): los datos reales más un sexto
documento (``tests/documento_nuevo.py``: el programa 2025 de la comisión de seguimiento de un
OPLE que no está en los datos, nacido digital, aprobado por un acuerdo con la numeración de ese
OPLE) se validan sin errores y se publican: su página, la de su acuerdo, la dirección corta del
acuerdo, su anexo y sus datos abiertos. La versión ``sitio`` hace la construcción estricta de
MkDocs, como la CI.

Que el resto de la suite no dependa del conjunto de documentos se comprobó ejecutándola entera
con este documento añadido (ver ``tests/documento_nuevo.py``); esta prueba guarda lo esencial.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from programas_spen.carga.validacion import cargar_datos
from programas_spen.sitio import urls
from programas_spen.sitio.construir import Sitio
from tests.conftest import DATOS, construir, copiar_proyecto
from tests.datos_prueba import construir as construir_nucleo
from tests.documento_nuevo import (
    ACUERDO,
    ARCHIVO,
    ID,
    INSTITUCION,
    SESIONES_PROGRAMADAS,
    TEMAS,
    anadir_documento_nuevo,
)

URL_FUENTE = "https://programas-spen.example/prueba/ieem-pat-csspen-2025.pdf"


@pytest.fixture(scope="module")
def datos_con_nuevo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Una copia de ``datos/`` con el documento nuevo y sus entradas del catálogo."""
    datos = tmp_path_factory.mktemp("con-nuevo") / "datos"
    shutil.copytree(DATOS, datos)
    anadir_documento_nuevo(datos)
    return datos


@pytest.fixture(scope="module")
def sitio_con_nuevo(datos_con_nuevo: Path) -> Sitio:
    return construir_nucleo(datos_con_nuevo)


def test_se_valida_sin_errores_ni_avisos_propios(datos_con_nuevo: Path) -> None:
    resultado = cargar_datos(datos_con_nuevo)
    assert resultado.informe.errores == [], resultado.informe.texto()
    assert [p for p in resultado.informe.problemas if p.archivo == f"datos/{ARCHIVO}"] == []
    reales = cargar_datos(DATOS)
    # los demás documentos no cambian: los mismos avisos, uno por uno
    assert resultado.informe.avisos == reales.informe.avisos
    assert resultado.datos is not None and reales.datos is not None
    ids = [d.id for d in resultado.datos.documentos]
    assert ids == sorted(set(ids), key=ids.index)  # sin repetidos
    assert set(ids) == {d.id for d in reales.datos.documentos} | {ID}
    [nuevo] = [d for d in resultado.datos.documentos if d.id == ID]
    assert (len(nuevo.temas), len(nuevo.sesiones_programadas)) == (TEMAS, SESIONES_PROGRAMADAS)
    assert nuevo.aprobado_por == ACUERDO
    assert nuevo.fuente.archivo is None and nuevo.fuente.digital and nuevo.fuente.url == URL_FUENTE


def _pagina(sitio: Sitio, ruta: str) -> str:
    [pagina] = [p for p in sitio.paginas if p.ruta == ruta]
    return pagina.html


def _archivo(sitio: Sitio, ruta: str) -> bytes:
    [archivo] = [a for a in sitio.archivos if a.ruta == ruta]
    return archivo.contenido


def test_se_publica_con_su_acuerdo_y_su_direccion_corta(sitio_con_nuevo: Sitio) -> None:
    html = _pagina(sitio_con_nuevo, urls.documento(ID).ruta)
    # nació digital: la página da la dirección del original, no un «texto fuente» inventado
    assert "Documento digital" in html and URL_FUENTE in html
    assert "Texto fuente" not in html
    # el acuerdo del OPLE, con su numeración, tiene página y dirección corta
    assert urls.acuerdo(ACUERDO).ruta == "acuerdos/ieem-csspen-01-2025.md"
    acuerdo = _pagina(sitio_con_nuevo, urls.acuerdo(ACUERDO).ruta)
    assert ACUERDO in acuerdo and ID in acuerdo
    corta = urls.ruta_corta_acuerdo(ACUERDO)
    assert corta == "IEEM/CSSPEN/01/2025/index.html"
    redireccion = _archivo(sitio_con_nuevo, corta).decode("utf-8")
    assert 'http-equiv="refresh"' in redireccion and "acuerdos/ieem-csspen-01-2025/" in redireccion
    # la institución nueva tiene su página
    assert f"documentos/{ID}/" in _pagina(sitio_con_nuevo, urls.institucion(INSTITUCION).ruta)
    anexo = _archivo(sitio_con_nuevo, urls.anexo_vista(ID)).decode("utf-8")
    assert URL_FUENTE in anexo


def test_sus_datos_abiertos(sitio_con_nuevo: Sitio) -> None:
    texto = _archivo(sitio_con_nuevo, urls.tabla_documento(ID, "documentos")).decode("utf-8-sig")
    [fila] = list(csv.DictReader(io.StringIO(texto)))
    assert fila["aprobado_por"] == ACUERDO
    assert fila["fuente_url"] == URL_FUENTE
    temas = _archivo(sitio_con_nuevo, urls.tabla_documento(ID, "temas")).decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(temas)))) == TEMAS


@pytest.mark.sitio
def test_construccion_estricta_con_el_documento_nuevo(tmp_path: Path) -> None:
    """Como la CI: ``mkdocs build --strict`` del proyecto con el documento nuevo."""
    proyecto = copiar_proyecto(tmp_path / "proyecto")
    anadir_documento_nuevo(proyecto / "datos")
    resultado = construir(proyecto, tmp_path / "site", ANEXOS_PDF="false", BUSQUEDA="false")
    assert resultado.codigo == 0, resultado.salida
    assert "Traceback" not in resultado.salida
    sitio = resultado.sitio
    assert (sitio / "documentos" / ID / "index.html").is_file()
    assert (sitio / "acuerdos/ieem-csspen-01-2025/index.html").is_file()
    assert (sitio / "IEEM/CSSPEN/01/2025/index.html").is_file()
    assert (sitio / "documentos" / ID / "anexo/index.html").is_file()
