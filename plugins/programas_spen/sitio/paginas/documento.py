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
from programas_spen.sitio.paginas.comun import NO_DADO, Pagina, enlace, rotulo, siglas_de
from programas_spen.sitio.paginas.graficas import graficas_documento
from programas_spen.sitio.secciones import (
    Aviso,
    Bloque,
    Codigo,
    Contenido,
    Cursiva,
    Detalles,
    Enlace,
    Fila,
    Fuerte,
    Marca,
    Parrafo,
    Salto,
    Seccion,
    Tabla,
    juntar,
    unir,
)

SIN_ENLACE = "Sin enlace conocido"


def documento_oficial(doc: Documento) -> Contenido:
    """«Documento oficial»: la publicación que transcribe el documento (título, quién la emite,
    fecha) y el enlace a ella; lo que no se conoce se dice («No dado en la fuente», «Sin enlace
    conocido»), nunca se completa."""
    oficial = doc.documento_oficial
    if oficial is None:
        return unir(NO_DADO, " (", SIN_ENLACE, ")")
    enlace_oficial: Contenido = (Enlace(unir("Consultar el documento oficial", Marca(
        f" ({oficial.titulo})", "sr-only")), oficial.url),) if oficial.url else SIN_ENLACE
    return unir(Cursiva(oficial.titulo), Salto(), rotulo("Emite", oficial.emisor), Salto(),
                rotulo("Fecha", fecha_larga(oficial.fecha) if oficial.fecha else NO_DADO),
                (Salto(), *rotulo("Se ordenó publicar en", oficial.publicacion)) if oficial.publicacion else None,
                Salto(), enlace_oficial)


def _detalles_tecnicos(doc: Documento) -> Detalles:
    """«Detalles técnicos», plegados: el archivo de texto fuente, lo que perdió su extracción
    del PDF y el archivo de datos (para quien revisa la transcripción, no para leer)."""
    if doc.fuente.archivo:
        filas: list[tuple[str, Contenido]] = [
            ("Texto fuente", unir(Codigo(doc.fuente.archivo), f" — {doc.fuente.descripcion}"))]
    else:  # nació digital: se transcribió del original publicado
        original = Enlace(doc.fuente.url, doc.fuente.url) if doc.fuente.url else "documento digital"
        filas = [("Fuente", unir("Documento digital (", original, f") — {doc.fuente.descripcion}"))]
    if doc.fuente.perdidas:
        filas.append(("Lo que perdió la extracción del PDF", doc.fuente.perdidas))
    filas.append(("Archivo de datos", (Codigo(doc.archivo),)))
    return Detalles("Detalles técnicos", (Tabla(("Dato", "Valor"), tuple(Fila(fila) for fila in filas)),))


def _datos(doc: Documento, grafo: Grafo, extra: Sequence[Bloque]) -> Seccion:
    """«Datos del documento»: quién lo emite, cuándo, qué acuerdo lo aprueba, la publicación
    oficial que transcribe y los enlaces a sus otras vistas; los detalles técnicos, plegados."""
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
    filas.append(("Documento oficial", documento_oficial(doc)))
    bloques: list[Bloque] = [Tabla(("Dato", "Valor"), tuple(Fila(fila) for fila in filas))]
    vistas = []
    if calendario.tiene_calendario(doc):
        vistas.append((enlace("Calendario: rejilla de meses y línea de tiempo", urls.calendario_documento(doc.id)),))
    if graficas_documento(doc, grafo):
        vistas.append((enlace("Cifras y gráficas", urls.graficas_documento(doc.id)),))
    al_final = [(enlace(b.titulo, urls.apartado(doc.id, b.id)),) for b in extra if isinstance(b, Seccion) and b.id]
    if vistas:
        bloques.append(Parrafo(unir("Otras vistas de este documento: ", juntar(vistas, " · "), ".")))
    if al_final:
        bloques.append(Parrafo(unir("Al final de esta página: ", juntar(al_final, " · "), ".")))
    bloques.append(_detalles_tecnicos(doc))
    return Seccion("Datos del documento", tuple(bloques), id="datos")


def _aviso_documento(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """El recuadro con cuántos avisos de coherencia tiene el documento (ninguno si no hay)."""
    avisos = grafo.avisos_de_archivo(doc.archivo)
    if not avisos:
        return ()
    destino = urls.Destino(urls.AVISOS.ruta, f"documento-{doc.id}")
    cuantos = "un lugar" if len(avisos) == 1 else f"{len(avisos)} lugares"
    return (Aviso(f"Avisos sobre la fuente: {len(avisos)}", (Parrafo(unir(
        f"En {cuantos}, el documento oficial dice algo que no cuadra consigo mismo (un conteo que no coincide "
        "con su lista, una marca fuera de su tabla, una fecha distinta de la de la sesión). Se publica tal como "
        "es y cada caso se explica junto al registro. ", enlace("Lista de todos los avisos", destino), ".")),)),)


def pagina_documento(doc: Documento, grafo: Grafo, extra: Sequence[Bloque] = ()) -> Pagina:
    """La página completa de un documento; ``extra``: los apartados que van al final, tras su
    contenido (el «Anexo para la Gaceta» con «Cómo citar» y sus descargas, con tamaños y
    huellas SHA-256), anunciados en sus datos."""
    cuerpo = (
        Parrafo((Fuerte(doc.titulo),)),
        _datos(doc, grafo, extra),
        *_aviso_documento(doc, grafo),
        *secciones_documento(doc, grafo),
        *extra,
    )
    return Pagina(urls.documento(doc.id).ruta, doc.titulo_corto, cuerpo, descripcion=doc.titulo,
                  institucion=doc.institucion, siglas=siglas_de(grafo, doc))
