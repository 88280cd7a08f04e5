"""en_linea_md: el procesador en línea con atajo da el mismo HTML que el de Python-Markdown, en
casos que tocan cada patrón y en todas las páginas del sitio real, y el atajo se usa de verdad."""

from __future__ import annotations

from typing import Any

import markdown
import pytest
import yaml

from programas_spen.mkdocs.en_linea_md import (
    REFERENCIAS,
    EnLineaConAtajoExtension,
    _EnlaceDirecto,
    _EnLineaConAtajo,
    _nada,
)
from tests.conftest import RAIZ


def _extensiones_del_sitio() -> tuple[list[Any], dict[str, Any]]:
    """Las extensiones de ``mkdocs.yml`` (sin esta), con su configuración."""
    texto = (RAIZ / "mkdocs.yml").read_text("utf-8")
    config = yaml.load(texto, Loader=yaml.BaseLoader)  # sin las etiquetas !ENV de MkDocs
    nombres, opciones = [], {}
    for entrada in config["markdown_extensions"]:
        nombre = next(iter(entrada)) if isinstance(entrada, dict) else entrada
        if nombre == "programas_spen.mkdocs.en_linea_md":
            continue
        nombres.append(nombre)
        if isinstance(entrada, dict):
            opciones[nombre] = entrada[nombre]
    return nombres, opciones


NOMBRES, OPCIONES = _extensiones_del_sitio()


def _convertir(texto: str, con_atajo: bool) -> tuple[str, markdown.Markdown]:
    extensiones: list[Any] = list(NOMBRES)
    if con_atajo:
        extensiones.append(EnLineaConAtajoExtension())
    md = markdown.Markdown(extensions=extensiones, extension_configs=OPCIONES)
    return md.convert(texto), md


CASOS = [
    "Texto llano sin nada que procesar.",
    "Un `código con *asteriscos*` y ``dos `comillas` ``, y \\`escapado\\`.",
    "Escapes: \\*no énfasis\\*, \\_tampoco\\_, \\[ni enlace\\], \\\\barra.",
    "*énfasis*, **fuerte**, ***los dos***, _subrayado_, __doble__, un*medio*de palabra, 2 * 3 * 4.",
    "[enlace](../otra/index.md#ancla \"título\") y [otro][ref] y [ref].\n\n[ref]: https://ejemplo.mx",
    "![imagen](img.png) ![ref img][ref]\n\n[ref]: img.png",
    "<https://ine.mx> <correo@ine.mx> y <span class=\"x\">HTML *en línea*</span>",
    "Entidades &amp; &#8212; &copy; y un & suelto, 5 < 6.",
    "Salto de línea  \nforzado.",
    "Siglas: el INE y la DESPEN, INE/JGE06/2020.\n\n*[INE]: Instituto Nacional Electoral\n"
    "*[DESPEN]: Dirección Ejecutiva del Servicio Profesional Electoral Nacional",
    "# Título {#titulo}\n\n## Con *énfasis* y `código` {#otro .clase}\n\nPárrafo {: .x }",
    "| Área | Meses |\n| --- | --- |\n| DESPEN | **enero** a [marzo](m.md) |\n| Llano | Permanente |",
    "Término\n:   Definición con *énfasis*\n\n!!! note \"Nota\"\n    Con [enlace](a.md).",
    "Lista:\n\n- uno\n- **dos**\n    - tres `3`\n\n1. a\n2. b",
    "Texto con\x02marcador raro\x03 y ~tilde~ y ^circunflejo^.",
    # enlaces: los sencillos van por el atajo; los demás, por el método de siempre
    "[a](b.md) [](vacio.md) [texto]() [con *énfasis* y `código`](c.md#x) [\\[escapado\\]](d.md)",
    "[anidado [dentro]](e.md) [paréntesis](f_(1).md) [espacio]( g.md ) [comillas](h.md 'título')",
    "[angular](<i j.md>) [cita](k\"l.md) [sin cerrar](m.md [roto]] (n.md) [a]\n(o.md)",
    "[varias\nlíneas](p.md) [escape en destino](q\\_r.md) [amp](s.md?a=1&b=2) [[doble]](t.md)",
    "| Registro | Área |\n| --- | --- |\n| [Actividad 1](u.md#a-1) | [DESPEN](v.md) |",
    # referencias sin definir (los patrones de referencias no se intentan) y definidas
    "[a][b] [c] [d][] ![e][f] ![g] [h](i.md) [j] [k]\n[l]\n*[INE]: Instituto",
    "[a][b] [c] [d][] ![e][f] ![g] [h](i.md) [B] [C]\n\n[b]: uno.md\n[C]: <dos.md> \"t\"\n[f]: i.png",
]


@pytest.mark.parametrize("texto", CASOS)
def test_mismo_html_en_cada_patron(texto: str) -> None:
    assert _convertir(texto, True)[0] == _convertir(texto, False)[0]


def test_sin_definiciones_no_se_intentan_las_referencias() -> None:
    _, sin = _convertir("[a][b] y [c](d.md)", True)
    _, con = _convertir("[a][b] y [c](d.md)\n\n[b]: e.md", True)
    for md, nada in ((sin, True), (con, False)):
        procesador = md.treeprocessors["inline"]
        tipos = {type(p): buscar for p, (_, buscar) in zip(procesador._patrones, procesador._busquedas,
                                                          strict=True)}
        referencias = [buscar for tipo, buscar in tipos.items() if tipo in REFERENCIAS]
        assert len(referencias) == 4
        assert all((buscar is _nada) == nada for buscar in referencias)


def _paginas_reales(sitio_real: Any) -> list[str]:
    return [pagina.contenido for pagina in sitio_real.paginas]


def test_mismo_html_en_todas_las_paginas_del_sitio(sitio_real: Any) -> None:
    saltados = intentos = directos = completos = 0
    distintas = []
    for contenido in _paginas_reales(sitio_real):
        con, md = _convertir(contenido, True)
        if con != _convertir(contenido, False)[0]:
            distintas.append(contenido[:80])
        procesador = md.treeprocessors["inline"]
        assert isinstance(procesador, _EnLineaConAtajo)
        saltados += procesador.saltados
        intentos += procesador.intentos
        enlaces = md.inlinePatterns["link"]
        assert isinstance(enlaces, _EnlaceDirecto)
        directos += enlaces.directos
        completos += enlaces.completos
    assert not distintas
    # el atajo se usa (si Python-Markdown cambia su método privado, esto falla y se sabe)
    assert saltados > intentos > 0
    assert directos > 10 * completos


def test_paginas_escritas_a_mano() -> None:
    for pagina in sorted((RAIZ / "contenido").rglob("*.md")):
        texto = pagina.read_text("utf-8")
        assert _convertir(texto, True)[0] == _convertir(texto, False)[0], pagina


def test_registrada_en_mkdocs_yml() -> None:
    assert "programas_spen.mkdocs.en_linea_md" in (RAIZ / "mkdocs.yml").read_text("utf-8")
