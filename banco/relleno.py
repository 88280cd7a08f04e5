"""Texto de relleno en español para los datos sintéticos del banco.

Una cadena de Markov de dos palabras sacada de los textos de los documentos reales: cada
palabra sigue a la anterior como en alguna oración real, así que el relleno tiene el largo, el
vocabulario y los acentos de los textos reales (lo que cuesta convertir, indexar y escribir).
Determinista: la misma semilla da el mismo texto.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

_PALABRA = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
_FIN_DE_ORACION = re.compile(r"(?<=[.;:])\s+|\n+")


def cadenas(valor: Any) -> Iterator[str]:
    """Todas las cadenas de un árbol de datos (diccionarios y listas), en orden."""
    if isinstance(valor, str):
        yield valor
    elif isinstance(valor, dict):
        for hijo in valor.values():
            yield from cadenas(hijo)
    elif isinstance(valor, list):
        for hijo in valor:
            yield from cadenas(hijo)


class Texto:
    """Relleno en español verosímil: sigue los pares de palabras de los textos dados."""

    def __init__(self, textos: Iterable[str]) -> None:
        siguientes: dict[str, list[str]] = defaultdict(list)
        iniciales: list[str] = []
        for texto in textos:
            if "http" in texto:
                continue
            for oracion in _FIN_DE_ORACION.split(texto):
                palabras = _PALABRA.findall(oracion)
                if len(palabras) < 4:
                    continue
                if palabras[0][0].isupper():
                    iniciales.append(palabras[0])
                for uno, dos in zip(palabras, palabras[1:], strict=False):
                    siguientes[uno].append(dos)
        if not iniciales:
            raise SystemExit("No hay texto real del que sacar palabras (¿falta datos/?).")
        self.siguientes = dict(siguientes)
        self.iniciales = iniciales
        self.palabras = sorted(self.siguientes)

    def oracion(self, rng: random.Random, largo: int) -> str:
        """Una oración de unos ``largo`` caracteres, con mayúscula inicial y punto final."""
        palabra = rng.choice(self.iniciales)
        partes = [palabra]
        total = len(palabra)
        while total < largo:
            opciones = self.siguientes.get(palabra)
            palabra = rng.choice(opciones) if opciones else rng.choice(self.palabras)
            if len(partes) > 3 and rng.random() < 0.05:
                partes[-1] += ","
            partes.append(palabra)
            total += len(palabra) + 1
        texto = " ".join(partes).rstrip(",")
        return texto[0].upper() + texto[1:] + "."

    def parrafo(self, rng: random.Random, largo: int) -> str:
        """Varias oraciones hasta unos ``largo`` caracteres."""
        oraciones: list[str] = []
        total = 0
        while total < largo:
            oracion = self.oracion(rng, rng.randint(80, 260))
            oraciones.append(oracion)
            total += len(oracion) + 1
        return " ".join(oraciones)

    def frase(self, rng: random.Random, minimo: int, maximo: int) -> str:
        """Una oración de largo al azar entre ``minimo`` y ``maximo``."""
        return self.oracion(rng, rng.randint(minimo, maximo))

    def parrafos(self, rng: random.Random, cuantos: int, largo: int) -> str:
        """``cuantos`` párrafos de unos ``largo`` caracteres, separados por una línea en
        blanco, con salto de línea final."""
        return "\n\n".join(self.parrafo(rng, largo) for _ in range(cuantos)) + "\n"
