"""recolector: ``sin_recolector`` suspende el recolector cíclico dentro del bloque y deja su
estado como estaba al salir, también tras una excepción y anidado."""

from __future__ import annotations

import gc

import pytest

from programas_spen.recolector import a_la_generacion_vieja, sin_recolector


def test_suspende_y_restablece() -> None:
    assert gc.isenabled()
    with sin_recolector():
        assert not gc.isenabled()
        with sin_recolector():
            assert not gc.isenabled()
        assert not gc.isenabled()  # el bloque de dentro no lo reactiva antes de tiempo
    assert gc.isenabled()


def test_restablece_tras_una_excepcion() -> None:
    with pytest.raises(ValueError), sin_recolector():
        raise ValueError("x")
    assert gc.isenabled()


def test_no_lo_activa_si_estaba_apagado() -> None:
    gc.disable()
    try:
        with sin_recolector():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Nodo:
    pass


def test_al_salir_lo_creado_pasa_a_la_generacion_vieja() -> None:
    """Sin recorrerlo al reactivar el recolector: la cuenta de objetos nuevos queda en cero
    y lo creado en el bloque está en la generación más vieja."""
    with sin_recolector():
        creados = [_Nodo() for _ in range(20000)]
    assert gc.isenabled()
    assert gc.get_count()[0] < gc.get_threshold()[0]
    vieja = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(o) in vieja for o in creados[::1000])
    assert gc.get_freeze_count() == 0


def test_no_descongela_lo_que_otro_congelo() -> None:
    # Se mira un objeto congelado concreto, no la cuenta: la cuenta baja sola cuando otro
    # objeto congelado se libera por su contador de referencias.
    congelado = _Nodo()
    gc.freeze()
    try:
        assert id(congelado) not in {id(o) for o in gc.get_objects()}
        nodo = _Nodo()
        a_la_generacion_vieja()
        assert gc.get_freeze_count() > 0
        assert id(congelado) not in {id(o) for o in gc.get_objects()}  # sigue congelado
        assert id(nodo) not in {id(o) for o in gc.get_objects(generation=2)}
    finally:
        gc.unfreeze()


def test_los_ciclos_se_siguen_recogiendo() -> None:
    with sin_recolector():
        ciclo = _Nodo()
        ciclo.yo = ciclo  # type: ignore[attr-defined]
        referencia = id(ciclo)
        del ciclo
    gc.collect()
    assert referencia not in {id(o) for o in gc.get_objects()}
