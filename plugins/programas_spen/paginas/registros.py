"""Páginas de registro: actividad, mecanismo de un documento, tema y compromiso."""

from __future__ import annotations

from .. import urls
from ..enlaces import Grafo
from ..modelo import Actividad, Compromiso, Documento, Mecanismo, Tema
from ..texto import fecha_larga, numero
from .comun import (
    Pagina,
    bloque_avisos,
    bloque_calendario,
    describir_calendario,
    describir_fuente,
    enlace,
    enlazar,
    md,
    pie_siglas,
)


def _volver(doc: Documento, desde: str) -> str:
    return f"Documento: {enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)}"


def _acuerdos_mencionados(registro: object, grafo: Grafo, desde: str) -> list[str]:
    numeros = grafo.acuerdos_de_registro.get(id(registro), [])
    if not numeros:
        return []
    return ["- **Acuerdos que menciona:** "
            + ", ".join(enlace(n, urls.acuerdo(n), desde) for n in numeros)]


def _titulo_corto(texto: str, limite: int = 90) -> str:
    plano = " ".join(texto.split())
    if len(plano) <= limite:
        return plano
    return plano[: limite - 1].rsplit(" ", 1)[0] + "…"


def pagina_actividad(doc: Documento, actividad: Actividad, mecanismo: Mecanismo | None,
                     grafo: Grafo) -> Pagina:
    """Página de una actividad de un mecanismo o de una fila de cronograma."""
    desde = urls.actividad(doc.id, actividad.id).ruta
    lineas = [f"# {md(_titulo_corto(actividad.texto))}", "", _volver(doc, desde), ""]
    lineas += bloque_avisos(grafo.avisos_de(doc, actividad))
    lineas += ["## Texto de la fuente", "", enlazar(actividad.texto, desde, grafo)
               + (f" {md(actividad.marca)}" if actividad.marca else ""), "", "## Datos", ""]
    if mecanismo:
        lineas.append(f"- **Mecanismo:** "
                      f"{enlace(md(mecanismo.nombre), urls.mecanismo_documento(doc.id, mecanismo.id), desde)}"
                      f" (en otros años: {enlace('todos los años', urls.mecanismo(mecanismo.id), desde)})")
        notas = [n for n in mecanismo.notas if n.marca == actividad.marca]
        for nota in notas:
            lineas.append(f"- **Nota {md(nota.marca)}:** {md(nota.texto)}")
    elif doc.cronograma:
        lineas.append(f"- **Tabla:** {enlace(md(doc.cronograma.titulo), urls.apartado(doc.id, 'cronograma'), desde)}")
        for nota in doc.cronograma.notas:
            if nota.marca == actividad.marca:
                lineas.append(f"- **Nota {md(nota.marca)}:** {md(nota.texto)}")
    lineas += bloque_calendario(actividad.calendario)
    if actividad.ejes:
        ejes = {e.id: e for e in doc.ejes}
        lineas.append("- **Ejes:** " + "; ".join(
            enlace(md(ejes[e].texto), urls.ancla(doc.id, "eje", e), desde) for e in actividad.ejes))
    elif doc.ejes and doc.mecanismos:
        lineas.append("- **Ejes rectores:** no dados en la fuente para cada actividad")
    if actividad.ficha:
        indice = [f.id for f in doc.fichas].index(actividad.ficha) + 1
        lineas.append(f"- **Ficha técnica:** "
                      f"{enlace(f'Ficha técnica {indice}', urls.ancla(doc.id, 'ficha', actividad.ficha), desde)}")
    lineas += _acuerdos_mencionados(actividad, grafo, desde)
    lineas.append(f"- **Fuente:** {describir_fuente(doc, actividad.fuente)}")
    contenido = "\n".join(lineas) + pie_siglas(doc.siglas)
    return Pagina(desde, _titulo_corto(actividad.texto, 60), contenido,
                  descripcion=actividad.texto)


def pagina_mecanismo_documento(doc: Documento, mecanismo: Mecanismo, grafo: Grafo) -> Pagina:
    """Página de un mecanismo dentro de un documento, con su tabla de actividades."""
    desde = urls.mecanismo_documento(doc.id, mecanismo.id).ruta
    lineas = [f"# {md(mecanismo.nombre)}", "", _volver(doc, desde), ""]
    lineas += bloque_avisos(grafo.avisos_de(doc, mecanismo))
    lineas += [f"- **Título de la tabla en la fuente:** {md(mecanismo.titulo_tabla)}",
               f"- **Actividades en la tabla:** {len(mecanismo.actividades)}"]
    if mecanismo.actividades_publicadas is not None:
        lineas.append(f"- **Número que publica la tabla de síntesis:** "
                      f"{mecanismo.actividades_publicadas}")
    lineas += [f"- **El mismo mecanismo en otros documentos:** "
               f"{enlace('todos los años', urls.mecanismo(mecanismo.id), desde)}",
               f"- **Fuente:** {describir_fuente(doc, mecanismo.fuente)}", "",
               "## Actividades", "",
               f"| Núm. | {md(mecanismo.encabezado or 'Actividad')} | Calendario |",
               "| --- | --- | --- |"]
    for indice, actividad in enumerate(mecanismo.actividades, start=1):
        marca = f" {md(actividad.marca)}" if actividad.marca else ""
        lineas.append(f"| {indice} | {enlace(md(actividad.texto), urls.actividad(doc.id, actividad.id), desde)}"
                      f"{marca} | {describir_calendario(actividad.calendario)} |")
    lineas.append("")
    for nota in mecanismo.notas:
        lineas += [f"{md(nota.marca)} {md(nota.texto)}", ""]
    contenido = "\n".join(lineas) + pie_siglas(doc.siglas)
    return Pagina(desde, f"{mecanismo.nombre} ({doc.anio})", contenido)


