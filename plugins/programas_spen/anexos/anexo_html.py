"""El anexo de un documento en HTML, con la forma de los anexos oficiales, listo para imprimir
y para convertirse en PDF (WeasyPrint): función pura modelo + grafo → HTML.

El mismo HTML es la vista de impresión del sitio (``/documentos/<doc>/anexo/``) y la entrada
del PDF, de modo que el anexo impreso, la página web y los datos abiertos no pueden discrepar.
Lleva, como los anexos de la fuente:

- el encabezado de la institución en cada página (``@page``), el órgano que lo emite, el
  título y el rótulo «Anexo …» con el acuerdo al que pertenece (número, órgano y fecha);
- las siglas, la introducción y demás apartados, y las tablas de calendario por mecanismo o
  apartado con sus columnas de meses (en páginas apaisadas, con los encabezados de tabla
  repetidos en cada página y sin partir filas) y sus notas al pie con su marca (``*``);
- lo que la fuente no dio, escrito como tal («No dado en la fuente»), nunca como celdas vacías;
- no lleva lo que el documento solo nombra y el sitio enlaza (las sesiones celebradas, los
  acuerdos que cita): eso está en su prosa, en la portada, en las notas al pie de la fuente o
  en su página;
- «Página x de y», la URL permanente en cada página y, en la primera, un código QR de ella y la
  dirección corta del acuerdo.

Los enlaces son relativos a la vista (``../``): en el PDF, WeasyPrint los resuelve contra la
URL absoluta de la vista y quedan absolutos.
"""

from __future__ import annotations

import re
from html import escape

import markdown

from programas_spen.anexos.citas import de_articulo, rotulo_anexo, url_corta
from programas_spen.anexos.integridad import FichaAnexo, tamano_legible
from programas_spen.anexos.meses import (
    NO_DADO,
    anotaciones,
    cabecera_meses,
    celdas_meses,
    describir_calendario,
    leyenda,
    plano,
)
from programas_spen.anexos.qr import qr_svg
from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import TIPOS_SESION, Calendario, Documento, Nota
from programas_spen.modelo.texto import fecha_larga, nombre_mes, numero
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import Grafo

#: Familias tipográficas libres, instaladas del sistema (fonts-liberation2, fonts-dejavu-core)
#: y encontradas por fontconfig; WeasyPrint incrusta sus subconjuntos en el PDF.
FUENTES = '"Liberation Sans", "DejaVu Sans", sans-serif'


def _e(texto: str | None) -> str:
    """Texto literal de la fuente, escapado para HTML y en una sola línea."""
    return escape(" ".join((texto or "").split()))


def _cadena_css(texto: str) -> str:
    """Cadena CSS entre comillas para ``content``."""
    plano = " ".join(texto.split()).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{plano}"'


def _prosa(texto: str, nivel: int = 3) -> str:
    """Markdown literal de un apartado en HTML; sus encabezados empiezan en ``nivel``."""
    html = markdown.markdown(texto.strip(), extensions=["tables", "sane_lists"],
                             output_format="html")

    def bajar(encontrado: re.Match[str]) -> str:
        return f"<{encontrado.group(1)}h{min(6, int(encontrado.group(2)) + nivel - 1)}"

    html = re.sub(r"<(/?)h([1-6])", bajar, html)
    # Una celda de encabezado vacía en una tabla de la fuente no es encabezado de nada.
    return html.replace("<th></th>", "<td></td>")


def fecha_metadatos(doc: Documento, grafo: Grafo) -> str:
    """Fecha (AAAA-MM-DD) que fija los metadatos del PDF, tomada de los datos y nunca del reloj:
    la del documento, la de su acuerdo, la de la sesión en que se presentó o el 1 de enero de
    su año."""
    if doc.fecha:
        return doc.fecha
    if doc.aprobado_por and doc.aprobado_por in grafo.acuerdos:
        fecha = grafo.acuerdos[doc.aprobado_por].primero("fecha")
        if fecha:
            return str(fecha)
    if doc.presentado_en and doc.presentado_en.sesion in grafo.sesiones:
        return grafo.sesiones[doc.presentado_en.sesion].fecha
    return f"{doc.anio:04d}-01-01"


