"""Caché en disco, por contenido, de lo que una construcción puede tomar de la anterior.

Una sola carpeta (``.cache/programas-spen`` por omisión, la opción ``cache`` del plugin) con
un espacio por uso, cada uno una subcarpeta: los árboles YAML ya leídos (``arboles``, ver
``carga.lector_yaml``), los PDF de los anexos (``pdf``, ver ``anexos.cache_pdf``) y los índices
de búsqueda (``busqueda``, ver ``busqueda.pagefind``).

**Claves.** Cada entrada se nombra con el SHA-256 de la versión de quien la produce (el
código que la genera y la herramienta que usa: PyYAML, WeasyPrint, Pagefind…) y del contenido
del que sale (los bytes del YAML, el HTML del anexo, las páginas indexadas). Otro contenido u
otra versión dan otra clave: una entrada nunca queda vieja, solo deja de usarse.

**Escritura atómica.** Cada entrada es un archivo (o una carpeta) en
``<espacio>/<dos primeras cifras>/<clave>``; se escribe en un temporal a su lado y se renombra
con ``os.replace``: quien lee ve la entrada entera o no la ve, también con varios procesos a la
vez (el del sitio, el de los PDF en fondo, las pruebas).

**Poda.** ``Espacio.podar`` borra lo que no se usó desde que se abrió el espacio: llamado al
final de una construcción, deja solo lo que esa construcción leyó o escribió. «Usar» es leer
con acierto (se actualiza la fecha de modificación de la entrada) o escribir, en cualquier
proceso, así que cuenta también lo que leen las copias hechas con ``fork``; la hora de
apertura se toma del mismo sistema de archivos (la fecha de un archivo de marca), no del
reloj del proceso, cuya resolución no es la misma.

**Sin caché.** Con la carpeta vacía (``""``) o ``None`` nada se encuentra y nada se guarda.
Una caché que no se puede leer o escribir tampoco detiene nada: cada fallo de disco cuenta
como una entrada ausente.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

#: Prefijo de los temporales (y de la marca) dentro de un espacio: no son entradas.
_TEMPORAL = ".tmp-"


def huella(*partes: bytes | str) -> str:
    """SHA-256 (hexadecimal) de ``partes``, cada una con su largo delante: ``("ab", "c")`` y
    ``("a", "bc")`` dan huellas distintas."""
    h = hashlib.sha256()
    for parte in partes:
        datos = parte.encode("utf-8") if isinstance(parte, str) else parte
        h.update(len(datos).to_bytes(8, "little"))
        h.update(datos)
    return h.hexdigest()


def _es_clave(texto: str) -> bool:
    return len(texto) == 64 and all(c in "0123456789abcdef" for c in texto)


class Espacio:
    """Las entradas de un uso de la caché, producidas por una misma ``version``.

    ``carpeta``: donde van (``None``: sin caché). ``aciertos`` y ``fallos`` cuentan las
    lecturas de este objeto."""

    def __init__(self, carpeta: Path | None, version: str) -> None:
        self.carpeta = carpeta
        self.version = version
        self.aciertos = 0
        self.fallos = 0
        self._apertura = self._marcar()

    @property
    def activo(self) -> bool:
        """Si hay carpeta (si no, nada se encuentra ni se guarda)."""
        return self.carpeta is not None

    def _marcar(self) -> int | None:
        """La hora de apertura según el sistema de archivos (la fecha de un archivo recién
        escrito, en ns), o ``None`` si la carpeta no se puede escribir."""
        if self.carpeta is None:
            return None
        try:
            self.carpeta.mkdir(parents=True, exist_ok=True)
            descriptor, nombre = tempfile.mkstemp(prefix=_TEMPORAL, dir=self.carpeta)
            try:
                os.write(descriptor, b"marca")
                return os.fstat(descriptor).st_mtime_ns
            finally:
                os.close(descriptor)
                os.unlink(nombre)
        except OSError:
            return None

    def clave(self, *contenido: bytes | str) -> str:
        """La clave de una entrada: la huella de la versión y de ``contenido``."""
        return huella(self.version, *contenido)

    def ruta(self, clave: str) -> Path | None:
        """Dónde está (o estaría) la entrada ``clave``; ``None`` sin caché."""
        if not _es_clave(clave):
            raise ValueError(f"clave de caché no válida: {clave!r}")
        if self.carpeta is None:
            return None
        return self.carpeta / clave[:2] / clave

    def _usada(self, ruta: Path) -> bool:
        """Marca ``ruta`` como usada ahora (para ``podar``); ``False`` si no existe."""
        try:
            os.utime(ruta)
        except OSError:
            return False
        return True

    def leer(self, clave: str) -> bytes | None:
        """Los bytes guardados con ``clave``, o ``None`` si no hay."""
        ruta = self.ruta(clave)
        try:
            if ruta is None:
                raise FileNotFoundError
            contenido = ruta.read_bytes()
        except OSError:
            self.fallos += 1
            return None
        self._usada(ruta)
        self.aciertos += 1
        return contenido

    def guardar(self, clave: str, contenido: bytes) -> bool:
        """Guarda ``contenido`` con ``clave`` (atómico); ``False`` si no se pudo."""
        ruta = self.ruta(clave)
        if ruta is None:
            return False
        try:
            ruta.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporal = tempfile.mkstemp(prefix=_TEMPORAL, dir=ruta.parent)
            try:
                with os.fdopen(descriptor, "wb") as archivo:
                    archivo.write(contenido)
                os.replace(temporal, ruta)
            except BaseException:
                Path(temporal).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True

    def carpeta_guardada(self, clave: str) -> Path | None:
        """La carpeta guardada con ``clave`` (para copiarla), o ``None`` si no hay."""
        ruta = self.ruta(clave)
        if ruta is None or not ruta.is_dir() or not self._usada(ruta):
            self.fallos += 1
            return None
        self.aciertos += 1
        return ruta

    def guardar_carpeta(self, clave: str, origen: Path) -> bool:
        """Guarda una copia de la carpeta ``origen`` con ``clave`` (atómico: se copia a un
        temporal y se renombra); ``False`` si no se pudo o si otro proceso ya la guardó."""
        ruta = self.ruta(clave)
        if ruta is None:
            return False
        try:
            ruta.parent.mkdir(parents=True, exist_ok=True)
            temporal = Path(tempfile.mkdtemp(prefix=_TEMPORAL, dir=ruta.parent))
            try:
                copia = temporal / "copia"
                shutil.copytree(origen, copia)
                os.utime(copia)  # ``copytree`` le pone la fecha de ``origen``: se usa ahora
                os.replace(copia, ruta)
            finally:
                shutil.rmtree(temporal, ignore_errors=True)
        except OSError:
            return False  # p. ej. otro proceso la guardó a la vez: vale la suya
        return True

    def borrar(self, clave: str) -> bool:
        """Borra la entrada ``clave``; ``False`` si no estaba."""
        ruta = self.ruta(clave)
        return ruta is not None and _quitar(ruta)

    def claves(self) -> list[str]:
        """Las claves de todas las entradas guardadas, ordenadas."""
        if self.carpeta is None:
            return []
        try:
            return sorted(ruta.name for ruta in self.carpeta.glob("??/*") if _es_clave(ruta.name))
        except OSError:
            return []

    def podar(self) -> int:
        """Borra las entradas (y temporales abandonados) que nadie usó desde que se abrió
        este espacio; devuelve cuántas entradas borró."""
        if self.carpeta is None or self._apertura is None:
            return 0
        borradas = 0
        try:
            rutas = list(self.carpeta.glob("??/*"))
        except OSError:
            return 0
        for ruta in rutas:
            try:
                if ruta.lstat().st_mtime_ns >= self._apertura:
                    continue
            except OSError:
                continue
            if _quitar(ruta) and _es_clave(ruta.name):
                borradas += 1
        return borradas


def _quitar(ruta: Path) -> bool:
    """Borra el archivo o la carpeta ``ruta``; ``False`` si no estaba o no se pudo."""
    try:
        if ruta.is_dir() and not ruta.is_symlink():
            shutil.rmtree(ruta)
        else:
            ruta.unlink()
    except OSError:
        return False
    return True


class Cache:
    """La carpeta de la caché; ``None`` o ``""``: sin caché."""

    def __init__(self, carpeta: str | os.PathLike[str] | None) -> None:
        self.carpeta = Path(carpeta) if carpeta else None

    @property
    def activa(self) -> bool:
        """Si hay carpeta."""
        return self.carpeta is not None

    def espacio(self, nombre: str, version: str) -> Espacio:
        """El espacio ``nombre`` (una subcarpeta) para lo que produce ``version``."""
        if not nombre.isidentifier():
            raise ValueError(f"nombre de espacio de caché no válido: {nombre!r}")
        return Espacio(None if self.carpeta is None else self.carpeta / nombre, version)


def abrir(cache: Cache | str | os.PathLike[str] | None) -> Cache:
    """``cache`` como ``Cache``: una carpeta (o ``None``/``""``, sin caché) o una ya abierta."""
    return cache if isinstance(cache, Cache) else Cache(cache)
