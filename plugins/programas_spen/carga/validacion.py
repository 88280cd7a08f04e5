"""Carga y validación completa de ``datos/``: esquema, referencias y coherencia.

``cargar_datos`` devuelve el modelo y el informe de problemas. Todos los problemas salen de
una sola pasada; si hay algún error, ``Resultado.datos`` es ``None`` y nada debe publicarse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from programas_spen.carga import coherencia
from programas_spen.carga.lector_yaml import Arbol, archivos_de_datos
from programas_spen.carga.lectura import leer_todos
from programas_spen.carga.referencias import (
    Indice,
    comprobar_catalogo,
    comprobar_documento,
    indexar_catalogo,
    indexar_documento,
)
from programas_spen.modelo.problemas import Informe
from programas_spen.modelo.registros import Catalogo, Datos, Documento
from programas_spen.recolector import sin_recolector

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


def cargar_datos(directorio: Path, paralelo: bool | None = None,
                 cache: Path | None = None) -> Resultado:
    """Lee, valida y enlaza todos los archivos de ``directorio``. ``paralelo``: leer en dos
    procesos (``None``: si hay muchos datos y más de un núcleo; ver ``lectura``). ``cache``:
    carpeta donde guardar y tomar los árboles ya leídos (ver ``cache_arboles``)."""
    with sin_recolector():
        return _cargar(Path(directorio), paralelo, cache)


def _cargar(directorio: Path, paralelo: bool | None, cache: Path | None) -> Resultado:
    informe = Informe()
    directorio = Path(directorio)
    base = directorio.parent
    if not directorio.is_dir():
        informe.error(str(directorio), 0, 0, "no existe el directorio de datos; se esperaba "
                      "una carpeta con instituciones.yml y los documentos")
        return Resultado(None, informe)
    catalogo_ruta = directorio / ARCHIVO_CATALOGO
    arbol_catalogo: Arbol | None = None
    catalogo = Catalogo()
    arboles: list[Arbol] = []
    documentos: list[Documento] = []
    for leido in leer_todos(archivos_de_datos(directorio), base, catalogo_ruta, informe,
                            paralelo, cache):
        if leido.arbol is None:
            continue
        if leido.ruta == catalogo_ruta:
            arbol_catalogo = leido.arbol
            catalogo = Catalogo(archivo=leido.arbol.archivo)
            if isinstance(leido.registro, Catalogo):
                catalogo = leido.registro
        else:
            arboles.append(leido.arbol)
            if isinstance(leido.registro, Documento):
                _ubicacion(leido.arbol, leido.registro, directorio.name, informe)
                documentos.append(leido.registro)
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

    documentos.sort(key=lambda d: (d.institucion != "ine", d.institucion, d.anio, d.id))
    datos = Datos(catalogo=catalogo, documentos=tuple(documentos))
    coherencia.revisar(datos, informe)
    return Resultado(None if informe.errores else datos, informe)
