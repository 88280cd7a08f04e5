"""Las tablas como un libro de Excel (XLSX, con openpyxl): una hoja «léame» y una hoja por tabla.

Todo texto se guarda como texto (``data_type == "s"``), aunque empiece con ``=``, ``+``, ``-``
o ``@``: ninguna celda es una fórmula. Las fechas son fechas de la hoja de cálculo (formato
AAAA-MM-DD), los números números y «no dado en la fuente» texto. Los caracteres de control que
XML no admite (raros en un texto; nunca en los de hoy) se escriben como «�».

El mismo contenido da los mismos bytes: las fechas de creación y modificación del libro son
la fecha de los datos (``fecha``), nunca el reloj, y el ZIP del libro se vuelve a empaquetar
con fechas fijas (``zip_descargas``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from programas_spen.datos_abiertos.esquema_tabla import NO_DADO, Columna, Tabla, Valor
from programas_spen.datos_abiertos.hojas_csv import texto_json
from programas_spen.datos_abiertos.zip_descargas import reempaquetar

AUTOR = "Programas del SPEN"
_NEGRITAS = Font(bold=True)


def _texto(hoja: object, valor: str, negritas: bool = False) -> WriteOnlyCell:
    celda = WriteOnlyCell(hoja, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", valor))
    celda.data_type = "s"
    if negritas:
        celda.font = _NEGRITAS
    return celda


def _celda(hoja: object, columna: Columna, valor: Valor) -> WriteOnlyCell:
    if valor is None:
        return _texto(hoja, NO_DADO)
    if isinstance(valor, (dict, list)):
        return _texto(hoja, texto_json(valor))
    if isinstance(valor, str):
        if columna.tipo == "date":
            celda = WriteOnlyCell(hoja, value=date.fromisoformat(valor))
            celda.number_format = "yyyy-mm-dd"
            return celda
        return _texto(hoja, valor)
    return WriteOnlyCell(hoja, value=valor)


def escribir_xlsx(tablas: Sequence[Tabla], leame: Sequence[str], fecha: str) -> bytes:
    """El libro: la hoja «leame» (un párrafo por fila) y una hoja por tabla, con los
    encabezados en negritas. ``fecha`` (AAAA-MM-DD): la de los datos, para los metadatos."""
    libro = Workbook(write_only=True)
    momento = datetime.fromisoformat(fecha)
    libro.properties.creator = AUTOR
    libro.properties.lastModifiedBy = AUTOR
    libro.properties.created = momento
    libro.properties.modified = momento
    libro.properties.language = "es-MX"
    hoja = libro.create_sheet("leame")
    for parrafo in leame:
        hoja.append([_texto(hoja, parrafo)])
    for tabla in tablas:
        hoja = libro.create_sheet(tabla.nombre[:31])
        hoja.freeze_panes = "A2"
        hoja.append([_texto(hoja, nombre, negritas=True) for nombre in tabla.esquema.nombres])
        columnas = tabla.esquema.columnas
        for fila in tabla.filas:
            hoja.append([_celda(hoja, c, v) for c, v in zip(columnas, fila, strict=True)])
    salida = io.BytesIO()
    ExcelWriter(libro, ZipFile(salida, "w", ZIP_DEFLATED)).save()
    return reempaquetar(salida.getvalue(), fecha)
