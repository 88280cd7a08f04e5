"""Un documento de ``datos/`` a un libro XLSX: una hoja por clase de registro.

Cada hoja tiene la fila 1 de encabezados (el campo, p. ej. ``calendario.estado``) fija al
desplazarse, filtros, y listas desplegables donde el vocabulario es cerrado: estatus, estados
del calendario y demás opciones del esquema, meses, áreas, órganos e instituciones del catálogo,
y el registro al que pertenece una fila de una hoja hija. Las hojas «Instrucciones» y
«Columnas» explican el libro y cada columna (con las descripciones del esquema); «Listas»
(oculta) guarda las opciones de las listas desplegables.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, validar_arbol
from programas_spen.carga.lector_yaml import leer_texto, normalizar
from programas_spen.hoja.canonico import leer_archivo_texto
from programas_spen.hoja.disposicion import (
    HOJA_COLUMNAS,
    HOJA_INSTRUCCIONES,
    HOJA_LISTAS,
    Columna,
    Hoja,
    hojas_del_documento,
)
from programas_spen.hoja.vocabularios import Catalogo, meses
from programas_spen.modelo.problemas import Informe

#: Filas con lista desplegable en cada hoja (las que quepan de sobra en un documento).
FILAS_CON_LISTA = 2000
#: Formato de las celdas de fecha.
FORMATO_FECHA = "yyyy-mm-dd"

INSTRUCCIONES = (
    "Libro de un documento de Programas del SPEN: una hoja por clase de registro.",
    "Cada fila es un registro; cada columna, un campo (los nombres son los del archivo YAML).",
    "La hoja «Columnas» explica cada columna: qué va, si es obligatoria y cómo se escribe.",
    "Copie el texto de la fuente tal cual (erratas incluidas); lo que la fuente no da, déjelo vacío.",
    "Las columnas con lista desplegable solo admiten sus opciones (estatus, meses, áreas…).",
    "Fechas: celdas de fecha (AAAA-MM-DD). Meses: AAAA-MM. Varios meses o ids en una celda: "
    "separados por comas. Listas de textos: un elemento por línea (Alt+Intro).",
    "Las hojas hijas (p. ej. «Actividades») dicen en «pertenece_a» el id del registro padre.",
    "No combine celdas, no añada filas de totales ni fórmulas, no cambie el nombre de las hojas "
    "ni de las columnas: «hoja importar» lo señalaría, con la hoja y la celda, y no escribiría nada.",
    "Para volver al YAML: programas-spen hoja importar LIBRO.xlsx datos/<institución>/<año>/<id>.yml",
)


def registros(hoja: Hoja, documento: dict[str, Any]) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Los registros de ``hoja`` en el documento, cada uno con la clave de su registro padre
    (``None`` en las hojas que cuelgan del documento)."""
    if hoja.padre is None:
        yield None, documento
        return
    for _, padre in registros(hoja.padre, documento):
        lista = valor_en(padre, hoja.relativa)
        clave = padre.get(hoja.padre.clave) if hoja.padre.clave and hoja.padre.ruta else None
        for registro in lista if isinstance(lista, list) else []:
            yield clave, registro


def valor_en(registro: Any, campo: tuple[str, ...]) -> Any:
    """El valor de ``campo`` (ruta) en ``registro``; ``None`` si no está."""
    for paso in campo:
        if not isinstance(registro, dict) or paso not in registro:
            return None
        registro = registro[paso]
    return registro


def _bloque(bloque: Any, columna: Columna) -> Any:
    if not isinstance(bloque, dict) or not bloque:
        return None
    clase, contenido = next(iter(bloque.items()))
    nombre = columna.campo[0]
    if nombre == "clase":
        return clase
    if clase == "encabezado" and isinstance(contenido, dict):
        return contenido.get("texto") if nombre == "texto" else contenido.get("nivel")
    if nombre == "nivel":
        return None
    if clase in ("lista", "lista_numerada") and isinstance(contenido, list):
        return "\n".join(str(e) for e in contenido)
    return _escalar(contenido)


def _escalar(valor: Any) -> Any:
    """Un valor que cabe en una celda: un objeto o una lista, en JSON."""
    if isinstance(valor, dict | list):
        return json.dumps(valor, ensure_ascii=False)
    return valor


def celda(columna: Columna, valor: Any) -> Any:
    """El valor de la celda para el valor del campo. Un valor que no es de la clase de la
    columna (un documento a medio llenar) se escribe tal cual, y al importar se señala."""
    if valor is None:
        return None
    if columna.clase == "lista" and isinstance(valor, list):
        return ("\n" if columna.por_linea else ", ").join(str(v) for v in valor)
    if columna.clase == "fecha" and isinstance(valor, str):
        try:
            return dt.date.fromisoformat(valor)
        except ValueError:
            return valor
    if columna.clase == "json":
        return json.dumps(valor, ensure_ascii=False)
    return _escalar(valor)


