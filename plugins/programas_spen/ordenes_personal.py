"""Las órdenes para el personal que no programa: ``nuevo``, ``hoja exportar|importar`` y
``formatear`` (de ``programas-spen`` y de ``python3 tareas.py``).

Cada orden informa sus problemas como los de los datos (``modelo/problemas.py``): archivo,
lugar (línea, u hoja y celda), qué se encontró y qué se esperaba, en español, todos a la vez; y
con cualquier error no escribe nada.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from programas_spen.carga.lector_yaml import leer_texto, normalizar
from programas_spen.hoja.canonico import formatear_archivos, formatear_texto, leer_archivo_texto
from programas_spen.hoja.vocabularios import ARCHIVO_CATALOGO, leer_catalogo
from programas_spen.modelo.problemas import Informe
from programas_spen.nuevo import catalogo as entradas
from programas_spen.nuevo.esqueleto import (
    esqueleto,
    id_por_omision,
    listas_del_tipo,
    ruta_del_documento,
    tipo_de,
    tipos,
)

AYUDA = "muestra esta ayuda y termina"
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

AYUDA_HOJA = """\
exportar DATOS.yml LIBRO.xlsx: escribe el libro de un documento (una hoja por clase de registro,
  encabezados fijos, listas desplegables, hojas «Instrucciones» y «Columnas»).
