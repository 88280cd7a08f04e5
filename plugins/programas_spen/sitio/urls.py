"""El único lugar donde se forman las rutas y URL del sitio.

Esquema (cada ruta de página es un archivo Markdown generado; con ``use_directory_urls`` la
URL pública es la ruta sin ``index.md`` / ``.md`` y con barra final):

====================================  ================================================
Registro                              URL
====================================  ================================================
Inicio                                ``/``
Documento                             ``/documentos/<documento>/``
Registro de un documento (actividad,  ``/documentos/<documento>/#<id>`` (ancla: el id del
mecanismo, tema, compromiso,          registro, único en su documento)
objetivo, línea, ficha, eje, sesión
programada, cifra)
Apartado de un documento              ``/documentos/<documento>/#<apartado>`` (siglas,
                                      mecanismos, temas, compromisos… y ``seccion-<id>``)
Compromisos de todos los informes     ``/compromisos/``; cada uno, ``/compromisos/#<documento>--<id>``
Acuerdo                               ``/acuerdos/<número en minúsculas, / → ->/``
                                      (INE/JGE06/2020 → ``/acuerdos/ine-jge06-2020/``)
Sesión celebrada                      ``/sesiones/<órgano>-<AAAA-MM-DD>/``
Área responsable                      ``/areas/<área>/``
Mecanismo entre años                  ``/mecanismos/<mecanismo>/``
Institución                           ``/instituciones/<institución>/``
Calendario y gráficas de un documento ``/documentos/<documento>/calendario/``, ``…/graficas/``
Agenda de un mes / de un año          ``/calendario/<AAAA>/<MM>/``, ``/calendario/<AAAA>/``
Feeds iCalendar                       ``/suscripciones/<nombre>.ics`` (página: ``/suscripciones/``);
                                      para suscribirse, ``webcal://<sitio>/suscripciones/<nombre>.ics``
Anexo de un documento (vista de      ``/documentos/<documento>/anexo/`` (HTML) y
impresión y PDF para la Gaceta)      ``/documentos/<documento>/anexo.pdf``
Dirección corta de un acuerdo        ``/<número oficial>/`` (INE/JGE06/2020 → ``/INE/JGE06/2020/``):
                                     lleva a ``/acuerdos/ine-jge06-2020/``
Anexos y sus huellas SHA-256         ``/anexos/`` (página), ``/anexos/anexos.json``,
                                     ``/anexos/SHA256SUMS``
Búsqueda                             ``/buscar/?q=<palabras>&institucion=<siglas>`` (página);
                                     índices en ``/pagefind/``
Datos abiertos y su diccionario      ``/datos/``, ``/datos/diccionario/`` (páginas); del sitio
                                     completo ``/datos/csv/<tabla>.csv``, ``/datos/<archivo>``
                                     (XLSX, JSON, ZIP, ``datapackage.json``, ``archivos.json``,
                                     ``SHA256SUMS``); de un documento
                                     ``/documentos/<documento>/datos/<archivo>`` y su apartado
                                     ``/documentos/<documento>/#datos-abiertos``
Esquemas JSON publicados             ``/esquema/<nombre>.schema.json`` (la URL de su ``$id``)
Catálogo DCAT                        ``/data.json``
Feeds Atom de novedades              ``/suscripciones/novedades.atom`` y
                                     ``/suscripciones/novedades-<institución>.atom``
URL publicada que se fue             la misma URL, ahora página de redirección
                                     (``datos/redirecciones.yml``, ver ``permanencia``)
====================================  ================================================

Todas las partes salen de identificadores fijados en los datos, nunca del texto, así que una
corrección de redacción no mueve ninguna URL. Los registros de un documento son anclas de su
página (no páginas propias) para que el sitio crezca en páginas con los documentos, no con los
registros: a escala nacional (cien mil registros) son unos pocos miles de páginas.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from programas_spen.carga.esquema import PATRON_NUMERO_ACUERDO


@dataclass(frozen=True, order=True)
class Destino:
    """Una página generada (ruta del Markdown) y, si hace falta, un ancla dentro de ella."""

    ruta: str
    ancla: str | None = None

    def url(self) -> str:
        """URL relativa a la raíz del sitio, con barra final (``use_directory_urls``)."""
        if self.ruta == "index.md":
            base = ""
        elif self.ruta.endswith("/index.md"):
            base = self.ruta[: -len("index.md")]
        else:
            base = self.ruta[: -len(".md")] + "/"
        return base + (f"#{self.ancla}" if self.ancla else "")

    def url_desde(self, origen: str) -> str:
        """URL relativa desde la página ``origen`` (ruta Markdown), para HTML escrito a mano
        (que MkDocs no reescribe): ``../#tema-01``."""
        base = Destino(origen).url()
        objetivo = self.url()
        ancla = ""
        if "#" in objetivo:
            objetivo, ancla = objetivo.split("#", 1)
            ancla = "#" + ancla
        if objetivo == base:
            return ancla or "./"
        relativa = posixpath.relpath("/" + objetivo, "/" + base)
        if objetivo.endswith("/") or objetivo == "":
            relativa += "/"
        return relativa.replace("//", "/") + ancla

    def desde(self, origen: str) -> str:
        """Enlace relativo desde la página ``origen`` (ruta Markdown) hasta este destino.

        Es un enlace a la fuente ``.md``: MkDocs lo convierte y lo comprueba en modo estricto.
        """
        if self.ruta == origen:
            return f"#{self.ancla}" if self.ancla else "./"
        relativa = relativa_a(self.ruta, origen.rpartition("/")[0])
        return relativa + (f"#{self.ancla}" if self.ancla else "")


