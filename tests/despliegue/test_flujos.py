"""Flujos de despliegue: .github/workflows/sitio.yml y .gitlab-ci.yml cumplen sus esquemas
publicados (los que trae check-jsonschema, sin red), solo ejecutan órdenes del proyecto que
existen con argumentos válidos (las del README), publican solo tras validar y probar, con la
URL que da el servicio, permisos mínimos, acciones fijadas por versión mayor y la caché del
plugin; .pre-commit-config.yaml es una configuración válida cuyo gancho valida los datos."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import tareas
from programas_spen.cli import crear_parser
from tests.conftest import RAIZ
from tests.despliegue.flujos import (
    GITHUB,
    GITLAB,
    PRE_COMMIT,
    cierre_de_needs,
    como_lista,
    leer,
    ordenes_del_proyecto,
    ordenes_github,
    ordenes_gitlab,
    todas_las_ordenes,
    trabajos_gitlab,
)

# --- esquemas publicados --------------------------------------------------------------------

ESQUEMAS = [pytest.param(GITHUB, "vendor.github-workflows", id="github"),
            pytest.param(GITLAB, "vendor.gitlab-ci", id="gitlab")]


def _check_jsonschema(archivo: Path, esquema: str) -> subprocess.CompletedProcess[str]:
    """``check-jsonschema`` con el esquema que trae el paquete (sin descargar nada)."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", esquema,
                           "--no-cache", str(archivo)], capture_output=True, text=True, check=False)


@pytest.mark.parametrize(("archivo", "esquema"), ESQUEMAS)
def test_flujo_cumple_su_esquema(archivo: Path, esquema: str) -> None:
    proceso = _check_jsonschema(archivo, esquema)
    assert proceso.returncode == 0, proceso.stdout + proceso.stderr


def _github_sin_runs_on(flujo: dict[str, Any]) -> None:
    del flujo["jobs"]["construir"]["runs-on"]


def _gitlab_con_clave_mal_escrita(flujo: dict[str, Any]) -> None:
    flujo["pages"]["scripts"] = flujo["pages"].pop("script")


@pytest.mark.parametrize(("archivo", "esquema", "romper"), [
    pytest.param(GITHUB, "vendor.github-workflows", _github_sin_runs_on, id="github"),
    pytest.param(GITLAB, "vendor.gitlab-ci", _gitlab_con_clave_mal_escrita, id="gitlab")])
def test_el_esquema_rechaza_un_flujo_roto(tmp_path: Path, archivo: Path, esquema: str,
                                          romper: Any) -> None:
    # la comprobación anterior puede fallar: el mismo flujo con un error no pasa
    flujo = leer(archivo)
    romper(flujo)
    roto = tmp_path / archivo.name
    roto.write_text(yaml.safe_dump(flujo, allow_unicode=True), encoding="utf-8")
    proceso = _check_jsonschema(roto, esquema)
    assert proceso.returncode == 1
    assert "Schema validation errors" in proceso.stdout


def test_pre_commit_valida_su_configuracion() -> None:
    proceso = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(PRE_COMMIT)],
                             capture_output=True, text=True, check=False)
    assert proceso.returncode == 0, proceso.stdout + proceso.stderr


# --- órdenes: solo las del proyecto, que existen, con argumentos válidos ------------------------


def _comprobar(orden: list[str]) -> None:
    """Que ``orden`` exista y sus argumentos se acepten (``SystemExit`` si no)."""
    if orden[:2] == ["python3", "tareas.py"]:
        tarea, *resto = orden[2:]
        assert tarea in tareas.TAREAS, f"tareas.py no tiene la tarea «{tarea}»"
        if tarea in tareas.ANALIZADORES:
            tareas.ANALIZADORES[tarea]().parse_args(resto)
    else:
        assert orden[0] == "programas-spen"
        crear_parser().parse_args(orden[1:])


