"""exportar.pdf: el PDF del anexo de cada documento real contiene, en su texto extraído
(pypdfium2), el encabezado de la institución y «Página x de y» en cada página, el título y cada
registro del documento; las filas no se parten y los encabezados de tabla se repiten; el mismo
HTML da los mismos bytes, con fechas de los datos; el QR decodifica (zxing-cpp) a la URL
permanente de la página; las fuentes van incrustadas y nada se descarga."""

from __future__ import annotations

import ctypes
import socket

import pytest

from programas_spen.anexos.anexo_html import encabezado_institucion, html_anexo
from programas_spen.anexos.pdf import PdfGenerado, generar_pdf, identificador
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo, construir_grafo
from tests.ayuda_pdf import RE_PAGINA, compacto, paginas_de_texto, qr_de_pagina, textos_de_registros

URL = "https://programas-spen.example/"


@pytest.fixture(scope="module")
def grafo(resultado_real) -> Grafo:
    return construir_grafo(resultado_real.datos, resultado_real.informe.avisos)


def _vista(doc_id: str) -> str:
    return urls.absoluta(URL, urls.url_de_archivo(urls.anexo_vista(doc_id)))


@pytest.fixture(scope="module")
def pdfs(grafo: Grafo) -> dict[str, tuple[str, PdfGenerado]]:
    """HTML y PDF del anexo de cada documento real (una vez por módulo)."""
    resultado = {}
    for doc in grafo.datos.documentos:
        html = html_anexo(doc, grafo, URL)
        resultado[doc.id] = (html, generar_pdf(html, _vista(doc.id)))
    return resultado


def _cuerpo(grafo: Grafo, doc_id: str, paginas: list[str]) -> str:
    """El texto de todas las páginas sin lo que va en los márgenes (encabezado, URL, «Página x
    de y», que WeasyPrint dibuja después del contenido de cada página), compacto: así un párrafo
    partido entre dos páginas se lee seguido."""
    doc = grafo.documentos[doc_id]
    margenes = [encabezado_institucion(doc, grafo), urls.absoluta(URL, urls.documento(doc_id).url())]
    partes = []
    for texto in paginas:
        texto = RE_PAGINA.sub("", texto)
        for margen in margenes:
            indice = texto.rfind(margen)
            if indice >= 0:
                texto = texto[:indice] + texto[indice + len(margen):]
        partes.append(texto)
    return compacto("".join(partes))


def test_cada_documento_sin_avisos(pdfs: dict[str, tuple[str, PdfGenerado]], grafo: Grafo) -> None:
    assert set(pdfs) == {doc.id for doc in grafo.datos.documentos}
    for doc_id, (_, pdf) in pdfs.items():
        assert pdf.contenido.startswith(b"%PDF-"), doc_id
        assert pdf.paginas >= 2, doc_id
        assert pdf.avisos == (), (doc_id, pdf.avisos)


def test_encabezado_url_y_pagina_x_de_y_en_cada_pagina(pdfs, grafo: Grafo) -> None:
    for doc_id, (_, pdf) in pdfs.items():
        doc = grafo.documentos[doc_id]
        encabezado = encabezado_institucion(doc, grafo)
        paginas = paginas_de_texto(pdf.contenido)
        assert len(paginas) == pdf.paginas
        for numero, texto in enumerate(paginas, start=1):
            assert encabezado in texto, (doc_id, numero)
            assert f"Página {numero} de {pdf.paginas}" in texto, (doc_id, numero)
            assert urls.absoluta(URL, urls.documento(doc_id).url()) in texto, (doc_id, numero)


def test_encabezado_de_la_institucion(grafo: Grafo) -> None:
    assert encabezado_institucion(grafo.documentos["ine-pat-spen-2020"], grafo) == "INSTITUTO NACIONAL ELECTORAL"
    assert encabezado_institucion(grafo.documentos["iepc-durango-pat-comision-seguimiento-2021"], grafo) == (
        "INSTITUTO ELECTORAL Y DE PARTICIPACIÓN CIUDADANA DEL ESTADO DE DURANGO")


def test_titulo_organo_y_cada_registro(pdfs, grafo: Grafo) -> None:
    for doc_id, (_, pdf) in pdfs.items():
        doc = grafo.documentos[doc_id]
        cuerpo = _cuerpo(grafo, doc_id, paginas_de_texto(pdf.contenido))
        assert compacto(doc.titulo) in cuerpo, doc_id
        assert compacto(grafo.organos[doc.organo].nombre.upper()) in cuerpo, doc_id
        faltan = [t for t in textos_de_registros(doc) if compacto(t) not in cuerpo]
        assert not faltan, (doc_id, faltan[:5])


def test_pat_2020_reproduce_el_anexo_de_la_fuente(pdfs, grafo: Grafo) -> None:
    doc = grafo.documentos["ine-pat-spen-2020"]
    paginas = paginas_de_texto(pdfs[doc.id][1].contenido)
    cuerpo = _cuerpo(grafo, doc.id, paginas)
    assert "AnexodelAcuerdoINE/JGE06/2020delaJuntaGeneralEjecutiva,del16deenerode2020" in cuerpo
    assert compacto("DIRECCIÓN EJECUTIVA DEL SERVICIO PROFESIONAL ELECTORAL NACIONAL") in cuerpo
    # Siglas e introducción antes que las 13 tablas, en el orden de la fuente.
    posiciones = [cuerpo.index("Siglas"), cuerpo.index("INTRODUCCIÓN")]
    posiciones += [cuerpo.index(compacto(m.titulo_tabla)) for m in doc.mecanismos]
    assert posiciones == sorted(posiciones)
    assert len(doc.mecanismos) == 13 and len(doc.actividades) == 74
    # Cada una de las 74 actividades con «No dado en la fuente» en lugar de sus meses perdidos.
    assert cuerpo.count("Nodadoenlafuente") >= 74
    assert cuerpo.count("*SujetoaloquesedetermineenlareformaalEstatuto.") == sum(
        len(m.notas) for m in doc.mecanismos)
    assert "Desarrollodedosmódulosdel ProgramadeFormación.*".replace(" ", "") in cuerpo
    assert "EjercicioEne" not in cuerpo  # el año agrupa los meses: «Ejercicio 2020» y debajo Ene…Dic
    assert "Ejercicio2020EneFebMarAbrMayJunJulAgoSepOctNovDic" in cuerpo


