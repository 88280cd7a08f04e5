"""Páginas transversales: áreas responsables, mecanismos entre años e instituciones."""

from __future__ import annotations

from programas_spen.modelo.registros import TIPOS_DOCUMENTO, Area, Institucion
from programas_spen.modelo.texto import numero
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import Pagina, con_siglas, describir_calendario, enlace, md, siglas_del_sitio


def pagina_area(area: Area, grafo: Grafo) -> Pagina:
    """Página de un área: los temas y compromisos a su cargo en todos los documentos."""
    desde = urls.area(area.id).ruta
    institucion = grafo.instituciones[area.institucion]
    lineas = [f"# {md(area.nombre)}", "",
              f"- **Institución:** {enlace(md(institucion.nombre), urls.institucion(institucion.id), desde)}"]
    if area.siglas:
        lineas.append(f"- **Siglas:** {md(area.siglas)}")
    if area.alias:
        lineas.append(f"- **También aparece como:** {', '.join(md(a) for a in area.alias)}")
    if area.pertenece_a:
        superior = grafo.organos.get(area.pertenece_a) or grafo.areas.get(area.pertenece_a)
        if superior is not None:
            if isinstance(superior, Area):
                lineas.append(f"- **Depende de:** {enlace(md(superior.nombre), urls.area(superior.id), desde)}")
            else:
                lineas.append(f"- **Depende de:** {md(superior.nombre)}")
    lineas.append("")
    temas = grafo.temas_de_area.get(area.id, [])
    if temas:
        lineas += ["## Temas a su cargo", "", "| Tema | Meses | Programa |", "| --- | --- | --- |"]
        for tema in temas:
            doc = grafo.documento_de(tema)
            texto = " ".join(tema.texto.split())
            lineas.append(f"| {enlace(md(texto), urls.tema(doc.id, tema.id), desde)} | "
                          f"{describir_calendario(tema.calendario)} | "
                          f"{enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)} |")
        lineas.append("")
    compromisos = grafo.compromisos_de_area.get(area.id, [])
    if compromisos:
        lineas += ["## Compromisos a su cargo", "", "| Compromiso | Estatus | Avance | Informe |",
                   "| --- | --- | --- | --- |"]
        for compromiso in compromisos:
            doc = grafo.documento_de(compromiso)
            lineas.append(
                f"| {enlace(f'Compromiso {compromiso.numero}', urls.compromiso(doc.id, compromiso.id), desde)}"
                f" | {md(compromiso.estatus_texto)} | {numero(compromiso.porcentaje)} % | "
                f"{enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)} |")
        lineas.append("")
    if not temas and not compromisos:
        lineas += ["Ningún documento publicado le asigna temas ni compromisos.", ""]
    lineas.append(f"[Todas las áreas]({urls.AREAS.desde(desde)})")
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, area.nombre, contenido, institucion=area.institucion)


def pagina_indice_areas(grafo: Grafo) -> Pagina:
    """Índice de áreas responsables por institución."""
    desde = urls.AREAS.ruta
    lineas = ["# Áreas responsables", "",
              "Las áreas que los programas e informes nombran como responsables.", "",
              "| Área | Institución | Temas | Compromisos |", "| --- | --- | --- | --- |"]
    for area in grafo.areas.values():
        institucion = grafo.instituciones[area.institucion]
        lineas.append(f"| {enlace(md(area.nombre), urls.area(area.id), desde)} | "
                      f"{md(institucion.siglas)} | {len(grafo.temas_de_area.get(area.id, []))} | "
                      f"{len(grafo.compromisos_de_area.get(area.id, []))} |")
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, "Áreas responsables", contenido)


def pagina_mecanismo(ident: str, grafo: Grafo) -> Pagina:
    """Un mecanismo a través de los años: sus actividades en cada programa."""
    desde = urls.mecanismo(ident).ruta
    apariciones = grafo.mecanismos[ident]
    nombre = apariciones[-1][1].nombre
    lineas = [f"# {md(nombre)}", "", f"El mecanismo en {len(apariciones)} programa(s).", ""]
    for doc, mecanismo in apariciones:
        tabla = urls.mecanismo_documento(doc.id, mecanismo.id)
        lineas += [f"## {doc.anio}: {md(doc.titulo_corto)}", "",
                   f"{enlace(f'{len(mecanismo.actividades)} actividades', tabla, desde)}"
                   f" en la tabla «{md(mecanismo.titulo_tabla)}».", ""]
        lineas += [f"- {enlace(md(a.texto), urls.actividad(doc.id, a.id), desde)}"
                   for a in mecanismo.actividades] + [""]
    lineas.append(f"[Todos los mecanismos]({urls.MECANISMOS.desde(desde)})")
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, nombre, contenido)


def pagina_indice_mecanismos(grafo: Grafo) -> Pagina:
    """Índice de mecanismos con el número de actividades por año."""
    desde = urls.MECANISMOS.ruta
    anios = sorted({d.anio for apariciones in grafo.mecanismos.values() for d, _ in apariciones})
    lineas = ["# Mecanismos del SPEN", "",
              "Actividades de los programas anuales de trabajo por mecanismo y año.", "",
              "| Mecanismo | " + " | ".join(str(a) for a in anios) + " |",
              "| --- | " + " | ".join("---" for _ in anios) + " |"]
    for ident, apariciones in grafo.mecanismos.items():
        por_anio = {d.anio: len(m.actividades) for d, m in apariciones}
        celdas = " | ".join(str(por_anio.get(a, "—")) for a in anios)
        lineas.append(f"| {enlace(md(apariciones[-1][1].nombre), urls.mecanismo(ident), desde)} | "
                      f"{celdas} |")
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, "Mecanismos", contenido)


def lista_documentos(documentos: list, desde: str) -> list[str]:
    """Tabla de documentos: año, título y tipo."""
    lineas = ["| Año | Documento | Tipo |", "| --- | --- | --- |"]
    for doc in documentos:
        lineas.append(f"| {doc.anio} | {enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)}"
                      f" | {TIPOS_DOCUMENTO[doc.tipo]} |")
    return lineas


def pagina_institucion(institucion: Institucion, grafo: Grafo) -> Pagina:
    """Página de una institución: sus órganos, documentos y áreas."""
    desde = urls.institucion(institucion.id).ruta
    lineas = [f"# {md(institucion.nombre)}", "", f"- **Siglas:** {md(institucion.siglas)}"]
    if institucion.entidad:
        lineas.append(f"- **Entidad federativa:** {md(institucion.entidad)}")
    lineas += ["", "## Documentos", ""]
    lineas += lista_documentos(grafo.documentos_de_institucion(institucion.id), desde) + [""]
    organos = [o for o in grafo.organos.values() if o.institucion == institucion.id]
    if organos:
        lineas += ["## Órganos", ""]
        for organo in organos:
            detalle = f" — {md(organo.descripcion)}" if organo.descripcion else ""
            siglas = f" ({md(organo.siglas)})" if organo.siglas else ""
            lineas.append(f'- <span id="organo-{organo.id}"></span>{md(organo.nombre)}{siglas}{detalle}')
        lineas.append("")
    areas = [a for a in grafo.areas.values() if a.institucion == institucion.id]
    if areas:
        lineas += ["## Áreas responsables", ""]
        lineas += [f"- {enlace(md(a.nombre), urls.area(a.id), desde)}" for a in areas] + [""]
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, institucion.nombre, contenido, institucion=institucion.id)