def test_comprobar_rechaza_ordenes_que_no_existen() -> None:
    with pytest.raises(AssertionError, match="no tiene la tarea «desplegar»"):
        _comprobar(["python3", "tareas.py", "desplegar"])
    with pytest.raises(SystemExit):
        _comprobar(["python3", "tareas.py", "construir", "--destinos", "public"])
    with pytest.raises(SystemExit):
        _comprobar(["programas-spen", "publicar"])


@pytest.mark.parametrize("archivo", ["github", "gitlab", "pre-commit"])
def test_cada_orden_existe(archivo: str) -> None:
    ordenes = todas_las_ordenes()[archivo]
    del_proyecto = [orden for linea in ordenes for orden in ordenes_del_proyecto(linea)]
    assert del_proyecto
    for orden in del_proyecto:
        _comprobar(orden)


# Lo único que los flujos ejecutan además de tareas.py: preparar git en el contenedor y
# comprobar que el artefacto de la construcción llegó al trabajo de publicación.
AUXILIARES = {'git config --global --add safe.directory "$GITHUB_WORKSPACE"',
              "test -f public/index.html"}


@pytest.mark.parametrize("archivo", ["github", "gitlab"])
def test_los_flujos_solo_ejecutan_las_tareas_del_readme(archivo: str) -> None:
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    tareas_usadas = []
    for linea in todas_las_ordenes()[archivo]:
        if linea in AUXILIARES:
            continue
        assert linea.startswith("python3 tareas.py "), linea
        assert not re.search(r"[;&|]", linea), linea
        tareas_usadas.append(linea.split()[2])
        assert f"python3 tareas.py {linea.split()[2]}" in readme
    # las tres del camino a la publicación, en este orden
    assert [t for t in tareas_usadas if t in {"validar", "pruebas", "construir"}] == [
        "validar", "pruebas", "construir"]


def test_el_gancho_valida_los_archivos_de_datos() -> None:
    [repo] = leer(PRE_COMMIT)["repos"]
    [gancho] = repo["hooks"]
    assert repo["repo"] == "local"
    assert gancho["entry"] == "python3 tareas.py validar"
    assert gancho.get("pass_filenames", True) is True
    assert gancho["require_serial"] is True  # una sola carga de los datos para todos
    patron = re.compile(gancho["files"])
    for ruta in ("datos/instituciones.yml", "datos/ine/2020/ine-pat-spen-2020.yml",
                 "datos/ople/2025/nuevo.yaml"):
        assert patron.search(ruta), ruta
    for ruta in ("datos/README.md", "mkdocs.yml", "contenido/index.md", "tests/datos/x.yml"):
        assert not patron.search(ruta), ruta


# --- GitHub ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def github() -> dict[str, Any]:
    return leer(GITHUB)


def _trabajo_que_usa(flujo: dict[str, Any], accion: str) -> str:
    [nombre] = [n for n, t in flujo["jobs"].items()
                if any(p.get("uses", "").startswith(f"{accion}@") for p in t.get("steps", []))]
    return nombre


def _trabajo_que_ejecuta(trabajos: dict[str, list[str]], tarea: str) -> str:
    [nombre] = [n for n, ordenes in trabajos.items()
                if any(o.startswith(f"python3 tareas.py {tarea}") for o in ordenes)]
    return nombre


def _paso(flujo: dict[str, Any], trabajo: str, accion: str) -> dict[str, Any]:
    [paso] = [p for p in flujo["jobs"][trabajo]["steps"] if p.get("uses", "").startswith(f"{accion}@")]
    return paso


def test_github_disparadores(github: dict[str, Any]) -> None:
    assert "pull_request" in github["on"]
    assert github["on"]["push"]["branches"] == ["main"]


