"""La portada, el índice de compromisos y los filtros en Chromium: la portada en un teléfono de
390 px dice qué está pasando (sin desbordarse y sin JavaScript, ver también los recorridos), el
enlace de los compromisos lleva a su índice, y los filtros de las tablas tienen un valor por
institución, órgano, estatus o área (sin la forma con el significado de la sigla que solo leen
los lectores de pantalla, ni «—»)."""

from __future__ import annotations

import re

import pytest

from tests.navegador import material_listo

pytestmark = pytest.mark.navegador

OPCIONES = """() => [...document.querySelectorAll('[data-filtros] select')].map(s => ({
    etiqueta: s.parentElement.firstChild.textContent.trim(),
    opciones: [...s.options].map(o => o.textContent)
}))"""

FILAS_VISIBLES = "() => [...document.querySelectorAll('article tbody tr')].filter(f => !f.hidden).length"


def _sin_duplicados(filtros: list[dict]) -> None:
    for filtro in filtros:
        opciones = filtro["opciones"][1:]
        assert filtro["opciones"][0] == "Cualquiera"
        assert "—" not in opciones and "" not in opciones, filtro
        assert len(set(opciones)) == len(opciones), filtro
        # ninguna es otra más el significado de su sigla («INE (Instituto Nacional Electoral)»)
        assert not [o for o in opciones for otra in opciones if o != otra and o.startswith(otra + " (")], filtro


def test_portada_en_telefono_dice_que_esta_pasando(contexto_telefono, servidor: str) -> None:
    p = contexto_telefono.new_page()
    try:
        p.goto(servidor)
        material_listo(p)
        titulos = p.locator("article h2").all_inner_texts()
        for titulo in ("Programas vigentes", "Este mes y el siguiente", "Sesiones", "Compromisos sin concluir",
                       "Publicaciones recientes"):
            assert any(t.startswith(titulo) for t in titulos), (titulo, titulos)
        assert p.locator("article .spen-actualizacion").inner_text().startswith("Datos actualizados al ")
        # el compromiso abierto lleva a su registro en el informe
        enlace = p.locator("article a[href*='#compromiso-']").first
        assert enlace.is_visible()
        ancho = p.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert ancho[0] <= ancho[1] + 1, ancho
        # la cifra de compromisos lleva al índice de compromisos (no a las sesiones)
        p.locator("article").get_by_role("link", name=re.compile(r"^\d+ compromisos$")).click()
        p.wait_for_url(servidor + "compromisos/")
    finally:
        p.close()


def test_filtros_de_compromisos(pestana, servidor: str) -> None:
    p = pestana
    p.goto(servidor + "compromisos/")
    material_listo(p)
    assert p.locator("[data-filtros]").is_visible()
    filtros = p.evaluate(OPCIONES)
    _sin_duplicados(filtros)
    etiquetas = [f["etiqueta"] for f in filtros]
    assert "Estatus:" in etiquetas and "Área:" in etiquetas
    total = p.evaluate(FILAS_VISIBLES)
    p.get_by_label("Estatus:").select_option("En curso")
    en_curso = p.evaluate(FILAS_VISIBLES)
    assert 0 < en_curso < total
    assert all(e == "En curso" for e in p.locator("article tbody tr:not([hidden]) td:nth-child(4)").all_inner_texts())
    p.get_by_label("Estatus:").select_option("")
    assert p.evaluate(FILAS_VISIBLES) == total


def test_filtros_de_un_mes_sin_duplicados(pestana, servidor: str) -> None:
    pestana.goto(servidor + "calendario/2024/03/")
    material_listo(pestana)
    _sin_duplicados(pestana.evaluate(OPCIONES))
