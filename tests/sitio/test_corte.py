"""El corte del sitio sale de SOURCE_DATE_EPOCH, en hora de la Ciudad de México."""

from datetime import date

from programas_spen.sitio import corte


def test_de_la_variable_en_hora_de_mexico() -> None:
    # 2024-03-01T03:00:00Z es todavía el 29 de febrero en la Ciudad de México (UTC-6).
    c = corte.del_entorno({"SOURCE_DATE_EPOCH": "1709262000"})
    assert c.dia == date(2024, 2, 29)
    assert (c.mes, c.mes_siguiente, c.iso()) == ("2024-02", "2024-03", "2024-02-29")


def test_diciembre_pasa_al_anio_siguiente() -> None:
    assert corte.Corte(date(2024, 12, 5)).mes_siguiente == "2025-01"


def test_sin_variable_o_mal_escrita_usa_el_dia() -> None:
    assert isinstance(corte.del_entorno({}).dia, date)
    assert isinstance(corte.del_entorno({"SOURCE_DATE_EPOCH": "ayer"}).dia, date)
