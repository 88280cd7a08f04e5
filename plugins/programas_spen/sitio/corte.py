"""La fecha de corte del sitio: el «hoy» con que las páginas dicen qué está pasando, qué
viene y qué se quedó atrás.

Nunca el reloj a secas: la misma entrada debe dar los mismos bytes. La fecha sale de
``SOURCE_DATE_EPOCH`` (la convención de las construcciones reproducibles; ``tareas.py`` la
fija con la fecha del último commit, así que el corte es la fecha de los datos publicados), en
hora de la Ciudad de México. Solo sin esa variable (una construcción a mano) se usa el reloj.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

#: Zona horaria del sitio (la de las instituciones que publican).
ZONA = ZoneInfo("America/Mexico_City")

#: La variable de entorno de las construcciones reproducibles.
VARIABLE = "SOURCE_DATE_EPOCH"


@dataclass(frozen=True, order=True)
class Corte:
    """El día de corte, con lo que las páginas preguntan de él."""

    dia: date

    @property
    def mes(self) -> str:
        """El mes de corte, ``AAAA-MM``."""
        return f"{self.dia.year:04d}-{self.dia.month:02d}"

    @property
    def mes_siguiente(self) -> str:
        """El mes que sigue al de corte, ``AAAA-MM``."""
        anio, mes = (self.dia.year + 1, 1) if self.dia.month == 12 else (self.dia.year, self.dia.month + 1)
        return f"{anio:04d}-{mes:02d}"

    def iso(self) -> str:
        """El día de corte, ``AAAA-MM-DD``."""
        return self.dia.isoformat()


def de_epoca(segundos: int) -> Corte:
    """El corte de un instante Unix, en hora de la Ciudad de México."""
    return Corte(datetime.fromtimestamp(segundos, tz=UTC).astimezone(ZONA).date())


def del_entorno(entorno: dict[str, str] | None = None) -> Corte:
    """El corte de ``SOURCE_DATE_EPOCH`` en ``entorno`` (por omisión, el del proceso); sin ella
    o si no es un número, el día de hoy en la Ciudad de México."""
    valor = (os.environ if entorno is None else entorno).get(VARIABLE, "").strip()
    if valor.isdigit():
        return de_epoca(int(valor))
    return Corte(datetime.now(tz=ZONA).date())