def relativa_a(ruta: str, carpeta: str) -> str:
    """``posixpath.relpath(ruta, carpeta or ".")`` para rutas ya normalizadas del sitio
    (relativas, sin ``.`` ni ``..``), sin pasar por rutas absolutas: se llama por cada enlace
    de cada página (cientos de miles a escala nacional)."""
    partes = ruta.split("/")
    base = carpeta.split("/") if carpeta else []
    comun = 0
    while comun < len(base) and comun < len(partes) and base[comun] == partes[comun]:
        comun += 1
    return "/".join([".."] * (len(base) - comun) + partes[comun:]) or "."


#: URL pública por omisión (la de ``mkdocs.yml`` sin la variable ``SITIO_URL``).
URL_BASE = "https://programas-spen.example/"

INICIO = Destino("index.md")
CALENDARIO = Destino("calendario/index.md")
SUSCRIPCIONES = Destino("suscripciones/index.md")
DOCUMENTOS = Destino("documentos/index.md")
ACUERDOS = Destino("acuerdos/index.md")
COMPROMISOS = Destino("compromisos/index.md")
SESIONES = Destino("sesiones/index.md")
AREAS = Destino("areas/index.md")
MECANISMOS = Destino("mecanismos/index.md")
INSTITUCIONES = Destino("instituciones/index.md")
SIGLAS = Destino("siglas/index.md")
AVISOS = Destino("avisos/index.md")
BUSCAR = Destino("buscar/index.md")

#: Carpeta del sitio con los índices de búsqueda (Pagefind): ``/pagefind/<grupo>/`` y
#: ``/pagefind/indices.json`` (ver ``buscador``).
INDICES_BUSQUEDA = "pagefind"


def documento(doc: str) -> Destino:
    """Página de un documento."""
    return Destino(f"documentos/{doc}/index.md")


def ancla(doc: str, ident: str) -> Destino:
    """Ancla permanente de un registro en la página de su documento: su propio id (único en
    el documento) sirve de ancla."""
    return Destino(f"documentos/{doc}/index.md", ident)


def apartado(doc: str, nombre: str) -> Destino:
    """Apartado de la página de un documento (``#temas``, ``#cronograma``…)."""
    return Destino(f"documentos/{doc}/index.md", nombre)


def actividad(doc: str, ident: str) -> Destino:
    """Actividad de un mecanismo o fila de cronograma."""
    return ancla(doc, ident)


def mecanismo_documento(doc: str, mecanismo_id: str) -> Destino:
    """Tabla de un mecanismo dentro de un documento."""
    return ancla(doc, mecanismo_id)


