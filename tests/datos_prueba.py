"""Datos de prueba mínimos y coherentes: un catálogo y un documento de cada tipo.

``archivos_base()`` da el texto YAML de cada archivo (ruta relativa a ``datos/`` → texto); se
carga con 0 errores y 0 avisos. Cada prueba de entrada mala parte de ahí, cambia un fragmento
con ``cambiar`` (que exige que el fragmento aparezca exactamente una vez) y escribe la carpeta
con ``escribir``. ``linea_de`` da la línea donde aparece un fragmento, para comprobar que los
mensajes señalan la línea correcta sin escribir números a mano.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from programas_spen.carga.validacion import Resultado, cargar_datos
from programas_spen.modelo.problemas import Problema

if TYPE_CHECKING:
    from programas_spen.sitio.construir import Sitio

CATALOGO = "instituciones.yml"
PAT = "ine/2020/pat-2020.yml"
PROGRAMA = "ine/2024/pat-cspen-2024.yml"
INFORME = "ine/2024/informe-2024.yml"
PLAN = "ople-x/2024/plan-2024.yml"

_CATALOGO = """\
instituciones:
  - id: ine
    nombre: Instituto Nacional Electoral
    siglas: INE
    tipo: ine
  - id: ople-x
    nombre: Instituto Electoral de Prueba
    siglas: IEP
    tipo: ople
    entidad: Prueba
organos:
  - id: cg
    nombre: Consejo General
    siglas: CG
    institucion: ine
    tipo: consejo
  - id: jge
    nombre: Junta General Ejecutiva
    siglas: JGE
    institucion: ine
    tipo: junta
  - id: cspen
    nombre: Comisión del Servicio Profesional Electoral Nacional
    siglas: CSPEN
    institucion: ine
    tipo: comision
    pertenece_a: cg
  - id: despen
    nombre: Dirección Ejecutiva del Servicio Profesional Electoral Nacional
    siglas: DESPEN
    institucion: ine
    tipo: direccion_ejecutiva
  - id: ople-x-comision
    nombre: Comisión de Seguimiento de Prueba
    institucion: ople-x
    tipo: comision
areas:
  - id: dp
    nombre: Dirección de Profesionalización
    siglas: DP
    institucion: ine
    pertenece_a: despen
  - id: dj
    nombre: Dirección Jurídica
    siglas: DJ
    alias: [DJUR]
    institucion: ine
  - id: area-sin-registros
    nombre: Área sin registros
    institucion: ine
"""

_PAT = """\
id: pat-2020
tipo: programa_anual_trabajo
institucion: ine
organo: jge
titulo: Programa Anual de Trabajo de prueba correspondiente al ejercicio 2020
titulo_corto: PAT de prueba 2020
anio: 2020
periodo:
  desde: 2020-01
  hasta: 2020-12
aprobado_por: INE/JGE06/2020
presentado_en:
  sesion: jge-2020-01-16
fuente:
  archivo: pat.txt
  descripcion: Programa de prueba.
siglas:
  - sigla: Servicio/SPEN
    significado: Servicio Profesional Electoral Nacional.
secciones:
  - id: introduccion
    titulo: Introducción 2020
    bloques:
      - parrafo: El Estatuto se aprobó mediante Acuerdo INE/CG909/2015 del Consejo General.
      - encabezado: Un encabezado del apartado
      - parrafo: 'Un párrafo que anuncia una lista:'
      - lista:
          - Primer elemento con viñeta;
          - segundo elemento con viñeta.
      - encabezado:
          texto: Un encabezado de segundo nivel
          nivel: 2
      - lista_numerada:
          - Primer paso numerado.
          - Segundo paso numerado.
      - tabla:
          encabezados: [Columna de prueba, '']
          filas:
            - [Primera fila, '10']
            - [Segunda fila, '']
ejes:
  - id: eje-1
    numero: 1
    texto: Primer eje.
    fuente:
      seccion: Ejes
mecanismos:
  - id: ingreso
    nombre: Ingreso
    titulo_tabla: INGRESO
    actividades_publicadas: 2
    actividades:
      - id: ingreso-01
        texto: Primera actividad de ingreso.
        ejes: [eje-1]
        calendario:
          estado: meses
          meses: [2020-01, 2020-02]
        fuente:
          tabla: INGRESO
          fila: 1
      - id: ingreso-02
        texto: Segunda actividad de ingreso.
        calendario:
          estado: no_dado
          nota: Los meses no se conservaron en el texto.
        fuente:
          tabla: INGRESO
          fila: 2
    fuente:
      seccion: Anexo
