"""En la página de un programa: qué cambió respecto del programa del mismo órgano del año
anterior (temas y actividades agregados, retirados o movidos a otros meses), según la
continuidad que declaran los datos (``sitio.cambios``)."""

from __future__ import annotations

from programas_spen.modelo.registros import Documento
from programas_spen.sitio import urls
from programas_spen.sitio.cambios import Cambio, Comparacion, Registro, TipoCambio, comparar, documentos_siguientes
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.compromisos import resumen
from programas_spen.sitio.paginas.comun import NO_DADO, enlace, lista_meses
from programas_spen.sitio.secciones import Bloque, Contenido, Elemento, Lista, Parrafo, Seccion, unir


def _meses(meses: tuple[str, ...]) -> str:
    """Los meses en palabras, o «No dado en la fuente» si no hay."""
    return lista_meses(meses) if meses else NO_DADO


def _registro(doc: Documento, registro: Registro) -> Contenido:
    """El texto del registro (recortado) con enlace a su ancla en su documento."""
    return (enlace(resumen(registro.texto, 200), urls.ancla(doc.id, registro.id)),)


def _elemento(comparacion: Comparacion, cambio: Cambio) -> Elemento:
    """Un cambio en palabras, con enlaces al registro de cada año."""
    actual, anterior = comparacion.documento, comparacion.anterior
    if cambio.tipo == "agregado" and cambio.actual is not None:
        return Elemento(unir(_registro(actual, cambio.actual), f" — meses: {_meses(cambio.meses_ahora)}."))
    if cambio.tipo == "retirado" and cambio.anterior is not None:
        return Elemento(unir(_registro(anterior, cambio.anterior), f" — meses: {_meses(cambio.meses_antes)}."))
    assert cambio.actual is not None and cambio.anterior is not None
    return Elemento(unir(_registro(actual, cambio.actual),
                         f" — antes: {_meses(cambio.meses_antes)}; ahora: {_meses(cambio.meses_ahora)} (",
                         enlace(f"registro de {anterior.anio}", urls.ancla(anterior.id, cambio.anterior.id)), ")."))


def bloques_cambios(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """El apartado «Cambios respecto de <año anterior>» y, si un documento posterior continúa
    este, el enlace a sus cambios; nada si no hay continuidad declarada en ningún sentido."""
    return (*_cambios(doc, grafo), *_continua_en(doc, grafo))


def _continua_en(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """«Continúa en <año>»: los documentos posteriores que continúan registros de este."""
    siguientes = documentos_siguientes(doc, grafo)
    if not siguientes:
        return ()
    return (Seccion(f"Continúa en {siguientes[0].anio}", tuple(
        Parrafo(unir("El ", enlace(s.titulo_corto, urls.documento(s.id)), " continúa temas o actividades de este "
                     "documento: ", enlace("qué cambió", urls.apartado(s.id, "cambios")), "."))
        for s in siguientes), id="continua-en", solo_web=True),)


def _cambios(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """«Cambios respecto de <año anterior>»; nada sin documento anterior o sin continuidad."""
    comparacion = comparar(doc, grafo)
    if comparacion is None:
        return ()
    anterior = comparacion.anterior
    bloques: list[Bloque] = [Parrafo(unir(
        "Comparado con el ", enlace(anterior.titulo_corto, urls.documento(anterior.id)),
        ", el documento anterior del mismo órgano. Un registro continúa otro solo si sus datos lo declaran; "
        "no se comparan textos parecidos."))]
    apartados: tuple[tuple[TipoCambio, str, str], ...] = (
        ("movido", "Movidos a otros meses", "cambios-movidos"),
        ("agregado", "Nuevos este año", "cambios-nuevos"),
        ("retirado", f"Ya no están (estaban en {anterior.anio})", "cambios-retirados"),
    )
    for tipo, titulo, ident in apartados:
        cambios = comparacion.de_tipo(tipo)
        if cambios:
            bloques.append(Seccion(f"{titulo} ({len(cambios)})", (
                Lista(tuple(_elemento(comparacion, c) for c in cambios)),), id=ident, nivel=3))
    iguales = len(comparacion.de_tipo("igual"))
    if iguales:
        bloques.append(Parrafo(f"{iguales} registro(s) continúan del año anterior en los mismos meses."))
    return (Seccion(f"Cambios respecto de {anterior.anio}", tuple(bloques), id="cambios", solo_web=True),)
