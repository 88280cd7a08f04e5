"""Los ZIP que se publican, con los mismos bytes para el mismo contenido: entradas en orden,
fecha fija (la de los datos, nunca el reloj), permisos fijos y compresión fija.

También vuelve a empaquetar un ZIP ya hecho (el XLSX que escribe openpyxl, cuyas entradas
llevan la hora de escritura) con esas mismas reglas.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

#: Unix: así los permisos (0644) se leen igual en cualquier sistema.
_SISTEMA_UNIX = 3


def _fecha_zip(fecha: str) -> tuple[int, int, int, int, int, int]:
    """AAAA-MM-DD → la fecha de una entrada de ZIP, a medianoche (el formato no admite antes
    de 1980)."""
    anio, mes, dia = int(fecha[:4]), int(fecha[5:7]), int(fecha[8:10])
    return (max(anio, 1980), mes, dia, 0, 0, 0)


def empaquetar(archivos: Iterable[tuple[str, bytes]], fecha: str) -> bytes:
    """Un ZIP con los archivos (nombre, contenido) en el orden dado, todos con fecha ``fecha``
    (AAAA-MM-DD)."""
    salida = io.BytesIO()
    with ZipFile(salida, "w") as archivo:
        for nombre, contenido in archivos:
            info = ZipInfo(nombre, date_time=_fecha_zip(fecha))
            info.compress_type = ZIP_DEFLATED
            info.create_system = _SISTEMA_UNIX
            info.external_attr = 0o100644 << 16
            archivo.writestr(info, contenido, compress_type=ZIP_DEFLATED, compresslevel=9)
    return salida.getvalue()


def reempaquetar(zip_hecho: bytes, fecha: str) -> bytes:
    """El mismo ZIP, entrada por entrada y en el mismo orden, con las reglas de ``empaquetar``."""
    with ZipFile(io.BytesIO(zip_hecho)) as archivo:
        entradas = [(info.filename, archivo.read(info)) for info in archivo.infolist()]
    return empaquetar(entradas, fecha)
