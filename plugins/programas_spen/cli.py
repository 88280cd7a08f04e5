"""Línea de órdenes sin MkDocs: validar los datos y escribir las páginas generadas.

``programas-spen validar`` informa todos los problemas (errores y avisos) y termina con
código 1 si hay algún error. ``programas-spen validar ARCHIVO...`` carga y valida igual todos
los datos (las referencias de un archivo se resuelven contra el catálogo y los demás
documentos), pero muestra solo los problemas de los archivos dados, más los errores de los
demás (ver ``AYUDA_VALIDAR``). ``programas-spen paginas DIR`` escribe en ``DIR`` el HTML del
contenido de cada página generada (``<ruta>.html``, con su título y metadatos en
``paginas.json``) y cada archivo generado: la salida del núcleo, utilizable por cualquier otro
motor. ``nuevo``, ``hoja exportar|importar`` y ``formatear``, para el personal que no programa,
están en ``ordenes_personal.py``.
``programas-spen urls`` pone al día el manifiesto de URL publicadas
(``sitio/permanencia.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from programas_spen.carga.validacion import cargar_datos
from programas_spen.modelo.problemas import Informe, Problema
from programas_spen.ordenes_personal import registrar as registrar_ordenes_personal
from programas_spen.sitio.construir import URL_BASE, DatosInvalidos, construir_sitio
from programas_spen.sitio.permanencia import MANIFIESTO, leer_manifiesto, texto_manifiesto

#: Lo que ``validar --help`` explica de los archivos dados (y por qué los errores de otros
#: archivos también cuentan).
AYUDA_VALIDAR = """\
Sin archivos, informa todos los problemas de todos los datos.

Con archivos (p. ej. los que cambiaron, desde el gancho de pre-commit), carga igual todos los
datos, porque las referencias de un archivo se resuelven contra el catálogo y los demás
documentos, y muestra:
  - los errores y los avisos de los archivos dados;
  - los errores de los demás archivos, aparte: impiden publicar el sitio entero y pueden venir
    del cambio (p. ej. un id renombrado que otro documento cita). Sus avisos no se muestran.

