"""El diccionario de datos: cada columna de cada tabla, con su tipo, si puede faltar, su
vocabulario, un ejemplo de los datos publicados y qué significa.

Sale de los mismos esquemas que el Table Schema (``tablas.ESQUEMAS``); es a su vez una tabla
(``diccionario.csv``, una hoja del XLSX y un recurso del Data Package) y una página del sitio.
"""

from __future__ import annotations

from collections.abc import Mapping

from programas_spen.datos_abiertos.esquema_tabla import (
    NOMBRES_TIPOS,
    Columna,
    EsquemaTabla,
    Origen,
    Tabla,
    Valor,
)
from programas_spen.datos_abiertos.hojas_csv import celda

#: Largo máximo de un ejemplo (los textos largos se recortan con «…»).
LARGO_EJEMPLO = 120
SIN_EJEMPLO = "(sin ejemplo: la tabla no tiene filas con este dato)"

DICCIONARIO = EsquemaTabla("diccionario", "Diccionario de datos", "Cada columna de cada tabla: tipo, si puede "
                           "faltar, vocabulario, un ejemplo y qué significa.", (
                               Columna("tabla", "string", "Nombre de la tabla (y de su archivo CSV).", requerida=True),
                               Columna("columna", "string", "Nombre de la columna.", requerida=True),
                               Columna("tipo", "string", "Tipo de Table Schema de la columna.", requerida=True,
                                       vocabulario=tuple(NOMBRES_TIPOS.items())),
                               Columna("tipo_texto", "string", "El tipo, en palabras.", requerida=True),
                               Columna("puede_faltar", "boolean", "Si la columna puede decir «no dado en la "
                                       "fuente».", requerida=True),
                               Columna("clave_primaria", "boolean", "Si la columna es parte de la clave que "
                                       "identifica cada fila.", requerida=True),
                               Columna("referencia", "string", "Tabla y columnas a las que apunta (clave "
                                       "foránea)."),
                               Columna("vocabulario", "string", "Los valores posibles y qué significa cada uno."),
                               Columna("ejemplo", "string", "Un valor de los datos publicados.", requerida=True),
                               Columna("descripcion", "string", "Qué significa la columna.", requerida=True),
                           ), ("tabla", "columna"))


def vocabulario(columna: Columna) -> str | None:
    """«valor: significado; …», o ``None`` si la columna no tiene vocabulario."""
    if not columna.vocabulario:
        return None
    return "; ".join(f"{valor}: {significado}" for valor, significado in columna.vocabulario)


def referencia(esquema: EsquemaTabla, columna: str) -> str | None:
    """«tabla (columnas)» a la que apunta ``columna`` por una clave foránea, si apunta."""
    destinos = [f"{f.tabla} ({', '.join(f.referidas)})" for f in esquema.claves_foraneas if columna in f.columnas
                and f.tabla != "documentos"]
    if columna == "documento" and any(f.tabla == "documentos" for f in esquema.claves_foraneas):
        destinos.insert(0, "documentos (id)")
    return "; ".join(destinos) or None


def ejemplo(tabla: Tabla, columna: Columna) -> str:
    """El primer valor dado de la columna en la tabla, como se escribe en el CSV (sin la
    protección contra fórmulas), recortado si es largo."""
    indice = tabla.esquema.nombres.index(columna.nombre)
    valor: Valor = next((fila[indice] for fila in tabla.filas if fila[indice] is not None), None)
    if valor is None:
        return SIN_EJEMPLO
    texto = valor if isinstance(valor, str) else celda(columna, valor)
    texto = " ".join(texto.split())
    return texto if len(texto) <= LARGO_EJEMPLO else texto[:LARGO_EJEMPLO - 1].rstrip() + "…"


def tabla_diccionario(tablas: Mapping[str, Tabla]) -> Tabla:
    """El diccionario de las tablas, como tabla."""
    filas: list[tuple[Valor, ...]] = []
    for tabla in tablas.values():
        esquema = tabla.esquema
        for columna in esquema.columnas:
            filas.append((esquema.nombre, columna.nombre, columna.tipo, NOMBRES_TIPOS[columna.tipo],
                          not columna.requerida, columna.nombre in esquema.clave_primaria,
                          referencia(esquema, columna.nombre), vocabulario(columna), ejemplo(tabla, columna),
                          columna.descripcion))
    return Tabla(DICCIONARIO, tuple(filas), tuple(Origen("", 0) for _ in filas))
