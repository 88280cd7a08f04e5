"""La página de búsqueda: un formulario que funciona como enlace (``?q=``) y la lista de
resultados que llena ``activos/buscar.js`` con los índices de Pagefind (ver ``busqueda``)."""

from __future__ import annotations

from markupsafe import Markup

from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import SIN_BUSQUEDA, Pagina, enlace
from programas_spen.sitio.secciones import Html, Parrafo, juntar, unir

#: El buscador: formulario GET (sin JavaScript, la consulta queda en la dirección), el estado
#: que anuncia el lector de pantalla y la lista de resultados. Las direcciones de los índices y
#: de la raíz del sitio, relativas a la página, van escapadas en sus atributos.
_BUSCADOR = Markup(
    '<div class="spen-buscador" data-buscador="{carpeta}" data-raiz="{raiz}">\n'
    '<form class="spen-buscador__formulario" role="search" action="./" method="get">\n'
    '<p class="spen-buscador__consulta"><label for="spen-busqueda-consulta">Palabras que busca: </label>'
    '<input type="search" id="spen-busqueda-consulta" name="q" autocomplete="off" spellcheck="false"></p>\n'
    '<button type="submit" class="md-button md-button--primary">Buscar</button>\n'
    "</form>\n"
    '<p class="spen-buscador__estado" role="status" aria-live="polite"></p>\n'
    '<ol class="spen-buscador__resultados"></ol>\n'
    "</div>")

_SIN_JAVASCRIPT = Markup(
    '<noscript><p class="spen-buscador__sin-js">La búsqueda necesita JavaScript. Todo el contenido del sitio se '
    "puede recorrer sin él desde el menú y los índices.</p></noscript>")


def pagina_buscar(grafo: Grafo) -> Pagina:
    """``/buscar/``: sin JavaScript, el formulario y los índices del sitio por donde recorrerlo;
    con él, los resultados de la consulta de la dirección. La página misma no se indexa."""
    desde = urls.BUSCAR.ruta
    indices = juntar([(enlace(texto, destino),) for texto, destino in (
        ("documentos", urls.DOCUMENTOS), ("acuerdos", urls.ACUERDOS), ("sesiones", urls.SESIONES),
        ("áreas", urls.AREAS), ("siglas", urls.SIGLAS), ("calendario", urls.CALENDARIO))])
    carpeta = urls.activo_desde(urls.INDICES_BUSQUEDA + "/", desde)
    cuerpo = (
        Parrafo("Busca en los documentos, sus registros (actividades, temas, compromisos…), los acuerdos, las "
                "sesiones y las áreas. No distingue mayúsculas ni acentos, y encuentra también otras formas de "
                "cada palabra («evaluación» encuentra «evaluaciones»)."),
        Html(_BUSCADOR.format(carpeta=carpeta, raiz=urls.INICIO.url_desde(desde))),
        Html(_SIN_JAVASCRIPT),
        Parrafo(unir("Todo el contenido está también en los índices: ", indices, ".")),
        Html(Markup('<script src="{}"></script>').format(urls.activo_desde(urls.ACTIVO_BUSCAR, desde))),
    )
    return Pagina(desde, "Buscar", cuerpo, meta=dict(SIN_BUSQUEDA), encabezado="Buscar en el sitio")
