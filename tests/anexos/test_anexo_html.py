"""exportar.anexo_html: el HTML del anexo (sin generar PDF): forma de los anexos oficiales,
encabezado de página, rótulo del anexo y su acuerdo, tablas de meses apaisadas con encabezados
que se repiten, lo no dado dicho como tal, fechas de los datos, enlaces de vuelta y
accesibilidad básica."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from programas_spen.anexos.anexo_html import fecha_metadatos, html_anexo
from programas_spen.anexos.integridad import FichaAnexo
from programas_spen.anexos.meses import NO_DADO
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo, construir_grafo
from tests.datos_prueba import archivos_base, escribir

URL = "https://programas-spen.example/"


@pytest.fixture(scope="module")
def grafo(resultado_real) -> Grafo:
    return construir_grafo(resultado_real.datos, resultado_real.informe.avisos)


def _sopa(grafo: Grafo, doc_id: str, vista: FichaAnexo | None = None) -> BeautifulSoup:
    return BeautifulSoup(html_anexo(grafo.documentos[doc_id], grafo, URL, vista), "html.parser")


def _texto(elemento: BeautifulSoup) -> str:
    return " ".join(elemento.get_text(" ").split())


def test_documento_html_en_espanol_con_metadatos(grafo: Grafo) -> None:
    sopa = _sopa(grafo, "ine-pat-spen-2020")
    assert sopa.html["lang"] == "es"
    assert sopa.title.string == "Programa Anual de Trabajo del SPEN 2020 — anexo para la Gaceta"
    metas = {m.get("name"): m.get("content") for m in sopa.find_all("meta") if m.get("name")}
    assert metas["dcterms.created"] == metas["dcterms.modified"] == "2020-01-16"
    assert metas["author"] == "Instituto Nacional Electoral"
    assert sopa.find("link", rel="canonical")["href"] == URL + "documentos/ine-pat-spen-2020/"


def test_encabezado_y_pie_de_pagina_en_el_css(grafo: Grafo) -> None:
    estilo = _sopa(grafo, "iepc-durango-pat-comision-seguimiento-2021").style.string
    assert ('@top-center { content: "INSTITUTO ELECTORAL Y DE PARTICIPACIÓN CIUDADANA DEL ESTADO DE '
            'DURANGO"') in estilo
    assert '"Página " counter(page) " de " counter(pages)' in estilo
    assert f'content: "{URL}documentos/iepc-durango-pat-comision-seguimiento-2021/"' in estilo
    assert "@page apaisada { size: letter landscape; }" in estilo
    assert "thead { display: table-header-group; }" in estilo
    assert "tr, th, td { break-inside: avoid; }" in estilo
    assert "http" not in re.sub(r'content: "https://[^"]+"', "", estilo)  # ningún recurso remoto


def test_portada_del_pat_2020(grafo: Grafo) -> None:
    portada = _sopa(grafo, "ine-pat-spen-2020").find("header")
    assert _texto(portada.find(class_="organo")) == "Dirección Ejecutiva del Servicio Profesional Electoral Nacional"
    assert portada.h1.get_text() == ("PROGRAMA ANUAL DE TRABAJO DEL SERVICIO PROFESIONAL ELECTORAL NACIONAL "
                                     "CORRESPONDIENTE AL EJERCICIO 2020")
    assert _texto(portada.find(class_="rotulo")) == (
        "Anexo del Acuerdo INE/JGE06/2020 de la Junta General Ejecutiva, del 16 de enero de 2020")
    vivo = portada.find(class_="registro-vivo")
    qr = vivo.find("img")
    assert qr["src"].startswith("data:image/svg+xml")
    assert qr["alt"].endswith(URL + "documentos/ine-pat-spen-2020/")
    enlaces = {a.get_text(): a["href"] for a in vivo.find_all("a")}
    assert enlaces[URL + "documentos/ine-pat-spen-2020/"] == "../"
    assert enlaces[URL + "INE/JGE06/2020/"] == "../../../INE/JGE06/2020/"


def test_rotulos_de_anexo(grafo: Grafo) -> None:
    cspen = _sopa(grafo, "ine-pat-cspen-2024")
    assert _texto(cspen.find(class_="rotulo")).startswith("Anexo único: Asuntos para atender")
    assert cspen.find(id="temas").h2.get_text().startswith("Anexo único.")
    assert _texto(_sopa(grafo, "ieeq-plan-trabajo-2024-2025").find(class_="rotulo")) == "Anexo 1"
    assert _sopa(grafo, "ine-informe-compromisos-cspen-2024-06").find(class_="rotulo") is None


def test_pat_2020_trece_tablas_74_actividades_y_notas(grafo: Grafo) -> None:
    sopa = _sopa(grafo, "ine-pat-spen-2020")
    doc = grafo.documentos["ine-pat-spen-2020"]
    seccion = sopa.find(id="mecanismos")
    assert "apaisada" in seccion["class"]
    tablas = seccion.find_all("table")
    assert [t.caption.get_text() for t in tablas] == [m.titulo_tabla for m in doc.mecanismos]
    assert len(tablas) == 13
    filas = seccion.select("tbody tr")
    assert len(filas) == 74
    for fila in filas:
        celdas = fila.find_all("td")
        assert len(celdas) == 2 and celdas[1]["colspan"] == "12"
        assert celdas[1].get_text() == NO_DADO
    meses = [th.get_text() for th in tablas[0].select("thead tr")[1].find_all("th")]
    assert meses == ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"]
    assert tablas[0].select("thead th")[1].get_text() == "Ejercicio 2020"
    assert "Desarrollo de dos módulos del Programa de Formación.*" in _texto(seccion)
    notas = [_texto(n) for n in seccion.find_all(class_="notas")]
    assert notas.count("* Sujeto a lo que se determine en la reforma al Estatuto.") == sum(
        len(m.notas) for m in doc.mecanismos)
    # Los ejes rectores ya están en la introducción, como en la fuente: no se repiten aparte.
    assert sopa.find(id="ejes") is None
    assert "Transitar hacia un servicio profesional más especializado" in _texto(sopa.find(id="seccion-introduccion"))


def test_meses_marcados_periodos_y_condiciones(grafo: Grafo) -> None:
    cspen = _sopa(grafo, "ine-pat-cspen-2024")
    fila = cspen.find(id="tema-01")
    meses = fila.find_all("td", class_="mes")
    assert [td.get_text() for td in meses] == ["X"] + [""] * 11
    fuera = cspen.find(id="tema-03")
    assert "la fuente pone 1 marca(s) fuera de las columnas de meses" in _texto(fuera)
    ieeq = _sopa(grafo, "ieeq-plan-trabajo-2024-2025")
    encuentro = [td.get_text() for td in ieeq.find(id="cronograma-02").find_all("td", class_="mes")]
    assert encuentro == ["", "", "◐", "◐", "◐", "", "", "", "", "", "", "", ""]
    assert ieeq.find(id="cronograma-01").find("td", class_="no-dado").get_text() == NO_DADO
    assert "Periodo dado en palabras" in _texto(ieeq.find(id="cronograma-05"))
    orden = [s.get("id") for s in ieeq.main.find_all("section", recursive=False)]
    assert orden.index("fichas") < orden.index("cronograma")  # como la fuente: el cronograma al final


def test_durango_lineas_de_accion_sin_calendario(grafo: Grafo) -> None:
    sopa = _sopa(grafo, "iepc-durango-pat-comision-seguimiento-2021")
    linea = sopa.find(id="linea-3-1-1")
    assert "Calendario: " + NO_DADO in _texto(linea)
    assert len(sopa.select("#objetivos li")) == 9
    assert len(sopa.select("#sesiones-programadas tbody tr")) == 4
    assert "El Anexo 1 (gráfica de Gantt" in _texto(sopa.find(class_="nota-edicion"))


def test_informe_compromisos_y_notas_de_acuerdos(grafo: Grafo) -> None:
    sopa = _sopa(grafo, "ine-informe-compromisos-cspen-2024-06")
    encabezados = [th.get_text() for th in sopa.select("#compromisos thead th")]
    assert encabezados == ["No.", "Fecha y tipo de sesión", "Acuerdo/ Compromiso", "Área Responsable",
                           "Avance/cumplimiento", "Estatus", "Porcentaje de Avance"]
    assert len(sopa.select("#compromisos tbody tr")) == 11
    assert _texto(sopa.find(id="compromiso-01")).endswith("En curso. 75 %")
    assert any(a["href"].startswith("http") for a in sopa.select("#compromisos .notas a"))


def test_fecha_de_los_metadatos(grafo: Grafo) -> None:
    fechas = {d.id: fecha_metadatos(d, grafo) for d in grafo.datos.documentos}
    assert fechas == {
        "ine-pat-spen-2020": "2020-01-16",
        "ine-informe-compromisos-cspen-2024-06": "2024-06-17",
        "ine-pat-cspen-2024": "2024-01-01",
        "ieeq-plan-trabajo-2024-2025": "2024-01-01",
        "iepc-durango-pat-comision-seguimiento-2021": "2021-01-01",
    }


def test_vista_de_impresion_con_descarga_y_huella(grafo: Grafo) -> None:
    doc = grafo.documentos["ine-pat-spen-2020"]
    ficha = FichaAnexo(documento=doc.id, titulo=doc.titulo, ruta_vista=urls.anexo_vista(doc.id),
                       url_pagina="u", url_vista="v", cita="c", ruta_pdf=urls.anexo_pdf(doc.id),
                       sha256="ab" * 32, bytes=2048, paginas=9)
    sopa = _sopa(grafo, doc.id, ficha)
    barra = sopa.find("nav")
    assert "solo-pantalla" in barra["class"]
    enlaces = {a.get_text(): a for a in barra.find_all("a")}
    assert enlaces["← Página del documento"]["href"] == "../"
    descarga = enlaces["Descargar el anexo en PDF (2,0 kB, 9 páginas)"]
    assert descarga["href"] == "../anexo.pdf" and descarga["download"] == "ine-pat-spen-2020-anexo.pdf"
    assert enlaces["Todos los anexos"]["href"] == "../../../anexos/"
    assert "ab" * 32 in _texto(barra)
    assert _sopa(grafo, doc.id).find("nav") is None  # el HTML del PDF no lleva la barra


def test_accesibilidad_basica(grafo: Grafo) -> None:
    for doc in grafo.datos.documentos:
        sopa = _sopa(grafo, doc.id)
        assert len(sopa.find_all("h1")) == 1
        niveles = [int(h.name[1]) for h in sopa.find_all(re.compile(r"^h[1-6]$"))]
        assert all(b - a <= 1 for a, b in zip(niveles, niveles[1:], strict=False)), (doc.id, niveles)
        assert all(img.get("alt") for img in sopa.find_all("img"))
        for tabla in sopa.find_all("table"):
            assert tabla.find("th"), doc.id
        ids = [e["id"] for e in sopa.find_all(id=True)]
        assert len(ids) == len(set(ids)), doc.id


def test_datos_de_prueba_sin_periodo_ni_acuerdo(tmp_path) -> None:
    from programas_spen.carga.validacion import cargar_datos

    resultado = cargar_datos(escribir(tmp_path, archivos_base()))
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    for doc in grafo.datos.documentos:
        sopa = BeautifulSoup(html_anexo(doc, grafo, "http://localhost:8000"), "html.parser")
        assert sopa.h1.get_text() == " ".join(doc.titulo.split())
        assert sopa.find("link", rel="canonical")["href"] == f"http://localhost:8000/documentos/{doc.id}/"
