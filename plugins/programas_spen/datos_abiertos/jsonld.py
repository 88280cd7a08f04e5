"""Datos estructurados (JSON-LD, vocabulario de schema.org) para las páginas: ``Legislation``
para los acuerdos, ``Event`` para las sesiones, ``Report`` (informes de seguimiento) o
``CreativeWork`` (programas y planes) para los documentos, y ``Dataset`` con ``DataDownload``
para sus descargas.

Cada bloque es un ``<script type="application/ld+json">`` que arma este módulo: el JSON sale de
``json.dumps`` y se escapan ``<``, ``>`` y ``&`` (``\\u003c``…), de modo que ningún texto de los
datos puede cerrar el ``<script>`` ni abrir otro marcado. Solo se escribe lo que dan los datos:
una fecha que la fuente no da no aparece.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from markupsafe import Markup

from programas_spen.datos_abiertos.atribucion import (
    LICENCIA,
    NOMBRE_CONJUNTO,
    cita,
    fecha_documento,
    palabras_clave,
    periodo,
    siglas_instituciones,
)
from programas_spen.datos_abiertos.descarga import Descarga
from programas_spen.modelo.registros import TIPOS_SESION, Documento
from programas_spen.modelo.texto import fecha_larga
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaAcuerdo, FichaSesion, Grafo
from programas_spen.sitio.secciones import Html

CONTEXTO = "https://schema.org"


def script(datos: Mapping[str, object]) -> Html:
    """El ``<script type="application/ld+json">`` con ``datos``, seguro dentro del HTML."""
    texto = json.dumps(datos, ensure_ascii=False, separators=(",", ":"))
    seguro = texto.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Html(Markup('<script type="application/ld+json">') + Markup(seguro) + Markup("</script>"))


def _texto(texto: str) -> str:
    return " ".join(texto.split())


def _organizacion(nombre: str) -> dict[str, object]:
    return {"@type": "GovernmentOrganization", "name": _texto(nombre)}


def _sin_vacios(datos: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in datos.items() if v not in (None, "", [], {})}


def descarga(archivo: Descarga, url_base: str) -> dict[str, object]:
    """Un ``DataDownload``: URL, formato y tamaño."""
    return {"@type": "DataDownload", "name": archivo.titulo, "contentUrl": urls.absoluta(url_base, archivo.ruta),
            "encodingFormat": archivo.tipo_medio, "contentSize": f"{archivo.bytes} B"}


def conjunto(identificador: str, nombre: str, descripcion: str, documentos: Sequence[Documento], grafo: Grafo,
             descargas: Sequence[Descarga], url_base: str, modificado: str, url_cita: str) -> dict[str, object]:
    """Un ``Dataset`` de los documentos, con sus descargas, licencia y texto para citarlo."""
    lugares = sorted({grafo.instituciones[d.institucion].entidad or "México" for d in documentos})
    return _sin_vacios({
        "@type": "Dataset",
        "@id": identificador,
        "url": identificador,
        "name": nombre,
        "description": descripcion,
        "inLanguage": "es",
        "license": LICENCIA.url,
        "isAccessibleForFree": True,
        "creditText": cita(nombre, siglas_instituciones(documentos, grafo), url_cita),
        "keywords": palabras_clave(documentos, grafo),
        "dateModified": modificado,
        "temporalCoverage": periodo(documentos),
        "spatialCoverage": [{"@type": "Place", "name": lugar} for lugar in lugares],
        "creator": [_organizacion(grafo.instituciones[i].nombre)
                    for i in dict.fromkeys(d.institucion for d in documentos)],
        "publisher": {"@type": "Organization", "name": NOMBRE_CONJUNTO, "url": urls.absoluta(url_base, "")},
        "distribution": [descarga(d, url_base) for d in descargas],
    })


def documento(doc: Documento, grafo: Grafo, url_base: str, descargas: Sequence[Descarga]) -> dict[str, object]:
    """El documento (``Report`` o ``CreativeWork``) y el ``Dataset`` de sus datos abiertos."""
    url = urls.absoluta(url_base, urls.documento(doc.id).url())
    url_datos = urls.absoluta(url_base, urls.apartado(doc.id, urls.APARTADO_DATOS_ABIERTOS).url())
    obra = _sin_vacios({
        "@type": "Report" if doc.tipo == "informe_seguimiento" else "CreativeWork",
        "@id": url,
        "url": url,
        "name": _texto(doc.titulo),
        "alternateName": _texto(doc.titulo_corto),
        "inLanguage": "es",
        "datePublished": doc.fecha,
        "temporalCoverage": f"{doc.periodo.desde}/{doc.periodo.hasta}" if doc.periodo else None,
        "author": _organizacion(grafo.organos[doc.organo].nombre) if doc.organo in grafo.organos else None,
        "publisher": _organizacion(grafo.instituciones[doc.institucion].nombre),
        "subjectOf": {"@id": url_datos},
    })
    datos = conjunto(url_datos, f"{NOMBRE_CONJUNTO}: {_texto(doc.titulo_corto)}",
                     f"Los registros de «{_texto(doc.titulo)}» en tablas CSV, un libro XLSX y JSON.", [doc], grafo,
                     descargas, url_base, fecha_documento(doc, grafo).valor, url_datos)
    datos["isBasedOn"] = {"@id": url}
    return {"@context": CONTEXTO, "@graph": [obra, datos]}


def acuerdo(ficha: FichaAcuerdo, grafo: Grafo, url_base: str) -> dict[str, object]:
    """Un acuerdo (``Legislation``): número, título, fecha, quién lo aprobó y su liga oficial."""
    url = urls.absoluta(url_base, urls.acuerdo(ficha.numero).url())
    organo = grafo.organos.get(ficha.organo or "")
    titulo = ficha.primero("titulo")
    fecha = ficha.primero("fecha")
    enlace = ficha.primero("enlace")
    return _sin_vacios({
        "@context": CONTEXTO,
        "@type": "Legislation",
        "@id": url,
        "url": url,
        "name": _texto(str(titulo)) if titulo else f"Acuerdo {ficha.numero}",
        "legislationIdentifier": ficha.numero,
        "legislationDate": fecha if isinstance(fecha, str) else None,
        "legislationPassedBy": _organizacion(organo.nombre) if organo else None,
        "inLanguage": "es",
        "sameAs": enlace if isinstance(enlace, str) else None,
    })


def sesion(ficha: FichaSesion, grafo: Grafo, url_base: str) -> dict[str, object]:
    """Una sesión celebrada (``Event``): fecha, órgano que sesionó y su página."""
    url = urls.absoluta(url_base, urls.sesion(ficha.id).url())
    organo = grafo.organos.get(ficha.organo)
    nombre_organo = organo.nombre if organo else ficha.organo
    return _sin_vacios({
        "@context": CONTEXTO,
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": f"Sesión {TIPOS_SESION.get(ficha.tipo, ficha.tipo)} de {_texto(nombre_organo)}, "
                f"{fecha_larga(ficha.fecha)}",
        "startDate": ficha.fecha,
        "organizer": _organizacion(nombre_organo),
        "inLanguage": "es",
    })
