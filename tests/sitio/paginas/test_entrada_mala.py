"""Entrada mala en las páginas de acuerdos, sesiones, áreas, mecanismos, instituciones,
búsqueda, anexos, calendario, gráficas, compromisos y los fragmentos de la portada: un texto de
los datos con marcado de Markdown o de HTML (una imagen con ``onerror``, un enlace
``javascript:``, una lista de atributos con ``onclick``, una definición de sigla, una etiqueta
``<script>``) se publica como texto literal en cada página donde aparece y nunca se convierte
en marcado."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from programas_spen.anexos.anexos import ficha_base
from programas_spen.sitio import urls
from programas_spen.sitio.corte import Corte
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas.acuerdos import pagina_acuerdo, pagina_indice_acuerdos
from programas_spen.sitio.paginas.anexos import bloque_anexo_documento, con_cita_acuerdo, pagina_indice_anexos
from programas_spen.sitio.paginas.buscar import pagina_buscar
from programas_spen.sitio.paginas.calendarios import paginas_calendario
from programas_spen.sitio.paginas.compromisos import pagina_indice_compromisos
from programas_spen.sitio.paginas.indices import FRAGMENTOS
from programas_spen.sitio.paginas.sesiones import pagina_indice_sesiones, pagina_sesion
from programas_spen.sitio.paginas.transversales import (
    pagina_area,
    pagina_indice_areas,
    pagina_indice_mecanismos,
    pagina_institucion,
    pagina_mecanismo,
)
from tests.datos_prueba import CATALOGO, INFORME, PAT, PROGRAMA, archivos_base, cambiar, cargar
from tests.sitio.paginas.sopa import plano, sopa, sopa_de_bloques

MALO = '![i](x" onerror="y) [x](javascript:alert(1)) {: onclick="alert(1)" } *[SPEN]: <b> <script>'

URL = "https://programas-spen.example/"

#: Cada campo de texto que se cambia: (archivo, fragmento, nuevo fragmento con el texto malo).
_CAMBIOS = (
    (CATALOGO, "nombre: Dirección de Profesionalización\n", f"nombre: 'Dirección {MALO}'\n"),
    (CATALOGO, "alias: [DJUR]\n", f"alias: [DJUR, '{MALO}']\n"),
    (CATALOGO, "    nombre: Comisión de Seguimiento de Prueba\n",
     f"    nombre: Comisión de Seguimiento de Prueba\n    descripcion: '{MALO}'\n"),
    (PAT, "titulo: Programa Anual de Trabajo de prueba correspondiente al ejercicio 2020\n", f"titulo: '{MALO}'\n"),
    # la actividad nombra un acuerdo: la mención lleva su texto a la página del acuerdo
    (PAT, "texto: Primera actividad de ingreso.\n", f"texto: '{MALO} INE/CG909/2015'\n"),
    (PAT, "titulo_tabla: INGRESO\n", f"titulo_tabla: '{MALO}'\n"),
    (PAT, "aprueba: el Programa Anual de Trabajo de prueba 2020\n",
     f"aprueba: '{MALO}'\n    titulo: '{MALO}'\n    votacion: '{MALO}'\n    antecedentes:\n      - parrafo: '{MALO}'\n"
     f"    puntos:\n      - ordinal: '{MALO}'\n        texto: '{MALO}'\n"
     f"    firmantes:\n      - nombre: '{MALO}'\n        cargo: '{MALO}'\n"),
    (PROGRAMA, "texto: (DP) Primer tema.\n", f"texto: '(DP) {MALO}'\n"),
    (PROGRAMA, "texto: Segunda semana — Marzo\n", f"texto: '{MALO}'\n"),
    (INFORME, "    texto: Primera sesión ordinaria\n", f"    texto: '{MALO}'\n"),
    (INFORME, "texto: Revisar el primer tema del programa.\n", f"texto: '{MALO}'\n"),
    (INFORME, "estatus_texto: Concluido\n", f"estatus_texto: '{MALO}'\n"),
)


@pytest.fixture(scope="module")
def grafo(tmp_path_factory: pytest.TempPathFactory) -> Grafo:
    archivos = archivos_base()
    for archivo, viejo, nuevo in _CAMBIOS:
        cambiar(archivos, archivo, viejo, nuevo)
    resultado = cargar(tmp_path_factory.mktemp("entrada-mala"), archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    return construir_grafo(resultado.datos, resultado.informe.avisos)


@pytest.fixture(scope="module")
def paginas(grafo: Grafo) -> dict[str, BeautifulSoup]:
    """El HTML de cada página de estos constructores sobre los datos con el texto malo."""
    fichas = {doc.id: ficha_base(doc, grafo, URL) for doc in grafo.datos.documentos}
    lista = [pagina_indice_acuerdos(grafo), pagina_indice_sesiones(grafo), pagina_indice_areas(grafo),
             pagina_indice_mecanismos(grafo), pagina_buscar(grafo), pagina_indice_anexos(grafo, fichas)]
    lista += [con_cita_acuerdo(pagina_acuerdo(f, grafo), f, URL, fichas) for f in grafo.acuerdos.values()]
    lista += [pagina_sesion(s, grafo) for s in grafo.sesiones.values()]
    lista += [pagina_area(a, grafo) for a in grafo.areas.values()]
    lista += [pagina_mecanismo(m, grafo) for m in grafo.mecanismos]
    lista += [pagina_institucion(i, grafo) for i in grafo.instituciones.values()]
    lista += paginas_calendario(grafo)
    lista.append(pagina_indice_compromisos(grafo))
    html = {p.ruta: sopa(p) for p in lista}
    corte = Corte(date(2024, 3, 5))
    html["portada"] = sopa_de_bloques(tuple(b for f in FRAGMENTOS.values() for b in f(grafo, corte)), "index.md")
    for doc, ficha in fichas.items():
        html[f"anexo de {doc}"] = sopa_de_bloques(bloque_anexo_documento(ficha), urls.documento(doc).ruta)
    return html


def _sin_marcado_de_los_datos(html: BeautifulSoup, donde: str) -> None:
    """Ningún elemento ni atributo salió del texto de los datos."""
    assert html.find(["img", "b"]) is None, donde
    for script in html.find_all("script"):  # solo los activos propios, nunca un script en línea
        assert script.get("src", "").startswith("../") and script["src"].endswith(".js"), donde
        assert not script.get_text(), donde
    for elemento in html.find_all(True):
        assert not {"onerror", "onclick"} & set(elemento.attrs), (donde, elemento)
    for enlace in html.find_all("a", href=True):
        assert not enlace["href"].strip().lower().startswith("javascript:"), (donde, enlace)


def test_ninguna_pagina_convierte_el_texto_en_marcado(paginas: dict[str, BeautifulSoup]) -> None:
    for ruta, html in paginas.items():
        _sin_marcado_de_los_datos(html, ruta)


@pytest.mark.parametrize("ruta", [
    "acuerdos/ine-jge06-2020.md",  # título, lo que aprueba, antecedentes, puntos, votación, firmantes
    "acuerdos/ine-cg909-2015.md",  # una mención: el texto del registro que lo nombra
    "sesiones/cspen-2024-03-13.md",  # cómo la nombran, su programación, temas y compromisos
    "sesiones/index.md",  # la sesión programada
    "areas/dp.md", "areas/dj.md", "areas/index.md",  # nombre, alias, temas
    "mecanismos/ingreso.md",  # la tabla y sus actividades
    "instituciones/ine.md", "instituciones/ople-x.md",  # áreas y órganos
    "calendario/2024/03.md",  # la agenda del mes: temas, sesiones, compromisos
    "calendario/2020/01.md",  # actividades del mes
    "documentos/informe-2024/graficas.md",  # gráficas por estatus y por área, con su tabla
    "anexo de pat-2020",  # el texto para citar el anexo
    "acuerdos/index.md",  # el asunto (título) del acuerdo
    "compromisos/index.md",  # el texto del compromiso
])
def test_el_texto_se_publica_literal(paginas: dict[str, BeautifulSoup], ruta: str) -> None:
    html = paginas[ruta]
    assert MALO in plano(html), ruta  # el texto visible (sin el significado de las siglas para lectores de pantalla)


def test_el_texto_malo_esta_en_los_datos(grafo: Grafo) -> None:
    """La prueba mira lo que dice: los cambios llegaron a los registros."""
    assert grafo.areas["dp"].nombre == f"Dirección {MALO}"
    assert grafo.documentos["pat-2020"].titulo == MALO
    assert Path(grafo.documentos["pat-2020"].archivo).name == "pat-2020.yml"
