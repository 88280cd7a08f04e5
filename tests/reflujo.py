"""La medida del reflujo (WCAG 2.1 1.4.10) en Chromium: si una página se desplaza de lado en una
ventana estrecha, y qué elementos la ensanchan.

Dos medidas, porque axe no ve ninguna de las dos: el ancho desplazable del documento
(``scrollWidth`` mayor que ``clientWidth``) y cada elemento visible que sobresale de la ventana por
la derecha sin estar dentro de un marco que se desplaza por su cuenta (una tabla
ancha dentro de su región con desplazamiento no ensancha la página)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

#: Anchos de ventana que se miden: el teléfono más estrecho que pide WCAG y uno común.
ANCHOS = (320, 390)

MEDIR = """() => {
    const raiz = document.documentElement;
    const ancho = raiz.clientWidth;
    const enMarco = e => {
        for (let p = e.parentElement; p && p !== document.body && p !== raiz; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
    };
    const nombre = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\\s+/).join('.') : '');
    const anchos = [];
    for (const e of document.body.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (!r.width || !r.height || getComputedStyle(e).visibility === 'hidden') continue;
        // lo que queda del todo a la izquierda (el medidor de Plotly, a -10000 px) no se puede desplazar
        const sobresale = r.right > ancho + 1 && r.left < ancho;
        if (sobresale && !enMarco(e)) {
            anchos.push(nombre(e) + ' (' + Math.round(r.left) + '–' + Math.round(r.right) + ' px)');
        }
    }
    return {desplazable: raiz.scrollWidth, ventana: ancho, anchos: anchos.slice(0, 8)};
}"""


def desbordes(pagina: Page) -> list[str]:
    """Lo que hace que la página abierta en ``pagina`` se desplace de lado (vacío si nada)."""
    medida = pagina.evaluate(MEDIR)
    problemas = []
    if medida["desplazable"] > medida["ventana"]:
        problemas.append(f"la página mide {medida['desplazable']} px de ancho en una ventana de "
                         f"{medida['ventana']} px")
    problemas += [f"{e} sobresale de la ventana" for e in medida["anchos"]]
    return problemas
