"""Una URL ya publicada que cambió: adónde fue (``a``) o que se retiró (``retirado``).

Las entradas vienen de ``datos/redirecciones.yml`` (ver ``carga/redirecciones.py``) y las usa
la permanencia de las URL (``sitio/permanencia.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Redireccion:
    """Una entrada de ``redirecciones.yml``: la URL de antes (ruta o ruta#ancla, relativa a la
    raíz del sitio y con ``/`` inicial), la nueva (``None`` si se retiró) y por qué."""

    de: str
    a: str | None
    motivo: str
    archivo: str
    linea: int

    @property
    def retirado(self) -> bool:
        """Si la URL se retiró (no hay adónde ir: el lector llega al índice que la contenía)."""
        return self.a is None
