"""Las tablas publicadas, leídas con el módulo ``csv`` y con openpyxl: cada documento real
tiene en cada tabla tantas filas como registros propios, y lo que la fuente no da dice «no dado
en la fuente»."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from programas_spen.datos_abiertos.esquema_tabla import NO_DADO
from programas_spen.datos_abiertos.tablas import DEL_CATALOGO, ESQUEMAS
from programas_spen.modelo.calendario import meses_de
from programas_spen.modelo.registros import Documento
from programas_spen.sitio import urls

from .. import datos_prueba
from .conftest import publicar_de


def leer_csv(ruta: Path) -> list[dict[str, str]]:
    """Las filas de un CSV publicado, con el módulo ``csv``."""
    with ruta.open(encoding="utf-8", newline="") as archivo:
        return list(csv.DictReader(archivo))


def registros(doc: Documento) -> dict[str, int]:
    """Cuántos registros de cada clase tiene el documento, contados en el modelo."""
    con_calendario = [*doc.actividades, *doc.temas, *doc.lineas_accion, *doc.fichas]
    return {
        "documentos": 1, "siglas": len(doc.siglas), "apartados": len(doc.secciones), "ejes": len(doc.ejes),
        "variantes-ejes": sum(len(e.variantes) for e in doc.ejes), "objetivos": len(doc.objetivos),
        "lineas-accion": len(doc.lineas_accion), "mecanismos": len(doc.mecanismos),
        "actividades": len(doc.actividades), "actividades-ejes": sum(len(a.ejes) for a in doc.actividades),
        "notas": sum(len(m.notas) for m in doc.mecanismos) + (len(doc.cronograma.notas) if doc.cronograma else 0),
        "temas": len(doc.temas), "cronogramas": int(doc.cronograma is not None), "fichas": len(doc.fichas),
        "sesiones-programadas": len(doc.sesiones_programadas), "integrantes": len(doc.integrantes),
        "sesiones": len(doc.sesiones), "compromisos": len(doc.compromisos),
        "compromisos-temas": sum(len(c.temas) for c in doc.compromisos),
        "compromisos-acuerdos": sum(len(c.acuerdos) for c in doc.compromisos), "acuerdos": len(doc.acuerdos),
        "puntos-acuerdos": sum(len(a.puntos) for a in doc.acuerdos),
        "firmantes": sum(len(a.firmantes) for a in doc.acuerdos), "conteos": len(doc.conteos),
        "cifras": len(doc.cifras_publicadas),
        "meses-calendario": sum(len(meses_de(r.calendario)) for r in con_calendario),
    }


def test_cada_tabla_del_documento_tiene_sus_registros(resultado_real, carpeta_real: Path) -> None:
    """Por documento real: su CSV de cada tabla (y su hoja del XLSX, y sus filas en el CSV del
    sitio) tiene una fila por registro propio; una tabla sin registros no tiene CSV."""
    tablas_de_documento = {e.nombre for e in ESQUEMAS} - DEL_CATALOGO
    for doc in resultado_real.datos.documentos:
        esperados = registros(doc)
        assert set(esperados) == tablas_de_documento
        libro = openpyxl.load_workbook(carpeta_real / urls.datos_documento(doc.id, "datos.xlsx"))
        for tabla, cuantos in esperados.items():
            propio = carpeta_real / urls.tabla_documento(doc.id, tabla)
            columna = "id" if tabla == "documentos" else "documento"
            del_sitio = [f for f in leer_csv(carpeta_real / urls.tabla_sitio(tabla)) if f[columna] == doc.id]
            assert len(del_sitio) == cuantos, (doc.id, tabla)
            if cuantos == 0:
                assert not propio.exists(), (doc.id, tabla)
                assert tabla not in libro.sheetnames
                continue
            assert len(leer_csv(propio)) == cuantos, (doc.id, tabla)
            assert libro[tabla].max_row - 1 == cuantos, (doc.id, tabla)


def test_ids_y_claves_de_los_registros(resultado_real, carpeta_real: Path) -> None:
    """Los ids de las tablas son los de los registros, y las claves foráneas sus referencias."""
    for doc in resultado_real.datos.documentos:
        actividades = leer_csv(carpeta_real / urls.tabla_sitio("actividades"))
        assert [f["id"] for f in actividades if f["documento"] == doc.id] == [a.id for a in doc.actividades]
        compromisos = [f for f in leer_csv(carpeta_real / urls.tabla_sitio("compromisos")) if f["documento"] == doc.id]
        assert [(f["id"], f["sesion"], f["area"], float(f["porcentaje"])) for f in compromisos] == [
            (c.id, c.sesion, c.area, c.porcentaje) for c in doc.compromisos]
        temas = [f for f in leer_csv(carpeta_real / urls.tabla_sitio("compromisos-temas")) if f["documento"] == doc.id]
        assert [(f["compromiso"], f"{f['tema_documento']}/{f['tema']}") for f in temas] == [
            (c.id, ref) for c in doc.compromisos for ref in c.temas]


def test_lo_que_la_fuente_no_da_es_explicito(resultado_real, carpeta_real: Path) -> None:
    """Ninguna celda de ningún CSV está vacía; la fecha que la fuente no da dice «no dado en la
    fuente»."""
    for ruta in sorted(carpeta_real.rglob("*.csv")):
        for fila in leer_csv(ruta):
            assert all(valor != "" for valor in fila.values()), (ruta, fila)
    documentos = {f["id"]: f for f in leer_csv(carpeta_real / urls.tabla_sitio("documentos"))}
    for doc in resultado_real.datos.documentos:
        assert documentos[doc.id]["fecha"] == (doc.fecha or NO_DADO)
        assert documentos[doc.id]["periodo_desde"] == (doc.periodo.desde if doc.periodo else NO_DADO)


def test_totales_del_conjunto_de_prueba(tmp_path: Path) -> None:
    """Sobre el conjunto mínimo de ``datos_prueba``, los totales exactos de algunas tablas."""
    _, publicado = publicar_de(datos_prueba.cargar(tmp_path, datos_prueba.archivos_base()))
    tablas = publicado.tablas
    assert len(tablas["documentos"].filas) == 4
    assert len(tablas["compromisos"].filas) == 2
    assert len(tablas["compromisos-acuerdos"].filas) == 1
    assert len(tablas["instituciones"].filas) == 2
    assert len(tablas["areas"].filas) == 3
    compromisos = list(csv.DictReader(io.StringIO(dict(publicado.archivos)[urls.tabla_sitio("compromisos")]
                                                  .decode("utf-8"))))
    assert [(f["id"], f["estatus"], f["porcentaje"], f["fecha_texto"]) for f in compromisos] == [
        ("compromiso-01", "concluido", "100", "2024-03-13"), ("compromiso-02", "en_curso", "75", NO_DADO)]
