"""catalogo.py: qué falta en datos/instituciones.yml, la entrada exacta que hay que agregar y
cómo se agrega sin tocar el resto del archivo."""

from __future__ import annotations

import difflib
from pathlib import Path

from programas_spen.carga.lector_yaml import leer_texto
from programas_spen.carga.validacion import cargar_datos
from programas_spen.modelo.problemas import Informe
from programas_spen.nuevo.catalogo import Falta, agregar, entrada_de_ejemplo, faltantes, pedir_entrada
from tests.datos_prueba import CATALOGO, archivos_base, escribir


def _catalogo(datos: Path) -> dict:
    arbol = leer_texto((datos / CATALOGO).read_text(encoding="utf-8"), "x", Informe())
    assert arbol is not None
    return arbol.datos


def test_faltantes(tmp_path: Path) -> None:
    catalogo = _catalogo(escribir(tmp_path, archivos_base()))
    assert faltantes(catalogo, "ine", "cspen", ["dp"]) == []
    assert faltantes(catalogo, "ieem", "ieem-cg", ["dp", "ieem-dj"]) == [
        Falta("instituciones", "ieem", "ieem"), Falta("organos", "ieem-cg", "ieem"),
        Falta("areas", "ieem-dj", "ieem")]


def test_entrada_de_ejemplo_con_los_campos_del_esquema() -> None:
    texto = entrada_de_ejemplo(Falta("organos", "ieem-cg", "ieem"))
    lineas = texto.splitlines()
    assert lineas[0] == "  - id: ieem-cg"
    assert "    institucion: ieem" in lineas
    assert any(linea.startswith("    tipo:   # obligatorio; uno de: consejo, junta") for linea in lineas)
    assert any(linea.startswith("    siglas:   # opcional") for linea in lineas)


def test_agregar_preguntando_deja_un_catalogo_valido(tmp_path: Path) -> None:
    datos = escribir(tmp_path, archivos_base())
    ruta = datos / CATALOGO
    antes = ruta.read_text(encoding="utf-8")
    respuestas = iter(["Instituto Electoral del Estado de México", "IEEM", "otro", "ople", "México", "",
                       "", "Consejo General", "CG", "consejo", "", ""])
    preguntas: list[str] = []

    def preguntar(texto: str) -> str:
        preguntas.append(texto)
        return next(respuestas)

    agregar(ruta, "instituciones", pedir_entrada(Falta("instituciones", "ieem", "ieem"), preguntar))
    agregar(ruta, "organos", pedir_entrada(Falta("organos", "ieem-cg", "ieem"), preguntar))
    despues = ruta.read_text(encoding="utf-8")
    # lo de antes sigue igual, línea por línea; solo se añadieron las entradas
    cambios = difflib.SequenceMatcher(a=antes.splitlines(), b=despues.splitlines()).get_opcodes()
    assert {op for op, *_ in cambios} == {"equal", "insert"}
    catalogo = _catalogo(datos)
    assert catalogo["instituciones"][-1] == {"id": "ieem", "nombre": "Instituto Electoral del Estado de "
                                             "México", "siglas": "IEEM", "tipo": "ople", "entidad": "México"}
    assert catalogo["organos"][-1] == {"id": "ieem-cg", "nombre": "Consejo General", "siglas": "CG",
                                       "institucion": "ieem", "tipo": "consejo"}
    assert cargar_datos(datos).informe.errores == []
    # «otro» no es un tipo: se volvió a preguntar
    assert sum(p.startswith("  tipo") for p in preguntas) == 3


def test_agregar_a_una_lista_que_no_esta(tmp_path: Path) -> None:
    ruta = tmp_path / "instituciones.yml"
    ruta.write_text("# catálogo\ninstituciones:\n  - id: ine\n    nombre: INE\n    siglas: INE\n    tipo: ine\n"
                    "organos: []\n", encoding="utf-8")
    agregar(ruta, "organos", {"id": "cg", "nombre": "Consejo General", "institucion": "ine", "tipo": "consejo"})
    agregar(ruta, "areas", {"id": "dj", "nombre": "Dirección Jurídica", "institucion": "ine"})
    datos = leer_texto(ruta.read_text(encoding="utf-8"), "x", Informe())
    assert datos is not None
    assert datos.datos["organos"] == [{"id": "cg", "nombre": "Consejo General", "institucion": "ine",
                                       "tipo": "consejo"}]
    assert [a["id"] for a in datos.datos["areas"]] == ["dj"]
    assert ruta.read_text(encoding="utf-8").startswith("# catálogo\n")
