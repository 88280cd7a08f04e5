"""La hoja de cálculo de un documento (XLSX, ida y vuelta) y la forma canónica de los YAML.

``disposicion`` deduce del esquema publicado las hojas y columnas; ``exportar`` escribe un
documento en un libro XLSX; ``importar`` lo lee de vuelta (con cada problema señalado por hoja y
celda, todos a la vez); ``canonico`` escribe el YAML en una sola forma (la de ``formatear``).
No importa mkdocs ni markdown: es parte del núcleo.
"""
