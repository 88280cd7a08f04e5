"""anexos.anexo_html: el HTML del anexo (sin generar PDF): forma de los anexos oficiales,
encabezado de página, rótulo del anexo y su acuerdo, tablas de meses apaisadas con encabezados
que se repiten, lo no dado dicho como tal, fechas de los datos, enlaces de vuelta,
accesibilidad básica, y el mismo contenido que la página web del documento (la misma
descripción, sin lo que solo es de la web)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from programas_spen.anexos.anexo_html import cadena_css, fecha_metadatos, html_anexo
from programas_spen.anexos.integridad import FichaAnexo
from programas_spen.carga.validacion import cargar_datos
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas.comun import NO_DADO
from programas_spen.sitio.paginas.documento import pagina_documento
from programas_spen.sitio.render import escribir_pagina
from tests.datos_prueba import INFORME, PROGRAMA, archivos_base, cambiar, escribir

URL = "https://programas-spen.example/"


@pytest.fixture(scope="module")
def grafo(grafo_real: Grafo) -> Grafo:
    return grafo_real


def _sopa(grafo: Grafo, doc_id: str, vista: FichaAnexo | None = None) -> BeautifulSoup:
    return BeautifulSoup(html_anexo(grafo.documentos[doc_id], grafo, URL, vista), "html.parser")


def _texto(elemento: Tag) -> str:
    return " ".join(elemento.get_text(" ").split())


def _fila(sopa: BeautifulSoup, ident: str) -> Tag:
    return sopa.find(id=ident).find_parent("tr")


def _apartados(sopa: BeautifulSoup) -> list[str]:
    """Los ids de los apartados de primer nivel del anexo, en orden (los apaisados van dentro
    de su contenedor)."""
    return [s["id"] for s in sopa.main.select("main > section, main > div > section")]


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


def test_cadena_css_no_cierra_el_estilo() -> None:
    assert cadena_css("INSTITUTO  ELECTORAL\n") == '"INSTITUTO ELECTORAL"'
    escapada = cadena_css('A "B" \\ </style><script>')
    assert escapada == '"A \\22 B\\22  \\5c  \\3c /style\\3e \\3c script\\3e "'
    assert "<" not in escapada and escapada.count('"') == 2


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
    # la tabla de temas lleva el título que le da la fuente
    assert cspen.find(id="temas").h2.get_text().startswith("Anexo único.")
    assert _texto(_sopa(grafo, "ieeq-plan-trabajo-2024-2025").find(class_="rotulo")) == "Anexo 1"
    assert _sopa(grafo, "ine-informe-compromisos-cspen-2024-06").find(class_="rotulo") is None


def test_pat_2020_trece_tablas_74_actividades_y_notas(grafo: Grafo) -> None:
    sopa = _sopa(grafo, "ine-pat-spen-2020")
    doc = grafo.documentos["ine-pat-spen-2020"]
    seccion = sopa.find(id="mecanismos")
    assert "apaisada" in seccion.parent["class"]
    assert seccion.h2.get_text() == " ".join(doc.titulo.split())
    assert [_texto(h) for h in seccion.find_all("h3")] == [m.titulo_tabla for m in doc.mecanismos]
    tablas = seccion.find_all("table")
    assert len(tablas) == len(doc.mecanismos)
    filas = seccion.select("tbody tr")
    assert len(filas) == len(doc.actividades)
    for fila in filas:
        franja = fila.find_all("td")[-1]
        assert franja["colspan"] == "12" and franja.get_text() == NO_DADO
    meses = [th.get_text() for th in tablas[0].select("thead tr")[1].find_all("th")]
    assert meses == ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"]
    assert tablas[0].find("th", scope="colgroup").get_text() == "Ejercicio 2020"
    assert "Desarrollo de dos módulos del Programa de Formación. *" in _texto(seccion)
    notas = [_texto(n) for n in seccion.find_all(class_="notas")]
    assert notas.count("* Sujeto a lo que se determine en la reforma al Estatuto.") == sum(
        len(m.notas) for m in doc.mecanismos)
    assert len(seccion.find_all(class_="leyenda")) == 1  # la leyenda de los meses, una vez
    # Los ejes rectores ya están en la introducción, como en la fuente: no se repiten aparte.
    assert sopa.find(id="ejes") is None
    assert "Transitar hacia un servicio profesional más especializado" in _texto(sopa.find(id="seccion-introduccion"))


def test_meses_marcados_periodos_y_condiciones(grafo: Grafo) -> None:
    cspen = _sopa(grafo, "ine-pat-cspen-2024")
    meses = _fila(cspen, "tema-01").find_all("td", class_="mes")
    assert [td.get_text() for td in meses] == ["X"] + [""] * 11
    assert "la fuente marca además una casilla que no corresponde a ningún mes" in _texto(_fila(cspen, "tema-03"))
    ieeq = _sopa(grafo, "ieeq-plan-trabajo-2024-2025")
    encuentro = [td.get_text() for td in _fila(ieeq, "cronograma-02").find_all("td", class_="mes")]
    assert encuentro == ["", "", "◐", "◐", "◐", "", "", "", "", "", "", "", ""]
    assert _fila(ieeq, "cronograma-01").find("td", class_="spen-no-dado").get_text() == NO_DADO
    assert "Periodo dado en palabras" in _texto(_fila(ieeq, "cronograma-05"))
    orden = _apartados(ieeq)
    assert orden.index("fichas") < orden.index("cronograma")  # como la fuente: el cronograma al final


def test_durango_lineas_de_accion_sin_calendario(grafo: Grafo) -> None:
    sopa = _sopa(grafo, "iepc-durango-pat-comision-seguimiento-2021")
    linea = sopa.find(id="linea-3-1-1").find_parent("li")
    assert "Calendario: " + NO_DADO in _texto(linea)
    doc = grafo.documentos["iepc-durango-pat-comision-seguimiento-2021"]
    assert len(sopa.select("#objetivos li")) == len(doc.objetivos)
    assert len(sopa.select("#sesiones-programadas tbody tr")) == len(doc.sesiones_programadas)
    assert "El Anexo 1 (gráfica de Gantt" in _texto(sopa.find(class_="nota-edicion"))


def test_informe_cada_compromiso_con_sus_textos_y_acuerdos(grafo: Grafo) -> None:
    sopa = _sopa(grafo, "ine-informe-compromisos-cspen-2024-06")
    doc = grafo.documentos["ine-informe-compromisos-cspen-2024-06"]
    seccion = sopa.find(id="compromisos")
    assert [s["id"] for s in seccion.find_all("section")] == [c.id for c in doc.compromisos]
    for compromiso in doc.compromisos:
        texto = _texto(seccion.find(id=compromiso.id))
        for campo in (compromiso.texto, compromiso.avance, compromiso.sesion_texto, compromiso.area_texto,
                      compromiso.estatus_texto):
            assert " ".join(campo.split()) in texto, compromiso.id
    primero = _texto(seccion.find(id="compromiso-01"))
    assert "Estatus: En curso." in primero and "Porcentaje de avance: 75 %" in primero
    # los documentos oficiales de los acuerdos, con su URL absoluta
    oficiales = [a["href"] for a in seccion.find_all("a")]
    assert oficiales and all(h.startswith("https://") for h in oficiales)


def test_lo_que_solo_es_de_la_web_no_va_en_el_anexo(grafo: Grafo) -> None:
    informe = _sopa(grafo, "ine-informe-compromisos-cspen-2024-06")
    assert informe.find(class_="admonition") is None  # avisos de la validación
    assert informe.find(id="sesiones") is None and informe.find(id="acuerdos") is None
    assert informe.find(id="compromisos").find("table") is None  # la tabla de síntesis del sitio
    texto = _texto(informe.main)
    assert "Tema del programa sobre el que informa" not in texto and "Fuente:" not in texto
    assert "⚠" not in _texto(_sopa(grafo, "ine-pat-cspen-2024").main)
    temas = _sopa(grafo, "ine-pat-cspen-2024").find(id="temas").table
    encabezados = [th.get_text() for th in temas.select("thead th[rowspan]")]
    assert encabezados == ["Núm.", "Tema", "Observaciones"]  # sin «Área» ni «Seguimiento»
    for doc in grafo.datos.documentos:
        sopa = _sopa(grafo, doc.id)
        for apartado in ("datos", "cifras"):
            assert sopa.find(id=apartado) is None, (doc.id, apartado)
        # dentro del contenido, los enlaces a páginas del sitio son su texto; quedan los externos
        for seccion in sopa.main.find_all("section"):
            assert all(a["href"].startswith("https://") for a in seccion.find_all("a")), doc.id


def test_el_anexo_y_la_pagina_salen_de_la_misma_descripcion(grafo: Grafo) -> None:
    """Cada registro y cada apartado del anexo está, con el mismo texto, en la página web."""
    for doc in grafo.datos.documentos:
        anexo = _sopa(grafo, doc.id)
        pagina = BeautifulSoup(escribir_pagina(pagina_documento(doc, grafo)).html, "html.parser")
        ids = [e["id"] for e in anexo.main.find_all(id=True)]
        assert ids and set(ids) <= {e["id"] for e in pagina.find_all(id=True)}, doc.id
        for ident in ids:
            en_anexo, en_pagina = anexo.find(id=ident), pagina.find(id=ident)
            if en_anexo.name == "span":  # un registro: su celda o elemento dice lo mismo en la web
                texto = " ".join(en_anexo.parent.get_text().split())
                assert texto[:60] in " ".join(en_pagina.parent.get_text().split()), (doc.id, ident)


def test_fecha_de_los_metadatos(grafo: Grafo) -> None:
    for doc in grafo.datos.documentos:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", fecha_metadatos(doc, grafo)), doc.id
    esperadas = {
        "ine-pat-spen-2020": "2020-01-16",  # la del documento
        "ine-informe-compromisos-cspen-2024-06": "2024-06-17",
        "ine-pat-cspen-2024": "2024-01-01",  # sin fecha propia ni de su acuerdo: el 1 de enero
        "ieeq-plan-trabajo-2024-2025": "2024-01-01",
        "iepc-durango-pat-comision-seguimiento-2021": "2021-01-01",
    }
    for doc_id, fecha in esperadas.items():
        assert fecha_metadatos(grafo.documentos[doc_id], grafo) == fecha, doc_id


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
    # la huella va al final, en los detalles técnicos, no antes del contenido
    assert "ab" * 32 not in _texto(barra)
    detalles = sopa.find("details", class_="detalles-tecnicos")
    assert detalles.summary.get_text() == "Detalles técnicos" and "ab" * 32 in _texto(detalles)
    assert _sopa(grafo, doc.id).find("nav") is None  # el HTML del PDF no lleva la barra


def test_documento_oficial_en_la_nota_de_edicion(grafo: Grafo) -> None:
    """La nota de edición dice qué documento oficial transcribe el anexo; el archivo de texto
    fuente va en los detalles técnicos."""
    for doc in grafo.datos.documentos:
        sopa = _sopa(grafo, doc.id)
        nota = sopa.find("footer", class_="nota-edicion")
        oficial = nota.find("p", class_="documento-oficial")
        assert doc.documento_oficial is not None
        assert oficial.em.get_text() == doc.documento_oficial.titulo
        if doc.documento_oficial.url:
            assert oficial.a["href"] == doc.documento_oficial.url
        else:
            assert "Sin enlace conocido." in _texto(oficial) and oficial.a is None
        detalles = nota.find("details", class_="detalles-tecnicos")
        assert doc.fuente.archivo in _texto(detalles)
        detalles.decompose()
        assert doc.fuente.archivo not in _texto(sopa)
    pendiente = _sopa(grafo, doc.id, FichaAnexo(documento=doc.id, titulo=doc.titulo, ruta_vista="x", url_pagina="u",
                                                url_vista="v", cita="c", pdf_pendiente=True)).find("nav")
    assert "PDF en preparación (vista previa)" in _texto(pendiente)


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


def test_mismo_documento_mismo_html(grafo: Grafo) -> None:
    for doc in grafo.datos.documentos:
        assert html_anexo(doc, grafo, URL) == html_anexo(doc, grafo, URL), doc.id


def test_datos_de_prueba_sin_periodo_ni_acuerdo(tmp_path: Path) -> None:
    resultado = cargar_datos(escribir(tmp_path, archivos_base()))
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    for doc in grafo.datos.documentos:
        sopa = BeautifulSoup(html_anexo(doc, grafo, "http://localhost:8000"), "html.parser")
        assert sopa.h1.get_text() == " ".join(doc.titulo.split())
        assert sopa.find("link", rel="canonical")["href"] == f"http://localhost:8000/documentos/{doc.id}/"


def test_marcado_inyectado_se_publica_literal(tmp_path: Path) -> None:
    cargas = ('![i](x" onerror="y)', "[x](javascript:alert(1))", '{: onclick="alert(1)" }', "*[SPEN]: <b>",
              "<script>")
    carga = " ".join(cargas)
    archivos = cambiar(archivos_base(), PROGRAMA, "texto: (DP) Primer tema.", f"texto: '(DP) {carga}'")
    cambiar(archivos, PROGRAMA, "cargo: Presidenta", f"cargo: 'Presidenta {carga}'")
    cambiar(archivos, INFORME, "texto: Preparar el segundo informe.", f"texto: 'Preparar {carga}'")
    cambiar(archivos, INFORME, "descripcion: Informe de prueba.", f"descripcion: 'Informe {carga}'")
    resultado = cargar_datos(escribir(tmp_path, archivos))
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    for doc_id, veces in (("pat-cspen-2024", 2), ("informe-2024", 2)):
        sopa = BeautifulSoup(html_anexo(grafo.documentos[doc_id], grafo, URL), "html.parser")
        texto = sopa.body.get_text()
        for marcado in cargas:
            assert texto.count(marcado) >= veces, (doc_id, marcado)
        assert sopa.find(["script", "b"]) is None, doc_id
        for etiqueta in sopa.find_all(True):
            assert not any(atributo.startswith("on") for atributo in etiqueta.attrs), (doc_id, etiqueta.name)
            assert not etiqueta.get("href", "").startswith("javascript:"), doc_id
