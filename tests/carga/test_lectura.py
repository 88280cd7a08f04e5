"""lectura: leer y validar en dos procesos da exactamente lo mismo, en el mismo orden, que en
uno (árboles, validez, registros y problemas, también con errores); el reparto es dinámico y
los dos procesos leen; si el proceso auxiliar falla (al arrancar, a medias o con una
respuesta ilegible), lo suyo se lee en este proceso sin error visible; con pocos datos no se
arranca ningún proceso."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from programas_spen.carga import lectura
from programas_spen.carga.lector_yaml import archivos_de_datos
from programas_spen.carga.validacion import cargar_datos
from programas_spen.modelo.problemas import Informe
from tests.conftest import DATOS
from tests.datos_prueba import CATALOGO, INFORME, PLAN, PROGRAMA, archivos_base, cambiar, escribir


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
    assert informe_dos.problemas == informe_uno.problemas  # también en el mismo orden
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
    with caplog.at_level("INFO", logger="programas_spen.carga.lectura"):
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


def test_cola_de_mayor_a_menor() -> None:
    rutas = [Path(f"d/{i:03}.yml") for i in range(5)]
    tamanos = dict(zip(rutas, [5, 50, 5, 500, 1], strict=True))
    assert lectura.cola(rutas, tamanos) == [rutas[3], rutas[1], rutas[0], rutas[2], rutas[4]]


def test_los_dos_procesos_leen(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Con muchos archivos, el auxiliar recibe encargos y los devuelve: ninguno de los dos
    procesos se queda sin leer."""
    archivos: dict[str, str | bytes] = dict(archivos_base())
    for i in range(60):
        archivos[f"ine/2024/copia-{i:02}.yml"] = str(archivos[INFORME]).replace(
            "id: informe", f"id: copia-{i:02}", 1)
    datos = escribir(tmp_path, archivos)
    uno, informe_uno = _leer(datos, paralelo=False)
    with caplog.at_level("DEBUG", logger="programas_spen.carga.lectura"):
        dos, informe_dos = _leer(datos, paralelo=True)
    assert dos == uno and informe_dos.problemas == informe_uno.problemas
    [mensaje] = [r.getMessage() for r in caplog.records if "en paralelo:" in r.getMessage()]
    aqui, auxiliar = (int(n) for n in re.findall(r"(\d+) archivos? aquí y (\d+)", mensaje)[0])
    assert aqui > 0 and auxiliar > 0 and aqui + auxiliar == len(uno)


def test_respuesta_ilegible_a_medias(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     caplog: pytest.LogCaptureFixture) -> None:
    """Si una respuesta del auxiliar no se entiende, lo que tenía pendiente se lee aquí."""
    datos = _con_problemas(tmp_path)
    uno, informe_uno = _leer(datos, paralelo=False)
    original = lectura._desempaquetar
    llamadas = []

    def a_medias(contenido: bytes, rutas: list[Path]):  # type: ignore[no-untyped-def]
        llamadas.append(1)
        if len(llamadas) == 2:
            raise ValueError("dañada")
        return original(contenido, rutas)

    monkeypatch.setattr(lectura, "_desempaquetar", a_medias)
    monkeypatch.setattr(lectura, "PENDIENTES_AUXILIAR", 3)
    with caplog.at_level("INFO", logger="programas_spen.carga.lectura"):
        dos, informe_dos = _leer(datos, paralelo=True)
    assert dos == uno and informe_dos.problemas == informe_uno.problemas
    assert "ilegible" in caplog.text


