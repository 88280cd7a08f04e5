"""paginas.cambios_anuales: el apartado «Cambios respecto de <año>» de un programa, con los
temas movidos, nuevos y retirados enlazados a su registro de cada año; nada sin documento
anterior o sin continuidad declarada."""

from __future__ import annotations

from pathlib import Path

from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas.cambios_anuales import bloques_cambios
from tests.datos_prueba import PROGRAMA, archivos_continuidad, cambiar, cargar
from tests.sitio.paginas.sopa import enlaces, plano, sopa_de_bloques, titulo

DESDE = "documentos/pat-cspen-2024/index.md"


def _grafo(tmp_path: Path, archivos: dict[str, str]) -> Grafo:
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    return construir_grafo(resultado.datos)


def test_cambios_respecto_del_anio_anterior(tmp_path: Path) -> None:
    grafo = _grafo(tmp_path, archivos_continuidad())
    bloques = bloques_cambios(grafo.documentos["pat-cspen-2024"], grafo)
    assert bloques == bloques_cambios(grafo.documentos["pat-cspen-2024"], grafo)
    html = sopa_de_bloques(bloques, DESDE)
    assert html.find("h2")["id"] == "cambios" and titulo(html.find("h2")) == "Cambios respecto de 2023"
    assert [(h["id"], titulo(h)) for h in html.find_all("h3")] == [
        ("cambios-movidos", "Movidos a otros meses (1)"), ("cambios-retirados", "Ya no están (estaban en 2023) (1)")]
    movidos = html.find(id="cambios-movidos").find_next_sibling("ul")
    assert plano(movidos) == ("(DP) Primer tema. — antes: mayo de 2023; ahora: marzo de 2024 (registro de 2023).")
    assert enlaces(movidos) == {"(DP) Primer tema.": "#tema-01",
                                "registro de 2023": "../pat-cspen-2023/#tema-05"}
    retirados = html.find(id="cambios-retirados").find_next_sibling("ul")
    assert plano(retirados) == "(DJ) Segundo tema. — meses: septiembre de 2023."
    assert enlaces(retirados) == {"(DJ) Segundo tema.": "../pat-cspen-2023/#tema-09"}
    assert "1 registro(s) continúan del año anterior en los mismos meses." in plano(html)
    assert enlaces(html)["PAT de prueba de la CSPEN 2023"] == "../pat-cspen-2023/"


def test_nuevos_y_meses_no_dados(tmp_path: Path) -> None:
    archivos = archivos_continuidad()
    cambiar(archivos, PROGRAMA, "    continua: pat-cspen-2023/tema-07\n", "")
    grafo = _grafo(tmp_path, archivos)
    html = sopa_de_bloques(bloques_cambios(grafo.documentos["pat-cspen-2024"], grafo), DESDE)
    nuevos = html.find(id="cambios-nuevos").find_next_sibling("ul")
    # el tema 2 no declara continuidad: es nuevo, aunque el tema 9 de 2023 tenga su mismo texto
    assert plano(nuevos) == "(DJ) Segundo tema. — meses: No dado en la fuente."
    retirados = html.find(id="cambios-retirados").find_next_sibling("ul")
    assert [plano(li) for li in retirados.find_all("li")] == [
        "(DJ) Un tema que sigue igual. — meses: No dado en la fuente.",
        "(DJ) Segundo tema. — meses: septiembre de 2023."]


def test_sin_anterior_o_sin_continuidad_no_hay_apartado(grafo_prueba: Grafo, grafo_real: Grafo, tmp_path: Path) -> None:
    for doc in grafo_prueba.datos.documentos:
        assert bloques_cambios(doc, grafo_prueba) == ()
    # los documentos reales no declaran continuidad (todavía): ningún apartado vacío
    for doc in grafo_real.datos.documentos:
        if not any(r.continua for r in (*doc.temas, *doc.actividades)):
            assert bloques_cambios(doc, grafo_real) == ()


def test_el_anterior_enlaza_a_los_cambios_del_siguiente(tmp_path: Path) -> None:
    grafo = _grafo(tmp_path, archivos_continuidad())
    html = sopa_de_bloques(bloques_cambios(grafo.documentos["pat-cspen-2023"], grafo),
                           "documentos/pat-cspen-2023/index.md")
    assert [h["id"] for h in html.find_all("h2")] == ["continua-en"]
    assert titulo(html.find("h2")) == "Continúa en 2024"
    assert plano(html.find("p")) == ("El PAT de prueba de la CSPEN 2024 continúa temas o actividades de este "
                                     "documento: qué cambió.")
    assert enlaces(html) == {"PAT de prueba de la CSPEN 2024": "../pat-cspen-2024/",
                             "qué cambió": "../pat-cspen-2024/#cambios"}
    assert html.find(id="cambios") is None
