"""referencias: ids únicos (documentos entre archivos, registros dentro de un documento,
catálogo), ids reservados para apartados, regla de id de sesión <órgano>-<fecha>, la misma
sesión declarada distinta en dos documentos y cada clase de referencia rota (área, órgano,
institución, sesión, acuerdo, tema documento/tema, sesión programada, ficha, objetivo, eje),
cada una señalada en su archivo, línea y columna con un mensaje en español."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.carga.lector_yaml import archivos_de_datos, leer_archivo
from programas_spen.carga.referencias import COLECCIONES_CON_ID, fallan, recorrer, valores
from programas_spen.modelo.problemas import Informe
from tests.conftest import DATOS
from tests.datos_prueba import (
    CATALOGO,
    INFORME,
    PAT,
    PLAN,
    PROGRAMA,
    archivos_base,
    cambiar,
    cargar,
    errores,
    linea_de,
    nombre,
)


def _posicion(texto: str, fragmento: str, valor: str) -> tuple[int, int]:
    """Línea y columna de ``valor`` dentro de la (única) aparición de ``fragmento``."""
    inicio = texto.index(fragmento) + fragmento.index(valor)
    return texto.count("\n", 0, inicio) + 1, inicio - texto.rfind("\n", 0, inicio)


# (archivo, texto viejo, texto nuevo, valor que debe señalarse, fragmento del mensaje)
ROTAS = [
    pytest.param(PROGRAMA, "    area: dp\n", "    area: dpx\n", "dpx",
                 "el área «dpx» no está en datos/instituciones.yml (¿quiso decir «dp»?); se "
                 "esperaba un área de INE: area-sin-registros, dj, dp", id="area-de-tema"),
    pytest.param(INFORME, "    area: dj\n", "    area: juridica\n", "juridica",
                 "el área «juridica» no está en datos/instituciones.yml", id="area-de-compromiso"),
    pytest.param(PAT, "institucion: ine\norgano: jge\n", "institucion: ine\norgano: junta\n",
                 "junta", "el órgano «junta» no está en datos/instituciones.yml",
                 id="organo-del-documento"),
    pytest.param(INFORME, "  - id: jge-2024-03-25\n    organo: jge\n",
                 "  - id: jge-2024-03-25\n    organo: jgx\n", "jgx", "el órgano «jgx»",
                 id="organo-de-sesion"),
    pytest.param(PAT, "  - numero: INE/CG909/2015\n    organo: cg\n",
                 "  - numero: INE/CG909/2015\n    organo: consejo\n", "consejo",
                 "el órgano «consejo»", id="organo-de-acuerdo"),
    pytest.param(INFORME, "    sesion: cspen-2024-03-13\n    sesion_texto: 13/03/2024 Primera "
                 "sesión ordinaria.\n    fecha_texto",
                 "    sesion: cspen-2024-03-14\n    sesion_texto: 13/03/2024 Primera "
                 "sesión ordinaria.\n    fecha_texto", "cspen-2024-03-14",
                 "la sesión «cspen-2024-03-14» no está declarada en ningún documento; se "
                 "esperaba el id de una sesión", id="sesion-de-compromiso"),
    pytest.param(PAT, "presentado_en:\n  sesion: jge-2020-01-16\n",
                 "presentado_en:\n  sesion: jge-2020-01-17\n",
                 "jge-2020-01-17", "la sesión «jge-2020-01-17» no está declarada",
                 id="sesion-donde-se-presento"),
    pytest.param(INFORME, "    sesion: jge-2024-03-25\n", "    sesion: jge-2024-03-26\n",
                 "jge-2024-03-26", "la sesión «jge-2024-03-26» no está declarada",
                 id="sesion-de-acuerdo"),
    pytest.param(INFORME, "acuerdos: [INE/JGE38/2024]", "acuerdos: [INE/JGE99/2024]",
                 "INE/JGE99/2024", "el acuerdo «INE/JGE99/2024» no está declarado en ninguna "
                 "lista «acuerdos»; se esperaba declararlo", id="acuerdo-de-compromiso"),
    pytest.param(PAT, "aprobado_por: INE/JGE06/2020", "aprobado_por: INE/JGE07/2020",
                 "INE/JGE07/2020", "el acuerdo «INE/JGE07/2020» no está declarado",
                 id="acuerdo-que-aprueba"),
    pytest.param(INFORME, "temas: [pat-cspen-2024/tema-01]", "temas: [pat-cspen-2023/tema-01]",
                 "pat-cspen-2023/tema-01", "el documento «pat-cspen-2023» de la referencia "
                 "«pat-cspen-2023/tema-01» no existe; se esperaba uno de:",
                 id="tema-documento"),
    pytest.param(INFORME, "temas: [pat-cspen-2024/tema-01]", "temas: [pat-cspen-2024/tema-09]",
                 "pat-cspen-2024/tema-09", "el tema «tema-09» no existe en «pat-cspen-2024»; "
                 "se esperaba un registro de su lista «temas»", id="tema-registro"),
    pytest.param(INFORME, "temas: [pat-cspen-2024/tema-01]",
                 "temas: [pat-cspen-2024/sesion-ordinaria-1]", "pat-cspen-2024/sesion-ordinaria-1",
                 "el tema «sesion-ordinaria-1» no existe en «pat-cspen-2024»",
                 id="tema-que-es-otra-cosa"),
    pytest.param(INFORME, "programada: pat-cspen-2024/sesion-ordinaria-1",
                 "programada: pat-cspen-2024/sesion-ordinaria-9",
                 "pat-cspen-2024/sesion-ordinaria-9", "la sesión programada "
                 "«sesion-ordinaria-9» no existe en «pat-cspen-2024»; se esperaba un registro de "
                 "su lista «sesiones_programadas»", id="programada"),
    pytest.param(PLAN, "      ficha: ficha-1\n", "      ficha: ficha-9\n", "ficha-9",
                 "la ficha «ficha-9» no existe en este documento; se esperaba uno de: ficha-1",
                 id="ficha"),
    pytest.param(PLAN, "    objetivo: objetivo-1\n", "    objetivo: objetivo-9\n", "objetivo-9",
                 "el objetivo «objetivo-9» no existe en este documento; se esperaba uno de: "
                 "objetivo-1", id="objetivo"),
    pytest.param(PAT, "ejes: [eje-1]", "ejes: [eje-9]", "eje-9",
                 "el eje «eje-9» no existe en este documento; se esperaba uno de: eje-1",
                 id="eje-de-actividad"),
    pytest.param(PLAN, "ejes: [eje-a]", "ejes: [eje-b]", "eje-b", "el eje «eje-b»",
                 id="eje-de-fila-de-cronograma"),
    pytest.param(CATALOGO, "    institucion: ople-x\n    tipo: comision\n",
                 "    institucion: ople-z\n    tipo: comision\n", "ople-z",
                 "institución desconocida «ople-z»; se esperaba una de: ine, ople-x",
                 id="institucion-de-organo"),
    pytest.param(CATALOGO, "    pertenece_a: despen\n", "    pertenece_a: desp\n", "desp",
                 "«desp» no es un órgano ni un área del catálogo; se esperaba el id",
                 id="pertenece-a"),
]


@pytest.mark.parametrize(("archivo", "viejo", "nuevo", "valor", "mensaje"), ROTAS)
def test_referencia_rota(tmp_path: Path, archivo: str, viejo: str, nuevo: str, valor: str,
                         mensaje: str) -> None:
    archivos = cambiar(archivos_base(), archivo, viejo, nuevo)
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is None
    assert {e.archivo for e in errores(resultado)} == {nombre(archivo)}
    [error] = [e for e in errores(resultado) if mensaje in e.mensaje]
    assert error.nivel == "error"
    assert (error.linea, error.columna) == _posicion(archivos[archivo], nuevo, valor)


def test_institucion_del_documento_rota(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PLAN, "institucion: ople-x\n", "institucion: ople-y\n")
    resultado = cargar(tmp_path, archivos)
    mensajes = [e.mensaje for e in errores(resultado)]
    assert any("la institución «ople-y» no está en datos/instituciones.yml; se esperaba uno de: "
               "ine, ople-x" in m for m in mensajes)
    # y además el archivo no está en la carpeta de su institución
    assert any("se esperaba «datos/ople-y/2024/plan-2024.yml»" in m for m in mensajes)
    assert resultado.datos is None


def test_id_de_documento_repetido_entre_archivos(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos["ine/2021/copia.yml"] = archivos[PAT]
    resultado = cargar(tmp_path, archivos)
    repetidos = [e for e in errores(resultado) if "ya lo usa" in e.mensaje]
    assert len(repetidos) == 1
    [error] = repetidos
    assert error.archivo == "datos/ine/2021/copia.yml"
    assert (error.linea, error.columna) == (linea_de(archivos[PAT], "id: pat-2020"), 5)
    assert error.mensaje == ("el id de documento «pat-2020» ya lo usa datos/ine/2020/pat-2020.yml;"
                             " se esperaba un id de documento único")
    assert resultado.datos is None


def test_copia_con_id_repetido_no_da_referencias_rotas_falsas(tmp_path: Path) -> None:
    # el caso típico: copiar un archivo para empezar otro y olvidar cambiar su id; sus
    # referencias internas se comprueban contra sus propios registros, no los del original
    archivos = archivos_base()
    archivos["ine/2021/pat-2021.yml"] = (archivos[PAT].replace("eje-1", "eje-2")
                                         .replace("anio: 2020", "anio: 2021"))
    mensajes = sorted(e.mensaje for e in errores(cargar(tmp_path, archivos)))
    assert len(mensajes) == 2, mensajes
    assert mensajes[0].startswith("el archivo está en «datos/ine/2021/pat-2021.yml»")
    assert mensajes[1].startswith("el id de documento «pat-2020» ya lo usa")


def test_id_de_registro_repetido_en_el_documento(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "- id: ingreso-02", "- id: ingreso-01")
    [error] = errores(cargar(tmp_path, archivos))
    texto = archivos[PAT]
    assert error.linea == linea_de(texto, "- id: ingreso-01", ocurrencia=2)
    assert error.mensaje == ("el id «ingreso-01» está repetido en el documento (ya se usa en la "
                             f"línea {linea_de(texto, '- id: ingreso-01')}); se esperaba un id "
                             "único en el documento")


def test_ids_de_colecciones_distintas_comparten_espacio(tmp_path: Path) -> None:
    # el id es el ancla del registro en la página del documento: no puede repetirse aunque
    # sean un eje y un mecanismo
    archivos = cambiar(archivos_base(), PAT, "  - id: eje-1\n", "  - id: ingreso\n")
    archivos = cambiar(archivos, PAT, "ejes: [eje-1]", "ejes: [ingreso]")
    [error] = errores(cargar(tmp_path, archivos))
    assert "el id «ingreso» está repetido en el documento" in error.mensaje
    assert error.linea == linea_de(archivos[PAT], "  - id: ingreso\n", ocurrencia=2)


def test_ids_repetidos_en_el_catalogo(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), CATALOGO, "  - id: area-sin-registros\n",
                       "  - id: jge\n")
    [error] = errores(cargar(tmp_path, archivos))
    texto = archivos[CATALOGO]
    assert error.archivo == "datos/instituciones.yml"
    assert error.linea == linea_de(texto, "  - id: jge\n", ocurrencia=2)
    assert error.mensaje == (f"el id «jge» está repetido (ya se usa en la línea "
                             f"{linea_de(texto, '  - id: jge')}); se esperaba un id único en "
                             "instituciones, órganos y áreas")


@pytest.mark.parametrize("reservado", ["temas", "compromisos", "datos", "seccion-anexo"])
def test_id_reservado_para_un_apartado(tmp_path: Path, reservado: str) -> None:
    archivos = cambiar(archivos_base(), PROGRAMA, "  - id: tema-02\n", f"  - id: {reservado}\n")
    [error] = errores(cargar(tmp_path, archivos))
    assert error.linea == linea_de(archivos[PROGRAMA], f"  - id: {reservado}\n")
    assert error.mensaje == (f"el id «{reservado}» está reservado para un apartado de la página "
                             "del documento; se esperaba otro id")


def test_seccion_puede_llamarse_como_un_apartado(tmp_path: Path) -> None:
    # el ancla de una sección es «seccion-<id>», así que no choca con los apartados
    archivos = cambiar(archivos_base(), PAT, "  - id: introduccion\n", "  - id: temas\n")
    resultado = cargar(tmp_path, archivos)
    assert errores(resultado) == [] and resultado.datos is not None


def test_id_de_sesion_sigue_la_regla(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), INFORME, "    fecha: '2024-03-25'\n    texto: sesión",
                       "    fecha: '2024-03-26'\n    texto: sesión")
    [error] = errores(cargar(tmp_path, archivos))
    texto = archivos[INFORME]
    assert (error.linea, error.columna) == (linea_de(texto, "  - id: jge-2024-03-25"), 9)
    assert error.mensaje == ("el id de sesión «jge-2024-03-25» no sigue la regla; se esperaba "
                             "«jge-2024-03-26» (<órgano>-<fecha>)")


_SESION_EN_PROGRAMA = """\
sesiones:
  - id: cspen-2024-03-13
    organo: cspen
    tipo: {tipo}
    fecha: '{fecha}'
    texto: Primera sesión
    fuente:
      seccion: Otra
