"""Índices generales: documentos por institución y año, instituciones, siglas y avisos, y los
fragmentos que las páginas escritas a mano incluyen con un marcador."""

from __future__ import annotations

from collections.abc import Callable

from programas_spen.modelo.registros import TIPOS_DOCUMENTO, Documento
from programas_spen.sitio import urls
from programas_spen.sitio.corte import Corte
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas import portada
from programas_spen.sitio.paginas.comun import Pagina, enlace, siglas_de
from programas_spen.sitio.secciones import (
    Bloque,
    Codigo,
    Elemento,
    Fila,
    Lista,
    Parrafo,
    Seccion,
    Tabla,
    unir,
)


def tabla_documentos(documentos: list[Documento]) -> Tabla:
    """Tabla de documentos: año, título y tipo."""
    return Tabla(("Año", "Documento", "Tipo"), tuple(
        Fila((str(doc.anio), (enlace(doc.titulo_corto, urls.documento(doc.id)),), TIPOS_DOCUMENTO[doc.tipo]))
        for doc in documentos))


def fragmento_documentos(grafo: Grafo) -> tuple[Bloque, ...]:
    """Documentos agrupados por institución y año (para la portada y el índice)."""
    bloques: list[Bloque] = []
    for institucion in grafo.instituciones.values():
        documentos = grafo.documentos_de_institucion(institucion.id)
        if not documentos:
            continue
        bloques.append(Seccion((enlace(institucion.nombre, urls.institucion(institucion.id)),),
                               (tabla_documentos(documentos),), nivel=3))
    return tuple(bloques)


def fragmento_cifras(grafo: Grafo) -> tuple[Bloque, ...]:
    """Lo que hay en el sitio, en números con enlace a cada índice."""
    datos = grafo.datos
    actividades = sum(len(d.actividades) for d in datos.documentos)
    temas = sum(len(d.temas) for d in datos.documentos)
    compromisos = sum(len(d.compromisos) for d in datos.documentos)
    filas = [
        (f"{len(datos.documentos)} documentos", urls.DOCUMENTOS),
        (f"{len(grafo.instituciones)} instituciones", urls.INSTITUCIONES),
        (f"{actividades} actividades y {temas} temas", urls.DOCUMENTOS),
        (f"{compromisos} compromisos", urls.COMPROMISOS),
        (f"{len(grafo.acuerdos)} acuerdos", urls.ACUERDOS),
        (f"{len(grafo.sesiones)} sesiones celebradas", urls.SESIONES),
        (f"{len(grafo.areas)} áreas responsables", urls.AREAS),
        (f"{len(grafo.mecanismos)} mecanismos", urls.MECANISMOS),
    ]
    return (Lista(tuple(Elemento((enlace(texto, destino),)) for texto, destino in filas)),)


def _sin_corte(constructor: Callable[[Grafo], tuple[Bloque, ...]]) -> Fragmento:
    """Un fragmento que no depende de la fecha de corte."""
    def fragmento(grafo: Grafo, corte: Corte) -> tuple[Bloque, ...]:
        return constructor(grafo)
    return fragmento


#: Un fragmento: sus bloques, a partir del grafo y de la fecha de corte (``sitio.corte``).
Fragmento = Callable[[Grafo, Corte], tuple[Bloque, ...]]

#: Fragmentos que una página escrita a mano incluye con ``<!-- programas-spen: nombre -->``.
FRAGMENTOS: dict[str, Fragmento] = {
    "documentos": _sin_corte(fragmento_documentos),
    "cifras": _sin_corte(fragmento_cifras),
    "actualizacion": portada.fragmento_actualizacion,
    "vigentes": portada.fragmento_vigentes,
    "este-mes": portada.fragmento_este_mes,
    "sesiones": portada.fragmento_sesiones,
    "compromisos-abiertos": portada.fragmento_compromisos_abiertos,
    "publicaciones": portada.fragmento_publicaciones,
}


def pagina_indice_documentos(grafo: Grafo) -> Pagina:
    """Índice de documentos por institución y año."""
    cuerpo = (Parrafo("Todos los documentos publicados, por institución y año."), *fragmento_documentos(grafo))
    return Pagina(urls.DOCUMENTOS.ruta, "Documentos", cuerpo, siglas=siglas_de(grafo))


def pagina_indice_instituciones(grafo: Grafo) -> Pagina:
    """Índice de instituciones."""
    filas = []
    for institucion in grafo.instituciones.values():
        tipo = ("Instituto Nacional Electoral" if institucion.tipo == "ine"
                else f"OPLE de {institucion.entidad or ''}")
        filas.append(Fila(((enlace(institucion.nombre, urls.institucion(institucion.id)),), institucion.siglas,
                           tipo, str(len(grafo.documentos_de_institucion(institucion.id))))))
    tabla = Tabla(("Institución", "Siglas", "Tipo", "Documentos"), tuple(filas))
    return Pagina(urls.INSTITUCIONES.ruta, "Instituciones", (tabla,))


def pagina_siglas(grafo: Grafo) -> Pagina:
    """Todas las siglas, agrupadas por el documento que las define."""
    cuerpo: list[Bloque] = [Parrafo(
        "Cada documento define sus propias siglas; el mismo término puede significar cosas distintas en "
        "documentos distintos. Aquí están todas, como las define cada uno.")]
    for doc in grafo.datos.documentos:
        if not doc.siglas:
            continue
        cuerpo.append(Seccion(doc.titulo_corto, (
            Parrafo((enlace("Ir al documento", urls.documento(doc.id)),)),
            Tabla(("Sigla", "Significado"), tuple(Fila((s.sigla, s.significado)) for s in doc.siglas)),
        ), id=f"documento-{doc.id}"))
    return Pagina(urls.SIGLAS.ruta, "Siglas", tuple(cuerpo))


def pagina_avisos(grafo: Grafo) -> Pagina:
    """Todos los avisos de coherencia, por documento."""
    cuerpo: list[Bloque] = [
        Parrafo("Los documentos se publican tal como son. Donde una fuente se contradice (un conteo de la prosa "
                "que no coincide con la lista, una fecha que no coincide con la sesión que nombra, una marca "
                "fuera de la tabla), la validación lo señala aquí y en la página del registro."),
        Parrafo(f"Total: {len(grafo.avisos_lista)} aviso(s)."),
    ]
    for doc in grafo.datos.documentos:
        avisos = grafo.avisos_de_archivo(doc.archivo)
        bloques: list[Bloque] = [Parrafo(unir(enlace("Ir al documento", urls.documento(doc.id)),
                                              " — archivo de datos ", Codigo(doc.archivo)))]
        if avisos:
            bloques.append(Tabla(("Línea del archivo", "Aviso"),
                                 tuple(Fila((str(a.linea), a.mensaje)) for a in avisos)))
        else:
            bloques.append(Parrafo("Sin avisos."))
        cuerpo.append(Seccion(doc.titulo_corto, tuple(bloques), id=f"documento-{doc.id}"))
    return Pagina(urls.AVISOS.ruta, "Avisos de coherencia", tuple(cuerpo), siglas=siglas_de(grafo))
