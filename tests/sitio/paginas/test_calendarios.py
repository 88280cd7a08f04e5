"""Páginas de calendario (``paginas.calendarios``): rejilla y línea de tiempo por documento,
gráficas, agenda de cada mes y de cada año, e instrucciones de suscripción."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.texto import nombre_mes
from programas_spen.sitio.corte import de_epoca
from programas_spen.sitio.paginas.calendarios import paginas_calendario
from tests.sitio.paginas.sopa import enlaces, filas, plano, sopa, texto_de_apartado


@pytest.fixture(scope="module")
def paginas(grafo_real):
    return {p.ruta: p for p in paginas_calendario(grafo_real)}


@pytest.fixture(scope="module")
def html(paginas):
    """El HTML de cada página de calendario, por ruta."""
    return {ruta: sopa(pagina) for ruta, pagina in paginas.items()}


def test_paginas_generadas(paginas) -> None:
    for ruta in ("calendario/index.md", "calendario/2024/index.md", "calendario/2024/03.md",
                 "calendario/2025/11.md", "suscripciones/index.md",
                 "documentos/ine-pat-cspen-2024/calendario.md", "documentos/ine-pat-spen-2020/graficas.md",
                 "documentos/ine-informe-compromisos-cspen-2024-06/graficas.md"):
        assert ruta in paginas, ruta
    assert "documentos/ine-informe-compromisos-cspen-2024-06/calendario.md" not in paginas


def test_orden_estable_y_completo(grafo_real, paginas) -> None:
    """Las páginas salen siempre en el mismo orden: cada documento con calendario y gráficas,
    cada mes con registros (con enlaces al anterior y al siguiente), cada año, el índice y las
    suscripciones."""
    rutas = [p.ruta for p in paginas_calendario(grafo_real)]
    assert rutas == list(paginas)
    meses = [r for r in rutas if r.startswith("calendario/") and not r.endswith("index.md")]
    assert meses == sorted(meses) and len(meses) == len(list(cal.agendas(grafo_real)))
    assert rutas[-2:] == ["calendario/index.md", "suscripciones/index.md"]


def test_marzo_2024_es_una_agenda_por_organo(html) -> None:
    marzo = html["calendario/2024/03.md"]
    assert plano(marzo.find("h1")) == "Marzo de 2024"
    # la Comisión y la Junta tienen cada una su apartado, con sus sesiones
    cspen = texto_de_apartado(marzo, "organo-cspen-sesiones")
    assert "Celebrada Primera sesión ordinaria del 13 de marzo de 2024" in cspen
    assert "Prevista en Programa Anual de Trabajo 2024 de la CSPEN: «Segunda semana — Marzo»" in cspen
    assert "Celebrada Sesión ordinaria del 25 de marzo de 2024" in texto_de_apartado(marzo, "organo-jge-sesiones")
    assert "25 de marzo" not in cspen
    celebradas = marzo.find(id="organo-cspen-sesiones").find_next_sibling("ul")
    todos = enlaces(celebradas)
    for numero in range(2, 8):
        assert todos[f"Compromiso {numero}"] == (
            f"../../../documentos/ine-informe-compromisos-cspen-2024-06/#compromiso-0{numero}")
    temas = texto_de_apartado(marzo, "organo-cspen-temas")
    assert "Informe final sobre el avance en la ejecución del Plan de Trabajo SIISPEN 2023" in temas
    assert "Meses: marzo, junio y septiembre de 2024" in temas  # el mes, nunca un día inventado
    # el resumen: una fila por órgano, cada sesión celebrada en el suyo
    region = marzo.find(id="resumen").find_next_sibling("div", class_="spen-rejilla")
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-label"] == (
        "Cifras de marzo de 2024 por órgano")
    resumen = {f[0]: f for f in filas(region.find("table"))}
    assert resumen["Comisión del Servicio Profesional Electoral Nacional"][4] == "1"
    assert resumen["Junta General Ejecutiva"][4] == "1"
    filtros = marzo.select_one("div.spen-filtros[data-filtros-agenda]")
    assert filtros is not None and filtros.has_attr("hidden")
    assert [s["src"] for s in marzo.find_all("script")][-1] == "../../../activos/agenda.js"
    assert enlaces(marzo)["← febrero de 2024"] == "../02/" and enlaces(marzo)["abril de 2024 →"] == "../04/"
    assert enlaces(marzo)["Año 2024"] == "../"


def test_filtros_con_rotulos_del_catalogo(html, grafo_real) -> None:
    """Los filtros leen la institución y el área de atributos que salen del catálogo: una sola
    «INE», una sola «DCPEN», ningún «—» (antes salían del texto de las celdas, con el
    significado de las siglas para lectores de pantalla)."""
    marzo = html["calendario/2024/03.md"]
    instituciones = {li["data-filtro-institucion"] for li in marzo.select("li[data-filtro-institucion]")}
    areas = {li["data-filtro-area"] for li in marzo.select("li[data-filtro-area]")}
    assert instituciones == {"INE"}
    assert "DCPEN" in areas and "—" not in areas
    catalogo = {a.siglas or a.nombre for a in grafo_real.areas.values()}
    assert areas <= catalogo
    for pagina in html.values():
        for li in pagina.select("li[data-filtro-area]"):
            assert li["data-filtro-area"] in catalogo


def test_anio_cuenta_las_sesiones_por_organo(html) -> None:
    marzo = {f[0]: f for f in filas(html["calendario/2024/index.md"].find("table"))}["Marzo"]
    assert marzo[4] == "JGE: 1; CSPEN: 1"  # en el orden del catálogo
    assert marzo[3] == "CSPEN: 1"


def test_calendario_de_documento(html) -> None:
    pagina = html["documentos/ine-pat-cspen-2024/calendario.md"]
    assert plano(pagina.find("h1")) == "Calendario: Programa Anual de Trabajo 2024 de la CSPEN"
    # las siglas del documento, con su significado
    assert pagina.find("h1").find("abbr")["title"] == "Comisión del Servicio Profesional Electoral Nacional"
    for ancla in ("proximamente", "meses", "rejilla", "leyenda", "linea", "linea-de-tiempo", "suscribirse"):
        assert pagina.find(id=ancla) is not None, ancla
    assert pagina.select_one("table.spen-calendario") is not None
    region = pagina.select_one("div.spen-rejilla")
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-label"]
    assert pagina.select_one("p.spen-pista-desplazar") is not None
    assert ["●", "La fuente marca ese mes."] in filas(pagina.find(id="leyenda").find_next_sibling("table"))
    todos = enlaces(pagina)
    assert todos["Descargar el archivo .ics"] == "../../../suscripciones/documento-ine-pat-cspen-2024.ics"
    assert todos["Suscribirse con un clic"] == (
        "webcal://programas-spen.example/suscripciones/documento-ine-pat-cspen-2024.ics")
    assert todos["cómo suscribirse"] == "../../../suscripciones/"
    # mes por mes, en lista: marzo lleva su sesión prevista
    meses = pagina.find(id="meses").find_next_sibling("ul")
    assert enlaces(meses)["Marzo de 2024"] == "../../../calendario/2024/03/"
    assert "sesión prevista: 1.ª sesión ordinaria («Segunda semana — Marzo»)" in plano(meses)


def test_proximamente_con_datos_que_terminan_antes_del_corte(grafo_real) -> None:
    """Con un corte posterior a todo lo previsto, se dice así y se señalan los últimos meses."""
    corte = de_epoca(int(datetime(2026, 12, 3, 18, tzinfo=UTC).timestamp()))
    indice = sopa(next(p for p in paginas_calendario(grafo_real, corte=corte) if p.ruta == "calendario/index.md"))
    texto = texto_de_apartado(indice, "proximamente")
    assert "Fecha de corte de los datos: 3 de diciembre de 2026." in texto
    assert "Nada previsto a partir de diciembre de 2026" in texto
    ultimo = max(m for a in cal.agendas(grafo_real) for m in [a.mes] if a.filas or a.programadas)
    assert nombre_mes(ultimo) in texto


def test_proximamente_con_un_corte_dentro_de_los_datos(grafo_real) -> None:
    """Con el corte en marzo de 2024, lo que viene empieza en marzo y enlaza a su agenda."""
    corte = de_epoca(int(datetime(2024, 3, 1, 18, tzinfo=UTC).timestamp()))
    indice = sopa(next(p for p in paginas_calendario(grafo_real, corte=corte) if p.ruta == "calendario/index.md"))
    lista = indice.find(id="proximamente").find_next_sibling("ul")
    assert enlaces(lista)["Marzo de 2024"] == "2024/03/"
    assert "Nada previsto" not in plano(lista)


def test_plotly_solo_en_paginas_con_grafica(html) -> None:
    for ruta, pagina in html.items():
        tiene_grafica = pagina.select_one("[data-grafica]") is not None
        scripts = [s["src"] for s in pagina.find_all("script")]
        assert any(s.endswith("activos/plotly.min.js") for s in scripts) == tiene_grafica, ruta
        assert any(s.endswith("activos/graficas.js") for s in scripts) == tiene_grafica, ruta
        # cada gráfica acompaña a una tabla
        for lienzo in pagina.select("[data-grafica]"):
            assert lienzo.find_next_sibling("table") is not None, ruta
    assert html["documentos/ine-pat-spen-2020/calendario.md"].select_one("[data-grafica]") is None


def test_suscripciones(html) -> None:
    pagina = html["suscripciones/index.md"]
    texto = plano(pagina)
    for agenda in ("Google Calendar", "Outlook", "iPhone", "Android"):
        assert agenda in texto
    pasos = pagina.find("ol")
    assert pasos is not None and pasos.find("ul") is not None  # los pasos, y dentro las agendas
    cspen = pagina.find(id="feed-sesiones-cspen").find_next_sibling("div", class_="spen-suscripcion")
    assert enlaces(cspen)["Descargar el archivo .ics"] == "sesiones-cspen.ics"
    assert enlaces(cspen)["Suscribirse con un clic"] == "webcal://programas-spen.example/suscripciones/sesiones-cspen.ics"
    # sin JavaScript, la dirección se ve como texto; el botón de copiar tiene nombre y lo pone el script
    assert cspen.find("code").get_text() == "https://programas-spen.example/suscripciones/sesiones-cspen.ics"
    boton = cspen.find("button")
    assert boton.find_parent("template") is not None and boton["data-copiar"] == cspen.find("code").get_text()
    assert boton["aria-label"].startswith("Copiar dirección de sesiones de")
    assert pagina.find(id=boton["aria-describedby"])["role"] == "status"
    assert [s["src"] for s in pagina.find_all("script")] == ["../activos/copiar.js"]
    ids = [e["id"] for e in pagina.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_anio(paginas, html) -> None:
    pagina = html["calendario/2024/index.md"]
    assert enlaces(pagina)["Todos los años"] == "../"
    meses = [f[0] for f in filas(pagina.find("table"))]
    paginas_de_mes = [r for r in paginas if r.startswith("calendario/2024/") and r != "calendario/2024/index.md"]
    assert len(meses) == len(paginas_de_mes)
    assert enlaces(pagina)["Marzo"] == "03/"


def test_fuera_de_la_busqueda_las_vistas_que_repiten_registros(paginas) -> None:
    """Cada mes, la rejilla de un documento y sus gráficas repiten los registros: la búsqueda
    no los indexa (lleva al registro en su documento); el año, el índice y las instrucciones
    de suscripción sí se indexan."""
    excluida = {"search": {"exclude": True}}
    for ruta in ("calendario/2024/03.md", "documentos/ine-pat-cspen-2024/calendario.md",
                 "documentos/ine-pat-spen-2020/graficas.md"):
        assert paginas[ruta].meta == excluida, ruta
    for ruta in ("calendario/index.md", "calendario/2024/index.md", "suscripciones/index.md"):
        assert "search" not in paginas[ruta].meta, ruta
