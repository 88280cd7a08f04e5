"""Caché en disco de los árboles YAML ya leídos, por huella del contenido de cada archivo.

Leer el YAML con la posición de cada valor es lo más caro de cargar los datos. Entre dos
construcciones (``mkdocs serve`` tras editar un archivo, o dos despliegues seguidos) casi
todos los archivos son idénticos: su árbol (datos y marcas de línea y columna; si son las de
la lectura rápida, los bytes leídos permiten completarlas como al leer) se guarda en
``marshal`` con el SHA-256 de sus bytes como nombre, y la siguiente carga lo toma de ahí.

La huella incluye la versión del lector (el código de ``carga``, PyYAML y Python), así que un
cambio en cualquiera invalida todo. Solo se guardan lecturas sin problemas: un archivo con un
error se vuelve a leer cada vez y da siempre su mensaje. La validación (esquema, referencias,
coherencia) se hace siempre, también con el árbol de la caché. Si la carpeta no se puede
escribir, o una entrada está dañada, se lee el YAML como si no hubiera caché.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from pathlib import Path

import yaml

from programas_spen.carga import lector_yaml as carga

#: Días sin usarse tras los que ``podar`` borra una entrada.
DIAS_SIN_USO = 14


def _version() -> bytes:
    codigo = Path(carga.__file__).read_bytes()
    return hashlib.sha256(b"\0".join([
        codigo, yaml.__version__.encode(), str(sys.version_info[:2]).encode(),
        str(marshal.version).encode()])).digest()


#: Huella del lector: cambia si cambia ``carga``, PyYAML o Python.
VERSION = _version()


class CacheArboles:
    """Árboles leídos, en ``carpeta/<2 primeras cifras>/<sha256>.marshal``."""

    def __init__(self, carpeta: Path) -> None:
        self.carpeta = Path(carpeta)
        self.aciertos = 0
        self.fallos = 0

    def _ruta(self, crudo: bytes) -> Path:
        clave = hashlib.sha256(VERSION + crudo).hexdigest()
        return self.carpeta / clave[:2] / f"{clave}.marshal"

    def leer(self, crudo: bytes, archivo: str) -> carga.Arbol | None:
        """El árbol guardado para estos bytes, con el nombre ``archivo``; ``None`` si no hay."""
        ruta = self._ruta(crudo)
        try:
            datos, marcas, marcas_clave, parcial = marshal.loads(ruta.read_bytes())
            os.utime(ruta)  # para ``podar``: se usó hoy
        except (OSError, ValueError, EOFError, TypeError):
            self.fallos += 1
            return None
        self.aciertos += 1
        # Con las marcas de la lectura rápida, los bytes permiten completarlas si se piden.
        return carga.Arbol(archivo, datos, marcas, marcas_clave, crudo if parcial else None)

    def guardar(self, crudo: bytes, arbol: carga.Arbol) -> None:
        """Guarda el árbol de estos bytes (en silencio si no se puede)."""
        ruta = self._ruta(crudo)
        try:
            contenido = marshal.dumps((arbol.datos, arbol.marcas, arbol.marcas_clave,
                                       arbol.fuente is not None))
            ruta.parent.mkdir(parents=True, exist_ok=True)
            temporal = ruta.with_name(f"{ruta.name}.{os.getpid()}.tmp")
            temporal.write_bytes(contenido)
            os.replace(temporal, ruta)
        except (OSError, ValueError):
            return

    def tiene_todo(self, rutas: list[Path]) -> bool:
        """Si todas ``rutas`` están en la caché (una muestra basta para saber si está fría:
        con la caché caliente, repartir la lectura en dos procesos no compensa)."""
        try:
            return bool(rutas) and all(self._ruta(ruta.read_bytes()).exists() for ruta in rutas)
        except OSError:
            return False

    def podar(self, dias: float = DIAS_SIN_USO) -> int:
        """Borra las entradas que no se usan desde hace ``dias``; devuelve cuántas."""
        limite = time.time() - dias * 86400
        borradas = 0
        for ruta in self.carpeta.glob("*/*.marshal"):
            try:
                if ruta.stat().st_mtime < limite:
                    ruta.unlink()
                    borradas += 1
            except OSError:
                continue
        return borradas