"""


def test_misma_sesion_en_dos_documentos_con_otra_fecha(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos[PROGRAMA] += _SESION_EN_PROGRAMA.format(tipo="ordinaria", fecha="2024-03-14")
    resultado = cargar(tmp_path, archivos)
    # el programa (datos/ine/2024/pat-cspen-2024.yml) se lee después del informe
    conflicto = [e for e in errores(resultado) if "mismo valor" in e.mensaje]
    assert len(conflicto) == 1
    [error] = conflicto
    assert error.archivo == nombre(PROGRAMA)
    assert error.linea == linea_de(archivos[PROGRAMA], "fecha: '2024-03-14'")
    assert error.mensaje == ("la sesión «cspen-2024-03-13» tiene fecha «2024-03-14» aquí y "
                             "«2024-03-13» en datos/ine/2024/informe-2024.yml; se esperaba el "
                             "mismo valor en todos los documentos")
    # y su id ya no corresponde a su fecha
    assert any("no sigue la regla" in e.mensaje for e in errores(resultado))


def test_misma_sesion_en_dos_documentos_con_otro_tipo(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos[PROGRAMA] += _SESION_EN_PROGRAMA.format(tipo="extraordinaria", fecha="2024-03-13")
    [error] = errores(cargar(tmp_path, archivos))
    assert "tiene tipo «extraordinaria» aquí y «ordinaria» en" in error.mensaje


def test_misma_sesion_igual_en_dos_documentos_no_es_error(tmp_path: Path) -> None:
    archivos = archivos_base()
    archivos[PROGRAMA] += _SESION_EN_PROGRAMA.format(tipo="ordinaria", fecha="2024-03-13")
    resultado = cargar(tmp_path, archivos)
    assert errores(resultado) == []
    assert resultado.datos is not None


def test_sesion_repetida_en_el_mismo_documento(tmp_path: Path) -> None:
    archivos = archivos_base()
    bloque = archivos[INFORME][archivos[INFORME].index("  - id: jge-2024-03-25"):
                               archivos[INFORME].index("compromisos:")]
    archivos = cambiar(archivos, INFORME, "compromisos:\n", bloque + "compromisos:\n")
    [error] = errores(cargar(tmp_path, archivos))
    assert error.linea == linea_de(archivos[INFORME], "  - id: jge-2024-03-25", ocurrencia=2)
    assert "la sesión «jge-2024-03-25» está repetida en el documento" in error.mensaje


def test_un_error_de_esquema_no_provoca_referencias_rotas_falsas(tmp_path: Path) -> None:
    # el programa tiene un error de tipo, pero sus temas y sesiones programadas siguen
    # indexados: el informe que los cita no recibe errores en cascada
    archivos = cambiar(archivos_base(), PROGRAMA, "anio: 2024", "anio: dos mil veinticuatro")
    resultado = cargar(tmp_path, archivos)
    assert [e.archivo for e in errores(resultado)] == [nombre(PROGRAMA)]


def test_todas_las_referencias_rotas_a_la_vez(tmp_path: Path) -> None:
    archivos = archivos_base()
    aplicadas = []
    for param in ROTAS:
        archivo, viejo, nuevo = param.values[:3]
        if viejo in archivos[archivo]:  # varias cambian el mismo fragmento: la primera gana
            cambiar(archivos, archivo, viejo, nuevo)
            aplicadas.append(param)
    assert len(aplicadas) >= len(ROTAS) - 2
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is None
    mensajes = "\n".join(e.mensaje for e in errores(resultado))
    for param in aplicadas:
        assert param.values[4] in mensajes, param.id


def test_recorrer_tolera_formas_inesperadas() -> None:
    datos = {"temas": [{"id": "a"}, "texto suelto", {"id": "b"}], "otro": 3}
    assert list(recorrer(datos, ("temas", "*", "id"))) == [(("temas", 0, "id"), "a"),
                                                           (("temas", 2, "id"), "b")]
    assert list(recorrer(datos, ("otro", "*"))) == []
    assert list(recorrer(["no es objeto"], ("temas", "*"))) == []
    assert list(recorrer(datos, ())) == [((), datos)]
    # un entero elige un elemento (así se vuelve a la declaración anterior de una sesión)
    assert list(recorrer(datos, ("temas", 2))) == [(("temas", 2), {"id": "b"})]
    assert list(recorrer(datos, ("temas", 5))) == []
    assert list(recorrer(datos, ("otro", 0))) == []


@pytest.mark.parametrize("patron", [
    ("temas", "*", "id"), ("otro", "*"), ("temas", "*"), (), ("temas", 2), ("temas", 5),
    ("otro", 0), ("temas", "*", "ejes", "*"), *COLECCIONES_CON_ID,
])
def test_valores_son_los_de_recorrer_sin_rutas(patron: tuple[str | int, ...]) -> None:
    datos = {"temas": [{"id": "a", "ejes": ["e1", "e2"]}, "texto suelto", {"id": "b"},
                       {"ejes": "no es lista"}], "otro": 3}
    for arbol in (datos, ["no es objeto"], None):
        assert valores(arbol, patron) == [valor for _, valor in recorrer(arbol, patron)]


def test_valores_en_todos_los_datos_reales() -> None:
    patrones = (*COLECCIONES_CON_ID, ("sesiones", "*", "organo"), ("compromisos", "*", "area"),
                ("mecanismos", "*", "actividades", "*", "ejes", "*"), ("presentado_en", "sesion"))
    comparados = 0
    for ruta in archivos_de_datos(DATOS):
        arbol = leer_archivo(ruta, DATOS.parent, Informe())
        assert arbol is not None
        for patron in patrones:
            esperados = [valor for _, valor in recorrer(arbol.datos, patron)]
            assert valores(arbol.datos, patron) == esperados
            comparados += len(esperados)
    assert comparados > 200  # 260 con los datos de hoy


def test_fallan_da_ruta_y_valor_de_los_que_no_cumplen_en_orden() -> None:
    datos = {"temas": [{"area": "a"}, {"area": "x"}, {"area": 3}, {"area": "y"}]}
    patron = ("temas", "*", "area")
    assert fallan(datos, patron, lambda v: v == "a" or not isinstance(v, str)) == [
        (("temas", 1, "area"), "x"), (("temas", 3, "area"), "y")]
    assert fallan(datos, patron, lambda v: True) == []
    assert fallan(datos, ("nada", "*"), lambda v: False) == []
    # con los valores ya vistos: el mismo resultado, y no se vuelven a recorrer para comprobarlos
    vistos = valores(datos, patron)

    def es_a(valor: object) -> bool:
        return valor == "a"

    assert fallan(datos, patron, es_a, vistos) == fallan(datos, patron, es_a) == [
        (("temas", 1, "area"), "x"), (("temas", 2, "area"), 3), (("temas", 3, "area"), "y")]
    assert fallan(datos, patron, lambda v: v != "x", ["a", "b"]) == []


# --- Órganos y áreas de la institución del documento ------------------------------------------

_AREA_OPLE = "  - id: ople-x-unidad\n    nombre: Unidad de Prueba\n    institucion: ople-x\n"
_TEMA_OPLE = """\
temas:
  - id: tema-01
    texto: Un tema del OPLE.
    area: {area}
    calendario:
      estado: no_dado
    fuente:
      seccion: Temas
