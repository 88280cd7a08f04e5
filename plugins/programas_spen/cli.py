"""Línea de órdenes sin MkDocs: validar los datos y escribir las páginas generadas.

``programas-spen validar`` informa todos los problemas (errores y avisos) y termina con
código 1 si hay algún error. ``programas-spen paginas DIR`` escribe el Markdown de cada página
generada en ``DIR``: la salida del núcleo, utilizable por cualquier otro motor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from programas_spen.carga.validacion import cargar_datos
from programas_spen.sitio.construir import URL_BASE, DatosInvalidos, con_metadatos, construir_sitio


def _validar(args: argparse.Namespace) -> int:
    resultado = cargar_datos(Path(args.datos))
    print(resultado.informe.texto())
    return 1 if resultado.informe.errores else 0


def _paginas(args: argparse.Namespace) -> int:
    try:
        sitio = construir_sitio(Path(args.datos), args.url, anexos_pdf=not args.sin_pdf)
    except DatosInvalidos as exc:
        print(exc.informe.texto(), file=sys.stderr)
        return 1
    salida = Path(args.salida)
    for pagina in sitio.paginas:
        destino = salida / pagina.ruta
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_text(con_metadatos(pagina), encoding="utf-8")
    for archivo in sitio.archivos:
        destino = salida / archivo.ruta
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_bytes(archivo.contenido)
    print(f"{len(sitio.paginas)} páginas y {len(sitio.archivos)} archivos escritos en {salida}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Punto de entrada de ``programas-spen``."""
    parser = argparse.ArgumentParser(prog="programas-spen",
                                     description="Datos y páginas de los programas del SPEN.")
    parser.add_argument("--datos", default="datos", help="directorio de datos (por omisión: datos)")
    ordenes = parser.add_subparsers(dest="orden", required=True)
    ordenes.add_parser("validar", help="valida los datos e informa errores y avisos")
    paginas = ordenes.add_parser("paginas", help="escribe el Markdown de las páginas generadas")
    paginas.add_argument("salida", help="directorio de salida")
    paginas.add_argument("--url", default=URL_BASE, help="URL pública del sitio (para enlaces absolutos)")
    paginas.add_argument("--sin-pdf", action="store_true",
                         help="no generar los PDF de los anexos (solo sus vistas de impresión)")
    args = parser.parse_args(argv)
    return {"validar": _validar, "paginas": _paginas}[args.orden](args)


if __name__ == "__main__":
    raise SystemExit(main())
