"""paginas.documento: la página de un documento es pura (mismas entradas, misma salida), tiene un
ancla única por registro y solo usa apartados reservados, muestra «No dado en la fuente» en los
calendarios no dados, publica el texto de la fuente como texto (nunca como marcado), enlaza
acuerdos, sesiones, áreas, temas y compromisos en los dos sentidos y pone cada aviso junto a su
registro. Se revisa el HTML que escriben las plantillas."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from programas_spen.carga.referencias import COLECCIONES_CON_ID, recorrer
from programas_spen.sitio.grafo import Grafo, construir_grafo
from programas_spen.sitio.paginas.comun import siglas_de
from programas_spen.sitio.paginas.documento import pagina_documento
from programas_spen.sitio.render import ancla_de_titulo, escribir_pagina
from programas_spen.sitio.urls import APARTADOS
from tests.datos_prueba import INFORME, PAT, PROGRAMA, archivos_base, cambiar, cargar

#: Marcado que Python-Markdown o un navegador interpretarían, escrito en un texto de la fuente.
CARGAS = ('![i](x" onerror="y)', "[x](javascript:alert(1))", '{: onclick="alert(1)" }', "*[SPEN]: <b>",
          "<script>")


def _grafo(tmp_path: Path, archivos: dict[str, str]) -> Grafo:
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    return construir_grafo(resultado.datos, resultado.informe.avisos)


def _pagina(grafo: Grafo, doc_id: str) -> BeautifulSoup:
    pagina = pagina_documento(grafo.documentos[doc_id], grafo)
    return BeautifulSoup(escribir_pagina(pagina).html, "html.parser")


def _texto(elemento: Tag) -> str:
    """El texto visible de un elemento, en una línea (un salto de línea cuenta como espacio)."""
    copia = BeautifulSoup(str(elemento), "html.parser")
    for salto in copia.find_all("br"):
        salto.replace_with(" ")
    for permanente in copia.find_all("a", class_="headerlink"):
        permanente.decompose()
    return " ".join(copia.get_text().split())


def _fila(sopa: BeautifulSoup, ident: str) -> Tag:
    fila = sopa.find(id=ident).find_parent("tr")
    assert fila is not None, ident
    return fila


def _tramo(sopa: BeautifulSoup, ident: str) -> BeautifulSoup:
    """El apartado cuyo encabezado tiene ``ident``: su encabezado y lo que le sigue hasta el
    siguiente encabezado de su nivel o de uno mayor."""
    encabezado = sopa.find(id=ident)
    nivel = int(encabezado.name[1])
    partes = [str(encabezado)]
    for hermano in encabezado.find_next_siblings():
        if re.fullmatch(r"h[1-6]", hermano.name) and int(hermano.name[1]) <= nivel:
            break
        partes.append(str(hermano))
    return BeautifulSoup("".join(partes), "html.parser")


def _enlaces(elemento: Tag) -> dict[str, str]:
    return {_texto(a): a["href"] for a in elemento.find_all("a") if "headerlink" not in a.get("class", [])}


def test_pagina_pura(grafo_real: Grafo) -> None:
    for doc in grafo_real.datos.documentos:
        una = pagina_documento(doc, grafo_real)
        otra = pagina_documento(doc, grafo_real)
        assert una == otra
        assert escribir_pagina(una) == escribir_pagina(otra)
        assert una.ruta == f"documentos/{doc.id}/index.md"
        assert una.titulo == doc.titulo_corto and una.descripcion == doc.titulo
        assert una.institucion == doc.institucion  # su índice de búsqueda
        assert una.siglas == siglas_de(grafo_real, doc)


def test_un_ancla_por_registro_y_solo_apartados_reservados(grafo_real: Grafo) -> None:
    for doc in grafo_real.datos.documentos:
        sopa = _pagina(grafo_real, doc.id)
        anclas = [e["id"] for e in sopa.find_all(id=True)]
        assert len(anclas) == len(set(anclas)), doc.id
        ids = set()
        for coleccion in ("ejes", "objetivos", "lineas_accion", "mecanismos", "temas", "fichas",
                          "sesiones_programadas", "compromisos", "cifras_publicadas"):
            ids |= {r.id for r in getattr(doc, coleccion)}
        ids |= {a.id for a in doc.actividades}
        secciones = {f"seccion-{s.id}" for s in doc.secciones}
        assert ids <= set(anclas), (doc.id, ids - set(anclas))
        assert secciones <= set(anclas)
        # Las demás anclas son los apartados reservados o salen del título de su encabezado.
        for ancla in set(anclas) - ids - secciones - APARTADOS:
            elemento = sopa.find(id=ancla)
            assert re.fullmatch(r"h[1-6]", elemento.name), (doc.id, ancla)
            assert re.fullmatch(re.escape(ancla_de_titulo(_texto(elemento))) + r"(_\d+)?", ancla), (doc.id, ancla)


def test_colecciones_con_id_cubren_las_anclas() -> None:
    # cada colección cuyos registros son anclas está en la lista que comprueba ids únicos
    nombres = {patron[0] for patron in COLECCIONES_CON_ID}
    assert {"ejes", "objetivos", "lineas_accion", "mecanismos", "temas", "cronograma", "fichas",
            "sesiones_programadas", "compromisos", "cifras_publicadas", "secciones"} <= nombres
    datos = {"mecanismos": [{"actividades": [{"id": "a"}]}]}
    assert [v for _, v in recorrer(datos, ("mecanismos", "*", "actividades", "*", "id"))] == ["a"]


def test_no_dado_en_la_fuente(grafo_prueba: Grafo, grafo_real: Grafo) -> None:
    sopa = _pagina(grafo_prueba, "pat-2020")
    fila = _texto(_fila(sopa, "ingreso-02"))
    assert "No dado en la fuente" in fila
    assert "Los meses no se conservaron en el texto." in fila
    fila = _texto(_fila(sopa, "ingreso-01"))
    assert "Enero y febrero de 2020" in fila and "No dado" not in fila
    pat = grafo_real.documentos["ine-pat-spen-2020"]
    real = _pagina(grafo_real, pat.id)
    filas = [_fila(real, a.id) for a in pat.actividades]
    assert filas and all("No dado en la fuente" in _texto(f) for f in filas)


def test_metadatos_y_enlaces_del_documento(grafo_prueba: Grafo) -> None:
    sopa = _pagina(grafo_prueba, "pat-2020")
    assert sopa.h1.get_text() == "PAT de prueba 2020"
    assert _texto(sopa.find("p")) == "Programa Anual de Trabajo de prueba correspondiente al ejercicio 2020"
    datos = {_texto(f.find_all("td")[0]): f.find_all("td")[1] for f in _tramo(sopa, "datos").select("tbody tr")}
    assert _enlaces(datos["Aprobado por el acuerdo"]) == {"INE/JGE06/2020": "../../acuerdos/ine-jge06-2020/"}
    assert _enlaces(datos["Presentado en"]) == {
        "sesión ordinaria del 16 de enero de 2020": "../../sesiones/jge-2020-01-16/"}
    assert _enlaces(datos["Institución"]) == {"Instituto Nacional Electoral": "../../instituciones/ine/"}
    assert datos["Archivo de datos"].code.get_text() == "datos/ine/2020/pat-2020.yml"
    assert _enlaces(_tramo(sopa, "datos"))["Calendario: rejilla de meses y línea de tiempo"] == "calendario/"
    mecanismos = _tramo(sopa, "mecanismos")
    assert "2 actividades en 1 mecanismos." in _texto(mecanismos)
    assert _enlaces(mecanismos)["el mecanismo en todos los años"] == "../../mecanismos/ingreso/"
    # la prosa enlaza el acuerdo que menciona, y el documento lo lista entre los que cita
    assert _enlaces(_tramo(sopa, "seccion-introduccion"))["INE/CG909/2015"] == "../../acuerdos/ine-cg909-2015/"
    acuerdos = [_texto(li) for li in _tramo(sopa, "acuerdos").find_all("li")]
    assert acuerdos == ["INE/CG909/2015", "INE/JGE06/2020: aprueba el Programa Anual de Trabajo de prueba 2020"]
    assert _enlaces(_tramo(sopa, "acuerdos")) == {"INE/CG909/2015": "../../acuerdos/ine-cg909-2015/",
                                                   "INE/JGE06/2020": "../../acuerdos/ine-jge06-2020/"}


def test_tema_y_compromiso_enlazados_en_los_dos_sentidos(grafo_prueba: Grafo) -> None:
    programa = _pagina(grafo_prueba, "pat-cspen-2024")
    fila = _fila(programa, "tema-01")
    assert _enlaces(fila) == {"Compromiso 1": "../informe-2024/#compromiso-01", "DP": "../../areas/dp/"}
    assert "Concluido 100 %" in _texto(fila)
    assert _texto(_fila(programa, "tema-02").find_all("td")[-1]) == "—"
    informe = _pagina(grafo_prueba, "informe-2024")
    compromiso = _tramo(informe, "compromiso-01")
    for explicacion in compromiso.select(".sr-only"):  # el significado de una sigla, para el lector de pantalla
        explicacion.decompose()
    texto = _texto(compromiso)
    assert "tema 1 del PAT de prueba de la CSPEN 2024 — (DP) Primer tema." in texto
    assert "Cumplido mediante: INE/JGE38/2024 (documento oficial de INE/JGE38/2024)" in texto
    assert "La Junta lo aprobó mediante el Acuerdo INE/JGE38/2024" in texto
    assert "(celebrada el 13 de marzo de 2024)" in texto
    assert _enlaces(compromiso) == {
        "tema 1": "../pat-cspen-2024/#tema-01", "PAT de prueba de la CSPEN 2024": "../pat-cspen-2024/",
        "INE/JGE38/2024": "../../acuerdos/ine-jge38-2024/",
        "documento oficial de INE/JGE38/2024": "https://example.org/INE-JGE38-2024.pdf",
        "Dirección de Profesionalización.": "../../areas/dp/",
        "13/03/2024 Primera sesión ordinaria.": "../../sesiones/cspen-2024-03-13/"}
    assert "2 compromisos: 1 concluidos y 1 en curso." in _texto(informe)


def test_programada_enlaza_la_celebrada(grafo_prueba: Grafo) -> None:
    programa = _pagina(grafo_prueba, "pat-cspen-2024")
    assert _enlaces(_fila(programa, "sesion-ordinaria-1")) == {
        "13 de marzo de 2024": "../../sesiones/cspen-2024-03-13/"}
    assert "Sin registro en los documentos publicados" in _texto(_fila(programa, "sesion-ordinaria-2"))


def test_ficha_y_filas_del_cronograma(grafo_prueba: Grafo) -> None:
    plan = _pagina(grafo_prueba, "plan-2024")
    fila = _fila(plan, "fila-1")
    assert "Ficha técnica: ficha 1" in _texto(fila) and _enlaces(fila)["ficha 1"] == "#ficha-1"
    ficha = _tramo(plan, "ficha-1")
    assert "En el cronograma: Primera fila del cronograma." in _texto(ficha)
    assert _enlaces(ficha) == {"Primera fila del cronograma.": "#fila-1"}
    lineas = _tramo(plan, "lineas-accion")
    assert "Corresponde al objetivo 1." in _texto(lineas) and _enlaces(lineas)["1"] == "#objetivo-1"
    objetivos = _tramo(plan, "objetivos")
    assert "Líneas de acción: 1.1" in _texto(objetivos) and _enlaces(objetivos) == {"1.1": "#linea-1"}


def test_texto_de_la_fuente_no_se_vuelve_marcado(tmp_path: Path) -> None:
    raro = "Tema *con* _marcas_ [y](enlace.md) <i>etiquetas</i> a|b #1"
    archivos = cambiar(archivos_base(), PROGRAMA, "texto: (DP) Primer tema.", f"texto: '{raro}'")
    sopa = _pagina(_grafo(tmp_path, archivos), "pat-cspen-2024")
    celda = sopa.find("span", id="tema-01").parent
    assert celda.name == "td"
    assert celda.get_text() == raro
    assert celda.find(["em", "a", "i"]) is None
    # la fila sigue teniendo sus seis columnas pese al «|» del texto
    assert len(celda.parent.find_all("td")) == 6


def test_marcado_inyectado_se_publica_literal(tmp_path: Path) -> None:
    carga = " ".join(CARGAS)
    archivos = cambiar(archivos_base(), PROGRAMA, "texto: (DP) Primer tema.", f"texto: '(DP) {carga}'")
    cambiar(archivos, PROGRAMA, "cargo: Presidenta", f"cargo: 'Presidenta {carga}'")
    parrafo = "      - parrafo: El Estatuto se aprobó"
    cambiar(archivos, PAT, parrafo, f"      - parrafo: '{carga}'\n{parrafo}")
    cambiar(archivos, PAT, "texto: Primer eje.", f"texto: 'Primer eje. {carga}'")
    cambiar(archivos, INFORME, "texto: Preparar el segundo informe.", f"texto: 'Preparar {carga}'")
    grafo = _grafo(tmp_path, archivos)
    for doc_id, veces in (("pat-cspen-2024", 2), ("pat-2020", 2), ("informe-2024", 1)):
        sopa = _pagina(grafo, doc_id)
        visible = BeautifulSoup(str(sopa), "html.parser")
        for oculto in visible.find_all(class_="sr-only"):  # el significado de una sigla, para lectores de pantalla
            oculto.decompose()
        texto = visible.get_text()
        for marcado in CARGAS:
            assert texto.count(marcado) >= veces, (doc_id, marcado)
        assert sopa.find(["script", "b", "img"]) is None, doc_id
        for etiqueta in sopa.find_all(True):
            assert not any(atributo.startswith("on") for atributo in etiqueta.attrs), (doc_id, etiqueta)
            assert not etiqueta.get("href", "").startswith("javascript:"), (doc_id, etiqueta)
        assert not [a for a in sopa.find_all("abbr") if "<b>" in a.get("title", "")], doc_id


def test_avisos_junto_a_su_registro(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), INFORME, "    porcentaje: 75\n", "    porcentaje: 100\n")
    cambiar(archivos, PAT, "actividades_publicadas: 2", "actividades_publicadas: 3")
    cambiar(archivos, PROGRAMA, "      meses: [2024-03]\n", "      meses: [2024-03]\n      marcas_fuera_de_tabla: 2\n")
    grafo = _grafo(tmp_path, archivos)
    informe = _pagina(grafo, "informe-2024")
    general = informe.find("div", class_="admonition")
    assert "warning" in general["class"]
    assert general.find(class_="admonition-title").get_text() == "Avisos sobre la fuente: 1"
    assert "En un lugar, el documento oficial dice algo que no cuadra consigo mismo" in _texto(general)
    assert _enlaces(general) == {"Lista de todos los avisos": "../../avisos/#documento-informe-2024"}
    uno, dos = _tramo(informe, "compromiso-01"), _tramo(informe, "compromiso-02")
    assert "Aviso de coherencia" not in _texto(uno)
    recuadro = dos.find("div", class_="admonition")
    assert recuadro.find(class_="admonition-title").get_text() == "Aviso de coherencia de la fuente"
    assert "El compromiso 2 tiene 100% de avance pero su estatus es «En proceso»." in _texto(recuadro)
    assert _texto(dos).index("Aviso de coherencia") < _texto(dos).index("Acuerdo o compromiso.")
    pat = _pagina(grafo, "pat-2020")
    mecanismo = _tramo(pat, "ingreso")
    recuadro = mecanismo.find("div", class_="admonition")
    assert "La tabla de síntesis da 3 actividades a «Ingreso» pero su tabla tiene 2." in _texto(recuadro)
    assert recuadro.find_next("table") is not None  # antes de la tabla del mecanismo
    programa = _pagina(grafo, "pat-cspen-2024")
    fila = _fila(programa, "tema-01")
    assert ("⚠ Aviso: En la tabla de la fuente, la fila de este tema tiene 2 casillas marcadas que no "
            "corresponden a ningún mes") in _texto(fila)
    assert "tema-01" not in _texto(fila) and "marca(s)" not in _texto(fila)
    assert fila.find(class_="aviso-en-linea").em.get_text() == "Aviso:"
    assert "Aviso" not in _texto(_fila(programa, "tema-02"))
    # sin avisos, ni el recuadro general ni los de registro
    plan = _pagina(grafo, "plan-2024")
    assert "aviso(s) de coherencia" not in _texto(plan) and "Aviso" not in _texto(plan)


def test_avisos_reales_en_su_registro(grafo_real: Grafo) -> None:
    informe = _pagina(grafo_real, "ine-informe-compromisos-cspen-2024-06")
    assert ("con fecha del 13 de abril de 2024, pero esa sesión se celebró el 13 de marzo de 2024"
            in _texto(_tramo(informe, "compromiso-07")))
    assert "11 compromisos: 10 concluidos y 1 en curso." in _texto(informe)
    cspen = _pagina(grafo_real, "ine-pat-cspen-2024")
    for tema in ("tema-03", "tema-04", "tema-09", "tema-12", "tema-13"):
        assert "una casilla marcada que no corresponde a ningún mes" in _texto(_fila(cspen, tema)), tema
    assert "sigla que no está en la lista de abreviaturas del documento (la lista da DCPEN)" in _texto(
        _fila(cspen, "tema-06"))
    pat = _pagina(grafo_real, "ine-pat-spen-2020")
    assert "74 actividades en 13 mecanismos." in _texto(pat)


def test_apartados_en_el_orden_de_la_fuente(grafo_prueba: Grafo) -> None:
    """Los datos del documento primero; después el contenido como lo ordena la fuente: las
    fichas técnicas antes del cronograma que las usa."""
    plan = _pagina(grafo_prueba, "plan-2024")
    apartados = [h["id"] for h in plan.find_all("h2")]
    assert apartados == ["datos", "ejes", "objetivos", "lineas-accion", "fichas", "cronograma"]


def test_apartado_del_anexo_tras_el_contenido(grafo_prueba: Grafo) -> None:
    """El anexo y las descargas (tamaños, huellas SHA-256) van al final, tras el contenido; los
    datos del documento los anuncian con un enlace."""
    from programas_spen.sitio.secciones import Parrafo, Seccion

    doc = grafo_prueba.documentos["pat-2020"]
    extra = (Seccion("Anexo para la Gaceta", (Parrafo("Descargue el anexo."),), id="anexo"),)
    sopa = BeautifulSoup(escribir_pagina(pagina_documento(doc, grafo_prueba, extra)).html, "html.parser")
    apartados = [h["id"] for h in sopa.find_all("h2")]
    assert apartados[:2] == ["datos", "siglas"] and apartados[-1] == "anexo"
    assert "Descargue el anexo." in _texto(_tramo(sopa, "anexo"))
    assert _enlaces(_tramo(sopa, "datos"))["Anexo para la Gaceta"] == "#anexo"


def _datos_del_documento(sopa: BeautifulSoup) -> dict[str, Tag]:
    tabla = _tramo(sopa, "datos").find("table")  # la primera; la de los detalles técnicos va plegada después
    return {_texto(f.find_all("td")[0]): f.find_all("td")[1] for f in tabla.select("tbody tr")}


def test_documento_oficial_con_enlace(tmp_path: Path) -> None:
    oficial = ("documento_oficial:\n  titulo: ACUERDO DE PRUEBA\n  emisor: Junta General Ejecutiva\n"
               "  fecha: '2020-01-16'\n  url: https://repositorio.example/acuerdo.pdf\n"
               "  publicacion: Gaceta de prueba\nfuente:\n  archivo: pat.txt\n")
    archivos = cambiar(archivos_base(), PAT, "fuente:\n  archivo: pat.txt\n", oficial)
    sopa = _pagina(_grafo(tmp_path, archivos), "pat-2020")
    celda = _datos_del_documento(sopa)["Documento oficial"]
    assert celda.em.get_text() == "ACUERDO DE PRUEBA"
    assert "Emite: Junta General Ejecutiva" in _texto(celda) and "Fecha: 16 de enero de 2020" in _texto(celda)
    assert "Se ordenó publicar en: Gaceta de prueba" in _texto(celda)
    [enlace] = celda.find_all("a")
    assert enlace["href"] == "https://repositorio.example/acuerdo.pdf"
    assert _texto(enlace) == "Consultar el documento oficial (ACUERDO DE PRUEBA)"  # nombre accesible completo


def test_documento_oficial_sin_url_ni_fecha_no_se_inventa(tmp_path: Path, grafo_prueba: Grafo) -> None:
    oficial = ("documento_oficial:\n  titulo: Programa de prueba\n  emisor: Comisión\n  fecha: null\n  url: null\n"
               "fuente:\n  archivo: pat.txt\n")
    archivos = cambiar(archivos_base(), PAT, "fuente:\n  archivo: pat.txt\n", oficial)
    sopa = _pagina(_grafo(tmp_path, archivos), "pat-2020")
    celda = _datos_del_documento(sopa)["Documento oficial"]
    assert "Fecha: No dado en la fuente" in _texto(celda) and "Sin enlace conocido" in _texto(celda)
    assert celda.find("a") is None
    # sin el dato, la página lo dice igual
    sin_dato = _datos_del_documento(_pagina(grafo_prueba, "pat-2020"))["Documento oficial"]
    assert _texto(sin_dato) == "No dado en la fuente (Sin enlace conocido)" and sin_dato.find("a") is None


def test_documento_oficial_de_cada_documento_real(grafo_real: Grafo) -> None:
    """Cada documento real dice qué publicación oficial transcribe; un enlace, solo si los
    datos lo dan."""
    for doc in grafo_real.datos.documentos:
        celda = _datos_del_documento(_pagina(grafo_real, doc.id))["Documento oficial"]
        assert doc.documento_oficial is not None, doc.id
        assert celda.em.get_text() == " ".join(doc.documento_oficial.titulo.split())
        enlaces = [a["href"] for a in celda.find_all("a")]
        assert enlaces == ([doc.documento_oficial.url] if doc.documento_oficial.url else []), doc.id
        if not doc.documento_oficial.url:
            assert "Sin enlace conocido" in _texto(celda)


def test_detalles_tecnicos_plegados(grafo_real: Grafo) -> None:
    """El archivo fuente, lo que perdió la extracción y el archivo de datos van plegados en
    «Detalles técnicos», fuera del texto que se lee."""
    for doc in grafo_real.datos.documentos:
        sopa = _pagina(grafo_real, doc.id)
        detalles = sopa.find("details", class_="spen-detalles")
        assert detalles.summary.get_text() == "Detalles técnicos"
        assert doc.fuente.archivo in _texto(detalles) and doc.archivo in _texto(detalles)
        for plegado in sopa.find_all("details"):
            plegado.decompose()
        assert doc.fuente.archivo not in _texto(sopa) and doc.archivo not in _texto(sopa)


def test_claves_de_los_temas_explicadas(grafo_real: Grafo) -> None:
    """«(AG)», «(DCPE)» al inicio de cada tema: una leyenda en la página y un ``<abbr>`` en el
    tema, con el texto transcrito intacto."""
    doc = grafo_real.documentos["ine-pat-cspen-2024"]
    sopa = _pagina(grafo_real, doc.id)
    leyenda = _tramo(sopa, "temas").find("dl", class_="spen-claves")
    for explicacion in leyenda.select(".sr-only"):
        explicacion.decompose()
    terminos = [_texto(dt) for dt in leyenda.find_all("dt")]
    assert {f"({t.clasificacion})" for t in doc.temas if t.clasificacion} == set(terminos)
    dcpe = leyenda.find_all("dd")[terminos.index("(DCPE)")]
    assert "clave que la lista de abreviaturas del documento no define; se lee como DCPEN" in _texto(dcpe)
    for tema in doc.temas:
        celda = _fila(sopa, tema.id).find_all("td")[1]
        assert _texto(celda).startswith(" ".join(tema.texto.split())[:60]), tema.id
        if tema.clasificacion:
            assert celda.find("abbr", string=tema.clasificacion)["title"], tema.id


def test_vinculo_inferido_por_la_transcripcion(tmp_path: Path) -> None:
    """Un vínculo que la fuente no dice (compromiso → tema) se muestra como inferido, con su
    nota, en los dos sentidos; sin la marca en los datos, no se dice nada."""
    sin_marca = _grafo(tmp_path / "sin", archivos_base())
    assert "inferido" not in _texto(_pagina(sin_marca, "informe-2024"))
    vinculo = ("    temas: [pat-cspen-2024/tema-01]\n    temas_vinculo:\n      inferido: true\n"
               "      nota: El informe no cita el programa.\n")
    archivos = cambiar(archivos_base(), INFORME, "    temas: [pat-cspen-2024/tema-01]\n", vinculo)
    grafo = _grafo(tmp_path / "con", archivos)
    compromiso = _texto(_tramo(_pagina(grafo, "informe-2024"), "compromiso-01"))
    assert "(Vínculo inferido por la transcripción: El informe no cita el programa.)" in compromiso
    fila = _texto(_fila(_pagina(grafo, "pat-cspen-2024"), "tema-01"))
    assert "Compromiso 1" in fila and "(Vínculo inferido por la transcripción)" in fila


def test_vinculos_inferidos_reales(grafo_real: Grafo) -> None:
    """En los datos reales, cada vínculo marcado como inferido se muestra como tal junto a él."""
    for doc in grafo_real.datos.documentos:
        sopa = _pagina(grafo_real, doc.id)
        for compromiso in doc.compromisos:
            if compromiso.temas and compromiso.temas_vinculo and compromiso.temas_vinculo.inferido:
                texto = _texto(_tramo(sopa, compromiso.id))
                assert f"(Vínculo inferido por la transcripción: {compromiso.temas_vinculo.nota})" in texto
        for actividad in doc.actividades:
            if actividad.ficha and actividad.ficha_vinculo and actividad.ficha_vinculo.inferido:
                assert "(Vínculo inferido por la transcripción" in _texto(_fila(sopa, actividad.id)), actividad.id


def test_prosa_de_los_objetivos_del_programa_cspen_2024(grafo_real: Grafo) -> None:
    """Los apartados 2 y 3 del programa de la CSPEN 2024 están transcritos: la entrada a sus
    objetivos específicos y el encabezado «3.1», entre el marco legal y la programación."""
    sopa = _pagina(grafo_real, "ine-pat-cspen-2024")
    titulos = [_texto(h) for h in sopa.find_all("h2")]
    marco = titulos.index("1. Marco Legal")
    assert titulos[marco + 1:marco + 4] == ["2. Objetivo general", "3. Objetivos específicos",
                                            "4. Programación de sesiones 2024"]
    tercero = _tramo(sopa, "seccion-objetivos-especificos-apartado")
    assert ("Con la finalidad de lograr el cumplimiento de su objetivo general, la Comisión del Servicio plantea "
            "los siguientes:") in _texto(tercero)
    assert _texto(tercero.find("h3")) == "3.1 Objetivos específicos:"
    assert [_texto(li)[:5] for li in tercero.find_all("li")] == ["3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5"]
