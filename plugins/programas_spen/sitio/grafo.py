"""El grafo de referencias: cada registro por id, con sus referencias inversas.

Se construye una vez, a partir del modelo ya validado, y es puro: no lee archivos ni conoce
páginas. Además de los enlaces explícitos de los datos (compromiso → tema, compromiso →
acuerdo, sesión celebrada → programada), deriva otros: cada mención de un número de acuerdo
en cualquier texto, los registros de cada área, cada mecanismo a través de los años, lo que
trató cada sesión.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from programas_spen.modelo.bloques import textos_de
from programas_spen.modelo.problemas import Problema
from programas_spen.modelo.registros import (
    Actividad,
    Acuerdo,
    Area,
    Compromiso,
    Datos,
    Documento,
    Ficha,
    Institucion,
    Mecanismo,
    Organo,
    Sesion,
    SesionProgramada,
    Tema,
)

#: Número oficial de acuerdo: institución / órgano + ordinal / año (INE/JGE06/2020).
PATRON_ACUERDO = re.compile(r"\b[A-Z]{2,6}/(?:CG|JGE)\d+/\d{4}\b")


@dataclass(frozen=True)
class Mencion:
    """Un texto de un registro que nombra un acuerdo."""

    documento: str
    tipo: str
    registro: object
    campo: str


@dataclass
class FichaAcuerdo:
    """Todo lo que el sitio sabe de un acuerdo: declaraciones, menciones y relaciones."""

    numero: str
    declaraciones: list[tuple[Documento, Acuerdo]] = field(default_factory=list)
    menciones: list[Mencion] = field(default_factory=list)
    cumple: list[Compromiso] = field(default_factory=list)
    aprueba_documentos: list[Documento] = field(default_factory=list)

    def primero(self, campo: str) -> object | None:
        """El primer valor no vacío de ``campo`` entre las declaraciones."""
        for _, acuerdo in self.declaraciones:
            valor = getattr(acuerdo, campo)
            if valor:
                return valor
        return None

    @property
    def organo(self) -> str | None:
        """Órgano que emitió el acuerdo (de las declaraciones)."""
        valor = self.primero("organo")
        return str(valor) if valor else None


@dataclass
class FichaSesion:
    """Una sesión celebrada, con todo lo que la nombra o proviene de ella."""

    id: str
    organo: str
    tipo: str
    fecha: str
    ordinal: int | None
    declaraciones: list[tuple[Documento, Sesion]] = field(default_factory=list)
    programada: tuple[Documento, SesionProgramada] | None = None
    compromisos: list[Compromiso] = field(default_factory=list)
    acuerdos: list[str] = field(default_factory=list)
    documentos_presentados: list[Documento] = field(default_factory=list)


@dataclass
class Grafo:
    """Índices y referencias inversas de todo el sitio."""

    datos: Datos
    documentos: dict[str, Documento] = field(default_factory=dict)
    instituciones: dict[str, Institucion] = field(default_factory=dict)
    organos: dict[str, Organo] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    acuerdos: dict[str, FichaAcuerdo] = field(default_factory=dict)
    sesiones: dict[str, FichaSesion] = field(default_factory=dict)
    programadas: dict[str, tuple[Documento, SesionProgramada]] = field(default_factory=dict)
    celebradas_de: dict[str, list[FichaSesion]] = field(default_factory=dict)
    temas: dict[str, tuple[Documento, Tema]] = field(default_factory=dict)
    compromisos_de_tema: dict[str, list[Compromiso]] = field(default_factory=dict)
    temas_de_area: dict[str, list[Tema]] = field(default_factory=dict)
    compromisos_de_area: dict[str, list[Compromiso]] = field(default_factory=dict)
    mecanismos: dict[str, list[tuple[Documento, Mecanismo]]] = field(default_factory=dict)
    filas_de_ficha: dict[tuple[str, str], list[Actividad]] = field(default_factory=dict)
    acuerdos_de_registro: dict[int, list[str]] = field(default_factory=dict)
    avisos: dict[tuple[str, int], list[Problema]] = field(default_factory=dict)
    avisos_lista: list[Problema] = field(default_factory=list)
    #: Cálculos derivados que las páginas reutilizan (se llenan al construirlas, una vez).
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def acuerdos_mencionados_en(self, documento: str) -> list[str]:
        """Números de acuerdo que menciona algún texto del documento, en orden del sitio."""
        indice = self.memo.get("acuerdos_por_documento")
        if not isinstance(indice, dict):
            indice = {}
            for ficha in self.acuerdos.values():
                for doc_id in dict.fromkeys(m.documento for m in ficha.menciones):
                    indice.setdefault(doc_id, []).append(ficha.numero)
            self.memo["acuerdos_por_documento"] = indice
        return list(indice.get(documento, []))

    def avisos_de_archivo(self, archivo: str) -> list[Problema]:
        """Avisos de un archivo de datos, en orden."""
        indice = self.memo.get("avisos_por_archivo")
        if not isinstance(indice, dict):
            indice = {}
            for aviso in self.avisos_lista:
                indice.setdefault(aviso.archivo, []).append(aviso)
            self.memo["avisos_por_archivo"] = indice
        return list(indice.get(archivo, []))

    def documento_de(self, registro: object) -> Documento:
        """El documento que contiene el registro."""
        return self.documentos[getattr(registro, "documento")]  # noqa: B009

    def avisos_de(self, documento: Documento, registro: object) -> list[Problema]:
        """Avisos de validación que señalan la línea del registro."""
        return self.avisos.get((documento.archivo, getattr(registro, "linea", -1)), [])

    def ficha_de_tema(self, ref: str) -> tuple[Documento, Tema] | None:
        """El tema de una referencia ``documento/tema``."""
        return self.temas.get(ref)

    def documentos_de_institucion(self, institucion: str) -> list[Documento]:
        """Documentos de una institución, por año."""
        return [d for d in self.datos.documentos if d.institucion == institucion]

    def fichas(self, documento: Documento) -> dict[str, Ficha]:
        """Fichas técnicas del documento por id."""
        return {f.id: f for f in documento.fichas}


def _textos(doc: Documento) -> list[tuple[str, object, str, str]]:
    """(tipo, registro, campo, texto) de cada texto del documento donde buscar menciones."""
    textos: list[tuple[str, object, str, str]] = []
    for seccion in doc.secciones:
        textos.append(("seccion", seccion, "texto", "\n".join(seccion.textos())))
    for actividad in doc.actividades:
        textos.append(("actividad", actividad, "texto", actividad.texto))
    for tema in doc.temas:
        textos.append(("tema", tema, "texto", tema.texto))
        if tema.observaciones:
            textos.append(("tema", tema, "observaciones", tema.observaciones))
    for compromiso in doc.compromisos:
        textos.append(("compromiso", compromiso, "texto", compromiso.texto))
        textos.append(("compromiso", compromiso, "avance", compromiso.avance))
    for objetivo in doc.objetivos:
        textos.append(("objetivo", objetivo, "texto", objetivo.texto))
    for linea in doc.lineas_accion:
        textos.append(("linea", linea, "texto", linea.texto))
    for acuerdo in doc.acuerdos:
        for campo in ("antecedentes", "considerandos"):
            textos += [("acuerdo", acuerdo, campo, texto) for texto in textos_de(getattr(acuerdo, campo))]
        for campo in ("aprueba", "titulo", "votacion"):
            valor = getattr(acuerdo, campo)
            if valor:
                textos.append(("acuerdo", acuerdo, campo, valor))
        for punto in acuerdo.puntos:
            textos.append(("acuerdo", acuerdo, "puntos", punto.texto))
    return textos


def construir_grafo(datos: Datos, avisos: list[Problema] | None = None) -> Grafo:
    """Indexa todos los registros y calcula las referencias inversas."""
    grafo = Grafo(datos=datos)
    grafo.instituciones = {i.id: i for i in datos.catalogo.instituciones}
    grafo.organos = {o.id: o for o in datos.catalogo.organos}
    grafo.areas = {a.id: a for a in datos.catalogo.areas}
    acuerdos: dict[str, FichaAcuerdo] = {}
    sesiones: dict[str, FichaSesion] = {}
    compromisos_de_tema: dict[str, list[Compromiso]] = defaultdict(list)
    temas_de_area: dict[str, list[Tema]] = defaultdict(list)
    compromisos_de_area: dict[str, list[Compromiso]] = defaultdict(list)
    mecanismos: dict[str, list[tuple[Documento, Mecanismo]]] = defaultdict(list)
    filas_de_ficha: dict[tuple[str, str], list[Actividad]] = defaultdict(list)
    celebradas_de: dict[str, list[FichaSesion]] = defaultdict(list)

    def ficha_acuerdo(numero: str) -> FichaAcuerdo:
        return acuerdos.setdefault(numero, FichaAcuerdo(numero))

    for doc in datos.documentos:
        grafo.documentos[doc.id] = doc
        for programada in doc.sesiones_programadas:
            grafo.programadas[f"{doc.id}/{programada.id}"] = (doc, programada)
        for tema in doc.temas:
            grafo.temas[f"{doc.id}/{tema.id}"] = (doc, tema)
            if tema.area:
                temas_de_area[tema.area].append(tema)
        for mecanismo in doc.mecanismos:
            mecanismos[mecanismo.id].append((doc, mecanismo))
        for actividad in doc.actividades:
            if actividad.ficha:
                filas_de_ficha[(doc.id, actividad.ficha)].append(actividad)
        for acuerdo in doc.acuerdos:
            ficha_acuerdo(acuerdo.numero).declaraciones.append((doc, acuerdo))
        for sesion in doc.sesiones:
            ficha = sesiones.get(sesion.id)
            if ficha is None:
                ficha = sesiones[sesion.id] = FichaSesion(
                    sesion.id, sesion.organo, sesion.tipo, sesion.fecha, sesion.ordinal)
            if ficha.ordinal is None and sesion.ordinal is not None:
                ficha.ordinal = sesion.ordinal
            ficha.declaraciones.append((doc, sesion))
    for doc in datos.documentos:
        for sesion in doc.sesiones:
            if sesion.programada and sesion.programada in grafo.programadas:
                ficha = sesiones[sesion.id]
                if ficha.programada is None:
                    ficha.programada = grafo.programadas[sesion.programada]
                    celebradas_de[sesion.programada].append(ficha)
        for compromiso in doc.compromisos:
            sesiones[compromiso.sesion].compromisos.append(compromiso)
            compromisos_de_area[compromiso.area].append(compromiso)
            for ref in compromiso.temas:
                compromisos_de_tema[ref].append(compromiso)
            for numero in compromiso.acuerdos:
                ficha_acuerdo(numero).cumple.append(compromiso)
        for acuerdo in doc.acuerdos:
            if acuerdo.sesion and acuerdo.numero not in sesiones[acuerdo.sesion].acuerdos:
                sesiones[acuerdo.sesion].acuerdos.append(acuerdo.numero)
        if doc.aprobado_por:
            ficha_acuerdo(doc.aprobado_por).aprueba_documentos.append(doc)
        if doc.presentado_en:
            sesiones[doc.presentado_en.sesion].documentos_presentados.append(doc)
        for tipo, registro, campo, texto in _textos(doc):
            for numero in dict.fromkeys(PATRON_ACUERDO.findall(texto)):
                ficha_acuerdo(numero).menciones.append(Mencion(doc.id, tipo, registro, campo))
                lista = grafo.acuerdos_de_registro.setdefault(id(registro), [])
                if numero not in lista:
                    lista.append(numero)

    grafo.acuerdos = dict(sorted(acuerdos.items(), key=lambda par: clave_acuerdo(par[0])))
    grafo.sesiones = dict(sorted(sesiones.items(), key=lambda par: (par[1].organo,
                                                                    par[1].fecha)))
    grafo.compromisos_de_tema = dict(compromisos_de_tema)
    grafo.temas_de_area = dict(temas_de_area)
    grafo.compromisos_de_area = dict(compromisos_de_area)
    grafo.mecanismos = dict(mecanismos)
    grafo.filas_de_ficha = dict(filas_de_ficha)
    grafo.celebradas_de = dict(celebradas_de)
    for aviso in avisos or []:
        grafo.avisos.setdefault((aviso.archivo, aviso.linea), []).append(aviso)
        grafo.avisos_lista.append(aviso)
    return grafo


def clave_acuerdo(numero: str) -> tuple[int, str, int, str]:
    """Orden de los acuerdos: por año, órgano, ordinal e institución (INE/CG9/2015 antes que
    INE/CG10/2015). Vale para toda forma que admite el esquema: la primera parte es la
    institución, la última el año (dos dígitos: 20AA) y lo de en medio el órgano y su ordinal
    (IEEQ/CG/A/012/24 → 2024, «CG/A/», 12)."""
    partes = numero.split("/")
    institucion, anio = partes[0], partes[-1]
    cuerpo = "/".join(partes[1:-1])
    organo = cuerpo.rstrip("0123456789")
    ordinal = int(cuerpo[len(organo):] or 0)
    return int(anio) + (2000 if len(anio) == 2 else 0), organo, ordinal, institucion
