"""Problemas encontrados en los datos: nivel, archivo, línea, columna y mensaje en español."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Nivel = Literal["error", "aviso"]


@dataclass(frozen=True, order=True)
class Problema:
    """Un problema de un archivo de datos, listo para mostrarse a quien lo editó."""

    archivo: str
    linea: int
    columna: int
    nivel: Nivel
    mensaje: str
    #: El mismo problema dicho a la ciudadanía, junto al registro que señala: qué dice la fuente
    #: y por qué parece un error, sin nombres de archivo, ids ni líneas. Vacío: vale ``mensaje``.
    ciudadano: str = field(default="", compare=False)

    def para_ciudadania(self) -> str:
        """El texto que ve la ciudadanía: ``ciudadano`` o, si no lo hay, ``mensaje``, con
        mayúscula inicial y punto final."""
        texto = (self.ciudadano or self.mensaje).strip()
        texto = texto[:1].upper() + texto[1:]
        return texto if texto.endswith(".") else texto + "."

    def __str__(self) -> str:
        lugar = self.archivo
        if self.linea:
            lugar += f":{self.linea}"
            if self.columna:
                lugar += f":{self.columna}"
        return f"{lugar}: {self.nivel}: {self.mensaje}"


@dataclass
class Informe:
    """Todos los problemas de una carga, en el orden en que se encontraron."""

    problemas: list[Problema] = field(default_factory=list)

    def error(self, archivo: str, linea: int, columna: int, mensaje: str) -> None:
        """Registra un error: impide publicar."""
        self.problemas.append(Problema(archivo, linea, columna, "error", mensaje))

    def aviso(self, archivo: str, linea: int, columna: int, mensaje: str, ciudadano: str = "") -> None:
        """Registra un aviso: incoherencia que se publica señalada; ``ciudadano``: cómo se le
        dice a la ciudadanía en la página del registro, si ``mensaje`` no sirve tal cual."""
        self.problemas.append(Problema(archivo, linea, columna, "aviso", mensaje, ciudadano))

    @property
    def errores(self) -> list[Problema]:
        """Los problemas de nivel error, ordenados por archivo y línea."""
        return sorted(p for p in self.problemas if p.nivel == "error")

    @property
    def avisos(self) -> list[Problema]:
        """Los problemas de nivel aviso, ordenados por archivo y línea."""
        return sorted(p for p in self.problemas if p.nivel == "aviso")

    def texto(self) -> str:
        """Informe legible: errores primero, luego avisos, con un resumen final."""
        lineas = [str(p) for p in self.errores] + [str(p) for p in self.avisos]
        lineas.append(
            f"{len(self.errores)} error(es), {len(self.avisos)} aviso(s) en los datos."
        )
        return "\n".join(lineas)
