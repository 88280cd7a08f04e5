"""Páginas y bloques de los anexos para la Gaceta: el apartado «Anexo para la Gaceta» y «Cómo
citar» de cada documento, la dirección corta en la página de cada acuerdo y el índice de todos
los anexos con su tamaño, páginas y SHA-256.

Funciones puras: reciben las fichas de los anexos ya generados (``anexos.anexos``).
"""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from programas_spen.anexos.citas import url_corta
from programas_spen.anexos.integridad import FichaAnexo, tamano_legible
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaAcuerdo, Grafo
from programas_spen.sitio.paginas.comun import Pagina, enlace, rotulo, siglas_de
from programas_spen.sitio.secciones import (
    Bloque,
    Codigo,
    Contenido,
    Elemento,
    Enlace,
    Fila,
    Html,
    Lista,
    Parrafo,
    Seccion,
    Tabla,
    unir,
)

#: Lo que se publica de un PDF aún en preparación (solo en la vista previa, ver ``pdf_en_fondo``).
PDF_EN_PREPARACION = ("El PDF del anexo está en preparación (vista previa): la página se "
                      "actualiza sola cuando esté listo.")


def _archivo(ruta: str, desde: str) -> str:
    """Dirección de un archivo generado (PDF, vista de impresión, lista) relativa a la página
    ``desde``."""
    return urls.activo_desde(ruta, desde)


def _descarga(ficha: FichaAnexo, desde: str, texto: Contenido) -> Enlace:
    """Enlace que descarga el PDF del anexo con un nombre único entre documentos."""
    assert ficha.ruta_pdf is not None
    return Enlace(texto, _archivo(ficha.ruta_pdf, desde), descarga=urls.descarga_anexo(ficha.documento))


def _sin_pdf() -> tuple[str | Codigo, ...]:
    return ("El PDF del anexo no se generó en esta construcción (opción ", Codigo("anexos_pdf: false"), ").")


def bloque_anexo_documento(ficha: FichaAnexo) -> tuple[Bloque, ...]:
    """Los bloques que añade a la página del documento su anexo: el apartado «Anexo para la
    Gaceta» (solo en la web, no en el anexo mismo) con la descarga del PDF, la vista de
    impresión, la huella SHA-256 y el texto para citarlo en la Gaceta."""
    desde = urls.documento(ficha.documento).ruta
    elementos: list[Elemento] = []
    if ficha.ruta_pdf:
        elementos.append(Elemento(unir(_descarga(ficha, desde, "Descargar el anexo en PDF"),
                                       f" — {ficha.paginas} páginas, {tamano_legible(ficha.bytes or 0)}")))
    elif ficha.pdf_pendiente:
        elementos.append(Elemento(PDF_EN_PREPARACION))
    else:
        elementos.append(Elemento(_sin_pdf()))
    elementos.append(Elemento((Enlace("Vista de impresión del anexo", _archivo(ficha.ruta_vista, desde)),)))
    if ficha.sha256:
        elementos.append(Elemento(rotulo("SHA-256 del PDF", Codigo(ficha.sha256), " (compruébelo con ",
                                         Codigo(f"sha256sum {urls.descarga_anexo(ficha.documento)}"), ")")))
    elementos.append(Elemento((enlace("Todos los anexos y sus huellas", urls.ANEXOS),)))
    citar: list[Bloque] = [
        Parrafo("Texto para imprimir en la Gaceta Electoral junto al anexo:"),
        # el texto se copia tal cual: escapado, sin marcas de siglas
        Html(Markup('<blockquote class="cita-gaceta"><p>{}</p></blockquote>').format(ficha.cita)),
    ]
    if ficha.url_corta and ficha.acuerdo:
        citar.append(Parrafo((f"Dirección corta del acuerdo {ficha.acuerdo}, que lleva a su página: ",
                              Codigo(ficha.url_corta))))
    citar.append(Parrafo(("URL permanente de esta página: ", Codigo(ficha.url_pagina),
                          ". El PDF lleva esta URL en cada página y un código QR que la abre.")))
    return (Seccion("Anexo para la Gaceta", (
        Parrafo("Este documento produce su propio anexo, listo para publicarse en la Gaceta Electoral, a partir "
                "de los mismos datos que esta página."),
        Lista(tuple(elementos)),
        Seccion("Cómo citar", tuple(citar), id="como-citar", nivel=3),
    ), id="anexo", solo_web=True),)


