"""El esquema JSON publicado de los archivos de datos y su traducción de errores al español.

Los esquemas viven en ``esquema/`` (``documento.schema.json`` e
``instituciones.schema.json``): los usan los editores (vía ``yaml-language-server``) y esta
validación. Cada error de ``jsonschema`` se convierte en un mensaje en español con la línea y
columna del valor (o de la clave, para campos desconocidos).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from programas_spen.carga.lector_yaml import Arbol
from programas_spen.modelo.problemas import Informe

if TYPE_CHECKING:  # ``jsonschema`` se importa solo si hay que explicar un rechazo
    from jsonschema import Draft202012Validator, ValidationError

ESQUEMA_DOCUMENTO = "documento.schema.json"
ESQUEMA_INSTITUCIONES = "instituciones.schema.json"


@cache
def cargar_esquema(nombre: str) -> dict[str, Any]:
    """El esquema ``nombre`` tal como se publica en el paquete."""
    texto = resources.files(__package__).joinpath("esquema", nombre).read_text("utf-8")
    return json.loads(texto)


@cache
def _validador(nombre: str) -> Draft202012Validator:
    """Validador de ``jsonschema``, la referencia de los mensajes. Se importa aquí: cuesta
    una décima de segundo, en cada proceso que lee datos, y casi nunca hace falta."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(cargar_esquema(nombre))


@cache
def _rapido(nombre: str) -> Any:
    """Validador de ``jsonschema-rs`` (compilado; unas cien veces más rápido que
    ``jsonschema``): responde «válido o no»; los mensajes detallados los da ``jsonschema``,
    que es la referencia, solo para lo que este rechaza."""
    return jsonschema_rs.validator_for(cargar_esquema(nombre))


def es_valido(datos: Any, nombre_esquema: str) -> bool:
    """Si ``datos`` cumple el esquema (camino rápido). Un rechazo se confirma con
    ``jsonschema`` en ``validar_arbol``: si allí no hay errores, el archivo es válido."""
    try:
        return bool(_rapido(nombre_esquema).is_valid(datos))
    except (ValueError, TypeError):  # un valor que no es JSON: que decida ``jsonschema``
        return False


_TIPOS = {
    "string": "un texto", "integer": "un número entero", "number": "un número",
    "boolean": "verdadero o falso", "array": "una lista", "object": "un objeto (clave: valor)",
    "null": "nada",
}


def _tipo_de(valor: Any) -> str:
    if valor is None:
        return "un valor vacío"
    if isinstance(valor, bool):
        return "verdadero/falso"
    if isinstance(valor, int):
        return "un número entero"
    if isinstance(valor, float):
        return "un número"
    if isinstance(valor, str):
        return "un texto"
    if isinstance(valor, list):
        return "una lista"
    if isinstance(valor, dict):
        return "un objeto"
    return type(valor).__name__


def _corto(valor: Any, limite: int = 60) -> str:
    texto = json.dumps(valor, ensure_ascii=False) if not isinstance(valor, str) else valor
    return texto if len(texto) <= limite else texto[: limite - 1] + "…"


def _donde(ruta: tuple[Any, ...]) -> str:
    if not ruta:
        return "la raíz del documento"
    partes = []
    for paso in ruta:
        if isinstance(paso, int):
            partes.append(f"[{paso + 1}]")
        else:
            partes.append(("." if partes else "") + str(paso))
    return "".join(partes)


def _una_clave(esquema: dict[str, Any]) -> str | None:
    """Las claves posibles de un objeto de una sola clave (``maxProperties: 1``, como un bloque
    de prosa: ``parrafo``, ``lista``…), «a, b o c»; ``None`` si el objeto no es de esos."""
    nombres = sorted(esquema.get("properties") or {})
    if esquema.get("maxProperties") != 1 or not nombres:
        return None
    return ", ".join(nombres[:-1]) + " o " + nombres[-1] if len(nombres) > 1 else nombres[0]


