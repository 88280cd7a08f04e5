"""Programas del SPEN: datos, validación y páginas de los programas de trabajo del SPEN.

El núcleo (modelo, carga, validación, enlaces, URL, páginas) no importa MkDocs; solo
``programas_spen.plugin`` lo hace, como adaptador.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
