"""Código QR de una URL (con segno), como SVG en una URI ``data:`` que se incrusta en el HTML
del anexo y WeasyPrint dibuja como vectores: nada se descarga y el resultado es estable."""

from __future__ import annotations

import segno


def qr_svg(url: str, escala: int = 4) -> str:
    """URI ``data:image/svg+xml`` con el código QR de ``url`` (corrección de errores M y zona
    de silencio de 4 módulos, la que exige la norma para que cualquier lector lo decodifique)."""
    codigo = segno.make(url, error="m", micro=False)
    return codigo.svg_data_uri(scale=escala, border=4, dark="#000", light="#fff",
                               xmldecl=False, svgns=True, nl=False)
