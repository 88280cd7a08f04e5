"""Los apartados de un documento, descritos una sola vez para su página web y su anexo.

``secciones_documento`` describe todo el contenido de un documento (siglas, prosa, ejes,
objetivos, líneas de acción, mecanismos, temas, fichas, cronograma, sesiones, integrantes,
compromisos, acuerdos y cifras) como datos (``sitio.secciones``). La página del documento
(``sitio/paginas/documento``) lo escribe con las plantillas de la web y el anexo para la Gaceta
(``anexos/anexo_html``) con la vista impresa: un solo origen, así que el anexo impreso y la página
no pueden discrepar.

Lo que solo es de la página web va marcado como tal (``solo_web``, ``SoloWeb``,
``columnas_web``): los avisos de la validación junto a cada registro, los enlaces al seguimiento
y a otras páginas, los resúmenes que calcula el sitio (conteos, tablas de síntesis, dónde está
cada registro en la fuente) y lo que el documento solo nombra y el sitio enlaza (las sesiones
celebradas, los acuerdos que cita, las cifras que publica su prosa). Los ejes, objetivos y
líneas de acción que la prosa ya dice literalmente tampoco se repiten en el anexo. Las tablas de
calendario (``TablaMeses``) dan en palabras el calendario de cada fila en la web y lo dibujan en
columnas de meses en el anexo.

Cada registro lleva su ancla permanente (``Ancla``, su id) en su celda o elemento.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.problemas import Problema
from programas_spen.modelo.registros import TIPOS_SESION, Actividad, Calendario, Compromiso, Documento, Nota, Vinculo
from programas_spen.modelo.registros import Seccion as SeccionFuente
from programas_spen.modelo.texto import fecha_larga, nombre_mes, numero
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo, clave_acuerdo
from programas_spen.sitio.meses import anotaciones, celda_meses, plano
from programas_spen.sitio.paginas.comun import (
    aviso_registro,
    avisos_en_linea,
    claves_de_temas,
    describir_calendario,
    enlace,
    enlazar,
    prosa,
)
from programas_spen.sitio.paginas.comun import rotulo as rotulo_comun
from programas_spen.sitio.secciones import (
    Ancla,
    Bloque,
    Bloques,
    CeldaMeses,
    Contenido,
    Cursiva,
    Definiciones,
    Elemento,
    Enlace,
    Fila,
    Fuerte,
    Lista,
    Marca,
    Parrafo,
    Parte,
    Salto,
    Seccion,
    SoloWeb,
    Tabla,
    TablaMeses,
    juntar,
    unir,
)

__all__ = ["INFERIDO", "bloques_de_prosa", "en_la_prosa", "inferido", "secciones_documento"]


# --- Piezas ---------------------------------------------------------------------------------


def rotulo(etiqueta: str, *valor: Parte | tuple[Parte, ...] | None) -> tuple[Parte, ...]:
    """«**Etiqueta:** valor»; sin valor, solo el rótulo."""
    return rotulo_comun(etiqueta, *valor) if valor else (Fuerte(f"{etiqueta}:"),)


def _numerado(numero_registro: str | int | None, *texto: Parte | tuple[Parte, ...] | None,
              punto: bool = False) -> tuple[Parte, ...]:
    """«**1.1** texto»: el número del registro en negrita (con punto, «**1.**»), si lo tiene."""
    if numero_registro is None or numero_registro == "":
        return unir(*texto)
    return unir(Fuerte(f"{numero_registro}{'.' if punto else ''}"), " ", *texto)


def _avisos_en_linea(avisos: list[Problema]) -> SoloWeb | None:
    """Los avisos de validación de un registro, en su celda o elemento (solo en la web)."""
    return SoloWeb(avisos_en_linea(avisos)) if avisos else None


def _avisos(avisos: list[Problema]) -> tuple[Bloque, ...]:
    """El recuadro de avisos de validación de un registro (solo en la web)."""
    return tuple(dataclasses.replace(aviso, solo_web=True) for aviso in aviso_registro(avisos))


def _notas(notas: tuple[Nota, ...]) -> tuple[Bloque, ...]:
    """Las notas al pie de una tabla de la fuente, con su marca («* Sujeto a…»)."""
    if not notas:
        return ()
    return (Bloques(tuple(Parrafo(f"{n.marca} {n.texto}") for n in notas), clase="notas"),)


def _celda_calendario(calendario: Calendario | None, avisos: list[Problema]) -> tuple[Parte, ...]:
    """El calendario de una fila en palabras, con su nota y los avisos de la fila."""
    partes: list[Parte | tuple[Parte, ...] | None] = [describir_calendario(calendario)]
    if calendario is not None and calendario.nota:
        partes += [Salto(), Cursiva("Nota:"), " ", calendario.nota]
    partes.append(_avisos_en_linea(avisos))
    return unir(*partes)


def _meses(calendario: Calendario | None, columnas: tuple[str, ...], avisos: list[Problema],
           texto_fila: str) -> CeldaMeses:
    """La celda de meses de una fila de una tabla de calendario del documento: en palabras en
    la web y, donde se dibujan los meses, con lo que estos no dicen junto al texto de la fila."""
    return celda_meses(calendario, columnas, _celda_calendario(calendario, avisos),
                       anotaciones(calendario, texto_fila))


def en_la_prosa(doc: Documento, textos: Sequence[str]) -> bool:
    """Si todos los textos ya están, literalmente, en los apartados de prosa del documento
    (como los ejes rectores de la introducción del PAT 2020)."""
    prosa = plano(" ".join(texto for s in doc.secciones for texto in s.textos()))
    return bool(textos) and all(plano(t) in prosa for t in textos)


def bloques_de_prosa(seccion: SeccionFuente, grafo: Grafo) -> tuple[Bloque, ...]:
    """Los bloques de un apartado de prosa de la fuente (párrafos, encabezados, listas y tablas
    de texto, ``comun.prosa``), con cada número de acuerdo que tiene página enlazado. El texto
    es texto: nada se interpreta como Markdown ni como HTML."""
    return prosa(seccion.bloques, grafo)


# --- Apartados --------------------------------------------------------------------------------


def _siglas(doc: Documento) -> list[Bloque]:
    if not doc.siglas:
        return []
    tabla = Tabla(("Sigla", "Significado"), tuple(Fila((s.sigla, s.significado)) for s in doc.siglas))
    return [Seccion("Siglas", (tabla,), id="siglas")]


def _prosa(doc: Documento, grafo: Grafo) -> list[Bloque]:
    return [Seccion(s.titulo, bloques_de_prosa(s, grafo), id=f"seccion-{s.id}") for s in doc.secciones]


def _ejes(doc: Documento, grafo: Grafo) -> list[Bloque]:
    if not doc.ejes:
        return []
    elementos = []
    for eje in doc.ejes:
        variantes = tuple(Elemento(unir(Cursiva(f"Otra redacción en la fuente ({v.fuente.describir()}):"), " ",
                                        v.texto)) for v in eje.variantes)
        elementos.append(Elemento(
            unir(Ancla(eje.id), _numerado(eje.numero, eje.texto, punto=True),
                 _avisos_en_linea(grafo.avisos_de(doc, eje))),
            bloques=(Lista(variantes, solo_web=True),) if variantes else ()))
    return [Seccion("Ejes", (Lista(tuple(elementos), clase="sin-vinetas"),), id="ejes",
                    solo_web=en_la_prosa(doc, [e.texto for e in doc.ejes]))]


def _objetivos(doc: Documento, grafo: Grafo) -> list[Bloque]:
    if not doc.objetivos:
        return []
    apartados: list[Bloque] = []
    for nivel, titulo in (("general", "Objetivos generales"), ("especifico", "Objetivos específicos")):
        propios = [o for o in doc.objetivos if o.nivel == nivel]
        if not propios:
            continue
        elementos = []
        for objetivo in propios:
            lineas = [la for la in doc.lineas_accion if la.objetivo == objetivo.id]
            anidada = ()
            if lineas:
                enlaces = juntar([(enlace(la.numero or la.id, urls.ancla(doc.id, la.id)),) for la in lineas])
                anidada = (Lista((Elemento(unir("Líneas de acción: ", enlaces)),), solo_web=True),)
            texto = _numerado(objetivo.numero, enlazar(objetivo.texto, grafo))
            elementos.append(Elemento(unir(Ancla(objetivo.id), texto), bloques=anidada))
        apartados.append(Seccion(titulo, (Lista(tuple(elementos)),), nivel=3))
    return [Seccion("Objetivos", tuple(apartados), id="objetivos",
                    solo_web=en_la_prosa(doc, [o.texto for o in doc.objetivos]))]


def _lineas_accion(doc: Documento, grafo: Grafo) -> list[Bloque]:
    if not doc.lineas_accion:
        return []
    objetivos = {o.id: o for o in doc.objetivos}
    # Cada grupo (su encabezado y el objetivo de su primera línea) y sus líneas, en orden; las
    # líneas sin grupo siguen en el grupo anterior.
    grupos: list[tuple[str | None, str | None, list[Elemento]]] = [(None, None, [])]
    for linea in doc.lineas_accion:
        if linea.grupo and linea.grupo != grupos[-1][0]:
            grupos.append((linea.grupo, linea.objetivo, []))
        anidados = []
        if linea.calendario:
            anidados.append(Elemento(unir("Calendario: ", describir_calendario(linea.calendario))))
            if linea.calendario.nota:  # el anexo la dice una vez, en la nota sobre su edición
                anidados.append(Elemento(unir("Nota: ", linea.calendario.nota), solo_web=True))
        grupos[-1][2].append(Elemento(
            unir(Ancla(linea.id), _numerado(linea.numero, enlazar(linea.texto, grafo)),
                 _avisos_en_linea(grafo.avisos_de(doc, linea))),
            bloques=(Lista(tuple(anidados)),) if anidados else ()))
    bloques: list[Bloque] = []
    for grupo, objetivo_grupo, elementos in grupos:
        if grupo is None:
            if elementos:
                bloques.append(Lista(tuple(elementos)))
            continue
        propios: list[Bloque] = []
        objetivo = objetivos.get(objetivo_grupo or "")
        if objetivo:
            propios.append(Parrafo(unir("Corresponde al objetivo ",
                                        enlace(objetivo.numero or objetivo.id, urls.ancla(doc.id, objetivo.id)), ".")))
        propios.append(Lista(tuple(elementos)))
        bloques.append(Seccion(grupo, tuple(propios), nivel=3))
    return [Seccion("Líneas de acción", tuple(bloques), id="lineas-accion",
                    solo_web=en_la_prosa(doc, [la.texto for la in doc.lineas_accion]))]


INFERIDO = "Vínculo inferido por la transcripción"


def inferido(vinculo: Vinculo | None, con_nota: bool = True) -> tuple[Parte, ...]:
    """La marca de un vínculo que la fuente no da por escrito y propone la transcripción
    («Vínculo inferido por la transcripción: …», con su nota); nada si lo da la fuente."""
    if vinculo is None or not vinculo.inferido:
        return ()
    return (" ", Marca(unir(f"({INFERIDO}", (": ", vinculo.nota) if con_nota else None, ")"), "spen-inferido"))


def _celda_actividad(doc: Documento, actividad: Actividad, grafo: Grafo) -> tuple[Parte, ...]:
    partes: list[Parte | tuple[Parte, ...] | None] = [Ancla(actividad.id), enlazar(actividad.texto, grafo)]
    if actividad.marca:
        partes.append(f" {actividad.marca}")
    if actividad.ficha:
        indice = [f.id for f in doc.fichas].index(actividad.ficha) + 1
        ficha = unir(Salto(), "Ficha técnica: ", enlace(f"ficha {indice}", urls.ancla(doc.id, actividad.ficha)),
                     inferido(actividad.ficha_vinculo))
        # un vínculo que la fuente no dice no va al anexo impreso, que reproduce la fuente
        partes.append(SoloWeb(ficha) if actividad.ficha_vinculo and actividad.ficha_vinculo.inferido else ficha)
    return unir(*partes)


def _tabla_actividades(doc: Documento, grafo: Grafo, actividades: Sequence[Actividad], encabezado: str | None,
                       columnas: tuple[str, ...], con_leyenda: bool) -> TablaMeses:
    """La tabla de calendario de un mecanismo o del cronograma: número, actividad y calendario."""
    filas = tuple(Fila((str(indice), _celda_actividad(doc, actividad, grafo),
                        _meses(actividad.calendario, columnas, grafo.avisos_de(doc, actividad), actividad.texto)))
                  for indice, actividad in enumerate(actividades, start=1))
    return TablaMeses(("Núm.", encabezado or "Actividad", "Calendario"), filas, columnas, columna_meses=2,
                      en_palabras=True, con_leyenda=con_leyenda)


def _mecanismos(doc: Documento, grafo: Grafo, columnas: tuple[str, ...]) -> list[Bloque]:
    if not doc.mecanismos:
        return []
    total = sum(len(m.actividades) for m in doc.mecanismos)
    sintesis = Tabla(("Mecanismo", "Actividades en su tabla", "Número que publica la síntesis"), tuple(
        Fila(((enlace(m.nombre, urls.mecanismo_documento(doc.id, m.id)),), str(len(m.actividades)),
              str(m.actividades_publicadas) if m.actividades_publicadas is not None else "—"))
        for m in doc.mecanismos), solo_web=True)
    bloques: list[Bloque] = [Parrafo(f"{total} actividades en {len(doc.mecanismos)} mecanismos.", solo_web=True),
                             sintesis]
    for indice, mecanismo in enumerate(doc.mecanismos):
        descripcion = Parrafo(unir(
            f"Mecanismo «{mecanismo.nombre}» — {len(mecanismo.actividades)} actividades — ",
            enlace("el mecanismo en todos los años", urls.mecanismo(mecanismo.id)),
            f". Fuente: {mecanismo.fuente.describir()}."), solo_web=True)
        tabla = _tabla_actividades(doc, grafo, mecanismo.actividades, mecanismo.encabezado, columnas,
                                   con_leyenda=indice == 0)
        bloques.append(Seccion(mecanismo.titulo_tabla, (
            descripcion, *_avisos(grafo.avisos_de(doc, mecanismo)), tabla, *_notas(mecanismo.notas)),
            id=mecanismo.id, nivel=3))
    return [Seccion("Mecanismos y actividades", tuple(bloques), id="mecanismos", titulo_impreso=doc.titulo)]


def _temas(doc: Documento, grafo: Grafo, columnas: tuple[str, ...]) -> list[Bloque]:
    if not doc.temas:
        return []
    filas = []
    for indice, tema in enumerate(doc.temas, start=1):
        if tema.area:
            area_tema = grafo.areas[tema.area]
            area: Contenido = (enlace(area_tema.siglas or area_tema.nombre, urls.area(tema.area)),)
        else:
            area = "No dada en la fuente"
        seguimiento = juntar([
            unir(enlace(f"Compromiso {c.numero}", urls.compromiso(c.documento, c.id)),
                 f" ({grafo.documentos[c.documento].titulo_corto}): {c.estatus_texto} {numero(c.porcentaje)} %",
                 inferido(c.temas_vinculo, con_nota=False))
            for c in grafo.compromisos_de_tema.get(f"{doc.id}/{tema.id}", [])], Salto()) or "—"
        filas.append(Fila((
            str(indice), unir(Ancla(tema.id), enlazar(tema.texto, grafo)), area,
            _meses(tema.calendario, columnas, grafo.avisos_de(doc, tema), f"{tema.texto} {tema.observaciones or ''}"),
            enlazar(tema.observaciones, grafo) or "—", seguimiento)))
    tabla = TablaMeses(("Núm.", "Tema", "Área", "Meses", "Observaciones", "Seguimiento"), tuple(filas), columnas,
                       columna_meses=3, en_palabras=True, con_leyenda=True, columnas_web=(2, 5))
    impreso = None
    if doc.anexo:
        impreso = f"Anexo {doc.anexo.numero}" + (f". {doc.anexo.titulo}" if doc.anexo.titulo else "")
    return [Seccion("Temas", (Parrafo(f"{len(doc.temas)} temas, en el orden de la fuente.", solo_web=True),
                              *_leyenda_claves(doc, grafo), tabla), id="temas", titulo_impreso=impreso)]


def _leyenda_claves(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """La leyenda de las claves con que abren los temas en la fuente («(AG)», «(DCPE)»): qué
    significa cada una, sin tocar el texto transcrito (solo en la web)."""
    claves = claves_de_temas(grafo, doc)
    if not claves:
        return ()
    return (Parrafo("Cada tema abre, en la fuente, con una clave entre paréntesis. Qué significa cada una:",
                    solo_web=True),
            Definiciones(tuple((f"({clave})", significado) for clave, significado in claves.items()),
                         clase="spen-claves", solo_web=True))


def _cronograma(doc: Documento, grafo: Grafo, columnas: tuple[str, ...]) -> list[Bloque]:
    crono = doc.cronograma
    if crono is None:
        return []
    periodo = f" {crono.periodo_declarado}" if crono.periodo_declarado else ""
    return [Seccion("Cronograma", (
        Parrafo(unir(Fuerte(crono.titulo), periodo), solo_web=True),
        *_avisos(grafo.avisos_de(doc, crono)),
        _tabla_actividades(doc, grafo, crono.filas, crono.encabezado, columnas, con_leyenda=True),
        *_notas(crono.notas),
    ), id="cronograma", titulo_impreso=crono.titulo + periodo)]


def _fichas(doc: Documento, grafo: Grafo) -> list[Bloque]:
    if not doc.fichas:
        return []
    apartados: list[Bloque] = []
    for indice, ficha in enumerate(doc.fichas, start=1):
        elementos = []
        if ficha.ejes:
            elementos.append(Elemento(rotulo("Eje", " / ".join(ficha.ejes))))
        elementos.append(Elemento(rotulo("Línea de acción", ficha.linea_accion)))
        if ficha.objetivos:
            objetivos = Lista(tuple(Elemento(o) for o in ficha.objetivos))
            elementos.append(Elemento(rotulo("Objetivos"), bloques=(objetivos,)))
        for etiqueta, valor in (("Actividad", ficha.actividad), ("Periodo", ficha.periodo),
                                ("Participantes", ficha.participantes), ("Lugar", ficha.lugar)):
            if valor:
                elementos.append(Elemento(rotulo(etiqueta, valor)))
        if ficha.calendario:
            elementos.append(Elemento(rotulo("Calendario", describir_calendario(ficha.calendario))))
        filas = grafo.filas_de_ficha.get((doc.id, ficha.id), [])
        if filas:
            enlaces = juntar([unir(enlace(f.texto, urls.actividad(doc.id, f.id)), inferido(f.ficha_vinculo))
                              for f in filas], "; ")
            elementos.append(Elemento(rotulo("En el cronograma", enlaces), solo_web=True))
        elementos.append(Elemento(rotulo("Fuente", ficha.fuente.describir()), solo_web=True))
        bloques = (Lista(tuple(elementos)), *_avisos(grafo.avisos_de(doc, ficha)))
        apartados.append(Seccion(f"Ficha técnica {indice}", bloques, id=ficha.id, nivel=3))
    return [Seccion("Fichas técnicas", tuple(apartados), id="fichas")]


def _sesiones_programadas(doc: Documento, grafo: Grafo) -> list[Bloque]:
    if not doc.sesiones_programadas:
        return []
    filas = []
    for programada in doc.sesiones_programadas:
        celebradas = grafo.celebradas_de.get(f"{doc.id}/{programada.id}", [])
        celebrada = juntar([(enlace(fecha_larga(s.fecha), urls.sesion(s.id)),) for s in celebradas], "; ")
        tipo = TIPOS_SESION[programada.tipo]
        nombre = f"{programada.ordinal}.ª {tipo}" if programada.ordinal else tipo
        filas.append(Fila((unir(Ancla(programada.id), nombre), programada.texto, nombre_mes(programada.mes),
                           celebrada or "Sin registro en los documentos publicados")))
    tabla = Tabla(("Sesión", "Como la escribe la fuente", "Mes", "Sesión celebrada"), tuple(filas), columnas_web=(3,))
    return [Seccion("Sesiones programadas", (tabla,), id="sesiones-programadas")]


def _integrantes(doc: Documento) -> list[Bloque]:
    if not doc.integrantes:
        return []
    tabla = Tabla(("Nombre", "Cargo"), tuple(Fila((i.nombre, i.cargo)) for i in doc.integrantes))
    return [Seccion("Integrantes", (tabla,), id="integrantes")]


def _sesiones(doc: Documento, grafo: Grafo) -> list[Bloque]:
    if not doc.sesiones:
        return []
    elementos = tuple(Elemento(unir(enlace(s.texto, urls.sesion(s.id)), f" ({fecha_larga(s.fecha)})",
                                    _avisos_en_linea(grafo.avisos_de(doc, s)))) for s in doc.sesiones)
    return [Seccion("Sesiones que nombra", (Lista(elementos),), id="sesiones", solo_web=True)]


def _compromiso(doc: Documento, compromiso: Compromiso, grafo: Grafo) -> Seccion:
    sesion = grafo.sesiones[compromiso.sesion]
    area = grafo.areas[compromiso.area]
    elementos = [
        Elemento(rotulo("Sesión", enlace(compromiso.sesion_texto, urls.sesion(sesion.id)),
                        f" (celebrada el {fecha_larga(sesion.fecha)})")),
        Elemento(rotulo("Área responsable", enlace(compromiso.area_texto, urls.area(area.id)))),
        Elemento(rotulo("Estatus", compromiso.estatus_texto)),
        Elemento(rotulo("Porcentaje de avance", f"{numero(compromiso.porcentaje)} %")),
    ]
    if compromiso.acuerdos:
        partes = []
        for numero_acuerdo in compromiso.acuerdos:
            oficial = grafo.acuerdos[numero_acuerdo].primero("enlace")
            partes.append(unir(enlace(numero_acuerdo, urls.acuerdo(numero_acuerdo)),
                               (" (", Enlace(f"documento oficial de {numero_acuerdo}", str(oficial)), ")")
                               if oficial else None))
        elementos.append(Elemento(rotulo("Cumplido mediante", juntar(partes, "; "))))
    for ref in compromiso.temas:
        encontrado = grafo.ficha_de_tema(ref)
        if encontrado:
            programa, tema = encontrado
            indice = programa.temas.index(tema) + 1
            elementos.append(Elemento(rotulo(
                "Tema del programa sobre el que informa", enlace(f"tema {indice}", urls.tema(programa.id, tema.id)),
                " del ", enlace(programa.titulo_corto, urls.documento(programa.id)), f" — {tema.texto}",
                inferido(compromiso.temas_vinculo)),
                solo_web=True))
    elementos.append(Elemento(rotulo("Fuente", compromiso.fuente.describir()), solo_web=True))
    return Seccion(f"Compromiso {compromiso.numero}", (
        *_avisos(grafo.avisos_de(doc, compromiso)),
        Parrafo(unir(Fuerte("Acuerdo o compromiso."), " ", enlazar(compromiso.texto, grafo))),
        Parrafo(unir(Fuerte("Avance o cumplimiento."), " ", enlazar(compromiso.avance, grafo))),
        Lista(tuple(elementos)),
    ), id=compromiso.id, nivel=3)


def _compromisos(doc: Documento, grafo: Grafo) -> list[Bloque]:
    if not doc.compromisos:
        return []
    concluidos = sum(1 for c in doc.compromisos if c.estatus == "concluido")
    resumen = Tabla(("No.", "Sesión", "Área responsable", "Estatus", "Avance"), tuple(
        Fila(((enlace(f"Compromiso {c.numero}", urls.compromiso(doc.id, c.id)),),
              (enlace(c.sesion_texto, urls.sesion(grafo.sesiones[c.sesion].id)),),
              (enlace(c.area_texto, urls.area(c.area)),), c.estatus_texto, f"{numero(c.porcentaje)} %"))
        for c in doc.compromisos), solo_web=True)
    return [Seccion("Compromisos y acuerdos", (
        Parrafo(f"{len(doc.compromisos)} compromisos: {concluidos} concluidos y "
                f"{len(doc.compromisos) - concluidos} en curso.", solo_web=True),
        resumen,
        *(_compromiso(doc, c, grafo) for c in doc.compromisos),
    ), id="compromisos")]


def _acuerdos(doc: Documento, grafo: Grafo) -> list[Bloque]:
    numeros = [a.numero for a in doc.acuerdos]
    numeros += [n for n in grafo.acuerdos_mencionados_en(doc.id) if n not in numeros]
    if not numeros:
        return []
    elementos = []
    for numero_acuerdo in sorted(numeros, key=clave_acuerdo):
        declarado = next((a for a in doc.acuerdos if a.numero == numero_acuerdo), None)
        resumen = f": aprueba {declarado.aprueba}" if declarado and declarado.aprueba else None
        elementos.append(Elemento(unir(enlace(numero_acuerdo, urls.acuerdo(numero_acuerdo)), resumen)))
    return [Seccion("Acuerdos que cita", (Lista(tuple(elementos)),), id="acuerdos", solo_web=True)]


def _cifras(doc: Documento) -> list[Bloque]:
    if not doc.cifras_publicadas:
        return []
    filas = tuple(Fila((unir(Ancla(c.id), c.grupo or "—"), c.indicador,
                        numero(c.valor) + (" %" if c.unidad == "porcentaje" else ""), f"«{c.cita}»"))
                  for c in doc.cifras_publicadas)
    tabla = Tabla(("Grupo", "Indicador", "Valor", "Texto de la fuente"), filas)
    return [Seccion("Cifras que publica el documento", (tabla,), id="cifras", solo_web=True)]


def secciones_documento(doc: Documento, grafo: Grafo) -> tuple[Bloque, ...]:
    """Todo el contenido de un documento, en el orden de la fuente (las fichas técnicas antes
    del cronograma que las usa), para su página web y su anexo."""
    columnas = cal.columnas(doc)
    return tuple([
        *_siglas(doc), *_prosa(doc, grafo), *_ejes(doc, grafo), *_objetivos(doc, grafo),
        *_lineas_accion(doc, grafo), *_mecanismos(doc, grafo, columnas), *_temas(doc, grafo, columnas),
        *_fichas(doc, grafo), *_cronograma(doc, grafo, columnas), *_sesiones_programadas(doc, grafo),
        *_integrantes(doc), *_sesiones(doc, grafo), *_compromisos(doc, grafo), *_acuerdos(doc, grafo),
        *_cifras(doc),
    ])
