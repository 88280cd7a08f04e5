"""Carga y validación completa de ``datos/``: esquema, referencias y coherencia.

``cargar_datos`` devuelve el modelo y el informe de problemas. Todos los problemas salen de
una sola pasada; si hay algún error, ``Resultado.datos`` es ``None`` y nada debe publicarse.

Cada archivo se lee (o se toma de la caché de árboles) y se valida contra su esquema sin
mirar los demás; si lo cumple, se convierte en su registro del modelo. Después se comprueban
las referencias entre archivos y la coherencia del conjunto.

**Lectura en varios procesos.** Leer el YAML con la posición de cada valor es lo más caro de
la carga. Cuando hay muchos bytes que leer (los que no están en la caché; a escala nacional,
unos 2 000 archivos y 70 MiB), los archivos se leen y se validan contra el esquema en un
``concurrent.futures.ProcessPoolExecutor`` (intérpretes nuevos, ``spawn``: nada del proceso
que construye, ni sus hilos, se copia) y este proceso recibe sus árboles. Compensa aun con
pocos núcleos: cada proceso lee con poca memoria viva, y el recolector de basura de Python
recorre mucho menos que en un proceso que ya guarda todos los árboles. Medido con dos núcleos
(datos sintéticos de ``banco/``): a escala 1/2, 11,4–11,8 s en un proceso y 5,7–5,9 s así;
a escala 1/8, 1,9–2,2 s y 1,5–1,9 s. Con pocos datos (el sitio real, las pruebas) todo se lee
aquí: arrancar los procesos (unos 0,4 s) cuesta más de lo que ahorra. El resultado (árboles,
registros y problemas, en el orden de los archivos) es el mismo en los dos casos; si los
procesos no se pueden usar, se lee aquí. Como con todo ``spawn``, un guion que llame a
``cargar_datos`` al importarse (sin ``if __name__ == "__main__":``) hace fallar los procesos,
y entonces todo se lee aquí.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from programas_spen.cache import Cache, Espacio, abrir
from programas_spen.carga import coherencia
from programas_spen.carga.construccion import construir
from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, ESQUEMA_INSTITUCIONES, validar_arbol
from programas_spen.carga.lector_yaml import Arbol, archivos_de_datos, espacio_arboles, leer_archivo
from programas_spen.carga.redirecciones import ARCHIVO_REDIRECCIONES, ESQUEMA_REDIRECCIONES, redirecciones_de
from programas_spen.carga.referencias import (
    Indice,
    comprobar_catalogo,
    comprobar_documento,
    indexar_catalogo,
    indexar_documento,
)
from programas_spen.modelo.problemas import Informe, Problema
from programas_spen.modelo.redireccion import Redireccion
from programas_spen.modelo.registros import Catalogo, Datos, Documento

log = logging.getLogger(__name__)

ARCHIVO_CATALOGO = "instituciones.yml"
#: Con menos bytes que leer que esto (los que no están en la caché), todo se lee en este
#: proceso. Medido: a escala 1/8 (8,6 MiB) los procesos ya empatan o ganan; a 1/4 y a 1/2
#: leen en la mitad de tiempo.
UMBRAL_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Resultado:
    """El modelo (si no hubo errores) y el informe de la carga."""

    datos: Datos | None
    informe: Informe


def cargar_datos(directorio: Path, cache: Cache | str | os.PathLike[str] | None = None,
                 procesos: int | None = None) -> Resultado:
    """Lee, valida y enlaza todos los archivos de ``directorio``.

    ``cache``: la carpeta de la caché (``cache.Cache``, o su ruta; ``None`` o ``""``: sin
    caché). Los árboles ya leídos se toman de su espacio ``arboles`` y los nuevos se guardan
    en él; al terminar, se borran de ese espacio los que esta carga no usó (de archivos que ya
    no existen o que cambiaron, o de otra versión del lector). La validación se hace siempre
    completa, también con los árboles de la caché.

    ``procesos``: cuántos procesos leen los archivos que no están en la caché (``None``: uno
    por núcleo si suman al menos ``UMBRAL_BYTES``, si no todo en este; ``1``: todo en este)."""
    almacen = abrir(cache)
    espacio = espacio_arboles(almacen) if almacen.activa else None
    resultado = _cargar(Path(directorio), espacio, procesos)
    if espacio is not None:
        espacio.podar()
    return resultado


@dataclass
class _Leido:
    """Un archivo leído y validado contra su esquema: su árbol (``None`` si no se pudo leer),
    si cumple el esquema y sus problemas."""

    arbol: Arbol | None
    valido: bool
    problemas: list[Problema] = field(default_factory=list)


def _leer_uno(ruta: Path, base: Path, catalogo: Path, cache: Espacio | None) -> _Leido:
    """Lee un archivo y lo valida contra su esquema, con sus problemas aparte (para juntarlos
    en el orden de los archivos, lo lea quien lo lea)."""
    informe = Informe()
    arbol = leer_archivo(ruta, base, informe, cache)
    if arbol is None:
        return _Leido(None, False, informe.problemas)
    if ruta == catalogo:
        esquema = ESQUEMA_INSTITUCIONES
    elif ruta == catalogo.with_name(ARCHIVO_REDIRECCIONES):
        esquema = ESQUEMA_REDIRECCIONES
    else:
        esquema = ESQUEMA_DOCUMENTO
    return _Leido(arbol, validar_arbol(arbol, esquema, informe), informe.problemas)


def _sin_cache(rutas: list[Path], cache: Espacio | None) -> list[Path]:
    """Las ``rutas`` cuyo árbol no está en la caché."""
    if cache is None:
        return rutas
    faltan = []
    for ruta in rutas:
        try:
            guardada = cache.ruta(cache.clave(ruta.read_bytes()))
        except OSError:
            guardada = None  # el error se informa al leerlo
        if guardada is None or not guardada.is_file():
            faltan.append(ruta)
    return faltan


def _tamano(ruta: Path) -> int:
    try:
        return ruta.stat().st_size
    except OSError:
        return 0


def _nucleos() -> int:
    """Los núcleos que este proceso puede usar."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - sin sched_getaffinity (macOS, Windows)
        return os.cpu_count() or 1


