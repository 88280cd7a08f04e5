"""Feeds Atom (RFC 4287) de novedades: uno del sitio y uno por institución.

Una entrada por documento publicado (cada informe de seguimiento es uno) y una por compromiso
cuyo estatus o porcentaje cambió de un informe de seguimiento al siguiente. Un compromiso es
el mismo en dos informes si proviene de la misma sesión y su texto es el mismo (sin contar
espacios): así lo siguen los informes sucesivos hasta que se concluye.

El id de cada entrada es la URL permanente de lo que anuncia (la página del documento, el
ancla del compromiso en el informe nuevo), así que un lector no la duplica. Las fechas salen
de los datos (``atribucion.fecha_documento``), a medianoche de la Ciudad de México; nunca del
reloj: los mismos datos dan los mismos bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from programas_spen.datos_abiertos.atribucion import LICENCIA, NOMBRE_CONJUNTO, fecha_documento, momento
from programas_spen.modelo.registros import ESTATUS, TIPOS_DOCUMENTO, Compromiso, Documento
from programas_spen.modelo.texto import numero
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo

ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Categorías de las entradas: término → etiqueta.
CATEGORIAS = {
    "documento": "Documento nuevo",
    "informe": "Informe de seguimiento nuevo",
    "compromiso": "Cambio en un compromiso",
}


@dataclass(frozen=True)
class Entrada:
    """Una novedad: su id y enlace (la URL permanente), título, fecha (AAAA-MM-DD), resumen,
    categoría y la institución a la que pertenece."""

    id: str
    titulo: str
    fecha: str
    resumen: str
    categoria: str
    institucion: str


def _texto(texto: str) -> str:
    return " ".join(texto.split())


def _entrada_documento(doc: Documento, grafo: Grafo, url_base: str) -> Entrada:
    fecha = fecha_documento(doc, grafo)
    institucion = grafo.instituciones[doc.institucion]
    informe = doc.tipo == "informe_seguimiento"
    titulo = ("Nuevo informe de seguimiento: " if informe else "Nuevo documento: ") + _texto(doc.titulo_corto)
    resumen = (f"{TIPOS_DOCUMENTO[doc.tipo]} — {institucion.nombre}: «{_texto(doc.titulo)}». "
               f"Fecha de esta entrada: {fecha.criterio}.")
    return Entrada(urls.absoluta(url_base, urls.documento(doc.id).url()), titulo, fecha.valor, resumen,
                   "informe" if informe else "documento", doc.institucion)


def _porcentaje(compromiso: Compromiso) -> str:
    return f"{numero(compromiso.porcentaje)} %"


def _entradas_compromisos(grafo: Grafo, url_base: str) -> list[Entrada]:
    """Los compromisos cuyo estatus o porcentaje cambió respecto del informe anterior que los
    trae (ver el módulo)."""
    informes = sorted((d for d in grafo.datos.documentos if d.tipo == "informe_seguimiento"),
                      key=lambda d: (fecha_documento(d, grafo).valor, d.id))
    ultimo: dict[tuple[str, str], tuple[Documento, Compromiso]] = {}
    entradas: list[Entrada] = []
    for informe in informes:
        fecha = fecha_documento(informe, grafo).valor
        for compromiso in informe.compromisos:
            clave = (compromiso.sesion, _texto(compromiso.texto))
            anterior = ultimo.get(clave)
            ultimo[clave] = (informe, compromiso)
            if anterior is None:
                continue
            previo, antes = anterior
            if (antes.estatus, antes.porcentaje) == (compromiso.estatus, compromiso.porcentaje):
                continue
            titulo = (f"Compromiso {compromiso.numero} de «{_texto(informe.titulo_corto)}»: "
                      f"{ESTATUS[antes.estatus]} ({_porcentaje(antes)}) → "
                      f"{ESTATUS[compromiso.estatus]} ({_porcentaje(compromiso)})")
            resumen = (f"«{_texto(compromiso.texto)}» — el informe «{_texto(informe.titulo_corto)}» lo da como "
                       f"«{_texto(compromiso.estatus_texto)}», con {_porcentaje(compromiso)} de avance; el informe "
                       f"anterior, «{_texto(previo.titulo_corto)}», lo daba como «{_texto(antes.estatus_texto)}», "
                       f"con {_porcentaje(antes)}. Avance: {_texto(compromiso.avance)}")
            url = urls.absoluta(url_base, urls.compromiso(informe.id, compromiso.id).url())
            entradas.append(Entrada(url, titulo, fecha, resumen, "compromiso", informe.institucion))
    return entradas


def entradas(grafo: Grafo, url_base: str) -> list[Entrada]:
    """Todas las novedades del sitio, de la más reciente a la más antigua."""
    todas = [_entrada_documento(d, grafo, url_base) for d in grafo.datos.documentos]
    todas += _entradas_compromisos(grafo, url_base)
    todas.sort(key=lambda e: e.id)
    todas.sort(key=lambda e: e.fecha, reverse=True)
    return todas


def _sub(padre: ET.Element, nombre: str, texto: str | None = None, **atributos: str) -> ET.Element:
    elemento = ET.SubElement(padre, nombre, atributos)
    if texto is not None:
        elemento.text = texto
    return elemento


def escribir_feed(novedades: Sequence[Entrada], titulo: str, subtitulo: str, url_feed: str,
                  url_pagina: str, url_base: str) -> bytes:
    """El feed Atom de ``novedades`` (ya ordenadas). ``url_feed`` es su propia URL (y su id);
    ``url_pagina`` la página HTML que le corresponde."""
    raiz = ET.Element("feed", {"xmlns": ATOM, _XML_LANG: "es-MX"})
    _sub(raiz, "id", url_feed)
    _sub(raiz, "title", titulo)
    _sub(raiz, "subtitle", subtitulo)
    _sub(raiz, "link", rel="self", type="application/atom+xml", href=url_feed)
    _sub(raiz, "link", rel="alternate", type="text/html", href=url_pagina)
    _sub(raiz, "updated", momento(max((e.fecha for e in novedades), default="2000-01-01")))
    autor = _sub(raiz, "author")
    _sub(autor, "name", NOMBRE_CONJUNTO)
    _sub(autor, "uri", url_base)
    _sub(raiz, "rights", f"Datos bajo los {LICENCIA.titulo}: {LICENCIA.url}")
    _sub(raiz, "generator", NOMBRE_CONJUNTO, uri=url_base)
    for novedad in novedades:
        entrada = _sub(raiz, "entry")
        _sub(entrada, "id", novedad.id)
        _sub(entrada, "title", novedad.titulo)
        _sub(entrada, "updated", momento(novedad.fecha))
        _sub(entrada, "published", momento(novedad.fecha))
        _sub(entrada, "link", rel="alternate", type="text/html", href=novedad.id)
        _sub(entrada, "summary", novedad.resumen)
        _sub(entrada, "category", term=novedad.categoria, label=CATEGORIAS[novedad.categoria])
    ET.indent(raiz)
    return ET.tostring(raiz, encoding="utf-8", xml_declaration=True) + b"\n"


def feeds(grafo: Grafo, url_base: str) -> list[tuple[str, bytes]]:
    """(ruta, contenido) del feed del sitio y del de cada institución con documentos."""
    todas = entradas(grafo, url_base)
    resultado = [(urls.novedades(), escribir_feed(
        todas, f"Novedades de {NOMBRE_CONJUNTO}",
        "Documentos nuevos, informes de seguimiento nuevos y compromisos cuyo estatus o porcentaje cambió.",
        urls.absoluta(url_base, urls.novedades()), urls.absoluta(url_base, urls.INICIO.url()), url_base))]
    for institucion in grafo.instituciones.values():
        propias = [e for e in todas if e.institucion == institucion.id]
        if not propias:
            continue
        ruta = urls.novedades(institucion.id)
        resultado.append((ruta, escribir_feed(
            propias, f"Novedades de {institucion.nombre} en {NOMBRE_CONJUNTO}",
            f"Documentos nuevos, informes de seguimiento nuevos y cambios en compromisos de {institucion.nombre}.",
            urls.absoluta(url_base, ruta), urls.absoluta(url_base, urls.institucion(institucion.id).url()),
            url_base)))
    return resultado
