"""La forma canónica de un archivo de datos: la que escriben ``hoja importar`` y ``formatear``.

Reglas (las mismas para cualquier archivo, así dos personas que editan el mismo dato producen
los mismos bytes y el historial de Git muestra solo lo que cambió):

- las claves de cada objeto en el orden de las propiedades del esquema publicado (las que el
  esquema no conoce, al final, en su orden: la validación las señalará);
- sangría de dos espacios; los elementos de una lista empiezan con ``- `` en la columna de su
  clave; cada texto en una sola línea, sin cortar, con comillas solo donde YAML las pide;
- los comentarios del principio del archivo (la línea ``# yaml-language-server: $schema=…`` y
  los que la siguen) se conservan tal cual; un comentario en otra parte del archivo se perdería,
  así que ``formatear`` no toca ese archivo y dice en qué línea está (muévalo al principio);
- UTF-8, saltos de línea ``\\n`` y un salto al final.

Los datos no cambian: el archivo formateado se lee igual que el original (lo comprueban las
pruebas con cada documento real).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, ESQUEMA_INSTITUCIONES, cargar_esquema
from programas_spen.carga.lector_yaml import leer_texto, normalizar
from programas_spen.hoja.disposicion import resolver
from programas_spen.modelo.problemas import Informe

#: La primera línea de cada documento en ``datos/<institución>/<año>/``.
LINEA_ESQUEMA = ("# yaml-language-server: $schema=../../../plugins/programas_spen/carga/esquema/"
                 "documento.schema.json")


class _Volcador(yaml.SafeDumper):
    """El volcador seguro de PyYAML, sin alias (un valor repetido se escribe entero)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _ordenar(valor: Any, esquema: dict[str, Any], raiz: dict[str, Any]) -> Any:
    esquema = resolver(esquema, raiz)
    if isinstance(valor, dict):
        propiedades = esquema.get("properties") or {}
        orden = [c for c in propiedades if c in valor] + [c for c in valor if c not in propiedades]
        return {c: _ordenar(valor[c], propiedades.get(c, {}), raiz) for c in orden}
    if isinstance(valor, list):
        items = esquema.get("items") if isinstance(esquema.get("items"), dict) else {}
        return [_ordenar(v, items, raiz) for v in valor]
    return valor


def nombre_esquema(datos: Any) -> str:
    """El esquema de unos datos: el del catálogo si tienen sus claves, si no el de documento."""
    if isinstance(datos, dict) and "instituciones" in datos and "id" not in datos:
        return ESQUEMA_INSTITUCIONES
    return ESQUEMA_DOCUMENTO


def volcar(datos: Any, cabecera: list[str] | None = None) -> str:
    """El texto canónico de ``datos`` (con los comentarios ``cabecera`` al principio)."""
    raiz = cargar_esquema(nombre_esquema(datos))
    ordenado = _ordenar(datos, raiz, raiz)
    cuerpo = yaml.dump(ordenado, Dumper=_Volcador, allow_unicode=True, sort_keys=False,
                       default_flow_style=False, width=1_000_000, indent=2)
    return "".join(f"{linea}\n" for linea in cabecera or []) + cuerpo


def cabecera_de(texto: str) -> list[str]:
    """Los comentarios del principio del texto (hasta la primera línea que no lo es)."""
    lineas = []
    for linea in normalizar(texto).split("\n"):
        if not linea.startswith("#"):
            break
        lineas.append(linea)
    return lineas


def comentarios_fuera_de_cabecera(texto: str) -> list[int]:
    """Las líneas (desde 1) con un comentario después de la cabecera: se perderían.

    PyYAML no entrega los comentarios: un «#» al principio de una línea o tras un espacio es
    un comentario si no cae dentro de un texto (los tramos de los escalares que da su
    escáner)."""
    texto = normalizar(texto)
    try:
        tramos = [((t.start_mark.line, t.start_mark.column), (t.end_mark.line, t.end_mark.column))
                  for t in yaml.scan(texto, Loader=yaml.SafeLoader) if isinstance(t, yaml.ScalarToken)]
    except yaml.YAMLError:
        return []
    cabecera = len(cabecera_de(texto))
    lineas: list[int] = []
    for numero, linea in enumerate(texto.split("\n")):
        if numero < cabecera:
            continue
        for posicion, caracter in enumerate(linea):
            if caracter != "#" or (posicion and linea[posicion - 1] not in " \t"):
                continue
            if not any(inicio <= (numero, posicion) < fin for inicio, fin in tramos):
                lineas.append(numero + 1)
                break
    return lineas


def leer_archivo_texto(ruta: Path, informe: Informe) -> str | None:
    """El texto de ``ruta`` (UTF-8); ``None`` con el porqué en ``informe`` si no existe, no se
    puede leer o no está en UTF-8."""
    try:
        crudo = ruta.read_bytes()
    except OSError as exc:
        informe.error(str(ruta), 0, 0, f"no se pudo leer ({exc.strerror or exc}); se esperaba un "
                      "archivo de datos .yml")
        return None
    try:
        return crudo.decode("utf-8")
    except UnicodeDecodeError as exc:
        linea = crudo[: exc.start].count(b"\n") + 1
        informe.error(str(ruta), linea, 0, f"el archivo no está en UTF-8 (byte {exc.start}); se "
                      "esperaba texto en UTF-8 (guárdelo así desde su editor)")
        return None


def formatear_texto(texto: str, archivo: str, informe: Informe) -> str | None:
    """El texto canónico de un archivo de datos; ``None`` (con el porqué en ``informe``) si no
    se puede leer o si perdería comentarios."""
    arbol = leer_texto(normalizar(texto), archivo, informe)
    if arbol is None:
        return None
    perdidos = comentarios_fuera_de_cabecera(texto)
    for linea in perdidos:
        informe.error(archivo, linea, 0, "comentario fuera del principio del archivo: la forma "
                      "canónica solo conserva los comentarios del principio; se esperaba moverlo "
                      "ahí (o borrarlo) antes de formatear")
    if perdidos:
        return None
    return volcar(arbol.datos, cabecera_de(texto))


def formatear_archivos(rutas: list[Path], informe: Informe) -> list[Path]:
    """Pone cada archivo en la forma canónica; devuelve los que cambiaron. Un archivo con un
    problema no se toca (el problema queda en ``informe``)."""
    cambiados = []
    for ruta in rutas:
        original = leer_archivo_texto(ruta, informe)
        if original is None:
            continue
        nuevo = formatear_texto(original, str(ruta), informe)
        if nuevo is not None and nuevo != original:
            ruta.write_text(nuevo, encoding="utf-8")
            cambiados.append(ruta)
    return cambiados


