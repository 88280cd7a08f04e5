"""Caché de árboles (espacio ``arboles`` de ``programas_spen.cache``): un archivo ya leído se
toma de la caché con el mismo árbol (datos y todas las marcas) y el nombre con que se pide;
otro contenido, otra versión del lector o una entrada dañada se leen de nuevo; los archivos
con problemas no se guardan (dan su error cada vez); una carpeta que no se puede escribir no
impide leer; cargar con caché da los mismos datos y avisos que sin ella, y al terminar borra
los árboles que no usó."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from programas_spen.cache import Cache, Espacio
from programas_spen.carga import lector_yaml
from programas_spen.carga.lector_yaml import Arbol, espacio_arboles, leer_archivo
from programas_spen.carga.validacion import Resultado, cargar_datos
from programas_spen.modelo.problemas import Informe
from tests.conftest import DATOS

TEXTO = "id: x\nlista:\n  - uno\n  - 2\nobjeto:\n  clave: 'valor'\n"


def _leer(ruta: Path, cache: Espacio) -> tuple[Arbol | None, Informe]:
    informe = Informe()
    return leer_archivo(ruta, ruta.parent, informe, cache), informe


def _entradas(carpeta: Path) -> list[Path]:
    return [p for p in (carpeta / "arboles").glob("*/*") if not p.name.startswith(".")]


def test_segunda_lectura_desde_la_cache(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    cache = espacio_arboles(Cache(tmp_path / "cache"))
    primero, _ = _leer(ruta, cache)
    assert (cache.aciertos, cache.fallos) == (0, 1)
    assert len(_entradas(tmp_path / "cache")) == 1
    segundo, informe = _leer(ruta, cache)
    assert (cache.aciertos, cache.fallos) == (1, 1)
    assert segundo == primero and not informe.problemas
    # el mismo contenido con otro nombre: el árbol de la caché lleva el nombre pedido
    otra = tmp_path / "b.yml"
    otra.write_text(TEXTO, encoding="utf-8")
    tercero, _ = _leer(otra, cache)
    assert tercero is not None and primero is not None
    assert tercero.archivo == "b.yml" and tercero.datos == primero.datos


def test_el_arbol_de_la_cache_tiene_todas_las_marcas(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO.replace("\n", "\r\n"), encoding="utf-8")  # también con CRLF
    cache = espacio_arboles(Cache(tmp_path / "cache"))
    primero, _ = _leer(ruta, cache)
    segundo, _ = _leer(ruta, cache)
    assert cache.aciertos == 1 and primero is not None and segundo is not None
    assert segundo.marcas == primero.marcas and segundo.marcas_clave == primero.marcas_clave
    rutas = [("id",), ("lista", 1), ("objeto", "clave"), ("objeto", "falta")]
    for clave in (False, True):
        assert ([segundo.posicion(r, clave) for r in rutas]
                == ([(1, 5), (4, 5), (6, 10), (6, 3)] if not clave
                    else [(1, 1), (4, 5), (6, 3), (5, 1)]))


def test_otro_contenido_u_otra_version_no_usan_la_entrada(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    _leer(ruta, espacio_arboles(Cache(tmp_path / "cache")))
    ruta.write_text(TEXTO.replace("uno", "dos"), encoding="utf-8")
    cache = espacio_arboles(Cache(tmp_path / "cache"))
    arbol, _ = _leer(ruta, cache)
    assert arbol is not None and arbol.datos["lista"] == ["dos", 2] and cache.aciertos == 0
    monkeypatch.setattr(lector_yaml, "VERSION", "otra")
    otra = espacio_arboles(Cache(tmp_path / "cache"))
    _leer(ruta, otra)
    assert otra.aciertos == 0 and len(_entradas(tmp_path / "cache")) == 3


def test_entrada_danada_se_lee_de_nuevo(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    cache = espacio_arboles(Cache(tmp_path / "cache"))
    primero, _ = _leer(ruta, cache)
    [entrada] = _entradas(tmp_path / "cache")
    for basura in (b"basura", b"", b"\xe9" * 10):
        entrada.write_bytes(basura)
        segundo, informe = _leer(ruta, cache)
        assert segundo == primero and not informe.problemas
    assert entrada.read_bytes() not in (b"basura", b"", b"\xe9" * 10)  # se guardó otra vez


def test_archivo_con_problemas_no_se_guarda(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text("id: x\nid: y\n", encoding="utf-8")  # clave repetida: error, pero hay árbol
    cache = espacio_arboles(Cache(tmp_path / "cache"))
    for _ in range(2):
        arbol, informe = _leer(ruta, cache)
        assert arbol is not None and len(informe.errores) == 1
        assert str(informe.errores[0]).startswith("a.yml:2:1: error:")
    assert not _entradas(tmp_path / "cache")


def test_carpeta_que_no_se_puede_escribir(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yml"
    ruta.write_text(TEXTO, encoding="utf-8")
    bloqueo = tmp_path / "cache"
    bloqueo.write_text("no es una carpeta", encoding="utf-8")
    arbol, informe = _leer(ruta, espacio_arboles(Cache(bloqueo)))
    assert arbol is not None and not informe.problemas


def _iguales(uno: Resultado, otro: Resultado) -> None:
    assert uno.datos == otro.datos
    assert uno.informe.problemas == otro.informe.problemas


def test_cargar_con_cache_da_lo_mismo(tmp_path: Path, resultado_real: Resultado) -> None:
    for _ in range(2):  # la primera llena la caché; la segunda la usa
        _iguales(cargar_datos(DATOS, cache=tmp_path / "cache"), resultado_real)
    assert len(_entradas(tmp_path / "cache")) == len(list(DATOS.rglob("*.yml")))
    # «""» (la opción vacía del plugin) es sin caché
    _iguales(cargar_datos(DATOS, cache=""), resultado_real)


def test_cargar_poda_los_arboles_que_no_uso(tmp_path: Path) -> None:
    datos = tmp_path / "datos"
    shutil.copytree(DATOS, datos)
    cache = tmp_path / "cache"
    cargar_datos(datos, cache=cache)
    antes = {p.name for p in _entradas(cache)}
    viejo = time.time() - 3600  # como si la carga anterior fuera de hace una hora
    for entrada in _entradas(cache):
        os.utime(entrada, (viejo, viejo))
    documento = next(p for p in sorted(datos.rglob("*.yml")) if p.name != "instituciones.yml")
    documento.write_text(documento.read_text(encoding="utf-8") + "# editado\n", encoding="utf-8")
    con_cache = cargar_datos(datos, cache=cache)
    despues = {p.name for p in _entradas(cache)}
    assert len(despues) == len(antes) and len(despues - antes) == 1  # el editado, otra entrada
    _iguales(con_cache, cargar_datos(datos))
