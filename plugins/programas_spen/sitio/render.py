"""De la descripción de una página (``secciones``) a su HTML, con las plantillas de Jinja del
paquete (``sitio/plantillas/``, escape automático).

``escribir_pagina`` da el HTML del contenido de una página y su tabla de contenido (los
apartados con ancla); el motor del sitio (MkDocs, a través de su adaptador) pone ese HTML
dentro del tema. Todo texto de los datos se escapa y sus siglas se marcan con ``<abbr>``
(``siglas.marcar``); ningún texto se interpreta como Markdown ni como HTML.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import jinja2
from markupsafe import Markup

from programas_spen.modelo.problemas import Problema
from programas_spen.sitio import siglas
from programas_spen.sitio.secciones import (
    Ancla,
    Aviso,
    Bloque,
    Bloques,
    Codigo,
    Contenido,
    Cursiva,
    Detalles,
    Elemento,
    Enlace,
    Fuerte,
    Html,
    Lista,
    Marca,
    Pagina,
    Parrafo,
    Parte,
    Salto,
    Seccion,
    SoloWeb,
    unir,
)
from programas_spen.sitio.urls import Destino


@dataclass(frozen=True)
class EntradaIndice:
    """Un apartado en la tabla de contenido de una página: nivel, ancla, título en texto
    plano y los apartados que contiene."""

    nivel: int
    id: str
    titulo: str
    hijos: tuple[EntradaIndice, ...] = ()


@dataclass(frozen=True)
class PaginaHtml:
    """Una página ya escrita: su descripción (sin el cuerpo), el HTML de su contenido y su
    tabla de contenido."""

    ruta: str
    titulo: str
    html: str
    indice: tuple[EntradaIndice, ...]
    descripcion: str = ""
    meta: Mapping[str, object] = dataclasses.field(default_factory=dict)
    institucion: str | None = None


@cache
def entorno() -> jinja2.Environment:
    """El entorno de Jinja de las plantillas del paquete (uno por proceso)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("programas_spen.sitio", "plantillas"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.globals["en_linea"] = _en_linea
    env.filters["texto"] = _texto
    return env


def _texto(valor: object) -> str:
    """Un texto de los datos en una sola línea (lo escapa el escape automático): para títulos,
    atributos y rótulos de las plantillas, donde no caben marcas de siglas."""
    return " ".join(str(valor or "").split())


@jinja2.pass_context
def _en_linea(contexto: jinja2.runtime.Context, contenido: Contenido | None, encabezado: bool = False) -> Markup:
    """El HTML de un contenido en línea (``secciones.Contenido``) en la página que se escribe:
    cada texto escapado y con sus siglas (``siglas.marcar``; fuera de los encabezados, la
    primera aparición de cada una lleva su significado para los lectores de pantalla), cada
    enlace a una página del sitio relativo a la página (en la vista impresa, solo su texto).

    Se escribe con ``Markup.format``, que escapa cada valor, en lugar de con una macro de la
    plantilla por parte: una página grande tiene decenas de miles de partes."""
    return _escribir(contenido, _Linea(contexto.get("siglas") or {},
                                       None if encabezado else contexto.get("vistas"),
                                       contexto["desde"], bool(contexto.get("impresion"))))


@dataclass(frozen=True)
class _Linea:
    """Lo que necesita ``_escribir``: siglas de la página, siglas ya explicadas (o ``None``),
    la página que se escribe y si es la vista impresa."""

    siglas: Mapping[str, str]
    vistas: set[str] | None
    desde: str
    impresion: bool


def _escribir(contenido: Contenido | None, linea: _Linea) -> Markup:
    if contenido is None:
        return Markup("")
    if isinstance(contenido, str):
        return siglas.marcar(contenido, linea.siglas, linea.vistas)
    return Markup("").join(_parte(parte, linea) for parte in contenido)


def _parte(parte: Parte, linea: _Linea) -> Markup:  # noqa: PLR0911 - una rama por clase de parte
    if isinstance(parte, str):
        return siglas.marcar(parte, linea.siglas, linea.vistas)
    if isinstance(parte, Enlace):
        texto = _escribir(parte.contenido, linea)
        if isinstance(parte.destino, Destino):
            if linea.impresion:
                return texto
            href = parte.destino.url_desde(linea.desde)
        else:
            href = parte.destino
        atributos = Markup("").join(Markup(' {}="{}"').format(nombre, valor) for nombre, valor in (
            ("title", parte.titulo), ("class", parte.clase), ("download", parte.descarga)) if valor)
        return Markup('<a href="{}"{}>{}</a>').format(href, atributos, texto)
    if isinstance(parte, Fuerte):
        return Markup("<strong>{}</strong>").format(_escribir(parte.contenido, linea))
    if isinstance(parte, Cursiva):
        return Markup("<em>{}</em>").format(_escribir(parte.contenido, linea))
    if isinstance(parte, Codigo):
        return Markup("<code>{}</code>").format(parte.texto)
    if isinstance(parte, Salto):
        return Markup("<br>")
    if isinstance(parte, Ancla):
        return Markup('<span id="{}"></span>').format(parte.id)
    if isinstance(parte, Marca):
        return Markup('<span class="{}">{}</span>').format(parte.clase, _escribir(parte.contenido, linea))
    if isinstance(parte, SoloWeb):
        return Markup("") if linea.impresion else _escribir(parte.contenido, linea)
    if isinstance(parte, Html):
        return parte.marcado
    raise TypeError(f"parte de contenido desconocida: {type(parte).__name__}")


# --- Anclas de los apartados y tabla de contenido -------------------------------------------


def texto_plano(contenido: Contenido) -> str:
    """El texto de un contenido sin marcado (para títulos, la tabla de contenido, ``title``)."""
    if isinstance(contenido, str):
        return contenido
    partes = []
    for parte in contenido:
        if isinstance(parte, str):
            partes.append(parte)
        elif hasattr(parte, "contenido"):
            partes.append(texto_plano(parte.contenido))  # type: ignore[union-attr]
        elif hasattr(parte, "texto"):
            partes.append(str(parte.texto))  # type: ignore[union-attr]
    return "".join(partes)


def ancla_de_titulo(titulo: str) -> str:
    """Ancla legible de un título: minúsculas, sin acentos, palabras unidas por ``-``."""
    plano = unicodedata.normalize("NFKD", titulo).encode("ascii", "ignore").decode("ascii")
    plano = re.sub(r"[^\w\s-]", "", plano).strip().lower()
    return re.sub(r"[-\s]+", "-", plano) or "apartado"


class _Anclas:
    """Reparte anclas únicas en una página: las fijadas por los datos se respetan; las que
    salen de un título llevan ``_1``, ``_2``… si se repiten."""

    def __init__(self, fijas: Iterable[str]) -> None:
        self.usadas = set(fijas)

    def nueva(self, titulo: str) -> str:
        base = ancla_de_titulo(titulo)
        ancla, numero = base, 0
        while ancla in self.usadas:
            numero += 1
            ancla = f"{base}_{numero}"
        self.usadas.add(ancla)
        return ancla


def _ids_fijos(bloques: Sequence[Bloque]) -> Iterable[str]:
    for bloque in bloques:
        if isinstance(bloque, Seccion) and bloque.id:
            yield bloque.id
        for hijo in _hijos(bloque):
            yield from _ids_fijos(hijo)


def _hijos(bloque: Bloque) -> list[Sequence[Bloque]]:
    if isinstance(bloque, (Seccion, Aviso, Detalles, Bloques)):
        return [bloque.bloques]
    if isinstance(bloque, Lista):
        return [e.bloques for e in bloque.elementos]
    return []


def _con_anclas(bloques: Sequence[Bloque], anclas: _Anclas, indice: list[EntradaIndice]) -> tuple[Bloque, ...]:
    """Los bloques con cada apartado anclado; añade a ``indice`` los apartados en orden (planos;
    ``_anidar`` los anida)."""
    salida: list[Bloque] = []
    for bloque in bloques:
        if isinstance(bloque, Seccion):
            ident = bloque.id or anclas.nueva(texto_plano(bloque.titulo))
            indice.append(EntradaIndice(bloque.nivel, ident, " ".join(texto_plano(bloque.titulo).split())))
            bloque = dataclasses.replace(bloque, id=ident, bloques=_con_anclas(bloque.bloques, anclas, indice))
        elif isinstance(bloque, (Aviso, Detalles, Bloques)):
            bloque = dataclasses.replace(bloque, bloques=_con_anclas(bloque.bloques, anclas, indice))
        elif isinstance(bloque, Lista) and any(e.bloques for e in bloque.elementos):
            bloque = dataclasses.replace(bloque, elementos=tuple(
                dataclasses.replace(e, bloques=_con_anclas(e.bloques, anclas, indice)) if e.bloques else e
                for e in bloque.elementos))
        salida.append(bloque)
    return tuple(salida)


def anidar(planas: Sequence[EntradaIndice]) -> tuple[EntradaIndice, ...]:
    """Anida las entradas por nivel: cada una cuelga de la última anterior de nivel menor."""
    resultado: list[EntradaIndice] = []
    i = 0
    while i < len(planas):
        entrada = planas[i]
        j = i + 1
        while j < len(planas) and planas[j].nivel > entrada.nivel:
            j += 1
        resultado.append(dataclasses.replace(entrada, hijos=anidar(planas[i + 1:j])))
        i = j
    return tuple(resultado)


def preparar(pagina: Pagina) -> tuple[tuple[Bloque, ...], tuple[EntradaIndice, ...], str]:
    """Los bloques de la página con todos sus apartados anclados, su tabla de contenido y el
    ancla del título."""
    anclas = _Anclas(_ids_fijos(pagina.cuerpo))
    titulo = pagina.titulo if pagina.encabezado is None else pagina.encabezado
    ancla_titulo = anclas.nueva(titulo) if titulo else ""
    planas: list[EntradaIndice] = []
    cuerpo = _con_anclas(pagina.cuerpo, anclas, planas)
    return cuerpo, anidar(planas), ancla_titulo


# --- Escritura ------------------------------------------------------------------------------


def escribir_pagina(pagina: Pagina) -> PaginaHtml:
    """El HTML del contenido de ``pagina`` y su tabla de contenido."""
    cuerpo, indice, ancla_titulo = preparar(pagina)
    encabezado = pagina.titulo if pagina.encabezado is None else pagina.encabezado
    html = entorno().get_template("pagina.html").render(
        pagina=dataclasses.replace(pagina, cuerpo=cuerpo), encabezado=encabezado, ancla_titulo=ancla_titulo,
        desde=pagina.ruta, siglas=dict(pagina.siglas), vistas=set())
    return PaginaHtml(pagina.ruta, pagina.titulo, html.strip() + "\n", indice, pagina.descripcion,
                      pagina.meta, pagina.institucion)


def escribir_bloques(bloques: Sequence[Bloque], desde: str, mapa_siglas: Mapping[str, str] | None = None) -> str:
    """El HTML de unos bloques sueltos (un fragmento que incluye una página escrita a mano),
    con sus enlaces relativos a la página ``desde``."""
    cuerpo = _con_anclas(bloques, _Anclas(_ids_fijos(bloques)), [])
    plantilla = entorno().from_string('{% import "bloques.html" as b with context %}{{ b.bloques(cuerpo) }}')
    return plantilla.render(cuerpo=cuerpo, desde=desde, siglas=dict(mapa_siglas or {}), vistas=set()).strip() + "\n"


__all__ = ["EntradaIndice", "PaginaHtml", "ancla_de_titulo", "aviso_de_errores", "entorno", "escribir_bloques",
           "escribir_pagina", "texto_plano"]


def aviso_de_errores(errores: Sequence[Problema]) -> str:
    """El recuadro que la vista previa (``mkdocs serve``) pone encima de cada página cuando los
    datos tienen errores: cada error con su archivo, línea y mensaje, en español. El sitio que
    se ve debajo es la última versión válida; al corregir el archivo, la página se recarga sola
    sin el recuadro."""
    elementos = tuple(Elemento(unir(Codigo(f"{p.archivo}:{p.linea}" if p.linea else p.archivo), f" — {p.mensaje}"))
                      for p in errores)
    aviso = Aviso(f"Los datos tienen {len(errores)} error(es): no se publicaría nada", (
        Lista(elementos),
        Parrafo("Esta vista previa muestra debajo la última versión válida de los datos. Corrija el archivo y "
                "guárdelo: la página se actualiza sola."),
    ), clase="failure")
    return escribir_bloques((Bloques((aviso,), clase="errores-de-datos", atributos=(("role", "alert"),)),), "index.md")
