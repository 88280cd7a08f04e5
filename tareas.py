#!/usr/bin/env python3
"""Tareas del proyecto con solo Python instalado: preparar, servir, construir, probar y publicar.

    python3 tareas.py sitio                  prepara todo y sirve el sitio en http://127.0.0.1:8000/
    python3 tareas.py construir              prepara todo y construye el sitio (estricto) en site/
    python3 tareas.py construir --destino D  lo mismo, en la carpeta D (la CI: _site/ o public/)
    python3 tareas.py validar [ARCHIVO...]   valida los datos e informa errores y avisos (de los
                                             archivos dados, más los errores de los demás)
    python3 tareas.py urls [--comprobar]     pone al día datos/urls-publicadas.txt, las URL que el
                                             sitio ha publicado (--comprobar: solo dice si le falta alguna)
    python3 tareas.py pruebas                prepara todo (también Chromium) y ejecuta todas las pruebas
    python3 tareas.py publicar DESTINO       construye en una carpeta nueva junto a DESTINO y la pone
                                             en su lugar renombrando, sin copiar (servidor propio;
                                             pide SITIO_URL); el anterior queda en DESTINO.anterior
    python3 tareas.py banco                  ejecuta el banco de pruebas de rendimiento

Para el personal que no programa (ver contenido/guia-personal.md):
    python3 tareas.py nuevo TIPO INSTITUCION AÑO [--organo ID] [--id ID]
                                             crea el esqueleto de un documento nuevo en datos/
    python3 tareas.py hoja exportar DATOS.yml LIBRO.xlsx
                                             un documento a una hoja de cálculo
    python3 tareas.py hoja importar LIBRO.xlsx DATOS.yml
                                             la hoja de cálculo de vuelta al documento
    python3 tareas.py formatear ARCHIVO...   pone archivos de datos en la forma canónica

Crea un entorno virtual en .venv e instala en él el proyecto y sus dependencias, y con apt-get
los paquetes de Debian que falten: para el sitio, Pango, HarfBuzz y fuentes libres (WeasyPrint,
los PDF de los anexos); para las pruebas, además, Chromium. Solo usa la biblioteca estándar.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

RAIZ = Path(__file__).resolve().parent
VENV = RAIZ / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
CHROMIUM = "/usr/bin/chromium"


def _ejecutar(*orden: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(p) for p in orden), flush=True)
    subprocess.run([str(p) for p in orden], check=True, cwd=RAIZ, **kwargs)  # type: ignore[arg-type]


def _fecha_de_los_datos() -> str | None:
    """Fecha (época Unix) del último commit: la fecha de construcción sale de los datos, no
    del reloj, para que la misma entrada dé los mismos bytes (sitemap incluido)."""
    try:
        salida = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=RAIZ, capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return salida or None


def _entorno() -> dict[str, str]:
    entorno = dict(os.environ)
    entorno["NO_MKDOCS_2_WARNING"] = "1"
    fecha = _fecha_de_los_datos()
    if fecha and "SOURCE_DATE_EPOCH" not in entorno:
        entorno["SOURCE_DATE_EPOCH"] = fecha
    entorno["PATH"] = f"{BIN}{os.pathsep}{entorno.get('PATH', '')}"
    return entorno


def preparar(extras: str = "") -> None:
    """Crea .venv e instala el proyecto (con ``extras``) si cambió pyproject.toml."""
    if not PY.exists():
        _ejecutar(sys.executable, "-m", "venv", VENV)
    huella = hashlib.sha256((RAIZ / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    sello = VENV / f".instalado{extras.replace(',', '-')}"
    if sello.exists() and sello.read_text() == huella:
        return
    _ejecutar(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    objetivo = f".[{extras}]" if extras else "."
    _ejecutar(PY, "-m", "pip", "install", "--quiet", "-e", objetivo)
    sello.write_text(huella)


#: Paquetes de Debian para construir el sitio: Pango y HarfBuzz para WeasyPrint (los PDF de los
#: anexos para la Gaceta) y las fuentes libres que se incrustan en ellos (nada se descarga al
#: construir).
PAQUETES_SITIO = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-liberation2",
                  "fonts-dejavu-core")
#: Paquetes de Debian que añaden las pruebas: el Chromium de Debian (nunca se descarga un
#: navegador aparte).
PAQUETES_PRUEBAS = ("chromium",)


def _instalado(paquete: str) -> bool:
    """Si el paquete de Debian está instalado (``dpkg -s``)."""
    proceso = subprocess.run(["dpkg", "-s", paquete], capture_output=True, text=True, check=False)
    return proceso.returncode == 0 and "Status: install ok installed" in proceso.stdout


def preparar_sistema(*paquetes: str) -> None:
    """Instala con apt-get los paquetes de Debian que falten (y solo esos)."""
    if shutil.which("dpkg") is None:
        print("Aviso: este sistema no es Debian; instale con su gestor de paquetes el equivalente "
              f"de: {' '.join(paquetes)}", flush=True)
        return
    faltan = [p for p in paquetes if not _instalado(p)]
    if not faltan:
        return
    if shutil.which("apt-get") is None:
        sys.exit(f"Faltan los paquetes de Debian {' '.join(faltan)} y no hay apt-get para instalarlos.")
    prefijo = [] if os.geteuid() == 0 else ["sudo"]
    entorno = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _ejecutar(*prefijo, "apt-get", "update", "-qq", env=entorno)
    _ejecutar(*prefijo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *faltan, env=entorno)


def sitio() -> None:
    """Prepara y sirve el sitio; se reconstruye al cambiar datos/, contenido/ o tema/."""
    preparar()
    preparar_sistema(*PAQUETES_SITIO)
    entorno = _entorno()
    # La vista previa no espera los PDF de los anexos (lo más lento de cada reconstrucción):
    # se generan aparte y la página se actualiza sola cuando llegan (opción del plugin
    # anexos_pdf_en_fondo); así una edición se ve en unos 2 s. ANEXOS_PDF=false los apaga.
    _ejecutar(BIN / "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", env=entorno)


def _argumentos(argv: list[str] | None) -> list[str]:
    """Los argumentos de la tarea: ``argv`` o, sin él, los de la línea de órdenes."""
    return sys.argv[2:] if argv is None else argv


def _analizador(prog: str, descripcion: str) -> argparse.ArgumentParser:
    """Un analizador de argumentos con la ayuda (``-h``) en español."""
    analizador = argparse.ArgumentParser(prog=f"python3 tareas.py {prog}", description=descripcion,
                                         add_help=False)
    analizador.add_argument_group("opciones").add_argument(
        "-h", "--help", action="help", help="muestra esta ayuda y termina")
    return analizador


def analizador_construir() -> argparse.ArgumentParser:
    """Argumentos de ``construir``."""
    analizador = _analizador("construir", "Construye el sitio en modo estricto.")
    analizador.add_argument_group("opciones de la construcción").add_argument(
        "--destino", metavar="DIR", help="carpeta donde escribir el sitio (por omisión, la "
                                         "site_dir de mkdocs.yml: site/ en el proyecto)")
    return analizador


def analizador_validar() -> argparse.ArgumentParser:
    """Argumentos de ``validar`` (los de ``programas-spen validar``)."""
    analizador = _analizador("validar", "Valida los datos. Con archivos, muestra sus problemas y "
                                        "los errores de los demás (ver programas-spen validar --help).")
    analizador.add_argument_group("argumentos").add_argument(
        "archivos", nargs="*", metavar="ARCHIVO",
        help="archivos de datos cuyos problemas mostrar (por omisión, todos)")
    return analizador


def analizador_publicar() -> argparse.ArgumentParser:
    """Argumentos de ``publicar``."""
    analizador = _analizador("publicar", "Construye el sitio junto a DESTINO y lo pone en su lugar "
                                         "renombrando, sin copiar; el sitio anterior queda en "
                                         "DESTINO.anterior. La URL pública sale de la variable "
                                         "SITIO_URL, obligatoria.")
    analizador.add_argument_group("argumentos").add_argument(
        "destino", metavar="DESTINO",
        help="carpeta que sirve el servidor web (p. ej. /var/www/programas-spen)")
    return analizador


def analizador_urls() -> argparse.ArgumentParser:
    """Argumentos de ``urls`` (los de ``programas-spen urls``)."""
    analizador = _analizador("urls", "Pone al día datos/urls-publicadas.txt: añade las URL que el sitio "
                                     "publica hoy y no quita ninguna (ver datos/README.md).")
    analizador.add_argument_group("opciones").add_argument(
        "--comprobar", action="store_true",
        help="no escribir: terminar con error si al manifiesto le falta alguna URL (la CI)")
    return analizador


#: Las tareas que analizan sus argumentos (las demás los pasan tal cual: ``pruebas`` a pytest,
#: ``banco`` a banco.py).
ANALIZADORES: dict[str, Callable[[], argparse.ArgumentParser]] = {
    "construir": analizador_construir, "validar": analizador_validar,
    "publicar": analizador_publicar, "urls": analizador_urls}


def construir_en(carpeta: Path | None) -> None:
    """Construye el sitio en modo estricto en ``carpeta`` (que vacía antes; ``None``: la de
    mkdocs.yml). Es la orden de la CI y de ``publicar``: un error en los datos la detiene."""
    destino = () if carpeta is None else ("--site-dir", carpeta)
    _ejecutar(BIN / "mkdocs", "build", "--strict", "--clean", *destino, env=_entorno())


def construir(argv: list[str] | None = None) -> None:
    """Prepara y construye el sitio en modo estricto en site/ (o en ``--destino``)."""
    args = analizador_construir().parse_args(_argumentos(argv))
    preparar()
    preparar_sistema(*PAQUETES_SITIO)
    construir_en(None if args.destino is None else Path(args.destino).resolve())


def validar(argv: list[str] | None = None) -> None:
    """Valida los datos (solo informa los problemas de los archivos dados, si los hay, más los
    errores de los demás)."""
    args = analizador_validar().parse_args(_argumentos(argv))
    preparar()
    archivos = [str(Path(a).resolve()) for a in args.archivos]
    _ejecutar(BIN / "programas-spen", "validar", *archivos, env=_entorno())


def urls(argv: list[str] | None = None) -> None:
    """Pone al día el manifiesto de URL publicadas (o, con ``--comprobar``, solo lo revisa)."""
    args = analizador_urls().parse_args(_argumentos(argv))
    preparar()
    _ejecutar(BIN / "programas-spen", "urls", *(["--comprobar"] if args.comprobar else []), env=_entorno())


class NoPublicado(Exception):
    """No se publicó nada: el destino quedó como estaba."""


def publicar_sitio(destino: Path, construir: Callable[[Path], None]) -> Path | None:
    """Construye con ``construir`` en una carpeta nueva junto a ``destino`` y la pone en su lugar.

    La carpeta nueva está en la misma carpeta que ``destino`` (el mismo sistema de archivos),
    así que ponerla en su lugar es un ``rename``, no una copia: mientras se construye, el
    servidor sigue sirviendo el sitio anterior entero, y después, el nuevo entero; nunca una
    mezcla ni un sitio a medias. Son dos renombres seguidos (``destino`` → ``destino.anterior``,
    la carpeta nueva → ``destino``): entre ellos, microsegundos, ``destino`` no existe y una
    petición que llegue justo entonces recibe un 404 (POSIX no renombra una carpeta sobre otra
    que no está vacía). El sitio anterior queda en ``destino.anterior`` (el de antes se
    borra) para volver atrás al instante con dos ``mv``. Si la construcción falla, o no deja un
    ``index.html``, se borra la carpeta nueva y ``destino`` y ``destino.anterior`` quedan como
    estaban. Devuelve la carpeta del sitio anterior (``None`` si no había)."""
    destino = Path(destino)
    destino.parent.mkdir(parents=True, exist_ok=True)
    nuevo = Path(tempfile.mkdtemp(prefix=f"{destino.name}.nuevo-", dir=destino.parent))
    try:
        construir(nuevo)
        if not (nuevo / "index.html").is_file():
            raise NoPublicado(f"la construcción no dejó {nuevo.name}/index.html")
    except BaseException:
        shutil.rmtree(nuevo, ignore_errors=True)
        raise
    # mkdtemp crea la carpeta solo legible por su dueño; el servidor web debe poder leerla
    nuevo.chmod(0o755)
    anterior = destino.with_name(f"{destino.name}.anterior")
    if destino.exists():
        if anterior.exists():
            shutil.rmtree(anterior)
        os.rename(destino, anterior)
        os.rename(nuevo, destino)
        return anterior
    os.rename(nuevo, destino)
    return None


def comprobar_destino(destino: Path) -> str | None:
    """Por qué ``destino`` no sirve para publicar (``None`` si sirve)."""
    if RAIZ.is_relative_to(destino):
        return f"DESTINO ({destino}) es la carpeta del proyecto o la contiene"
    if destino.exists() and not destino.is_dir():
        return f"DESTINO ({destino}) existe y no es una carpeta"
    return None


def publicar(argv: list[str] | None = None) -> None:
    """Construye el sitio y lo pone en DESTINO renombrando, sin copiar (ver ``publicar_sitio``)."""
    args = analizador_publicar().parse_args(_argumentos(argv))
    url = os.environ.get("SITIO_URL", "").strip()
    if not url.startswith(("https://", "http://")):
        sys.exit("No se publicó nada: defina SITIO_URL con la URL pública del sitio (la de las URL "
                 "permanentes, los QR y los PDF de los anexos), p. ej. "
                 "SITIO_URL=https://www.ople.mx/programas-spen/ python3 tareas.py publicar DESTINO")
    destino = Path(args.destino).resolve()
    problema = comprobar_destino(destino)
    if problema:
        sys.exit(f"No se publicó nada: {problema}.")
    preparar()
    preparar_sistema(*PAQUETES_SITIO)
    try:
        anterior = publicar_sitio(destino, construir_en)
    except (subprocess.CalledProcessError, NoPublicado) as exc:
        detalle = f" ({exc})" if isinstance(exc, NoPublicado) else " (ver arriba)"
        print(f"No se publicó nada: la construcción falló{detalle}; {destino} sigue como estaba.",
              file=sys.stderr, flush=True)
        sys.exit(getattr(exc, "returncode", 1))
    print(f"Publicado en {destino} para {url}.", flush=True)
    if anterior:
        print(f"El sitio anterior quedó en {anterior}; para volver a él: "
              f"mv {destino} {destino}.descartado && mv {anterior} {destino}", flush=True)


def pruebas() -> None:
    """Prepara todo y ejecuta ruff y todas las pruebas (unitarias, sitio y navegador)."""
    preparar("test")
    preparar_sistema(*PAQUETES_SITIO, *PAQUETES_PRUEBAS)
    entorno = _entorno()
    entorno["CHROMIUM"] = CHROMIUM
    _ejecutar(BIN / "ruff", "check", "plugins", "tests", "tareas.py", "banco", env=entorno)
    _ejecutar(PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", *sys.argv[2:], env=entorno)


def banco() -> None:
    """Ejecuta el banco de pruebas de rendimiento (ver banco/README.md)."""
    preparar("test")
    preparar_sistema(*PAQUETES_SITIO, *PAQUETES_PRUEBAS)  # Chromium: la búsqueda de cada escala
    entorno = _entorno()
    entorno["CHROMIUM"] = CHROMIUM
    _ejecutar(PY, "banco/banco.py", *sys.argv[2:], env=entorno)


# --- órdenes para el personal (nuevo, hoja, formatear): las de programas-spen -------------

#: Terminaciones de los argumentos que son archivos (se pasan como rutas absolutas: la orden
#: se ejecuta desde la raíz del proyecto).
_ARCHIVOS = (".yml", ".yaml", ".xlsx")


def argumentos_de_personal(argv: list[str]) -> list[str]:
    """Los argumentos de ``nuevo``, ``hoja`` y ``formatear`` con los archivos como rutas
    absolutas (relativas a la carpeta desde la que se llamó)."""
    return [str(Path(a).resolve()) if a.lower().endswith(_ARCHIVOS) else a for a in argv]


def _orden_de_personal(orden: str) -> Callable[[], None]:
    def tarea() -> None:
        preparar()
        _ejecutar(BIN / "programas-spen", orden, *argumentos_de_personal(sys.argv[2:]), env=_entorno())
    tarea.__doc__ = f"``programas-spen {orden}`` en el entorno del proyecto."
    return tarea


TAREAS: dict[str, Callable[[], None]] = {
    "sitio": sitio, "construir": construir, "validar": validar, "pruebas": pruebas,
    "publicar": publicar, "banco": banco, "urls": urls,
    "nuevo": _orden_de_personal("nuevo"), "hoja": _orden_de_personal("hoja"),
    "formatear": _orden_de_personal("formatear")}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TAREAS:
        print(__doc__)
        sys.exit(2)
    try:
        TAREAS[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
