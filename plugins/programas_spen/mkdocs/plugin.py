"""Adaptador de MkDocs: solo ganchos. Toda la lógica está en el núcleo (``sitio``)."""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build as bucle_de_mkdocs
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from programas_spen.anexos.cache_pdf import CachePdf
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo
from programas_spen.busqueda import pagefind as buscador
from programas_spen.mkdocs import escritura
from programas_spen.mkdocs.conversion import Conversion, Conversor, aplicar, huella, sin_volver_a_convertir
from programas_spen.mkdocs.navegacion import NavegacionGuardada
from programas_spen.sitio import urls
from programas_spen.sitio.construir import URL_BASE, DatosInvalidos, Fragmentos, con_metadatos, construir_sitio

log = logging.getLogger("mkdocs.plugins.programas_spen")

#: PDF de los anexos por huella de su HTML, en el proceso (no en el plugin: ``mkdocs serve``
#: vuelve a cargar la configuración en cada reconstrucción), y así solo rehace los que cambian.
_MEMORIA_PDF: dict[str, Any] = {}

#: En ``mkdocs serve``, quien genera aparte los PDF que faltan (ver ``pdf_en_fondo``): vive en
#: el proceso, como la memoria de PDF, para seguir sus encargos entre reconstrucciones.
_EN_FONDO: dict[Path, GeneradorEnFondo] = {}

#: Páginas generadas ya convertidas en ``mkdocs serve``, por ruta: (huella de su fuente y
#: del contexto, conversión). Una reconstrucción solo convierte las páginas que cambiaron.
_MEMORIA_CONVERSIONES: dict[str, tuple[bytes, Conversion]] = {}


class _BytecodeEnMemoria(jinja2.BytecodeCache):
    """Plantillas de Jinja ya compiladas, en el proceso: MkDocs crea el entorno de Jinja
    de nuevo en cada reconstrucción de ``mkdocs serve`` y compilaba otra vez todas las
    plantillas de Material. La clave de Jinja incluye la huella del texto de la plantilla,
    así que una plantilla editada se vuelve a compilar."""

    def __init__(self) -> None:
        self.compiladas: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        codigo = self.compiladas.get(bucket.key)
        if codigo is not None:
            bucket.bytecode_from_string(codigo)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiladas[bucket.key] = bucket.bytecode_to_string()


_PLANTILLAS = _BytecodeEnMemoria()

#: Cada cuántos segundos mira ``mkdocs serve`` si cambiaron los datos (ver ``_vigilando_cada``).
VIGILANCIA_S = 0.1

#: Páginas convertidas entre dos recogidas de basura (ver ``on_page_content``).
PAGINAS_POR_TANDA = 500


class ProgramasSpenConfig(Config):
    """Opciones del plugin en ``mkdocs.yml``."""

    datos = config_options.Type(str, default="datos")
    #: Generar el PDF de cada anexo para la Gaceta (lo más lento de la construcción). En
    #: ``mkdocs.yml``: ``anexos_pdf: !ENV [ANEXOS_PDF, true]``; ``ANEXOS_PDF=false`` lo apaga.
    anexos_pdf = config_options.Type(bool, default=True)
    #: Carpeta (relativa a ``mkdocs.yml``) donde guardar entre construcciones los árboles YAML
    #: ya leídos y los PDF de los anexos, para que la siguiente solo lea los archivos y genere
    #: los PDF que cambiaron; vacía: sin caché en disco.
    cache = config_options.Type(str, default=".cache/programas-spen")
    #: Convertir las páginas generadas antes del bucle de MkDocs, en dos procesos si se puede
    #: (ver ``conversion``); el sitio es el mismo byte a byte. ``false``: MkDocs las convierte
    #: una por una, como a las escritas a mano.
    conversion_anticipada = config_options.Type(bool, default=True)
    #: En ``mkdocs serve``, no esperar los PDF de los anexos que faltan: se generan en otro
    #: proceso y la página se actualiza sola cuando llegan (ver ``pdf_en_fondo``). Necesita la
    #: caché en disco. ``mkdocs build`` siempre los espera.
    anexos_pdf_en_fondo = config_options.Type(bool, default=True)
    #: Escribir las páginas generadas antes del bucle de MkDocs, en dos procesos si se puede
    #: (ver ``escritura``); el sitio es el mismo byte a byte. Solo en ``mkdocs build`` (sin
    #: ``--dirty``) y con la conversión anticipada. ``false``: MkDocs las escribe una por una.
    escritura_anticipada = config_options.Type(bool, default=True)
    #: Dibujar una sola vez la barra de navegación de Material para todas las páginas que no
    #: están en ella y desde las que sus enlaces se escriben igual (ver ``navegacion``); el
    #: sitio es el mismo byte a byte.
    navegacion_guardada = config_options.Type(bool, default=True)
    #: Hacer el índice de búsqueda (Pagefind, ver ``buscador``) después de escribir el sitio.
    #: ``false`` (``BUSQUEDA=false``): el sitio queda sin índice y la página de búsqueda lo dice.
    busqueda = config_options.Type(bool, default=True)


