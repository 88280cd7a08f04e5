"""Ninguna entrada produce una traza de Python: cada documento real, mutado de muchas maneras
(valores vacíos, tipos equivocados en cada campo —lista por objeto, objeto por lista, texto por
número, número por texto…—, campos obligatorios borrados, meses y fechas imposibles, bloques
vaciados o sin sangría, texto cortado, tabuladores), se carga con ``cargar_datos`` y da errores
en español con archivo y línea; nunca una excepción.

Los casos salen de los propios datos: de cada documento real se toma una copia reducida (cada
lista con su primer elemento, así se conservan todas las clases de campo y se valida
rápido) y se muta la primera aparición de cada campo (la ruta con ``*`` en lugar de índices)
que no se haya mutado ya en otro documento. Cada campo recibe ``vacío``, uno de los tipos
equivocados (por turnos, para que todos salgan sin multiplicar los casos) y, si es una clave,
su borrado. Un documento que se añada a ``datos/`` entra solo en estas pruebas.
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from programas_spen.carga.esquema import cargar_esquema
from programas_spen.carga.validacion import cargar_datos
from programas_spen.modelo.problemas import Problema
from tests.conftest import DATOS, RAIZ

Ruta = tuple[str | int, ...]

#: Palabras de los mensajes de PyYAML, jsonschema o Python que no deben llegar a quien edita.
_INGLES = re.compile(r"\b(expected|found|while|could not|mapping|scanning|Traceback|NoneType|"
                     r"object has no|is not of type|is not valid|Error)\b")

DOCUMENTOS = sorted(p.relative_to(DATOS).as_posix() for p in DATOS.rglob("*.yml")
                    if p.name != "instituciones.yml")


def _reducido(datos: Any) -> Any:
    """Cada lista con solo su primer elemento (recursivamente)."""
    if isinstance(datos, dict):
        return {k: _reducido(v) for k, v in datos.items()}
    if isinstance(datos, list):
        return [_reducido(v) for v in datos[:1]]
    return datos


def _campos(datos: Any, vistos: set[tuple[str, ...]]) -> Iterator[tuple[Ruta, Any]]:
    """(ruta, valor) de la primera aparición de cada campo (con ``*`` por índice) que no esté
    en ``vistos``; los añade."""

    def recorrer(valor: Any, camino: Ruta) -> Iterator[tuple[Ruta, Any]]:
        patron = tuple("*" if isinstance(p, int) else p for p in camino)
        if camino and patron not in vistos:
            vistos.add(patron)
            yield camino, valor
        if isinstance(valor, dict):
            for clave, hijo in valor.items():
                yield from recorrer(hijo, (*camino, clave))
        elif isinstance(valor, list):
            for i, hijo in enumerate(valor):
                yield from recorrer(hijo, (*camino, i))

    yield from recorrer(datos, ())


def _poner(datos: Any, ruta: Ruta, valor: Any) -> Any:
    nuevo = copy.deepcopy(datos)
    padre = nuevo
    for paso in ruta[:-1]:
        padre = padre[paso]
    padre[ruta[-1]] = valor
    return nuevo


def _borrar(datos: Any, ruta: Ruta) -> Any:
    nuevo = copy.deepcopy(datos)
    padre = nuevo
    for paso in ruta[:-1]:
        padre = padre[paso]
    del padre[ruta[-1]]
    return nuevo


_MES = re.compile(r"\d{4}-\d{2}")
_FECHA = re.compile(r"\d{4}-\d{2}-\d{2}")


_ESQUEMA = cargar_esquema("documento.schema.json")


def _resolver(nodo: Any) -> Any:
    while isinstance(nodo, dict) and "$ref" in nodo:
        nodo = _ESQUEMA["$defs"][nodo["$ref"].removeprefix("#/$defs/")]
    return nodo


def _obligatorios(ruta: Ruta) -> set[str]:
    """Los campos obligatorios del objeto en ``ruta`` según el esquema (siguiendo
    ``properties``, ``items`` y ``$ref``), para saber si borrar uno debe dar error."""
    nodo = _resolver(_ESQUEMA)
    for paso in ruta:
        if isinstance(paso, int):
            nodo = _resolver(nodo.get("items", {}))
        else:
            nodo = _resolver((nodo.get("properties") or {}).get(paso, {}))
    return set(nodo.get("required", [])) if isinstance(nodo, dict) else set()


def _admite_nulo(ruta: Ruta) -> bool:
    """Si el esquema admite ``null`` en ``ruta`` (p. ej. ``documento_oficial.fecha``: «no se
    conoce»), donde dejar el valor vacío no es un error."""
    nodo = _resolver(_ESQUEMA)
    for paso in ruta:
        if isinstance(paso, int):
            nodo = _resolver(nodo.get("items", {}))
        else:
            nodo = _resolver((nodo.get("properties") or {}).get(paso, {}))
    tipo = nodo.get("type") if isinstance(nodo, dict) else None
    return tipo == "null" or (isinstance(tipo, list) and "null" in tipo)


def _equivocados(valor: Any) -> list[tuple[str, Any]]:
    """Los valores de tipo equivocado para el lugar de ``valor``."""
    if isinstance(valor, dict):
        return [("lista", [valor]), ("texto", "texto")]
    if isinstance(valor, list):
        return [("objeto", {"clave": valor}), ("texto", "texto")]
    if isinstance(valor, bool):
        return [("texto", "sí"), ("lista", [valor])]
    if isinstance(valor, (int, float)):
        return [("texto", "doce"), ("lista", [valor]), ("objeto", {"n": valor})]
    return [("número", 12), ("lista", [valor]), ("objeto", {valor: valor}), ("texto vacío", "")]


def mutaciones(datos: Any, vistos: set[tuple[str, ...]]) -> Iterator[tuple[str, Any, bool]]:
    """(nombre, datos mutados, si debe dar error) para cada campo de ``datos`` que no esté en
    ``vistos``."""
    for turno, (ruta, valor) in enumerate(_campos(datos, vistos)):
        nombre = ".".join(str(p) for p in ruta)
        en_filtro = "filtro" in ruta  # sus valores admiten texto, número o verdadero/falso
        yield f"{nombre}=vacío", _poner(datos, ruta, None), not _admite_nulo(ruta)
        equivocados = _equivocados(valor)
        clase, otro = equivocados[turno % len(equivocados)]
        admitido = en_filtro and not isinstance(otro, (list, dict))
        yield f"{nombre}={clase}", _poner(datos, ruta, otro), not admitido
        if isinstance(valor, str):
            if _MES.fullmatch(valor):
                yield f"{nombre}=mes-13", _poner(datos, ruta, valor[:5] + "13"), True
            if _FECHA.fullmatch(valor):
                yield f"{nombre}=30-feb", _poner(datos, ruta, valor[:5] + "02-30"), True
        if isinstance(ruta[-1], str):
            obligatorio = ruta[-1] in _obligatorios(ruta[:-1]) and not en_filtro
            yield f"{nombre} borrado", _borrar(datos, ruta), obligatorio


def mutaciones_de_texto(texto: str, vistos: set[str]) -> Iterator[tuple[str, str, bool]]:
    """(nombre, texto mutado, si debe dar error): bloques vaciados o sin sangría (la primera
    aparición de cada clave que abre un bloque y no esté en ``vistos``), el texto cortado a la
    mitad, un tabulador."""
    lineas = texto.splitlines(keepends=True)
    for i, linea in enumerate(lineas):
        abre = re.fullmatch(r"( *)(- )?([a-z_]+):\s*", linea)
        if not abre or abre.group(3) in vistos:
            continue
        vistos.add(abre.group(3))
        sangria = len(abre.group(1)) + (2 if abre.group(2) else 0)
        fin = i + 1
        while fin < len(lineas) and (not lineas[fin].strip()
                                     or len(lineas[fin]) - len(lineas[fin].lstrip(" ")) > sangria):
            fin += 1
        bloque = lineas[i + 1:fin]
        if not bloque:
            continue
        clave = abre.group(3)
        yield f"{clave}: vaciado (línea {i + 1})", "".join(lineas[:i + 1] + lineas[fin:]), True
        menos = len(bloque[0]) - len(bloque[0].lstrip(" ")) - sangria
        sin_sangria = [b[menos:] if b.startswith(" " * menos) else b for b in bloque]
        # una lista puede ir a la altura de su clave; un objeto, no
        es_lista = bloque[0].lstrip(" ").startswith("- ")
        yield (f"{clave}: sin sangría (línea {i + 1})",
               "".join(lineas[:i + 1] + sin_sangria + lineas[fin:]), not es_lista)
    mitad = len(lineas) // 2
    yield "cortado a la mitad", "".join(lineas[:mitad]) + lineas[mitad][: len(lineas[mitad]) // 2], False
    yield "tabulador", "".join(lineas[:3]) + "\t" + "".join(lineas[3:]), True


def _yaml(datos: Any) -> str:
    return yaml.dump(datos, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False)


def _cargar(tmp_path: Path, archivo: str, texto: str) -> list[Problema]:
    """Carga el catálogo real y un solo documento (``texto``) y devuelve sus problemas; nunca
    debe lanzar una excepción. El árbol del catálogo se toma de la caché (en ``tmp_path``):
    solo se lee una vez."""
    datos = tmp_path / "datos"
    for viejo in datos.rglob("*.yml"):
        viejo.unlink()
    ruta = datos / archivo
    ruta.parent.mkdir(parents=True, exist_ok=True)
    (datos / "instituciones.yml").write_bytes((DATOS / "instituciones.yml").read_bytes())
    ruta.write_text(texto, encoding="utf-8")
    return cargar_datos(datos, cache=tmp_path / "cache", procesos=1).informe.problemas


def _revisar(problemas: list[Problema], archivo: str, caso: str, debe_fallar: bool) -> None:
    errores = [p for p in problemas if p.nivel == "error"]
    if debe_fallar:
        assert errores, f"{caso}: se esperaba al menos un error"
    for problema in errores:
        texto = str(problema)
        assert problema.archivo.startswith("datos/"), (caso, texto)
        assert problema.mensaje.strip(), (caso, texto)
        assert not _INGLES.search(problema.mensaje), (caso, texto)
        if problema.archivo == f"datos/{archivo}":
            assert problema.linea >= 1, (caso, texto)
    if debe_fallar:
        # el error señala el archivo que se cambió
        assert any(p.archivo == f"datos/{archivo}" for p in errores), caso


def _reducidos() -> Iterator[tuple[str, Any]]:
    for archivo in DOCUMENTOS:
        yield archivo, _reducido(yaml.safe_load((DATOS / archivo).read_text(encoding="utf-8")))


def test_mutaciones_de_los_datos(tmp_path: Path) -> None:
    vistos: set[tuple[str, ...]] = set()
    total = 0
    for archivo, reducido in _reducidos():
        for caso, mutado, debe_fallar in mutaciones(reducido, vistos):
            _revisar(_cargar(tmp_path, archivo, _yaml(mutado)), archivo, f"{archivo}: {caso}", debe_fallar)
            total += 1
    assert total > 300, total  # muchos campos, muchas maneras


def test_mutaciones_del_texto(tmp_path: Path) -> None:
    """Sobre el texto de cada archivo tal como está en ``datos/`` (su sangría, sus comentarios)."""
    vistos: set[str] = set()
    casos = []
    for archivo in DOCUMENTOS:
        original = (DATOS / archivo).read_text(encoding="utf-8")
        for caso, texto, debe_fallar in mutaciones_de_texto(original, vistos):
            _revisar(_cargar(tmp_path, archivo, texto), archivo, f"{archivo}: {caso}", debe_fallar)
            casos.append(caso)
    assert len(casos) > 30, casos
    # los dos casos del issue #24: «calendario:» vacío y sus líneas sin sangría
    assert any(c.startswith("calendario: vaciado") for c in casos)
    assert any(c.startswith("calendario: sin sangría") for c in casos)


def test_el_reducido_es_valido(tmp_path: Path) -> None:
    """La base de las mutaciones: cada documento reducido no tiene errores de esquema (los de
    referencias a registros que quedaron fuera de la copia reducida sí pueden salir)."""
    for archivo, reducido in _reducidos():
        problemas = _cargar(tmp_path, archivo, _yaml(reducido))
        esquema = [p for p in problemas if p.nivel == "error" and re.match(r"[a-z_]+(\[\d+\])?[.:]", p.mensaje)]
        assert esquema == [], (archivo, [str(p) for p in esquema])


# --- Los dos casos del issue, por la línea de órdenes y en la construcción -------------------

_TEMA = "ine/2024/ine-pat-cspen-2024.yml"
_CALENDARIO = "    calendario:\n      estado: meses\n      meses:\n        - 2024-01\n"
CASOS_CALENDARIO = {
    "vacío": "    calendario:\n",
    "sin sangría": "    calendario:\n    estado: meses\n    meses:\n      - 2024-01\n",
}


def _proyecto_con(tmp_path: Path, caso: str) -> tuple[Path, int]:
    """Una copia del proyecto con el primer calendario del programa de la CSPEN 2024 roto
    según ``caso``; devuelve la carpeta y la línea de «calendario:»."""
    from tests.conftest import copiar_proyecto

    proyecto = copiar_proyecto(tmp_path / "proyecto")
    ruta = proyecto / "datos" / _TEMA
    texto = ruta.read_text(encoding="utf-8")
    assert _CALENDARIO in texto
    linea = texto[: texto.index(_CALENDARIO)].count("\n") + 1
    ruta.write_text(texto.replace(_CALENDARIO, CASOS_CALENDARIO[caso], 1), encoding="utf-8")
    return proyecto, linea


@pytest.mark.parametrize("caso", sorted(CASOS_CALENDARIO))
def test_validar_calendario_roto_sin_traza(caso: str, tmp_path: Path) -> None:
    """``programas-spen validar`` (otro proceso, como lo usa el personal): código 1, el error
    en español con archivo y línea, ninguna traza."""
    proyecto, linea = _proyecto_con(tmp_path, caso)
    proceso = subprocess.run([sys.executable, "-m", "programas_spen.cli", "validar"], cwd=proyecto,
                             capture_output=True, text=True, check=False,
                             env=dict(os.environ, PYTHONPATH=str(RAIZ / "plugins")))
    salida = proceso.stdout + proceso.stderr
    assert proceso.returncode == 1, salida
    assert "Traceback" not in salida
    assert (f"datos/{_TEMA}:{linea}:16: error: temas[1].calendario: está vacío; se esperaba un "
            "objeto (clave: valor) en las líneas siguientes, con más sangría que su clave") in salida


@pytest.mark.sitio
@pytest.mark.parametrize("caso", sorted(CASOS_CALENDARIO))
def test_construir_calendario_roto_falla_limpio(caso: str, tmp_path: Path) -> None:
    """``mkdocs build --strict`` se detiene con el error en español, sin traza ni sitio."""
    from tests.conftest import construir

    proyecto, linea = _proyecto_con(tmp_path, caso)
    resultado = construir(proyecto, tmp_path / "site", ANEXOS_PDF="false", BUSQUEDA="false")
    assert resultado.codigo != 0
    assert "Traceback" not in resultado.salida
    assert f"datos/{_TEMA}:{linea}:16: error: temas[1].calendario: está vacío" in resultado.salida
    assert "no se publica nada" in resultado.salida
    assert not (tmp_path / "site" / "index.html").exists()
