"""paginas.acuerdos: la página de cada acuerdo (datos, documentos que aprueba, compromisos que
cumple, lo que dice cada documento, puntos, votación y firmantes, menciones con enlace a su
registro) y el índice de acuerdos; puras, con los enlaces de vuelta en los dos sentidos."""

from __future__ import annotations

from pathlib import Path

from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.grafo import construir_grafo
from programas_spen.sitio.paginas.acuerdos import pagina_acuerdo, pagina_indice_acuerdos
from programas_spen.sitio.paginas.documento import pagina_documento
from tests.datos_prueba import PAT, archivos_base, cambiar, cargar


def _acuerdo(sitio: Sitio, numero: str) -> str:
    return pagina_acuerdo(sitio.grafo.acuerdos[numero], sitio.grafo).contenido


def test_paginas_puras(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    for ficha in grafo.acuerdos.values():
        assert pagina_acuerdo(ficha, grafo) == pagina_acuerdo(ficha, grafo)
    assert pagina_indice_acuerdos(grafo) == pagina_indice_acuerdos(grafo)


def test_acuerdo_que_cumple_un_compromiso(sitio_prueba: Sitio) -> None:
    pagina = pagina_acuerdo(sitio_prueba.grafo.acuerdos["INE/JGE38/2024"], sitio_prueba.grafo)
    assert pagina.ruta == "acuerdos/ine-jge38-2024.md"
    assert pagina.titulo == "Acuerdo INE/JGE38/2024"
    contenido = pagina.contenido
    assert contenido.startswith("# Acuerdo INE/JGE38/2024\n")
    assert "| Órgano | Junta General Ejecutiva |" in contenido
    assert "| Fecha | 25 de marzo de 2024 |" in contenido
    assert ("| Sesión | [sesión del 25 de marzo de 2024](../sesiones/jge-2024-03-25.md) |"
            in contenido)
    assert "| Documento oficial | <https://example.org/INE-JGE38-2024.pdf> |" in contenido
    assert "## Compromisos que cumple" in contenido
    assert ("- [Compromiso 1](../documentos/informe-2024/index.md#compromiso-01) del "
            "[Informe de prueba 2024](../documentos/informe-2024/index.md)") in contenido
    assert "### Según Informe de prueba 2024" in contenido
    assert "1 mención(es) en los textos publicados." in contenido
    assert ("[Compromiso 1](../documentos/informe-2024/index.md#compromiso-01) (avance o "
            "cumplimiento) — Informe de prueba 2024") in contenido
    assert "*[" not in contenido  # ninguna sigla definida (SPEN) aparece en esta página
    assert "[Todos los acuerdos](index.md)" in contenido


def test_enlaces_en_los_dos_sentidos(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    acuerdo = _acuerdo(sitio_prueba, "INE/JGE38/2024")
    informe = pagina_documento(grafo.documentos["informe-2024"], grafo).contenido
    # acuerdo → compromiso
    assert "../documentos/informe-2024/index.md#compromiso-01" in acuerdo
    # compromiso → acuerdo
    assert "[INE/JGE38/2024](../../acuerdos/ine-jge38-2024.md)" in informe
    # acuerdo → documento que aprueba, documento → acuerdo
    aprueba = _acuerdo(sitio_prueba, "INE/JGE06/2020")
    pat = pagina_documento(grafo.documentos["pat-2020"], grafo).contenido
    assert ("## Documentos que aprueba\n\n- [PAT de prueba 2020](../documentos/pat-2020/index.md)"
            in aprueba)
    assert "[INE/JGE06/2020](../../acuerdos/ine-jge06-2020.md)" in pat


def test_acuerdo_mencionado_en_la_prosa(sitio_prueba: Sitio) -> None:
    contenido = _acuerdo(sitio_prueba, "INE/CG909/2015")
    assert "| Órgano | Consejo General |" in contenido
    assert ("- [Apartado «Introducción 2020»](../documentos/pat-2020/index.md#seccion-introduccion)"
            " (texto) — PAT de prueba 2020") in contenido
    assert "## Compromisos que cumple" not in contenido
    assert "## Documentos que aprueba" not in contenido


def test_acuerdo_solo_mencionado(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "del Consejo General.\n",
                       "del Consejo General y el INE/CG1/2019.\n")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos)
    assert "INE/CG1/2019" in grafo.acuerdos
    contenido = pagina_acuerdo(grafo.acuerdos["INE/CG1/2019"], grafo).contenido
    assert "Los documentos publicados solo lo mencionan; no dan más datos de él." in contenido
    assert "| Dato | Valor |" not in contenido
    pat = pagina_documento(grafo.documentos["pat-2020"], grafo).contenido
    assert "[INE/CG1/2019](../../acuerdos/ine-cg1-2019.md)" in pat


_ACUERDO_COMPLETO = """\
  - numero: INE/JGE06/2020
    organo: jge
    fecha: '2020-01-16'
    sesion: jge-2020-01-16
    titulo: ACUERDO DE PRUEBA
    aprueba: el Programa Anual de Trabajo de prueba 2020
    antecedentes: |
      # Antecedentes
      I. Mediante Acuerdo INE/CG909/2015 se aprobó el Estatuto.
    considerandos: |
      Considerando *único*.
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
    contenido = pagina_acuerdo(grafo.acuerdos["INE/JGE06/2020"], grafo).contenido
    assert "| Título | ACUERDO DE PRUEBA |" in contenido
    assert "| Publicación | Ordena su publicación en la Gaceta Electoral |" in contenido
    assert "**Aprueba:** el Programa Anual de Trabajo de prueba 2020" in contenido
    assert "#### Antecedentes\n\n##### Antecedentes" in contenido
    assert "I. Mediante Acuerdo [INE/CG909/2015](ine-cg909-2015.md) se aprobó" in contenido
    assert "#### Considerandos\n\nConsiderando *único*." in contenido
    assert ("**Primero.** Se aprueba el programa; véase [INE/CG909/2015](ine-cg909-2015.md)."
            in contenido)
    assert contenido.index("**Primero.**") < contenido.index("**Segundo.**")
    assert "#### Votación\n\nAprobado por unanimidad." in contenido
    assert "| Presidente de la Junta | Persona Presidente |" in contenido
    # y la página del acuerdo mencionado enlaza de vuelta a este
    mencionado = pagina_acuerdo(grafo.acuerdos["INE/CG909/2015"], grafo).contenido
    assert "[Acuerdo INE/JGE06/2020](ine-jge06-2020.md) (antecedentes)" in mencionado
    assert "[Acuerdo INE/JGE06/2020](ine-jge06-2020.md) (lo que aprueba)" not in mencionado


def test_indice_de_acuerdos(sitio_prueba: Sitio) -> None:
    pagina = pagina_indice_acuerdos(sitio_prueba.grafo)
    assert pagina.ruta == "acuerdos/index.md" and pagina.titulo == "Acuerdos"
    filas = [linea for linea in pagina.contenido.splitlines() if linea.startswith("| [")]
    assert filas == [
        "| [INE/CG909/2015](ine-cg909-2015.md) | CG | — | 0 | 0 | 1 |",
        "| [INE/JGE06/2020](ine-jge06-2020.md) | JGE | 16 de enero de 2020 | 1 | 0 | 0 |",
        "| [INE/JGE38/2024](ine-jge38-2024.md) | JGE | 25 de marzo de 2024 | 0 | 1 | 1 |",
    ]


def test_acuerdos_reales(sitio_real: Sitio) -> None:
    jge06 = _acuerdo(sitio_real, "INE/JGE06/2020")
    assert "- [Programa Anual de Trabajo" in jge06
    assert "(../documentos/ine-pat-spen-2020/index.md)" in jge06
    cg909 = _acuerdo(sitio_real, "INE/CG909/2015")
    assert "[Acuerdo INE/JGE06/2020](ine-jge06-2020.md) (antecedentes)" in cg909
    indice = pagina_indice_acuerdos(sitio_real.grafo).contenido
    assert sum(1 for linea in indice.splitlines() if linea.startswith("| [")) == len(
        sitio_real.grafo.acuerdos) == 16


def test_institucion_de_cada_acuerdo(sitio_real: Sitio, tmp_path: Path) -> None:
    """Cada página de acuerdo va al índice de búsqueda de su institución: la de su órgano; si
    no se sabe, la del documento que lo declara o lo menciona."""
    grafo = sitio_real.grafo
    for ficha in grafo.acuerdos.values():
        assert pagina_acuerdo(ficha, grafo).institucion == "ine", ficha.numero
    # solo mencionado, sin órgano ni declaración: la institución del documento que lo menciona
    archivos = cambiar(archivos_base(), PAT, "del Consejo General.\n",
                       "del Consejo General y el INE/CG1/2019.\n")
    prueba = construir_grafo(cargar(tmp_path, archivos).datos)
    ficha = prueba.acuerdos["INE/CG1/2019"]
    assert not ficha.declaraciones and ficha.organo is None
    documento = prueba.documentos[ficha.menciones[0].documento]
    assert pagina_acuerdo(ficha, prueba).institucion == documento.institucion is not None
