"""publicar: el sitio se construye en una carpeta nueva junto a DESTINO y se pone en su lugar
renombrando (la misma carpeta, no una copia); mientras se construye, DESTINO sigue entero; el
anterior queda en DESTINO.anterior; una construcción fallida, o sin index.html, no toca
DESTINO ni DESTINO.anterior y no deja restos. La tarea exige SITIO_URL y se niega a publicar
sobre la carpeta del proyecto. La construcción de verdad, en un clon, está en test_clon.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import tareas
from tests.conftest import RAIZ


def _sitio(carpeta: Path, version: str) -> None:
    (carpeta / "documentos").mkdir(parents=True, exist_ok=True)
    (carpeta / "index.html").write_text(f"<h1>{version}</h1>", encoding="utf-8")
    (carpeta / "documentos" / "index.html").write_text(version, encoding="utf-8")


def _contenido(carpeta: Path) -> dict[str, str]:
    return {p.relative_to(carpeta).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(carpeta.rglob("*")) if p.is_file()}


class Construccion:
    """Una construcción falsa que anota dónde construyó y qué veía un lector mientras tanto."""

    def __init__(self, destino: Path, version: str, fallar: bool = False,
                 sin_indice: bool = False) -> None:
        self.destino = destino
        self.version = version
        self.fallar = fallar
        self.sin_indice = sin_indice
        self.carpeta: Path | None = None
        self.visto_durante: dict[str, str] | None = None

    def __call__(self, carpeta: Path) -> None:
        self.carpeta = carpeta
        self.visto_durante = _contenido(self.destino) if self.destino.exists() else None
        _sitio(carpeta, self.version)
        if self.sin_indice:
            (carpeta / "index.html").unlink()
        if self.fallar:
            raise subprocess.CalledProcessError(1, ["mkdocs", "build"])


def _restos(padre: Path) -> list[str]:
    return sorted(p.name for p in padre.iterdir() if ".nuevo-" in p.name)


def test_primera_publicacion(tmp_path: Path) -> None:
    destino = tmp_path / "www" / "sitio"
    construccion = Construccion(destino, "v1")
    assert tareas.publicar_sitio(destino, construccion) is None
    assert _contenido(destino) == {"documentos/index.html": "v1", "index.html": "<h1>v1</h1>"}
    assert construccion.carpeta is not None and construccion.carpeta.parent == destino.parent
    assert construccion.carpeta != destino and not construccion.carpeta.exists()
    assert not destino.with_name("sitio.anterior").exists()
    assert _restos(destino.parent) == []
    # el servidor web (otro usuario) debe poder leerla: mkdtemp la crea 0700
    assert destino.stat().st_mode & 0o777 == 0o755


def test_publicar_cambia_el_sitio_de_un_renombre(tmp_path: Path) -> None:
    destino = tmp_path / "sitio"
    _sitio(destino, "v1")
    inodo_viejo = destino.stat().st_ino
    construccion = Construccion(destino, "v2")
    anterior = tareas.publicar_sitio(destino, construccion)
    # mientras se construía, un lector veía el sitio anterior entero
    assert construccion.visto_durante == {"documentos/index.html": "v1", "index.html": "<h1>v1</h1>"}
    assert _contenido(destino) == {"documentos/index.html": "v2", "index.html": "<h1>v2</h1>"}
    assert anterior == tmp_path / "sitio.anterior"
    assert anterior.stat().st_ino == inodo_viejo
    assert _contenido(anterior)["index.html"] == "<h1>v1</h1>"
    assert _restos(tmp_path) == []


def test_la_carpeta_construida_es_la_publicada(tmp_path: Path) -> None:
    # renombrada, no copiada: DESTINO es la misma carpeta (el mismo inodo) que se construyó
    destino = tmp_path / "sitio"
    _sitio(destino, "v1")
    inodos: list[int] = []

    def construir(carpeta: Path) -> None:
        _sitio(carpeta, "v2")
        inodos.append(carpeta.stat().st_ino)

    tareas.publicar_sitio(destino, construir)
    assert destino.stat().st_ino == inodos[0]


def test_solo_se_guarda_un_sitio_anterior(tmp_path: Path) -> None:
    destino = tmp_path / "sitio"
    for version in ("v1", "v2", "v3"):
        tareas.publicar_sitio(destino, Construccion(destino, version))
    assert _contenido(destino)["index.html"] == "<h1>v3</h1>"
    assert _contenido(tmp_path / "sitio.anterior")["index.html"] == "<h1>v2</h1>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sitio", "sitio.anterior"]


@pytest.mark.parametrize("fallo", [
    pytest.param({"fallar": True}, id="la-construccion-falla"),
    pytest.param({"sin_indice": True}, id="sin-index-html")])
def test_una_construccion_fallida_no_toca_nada(tmp_path: Path, fallo: dict[str, bool]) -> None:
    destino = tmp_path / "sitio"
    tareas.publicar_sitio(destino, Construccion(destino, "v1"))
    tareas.publicar_sitio(destino, Construccion(destino, "v2"))
    antes = (_contenido(destino), _contenido(tmp_path / "sitio.anterior"), destino.stat().st_ino)
    construccion = Construccion(destino, "v3", **fallo)
    error: type[BaseException] = (subprocess.CalledProcessError if fallo.get("fallar")
                                  else tareas.NoPublicado)
    with pytest.raises(error):
        tareas.publicar_sitio(destino, construccion)
    assert (_contenido(destino), _contenido(tmp_path / "sitio.anterior"), destino.stat().st_ino) == antes
    # la carpeta a medias se borró
    assert construccion.carpeta is not None and not construccion.carpeta.exists()
    assert _restos(tmp_path) == []


def test_una_interrupcion_tampoco_deja_restos(tmp_path: Path) -> None:
    destino = tmp_path / "sitio"
    _sitio(destino, "v1")

    def interrumpida(carpeta: Path) -> None:
        _sitio(carpeta, "v2")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        tareas.publicar_sitio(destino, interrumpida)
    assert _contenido(destino)["index.html"] == "<h1>v1</h1>"
    assert _restos(tmp_path) == []


# --- la tarea: argumentos, SITIO_URL y destino, sin llegar a construir ---------------------


def _tarea(*args: str, **entorno: str) -> subprocess.CompletedProcess[str]:
    variables = {k: v for k, v in os.environ.items() if k != "SITIO_URL"}
    return subprocess.run([sys.executable, str(RAIZ / "tareas.py"), *args], capture_output=True,
                          text=True, env={**variables, **entorno}, check=False, cwd=RAIZ)


def test_publicar_exige_sitio_url(tmp_path: Path) -> None:
    destino = tmp_path / "sitio"
    for entorno in ({}, {"SITIO_URL": ""}, {"SITIO_URL": "programas-spen.ople.mx"}):
        proceso = _tarea("publicar", str(destino), **entorno)
        assert proceso.returncode == 1
        assert "No se publicó nada: defina SITIO_URL con la URL pública del sitio" in proceso.stderr
        assert "Traceback" not in proceso.stderr
        assert not destino.exists()


def test_destinos_que_no_sirven(tmp_path: Path) -> None:
    # se comprueba antes de preparar nada: publicar sobre el proyecto lo movería a .anterior
    assert tareas.comprobar_destino(RAIZ) == f"DESTINO ({RAIZ}) es la carpeta del proyecto o la contiene"
    assert tareas.comprobar_destino(RAIZ.parent) is not None
    archivo = tmp_path / "sitio"
    archivo.write_text("no soy una carpeta", encoding="utf-8")
    assert tareas.comprobar_destino(archivo) == f"DESTINO ({archivo}) existe y no es una carpeta"
    assert tareas.comprobar_destino(tmp_path / "nuevo") is None
    assert tareas.comprobar_destino(tmp_path) is None
    assert tareas.comprobar_destino(RAIZ / "site") is None


def test_publicar_sin_destino() -> None:
    proceso = _tarea("publicar")
    assert proceso.returncode == 2
    assert "DESTINO" in proceso.stderr


def test_tarea_desconocida_muestra_la_ayuda() -> None:
    proceso = _tarea("desplegar")
    assert proceso.returncode == 2
    assert "python3 tareas.py publicar DESTINO" in proceso.stdout
