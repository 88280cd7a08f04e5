"""Los anexos en Chromium (Playwright): las vistas de impresión y el índice de anexos no tienen
infracciones de axe; la dirección corta de un acuerdo lleva a su página; al imprimir, las
páginas del sitio quedan sin navegación y con la URL de sus enlaces externos, y la vista de
impresión oculta su barra de pantalla."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.navegador


@pytest.fixture
def pagina(pestana):
    """Una pestaña del Chromium de la sesión (fixture ``pestana`` de ``conftest``)."""
    return pestana


@pytest.mark.parametrize("ruta,contexto", [
    ("documentos/ine-pat-spen-2020/anexo/", None), ("documentos/ine-pat-cspen-2024/anexo/", None),
    ("documentos/ine-informe-compromisos-cspen-2024-06/anexo/", None),
    ("documentos/iepc-durango-pat-comision-seguimiento-2021/anexo/", None),
    ("documentos/ieeq-plan-trabajo-2024-2025/anexo/", None),
    # En las páginas de MkDocs se revisa el contenido generado (el tema es de otra prueba).
    ("anexos/", "article"),
])
def test_sin_infracciones_de_accesibilidad(pagina, servidor: str, ruta: str, contexto: str | None) -> None:
    from axe_playwright_python.sync_playwright import Axe

    pagina.goto(servidor + ruta)
    resultado = Axe().run(pagina, context=contexto)
    assert resultado.violations_count == 0, resultado.generate_report()


def test_direccion_corta_lleva_al_acuerdo(pagina, servidor: str) -> None:
    pagina.goto(servidor + "INE/JGE06/2020/")
    pagina.wait_for_url(servidor + "acuerdos/ine-jge06-2020/")
    assert pagina.title().startswith("Acuerdo INE/JGE06/2020")


def _visible(pagina, selector: str) -> bool:
    return pagina.eval_on_selector(selector, "e => getComputedStyle(e).display !== 'none'")


def test_imprimir_una_pagina_del_sitio(pagina, servidor: str) -> None:
    pagina.goto(servidor + "documentos/ine-informe-compromisos-cspen-2024-06/")
    pagina.emulate_media(media="screen")
    assert _visible(pagina, ".md-header")
    pagina.emulate_media(media="print")
    try:
        for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert not _visible(pagina, selector), selector
        externo = pagina.locator("article a[href^='https://']").first
        despues = externo.evaluate("e => getComputedStyle(e, '::after').content")
        assert externo.get_attribute("href") in despues
    finally:
        pagina.emulate_media(media="screen")


def test_imprimir_la_vista_del_anexo(pagina, servidor: str) -> None:
    pagina.goto(servidor + "documentos/ine-pat-spen-2020/anexo/")
    assert _visible(pagina, "nav.solo-pantalla")
    pagina.emulate_media(media="print")
    try:
        assert not _visible(pagina, "nav.solo-pantalla")
        assert _visible(pagina, "main")
    finally:
        pagina.emulate_media(media="screen")