def encabezado_institucion(doc: Documento, grafo: Grafo) -> str:
    """Encabezado de página de la institución, como lo escribe la fuente."""
    institucion = grafo.instituciones[doc.institucion]
    return institucion.encabezado or institucion.nombre.upper()


_ESTILO = """
@page {
  size: letter;
  margin: 24mm 18mm 20mm 18mm;
  @top-center { content: ENCABEZADO; font-family: FUENTES; font-size: 10pt; font-weight: bold; }
  @bottom-left { content: PIE; font-family: FUENTES; font-size: 7pt; color: #333; }
  @bottom-right { content: "Página " counter(page) " de " counter(pages);
                  font-family: FUENTES; font-size: 8pt; }
}
@page vertical { size: letter; }
@page apaisada { size: letter landscape; }
html { font-family: FUENTES; font-size: 10pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 8pt; }
h2 { font-size: 11.5pt; margin: 14pt 0 6pt; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 10pt 0 4pt; break-after: avoid; }
h4, h5, h6 { font-size: 10pt; margin: 8pt 0 4pt; break-after: avoid; }
p, li { text-align: justify; orphans: 2; widows: 2; }
a { color: #000; }
.organo { text-align: center; font-weight: bold; text-transform: uppercase; margin: 0 0 8pt; }
.rotulo, .datos { text-align: center; margin: 0 0 6pt; }
.rotulo { font-weight: bold; }
.registro-vivo { border: 0.6pt solid #000; padding: 6pt 8pt; margin: 10pt 0 12pt;
                 display: flex; gap: 10pt; align-items: center; break-inside: avoid; }
.registro-vivo img { width: 30mm; height: 30mm; flex: none; }
.registro-vivo p { margin: 2pt 0; text-align: left; font-size: 8.5pt; }
.url { word-break: break-all; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 8.5pt; }
caption { font-weight: bold; text-align: left; padding: 2pt 0; caption-side: top; }
thead { display: table-header-group; }
tr, th, td { break-inside: avoid; }
th, td { border: 0.5pt solid #444; padding: 2pt 3pt; vertical-align: top; text-align: left; }
thead th { background: #e6e6e6; text-align: center; vertical-align: middle; }
th.mes, td.mes { width: 7mm; text-align: center; vertical-align: middle; padding: 2pt 0; }
td.no-dado, td.palabras, td.permanente { text-align: center; vertical-align: middle;
                                          font-style: italic; }
td.num { text-align: center; width: 9mm; }
main > * { page: vertical; }
main > .apaisada { page: apaisada; }
abbr { text-decoration: none; }
.notas { font-size: 8.5pt; margin: 0 0 10pt; }
.notas p { margin: 1pt 0; }
.leyenda { font-size: 8.5pt; }
.ficha th { width: 28mm; background: #f0f0f0; }
.ficha { margin-bottom: 12pt; }
.sin-vinetas { list-style: none; padding-left: 0; }
.nota-edicion { font-size: 8.5pt; border-top: 0.6pt solid #000; margin-top: 16pt; padding-top: 4pt; }
.solo-pantalla { display: none; }
@media screen {
  body { max-width: 62rem; margin: 0 auto; padding: 1rem; }
  .solo-pantalla { display: block; }
  .institucion { text-align: center; font-weight: bold; font-size: 11pt; }
  nav.solo-pantalla { border-bottom: 1px solid #999; padding-bottom: .5rem; margin-bottom: 1rem; }
  nav a { color: #1a237e; }
  .huella { font-family: "DejaVu Sans Mono", monospace; word-break: break-all; }
  .tabla { overflow-x: auto; }
}
"""


def _estilo(doc: Documento, grafo: Grafo, url_pagina: str) -> str:
    return (_ESTILO.replace("ENCABEZADO", _cadena_css(encabezado_institucion(doc, grafo)))
            .replace("PIE", _cadena_css(url_pagina)).replace("FUENTES", FUENTES))


def _enlace(href: str, texto: str, clase: str = "") -> str:
    atributo = f' class="{clase}"' if clase else ""
    return f'<a href="{escape(href)}"{atributo}>{texto}</a>'


