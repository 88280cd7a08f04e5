"""Todos los archivos de datos abiertos del sitio, con su ficha (tamaño y SHA-256).

Del sitio completo (``datos/``): un CSV por tabla, el diccionario, el libro XLSX, el JSON del
modelo, el ``datapackage.json`` y un ZIP con todo; los esquemas JSON (``esquema/``). De cada
documento (``documentos/<doc>/datos/``): el CSV de cada tabla que tiene filas, el XLSX, el JSON
y un ZIP. Además, los feeds Atom de novedades, el catálogo DCAT (``data.json``) y las listas
de tamaños y huellas de todo lo anterior (``datos/archivos.json`` y ``datos/SHA256SUMS``).

Antes de escribir nada, cada fila se revisa contra el esquema de su tabla
(``integridad.exigir``): si alguna no cumple, se lanza ``TablasInvalidas`` y no se publica.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from programas_spen.datos_abiertos import atom, dcat, integridad, json_datos
from programas_spen.datos_abiertos.atribucion import (
    LICENCIA,
    NOMBRE_CONJUNTO,
    cita,
    fecha_documento,
    fecha_sitio,
    momento,
    palabras_clave,
    siglas_instituciones,
)
from programas_spen.datos_abiertos.descarga import Descarga, descarga
from programas_spen.datos_abiertos.diccionario import tabla_diccionario
from programas_spen.datos_abiertos.esquema_tabla import NO_DADO, Tabla
from programas_spen.datos_abiertos.hojas_csv import escribir_csv
from programas_spen.datos_abiertos.libro_xlsx import escribir_xlsx
from programas_spen.datos_abiertos.paquete import datapackage, recurso
from programas_spen.datos_abiertos.tablas import construir_tablas, tablas_documento
from programas_spen.datos_abiertos.zip_descargas import empaquetar
from programas_spen.modelo.registros import Documento
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo

XLSX_SITIO = "programas-spen.xlsx"
JSON_SITIO = "programas-spen.json"
ZIP_SITIO = "programas-spen.zip"
DATAPACKAGE = "datapackage.json"
DICCIONARIO_CSV = "diccionario.csv"
LISTA = "archivos.json"
SUMAS = "SHA256SUMS"
#: Nombres de los archivos de un documento (en ``documentos/<doc>/datos/``).
XLSX_DOCUMENTO = "datos.xlsx"
JSON_DOCUMENTO = "datos.json"
ZIP_DOCUMENTO = "datos.zip"


@dataclass
class DatosAbiertos:
    """Lo publicado: los archivos (ruta, bytes) y sus fichas, las del sitio y las de cada
    documento, las tablas y el diccionario, y la fecha de los datos."""

    archivos: list[tuple[str, bytes]] = field(default_factory=list)
    del_sitio: list[Descarga] = field(default_factory=list)
    por_documento: dict[str, list[Descarga]] = field(default_factory=dict)
    feeds: list[Descarga] = field(default_factory=list)
    #: El catálogo DCAT y las listas de tamaños y huellas.
    metadatos: list[Descarga] = field(default_factory=list)
    tablas: dict[str, Tabla] = field(default_factory=dict)
    diccionario: Tabla | None = None
    fecha: str = ""

    def agregar(self, ruta: str, contenido: bytes, titulo: str, descripcion: str,
                nombre_descarga: str | None = None) -> Descarga:
        """Añade un archivo y devuelve su ficha."""
        self.archivos.append((ruta, contenido))
        return descarga(ruta, contenido, titulo, descripcion, nombre_descarga)


def leame(nombre: str, siglas: Sequence[str], url: str) -> list[str]:
    """Los párrafos de la hoja «léame» del XLSX y del ``LEAME.txt`` de los ZIP."""
    return [
        nombre,
        "Transcripción de los documentos fuente del Servicio Profesional Electoral Nacional (SPEN): una tabla "
        "por clase de registro; cada fila es un registro y cada columna un campo.",
        f"Donde la fuente no da un dato, la celda dice «{NO_DADO}».",
        "Qué significa cada columna: el diccionario de datos (diccionario.csv y la página «Diccionario de datos» "
        "del sitio).",
        "En los CSV, un texto que empieza con =, +, -, @ o ' lleva un apóstrofo delante para que ninguna hoja de "
        "cálculo lo tome como fórmula; quítelo para recuperar el texto exacto. El XLSX y el JSON traen el texto "
        "sin apóstrofo.",
        f"Licencia: {LICENCIA.titulo} ({LICENCIA.url}).",
        f"Cítese así: {cita(nombre, siglas, url)}",
    ]


def _texto(parrafos: Sequence[str]) -> bytes:
    return ("\n\n".join(parrafos) + "\n").encode("utf-8")


def _documento(da: DatosAbiertos, doc: Documento, grafo: Grafo, url_base: str) -> None:
    """Los archivos de un documento."""
    propias = tablas_documento(da.tablas, doc.id)
    fecha = fecha_documento(doc, grafo).valor
    url_datos = urls.absoluta(url_base, urls.apartado(doc.id, urls.APARTADO_DATOS_ABIERTOS).url())
    nombre = f"{NOMBRE_CONJUNTO}: {' '.join(doc.titulo_corto.split())}"
    parrafos = leame(nombre, siglas_instituciones([doc], grafo), url_datos)
    fichas: list[Descarga] = []
    en_zip: list[tuple[str, bytes]] = [("LEAME.txt", _texto(parrafos))]
    libro = escribir_xlsx([*propias.values()], parrafos, fecha)
    modelo = json_datos.serializar(json_datos.documento_json(doc))
    for nombre_archivo, contenido, titulo, descripcion in (
        (ZIP_DOCUMENTO, None, "Todo en un ZIP", "Las tablas en CSV, el libro XLSX, el JSON y el diccionario."),
        (XLSX_DOCUMENTO, libro, "Libro XLSX", "Una hoja por tabla, para abrir en una hoja de cálculo."),
        (JSON_DOCUMENTO, modelo, "JSON", "El documento completo, con la forma de su archivo de datos "
                                         f"(esquema: {urls.esquema(json_datos.ESQUEMA_DOCUMENTO)})."),
    ):
        if contenido is None:
            continue
        en_zip.append((nombre_archivo, contenido))
        fichas.append(da.agregar(urls.datos_documento(doc.id, nombre_archivo), contenido, titulo, descripcion,
                                 urls.descarga_datos(doc.id, nombre_archivo)))
    for tabla in propias.values():
        csv = escribir_csv(tabla)
        en_zip.append((f"csv/{tabla.nombre}.csv", csv))
        fichas.append(da.agregar(urls.tabla_documento(doc.id, tabla.nombre), csv, f"Tabla «{tabla.nombre}» (CSV)",
                                 f"{tabla.esquema.titulo}: {len(tabla.filas)} fila(s).",
                                 urls.descarga_datos(doc.id, f"{tabla.nombre}.csv")))
    assert da.diccionario is not None
    en_zip.append((DICCIONARIO_CSV, escribir_csv(da.diccionario)))
    paquete = empaquetar([(f"{doc.id}/{n}", c) for n, c in en_zip], fecha)
    ficha_zip = da.agregar(urls.datos_documento(doc.id, ZIP_DOCUMENTO), paquete, "Todo en un ZIP",
                           "Las tablas en CSV, el libro XLSX, el JSON y el diccionario de datos.",
                           urls.descarga_datos(doc.id, ZIP_DOCUMENTO))
    da.por_documento[doc.id] = [ficha_zip, *fichas]


def _sitio(da: DatosAbiertos, grafo: Grafo, url_base: str) -> None:
    """Los archivos del sitio completo."""
    assert da.diccionario is not None
    pagina = urls.absoluta(url_base, urls.DATOS_ABIERTOS.url())
    documentos = grafo.datos.documentos
    parrafos = leame(NOMBRE_CONJUNTO, siglas_instituciones(documentos, grafo), pagina)
    en_zip: list[tuple[str, bytes]] = [("LEAME.txt", _texto(parrafos))]
    fichas: list[Descarga] = []
    recursos = []
    for tabla in [*da.tablas.values(), da.diccionario]:
        csv = escribir_csv(tabla)
        ruta_relativa = DICCIONARIO_CSV if tabla is da.diccionario else f"csv/{tabla.nombre}.csv"
        ruta = urls.datos_sitio(ruta_relativa)
        ficha = da.agregar(ruta, csv, f"Tabla «{tabla.nombre}» (CSV)", f"{tabla.esquema.titulo}: "
                           f"{len(tabla.filas)} fila(s).")
        fichas.append(ficha)
        en_zip.append((ruta_relativa, csv))
        recursos.append(recurso(tabla, ruta_relativa, csv, ficha.sha256))
    url_documento = {d.id: urls.absoluta(url_base, urls.documento(d.id).url()) for d in documentos}
    paquete = datapackage(recursos, documentos, url_documento, urls.absoluta(url_base, urls.datos_sitio(DATAPACKAGE)),
                          pagina, momento(da.fecha), palabras_clave(documentos, grafo))
    principales: list[Descarga] = []
    for nombre, contenido, titulo, descripcion in (
        (XLSX_SITIO, escribir_xlsx([*da.tablas.values(), da.diccionario], parrafos, da.fecha), "Libro XLSX",
         "Todas las tablas, una hoja por tabla, y el diccionario."),
        (JSON_SITIO, json_datos.serializar(json_datos.datos_json(grafo.datos)), "JSON",
         f"El catálogo y todos los documentos (esquema: {urls.esquema(json_datos.ESQUEMA_DATOS)})."),
        (DATAPACKAGE, json_datos.serializar(paquete), "Data Package (Frictionless)",
         "La descripción de cada tabla: tipos, restricciones, claves primarias y foráneas."),
    ):
        en_zip.append((nombre, contenido))
        principales.append(da.agregar(urls.datos_sitio(nombre), contenido, titulo, descripcion))
    for nombre, esquema in json_datos.esquemas_publicados(url_base).items():
        contenido = json_datos.serializar(esquema)
        en_zip.append((f"esquema/{nombre}", contenido))
        principales.append(da.agregar(urls.esquema(nombre), contenido, f"Esquema JSON «{nombre}»",
                                      str(esquema.get("title") or "")))
    ficha_zip = da.agregar(urls.datos_sitio(ZIP_SITIO), empaquetar(en_zip, da.fecha), "Todo en un ZIP",
                           "Todas las tablas en CSV, el libro XLSX, el JSON, el Data Package, los esquemas y el "
                           "diccionario de datos.")
    da.del_sitio = [ficha_zip, *principales, *fichas]


def _listas(fichas: Sequence[Descarga], url_base: str) -> tuple[bytes, bytes]:
    """``archivos.json`` y ``SHA256SUMS`` de los archivos publicados."""
    lista = {"descripcion": "Cada archivo de datos abiertos del sitio, con su URL, formato, tamaño en bytes y "
                            "SHA-256.",
             "archivos": [{"ruta": f.ruta, "url": urls.absoluta(url_base, f.ruta), "formato": f.formato,
                           "tipo_medio": f.tipo_medio, "bytes": f.bytes, "sha256": f.sha256} for f in fichas]}
    sumas = "".join(f"{f.sha256}  {f.ruta}\n" for f in fichas).encode("utf-8")
    return json_datos.serializar(lista), sumas


def publicar(grafo: Grafo, url_base: str, contacto: dcat.Contacto | None = None) -> DatosAbiertos:
    """Todos los archivos de datos abiertos, en orden estable; lanza
    ``integridad.TablasInvalidas`` si alguna fila no cumple el esquema de su tabla. Sin
    ``contacto``, el del sitio (``dcat.contacto_del_sitio``)."""
    tablas = construir_tablas(grafo.datos, lambda doc: urls.absoluta(url_base, urls.documento(doc).url()))
    integridad.exigir(tablas)
    diccionario = tabla_diccionario(tablas)
    integridad.exigir({"diccionario": diccionario})
    da = DatosAbiertos(tablas=tablas, diccionario=diccionario, fecha=fecha_sitio(grafo))
    _sitio(da, grafo, url_base)
    for doc in grafo.datos.documentos:
        _documento(da, doc, grafo, url_base)
    for ruta, contenido in atom.feeds(grafo, url_base):
        institucion = ruta.removeprefix(urls.novedades()[:-len(".atom")]).removeprefix("-").removesuffix(".atom")
        titulo = f"Novedades de {grafo.instituciones[institucion].nombre}" if institucion else "Novedades del sitio"
        da.feeds.append(da.agregar(ruta, contenido, f"{titulo} (Atom)", "Feed Atom de novedades."))
    todas = [*da.del_sitio, *(f for fichas in da.por_documento.values() for f in fichas), *da.feeds]
    catalogo = json_datos.serializar(dcat.catalogo(grafo, url_base, da.del_sitio, da.por_documento, contacto))
    da.metadatos.append(da.agregar(urls.DCAT, catalogo, "Catálogo DCAT (data.json)",
                                   "Metadatos para la cosecha de portales de datos."))
    lista, sumas = _listas([*todas, *da.metadatos], url_base)
    da.metadatos.append(da.agregar(urls.datos_sitio(LISTA), lista, "Lista de archivos (archivos.json)",
                                   "Cada archivo con su URL, formato, tamaño y SHA-256."))
    da.metadatos.append(da.agregar(urls.datos_sitio(SUMAS), sumas, "Huellas (SHA256SUMS)",
                                   "Las huellas en el formato de sha256sum."))
    return da


def por_ruta(da: DatosAbiertos) -> Mapping[str, bytes]:
    """Los archivos publicados por ruta."""
    return dict(da.archivos)
