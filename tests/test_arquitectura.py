"""Arquitectura: la regla de las API públicas, revisada en el árbol de sintaxis de cada módulo
del paquete, y el núcleo sin MkDocs.

La regla (issue #23): nada lee ni escribe un atributo con guion bajo de un objeto ajeno, ni
importa o llama un nombre privado de otra biblioteca, ni reemplaza un método de un objeto de una
biblioteca, ni filtra los mensajes del registro de una biblioteca por su texto, ni genera código
con ``exec``/``eval``, ni ajusta el recolector de basura; y solo la carpeta del adaptador
(``mkdocs/``) importa ``mkdocs`` o ``markdown``. Cada comprobación tiene su contraprueba: un
fragmento que la rompe y que la comprobación encuentra.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import DATOS, RAIZ

PAQUETE = RAIZ / "plugins" / "programas_spen"
ADAPTADOR = PAQUETE / "mkdocs"
PROPIO = "programas_spen"
#: Nombres con los que un objeto se refiere a sí mismo: sus atributos privados son suyos.
MISMO = {"self", "cls"}


def _modulos() -> list[Path]:
    return sorted(PAQUETE.rglob("*.py"))


def _nucleo() -> list[Path]:
    return [p for p in _modulos() if ADAPTADOR not in p.parents]


def _privado(nombre: str) -> bool:
    return nombre.startswith("_") and not (nombre.startswith("__") and nombre.endswith("__"))


def _ajeno(modulo: str | None, nivel: int) -> bool:
    return nivel == 0 and modulo is not None and modulo.split(".")[0] != PROPIO


def infracciones(codigo: str, adaptador: bool = False) -> list[str]:
    """Las infracciones de la regla en el código de un módulo, como «línea: qué»."""
    arbol = ast.parse(codigo)
    funciones = {n.name for n in ast.walk(arbol) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    encontradas: list[str] = []

    def anotar(nodo: ast.AST, que: str) -> None:
        encontradas.append(f"{getattr(nodo, 'lineno', 0)}: {que}")

    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Import):
            for alias in nodo.names:
                partes = alias.name.split(".")
                if partes[0] != PROPIO and any(_privado(p) for p in partes):
                    anotar(nodo, f"importa un módulo privado: {alias.name}")
                if partes[0] in ("mkdocs", "markdown") and not adaptador:
                    anotar(nodo, f"importa {alias.name} fuera del adaptador")
        elif isinstance(nodo, ast.ImportFrom):
            if _ajeno(nodo.module, nodo.level):
                assert nodo.module is not None
                partes = nodo.module.split(".")
                if any(_privado(p) for p in partes):
                    anotar(nodo, f"importa de un módulo privado: {nodo.module}")
                for alias in nodo.names:
                    if _privado(alias.name):
                        anotar(nodo, f"importa un nombre privado: {nodo.module}.{alias.name}")
                if partes[0] in ("mkdocs", "markdown") and not adaptador:
                    anotar(nodo, f"importa {nodo.module} fuera del adaptador")
        elif isinstance(nodo, ast.Attribute) and _privado(nodo.attr):
            if not (isinstance(nodo.value, ast.Name) and nodo.value.id in MISMO):
                anotar(nodo, f"usa el atributo privado {nodo.attr} de un objeto ajeno")
        elif isinstance(nodo, ast.Assign):
            for destino in nodo.targets:
                if not isinstance(destino, ast.Attribute):
                    continue
                if isinstance(destino.value, ast.Name) and destino.value.id in MISMO:
                    continue
                valor = nodo.value
                es_funcion = isinstance(valor, ast.Lambda) or (
                    isinstance(valor, ast.Name) and valor.id in funciones) or (
                    isinstance(valor, ast.Call) and isinstance(valor.func, (ast.Name, ast.Attribute))
                    and (getattr(valor.func, "id", None) or getattr(valor.func, "attr", None))
                    in ("partial", "MethodType"))
                if es_funcion:
                    anotar(nodo, f"reemplaza el método {destino.attr} de un objeto ajeno")
        elif isinstance(nodo, ast.Call):
            nombre = nodo.func.id if isinstance(nodo.func, ast.Name) else (
                nodo.func.attr if isinstance(nodo.func, ast.Attribute) else "")
            if isinstance(nodo.func, ast.Name) and nombre in ("exec", "eval"):
                anotar(nodo, f"genera código con {nombre}")
            if nombre == "addFilter":
                anotar(nodo, "filtra mensajes del registro (addFilter)")
            if (isinstance(nodo.func, ast.Attribute) and isinstance(nodo.func.value, ast.Name)
                    and nodo.func.value.id == "gc" and nombre in ("disable", "freeze", "unfreeze", "set_threshold")):
                anotar(nodo, f"ajusta el recolector de basura (gc.{nombre})")
        elif isinstance(nodo, ast.ClassDef):
            for base in nodo.bases:
                if isinstance(base, ast.Attribute) and base.attr == "Filter":
                    anotar(nodo, "filtra mensajes del registro (logging.Filter)")
    return encontradas


# --- Contrapruebas: cada forma de romper la regla se encuentra ------------------------------

ROTOS = {
    "atributo privado ajeno": "def f(page):\n    page._current = 1\n",
    "lectura de atributo privado": "def f(o):\n    return o.observer._timeout\n",
    "llamada privada": "from mkdocs.commands import build\nbuild._build_page(1)\n",
    "importación privada": "from re import _parser\n",
    "módulo privado": "import re._parser\n",
    "reemplazo de método": "def otra(self):\n    pass\n\ndef f(page):\n    page.render = otra\n",
    "reemplazo con lambda": "def f(page):\n    page.render = lambda: None\n",
    "exec": "exec('x = 1')\n",
    "filtro del registro": "import logging\nclass Callar(logging.Filter):\n    pass\n",
    "ajuste del recolector": "import gc\ngc.freeze()\n",
    "markdown en el núcleo": "import markdown\n",
    "mkdocs en el núcleo": "from mkdocs.plugins import BasePlugin\n",
}


@pytest.mark.parametrize("caso", sorted(ROTOS))
def test_la_regla_encuentra_cada_infraccion(caso: str) -> None:
    assert infracciones(ROTOS[caso]), caso


def test_lo_permitido_no_es_infraccion() -> None:
    permitido = textwrap.dedent("""
        import logging
        from mkdocs.structure.toc import get_toc
        class Propio:
            def __init__(self):
                self._privado = 1
            def usar(self):
                return self._privado
        def f(page, env):
            page.toc = get_toc([])
            page.content = None
            env.bytecode_cache = None
            return page.file.__class__.__name__
    """)
    assert infracciones(permitido, adaptador=True) == []


# --- La regla en el paquete -------------------------------------------------------------------


def test_hay_modulos_que_revisar() -> None:
    nombres = {p.relative_to(PAQUETE).as_posix() for p in _modulos()}
    assert {"sitio/construir.py", "sitio/render.py", "carga/validacion.py", "cli.py",
            "sitio/paginas/documento.py", "mkdocs/plugin.py"} <= nombres


def test_el_paquete_cumple_la_regla() -> None:
    todas = []
    for ruta in _modulos():
        for infraccion in infracciones(ruta.read_text(encoding="utf-8"), adaptador=ADAPTADOR in ruta.parents):
            todas.append(f"{ruta.relative_to(PAQUETE)}:{infraccion}")
    assert todas == []


def test_solo_el_adaptador_importa_mkdocs_o_markdown() -> None:
    # contraprueba en el propio paquete: el adaptador sí importa mkdocs
    codigo = (ADAPTADOR / "plugin.py").read_text(encoding="utf-8")
    assert infracciones(codigo, adaptador=False)
    for ruta in _nucleo():
        codigo = ruta.read_text(encoding="utf-8")
        assert "programas_spen.mkdocs" not in codigo, ruta  # el adaptador traería MkDocs de rebote


_SIN_MKDOCS = textwrap.dedent("""
    import importlib.abc
    import json
    import sys
    from pathlib import Path


    class SinMkdocs(importlib.abc.MetaPathFinder):
        def find_spec(self, nombre, ruta=None, destino=None):
            if nombre.split(".")[0] in ("mkdocs", "markdown"):
                raise ImportError(f"prohibido importar {nombre}")
            return None


    sys.meta_path.insert(0, SinMkdocs())
    import programas_spen.cli  # noqa: F401
    from programas_spen.sitio.construir import construir_sitio

    sitio = construir_sitio(Path(sys.argv[1]), anexos_pdf=False)
    print(json.dumps({
        "paginas": len(sitio.paginas),
        "documentos": sorted(p.ruta for p in sitio.paginas if p.ruta.startswith("documentos/")
                             and p.ruta.count("/") == 2),
        "cargados": sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "markdown")),
    }))
""")


def test_el_sitio_se_construye_sin_mkdocs_ni_markdown(tmp_path: Path) -> None:
    guion = tmp_path / "sin_mkdocs.py"
    guion.write_text(_SIN_MKDOCS, encoding="utf-8")
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ / "plugins"))
    proceso = subprocess.run([sys.executable, str(guion), str(DATOS)], capture_output=True, text=True,
                             env=entorno, cwd=tmp_path, check=False, timeout=300)
    assert proceso.returncode == 0, proceso.stderr
    resultado = json.loads(proceso.stdout.strip().splitlines()[-1])
    assert resultado["cargados"] == []
    assert resultado["paginas"] > 10
    assert "documentos/ine-pat-spen-2020/index.md" in resultado["documentos"]