def _portada(doc: Documento, grafo: Grafo, url_base: str, desde: str) -> list[str]:
    organo = grafo.organos[doc.organo]
    url_pagina = urls.absoluta(url_base, urls.documento(doc.id).url())
    partes = [f'<p class="institucion solo-pantalla">{_e(encabezado_institucion(doc, grafo))}</p>',
              f'<p class="organo">{_e(organo.nombre)}</p>',
              f"<h1>{_e(doc.titulo)}</h1>"]
    rotulo = rotulo_anexo(doc, grafo)
    if rotulo:
        partes.append(f'<p class="rotulo">{_e(rotulo)}</p>')
    datos = []
    if doc.fecha:
        datos.append(f"Fecha: {fecha_larga(doc.fecha)}")
    if doc.presentado_en and doc.presentado_en.sesion in grafo.sesiones:
        sesion = grafo.sesiones[doc.presentado_en.sesion]
        organo_sesion = grafo.organos.get(sesion.organo)
        texto = f"Presentado en la sesión {TIPOS_SESION.get(sesion.tipo, sesion.tipo)}"
        if organo_sesion:
            texto += f" {de_articulo(organo_sesion.nombre)}"
        texto += f" del {fecha_larga(sesion.fecha)}"
        if doc.presentado_en.punto:
            texto += f", punto {_e(doc.presentado_en.punto)} del orden del día"
        datos.append(texto)
    if datos:
        partes.append(f'<p class="datos">{"<br>".join(datos)}</p>')
    vivo = [f"<p><strong>Registro vivo de este documento</strong> (página, datos abiertos y "
            f"enlaces):<br>{_enlace(urls.relativa(urls.documento(doc.id).url(), desde), escape(url_pagina), 'url')}"
            f"</p>"]
    corta = url_corta(doc.aprobado_por, url_base) if doc.aprobado_por else None
    if doc.aprobado_por and corta:
        destino = urls.url_de_archivo(urls.ruta_corta_acuerdo(doc.aprobado_por) or "")
        vivo.append(f"<p><strong>Acuerdo {_e(doc.aprobado_por)}:</strong><br>"
                    f"{_enlace(urls.relativa(destino, desde), escape(corta), 'url')}</p>")
    vivo.append(f"<p>Identificador del documento: {_e(doc.id)}</p>")
    partes += ['<div class="registro-vivo">',
               f'<img src="{qr_svg(url_pagina)}" alt="Código QR de la URL permanente del documento: '
               f'{escape(url_pagina)}" width="113" height="113">',
               "<div>", *vivo, "</div>", "</div>"]
    return ["<header>", *partes, "</header>"]


def _navegacion(doc: Documento, vista: FichaAnexo, desde: str) -> list[str]:
    """Barra solo de pantalla de la vista de impresión: volver, descargar y huella."""
    enlaces = [_enlace(urls.relativa(urls.documento(doc.id).url(), desde),
                       "← Página del documento")]
    if vista.ruta_pdf:
        detalle = []
        if vista.bytes is not None:
            detalle.append(tamano_legible(vista.bytes))
        if vista.paginas is not None:
            detalle.append(f"{vista.paginas} páginas")
        texto = "Descargar el anexo en PDF" + (f" ({', '.join(detalle)})" if detalle else "")
        enlaces.append(f'<a href="{escape(urls.relativa(vista.ruta_pdf, desde))}" '
                       f'download="{escape(urls.descarga_anexo(doc.id))}">{texto}</a>')
    elif vista.pdf_pendiente:
        enlaces.append("PDF en preparación (vista previa)")
    enlaces.append(_enlace(urls.relativa(urls.ANEXOS.url(), desde), "Todos los anexos"))
    lineas = ['<nav class="solo-pantalla" aria-label="Anexo">', "<p>" + " · ".join(enlaces) + "</p>"]
    if vista.sha256:
        lineas.append(f'<p>SHA-256 del PDF: <span class="huella">{vista.sha256}</span></p>')
    lineas.append("<p>Esta es la vista de impresión: imprímala desde el navegador o descargue "
                  "el PDF.</p>")
    return [*lineas, "</nav>"]


