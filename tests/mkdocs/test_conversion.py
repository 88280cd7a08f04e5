"""Conversión anticipada de las páginas: con los objetos reales de MkDocs, el resultado es el
de ``Page.render`` (HTML, tabla de contenido, título, anclas, enlaces a anclas), en uno o en
dos procesos; los mensajes se guardan y se emiten al aplicar."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from programas_spen import paralelo
from programas_spen.mkdocs import conversion


def _config(tmp_path: Path) -> Any:
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Prueba\ndocs_dir: docs\nmarkdown_extensions:\n  - attr_list\n  - toc:\n"
        "      permalink: '#'\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "prueba"  # lo pone MkDocs al llamar a un gancho
    return config


def _archivos(config: Any, cuantos: int) -> Files:
    archivos = [File.generated(config, "destino.md", content="# Destino\n\n## Dos {#dos}\n\ntexto\n")]
    for n in range(cuantos):
        archivos.append(File.generated(config, f"p/{n:03d}.md", content=(
            f"---\ntitle: Página {n}\n---\n# Encabezado {n}\n\n## Apartado {{#apartado-{n}}}\n\n"
            f"Ver [el destino](../destino.md#dos) y [la {n}](#apartado-{n}). " + "Texto. " * (n % 9)
            + ("\n\n[roto](../no-existe.md)\n" if n == 5 else "\n"))))
    return Files(archivos)


def _conversor(config: Any, files: Files) -> conversion.Conversor:
    return conversion.Conversor(
        config=config, files=files,
        pagina_de=lambda f: f.page if f.page is not None else Page(None, f, config),
        on_page_markdown=lambda markdown, **_: markdown)


def _como_mkdocs(config: Any, files: Files, ruta: str) -> Page:
    """La misma página convertida por MkDocs, en un objeto página nuevo."""
    original = files.get_file_from_path(ruta)
    copia = File.generated(config, ruta, content=original.content_string)
    pagina = Page(None, copia, config)
    pagina.read_source(config)
    pagina.render(config, files)
    return pagina


def _toc(toc: Any) -> list[tuple[str, str, int, list[Any]]]:
    return [(e.title, e.id, e.level, _toc(e.children)) for e in toc]


def test_mismo_resultado_que_page_render(tmp_path: Path) -> None:
    config = _config(tmp_path)
    files = _archivos(config, 3)
    hecha = _conversor(config, files).convertir(files.get_file_from_path("p/001.md"))
    esperada = _como_mkdocs(config, files, "p/001.md")
    assert hecha.contenido == esperada.content
    assert 'href="../../destino/#dos"' in hecha.contenido
    assert _toc(hecha.toc) == _toc(esperada.toc)
    assert hecha.titulo == esperada._title_from_render == "Encabezado 1"
    assert hecha.anclas == frozenset(esperada.present_anchor_ids) >= {"apartado-1"}
    assert hecha.enlaces_a_anclas == {f.src_uri: a for f, a in esperada.links_to_anchors.items()}
    assert hecha.enlaces_a_anclas["destino.md"] == {"dos": "../destino.md#dos"}
    assert hecha.huella == conversion.huella(esperada.markdown)
    # el HTML espera comprimido: ``largo`` es el de su texto
    assert hecha.largo == len(esperada.content) and len(hecha.html) < hecha.largo


def test_tras_cada_pagina_convertida(tmp_path: Path) -> None:
    """``tras_cada`` se llama una vez por página, después de convertirla (el adaptador recoge
    ahí la basura por tandas)."""
    config = _config(tmp_path)
    files = _archivos(config, 3)
    vistas: list[int] = []
    conversor = _conversor(config, files)
    conversor.tras_cada = lambda: vistas.append(len(vistas))
    hechas = conversor.convertir_todas([files.get_file_from_path(f"p/00{n}.md") for n in range(3)])
    assert len(hechas) == 3 and vistas == [0, 1, 2]


@pytest.mark.parametrize("html", ["", "<p>ñ — “x” ≈ \U0001f600</p>", "<p>\ud800 suelto</p>" * 50])
def test_html_comprimido_vuelve_igual(html: str) -> None:
    comprimido = conversion.comprimir_html(html)
    hecha = conversion.Conversion(huella=b"", html=comprimido, largo=len(html), toc=None, titulo=None,
                                  anclas=frozenset(), enlaces_a_anclas=None, mensajes=())
    assert hecha.contenido == html


@pytest.mark.parametrize("sin_markdown", [False, True])
def test_aplicar_deja_la_pagina_como_la_deja_mkdocs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    sin_markdown: bool) -> None:
    config = _config(tmp_path)
    files = _archivos(config, 2)
    archivo = files.get_file_from_path("p/000.md")
    hecha = _conversor(config, files).convertir(archivo)
    pagina = Page(None, File.generated(config, "p/000.md", content=archivo.content_string), config)
    pagina.read_source(config)
    pagina.markdown = ""
    with monkeypatch.context() as parche:
        if sin_markdown:
            conversion.sin_volver_a_convertir(pagina)

            def prohibido(*args: Any, **kwargs: Any) -> None:
                raise AssertionError("no se crea ninguna instancia de Python-Markdown")

            parche.setattr("mkdocs.structure.pages.markdown.Markdown", prohibido)
        pagina.render(config, files)  # lo que hace MkDocs con el texto vacío
    assert pagina.content == ""
    html = conversion.aplicar(pagina, hecha, files.get_file_from_path)
    assert "render" not in vars(pagina)  # vuelve a su render de siempre
    esperada = _como_mkdocs(config, files, "p/000.md")
    assert html == esperada.content
    assert pagina.title == esperada.title == "Página 0"
    assert _toc(pagina.toc) == _toc(esperada.toc)
    assert pagina.present_anchor_ids == esperada.present_anchor_ids
    assert {f.src_uri: a for f, a in pagina.links_to_anchors.items()} == {
        f.src_uri: a for f, a in esperada.links_to_anchors.items()}
    assert pagina.links_to_anchors[files.get_file_from_path("destino.md")] == {"dos": "../destino.md#dos"}
    # sin el HTML (la página se escribe de antemano): todo lo demás igual, y un texto vacío
    otra = Page(None, File.generated(config, "p/000.md", content=archivo.content_string), config)
    otra.read_source(config)
    assert conversion.aplicar(otra, hecha, files.get_file_from_path, sin_html=True) == ""
    assert otra.title == "Página 0" and _toc(otra.toc) == _toc(esperada.toc)


def test_los_mensajes_se_guardan_y_se_emiten_al_aplicar(tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    config = _config(tmp_path)
    files = _archivos(config, 6)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        hecha = _conversor(config, files).convertir(files.get_file_from_path("p/005.md"))
        assert not [r for r in caplog.records if "no-existe" in r.getMessage()]
        assert [m for m in hecha.mensajes if "no-existe.md" in m.texto and m.nivel == logging.WARNING]
        pagina = files.get_file_from_path("p/005.md").page
        conversion.aplicar(pagina, hecha, files.get_file_from_path)
    emitidos = [r for r in caplog.records if "no-existe.md" in r.getMessage()]
    assert emitidos and emitidos[0].levelno == logging.WARNING
    assert emitidos[0].name.startswith("mkdocs.")


def test_capturar_restablece_el_registrador() -> None:
    registrador = logging.getLogger("mkdocs")
    antes = list(registrador.handlers), registrador.propagate
    with pytest.raises(RuntimeError), conversion.capturar_mensajes() as mensajes:
        logging.getLogger("mkdocs.algo").warning("uno %s", "dos")
        raise RuntimeError
    assert (list(registrador.handlers), registrador.propagate) == antes
    assert mensajes == [conversion.Mensaje("mkdocs.algo", logging.WARNING, "uno dos")]


def test_todas_en_dos_procesos_igual_que_en_uno(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _config(tmp_path)
    files = _archivos(config, paralelo.MINIMO_TAREAS + 20)
    paginas = [f for f in files if f.src_uri.startswith("p/")]
    aqui: list[str] = []
    conversor = _conversor(config, files)
    convertir = conversor.convertir

    def anotando(archivo: Any) -> conversion.Conversion:
        aqui.append(archivo.src_uri)  # en la copia, esta lista es otra
        return convertir(archivo)

    monkeypatch.setattr(conversor, "convertir", anotando)
    # en la suite completa hay otros hilos vivos (ver test_paralelo): aquí se copia igual
    monkeypatch.setattr(paralelo.threading, "active_count", lambda: 1)
    repartidas = conversor.convertir_todas(paginas)
    monkeypatch.setattr(paralelo, "MINIMO_TAREAS", 10**9)
    config2 = _config(tmp_path / "otra")
    files2 = _archivos(config2, len(paginas))
    en_serie = _conversor(config2, files2).convertir_todas(
        [f for f in files2 if f.src_uri.startswith("p/")])
    assert list(repartidas) == [f.src_uri for f in paginas] == list(en_serie)
    for ruta, hecha in repartidas.items():
        otra = en_serie[ruta]
        assert (hecha.contenido, hecha.titulo, hecha.anclas, hecha.enlaces_a_anclas, hecha.huella) == (
            otra.contenido, otra.titulo, otra.anclas, otra.enlaces_a_anclas, otra.huella)
        assert _toc(hecha.toc) == _toc(otra.toc)
    if hasattr(os, "fork") and paralelo.procesos_disponibles() >= 2:
        assert 0 < len(aqui) < len(paginas)  # este proceso convirtió su parte; la copia, la suya


def test_huella() -> None:
    assert conversion.huella("a") == conversion.huella("a") != conversion.huella("b")
    assert len(conversion.huella("texto \ud800")) == 16

