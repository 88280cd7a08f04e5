"""Página de un documento: su título, sus datos, el acuerdo que lo aprueba, sus otras vistas y
todo su contenido.

El contenido es la descripción común del documento (``sitio.documento_secciones``), la misma
que escribe su anexo para la Gaceta. Cada registro del documento (mecanismo, actividad, tema,
compromiso, objetivo, línea de acción, ficha, sesión programada, eje, cifra) es un ancla
permanente de esta página, con su id, y muestra aquí mismo sus enlaces en los dos sentidos y sus
avisos de coherencia.
"""

from __future__ import annotations

from collections.abc import Sequence

from programas_spen.modelo import calendario
from programas_spen.modelo.registros import TIPOS_DOCUMENTO, TIPOS_SESION, Documento
from programas_spen.modelo.texto import fecha_larga, nombre_mes
from programas_spen.sitio import urls
from programas_spen.sitio.documento_secciones import secciones_documento
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import Pagina, enlace, siglas_de
from programas_spen.sitio.paginas.graficas import graficas_documento
from programas_spen.sitio.secciones import (
    Aviso,
    Bloque,
    Codigo,
    Contenido,
    Enlace,
    Fila,
    Fuerte,
    Parrafo,
    Seccion,
    Tabla,
    juntar,
    unir,
)


def _datos(doc: Documento, grafo: Grafo) -> Seccion:
    """«Datos del documento»: quién lo emite, cuándo, qué acuerdo lo aprueba, de qué texto
    fuente sale, y los enlaces a sus otras vistas."""
    institucion = grafo.instituciones[doc.institucion]
    organo = grafo.organos[doc.organo]
    filas: list[tuple[str, Contenido]] = [
        ("Institución", (enlace(institucion.nombre, urls.institucion(institucion.id)),)),
        ("Emite", organo.nombre),
        ("Tipo de documento", TIPOS_DOCUMENTO[doc.tipo]),
        ("Ejercicio", str(doc.anio)),
    ]
    if doc.fecha:
        filas.append(("Fecha", fecha_larga(doc.fecha)))
    if doc.periodo:
        filas.append(("Meses de su calendario", f"{nombre_mes(doc.periodo.desde)} a {nombre_mes(doc.periodo.hasta)}"))
    if doc.aprobado_por:
        filas.append(("Aprobado por el acuerdo", (enlace(doc.aprobado_por, urls.acuerdo(doc.aprobado_por)),)))
    if doc.anexo:
        filas.append(("Anexo", f"Anexo {doc.anexo.numero}" + (f": {doc.anexo.titulo}" if doc.anexo.titulo else "")))
    if doc.presentado_en:
        sesion = grafo.sesiones[doc.presentado_en.sesion]
        punto = f", punto {doc.presentado_en.punto} del orden del día" if doc.presentado_en.punto else None
        filas.append(("Presentado en", unir(
            enlace(f"sesión {TIPOS_SESION[sesion.tipo]} del {fecha_larga(sesion.fecha)}", urls.sesion(sesion.id)),
            punto)))
    if doc.fuente.archivo:
        filas.append(("Texto fuente", unir(Codigo(doc.fuente.archivo), f" — {doc.fuente.descripcion}")))
    else:  # nació digital: se transcribió del original publicado
        original = Enlace(doc.fuente.url, doc.fuente.url) if doc.fuente.url else "documento digital"
        filas.append(("Fuente", unir("Documento digital (", original, f") — {doc.fuente.descripcion}")))
    if doc.fuente.perdidas:
        filas.append(("Lo que perdió la extracción del PDF", doc.fuente.perdidas))
    filas.append(("Archivo de datos", (Codigo(doc.archivo),)))
    bloques: list[Bloque] = [Tabla(("Dato", "Valor"), tuple(Fila(fila) for fila in filas))]
    vistas = []
    if calendario.tiene_calendario(doc):
        vistas.append((enlace("Calendario: rejilla de meses y línea de tiempo", urls.calendario_documento(doc.id)),))
    if graficas_documento(doc, grafo):
        vistas.append((enlace("Cifras y gráficas", urls.graficas_documento(doc.id)),))
    if vistas:
        bloques.append(Parrafo(unir("Otras vistas de este documento: ", juntar(vistas, " · "), ".")))
    return Seccion("Datos del documento", tuple(bloques), id="datos")


def _aviso_documento(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """El recuadro con cuántos avisos de coherencia tiene el documento (ninguno si no hay)."""
    avisos = grafo.avisos_de_archivo(doc.archivo)
    if not avisos:
        return ()
    destino = urls.Destino(urls.AVISOS.ruta, f"documento-{doc.id}")
    return (Aviso(f"{len(avisos)} aviso(s) de coherencia", (Parrafo(unir(
        f"La validación encontró {len(avisos)} incoherencia(s) en la fuente de este documento; se publican "
        "tal como son y se señalan junto a cada registro. ", enlace("Ver todos los avisos", destino), ".")),)),)


def pagina_documento(doc: Documento, grafo: Grafo, extra: Sequence[Bloque] = ()) -> Pagina:
    """La página completa de un documento; ``extra``: bloques que siguen a sus datos (el
    apartado «Anexo para la Gaceta» con «Cómo citar»)."""
    cuerpo = (
        Parrafo((Fuerte(doc.titulo),)),
        _datos(doc, grafo),
        *extra,
        *_aviso_documento(doc, grafo),
        *secciones_documento(doc, grafo),
    )
    return Pagina(urls.documento(doc.id).ruta, doc.titulo_corto, cuerpo, descripcion=doc.titulo,
                  institucion=doc.institucion, siglas=siglas_de(grafo, doc))
