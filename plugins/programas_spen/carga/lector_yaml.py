"""Lectura de los archivos YAML de ``datos/`` en árboles que recuerdan línea y columna.

Cada valor del árbol tiene una ruta (tupla de claves e índices); ``Arbol.posicion`` da la
línea y columna (desde 1) donde empieza en el archivo, o donde empieza la clave que lo
introduce. Las fechas se leen como texto (el esquema las valida), y las claves repetidas, que
PyYAML aceptaría en silencio, se informan como error.

Dos lecturas con el mismo resultado. La rápida arma el árbol directamente de los eventos del
analizador de libyaml y anota solo dónde empieza cada objeto y cada lista: es lo que piden
los registros del modelo (su línea) y es casi tres veces más rápida que componer los nodos de
PyYAML con la marca de cada valor. La completa compone los nodos y anota todo; se usa cuando
la rápida no basta (alias, etiquetas explícitas, claves repetidas, YAML mal formado: da el
mensaje de error) y, solo si se pide la posición de algo sin marca (un mensaje de error del
esquema o de las referencias), para completar las marcas de ese archivo desde su texto.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from programas_spen.modelo.problemas import Informe

if TYPE_CHECKING:
    from programas_spen.carga.cache_arboles import CacheArboles

Ruta = tuple[str | int, ...]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml si está: mucho más rápido


_TEXTO = "tag:yaml.org,2002:str"


class _Cargador(_Base):  # type: ignore[misc, valid-type]
    """Cargador seguro que no convierte fechas: ``2024-03-13`` queda como texto."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        """La etiqueta de un nodo sin etiqueta explícita, como la de PyYAML pero sin su
        recorrido de resolvedores por ruta (no se usan): un escalar entre comillas es texto;
        uno sin comillas, lo que diga el primer resolvedor implícito que lo reconozca."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for etiqueta, regex in _RESOLVEDORES.get(value[:1], _COMODINES):
                    if regex.match(value):
                        return etiqueta
            return _TEXTO
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


_Cargador.yaml_implicit_resolvers = {
    inicial: [(etiqueta, regex) for etiqueta, regex in resolvers
              if etiqueta != "tag:yaml.org,2002:timestamp"]
    for inicial, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_COMODINES = tuple(_Cargador.yaml_implicit_resolvers.get(None, ()))
#: Por carácter inicial (``""`` para el escalar vacío), los resolvedores que PyYAML probaría
#: en orden: los de ese carácter y después los comodines.
_RESOLVEDORES: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    inicial: (*resolvers, *_COMODINES)
    for inicial, resolvers in _Cargador.yaml_implicit_resolvers.items() if inicial is not None
}


