"""Cómo se describe una tabla de datos abiertos: columnas tipadas, clave primaria y claves
foráneas; y su Table Schema (Frictionless Data, v2) para ``datapackage.json``.

La misma descripción da el Table Schema, el diccionario de datos (CSV y página) y la revisión
de cada fila antes de publicar (``integridad``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from programas_spen.carga.esquema import PATRON_NUMERO_ACUERDO

#: El valor que se escribe donde la fuente no da el dato: nunca una celda vacía ni una
#: suposición. Es el único valor faltante de los Table Schema (``missingValues``).
NO_DADO = "no dado en la fuente"

Tipo = Literal["string", "integer", "number", "boolean", "date", "yearmonth", "object", "array"]

#: Un valor de una fila: texto, número, booleano, objeto o lista JSON; ``None`` si la fuente no
#: lo da. Las fechas son texto ISO 8601 (AAAA-MM-DD) y los meses AAAA-MM.
Valor: TypeAlias = "str | int | float | bool | dict[str, object] | list[object] | None"

#: Nombres en español de los tipos, para el diccionario.
NOMBRES_TIPOS: dict[str, str] = {
    "string": "texto",
    "integer": "número entero",
    "number": "número",
    "boolean": "verdadero o falso (true/false)",
    "date": "fecha (AAAA-MM-DD)",
    "yearmonth": "mes (AAAA-MM)",
    "object": "objeto JSON",
    "array": "lista JSON",
}

#: Identificador en minúsculas, dígitos y guiones (el de ``datos/``).
PATRON_ID = "^[a-z0-9]+(-[a-z0-9]+)*$"
#: Número oficial de acuerdo (INE/JGE06/2020, IEEQ/CG/A/012/24…): la forma del esquema de datos.
PATRON_ACUERDO = PATRON_NUMERO_ACUERDO


@dataclass(frozen=True)
class Columna:
    """Una columna: nombre, tipo, qué significa y sus restricciones. ``requerida``: nunca
    falta (nunca «no dado en la fuente»); ``vocabulario``: los valores posibles con lo que
    significa cada uno."""

    nombre: str
    tipo: Tipo
    descripcion: str
    requerida: bool = False
    vocabulario: tuple[tuple[str, str], ...] = ()
    patron: str | None = None
    minimo: float | None = None
    maximo: float | None = None

    def campo(self) -> dict[str, object]:
        """El campo de Table Schema."""
        campo: dict[str, object] = {"name": self.nombre, "type": self.tipo, "description": self.descripcion}
        restricciones: dict[str, object] = {}
        if self.requerida:
            restricciones["required"] = True
        if self.vocabulario:
            restricciones["enum"] = [valor for valor, _ in self.vocabulario]
        if self.patron:
            restricciones["pattern"] = self.patron
        if self.minimo is not None:
            restricciones["minimum"] = self.minimo
        if self.maximo is not None:
            restricciones["maximum"] = self.maximo
        if restricciones:
            campo["constraints"] = restricciones
        return campo


@dataclass(frozen=True)
class ClaveForanea:
    """Columnas de esta tabla que apuntan a la clave de otra (``tabla``, ``referidas``).

    ``en_table_schema=False``: una referencia opcional dentro del mismo documento (la ficha de
    una actividad, el objetivo de una línea de acción), cuya clave es (documento, id) y cuyo id
    puede faltar. Frictionless toma una clave compuesta con una parte vacía como referencia
    rota, así que no se declara en el Table Schema; el diccionario la nombra y ``integridad``
    la revisa igual que las demás."""

    columnas: tuple[str, ...]
    tabla: str
    referidas: tuple[str, ...]
    en_table_schema: bool = True


@dataclass(frozen=True)
class EsquemaTabla:
    """Una tabla: nombre (el del archivo), título, qué contiene, columnas y claves."""

    nombre: str
    titulo: str
    descripcion: str
    columnas: tuple[Columna, ...]
    clave_primaria: tuple[str, ...]
    claves_foraneas: tuple[ClaveForanea, ...] = ()

    def __post_init__(self) -> None:
        nombres = [c.nombre for c in self.columnas]
        if len(set(nombres)) != len(nombres):
            raise ValueError(f"la tabla «{self.nombre}» repite columnas")
        faltan = [n for n in (*self.clave_primaria, *(c for f in self.claves_foraneas for c in f.columnas))
                  if n not in nombres]
        if faltan:
            raise ValueError(f"la tabla «{self.nombre}» no tiene las columnas {faltan} de sus claves")

    @property
    def nombres(self) -> tuple[str, ...]:
        """Los nombres de las columnas, en orden."""
        return tuple(c.nombre for c in self.columnas)

    def table_schema(self) -> dict[str, object]:
        """El Table Schema de la tabla (Frictionless Data, v2)."""
        esquema: dict[str, object] = {
            "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
            "fields": [c.campo() for c in self.columnas],
            "missingValues": [NO_DADO],
            "primaryKey": list(self.clave_primaria),
        }
        declaradas = [f for f in self.claves_foraneas if f.en_table_schema]
        if declaradas:
            esquema["foreignKeys"] = [
                {"fields": list(f.columnas), "reference": {"resource": f.tabla, "fields": list(f.referidas)}}
                for f in declaradas]
        return esquema


@dataclass(frozen=True)
class Origen:
    """De dónde sale una fila: el archivo de datos y la línea del registro."""

    archivo: str
    linea: int


@dataclass(frozen=True)
class Tabla:
    """Una tabla con sus filas (un valor por columna, en el orden del esquema) y el origen de
    cada fila."""

    esquema: EsquemaTabla
    filas: tuple[tuple[Valor, ...], ...]
    origenes: tuple[Origen, ...]

    @property
    def nombre(self) -> str:
        """El nombre de la tabla."""
        return self.esquema.nombre

    def filtrar(self, columna: str, valor: str) -> Tabla:
        """Las filas cuyo valor en ``columna`` es ``valor`` (las de un documento)."""
        indice = self.esquema.nombres.index(columna)
        pares = [(f, o) for f, o in zip(self.filas, self.origenes, strict=True) if f[indice] == valor]
        return Tabla(self.esquema, tuple(f for f, _ in pares), tuple(o for _, o in pares))
