"""Páginas de sesiones celebradas y el índice de sesiones programadas frente a celebradas."""

from __future__ import annotations

from programas_spen.modelo.calendario import meses_de, semana_del_mes
from programas_spen.modelo.registros import TIPOS_SESION, Compromiso, Documento, Tema
from programas_spen.modelo.texto import fecha_larga, nombre_mes, numero
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaSesion, Grafo
from programas_spen.sitio.paginas.acuerdos import asunto_de
from programas_spen.sitio.paginas.comun import Pagina, enlace, siglas_de
from programas_spen.sitio.secciones import Bloque, Elemento, Fila, Fuerte, Lista, Parrafo, Seccion, Tabla, juntar, unir

_ORDINALES = ("Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava",
              "Novena", "Décima")


def nombre_sesion(sesion: FichaSesion) -> str:
    """«Primera sesión ordinaria» o «Sesión ordinaria» si la fuente no da el ordinal."""
    tipo = TIPOS_SESION[sesion.tipo]
    if sesion.ordinal and sesion.ordinal <= len(_ORDINALES):
        return f"{_ORDINALES[sesion.ordinal - 1]} sesión {tipo}"
    return f"Sesión {tipo}"


def temas_del_mes(organo: str, mes: str, grafo: Grafo) -> list[tuple[Documento, Tema]]:
    """Temas de los programas del órgano marcados en ``mes`` (índice calculado una vez por
    grafo: recorrer todos los documentos en cada sesión era cuadrático)."""
    indice = grafo.memo.get("temas_por_organo_y_mes")
    if not isinstance(indice, dict):
        indice = {}
        for doc in grafo.datos.documentos:
            for tema in doc.temas:
                for mes_tema in meses_de(tema.calendario):
                    indice.setdefault((doc.organo, mes_tema), []).append((doc, tema))
        grafo.memo["temas_por_organo_y_mes"] = indice
    return list(indice.get((organo, mes), []))


def coincidencia(sesion: FichaSesion) -> str:
    """Cómo cuadra una sesión celebrada con la que preveía su programa."""
    if sesion.programada is None:
        return "No prevista en un programa publicado"
    plan = sesion.programada[1]
    if sesion.fecha[:7] != plan.mes:
        return f"Fuera del mes previsto ({nombre_mes(plan.mes)})"
    if plan.semana and semana_del_mes(int(sesion.fecha[8:10])) != plan.semana:
        return f"En el mes previsto, fuera de la semana {plan.semana}"
    return "En el mes y la semana previstos" if plan.semana else "En el mes previsto"


def temas_tratados(sesion: FichaSesion, grafo: Grafo) -> list[tuple[Documento, Tema, list[Compromiso]]]:
    """Los temas de programa sobre los que informan los compromisos de la sesión (el enlace
    explícito compromiso → tema de los datos), con esos compromisos, en orden de aparición."""
    por_tema: dict[str, tuple[Documento, Tema, list[Compromiso]]] = {}
    for compromiso in sesion.compromisos:
        for ref in compromiso.temas:
            encontrado = grafo.ficha_de_tema(ref)
            if encontrado is None:
                continue
            por_tema.setdefault(ref, (*encontrado, []))[2].append(compromiso)
    return list(por_tema.values())


def _asunto(numero_acuerdo: str, grafo: Grafo) -> str | None:
    """«: asunto» de un acuerdo, si los datos lo dan (``acuerdos.asunto_de``)."""
    asunto = asunto_de(grafo.acuerdos[numero_acuerdo]) if numero_acuerdo in grafo.acuerdos else None
    return f": {asunto}" if asunto else None


