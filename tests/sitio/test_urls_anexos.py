"""urls (anexos): rutas de la vista de impresión y del PDF, dirección corta de cada acuerdo,
URL absolutas y enlaces relativos para HTML que MkDocs no reescribe."""

from __future__ import annotations

from programas_spen.sitio import urls


def test_rutas_del_anexo() -> None:
    assert urls.anexo_vista("ine-pat-spen-2020") == "documentos/ine-pat-spen-2020/anexo/index.html"
    assert urls.anexo_pdf("ine-pat-spen-2020") == "documentos/ine-pat-spen-2020/anexo.pdf"
    assert urls.descarga_anexo("ine-pat-spen-2020") == "ine-pat-spen-2020-anexo.pdf"
    assert urls.ANEXOS.url() == "anexos/"
    assert urls.LISTA_ANEXOS == "anexos/anexos.json" and urls.SUMAS_ANEXOS == "anexos/SHA256SUMS"
    assert urls.es_anexo_pdf(urls.anexo_pdf("ine-pat-spen-2020"))
    assert not urls.es_anexo_pdf("documentos/ine-pat-spen-2020/index.md")
    assert not urls.es_anexo_pdf("documentos/x/y/anexo.pdf")
    assert not urls.es_anexo_pdf("documentos/x/anexo.pdf.bak")


def test_direccion_corta_del_acuerdo() -> None:
    assert urls.ruta_corta_acuerdo("INE/JGE06/2020") == "INE/JGE06/2020/index.html"
    assert urls.ruta_corta_acuerdo("INE/CG909/2015") == "INE/CG909/2015/index.html"
    assert urls.ruta_corta_acuerdo("ine/jge06/2020") is None
    assert urls.ruta_corta_acuerdo("INE/JGE06/2020/../x") is None
    assert urls.ruta_corta_acuerdo("INE/JGE06") is None


def test_url_de_archivo_y_absoluta() -> None:
    assert urls.url_de_archivo("documentos/x/anexo/index.html") == "documentos/x/anexo/"
    assert urls.url_de_archivo("index.html") == ""
    assert urls.url_de_archivo("documentos/x/anexo.pdf") == "documentos/x/anexo.pdf"
    assert urls.absoluta("https://s.example/", "documentos/x/") == "https://s.example/documentos/x/"
    assert urls.absoluta("https://s.example", "/documentos/x/") == "https://s.example/documentos/x/"
    assert urls.absoluta("https://s.example/sub/", "") == "https://s.example/sub/"


def test_relativa() -> None:
    desde = "documentos/x/anexo/"
    assert urls.relativa("documentos/x/", desde) == "../"
    assert urls.relativa("documentos/x/anexo.pdf", desde) == "../anexo.pdf"
    assert urls.relativa("anexos/", desde) == "../../../anexos/"
    assert urls.relativa("INE/JGE06/2020/", desde) == "../../../INE/JGE06/2020/"
    assert urls.relativa("acuerdos/ine-jge06-2020/", "INE/JGE06/2020/") == "../../../acuerdos/ine-jge06-2020/"
    assert urls.relativa("", "a/b/") == "../../"
    assert urls.relativa("a/b/#x", "a/b/") == "#x"
    assert urls.relativa("a/b/", "a/b/") == "./"
    assert urls.relativa("a/c.pdf", "a/b.html") == "c.pdf"


def test_apartados_reservados() -> None:
    assert {"anexo", "como-citar"} <= urls.APARTADOS
