"""El Data Package con ``frictionless validate`` y la revisión de cada fila contra el esquema
de su tabla antes de publicar."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from frictionless import validate

from programas_spen.datos_abiertos import integridad
from programas_spen.datos_abiertos.esquema_tabla import Origen, Tabla
from programas_spen.datos_abiertos.tablas import COMPROMISOS, ESQUEMAS
from programas_spen.sitio import urls
from programas_spen.sitio.construir import DatosInvalidos, construir_sitio

from .. import datos_prueba


def test_frictionless_valida_el_paquete_real(carpeta_real: Path) -> None:
    """``frictionless validate`` sobre ``datapackage.json``: cada tabla y el diccionario pasan
    (tipos, restricciones, clave primaria, claves foráneas, tamaño y SHA-256)."""
    paquete = carpeta_real / urls.datos_sitio("datapackage.json")
    informe = validate(str(paquete))
    errores = informe.flatten(["type", "message"])
    assert informe.valid, errores[:10]
    assert informe.stats["tasks"] == len(ESQUEMAS) + 1
    descripcion = json.loads(paquete.read_text("utf-8"))
    assert descripcion["licenses"][0]["path"] == "https://datos.gob.mx/libreusomx"
    recursos = {r["name"]: r for r in descripcion["resources"]}
    assert recursos["compromisos"]["schema"]["primaryKey"] == ["documento", "id"]
    assert {"fields": ["area"], "reference": {"resource": "areas", "fields": ["id"]}} in \
        recursos["compromisos"]["schema"]["foreignKeys"]


def test_frictionless_ve_una_clave_foranea_rota(carpeta_real: Path, tmp_path: Path) -> None:
    """Con un área inexistente en un compromiso, frictionless señala la clave foránea rota: las
    claves del Table Schema se comprueban de verdad."""
    copia = shutil.copytree(carpeta_real / "datos", tmp_path / "datos")
    ruta = copia / "csv" / "compromisos.csv"
    filas = list(csv.reader(io.StringIO(ruta.read_text("utf-8"), newline="")))
    filas[1][filas[0].index("area")] = "area-que-no-existe"
    salida = io.StringIO(newline="")
    csv.writer(salida, lineterminator="\r\n").writerows(filas)
    ruta.write_text(salida.getvalue(), encoding="utf-8", newline="")
    paquete = json.loads((copia / "datapackage.json").read_text("utf-8"))
    for recurso in paquete["resources"]:
        if recurso["name"] == "compromisos":
            del recurso["hash"], recurso["bytes"]
    (copia / "datapackage.json").write_text(json.dumps(paquete), encoding="utf-8")
    informe = validate(str(copia / "datapackage.json"))
    assert not informe.valid
    assert [t for t, n in informe.flatten(["type", "name"]) if t == "foreign-key"] == ["foreign-key"]


def test_fila_que_rompe_su_esquema_nombra_tabla_y_fila() -> None:
    """Cada valor que no cumple su columna, una clave repetida y una clave foránea rota: un
    error por problema, con la tabla, la fila, su clave, el archivo y la línea."""
    buena = ("doc", "compromiso-01", 1, "cspen-2024-03-13", "13/03/2024", "2024-03-13", "Texto.", "dp", "DP.",
             "Avance.", "concluido", "Concluido", 100.0, *([None] * 7))
    mala = ("doc", "compromiso-02", "uno", "cspen-2024-03-13", "13/03/2024", "2024-02-30", "Texto.", "area-x",
            "DP.", "Avance.", "terminado", "Concluido", 120.0, *([None] * 7))
    repetida = buena
    tabla = Tabla(COMPROMISOS, (buena, mala, repetida), (Origen("datos/x.yml", 10), Origen("datos/x.yml", 20),
                                                          Origen("datos/x.yml", 30)))
    areas = Tabla(next(e for e in ESQUEMAS if e.nombre == "areas"), (("dp", "DP", "ine", None, [], None),),
                  (Origen("datos/instituciones.yml", 5),))
    documentos = Tabla(next(e for e in ESQUEMAS if e.nombre == "documentos"), (), ())
    informe = integridad.comprobar({"compromisos": tabla, "areas": areas, "documentos": documentos})
    mensajes = [str(p) for p in informe.errores]
    prefijo = "datos/x.yml:20: error: tabla «compromisos», fila 2 (documento=doc, id=compromiso-02): "
    assert prefijo + "la columna «numero» tiene «'uno'»; se esperaba número entero" in mensajes
    assert prefijo + "la columna «fecha_texto» tiene «'2024-02-30'»; se esperaba fecha (AAAA-MM-DD)" in mensajes
    assert any(m.startswith(prefijo + "la columna «estatus» tiene «terminado»; se esperaba uno de:") for m in mensajes)
    assert prefijo + "la columna «porcentaje» tiene 120.0; se esperaba a lo más 100" in mensajes
    assert prefijo + "(area) = (area-x) no existe en (id) de la tabla «areas»" in mensajes
    assert ("datos/x.yml:30: error: tabla «compromisos», fila 3 (documento=doc, id=compromiso-01): repite la clave "
            "primaria de la fila 1") in mensajes
    assert sum("(documento) = (doc) no existe" in m for m in mensajes) == 3
    with pytest.raises(integridad.TablasInvalidas):
        integridad.exigir({"compromisos": tabla, "areas": areas, "documentos": documentos})


def test_acuerdo_repetido_detiene_la_construccion(tmp_path: Path) -> None:
    """Un documento que declara dos veces el mismo acuerdo pasa la validación de los datos pero
    no la tabla «acuerdos» (clave primaria documento, número): la construcción se detiene con
    el error en español, con archivo y línea, sin publicar nada."""
    archivos = datos_prueba.cambiar(datos_prueba.archivos_base(), datos_prueba.INFORME, "acuerdos:\n  - numero: "
                                    "INE/JGE38/2024", "acuerdos:\n  - numero: INE/JGE38/2024\n    organo: jge\n"
                                    "    fuente:\n      seccion: Otra\n  - numero: INE/JGE38/2024")
    carpeta = datos_prueba.escribir(tmp_path, archivos)
    with pytest.raises(DatosInvalidos) as error:
        construir_sitio(carpeta, anexos_pdf=False)
    linea = datos_prueba.linea_de(archivos[datos_prueba.INFORME], "  - numero: INE/JGE38/2024", 2)
    [mensaje] = [str(p) for p in error.value.informe.errores]
    assert re.fullmatch(rf"datos/{datos_prueba.INFORME}:{linea}: error: tabla «acuerdos», fila (\d+) \(documento="
                        r"informe-2024, numero=INE/JGE38/2024\): repite la clave primaria de la fila (\d+)", mensaje)
