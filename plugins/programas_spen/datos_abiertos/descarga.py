"""Un archivo de datos abiertos que se publica: dónde está, qué es, su formato, su tamaño y su
huella SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

#: Tipo de medio (IANA) y nombre del formato por extensión del archivo.
FORMATOS: dict[str, tuple[str, str]] = {
    ".csv": ("text/csv", "CSV"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    ".zip": ("application/zip", "ZIP"),
    ".atom": ("application/atom+xml", "Atom"),
    ".schema.json": ("application/schema+json", "JSON Schema"),
    ".json": ("application/json", "JSON"),
    "SHA256SUMS": ("text/plain", "SHA256SUMS"),
}


@dataclass(frozen=True)
class Descarga:
    """Un archivo publicado: ``ruta`` en el sitio, título y descripción para las personas,
    formato, tipo de medio, tamaño en bytes, SHA-256 y el nombre con que se guarda al
    descargarlo (único entre documentos)."""

    ruta: str
    titulo: str
    descripcion: str
    formato: str
    tipo_medio: str
    bytes: int
    sha256: str
    nombre_descarga: str


def formato_de(ruta: str) -> tuple[str, str]:
    """(tipo de medio, formato) de un archivo por su nombre."""
    for final, formato in FORMATOS.items():
        if ruta.endswith(final):
            return formato
    raise ValueError(f"formato desconocido: {ruta}")


def descarga(ruta: str, contenido: bytes, titulo: str, descripcion: str,
             nombre_descarga: str | None = None) -> Descarga:
    """La ficha de un archivo a partir de su contenido."""
    tipo_medio, formato = formato_de(ruta)
    return Descarga(ruta, titulo, descripcion, formato, tipo_medio, len(contenido),
                    hashlib.sha256(contenido).hexdigest(), nombre_descarga or ruta.rsplit("/", 1)[-1])
