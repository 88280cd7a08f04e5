"""paginas.acuerdos: la página de cada acuerdo (datos, documentos que aprueba, compromisos que
cumple, lo que dice cada documento, puntos, votación y firmantes, menciones con enlace a su
registro) y el índice de acuerdos; puras, con los enlaces de vuelta en los dos sentidos."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas.acuerdos import pagina_acuerdo, pagina_indice_acuerdos
from tests.datos_prueba import PAT, archivos_base, cambiar, cargar
from tests.sitio.paginas.sopa import (
    apartado_por_titulo,
    enlaces,
    filas,
    plano,
    sopa,
    texto_de_apartado,
    titulo,
)


def _acuerdo(grafo: Grafo, numero: str) -> BeautifulSoup:
    return sopa(pagina_acuerdo(grafo.acuerdos[numero], grafo))


def _documento(grafo: Grafo, doc: str) -> BeautifulSoup:
    """La página de un documento (``paginas.documento``, que se convierte aparte)."""
    from programas_spen.sitio.paginas.documento import pagina_documento

    return sopa(pagina_documento(grafo.documentos[doc], grafo))


def _datos(pagina: BeautifulSoup) -> dict[str, str]:
    """La tabla «Dato | Valor» del acuerdo."""
    return dict(fila for fila in filas(pagina.find("table")))  # type: ignore[misc]


def _elementos(pagina: BeautifulSoup, titulo_apartado: str) -> list[str]:
    """El texto de cada elemento de la lista de un apartado."""
    lista = apartado_por_titulo(pagina, titulo_apartado).find_next_sibling("ul")
    return [plano(li) for li in lista.find_all("li")]


def test_paginas_puras(grafo_real: Grafo) -> None:
    for ficha in grafo_real.acuerdos.values():
        assert pagina_acuerdo(ficha, grafo_real) == pagina_acuerdo(ficha, grafo_real)
    assert pagina_indice_acuerdos(grafo_real) == pagina_indice_acuerdos(grafo_real)


def test_acuerdo_que_cumple_un_compromiso(grafo_prueba: Grafo) -> None:
    pagina = pagina_acuerdo(grafo_prueba.acuerdos["INE/JGE38/2024"], grafo_prueba)
    assert pagina.ruta == "acuerdos/ine-jge38-2024.md"
    assert pagina.titulo == "Acuerdo INE/JGE38/2024"
    html = sopa(pagina)
    assert plano(html.find("h1")) == "Acuerdo INE/JGE38/2024"
    datos = _datos(html)
    assert datos["Órgano"] == "Junta General Ejecutiva"
    assert datos["Fecha"] == "25 de marzo de 2024"
    assert datos["Sesión"] == "sesión del 25 de marzo de 2024"
    assert datos["Documento oficial"] == "https://example.org/INE-JGE38-2024.pdf"
    todos = enlaces(html)
    assert todos["sesión del 25 de marzo de 2024"] == "../../sesiones/jge-2024-03-25/"
    assert todos["https://example.org/INE-JGE38-2024.pdf"] == "https://example.org/INE-JGE38-2024.pdf"
    assert _elementos(html, "Compromisos que cumple") == [
        "Compromiso 1 del Informe de prueba 2024, surgido en la sesión del 13 de marzo de 2024"]
    # de vuelta: la sesión de la que surgió el compromiso que cumple
    assert todos["sesión del 13 de marzo de 2024"] == "../../sesiones/cspen-2024-03-13/"
    cumple = apartado_por_titulo(html, "Compromisos que cumple").find_next_sibling("ul")
    assert enlaces(cumple) == {"Compromiso 1": "../../documentos/informe-2024/#compromiso-01",
                               "Informe de prueba 2024": "../../documentos/informe-2024/",
                               "sesión del 13 de marzo de 2024": "../../sesiones/cspen-2024-03-13/"}
    apartado_por_titulo(html, "Según Informe de prueba 2024")
    assert "1 mención(es) en los textos publicados." in plano(html)
    assert _elementos(html, "Menciones en los documentos") == [
        "Compromiso 1 (avance o cumplimiento) — Informe de prueba 2024"]
    menciones = apartado_por_titulo(html, "Menciones en los documentos").find_next_sibling("ul")
    assert enlaces(menciones) == {"Compromiso 1": "../../documentos/informe-2024/#compromiso-01"}
    assert html.find("abbr") is None  # ninguna sigla definida (SPEN) aparece en esta página
    assert todos["Todos los acuerdos"] == "../"


def test_enlaces_en_los_dos_sentidos(grafo_prueba: Grafo) -> None:
    acuerdo = _acuerdo(grafo_prueba, "INE/JGE38/2024")
    # acuerdo → compromiso
    assert "../../documentos/informe-2024/#compromiso-01" in enlaces(acuerdo).values()
    # compromiso → acuerdo
    informe = _documento(grafo_prueba, "informe-2024")
    assert enlaces(informe)["INE/JGE38/2024"] == "../../acuerdos/ine-jge38-2024/"
    # acuerdo → documento que aprueba, documento → acuerdo
    aprueba = _acuerdo(grafo_prueba, "INE/JGE06/2020")
    assert _elementos(aprueba, "Documentos que aprueba") == ["PAT de prueba 2020"]
    assert enlaces(aprueba)["PAT de prueba 2020"] == "../../documentos/pat-2020/"
    pat = _documento(grafo_prueba, "pat-2020")
    assert enlaces(pat)["INE/JGE06/2020"] == "../../acuerdos/ine-jge06-2020/"


def test_acuerdo_mencionado_en_la_prosa(grafo_prueba: Grafo) -> None:
    html = _acuerdo(grafo_prueba, "INE/CG909/2015")
    assert _datos(html)["Órgano"] == "Consejo General"
    assert _elementos(html, "Menciones en los documentos") == [
        "Apartado «Introducción 2020» (texto) — PAT de prueba 2020"]
    assert enlaces(html)["Apartado «Introducción 2020»"] == "../../documentos/pat-2020/#seccion-introduccion"
    titulos = [titulo(h) for h in html.find_all("h2")]
    assert "Compromisos que cumple" not in titulos
    assert "Documentos que aprueba" not in titulos


def test_acuerdo_solo_mencionado(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "del Consejo General.\n",
                       "del Consejo General y el INE/CG1/2019.\n")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos)
    assert "INE/CG1/2019" in grafo.acuerdos
    html = _acuerdo(grafo, "INE/CG1/2019")
    assert "Los documentos publicados solo lo mencionan; no dan más datos de él." in plano(html)
    assert html.find("table") is None  # sin tabla «Dato | Valor»
    pat = _documento(grafo, "pat-2020")
    assert enlaces(pat)["INE/CG1/2019"] == "../../acuerdos/ine-cg1-2019/"


_ACUERDO_COMPLETO = """\
  - numero: INE/JGE06/2020
    organo: jge
    fecha: '2020-01-16'
    sesion: jge-2020-01-16
    titulo: ACUERDO DE PRUEBA
    aprueba: el Programa Anual de Trabajo de prueba 2020
    antecedentes:
      - encabezado: Primero
      - lista:
          - I. Mediante Acuerdo INE/CG909/2015 se aprobó el Estatuto.
    considerandos:
      - parrafo: Considerando *único*.
    puntos:
      - ordinal: Primero.
        texto: Se aprueba el programa; véase INE/CG909/2015.
      - ordinal: Segundo.
        texto: Publíquese.
    votacion: Aprobado por unanimidad.
    firmantes:
      - nombre: Persona Presidente
        cargo: Presidente de la Junta
    publicar_gaceta: true
    fuente:
      seccion: Acuerdo
