"""Integridad de los anexos: la ficha de cada anexo (ruta, tamaño, páginas y SHA-256) y las
listas que se publican con ellas, legibles por máquina y verificables con ``sha256sum -c``."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class FichaAnexo:
    """Lo que se publica de un anexo: dónde está, cómo citarlo y su huella.

    ``ruta_pdf``, ``sha256``, ``bytes`` y ``paginas`` son ``None`` cuando la construcción no
    genera los PDF (opción ``anexos_pdf: false``) y cuando el PDF está en preparación
    (``pdf_pendiente``: la vista previa de ``mkdocs serve`` lo genera aparte, ver
    ``pdf_en_fondo``; nunca en una construcción que se publica). Las URL son absolutas y
    permanentes."""

    documento: str
    titulo: str
    ruta_vista: str
    url_pagina: str
    url_vista: str
    cita: str
    acuerdo: str | None = None
    url_corta: str | None = None
    ruta_pdf: str | None = None
    url_pdf: str | None = None
    sha256: str | None = None
    bytes: int | None = None
    paginas: int | None = None
    pdf_pendiente: bool = False


def sha256(contenido: bytes) -> str:
    """Huella SHA-256 en hexadecimal."""
    return hashlib.sha256(contenido).hexdigest()


def tamano_legible(octetos: int) -> str:
    """Tamaño en español, con coma decimal: 1234 → «1,2 kB»; 2_500_000 → «2,4 MB»."""
    if octetos < 1024:
        return f"{octetos} B"
    for unidad, divisor in (("kB", 1024), ("MB", 1024 ** 2)):
        valor = octetos / divisor
        if valor < 1024 or unidad == "MB":
            return f"{valor:.1f} {unidad}".replace(".", ",")
    raise AssertionError("inalcanzable")


def lista_json(fichas: list[FichaAnexo]) -> bytes:
    """La lista de anexos en JSON (orden y formato estables), para ``/anexos/anexos.json``."""
    cuerpo = {
        "descripcion": "Anexos listos para la Gaceta Electoral: uno por documento, con la URL "
                       "permanente de su página, su PDF y la huella SHA-256 del PDF.",
        # ``pdf_pendiente`` solo aparece en la vista previa, cuando es cierto
        "anexos": [{k: v for k, v in asdict(f).items() if k != "pdf_pendiente" or v}
                   for f in fichas],
    }
    return (json.dumps(cuerpo, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def sumas(fichas: list[FichaAnexo]) -> bytes:
    """Huellas en el formato de ``sha256sum`` (``<huella>  <ruta>``), rutas desde la raíz del
    sitio: en una copia del sitio, ``sha256sum -c anexos/SHA256SUMS`` desde la raíz las verifica."""
    lineas = [f"{f.sha256}  {f.ruta_pdf}" for f in fichas if f.sha256 and f.ruta_pdf]
    return ("\n".join(lineas) + "\n").encode("ascii") if lineas else b""