def test_github_publica_solo_tras_validar_y_probar(github: dict[str, Any]) -> None:
    needs = {n: como_lista(t.get("needs")) for n, t in github["jobs"].items()}
    ordenes = {n: ordenes_github(t) for n, t in github["jobs"].items()}
    validar = _trabajo_que_ejecuta(ordenes, "validar")
    pruebas = _trabajo_que_ejecuta(ordenes, "pruebas")
    construir = _trabajo_que_ejecuta(ordenes, "construir")
    desplegar = _trabajo_que_usa(github, "actions/deploy-pages")
    for trabajo in (construir, desplegar):
        assert {validar, pruebas} <= cierre_de_needs(needs, trabajo), trabajo
    assert construir in cierre_de_needs(needs, desplegar)
    # lo que se sube a Pages es lo que construyó la orden del README
    assert _trabajo_que_usa(github, "actions/upload-pages-artifact") == construir
    # ninguno de los trabajos del camino se salta al fallar otro
    for trabajo in github["jobs"].values():
        assert "always()" not in str(trabajo.get("if", "")) and not trabajo.get("continue-on-error")


def test_github_publica_solo_main(github: dict[str, Any]) -> None:
    desplegar = _trabajo_que_usa(github, "actions/deploy-pages")
    construir = _trabajo_que_usa(github, "actions/upload-pages-artifact")
    for condicion in (github["jobs"][desplegar]["if"],
                      _paso(github, construir, "actions/upload-pages-artifact")["if"]):
        assert "github.ref == 'refs/heads/main'" in condicion
        assert "github.event_name != 'pull_request'" in condicion


