"""Exportaciones del núcleo que no son páginas: los anexos listos para la Gaceta Electoral.

Para cada documento: una vista de impresión en HTML y un PDF (WeasyPrint) con la forma de los
anexos oficiales, la URL permanente y un código QR de vuelta al registro vivo, y sus huellas
SHA-256 publicadas. Todo sale del mismo modelo que las páginas y los datos abiertos.

- ``anexo_html``: modelo + grafo → HTML del anexo (función pura): los mismos apartados que la
  página del documento (``sitio.documento_secciones``) con la vista impresa de las plantillas
  (``sitio/plantillas/anexo.html``, ``anexo.css``), sus columnas de meses y su marco.
- ``qr``: URL → código QR en SVG (segno).
- ``pdf``: HTML → bytes del PDF, reproducibles byte a byte (WeasyPrint).
- ``citas``: texto «cómo citar» y páginas de las direcciones cortas de los acuerdos.
- ``integridad``: ficha de cada anexo, huellas y listas legibles por máquina.
- ``anexos``: orquesta todo lo anterior y entrega los archivos generados.
"""