def _siglas(doc: Documento) -> list[str]:
    if not doc.siglas:
        return []
    filas = [f"<tr><th scope=\"row\">{_e(s.sigla)}</th><td>{_e(s.significado)}</td></tr>"
             for s in doc.siglas]
    return ['<section id="siglas">', "<h2>Siglas</h2>", "<table>",
            '<thead><tr><th scope="col">Sigla</th><th scope="col">Significado</th></tr></thead>',
            "<tbody>", *filas, "</tbody>", "</table>", "</section>"]


def _en_la_prosa(doc: Documento, textos: list[str]) -> bool:
    """Si todos los textos ya están, literalmente, en los apartados de prosa del documento
    (como los ejes rectores de la introducción del PAT 2020): no se repiten."""
    prosa = plano(" ".join(s.texto for s in doc.secciones))
    return bool(textos) and all(plano(t) in prosa for t in textos)


def _secciones(doc: Documento) -> list[str]:
    lineas = []
    for seccion in doc.secciones:
        lineas += [f'<section id="seccion-{escape(seccion.id)}">', f"<h2>{_e(seccion.titulo)}</h2>",
                   _prosa(seccion.texto), "</section>"]
    return lineas


def _ejes(doc: Documento) -> list[str]:
    if not doc.ejes or _en_la_prosa(doc, [e.texto for e in doc.ejes]):
        return []
    elementos = [f'<li id="{escape(e.id)}">' + (f"<strong>{e.numero}.</strong> " if e.numero else "")
                 + f"{_e(e.texto)}</li>" for e in doc.ejes]
    return ['<section id="ejes">', "<h2>Ejes</h2>", '<ul class="sin-vinetas">', *elementos, "</ul>",
            "</section>"]


def _objetivos(doc: Documento) -> list[str]:
    if not doc.objetivos or _en_la_prosa(doc, [o.texto for o in doc.objetivos]):
        return []
    lineas = ['<section id="objetivos">', "<h2>Objetivos</h2>"]
    for nivel, titulo in (("general", "Objetivos generales"), ("especifico", "Objetivos específicos")):
        propios = [o for o in doc.objetivos if o.nivel == nivel]
        if not propios:
            continue
        lineas += [f"<h3>{titulo}</h3>", "<ul>"]
        lineas += [f'<li id="{escape(o.id)}">' + (f"<strong>{_e(o.numero)}</strong> " if o.numero else "")
                   + f"{_e(o.texto)}</li>" for o in propios]
        lineas.append("</ul>")
    return [*lineas, "</section>"]


def _lineas_accion(doc: Documento) -> list[str]:
    if not doc.lineas_accion or _en_la_prosa(doc, [la.texto for la in doc.lineas_accion]):
        return []
    lineas = ['<section id="lineas-accion">', "<h2>Líneas de acción</h2>"]
    grupo: str | None = None
    abierta = False
    for linea in doc.lineas_accion:
        if linea.grupo != grupo or not abierta:
            if abierta:
                lineas.append("</ul>")
            if linea.grupo and linea.grupo != grupo:
                lineas.append(f"<h3>{_e(linea.grupo)}</h3>")
            grupo = linea.grupo
            lineas.append("<ul>")
            abierta = True
        texto = (f"<strong>{_e(linea.numero)}</strong> " if linea.numero else "") + _e(linea.texto)
        if linea.calendario:
            texto += f"<br>Calendario: {describir_calendario(linea.calendario)}"
        lineas.append(f'<li id="{escape(linea.id)}">{texto}</li>')
    if abierta:
        lineas.append("</ul>")
    return [*lineas, "</section>"]


def _notas(notas: tuple[Nota, ...]) -> list[str]:
    if not notas:
        return []
    return ['<div class="notas">', *[f"<p>{_e(n.marca)} {_e(n.texto)}</p>" for n in notas], "</div>"]


def _texto_marcado(texto: str, marca: str | None) -> str:
    """El texto con su marca de nota al pie pegada, como en la fuente («…Formación.*»)."""
    return _e(texto) + (_e(marca) if marca else "")