def tema(doc: str, ident: str) -> Destino:
    """Tema del programa de una comisión."""
    return ancla(doc, ident)


def compromiso(doc: str, ident: str) -> Destino:
    """Compromiso de un informe de seguimiento."""
    return ancla(doc, ident)


def compromiso_en_indice(doc: str, ident: str) -> Destino:
    """Fila de un compromiso en el índice de compromisos, con su seguimiento entre informes:
    ``/compromisos/#<documento>--<id>`` (los ids no llevan dos guiones seguidos, así que el
    ancla no se confunde entre documentos)."""
    return Destino(COMPROMISOS.ruta, f"{doc}--{ident}")


def calendario_documento(doc: str) -> Destino:
    """Rejilla de meses y línea de tiempo de un documento."""
    return Destino(f"documentos/{doc}/calendario.md")


def graficas_documento(doc: str) -> Destino:
    """Gráficas y cifras de un documento."""
    return Destino(f"documentos/{doc}/graficas.md")


def mes(aaaa_mm: str) -> Destino:
    """Agenda de un mes a través de todos los documentos: ``/calendario/2024/03/``."""
    return Destino(f"calendario/{aaaa_mm[:4]}/{aaaa_mm[5:7]}.md")


def anio(aaaa: str) -> Destino:
    """Resumen de un año: ``/calendario/2024/``."""
    return Destino(f"calendario/{aaaa}/index.md")


def feed(nombre: str) -> str:
    """Ruta de un feed iCalendar: ``suscripciones/<nombre>.ics``."""
    return f"suscripciones/{nombre}.ics"


def feed_absoluto(url_base: str, nombre: str) -> str:
    """URL pública de un feed iCalendar (la que se copia para suscribirse):
    ``https://sitio/suscripciones/<nombre>.ics``."""
    return absoluta(url_base, feed(nombre))


def webcal(url: str) -> str:
    """La misma URL pública con el esquema ``webcal://``, que abre la agenda del sistema para
    suscribirse con un clic: ``https://sitio/x.ics`` → ``webcal://sitio/x.ics``."""
    return "webcal://" + url.split("://", 1)[-1]


ACTIVO_PLOTLY = "activos/plotly.min.js"
ACTIVO_GRAFICAS = "activos/graficas.js"
ACTIVO_FILTROS = "activos/filtros.js"
ACTIVO_BUSCAR = "activos/buscar.js"
#: Lleva de un ancla o una página de antes a la nueva (``sitio/permanencia``).
ACTIVO_DIRECCIONES = "activos/direcciones.js"
ACTIVO_COPIAR = "activos/copiar.js"
ACTIVO_AGENDA = "activos/agenda.js"


def activo_desde(activo: str, origen: str) -> str:
    """URL relativa de un archivo estático generado desde la página ``origen``; una página
    HTML generada (``x/index.html``) se enlaza por su carpeta (``x/``)."""
    base = Destino(origen).url()
    destino = url_de_archivo(activo)
    relativa = posixpath.relpath("/" + destino, "/" + base)
    return relativa + "/" if destino.endswith("/") and not relativa.endswith("/") else relativa


def archivo_desde(ruta: str, origen: str) -> str:
    """Enlace Markdown a un archivo generado (feed, PDF) desde la página ``origen``: relativo
    a la carpeta del Markdown, como lo comprueba MkDocs."""
    return posixpath.relpath(ruta, posixpath.dirname(origen) or ".")


def slug_acuerdo(numero: str) -> str:
    """INE/JGE06/2020 → ine-jge06-2020; IEEQ/CG/A/012/24 → ieeq-cg-a-012-24. Dos números
    distintos con el mismo slug son un error de los datos (``carga/referencias.py``)."""
    return numero.lower().replace("/", "-")


def acuerdo(numero: str) -> Destino:
    """Página de un acuerdo, por su número oficial."""
    return Destino(f"acuerdos/{slug_acuerdo(numero)}.md")


def sesion(ident: str) -> Destino:
    """Página de una sesión celebrada."""
    return Destino(f"sesiones/{ident}.md")


