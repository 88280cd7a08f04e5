"""Recorridos de una persona lectora en Chromium: de la portada a un compromiso, al acuerdo que
lo cumple y de vuelta; del programa de la CSPEN a un tema, a su compromiso, a la sesión y a la
sesión prevista; la búsqueda en español con y sin acentos (desde la cabecera, con el filtro por
institución y sin resultados); el teléfono (sin desbordamiento
horizontal y con el cajón de navegación) y las páginas con JavaScript desactivado, que deben
mostrar todo su contenido."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml

from tests.conftest import DATOS
from tests.navegador import (
    BUSCAR,
    PAGINAS_Y_DOCUMENTOS,
    RESULTADOS,
    esperar_busqueda,
    esperar_en_pantalla,
    material_listo,
    ruta_de,
    todos_los_resultados,
)

pytestmark = pytest.mark.navegador

INFORME = "documentos/ine-informe-compromisos-cspen-2024-06/"
PROGRAMA_CSPEN = "documentos/ine-pat-cspen-2024/"
PAT_2020 = "documentos/ine-pat-spen-2020/"


def _doc(nombre: str) -> dict:
    return yaml.safe_load(next(DATOS.rglob(f"{nombre}.yml")).read_text(encoding="utf-8"))


def _normal(texto: str) -> str:
    return " ".join(texto.split())


def _en_bloque(id_titulo: str, href: str) -> str:
    """XPath de los enlaces cuyo ``href`` contiene ``href`` dentro del bloque que sigue al título
    ``id_titulo`` (hasta el siguiente título del mismo nivel)."""
    return (f"xpath=//*[@id='{id_titulo}']/following-sibling::*"
            f"[preceding-sibling::*[self::h2 or self::h3][1][@id='{id_titulo}']]"
            f"//a[contains(@href, '{href}')]")


def _objetivo(pagina) -> str | None:
    return pagina.evaluate("() => { const t = document.querySelector(':target'); return t && t.id; }")


# --- Recorridos ------------------------------------------------------------------------------


def test_de_la_portada_al_compromiso_al_acuerdo_y_de_vuelta(pestana, servidor: str) -> None:
    p = pestana
    p.goto(servidor)
    informe = re.compile(r"^Informe de seguimiento de compromisos")
    p.locator("article").get_by_role("link", name=informe).first.click()
    p.wait_for_url(servidor + INFORME)
    # El índice de la página (barra lateral derecha) lleva al compromiso 2.
    p.locator("nav.md-nav--secondary a[href='#compromiso-02']").click()
    p.wait_for_url(servidor + INFORME + "#compromiso-02")
    esperar_en_pantalla(p, "#compromiso-02")
    assert _objetivo(p) == "compromiso-02"
    assert p.locator("#compromiso-02").inner_text().startswith("Compromiso 2")
    # Del compromiso, al acuerdo con que se cumplió.
    p.locator(_en_bloque("compromiso-02", "acuerdos/ine-jge38-2024/")).first.click()
    p.wait_for_url(servidor + "acuerdos/ine-jge38-2024/")
    assert "INE/JGE38/2024" in p.locator("article h1").inner_text()
    # Y del acuerdo, de vuelta al compromiso por la referencia inversa.
    p.locator(f"article a[href$='{INFORME}#compromiso-02']").first.click()
    p.wait_for_url(servidor + INFORME + "#compromiso-02")
    esperar_en_pantalla(p, "#compromiso-02")
    assert _objetivo(p) == "compromiso-02"
    # El historial del navegador también funciona.
    p.go_back()
    p.wait_for_url(servidor + "acuerdos/ine-jge38-2024/")


def test_del_programa_al_tema_al_compromiso_a_la_sesion_y_a_la_prevista(pestana, servidor: str) -> None:
    p = pestana
    p.goto(servidor)
    programa = re.compile(r"^Programa Anual de Trabajo 2024 de la CSPEN")
    p.locator("article").get_by_role("link", name=programa).first.click()
    p.wait_for_url(servidor + PROGRAMA_CSPEN)
    p.locator("nav.md-nav--secondary a[href='#temas']").click()
    esperar_en_pantalla(p, "#temas")
    # El ancla permanente del tema 32 lleva a su fila.
    p.goto(servidor + PROGRAMA_CSPEN + "#tema-32")
    esperar_en_pantalla(p, "#tema-32")
    fila = p.locator("xpath=//*[@id='tema-32']/ancestor::tr[1]")
    assert "SIISPEN 2023" in fila.inner_text()
    # Su seguimiento: el compromiso 5 del informe de junio de 2024.
    fila.locator("a[href$='#compromiso-05']").click()
    p.wait_for_url(servidor + INFORME + "#compromiso-05")
    esperar_en_pantalla(p, "#compromiso-05")
    assert _objetivo(p) == "compromiso-05"
    # La sesión de la que salió el compromiso.
    p.locator(_en_bloque("compromiso-05", "sesiones/cspen-2024-03-13/")).first.click()
    p.wait_for_url(servidor + "sesiones/cspen-2024-03-13/")
    assert "13 de marzo de 2024" in p.locator("article h1").inner_text()
    # Y la sesión que el programa había previsto.
    p.locator(f"article a[href$='{PROGRAMA_CSPEN}#sesion-ordinaria-1']").first.click()
    p.wait_for_url(servidor + PROGRAMA_CSPEN + "#sesion-ordinaria-1")
    esperar_en_pantalla(p, "#sesion-ordinaria-1")
    prevista = p.locator("xpath=//*[@id='sesion-ordinaria-1']/ancestor::tr[1]")
    assert "13 de marzo de 2024" in prevista.inner_text()


# --- Búsqueda ---------------------------------------------------------------------------------


def _buscar_desde_la_cabecera(p, servidor: str, consulta: str) -> list[tuple[str, str]]:
    """Escribe ``consulta`` en el cuadro de la cabecera de la portada y pulsa Intro: la página
    de búsqueda la recibe en su dirección y muestra los resultados; devuelve todos."""
    p.goto(servidor)
    caja = p.locator("header input[name=q]")
    caja.fill(consulta)
    caja.press("Enter")
    p.wait_for_url(lambda url: ruta_de(url) == f"/{BUSCAR}")
    assert parse_qs(urlsplit(p.url).query)["q"] == [consulta]
    esperar_busqueda(p)
    assert p.locator("#spen-busqueda-consulta").input_value() == consulta
    return todos_los_resultados(p)


def test_busqueda_en_espanol_con_y_sin_acentos(pestana, servidor: str) -> None:
    p = pestana
    encontrados = {}
    for consulta in ("evaluación del desempeño", "evaluacion del desempeno"):
        resultados = _buscar_desde_la_cabecera(p, servidor, consulta)
        destinos = {(ruta_de(href), urlsplit(href).fragment): texto for href, texto in resultados}
        assert (f"/{PAT_2020}", "") in destinos, (consulta, sorted(destinos)[:20])
        mecanismo = destinos.get((f"/{PAT_2020}", "evaluacion-desempeno"))
        assert mecanismo is not None, (consulta, sorted(destinos)[:20])
        assert "EVALUACIÓN DEL DESEMPEÑO" in mecanismo
        estado = p.locator("[data-buscador] [role=status]").inner_text()
        assert re.fullmatch(rf"\d+ páginas con «{consulta}»\.", estado), estado
        assert int(estado.split()[0]) == p.locator(RESULTADOS).count()
        encontrados[consulta] = set(destinos)
    # Sin acentos se encuentra exactamente lo mismo que con ellos.
    assert encontrados["evaluación del desempeño"] == encontrados["evaluacion del desempeno"]
    # El resultado lleva al mecanismo dentro del PAT 2020.
    p.locator(f"{RESULTADOS} a[href$='{PAT_2020}#evaluacion-desempeno']").first.click()
    p.wait_for_url(servidor + PAT_2020 + "#evaluacion-desempeno")
    esperar_en_pantalla(p, "#evaluacion-desempeno")
    assert "EVALUACIÓN DEL DESEMPEÑO" in p.locator("#evaluacion-desempeno").inner_text()


def test_busqueda_por_institucion_y_sin_resultados(pestana, servidor: str) -> None:
    """El filtro por institución (de ``pagefind/indices.json``) deja solo las páginas de esa
    institución y queda en la dirección; una consulta sin resultados lo dice."""
    p = pestana
    p.goto(servidor + BUSCAR + "?q=" + quote("programa de trabajo"))
    esperar_busqueda(p)
    todas = {ruta_de(h) for h, _ in todos_los_resultados(p)}
    assert any(r.startswith("/documentos/ieeq-") for r in todas), sorted(todas)
    opciones = p.locator("#spen-busqueda-institucion option").all_inner_texts()
    assert opciones == ["Todas", "IEEQ", "IEPC", "INE"]
    p.select_option("#spen-busqueda-institucion", "IEEQ")
    esperar_busqueda(p)
    assert parse_qs(urlsplit(p.url).query)["institucion"] == ["IEEQ"]
    del_ieeq = {ruta_de(h) for h, _ in todos_los_resultados(p)}
    assert del_ieeq and del_ieeq < todas
    assert all(r.startswith(("/documentos/ieeq-", "/instituciones/ieeq/", "/areas/", "/sesiones/",
                             "/acuerdos/")) for r in del_ieeq), sorted(del_ieeq)
    assert not any(r.startswith("/documentos/ine-") for r in del_ieeq), sorted(del_ieeq)
    caja = p.locator("#spen-busqueda-consulta")
    caja.fill("zzyzx")
    caja.press("Enter")
    esperar_busqueda(p)
    assert p.locator("[data-buscador] [role=status]").inner_text() == "Ningún resultado para «zzyzx» en IEEQ."
    assert p.locator(RESULTADOS).count() == 0


# --- Teléfono ---------------------------------------------------------------------------------

DESBORDAMIENTO = """() => {
    const ventana = window.innerWidth;
    const desplazable = e => {
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
        }
        return false;
    };
    const culpables = [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > ventana + 1 && !desplazable(e))
        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
    return {ancho: document.documentElement.scrollWidth, ventana, culpables};
}"""


@pytest.mark.parametrize("tipo", sorted(PAGINAS_Y_DOCUMENTOS))
def test_telefono_sin_desbordamiento_horizontal(contexto_telefono, servidor: str, tipo: str) -> None:
    p = contexto_telefono.new_page()
    try:
        p.goto(servidor + PAGINAS_Y_DOCUMENTOS[tipo])
        material_listo(p)
        medida = p.evaluate(DESBORDAMIENTO)
        assert medida["ancho"] <= medida["ventana"] + 1, medida
    finally:
        p.close()


def test_telefono_abre_el_cajon_de_navegacion(contexto_telefono, servidor: str) -> None:
    p = contexto_telefono.new_page()
    try:
        p.goto(servidor + PAT_2020)
        material_listo(p)
        cajon = p.locator(".md-sidebar--primary")
        assert cajon.bounding_box()["x"] + cajon.bounding_box()["width"] <= 1, "el cajón ya estaba abierto"
        p.locator("label.md-header__button[for='__drawer']").click()
        assert p.evaluate("() => document.getElementById('__drawer').checked")
        p.wait_for_function("""() => {
            const r = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
            return r.left >= -1 && r.right > 100;
        }""")
        enlace = cajon.get_by_role("link", name="Documentos", exact=True)
        assert enlace.is_visible()
        caja = enlace.bounding_box()
        assert caja is not None and 0 <= caja["x"] and caja["x"] + caja["width"] <= 390
        # Se cierra tocando fuera del cajón.
        p.locator("label.md-overlay[for='__drawer']").click(position={"x": 380, "y": 400})
        assert not p.evaluate("() => document.getElementById('__drawer').checked")
    finally:
        p.close()


# --- Sin JavaScript ----------------------------------------------------------------------------

NO_VISIBLES = """() => {
    // Las páginas de Material tienen <article>; la vista de impresión de un anexo, <main>.
    const articulo = document.querySelector('article') || document.querySelector('main');
    const faltan = [];
    for (const e of articulo.querySelectorAll('*')) {
        if (e.closest('.sr-only, .headerlink, script, style, template')) continue;  // lo que no es contenido
        const propio = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!propio) continue;
        const estilo = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        if (!e.getClientRects().length || r.width === 0 || r.height === 0
            || estilo.visibility !== 'visible' || Number(estilo.opacity) === 0) {
            faltan.push(e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 60));
        }
    }
    return {faltan, tablas: articulo.querySelectorAll('table').length,
            tablas_visibles: [...articulo.querySelectorAll('table')].filter(t => t.getClientRects().length
                && t.getBoundingClientRect().width > 0).length};
}"""

TEXTO_VISIBLE = """ids => ids.map(id => {
    const ancla = document.getElementById(id);
    if (!ancla) return null;
    const bloque = ancla.closest('tr') || ancla;
    const copia = bloque.cloneNode(true);
    copia.querySelectorAll('.sr-only').forEach(s => s.remove());
    copia.querySelectorAll('br').forEach(b => b.replaceWith(' '));
    const r = bloque.getBoundingClientRect();
    const visible = bloque.getClientRects().length > 0 && r.width > 0 && r.height > 0
        && getComputedStyle(bloque).visibility === 'visible';
    return [visible, copia.textContent.replace(/\\s+/g, ' ').trim()];
})"""


@pytest.fixture
def sin_js(contexto_sin_js):
    p = contexto_sin_js.new_page()
    yield p
    p.close()


@pytest.mark.parametrize("tipo", sorted(PAGINAS_Y_DOCUMENTOS))
def test_sin_javascript_se_ve_todo_el_contenido(sin_js, servidor: str, tipo: str) -> None:
    sin_js.goto(servidor + PAGINAS_Y_DOCUMENTOS[tipo])
    estado = sin_js.evaluate(NO_VISIBLES)
    assert not estado["faltan"], estado["faltan"][:10]
    assert estado["tablas_visibles"] == estado["tablas"]


def _registros_visibles(p, registros: list[dict]) -> None:
    vistos = p.evaluate(TEXTO_VISIBLE, [r["id"] for r in registros])
    for registro, visto in zip(registros, vistos, strict=True):
        assert visto is not None, registro["id"]
        visible, texto = visto
        assert visible, registro["id"]
        assert _normal(registro["texto"]) in texto, (registro["id"], texto[:200])


def test_sin_javascript_las_74_actividades_del_pat_2020(sin_js, servidor: str) -> None:
    actividades = [a for m in _doc("ine-pat-spen-2020")["mecanismos"] for a in m["actividades"]]
    assert len(actividades) == 74
    sin_js.goto(servidor + PAT_2020)
    _registros_visibles(sin_js, actividades)


def test_sin_javascript_los_11_compromisos_y_los_41_temas(sin_js, servidor: str) -> None:
    compromisos = _doc("ine-informe-compromisos-cspen-2024-06")["compromisos"]
    assert len(compromisos) == 11
    sin_js.goto(servidor + INFORME)
    for compromiso in compromisos:
        titulo = sin_js.locator(f"#{compromiso['id']}")
        assert titulo.is_visible(), compromiso["id"]
        assert titulo.inner_text().startswith(f"Compromiso {compromiso['numero']}")
    articulo = sin_js.evaluate("""() => {
        const copia = document.querySelector('article').cloneNode(true);
        copia.querySelectorAll('.sr-only').forEach(s => s.remove());
        return copia.textContent.replace(/\\s+/g, ' ');
    }""")
    for compromiso in compromisos:
        assert _normal(compromiso["texto"]) in articulo, compromiso["id"]
    temas = _doc("ine-pat-cspen-2024")["temas"]
    assert len(temas) == 41
    sin_js.goto(servidor + PROGRAMA_CSPEN)
    _registros_visibles(sin_js, temas)

