"""Los bloques de prosa de un apartado: párrafos, encabezados, listas y tablas.

Todo su texto es texto: se publica tal cual, nunca se interpreta como Markdown ni HTML. Un
apartado (``Seccion``) es una sucesión de bloques en el orden de la fuente; quien lo presenta
(página o anexo) decide cómo se ve cada clase de bloque.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Parrafo:
    """Un párrafo."""

    texto: str

    def textos(self) -> tuple[str, ...]:
        """Su texto."""
        return (self.texto,)


@dataclass(frozen=True, slots=True)
class Encabezado:
    """Un encabezado dentro del apartado; ``nivel`` 1 es el mayor (el del apartado va aparte)."""

    texto: str
    nivel: int = 1

    def textos(self) -> tuple[str, ...]:
        """Su texto."""
        return (self.texto,)


@dataclass(frozen=True, slots=True)
class Lista:
    """Una lista de elementos; ``numerada`` si la fuente los numera (1, 2, 3…)."""

    elementos: tuple[str, ...]
    numerada: bool = False

    def textos(self) -> tuple[str, ...]:
        """Sus elementos, en orden."""
        return self.elementos


@dataclass(frozen=True, slots=True)
class Tabla:
    """Una tabla: sus encabezados de columna (alguno puede estar vacío) y sus filas de celdas."""

    encabezados: tuple[str, ...]
    filas: tuple[tuple[str, ...], ...]

    def textos(self) -> tuple[str, ...]:
        """Los encabezados y luego las celdas, fila por fila; sin los vacíos."""
        celdas = (*self.encabezados, *(celda for fila in self.filas for celda in fila))
        return tuple(celda for celda in celdas if celda)


Bloque: TypeAlias = Parrafo | Encabezado | Lista | Tabla


def textos_de(bloques: tuple[Bloque, ...]) -> tuple[str, ...]:
    """Todos los textos de los bloques, en el orden de lectura."""
    return tuple(texto for bloque in bloques for texto in bloque.textos())