def pagina_tema(doc: Documento, tema: Tema, grafo: Grafo) -> Pagina:
    """Página de un tema del programa de una comisión, con los compromisos que informan de él."""
    desde = urls.tema(doc.id, tema.id).ruta
    lineas = [f"# {md(_titulo_corto(tema.texto))}", "", _volver(doc, desde), ""]
    lineas += bloque_avisos(grafo.avisos_de(doc, tema))
    lineas += ["## Texto de la fuente", "", enlazar(tema.texto, desde, grafo), "", "## Datos", ""]
    if tema.clasificacion:
        lineas.append(f"- **Clasificación en la fuente:** ({md(tema.clasificacion)})")
    if tema.area:
        area = grafo.areas[tema.area]
        lineas.append(f"- **Área responsable:** {enlace(md(area.nombre), urls.area(area.id), desde)}")
    else:
        lineas.append("- **Área responsable:** no dada en la fuente")
    lineas += bloque_calendario(tema.calendario)
    if tema.observaciones:
        lineas.append(f"- **Observaciones:** {enlazar(tema.observaciones, desde, grafo)}")
    lineas += _acuerdos_mencionados(tema, grafo, desde)
    lineas.append(f"- **Fuente:** {describir_fuente(doc, tema.fuente)}")
    compromisos = grafo.compromisos_de_tema.get(f"{doc.id}/{tema.id}", [])
    lineas += ["", "## Seguimiento", ""]
    if compromisos:
        for compromiso in compromisos:
            informe = grafo.documento_de(compromiso)
            lineas.append(
                f"- {enlace(f'Compromiso {compromiso.numero}', urls.compromiso(informe.id, compromiso.id), desde)}"
                f" del {enlace(md(informe.titulo_corto), urls.documento(informe.id), desde)}:"
                f" {md(compromiso.estatus_texto)} ({numero(compromiso.porcentaje)} %)")
    else:
        lineas.append("Ningún informe publicado en el sitio da seguimiento a este tema.")
    contenido = "\n".join(lineas) + pie_siglas(doc.siglas)
    return Pagina(desde, _titulo_corto(tema.texto, 60), contenido, descripcion=tema.texto)


def pagina_compromiso(doc: Documento, compromiso: Compromiso, grafo: Grafo) -> Pagina:
    """Página de un compromiso con su sesión, área, avance, acuerdos y temas."""
    desde = urls.compromiso(doc.id, compromiso.id).ruta
    sesion = grafo.sesiones[compromiso.sesion]
    area = grafo.areas[compromiso.area]
    lineas = [f"# Compromiso {compromiso.numero}", "", _volver(doc, desde), ""]
    lineas += bloque_avisos(grafo.avisos_de(doc, compromiso))
    lineas += ["## Acuerdo o compromiso", "", enlazar(compromiso.texto, desde, grafo), "",
               "## Avance o cumplimiento", "", enlazar(compromiso.avance, desde, grafo), "",
               "## Datos", "",
               f"- **Sesión de la que proviene:** {enlace(md(compromiso.sesion_texto), urls.sesion(sesion.id), desde)}"
               f" (celebrada el {fecha_larga(sesion.fecha)})",
               f"- **Área responsable:** {enlace(md(compromiso.area_texto), urls.area(area.id), desde)}",
               f"- **Estatus:** {md(compromiso.estatus_texto)}",
               f"- **Porcentaje de avance:** {numero(compromiso.porcentaje)} %"]
    if compromiso.acuerdos:
        partes = []
        for numero_acuerdo in compromiso.acuerdos:
            ficha = grafo.acuerdos[numero_acuerdo]
            texto = enlace(numero_acuerdo, urls.acuerdo(numero_acuerdo), desde)
            enlace_oficial = ficha.primero("enlace")
            if enlace_oficial:
                texto += f" ([documento oficial]({enlace_oficial}))"
            partes.append(texto)
        lineas.append("- **Cumplido mediante:** " + "; ".join(partes))
    for ref in compromiso.temas:
        encontrado = grafo.ficha_de_tema(ref)
        if encontrado:
            programa, tema = encontrado
            lineas.append(f"- **Tema del programa sobre el que informa:** "
                          f"{enlace(md(_titulo_corto(tema.texto)), urls.tema(programa.id, tema.id), desde)}"
                          f" ({enlace(md(programa.titulo_corto), urls.documento(programa.id), desde)})")
    lineas.append(f"- **Fuente:** {describir_fuente(doc, compromiso.fuente)}")
    contenido = "\n".join(lineas) + pie_siglas(doc.siglas)
    return Pagina(desde, f"Compromiso {compromiso.numero} — {doc.titulo_corto}", contenido,
                  descripcion=compromiso.texto)
