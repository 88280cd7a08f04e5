"""Datos sintéticos del banco, con la forma de los documentos reales, a escala nacional.

El INE (con sus órganos y áreas reales de ``datos/instituciones.yml``) y hasta 32 OPLE
(``ople-01`` … ``ople-32``), 10 años. Cada institución y año tiene un programa anual de trabajo
(o un plan de trabajo), el programa de la comisión y 4 informes de seguimiento, con los
acuerdos y las sesiones que nombran (ver ``banco/README.md``). Determinista: la misma
institución y año dan el mismo archivo en cualquier escala. También el proyecto de MkDocs +
Material «de serie» con el que se compara el proyecto (``proyecto_de_serie``).

Los archivos reales se leen con el lector del paquete (``carga.lector_yaml``), y los meses y
fechas se escriben con ``modelo.texto``, como en el sitio.

Como programa (``python banco/sinteticos.py DESTINO --instituciones N``) genera los datos con
el paquete y los datos reales de su clon: así ``--comparar`` da a cada clon los datos de su
propio esquema.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml
from relleno import Texto, cadenas

from programas_spen.carga import esquema
from programas_spen.carga.lector_yaml import archivos_de_datos, leer_archivo
from programas_spen.carga.validacion import ARCHIVO_CATALOGO
from programas_spen.modelo.problemas import Informe
from programas_spen.modelo.texto import NOMBRES_MESES, fecha_larga

SEMILLA = 20240617
PRIMER_ANIO = 2016
ANIOS = 10
#: Instituciones de la escala nacional: el INE y los 32 OPLE.
INSTITUCIONES_NACIONALES = 33

_Volcador = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: Carpeta de los esquemas publicados del paquete, relativa a la raíz del repositorio
#: (``plugins/programas_spen/carga/esquema``), para la línea ``$schema`` de cada archivo.
_ESQUEMAS = (Path(esquema.__file__).parent / "esquema").relative_to(
    Path(esquema.__file__).parents[3]).as_posix()


def leer_yaml(ruta: Path) -> Any:
    """Los datos de un archivo YAML, leídos como los lee el núcleo (las fechas quedan como
    texto). Si no se puede leer, detiene el banco con el informe del núcleo."""
    informe = Informe()
    arbol = leer_archivo(ruta, ruta.parent, informe)
    if arbol is None:
        raise SystemExit(f"No se pudo leer {ruta}:\n{informe.texto()}")
    return arbol.datos


def texto_de(datos: Path) -> Texto:
    """El relleno con los pares de palabras de todos los archivos de ``datos``."""
    return Texto(texto for ruta in archivos_de_datos(datos) for texto in cadenas(leer_yaml(ruta)))


def instituciones_de(escala: str) -> int:
    """Instituciones de una escala: 1/8 → 4, 1/4 → 8, 1/2 → 16, 1 → 33."""
    return max(1, round(INSTITUCIONES_NACIONALES * Fraction(escala)))


def _mes_nombre(mes: int) -> str:
    """``6`` → ``Junio``."""
    return NOMBRES_MESES[mes - 1].capitalize()


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


def catalogo_sintetico(cuantas: int, catalogo_real: Path) -> tuple[list[Institucion], dict[str, Any]]:
    """El INE (con sus órganos y áreas reales, de ``catalogo_real``) y los primeros
    ``cuantas - 1`` OPLE."""
    real = leer_yaml(catalogo_real)
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

#: Listas de primer nivel de un documento que cuentan como registros, además de las
#: actividades de cada mecanismo y las filas del cronograma (no se cuentan siglas, conteos ni
#: notas).
COLECCIONES_REGISTRO = ("secciones", "ejes", "objetivos", "lineas_accion", "mecanismos", "temas",
                        "fichas", "sesiones_programadas", "integrantes", "sesiones", "compromisos",
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

    def a_json(self) -> str:
        """El conteo como JSON (``desde_json`` lo lee)."""
        return json.dumps({"registros": self.registros, "documentos": self.documentos,
                           "bytes": self.bytes, "archivos": self.archivos})

    @classmethod
    def desde_json(cls, texto: str) -> Conteo:
        """El conteo que escribió ``a_json``."""
        datos = json.loads(texto)
        return cls(Counter(datos["registros"]), Counter(datos["documentos"]), datos["bytes"],
                   datos["archivos"])


def _contar(doc: dict[str, Any], conteo: Conteo) -> None:
    conteo.documentos[doc["tipo"]] += 1
    for clave in COLECCIONES_REGISTRO:
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

    def _aprobacion(self, rng: random.Random, inst: Institucion, anio: int,
                    estado: EstadoInstitucion) -> tuple[str, SesionCal, SesionCal, str]:
        """El órgano que aprueba el programa (o plan) del año, la sesión en que lo aprueba (la
        primera del año), la sesión de la comisión en que se presentó y el número del acuerdo,
        que queda como la aprobación del año."""
        organo_aprueba, cuerpo = inst.cuerpos[0]
        aprobacion = calendario_cuerpo(organo_aprueba, anio)[0]
        presentacion = calendario_comision(inst.comision, anio)[0]
        numero = estado.numero(inst, cuerpo, anio, rng)
        estado.aprobaciones[anio] = numero
        return organo_aprueba, aprobacion, presentacion, numero

    def _objetivos(self, rng: random.Random, general: tuple[str, int, int],
                   especificos: tuple[str, int, int], prefijo: str,
                   cuantos: tuple[int, int]) -> list[dict[str, Any]]:
        """El objetivo general y entre ``cuantos`` objetivos específicos numerados
        ``<prefijo><n>``; ``general`` y ``especificos``: (sección de la fuente, largo mínimo y
        máximo del texto)."""
        seccion, minimo, maximo = general
        objetivos = [{"id": "objetivo-general", "nivel": "general",
                      "texto": self.t.frase(rng, minimo, maximo), "fuente": {"seccion": seccion}}]
        seccion, minimo, maximo = especificos
        for n in range(1, rng.randint(*cuantos) + 1):
            numero = f"{prefijo}{n}"
            objetivos.append({"id": f"objetivo-{numero.replace('.', '-')}", "numero": numero,
                              "nivel": "especifico", "texto": self.t.frase(rng, minimo, maximo),
                              "fuente": {"seccion": seccion, "numeral": numero}})
        return objetivos

    # -- documentos ---------------------------------------------------------------------------

    def programa_anual(self, rng: random.Random, inst: Institucion, anio: int,
                       estado: EstadoInstitucion) -> dict[str, Any]:
        """Programa anual de trabajo del SPEN: mecanismos con sus actividades."""
        doc_id = f"{inst.id}-pat-spen-{anio}"
        organo_aprueba, aprobacion, presentacion, numero = self._aprobacion(rng, inst, anio, estado)
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
                        + self.t.parrafos(rng, rng.randint(5, 9), 600))
        cuerpo = inst.cuerpos[0][1]
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
                             f"{fecha_larga(aprobacion.fecha)}",
                             {"seccion": f"Acuerdo {numero}, votación"}),
                self._sesion(presentacion, f"sesión extraordinaria del "
                             f"{fecha_larga(presentacion.fecha)}",
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
        organo_aprueba, aprobacion, presentacion, numero = self._aprobacion(rng, inst, anio, estado)
        ejes = [{"id": f"eje-{n}", "texto": self.t.frase(rng, 60, 180),
                 "fuente": {"seccion": "Diagnóstico", "parrafo": 3, "fila": n}}
                for n in range(1, rng.randint(5, 7) + 1)]
        objetivos = self._objetivos(rng, ("Objetivo general", 150, 300),
                                    ("Objetivos específicos", 80, 200), "", (3, 5))
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
                 "texto": self.t.parrafos(rng, rng.randint(4, 7), 600),
                 "fuente": {"seccion": "Introducción"}},
                {"id": "diagnostico", "titulo": "Diagnóstico",
                 "texto": self.t.parrafo(rng, 400) + "\n\n"
                 + "\n".join(f"- {self.t.frase(rng, 60, 160)}" for _ in range(8)) + "\n\n"
                 + self.t.parrafos(rng, 2, 500),
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
                        "texto": f"Segunda semana — {_mes_nombre(3 * q)}",
                        "fuente": {"seccion": f"4. Programación de sesiones {anio}",
                                   "tabla": "Programación de las Sesiones Ordinarias",
                                   "fila": q}}
                       for q in range(1, 5)]
        objetivos = self._objetivos(rng, ("2. Objetivo general", 200, 450),
                                    ("3. Objetivos específicos", 80, 220), "3.1.", (6, 9))
        introduccion = (self.t.parrafos(rng, 3, 500) + f"\nLa Comisión se integra por Acuerdo "
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
                 "texto": self.t.parrafos(rng, 2, 500), "fuente": {"seccion": "1. Marco Legal"}},
                {"id": "programacion-sesiones", "titulo": f"4. Programación de sesiones {anio}",
                 "texto": self.t.parrafo(rng, 300) + "\n\n| Semana | Mes |\n|---|---|\n"
                 + "\n".join(f"| Segunda semana | {_mes_nombre(3 * q)} |" for q in range(1, 5))
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
            presentacion, f"Sesión Ordinaria: {fecha_larga(presentacion.fecha)}.",
            {"seccion": "Portada"},
            programada=f"{estado.programa_id(inst, anio)}/sesion-ordinaria-{trimestre}"))
        for sesion in sorted(cuerpo_sesiones.values(), key=lambda s: s.fecha):
            sesiones.append(self._sesion(sesion, f"sesión {sesion.tipo} celebrada el "
                                         f"{fecha_larga(sesion.fecha)}",
                                         {"seccion": "IV. Anexo", "tabla": tabla}))
        concluidos = sum(1 for c in compromisos if c["estatus"] == "concluido")
        tabla_sesiones = "\n".join(
            ["| Tipo de sesión | Fecha de celebración | Compromisos y acuerdos |", "|---|---|---|"]
            + [f"| {s.nombre()} | {fecha_larga(s.fecha)} | {por_sesion[s.id]} |"
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
                      f"LA COMISIÓN ({fecha_larga(presentacion.fecha).upper()})",
            "titulo_corto": f"Informe de seguimiento de compromisos de la "
                            f"{inst.siglas_comision} ({NOMBRES_MESES[presentacion.mes - 1]} "
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


def _bloques(prosa: str) -> list[dict[str, Any]]:
    """La prosa que arma este generador (párrafos separados por una línea en blanco, ``### ``
    encabezados, ``- `` elementos de lista, ``| `` filas de tabla) como los bloques de prosa de
    los archivos de datos (``parrafo``, ``encabezado``, ``lista``, ``tabla``): el formato es el
    del generador, no se lee Markdown de ningún archivo de datos."""
    bloques: list[dict[str, Any]] = []
    prosa = prosa.replace("**", "")  # las negritas del generador: sin sus marcas, como en los datos
    for trozo in (t for t in prosa.split("\n\n") if t.strip()):
        lineas = [linea.strip() for linea in trozo.strip().splitlines()]
        if lineas[0].startswith("### "):
            bloques.append({"encabezado": lineas.pop(0)[4:]})
        if not lineas:
            continue
        if lineas[0].startswith("|"):
            filas = [[c.strip() for c in linea.strip("|").split("|")] for linea in lineas
                     if not set(linea) <= set("|-: ")]
            bloques.append({"tabla": {"encabezados": filas[0], "filas": filas[1:]}})
        elif lineas[0].startswith("- "):
            bloques.append({"lista": [linea[2:] for linea in lineas]})
        else:
            bloques += [{"parrafo": linea} for linea in lineas]
    return bloques


def _con_bloques(datos: dict[str, Any]) -> dict[str, Any]:
    """El documento con la prosa de sus apartados y de los antecedentes y considerandos de sus
    acuerdos como bloques (``_bloques``)."""
    for seccion in datos.get("secciones", ()):
        if "texto" in seccion:
            texto = seccion.pop("texto")
            fuente = seccion.pop("fuente", None)
            seccion["bloques"] = _bloques(texto)
            if fuente is not None:
                seccion["fuente"] = fuente
    for acuerdo in datos.get("acuerdos", ()):
        for campo in ("antecedentes", "considerandos"):
            if isinstance(acuerdo.get(campo), str):
                acuerdo[campo] = _bloques(acuerdo[campo])
    return datos


def _escribir_yaml(directorio: Path, ruta: Path, datos: dict[str, Any], nombre_esquema: str) -> int:
    """Escribe ``datos`` en ``ruta`` (dentro del ``datos/`` ``directorio``) como los archivos
    reales, con la línea ``$schema`` que usan los editores (el esquema publicado, visto desde
    el archivo en un clon del repositorio); devuelve los bytes escritos."""
    ruta.parent.mkdir(parents=True, exist_ok=True)
    datos = _con_bloques(datos)
    subir = "../" * len(ruta.relative_to(directorio).parts)
    texto = (f"# yaml-language-server: $schema={subir}{_ESQUEMAS}/{nombre_esquema}\n"
             + yaml.dump(datos, Dumper=_Volcador, allow_unicode=True, sort_keys=False,
                         width=4096, default_flow_style=False))
    ruta.write_text(texto, encoding="utf-8")
    return len(texto.encode("utf-8"))


def generar(directorio: Path, instituciones_n: int, anios: int, texto: Texto,
            catalogo_real: Path) -> Conteo:
    """Escribe ``directorio`` (un ``datos/``) con ``instituciones_n`` instituciones (el INE y
    los primeros OPLE) y ``anios`` años desde ``PRIMER_ANIO``; el INE toma sus órganos y áreas
    de ``catalogo_real`` (el ``instituciones.yml`` real). Determinista: la misma institución y
    año dan el mismo archivo en cualquier escala."""
    if directorio.exists():
        shutil.rmtree(directorio)
    directorio.mkdir(parents=True)
    instituciones, catalogo = catalogo_sintetico(instituciones_n, catalogo_real)
    conteo = Conteo()
    conteo.bytes += _escribir_yaml(directorio, directorio / ARCHIVO_CATALOGO, catalogo,
                                   esquema.ESQUEMA_INSTITUCIONES)
    conteo.archivos += 1
    generador = Generador(texto)
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
                conteo.bytes += _escribir_yaml(directorio, ruta, doc, esquema.ESQUEMA_DOCUMENTO)
                conteo.archivos += 1
                _contar(doc, conteo)
    return conteo


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
                filas += [f"| {i} | {texto.frase(rng, 60, 200)} | {_mes_nombre(rng.randint(1, 12))} |"
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


def main(argv: list[str] | None = None) -> int:
    """Genera un ``datos/`` sintético con los datos reales de este clon y escribe su conteo."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("destino", type=Path)
    parser.add_argument("--instituciones", type=int, required=True)
    parser.add_argument("--anios", type=int, default=ANIOS)
    parser.add_argument("--json", type=Path, help="dónde escribir el conteo")
    args = parser.parse_args(argv)
    reales = Path(__file__).resolve().parent.parent / "datos"
    conteo = generar(args.destino, args.instituciones, args.anios, texto_de(reales),
                     reales / ARCHIVO_CATALOGO)
    if args.json:
        args.json.write_text(conteo.a_json(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
