"""Las hojas y columnas del libro de un documento, deducidas del esquema publicado.

Una hoja por clase de registro (cada lista de objetos del esquema: ``temas``, las
``actividades`` de cada mecanismo, los ``bloques`` de cada apartado…) y una hoja «Documento»
con los campos sueltos del documento. Los objetos anidados (``fuente``, ``calendario``…) se
aplanan en columnas con punto (``calendario.estado``); las listas de valores simples van en una
celda; una lista de objetos dentro de un registro es otra hoja, cuyas filas dicen a qué registro
pertenecen (columna «pertenece_a»: su ``id`` o su ``numero``). El texto de cada columna sale de
las ``description`` del esquema: está en un solo lugar.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, cargar_esquema

Ruta = tuple[str, ...]

#: Nombre de la hoja de cada lista de registros (ruta en el esquema, sin índices). Una lista
#: nueva del esquema sin nombre aquí recibe uno deducido de su ruta.
NOMBRES_HOJAS: dict[Ruta, str] = {
    (): "Documento",
    ("siglas",): "Siglas",
    ("secciones",): "Apartados",
    ("secciones", "bloques"): "Apartados - bloques",
    ("ejes",): "Ejes",
    ("ejes", "variantes"): "Ejes - variantes",
    ("objetivos",): "Objetivos",
    ("lineas_accion",): "Líneas de acción",
    ("mecanismos",): "Mecanismos",
    ("mecanismos", "notas"): "Mecanismos - notas",
    ("mecanismos", "actividades"): "Actividades",
    ("temas",): "Temas",
    ("cronograma", "notas"): "Cronograma - notas",
    ("cronograma", "filas"): "Cronograma",
    ("fichas",): "Fichas",
    ("sesiones_programadas",): "Sesiones programadas",
    ("integrantes",): "Integrantes",
    ("sesiones",): "Sesiones",
    ("compromisos",): "Compromisos",
    ("acuerdos",): "Acuerdos",
    ("acuerdos", "firmantes"): "Acuerdos - firmantes",
    ("acuerdos", "antecedentes"): "Acuerdos - antecedentes",
    ("acuerdos", "considerandos"): "Acuerdos - considerandos",
    ("acuerdos", "puntos"): "Acuerdos - puntos",
    ("conteos",): "Conteos",
    ("cifras_publicadas",): "Cifras publicadas",
}

#: Hojas que explican el libro o guardan las listas de opciones: no son datos.
HOJA_INSTRUCCIONES = "Instrucciones"
HOJA_COLUMNAS = "Columnas"
HOJA_LISTAS = "Listas"

#: Columna de las hojas hijas con la clave del registro al que pertenece cada fila.
COLUMNA_PADRE = "pertenece_a"

#: Clases de bloque de prosa (la columna ``clase`` de las hojas de bloques).
CLASES_BLOQUE = ("parrafo", "encabezado", "lista", "lista_numerada", "tabla")

#: Campos que nombran un registro del catálogo ``datos/instituciones.yml``, y cuál.
CATALOGO_DE_CAMPO = {"area": "areas", "organo": "organos", "institucion": "instituciones"}

_REF = "#/$defs/"


@dataclass(frozen=True)
class Columna:
    """Una columna de una hoja: el campo (ruta dentro del registro) y cómo se escribe."""

    campo: Ruta
    #: texto, entero, numero, booleano, opcion, mes, fecha, lista, json, padre
    clase: str
    descripcion: str = ""
    obligatorio: bool = False
    #: Las opciones de un campo cerrado (``enum`` del esquema).
    opciones: tuple[str, ...] = ()
    #: El catálogo que nombra (areas, organos, instituciones), si nombra uno.
    catalogo: str = ""
    #: Para una lista: la clase de sus elementos (mes, texto con forma fija…) y si van una por
    #: línea (textos libres) o separados por comas (valores con forma fija).
    elementos: str = ""
    por_linea: bool = False
    #: La forma (``pattern``) y su explicación, para los textos con forma fija.
    forma: str = ""

    @property
    def nombre(self) -> str:
        """El encabezado de la columna: la ruta del campo con puntos."""
        return ".".join(self.campo) if self.campo else COLUMNA_PADRE


@dataclass
class Hoja:
    """Una hoja del libro: una clase de registro."""

    nombre: str
    #: Ruta del esquema de la lista (sin índices); ``()`` para la hoja «Documento».
    ruta: Ruta
    #: Hoja del registro que contiene esta lista (``None``: el documento).
    padre: Hoja | None
    #: Ruta desde el registro padre hasta la lista (p. ej. ``("cronograma", "filas")``).
    relativa: Ruta
    columnas: list[Columna] = field(default_factory=list)
    descripcion: str = ""
    bloques: bool = False

    @property
    def clave(self) -> str | None:
        """El campo que identifica a un registro de esta hoja ante sus hojas hijas."""
        campos = {c.campo for c in self.columnas}
        for nombre in ("id", "numero"):
            if (nombre,) in campos:
                return nombre
        return None

    def columna(self, nombre: str) -> Columna | None:
        """La columna de encabezado ``nombre``, si existe."""
        return next((c for c in self.columnas if c.nombre == nombre), None)


def resolver(esquema: dict[str, Any], raiz: dict[str, Any]) -> dict[str, Any]:
    """El esquema con su ``$ref`` resuelto (y la descripción propia conservada)."""
    if "$ref" in esquema:
        destino = dict(raiz["$defs"][esquema["$ref"].removeprefix(_REF)])
        destino = resolver(destino, raiz)
        if "description" in esquema:
            destino = {**destino, "description": esquema["description"]}
        return destino
    return esquema


def _es_bloque(items: dict[str, Any]) -> bool:
    return items.get("$ref") == _REF + "bloque"


def _escalar(campo: Ruta, esquema: dict[str, Any], obligatorio: bool) -> Columna:
    descripcion = esquema.get("description", "")
    if "enum" in esquema:
        return Columna(campo, "opcion", descripcion, obligatorio, tuple(map(str, esquema["enum"])))
    tipo = esquema.get("type")
    if tipo == "integer":
        return Columna(campo, "entero", descripcion, obligatorio)
    if tipo == "number":
        return Columna(campo, "numero", descripcion, obligatorio)
    if tipo == "boolean":
        return Columna(campo, "booleano", descripcion, obligatorio)
    patron = esquema.get("pattern", "")
    if patron.endswith("(0[1-9]|1[0-2])$"):
        return Columna(campo, "mes", descripcion, obligatorio, forma=patron)
    if "(0[1-9]|[12][0-9]|3[01])$" in patron:
        return Columna(campo, "fecha", descripcion, obligatorio, forma=patron)
    catalogo = CATALOGO_DE_CAMPO.get(campo[-1], "") if patron else ""
    return Columna(campo, "texto", descripcion, obligatorio, catalogo=catalogo, forma=patron)


def _lista(campo: Ruta, esquema: dict[str, Any], items: dict[str, Any], obligatorio: bool) -> Columna:
    elemento = _escalar(campo, items, False)
    libre = elemento.clase == "texto" and not elemento.forma
    descripcion = esquema.get("description", "") or items.get("description", "")
    return Columna(campo, "lista", descripcion, obligatorio, opciones=elemento.opciones,
                   elementos=elemento.clase, por_linea=libre, forma=elemento.forma)


def _con_descripcion(columna: Columna, de_arriba: str) -> Columna:
    """La columna con la descripción del objeto que la contiene, si el campo no tiene una
    propia (p. ej. ``fuente.tabla``: «Dónde está el registro en su fuente.»)."""
    if columna.descripcion or not de_arriba:
        return columna
    return replace(columna, descripcion=de_arriba)


def _aplanar(hoja: Hoja, esquema: dict[str, Any], prefijo: Ruta, raiz: dict[str, Any],
             hojas: list[Hoja], obligatorio_arriba: bool, de_arriba: str = "") -> None:
    """Añade a ``hoja`` las columnas del objeto ``esquema`` y a ``hojas`` sus listas de
    objetos."""
    requeridos = set(esquema.get("required", []))
    for nombre, sub in esquema.get("properties", {}).items():
        campo = (*prefijo, nombre)
        obligatorio = obligatorio_arriba and nombre in requeridos
        resuelto = resolver(sub, raiz)
        tipo = resuelto.get("type")
        if tipo == "array":
            items_crudo = resuelto.get("items", {})
            items = resolver(items_crudo, raiz)
            if _es_bloque(items_crudo) or items.get("type") == "object":
                _hoja_de_lista(hoja, campo, resuelto, items_crudo, raiz, hojas)
            else:
                hoja.columnas.append(_con_descripcion(_lista(campo, resuelto, items, obligatorio), de_arriba))
        elif tipo == "object" and "properties" in resuelto:
            _aplanar(hoja, resuelto, campo, raiz, hojas, obligatorio, resuelto.get("description", ""))
        elif tipo == "object":
            hoja.columnas.append(Columna(campo, "json", resuelto.get("description", ""), obligatorio))
        else:
            hoja.columnas.append(_con_descripcion(_escalar(campo, resuelto, obligatorio), de_arriba))


def _hoja_de_lista(padre: Hoja, relativa: Ruta, lista: dict[str, Any], items_crudo: dict[str, Any],
                   raiz: dict[str, Any], hojas: list[Hoja]) -> None:
    ruta = (*padre.ruta, *relativa)
    nombre = NOMBRES_HOJAS.get(ruta) or " - ".join(ruta).replace("_", " ").capitalize()[:31]
    items = resolver(items_crudo, raiz)
    hoja = Hoja(nombre, ruta, padre, relativa,
                descripcion=lista.get("description", "") or items.get("description", ""))
    if padre.ruta:
        hoja.columnas.append(Columna((), "padre", f"el registro de la hoja «{padre.nombre}» al que "
                                     "pertenece la fila", True))
    hojas.append(hoja)
    if _es_bloque(items_crudo):
        hoja.bloques = True
        hoja.columnas += [
            Columna(("clase",), "opcion", "la clase del bloque: parrafo (un párrafo), encabezado, "
                    "lista (con viñetas), lista_numerada o tabla", True, CLASES_BLOQUE),
            Columna(("texto",), "texto", "el texto del párrafo o del encabezado; de una lista, "
                    "un elemento por línea; de una tabla, en JSON: {\"encabezados\": [...], "
                    "\"filas\": [[...], ...]}", True),
            Columna(("nivel",), "entero", "solo encabezados de varios niveles: 1 el mayor, "
                    "hasta 4 (vacío si el apartado tiene un solo nivel)"),
        ]
        return
    _aplanar(hoja, items, (), raiz, hojas, True)


@cache
def hojas_del_documento() -> tuple[Hoja, ...]:
    """Las hojas del libro de un documento, en el orden del esquema (la primera, «Documento»)."""
    raiz = cargar_esquema(ESQUEMA_DOCUMENTO)
    documento = Hoja(NOMBRES_HOJAS[()], (), None, (), descripcion=raiz.get("description", ""))
    hojas = [documento]
    _aplanar(documento, raiz, (), raiz, hojas, True)
    # las hijas después de sus padres (ya lo están: se añaden al recorrer el padre)
    return tuple(hojas)
