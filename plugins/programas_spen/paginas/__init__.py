"""Constructores de páginas: funciones puras modelo + grafo → ``Pagina``.

Ningún constructor lee archivos: reciben todo ya cargado y enlazado.
"""

from __future__ import annotations

from ..enlaces import Grafo
from .acuerdos import pagina_acuerdo, pagina_indice_acuerdos
from .comun import Pagina
from .documento import pagina_documento
from .indices import (
    FRAGMENTOS,
    pagina_avisos,
    pagina_indice_documentos,
    pagina_indice_instituciones,
    pagina_siglas,
)
from .sesiones import pagina_indice_sesiones, pagina_sesion
from .transversales import (
    pagina_area,
    pagina_indice_areas,
    pagina_indice_mecanismos,
    pagina_institucion,
    pagina_mecanismo,
)

__all__ = ["FRAGMENTOS", "Pagina", "construir_paginas"]


def construir_paginas(grafo: Grafo) -> list[Pagina]:
    """Todas las páginas generadas del sitio, en orden estable."""
    paginas = [
        pagina_indice_documentos(grafo), pagina_indice_acuerdos(grafo),
        pagina_indice_sesiones(grafo), pagina_indice_areas(grafo),
        pagina_indice_mecanismos(grafo), pagina_indice_instituciones(grafo),
        pagina_siglas(grafo), pagina_avisos(grafo),
    ]
    for doc in grafo.datos.documentos:
        paginas.append(pagina_documento(doc, grafo))
    paginas += [pagina_acuerdo(ficha, grafo) for ficha in grafo.acuerdos.values()]
    paginas += [pagina_sesion(sesion, grafo) for sesion in grafo.sesiones.values()]
    paginas += [pagina_area(area, grafo) for area in grafo.areas.values()]
    paginas += [pagina_mecanismo(ident, grafo) for ident in grafo.mecanismos]
    paginas += [pagina_institucion(i, grafo) for i in grafo.instituciones.values()]
    return paginas