"""


def _plan_con_area(area: str, con_area_ople: bool = True) -> dict[str, str]:
    """El plan del OPLE de prueba con un tema cuya área es ``area`` (y, si se pide, un área
    del OPLE en el catálogo)."""
    archivos = cambiar(archivos_base(), PLAN, "conteos:\n", _TEMA_OPLE.format(area=area) + "conteos:\n")
    if con_area_ople:
        archivos = cambiar(archivos, CATALOGO, "  - id: area-sin-registros\n",
                           _AREA_OPLE + "  - id: area-sin-registros\n")
    return archivos


def test_area_del_ople_valida(tmp_path: Path) -> None:
    resultado = cargar(tmp_path, _plan_con_area("ople-x-unidad"))
    assert errores(resultado) == []


def test_area_desconocida_lista_solo_las_de_su_institucion_y_sugiere(tmp_path: Path) -> None:
    archivos = _plan_con_area("ople-x-unidda")
    [error] = errores(cargar(tmp_path, archivos))
    assert error.archivo == nombre(PLAN)
    assert (error.linea, error.columna) == _posicion(archivos[PLAN], "area: ople-x-unidda", "ople-x-unidda")
    # solo las áreas del OPLE (no dp, dj… del INE), y la más parecida
    assert error.mensaje == ("el área «ople-x-unidda» no está en datos/instituciones.yml (¿quiso "
                             "decir «ople-x-unidad»?); se esperaba un área de IEP: ople-x-unidad")


def test_documento_de_un_ople_con_un_area_del_ine(tmp_path: Path) -> None:
    archivos = _plan_con_area("dp")
    [error] = errores(cargar(tmp_path, archivos))
    assert (error.linea, error.columna) == _posicion(archivos[PLAN], "area: dp", "dp")
    assert error.mensaje == ("el área «dp» es de INE, pero este documento es de IEP (institucion: "
                             "ople-x); se esperaba un área de IEP: ople-x-unidad")


def test_ople_sin_areas_en_el_catalogo_dice_donde_agregarla(tmp_path: Path) -> None:
    [error] = errores(cargar(tmp_path, _plan_con_area("ople-x-unidad", con_area_ople=False)))
    assert error.mensaje == ("el área «ople-x-unidad» no está en datos/instituciones.yml; se "
                             "esperaba un área de IEP, y IEP no tiene ninguno en "
                             "datos/instituciones.yml: agréguelo a su lista «areas» con "
                             "«institucion: ople-x»")


def test_un_organo_no_es_un_area(tmp_path: Path) -> None:
    # el Órgano de Enlace (y cualquier órgano) va en «organos»: no sirve como área de un tema
    [error] = errores(cargar(tmp_path, _plan_con_area("ople-x-comision")))
    assert error.mensaje.startswith("«ople-x-comision» es un órgano del catálogo (lista "
                                    "«organos»), no un área; se esperaba un área de IEP: "
                                    "ople-x-unidad")


def test_organo_del_documento_de_otra_institucion(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PLAN, "organo: ople-x-comision\n", "organo: cspen\n")
    [error] = errores(cargar(tmp_path, archivos))
    assert (error.linea, error.columna) == _posicion(archivos[PLAN], "organo: cspen", "cspen")
    assert error.mensaje == ("el órgano «cspen» es de INE, pero este documento es de IEP "
                             "(institucion: ople-x); se esperaba un órgano de IEP: ople-x-comision")


# --- Números de acuerdo de cada institución -----------------------------------------------------

_ACUERDO_OPLE = """\
acuerdos:
  - numero: {numero}
    organo: ople-x-comision
    fuente:
      seccion: Acuerdo