def test_github_vista_previa(github: dict[str, Any]) -> None:
    construir = _trabajo_que_usa(github, "actions/upload-artifact")
    paso = _paso(github, construir, "actions/upload-artifact")
    assert paso["if"] == "github.event_name == 'pull_request'"
    [orden] = [o for o in ordenes_github(github["jobs"][construir]) if "tareas.py construir" in o]
    destino = orden.split("--destino ")[1]
    assert paso["with"]["path"].rstrip("/") == destino
    assert _paso(github, construir, "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == destino


def test_github_url_del_sitio(github: dict[str, Any]) -> None:
    construir = _trabajo_que_usa(github, "actions/configure-pages")
    pasos = github["jobs"][construir]["steps"]
    [pages] = [p for p in pasos if p.get("uses", "").startswith("actions/configure-pages@")]
    [construccion] = [p for p in pasos if "tareas.py construir" in p.get("run", "")]
    assert construccion["env"]["SITIO_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert pasos.index(pages) < pasos.index(construccion)


def test_github_permisos_minimos(github: dict[str, Any]) -> None:
    assert github["permissions"] == {}
    desplegar = _trabajo_que_usa(github, "actions/deploy-pages")
    for nombre, trabajo in github["jobs"].items():
        permisos = trabajo["permissions"]
        assert isinstance(permisos, dict), nombre  # nunca read-all ni write-all
        if nombre == desplegar:
            assert permisos == {"pages": "write", "id-token": "write"}
        else:
            assert set(permisos.values()) == {"read"}, nombre
            assert set(permisos) <= {"contents", "pages"}, nombre
    # solo el trabajo que lee la URL de Pages tiene pages: read
    assert [n for n, t in github["jobs"].items() if t["permissions"].get("pages") == "read"] == [
        _trabajo_que_usa(github, "actions/configure-pages")]


def test_github_acciones_fijadas_por_version_mayor(github: dict[str, Any]) -> None:
    usadas = [p["uses"] for t in github["jobs"].values() for p in t.get("steps", []) if "uses" in p]
    for accion in usadas:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", accion), accion
    nombres = {accion.split("@")[0] for accion in usadas}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages",
            "actions/cache", "actions/upload-artifact", "actions/checkout"} <= nombres


def test_github_concurrencia(github: dict[str, Any]) -> None:
    assert "github.ref" in github["concurrency"]["group"]
    desplegar = github["jobs"][_trabajo_que_usa(github, "actions/deploy-pages")]
    assert desplegar["concurrency"]["cancel-in-progress"] is False
    assert desplegar["environment"]["name"] == "github-pages"


def _cache_de_mkdocs() -> str:
    """La carpeta de caché del plugin por omisión en mkdocs.yml."""
    texto = (RAIZ / "mkdocs.yml").read_text(encoding="utf-8")
    [carpeta] = re.findall(r"^\s+cache: !ENV \[PROGRAMAS_SPEN_CACHE, (\S+)\]$", texto, re.M)
    return carpeta


def test_github_cache_del_plugin(github: dict[str, Any]) -> None:
    construir = _trabajo_que_usa(github, "actions/cache")
    assert construir == _trabajo_que_usa(github, "actions/upload-pages-artifact")
    cache = _paso(github, construir, "actions/cache")["with"]
    assert cache["path"] == _cache_de_mkdocs() == ".cache/programas-spen"
    assert "hashFiles('datos/**')" in cache["key"]
    assert "hashFiles('pyproject.toml', 'plugins/**')" in cache["key"]
    # sin clave exacta, se toma la más reciente (cada entrada se invalida sola)
    restaurar = cache["restore-keys"].splitlines()
    assert len(restaurar) == 2
    assert all(cache["key"].startswith(prefijo) for prefijo in restaurar)


# --- GitLab ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gitlab() -> dict[str, Any]:
    return leer(GITLAB)


def test_gitlab_etapas(gitlab: dict[str, Any]) -> None:
    assert gitlab["stages"] == ["validar", "pruebas", "construir", "pages"]
    for nombre, trabajo in trabajos_gitlab(gitlab).items():
        assert trabajo["stage"] in gitlab["stages"], nombre


def test_gitlab_publica_solo_tras_validar_y_probar(gitlab: dict[str, Any]) -> None:
    trabajos = trabajos_gitlab(gitlab)
    needs = {n: [x if isinstance(x, str) else x["job"] for x in como_lista(t.get("needs"))]
             for n, t in trabajos.items()}
    ordenes = {n: ordenes_gitlab(t) for n, t in trabajos.items()}
    validar = _trabajo_que_ejecuta(ordenes, "validar")
    pruebas = _trabajo_que_ejecuta(ordenes, "pruebas")
    construir = _trabajo_que_ejecuta(ordenes, "construir")
    assert {validar, pruebas, construir} <= cierre_de_needs(needs, "pages")
    assert {validar, pruebas} <= cierre_de_needs(needs, construir)
    for trabajo in trabajos.values():
        assert trabajo.get("when", "on_success") == "on_success"
        assert not trabajo.get("allow_failure")


def test_gitlab_pages_publica_public_solo_en_la_rama_principal(gitlab: dict[str, Any]) -> None:
    pages = gitlab["pages"]
    assert pages["stage"] == "pages"
    assert pages["artifacts"]["paths"] == ["public/"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["interruptible"] is False and pages["resource_group"]
    # lo que publica es lo que construyó la orden del README
    construir = gitlab["construir"]
    assert ordenes_gitlab(construir) == ["python3 tareas.py construir --destino public"]
    assert construir["artifacts"]["paths"] == ["public/"]
    assert construir["variables"]["SITIO_URL"] == "$CI_PAGES_URL"


def test_gitlab_vista_previa(gitlab: dict[str, Any]) -> None:
    construir = gitlab["construir"]
    assert "rules" not in construir  # también en las solicitudes de fusión
    assert construir["artifacts"]["expose_as"]
    assert construir["environment"]["name"].startswith("vista-previa/")
    assert construir["cache"]["paths"] == [f"{_cache_de_mkdocs()}/"]
    reglas = [r["if"] for r in gitlab["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in reglas


def test_ninguna_url_de_relleno() -> None:
    for archivo in (GITHUB, GITLAB):
        texto = archivo.read_text(encoding="utf-8")
        assert "example" not in texto and "programas-spen.example" not in texto, archivo
