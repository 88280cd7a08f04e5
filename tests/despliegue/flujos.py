"""Lectura de los archivos de despliegue para las pruebas: los dos flujos de CI, el gancho de
pre-commit y las órdenes de shell que ejecutan."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import RAIZ

GITHUB = RAIZ / ".github" / "workflows" / "sitio.yml"
GITLAB = RAIZ / ".gitlab-ci.yml"
PRE_COMMIT = RAIZ / ".pre-commit-config.yaml"

#: Claves de primer nivel de .gitlab-ci.yml que no son trabajos.
CLAVES_GITLAB = {"workflow", "stages", "default", "variables", "include", "image", "services",
                 "cache", "before_script", "after_script"}


def leer(ruta: Path) -> dict[str, Any]:
    """El YAML de ``ruta``. La clave ``on`` de GitHub se lee como texto (YAML 1.1 la toma por
    el booleano ``True``)."""
    datos = yaml.safe_load(ruta.read_text(encoding="utf-8"))
    if True in datos:
        datos["on"] = datos.pop(True)
    return datos


def trabajos_gitlab(flujo: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Los trabajos de un .gitlab-ci.yml (ni claves globales ni plantillas ``.ocultas``)."""
    return {nombre: trabajo for nombre, trabajo in flujo.items()
            if nombre not in CLAVES_GITLAB and not nombre.startswith(".")}


def _lineas(texto: str | list[str]) -> list[str]:
    partes = [texto] if isinstance(texto, str) else texto
    return [linea.strip() for parte in partes for linea in parte.splitlines() if linea.strip()]


def ordenes_github(trabajo: dict[str, Any]) -> list[str]:
    """Las líneas de shell de los pasos ``run`` de un trabajo de GitHub."""
    return [linea for paso in trabajo.get("steps", []) if "run" in paso
            for linea in _lineas(paso["run"])]


def ordenes_gitlab(trabajo: dict[str, Any]) -> list[str]:
    """Las líneas de shell de un trabajo de GitLab (``before_script``, ``script``,
    ``after_script``)."""
    return [linea for clave in ("before_script", "script", "after_script") if clave in trabajo
            for linea in _lineas(trabajo[clave])]


def todas_las_ordenes() -> dict[str, list[str]]:
    """Cada línea de shell que ejecutan los flujos y el gancho, por archivo."""
    github = leer(GITHUB)
    gitlab = leer(GITLAB)
    gancho = leer(PRE_COMMIT)
    return {
        "github": [o for trabajo in github["jobs"].values() for o in ordenes_github(trabajo)],
        "gitlab": [o for trabajo in trabajos_gitlab(gitlab).values() for o in ordenes_gitlab(trabajo)],
        "pre-commit": [gancho_["entry"] for repo in gancho["repos"] for gancho_ in repo["hooks"]],
    }


#: ``python3 tareas.py TAREA ...`` o ``programas-spen ORDEN ...`` en una línea de shell.
PATRON_ORDEN = re.compile(r"(?:python3 tareas\.py|programas-spen)\b[^;&|]*")


def ordenes_del_proyecto(linea: str) -> list[list[str]]:
    """Las órdenes del proyecto en una línea de shell, partidas como las parte el shell."""
    return [shlex.split(m.group(0)) for m in PATRON_ORDEN.finditer(linea)]


def cierre_de_needs(needs: dict[str, list[str]], trabajo: str) -> set[str]:
    """Los trabajos de los que ``trabajo`` depende, directa o indirectamente."""
    vistos: set[str] = set()
    pendientes = list(needs.get(trabajo, []))
    while pendientes:
        otro = pendientes.pop()
        if otro not in vistos:
            vistos.add(otro)
            pendientes.extend(needs.get(otro, []))
    return vistos


def como_lista(valor: str | list[Any] | None) -> list[Any]:
    """``needs`` y similares: un texto, una lista o nada."""
    if valor is None:
        return []
    return [valor] if isinstance(valor, str) else list(valor)
