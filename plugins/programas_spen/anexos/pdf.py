"""HTML del anexo → PDF con WeasyPrint, reproducible byte a byte.

- Sin red: el único protocolo que se resuelve es ``data:`` (el QR va incrustado); las fuentes
  son las libres del sistema, por nombre de familia (fontconfig), y se incrustan en el PDF.
- Sin reloj: las fechas de creación y modificación salen de ``<meta name="dcterms.created">``
  y ``dcterms.modified`` del HTML (que ``anexo_html`` toma de los datos), y el identificador
  ``/ID`` del PDF es la huella del propio HTML. El mismo HTML da los mismos bytes.
- PDF etiquetado (``pdf_tags``) para lectores de pantalla.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass


@dataclass(frozen=True)
class PdfGenerado:
    """Un PDF generado: sus bytes, su número de páginas y los avisos de WeasyPrint."""

    contenido: bytes
    paginas: int
    avisos: tuple[str, ...] = ()


class _Recolector(logging.Handler):
    """Guarda los avisos de WeasyPrint (CSS no admitido, recursos no cargados) para revisarlos."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.mensajes: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.mensajes.append(record.getMessage())


def identificador(html: str) -> bytes:
    """Identificador ``/ID`` del PDF: los primeros 16 bytes del SHA-256 del HTML, en hex."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")


def generar_pdf(html: str, base_url: str) -> PdfGenerado:
    """Convierte el HTML del anexo en PDF. ``base_url`` es la URL absoluta de la vista de
    impresión: los enlaces relativos del HTML quedan en el PDF como URL absolutas del sitio."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    registro = logging.getLogger("weasyprint")
    recolector = _Recolector()
    registro.addHandler(recolector)
    propagar = registro.propagate
    registro.propagate = False
    try:
        documento = HTML(string=html, base_url=base_url,
                         url_fetcher=URLFetcher(allowed_protocols={"data"})).render(pdf_tags=True)
        contenido = documento.write_pdf(pdf_identifier=identificador(html), pdf_tags=True)
    finally:
        registro.removeHandler(recolector)
        registro.propagate = propagar
    assert contenido is not None
    return PdfGenerado(contenido, len(documento.pages), tuple(recolector.mensajes))
