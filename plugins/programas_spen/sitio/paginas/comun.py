"""Piezas comunes de las páginas: la página generada, el escape de Markdown, los enlaces y
las descripciones en español de calendarios, fuentes y avisos."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from programas_spen.modelo.problemas import Problema
from programas_spen.modelo.registros import Calendario, Documento, Fuente, Sigla
from programas_spen.modelo.texto import NOMBRES_MESES, nombre_mes
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import PATRON_ACUERDO, Grafo


@dataclass(frozen=True)
class Pagina:
    """Una página generada: ruta del Markdown, título y contenido Markdown."""

    ruta: str
    titulo: str
    contenido: str
    descripcion: str = ""
    #: Metadatos de la página (front matter), además del título y la descripción.
    meta: dict[str, object] = field(default_factory=dict)
    #: Institución a la que pertenece (id): su página va en el índice de búsqueda de esa
    #: institución (ver ``buscador``); ``None``, en el común.
    institucion: str | None = None


#: Metadatos de una página que la búsqueda no indexa (``search.exclude``, como en Material): las
#: vistas que repiten los registros de otras páginas (cada mes del calendario repite el texto
#: completo de cada registro que cae en él, la rejilla de un documento y sus gráficas repiten
#: los de su documento). Así una búsqueda lleva al registro, en su documento, y no a cada mes
#: en que aparece, y el índice no los duplica (ver ``buscador``).
SIN_BUSQUEDA: dict[str, object] = {"search": {"exclude": True}}


def peso_documento(doc: Documento) -> int:
    """Costo estimado de las páginas de un documento: cuántos registros tiene."""
    return 10 + sum(len(coleccion) for coleccion in (
        doc.actividades, doc.temas, doc.lineas_accion, doc.sesiones, doc.compromisos, doc.acuerdos,
        doc.sesiones_programadas, doc.fichas))



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


def significados(siglas: Iterable[Sigla]) -> dict[str, str]:
    """Cada forma marcable (``formas_de_sigla``) con su significado en una línea y sin punto
    final; si dos siglas definen la misma forma, gana la primera."""
    vistas: dict[str, str] = {}
    for sigla in siglas:
        for forma in formas_de_sigla(sigla.sigla):
            vistas.setdefault(forma, " ".join(sigla.significado.split()).rstrip("."))
    return vistas


def definiciones_siglas(siglas: Iterable[Sigla]) -> list[str]:
    """Definiciones de abreviaturas de Python-Markdown (``*[SIGLA]: significado``)."""
    return [f"*[{forma}]: {significado}" for forma, significado in sorted(significados(siglas).items())]


def siglas_del_sitio(grafo: Grafo) -> Mapping[str, str]:
    """Forma → significado de las siglas de todos los documentos (el INE primero), para las
    páginas transversales y como respaldo de las de cada documento. Se calcula una vez por
    grafo."""
    guardadas = grafo.memo.get("siglas_del_sitio")
    if not isinstance(guardadas, dict):
        guardadas = significados(s for documento in grafo.datos.documentos for s in documento.siglas)
        grafo.memo["siglas_del_sitio"] = guardadas
    return guardadas


#: Las palabras (``\\w+`` completas) que empiezan por mayúscula, como toda forma de sigla.
_PALABRA = re.compile(r"(?<!\w)[A-ZÁÉÍÓÚÑ]\w*")


def con_siglas(texto: str, siglas: Iterable[Sigla] = (), sitio: Mapping[str, str] | None = None) -> str:
    """``texto`` con el bloque final de definiciones de las siglas **que aparecen en él**: las
    de ``siglas`` (las del documento) primero y, para las que estas no definen, las de ``sitio``.

    Solo se definen las que aparecen: la extensión ``abbr`` busca cada definición en cada texto
    de la página, así que definir todas las del sitio en cada página haría crecer el costo de
    cada página con el número de instituciones (construcción cuadrática). Una forma es solo
    letras, empieza por mayúscula y ``abbr`` la busca entre ``\\b``, así que aparece si y
    solo si es una de las palabras ``\\w+`` del texto."""
    palabras = set(_PALABRA.findall(texto))
    usadas = {forma: significado for forma, significado in significados(siglas).items()
              if forma in palabras}
    for forma in palabras.intersection(sitio or {}):
        usadas.setdefault(forma, (sitio or {})[forma])
    if not usadas:
        return texto + "\n"
    return texto + "\n\n" + "\n".join(f"*[{forma}]: {significado}"
                                       for forma, significado in sorted(usadas.items())) + "\n"
