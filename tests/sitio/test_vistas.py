"""Una descripción, dos vistas (``sitio/plantillas/bloques.html``): la página web escribe todo
lo descrito; la vista impresa (``impresion``, la del anexo para la Gaceta) omite lo que solo
es de la web, escribe como texto los enlaces a páginas del sitio, pone cada apartado en su
``<section>`` con el título que le da la fuente y dibuja las columnas de meses de una tabla de
calendario que la web da en palabras."""

from __future__ import annotations

from bs4 import BeautifulSoup

from programas_spen.sitio import urls
from programas_spen.sitio.render import entorno, escribir_bloques
from programas_spen.sitio.secciones import (
    Bloque,
    CeldaMeses,
    Elemento,
    Enlace,
    Fila,
    GrupoFilas,
    Lista,
    Parrafo,
    Seccion,
    SoloWeb,
    Tabla,
    TablaMeses,
    unir,
)

DESDE = "documentos/d/index.md"
MESES = ("2024-12", "2025-01", "2025-02")


def _web(*bloques: Bloque) -> BeautifulSoup:
    return BeautifulSoup(escribir_bloques(bloques, DESDE), "html.parser")


def _impresa(*bloques: Bloque) -> BeautifulSoup:
    plantilla = entorno().from_string('{% import "bloques.html" as b with context %}{{ b.bloques(cuerpo) }}')
    return BeautifulSoup(plantilla.render(cuerpo=bloques, desde=DESDE, siglas={}, impresion=True), "html.parser")


def _tabla(**opciones: object) -> TablaMeses:
    filas = (
        GrupoFilas("Grupo"),
        Fila(("1", "Marcada", "DP", CeldaMeses("Enero de 2025", ("vacio", "marcado", "periodo"), nota=" (condicional)"),
              "Obs.")),
        Fila(("2", "Sin meses", "DJ", CeldaMeses("No dado en la fuente", franja="No dado en la fuente",
                                                  clase="no-dado"), "—"), id="fila-2"),
    )
    return TablaMeses(("Núm.", "Tema", "Área", "Meses", "Observaciones"), filas, MESES, columna_meses=3,
                      **opciones)  # type: ignore[arg-type]


def test_tabla_de_meses_en_palabras_en_la_web() -> None:
    sopa = _web(_tabla(en_palabras=True, con_leyenda=True))
    assert [th.get_text() for th in sopa.find_all("th", scope="col")] == [
        "Núm.", "Tema", "Área", "Meses", "Observaciones"]
    filas = sopa.select("tbody tr")
    assert filas[0].th["colspan"] == "5" and filas[0].th["scope"] == "rowgroup"
    assert [td.get_text() for td in filas[1].find_all("td")] == ["1", "Marcada", "DP", "Enero de 2025", "Obs."]
    assert filas[2]["id"] == "fila-2"
    assert sopa.find(class_="leyenda") is None and "condicional" not in sopa.get_text()


def test_tabla_de_meses_dibujada_en_la_impresa() -> None:
    sopa = _impresa(_tabla(en_palabras=True, con_leyenda=True, columnas_web=(2,)))
    assert "Meses: diciembre de 2024 a febrero de 2025." in sopa.find("p", class_="leyenda").get_text()
    assert [(th.get_text(), th["colspan"]) for th in sopa.find_all("th", scope="colgroup")] == [
        ("2024", "1"), ("2025", "2")]
    assert [th.get_text() for th in sopa.select("thead th[rowspan]")] == ["Núm.", "Tema", "Observaciones"]
    assert [th.abbr["title"] for th in sopa.select("thead th.mes")] == [
        "diciembre de 2024", "enero de 2025", "febrero de 2025"]
    grupo, marcada, sin_meses = sopa.select("tbody tr")
    assert grupo.th["colspan"] == "6"  # Núm., Tema, los 3 meses y Observaciones
    celdas = marcada.find_all("td")
    # la nota del calendario, al final de la última celda visible antes de los meses (no en «Área»)
    assert [td.get_text() for td in celdas] == ["1", "Marcada (condicional)", "", "X", "◐", "Obs."]
    assert [td["class"] for td in celdas[2:5]] == [["mes", "spen-vacio"], ["mes", "spen-marcado"],
                                                   ["mes", "spen-periodo"]]
    franja = sin_meses.find_all("td")[2]
    assert (franja.get_text(), franja["colspan"], franja["class"]) == ("No dado en la fuente", "3", ["spen-no-dado"])


