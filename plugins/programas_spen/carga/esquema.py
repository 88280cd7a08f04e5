"""El esquema JSON publicado de los archivos de datos y su traducción de errores al español.

Los esquemas viven en ``esquema/`` (``documento.schema.json`` e
``instituciones.schema.json``): los usan los editores (vía ``yaml-language-server``) y esta
validación. Cada error de ``jsonschema`` se convierte en un mensaje en español con la línea y
columna del valor (o de la clave, para campos desconocidos).
"""

from __future__ import annotations

import json
import re
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


#: La forma de un número oficial de acuerdo (INE/JGE06/2020, IEEM/CSSPEN/01/2025,
#: IEEQ/CG/A/012/24…): la expresión regular del esquema publicado (``$defs.numero_acuerdo``),
#: el único lugar donde se define. De ella dependen la URL del acuerdo y su dirección corta
#: (``sitio/urls.py``) y las tablas de datos abiertos.
PATRON_NUMERO_ACUERDO: str = cargar_esquema(ESQUEMA_DOCUMENTO)["$defs"]["numero_acuerdo"]["pattern"]
_PATRON_MES: str = cargar_esquema(ESQUEMA_DOCUMENTO)["$defs"]["mes"]["pattern"]
_PATRON_FECHA: str = cargar_esquema(ESQUEMA_DOCUMENTO)["$defs"]["fecha"]["pattern"]


def _patron(validador: Any, patron: str, valor: Any, esquema: dict[str, Any]) -> Any:
    """La palabra clave ``pattern`` como la aplica ``jsonschema-rs``: un ``$`` final es el fin
    del texto. En las expresiones de Python ``$`` también casa antes de un salto de línea
    final, y un valor escrito como bloque de YAML (``numero: |``) lleva uno: sin esto,
    ``jsonschema`` aceptaría «INE/JGE06/2020\\n» como número de acuerdo o «tema-01\\n» como id."""
    from jsonschema import ValidationError

    if not isinstance(valor, str):
        return
    encontrado = re.search(patron, valor)
    if encontrado is None or (patron.endswith("$") and encontrado.end() != len(valor)):
        yield ValidationError(f"{valor!r} no casa con {patron!r}")


@cache
def _validador(nombre: str) -> Draft202012Validator:
    """Validador de ``jsonschema``, la referencia de los mensajes. Se importa aquí: cuesta
    una décima de segundo, en cada proceso que lee datos, y casi nunca hace falta."""
    from jsonschema import Draft202012Validator
    from jsonschema.validators import extend

    # con los formatos (``format: date``: una fecha que existe) y ``pattern`` como en
    # ``_rapido``: los dos validadores aceptan y rechazan lo mismo
    clase = extend(Draft202012Validator, validators={"pattern": _patron})
    return clase(cargar_esquema(nombre),  # type: ignore[no-any-return]
                 format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _rapido(nombre: str) -> Any:
    """Validador de ``jsonschema-rs`` (compilado; unas cien veces más rápido que
    ``jsonschema``): responde «válido o no»; los mensajes detallados los da ``jsonschema``,
    que es la referencia, solo para lo que este rechaza."""
    return jsonschema_rs.validator_for(cargar_esquema(nombre), validate_formats=True)


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
    """El valor en una línea (un salto de línea se escribe ``\\n``), recortado a ``limite``."""
    texto = json.dumps(valor, ensure_ascii=False) if not isinstance(valor, str) else valor
    texto = texto.replace("\n", "\\n")
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


_MES_O_FECHA = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def _forma(valor: Any, patron: str, descripcion: str | None) -> str:
    """Por qué un texto no tiene la forma de ``patron`` (mes, fecha, número de acuerdo…) y qué
    se esperaba. Un mes o una fecha con la forma bien escrita pero imposible (``2025-13``,
    ``2024-02-30``) dicen qué parte no existe."""
    texto = str(valor)
    forma = descripcion or f"la forma {patron}"
    casi = _MES_O_FECHA.fullmatch(texto)
    if casi and patron in (_PATRON_MES, _PATRON_FECHA):
        _, mes, dia = casi.groups()
        if not 1 <= int(mes) <= 12:
            return (f"«{texto}»: el mes {mes} no existe; se esperaba un mes de 01 a 12 "
                    f"({forma})")
        if dia is not None and not 1 <= int(dia) <= 31:
            return (f"«{texto}»: el día {dia} no existe; se esperaba un día de 01 a 31 "
                    f"({forma})")
        if dia is None and patron == _PATRON_FECHA:
            return f"«{texto}» es un mes; se esperaba una fecha con su día ({forma})"
        if dia is not None and patron == _PATRON_MES:
            return f"«{texto}» es una fecha; se esperaba solo el mes ({forma})"
    if texto != texto.upper() and re.search(patron, texto.upper()):
        return (f"«{_corto(valor)}» no tiene la forma esperada: va en mayúsculas "
                f"(«{_corto(texto.upper())}»); se esperaba {forma}")
    return f"«{_corto(valor)}» no tiene la forma esperada; se esperaba {forma}"


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
        if valor is None:
            # ``calendario:`` sin nada detrás, o con sus líneas sin sangría (quedan como campos
            # del objeto de arriba)
            debajo = (" en las líneas siguientes, con más sangría que su clave"
                      if {"object", "array"} & set(tipos) and ruta and isinstance(ruta[-1], str)
                      else "")
            return f"{donde}: está vacío; se esperaba {esperado}{debajo}", False
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
        return f"{donde}: {_forma(valor, error.validator_value, descripcion)}", False
    if validador == "format" and error.validator_value == "date":
        return (f"{donde}: «{_corto(valor)}» no es una fecha del calendario (ese día no existe "
                "en ese mes); se esperaba una fecha que exista, como AAAA-MM-DD", False)
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
        if prohibidos and isinstance(valor, dict):
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
    # de un valor de tipo equivocado (``calendario:`` vacío, una lista donde va un objeto…)
    # basta decir eso: lo demás que el esquema pide de ese valor (sus campos, su estado) sigue
    # de corregir el tipo
    mal_tipo = {tuple(e.absolute_path) for e in errores if e.validator == "type"}
    errores = [e for e in errores if e.validator == "type" or tuple(e.absolute_path) not in mal_tipo]
    # un texto que ni siquiera tiene la forma AAAA-MM-DD no necesita además «no es una fecha
    # del calendario»: basta el mensaje de la forma
    sin_forma = {tuple(e.absolute_path) for e in errores if e.validator == "pattern"}
    errores = [e for e in errores if e.validator != "format" or tuple(e.absolute_path) not in sin_forma]
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
