"""Cómo citar un documento en la Gaceta Electoral, y las direcciones cortas de los acuerdos.

La cita y la dirección corta salen de los datos (institución, órgano, título, acuerdo, fecha) y
de la URL permanente de la página; nunca del reloj ni del texto de una página generada.
"""

from __future__ import annotations

from html import escape

from programas_spen.modelo.registros import Documento
from programas_spen.modelo.texto import fecha_larga
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo


def de_articulo(nombre: str) -> str:
    """«de la Junta General Ejecutiva», «del Consejo General…»: el artículo por el género de la
    primera palabra del nombre del órgano."""
    primera = nombre.split()[0].lower() if nombre.split() else ""
    femenino = primera.endswith(("a", "ión", "ad"))
    return f"de la {nombre}" if femenino else f"del {nombre}"


def describir_acuerdo(numero: str, grafo: Grafo) -> str:
    """«Acuerdo INE/JGE06/2020 de la Junta General Ejecutiva, del 16 de enero de 2020» (con lo que
    se sepa del acuerdo; sin órgano ni fecha si ningún documento los da)."""
    texto = f"Acuerdo {numero}"
    ficha = grafo.acuerdos.get(numero)
    if ficha is None:
        return texto
    organo = grafo.organos.get(ficha.organo or "")
    if organo:
        texto += f" {de_articulo(organo.nombre)}"
    fecha = ficha.primero("fecha")
    if fecha:
        texto += f", del {fecha_larga(str(fecha))}"
    return texto


def rotulo_anexo(doc: Documento, grafo: Grafo) -> str | None:
    """«Anexo 1», «Anexo único: …», «Anexo del Acuerdo INE/JGE06/2020 de …»; ``None`` si el
    documento no es anexo de nada ni tiene número de anexo."""
    partes = []
    if doc.anexo:
        partes.append(f"Anexo {doc.anexo.numero}")
    elif doc.aprobado_por:
        partes.append("Anexo")
    if doc.aprobado_por:
        partes.append(f"del {describir_acuerdo(doc.aprobado_por, grafo)}")
    if not partes:
        return None
    texto = " ".join(partes)
    if doc.anexo and doc.anexo.titulo:
        texto += f": {doc.anexo.titulo}"
    return texto


def url_corta(numero: str, url_base: str) -> str | None:
    """URL absoluta de la dirección corta del acuerdo (``…/INE/JGE06/2020/``), si la tiene."""
    ruta = urls.ruta_corta_acuerdo(numero)
    return urls.absoluta(url_base, urls.url_de_archivo(ruta)) if ruta else None


def texto_cita(doc: Documento, grafo: Grafo, url_base: str) -> str:
    """Texto para imprimir en la Gaceta: quién lo emite, título, anexo y acuerdo, y las URL
    permanentes de vuelta al registro vivo."""
    institucion = grafo.instituciones[doc.institucion]
    organo = grafo.organos[doc.organo]
    cita = f"{institucion.nombre}, {organo.nombre} ({doc.anio}). {doc.titulo.rstrip('.')}."
    rotulo = rotulo_anexo(doc, grafo)
    if rotulo:
        cita += f" {rotulo.rstrip('.')}."
    elif doc.fecha:
        cita += f" {fecha_larga(doc.fecha)}."
    pagina = urls.absoluta(url_base, urls.documento(doc.id).url())
    cita += f" Registro vivo y datos abiertos: {pagina}"
    corta = url_corta(doc.aprobado_por, url_base) if doc.aprobado_por else None
    if corta:
        cita += f" (acuerdo: {corta})"
    return cita + "."


def html_acuerdo_corto(numero: str, url_base: str) -> str:
    """Página de la dirección corta de un acuerdo (``/INE/JGE06/2020/``): lleva en el acto a la
    página del acuerdo (``meta refresh``) y muestra el enlace por si el navegador no redirige."""
    ruta = urls.ruta_corta_acuerdo(numero)
    if ruta is None:
        raise ValueError(f"el número {numero!r} no tiene dirección corta")
    destino = urls.acuerdo(numero).url()
    relativo = urls.relativa(destino, urls.url_de_archivo(ruta))
    absoluto = urls.absoluta(url_base, destino)
    numero_html = escape(numero)
    return (
        "<!doctype html>\n"
        '<html lang="es">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Acuerdo {numero_html}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="canonical" href="{escape(absoluto)}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(relativo)}">\n'
        '<meta name="robots" content="noindex">\n'
        "</head>\n<body>\n<main>\n"
        f"<h1>Acuerdo {numero_html}</h1>\n"
        f'<p>Esta es la dirección corta del acuerdo {numero_html}. Su página es '
        f'<a href="{escape(relativo)}">{escape(absoluto)}</a>.</p>\n'
        "</main>\n</body>\n</html>\n"
    )
