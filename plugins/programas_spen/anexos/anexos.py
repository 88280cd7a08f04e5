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

from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from functools import partial

from programas_spen import paralelo
from programas_spen.anexos.anexo_html import html_anexo
from programas_spen.anexos.citas import html_acuerdo_corto, texto_cita, url_corta
from programas_spen.anexos.integridad import FichaAnexo, lista_json, sha256, sumas
from programas_spen.anexos.pdf import PdfGenerado, generar_pdf
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo, PdfPendiente
from programas_spen.modelo.registros import Documento
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import peso_documento

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


@dataclass(frozen=True)
class _AnexoDocumento:
    """El anexo de un documento: su ficha, sus archivos (en orden), los avisos de WeasyPrint,
    la huella del HTML de su PDF, el PDF si se generó ahora (no estaba en la memoria) o, si se
    aplazó, lo que hace falta para generarlo aparte."""

    ficha: FichaAnexo
    archivos: tuple[tuple[str, bytes], ...]
    avisos: tuple[str, ...] = ()
    clave: str | None = None
    nuevo: PdfGenerado | None = None
    pendiente: PdfPendiente | None = None


def _anexo_documento(doc: Documento, grafo: Grafo, url_base: str, pdf: bool,
                     memoria: Mapping[str, PdfGenerado] | None, generador: GeneradorPdf,
                     no_aplazar: frozenset[str] | None = None) -> _AnexoDocumento:
    """El anexo de ``doc``. Solo lee ``memoria``: quien reúne los anexos guarda los PDF nuevos
    (esto puede correr en otro proceso, ver ``paralelo``). Con ``no_aplazar`` (no ``None``), un
    PDF que no está en la memoria no se genera, salvo si su clave está ahí: se publica «en
    preparación» y se devuelve pendiente."""
    ficha = ficha_base(doc, grafo, url_base)
    if not pdf:
        vista = html_anexo(doc, grafo, url_base, vista=ficha).encode("utf-8")
        return _AnexoDocumento(ficha, ((ficha.ruta_vista, vista),))
    html = html_anexo(doc, grafo, url_base)
    clave = sha256(html.encode("utf-8"))
    generado = memoria.get(clave) if memoria is not None else None
    nuevo = None
    if generado is None and no_aplazar is not None and clave not in no_aplazar:
        ficha = replace(ficha, pdf_pendiente=True)
        vista = html_anexo(doc, grafo, url_base, vista=ficha).encode("utf-8")
        return _AnexoDocumento(ficha, ((ficha.ruta_vista, vista),), clave=clave,
                               pendiente=PdfPendiente(clave, html, ficha.url_vista))
    if generado is None:
        generado = nuevo = generador(html, ficha.url_vista)
    ruta_pdf = urls.anexo_pdf(doc.id)
    ficha = replace(ficha, ruta_pdf=ruta_pdf, url_pdf=urls.absoluta(url_base, ruta_pdf),
                    sha256=sha256(generado.contenido), bytes=len(generado.contenido),
                    paginas=generado.paginas)
    vista = html_anexo(doc, grafo, url_base, vista=ficha).encode("utf-8")
    return _AnexoDocumento(ficha, ((ruta_pdf, generado.contenido), (ficha.ruta_vista, vista)),
                           tuple(generado.avisos), clave, nuevo)


def construir_anexos(grafo: Grafo, url_base: str, pdf: bool = True,
                     memoria: MutableMapping[str, PdfGenerado] | None = None,
                     generador: GeneradorPdf = generar_pdf,
                     en_fondo: GeneradorEnFondo | None = None) -> Anexos:
    """Los anexos de todos los documentos de ``grafo``; ``url_base`` es la URL pública del sitio
    (la de las URL permanentes, los QR y las citas). Cada documento se hace sin mirar los
    demás: con muchos, se reparten entre dos procesos (``paralelo``).

    ``pdf=False`` omite los PDF (solo vistas de impresión y direcciones cortas). ``memoria``
    guarda los PDF por huella del HTML entre construcciones (y olvida los que ya no se usan).

    ``en_fondo`` (vista previa de ``mkdocs serve``): los PDF que no están en ``memoria`` no se
    esperan; se le encargan y el anexo se publica «en preparación» (ver ``pdf_en_fondo``)."""
    resultado = Anexos()
    usadas: set[str] = set()
    pendientes: list[PdfPendiente] = []
    documentos = grafo.datos.documentos
    hecho = partial(_anexo_documento, grafo=grafo, url_base=url_base, pdf=pdf, memoria=memoria,
                    generador=generador,
                    no_aplazar=None if en_fondo is None or not pdf else en_fondo.fallidas())
    for doc, anexo in zip(documentos, paralelo.mapear(documentos, hecho, peso=peso_documento), strict=True):
        if anexo.clave is not None:
            usadas.add(anexo.clave)
            if anexo.nuevo is not None and memoria is not None:
                memoria[anexo.clave] = anexo.nuevo
        if anexo.pendiente is not None:
            pendientes.append(anexo.pendiente)
        resultado.avisos += [(doc.id, aviso) for aviso in anexo.avisos]
        resultado.archivos.update(anexo.archivos)
        resultado.fichas[doc.id] = anexo.ficha
    for numero in grafo.acuerdos:
        ruta = urls.ruta_corta_acuerdo(numero)
        if ruta:
            resultado.archivos[ruta] = html_acuerdo_corto(numero, url_base).encode("utf-8")
    if pdf and memoria is not None:  # sin PDF no se sabe cuáles se usan: no se olvida nada
        for clave in [c for c in memoria if c not in usadas]:
            del memoria[clave]
    if en_fondo is not None and pdf:
        en_fondo.encargar(pendientes)  # también detiene los encargos que ya no hacen falta
    fichas = list(resultado.fichas.values())
    resultado.archivos[urls.LISTA_ANEXOS] = lista_json(fichas)
    if pdf:
        resultado.archivos[urls.SUMAS_ANEXOS] = sumas(fichas)
    return resultado
