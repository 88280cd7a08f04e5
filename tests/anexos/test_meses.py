"""exportar.meses: columnas de meses del anexo: «X» para un mes marcado, «◐» para un mes de un
periodo dado en palabras, y una sola celda con palabras para lo que no se da mes por mes."""

from __future__ import annotations

from bs4 import BeautifulSoup

from programas_spen.anexos.meses import (
    NO_DADO,
    anotaciones,
    cabecera_meses,
    celdas_meses,
    describir_calendario,
    leyenda,
    plano,
)
from programas_spen.modelo.registros import Calendario, Rango

COLUMNAS = ("2024-11", "2024-12", "2025-01", "2025-02", "2025-03")


def _celdas(calendario: Calendario | None) -> list[tuple[str, str | None, str]]:
    sopa = BeautifulSoup(f"<table><tr>{celdas_meses(calendario, COLUMNAS)}</tr></table>", "html.parser")
    return [(td.get_text(), td.get("colspan"), " ".join(td.get("class", []))) for td in sopa.find_all("td")]


def test_meses_marcados_y_periodo() -> None:
    assert [c[0] for c in _celdas(Calendario("meses", ("2024-12", "2025-02")))] == ["", "X", "", "X", ""]
    periodo = Calendario("periodo", texto="Primer trimestre de 2025", rango=Rango("2025-01", "2025-03"))
    assert [c[0] for c in _celdas(periodo)] == ["", "", "◐", "◐", "◐"]


def test_lo_que_no_es_mes_por_mes_ocupa_la_franja() -> None:
    assert _celdas(None) == [(NO_DADO, "5", "no-dado")]
    assert _celdas(Calendario("no_dado", nota="sombreado perdido")) == [(NO_DADO, "5", "no-dado")]
    assert _celdas(Calendario("permanente")) == [("Permanente", "5", "permanente")]
    assert _celdas(Calendario("periodo", texto="Durante la Comisión")) == [
        ("Periodo dado en palabras: «Durante la Comisión»", "5", "palabras")]


def test_cabecera_con_anios_agrupados() -> None:
    sopa = BeautifulSoup("<table>" + "".join(cabecera_meses(COLUMNAS, ["Núm.", "Actividad"], ["Obs."]))
                         + "</table>", "html.parser")
    filas = sopa.find_all("tr")
    assert [(th.get_text(), th.get("colspan")) for th in filas[0].find_all("th")] == [
        ("Núm.", None), ("Actividad", None), ("2024", "2"), ("2025", "3"), ("Obs.", None)]
    assert [th.get_text() for th in filas[1].find_all("th")] == ["Nov", "Dic", "Ene", "Feb", "Mar"]
    assert filas[1].find("abbr")["title"] == "noviembre de 2024"
    un_anio = "".join(cabecera_meses(("2020-01", "2020-02"), ["Actividad"], []))
    assert ">Ejercicio 2020<" in un_anio


def test_anotaciones_y_descripcion() -> None:
    calendario = Calendario("meses", ("2024-01",), condicion="En caso de existir vacantes",
                            marcas_fuera_de_tabla=1)
    assert anotaciones(calendario) == (" (condicional: «En caso de existir vacantes») (la fuente pone 1 "
                                       "marca(s) fuera de las columnas de meses)")
    # Si el texto de la fila ya dice la condición, no se repite.
    assert "condicional" not in anotaciones(calendario, omitir="Designación (En caso de existir vacantes).")
    assert anotaciones(None) == ""
    assert describir_calendario(None) == NO_DADO
    assert describir_calendario(Calendario("meses", ("2024-03", "2024-01"))) == "enero de 2024, marzo de 2024"
    assert describir_calendario(Calendario("periodo", texto="Primer trimestre", rango=Rango("2025-01", "2025-03"))) == (
        "«Primer trimestre» (enero de 2025 a marzo de 2025)")
    assert describir_calendario(Calendario("permanente")) == "Permanente"


def test_leyenda_y_plano() -> None:
    texto = leyenda(COLUMNAS)
    assert "«X»" in texto and "«◐»" in texto and NO_DADO in texto
    assert "noviembre de 2024 a marzo de 2025" in texto
    assert plano("- **Uno** dos_tres |") == "Unodostres"
