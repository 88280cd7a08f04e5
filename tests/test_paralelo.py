"""Reparto de un trabajo entre este proceso y una copia suya: mismo resultado que en serie,
las dos partes trabajan de verdad, y lo que la copia no devuelve lo rehace el original."""

from __future__ import annotations

import os
import threading

import pytest

from programas_spen import paralelo

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or paralelo.procesos_disponibles() < 2,
                                reason="sin fork o con un solo núcleo")


@pytest.fixture(autouse=True)
def _sin_otros_hilos(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """En la suite completa hay otros hilos vivos (el servidor del sitio de las pruebas en
    navegador), y con hilos ``mapear`` no copia el proceso. Estas tareas no usan nada de esos
    hilos, así que aquí se copia igual; la prueba de los hilos usa la cuenta real."""
    if "hilos" not in request.node.name:
        monkeypatch.setattr(paralelo.threading, "active_count", lambda: 1)


def _cuadrado_y_proceso(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_mismo_resultado_que_en_serie_y_en_dos_procesos() -> None:
    tareas = list(range(300))
    resultados = paralelo.mapear(tareas, _cuadrado_y_proceso, peso=lambda n: n % 7 + 1)
    assert [r for r, _ in resultados] == [n * n for n in tareas]
    procesos = {p for _, p in resultados}
    assert os.getpid() in procesos
    assert len(procesos) == 2  # la copia hizo su parte


def test_resultados_grandes_pasan_por_la_tuberia() -> None:
    tareas = list(range(80))
    resultados = paralelo.mapear(tareas, lambda n: str(n) * 50_000, peso=lambda n: 1)
    assert resultados == [str(n) * 50_000 for n in tareas]


def test_pocas_tareas_u_otros_hilos_en_serie() -> None:
    pocas = list(range(paralelo.MINIMO_TAREAS - 1))
    assert {p for _, p in paralelo.mapear(pocas, _cuadrado_y_proceso, peso=lambda n: 1)} == {os.getpid()}
    alto = threading.Event()
    hilo = threading.Thread(target=alto.wait)
    hilo.start()
    try:
        assert not paralelo.se_puede_repartir(1000)
        muchas = list(range(200))
        assert {p for _, p in paralelo.mapear(muchas, _cuadrado_y_proceso, peso=lambda n: 1)} == {os.getpid()}
    finally:
        alto.set()
        hilo.join()


def test_lo_que_falla_en_la_copia_se_rehace_aqui() -> None:
    original = os.getpid()

    def solo_aqui(n: int) -> tuple[int, int]:
        if os.getpid() != original and n % 3 == 0:
            raise RuntimeError("falla en la copia")
        return _cuadrado_y_proceso(n)

    resultados = paralelo.mapear(list(range(200)), solo_aqui, peso=lambda n: 1)
    assert [r for r, _ in resultados] == [n * n for n in range(200)]
    assert all(p == original for n, (_, p) in enumerate(resultados) if n % 3 == 0)


def test_si_la_copia_muere_el_original_termina() -> None:
    original = os.getpid()

    def muere(n: int) -> int:
        if os.getpid() != original and n > 20:
            os._exit(3)
        return n + 1

    assert paralelo.mapear(list(range(200)), muere, peso=lambda n: 1) == list(range(1, 201))


def test_un_error_aqui_sale_con_su_mensaje_y_no_deja_la_copia_viva(monkeypatch: pytest.MonkeyPatch) -> None:
    copias: list[int] = []
    fork = os.fork

    def anotando() -> int:
        pid = fork()
        if pid:
            copias.append(pid)
        return pid

    monkeypatch.setattr(paralelo.os, "fork", anotando)

    def falla(n: int) -> int:
        raise ValueError(f"tarea {n} inválida")

    with pytest.raises(ValueError, match="tarea 0 inválida"):
        paralelo.mapear(list(range(200)), falla, peso=lambda n: 1)
    assert len(copias) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(copias[0], os.WNOHANG)  # la copia terminó y ya se recogió


def test_reparto_equilibrado_por_peso() -> None:
    pesos = [50, 1, 1, 1, 30, 20, 1, 1, 40, 5]
    mias, suyas = paralelo.repartir(pesos, peso=lambda p: p)
    assert sorted(mias + suyas) == list(range(len(pesos)))
    assert mias == sorted(mias) and suyas == sorted(suyas)
    carga = [sum(pesos[i] for i in mias), sum(pesos[i] for i in suyas)]
    assert abs(carga[0] - carga[1]) <= max(pesos) // 5
    assert paralelo.repartir([], peso=lambda p: p) == ([], [])


def test_procesos_disponibles() -> None:
    assert 1 <= paralelo.procesos_disponibles() <= (os.cpu_count() or 1)
