"""URL que nunca se rompen: el manifiesto de las URL publicadas y las redirecciones.

La Gaceta Electoral imprime las URL del sitio. ``datos/urls-publicadas.txt`` (el manifiesto)
guarda cada URL que el sitio ha publicado: una ruta por línea, desde la raíz (``/acuerdos/…/``,
``/documentos/<doc>/#<registro>``). Sale de la lista de páginas y archivos del núcleo
(``urls_publicadas``), nunca de leer el HTML escrito, y la pone al día la orden
``programas-spen urls`` (``python3 tareas.py urls``): une a lo que ya tenía las URL nuevas, y
no quita ninguna.

Al construir, cada URL del manifiesto debe seguir publicada o tener una entrada en
``datos/redirecciones.yml`` (``carga/redirecciones.py``) que diga adónde fue (``a``) o que se
retiró (``retirado: true``); si no, la construcción falla con un error que nombra la URL
(``comprobar``). Las anclas de una página que se fue la siguen. Cada entrada se vuelve:

- **una página que ya no existe** (``/ruta/``): una página de redirección en su lugar
  (``redireccion``): ``meta refresh`` inmediato, ``link rel=canonical`` a la nueva, un enlace
  visible en español y ``noindex``; si se retiró, lleva al índice que la contenía y dice por qué;
- **un archivo movido** (un PDF, un CSV): una copia del archivo nuevo en la ruta de antes (un
  servidor de archivos estáticos no puede redirigir un archivo, y una página HTML con nombre
  ``.pdf`` no se abriría como PDF); un archivo retirado deja de publicarse;
- **un ancla movida o retirada** de una página que sigue (``/ruta/#ancla``): el pequeño script
  propio ``activos/direcciones.js`` en esa página lleva del ancla de antes a la nueva y muestra
  un aviso visible; sin JavaScript, la página se abre arriba.

Las páginas de redirección son archivos generados, no páginas del tema: su ``<head>`` debe
llevar el ``meta refresh`` y el ``noindex`` (el tema no los pone) y no deben entrar en el índice
de búsqueda, la navegación ni el mapa del sitio de MkDocs. Se escriben con la plantilla Jinja del
paquete ``plantillas/redireccion.html`` (escape automático), como el resto del HTML del núcleo.

Las páginas escritas a mano (``contenido/``) no entran en el manifiesto: no salen de los datos,
las cambia quien programa y se revisan en el código.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from programas_spen.modelo.problemas import Informe
from programas_spen.modelo.redireccion import Redireccion
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.render import entorno
from programas_spen.sitio.secciones import Ancla, Bloques, Elemento, Fila, Html, Pagina, Seccion, Tabla, TablaMeses

#: Nombre del manifiesto dentro de la carpeta de datos.
MANIFIESTO = "urls-publicadas.txt"

#: Cabecera del manifiesto (líneas de comentario, con ``#`` al principio).
CABECERA = (
    "# URL publicadas por el sitio: una ruta por línea, desde la raíz del sitio, en orden.",
    "# La pone al día `python3 tareas.py urls` (o `programas-spen urls`); nunca se borra una línea:",
    "# si una URL deja de publicarse, se dice adónde fue en datos/redirecciones.yml (ver datos/README.md).",
)

#: Carpeta de los archivos propios del sitio (scripts): no son URL que alguien cite.
_ACTIVOS = "activos/"

#: Clases de la descripción de una página que llevan un ancla fijada por los datos (``id``).
_CON_ANCLA = (Seccion, Tabla, TablaMeses, Fila, Elemento, Bloques, Ancla)


@dataclass(frozen=True)
class Publicadas:
    """Lo que publica una construcción completa: cada URL (ruta desde la raíz, con ``/``
    inicial; las anclas de registro, ``ruta#id``) y, por página, todas sus anclas fijas (las de
    registros y las de apartados), para comprobar las de destino."""

    urls: frozenset[str]
    anclas: Mapping[str, frozenset[str]]

    def pagina_publicada(self, url: str) -> bool:
        """Si la página (o el archivo) de ``url`` se publica, sin mirar el ancla."""
        return url.split("#", 1)[0] in self.urls

    def existe(self, url: str) -> bool:
        """Si ``url`` lleva a algo publicado: su página y, si tiene ancla, un ancla fija de ella."""
        ruta, _, ancla = url.partition("#")
        if ruta not in self.urls:
            return False
        return not ancla or ancla in self.anclas.get(ruta, frozenset())


def url_de_pagina(ruta: str) -> str:
    """URL desde la raíz de una página generada (ruta de su Markdown): ``/documentos/x/``."""
    return urls.desde_la_raiz(urls.Destino(ruta).url())


def url_de_archivo(ruta: str) -> str:
    """URL desde la raíz de un archivo generado: ``/documentos/x/anexo/``, ``/data.json``."""
    return urls.desde_la_raiz(urls.url_de_archivo(ruta))


def anclas_fijas(pagina: Pagina) -> list[str]:
    """Las anclas de ``pagina`` fijadas por los datos (``id`` de apartados, filas, elementos y
    anclas en línea), en orden; no las que salen de un título."""
    encontradas: list[str] = []

    def recorrer(valor: object) -> None:
        if isinstance(valor, tuple):
            for hijo in valor:
                recorrer(hijo)
        elif dataclasses.is_dataclass(valor) and not isinstance(valor, type):
            if isinstance(valor, _CON_ANCLA) and valor.id:
                encontradas.append(valor.id)
            for campo in dataclasses.fields(valor):
                recorrer(getattr(valor, campo.name))

    recorrer(pagina.cuerpo)
    return encontradas


def urls_publicadas(grafo: Grafo, paginas: Sequence[Pagina], archivos: Iterable[str]) -> Publicadas:
    """Las URL que publica el sitio completo: cada página generada, cada ancla de registro de la
    página de cada documento (``/documentos/<doc>/#<id>``, sin las de apartados como
    ``#temas``), cada archivo generado (menos los scripts propios) y el PDF del anexo de cada
    documento y sus huellas aunque esta construcción no los genere (``anexos_pdf: false``, vista
    previa): la lista no depende de esa opción."""
    documentos = {urls.documento(doc.id).ruta for doc in grafo.datos.documentos}
    todas: set[str] = set()
    anclas: dict[str, frozenset[str]] = {}
    for pagina in paginas:
        url = url_de_pagina(pagina.ruta)
        todas.add(url)
        fijas = anclas_fijas(pagina)
        anclas[url] = frozenset(fijas)
        if pagina.ruta in documentos:
            todas.update(f"{url}#{ancla}" for ancla in fijas if ancla not in urls.APARTADOS)
    previstos = [urls.anexo_pdf(doc.id) for doc in grafo.datos.documentos] + [urls.SUMAS_ANEXOS]
    for ruta in [*archivos, *previstos]:
        if not ruta.startswith(_ACTIVOS):
            todas.add(url_de_archivo(ruta))
    return Publicadas(frozenset(todas), anclas)


# --- El manifiesto ------------------------------------------------------------------------


def leer_manifiesto(ruta: Path, nombre: str, informe: Informe) -> list[tuple[int, str]] | None:
    """Las URL del manifiesto con su línea; ``None`` si no existe (un sitio que aún no ha
    publicado nada). Una línea que no es una URL (ni comentario ni vacía) es un error en
    ``informe``, con ``nombre`` como archivo."""
    if not ruta.exists():
        return None
    try:
        texto = ruta.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        informe.error(nombre, 0, 0, f"no se pudo leer el manifiesto de URL ({exc}); se esperaba un "
                      "archivo de texto en UTF-8 con una URL por línea")
        return []
    lineas: list[tuple[int, str]] = []
    for numero, linea in enumerate(texto.splitlines(), start=1):
        url = linea.strip()
        if not url or url.startswith("#"):
            continue
        if not url.startswith("/") or any(c.isspace() for c in url):
            informe.error(nombre, numero, 1, f"«{url}» no es una URL del sitio; se esperaba una ruta "
                          "desde la raíz que empiece con «/» y sin espacios (p. ej. /acuerdos/ine-jge06-2020/)")
            continue
        lineas.append((numero, url))
    return lineas


def texto_manifiesto(urls_del_sitio: Iterable[str]) -> str:
    """El texto del manifiesto: la cabecera y cada URL una vez, en orden (el mismo texto para
    las mismas URL)."""
    return "\n".join([*CABECERA, *sorted(set(urls_del_sitio))]) + "\n"


# --- La comprobación ----------------------------------------------------------------------


def _pagina_de(url: str) -> str:
    return url.split("#", 1)[0]


def comprobar(manifiesto: Sequence[tuple[int, str]] | None, publicadas: Publicadas,
              redirecciones: Sequence[Redireccion], nombre_manifiesto: str, informe: Informe) -> None:
    """Registra en ``informe`` cada URL del manifiesto que se perdió (ni publicada ni con
    entrada en ``redirecciones.yml``) y cada entrada que no sirve: su URL de antes sigue
    publicada, o la nueva no existe. Sin manifiesto (``None``) solo se comprueban las entradas."""
    por_de = {r.de: r for r in redirecciones}
    for numero, url in manifiesto or ():
        if url in publicadas.urls or url in por_de or _pagina_de(url) in por_de:
            continue
        informe.error(nombre_manifiesto, numero, 1,
                      f"la URL publicada «{url}» ya no se publica y no tiene entrada en "
                      "redirecciones.yml; se esperaba que siguiera publicada o una entrada "
                      f"«de: {url}» con «a:» (su URL nueva) o «retirado: true», y su «motivo» (ver datos/README.md)")
    en_manifiesto = {url for _, url in manifiesto or ()}
    for entrada in redirecciones:
        if entrada.de == "/":
            informe.error(entrada.archivo, entrada.linea, 1, "«de: /» es la portada, que no se redirige; "
                          "se esperaba la URL de una página, un archivo o un ancla")
            continue
        if publicadas.existe(entrada.de):
            informe.error(entrada.archivo, entrada.linea, 1,
                          f"la URL «{entrada.de}» sigue publicada; se esperaba una URL que ya no se "
                          "publique (quite esta entrada, o corrija «de»)")
            continue
        if "#" in entrada.de and not publicadas.pagina_publicada(entrada.de) and _pagina_de(entrada.de) not in por_de:
            informe.error(entrada.archivo, entrada.linea, 1,
                          f"la página de «{entrada.de}» ya no se publica y no tiene entrada propia; se "
                          f"esperaba también una entrada «de: {_pagina_de(entrada.de)}» que diga adónde fue")
        if entrada.a is not None and _es_archivo(entrada.a) != _es_archivo(entrada.de):
            informe.error(entrada.archivo, entrada.linea, 1,
                          f"«{entrada.de}» y «{entrada.a}» no son de la misma clase; se esperaba que un "
                          "archivo (…/x.pdf) vaya a un archivo y una página (…/x/) a una página")
        elif entrada.a is not None and not publicadas.existe(entrada.a):
            informe.error(entrada.archivo, entrada.linea, 1,
                          f"la URL nueva «{entrada.a}» no se publica; se esperaba una URL que el sitio "
                          "publique (una página, un archivo o un ancla suya: ver urls-publicadas.txt)")
        if manifiesto is not None and entrada.de not in en_manifiesto:
            informe.aviso(entrada.archivo, entrada.linea, 1,
                          f"la URL «{entrada.de}» no está en urls-publicadas.txt: nunca se publicó "
                          "(o falta poner al día el manifiesto); la entrada no hace falta")


# --- Lo que se publica en lugar de lo que se fue ------------------------------------------


def _es_archivo(url: str) -> bool:
    """Si ``url`` (sin ancla) es la de un archivo (``/x.pdf``), no la de una página (``/x/``)."""
    return not _pagina_de(url).endswith("/")


def _indice_de(url: str, publicadas: Publicadas) -> str:
    """La página publicada más cercana que contenía ``url``: su carpeta, la de arriba… o la
    portada."""
    return next((carpeta for carpeta in urls.carpetas_de(url) if carpeta in publicadas.urls), "/")


@dataclass(frozen=True)
class Redirigida:
    """Una página de redirección, como datos: su ruta (``x/index.html``), la URL nueva (desde la
    raíz), si la de antes se retiró y por qué, y las anclas de antes que tienen destino propio."""

    ruta: str
    de: str
    a: str
    retirado: bool
    motivo: str
    anclas: tuple[tuple[str, str | None, str], ...] = ()


def _anclas_de(pagina: str, redirecciones: Sequence[Redireccion]) -> tuple[tuple[str, str | None, str], ...]:
    """(ancla de antes, URL nueva o ``None`` si se retiró, motivo) de las entradas con ancla
    de la página ``pagina``, en orden."""
    return tuple(sorted((r.de.split("#", 1)[1], r.a, r.motivo) for r in redirecciones
                        if "#" in r.de and _pagina_de(r.de) == pagina))


def redirigidas(redirecciones: Sequence[Redireccion], publicadas: Publicadas) -> list[Redirigida]:
    """Las páginas de redirección que se publican: una por entrada sin ancla de una página (no
    de un archivo), en orden."""
    resultado = []
    for entrada in sorted(redirecciones, key=lambda r: r.de):
        if "#" in entrada.de or _es_archivo(entrada.de):
            continue
        destino = entrada.a if entrada.a is not None else _indice_de(entrada.de, publicadas)
        ruta = urls.archivo_de_url(entrada.de)
        resultado.append(Redirigida(ruta, entrada.de, destino, entrada.a is None, entrada.motivo,
                                    _anclas_de(entrada.de, redirecciones)))
    return resultado


def copias_de_archivos(redirecciones: Sequence[Redireccion],
                       contenidos: Mapping[str, bytes]) -> list[tuple[str, bytes]]:
    """(ruta de antes, bytes) de cada archivo movido: una copia del nuevo en la ruta de antes
    (``contenidos``: bytes de cada archivo generado, por ruta)."""
    copias = []
    for entrada in sorted(redirecciones, key=lambda r: r.de):
        if entrada.a is None or "#" in entrada.de or not _es_archivo(entrada.de):
            continue
        contenido = contenidos.get(urls.archivo_de_url(entrada.a))
        if contenido is not None:
            copias.append((urls.archivo_de_url(entrada.de), contenido))
    return copias


def datos_script(destino: str | None, anclas: Sequence[tuple[str, str | None, str]], desde: str) -> Markup:
    """El JSON que lee ``activos/direcciones.js`` en la página ``desde`` (URL desde la raíz):
    adónde lleva la página (solo en una de redirección) y, por ancla de antes, su dirección
    nueva relativa a la página (o ``null`` si se retiró) y el motivo. Escapado para ir dentro de
    ``<script type="application/json">``."""
    base = desde.lstrip("/")
    datos: dict[str, object] = {"anclas": {ancla: {"a": None if a is None else urls.relativa(a.lstrip("/"), base),
                                                   "motivo": motivo} for ancla, a, motivo in anclas}}
    if destino is not None:
        datos["destino"] = urls.relativa(destino.lstrip("/"), base)
    texto = json.dumps(datos, ensure_ascii=False, sort_keys=True)
    return Markup(texto.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def con_direcciones(paginas: Sequence[Pagina], redirecciones: Sequence[Redireccion]) -> list[Pagina]:
    """Las páginas, y en cada una que sigue publicada pero tiene anclas de antes en
    ``redirecciones``, al principio el aviso (vacío hasta que el script lo llena) y el script que
    lleva de cada ancla de antes a la nueva (solo en la web)."""
    resultado = []
    for pagina in paginas:
        url = url_de_pagina(pagina.ruta)
        anclas = _anclas_de(url, redirecciones)
        if anclas:
            script = urls.activo_desde(urls.ACTIVO_DIRECCIONES, pagina.ruta)
            marcado = Markup(
                '<div class="aviso-direccion" role="status" hidden></div>'
                '<script type="application/json" id="direcciones-datos">{}</script>'
                '<script src="{}" defer></script>').format(datos_script(None, anclas, url), script)
            pagina = dataclasses.replace(pagina, cuerpo=(Html(marcado, solo_web=True), *pagina.cuerpo))
        resultado.append(pagina)
    return resultado


def escribir_redireccion(redirigida: Redirigida, url_base: str) -> bytes:
    """El HTML de una página de redirección (plantilla ``redireccion.html``, escape
    automático)."""
    desde = redirigida.de.lstrip("/")
    relativa = urls.relativa(redirigida.a.lstrip("/"), desde)
    titulo = "Esta página se retiró" if redirigida.retirado else "Esta página cambió de dirección"
    html = entorno().get_template("redireccion.html").render(
        titulo=titulo, de=redirigida.de, motivo=redirigida.motivo, retirado=redirigida.retirado,
        relativa=relativa or "./", absoluta=urls.absoluta(url_base, redirigida.a.lstrip("/")),
        script=urls.relativa(urls.ACTIVO_DIRECCIONES, desde),
        datos=datos_script(redirigida.a, redirigida.anclas, redirigida.de))
    return (html.strip() + "\n").encode("utf-8")


def aplicar(directorio: Path, grafo: Grafo, paginas: Sequence[Pagina], archivos: Sequence[tuple[str, bytes]],
            url_base: str, informe: Informe) -> tuple[list[Pagina], list[tuple[str, bytes]], Publicadas]:
    """Comprueba el manifiesto de ``directorio`` contra lo que publica esta construcción
    (``paginas``, ``archivos``) y las entradas de ``redirecciones.yml`` (los problemas, en
    ``informe``), y devuelve las páginas con el script de sus anclas de antes y los archivos
    que se publican en lugar de lo que se fue (páginas de redirección, copias de archivos), y lo
    que publica esta construcción."""
    redirecciones = grafo.datos.redirecciones
    publicadas = urls_publicadas(grafo, paginas, [ruta for ruta, _ in archivos])
    nombre = f"{directorio.name}/{MANIFIESTO}"
    comprobar(leer_manifiesto(directorio / MANIFIESTO, nombre, informe), publicadas, redirecciones, nombre, informe)
    extra = [(r.ruta, escribir_redireccion(r, url_base)) for r in redirigidas(redirecciones, publicadas)]
    extra += copias_de_archivos(redirecciones, dict(archivos))
    return con_direcciones(paginas, redirecciones), extra, publicadas
