"""sitio.documento_secciones: una sola descripción del documento para su página web y su anexo:
la prosa de la fuente como texto (sus párrafos, encabezados, listas y tablas); lo que solo es de
la web, marcado como tal; lo que la prosa ya dice, fuera del anexo."""

from __future__ import annotations

import pytest

from programas_spen.modelo import bloques as prosa_modelo
from programas_spen.modelo.registros import Seccion as SeccionFuente
from programas_spen.sitio import urls
from programas_spen.sitio.documento_secciones import bloques_de_prosa, en_la_prosa, secciones_documento
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.secciones import Elemento, Enlace, Fila, Lista, Parrafo, Seccion, Tabla


@pytest.fixture(scope="module")
def grafo(grafo_real: Grafo) -> Grafo:
    return grafo_real


def test_prosa_como_texto(grafo: Grafo) -> None:
    fuente = SeccionFuente("s", "S", (
        prosa_modelo.Parrafo("Aprobado mediante INE/JGE06/2020 y INE/XX99/1999, **sin** marcas."),
        prosa_modelo.Encabezado("Un encabezado", nivel=2),
        prosa_modelo.Lista(("uno", "dos"), numerada=True),
        prosa_modelo.Tabla(("Columna", ""), (("a | b", "<i>"),)),
    ))
    bloques = bloques_de_prosa(fuente, grafo)
    # solo se enlaza el acuerdo que tiene página; el resto es el texto de la fuente
    assert bloques[0] == Parrafo(("Aprobado mediante ", Enlace("INE/JGE06/2020", urls.acuerdo("INE/JGE06/2020")),
                                  " y INE/XX99/1999, **sin** marcas."))
    assert bloques[1] == Seccion("Un encabezado", (), nivel=4)
    assert bloques[2] == Lista((Elemento(("uno",)), Elemento(("dos",))), ordenada=True)
    assert bloques[3] == Tabla(("Columna", ""), (Fila((("a | b",), ("<i>",))),))
    assert bloques_de_prosa(SeccionFuente("s", "S", ()), grafo) == ()


def test_lo_que_la_prosa_ya_dice(grafo: Grafo) -> None:
    pat = grafo.documentos["ine-pat-spen-2020"]
    assert en_la_prosa(pat, [e.texto for e in pat.ejes])
    assert not en_la_prosa(pat, ["Un texto que no está en la prosa."])
    assert not en_la_prosa(pat, [])
    apartados = {b.id: b for b in secciones_documento(pat, grafo) if isinstance(b, Seccion)}
    assert apartados["ejes"].solo_web  # la web los lista; el anexo no los repite


def test_lo_que_solo_es_de_la_web_esta_marcado(grafo: Grafo) -> None:
    for doc in grafo.datos.documentos:
        apartados = {b.id: b for b in secciones_documento(doc, grafo) if isinstance(b, Seccion)}
        for ident in ("sesiones", "acuerdos", "cifras"):
            if ident in apartados:
                assert apartados[ident].solo_web, (doc.id, ident)
        for ident in ("siglas", "mecanismos", "temas", "fichas", "cronograma", "compromisos", "integrantes",
                      *(f"seccion-{s.id}" for s in doc.secciones)):
            if ident in apartados:
                assert not apartados[ident].solo_web, (doc.id, ident)


def test_descripcion_pura(grafo: Grafo) -> None:
    for doc in grafo.datos.documentos:
        assert secciones_documento(doc, grafo) == secciones_documento(doc, grafo)
