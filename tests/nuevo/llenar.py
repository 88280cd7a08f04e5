"""Ayuda de las pruebas de ``nuevo``: llenar un esqueleto como lo haría el personal."""

from __future__ import annotations

import re


def llenar(texto: str, valores: dict[str, str]) -> str:
    """Pone cada valor en la línea de su campo (``campo:`` con su sangría), quitando el
    comentario de esa línea."""
    for campo, valor in valores.items():
        patron = re.compile(rf"^(\s*){re.escape(campo)}:.*$", re.MULTILINE)
        assert len(patron.findall(texto)) == 1, campo
        texto = patron.sub(lambda m, v=valor, c=campo: f"{m.group(1)}{c}: {v}", texto)
    return texto


#: Los campos obligatorios que ``nuevo`` deja vacíos, llenos con un documento de prueba.
LLENOS = {"organo": "ieeq-comision-seguimiento", "titulo": "Programa de prueba de la Comisión",
          "titulo_corto": "Programa de prueba", "archivo": "programa-prueba.pdf",
          "descripcion": "Documento de prueba creado por las pruebas de nuevo."}
