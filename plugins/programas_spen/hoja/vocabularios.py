"""Los vocabularios cerrados de las columnas: opciones del esquema, meses y el catálogo.

Alimentan las listas desplegables del libro (``exportar``) y la comprobación de cada celda al
importar (``importar``): un estatus, un mes, un área o un órgano que no existen se señalan con
la celda y, si hay uno parecido, con la sugerencia.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from programas_spen.carga.lector_yaml import leer_texto, normalizar
from programas_spen.modelo.problemas import Informe

#: El archivo del catálogo dentro de la carpeta de datos.
ARCHIVO_CATALOGO = "instituciones.yml"


@dataclass
class Catalogo:
    """Los id de ``datos/instituciones.yml``, con la institución de cada órgano y área."""

    instituciones: dict[str, str] = field(default_factory=dict)
    organos: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)

    def ids(self, coleccion: str, institucion: str | None = None) -> list[str]:
        """Los id de ``coleccion`` (de ``institucion``, si se da y la colección es de una)."""
        registros: dict[str, str] = getattr(self, coleccion)
        if coleccion == "instituciones" or not institucion:
            return list(registros)
        return [i for i, inst in registros.items() if inst == institucion]


def leer_catalogo(datos: Path, informe: Informe) -> Catalogo | None:
    """El catálogo de la carpeta ``datos``; ``None`` (con el porqué) si no se puede leer."""
    ruta = datos / ARCHIVO_CATALOGO
    if not ruta.is_file():
        informe.error(str(ruta), 0, 0, "no existe el catálogo; se esperaba datos/instituciones.yml "
                      "(indique la carpeta de datos con --datos)")
        return None
    arbol = leer_texto(normalizar(ruta.read_text(encoding="utf-8")), str(ruta), informe)
    if arbol is None or not isinstance(arbol.datos, dict):
        return None
    catalogo = Catalogo()
    for registro in _lista(arbol.datos, "instituciones"):
        catalogo.instituciones[str(registro.get("id"))] = str(registro.get("id"))
    for registro in _lista(arbol.datos, "organos"):
        catalogo.organos[str(registro.get("id"))] = str(registro.get("institucion"))
    for registro in _lista(arbol.datos, "areas"):
        catalogo.areas[str(registro.get("id"))] = str(registro.get("institucion"))
    return catalogo


def _lista(datos: dict[str, Any], clave: str) -> list[dict[str, Any]]:
    valor = datos.get(clave)
    return [r for r in valor if isinstance(r, dict)] if isinstance(valor, list) else []


def meses(anio: int) -> list[str]:
    """Los meses de la lista desplegable: del año anterior al del documento a dos después."""
    return [f"{a:04d}-{m:02d}" for a in range(anio - 1, anio + 3) for m in range(1, 13)]


def parecido(valor: str, opciones: list[str]) -> str | None:
    """La opción más parecida a ``valor`` (para sugerirla), si hay una cercana."""
    cercanas = difflib.get_close_matches(valor, opciones, n=1, cutoff=0.6)
    return cercanas[0] if cercanas else None
