"""canonico.py: la forma canónica conserva los datos y los comentarios del principio, es
estable, ordena las claves como el esquema y no toca un archivo que perdería un comentario."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.carga.lector_yaml import leer_texto
from programas_spen.hoja.canonico import (
    comentarios_fuera_de_cabecera,
    formatear_archivos,
    formatear_texto,
    volcar,
)
from programas_spen.modelo.problemas import Informe
from tests.conftest import DATOS

ARCHIVOS = sorted(DATOS.rglob("*.yml"))


def _datos(texto: str) -> object:
    arbol = leer_texto(texto, "x.yml", Informe())
    assert arbol is not None
    return arbol.datos


@pytest.mark.parametrize("archivo", ARCHIVOS, ids=lambda r: r.name)
def test_archivos_reales_mismos_datos_y_estable(archivo: Path) -> None:
    original = archivo.read_text(encoding="utf-8")
    informe = Informe()
    canonico = formatear_texto(original, str(archivo), informe)
    assert canonico is not None, informe.texto()
    assert _datos(canonico) == _datos(original)
    assert formatear_texto(canonico, str(archivo), Informe()) == canonico
    # los comentarios del principio (la línea del esquema) siguen ahí
    primeras = [linea for linea in original.splitlines() if linea.startswith("#")][:1]
    assert canonico.splitlines()[:1] == primeras


def test_claves_en_el_orden_del_esquema() -> None:
    texto = volcar({"anio": 2024, "fuente": {"descripcion": "d", "archivo": "a"}, "id": "x",
                    "tipo": "plan_trabajo"})
    assert texto == "id: x\ntipo: plan_trabajo\nanio: 2024\nfuente:\n  archivo: a\n  descripcion: d\n"


def test_textos_que_parecen_otra_cosa_quedan_como_texto() -> None:
    datos = {"id": "x", "fecha": "2024-03-13", "anexo": {"numero": "1"}, "titulo": "no",
             "titulo_corto": "=SUMA(A1)"}
    assert _datos(volcar(datos)) == datos


def test_comentario_en_medio_no_se_pierde(tmp_path: Path) -> None:
    archivo = tmp_path / "a.yml"
    original = "# cabecera\nid: x  # un comentario\ntitulo: 'a # no es comentario'\n# otro\n"
    archivo.write_text(original, encoding="utf-8")
    assert comentarios_fuera_de_cabecera(original) == [2, 4]
    informe = Informe()
    assert formatear_archivos([archivo], informe) == []
    assert archivo.read_text(encoding="utf-8") == original
    assert [(p.linea, p.mensaje.split(":")[0]) for p in informe.errores] == [
        (2, "comentario fuera del principio del archivo"), (4, "comentario fuera del principio del archivo")]


def test_formatear_escribe_solo_lo_que_cambia(tmp_path: Path) -> None:
    archivo = tmp_path / "a.yml"
    archivo.write_text("# esquema\ntipo: plan_trabajo\nid: x\n", encoding="utf-8")
    informe = Informe()
    assert formatear_archivos([archivo], informe) == [archivo]
    assert archivo.read_text(encoding="utf-8") == "# esquema\nid: x\ntipo: plan_trabajo\n"
    assert formatear_archivos([archivo], informe) == []
    assert informe.problemas == []


def test_yaml_mal_formado_se_informa(tmp_path: Path) -> None:
    archivo = tmp_path / "a.yml"
    archivo.write_text("id: [x\n", encoding="utf-8")
    informe = Informe()
    assert formatear_archivos([archivo], informe) == []
    assert informe.errores and informe.errores[0].mensaje.startswith("YAML mal formado")


def test_archivo_que_no_esta_en_utf8_o_no_existe(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yml"
    latin.write_bytes("id: x\ntitulo: Querétaro\n".encode("latin-1"))
    informe = Informe()
    assert formatear_archivos([latin, tmp_path / "no.yml"], informe) == []
    assert [(p.archivo, p.linea) for p in informe.errores] == [(str(latin), 2), (str(tmp_path / "no.yml"), 0)]
    assert informe.errores[0].mensaje.startswith("el archivo no está en UTF-8")
    assert informe.errores[1].mensaje.startswith("no se pudo leer")
