"""Licencia, cita, fechas y palabras clave de los datos abiertos: lo que comparten el Data
Package, el catálogo DCAT, los feeds, los datos estructurados y las páginas.

Las fechas salen siempre de los datos, nunca del reloj. La de un documento es la que da su
fuente; si no la da, la de la sesión en que se presentó, la del acuerdo que lo aprueba, el
primer día del periodo de su calendario o, en último caso, el 1 de enero de su ejercicio; cada
una dice de dónde salió.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from programas_spen.modelo.registros import TIPOS_DOCUMENTO, Documento
from programas_spen.sitio.grafo import Grafo

NOMBRE_CONJUNTO = "Programas del SPEN"
#: Hora de la Ciudad de México, la de las fechas de los feeds y los metadatos.
ZONA = ZoneInfo("America/Mexico_City")
#: Marca que quien cita escribe con la fecha en que consultó los datos.
FECHA_CONSULTA = "AAAA-MM-DD"


@dataclass(frozen=True)
class Licencia:
    """La licencia de los datos."""

    nombre: str
    titulo: str
    url: str


LICENCIA = Licencia("libre-uso-mx", "Términos de Libre Uso MX", "https://datos.gob.mx/libreusomx")


@dataclass(frozen=True)
class Fecha:
    """Una fecha de los datos (AAAA-MM-DD) y de dónde sale."""

    valor: str
    criterio: str


def fecha_documento(doc: Documento, grafo: Grafo) -> Fecha:
    """La fecha de un documento para sus metadatos y feeds (ver el módulo)."""
    if doc.fecha:
        return Fecha(doc.fecha, "fecha del documento")
    if doc.presentado_en and doc.presentado_en.sesion in grafo.sesiones:
        return Fecha(grafo.sesiones[doc.presentado_en.sesion].fecha, "fecha de la sesión en que se presentó")
    if doc.aprobado_por and doc.aprobado_por in grafo.acuerdos:
        fecha = grafo.acuerdos[doc.aprobado_por].primero("fecha")
        if isinstance(fecha, str):
            return Fecha(fecha, f"fecha del acuerdo {doc.aprobado_por}, que lo aprueba")
    if doc.periodo:
        return Fecha(f"{doc.periodo.desde}-01", "primer día del periodo de su calendario (la fuente no da fecha)")
    return Fecha(f"{doc.anio}-01-01", "1 de enero de su ejercicio (la fuente no da fecha)")


def fecha_sitio(grafo: Grafo) -> str:
    """La fecha más reciente de los documentos (AAAA-MM-DD); sin documentos, 1 de enero de 2000."""
    return max((fecha_documento(d, grafo).valor for d in grafo.datos.documentos), default="2000-01-01")


def momento(fecha: str) -> str:
    """AAAA-MM-DD → fecha y hora ISO 8601 a medianoche de la Ciudad de México
    (``2024-06-17T00:00:00-06:00``)."""
    return datetime.fromisoformat(fecha).replace(tzinfo=ZONA).isoformat()


def periodo(documentos: Iterable[Documento]) -> str | None:
    """Periodo ISO 8601 que cubren los documentos: ``2020-01/2025-11`` (de sus calendarios o, si
    no tienen, de sus ejercicios); ``None`` sin documentos."""
    desde: list[str] = []
    hasta: list[str] = []
    for doc in documentos:
        desde.append(doc.periodo.desde if doc.periodo else f"{doc.anio}-01")
        hasta.append(doc.periodo.hasta if doc.periodo else f"{doc.anio}-12")
    if not desde:
        return None
    return f"{min(desde)}/{max(hasta)}"


def siglas_instituciones(documentos: Iterable[Documento], grafo: Grafo) -> list[str]:
    """Las siglas de las instituciones de los documentos, sin repetir y en orden del catálogo."""
    propias = {d.institucion for d in documentos}
    return [i.siglas for i in grafo.instituciones.values() if i.id in propias]


def palabras_clave(documentos: Sequence[Documento], grafo: Grafo) -> list[str]:
    """Palabras clave: el SPEN, las instituciones, los órganos y las clases de documento."""
    palabras = ["SPEN", "Servicio Profesional Electoral Nacional", "programas de trabajo", "seguimiento"]
    palabras += siglas_instituciones(documentos, grafo)
    for doc in documentos:
        organo = grafo.organos.get(doc.organo)
        for palabra in (organo.siglas if organo else None, TIPOS_DOCUMENTO[doc.tipo].lower()):
            if palabra and palabra not in palabras:
                palabras.append(palabra)
    return palabras


def cita(nombre: str, siglas: Sequence[str], url: str) -> str:
    """El texto para citar un conjunto de datos que pide la licencia Libre Uso MX: nombre del
    conjunto, siglas de la institución, URL de descarga y fecha de consulta (que quien cita
    escribe en lugar de «AAAA-MM-DD»)."""
    return f"«{nombre}», {', '.join(siglas)}; {url}, fecha de consulta: {FECHA_CONSULTA}."