"""


@pytest.mark.parametrize("numero", ["IEEM/CSSPEN/01/2025", "IEEQ/CG/A/012/24", "IEPC/CG28/2021",
                                    "IECM/ACU-CG-001/2021"])
def test_numero_de_acuerdo_de_un_ople(tmp_path: Path, numero: str) -> None:
    archivos = cambiar(archivos_base(), PLAN, "fuente:\n  archivo: plan.txt",
                       f"aprobado_por: {numero}\nfuente:\n  archivo: plan.txt")
    archivos = cambiar(archivos, PLAN, "conteos:\n", _ACUERDO_OPLE.format(numero=numero) + "conteos:\n")
    resultado = cargar(tmp_path, archivos)
    assert errores(resultado) == []
    assert resultado.datos is not None
    [plan] = [d for d in resultado.datos.documentos if d.id == "plan-2024"]
    assert plan.aprobado_por == numero


def test_dos_numeros_de_acuerdo_con_la_misma_url(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PLAN, "conteos:\n",
                       _ACUERDO_OPLE.format(numero="IEP/CG-A/1/2024")
                       + _ACUERDO_OPLE.format(numero="IEP/CG/A-1/2024").removeprefix("acuerdos:\n")
                       + "conteos:\n")
    [error] = errores(cargar(tmp_path, archivos))
    assert (error.linea, error.columna) == _posicion(archivos[PLAN], "numero: IEP/CG/A-1/2024",
                                                     "IEP/CG/A-1/2024")
    assert error.mensaje.startswith("el acuerdo «IEP/CG/A-1/2024» tendría la misma URL que "
                                    "«IEP/CG-A/1/2024» (/acuerdos/iep-cg-a-1-2024/")


def test_un_documento_ilegible_no_da_errores_falsos_en_los_que_lo_citan(tmp_path: Path) -> None:
    # el programa tiene el YAML roto: el informe cita sus temas y sesiones programadas, pero el
    # único error es el del programa (al corregirlo, se comprueban todas las referencias)
    archivos = cambiar(archivos_base(), PROGRAMA, "anio: 2024", "anio: [2024")
    resultado = cargar(tmp_path, archivos)
    assert [e.archivo for e in errores(resultado)] == [nombre(PROGRAMA)]
    assert errores(resultado)[0].mensaje.startswith("YAML mal formado")