Termina con código 1 si hay algún error en cualquier archivo (también en los que no se dieron:
con uno solo, la construcción se detiene y no se publica nada), o si un archivo dado no existe
o no está en la carpeta de datos; con 0 si no hay errores, aunque haya avisos."""


def _ruta_de(problema: Problema, base: Path) -> Path:
    """La ruta del archivo de un problema (los problemas lo citan relativo a ``base``, la
    carpeta que contiene la de datos)."""
    return (base / problema.archivo).resolve()


def _archivos_pedidos(archivos: list[str], datos: Path) -> tuple[set[Path], list[str]]:
    """Las rutas absolutas de los archivos pedidos y, para los que no se pueden validar, una
    línea de error en español por cada uno."""
    pedidos: set[Path] = set()
    errores: list[str] = []
    carpeta = datos.resolve()
    for archivo in archivos:
        ruta = Path(archivo).resolve()
        if not ruta.is_file():
            errores.append(f"{archivo}: error: el archivo no existe; se esperaba un archivo de "
                           f"datos (.yml) dentro de {datos}")
        elif not ruta.is_relative_to(carpeta) or ruta.suffix not in {".yml", ".yaml"}:
            errores.append(f"{archivo}: error: no es un archivo de datos; se esperaba un archivo "
                           f".yml dentro de {datos}")
        else:
            pedidos.add(ruta)
    return pedidos, errores


def _validar_archivos(informe: Informe, archivos: list[str], datos: Path) -> int:
    pedidos, no_validables = _archivos_pedidos(archivos, datos)
    base = datos.parent
    propios = [p for p in informe.problemas if _ruta_de(p, base) in pedidos]
    propios_errores = sorted(p for p in propios if p.nivel == "error")
    propios_avisos = sorted(p for p in propios if p.nivel == "aviso")
    otros_errores = [p for p in informe.errores if _ruta_de(p, base) not in pedidos]
    lineas = no_validables + [str(p) for p in propios_errores + propios_avisos]
    if otros_errores:
        lineas.append(f"Errores en otros archivos ({len(otros_errores)}): también impiden publicar "
                      "y pueden venir de este cambio (p. ej. un id renombrado que otro archivo cita):")
        lineas.extend(str(p) for p in otros_errores)
    lineas.append(f"{len(propios_errores) + len(no_validables)} error(es), {len(propios_avisos)} "
                  f"aviso(s) en {len(archivos)} archivo(s) indicado(s); {len(otros_errores)} "
                  "error(es) en otros archivos.")
    print("\n".join(lineas))
    return 1 if no_validables or informe.errores else 0


def _validar(args: argparse.Namespace) -> int:
    datos = Path(args.datos)
    resultado = cargar_datos(datos)
    if args.archivos:
        return _validar_archivos(resultado.informe, args.archivos, datos)
    print(resultado.informe.texto())
    return 1 if resultado.informe.errores else 0


def _paginas(args: argparse.Namespace) -> int:
    try:
        sitio = construir_sitio(Path(args.datos), args.url, anexos_pdf=not args.sin_pdf)
    except DatosInvalidos as exc:
        print(exc.informe.texto(), file=sys.stderr)
        return 1
    salida = Path(args.salida)
    indice = []
    for pagina in sitio.paginas:
        destino = salida / (pagina.ruta.removesuffix(".md") + ".html")
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_text(pagina.html, encoding="utf-8")
        indice.append({"ruta": pagina.ruta, "html": destino.relative_to(salida).as_posix(), "titulo": pagina.titulo,
                       "descripcion": pagina.descripcion, "meta": dict(pagina.meta),
                       "institucion": pagina.institucion})
    (salida / "paginas.json").write_text(json.dumps(indice, ensure_ascii=False, indent=1), encoding="utf-8")
    for archivo in sitio.archivos:
        destino = salida / archivo.ruta
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_bytes(archivo.contenido)
    print(f"{len(sitio.paginas)} páginas y {len(sitio.archivos)} archivos escritos en {salida}")
    return 0


def _urls(args: argparse.Namespace) -> int:
    """Pone al día el manifiesto de URL publicadas (``datos/urls-publicadas.txt``): las que
    tenía más las que publica hoy el sitio, en orden. Con ``--comprobar``, no escribe nada y
    termina con 1 si le falta alguna (el orden no cuenta: quien edita a mano puede pegar las
    líneas que faltan en cualquier lugar)."""
    datos = Path(args.datos)
    try:
        sitio = construir_sitio(datos, anexos_pdf=False)
    except DatosInvalidos as exc:
        print(exc.informe.texto(), file=sys.stderr)
        print("No se puso al día el manifiesto: corrija antes los errores.", file=sys.stderr)
        return 1
    manifiesto = datos / MANIFIESTO
    anteriores = {url for _, url in leer_manifiesto(manifiesto, str(manifiesto), Informe()) or ()}
    nuevas = sorted(sitio.urls_publicadas - anteriores)
    texto = texto_manifiesto(anteriores | sitio.urls_publicadas)
    actual = manifiesto.read_text(encoding="utf-8") if manifiesto.exists() else None
    if args.comprobar:
        if not nuevas:
            orden = "" if texto == actual else " (no está en orden: «urls» lo ordena)"
            print(f"{manifiesto} está al día ({len(anteriores)} URL){orden}.")
            return 0
        print(f"{manifiesto} no está al día: le faltan {len(nuevas)} URL que el sitio publica. "
              "Ejecute «python3 tareas.py urls» y confirme el cambio; o añada estas líneas al "
              "archivo (en cualquier lugar):", file=sys.stderr)
        print("\n".join(nuevas), file=sys.stderr)
        return 1
    if texto != actual:
        manifiesto.write_text(texto, encoding="utf-8")
    print(f"{manifiesto}: {len(anteriores | sitio.urls_publicadas)} URL, {len(nuevas)} nueva(s).")
    return 0


#: La función de cada orden (las del personal se añaden al crear el analizador).
ORDENES: dict[str, Callable[[argparse.Namespace], int]] = {"validar": _validar, "paginas": _paginas,
                                                              "urls": _urls}

#: Texto de ``-h/--help`` (en español: cada analizador se crea con ``add_help=False``).
AYUDA = "muestra esta ayuda y termina"


def crear_parser() -> argparse.ArgumentParser:
    """El analizador de argumentos de ``programas-spen`` (también lo usan las pruebas que
    comprueban las órdenes de los flujos de despliegue)."""
    parser = argparse.ArgumentParser(prog="programas-spen", add_help=False,
                                     description="Datos y páginas de los programas del SPEN.")
    opciones = parser.add_argument_group("opciones")
    opciones.add_argument("-h", "--help", action="help", help=AYUDA)
    opciones.add_argument("--datos", default="datos", help="directorio de datos (por omisión: datos)")
    ordenes = parser.add_subparsers(dest="orden", required=True, title="órdenes")
    validar = ordenes.add_parser("validar", help="valida los datos e informa errores y avisos",
                                 description="Valida los datos e informa errores y avisos.",
                                 epilog=AYUDA_VALIDAR, add_help=False,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    validar.add_argument_group("argumentos").add_argument(
        "archivos", nargs="*", metavar="ARCHIVO",
        help="archivos de datos cuyos problemas mostrar (por omisión, todos)")
    validar.add_argument_group("opciones").add_argument("-h", "--help", action="help", help=AYUDA)
    paginas = ordenes.add_parser("paginas", help="escribe el HTML de las páginas generadas",
                                 description="Escribe el HTML de las páginas generadas.",
                                 add_help=False)
    paginas.add_argument_group("argumentos").add_argument("salida", help="directorio de salida")
    opciones = paginas.add_argument_group("opciones")
    opciones.add_argument("-h", "--help", action="help", help=AYUDA)
    opciones.add_argument("--url", default=URL_BASE,
                          help="URL pública del sitio (para enlaces absolutos)")
    opciones.add_argument("--sin-pdf", action="store_true",
                          help="no generar los PDF de los anexos (solo sus vistas de impresión)")
    urls = ordenes.add_parser("urls", help="pone al día el manifiesto de URL publicadas",
                              description=f"Pone al día {MANIFIESTO} (en la carpeta de datos): "
                                          "añade las URL que el sitio publica hoy, no quita ninguna.",
                              add_help=False)
    opciones = urls.add_argument_group("opciones")
    opciones.add_argument("-h", "--help", action="help", help=AYUDA)
    opciones.add_argument("--comprobar", action="store_true",
                          help="no escribir: terminar con 1 si al manifiesto le falta alguna URL (CI)")

    # --- órdenes para el personal (nuevo, hoja, formatear): ordenes_personal.py ---
    ORDENES.update(registrar_ordenes_personal(ordenes))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Punto de entrada de ``programas-spen``."""
    args = crear_parser().parse_args(argv)
    return ORDENES[args.orden](args)


if __name__ == "__main__":
    raise SystemExit(main())