def _leer_todos(rutas: list[Path], base: Path, catalogo: Path, cache: Espacio | None,
                procesos: int | None) -> list[_Leido]:
    """Lee y valida ``rutas``, en ese orden; las que no están en la caché, en ``procesos``
    procesos si son bastantes (ver ``cargar_datos``)."""
    pendientes = [] if procesos == 1 else _sin_cache(rutas, cache)
    if procesos is None:
        procesos = _nucleos() if sum(map(_tamano, pendientes)) >= UMBRAL_BYTES else 1
    en_procesos: dict[Path, _Leido] = {}
    if procesos > 1 and len(pendientes) > 1:
        try:
            with ProcessPoolExecutor(procesos, mp_context=multiprocessing.get_context("spawn")) as grupo:
                leidos = grupo.map(_leer_uno, pendientes, repeat(base), repeat(catalogo),
                                   repeat(cache), chunksize=max(1, len(pendientes) // (8 * procesos)))
                en_procesos = dict(zip(pendientes, leidos, strict=True))
        except (BrokenProcessPool, OSError) as exc:
            log.info("no se pudo leer en %d procesos (%s); se lee en este", procesos, exc)
            en_procesos = {}
    return [en_procesos.get(ruta) or _leer_uno(ruta, base, catalogo, cache) for ruta in rutas]


def _registro(ruta: Path, catalogo: Path, leido: _Leido) -> Catalogo | Documento | None:
    """El registro del modelo de un archivo que cumple su esquema: el catálogo o un
    documento (``redirecciones.yml`` no es un registro: ver ``redirecciones_de``)."""
    arbol = leido.arbol
    if arbol is None or not leido.valido or ruta == catalogo.with_name(ARCHIVO_REDIRECCIONES):
        return None
    if ruta == catalogo:
        return construir(Catalogo, arbol.datos, (), arbol, {"archivo": arbol.archivo})
    return construir(Documento, arbol.datos, (), arbol,
                     {"documento": arbol.datos["id"], "archivo": arbol.archivo})


def _ubicacion(arbol: Arbol, doc: Documento, carpeta: str, informe: Informe) -> None:
    esperado = f"{doc.institucion}/{doc.anio}/{doc.id}.yml"
    if arbol.archivo != f"{carpeta}/{esperado}":
        linea, columna = arbol.posicion(("id",))
        informe.error(arbol.archivo, linea, columna,
                      f"el archivo está en «{arbol.archivo}»; se esperaba "
                      f"«datos/{esperado}» (institución/año/id.yml)")


def _cargar(directorio: Path, cache: Espacio | None, procesos: int | None) -> Resultado:
    informe = Informe()
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
    ilegibles: list[str] = []
    redirecciones_ruta = directorio / ARCHIVO_REDIRECCIONES
    redirecciones: tuple[Redireccion, ...] = ()
    rutas = archivos_de_datos(directorio)
    for ruta, leido in zip(rutas, _leer_todos(rutas, base, catalogo_ruta, cache, procesos),
                           strict=True):
        informe.problemas.extend(leido.problemas)
        arbol, registro = leido.arbol, _registro(ruta, catalogo_ruta, leido)
        if arbol is None:
            if ruta != catalogo_ruta:
                ilegibles.append(ruta.relative_to(base).as_posix())
            continue
        if ruta == redirecciones_ruta:
            redirecciones = redirecciones_de(arbol, informe) if leido.valido else ()
        elif ruta == catalogo_ruta:
            arbol_catalogo = arbol
            catalogo = registro if isinstance(registro, Catalogo) else Catalogo(archivo=arbol.archivo)
        else:
            arboles.append(arbol)
            if isinstance(registro, Documento):
                _ubicacion(arbol, registro, directorio.name, informe)
                documentos.append(registro)
    if not catalogo_ruta.exists():
        informe.error(f"{directorio.name}/{ARCHIVO_CATALOGO}", 0, 0,
                      "falta el catálogo de instituciones, órganos y áreas; se esperaba "
                      f"el archivo {directorio.name}/{ARCHIVO_CATALOGO}")

    indice = Indice(ilegibles=ilegibles)
    if arbol_catalogo is not None:
        indexar_catalogo(arbol_catalogo, indice, informe)
    for arbol in arboles:
        indexar_documento(arbol, indice, informe)
    if arbol_catalogo is not None:
        comprobar_catalogo(arbol_catalogo, indice, informe)
    for arbol in arboles:
        comprobar_documento(arbol, indice, informe)

    documentos.sort(key=lambda d: (d.institucion != "ine", d.institucion, d.anio, d.id))
    datos = Datos(catalogo=catalogo, documentos=tuple(documentos), redirecciones=redirecciones)
    coherencia.revisar(datos, informe)
    return Resultado(None if informe.errores else datos, informe)
