"""bloques: la prosa de cada apartado (``secciones[].bloques``) es texto estructurado — párrafos,
encabezados, listas y tablas —, nunca Markdown. El esquema acepta cada clase de bloque y
rechaza los mal escritos con un mensaje en español que dice archivo, línea y qué se esperaba;
la construcción da los registros de ``modelo.bloques``; la coherencia avisa de filas de tabla
con otro número de celdas; y los documentos reales dicen en su prosa lo mismo que sus
registros."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.carga.bloques import bloque
from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, validar_arbol
from programas_spen.carga.lector_yaml import leer_texto
from programas_spen.carga.validacion import Resultado
from programas_spen.modelo.bloques import Encabezado, Lista, Parrafo, Tabla
from programas_spen.modelo.problemas import Informe, Problema
from programas_spen.modelo.registros import Documento
from tests.datos_prueba import PAT, archivos_base, cambiar, cargar, linea_de, nombre

#: Los bloques del apartado de prueba del PAT (``datos_prueba``): uno de cada clase.
BLOQUES = (
    Parrafo("El Estatuto se aprobó mediante Acuerdo INE/CG909/2015 del Consejo General."),
    Encabezado("Un encabezado del apartado"),
    Parrafo("Un párrafo que anuncia una lista:"),
    Lista(("Primer elemento con viñeta;", "segundo elemento con viñeta.")),
    Encabezado("Un encabezado de segundo nivel", nivel=2),
    Lista(("Primer paso numerado.", "Segundo paso numerado."), numerada=True),
    Tabla(("Columna de prueba", ""), (("Primera fila", "10"), ("Segunda fila", ""))),
)

#: El apartado de prueba entero, para reemplazarlo por otro.
APARTADO = archivos_base()[PAT].split("secciones:\n", 1)[1].split("ejes:\n", 1)[0]
CABEZA = "  - id: introduccion\n    titulo: Introducción 2020\n    bloques:\n"


def _con_bloques(yaml_bloques: str) -> str:
    """El PAT de prueba con un apartado cuyos bloques son ``yaml_bloques``."""
    return cambiar(archivos_base(), PAT, APARTADO, CABEZA + yaml_bloques)[PAT]


def _problemas(texto: str) -> list[Problema]:
    informe = Informe()
    arbol = leer_texto(texto, "datos/x.yml", informe)
    assert arbol is not None and not informe.problemas
    validar_arbol(arbol, ESQUEMA_DOCUMENTO, informe)
    return informe.problemas


# --- Esquema ----------------------------------------------------------------------------------


def test_el_apartado_de_prueba_tiene_cada_clase_de_bloque() -> None:
    assert _problemas(archivos_base()[PAT]) == []
    assert {type(b) for b in BLOQUES} == {Parrafo, Encabezado, Lista, Tabla}


@pytest.mark.parametrize("bloques", [
    "      - parrafo: Un párrafo.\n",
    "      - encabezado: Un encabezado\n",
    "      - encabezado: {texto: Un encabezado, nivel: 4}\n",
    "      - lista: [Uno, Dos]\n",
    "      - lista_numerada:\n          - Uno\n",
    "      - tabla:\n          encabezados: ['']\n          filas:\n            - ['']\n",
    "      - tabla: {encabezados: [A, B], filas: [[a, b], [c]]}\n",  # la coherencia avisa
])
def test_esquema_acepta_cada_clase_de_bloque(bloques: str) -> None:
    assert _problemas(_con_bloques(bloques)) == []


#: (bloques, fragmento cuya línea señala el error, columna, mensaje)
MALOS = [
    ("      - Texto suelto.\n", "- Texto suelto.", 9,
     "secciones[1].bloques[1]: se encontró un texto («Texto suelto.»); se esperaba un objeto "
     "(clave: valor) de una sola clave: encabezado, lista, lista_numerada, parrafo o tabla"),
    ("      -\n", "      -\n", 8,
     "secciones[1].bloques[1]: está vacío; se esperaba un objeto "
     "(clave: valor) de una sola clave: encabezado, lista, lista_numerada, parrafo o tabla"),
    ("      - parafo: Texto.\n", "parafo:", 9,
     "secciones[1].bloques[1]: campo desconocido «parafo»; se esperaba uno de: encabezado, "
     "lista, lista_numerada, parrafo, tabla"),
    ("      - parrafo: Texto.\n        lista: [a]\n", "- parrafo: Texto.", 9,
     "secciones[1].bloques[1]: tiene 2 claves («parrafo», «lista»); se esperaba una sola: "
     "encabezado, lista, lista_numerada, parrafo o tabla"),
    ("      - {}\n", "- {}", 9,
     "secciones[1].bloques[1]: el objeto está vacío; se esperaba una clave: encabezado, lista, "
     "lista_numerada, parrafo o tabla"),
    ("      - parrafo: [a, b]\n", "- parrafo:", 18,
     "secciones[1].bloques[1].parrafo: se encontró una lista («[\"a\", \"b\"]»); se esperaba un "
     "texto"),
    ("      - parrafo: ''\n", "- parrafo:", 18,
     "secciones[1].bloques[1].parrafo: el texto está vacío; se esperaba un texto"),
    ("      - encabezado: [T]\n", "- encabezado:", 21,
     "secciones[1].bloques[1].encabezado: se encontró una lista («[\"T\"]»); se esperaba un "
     "texto o un objeto (clave: valor)"),
    ("      - encabezado: {texto: T}\n", "- encabezado:", 21,
     "secciones[1].bloques[1].encabezado: falta el campo obligatorio «nivel»; se esperaba "
     "encontrarlo en este objeto"),
    ("      - encabezado: {texto: T, nivel: 5}\n", "- encabezado:", 39,
     "secciones[1].bloques[1].encabezado.nivel: 5 es mayor que 4, el máximo; se esperaba un "
     "valor de como mucho 4"),
    ("      - lista: Uno\n", "- lista:", 16,
     "secciones[1].bloques[1].lista: se encontró un texto («Uno»); se esperaba una lista"),
    ("      - lista_numerada: []\n", "- lista_numerada:", 25,
     "secciones[1].bloques[1].lista_numerada: la lista tiene 0 elemento(s); se esperaban al "
     "menos 1"),
    ("      - lista:\n          - Uno\n          - 2\n", "          - 2", 13,
     "secciones[1].bloques[1].lista[2]: se encontró un número entero («2»); se esperaba un texto"),
    ("      - tabla: {encabezados: [A]}\n", "- tabla:", 16,
     "secciones[1].bloques[1].tabla: falta el campo obligatorio «filas»; se esperaba "
     "encontrarlo en este objeto"),
    ("      - tabla: {encabezados: [A], filas: [[a]], titulo: T}\n", "- tabla:", 49,
     "secciones[1].bloques[1].tabla: campo desconocido «titulo»; se esperaba uno de: "
     "encabezados, filas"),
    ("      - tabla:\n          encabezados: [A, B]\n          filas:\n            - [a, 10]\n",
     "- [a, 10]", 19,
     "secciones[1].bloques[1].tabla.filas[1][2]: se encontró un número entero («10»); se "
     "esperaba un texto"),
    ("      - tabla: {encabezados: [A], filas: [a]}\n", "- tabla:", 43,
     "secciones[1].bloques[1].tabla.filas[1]: se encontró un texto («a»); se esperaba una lista"),
]


@pytest.mark.parametrize(("bloques", "fragmento", "columna", "mensaje"), MALOS,
                         ids=[m[3].split(": ", 1)[1][:40] for m in MALOS])
def test_esquema_rechaza_bloque_mal_escrito(bloques: str, fragmento: str, columna: int,
                                            mensaje: str) -> None:
    texto = _con_bloques(bloques)
    [error] = _problemas(texto)
    assert error.nivel == "error" and error.archivo == "datos/x.yml"
    assert error.mensaje == mensaje
    assert (error.linea, error.columna) == (linea_de(texto, fragmento), columna)


def test_todos_los_bloques_mal_escritos_a_la_vez() -> None:
    # cada bloque malo da su propio error, en orden de línea: ninguno tapa a los demás
    texto = _con_bloques("      - parafo: Uno.\n      - parrafo: Dos.\n      - lista: Tres\n"
                         "      - parrafo: ''\n")
    errores = _problemas(texto)
    assert [e.mensaje.split(":")[0] for e in errores] == [
        "secciones[1].bloques[1]", "secciones[1].bloques[3].lista", "secciones[1].bloques[4].parrafo"]
    assert [e.linea for e in errores] == [linea_de(texto, "parafo"), linea_de(texto, "- lista"),
                                          linea_de(texto, "- parrafo: ''")]


def test_el_texto_markdown_de_antes_se_rechaza() -> None:
    texto = archivos_base()[PAT].replace(
        "    bloques:\n" + APARTADO.split("    bloques:\n", 1)[1],
        "    texto: |\n      Un párrafo con **negritas**.\n")
    assert sorted((e.linea, e.mensaje) for e in _problemas(texto)) == [
        (linea_de(texto, "  - id: introduccion"),
         "secciones[1]: falta el campo obligatorio «bloques»; se esperaba encontrarlo en este "
         "objeto"),
        (linea_de(texto, "    texto: |"),
         "secciones[1]: campo desconocido «texto»; se esperaba uno de: bloques, fuente, id, "
         "titulo"),
    ]


def test_apartado_sin_bloques() -> None:
    texto = cambiar(archivos_base(), PAT, APARTADO,
                    "  - id: introduccion\n    titulo: Introducción 2020\n    bloques: []\n")[PAT]
    [error] = _problemas(texto)
    assert error.linea == linea_de(texto, "bloques: []")
    assert error.mensaje == ("secciones[1].bloques: la lista tiene 0 elemento(s); se esperaban "
                             "al menos 1")


# --- Construcción -----------------------------------------------------------------------------


def test_construccion_de_cada_clase(tmp_path: Path) -> None:
    resultado = cargar(tmp_path, archivos_base())
    assert resultado.datos is not None
    pat = next(d for d in resultado.datos.documentos if d.id == "pat-2020")
    [seccion] = pat.secciones
    assert seccion.bloques == BLOQUES
    assert all(type(celda) is str for b in seccion.bloques if isinstance(b, Tabla)
               for fila in b.filas for celda in fila)
    assert isinstance(seccion.bloques[3].elementos, tuple)  # type: ignore[union-attr]
    assert seccion.linea == linea_de(archivos_base()[PAT], "  - id: introduccion")


@pytest.mark.parametrize(("datos", "esperado"), [
    ({"parrafo": "P."}, Parrafo("P.")),
    ({"encabezado": "E"}, Encabezado("E", 1)),
    ({"encabezado": {"texto": "E", "nivel": 3}}, Encabezado("E", 3)),
    ({"lista": ["a", "b"]}, Lista(("a", "b"), numerada=False)),
    ({"lista_numerada": ["a"]}, Lista(("a",), numerada=True)),
    ({"tabla": {"encabezados": ["A", ""], "filas": [["1", "2"]]}}, Tabla(("A", ""), (("1", "2"),))),
])
def test_bloque_desde_el_arbol(datos: dict[str, object], esperado: object) -> None:
    assert bloque(datos) == esperado


# --- Coherencia -------------------------------------------------------------------------------


def test_fila_de_tabla_con_otro_numero_de_celdas(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "            - [Segunda fila, '']\n",
                       "            - [Segunda fila]\n            - [Tercera, fila, '3']\n")
    resultado = cargar(tmp_path, archivos)
    assert resultado.informe.errores == [] and resultado.datos is not None
    avisos = resultado.informe.avisos
    assert [(a.archivo, a.linea) for a in avisos] == [
        (nombre(PAT), linea_de(archivos[PAT], "  - id: introduccion"))] * 2
    assert [a.mensaje for a in avisos] == [
        "el apartado «Introducción 2020»: la fila 2 de su tabla 1 tiene 1 celda(s), pero la "
        "tabla tiene 2 encabezado(s)",
        "el apartado «Introducción 2020»: la fila 3 de su tabla 1 tiene 3 celda(s), pero la "
        "tabla tiene 2 encabezado(s)",
    ]


_CONTEO = ("  - coleccion: actividades\n    valor: 2\n    cita: {cita}\n    fuente:\n"
           "      seccion: {seccion}\n{extra}")


@pytest.mark.parametrize(("cita", "seccion", "extra", "aviso"), [
    # en el párrafo que dice su fuente (se cuentan solo los párrafos)
    ("Acuerdo INE/CG909/2015", "Introducción 2020", "      parrafo: 1\n", None),
    ("Un párrafo que anuncia", "Introducción 2020", "      parrafo: 2\n", None),
    ("Un párrafo que anuncia", "Introducción 2020", "      parrafo: 1\n",
     "la cita «Un párrafo que anuncia» no está en el párrafo 1 del apartado «Introducción 2020»"),
    ("Acuerdo INE/CG909/2015", "Introducción 2020", "      parrafo: 3\n",
     "la cita «Acuerdo INE/CG909/2015» no está en el párrafo 3 del apartado «Introducción 2020»"),
    # sin párrafo: en cualquier bloque del apartado; una fila de tabla, celdas con un espacio
    ("Segundo paso numerado.", "Introducción 2020", "", None),
    ("Primera fila 10", "Introducción 2020", "      fila: 1\n", None),
    ("Tercera fila 10", "Introducción 2020", "      fila: 1\n",
     "la cita «Tercera fila 10» no está en el apartado «Introducción 2020»"),
    # una fuente que no es un apartado del documento no se comprueba aquí
    ("Texto de otra parte", "Considerandos", "      parrafo: 1\n", None),
])
def test_cita_de_un_conteo_en_su_apartado(tmp_path: Path, cita: str, seccion: str, extra: str,
                                          aviso: str | None) -> None:
    archivos = archivos_base()
    archivos[PAT] += _CONTEO.format(cita=cita, seccion=seccion, extra=extra)
    resultado = cargar(tmp_path, archivos)
    assert resultado.informe.errores == []
    avisos = resultado.informe.avisos
    assert [a.mensaje for a in avisos] == ([aviso] if aviso else [])
    if aviso:
        assert avisos[0].linea == linea_de(archivos[PAT], f"cita: {cita}") - 2


def test_cita_de_una_cifra_en_su_apartado(tmp_path: Path) -> None:
    cifra = ("cifras_publicadas:\n  - id: cifra-1\n    indicador: Indicador\n    valor: 10\n"
             "    unidad: numero\n    cita: {}\n    fuente:\n      seccion: Introducción 2020\n")
    archivos = archivos_base()
    archivos[PAT] += cifra.format("Primera fila 10")
    assert cargar(tmp_path / "bien", archivos).informe.problemas == []
    archivos = archivos_base()
    archivos[PAT] += cifra.format("Primera fila 11")
    [aviso] = cargar(tmp_path / "mal", archivos).informe.avisos
    assert aviso.linea == linea_de(archivos[PAT], "- id: cifra-1")
    assert aviso.mensaje == "la cita «Primera fila 11» no está en el apartado «Introducción 2020»"


# --- Datos reales -----------------------------------------------------------------------------


def _documento(resultado: Resultado, ident: str) -> Documento:
    assert resultado.datos is not None
    return next(d for d in resultado.datos.documentos if d.id == ident)


def _tablas(doc: Documento) -> list[Tabla]:
    return [b for s in doc.secciones for b in s.bloques if isinstance(b, Tabla)]


def test_reales_apartados_con_bloques_de_texto(resultado_real: Resultado) -> None:
    """Vale para cualquier documento: cada apartado tiene bloques, todo su texto es texto y
    cada tabla tiene en cada fila tantas celdas como encabezados."""
    assert resultado_real.datos is not None
    for doc in resultado_real.datos.documentos:
        for seccion in doc.secciones:
            assert seccion.bloques, (doc.id, seccion.id)
            assert all(isinstance(t, str) and t for t in seccion.textos()), (doc.id, seccion.id)
        for tabla in _tablas(doc):
            assert all(len(fila) == len(tabla.encabezados) for fila in tabla.filas), doc.id


def test_reales_pat_2020_prosa_y_registros(resultado_real: Resultado) -> None:
    pat = _documento(resultado_real, "ine-pat-spen-2020")
    [sintesis] = _tablas(pat)
    assert sintesis.encabezados == ("Mecanismos/Procesos del SPEN", "Número de Actividades")
    *filas, total = sintesis.filas
    # la tabla de síntesis de la introducción da lo mismo que las tablas de cada mecanismo
    assert filas == [(m.nombre, str(m.actividades_publicadas)) for m in pat.mecanismos]
    assert total == ("Total de Actividades del PAT 2020", "74")
    assert sum(int(n) for _, n in filas) == 74 == len(pat.actividades)
    # los seis ejes rectores, la lista numerada de la introducción
    [ejes] = [b for s in pat.secciones for b in s.bloques if isinstance(b, Lista) and b.numerada]
    assert ejes.elementos == tuple(e.texto for e in pat.ejes)
    [relevantes] = [b for s in pat.secciones for b in s.bloques
                    if isinstance(b, Lista) and not b.numerada]
    assert [e[:3] for e in relevantes.elementos] == ["A. ", "B. ", "C. ", "D. ", "E. ", "F. "]


def test_reales_informe_prosa_y_registros(resultado_real: Resultado) -> None:
    informe = _documento(resultado_real, "ine-informe-compromisos-cspen-2024-06")
    [sesiones] = _tablas(informe)
    assert sesiones.encabezados[-1] == "Compromisos y acuerdos"
    declarados = [s.compromisos_declarados for s in informe.sesiones
                  if s.compromisos_declarados is not None]
    assert [int(fila[-1]) for fila in sesiones.filas] == declarados == [1, 6, 4]
    assert sum(declarados) == len(informe.compromisos) == 11
    # las negritas de la fuente se quitaron: la prosa dice lo que cita el conteo
    prosa = " ".join(t for s in informe.secciones for t in s.textos())
    assert "**" not in prosa
    citas = [c.cita for c in informe.conteos]
    assert citas == ["11 compromisos y acuerdos", "10 de ellos están cumplidos",
                     "1 en proceso de cumplimiento"]
    assert all(cita in prosa for cita in citas)


def test_reales_programa_cspen_prosa_y_registros(resultado_real: Resultado) -> None:
    cspen = _documento(resultado_real, "ine-pat-cspen-2024")
    integrantes, sesiones = _tablas(cspen)
    assert integrantes.encabezados == ("Integrantes", "")  # encabezado vacío en la fuente
    assert list(integrantes.filas) == [(i.nombre, i.cargo) for i in cspen.integrantes]
    assert [" — ".join(fila) for fila in sesiones.filas] == [
        s.texto for s in cspen.sesiones_programadas]
