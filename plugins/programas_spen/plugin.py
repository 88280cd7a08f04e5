"""Adaptador de MkDocs: solo ganchos. Toda la lógica está en el núcleo (``sitio``)."""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .exportar.cache_pdf import CachePdf
from .sitio import URL_BASE, DatosInvalidos, Fragmentos, con_metadatos, construir_sitio

log = logging.getLogger("mkdocs.plugins.programas_spen")

#: PDF de los anexos por huella de su HTML, en el proceso: ``mkdocs serve`` vuelve a cargar la
#: configuración (y crea otro plugin) en cada reconstrucción, y así solo rehace los que cambian.
_MEMORIA_PDF: dict[str, Any] = {}

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


class ProgramasSpenPlugin(BasePlugin[ProgramasSpenConfig]):
    """Publica los documentos de ``datos/`` como páginas generadas."""

    def __init__(self) -> None:
        self.fragmentos: Fragmentos | None = None
        self.paginas_vistas = 0
        self.directorio: Path | None = None
        self.cache: Path | None = None

    def on_config(self, config: Any) -> Any:
        """Reinicia el estado de cada construcción (``mkdocs serve`` conserva el plugin)."""
        self.fragmentos = None
        self.paginas_vistas = 0
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
                                    cache=None if self.cache is None else self.cache / "arboles")
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
        self.fragmentos = sitio.fragmentos_para(
            f.src_uri for f in files.documentation_pages() if not f.generated_by)
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
        gc.collect()
        gc.freeze()
        return files

    def on_post_build(self, config: Any) -> None:
        """Devuelve al recolector los objetos apartados en ``on_files``."""
        gc.unfreeze()

    def on_build_error(self, error: Exception) -> None:
        """Igual que ``on_post_build`` cuando la construcción falla."""
        gc.unfreeze()

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Incluye los fragmentos generados en las páginas escritas a mano."""
        if self.fragmentos is None or page.file.generated_by:
            return markdown
        return self.fragmentos.incluir(markdown, page.file.src_uri)

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        """Suelta el Markdown de una página generada ya convertida: MkDocs convierte todas las
        páginas antes de escribir la primera, y no vuelve a leer su Markdown."""
        if page.file.generated_by:
            page.markdown = None
            page.file.content_string = ""
        self._por_tandas()
        return html

    def _por_tandas(self) -> None:
        """Cada ``PAGINAS_POR_TANDA`` páginas convertidas o escritas, recoge la basura de la
        tanda (las instancias de Markdown de cada página forman ciclos) y aparta lo que queda
        vivo (las páginas convertidas, que viven hasta escribirse; el índice de búsqueda): el
        recolector ya no recorre una y otra vez todo lo acumulado, y su costo por página deja
        de crecer con el tamaño del sitio. ``on_post_build`` lo devuelve todo al recolector."""
        self.paginas_vistas += 1
        if self.paginas_vistas % PAGINAS_POR_TANDA == 0:
            gc.collect()
            gc.freeze()

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Suelta el HTML del contenido de la página: ya está en ``output``, que MkDocs escribe
        a continuación (el índice de búsqueda lo leyó antes, en ``on_page_context``)."""
        page.content = None
        self._por_tandas()
        return output

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """Reconstruye cuando cambia un archivo de ``datos/``."""
        if self.directorio is not None:
            server.watch(str(self.directorio))
        return server
