"""Páginas transversales: áreas responsables, mecanismos entre años e instituciones."""

from __future__ import annotations

from programas_spen.modelo.registros import Area, Institucion
from programas_spen.modelo.texto import numero
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import Pagina, describir_calendario, enlace, rotulo, siglas_de
from programas_spen.sitio.paginas.indices import tabla_documentos
from programas_spen.sitio.secciones import Bloque, Elemento, Fila, Lista, Parrafo, Seccion, Tabla, unir


def pagina_area(area: Area, grafo: Grafo) -> Pagina:
    """Página de un área: los temas y compromisos a su cargo en todos los documentos."""
    institucion = grafo.instituciones[area.institucion]
    datos = [Elemento(rotulo("Institución", enlace(institucion.nombre, urls.institucion(institucion.id))))]
    if area.siglas:
        datos.append(Elemento(rotulo("Siglas", area.siglas)))
    if area.alias:
        datos.append(Elemento(rotulo("También aparece como", ", ".join(area.alias))))
    if area.pertenece_a:
        superior = grafo.organos.get(area.pertenece_a) or grafo.areas.get(area.pertenece_a)
        if superior is not None:
            # los órganos no tienen página propia: se nombran
            nombre = enlace(superior.nombre, urls.area(superior.id)) if isinstance(superior, Area) else superior.nombre
            datos.append(Elemento(rotulo("Depende de", nombre)))
    cuerpo: list[Bloque] = [Lista(tuple(datos))]
    temas = grafo.temas_de_area.get(area.id, [])
    if temas:
        filas = []
        for tema in temas:
            doc = grafo.documento_de(tema)
            filas.append(Fila(((enlace(" ".join(tema.texto.split()), urls.tema(doc.id, tema.id)),),
                               describir_calendario(tema.calendario),
                               (enlace(doc.titulo_corto, urls.documento(doc.id)),))))
        cuerpo.append(Seccion("Temas a su cargo", (Tabla(("Tema", "Meses", "Programa"), tuple(filas)),)))
    compromisos = grafo.compromisos_de_area.get(area.id, [])
    if compromisos:
        filas = []
        for compromiso in compromisos:
            doc = grafo.documento_de(compromiso)
            filas.append(Fila(((enlace(f"Compromiso {compromiso.numero}", urls.compromiso(doc.id, compromiso.id)),),
                               compromiso.estatus_texto, f"{numero(compromiso.porcentaje)} %",
                               (enlace(doc.titulo_corto, urls.documento(doc.id)),))))
        cuerpo.append(Seccion("Compromisos a su cargo", (
            Tabla(("Compromiso", "Estatus", "Avance", "Informe"), tuple(filas)),)))
    if not temas and not compromisos:
        cuerpo.append(Parrafo("Ningún documento publicado le asigna temas ni compromisos."))
    cuerpo.append(Parrafo((enlace("Todas las áreas", urls.AREAS),)))
    return Pagina(urls.area(area.id).ruta, area.nombre, tuple(cuerpo), institucion=area.institucion,
                  siglas=siglas_de(grafo))


def pagina_indice_areas(grafo: Grafo) -> Pagina:
    """Índice de áreas responsables por institución."""
    filas = tuple(Fila(((enlace(area.nombre, urls.area(area.id)),), grafo.instituciones[area.institucion].siglas,
                        str(len(grafo.temas_de_area.get(area.id, []))),
                        str(len(grafo.compromisos_de_area.get(area.id, [])))))
                  for area in grafo.areas.values())
    cuerpo = (Parrafo("Las áreas que los programas e informes nombran como responsables."),
              Tabla(("Área", "Institución", "Temas", "Compromisos"), filas))
    return Pagina(urls.AREAS.ruta, "Áreas responsables", cuerpo, siglas=siglas_de(grafo))


def pagina_mecanismo(ident: str, grafo: Grafo) -> Pagina:
    """Un mecanismo a través de los años: sus actividades en cada programa."""
    apariciones = grafo.mecanismos[ident]
    nombre = apariciones[-1][1].nombre
    cuerpo: list[Bloque] = [Parrafo(f"El mecanismo en {len(apariciones)} programa(s).")]
    for doc, mecanismo in apariciones:
        tabla = urls.mecanismo_documento(doc.id, mecanismo.id)
        cuerpo.append(Seccion(f"{doc.anio}: {doc.titulo_corto}", (
            Parrafo(unir(enlace(f"{len(mecanismo.actividades)} actividades", tabla),
                         f" en la tabla «{' '.join(mecanismo.titulo_tabla.split())}».")),
            Lista(tuple(Elemento((enlace(" ".join(a.texto.split()), urls.actividad(doc.id, a.id)),))
                        for a in mecanismo.actividades)),
        )))
    cuerpo.append(Parrafo((enlace("Todos los mecanismos", urls.MECANISMOS),)))
    return Pagina(urls.mecanismo(ident).ruta, nombre, tuple(cuerpo), siglas=siglas_de(grafo))


def pagina_indice_mecanismos(grafo: Grafo) -> Pagina:
    """Índice de mecanismos con el número de actividades por año."""
    anios = sorted({d.anio for apariciones in grafo.mecanismos.values() for d, _ in apariciones})
    filas = []
    for ident, apariciones in grafo.mecanismos.items():
        por_anio = {d.anio: len(m.actividades) for d, m in apariciones}
        filas.append(Fila(((enlace(apariciones[-1][1].nombre, urls.mecanismo(ident)),),
                           *(str(por_anio.get(a, "—")) for a in anios))))
    cuerpo = (Parrafo("Actividades de los programas anuales de trabajo por mecanismo y año."),
              Tabla(("Mecanismo", *(str(a) for a in anios)), tuple(filas)))
    return Pagina(urls.MECANISMOS.ruta, "Mecanismos", cuerpo, siglas=siglas_de(grafo),
                  encabezado="Mecanismos del SPEN")


def pagina_institucion(institucion: Institucion, grafo: Grafo) -> Pagina:
    """Página de una institución: sus órganos, documentos y áreas."""
    datos = [Elemento(rotulo("Siglas", institucion.siglas))]
    if institucion.entidad:
        datos.append(Elemento(rotulo("Entidad federativa", institucion.entidad)))
    cuerpo: list[Bloque] = [Lista(tuple(datos)), Seccion("Documentos", (
        tabla_documentos(grafo.documentos_de_institucion(institucion.id)),))]
    organos = [o for o in grafo.organos.values() if o.institucion == institucion.id]
    if organos:
        cuerpo.append(Seccion("Órganos", (Lista(tuple(
            Elemento(unir(organo.nombre, f" ({organo.siglas})" if organo.siglas else None,
                          f" — {organo.descripcion}" if organo.descripcion else None), id=f"organo-{organo.id}")
            for organo in organos)),)))
    areas = [a for a in grafo.areas.values() if a.institucion == institucion.id]
    if areas:
        cuerpo.append(Seccion("Áreas responsables", (Lista(tuple(
            Elemento((enlace(a.nombre, urls.area(a.id)),)) for a in areas)),)))
    return Pagina(urls.institucion(institucion.id).ruta, institucion.nombre, tuple(cuerpo),
                  institucion=institucion.id, siglas=siglas_de(grafo))
