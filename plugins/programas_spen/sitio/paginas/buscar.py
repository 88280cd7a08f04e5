"""La página de búsqueda: un formulario que funciona como enlace (``?q=``) y la lista de
resultados que llena ``activos/buscar.js`` con los índices de Pagefind (ver ``buscador``)."""

from __future__ import annotations

from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import SIN_BUSQUEDA, Pagina, enlace


def pagina_buscar(grafo: Grafo) -> Pagina:
    """``/buscar/``: sin JavaScript, el formulario y los índices del sitio por donde recorrerlo;
    con él, los resultados de la consulta de la dirección. La página misma no se indexa."""
    desde = urls.BUSCAR.ruta
    indices = ", ".join(enlace(texto, destino, desde) for texto, destino in (
        ("documentos", urls.DOCUMENTOS), ("acuerdos", urls.ACUERDOS), ("sesiones", urls.SESIONES),
        ("áreas", urls.AREAS), ("siglas", urls.SIGLAS), ("calendario", urls.CALENDARIO)))
    carpeta = urls.activo_desde(urls.INDICES_BUSQUEDA + "/", desde) + "/"
    raiz = urls.INICIO.url_desde(desde)
    lineas = [
        "# Buscar en el sitio",
        "",
        "Busca en los documentos, sus registros (actividades, temas, compromisos…), los "
        "acuerdos, las sesiones y las áreas. No distingue mayúsculas ni acentos, y encuentra "
        "también otras formas de cada palabra («evaluación» encuentra «evaluaciones»).",
        "",
        f'<div class="spen-buscador" data-buscador="{carpeta}" data-raiz="{raiz}">',
        '<form class="spen-buscador__formulario" role="search" action="./" method="get">',
        '<p class="spen-buscador__consulta"><label for="spen-busqueda-consulta">Palabras que '
        'busca: </label><input type="search" id="spen-busqueda-consulta" name="q" '
        'autocomplete="off" spellcheck="false"></p>',
        '<button type="submit" class="md-button md-button--primary">Buscar</button>',
        "</form>",
        '<p class="spen-buscador__estado" role="status" aria-live="polite"></p>',
        '<ol class="spen-buscador__resultados"></ol>',
        "</div>",
        "",
        '<noscript><p class="spen-buscador__sin-js">La búsqueda necesita JavaScript. Todo el '
        "contenido del sitio se puede recorrer sin él desde el menú y los índices.</p></noscript>",
        "",
        f"Todo el contenido está también en los índices: {indices}.",
        "",
        f'<script src="{urls.activo_desde(urls.ACTIVO_BUSCAR, desde)}"></script>',
        "",
    ]
    return Pagina(desde, "Buscar", "\n".join(lineas), meta=dict(SIN_BUSQUEDA))
