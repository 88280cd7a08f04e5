"""bloques: los bloques de prosa de un apartado (párrafo, encabezado, lista, tabla) son registros
inmutables de solo texto, y dan sus textos en el orden de lectura."""

from __future__ import annotations

import dataclasses

import pytest

from programas_spen.modelo.bloques import Encabezado, Lista, Parrafo, Tabla, textos_de
from programas_spen.modelo.registros import Fuente, Seccion

TABLA = Tabla(("Integrantes", ""), (("Mtra. Rita Bell López Vences", "Presidenta"),
                                     ("Dr. Uuc-kib Espadas Ancona", "")))


def test_textos_de_cada_clase_de_bloque() -> None:
    assert Parrafo("Un párrafo.").textos() == ("Un párrafo.",)
    assert Encabezado("Un encabezado", nivel=2).textos() == ("Un encabezado",)
    assert Lista(("uno;", "dos.")).textos() == ("uno;", "dos.")
    # la tabla: encabezados y luego celdas fila por fila, sin los vacíos
    assert TABLA.textos() == ("Integrantes", "Mtra. Rita Bell López Vences", "Presidenta",
                              "Dr. Uuc-kib Espadas Ancona")


def test_valores_por_omision() -> None:
    assert Encabezado("E").nivel == 1
    assert Lista(("a",)).numerada is False
    assert Lista(("a",), numerada=True) != Lista(("a",))


def test_seccion_da_los_textos_de_sus_bloques_en_orden() -> None:
    bloques = (Parrafo("Primero:"), Lista(("a", "b"), numerada=True), Encabezado("Otro"), TABLA,
               Parrafo("Último."))
    seccion = Seccion("introduccion", "Introducción", bloques, Fuente(seccion="Introducción"))
    esperado = ("Primero:", "a", "b", "Otro", *TABLA.textos(), "Último.")
    assert seccion.textos() == textos_de(bloques) == esperado
    assert "Introducción" not in seccion.textos()  # el título va aparte


@pytest.mark.parametrize("bloque", [Parrafo("p"), Encabezado("e"), Lista(("l",)), TABLA])
def test_bloques_inmutables(bloque: object) -> None:
    campo = dataclasses.fields(bloque)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(bloque, campo, "otro")
    assert hash(bloque) == hash(dataclasses.replace(bloque))  # type: ignore[type-var]


def test_seccion_no_tiene_texto_markdown() -> None:
    nombres = {c.name for c in dataclasses.fields(Seccion)}
    assert "texto" not in nombres and "bloques" in nombres and "fuente" in nombres
