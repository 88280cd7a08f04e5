"""El calendario en Chromium: los filtros de la agenda de un mes (rótulos del catálogo, sin
repetidos, que ocultan lo que no coincide) y el botón «Copiar dirección» de las suscripciones
(visible solo con JavaScript, copia la dirección que se ve como texto y lo anuncia)."""

from __future__ import annotations

import pytest

from tests.navegador import ESCRITORIO, PAGINAS, material_listo

pytestmark = pytest.mark.navegador


def test_filtros_de_la_agenda(pestana, servidor: str) -> None:
    pestana.goto(servidor + PAGINAS["agenda-mes"])
    material_listo(pestana)
    assert pestana.locator("[data-filtros-agenda]").is_visible()
    opciones = pestana.locator("#spen-filtro-area option").all_inner_texts()
    assert opciones[0] == "Cualquiera" and len(opciones) == len(set(opciones))
    assert "DCPEN" in opciones and "—" not in opciones
    assert not any("(" in o for o in opciones)  # nunca el significado de las siglas pegado al rótulo
    todos = pestana.locator("li[data-filtro-institucion]").count()
    pestana.select_option("#spen-filtro-area", "DCPEN")
    visibles = pestana.locator("li[data-filtro-institucion]:visible")
    assert 0 < visibles.count() < todos
    assert set(visibles.evaluate_all("es => es.map(e => e.getAttribute('data-filtro-area'))")) == {"DCPEN"}
    pestana.select_option("#spen-filtro-area", "")
    assert pestana.locator("li[data-filtro-institucion]:visible").count() == todos


def test_copiar_direccion(navegador, servidor: str) -> None:
    ctx = navegador.new_context(viewport=ESCRITORIO, locale="es-MX")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=servidor.rstrip("/"))
    try:
        pagina = ctx.new_page()
        pagina.goto(servidor + PAGINAS["suscripciones"])
        material_listo(pagina)
        caja = pagina.locator("#feed-todo + p + .spen-suscripcion")
        direccion = caja.locator("code").inner_text()
        assert direccion.endswith("/suscripciones/todo.ics") and direccion.startswith("https://")
        assert caja.get_by_role("link", name="Suscribirse con un clic").get_attribute("href") == (
            "webcal://" + direccion.split("://", 1)[1])
        boton = caja.get_by_role("button", name="Copiar dirección de todos los calendarios")
        boton.click()
        assert pagina.evaluate("() => navigator.clipboard.readText()") == direccion
        assert caja.get_by_role("status").inner_text() == "Dirección copiada."
    finally:
        ctx.close()


def test_sin_javascript_la_direccion_se_ve_y_el_boton_no(contexto_sin_js, servidor: str) -> None:
    pagina = contexto_sin_js.new_page()
    try:
        pagina.goto(servidor + PAGINAS["suscripciones"])
        caja = pagina.locator("#feed-todo + p + .spen-suscripcion")
        assert caja.locator("code").is_visible()
        assert caja.locator("button").count() == 0
    finally:
        pagina.close()