def _fila(hoja: Hoja, clave: Any, registro: dict[str, Any]) -> list[Any]:
    valores = []
    for columna in hoja.columnas:
        if columna.clase == "padre":
            valores.append(clave)
        elif hoja.bloques:
            valores.append(_bloque(registro, columna))
        else:
            valores.append(celda(columna, valor_en(registro, columna.campo)))
    return valores


class _Listas:
    """La hoja oculta con las opciones de las listas desplegables, una columna por lista."""

    def __init__(self, hoja: Worksheet) -> None:
        self.hoja = hoja
        self.rangos: dict[tuple[str, ...], str] = {}

    def rango(self, nombre: str, opciones: list[str]) -> str:
        clave = (nombre, *opciones)
        if clave not in self.rangos:
            numero = len(self.rangos) + 1
            letra = get_column_letter(numero)
            self.hoja.cell(1, numero, nombre)
            for fila, opcion in enumerate(opciones, start=2):
                self.hoja.cell(fila, numero, opcion).data_type = "s"
            fin = max(2, len(opciones) + 1)
            self.rangos[clave] = f"{quote_sheetname(HOJA_LISTAS)}!${letra}$2:${letra}${fin}"
        return self.rangos[clave]


def _opciones(columna: Columna, documento: dict[str, Any], catalogo: Catalogo | None,
              anio: int) -> tuple[str, list[str]] | None:
    """El nombre y las opciones de la lista desplegable de ``columna`` (``None``: sin lista)."""
    if columna.clase == "opcion":
        return columna.nombre, list(columna.opciones)
    if columna.clase == "booleano":
        return "verdadero o falso", ["VERDADERO", "FALSO"]
    if columna.clase == "mes":
        return "meses", meses(anio)
    if columna.catalogo and catalogo is not None:
        institucion = documento.get("institucion") if columna.catalogo != "instituciones" else None
        # primero los de la institución del documento; después los demás (un documento puede
        # nombrar un órgano de otra, como el Consejo General del INE)
        propios = catalogo.ids(columna.catalogo, institucion if isinstance(institucion, str) else None)
        otros = [i for i in catalogo.ids(columna.catalogo) if i not in propios]
        return f"{columna.catalogo} ({institucion or 'todas'})", propios + otros
    return None


def _validacion(hoja: Worksheet, columna_numero: int, formula: str, titulo: str) -> None:
    letra = get_column_letter(columna_numero)
    validacion = DataValidation(type="list", formula1=f"={formula}", allow_blank=True,
                                showErrorMessage=True, errorTitle="Valor no admitido",
                                error=f"Elija un valor de la lista ({titulo}).")
    validacion.add(f"{letra}2:{letra}{FILAS_CON_LISTA}")
    hoja.add_data_validation(validacion)


def _anchura(columna: Columna) -> int:
    if columna.clase in ("texto", "lista", "json") and not columna.forma and columna.campo[-1:] not in (
            ("seccion",), ("tabla",), ("numeral",)):
        return 60
    return 16


def _escribir_hoja(libro: Workbook, hoja: Hoja, documento: dict[str, Any], catalogo: Catalogo | None,
                   listas: _Listas, anio: int) -> None:
    hoja_xlsx = libro.create_sheet(hoja.nombre)
    for numero, columna in enumerate(hoja.columnas, start=1):
        encabezado = hoja_xlsx.cell(1, numero, columna.nombre)
        encabezado.font = Font(bold=True)
        hoja_xlsx.column_dimensions[get_column_letter(numero)].width = _anchura(columna)
        if columna.clase == "padre" and hoja.padre is not None and hoja.padre.clave:
            padre = hoja.padre.columna(hoja.padre.clave)
            if padre is not None:
                letra = get_column_letter(hoja.padre.columnas.index(padre) + 1)
                _validacion(hoja_xlsx, numero, f"{quote_sheetname(hoja.padre.nombre)}!${letra}$2:"
                            f"${letra}${FILAS_CON_LISTA}", f"un {hoja.padre.clave} de «{hoja.padre.nombre}»")
            continue
        opciones = _opciones(columna, documento, catalogo, anio)
        if opciones:
            _validacion(hoja_xlsx, numero, listas.rango(*opciones), opciones[0])
    ajuste = Alignment(wrap_text=True, vertical="top")
    for clave, registro in registros(hoja, documento):
        fila = hoja_xlsx.max_row + 1
        for numero, valor in enumerate(_fila(hoja, clave, registro), start=1):
            if valor is None:
                continue
            celda_xlsx = hoja_xlsx.cell(fila, numero, valor)
            if isinstance(valor, str):
                celda_xlsx.data_type = "s"  # un texto que empieza con «=» no es una fórmula
                celda_xlsx.alignment = ajuste
            elif isinstance(valor, dt.date):
                celda_xlsx.number_format = FORMATO_FECHA
    hoja_xlsx.freeze_panes = "A2"
    hoja_xlsx.auto_filter.ref = f"A1:{get_column_letter(len(hoja.columnas))}{max(2, hoja_xlsx.max_row)}"


