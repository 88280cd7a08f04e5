"""Las siglas de los documentos, marcadas en el texto de las páginas como ``<abbr>``.

Cada documento publica su lista de siglas («SPEN: Servicio Profesional Electoral Nacional»).
En sus páginas, cada aparición de una sigla como palabra completa se escribe
``<abbr title="significado">SPEN</abbr>``: el lector de pantalla y el puntero muestran su
significado. El texto se escapa siempre: una sigla o un significado con ``<`` o ``"`` se
publican tal cual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from markupsafe import Markup, escape

from programas_spen.modelo.registros import Sigla

_SIGLA_PALABRA = re.compile(r"^[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ]*$")

_ESPACIOS = re.compile(r"\s+")



def formas_de_sigla(sigla: str) -> list[str]:
    """Las formas que se marcan como abreviatura: «Servicio/SPEN» → [«SPEN»]; «INE/
    Instituto» → [«INE»]. Solo formas con al menos dos mayúsculas."""
    formas = []
    for parte in sigla.split("/"):
        parte = parte.strip()
        if _SIGLA_PALABRA.match(parte) and sum(c.isupper() for c in parte) >= 2:
            formas.append(parte)
    return formas


def significados(siglas: Iterable[Sigla]) -> dict[str, str]:
    """Cada forma marcable (``formas_de_sigla``) con su significado en una línea y sin punto
    final; si dos siglas definen la misma forma, gana la primera."""
    vistas: dict[str, str] = {}
    for sigla in siglas:
        for forma in formas_de_sigla(sigla.sigla):
            vistas.setdefault(forma, " ".join(sigla.significado.split()).rstrip("."))
    return vistas


def claves_de_temas(claves: Iterable[tuple[str, str | None, str | None]],
                    propias: Mapping[str, str]) -> dict[str, str]:
    """Cada clave con que abre un tema en la fuente («(AG)», «(DCPE)») con su explicación.

    ``claves``: por tema, su clave, el nombre de su área y la sigla de esa área. Una clave que
    el documento define (``propias``) dice su significado; una que no define se explica como lo
    que es: una forma que la lista de abreviaturas del documento no trae, leída como la sigla
    de su área («DCPE» → DCPEN), sin cambiar el texto transcrito."""
    explicadas: dict[str, str] = {}
    for clave, area, siglas_area in claves:
        if not clave or clave in explicadas:
            continue
        if clave in propias:
            explicadas[clave] = propias[clave]
        elif area:
            como = f"; se lee como {siglas_area}" if siglas_area and siglas_area in propias else ""
            explicadas[clave] = f"{area}: clave que la lista de abreviaturas del documento no define{como}"
    return explicadas


def combinar(propias: Mapping[str, str], respaldo: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """Las siglas de una página: las ``propias`` (las de su documento) y, para las formas que
    estas no definen, las del ``respaldo`` (las de todo el sitio), en orden estable."""
    todas = dict(respaldo)
    todas.update(propias)
    return tuple(sorted(todas.items()))


@lru_cache(maxsize=256)
def _patron(formas: frozenset[str]) -> re.Pattern[str]:
    """Una expresión que encuentra cualquiera de ``formas`` como palabra completa (la misma
    frontera de palabra en los dos lados); las más largas primero. Cada página usa las siglas
    de su documento más las del sitio: pocas combinaciones, cada una compilada una vez."""
    alternativas = "|".join(re.escape(forma) for forma in sorted(formas, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<!\w)(?:{alternativas})(?!\w)")


def marcar(texto: str, siglas: Mapping[str, str], vistas: set[str] | None = None) -> Markup:
    """``texto`` escapado, en una sola línea (cada tramo de espacios y saltos, un espacio), con
    cada sigla de ``siglas`` que aparece como palabra completa dentro de ``<abbr title="…">``.

    Con ``vistas`` (las siglas ya explicadas en la página), la primera aparición de cada sigla
    lleva además su significado en un texto visualmente oculto (``sr-only``): muchos lectores de
    pantalla no leen ``title``, y así lo leen una vez y no en cada aparición. No dentro de un
    número de acuerdo (INE/JGE06/2020) ni en un encabezado (quien escribe pasa ``None``)."""
    plano = _ESPACIOS.sub(" ", texto)
    if not siglas:
        return escape(plano)
    partes: list[str] = []
    inicio = 0
    for encontrada in _patron(frozenset(siglas)).finditer(plano):
        sigla = encontrada.group(0)
        significado = siglas[sigla]
        partes.append(escape(plano[inicio:encontrada.start()]))
        partes.append(Markup('<abbr title="{}">{}</abbr>').format(significado, sigla))
        en_numero = plano[encontrada.end():encontrada.end() + 1] == "/" or plano[encontrada.start() - 1:
                                                                                 encontrada.start()] == "/"
        if vistas is not None and sigla not in vistas and not en_numero:
            vistas.add(sigla)
            partes.append(Markup('<span class="sr-only"> ({})</span>').format(significado))
        inicio = encontrada.end()
    if not partes:
        return escape(plano)
    partes.append(escape(plano[inicio:]))
    return Markup("").join(partes)
