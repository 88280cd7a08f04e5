"""Datos de prueba extremos (entrada mala pero válida) para las páginas del sitio: el conjunto
mínimo de ``datos_prueba`` más un documento de cada caso límite, todos sin errores.

- ``sin-meses``: un programa de comisión cuyos temas no tienen meses en la fuente (ni periodo,
  ni sesiones programadas): no hay rejilla que dibujar ni mes donde aparecer;
- ``informe-vacio``: un informe sin sesiones ni compromisos;
- ``un-registro``: un programa con un solo registro (una actividad en un mes);
- ``titulos-largos``: título, título corto, nombre de tabla y texto de cada registro de 500
  caracteres (con una palabra de 120 caracteres sin espacios);
- ``trescientos``: un programa con 300 temas en un mismo mes (mayo de 2025) y una sesión
  programada ese mes que no se celebró.
"""

from __future__ import annotations

from tests.datos_prueba import archivos_base

#: Un texto de 500 caracteres: frases largas y una palabra de 120 caracteres sin espacios.
LARGO = ("Título extremadamente largo " + "x" * 120 + " "
         + " ".join(["programa de trabajo de la comisión de seguimiento del servicio"] * 6))[:500]

SIN_MESES = "ine/2025/sin-meses.yml"
INFORME_VACIO = "ine/2025/informe-vacio.yml"
UN_REGISTRO = "ine/2025/un-registro.yml"
TITULOS_LARGOS = "ine/2025/titulos-largos.yml"
TRESCIENTOS = "ine/2025/trescientos.yml"

#: Cuántos temas tiene el programa de ``TRESCIENTOS``, todos en ``MES_LLENO``.
TEMAS_EN_UN_MES = 300
MES_LLENO = "2025-05"

_SIN_MESES = """\
id: sin-meses
tipo: programa_anual_comision
institucion: ine
organo: cspen
titulo: Programa de prueba sin meses
titulo_corto: Programa sin meses
anio: 2025
fuente:
  archivo: sin-meses.txt
  descripcion: Programa cuyos meses no se conservaron.
temas:
  - id: tema-01
    texto: (DP) Tema sin meses.
    area: dp
    calendario:
      estado: no_dado
    fuente:
      tabla: Anexo
      fila: 1
  - id: tema-02
    texto: (DP) Tema permanente.
    area: dp
    calendario:
      estado: permanente
    fuente:
      tabla: Anexo
      fila: 2
"""

_INFORME_VACIO = """\
id: informe-vacio
tipo: informe_seguimiento
institucion: ine
organo: despen
titulo: Informe de prueba sin sesiones ni compromisos
titulo_corto: Informe vacío 2025
anio: 2025
fecha: '2025-02-10'
fuente:
  archivo: informe-vacio.txt
  descripcion: Informe sin registros.
"""

_UN_REGISTRO = """\
id: un-registro
tipo: programa_anual_trabajo
institucion: ine
organo: jge
titulo: Programa de prueba con un solo registro
titulo_corto: Programa de un registro
anio: 2025
periodo:
  desde: 2025-01
  hasta: 2025-12
fuente:
  archivo: un-registro.txt
  descripcion: Programa con una actividad.
mecanismos:
  - id: unico
    nombre: Único
    titulo_tabla: ÚNICO
    actividades:
      - id: unico-01
        texto: La única actividad.
        calendario:
          estado: meses
          meses: [2025-07]
        fuente:
          tabla: ÚNICO
          fila: 1
    fuente:
      seccion: Anexo
"""


def _titulos_largos() -> str:
    return f"""\
id: titulos-largos
tipo: programa_anual_trabajo
institucion: ine
organo: jge
titulo: '{LARGO}'
titulo_corto: '{LARGO}'
anio: 2025
periodo:
  desde: 2025-01
  hasta: 2025-12
fuente:
  archivo: titulos-largos.txt
  descripcion: '{LARGO}'
mecanismos:
  - id: largo
    nombre: '{LARGO}'
    titulo_tabla: '{LARGO}'
    actividades:
      - id: largo-01
        texto: '{LARGO}'
        calendario:
          estado: meses
          meses: [2025-03, 2025-04]
          condicion: '{LARGO}'
        fuente:
          tabla: Largo
          fila: 1
      - id: largo-02
        texto: '{LARGO}'
        calendario:
          estado: periodo
          texto: '{LARGO}'
        fuente:
          tabla: Largo
          fila: 2
    fuente:
      seccion: Anexo
"""


def _trescientos() -> str:
    temas = "".join(f"""\
  - id: tema-{numero:03d}
    texto: (DP) Tema número {numero} de un mes muy cargado.
    area: dp
    calendario:
      estado: meses
      meses: [{MES_LLENO}]
    fuente:
      tabla: Anexo
      fila: {numero}
""" for numero in range(1, TEMAS_EN_UN_MES + 1))
    return f"""\
id: trescientos
tipo: programa_anual_comision
institucion: ine
organo: cspen
titulo: Programa de prueba con trescientos temas en un mes
titulo_corto: Programa de trescientos temas
anio: 2025
periodo:
  desde: 2025-01
  hasta: 2025-12
fuente:
  archivo: trescientos.txt
  descripcion: Programa con un mes muy cargado.
temas:
{temas}sesiones_programadas:
  - id: sesion-mayo
    tipo: ordinaria
    ordinal: 2
    mes: {MES_LLENO}
    texto: Mayo
    fuente:
      tabla: Sesiones
      fila: 1
"""


def archivos_extremos() -> dict[str, str]:
    """El conjunto mínimo de ``datos_prueba`` más un documento de cada caso límite."""
    return {**archivos_base(), SIN_MESES: _SIN_MESES, INFORME_VACIO: _INFORME_VACIO,
            UN_REGISTRO: _UN_REGISTRO, TITULOS_LARGOS: _titulos_largos(), TRESCIENTOS: _trescientos()}
