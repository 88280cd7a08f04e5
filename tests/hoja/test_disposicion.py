"""disposicion.py: las hojas salen del esquema: una por cada lista de registros, con cada
campo del esquema en una columna, y las hijas después de su padre."""

from __future__ import annotations

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, cargar_esquema
from programas_spen.hoja.disposicion import COLUMNA_PADRE, hojas_del_documento


def test_una_hoja_por_lista_de_registros() -> None:
    esquema = cargar_esquema(ESQUEMA_DOCUMENTO)
    hojas = {h.ruta: h for h in hojas_del_documento()}
    listas = [c for c, p in esquema["properties"].items() if p.get("type") == "array"]
    assert all((c,) in hojas for c in listas)
    assert hojas[("mecanismos", "actividades")].nombre == "Actividades"
    assert len({h.nombre for h in hojas.values()}) == len(hojas)
    assert all(len(h.nombre) <= 31 for h in hojas.values())


def test_hijas_despues_del_padre_y_con_su_columna() -> None:
    vistas: set[str] = set()
    for hoja in hojas_del_documento():
        if hoja.padre is not None:
            assert hoja.padre.nombre in vistas
            if hoja.padre.ruta:
                assert hoja.columnas[0].nombre == COLUMNA_PADRE
                assert hoja.padre.clave in ("id", "numero")
        vistas.add(hoja.nombre)


def test_columnas_de_un_registro() -> None:
    temas = next(h for h in hojas_del_documento() if h.nombre == "Temas")
    por_nombre = {c.nombre: c for c in temas.columnas}
    assert por_nombre["calendario.estado"].opciones == ("meses", "periodo", "permanente", "no_dado")
    assert por_nombre["calendario.meses"].elementos == "mes"
    assert por_nombre["area"].catalogo == "areas"
    assert por_nombre["id"].obligatorio and not por_nombre["area"].obligatorio