sesiones:
  - id: jge-2020-01-16
    organo: jge
    tipo: ordinaria
    fecha: '2020-01-16'
    texto: sesión ordinaria del 16 de enero de 2020
    fuente:
      seccion: Acuerdo
acuerdos:
  - numero: INE/JGE06/2020
    organo: jge
    fecha: '2020-01-16'
    sesion: jge-2020-01-16
    aprueba: el Programa Anual de Trabajo de prueba 2020
    fuente:
      seccion: Acuerdo
  - numero: INE/CG909/2015
    organo: cg
    fuente:
      seccion: Antecedentes
conteos:
  - coleccion: actividades
    valor: 2
    cita: dos actividades
    fuente:
      seccion: Introducción
"""

_PROGRAMA = """\
id: pat-cspen-2024
tipo: programa_anual_comision
institucion: ine
organo: cspen
titulo: Programa Anual de Trabajo de prueba de la Comisión del Servicio 2024
titulo_corto: PAT de prueba de la CSPEN 2024
anio: 2024
periodo:
  desde: 2024-01
  hasta: 2024-12
fuente:
  archivo: programa.txt
  descripcion: Programa de comisión de prueba.
objetivos:
  - id: objetivo-general
    nivel: general
    texto: Objetivo general de prueba.
    fuente:
      seccion: Objetivo general
temas:
  - id: tema-01
    texto: (DP) Primer tema.
    clasificacion: DP
    area: dp
    calendario:
      estado: meses
      meses: [2024-03]
    fuente:
      tabla: Anexo
      fila: 1
  - id: tema-02
    texto: (DJ) Segundo tema.
    clasificacion: DJ
    area: dj
    calendario:
      estado: no_dado
    fuente:
      tabla: Anexo
      fila: 2
sesiones_programadas:
  - id: sesion-ordinaria-1
    tipo: ordinaria
    ordinal: 1
    semana: 2
    mes: 2024-03
    texto: Segunda semana — Marzo
    fuente:
      tabla: Sesiones
      fila: 1
  - id: sesion-ordinaria-2
    tipo: ordinaria
    ordinal: 2
    mes: 2024-06
    texto: Junio
    fuente:
      tabla: Sesiones
      fila: 2
integrantes:
  - nombre: Persona Uno
    cargo: Presidenta
conteos:
  - coleccion: temas
    valor: 2
    cita: dos temas
    fuente:
      seccion: Introducción
"""

_INFORME = """\
id: informe-2024
tipo: informe_seguimiento
institucion: ine
organo: despen
titulo: Informe de prueba sobre el seguimiento de compromisos
titulo_corto: Informe de prueba 2024
anio: 2024
fecha: '2024-06-17'
fuente:
  archivo: informe.txt
  descripcion: Informe de prueba.
presentado_en:
  sesion: cspen-2024-06-17
  punto: '2'
sesiones:
  - id: cspen-2024-03-13
    organo: cspen
    tipo: ordinaria
    ordinal: 1
    fecha: '2024-03-13'
    texto: Primera sesión ordinaria
    compromisos_declarados: 2
    programada: pat-cspen-2024/sesion-ordinaria-1
    fuente:
      seccion: Contenido
  - id: cspen-2024-06-17
    organo: cspen
    tipo: ordinaria
    fecha: '2024-06-17'
    texto: Sesión ordinaria del 17 de junio de 2024
    fuente:
      seccion: Portada
  - id: jge-2024-03-25
    organo: jge
    tipo: ordinaria
    fecha: '2024-03-25'
    texto: sesión ordinaria de la Junta del 25 de marzo de 2024
    fuente:
      seccion: Anexo
compromisos:
  - id: compromiso-01
    numero: 1
    sesion: cspen-2024-03-13
    sesion_texto: 13/03/2024 Primera sesión ordinaria.
    fecha_texto: '2024-03-13'
    texto: Revisar el primer tema del programa.
    area: dp
    area_texto: Dirección de Profesionalización.
    avance: La Junta lo aprobó mediante el Acuerdo INE/JGE38/2024.
    estatus: concluido
    estatus_texto: Concluido
    porcentaje: 100
    acuerdos: [INE/JGE38/2024]
    temas: [pat-cspen-2024/tema-01]
    fuente:
      tabla: Anexo
      fila: 1
  - id: compromiso-02
    numero: 2
    sesion: cspen-2024-03-13
    sesion_texto: 13/03/2024 Primera sesión ordinaria.
    texto: Preparar el segundo informe.
    area: dj
    area_texto: Dirección Jurídica.
    avance: En proceso.
    estatus: en_curso
    estatus_texto: En proceso
    porcentaje: 75
    fuente:
      tabla: Anexo
      fila: 2