def test_tablas_de_meses_en_paginas_apaisadas(pdfs) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdfs["ine-pat-spen-2020"][1].contenido)
    try:
        tamanos = [pdf[i].get_size() for i in range(len(pdf))]
        textos = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    ancho, alto = tamanos[0]
    assert ancho < alto  # portada vertical (carta)
    for (ancho, alto), texto in zip(tamanos, textos, strict=True):
        if "Ejercicio 2020" in texto:
            assert ancho > alto


def test_filas_enteras_y_encabezados_repetidos(pdfs, grafo: Grafo) -> None:
    """Cada fila de tabla está entera en una sola página, y toda página con filas de temas
    repite el encabezado de la tabla."""
    for doc_id in ("ine-pat-spen-2020", "ine-pat-cspen-2024", "ine-informe-compromisos-cspen-2024-06"):
        doc = grafo.documentos[doc_id]
        paginas = [compacto(t) for t in paginas_de_texto(pdfs[doc_id][1].contenido)]
        filas = [a.texto for a in doc.actividades] + [t.texto for t in doc.temas]
        filas += [c.avance for c in doc.compromisos]
        for fila in filas:
            assert any(compacto(fila) in pagina for pagina in paginas), (doc_id, fila[:60])
    paginas = [compacto(t) for t in paginas_de_texto(pdfs["ine-pat-cspen-2024"][1].contenido)]
    temas = grafo.documentos["ine-pat-cspen-2024"].temas
    con_filas = [p for p in paginas if any(compacto(t.texto) in p for t in temas)]
    assert len(con_filas) >= 3
    for pagina in con_filas:
        assert "Núm.TemaEjercicio2024" in pagina and "Observaciones" in pagina


def test_mismo_html_mismos_bytes(pdfs) -> None:
    html, primero = pdfs["ine-pat-cspen-2024"]
    segundo = generar_pdf(html, _vista("ine-pat-cspen-2024"))
    assert segundo.contenido == primero.contenido
    assert identificador(html).decode() in primero.contenido.decode("latin-1")
    otro = generar_pdf(html.replace("<h1>", "<h1>X"), _vista("ine-pat-cspen-2024"))
    assert otro.contenido != primero.contenido


def test_metadatos_con_fechas_de_los_datos(pdfs) -> None:
    import pypdfium2 as pdfium

    esperadas = {"ine-pat-spen-2020": "D:20200116", "ine-informe-compromisos-cspen-2024-06": "D:20240617",
                 "ieeq-plan-trabajo-2024-2025": "D:20240101"}
    for doc_id, fecha in esperadas.items():
        pdf = pdfium.PdfDocument(pdfs[doc_id][1].contenido)
        try:
            metadatos = pdf.get_metadata_dict()
        finally:
            pdf.close()
        assert metadatos["CreationDate"] == fecha, doc_id
        assert metadatos["ModDate"] == fecha, doc_id
        assert metadatos["Author"]
        assert "anexo para la Gaceta" in metadatos["Title"]


def test_qr_decodifica_la_url_de_la_pagina(pdfs) -> None:
    for doc_id, (_, pdf) in pdfs.items():
        assert qr_de_pagina(pdf.contenido) == [urls.absoluta(URL, f"documentos/{doc_id}/")], doc_id


def test_fuentes_libres_incrustadas(pdfs) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as crudo

    pdf = pdfium.PdfDocument(pdfs["ine-pat-spen-2020"][1].contenido)
    fuentes: set[tuple[str, bool]] = set()
    try:
        for indice in range(len(pdf)):
            for objeto in pdf[indice].get_objects(filter=[crudo.FPDF_PAGEOBJ_TEXT], max_depth=5):
                fuente = crudo.FPDFTextObj_GetFont(objeto.raw)
                nombre = ctypes.create_string_buffer(256)
                crudo.FPDFFont_GetBaseFontName(fuente, nombre, 256)
                fuentes.add((nombre.value.decode(), bool(crudo.FPDFFont_GetIsEmbedded(fuente))))
    finally:
        pdf.close()
    assert fuentes
    assert all(incrustada for _, incrustada in fuentes), fuentes
    assert any("Liberation" in nombre or "DejaVu" in nombre for nombre, _ in fuentes)


def test_nada_se_descarga(monkeypatch: pytest.MonkeyPatch) -> None:
    def sin_red(*args: object, **kwargs: object) -> None:
        raise AssertionError("el PDF intentó usar la red")

    monkeypatch.setattr(socket.socket, "connect", sin_red)
    html = ('<!doctype html><html lang="es"><head><meta charset="utf-8"><title>t</title>'
            '<link rel="stylesheet" href="https://ejemplo.invalid/estilo.css"></head><body><p>Hola</p>'
            '<img src="https://ejemplo.invalid/x.png" alt="x"><img src="../local.png" alt="y"></body></html>')
    pdf = generar_pdf(html, "https://programas-spen.example/documentos/x/anexo/")
    assert pdf.paginas == 1
    assert pdf.avisos  # los recursos externos se rechazan y se informan
    assert "Hola" in paginas_de_texto(pdf.contenido)[0]