def area(ident: str) -> Destino:
    """Página de un área responsable."""
    return Destino(f"areas/{ident}.md")


def mecanismo(ident: str) -> Destino:
    """Página de un mecanismo a través de los años."""
    return Destino(f"mecanismos/{ident}.md")


def institucion(ident: str) -> Destino:
    """Página de una institución."""
    return Destino(f"instituciones/{ident}.md")


#: Anclas de apartado de la página de documento: ningún registro puede usar estos ids.
APARTADOS: frozenset[str] = frozenset({
    "datos", "siglas", "ejes", "objetivos", "lineas-accion", "mecanismos", "temas",
    "cronograma", "fichas", "sesiones-programadas", "integrantes", "sesiones", "compromisos",
    "acuerdos", "cifras", "avisos", "contenido", "cambios", "continua-en", "historia-compromisos",
})


def referencia(ref: str, coleccion: str) -> Destino:
    """Destino de una referencia ``documento/registro`` según su colección."""
    doc, ident = ref.split("/", 1)
    if coleccion == "temas":
        return tema(doc, ident)
    if coleccion == "sesiones_programadas":
        return ancla(doc, ident)
    raise ValueError(f"colección sin URL: {coleccion}")


# --- Anexos para la Gaceta y direcciones cortas -------------------------------------------------

ANEXOS = Destino("anexos/index.md")
#: Lista legible por máquina de los anexos (tamaño, páginas y SHA-256 de cada PDF).
LISTA_ANEXOS = "anexos/anexos.json"
#: Huellas de los anexos en el formato de ``sha256sum -c`` (rutas relativas a la raíz del sitio).
SUMAS_ANEXOS = "anexos/SHA256SUMS"

#: Todo número de acuerdo que acepta el esquema (su forma se define solo allí) tiene dirección
#: corta: mayúsculas, dígitos, guiones y «/», nada que escapar en una URL.
_NUMERO_CITABLE = re.compile(PATRON_NUMERO_ACUERDO)


def anexo_vista(doc: str) -> str:
    """Archivo de la vista de impresión del anexo: ``documentos/<doc>/anexo/index.html``."""
    return f"documentos/{doc}/anexo/index.html"


def anexo_pdf(doc: str) -> str:
    """Archivo del anexo en PDF: ``documentos/<doc>/anexo.pdf``."""
    return f"documentos/{doc}/anexo.pdf"


_ANEXO_PDF = re.compile(r"documentos/[^/]+/anexo\.pdf")


def es_anexo_pdf(ruta: str) -> bool:
    """Si ``ruta`` es la de un anexo en PDF (``anexo_pdf``)."""
    return _ANEXO_PDF.fullmatch(ruta) is not None


def descarga_anexo(doc: str) -> str:
    """Nombre sugerido al descargar el PDF (único entre documentos): ``<doc>-anexo.pdf``."""
    return f"{doc}-anexo.pdf"


def ruta_corta_acuerdo(numero: str) -> str | None:
    """Archivo de la dirección corta de un acuerdo, que se lee como su número:
    INE/JGE06/2020 → ``INE/JGE06/2020/index.html``; ``None`` si el número no tiene la forma del
    esquema (``PATRON_NUMERO_ACUERDO``)."""
    if not _NUMERO_CITABLE.fullmatch(numero):
        return None
    return f"{numero}/index.html"


def url_de_archivo(ruta: str) -> str:
    """URL (relativa a la raíz) de un archivo generado: ``x/index.html`` → ``x/``."""
    if ruta == "index.html":
        return ""
    if ruta.endswith("/index.html"):
        return ruta[: -len("index.html")]
    return ruta


def absoluta(url_base: str, url: str) -> str:
    """URL absoluta permanente: ``url_base`` (con o sin barra final) + URL relativa a la raíz."""
    return url_base.rstrip("/") + "/" + url.lstrip("/")


