"""cache: entradas por huella de versión y contenido, en espacios de una carpeta; lo guardado
se lee igual en otro objeto (otra construcción), otro contenido u otra versión no lo ven; la
escritura es atómica (sin temporales a la vista); sin carpeta no hay caché; una carpeta que no
se puede escribir no detiene nada; ``podar`` borra lo que no se usó desde que se abrió el
espacio, también si lo usó otro proceso."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from programas_spen.cache import Cache, Espacio, abrir, huella

RAIZ = Path(__file__).resolve().parents[1]


def _envejecer(ruta: Path, segundos: float = 3600) -> None:
    """Pone la fecha de ``ruta`` en el pasado: como si la hubiera escrito otra construcción."""
    viejo = time.time() - segundos
    os.utime(ruta, (viejo, viejo))


def test_huella_separa_las_partes() -> None:
    assert huella("ab", "c") != huella("a", "bc")
    assert huella("a", b"b") == huella(b"a", "b")
    assert len(huella("x")) == 64


def test_lo_guardado_se_lee_en_otra_construccion(tmp_path: Path) -> None:
    espacio = Cache(tmp_path).espacio("arboles", "v1")
    clave = espacio.clave(b"contenido del archivo")
    assert espacio.leer(clave) is None and (espacio.aciertos, espacio.fallos) == (0, 1)
    assert espacio.guardar(clave, b"resultado")
    otra = Cache(tmp_path).espacio("arboles", "v1")
    assert otra.leer(clave) == b"resultado" and (otra.aciertos, otra.fallos) == (1, 0)
    assert otra.claves() == [clave]
    assert (tmp_path / "arboles" / clave[:2] / clave).read_bytes() == b"resultado"


def test_otra_version_otro_contenido_u_otro_espacio_no_la_ven(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    uno = cache.espacio("pdf", "v1")
    uno.guardar(uno.clave(b"html"), b"pdf")
    dos = cache.espacio("pdf", "v2")
    assert dos.clave(b"html") != uno.clave(b"html") and dos.leer(dos.clave(b"html")) is None
    assert uno.leer(uno.clave(b"otro html")) is None
    tres = cache.espacio("busqueda", "v1")
    assert tres.leer(uno.clave(b"html")) is None and tres.claves() == []


def test_escritura_atomica_sin_temporales(tmp_path: Path) -> None:
    espacio = Cache(tmp_path).espacio("pdf", "v1")
    clave = espacio.clave("a")
    for contenido in (b"primero", b"segundo"):
        assert espacio.guardar(clave, contenido)
    assert espacio.leer(clave) == b"segundo"
    assert [p.name for p in (tmp_path / "pdf").rglob("*") if p.is_file()] == [clave]


def test_sin_carpeta_no_hay_cache(tmp_path: Path) -> None:
    for carpeta in (None, ""):
        cache = Cache(carpeta)
        assert not cache.activa and not abrir(carpeta).activa
        espacio = cache.espacio("arboles", "v1")
        clave = espacio.clave(b"x")
        assert not espacio.activo and espacio.ruta(clave) is None
        assert not espacio.guardar(clave, b"y") and espacio.leer(clave) is None
        assert espacio.claves() == [] and espacio.podar() == 0
    abierta = Cache(tmp_path)
    assert abrir(abierta) is abierta and abrir(tmp_path).carpeta == tmp_path


def test_carpeta_que_no_se_puede_escribir(tmp_path: Path) -> None:
    bloqueo = tmp_path / "cache"
    bloqueo.write_text("no es una carpeta", encoding="utf-8")
    espacio = Cache(bloqueo).espacio("pdf", "v1")
    clave = espacio.clave(b"x")
    assert not espacio.guardar(clave, b"y") and espacio.leer(clave) is None
    assert espacio.claves() == [] and espacio.podar() == 0


def test_claves_y_nombres_validos(tmp_path: Path) -> None:
    espacio = Cache(tmp_path).espacio("pdf", "v1")
    for mala in ("../fuera", "ab" * 40, "G" * 64):
        with pytest.raises(ValueError):
            espacio.ruta(mala)
    with pytest.raises(ValueError):
        Cache(tmp_path).espacio("../otro", "v1")


def test_carpetas(tmp_path: Path) -> None:
    origen = tmp_path / "indice"
    (origen / "sub").mkdir(parents=True)
    (origen / "sub" / "a.txt").write_text("uno", encoding="utf-8")
    espacio = Cache(tmp_path / "cache").espacio("busqueda", "v1")
    clave = espacio.clave("páginas")
    assert espacio.carpeta_guardada(clave) is None
    assert espacio.guardar_carpeta(clave, origen)
    (origen / "sub" / "a.txt").write_text("dos", encoding="utf-8")
    assert not espacio.guardar_carpeta(clave, origen)  # ya estaba: vale la guardada
    guardada = espacio.carpeta_guardada(clave)
    assert guardada is not None and (guardada / "sub" / "a.txt").read_text(encoding="utf-8") == "uno"
    assert espacio.claves() == [clave]
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.name.startswith(".")]


def test_podar_borra_lo_que_no_se_uso_desde_la_apertura(tmp_path: Path) -> None:
    anterior = Cache(tmp_path).espacio("pdf", "v1")
    claves = [anterior.clave(nombre) for nombre in ("leida", "sin-usar", "reescrita", "nueva")]
    for clave in claves[:3]:
        anterior.guardar(clave, b"de la construccion anterior")
        ruta = anterior.ruta(clave)
        assert ruta is not None
        _envejecer(ruta)
    abandonado = tmp_path / "pdf" / claves[0][:2] / ".tmp-abandonado"
    abandonado.write_bytes(b"a medias")
    _envejecer(abandonado)
    espacio = Cache(tmp_path).espacio("pdf", "v1")
    assert espacio.leer(claves[0]) is not None
    espacio.guardar(claves[2], b"otra vez")
    espacio.guardar(claves[3], b"nueva")
    assert espacio.podar() == 1
    assert espacio.claves() == sorted([claves[0], claves[2], claves[3]])
    assert not abandonado.exists()
    assert espacio.podar() == 0


def test_podar_cuenta_lo_que_usa_otro_proceso(tmp_path: Path) -> None:
    """Lo que lee otro proceso (el de los PDF en fondo, una copia de ``paralelo``) cuenta como
    usado: la marca de uso es la fecha del archivo, no la memoria de este objeto."""
    anterior = Espacio(tmp_path / "pdf", "v1")
    clave = anterior.clave("usada por otro")
    anterior.guardar(clave, b"x")
    ruta = anterior.ruta(clave)
    assert ruta is not None
    _envejecer(ruta)
    espacio = Espacio(tmp_path / "pdf", "v1")
    guion = ("import sys; from pathlib import Path; from programas_spen.cache import Espacio; "
             "e = Espacio(Path(sys.argv[1]), 'v1'); sys.exit(e.leer(sys.argv[2]) != b'x')")
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ / "plugins"))
    subprocess.run([sys.executable, "-c", guion, str(tmp_path / "pdf"), clave], env=entorno,
                   check=True, timeout=60)
    assert espacio.podar() == 0 and espacio.leer(clave) == b"x"