def traducir(error: ValidationError) -> tuple[str, bool]:
    """Mensaje en español de un error de esquema y si señala una clave (no un valor)."""
    ruta = tuple(error.absolute_path)
    donde = _donde(ruta)
    valor = error.instance
    esquema = error.schema if isinstance(error.schema, dict) else {}
    descripcion = esquema.get("description")
    validador = error.validator
    una_clave = _una_clave(esquema)
    if validador == "type":
        tipos = error.validator_value
        tipos = tipos if isinstance(tipos, list) else [tipos]
        esperado = " o ".join(_TIPOS.get(t, t) for t in tipos)
        if tipos == ["object"] and una_clave:
            esperado += f" de una sola clave: {una_clave}"
        return (f"{donde}: se encontró {_tipo_de(valor)} («{_corto(valor)}»); "
                f"se esperaba {esperado}", False)
    if validador == "required":
        faltan = [c for c in error.validator_value if isinstance(valor, dict) and c not in valor]
        nombres = ", ".join(f"«{c}»" for c in faltan)
        return (f"{donde}: falta el campo obligatorio {nombres}; se esperaba encontrarlo en "
                "este objeto", False)
    if validador == "additionalProperties":
        permitidos = sorted(esquema.get("properties", {}))
        extra = sorted(set(valor) - set(permitidos)) if isinstance(valor, dict) else []
        nombres = ", ".join(f"«{c}»" for c in extra)
        return (f"{donde}: campo desconocido {nombres}; se esperaba uno de: "
                f"{', '.join(permitidos)}", True)
    if validador == "enum":
        opciones = ", ".join(str(o) for o in error.validator_value)
        return f"{donde}: valor «{_corto(valor)}» no admitido; se esperaba uno de: {opciones}", False
    if validador == "const":
        return f"{donde}: se esperaba «{error.validator_value}»", False
    if validador == "pattern":
        forma = descripcion or f"la forma {error.validator_value}"
        return f"{donde}: «{_corto(valor)}» no tiene la forma esperada; se esperaba {forma}", False
    if validador == "minLength":
        return f"{donde}: el texto está vacío; se esperaba un texto", False
    if validador == "maxLength":
        return (f"{donde}: el texto es demasiado largo; se esperaban como máximo "
                f"{error.validator_value} caracteres", False)
    if validador == "minItems":
        return (f"{donde}: la lista tiene {len(valor)} elemento(s); se esperaban al menos "
                f"{error.validator_value}", False)
    if validador == "uniqueItems":
        return f"{donde}: la lista tiene elementos repetidos; se esperaba cada uno una vez", False
    if validador == "minimum":
        return (f"{donde}: {valor} es menor que {error.validator_value}, el mínimo; se esperaba "
                f"un valor de al menos {error.validator_value}", False)
    if validador == "maximum":
        return (f"{donde}: {valor} es mayor que {error.validator_value}, el máximo; se esperaba "
                f"un valor de como mucho {error.validator_value}", False)
    if validador == "minProperties":
        if una_clave:
            return f"{donde}: el objeto está vacío; se esperaba una clave: {una_clave}", False
        return f"{donde}: el objeto está vacío; se esperaba al menos un campo", False
    if validador == "maxProperties" and una_clave and isinstance(valor, dict):
        nombres = ", ".join(f"«{c}»" for c in valor)
        return (f"{donde}: tiene {len(valor)} claves ({nombres}); se esperaba una sola: "
                f"{una_clave}", False)
    if validador == "not":
        prohibidos = error.validator_value.get("required", []) if isinstance(
            error.validator_value, dict) else []
        if prohibidos:
            return (f"{donde}: el campo «{prohibidos[0]}» no se admite con este estado "
                    f"(«{valor.get('estado', '')}»); se esperaba quitarlo o cambiar el estado",
                    False)
        return f"{donde}: combinación de campos no admitida; se esperaba otra", False
    return (f"{donde}: valor no válido ({validador}); se esperaba un valor que cumpla el esquema",
            False)


def validar_arbol(arbol: Arbol, nombre_esquema: str, informe: Informe) -> bool:
    """Valida el árbol contra el esquema; registra cada error y dice si no hubo ninguno."""
    if es_valido(arbol.datos, nombre_esquema):
        return True
    errores = sorted(_validador(nombre_esquema).iter_errors(arbol.datos),
                     key=lambda e: (arbol.posicion(tuple(e.absolute_path)), e.validator))
    for error in errores:
        mensaje, es_clave = traducir(error)
        ruta = tuple(error.absolute_path)
        if es_clave and isinstance(error.instance, dict):
            extras = [c for c in error.instance
                      if c not in (error.schema.get("properties") or {})]
            if extras:
                ruta = (*ruta, extras[0])
        linea, columna = arbol.posicion(ruta, clave=es_clave)
        informe.error(arbol.archivo, linea, columna, mensaje)
    return not errores
