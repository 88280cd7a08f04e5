"""Lectura y validación de ``datos/redirecciones.yml``: las URL publicadas que cambiaron.

El archivo se valida contra su esquema publicado (``esquema/redirecciones.schema.json``) como
cualquier archivo de datos: cada problema, con archivo, línea y columna, en español. Además:
cada entrada lleva ``a`` o ``retirado: true`` (no los dos, no ninguno) y cada URL de antes
aparece una sola vez. Que la URL de antes ya no se publique y que la nueva exista lo comprueba
la construcción (``sitio/permanencia.py``), que conoce las URL del sitio.
"""

from __future__ import annotations

from pathlib import Path

from programas_spen.cache import Espacio
from programas_spen.carga.esquema import validar_arbol
from programas_spen.carga.lector_yaml import Arbol, leer_archivo
from programas_spen.modelo.problemas import Informe
from programas_spen.modelo.redireccion import Redireccion

ARCHIVO_REDIRECCIONES = "redirecciones.yml"
ESQUEMA_REDIRECCIONES = "redirecciones.schema.json"


def leer_redirecciones(ruta: Path, base: Path, informe: Informe,
                       cache: Espacio | None = None) -> tuple[Redireccion, ...]:
    """Las entradas de ``ruta`` (ninguna si el archivo no existe); cada problema, en
    ``informe`` con la ruta relativa a ``base``. Con algún error, no devuelve ninguna entrada:
    la carga ya no publica nada. ``cache``: la de los árboles ya leídos (``espacio_arboles``)."""
    if not ruta.exists():
        return ()
    arbol = leer_archivo(ruta, base, informe, cache)
    if arbol is None or not validar_arbol(arbol, ESQUEMA_REDIRECCIONES, informe):
        return ()
    return redirecciones_de(arbol, informe)


def redirecciones_de(arbol: Arbol, informe: Informe) -> tuple[Redireccion, ...]:
    """Las entradas de un árbol que ya cumple el esquema; lo que el esquema no dice (``a`` o
    ``retirado``, una entrada por URL) se comprueba aquí. Con algún error, ninguna entrada."""
    errores = len(informe.errores)
    entradas: list[Redireccion] = []
    vistas: dict[str, int] = {}
    for indice, entrada in enumerate(arbol.datos["redirecciones"]):
        camino = ("redirecciones", indice)
        linea, columna = arbol.posicion(camino)
        lugar = f"redirecciones[{indice + 1}]"
        if ("a" in entrada) == ("retirado" in entrada):
            informe.error(arbol.archivo, linea, columna,
                          f"{lugar}: {'lleva «a» y «retirado» a la vez' if 'a' in entrada else 'no dice adónde fue'}; "
                          "se esperaba «a: /ruta-nueva/» (la URL se movió) o «retirado: true» (se retiró), "
                          "uno de los dos")
            continue
        de = entrada["de"]
        if de in vistas:
            linea_de, columna_de = arbol.posicion((*camino, "de"))
            informe.error(arbol.archivo, linea_de, columna_de,
                          f"{lugar}: la URL «{de}» ya tiene una entrada en la línea {vistas[de]}; "
                          "se esperaba una sola entrada por URL de antes")
            continue
        if entrada.get("a") == de:
            linea_a, columna_a = arbol.posicion((*camino, "a"))
            informe.error(arbol.archivo, linea_a, columna_a,
                          f"{lugar}: «a» es la misma URL que «de» ({de}); se esperaba la URL nueva")
            continue
        vistas[de] = linea
        entradas.append(Redireccion(de, entrada.get("a"), " ".join(entrada["motivo"].split()), arbol.archivo, linea))
    return () if len(informe.errores) > errores else tuple(entradas)
