"""Página de un documento: metadatos, acuerdo que lo aprueba y todo su contenido."""

from __future__ import annotations

from .. import urls
from ..enlaces import Grafo, clave_acuerdo
from ..modelo import TIPOS_DOCUMENTO, TIPOS_SESION, Documento
from ..texto import fecha_larga, nombre_mes, numero
from .comun import (
    Pagina,
    describir_calendario,
    enlace,
    enlazar,
    md,
    pie_siglas,
    prosa,
)


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
    lineas = ["| Dato | Valor |", "| --- | --- |"]
    lineas += [f"| {clave} | {valor} |" for clave, valor in filas]
    return lineas


def _siglas(doc: Documento) -> list[str]:
    if not doc.siglas:
        return []
    lineas = ["## Siglas {#siglas}", "", "| Sigla | Significado |", "| --- | --- |"]
    lineas += [f"| {md(s.sigla)} | {md(s.significado)} |" for s in doc.siglas]
    return lineas + [""]


def _ejes(doc: Documento) -> list[str]:
    if not doc.ejes:
        return []
    lineas = ["## Ejes {#ejes}", ""]
    for eje in doc.ejes:
        numero_eje = f"**{eje.numero}.** " if eje.numero else ""
        lineas.append(f'- <span id="eje-{eje.id}"></span>{numero_eje}{md(eje.texto)}')
        for variante in eje.variantes:
            lineas.append(f"    - *Otra redacción en la fuente ({md(variante.fuente.describir())}):*"
                          f" {md(variante.texto)}")
    return lineas + [""]