def _mecanismos(doc: Documento, columnas: tuple[str, ...]) -> list[str]:
    if not doc.mecanismos:
        return []
    lineas = ['<section id="mecanismos" class="apaisada">', f"<h2>{_e(doc.titulo)}</h2>"]
    if columnas:
        lineas.append(leyenda(columnas))
    for mecanismo in doc.mecanismos:
        lineas += [f'<table id="{escape(mecanismo.id)}">', f"<caption>{_e(mecanismo.titulo_tabla)}</caption>"]
        encabezado = _e(mecanismo.encabezado or "Actividad")
        if columnas:
            lineas += cabecera_meses(columnas, [encabezado], [])
        else:
            lineas.append(f'<thead><tr><th scope="col">{encabezado}</th><th scope="col">Calendario</th>'
                          "</tr></thead>")
        lineas.append("<tbody>")
        for actividad in mecanismo.actividades:
            texto = (_texto_marcado(actividad.texto, actividad.marca)
                     + anotaciones(actividad.calendario, actividad.texto))
            celdas = (celdas_meses(actividad.calendario, columnas) if columnas
                      else f"<td>{describir_calendario(actividad.calendario)}</td>")
            lineas.append(f'<tr id="{escape(actividad.id)}"><td>{texto}</td>{celdas}</tr>')
        lineas += ["</tbody>", "</table>", *_notas(mecanismo.notas)]
    return [*lineas, "</section>"]


def _temas(doc: Documento, columnas: tuple[str, ...]) -> list[str]:
    if not doc.temas:
        return []
    titulo = "Temas"
    if doc.anexo:
        titulo = f"Anexo {_e(doc.anexo.numero)}" + (f". {_e(doc.anexo.titulo)}" if doc.anexo.titulo else "")
    lineas = ['<section id="temas" class="apaisada">', f"<h2>{titulo}</h2>"]
    if columnas:
        lineas.append(leyenda(columnas))
    lineas += ["<table>", f"<caption>{_e(doc.titulo)}</caption>"]
    if columnas:
        lineas += cabecera_meses(columnas, ["Núm.", "Temas"], ["Observaciones"])
    else:
        lineas.append('<thead><tr><th scope="col">Núm.</th><th scope="col">Temas</th>'
                      '<th scope="col">Calendario</th><th scope="col">Observaciones</th></tr></thead>')
    lineas.append("<tbody>")
    for indice, tema in enumerate(doc.temas, start=1):
        texto = _e(tema.texto) + anotaciones(tema.calendario, tema.texto + " " + (tema.observaciones or ""))
        celdas = (celdas_meses(tema.calendario, columnas) if columnas
                  else f"<td>{describir_calendario(tema.calendario)}</td>")
        lineas.append(f'<tr id="{escape(tema.id)}"><td class="num">{indice}</td><td>{texto}</td>{celdas}'
                      f"<td>{_e(tema.observaciones)}</td></tr>")
    return [*lineas, "</tbody>", "</table>", "</section>"]


def _cronograma(doc: Documento, columnas: tuple[str, ...]) -> list[str]:
    crono = doc.cronograma
    if crono is None:
        return []
    titulo = _e(crono.titulo) + (f" {_e(crono.periodo_declarado)}" if crono.periodo_declarado else "")
    lineas = ['<section id="cronograma" class="apaisada">', f"<h2>{titulo}</h2>"]
    if columnas:
        lineas.append(leyenda(columnas))
    encabezado = _e(crono.encabezado or "Actividad")
    lineas += ["<table>", f"<caption>{_e(crono.titulo)}</caption>"]
    if columnas:
        lineas += cabecera_meses(columnas, ["Núm.", encabezado], [])
    else:
        lineas.append(f'<thead><tr><th scope="col">Núm.</th><th scope="col">{encabezado}</th>'
                      '<th scope="col">Calendario</th></tr></thead>')
    lineas.append("<tbody>")
    for indice, fila in enumerate(crono.filas, start=1):
        texto = _texto_marcado(fila.texto, fila.marca) + anotaciones(fila.calendario, fila.texto)
        celdas = (celdas_meses(fila.calendario, columnas) if columnas
                  else f"<td>{describir_calendario(fila.calendario)}</td>")
        lineas.append(f'<tr id="{escape(fila.id)}"><td class="num">{indice}</td><td>{texto}</td>{celdas}</tr>')
    return [*lineas, "</tbody>", "</table>", *_notas(crono.notas), "</section>"]


