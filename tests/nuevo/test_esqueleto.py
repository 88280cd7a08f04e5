"""esqueleto.py: el documento nuevo lleva la línea del esquema, cada campo obligatorio con un
comentario tomado del esquema y, comentadas, las listas de los documentos de su tipo."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, cargar_esquema
from programas_spen.carga.lector_yaml import leer_texto
from programas_spen.hoja.canonico import LINEA_ESQUEMA
from programas_spen.modelo.problemas import Informe
from programas_spen.nuevo.esqueleto import (
    esqueleto,
    id_por_omision,
    listas_del_tipo,
    ruta_del_documento,
    tipo_de,
    tipos,
)
from tests.conftest import DATOS


@pytest.mark.parametrize("tipo", tipos())
def test_esqueleto_de_cada_tipo(tipo: str) -> None:
    texto = esqueleto(tipo, "ieeq", 2026, id_por_omision(tipo, "ieeq", 2026), None, [])
    assert texto.splitlines()[0] == LINEA_ESQUEMA
    informe = Informe()
    arbol = leer_texto(texto, "nuevo.yml", informe)
    assert arbol is not None, informe.texto()
    esquema = cargar_esquema(ESQUEMA_DOCUMENTO)
    assert list(arbol.datos) == esquema["required"]
    assert arbol.datos["tipo"] == tipo and arbol.datos["anio"] == 2026
    assert arbol.datos["titulo"] is None  # nunca se inventa: lo llena quien transcribe
    # el comentario de cada campo obligatorio, con la descripción del esquema
    for campo in esquema["required"]:
        linea = next(linea for linea in texto.splitlines() if linea.startswith(f"{campo}:"))
        assert "#" in linea
    descripcion_id = esquema["properties"]["id"]["description"]
    assert f"# (obligatorio) {descripcion_id}" in texto


def test_listas_de_los_documentos_del_mismo_tipo() -> None:
    # cada lista que usa algún documento real del tipo (sin fijar cuáles ni cuántos)
    for ruta in DATOS.glob("*/*/*.yml"):
        arbol = leer_texto(ruta.read_text(encoding="utf-8"), "x", Informe())
        assert arbol is not None
        listas = listas_del_tipo(DATOS, arbol.datos["tipo"])
        usadas = [c for c in arbol.datos if isinstance(arbol.datos[c], list)]
        assert set(usadas) <= set(listas)
        texto = esqueleto(arbol.datos["tipo"], "ine", 2026, "x", None, listas)
        for lista in usadas:
            assert f"\n# {lista}:   # lista (hoja «" in texto


def test_tipos_y_ruta() -> None:
    assert tipo_de("pat") == "programa_anual_trabajo"
    assert tipo_de("informe_seguimiento") == "informe_seguimiento"
    assert tipo_de("otro") is None
    assert id_por_omision("plan_trabajo", "ieeq", 2026) == "ieeq-plan-trabajo-2026"
    assert ruta_del_documento(Path("datos"), "ieeq", 2026, "x") == Path("datos/ieeq/2026/x.yml")
