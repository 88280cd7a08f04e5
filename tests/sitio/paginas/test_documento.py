"""paginas.documento: la página de un documento es pura (mismas entradas, misma salida), tiene un
ancla única por registro y solo usa apartados reservados, muestra «No dado en la fuente» en los
calendarios no dados, escapa el texto de la fuente, enlaza acuerdos, sesiones, áreas, temas y
compromisos en los dos sentidos y pone cada aviso junto a su registro."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from programas_spen.carga.referencias import COLECCIONES_CON_ID, recorrer
from programas_spen.sitio.construir import Sitio
from programas_spen.sitio.grafo import construir_grafo
from programas_spen.sitio.paginas.documento import ancla_html, pagina_documento
from programas_spen.sitio.urls import APARTADOS
from tests.datos_prueba import INFORME, PAT, PROGRAMA, archivos_base, cambiar, cargar, html


def _pagina(sitio: Sitio, doc_id: str) -> str:
    grafo = sitio.grafo
    return pagina_documento(grafo.documentos[doc_id], grafo).contenido


def _tramo(contenido: str, desde: str, hasta: str) -> str:
    inicio = contenido.index(desde)
    fin = contenido.find(hasta, inicio + len(desde))
    return contenido[inicio: fin if fin >= 0 else len(contenido)]


def _sitio(tmp_path: Path, archivos: dict[str, str]) -> Sitio:
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is not None, resultado.informe.texto()
    grafo = construir_grafo(resultado.datos, resultado.informe.avisos)
    return Sitio(resultado.informe, grafo)


def test_pagina_pura(sitio_real: Sitio) -> None:
    for doc in sitio_real.grafo.datos.documentos:
        una = pagina_documento(doc, sitio_real.grafo)
        otra = pagina_documento(doc, sitio_real.grafo)
        assert una == otra
        assert una.ruta == f"documentos/{doc.id}/index.md"
        assert una.titulo == doc.titulo_corto and una.descripcion == doc.titulo
        assert una.institucion == doc.institucion  # su índice de búsqueda


def _anclas(contenido: str) -> list[str]:
    return re.findall(r'<span id="([^"]+)"></span>|\{#([^}\s]+)\}', contenido)


def test_un_ancla_por_registro_y_solo_apartados_reservados(sitio_real: Sitio) -> None:
    for doc in sitio_real.grafo.datos.documentos:
        contenido = _pagina(sitio_real, doc.id)
        anclas = [a or b for a, b in _anclas(contenido)]
        assert len(anclas) == len(set(anclas)), doc.id
        ids = set()
        for coleccion in ("ejes", "objetivos", "lineas_accion", "mecanismos", "temas", "fichas",
                          "sesiones_programadas", "compromisos", "cifras_publicadas"):
            ids |= {r.id for r in getattr(doc, coleccion)}
        ids |= {a.id for a in doc.actividades}
        secciones = {f"seccion-{s.id}" for s in doc.secciones}
        assert ids <= set(anclas), (doc.id, ids - set(anclas))
        assert secciones <= set(anclas)
        apartados = set(anclas) - ids - secciones
        assert apartados <= APARTADOS, (doc.id, apartados - APARTADOS)


def test_colecciones_con_id_cubren_las_anclas() -> None:
    # cada colección cuyos registros son anclas está en la lista que comprueba ids únicos
    nombres = {patron[0] for patron in COLECCIONES_CON_ID}
    assert {"ejes", "objetivos", "lineas_accion", "mecanismos", "temas", "cronograma", "fichas",
            "sesiones_programadas", "compromisos", "cifras_publicadas", "secciones"} <= nombres
    datos = {"mecanismos": [{"actividades": [{"id": "a"}]}]}
    assert [v for _, v in recorrer(datos, ("mecanismos", "*", "actividades", "*", "id"))] == ["a"]


def test_no_dado_en_la_fuente(sitio_prueba: Sitio, sitio_real: Sitio) -> None:
    contenido = _pagina(sitio_prueba, "pat-2020")
    fila = next(linea for linea in contenido.splitlines() if 'id="ingreso-02"' in linea)
    assert "No dado en la fuente" in fila
    assert "Los meses no se conservaron en el texto." in fila
    fila = next(linea for linea in contenido.splitlines() if 'id="ingreso-01"' in linea)
    assert "Enero y febrero de 2020" in fila and "No dado" not in fila
    real = _pagina(sitio_real, "ine-pat-spen-2020")
    filas = [linea for linea in real.splitlines() if linea.startswith("| ")
             and '<span id="' in linea]
    pat = sitio_real.grafo.documentos["ine-pat-spen-2020"]
    actividades = {a.id for a in pat.actividades}
    filas_actividad = [f for f in filas if re.search(r'id="([^"]+)"', f).group(1) in actividades]
    assert len(filas_actividad) == 74
    assert all("No dado en la fuente" in f for f in filas_actividad)


def test_metadatos_y_enlaces_del_documento(sitio_prueba: Sitio) -> None:
    contenido = _pagina(sitio_prueba, "pat-2020")
    assert "| Aprobado por el acuerdo | [INE/JGE06/2020](../../acuerdos/ine-jge06-2020.md) |" \
        in contenido
    assert "[sesión ordinaria del 16 de enero de 2020](../../sesiones/jge-2020-01-16.md)" \
        in contenido
    assert "| Institución | [Instituto Nacional Electoral](../../instituciones/ine.md) |" \
        in contenido
    assert "| Archivo de datos | `datos/ine/2020/pat-2020.yml` |" in contenido
    assert "2 actividades en 1 mecanismos." in contenido
    assert "[el mecanismo en todos los años](../../mecanismos/ingreso.md)" in contenido
    # la prosa enlaza el acuerdo que menciona, y el documento lo lista entre los que cita
    acuerdos = _tramo(contenido, "## Acuerdos que cita", "\n\n\n")
    assert "- [INE/CG909/2015](../../acuerdos/ine-cg909-2015.md)" in acuerdos
    assert ("- [INE/JGE06/2020](../../acuerdos/ine-jge06-2020.md): aprueba el Programa Anual de "
            "Trabajo de prueba 2020") in acuerdos
    assert acuerdos.index("INE/CG909/2015") < acuerdos.index("INE/JGE06/2020")


def test_tema_y_compromiso_enlazados_en_los_dos_sentidos(sitio_prueba: Sitio) -> None:
    programa = _pagina(sitio_prueba, "pat-cspen-2024")
    fila = next(linea for linea in programa.splitlines() if 'id="tema-01"' in linea)
    assert "[Compromiso 1](../informe-2024/index.md#compromiso-01)" in fila
    assert "Concluido 100 %" in fila
    assert "[DP](../../areas/dp.md)" in fila
    fila = next(linea for linea in programa.splitlines() if 'id="tema-02"' in linea)
    assert fila.rstrip().endswith("| — |")
    informe = _pagina(sitio_prueba, "informe-2024")
    compromiso = _tramo(informe, "### Compromiso 1 {#compromiso-01}", "### Compromiso 2")
    assert ("[tema 1](../pat-cspen-2024/index.md#tema-01) del [PAT de prueba de la CSPEN 2024]"
            "(../pat-cspen-2024/index.md) — (DP) Primer tema.") in compromiso
    assert ("- **Cumplido mediante:** [INE/JGE38/2024](../../acuerdos/ine-jge38-2024.md) "
            "([documento oficial de INE/JGE38/2024](https://example.org/INE-JGE38-2024.pdf))"
            ) in compromiso
    assert "La Junta lo aprobó mediante el Acuerdo [INE/JGE38/2024]" in compromiso
    assert "[Dirección de Profesionalización.](../../areas/dp.md)" in compromiso
    assert "(celebrada el 13 de marzo de 2024)" in compromiso
    assert "2 compromisos: 1 concluidos y 1 en curso." in informe


def test_programada_enlaza_la_celebrada(sitio_prueba: Sitio) -> None:
    programa = _pagina(sitio_prueba, "pat-cspen-2024")
    primera = next(linea for linea in programa.splitlines() if 'id="sesion-ordinaria-1"' in linea)
    assert "[13 de marzo de 2024](../../sesiones/cspen-2024-03-13.md)" in primera
    segunda = next(linea for linea in programa.splitlines() if 'id="sesion-ordinaria-2"' in linea)
    assert "Sin registro en los documentos publicados" in segunda


def test_ficha_y_filas_del_cronograma(sitio_prueba: Sitio) -> None:
    plan = _pagina(sitio_prueba, "plan-2024")
    fila = next(linea for linea in plan.splitlines() if 'id="fila-1"' in linea)
    assert "Ficha técnica: [ficha 1](#ficha-1)" in fila
    ficha = _tramo(plan, "### Ficha técnica 1 {#ficha-1}", "\n\n\n")
    assert "- **En el cronograma:** [Primera fila del cronograma.](#fila-1)" in ficha
    assert "Corresponde al objetivo [1](#objetivo-1)." in plan
    assert "- Líneas de acción: [1.1](#linea-1)" in plan


def test_texto_de_la_fuente_no_se_vuelve_marcado(tmp_path: Path) -> None:
    raro = "Tema *con* _marcas_ [y](enlace.md) <i>etiquetas</i> a|b #1"
    archivos = cambiar(archivos_base(), PROGRAMA, "texto: (DP) Primer tema.",
                       f"texto: '{raro}'")
    sitio = _sitio(tmp_path, archivos)
    contenido = _pagina(sitio, "pat-cspen-2024")
    sopa = BeautifulSoup(html(contenido), "html.parser")
    celda = sopa.find("span", id="tema-01").parent
    assert celda.name == "td"
    assert celda.get_text() == raro
    assert celda.find(["em", "a", "i"]) is None
    # la fila sigue teniendo sus seis columnas pese al «|» del texto
    assert len(celda.parent.find_all("td")) == 6


def test_avisos_junto_a_su_registro(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), INFORME, "    porcentaje: 75\n", "    porcentaje: 100\n")
    cambiar(archivos, PAT, "actividades_publicadas: 2", "actividades_publicadas: 3")
    cambiar(archivos, PROGRAMA, "      meses: [2024-03]\n",
            "      meses: [2024-03]\n      marcas_fuera_de_tabla: 2\n")
    sitio = _sitio(tmp_path, archivos)
    informe = _pagina(sitio, "informe-2024")
    assert '!!! warning "1 aviso(s) de coherencia"' in informe
    assert "[Ver todos los avisos](../../avisos/index.md#documento-informe-2024)" in informe
    uno = _tramo(informe, "### Compromiso 1 ", "### Compromiso 2 ")
    dos = _tramo(informe, "### Compromiso 2 ", "## Acuerdos que cita")
    assert "Aviso de coherencia" not in uno
    assert '!!! warning "Aviso de coherencia de la fuente"' in dos
    assert "el compromiso 2 tiene 100% de avance pero su estatus es «En proceso»" in dos
    assert dos.index("Aviso de coherencia") < dos.index("**Acuerdo o compromiso.**")
    pat = _pagina(sitio, "pat-2020")
    mecanismo = _tramo(pat, "### INGRESO {#ingreso}", "| Núm. |")
    assert "la tabla de síntesis da 3 actividades a «Ingreso» pero su tabla tiene 2" in mecanismo
    programa = _pagina(sitio, "pat-cspen-2024")
    fila = next(linea for linea in programa.splitlines() if 'id="tema-01"' in linea)
    assert "⚠ *Aviso:* el tema «tema-01»: la fuente pone 2 marca(s) fuera" in fila
    fila = next(linea for linea in programa.splitlines() if 'id="tema-02"' in linea)
    assert "Aviso" not in fila
    # sin avisos, ni el recuadro general ni los de registro
    plan = _pagina(sitio, "plan-2024")
    assert "aviso(s) de coherencia" not in plan and "Aviso" not in plan


def test_avisos_reales_en_su_registro(sitio_real: Sitio) -> None:
    informe = _pagina(sitio_real, "ine-informe-compromisos-cspen-2024-06")
    siete = _tramo(informe, "### Compromiso 7 {#compromiso-07}", "### Compromiso 8")
    assert "el compromiso 7 escribe la fecha 2024-04-13" in siete
    assert "11 compromisos: 10 concluidos y 1 en curso." in informe
    cspen = _pagina(sitio_real, "ine-pat-cspen-2024")
    for tema in ("tema-03", "tema-04", "tema-09", "tema-12", "tema-13"):
        fila = next(linea for linea in cspen.splitlines() if f'id="{tema}"' in linea)
        assert "fuera de las columnas de meses" in fila, tema
    pat = _pagina(sitio_real, "ine-pat-spen-2020")
    assert "74 actividades en 13 mecanismos." in pat


def test_ancla_html() -> None:
    assert ancla_html("tema-01") == '<span id="tema-01"></span>'
