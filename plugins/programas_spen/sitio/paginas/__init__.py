"""Constructores de páginas: funciones puras modelo + grafo → descripción de la página
(``sitio.secciones.Pagina``). Ningún constructor lee archivos ni escribe marcado: reciben todo
ya cargado y enlazado, y las plantillas (``sitio.render``) escriben el HTML."""
