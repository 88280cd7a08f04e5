"""Teléfonos primero (WCAG 2.1 1.4.10, reflujo): ninguna página del sitio real construido se
desplaza de lado a 320 ni a 390 px de ancho en Chromium, en cada tipo de página (una
representativa), en las páginas y los calendarios de los cinco documentos, y en las páginas de
datos abiertos.

Lo que estas pruebas encontraron y se corrigió en el sitio (no en la prueba):

- el texto para lectores de pantalla (``.sr-only``, con ``position: absolute``) de las celdas de
  una tabla ancha se colocaba respecto a la página, no a su marco con desplazamiento, y la
  ensanchaba (``/calendario/2024/03/`` medía 452 px y ``/documentos/ine-pat-cspen-2024/calendario/``
  636 px): los marcos son ahora su bloque contenedor (``tema/estilos/calendario.css``);
- la tabla de meses de la vista impresa de un anexo ensanchaba la página: en pantalla se
  desplaza en su región con nombre (``sitio/plantillas/anexo.css`` y ``anexo.html``)."""

from __future__ import annotations

import pytest

from tests.navegador import DOCUMENTOS, PAGINAS_Y_DOCUMENTOS, material_listo
from tests.reflujo import ANCHOS, desbordes

pytestmark = pytest.mark.navegador

#: Cada tipo de página, las de cada documento y su calendario, y las de datos abiertos.
RUTAS: dict[str, str] = {
    **PAGINAS_Y_DOCUMENTOS,
    **{f"calendario-{doc}": f"documentos/{doc}/calendario/" for doc in DOCUMENTOS
       if doc != "ine-informe-compromisos-cspen-2024-06"},  # un informe no tiene calendario
    "datos-abiertos": "datos/",
    "diccionario": "datos/diccionario/",
    "informe-compromisos": "documentos/ine-informe-compromisos-cspen-2024-06/",
}


@pytest.fixture(scope="module")
def pestana_de_ancho(navegador):
    """Una pestaña de teléfono (táctil) por ancho, reutilizada por todas las páginas."""
    abiertas = {}
    contextos = []

    def obtener(ancho: int):
        if ancho not in abiertas:
            ctx = navegador.new_context(viewport={"width": ancho, "height": 720}, locale="es-MX",
                                        is_mobile=True, has_touch=True)
            contextos.append(ctx)
            abiertas[ancho] = ctx.new_page()
        return abiertas[ancho]

    yield obtener
    for ctx in contextos:
        ctx.close()


@pytest.mark.parametrize("ancho", ANCHOS)
@pytest.mark.parametrize("tipo", sorted(RUTAS))
def test_ninguna_pagina_se_desplaza_de_lado(pestana_de_ancho, servidor: str, tipo: str, ancho: int) -> None:
    pagina = pestana_de_ancho(ancho)
    respuesta = pagina.goto(servidor + RUTAS[tipo])
    assert respuesta is not None and respuesta.ok, RUTAS[tipo]
    material_listo(pagina)
    problemas = desbordes(pagina)
    assert not problemas, f"{RUTAS[tipo]} a {ancho} px:\n" + "\n".join(problemas)


def test_la_medida_ve_un_desborde(pestana_de_ancho, servidor: str) -> None:
    """La prueba puede fallar: un bloque más ancho que la ventana se detecta."""
    pagina = pestana_de_ancho(320)
    pagina.goto(servidor + PAGINAS_Y_DOCUMENTOS["glosario"])
    material_listo(pagina)
    pagina.evaluate("""() => { const d = document.createElement('div'); d.style.width = '900px';
                             d.style.height = '10px'; document.querySelector('article').append(d); }""")
    assert any("900" in p or "px de ancho" in p for p in desbordes(pagina))
