"""render: la descripción de una página escrita en HTML con las plantillas del paquete: todo
texto escapado, enlaces relativos a la página, anclas únicas de los apartados, tabla de
contenido anidada, siglas marcadas y el mismo HTML para la misma descripción."""

from __future__ import annotations

from bs4 import BeautifulSoup
from markupsafe import Markup

from programas_spen.modelo.problemas import Problema
from programas_spen.sitio import urls
from programas_spen.sitio.render import ancla_de_titulo, aviso_de_errores, escribir_bloques, escribir_pagina
from programas_spen.sitio.secciones import (
    Ancla,
    Aviso,
    Bloques,
    Codigo,
    Cursiva,
    Definiciones,
    Elemento,
    Enlace,
    Fila,
    Fuerte,
    Html,
    Lista,
    Marca,
    Pagina,
    Parrafo,
    Salto,
    Seccion,
    Tabla,
    juntar,
    unir,
)

CARGAS = ('![i](x" onerror="y)', "[x](javascript:alert(1))", '{: onclick="alert(1)" }', "*[SPEN]: <b>",
          "<script>alert(1)</script>")


def _pagina(*cuerpo, **kwargs) -> Pagina:  # noqa: ANN002, ANN003
    return Pagina("documentos/d/index.md", "Título <del> documento", tuple(cuerpo), **kwargs)


def test_cada_pieza_se_escribe() -> None:
    html = escribir_pagina(_pagina(
        Parrafo(unir(Fuerte("F"), " ", Cursiva("C"), " ", Codigo("a.yml"), Salto(), Ancla("r-1"),
                     Marca("m", "clase-m"), Enlace("ir", urls.acuerdo("INE/JGE06/2020"), titulo="t"),
                     Enlace("fuera", "https://ine.mx/"))),
        Lista((Elemento("uno", id="e-1", bloques=(Parrafo("dentro"),)), Elemento("dos")), ordenada=True),
        Tabla(("A", "B"), (Fila(("1", "2"), id="f-1"),), leyenda="Leyenda"),
        Definiciones((("Término", "Definición"),)),
        Aviso("Cuidado", (Parrafo("p"),)),
        Bloques((Parrafo("x"),), clase="caja", id="c", atributos=(("data-x", "1 < 2"),)),
        Html(Markup("<svg></svg>")),
    )).html
    sopa = BeautifulSoup(html, "html.parser")
    assert sopa.find("strong").get_text() == "F" and sopa.find("em").get_text() == "C"
    assert sopa.find("code").get_text() == "a.yml" and sopa.find("br") is not None
    assert sopa.find("span", id="r-1") is not None and sopa.find("span", class_="clase-m").get_text() == "m"
    enlaces = sopa.find_all("a", href=True)
    assert enlaces[0]["href"] == "../../acuerdos/ine-jge06-2020/" and enlaces[0]["title"] == "t"
    assert enlaces[1]["href"] == "https://ine.mx/"
    assert sopa.find("ol").find("li", id="e-1").find("p").get_text() == "dentro"
    assert sopa.find("tr", id="f-1") is not None and sopa.find("caption").get_text() == "Leyenda"
    assert sopa.find("dt").get_text() == "Término" and sopa.find("dd").get_text() == "Definición"
    assert "admonition" in sopa.find("div", class_="admonition")["class"]
    assert sopa.find("div", id="c")["data-x"] == "1 < 2"
    assert sopa.find("svg") is not None
    assert sopa.find("h1").get_text() == "Título <del> documento" and sopa.find("del") is None


def test_el_texto_de_los_datos_es_texto() -> None:
    carga = " ".join(CARGAS)
    html = escribir_pagina(_pagina(
        Seccion(carga, (Parrafo(carga), Tabla((carga,), (Fila((carga,)),)), Lista((Elemento(carga),)))),
        Parrafo((Enlace(carga, urls.documento("d"), titulo=carga),)),
        siglas=(("SPEN", carga),))).html
    sopa = BeautifulSoup(html, "html.parser")
    assert sopa.get_text().count(CARGAS[-1]) >= 5
    assert sopa.find("script") is None and sopa.find("b") is None and sopa.find("img") is None
    for etiqueta in sopa.find_all(True):
        assert not any(a.startswith("on") for a in etiqueta.attrs), etiqueta
        assert not str(etiqueta.get("href", "")).startswith("javascript:")


def test_anclas_de_los_apartados_y_tabla_de_contenido() -> None:
    pagina = escribir_pagina(_pagina(
        Seccion("Datos del documento", (), id="datos"),
        Seccion("Metas", (Seccion("Año", (), nivel=3), Seccion("Año", (), nivel=3)), nivel=2),
        Seccion("Metas", ()),
        Seccion("Título <del> documento", ()),
    ))
    sopa = BeautifulSoup(pagina.html, "html.parser")
    ids = [h["id"] for h in sopa.find_all(["h1", "h2", "h3"])]
    assert ids == ["titulo-del-documento", "datos", "metas", "ano", "ano_1", "metas_1", "titulo-del-documento_1"]
    assert len(ids) == len(set(ids))
    assert [(e.nivel, e.id, e.titulo) for e in pagina.indice] == [
        (2, "datos", "Datos del documento"), (2, "metas", "Metas"), (2, "metas_1", "Metas"),
        (2, "titulo-del-documento_1", "Título <del> documento")]
    assert [h.id for h in pagina.indice[1].hijos] == ["ano", "ano_1"]
    assert sopa.find("h2", id="datos").find("a", class_="headerlink")["href"] == "#datos"


def test_siglas_marcadas_salvo_explicacion_en_encabezados() -> None:
    sopa = BeautifulSoup(escribir_pagina(_pagina(
        Seccion("El SPEN", (Parrafo("Del SPEN y el SPEN"),)), siglas=(("SPEN", "Servicio"),))).html, "html.parser")
    assert len(sopa.find_all("abbr", title="Servicio")) == 3
    assert sopa.find("h2").find("span", class_="sr-only") is None
    assert len(sopa.find_all("span", class_="sr-only")) == 1


def test_misma_descripcion_mismo_html() -> None:
    una = escribir_pagina(_pagina(Parrafo("a"), Seccion("b", (Parrafo("c"),))))
    otra = escribir_pagina(_pagina(Parrafo("a"), Seccion("b", (Parrafo("c"),))))
    assert una == otra


def test_fragmentos_relativos_a_su_pagina() -> None:
    html = escribir_bloques((Parrafo((Enlace("docs", urls.DOCUMENTOS),)),), "index.md")
    assert 'href="documentos/"' in html
    html = escribir_bloques((Parrafo((Enlace("docs", urls.DOCUMENTOS),)),), "acerca.md")
    assert 'href="../documentos/"' in html


def test_unir_y_juntar() -> None:
    assert unir("a", None, "", ("b", "c"), separador=", ") == ("a", ", ", "b", "c")
    assert juntar(["uno", "dos", "tres"], ", ", " y ") == ("uno", ", ", "dos", " y ", "tres")
    assert ancla_de_titulo("¿Qué es? Año 2024") == "que-es-ano-2024"


def test_aviso_de_errores_de_la_vista_previa() -> None:
    errores = [Problema("datos/a.yml", 12, 3, "error", "se esperaba <texto>")]
    sopa = BeautifulSoup(aviso_de_errores(errores), "html.parser")
    caja = sopa.find(attrs={"role": "alert"})
    assert caja is not None
    assert "datos/a.yml:12" in caja.get_text() and "se esperaba <texto>" in caja.get_text()
    assert "1 error(es)" in caja.get_text()
