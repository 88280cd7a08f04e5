"""Escritura anticipada de las páginas: cada página se escribe una vez, en uno o en dos
procesos, con sus mensajes emitidos en orden y su contenido intacto; el bucle de MkDocs la
pasa después por la plantilla vacía sin escribirla otra vez ni avisar; y el sitio real es byte
a byte el de una construcción sin escritura anticipada."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import pytest

from programas_spen import paralelo
from programas_spen.mkdocs import escritura
from programas_spen.mkdocs.conversion import Conversion, comprimir_html
from tests.conftest import copiar_proyecto


@dataclass
class _Archivo:
    src_uri: str


@dataclass
class _Pagina:
    archivo: str
    content: str | None
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def file(self) -> _Archivo:
        return _Archivo(self.archivo)


def _escritor(destino: Path) -> tuple[list[int], object]:
    procesos: list[int] = []

    def escribir(pagina: _Pagina) -> None:
        procesos.append(os.getpid())
        (destino / pagina.archivo).write_text(f"{os.getpid()}|{pagina.content}", encoding="utf-8")
        if pagina.archivo.endswith("7.md"):
            logging.getLogger("mkdocs.prueba").warning("aviso de %s", pagina.archivo)
        pagina.content = "cambiado por un gancho"  # como la búsqueda de Material

    return procesos, escribir


@pytest.mark.parametrize("en_dos", [False, True])
def test_escribe_cada_pagina_una_vez_con_sus_mensajes_en_orden(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        en_dos: bool) -> None:
    monkeypatch.setattr(paralelo.threading, "active_count", lambda: 1)
    if not en_dos:
        monkeypatch.setattr(paralelo, "MINIMO_TAREAS", 10**9)
    paginas = [_Pagina(f"p{n:03d}.md", "<p>" + "x" * (n % 13) + "</p>") for n in range(200)]
    _, escribir = _escritor(tmp_path)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        escritura.escribir_todas(paginas, escribir)
    escritos = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    assert sorted(escritos) == [p.archivo for p in paginas]
    for pagina in paginas:
        assert escritos[pagina.archivo].split("|", 1)[1] == pagina.content
        assert pagina.content is not None and pagina.content.startswith("<p>")  # intacto
    procesos = {texto.split("|", 1)[0] for texto in escritos.values()}
    assert len(procesos) == (2 if en_dos and paralelo.procesos_disponibles() >= 2 else 1)
    avisos = [r.getMessage() for r in caplog.records if r.name == "mkdocs.prueba"]
    assert avisos == [f"aviso de p{n:03d}.md" for n in range(200) if n % 10 == 7]


@pytest.mark.parametrize("en_dos", [False, True])
def test_las_diferidas_se_escriben_con_su_html_y_lo_sueltan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, en_dos: bool) -> None:
    """Una página cuyo HTML espera comprimido en su conversión se escribe con ese HTML y
    queda después sin él; las demás, con el suyo, como siempre."""
    monkeypatch.setattr(paralelo.threading, "active_count", lambda: 1)
    if not en_dos:
        monkeypatch.setattr(paralelo, "MINIMO_TAREAS", 10**9)
    paginas = [_Pagina(f"p{n:03d}.md", "" if n % 3 else f"<p>propia {n}</p>") for n in range(150)]
    diferidas = {}
    for n in range(1, 150):
        if n % 3:
            html = f"<p>diferida {n} ñ — {'x' * n}</p>"
            diferidas[f"p{n:03d}.md"] = Conversion(
                huella=b"", html=comprimir_html(html), largo=len(html), toc=None, titulo=None,
                anclas=frozenset(), enlaces_a_anclas=None, mensajes=())
    _, escribir = _escritor(tmp_path)
    escritura.escribir_todas(paginas, escribir, diferidas)
    for n, pagina in enumerate(paginas):
        escrito = (tmp_path / pagina.archivo).read_text(encoding="utf-8").split("|", 1)[1]
        if n % 3:
            assert escrito == diferidas[pagina.archivo].contenido
            assert pagina.content == ""  # el HTML no se queda en la página
        else:
            assert escrito == pagina.content == f"<p>propia {n}</p>"


def test_un_error_sale_aqui_con_su_mensaje(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paralelo.threading, "active_count", lambda: 1)
    paginas = [_Pagina(f"p{n:03d}.md", "<p></p>") for n in range(100)]

    def escribir(pagina: _Pagina) -> None:
        if pagina.archivo == "p042.md":
            raise ValueError("plantilla rota en p042")

    with pytest.raises(ValueError, match="plantilla rota en p042"):
        escritura.escribir_todas(paginas, escribir)


def test_plantilla_vacia_y_las_demas() -> None:
    entorno = jinja2.Environment(loader=escritura.con_plantilla_vacia(
        jinja2.DictLoader({"main.html": "<html>{{ x }}</html>"})))
    assert entorno.get_template(escritura.PLANTILLA_YA_ESCRITA).render(x=1) == ""
    assert entorno.get_template("main.html").render(x=1) == "<html>1</html>"
    sola = jinja2.Environment(loader=escritura.con_plantilla_vacia(None))
    assert sola.get_template(escritura.PLANTILLA_YA_ESCRITA).render() == ""


def test_marcar_ya_escritas() -> None:
    paginas = [_Pagina("a.md", "x", {"title": "A"}), _Pagina("b.md", "y")]
    escritura.marcar_ya_escritas(paginas)
    assert [p.meta for p in paginas] == [{"title": "A", "template": escritura.PLANTILLA_YA_ESCRITA},
                                         {"template": escritura.PLANTILLA_YA_ESCRITA}]


def test_callar_solo_el_aviso_de_las_ya_escritas(caplog: pytest.LogCaptureFixture) -> None:
    filtro = escritura.CallarOmitidas(["a/b.md"])
    registrador = logging.getLogger(escritura.REGISTRADOR_BUCLE)
    filtro.instalar()
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            registrador.info("Page skipped: '%s'. Generated empty output.", "a/b.md")
            registrador.info("Page skipped: '%s'. Generated empty output.", "otra.md")
            registrador.warning("Page skipped: 'a/b.md'. Generated empty output.")
            registrador.info("Cleaning site directory")
    finally:
        filtro.quitar()
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("INFO", "Page skipped: 'otra.md'. Generated empty output."),
        ("WARNING", "Page skipped: 'a/b.md'. Generated empty output."),
        ("INFO", "Cleaning site directory")]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        registrador.info("Page skipped: '%s'. Generated empty output.", "a/b.md")
    assert len(caplog.records) == 1  # quitado


@pytest.mark.sitio
def test_sitio_real_igual_con_y_sin_escritura_anticipada(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """Con la construcción de MkDocs en este proceso: las páginas generadas se escriben de
    antemano (en dos procesos), el bucle no las vuelve a escribir ni avisa de ellas, y cada
    archivo del sitio es el de una construcción sin escritura anticipada (y sin la barra de
    navegación guardada, ver ``navegacion``)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setattr(paralelo.threading, "active_count", lambda: 1)
    proyecto = copiar_proyecto(tmp_path / "proyecto")
    monkeypatch.setenv("ANEXOS_PDF", "false")
    monkeypatch.setenv("PROGRAMAS_SPEN_CACHE", "")
    escritas: list[int] = []
    diferidas_vistas: list[int] = []
    original = escritura.escribir_todas

    def contando(paginas: list[object], escribir: object, diferidas: dict[str, object]) -> None:
        escritas.append(len(paginas))
        diferidas_vistas.append(len(diferidas))
        # mientras esperan, las páginas diferidas no tienen su HTML: solo su conversión
        assert all(p.content == "" for p in paginas if p.file.src_uri in diferidas)  # type: ignore[attr-defined]
        original(paginas, escribir, diferidas)  # type: ignore[arg-type]

    monkeypatch.setattr(escritura, "escribir_todas", contando)
    sitios = {}
    for valor in ("true", "false"):
        monkeypatch.setenv("ESCRITURA_ANTICIPADA", valor)
        monkeypatch.setenv("NAVEGACION_GUARDADA", valor)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            build(load_config(str(proyecto / "mkdocs.yml"), site_dir=str(tmp_path / valor)))
        assert not [r for r in caplog.records if "Page skipped" in r.getMessage()]
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
        sitios[valor] = {p.relative_to(tmp_path / valor): p.read_bytes()
                         for p in (tmp_path / valor).rglob("*") if p.is_file()}
    assert len(escritas) == 1 and escritas[0] > paralelo.MINIMO_TAREAS
    # todas las páginas convertidas de antemano esperaron con su HTML comprimido
    assert diferidas_vistas[0] > paralelo.MINIMO_TAREAS
    assert sitios["true"].keys() == sitios["false"].keys()
    assert [r for r in sitios["true"] if sitios["true"][r] != sitios["false"][r]] == []
