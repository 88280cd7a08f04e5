"""Ayudas de las pruebas de los anexos: leer el texto de un PDF, decodificar su código QR y
enumerar los textos de cada registro de un documento (lo que el anexo debe contener)."""

from __future__ import annotations

import re

from programas_spen.modelo.registros import Documento

RE_PAGINA = re.compile(r"Página (\d+) de (\d+)")


def paginas_de_texto(contenido: bytes) -> list[str]:
    """El texto de cada página del PDF (pypdfium2). PDFium marca con U+FFFE el guion en que se
    parte una línea («INE-CSPEN-|ST-002»); el anexo no separa sílabas (``hyphens: manual``), así
    que ese guion es el de la fuente y se restituye."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(contenido)
    try:
        return [pdf[i].get_textpage().get_text_range().replace("\ufffe", "-") for i in range(len(pdf))]
    finally:
        pdf.close()


def qr_de_pagina(contenido: bytes, pagina: int = 0, escala: float = 2.5) -> list[str]:
    """Los textos de los códigos QR que se leen en una página del PDF (zxing-cpp)."""
    import pypdfium2 as pdfium
    import zxingcpp

    pdf = pdfium.PdfDocument(contenido)
    try:
        imagen = pdf[pagina].render(scale=escala).to_pil()
    finally:
        pdf.close()
    return [r.text for r in zxingcpp.read_barcodes(imagen) if r.format == zxingcpp.BarcodeFormat.QRCode]


def compacto(texto: str) -> str:
    """Texto sin espacios ni saltos, para comparar con lo que extrae un PDF (que parte líneas)."""
    return re.sub(r"\s+", "", texto)


def textos_de_registros(doc: Documento) -> list[str]:
    """Cada texto de cada registro del documento que su anexo debe reproducir. Las sesiones
    celebradas y los acuerdos que el documento solo nombra no son registros del anexo: los da su
    prosa o su portada, y tienen su propia página."""
    textos: list[str] = []
    for sigla in doc.siglas:
        textos += [sigla.sigla, sigla.significado]
    for seccion in doc.secciones:
        textos.append(seccion.titulo)
        textos += [t for t in seccion.textos() if t.strip()]
    textos += [e.texto for e in doc.ejes]
    textos += [o.texto for o in doc.objetivos]
    textos += [la.texto for la in doc.lineas_accion]
    for mecanismo in doc.mecanismos:
        textos.append(mecanismo.titulo_tabla)
        textos += [a.texto + (a.marca or "") for a in mecanismo.actividades]
        textos += [n.texto for n in mecanismo.notas]
    for tema in doc.temas:
        textos.append(tema.texto)
        if tema.observaciones:
            textos.append(tema.observaciones)
    if doc.cronograma:
        textos.append(doc.cronograma.titulo)
        textos += [f.texto + (f.marca or "") for f in doc.cronograma.filas]
        textos += [n.texto for n in doc.cronograma.notas]
    for ficha in doc.fichas:
        textos += [ficha.linea_accion, *ficha.objetivos, *ficha.ejes]
        textos += [v for v in (ficha.actividad, ficha.periodo, ficha.participantes, ficha.lugar) if v]
    textos += [p.texto for p in doc.sesiones_programadas]
    for integrante in doc.integrantes:
        textos += [integrante.nombre, integrante.cargo]
    for compromiso in doc.compromisos:
        textos += [compromiso.texto, compromiso.avance, compromiso.sesion_texto, compromiso.area_texto,
                   compromiso.estatus_texto]
    return textos
