"""Ayudas para mirar el HTML que escribe el núcleo de una página (``render.escribir_pagina``)
como lo lee una persona: textos en una línea, enlaces, filas de tablas y apartados."""

from __future__ import annotations

from collections.abc import Sequence

from bs4 import BeautifulSoup, NavigableString, Tag

from programas_spen.sitio.render import escribir_bloques, escribir_pagina
from programas_spen.sitio.secciones import Bloque, Pagina


def sopa(pagina: Pagina) -> BeautifulSoup:
    """El HTML de la página, leído con BeautifulSoup."""
    return BeautifulSoup(escribir_pagina(pagina).html, "html.parser")


def sopa_de_bloques(bloques: Sequence[Bloque], desde: str) -> BeautifulSoup:
    """El HTML de unos bloques sueltos, con sus enlaces relativos a la página ``desde``."""
    return BeautifulSoup(escribir_bloques(bloques, desde), "html.parser")


def lineas(nodo: Tag) -> list[str]:
    """Las líneas de texto de un nodo tal como se ven: las etiquetas en línea no separan, un
    ``<br>`` o un salto entre bloques sí; cada línea con sus espacios normalizados. El texto
    solo para lectores de pantalla (``.sr-only``, el significado de una sigla, y el nombre del
    control «Copiar enlace a esta sección», que se ve como un icono) no se ve."""
    partes = []
    for descendiente in nodo.descendants:
        if isinstance(descendiente, NavigableString):
            ocultos = ("sr-only", "headerlink")  # «Copiar enlace a esta sección» se ve como un icono
            if not any(c in (padre.get("class") or []) for padre in descendiente.parents for c in ocultos):
                partes.append(str(descendiente))
        elif isinstance(descendiente, Tag) and descendiente.name == "br":
            partes.append("\n")
    return [" ".join(linea.split()) for linea in "".join(partes).split("\n") if linea.strip()]


def plano(nodo: Tag) -> str:
    """El texto de un nodo en una línea (ver ``lineas``)."""
    return " ".join(lineas(nodo))


def enlaces(nodo: Tag) -> dict[str, str]:
    """Texto de cada enlace → su dirección."""
    return {plano(a): a["href"] for a in nodo.find_all("a", href=True) if a.get("class") != ["headerlink"]}


def filas(tabla: Tag) -> list[list[str]]:
    """El texto de cada celda de cada fila del cuerpo de una tabla."""
    return [[plano(celda) for celda in fila.find_all(["td", "th"])] for fila in tabla.select("tbody tr")]


def encabezados(tabla: Tag) -> list[str]:
    """Los encabezados de columna de una tabla."""
    return [plano(th) for th in tabla.select("thead th")]


def titulo(encabezado: Tag) -> str:
    """El texto de un encabezado sin su enlace permanente («Copiar enlace a esta sección»)."""
    return plano(encabezado).removesuffix("#").strip()


def apartado(documento: BeautifulSoup, ident: str) -> list[Tag]:
    """Los elementos de un apartado: desde su encabezado (por ``id``) hasta el siguiente
    encabezado del mismo nivel o mayor, sin incluirlo."""
    inicio = documento.find(id=ident)
    assert isinstance(inicio, Tag) and inicio.name in {"h1", "h2", "h3", "h4", "h5", "h6"}, ident
    nivel = int(inicio.name[1])
    elementos = [inicio]
    for hermano in inicio.find_next_siblings():
        if hermano.name in {f"h{n}" for n in range(1, nivel + 1)}:
            break
        elementos.append(hermano)
    return elementos


def texto_de_apartado(documento: BeautifulSoup, ident: str) -> str:
    """El texto de un apartado sin su encabezado (ver ``apartado``), en una línea."""
    return " ".join(plano(e) for e in apartado(documento, ident)[1:])


def apartado_por_titulo(documento: BeautifulSoup, titulo_buscado: str) -> Tag:
    """El encabezado cuyo título es ``titulo_buscado``."""
    for encabezado in documento.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        if titulo(encabezado) == titulo_buscado:
            return encabezado
    raise AssertionError(f"sin apartado «{titulo_buscado}»")
