"""Datos abiertos: las tablas ordenadas del modelo validado y todo lo que se publica con ellas.

- ``esquema_tabla``: cómo se describe una tabla (columnas tipadas, clave primaria, claves
  foráneas) y su Table Schema de Frictionless.
- ``tablas``: una tabla por clase de registro, del modelo ya validado.
- ``integridad``: cada fila contra el esquema de su tabla (un error detiene la construcción).
- ``hojas_csv``, ``libro_xlsx``, ``json_datos``, ``paquete``, ``diccionario``, ``dcat``,
  ``zip_descargas``: los archivos que se publican.
- ``atom``: los feeds de novedades; ``jsonld``: los datos estructurados de las páginas.
- ``publicar``: todos los archivos, con su tamaño y su SHA-256; ``paginas``: las páginas
  «Datos abiertos» y «Diccionario de datos» y el apartado de descargas de cada documento.

Todo es función pura de los datos (y de la URL pública del sitio): los mismos datos dan los
mismos bytes, sin leer el reloj.
"""