def _fichas(doc: Documento) -> list[str]:
    if not doc.fichas:
        return []
    lineas = ['<section id="fichas">', "<h2>Fichas técnicas</h2>"]
    for indice, ficha in enumerate(doc.fichas, start=1):
        filas: list[tuple[str, str]] = []
        if ficha.ejes:
            filas.append(("Eje", " / ".join(_e(e) for e in ficha.ejes)))
        filas.append(("Línea de acción", _e(ficha.linea_accion)))
        if ficha.objetivos:
            filas.append(("Objetivos", "<ul>" + "".join(f"<li>{_e(o)}</li>" for o in ficha.objetivos)
                          + "</ul>"))
        for etiqueta, valor in (("Actividad", ficha.actividad), ("Periodo", ficha.periodo),
                                ("Participantes", ficha.participantes), ("Lugar", ficha.lugar)):
            if valor:
                filas.append((etiqueta, _e(valor)))
        if not ficha.periodo:
            filas.append(("Periodo", describir_calendario(ficha.calendario)))
        lineas += [f'<table class="ficha" id="{escape(ficha.id)}">',
                   f"<caption>Ficha técnica {indice}</caption>", "<tbody>"]
        lineas += [f'<tr><th scope="row">{etiqueta}</th><td>{valor}</td></tr>' for etiqueta, valor in filas]
        lineas += ["</tbody>", "</table>"]
    return [*lineas, "</section>"]


def _sesiones_programadas(doc: Documento) -> list[str]:
    if not doc.sesiones_programadas:
        return []
    filas = [f'<tr id="{escape(p.id)}"><td>{_e(p.texto)}</td><td>{TIPOS_SESION[p.tipo]}</td>'
             f"<td>{nombre_mes(p.mes)}</td>"
             f"<td>{p.semana if p.semana else NO_DADO}</td></tr>"
             for p in doc.sesiones_programadas]
    return ['<section id="sesiones-programadas">', "<h2>Sesiones programadas</h2>", "<table>",
            '<thead><tr><th scope="col">Sesión (como la escribe la fuente)</th><th scope="col">Tipo</th>'
            '<th scope="col">Mes</th><th scope="col">Semana del mes</th></tr></thead>',
            "<tbody>", *filas, "</tbody>", "</table>", "</section>"]


def _integrantes(doc: Documento) -> list[str]:
    if not doc.integrantes:
        return []
    filas = [f"<tr><td>{_e(i.nombre)}</td><td>{_e(i.cargo)}</td></tr>" for i in doc.integrantes]
    return ['<section id="integrantes">', "<h2>Integrantes</h2>", "<table>",
            '<thead><tr><th scope="col">Nombre</th><th scope="col">Cargo</th></tr></thead>',
            "<tbody>", *filas, "</tbody>", "</table>", "</section>"]


def _compromisos(doc: Documento, grafo: Grafo) -> list[str]:
    if not doc.compromisos:
        return []
    lineas = ['<section id="compromisos" class="apaisada">', "<h2>Compromisos y acuerdos</h2>", "<table>",
              "<caption>Compromisos y acuerdos</caption>",
              '<thead><tr><th scope="col">No.</th><th scope="col">Fecha y tipo de sesión</th>'
              '<th scope="col">Acuerdo/ Compromiso</th><th scope="col">Área Responsable</th>'
              '<th scope="col">Avance/cumplimiento</th><th scope="col">Estatus</th>'
              '<th scope="col">Porcentaje de Avance</th></tr></thead>', "<tbody>"]
    citados: list[str] = []
    for compromiso in doc.compromisos:
        for numero_acuerdo in compromiso.acuerdos:
            if numero_acuerdo not in citados:
                citados.append(numero_acuerdo)
        lineas.append(
            f'<tr id="{escape(compromiso.id)}"><td class="num">{compromiso.numero}</td>'
            f"<td>{_e(compromiso.sesion_texto)}</td><td>{_e(compromiso.texto)}</td>"
            f"<td>{_e(compromiso.area_texto)}</td><td>{_e(compromiso.avance)}</td>"
            f"<td>{_e(compromiso.estatus_texto)}</td><td>{numero(compromiso.porcentaje)} %</td></tr>")
    lineas += ["</tbody>", "</table>"]
    notas = []
    for numero_acuerdo in citados:
        ficha = grafo.acuerdos.get(numero_acuerdo)
        oficial = ficha.primero("enlace") if ficha else None
        if oficial:
            notas.append(f"<p>{_e(numero_acuerdo)}: {_enlace(str(oficial), escape(str(oficial)), 'url')}</p>")
    if notas:
        lineas += ['<div class="notas">', *notas, "</div>"]
    return [*lineas, "</section>"]


