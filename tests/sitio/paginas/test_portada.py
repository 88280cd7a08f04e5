"""paginas.portada: los fragmentos de la portada con la fecha de corte (nunca el reloj):
programas vigentes, lo previsto este mes y el siguiente (o, si no hay nada, lo más cercano),
sesiones por venir y sin registro, compromisos abiertos (el registro más reciente de cada uno),
publicaciones recientes y la fecha de los datos. Cada cifra enlaza a sus registros; nunca un
apartado vacío."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from programas_spen.sitio.corte import Corte
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas import portada
from programas_spen.sitio.paginas.indices import FRAGMENTOS
from tests.datos_prueba import CATALOGO, PLAN, PROGRAMA, archivos_base, archivos_continuidad, cambiar, cargar
from tests.sitio.paginas.sopa import enlaces, plano, sopa_de_bloques, titulo

MARZO_2024 = Corte(date(2024, 3, 5))
DICIEMBRE_2026 = Corte(date(2026, 12, 3))


def _html(fragmento: str, grafo: Grafo, corte: Corte) -> BeautifulSoup:
    return sopa_de_bloques(FRAGMENTOS[fragmento](grafo, corte), "index.md")


def test_fragmentos_puros_y_sin_vacios(grafo_real: Grafo, grafo_prueba: Grafo) -> None:
    for grafo in (grafo_real, grafo_prueba):
        for corte in (MARZO_2024, DICIEMBRE_2026, Corte(date(1999, 1, 1))):
            for nombre, fragmento in FRAGMENTOS.items():
                bloques = fragmento(grafo, corte)
                assert bloques and bloques == fragmento(grafo, corte), nombre
                html = sopa_de_bloques(bloques, "index.md")
                # ninguna lista vacía ni apartado sin contenido
                assert all(ul.find("li") for ul in html.find_all("ul")), nombre
                for encabezado in html.find_all(["h2", "h3"]):
                    assert encabezado.find_next_sibling() is not None, (nombre, titulo(encabezado))


def test_actualizacion(grafo_prueba: Grafo) -> None:
    html = _html("actualizacion", grafo_prueba, MARZO_2024)
    assert plano(html) == ("Datos actualizados al 5 de marzo de 2024. Documento más reciente: Informe de prueba 2024 "
                           "(17 de junio de 2024).")
    assert enlaces(html) == {"Informe de prueba 2024": "documentos/informe-2024/"}


def test_programas_vigentes(grafo_prueba: Grafo) -> None:
    html = _html("vigentes", grafo_prueba, MARZO_2024)
    assert [titulo(h) for h in html.find_all("h3")] == ["Instituto Nacional Electoral", "Instituto Electoral de Prueba"]
    elementos = [plano(li) for li in html.find_all("li")]
    assert elementos == [
        "PAT de prueba 2020 (JGE): de enero de 2020 a diciembre de 2020; su periodo ya terminó y el sitio no tiene "
        "uno posterior. Prevé 2 actividades.",
        "PAT de prueba de la CSPEN 2024 (CSPEN): de enero de 2024 a diciembre de 2024; en curso. Prevé 2 temas y 2 "
        "sesiones programadas.",
        "Plan de prueba 2024-2025 (Comisión de Seguimiento de Prueba): de noviembre de 2024 a febrero de 2025; "
        "todavía no empieza. Prevé 2 actividades del cronograma y 1 línea de acción.",
    ]
    todos = enlaces(html)
    assert todos["2 temas"] == "documentos/pat-cspen-2024/#temas"
    assert todos["2 sesiones programadas"] == "documentos/pat-cspen-2024/#sesiones-programadas"
    assert todos["1 línea de acción"] == "documentos/plan-2024/#lineas-accion"


def test_vigente_es_el_del_ultimo_anio(tmp_path: Path) -> None:
    resultado = cargar(tmp_path, archivos_continuidad())
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos)
    ids = [d.id for d in portada.programas_vigentes(grafo)]
    assert "pat-cspen-2024" in ids and "pat-cspen-2023" not in ids


def test_este_mes_y_el_siguiente(grafo_prueba: Grafo) -> None:
    html = _html("este-mes", grafo_prueba, MARZO_2024)
    # marzo tiene un tema y una sesión; abril, nada previsto: solo se muestra marzo
    assert [h["id"] for h in html.find_all("h3")] == ["mes-2024-03"]
    assert enlaces(html.find("h3")) == {"Marzo de 2024": "calendario/2024/03/"}
    elementos = [plano(li) for li in html.find_all("li")]
    assert elementos[0] == "PAT de prueba de la CSPEN 2024: 1 tema y 1 sesión programada"
    assert enlaces(html)["1 tema y 1 sesión programada"] == "calendario/2024/03/"
    assert elementos[1] == "Sesiones celebradas: CSPEN, 13 de marzo de 2024; JGE, 25 de marzo de 2024"
    assert enlaces(html)["CSPEN, 13 de marzo de 2024"] == "sesiones/cspen-2024-03-13/"


def test_sin_nada_este_mes_lo_dice_y_muestra_lo_mas_cercano(grafo_prueba: Grafo) -> None:
    html = _html("este-mes", grafo_prueba, DICIEMBRE_2026)
    texto = plano(html)
    assert texto.startswith("Ningún documento publicado prevé nada para diciembre de 2026 ni para enero de 2027. "
                            "Lo último que prevén los programas publicados es de febrero de 2025.")
    assert [h["id"] for h in html.find_all("h3")] == ["mes-2025-02"]
    assert enlaces(html)["calendario"] == "calendario/"
    # entre dos meses con algo previsto: el anterior y el siguiente (el periodo del plan empieza en
    # noviembre de 2024, pero lo primero que prevé con meses es de enero de 2025)
    html = _html("este-mes", grafo_prueba, Corte(date(2024, 8, 10)))
    assert "Lo último que prevén los programas publicados es de junio de 2024. Lo siguiente que prevén es de " \
           "enero de 2025." in plano(html)
    assert [h["id"] for h in html.find_all("h3")] == ["mes-2024-06", "mes-2025-01"]


def test_sesiones(grafo_prueba: Grafo) -> None:
    html = _html("sesiones", grafo_prueba, MARZO_2024)
    por_venir = html.find(id="sesiones-por-venir").find_next_sibling("ul")
    # la de marzo ya se celebró (13 de marzo): solo queda la de junio
    assert [plano(li) for li in por_venir.find_all("li")] == [
        "CSPEN: Junio (junio de 2024) — PAT de prueba de la CSPEN 2024"]
    assert enlaces(por_venir)["CSPEN: Junio"] == "documentos/pat-cspen-2024/#sesion-ordinaria-2"
    assert "Todas las sesiones que los programas publicados preveían antes de este mes tienen registro" in plano(html)
    # en diciembre de 2026, la de junio de 2024 quedó sin registro
    html = _html("sesiones", grafo_prueba, DICIEMBRE_2026)
    assert "Ningún programa publicado prevé sesiones de diciembre de 2026 en adelante." in plano(html)
    sin_registro = html.find(id="sesiones-sin-registro").find_next_siblings("ul")[0]
    assert [plano(li) for li in sin_registro.find_all("li")] == [
        "CSPEN: Junio (junio de 2024) — PAT de prueba de la CSPEN 2024"]
    assert enlaces(html)["Todas las sesiones, programadas y celebradas"] == "sesiones/"


def test_compromisos_abiertos(grafo_prueba: Grafo, tmp_path: Path) -> None:
    html = _html("compromisos-abiertos", grafo_prueba, MARZO_2024)
    assert [plano(li) for li in html.find_all("li")] == [
        "CSPEN, compromiso 2: Preparar el segundo informe. — En curso, 75 % según el Informe de prueba 2024 "
        "(17 de junio de 2024)."]
    assert enlaces(html)["CSPEN, compromiso 2: Preparar el segundo informe."] == (
        "documentos/informe-2024/#compromiso-02")
    assert enlaces(html)["Todos los compromisos y su seguimiento"] == "compromisos/"
    # con un informe anterior que lo registraba «Pendiente», cuenta el registro más reciente
    resultado = cargar(tmp_path, archivos_continuidad())
    assert resultado.datos is not None
    continuidad = _html("compromisos-abiertos", construir_grafo(resultado.datos), MARZO_2024)
    assert [plano(li) for li in continuidad.find_all("li")] == [plano(li) for li in html.find_all("li")]


def test_publicaciones(grafo_prueba: Grafo) -> None:
    html = _html("publicaciones", grafo_prueba, MARZO_2024)
    assert [plano(li) for li in html.find_all("li")] == [
        "Informe de prueba 2024 — Informe de seguimiento de compromisos y acuerdos, 17 de junio de 2024.",
        "Plan de prueba 2024-2025 — Plan de trabajo, ejercicio 2024.",
        "PAT de prueba de la CSPEN 2024 — Programa anual de trabajo de comisión, ejercicio 2024.",
        "PAT de prueba 2020 — Programa anual de trabajo, ejercicio 2020.",
    ]
    assert enlaces(html)["Todos los documentos"] == "documentos/"


@pytest.mark.parametrize("nombre", sorted(FRAGMENTOS))
def test_portada_real_cada_enlace_es_de_un_registro(grafo_real: Grafo, nombre: str) -> None:
    html = _html(nombre, grafo_real, DICIEMBRE_2026)
    for a in html.find_all("a", href=True):
        assert not a["href"].startswith(("http:", "https:", "/")), a["href"]
        if "headerlink" in a.get("class", []):  # «Copiar enlace a esta sección», no una cifra
            continue
        assert plano(a), a["href"]


def _sin_vacios(grafo: Grafo, corte: Corte) -> BeautifulSoup:
    bloques = tuple(b for f in FRAGMENTOS.values() for b in f(grafo, corte))
    html = sopa_de_bloques(bloques, "index.md")
    assert all(ul.find("li") for ul in html.find_all("ul"))
    for encabezado in html.find_all(["h2", "h3"]):
        assert encabezado.find_next_sibling() is not None, titulo(encabezado)
    return html


def test_un_solo_documento_sin_sesiones_ni_compromisos_con_titulo_largo(tmp_path: Path) -> None:
    archivos = archivos_base()
    largo = "Plan " + "muy largo " * 50
    archivos = {CATALOGO: archivos[CATALOGO], PLAN: archivos[PLAN].replace(
        "titulo_corto: Plan de prueba 2024-2025", f"titulo_corto: {largo.strip()}")}
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos)
    html = _sin_vacios(grafo, MARZO_2024)
    texto = plano(html)
    assert largo.strip() in texto
    assert "Según los informes publicados, todos los compromisos están concluidos." in texto
    assert "Ningún programa publicado prevé sesiones de marzo de 2024 en adelante." in texto


def test_trescientos_temas_en_un_mes(tmp_path: Path) -> None:
    archivos = archivos_base()
    temas = "".join(f"  - id: tema-x{i:03d}\n    texto: Tema {i}.\n    calendario:\n      estado: meses\n"
                    f"      meses: [2024-03]\n    fuente:\n      tabla: Anexo\n      fila: {i + 3}\n"
                    for i in range(300))
    cambiar(archivos, PROGRAMA, "sesiones_programadas:\n", temas + "sesiones_programadas:\n")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    html = _sin_vacios(construir_grafo(resultado.datos), MARZO_2024)
    # un resumen por documento, no 300 elementos
    assert "PAT de prueba de la CSPEN 2024: 301 temas y 1 sesión programada" in plano(html)
    assert len(html.find(id="mes-2024-03").find_next_sibling("ul").find_all("li")) == 2
