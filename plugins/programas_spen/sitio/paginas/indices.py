"""Índices generales: documentos por institución y año, instituciones, siglas y avisos, y los
fragmentos que las páginas escritas a mano incluyen con un marcador."""

from __future__ import annotations

from collections.abc import Callable

from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import Pagina, con_siglas, enlace, md, siglas_del_sitio
from programas_spen.sitio.paginas.transversales import lista_documentos


def fragmento_documentos(grafo: Grafo, desde: str) -> str:
    """Documentos agrupados por institución y año (para la portada y el índice)."""
    lineas: list[str] = []
    for institucion in grafo.instituciones.values():
        documentos = grafo.documentos_de_institucion(institucion.id)
        if not documentos:
            continue
        lineas += [f"### {enlace(md(institucion.nombre), urls.institucion(institucion.id), desde)}",
                   ""]
        lineas += lista_documentos(documentos, desde) + [""]
    return "\n".join(lineas)


def fragmento_cifras(grafo: Grafo, desde: str) -> str:
    """Lo que hay en el sitio, en números con enlace a cada índice."""
    datos = grafo.datos
    actividades = sum(len(d.actividades) for d in datos.documentos)
    temas = sum(len(d.temas) for d in datos.documentos)
    compromisos = sum(len(d.compromisos) for d in datos.documentos)
    filas = [
        (f"{len(datos.documentos)} documentos", urls.DOCUMENTOS),
        (f"{len(grafo.instituciones)} instituciones", urls.INSTITUCIONES),
        (f"{actividades} actividades y {temas} temas", urls.DOCUMENTOS),
        (f"{compromisos} compromisos", urls.SESIONES),
        (f"{len(grafo.acuerdos)} acuerdos", urls.ACUERDOS),
        (f"{len(grafo.sesiones)} sesiones celebradas", urls.SESIONES),
        (f"{len(grafo.areas)} áreas responsables", urls.AREAS),
        (f"{len(grafo.mecanismos)} mecanismos", urls.MECANISMOS),
    ]
    return "\n".join(f"- {enlace(texto, destino, desde)}" for texto, destino in filas)


FRAGMENTOS: dict[str, Callable[[Grafo, str], str]] = {
    "documentos": fragmento_documentos,
    "cifras": fragmento_cifras,
}


def pagina_indice_documentos(grafo: Grafo) -> Pagina:
    """Índice de documentos por institución y año."""
    desde = urls.DOCUMENTOS.ruta
    contenido = ("# Documentos\n\nTodos los documentos publicados, por institución y año.\n\n"
                 + fragmento_documentos(grafo, desde))
    contenido = con_siglas(contenido, sitio=siglas_del_sitio(grafo))
    return Pagina(desde, "Documentos", contenido)


def pagina_indice_instituciones(grafo: Grafo) -> Pagina:
    """Índice de instituciones."""
    desde = urls.INSTITUCIONES.ruta
    lineas = ["# Instituciones", "", "| Institución | Siglas | Tipo | Documentos |",
              "| --- | --- | --- | --- |"]
    for institucion in grafo.instituciones.values():
        tipo = "Instituto Nacional Electoral" if institucion.tipo == "ine" else (
            f"OPLE de {md(institucion.entidad or '')}")
        lineas.append(f"| {enlace(md(institucion.nombre), urls.institucion(institucion.id), desde)}"
                      f" | {md(institucion.siglas)} | {tipo} | "
                      f"{len(grafo.documentos_de_institucion(institucion.id))} |")
    return Pagina(desde, "Instituciones", "\n".join(lineas) + "\n")


def pagina_siglas(grafo: Grafo) -> Pagina:
    """Todas las siglas, agrupadas por el documento que las define."""
    desde = urls.SIGLAS.ruta
    lineas = ["# Siglas", "",
              "Cada documento define sus propias siglas; el mismo término puede significar cosas "
              "distintas en documentos distintos. Aquí están todas, como las define cada uno.", ""]
    for doc in grafo.datos.documentos:
        if not doc.siglas:
            continue
        lineas += [f"## {md(doc.titulo_corto)} {{#documento-{doc.id}}}", "",
                   f"{enlace('Ir al documento', urls.documento(doc.id), desde)}", "",
                   "| Sigla | Significado |", "| --- | --- |"]
        lineas += [f"| {md(s.sigla)} | {md(s.significado)} |" for s in doc.siglas] + [""]
    return Pagina(desde, "Siglas", "\n".join(lineas) + "\n")


def pagina_avisos(grafo: Grafo) -> Pagina:
    """Todos los avisos de coherencia, por documento."""
    desde = urls.AVISOS.ruta
    lineas = ["# Avisos de coherencia", "",
              "Los documentos se publican tal como son. Donde una fuente se contradice (un conteo "
              "de la prosa que no coincide con la lista, una fecha que no coincide con la sesión "
              "que nombra, una marca fuera de la tabla), la validación lo señala aquí y en la "
              "página del registro.", "",
              f"Total: {len(grafo.avisos_lista)} aviso(s).", ""]
    for doc in grafo.datos.documentos:
        avisos = grafo.avisos_de_archivo(doc.archivo)
        lineas += [f"## {md(doc.titulo_corto)} {{#documento-{doc.id}}}", "",
                   f"{enlace('Ir al documento', urls.documento(doc.id), desde)} — archivo de datos "
                   f"`{doc.archivo}`", ""]
        if not avisos:
            lineas += ["Sin avisos.", ""]
            continue
        lineas += ["| Línea del archivo | Aviso |", "| --- | --- |"]
        lineas += [f"| {a.linea} | {md(a.mensaje)} |" for a in avisos] + [""]
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, "Avisos de coherencia", contenido)
