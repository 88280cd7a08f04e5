"""``nuevo``: el esqueleto de un documento nuevo y las entradas del catálogo que le falten."""
