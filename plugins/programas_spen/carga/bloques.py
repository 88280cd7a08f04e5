"""Los bloques de prosa de un apartado, del árbol (ya validado por el esquema) al modelo.

En el archivo de datos cada bloque es un objeto de una sola clave, que dice su clase::

    - parrafo: Texto del párrafo.
    - encabezado: Texto del encabezado          # o {texto: …, nivel: 2}
    - lista: [Primer elemento., Segundo elemento.]
    - lista_numerada: [Primer paso., Segundo paso.]
    - tabla: {encabezados: [Sigla, ""], filas: [[CG, Consejo General]]}
"""

from __future__ import annotations

from typing import Any

from programas_spen.carga.lector_yaml import Arbol, Ruta
from programas_spen.modelo.bloques import Bloque, Encabezado, Lista, Parrafo, Tabla


def bloque(datos: dict[str, Any]) -> Bloque:
    """El bloque del modelo que escribe ``datos`` (``{clase: contenido}``)."""
    [(clase, valor)] = datos.items()
    match clase:
        case "parrafo":
            return Parrafo(valor)
        case "encabezado" if isinstance(valor, dict):
            return Encabezado(valor["texto"], valor["nivel"])
        case "encabezado":
            return Encabezado(valor)
        case "lista" | "lista_numerada":
            return Lista(tuple(valor), numerada=clase == "lista_numerada")
        case "tabla":
            return Tabla(tuple(valor["encabezados"]), tuple(tuple(fila) for fila in valor["filas"]))
    raise ValueError(f"bloque de clase desconocida «{clase}»")  # el esquema lo impide


def convertir(valor: Any, ruta: Ruta, arbol: Arbol, contexto: dict[str, str]) -> Bloque:
    """``bloque`` con la firma de los conversores de ``construccion``."""
    return bloque(valor)
