"""El catálogo de datos para la cosecha de portales (``data.json`` en la raíz del sitio), con
los campos que pide la Guía de Implementación de la Política de Datos Abiertos para
datos.gob.mx (el formato DCAT de Project Open Data, v1.1): un conjunto de datos para el sitio
completo y uno por documento, cada uno con sus distribuciones (URL de descarga, tipo de
medio y tamaño), la licencia Libre Uso MX y el texto con que se cita.

El contacto no está en los datos de los documentos: es un dato de quien publica el sitio
(``Contacto``), como su URL pública.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from programas_spen.datos_abiertos.atribucion import (
    LICENCIA,
    NOMBRE_CONJUNTO,
    cita,
    fecha_documento,
    fecha_sitio,
    palabras_clave,
    periodo,
    siglas_instituciones,
)
from programas_spen.datos_abiertos.descarga import Descarga
from programas_spen.modelo.registros import TIPOS_DOCUMENTO, Documento
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo

#: Campos de cada conjunto de datos que pide la Guía, y de cada distribución.
CAMPOS_CONJUNTO = ("identifier", "title", "description", "keyword", "modified", "contactPoint", "mbox", "temporal",
                   "spatial", "landingPage", "accrualPeriodicity", "license", "distribution")
CAMPOS_DISTRIBUCION = ("downloadURL", "mediaType", "byteSize")


@dataclass(frozen=True)
class Contacto:
    """Quién responde por los datos publicados: nombre y correo."""

    nombre: str
    correo: str


#: Contacto por omisión (como ``construir.URL_BASE``): quien publica el sitio lo fija con la
#: variable ``CONTACTO_DATOS`` (un correo); sin ella, el buzón ``datos@`` del dominio del sitio.
CONTACTO = Contacto("Programas del SPEN", "datos@programas-spen.example")


def contacto_del_sitio(url_base: str) -> Contacto:
    """El contacto del catálogo: ``CONTACTO_DATOS`` si se fijó; si no, ``datos@`` del dominio
    de la URL pública del sitio (el mismo que publica los datos)."""
    correo = os.environ.get("CONTACTO_DATOS", "").strip()
    if correo:
        return Contacto(CONTACTO.nombre, correo)
    dominio = urlsplit(url_base).hostname
    return Contacto(CONTACTO.nombre, f"datos@{dominio}") if dominio else CONTACTO


def _distribucion(descarga: Descarga, url_base: str, modificado: str) -> dict[str, object]:
    return {
        "title": descarga.titulo,
        "description": descarga.descripcion,
        "downloadURL": urls.absoluta(url_base, descarga.ruta),
        "mediaType": descarga.tipo_medio,
        "format": descarga.formato,
        "byteSize": descarga.bytes,
        "modified": modificado,
        "license": LICENCIA.url,
    }


def _espacio(documentos: Sequence[Documento], grafo: Grafo) -> str:
    """Cobertura geográfica: México (nacional) para el INE, la entidad para un OPLE."""
    lugares: list[str] = []
    for doc in documentos:
        institucion = grafo.instituciones[doc.institucion]
        lugar = institucion.entidad if institucion.tipo == "ople" and institucion.entidad else "México"
        if lugar not in lugares:
            lugares.append(lugar)
    return ", ".join(lugares) or "México"


def _conjunto(identificador: str, titulo: str, descripcion: str, documentos: Sequence[Documento],
              descargas: Sequence[Descarga], modificado: str, pagina: str, url_cita: str, grafo: Grafo,
              url_base: str, contacto: Contacto) -> dict[str, object]:
    return {
        "identifier": identificador,
        "title": titulo,
        "description": descripcion,
        "keyword": palabras_clave(documentos, grafo),
        "issued": modificado,
        "modified": modificado,
        "contactPoint": contacto.nombre,
        "mbox": contacto.correo,
        "publisher": {"name": NOMBRE_CONJUNTO, "mbox": contacto.correo},
        "temporal": periodo(documentos),
        "spatial": _espacio(documentos, grafo),
        "landingPage": pagina,
        "accrualPeriodicity": "irregular",
        "language": ["es"],
        "license": LICENCIA.url,
        "rights": f"{LICENCIA.titulo} ({LICENCIA.url}). Cítese así: "
                  f"{cita(titulo, siglas_instituciones(documentos, grafo), url_cita)}",
        "distribution": [_distribucion(d, url_base, modificado) for d in descargas],
    }


def catalogo(grafo: Grafo, url_base: str, del_sitio: Sequence[Descarga],
             por_documento: Mapping[str, Sequence[Descarga]], contacto: Contacto | None = None) -> dict[str, object]:
    """El ``data.json``: el catálogo con el conjunto del sitio y el de cada documento."""
    contacto = contacto or contacto_del_sitio(url_base)
    documentos = grafo.datos.documentos
    fecha = fecha_sitio(grafo)
    pagina = urls.absoluta(url_base, urls.DATOS_ABIERTOS.url())
    conjuntos = [_conjunto(
        pagina, NOMBRE_CONJUNTO,
        "Programas de trabajo del Servicio Profesional Electoral Nacional (SPEN) y su seguimiento: actividades, "
        "temas, sesiones, compromisos y acuerdos de todos los documentos del sitio, en tablas CSV, un libro XLSX, "
        "JSON y un Data Package de Frictionless, con su diccionario de datos.",
        documentos, del_sitio, fecha, pagina, pagina, grafo, url_base, contacto)]
    for doc in documentos:
        url = urls.absoluta(url_base, urls.apartado(doc.id, urls.APARTADO_DATOS_ABIERTOS).url())
        titulo = f"{NOMBRE_CONJUNTO}: {' '.join(doc.titulo_corto.split())}"
        descripcion = (f"{TIPOS_DOCUMENTO[doc.tipo]}: «{' '.join(doc.titulo.split())}». Sus registros en tablas "
                       "CSV, un libro XLSX y JSON.")
        conjuntos.append(_conjunto(url, titulo, descripcion, [doc], por_documento.get(doc.id, ()),
                                   fecha_documento(doc, grafo).valor,
                                   urls.absoluta(url_base, urls.documento(doc.id).url()), url, grafo, url_base,
                                   contacto))
    return {
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "title": NOMBRE_CONJUNTO,
        "description": "Catálogo de datos abiertos de los programas de trabajo del SPEN y su seguimiento.",
        "homepage": urls.absoluta(url_base, urls.INICIO.url()),
        "language": ["es"],
        "license": LICENCIA.url,
        "modified": fecha,
        "publisher": {"name": NOMBRE_CONJUNTO, "mbox": contacto.correo},
        "spatial": "México",
        "dataset": conjuntos,
    }