class ProgramasSpenPlugin(BasePlugin[ProgramasSpenConfig]):
    """Publica los documentos de ``datos/`` como páginas generadas."""

    def __init__(self) -> None:
        self.fragmentos: Fragmentos | None = None
        self.paginas_vistas = 0
        self.directorio: Path | None = None
        self.cache: Path | None = None
        self.sirviendo = False
        self.sucia = False
        self.nav: Any = None
        self.callar: escritura.CallarOmitidas | None = None
        self.previas: dict[str, Conversion] = {}
        self.pendientes: dict[str, Conversion] = {}
        self.diferidas: dict[str, Conversion] = {}
        self.escribir_antes = False
        #: Páginas para el índice de búsqueda: (ruta de su HTML en el sitio, institución o
        #: ``None``).
        self.buscables: list[tuple[str, str | None]] = []
        self.etiquetas: dict[str, str] = {}

    def on_startup(self, command: str, dirty: bool) -> None:
        """Recuerda si se sirve el sitio (``mkdocs serve``): entonces las conversiones de las
        páginas se guardan entre reconstrucciones."""
        self.sirviendo = command == "serve"
        self.sucia = dirty

    def on_config(self, config: Any) -> Any:
        """Reinicia el estado de cada construcción (``mkdocs serve`` conserva el plugin)."""
        self.fragmentos = None
        self.paginas_vistas = 0
        self.previas = {}
        self.pendientes = {}
        self.diferidas = {}
        self.escribir_antes = False
        self.buscables = []
        self.etiquetas = {}
        self.nav = None
        self._quitar_filtro()
        base = Path(config.config_file_path).parent
        self.directorio = (base / self.config.datos).resolve()
        self.cache = (base / self.config.cache).resolve() if self.config.cache else None
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        """Carga y valida los datos y añade las páginas generadas."""
        assert self.directorio is not None
        gc.unfreeze()  # por si la construcción anterior terminó con error
        try:
            memoria_pdf = (_MEMORIA_PDF if self.cache is None
                           else CachePdf(self.cache / "pdf", memoria=_MEMORIA_PDF))
            sitio = construir_sitio(self.directorio, config.site_url or URL_BASE,
                                    anexos_pdf=self.config.anexos_pdf, memoria_pdf=memoria_pdf,
                                    cache=None if self.cache is None else self.cache / "arboles",
                                    pdf_en_fondo=self._en_fondo())
        except DatosInvalidos as exc:
            for error in exc.informe.errores:
                log.error("%s", error)
            for aviso in exc.informe.avisos:
                log.info("AVISO de datos: %s", aviso)
            raise PluginError(
                f"Los datos tienen {len(exc.informe.errores)} error(es): no se publica nada."
            ) from None
        for aviso in sitio.informe.avisos:
            log.info("AVISO de datos: %s", aviso)
        for documento, mensaje in sitio.avisos_anexos:
            log.warning("Anexo PDF de %s: %s", documento, mensaje)
        escritas = [f.src_uri for f in files.documentation_pages() if not f.generated_by]
        self.fragmentos = sitio.fragmentos_para(escritas)
        buscables = dict.fromkeys(escritas)
        buscables.update((p.ruta, p.institucion) for p in sitio.paginas
                         if not (p.meta.get("search") or {}).get("exclude"))
        self.etiquetas = {i.id: i.siglas or i.nombre for i in sitio.grafo.instituciones.values()}
        # Cada página pasa a ``files`` y se suelta enseguida; después se suelta todo el núcleo
        # (el grafo ya no hace falta: los fragmentos están escritos). A escala nacional (cien
        # mil registros) guardar a la vez el grafo, las páginas y sus archivos pasaba de 2 GB
        # (ver banco/README.md).
        paginas, archivos = sitio.paginas, sitio.archivos
        del sitio
        paginas.reverse()
        while paginas:
            pagina = paginas.pop()
            files.append(File.generated(config, pagina.ruta, content=con_metadatos(pagina, compacto=True)))
        archivos.reverse()
        while archivos:
            archivo = archivos.pop()
            files.append(File.generated(config, archivo.ruta, content=archivo.contenido))
        # Lo que queda vivo (los archivos de MkDocs) vive hasta el final: fuera del recorrido
        # del recolector cíclico mientras MkDocs convierte y escribe (ver ``recolector``).
        self.buscables = [(f.dest_uri, buscables[f.src_uri]) for f in files.documentation_pages()
                          if f.src_uri in buscables]
        gc.collect()
        gc.freeze()
        return files

    def _en_fondo(self) -> GeneradorEnFondo | None:
        """Quien genera aparte los PDF que faltan: solo en ``mkdocs serve``, con PDF, con la
        opción ``anexos_pdf_en_fondo`` y con caché en disco (donde los deja)."""
        if not (self.sirviendo and self.config.anexos_pdf and self.config.anexos_pdf_en_fondo
                and self.cache is not None):
            return None
        if self.cache not in _EN_FONDO:
            _EN_FONDO[self.cache] = GeneradorEnFondo(self.cache / "pdf", _senal(self.cache),
                                                     al_terminar=True)
        return _EN_FONDO[self.cache]

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        """Convierte de antemano las páginas generadas, en dos procesos si se puede (ver
        ``conversion``); el bucle de MkDocs aplica después cada resultado."""
        self.nav = nav  # lo que MkDocs pasa después a sus plantillas (ver ``on_env``)
        if not self.config.conversion_anticipada:
            return nav
        archivos = [f for f in files.documentation_pages()
                    if f.generated_by and (f.page is not None or f.inclusion.is_not_in_nav())]
        conversor = Conversor(
            config=config, files=files,
            pagina_de=lambda f: f.page if f.page is not None else Page(None, f, config),
            on_page_markdown=config.plugins.on_page_markdown,
            tras_cada=self._por_tandas)
        if not self.sirviendo:
            self.previas = conversor.convertir_todas(archivos)
        else:
            # Los PDF de los anexos no cuentan: en la vista previa aparecen al llegar
            # (``pdf_en_fondo``), y las páginas que los enlazan cambian de Markdown con ellos
            # (el enlace solo se escribe si el PDF está); con ellos, cada llegada volvía a
            # convertir todas las páginas.
            contexto = huella(repr((sorted(f.src_uri for f in files if not urls.es_anexo_pdf(f.src_uri)),
                                    config.markdown_extensions, config.mdx_configs,
                                    config.use_directory_urls)))
            fuentes = {f.src_uri: huella(f.content_string) + contexto for f in archivos}
            nuevas = conversor.convertir_todas([
                f for f in archivos
                if _MEMORIA_CONVERSIONES.get(f.src_uri, (b"",))[0] != fuentes[f.src_uri]])
            for ruta, conversion in nuevas.items():
                _MEMORIA_CONVERSIONES[ruta] = (fuentes[ruta], conversion)
            for ruta in set(_MEMORIA_CONVERSIONES) - set(fuentes):
                del _MEMORIA_CONVERSIONES[ruta]
            self.previas = {ruta: _MEMORIA_CONVERSIONES[ruta][1] for ruta in fuentes}
        self.escribir_antes = self._se_escribe_antes(config)
        return nav

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        """En ``mkdocs serve``, las plantillas compiladas se guardan entre reconstrucciones. En
        ``mkdocs build``, escribe de antemano las páginas generadas (ver ``escritura``)."""
        if self.sirviendo and env.bytecode_cache is None:
            env.bytecode_cache = _PLANTILLAS
        if self.config.navegacion_guardada and self.nav is not None:
            NavegacionGuardada(_clave_de_navegacion(self.nav, config)).envolver(env)
        if self.escribir_antes:
            documentacion = files.documentation_pages()
            paginas = [f.page for f in documentacion if f.generated_by and f.page is not None]
            nav = self.nav

            def escribir(pagina: Page) -> None:
                bucle_de_mkdocs._build_page(pagina, config, documentacion, nav, env)

            try:
                escritura.escribir_todas(paginas, escribir, self.diferidas)
            finally:
                self.diferidas = {}  # cada página diferida es generada y tiene página: está en ``paginas``
            escritura.marcar_ya_escritas(paginas)
            for pagina in paginas:  # el bucle de MkDocs ya no necesita su HTML
                pagina.content = ""
            env.loader = escritura.con_plantilla_vacia(env.loader)
            self.callar = escritura.CallarOmitidas(p.file.src_uri for p in paginas)
            self.callar.instalar()
        return env

    def _se_escribe_antes(self, config: Any) -> bool:
        """Si las páginas generadas se escriben de antemano (se decide en ``on_nav``, cuando ya
        está todo lo que cuenta: ``escribir_antes``): con la opción, en ``mkdocs
        build`` sin ``--dirty``, con la conversión anticipada y sin más plugins que este (otro,
        como la búsqueda de Material, podría hacer algo en cada página que no debe hacerse dos
        veces)."""
        otros = set(config.plugins) - {"programas-spen"}
        return (self.config.escritura_anticipada and self.config.conversion_anticipada
                and not self.sirviendo and not self.sucia and not otros and self.nav is not None)

    def on_post_build(self, config: Any) -> None:
        """Devuelve al recolector los objetos apartados en ``on_files``, hace el índice de
        búsqueda del sitio escrito (``buscador``) y, en ``mkdocs serve``, empieza a generar
        aparte los PDF que faltan (ya sin quitarle núcleos a la construcción)."""
        gc.unfreeze()
        self._quitar_filtro()
        if self.config.busqueda:
            self._indexar(config)
        self._empezar_pdf()

    def _indexar(self, config: Any) -> None:
        """El índice de búsqueda (Pagefind) de las páginas buscables, ya escritas en
        ``site_dir``: un grupo por institución (ver ``buscador``)."""
        sitio = Path(config.site_dir)
        inicio = time.perf_counter()
        try:
            grupos = buscador.agrupar(self.buscables, self.etiquetas)
            hecho = buscador.indexar(sitio, grupos, cache=self.cache, procesos=2)
        except buscador.ErrorBuscador as error:
            raise PluginError(f"Índice de búsqueda: {error}") from None
        log.info("Índice de búsqueda: %d páginas en %d índices (%d rehechos, %d de la caché) "
                 "en %.1f s", hecho.paginas, len(grupos), len(hecho.hechos), len(hecho.copiados),
                 time.perf_counter() - inicio)

    def on_build_error(self, error: Exception) -> None:
        """Igual que ``on_post_build`` cuando la construcción falla."""
        gc.unfreeze()
        self._quitar_filtro()
        self._empezar_pdf()

    def _quitar_filtro(self) -> None:
        """Quita el filtro de ``escritura`` del registrador de MkDocs, si se puso."""
        if self.callar is not None:
            self.callar.quitar()
            self.callar = None

    def _empezar_pdf(self) -> None:
        en_fondo = self._en_fondo()
        if en_fondo is not None:
            en_fondo.empezar()

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Incluye los fragmentos generados en las páginas escritas a mano. A una página
        generada ya convertida en ``on_nav`` con este mismo Markdown le deja un texto vacío que
        convertir; ``on_page_content`` pone el resultado."""
        if page.file.generated_by:
            conversion = self.previas.pop(page.file.src_uri, None)
            if conversion is not None and conversion.huella == huella(markdown):
                self.pendientes[page.file.src_uri] = conversion
                sin_volver_a_convertir(page)
                return ""
            return markdown
        if self.fragmentos is None:
            return markdown
        return self.fragmentos.incluir(markdown, page.file.src_uri)

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        """Pone en una página generada su conversión anticipada (HTML, tabla de contenido,
        anclas, mensajes) y suelta su Markdown:
        MkDocs convierte todas las páginas antes de escribir la primera, y no lo vuelve a leer.
        Si la página se escribe de antemano (``on_env``), su HTML se queda comprimido en la
        conversión hasta entonces (``diferidas``): a escala nacional, el HTML de todas las
        páginas como texto eran unos 360 MiB del pico de memoria."""
        if page.file.generated_by:
            conversion = self.pendientes.pop(page.file.src_uri, None)
            if conversion is not None:
                html = aplicar(page, conversion, files.get_file_from_path, sin_html=self.escribir_antes)
                if self.escribir_antes:
                    self.diferidas[page.file.src_uri] = conversion
            page.markdown = None
            page.file.content_string = ""
        self._por_tandas()
        return html

    def _por_tandas(self) -> None:
        """Cada ``PAGINAS_POR_TANDA`` páginas convertidas o escritas, recoge la basura de la
        tanda (las instancias de Markdown de cada página forman ciclos) y aparta lo que queda
        vivo (las páginas convertidas, que viven hasta escribirse): el
        recolector ya no recorre una y otra vez todo lo acumulado, y su costo por página deja
        de crecer con el tamaño del sitio. ``on_post_build`` lo devuelve todo al recolector."""
        self.paginas_vistas += 1
        if self.paginas_vistas % PAGINAS_POR_TANDA == 0:
            gc.collect()
            gc.freeze()

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Suelta el HTML del contenido de la página: ya está en ``output``, que MkDocs escribe
        a continuación."""
        page.content = None
        self._por_tandas()
        return output

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """Reconstruye cuando cambia un archivo de ``datos/`` y cuando llegan PDF generados
        aparte (su archivo de señal). Esas dos carpetas se miran cada ``VIGILANCIA_S``
        segundos, no cada medio segundo como las demás (ver ``_vigilando_cada``)."""
        with _vigilando_cada(server, VIGILANCIA_S):
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


