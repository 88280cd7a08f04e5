"""importar.py: el libro de vuelta al documento; cada entrada mala se señala con su hoja y su
celda, en español, todas a la vez, y no se escribe nada."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from programas_spen.carga.lector_yaml import leer_texto
from programas_spen.carga.validacion import cargar_datos
from programas_spen.hoja.canonico import LINEA_ESQUEMA, formatear_texto
from programas_spen.hoja.importar import importar, leer_libro
from programas_spen.modelo.problemas import Informe
from tests.datos_prueba import INFORME, PAT, PLAN, PROGRAMA
from tests.hoja.libros import abrir, celda, columna, importar_roto, preparar


def _datos(texto: str) -> object:
    informe = Informe()
    arbol = leer_texto(texto, "x.yml", informe)
    assert arbol is not None, informe.texto()
    return arbol.datos


@pytest.mark.parametrize("documento", [PAT, PROGRAMA, INFORME, PLAN])
def test_ida_y_vuelta_de_los_documentos_de_prueba(tmp_path: Path, documento: str) -> None:
    yml, libro, catalogo = preparar(tmp_path, documento)
    destino = tmp_path / "vuelta.yml"
    informe = Informe()
    assert importar(libro, destino, catalogo, informe), informe.texto()
    original = yml.read_text(encoding="utf-8")
    assert _datos(destino.read_text(encoding="utf-8")) == _datos(original)
    # la forma canónica: la misma que da formatear (con la línea del esquema, que los
    # documentos de prueba no tienen)
    esperado = formatear_texto(original, "x.yml", Informe())
    assert esperado is not None and not original.startswith("#")
    assert destino.read_text(encoding="utf-8") == f"{LINEA_ESQUEMA}\n{esperado}"


def test_importado_valida_con_los_demas_datos(tmp_path: Path) -> None:
    yml, libro, catalogo = preparar(tmp_path, INFORME)
    informe = Informe()
    assert importar(libro, yml, catalogo, informe), informe.texto()  # sobre el mismo archivo
    resultado = cargar_datos(yml.parents[2])
    assert resultado.informe.errores == []


def test_hoja_renombrada(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    roto["Compromisos"].title = "Compromisos 2024"
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert any(m.startswith('Hoja "Compromisos 2024", la hoja: no es una hoja de este libro '
                            "(¿es «Compromisos» renombrada?)") for m in mensajes), mensajes
    assert any(m.startswith('Falta la hoja "Compromisos"') for m in mensajes), mensajes


def test_hoja_que_falta(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    del roto["Sesiones"]
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert any(m.startswith('Falta la hoja "Sesiones"') for m in mensajes), mensajes


def test_columna_renombrada_y_columna_que_falta(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Compromisos"]
    encabezado = hoja.cell(1, columna(hoja, "estatus"))
    encabezado.value = "estatus del compromiso"
    hoja.delete_cols(columna(hoja, "avance"))
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    lugar = hoja.cell(1, columna(hoja, "estatus del compromiso")).coordinate
    assert any(m.startswith(f'Hoja "Compromisos", celda {lugar}: la columna «estatus del compromiso» '
                            "no es de esta hoja (¿es «estatus» renombrada?)") for m in mensajes), mensajes
    assert 'Hoja "Compromisos", fila 1: falta la columna «estatus»; se esperaba con ese encabezado ' \
           "exacto (aunque esté vacía)" in mensajes
    assert any(m.startswith('Hoja "Compromisos", fila 1: falta la columna «avance»') for m in mensajes)


def test_celdas_combinadas(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Compromisos"]
    inicio = celda(hoja, "compromiso-01", "area")
    fin = celda(hoja, "compromiso-01", "area_texto")
    hoja.merge_cells(f"{inicio}:{fin}")
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert any(m.startswith(f'Hoja "Compromisos", celdas {inicio}:{fin}: celdas combinadas; se '
                            "esperaba un valor en cada celda") for m in mensajes), mensajes


def test_fecha_escrita_como_texto(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Sesiones"]
    lugar = celda(hoja, "cspen-2024-03-13", "fecha")
    hoja[lugar].value = "13/03/2024"
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Sesiones", celda {lugar}: se encontró el texto «13/03/2024»; se '
                        "esperaba una celda de fecha (AAAA-MM-DD, p. ej. 2024-03-13): escríbala como "
                        "fecha, no como texto"]


def test_mes_13(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, PROGRAMA)
    roto = abrir(libro)
    hoja = roto["Sesiones programadas"]
    lugar = celda(hoja, "sesion-ordinaria-1", "mes")
    hoja[lugar].value = "2024-13"
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Sesiones programadas", celda {lugar}: «2024-13»: el mes 13 no existe; '
                        "se esperaba AAAA-MM con el mes de 01 a 12"]


def test_mes_13_en_una_lista_de_meses(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, PAT)
    roto = abrir(libro)
    hoja = roto["Actividades"]
    numero = next(c.row for c in hoja[get_column_letter(columna(hoja, "calendario.meses"))][1:] if c.value)
    lugar = hoja.cell(numero, columna(hoja, "calendario.meses")).coordinate
    hoja[lugar].value = "2020-01, 2020-13"
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Actividades", celda {lugar}: «2020-13»: el mes 13 no existe; se '
                        "esperaba AAAA-MM con el mes de 01 a 12"]


def test_estatus_desconocido(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Compromisos"]
    lugar = celda(hoja, "compromiso-01", "estatus")
    hoja[lugar].value = "concluída"
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Compromisos", celda {lugar}: «concluída» no es una opción admitida '
                        "(¿quiso decir «concluido»?); se esperaba una de: concluido, en_curso, pendiente"]


def test_area_desconocida(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Compromisos"]
    lugar = celda(hoja, "compromiso-01", "area")
    hoja[lugar].value = "dpp"
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Compromisos", celda {lugar}: «dpp» no está en datos/instituciones.yml '
                        "(¿quiso decir «dp»?); se esperaba el id de un área del catálogo (si es nuevo, "
                        "agréguelo allí primero)"]


def test_celda_obligatoria_vacia(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Compromisos"]
    lugar = celda(hoja, "compromiso-01", "texto")
    hoja[lugar].value = None
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Compromisos", celda {lugar}: celda vacía; se esperaba un valor '
                        "(obligatorio) (texto)"]


def test_fila_de_totales(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Compromisos"]
    ultima = hoja.max_row
    letra = hoja.cell(1, columna(hoja, "porcentaje")).column_letter
    hoja.cell(ultima + 1, columna(hoja, "texto"), "Total")
    hoja.cell(ultima + 1, columna(hoja, "porcentaje"), f"=AVERAGE({letra}2:{letra}{ultima})")
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Compromisos", fila {ultima + 1}: parece una fila de totales («Total»); '
                        "se esperaba solo una fila por registro: bórrela (el sitio calcula los totales)"]


def test_formula_en_una_celda(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Compromisos"]
    lugar = celda(hoja, "compromiso-01", "porcentaje")
    hoja[lugar].value = "=50+50"
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Compromisos", celda {lugar}: la celda tiene una fórmula (=50+50); se '
                        "esperaba un valor escrito"]


def test_registro_padre_que_no_existe(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, PAT)
    roto = abrir(libro)
    hoja = roto["Actividades"]
    lugar = hoja.cell(2, columna(hoja, "pertenece_a"))
    padre = lugar.value
    lugar.value = padre + "x"
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Actividades", celda {lugar.coordinate}: «{padre}x» no es un id de la '
                        f'hoja «Mecanismos» (¿quiso decir «{padre}»?); se esperaba el de un registro de '
                        "esa hoja"]


def test_lo_que_exige_el_esquema_se_senala_en_su_celda(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Compromisos"]
    lugar = celda(hoja, "compromiso-01", "porcentaje")
    hoja[lugar].value = 140
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Compromisos", celda {lugar}: 140 es mayor que 100, el máximo; se '
                        "esperaba un valor de como mucho 100"]


def test_todo_a_la_vez_y_nada_escrito(tmp_path: Path) -> None:
    yml, libro, catalogo = preparar(tmp_path, INFORME)
    antes = yml.read_bytes()
    roto = abrir(libro)
    compromisos = roto["Compromisos"]
    compromisos[celda(compromisos, "compromiso-01", "estatus")].value = "terminado"
    compromisos[celda(compromisos, "compromiso-01", "area")].value = "juridica"
    compromisos[celda(compromisos, "compromiso-02", "texto")].value = None
    sesiones = roto["Sesiones"]
    sesiones[celda(sesiones, "cspen-2024-03-13", "fecha")].value = "13 de marzo"
    roto.save(libro)
    informe = Informe()
    assert not importar(libro, yml, catalogo, informe)
    assert yml.read_bytes() == antes  # el archivo que ya estaba, intacto
    assert len(informe.errores) == 4
    hojas = [p.mensaje.split(",")[0] for p in informe.problemas]
    assert hojas == ['Hoja "Sesiones"', 'Hoja "Compromisos"', 'Hoja "Compromisos"', 'Hoja "Compromisos"']


def test_fecha_de_la_hoja_de_calculo_y_mes_convertido_en_fecha(tmp_path: Path) -> None:
    # lo que hace la hoja de cálculo al escribir «2024-03» o una fecha: se acepta
    _, libro, catalogo = preparar(tmp_path, PROGRAMA)
    roto = abrir(libro)
    hoja = roto["Sesiones programadas"]
    hoja[celda(hoja, "sesion-ordinaria-1", "mes")].value = dt.datetime(2024, 3, 1)
    roto.save(libro)
    informe = Informe()
    documento = leer_libro(libro, catalogo, informe)
    assert documento is not None, informe.texto()
    assert documento["sesiones_programadas"][0]["mes"] == "2024-03"


def test_no_es_un_libro(tmp_path: Path) -> None:
    _, _, catalogo = preparar(tmp_path, INFORME)
    falso = tmp_path / "falso.xlsx"
    falso.write_text("id,texto\n", encoding="utf-8")
    informe = Informe()
    assert not importar(falso, tmp_path / "x.yml", catalogo, informe)
    assert [p.mensaje for p in informe.errores] == [
        "no se puede abrir como libro XLSX (BadZipFile); se esperaba un libro guardado como «Libro "
        "de Excel (.xlsx)»"]
    assert not (tmp_path / "x.yml").exists()


def test_fila_del_documento_sobrante(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, INFORME)
    roto = abrir(libro)
    hoja = roto["Documento"]
    hoja.cell(3, columna(hoja, "titulo"), "Otro")
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes[0].startswith('Hoja "Documento", fila 3: la hoja tiene una sola fila de datos')


def test_bloque_sin_texto_y_hoja_documento_que_falta(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, PAT)
    roto = abrir(libro)
    bloques = roto["Apartados - bloques"]
    lugar = bloques.cell(2, columna(bloques, "texto")).coordinate
    bloques[lugar].value = None
    del roto["Documento"]
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == ['Falta la hoja "Documento" (¿se borró o se le cambió el nombre?); se esperaba con '
                        "su fila de encabezados, aunque no tenga filas",
                        f'Hoja "Apartados - bloques", celda {lugar}: celda vacía; se esperaba un valor '
                        "(obligatorio) (texto)"]


def test_no_pierde_comentarios_del_archivo_que_reemplaza(tmp_path: Path) -> None:
    yml, libro, catalogo = preparar(tmp_path, INFORME)
    texto = yml.read_text(encoding="utf-8").replace("\ncompromisos:\n", "\n# revisar con la DESPEN\ncompromisos:\n")
    yml.write_text(texto, encoding="utf-8")
    informe = Informe()
    assert not importar(libro, yml, catalogo, informe)
    assert yml.read_text(encoding="utf-8") == texto
    linea = texto.splitlines().index("# revisar con la DESPEN") + 1
    assert [(p.archivo, p.linea) for p in informe.errores] == [(str(yml), linea)]
    assert informe.errores[0].mensaje.startswith("comentario fuera del principio del archivo")


def test_registro_padre_con_un_valor_que_no_es_texto(tmp_path: Path) -> None:
    _, libro, catalogo = preparar(tmp_path, PAT)
    roto = abrir(libro)
    hoja = roto["Actividades"]
    lugar = hoja.cell(2, columna(hoja, "pertenece_a"))
    lugar.value = dt.datetime(2024, 1, 1)
    mensajes = importar_roto(libro, roto, tmp_path / "x.yml", catalogo)
    assert mensajes == [f'Hoja "Actividades", celda {lugar.coordinate}: se encontró «2024-01-01»; se '
                        "esperaba un texto"]
