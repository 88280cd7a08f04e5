"""Accesibilidad con axe-core en Chromium: cada tipo de página del sitio (una representativa) y
las páginas de los cinco documentos, en esquema claro y oscuro (Material sigue
``prefers-color-scheme``) y en un teléfono (390×844), sin ninguna infracción de las reglas WCAG
2.0 y 2.1, niveles A y AA.

Infracciones que estas pruebas encontraron y se corrigieron en el sitio (no en la prueba):

- ``link-in-text-block``: los enlaces dentro del texto solo se distinguían por el color
  (2,3:1 en claro, 1,9:1 en oscuro); ahora van subrayados (``tema/estilos/sitio.css``).
- ``scrollable-region-focusable``: en el teléfono, las tablas anchas sin enlaces se desplazan
  en un marco que no se podía alcanzar con el teclado; ``tema/javascripts/tablas.js`` lo hace
  enfocable (y le da nombre) mientras desborda.
- ``color-contrast``: en oscuro, el código dentro de un enlace (fondo propio) quedaba a 4,1:1;
  ahora usa un azul más claro (``tema/estilos/sitio.css``)."""

from __future__ import annotations

import pytest

from tests.navegador import ESCRITORIO, PAGINAS_Y_DOCUMENTOS, TELEFONO, material_listo

pytestmark = pytest.mark.navegador

OPCIONES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Solo hacen falta las infracciones (axe no arma el detalle de lo que sí cumple).
    "resultTypes": ["violations"],
}

VARIANTES = {
    "claro": {"viewport": ESCRITORIO, "color_scheme": "light"},
    "oscuro": {"viewport": ESCRITORIO, "color_scheme": "dark"},
    "telefono": {"viewport": TELEFONO, "color_scheme": "light", "is_mobile": True, "has_touch": True},
}


@pytest.fixture(scope="module")
def pestana_de(navegador):
    """Una pestaña por variante (cada una en su contexto), abierta la primera vez que se pide
    y reutilizada por todas las páginas de esa variante. El contexto inyecta axe-core (el que
    trae axe-playwright-python) al empezar cada documento, en vez de enviarlo por el protocolo
    antes de cada análisis: son 570 KB por página."""
    from axe_playwright_python.sync_playwright import Axe

    guion = Axe().axe_script
    abiertas: dict[str, object] = {}
    contextos = []

    def obtener(variante: str):
        if variante not in abiertas:
            ctx = navegador.new_context(locale="es-MX", **VARIANTES[variante])
            ctx.add_init_script(script=guion)
            contextos.append(ctx)
            abiertas[variante] = ctx.new_page()
        return abiertas[variante]

    yield obtener
    for ctx in contextos:
        ctx.close()


def _informe(violaciones: list[dict]) -> str:
    lineas = []
    for v in violaciones:
        lineas.append(f"{v['id']} ({v.get('impact')}): {v['help']} — {v['helpUrl']}")
        for nodo in v["nodes"][:5]:
            lineas.append(f"    {nodo['target']}: {nodo.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lineas)


@pytest.mark.parametrize("variante", sorted(VARIANTES))
@pytest.mark.parametrize("tipo", sorted(PAGINAS_Y_DOCUMENTOS))
def test_sin_infracciones_wcag(pestana_de, servidor: str, tipo: str, variante: str) -> None:
    p = pestana_de(variante)
    p.goto(servidor + PAGINAS_Y_DOCUMENTOS[tipo])
    material_listo(p)
    esquema = p.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    if esquema is not None:  # páginas de Material (la vista de impresión de un anexo no lo es)
        assert esquema == ("slate" if variante == "oscuro" else "default")
    # Lo mismo que Axe().run(p, options=OPCIONES), sin volver a inyectar axe-core.
    violaciones = p.evaluate("opciones => axe.run(document, opciones).then(r => r.violations)", OPCIONES)
    assert not violaciones, f"{tipo} ({variante}):\n{_informe(violaciones)}"


def _axe(p) -> list[dict]:
    return p.evaluate("opciones => axe.run(document, opciones).then(r => r.violations)", OPCIONES)


def test_busqueda_del_telefono_se_abre_ahi_mismo(pestana_de, servidor: str) -> None:
    """En el teléfono, la lupa abre la caja de búsqueda en la cabecera (sin ir a otra página con
    la caja vacía), con foco y sin infracciones; con texto, busca."""
    p = pestana_de("telefono")
    p.goto(servidor + "documentos/ine-pat-cspen-2024/")
    material_listo(p)
    caja = p.locator("#spen-cabecera-consulta")
    boton = p.locator(".spen-cabecera-buscar__boton")
    assert not caja.is_visible() and boton.get_attribute("aria-expanded") == "false"
    boton.click()
    assert p.url == servidor + "documentos/ine-pat-cspen-2024/"
    assert caja.is_visible() and p.evaluate("document.activeElement.id") == "spen-cabecera-consulta"
    assert boton.get_attribute("aria-expanded") == "true"
    violaciones = _axe(p)
    assert not violaciones, _informe(violaciones)
    caja.fill("evaluación")
    caja.press("Enter")
    p.wait_for_url("**/buscar/?q=*")
    assert "q=evaluaci" in p.url


def test_copiar_enlace_a_una_seccion(navegador, servidor: str) -> None:
    """«Copiar enlace a esta sección»: con JavaScript copia la dirección del apartado y lo
    anuncia; sin JavaScript es un enlace al apartado."""
    origen = servidor.rstrip("/")
    ctx = navegador.new_context(viewport=ESCRITORIO, locale="es-MX")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=origen)
    try:
        p = ctx.new_page()
        p.goto(servidor + "documentos/ine-pat-cspen-2024/")
        material_listo(p)
        enlace = p.locator("#temas a.headerlink")
        assert enlace.get_attribute("href") == "#temas"
        assert p.evaluate("e => e.textContent", enlace.element_handle()) == "Copiar enlace a esta sección"
        enlace.click()
        p.wait_for_function("() => (document.querySelector('.spen-copiado') || {}).textContent")
        assert p.locator(".spen-copiado").text_content().startswith("Enlace copiado: ")
        assert p.evaluate("navigator.clipboard.readText()") == servidor + "documentos/ine-pat-cspen-2024/#temas"
    finally:
        ctx.close()
    sin_js = navegador.new_context(viewport=ESCRITORIO, locale="es-MX", java_script_enabled=False)
    try:
        p = sin_js.new_page()
        p.goto(servidor + "documentos/ine-pat-cspen-2024/")
        p.locator("#temas a.headerlink").click()
        assert p.url.endswith("#temas")
    finally:
        sin_js.close()


def test_detalles_tecnicos_plegados(pestana_de, servidor: str) -> None:
    """Los detalles técnicos de un documento empiezan plegados y se abren con su resumen."""
    p = pestana_de("claro")
    p.goto(servidor + "documentos/ine-informe-compromisos-cspen-2024-06/")
    material_listo(p)
    detalles = p.locator("details.spen-detalles")
    assert detalles.get_attribute("open") is None
    assert not p.get_by_text("003_364a6ca4b0afd761.txt").is_visible()
    detalles.locator("summary").click()
    assert p.get_by_text("003_364a6ca4b0afd761.txt").is_visible()
