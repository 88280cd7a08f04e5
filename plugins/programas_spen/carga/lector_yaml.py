"""Lectura de los archivos YAML de ``datos/`` en árboles que recuerdan línea y columna.

Cada valor del árbol tiene una ruta (tupla de claves e índices); ``Arbol.posicion`` da la
línea y columna (desde 1) donde empieza en el archivo, o donde empieza la clave que lo
introduce.

Una sola lectura, con la API pública de PyYAML: su cargador seguro (el de libyaml si está
instalado) compone los nodos del documento, que llevan la marca de dónde empieza cada uno, y
un recorrido de esos nodos arma los datos anotando la línea y columna de cada valor y de cada
clave. Las fechas quedan como texto (el esquema las valida): el cargador es una subclase cuyos
resolvedores implícitos (el atributo de clase ``yaml_implicit_resolvers``) son los de PyYAML
sin el de fechas. Las claves repetidas, que PyYAML aceptaría en silencio (la última gana), se
informan como error, y el YAML mal formado también, en español, con archivo, línea y columna.
Un alias repite el valor de su ancla (el mismo objeto, como en PyYAML).

``leer_archivo`` con un espacio de la caché (ver ``espacio_arboles``) toma de ahí el árbol de
un archivo cuyos bytes ya se leyeron.
"""

from __future__ import annotations

import marshal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from programas_spen.cache import Cache, Espacio, huella
from programas_spen.modelo.problemas import Informe

Ruta = tuple[str | int, ...]
Marca = tuple[int, int]

_TEXTO = "tag:yaml.org,2002:str"
#: Los únicos valores sueltos que admiten los datos (los de JSON).
_ESCALARES = (str, bool, int, float)
_FECHA = "tag:yaml.org,2002:timestamp"

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Cargador(_Base):  # type: ignore[misc, valid-type]
    """El cargador seguro de PyYAML sin el resolvedor implícito de fechas: ``2024-03-13`` sin
    comillas queda como texto."""

    yaml_implicit_resolvers = {
        inicial: [(etiqueta, regex) for etiqueta, regex in resolvedores if etiqueta != _FECHA]
        for inicial, resolvedores in _Base.yaml_implicit_resolvers.items()
    }


@dataclass
class Arbol:
    """Contenido de un archivo YAML con la posición de cada valor (``marcas``) y de cada
    clave (``marcas_clave``), por ruta."""

    archivo: str
    datos: Any
    marcas: dict[Ruta, Marca] = field(default_factory=dict)
    marcas_clave: dict[Ruta, Marca] = field(default_factory=dict)

    def posicion(self, ruta: Ruta, clave: bool = False) -> Marca:
        """Línea y columna de la ruta (de su clave, con ``clave``), o de su antecesor más
        cercano que tenga marca."""
        actual = tuple(ruta)
        tabla = self.marcas_clave if clave else self.marcas
        while actual:
            if actual in tabla:
                return tabla[actual]
            if clave and actual in self.marcas:
                return self.marcas[actual]
            actual = actual[:-1]
        return self.marcas.get((), (1, 1))


def _marca(nodo: yaml.Node) -> Marca:
    return nodo.start_mark.line + 1, nodo.start_mark.column + 1


class _Recorrido:
    """Arma los datos de los nodos compuestos y anota las marcas en ``arbol``."""

    def __init__(self, cargador: _Cargador, arbol: Arbol, informe: Informe) -> None:
        self.cargador = cargador
        self.arbol = arbol
        self.informe = informe
        #: Objetos y listas ya armados, por nodo: un alias repite el mismo nodo.
        self.hechos: dict[int, Any] = {}
        #: Nodos que se están armando (un alias a uno de ellos sería un valor infinito).
        self.en_curso: set[int] = set()

    def valor(self, nodo: yaml.Node, ruta: Ruta) -> Any:
        """El valor de ``nodo`` en ``ruta``."""
        self.arbol.marcas[ruta] = _marca(nodo)
        if isinstance(nodo, yaml.ScalarNode):
            if nodo.tag == _TEXTO:
                return nodo.value
            escalar = self.cargador.construct_object(nodo)
            if escalar is None or isinstance(escalar, _ESCALARES):
                return escalar
            # una etiqueta explícita de YAML que da algo que no es JSON (``!!binary``,
            # ``!!timestamp``): los datos solo tienen textos, números, verdadero/falso y nada
            linea, columna = _marca(nodo)
            self.informe.error(self.arbol.archivo, linea, columna,
                               f"la etiqueta de YAML «{nodo.tag.replace('tag:yaml.org,2002:', '!!')}» "
                               "da un valor que no es texto, número ni verdadero/falso; se "
                               "esperaba el valor sin etiqueta (entre comillas si es un texto)")
            return nodo.value
        if id(nodo) in self.hechos:
            return self.hechos[id(nodo)]
        if id(nodo) in self.en_curso:
            linea, columna = _marca(nodo)
            self.informe.error(self.arbol.archivo, linea, columna,
                               "un alias repite un valor que lo contiene (no tendría fin); se "
                               "esperaba que cada alias repitiera un valor ya cerrado")
            return None
        self.en_curso.add(id(nodo))
        if isinstance(nodo, yaml.MappingNode):
            resultado: Any = self.objeto(nodo, ruta)
        else:
            resultado = [self.valor(hijo, (*ruta, i)) for i, hijo in enumerate(nodo.value)]
        self.en_curso.discard(id(nodo))
        self.hechos[id(nodo)] = resultado
        return resultado

    def objeto(self, nodo: yaml.MappingNode, ruta: Ruta) -> dict[str, Any]:
        """El objeto de ``nodo``: claves como texto; una repetida se informa y se ignora."""
        resultado: dict[str, Any] = {}
        for nodo_clave, nodo_valor in nodo.value:
            if nodo_clave.tag == _TEXTO:
                clave = nodo_clave.value
            else:
                clave = self.cargador.construct_object(nodo_clave, deep=True)
                if not isinstance(clave, str):
                    clave = str(clave)
            hija = (*ruta, clave)
            if clave in resultado:
                linea, columna = _marca(nodo_clave)
                primera = self.arbol.marcas_clave[hija][0]
                self.informe.error(self.arbol.archivo, linea, columna,
                                   f"la clave «{clave}» está repetida (ya aparece en la línea "
                                   f"{primera}); se esperaba cada clave una sola vez")
                continue
            self.arbol.marcas_clave[hija] = _marca(nodo_clave)
            resultado[clave] = self.valor(nodo_valor, hija)
        return resultado


