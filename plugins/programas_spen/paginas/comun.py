"""Piezas comunes de las páginas: la página generada, el escape de Markdown, los enlaces y
las descripciones en español de calendarios, fuentes y avisos."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import urls
from ..enlaces import PATRON_ACUERDO, Grafo
from ..modelo import Calendario, Documento, Fuente, Sigla
from ..problemas import Problema
from ..texto import NOMBRES_MESES, nombre_mes


@dataclass(frozen=True)
class Pagina:
    """Una página generada: ruta del Markdown, título y contenido Markdown."""

    ruta: str
    titulo: str
    contenido: str
    descripcion: str = ""
    meta: dict[str, str] = field(default_factory=dict)


_ESCAPAR = re.compile(r"([\\`*_\[\]>#|{}])")


def md(texto: str | None) -> str:
    """Texto literal de la fuente, escapado para Markdown y en una sola línea.

    ``&`` y ``<`` van como entidades HTML: Python-Markdown no admite ``\\<`` como escape (se
    vería la barra) y un ``<`` suelto podría abrir una etiqueta HTML."""
    if not texto:
        return ""
    plano = " ".join(texto.split()).replace("&", "&amp;").replace("<", "&lt;")
    return _ESCAPAR.sub(r"\\\1", plano)


def enlace(texto: str, destino: urls.Destino, desde: str) -> str:
    """Enlace Markdown con texto ya escapado."""
    return f"[{texto}]({destino.desde(desde)})"


def enlazar(texto: str | None, desde: str, grafo: Grafo) -> str:
    """Escapa un texto y convierte en enlace cada número de acuerdo que tenga página."""
    escapado = md(texto)
    return PATRON_ACUERDO.sub(
        lambda m: enlace(m.group(0), urls.acuerdo(m.group(0)), desde)
        if m.group(0) in grafo.acuerdos else m.group(0), escapado)


def prosa(texto: str, desde: str, grafo: Grafo, nivel: int = 3) -> str:
    """Texto Markdown literal de una sección, con encabezados bajados a ``nivel`` y acuerdos
    enlazados. Los encabezados de la fuente no se numeran ni se anclan."""
    lineas = []
    for linea in texto.strip().splitlines():
        encabezado = re.match(r"^(#+)\s+(.*)$", linea)
        if encabezado:
            lineas.append("#" * min(6, nivel + len(encabezado.group(1)) - 1) + " "
                          + encabezado.group(2))
            continue
        lineas.append(PATRON_ACUERDO.sub(
            lambda m: enlace(m.group(0), urls.acuerdo(m.group(0)), desde)
            if m.group(0) in grafo.acuerdos else m.group(0), linea))
    return "\n".join(lineas)


def lista_meses(meses: Iterable[str]) -> str:
    """«enero, febrero y marzo de 2024»; agrupa por año."""
    por_anio: dict[str, list[str]] = {}
    for mes in sorted(meses):
        por_anio.setdefault(mes[:4], []).append(NOMBRES_MESES[int(mes[5:]) - 1])
    partes = []
    for anio, nombres in por_anio.items():
        cuerpo = nombres[0] if len(nombres) == 1 else ", ".join(nombres[:-1]) + " y " + nombres[-1]
        partes.append(f"{cuerpo} de {anio}")
    return "; ".join(partes)


NO_DADO = "No dado en la fuente"


def describir_calendario(calendario: Calendario | None) -> str:
    """Descripción en una línea, en español, del estado del calendario."""
    if calendario is None:
        return NO_DADO
    if calendario.estado == "meses":
        texto = lista_meses(calendario.meses).capitalize()
    elif calendario.estado == "periodo":
        texto = f"Periodo dado en palabras: «{md(calendario.texto)}»"
        if calendario.rango:
            texto += (f" ({nombre_mes(calendario.rango.desde)} a "
                      f"{nombre_mes(calendario.rango.hasta)})")
    elif calendario.estado == "permanente":
        texto = "Permanente"
    else:
        texto = NO_DADO
    if calendario.marcas_fuera_de_tabla:
        texto += (f"; la fuente pone además {calendario.marcas_fuera_de_tabla} marca(s) fuera "
                  "de las columnas de meses")
    if calendario.condicion:
        texto += f"; condicional: «{md(calendario.condicion)}»"
    return texto


def bloque_calendario(calendario: Calendario | None) -> list[str]:
    """Líneas de una lista de definición del calendario, con su nota."""
    lineas = [f"- **Calendario:** {describir_calendario(calendario)}"]
    if calendario and calendario.nota:
        lineas.append(f"- **Nota sobre el calendario:** {md(calendario.nota)}")
    return lineas


def describir_fuente(doc: Documento, fuente: Fuente | None) -> str:
    """«Programa … 2020 — sección «Anexo», tabla «…», fila 3 (archivo 000_….txt)»."""
    donde = fuente.describir() if fuente else ""
    return f"{md(doc.titulo_corto)}" + (f" — {md(donde)}" if donde else "") + (
        f" (texto fuente: `{doc.fuente.archivo}`)")


def bloque_avisos(avisos: list[Problema]) -> list[str]:
    """Admonición con los avisos de validación que señalan un registro."""
    if not avisos:
        return []
    lineas = ['!!! warning "Aviso de coherencia de la fuente"', ""]
    for aviso in avisos:
        lineas.append(f"    - {md(aviso.mensaje)}")
    lineas += ["", "    La fuente se transcribe tal como es; este aviso lo señala la validación.",
               ""]
    return lineas


_SIGLA_PALABRA = re.compile(r"^[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ]*$")


def formas_de_sigla(sigla: str) -> list[str]:
    """Las formas que se marcan como abreviatura: «Servicio/SPEN» → [«SPEN»]; «INE/
    Instituto» → [«INE»]. Solo formas con al menos dos mayúsculas."""
    formas = []
    for parte in sigla.split("/"):
        parte = parte.strip()
        if _SIGLA_PALABRA.match(parte) and sum(c.isupper() for c in parte) >= 2:
            formas.append(parte)
    return formas


def definiciones_siglas(siglas: Iterable[Sigla]) -> list[str]:
    """Definiciones de abreviaturas de Python-Markdown (``*[SIGLA]: significado``)."""
    vistas: dict[str, str] = {}
    for sigla in siglas:
        for forma in formas_de_sigla(sigla.sigla):
            vistas.setdefault(forma, " ".join(sigla.significado.split()).rstrip("."))
    return [f"*[{forma}]: {significado}" for forma, significado in sorted(vistas.items())]


def siglas_del_sitio(grafo: Grafo) -> list[Sigla]:
    """Siglas de todos los documentos (el INE primero), para páginas transversales.

    De cada forma (``formas_de_sigla``) solo queda la primera sigla que la define, que es la
    única que usa ``definiciones_siglas``: el pie de siglas sale idéntico. Se calcula una vez
    por grafo; recorrer todas las siglas del sitio en cada página hacía cuadrática la
    construcción (páginas × siglas de todos los documentos)."""
    guardadas = grafo.memo.get("siglas_del_sitio")
    if not isinstance(guardadas, list):
        guardadas = []
        vistas: set[str] = set()
        for documento in grafo.datos.documentos:
            for sigla in documento.siglas:
                formas = formas_de_sigla(sigla.sigla)
                if any(forma not in vistas for forma in formas):
                    guardadas.append(sigla)
                    vistas.update(formas)
        grafo.memo["siglas_del_sitio"] = guardadas
    return list(guardadas)


def pie_siglas(siglas: Iterable[Sigla], respaldo: Iterable[Sigla] = ()) -> str:
    """Bloque final de la página con las definiciones de siglas: las de ``siglas`` primero y,
    para las que no definen, las de ``respaldo`` (p. ej. las del resto del sitio)."""
    definiciones = definiciones_siglas([*siglas, *respaldo])
    return ("\n\n" + "\n".join(definiciones) + "\n") if definiciones else "\n"
