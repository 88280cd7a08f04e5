"""El camino de la publicación en un clon nuevo del repositorio, como en la CI: la misma orden
de construcción que el trabajo de publicación (`python3 tareas.py construir --destino public`,
que crea su propio .venv) deja un sitio con portada, 404 y la página y el PDF del anexo de cada
documento, con la URL pública dada y ninguna de relleno; `publicar` pone el sitio en su lugar y
no lo toca si los datos tienen un error; el gancho de pre-commit detiene un commit con un error
en los datos y deja pasar uno válido.

Solo lo que vale para cualquier conjunto de datos: cada archivo de datos/ es un documento cuyo
id es el nombre del archivo (lo exige la validación)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import RAIZ
from tests.despliegue.flujos import GITLAB, leer, ordenes_gitlab

pytestmark = pytest.mark.sitio

URL = "https://ejemplo.gob.mx/programas-spen/"
RELLENO = b"programas-spen.example"

#: Variables que cambiarían lo que se construye o con qué código: el clon usa las suyas.
AJENAS = {"PYTHONPATH", "VIRTUAL_ENV", "SITIO_URL", "SOURCE_DATE_EPOCH", "PROGRAMAS_SPEN_CACHE",
          "ANEXOS_PDF", "BUSQUEDA", "PRE_COMMIT_HOME"}


@dataclass(frozen=True)
class Clon:
    """Un clon nuevo del repositorio, construido con la orden del trabajo de publicación."""

    raiz: Path
    sitio: Path
    entorno: dict[str, str]
    salida: str
    codigo: int


def _orden_de_publicacion() -> list[str]:
    """La orden con que el trabajo que publica construye el sitio (la de .gitlab-ci.yml; la de
    GitHub es la misma tarea, ver test_flujos)."""
    [orden] = ordenes_gitlab(leer(GITLAB)["construir"])
    return shlex.split(orden)


def _ejecutar(orden: list[str], clon: Path, entorno: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(orden, cwd=clon, env=entorno, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def clon(tmp_path_factory: pytest.TempPathFactory) -> Clon:
    raiz = tmp_path_factory.mktemp("clon") / "programas-spen"
    subprocess.run(["git", "clone", "--quiet", str(RAIZ), str(raiz)], check=True)
    entorno = {k: v for k, v in os.environ.items() if k not in AJENAS}
    entorno["SITIO_URL"] = URL
    entorno["PRE_COMMIT_HOME"] = str(raiz.parent / "pre-commit")
    orden = _orden_de_publicacion()
    proceso = _ejecutar(orden, raiz, entorno)
    destino = orden[orden.index("--destino") + 1]
    return Clon(raiz, raiz / destino, entorno, proceso.stdout + proceso.stderr, proceso.returncode)


def _documentos(clon: Clon) -> list[str]:
    ids = [p.stem for p in (clon.raiz / "datos").glob("*/*/*.yml")]
    assert ids
    return ids


def test_construye_lo_que_se_publica(clon: Clon) -> None:
    assert clon.codigo == 0, clon.salida
    assert (clon.raiz / ".venv" / "bin" / "mkdocs").is_file()  # preparó su propio entorno
    assert (clon.sitio / "index.html").is_file()
    assert (clon.sitio / "404.html").is_file()
    for documento in _documentos(clon):
        pagina = clon.sitio / "documentos" / documento / "index.html"
        assert pagina.is_file(), documento
        assert f'<link rel="canonical" href="{URL}documentos/{documento}/">' in pagina.read_text(
            encoding="utf-8")
        assert (clon.sitio / "documentos" / documento / "anexo.pdf").is_file(), documento


def test_la_url_es_la_del_servicio(clon: Clon) -> None:
    assert clon.codigo == 0, clon.salida
    portada = (clon.sitio / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{URL}">' in portada
    assert f"<loc>{URL}</loc>" in (clon.sitio / "sitemap.xml").read_text(encoding="utf-8")
    con_relleno = [p.relative_to(clon.sitio).as_posix() for p in clon.sitio.rglob("*")
                   if p.is_file() and RELLENO in p.read_bytes()]
    assert con_relleno == []


def _romper(clon: Clon) -> tuple[Path, int]:
    """Pone un año que no es un número en un documento; devuelve el archivo y la línea."""
    archivo = sorted((clon.raiz / "datos").glob("*/*/*.yml"))[0]
    texto = archivo.read_text(encoding="utf-8")
    [anio] = re.findall(r"^anio: \d{4}$", texto, re.M)
    archivo.write_text(texto.replace(anio, "anio: dos mil"), encoding="utf-8")
    return archivo, texto[: texto.index(anio)].count("\n") + 1


def _restaurar(clon: Clon) -> None:
    subprocess.run(["git", "checkout", "--quiet", "--", "datos"], cwd=clon.raiz, check=True)


def test_publicar_en_el_clon(clon: Clon, tmp_path: Path) -> None:
    assert clon.codigo == 0, clon.salida
    destino = tmp_path / "www" / "programas-spen"
    orden = [sys.executable, "tareas.py", "publicar", str(destino)]
    proceso = _ejecutar(orden, clon.raiz, clon.entorno)
    assert proceso.returncode == 0, proceso.stdout + proceso.stderr
    assert f"Publicado en {destino} para {URL}." in proceso.stdout
    portada = (destino / "index.html").read_text(encoding="utf-8")
    inodo = destino.stat().st_ino
    try:
        archivo, linea = _romper(clon)
        proceso = _ejecutar(orden, clon.raiz, clon.entorno)
    finally:
        _restaurar(clon)
    salida = proceso.stdout + proceso.stderr
    assert proceso.returncode != 0
    assert f"{archivo.relative_to(clon.raiz).as_posix()}:{linea}:" in salida
    assert f"No se publicó nada: la construcción falló (ver arriba); {destino} sigue como estaba." in salida
    assert "Traceback" not in salida
    assert destino.stat().st_ino == inodo
    assert (destino / "index.html").read_text(encoding="utf-8") == portada
    assert sorted(p.name for p in destino.parent.iterdir()) == ["programas-spen"]


def _git(clon: Clon, *args: str) -> subprocess.CompletedProcess[str]:
    return _ejecutar(["git", "-c", "user.name=Prueba", "-c", "user.email=prueba@ejemplo.gob.mx", *args],
                     clon.raiz, clon.entorno)


def test_el_gancho_detiene_un_commit_con_errores(clon: Clon) -> None:
    assert clon.codigo == 0, clon.salida  # el gancho usa el .venv que preparó la construcción
    instalado = _ejecutar([sys.executable, "-m", "pre_commit", "install"], clon.raiz, clon.entorno)
    assert instalado.returncode == 0, instalado.stdout + instalado.stderr
    cabeza = _git(clon, "rev-parse", "HEAD").stdout
    try:
        archivo, linea = _romper(clon)
        commit = _git(clon, "commit", "--quiet", "--all", "--message", "año roto")
        assert commit.returncode != 0
        nombre = archivo.relative_to(clon.raiz).as_posix()
        salida = commit.stdout + commit.stderr
        assert (f"{nombre}:{linea}:7: error: anio: se encontró un texto («dos mil»); se esperaba un "
                "número entero") in salida
        assert "Traceback" not in salida
        assert _git(clon, "rev-parse", "HEAD").stdout == cabeza
        # un cambio válido pasa
        _restaurar(clon)
        with archivo.open("a", encoding="utf-8") as datos:
            datos.write("# revisado\n")
        commit = _git(clon, "commit", "--quiet", "--all", "--message", "comentario")
        assert commit.returncode == 0, commit.stdout + commit.stderr
        assert _git(clon, "rev-parse", "HEAD").stdout != cabeza
    finally:
        _git(clon, "reset", "--quiet", "--hard", cabeza.strip())
