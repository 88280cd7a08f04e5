"""Páginas y bloques de los anexos para la Gaceta: el apartado «Anexo para la Gaceta» y «Cómo
citar» de cada documento, la dirección corta en la página de cada acuerdo y el índice de todos
los anexos con su tamaño, páginas y SHA-256.

Funciones puras: reciben las fichas de los anexos ya generados (``exportar.anexos``).
"""

from __future__ import annotations

import posixpath
from dataclasses import replace
from html import escape

from programas_spen.anexos.citas import url_corta
from programas_spen.anexos.integridad import FichaAnexo, tamano_legible
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaAcuerdo, Grafo
from programas_spen.sitio.paginas.comun import Pagina, con_siglas, enlace, md, siglas_del_sitio

#: Lo que se publica de un PDF aún en preparación (solo en la vista previa, ver ``pdf_en_fondo``).
PDF_EN_PREPARACION = ("El PDF del anexo está en preparación (vista previa): la página se "
                      "actualiza sola cuando esté listo.")


def _archivo(ruta: str, desde: str) -> str:
    """Enlace Markdown relativo a un archivo generado (MkDocs lo comprueba y lo reescribe)."""
    return posixpath.relpath(ruta, posixpath.dirname(desde) or ".")


def _descarga(ficha: FichaAnexo, desde: str, texto: str) -> str:
    assert ficha.ruta_pdf is not None
    return f'[{texto}]({_archivo(ficha.ruta_pdf, desde)}){{download="{urls.descarga_anexo(ficha.documento)}"}}'


def bloque_anexo_documento(ficha: FichaAnexo) -> list[str]:
    """Apartado de la página del documento: descarga del PDF, vista de impresión, huella
    SHA-256 y el texto para citarlo en la Gaceta."""
    desde = urls.documento(ficha.documento).ruta
    lineas = ["## Anexo para la Gaceta {#anexo}", "",
              "Este documento produce su propio anexo, listo para publicarse en la Gaceta "
              "Electoral, a partir de los mismos datos que esta página.", ""]
    if ficha.ruta_pdf:
        lineas.append(f"- {_descarga(ficha, desde, 'Descargar el anexo en PDF')} — "
                      f"{ficha.paginas} páginas, {tamano_legible(ficha.bytes or 0)}")
    elif ficha.pdf_pendiente:
        lineas.append(f"- {PDF_EN_PREPARACION}")
    else:
        lineas.append("- El PDF del anexo no se generó en esta construcción (opción "
                      "`anexos_pdf: false`).")
    lineas.append(f"- [Vista de impresión del anexo]({_archivo(ficha.ruta_vista, desde)})")
    if ficha.sha256:
        lineas.append(f"- **SHA-256 del PDF:** `{ficha.sha256}` (compruébelo con "
                      f"`sha256sum {urls.descarga_anexo(ficha.documento)}`)")
    lineas += [f"- {enlace('Todos los anexos y sus huellas', urls.ANEXOS, desde)}", "",
               "### Cómo citar {#como-citar}", "",
               "Texto para imprimir en la Gaceta Electoral junto al anexo:", "",
               # HTML en bruto: el texto se copia tal cual, sin marcas de siglas ocultas.
               f'<blockquote class="cita-gaceta"><p>{escape(ficha.cita)}</p></blockquote>', ""]
    if ficha.url_corta and ficha.acuerdo:
        lineas += [f"Dirección corta del acuerdo {ficha.acuerdo}, que lleva a su página: "
                   f"`{ficha.url_corta}`", ""]
    lineas += [f"URL permanente de esta página: `{ficha.url_pagina}`. El PDF lleva esta URL en cada "
               "página y un código QR que la abre.", ""]
    return lineas


def bloque_cita_acuerdo(ficha: FichaAcuerdo, url_base: str, anexos: dict[str, FichaAnexo]) -> list[str]:
    """Apartado «Cómo citar» de la página de un acuerdo: su dirección corta y los anexos de los
    documentos que aprueba."""
    corta = url_corta(ficha.numero, url_base)
    if corta is None:
        return []
    desde = urls.acuerdo(ficha.numero).ruta
    lineas = ["", "## Cómo citar {#como-citar}", "",
              f"Dirección corta, para imprimir en la Gaceta Electoral: `{corta}` — lleva a esta página.",
              ""]
    propios = [anexos[d.id] for d in ficha.aprueba_documentos if d.id in anexos]
    for anexo in propios:
        texto = f"Anexo: {md(_titulo(anexo))}"
        if anexo.ruta_pdf:
            lineas.append(f"- {_descarga(anexo, desde, texto + ' (PDF)')} — SHA-256 `{anexo.sha256}`")
        else:
            lineas.append(f"- [{texto}]({_archivo(anexo.ruta_vista, desde)})")
    if propios:
        lineas.append("")
    return lineas


