"""cache_arboles: un archivo ya leído se toma de la caché con el mismo árbol (datos y marcas)
y el nombre con que se pide; otro contenido, otra versión del lector o una entrada dañada se
leen de nuevo; los archivos con problemas no se guardan (dan su error cada vez); una carpeta
que no se puede escribir no impide leer; ``podar`` borra lo que no se usa; cargar con caché
da los mismos datos y avisos que sin ella, también en paralelo."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from programas_spen.carga import cache_arboles
from programas_spen.carga.cache_arboles import CacheArboles
from programas_spen.carga.lector_yaml import leer_archivo
from programas_spen.carga.validacion import cargar_datos
from programas_spen.modelo.problemas import Informe
from tests.conftest import DATOS

TEXTO = "id: x\nlista:\n  - uno\n  - 2\nobjeto:\n  clave: 'valor'\n"


def _leer(ruta: Path, cache: CacheArboles) -> tuple[object, Informe]:
    informe = Informe()
    return leer_archivo(ruta, ruta.parent, informe, cache), informe


def test_segunda_lectura_desde_la_cache(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    cache = CacheArboles(tmp_path / "cache")
    primero, _ = _leer(ruta, cache)
    assert (cache.aciertos, cache.fallos) == (0, 1)
    assert len(list((tmp_path / "cache").glob("*/*.marshal"))) == 1
    segundo, informe = _leer(ruta, cache)
    assert (cache.aciertos, cache.fallos) == (1, 1)
    assert segundo == primero and not informe.problemas
    # el mismo contenido con otro nombre: el árbol de la caché lleva el nombre pedido
    otra = tmp_path / "b.yml"
    otra.write_text(TEXTO, encoding="utf-8")
    tercero, _ = _leer(otra, cache)
    assert tercero.archivo == "b.yml" and tercero.datos == primero.datos  # type: ignore[union-attr]


def test_el_arbol_de_la_cache_completa_sus_marcas_como_el_leido(tmp_path: Path) -> None:
    """La lectura rápida guarda solo las marcas de objetos y listas; el árbol de la caché
    lleva los bytes del archivo y, si se pide otra posición, da la misma que el leído."""
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO.replace("\n", "\r\n"), encoding="utf-8")  # también con CRLF
    cache = CacheArboles(tmp_path / "cache")
    primero, _ = _leer(ruta, cache)
    segundo, _ = _leer(ruta, cache)
    assert cache.aciertos == 1
    rutas = [("id",), ("lista", 1), ("objeto", "clave"), ("objeto", "falta")]
    assert segundo.fuente is not None  # type: ignore[union-attr]
    for clave in (False, True):
        assert ([segundo.posicion(r, clave) for r in rutas]  # type: ignore[union-attr]
                == [primero.posicion(r, clave) for r in rutas]  # type: ignore[union-attr]
                == ([(1, 5), (4, 5), (6, 10), (6, 3)] if not clave
                    else [(1, 1), (4, 5), (6, 3), (5, 1)]))


def test_otro_contenido_u_otra_version_no_usan_la_entrada(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    cache = CacheArboles(tmp_path / "cache")
    _leer(ruta, cache)
    ruta.write_text(TEXTO.replace("uno", "dos"), encoding="utf-8")
    arbol, _ = _leer(ruta, cache)
    assert arbol.datos["lista"] == ["dos", 2]  # type: ignore[union-attr]
    monkeypatch.setattr(cache_arboles, "VERSION", b"otra")
    _leer(ruta, cache)
    assert cache.aciertos == 0


def test_entrada_danada_se_lee_de_nuevo(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    cache = CacheArboles(tmp_path / "cache")
    primero, _ = _leer(ruta, cache)
    [entrada] = (tmp_path / "cache").glob("*/*.marshal")
    entrada.write_bytes(b"basura")
    segundo, informe = _leer(ruta, cache)
    assert segundo == primero and not informe.problemas and cache.aciertos == 0


def test_archivo_con_problemas_no_se_guarda(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text("id: x\nid: y\n", encoding="utf-8")  # clave repetida: error, pero hay árbol
    cache = CacheArboles(tmp_path / "cache")
    for _ in range(2):
        arbol, informe = _leer(ruta, cache)
        assert arbol is not None and len(informe.errores) == 1
    assert not list((tmp_path / "cache").glob("*/*.marshal"))


def test_carpeta_que_no_se_puede_escribir(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    bloqueo = tmp_path / "cache"
    bloqueo.write_text("no es una carpeta", encoding="utf-8")
    arbol, informe = _leer(ruta, CacheArboles(bloqueo))
    assert arbol is not None and not informe.problemas


def test_podar(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    cache = CacheArboles(tmp_path / "cache")
    _leer(ruta, cache)
    [entrada] = (tmp_path / "cache").glob("*/*.marshal")
    assert cache.podar() == 0 and entrada.exists()
    viejo = time.time() - (cache_arboles.DIAS_SIN_USO + 1) * 86400
    os.utime(entrada, (viejo, viejo))
    assert cache.podar() == 1 and not entrada.exists()


def test_tiene_todo(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    cache = CacheArboles(tmp_path / "cache")
    assert not cache.tiene_todo([ruta]) and not cache.tiene_todo([])
    _leer(ruta, cache)
    assert cache.tiene_todo([ruta])


@pytest.mark.parametrize("paralelo", [False, True])
def test_cargar_con_cache_da_lo_mismo(tmp_path: Path, resultado_real, paralelo: bool) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):  # la primera llena la caché; la segunda la usa
        resultado = cargar_datos(DATOS, paralelo=paralelo, cache=tmp_path / "cache")
        assert resultado.datos == resultado_real.datos
        assert resultado.informe.avisos == resultado_real.informe.avisos
    assert len(list((tmp_path / "cache").glob("*/*.marshal"))) == len(list(DATOS.rglob("*.yml")))
