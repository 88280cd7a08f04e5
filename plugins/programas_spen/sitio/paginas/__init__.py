"""Constructores de páginas: funciones puras modelo + grafo → ``Pagina``.

Ningún constructor lee archivos: reciben todo ya cargado y enlazado.
"""

from __future__ import annotations

from functools import partial

from programas_spen.anexos.integridad import FichaAnexo
from programas_spen.paralelo import Tarea
from programas_spen.sitio.grafo import FichaAcuerdo, Grafo
from programas_spen.sitio.paginas.acuerdos import pagina_acuerdo, pagina_indice_acuerdos
from programas_spen.sitio.paginas.anexos import bloque_anexo_documento, con_cita_acuerdo, pagina_indice_anexos
from programas_spen.sitio.paginas.buscar import pagina_buscar
from programas_spen.sitio.paginas.comun import Pagina, peso_documento
from programas_spen.sitio.paginas.documento import pagina_documento
from programas_spen.sitio.paginas.indices import (
    FRAGMENTOS,
    pagina_avisos,
    pagina_indice_documentos,
    pagina_indice_instituciones,
    pagina_siglas,
)
from programas_spen.sitio.paginas.sesiones import pagina_indice_sesiones, pagina_sesion
from programas_spen.sitio.paginas.transversales import (
    pagina_area,
    pagina_indice_areas,
    pagina_indice_mecanismos,
    pagina_institucion,
    pagina_mecanismo,
)

__all__ = ["FRAGMENTOS", "Pagina", "construir_paginas", "peso_documento", "tareas_paginas"]


def _acuerdo_citable(ficha: FichaAcuerdo, grafo: Grafo, anexos: dict[str, FichaAnexo] | None,
                     url_base: str | None) -> Pagina:
    pagina = pagina_acuerdo(ficha, grafo)
    if anexos is not None and url_base is not None:
        pagina = con_cita_acuerdo(pagina, ficha, url_base, anexos)
    return pagina


def tareas_paginas(grafo: Grafo, anexos: dict[str, FichaAnexo] | None = None,
                   url_base: str | None = None) -> list[Tarea[Pagina]]:
    """Una tarea por página generada del sitio, en orden estable (ver ``construir_paginas``):
    cada una se construye sin mirar las demás, así que se pueden repartir
    (``paralelo.hacer_todas``)."""
    tareas = [Tarea(partial(constructor, grafo)) for constructor in (
        pagina_indice_documentos, pagina_indice_acuerdos, pagina_indice_sesiones, pagina_indice_areas,
        pagina_indice_mecanismos, pagina_indice_instituciones, pagina_siglas, pagina_avisos,
        pagina_buscar)]
    for doc in grafo.datos.documentos:
        extra = bloque_anexo_documento(anexos[doc.id]) if anexos and doc.id in anexos else None
        tareas.append(Tarea(partial(pagina_documento, doc, grafo, extra), peso_documento(doc)))
    tareas += [Tarea(partial(_acuerdo_citable, ficha, grafo, anexos, url_base))
               for ficha in grafo.acuerdos.values()]
    if anexos is not None:
        tareas.append(Tarea(partial(pagina_indice_anexos, grafo, anexos)))
    tareas += [Tarea(partial(pagina_sesion, sesion, grafo)) for sesion in grafo.sesiones.values()]
    tareas += [Tarea(partial(pagina_area, area, grafo)) for area in grafo.areas.values()]
    tareas += [Tarea(partial(pagina_mecanismo, ident, grafo)) for ident in grafo.mecanismos]
    tareas += [Tarea(partial(pagina_institucion, i, grafo)) for i in grafo.instituciones.values()]
    return tareas


def construir_paginas(grafo: Grafo, anexos: dict[str, FichaAnexo] | None = None,
                      url_base: str | None = None) -> list[Pagina]:
    """Todas las páginas generadas del sitio, en orden estable. Con ``anexos`` (las fichas de
    los anexos ya generados, por documento) y ``url_base``, cada documento lleva su apartado
    «Anexo para la Gaceta», cada acuerdo su «Cómo citar», y se añade el índice de anexos."""
    return [tarea.hacer() for tarea in tareas_paginas(grafo, anexos, url_base)]
