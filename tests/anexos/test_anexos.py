"""exportar.anexos: los archivos de los anexos de todo el sitio con un generador de PDF de
prueba (rápido): vista y PDF por documento, direcciones cortas de cada acuerdo, listas de
huellas, opción sin PDF y memoria entre construcciones."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from programas_spen.anexos.anexos import construir_anexos
from programas_spen.anexos.integridad import sha256
from programas_spen.anexos.pdf import PdfGenerado
from programas_spen.anexos.pdf_en_fondo import GeneradorEnFondo, PdfPendiente
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo, construir_grafo

URL = "https://programas-spen.example/"


@pytest.fixture(scope="module")
def grafo(resultado_real) -> Grafo:
    return construir_grafo(resultado_real.datos, resultado_real.informe.avisos)


class Generador:
    """Generador de PDF de prueba: cuenta las llamadas y devuelve bytes que dependen del HTML."""

    def __init__(self) -> None:
        self.llamadas: list[str] = []

    def __call__(self, html: str, base_url: str) -> PdfGenerado:
        self.llamadas.append(base_url)
        return PdfGenerado(b"%PDF-prueba " + sha256(html.encode()).encode(), 3)


def test_archivos_de_cada_documento_y_acuerdo(grafo: Grafo) -> None:
    generador = Generador()
    anexos = construir_anexos(grafo, URL, generador=generador)
    for doc in grafo.datos.documentos:
        assert f"documentos/{doc.id}/anexo.pdf" in anexos.archivos
        assert f"documentos/{doc.id}/anexo/index.html" in anexos.archivos
    assert "INE/JGE06/2020/index.html" in anexos.archivos
    # cada acuerdo (de cualquier institución) tiene su dirección corta
    cortas = {numero: urls.ruta_corta_acuerdo(numero) for numero in grafo.acuerdos}
    assert [n for n, ruta in cortas.items() if ruta is None or ruta not in anexos.archivos] == []
    assert generador.llamadas == [f"{URL}documentos/{d.id}/anexo/" for d in grafo.datos.documentos]


def test_fichas_con_huella_del_pdf(grafo: Grafo) -> None:
    anexos = construir_anexos(grafo, URL, generador=Generador())
    ficha = anexos.fichas["ine-pat-spen-2020"]
    pdf = anexos.archivos["documentos/ine-pat-spen-2020/anexo.pdf"]
    assert ficha.sha256 == sha256(pdf) and ficha.bytes == len(pdf) and ficha.paginas == 3
    assert ficha.url_pdf == URL + "documentos/ine-pat-spen-2020/anexo.pdf"
    assert ficha.url_corta == URL + "INE/JGE06/2020/" and ficha.acuerdo == "INE/JGE06/2020"
    vista = anexos.archivos[ficha.ruta_vista].decode()
    assert ficha.sha256 in vista  # la vista de impresión muestra la huella del PDF
    lista = json.loads(anexos.archivos["anexos/anexos.json"])
    assert {a["documento"]: a["sha256"] for a in lista["anexos"]}["ine-pat-spen-2020"] == ficha.sha256
    sumas = anexos.archivos["anexos/SHA256SUMS"].decode().splitlines()
    assert f"{ficha.sha256}  documentos/ine-pat-spen-2020/anexo.pdf" in sumas
    assert anexos.avisos == []


def test_sin_pdf(grafo: Grafo) -> None:
    generador = Generador()
    anexos = construir_anexos(grafo, URL, pdf=False, generador=generador)
    assert generador.llamadas == []
    assert not [r for r in anexos.archivos if r.endswith(".pdf")]
    assert "anexos/SHA256SUMS" not in anexos.archivos
    assert all(f.sha256 is None and f.ruta_pdf is None for f in anexos.fichas.values())
    assert "documentos/ine-pat-spen-2020/anexo/index.html" in anexos.archivos


def test_memoria_entre_construcciones(grafo: Grafo) -> None:
    generador = Generador()
    memoria: dict[str, PdfGenerado] = {"huella-vieja": PdfGenerado(b"x", 1)}
    primera = construir_anexos(grafo, URL, memoria=memoria, generador=generador)
    documentos = len(grafo.datos.documentos)  # un PDF por documento, sean cuantos sean
    assert len(generador.llamadas) == documentos and len(memoria) == documentos
    assert "huella-vieja" not in memoria
    segunda = construir_anexos(grafo, URL, memoria=memoria, generador=generador)
    assert len(generador.llamadas) == documentos
    assert segunda.archivos == primera.archivos
    construir_anexos(grafo, "http://otro.example/", memoria=memoria, generador=generador)
    assert len(generador.llamadas) == 2 * documentos  # otra URL base, otro HTML (QR y pie): se regeneran


def test_avisos_del_generador(grafo: Grafo) -> None:
    def con_aviso(html: str, base_url: str) -> PdfGenerado:
        return PdfGenerado(b"%PDF", 1, ("Ignored `foo: bar`",))

    anexos = construir_anexos(grafo, URL, generador=con_aviso)
    assert ("ine-pat-spen-2020", "Ignored `foo: bar`") in anexos.avisos


class EnFondoDePrueba(GeneradorEnFondo):
    """Como ``GeneradorEnFondo``, pero sin lanzar procesos: anota lo encargado."""

    def __init__(self, carpeta: Path, fallidas: frozenset[str] = frozenset()) -> None:
        super().__init__(carpeta / "pdf", carpeta / "senal")
        self.encargados: list[list[PdfPendiente]] = []
        self._fallidas = fallidas

    def fallidas(self) -> frozenset[str]:
        return self._fallidas

    def encargar(self, pendientes: Iterable[PdfPendiente]) -> None:
        self.encargados.append(list(pendientes))


def test_en_fondo_no_espera_los_pdf_que_faltan(grafo: Grafo, tmp_path: Path) -> None:
    generador = Generador()
    en_fondo = EnFondoDePrueba(tmp_path)
    memoria: dict[str, PdfGenerado] = {}
    anexos = construir_anexos(grafo, URL, memoria=memoria, generador=generador, en_fondo=en_fondo)
    assert generador.llamadas == [] and memoria == {}
    assert not [r for r in anexos.archivos if r.endswith(".pdf")] and "anexos/SHA256SUMS" in anexos.archivos
    assert all(f.pdf_pendiente and f.ruta_pdf is None for f in anexos.fichas.values())
    vista = anexos.archivos["documentos/ine-pat-spen-2020/anexo/index.html"].decode()
    assert "PDF en preparación (vista previa)" in vista
    lista = json.loads(anexos.archivos["anexos/anexos.json"])
    assert all(a["pdf_pendiente"] is True for a in lista["anexos"])
    [encargo] = en_fondo.encargados
    assert [p.url for p in encargo] == [f"{URL}documentos/{d.id}/anexo/" for d in grafo.datos.documentos]
    # lo que hace el proceso aparte: generar cada PDF con su HTML y guardarlo por su huella
    for pendiente in encargo:
        assert pendiente.clave == sha256(pendiente.html.encode("utf-8"))
        memoria[pendiente.clave] = generador(pendiente.html, pendiente.url)
    llegados = construir_anexos(grafo, URL, memoria=memoria, generador=generador, en_fondo=en_fondo)
    assert en_fondo.encargados[1] == []  # nada que encargar: todo estaba en la memoria
    assert llegados.archivos == construir_anexos(grafo, URL, generador=Generador()).archivos


def test_en_fondo_fallido_se_genera_aqui(grafo: Grafo, tmp_path: Path) -> None:
    generador = Generador()
    primera = EnFondoDePrueba(tmp_path)
    construir_anexos(grafo, URL, memoria={}, generador=generador, en_fondo=primera)
    fallida = next(p.clave for p in primera.encargados[0] if "ine-pat-spen-2020" in p.url)
    en_fondo = EnFondoDePrueba(tmp_path, fallidas=frozenset({fallida}))
    anexos = construir_anexos(grafo, URL, memoria={}, generador=generador, en_fondo=en_fondo)
    assert generador.llamadas == [f"{URL}documentos/ine-pat-spen-2020/anexo/"]
    assert "documentos/ine-pat-spen-2020/anexo.pdf" in anexos.archivos
    assert not anexos.fichas["ine-pat-spen-2020"].pdf_pendiente
    assert len(en_fondo.encargados[0]) == len(grafo.datos.documentos) - 1  # los demás, aparte


def test_sin_pdf_no_se_encarga_nada(grafo: Grafo, tmp_path: Path) -> None:
    en_fondo = EnFondoDePrueba(tmp_path)
    anexos = construir_anexos(grafo, URL, pdf=False, en_fondo=en_fondo)
    assert en_fondo.encargados == [] and not any(f.pdf_pendiente for f in anexos.fichas.values())