def _largo_maximo(regex: re.Pattern[str]) -> int:
    """El largo máximo de un texto que ``regex`` puede reconocer (más uno, por el salto de
    línea que admite ``$``); sin límite si no se puede saber."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        maximo = _parser.parse(regex.pattern, regex.flags).getwidth()[1]
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):
        return sys.maxsize
    return sys.maxsize if maximo >= _parser.MAXREPEAT else maximo + 1


#: Por carácter inicial, el largo máximo de un escalar sin comillas que algún resolvedor
#: implícito puede reconocer: «yes», «false», «null»… son cortos; los números, sin límite.
#: Un escalar más largo, o con otro carácter inicial, es texto sin probar ninguna regex.
_LARGO_MAXIMO: dict[str, int] = {
    inicial: max(_largo_maximo(regex) for _, regex in resolvers)
    for inicial, resolvers in _RESOLVEDORES.items()
}


@dataclass
class Arbol:
    """Contenido de un archivo YAML con la posición de cada valor.

    ``marcas`` y ``marcas_clave`` tienen la línea y columna de cada valor y de cada clave; si
    ``fuente`` (el texto del archivo, o sus bytes) no es ``None``, solo las de objetos y
    listas (la lectura rápida), y la primera consulta de otra posición las completa
    volviendo a leer ``fuente`` con la lectura completa."""

    archivo: str
    datos: Any
    marcas: dict[Ruta, tuple[int, int]] = field(default_factory=dict)
    marcas_clave: dict[Ruta, tuple[int, int]] = field(default_factory=dict)
    fuente: str | bytes | None = field(default=None, compare=False, repr=False)

    def posicion(self, ruta: Ruta, clave: bool = False) -> tuple[int, int]:
        """Línea y columna de la ruta, o de su antecesor más cercano que tenga marca."""
        actual = tuple(ruta)
        if not clave:
            marca = self.marcas.get(actual)
            if marca is not None:
                return marca
        if self.fuente is not None:
            self._completar()
        tabla = self.marcas_clave if clave else self.marcas
        while actual:
            if actual in tabla:
                return tabla[actual]
            if clave and actual in self.marcas:
                return self.marcas[actual]
            actual = actual[:-1]
        return self.marcas.get((), (1, 1))

    def _completar(self) -> None:
        """Toma las marcas de todos los valores y claves de una lectura completa de
        ``fuente``. Los datos no cambian: las dos lecturas dan el mismo árbol."""
        fuente, self.fuente = self.fuente, None
        texto = normalizar(fuente.decode("utf-8")) if isinstance(fuente, bytes) else fuente
        completo = _leer_completo(texto or "", self.archivo, Informe())
        if completo is not None:
            self.marcas, self.marcas_clave = completo.marcas, completo.marcas_clave


class _Lento(Exception):
    """El archivo necesita la lectura completa (ver ``_leer_rapido``)."""


#: Escalares ya resueltos por ``_escalar`` (su valor depende solo del texto; los meses, las
#: fechas y los números se repiten mucho). Se vacía al llegar a ``_RESUELTOS_MAXIMO``.
_RESUELTOS: dict[str, Any] = {}
_RESUELTOS_MAXIMO = 65536


def _escalar(evento: yaml.ScalarEvent, cargador: _Cargador) -> Any:
    """El valor de un escalar sin comillas, etiqueta ni ancla cuyo primer carácter puede
    empezar algo que no es texto (número, verdadero/falso, nulo…), como lo daría la lectura
    completa: lo que reconozca el primer resolvedor implícito, o el texto. Los valores son
    inmutables (texto, número, verdadero/falso, nulo), así que se pueden reutilizar."""
    valor: str = evento.value
    try:
        return _RESUELTOS[valor]
    except KeyError:
        pass
    resultado: Any = valor
    for etiqueta, regex in _RESOLVEDORES.get(valor[:1], _COMODINES):
        if regex.match(valor):
            if etiqueta != _TEXTO:
                constructor = cargador.yaml_constructors.get(etiqueta)
                if constructor is None:  # p. ej. «<<» (fusión) o «=»: que responda la completa
                    raise _Lento
                resultado = constructor(cargador, yaml.ScalarNode(
                    etiqueta, valor, evento.start_mark, evento.end_mark, evento.style))
            break
    if len(_RESUELTOS) >= _RESUELTOS_MAXIMO:
        _RESUELTOS.clear()
    _RESUELTOS[valor] = resultado
    return resultado


def _leer_rapido(cargador: _Cargador) -> tuple[Any, dict[Ruta, tuple[int, int]]]:
    """Los datos del único documento de ``cargador`` y la marca de cada objeto y lista, de
    los eventos del analizador. ``_Lento`` si hace falta la lectura completa.

    Es el bucle más caliente de la carga (un paso por cada valor de los datos): por eso
    resuelve en línea los escalares que solo pueden ser texto: entre comillas, o sin comillas
    con un primer carácter o un largo que ningún resolvedor implícito admite (ver
    ``_LARGO_MAXIMO``)."""
    siguiente = cargador.get_event
    if type(siguiente()) is not yaml.StreamStartEvent:
        raise _Lento
    if type(siguiente()) is not yaml.DocumentStartEvent:
        raise _Lento  # archivo vacío: la lectura completa lo informa
    if _COMODINES:  # pragma: no cover - PyYAML no tiene resolvedores sin carácter inicial
        raise _Lento
    largos = _LARGO_MAXIMO
    marcas: dict[Ruta, tuple[int, int]] = {}
    pila: list[tuple[Any, bool, Ruta, Any]] = []  # (contenedor, es mapa, ruta, clave)
    contenedor: Any = None  # dict o list en construcción; None: aún en la raíz
    en_mapa = False
    ruta: Ruta = ()
    clave: Any = None
    escalar, mapa, fin_mapa = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent
    lista, fin_lista = yaml.SequenceStartEvent, yaml.SequenceEndEvent
    while True:
        evento = siguiente()
        tipo = type(evento)
        if en_mapa and clave is None:  # se espera una clave o el fin del objeto
            if tipo is escalar and evento.tag is None and evento.anchor is None:
                clave = evento.value
                if evento.implicit[0] and len(clave) <= largos.get(clave[:1], -1):
                    clave = _escalar(evento, cargador)
                    if not isinstance(clave, str):
                        clave = str(clave)
                if clave in contenedor:
                    raise _Lento  # clave repetida: la completa da el error con sus líneas
                continue
            if tipo is not fin_mapa:
                raise _Lento
            valor = contenedor
            contenedor, en_mapa, ruta, clave = pila.pop()
        elif tipo is escalar:
            if evento.tag is not None or evento.anchor is not None:
                raise _Lento
            valor = evento.value
            if evento.implicit[0] and len(valor) <= largos.get(valor[:1], -1):
                valor = _escalar(evento, cargador)
        elif tipo is mapa or tipo is lista:
            if evento.tag is not None or evento.anchor is not None:
                raise _Lento
            if contenedor is None:
                hija: Ruta = ()
            elif en_mapa:
                hija = (*ruta, clave)
            else:
                hija = (*ruta, len(contenedor))
            marca = evento.start_mark
            marcas[hija] = (marca.line + 1, marca.column + 1)
            pila.append((contenedor, en_mapa, ruta, clave))
            en_mapa = tipo is mapa
            contenedor, ruta, clave = ({} if en_mapa else []), hija, None
            continue
        elif tipo is fin_lista:
            valor = contenedor
            contenedor, en_mapa, ruta, clave = pila.pop()
        else:  # alias u otro evento: la completa
            raise _Lento
        if contenedor is None:
            break
        if en_mapa:
            contenedor[clave] = valor
            clave = None
        else:
            contenedor.append(valor)
    if type(siguiente()) is not yaml.DocumentEndEvent or \
            type(siguiente()) is not yaml.StreamEndEvent:
        raise _Lento  # más de un documento: la completa da el error
    return valor, marcas


def _marca(nodo: yaml.Node) -> tuple[int, int]:
    return nodo.start_mark.line + 1, nodo.start_mark.column + 1


def _convertir(nodo: yaml.Node, ruta: Ruta, arbol: Arbol, cargador: _Cargador,
               informe: Informe) -> Any:
    arbol.marcas[ruta] = _marca(nodo)
    if isinstance(nodo, yaml.MappingNode):
        resultado: dict[str, Any] = {}
        for nodo_clave, nodo_valor in nodo.value:
            if nodo_clave.tag == _TEXTO:
                clave = nodo_clave.value
            else:
                clave = cargador.construct_object(nodo_clave, deep=True)
                if not isinstance(clave, str):
                    clave = str(clave)
            hija = (*ruta, clave)
            if clave in resultado:
                linea, columna = _marca(nodo_clave)
                primera = arbol.marcas_clave[hija][0]
                informe.error(arbol.archivo, linea, columna,
                              f"la clave «{clave}» está repetida (ya aparece en la línea "
                              f"{primera}); se esperaba cada clave una sola vez")
                continue
            arbol.marcas_clave[hija] = _marca(nodo_clave)
            resultado[clave] = _convertir(nodo_valor, hija, arbol, cargador, informe)
        return resultado
    if isinstance(nodo, yaml.SequenceNode):
        return [_convertir(hijo, (*ruta, i), arbol, cargador, informe)
                for i, hijo in enumerate(nodo.value)]
    if nodo.tag == _TEXTO:  # el caso más común, sin pasar por el constructor
        return nodo.value
    return cargador.construct_object(nodo, deep=True)


def leer_texto(texto: str, archivo: str, informe: Informe) -> Arbol | None:
    """Convierte el texto YAML de ``archivo`` en un árbol; ``None`` si no se puede leer."""
    cargador = _Cargador(texto)
    try:
        datos, marcas = _leer_rapido(cargador)
    except (_Lento, yaml.YAMLError):
        return _leer_completo(texto, archivo, informe)
    finally:
        cargador.dispose()
    return Arbol(archivo, datos, marcas, {}, texto)


def _leer_completo(texto: str, archivo: str, informe: Informe) -> Arbol | None:
    """Lectura completa: compone los nodos de PyYAML y anota la marca de cada valor y clave;
    informa los errores de sintaxis y las claves repetidas."""
    arbol = Arbol(archivo=archivo, datos=None)
    cargador = _Cargador(texto)
    try:
        nodo = cargador.get_single_node()
        if nodo is None:
            informe.error(archivo, 1, 1, "el archivo está vacío; se esperaba un documento YAML")
            return None
        arbol.datos = _convertir(nodo, (), arbol, cargador, informe)
    except yaml.MarkedYAMLError as exc:
        marca = exc.problem_mark or exc.context_mark
        linea, columna = (marca.line + 1, marca.column + 1) if marca else (0, 0)
        informe.error(archivo, linea, columna,
                      f"YAML mal formado: {_traducir_yaml(exc)}")
        return None
    except yaml.YAMLError as exc:
        informe.error(archivo, 0, 0, f"YAML mal formado: {exc}")
        return None
    finally:
        cargador.dispose()
    return arbol


def normalizar(texto: str) -> str:
    """Saltos de línea como ``\\n`` (como ``Path.read_text``)."""
    return texto.replace("\r\n", "\n").replace("\r", "\n")


_TRADUCCIONES = {
    "mapping values are not allowed in this context": "aquí no se admite «clave: valor» "
    "(¿falta sangría o comillas en un texto con «:»?)",
    "did not find expected key": "no se encontró la clave esperada",
    "did not find expected '-' indicator": "no se encontró el «-» de un elemento de lista",
    "did not find expected": "no se encontró lo esperado:",
    "while scanning for the next token": "al leer el texto",
    "character that cannot start any token": "un carácter que no puede empezar un valor "
    "(¿un tabulador? use espacios)",
    "mapping values are not allowed here": "aquí no se admite «clave: valor» "
    "(¿falta sangría o comillas en un texto con «:»?)",
    "could not find expected ':'": "no se encontró el «:» que separa clave y valor",
    "found character '\\t' that cannot start any token": "hay un tabulador; use espacios",
    "expected <block end>, but found": "la sangría no cuadra con la línea anterior; se esperaba",
    "found undefined alias": "alias no definido",
    "while scanning a quoted scalar": "comillas sin cerrar",
    "found unexpected end of stream": "el archivo termina antes de cerrar un valor",
    "while parsing a block collection": "lista mal formada",
    "while parsing a block mapping": "objeto mal formado",
    "expected the document to end, but found": "se esperaba el fin del documento, pero se "
    "encontró",
    "while parsing a flow sequence": "al leer una lista entre corchetes",
    "while parsing a flow mapping": "al leer un objeto entre llaves",
    "while scanning a simple key": "al leer una clave",
    "while scanning a plain scalar": "al leer un texto sin comillas",
    "while scanning a block scalar": "al leer un bloque de texto",
    "found unknown escape character": "secuencia de escape desconocida",
    "while parsing a quoted scalar": "al leer un texto entre comillas",
    "a tab character that violates indentation": "un tabulador que rompe la sangría (use "
    "espacios)",
    "expected a single document in the stream": "se esperaba un solo documento en el archivo",
    "but found another document": "pero se encontró otro (sobra un «---»)",
    ", but got": ", pero se encontró",
    ", but found": ", pero se encontró",
    "expected": "se esperaba",
    "found": "se encontró",
    " or ": " o ",
}


def _traducir_yaml(exc: yaml.MarkedYAMLError) -> str:
    partes = [p for p in (exc.context, exc.problem) if p]
    traducidas = []
    for parte in partes:
        texto = parte
        for original, traduccion in _TRADUCCIONES.items():
            if original in texto:
                texto = texto.replace(original, traduccion)
        traducidas.append(texto)
    return "; ".join(traducidas) or "error de sintaxis"


def leer_archivo(ruta: Path, base: Path, informe: Informe,
                 cache: CacheArboles | None = None) -> Arbol | None:
    """Lee un archivo de datos; los problemas se registran con su ruta relativa a ``base``.
    Con ``cache`` (``cache_arboles``), toma de ahí el árbol si los bytes ya se leyeron."""
    nombre = ruta.relative_to(base).as_posix() if ruta.is_relative_to(base) else str(ruta)
    try:
        crudo = ruta.read_bytes()
    except OSError as exc:
        informe.error(nombre, 0, 0, f"no se pudo leer el archivo: {exc.strerror}; se esperaba "
                      "un archivo legible")
        return None
    if cache is not None:
        guardado = cache.leer(crudo, nombre)
        if guardado is not None:
            return guardado
    try:
        texto = crudo.decode("utf-8")
    except UnicodeDecodeError as exc:
        antes = crudo[: exc.start]
        linea = antes.count(b"\n") + 1
        columna = exc.start - (antes.rfind(b"\n") + 1) + 1
        informe.error(nombre, linea, columna, f"el archivo no está en UTF-8 (byte {exc.start}, "
                      f"0x{crudo[exc.start]:02x}); se esperaba texto en UTF-8")
        return None
    texto = normalizar(texto)
    problemas = len(informe.problemas)
    arbol = leer_texto(texto, nombre, informe)
    if cache is not None and arbol is not None and len(informe.problemas) == problemas:
        cache.guardar(crudo, arbol)
    return arbol


def archivos_de_datos(directorio: Path) -> list[Path]:
    """Todos los ``*.yml`` y ``*.yaml`` bajo ``directorio``, en orden estable."""
    return sorted(p for p in directorio.rglob("*") if p.suffix in {".yml", ".yaml"}
                  and p.is_file())
