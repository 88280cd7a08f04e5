"""El aspecto de institución (#26, punto 8) en el sitio real construido: la marca propia, la
tipografía servida por el sitio, el pie (quién publica, contacto, aviso legal, licencia, última
actualización de SOURCE_DATE_EPOCH), «En esta página» y el control «Copiar enlace a esta
sección» en vez de «#». Lo que se ve en el navegador (contraste, la búsqueda en el teléfono) lo
prueban ``tests/test_navegador_accesibilidad.py``."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from programas_spen.modelo.texto import fecha_larga
from programas_spen.sitio import corte
from tests.conftest import Construccion

pytestmark = pytest.mark.sitio

PAGINAS = ("index.html", "acerca/index.html", "documentos/ine-pat-cspen-2024/index.html",
           "sesiones/cspen-2024-06-17/index.html")


def _sopa(construccion: Construccion, ruta: str) -> BeautifulSoup:
    return BeautifulSoup((construccion.sitio / ruta).read_text(encoding="utf-8"), "html.parser")


def test_marca_propia_y_tipografia_del_sitio(sitio_construido: Construccion) -> None:
    for ruta in PAGINAS:
        sopa = _sopa(sitio_construido, ruta)
        logo = sopa.select_one(".md-header .md-logo")
        assert logo.find("svg", class_="spen-marca") is not None and logo.find("img") is None, ruta
        assert sopa.find("link", rel="icon")["href"].endswith("imagenes/marca.svg"), ruta
    css = (sitio_construido.sitio / "estilos" / "sitio.css").read_text(encoding="utf-8")
    fuentes = re.findall(r'url\("\.\./fuentes/([\w.-]+\.woff2)"\)', css)
    assert len(fuentes) == 4
    for fuente in fuentes:
        assert (sitio_construido.sitio / "fuentes" / fuente).stat().st_size > 10_000
    assert (sitio_construido.sitio / "fuentes" / "OFL.txt").is_file()
    assert "fonts.googleapis" not in css and "@import" not in css


def test_pie_de_pagina(sitio_construido: Construccion) -> None:
    hoy = corte.del_entorno().iso()
    for ruta in PAGINAS:
        pie = _sopa(sitio_construido, ruta).find("footer", class_="spen-pie")
        texto = " ".join(pie.get_text(" ").split())
        for rotulo in ("Quién publica", "Contacto", "Aviso legal", "Licencia de los datos"):
            assert rotulo.upper() in texto.upper(), (ruta, rotulo)
        enlaces = {" ".join(a.get_text().split()): a["href"] for a in pie.find_all("a")}
        assert enlaces["Términos de Libre Uso MX"] == "https://datos.gob.mx/libreusomx"
        assert any(h.startswith("mailto:datos@") for h in enlaces.values()), enlaces
        fecha = pie.find("time")
        assert fecha["datetime"] == hoy and fecha.get_text() == fecha_larga(hoy)


def test_en_esta_pagina_y_copiar_enlace(sitio_construido: Construccion) -> None:
    for ruta in PAGINAS:
        sopa = _sopa(sitio_construido, ruta)
        assert "Tabla de contenidos" not in sopa.get_text()
        toc = sopa.find("nav", class_="md-nav--secondary")
        assert toc is not None and toc["aria-label"] == "En esta página", ruta
        enlaces = sopa.find_all("a", class_="headerlink")
        assert enlaces, ruta
        for enlace in enlaces:
            assert enlace.get_text() == "Copiar enlace a esta sección", (ruta, str(enlace))
            assert enlace["href"].startswith("#") and len(enlace["href"]) > 1
        assert not [a for a in sopa.find_all("a") if a.get_text().strip() == "#"], ruta
