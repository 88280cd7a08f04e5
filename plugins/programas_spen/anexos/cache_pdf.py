"""PDF de los anexos guardados entre construcciones: en memoria (``mkdocs serve``) y en disco.

Generar un PDF con WeasyPrint cuesta alrededor de un segundo por documento: a escala nacional
(unos 2 000 documentos) más de media hora en una construcción desde cero. El mismo HTML da el
mismo PDF byte a byte, así que cada PDF se guarda con la huella de su HTML como nombre, y la
siguiente construcción solo genera los de los documentos cuyo anexo cambió.

En disco, cada entrada son dos archivos, ``<huella>.pdf`` y ``<huella>.json`` (páginas y
avisos de WeasyPrint), dentro de una carpeta por versión del generador (WeasyPrint, pydyf, el
código de ``exportar.pdf`` y los archivos de fuente del sistema, ver ``huella_fuentes``): otra
versión no usa los PDF de la anterior. Una entrada dañada o ilegible cuenta como ausente, y si
la carpeta no se puede escribir los PDF se guardan solo en memoria.
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

#: Donde fontconfig busca fuentes con su configuración de Debian (``/etc/fonts/fonts.conf``).
CARPETAS_FUENTES = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                    Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts")


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


class CachePdf(MutableMapping[str, PdfGenerado]):
    """PDF por huella del HTML: primero ``memoria`` (un dict que puede durar todo el proceso),
    después ``carpeta/<versión>/``."""

    def __init__(self, carpeta: Path, memoria: dict[str, PdfGenerado] | None = None) -> None:
        self.carpeta = Path(carpeta) / version_generador()
        self.memoria = memoria if memoria is not None else {}

    def _rutas(self, clave: str) -> tuple[Path, Path]:
        if not clave.isalnum():  # las claves son huellas hexadecimales
            raise KeyError(clave)
        return self.carpeta / f"{clave}.pdf", self.carpeta / f"{clave}.json"

    def __getitem__(self, clave: str) -> PdfGenerado:
        if clave in self.memoria:
            return self.memoria[clave]
        ruta_pdf, ruta_json = self._rutas(clave)
        try:
            datos = json.loads(ruta_json.read_text(encoding="utf-8"))
            contenido = ruta_pdf.read_bytes()
            if hashlib.sha256(contenido).hexdigest() != datos["sha256"]:
                raise ValueError("PDF dañado")
            generado = PdfGenerado(contenido, int(datos["paginas"]), tuple(datos["avisos"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeyError(clave) from exc
        self.memoria[clave] = generado
        return generado

    def __setitem__(self, clave: str, generado: PdfGenerado) -> None:
        self.memoria[clave] = generado
        ruta_pdf, ruta_json = self._rutas(clave)
        datos = {"paginas": generado.paginas, "avisos": list(generado.avisos),
                 "sha256": hashlib.sha256(generado.contenido).hexdigest()}
        try:
            self.carpeta.mkdir(parents=True, exist_ok=True)
            for ruta, contenido in ((ruta_pdf, generado.contenido),
                                    (ruta_json, json.dumps(datos).encode("utf-8"))):
                temporal = ruta.with_name(f"{ruta.name}.{os.getpid()}.tmp")
                temporal.write_bytes(contenido)
                os.replace(temporal, ruta)
        except OSError:
            return

    def __delitem__(self, clave: str) -> None:
        encontrada = self.memoria.pop(clave, None) is not None
        for ruta in self._rutas(clave):
            try:
                ruta.unlink()
                encontrada = True
            except OSError:
                continue
        if not encontrada:
            raise KeyError(clave)

    def _en_disco(self) -> set[str]:
        try:
            return {ruta.stem for ruta in self.carpeta.glob("*.json")}
        except OSError:
            return set()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(set(self.memoria) | self._en_disco()))

    def __len__(self) -> int:
        return len(set(self.memoria) | self._en_disco())