def bloque_cita_acuerdo(ficha: FichaAcuerdo, url_base: str, anexos: dict[str, FichaAnexo]) -> Seccion | None:
    """Apartado «Cómo citar» de la página de un acuerdo: su dirección corta y los anexos de los
    documentos que aprueba; ``None`` si el número no tiene dirección corta."""
    corta = url_corta(ficha.numero, url_base)
    if corta is None:
        return None
    desde = urls.acuerdo(ficha.numero).ruta
    bloques: list[Bloque] = [Parrafo(("Dirección corta, para imprimir en la Gaceta Electoral: ", Codigo(corta),
                                      " — lleva a esta página."))]
    elementos = []
    for anexo in (anexos[d.id] for d in ficha.aprueba_documentos if d.id in anexos):
        texto = f"Anexo: {' '.join(anexo.titulo.split())}"
        if anexo.ruta_pdf:
            elementos.append(Elemento((_descarga(anexo, desde, texto + " (PDF)"), " — SHA-256 ",
                                       Codigo(anexo.sha256 or ""))))
        else:
            elementos.append(Elemento((Enlace(texto, _archivo(anexo.ruta_vista, desde)),)))
    if elementos:
        bloques.append(Lista(tuple(elementos)))
    return Seccion("Cómo citar", tuple(bloques), id="como-citar")


def con_cita_acuerdo(pagina: Pagina, ficha: FichaAcuerdo, url_base: str,
                     anexos: dict[str, FichaAnexo]) -> Pagina:
    """La página del acuerdo con su apartado «Cómo citar» al final."""
    bloque = bloque_cita_acuerdo(ficha, url_base, anexos)
    if bloque is None:
        return pagina
    return replace(pagina, cuerpo=(*pagina.cuerpo, bloque))


def pagina_indice_anexos(grafo: Grafo, anexos: dict[str, FichaAnexo]) -> Pagina:
    """Índice de todos los anexos: documento, acuerdo, PDF, páginas, tamaño y SHA-256."""
    desde = urls.ANEXOS.ruta
    cuerpo: list[Bloque] = [Parrafo(
        "Cada documento del sitio produce su anexo, listo para la Gaceta Electoral, de los mismos datos que su "
        "página y sus datos abiertos. Cada PDF lleva la URL permanente de su documento y un código QR que la "
        "abre; el mismo contenido da siempre los mismos bytes, así que la huella SHA-256 publicada aquí "
        "identifica el anexo.")]
    con_pdf = [f for f in anexos.values() if f.ruta_pdf]
    completa = bool(con_pdf) or any(f.pdf_pendiente for f in anexos.values())
    filas = []
    for ficha in anexos.values():
        doc = grafo.documentos[ficha.documento]
        documento = (enlace(doc.titulo_corto, urls.documento(doc.id)),)
        acuerdo: Contenido = (enlace(ficha.acuerdo, urls.acuerdo(ficha.acuerdo)),) if ficha.acuerdo else "—"
        vista = Enlace("vista de impresión", _archivo(ficha.ruta_vista, desde))
        if ficha.ruta_pdf:
            filas.append(Fila((documento, acuerdo, (_descarga(ficha, desde, "PDF"), " · ", vista), str(ficha.paginas),
                               tamano_legible(ficha.bytes or 0), (Codigo(ficha.sha256 or ""),))))
        elif ficha.pdf_pendiente:
            filas.append(Fila((documento, acuerdo, ("PDF en preparación · ", vista), "—", "—", "—")))
        elif completa:
            filas.append(Fila((documento, acuerdo, (vista,), "", "", "")))
        else:
            filas.append(Fila((documento, acuerdo, (vista,))))
    if completa:
        cuerpo.append(Tabla(("Documento", "Acuerdo", "Anexo", "Páginas", "Tamaño", "SHA-256"), tuple(filas)))
    else:
        cuerpo += [Parrafo(("Los PDF no se generaron en esta construcción (opción ", Codigo("anexos_pdf: false"),
                            ").")),
                   Tabla(("Documento", "Acuerdo", "Anexo"), tuple(filas))]
    listas = [Elemento((Enlace((Codigo("anexos.json"),), _archivo(urls.LISTA_ANEXOS, desde)),
                        ": cada anexo con su documento, URL permanente, dirección corta del acuerdo, texto para "
                        "citarlo, ruta del PDF, tamaño en bytes, páginas y SHA-256."))]
    if con_pdf:
        listas.append(Elemento((Enlace((Codigo("SHA256SUMS"),), _archivo(urls.SUMAS_ANEXOS, desde)),
                                ": las huellas en el formato de ", Codigo("sha256sum"), ".")))
    cuerpo.append(Seccion("Listas legibles por máquina", (Lista(tuple(listas)),)))
    if con_pdf:
        cuerpo.append(Seccion("Cómo comprobar un anexo", (
            Parrafo("Descargue el PDF y compare su huella con la publicada:"),
            Parrafo((Codigo(f"sha256sum {urls.descarga_anexo(con_pdf[0].documento)}"),)),
            Parrafo(("En una copia completa del sitio, desde su raíz, ", Codigo("sha256sum -c anexos/SHA256SUMS"),
                     " comprueba todos a la vez.")),
        )))
    return Pagina(desde, "Anexos para la Gaceta", tuple(cuerpo), siglas=siglas_de(grafo),
                  descripcion="Anexos en PDF listos para la Gaceta Electoral, con su tamaño, páginas y huella "
                              "SHA-256.")
