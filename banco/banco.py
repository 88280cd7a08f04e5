#!/usr/bin/env python3
"""Banco de pruebas de rendimiento de Programas del SPEN (no es una prueba: mide y reporta).

Genera datos sintéticos con la forma de los documentos reales a escala nacional (INE y 32
OPLE, 10 años; por institución y año: programa anual o plan de trabajo, programa de la
comisión y 4 informes de seguimiento; unos cien mil registros) y escalones menores (1/8, 1/4,
1/2). Para cada escalón mide la carga y validación sola, el núcleo (grafo y páginas) y un
``mkdocs build`` completo en un proceso nuevo (tiempo, memoria pico, páginas y bytes
escritos). En la misma corrida compara 1.000 páginas Markdown simples con MkDocs + Material
de serie contra el proyecto con el mismo número de páginas, y mide cuánto tarda en verse una
edición de un archivo de datos con ``mkdocs serve`` sobre los datos reales.

Uso (con el entorno del proyecto)::

    python3 tareas.py banco                 # todo: 1/8, 1/4, 1/2, 1, comparación y serve
    python3 tareas.py banco --rapido        # humo: 1/8 y 1/4, comparación con 250 páginas
    python3 tareas.py banco --escalas 1/8,1/2 --sin-serve

Los resultados se imprimen y se escriben en ``banco/resultados.md``. Nunca modifica
``datos/`` del repositorio: todo se genera y se construye en un directorio temporal.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from importlib import metadata
from pathlib import Path
from typing import Any

import busqueda_navegador
import yaml

RAIZ = Path(__file__).resolve().parent.parent
DATOS_REALES = RAIZ / "datos"
SALIDA_POR_OMISION = RAIZ / "banco" / "resultados.md"

SEMILLA = 20240617
PRIMER_ANIO = 2016
ANIOS = 10
ESCALAS_TODAS = ("1/8", "1/4", "1/2", "1")
ESCALAS_RAPIDAS = ("1/8", "1/4")
LIMITE_CONSTRUCCION = 20 * 60  # segundos por construcción
PAGINAS_COMPARACION = 1000
#: Veces que se mide la carga sin caché del mayor escalón, cada una en un proceso nuevo (el
#: objetivo se juzga con la mediana: en esta máquina virtual el mismo trabajo varía ±10 %).
REPETICIONES_CARGA = 5
#: Cuántas veces se construye cada escala (pasadas alternas de ida y vuelta): con tres, la
#: mediana de cada escala no se mueve por una construcción que la máquina retrasó.
PASADAS = 3

# Objetivos del issue.
OBJETIVO_TIEMPO = 10 * 60  # s, construcción nacional completa
OBJETIVO_MEMORIA = 2 * 1024  # MiB
OBJETIVO_DUPLICAR = 2.2  # tiempo al duplicar registros
OBJETIVO_CARGA = 10.0  # s, cargar y validar todo
OBJETIVO_SERVE = 3.0  # s, edición visible en mkdocs serve

_Volcador = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# ---------------------------------------------------------------------------------------------
# Texto de relleno: cadenas de Markov de dos palabras sacadas de los documentos reales
# ---------------------------------------------------------------------------------------------

_PALABRA = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
_FIN_DE_ORACION = re.compile(r"(?<=[.;:])\s+|\n+")


def _cadenas(valor: Any) -> Iterator[str]:
    if isinstance(valor, str):
        yield valor
    elif isinstance(valor, dict):
        for hijo in valor.values():
            yield from _cadenas(hijo)
    elif isinstance(valor, list):
        for hijo in valor:
            yield from _cadenas(hijo)


class Texto:
    """Relleno en español verosímil: sigue los pares de palabras de los archivos reales."""

    def __init__(self, textos: list[str]) -> None:
        siguientes: dict[str, list[str]] = defaultdict(list)
        iniciales: list[str] = []
        for texto in textos:
            if "http" in texto:
                continue
            for oracion in _FIN_DE_ORACION.split(texto):
                palabras = _PALABRA.findall(oracion)
                if len(palabras) < 4:
                    continue
                if palabras[0][0].isupper():
                    iniciales.append(palabras[0])
                for uno, dos in zip(palabras, palabras[1:], strict=False):
                    siguientes[uno].append(dos)
        if not iniciales:
            raise SystemExit("No hay texto real del que sacar palabras (¿falta datos/?).")
        self.siguientes = dict(siguientes)
        self.iniciales = iniciales
        self.palabras = sorted(self.siguientes)

    @classmethod
    def desde_datos(cls, directorio: Path) -> Texto:
        """Todas las cadenas de los YAML reales."""
        textos: list[str] = []
        for ruta in sorted(directorio.rglob("*.yml")):
            textos += list(_cadenas(yaml.load(ruta.read_text("utf-8"), Loader=_Cargador)))
        return cls(textos)

    def oracion(self, rng: random.Random, largo: int) -> str:
        """Una oración de unos ``largo`` caracteres, con mayúscula inicial y punto final."""
        palabra = rng.choice(self.iniciales)
        partes = [palabra]
        total = len(palabra)
        while total < largo:
            opciones = self.siguientes.get(palabra)
            palabra = rng.choice(opciones) if opciones else rng.choice(self.palabras)
            if len(partes) > 3 and rng.random() < 0.05:
                partes[-1] += ","
            partes.append(palabra)
            total += len(palabra) + 1
        texto = " ".join(partes).rstrip(",")
        return texto[0].upper() + texto[1:] + "."

    def parrafo(self, rng: random.Random, largo: int) -> str:
        """Varias oraciones hasta unos ``largo`` caracteres."""
        oraciones: list[str] = []
        total = 0
        while total < largo:
            oracion = self.oracion(rng, rng.randint(80, 260))
            oraciones.append(oracion)
            total += len(oracion) + 1
        return " ".join(oraciones)

    def frase(self, rng: random.Random, minimo: int, maximo: int) -> str:
        """Una oración de largo al azar entre ``minimo`` y ``maximo``."""
        return self.oracion(rng, rng.randint(minimo, maximo))


class _Cargador(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Cargador seguro que deja las fechas como texto (como el núcleo)."""