def leer_texto(texto: str, archivo: str, informe: Informe) -> Arbol | None:
    """Convierte el texto YAML de ``archivo`` en un árbol; ``None`` si no se puede leer (el
    error queda en ``informe``)."""
    arbol = Arbol(archivo, None)
    cargador = _Cargador(texto)
    try:
        nodo = cargador.get_single_node()
        if nodo is None:
            informe.error(archivo, 1, 1, "el archivo está vacío; se esperaba un documento YAML")
            return None
        arbol.datos = _Recorrido(cargador, arbol, informe).valor(nodo, ())
    except yaml.MarkedYAMLError as exc:
        marca = exc.problem_mark or exc.context_mark
        linea, columna = (marca.line + 1, marca.column + 1) if marca else (0, 0)
        informe.error(archivo, linea, columna, f"YAML mal formado: {_traducir_yaml(exc)}")
        return None
    except yaml.YAMLError as exc:
        informe.error(archivo, 0, 0, f"YAML mal formado: {exc}")
        return None
    except RecursionError:
        informe.error(archivo, 0, 0, "YAML mal formado: demasiados niveles anidados; se "
                      "esperaban a lo sumo unos cientos")
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
    "could not determine a constructor for the tag": "un valor sin comillas que YAML "
    "reserva («=» o «<<»; escríbalo entre comillas), con la etiqueta",
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


# --- Caché de árboles ------------------------------------------------------------------------
#
# El árbol de un archivo (datos y marcas) se guarda en ``marshal``: solo tiene textos, números,
# verdadero/falso, nulos, listas, tuplas y diccionarios, que ``marshal`` escribe y lee más rápido
# que ``pickle`` y sin poder ejecutar nada al leer (``pickle`` puede construir cualquier objeto).
# Su formato depende de la versión de Python, que por eso entra en la versión del lector.


def _version() -> str:
    return huella(Path(__file__).read_bytes(), yaml.__version__, _Base.__name__,
                  sys.version, str(marshal.version))


#: Versión del lector para la caché: cambia si cambia este módulo, PyYAML, libyaml o Python.
VERSION = _version()


def espacio_arboles(cache: Cache) -> Espacio:
    """El espacio de la caché donde van los árboles leídos (``arboles``)."""
    return cache.espacio("arboles", VERSION)


def _del_cache(cache: Espacio, clave: str, archivo: str) -> Arbol | None:
    """El árbol guardado con ``clave``, con el nombre ``archivo``; ``None`` si no hay o si la
    entrada está dañada."""
    guardado = cache.leer(clave)
    if guardado is None:
        return None
    try:
        datos, marcas, marcas_clave = marshal.loads(guardado)
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(marcas, dict) or not isinstance(marcas_clave, dict):
        return None
    return Arbol(archivo, datos, marcas, marcas_clave)


def leer_archivo(ruta: Path, base: Path, informe: Informe,
                 cache: Espacio | None = None) -> Arbol | None:
    """Lee un archivo de datos; los problemas se registran con su ruta relativa a ``base``.
    Con ``cache`` (ver ``espacio_arboles``), toma de ahí el árbol si los mismos bytes ya se
    leyeron, y si no guarda el leído. Solo se guardan lecturas sin problemas: un archivo con un
    error se lee cada vez y da siempre su mensaje."""
    nombre = ruta.relative_to(base).as_posix() if ruta.is_relative_to(base) else str(ruta)
    try:
        crudo = ruta.read_bytes()
    except OSError as exc:
        informe.error(nombre, 0, 0, f"no se pudo leer el archivo: {exc.strerror}; se esperaba "
                      "un archivo legible")
        return None
    clave = cache.clave(crudo) if cache is not None else ""
    if cache is not None:
        guardado = _del_cache(cache, clave, nombre)
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
    problemas = len(informe.problemas)
    arbol = leer_texto(normalizar(texto), nombre, informe)
    if cache is not None and arbol is not None and len(informe.problemas) == problemas:
        cache.guardar(clave, marshal.dumps((arbol.datos, arbol.marcas, arbol.marcas_clave)))
    return arbol


def archivos_de_datos(directorio: Path) -> list[Path]:
    """Todos los ``*.yml`` y ``*.yaml`` bajo ``directorio``, en orden estable."""
    return sorted(p for p in directorio.rglob("*") if p.suffix in {".yml", ".yaml"}
                  and p.is_file())
