"""Lo medido en una corrida del banco y lo que se deduce: medianas, linealidad y ajuste.

Cada escala guarda, por clon (``clones.ESTE`` y, con ``--comparar``, ``clones.COMPARADO``),
la medida del núcleo y una construcción por pasada. Cada escala se mide por la **mediana** de
sus pasadas; la linealidad es la razón entre escalas consecutivas llevada a exactamente el
doble de registros, y el ajuste, el exponente b de t ∝ registrosᵇ por mínimos cuadrados con
todas las construcciones.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from clones import ESTE
from medidas import Construccion
from sinteticos import ANIOS, INSTITUCIONES_NACIONALES, Conteo

# Objetivos del issue.
OBJETIVO_TIEMPO = 10 * 60  # s, construcción nacional completa
OBJETIVO_MEMORIA = 2 * 1024  # MiB
OBJETIVO_DUPLICAR = 2.2  # tiempo al duplicar registros
OBJETIVO_CARGA = 10.0  # s, cargar y validar todo
OBJETIVO_SERVE = 3.0  # s, edición visible en mkdocs serve


def nombre_pasada(numero: int) -> str:
    """Nombre de la pasada ``numero`` (desde 1): las impares van de la menor escala a la
    mayor (ida), las pares al revés (vuelta)."""
    nombre = "ida" if numero % 2 else "vuelta"
    vez = (numero + 1) // 2
    return nombre if vez == 1 else f"{nombre} {vez}"


def _mediana(valores: list[float | None]) -> float | None:
    """La mediana de ``valores``, o ``None`` si falta alguno o no hay ninguno."""
    if not valores or any(v is None for v in valores):
        return None
    return statistics.median(v for v in valores if v is not None)


@dataclass
class Medidas:
    """Lo medido con un clon en una escala."""

    #: ``nucleo.medir_nucleo`` (cargar y validar, con caché, núcleo completo), o ``error``.
    nucleo: dict[str, Any] = field(default_factory=dict)
    #: Segundos de cada carga sin caché medida, cada una en un proceso nuevo.
    cargas_s: list[float] = field(default_factory=list)
    #: Una construcción por pasada, en orden: la ida, la vuelta, la segunda ida…
    pasadas: list[Construccion] = field(default_factory=list)
    #: Los datos de este clon, si los generó él (``--comparar`` con otro esquema); si no, los
    #: de la escala.
    conteo: Conteo | None = None

    def construcciones(self) -> list[tuple[str, Construccion]]:
        """(nombre de la pasada, construcción) de cada pasada hecha."""
        return [(nombre_pasada(n), c) for n, c in enumerate(self.pasadas, start=1)]

    def validas(self) -> list[Construccion]:
        """Las construcciones que terminaron bien, de todas las pasadas."""
        return [c for c in self.pasadas if c.valida]

    def tiempo(self) -> float | None:
        """Tiempo de reloj de construir: la mediana de las pasadas (con dos, su media; con tres
        o más, una construcción que la máquina retrasó no la mueve)."""
        return _mediana([c.segundos for c in self.validas()])

    def cpu(self) -> float | None:
        """Tiempo de CPU de construir, como ``tiempo``."""
        return _mediana([c.cpu_s for c in self.validas()])

    def memoria(self) -> float | None:
        """Memoria pico de construir, la mediana de las pasadas."""
        return _mediana([c.memoria_mib for c in self.validas()])

    def carga(self) -> float | None:
        """Cargar y validar sin caché: la mediana de las cargas medidas."""
        return _mediana(list(self.cargas_s))


@dataclass
class Escalon:
    """Una escala: sus datos generados y lo medido con cada clon."""

    nombre: str
    instituciones: int
    anios: int
    conteo: Conteo
    generacion_s: float
    clones: dict[str, Medidas] = field(default_factory=dict)
    #: La búsqueda medida en Chromium en el sitio de la primera construcción de este clon.
    busqueda: dict[str, Any] | None = None

    def de(self, etiqueta: str = ESTE) -> Medidas:
        """Lo medido con el clon ``etiqueta`` (vacío si aún nada)."""
        return self.clones.setdefault(etiqueta, Medidas())

    @property
    def documentos(self) -> int:
        """Documentos generados."""
        return sum(self.conteo.documentos.values())

    def registros(self, etiqueta: str = ESTE) -> int:
        """Registros de los datos con que se midió el clon ``etiqueta``."""
        return (self.de(etiqueta).conteo or self.conteo).total


@dataclass
class Resultados:
    """Todo lo que se reporta de una corrida."""

    maquina: dict[str, str]
    orden: str
    #: Los clones medidos, por etiqueta, con su descripción (el primero es este).
    clones: dict[str, str] = field(default_factory=dict)
    escalones: list[Escalon] = field(default_factory=list)
    #: MkDocs + Material de serie frente al proyecto (``banco.comparar_con_serie``).
    serie: dict[str, Any] = field(default_factory=dict)
    #: La muestra de PDF de los anexos (``banco.medir_pdf``).
    pdf: dict[str, Any] = field(default_factory=dict)
    #: ``serve.latencia_serve`` con y sin PDF.
    serve: list[dict[str, Any]] = field(default_factory=list)
    con_pdf: bool = False
    perfil: str = ""

    def escalon_nacional(self) -> Escalon | None:
        """La escala nacional, si se midió."""
        return next((e for e in self.escalones if e.nombre == "1"), None)


def normalizado(registros: float, tiempo: float) -> float:
    """La razón de tiempo llevada a exactamente ×2 registros (t ∝ rᵇ ⇒ 2ᵇ)."""
    return 2 ** (math.log(tiempo) / math.log(registros)) if registros > 1 else tiempo


class Par(NamedTuple):
    """Dos escalas medidas y sus razones (la de CPU, ``None`` si falta alguna)."""

    uno: Escalon
    dos: Escalon
    registros: float
    reloj: float
    reloj_normalizado: float
    cpu: float | None
    cpu_normalizado: float | None


def par(uno: Escalon, dos: Escalon, etiqueta: str = ESTE) -> Par:
    """Las razones de registros y de tiempo (de reloj y de CPU) de ``uno`` a ``dos``."""
    t_uno, t_dos = uno.de(etiqueta).tiempo(), dos.de(etiqueta).tiempo()
    assert t_uno and t_dos
    registros = dos.registros(etiqueta) / uno.registros(etiqueta)
    c_uno, c_dos = uno.de(etiqueta).cpu(), dos.de(etiqueta).cpu()
    cpu = c_dos / c_uno if c_uno and c_dos else None
    return Par(uno, dos, registros, t_dos / t_uno, normalizado(registros, t_dos / t_uno), cpu,
               normalizado(registros, cpu) if cpu else None)


def linealidad(resultados: Resultados, etiqueta: str = ESTE) -> list[Par]:
    """Los pares de escalas consecutivas medidas con el clon ``etiqueta``."""
    medidos = [e for e in resultados.escalones if e.de(etiqueta).tiempo()]
    return [par(uno, dos, etiqueta) for uno, dos in zip(medidos, medidos[1:], strict=False)]


def extremos(resultados: Resultados, etiqueta: str = ESTE) -> list[Par]:
    """La primera y la última escala medidas, como un par más (si hay más de dos)."""
    pares = linealidad(resultados, etiqueta)
    return [par(pares[0].uno, pares[-1].dos, etiqueta)] if len(pares) >= 2 else []


def _pendiente(puntos: list[tuple[float, float]]) -> float | None:
    """La pendiente de mínimos cuadrados de ``puntos`` (x, y); ``None`` si hay menos de dos
    valores de x distintos."""
    if len({x for x, _ in puntos}) < 2:
        return None
    return statistics.linear_regression([x for x, _ in puntos], [y for _, y in puntos]).slope


def ajuste(resultados: Resultados, etiqueta: str = ESTE) -> tuple[float, float | None] | None:
    """El exponente b de t ∝ registrosᵇ (de reloj y de CPU) ajustado por mínimos cuadrados
    de log t sobre log registros con todas las construcciones de todas las escalas: cada
    construcción (de cada pasada) es un punto, así que el ruido de una construcción pesa menos
    que en una razón entre escalas consecutivas. ``None`` con menos de dos escalas medidas."""
    construcciones = [(math.log(e.registros(etiqueta)), c) for e in resultados.escalones
                      for c in e.de(etiqueta).validas()]
    reloj = _pendiente([(x, math.log(c.segundos)) for x, c in construcciones if c.segundos])
    if reloj is None:
        return None
    cpu = _pendiente([(x, math.log(c.cpu_s)) for x, c in construcciones if c.cpu_s])
    return reloj, cpu


def pdf_nacional(resultados: Resultados) -> float | None:
    """Segundos de PDF estimados para todos los documentos de la escala nacional: los de cada
    PDF de la muestra por los documentos nacionales."""
    por_documento = resultados.pdf.get("s_por_pdf")
    if por_documento is None:
        return None
    nacional = resultados.escalon_nacional()
    # sin la escala nacional medida: seis documentos por institución y año
    documentos = nacional.documentos if nacional else INSTITUCIONES_NACIONALES * ANIOS * 6
    return float(por_documento) * documentos
