"""paginas.transversales: la página de cada área (temas y compromisos a su cargo en todos los
documentos, de quién depende), el índice de áreas, cada mecanismo a través de los años con su
índice por año, y las páginas de institución (documentos, órganos con ancla, áreas); puras."""

from __future__ import annotations

from pathlib import Path

from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.grafo import construir_grafo
from programas_spen.sitio.paginas.transversales import (
    lista_documentos,
    pagina_area,
    pagina_indice_areas,
    pagina_indice_mecanismos,
    pagina_institucion,
    pagina_mecanismo,
)
from tests.datos_prueba import CATALOGO, archivos_base, cambiar, cargar

_PAT_2021 = """\
id: pat-2021
tipo: programa_anual_trabajo
institucion: ine
organo: jge
titulo: Programa Anual de Trabajo de prueba 2021
titulo_corto: PAT de prueba 2021
anio: 2021
fuente:
  archivo: pat21.txt
  descripcion: Otro programa.
mecanismos:
  - id: ingreso
    nombre: Ingreso al Servicio
    titulo_tabla: INGRESO 2021
    actividades:
      - id: ingreso-2021-01
        texto: Única actividad de 2021.
        calendario:
          estado: permanente
        fuente:
          fila: 1
    fuente:
      seccion: Anexo
  - id: capacitacion
    nombre: Capacitación
    titulo_tabla: CAPACITACIÓN
    actividades:
      - id: capacitacion-01
        texto: Curso.
        calendario:
          estado: no_dado
        fuente:
          fila: 1
    fuente:
      seccion: Anexo
"""


def test_paginas_puras(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    for area in grafo.areas.values():
        assert pagina_area(area, grafo) == pagina_area(area, grafo)
        assert pagina_area(area, grafo).institucion == area.institucion  # su índice de búsqueda
    for ident in grafo.mecanismos:
        assert pagina_mecanismo(ident, grafo) == pagina_mecanismo(ident, grafo)
        assert pagina_mecanismo(ident, grafo).institucion is None  # entre instituciones: el común
    for institucion in grafo.instituciones.values():
        assert pagina_institucion(institucion, grafo) == pagina_institucion(institucion, grafo)
        assert pagina_institucion(institucion, grafo).institucion == institucion.id
    assert pagina_indice_areas(grafo) == pagina_indice_areas(grafo)
    assert pagina_indice_mecanismos(grafo) == pagina_indice_mecanismos(grafo)


def test_pagina_de_area(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    pagina = pagina_area(grafo.areas["dp"], grafo)
    assert (pagina.ruta, pagina.titulo) == ("areas/dp.md", "Dirección de Profesionalización")
    contenido = pagina.contenido
    assert "- **Institución:** [Instituto Nacional Electoral](../instituciones/ine.md)" \
        in contenido
    assert "- **Siglas:** DP" in contenido
    # depende de un órgano: se nombra (los órganos no tienen página propia)
    assert ("- **Depende de:** Dirección Ejecutiva del Servicio Profesional Electoral Nacional"
            in contenido)
    assert ("| [(DP) Primer tema.](../documentos/pat-cspen-2024/index.md#tema-01) | Marzo de "
            "2024 | [PAT de prueba de la CSPEN 2024](../documentos/pat-cspen-2024/index.md) |"
            ) in contenido
    assert ("| [Compromiso 1](../documentos/informe-2024/index.md#compromiso-01) | Concluido | "
            "100 % | [Informe de prueba 2024](../documentos/informe-2024/index.md) |") in contenido
    assert "(DJ) Segundo tema." not in contenido and "Compromiso 2" not in contenido
    dj = pagina_area(grafo.areas["dj"], grafo).contenido
    assert "- **También aparece como:** DJUR" in dj
    assert "| No dado en la fuente |" in dj


def test_area_sin_registros(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    contenido = pagina_area(grafo.areas["area-sin-registros"], grafo).contenido
    assert "Ningún documento publicado le asigna temas ni compromisos." in contenido
    assert "## Temas a su cargo" not in contenido


def test_area_que_depende_de_otra_area(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), CATALOGO,
                       "  - id: area-sin-registros\n    nombre: Área sin registros\n",
                       "  - id: area-sin-registros\n    nombre: Área sin registros\n"
                       "    pertenece_a: dj\n")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None
    grafo = construir_grafo(resultado.datos)
    contenido = pagina_area(grafo.areas["area-sin-registros"], grafo).contenido
    assert "- **Depende de:** [Dirección Jurídica](dj.md)" in contenido


def test_indice_de_areas(sitio_prueba: Sitio) -> None:
    contenido = pagina_indice_areas(sitio_prueba.grafo).contenido
    assert "| [Dirección de Profesionalización](dp.md) | INE | 1 | 1 |" in contenido
    assert "| [Área sin registros](area-sin-registros.md) | INE | 0 | 0 |" in contenido


def test_mecanismo_a_traves_de_los_anios(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos["ine/2021/pat-2021.yml"] = _PAT_2021
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos)
    pagina = pagina_mecanismo("ingreso", grafo)
    assert pagina.ruta == "mecanismos/ingreso.md"
    assert pagina.titulo == "Ingreso al Servicio"  # el nombre más reciente
    contenido = pagina.contenido
    assert "El mecanismo en 2 programa(s)." in contenido
    assert contenido.index("## 2020: PAT de prueba 2020") < contenido.index(
        "## 2021: PAT de prueba 2021")
    assert "[2 actividades](../documentos/pat-2020/index.md#ingreso) en la tabla «INGRESO»." \
        in contenido
    assert "- [Única actividad de 2021.](../documentos/pat-2021/index.md#ingreso-2021-01)" \
        in contenido
    indice = pagina_indice_mecanismos(grafo).contenido
    assert "| Mecanismo | 2020 | 2021 |" in indice
    assert "| [Ingreso al Servicio](ingreso.md) | 2 | 1 |" in indice
    assert "| [Capacitación](capacitacion.md) | — | 1 |" in indice


def test_pagina_de_institucion(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    ine = pagina_institucion(grafo.instituciones["ine"], grafo)
    assert (ine.ruta, ine.titulo) == ("instituciones/ine.md", "Instituto Nacional Electoral")
    contenido = ine.contenido
    assert "| 2020 | [PAT de prueba 2020](../documentos/pat-2020/index.md) | Programa anual de " \
        "trabajo |" in contenido
    assert "plan-2024" not in contenido
    assert '- <span id="organo-jge"></span>Junta General Ejecutiva (JGE)' in contenido
    assert "- [Dirección Jurídica](../areas/dj.md)" in contenido
    ople = pagina_institucion(grafo.instituciones["ople-x"], grafo).contenido
    assert "- **Entidad federativa:** Prueba" in ople
    assert "[Plan de prueba 2024-2025](../documentos/plan-2024/index.md)" in ople
    assert "## Áreas responsables" not in ople


def test_lista_documentos(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    lineas = lista_documentos(grafo.documentos_de_institucion("ople-x"), "index.md")
    assert lineas == ["| Año | Documento | Tipo |", "| --- | --- | --- |",
                      "| 2024 | [Plan de prueba 2024-2025](documentos/plan-2024/index.md) | "
                      "Plan de trabajo |"]


def test_areas_reales(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    dcpen = pagina_area(grafo.areas["dcpen"], grafo).contenido
    assert "- **También aparece como:** DCPE" in dcpen
    temas = [linea for linea in dcpen.splitlines() if "#tema-" in linea]
    assert len(temas) == len(grafo.temas_de_area["dcpen"]) == 12
