"""Las páginas de los datos abiertos y lo que añaden a las demás, con el modelo de bloques
(``sitio.secciones``): «Datos abiertos» (qué hay, cómo abrirlo en una hoja de cálculo, cómo
citarlo, la licencia), «Diccionario de datos», el apartado de descargas de cada documento, los
feeds Atom en la página de suscripciones y los datos estructurados (JSON-LD) de documentos,
acuerdos y sesiones.

Funciones puras: reciben lo ya publicado (``publicar.DatosAbiertos``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from programas_spen.anexos.integridad import tamano_legible
from programas_spen.datos_abiertos import jsonld
from programas_spen.datos_abiertos.atribucion import (
    FECHA_CONSULTA,
    LICENCIA,
    NOMBRE_CONJUNTO,
    cita,
    fecha_sitio,
    siglas_instituciones,
)
from programas_spen.datos_abiertos.descarga import Descarga
from programas_spen.datos_abiertos.diccionario import ejemplo as ejemplo_de
from programas_spen.datos_abiertos.diccionario import referencia, vocabulario
from programas_spen.datos_abiertos.esquema_tabla import NO_DADO, NOMBRES_TIPOS
from programas_spen.datos_abiertos.hojas_csv import DISPARADORES
from programas_spen.datos_abiertos.publicar import DICCIONARIO_CSV, DatosAbiertos
from programas_spen.modelo.registros import Documento
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.secciones import (
    Bloque,
    Codigo,
    Elemento,
    Enlace,
    Fila,
    Fuerte,
    Lista,
    Pagina,
    Parrafo,
    Seccion,
    Tabla,
    unir,
)

#: Clase de los párrafos con un texto para citar (se copia tal cual).
CLASE_CITA = "cita-datos"


def enlace_archivo(archivo: Descarga, desde: str, texto: str | None = None) -> Enlace:
    """Enlace de descarga a un archivo publicado, relativo a la página ``desde`` (ruta de la
    página), con el nombre con que se guarda."""
    return Enlace(texto or archivo.titulo, urls.relativa(archivo.ruta, urls.Destino(desde).url()),
                  descarga=archivo.nombre_descarga)


def tabla_descargas(archivos: Sequence[Descarga], desde: str) -> Tabla:
    """Archivo (enlace de descarga), formato, tamaño y SHA-256 de cada archivo."""
    return Tabla(("Archivo", "Formato", "Tamaño", "SHA-256"), tuple(
        Fila(((enlace_archivo(a, desde),), a.formato, tamano_legible(a.bytes), (Codigo(a.sha256),)))
        for a in archivos), clase="descargas")


def _cita(texto: str) -> Parrafo:
    return Parrafo(unir(Fuerte("Cómo citar:"), " ", texto), clase=CLASE_CITA)


def _licencia() -> Enlace:
    return Enlace(LICENCIA.titulo, LICENCIA.url)


def bloque_descargas_documento(doc: Documento, grafo: Grafo, url_base: str,
                               datos: DatosAbiertos) -> tuple[Bloque, ...]:
    """El apartado «Datos abiertos» de la página de un documento: sus archivos con tamaño y
    SHA-256, el texto para citarlos, la licencia y sus datos estructurados."""
    desde = urls.documento(doc.id).ruta
    archivos = datos.por_documento.get(doc.id, [])
    url = urls.absoluta(url_base, urls.apartado(doc.id, urls.APARTADO_DATOS_ABIERTOS).url())
    texto_cita = cita(f"{NOMBRE_CONJUNTO}: {' '.join(doc.titulo_corto.split())}",
                      siglas_instituciones([doc], grafo), url)
    return (Seccion("Datos abiertos", (
        Parrafo("Los registros de este documento para descargar y reutilizar: una tabla por clase de registro "
                f"(CSV), todas juntas en un libro de hoja de cálculo (XLSX) y el documento completo en JSON. Donde "
                f"la fuente no da un dato, la celda dice «{NO_DADO}»."),
        tabla_descargas(archivos, desde),
        _cita(texto_cita),
        Parrafo(unir("Licencia: ", _licencia(), ". Qué significa cada columna: ",
                     Enlace("Diccionario de datos", urls.DICCIONARIO), ". Cómo abrir los archivos y los datos de "
                     "todo el sitio: ", Enlace("Datos abiertos", urls.DATOS_ABIERTOS), ".")),
        jsonld.script(jsonld.documento(doc, grafo, url_base, archivos)),
    ), id=urls.APARTADO_DATOS_ABIERTOS, solo_web=True),)


def _tabla_del_sitio(datos: DatosAbiertos, nombre: str) -> Descarga:
    ruta = urls.tabla_sitio(nombre)
    return next(d for d in datos.del_sitio if d.ruta == ruta)


def pagina_datos_abiertos(grafo: Grafo, url_base: str, datos: DatosAbiertos) -> Pagina:
    """La página «Datos abiertos»: qué hay, descargas, cómo abrirlo, cómo citarlo, licencia."""
    desde = urls.DATOS_ABIERTOS.ruta
    documentos = grafo.datos.documentos
    pagina_url = urls.absoluta(url_base, urls.DATOS_ABIERTOS.url())
    texto_cita = cita(NOMBRE_CONJUNTO, siglas_instituciones(documentos, grafo), pagina_url)
    principales = [d for d in datos.del_sitio if not d.ruta.endswith(".csv")]
    tablas = tuple(Elemento(unir(
        Fuerte(t.esquema.titulo), f" — {len(t.filas)} fila(s). {t.esquema.descripcion} ",
        enlace_archivo(_tabla_del_sitio(datos, t.nombre), desde, f"{t.nombre}.csv"), " · ",
        Enlace("sus columnas", urls.Destino(urls.DICCIONARIO.ruta, f"tabla-{t.nombre}"))))
        for t in datos.tablas.values())
    por_documento = tuple(Elemento((Enlace(doc.titulo_corto, urls.apartado(doc.id, urls.APARTADO_DATOS_ABIERTOS)),))
                          for doc in documentos)
    feeds = tuple(Elemento((enlace_archivo(f, desde),)) for f in datos.feeds)
    disparadores = " ".join(d for d in DISPARADORES if d.strip())
    cuerpo: list[Bloque] = [
        Parrafo("Todo lo que publica este sitio se puede descargar y reutilizar: cada programa, actividad, tema, "
                "sesión, compromiso y acuerdo, tal como lo dan los documentos fuente, en archivos que abre "
                "cualquier hoja de cálculo o programa."),
        Seccion("Qué hay", (
            Parrafo("Una tabla por clase de registro. Cada fila es un registro y cada columna un dato; las fechas "
                    f"se escriben AAAA-MM-DD y los números como números. Donde la fuente no da un dato, la celda "
                    f"dice «{NO_DADO}»: nunca se rellena ni se adivina."),
            Lista(tablas),
        ), id="que-hay"),
        Seccion("Descargar todo", (
            Parrafo("El ZIP trae todas las tablas, el libro de hoja de cálculo, el JSON, el Data Package y el "
                    "diccionario. El tamaño y la huella SHA-256 de cada archivo permiten comprobar que llegó "
                    "completo."),
            tabla_descargas(principales, desde),
        ), id="descargar-todo"),
        Seccion("Los datos de cada documento", (
            Parrafo("Cada documento tiene sus propias descargas al final de su página:"),
            Lista(por_documento),
        ), id="por-documento"),
        Seccion("Cómo abrirlo en una hoja de cálculo", (
            Lista((
                Elemento(unir(Fuerte("Lo más sencillo:"), " descargue el libro XLSX (del sitio o de un documento) "
                              "y ábralo con Excel, LibreOffice Calc o Google Sheets. Cada tabla es una hoja; la "
                              "primera, «leame», explica el contenido.")),
                Elemento(unir(Fuerte("Un CSV en Excel:"), " en lugar de abrirlo con doble clic, use Datos → "
                              "Obtener datos → Desde texto/CSV, elija «65001: Unicode (UTF-8)» como origen del "
                              "archivo y la coma como delimitador; así los acentos y la ñ se ven bien.")),
                Elemento(unir(Fuerte("Un CSV en LibreOffice Calc:"), " al abrirlo, elija el juego de caracteres "
                              "«Unicode (UTF-8)» y separado por coma.")),
                Elemento(unir(Fuerte("Un CSV en Google Sheets:"), " Archivo → Importar → Subir; la coma se "
                              "detecta sola.")),
                Elemento(unir(Fuerte("Textos con apóstrofo:"), f" en los CSV, un texto que empieza con "
                              f"{disparadores} lleva un apóstrofo (') delante, para que ninguna hoja de cálculo "
                              "lo tome como fórmula; quítelo para tener el texto exacto. El XLSX y el JSON lo traen "
                              "sin apóstrofo.")),
                Elemento(unir(Fuerte("Unir tablas:"), " los registros de un documento se identifican por las "
                              "columnas «documento» e «id»; las columnas que nombran otra tabla (por ejemplo "
                              "«area» en «compromisos») se unen con su «id». El diccionario dice cuáles.")),
            )),
        ), id="como-abrirlo"),
        Seccion("Cómo citar", (
            Parrafo("La licencia pide citar la fuente con el nombre del conjunto de datos, las siglas de la "
                    "institución, la dirección (URL) de donde se descargaron y la fecha de consulta. Copie este "
                    f"texto y cambie «{FECHA_CONSULTA}» por el día en que consultó los datos:"),
            _cita(texto_cita),
            Parrafo("Cada documento tiene su propio texto para citar junto a sus descargas."),
        ), id="como-citar"),
        Seccion("Licencia", (
            Parrafo(unir("Los datos se publican bajo los ", _licencia(), ". Puede copiarlos, distribuirlos, "
                         "publicarlos, adaptarlos, extraer una parte, usarlos con fines comerciales y crear otros "
                         "conjuntos de datos a partir de ellos, siempre que:")),
            Lista((
                Elemento("cite la fuente como se indica arriba;"),
                Elemento("no los use para engañar o confundir cambiando el sentido original de la información o "
                         "su veracidad;"),
                Elemento("no aparente que su uso representa una posición oficial de la institución o que esta lo "
                         "respalda."),
            )),
        ), id="licencia"),
        Seccion("Diccionario de datos", (
            Parrafo(unir("Qué significa cada columna de cada tabla, su tipo, si puede faltar, sus valores posibles "
                         "y un ejemplo: ", Enlace("Diccionario de datos", urls.DICCIONARIO), " (también en ",
                         enlace_archivo(_diccionario(datos), desde, DICCIONARIO_CSV), ").")),
        ), id="diccionario"),
        Seccion("Para programas y portales", (
            Lista((
                Elemento(unir(Codigo("datapackage.json"), ": un Data Package de Frictionless (v2) con el esquema "
                              "de cada tabla (tipos, restricciones, claves primarias y foráneas); se comprueba con ",
                              Codigo("frictionless validate datapackage.json"), ".")),
                Elemento(unir(Codigo("data.json"), ": el catálogo para la cosecha de portales de datos "
                              "(datos.gob.mx).")),
                Elemento(unir(Codigo("esquema/*.schema.json"), ": los esquemas JSON de los documentos, del catálogo "
                              "y del JSON del sitio.")),
                Elemento(unir(Codigo("datos/archivos.json"), " y ", Codigo("datos/SHA256SUMS"), ": el tamaño y la "
                              "huella SHA-256 de cada archivo; en una copia del sitio, ",
                              Codigo("sha256sum -c datos/SHA256SUMS"), " los comprueba todos.")),
            )),
            tabla_descargas(datos.metadatos, desde),
        ), id="para-programas"),
        Seccion("Novedades", (
            Parrafo(unir("Feeds Atom con cada documento nuevo, cada informe de seguimiento nuevo y cada compromiso "
                         "cuyo estatus o porcentaje cambió de un informe al siguiente; véase también ",
                         Enlace("Suscribirse a los calendarios", urls.SUSCRIPCIONES), ".")),
            Lista(feeds),
        ), id="novedades"),
        jsonld.script({"@context": jsonld.CONTEXTO, **jsonld.conjunto(
            pagina_url, NOMBRE_CONJUNTO, "Programas de trabajo del Servicio Profesional Electoral Nacional (SPEN) y "
            "su seguimiento, en tablas abiertas.", documentos, grafo, principales, url_base, fecha_sitio(grafo),
            pagina_url)}),
    ]
    return Pagina(desde, "Datos abiertos", tuple(cuerpo),
                  descripcion="Todos los datos del sitio para descargar: tablas CSV, libro XLSX, JSON y Data "
                              "Package, con su diccionario, licencia Libre Uso MX y cómo citarlos.")


def _diccionario(datos: DatosAbiertos) -> Descarga:
    ruta = urls.datos_sitio(DICCIONARIO_CSV)
    return next(d for d in datos.del_sitio if d.ruta == ruta)


def pagina_diccionario(datos: DatosAbiertos) -> Pagina:
    """El diccionario de datos: cada tabla con sus columnas."""
    desde = urls.DICCIONARIO.ruta
    cuerpo: list[Bloque] = [
        Parrafo(unir("Cada tabla de los ", Enlace("datos abiertos", urls.DATOS_ABIERTOS), " con sus columnas: tipo, "
                     f"si puede faltar («{NO_DADO}»), valores posibles, un ejemplo de los datos publicados y qué "
                     "significa. Lo mismo, como tabla: ", enlace_archivo(_diccionario(datos), desde, DICCIONARIO_CSV),
                     ".")),
    ]
    for tabla in datos.tablas.values():
        esquema = tabla.esquema
        filas = []
        for columna in esquema.columnas:
            filas.append(Fila(((Codigo(columna.nombre),), NOMBRES_TIPOS[columna.tipo],
                               "no" if columna.requerida else "sí", vocabulario(columna) or "—",
                               ejemplo_de(tabla, columna),
                               unir(columna.descripcion, (" Apunta a: " + ref) if (ref := referencia(
                                   esquema, columna.nombre)) else None))))
        cuerpo.append(Seccion(f"{esquema.titulo} ({esquema.nombre})", (
            Parrafo(esquema.descripcion),
            Parrafo(unir(Fuerte("Identifica cada fila:"), " ", ", ".join(esquema.clave_primaria), ". ",
                         Fuerte("Filas:"), f" {len(tabla.filas)}. ",
                         enlace_archivo(_tabla_del_sitio(datos, esquema.nombre), desde, f"{esquema.nombre}.csv"))),
            Tabla(("Columna", "Tipo", "¿Puede faltar?", "Valores posibles", "Ejemplo", "Qué significa"),
                  tuple(filas)),
        ), id=f"tabla-{esquema.nombre}"))
    return Pagina(desde, "Diccionario de datos", tuple(cuerpo),
                  descripcion="Cada tabla de los datos abiertos con sus columnas: tipo, si puede faltar, valores "
                              "posibles, un ejemplo y qué significa.")


def seccion_novedades(datos: DatosAbiertos) -> Seccion:
    """El apartado de los feeds Atom en la página de suscripciones."""
    desde = urls.SUSCRIPCIONES.ruta
    return Seccion("Novedades (Atom)", (
        Parrafo("Además de los calendarios, un lector de feeds (Feedly, Thunderbird, NetNewsWire…) puede avisar de "
                "cada documento nuevo, cada informe de seguimiento nuevo y cada compromiso cuyo estatus o "
                "porcentaje cambió. Copie la dirección del enlace y agréguela a su lector:"),
        Lista(tuple(Elemento((enlace_archivo(f, desde),)) for f in datos.feeds)),
    ), id="novedades")


def ampliar(paginas: Sequence[Pagina], grafo: Grafo, url_base: str, datos: DatosAbiertos) -> list[Pagina]:
    """Las páginas con lo que añaden los datos abiertos: los datos estructurados de cada acuerdo
    y cada sesión, los feeds Atom en la página de suscripciones y, en las páginas de una
    institución con feed, el feed de esa institución (metadato ``novedades``, que el tema pone
    en la cabecera)."""
    acuerdos = {urls.acuerdo(n).ruta: f for n, f in grafo.acuerdos.items()}
    sesiones = {urls.sesion(s).ruta: f for s, f in grafo.sesiones.items()}
    con_feed = {f.ruta for f in datos.feeds}
    resultado = []
    for pagina in paginas:
        extra: tuple[Bloque, ...] = ()
        if pagina.ruta in acuerdos:
            extra = (jsonld.script(jsonld.acuerdo(acuerdos[pagina.ruta], grafo, url_base)),)
        elif pagina.ruta in sesiones:
            extra = (jsonld.script(jsonld.sesion(sesiones[pagina.ruta], grafo, url_base)),)
        elif pagina.ruta == urls.SUSCRIPCIONES.ruta:
            extra = (seccion_novedades(datos),)
        if extra:
            pagina = dataclasses.replace(pagina, cuerpo=(*pagina.cuerpo, *extra))
        if pagina.institucion and urls.novedades(pagina.institucion) in con_feed:
            institucion = grafo.instituciones[pagina.institucion]
            pagina = dataclasses.replace(pagina, meta={**pagina.meta, "novedades": {
                "ruta": urls.novedades(pagina.institucion),
                "titulo": f"Novedades de {institucion.nombre}"}})
        resultado.append(pagina)
    return resultado
