"""paginas.sesiones: nombre de la sesión, su coincidencia con la programada (mes y semana), la
página de cada sesión (cómo la nombran los documentos, su programación, temas del mes,
compromisos, acuerdos y documentos presentados, con enlaces de vuelta) y el índice de
programadas frente a celebradas; puras."""

from __future__ import annotations

from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.grafo import FichaSesion
from programas_spen.sitio.paginas.sesiones import coincidencia, nombre_sesion, pagina_indice_sesiones, pagina_sesion


def _ficha(fecha: str, programada: object = None, ordinal: int | None = None,
           tipo: str = "ordinaria") -> FichaSesion:
    return FichaSesion(f"cspen-{fecha}", "cspen", tipo, fecha, ordinal,
                       programada=programada)  # type: ignore[arg-type]


def test_paginas_puras(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    for sesion in grafo.sesiones.values():
        assert pagina_sesion(sesion, grafo) == pagina_sesion(sesion, grafo)
        # en el índice de búsqueda de la institución de su órgano
        assert pagina_sesion(sesion, grafo).institucion == grafo.organos[sesion.organo].institucion
    assert pagina_indice_sesiones(grafo) == pagina_indice_sesiones(grafo)
    assert pagina_indice_sesiones(grafo).institucion is None


def test_nombre_sesion() -> None:
    assert nombre_sesion(_ficha("2024-03-13", ordinal=1)) == "Primera sesión ordinaria"
    assert nombre_sesion(_ficha("2024-04-29", ordinal=4, tipo="extraordinaria")) == (
        "Cuarta sesión extraordinaria")
    assert nombre_sesion(_ficha("2024-06-17")) == "Sesión ordinaria"
    assert nombre_sesion(_ficha("2024-06-17", ordinal=11)) == "Sesión ordinaria"
    assert nombre_sesion(_ficha("2024-06-17", tipo="extraordinaria_urgente")) == (
        "Sesión extraordinaria urgente")


def test_coincidencia_con_la_programada(sitio_prueba: Sitio) -> None:
    semana_2_marzo = sitio_prueba.grafo.programadas["pat-cspen-2024/sesion-ordinaria-1"]
    junio_sin_semana = sitio_prueba.grafo.programadas["pat-cspen-2024/sesion-ordinaria-2"]
    assert coincidencia(_ficha("2024-03-13", semana_2_marzo)) == "En el mes y la semana previstos"
    assert coincidencia(_ficha("2024-03-08", semana_2_marzo)) == "En el mes y la semana previstos"
    assert coincidencia(_ficha("2024-03-15", semana_2_marzo)) == (
        "En el mes previsto, fuera de la semana 2")
    assert coincidencia(_ficha("2024-04-10", semana_2_marzo)) == (
        "Fuera del mes previsto (marzo de 2024)")
    assert coincidencia(_ficha("2024-06-28", junio_sin_semana)) == "En el mes previsto"
    assert coincidencia(_ficha("2024-06-28")) == "No prevista en un programa publicado"


def test_pagina_de_sesion(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    pagina = pagina_sesion(grafo.sesiones["cspen-2024-03-13"], grafo)
    assert pagina.ruta == "sesiones/cspen-2024-03-13.md"
    assert pagina.titulo == "Primera sesión ordinaria del 13 de marzo de 2024 — CSPEN"
    contenido = pagina.contenido
    assert contenido.startswith("# Primera sesión ordinaria del 13 de marzo de 2024\n")
    assert ("- «Primera sesión ordinaria» — [Informe de prueba 2024]"
            "(../documentos/informe-2024/index.md) (sección «Contenido»)") in contenido
    # sesión → programada (y la programada enlaza de vuelta desde la página del programa)
    assert ("Prevista por el [PAT de prueba de la CSPEN 2024]"
            "(../documentos/pat-cspen-2024/index.md#sesion-ordinaria-1): «Segunda semana — "
            "Marzo» (marzo de 2024).") in contenido
    # temas del programa marcados en ese mes
    assert "- [(DP) Primer tema.](../documentos/pat-cspen-2024/index.md#tema-01)" in contenido
    assert "(DJ) Segundo tema." not in contenido
    # sesión → compromisos que salieron de ella
    assert ("| 1 | [Revisar el primer tema del programa.](../documentos/informe-2024/index.md"
            "#compromiso-01) | Concluido | 100 % |") in contenido
    assert ("| 2 | [Preparar el segundo informe.](../documentos/informe-2024/index.md"
            "#compromiso-02) | En proceso | 75 % |") in contenido
    assert "[Todas las sesiones](index.md)" in contenido


def test_sesion_sin_programa_con_acuerdos_y_documentos(sitio_prueba: Sitio) -> None:
    grafo = sitio_prueba.grafo
    jge = pagina_sesion(grafo.sesiones["jge-2020-01-16"], grafo).contenido
    assert "Ningún programa publicado en el sitio prevé esta sesión." in jge
    assert "## Acuerdos aprobados en ella\n\n- [INE/JGE06/2020](../acuerdos/ine-jge06-2020.md)" \
        in jge
    assert ("## Documentos presentados en ella\n\n- [PAT de prueba 2020]"
            "(../documentos/pat-2020/index.md)") in jge
    assert "## Compromisos" not in jge
    junio = pagina_sesion(grafo.sesiones["cspen-2024-06-17"], grafo).contenido
    assert "- [Informe de prueba 2024](../documentos/informe-2024/index.md)" in junio


def test_textos_largos_se_recortan_y_escapan(sitio_real: Sitio) -> None:
    grafo = sitio_real.grafo
    contenido = pagina_sesion(grafo.sesiones["cspen-2024-03-13"], grafo).contenido
    filas = [linea for linea in contenido.splitlines() if "#compromiso-" in linea]
    assert len(filas) == 6
    assert any("…](" in fila for fila in filas)


def test_indice_de_sesiones(sitio_prueba: Sitio) -> None:
    pagina = pagina_indice_sesiones(sitio_prueba.grafo)
    assert pagina.ruta == "sesiones/index.md"
    contenido = pagina.contenido
    cspen = contenido[contenido.index("{#organo-cspen}"):contenido.index("{#organo-jge}")]
    programadas = [linea for linea in cspen.splitlines() if "#sesion-ordinaria-" in linea]
    assert len(programadas) == 2
    assert "[13 de marzo de 2024](cspen-2024-03-13.md)" in programadas[0]
    assert "En el mes y la semana previstos" in programadas[0]
    assert "Sin registro en los documentos publicados" in programadas[1]
    celebradas = cspen[cspen.index("### Celebradas"):]
    assert ("| 13 de marzo de 2024 | [Primera sesión ordinaria](cspen-2024-03-13.md) | En el mes "
            "y la semana previstos | 2 |") in celebradas
    assert ("| 17 de junio de 2024 | [Sesión ordinaria](cspen-2024-06-17.md) | No prevista en un "
            "programa publicado | 0 |") in celebradas
    jge = contenido[contenido.index("{#organo-jge}"):]
    assert "### Programadas" not in jge
    assert jge.count("(jge-") == 2


def test_indice_real_programadas_frente_a_celebradas(sitio_real: Sitio) -> None:
    contenido = pagina_indice_sesiones(sitio_real.grafo).contenido
    assert contenido.count("#sesion-ordinaria-") == 8  # 4 de la CSPEN y 4 de Durango
    assert "[13 de marzo de 2024](cspen-2024-03-13.md)" in contenido
    assert "[17 de junio de 2024](cspen-2024-06-17.md)" in contenido
