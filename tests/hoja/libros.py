"""Ayudas de las pruebas de ``hoja/``: libros de los documentos de prueba y sus celdas.

Las celdas se buscan por el encabezado de su columna y el id de su registro, nunca por su
letra o su número escritos a mano: si el esquema gana una columna, las pruebas siguen valiendo.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from programas_spen.hoja.exportar import exportar
from programas_spen.hoja.importar import importar
from programas_spen.hoja.vocabularios import Catalogo, leer_catalogo
from programas_spen.modelo.problemas import Informe
from tests.datos_prueba import archivos_base, escribir


def preparar(tmp_path: Path, documento: str) -> tuple[Path, Path, Catalogo]:
    """Escribe los datos de prueba y exporta ``documento``: (su YAML, su libro, el catálogo)."""
    datos = escribir(tmp_path, archivos_base())
    informe = Informe()
    catalogo = leer_catalogo(datos, informe)
    assert catalogo is not None, informe.texto()
    libro = tmp_path / "libro.xlsx"
    assert exportar(datos / documento, libro, catalogo, informe), informe.texto()
    return datos / documento, libro, catalogo


def columna(hoja: Worksheet, encabezado: str) -> int:
    """El número de la columna de ``encabezado`` (fila 1)."""
    for celda in hoja[1]:
        if celda.value == encabezado:
            return celda.column
    raise AssertionError(f"no hay columna {encabezado} en {hoja.title}")


def fila(hoja: Worksheet, valor: str, encabezado: str = "id") -> int:
    """El número de la fila cuyo ``encabezado`` vale ``valor``."""
    numero = columna(hoja, encabezado)
    for celdas in hoja.iter_rows(min_row=2):
        if celdas[numero - 1].value == valor:
            return celdas[0].row
    raise AssertionError(f"no hay fila con {encabezado}={valor} en {hoja.title}")


def celda(hoja: Worksheet, valor: str, encabezado: str, clave: str = "id") -> str:
    """La coordenada (p. ej. «C7») de la celda ``encabezado`` del registro ``valor``."""
    return hoja.cell(fila(hoja, valor, clave), columna(hoja, encabezado)).coordinate


def importar_roto(libro: Path, libro_roto: Workbook, destino: Path, catalogo: Catalogo) -> list[str]:
    """Guarda el libro cambiado, lo importa y devuelve los mensajes de error (comprueba que no
    se escribió nada)."""
    libro_roto.save(libro)
    informe = Informe()
    assert not importar(libro, destino, catalogo, informe)
    assert not destino.exists()
    assert informe.errores and not informe.avisos
    assert all(p.archivo == str(libro) for p in informe.problemas)
    return [p.mensaje for p in informe.problemas]


def abrir(libro: Path) -> Workbook:
    """El libro, para cambiarlo."""
    return load_workbook(libro)