acuerdos:
  - numero: INE/JGE38/2024
    organo: jge
    fecha: '2024-03-25'
    sesion: jge-2024-03-25
    enlace: https://example.org/INE-JGE38-2024.pdf
    fuente:
      seccion: Anexo
      nota: '1'
"""

_PLAN = """\
id: plan-2024
tipo: plan_trabajo
institucion: ople-x
organo: ople-x-comision
titulo: Plan de trabajo de prueba 2024-2025
titulo_corto: Plan de prueba 2024-2025
anio: 2024
periodo:
  desde: 2024-11
  hasta: 2025-02
fuente:
  archivo: plan.txt
  descripcion: Plan de prueba.
ejes:
  - id: eje-a
    texto: Eje A.
    fuente:
      seccion: Ejes
objetivos:
  - id: objetivo-1
    nivel: general
    numero: '1'
    texto: Objetivo uno.
    fuente:
      seccion: Objetivos
lineas_accion:
  - id: linea-1
    numero: '1.1'
    texto: Línea de acción uno.
    grupo: 1. Grupo uno
    objetivo: objetivo-1
    calendario:
      estado: permanente
    fuente:
      seccion: Líneas de acción
fichas:
  - id: ficha-1
    linea_accion: Línea de acción uno.
    ejes: [Eje A]
    periodo: Primer trimestre de 2025
    fuente:
      seccion: Fichas técnicas
cronograma:
  titulo: CRONOGRAMA
  periodo_declarado: (NOVIEMBRE 2024 / FEBRERO 2025)
  periodo_declarado_rango:
    desde: 2024-11
    hasta: 2025-02
  notas:
    - marca: '*'
      texto: Sujeto a disponibilidad.
  filas:
    - id: fila-1
      texto: Primera fila del cronograma.
      marca: '*'
      ejes: [eje-a]
      ficha: ficha-1
      calendario:
        estado: periodo
        texto: primer bimestre de 2025
        rango:
          desde: 2025-01
          hasta: 2025-02
      fuente:
        tabla: Cronograma
        fila: 1
    - id: fila-2
      texto: Segunda fila del cronograma.
      calendario:
        estado: no_dado
      fuente:
        tabla: Cronograma
        fila: 2
conteos:
  - coleccion: ejes
    valor: 1
    cita: un eje
    fuente:
      seccion: Ejes
"""


#: Programa del mismo órgano del año anterior y un informe anterior, para la continuidad entre
#: años (``archivos_continuidad``).
PROGRAMA_ANTERIOR = "ine/2023/pat-cspen-2023.yml"
INFORME_ANTERIOR = "ine/2024/informe-2024-04.yml"

_PROGRAMA_ANTERIOR = """\
id: pat-cspen-2023
tipo: programa_anual_comision
institucion: ine
organo: cspen
titulo: Programa Anual de Trabajo de prueba de la Comisión del Servicio 2023
titulo_corto: PAT de prueba de la CSPEN 2023
anio: 2023
periodo:
  desde: 2023-01
  hasta: 2023-12
fuente:
  archivo: programa-2023.txt
  descripcion: Programa de comisión de prueba del año anterior.
temas:
  - id: tema-05
    texto: (DP) Un tema que el año siguiente se movió de mes.
    area: dp
    calendario:
      estado: meses
      meses: [2023-05]
    fuente:
      tabla: Anexo
      fila: 1
  - id: tema-07
    texto: (DJ) Un tema que sigue igual.
    area: dj
    calendario:
      estado: no_dado
    fuente:
      tabla: Anexo
      fila: 2
  - id: tema-09
    texto: (DJ) Segundo tema.
    area: dj
    calendario:
      estado: meses
      meses: [2023-09]
    fuente:
      tabla: Anexo
      fila: 3
"""

_INFORME_ANTERIOR = """\
id: informe-2024-04
tipo: informe_seguimiento
institucion: ine
organo: despen
titulo: Informe de prueba anterior sobre el seguimiento de compromisos
titulo_corto: Informe de prueba de abril de 2024
anio: 2024
fecha: '2024-04-30'
fuente:
  archivo: informe-anterior.txt
  descripcion: Informe de prueba anterior.
compromisos:
  - id: compromiso-01
    numero: 1
    sesion: cspen-2024-03-13
    sesion_texto: 13/03/2024 Primera sesión ordinaria.
    texto: Preparar el segundo informe.
    area: dj
    area_texto: Dirección Jurídica.
    avance: Sin avance.
    estatus: pendiente
    estatus_texto: Pendiente
    porcentaje: 0
    fuente:
      tabla: Anexo
      fila: 1
