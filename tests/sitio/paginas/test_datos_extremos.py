"""Entrada extrema pero válida (``tests/datos_extremos``): un documento sin meses, un informe sin
sesiones ni compromisos, uno de un solo registro, títulos de 500 caracteres y 300 temas en un
mes. El sitio completo se construye sin errores y ninguna página tiene cajas vacías: ninguna
tabla sin filas, ninguna lista sin elementos, ningún encabezado sin contenido."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.render import PaginaHtml
from tests.datos_extremos import LARGO, MES_LLENO, TEMAS_EN_UN_MES, archivos_extremos
from tests.datos_prueba import construir, escribir
from tests.sitio.paginas.sopa import enlaces, plano, texto_de_apartado

ENCABEZADOS = ("h1", "h2", "h3", "h4", "h5", "h6")


@pytest.fixture(scope="module")
def sitio(tmp_path_factory: pytest.TempPathFactory) -> Sitio:
    return construir(escribir(tmp_path_factory.mktemp("extremos"), archivos_extremos()))


@pytest.fixture(scope="module")
def html(sitio: Sitio) -> dict[str, BeautifulSoup]:
    return {p.ruta: BeautifulSoup(p.html, "html.parser") for p in sitio.paginas}


def cajas_vacias(pagina: BeautifulSoup) -> list[str]:
    """Las tablas sin filas, las listas sin elementos y los encabezados sin contenido (seguidos
    de otro de su nivel o mayor, o del final) de una página."""
    vacias = [f"tabla sin filas: {plano(t)[:80]}" for t in pagina.find_all("table")
              if not t.select("tbody tr")]
    # la lista de resultados de la búsqueda la llena su script: no es una caja del contenido
    vacias += [f"lista sin elementos cerca de «{plano(lista.find_previous(ENCABEZADOS) or pagina)[:60]}»"
               for lista in pagina.find_all(["ul", "ol"])
               if not lista.find("li") and lista.find_parent(attrs={"data-buscador": True}) is None]
    for encabezado in pagina.find_all(ENCABEZADOS):
        if encabezado.name == "h1":
            continue
        nivel = int(encabezado.name[1])
        siguiente = encabezado.find_next_sibling(lambda e: isinstance(e, Tag) and e.name != "script")
        if siguiente is None or (siguiente.name in ENCABEZADOS and int(siguiente.name[1]) <= nivel):
            vacias.append(f"encabezado sin contenido: «{plano(encabezado)}»")
    return vacias


def test_el_sitio_se_construye_sin_errores(sitio: Sitio) -> None:
    assert not sitio.informe.errores
    assert {d.id for d in sitio.grafo.datos.documentos} >= {
        "sin-meses", "informe-vacio", "un-registro", "titulos-largos", "trescientos"}


def test_ninguna_pagina_tiene_cajas_vacias(sitio: Sitio, html: dict[str, BeautifulSoup]) -> None:
    problemas = {ruta: cajas_vacias(pagina) for ruta, pagina in html.items()}
    assert not {ruta: p for ruta, p in problemas.items() if p}


def test_la_prueba_ve_una_caja_vacia() -> None:
    """La comprobación puede fallar: una tabla sin filas, una lista vacía y un encabezado sin
    nada debajo se detectan."""
    pagina = BeautifulSoup("<h2>A</h2><h2>B</h2><table><thead><tr><th>x</th></tr></thead><tbody></tbody></table>"
                           "<ul></ul>", "html.parser")
    assert len(cajas_vacias(pagina)) == 3


def _pagina(sitio: Sitio, ruta: str) -> PaginaHtml:
    return next(p for p in sitio.paginas if p.ruta == ruta)


def test_trescientos_temas_en_un_mes(html: dict[str, BeautifulSoup]) -> None:
    mes = html[f"calendario/{MES_LLENO[:4]}/{MES_LLENO[5:]}.md"]
    temas = mes.find(id="organo-cspen-temas").find_next_sibling("ul")
    assert len(temas.find_all("li", recursive=False)) == TEMAS_EN_UN_MES
    # la sesión prevista que no se celebró lo dice con palabras
    assert "Prevista, sin registro de celebración 2.ª sesión ordinaria" in texto_de_apartado(
        mes, "organo-cspen-sesiones")


def test_documento_sin_meses(html: dict[str, BeautifulSoup]) -> None:
    calendario = html["documentos/sin-meses/calendario.md"]
    assert calendario.find(id="rejilla") is not None and calendario.select_one("table.spen-calendario") is None
    sin_meses = texto_de_apartado(calendario, "sin-meses")
    assert "(DP) Tema sin meses. — No dado en la fuente" in sin_meses
    assert "(DP) Tema permanente. — Permanente" in sin_meses
    assert "no dan meses" in texto_de_apartado(calendario, "proximamente") or \
        "Nada previsto" in texto_de_apartado(calendario, "proximamente")


def test_un_solo_registro(html: dict[str, BeautifulSoup]) -> None:
    calendario = html["documentos/un-registro/calendario.md"]
    meses = calendario.find(id="meses").find_next_sibling("ul")
    assert [plano(li) for li in meses.find_all("li")] == ["Julio de 2025: 1 actividad"]
    assert enlaces(meses)["Julio de 2025"] == "../../../calendario/2025/07/"


def test_titulos_largos_sin_recortes(html: dict[str, BeautifulSoup]) -> None:
    assert len(LARGO) == 500
    calendario = html["documentos/titulos-largos/calendario.md"]
    assert plano(calendario.find("h1")) == f"Calendario: {LARGO}"
    julio = html["calendario/2025/03.md"]
    assert LARGO in plano(julio)


def test_informe_sin_sesiones_ni_compromisos(html: dict[str, BeautifulSoup]) -> None:
    assert "documentos/informe-vacio/index.md" in html
    assert "documentos/informe-vacio/calendario.md" not in html  # nada que poner en un calendario
