"""Carga y validación completa de ``datos/``: esquema, referencias y coherencia.

``cargar_datos`` devuelve el modelo y el informe de problemas. Todos los problemas salen de
una sola pasada; si hay algún error, ``Resultado.datos`` es ``None`` y nada debe publicarse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import coherencia
from .carga import Arbol, archivos_de_datos, leer_archivo
from .construccion import construir
from .esquema import ESQUEMA_DOCUMENTO, ESQUEMA_INSTITUCIONES, validar_arbol
from .modelo import Catalogo, Datos, Documento
from .problemas import Informe
from .referencias import (
    Indice,
    comprobar_catalogo,
    comprobar_documento,
    indexar_catalogo,
    indexar_documento,
)

ARCHIVO_CATALOGO = "instituciones.yml"


@dataclass(frozen=True)
class Resultado:
    """El modelo (si no hubo errores) y el informe de la carga."""

    datos: Datos | None
    informe: Informe


def _ubicacion(arbol: Arbol, doc: Documento, carpeta: str, informe: Informe) -> None:
    esperado = f"{doc.institucion}/{doc.anio}/{doc.id}.yml"
    if arbol.archivo != f"{carpeta}/{esperado}":
        linea, columna = arbol.posicion(("id",))
        informe.error(arbol.archivo, linea, columna,
                      f"el archivo está en «{arbol.archivo}»; se esperaba "
                      f"«datos/{esperado}» (institución/año/id.yml)")


def cargar_datos(directorio: Path) -> Resultado:
    """Lee, valida y enlaza todos los archivos de ``directorio``."""
    informe = Informe()
    directorio = Path(directorio)
    base = directorio.parent
    if not directorio.is_dir():
        informe.error(str(directorio), 0, 0, "no existe el directorio de datos; se esperaba "
                      "una carpeta con instituciones.yml y los documentos")
        return Resultado(None, informe)
    catalogo_ruta = directorio / ARCHIVO_CATALOGO
    arbol_catalogo: Arbol | None = None
    validos: dict[str, bool] = {}
    arboles: list[Arbol] = []
    for ruta in archivos_de_datos(directorio):
        arbol = leer_archivo(ruta, base, informe)
        if arbol is None:
            continue
        if ruta == catalogo_ruta:
            arbol_catalogo = arbol
            validos[arbol.archivo] = validar_arbol(arbol, ESQUEMA_INSTITUCIONES, informe)
        else:
            arboles.append(arbol)
            validos[arbol.archivo] = validar_arbol(arbol, ESQUEMA_DOCUMENTO, informe)
    if not catalogo_ruta.exists():
        informe.error(f"{directorio.name}/{ARCHIVO_CATALOGO}", 0, 0,
                      "falta el catálogo de instituciones, órganos y áreas; se esperaba "
                      f"el archivo {directorio.name}/{ARCHIVO_CATALOGO}")

    indice = Indice()
    if arbol_catalogo is not None:
        indexar_catalogo(arbol_catalogo, indice, informe)
    for arbol in arboles:
        indexar_documento(arbol, indice, informe)
    if arbol_catalogo is not None:
        comprobar_catalogo(arbol_catalogo, indice, informe)
    for arbol in arboles:
        comprobar_documento(arbol, indice, informe)

    catalogo = Catalogo(archivo=arbol_catalogo.archivo if arbol_catalogo else "")
    if arbol_catalogo is not None and validos[arbol_catalogo.archivo]:
        catalogo = construir(Catalogo, arbol_catalogo.datos, (), arbol_catalogo,
                             {"archivo": arbol_catalogo.archivo})
    documentos = []
    for arbol in arboles:
        if not validos[arbol.archivo]:
            continue
        doc = construir(Documento, arbol.datos, (), arbol,
                        {"documento": arbol.datos["id"], "archivo": arbol.archivo})
        _ubicacion(arbol, doc, directorio.name, informe)
        documentos.append(doc)
    documentos.sort(key=lambda d: (d.institucion != "ine", d.institucion, d.anio, d.id))
    datos = Datos(catalogo=catalogo, documentos=tuple(documentos))
    coherencia.revisar(datos, informe)
    return Resultado(None if informe.errores else datos, informe)
