"""El sitio completo sin MkDocs: carga y valida, enlaza, describe y escribe todas las páginas.

Es la puerta del núcleo para cualquier motor: el adaptador de MkDocs y la línea de órdenes solo
llaman a ``construir_sitio`` y entregan lo que devuelve. Primero se carga, valida y enlaza todo
(el grafo); después se describen las páginas (``sitio/paginas/``, funciones puras) y se
escriben en HTML con las plantillas del paquete (``sitio/render``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from programas_spen.anexos.anexos import construir_anexos
from programas_spen.anexos.integridad import FichaAnexo
from programas_spen.anexos.pdf import PdfGenerado
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo
from programas_spen.carga.validacion import cargar_datos
from programas_spen.datos_abiertos import paginas as datos_abiertos
from programas_spen.datos_abiertos.integridad import TablasInvalidas
from programas_spen.datos_abiertos.publicar import DatosAbiertos, publicar
from programas_spen.modelo.problemas import Informe
from programas_spen.sitio import ical, permanencia
from programas_spen.sitio.activos import activos
from programas_spen.sitio.corte import Corte, del_entorno
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas import (
    acuerdos,
    anexos,
    buscar,
    calendarios,
    cambios_anuales,
    compromisos,
    documento,
    indices,
    sesiones,
)
from programas_spen.sitio.paginas import transversales as trans
from programas_spen.sitio.paginas.comun import siglas_de
from programas_spen.sitio.render import PaginaHtml, escribir_bloques, escribir_pagina
from programas_spen.sitio.secciones import Pagina

#: Marcador con que una página escrita a mano incluye un fragmento generado.
MARCADOR = re.compile(r"<!--\s*programas-spen:\s*([a-z-]+)\s*-->")

#: URL pública por omisión (la de ``mkdocs.yml`` sin la variable ``SITIO_URL``).
URL_BASE = "https://programas-spen.example/"


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
    """Resultado de construir el sitio: informe, grafo, páginas escritas y otros archivos."""

    informe: Informe
    grafo: Grafo
    paginas: list[PaginaHtml] = field(default_factory=list)
    archivos: list[Archivo] = field(default_factory=list)
    #: Avisos de WeasyPrint al generar los PDF de los anexos: (documento, mensaje).
    avisos_anexos: list[tuple[str, str]] = field(default_factory=list)
    #: La fecha de corte con que la portada dice qué está pasando (``sitio.corte``).
    corte: Corte = field(default_factory=del_entorno)
    #: Las URL que publica el sitio completo, para su manifiesto (``permanencia``).
    urls_publicadas: frozenset[str] = frozenset()

    def fragmento(self, nombre: str, desde: str) -> str | None:
        """El HTML del fragmento ``nombre`` para la página escrita a mano ``desde`` (sus enlaces,
        relativos a ella); ``None`` si no existe."""
        constructor = indices.FRAGMENTOS.get(nombre)
        if constructor is None:
            return None
        return escribir_bloques(constructor(self.grafo, self.corte), desde, dict(siglas_de(self.grafo)))

    def incluir_fragmentos(self, html: str, desde: str) -> str:
        """Sustituye cada marcador ``<!-- programas-spen: nombre -->`` del HTML de una página
        escrita a mano por su fragmento; un marcador desconocido queda tal cual."""
        return MARCADOR.sub(lambda m: self.fragmento(m.group(1), desde) or m.group(0), html)


def describir_paginas(grafo: Grafo, fichas: Mapping[str, FichaAnexo] | None = None,
                      url_base: str | None = None, datos: DatosAbiertos | None = None) -> list[Pagina]:
    """La descripción de cada página generada del sitio, en orden estable. Con ``fichas`` (las
    de los anexos ya generados, por documento) y ``url_base``, cada documento lleva su apartado
    «Anexo para la Gaceta», cada acuerdo su «Cómo citar», y se añade el índice de anexos. Con
    ``datos`` (los datos abiertos ya publicados) y ``url_base``, cada documento lleva sus
    descargas, se añaden las páginas «Datos abiertos» y «Diccionario de datos», y los datos
    estructurados y feeds de novedades (``datos_abiertos.paginas.ampliar``)."""
    abiertos = datos if url_base is not None else None
    paginas = [constructor(grafo) for constructor in (
        indices.pagina_indice_documentos, acuerdos.pagina_indice_acuerdos, sesiones.pagina_indice_sesiones,
        trans.pagina_indice_areas, trans.pagina_indice_mecanismos, indices.pagina_indice_instituciones,
        indices.pagina_siglas, indices.pagina_avisos, buscar.pagina_buscar, compromisos.pagina_indice_compromisos)]
    for doc in grafo.datos.documentos:
        extra = anexos.bloque_anexo_documento(fichas[doc.id]) if fichas and doc.id in fichas else ()
        extra = (*extra, *cambios_anuales.bloques_cambios(doc, grafo), *compromisos.bloques_historia(doc, grafo))
        if abiertos is not None and url_base is not None:
            extra = (*extra, *datos_abiertos.bloque_descargas_documento(doc, grafo, url_base, abiertos))
        paginas.append(documento.pagina_documento(doc, grafo, extra))
    for ficha in grafo.acuerdos.values():
        pagina = acuerdos.pagina_acuerdo(ficha, grafo)
        if fichas is not None and url_base is not None:
            pagina = anexos.con_cita_acuerdo(pagina, ficha, url_base, dict(fichas))
        paginas.append(pagina)
    if fichas is not None:
        paginas.append(anexos.pagina_indice_anexos(grafo, dict(fichas)))
    paginas += [sesiones.pagina_sesion(sesion, grafo) for sesion in grafo.sesiones.values()]
    paginas += [trans.pagina_area(area, grafo) for area in grafo.areas.values()]
    paginas += [trans.pagina_mecanismo(ident, grafo) for ident in grafo.mecanismos]
    paginas += [trans.pagina_institucion(i, grafo) for i in grafo.instituciones.values()]
    paginas += calendarios.paginas_calendario(grafo, url_base or URL_BASE)
    if abiertos is not None and url_base is not None:
        paginas += [datos_abiertos.pagina_datos_abiertos(grafo, url_base, abiertos),
                    datos_abiertos.pagina_diccionario(abiertos)]
        paginas = datos_abiertos.ampliar(paginas, grafo, url_base, abiertos)
    return paginas


def construir_sitio(directorio: Path, url_base: str = URL_BASE, anexos_pdf: bool = True,
                    memoria_pdf: MutableMapping[str, PdfGenerado] | None = None,
                    cache: Path | None = None,
                    pdf_en_fondo: GeneradorEnFondo | None = None,
                    corte: Corte | None = None) -> Sitio:
    """Carga ``directorio``; lanza ``DatosInvalidos`` si hay algún error. ``url_base`` es la
    URL pública del sitio, para los enlaces absolutos (feeds, anexos).

    Los anexos se construyen antes que las páginas (cada PDF una vez), y sus fichas pasan a
    las páginas. ``anexos_pdf=False`` omite los PDF; ``memoria_pdf`` los guarda entre
    construcciones (``mkdocs serve``). ``cache``: carpeta de los árboles YAML ya leídos (ver
    ``cargar_datos``); se poda de entradas sin usar. ``pdf_en_fondo`` (solo vista previa): los
    PDF que no están en ``memoria_pdf`` se generan aparte, sin esperarlos (ver
    ``pdf_en_fondo``). ``corte``: la fecha de corte de la portada (por omisión, la de
    ``SOURCE_DATE_EPOCH``, ``corte.del_entorno``)."""
    resultado = cargar_datos(Path(directorio), cache=cache)
    if resultado.datos is None:
        raise DatosInvalidos(resultado.informe)
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    try:
        abiertos = publicar(grafo, url_base)
    except TablasInvalidas as exc:
        raise DatosInvalidos(exc.informe) from None
    hechos = construir_anexos(grafo, url_base, pdf=anexos_pdf, memoria=memoria_pdf, en_fondo=pdf_en_fondo)
    descripciones = describir_paginas(grafo, hechos.fichas, url_base, abiertos)
    archivos = construir_archivos(grafo, url_base)
    archivos += [Archivo(ruta, contenido) for ruta, contenido in abiertos.archivos]
    archivos += [Archivo(ruta, contenido) for ruta, contenido in hechos.archivos.items()]
    # URL que nunca se rompen: el manifiesto y las redirecciones (``permanencia``)
    descripciones, en_su_lugar, publicadas = permanencia.aplicar(
        Path(directorio), grafo, descripciones, [(a.ruta, a.contenido) for a in archivos], url_base, resultado.informe)
    if resultado.informe.errores:
        raise DatosInvalidos(resultado.informe)
    archivos += [Archivo(ruta, contenido) for ruta, contenido in en_su_lugar]
    paginas = [escribir_pagina(pagina) for pagina in descripciones]
    return Sitio(resultado.informe, grafo, paginas, archivos, hechos.avisos, corte or del_entorno(), publicadas.urls)


def construir_archivos(grafo: Grafo, url_base: str = URL_BASE) -> list[Archivo]:
    """Los archivos generados que no son páginas (feeds iCalendar, activos), en orden estable."""
    archivos = [Archivo(ruta, contenido) for ruta, contenido in ical.feeds(grafo, url_base)]
    archivos += [Archivo(ruta, contenido) for ruta, contenido in activos()]
    return archivos
