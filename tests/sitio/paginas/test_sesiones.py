"""paginas.sesiones: nombre de la sesión, su coincidencia con la programada (mes y semana), la
página de cada sesión (cómo la nombran los documentos, su programación, temas del mes,
compromisos, acuerdos y documentos presentados, con enlaces de vuelta) y el índice de
programadas frente a celebradas; puras."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from programas_spen.sitio.grafo import FichaSesion, Grafo
from programas_spen.sitio.paginas.sesiones import coincidencia, nombre_sesion, pagina_indice_sesiones, pagina_sesion
from tests.sitio.paginas.sopa import apartado, apartado_por_titulo, enlaces, filas, plano, sopa, titulo


def _ficha(fecha: str, programada: object = None, ordinal: int | None = None,
           tipo: str = "ordinaria") -> FichaSesion:
    return FichaSesion(f"cspen-{fecha}", "cspen", tipo, fecha, ordinal,
                       programada=programada)  # type: ignore[arg-type]


def test_paginas_puras(grafo_real: Grafo) -> None:
    grafo = grafo_real
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


def test_coincidencia_con_la_programada(grafo_prueba: Grafo) -> None:
    semana_2_marzo = grafo_prueba.programadas["pat-cspen-2024/sesion-ordinaria-1"]
    junio_sin_semana = grafo_prueba.programadas["pat-cspen-2024/sesion-ordinaria-2"]
    assert coincidencia(_ficha("2024-03-13", semana_2_marzo)) == "En el mes y la semana previstos"
    assert coincidencia(_ficha("2024-03-08", semana_2_marzo)) == "En el mes y la semana previstos"
    assert coincidencia(_ficha("2024-03-15", semana_2_marzo)) == (
        "En el mes previsto, fuera de la semana 2")
    assert coincidencia(_ficha("2024-04-10", semana_2_marzo)) == (
        "Fuera del mes previsto (marzo de 2024)")
    assert coincidencia(_ficha("2024-06-28", junio_sin_semana)) == "En el mes previsto"
    assert coincidencia(_ficha("2024-06-28")) == "No prevista en un programa publicado"


def _lista(html: BeautifulSoup, titulo_apartado: str) -> Tag:
    return apartado_por_titulo(html, titulo_apartado).find_next_sibling("ul")


def test_pagina_de_sesion(grafo_prueba: Grafo) -> None:
    grafo = grafo_prueba
    pagina = pagina_sesion(grafo.sesiones["cspen-2024-03-13"], grafo)
    assert pagina.ruta == "sesiones/cspen-2024-03-13.md"
    assert pagina.titulo == "Primera sesión ordinaria del 13 de marzo de 2024 — CSPEN"
    html = sopa(pagina)
    assert plano(html.find("h1")) == "Primera sesión ordinaria del 13 de marzo de 2024"
    nombran = _lista(html, "Cómo la nombran los documentos")
    assert [plano(li) for li in nombran.find_all("li")] == [
        "«Primera sesión ordinaria» — Informe de prueba 2024 (sección «Contenido»)"]
    assert enlaces(nombran) == {"Informe de prueba 2024": "../../documentos/informe-2024/"}
    # sesión → programada (y la programada enlaza de vuelta desde la página del programa)
    prevista = apartado_por_titulo(html, "Programación").find_next_sibling("p")
    assert plano(prevista) == ("Prevista por el PAT de prueba de la CSPEN 2024: «Segunda semana — Marzo» "
                               "(marzo de 2024).")
    assert enlaces(prevista) == {
        "PAT de prueba de la CSPEN 2024": "../../documentos/pat-cspen-2024/#sesion-ordinaria-1"}
    # temas del programa marcados en ese mes
    temas = _lista(html, "Temas que el programa prevé para marzo de 2024")
    assert enlaces(temas) == {"(DP) Primer tema.": "../../documentos/pat-cspen-2024/#tema-01"}
    assert "(DJ) Segundo tema." not in plano(html)
    assert enlaces(html)["marzo de 2024"] == "../../calendario/2024/03/"
    # sesión → compromisos que salieron de ella
    tabla = apartado_por_titulo(html, "Compromisos y acuerdos que surgieron de ella").find_next_sibling("table")
    assert filas(tabla) == [
        ["1", "Revisar el primer tema del programa.", "Concluido", "100 %", "Informe de prueba 2024"],
        ["2", "Preparar el segundo informe.", "En proceso", "75 %", "Informe de prueba 2024"],
    ]
    assert enlaces(tabla)["Revisar el primer tema del programa."] == "../../documentos/informe-2024/#compromiso-01"
    assert enlaces(tabla)["Preparar el segundo informe."] == "../../documentos/informe-2024/#compromiso-02"
    assert enlaces(html)["Todas las sesiones"] == "../"


def test_sesion_lista_los_temas_que_trato_y_los_acuerdos_de_sus_compromisos(grafo_prueba: Grafo) -> None:
    grafo = grafo_prueba
    html = sopa(pagina_sesion(grafo.sesiones["cspen-2024-03-13"], grafo))
    # temas: los que enlazan sus compromisos (compromiso 1 → tema 1), no los del mes
    tratados = apartado_por_titulo(html, "Temas del programa que trató")
    assert tratados["id"] == "temas-tratados"
    lista = tratados.find_next_sibling("ul")
    assert [plano(li) for li in lista.find_all("li")] == [
        "(DP) Primer tema. — PAT de prueba de la CSPEN 2024 (compromiso 1)"]
    assert enlaces(lista) == {"(DP) Primer tema.": "../../documentos/pat-cspen-2024/#tema-01",
                              "PAT de prueba de la CSPEN 2024": "../../documentos/pat-cspen-2024/",
                              "compromiso 1": "../../documentos/informe-2024/#compromiso-01"}
    # acuerdos con que se cumplieron sus compromisos (de otro órgano, con su página)
    cumplidos = _lista(html, "Acuerdos con que se cumplieron sus compromisos")
    assert enlaces(cumplidos) == {"INE/JGE38/2024": "../../acuerdos/ine-jge38-2024/"}
    # y de vuelta: el acuerdo lleva a esta sesión (ver test_acuerdos)
    jge = sopa(pagina_sesion(grafo.sesiones["jge-2024-03-25"], grafo))
    assert enlaces(_lista(jge, "Acuerdos aprobados en ella")) == {"INE/JGE38/2024": "../../acuerdos/ine-jge38-2024/"}
    assert "Temas del programa que trató" not in plano(jge)


def test_sesion_real_temas_tratados_y_asunto_de_sus_acuerdos(grafo_real: Grafo) -> None:
    sesion = grafo_real.sesiones["cspen-2024-04-29"]
    html = sopa(pagina_sesion(sesion, grafo_real))
    tratados = apartado_por_titulo(html, "Temas del programa que trató").find_next_sibling("ul")
    destinos = set(enlaces(tratados).values())
    for compromiso in sesion.compromisos:
        for ref in compromiso.temas:
            doc, tema = ref.split("/")
            assert f"../../documentos/{doc}/#{tema}" in destinos
    cumplidos = _lista(html, "Acuerdos con que se cumplieron sus compromisos")
    numeros = [n for c in sesion.compromisos for n in c.acuerdos]
    assert set(enlaces(cumplidos)) == set(numeros)
    # cada acuerdo con su asunto, cuando un documento lo da
    for li in cumplidos.find_all("li"):
        numero = plano(li.find("a"))
        aprueba = grafo_real.acuerdos[numero].primero("aprueba")
        if aprueba:
            assert plano(li) == f"{numero}: Aprueba {' '.join(str(aprueba).split())}"


def test_sesion_sin_programa_con_acuerdos_y_documentos(grafo_prueba: Grafo) -> None:
    grafo = grafo_prueba
    jge = sopa(pagina_sesion(grafo.sesiones["jge-2020-01-16"], grafo))
    assert "Ningún programa publicado en el sitio prevé esta sesión." in plano(jge)
    assert enlaces(_lista(jge, "Acuerdos aprobados en ella")) == {"INE/JGE06/2020": "../../acuerdos/ine-jge06-2020/"}
    assert enlaces(_lista(jge, "Documentos presentados en ella")) == {
        "PAT de prueba 2020": "../../documentos/pat-2020/"}
    assert not any(titulo(h).startswith("Compromisos") for h in jge.find_all("h2"))
    junio = sopa(pagina_sesion(grafo.sesiones["cspen-2024-06-17"], grafo))
    assert enlaces(_lista(junio, "Documentos presentados en ella")) == {
        "Informe de prueba 2024": "../../documentos/informe-2024/"}


def test_textos_largos_se_recortan_y_escapan(grafo_real: Grafo) -> None:
    html = sopa(pagina_sesion(grafo_real.sesiones["cspen-2024-03-13"], grafo_real))
    tabla = apartado_por_titulo(html, "Compromisos y acuerdos que surgieron de ella").find_next_sibling("table")
    compromisos = [a for a in tabla.find_all("a") if "#compromiso-" in a["href"]]
    assert len(compromisos) == len(grafo_real.sesiones["cspen-2024-03-13"].compromisos) == 6
    assert any(plano(a).endswith("…") and len(plano(a)) == 141 for a in compromisos)


def test_indice_de_sesiones(grafo_prueba: Grafo) -> None:
    pagina = pagina_indice_sesiones(grafo_prueba)
    assert pagina.ruta == "sesiones/index.md"
    html = sopa(pagina)
    assert [h["id"] for h in html.find_all("h2")] == ["organo-cspen", "organo-jge"]
    cspen = BeautifulSoup("".join(str(e) for e in apartado(html, "organo-cspen")), "html.parser")
    programadas = filas(apartado_por_titulo(cspen, "Programadas frente a celebradas").find_next_sibling("table"))
    assert len(programadas) == 2
    assert programadas[0][1:5] == ["Segunda semana — Marzo", "marzo de 2024", "13 de marzo de 2024",
                                   "En el mes y la semana previstos"]
    assert programadas[1][3] == "Sin registro en los documentos publicados"
    assert enlaces(cspen)["13 de marzo de 2024"] == "cspen-2024-03-13/"
    assert enlaces(cspen)["Segunda semana — Marzo"] == "../documentos/pat-cspen-2024/#sesion-ordinaria-1"
    celebradas = filas(apartado_por_titulo(cspen, "Celebradas").find_next_sibling("table"))
    assert ["13 de marzo de 2024", "Primera sesión ordinaria", "En el mes y la semana previstos", "2"] in celebradas
    assert ["17 de junio de 2024", "Sesión ordinaria", "No prevista en un programa publicado", "0"] in celebradas
    assert enlaces(cspen)["Primera sesión ordinaria"] == "cspen-2024-03-13/"
    jge = BeautifulSoup("".join(str(e) for e in apartado(html, "organo-jge")), "html.parser")
    assert not any(titulo(h).startswith("Programadas") for h in jge.find_all("h3"))
    assert sum(1 for a in jge.find_all("a", href=True) if a["href"].startswith("jge-")) == 2


def test_indice_real_programadas_frente_a_celebradas(grafo_real: Grafo) -> None:
    html = sopa(pagina_indice_sesiones(grafo_real))
    hrefs = [a["href"] for a in html.find_all("a", href=True)]
    # cada sesión programada de cada programa, una vez, con enlace a su registro
    for doc, plan in grafo_real.programadas.values():
        assert hrefs.count(f"../documentos/{doc.id}/#{plan.id}") == 1, plan.id
    # y cada sesión celebrada con su página
    for sesion in grafo_real.sesiones.values():
        assert f"{sesion.id}/" in hrefs, sesion.id
    assert "cspen-2024-03-13/" in hrefs and "cspen-2024-06-17/" in hrefs