@contextmanager
def _vigilando_cada(server: Any, segundos: float) -> Iterator[None]:
    """Dentro del bloque, las carpetas que empiece a vigilar ``server`` (el de ``mkdocs
    serve``) se miran cada ``segundos``. MkDocs las mira cada medio segundo (sondeo de
    ``watchdog``), y ese medio segundo se sumaba a lo que tarda en verse una edición de los
    datos; mirar cada décima unos pocos archivos no cuesta nada. ``watchdog`` da a cada carpeta
    el intervalo que tiene su observador al empezar a vigilarla (``timeout``, que solo se lee):
    se cambia en el bloque y se deja después como estaba, así que las demás no cambian. Si el
    observador no es como se espera, no se toca nada."""
    observador = getattr(server, "observer", None)
    antes = getattr(observador, "_timeout", None)
    if not isinstance(antes, (int, float)) or getattr(observador, "timeout", None) != antes:
        yield
        return
    observador._timeout = min(antes, segundos)
    try:
        yield
    finally:
        observador._timeout = antes


def _clave_de_navegacion(nav: Any, config: Any) -> Callable[[Any], tuple[Any, ...] | None]:
    """La clave de la barra de navegación de una página para ``NavegacionGuardada``: ``None``
    si la página está en la navegación (ahí la barra marca su apartado); si no, la URL base y
    cada enlace que la barra escribe (inicio, logo, cada página y enlace de la navegación)
    tal como el filtro ``url`` lo escribe desde esa página. Dos páginas fuera de la
    navegación con la misma clave tienen la misma barra."""
    en_nav = {pagina.file.src_uri for pagina in nav.pages}
    destinos: list[str] = []
    pendientes = list(nav.items)
    while pendientes:
        item = pendientes.pop(0)
        if getattr(item, "url", None) is not None:
            destinos.append(str(item.url))
        pendientes[:0] = list(getattr(item, "children", None) or ())
    extra = config.extra if hasattr(config.extra, "get") else {}  # un ``Config``, no un ``dict``
    for otro in (getattr(nav.homepage, "url", None), extra.get("homepage"), config.theme.get("logo")):
        if otro:
            destinos.append(str(otro))

    def clave(contexto: Any) -> tuple[Any, ...] | None:
        pagina = contexto.get("page")
        archivo = getattr(pagina, "file", None)
        if archivo is None or archivo.src_uri in en_nav:
            return None
        url = contexto.environment.filters["url"]
        return (contexto.get("base_url"), tuple(url(contexto, destino) for destino in destinos))

    return clave


def _senal(cache: Path) -> Path:
    """Archivo que reescribe el proceso de los PDF aparte al terminar; se vigila su carpeta (en
    ella no se escribe nada más)."""
    return cache / "pdf-listos" / "senal"

