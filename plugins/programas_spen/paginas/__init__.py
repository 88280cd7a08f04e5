"""Constructores de páginas: funciones puras modelo + grafo → ``Pagina``.

Ningún constructor lee archivos: reciben todo ya cargado y enlazado.
"""

from __future__ import annotations

from ..enlaces import Grafo
from ..exportar.integridad import FichaAnexo
from .acuerdos import pagina_acuerdo, pagina_indice_acuerdos
from .anexos import bloque_anexo_documento, con_cita_acuerdo, pagina_indice_anexos
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


def construir_paginas(grafo: Grafo, anexos: dict[str, FichaAnexo] | None = None,
                      url_base: str | None = None) -> list[Pagina]:
    """Todas las páginas generadas del sitio, en orden estable. Con ``anexos`` (las fichas de
    los anexos ya generados, por documento) y ``url_base``, cada documento lleva su apartado
    «Anexo para la Gaceta», cada acuerdo su «Cómo citar», y se añade el índice de anexos."""
    paginas = [
        pagina_indice_documentos(grafo), pagina_indice_acuerdos(grafo),
        pagina_indice_sesiones(grafo), pagina_indice_areas(grafo),
        pagina_indice_mecanismos(grafo), pagina_indice_instituciones(grafo),
        pagina_siglas(grafo), pagina_avisos(grafo),
    ]
    for doc in grafo.datos.documentos:
        extra = bloque_anexo_documento(anexos[doc.id]) if anexos and doc.id in anexos else None
        paginas.append(pagina_documento(doc, grafo, extra))
    for ficha in grafo.acuerdos.values():
        pagina = pagina_acuerdo(ficha, grafo)
        if anexos is not None and url_base is not None:
            pagina = con_cita_acuerdo(pagina, ficha, url_base, anexos)
        paginas.append(pagina)
    if anexos is not None:
        paginas.append(pagina_indice_anexos(grafo, anexos))
    paginas += [pagina_sesion(sesion, grafo) for sesion in grafo.sesiones.values()]
    paginas += [pagina_area(area, grafo) for area in grafo.areas.values()]
    paginas += [pagina_mecanismo(ident, grafo) for ident in grafo.mecanismos]
    paginas += [pagina_institucion(i, grafo) for i in grafo.instituciones.values()]
    return paginas