"""


def archivos_continuidad() -> dict[str, str]:
    """El conjunto mínimo más un programa de la CSPEN del año anterior y un informe anterior,
    con continuidad declarada: el tema 1 de 2024 continúa el tema 5 de 2023 (movido de mayo a
    marzo), el tema 2 continúa el tema 7 (igual; ambos sin meses) y el tema 9 de 2023 —con el
    mismo texto que el tema 2 de 2024— no lo continúa nadie (retirado); el compromiso 2 del
    informe de junio continúa el compromiso 1 del de abril (de «Pendiente», 0 %, a «En
    proceso», 75 %)."""
    archivos = archivos_base()
    archivos[PROGRAMA_ANTERIOR] = _PROGRAMA_ANTERIOR
    archivos[INFORME_ANTERIOR] = _INFORME_ANTERIOR
    for sigla, tema in (("DP", "tema-05"), ("DJ", "tema-07")):
        cambiar(archivos, PROGRAMA, f"    clasificacion: {sigla}\n",
                f"    clasificacion: {sigla}\n    continua: pat-cspen-2023/{tema}\n")
    cambiar(archivos, INFORME, "    avance: En proceso.\n",
            "    avance: En proceso.\n    continua: informe-2024-04/compromiso-01\n")
    return archivos


def archivos_base() -> dict[str, str]:
    """Texto de cada archivo del conjunto mínimo, por ruta relativa a ``datos/``."""
    return {CATALOGO: _CATALOGO, PAT: _PAT, PROGRAMA: _PROGRAMA, INFORME: _INFORME,
            PLAN: _PLAN}


def cambiar(archivos: dict[str, str], archivo: str, viejo: str, nuevo: str) -> dict[str, str]:
    """Sustituye en ``archivo`` el fragmento ``viejo`` (que debe aparecer una sola vez)."""
    texto = archivos[archivo]
    assert texto.count(viejo) == 1, f"«{viejo}» aparece {texto.count(viejo)} veces en {archivo}"
    archivos[archivo] = texto.replace(viejo, nuevo)
    return archivos


def escribir(raiz: Path, archivos: dict[str, str | bytes] | dict[str, str]) -> Path:
    """Escribe los archivos en ``raiz/datos`` y devuelve esa carpeta."""
    datos = raiz / "datos"
    for ruta, contenido in archivos.items():
        destino = datos / ruta
        destino.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(contenido, bytes):
            destino.write_bytes(contenido)
        else:
            destino.write_text(contenido, encoding="utf-8")
    datos.mkdir(parents=True, exist_ok=True)
    return datos


def linea_de(texto: str, fragmento: str, ocurrencia: int = 1) -> int:
    """Línea (desde 1) de la ``ocurrencia``-ésima aparición de ``fragmento`` en ``texto``."""
    inicio = -1
    for _ in range(ocurrencia):
        inicio = texto.index(fragmento, inicio + 1)
    return texto.count("\n", 0, inicio) + 1


def nombre(archivo: str) -> str:
    """Nombre con que los problemas citan un archivo de ``datos/``."""
    return f"datos/{archivo}"


def cargar(raiz: Path, archivos: dict[str, str | bytes] | dict[str, str]) -> Resultado:
    """Escribe los archivos en ``raiz/datos`` y los carga con ``cargar_datos``."""
    return cargar_datos(escribir(raiz, archivos))


def errores(resultado: Resultado) -> list[Problema]:
    """Los errores de una carga (ordenados por archivo y línea)."""
    return resultado.informe.errores


#: Las extensiones de Markdown de ``mkdocs.yml``, para ver cómo se leerá una página.
EXTENSIONES = ["abbr", "admonition", "attr_list", "tables", "def_list", "toc",
               "programas_spen.mkdocs.siglas_md"]


def html(markdown_texto: str) -> str:
    """El HTML que Python-Markdown produce con las extensiones del sitio."""
    import markdown

    return markdown.Markdown(extensions=EXTENSIONES).convert(markdown_texto)


def construir(directorio: Path) -> Sitio:
    """``construir_sitio`` sin generar los PDF de los anexos (WeasyPrint tarda segundos por
    documento; estas pruebas miran las páginas, no los PDF). Se importa aquí: las pruebas de
    los constructores de páginas no dependen de la construcción completa."""
    from programas_spen.sitio.construir import construir_sitio

    return construir_sitio(directorio, anexos_pdf=False)
