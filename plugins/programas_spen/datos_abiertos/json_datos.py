"""El modelo validado como JSON, con la forma de los archivos de datos y sus esquemas publicados.

Cada documento se escribe como un objeto que valida el esquema publicado de los archivos de
datos (``documento.schema.json``): las mismas claves que su YAML, con los valores ya validados y
normalizados (los porcentajes como números, las siglas y los bloques de prosa como el modelo
los leyó), sin los datos internos de la carga (líneas, archivo). El catálogo valida
``instituciones.schema.json``, y el sitio completo (catálogo y documentos) un esquema que reúne
los dos (``datos.schema.json``). Los esquemas se publican con su ``$id`` en la URL pública del
sitio.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, ESQUEMA_INSTITUCIONES, cargar_esquema
from programas_spen.modelo.bloques import Encabezado, Lista, Parrafo
from programas_spen.modelo.bloques import Tabla as TablaProsa
from programas_spen.modelo.registros import Catalogo, Datos, Documento
from programas_spen.sitio import urls

#: Esquema del sitio completo (catálogo y documentos).
ESQUEMA_DATOS = "datos.schema.json"
#: Campos del modelo que no son de los datos sino de la carga.
_INTERNOS = frozenset({"linea", "documento"})


def _bloque(bloque: object) -> dict[str, Any]:
    """Un bloque de prosa como en el archivo de datos: ``{clase: contenido}``."""
    if isinstance(bloque, Parrafo):
        return {"parrafo": bloque.texto}
    if isinstance(bloque, Encabezado):
        return {"encabezado": bloque.texto if bloque.nivel == 1 else {"texto": bloque.texto, "nivel": bloque.nivel}}
    if isinstance(bloque, Lista):
        return {"lista_numerada" if bloque.numerada else "lista": list(bloque.elementos)}
    if isinstance(bloque, TablaProsa):
        return {"tabla": {"encabezados": list(bloque.encabezados), "filas": [list(f) for f in bloque.filas]}}
    raise TypeError(f"bloque desconocido: {type(bloque).__name__}")


def _valor(valor: object, excluir: frozenset[str] = _INTERNOS) -> Any:
    if isinstance(valor, (Parrafo, Encabezado, Lista, TablaProsa)):
        return _bloque(valor)
    if dataclasses.is_dataclass(valor) and not isinstance(valor, type):
        resultado: dict[str, Any] = {}
        for campo in dataclasses.fields(valor):
            if campo.name in excluir:
                continue
            dato = getattr(valor, campo.name)
            if dato is None or dato == () or dato == {}:
                continue
            resultado[campo.name] = _valor(dato)
        return resultado
    if isinstance(valor, tuple):
        return [_valor(v) for v in valor]
    if isinstance(valor, dict):
        return {k: _valor(v) for k, v in valor.items()}
    return valor


def documento_json(doc: Documento) -> dict[str, Any]:
    """El documento con la forma de su archivo de datos (valida ``documento.schema.json``)."""
    return _valor(doc, _INTERNOS | {"archivo"})  # type: ignore[no-any-return]


def catalogo_json(catalogo: Catalogo) -> dict[str, Any]:
    """El catálogo con la forma de ``datos/instituciones.yml``."""
    return _valor(catalogo, _INTERNOS | {"archivo"})  # type: ignore[no-any-return]


def datos_json(datos: Datos) -> dict[str, Any]:
    """El sitio completo: el catálogo y todos los documentos (valida ``datos.schema.json``)."""
    return {"catalogo": catalogo_json(datos.catalogo), "documentos": [documento_json(d) for d in datos.documentos]}


def serializar(valor: object) -> bytes:
    """JSON legible y estable: UTF-8, sangría de dos espacios, claves en el orden del modelo."""
    return (json.dumps(valor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def esquemas_publicados(url_base: str) -> dict[str, dict[str, Any]]:
    """Los tres esquemas JSON que se publican (por nombre de archivo), con su ``$id`` en la URL
    pública del sitio: el de un documento, el del catálogo y el del sitio completo, que se
    refiere a los otros dos."""
    def con_id(esquema: dict[str, Any], nombre: str) -> dict[str, Any]:
        return {**esquema, "$id": urls.absoluta(url_base, urls.esquema(nombre))}

    datos = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Programas del SPEN: todos los datos",
        "description": "El catálogo de instituciones, órganos y áreas, y todos los documentos, validados; cada "
                       "documento con la forma de su archivo de datos.",
        "type": "object",
        "additionalProperties": False,
        "required": ["catalogo", "documentos"],
        "properties": {
            "catalogo": {"$ref": ESQUEMA_INSTITUCIONES},
            "documentos": {"type": "array", "items": {"$ref": ESQUEMA_DOCUMENTO}},
        },
    }
    return {
        ESQUEMA_DOCUMENTO: con_id(cargar_esquema(ESQUEMA_DOCUMENTO), ESQUEMA_DOCUMENTO),
        ESQUEMA_INSTITUCIONES: con_id(cargar_esquema(ESQUEMA_INSTITUCIONES), ESQUEMA_INSTITUCIONES),
        ESQUEMA_DATOS: con_id(datos, ESQUEMA_DATOS),
    }
