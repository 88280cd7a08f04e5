"""Las páginas de datos abiertos escritas en HTML y leídas con BeautifulSoup: cada enlace de
descarga lleva a un archivo publicado, el diccionario tiene cada columna, y lo que se añade a
las páginas de acuerdos, sesiones y suscripciones."""

from __future__ import annotations

import posixpath

from bs4 import BeautifulSoup

from programas_spen.datos_abiertos import paginas
from programas_spen.datos_abiertos.atribucion import FECHA_CONSULTA
from programas_spen.sitio import urls
from programas_spen.sitio.render import escribir_pagina
from programas_spen.sitio.secciones import Pagina, Parrafo

from .conftest import URL


def _sopa(pagina: Pagina) -> BeautifulSoup:
    return BeautifulSoup(escribir_pagina(pagina).html, "html.parser")


def _destino(href: str, pagina: Pagina) -> str:
    """Ruta en el sitio de un enlace relativo de la página."""
    return posixpath.normpath(posixpath.join(urls.Destino(pagina.ruta).url(), href.split("#")[0]))


def test_descargas_de_cada_documento(grafo_real, publicado_real) -> None:
    """El apartado de cada documento enlaza cada uno de sus archivos (con tamaño y SHA-256) y
    muestra el texto para citarlo y la licencia."""
    publicados = dict(publicado_real.archivos)
    for doc in grafo_real.datos.documentos:
        pagina = Pagina(urls.documento(doc.id).ruta, doc.titulo_corto,
                        paginas.bloque_descargas_documento(doc, grafo_real, URL, publicado_real))
        sopa = _sopa(pagina)
        apartado = sopa.find(id=urls.APARTADO_DATOS_ABIERTOS)
        assert apartado is not None
        enlaces = sopa.select("table.descargas a[download]")
        fichas = publicado_real.por_documento[doc.id]
        assert [_destino(a["href"], pagina) for a in enlaces] == [f.ruta for f in fichas]
        assert all(_destino(a["href"], pagina) in publicados for a in enlaces)
        assert [c.get_text() for c in sopa.select("table.descargas code")] == [f.sha256 for f in fichas]
        cita = sopa.select_one("p.cita-datos").get_text()
        assert doc.titulo_corto.split()[0] in cita and FECHA_CONSULTA in cita
        assert urls.absoluta(URL, urls.apartado(doc.id, urls.APARTADO_DATOS_ABIERTOS).url()) in cita
        assert sopa.find("a", href="https://datos.gob.mx/libreusomx") is not None


def test_pagina_datos_abiertos(grafo_real, publicado_real) -> None:
    """La página dice qué hay (cada tabla con sus filas), cómo abrirlo, cómo citarlo y la
    licencia; cada enlace de descarga lleva a un archivo publicado."""
    pagina = paginas.pagina_datos_abiertos(grafo_real, URL, publicado_real)
    sopa = _sopa(pagina)
    for ancla in ("que-hay", "descargar-todo", "por-documento", "como-abrirlo", "como-citar", "licencia",
                  "diccionario", "para-programas", "novedades"):
        assert sopa.find(id=ancla) is not None, ancla
    publicados = dict(publicado_real.archivos)
    descargas = sopa.select("a[download]")
    assert descargas and all(_destino(a["href"], pagina) in publicados for a in descargas)
    for tabla in publicado_real.tablas.values():
        assert f"— {len(tabla.filas)} fila(s)." in sopa.get_text()
    assert sopa.find("a", href="diccionario/") is not None
    assert FECHA_CONSULTA in sopa.select_one("#como-citar").find_next("p", class_="cita-datos").get_text()


def test_diccionario(publicado_real) -> None:
    """Un apartado por tabla y una fila por columna, con su tipo y si puede faltar."""
    sopa = _sopa(paginas.pagina_diccionario(publicado_real))
    for tabla in publicado_real.tablas.values():
        apartado = sopa.find(id=f"tabla-{tabla.nombre}")
        assert apartado is not None, tabla.nombre
        filas = apartado.find_next("table").select("tbody tr")
        assert [f.find("code").get_text() for f in filas] == list(tabla.esquema.nombres)
        assert [f.find_all("td")[2].get_text() for f in filas] == [
            "no" if c.requerida else "sí" for c in tabla.esquema.columnas]


def test_ampliar_paginas(grafo_real, publicado_real) -> None:
    """Cada acuerdo y sesión recibe su JSON-LD; suscripciones, los feeds Atom; la página de una
    institución con feed, el metadato de su feed."""
    [numero, *_] = grafo_real.acuerdos
    [sesion, *_] = grafo_real.sesiones
    institucion = grafo_real.datos.documentos[0].institucion
    originales = [Pagina(urls.acuerdo(numero).ruta, "a", (Parrafo("x"),)),
                  Pagina(urls.sesion(sesion).ruta, "s", (Parrafo("x"),)),
                  Pagina(urls.SUSCRIPCIONES.ruta, "Suscribirse", (Parrafo("x"),)),
                  Pagina(urls.institucion(institucion).ruta, "i", (Parrafo("x"),), institucion=institucion)]
    acuerdo, sesion_pagina, suscripciones, de_institucion = paginas.ampliar(originales, grafo_real, URL,
                                                                            publicado_real)
    assert '"@type":"Legislation"' in escribir_pagina(acuerdo).html
    assert '"@type":"Event"' in escribir_pagina(sesion_pagina).html
    sopa = _sopa(suscripciones)
    assert [_destino(a["href"], suscripciones) for a in sopa.select("#novedades ~ ul a")] == [
        f.ruta for f in publicado_real.feeds]
    assert de_institucion.meta["novedades"]["ruta"] == urls.novedades(institucion)
