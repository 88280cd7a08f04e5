"""Los anexos de todo el sitio: para cada documento su PDF y su vista de impresión, las
direcciones cortas de los acuerdos y las listas de huellas.

Se construyen antes que las páginas: cada PDF se genera una sola vez por construcción y su
ficha (ruta, tamaño, páginas, SHA-256) pasa a los constructores de páginas, que la publican en
la página del documento y en el índice de anexos. Los PDF son lo lento de la construcción; se
pueden desactivar (``anexos_pdf: false``) y, entre reconstrucciones de ``mkdocs serve``, una
memoria indexada por la huella del HTML evita repetir los que no cambiaron (el mismo HTML da
los mismos bytes).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field, replace

from .. import urls
from ..enlaces import Grafo
from ..modelo import Documento
from .anexo_html import html_anexo
from .citas import html_acuerdo_corto, texto_cita, url_corta
from .integridad import FichaAnexo, lista_json, sha256, sumas
from .pdf import PdfGenerado, generar_pdf

GeneradorPdf = Callable[[str, str], PdfGenerado]


@dataclass
class Anexos:
    """Resultado: archivos generados (ruta → bytes, en orden estable), la ficha de cada anexo
    por id de documento y los avisos de WeasyPrint (documento, mensaje)."""

    archivos: dict[str, bytes] = field(default_factory=dict)
    fichas: dict[str, FichaAnexo] = field(default_factory=dict)
    avisos: list[tuple[str, str]] = field(default_factory=list)


def ficha_base(doc: Documento, grafo: Grafo, url_base: str) -> FichaAnexo:
    """La ficha del anexo sin PDF: rutas, URL permanentes y texto para citarlo."""
    corta = url_corta(doc.aprobado_por, url_base) if doc.aprobado_por else None
    ruta_vista = urls.anexo_vista(doc.id)
    return FichaAnexo(
        documento=doc.id, titulo=doc.titulo, ruta_vista=ruta_vista,
        url_pagina=urls.absoluta(url_base, urls.documento(doc.id).url()),
        url_vista=urls.absoluta(url_base, urls.url_de_archivo(ruta_vista)),
        cita=texto_cita(doc, grafo, url_base), acuerdo=doc.aprobado_por, url_corta=corta)


def construir_anexos(grafo: Grafo, url_base: str, pdf: bool = True,
                     memoria: MutableMapping[str, PdfGenerado] | None = None,
                     generador: GeneradorPdf = generar_pdf) -> Anexos:
    """Los anexos de todos los documentos de ``grafo``; ``url_base`` es la URL pública del sitio
    (la de las URL permanentes, los QR y las citas).

    ``pdf=False`` omite los PDF (solo vistas de impresión y direcciones cortas). ``memoria``
    guarda los PDF por huella del HTML entre construcciones (y olvida los que ya no se usan)."""
    resultado = Anexos()
    usadas: set[str] = set()
    for doc in grafo.datos.documentos:
        ficha = ficha_base(doc, grafo, url_base)
        if pdf:
            html = html_anexo(doc, grafo, url_base)
            clave = sha256(html.encode("utf-8"))
            usadas.add(clave)
            generado = memoria.get(clave) if memoria is not None else None
            if generado is None:
                generado = generador(html, ficha.url_vista)
                if memoria is not None:
                    memoria[clave] = generado
            resultado.avisos += [(doc.id, aviso) for aviso in generado.avisos]
            ruta_pdf = urls.anexo_pdf(doc.id)
            ficha = replace(ficha, ruta_pdf=ruta_pdf, url_pdf=urls.absoluta(url_base, ruta_pdf),
                            sha256=sha256(generado.contenido), bytes=len(generado.contenido),
                            paginas=generado.paginas)
            resultado.archivos[ruta_pdf] = generado.contenido
        resultado.archivos[ficha.ruta_vista] = html_anexo(doc, grafo, url_base, vista=ficha).encode("utf-8")
        resultado.fichas[doc.id] = ficha
    for numero in grafo.acuerdos:
        ruta = urls.ruta_corta_acuerdo(numero)
        if ruta:
            resultado.archivos[ruta] = html_acuerdo_corto(numero, url_base).encode("utf-8")
    if pdf and memoria is not None:  # sin PDF no se sabe cuáles se usan: no se olvida nada
        for clave in [c for c in memoria if c not in usadas]:
            del memoria[clave]
    fichas = list(resultado.fichas.values())
    resultado.archivos[urls.LISTA_ANEXOS] = lista_json(fichas)
    if pdf:
        resultado.archivos[urls.SUMAS_ANEXOS] = sumas(fichas)
    return resultado
