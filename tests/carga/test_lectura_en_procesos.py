"""validacion: leer en varios procesos (``ProcessPoolExecutor``) da exactamente lo mismo, en el
mismo orden, que en uno: datos, problemas con archivo y línea, árboles en la caché. Con pocos
datos no se arranca ningún proceso; solo van a los procesos los archivos que no están en la
caché; si los procesos fallan, se lee en este y se dice en español."""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from programas_spen.carga import validacion
from programas_spen.carga.validacion import Resultado, cargar_datos
from tests.conftest import DATOS
from tests.datos_prueba import INFORME, PAT, PLAN, PROGRAMA, archivos_base, cambiar, escribir


class _Contado(ProcessPoolExecutor):
    """El ``ProcessPoolExecutor`` real, contando qué archivos se le encargan."""

    encargados: list[Path] = []

    def map(self, fn: Any, *iterables: Any, **opciones: Any) -> Iterator[Any]:  # type: ignore[override]
        rutas = list(iterables[0])
        _Contado.encargados += rutas
        return super().map(fn, rutas, *iterables[1:], **opciones)


@pytest.fixture
def contado(monkeypatch: pytest.MonkeyPatch) -> type[_Contado]:
    _Contado.encargados = []
    monkeypatch.setattr(validacion, "ProcessPoolExecutor", _Contado)
    return _Contado


def _iguales(uno: Resultado, otro: Resultado) -> None:
    assert uno.datos == otro.datos
    assert uno.informe.problemas == otro.informe.problemas  # también el orden


def test_datos_reales_en_procesos(resultado_real: Resultado, contado: type[_Contado]) -> None:
    _iguales(cargar_datos(DATOS, procesos=2), resultado_real)
    assert len(contado.encargados) == len(list(DATOS.rglob("*.yml")))


def test_problemas_iguales_en_procesos(tmp_path: Path, contado: type[_Contado]) -> None:
    archivos: dict[str, str | bytes] = dict(archivos_base())
    cambiar(archivos, PAT, "anio: 2020\n", "anio: 2020\n  sangria: mala\n")  # YAML roto
    cambiar(archivos, PROGRAMA, "anio: 2024", 'anio: "dos mil"')               # esquema
    cambiar(archivos, INFORME, "    area: dj\n", "    area: juridica\n")        # referencia
    archivos[PLAN] = b"id: \xff\n"                                              # no UTF-8
    datos = escribir(tmp_path, archivos)
    uno = cargar_datos(datos, procesos=1)
    assert not contado.encargados
    dos = cargar_datos(datos, procesos=2)
    assert len(contado.encargados) == len(archivos)
    _iguales(dos, uno)
    assert {p.archivo for p in dos.informe.errores} == {f"datos/{a}" for a in
                                                        (PAT, PROGRAMA, INFORME, PLAN)}


def test_pocos_datos_no_arrancan_procesos(resultado_real: Resultado, contado: type[_Contado],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _iguales(cargar_datos(DATOS), resultado_real)
    assert not contado.encargados
    monkeypatch.setattr(validacion, "UMBRAL_BYTES", 1)
    monkeypatch.setattr(validacion, "_nucleos", lambda: 2)
    _iguales(cargar_datos(DATOS), resultado_real)
    assert contado.encargados


def test_solo_lo_que_no_esta_en_la_cache(tmp_path: Path, resultado_real: Resultado,
                                         contado: type[_Contado]) -> None:
    cache = tmp_path / "cache"
    primera = cargar_datos(DATOS, cache=cache, procesos=2)  # los procesos llenan la caché
    _iguales(primera, resultado_real)
    total = len(contado.encargados)
    guardados = [p for p in (cache / "arboles").glob("*/*") if not p.name.startswith(".")]
    assert len(guardados) == total
    contado.encargados = []
    _iguales(cargar_datos(DATOS, cache=cache, procesos=2), resultado_real)
    assert contado.encargados == []  # todo estaba en la caché


def test_si_los_procesos_fallan_se_lee_aqui(resultado_real: Resultado,
                                            caplog: pytest.LogCaptureFixture) -> None:
    contexto = multiprocessing.get_context("spawn")
    contexto.set_executable("/bin/false")  # cada proceso termina sin hacer nada
    try:
        with caplog.at_level(logging.INFO, logger="programas_spen.carga.validacion"):
            _iguales(cargar_datos(DATOS, procesos=2), resultado_real)
    finally:
        contexto.set_executable(sys.executable)
    assert any("no se pudo leer en 2 procesos" in r.getMessage() for r in caplog.records)
