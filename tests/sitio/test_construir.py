"""sitio: ``construir_sitio`` sin MkDocs (todas las páginas, rutas únicas, cada enlace interno y
cada ancla existen, reproducible), ``DatosInvalidos`` con el informe cuando hay errores, los
fragmentos que incluyen las páginas escritas a mano y los metadatos YAML de cada página."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from programas_spen import paralelo
from programas_spen.anexos.pdf import PdfGenerado
from programas_spen.sitio import urls
from programas_spen.sitio.construir import MARCADOR, DatosInvalidos, Sitio, con_metadatos, construir_sitio, solo_latin1
from programas_spen.sitio.paginas import Pagina
from tests.conftest import DATOS, RAIZ, Construccion
from tests.datos_prueba import INFORME, archivos_base, cambiar, construir, escribir

_ENLACE = re.compile(r"\]\(([^)\s]+)\)")
_ANCLA = re.compile(r'id="([^"]+)"|\{#([^}\s]+)\}')


def _enlaces_rotos(sitio: Sitio) -> list[tuple[str, str]]:
    paginas = {p.ruta: p for p in sitio.paginas}
    archivos = {a.ruta for a in sitio.archivos}
    escritas = {p.relative_to(RAIZ / "contenido").as_posix()
                for p in (RAIZ / "contenido").rglob("*.md")}
    anclas = {ruta: {a or b for a, b in _ANCLA.findall(p.contenido)}
              for ruta, p in paginas.items()}
    rotos = []
    for ruta, pagina in paginas.items():
        for destino in _ENLACE.findall(pagina.contenido):
            if destino.startswith(("http://", "https://", "mailto:")):
                continue
            camino, _, ancla = destino.partition("#")
            if camino in ("", "./"):
                objetivo = ruta
            else:
                objetivo = posixpath.normpath(posixpath.join(posixpath.dirname(ruta), camino))
            if objetivo not in paginas and objetivo not in archivos and objetivo not in escritas:
                rotos.append((ruta, destino))
            elif ancla and objetivo in paginas and ancla not in anclas[objetivo]:
                rotos.append((ruta, destino))
    return rotos


def test_sitio_real_completo(sitio_real: Sitio) -> None:
    rutas = [p.ruta for p in sitio_real.paginas]
    assert len(rutas) == len(set(rutas))
    assert all(r.endswith(".md") for r in rutas)
    grafo = sitio_real.grafo
    esperadas = {urls.documento(d).ruta for d in grafo.documentos}
    esperadas |= {urls.acuerdo(n).ruta for n in grafo.acuerdos}
    esperadas |= {urls.sesion(s).ruta for s in grafo.sesiones}
    esperadas |= {urls.area(a).ruta for a in grafo.areas}
    esperadas |= {urls.mecanismo(m).ruta for m in grafo.mecanismos}
    esperadas |= {urls.institucion(i).ruta for i in grafo.instituciones}
    esperadas |= {d.ruta for d in (urls.DOCUMENTOS, urls.ACUERDOS, urls.SESIONES, urls.AREAS,
                                   urls.MECANISMOS, urls.INSTITUCIONES, urls.SIGLAS, urls.AVISOS)}
    assert esperadas <= set(rutas), esperadas - set(rutas)
    archivos = [a.ruta for a in sitio_real.archivos]
    assert len(archivos) == len(set(archivos))
    assert not set(archivos) & set(rutas)
    assert len(sitio_real.informe.avisos) == 12 and sitio_real.informe.errores == []


def test_enlaces_internos_y_anclas_existen(sitio_real: Sitio, sitio_prueba: Sitio) -> None:
    assert _enlaces_rotos(sitio_real) == []
    assert _enlaces_rotos(sitio_prueba) == []


def test_comprobacion_de_enlaces_detecta_uno_roto(sitio_prueba: Sitio) -> None:
    roto = Pagina("areas/x.md", "x", "[a](../documentos/pat-2020/index.md#no-existe) "
                  "[b](../no-existe.md) [c](dp.md)")
    sitio = Sitio(sitio_prueba.informe, sitio_prueba.grafo, [*sitio_prueba.paginas, roto],
                  sitio_prueba.archivos)
    assert _enlaces_rotos(sitio) == [("areas/x.md", "../documentos/pat-2020/index.md#no-existe"),
                                     ("areas/x.md", "../no-existe.md")]


def test_construccion_reproducible(tmp_path: Path) -> None:
    directorio = escribir(tmp_path, archivos_base())
    uno, otro = construir(directorio), construir(directorio)
    assert uno.paginas == otro.paginas
    assert uno.archivos == otro.archivos


@pytest.fixture
def repartir_siempre(monkeypatch: pytest.MonkeyPatch, copias_de_fork: list[int]) -> list[int]:
    """``paralelo`` copia el proceso aun con pocas tareas (los datos reales son pocos) y con
    otros hilos vivos (los de la suite); devuelve los pid de las copias."""
    monkeypatch.setattr(paralelo, "MINIMO_TAREAS", 1)
    monkeypatch.setattr(paralelo.threading, "active_count", lambda: 1)
    return copias_de_fork


@pytest.mark.skipif(not hasattr(os, "fork") or paralelo.procesos_disponibles() < 2,
                    reason="sin fork o con un solo núcleo")
def test_repartido_en_dos_procesos_es_el_mismo_sitio(sitio_real: Sitio, repartir_siempre: list[int]) -> None:
    """Anexos, páginas y feeds repartidos entre dos procesos: las mismas páginas y archivos, en
    el mismo orden, que en uno solo."""
    repartido = construir(DATOS)
    assert len(repartir_siempre) == 3  # anexos, páginas, feeds
    assert repartido.paginas == sitio_real.paginas
    assert repartido.archivos == sitio_real.archivos


@pytest.mark.skipif(not hasattr(os, "fork") or paralelo.procesos_disponibles() < 2,
                    reason="sin fork o con un solo núcleo")
def test_pdf_de_los_anexos_hechos_en_la_copia(sitio_construido: Construccion,
                                              repartir_siempre: list[int]) -> None:
    """Los PDF de los anexos generados en dos procesos son los del sitio construido, byte a
    byte, y la memoria de PDF se llena en el proceso original."""
    memoria: dict[str, PdfGenerado] = {}
    repartido = construir_sitio(DATOS, anexos_pdf=True, memoria_pdf=memoria)
    pdfs = {a.ruta: a.contenido for a in repartido.archivos if a.ruta.endswith(".pdf")}
    assert len(pdfs) == len(memoria) >= 2
    for ruta, contenido in pdfs.items():
        assert (sitio_construido.sitio / ruta).read_bytes() == contenido, ruta


def test_datos_invalidos_no_construyen_nada(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), INFORME, "    area: dj\n", "    area: juridica\n")
    with pytest.raises(DatosInvalidos) as excepcion:
        construir(escribir(tmp_path, archivos))
    informe = excepcion.value.informe
    [error] = informe.errores
    assert error.archivo == "datos/ine/2024/informe-2024.yml"
    assert str(excepcion.value) == informe.texto()
    assert f"datos/ine/2024/informe-2024.yml:{error.linea}:{error.columna}: error: el área " \
        "«juridica»" in str(excepcion.value)


def test_directorio_inexistente(tmp_path: Path) -> None:
    with pytest.raises(DatosInvalidos):
        construir(tmp_path / "no-hay")


def test_fragmentos_en_paginas_escritas_a_mano(sitio_prueba: Sitio) -> None:
    markdown = ("# Inicio\n\n<!-- programas-spen: cifras -->\n\n<!--programas-spen:documentos-->"
                "\n\n<!-- programas-spen: desconocido -->\n")
    resultado = sitio_prueba.incluir_fragmentos(markdown, "index.md")
    assert "<!--" not in resultado.replace("<!-- programas-spen: desconocido -->", "")
    assert "<!-- programas-spen: desconocido -->" in resultado
    assert "- [4 documentos](documentos/index.md)" in resultado
    assert "[PAT de prueba 2020](documentos/pat-2020/index.md)" in resultado
    assert resultado.startswith("# Inicio\n")
    # los enlaces dependen de la página que incluye el fragmento
    en_otra = sitio_prueba.incluir_fragmentos("<!-- programas-spen: cifras -->", "acerca/x.md")
    assert "- [4 documentos](../documentos/index.md)" in en_otra
    assert sitio_prueba.incluir_fragmentos("Sin marcadores.", "index.md") == "Sin marcadores."


def test_fragmentos_escritos_de_antemano(sitio_prueba: Sitio) -> None:
    fragmentos = sitio_prueba.fragmentos_para(["index.md", "acerca/x.md"])
    marcador = "<!-- programas-spen: cifras -->"
    for desde in ("index.md", "acerca/x.md"):
        assert fragmentos.incluir(marcador, desde) == sitio_prueba.incluir_fragmentos(marcador, desde)
    # una página para la que no se escribieron deja el marcador
    assert fragmentos.incluir(marcador, "otra.md") == marcador


@pytest.mark.parametrize(("entrada", "salida"), [
    ("Sin nada raro: año, «citas», ñ.", "Sin nada raro: año, «citas», ñ."),
    ("Compromiso 1 — Informe…", "Compromiso 1 &#8212; Informe&#8230;"),
    ("Archivo `000_—.txt` → ver", "Archivo `000_—.txt` &#8594; ver"),
    ("Emoji 🗓 fuera del plano básico", "Emoji &#128467; fuera del plano básico"),
])
def test_solo_latin1(entrada: str, salida: str) -> None:
    assert solo_latin1(entrada) == salida


def test_paginas_compactas_se_ven_igual(sitio_real: Sitio) -> None:
    import markdown

    from tests.datos_prueba import EXTENSIONES

    pagina = next(p for p in sitio_real.paginas if "—" in p.contenido and "`" in p.contenido)
    cuerpo = con_metadatos(pagina, compacto=True).split("\n---\n", 1)[1]
    assert "—" not in re.sub(r"`[^`\n]*`", "", cuerpo)
    assert all(ord(c) < 256 for c in re.sub(r"`[^`\n]*`", "", cuerpo))
    uno = BeautifulSoup(markdown.markdown(pagina.contenido, extensions=EXTENSIONES), "html.parser")
    dos = BeautifulSoup(markdown.markdown(solo_latin1(pagina.contenido), extensions=EXTENSIONES),
                        "html.parser")
    assert uno.get_text() == dos.get_text()
    assert [a.get("title") for a in uno.find_all("abbr")] == [
        a.get("title") for a in dos.find_all("abbr")]


def test_marcadores_de_la_portada_existen() -> None:
    portada = (RAIZ / "contenido" / "index.md").read_text(encoding="utf-8")
    nombres = MARCADOR.findall(portada)
    assert set(nombres) == {"cifras", "documentos"}


def test_metadatos_de_la_pagina() -> None:
    pagina = Pagina("documentos/x/index.md", 'Programa "2024": CSPEN', "# Hola\n",
                    descripcion="Una descripción\n  en dos líneas",
                    meta={"z": "último", "a": "primero"})
    texto = con_metadatos(pagina)
    assert texto.startswith("---\n")
    cabecera, cuerpo = texto[4:].split("\n---\n\n", 1)
    assert cuerpo == "# Hola\n"
    assert yaml.safe_load(cabecera) == {"title": 'Programa "2024": CSPEN',
                                        "description": "Una descripción en dos líneas",
                                        "z": "último", "a": "primero"}
    assert cabecera.splitlines()[2:] == ['a: "primero"', 'z: "último"']
    sin_descripcion = con_metadatos(Pagina("a.md", "Título", "x"))
    assert sin_descripcion == '---\ntitle: "Título"\n---\n\nx'


def test_metadatos_de_todas_las_paginas_reales_son_yaml(sitio_real: Sitio) -> None:
    for pagina in sitio_real.paginas:
        cabecera = con_metadatos(pagina)[4:].split("\n---\n\n", 1)[0]
        assert yaml.safe_load(cabecera)["title"] == pagina.titulo
