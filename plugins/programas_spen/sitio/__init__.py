"""sitio."""
