"""Comprobación de identificadores y referencias entre registros, sobre los árboles leídos.

Trabaja sobre los árboles (no sobre el modelo) para poder señalar la línea y columna exacta
de cada referencia rota, y para reunir los identificadores incluso de archivos con otros
errores, de modo que un error no produzca una cascada de errores falsos en otros archivos.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Any

from programas_spen.carga.lector_yaml import Arbol, Ruta
from programas_spen.modelo.problemas import Informe
from programas_spen.sitio.urls import APARTADOS, slug_acuerdo

#: Colecciones de un documento cuyos registros tienen id (ancla o página propia).
COLECCIONES_CON_ID: tuple[tuple[str | int, ...], ...] = (
    ("secciones", "*"), ("ejes", "*"), ("objetivos", "*"), ("lineas_accion", "*"),
    ("mecanismos", "*"), ("mecanismos", "*", "actividades", "*"), ("temas", "*"),
    ("cronograma", "filas", "*"), ("fichas", "*"), ("sesiones_programadas", "*"),
    ("compromisos", "*"), ("cifras_publicadas", "*"),
)


def recorrer(datos: Any, patron: tuple[str | int, ...], ruta: Ruta = ()) -> list[tuple[Ruta, Any]]:
    """Pares (ruta, valor) que casan con ``patron`` ("*" recorre una lista; un entero elige un
    elemento), en el orden del archivo, tolerante a formas inesperadas (las ignora). Se
    recorre por niveles (sin generadores anidados): se llama cientos de miles de veces."""
    actuales: list[tuple[Ruta, Any]] = [(ruta, datos)]
    for paso in patron:
        siguientes: list[tuple[Ruta, Any]] = []
        if paso == "*":
            for camino, valor in actuales:
                if type(valor) is list:
                    siguientes += [((*camino, i), hijo) for i, hijo in enumerate(valor)]
        elif isinstance(paso, int):
            for camino, valor in actuales:
                if type(valor) is list and 0 <= paso < len(valor):
                    siguientes.append(((*camino, paso), valor[paso]))
        else:
            for camino, valor in actuales:
                if type(valor) is dict and paso in valor:
                    siguientes.append(((*camino, paso), valor[paso]))
        if not siguientes:
            return siguientes
        actuales = siguientes
    return actuales


def valores(datos: Any, patron: tuple[str | int, ...]) -> list[Any]:
    """Los valores que casan con ``patron``, como ``recorrer`` pero sin sus rutas: para
    comprobar valores, que casi siempre están bien, sin armar una tupla por cada uno."""
    actuales: list[Any] = [datos]
    for paso in patron:
        siguientes: list[Any] = []
        if paso == "*":
            for valor in actuales:
                if type(valor) is list:
                    siguientes += valor
        elif isinstance(paso, int):
            for valor in actuales:
                if type(valor) is list and 0 <= paso < len(valor):
                    siguientes.append(valor[paso])
        else:
            for valor in actuales:
                if type(valor) is dict and paso in valor:
                    siguientes.append(valor[paso])
        if not siguientes:
            return siguientes
        actuales = siguientes
    return actuales


def fallan(datos: Any, patron: tuple[str | int, ...], cumple: Callable[[Any], bool],
           vistos: list[Any] | None = None) -> list[tuple[Ruta, Any]]:
    """Pares (ruta, valor) de ``recorrer`` cuyo valor no ``cumple``, en el orden del archivo.
    Las rutas se arman solo si alguno falla. ``vistos``: los ``valores(datos, patron)``, si
    ya se tienen (no se vuelven a recorrer)."""
    if all(cumple(valor) for valor in (valores(datos, patron) if vistos is None else vistos)):
        return []
    return [(ruta, valor) for ruta, valor in recorrer(datos, patron) if not cumple(valor)]


def _id_de(valor: Any) -> str | None:
    return valor.get("id") if isinstance(valor, dict) and isinstance(valor.get("id"), str) else None


@dataclass
class Indice:
    """Identificadores conocidos de todos los archivos."""

    #: Si se pudo leer el catálogo: si no (falta o su YAML está roto), ese es el error que se
    #: informa, y no uno por cada institución, órgano o área que citan los documentos.
    catalogo_leido: bool = False
    instituciones: set[str] = field(default_factory=set)
    organos: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)
    #: La institución de cada órgano y área del catálogo (su id → id de la institución).
    institucion_de: dict[str, str] = field(default_factory=dict)
    #: Cómo se nombra cada institución en los mensajes: sus siglas (o su id).
    nombre_institucion: dict[str, str] = field(default_factory=dict)
    documentos: dict[str, Arbol] = field(default_factory=dict)
    registros: dict[str, dict[str, Ruta]] = field(default_factory=dict)
    #: Ids de registros de cada archivo (también de un archivo con el id de documento repetido,
    #: para comprobar sus referencias internas contra sus propios registros).
    registros_de_archivo: dict[str, dict[str, Ruta]] = field(default_factory=dict)
    sesiones: dict[str, tuple[Arbol, Ruta]] = field(default_factory=dict)
    acuerdos: set[str] = field(default_factory=set)
    #: Número de acuerdo de cada slug de URL (``urls.slug_acuerdo``): dos números distintos
    #: no pueden compartir la página ``/acuerdos/<slug>/``.
    slugs_acuerdos: dict[str, str] = field(default_factory=dict)
    #: Documentos que no se pudieron leer (YAML mal formado, no UTF-8): no se sabe qué
    #: documento, sesiones ni acuerdos declaran, así que una referencia de otro archivo a algo
    #: que no se encuentra no se informa (saldría un error falso por cada una; el del archivo
    #: ilegible ya impide publicar, y al corregirlo se comprueban todas).
    ilegibles: list[str] = field(default_factory=list)


def indexar_catalogo(arbol: Arbol, indice: Indice, informe: Informe) -> None:
    """Reúne los ids del catálogo e informa los repetidos (un solo espacio de nombres)."""
    indice.catalogo_leido = True
    vistos: dict[str, Ruta] = {}
    for coleccion, destino in (("instituciones", indice.instituciones),
                               ("organos", indice.organos), ("areas", indice.areas)):
        for ruta, valor in recorrer(arbol.datos, (coleccion, "*")):
            ident = _id_de(valor)
            if ident is None:
                continue
            if ident in vistos:
                linea, columna = arbol.posicion((*ruta, "id"))
                informe.error(arbol.archivo, linea, columna,
                              f"el id «{ident}» está repetido (ya se usa en la línea "
                              f"{arbol.posicion((*vistos[ident], 'id'))[0]}); se esperaba un id "
                              "único en instituciones, órganos y áreas")
                continue
            vistos[ident] = ruta
            destino.add(ident)
            if coleccion == "instituciones":
                siglas = valor.get("siglas")
                indice.nombre_institucion[ident] = siglas if isinstance(siglas, str) else ident
            elif isinstance(valor.get("institucion"), str):
                indice.institucion_de[ident] = valor["institucion"]


def indexar_documento(arbol: Arbol, indice: Indice, informe: Informe) -> None:
    """Reúne el id del documento, los ids de sus registros, sus sesiones y sus acuerdos."""
    datos = arbol.datos if isinstance(arbol.datos, dict) else {}
    ident = datos.get("id")
    if not isinstance(ident, str):
        return
    repetido = ident in indice.documentos
    if repetido:
        otro = indice.documentos[ident]
        linea, columna = arbol.posicion(("id",))
        informe.error(arbol.archivo, linea, columna,
                      f"el id de documento «{ident}» ya lo usa {otro.archivo}; se esperaba un id "
                      "de documento único")
    else:
        indice.documentos[ident] = arbol
    propios: dict[str, Ruta] = {}
    for patron in COLECCIONES_CON_ID:
        for ruta, valor in recorrer(datos, patron):
            rid = _id_de(valor)
            if rid is None:
                continue
            if rid in propios:
                linea, columna = arbol.posicion((*ruta, "id"))
                primera = arbol.posicion((*propios[rid], "id"))[0]
                informe.error(arbol.archivo, linea, columna,
                              f"el id «{rid}» está repetido en el documento (ya se usa en la "
                              f"línea {primera}); se esperaba un id único en el documento")
                continue
            if patron[0] != "secciones" and (rid in APARTADOS or rid.startswith("seccion-")):
                linea, columna = arbol.posicion((*ruta, "id"))
                informe.error(arbol.archivo, linea, columna,
                              f"el id «{rid}» está reservado para un apartado de la página del "
                              "documento; se esperaba otro id")
            propios[rid] = ruta
    indice.registros_de_archivo[arbol.archivo] = propios
    if not repetido:
        indice.registros[ident] = propios
    for ruta, valor in recorrer(datos, ("sesiones", "*")):
        sid = _id_de(valor)
        if sid is None:
            continue
        if sid in indice.sesiones:
            otro_arbol, otra_ruta = indice.sesiones[sid]
            if otro_arbol is arbol:
                linea, columna = arbol.posicion((*ruta, "id"))
                informe.error(arbol.archivo, linea, columna,
                              f"la sesión «{sid}» está repetida en el documento; se esperaba "
                              "una sola vez")
                continue
            otra = next((v for _, v in recorrer(otro_arbol.datos, otra_ruta)), None)
            for campo in ("organo", "fecha", "tipo"):
                if isinstance(otra, dict) and otra.get(campo) != valor.get(campo):
                    linea, columna = arbol.posicion((*ruta, campo))
                    informe.error(arbol.archivo, linea, columna,
                                  f"la sesión «{sid}» tiene {campo} «{valor.get(campo)}» aquí y "
                                  f"«{otra.get(campo)}» en {otro_arbol.archivo}; se esperaba el "
                                  "mismo valor en todos los documentos")
            continue
        indice.sesiones[sid] = (arbol, ruta)
    for ruta, numero in recorrer(datos, ("acuerdos", "*", "numero")):
        if not isinstance(numero, str):
            continue
        otro = indice.slugs_acuerdos.setdefault(slug_acuerdo(numero), numero)
        if otro != numero:
            linea, columna = arbol.posicion(ruta)
            informe.error(arbol.archivo, linea, columna,
                          f"el acuerdo «{numero}» tendría la misma URL que «{otro}» "
                          f"(/acuerdos/{slug_acuerdo(numero)}/: minúsculas y «-» en lugar de "
                          "«/»); se esperaba un número que se distinga de los demás por algo más "
                          "que sus «/» y «-»: revise que esté escrito como en la fuente")
        indice.acuerdos.add(numero)


def _de_coleccion(ruta: Ruta, coleccion: str) -> bool:
    """Si el registro en ``ruta`` es de ``coleccion`` («actividades»: las de un mecanismo o las
    filas del cronograma)."""
    if coleccion == "actividades":
        return ruta[0] == "cronograma" or (ruta[0] == "mecanismos" and len(ruta) == 4)
    return ruta[0] == coleccion


def _reportar(informe: Informe, arbol: Arbol, ruta: Ruta, mensaje: str) -> None:
    linea, columna = arbol.posicion(ruta)
    informe.error(arbol.archivo, linea, columna, mensaje)


def comprobar_catalogo(arbol: Arbol, indice: Indice, informe: Informe) -> None:
    """Referencias del catálogo: institución de cada órgano y área, y de quién dependen."""
    for coleccion in ("organos", "areas"):
        for ruta, valor in recorrer(arbol.datos, (coleccion, "*", "institucion")):
            if valor not in indice.instituciones:
                _reportar(informe, arbol, ruta, f"institución desconocida «{valor}»; se esperaba "
                          f"una de: {', '.join(sorted(indice.instituciones))}")
        for ruta, valor in recorrer(arbol.datos, (coleccion, "*", "pertenece_a")):
            if valor not in indice.organos | indice.areas:
                _reportar(informe, arbol, ruta, f"«{valor}» no es un órgano ni un área del "
                          "catálogo; se esperaba el id de uno de ellos")


def _de_la_institucion(arbol: Arbol, patron: tuple[str | int, ...], validos: set[str],
                       clase: str, institucion: str, indice: Indice, informe: Informe) -> None:
    """Cada ``patron`` del documento (el órgano que lo emite, el área de un tema o de un
    compromiso) nombra un órgano o área del catálogo de la institución del documento. Si no
    existe, el mensaje lista solo los de esa institución y sugiere el id más parecido; si es de
    otra institución (un documento de un OPLE con un área del INE), lo dice."""
    nombre = indice.nombre_institucion.get(institucion, institucion)
    propios = sorted(i for i in validos if indice.institucion_de.get(i) == institucion)
    lista = "organos" if clase == "órgano" else "areas"
    if propios:
        esperado = f"se esperaba un {clase} de {nombre}: {', '.join(propios)}"
    else:
        esperado = (f"se esperaba un {clase} de {nombre}, y {nombre} no tiene ninguno en "
                    f"datos/instituciones.yml: agréguelo a su lista «{lista}» con "
                    f"«institucion: {institucion}»")

    def cumple(valor: Any) -> bool:
        if not isinstance(valor, str):
            return True  # el esquema ya lo señala
        if valor not in validos:
            return False
        suya = indice.institucion_de.get(valor)
        # uno cuya institución no existe ya tiene su error en el catálogo
        return suya == institucion or suya not in indice.instituciones

    for ruta, valor in fallan(arbol.datos, patron, cumple):
        if valor in validos:
            otra = indice.institucion_de.get(valor, "")
            _reportar(informe, arbol, ruta,
                      f"el {clase} «{valor}» es de {indice.nombre_institucion.get(otra, otra)}, "
                      f"pero este documento es de {nombre} (institucion: {institucion}); "
                      f"{esperado}")
            continue
        if clase == "área" and valor in indice.organos:
            _reportar(informe, arbol, ruta,
                      f"«{valor}» es un órgano del catálogo (lista «organos»), no un área; "
                      f"{esperado} (ver «Órganos y áreas» en datos/README.md)")
            continue
        parecido = get_close_matches(valor, propios, n=1, cutoff=0.6)
        sugerencia = f" (¿quiso decir «{parecido[0]}»?)" if parecido else ""
        _reportar(informe, arbol, ruta,
                  f"el {clase} «{valor}» no está en datos/instituciones.yml{sugerencia}; "
                  f"{esperado}")


def comprobar_documento(arbol: Arbol, indice: Indice, informe: Informe) -> None:
    """Cada referencia del documento apunta a un registro que existe."""
    datos = arbol.datos
    propios = indice.registros_de_archivo.get(arbol.archivo, {})

    def propio(patron: tuple[str | int, ...], coleccion: str, que: str) -> None:
        vistos = valores(datos, patron)
        if not vistos:
            return
        validos = {rid for rid, ruta in propios.items() if ruta[0] == coleccion}
        for ruta, valor in fallan(datos, patron,
                                  lambda v: not isinstance(v, str) or v in validos, vistos):
            opciones = ", ".join(sorted(validos)) or "ninguno en este documento"
            _reportar(informe, arbol, ruta,
                      f"{que} «{valor}» no existe en este documento; se esperaba uno de: "
                      f"{opciones}")

    def catalogo(patron: tuple[str | int, ...], validos: set[str], que: str) -> None:
        for ruta, valor in fallan(datos, patron,
                                  lambda v: not isinstance(v, str) or v in validos):
            _reportar(informe, arbol, ruta,
                      f"{que} «{valor}» no está en datos/instituciones.yml; se esperaba uno "
                      f"de: {', '.join(sorted(validos))}")

    if indice.catalogo_leido:
        catalogo(("institucion",), indice.instituciones, "la institución")
        catalogo(("sesiones", "*", "organo"), indice.organos, "el órgano")
        catalogo(("acuerdos", "*", "organo"), indice.organos, "el órgano")
        institucion = datos.get("institucion") if isinstance(datos, dict) else None
        if isinstance(institucion, str) and institucion in indice.instituciones:
            _de_la_institucion(arbol, ("organo",), indice.organos, "órgano", institucion,
                               indice, informe)
            for patron in (("temas", "*", "area"), ("compromisos", "*", "area")):
                _de_la_institucion(arbol, patron, indice.areas, "área", institucion, indice,
                                   informe)
        else:
            catalogo(("organo",), indice.organos, "el órgano")
            catalogo(("temas", "*", "area"), indice.areas, "el área")
            catalogo(("compromisos", "*", "area"), indice.areas, "el área")
    propio(("mecanismos", "*", "actividades", "*", "ejes", "*"), "ejes", "el eje")
    propio(("cronograma", "filas", "*", "ejes", "*"), "ejes", "el eje")
    propio(("cronograma", "filas", "*", "ficha"), "fichas", "la ficha")
    propio(("mecanismos", "*", "actividades", "*", "ficha"), "fichas", "la ficha")
    propio(("lineas_accion", "*", "objetivo"), "objetivos", "el objetivo")

    for patron in (("compromisos", "*", "sesion"), ("acuerdos", "*", "sesion"),
                   ("presentado_en", "sesion")):
        for ruta, valor in fallan(datos, patron, lambda v: not isinstance(v, str)
                                  or v in indice.sesiones or bool(indice.ilegibles)):
            _reportar(informe, arbol, ruta,
                      f"la sesión «{valor}» no está declarada en ningún documento; se "
                      "esperaba el id de una sesión de alguna lista «sesiones» "
                      "(<órgano>-AAAA-MM-DD)")
    for patron in (("compromisos", "*", "acuerdos", "*"), ("aprobado_por",)):
        for ruta, valor in fallan(datos, patron, lambda v: not isinstance(v, str)
                                  or v in indice.acuerdos or bool(indice.ilegibles)):
            _reportar(informe, arbol, ruta,
                      f"el acuerdo «{valor}» no está declarado en ninguna lista «acuerdos»; "
                      "se esperaba declararlo con su órgano y su fuente")
    for patron, coleccion, que in ((("compromisos", "*", "temas", "*"), "temas", "el tema"),
                                   (("sesiones", "*", "programada"), "sesiones_programadas",
                                    "la sesión programada"),
                                   (("temas", "*", "continua"), "temas", "el tema"),
                                   (("compromisos", "*", "continua"), "compromisos", "el compromiso"),
                                   (("mecanismos", "*", "actividades", "*", "continua"), "actividades",
                                    "la actividad"),
                                   (("cronograma", "filas", "*", "continua"), "actividades",
                                    "la actividad")):

        def existe(valor: Any, coleccion: str = coleccion) -> bool:
            if not isinstance(valor, str) or "/" not in valor:
                return True
            doc, rid = valor.split("/", 1)
            destino = indice.registros.get(doc)
            if destino is None:
                return bool(indice.ilegibles)
            return rid in destino and _de_coleccion(destino[rid], coleccion)

        for ruta, valor in fallan(datos, patron, existe):
            doc, rid = valor.split("/", 1)
            if doc not in indice.registros:
                _reportar(informe, arbol, ruta, f"el documento «{doc}» de la referencia "
                          f"«{valor}» no existe; se esperaba uno de: "
                          f"{', '.join(sorted(indice.registros))}")
            else:
                _reportar(informe, arbol, ruta, f"{que} «{rid}» no existe en «{doc}»; se "
                          f"esperaba un registro de su lista «{coleccion}»")

    def sigue_la_regla(sesion: Any) -> bool:
        if not isinstance(sesion, dict) or not all(isinstance(sesion.get(c), str)
                                                   for c in ("id", "organo", "fecha")):
            return True
        return bool(sesion["id"] == f"{sesion['organo']}-{sesion['fecha']}")

    for ruta, valor in fallan(datos, ("sesiones", "*"), sigue_la_regla):
        _reportar(informe, arbol, (*ruta, "id"),
                  f"el id de sesión «{valor['id']}» no sigue la regla; se esperaba "
                  f"«{valor['organo']}-{valor['fecha']}» (<órgano>-<fecha>)")
