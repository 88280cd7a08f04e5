"""Página de un documento: metadatos, acuerdo que lo aprueba y todo su contenido.

Cada registro del documento (mecanismo, actividad, tema, compromiso, objetivo, línea de acción,
ficha, sesión programada, eje, cifra) es un ancla permanente de esta página, con su id, y
muestra aquí mismo sus enlaces en los dos sentidos y sus avisos de coherencia.
"""

from __future__ import annotations

from programas_spen.modelo import calendario
from programas_spen.modelo.problemas import Problema
from programas_spen.modelo.registros import TIPOS_DOCUMENTO, TIPOS_SESION, Compromiso, Documento
from programas_spen.modelo.texto import fecha_larga, nombre_mes, numero
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo, clave_acuerdo
from programas_spen.sitio.paginas.comun import (
    Pagina,
    bloque_avisos,
    con_siglas,
    describir_calendario,
    enlace,
    enlazar,
    md,
    prosa,
    siglas_del_sitio,
)
from programas_spen.sitio.paginas.graficas import graficas_documento


def ancla_html(ident: str) -> str:
    """Marca de ancla en línea (para filas de tabla y elementos de lista)."""
    return f'<span id="{ident}"></span>'


def _avisos_en_linea(avisos: list[Problema]) -> str:
    return "".join(f"<br>⚠ *Aviso:* {md(a.mensaje)}" for a in avisos)


