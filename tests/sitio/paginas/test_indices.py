"""paginas.indices: los fragmentos que incluyen las páginas escritas a mano (documentos por
institución y año, cifras del sitio), el índice de documentos, el de instituciones, la página
de siglas por documento y la de avisos (todos, por documento, con la línea del archivo)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.corte import Corte
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas import portada
from programas_spen.sitio.paginas.indices import (
    FRAGMENTOS,
    fragmento_cifras,
    fragmento_documentos,
    pagina_avisos,
    pagina_indice_documentos,
    pagina_indice_instituciones,
    pagina_siglas,
)
from tests.datos_prueba import INFORME, PAT, archivos_base, cambiar, cargar
from tests.sitio.paginas.sopa import enlaces, filas, plano, sopa, sopa_de_bloques, titulo


def test_paginas_puras(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    for constructor in (pagina_indice_documentos, pagina_indice_instituciones, pagina_siglas, pagina_avisos):
        assert constructor(grafo) == constructor(grafo)
    corte = Corte(date(2026, 12, 3))
    for fragmento in FRAGMENTOS.values():
        assert fragmento(grafo, corte) == fragmento(grafo, corte)


def test_fragmentos_registrados(grafo_prueba: Grafo) -> None:
    corte = Corte(date(2024, 3, 1))
    assert FRAGMENTOS["documentos"](grafo_prueba, corte) == fragmento_documentos(grafo_prueba)
    assert FRAGMENTOS["cifras"](grafo_prueba, corte) == fragmento_cifras(grafo_prueba)
    assert FRAGMENTOS["este-mes"] is portada.fragmento_este_mes
    assert FRAGMENTOS["compromisos-abiertos"] is portada.fragmento_compromisos_abiertos


def test_fragmento_documentos(sitio_prueba: Sitio) -> None:
    html = sopa_de_bloques(fragmento_documentos(sitio_prueba.grafo), "index.md")
    titulos = [titulo(h) for h in html.find_all("h3")]
    assert titulos.index("Instituto Nacional Electoral") < titulos.index("Instituto Electoral de Prueba")
    assert enlaces(html)["Instituto Nacional Electoral"] == "instituciones/ine/"
    assert ["2020", "PAT de prueba 2020", "Programa anual de trabajo"] in filas(html.find("table"))
    assert enlaces(html)["PAT de prueba 2020"] == "documentos/pat-2020/"
    # los enlaces son relativos a la página que incluye el fragmento
    otro = sopa_de_bloques(fragmento_documentos(sitio_prueba.grafo), "documentos/index.md")
    assert enlaces(otro)["PAT de prueba 2020"] == "pat-2020/"


def test_fragmento_documentos_omite_instituciones_sin_documentos(tmp_path: Path) -> None:
    archivos = archivos_base()
    del archivos["ople-x/2024/plan-2024.yml"]
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    html = sopa_de_bloques(fragmento_documentos(construir_grafo(resultado.datos)), "index.md")
    assert "Instituto Electoral de Prueba" not in html.get_text()


def test_fragmento_cifras(sitio_prueba: Sitio, grafo_real) -> None:  # noqa: ANN001
    html = sopa_de_bloques(fragmento_cifras(sitio_prueba.grafo), "index.md")
    assert [(plano(a), a["href"]) for a in html.find_all("a")] == [
        ("4 documentos", "documentos/"), ("2 instituciones", "instituciones/"),
        ("4 actividades y 2 temas", "documentos/"), ("2 compromisos", "compromisos/"), ("3 acuerdos", "acuerdos/"),
        ("4 sesiones celebradas", "sesiones/"), ("3 áreas responsables", "areas/"), ("1 mecanismos", "mecanismos/"),
    ]
    # con los datos reales, cada cifra es la de sus registros (sin fijar totales entre documentos)
    real = [plano(a) for a in sopa_de_bloques(fragmento_cifras(grafo_real), "index.md").find_all("a")]
    documentos = grafo_real.datos.documentos
    assert f"{len(documentos)} documentos" in real
    assert f"{sum(len(d.compromisos) for d in documentos)} compromisos" in real
    assert f"{len(grafo_real.mecanismos)} mecanismos" in real


def test_indice_de_documentos(sitio_prueba: Sitio) -> None:
    pagina = pagina_indice_documentos(sitio_prueba.grafo)
    assert (pagina.ruta, pagina.titulo) == ("documentos/index.md", "Documentos")
    html = sopa(pagina)
    assert plano(html.find("h1")) == "Documentos"
    assert enlaces(html)["Plan de prueba 2024-2025"] == "plan-2024/"


def test_indice_de_instituciones(sitio_prueba: Sitio) -> None:
    html = sopa(pagina_indice_instituciones(sitio_prueba.grafo))
    tabla = filas(html.find("table"))
    assert ["Instituto Nacional Electoral", "INE", "Instituto Nacional Electoral", "3"] in tabla
    assert ["Instituto Electoral de Prueba", "IEP", "OPLE de Prueba", "1"] in tabla
    assert enlaces(html)["Instituto Nacional Electoral"] == "ine/"


def test_pagina_de_siglas(sitio_prueba: Sitio, grafo_real) -> None:  # noqa: ANN001
    html = sopa(pagina_siglas(sitio_prueba.grafo))
    # solo los documentos que definen siglas
    assert html.find("h2", id="documento-pat-2020") is not None
    assert html.find(id="documento-informe-2024") is None
    assert ["Servicio/SPEN", "Servicio Profesional Electoral Nacional."] in filas(html.find("table"))
    real = sopa(pagina_siglas(grafo_real))
    documentos = [d for d in grafo_real.datos.documentos if d.siglas]
    assert len(real.find_all("h2", id=lambda i: i and i.startswith("documento-"))) == len(documentos)
    for doc in documentos:  # una fila por sigla de cada documento
        tabla = real.find("h2", id=f"documento-{doc.id}").find_next("table")
        assert len(filas(tabla)) == len(doc.siglas)


def test_pagina_de_avisos(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "actividades_publicadas: 2", "actividades_publicadas: 3")
    cambiar(archivos, INFORME, "fecha_texto: '2024-03-13'", "fecha_texto: '2024-04-13'")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    pagina = pagina_avisos(grafo)
    assert pagina.ruta == "avisos/index.md"
    html = sopa(pagina)
    assert "Total: 2 aviso(s)." in plano(html)
    pat = html.find("h2", id="documento-pat-2020")
    linea = next(a.linea for a in resultado.informe.avisos if a.archivo.endswith("pat-2020.yml"))
    assert [str(linea), "la tabla de síntesis da 3 actividades a «Ingreso» pero su tabla tiene 2"] in filas(
        pat.find_next("table"))
    assert pat.find_next("p").find("a")["href"] == "../documentos/pat-2020/"
    plan = html.find("h2", id="documento-plan-2024")
    assert plano(plan.find_next("p").find_next("p")) == "Sin avisos."


def test_pagina_de_avisos_real(grafo_real) -> None:  # noqa: ANN001
    html = sopa(pagina_avisos(grafo_real))
    assert f"Total: {len(grafo_real.avisos_lista)} aviso(s)." in plano(html)
    filas_de_avisos = [f for tabla in html.find_all("table") for f in filas(tabla)]
    assert len(filas_de_avisos) == len(grafo_real.avisos_lista)
    # el texto de los avisos es texto: la nota «* Sujeto…» no abre una cursiva
    assert "«* Sujeto a lo que se determine en la reforma al Estatuto.»" in plano(html)
    assert html.find("em") is None
