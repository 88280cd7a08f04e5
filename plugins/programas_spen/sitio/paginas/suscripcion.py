"""Los controles para suscribirse a un calendario iCalendar: un enlace ``webcal://`` que abre la
agenda del sistema con un clic, la descarga del archivo ``.ics`` y la dirección pública escrita
como texto (se lee y se selecciona sin JavaScript) con un botón «Copiar dirección» que solo
pone en la página el script (``activos/copiar.js``, desde un ``<template>``)."""

from __future__ import annotations

from markupsafe import Markup

from programas_spen.sitio import urls
from programas_spen.sitio.secciones import Bloque, Bloques, Codigo, Enlace, Fuerte, Html, Parrafo, unir


def script_copiar(desde: str) -> Html:
    """La etiqueta ``<script>`` de los botones «Copiar dirección» (una por página)."""
    return Html(Markup('<script src="{}"></script>').format(urls.activo_desde(urls.ACTIVO_COPIAR, desde)))


def boton_copiar(direccion: str, que: str, ident: str) -> Html:
    """El botón que copia ``direccion``, con un nombre accesible que dice qué copia (``que``) y
    una región de estado que anuncia el resultado. Va dentro de un ``<template>``: solo existe
    en la página cuando el script lo pone (sin JavaScript no copiaría nada)."""
    return Html(Markup(
        '<template class="spen-copiar-plantilla">'
        '<button type="button" class="md-button spen-copiar" data-copiar="{direccion}" '
        'aria-label="Copiar dirección de {que}" aria-describedby="{ident}">Copiar dirección</button>'
        '<span class="spen-copiar__estado" id="{ident}" role="status"></span></template>').format(
        direccion=direccion, que=que, ident=ident), solo_web=True)


def bloque_suscripcion(nombre: str, titulo: str, desde: str, url_base: str) -> Bloques:
    """Los controles de suscripción al feed ``nombre`` (``urls.feed``) desde la página ``desde``:
    ``titulo`` dice qué calendario es (en el nombre accesible de cada control)."""
    direccion = urls.feed_absoluto(url_base, nombre)
    enlaces = Parrafo(unir(
        Enlace("Suscribirse con un clic", urls.webcal(direccion), titulo=f"Abrir «{titulo}» en su agenda",
               clase="md-button md-button--primary"), " ",
        Enlace("Descargar el archivo .ics", urls.activo_desde(urls.feed(nombre), desde), clase="md-button",
               descarga=f"{nombre}.ics")), clase="spen-suscripcion__botones")
    copiar: tuple[Bloque, ...] = (
        Parrafo(unir(Fuerte("Dirección para su agenda:"), " ", Codigo(direccion)), clase="spen-suscripcion__direccion"),
        boton_copiar(direccion, titulo, f"copiado-{nombre}"),
    )
    return Bloques((enlaces, *copiar), clase="spen-suscripcion")