_Cargador.yaml_implicit_resolvers = {
    inicial: [(etiqueta, regex) for etiqueta, regex in resolvers
              if etiqueta != "tag:yaml.org,2002:timestamp"]
    for inicial, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# ---------------------------------------------------------------------------------------------
# Instituciones sintéticas
# ---------------------------------------------------------------------------------------------

ENTIDADES: tuple[tuple[str, str], ...] = (
    ("Aguascalientes", "AGS"), ("Baja California", "BC"), ("Baja California Sur", "BCS"),
    ("Campeche", "CAM"), ("Coahuila", "COA"), ("Colima", "COL"), ("Chiapas", "CHS"),
    ("Chihuahua", "CHH"), ("Ciudad de México", "CMX"), ("Durango", "DGO"),
    ("Guanajuato", "GTO"), ("Guerrero", "GRO"), ("Hidalgo", "HGO"), ("Jalisco", "JAL"),
    ("Estado de México", "MEX"), ("Michoacán", "MIC"), ("Morelos", "MOR"), ("Nayarit", "NAY"),
    ("Nuevo León", "NL"), ("Oaxaca", "OAX"), ("Puebla", "PUE"), ("Querétaro", "QRO"),
    ("Quintana Roo", "QR"), ("San Luis Potosí", "SLP"), ("Sinaloa", "SIN"), ("Sonora", "SON"),
    ("Tabasco", "TAB"), ("Tamaulipas", "TAM"), ("Tlaxcala", "TLX"), ("Veracruz", "VER"),
    ("Yucatán", "YUC"), ("Zacatecas", "ZAC"),
)

MESES = ("Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre",
         "Octubre", "Noviembre", "Diciembre")
ORDINALES = ("Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava",
             "Novena", "Décima")
TRIMESTRES = ("primer", "segundo", "tercer", "cuarto")
NOMBRES = ("Rita", "Claudia", "José", "Martín", "Beatriz", "Jaime", "Norma", "Carla", "Arturo",
           "Dania", "Uuc-kib", "Humberto", "Adriana", "Luis", "Rosa", "Sergio", "Patricia")
APELLIDOS = ("López", "Zavala", "Espadas", "Faz", "Pérez", "Rivera", "Ravel", "Humphrey",
             "Magaña", "Favela", "Martín", "Ruiz", "Montaño", "Vences", "Mora", "Ancona")
PREFIJOS = ("Mtra.", "Mtro.", "Dra.", "Dr.", "Lic.")


@dataclass(frozen=True)
class Institucion:
    """Lo que el generador necesita saber de una institución."""

    id: str
    siglas: str
    nombre: str
    es_ine: bool
    comision: str
    consejo: str
    emisor_programa: str
    emisor_informe: str
    cuerpos: tuple[tuple[str, str], ...]  # (órgano, cuerpo del número: JGE o CG), con pesos
    areas_temas: tuple[tuple[str, str | None], ...]  # (área, clasificación)
    areas_compromisos: tuple[tuple[str, str], ...]  # (área, nombre)
    siglas_comision: str


def _ople(indice: int) -> tuple[Institucion, dict[str, list[dict[str, Any]]]]:
    entidad, clave = ENTIDADES[indice]
    ident = f"ople-{indice + 1:02d}"
    siglas = f"IE{clave}"
    nombre = f"Instituto Electoral del Estado de {entidad}"
    areas = [
        (f"{ident}-unidad-tecnica-spe", "Unidad Técnica del Servicio Profesional Electoral",
         "UTSPE"),
        (f"{ident}-direccion-organizacion", "Dirección Ejecutiva de Organización Electoral",
         "DEOE"),
        (f"{ident}-direccion-educacion", "Dirección Ejecutiva de Educación Cívica", "DEEC"),
        (f"{ident}-direccion-administracion", "Dirección Ejecutiva de Administración", "DEA"),
    ]
    catalogo = {
        "instituciones": [{"id": ident, "nombre": nombre, "siglas": siglas, "tipo": "ople",
                           "entidad": entidad, "encabezado": nombre.upper()}],
        "organos": [
            {"id": f"{ident}-cg", "nombre": f"Consejo General del {nombre}", "siglas": "CG",
             "institucion": ident, "tipo": "consejo"},
            {"id": f"{ident}-comision-seguimiento",
             "nombre": "Comisión de Seguimiento del Servicio Profesional Electoral Nacional",
             "alias": ["Comisión de Seguimiento"], "institucion": ident, "tipo": "comision",
             "pertenece_a": f"{ident}-cg"},
            {"id": f"{ident}-organo-enlace", "nombre": "Órgano de Enlace del SPEN",
             "institucion": ident, "tipo": "organo_enlace"},
        ],
        "areas": [{"id": a, "nombre": n, "siglas": s, "institucion": ident}
                  for a, n, s in areas],
    }
    institucion = Institucion(
        id=ident, siglas=siglas, nombre=nombre, es_ine=False,
        comision=f"{ident}-comision-seguimiento", consejo=f"{ident}-cg",
        emisor_programa=f"{ident}-comision-seguimiento",
        emisor_informe=f"{ident}-organo-enlace",
        cuerpos=((f"{ident}-cg", "CG"),),
        areas_temas=tuple((a, s) for a, _, s in areas),
        areas_compromisos=tuple((a, n) for a, n, _ in areas),
        siglas_comision="CSSPEN",
    )
    return institucion, catalogo


def catalogo_sintetico(cuantas: int) -> tuple[list[Institucion], dict[str, Any]]:
    """El INE (con sus órganos y áreas reales) y los primeros ``cuantas - 1`` OPLE."""
    real = yaml.load((DATOS_REALES / "instituciones.yml").read_text("utf-8"), Loader=_Cargador)
    catalogo: dict[str, Any] = {
        "instituciones": [i for i in real["instituciones"] if i["id"] == "ine"],
        "organos": [o for o in real["organos"] if o["institucion"] == "ine"],
        "areas": [a for a in real["areas"] if a["institucion"] == "ine"],
    }
    areas_ine = {a["id"]: a for a in catalogo["areas"]}
    for ident, siglas, nombre in (("cg", "CG", "Consejo General del Instituto Nacional Electoral"),
                                  ("jge", "JGE", "Junta General Ejecutiva"),
                                  ("cspen", "CSPEN", "Comisión del Servicio"),
                                  ("despen", "DESPEN", "DESPEN")):
        if not any(o["id"] == ident for o in catalogo["organos"]):
            catalogo["organos"].append({"id": ident, "nombre": nombre, "siglas": siglas,
                                        "institucion": "ine", "tipo": "consejo"})
    temas_ine = [(a, areas_ine[a].get("siglas")) for a in ("dcpen", "dp", "dpspen")
                 if a in areas_ine]
    compromisos_ine = [(a["id"], a["nombre"]) for a in catalogo["areas"]]
    ine = Institucion(
        id="ine", siglas="INE", nombre="Instituto Nacional Electoral", es_ine=True,
        comision="cspen", consejo="cg", emisor_programa="despen", emisor_informe="despen",
        cuerpos=(("jge", "JGE"), ("jge", "JGE"), ("jge", "JGE"), ("cg", "CG")),
        areas_temas=tuple(temas_ine) or (("dj", None),),
        areas_compromisos=tuple(compromisos_ine), siglas_comision="CSPEN",
    )
    instituciones = [ine]
    for indice in range(cuantas - 1):
        ople, parte = _ople(indice)
        instituciones.append(ople)
        for clave, lista in parte.items():
            catalogo[clave] += lista
    return instituciones, catalogo


# ---------------------------------------------------------------------------------------------
# Calendarios de sesiones: deterministas por órgano y año, así cada sesión tiene el mismo órgano,
# fecha y tipo en todos los documentos que la nombran
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SesionCal:
    """Una sesión celebrada del calendario sintético."""

    id: str
    organo: str
    tipo: str
    ordinal: int
    fecha: str
    trimestre: int

    @property
    def mes(self) -> int:
        """Mes de la fecha."""
        return int(self.fecha[5:7])

    def nombre(self) -> str:
        """«Tercera sesión extraordinaria»."""
        ordinal = ORDINALES[self.ordinal - 1] if self.ordinal <= len(ORDINALES) else "Otra"
        return f"{ordinal} sesión {self.tipo}"


def calendario_comision(organo: str, anio: int) -> list[SesionCal]:
    """Cuatro ordinarias (segunda semana de marzo, junio, septiembre y diciembre) y
    extraordinarias en los dos primeros meses de cada trimestre (siempre una en enero)."""
    rng = random.Random(f"{SEMILLA}/comision/{organo}/{anio}")
    sesiones: list[SesionCal] = []
    extraordinarias = 0
    for trimestre in range(1, 5):
        for mes in (3 * trimestre - 2, 3 * trimestre - 1):
            if mes == 1 or rng.random() < 0.6:
                extraordinarias += 1
                dia = rng.randint(2, 12) if mes == 1 else rng.randint(1, 28)
                fecha = f"{anio}-{mes:02d}-{dia:02d}"
                sesiones.append(SesionCal(f"{organo}-{fecha}", organo, "extraordinaria",
                                          extraordinarias, fecha, trimestre))
        fecha = f"{anio}-{3 * trimestre:02d}-{rng.randint(8, 14):02d}"
        sesiones.append(SesionCal(f"{organo}-{fecha}", organo, "ordinaria", trimestre, fecha,
                                  trimestre))
    return sesiones


def calendario_cuerpo(organo: str, anio: int) -> list[SesionCal]:
    """Consejo General o Junta: una sesión por mes, en la segunda quincena."""
    rng = random.Random(f"{SEMILLA}/cuerpo/{organo}/{anio}")
    sesiones = []
    for mes in range(1, 13):
        fecha = f"{anio}-{mes:02d}-{rng.randint(15, 28):02d}"
        tipo = "ordinaria" if rng.random() < 0.7 else "extraordinaria"
        sesiones.append(SesionCal(f"{organo}-{fecha}", organo, tipo, mes if tipo == "ordinaria"
                                  else 1 + mes // 2, fecha, (mes - 1) // 3 + 1))
    return sesiones


# ---------------------------------------------------------------------------------------------
# Generación de documentos
# ---------------------------------------------------------------------------------------------

MECANISMOS_INE: tuple[tuple[str, str, str, str, int], ...] = (
    ("ingreso-seleccion", "Ingreso/Selección", "INGRESO/SELECCION", "ingreso", 10),
    ("profesionalizacion", "Profesionalización", "PROFESIONALIZACION", "profesionalizacion", 6),
    ("capacitacion", "Capacitación", "CAPACITACION", "capacitacion", 8),
    ("promocion-titularidad-incentivos", "Promoción, Titularidad, Incentivos",
     "PROMOCIÓN, TITULARIDAD E INCENTIVOS", "promocion", 10),
    ("cambios-adscripcion-rotacion", "Cambios de Adscripción, Rotación, Ocupaciones Temporales",
     "CAMBIOS DE ADSCRIPCIÓN, ROTACION Y OCUPACIONES TEMPORALES", "cambios", 4),
    ("evaluacion-desempeno", "Evaluación al Desempeño", "EVALUACIÓN DEL DESEMPEÑO", "evaluacion",
     10),
    ("inconformidades-evaluacion", "Inconformidades contra la Evaluación del Desempeño",
     "INCONFORMIDADES CONTRA LA EVALUACIÓN DEL DESEMPEÑO", "inconformidades", 3),
    ("procedimiento-laboral-disciplinario", "Procedimiento Laboral Disciplinario",
     "PROCEDIMIENTO LABORAL DISCIPLINARIO", "disciplinario", 3),
    ("designaciones-presidentes-consejos",
     "Designaciones de Presidentes de Consejos Locales y Distritales",
     "DESIGNACIONES DE PRESIDENTES DE CONSEJOS LOCALES Y DISTRITALES", "designaciones", 1),
    ("protocolo-hasl", "Protocolo HASL", "PROTOCOLO HASL", "hasl", 3),
    ("planeacion-evaluacion-spen", "Planeación y Evaluación del SPEN",
     "PLANEACIÓN Y EVALUACIÓN DEL SPEN", "planeacion", 8),
    ("registro-spen", "Registro del SPEN", "REGISTRO DEL SPEN", "registro", 5),
    ("cargos-puestos-spen", "Cargos y puestos del SPEN", "CARGOS Y PUESTOS DEL SPEN", "cargos",
     3),
)

SIGLAS_COMUNES: tuple[tuple[str, str], ...] = (
    ("SPEN", "Servicio Profesional Electoral Nacional"),
    ("DESPEN", "Dirección Ejecutiva del Servicio Profesional Electoral Nacional"),
    ("INE", "Instituto Nacional Electoral"),
    ("OPLE", "Organismo Público Local Electoral"),
    ("MSPEN", "Miembros del Servicio Profesional Electoral Nacional"),
    ("CG", "Consejo General"),
    ("JGE", "Junta General Ejecutiva"),
    ("SIISPEN", "Sistema Integral de Información del Servicio Profesional Electoral Nacional"),
    ("HASL", "Hostigamiento, Acoso Sexual y Laboral"),
    ("PAT", "Programa Anual de Trabajo"),
    ("LGIPE", "Ley General de Instituciones y Procedimientos Electorales"),
    ("DCPEN", "Dirección de la Carrera Profesional Electoral Nacional"),
    ("DP", "Dirección de Profesionalización"),
    ("DPSPEN", "Dirección de Planeación SPEN"),
)

NOTA_SOMBREADO = "Los meses estaban sombreados en la tabla del PDF y no se conservaron en el texto."

#: Colecciones que cuentan como registros (no se cuentan siglas, conteos ni notas).
COLECCIONES_REGISTRO = ("secciones", "ejes", "objetivos", "lineas_accion", "mecanismos",
                        "actividades", "temas", "filas_cronograma", "fichas",
                        "sesiones_programadas", "integrantes", "sesiones", "compromisos",
                        "acuerdos", "cifras_publicadas")


@dataclass
class Conteo:
    """Registros, documentos y bytes generados."""

    registros: Counter[str] = field(default_factory=Counter)
    documentos: Counter[str] = field(default_factory=Counter)
    bytes: int = 0
    archivos: int = 0

    @property
    def total(self) -> int:
        """Todos los registros."""
        return sum(self.registros.values())


def _contar(doc: dict[str, Any], conteo: Conteo) -> None:
    conteo.documentos[doc["tipo"]] += 1
    for clave in ("secciones", "ejes", "objetivos", "lineas_accion", "mecanismos", "temas",
                  "fichas", "sesiones_programadas", "integrantes", "sesiones", "compromisos",
                  "acuerdos", "cifras_publicadas"):
        conteo.registros[clave] += len(doc.get(clave, ()))
    conteo.registros["actividades"] += sum(len(m["actividades"]) for m in doc.get("mecanismos", ()))
    if "cronograma" in doc:
        conteo.registros["filas_cronograma"] += len(doc["cronograma"]["filas"])


def _mes(anio: int, mes: int) -> str:
    return f"{anio}-{mes:02d}"


def _fecha_barra(fecha: str) -> str:
    return f"{fecha[8:10]}/{fecha[5:7]}/{fecha[:4]}"


def _otra_fecha(fecha: str) -> str:
    """La fecha con otro día: la fuente escribe mal la fecha de la sesión (da un aviso)."""
    dia = int(fecha[8:10])
    return f"{fecha[:8]}{dia % 28 + 1:02d}"


def _fecha_larga(fecha: str) -> str:
    return f"{int(fecha[8:10])} de {MESES[int(fecha[5:7]) - 1].lower()} de {fecha[:4]}"


class Generador:
    """Escribe un árbol ``datos/`` sintético: catálogo y documentos por institución y año."""

    def __init__(self, texto: Texto) -> None:
        self.t = texto

    # -- piezas comunes ----------------------------------------------------------------------

    def _calendario(self, rng: random.Random, anio: int) -> dict[str, Any]:
        r = rng.random()
        if r < 0.55:
            inicio = rng.randint(1, 12)
            fin = min(12, inicio + rng.choice((0, 0, 1, 2, 3, 5, 8)))
            return {"estado": "meses", "meses": [_mes(anio, m) for m in range(inicio, fin + 1)]}
        if r < 0.7:
            return {"estado": "permanente"}
        if r < 0.85:
            trimestre = rng.randint(1, 4)
            return {"estado": "periodo",
                    "texto": f"Durante el {TRIMESTRES[trimestre - 1]} trimestre de {anio}.",
                    "rango": {"desde": _mes(anio, 3 * trimestre - 2),
                              "hasta": _mes(anio, 3 * trimestre)}}
        return {"estado": "no_dado", "nota": NOTA_SOMBREADO}

    def _siglas(self, rng: random.Random, inst: Institucion, seccion: str) -> list[dict[str, Any]]:
        elegidas = rng.sample(SIGLAS_COMUNES, rng.randint(7, 11))
        if not inst.es_ine:
            elegidas.append((inst.siglas, inst.nombre))
        return [{"sigla": s, "significado": n, "fuente": {"seccion": seccion, "fila": i}}
                for i, (s, n) in enumerate(elegidas, start=1)]

    def _fuente_doc(self, rng: random.Random, descripcion: str) -> dict[str, Any]:
        return {"archivo": f"{rng.randint(0, 999):03d}_{rng.getrandbits(64):016x}.txt",
                "descripcion": descripcion + " " + self.t.frase(rng, 120, 260),
                "perdidas": self.t.frase(rng, 100, 240)}

    def _parrafos(self, rng: random.Random, cuantos: int, largo: int) -> str:
        return "\n\n".join(self.t.parrafo(rng, largo) for _ in range(cuantos)) + "\n"

    def _integrantes(self, rng: random.Random) -> list[dict[str, Any]]:
        integrantes = []
        for fila in range(1, rng.randint(4, 5) + 1):
            nombre = (f"{rng.choice(PREFIJOS)} {rng.choice(NOMBRES)} {rng.choice(APELLIDOS)} "
                      f"{rng.choice(APELLIDOS)}")
            integrantes.append({"nombre": nombre, "cargo": "Presidenta" if fila == 1
                                else "Integrante",
                                "fuente": {"seccion": "II. Introducción", "tabla": "Integrantes",
                                           "fila": fila}})
        return integrantes

    def _sesion(self, sesion: SesionCal, texto: str, fuente: dict[str, Any],
                **extra: Any) -> dict[str, Any]:
        registro = {"id": sesion.id, "organo": sesion.organo, "tipo": sesion.tipo,
                    "ordinal": sesion.ordinal, "fecha": sesion.fecha, "texto": texto}
        registro.update(extra)
        registro["fuente"] = fuente
        return registro

    # -- documentos ---------------------------------------------------------------------------

    def programa_anual(self, rng: random.Random, inst: Institucion, anio: int,
                       estado: EstadoInstitucion) -> dict[str, Any]:
        """Programa anual de trabajo del SPEN: mecanismos con sus actividades."""
        doc_id = f"{inst.id}-pat-spen-{anio}"
        organo_aprueba, cuerpo = inst.cuerpos[0]
        aprobacion = calendario_cuerpo(organo_aprueba, anio)[0]
        presentacion = calendario_comision(inst.comision, anio)[0]
        numero = estado.numero(inst, cuerpo, anio, rng)
        mecanismos = []
        fuentes = MECANISMOS_INE if inst.es_ine else rng.sample(MECANISMOS_INE, 9)
        ejes = [{"id": f"eje-{n}", "numero": n, "texto": self.t.frase(rng, 90, 200),
                 "fuente": {"seccion": "Anexo, INTRODUCCIÓN", "tabla": "Ejes Rectores", "fila": n}}
                for n in range(1, 7)]
        for ident, nombre, tabla, prefijo, base in fuentes:
            actividades = []
            marcas = False
            cuantas = max(1, base + rng.randint(-1, 2)) if inst.es_ine else rng.randint(6, 11)
            for fila in range(1, cuantas + 1):
                actividad: dict[str, Any] = {"id": f"{prefijo}-{fila:02d}",
                                             "texto": self.t.frase(rng, 70, 260)}
                if rng.random() < 0.08:
                    actividad["marca"] = "*"
                    marcas = True
                actividad["ejes"] = sorted(rng.sample([e["id"] for e in ejes], rng.randint(1, 2)))
                actividad["calendario"] = self._calendario(rng, anio)
                actividad["fuente"] = {"seccion": "Anexo", "tabla": tabla, "fila": fila}
                actividades.append(actividad)
            mecanismo: dict[str, Any] = {"id": ident, "nombre": nombre, "titulo_tabla": tabla,
                                         "encabezado": "Actividad",
                                         "actividades_publicadas": len(actividades)}
            if marcas:
                mecanismo["notas"] = [{"marca": "*", "texto": self.t.frase(rng, 40, 90)}]
            mecanismo["actividades"] = actividades
            mecanismo["fuente"] = {"seccion": "Anexo", "tabla": tabla}
            mecanismos.append(mecanismo)
        total = sum(len(m["actividades"]) for m in mecanismos)
        tabla_sintesis = "\n".join(
            ["| Mecanismos/Procesos del SPEN | Número de Actividades |", "|---|---|"]
            + [f"| {m['nombre']} | {len(m['actividades'])} |" for m in mecanismos]
            + [f"| Total de Actividades del PAT {anio} | {total} |"])
        introduccion = (self.t.parrafo(rng, 500) + "\n\n" + tabla_sintesis + "\n\n"
                        + self._parrafos(rng, rng.randint(5, 9), 600))
        anterior = estado.aprobaciones.get(anio - 1, f"{inst.siglas}/{cuerpo}2/{anio - 1}")
        estatuto = f"{inst.siglas}/CG{estado.estatuto}/{PRIMER_ANIO - 1}"
        antecedentes = "\n".join(
            [f"- I. El 30 de octubre de {PRIMER_ANIO - 1}, mediante Acuerdo {estatuto}, "
             + self.t.frase(rng, 120, 200),
             f"- II. Mediante Acuerdo {anterior}, " + self.t.frase(rng, 120, 220),
             "- III. " + self.t.frase(rng, 150, 260)])
        considerandos = "\n\n".join(
            f"### {titulo}\n\n" + "\n".join(f"{n}. " + self.t.parrafo(rng, 400)
                                           for n in range(1, rng.randint(3, 6)))
            for titulo in ("Primero: Competencia",
                           "Segundo: Disposiciones normativas que sustentan la determinación"))
        acuerdos = [
            {"numero": numero, "organo": organo_aprueba,
             "titulo": f"ACUERDO POR EL QUE SE APRUEBA EL PROGRAMA ANUAL DE TRABAJO DEL SPEN "
                       f"CORRESPONDIENTE AL EJERCICIO {anio}",
             "fecha": aprobacion.fecha, "sesion": aprobacion.id,
             "aprueba": f"el Programa Anual de Trabajo del SPEN correspondiente al ejercicio {anio}",
             "votacion": self.t.frase(rng, 200, 500),
             "antecedentes": antecedentes, "considerandos": considerandos,
             "puntos": [{"ordinal": o, "texto": self.t.frase(rng, 60, 160)}
                        for o in ("Primero", "Segundo", "Tercero")],
             "publicar_gaceta": True,
             "fuente": {"seccion": f"Acuerdo {numero}"}},
            {"numero": estatuto, "organo": inst.consejo, "fecha": f"{PRIMER_ANIO - 1}-10-30",
             "aprueba": "el Estatuto del Servicio Profesional Electoral Nacional y del Personal "
                        "de la Rama Administrativa.",
             "fuente": {"seccion": "ANTECEDENTES", "numeral": "I"}},
        ]
        estado.aprobaciones[anio] = numero
        return {
            "id": doc_id, "tipo": "programa_anual_trabajo", "institucion": inst.id,
            "organo": inst.emisor_programa,
            "titulo": f"PROGRAMA ANUAL DE TRABAJO DEL SERVICIO PROFESIONAL ELECTORAL NACIONAL "
                      f"DEL {inst.nombre.upper()} CORRESPONDIENTE AL EJERCICIO {anio}",
            "titulo_corto": f"Programa Anual de Trabajo del SPEN {anio} ({inst.siglas})",
            "anio": anio, "fecha": aprobacion.fecha,
            "periodo": {"desde": _mes(anio, 1), "hasta": _mes(anio, 12)},
            "aprobado_por": numero,
            "presentado_en": {"sesion": presentacion.id,
                              "fuente": {"seccion": "CONSIDERANDOS", "numeral": "9"}},
            "fuente": self._fuente_doc(rng, f"Acuerdo {numero} por el que se aprueba el PAT."),
            "siglas": self._siglas(rng, inst, "SIGLAS"),
            "secciones": [{"id": "introduccion", "titulo": "INTRODUCCIÓN", "texto": introduccion,
                           "fuente": {"seccion": "Anexo, INTRODUCCIÓN"}}],
            "ejes": ejes,
            "mecanismos": mecanismos,
            "acuerdos": acuerdos,
            "sesiones": [
                self._sesion(aprobacion, f"sesión {aprobacion.tipo} celebrada el "
                             f"{_fecha_larga(aprobacion.fecha)}",
                             {"seccion": f"Acuerdo {numero}, votación"}),
                self._sesion(presentacion, f"sesión extraordinaria del "
                             f"{_fecha_larga(presentacion.fecha)}",
                             {"seccion": "CONSIDERANDOS", "numeral": "9"}),
            ],
            "conteos": [{"coleccion": "actividades", "valor": total,
                         "cita": f"se compone de {total} actividades",
                         "fuente": {"seccion": "Anexo, INTRODUCCIÓN", "parrafo": 1}},
                        {"coleccion": "ejes", "valor": 6, "cita": "los seis ejes rectores",
                         "fuente": {"seccion": "Anexo, INTRODUCCIÓN", "parrafo": 3}}],
            "cifras_publicadas": [
                {"id": f"eje-{n}-porcentaje", "indicador": f"Porcentaje de actividades del eje {n}",
                 "grupo": "eje", "valor": round(rng.uniform(5, 35), 1), "unidad": "porcentaje",
                 "cita": self.t.frase(rng, 60, 140),
                 "fuente": {"seccion": "Anexo, INTRODUCCIÓN", "parrafo": 4}}
                for n in range(1, 7)],
        }

    def plan_trabajo(self, rng: random.Random, inst: Institucion, anio: int,
                     estado: EstadoInstitucion) -> dict[str, Any]:
        """Plan de trabajo de la comisión de un OPLE: ejes, líneas, cronograma y fichas."""
        doc_id = f"{inst.id}-plan-trabajo-{anio}"
        organo_aprueba, cuerpo = inst.cuerpos[0]
        aprobacion = calendario_cuerpo(organo_aprueba, anio)[0]
        presentacion = calendario_comision(inst.comision, anio)[0]
        numero = estado.numero(inst, cuerpo, anio, rng)
        estado.aprobaciones[anio] = numero
        ejes = [{"id": f"eje-{n}", "texto": self.t.frase(rng, 60, 180),
                 "fuente": {"seccion": "Diagnóstico", "parrafo": 3, "fila": n}}
                for n in range(1, rng.randint(5, 7) + 1)]
        objetivos = [{"id": "objetivo-general", "nivel": "general",
                      "texto": self.t.frase(rng, 150, 300),
                      "fuente": {"seccion": "Objetivo general"}}]
        objetivos += [{"id": f"objetivo-{n}", "numero": f"{n}", "nivel": "especifico",
                       "texto": self.t.frase(rng, 80, 200),
                       "fuente": {"seccion": "Objetivos específicos", "numeral": f"{n}"}}
                      for n in range(1, rng.randint(3, 5) + 1)]
        lineas = []
        for n in range(1, rng.randint(12, 18) + 1):
            objetivo = rng.choice(objetivos[1:])
            linea: dict[str, Any] = {"id": f"linea-{n}", "numero": f"{objetivo['numero']}.{n}",
                                     "texto": self.t.frase(rng, 80, 220),
                                     "grupo": f"Líneas del objetivo {objetivo['numero']}",
                                     "objetivo": objetivo["id"]}
            if rng.random() < 0.4:
                linea["calendario"] = self._calendario(rng, anio)
            linea["fuente"] = {"seccion": "Diagnóstico", "parrafo": 4, "fila": n}
            lineas.append(linea)
        lineas.sort(key=lambda linea: linea["objetivo"])
        fichas = []
        for n in range(1, rng.randint(11, 16) + 1):
            fichas.append({
                "id": f"ficha-{n}", "ejes": [self.t.frase(rng, 30, 80).upper()],
                "linea_accion": self.t.frase(rng, 100, 220),
                "objetivos": [self.t.frase(rng, 80, 200) for _ in range(rng.randint(1, 3))],
                "actividad": self.t.frase(rng, 150, 350), "periodo": f"Durante {anio}.",
                "calendario": self._calendario(rng, anio),
                "participantes": self.t.frase(rng, 100, 260), "lugar": "Por confirmar.",
                "fuente": {"seccion": "Fichas técnicas", "tabla": f"Ficha técnica {n}"}})
        titulo_crono = f"CRONOGRAMA DEL PLAN DE TRABAJO {anio} DEL {inst.siglas}"
        filas = []
        marcas: set[str] = set()
        for n in range(1, rng.randint(34, 46) + 1):
            fila: dict[str, Any] = {"id": f"cronograma-{n:02d}",
                                    "texto": self.t.frase(rng, 70, 220)}
            if rng.random() < 0.1:
                fila["marca"] = rng.choice(("*", "**"))
                marcas.add(fila["marca"])
            fila["ejes"] = [rng.choice(ejes)["id"]]
            fila["calendario"] = self._calendario(rng, anio)
            if rng.random() < 0.5:
                fila["ficha"] = rng.choice(fichas)["id"]
            fila["fuente"] = {"seccion": "Cronograma", "tabla": titulo_crono, "fila": n}
            filas.append(fila)
        cronograma: dict[str, Any] = {
            "titulo": titulo_crono, "periodo_declarado": f"(ENERO-{anio} / DICIEMBRE {anio})",
            "periodo_declarado_rango": {"desde": _mes(anio, 1), "hasta": _mes(anio, 12)},
            "encabezado": "Eje/línea de acción"}
        if marcas:
            cronograma["notas"] = [{"marca": m, "texto": self.t.frase(rng, 30, 90)}
                                   for m in sorted(marcas)]
        cronograma["filas"] = filas
        cronograma["fuente"] = {"seccion": "Cronograma"}
        return {
            "id": doc_id, "tipo": "plan_trabajo", "institucion": inst.id,
            "organo": inst.emisor_programa, "titulo": f"Plan de Trabajo y Cronograma {anio}",
            "titulo_corto": f"Plan de Trabajo {anio} de la Comisión de Seguimiento ({inst.siglas})",
            "anio": anio, "fecha": aprobacion.fecha,
            "periodo": {"desde": _mes(anio, 1), "hasta": _mes(anio, 12)},
            "aprobado_por": numero,
            "presentado_en": {"sesion": presentacion.id, "fuente": {"seccion": "Introducción"}},
            "fuente": self._fuente_doc(rng, f"Plan de trabajo {anio} del {inst.nombre}."),
            "anexo": {"numero": "1"},
            "siglas": self._siglas(rng, inst, "Introducción"),
            "secciones": [
                {"id": "introduccion", "titulo": "Introducción",
                 "texto": self._parrafos(rng, rng.randint(4, 7), 600),
                 "fuente": {"seccion": "Introducción"}},
                {"id": "diagnostico", "titulo": "Diagnóstico",
                 "texto": self.t.parrafo(rng, 400) + "\n\n"
                 + "\n".join(f"- {self.t.frase(rng, 60, 160)}" for _ in range(8)) + "\n\n"
                 + self._parrafos(rng, 2, 500),
                 "fuente": {"seccion": "Diagnóstico"}},
            ],
            "ejes": ejes, "objetivos": objetivos, "lineas_accion": lineas,
            "cronograma": cronograma, "fichas": fichas,
            "acuerdos": [{"numero": numero, "organo": organo_aprueba, "fecha": aprobacion.fecha,
                          "sesion": aprobacion.id,
                          "aprueba": f"el Plan de Trabajo {anio} de la Comisión de Seguimiento",
                          "fuente": {"seccion": "Introducción"}}],
            "sesiones": [
                self._sesion(aprobacion, f"sesión {aprobacion.tipo} del Consejo General",
                             {"seccion": "Introducción"}),
                self._sesion(presentacion, "sesión extraordinaria de la Comisión",
                             {"seccion": "Introducción"}),
            ],
            "conteos": [{"coleccion": "ejes", "valor": len(ejes),
                         "cita": f"se identifican {len(ejes)} ejes rectores",
                         "fuente": {"seccion": "Diagnóstico", "parrafo": 3}},
                        {"coleccion": "lineas_accion", "valor": len(lineas),
                         "cita": f"se derivan {len(lineas)} líneas de acción",
                         "fuente": {"seccion": "Diagnóstico", "parrafo": 4}}],
        }

    def programa_comision(self, rng: random.Random, inst: Institucion, anio: int,
                          estado: EstadoInstitucion) -> dict[str, Any]:
        """Programa anual de trabajo de la comisión: temas con meses y sesiones programadas."""
        doc_id = estado.programa_id(inst, anio)
        integracion = estado.numero(inst, "CG", anio - 1, rng)
        temas = []
        for n in range(1, rng.randint(37, 44) + 1):
            tema: dict[str, Any] = {"id": f"tema-{n:02d}"}
            if rng.random() < 0.12:
                tema["texto"] = "(AG) " + self.t.frase(rng, 60, 300)
                tema["clasificacion"] = "AG"
            else:
                area, clasificacion = rng.choice(inst.areas_temas)
                prefijo = f"({clasificacion}) " if clasificacion else ""
                tema["texto"] = prefijo + self.t.frase(rng, 60, 420)
                if clasificacion:
                    tema["clasificacion"] = clasificacion
                tema["area"] = area
            meses = sorted(rng.sample(range(1, 13), rng.choice((1, 1, 1, 2, 3, 4, 11))))
            tema["calendario"] = {"estado": "meses", "meses": [_mes(anio, m) for m in meses]}
            if rng.random() < 0.04:
                tema["calendario"]["marcas_fuera_de_tabla"] = 1  # aviso, como en la fuente real
            if rng.random() < 0.2:
                tema["observaciones"] = self.t.frase(rng, 40, 160)
            tema["fuente"] = {"seccion": "Anexo único", "tabla": f"Programa Anual {anio}",
                              "fila": n}
            temas.append(tema)
        estado.temas[anio] = len(temas)
        programadas = [{"id": f"sesion-ordinaria-{q}", "tipo": "ordinaria", "ordinal": q,
                        "semana": 2, "mes": _mes(anio, 3 * q),
                        "texto": f"Segunda semana — {MESES[3 * q - 1]}",
                        "fuente": {"seccion": f"4. Programación de sesiones {anio}",
                                   "tabla": "Programación de las Sesiones Ordinarias",
                                   "fila": q}}
                       for q in range(1, 5)]
        objetivos = [{"id": "objetivo-general", "nivel": "general",
                      "texto": self.t.frase(rng, 200, 450),
                      "fuente": {"seccion": "2. Objetivo general"}}]
        objetivos += [{"id": f"objetivo-3-1-{n}", "numero": f"3.1.{n}", "nivel": "especifico",
                       "texto": self.t.frase(rng, 80, 220),
                       "fuente": {"seccion": "3. Objetivos específicos", "numeral": f"3.1.{n}"}}
                      for n in range(1, rng.randint(6, 9) + 1)]
        introduccion = (self._parrafos(rng, 3, 500) + f"\nLa Comisión se integra por Acuerdo "
                        f"{integracion} del Consejo General, por las y los Consejeros:\n")
        return {
            "id": doc_id, "tipo": "programa_anual_comision", "institucion": inst.id,
            "organo": inst.comision,
            "titulo": f"Programa Anual de Trabajo de la Comisión del Servicio Profesional "
                      f"Electoral Nacional, correspondiente al ejercicio {anio}",
            "titulo_corto": f"Programa Anual de Trabajo {anio} de la {inst.siglas_comision} "
                            f"({inst.siglas})",
            "anio": anio, "periodo": {"desde": _mes(anio, 1), "hasta": _mes(anio, 12)},
            "fuente": self._fuente_doc(rng, f"Programa anual de trabajo {anio} de la comisión."),
            "anexo": {"numero": "único", "titulo": self.t.frase(rng, 60, 140)},
            "siglas": self._siglas(rng, inst, "I. Abreviaturas utilizadas"),
            "secciones": [
                {"id": "introduccion", "titulo": "II. Introducción", "texto": introduccion,
                 "fuente": {"seccion": "II. Introducción"}},
                {"id": "marco-legal", "titulo": "1. Marco Legal",
                 "texto": self._parrafos(rng, 2, 500), "fuente": {"seccion": "1. Marco Legal"}},
                {"id": "programacion-sesiones", "titulo": f"4. Programación de sesiones {anio}",
                 "texto": self.t.parrafo(rng, 300) + "\n\n| Semana | Mes |\n|---|---|\n"
                 + "\n".join(f"| Segunda semana | {MESES[3 * q - 1]} |" for q in range(1, 5))
                 + "\n\n" + self.t.parrafo(rng, 300) + "\n",
                 "fuente": {"seccion": f"4. Programación de sesiones {anio}"}},
            ],
            "objetivos": objetivos, "sesiones_programadas": programadas,
            "integrantes": self._integrantes(rng), "temas": temas,
            "acuerdos": [{"numero": integracion, "organo": inst.consejo,
                          "fuente": {"seccion": "II. Introducción", "parrafo": 4}}],
            "conteos": [{"coleccion": "temas", "valor": len(temas),
                         "cita": f"{len(temas)} asuntos", "fuente": {"seccion": "Anexo único"}}],
        }

    def informe(self, rng: random.Random, inst: Institucion, anio: int, trimestre: int,
                estado: EstadoInstitucion) -> dict[str, Any]:
        """Informe de seguimiento de compromisos y acuerdos presentado en la ordinaria del
        trimestre: compromisos de las sesiones desde la ordinaria anterior."""
        comision = calendario_comision(inst.comision, anio)
        presentacion = next(s for s in comision
                            if s.tipo == "ordinaria" and s.trimestre == trimestre)
        if trimestre == 1:
            anterior = next(s for s in calendario_comision(inst.comision, anio - 1)
                            if s.tipo == "ordinaria" and s.trimestre == 4)
        else:
            anterior = next(s for s in comision
                            if s.tipo == "ordinaria" and s.trimestre == trimestre - 1)
        cubiertas = [anterior] + [s for s in comision
                                  if s.tipo == "extraordinaria" and s.trimestre == trimestre]
        doc_id = f"{inst.id}-informe-compromisos-{anio}-{presentacion.mes:02d}"
        tabla = f"Compromisos y acuerdos de la {inst.siglas_comision}"
        cuantos = rng.randint(11, 30)
        origenes = sorted((rng.choice(cubiertas) for _ in range(cuantos)), key=lambda s: s.fecha)
        cuerpo_sesiones: dict[str, SesionCal] = {}
        acuerdos: list[dict[str, Any]] = []
        compromisos: list[dict[str, Any]] = []
        for numero, origen in enumerate(origenes, start=1):
            area, area_nombre = rng.choice(inst.areas_compromisos)
            numeros: list[str] = []
            r = rng.random()
            if r < 0.5:
                for _ in range(2 if r < 0.05 else 1):
                    organo, cuerpo = rng.choice(inst.cuerpos)
                    sesion = rng.choice([s for s in calendario_cuerpo(organo, anio)
                                         if s.trimestre == trimestre and s.mes < 3 * trimestre])
                    cuerpo_sesiones[sesion.id] = sesion
                    acuerdo = estado.numero(inst, cuerpo, anio, rng)
                    numeros.append(acuerdo)
                    acuerdos.append({
                        "numero": acuerdo, "organo": organo,
                        "fecha": sesion.fecha, "sesion": sesion.id,
                        "aprueba": self.t.frase(rng, 90, 300).rstrip(".").lower(),
                        "enlace": f"https://repositoriodocumental.example/{inst.id}/"
                                  f"{acuerdo.replace('/', '-').lower()}.pdf",
                        "votacion": "unanimidad",
                        "fuente": {"seccion": "IV. Anexo", "tabla": tabla, "fila": numero,
                                   "nota": str(len(acuerdos) + 1)}})
            concluido = bool(numeros) or rng.random() < 0.5
            texto = self.t.frase(rng, 150, 450)
            if rng.random() < 0.1:
                texto = texto[:-1] + (f", en cumplimiento a lo ordenado por el Acuerdo "
                                      f"{estado.integracion(inst, anio)}.")
            avance = self.t.frase(rng, 120, 420)
            if numeros:
                avance = avance[:-1] + ", mediante el Acuerdo " + " y ".join(numeros) + "."
            compromiso: dict[str, Any] = {
                "id": f"compromiso-{numero:02d}", "numero": numero, "sesion": origen.id,
                "sesion_texto": f"{_fecha_barra(origen.fecha)} {origen.nombre()}.",
                "fecha_texto": origen.fecha if rng.random() > 0.03 else _otra_fecha(origen.fecha),
                "texto": texto, "area": area,
                "area_texto": f"{area_nombre}.", "avance": avance,
                "estatus": "concluido" if concluido else "en_curso",
                "estatus_texto": "Concluido." if concluido else "En curso.",
                "porcentaje": 100 if concluido else rng.choice((10, 25, 40, 50, 60, 75, 90)),
            }
            if numeros:
                compromiso["acuerdos"] = numeros
            if rng.random() < 0.7 and anio in estado.temas:
                tema = rng.randint(1, estado.temas[anio])
                compromiso["temas"] = [f"{estado.programa_id(inst, anio)}/tema-{tema:02d}"]
            compromiso["fuente"] = {"seccion": "IV. Anexo", "tabla": tabla, "fila": numero}
            compromisos.append(compromiso)
        por_sesion = Counter(c["sesion"] for c in compromisos)
        sesiones = []
        for fila, sesion in enumerate(cubiertas, start=1):
            extra: dict[str, Any] = {"compromisos_declarados": por_sesion[sesion.id]}
            if sesion.tipo == "ordinaria" and sesion.fecha[:4] in estado.anios_programa:
                extra["programada"] = (f"{estado.programa_id(inst, int(sesion.fecha[:4]))}/"
                                       f"sesion-ordinaria-{sesion.trimestre}")
            sesiones.append(self._sesion(sesion, sesion.nombre(), {
                "seccion": "III. Contenido del Informe", "fila": fila}, **extra))
        sesiones.append(self._sesion(
            presentacion, f"Sesión Ordinaria: {_fecha_larga(presentacion.fecha)}.",
            {"seccion": "Portada"},
            programada=f"{estado.programa_id(inst, anio)}/sesion-ordinaria-{trimestre}"))
        for sesion in sorted(cuerpo_sesiones.values(), key=lambda s: s.fecha):
            sesiones.append(self._sesion(sesion, f"sesión {sesion.tipo} celebrada el "
                                         f"{_fecha_larga(sesion.fecha)}",
                                         {"seccion": "IV. Anexo", "tabla": tabla}))
        concluidos = sum(1 for c in compromisos if c["estatus"] == "concluido")
        tabla_sesiones = "\n".join(
            ["| Tipo de sesión | Fecha de celebración | Compromisos y acuerdos |", "|---|---|---|"]
            + [f"| {s.nombre()} | {_fecha_larga(s.fecha)} | {por_sesion[s.id]} |"
               for s in cubiertas])
        contenido = (f"El informe da cuenta del seguimiento de **{cuantos}** compromisos y "
                     f"acuerdos que se generaron en las sesiones de la Comisión, en las fechas "
                     f"siguientes:\n\n{tabla_sesiones}\n\nDe los **{cuantos}** compromisos, "
                     f"**{concluidos}** están cumplidos y **{cuantos - concluidos}** en proceso "
                     "de cumplimiento.\n")
        return {
            "id": doc_id, "tipo": "informe_seguimiento", "institucion": inst.id,
            "organo": inst.emisor_informe,
            "titulo": "INFORME SOBRE EL SEGUIMIENTO Y CUMPLIMIENTO DE COMPROMISOS Y ACUERDOS DE "
                      f"LA COMISIÓN ({_fecha_larga(presentacion.fecha).upper()})",
            "titulo_corto": f"Informe de seguimiento de compromisos de la "
                            f"{inst.siglas_comision} ({MESES[presentacion.mes - 1].lower()} "
                            f"{anio}, {inst.siglas})",
            "anio": anio, "fecha": presentacion.fecha,
            "fuente": self._fuente_doc(rng, "Informe de seguimiento de compromisos y acuerdos."),
            "presentado_en": {"sesion": presentacion.id, "punto": str(rng.randint(2, 6)),
                              "fuente": {"seccion": "Portada"}},
            "siglas": self._siglas(rng, inst, "I. Glosario"),
            "secciones": [
                {"id": "presentacion", "titulo": "II. Presentación.",
                 "texto": self.t.parrafo(rng, 450) + "\n",
                 "fuente": {"seccion": "II. Presentación"}},
                {"id": "contenido-del-informe", "titulo": "III. Contenido del Informe.",
                 "texto": contenido, "fuente": {"seccion": "III. Contenido del Informe"}},
            ],
            "sesiones": sesiones, "compromisos": compromisos, "acuerdos": acuerdos,
            "conteos": [
                {"coleccion": "compromisos", "valor": cuantos,
                 "cita": f"{cuantos} compromisos y acuerdos",
                 "fuente": {"seccion": "III. Contenido del Informe", "parrafo": 1}},
                {"coleccion": "compromisos", "filtro": {"estatus": "concluido"},
                 "valor": concluidos + (1 if rng.random() < 0.1 else 0),
                 "cita": f"{concluidos} de ellos están cumplidos",
                 "fuente": {"seccion": "III. Contenido del Informe", "parrafo": 2}},
            ],
        }


@dataclass
class EstadoInstitucion:
    """Lo que una institución arrastra de un año a otro: números de acuerdo ya usados,
    aprobaciones y número de temas de cada programa de la comisión."""

    anios_programa: set[str]
    contadores: dict[tuple[str, int], int] = field(default_factory=dict)
    aprobaciones: dict[int, str] = field(default_factory=dict)
    integraciones: dict[int, str] = field(default_factory=dict)
    temas: dict[int, int] = field(default_factory=dict)
    estatuto: int = 909

    def numero(self, inst: Institucion, cuerpo: str, anio: int, rng: random.Random) -> str:
        """Siguiente número de acuerdo del cuerpo (JGE o CG) en el año: INE/JGE38/2024."""
        clave = (cuerpo, anio)
        actual = self.contadores.get(clave, rng.randint(1, 5))
        siguiente = actual + rng.randint(1, 9)
        self.contadores[clave] = siguiente
        numero = f"{inst.siglas}/{cuerpo}{siguiente}/{anio}"
        if cuerpo == "CG" and anio not in self.integraciones:
            self.integraciones[anio] = numero
        return numero

    def integracion(self, inst: Institucion, anio: int) -> str:
        """Un acuerdo del Consejo General del año anterior ya declarado (integración)."""
        return self.integraciones.get(anio - 1) or f"{inst.siglas}/CG1/{anio - 1}"

    @staticmethod
    def programa_id(inst: Institucion, anio: int) -> str:
        """id del programa anual de la comisión."""
        if inst.es_ine:
            return f"ine-pat-cspen-{anio}"
        return f"{inst.id}-pat-comision-{anio}"


def _escribir_yaml(ruta: Path, datos: dict[str, Any], esquema: str) -> int:
    ruta.parent.mkdir(parents=True, exist_ok=True)
    texto = (f"# yaml-language-server: $schema={esquema}\n"
             + yaml.dump(datos, Dumper=_Volcador, allow_unicode=True, sort_keys=False,
                         width=4096, default_flow_style=False))
    ruta.write_text(texto, encoding="utf-8")
    return len(texto.encode("utf-8"))


def generar(directorio: Path, instituciones_n: int, anios: int, texto: Texto) -> Conteo:
    """Escribe ``directorio`` (un ``datos/``) con ``instituciones_n`` instituciones (el INE y
    los primeros OPLE) y ``anios`` años desde ``PRIMER_ANIO``. Determinista: la misma
    institución y año dan el mismo archivo en cualquier escala."""
    if directorio.exists():
        shutil.rmtree(directorio)
    directorio.mkdir(parents=True)
    instituciones, catalogo = catalogo_sintetico(instituciones_n)
    conteo = Conteo()
    conteo.bytes += _escribir_yaml(directorio / "instituciones.yml", catalogo,
                                   "../plugins/programas_spen/carga/esquema/instituciones.schema.json")
    conteo.archivos += 1
    generador = Generador(texto)
    esquema = "../../../plugins/programas_spen/carga/esquema/documento.schema.json"
    anios_lista = list(range(PRIMER_ANIO, PRIMER_ANIO + anios))
    for inst in instituciones:
        estado = EstadoInstitucion(anios_programa={str(a) for a in anios_lista})
        for anio in anios_lista:
            rng = random.Random(f"{SEMILLA}/{inst.id}/{anio}")
            documentos = []
            if inst.es_ine or int(inst.id[-2:]) % 2 == 0:
                documentos.append(generador.programa_anual(rng, inst, anio, estado))
            else:
                documentos.append(generador.plan_trabajo(rng, inst, anio, estado))
            documentos.append(generador.programa_comision(rng, inst, anio, estado))
            for trimestre in range(1, 5):
                documentos.append(generador.informe(rng, inst, anio, trimestre, estado))
            for doc in documentos:
                ruta = directorio / inst.id / str(anio) / f"{doc['id']}.yml"
                conteo.bytes += _escribir_yaml(ruta, doc, esquema)
                conteo.archivos += 1
                _contar(doc, conteo)
    return conteo


# ---------------------------------------------------------------------------------------------
# Medición del núcleo (en un proceso hijo nuevo, para medir su memoria aparte)
# ---------------------------------------------------------------------------------------------


def _rss_pico_mib() -> float:
    """Memoria residente pico de este proceso, en MiB (Linux da KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def medir_carga(datos: Path) -> dict[str, Any]:
    """Solo cargar y validar, sin caché (en un proceso nuevo: nada leído antes)."""
    from programas_spen.carga.validacion import cargar_datos

    inicio, cpu = time.perf_counter(), time.process_time()
    resultado = cargar_datos(datos)
    return {"carga_s": time.perf_counter() - inicio, "carga_cpu_s": time.process_time() - cpu,
            "errores": len(resultado.informe.errores)}


def referencia_cpu() -> float:
    """Segundos (el mejor de 3) de un trabajo fijo de Python puro, un bucle de 10 millones de
    sumas. No mide el proyecto: permite comparar máquinas y momentos, porque la misma clase
    de máquina virtual ha dado aquí hasta el doble de tiempo en días distintos."""
    tiempos = []
    for _ in range(3):
        inicio = time.perf_counter()
        total = 0
        for i in range(10_000_000):
            total += i
        tiempos.append(time.perf_counter() - inicio)
    return min(tiempos)


def medir_nucleo(datos: Path, perfil: Path | None = None) -> dict[str, Any]:
    """Cronometra la carga y validación sola (``cargar_datos``) y luego el núcleo completo
    (``sitio.construir_sitio``: carga, grafo, páginas y archivos), como lo llama el plugin.
    Se ejecuta en un proceso hijo nuevo para medir su memoria aparte."""
    import inspect

    from programas_spen.carga.validacion import cargar_datos
    from programas_spen.sitio.construir import con_metadatos, construir_sitio

    opciones: dict[str, Any] = {}
    if "anexos_pdf" in inspect.signature(construir_sitio).parameters:
        opciones["anexos_pdf"] = False  # los PDF de los anexos se miden aparte

    inicio, cpu = time.perf_counter(), time.process_time()
    resultado = cargar_datos(datos)
    t_carga = time.perf_counter() - inicio
    cpu_carga = time.process_time() - cpu
    errores = resultado.informe.errores
    salida: dict[str, Any] = {"carga_s": t_carga, "carga_cpu_s": cpu_carga,
                              "rss_carga_mib": _rss_pico_mib(),
                              "errores": len(errores), "avisos": len(resultado.informe.avisos),
                              "primeros_errores": [str(e) for e in errores[:15]]}
    if resultado.datos is None:
        return salida
    del resultado
    if "cache" in inspect.signature(cargar_datos).parameters:
        # Con la caché de árboles (``cache_arboles``): una carga que la llena y otra que la
        # usa, como la segunda construcción de ``mkdocs serve`` o de un despliegue.
        with tempfile.TemporaryDirectory(prefix="banco-cache-") as cache:
            inicio = time.perf_counter()
            cargar_datos(datos, cache=Path(cache))
            salida["carga_llenando_cache_s"] = time.perf_counter() - inicio
            inicio = time.perf_counter()
            cargar_datos(datos, cache=Path(cache))
            salida["carga_cache_s"] = time.perf_counter() - inicio
    inicio, cpu = time.perf_counter(), time.process_time()
    sitio = construir_sitio(datos, **opciones)
    t_sitio = time.perf_counter() - inicio
    cpu_sitio = time.process_time() - cpu
    tamanos = [len(con_metadatos(p).encode("utf-8")) for p in sitio.paginas]
    por_tipo: Counter[str] = Counter(p.ruta.split("/")[0] if "/" in p.ruta else "raiz"
                                     for p in sitio.paginas)
    salida.update({
        "sitio_s": t_sitio, "sitio_cpu_s": cpu_sitio,
        "nucleo_sin_carga_s": max(0.0, t_sitio - t_carga),
        "nucleo_sin_carga_cpu_s": max(0.0, cpu_sitio - cpu_carga),
        "paginas": len(sitio.paginas), "paginas_por_tipo": dict(por_tipo),
        "archivos": len(sitio.archivos),
        "markdown_bytes": sum(tamanos),
        "markdown_max_bytes": max(tamanos) if tamanos else 0,
        "documentos": len(sitio.grafo.datos.documentos),
        "acuerdos": len(sitio.grafo.acuerdos), "sesiones": len(sitio.grafo.sesiones),
        "rss_mib": _rss_pico_mib(),
    })
    if perfil:  # aparte, para no inflar los tiempos medidos
        del sitio
        perfilador = cProfile.Profile()
        perfilador.enable()
        construir_sitio(datos, **opciones)
        perfilador.disable()
        perfilador.dump_stats(str(perfil))
    return salida


def _python_hijo(*argumentos: str, limite: float) -> dict[str, Any]:
    """Ejecuta este script en un proceso nuevo y devuelve el JSON que escribe."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as archivo:
        destino = Path(archivo.name)
    try:
        orden = [sys.executable, str(Path(__file__).resolve()), *argumentos,
                 "--json", str(destino)]
        proceso = subprocess.run(orden, timeout=limite, capture_output=True, text=True,
                                 env=_entorno())
        if proceso.returncode != 0:
            raise RuntimeError(f"el proceso hijo falló ({proceso.returncode}):\n"
                               f"{proceso.stderr[-3000:]}")
        return json.loads(destino.read_text("utf-8"))
    finally:
        destino.unlink(missing_ok=True)


def _entorno(pdf: bool = False) -> dict[str, str]:
    entorno = dict(os.environ)
    entorno["NO_MKDOCS_2_WARNING"] = "1"
    entorno["ANEXOS_PDF"] = "true" if pdf else "false"
    entorno["PYTHONHASHSEED"] = "0"
    # Los PDF de los anexos (WeasyPrint, segundos por documento) no se miden a escala nacional.
    entorno.setdefault("ANEXOS_PDF", "false")
    bin_venv = str(Path(sys.executable).parent)
    entorno["PATH"] = f"{bin_venv}{os.pathsep}{entorno.get('PATH', '')}"
    return entorno


# ---------------------------------------------------------------------------------------------
# mkdocs build en un proceso nuevo: tiempo, memoria pico, páginas y bytes
# ---------------------------------------------------------------------------------------------

TIME = Path("/usr/bin/time")


@dataclass
class Construccion:
    """Resultado de un ``mkdocs build``."""

    segundos: float | None = None
    rss_mib: float | None = None
    #: Pico de la suma de la PSS de todos sus procesos (la construcción se copia con ``fork``
    #: para convertir páginas en dos núcleos; ``rss_mib`` es solo el proceso más grande).
    pss_mib: float | None = None
    cpu_s: float | None = None
    paginas_html: int = 0
    bytes_html: int = 0
    bytes_total: int = 0
    bytes_indice_busqueda: int = 0
    #: Segundos del índice de búsqueda (Pagefind), de la línea «Índice de búsqueda: …» del registro.
    busqueda_s: float | None = None
    avisos: int = 0
    codigo: int | None = None
    agotado: bool = False
    error: str = ""

    @property
    def memoria_mib(self) -> float | None:
        """Memoria pico de la construcción: la mayor entre la RSS pico del proceso más grande
        (exacta) y la suma muestreada de la PSS de todos sus procesos."""
        valores = [v for v in (self.rss_mib, self.pss_mib) if v is not None]
        return max(valores) if valores else None


#: Cada cuánto se mide la memoria de todos los procesos de una construcción (s).
MUESTREO_MEMORIA = 0.25


def pss_grupo(grupo: int) -> float | None:
    """Memoria de todos los procesos del grupo ``grupo`` (MiB): la suma de su PSS (cada página
    compartida entre procesos, como la que comparte una copia hecha con ``fork``, se reparte
    entre ellos en vez de contarse dos veces). ``None`` si no hay ``/proc`` (no Linux)."""
    if not os.path.exists("/proc/self/smaps_rollup"):
        return None
    total = 0
    for entrada in os.listdir("/proc"):
        if not entrada.isdigit():
            continue
        try:
            with open(f"/proc/{entrada}/stat", encoding="utf-8") as stat:
                campos = stat.read().rsplit(")", 1)[1].split()
            if int(campos[2]) != grupo:  # pgrp
                continue
            with open(f"/proc/{entrada}/smaps_rollup", encoding="utf-8") as rollup:
                for linea in rollup:
                    if linea.startswith("Pss:"):
                        total += int(linea.split()[1])
                        break
        except (OSError, IndexError, ValueError):
            continue  # terminó entre listar y leer
    return total / 1024


def _rusage_envoltorio() -> str:
    """Programa que ejecuta una orden y escribe su memoria pico (si no hay /usr/bin/time)."""
    return ("import json,resource,subprocess,sys,time\n"
            "t=time.perf_counter();c=subprocess.call(sys.argv[2:])\n"
            "r=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "open(sys.argv[1],'w').write(json.dumps({'s':time.perf_counter()-t,"
            "'kib':r.ru_maxrss,'cpu':r.ru_utime+r.ru_stime}))\n"
            "sys.exit(c)\n")


def _leer_time(texto: str) -> tuple[float | None, float | None, float | None]:
    """(segundos de reloj, MiB pico, CPU s) de la salida de ``/usr/bin/time -v``."""
    segundos = rss = None
    cpu = 0.0
    for linea in texto.splitlines():
        linea = linea.strip()
        if linea.startswith("Elapsed (wall clock) time"):
            valor = linea.rsplit(" ", 1)[-1]
            partes = [float(p) for p in valor.split(":")]
            segundos = sum(p * 60 ** i for i, p in enumerate(reversed(partes)))
        elif linea.startswith("Maximum resident set size"):
            rss = int(linea.rsplit(" ", 1)[-1]) / 1024
        elif linea.startswith(("User time", "System time")):
            cpu += float(linea.rsplit(" ", 1)[-1])
    return segundos, rss, cpu


def _medir_directorio(directorio: Path) -> tuple[int, int, int, int]:
    """Páginas HTML, sus bytes, todos los bytes escritos y los de los índices de búsqueda
    (``pagefind/``, ya comprimidos)."""
    paginas = bytes_html = total = busqueda = 0
    indices = str(directorio / "pagefind")
    for raiz, _, archivos in os.walk(directorio):
        for nombre in archivos:
            tamano = os.path.getsize(os.path.join(raiz, nombre))
            total += tamano
            if nombre.endswith(".html"):
                paginas += 1
                bytes_html += tamano
            if raiz == indices or raiz.startswith(indices + os.sep):
                busqueda += tamano
    return paginas, bytes_html, total, busqueda


def mkdocs_build(proyecto: Path, salida: Path, limite: float, registro: Path,
                 pdf: bool = False, con_cache: bool = False) -> Construccion:
    """``mkdocs build`` de ``proyecto`` en un proceso nuevo, con límite de tiempo; ``pdf``
    enciende los PDF de los anexos (``ANEXOS_PDF``). Desde cero: sin la caché del plugin que
    dejó una construcción anterior del mismo proyecto (árboles YAML, PDF, índices de búsqueda),
    salvo con ``con_cache``."""
    if salida.exists():
        shutil.rmtree(salida)
    if not con_cache and (proyecto / ".cache").exists():
        shutil.rmtree(proyecto / ".cache")
    medidas = registro.with_suffix(".medidas")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f",
              str(proyecto / "mkdocs.yml"), "-d", str(salida)]
    if TIME.exists():
        orden = [str(TIME), "-v", "-o", str(medidas), *mkdocs]
    else:
        orden = [sys.executable, "-c", _rusage_envoltorio(), str(medidas), *mkdocs]
    resultado = Construccion()
    inicio = time.perf_counter()
    with registro.open("w", encoding="utf-8") as log:
        proceso = subprocess.Popen(orden, cwd=proyecto, stdout=log, stderr=subprocess.STDOUT,
                                   env=_entorno(pdf), start_new_session=True)
        while proceso.poll() is None:
            pss = pss_grupo(proceso.pid)
            if pss is not None:
                resultado.pss_mib = max(resultado.pss_mib or 0.0, pss)
            if time.perf_counter() - inicio > limite:
                os.killpg(proceso.pid, signal.SIGKILL)
                proceso.wait()
                resultado.agotado = True
                resultado.segundos = time.perf_counter() - inicio
                resultado.error = f"agotó el límite de {limite:.0f} s"
                return resultado
            time.sleep(MUESTREO_MEMORIA)
        resultado.codigo = proceso.returncode
    texto_medidas = medidas.read_text("utf-8") if medidas.exists() else ""
    if TIME.exists():
        resultado.segundos, resultado.rss_mib, resultado.cpu_s = _leer_time(texto_medidas)
    elif texto_medidas:
        datos = json.loads(texto_medidas)
        resultado.segundos, resultado.rss_mib = datos["s"], datos["kib"] / 1024
        resultado.cpu_s = datos["cpu"]
    if resultado.segundos is None:
        resultado.segundos = time.perf_counter() - inicio
    texto_log = registro.read_text("utf-8", errors="replace")
    resultado.avisos = sum(1 for linea in texto_log.splitlines() if linea.startswith("WARNING"))
    indice = re.search(r"Índice de búsqueda: .* en ([\d.]+) s", texto_log)
    resultado.busqueda_s = float(indice.group(1)) if indice else None
    if resultado.codigo != 0:
        resultado.error = "mkdocs build falló: " + " | ".join(texto_log.splitlines()[-5:])
    if salida.exists():
        (resultado.paginas_html, resultado.bytes_html, resultado.bytes_total,
         resultado.bytes_indice_busqueda) = _medir_directorio(salida)
    return resultado


def preparar_proyecto(destino: Path) -> Path:
    """Copia de ``mkdocs.yml``, ``contenido/`` y ``tema/`` del repositorio (sin ``datos/``)."""
    destino.mkdir(parents=True, exist_ok=True)
    if (destino / ".cache").exists():  # cada construcción medida empieza sin caché
        shutil.rmtree(destino / ".cache")
    shutil.copy2(RAIZ / "mkdocs.yml", destino / "mkdocs.yml")
    for carpeta in ("contenido", "tema"):
        if (destino / carpeta).exists():
            shutil.rmtree(destino / carpeta)
        shutil.copytree(RAIZ / carpeta, destino / carpeta)
    return destino


# ---------------------------------------------------------------------------------------------
# Comparación con MkDocs + Material de serie
# ---------------------------------------------------------------------------------------------


def proyecto_de_serie(destino: Path, paginas: int, tamano: int, texto: Texto) -> None:
    """``paginas`` páginas Markdown simples de unos ``tamano`` bytes, todas en la navegación
    (sin ``nav``: MkDocs las pone todas), con Material y opciones por omisión."""
    if destino.exists():
        shutil.rmtree(destino)
    docs = destino / "docs"
    docs.mkdir(parents=True)
    (destino / "mkdocs.yml").write_text("site_name: Banco de serie\ntheme:\n  name: material\n",
                                        encoding="utf-8")
    rng = random.Random(f"{SEMILLA}/serie")
    por_seccion = max(1, math.ceil(paginas / 10))
    for n in range(paginas):
        if n == 0:
            ruta = docs / "index.md"
        else:
            ruta = docs / f"seccion-{(n - 1) // por_seccion + 1:02d}" / f"pagina-{n:04d}.md"
        ruta.parent.mkdir(parents=True, exist_ok=True)
        partes = [f"# Página {n}: {texto.frase(rng, 30, 60).rstrip('.')}", ""]
        largo = len(partes[0])
        while largo < tamano:
            bloque = rng.random()
            if bloque < 0.15:
                filas = ["| Núm. | Actividad | Calendario |", "| --- | --- | --- |"]
                filas += [f"| {i} | {texto.frase(rng, 60, 200)} | {rng.choice(MESES)} |"
                          for i in range(1, rng.randint(3, 8))]
                pieza = "\n".join(filas)
            elif bloque < 0.3:
                pieza = f"## {texto.frase(rng, 20, 50).rstrip('.')}"
            elif bloque < 0.45:
                pieza = "\n".join(f"- {texto.frase(rng, 60, 180)}" for _ in range(4))
            else:
                pieza = texto.parrafo(rng, 400)
            partes += [pieza, ""]
            largo += len(pieza.encode("utf-8")) + 2
        ruta.write_text("\n".join(partes), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# mkdocs serve: cuánto tarda en verse la edición de un archivo de datos
# ---------------------------------------------------------------------------------------------


def _puerto_libre() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _leer_url(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as respuesta:
            return respuesta.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _esperar_quietud(registro: Path, inicio: float, quietud: float = 3.0,
                     limite: float = 120.0) -> float:
    """Espera hasta que el registro de ``mkdocs serve`` lleve ``quietud`` segundos sin crecer
    (ninguna reconstrucción en curso ni empezada); devuelve cuánto pasó desde ``inicio``."""
    tamano, desde = -1, time.perf_counter()
    while time.perf_counter() - inicio < limite:
        actual = registro.stat().st_size
        if actual != tamano:
            tamano, desde = actual, time.perf_counter()
        elif time.perf_counter() - desde >= quietud:
            break
        time.sleep(0.2)
    return time.perf_counter() - inicio


def latencia_serve(trabajo: Path, pdf: bool, repeticiones: int = 3,
                   limite: float = 60.0) -> dict[str, Any]:
    """Sirve una copia del proyecto real y edita el ``titulo_corto`` del archivo de datos más
    grande; mide desde que se escribe el archivo hasta que la página servida muestra el cambio.
    ``pdf``: con los PDF de los anexos (``ANEXOS_PDF=true``) o sin ellos (``ANEXOS_PDF=false``,
    como ``tareas.py sitio``)."""
    proyecto = preparar_proyecto(trabajo / f"serve-{'pdf' if pdf else 'sin-pdf'}")
    if (proyecto / "datos").exists():
        shutil.rmtree(proyecto / "datos")
    shutil.copytree(DATOS_REALES, proyecto / "datos")
    candidatos = sorted((proyecto / "datos").rglob("*.yml"), key=lambda p: -p.stat().st_size)
    archivo = next(p for p in candidatos if p.name != "instituciones.yml")
    original = archivo.read_text("utf-8")
    doc_id = re.search(r"^id: (\S+)$", original, re.MULTILINE)
    corto = re.search(r"^titulo_corto: (.+)$", original, re.MULTILINE)
    if not doc_id or not corto:
        return {"error": f"no se encontró id o titulo_corto en {archivo.name}"}
    puerto = _puerto_libre()
    base = f"http://127.0.0.1:{puerto}/"
    url = f"{base}documentos/{doc_id.group(1)}/"
    registro = trabajo / f"serve-{'pdf' if pdf else 'sin-pdf'}.log"
    resultado: dict[str, Any] = {"archivo": str(archivo.relative_to(proyecto)), "url": url,
                                 "tiempos": [], "pdf": pdf}
    with registro.open("w", encoding="utf-8") as log:
        proceso = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(proyecto / "mkdocs.yml"),
             "-a", f"127.0.0.1:{puerto}"], cwd=proyecto, stdout=log, stderr=subprocess.STDOUT,
            env=_entorno(pdf), start_new_session=True)
        try:
            inicio = time.perf_counter()
            while _leer_url(url) is None:
                if proceso.poll() is not None or time.perf_counter() - inicio > 180:
                    resultado["error"] = "mkdocs serve no llegó a servir la página"
                    return resultado
                time.sleep(0.2)
            resultado["arranque_s"] = time.perf_counter() - inicio
            if pdf:  # sin caché, los PDF del primer arranque se generan aparte: se esperan
                while time.perf_counter() - inicio < 180:
                    pagina = _leer_url(url)
                    if pagina and "anexo.pdf" in pagina and "en preparación" not in pagina:
                        resultado["pdf_arranque_s"] = time.perf_counter() - inicio
                        break
                    time.sleep(0.2)
            # y hasta que el servidor esté quieto: los PDF del arranque llegan en dos procesos y
            # cada llegada provoca otra reconstrucción; una edición hecha en medio espera a que
            # termine la que está en curso, y eso no es el tiempo de una edición
            resultado["quieto_s"] = _esperar_quietud(registro, inicio)
            time.sleep(1.0)
            valor = corto.group(1)
            for n in range(1, repeticiones + 1):
                marca = f"BANCO{n}X{int(time.time())}"
                nuevo = valor.rstrip("'\"") + f" {marca}" + ("'" if valor.endswith("'") else
                                                              '"' if valor.endswith('"') else "")
                archivo.write_text(original.replace(f"titulo_corto: {valor}",
                                                    f"titulo_corto: {nuevo}", 1), "utf-8")
                inicio = time.perf_counter()
                visto = False
                while time.perf_counter() - inicio < limite:
                    pagina = _leer_url(url)
                    if pagina and marca in pagina:
                        visto = True
                        break
                    time.sleep(0.05)
                resultado["tiempos"].append(time.perf_counter() - inicio if visto else None)
                if pdf:
                    # el PDF del anexo llega después (``pdf_en_fondo``): hasta que la página
                    # lo publica, con la edición ya vista
                    listo = None
                    while visto and time.perf_counter() - inicio < limite:
                        pagina = _leer_url(url)
                        if pagina and marca in pagina and "anexo.pdf" in pagina \
                                and "en preparación" not in pagina:
                            listo = time.perf_counter() - inicio
                            break
                        time.sleep(0.05)
                    resultado.setdefault("pdf_listo", []).append(listo)
                time.sleep(1.5)
        finally:
            os.killpg(proceso.pid, signal.SIGINT)
            try:
                proceso.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proceso.pid, signal.SIGKILL)
                proceso.wait()
    return resultado


# ---------------------------------------------------------------------------------------------
# Corrida completa y resultados
# ---------------------------------------------------------------------------------------------


def _mib(valor: float | int | None) -> str:
    return "—" if valor is None else f"{valor / (1024 * 1024):,.1f}"


def _kib(valor: float | int | None) -> str:
    return "—" if valor is None else f"{valor / 1024:,.0f}"


def _s(valor: float | None, decimales: int = 1) -> str:
    return "—" if valor is None else f"{valor:,.{decimales}f}"


def _si_no(cumple: bool | None) -> str:
    return "sin medir" if cumple is None else ("**sí**" if cumple else "**no**")


def info_maquina() -> dict[str, str]:
    """Núcleos, memoria, CPU, Python y versiones de MkDocs y Material."""
    memoria = "?"
    cpu = platform.processor() or "?"
    try:
        for linea in Path("/proc/meminfo").read_text().splitlines():
            if linea.startswith("MemTotal"):
                memoria = f"{int(linea.split()[1]) / 1024 / 1024:.1f} GiB"
        for linea in Path("/proc/cpuinfo").read_text().splitlines():
            if linea.startswith("model name"):
                cpu = linea.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        carga = ", ".join(f"{c:.2f}" for c in os.getloadavg())
    except OSError:
        carga = "?"

    def version(paquete: str) -> str:
        try:
            return metadata.version(paquete)
        except metadata.PackageNotFoundError:
            return "no instalado"

    commit = subprocess.run(["git", "-C", str(RAIZ), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "?"
    cambios = subprocess.run(["git", "-C", str(RAIZ), "status", "--porcelain"],
                             capture_output=True, text=True).stdout.strip()
    return {
        "Fecha": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "Núcleos (nproc)": str(os.cpu_count()), "Memoria": memoria, "CPU": cpu,
        "Carga del sistema al empezar (1, 5, 15 min)": carga,
        "Python": platform.python_version(), "MkDocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"), "Markdown": version("markdown"),
        "PyYAML (libyaml)": f"{version('pyyaml')} ({'sí' if hasattr(yaml, 'CSafeLoader') else 'no'})",
        "jsonschema": version("jsonschema"), "jsonschema-rs": version("jsonschema-rs"),
        "Referencia de CPU al empezar (bucle de 10 M sumas en Python, mejor de 3)":
            f"{referencia_cpu():.2f} s",
        "Commit": commit + (" (con cambios sin commit)" if cambios else ""),
        "Medidor de memoria": ("/usr/bin/time -v" if TIME.exists() else "getrusage(RUSAGE_CHILDREN)")
        + (" y suma de la PSS de /proc" if os.path.exists("/proc/self/smaps_rollup") else ""),
    }


@dataclass
class Escalon:
    """Todo lo medido en un escalón."""

    nombre: str
    instituciones: int
    anios: int
    conteo: Conteo
    generacion_s: float
    nucleo: dict[str, Any] = field(default_factory=dict)
    #: Una construcción por pasada, en orden: la ida, la vuelta, la segunda ida… (ver
    #: ``correr_escalon`` y ``construir_otra_vez``).
    pasadas: list[Construccion] = field(default_factory=list)
    #: La búsqueda medida en Chromium en el sitio de la primera pasada (``medir_busqueda``).
    busqueda: dict[str, Any] | None = None

    @property
    def construccion(self) -> Construccion | None:
        """La construcción de la primera pasada (la ida), si se hizo."""
        return self.pasadas[0] if self.pasadas else None

    def construcciones(self) -> list[tuple[str, Construccion]]:
        """(nombre de la pasada, construcción) de cada pasada hecha: «ida», «vuelta»,
        «ida 2», «vuelta 2»…"""
        return [(nombre_pasada(n), c) for n, c in enumerate(self.pasadas, start=1)]


def nombre_pasada(numero: int) -> str:
    """Nombre de la pasada ``numero`` (desde 1): las impares van de la menor escala a la
    mayor (ida), las pares al revés (vuelta)."""
    nombre = "ida" if numero % 2 else "vuelta"
    vez = (numero + 1) // 2
    return nombre if vez == 1 else f"{nombre} {vez}"


def _validas(escalon: Escalon) -> list[Construccion]:
    """Las construcciones del escalón que terminaron bien, de todas sus pasadas."""
    return [c for _, c in escalon.construcciones()
            if c.segundos and not c.agotado and not c.error]


def tiempo_de(escalon: Escalon) -> float | None:
    """Tiempo de reloj de construir el escalón: la mediana de sus pasadas (con dos, su media;
    con tres o más, una construcción que la máquina retrasó no la mueve)."""
    tiempos = [c.segundos for c in _validas(escalon) if c.segundos]
    return statistics.median(tiempos) if tiempos else None


def cpu_de(escalon: Escalon) -> float | None:
    """Tiempo de CPU de construir el escalón, como ``tiempo_de``."""
    validas = _validas(escalon)
    cpus = [c.cpu_s for c in validas if c.cpu_s]
    return statistics.median(cpus) if cpus and len(cpus) == len(validas) else None


@dataclass
class Resultados:
    """Lo que se reporta."""

    maquina: dict[str, str]
    escalones: list[Escalon] = field(default_factory=list)
    comparacion: dict[str, Any] = field(default_factory=dict)
    pdf: dict[str, Any] = field(default_factory=dict)
    serve: list[dict[str, Any]] = field(default_factory=list)
    con_pdf: bool = False
    perfil: str = ""
    orden: str = ""
    notas: list[str] = field(default_factory=list)


def _escalon_completo(resultados: Resultados) -> Escalon | None:
    return next((e for e in resultados.escalones if e.nombre == "1"), None)


def _normalizado(registros: float, tiempo: float) -> float:
    """La razón de tiempo llevada a exactamente ×2 registros (t ∝ rᵇ ⇒ 2ᵇ)."""
    return 2 ** (math.log(tiempo) / math.log(registros)) if registros > 1 else tiempo


Par = tuple[Escalon, Escalon, float, float, float, float | None, float | None]


def _par(uno: Escalon, dos: Escalon) -> Par:
    """(anterior, siguiente, razón de registros, razón de tiempo de reloj, normalizada a ×2,
    razón de tiempo de CPU, normalizada a ×2) entre dos escalones medidos."""
    t_uno, t_dos = tiempo_de(uno), tiempo_de(dos)
    assert t_uno and t_dos
    registros = dos.conteo.total / uno.conteo.total
    tiempo = t_dos / t_uno
    c_uno, c_dos = cpu_de(uno), cpu_de(dos)
    cpu = c_dos / c_uno if c_uno and c_dos else None
    return (uno, dos, registros, tiempo, _normalizado(registros, tiempo), cpu,
            _normalizado(registros, cpu) if cpu else None)


def _linealidad(resultados: Resultados) -> list[Par]:
    """Los pares de escalones consecutivos medidos (ver ``_par``)."""
    medidos = [e for e in resultados.escalones if _validas(e)]
    return [_par(uno, dos) for uno, dos in zip(medidos, medidos[1:], strict=False)]


def _extremos(resultados: Resultados) -> list[Par]:
    """El primer y el último escalón medidos, como un par más (si hay más de dos)."""
    pares = _linealidad(resultados)
    return [_par(pares[0][0], pares[-1][1])] if len(pares) >= 2 else []


def _pendiente(puntos: list[tuple[float, float]]) -> float | None:
    """La pendiente de mínimos cuadrados de ``puntos`` (x, y); ``None`` si hay menos de dos
    valores de x distintos."""
    if len({x for x, _ in puntos}) < 2:
        return None
    return statistics.linear_regression([x for x, _ in puntos], [y for _, y in puntos]).slope


def ajuste(resultados: Resultados) -> tuple[float, float | None] | None:
    """El exponente b de t ∝ registrosᵇ (de reloj y de CPU) ajustado por mínimos cuadrados
    de log t sobre log registros con todas las construcciones de todas las escalas: cada
    construcción (de cada pasada) es un punto. Usa todas las medidas a la vez (doce con cuatro
    escalas y tres pasadas), no solo las de un par de escalas, así que el ruido de una
    construcción pesa menos que en una razón entre escalas consecutivas. ``None`` con menos de dos escalas
    medidas."""
    construcciones = [(math.log(e.conteo.total), c) for e in resultados.escalones
                      for c in _validas(e)]
    reloj = _pendiente([(x, math.log(c.segundos)) for x, c in construcciones
                        if c.segundos])
    if reloj is None:
        return None
    cpu = _pendiente([(x, math.log(c.cpu_s)) for x, c in construcciones if c.cpu_s])
    return reloj, cpu


def objetivos(resultados: Resultados) -> list[tuple[str, str, str]]:
    """(objetivo, medido, ¿se cumple?)."""
    filas: list[tuple[str, str, str]] = []
    completo = _escalon_completo(resultados)
    c = completo.construccion if completo else None
    if c and not c.agotado and not c.error:
        assert completo is not None
        pasadas = completo.construcciones()
        todas = [x for _, x in pasadas]
        tiempos = [x.segundos for x in todas]
        memorias = [x.memoria_mib for x in todas]
        if len(todas) > 1:  # se juzga por la peor de todas
            medido = (f"{_s(max(t or math.inf for t in tiempos))} s, la peor ("
                      + ", ".join(f"{nombre} {_s(x.segundos)} s" for nombre, x in pasadas) + ")")
            memoria = (f"{_s(max(m or math.inf for m in memorias), 0)} MiB (la mayor de las "
                       f"{len(todas)})")
        else:
            medido, memoria = f"{_s(c.segundos)} s", f"{_s(c.memoria_mib, 0)} MiB"
        filas.append(("Construcción nacional completa < 10 min", medido,
                      _si_no(all(x.segundos is not None and x.segundos < OBJETIVO_TIEMPO
                                 and not x.agotado and not x.error for x in todas))))
        filas.append(("… en < 2 GB de memoria", memoria,
                      _si_no(all(m is not None and m < OBJETIVO_MEMORIA for m in memorias))))
        estimado = _pdf_nacional(resultados)
        if estimado is not None and not resultados.con_pdf:
            total = c.segundos + estimado if c.segundos is not None else None
            filas.append(("… contando los PDF de los anexos (estimado: construcción sin PDF + "
                          "PDF medidos en la muestra × documentos)", f"{_s(total)} s",
                          _si_no(total is not None and total < OBJETIVO_TIEMPO)))
    elif c:
        filas.append(("Construcción nacional completa < 10 min", c.error or "falló", _si_no(False)))
    else:
        filas.append(("Construcción nacional completa < 10 min", "no se midió", _si_no(None)))
    pares = _linealidad(resultados)
    if pares:
        peor = max(p[4] for p in pares)
        cpus = [p[6] for p in pares if p[6] is not None]
        peor_cpu = max(cpus) if cpus else None
        medido = f"peor ×{peor:.2f} en tiempo de reloj"
        if peor_cpu is not None:
            medido += f", ×{peor_cpu:.2f} en tiempo de CPU"
        filas.append(("Crecimiento lineal: al duplicar registros, tiempo ≤ ×2,2 "
                      "(normalizado a ×2 registros)", medido,
                      _si_no(peor <= OBJETIVO_DUPLICAR and (peor_cpu is None
                                                            or peor_cpu <= OBJETIVO_DUPLICAR))))
    exponentes = ajuste(resultados)
    if exponentes is not None and len(pares) >= 2:
        reloj, cpu = exponentes
        medido = f"×{2 ** reloj:.2f} en tiempo de reloj"
        if cpu is not None:
            medido += f", ×{2 ** cpu:.2f} en tiempo de CPU"
        filas.append(("… según el ajuste de todas las construcciones (t ∝ registrosᵇ por "
                      "mínimos cuadrados; al duplicar, ×2ᵇ)", medido,
                      _si_no(2 ** reloj <= OBJETIVO_DUPLICAR and (
                          cpu is None or 2 ** cpu <= OBJETIVO_DUPLICAR))))
    if completo and "carga_s" in completo.nucleo:
        cargas = completo.nucleo.get("cargas_s") or [completo.nucleo["carga_s"]]
        carga = statistics.median(cargas)
        if len(cargas) > 1:
            filas.append((f"Cargar y validar todos los datos < 10 s (sin caché, desde cero; "
                          f"mediana de {len(cargas)} procesos nuevos)",
                          f"{_s(carga)} s (mín. {_s(min(cargas))}, máx. {_s(max(cargas))})",
                          _si_no(carga < OBJETIVO_CARGA)))
        else:
            filas.append(("Cargar y validar todos los datos < 10 s (sin caché, desde cero)",
                          f"{_s(carga)} s", _si_no(carga < OBJETIVO_CARGA)))
        if "carga_cache_s" in completo.nucleo:
            caliente = completo.nucleo["carga_cache_s"]
            filas.append(("… con la caché de árboles llena (segunda construcción, "
                          "`mkdocs serve`)", f"{_s(caliente)} s", _si_no(caliente < OBJETIVO_CARGA)))
    else:
        filas.append(("Cargar y validar todos los datos < 10 s", "no se midió la escala 1",
                      _si_no(None)))
    if completo and completo.busqueda and completo.busqueda.get("resultados_s") is not None:
        b = completo.busqueda
        filas.append(("Búsqueda del sitio a escala nacional en Chromium de escritorio (sin "
                      "objetivo en el issue; ver «Búsqueda en el navegador»)",
                      f"resultados tras {_s(b['resultados_s'])} s; otra consulta, "
                      f"{_s(b['segunda_s'])} s; {_kib(b['bytes_consulta'])} KiB pedidos; "
                      f"{_s(b['memoria_mib'], 0)} MiB en el navegador", "—"))
    if not resultados.serve:
        filas.append(("Edición en mkdocs serve visible < 3 s (datos reales)", "no se midió",
                      _si_no(None)))
    for serve in resultados.serve:
        modo = ("con los PDF de los anexos, que se generan aparte, como `python3 tareas.py "
                "sitio`" if serve.get("pdf") else "sin los PDF, `ANEXOS_PDF=false`")
        objetivo = f"Edición en mkdocs serve visible < 3 s (datos reales; {modo})"
        tiempos = [t for t in serve.get("tiempos", []) if t is not None]
        if not serve.get("tiempos"):
            filas.append((objetivo, serve.get("error", "no se midió"), _si_no(None)))
            continue
        fallidos = len(serve["tiempos"]) - len(tiempos)
        peor_serve = max(tiempos) if tiempos else None
        medido = (f"peor {_s(peor_serve, 2)} s" if peor_serve is not None else "nunca se vio")
        if fallidos:
            medido += f" ({fallidos} sin verse)"
        filas.append((objetivo, medido, _si_no(not fallidos and peor_serve is not None
                                               and peor_serve < OBJETIVO_SERVE)))
        if serve.get("pdf_listo"):
            listos = [t for t in serve["pdf_listo"] if t is not None]
            faltan = len(serve["pdf_listo"]) - len(listos)
            filas.append(("… y su PDF del anexo publicado (llega después; sin objetivo)",
                          (f"peor {_s(max(listos), 2)} s" if listos else "nunca llegó")
                          + (f" ({faltan} sin llegar)" if listos and faltan else ""), "—"))
    return filas


def _informe_busqueda(r: Resultados) -> list[str]:
    """La sección de la búsqueda en el navegador (vacía si no se midió)."""
    medidas = [(e, e.busqueda) for e in r.escalones if e.busqueda]
    if not medidas:
        return []
    filas = [[e.nombre, f"{e.conteo.total:,}", _s(b.get("indices"), 0), _mib(b["bytes_indice"]),
              _s(b["lista_s"]), _s(b["resultados_s"]), _s(b["resultados"], 0), _s(b["segunda_s"]),
              _kib(b["bytes_consulta"]), _s(b.get("memoria_al_cargar_mib"), 0),
              _s(b["memoria_mib"], 0), b["error"] or "ok"]
             for e, b in medidas]
    return ["## Búsqueda en el navegador (Pagefind: un índice por institución)", "",
            "El sitio de la primera construcción de cada escala, servido en localhost y abierto "
            "en el Chromium de las pruebas (escritorio, sin límite de red ni de CPU), en "
            f"`/buscar/?q={busqueda_navegador.CONSULTA}` (lo que abre el cuadro de la cabecera): "
            "*índices abiertos* es desde que se pide la página hasta que la búsqueda abrió sus "
            "índices (el común y los de cada institución); *resultados*, hasta ver los "
            "primeros; *otra consulta*, lo que tarda en la misma página "
            f"«{busqueda_navegador.SEGUNDA}»; *pedido*, los bytes que la página pidió de "
            "`/pagefind/` hasta ver los resultados (motor, índices y los trozos de sus "
            "palabras: lo que descarga un teléfono); *navegador*, la suma de la RSS de los "
            "procesos de Chromium al ver los resultados y su pico (muestreada cada 0,25 s). "
            "*Índices*: cuántos hay y cuánto ocupan en el sitio (ya comprimidos).", "",
            *_tabla(["Escala", "Registros", "Índices", "En el sitio (MiB)",
                     "Índices abiertos (s)", "Resultados (s)", "Páginas halladas",
                     "Otra consulta (s)", "Pedido (KiB)", "Navegador con resultados (MiB)",
                     "… pico (MiB)", "Estado"], filas)]


def _pdf_nacional(resultados: Resultados) -> float | None:
    """Segundos de PDF estimados para todos los documentos de la escala nacional."""
    por_documento = resultados.pdf.get("s_por_pdf")
    if por_documento is None:
        return None
    completo = _escalon_completo(resultados)
    documentos = (sum(completo.conteo.documentos.values()) if completo
                  else 33 * ANIOS * 6)
    return float(por_documento) * documentos


def _tabla(cabecera: list[str], filas: list[list[str]]) -> list[str]:
    lineas = ["| " + " | ".join(cabecera) + " |",
              "| " + " | ".join("---:" if i else "---" for i in range(len(cabecera))) + " |"]
    lineas += ["| " + " | ".join(fila) + " |" for fila in filas]
    return lineas + [""]


def informe_markdown(resultados: Resultados) -> str:
    """Los resultados como Markdown (una tabla por medida)."""
    r = resultados
    lineas = ["# Resultados del banco de rendimiento", "",
              "Generado por `banco/banco.py` (ver `banco/README.md`). Orden: "
              f"`{r.orden}`.", "", "## Máquina", ""]
    lineas += _tabla(["Dato", "Valor"], [[k, v] for k, v in r.maquina.items()])
    lineas += ["## Objetivos", ""]
    lineas += _tabla(["Objetivo", "Medido", "¿Se cumple?"], [list(f) for f in objetivos(r)])
    lineas += ["## Datos sintéticos generados", "",
               f"INE y los primeros OPLE, {ANIOS} años desde {PRIMER_ANIO}; por institución y "
               "año: programa anual (o plan de trabajo), programa de la comisión y 4 informes de "
               "seguimiento. Registros = secciones, ejes, objetivos, líneas de acción, "
               "mecanismos, actividades, filas de cronograma, temas, fichas, sesiones "
               "programadas, integrantes, sesiones, compromisos, acuerdos y cifras (sin siglas "
               "ni conteos).", ""]
    lineas += _tabla(
        ["Escala", "Instituciones", "Documentos", "Registros", "Compromisos", "Actividades",
         "Temas", "YAML (MiB)", "Generar (s)"],
        [[e.nombre, str(e.instituciones), str(sum(e.conteo.documentos.values())),
          f"{e.conteo.total:,}", f"{e.conteo.registros['compromisos']:,}",
          f"{e.conteo.registros['actividades'] + e.conteo.registros['filas_cronograma']:,}",
          f"{e.conteo.registros['temas']:,}", _mib(e.conteo.bytes), _s(e.generacion_s)]
         for e in r.escalones])
    lineas += ["## Núcleo sin MkDocs (proceso nuevo por escala)", "",
               "*Cargar y validar* es `validacion.cargar_datos` (YAML, esquema, referencias, "
               "coherencia), sin caché; su CPU es la del proceso principal (con muchos datos, un "
               "proceso auxiliar lee cerca de la mitad de los archivos a la vez). *Con caché* "
               "es la misma carga con la caché de árboles ya llena (`cache_arboles`), como en "
               "una segunda construcción. *Núcleo completo* es `sitio.construir_sitio` (carga "
               "sin caché, grafo, páginas y archivos); *sin carga* es la diferencia.", ""]
    lineas += _tabla(
        ["Escala", "Registros", "Cargar y validar (s)", "… CPU (s)", "Con caché (s)",
         "Núcleo completo (s)", "… CPU (s)", "Sin carga (s)", "Páginas", "Markdown (MiB)",
         "Avisos", "Errores", "Memoria pico (MiB)"],
        [[e.nombre, f"{e.conteo.total:,}", _s(e.nucleo.get("carga_s"), 2),
          _s(e.nucleo.get("carga_cpu_s"), 2), _s(e.nucleo.get("carga_cache_s"), 2),
          _s(e.nucleo.get("sitio_s"), 2),
          _s(e.nucleo.get("sitio_cpu_s"), 2), _s(e.nucleo.get("nucleo_sin_carga_s"), 2),
          f"{e.nucleo.get('paginas', 0):,}", _mib(e.nucleo.get("markdown_bytes")),
          str(e.nucleo.get("avisos", "—")), str(e.nucleo.get("errores", "—")),
          _s(e.nucleo.get("rss_mib"), 0)] for e in r.escalones])
    lineas += ["## `mkdocs build` completo (proceso nuevo por escala)", "",
               "Tiempo de reloj y memoria pico de `mkdocs build --clean` (la mayor entre la RSS pico "
               "del proceso más grande y la suma de la PSS de todos sus procesos, muestreada cada "
               f"{MUESTREO_MEMORIA} s: la construcción se copia con `fork` para convertir páginas), "
               "desde cero (sin la caché de árboles); "
               "páginas = archivos `.html` escritos; bytes = todo lo escrito en `site/`.", ""]
    pasadas = max((len(e.construcciones()) for e in r.escalones), default=0)
    if pasadas > 1:
        lineas += [f"Cada escala se construye {pasadas} veces, en pasadas alternas: a la "
                   "*ida*, de la más pequeña a la nacional, y a la *vuelta*, de la nacional a "
                   "la más pequeña. La linealidad usa la mediana de las construcciones de cada "
                   "escala (con dos, su media): si la máquina se vuelve más lenta o más rápida "
                   "a lo largo de la corrida (la referencia de CPU de arriba lo muestra), la "
                   "deriva pesa casi igual en todas las escalas (un diseño ABBA), y con tres o "
                   "más pasadas una construcción que la máquina retrasó no mueve la mediana.",
                   ""]
    filas = []
    for e in r.escalones:
        for nombre, c in e.construcciones():
            estado = "agotado" if c.agotado else ("error" if c.error else "ok")
            por_mil = (c.segundos / e.conteo.total * 1000) if c.segundos else None
            filas.append([e.nombre, nombre, f"{e.conteo.total:,}",
                          _s(c.segundos), _s(c.cpu_s), _s(c.memoria_mib, 0),
                          f"{c.paginas_html:,}", _mib(c.bytes_html), _mib(c.bytes_total),
                          _mib(c.bytes_indice_busqueda), _s(c.busqueda_s), _s(por_mil, 2),
                          str(c.avisos), estado])
    lineas += _tabla(["Escala", "Construcción", "Registros", "Tiempo (s)", "CPU (s)",
                      "Memoria pico (MiB)", "Páginas HTML", "HTML (MiB)", "Total escrito (MiB)",
                      "Índices de búsqueda (MiB)", "… hechos en (s)", "s por 1.000 registros",
                      "WARNING", "Estado"],
                     filas)
    for e in r.escalones:
        for nombre, c in e.construcciones():
            if c.error:
                lineas += [f"- Escala {e.nombre} ({nombre}): {c.error}", ""]
    pares = _linealidad(r)
    if pares:
        lineas += ["## Linealidad", "",
                   "Razón de tiempos entre escalones consecutivos (con varias pasadas, de la "
                   "mediana de las construcciones de cada escala). *Normalizado* lleva la razón "
                   "a exactamente ×2 registros (t ∝ registrosᵇ ⇒ 2ᵇ); el objetivo es ≤ ×2,2.", ""]
        filas = [[f"{a.nombre} → {b.nombre}", f"{rr:.2f}", f"{rt:.2f}", f"{n:.2f}",
                  _s(rc, 2), _s(nc, 2), _s(math.log(rc) / math.log(rr), 2) if rc else "—"]
                 for a, b, rr, rt, n, rc, nc in pares + _extremos(r)]
        exponentes = ajuste(r)
        if exponentes is not None and len(pares) >= 2:
            reloj, cpu = exponentes
            filas.append(["todas (ajuste)", "—", "—", f"{2 ** reloj:.2f}", "—",
                          _s(None if cpu is None else 2 ** cpu, 2), _s(cpu, 2)])
        lineas += _tabla(["De → a", "Registros ×", "Reloj ×", "Reloj normalizado a ×2",
                          "CPU ×", "CPU normalizado a ×2", "Exponente b (CPU)"], filas)
        if exponentes is not None and len(pares) >= 2:
            lineas += ["*Todas (ajuste)*: el exponente b de t ∝ registrosᵇ ajustado por mínimos "
                       "cuadrados (log t sobre log registros) con cada construcción de cada "
                       "escala como un punto; al duplicar los registros, el tiempo se multiplica "
                       "por 2ᵇ. Usa todas las medidas a la vez: el ruido de una sola construcción "
                       "(en esta máquina virtual, hasta un 35 % entre dos construcciones iguales) "
                       "pesa menos que en la razón entre dos escalas.", ""]
    lineas += _informe_busqueda(r)
    if r.comparacion:
        c = r.comparacion
        lineas += ["## MkDocs + Material de serie frente al proyecto, mismo número de páginas", "",
                   f"De serie: {c['paginas_serie']:,} páginas Markdown simples de "
                   f"{c['tamano_objetivo']:,} bytes (el promedio de las páginas generadas del "
                   "proyecto), todas en la navegación, `theme: material` con opciones por "
                   "omisión. Proyecto: el mismo pipeline con "
                   f"{c['instituciones']} institución(es) × {c['anios']} años, "
                   f"{c['paginas_proyecto']:,} páginas Markdown (generadas y escritas a mano); "
                   "sus archivos HTML incluyen además las vistas de impresión de los anexos y "
                   "las redirecciones de las URL cortas de los acuerdos, que no pasan por "
                   "Markdown.", ""]
        filas = []
        for nombre, clave, paginas_md in (
                ("MkDocs + Material de serie", "serie", c["paginas_serie"]),
                ("Proyecto", "proyecto", c["paginas_proyecto"])):
            con = c[clave]
            por_pagina = con.segundos / paginas_md * 1000 if con.segundos else None
            filas.append([nombre, f"{paginas_md:,}", f"{con.paginas_html:,}", _s(con.segundos),
                          _s(por_pagina, 1), _s(con.memoria_mib, 0), _mib(con.bytes_html),
                          _s(con.bytes_html / con.paginas_html / 1024 if con.paginas_html
                             else None, 0),
                          "agotado" if con.agotado else ("error" if con.error else "ok")])
        lineas += _tabla(["Construcción", "Páginas Markdown", "Archivos HTML", "Tiempo (s)",
                          "ms por página Markdown", "Memoria pico (MiB)", "HTML (MiB)",
                          "KiB por archivo HTML", "Estado"], filas)
        if c.get("razon") is not None:
            lineas += [f"**Razón de tiempo por página Markdown, proyecto / de serie: "
                       f"×{c['razon']:.2f}** "
                       f"(tiempo total ×{c['razon_total']:.2f}).", ""]
    if r.pdf:
        m = r.pdf
        lineas += ["## PDF de los anexos (muestra)", "",
                   ("Las construcciones de arriba son " + ("**con** los PDF de los anexos."
                    if r.con_pdf else "**sin** los PDF de los anexos (`ANEXOS_PDF=false`), "
                    "que se miden aquí aparte: ") +
                    f"{m['instituciones']} instituciones × 1 año ({m['documentos']} documentos), "
                    "`mkdocs build` con y sin PDF; la diferencia entre los PDF escritos da el "
                    "costo por PDF, y se extrapola a los documentos de la escala nacional. "
                    "*Con PDF, caché llena* repite la construcción con PDF con la caché del "
                    "plugin que dejó la anterior (`.cache/programas-spen/`: árboles y PDF ya "
                    "hechos), como una segunda construcción o una CI que conserva la caché."),
                   ""]
        filas = []
        for nombre, clave in (("Sin PDF", "sin"), ("Con PDF", "con"),
                              ("Con PDF, caché llena", "caliente")):
            con = m.get(clave)
            if con is None:
                continue
            filas.append([nombre, _s(con.segundos), _s(con.memoria_mib, 0), f"{con.paginas_html:,}",
                          _mib(con.bytes_total),
                          "agotado" if con.agotado else ("error" if con.error else "ok")])
        lineas += _tabla(["Construcción", "Tiempo (s)", "Memoria pico (MiB)", "Páginas HTML",
                          "Total escrito (MiB)", "Estado"], filas)
        if m.get("s_por_pdf") is not None:
            nacional = _pdf_nacional(r)
            lineas += [f"{m['pdfs']} PDF ({_mib(m['bytes_pdf'])} MiB): **{m['s_por_pdf']:.2f} s "
                       f"por PDF**; a escala nacional, unos **{_s(nacional, 0)} s** "
                       f"({_s((nacional or 0) / 60, 1)} min) solo de PDF en una construcción "
                       "desde cero; con la caché llena solo se generan los de los documentos "
                       "cuyo anexo cambió.", ""]
    for s in r.serve:
        modo = ("con los PDF de los anexos, generados aparte (como `python3 tareas.py sitio`)"
                if s.get("pdf") else "sin los PDF de los anexos (`ANEXOS_PDF=false`)")
        lineas += [f"## `mkdocs serve` {modo}: edición de un archivo de datos real", "",
                   f"Copia del proyecto con los datos reales; se edita `titulo_corto` de "
                   f"`{s.get('archivo', '?')}` (el archivo más grande) y se consulta "
                   f"`{s.get('url', '?')}` cada 50 ms hasta ver el cambio. Incluye el sondeo "
                   "de archivos de MkDocs (cada 0,5 s).", ""]
        if "error" in s:
            lineas += [f"Error: {s['error']}", ""]
        listos = s.get("pdf_listo") or []
        filas = [[str(i), _s(t, 2) if t is not None else "no se vio"]
                 + ([_s(listos[i - 1], 2) if i <= len(listos) and listos[i - 1] is not None
                     else "no llegó"] if listos else [])
                 for i, t in enumerate(s.get("tiempos", []), start=1)]
        if filas:
            lineas += [f"Arranque de `mkdocs serve` hasta servir la página: "
                       f"{_s(s.get('arranque_s'), 2)} s"
                       + (f"; hasta publicar todos los PDF (sin caché): "
                          f"{_s(s['pdf_arranque_s'], 2)} s" if "pdf_arranque_s" in s else "")
                       + ".", ""]
            if listos:
                lineas += ["La reconstrucción no espera el PDF del anexo que cambió: la página "
                           "se publica con el PDF «en preparación», un proceso aparte lo genera "
                           "y otra reconstrucción lo publica (`exportar/pdf_en_fondo.py`). "
                           "*PDF publicado tras* mide hasta que la página enlaza el PDF nuevo.", ""]
            lineas += _tabla(["Edición", "Visible tras (s)"]
                             + (["PDF publicado tras (s)"] if listos else []), filas)
    if r.perfil:
        lineas += ["## Perfil del núcleo a la mayor escala (cProfile, tiempo propio)", "",
                   "```text", r.perfil.rstrip(), "```", ""]
    if r.notas:
        lineas += ["## Notas", ""] + [f"- {n}" for n in r.notas] + [""]
    return "\n".join(lineas)


def _escribir(resultados: Resultados, salida: Path) -> None:
    salida.parent.mkdir(parents=True, exist_ok=True)
    salida.write_text(informe_markdown(resultados), encoding="utf-8")


def _imprimir(texto: str) -> None:
    print(texto, flush=True)


def instituciones_de(escala: str) -> int:
    """Instituciones de un escalón: 1/8 → 4, 1/4 → 8, 1/2 → 16, 1 → 33."""
    return max(1, round(33 * Fraction(escala)))


def _rutas_del_escalon(trabajo: Path, nombre: str) -> tuple[Path, Path, str]:
    """El proyecto generado de un escalón, su sitio construido y su nombre en archivos."""
    slug = nombre.replace("/", "-")
    return trabajo / f"proyecto-{slug}", trabajo / f"site-{slug}", slug


def correr_escalon(nombre: str, instituciones: int, anios: int, trabajo: Path, texto: Texto,
                   limite: float, perfil: Path | None = None, pdf: bool = False,
                   repeticiones_carga: int = 1, busqueda: bool = True) -> Escalon:
    """Genera, mide el núcleo y construye con MkDocs un escalón. ``repeticiones_carga``:
    cuántas veces medir la carga sin caché (la primera es la de ``medir_nucleo``; las demás,
    cada una en un proceso nuevo). ``busqueda``: medir además la búsqueda del sitio construido
    en Chromium (``medir_busqueda``)."""
    carpeta, salida, slug = _rutas_del_escalon(trabajo, nombre)
    proyecto = preparar_proyecto(carpeta)
    _imprimir(f"[{nombre}] generando {instituciones} institución(es) × {anios} años…")
    inicio = time.perf_counter()
    conteo = generar(proyecto / "datos", instituciones, anios, texto)
    escalon = Escalon(nombre, instituciones, anios, conteo, time.perf_counter() - inicio)
    _imprimir(f"[{nombre}] {conteo.total:,} registros en {sum(conteo.documentos.values())} "
              f"documentos, {_mib(conteo.bytes)} MiB de YAML ({escalon.generacion_s:.1f} s); "
              f"{dict(conteo.registros)}")
    argumentos = ["--nucleo", str(proyecto / "datos")]
    if perfil:
        argumentos += ["--perfil-salida", str(perfil)]
    escalon.nucleo = _python_hijo(*argumentos, limite=limite)
    n = escalon.nucleo
    _imprimir(f"[{nombre}] validación: {n['errores']} error(es), {n['avisos']} aviso(s)")
    if n["errores"]:
        raise SystemExit("Los datos sintéticos tienen errores de validación:\n"
                         + "\n".join(n["primeros_errores"]))
    n["cargas_s"] = [n["carga_s"]] + [
        _python_hijo("--carga", str(proyecto / "datos"), limite=limite)["carga_s"]
        for _ in range(repeticiones_carga - 1)]
    _imprimir(f"[{nombre}] núcleo: cargar y validar {n['carga_s']:.2f} s"
              + (f" (mediana de {len(n['cargas_s'])}: {statistics.median(n['cargas_s']):.2f} s)"
                 if len(n["cargas_s"]) > 1 else "") + "; construir_sitio "
              f"{n['sitio_s']:.2f} s; {n['paginas']:,} páginas; {n['rss_mib']:.0f} MiB pico")
    _imprimir(f"[{nombre}] mkdocs build {'con' if pdf else 'sin'} PDF (límite {limite:.0f} s)…")
    c = mkdocs_build(proyecto, salida, limite, trabajo / f"build-{slug}.log", pdf=pdf)
    escalon.pasadas.append(c)
    _imprimir(f"[{nombre}] mkdocs build: {_s(c.segundos)} s, {_s(c.memoria_mib, 0)} MiB pico, "
              f"{c.paginas_html:,} páginas HTML, {_mib(c.bytes_total)} MiB escritos"
              + (f" — {c.error}" if c.error else ""))
    if busqueda and not c.error and not c.agotado:
        _imprimir(f"[{nombre}] búsqueda en Chromium…")
        escalon.busqueda = medir_busqueda(salida)
        b = escalon.busqueda
        _imprimir(f"[{nombre}] búsqueda: resultados tras {_s(b['resultados_s'])} s, otra consulta "
                  f"{_s(b['segunda_s'])} s, {_kib(b['bytes_consulta'])} KiB pedidos, "
                  f"{_s(b['memoria_mib'], 0)} MiB en el navegador"
                  + (f" — {b['error']}" if b["error"] else ""))
    shutil.rmtree(salida, ignore_errors=True)
    return escalon


def medir_busqueda(sitio: Path) -> dict[str, Any]:
    """La búsqueda de ``sitio`` en Chromium (``busqueda_navegador.medir``), con cuántos índices
    tiene y cuánto ocupan (``pagefind/``; Pagefind ya los escribe comprimidos)."""
    carpeta = sitio / "pagefind"
    archivos = [p for p in carpeta.rglob("*") if p.is_file()] if carpeta.is_dir() else []
    medida: dict[str, Any] = {
        "bytes_indice": sum(p.stat().st_size for p in archivos),
        "indices": sum(1 for p in carpeta.iterdir() if p.is_dir()) if carpeta.is_dir() else 0}
    try:
        medida.update(busqueda_navegador.medir(sitio))
    except Exception as error:  # una medida que falla no tira la corrida entera
        medida.update(busqueda_navegador.sin_medir(f"{type(error).__name__}: {error}"[:200]))
    return medida


def construir_otra_vez(escalon: Escalon, trabajo: Path, limite: float,
                       pdf: bool = False) -> None:
    """Construye otra vez el proyecto ya generado de un escalón (una pasada más: la *vuelta*,
    la segunda *ida*…, ver ``informe_markdown``) y la añade a ``escalon.pasadas``."""
    proyecto, salida, slug = _rutas_del_escalon(trabajo, escalon.nombre)
    nombre = nombre_pasada(len(escalon.construcciones()) + 1)
    _imprimir(f"[{escalon.nombre}] {nombre}: mkdocs build {'con' if pdf else 'sin'} PDF…")
    c = mkdocs_build(proyecto, salida, limite,
                     trabajo / f"build-{slug}-{nombre.replace(' ', '-')}.log", pdf=pdf)
    escalon.pasadas.append(c)
    _imprimir(f"[{escalon.nombre}] {nombre}: {_s(c.segundos)} s, {_s(c.memoria_mib, 0)} MiB pico"
              + (f" — {c.error}" if c.error else ""))
    shutil.rmtree(salida, ignore_errors=True)


def comparar_con_serie(resultados: Resultados, trabajo: Path, texto: Texto, paginas: int,
                       limite: float, salida: Path, pdf: bool = False) -> None:
    """El proyecto a unas ``paginas`` páginas frente a MkDocs + Material de serie."""
    manuscritas = len(list((RAIZ / "contenido").rglob("*.md")))
    base = next((e for e in resultados.escalones if e.nucleo.get("paginas")), None)
    por_institucion = (base.nucleo["paginas"] / base.instituciones) if base else 700.0
    instituciones = max(1, round(paginas / por_institucion))
    anios = ANIOS
    if instituciones == 1 and por_institucion > paginas * 1.15:
        anios = max(1, round(ANIOS * paginas / por_institucion))
    _imprimir(f"[comparación] proyecto con {instituciones} institución(es) × {anios} años")
    escalon = correr_escalon(f"≈{paginas} páginas", instituciones, anios, trabajo, texto, limite,
                             pdf=pdf)
    proyecto = escalon.construccion
    assert proyecto is not None
    tamano = int(escalon.nucleo["markdown_bytes"] / max(1, escalon.nucleo["paginas"]))
    paginas_proyecto = escalon.nucleo["paginas"] + manuscritas
    paginas_serie = paginas_proyecto  # el mismo número de páginas Markdown
    _imprimir(f"[comparación] de serie: {paginas_serie} páginas de {tamano:,} bytes…")
    proyecto_de_serie(trabajo / "serie", paginas_serie, tamano, texto)
    serie = mkdocs_build(trabajo / "serie", trabajo / "site-serie", limite,
                         trabajo / "build-serie.log")
    shutil.rmtree(trabajo / "site-serie", ignore_errors=True)
    _imprimir(f"[comparación] de serie: {_s(serie.segundos)} s, {serie.paginas_html} páginas, "
              f"{_s(serie.memoria_mib, 0)} MiB" + (f" — {serie.error}" if serie.error else ""))
    comparacion: dict[str, Any] = {"paginas_serie": paginas_serie, "tamano_objetivo": tamano,
                                   "paginas_proyecto": paginas_proyecto,
                                   "instituciones": instituciones, "anios": anios,
                                   "serie": serie, "proyecto": proyecto, "razon": None}
    if serie.segundos and proyecto.segundos and not serie.error and not proyecto.error:
        comparacion["razon"] = ((proyecto.segundos / paginas_proyecto)
                                / (serie.segundos / paginas_serie))
        comparacion["razon_total"] = proyecto.segundos / serie.segundos
    resultados.comparacion = comparacion
    _escribir(resultados, salida)


def medir_pdf(resultados: Resultados, trabajo: Path, texto: Texto, limite: float,
              salida: Path) -> None:
    """Costo de los PDF de los anexos: la misma muestra (INE, un OPLE con plan de trabajo y
    otro con programa anual; un año) construida sin y con PDF."""
    instituciones = 3
    proyecto = preparar_proyecto(trabajo / "proyecto-pdf")
    conteo = generar(proyecto / "datos", instituciones, 1, texto)
    documentos = sum(conteo.documentos.values())
    _imprimir(f"[pdf] muestra de {documentos} documentos: construcción sin y con PDF…")
    sitio = trabajo / "site-pdf"
    sin = mkdocs_build(proyecto, sitio, limite, trabajo / "build-sin-pdf.log", pdf=False)
    con = mkdocs_build(proyecto, sitio, limite, trabajo / "build-con-pdf.log", pdf=True)
    pdfs = [p for p in sitio.rglob("*.pdf")] if sitio.exists() else []
    # Otra vez con PDF: la caché del plugin (``.cache/`` del proyecto) ya tiene los PDF, como
    # en una segunda construcción o una CI que conserva la caché.
    caliente = mkdocs_build(proyecto, trabajo / "site-pdf-cache", limite,
                            trabajo / "build-con-pdf-cache.log", pdf=True, con_cache=True)
    shutil.rmtree(trabajo / "site-pdf-cache", ignore_errors=True)
    medida: dict[str, Any] = {"instituciones": instituciones, "documentos": documentos,
                              "sin": sin, "con": con, "caliente": caliente, "pdfs": len(pdfs),
                              "bytes_pdf": sum(p.stat().st_size for p in pdfs), "s_por_pdf": None}
    if pdfs and sin.segundos and con.segundos and not con.error and not sin.error:
        medida["s_por_pdf"] = max(0.0, con.segundos - sin.segundos) / len(pdfs)
    shutil.rmtree(sitio, ignore_errors=True)
    resultados.pdf = medida
    _imprimir(f"[pdf] sin PDF {_s(sin.segundos)} s; con PDF {_s(con.segundos)} s "
              f"({_s(con.memoria_mib, 0)} MiB); {len(pdfs)} PDF"
              + (f"; {medida['s_por_pdf']:.2f} s por PDF" if medida["s_por_pdf"] else "")
              + (f" — {con.error}" if con.error else ""))
    _escribir(resultados, salida)


def _perfil_texto(archivo: Path, lineas: int = 25) -> str:
    flujo = io.StringIO()
    estadisticas = pstats.Stats(str(archivo), stream=flujo)
    estadisticas.strip_dirs().sort_stats("tottime").print_stats(lineas)
    texto = flujo.getvalue()
    return texto[texto.find("   ncalls"):] if "   ncalls" in texto else texto


def main(argv: list[str] | None = None) -> int:
    """Punto de entrada."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--escalas", default=",".join(ESCALAS_TODAS),
                        help="escalones separados por comas (por omisión: 1/8,1/4,1/2,1)")
    parser.add_argument("--rapido", action="store_true",
                        help="humo: solo 1/8 y 1/4, y la comparación con 250 páginas")
    parser.add_argument("--paginas-comparacion", type=int, default=None,
                        help=f"páginas de la comparación de serie (por omisión "
                             f"{PAGINAS_COMPARACION}; 250 con --rapido)")
    parser.add_argument("--sin-comparacion", action="store_true")
    parser.add_argument("--sin-serve", action="store_true")
    parser.add_argument("--sin-busqueda", action="store_true",
                        help="no medir la búsqueda de cada escala en Chromium")
    parser.add_argument("--pasadas", type=int, default=PASADAS,
                        help=f"cuántas veces construir cada escala, en pasadas alternas de ida "
                             f"(de menor a mayor) y vuelta (por omisión {PASADAS})")
    parser.add_argument("--solo-ida", action="store_true",
                        help="construir cada escala una sola vez (igual que --pasadas 1)")
    parser.add_argument("--anexos-pdf", action="store_true",
                        help="construir cada escalón con los PDF de los anexos (lento)")
    parser.add_argument("--sin-pdf", action="store_true",
                        help="no medir la muestra de PDF de los anexos")
    parser.add_argument("--perfil", action="store_true",
                        help="perfila (cProfile) el núcleo en el mayor escalón")
    parser.add_argument("--limite", type=float, default=LIMITE_CONSTRUCCION,
                        help="segundos máximos por construcción (por omisión 1200)")
    parser.add_argument("--salida", type=Path, default=SALIDA_POR_OMISION)
    parser.add_argument("--trabajo", type=Path, default=None,
                        help="directorio de trabajo (por omisión, uno temporal que se borra)")
    parser.add_argument("--nucleo", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--carga", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--perfil-salida", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pasadas < 1:
        parser.error("--pasadas debe ser 1 o más")

    if args.nucleo or args.carga:  # proceso hijo: medir el núcleo, o solo la carga
        datos = (medir_nucleo(args.nucleo, args.perfil_salida) if args.nucleo
                 else medir_carga(args.carga))
        args.json.write_text(json.dumps(datos), encoding="utf-8")
        return 0

    escalas = ESCALAS_RAPIDAS if args.rapido else tuple(
        e.strip() for e in args.escalas.split(",") if e.strip())
    for escala in escalas:
        Fraction(escala)  # falla pronto si no es una fracción
    paginas = args.paginas_comparacion or (250 if args.rapido else PAGINAS_COMPARACION)
    propio = args.trabajo is None
    trabajo = Path(tempfile.mkdtemp(prefix="banco-spen-")) if propio else args.trabajo
    trabajo.mkdir(parents=True, exist_ok=True)
    resultados = Resultados(maquina=info_maquina(),
                            orden="python3 tareas.py banco " + " ".join(argv or sys.argv[1:]),
                            con_pdf=args.anexos_pdf)
    _imprimir(f"Banco de Programas del SPEN — trabajo en {trabajo}")
    for clave, valor in resultados.maquina.items():
        _imprimir(f"  {clave}: {valor}")
    texto = Texto.desde_datos(DATOS_REALES)
    try:
        for escala in escalas:
            perfil = (trabajo / "perfil-nucleo.prof"
                      if args.perfil and escala == escalas[-1] else None)
            escalon = correr_escalon(
                escala, instituciones_de(escala), ANIOS, trabajo, texto, args.limite, perfil,
                pdf=args.anexos_pdf,
                repeticiones_carga=REPETICIONES_CARGA if escala == escalas[-1] else 1,
                busqueda=not args.sin_busqueda)
            resultados.escalones.append(escalon)
            if perfil and perfil.exists():
                resultados.perfil = _perfil_texto(perfil)
            _escribir(resultados, args.salida)
        pasadas = 1 if args.solo_ida or len(resultados.escalones) < 2 else args.pasadas
        for numero in range(2, pasadas + 1):
            orden = (reversed(resultados.escalones) if numero % 2 == 0
                     else iter(resultados.escalones))
            for escalon in orden:
                construir_otra_vez(escalon, trabajo, args.limite, pdf=args.anexos_pdf)
                _escribir(resultados, args.salida)
        if not args.sin_pdf and not args.anexos_pdf:
            medir_pdf(resultados, trabajo, texto, args.limite, args.salida)
        if not args.sin_comparacion:
            comparar_con_serie(resultados, trabajo, texto, paginas, args.limite, args.salida,
                               pdf=args.anexos_pdf)
        if not args.sin_serve:
            for pdf in (True, False):
                _imprimir(f"[serve] edición de un archivo de datos real ({'con' if pdf else 'sin'}"
                          " PDF)…")
                medida = latencia_serve(trabajo, pdf)
                resultados.serve.append(medida)
                _imprimir(f"[serve] {medida}")
                _escribir(resultados, args.salida)
        try:
            carga_final = ", ".join(f"{c:.2f}" for c in os.getloadavg())
            resultados.maquina["Carga del sistema al terminar (1, 5, 15 min)"] = carga_final
        except OSError:
            pass
        resultados.maquina["Referencia de CPU al terminar"] = f"{referencia_cpu():.2f} s"
        _escribir(resultados, args.salida)
        _imprimir("")
        _imprimir(informe_markdown(resultados))
        _imprimir(f"Resultados escritos en {args.salida}")
    finally:
        if propio:
            shutil.rmtree(trabajo, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
