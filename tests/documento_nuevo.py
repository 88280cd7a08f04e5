"""Un sexto documento válido, como el que añadiría el personal, junto a los datos reales.

Las pruebas sobre ``datos/`` comprueban lo que vale para cualesquiera datos más las cifras de
cada documento real: añadir un documento válido no debe romper ninguna. ``anadir_documento_nuevo``
copia a una carpeta de datos (una copia de ``datos/``) el documento de prueba de
``tests/fixtures/documento_nuevo/`` —un programa anual de 2025 de la comisión de seguimiento de
un OPLE que no está en los datos (IEEM), con su acuerdo de aprobación numerado a la manera de
esa institución— y añade al catálogo sus entradas (institución, órganos, áreas) al principio
de cada lista. Es ficticio y nunca se publica.

Para probar la suite entera con él (lo que pide el issue #24), como haría quien publica::

    cp -r . /tmp/copia && cd /tmp/copia
    python -m tests.documento_nuevo datos   # añade el documento y sus entradas del catálogo
    python -m pytest -m "not navegador"
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "documento_nuevo"
#: El documento de prueba, relativo a la carpeta de datos.
ARCHIVO = "ieem/2025/ieem-pat-csspen-2025.yml"
ID = "ieem-pat-csspen-2025"
INSTITUCION = "ieem"
#: Su acuerdo de aprobación, con la numeración del OPLE (no la del INE).
ACUERDO = "IEEM/CSSPEN/01/2025"
#: Sus cifras propias (lo que una prueba puede afirmar de él).
TEMAS = 3
SESIONES_PROGRAMADAS = 2


def _entradas_catalogo() -> dict[str, str]:
    """El texto YAML de las entradas de cada lista del catálogo (``instituciones``, ``organos``,
    ``areas``), tal como está en ``catalogo.yml`` (sangría incluida)."""
    texto = (FIXTURE / "catalogo.yml").read_text(encoding="utf-8")
    listas = yaml.safe_load(texto)
    entradas: dict[str, str] = {}
    actual: str | None = None
    for linea in texto.splitlines(keepends=True):
        if linea.startswith("#"):
            continue
        if not linea.startswith(" ") and linea.rstrip().endswith(":"):
            actual = linea.rstrip()[:-1]
            entradas[actual] = ""
        elif actual is not None:
            entradas[actual] += linea
    assert set(entradas) == set(listas), "catalogo.yml: se esperaban solo listas de primer nivel"
    return entradas


def anadir_documento_nuevo(datos: Path) -> Path:
    """Copia el documento de prueba a ``datos`` (una copia de la carpeta de datos) y añade sus
    entradas a ``datos/instituciones.yml``; devuelve la ruta del documento copiado. Si ya está
    (una copia a la que ya se añadió), no hace nada."""
    destino = datos / ARCHIVO
    if destino.exists():
        return destino
    catalogo = datos / "instituciones.yml"
    texto = catalogo.read_text(encoding="utf-8")
    for lista, entradas in _entradas_catalogo().items():
        cabecera = f"\n{lista}:\n"
        assert texto.count(cabecera) == 1, f"{catalogo}: se esperaba una lista «{lista}»"
        texto = texto.replace(cabecera, cabecera + entradas, 1)
    catalogo.write_text(texto, encoding="utf-8")
    destino.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURE / ARCHIVO, destino)
    return destino


if __name__ == "__main__":  # pragma: no cover - ayuda para probar a mano
    print(anadir_documento_nuevo(Path(sys.argv[1] if len(sys.argv) > 1 else "datos")))
