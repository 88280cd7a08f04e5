"""busqueda."""
