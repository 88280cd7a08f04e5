"""El modelo de datos: registros inmutables y tipados de los documentos del SPEN.

Los nombres son los de las fuentes (actividad, mecanismo, tema, compromiso, sesión, acuerdo).
Cada registro guarda ``fuente`` (dónde está en su documento fuente) y ``linea`` (dónde está en
su archivo de datos, para los mensajes de validación). Ningún registro conoce URL ni páginas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from programas_spen.modelo.bloques import Bloque, textos_de
from programas_spen.modelo.redireccion import Redireccion

EstadoCalendario = Literal["meses", "periodo", "permanente", "no_dado"]
TipoDocumento = Literal[
    "programa_anual_trabajo", "programa_anual_comision", "informe_seguimiento", "plan_trabajo"
]
TipoSesion = Literal["ordinaria", "extraordinaria", "extraordinaria_urgente"]

TIPOS_DOCUMENTO: dict[str, str] = {
    "programa_anual_trabajo": "Programa anual de trabajo",
    "programa_anual_comision": "Programa anual de trabajo de comisión",
    "informe_seguimiento": "Informe de seguimiento de compromisos y acuerdos",
    "plan_trabajo": "Plan de trabajo",
}
TIPOS_SESION: dict[str, str] = {
    "ordinaria": "ordinaria",
    "extraordinaria": "extraordinaria",
    "extraordinaria_urgente": "extraordinaria urgente",
}
ESTATUS: dict[str, str] = {
    "concluido": "Concluido", "en_curso": "En curso", "pendiente": "Pendiente",
}


@dataclass(frozen=True, slots=True)
class Fuente:
    """Dónde está un registro en su documento fuente."""

    seccion: str | None = None
    tabla: str | None = None
    fila: int | None = None
    pagina: int | None = None
    numeral: str | None = None
    nota: str | None = None
    parrafo: int | None = None

    def describir(self) -> str:
        """Descripción breve en español: «Anexo, tabla INGRESO/SELECCION, fila 3»."""
        partes = []
        if self.seccion:
            partes.append(f"sección «{self.seccion}»")
        if self.tabla:
            partes.append(f"tabla «{self.tabla}»")
        if self.fila:
            partes.append(f"fila {self.fila}")
        if self.numeral:
            partes.append(f"numeral {self.numeral}")
        if self.parrafo:
            partes.append(f"párrafo {self.parrafo}")
        if self.nota:
            partes.append(f"nota {self.nota}")
        if self.pagina:
            partes.append(f"página {self.pagina}")
        return ", ".join(partes)


@dataclass(frozen=True, slots=True)
class Vinculo:
    """Cómo se sabe un vínculo entre registros que la fuente no da por escrito: ``inferido``, si
    lo propone la transcripción, y ``nota``, en qué se basa. El sitio lo muestra como tal
    («Vínculo inferido por la transcripción»)."""

    inferido: bool
    nota: str


@dataclass(frozen=True, slots=True)
class Rango:
    """Meses de ``desde`` a ``hasta`` (AAAA-MM), inclusive."""

    desde: str
    hasta: str

    def meses(self) -> tuple[str, ...]:
        """Los meses del rango en orden."""
        return _meses_entre(self.desde, self.hasta)


@cache
def _meses_entre(desde: str, hasta: str) -> tuple[str, ...]:
    """Los meses de ``desde`` a ``hasta`` (pocos pares distintos: los periodos de los
    documentos, que la validación consulta por cada registro con calendario)."""
    anio, mes = int(desde[:4]), int(desde[5:])
    fin = (int(hasta[:4]), int(hasta[5:]))
    resultado = []
    while (anio, mes) <= fin:
        resultado.append(f"{anio:04d}-{mes:02d}")
        mes += 1
        if mes == 13:
            anio, mes = anio + 1, 1
    return tuple(resultado)


@dataclass(frozen=True, slots=True)
class Calendario:
    """Cuándo ocurre algo, con el estado en que lo da la fuente (nunca adivinado)."""

    estado: EstadoCalendario
    meses: tuple[str, ...] = ()
    texto: str | None = None
    rango: Rango | None = None
    condicion: str | None = None
    marcas_fuera_de_tabla: int | None = None
    nota: str | None = None


@dataclass(frozen=True, slots=True)
class Nota:
    """Nota al pie de una tabla, con su marca (``*``)."""

    marca: str
    texto: str


@dataclass(frozen=True, slots=True)
class Sigla:
    """Una sigla o abreviatura que define el documento."""

    sigla: str
    significado: str
    fuente: Fuente | None = None
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Seccion:
    """Un apartado de prosa del documento: su título y sus bloques (párrafos, encabezados,
    listas y tablas), texto literal sin marcas de formato."""

    id: str
    titulo: str
    bloques: tuple[Bloque, ...]
    fuente: Fuente | None = None
    linea: int = 0

    def textos(self) -> tuple[str, ...]:
        """Todos los textos de sus bloques, en el orden de lectura (sin el título)."""
        return textos_de(self.bloques)


@dataclass(frozen=True, slots=True)
class Variante:
    """Otra redacción del mismo texto en la fuente."""

    texto: str
    fuente: Fuente


@dataclass(frozen=True, slots=True)
class Eje:
    """Eje rector o eje de un plan."""

    id: str
    texto: str
    fuente: Fuente
    numero: int | None = None
    variantes: tuple[Variante, ...] = ()
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Objetivo:
    """Objetivo general o específico."""

    id: str
    nivel: Literal["general", "especifico"]
    texto: str
    fuente: Fuente
    numero: str | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class LineaAccion:
    """Línea de acción de un programa o plan."""

    id: str
    texto: str
    fuente: Fuente
    numero: str | None = None
    grupo: str | None = None
    objetivo: str | None = None
    calendario: Calendario | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Actividad:
    """Actividad de un programa (por mecanismo) o fila de un cronograma."""

    id: str
    texto: str
    calendario: Calendario
    fuente: Fuente
    marca: str | None = None
    ejes: tuple[str, ...] = ()
    ficha: str | None = None
    #: Cómo se sabe el vínculo con la ficha (``None``: lo da la fuente).
    ficha_vinculo: Vinculo | None = None
    mecanismo: str | None = None
    #: La actividad del programa anterior del mismo órgano que esta continúa (``documento/id``).
    continua: str | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Mecanismo:
    """Mecanismo o proceso del SPEN con su tabla de actividades."""

    id: str
    nombre: str
    titulo_tabla: str
    actividades: tuple[Actividad, ...]
    fuente: Fuente
    encabezado: str | None = None
    actividades_publicadas: int | None = None
    notas: tuple[Nota, ...] = ()
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Tema:
    """Tema (asunto) del programa anual de una comisión."""

    id: str
    texto: str
    calendario: Calendario
    fuente: Fuente
    clasificacion: str | None = None
    area: str | None = None
    observaciones: str | None = None
    #: El tema del programa anterior del mismo órgano que este continúa (``documento/id``).
    continua: str | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Cronograma:
    """Cronograma de un plan de trabajo."""

    titulo: str
    filas: tuple[Actividad, ...]
    periodo_declarado: str | None = None
    periodo_declarado_rango: Rango | None = None
    encabezado: str | None = None
    notas: tuple[Nota, ...] = ()
    fuente: Fuente | None = None
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Ficha:
    """Ficha técnica de una línea de acción."""

    id: str
    linea_accion: str
    fuente: Fuente
    ejes: tuple[str, ...] = ()
    objetivos: tuple[str, ...] = ()
    actividad: str | None = None
    periodo: str | None = None
    calendario: Calendario | None = None
    participantes: str | None = None
    lugar: str | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class SesionProgramada:
    """Sesión que un programa prevé (semana y mes)."""

    id: str
    tipo: TipoSesion
    mes: str
    texto: str
    fuente: Fuente
    ordinal: int | None = None
    semana: int | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Integrante:
    """Integrante de una comisión o firmante de un acuerdo."""

    nombre: str
    cargo: str
    fuente: Fuente | None = None


@dataclass(frozen=True, slots=True)
class Sesion:
    """Sesión celebrada de un órgano, tal como la nombra un documento."""

    id: str
    organo: str
    tipo: TipoSesion
    fecha: str
    texto: str
    fuente: Fuente
    ordinal: int | None = None
    compromisos_declarados: int | None = None
    programada: str | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Compromiso:
    """Compromiso o acuerdo de una comisión, con su seguimiento."""

    id: str
    numero: int
    sesion: str
    sesion_texto: str
    texto: str
    area: str
    area_texto: str
    avance: str
    estatus: Literal["concluido", "en_curso", "pendiente"]
    estatus_texto: str
    porcentaje: float
    fuente: Fuente
    fecha_texto: str | None = None
    acuerdos: tuple[str, ...] = ()
    temas: tuple[str, ...] = ()
    #: El mismo compromiso en un informe anterior (``documento/id``): su seguimiento sigue aquí.
    continua: str | None = None
    #: Cómo se sabe el vínculo con los temas (``None``: lo da la fuente).
    temas_vinculo: Vinculo | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class PuntoAcuerdo:
    """Punto resolutivo de un acuerdo (Primero, Segundo…)."""

    ordinal: str
    texto: str


@dataclass(frozen=True, slots=True)
class Acuerdo:
    """Lo que un documento dice de un acuerdo (se reúnen por número en el grafo)."""

    numero: str
    organo: str
    fuente: Fuente
    titulo: str | None = None
    fecha: str | None = None
    sesion: str | None = None
    aprueba: str | None = None
    enlace: str | None = None
    votacion: str | None = None
    firmantes: tuple[Integrante, ...] = ()
    antecedentes: tuple[Bloque, ...] = ()
    considerandos: tuple[Bloque, ...] = ()
    puntos: tuple[PuntoAcuerdo, ...] = ()
    publicar_gaceta: bool | None = None
    documento: str = ""
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Conteo:
    """Número que la prosa afirma sobre una colección de registros."""

    coleccion: str
    valor: int
    cita: str
    fuente: Fuente
    filtro: dict[str, str | int | float | bool] = field(default_factory=dict)
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Cifra:
    """Cifra resumen que publica el documento."""

    id: str
    indicador: str
    valor: float
    unidad: Literal["porcentaje", "numero"]
    cita: str
    fuente: Fuente
    grupo: str | None = None
    linea: int = 0


@dataclass(frozen=True, slots=True)
class FuenteDocumento:
    """De dónde se transcribió el documento: el archivo de texto extraído de su PDF
    (``archivo``) o, si nació digital (``digital``), la dirección del original publicado
    (``url``); qué es y lo que su extracción perdió. Un documento digital no tiene ``archivo``."""

    descripcion: str
    #: Solo el que escribe el archivo de datos (nunca el nombre del archivo de datos, que el
    #: contexto de la construcción llama igual).
    archivo: str | None = field(default=None, metadata={"contexto": False})
    digital: bool | None = None
    url: str | None = None
    perdidas: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentoOficial:
    """La publicación oficial que transcribe el documento: su título, quién la emite, su fecha
    y la URL del repositorio oficial o de la Gaceta. ``fecha`` y ``url`` son ``None`` cuando no
    se conocen (la fuente no los da): nunca se inventan."""

    titulo: str
    emisor: str
    fecha: str | None = None
    url: str | None = None
    #: Dónde se ordenó o se hizo la publicación, si la fuente lo dice («Gaceta Electoral…»).
    publicacion: str | None = None


@dataclass(frozen=True, slots=True)
class Anexo:
    """Anexo del acuerdo al que pertenece el documento."""

    numero: str
    titulo: str | None = None


@dataclass(frozen=True, slots=True)
class Presentacion:
    """Sesión (y punto del orden del día) en que se presentó el documento."""

    sesion: str
    punto: str | None = None
    fuente: Fuente | None = None


@dataclass(frozen=True, slots=True)
class Documento:
    """Un documento fuente completo: un archivo de ``datos/``."""

    id: str
    tipo: TipoDocumento
    institucion: str
    organo: str
    titulo: str
    titulo_corto: str
    anio: int
    fuente: FuenteDocumento
    archivo: str = ""
    documento_oficial: DocumentoOficial | None = None
    fecha: str | None = None
    periodo: Rango | None = None
    anexo: Anexo | None = None
    aprobado_por: str | None = None
    presentado_en: Presentacion | None = None
    siglas: tuple[Sigla, ...] = ()
    secciones: tuple[Seccion, ...] = ()
    ejes: tuple[Eje, ...] = ()
    objetivos: tuple[Objetivo, ...] = ()
    lineas_accion: tuple[LineaAccion, ...] = ()
    mecanismos: tuple[Mecanismo, ...] = ()
    temas: tuple[Tema, ...] = ()
    cronograma: Cronograma | None = None
    fichas: tuple[Ficha, ...] = ()
    sesiones_programadas: tuple[SesionProgramada, ...] = ()
    integrantes: tuple[Integrante, ...] = ()
    sesiones: tuple[Sesion, ...] = ()
    compromisos: tuple[Compromiso, ...] = ()
    acuerdos: tuple[Acuerdo, ...] = ()
    conteos: tuple[Conteo, ...] = ()
    cifras_publicadas: tuple[Cifra, ...] = ()

    @property
    def actividades(self) -> tuple[Actividad, ...]:
        """Todas las actividades: las de cada mecanismo y las filas del cronograma."""
        propias = tuple(a for m in self.mecanismos for a in m.actividades)
        return propias + (self.cronograma.filas if self.cronograma else ())

    def coleccion(self, nombre: str) -> tuple[object, ...]:
        """La colección de registros con ese nombre (para los conteos)."""
        if nombre == "actividades":
            return self.actividades
        return tuple(getattr(self, nombre, ()))


@dataclass(frozen=True, slots=True)
class Institucion:
    """INE o un OPLE."""

    id: str
    nombre: str
    siglas: str
    tipo: Literal["ine", "ople"]
    entidad: str | None = None
    encabezado: str | None = None
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Organo:
    """Órgano de una institución (consejo, junta, comisión, dirección ejecutiva…)."""

    id: str
    nombre: str
    institucion: str
    tipo: str
    siglas: str | None = None
    alias: tuple[str, ...] = ()
    pertenece_a: str | None = None
    descripcion: str | None = None
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Area:
    """Área responsable (dirección, subdirección, coordinación…)."""

    id: str
    nombre: str
    institucion: str
    siglas: str | None = None
    alias: tuple[str, ...] = ()
    pertenece_a: str | None = None
    linea: int = 0


@dataclass(frozen=True, slots=True)
class Catalogo:
    """Instituciones, órganos y áreas de ``datos/instituciones.yml``."""

    instituciones: tuple[Institucion, ...] = ()
    organos: tuple[Organo, ...] = ()
    areas: tuple[Area, ...] = ()
    archivo: str = ""


@dataclass(frozen=True, slots=True)
class Datos:
    """Todo lo cargado y validado: el catálogo y los documentos."""

    catalogo: Catalogo
    documentos: tuple[Documento, ...]
    #: Las URL publicadas que cambiaron (``redirecciones.yml``, ver ``sitio/permanencia``).
    redirecciones: tuple[Redireccion, ...] = ()