importar LIBRO.xlsx DATOS.yml: lee el libro y escribe el documento en la forma canónica. Cada
  problema sale con su hoja y celda, todos a la vez; con uno solo no se escribe nada."""

AYUDA_FORMATEAR = """\
La forma canónica: claves en el orden del esquema, sangría de dos espacios, cada texto en una
línea, comillas solo donde YAML las pide. Los datos no cambian. Se conservan los comentarios del
principio del archivo (la línea del esquema); si hay uno en otra parte, el archivo no se toca y
se dice en qué línea está."""


def _imprimir(informe: Informe) -> None:
    """Los problemas en el orden en que se encontraron (hoja por hoja, fila por fila)."""
    for problema in informe.problemas:
        print(problema, file=sys.stderr)
    if informe.problemas:
        print(f"{len(informe.errores)} error(es), {len(informe.avisos)} aviso(s).", file=sys.stderr)


# --- nuevo ---------------------------------------------------------------------------------

def _es_terminal() -> bool:
    return sys.stdin.isatty()


def nuevo(args: argparse.Namespace, preguntar: Callable[[str], str] = input,
          es_terminal: Callable[[], bool] = _es_terminal) -> int:
    """Crea el esqueleto del documento; completa el catálogo (en una terminal) o dice qué
    agregar. Nunca sobrescribe un archivo."""
    datos = Path(args.datos)
    tipo = tipo_de(args.tipo)
    errores = []
    if tipo is None:
        errores.append(f"tipo «{args.tipo}» desconocido; se esperaba uno de: {', '.join(tipos())} "
                       "(o pat, comision, informe, plan)")
    for nombre, valor in (("institución", args.institucion), ("órgano", args.organo),
                          ("id", args.id), *(("área", a) for a in args.area)):
        if valor is not None and not _SLUG.match(valor):
            errores.append(f"{nombre} «{valor}» no es un id; se esperaban minúsculas, dígitos y "
                           "guiones (p. ej. ieem o ieem-comision-seguimiento)")
    if not 1990 <= args.anio <= 2100:
        errores.append(f"año {args.anio} fuera de lo admitido; se esperaba de 1990 a 2100")
    ruta_catalogo = datos / ARCHIVO_CATALOGO
    if not ruta_catalogo.is_file():
        errores.append(f"no existe {ruta_catalogo}; se esperaba la carpeta de datos (--datos)")
    if errores or tipo is None:
        for error in errores:
            print(f"error: {error}", file=sys.stderr)
        return 2
    id_documento = args.id or id_por_omision(tipo, args.institucion, args.anio)
    destino = ruta_del_documento(datos, args.institucion, args.anio, id_documento)
    if destino.exists():
        print(f"{destino}: error: el archivo ya existe y no se sobrescribe; se esperaba un id nuevo "
              "(--id) o editar el archivo que ya está", file=sys.stderr)
        return 1
    otros = [r for r in datos.rglob(f"{id_documento}.yml")]
    if otros:
        print(f"{otros[0]}: error: ya hay un documento con el id «{id_documento}»; se esperaba un id "
              "nuevo (--id): los id son permanentes y no se repiten", file=sys.stderr)
        return 1
    informe = Informe()
    arbol = leer_texto(normalizar(ruta_catalogo.read_text(encoding="utf-8")), str(ruta_catalogo), informe)
    if arbol is None or not isinstance(arbol.datos, dict):
        _imprimir(informe)
        return 1
    faltan = entradas.faltantes(arbol.datos, args.institucion, args.organo, list(args.area))
    if faltan and not es_terminal():
        for falta in faltan:
            print(f"{ruta_catalogo}: error: falta {entradas.NOMBRES[falta.coleccion]} «{falta.id}»; "
                  f"se esperaba esta entrada al final de la lista «{falta.coleccion}:» (llene cada "
                  "campo con el nombre que da la fuente):\n" + entradas.entrada_de_ejemplo(falta),
                  file=sys.stderr)
        print("No se creó nada: agregue esas entradas (o ejecute esta orden en una terminal, que "
              "las pregunta) y vuelva a ejecutarla.", file=sys.stderr)
        return 1
    nuevas = []
    try:
        for falta in faltan:
            print(f"Falta {entradas.NOMBRES[falta.coleccion]} «{falta.id}» en {ruta_catalogo}; "
                  "escriba sus datos como los da la fuente:")
            nuevas.append((falta.coleccion, entradas.pedir_entrada(falta, preguntar)))
    except (EOFError, KeyboardInterrupt):
        print("\nNo se creó nada: se interrumpieron las preguntas.", file=sys.stderr)
        return 1
    for coleccion, entrada in nuevas:  # todo preguntado: ahora sí se escribe
        entradas.agregar(ruta_catalogo, coleccion, entrada)
        print(f"Agregado a {ruta_catalogo}: {entrada['id']}.")
    destino.parent.mkdir(parents=True, exist_ok=True)
    texto = esqueleto(tipo, args.institucion, args.anio, id_documento, args.organo,
                      listas_del_tipo(datos, tipo))
    with destino.open("x", encoding="utf-8") as archivo:  # «x»: nunca sobrescribe
        archivo.write(texto)
    print(f"Creado {destino}. Llénelo con la fuente, en un editor o en la hoja de cálculo (hoja "
          f"exportar {destino} LIBRO.xlsx, y después hoja importar LIBRO.xlsx {destino}), y valídelo "
          f"(validar {destino}); cada orden con python3 tareas.py o con programas-spen.")
    return 0


# --- hoja y formatear ----------------------------------------------------------------------

def hoja(args: argparse.Namespace) -> int:
    """``hoja exportar`` y ``hoja importar``. Se importan aquí: openpyxl tarda en cargarse y las
    demás órdenes (``validar``, en cada commit) no lo usan."""
    from programas_spen.hoja.exportar import exportar
    from programas_spen.hoja.importar import importar

    informe = Informe()
    catalogo = leer_catalogo(Path(args.datos), informe)
    try:
        if args.accion == "exportar":
            hecho = exportar(Path(args.origen), Path(args.destino), catalogo, informe)
        elif catalogo is None:
            hecho = False
        else:
            hecho = importar(Path(args.origen), Path(args.destino), catalogo, informe)
    except OSError as exc:  # carpeta sin permiso, libro abierto y bloqueado…
        informe.error(str(exc.filename or args.destino), 0, 0, f"no se pudo leer o escribir "
                      f"({exc.strerror or exc}); se esperaba un archivo accesible (¿está abierto en "
                      "otro programa?)")
        hecho = False
    _imprimir(informe)
    if not hecho:
        print(f"No se escribió {args.destino}.", file=sys.stderr)
        return 1
    print(f"Escrito {args.destino}.")
    return 0


def formatear(args: argparse.Namespace) -> int:
    """Pone los archivos en la forma canónica (``--comprobar``: solo dice cuáles no lo están)."""
    informe = Informe()
    rutas = [Path(a) for a in args.archivos]
    if args.comprobar:
        fuera = []
        for ruta in rutas:
            texto = leer_archivo_texto(ruta, informe)
            if texto is None:
                continue
            canonico = formatear_texto(texto, str(ruta), informe)
            if canonico is not None and canonico != texto:
                fuera.append(ruta)
        _imprimir(informe)
        for ruta in fuera:
            print(f"{ruta}: no está en la forma canónica (programas-spen formatear {ruta})")
        return 1 if fuera or informe.errores else 0
    cambiados = formatear_archivos(rutas, informe)
    _imprimir(informe)
    for ruta in cambiados:
        print(f"Formateado {ruta}")
    return 1 if informe.errores else 0


def _anio(texto: str) -> int:
    """El año de la línea de órdenes (con el porqué en español si no lo es)."""
    if not texto.strip().isdigit():
        raise argparse.ArgumentTypeError(f"«{texto}» no es un año; se esperaba un número como 2025")
    return int(texto)


def registrar(ordenes: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Añade las órdenes a ``ordenes`` (lo que devuelve ``add_subparsers`` del analizador de
    ``programas-spen``); devuelve la función de cada una por nombre."""
    orden = ordenes.add_parser("nuevo", help="crea el esqueleto de un documento nuevo",
                               description="Crea datos/<institución>/<año>/<id>.yml con cada campo "
                               "obligatorio y un comentario que dice qué va. Nunca sobrescribe.",
                               add_help=False)
    argumentos = orden.add_argument_group("argumentos")
    argumentos.add_argument("tipo", help="tipo de documento: " + ", ".join(tipos())
                            + " (o pat, comision, informe, plan)")
    argumentos.add_argument("institucion", metavar="INSTITUCION", help="id de la institución (p. ej. ine, ieeq)")
    argumentos.add_argument("anio", metavar="AÑO", type=_anio, help="año (ejercicio) del documento")
    opciones = orden.add_argument_group("opciones")
    opciones.add_argument("-h", "--help", action="help", help=AYUDA)
    opciones.add_argument("--organo", help="id del órgano que emite el documento")
    opciones.add_argument("--area", action="append", default=[], metavar="AREA",
                          help="id de un área responsable que debe estar en el catálogo (repetible)")
    opciones.add_argument("--id", help="id del documento (por omisión, <institución>-<tipo>-<año>)")
    orden_hoja = ordenes.add_parser("hoja", help="un documento a una hoja de cálculo XLSX y de vuelta",
                                    description="Un documento a un libro XLSX y de vuelta.",
                                    epilog=AYUDA_HOJA, add_help=False,
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
    orden_hoja.add_argument_group("opciones").add_argument("-h", "--help", action="help", help=AYUDA)
    argumentos = orden_hoja.add_argument_group("argumentos")
    argumentos.add_argument("accion", choices=["exportar", "importar"], help="exportar o importar")
    argumentos.add_argument("origen", help="DATOS.yml (exportar) o LIBRO.xlsx (importar)")
    argumentos.add_argument("destino", help="LIBRO.xlsx (exportar) o DATOS.yml (importar)")
    orden_formatear = ordenes.add_parser("formatear", help="pone archivos de datos en la forma canónica",
                                         description="Pone archivos de datos en la forma canónica.",
                                         epilog=AYUDA_FORMATEAR, add_help=False,
                                         formatter_class=argparse.RawDescriptionHelpFormatter)
    orden_formatear.add_argument_group("argumentos").add_argument(
        "archivos", nargs="+", metavar="ARCHIVO", help="archivos .yml de datos")
    opciones = orden_formatear.add_argument_group("opciones")
    opciones.add_argument("-h", "--help", action="help", help=AYUDA)
    opciones.add_argument("--comprobar", action="store_true",
                          help="no escribe: dice qué archivos no están en la forma canónica")
    return {"nuevo": nuevo, "hoja": hoja, "formatear": formatear}
