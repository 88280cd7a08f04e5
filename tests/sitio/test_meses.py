"""sitio.meses: la franja de meses de un calendario en una tabla de calendario: el estado de
cada mes cuando la fuente lo da mes por mes, y una sola franja con palabras cuando no."""

from __future__ import annotations

from programas_spen.modelo.registros import Calendario, Rango
from programas_spen.sitio.meses import anotaciones, celda_meses, franja, plano
from programas_spen.sitio.paginas.comun import NO_DADO

COLUMNAS = ("2024-11", "2024-12", "2025-01", "2025-02", "2025-03")


def test_meses_marcados_y_periodo() -> None:
    marcados = celda_meses(Calendario("meses", ("2024-12", "2025-02")), COLUMNAS)
    assert marcados.estados == ("vacio", "marcado", "vacio", "marcado", "vacio") and marcados.franja == ""
    periodo = Calendario("periodo", texto="Primer trimestre de 2025", rango=Rango("2025-01", "2025-03"))
    assert celda_meses(periodo, COLUMNAS).estados == ("vacio", "vacio", "periodo", "periodo", "periodo")


def test_lo_que_no_es_mes_por_mes_ocupa_la_franja() -> None:
    for calendario, esperado in (
            (None, (NO_DADO, "no-dado")),
            (Calendario("no_dado", nota="sombreado perdido"), (NO_DADO, "no-dado")),
            (Calendario("permanente"), ("Permanente", "permanente")),
            (Calendario("periodo", texto="Durante la Comisión"),
             ("Periodo dado en palabras: «Durante la Comisión»", "palabras"))):
        celda = celda_meses(calendario, COLUMNAS)
        assert celda.estados == () and (celda.franja, celda.clase) == esperado == franja(calendario)


def test_palabras_y_nota_de_la_fila() -> None:
    celda = celda_meses(Calendario("permanente"), COLUMNAS, palabras="Permanente", nota=" (condicional)")
    assert celda.palabras == "Permanente" and celda.nota == " (condicional)"


def test_anotaciones() -> None:
    calendario = Calendario("meses", ("2024-01",), condicion="En caso de existir vacantes",
                            marcas_fuera_de_tabla=1)
    assert anotaciones(calendario) == (" (condicional: «En caso de existir vacantes») (la fuente marca además "
                                       "una casilla que no corresponde a ningún mes)")
    dos = Calendario("meses", ("2024-01",), marcas_fuera_de_tabla=2)
    assert anotaciones(dos) == " (la fuente marca además 2 casillas que no corresponden a ningún mes)"
    # Si el texto de la fila ya dice la condición, no se repite.
    assert "condicional" not in anotaciones(calendario, omitir="Designación (En caso de existir vacantes).")
    assert anotaciones(None) == "" and anotaciones(Calendario("permanente")) == ""


def test_plano() -> None:
    assert plano("- **Uno** dos_tres |") == "Unodostres"
