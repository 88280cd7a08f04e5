"""modelo.redireccion: una entrada de ``redirecciones.yml`` se retiró si no dice adónde fue."""

from __future__ import annotations

import dataclasses

import pytest

from programas_spen.modelo.redireccion import Redireccion


def test_retirado_si_no_tiene_destino() -> None:
    movida = Redireccion("/a/", "/b/", "Cambió.", "datos/redirecciones.yml", 2)
    retirada = Redireccion("/a/#x", None, "Se quitó.", "datos/redirecciones.yml", 5)
    assert not movida.retirado and retirada.retirado


def test_inmutable() -> None:
    entrada = Redireccion("/a/", "/b/", "Cambió.", "datos/redirecciones.yml", 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entrada.a = "/c/"  # type: ignore[misc]
