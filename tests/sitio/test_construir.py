"""sitio.construir: ``construir_sitio`` sin MkDocs (todas las páginas, rutas únicas, cada enlace
interno y cada ancla existen, reproducible), ``DatosInvalidos`` con el informe cuando hay
errores y los fragmentos que incluyen las páginas escritas a mano."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from programas_spen.sitio import urls
from programas_spen.sitio.construir import MARCADOR, DatosInvalidos, Sitio
from programas_spen.sitio.paginas.indices import FRAGMENTOS
from programas_spen.sitio.render import PaginaHtml
from tests.conftest import RAIZ
from tests.datos_prueba import INFORME, archivos_base, archivos_continuidad, cambiar, construir, escribir


def _url_de(ruta: str) -> str:
    """La URL (con barra final) de la página con ruta ``ruta`` (Markdown)."""
    return "/" + urls.Destino(ruta).url()


def _enlaces_rotos(sitio: Sitio) -> list[tuple[str, str]]:
    """Cada enlace relativo de cada página generada que no lleva a una página, archivo o página
    escrita a mano del sitio, o a un ancla que no existe en su página."""
    paginas = {_url_de(p.ruta): p for p in sitio.paginas}
    archivos = {"/" + a.ruta for a in sitio.archivos}
    escritas = {_url_de(p.relative_to(RAIZ / "contenido").as_posix())
                for p in (RAIZ / "contenido").rglob("*.md")}
    sopas = {url: BeautifulSoup(p.html, "html.parser") for url, p in paginas.items()}
    anclas = {url: {e["id"] for e in sopa.find_all(id=True)} for url, sopa in sopas.items()}
    rotos = []
    for url, sopa in sopas.items():
        for a in sopa.find_all("a", href=True):
            destino = a["href"]
            if destino.startswith(("http://", "https://", "mailto:", "webcal://")):
                continue
            camino, _, ancla = destino.partition("#")
            objetivo = url if camino == "" else posixpath.normpath(posixpath.join(url, camino))
            if camino.endswith("/") or camino in ("", "./"):
                objetivo = objetivo.rstrip("/") + "/"
            objetivo = unquote(objetivo).replace("//", "/")
            if objetivo not in paginas and objetivo not in archivos and objetivo not in escritas \
                    and objetivo.rstrip("/") not in archivos and objetivo + "index.html" not in archivos:
                rotos.append((url, destino))
            elif ancla and objetivo in anclas and ancla not in anclas[objetivo]:
                rotos.append((url, destino))
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
    assert sitio_real.informe.errores == []
    for pagina in sitio_real.paginas:
        assert pagina.titulo and pagina.html.strip(), pagina.ruta


def test_enlaces_internos_y_anclas_existen(sitio_real: Sitio, sitio_prueba: Sitio) -> None:
    assert _enlaces_rotos(sitio_real) == []
    assert _enlaces_rotos(sitio_prueba) == []


def test_comprobacion_de_enlaces_detecta_uno_roto(sitio_prueba: Sitio) -> None:
    roto = PaginaHtml("areas/x.md", "x", '<a href="../../documentos/pat-2020/#no-existe">a</a> '
                      '<a href="../../no-existe/">b</a> <a href="../dp/">c</a>', ())
    sitio = Sitio(sitio_prueba.informe, sitio_prueba.grafo, [*sitio_prueba.paginas, roto], sitio_prueba.archivos)
    assert _enlaces_rotos(sitio) == [("/areas/x/", "../../documentos/pat-2020/#no-existe"),
                                     ("/areas/x/", "../../no-existe/")]


def test_construccion_reproducible(tmp_path: Path) -> None:
    directorio = escribir(tmp_path, archivos_base())
    uno, otro = construir(directorio), construir(directorio)
    assert uno.paginas == otro.paginas
    assert uno.archivos == otro.archivos


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
    html = ("<h1>Inicio</h1>\n<!-- programas-spen: cifras -->\n<!--programas-spen:documentos-->"
            "\n<!-- programas-spen: desconocido -->\n")
    resultado = sitio_prueba.incluir_fragmentos(html, "index.md")
    assert "<!-- programas-spen: desconocido -->" in resultado
    assert resultado.count("<!--") == 1
    sopa = BeautifulSoup(resultado, "html.parser")
    assert sopa.find("a", string="4 documentos")["href"] == "documentos/"
    assert sopa.find("a", string="PAT de prueba 2020")["href"] == "documentos/pat-2020/"
    assert resultado.startswith("<h1>Inicio</h1>\n")
    # los enlaces dependen de la página que incluye el fragmento
    en_otra = BeautifulSoup(sitio_prueba.incluir_fragmentos("<!-- programas-spen: cifras -->", "acerca/x.md"),
                            "html.parser")
    assert en_otra.find("a", string="4 documentos")["href"] == "../../documentos/"
    assert sitio_prueba.incluir_fragmentos("Sin marcadores.", "index.md") == "Sin marcadores."
    assert sitio_prueba.fragmento("desconocido", "index.md") is None


def test_marcadores_de_la_portada_existen() -> None:
    portada = (RAIZ / "contenido" / "index.md").read_text(encoding="utf-8")
    nombres = MARCADOR.findall(portada)
    # cada marcador es un fragmento conocido, y la portada los usa todos una vez
    assert sorted(nombres) == sorted(FRAGMENTOS)


def _con_portada(sitio: Sitio) -> Sitio:
    """El sitio más la portada escrita a mano con todos sus fragmentos incluidos (una página
    más, para comprobar sus enlaces como los de las generadas)."""
    portada = (RAIZ / "contenido" / "index.md").read_text(encoding="utf-8")
    html = sitio.incluir_fragmentos("\n".join(f"<!-- programas-spen: {n} -->" for n in MARCADOR.findall(portada)),
                                    "index.md")
    return Sitio(sitio.informe, sitio.grafo, [*sitio.paginas, PaginaHtml("index.md", "Inicio", html, ())],
                 sitio.archivos, corte=sitio.corte)


def test_enlaces_de_la_portada_existen(sitio_real: Sitio, sitio_prueba: Sitio) -> None:
    for sitio in (sitio_real, sitio_prueba):
        con_portada = _con_portada(sitio)
        assert "<!--" not in con_portada.paginas[-1].html
        assert _enlaces_rotos(con_portada) == []


def test_corte_de_la_portada(tmp_path: Path) -> None:
    from datetime import date

    from programas_spen.sitio.construir import construir_sitio
    from programas_spen.sitio.corte import Corte

    directorio = escribir(tmp_path, archivos_base())
    sitio = construir_sitio(directorio, anexos_pdf=False, corte=Corte(date(2024, 3, 5)))
    assert sitio.corte == Corte(date(2024, 3, 5))
    assert "Datos actualizados al 5 de marzo de 2024." in sitio.fragmento("actualizacion", "index.md")
    assert 'id="mes-2024-03"' in sitio.fragmento("este-mes", "index.md")


def test_continuidad_en_el_sitio(tmp_path: Path) -> None:
    sitio = construir(escribir(tmp_path, archivos_continuidad()))
    paginas = {p.ruta: BeautifulSoup(p.html, "html.parser") for p in sitio.paginas}
    # el índice de compromisos, con cada registro de cada informe
    compromisos = paginas[urls.COMPROMISOS.ruta]
    assert compromisos.find("tr", id="informe-2024-04--compromiso-01") is not None
    # el programa de 2024 dice qué cambió respecto de 2023; el de 2023, nada
    assert paginas[urls.documento("pat-cspen-2024").ruta].find(id="cambios") is not None
    assert paginas[urls.documento("pat-cspen-2023").ruta].find(id="cambios") is None
    # cada informe muestra la historia del compromiso que comparten
    for informe in ("informe-2024", "informe-2024-04"):
        assert paginas[urls.documento(informe).ruta].find(id="historia-compromisos") is not None
    assert _enlaces_rotos(_con_portada(sitio)) == []
