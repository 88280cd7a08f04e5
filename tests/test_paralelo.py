"""Reparto de un trabajo entre este proceso y una copia suya: mismo resultado que en serie,
las dos partes trabajan de verdad, y lo que la copia no devuelve lo rehace el original."""

from __future__ import annotations

import os
import threading
import time

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


def _lento(n: int) -> tuple[int, int]:
    time.sleep(0.002)  # da tiempo a que la copia arranque y tome su parte
    return _cuadrado_y_proceso(n)


def test_mismo_resultado_que_en_serie_y_en_dos_procesos() -> None:
    tareas = list(range(300))
    resultados = paralelo.mapear(tareas, _lento, peso=lambda n: n % 7 + 1)
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


def test_un_error_aqui_sale_con_su_mensaje_y_no_deja_la_copia_viva(copias_de_fork: list[int]) -> None:
    def falla(n: int) -> int:
        raise ValueError(f"tarea {n} inválida")

    with pytest.raises(ValueError, match=r"tarea \d+ inválida"):
        paralelo.mapear(list(range(200)), falla, peso=lambda n: 1)
    assert len(copias_de_fork) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(copias_de_fork[0], os.WNOHANG)  # la copia terminó y ya se recogió


def test_cola_comun_los_dos_terminan_a_la_vez_aunque_el_peso_engane() -> None:
    """Una tarea larga que el peso da por ligera: mientras un proceso la hace, el otro hace
    todas las cortas (con un reparto fijo, el de la larga habría hecho la mitad de ellas)."""

    def tarea(n: int) -> int:
        time.sleep(0.6 if n == 0 else 0.003)
        return os.getpid()

    procesos = paralelo.mapear(list(range(101)), tarea, peso=lambda n: 1)
    el_de_la_larga = procesos[0]
    assert procesos[1:].count(el_de_la_larga) <= 10, procesos
    assert len(set(procesos)) == 2


def test_la_mas_pesada_empieza_primero() -> None:
    """Con ``peso``, la cola va de la tarea más pesada a la más ligera."""
    vistas: list[int] = []
    paralelo.mapear(list(range(5)), vistas.append, peso=lambda n: n)  # pocas: en serie, en orden
    assert vistas == [0, 1, 2, 3, 4]  # en serie no se reordena nada
    orden = []
    original = os.getpid()

    def anota(n: int) -> int:
        if os.getpid() == original:
            orden.append(n)
        time.sleep(0.001)
        return n

    assert paralelo.mapear(list(range(200)), anota, peso=lambda n: n) == list(range(200))
    assert orden == sorted(orden, reverse=True) and orden[0] >= 195


def test_turnos_sin_repetir_entre_los_dos_procesos() -> None:
    turnos = paralelo._Turnos()
    try:
        lectura, escritura = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - en la copia
            os.close(lectura)
            vistos = [turnos.siguiente() for _ in range(500)]
            os.write(escritura, ",".join(map(str, vistos)).encode())
            os._exit(0)
        os.close(escritura)
        mios = [turnos.siguiente() for _ in range(500)]
        os.waitpid(pid, 0)
        with os.fdopen(lectura, "rb") as canal:
            suyos = [int(t) for t in canal.read().decode().split(",")]
        assert sorted(mios + suyos) == list(range(1000))
    finally:
        turnos.cerrar()


def test_procesos_disponibles() -> None:
    assert 1 <= paralelo.procesos_disponibles() <= (os.cpu_count() or 1)


def test_hacer_todas_en_orden_con_su_peso() -> None:
    from functools import partial

    tareas = [paralelo.Tarea(partial(_lento, n), peso=n % 3) for n in range(120)]
    resultados = paralelo.hacer_todas(tareas)
    assert [r for r, _ in resultados] == [n * n for n in range(120)]
    assert len({p for _, p in resultados}) == 2
    assert paralelo.Tarea(partial(int, "7")).peso == 1


def _rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as estado:
        return next(int(linea.split()[1]) for linea in estado if linea.startswith("VmRSS:"))


@pytest.mark.skipif(paralelo._MALLOC_TRIM is None or not os.path.exists("/proc/self/status"),
                    reason="sin malloc_trim (glibc) o sin /proc")
def test_soltar_memoria_libre_devuelve_los_huecos() -> None:
    """Memoria soltada entre bloques que siguen vivos (huecos que glibc no devuelve solo):
    ``soltar_memoria_libre`` la devuelve al sistema antes de copiar el proceso."""
    bloques = [bytes(65536) for _ in range(3_000)]  # unos 190 MiB, de malloc (no de pymalloc)
    del bloques[::2]  # la mitad: huecos entre los que quedan
    antes = _rss_kib()
    assert paralelo.soltar_memoria_libre()
    despues = _rss_kib()
    assert antes - despues > 40 * 1024, (antes, despues)  # de unos 95 MiB de huecos (sin ella: 0)
    del bloques


def test_soltar_memoria_libre_sin_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paralelo, "_MALLOC_TRIM", None)
    assert paralelo.soltar_memoria_libre() is False
