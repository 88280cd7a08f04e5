"""Pruebas de Programas del SPEN."""
