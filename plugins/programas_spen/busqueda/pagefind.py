"""El índice de búsqueda del sitio: Pagefind, un índice por institución, que el navegador une.

La búsqueda de Material descargaba un índice único, entero, y armaba con él otro en el navegador
antes de responder: a escala nacional (las 33 instituciones durante diez años), 149 MiB, dos
minutos y medio y más de 5 GB en Chromium de escritorio. Pagefind (``pagefind_bin``, un binario
de Rust que se instala desde PyPI, sin red) parte el índice en trozos que el navegador pide
solo cuando una consulta los necesita, con el lematizador español y sin distinguir acentos.

**Un índice por institución.** La memoria del indexador crece con las páginas que indexa: el
sitio nacional entero de una vez pedía casi 5 GB. Cada institución (sus documentos, sesiones,
áreas y acuerdos) tiene su índice, ``pagefind/<institución>/``, y las páginas de todas (el
inicio, los índices, los calendarios por año, las páginas escritas a mano) van en
``pagefind/comun/``. La página de búsqueda abre el común y le une los demás (``mergeIndex`` de
Pagefind, con el filtro ``institucion`` de cada uno); ``pagefind/indices.json`` dice cuáles hay.

**Solo el contenido propio de cada página.** Pagefind lee el artículo (``article.md-content__inner``)
sin la cabecera, la navegación ni el pie, y se salta los ``¶``/``#`` de los títulos
(``.headerlink``) y lo marcado ``data-search-exclude``. Las páginas que repiten los registros de
otras (la rejilla de un documento, sus gráficas, cada mes del calendario) no se indexan: quien
construye los grupos las deja fuera (``Pagina.meta["search"]["exclude"]``).

**Caché.** Con una carpeta de caché, el índice de un grupo se guarda en su espacio ``busqueda``
(ver ``programas_spen.cache``) con la huella de lo que lo determina (versión de Pagefind y
opciones con que se llama, ruta y bytes de cada página): si no cambió, se copia en vez de
rehacerse. En ``mkdocs serve``, una edición rehace solo el índice de su institución (y el
común, si lo toca). Al terminar se borran de la caché los índices que esta vez no se usaron.

**Mismo resultado para la misma entrada.** Pagefind nombra sus archivos por su contenido y los
escribe igual para las mismas páginas (las pruebas lo comprueban); ``indices.json`` se escribe
ordenado.

Este módulo no importa MkDocs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from programas_spen.cache import Cache, abrir
from programas_spen.sitio import urls

#: Carpeta del sitio donde van los índices.
CARPETA = urls.INDICES_BUSQUEDA
#: Grupo de las páginas que no son de una institución.
COMUN = "comun"
#: Nombre de un grupo: el id de una institución (minúsculas, cifras y guiones) o ``COMUN``.
NOMBRE_VALIDO = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: Parte de cada página que se indexa: el artículo de Material.
RAIZ = "article.md-content__inner"
#: Lo que no se indexa dentro del artículo: los enlaces permanentes de los títulos y lo
#: marcado como fuera de la búsqueda.
EXCLUIDOS = (".headerlink", "[data-search-exclude]")
IDIOMA = "es"
#: Archivos de Pagefind que el sitio no usa (sus interfaces listas y el WebAssembly para
#: páginas de idioma desconocido): la página de búsqueda usa su API (``pagefind.js``).
SIN_USO = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
           "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-highlight.js", "wasm.unknown.pagefind")
#: El motor de búsqueda (JavaScript, su trabajador y WebAssembly): el navegador lo carga una
#: vez, del índice común, y con él abre los demás (``mergeIndex``); en los otros índices no
#: se usa (a escala nacional, 5 MB menos en el sitio).
MOTOR = ("pagefind.js", "pagefind-worker.js", f"wasm.{IDIOMA}.pagefind")


class ErrorBuscador(Exception):
    """Pagefind no está o falló: el sitio no tendría búsqueda."""


@dataclass(frozen=True)
class Grupo:
    """Las páginas de un índice: nombre (institución o ``COMUN``), su etiqueta para el filtro
    de la página de búsqueda y las rutas de sus archivos HTML, relativas al sitio."""

    nombre: str
    etiqueta: str
    rutas: tuple[str, ...]


@dataclass
class ResultadoIndice:
    """Qué se hizo con cada grupo: rehecho (``hechos``) o copiado de la caché (``copiados``)."""

    hechos: list[str] = field(default_factory=list)
    copiados: list[str] = field(default_factory=list)
    paginas: int = 0


def agrupar(paginas: Iterable[tuple[str, str | None]], etiquetas: Mapping[str, str]) -> list[Grupo]:
    """Los grupos de ``paginas`` (ruta HTML, institución o ``None``), ordenados: primero el
    común, luego las instituciones por nombre. ``etiquetas``: nombre para mostrar de cada
    institución (siglas). Un grupo sin páginas no existe (salvo el común, que siempre tiene
    el inicio)."""
    por_grupo: dict[str, list[str]] = {}
    for ruta, institucion in paginas:
        por_grupo.setdefault(institucion or COMUN, []).append(ruta)
    grupos = []
    for nombre in sorted(por_grupo, key=lambda n: (n != COMUN, n)):
        if not NOMBRE_VALIDO.match(nombre):
            raise ErrorBuscador(f"nombre de institución no válido para un índice: «{nombre}»")
        etiqueta = "" if nombre == COMUN else etiquetas.get(nombre, nombre)
        grupos.append(Grupo(nombre, etiqueta, tuple(sorted(set(por_grupo[nombre])))))
    return grupos


def ejecutable() -> Path:
    """El binario de Pagefind del paquete ``pagefind_bin`` (o ``PAGEFIND_BINARY_PATH``)."""
    propio = os.environ.get("PAGEFIND_BINARY_PATH")
    if propio:
        return Path(propio)
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise ErrorBuscador("falta el paquete «pagefind_bin» (pip install 'pagefind[bin]'): "
                            "sin él no se puede hacer el índice de búsqueda") from error
    return Path(get_executable())


def version(binario: Path) -> str:
    """``pagefind --version`` (parte de la huella de la caché)."""
    try:
        salida = subprocess.run([str(binario), "--version"], capture_output=True, text=True,
                                check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        raise ErrorBuscador(f"no se pudo ejecutar Pagefind ({binario}): {error}") from error
    return salida.stdout.strip()


def _opciones() -> list[str]:
    return ["--root-selector", RAIZ, "--exclude-selectors", ", ".join(EXCLUIDOS),
            "--force-language", IDIOMA, "--silent"]


def version_indice(version_pagefind: str) -> str:
    """La versión de lo que produce un índice (para la caché): la de Pagefind, las opciones
    con que se llama y los archivos que se le quitan."""
    return json.dumps([version_pagefind, _opciones(), list(SIN_USO), list(MOTOR)])


def huella(sitio: Path, grupo: Grupo) -> str:
    """SHA-256 de las páginas de ``grupo`` (ruta y bytes de cada una, y si es el común, que
    conserva el motor de búsqueda): con ``version_indice``, lo que determina su índice."""
    h = hashlib.sha256()
    h.update(json.dumps(grupo.nombre == COMUN).encode())
    for ruta in grupo.rutas:
        h.update(b"\0" + ruta.encode() + b"\0")
        try:
            h.update(hashlib.sha256((sitio / ruta).read_bytes()).digest())
        except OSError as error:
            raise ErrorBuscador(f"no se pudo leer la página «{ruta}» del sitio escrito: "
                                f"{error.strerror}") from error
    return h.hexdigest()


def _enlazar(origen: Path, destino: Path) -> None:
    """Enlace duro (sin copiar bytes); si no se puede (otro sistema de archivos), copia."""
    destino.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(origen, destino)
    except OSError:
        shutil.copyfile(origen, destino)


def _indexar_grupo(binario: Path, sitio: Path, grupo: Grupo, salida: Path) -> None:
    """Pagefind sobre las páginas de ``grupo`` (enlazadas en una carpeta aparte, con las mismas
    rutas relativas, para que las URL sean las del sitio); escribe el índice en ``salida``."""
    with tempfile.TemporaryDirectory(prefix=f"busqueda-{grupo.nombre}-",
                                     dir=salida.parent) as temporal:
        paginas = Path(temporal) / "paginas"
        for ruta in grupo.rutas:
            if not (sitio / ruta).is_file():
                raise ErrorBuscador(f"falta la página «{ruta}» en el sitio escrito")
            _enlazar(sitio / ruta, paginas / ruta)
        orden = [str(binario), "--site", str(paginas), "--output-path", str(salida), *_opciones()]
        try:
            hecho = subprocess.run(orden, capture_output=True, text=True, timeout=3600)
        except (OSError, subprocess.SubprocessError) as error:
            raise ErrorBuscador(f"Pagefind no pudo indexar «{grupo.nombre}»: {error}") from error
        if hecho.returncode != 0:
            detalle = (hecho.stderr or hecho.stdout).strip().splitlines()[-5:]
            raise ErrorBuscador(f"Pagefind falló al indexar «{grupo.nombre}» "
                                f"(código {hecho.returncode}): " + " | ".join(detalle))
    for nombre in SIN_USO + (() if grupo.nombre == COMUN else MOTOR):
        (salida / nombre).unlink(missing_ok=True)


def _copiar(origen: Path, destino: Path) -> None:
    if destino.exists():
        shutil.rmtree(destino)
    shutil.copytree(origen, destino)


def indices_json(grupos: Sequence[Grupo]) -> bytes:
    """``pagefind/indices.json``: cada índice (carpeta relativa a ``pagefind/``) y la etiqueta
    de su institución; el primero es el común."""
    datos = {"indices": [{"carpeta": f"{g.nombre}/", "institucion": g.etiqueta}
                         for g in grupos]}
    return (json.dumps(datos, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def indexar(sitio: Path, grupos: Sequence[Grupo], cache: Cache | str | os.PathLike[str] | None = None,
            procesos: int = 2) -> ResultadoIndice:
    """Escribe ``sitio/pagefind/``: un índice por grupo y ``indices.json``. Con ``cache`` (la
    carpeta de la caché, o una ``cache.Cache``), los grupos sin cambios se copian de ella y los
    nuevos se guardan en ella, y al terminar se borran de ella los índices que no se usaron.
    ``procesos``: cuántos Pagefind a la vez (cada uno con la memoria de su grupo). Lanza
    ``ErrorBuscador`` si Pagefind falta o falla; entonces no deja índices a medias."""
    if not grupos or grupos[0].nombre != COMUN:
        raise ErrorBuscador("los grupos de búsqueda deben empezar por el común")
    binario = ejecutable()
    version_pagefind = version(binario)
    raiz = sitio / CARPETA
    if raiz.exists():
        shutil.rmtree(raiz)
    raiz.mkdir(parents=True)
    resultado = ResultadoIndice(paginas=sum(len(g.rutas) for g in grupos))
    almacen = abrir(cache)
    guardados = almacen.espacio("busqueda", version_indice(version_pagefind)) if almacen.activa else None

    def uno(grupo: Grupo) -> bool:
        """Si se copió de la caché, tras dejar el índice de ``grupo`` en el sitio."""
        destino = raiz / grupo.nombre
        if guardados is None:
            _indexar_grupo(binario, sitio, grupo, destino)
            return False
        clave = guardados.clave(huella(sitio, grupo))
        guardado = guardados.carpeta_guardada(clave)
        if guardado is not None:
            _copiar(guardado, destino)
            return True
        _indexar_grupo(binario, sitio, grupo, destino)
        guardados.guardar_carpeta(clave, destino)
        return False

    try:
        with ThreadPoolExecutor(max_workers=max(1, procesos)) as hilos:
            # los grupos grandes primero, para repartir mejor entre los procesos
            orden = sorted(grupos, key=lambda g: (-len(g.rutas), g.nombre))
            for grupo, copiado in zip(orden, hilos.map(uno, orden), strict=True):
                (resultado.copiados if copiado else resultado.hechos).append(grupo.nombre)
    except BaseException:
        shutil.rmtree(raiz, ignore_errors=True)
        raise
    (raiz / "indices.json").write_bytes(indices_json(grupos))
    if guardados is not None:
        guardados.podar()
    resultado.hechos.sort()
    resultado.copiados.sort()
    return resultado


def fragmentos(sitio: Path) -> dict[str, list[dict[str, object]]]:
    """Lo que guardó Pagefind de cada página, por grupo: sus fragmentos (``url``, ``content``,
    ``meta``, ``anchors``…), ordenados por URL. Para revisar qué se indexó (pruebas, banco)."""
    prefijo = b"pagefind_dcd"
    resultado: dict[str, list[dict[str, object]]] = {}
    for carpeta in sorted((sitio / CARPETA).iterdir()):
        if not (carpeta / "fragment").is_dir():
            continue
        lista = []
        for archivo in sorted((carpeta / "fragment").iterdir()):
            datos = gzip.decompress(archivo.read_bytes())
            lista.append(json.loads(datos[len(prefijo):] if datos.startswith(prefijo) else datos))
        resultado[carpeta.name] = sorted(lista, key=lambda f: str(f.get("url")))
    return resultado
