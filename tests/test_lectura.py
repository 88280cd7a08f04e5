"""lectura: leer y validar en dos procesos da exactamente lo mismo, en el mismo orden, que en
uno (árboles, validez y problemas, también con errores); el reparto da al auxiliar cerca de
``PARTE_AUXILIAR`` de los bytes sin perder ni repetir archivos; si el proceso auxiliar falla,
todo se lee en este proceso sin error visible; con pocos datos no se arranca ningún proceso."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from programas_spen import lectura
from programas_spen.carga import archivos_de_datos
from programas_spen.problemas import Informe
from programas_spen.validacion import cargar_datos

from .conftest import DATOS
from .datos_prueba import CATALOGO, INFORME, PLAN, PROGRAMA, archivos_base, cambiar, escribir


def _con_problemas(tmp_path: Path) -> Path:
    archivos: dict[str, str | bytes] = dict(archivos_base())
    cambiar(archivos, PROGRAMA, "anio: 2024", 'anio: "dos mil"')
    cambiar(archivos, PLAN, "anio: 2024\n", "anio: 2024\ncolor: azul\n")
    cambiar(archivos, INFORME, "anio: 2024\n", "anio: 2024\n  sangria: mala\n")
    archivos["ine/2024/vacio.yml"] = "# solo un comentario\n"
    return escribir(tmp_path, archivos)


def _leer(datos: Path, paralelo: bool) -> tuple[list[lectura.Leido], Informe]:
    informe = Informe()
    leidos = lectura.leer_todos(archivos_de_datos(datos), datos.parent, datos / CATALOGO,
                                informe, paralelo)
    return leidos, informe


def test_en_paralelo_igual_que_en_un_proceso(tmp_path: Path) -> None:
    datos = _con_problemas(tmp_path)
    uno, informe_uno = _leer(datos, paralelo=False)
    dos, informe_dos = _leer(datos, paralelo=True)
    assert [leido.ruta for leido in dos] == archivos_de_datos(datos)
    assert dos == uno
    assert informe_dos.errores == informe_uno.errores
    assert len(informe_uno.errores) >= 4
    assert [leido.valido for leido in uno].count(False) >= 3


def test_datos_reales_en_paralelo(resultado_real) -> None:  # type: ignore[no-untyped-def]
    paralelo = cargar_datos(DATOS, paralelo=True)
    assert paralelo.datos == resultado_real.datos
    assert paralelo.informe.avisos == resultado_real.informe.avisos


def test_si_el_auxiliar_falla_se_lee_aqui(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          caplog: pytest.LogCaptureFixture) -> None:
    datos = _con_problemas(tmp_path)
    uno, informe_uno = _leer(datos, paralelo=False)
    monkeypatch.setattr(lectura.sys, "executable", "/bin/false")
    with caplog.at_level("INFO", logger="programas_spen.lectura"):
        dos, informe_dos = _leer(datos, paralelo=True)
    assert dos == uno and informe_dos.errores == informe_uno.errores
    assert "código 1" in caplog.text


def test_si_el_auxiliar_no_arranca_se_lee_aqui(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    datos = _con_problemas(tmp_path)
    uno, _ = _leer(datos, paralelo=False)
    monkeypatch.setattr(lectura.sys, "executable", str(tmp_path / "no-existe"))
    dos, _ = _leer(datos, paralelo=True)
    assert dos == uno


def test_pocos_datos_no_arrancan_procesos(monkeypatch: pytest.MonkeyPatch) -> None:
    def prohibido(*args: object, **kwargs: object) -> None:
        raise AssertionError("no debía arrancar un proceso")

    monkeypatch.setattr(subprocess, "Popen", prohibido)
    leidos, informe = _leer(DATOS, paralelo=None)  # type: ignore[arg-type]
    assert len(leidos) == len(archivos_de_datos(DATOS)) and not informe.errores


@pytest.mark.parametrize("tamanos", [[10, 10], [100, 1, 1, 1], list(range(1, 200)), [5] * 40])
def test_reparto(tamanos: list[int]) -> None:
    rutas = [Path(f"d/{i:03}.yml") for i in range(len(tamanos))]
    por_ruta = dict(zip(rutas, tamanos, strict=True))
    propias, ajenas = lectura.repartir(rutas, por_ruta)
    assert sorted(propias + ajenas) == rutas
    assert propias and ajenas
    if len(tamanos) > 20:
        parte = sum(por_ruta[r] for r in ajenas) / sum(tamanos)
        assert abs(parte - lectura.PARTE_AUXILIAR) < 0.05


def test_procesos_disponibles() -> None:
    assert lectura.procesos_disponibles() >= 1
