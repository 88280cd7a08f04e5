"""exportar.py: el libro tiene una hoja por clase de registro con encabezados fijos, listas
desplegables de los vocabularios cerrados y las hojas que explican cada columna."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from programas_spen.hoja.disposicion import HOJA_COLUMNAS, HOJA_INSTRUCCIONES, HOJA_LISTAS, hojas_del_documento
from programas_spen.hoja.exportar import exportar
from programas_spen.hoja.importar import importar
from programas_spen.hoja.vocabularios import leer_catalogo
from programas_spen.modelo.problemas import Informe
from programas_spen.nuevo.esqueleto import esqueleto
from tests.datos_prueba import INFORME, PAT, archivos_base, cambiar, escribir
from tests.hoja.libros import columna, preparar


def _listas(hoja: object, encabezado: str) -> list[str]:
    letra = hoja.cell(1, columna(hoja, encabezado)).column_letter  # type: ignore[attr-defined]
    return [v.formula1 for v in hoja.data_validations.dataValidation  # type: ignore[attr-defined]
            if any(str(r).startswith(f"{letra}2:") for r in v.sqref.ranges)]


def test_hojas_encabezados_fijos_y_ayuda(tmp_path: Path) -> None:
    _, libro, _ = preparar(tmp_path, INFORME)
    leido = load_workbook(libro)
    nombres = [h.nombre for h in hojas_del_documento()]
    assert leido.sheetnames == [HOJA_INSTRUCCIONES, HOJA_COLUMNAS, *nombres, HOJA_LISTAS]
    assert leido[HOJA_LISTAS].sheet_state == "hidden"
    for hoja in hojas_del_documento():
        assert leido[hoja.nombre].freeze_panes == "A2"
        assert [c.value for c in leido[hoja.nombre][1]] == [c.nombre for c in hoja.columnas]
    columnas = [tuple(f) for f in leido[HOJA_COLUMNAS].iter_rows(min_row=2, values_only=True)]
    assert len(columnas) == sum(len(h.columnas) for h in hojas_del_documento())
    # la descripción de la columna es la del esquema
    assert ("Compromisos", "porcentaje", "sí") == columnas[[c[:2] for c in columnas].index(
        ("Compromisos", "porcentaje"))][:3]
    assert any(c[:2] == ("Documento", "id") and "nunca cambia" in c[4] for c in columnas)


def test_listas_desplegables(tmp_path: Path) -> None:
    _, libro, _ = preparar(tmp_path, INFORME)
    leido = load_workbook(libro)
    listas = leido[HOJA_LISTAS]
    compromisos = leido["Compromisos"]

    def opciones(formula: str) -> list[str]:
        letra = formula.split("!$")[1].split("$")[0]
        return [c.value for c in listas[letra][1:] if c.value is not None]

    (estatus,) = _listas(compromisos, "estatus")
    assert opciones(estatus) == ["concluido", "en_curso", "pendiente"]
    (area,) = _listas(compromisos, "area")
    assert "dp" in opciones(area)  # las áreas de la institución del documento
    sesiones = leido["Sesiones"]
    (organo,) = _listas(sesiones, "organo")
    assert "cspen" in opciones(organo)


def test_hojas_hijas_eligen_su_registro_padre(tmp_path: Path) -> None:
    _, libro, _ = preparar(tmp_path, PAT)
    leido = load_workbook(libro)
    actividades = leido["Actividades"]
    (padre,) = _listas(actividades, "pertenece_a")
    assert padre.startswith("='Mecanismos'!$A$2:$A$")
    mecanismos = {c.value for c in leido["Mecanismos"]["A"][1:]}
    assert {c.value for c in actividades["A"][1:]} <= mecanismos


def test_texto_que_empieza_con_igual_no_es_formula(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), INFORME, "texto: Revisar el primer tema del programa.",
                       "texto: '=Revisar el primer tema'")
    datos = escribir(tmp_path, archivos)
    informe = Informe()
    libro = tmp_path / "l.xlsx"
    assert exportar(datos / INFORME, libro, leer_catalogo(datos, informe), informe)
    hoja = load_workbook(libro)["Compromisos"]
    celda = hoja.cell(2, columna(hoja, "texto"))
    assert celda.value == "=Revisar el primer tema" and celda.data_type == "s"


def test_documento_a_medio_llenar_se_exporta_y_se_senala_al_importar(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), INFORME, "anio: 2024", "anio: dos mil")
    cambiar(archivos, INFORME, "fecha: '2024-06-17'\nfuente:", "fecha: 17 de junio\nfuente:")
    datos = escribir(tmp_path, archivos)
    informe = Informe()
    libro = tmp_path / "l.xlsx"
    catalogo = leer_catalogo(datos, informe)
    assert catalogo is not None
    assert exportar(datos / INFORME, libro, catalogo, informe)
    assert informe.errores == []
    assert [a.mensaje.split(":")[0] for a in informe.avisos] == ["anio", "fecha"]
    informe = Informe()
    assert not importar(libro, tmp_path / "x.yml", catalogo, informe)
    hoja = load_workbook(libro)["Documento"]
    assert [p.mensaje for p in informe.errores] == [
        f'Hoja "Documento", celda {hoja.cell(2, columna(hoja, "anio")).coordinate}: se encontró «dos mil»; '
        "se esperaba un número entero",
        f'Hoja "Documento", celda {hoja.cell(2, columna(hoja, "fecha")).coordinate}: se encontró el texto '
        "«17 de junio»; se esperaba una celda de fecha (AAAA-MM-DD, p. ej. 2024-03-13): escríbala como "
        "fecha, no como texto"]


def test_esqueleto_de_nuevo_se_exporta(tmp_path: Path) -> None:
    datos = escribir(tmp_path, archivos_base())
    archivo = datos / "ople-x" / "2026" / "nuevo.yml"
    archivo.parent.mkdir(parents=True)
    archivo.write_text(esqueleto("plan_trabajo", "ople-x", 2026, "nuevo", None, ["ejes"]), encoding="utf-8")
    informe = Informe()
    libro = tmp_path / "l.xlsx"
    assert exportar(archivo, libro, leer_catalogo(datos, informe), informe)
    hoja = load_workbook(libro)["Documento"]
    assert hoja.cell(2, columna(hoja, "id")).value == "nuevo"
    assert hoja.cell(2, columna(hoja, "titulo")).value is None
