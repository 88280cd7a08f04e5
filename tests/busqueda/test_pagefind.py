"""Índice de búsqueda (``busqueda.pagefind``): grupos por institución, Pagefind real sobre
un sitio pequeño, solo el artículo, caché por huella (que se poda de lo que no se usó), mismo
resultado para la misma entrada y errores claros sin índices a medias."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from programas_spen.busqueda import pagefind as buscador


def _pagina(titulo: str, texto: str, ancla: str = "") -> str:
    apartado = (f'<h2 id="{ancla}">Apartado {ancla}<a class="headerlink" href="#{ancla}">#</a></h2>'
                f"<p>Detalle de {ancla}.</p>" if ancla else "")
    return (f'<!doctype html><html lang="es"><head><title>{titulo}</title></head><body>'
            f'<header>Cabecera del sitio con menú</header><nav>Navegación lateral</nav>'
            f'<article class="md-content__inner"><h1>{titulo}</h1><p>{texto}</p>{apartado}'
            f'<p data-search-exclude>Texto fuera de la búsqueda</p></article>'
            f"<footer>Pie de página</footer></body></html>")


def _sitio(raiz: Path, paginas: dict[str, str]) -> Path:
    for ruta, html in paginas.items():
        destino = raiz / ruta
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_text(html, encoding="utf-8")
    return raiz


PAGINAS = {
    "index.html": _pagina("Inicio", "Programas del Servicio Profesional Electoral Nacional."),
    "documentos/ine-pat/index.html": _pagina("PAT del INE", "Evaluación del desempeño anual.",
                                             "evaluacion-desempeno"),
    "documentos/ieeq-programa/index.html": _pagina("Programa del IEEQ", "Evaluaciones y ingreso."),
    "sesiones/cspen-2024-03-13/index.html": _pagina("Sesión de la CSPEN", "Orden del día."),
}
INSTITUCIONES = {"index.html": None, "documentos/ine-pat/index.html": "ine",
                 "documentos/ieeq-programa/index.html": "ieeq",
                 "sesiones/cspen-2024-03-13/index.html": "ine"}


def _grupos() -> list[buscador.Grupo]:
    return buscador.agrupar(INSTITUCIONES.items(), {"ine": "INE", "ieeq": "IEEQ"})


def _archivos(carpeta: Path) -> dict[str, bytes]:
    return {str(p.relative_to(carpeta)): p.read_bytes() for p in sorted(carpeta.rglob("*")) if p.is_file()}


def test_agrupar_comun_primero_y_por_institucion() -> None:
    grupos = _grupos()
    assert [g.nombre for g in grupos] == ["comun", "ieeq", "ine"]
    assert [g.etiqueta for g in grupos] == ["", "IEEQ", "INE"]
    assert grupos[2].rutas == ("documentos/ine-pat/index.html", "sesiones/cspen-2024-03-13/index.html")


def test_agrupar_sin_paginas_comunes_igual_empieza_por_el_comun() -> None:
    grupos = buscador.agrupar([("a/index.html", "ine")], {})
    assert [g.nombre for g in grupos] == ["ine"]  # sin común…
    with pytest.raises(buscador.ErrorBuscador, match="común"):
        buscador.indexar(Path("/no-existe"), grupos)  # …no se indexa


def test_agrupar_rechaza_nombres_que_no_sirven_de_carpeta() -> None:
    with pytest.raises(buscador.ErrorBuscador, match="no válido"):
        buscador.agrupar([("a/index.html", "../fuera")], {})


def test_indices_json_ordenado() -> None:
    datos = json.loads(buscador.indices_json(_grupos()))
    assert datos == {"indices": [{"carpeta": "comun/", "institucion": ""},
                                 {"carpeta": "ieeq/", "institucion": "IEEQ"},
                                 {"carpeta": "ine/", "institucion": "INE"}]}


def test_indexa_cada_grupo_solo_con_el_articulo(tmp_path: Path) -> None:
    sitio = _sitio(tmp_path / "sitio", PAGINAS)
    resultado = buscador.indexar(sitio, _grupos())
    assert resultado.hechos == ["comun", "ieeq", "ine"] and resultado.copiados == []
    assert resultado.paginas == 4
    carpeta = sitio / "pagefind"
    assert {p.name for p in carpeta.iterdir()} == {"comun", "ieeq", "ine", "indices.json"}
    for grupo in ("comun", "ieeq", "ine"):
        nombres = {p.name for p in (carpeta / grupo).iterdir()}
        assert {"pagefind-entry.json", "fragment", "index"} <= nombres
        assert not nombres & set(buscador.SIN_USO)  # las interfaces que el sitio no usa
        # el motor, solo en el común: con él se abren los demás
        assert (set(buscador.MOTOR) <= nombres) == (grupo == "comun")
        assert not (set(buscador.MOTOR) & nombres) or grupo == "comun"
    fragmentos = buscador.fragmentos(sitio)
    assert {g: [f["url"] for f in lista] for g, lista in fragmentos.items()} == {
        "comun": ["/"], "ieeq": ["/documentos/ieeq-programa/"],
        "ine": ["/documentos/ine-pat/", "/sesiones/cspen-2024-03-13/"]}
    pat = fragmentos["ine"][0]
    assert pat["meta"]["title"] == "PAT del INE"
    assert "Evaluación del desempeño anual" in pat["content"]
    for fuera in ("Cabecera", "Navegación", "Pie de página", "fuera de la búsqueda", "#"):
        assert fuera not in pat["content"], fuera
    assert [a["id"] for a in pat["anchors"]] == ["evaluacion-desempeno"]
    # el enlace temporal de las páginas no queda en el sitio
    assert not [p for p in carpeta.iterdir() if p.name.startswith("busqueda-")]


def test_mismo_indice_para_las_mismas_paginas(tmp_path: Path) -> None:
    uno = _sitio(tmp_path / "uno", PAGINAS)
    otro = _sitio(tmp_path / "otro", PAGINAS)
    buscador.indexar(uno, _grupos(), procesos=1)
    buscador.indexar(otro, _grupos(), procesos=2)
    assert _archivos(uno / "pagefind") == _archivos(otro / "pagefind")


def test_cache_rehace_solo_el_grupo_que_cambio(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    sitio = _sitio(tmp_path / "sitio", PAGINAS)
    primero = buscador.indexar(sitio, _grupos(), cache=cache)
    assert primero.hechos == ["comun", "ieeq", "ine"]
    antes = _archivos(sitio / "pagefind")
    segundo = buscador.indexar(sitio, _grupos(), cache=cache)
    assert segundo.hechos == [] and segundo.copiados == ["comun", "ieeq", "ine"]
    assert _archivos(sitio / "pagefind") == antes
    (sitio / "documentos/ieeq-programa/index.html").write_text(
        _pagina("Programa del IEEQ", "Evaluaciones, ingreso y rotación."), encoding="utf-8")
    tercero = buscador.indexar(sitio, _grupos(), cache=cache)
    assert tercero.hechos == ["ieeq"] and tercero.copiados == ["comun", "ine"]
    despues = _archivos(sitio / "pagefind")
    assert {k for k in despues if not k.startswith("ieeq/")} == {k for k in antes if not k.startswith("ieeq/")}
    assert "rotación" in buscador.fragmentos(sitio)["ieeq"][0]["content"]
    # la caché queda con los índices que usó esta construcción: el viejo del IEEQ se podó
    guardados = [p for p in (cache / "busqueda").glob("*/*") if not p.name.startswith(".")]
    assert len(guardados) == 3 and all(p.is_dir() for p in guardados)



def test_otra_version_de_pagefind_no_usa_la_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    sitio = _sitio(tmp_path / "sitio", PAGINAS)
    buscador.indexar(sitio, _grupos(), cache=cache)
    real = buscador.version
    monkeypatch.setattr(buscador, "version", lambda binario: real(binario) + " (otra)")
    otra = buscador.indexar(sitio, _grupos(), cache=cache)
    assert otra.hechos == ["comun", "ieeq", "ine"] and otra.copiados == []


def test_sin_pagefind_error_claro_y_nada_a_medias(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sitio = _sitio(tmp_path / "sitio", PAGINAS)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-existe" / "pagefind"))
    with pytest.raises(buscador.ErrorBuscador, match="no se pudo ejecutar Pagefind"):
        buscador.indexar(sitio, _grupos())
    assert not (sitio / "pagefind").exists()


def test_si_pagefind_falla_no_quedan_indices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Un binario que responde a ``--version`` pero falla al indexar: error con su salida, y
    ningún índice en el sitio."""
    falso = tmp_path / "pagefind"
    falso.write_text('#!/bin/sh\nif [ "$1" = "--version" ]; then echo "pagefind 0"; exit 0; fi\n'
                     'echo "algo salió mal" >&2; exit 3\n', encoding="utf-8")
    falso.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(falso))
    sitio = _sitio(tmp_path / "sitio", PAGINAS)
    with pytest.raises(buscador.ErrorBuscador, match=r"código 3\): algo salió mal"):
        buscador.indexar(sitio, _grupos())
    assert not (sitio / "pagefind").exists()


def test_pagina_que_falta_error_claro(tmp_path: Path) -> None:
    """Una página de un grupo que no está en el sitio escrito: error con su ruta, con y sin
    caché, y ningún índice a medias."""
    sitio = _sitio(tmp_path / "sitio", PAGINAS)
    grupos = buscador.agrupar([*INSTITUCIONES.items(), ("documentos/no-existe/index.html", "ine")], {})
    with pytest.raises(buscador.ErrorBuscador, match="falta la página «documentos/no-existe/index.html»"):
        buscador.indexar(sitio, grupos)
    assert not (sitio / "pagefind").exists()
    with pytest.raises(buscador.ErrorBuscador, match="no se pudo leer la página «documentos/no-existe"):
        buscador.indexar(sitio, grupos, cache=tmp_path / "cache")
    assert not (sitio / "pagefind").exists()