def relativa(url: str, desde: str) -> str:
    """Enlace relativo entre dos URL relativas a la raíz (``desde`` es una URL de directorio o de
    archivo), para HTML que MkDocs no reescribe: ``documentos/x/`` desde ``documentos/x/anexo/``
    → ``../``."""
    base = desde if desde.endswith("/") or desde == "" else posixpath.dirname(desde) + "/"
    destino, ancla = (url.split("#", 1) + [""])[:2]
    resultado = posixpath.relpath("/" + destino, "/" + base) if destino != base else "."
    if destino.endswith("/") or destino == "":
        resultado = resultado.rstrip("/") + "/"
    if resultado == "./" and ancla:
        resultado = ""
    return resultado + (f"#{ancla}" if ancla else "")


#: Anclas de la página de documento que añade el anexo (apartados reservados).
APARTADOS = APARTADOS | {"anexo", "como-citar"}


# --- Datos abiertos, esquemas y novedades -------------------------------------------------------

#: Página «Datos abiertos» (qué hay, cómo abrirlo, cómo citarlo, licencia) y el diccionario.
DATOS_ABIERTOS = Destino("datos/index.md")
DICCIONARIO = Destino("datos/diccionario.md")
#: Apartado de la página de cada documento con sus descargas.
APARTADO_DATOS_ABIERTOS = "datos-abiertos"
#: Catálogo DCAT para la cosecha de portales de datos (datos.gob.mx lo busca en la raíz).
DCAT = "data.json"


def datos_sitio(nombre: str) -> str:
    """Archivo de datos abiertos del sitio completo: ``datos/<nombre>`` (``datapackage.json``,
    ``programas-spen.xlsx``…)."""
    return f"datos/{nombre}"


def tabla_sitio(tabla: str) -> str:
    """CSV de una tabla del sitio completo: ``datos/csv/<tabla>.csv``."""
    return f"datos/csv/{tabla}.csv"


def datos_documento(doc: str, nombre: str) -> str:
    """Archivo de datos abiertos de un documento: ``documentos/<doc>/datos/<nombre>``."""
    return f"documentos/{doc}/datos/{nombre}"


def tabla_documento(doc: str, tabla: str) -> str:
    """CSV de una tabla de un documento: ``documentos/<doc>/datos/<tabla>.csv``."""
    return datos_documento(doc, f"{tabla}.csv")


def descarga_datos(doc: str, nombre: str) -> str:
    """Nombre sugerido al descargar un archivo de un documento (único entre documentos):
    ``<doc>-<nombre>``."""
    return f"{doc}-{nombre}"


def esquema(nombre: str) -> str:
    """Esquema JSON publicado: ``esquema/<nombre>`` (la ruta de su ``$id``)."""
    return f"esquema/{nombre}"


def novedades(institucion: str | None = None) -> str:
    """Feed Atom de novedades: ``suscripciones/novedades.atom`` (todo el sitio) o
    ``suscripciones/novedades-<institución>.atom``."""
    return "suscripciones/novedades.atom" if institucion is None else f"suscripciones/novedades-{institucion}.atom"


APARTADOS = APARTADOS | {APARTADO_DATOS_ABIERTOS}


# --- URL desde la raíz (el manifiesto de URL publicadas, ``permanencia``) ----------------------


def desde_la_raiz(url: str) -> str:
    """Una URL relativa a la raíz como se escribe en el manifiesto: con ``/`` inicial
    (``documentos/x/`` → ``/documentos/x/``; la portada, ``/``)."""
    return "/" + url


def archivo_de_url(url: str) -> str:
    """El archivo del sitio que sirve una URL desde la raíz (sin ancla): ``/x/`` →
    ``x/index.html``; ``/x.csv`` → ``x.csv``."""
    ruta = url.split("#", 1)[0].lstrip("/")
    return ruta + "index.html" if ruta.endswith("/") or ruta == "" else ruta


def carpetas_de(url: str) -> list[str]:
    """Las URL de las carpetas que contienen ``url`` (desde la raíz), de la más cercana a la
    portada: ``/acuerdos/x/#a`` → ``["/acuerdos/", "/"]``."""
    partes = url.split("#", 1)[0].strip("/").split("/")
    return [desde_la_raiz("".join(f"{p}/" for p in partes[:n])) for n in range(len(partes) - 1, -1, -1)]
