"""exportar.qr: el código QR de una URL, incrustable (URI data: SVG), estable y legible por un
lector de códigos (zxing-cpp)."""

from __future__ import annotations

import io
from urllib.parse import unquote

import segno
import zxingcpp
from PIL import Image

from programas_spen.anexos.qr import qr_svg

URL = "https://programas-spen.example/documentos/ine-pat-spen-2020/"


def test_uri_data_svg_estable() -> None:
    uri = qr_svg(URL)
    assert uri.startswith("data:image/svg+xml")
    assert "<svg" in unquote(uri) and "http://www.w3.org/2000/svg" in unquote(uri)
    assert qr_svg(URL) == uri
    assert qr_svg(URL + "x") != uri


def test_el_mismo_codigo_se_lee() -> None:
    """El SVG incrustado es el mismo símbolo que segno rasteriza aquí: leído, da la URL."""
    png = io.BytesIO()
    segno.make(URL, error="m", micro=False).save(png, kind="png", scale=6, border=4)
    imagen = Image.open(io.BytesIO(png.getvalue())).convert("L")
    assert [r.text for r in zxingcpp.read_barcodes(imagen)] == [URL]
