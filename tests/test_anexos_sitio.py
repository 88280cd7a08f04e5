"""Los anexos en el sitio construido (``mkdocs build --strict``): cada documento enlaza su PDF y
su vista de impresión; la huella publicada en la página, en ``anexos.json`` y en
``SHA256SUMS`` es la del archivo servido; el PDF del sitio es idéntico byte a byte al que se
genera aquí de los mismos datos; su QR lleva a la página; las direcciones cortas de los
acuerdos llevan a su página; las páginas de los anexos pasan las comprobaciones de enlaces y de
accesibilidad básica; ``ANEXOS_PDF=false`` apaga los PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from programas_spen.anexos.integridad import sha256
from programas_spen.sitio.construir import construir_sitio
from tests.ayuda_pdf import paginas_de_texto, qr_de_pagina
from tests.conftest import DATOS, Construccion, construir, copiar_proyecto

pytestmark = pytest.mark.sitio

#: Los documentos de las fuentes: cada uno tiene su anexo (los que se añadan, también: las
#: pruebas de conjunto miran todos los documentos de los datos).
DOCUMENTOS = (
    "ine-pat-spen-2020", "ine-pat-cspen-2024", "ine-informe-compromisos-cspen-2024-06",
    "iepc-durango-pat-comision-seguimiento-2021", "ieeq-plan-trabajo-2024-2025",
)


def _sopa(ruta: Path) -> BeautifulSoup:
    return BeautifulSoup(ruta.read_text(encoding="utf-8"), "html.parser")


def _url_base(sitio: Path) -> str:
    """La URL pública con que se construyó el sitio (la de su enlace canónico)."""
    canonica = _sopa(sitio / "index.html").find("link", rel="canonical")["href"]
    return canonica if canonica.endswith("/") else canonica + "/"


def test_cada_documento_enlaza_su_anexo(sitio_construido: Construccion) -> None:
    sitio = sitio_construido.sitio
    for doc in DOCUMENTOS:
        articulo = _sopa(sitio / "documentos" / doc / "index.html").find("article")
        apartado = articulo.find(id="anexo")
        assert apartado is not None, doc
        descarga = articulo.find("a", href="anexo.pdf")
        assert descarga is not None and descarga["download"] == f"{doc}-anexo.pdf"
        assert articulo.find("a", href="anexo/") is not None
        assert (sitio / "documentos" / doc / "anexo.pdf").is_file()
        assert (sitio / "documentos" / doc / "anexo" / "index.html").is_file()
        assert articulo.find(id="como-citar") is not None
        assert articulo.find("blockquote", class_="cita-gaceta").get_text().startswith(
            "Instituto ")


def test_huella_publicada_es_la_del_archivo(sitio_construido: Construccion, resultado_real) -> None:
    sitio = sitio_construido.sitio
    lista = json.loads((sitio / "anexos" / "anexos.json").read_text(encoding="utf-8"))
    por_documento = {a["documento"]: a for a in lista["anexos"]}
    assert set(por_documento) == {d.id for d in resultado_real.datos.documentos} >= set(DOCUMENTOS)
    sumas = dict(reversed(linea.split("  ", 1))
                 for linea in (sitio / "anexos" / "SHA256SUMS").read_text().splitlines())
    indice = _sopa(sitio / "anexos" / "index.html").find("article")
    for doc in DOCUMENTOS:
        contenido = (sitio / "documentos" / doc / "anexo.pdf").read_bytes()
        huella = sha256(contenido)
        pagina = _sopa(sitio / "documentos" / doc / "index.html").find("article")
        texto = " ".join(pagina.find(id="anexo").find_next("ul").get_text(" ").split())
        assert f"SHA-256 del PDF: {huella}" in texto, doc
        paginas = len(paginas_de_texto(contenido))
        assert f"{paginas} páginas" in texto, doc
        assert por_documento[doc]["sha256"] == huella
        assert por_documento[doc]["bytes"] == len(contenido) and por_documento[doc]["paginas"] == paginas
        assert sumas[f"documentos/{doc}/anexo.pdf"] == huella
        fila = indice.find("a", href=f"../documentos/{doc}/anexo.pdf").find_parent("tr")
        assert huella in fila.get_text() and str(paginas) in fila.get_text()
        vista = _sopa(sitio / "documentos" / doc / "anexo" / "index.html")
        # la huella va al final de la vista de impresión, en sus detalles técnicos
        assert huella not in vista.find("nav").get_text()
        assert huella in vista.find("details", class_="detalles-tecnicos").get_text()


def test_el_pdf_del_sitio_es_el_de_los_datos(sitio_construido: Construccion) -> None:
    """Otro proceso, la misma entrada: los mismos bytes (y la misma huella) en cada PDF."""
    sitio = sitio_construido.sitio
    local = construir_sitio(DATOS, _url_base(sitio))
    generados = {a.ruta: a.contenido for a in local.archivos if a.ruta.endswith(".pdf")}
    assert set(generados) == {f"documentos/{d.id}/anexo.pdf" for d in local.grafo.datos.documentos}
    for ruta, contenido in generados.items():
        assert (sitio / ruta).read_bytes() == contenido, ruta


def test_qr_de_cada_anexo_lleva_a_su_pagina(sitio_construido: Construccion) -> None:
    sitio = sitio_construido.sitio
    base = _url_base(sitio)
    for doc in DOCUMENTOS:
        pagina = _sopa(sitio / "documentos" / doc / "index.html")
        esperada = pagina.find("link", rel="canonical")["href"]
        assert esperada == f"{base}documentos/{doc}/"
        assert qr_de_pagina((sitio / "documentos" / doc / "anexo.pdf").read_bytes()) == [esperada]


def test_direcciones_cortas_de_los_acuerdos(sitio_construido: Construccion) -> None:
    sitio = sitio_construido.sitio
    acuerdos = sorted(p.parent.name for p in (sitio / "acuerdos").glob("*/index.html"))
    assert "ine-jge06-2020" in acuerdos
    for slug in acuerdos:
        numero = slug.upper().replace("-", "/")
        corta = sitio / numero / "index.html"
        assert corta.is_file(), numero
        sopa = _sopa(corta)
        destino = sopa.find("meta", attrs={"http-equiv": "refresh"})["content"].split("url=", 1)[1]
        assert (corta.parent / destino / "index.html").resolve() == (sitio / "acuerdos" / slug / "index.html")
        assert sopa.main.find("a")["href"] == destino
    acuerdo = _sopa(sitio / "acuerdos" / "ine-jge06-2020" / "index.html").find("article")
    citar = acuerdo.find(id="como-citar").find_next("p")
    assert citar.find("code").get_text() == f"{_url_base(sitio)}INE/JGE06/2020/"
    assert acuerdo.find("a", href="../../documentos/ine-pat-spen-2020/anexo.pdf") is not None


def _paginas_de_anexos(sitio: Path) -> list[Path]:
    return (sorted(sitio.glob("documentos/*/anexo/index.html")) + [sitio / "anexos" / "index.html"]
            + sorted(p for p in sitio.glob("*/*/*/index.html") if p.parts[-4].isupper()))


def test_paginas_de_anexos_sin_enlaces_rotos(sitio_construido: Construccion) -> None:
    sitio = sitio_construido.sitio
    paginas = _paginas_de_anexos(sitio)
    assert len(paginas) >= 5 + 1 + 10
    rotos = []
    for pagina in paginas:
        sopa = _sopa(pagina)
        ids = {e["id"] for e in sopa.find_all(id=True)}
        for a in sopa.find_all("a", href=True):
            partes = urlsplit(a["href"])
            if partes.scheme or partes.netloc:
                continue
            destino = (pagina.parent / unquote(partes.path)).resolve() if partes.path else pagina
            if destino.is_dir():
                destino = destino / "index.html"
            if not destino.exists() or (not partes.path and partes.fragment and partes.fragment not in ids):
                rotos.append((str(pagina.relative_to(sitio)), a["href"]))
    assert not rotos, rotos


def test_paginas_de_anexos_accesibles(sitio_construido: Construccion) -> None:
    for pagina in _paginas_de_anexos(sitio_construido.sitio):
        sopa = _sopa(pagina)
        assert sopa.html["lang"] == "es", pagina
        assert sopa.title and sopa.title.get_text().strip(), pagina
        assert len(sopa.find_all("h1")) == 1, pagina
        assert all(img.get("alt") for img in sopa.find_all("img")), pagina
        for elemento, atributo in (("script", "src"), ("link", "href"), ("img", "src")):
            for nodo in sopa.find_all(elemento):
                valor = nodo.get(atributo) or ""
                if elemento == "link" and "canonical" in nodo.get("rel", []):
                    continue
                assert not re.match(r"^(https?:)?//", valor), (pagina, valor)


def test_hoja_de_impresion_para_todo_el_sitio(sitio_construido: Construccion) -> None:
    css = (sitio_construido.sitio / "estilos" / "sitio.css").read_text(encoding="utf-8")
    impresion = css[css.index("@media print {\n  @page"):]
    for selector in (".md-header", ".md-sidebar", ".md-search", ".md-footer", ".md-tabs"):
        assert selector in impresion
    assert 'content: " (" attr(href) ")"' in impresion
    assert "display: table-header-group" in impresion and "break-inside: avoid" in impresion


def test_anexos_pdf_false_omite_los_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    proyecto = copiar_proyecto(tmp_path / "proyecto")
    monkeypatch.setenv("ANEXOS_PDF", "false")
    resultado = construir(proyecto, tmp_path / "site")
    assert resultado.codigo == 0, resultado.salida
    assert "WARNING" not in resultado.salida
    sitio = resultado.sitio
    assert not list(sitio.rglob("*.pdf"))
    assert (sitio / "documentos" / "ine-pat-spen-2020" / "anexo" / "index.html").is_file()
    assert (sitio / "INE" / "JGE06" / "2020" / "index.html").is_file()
    assert "no se generó en esta construcción" in (
        sitio / "documentos" / "ine-pat-spen-2020" / "index.html").read_text(encoding="utf-8")
