"""Archivos estáticos que el sitio sirve desde sí mismo: Plotly (solo lo cargan las páginas con
gráficas) los pequeños scripts de mejora progresiva y el de la página de búsqueda. Nada se pide a otro servidor."""

from __future__ import annotations

from importlib import resources

from programas_spen.sitio import urls


def plotly_js() -> bytes:
    """El paquete de Plotly.js que trae la biblioteca ``plotly`` de Python."""
    return resources.files("plotly").joinpath("package_data", "plotly.min.js").read_bytes()


def activos() -> list[tuple[str, bytes]]:
    """(ruta, contenido) de cada archivo estático generado."""
    propios = resources.files(__package__).joinpath("activos")
    return [
        (urls.ACTIVO_PLOTLY, plotly_js()),
        (urls.ACTIVO_GRAFICAS, propios.joinpath("graficas.js").read_bytes()),
        (urls.ACTIVO_FILTROS, propios.joinpath("filtros.js").read_bytes()),
        (urls.ACTIVO_BUSCAR, propios.joinpath("buscar.js").read_bytes()),
        (urls.ACTIVO_DIRECCIONES, propios.joinpath("direcciones.js").read_bytes()),
        (urls.ACTIVO_COPIAR, propios.joinpath("copiar.js").read_bytes()),
        (urls.ACTIVO_AGENDA, propios.joinpath("agenda.js").read_bytes()),
    ]