def _como_se_escribe(columna: Columna) -> str:
    return {
        "texto": "texto" + (" con forma fija" if columna.forma else ""),
        "entero": "número entero", "numero": "número", "booleano": "VERDADERO o FALSO",
        "opcion": "una opción de la lista: " + ", ".join(columna.opciones),
        "mes": "mes AAAA-MM (p. ej. 2025-03; de la lista)",
        "fecha": "celda de fecha AAAA-MM-DD (no texto)",
        "lista": ("un elemento por línea" if columna.por_linea else "valores separados por comas")
        + (" (meses AAAA-MM)" if columna.elementos == "mes" else ""),
        "json": "objeto JSON, p. ej. {\"estatus\": \"concluido\"}",
        "padre": "clave del registro padre (de la lista)",
    }[columna.clase]


def _hojas_de_ayuda(libro: Workbook, hojas: tuple[Hoja, ...]) -> None:
    instrucciones = libro.active
    instrucciones.title = HOJA_INSTRUCCIONES
    for fila, linea in enumerate(INSTRUCCIONES, start=1):
        instrucciones.cell(fila, 1, linea)
    instrucciones.column_dimensions["A"].width = 120
    columnas = libro.create_sheet(HOJA_COLUMNAS)
    encabezados = ("hoja", "columna", "obligatoria", "cómo se escribe", "qué va")
    for numero, texto in enumerate(encabezados, start=1):
        columnas.cell(1, numero, texto).font = Font(bold=True)
    for hoja in hojas:
        for columna in hoja.columnas:
            descripcion = columna.descripcion or (
                "tal como lo escribe la fuente" if columna.clase in ("texto", "lista") and not columna.forma
                else "como lo da la fuente")
            if columna.catalogo:
                descripcion = (descripcion + "; " if descripcion else "") + \
                    f"id de datos/instituciones.yml ({columna.catalogo})"
            columnas.append([hoja.nombre, columna.nombre, "sí" if columna.obligatorio else "no",
                             _como_se_escribe(columna), descripcion])
    for letra, anchura in zip("ABCDE", (24, 36, 12, 40, 90), strict=True):
        columnas.column_dimensions[letra].width = anchura
    columnas.freeze_panes = "A2"


def libro_del_documento(documento: dict[str, Any], catalogo: Catalogo | None) -> Workbook:
    """El libro XLSX de un documento (ya validado contra el esquema)."""
    hojas = hojas_del_documento()
    libro = Workbook()
    _hojas_de_ayuda(libro, hojas)
    listas_hoja = libro.create_sheet(HOJA_LISTAS)
    listas = _Listas(listas_hoja)
    anio = documento.get("anio") if isinstance(documento.get("anio"), int) else 2000
    for hoja in hojas:
        _escribir_hoja(libro, hoja, documento, catalogo, listas, anio)
    libro.move_sheet(HOJA_LISTAS, offset=len(libro.sheetnames))
    listas_hoja.sheet_state = "hidden"
    libro.active = libro.sheetnames.index(hojas[0].nombre)
    return libro


def exportar(datos_yml: Path, libro_xlsx: Path, catalogo: Catalogo | None, informe: Informe) -> bool:
    """Escribe el libro de ``datos_yml`` en ``libro_xlsx``. Un documento a medio llenar (el
    esqueleto de ``nuevo``, p. ej.) también se exporta: lo que aún no cumple el esquema queda
    en ``informe`` como aviso, y al importar se señala en su celda. Un YAML que no se puede leer
    no se exporta."""
    texto = leer_archivo_texto(datos_yml, informe)
    arbol = None if texto is None else leer_texto(normalizar(texto), str(datos_yml), informe)
    if arbol is None:
        return False
    if not isinstance(arbol.datos, dict):
        informe.error(str(datos_yml), 1, 1, "el archivo no es un documento (clave: valor); se "
                      "esperaba un documento de datos/")
        return False
    pendientes = Informe()
    validar_arbol(arbol, ESQUEMA_DOCUMENTO, pendientes)
    for problema in pendientes.errores:
        informe.aviso(problema.archivo, problema.linea, problema.columna,
                      f"{problema.mensaje} (el libro se escribe igual; complételo allí)")
    libro_xlsx.parent.mkdir(parents=True, exist_ok=True)
    libro_del_documento(arbol.datos, catalogo).save(libro_xlsx)
    return True

