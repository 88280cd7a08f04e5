"""Arquitectura: el núcleo no depende de MkDocs. Ningún módulo de ``programas_spen`` salvo
``plugin.py`` importa ``mkdocs`` (ni importa el plugin), y en un proceso donde importar
``mkdocs`` es imposible se importa ``programas_spen.sitio`` y se construyen las páginas del
sitio con los datos reales."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import DATOS, RAIZ

PAQUETE = RAIZ / "plugins" / "programas_spen"


def _importados(ruta: Path) -> list[tuple[int, str]]:
    """(línea, módulo) de cada import del archivo; los relativos llevan sus puntos."""
    arbol = ast.parse(ruta.read_text(encoding="utf-8"), filename=str(ruta))
    encontrados = []
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Import):
            encontrados += [(nodo.lineno, alias.name) for alias in nodo.names]
        elif isinstance(nodo, ast.ImportFrom):
            base = "." * nodo.level + (nodo.module or "")
            encontrados.append((nodo.lineno, base))
            # «from . import plugin» o «from programas_spen import plugin» importan el submódulo
            if nodo.level and not nodo.module:
                encontrados += [(nodo.lineno, base + alias.name) for alias in nodo.names]
            elif nodo.module == "programas_spen":
                encontrados += [(nodo.lineno, f"programas_spen.{alias.name}")
                                for alias in nodo.names]
    return encontrados


def _modulos() -> list[Path]:
    return sorted(p for p in PAQUETE.rglob("*.py") if "mkdocs" not in p.relative_to(PAQUETE).parts)


def test_hay_modulos_que_revisar() -> None:
    nombres = {p.relative_to(PAQUETE).as_posix() for p in _modulos()}
    assert {"sitio/construir.py", "carga/validacion.py", "cli.py", "sitio/paginas/documento.py",
            "sitio/paginas/comun.py"} <= nombres
    assert "mkdocs/plugin.py" not in nombres


def test_el_plugin_si_importa_mkdocs() -> None:
    # contraprueba: la detección encuentra el import en el único módulo que lo tiene
    modulos = [m for _, m in _importados(PAQUETE / "mkdocs" / "plugin.py")]
    assert any(m == "mkdocs" or m.startswith("mkdocs.") for m in modulos)


def test_ningun_modulo_del_nucleo_importa_mkdocs() -> None:
    infractores = []
    for ruta in _modulos():
        for linea, modulo in _importados(ruta):
            directo = modulo == "mkdocs" or modulo.startswith("mkdocs.")
            # importar el adaptador traería MkDocs de rebote
            adaptador = modulo.startswith("programas_spen.mkdocs")
            if directo or adaptador:
                infractores.append(f"{ruta.relative_to(PAQUETE)}:{linea}: {modulo}")
    assert infractores == []


_SIN_MKDOCS = textwrap.dedent("""
    import importlib.abc
    import json
    import sys
    from pathlib import Path


    class SinMkdocs(importlib.abc.MetaPathFinder):
        def find_spec(self, nombre, ruta=None, destino=None):
            if nombre == "mkdocs" or nombre.startswith("mkdocs."):
                raise ImportError(f"prohibido importar {nombre}")
            return None


    sys.meta_path.insert(0, SinMkdocs())
    for nombre in [m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.")]:
        del sys.modules[nombre]

    try:
        import mkdocs  # noqa: F401
    except ImportError:
        bloqueado = True
    else:
        bloqueado = False
    try:
        import programas_spen.mkdocs.plugin  # noqa: F401
    except ImportError:
        plugin_bloqueado = True
    else:
        plugin_bloqueado = False

    import programas_spen.cli  # noqa: F401
    from programas_spen.sitio.construir import construir_sitio

    sitio = construir_sitio(Path(sys.argv[1]), anexos_pdf=False)
    print(json.dumps({
        "bloqueado": bloqueado,
        "plugin_bloqueado": plugin_bloqueado,
        "paginas": len(sitio.paginas),
        "documentos": sorted(p.ruta for p in sitio.paginas if p.ruta.startswith("documentos/")
                             and p.ruta.endswith("/index.md")),
        "avisos": len(sitio.informe.avisos),
        "mkdocs_cargado": any(m == "mkdocs" or m.startswith("mkdocs.") for m in sys.modules),
    }))
""")


def test_el_sitio_se_construye_sin_mkdocs(tmp_path: Path) -> None:
    guion = tmp_path / "sin_mkdocs.py"
    guion.write_text(_SIN_MKDOCS, encoding="utf-8")
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ / "plugins"))
    proceso = subprocess.run([sys.executable, str(guion), str(DATOS)], capture_output=True,
                             text=True, env=entorno, cwd=tmp_path, check=False, timeout=120)
    assert proceso.returncode == 0, proceso.stderr
    resultado = json.loads(proceso.stdout.strip().splitlines()[-1])
    assert resultado["bloqueado"] is True
    assert resultado["plugin_bloqueado"] is True
    assert resultado["mkdocs_cargado"] is False
    assert resultado["avisos"] == 12
    assert resultado["paginas"] > 100
    assert "documentos/ine-pat-spen-2020/index.md" in resultado["documentos"]
    assert len([d for d in resultado["documentos"] if d.count("/") == 2]) == 5
