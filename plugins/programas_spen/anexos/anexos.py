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

import os
from collections.abc import Callable, MutableMapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from programas_spen.anexos.anexo_html import html_anexo
from programas_spen.anexos.citas import html_acuerdo_corto, texto_cita, url_corta
from programas_spen.anexos.integridad import FichaAnexo, lista_json, sha256, sumas
from programas_spen.anexos.pdf import PdfGenerado, generar_pdf
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo, PdfPendiente
from programas_spen.modelo.registros import Documento
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo

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


def _generar_todos(faltan: list[tuple[str, str]], generador: GeneradorPdf) -> list[PdfGenerado]:
    """Los PDF de ``faltan`` (HTML, URL base), en su orden. Cada PDF tarda cerca de un segundo
    y no depende de los demás: con más de uno y el generador de siempre, se reparten entre los
    núcleos de la máquina (``concurrent.futures``); el resultado es el mismo."""
    procesos = min(len(faltan), os.cpu_count() or 1)
    if procesos < 2 or generador is not generar_pdf:
        return [generador(html, url) for html, url in faltan]
    with ProcessPoolExecutor(max_workers=procesos) as ejecutor:
        return list(ejecutor.map(generador, *zip(*faltan, strict=True)))


def construir_anexos(grafo: Grafo, url_base: str, pdf: bool = True,
                     memoria: MutableMapping[str, PdfGenerado] | None = None,
                     generador: GeneradorPdf = generar_pdf,
                     en_fondo: GeneradorEnFondo | None = None) -> Anexos:
    """Los anexos de todos los documentos de ``grafo``; ``url_base`` es la URL pública del sitio
    (la de las URL permanentes, los QR y las citas).

    ``pdf=False`` omite los PDF (solo vistas de impresión y direcciones cortas). ``memoria``
    guarda los PDF por huella del HTML entre construcciones (y olvida los que ya no se usan).

    ``en_fondo`` (vista previa de ``mkdocs serve``): los PDF que no están en ``memoria`` no se
    esperan; se le encargan y el anexo se publica «en preparación» (ver ``pdf_en_fondo``)."""
    resultado = Anexos()
    documentos = grafo.datos.documentos
    fichas = {doc.id: ficha_base(doc, grafo, url_base) for doc in documentos}
    generados: dict[str, PdfGenerado] = {}
    pendientes: list[PdfPendiente] = []
    if pdf:
        htmls = {doc.id: html_anexo(doc, grafo, url_base) for doc in documentos}
        claves = {ident: sha256(html.encode("utf-8")) for ident, html in htmls.items()}
        fallidas = en_fondo.fallidas() if en_fondo is not None else frozenset()
        faltan: dict[str, tuple[str, str]] = {}
        for ident, clave in claves.items():
            guardado = memoria.get(clave) if memoria is not None else None
            if guardado is not None:
                generados[ident] = guardado
            elif en_fondo is not None and clave not in fallidas:
                fichas[ident] = replace(fichas[ident], pdf_pendiente=True)
                pendientes.append(PdfPendiente(clave, htmls[ident], fichas[ident].url_vista))
            else:
                faltan.setdefault(clave, (htmls[ident], fichas[ident].url_vista))
        nuevos = dict(zip(faltan, _generar_todos(list(faltan.values()), generador), strict=True))
        for ident, clave in claves.items():
            if clave in nuevos:
                generados[ident] = nuevos[clave]
        if memoria is not None:
            memoria.update(nuevos)
            usadas = set(claves.values())
            for clave in [c for c in memoria if c not in usadas]:
                del memoria[clave]  # sin PDF no se sabe cuáles se usan: solo aquí se olvidan
        if en_fondo is not None:
            en_fondo.encargar(pendientes)  # también detiene los encargos que ya no hacen falta
    for doc in documentos:
        ficha = fichas[doc.id]
        generado = generados.get(doc.id)
        if generado is not None:
            ruta_pdf = urls.anexo_pdf(doc.id)
            ficha = replace(ficha, ruta_pdf=ruta_pdf, url_pdf=urls.absoluta(url_base, ruta_pdf),
                            sha256=sha256(generado.contenido), bytes=len(generado.contenido),
                            paginas=generado.paginas)
            resultado.archivos[ruta_pdf] = generado.contenido
            resultado.avisos += [(doc.id, aviso) for aviso in generado.avisos]
        resultado.archivos[ficha.ruta_vista] = html_anexo(doc, grafo, url_base, vista=ficha).encode("utf-8")
        resultado.fichas[doc.id] = ficha
    for numero in grafo.acuerdos:
        ruta = urls.ruta_corta_acuerdo(numero)
        if ruta:
            resultado.archivos[ruta] = html_acuerdo_corto(numero, url_base).encode("utf-8")
    todas = list(resultado.fichas.values())
    resultado.archivos[urls.LISTA_ANEXOS] = lista_json(todas)
    if pdf:
        resultado.archivos[urls.SUMAS_ANEXOS] = sumas(todas)
    return resultado
