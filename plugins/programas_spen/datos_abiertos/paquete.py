"""El Data Package de Frictionless (v2): ``datapackage.json`` con un recurso por tabla (su CSV,
tamaño, SHA-256, dialecto y Table Schema con tipos, restricciones, clave primaria y claves
foráneas), la licencia y las fuentes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from programas_spen.datos_abiertos.atribucion import LICENCIA, NOMBRE_CONJUNTO
from programas_spen.datos_abiertos.esquema_tabla import Tabla
from programas_spen.modelo.registros import Documento

PERFIL = "https://datapackage.org/profiles/2.0/datapackage.json"
PERFIL_RECURSO = "https://datapackage.org/profiles/2.0/dataresource.json"
PERFIL_DIALECTO = "https://datapackage.org/profiles/2.0/tabledialect.json"


def recurso(tabla: Tabla, ruta: str, contenido: bytes, huella: str) -> dict[str, object]:
    """El recurso de una tabla: su CSV (``ruta`` relativa a ``datapackage.json``) y su esquema."""
    return {
        "$schema": PERFIL_RECURSO,
        "name": tabla.nombre,
        "type": "table",
        "path": ruta,
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": tabla.esquema.titulo,
        "description": tabla.esquema.descripcion,
        "bytes": len(contenido),
        "hash": f"sha256:{huella}",
        "dialect": {"$schema": PERFIL_DIALECTO, "header": True, "delimiter": ",", "lineTerminator": "\r\n",
                    "quoteChar": '"', "doubleQuote": True},
        "schema": tabla.esquema.table_schema(),
    }


def datapackage(recursos: Sequence[dict[str, object]], documentos: Sequence[Documento],
                url_documento: Mapping[str, str], identificador: str, pagina: str, creado: str,
                palabras: Sequence[str]) -> dict[str, object]:
    """El ``datapackage.json``: ``identificador`` (su URL), ``pagina`` (la de «Datos abiertos»),
    ``creado`` (fecha y hora de los datos, ISO 8601) y una fuente por documento (su página)."""
    return {
        "$schema": PERFIL,
        "name": "programas-spen",
        "id": identificador,
        "title": NOMBRE_CONJUNTO,
        "description": "Los programas de trabajo del Servicio Profesional Electoral Nacional (SPEN) y su "
                       "seguimiento, transcritos de sus documentos fuente: una tabla por clase de registro "
                       "(actividades, temas, sesiones, compromisos, acuerdos…). Donde la fuente no da un dato, "
                       "la celda dice «no dado en la fuente». Los textos de CSV que empiezan con =, +, -, @ o ' "
                       "llevan un apóstrofo delante (protección contra fórmulas): quítelo para recuperar el "
                       "texto exacto.",
        "homepage": pagina,
        "created": creado,
        "keywords": list(palabras),
        "licenses": [{"name": LICENCIA.nombre, "path": LICENCIA.url, "title": LICENCIA.titulo}],
        "sources": [{"title": doc.titulo_corto, "path": url_documento[doc.id]} for doc in documentos],
        "resources": list(recursos),
    }
