"""PDF de los anexos guardados entre construcciones: en memoria (``mkdocs serve``) y en disco.

Generar un PDF con WeasyPrint cuesta alrededor de un segundo por documento: a escala nacional
(unos 2 000 documentos) más de media hora en una construcción desde cero. El mismo HTML da el
mismo PDF byte a byte, así que cada PDF se guarda con la huella de su HTML, y la siguiente
construcción solo genera los de los documentos cuyo anexo cambió.

En disco van en el espacio ``pdf`` de la caché del sitio (ver ``programas_spen.cache``): la
clave de cada entrada es la huella de la versión del generador (WeasyPrint, pydyf, el código
de ``anexos.pdf`` y los archivos de fuente del sistema, ver ``huella_fuentes``) y de la
huella del HTML, así que otra versión no usa los PDF de la anterior. Cada entrada es una
línea JSON (la huella del HTML, páginas, avisos de WeasyPrint y el SHA-256 del PDF) seguida
de los bytes del PDF. Una entrada dañada o ilegible cuenta como ausente, y si la carpeta no
se puede escribir los PDF se guardan solo en memoria.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, MutableMapping
from importlib import metadata
from pathlib import Path

from programas_spen.anexos import pdf
from programas_spen.anexos.pdf import PdfGenerado
from programas_spen.cache import Cache, abrir

#: Donde fontconfig busca fuentes con su configuración de Debian (``/etc/fonts/fonts.conf``).
CARPETAS_FUENTES = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                    Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts")

#: Espacio de la caché donde van los PDF.
ESPACIO = "pdf"


def huella_fuentes() -> bytes:
    """Ruta, tamaño y fecha de cada archivo de fuente instalado en ``CARPETAS_FUENTES``, en
    orden. Los anexos piden sus familias por nombre (``anexo_html.FUENTES``), y para un
    carácter que esas no tengan Pango toma cualquier otra fuente del sistema: instalar,
    actualizar o quitar una fuente puede cambiar los bytes del PDF, así que cambia la versión
    del generador."""
    entradas: list[str] = []
    for carpeta in CARPETAS_FUENTES:
        for raiz, subcarpetas, archivos in os.walk(carpeta):
            subcarpetas.sort()
            for nombre in sorted(archivos):
                ruta = os.path.join(raiz, nombre)
                try:
                    estado = os.stat(ruta)
                except OSError:
                    continue
                entradas.append(f"{ruta}\t{estado.st_size}\t{estado.st_mtime_ns}")
    return "\n".join(entradas).encode("utf-8", "surrogateescape")


def version_generador() -> str:
    """Huella corta de lo que determina los bytes de un PDF además de su HTML."""
    partes = [Path(pdf.__file__).read_bytes()]
    for paquete in ("weasyprint", "pydyf"):
        try:
            partes.append(metadata.version(paquete).encode())
        except metadata.PackageNotFoundError:
            partes.append(b"-")
    partes.append(huella_fuentes())
    return hashlib.sha256(b"\0".join(partes)).hexdigest()[:16]


def _empaquetar(clave: str, generado: PdfGenerado) -> bytes:
    cabecera = {"clave": clave, "paginas": generado.paginas, "avisos": list(generado.avisos),
                "sha256": hashlib.sha256(generado.contenido).hexdigest()}
    return json.dumps(cabecera).encode("utf-8") + b"\n" + generado.contenido


def _desempaquetar(contenido: bytes) -> tuple[str, PdfGenerado]:
    """(huella del HTML, PDF) de una entrada; ``ValueError`` si está dañada."""
    linea, _, documento = contenido.partition(b"\n")
    try:
        cabecera = json.loads(linea)
        if hashlib.sha256(documento).hexdigest() != cabecera["sha256"]:
            raise ValueError("PDF dañado")
        return str(cabecera["clave"]), PdfGenerado(documento, int(cabecera["paginas"]),
                                                   tuple(cabecera["avisos"]))
    except (KeyError, TypeError) as exc:
        raise ValueError("entrada de PDF ilegible") from exc


class CachePdf(MutableMapping[str, PdfGenerado]):
    """PDF por huella del HTML: primero ``memoria`` (un dict que puede durar todo el proceso),
    después el espacio ``pdf`` de la caché en ``carpeta`` (una ``cache.Cache`` o su ruta;
    ``None`` o ``""``: solo en memoria)."""

    def __init__(self, carpeta: Cache | str | os.PathLike[str] | None,
                 memoria: dict[str, PdfGenerado] | None = None) -> None:
        self.espacio = abrir(carpeta).espacio(ESPACIO, version_generador())
        self.memoria = memoria if memoria is not None else {}

    def _del_disco(self, clave: str) -> PdfGenerado | None:
        contenido = self.espacio.leer(self.espacio.clave(clave))
        if contenido is None:
            return None
        try:
            guardada, generado = _desempaquetar(contenido)
        except ValueError:
            return None
        return generado if guardada == clave else None

    def __getitem__(self, clave: str) -> PdfGenerado:
        if clave in self.memoria:
            return self.memoria[clave]
        generado = self._del_disco(clave)
        if generado is None:
            raise KeyError(clave)
        self.memoria[clave] = generado
        return generado

    def __setitem__(self, clave: str, generado: PdfGenerado) -> None:
        self.memoria[clave] = generado
        self.espacio.guardar(self.espacio.clave(clave), _empaquetar(clave, generado))

    def __delitem__(self, clave: str) -> None:
        encontrada = self.memoria.pop(clave, None) is not None
        if self.espacio.borrar(self.espacio.clave(clave)):
            encontrada = True
        if not encontrada:
            raise KeyError(clave)

    def _en_disco(self) -> set[str]:
        """Las huellas de HTML de los PDF en disco de esta versión del generador."""
        claves = set()
        for entrada in self.espacio.claves():
            ruta = self.espacio.ruta(entrada)
            if ruta is None:
                continue
            try:
                with ruta.open("rb") as archivo:
                    cabecera = json.loads(archivo.readline())
                clave = str(cabecera["clave"])
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if self.espacio.clave(clave) == entrada:  # no es de otra versión
                claves.add(clave)
        return claves

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(set(self.memoria) | self._en_disco()))

    def __len__(self) -> int:
        return len(set(self.memoria) | self._en_disco())

    def podar(self) -> int:
        """Borra del disco los PDF que nadie usó desde que se abrió esta caché (también los de
        otras versiones del generador); devuelve cuántos."""
        return self.espacio.podar()
