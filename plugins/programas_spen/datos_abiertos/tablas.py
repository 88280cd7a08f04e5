"""Las tablas ordenadas de los datos abiertos, del modelo ya validado: una por clase de registro.

Cada fila es un registro y cada columna un campo: fechas ISO 8601, números como números, ids y
claves foráneas en columnas propias, el texto de la fuente tal cual y ``None`` («no dado en la
fuente» al escribirse) donde la fuente no da el dato. Los registros de un documento se
identifican por (documento, id), como sus anclas permanentes; las listas de un registro que
apuntan a otros registros (ejes de una actividad, temas de un compromiso) son tablas de enlace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from programas_spen.datos_abiertos.esquema_tabla import (
    PATRON_ACUERDO,
    PATRON_ID,
    ClaveForanea,
    Columna,
    EsquemaTabla,
    Origen,
    Tabla,
    Valor,
)
from programas_spen.modelo.bloques import Bloque, textos_de
from programas_spen.modelo.registros import (
    ESTATUS,
    TIPOS_DOCUMENTO,
    TIPOS_SESION,
    Calendario,
    Catalogo,
    Datos,
    Documento,
    Fuente,
)

# --- Columnas comunes -------------------------------------------------------------------------


def _id(descripcion: str = "Identificador del registro, único en su documento; es el ancla permanente de "
                           "su URL (página del documento + #id).") -> Columna:
    return Columna("id", "string", descripcion, requerida=True, patron=PATRON_ID)


DOCUMENTO = Columna("documento", "string", "id del documento que contiene el registro (tabla «documentos»).",
                    requerida=True, patron=PATRON_ID)
ORDEN = Columna("orden", "integer", "Posición del registro en su lista, en el orden de la fuente (desde 1).",
                requerida=True, minimo=1)

COLUMNAS_FUENTE: tuple[Columna, ...] = (
    Columna("fuente_seccion", "string", "Sección del documento fuente donde está el registro."),
    Columna("fuente_tabla", "string", "Tabla del documento fuente donde está el registro."),
    Columna("fuente_fila", "integer", "Fila de esa tabla (desde 1).", minimo=1),
    Columna("fuente_pagina", "integer", "Página del documento fuente.", minimo=1),
    Columna("fuente_numeral", "string", "Numeral de la fuente (p. ej. 9)."),
    Columna("fuente_nota", "string", "Nota al pie de la fuente que da el dato."),
    Columna("fuente_parrafo", "integer", "Párrafo de la sección (desde 1).", minimo=1),
)

VOCABULARIO_CALENDARIO = (
    ("meses", "la fuente marca los meses en su tabla (ver «meses-calendario»)"),
    ("periodo", "la fuente da el periodo solo en palabras (calendario_texto)"),
    ("permanente", "la fuente dice que es permanente"),
    ("no_dado", "la fuente no da cuándo ocurre, o su extracción lo perdió"),
)

COLUMNAS_CALENDARIO: tuple[Columna, ...] = (
    Columna("calendario_estado", "string", "Cuándo ocurre, según lo da la fuente.", vocabulario=VOCABULARIO_CALENDARIO),
    Columna("calendario_texto", "string", "Las palabras de la fuente sobre el periodo."),
    Columna("calendario_desde", "yearmonth", "Primer mes que denotan literalmente las palabras del periodo."),
    Columna("calendario_hasta", "yearmonth", "Último mes que denotan literalmente las palabras del periodo."),
    Columna("calendario_condicion", "string", "Condición de la fuente (p. ej. «en caso de existir vacantes»)."),
    Columna("calendario_marcas_fuera_de_tabla", "integer",
            "Marcas que la fuente pone fuera de las columnas de meses.", minimo=1),
    Columna("calendario_nota", "string", "Nota de la transcripción sobre el calendario."),
)

VOCABULARIO_TIPO_SESION = tuple(TIPOS_SESION.items())


def _fk_documento() -> ClaveForanea:
    return ClaveForanea(("documento",), "documentos", ("id",))


def _fk(columnas: tuple[str, ...], tabla: str, referidas: tuple[str, ...] = ("documento", "id")) -> ClaveForanea:
    return ClaveForanea(columnas, tabla, referidas)


def _fk_opcional(columna: str, tabla: str) -> ClaveForanea:
    """Referencia opcional a un registro del mismo documento (ver ``ClaveForanea``)."""
    return ClaveForanea(("documento", columna), tabla, ("documento", "id"), en_table_schema=False)


def _tabla(nombre: str, titulo: str, descripcion: str, columnas: tuple[Columna, ...],
           clave: tuple[str, ...] = ("documento", "id"), foraneas: tuple[ClaveForanea, ...] = (),
           fuente: bool = True, de_documento: bool = True) -> EsquemaTabla:
    """Un esquema con las columnas de la fuente al final y la clave foránea al documento."""
    todas = (*columnas, *(COLUMNAS_FUENTE if fuente else ()))
    return EsquemaTabla(nombre, titulo, descripcion, todas, clave,
                        ((_fk_documento(),) if de_documento else ()) + foraneas)


# --- Los esquemas ---------------------------------------------------------------------------

INSTITUCIONES = _tabla("instituciones", "Instituciones", "El INE y los OPLE que emiten los documentos "
                       "(datos/instituciones.yml).", (
                           _id("Identificador permanente de la institución."),
                           Columna("nombre", "string", "Nombre de la institución.", requerida=True),
                           Columna("siglas", "string", "Siglas con que la nombran las fuentes.", requerida=True),
                           Columna("tipo", "string", "Clase de institución.", requerida=True, vocabulario=(
                               ("ine", "Instituto Nacional Electoral"),
                               ("ople", "Organismo Público Local Electoral"))),
                           Columna("entidad", "string", "Entidad federativa de un OPLE."),
                           Columna("encabezado", "string", "Cómo encabeza la institución sus documentos."),
                       ), clave=("id",), fuente=False, de_documento=False)

ORGANOS = _tabla("organos", "Órganos", "Órganos de cada institución: consejo, junta, comisiones, "
                 "direcciones ejecutivas…", (
                     _id("Identificador permanente del órgano."),
                     Columna("nombre", "string", "Nombre del órgano, como lo escriben las fuentes.", requerida=True),
                     Columna("institucion", "string", "id de su institución (tabla «instituciones»).",
                             requerida=True, patron=PATRON_ID),
                     Columna("tipo", "string", "Clase de órgano (consejo, junta, comision, direccion_ejecutiva…).",
                             requerida=True),
                     Columna("siglas", "string", "Siglas del órgano."),
                     Columna("alias", "array", "Otros nombres con que lo citan las fuentes (p. ej. «Junta»)."),
                     Columna("pertenece_a", "string", "id del órgano o área del que depende."),
                     Columna("descripcion", "string", "Qué es, en pocas palabras."),
                 ), clave=("id",), foraneas=(_fk(("institucion",), "instituciones", ("id",)),),
                 fuente=False, de_documento=False)

AREAS = _tabla("areas", "Áreas responsables", "Direcciones, subdirecciones y coordinaciones que las fuentes "
               "nombran como responsables de temas y compromisos.", (
                   _id("Identificador permanente del área."),
                   Columna("nombre", "string", "Nombre del área, como lo escriben las fuentes.", requerida=True),
                   Columna("institucion", "string", "id de su institución (tabla «instituciones»).",
                           requerida=True, patron=PATRON_ID),
                   Columna("siglas", "string", "Siglas del área."),
                   Columna("alias", "array", "Otras formas con que la citan las fuentes (p. ej. «DCPE»)."),
                   Columna("pertenece_a", "string", "id del órgano o área del que depende."),
               ), clave=("id",), foraneas=(_fk(("institucion",), "instituciones", ("id",)),),
               fuente=False, de_documento=False)

DOCUMENTOS = _tabla("documentos", "Documentos", "Un documento fuente por fila: programa anual de trabajo, "
                    "programa de una comisión, informe de seguimiento o plan de trabajo.", (
                        _id("Identificador permanente del documento; forma parte de su URL."),
                        Columna("tipo", "string", "Clase de documento.", requerida=True,
                                vocabulario=tuple(TIPOS_DOCUMENTO.items())),
                        Columna("institucion", "string", "id de la institución (tabla «instituciones»).",
                                requerida=True, patron=PATRON_ID),
                        Columna("organo", "string", "id del órgano que emite el documento (tabla «organos»).",
                                requerida=True, patron=PATRON_ID),
                        Columna("titulo", "string", "Título completo, como lo escribe la fuente.", requerida=True),
                        Columna("titulo_corto", "string", "Título breve para la navegación.", requerida=True),
                        Columna("anio", "integer", "Año (ejercicio) del documento; el primero si abarca dos.",
                                requerida=True),
                        Columna("fecha", "date", "Fecha del documento, si la fuente la da."),
                        Columna("periodo_desde", "yearmonth", "Primer mes de las columnas de su calendario."),
                        Columna("periodo_hasta", "yearmonth", "Último mes de las columnas de su calendario."),
                        Columna("anexo_numero", "string", "Número del anexo del acuerdo que es el documento."),
                        Columna("anexo_titulo", "string", "Título de ese anexo."),
                        Columna("aprobado_por", "string", "Número del acuerdo que aprueba el documento.",
                                patron=PATRON_ACUERDO),
                        Columna("presentado_en_sesion", "string", "id de la sesión en que se presentó "
                                "(<órgano>-AAAA-MM-DD, tabla «sesiones»).", patron=PATRON_ID),
                        Columna("presentado_en_punto", "string", "Punto del orden del día en que se presentó."),
                        Columna("fuente_archivo", "string", "Archivo de texto extraído del PDF de la fuente "
                                "(«no dado en la fuente» si el documento nació digital: ver fuente_url)."),
                        Columna("fuente_url", "string", "Dirección del documento oficial publicado, si nació "
                                "digital y se transcribió de él."),
                        Columna("fuente_descripcion", "string", "Qué es la fuente y qué contiene.", requerida=True),
                        Columna("fuente_perdidas", "string", "Qué perdió la extracción de texto de la fuente."),
                        Columna("archivo_datos", "string", "Archivo YAML de datos/ que lo transcribe.",
                                requerida=True),
                        Columna("url", "string", "URL permanente de su página en este sitio.", requerida=True),
                    ), clave=("id",), foraneas=(_fk(("institucion",), "instituciones", ("id",)),
                                                _fk(("organo",), "organos", ("id",))),
                    fuente=False, de_documento=False)

SIGLAS = _tabla("siglas", "Siglas", "Las siglas y abreviaturas que define cada documento.", (
    DOCUMENTO, ORDEN,
    Columna("sigla", "string", "La sigla, como la escribe la fuente (con «/» si tiene dos formas).", requerida=True),
    Columna("significado", "string", "Su significado, como lo escribe la fuente.", requerida=True),
), clave=("documento", "orden"))

APARTADOS = _tabla("apartados", "Apartados de prosa", "Los apartados de texto de cada documento (presentación, "
                   "glosario, considerandos…), con su texto completo.", (
                       DOCUMENTO, _id("Identificador del apartado en su documento."), ORDEN,
                       Columna("titulo", "string", "Título del apartado, como lo escribe la fuente.", requerida=True),
                       Columna("texto", "string", "Todo el texto del apartado, literal: párrafos, encabezados, "
                               "elementos de listas y celdas de tablas separados por una línea en blanco (la "
                               "estructura está en el JSON).", requerida=True),
                   ))

EJES = _tabla("ejes", "Ejes", "Ejes rectores de un programa o ejes de un plan.", (
    DOCUMENTO, _id(), Columna("numero", "integer", "Número del eje en la fuente.", minimo=1),
    Columna("texto", "string", "El eje, como lo escribe la fuente.", requerida=True),
))

VARIANTES_EJES = _tabla("variantes-ejes", "Otras redacciones de los ejes", "Cuando la fuente escribe el mismo eje "
                        "de otra forma en otro lugar.", (
                            DOCUMENTO, Columna("eje", "string", "id del eje (tabla «ejes»).", requerida=True,
                                               patron=PATRON_ID), ORDEN,
                            Columna("texto", "string", "La otra redacción, literal.", requerida=True),
                        ), clave=("documento", "eje", "orden"), foraneas=(_fk(("documento", "eje"), "ejes"),))

OBJETIVOS = _tabla("objetivos", "Objetivos", "Objetivos generales y específicos de un programa.", (
    DOCUMENTO, _id(),
    Columna("nivel", "string", "Nivel del objetivo.", requerida=True,
            vocabulario=(("general", "objetivo general"), ("especifico", "objetivo específico"))),
    Columna("numero", "string", "Numeración de la fuente (p. ej. 1.2)."),
    Columna("texto", "string", "El objetivo, como lo escribe la fuente.", requerida=True),
))

LINEAS_ACCION = _tabla("lineas-accion", "Líneas de acción", "Líneas de acción de un programa o plan.", (
    DOCUMENTO, _id(), Columna("numero", "string", "Numeración de la fuente."),
    Columna("texto", "string", "La línea de acción, como la escribe la fuente.", requerida=True),
    Columna("grupo", "string", "Título del apartado que agrupa la línea (p. ej. 3.1 …)."),
    Columna("objetivo", "string", "id del objetivo al que corresponde (tabla «objetivos»).", patron=PATRON_ID),
    *COLUMNAS_CALENDARIO,
), foraneas=(_fk_opcional("objetivo", "objetivos"),))

MECANISMOS = _tabla("mecanismos", "Mecanismos", "Mecanismos o procesos del SPEN (ingreso, profesionalización, "
                    "evaluación…), cada uno con su tabla de actividades.", (
                        DOCUMENTO, _id("Identificador estable del mecanismo, igual entre años."),
                        Columna("nombre", "string", "Nombre del mecanismo.", requerida=True),
                        Columna("titulo_tabla", "string", "Título de su tabla en la fuente.", requerida=True),
                        Columna("encabezado", "string", "Encabezado de la columna de actividades (Actividad, "
                                "Iniciativa…)."),
                        Columna("actividades_publicadas", "integer", "Número de actividades que publica la tabla "
                                "de síntesis de la fuente (puede no coincidir con las de su tabla).", minimo=0),
                    ))

ACTIVIDADES = _tabla("actividades", "Actividades", "Actividades de cada mecanismo y filas del cronograma de un "
                     "plan.", (
                         DOCUMENTO, _id(), ORDEN,
                         Columna("tabla", "string", "Dónde está la actividad en la fuente.", requerida=True,
                                 vocabulario=(("mecanismo", "en la tabla de un mecanismo"),
                                              ("cronograma", "en el cronograma del documento"))),
                         Columna("mecanismo", "string", "id del mecanismo cuya tabla la contiene (tabla "
                                 "«mecanismos»).", patron=PATRON_ID),
                         Columna("texto", "string", "La actividad, como la escribe la fuente.", requerida=True),
                         Columna("marca", "string", "Marca de nota al pie que lleva el texto (p. ej. *)."),
                         Columna("ficha", "string", "id de la ficha técnica que la desarrolla (tabla «fichas»).",
                                 patron=PATRON_ID),
                         *COLUMNAS_CALENDARIO,
                     ), foraneas=(_fk_opcional("mecanismo", "mecanismos"), _fk_opcional("ficha", "fichas")))

ACTIVIDADES_EJES = _tabla("actividades-ejes", "Ejes de cada actividad", "A qué ejes se alinea cada actividad.", (
    DOCUMENTO, Columna("actividad", "string", "id de la actividad (tabla «actividades»).", requerida=True,
                       patron=PATRON_ID),
    Columna("eje", "string", "id del eje (tabla «ejes»).", requerida=True, patron=PATRON_ID),
), clave=("documento", "actividad", "eje"), fuente=False,
    foraneas=(_fk(("documento", "actividad"), "actividades"), _fk(("documento", "eje"), "ejes")))

NOTAS = _tabla("notas", "Notas de las tablas", "Notas al pie de la tabla de un mecanismo o del cronograma.", (
    DOCUMENTO, Columna("orden", "integer", "Posición de la nota en el documento (desde 1).", requerida=True, minimo=1),
    Columna("tabla", "string", "De qué tabla es la nota.", requerida=True,
            vocabulario=(("mecanismo", "la tabla de un mecanismo"), ("cronograma", "el cronograma"))),
    Columna("mecanismo", "string", "id del mecanismo, si es de su tabla (tabla «mecanismos»).", patron=PATRON_ID),
    Columna("marca", "string", "Marca de la nota (p. ej. *).", requerida=True),
    Columna("texto", "string", "Texto de la nota, literal.", requerida=True),
), clave=("documento", "orden"), fuente=False, foraneas=(_fk_opcional("mecanismo", "mecanismos"),))

TEMAS = _tabla("temas", "Temas", "Temas (asuntos) del programa anual de una comisión, con el mes en que se "
               "tratarán.", (
                   DOCUMENTO, _id(),
                   Columna("texto", "string", "El tema, como lo escribe la fuente.", requerida=True),
                   Columna("clasificacion", "string", "Sigla entre paréntesis con que abre el tema (AG, DCPE, DP, "
                           "DPSPEN)."),
                   Columna("area", "string", "id del área responsable (tabla «areas»).", patron=PATRON_ID),
                   Columna("observaciones", "string", "Observaciones de la fuente."),
                   *COLUMNAS_CALENDARIO,
               ), foraneas=(_fk(("area",), "areas", ("id",)),))

CRONOGRAMAS = _tabla("cronogramas", "Cronogramas", "El cronograma de un plan de trabajo (sus filas están en "
                     "«actividades»).", (
                         DOCUMENTO,
                         Columna("titulo", "string", "Título del cronograma.", requerida=True),
                         Columna("periodo_declarado", "string", "El periodo como lo escribe el título de la fuente."),
                         Columna("periodo_declarado_desde", "yearmonth", "Primer mes de ese periodo."),
                         Columna("periodo_declarado_hasta", "yearmonth", "Último mes de ese periodo."),
                         Columna("encabezado", "string", "Encabezado de la columna de actividades."),
                     ), clave=("documento",))

FICHAS = _tabla("fichas", "Fichas técnicas", "Fichas técnicas que desarrollan una línea de acción.", (
    DOCUMENTO, _id(),
    Columna("linea_accion", "string", "La línea de acción, como la rotula la ficha.", requerida=True),
    Columna("ejes", "array", "Los ejes, como los rotula la ficha."),
    Columna("objetivos", "array", "Los objetivos, como los rotula la ficha."),
    Columna("actividad", "string", "La actividad que describe la ficha."),
    Columna("periodo", "string", "El periodo, como lo escribe la ficha."),
    Columna("participantes", "string", "Quiénes participan."),
    Columna("lugar", "string", "Dónde se realiza."),
    *COLUMNAS_CALENDARIO,
))

SESIONES_PROGRAMADAS = _tabla("sesiones-programadas", "Sesiones programadas", "Las sesiones que un programa prevé "
                              "(semana y mes).", (
                                  DOCUMENTO, _id(),
                                  Columna("tipo", "string", "Tipo de sesión.", requerida=True,
                                          vocabulario=VOCABULARIO_TIPO_SESION),
                                  Columna("ordinal", "integer", "Número de la sesión en el año (primera, segunda…).",
                                          minimo=1),
                                  Columna("semana", "integer", "Semana del mes (1 a 5).", minimo=1, maximo=5),
                                  Columna("mes", "yearmonth", "Mes previsto.", requerida=True),
                                  Columna("texto", "string", "Cómo la escribe la fuente (p. ej. «Segunda semana — "
                                          "Marzo»).", requerida=True),
                              ))

INTEGRANTES = _tabla("integrantes", "Integrantes", "Integrantes de la comisión que emite el programa.", (
    DOCUMENTO, ORDEN,
    Columna("nombre", "string", "Nombre, como lo escribe la fuente.", requerida=True),
    Columna("cargo", "string", "Cargo en la comisión.", requerida=True),
), clave=("documento", "orden"))

SESIONES = _tabla("sesiones", "Sesiones celebradas", "Sesiones de un órgano que nombra cada documento. El id es el "
                  "mismo en todos los documentos que nombran la misma sesión.", (
                      DOCUMENTO, _id("Identificador de la sesión: <órgano>-AAAA-MM-DD; el mismo en todos los "
                                     "documentos."),
                      Columna("organo", "string", "id del órgano que sesionó (tabla «organos»).", requerida=True,
                              patron=PATRON_ID),
                      Columna("tipo", "string", "Tipo de sesión.", requerida=True, vocabulario=VOCABULARIO_TIPO_SESION),
                      Columna("ordinal", "integer", "Número de la sesión en el año (primera, segunda…).", minimo=1),
                      Columna("fecha", "date", "Fecha de la sesión.", requerida=True),
                      Columna("texto", "string", "Cómo la nombra la fuente.", requerida=True),
                      Columna("compromisos_declarados", "integer", "Compromisos y acuerdos que la fuente atribuye a "
                              "la sesión.", minimo=0),
                      Columna("programada_documento", "string", "Documento de la sesión programada que le "
                              "corresponde.", patron=PATRON_ID),
                      Columna("programada", "string", "id de esa sesión programada (tabla «sesiones-programadas»).",
                              patron=PATRON_ID),
                  ), foraneas=(_fk(("organo",), "organos", ("id",)),
                               _fk(("programada_documento", "programada"), "sesiones-programadas")))

COMPROMISOS = _tabla("compromisos", "Compromisos", "Compromisos y acuerdos de una comisión con su seguimiento, "
                     "como los informa cada informe de seguimiento.", (
                         DOCUMENTO, _id(),
                         Columna("numero", "integer", "Número del compromiso en el informe.", requerida=True,
                                 minimo=1),
                         Columna("sesion", "string", "id de la sesión de la que proviene (tabla «sesiones»: "
                                 "<órgano>-AAAA-MM-DD).", requerida=True, patron=PATRON_ID),
                         Columna("sesion_texto", "string", "Fecha y tipo de sesión como los escribe la fuente.",
                                 requerida=True),
                         Columna("fecha_texto", "date", "La fecha que escribe la fuente."),
                         Columna("texto", "string", "El compromiso o acuerdo, literal.", requerida=True),
                         Columna("area", "string", "id del área responsable (tabla «areas»).", requerida=True,
                                 patron=PATRON_ID),
                         Columna("area_texto", "string", "El área responsable como la escribe la fuente.",
                                 requerida=True),
                         Columna("avance", "string", "Lo que se hizo, según la fuente.", requerida=True),
                         Columna("estatus", "string", "Estatus del compromiso.", requerida=True,
                                 vocabulario=tuple(ESTATUS.items())),
                         Columna("estatus_texto", "string", "El estatus como lo escribe la fuente.", requerida=True),
                         Columna("porcentaje", "number", "Porcentaje de avance que da la fuente.", requerida=True,
                                 minimo=0, maximo=100),
                     ), foraneas=(_fk(("area",), "areas", ("id",)),))

COMPROMISOS_TEMAS = _tabla("compromisos-temas", "Temas de cada compromiso", "Los temas de un programa sobre los "
                           "que informa cada compromiso.", (
                               DOCUMENTO, Columna("compromiso", "string", "id del compromiso (tabla «compromisos»).",
                                                  requerida=True, patron=PATRON_ID),
                               Columna("tema_documento", "string", "Documento del tema.", requerida=True,
                                       patron=PATRON_ID),
                               Columna("tema", "string", "id del tema (tabla «temas»).", requerida=True,
                                       patron=PATRON_ID),
                           ), clave=("documento", "compromiso", "tema_documento", "tema"), fuente=False,
                           foraneas=(_fk(("documento", "compromiso"), "compromisos"),
                                     _fk(("tema_documento", "tema"), "temas")))

COMPROMISOS_ACUERDOS = _tabla("compromisos-acuerdos", "Acuerdos de cada compromiso", "Los acuerdos con que se "
                              "cumplió cada compromiso, según la fuente.", (
                                  DOCUMENTO, Columna("compromiso", "string", "id del compromiso (tabla "
                                                     "«compromisos»).", requerida=True, patron=PATRON_ID),
                                  Columna("acuerdo", "string", "Número oficial del acuerdo (tabla «acuerdos»).",
                                          requerida=True, patron=PATRON_ACUERDO),
                              ), clave=("documento", "compromiso", "acuerdo"), fuente=False,
                              foraneas=(_fk(("documento", "compromiso"), "compromisos"),))

ACUERDOS = _tabla("acuerdos", "Acuerdos", "Lo que cada documento dice de un acuerdo (el mismo número puede "
                  "aparecer en varios documentos).", (
                      DOCUMENTO,
                      Columna("numero", "string", "Número oficial: institución / órgano + ordinal / año "
                              "(INE/JGE06/2020).", requerida=True, patron=PATRON_ACUERDO),
                      Columna("organo", "string", "id del órgano que lo emitió (tabla «organos»).", requerida=True,
                              patron=PATRON_ID),
                      Columna("titulo", "string", "Título del acuerdo."),
                      Columna("fecha", "date", "Fecha del acuerdo."),
                      Columna("sesion", "string", "id de la sesión en que se aprobó (tabla «sesiones»).",
                              patron=PATRON_ID),
                      Columna("aprueba", "string", "Lo que aprueba, en palabras de la fuente."),
                      Columna("enlace", "string", "Liga al acuerdo en el repositorio oficial."),
                      Columna("votacion", "string", "Cómo se votó (p. ej. unanimidad)."),
                      Columna("antecedentes", "string", "Antecedentes, literal: párrafos, encabezados, elementos de "
                              "listas y celdas de tablas separados por una línea en blanco (la estructura está en el "
                              "JSON)."),
                      Columna("considerandos", "string", "Considerandos, literal, como los antecedentes."),
                      Columna("publicar_gaceta", "boolean", "Si el acuerdo ordena publicarse en la Gaceta "
                              "Electoral."),
                  ), clave=("documento", "numero"), foraneas=(_fk(("organo",), "organos", ("id",)),))

PUNTOS_ACUERDOS = _tabla("puntos-acuerdos", "Puntos de acuerdo", "Los puntos resolutivos de cada acuerdo "
                         "(Primero, Segundo…).", (
                             DOCUMENTO, Columna("acuerdo", "string", "Número del acuerdo (tabla «acuerdos»).",
                                                requerida=True, patron=PATRON_ACUERDO), ORDEN,
                             Columna("ordinal", "string", "Ordinal del punto (Primero, Segundo…).", requerida=True),
                             Columna("texto", "string", "El punto, literal.", requerida=True),
                         ), clave=("documento", "acuerdo", "orden"), fuente=False,
                         foraneas=(_fk(("documento", "acuerdo"), "acuerdos", ("documento", "numero")),))

FIRMANTES = _tabla("firmantes", "Firmantes de los acuerdos", "Quienes firman cada acuerdo.", (
    DOCUMENTO, Columna("acuerdo", "string", "Número del acuerdo (tabla «acuerdos»).", requerida=True,
                       patron=PATRON_ACUERDO), ORDEN,
    Columna("nombre", "string", "Nombre, como lo escribe la fuente.", requerida=True),
    Columna("cargo", "string", "Cargo.", requerida=True),
), clave=("documento", "acuerdo", "orden"),
   foraneas=(_fk(("documento", "acuerdo"), "acuerdos", ("documento", "numero")),))

CONTEOS = _tabla("conteos", "Conteos de la prosa", "Números que la prosa de un documento afirma sobre sus "
                 "registros; la validación los compara con las listas.", (
                     DOCUMENTO, ORDEN,
                     Columna("coleccion", "string", "De qué registros habla (actividades, temas, compromisos…).",
                             requerida=True),
                     Columna("filtro", "object", "Qué registros cuenta: campo y valor (un objeto vacío: todos).",
                             requerida=True),
                     Columna("valor", "integer", "El número que afirma la prosa.", requerida=True, minimo=0),
                     Columna("cita", "string", "Las palabras de la fuente.", requerida=True),
                 ), clave=("documento", "orden"))

CIFRAS = _tabla("cifras", "Cifras publicadas", "Cifras resumen que publica el documento (p. ej. porcentaje de "
                "actividades por eje).", (
                    DOCUMENTO, _id(),
                    Columna("indicador", "string", "Qué mide la cifra, en palabras de la fuente.", requerida=True),
                    Columna("valor", "number", "El valor publicado.", requerida=True),
                    Columna("unidad", "string", "Unidad del valor.", requerida=True,
                            vocabulario=(("porcentaje", "por ciento"), ("numero", "número"))),
                    Columna("cita", "string", "Las palabras de la fuente.", requerida=True),
                    Columna("grupo", "string", "Serie a la que pertenece (eje, tipo, trimestre de inicio…)."),
                ))

MESES_CALENDARIO = _tabla("meses-calendario", "Meses del calendario", "Un mes por fila para cada registro que la "
                          "fuente calendariza mes por mes: los meses marcados en su tabla, o los que denotan "
                          "literalmente las palabras de su periodo. Un registro sin meses (permanente, no dado) no "
                          "tiene filas aquí.", (
                              DOCUMENTO,
                              Columna("tabla", "string", "Tabla del registro.", requerida=True, vocabulario=(
                                  ("actividades", "una actividad"), ("temas", "un tema"),
                                  ("lineas-accion", "una línea de acción"), ("fichas", "una ficha técnica"))),
                              Columna("registro", "string", "id del registro en esa tabla.", requerida=True,
                                      patron=PATRON_ID),
                              Columna("mes", "yearmonth", "El mes.", requerida=True),
                              Columna("marca", "string", "Por qué el registro ocupa el mes.", requerida=True,
                                      vocabulario=(("marcado", "la fuente marca el mes en su tabla"),
                                                   ("periodo", "el mes está en el periodo que la fuente da en "
                                                               "palabras"))),
                          ), clave=("documento", "tabla", "registro", "mes"), fuente=False)

#: Todas las tablas, en el orden en que se publican.
ESQUEMAS: tuple[EsquemaTabla, ...] = (
    INSTITUCIONES, ORGANOS, AREAS, DOCUMENTOS, SIGLAS, APARTADOS, EJES, VARIANTES_EJES, OBJETIVOS, LINEAS_ACCION,
    MECANISMOS, ACTIVIDADES, ACTIVIDADES_EJES, NOTAS, TEMAS, CRONOGRAMAS, FICHAS, SESIONES_PROGRAMADAS, INTEGRANTES,
    SESIONES, COMPROMISOS, COMPROMISOS_TEMAS, COMPROMISOS_ACUERDOS, ACUERDOS, PUNTOS_ACUERDOS, FIRMANTES, CONTEOS,
    CIFRAS, MESES_CALENDARIO,
)
#: Tablas del catálogo (no son de un documento).
DEL_CATALOGO = frozenset({"instituciones", "organos", "areas"})


# --- Las filas --------------------------------------------------------------------------------

Filas = Iterator[tuple[dict[str, Valor], Origen]]


def _fuente(fuente: Fuente | None) -> dict[str, Valor]:
    if fuente is None:
        return {c.nombre: None for c in COLUMNAS_FUENTE}
    return {"fuente_seccion": fuente.seccion, "fuente_tabla": fuente.tabla, "fuente_fila": fuente.fila,
            "fuente_pagina": fuente.pagina, "fuente_numeral": fuente.numeral, "fuente_nota": fuente.nota,
            "fuente_parrafo": fuente.parrafo}


def _calendario(calendario: Calendario | None) -> dict[str, Valor]:
    if calendario is None:
        return {c.nombre: None for c in COLUMNAS_CALENDARIO}
    rango = calendario.rango
    return {"calendario_estado": calendario.estado, "calendario_texto": calendario.texto,
            "calendario_desde": rango.desde if rango else None, "calendario_hasta": rango.hasta if rango else None,
            "calendario_condicion": calendario.condicion,
            "calendario_marcas_fuera_de_tabla": calendario.marcas_fuera_de_tabla,
            "calendario_nota": calendario.nota}


def _prosa(bloques: tuple[Bloque, ...]) -> str | None:
    """El texto de unos bloques de prosa: sus textos separados por una línea en blanco."""
    return "\n\n".join(textos_de(bloques)) or None


def _meses(calendario: Calendario | None) -> list[tuple[str, str]]:
    """(mes, marca) de un calendario: los meses marcados o los del periodo en palabras."""
    if calendario is None:
        return []
    if calendario.estado == "meses":
        return [(mes, "marcado") for mes in sorted(calendario.meses)]
    if calendario.estado == "periodo" and calendario.rango:
        return [(mes, "periodo") for mes in calendario.rango.meses()]
    return []


def _catalogo(catalogo: Catalogo) -> dict[str, Filas]:
    archivo = catalogo.archivo

    def instituciones() -> Filas:
        for i in catalogo.instituciones:
            yield ({"id": i.id, "nombre": i.nombre, "siglas": i.siglas, "tipo": i.tipo, "entidad": i.entidad,
                    "encabezado": i.encabezado}, Origen(archivo, i.linea))

    def organos() -> Filas:
        for o in catalogo.organos:
            yield ({"id": o.id, "nombre": o.nombre, "institucion": o.institucion, "tipo": o.tipo,
                    "siglas": o.siglas, "alias": list(o.alias), "pertenece_a": o.pertenece_a,
                    "descripcion": o.descripcion}, Origen(archivo, o.linea))

    def areas() -> Filas:
        for a in catalogo.areas:
            yield ({"id": a.id, "nombre": a.nombre, "institucion": a.institucion, "siglas": a.siglas,
                    "alias": list(a.alias), "pertenece_a": a.pertenece_a}, Origen(archivo, a.linea))

    return {"instituciones": instituciones(), "organos": organos(), "areas": areas()}


def _de_documento(doc: Documento, url: str) -> dict[str, Filas]:
    """Los generadores de filas de cada tabla de un documento."""
    archivo = doc.archivo

    def en(linea: int) -> Origen:
        return Origen(archivo, linea)

    def documentos() -> Filas:
        yield ({"id": doc.id, "tipo": doc.tipo, "institucion": doc.institucion, "organo": doc.organo,
                "titulo": doc.titulo, "titulo_corto": doc.titulo_corto, "anio": doc.anio, "fecha": doc.fecha,
                "periodo_desde": doc.periodo.desde if doc.periodo else None,
                "periodo_hasta": doc.periodo.hasta if doc.periodo else None,
                "anexo_numero": doc.anexo.numero if doc.anexo else None,
                "anexo_titulo": doc.anexo.titulo if doc.anexo else None, "aprobado_por": doc.aprobado_por,
                "presentado_en_sesion": doc.presentado_en.sesion if doc.presentado_en else None,
                "presentado_en_punto": doc.presentado_en.punto if doc.presentado_en else None,
                "fuente_archivo": doc.fuente.archivo, "fuente_url": doc.fuente.url,
                "fuente_descripcion": doc.fuente.descripcion,
                "fuente_perdidas": doc.fuente.perdidas, "archivo_datos": doc.archivo, "url": url}, en(0))

    def siglas() -> Filas:
        for n, s in enumerate(doc.siglas, 1):
            yield {"documento": doc.id, "orden": n, "sigla": s.sigla, "significado": s.significado,
                   **_fuente(s.fuente)}, en(s.linea)

    def apartados() -> Filas:
        for n, s in enumerate(doc.secciones, 1):
            yield {"documento": doc.id, "id": s.id, "orden": n, "titulo": s.titulo, "texto": _prosa(s.bloques),
                   **_fuente(s.fuente)}, en(s.linea)

    def ejes() -> Filas:
        for e in doc.ejes:
            yield {"documento": doc.id, "id": e.id, "numero": e.numero, "texto": e.texto, **_fuente(e.fuente)}, \
                en(e.linea)

    def variantes() -> Filas:
        for e in doc.ejes:
            for n, v in enumerate(e.variantes, 1):
                yield {"documento": doc.id, "eje": e.id, "orden": n, "texto": v.texto, **_fuente(v.fuente)}, \
                    en(e.linea)

    def objetivos() -> Filas:
        for o in doc.objetivos:
            yield {"documento": doc.id, "id": o.id, "nivel": o.nivel, "numero": o.numero, "texto": o.texto,
                   **_fuente(o.fuente)}, en(o.linea)

    def lineas() -> Filas:
        for la in doc.lineas_accion:
            yield {"documento": doc.id, "id": la.id, "numero": la.numero, "texto": la.texto, "grupo": la.grupo,
                   "objetivo": la.objetivo, **_calendario(la.calendario), **_fuente(la.fuente)}, en(la.linea)

    def mecanismos() -> Filas:
        for m in doc.mecanismos:
            yield {"documento": doc.id, "id": m.id, "nombre": m.nombre, "titulo_tabla": m.titulo_tabla,
                   "encabezado": m.encabezado, "actividades_publicadas": m.actividades_publicadas,
                   **_fuente(m.fuente)}, en(m.linea)

    def con_tabla() -> Iterator[tuple[Any, str, str | None]]:
        for m in doc.mecanismos:
            for a in m.actividades:
                yield a, "mecanismo", m.id
        if doc.cronograma:
            for a in doc.cronograma.filas:
                yield a, "cronograma", None

    def actividades() -> Filas:
        for n, (a, tabla, mecanismo) in enumerate(con_tabla(), 1):
            yield {"documento": doc.id, "id": a.id, "orden": n, "tabla": tabla, "mecanismo": mecanismo,
                   "texto": a.texto, "marca": a.marca, "ficha": a.ficha, **_calendario(a.calendario),
                   **_fuente(a.fuente)}, en(a.linea)

    def actividades_ejes() -> Filas:
        for a in doc.actividades:
            for eje in a.ejes:
                yield {"documento": doc.id, "actividad": a.id, "eje": eje}, en(a.linea)

    def notas() -> Filas:
        todas = [(n, "mecanismo", m.id, m.linea) for m in doc.mecanismos for n in m.notas]
        if doc.cronograma:
            todas += [(n, "cronograma", None, doc.cronograma.linea) for n in doc.cronograma.notas]
        for orden, (nota, tabla, mecanismo, linea) in enumerate(todas, 1):
            yield {"documento": doc.id, "orden": orden, "tabla": tabla, "mecanismo": mecanismo, "marca": nota.marca,
                   "texto": nota.texto}, en(linea)

    def temas() -> Filas:
        for t in doc.temas:
            yield {"documento": doc.id, "id": t.id, "texto": t.texto, "clasificacion": t.clasificacion,
                   "area": t.area, "observaciones": t.observaciones, **_calendario(t.calendario),
                   **_fuente(t.fuente)}, en(t.linea)

    def cronogramas() -> Filas:
        c = doc.cronograma
        if c is not None:
            rango = c.periodo_declarado_rango
            yield {"documento": doc.id, "titulo": c.titulo, "periodo_declarado": c.periodo_declarado,
                   "periodo_declarado_desde": rango.desde if rango else None,
                   "periodo_declarado_hasta": rango.hasta if rango else None, "encabezado": c.encabezado,
                   **_fuente(c.fuente)}, en(c.linea)

    def fichas() -> Filas:
        for f in doc.fichas:
            yield {"documento": doc.id, "id": f.id, "linea_accion": f.linea_accion, "ejes": list(f.ejes),
                   "objetivos": list(f.objetivos), "actividad": f.actividad, "periodo": f.periodo,
                   "participantes": f.participantes, "lugar": f.lugar, **_calendario(f.calendario),
                   **_fuente(f.fuente)}, en(f.linea)

    def programadas() -> Filas:
        for p in doc.sesiones_programadas:
            yield {"documento": doc.id, "id": p.id, "tipo": p.tipo, "ordinal": p.ordinal, "semana": p.semana,
                   "mes": p.mes, "texto": p.texto, **_fuente(p.fuente)}, en(p.linea)

    def integrantes() -> Filas:
        for n, i in enumerate(doc.integrantes, 1):
            yield {"documento": doc.id, "orden": n, "nombre": i.nombre, "cargo": i.cargo, **_fuente(i.fuente)}, en(0)

    def sesiones() -> Filas:
        for s in doc.sesiones:
            programada = s.programada.split("/", 1) if s.programada else [None, None]
            yield {"documento": doc.id, "id": s.id, "organo": s.organo, "tipo": s.tipo, "ordinal": s.ordinal,
                   "fecha": s.fecha, "texto": s.texto, "compromisos_declarados": s.compromisos_declarados,
                   "programada_documento": programada[0], "programada": programada[1], **_fuente(s.fuente)}, \
                en(s.linea)

    def compromisos() -> Filas:
        for c in doc.compromisos:
            yield {"documento": doc.id, "id": c.id, "numero": c.numero, "sesion": c.sesion,
                   "sesion_texto": c.sesion_texto, "fecha_texto": c.fecha_texto, "texto": c.texto, "area": c.area,
                   "area_texto": c.area_texto, "avance": c.avance, "estatus": c.estatus,
                   "estatus_texto": c.estatus_texto, "porcentaje": c.porcentaje, **_fuente(c.fuente)}, en(c.linea)

    def compromisos_temas() -> Filas:
        for c in doc.compromisos:
            for ref in c.temas:
                tema_doc, tema = ref.split("/", 1)
                yield {"documento": doc.id, "compromiso": c.id, "tema_documento": tema_doc, "tema": tema}, en(c.linea)

    def compromisos_acuerdos() -> Filas:
        for c in doc.compromisos:
            for numero in c.acuerdos:
                yield {"documento": doc.id, "compromiso": c.id, "acuerdo": numero}, en(c.linea)

    def acuerdos() -> Filas:
        for a in doc.acuerdos:
            yield {"documento": doc.id, "numero": a.numero, "organo": a.organo, "titulo": a.titulo, "fecha": a.fecha,
                   "sesion": a.sesion, "aprueba": a.aprueba, "enlace": a.enlace, "votacion": a.votacion,
                   "antecedentes": _prosa(a.antecedentes), "considerandos": _prosa(a.considerandos),
                   "publicar_gaceta": a.publicar_gaceta, **_fuente(a.fuente)}, en(a.linea)

    def puntos() -> Filas:
        for a in doc.acuerdos:
            for n, p in enumerate(a.puntos, 1):
                yield {"documento": doc.id, "acuerdo": a.numero, "orden": n, "ordinal": p.ordinal,
                       "texto": p.texto}, en(a.linea)

    def firmantes() -> Filas:
        for a in doc.acuerdos:
            for n, f in enumerate(a.firmantes, 1):
                yield {"documento": doc.id, "acuerdo": a.numero, "orden": n, "nombre": f.nombre, "cargo": f.cargo,
                       **_fuente(f.fuente)}, en(a.linea)

    def conteos() -> Filas:
        for n, c in enumerate(doc.conteos, 1):
            yield {"documento": doc.id, "orden": n, "coleccion": c.coleccion, "filtro": dict(c.filtro),
                   "valor": c.valor, "cita": c.cita, **_fuente(c.fuente)}, en(c.linea)

    def cifras() -> Filas:
        for c in doc.cifras_publicadas:
            yield {"documento": doc.id, "id": c.id, "indicador": c.indicador, "valor": c.valor, "unidad": c.unidad,
                   "cita": c.cita, "grupo": c.grupo, **_fuente(c.fuente)}, en(c.linea)

    def meses() -> Filas:
        registros: list[tuple[str, Any]] = [("actividades", a) for a in doc.actividades]
        registros += [("temas", t) for t in doc.temas]
        registros += [("lineas-accion", la) for la in doc.lineas_accion]
        registros += [("fichas", f) for f in doc.fichas]
        for tabla, registro in registros:
            for mes, marca in _meses(registro.calendario):
                yield {"documento": doc.id, "tabla": tabla, "registro": registro.id, "mes": mes, "marca": marca}, \
                    en(registro.linea)

    return {
        "documentos": documentos(), "siglas": siglas(), "apartados": apartados(), "ejes": ejes(),
        "variantes-ejes": variantes(), "objetivos": objetivos(), "lineas-accion": lineas(),
        "mecanismos": mecanismos(), "actividades": actividades(), "actividades-ejes": actividades_ejes(),
        "notas": notas(), "temas": temas(), "cronogramas": cronogramas(), "fichas": fichas(),
        "sesiones-programadas": programadas(), "integrantes": integrantes(), "sesiones": sesiones(),
        "compromisos": compromisos(), "compromisos-temas": compromisos_temas(),
        "compromisos-acuerdos": compromisos_acuerdos(), "acuerdos": acuerdos(), "puntos-acuerdos": puntos(),
        "firmantes": firmantes(), "conteos": conteos(), "cifras": cifras(), "meses-calendario": meses(),
    }


def _ordenar(esquema: EsquemaTabla, fila: Mapping[str, Valor]) -> tuple[Valor, ...]:
    """Los valores de la fila en el orden de las columnas; una fila con otras columnas es un
    error del código (no de los datos)."""
    if set(fila) != set(esquema.nombres):
        raise ValueError(f"la fila de «{esquema.nombre}» no tiene las columnas de su esquema: "
                         f"sobran {sorted(set(fila) - set(esquema.nombres))}, "
                         f"faltan {sorted(set(esquema.nombres) - set(fila))}")
    return tuple(fila[nombre] for nombre in esquema.nombres)


def construir_tablas(datos: Datos, url_documento: Callable[[str], str]) -> dict[str, Tabla]:
    """Todas las tablas del sitio, por nombre y en el orden de ``ESQUEMAS``. ``url_documento``
    da la URL permanente de la página de un documento por su id."""
    filas: dict[str, list[tuple[Valor, ...]]] = {e.nombre: [] for e in ESQUEMAS}
    origenes: dict[str, list[Origen]] = {e.nombre: [] for e in ESQUEMAS}
    por_nombre = {e.nombre: e for e in ESQUEMAS}
    fuentes = [_catalogo(datos.catalogo)]
    fuentes += [_de_documento(doc, url_documento(doc.id)) for doc in datos.documentos]
    for fuente in fuentes:
        for nombre, generador in fuente.items():
            for fila, origen in generador:
                filas[nombre].append(_ordenar(por_nombre[nombre], fila))
                origenes[nombre].append(origen)
    return {e.nombre: Tabla(e, tuple(filas[e.nombre]), tuple(origenes[e.nombre])) for e in ESQUEMAS}


def tablas_documento(tablas: Mapping[str, Tabla], documento: str) -> dict[str, Tabla]:
    """Las tablas de un documento: sus filas de cada tabla que no es del catálogo, y solo las
    tablas con alguna fila."""
    propias: dict[str, Tabla] = {}
    for nombre, tabla in tablas.items():
        if nombre in DEL_CATALOGO:
            continue
        columna = "id" if nombre == "documentos" else "documento"
        filtrada = tabla.filtrar(columna, documento)
        if filtrada.filas:
            propias[nombre] = filtrada
    return propias
