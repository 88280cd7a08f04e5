"""El esqueleto de un documento nuevo: cada campo obligatorio con un comentario que dice qué va.

Los comentarios salen de las ``description`` del esquema publicado (un solo lugar); los
campos que el esquema no describe usan ``SIN_DESCRIPCION``. Los campos que ``nuevo`` conoce
(id, tipo, institución, año y, si se da, órgano) van llenos; los demás, vacíos: la validación
los señala hasta que se transcriban de la fuente (nunca se inventan). Después, comentadas, las
listas que usan los documentos del mismo tipo que ya hay en ``datos/``, con los campos
obligatorios de cada registro.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, cargar_esquema
from programas_spen.carga.lector_yaml import leer_texto, normalizar
from programas_spen.hoja.canonico import LINEA_ESQUEMA
from programas_spen.hoja.disposicion import NOMBRES_HOJAS, resolver
from programas_spen.modelo.problemas import Informe

#: Qué va en los campos obligatorios que el esquema no describe.
SIN_DESCRIPCION = {
    "tipo": "Clase de documento",
    "titulo": "El título completo del documento, tal como lo escribe la fuente.",
    "fuente": "De dónde se transcribió el documento.",
    "fuente.descripcion": "Qué es la fuente (institución, documento, anexo) y qué contiene.",
}

#: El sufijo del id por omisión de cada tipo (``<institución>-<sufijo>-<año>``).
SUFIJOS = {"programa_anual_trabajo": "pat", "programa_anual_comision": "programa-comision",
           "informe_seguimiento": "informe-seguimiento", "plan_trabajo": "plan-trabajo"}

#: Otras formas de escribir el tipo en la línea de órdenes.
ALIAS_TIPOS = {"pat": "programa_anual_trabajo", "programa-comision": "programa_anual_comision",
               "comision": "programa_anual_comision", "informe": "informe_seguimiento",
               "plan": "plan_trabajo"}


def tipos() -> list[str]:
    """Los tipos de documento del esquema."""
    return list(cargar_esquema(ESQUEMA_DOCUMENTO)["properties"]["tipo"]["enum"])


def tipo_de(texto: str) -> str | None:
    """El tipo del esquema que nombra ``texto`` (su valor o un alias); ``None`` si ninguno."""
    texto = texto.strip().lower().replace(" ", "_")
    if texto in tipos():
        return texto
    return ALIAS_TIPOS.get(texto.replace("_", "-"))


def id_por_omision(tipo: str, institucion: str, anio: int) -> str:
    """El id del documento si no se da uno."""
    return f"{institucion}-{SUFIJOS.get(tipo, tipo.replace('_', '-'))}-{anio}"


def _descripcion(campo: str, esquema: dict[str, Any], raiz: dict[str, Any]) -> str:
    resuelto = resolver(esquema, raiz)
    texto = esquema.get("description") or resuelto.get("description") or SIN_DESCRIPCION.get(campo, "")
    if "enum" in resuelto:
        texto = f"{texto}: uno de {', '.join(resuelto['enum'])}" if texto else \
            f"uno de {', '.join(resuelto['enum'])}"
    return texto


def listas_del_tipo(datos: Path, tipo: str) -> list[str]:
    """Las listas de primer nivel que usan los documentos de ``tipo`` que ya hay, en el orden
    del esquema."""
    propiedades = cargar_esquema(ESQUEMA_DOCUMENTO)["properties"]
    obligatorios = set(cargar_esquema(ESQUEMA_DOCUMENTO)["required"])
    usadas: set[str] = set()
    for ruta in sorted(datos.rglob("*.yml")):
        if ruta.name == "instituciones.yml":
            continue
        arbol = leer_texto(normalizar(ruta.read_text(encoding="utf-8")), str(ruta), Informe())
        if arbol is not None and isinstance(arbol.datos, dict) and arbol.datos.get("tipo") == tipo:
            usadas |= {c for c in arbol.datos if c in propiedades and c not in obligatorios}
    return [c for c in propiedades if c in usadas]


def _comentario_lista(campo: str, raiz: dict[str, Any]) -> list[str]:
    esquema = resolver(raiz["properties"][campo], raiz)
    if esquema.get("type") == "array":
        items = resolver(esquema["items"], raiz)
        requeridos = ", ".join(items.get("required", []))
        hoja = NOMBRES_HOJAS.get((campo,), campo)
        descripcion = items.get("description") or esquema.get("description") or ""
        return [f"# {campo}:   # lista (hoja «{hoja}» del libro); cada registro con: {requeridos}"
                + (f". {descripcion}" if descripcion else "")]
    descripcion = _descripcion(campo, raiz["properties"][campo], raiz)
    return [f"# {campo}:   # {descripcion}" if descripcion else f"# {campo}:"]


def esqueleto(tipo: str, institucion: str, anio: int, id_documento: str, organo: str | None,
              listas: list[str]) -> str:
    """El texto del documento nuevo."""
    raiz = cargar_esquema(ESQUEMA_DOCUMENTO)
    valores: dict[str, Any] = {"id": id_documento, "tipo": tipo, "institucion": institucion,
                               "anio": anio, "organo": organo}
    lineas = [LINEA_ESQUEMA,
              "# Documento nuevo creado con «programas-spen nuevo». Llene cada campo con el texto",
              "# de la fuente, tal cual (datos/README.md); borre estos comentarios si quiere. Después:",
              "#   programas-spen validar " + f"datos/{institucion}/{anio}/{id_documento}.yml"]
    for campo in raiz["required"]:
        esquema = raiz["properties"][campo]
        resuelto = resolver(esquema, raiz)
        descripcion = _descripcion(campo, esquema, raiz)
        if resuelto.get("type") == "object":
            lineas.append(f"{campo}:   # {descripcion}")
            # lo obligatorio en el caso común (``else`` de un ``if``: la fuente sin
            # ``digital: true`` lleva ``archivo``) también va en el esqueleto
            condicionales = (resuelto.get("else") or {}).get("required", [])
            for sub in [*resuelto.get("required", []), *condicionales]:
                sub_desc = _descripcion(f"{campo}.{sub}", resuelto["properties"][sub], raiz)
                cuando = "obligatorio" if sub not in condicionales else "obligatorio salvo con digital: true"
                lineas.append(f"  {sub}:   # ({cuando}) {sub_desc}")
            continue
        valor = valores.get(campo)
        texto = "" if valor is None else f" {valor}"
        lineas.append(f"{campo}:{texto}   # (obligatorio) {descripcion}")
    opcionales = [c for c in raiz["properties"] if c not in raiz["required"]]
    lineas.append("")
    lineas.append("# Campos opcionales: quite el «# » del principio de los que dé la fuente.")
    for campo in opcionales:
        if resolver(raiz["properties"][campo], raiz).get("type") != "array" or campo in listas:
            lineas += _comentario_lista(campo, raiz)
    return "\n".join(lineas) + "\n"


def ruta_del_documento(datos: Path, institucion: str, anio: int, id_documento: str) -> Path:
    """Dónde va el documento: ``datos/<institución>/<año>/<id>.yml``."""
    return datos / institucion / str(anio) / f"{id_documento}.yml"
