"""La barra de navegación guardada: se dibuja una vez por clave con la plantilla de siempre
(también desde un ``include``), se dibuja siempre cuando la clave es ``None``, y la clave del
adaptador separa las páginas de la navegación y las que la ven con otros enlaces."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from programas_spen.mkdocs.navegacion import PLANTILLA_NAVEGACION, NavegacionGuardada


def _entorno(dibujadas: list[str]) -> jinja2.Environment:
    entorno = jinja2.Environment(loader=jinja2.DictLoader({
        PLANTILLA_NAVEGACION: "<nav>{{ anotar(pagina) }}{{ base }}</nav>",
        "base.html": "<body>{% include 'partials/nav.html' %}<main>{{ pagina }}</main></body>",
    }))

    def anotar(pagina: str) -> str:
        dibujadas.append(pagina)
        return "barra"

    entorno.globals["anotar"] = anotar
    return entorno


def test_una_vez_por_clave_y_siempre_sin_clave() -> None:
    dibujadas: list[str] = []
    entorno = _entorno(dibujadas)
    guardada = NavegacionGuardada(lambda contexto: None if contexto["pagina"] == "en-nav"
                                  else contexto["base"])
    assert guardada.envolver(entorno)
    base = entorno.get_template("base.html")
    salidas = [base.render(pagina=pagina, base=nivel) for pagina, nivel in (
        ("a", "../"), ("b", "../"), ("c", "../../"), ("en-nav", "../"), ("en-nav", "../"), ("d", "../../"))]
    assert salidas[1] == "<body><nav>barra../</nav><main>b</main></body>"
    assert salidas[5] == "<body><nav>barra../../</nav><main>d</main></body>"
    assert dibujadas == ["a", "c", "en-nav", "en-nav"]  # b y d reusaron la de su clave
    assert guardada.reusadas == 2
    sin_guardar = _entorno([]).get_template("base.html")
    assert salidas == [sin_guardar.render(pagina=p, base=n) for p, n in (
        ("a", "../"), ("b", "../"), ("c", "../../"), ("en-nav", "../"), ("en-nav", "../"), ("d", "../../"))]


def test_tema_sin_la_plantilla() -> None:
    entorno = jinja2.Environment(loader=jinja2.DictLoader({}))
    assert not NavegacionGuardada(lambda contexto: 1).envolver(entorno)


def test_clave_del_adaptador(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    from programas_spen.mkdocs.plugin import _clave_de_navegacion

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Prueba\ndocs_dir: docs\nnav:\n  - Inicio: index.md\n  - Documentos: documentos/index.md\n"
        "  - Más:\n      - Uno: mas/uno.md\n      - Fuera: https://ejemplo.org/\n"
        "extra:\n  homepage: portada/\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "prueba"  # lo pone MkDocs al llamar a un gancho
    rutas = ["index.md", "documentos/index.md", "mas/uno.md", "documentos/a/index.md",
             "documentos/b/index.md", "documentos/a/calendario.md", "acuerdos/x/index.md"]
    files = Files([File.generated(config, ruta, content="# T\n") for ruta in rutas])
    nav = get_navigation(files, config)
    entorno = config.theme.get_env()
    clave = _clave_de_navegacion(nav, config)

    def con(ruta: str) -> Any:
        archivo = files.get_file_from_path(ruta)
        pagina = archivo.page if archivo.page is not None else Page(None, archivo, config)
        return clave(entorno.from_string("").new_context({"page": pagina, "base_url": "x"}))

    assert con("index.md") is None and con("mas/uno.md") is None  # en la navegación
    assert con("documentos/a/index.md") == con("documentos/b/index.md")
    a, calendario, acuerdo = con("documentos/a/index.md"), con("documentos/a/calendario.md"), con("acuerdos/x/index.md")
    assert len({a, calendario, acuerdo}) == 3
    assert a[1][:2] == ("../..", "../")  # inicio y documentos/, escritos desde documentos/a/
    assert "https://ejemplo.org/" in a[1]
    assert a[1][-1] == "../../portada/"  # ``extra.homepage``, que también escribe la barra


@pytest.mark.sitio
def test_se_reusa_en_el_sitio_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """En el sitio real, la mayoría de las páginas reusan una barra ya dibujada (que el sitio
    sea el mismo byte a byte lo comprueba ``test_escritura``)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from programas_spen.mkdocs import plugin
    from tests.conftest import copiar_proyecto

    proyecto = copiar_proyecto(tmp_path / "proyecto")
    monkeypatch.setenv("ANEXOS_PDF", "false")
    monkeypatch.setenv("PROGRAMAS_SPEN_CACHE", "")
    monkeypatch.setenv("ESCRITURA_ANTICIPADA", "false")  # todo en este proceso, para contarlo
    instancias: list[NavegacionGuardada] = []

    class Contando(NavegacionGuardada):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            instancias.append(self)

    monkeypatch.setattr(plugin, "NavegacionGuardada", Contando)
    build(load_config(str(proyecto / "mkdocs.yml"), site_dir=str(tmp_path / "sitio")))
    paginas = len(list((tmp_path / "sitio").rglob("*.html")))
    assert len(instancias) == 1
    assert instancias[0].reusadas > paginas // 2
    assert len(instancias[0].guardadas) < paginas // 4