def _objetivos(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.objetivos:
        return []
    lineas = ["## Objetivos {#objetivos}", ""]
    for nivel, titulo in (("general", "Objetivos generales"), ("especifico",
                                                             "Objetivos específicos")):
        propios = [o for o in doc.objetivos if o.nivel == nivel]
        if not propios:
            continue
        lineas += [f"### {titulo}", ""]
        for objetivo in propios:
            numero_obj = f"**{md(objetivo.numero)}** " if objetivo.numero else ""
            lineas.append(f'- <span id="objetivo-{objetivo.id}"></span>{numero_obj}'
                          f"{enlazar(objetivo.texto, desde, grafo)}")
        lineas.append("")
    return lineas


def _lineas(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.lineas_accion:
        return []
    lineas = ["## Líneas de acción {#lineas-accion}", ""]
    grupo_actual: str | None = None
    objetivos = {o.id: o for o in doc.objetivos}
    for linea in doc.lineas_accion:
        if linea.grupo != grupo_actual and linea.grupo:
            lineas += ["", f"### {md(linea.grupo)}", ""]
            grupo_actual = linea.grupo
            objetivo = objetivos.get(linea.objetivo or "")
            if objetivo:
                lineas += [f"Corresponde al objetivo "
                           f"{enlace(md(objetivo.numero or objetivo.id), urls.ancla(doc.id, 'objetivo', objetivo.id), desde)}.", ""]
        numero_linea = f"**{md(linea.numero)}** " if linea.numero else ""
        lineas.append(f'- <span id="linea-{linea.id}"></span>{numero_linea}'
                      f"{enlazar(linea.texto, desde, grafo)}")
        if linea.calendario:
            lineas.append(f"    - Calendario: {describir_calendario(linea.calendario)}")
    return lineas + [""]


def _mecanismos(doc: Documento, desde: str) -> list[str]:
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
        lineas += [f"### {md(mecanismo.titulo_tabla)} {{#mecanismo-{mecanismo.id}}}", "",
                   f"| {md(mecanismo.encabezado or 'Actividad')} | Calendario |", "| --- | --- |"]
        for actividad in mecanismo.actividades:
            marca = f" {md(actividad.marca)}" if actividad.marca else ""
            lineas.append(f"| {enlace(md(actividad.texto), urls.actividad(doc.id, actividad.id), desde)}"
                          f"{marca} | {describir_calendario(actividad.calendario)} |")
        lineas.append("")
        for nota in mecanismo.notas:
            lineas += [f"{md(nota.marca)} {md(nota.texto)}", ""]
    return lineas


def _temas(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.temas:
        return []
    lineas = ["## Temas {#temas}", "", f"{len(doc.temas)} temas, en el orden de la fuente.", "",
              "| Núm. | Tema | Área | Meses | Observaciones |", "| --- | --- | --- | --- | --- |"]
    for numero_tema, tema in enumerate(doc.temas, start=1):
        area = (enlace(md(grafo.areas[tema.area].siglas or grafo.areas[tema.area].nombre),
                       urls.area(tema.area), desde) if tema.area else "—")
        lineas.append(f"| {numero_tema} | {enlace(md(tema.texto), urls.tema(doc.id, tema.id), desde)}"
                      f" | {area} | {describir_calendario(tema.calendario)} | "
                      f"{md(tema.observaciones) or '—'} |")
    return lineas + [""]


def _cronograma(doc: Documento, desde: str) -> list[str]:
    crono = doc.cronograma
    if crono is None:
        return []
    lineas = ["## Cronograma {#cronograma}", "", f"**{md(crono.titulo)}**"
              + (f" {md(crono.periodo_declarado)}" if crono.periodo_declarado else ""), "",
              f"| {md(crono.encabezado or 'Actividad')} | Calendario |", "| --- | --- |"]
    for fila in crono.filas:
        marca = f" {md(fila.marca)}" if fila.marca else ""
        lineas.append(f"| {enlace(md(fila.texto), urls.actividad(doc.id, fila.id), desde)}{marca}"
                      f" | {describir_calendario(fila.calendario)} |")
    lineas.append("")
    for nota in crono.notas:
        lineas += [f"{md(nota.marca)} {md(nota.texto)}", ""]
    return lineas


def _fichas(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.fichas:
        return []
    lineas = ["## Fichas técnicas {#fichas}", ""]
    for indice, ficha in enumerate(doc.fichas, start=1):
        lineas += [f"### Ficha técnica {indice} {{#ficha-{ficha.id}}}", ""]
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
        lineas.append("")
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
        ordinal = f"{programada.ordinal}.ª {TIPOS_SESION[programada.tipo]}" if (
            programada.ordinal) else TIPOS_SESION[programada.tipo]
        lineas.append(f'| <span id="sesion-programada-{programada.id}"></span>{ordinal} | '
                      f"{md(programada.texto)} | {nombre_mes(programada.mes)} | {celebrada} |")
    return lineas + [""]


def _integrantes(doc: Documento) -> list[str]:
    if not doc.integrantes:
        return []
    lineas = ["## Integrantes {#integrantes}", "", "| Nombre | Cargo |", "| --- | --- |"]
    lineas += [f"| {md(i.nombre)} | {md(i.cargo)} |" for i in doc.integrantes]
    return lineas + [""]


def _sesiones(doc: Documento, desde: str) -> list[str]:
    if not doc.sesiones:
        return []
    lineas = ["## Sesiones que nombra {#sesiones}", ""]
    for sesion in doc.sesiones:
        lineas.append(f"- {enlace(md(sesion.texto), urls.sesion(sesion.id), desde)} "
                      f"({fecha_larga(sesion.fecha)})")
    return lineas + [""]


def _compromisos(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    if not doc.compromisos:
        return []
    concluidos = sum(1 for c in doc.compromisos if c.estatus == "concluido")
    lineas = ["## Compromisos y acuerdos {#compromisos}", "",
              f"{len(doc.compromisos)} compromisos: {concluidos} concluidos y "
              f"{len(doc.compromisos) - concluidos} en curso.", "",
              "| No. | Sesión | Compromiso | Área responsable | Estatus | Avance |",
              "| --- | --- | --- | --- | --- | --- |"]
    for compromiso in doc.compromisos:
        sesion = grafo.sesiones[compromiso.sesion]
        lineas.append(
            f"| {compromiso.numero} | {enlace(md(compromiso.sesion_texto), urls.sesion(sesion.id), desde)}"
            f" | {enlace(md(compromiso.texto), urls.compromiso(doc.id, compromiso.id), desde)}"
            f" | {enlace(md(compromiso.area_texto), urls.area(compromiso.area), desde)}"
            f" | {md(compromiso.estatus_texto)} | {numero(compromiso.porcentaje)} % |")
    return lineas + [""]


def _acuerdos(doc: Documento, grafo: Grafo, desde: str) -> list[str]:
    numeros = [a.numero for a in doc.acuerdos]
    for ficha in grafo.acuerdos.values():
        if any(m.documento == doc.id for m in ficha.menciones) and ficha.numero not in numeros:
            numeros.append(ficha.numero)
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
        lineas.append(f'| <span id="cifra-{cifra.id}"></span>{md(cifra.grupo) or "—"} | '
                      f"{md(cifra.indicador)} | {valor} | «{md(cifra.cita)}» |")
    return lineas + [""]


def pagina_documento(doc: Documento, grafo: Grafo) -> Pagina:
    """La página completa de un documento."""
    desde = urls.documento(doc.id).ruta
    avisos = [a for a in grafo.avisos_lista if a.archivo == doc.archivo]
    lineas = [f"# {md(doc.titulo_corto)}", "", f"**{md(doc.titulo)}**", ""]
    lineas += _metadatos(doc, grafo, desde) + [""]
    if avisos:
        lineas += [f'!!! warning "{len(avisos)} aviso(s) de coherencia"', "",
                   f"    La validación encontró {len(avisos)} incoherencia(s) en la fuente de este "
                   f"documento; se publican tal como son. "
                   f"{enlace('Ver los avisos', urls.Destino(urls.AVISOS.ruta, 'documento-' + doc.id), desde)}.",
                   ""]
    lineas += _siglas(doc)
    for seccion in doc.secciones:
        lineas += [f"## {md(seccion.titulo)} {{#seccion-{seccion.id}}}", "",
                   prosa(seccion.texto, desde, grafo), ""]
    lineas += _ejes(doc)
    lineas += _objetivos(doc, grafo, desde)
    lineas += _lineas(doc, grafo, desde)
    lineas += _mecanismos(doc, desde)
    lineas += _temas(doc, grafo, desde)
    lineas += _cronograma(doc, desde)
    lineas += _fichas(doc, grafo, desde)
    lineas += _sesiones_programadas(doc, grafo, desde)
    lineas += _integrantes(doc)
    lineas += _sesiones(doc, desde)
    lineas += _compromisos(doc, grafo, desde)
    lineas += _acuerdos(doc, grafo, desde)
    lineas += _cifras(doc)
    contenido = "\n".join(lineas) + pie_siglas(doc.siglas)
    return Pagina(desde, doc.titulo_corto, contenido, descripcion=doc.titulo)