def _metadatos(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    institucion = grafo.instituciones[doc.institucion]
    organo = grafo.organos[doc.organo]
    filas = [
        ("Institución", enlace(md(institucion.nombre), urls.institucion(institucion.id), desde)),
        ("Emite", md(organo.nombre)),
        ("Tipo de documento", TIPOS_DOCUMENTO[doc.tipo]),
        ("Ejercicio", str(doc.anio)),
    ]
    if doc.fecha:
        filas.append(("Fecha", fecha_larga(doc.fecha)))
    if doc.periodo:
        filas.append(("Meses de su calendario", f"{nombre_mes(doc.periodo.desde)} a "
                      f"{nombre_mes(doc.periodo.hasta)}"))
    if doc.aprobado_por:
        filas.append(("Aprobado por el acuerdo", enlace(doc.aprobado_por,
                                                        urls.acuerdo(doc.aprobado_por), desde)))
    if doc.anexo:
        texto = f"Anexo {md(doc.anexo.numero)}"
        if doc.anexo.titulo:
            texto += f": {md(doc.anexo.titulo)}"
        filas.append(("Anexo", texto))
    if doc.presentado_en:
        sesion = grafo.sesiones[doc.presentado_en.sesion]
        texto = enlace(f"sesión {TIPOS_SESION[sesion.tipo]} del {fecha_larga(sesion.fecha)}",
                       urls.sesion(sesion.id), desde)
        if doc.presentado_en.punto:
            texto += f", punto {md(doc.presentado_en.punto)} del orden del día"
        filas.append(("Presentado en", texto))
    filas.append(("Texto fuente", f"`{doc.fuente.archivo}` — {md(doc.fuente.descripcion)}"))
    if doc.fuente.perdidas:
        filas.append(("Lo que perdió la extracción del PDF", md(doc.fuente.perdidas)))
    filas.append(("Archivo de datos", f"`{doc.archivo}`"))
    lineas = ["| Dato | Valor |", "| --- | --- |"]
    lineas += [f"| {clave} | {valor} |" for clave, valor in filas]
    return lineas


def _siglas(doc: Documento) -> list[str]:
    if not doc.siglas:
        return []
    lineas = ["## Siglas {#siglas}", "", "| Sigla | Significado |", "| --- | --- |"]
    lineas += [f"| {md(s.sigla)} | {md(s.significado)} |" for s in doc.siglas]
    return lineas + [""]


def _ejes(doc: Documento, grafo: Grafo) -> list[str]:
    if not doc.ejes:
        return []
    lineas = ["## Ejes {#ejes}", ""]
    for eje in doc.ejes:
        numero_eje = f"**{eje.numero}.** " if eje.numero else ""
        lineas.append(f"- {ancla_html(eje.id)}{numero_eje}{md(eje.texto)}"
                      f"{_avisos_en_linea(grafo.avisos_de(doc, eje))}")
        for variante in eje.variantes:
            lineas.append(f"    - *Otra redacción en la fuente ({md(variante.fuente.describir())}):*"
                          f" {md(variante.texto)}")
    return lineas + [""]


def _objetivos(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.objetivos:
        return []
    lineas = ["## Objetivos {#objetivos}", ""]
    for nivel, titulo in (("general", "Objetivos generales"),
                          ("especifico", "Objetivos específicos")):
        propios = [o for o in doc.objetivos if o.nivel == nivel]
        if not propios:
            continue
        lineas += [f"### {titulo}", ""]
        for objetivo in propios:
            numero_obj = f"**{md(objetivo.numero)}** " if objetivo.numero else ""
            lineas.append(f"- {ancla_html(objetivo.id)}{numero_obj}"
                          f"{enlazar(objetivo.texto, desde, grafo)}")
            lineas_obj = [la for la in doc.lineas_accion if la.objetivo == objetivo.id]
            if lineas_obj:
                lineas.append("    - Líneas de acción: " + ", ".join(
                    enlace(md(la.numero or la.id), urls.ancla(doc.id, la.id), desde)
                    for la in lineas_obj))
        lineas.append("")
    return lineas


def _lineas(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.lineas_accion:
        return []
    lineas = ["## Líneas de acción {#lineas-accion}", ""]
    grupo_actual: str | None = None
    objetivos = {o.id: o for o in doc.objetivos}
    for linea in doc.lineas_accion:
        if linea.grupo and linea.grupo != grupo_actual:
            lineas += ["", f"### {md(linea.grupo)}", ""]
            grupo_actual = linea.grupo
            objetivo = objetivos.get(linea.objetivo or "")
            if objetivo:
                destino = urls.ancla(doc.id, objetivo.id)
                lineas += [f"Corresponde al objetivo "
                           f"{enlace(md(objetivo.numero or objetivo.id), destino, desde)}.", ""]
        numero_linea = f"**{md(linea.numero)}** " if linea.numero else ""
        lineas.append(f"- {ancla_html(linea.id)}{numero_linea}{enlazar(linea.texto, desde, grafo)}"
                      f"{_avisos_en_linea(grafo.avisos_de(doc, linea))}")
        if linea.calendario:
            lineas.append(f"    - Calendario: {describir_calendario(linea.calendario)}")
            if linea.calendario.nota:
                lineas.append(f"    - Nota: {md(linea.calendario.nota)}")
    return lineas + [""]


def _celda_actividad(doc: Documento, actividad, grafo: Grafo, desde: str) -> str:  # noqa: ANN001
    texto = enlazar(actividad.texto, desde, grafo)
    if actividad.marca:
        texto += f" {md(actividad.marca)}"
    if actividad.ficha:
        indice = [f.id for f in doc.fichas].index(actividad.ficha) + 1
        texto += (f"<br>Ficha técnica: "
                  f"{enlace(f'ficha {indice}', urls.ancla(doc.id, actividad.ficha), desde)}")
    return f"{ancla_html(actividad.id)}{texto}"


def _celda_calendario(calendario, avisos: list[Problema]) -> str:  # noqa: ANN001
    texto = describir_calendario(calendario)
    if calendario is not None and calendario.nota:
        texto += f"<br>*Nota:* {md(calendario.nota)}"
    return texto + _avisos_en_linea(avisos)


def _mecanismos(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.mecanismos:
        return []
    total = sum(len(m.actividades) for m in doc.mecanismos)
    lineas = ["## Mecanismos y actividades {#mecanismos}", "",
              f"{total} actividades en {len(doc.mecanismos)} mecanismos.", "",
              "| Mecanismo | Actividades en su tabla | Número que publica la síntesis |",
              "| --- | --- | --- |"]
    for mecanismo in doc.mecanismos:
        publicadas = (str(mecanismo.actividades_publicadas)
                      if mecanismo.actividades_publicadas is not None else "—")
        lineas.append(f"| {enlace(md(mecanismo.nombre), urls.mecanismo_documento(doc.id, mecanismo.id), desde)}"
                      f" | {len(mecanismo.actividades)} | {publicadas} |")
    lineas.append("")
    for mecanismo in doc.mecanismos:
        otros = enlace("el mecanismo en todos los años", urls.mecanismo(mecanismo.id), desde)
        lineas += [f"### {md(mecanismo.titulo_tabla)} {{#{mecanismo.id}}}", "",
                   f"Mecanismo «{md(mecanismo.nombre)}» — {len(mecanismo.actividades)} "
                   f"actividades — {otros}. Fuente: {md(mecanismo.fuente.describir())}.", ""]
        lineas += bloque_avisos(grafo.avisos_de(doc, mecanismo))
        lineas += [f"| Núm. | {md(mecanismo.encabezado or 'Actividad')} | Calendario |",
                   "| --- | --- | --- |"]
        for indice, actividad in enumerate(mecanismo.actividades, start=1):
            lineas.append(f"| {indice} | {_celda_actividad(doc, actividad, grafo, desde)} | "
                          f"{_celda_calendario(actividad.calendario, grafo.avisos_de(doc, actividad))} |")
        lineas.append("")
        for nota in mecanismo.notas:
            lineas += [f"{md(nota.marca)} {md(nota.texto)}", ""]
    return lineas


def _temas(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.temas:
        return []
    lineas = ["## Temas {#temas}", "", f"{len(doc.temas)} temas, en el orden de la fuente.", "",
              "| Núm. | Tema | Área | Meses | Observaciones | Seguimiento |",
              "| --- | --- | --- | --- | --- | --- |"]
    for indice, tema in enumerate(doc.temas, start=1):
        area = (enlace(md(grafo.areas[tema.area].siglas or grafo.areas[tema.area].nombre),
                       urls.area(tema.area), desde) if tema.area else "No dada en la fuente")
        seguimiento = "<br>".join(
            f"{enlace(f'Compromiso {c.numero}', urls.compromiso(c.documento, c.id), desde)} "
            f"({md(grafo.documentos[c.documento].titulo_corto)}): {md(c.estatus_texto)} "
            f"{numero(c.porcentaje)} %"
            for c in grafo.compromisos_de_tema.get(f"{doc.id}/{tema.id}", [])) or "—"
        lineas.append(f"| {indice} | {ancla_html(tema.id)}{enlazar(tema.texto, desde, grafo)} | "
                      f"{area} | {_celda_calendario(tema.calendario, grafo.avisos_de(doc, tema))} | "
                      f"{enlazar(tema.observaciones, desde, grafo) or '—'} | {seguimiento} |")
    return lineas + [""]


def _cronograma(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    crono = doc.cronograma
    if crono is None:
        return []
    lineas = ["## Cronograma {#cronograma}", "", f"**{md(crono.titulo)}**"
              + (f" {md(crono.periodo_declarado)}" if crono.periodo_declarado else ""), ""]
    lineas += bloque_avisos(grafo.avisos_de(doc, crono))
    lineas += [f"| Núm. | {md(crono.encabezado or 'Actividad')} | Calendario |",
               "| --- | --- | --- |"]
    for indice, fila in enumerate(crono.filas, start=1):
        lineas.append(f"| {indice} | {_celda_actividad(doc, fila, grafo, desde)} | "
                      f"{_celda_calendario(fila.calendario, grafo.avisos_de(doc, fila))} |")
    lineas.append("")
    for nota in crono.notas:
        lineas += [f"{md(nota.marca)} {md(nota.texto)}", ""]
    return lineas


def _fichas(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.fichas:
        return []
    lineas = ["## Fichas técnicas {#fichas}", ""]
    for indice, ficha in enumerate(doc.fichas, start=1):
        lineas += [f"### Ficha técnica {indice} {{#{ficha.id}}}", ""]
        if ficha.ejes:
            lineas.append(f"- **Eje:** {' / '.join(md(e) for e in ficha.ejes)}")
        lineas.append(f"- **Línea de acción:** {md(ficha.linea_accion)}")
        if ficha.objetivos:
            lineas.append("- **Objetivos:**")
            lineas += [f"    - {md(o)}" for o in ficha.objetivos]
        for etiqueta, valor in (("Actividad", ficha.actividad), ("Periodo", ficha.periodo),
                                ("Participantes", ficha.participantes),
                                ("Lugar", ficha.lugar)):
            if valor:
                lineas.append(f"- **{etiqueta}:** {md(valor)}")
        if ficha.calendario:
            lineas.append(f"- **Calendario:** {describir_calendario(ficha.calendario)}")
        filas = grafo.filas_de_ficha.get((doc.id, ficha.id), [])
        if filas:
            lineas.append("- **En el cronograma:** " + "; ".join(
                enlace(md(f.texto), urls.actividad(doc.id, f.id), desde) for f in filas))
        lineas.append(f"- **Fuente:** {md(ficha.fuente.describir())}")
        lineas.append("")
        lineas += bloque_avisos(grafo.avisos_de(doc, ficha))
    return lineas


def _sesiones_programadas(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.sesiones_programadas:
        return []
    lineas = ["## Sesiones programadas {#sesiones-programadas}", "",
              "| Sesión | Como la escribe la fuente | Mes | Sesión celebrada |",
              "| --- | --- | --- | --- |"]
    for programada in doc.sesiones_programadas:
        celebradas = grafo.celebradas_de.get(f"{doc.id}/{programada.id}", [])
        celebrada = "; ".join(enlace(fecha_larga(s.fecha), urls.sesion(s.id), desde)
                              for s in celebradas) or "Sin registro en los documentos publicados"
        tipo = TIPOS_SESION[programada.tipo]
        ordinal = f"{programada.ordinal}.ª {tipo}" if programada.ordinal else tipo
        lineas.append(f"| {ancla_html(programada.id)}{ordinal} | {md(programada.texto)} | "
                      f"{nombre_mes(programada.mes)} | {celebrada} |")
    return lineas + [""]


def _integrantes(doc: Documento) -> list[str]:
    if not doc.integrantes:
        return []
    lineas = ["## Integrantes {#integrantes}", "", "| Nombre | Cargo |", "| --- | --- |"]
    lineas += [f"| {md(i.nombre)} | {md(i.cargo)} |" for i in doc.integrantes]
    return lineas + [""]


def _sesiones(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.sesiones:
        return []
    lineas = ["## Sesiones que nombra {#sesiones}", ""]
    for sesion in doc.sesiones:
        lineas.append(f"- {enlace(md(sesion.texto), urls.sesion(sesion.id), desde)} "
                      f"({fecha_larga(sesion.fecha)}){_avisos_en_linea(grafo.avisos_de(doc, sesion))}")
    return lineas + [""]


def _compromiso(doc: Documento, compromiso: Compromiso, grafo: Grafo, desde: str) -> list[str]:
    sesion = grafo.sesiones[compromiso.sesion]
    area = grafo.areas[compromiso.area]
    lineas = [f"### Compromiso {compromiso.numero} {{#{compromiso.id}}}", ""]
    lineas += bloque_avisos(grafo.avisos_de(doc, compromiso))
    lineas += [f"**Acuerdo o compromiso.** {enlazar(compromiso.texto, desde, grafo)}", "",
               f"**Avance o cumplimiento.** {enlazar(compromiso.avance, desde, grafo)}", "",
               f"- **Sesión:** {enlace(md(compromiso.sesion_texto), urls.sesion(sesion.id), desde)}"
               f" (celebrada el {fecha_larga(sesion.fecha)})",
               f"- **Área responsable:** {enlace(md(compromiso.area_texto), urls.area(area.id), desde)}",
               f"- **Estatus:** {md(compromiso.estatus_texto)}",
               f"- **Porcentaje de avance:** {numero(compromiso.porcentaje)} %"]
    if compromiso.acuerdos:
        partes = []
        for numero_acuerdo in compromiso.acuerdos:
            texto = enlace(numero_acuerdo, urls.acuerdo(numero_acuerdo), desde)
            oficial = grafo.acuerdos[numero_acuerdo].primero("enlace")
            if oficial:
                texto += f" ([documento oficial de {numero_acuerdo}]({oficial}))"
            partes.append(texto)
        lineas.append("- **Cumplido mediante:** " + "; ".join(partes))
    for ref in compromiso.temas:
        encontrado = grafo.ficha_de_tema(ref)
        if encontrado:
            programa, tema = encontrado
            indice = programa.temas.index(tema) + 1
            lineas.append(f"- **Tema del programa sobre el que informa:** "
                          f"{enlace(f'tema {indice}', urls.tema(programa.id, tema.id), desde)} del "
                          f"{enlace(md(programa.titulo_corto), urls.documento(programa.id), desde)}"
                          f" — {md(tema.texto)}")
    lineas += [f"- **Fuente:** {md(compromiso.fuente.describir())}", ""]
    return lineas


def _compromisos(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.compromisos:
        return []
    concluidos = sum(1 for c in doc.compromisos if c.estatus == "concluido")
    lineas = ["## Compromisos y acuerdos {#compromisos}", "",
              f"{len(doc.compromisos)} compromisos: {concluidos} concluidos y "
              f"{len(doc.compromisos) - concluidos} en curso.", "",
              "| No. | Sesión | Área responsable | Estatus | Avance |",
              "| --- | --- | --- | --- | --- |"]
    for compromiso in doc.compromisos:
        sesion = grafo.sesiones[compromiso.sesion]
        lineas.append(
            f"| {enlace(f'Compromiso {compromiso.numero}', urls.compromiso(doc.id, compromiso.id), desde)}"
            f" | {enlace(md(compromiso.sesion_texto), urls.sesion(sesion.id), desde)}"
            f" | {enlace(md(compromiso.area_texto), urls.area(compromiso.area), desde)}"
            f" | {md(compromiso.estatus_texto)} | {numero(compromiso.porcentaje)} % |")
    lineas.append("")
    for compromiso in doc.compromisos:
        lineas += _compromiso(doc, compromiso, grafo, desde)
    return lineas


def _acuerdos(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    numeros = [a.numero for a in doc.acuerdos]
    numeros += [n for n in grafo.acuerdos_mencionados_en(doc.id) if n not in numeros]
    if not numeros:
        return []
    lineas = ["## Acuerdos que cita {#acuerdos}", ""]
    for numero_acuerdo in sorted(numeros, key=clave_acuerdo):
        declarado = next((a for a in doc.acuerdos if a.numero == numero_acuerdo), None)
        resumen = f": aprueba {md(declarado.aprueba)}" if declarado and declarado.aprueba else ""
        lineas.append(f"- {enlace(numero_acuerdo, urls.acuerdo(numero_acuerdo), desde)}{resumen}")
    return lineas + [""]


def _cifras(doc: Documento) -> list[str]:
    if not doc.cifras_publicadas:
        return []
    lineas = ["## Cifras que publica el documento {#cifras}", "",
              "| Grupo | Indicador | Valor | Texto de la fuente |", "| --- | --- | --- | --- |"]
    for cifra in doc.cifras_publicadas:
        valor = numero(cifra.valor) + (" %" if cifra.unidad == "porcentaje" else "")
        lineas.append(f"| {ancla_html(cifra.id)}{md(cifra.grupo) or '—'} | "
                      f"{md(cifra.indicador)} | {valor} | «{md(cifra.cita)}» |")
    return lineas + [""]


def pagina_documento(doc: Documento, grafo: Grafo, extra: list[str] | None = None) -> Pagina:
    """La página completa de un documento; ``extra``: líneas de Markdown que siguen a los datos
    del documento (el apartado del anexo para la Gaceta)."""
    desde = urls.documento(doc.id).ruta
    avisos = grafo.avisos_de_archivo(doc.archivo)
    lineas = [f"# {md(doc.titulo_corto)}", "", f"**{md(doc.titulo)}**", "",
              "## Datos del documento {#datos}", ""]
    lineas += _metadatos(doc, grafo, desde) + [""]
    vistas = []
    if calendario.tiene_calendario(doc):
        vistas.append(enlace("Calendario: rejilla de meses y línea de tiempo", urls.calendario_documento(doc.id),
                             desde))
    if graficas_documento(doc, grafo):
        vistas.append(enlace("Cifras y gráficas", urls.graficas_documento(doc.id), desde))
    if vistas:
        lineas += ["Otras vistas de este documento: " + " · ".join(vistas) + ".", ""]
    lineas += extra or []
    if avisos:
        destino = urls.Destino(urls.AVISOS.ruta, f"documento-{doc.id}")
        lineas += [f'!!! warning "{len(avisos)} aviso(s) de coherencia"', "",
                   f"    La validación encontró {len(avisos)} incoherencia(s) en la fuente de este "
                   f"documento; se publican tal como son y se señalan junto a cada registro. "
                   f"{enlace('Ver todos los avisos', destino, desde)}.", ""]
    lineas += _siglas(doc)
    for seccion in doc.secciones:
        lineas += [f"## {md(seccion.titulo)} {{#seccion-{seccion.id}}}", "",
                   prosa(seccion.texto, desde, grafo), ""]
    lineas += _ejes(doc, grafo)
    lineas += _objetivos(doc, grafo, desde)
    lineas += _lineas(doc, grafo, desde)
    lineas += _mecanismos(doc, grafo, desde)
    lineas += _temas(doc, grafo, desde)
    lineas += _cronograma(doc, grafo, desde)
    lineas += _fichas(doc, grafo, desde)
    lineas += _sesiones_programadas(doc, grafo, desde)
    lineas += _integrantes(doc)
    lineas += _sesiones(doc, grafo, desde)
    lineas += _compromisos(doc, grafo, desde)
    lineas += _acuerdos(doc, grafo, desde)
    lineas += _cifras(doc)
    contenido = con_siglas("\n".join(lineas), doc.siglas, siglas_del_sitio(grafo))
    return Pagina(desde, doc.titulo_corto, contenido, descripcion=doc.titulo,
                  institucion=doc.institucion)
