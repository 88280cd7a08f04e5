"""El seguimiento a lo largo del tiempo: qué cambió de un año al siguiente y la historia de un
compromiso entre informes.

Solo por continuidad declarada en los datos (el campo ``continua: <documento>/<id>`` de un tema,
una actividad o un compromiso), nunca por parecido del texto: dos registros con la misma
redacción en años distintos no son el mismo si nadie lo declara, y un registro que cambió de
redacción sigue siendo el mismo si lo declara. Funciones puras sobre el modelo y el grafo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from programas_spen.modelo.calendario import meses_de
from programas_spen.modelo.registros import Actividad, Compromiso, Documento, Tema
from programas_spen.sitio.grafo import Grafo

#: Lo que pasó con un registro de un año al siguiente.
TipoCambio = Literal["agregado", "retirado", "movido", "igual"]

Registro = Tema | Actividad


@dataclass(frozen=True)
class Cambio:
    """Un registro comparado con el del año anterior: ``anterior`` (ausente si es nuevo) y
    ``actual`` (ausente si se retiró), con sus meses (los que da la fuente)."""

    tipo: TipoCambio
    anterior: Registro | None
    actual: Registro | None
    meses_antes: tuple[str, ...] = ()
    meses_ahora: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparacion:
    """Lo que cambió en un documento respecto del del mismo órgano del año anterior."""

    documento: Documento
    anterior: Documento
    cambios: tuple[Cambio, ...]

    def de_tipo(self, tipo: TipoCambio) -> tuple[Cambio, ...]:
        """Los cambios de un tipo, en el orden de los documentos."""
        return tuple(c for c in self.cambios if c.tipo == tipo)


def _registros(doc: Documento) -> tuple[Registro, ...]:
    """Los registros que se comparan entre años: temas y actividades, en el orden de la fuente."""
    return (*doc.temas, *doc.actividades)


def documento_anterior(doc: Documento, grafo: Grafo) -> Documento | None:
    """El documento del mismo órgano y del mismo tipo del año más reciente antes que el de
    ``doc`` (el último publicado de ese año, en el orden del sitio); ``None`` si no hay."""
    candidatos = [d for d in _por_organo_y_tipo(grafo).get((doc.organo, doc.tipo), []) if d.anio < doc.anio]
    if not candidatos:
        return None
    anio = max(d.anio for d in candidatos)
    return [d for d in candidatos if d.anio == anio][-1]


def _por_organo_y_tipo(grafo: Grafo) -> dict[tuple[str, str], list[Documento]]:
    """Los documentos de cada (órgano, tipo), en el orden del sitio (una vez por grafo)."""
    indice = grafo.memo.get("documentos_por_organo_y_tipo")
    if not isinstance(indice, dict):
        indice = {}
        for d in grafo.datos.documentos:
            indice.setdefault((d.organo, d.tipo), []).append(d)
        grafo.memo["documentos_por_organo_y_tipo"] = indice
    return indice


def comparar(doc: Documento, grafo: Grafo) -> Comparacion | None:
    """Qué cambió en ``doc`` respecto del documento anterior de su órgano: registros que
    declaran continuar uno de aquel (con los mismos meses o movidos a otros), registros nuevos
    y registros de aquel que ninguno continúa. ``None`` si no hay documento anterior o si
    ningún registro de ``doc`` declara continuar uno suyo (sin continuidad declarada no hay
    nada que comparar: no se adivina)."""
    anterior = documento_anterior(doc, grafo)
    if anterior is None:
        return None
    previos = {f"{anterior.id}/{r.id}": r for r in _registros(anterior)}
    actuales = _registros(doc)
    if not any(r.continua in previos for r in actuales):
        return None
    cambios: list[Cambio] = []
    continuados: set[str] = set()
    for registro in actuales:
        previo = previos.get(registro.continua or "")
        ahora = meses_de(registro.calendario)
        if previo is None:
            cambios.append(Cambio("agregado", None, registro, meses_ahora=ahora))
            continue
        continuados.add(registro.continua or "")
        antes = meses_de(previo.calendario)
        # mismos meses del año: el año de cada documento es otro, así que se comparan los meses
        movido = [m[5:] for m in antes] != [m[5:] for m in ahora]
        cambios.append(Cambio("movido" if movido else "igual", previo, registro, antes, ahora))
    cambios += [Cambio("retirado", previo, None, meses_antes=meses_de(previo.calendario))
                for ref, previo in previos.items() if ref not in continuados]
    return Comparacion(doc, anterior, tuple(cambios))


def documentos_siguientes(doc: Documento, grafo: Grafo) -> list[Documento]:
    """Los documentos que se comparan con ``doc`` como su anterior (``comparar``), en el
    orden del sitio: los que continúan alguno de sus registros (calculado una vez por grafo)."""
    indice = grafo.memo.get("documentos_siguientes")
    if not isinstance(indice, dict):
        indice = {}
        for posterior in grafo.datos.documentos:
            comparacion = comparar(posterior, grafo)
            if comparacion is not None:
                indice.setdefault(comparacion.anterior.id, []).append(posterior)
        grafo.memo["documentos_siguientes"] = indice
    return list(indice.get(doc.id, []))


@dataclass(frozen=True)
class Paso:
    """Lo que dice un informe de un compromiso: el informe y su registro (estatus y avance)."""

    informe: Documento
    compromiso: Compromiso


def clave_informe(doc: Documento) -> tuple[str, int, str]:
    """Orden de los informes en el tiempo: por fecha (o, sin ella, por año)."""
    return (doc.fecha or f"{doc.anio:04d}", doc.anio, doc.id)


def historia(compromiso: Compromiso, grafo: Grafo) -> tuple[Paso, ...]:
    """Todos los informes que siguen al mismo compromiso (unidos por ``continua`` en los dos
    sentidos), del más antiguo al más reciente, con él mismo; uno solo si nadie lo continúa."""
    indice = _indice_continuidad(grafo)
    propio = f"{compromiso.documento}/{compromiso.id}"
    pendientes, vistos = [propio], {propio}
    while pendientes:
        ref = pendientes.pop()
        for vecino in indice.vecinos.get(ref, ()):
            if vecino not in vistos:
                vistos.add(vecino)
                pendientes.append(vecino)
    pasos = [Paso(grafo.documentos[ref.split("/", 1)[0]], indice.compromisos[ref])
             for ref in vistos if ref in indice.compromisos]
    return tuple(sorted(pasos, key=lambda p: (clave_informe(p.informe), p.compromiso.numero)))


def vigente(compromiso: Compromiso, grafo: Grafo) -> bool:
    """Si el registro es el más reciente de su historia (ningún informe posterior lo sigue)."""
    return historia(compromiso, grafo)[-1].compromiso is compromiso


@dataclass
class _Continuidad:
    """Los compromisos por ``documento/id`` y, de cada uno, los que lo continúan o continúa."""

    compromisos: dict[str, Compromiso]
    vecinos: dict[str, list[str]]


def _indice_continuidad(grafo: Grafo) -> _Continuidad:
    """Los compromisos por ``documento/id`` y sus vecinos por ``continua`` (una vez por grafo)."""
    guardado = grafo.memo.get("continuidad_compromisos")
    if isinstance(guardado, _Continuidad):
        return guardado
    compromisos = {f"{d.id}/{c.id}": c for d in grafo.datos.documentos for c in d.compromisos}
    vecinos: dict[str, list[str]] = {}
    for ref, compromiso in compromisos.items():
        if compromiso.continua and compromiso.continua in compromisos:
            vecinos.setdefault(ref, []).append(compromiso.continua)
            vecinos.setdefault(compromiso.continua, []).append(ref)
    indice = _Continuidad(compromisos, vecinos)
    grafo.memo["continuidad_compromisos"] = indice
    return indice
