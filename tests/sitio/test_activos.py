"""Archivos estáticos (``programas_spen.activos``): Plotly servido por el propio sitio y los
scripts de mejora progresiva; ninguno apunta a otro servidor."""

from __future__ import annotations

import re

from programas_spen.sitio import urls
from programas_spen.sitio.activos import activos, plotly_js


def test_activos_propios() -> None:
    archivos = dict(activos())
    assert set(archivos) == {urls.ACTIVO_PLOTLY, urls.ACTIVO_GRAFICAS, urls.ACTIVO_FILTROS,
                             urls.ACTIVO_BUSCAR, urls.ACTIVO_COPIAR,
                             urls.ACTIVO_AGENDA, urls.ACTIVO_DIRECCIONES}
    assert archivos[urls.ACTIVO_PLOTLY] == plotly_js()
    assert len(plotly_js()) > 1_000_000
    for ruta in (urls.ACTIVO_GRAFICAS, urls.ACTIVO_FILTROS, urls.ACTIVO_BUSCAR, urls.ACTIVO_COPIAR,
                 urls.ACTIVO_AGENDA, urls.ACTIVO_DIRECCIONES):
        texto = archivos[ruta].decode("utf-8")
        assert not re.search(r"https?://", texto), ruta


def test_graficas_sigue_el_esquema_de_color() -> None:
    texto = dict(activos())[urls.ACTIVO_GRAFICAS].decode("utf-8")
    assert "data-md-color-scheme" in texto and "--md-default-fg-color" in texto


def test_buscar_solo_pide_los_indices_del_sitio() -> None:
    """El script de la búsqueda carga Pagefind de la carpeta de índices del propio sitio
    (relativa a la página), nunca de otro servidor."""
    texto = dict(activos())[urls.ACTIVO_BUSCAR].decode("utf-8")
    assert "indices.json" in texto and "pagefind.js" in texto and "mergeIndex" in texto
    assert "data-buscador" in texto
