"""problemas: cada Problema se muestra como «archivo:línea:columna: nivel: mensaje» y el Informe
separa errores y avisos, los ordena por archivo y línea y resume los totales en español."""

from __future__ import annotations

import pytest

from programas_spen.modelo.problemas import Informe, Problema


def test_problema_con_linea_y_columna() -> None:
    problema = Problema("datos/a.yml", 12, 5, "error", "se esperaba un texto")
    assert str(problema) == "datos/a.yml:12:5: error: se esperaba un texto"


def test_problema_sin_columna_omite_la_columna() -> None:
    assert str(Problema("datos/a.yml", 7, 0, "aviso", "m")) == "datos/a.yml:7: aviso: m"


def test_problema_sin_linea_omite_linea_y_columna() -> None:
    # Sin línea no tiene sentido una columna: solo el archivo.
    assert str(Problema("datos/instituciones.yml", 0, 3, "error", "m")) == (
        "datos/instituciones.yml: error: m")


def test_problema_es_inmutable() -> None:
    problema = Problema("a", 1, 1, "error", "m")
    with pytest.raises(AttributeError):
        problema.linea = 2  # type: ignore[misc]


def test_informe_separa_errores_y_avisos() -> None:
    informe = Informe()
    informe.aviso("b.yml", 3, 0, "aviso uno")
    informe.error("a.yml", 9, 2, "error uno")
    informe.aviso("a.yml", 1, 0, "aviso dos")
    assert [p.mensaje for p in informe.errores] == ["error uno"]
    assert all(p.nivel == "error" for p in informe.errores)
    assert [p.mensaje for p in informe.avisos] == ["aviso dos", "aviso uno"]
    assert all(p.nivel == "aviso" for p in informe.avisos)
    # problemas conserva el orden en que se registraron
    assert [p.mensaje for p in informe.problemas] == ["aviso uno", "error uno", "aviso dos"]


def test_errores_ordenados_por_archivo_linea_y_columna() -> None:
    informe = Informe()
    informe.error("b.yml", 1, 1, "b1")
    informe.error("a.yml", 10, 1, "a10")
    informe.error("a.yml", 2, 8, "a2c8")
    informe.error("a.yml", 2, 3, "a2c3")
    assert [p.mensaje for p in informe.errores] == ["a2c3", "a2c8", "a10", "b1"]


def test_texto_pone_errores_antes_que_avisos_y_resume() -> None:
    informe = Informe()
    informe.aviso("a.yml", 1, 0, "primero registrado")
    informe.error("z.yml", 5, 2, "un error")
    informe.error("y.yml", 4, 0, "otro error")
    lineas = informe.texto().splitlines()
    assert lineas == [
        "y.yml:4: error: otro error",
        "z.yml:5:2: error: un error",
        "a.yml:1: aviso: primero registrado",
        "2 error(es), 1 aviso(s) en los datos.",
    ]


def test_informe_vacio() -> None:
    informe = Informe()
    assert informe.errores == [] and informe.avisos == []
    assert informe.texto() == "0 error(es), 0 aviso(s) en los datos."


def test_informes_no_comparten_lista() -> None:
    uno, dos = Informe(), Informe()
    uno.error("a", 1, 1, "m")
    assert dos.problemas == []
