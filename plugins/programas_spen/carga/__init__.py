"""carga."""