def pagina_sesion(sesion: FichaSesion, grafo: Grafo) -> Pagina:
    """Página de una sesión: cómo la nombran los documentos, su plan y lo que salió de ella."""
    organo = grafo.organos[sesion.organo]
    titulo = f"{nombre_sesion(sesion)} del {fecha_larga(sesion.fecha)}"
    cuerpo: list[Bloque] = [Parrafo((Fuerte(organo.nombre),)), Seccion("Cómo la nombran los documentos", (
        Lista(tuple(Elemento(unir(f"«{' '.join(declarada.texto.split())}» — ",
                                  enlace(doc.titulo_corto, urls.documento(doc.id)),
                                  f" ({declarada.fuente.describir()})"))
                    for doc, declarada in sesion.declaraciones)),))]
    if sesion.programada:
        programa, plan = sesion.programada
        prevista = Parrafo(unir("Prevista por el ", enlace(programa.titulo_corto, urls.ancla(programa.id, plan.id)),
                                f": «{' '.join(plan.texto.split())}» ({nombre_mes(plan.mes)})."))
    else:
        prevista = Parrafo("Ningún programa publicado en el sitio prevé esta sesión.")
    cuerpo.append(Seccion("Programación", (prevista,)))
    temas = temas_del_mes(sesion.organo, sesion.fecha[:7], grafo)
    if temas:
        cuerpo.append(Seccion(f"Temas que el programa prevé para {nombre_mes(sesion.fecha[:7])}", (
            Parrafo("Temas del programa anual de la comisión marcados en el mes de la sesión (la fuente no dice "
                    "en qué sesión se trata cada tema)."),
            Lista(tuple(Elemento((enlace(" ".join(tema.texto.split()), urls.tema(programa.id, tema.id)),))
                        for programa, tema in temas)),
            Parrafo(unir("Agenda completa del mes: ",
                         enlace(nombre_mes(sesion.fecha[:7]), urls.mes(sesion.fecha[:7])), ".")),
        )))
    if sesion.compromisos:
        filas = []
        for compromiso in sesion.compromisos:
            informe = grafo.documento_de(compromiso)
            texto = " ".join(compromiso.texto.split())
            resumen = texto[:140] + ("…" if len(texto) > 140 else "")
            filas.append(Fila((str(compromiso.numero),
                               (enlace(resumen, urls.compromiso(informe.id, compromiso.id)),),
                               compromiso.estatus_texto, f"{numero(compromiso.porcentaje)} %",
                               (enlace(informe.titulo_corto, urls.documento(informe.id)),))))
        cuerpo.append(Seccion("Compromisos y acuerdos que surgieron de ella", (
            Tabla(("No.", "Compromiso", "Estatus", "Avance", "Informe"), tuple(filas)),)))
    tratados = temas_tratados(sesion, grafo)
    if tratados:
        cuerpo.append(Seccion("Temas del programa que trató", (
            Parrafo("Temas del programa sobre los que informan los compromisos que surgieron de esta sesión (el "
                    "informe de seguimiento los enlaza)."),
            Lista(tuple(Elemento(unir(enlace(" ".join(tema.texto.split()), urls.tema(programa.id, tema.id)),
                                      " — ", enlace(programa.titulo_corto, urls.documento(programa.id)), " (",
                                      juntar([(enlace(f"compromiso {c.numero}", urls.compromiso(c.documento, c.id)),)
                                              for c in compromisos], ", "), ")"))
                        for programa, tema, compromisos in tratados)),
        ), id="temas-tratados"))
    if sesion.acuerdos:
        cuerpo.append(Seccion("Acuerdos aprobados en ella", (Lista(tuple(
            Elemento(unir(enlace(n, urls.acuerdo(n)), _asunto(n, grafo))) for n in sesion.acuerdos)),),
            id="acuerdos-aprobados"))
    cumplidos = [n for c in sesion.compromisos for n in c.acuerdos]
    cumplidos = [n for n in dict.fromkeys(cumplidos) if n not in sesion.acuerdos]
    if cumplidos:
        cuerpo.append(Seccion("Acuerdos con que se cumplieron sus compromisos", (
            Parrafo("Acuerdos de otros órganos con que, según el informe de seguimiento, se cumplieron los "
                    "compromisos que surgieron de esta sesión."),
            Lista(tuple(Elemento(unir(enlace(n, urls.acuerdo(n)), _asunto(n, grafo))) for n in cumplidos)),
        ), id="acuerdos-de-sus-compromisos"))
    if sesion.documentos_presentados:
        cuerpo.append(Seccion("Documentos presentados en ella", (Lista(tuple(
            Elemento((enlace(d.titulo_corto, urls.documento(d.id)),)) for d in sesion.documentos_presentados)),)))
    cuerpo.append(Parrafo((enlace("Todas las sesiones", urls.SESIONES),)))
    return Pagina(urls.sesion(sesion.id).ruta, f"{titulo} — {organo.siglas or organo.nombre}", tuple(cuerpo),
                  institucion=organo.institucion, siglas=siglas_de(grafo), encabezado=titulo)


def pagina_indice_sesiones(grafo: Grafo) -> Pagina:
    """Índice: por órgano, sesiones programadas y celebradas lado a lado."""
    cuerpo: list[Bloque] = [Parrafo(
        "Sesiones que los programas prevén y sesiones celebradas que nombran los documentos, por órgano. Una "
        "sesión programada sin sesión celebrada registrada, o una sesión celebrada fuera del mes previsto, "
        "queda a la vista.")]
    organos = list(dict.fromkeys(
        [s.organo for s in grafo.sesiones.values()]
        + [d.organo for d, _ in grafo.programadas.values()]))
    for organo_id in organos:
        organo = grafo.organos[organo_id]
        apartados: list[Bloque] = []
        programadas = [(d, p) for d, p in grafo.programadas.values() if d.organo == organo_id]
        if programadas:
            filas = []
            for doc, plan in programadas:
                celebradas = grafo.celebradas_de.get(f"{doc.id}/{plan.id}", [])
                celebrada = juntar([(enlace(fecha_larga(s.fecha), urls.sesion(s.id)),) for s in celebradas],
                                   "; ") or "Sin registro en los documentos publicados"
                estado = "; ".join(coincidencia(s) for s in celebradas) or "Sin registro"
                temas = len(temas_del_mes(organo_id, plan.mes, grafo))
                filas.append(Fila((
                    (enlace(doc.titulo_corto, urls.documento(doc.id)),),
                    (enlace(" ".join(plan.texto.split()), urls.ancla(doc.id, plan.id)),),
                    nombre_mes(plan.mes), celebrada, estado, (enlace(str(temas), urls.mes(plan.mes)),))))
            apartados.append(Seccion("Programadas frente a celebradas", (Tabla(
                ("Programa", "Sesión prevista", "Mes", "Celebrada", "Coincidencia", "Temas previstos ese mes"),
                tuple(filas)),), nivel=3))
        celebradas = [s for s in grafo.sesiones.values() if s.organo == organo_id]
        if celebradas:
            apartados.append(Seccion("Celebradas", (Tabla(
                ("Fecha", "Sesión", "Coincidencia con el programa", "Compromisos"),
                tuple(Fila((fecha_larga(s.fecha), (enlace(nombre_sesion(s), urls.sesion(s.id)),),
                            coincidencia(s), str(len(s.compromisos)))) for s in celebradas)),), nivel=3))
        cuerpo.append(Seccion(organo.nombre, tuple(apartados), id=f"organo-{organo_id}"))
    return Pagina(urls.SESIONES.ruta, "Sesiones", tuple(cuerpo), siglas=siglas_de(grafo))
