"""paginas.indices: los fragmentos que incluyen las páginas escritas a mano (documentos por
institución y año, cifras del sitio), el índice de documentos, el de instituciones, la página
de siglas por documento y la de avisos (todos, por documento, con la línea del archivo)."""

from __future__ import annotations

from pathlib import Path

from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.grafo import construir_grafo
from programas_spen.sitio.paginas.indices import (
    FRAGMENTOS,
    fragmento_cifras,
    fragmento_documentos,
    pagina_avisos,
    pagina_indice_documentos,
    pagina_indice_instituciones,
    pagina_siglas,
)
from tests.datos_prueba import INFORME, PAT, archivos_base, cambiar, cargar, html


def test_paginas_puras(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    for constructor in (pagina_indice_documentos, pagina_indice_instituciones, pagina_siglas,
                        pagina_avisos):
        assert constructor(grafo) == constructor(grafo)
    for fragmento in FRAGMENTOS.values():
        assert fragmento(grafo, "index.md") == fragmento(grafo, "index.md")


def test_fragmentos_registrados() -> None:
    assert FRAGMENTOS["documentos"] is fragmento_documentos
    assert FRAGMENTOS["cifras"] is fragmento_cifras


def test_fragmento_documentos(sitio_prueba: Sitio) -> None:
    texto = fragmento_documentos(sitio_prueba.grafo, "index.md")
    assert texto.index("### [Instituto Nacional Electoral](instituciones/ine.md)") < texto.index(
        "### [Instituto Electoral de Prueba](instituciones/ople-x.md)")
    assert "| 2020 | [PAT de prueba 2020](documentos/pat-2020/index.md) |" in texto
    # los enlaces son relativos a la página que incluye el fragmento
    otro = fragmento_documentos(sitio_prueba.grafo, "documentos/index.md")
    assert "| 2020 | [PAT de prueba 2020](pat-2020/index.md) |" in otro


def test_fragmento_documentos_omite_instituciones_sin_documentos(tmp_path: Path) -> None:
    archivos = archivos_base()
    del archivos["ople-x/2024/plan-2024.yml"]
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    texto = fragmento_documentos(construir_grafo(resultado.datos), "index.md")
    assert "Instituto Electoral de Prueba" not in texto


def test_fragmento_cifras(sitio_prueba: Sitio, sitio_real: Sitio) -> None:
    assert fragmento_cifras(sitio_prueba.grafo, "index.md").splitlines() == [
        "- [4 documentos](documentos/index.md)",
        "- [2 instituciones](instituciones/index.md)",
        "- [4 actividades y 2 temas](documentos/index.md)",
        "- [2 compromisos](sesiones/index.md)",
        "- [3 acuerdos](acuerdos/index.md)",
        "- [4 sesiones celebradas](sesiones/index.md)",
        "- [3 áreas responsables](areas/index.md)",
        "- [1 mecanismos](mecanismos/index.md)",
    ]
    real = fragmento_cifras(sitio_real.grafo, "index.md")
    assert "- [5 documentos](documentos/index.md)" in real
    assert "- [81 actividades y 41 temas](documentos/index.md)" in real  # 74 del PAT + 7 filas
    assert "- [11 compromisos](sesiones/index.md)" in real
    assert "- [13 mecanismos](mecanismos/index.md)" in real


def test_indice_de_documentos(sitio_prueba: Sitio) -> None:
    pagina = pagina_indice_documentos(sitio_prueba.grafo)
    assert (pagina.ruta, pagina.titulo) == ("documentos/index.md", "Documentos")
    assert pagina.contenido.startswith("# Documentos\n")
    assert "[Plan de prueba 2024-2025](plan-2024/index.md)" in pagina.contenido


def test_indice_de_instituciones(sitio_prueba: Sitio) -> None:
    contenido = pagina_indice_instituciones(sitio_prueba.grafo).contenido
    assert ("| [Instituto Nacional Electoral](ine.md) | INE | Instituto Nacional Electoral | 3 |"
            in contenido)
    assert "| [Instituto Electoral de Prueba](ople-x.md) | IEP | OPLE de Prueba | 1 |" in contenido


def test_pagina_de_siglas(sitio_prueba: Sitio, sitio_real: Sitio) -> None:
    contenido = pagina_siglas(sitio_prueba.grafo).contenido
    # solo los documentos que definen siglas
    assert "## PAT de prueba 2020 {#documento-pat-2020}" in contenido
    assert "informe-2024" not in contenido
    assert "| Servicio/SPEN | Servicio Profesional Electoral Nacional. |" in contenido
    real = pagina_siglas(sitio_real.grafo).contenido
    documentos = [d for d in sitio_real.grafo.datos.documentos if d.siglas]
    assert real.count("{#documento-") == len(documentos)
    filas = [linea for linea in real.splitlines() if linea.startswith("| ")
             and not linea.startswith(("| Sigla", "| ---"))]
    assert len(filas) == sum(len(d.siglas) for d in documentos)


def test_pagina_de_avisos(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "actividades_publicadas: 2",
                       "actividades_publicadas: 3")
    cambiar(archivos, INFORME, "fecha_texto: '2024-03-13'", "fecha_texto: '2024-04-13'")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    pagina = pagina_avisos(grafo)
    assert pagina.ruta == "avisos/index.md"
    contenido = pagina.contenido
    assert "Total: 2 aviso(s)." in contenido
    pat = contenido[contenido.index("{#documento-pat-2020}"):
                    contenido.index("{#documento-informe-2024}")]
    linea = next(a.linea for a in resultado.informe.avisos if a.archivo.endswith("pat-2020.yml"))
    assert (f"| {linea} | la tabla de síntesis da 3 actividades a «Ingreso» pero su tabla tiene "
            "2 |") in pat
    assert "[Ir al documento](../documentos/pat-2020/index.md)" in pat
    plan = contenido[contenido.index("{#documento-plan-2024}"):]
    assert "Sin avisos." in plan


def test_pagina_de_avisos_real(sitio_real: Sitio) -> None:
    contenido = pagina_avisos(sitio_real.grafo).contenido
    assert "Total: 12 aviso(s)." in contenido
    filas = [linea for linea in contenido.splitlines() if linea[:3].strip("| ").isdigit()]
    assert len(filas) == 12
    # el texto de los avisos se escapa: la nota «* Sujeto…» no abre una cursiva
    sopa = html(contenido)
    assert "«* Sujeto a lo que se determine en la reforma al Estatuto.»" in sopa
