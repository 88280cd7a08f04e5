"""La agenda de un mes por órgano (``paginas.agenda``) sobre el conjunto mínimo de
``datos_prueba``: cada registro y cada sesión en su órgano, y el estado de cada sesión dicho con
palabras."""

from __future__ import annotations

from programas_spen.modelo import calendario as cal
from programas_spen.sitio.paginas import agenda
from programas_spen.sitio.secciones import Seccion
from tests.sitio.paginas.sopa import enlaces, plano, sopa_de_bloques, texto_de_apartado


def _agenda(grafo, mes: str) -> cal.Agenda:
    return next(a for a in cal.agendas(grafo) if a.mes == mes)


def test_cada_cosa_en_su_organo(grafo_prueba) -> None:
    grupos = {g.organo: g for g in agenda.por_organo(_agenda(grafo_prueba, "2024-03"), grafo_prueba)}
    assert list(grupos) == ["jge", "cspen"]  # en el orden del catálogo
    assert [f.id for f in grupos["cspen"].temas] == ["tema-01"]
    assert [p.id for _, p in grupos["cspen"].programadas] == ["sesion-ordinaria-1"]
    assert [s.id for s in grupos["cspen"].celebradas] == ["cspen-2024-03-13"]
    assert [s.id for s in grupos["jge"].celebradas] == ["jge-2024-03-25"]
    # la sesión prevista se celebró en el mes: no se repite como «prevista»
    assert grupos["cspen"].sesiones_previstas_sin_celebrar_en_el_mes(grafo_prueba) == []


def test_estados_de_las_sesiones_con_palabras(grafo_prueba) -> None:
    marzo = {g.organo: g for g in agenda.por_organo(_agenda(grafo_prueba, "2024-03"), grafo_prueba)}
    html = sopa_de_bloques((agenda.seccion_organo(marzo["cspen"], grafo_prueba),), "calendario/2024/03.md")
    sesiones = texto_de_apartado(html, "organo-cspen-sesiones")
    assert sesiones.startswith("Celebrada Primera sesión ordinaria del 13 de marzo de 2024")
    assert "Prevista en PAT de prueba de la CSPEN 2024: «Segunda semana — Marzo»" in sesiones
    assert "Compromiso 1 (Concluido): Revisar el primer tema del programa." in sesiones
    junio = {g.organo: g for g in agenda.por_organo(_agenda(grafo_prueba, "2024-06"), grafo_prueba)}
    html = sopa_de_bloques((agenda.seccion_organo(junio["cspen"], grafo_prueba),), "calendario/2024/06.md")
    sesiones = texto_de_apartado(html, "organo-cspen-sesiones")
    assert "Celebrada Sesión ordinaria del 17 de junio de 2024 No estaba prevista en un programa publicado." in sesiones
    assert ("Prevista, sin registro de celebración 2.ª sesión ordinaria Prevista en PAT de prueba de la CSPEN "
            "2024: «Junio» Los documentos publicados no registran que se haya celebrado.") in sesiones


def test_registro_con_documento_area_y_filtros(grafo_prueba) -> None:
    marzo = {g.organo: g for g in agenda.por_organo(_agenda(grafo_prueba, "2024-03"), grafo_prueba)}
    html = sopa_de_bloques((agenda.seccion_organo(marzo["cspen"], grafo_prueba),), "calendario/2024/03.md")
    tema = html.find(id="organo-cspen-temas").find_next_sibling("ul").find("li")
    assert plano(tema) == "(DP) Primer tema. En PAT de prueba de la CSPEN 2024 · Área: DP"
    assert enlaces(tema)["(DP) Primer tema."] == "../../../documentos/pat-cspen-2024/#tema-01"
    assert enlaces(tema)["DP"] == "../../../areas/dp/"
    assert tema["data-filtro-institucion"] == "INE" and tema["data-filtro-area"] == "DP"


def test_resumen_por_organo(grafo_prueba) -> None:
    grupos = agenda.por_organo(_agenda(grafo_prueba, "2024-03"), grafo_prueba)
    tabla = agenda.resumen(grupos, grafo_prueba, "Cifras")
    assert [f.celdas for f in tabla.filas] == [
        ("Junta General Ejecutiva", "0", "0", "0", "1"),
        ("Comisión del Servicio Profesional Electoral Nacional", "1", "0", "1", "1")]


def test_rotulos_del_catalogo(grafo_prueba) -> None:
    assert agenda.etiqueta_area(grafo_prueba, "dj") == "DJ"
    assert agenda.etiqueta_area(grafo_prueba, "area-sin-registros") == "Área sin registros"
    assert agenda.etiqueta_area(grafo_prueba, None) is None
    assert agenda.siglas_organo(grafo_prueba, "ople-x-comision") == "Comisión de Seguimiento de Prueba"
    assert isinstance(agenda.seccion_organo(agenda.AgendaOrgano("jge"), grafo_prueba), Seccion)
