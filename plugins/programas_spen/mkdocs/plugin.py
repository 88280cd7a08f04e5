"""Adaptador de MkDocs: solo ganchos documentados. Toda la lógica está en el núcleo
(``sitio.construir``), que ya entrega cada página generada en HTML.

- ``on_files``: el núcleo carga, valida, enlaza y escribe el sitio; cada página generada entra
  como archivo generado (``File.generated``) cuyo Markdown es solo su cabecera de metadatos
  (título, descripción), y cada archivo (PDF, feeds, activos) con sus bytes.
- ``on_page_content``: a una página generada le pone el HTML del núcleo y su tabla de
  contenido (``get_toc``); en una página escrita a mano, incluye los fragmentos generados.
- ``on_post_build``: el índice de búsqueda (Pagefind) del sitio ya escrito.
- ``on_serve``: vigila ``datos/`` y los PDF que llegan hechos aparte.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from programas_spen.anexos.cache_pdf import CachePdf
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo
from programas_spen.busqueda import pagefind
from programas_spen.modelo.texto import fecha_larga
from programas_spen.sitio import corte
from programas_spen.sitio.construir import URL_BASE, DatosInvalidos, Sitio, construir_sitio
from programas_spen.sitio.render import EntradaIndice, PaginaHtml, aviso_de_errores

log = logging.getLogger("mkdocs.plugins.programas_spen")

#: PDF de los anexos por huella de su HTML, en el proceso (no en el plugin: ``mkdocs serve``
#: vuelve a cargar la configuración en cada reconstrucción), y así solo rehace los que cambian.
_MEMORIA_PDF: dict[str, Any] = {}

#: En ``mkdocs serve``, quien genera aparte los PDF que faltan (ver ``pdf_en_fondo``): vive en
#: el proceso, como la memoria de PDF, para seguir sus encargos entre reconstrucciones.
_EN_FONDO: dict[Path, GeneradorEnFondo] = {}


class _PlantillasEnMemoria(jinja2.BytecodeCache):
    """Plantillas de Jinja ya compiladas, guardadas en el proceso (API pública de Jinja):
    ``mkdocs serve`` crea el entorno de Jinja de nuevo en cada reconstrucción y compilaba otra
    vez todas las plantillas del tema. La clave incluye la huella del texto de la plantilla,
    así que una plantilla editada se vuelve a compilar."""

    def __init__(self) -> None:
        self.compiladas: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        codigo = self.compiladas.get(bucket.key)
        if codigo is not None:
            bucket.bytecode_from_string(codigo)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiladas[bucket.key] = bucket.bytecode_to_string()


_PLANTILLAS = _PlantillasEnMemoria()

#: En ``mkdocs serve``, el último sitio construido con datos válidos (en el proceso): si una
#: edición deja los datos con errores, la vista previa lo sigue mostrando, con los errores encima.
_ULTIMO_VALIDO: list[Sitio] = []


class ProgramasSpenConfig(Config):
    """Opciones del plugin en ``mkdocs.yml``: solo lo que decide quien publica."""

    #: Carpeta de los archivos de datos (relativa a ``mkdocs.yml``).
    datos = config_options.Type(str, default="datos")
    #: Generar el PDF de cada anexo para la Gaceta (lo más lento de la construcción). En
    #: ``mkdocs.yml``: ``anexos_pdf: !ENV [ANEXOS_PDF, true]``; ``ANEXOS_PDF=false`` lo apaga.
    anexos_pdf = config_options.Type(bool, default=True)
    #: Carpeta (relativa a ``mkdocs.yml``) de la caché entre construcciones (árboles YAML ya
    #: leídos, PDF de los anexos, índices de búsqueda); vacía: sin caché en disco.
    cache = config_options.Type(str, default=".cache/programas-spen")
    #: Hacer el índice de búsqueda (Pagefind) después de escribir el sitio. ``false``
    #: (``BUSQUEDA=false``): el sitio queda sin índice y la página de búsqueda lo dice.
    busqueda = config_options.Type(bool, default=True)


def _indice_de_mkdocs(entradas: tuple[EntradaIndice, ...]) -> list[dict[str, Any]]:
    """La tabla de contenido del núcleo en la forma que lee ``get_toc`` de MkDocs. El nombre va
    escapado, como lo da Python-Markdown: el tema lo escribe tal cual en la barra lateral."""
    return [{"level": e.nivel, "id": e.id, "name": str(escape(e.titulo)), "children": _indice_de_mkdocs(e.hijos)}
            for e in entradas]


def cabecera(pagina: PaginaHtml) -> str:
    """El «Markdown» de una página generada: solo su cabecera de metadatos (título,
    descripción y demás), en YAML (cada valor en JSON, que YAML lee igual). El título y la
    descripción van escapados para HTML: las plantillas del tema los escriben tal cual (sin
    escape automático) en ``<title>``, la cabecera y ``<meta>``."""
    lineas = [f"title: {json.dumps(str(escape(pagina.titulo)), ensure_ascii=False)}"]
    if pagina.descripcion:
        descripcion = str(escape(" ".join(pagina.descripcion.split())))
        lineas.append(f"description: {json.dumps(descripcion, ensure_ascii=False)}")
    lineas += [f"{clave}: {json.dumps(valor, ensure_ascii=False)}" for clave, valor in sorted(pagina.meta.items())]
    return "---\n" + "\n".join(lineas) + "\n---\n"


class ProgramasSpenPlugin(BasePlugin[ProgramasSpenConfig]):
    """Publica los documentos de ``datos/`` como páginas generadas."""

    def __init__(self) -> None:
        self.sitio: Sitio | None = None
        self.paginas: dict[str, PaginaHtml] = {}
        #: En la vista previa, el recuadro con los errores de los datos (HTML del núcleo), o
        #: ``""``.
        self.errores = ""
        self.directorio: Path | None = None
        self.cache: Path | None = None
        self.sirviendo = False
        #: Páginas para el índice de búsqueda: (ruta de su HTML en el sitio, institución o
        #: ``None``).
        self.buscables: list[tuple[str, str | None]] = []
        self.etiquetas: dict[str, str] = {}

    def on_startup(self, command: str, dirty: bool) -> None:
        """Recuerda si se sirve el sitio (``mkdocs serve``): entonces los PDF que faltan se
        hacen aparte, sin esperarlos."""
        self.sirviendo = command == "serve"

    def on_config(self, config: Any) -> Any:
        """Reinicia el estado de cada construcción (``mkdocs serve`` conserva el plugin)."""
        self.sitio = None
        self.paginas = {}
        self.errores = ""
        self.buscables = []
        self.etiquetas = {}
        base = Path(config.config_file_path).parent
        self.directorio = (base / self.config.datos).resolve()
        self.cache = (base / self.config.cache).resolve() if self.config.cache else None
        # la fecha de la última actualización que dice el pie de cada página (tema/partials/
        # footer.html): la de corte (SOURCE_DATE_EPOCH), nunca el reloj de la construcción
        hoy = corte.del_entorno().iso()
        config.extra["actualizado"] = {"iso": hoy, "texto": fecha_larga(hoy)}
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        """Carga, valida y escribe el sitio con el núcleo y añade sus páginas y archivos."""
        assert self.directorio is not None
        memoria_pdf = _MEMORIA_PDF if self.cache is None else CachePdf(self.cache, memoria=_MEMORIA_PDF)
        try:
            sitio = construir_sitio(self.directorio, config.site_url or URL_BASE, anexos_pdf=self.config.anexos_pdf,
                                    memoria_pdf=memoria_pdf,
                                    cache=self.cache,
                                    pdf_en_fondo=self._en_fondo())
        except DatosInvalidos as exc:
            for error in exc.informe.errores:
                log.error("%s", error)
            for aviso in exc.informe.avisos:
                log.info("AVISO de datos: %s", aviso)
            if not self.sirviendo:
                raise PluginError(
                    f"Los datos tienen {len(exc.informe.errores)} error(es): no se publica nada.") from None
            # Vista previa: los errores se ven en el navegador, encima de la última versión válida
            # (o de las páginas escritas a mano), y la página se recarga sola al corregirlos.
            log.warning("Los datos tienen %d error(es): la vista previa los muestra encima de cada página.",
                        len(exc.informe.errores))
            self.errores = aviso_de_errores(exc.informe.errores)
            if not _ULTIMO_VALIDO:
                return files
            sitio = _ULTIMO_VALIDO[0]
        else:
            if self.sirviendo:
                _ULTIMO_VALIDO[:] = [sitio]
            for aviso in sitio.informe.avisos:
                log.info("AVISO de datos: %s", aviso)
            for documento, mensaje in sitio.avisos_anexos:
                log.warning("Anexo PDF de %s: %s", documento, mensaje)
        buscables: dict[str, str | None] = {f.src_uri: None for f in files.documentation_pages()}
        en_nav = set(_rutas_de_nav(config.nav))
        for pagina in sitio.paginas:
            self.paginas[pagina.ruta] = pagina
            # las que no están en la navegación del sitio (documentos, acuerdos, sesiones…) lo
            # dicen, y MkDocs no las lista como omitidas
            inclusion = InclusionLevel.UNDEFINED if pagina.ruta in en_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, pagina.ruta, content=cabecera(pagina), inclusion=inclusion))
            busqueda = pagina.meta.get("search")
            if not (isinstance(busqueda, dict) and busqueda.get("exclude")):
                buscables[pagina.ruta] = pagina.institucion
        for archivo in sitio.archivos:
            files.append(File.generated(config, archivo.ruta, content=archivo.contenido))
        self.etiquetas = {i.id: i.siglas or i.nombre for i in sitio.grafo.instituciones.values()}
        self.buscables = [(f.dest_uri, buscables[f.src_uri]) for f in files.documentation_pages()
                          if f.src_uri in buscables]
        self.sitio = sitio
        return files

    def on_env(self, env: jinja2.Environment, config: Any, files: Files) -> jinja2.Environment:
        """En ``mkdocs serve``, las plantillas compiladas se guardan entre reconstrucciones."""
        if self.sirviendo and env.bytecode_cache is None:
            env.bytecode_cache = _PLANTILLAS
        return env

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        """El HTML de una página generada (y su tabla de contenido), o los fragmentos generados
        dentro de una página escrita a mano."""
        pagina = self.paginas.pop(page.file.src_uri, None)
        if pagina is not None:
            page.toc = get_toc(_indice_de_mkdocs(pagina.indice))  # type: ignore[arg-type]
            html = pagina.html
        elif self.sitio is not None:
            html = self.sitio.incluir_fragmentos(html, page.file.src_uri)
        return self.errores + html

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Suelta el HTML del contenido de la página: ya está en ``output``, que MkDocs escribe a
        continuación."""
        page.content = None
        return output

    def on_post_build(self, config: Any) -> None:
        """Hace el índice de búsqueda del sitio escrito y, en ``mkdocs serve``, empieza a
        generar aparte los PDF que faltan."""
        self.sitio = None
        if self.config.busqueda:
            self._indexar(config)
        self._empezar_pdf()

    def on_build_error(self, error: Exception) -> None:
        """Cuando la construcción falla, igual empieza los PDF que faltan (vista previa)."""
        self.sitio = None
        self._empezar_pdf()

    def _indexar(self, config: Any) -> None:
        """El índice de búsqueda (Pagefind) de las páginas buscables, ya escritas en
        ``site_dir``: un grupo por institución (ver ``busqueda.pagefind``)."""
        inicio = time.perf_counter()
        try:
            grupos = pagefind.agrupar(self.buscables, self.etiquetas)
            hecho = pagefind.indexar(Path(config.site_dir), grupos, cache=self.cache, procesos=2)
        except pagefind.ErrorBuscador as error:
            raise PluginError(f"Índice de búsqueda: {error}") from None
        log.info("Índice de búsqueda: %d páginas en %d índices (%d rehechos, %d de la caché) en %.1f s",
                 hecho.paginas, len(grupos), len(hecho.hechos), len(hecho.copiados), time.perf_counter() - inicio)

    def _en_fondo(self) -> GeneradorEnFondo | None:
        """Quien genera aparte los PDF que faltan: solo en ``mkdocs serve``, con PDF y con caché
        en disco (donde los deja)."""
        if not (self.sirviendo and self.config.anexos_pdf and self.cache is not None):
            return None
        if self.cache not in _EN_FONDO:
            _EN_FONDO[self.cache] = GeneradorEnFondo(self.cache, _senal(self.cache), al_terminar=True)
        return _EN_FONDO[self.cache]

    def _empezar_pdf(self) -> None:
        en_fondo = self._en_fondo()
        if en_fondo is not None:
            en_fondo.empezar()

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """Reconstruye cuando cambia un archivo de datos y cuando llegan PDF generados aparte
        (su archivo de señal)."""
        if self.directorio is not None:
            server.watch(str(self.directorio))
        if self._en_fondo() is not None and self.cache is not None:
            carpeta = _senal(self.cache).parent
            carpeta.mkdir(parents=True, exist_ok=True)
            server.watch(str(carpeta))
        return server

    def on_shutdown(self) -> None:
        """Detiene los PDF que se generaban aparte."""
        for generador in _EN_FONDO.values():
            generador.detener()


def _rutas_de_nav(nav: Any) -> list[str]:
    """Las rutas de las páginas que nombra la navegación de ``mkdocs.yml`` (``nav``), a
    cualquier profundidad."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [ruta for valor in nav.values() for ruta in _rutas_de_nav(valor)]
    if isinstance(nav, list):
        return [ruta for item in nav for ruta in _rutas_de_nav(item)]
    return []


def _senal(cache: Path) -> Path:
    """Archivo que reescribe el proceso de los PDF aparte al terminar; se vigila su carpeta (en
    ella no se escribe nada más)."""
    return cache / "pdf-listos" / "senal"