def test_un_solo_anio_es_el_ejercicio_impreso() -> None:
    tabla = TablaMeses(("Actividad", "Calendario"), (Fila(("a", CeldaMeses("x", ("marcado", "vacio")))),),
                       ("2020-01", "2020-02"), columna_meses=1, en_palabras=True)
    assert _impresa(tabla).find("th", scope="colgroup").get_text() == "Ejercicio 2020"


def test_meses_dibujados_tambien_en_la_web() -> None:
    sopa = _web(_tabla(encabezado_de_fila=True))
    marcada = sopa.select("tbody tr")[1]
    assert marcada.th["scope"] == "row" and marcada.th.get_text() == "1"
    marca = marcada.find("td", class_="spen-marcado")
    assert marca.find("span", attrs={"aria-hidden": "true"}).get_text() == "●"
    assert marca.find("span", class_="sr-only").get_text() == "marcado"
    assert sopa.find("th", scope="colgroup").get_text() == "2024"  # sin «Ejercicio» en la web
    assert "(condicional)" in marcada.get_text()


def test_sin_meses_todo_en_palabras() -> None:
    tabla = TablaMeses(("Actividad", "Calendario"), (Fila(("a", CeldaMeses("Permanente", franja="Permanente",
                                                                             clase="permanente"))),),
                       (), columna_meses=1, con_leyenda=True)
    for sopa in (_web(tabla), _impresa(tabla)):
        assert [td.get_text() for td in sopa.find_all("td")] == ["a", "Permanente"]
        assert sopa.find(class_="leyenda") is None


def test_lo_que_solo_es_de_la_web() -> None:
    bloques = (
        Seccion("Apartado", (
            Parrafo("Resumen del sitio.", solo_web=True),
            Parrafo(unir("Registro", SoloWeb(" ⚠ aviso"))),
            Lista((Elemento("Dato"), Elemento("Fuente: tabla 1", solo_web=True))),
            Tabla(("Sesión", "Celebrada"), (Fila(("1.ª", "13 de marzo")),), columnas_web=(1,)),
        ), id="apartado", titulo_impreso="Título de la fuente"),
        Seccion("Solo web", (Parrafo("x"),), id="solo", solo_web=True),
    )
    web, impresa = _web(*bloques), _impresa(*bloques)
    assert "Resumen del sitio." in web.get_text() and "Resumen del sitio." not in impresa.get_text()
    assert "Registro ⚠ aviso" in web.get_text() and "⚠" not in impresa.get_text()
    assert [li.get_text() for li in impresa.find_all("li")] == ["Dato"]
    assert [th.get_text() for th in impresa.find_all("th")] == ["Sesión"]
    assert [td.get_text() for td in impresa.find_all("td")] == ["1.ª"]
    assert web.find(id="solo") is not None and impresa.find(id="solo") is None
    # el apartado impreso: su <section>, con el título de la fuente y sin enlace permanente
    seccion = impresa.find("section", id="apartado")
    assert seccion.h2.get_text() == "Título de la fuente" and seccion.find("a") is None
    assert web.find("h2", id="apartado").contents[0] == "Apartado"


def test_enlaces_en_la_impresa() -> None:
    parrafo = Parrafo(unir(Enlace("el área", urls.area("dp")), " y ", Enlace("el oficial", "https://example.org/a.pdf")))
    web, impresa = _web(parrafo), _impresa(parrafo)
    assert {a.get_text(): a["href"] for a in web.find_all("a")} == {
        "el área": "../../areas/dp/", "el oficial": "https://example.org/a.pdf"}
    assert {a.get_text(): a["href"] for a in impresa.find_all("a")} == {"el oficial": "https://example.org/a.pdf"}
    assert impresa.p.get_text() == "el área y el oficial"
