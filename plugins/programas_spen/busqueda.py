"""Dividir el HTML de una página en las secciones del índice de búsqueda, como la búsqueda de
Material, en menos tiempo.

El índice de búsqueda de Material analiza el HTML de cada página con su ``Parser`` (un
``html.parser.HTMLParser``): lo divide en secciones, una por encabezado con ``id``, con el
texto de cada una (sin etiquetas salvo unas pocas que conserva) y su título. Sus métodos miran
en cada etiqueta y en cada texto toda la pila de elementos abiertos (``set.intersection``,
``in`` sobre una lista), y comparan elementos con métodos de Python (``Element.__eq__``, que
compara solo el nombre de la etiqueta): con las decenas de miles de páginas generadas, la mitad
del tiempo de indexar. ``Analizador`` hace exactamente lo mismo llevando la cuenta de cuántos
elementos abiertos hay de cada etiqueta, así que cada comprobación cuesta lo mismo a cualquier
profundidad. Las secciones que da son las mismas (las pruebas lo comparan con el ``Parser`` de
Material en cada página del sitio y en HTML aleatorio), con todas sus rarezas: que un elemento
excluido excluye toda etiqueta con su mismo nombre mientras esté abierto, que una etiqueta
conservada y vacía solo se quita si es la primera de su nombre en la sección, etcétera.

El HTML se recorre sin ``HTMLParser`` cuando es HTML sencillo (``recorrer``): el que escribe
Python-Markdown y el de las páginas generadas, solo etiquetas bien formadas con atributos entre
comillas dobles, texto y referencias de carácter. Un recorrido con expresiones regulares da
entonces las mismas llamadas (``handle_starttag``, ``handle_endtag``, ``handle_data``, con los
mismos argumentos y el texto partido en los mismos trozos) en menos de la mitad del tiempo. Si
el HTML tiene cualquier otra cosa (comentarios, ``<script>`` con contenido, un ``<`` suelto,
atributos sin comillas…), se recorre entero con ``HTMLParser``, como antes.

``indexar`` es ``SearchIndex.add_entry_from_context`` de Material con este analizador: cada
sección pasa a ``create_entry_for_section`` del mismo índice, que crea su entrada como siempre.
Ese método busca el encabezado de la sección en la tabla de contenido recorriéndola entera
(``_find_toc_by_id``): en una página con *n* encabezados, *n*² comparaciones, una cuarta parte del
tiempo de convertir los índices más grandes a escala nacional. ``indexar`` le pasa en su lugar
una tabla con solo la entrada que encontraría (``por_id``, hecho con un recorrido), o vacía.

Este módulo no importa MkDocs ni Material.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape, unescape
from html.parser import HTMLParser
from typing import Any

#: Etiquetas que no se cierran (las mismas que ``void`` de Material).
VACIAS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                    "param", "source", "track", "wbr"})
#: Etiquetas cuyo contenido se salta siempre (``skip`` inicial de Material).
SALTADAS = frozenset({"object", "script", "style"})
#: Etiquetas que se conservan en el texto indexado (``keep`` de Material).
CONSERVADAS = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
ENCABEZADOS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class Elemento:
    """Un elemento abierto: etiqueta y atributos (como ``Element`` de Material)."""

    __slots__ = ("attrs", "permanente", "tag")

    def __init__(self, tag: str, attrs: dict[str, Any] | None = None) -> None:
        self.tag = tag
        self.attrs = attrs or {}
        #: Si es el enlace permanente de un encabezado (``<a class="headerlink">``).
        self.permanente = tag == "a" and self.attrs.get("class") == "headerlink"

    def is_excluded(self) -> bool:  # noqa: D102 - nombre de Material
        return "data-search-exclude" in self.attrs


class Seccion:
    """Un encabezado y su texto (como ``Section`` de Material: ``create_entry_for_section``
    lee ``id``, ``title`` y ``text``)."""

    __slots__ = ("depth", "el", "id", "text", "title")

    def __init__(self, el: Elemento, depth: float = 0) -> None:
        self.el = el
        self.depth = depth
        self.text: list[str] = []
        self.title: list[str] = []
        self.id: str | None = None

    def is_excluded(self) -> bool:  # noqa: D102 - nombre de Material
        return self.el.is_excluded()


class Analizador(HTMLParser):
    """``Parser`` de la búsqueda de Material, con las mismas secciones en ``data``."""

    def __init__(self) -> None:
        super().__init__()
        self.context: list[Elemento] = []
        self.section: Seccion | None = None
        self.data: list[Seccion] = []
        #: Etiquetas que se saltan (Material guarda elementos, pero los compara por etiqueta).
        self._saltar: set[str] = set(SALTADAS)
        #: Elementos abiertos por etiqueta; de ellos, cuántos tienen una etiqueta de
        #: ``_saltar`` (si hay alguno, se salta: el ``skip.intersection(context)`` de Material)
        #: y cuántos son enlaces permanentes.
        self._abiertos: dict[str, int] = {}
        self._saltados = 0
        self._permanentes = 0

    def _destino(self, seccion: Seccion) -> list[str]:
        return seccion.title if self._abiertos.get(seccion.el.tag) else seccion.text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: D102
        atributos = dict(attrs)
        if tag in VACIAS:
            return
        el = Elemento(tag, atributos)
        self.context.append(el)
        self._abiertos[tag] = self._abiertos.get(tag, 0) + 1
        if tag in self._saltar:
            self._saltados += 1
        if el.permanente:
            self._permanentes += 1
        if tag in ENCABEZADOS:
            profundidad = len(self.context)
            if "id" in atributos:
                if tag != "h1" and not self.data:
                    self.section = Seccion(Elemento("hx"), profundidad)
                    self.data.append(self.section)
                self.section = Seccion(el, profundidad)
                if self.data:
                    self.section.id = atributos["id"]
                self.data.append(self.section)
        if not self.section:
            self.section = Seccion(Elemento("hx"))
            self.data.append(self.section)
        for clave, valor in atributos.items():
            if clave == "data-search-exclude" or (clave == "class" and valor == "linenodiv"):
                if tag not in self._saltar:
                    self._saltar.add(tag)
                    self._saltados += self._abiertos[tag]
                return
        if tag in CONSERVADAS and not self._saltados:
            self._destino(self.section).append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:  # noqa: D102
        if not self.context or self.context[-1].tag != tag:
            return
        assert self.section is not None  # hubo una etiqueta de apertura
        if self.section.depth > len(self.context):
            for seccion in reversed(self.data):
                if seccion.depth <= len(self.context):
                    self.section.depth = float("inf")
                    self.section = seccion
                    break
        el = self.context.pop()
        self._abiertos[tag] -= 1
        if el.permanente:
            self._permanentes -= 1
        if tag in self._saltar:
            self._saltados -= 1
            if tag not in SALTADAS:
                self._saltar.discard(tag)
                self._saltados -= self._abiertos[tag]
            return
        if tag in CONSERVADAS and not self._saltados:
            datos = self._destino(self.section)
            indice = datos.index(f"<{tag}>")
            for i in range(indice + 1, len(datos)):
                if not datos[i].isspace():
                    indice = len(datos)
                    break
            if len(datos) > indice:
                del datos[indice:]
            else:
                datos.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:  # noqa: D102
        if self._saltados:
            return
        en_pre = bool(self._abiertos.get("pre"))
        if not en_pre:
            data = data.replace("\n", " ") if not data.isspace() else " "
        if not self.section:
            self.section = Seccion(Elemento("hx"))
            self.data.append(self.section)
        seccion = self.section
        if self._abiertos.get(seccion.el.tag):
            if not self._permanentes:
                seccion.title.append(escape(data, quote=False))
        elif data.isspace():
            if not seccion.text or not seccion.text[-1].isspace() or en_pre:
                seccion.text.append(data)
        else:
            seccion.text.append(escape(data, quote=False))


#: El nombre de una etiqueta y el de un atributo.
_NOMBRE = r"[a-zA-Z][-.a-zA-Z0-9:_]*"
_NOMBRE_ATRIBUTO = r"[a-zA-Z_:][-.a-zA-Z0-9_:]*"
#: Los atributos de una etiqueta sencilla: cada uno tras espacio, sin valor o con «=» y su valor
#: entre comillas dobles.
_ATRIBUTOS = rf'(?:\s+{_NOMBRE_ATRIBUTO}(?:="[^"]*")?)*'
#: Una etiqueta de HTML sencillo: de apertura (nombre, atributos, «/» si se cierra sola) o de
#: cierre (nombre). Es un subconjunto de lo que admite ``HTMLParser``, que lo lee igual.
_ETIQUETA = re.compile(rf"<(?:({_NOMBRE})({_ATRIBUTOS})\s*(/?)>|/({_NOMBRE})\s*>)")
#: Un atributo dentro de ``_ETIQUETA``: nombre, «=» si tiene valor, y el valor.
_ATRIBUTO = re.compile(rf'({_NOMBRE_ATRIBUTO})(="([^"]*)")?')
#: Etiquetas cuyo contenido ``HTMLParser`` lee como texto literal (``CDATA_CONTENT_ELEMENTS``:
#: ``script``, ``style``) y las que versiones más nuevas de ``HTMLParser`` leen aparte
#: (``RCDATA``, ``plaintext``…).
_NOMBRES_LITERALES = "|".join(sorted({
    *HTMLParser.CDATA_CONTENT_ELEMENTS, *getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ()),
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    "plaintext"}))
#: La apertura de una de ellas.
_LITERAL = re.compile(rf"<(?:{_NOMBRES_LITERALES})(?=[\s/>])", re.IGNORECASE)
#: Una de ellas sin contenido: cerrada sola o seguida de su cierre («<script src="…"></script>»).
#: ``HTMLParser`` la lee como cualquier otra etiqueta; con contenido, lo lee como texto literal.
_LITERAL_VACIA = re.compile(rf"<({_NOMBRES_LITERALES}){_ATRIBUTOS}\s*(?:/>|>(?=</\1\s*>))",
                            re.IGNORECASE)


def recorrer(html: str, analizador: HTMLParser) -> bool:
    """Pasa a ``analizador`` las mismas llamadas que ``feed(html)`` y ``close()`` si ``html``
    es HTML sencillo (ver el módulo), y devuelve ``True``; si no lo es, no llama nada y
    devuelve ``False``.

    Cada ``<`` de ``html`` debe empezar una ``_ETIQUETA`` (se comprueba antes de llamar nada:
    tantas etiquetas como ``<``); el texto entre etiquetas va entero en una llamada, con las
    referencias de carácter ya convertidas (``convert_charrefs``)."""
    if "<!" in html or "<?" in html:
        return False
    if _LITERAL.search(html) and \
            len(_LITERAL.findall(html)) != len(_LITERAL_VACIA.findall(html)):
        return False  # un «<script>» con contenido
    partes = _ETIQUETA.split(html)  # texto, 4 grupos, texto, 4 grupos… texto
    if html.count("<") * 5 != len(partes) - 1:  # un «<» que no abre una etiqueta sencilla
        return False
    apertura, cierre, datos, sola = (analizador.handle_starttag, analizador.handle_endtag,
                                     analizador.handle_data, analizador.handle_startendtag)
    for texto, nombre, atributos, barra, final in zip(
            partes[0::5], partes[1::5], partes[2::5], partes[3::5], partes[4::5],
            strict=False):  # el último texto queda fuera: va después
        if texto:
            datos(unescape(texto) if "&" in texto else texto)
        if nombre is None:
            cierre(final.lower())
            continue
        lista: list[tuple[str, str | None]] = []
        if atributos:
            for clave, igual, valor in _ATRIBUTO.findall(atributos):
                lista.append((clave.lower(), (unescape(valor) if "&" in valor else valor)
                              if igual else None))
        if barra:  # «<br/>»
            sola(nombre.lower(), lista)
        else:
            apertura(nombre.lower(), lista)
    if partes[-1]:
        datos(unescape(partes[-1]) if "&" in partes[-1] else partes[-1])
    return True


def secciones(html: str) -> list[Seccion]:
    """Las secciones de ``html``, como las da el ``Parser`` de Material."""
    analizador = Analizador()
    if not recorrer(html, analizador):
        analizador.feed(html)
        analizador.close()
    return analizador.data


def por_id(toc: Iterable[Any]) -> dict[Any, Any]:
    """Cada ``id`` de la tabla de contenido ``toc`` con la entrada que le da
    ``_find_toc_by_id`` de Material: la primera con ese ``id`` en preorden (cada entrada antes
    que sus ``children``, y estos antes que la entrada siguiente)."""
    entradas: dict[Any, Any] = {}
    pendientes = list(toc)[::-1]
    while pendientes:
        entrada = pendientes.pop()
        entradas.setdefault(entrada.id, entrada)
        pendientes.extend(entrada.children[::-1])
    return entradas


def indexar(indice: Any, pagina: Any) -> None:
    """``SearchIndex.add_entry_from_context`` de Material con ``Analizador``: nada si la página
    se excluye de la búsqueda; si no, una entrada por sección no excluida, creada por el
    índice (``create_entry_for_section``) con una tabla de contenido que tiene solo la entrada
    de la sección (o ninguna), la que Material hallaría recorriendo la tabla entera."""
    if (pagina.meta.get("search") or {}).get("exclude"):
        return
    entradas = por_id(pagina.toc)
    for seccion in secciones(pagina.content):
        if not seccion.is_excluded():
            entrada = entradas.get(seccion.id)
            indice.create_entry_for_section(seccion, [entrada] if entrada is not None else [],
                                            pagina.url, pagina)


__all__ = ["Analizador", "Elemento", "Seccion", "indexar", "por_id", "recorrer", "secciones"]
