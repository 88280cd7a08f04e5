"""esquema: los esquemas JSON publicados son válidos y cada error de jsonschema se traduce a un
mensaje en español («se encontró …; se esperaba …») que señala la línea y columna del valor, o
de la clave en los campos desconocidos."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, ESQUEMA_INSTITUCIONES, cargar_esquema, validar_arbol
from programas_spen.carga.lector_yaml import leer_texto
from programas_spen.modelo.problemas import Informe, Problema
from tests.conftest import RAIZ
from tests.datos_prueba import PAT, archivos_base, linea_de

BASE = archivos_base()[PAT]


def _validar(texto: str, esquema: str = ESQUEMA_DOCUMENTO) -> tuple[bool, list[Problema]]:
    informe = Informe()
    arbol = leer_texto(texto, "datos/x.yml", informe)
    assert arbol is not None and not informe.problemas
    valido = validar_arbol(arbol, esquema, informe)
    return valido, informe.problemas


def _unico(texto: str) -> Problema:
    valido, problemas = _validar(texto)
    assert not valido
    assert len(problemas) == 1, [str(p) for p in problemas]
    assert problemas[0].nivel == "error" and problemas[0].archivo == "datos/x.yml"
    return problemas[0]


@pytest.mark.parametrize("nombre", [ESQUEMA_DOCUMENTO, ESQUEMA_INSTITUCIONES])
def test_esquemas_publicados_son_validos(nombre: str) -> None:
    esquema = cargar_esquema(nombre)
    Draft202012Validator.check_schema(esquema)
    en_disco = RAIZ / "plugins" / "programas_spen" / "carga" / "esquema" / nombre
    assert esquema == json.loads(en_disco.read_text(encoding="utf-8"))


def test_documento_valido() -> None:
    assert _validar(BASE) == (True, [])


def test_catalogo_valido() -> None:
    assert _validar(archivos_base()["instituciones.yml"], ESQUEMA_INSTITUCIONES) == (True, [])


def test_tipo_equivocado() -> None:
    texto = BASE.replace("anio: 2020", 'anio: "dos mil"')
    error = _unico(texto)
    assert (error.linea, error.columna) == (linea_de(texto, "anio:"), 7)
    assert error.mensaje == ("anio: se encontró un texto («dos mil»); se esperaba un número "
                             "entero")


def test_campo_desconocido_senala_la_clave() -> None:
    texto = BASE.replace("anio: 2020\n", "anio: 2020\ncolor: rojo\n")
    error = _unico(texto)
    assert (error.linea, error.columna) == (linea_de(texto, "color: rojo"), 1)
    assert "campo desconocido «color»" in error.mensaje
    assert "se esperaba uno de:" in error.mensaje and "titulo_corto" in error.mensaje


def test_campo_desconocido_anidado() -> None:
    texto = BASE.replace("        texto: Segunda actividad de ingreso.\n",
                         "        texto: Segunda actividad de ingreso.\n        mes: enero\n")
    error = _unico(texto)
    assert (error.linea, error.columna) == (linea_de(texto, "mes: enero"), 9)
    assert error.mensaje.startswith("mecanismos[1].actividades[2]: campo desconocido «mes»")


def test_falta_campo_obligatorio() -> None:
    texto = BASE.replace("titulo_corto: PAT de prueba 2020\n", "")
    error = _unico(texto)
    assert error.linea == 1
    assert error.mensaje.startswith("la raíz del documento: falta el campo obligatorio "
                                    "«titulo_corto»")
    assert "se esperaba" in error.mensaje


def test_falta_campo_obligatorio_anidado_senala_el_registro() -> None:
    texto = BASE.replace("      - id: ingreso-02\n        texto: Segunda actividad de ingreso.\n",
                         "      - id: ingreso-02\n")
    error = _unico(texto)
    assert error.linea == linea_de(texto, "- id: ingreso-02")
    assert "mecanismos[1].actividades[2]: falta el campo obligatorio «texto»" in error.mensaje


def test_valor_de_enumeracion() -> None:
    texto = BASE.replace("tipo: programa_anual_trabajo", "tipo: programa")
    error = _unico(texto)
    assert error.linea == linea_de(texto, "tipo: programa")
    assert error.mensaje == ("tipo: valor «programa» no admitido; se esperaba uno de: "
                             "programa_anual_trabajo, programa_anual_comision, "
                             "informe_seguimiento, plan_trabajo")


def test_id_con_mayusculas() -> None:
    texto = BASE.replace("id: pat-2020", "id: Pat-2020")
    error = _unico(texto)
    assert (error.linea, error.columna) == (linea_de(texto, "id: Pat-2020"), 5)
    assert error.mensaje == ("id: «Pat-2020» no tiene la forma esperada; se esperaba un "
                             "identificador en minúsculas, dígitos y guiones (p. ej. tema-01)")


def test_mes_imposible() -> None:
    texto = BASE.replace("meses: [2020-01, 2020-02]", "meses: [2020-01, 2020-13]")
    error = _unico(texto)
    assert error.linea == linea_de(texto, "2020-13")
    assert error.columna == linea_de_columna(texto, "2020-13")
    assert error.mensaje == ("mecanismos[1].actividades[1].calendario.meses[2]: «2020-13»: el "
                             "mes 13 no existe; se esperaba un mes de 01 a 12 (Mes como AAAA-MM)")


def linea_de_columna(texto: str, fragmento: str) -> int:
    inicio = texto.index(fragmento)
    return inicio - texto.rfind("\n", 0, inicio)


def test_fecha_y_numero_de_acuerdo_mal_escritos() -> None:
    texto = (BASE.replace("fecha: '2020-01-16'\n    sesion", "fecha: '16/01/2020'\n    sesion")
             .replace("aprobado_por: INE/JGE06/2020", "aprobado_por: ine/jge06/2020"))
    valido, problemas = _validar(texto)
    assert not valido
    mensajes = [p.mensaje for p in problemas]
    assert any("«ine/jge06/2020» no tiene la forma esperada: va en mayúsculas "
               "(«INE/JGE06/2020»); se esperaba el número oficial del acuerdo" in m for m in mensajes)
    assert any("«16/01/2020» no tiene la forma esperada; se esperaba Fecha como AAAA-MM-DD" in m
               for m in mensajes)


@pytest.mark.parametrize(("viejo", "nuevo", "fragmento"), [
    ("titulo_corto: PAT de prueba 2020", "titulo_corto: ''", "el texto está vacío"),
    ("anio: 2020", "anio: 1900", "1900 es menor que 1990, el mínimo"),
    ("anio: 2020", "anio: 2200", "2200 es mayor que 2100, el máximo"),
    ("meses: [2020-01, 2020-02]", "meses: [2020-01, 2020-01]", "elementos repetidos"),
    ("meses: [2020-01, 2020-02]", "meses: []", "se esperaban al menos 1"),
    ("estado: no_dado\n", "estado: no_dado\n          meses: [2020-03]\n",
     "el campo «meses» no se admite con este estado («no_dado»)"),
    ("estado: meses\n          meses: [2020-01, 2020-02]\n", "estado: meses\n",
     "falta el campo obligatorio «meses»"),
    ("estado: no_dado\n", "estado: adivinado\n", "valor «adivinado» no admitido"),
    ("    fuente:\n      seccion: Ejes\n", "    fuente: {}\n", "el objeto está vacío"),
    ("actividades_publicadas: 2", "actividades_publicadas: -1", "es menor que 0"),
])
def test_restricciones(viejo: str, nuevo: str, fragmento: str) -> None:
    assert BASE.count(viejo) == 1
    error = _unico(BASE.replace(viejo, nuevo))
    assert fragmento in error.mensaje
    assert "se esperaba" in error.mensaje


def test_lista_de_actividades_vacia() -> None:
    inicio = BASE.index("    actividades:\n")
    fin = BASE.index("    fuente:\n      seccion: Anexo")
    error = _unico(BASE[:inicio] + "    actividades: []\n" + BASE[fin:])
    assert error.mensaje == ("mecanismos[1].actividades: la lista tiene 0 elemento(s); se "
                             "esperaban al menos 1")


def test_varios_errores_del_mismo_archivo_en_orden_de_linea() -> None:
    texto = (BASE.replace("anio: 2020", "anio: dos mil")
             .replace("id: eje-1", "id: Eje-1")
             .replace("estado: no_dado\n", "estado: nunca\n"))
    valido, problemas = _validar(texto)
    assert not valido
    assert [p.linea for p in problemas] == sorted([
        linea_de(texto, "anio: dos mil"), linea_de(texto, "id: Eje-1"),
        linea_de(texto, "estado: nunca")])
    assert all("se esperaba" in p.mensaje for p in problemas)


def test_catalogo_sin_areas_y_tipo_desconocido() -> None:
    texto = archivos_base()["instituciones.yml"]
    texto = texto[: texto.index("areas:")].replace("tipo: junta", "tipo: tribunal")
    valido, problemas = _validar(texto, ESQUEMA_INSTITUCIONES)
    assert not valido
    mensajes = sorted(p.mensaje for p in problemas)
    assert any("falta el campo obligatorio «areas»" in m for m in mensajes)
    assert any(m.startswith("organos[2].tipo: valor «tribunal» no admitido") for m in mensajes)


def test_raiz_que_no_es_objeto() -> None:
    error = _unico("- uno\n- dos\n")
    assert error.mensaje.startswith("la raíz del documento: se encontró una lista")
    assert "se esperaba un objeto (clave: valor)" in error.mensaje


def test_salto_de_linea_final_no_pasa_por_la_forma() -> None:
    # un bloque de YAML («|») deja un salto de línea al final: ni el id ni el número de acuerdo
    # lo admiten (los dos validadores, el rápido y el de los mensajes, lo rechazan igual)
    texto = BASE.replace("aprobado_por: INE/JGE06/2020\n", "aprobado_por: |\n  INE/JGE06/2020\n")
    error = _unico(texto)
    assert error.linea == linea_de(texto, "aprobado_por: |")
    assert error.mensaje.startswith("aprobado_por: «INE/JGE06/2020\\n» no tiene la forma esperada")


def test_numeros_de_acuerdo_de_cada_institucion() -> None:
    for numero in ("INE/JGE06/2020", "IEEM/CSSPEN/01/2025", "IEEQ/CG/A/012/24", "IEPC/CG28/2021",
                   "IECM/ACU-CG-001/2021"):
        valido, problemas = _validar(BASE.replace("aprobado_por: INE/JGE06/2020",
                                                  f"aprobado_por: {numero}"))
        assert valido and problemas == [], numero
    for numero in ("INE/JGE06", "INE-JGE06-2020", "INE/JGE06/20201", "INE//2020", "INE/JGE 06/2020"):
        valido, problemas = _validar(BASE.replace("aprobado_por: INE/JGE06/2020",
                                                  f"aprobado_por: '{numero}'"))
        assert not valido and "no tiene la forma esperada" in problemas[0].mensaje, numero


def test_fuente_de_un_documento_nacido_digital() -> None:
    fuente = "fuente:\n  archivo: pat.txt\n"
    assert fuente in BASE
    digital = BASE.replace(fuente, "fuente:\n  digital: true\n  url: https://ine.example/pat.pdf\n")
    assert _validar(digital) == (True, [])
    # sin digital, archivo es obligatorio; con digital, url
    sin_archivo = BASE.replace(fuente, "fuente:\n")
    assert "falta el campo obligatorio «archivo»" in _unico(sin_archivo).mensaje
    sin_url = BASE.replace(fuente, "fuente:\n  digital: true\n")
    assert "falta el campo obligatorio «url»" in _unico(sin_url).mensaje
