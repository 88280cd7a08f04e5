"""«Próximamente» (``paginas.proximamente``) sobre el conjunto mínimo de ``datos_prueba``: lo
previsto desde la fecha de corte, o por qué no hay nada y cuáles fueron los últimos meses."""

from __future__ import annotations

from datetime import date

from programas_spen.modelo import calendario as cal
from programas_spen.sitio.corte import Corte
from programas_spen.sitio.paginas import proximamente
from tests.sitio.paginas.sopa import enlaces, plano, sopa_de_bloques


def test_previstos_solo_lo_previsto(grafo_prueba) -> None:
    meses = proximamente.previstos(list(cal.agendas(grafo_prueba)))
    assert [(m.mes, m.total) for m in meses] == [
        ("2020-01", 1), ("2020-02", 1), ("2024-03", 2), ("2024-06", 1), ("2025-01", 1), ("2025-02", 1)]
    del_programa = proximamente.previstos_documento(grafo_prueba.documentos["pat-cspen-2024"])
    assert [(m.mes, m.total) for m in del_programa] == [("2024-03", 2), ("2024-06", 1)]
    # lo mismo que la agenda del sitio, mes por mes, para cada documento
    for doc in grafo_prueba.datos.documentos:
        propios = [(m.mes, m.filas, m.programadas) for m in proximamente.previstos_documento(doc)]
        del_sitio = [(m.mes, tuple(f for f in m.filas if f.documento.id == doc.id),
                      tuple(x for x in m.programadas if x[0].id == doc.id)) for m in meses]
        assert propios == [x for x in del_sitio if x[1] or x[2]], doc.id


def test_con_algo_por_venir(grafo_prueba) -> None:
    meses = proximamente.previstos(list(cal.agendas(grafo_prueba)))
    html = sopa_de_bloques(proximamente.bloques_proximamente(meses, Corte(date(2024, 4, 2))), "calendario/index.md")
    assert plano(html.find("p")) == ("Fecha de corte de los datos: 2 de abril de 2024. Lo previsto para este mes y "
                                     "los siguientes:")
    lista = html.find("ul")
    assert [plano(li.contents[0]) for li in lista.find_all("li", recursive=False)] == ["Junio de 2024", "Enero de 2025"]
    assert enlaces(lista)["Junio de 2024"] == "2024/06/"
    assert "Sesión: 2.ª sesión ordinaria («Junio») — PAT de prueba de la CSPEN 2024" in plano(lista)


def test_sin_nada_por_venir(grafo_prueba) -> None:
    meses = proximamente.previstos(list(cal.agendas(grafo_prueba)))
    html = sopa_de_bloques(proximamente.bloques_proximamente(meses, Corte(date(2026, 12, 3))), "calendario/index.md")
    assert plano(html) == (
        "Fecha de corte de los datos: 3 de diciembre de 2026. Nada previsto a partir de diciembre de 2026: los "
        "documentos publicados no llegan hasta ahí. Lo último previsto es de enero de 2025 (1 previsto) y febrero "
        "de 2025 (1 previsto).")
    assert html.find("ul") is None


def test_sin_meses(grafo_prueba) -> None:
    html = sopa_de_bloques(proximamente.bloques_proximamente([], Corte(date(2024, 4, 2))), "calendario/index.md")
    assert "no dan meses" in plano(html)


def test_muchos_en_un_mes_se_recortan(grafo_prueba) -> None:
    agenda = next(a for a in cal.agendas(grafo_prueba) if a.mes == "2024-03")
    lleno = proximamente.MesPrevisto("2024-03", agenda.filas * 20, ())
    html = sopa_de_bloques(proximamente.bloques_proximamente([lleno], Corte(date(2024, 3, 1))), "calendario/index.md")
    elementos = html.find("ul").find("ul").find_all("li")
    assert len(elementos) == proximamente.POR_MES + 1
    assert plano(elementos[-1]) == f"Y {20 - proximamente.POR_MES} más: agenda completa de marzo de 2024"
