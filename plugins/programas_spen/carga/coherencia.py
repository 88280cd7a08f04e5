"""Avisos de coherencia: lo que la fuente dice de sí misma y no cuadra.

Nada de esto impide publicar: la fuente se conserva tal cual y el aviso se muestra en el
sitio junto al registro. Cada función recibe el modelo ya construido y registra avisos.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from programas_spen.modelo.bloques import Parrafo, Tabla
from programas_spen.modelo.problemas import Informe
from programas_spen.modelo.registros import (
    Calendario,
    Catalogo,
    Datos,
    Documento,
    Fuente,
    Nota,
    Rango,
    Seccion,
)
from programas_spen.modelo.texto import NOMBRES_MESES, fecha_larga, nombre_mes

_ANIO = re.compile(r"\b(19|20)\d{2}\b")


@cache
def _columnas(periodo: Rango) -> frozenset[str]:
    """Los meses de la tabla de un periodo (se consultan por cada registro con calendario)."""
    return frozenset(periodo.meses())


def _aviso(informe: Informe, doc: Documento, linea: int, mensaje: str, ciudadano: str = "") -> None:
    """Un aviso del documento; ``ciudadano``: el mismo, dicho a la ciudadanía junto al registro
    (sin ids, archivos ni líneas), si ``mensaje`` no sirve tal cual."""
    informe.aviso(doc.archivo, linea, 0, mensaje, ciudadano)


def _cumple(registro: object, filtro: dict[str, object]) -> bool:
    return all(getattr(registro, clave, None) == valor for clave, valor in filtro.items())


def conteos(doc: Documento, informe: Informe) -> None:
    """Cada número que afirma la prosa contra los registros."""
    for conteo in doc.conteos:
        registros = [r for r in doc.coleccion(conteo.coleccion) if _cumple(r, conteo.filtro)]
        if len(registros) != conteo.valor:
            filtro = "".join(f", {k} = {v}" for k, v in conteo.filtro.items())
            _aviso(informe, doc, conteo.linea,
                   f"la fuente dice «{conteo.cita}» ({conteo.valor}) pero hay "
                   f"{len(registros)} registro(s) en «{conteo.coleccion}»{filtro}",
                   f"la fuente dice «{conteo.cita}» ({conteo.valor}), pero el mismo documento "
                   f"enumera {len(registros)}")
    for mecanismo in doc.mecanismos:
        publicadas = mecanismo.actividades_publicadas
        if publicadas is not None and publicadas != len(mecanismo.actividades):
            _aviso(informe, doc, mecanismo.linea,
                   f"la tabla de síntesis da {publicadas} actividades a «{mecanismo.nombre}» "
                   f"pero su tabla tiene {len(mecanismo.actividades)}")


def _calendario(doc: Documento, informe: Informe, calendario: Calendario | None, linea: int,
                que: str, este: str) -> None:
    """``que``: el registro para quien edita los datos («el tema «tema-03»»); ``este``: para la
    ciudadanía, junto al registro («este tema»)."""
    if calendario is None:
        return
    if calendario.marcas_fuera_de_tabla:
        marcas = calendario.marcas_fuera_de_tabla
        casillas = ("una casilla marcada que no corresponde a ningún mes" if marcas == 1 else
                    f"{marcas} casillas marcadas que no corresponden a ningún mes")
        _aviso(informe, doc, linea,
               f"{que}: la fuente pone {calendario.marcas_fuera_de_tabla} marca(s) fuera de las "
               "columnas de meses de la tabla",
               f"en la tabla de la fuente, la fila de {este} tiene {casillas}: está fuera de los "
               "meses que abarca la tabla, así que no se sabe a qué mes se refiere")
    if doc.periodo is None:
        return
    columnas = _columnas(doc.periodo)
    fuera = [m for m in calendario.meses if m not in columnas]
    if calendario.rango:
        fuera += [m for m in (calendario.rango.desde, calendario.rango.hasta) if m not in columnas]
    if fuera:
        meses = ", ".join(nombre_mes(m) for m in sorted(set(fuera)))
        periodo = f"{nombre_mes(doc.periodo.desde)} a {nombre_mes(doc.periodo.hasta)}"
        _aviso(informe, doc, linea,
               f"{que}: {meses} queda(n) fuera del periodo del documento ({periodo})",
               f"la fuente da a {este} {meses}, fuera del periodo que cubre el documento ({periodo})")


def calendarios(doc: Documento, informe: Informe) -> None:
    """Meses fuera de la tabla o del periodo del documento."""
    for actividad in doc.actividades:
        _calendario(doc, informe, actividad.calendario, actividad.linea,
                    f"la actividad «{actividad.id}»", "esta actividad")
    for tema in doc.temas:
        _calendario(doc, informe, tema.calendario, tema.linea, f"el tema «{tema.id}»", "este tema")
    for linea_accion in doc.lineas_accion:
        _calendario(doc, informe, linea_accion.calendario, linea_accion.linea,
                    f"la línea de acción «{linea_accion.id}»", "esta línea de acción")
    for ficha in doc.fichas:
        _calendario(doc, informe, ficha.calendario, ficha.linea, f"la ficha «{ficha.id}»", "esta ficha")
    crono = doc.cronograma
    if crono and crono.periodo_declarado_rango and doc.periodo and (
            crono.periodo_declarado_rango != doc.periodo):
        _aviso(informe, doc, crono.linea,
               f"el título del cronograma declara «{crono.periodo_declarado}» pero sus columnas "
               f"van de {nombre_mes(doc.periodo.desde)} a {nombre_mes(doc.periodo.hasta)}")


def _notas(doc: Documento, informe: Informe, notas: Iterable[Nota], marcas: list[str],
           linea: int, tabla: str) -> None:
    notas = tuple(notas)
    for nota in notas:
        if nota.marca not in marcas:
            _aviso(informe, doc, linea, f"la nota «{nota.marca} {nota.texto}» de la tabla "
                   f"«{tabla}» no corresponde a ninguna fila marcada con «{nota.marca}»")
    for marca in sorted(set(marcas) - {n.marca for n in notas}):
        _aviso(informe, doc, linea, f"hay filas marcadas con «{marca}» en la tabla «{tabla}» "
               "sin nota al pie que la explique")


def notas(doc: Documento, informe: Informe) -> None:
    """Notas al pie sin fila marcada y marcas sin nota."""
    for mecanismo in doc.mecanismos:
        _notas(doc, informe, mecanismo.notas,
               [a.marca for a in mecanismo.actividades if a.marca], mecanismo.linea,
               mecanismo.titulo_tabla)
    if doc.cronograma:
        _notas(doc, informe, doc.cronograma.notas,
               [a.marca for a in doc.cronograma.filas if a.marca], doc.cronograma.linea,
               doc.cronograma.titulo)


def siglas(doc: Documento, informe: Informe) -> None:
    """Siglas definidas dos veces en el mismo documento."""
    cuenta = Counter(s.sigla for s in doc.siglas)
    vistas: set[str] = set()
    for sigla in doc.siglas:
        if cuenta[sigla.sigla] > 1 and sigla.sigla in vistas:
            _aviso(informe, doc, sigla.linea,
                   f"la sigla «{sigla.sigla}» se define {cuenta[sigla.sigla]} veces en el documento")
        vistas.add(sigla.sigla)


def anios_en_titulos(doc: Documento, informe: Informe) -> None:
    """Títulos de apartado que nombran un año fuera del periodo del documento."""
    anios = {doc.anio}
    if doc.periodo:
        anios |= {int(doc.periodo.desde[:4]), int(doc.periodo.hasta[:4])}
    for seccion in doc.secciones:
        for encontrado in _ANIO.finditer(seccion.titulo):
            anio = int(encontrado.group(0))
            if anio not in anios:
                _aviso(informe, doc, seccion.linea,
                       f"el apartado «{seccion.titulo}» nombra el año {anio}, pero el documento "
                       f"es de {'-'.join(str(a) for a in sorted(anios))}")


def tablas(doc: Documento, informe: Informe) -> None:
    """Filas de una tabla de la prosa con más o menos celdas que encabezados."""
    for seccion in doc.secciones:
        propias = [b for b in seccion.bloques if isinstance(b, Tabla)]
        for numero, tabla in enumerate(propias, start=1):
            columnas = len(tabla.encabezados)
            for fila, celdas in enumerate(tabla.filas, start=1):
                if len(celdas) != columnas:
                    _aviso(informe, doc, seccion.linea,
                           f"el apartado «{seccion.titulo}»: la fila {fila} de su tabla {numero} "
                           f"tiene {len(celdas)} celda(s), pero la tabla tiene {columnas} "
                           "encabezado(s)")


def _donde_cita(seccion: Seccion, fuente: Fuente) -> tuple[str, tuple[str, ...]]:
    """Dónde de un apartado dice su fuente que está una cita, y los textos de ese lugar: el
    párrafo ``parrafo`` (contando solo párrafos); si no lo da, todo el apartado, con cada fila
    de sus tablas como un texto (sus celdas separadas por un espacio)."""
    if fuente.parrafo:
        parrafos = [b.texto for b in seccion.bloques if isinstance(b, Parrafo)]
        lugar = f"el párrafo {fuente.parrafo} del apartado «{seccion.titulo}»"
        return lugar, tuple(parrafos[fuente.parrafo - 1:fuente.parrafo])
    filas = tuple(" ".join(fila) for b in seccion.bloques if isinstance(b, Tabla)
                  for fila in b.filas)
    return f"el apartado «{seccion.titulo}»", seccion.textos() + filas


def citas(doc: Documento, informe: Informe) -> None:
    """Cada cita de un conteo o de una cifra cuya fuente es un apartado del documento está,
    literal, en ese apartado (y en su párrafo, si lo da)."""
    apartados: dict[str, Seccion] = {}
    for seccion in doc.secciones:
        apartados.setdefault(seccion.titulo, seccion)
        if seccion.fuente and seccion.fuente.seccion:
            apartados.setdefault(seccion.fuente.seccion, seccion)
    for registro in (*doc.conteos, *doc.cifras_publicadas):
        seccion = apartados.get(registro.fuente.seccion or "")
        if seccion is None:
            continue
        lugar, textos = _donde_cita(seccion, registro.fuente)
        if not any(registro.cita in texto for texto in textos):
            _aviso(informe, doc, registro.linea, f"la cita «{registro.cita}» no está en {lugar}")


def compromisos(doc: Documento, informe: Informe, sesiones: dict[str, str]) -> None:
    """Estatus contra porcentaje, fecha escrita contra la sesión y conteos por sesión."""
    for compromiso in doc.compromisos:
        que = f"el compromiso {compromiso.numero}"
        if compromiso.porcentaje >= 100 and compromiso.estatus != "concluido":
            _aviso(informe, doc, compromiso.linea,
                   f"{que} tiene {compromiso.porcentaje:g}% de avance pero su estatus es "
                   f"«{compromiso.estatus_texto}»")
        if compromiso.estatus == "concluido" and compromiso.porcentaje < 100:
            _aviso(informe, doc, compromiso.linea,
                   f"{que} está «{compromiso.estatus_texto}» con {compromiso.porcentaje:g}% de "
                   "avance")
        fecha = sesiones.get(compromiso.sesion)
        if compromiso.fecha_texto and fecha and compromiso.fecha_texto != fecha:
            _aviso(informe, doc, compromiso.linea,
                   f"{que} escribe la fecha {compromiso.fecha_texto} para «"
                   f"{compromiso.sesion_texto}», pero esa sesión se celebró el {fecha}",
                   f"la fuente escribe «{compromiso.sesion_texto}», con fecha del "
                   f"{fecha_larga(compromiso.fecha_texto)}, pero esa sesión se celebró el {fecha_larga(fecha)}")
    for sesion in doc.sesiones:
        if sesion.compromisos_declarados is None:
            continue
        reales = sum(1 for c in doc.compromisos if c.sesion == sesion.id)
        if reales != sesion.compromisos_declarados:
            _aviso(informe, doc, sesion.linea,
                   f"la fuente atribuye {sesion.compromisos_declarados} compromiso(s) a la sesión "
                   f"«{sesion.texto}» pero el anexo lista {reales}")


def sesiones_programadas(datos: Datos, informe: Informe) -> None:
    """Sesión celebrada contra la programada: mes y semana."""
    programadas = {f"{d.id}/{s.id}": s for d in datos.documentos for s in d.sesiones_programadas}
    for doc in datos.documentos:
        for sesion in doc.sesiones:
            plan = programadas.get(sesion.programada or "")
            if plan is None:
                continue
            if sesion.fecha[:7] != plan.mes:
                _aviso(informe, doc, sesion.linea,
                       f"la sesión del {sesion.fecha} estaba programada para "
                       f"{nombre_mes(plan.mes)}",
                       f"la sesión del {fecha_larga(sesion.fecha)} estaba programada para "
                       f"{nombre_mes(plan.mes)}")
            elif plan.semana and (int(sesion.fecha[8:]) - 1) // 7 + 1 != plan.semana:
                _aviso(informe, doc, sesion.linea,
                       f"la sesión del {sesion.fecha} no cae en la semana {plan.semana} de "
                       f"{nombre_mes(plan.mes)} que preveía el programa",
                       f"la sesión del {fecha_larga(sesion.fecha)} no cae en la semana {plan.semana} de "
                       f"{nombre_mes(plan.mes)} que preveía el programa")


def temas(doc: Documento, informe: Informe, catalogo: Catalogo) -> None:
    """La sigla con que abre un tema contra el área asignada y contra la lista de siglas del
    propio documento: una forma que solo conoce el catálogo (un alias, «DCPE») y que el
    documento no define (él da «DCPEN») se señala, no se da por buena en silencio."""
    areas = {a.id: a for a in catalogo.areas}
    propias = {forma.strip() for s in doc.siglas for forma in s.sigla.split("/")}
    for tema in doc.temas:
        area = areas.get(tema.area or "")
        if not (tema.clasificacion and area):
            continue
        if tema.clasificacion not in (area.siglas, *area.alias):
            _aviso(informe, doc, tema.linea,
                   f"el tema «{tema.id}» abre con ({tema.clasificacion}) pero su área es "
                   f"{area.nombre}",
                   f"este tema abre con ({tema.clasificacion}), pero la fuente lo asigna a {area.nombre}")
        elif doc.siglas and tema.clasificacion not in propias:
            de_la_lista = f" (la lista da {area.siglas})" if area.siglas in propias else ""
            _aviso(informe, doc, tema.linea,
                   f"el tema «{tema.id}» abre con ({tema.clasificacion}), que no está en las siglas "
                   f"del documento{de_la_lista}; el catálogo la tiene como otra forma de {area.nombre}",
                   f"este tema abre con ({tema.clasificacion}), sigla que no está en la lista de "
                   f"abreviaturas del documento{de_la_lista}: se entiende que es la {area.nombre}, "
                   "pero la fuente no lo dice")


def acuerdos(datos: Datos, informe: Informe) -> None:
    """Lo que distintos documentos dicen del mismo acuerdo, y su número contra su órgano."""
    organos = {o.id: o for o in datos.catalogo.organos}
    primero: dict[str, tuple[Documento, object]] = {}
    for doc in datos.documentos:
        for acuerdo in doc.acuerdos:
            # las siglas del número, sin la institución ni el año: INE/JGE06/2020 → JGE;
            # IEEQ/CG/A/012/24 → CG, A
            siglas = re.findall(r"[A-Z]+", "/".join(acuerdo.numero.split("/")[1:-1]))
            organo = organos.get(acuerdo.organo)
            if organo and organo.siglas and siglas and organo.siglas not in siglas:
                _aviso(informe, doc, acuerdo.linea,
                       f"el acuerdo {acuerdo.numero} se atribuye a {organo.nombre}, pero su "
                       f"número indica {', '.join(siglas)}")
            if acuerdo.numero in primero:
                otro_doc, otro = primero[acuerdo.numero]
                for campo in ("organo", "fecha", "enlace"):
                    uno, dos = getattr(acuerdo, campo), getattr(otro, campo)
                    if uno and dos and uno != dos:
                        _aviso(informe, doc, acuerdo.linea,
                               f"el acuerdo {acuerdo.numero} tiene {campo} «{uno}» aquí y «{dos}» "
                               f"en {otro_doc.archivo}",
                               f"este documento da al acuerdo {acuerdo.numero} «{uno}» y el "
                               f"{otro_doc.titulo_corto} le da «{dos}»")
            else:
                primero[acuerdo.numero] = (doc, acuerdo)


def revisar(datos: Datos, informe: Informe) -> None:
    """Todas las comprobaciones de coherencia."""
    fechas = {s.id: s.fecha for d in datos.documentos for s in d.sesiones}
    for doc in datos.documentos:
        conteos(doc, informe)
        calendarios(doc, informe)
        notas(doc, informe)
        siglas(doc, informe)
        anios_en_titulos(doc, informe)
        tablas(doc, informe)
        citas(doc, informe)
        compromisos(doc, informe, fechas)
        temas(doc, informe, datos.catalogo)
    sesiones_programadas(datos, informe)
    acuerdos(datos, informe)


__all__ = ["revisar", "NOMBRES_MESES"]