def _titulo(ficha: FichaAnexo) -> str:
    """Título del documento del anexo, en una línea."""
    return " ".join(ficha.titulo.split())


def con_cita_acuerdo(pagina: Pagina, ficha: FichaAcuerdo, url_base: str,
                     anexos: dict[str, FichaAnexo]) -> Pagina:
    """La página del acuerdo con su apartado «Cómo citar» al final (las definiciones de siglas
    del pie valen en cualquier lugar del Markdown)."""
    bloque = bloque_cita_acuerdo(ficha, url_base, anexos)
    if not bloque:
        return pagina
    return replace(pagina, contenido=pagina.contenido.rstrip("\n") + "\n" + "\n".join(bloque))


def pagina_indice_anexos(grafo: Grafo, anexos: dict[str, FichaAnexo]) -> Pagina:
    """Índice de todos los anexos: documento, acuerdo, PDF, páginas, tamaño y SHA-256."""
    desde = urls.ANEXOS.ruta
    lineas = ["# Anexos para la Gaceta", "",
              "Cada documento del sitio produce su anexo, listo para la Gaceta Electoral, de los "
              "mismos datos que su página y sus datos abiertos. Cada PDF lleva la URL permanente de "
              "su documento y un código QR que la abre; el mismo contenido da siempre los mismos "
              "bytes, así que la huella SHA-256 publicada aquí identifica el anexo.", ""]
    con_pdf = [f for f in anexos.values() if f.ruta_pdf]
    if con_pdf or any(f.pdf_pendiente for f in anexos.values()):
        lineas += ["| Documento | Acuerdo | Anexo | Páginas | Tamaño | SHA-256 |",
                   "| --- | --- | --- | --- | --- | --- |"]
    else:
        lineas += ["Los PDF no se generaron en esta construcción (opción `anexos_pdf: false`).", "",
                   "| Documento | Acuerdo | Anexo |", "| --- | --- | --- |"]
    for ficha in anexos.values():
        doc = grafo.documentos[ficha.documento]
        documento = enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)
        acuerdo = enlace(ficha.acuerdo, urls.acuerdo(ficha.acuerdo), desde) if ficha.acuerdo else "—"
        vista = f"[vista de impresión]({_archivo(ficha.ruta_vista, desde)})"
        if ficha.ruta_pdf:
            lineas.append(f"| {documento} | {acuerdo} | {_descarga(ficha, desde, 'PDF')} · {vista} | "
                          f"{ficha.paginas} | {tamano_legible(ficha.bytes or 0)} | `{ficha.sha256}` |")
        elif ficha.pdf_pendiente:
            lineas.append(f"| {documento} | {acuerdo} | PDF en preparación · {vista} | — | — | — |")
        else:
            lineas.append(f"| {documento} | {acuerdo} | {vista} |")
    lineas += ["", "## Listas legibles por máquina", "",
               f"- [`anexos.json`]({_archivo(urls.LISTA_ANEXOS, desde)}): cada anexo con su documento, "
               "URL permanente, dirección corta del acuerdo, texto para citarlo, ruta del PDF, tamaño en "
               "bytes, páginas y SHA-256."]
    if con_pdf:
        lineas += [f"- [`SHA256SUMS`]({_archivo(urls.SUMAS_ANEXOS, desde)}): las huellas en el formato "
                   "de `sha256sum`.", "",
                   "## Cómo comprobar un anexo", "",
                   "Descargue el PDF y compare su huella con la publicada:", "",
                   "```sh", f"sha256sum {urls.descarga_anexo(con_pdf[0].documento)}", "```", "",
                   "En una copia completa del sitio, desde su raíz, `sha256sum -c anexos/SHA256SUMS` "
                   "comprueba todos a la vez."]
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, "Anexos para la Gaceta", contenido,
                  descripcion="Anexos en PDF listos para la Gaceta Electoral, con su tamaño, páginas "
                              "y huella SHA-256.")
