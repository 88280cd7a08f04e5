"""recolector: ``sin_recolector`` suspende el recolector cíclico dentro del bloque y deja su
estado como estaba al salir, también tras una excepción y anidado."""

from __future__ import annotations

import gc

import pytest

from programas_spen.recolector import sin_recolector


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
