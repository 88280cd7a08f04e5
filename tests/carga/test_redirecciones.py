"""``datos/redirecciones.yml`` (``carga/redirecciones.py``): validado contra su esquema como
cualquier archivo de datos, con archivo y línea; una entrada va a un sitio o se retira."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.carga.esquema import cargar_esquema
from programas_spen.carga.redirecciones import ESQUEMA_REDIRECCIONES, leer_redirecciones
from programas_spen.modelo.problemas import Informe
from programas_spen.modelo.redireccion import Redireccion

from ..conftest import DATOS
from ..datos_prueba import archivos_base, cargar, errores

BUENO = """\
redirecciones:
  - de: /acuerdos/ine-jge99-2020/
    retirado: true
    motivo: Número mal transcrito.
  - de: /documentos/x/#act-01
    a: /documentos/x/#ingreso-01
    motivo: >-
      El id se corrigió
      según la fuente.
"""


def _leer(tmp_path: Path, texto: str) -> tuple[tuple[Redireccion, ...], Informe]:
    datos = tmp_path / "datos"
    datos.mkdir(exist_ok=True)
    (datos / "redirecciones.yml").write_text(texto, encoding="utf-8")
    informe = Informe()
    return leer_redirecciones(datos / "redirecciones.yml", tmp_path, informe), informe


def test_entradas_buenas(tmp_path: Path) -> None:
    entradas, informe = _leer(tmp_path, BUENO)
    assert not informe.problemas
    assert entradas == (
        Redireccion("/acuerdos/ine-jge99-2020/", None, "Número mal transcrito.", "datos/redirecciones.yml", 2),
        Redireccion("/documentos/x/#act-01", "/documentos/x/#ingreso-01", "El id se corrigió según la fuente.",
                    "datos/redirecciones.yml", 5),
    )
    assert entradas[0].retirado and not entradas[1].retirado


def test_sin_archivo_no_hay_entradas(tmp_path: Path) -> None:
    informe = Informe()
    assert leer_redirecciones(tmp_path / "redirecciones.yml", tmp_path, informe) == ()
    assert not informe.problemas


@pytest.mark.parametrize(("texto", "linea", "mensaje"), [
    ("redirecciones:\n  - de: /a/\n    a: /b/\n", 2, "falta el campo obligatorio «motivo»"),
    ("redirecciones:\n  - de: /a/\n    a: /b/\n    motivo: x\n    nota: y\n", 5, "campo desconocido «nota»"),
    ("redirecciones:\n  - de: a/sin-barra/\n    a: /b/\n    motivo: x\n", 2, "no tiene la forma esperada"),
    ("redirecciones:\n  - de: /a/\n    a: /b con espacio/\n    motivo: x\n", 3, "no tiene la forma esperada"),
    ("redirecciones:\n  - de: /a/\n    retirado: false\n    motivo: x\n", 3, "se esperaba «True»"),
    ("redirecciones:\n  - de: /a/\n    motivo: x\n", 2, "no dice adónde fue"),
    ("redirecciones:\n  - de: /a/\n    a: /b/\n    retirado: true\n    motivo: x\n", 2,
     "lleva «a» y «retirado» a la vez"),
    ("redirecciones:\n  - de: /a/\n    a: /a/\n    motivo: x\n", 3, "«a» es la misma URL que «de»"),
    ("redirecciones:\n  - de: /a/\n    a: /b/\n    motivo: x\n  - de: /a/\n    a: /c/\n    motivo: y\n", 5,
     "la URL «/a/» ya tiene una entrada en la línea 2"),
    ("redirecciones:\n  - de: /a/\n   a: /b/\n", 3, "YAML mal formado"),
    ("redirecciones:\n", 1, "se esperaba una lista"),
    ("- de: /a/\n", 1, "se esperaba un objeto"),
])
def test_errores_con_archivo_y_linea(tmp_path: Path, texto: str, linea: int, mensaje: str) -> None:
    entradas, informe = _leer(tmp_path, texto)
    assert entradas == ()
    assert informe.errores, "se esperaba un error"
    error = informe.errores[0]
    assert (error.archivo, error.linea) == ("datos/redirecciones.yml", linea), error
    assert mensaje in error.mensaje, error.mensaje


def test_la_carga_lo_valida_y_no_lo_toma_por_documento(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos["redirecciones.yml"] = "redirecciones:\n  - de: /a/\n    a: /b/\n"
    (error,) = errores(cargar(tmp_path / "malo", archivos))
    assert (error.archivo, error.linea) == ("datos/redirecciones.yml", 2)
    archivos["redirecciones.yml"] = BUENO
    resultado = cargar(tmp_path / "bueno", archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    assert [r.de for r in resultado.datos.redirecciones] == ["/acuerdos/ine-jge99-2020/", "/documentos/x/#act-01"]


def test_esquema_publicado_y_archivo_real() -> None:
    esquema = cargar_esquema(ESQUEMA_REDIRECCIONES)
    assert esquema["$id"].endswith("/esquema/redirecciones.schema.json")
    informe = Informe()
    leer_redirecciones(DATOS / "redirecciones.yml", DATOS.parent, informe)
    assert not informe.errores, informe.texto()
