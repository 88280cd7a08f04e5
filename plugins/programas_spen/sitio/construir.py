"""El sitio completo sin MkDocs: carga y valida, enlaza y construye todas las páginas.

Es la puerta del núcleo para cualquier motor: el plugin de MkDocs y la línea de órdenes
solo llaman a ``construir_sitio`` y entregan las páginas.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from programas_spen.anexos.anexos import construir_anexos
from programas_spen.anexos.pdf import PdfGenerado
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo
from programas_spen.carga.cache_arboles import CacheArboles
from programas_spen.carga.validacion import cargar_datos
from programas_spen.modelo.problemas import Informe
from programas_spen.paralelo import Tarea, hacer_todas
from programas_spen.recolector import sin_recolector
from programas_spen.sitio.activos import activos
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.ical import reunir_feeds, tareas_feeds
from programas_spen.sitio.paginas import FRAGMENTOS, Pagina, tareas_paginas
from programas_spen.sitio.paginas.calendarios import tareas_calendario

#: Marcador que una página escrita a mano usa para incluir un fragmento generado.
MARCADOR = re.compile(r"<!--\s*programas-spen:\s*([a-z-]+)\s*-->")


class DatosInvalidos(Exception):
    """Los datos tienen errores: no se publica nada."""

    def __init__(self, informe: Informe) -> None:
        super().__init__(informe.texto())
        self.informe = informe


@dataclass(frozen=True)
class Archivo:
    """Un archivo generado que no es una página (feed iCalendar, PDF, JavaScript, datos)."""

    ruta: str
    contenido: bytes


@dataclass
class Sitio:
    """Resultado de construir el sitio: informe, grafo, páginas y otros archivos."""

    informe: Informe
    grafo: Grafo
    paginas: list[Pagina] = field(default_factory=list)
    archivos: list[Archivo] = field(default_factory=list)
    #: Avisos de WeasyPrint al generar los PDF de los anexos: (documento, mensaje).
    avisos_anexos: list[tuple[str, str]] = field(default_factory=list)

    def incluir_fragmentos(self, markdown: str, desde: str) -> str:
        """Sustituye cada marcador ``<!-- programas-spen: nombre -->`` por su fragmento."""
        return self.fragmentos_para([desde]).incluir(markdown, desde)

    def fragmentos_para(self, desdes: Iterable[str]) -> Fragmentos:
        """Todos los fragmentos, ya escritos para cada página de ``desdes`` (sus enlaces son
        relativos a la página). Con ellos, quien construye puede soltar el grafo."""
        return Fragmentos({(nombre, desde): fragmento(self.grafo, desde)
                           for desde in desdes for nombre, fragmento in FRAGMENTOS.items()})


@dataclass(frozen=True)
class Fragmentos:
    """Los fragmentos generados que incluyen las páginas escritas a mano, por (nombre, página)."""

    textos: Mapping[tuple[str, str], str]

    def incluir(self, markdown: str, desde: str) -> str:
        """Sustituye cada marcador ``<!-- programas-spen: nombre -->`` por su fragmento; un
        marcador desconocido queda tal cual."""
        return MARCADOR.sub(lambda m: self.textos.get((m.group(1), desde), m.group(0)), markdown)


def con_metadatos(pagina: Pagina, compacto: bool = False) -> str:
    """El Markdown de la página con su título y descripción como metadatos YAML.

    ``compacto``: el cuerpo con los caracteres de fuera de Latin-1 como referencias numéricas
    (``—`` → ``&#8212;``; ver ``solo_latin1``), para la construcción."""
    cabecera = [f"title: {json.dumps(pagina.titulo, ensure_ascii=False)}"]
    if pagina.descripcion:
        descripcion = " ".join(pagina.descripcion.split())
        cabecera.append(f"description: {json.dumps(descripcion, ensure_ascii=False)}")
    for clave, valor in sorted(pagina.meta.items()):
        cabecera.append(f"{clave}: {json.dumps(valor, ensure_ascii=False)}")
    cuerpo = solo_latin1(pagina.contenido) if compacto else pagina.contenido
    return "---\n" + "\n".join(cabecera) + "\n---\n\n" + cuerpo


_CODIGO = re.compile(r"(`[^`\n]*`)")
_FUERA_DE_LATIN1 = re.compile(r"[^\x00-\xff]")


def solo_latin1(markdown: str) -> str:
    """El Markdown con cada carácter de fuera de Latin-1 (``—``, ``…``, ``→``) como referencia
    numérica HTML, salvo dentro de código (donde se vería literal). Se ve igual, pero Python
    guarda un texto Latin-1 con un byte por carácter y uno con un solo ``—`` con dos o cuatro
    (PEP 393): a escala nacional, el Markdown de todas las páginas, y después su HTML, ocupaba
    el doble en memoria. La extensión ``siglas_md`` devuelve a caracteres las referencias en
    los títulos de las siglas."""
    if markdown.isascii():
        return markdown
    partes = _CODIGO.split(markdown)
    for i in range(0, len(partes), 2):  # las impares son código
        partes[i] = _FUERA_DE_LATIN1.sub(lambda m: f"&#{ord(m.group(0))};", partes[i])
    return "".join(partes)


#: URL pública por omisión (la de ``mkdocs.yml`` sin la variable ``SITIO_URL``).
URL_BASE = "https://programas-spen.example/"


def construir_sitio(directorio: Path, url_base: str = URL_BASE, anexos_pdf: bool = True,
                    memoria_pdf: MutableMapping[str, PdfGenerado] | None = None,
                    cache: Path | None = None,
                    pdf_en_fondo: GeneradorEnFondo | None = None) -> Sitio:
    """Carga ``directorio``; lanza ``DatosInvalidos`` si hay algún error. ``url_base`` es la
    URL pública del sitio, para los enlaces absolutos (feeds, anexos).

    Los anexos se construyen antes que las páginas (cada PDF una vez), y sus fichas pasan a
    las páginas. ``anexos_pdf=False`` omite los PDF; ``memoria_pdf`` los guarda entre
    construcciones (``mkdocs serve``). ``cache``: carpeta de los árboles YAML ya leídos (ver
    ``cache_arboles``); se poda de entradas sin usar. ``pdf_en_fondo`` (solo vista previa): los
    PDF que no están en ``memoria_pdf`` se generan aparte, sin esperarlos (ver
    ``pdf_en_fondo``)."""
    resultado = cargar_datos(Path(directorio), cache=cache)
    if cache is not None:
        CacheArboles(cache).podar()
    if resultado.datos is None:
        raise DatosInvalidos(resultado.informe)
    with sin_recolector():  # solo objetos que viven hasta el final (ver ``recolector``)
        grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    # Los PDF sí dejan basura cíclica (los árboles de cajas de WeasyPrint): con el recolector.
    anexos = construir_anexos(grafo, url_base, pdf=anexos_pdf, memoria=memoria_pdf,
                              en_fondo=pdf_en_fondo)
    with sin_recolector():
        # cada página, cada anexo y cada feed se construye sin mirar los demás: se reparten
        # entre dos procesos si hay muchos (``paralelo``); el resultado es el mismo
        tareas: list[Tarea[Pagina | None]] = [*tareas_paginas(grafo, anexos.fichas, url_base),
                                              *tareas_calendario(grafo)]
        paginas = [pagina for pagina in hacer_todas(tareas) if pagina is not None]
        archivos = construir_archivos(grafo, url_base)
    archivos += [Archivo(ruta, contenido) for ruta, contenido in anexos.archivos.items()]
    return Sitio(resultado.informe, grafo, paginas, archivos, anexos.avisos)


def construir_archivos(grafo: Grafo, url_base: str = URL_BASE) -> list[Archivo]:
    """Los archivos generados que no son páginas, en orden estable."""
    feeds = reunir_feeds(hacer_todas(tareas_feeds(grafo, url_base)))
    archivos = [Archivo(ruta, contenido) for ruta, contenido in feeds]
    archivos += [Archivo(ruta, contenido) for ruta, contenido in activos()]
    return archivos
