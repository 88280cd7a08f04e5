"""Las entradas que faltan en ``datos/instituciones.yml`` para un documento nuevo.

Si falta la institución, el órgano o un área, ``faltantes`` dice cuáles. En una terminal
(``preguntar``), ``pedir_entrada`` pregunta sus campos (los del esquema del catálogo, con su
descripción) y ``agregar`` la escribe al final de su lista, sin tocar el resto del archivo
(comentarios incluidos). Sin terminal, ``entrada_de_ejemplo`` es el texto exacto que hay que
agregar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from programas_spen.carga.esquema import ESQUEMA_INSTITUCIONES, cargar_esquema
from programas_spen.carga.lector_yaml import normalizar
from programas_spen.hoja.disposicion import resolver

#: Nombre en español de cada colección del catálogo.
NOMBRES = {"instituciones": "la institución", "organos": "el órgano", "areas": "el área"}


@dataclass(frozen=True)
class Falta:
    """Una entrada que falta en el catálogo."""

    coleccion: str
    id: str
    institucion: str


def _campos(coleccion: str) -> tuple[dict[str, Any], set[str]]:
    raiz = cargar_esquema(ESQUEMA_INSTITUCIONES)
    items = resolver(raiz["properties"][coleccion]["items"], raiz)
    return items["properties"], set(items.get("required", []))


def faltantes(catalogo: dict[str, Any], institucion: str, organo: str | None,
              areas: list[str]) -> list[Falta]:
    """Lo que falta en el catálogo para un documento de ``institucion`` con ese órgano y áreas."""
    def ids(coleccion: str) -> set[str]:
        return {str(r.get("id")) for r in catalogo.get(coleccion) or [] if isinstance(r, dict)}

    faltan = []
    if institucion not in ids("instituciones"):
        faltan.append(Falta("instituciones", institucion, institucion))
    if organo and organo not in ids("organos"):
        faltan.append(Falta("organos", organo, institucion))
    faltan += [Falta("areas", a, institucion) for a in areas if a not in ids("areas")]
    return faltan


def _explicacion(esquema: dict[str, Any], raiz: dict[str, Any]) -> str:
    """Las opciones y la descripción propia del campo (no la genérica de su tipo)."""
    resuelto = resolver(esquema, raiz)
    partes = []
    if "enum" in resuelto:
        partes.append("uno de: " + ", ".join(resuelto["enum"]))
    if esquema.get("description"):
        partes.append(esquema["description"])
    return "; ".join(partes)


def entrada_de_ejemplo(falta: Falta) -> str:
    """El texto YAML de la entrada que hay que agregar, con un comentario por campo."""
    raiz = cargar_esquema(ESQUEMA_INSTITUCIONES)
    propiedades, requeridos = _campos(falta.coleccion)
    lineas = [f"  - id: {falta.id}"]
    for campo, esquema in propiedades.items():
        if campo == "id" or resolver(esquema, raiz).get("type") == "array":
            continue
        if campo == "institucion":
            lineas.append(f"    institucion: {falta.institucion}")
            continue
        obligatorio = "obligatorio" if campo in requeridos else "opcional: borre la línea si no aplica"
        explicacion = _explicacion(esquema, raiz)
        lineas.append(f"    {campo}:   # {obligatorio}" + (f"; {explicacion}" if explicacion else ""))
    return "\n".join(lineas)


Preguntar = Callable[[str], str]


def pedir_entrada(falta: Falta, preguntar: Preguntar) -> dict[str, Any]:
    """Los campos de la entrada, preguntados uno por uno (los obligatorios, hasta tenerlos)."""
    raiz = cargar_esquema(ESQUEMA_INSTITUCIONES)
    propiedades, requeridos = _campos(falta.coleccion)
    entrada: dict[str, Any] = {"id": falta.id}
    for campo, esquema in propiedades.items():
        resuelto = resolver(esquema, raiz)
        if campo == "id" or resuelto.get("type") == "array":
            continue
        if campo == "institucion":
            entrada[campo] = falta.institucion
            continue
        explicacion = _explicacion(esquema, raiz)
        obligatorio = campo in requeridos
        texto = f"  {campo}{'' if obligatorio else ' (opcional, Intro para omitir)'}" + \
            (f" [{explicacion}]" if explicacion else "") + ": "
        while True:
            respuesta = preguntar(texto).strip()
            if respuesta and "enum" in resuelto and respuesta not in resuelto["enum"]:
                print(f"    se esperaba uno de: {', '.join(resuelto['enum'])}")
                continue
            if respuesta or not obligatorio:
                break
            print("    es obligatorio; escríbalo como lo da la fuente")
        if respuesta:
            entrada[campo] = respuesta
    return entrada


def agregar(ruta: Path, coleccion: str, entrada: dict[str, Any]) -> None:
    """Escribe ``entrada`` al final de la lista ``coleccion`` de ``ruta``, sin tocar lo demás."""
    lineas = normalizar(ruta.read_text(encoding="utf-8")).split("\n")
    inicio = next((i for i, linea in enumerate(lineas) if linea.rstrip() == f"{coleccion}:"), None)
    if inicio is None:  # la lista aún no está (o es «[]»): se pone al final
        lineas = [linea for linea in lineas if linea.rstrip() != f"{coleccion}: []"]
        while lineas and not lineas[-1].strip():
            lineas.pop()
        lineas += ["", f"{coleccion}:", ""]
        inicio = len(lineas) - 2
    fin = next((i for i in range(inicio + 1, len(lineas))
                if lineas[i] and not lineas[i].startswith((" ", "#", "-"))), len(lineas))
    while fin > inicio + 1 and not lineas[fin - 1].strip():
        fin -= 1
    elementos = [linea for linea in lineas[inicio + 1:fin] if linea.lstrip().startswith("- ")]
    sangria = (len(elementos[0]) - len(elementos[0].lstrip())) if elementos else 2
    texto = yaml.safe_dump(entrada, allow_unicode=True, sort_keys=False, width=1_000_000).rstrip("\n")
    nuevas = [(" " * sangria + ("- " if n == 0 else "  ") + linea)
              for n, linea in enumerate(texto.split("\n"))]
    lineas[fin:fin] = nuevas
    ruta.write_text("\n".join(lineas), encoding="utf-8")