"""


def test_acuerdo_completo(tmp_path: Path) -> None:
    archivos = archivos_base()
    inicio = archivos[PAT].index("  - numero: INE/JGE06/2020\n")
    fin = archivos[PAT].index("  - numero: INE/CG909/2015\n")
    archivos[PAT] = archivos[PAT][:inicio] + _ACUERDO_COMPLETO + archivos[PAT][fin:]
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos)
    html = _acuerdo(grafo, "INE/JGE06/2020")
    datos = _datos(html)
    assert datos["Título"] == "ACUERDO DE PRUEBA"
    assert datos["Publicación"] == "Ordena su publicación en la Gaceta Electoral"
    aprueba = html.find("strong", string="Aprueba:").parent
    assert plano(aprueba) == "Aprueba: el Programa Anual de Trabajo de prueba 2020"
    # la prosa de la fuente son bloques de texto: su encabezado es un apartado, su lista una
    # lista, sus marcas de Markdown se publican tal cual y sus números de acuerdo se enlazan
    antecedentes = apartado_por_titulo(html, "Antecedentes").find_next_sibling("ul")
    assert [plano(li) for li in antecedentes.find_all("li")] == [
        "I. Mediante Acuerdo INE/CG909/2015 se aprobó el Estatuto."]
    assert [titulo(h) for h in html.find_all("h5")] == ["Primero"]
    assert enlaces(html)["INE/CG909/2015"] == "../ine-cg909-2015/"
    assert texto_de_apartado(html, "considerandos") == "Considerando *único*."
    assert html.find("em") is None
    puntos = apartado_por_titulo(html, "Puntos de acuerdo").find_next_siblings("p", limit=2)
    assert [plano(p) for p in puntos] == ["Primero. Se aprueba el programa; véase INE/CG909/2015.",
                                          "Segundo. Publíquese."]
    assert [plano(p.strong) for p in puntos] == ["Primero.", "Segundo."]
    assert enlaces(puntos[0]) == {"INE/CG909/2015": "../ine-cg909-2015/"}
    assert texto_de_apartado(html, "votacion") == "Aprobado por unanimidad."
    firmantes = apartado_por_titulo(html, "Firmantes").find_next_sibling("table")
    assert filas(firmantes) == [["Presidente de la Junta", "Persona Presidente"]]
    # y la página del acuerdo mencionado enlaza de vuelta a este
    mencionado = _acuerdo(grafo, "INE/CG909/2015")
    menciones = _elementos(mencionado, "Menciones en los documentos")
    assert "Acuerdo INE/JGE06/2020 (antecedentes) — PAT de prueba 2020" in menciones
    assert not any(m.startswith("Acuerdo INE/JGE06/2020 (lo que aprueba)") for m in menciones)
    assert enlaces(mencionado)["Acuerdo INE/JGE06/2020"] == "../ine-jge06-2020/"


def test_indice_de_acuerdos(grafo_prueba: Grafo) -> None:
    pagina = pagina_indice_acuerdos(grafo_prueba)
    assert pagina.ruta == "acuerdos/index.md" and pagina.titulo == "Acuerdos"
    html = sopa(pagina)
    assert [plano(th) for th in html.select("thead th")] == ["Acuerdo", "Fecha", "Órgano", "Asunto", "En el sitio"]
    assert filas(html.find("table")) == [
        ["INE/CG909/2015", "No dado en la fuente", "CG", "No dado en la fuente", "1 mención(es)"],
        ["INE/JGE06/2020", "16 de enero de 2020", "JGE", "Aprueba el Programa Anual de Trabajo de prueba 2020",
         "Aprueba 1 documento(s)"],
        ["INE/JGE38/2024", "25 de marzo de 2024", "JGE", "No dado en la fuente",
         "Cumple 1 compromiso(s), 1 mención(es)"],
    ]
    # cada fila es un ancla, con el número del acuerdo
    assert [tr["id"] for tr in html.select("tbody tr")] == ["ine-cg909-2015", "ine-jge06-2020", "ine-jge38-2024"]
    assert enlaces(html) == {"INE/CG909/2015": "ine-cg909-2015/", "INE/JGE06/2020": "ine-jge06-2020/",
                             "INE/JGE38/2024": "ine-jge38-2024/"}


def test_acuerdos_reales(grafo_real: Grafo) -> None:
    jge06 = _acuerdo(grafo_real, "INE/JGE06/2020")
    aprobados = apartado_por_titulo(jge06, "Documentos que aprueba").find_next_sibling("ul")
    assert [plano(li) for li in aprobados.find_all("li")][0].startswith("Programa Anual de Trabajo")
    assert "../../documentos/ine-pat-spen-2020/" in enlaces(aprobados).values()
    cg909 = _acuerdo(grafo_real, "INE/CG909/2015")
    assert "Acuerdo INE/JGE06/2020 (antecedentes) — Programa Anual de Trabajo del SPEN 2020" in _elementos(
        cg909, "Menciones en los documentos")
    assert enlaces(cg909)["Acuerdo INE/JGE06/2020"] == "../ine-jge06-2020/"
    # una fila por acuerdo del grafo, cada una con su página
    indice = sopa(pagina_indice_acuerdos(grafo_real))
    numeros = [fila[0] for fila in filas(indice.find("table"))]
    assert numeros == list(grafo_real.acuerdos)
    for numero in numeros:
        assert enlaces(indice)[numero] == f"{numero.lower().replace('/', '-')}/"


def test_institucion_de_cada_acuerdo(grafo_real: Grafo, tmp_path: Path) -> None:
    """Cada página de acuerdo va al índice de búsqueda de su institución: la de su órgano; si
    no se sabe, la del documento que lo declara o lo menciona."""
    for ficha in grafo_real.acuerdos.values():
        organo = grafo_real.organos.get(ficha.organo or "")
        if organo is not None:
            assert pagina_acuerdo(ficha, grafo_real).institucion == organo.institucion, ficha.numero
    # solo mencionado, sin órgano ni declaración: la institución del documento que lo menciona
    archivos = cambiar(archivos_base(), PAT, "del Consejo General.\n",
                       "del Consejo General y el INE/CG1/2019.\n")
    prueba = construir_grafo(cargar(tmp_path, archivos).datos)
    ficha = prueba.acuerdos["INE/CG1/2019"]
    assert not ficha.declaraciones and ficha.organo is None
    documento = prueba.documentos[ficha.menciones[0].documento]
    assert pagina_acuerdo(ficha, prueba).institucion == documento.institucion is not None