def _nota_edicion(doc: Documento) -> list[str]:
    """Al final: de dónde sale esta edición y lo que la fuente perdió (dicho como tal)."""
    notas = sorted({c.nota for c in _calendarios(doc) if c is not None and c.nota})
    lineas = ['<footer class="nota-edicion">', "<h2>Nota sobre esta edición</h2>",
              "<p>Edición generada de los datos abiertos del registro, transcritos literalmente de la "
              f"fuente ({_e(doc.fuente.archivo)}): {_e(doc.fuente.descripcion)}</p>",
              f"<p>Lo que la fuente no da se indica como «{NO_DADO}»; nada se completa ni se "
              "adivina.</p>"]
    if doc.fuente.perdidas:
        lineas.append(f"<p>Lo que perdió la extracción del texto de la fuente: {_e(doc.fuente.perdidas)}</p>")
    lineas += [f"<p>Sobre los calendarios: {_e(n)}</p>" for n in notas]
    return [*lineas, "</footer>"]


def _calendarios(doc: Documento) -> list[Calendario | None]:
    return ([a.calendario for a in doc.actividades] + [t.calendario for t in doc.temas]
            + [la.calendario for la in doc.lineas_accion] + [f.calendario for f in doc.fichas])


def html_anexo(doc: Documento, grafo: Grafo, url_base: str, vista: FichaAnexo | None = None) -> str:
    """El HTML completo del anexo de ``doc``.

    Sin ``vista``, es la entrada del PDF. Con ``vista`` (la ficha del anexo ya generado) es la
    vista de impresión del sitio: añade una barra, solo de pantalla, para volver a la página,
    descargar el PDF y ver su SHA-256."""
    desde = urls.url_de_archivo(urls.anexo_vista(doc.id))
    url_pagina = urls.absoluta(url_base, urls.documento(doc.id).url())
    institucion = grafo.instituciones[doc.institucion]
    fecha = fecha_metadatos(doc, grafo)
    columnas = cal.columnas(doc)
    cabeza = [
        "<!doctype html>",
        '<html lang="es">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(doc.titulo_corto)} — anexo para la Gaceta</title>",
        f'<meta name="author" content="{_e(institucion.nombre)}">',
        f'<meta name="description" content="{_e(doc.titulo)}">',
        f'<meta name="keywords" content="{_e(doc.id)}">',
        '<meta name="generator" content="programas-spen">',
        f'<meta name="dcterms.created" content="{fecha}">',
        f'<meta name="dcterms.modified" content="{fecha}">',
        f'<link rel="canonical" href="{escape(url_pagina)}">',
        f"<style>{_estilo(doc, grafo, url_pagina)}</style>",
        "</head>",
        "<body>",
    ]
    cuerpo = _navegacion(doc, vista, desde) if vista else []
    cuerpo += ["<main>", *_portada(doc, grafo, url_base, desde)]
    cuerpo += _siglas(doc) + _secciones(doc) + _ejes(doc) + _objetivos(doc) + _lineas_accion(doc)
    cuerpo += _mecanismos(doc, columnas) + _temas(doc, columnas) + _fichas(doc) + _cronograma(doc, columnas)
    cuerpo += _sesiones_programadas(doc) + _integrantes(doc)
    cuerpo += _compromisos(doc, grafo) + _nota_edicion(doc)
    return "\n".join([*cabeza, *cuerpo, "</main>", "</body>", "</html>", ""])
