"""El anexo de un documento en HTML, con la forma de los anexos oficiales, listo para imprimir
y para convertirse en PDF (WeasyPrint): función pura modelo + grafo → HTML.

Su contenido es la descripción del documento que escribe también su página web
(``sitio.documento_secciones``), escrita con la vista impresa de las plantillas del paquete
(``sitio/plantillas/anexo.html`` y su hoja de estilos ``anexo.css``): el anexo impreso, la
página web y los datos abiertos no pueden discrepar. El mismo HTML es la vista de impresión
del sitio (``/documentos/<doc>/anexo/``) y la entrada del PDF. Lleva, como los anexos de la
fuente:

- el encabezado de la institución en cada página (``@page``), el órgano que lo emite, el
  título y el rótulo «Anexo …» con el acuerdo al que pertenece (número, órgano y fecha);
- las siglas, la introducción y demás apartados, y las tablas de calendario por mecanismo o
  apartado con sus columnas de meses (en páginas apaisadas, con los encabezados de tabla
  repetidos en cada página y sin partir filas) y sus notas al pie con su marca (``*``);
- lo que la fuente no dio, escrito como tal («No dado en la fuente»), nunca como celdas vacías;
- no lleva lo que solo es de la página web (avisos de la validación, enlaces al seguimiento,
  resúmenes del sitio) ni lo que el documento solo nombra y el sitio enlaza (las sesiones
  celebradas, los acuerdos que cita): eso está en su prosa, en la portada o en su página;
- «Página x de y», la URL permanente en cada página y, en la primera, un código QR de ella y la
  dirección corta del acuerdo.

Los enlaces del marco son relativos a la vista (``../``): en el PDF, WeasyPrint los resuelve
contra la URL absoluta de la vista y quedan absolutos. Dentro del contenido, un enlace a una
página del sitio se escribe como su texto y uno externo queda como enlace.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from programas_spen.anexos.citas import de_articulo, rotulo_anexo, url_corta
from programas_spen.anexos.integridad import FichaAnexo, tamano_legible
from programas_spen.anexos.qr import qr_svg
from programas_spen.modelo.registros import TIPOS_SESION, Calendario, Documento
from programas_spen.modelo.texto import fecha_larga
from programas_spen.sitio import urls
from programas_spen.sitio.documento_secciones import secciones_documento
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import NO_DADO
from programas_spen.sitio.render import entorno
from programas_spen.sitio.secciones import Aviso, Bloque, Bloques, Detalles, Lista, Seccion, TablaMeses

#: Familias tipográficas libres, instaladas del sistema (fonts-liberation2, fonts-dejavu-core)
#: y encontradas por fontconfig; WeasyPrint incrusta sus subconjuntos en el PDF.
FUENTES = '"Liberation Sans", "DejaVu Sans", sans-serif'


def cadena_css(texto: str) -> Markup:
    """Cadena CSS entre comillas (para ``content``), en una línea, con ``\\``, ``"`` y los
    caracteres que podrían cerrar el ``<style>`` escritos como escapes de CSS."""
    plano = " ".join(texto.split())
    escapada = "".join(f"\\{ord(c):x} " if c in '\\"<>&' else c for c in plano)
    return Markup(f'"{escapada}"')


def fecha_metadatos(doc: Documento, grafo: Grafo) -> str:
    """Fecha (AAAA-MM-DD) que fija los metadatos del PDF, tomada de los datos y nunca del reloj:
    la del documento, la de su acuerdo, la de la sesión en que se presentó o el 1 de enero de
    su año."""
    if doc.fecha:
        return doc.fecha
    if doc.aprobado_por and doc.aprobado_por in grafo.acuerdos:
        fecha = grafo.acuerdos[doc.aprobado_por].primero("fecha")
        if fecha:
            return str(fecha)
    if doc.presentado_en and doc.presentado_en.sesion in grafo.sesiones:
        return grafo.sesiones[doc.presentado_en.sesion].fecha
    return f"{doc.anio:04d}-01-01"


def encabezado_institucion(doc: Documento, grafo: Grafo) -> str:
    """Encabezado de página de la institución, como lo escribe la fuente."""
    institucion = grafo.instituciones[doc.institucion]
    return institucion.encabezado or institucion.nombre.upper()


def _datos_portada(doc: Documento, grafo: Grafo) -> list[str]:
    """La fecha del documento y la sesión en que se presentó, bajo el rótulo."""
    datos = []
    if doc.fecha:
        datos.append(f"Fecha: {fecha_larga(doc.fecha)}")
    if doc.presentado_en and doc.presentado_en.sesion in grafo.sesiones:
        sesion = grafo.sesiones[doc.presentado_en.sesion]
        organo = grafo.organos.get(sesion.organo)
        texto = f"Presentado en la sesión {TIPOS_SESION.get(sesion.tipo, sesion.tipo)}"
        if organo:
            texto += f" {de_articulo(organo.nombre)}"
        texto += f" del {fecha_larga(sesion.fecha)}"
        if doc.presentado_en.punto:
            texto += f", punto {doc.presentado_en.punto} del orden del día"
        datos.append(texto)
    return datos


def _registro_vivo(doc: Documento, url_base: str, desde: str) -> list[tuple[str, str, str]]:
    """Las URL permanentes de la portada (rótulo, enlace relativo a la vista, URL absoluta): la
    página del documento y la dirección corta de su acuerdo."""
    url_pagina = urls.absoluta(url_base, urls.documento(doc.id).url())
    vivo = [("Registro vivo de este documento", urls.relativa(urls.documento(doc.id).url(), desde), url_pagina)]
    corta = url_corta(doc.aprobado_por, url_base) if doc.aprobado_por else None
    if doc.aprobado_por and corta:
        destino = urls.url_de_archivo(urls.ruta_corta_acuerdo(doc.aprobado_por) or "")
        vivo.append((f"Acuerdo {doc.aprobado_por}:", urls.relativa(destino, desde), corta))
    return vivo


def _barra(doc: Documento, vista: FichaAnexo, desde: str) -> dict[str, object]:
    """La barra, solo de pantalla, de la vista de impresión: volver, descargar y huella."""
    enlaces: list[tuple[str, str | None, str | None]] = [
        ("← Página del documento", urls.relativa(urls.documento(doc.id).url(), desde), None)]
    if vista.ruta_pdf:
        detalle = []
        if vista.bytes is not None:
            detalle.append(tamano_legible(vista.bytes))
        if vista.paginas is not None:
            detalle.append(f"{vista.paginas} páginas")
        texto = "Descargar el anexo en PDF" + (f" ({', '.join(detalle)})" if detalle else "")
        enlaces.append((texto, urls.relativa(vista.ruta_pdf, desde), urls.descarga_anexo(doc.id)))
    elif vista.pdf_pendiente:
        enlaces.append(("PDF en preparación (vista previa)", None, None))
    enlaces.append(("Todos los anexos", urls.relativa(urls.ANEXOS.url(), desde), None))
    return {"enlaces": enlaces, "sha256": vista.sha256}


def _dibuja_meses(bloques: Sequence[Bloque]) -> bool:
    """Si entre los bloques hay una tabla de calendario con columnas de meses (que la vista
    impresa dibuja: su apartado va en páginas apaisadas)."""
    for bloque in bloques:
        if isinstance(bloque, TablaMeses) and bloque.meses:
            return True
        if isinstance(bloque, (Seccion, Aviso, Detalles, Bloques)) and _dibuja_meses(bloque.bloques):
            return True
        if isinstance(bloque, Lista) and any(_dibuja_meses(e.bloques) for e in bloque.elementos):
            return True
    return False


def _calendarios(doc: Documento) -> list[Calendario | None]:
    return ([a.calendario for a in doc.actividades] + [t.calendario for t in doc.temas]
            + [la.calendario for la in doc.lineas_accion] + [f.calendario for f in doc.fichas])


def _oficial(doc: Documento) -> dict[str, str | None] | None:
    """El documento oficial que transcribe el anexo, para su nota de edición: la fecha en
    palabras o «No dado en la fuente»; la URL, solo si los datos la dan."""
    oficial = doc.documento_oficial
    if oficial is None:
        return None
    return {"titulo": oficial.titulo, "emisor": oficial.emisor,
            "fecha": fecha_larga(oficial.fecha) if oficial.fecha else NO_DADO,
            "publicacion": oficial.publicacion, "url": oficial.url}


def html_anexo(doc: Documento, grafo: Grafo, url_base: str, vista: FichaAnexo | None = None) -> str:
    """El HTML completo del anexo de ``doc``.

    Sin ``vista``, es la entrada del PDF. Con ``vista`` (la ficha del anexo ya generado) es la
    vista de impresión del sitio: añade una barra, solo de pantalla, para volver a la página,
    descargar el PDF; su SHA-256 va al final, con los detalles técnicos."""
    ruta_vista = urls.anexo_vista(doc.id)
    desde = urls.url_de_archivo(ruta_vista)
    url_pagina = urls.absoluta(url_base, urls.documento(doc.id).url())
    cuerpo = secciones_documento(doc, grafo)
    apaisadas = {b.id for b in cuerpo if isinstance(b, Seccion) and not b.solo_web and _dibuja_meses(b.bloques)}
    html = entorno().get_template("anexo.html").render(
        impresion=True, desde=ruta_vista.removesuffix(".html") + ".md", siglas={},
        doc=doc, institucion=grafo.instituciones[doc.institucion].nombre, fecha=fecha_metadatos(doc, grafo),
        url_pagina=url_pagina, encabezado=encabezado_institucion(doc, grafo),
        organo=grafo.organos[doc.organo].nombre, rotulo=rotulo_anexo(doc, grafo), datos=_datos_portada(doc, grafo),
        qr=qr_svg(url_pagina), vivo=_registro_vivo(doc, url_base, desde),
        barra=_barra(doc, vista, desde) if vista else None,
        cuerpo=cuerpo, apaisadas=apaisadas, oficial=_oficial(doc),
        notas_calendario=sorted({c.nota for c in _calendarios(doc) if c is not None and c.nota}),
        fuentes=Markup(FUENTES), encabezado_css=cadena_css(encabezado_institucion(doc, grafo)),
        pie=cadena_css(url_pagina))
    return html.strip() + "\n"
