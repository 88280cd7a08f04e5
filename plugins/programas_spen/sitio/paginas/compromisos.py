"""Los compromisos como lista propia: el índice de todos los compromisos de todos los informes
de seguimiento (filtrable) y, en la página de un informe, la historia de los compromisos que
otros informes también siguen (``sitio.cambios``)."""

from __future__ import annotations

from markupsafe import Markup

from programas_spen.modelo.registros import ESTATUS, Compromiso, Documento
from programas_spen.modelo.texto import fecha_larga, numero
from programas_spen.sitio import urls
from programas_spen.sitio.cambios import Paso, clave_informe, historia, vigente
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.paginas.comun import Pagina, enlace, siglas_de
from programas_spen.sitio.secciones import (
    Bloque,
    Bloques,
    Contenido,
    Fila,
    Html,
    Parrafo,
    Salto,
    Seccion,
    Tabla,
    juntar,
    unir,
)

#: Columnas del índice por las que se filtra (``activos/filtros.js`` las lee de ``data-filtros``).
COLUMNAS_FILTRO = ("Institución", "Órgano", "Estatus", "Área", "Informe")


def resumen(texto: str, limite: int = 160) -> str:
    """El texto en una línea, cortado en ``limite`` caracteres con «…» si es más largo."""
    plano = " ".join(texto.split())
    return plano if len(plano) <= limite else plano[:limite].rstrip() + "…"


def estatus(compromiso: Compromiso) -> str:
    """El estatus con una sola forma en todo el sitio («Concluido», «En curso», «Pendiente»),
    para filtrar y contar; el texto literal de la fuente está en la página del informe."""
    return ESTATUS[compromiso.estatus]


def fecha_informe(informe: Documento) -> str:
    """La fecha del informe en palabras, o su año si la fuente no da la fecha."""
    return fecha_larga(informe.fecha) if informe.fecha else str(informe.anio)


def organo_de(compromiso: Compromiso, grafo: Grafo) -> tuple[str, str]:
    """(siglas de la institución, siglas o nombre del órgano) de la sesión de la que surgió."""
    organo = grafo.organos[grafo.sesiones[compromiso.sesion].organo]
    institucion = grafo.instituciones[organo.institucion]
    return institucion.siglas, organo.siglas or organo.nombre


def informes_de(grafo: Grafo) -> list[Documento]:
    """Los documentos con compromisos, del informe más reciente al más antiguo."""
    return sorted((d for d in grafo.datos.documentos if d.compromisos), key=clave_informe, reverse=True)


def _paso(paso: Paso) -> Contenido:
    """Un informe de la historia: «Informe (fecha): Estatus, N %», con enlaces."""
    c = paso.compromiso
    return unir(enlace(paso.informe.titulo_corto, urls.documento(paso.informe.id)),
                f" ({fecha_informe(paso.informe)}): ",
                enlace(f"{estatus(c)}, {numero(c.porcentaje)} %", urls.compromiso(paso.informe.id, c.id)))


def _seguimiento(compromiso: Compromiso, grafo: Grafo) -> Contenido:
    """La celda de seguimiento: los demás informes que siguen el compromiso, o que no hay."""
    pasos = historia(compromiso, grafo)
    if len(pasos) == 1:
        return "Solo en este informe"
    return juntar([f"Este informe ({fecha_informe(p.informe)})" if p.compromiso is compromiso else _paso(p)
                   for p in pasos], Salto())


def pagina_indice_compromisos(grafo: Grafo) -> Pagina:
    """Todos los compromisos de todos los informes, con institución, órgano, estatus, avance,
    área e informe; filtrables sin perder nada sin JavaScript."""
    desde = urls.COMPROMISOS.ruta
    filas: list[Fila] = []
    for informe in informes_de(grafo):
        for c in informe.compromisos:
            institucion, organo = organo_de(c, grafo)
            area = grafo.areas[c.area]
            filas.append(Fila((
                (enlace(f"{c.numero}. {resumen(c.texto)}", urls.compromiso(informe.id, c.id)),),
                institucion, organo, estatus(c), f"{numero(c.porcentaje)} %",
                (enlace(area.siglas or area.nombre, urls.area(area.id)),),
                (enlace(informe.titulo_corto, urls.documento(informe.id)),),
                _seguimiento(c, grafo)), id=urls.compromiso_en_indice(informe.id, c.id).ancla))
    total = len(filas)
    abiertos = sum(1 for i in informes_de(grafo) for c in i.compromisos
                   if c.estatus != "concluido" and vigente(c, grafo))
    cuerpo: list[Bloque] = [Parrafo(
        "Cada compromiso y acuerdo de las comisiones que siguen los informes de seguimiento publicados, con su "
        "estatus y su porcentaje de avance según cada informe. El enlace de cada compromiso lleva a su texto "
        "completo y su avance, en el informe.")]
    if not filas:
        cuerpo.append(Parrafo("Ningún informe publicado tiene compromisos todavía."))
        return Pagina(desde, "Compromisos", tuple(cuerpo), siglas=siglas_de(grafo))
    cuerpo += [
        Parrafo(f"{total} compromiso(s) en {len(informes_de(grafo))} informe(s); {abiertos} sin concluir según "
                "el informe más reciente que los sigue."),
        # los filtros los pone ``activos/filtros.js``: sin él, el contenedor queda oculto y se ve todo
        Bloques((), clase="spen-filtros", atributos=(("data-filtros", "|".join(COLUMNAS_FILTRO)), ("hidden", ""))),
        Tabla(("Compromiso", "Institución", "Órgano", "Estatus", "Avance", "Área", "Informe", "En otros informes"),
              tuple(filas), leyenda="Compromisos de todos los informes"),
        Html(Markup('<script src="{}"></script>').format(urls.activo_desde(urls.ACTIVO_FILTROS, desde))),
    ]
    return Pagina(desde, "Compromisos", tuple(cuerpo), siglas=siglas_de(grafo),
                  descripcion="Compromisos y acuerdos de las comisiones del SPEN y su seguimiento.")


def bloques_historia(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """En la página de un informe: la historia de cada compromiso suyo que otro informe también
    sigue (estatus y avance en cada informe, con fecha y enlaces); nada si no hay ninguno."""
    apartados: list[Bloque] = []
    for c in doc.compromisos:
        pasos = historia(c, grafo)
        if len(pasos) < 2:
            continue
        filas = tuple(Fila(((enlace(p.informe.titulo_corto, urls.documento(p.informe.id)),),
                            fecha_informe(p.informe),
                            (enlace(f"Compromiso {p.compromiso.numero}",
                                    urls.compromiso(p.informe.id, p.compromiso.id)),),
                            p.compromiso.estatus_texto, f"{numero(p.compromiso.porcentaje)} %"),
                           clase="spen-actual" if p.compromiso is c else None) for p in pasos)
        apartados.append(Seccion(f"Compromiso {c.numero}", (
            Parrafo((enlace(resumen(c.texto), urls.compromiso(doc.id, c.id)),)),
            Tabla(("Informe", "Fecha", "Registro", "Estatus", "Avance"), filas,
                  leyenda=f"Seguimiento del compromiso {c.numero} en cada informe"),
        ), id=f"historia-{c.id}", nivel=3))
    if not apartados:
        return ()
    return (Seccion("Seguimiento en otros informes", (
        Parrafo("Compromisos de este informe que otros informes también siguen (la continuidad la declaran los "
                "datos de cada informe), con su estatus y su avance en cada uno, del más antiguo al más reciente."),
        *apartados), id="historia-compromisos", solo_web=True),)
