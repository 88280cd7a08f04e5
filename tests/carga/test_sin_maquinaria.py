"""La carga y la caché usan solo API públicas y código llano: ningún módulo de ``carga/`` ni
``cache.py`` importa nombres privados de otra biblioteca (``re._parser``) ni los lee como
atributo, genera código con ``exec``/``eval``, ajusta el recolector de basura (``gc``,
``recolector``) ni arranca procesos a mano (``subprocess``)."""

from __future__ import annotations

import ast

from tests.conftest import RAIZ

PAQUETE = RAIZ / "plugins" / "programas_spen"
PROHIBIDOS = {"gc", "subprocess", "programas_spen.recolector", "programas_spen.paralelo"}


def _infracciones(codigo: str) -> list[str]:
    """Lo que no se admite en ``codigo``, con su línea."""
    arbol = ast.parse(codigo)
    externos: set[str] = set()  # nombres locales de módulos que no son del paquete
    encontradas = []
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Import):
            for alias in nodo.names:
                if alias.name in PROHIBIDOS:
                    encontradas.append(f"{nodo.lineno}: import {alias.name}")
                if any(parte.startswith("_") for parte in alias.name.split(".")):
                    encontradas.append(f"{nodo.lineno}: import privado {alias.name}")
                if not alias.name.startswith("programas_spen"):
                    externos.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(nodo, ast.ImportFrom):
            modulo = nodo.module or ""
            propio = nodo.level > 0 or modulo.startswith("programas_spen")
            for alias in nodo.names:
                nombre = f"{modulo}.{alias.name}"
                if modulo in PROHIBIDOS or nombre in PROHIBIDOS:
                    encontradas.append(f"{nodo.lineno}: from {modulo} import {alias.name}")
                if not propio and (alias.name.startswith("_") or modulo.startswith("_")
                                   or "._" in modulo) and modulo != "__future__":
                    encontradas.append(f"{nodo.lineno}: privado {nombre}")
                if not propio:
                    externos.add(alias.asname or alias.name)
        elif isinstance(nodo, ast.Call) and isinstance(nodo.func, ast.Name) \
                and nodo.func.id in {"exec", "eval", "compile"}:
            encontradas.append(f"{nodo.lineno}: {nodo.func.id}()")
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Attribute) and nodo.attr.startswith("_") \
                and not nodo.attr.startswith("__") \
                and isinstance(nodo.value, ast.Name) and nodo.value.id in externos:
            encontradas.append(f"{nodo.lineno}: {nodo.value.id}.{nodo.attr}")
    return encontradas


def test_la_deteccion_encuentra_lo_prohibido() -> None:
    codigo = ("import re\nimport gc\nfrom re import _parser\nfrom yaml import nodes\n"
              "from programas_spen.recolector import sin_recolector\n"
              "x = re._parser\nexec('1')\ny = nodes._algo\n")
    assert len(_infracciones(codigo)) == 6
    assert _infracciones("from programas_spen.carga import _propio\nimport yaml\n"
                         "z = yaml.__version__\n") == []


def test_carga_y_cache_sin_maquinaria_propia() -> None:
    modulos = sorted((PAQUETE / "carga").glob("*.py")) + [PAQUETE / "cache.py",
                                                         PAQUETE / "anexos" / "cache_pdf.py"]
    assert len(modulos) >= 8
    infracciones = [f"{ruta.relative_to(PAQUETE)}:{linea}"
                    for ruta in modulos
                    for linea in _infracciones(ruta.read_text(encoding="utf-8"))]
    assert infracciones == []
    assert not (PAQUETE / "carga" / "lectura.py").exists()
    assert not (PAQUETE / "carga" / "cache_arboles.py").exists()
