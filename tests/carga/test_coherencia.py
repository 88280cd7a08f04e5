"""coherencia: cada aviso (conteos de la prosa, síntesis de actividades, estatus contra
porcentaje, fecha escrita contra la sesión, compromisos por sesión, marcas fuera de la tabla,
meses fuera del periodo, periodo declarado del cronograma, notas sin fila marcada y marcas sin
nota, siglas repetidas, años en títulos, sesión programada contra celebrada (mes y semana),
clasificación del tema contra su área, cuerpo del número de acuerdo contra su órgano y el mismo
acuerdo descrito distinto) se dispara con un caso mínimo, señala la línea del registro y no se
dispara con los datos coherentes. Los avisos no impiden publicar."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.datos_prueba import (
    INFORME,
    PAT,
    PLAN,
    PROGRAMA,
    archivos_base,
    cambiar,
    cargar,
    linea_de,
    nombre,
)


def test_datos_coherentes_no_dan_avisos(tmp_path: Path) -> None:
    resultado = cargar(tmp_path, archivos_base())
    assert resultado.informe.problemas == []
    assert resultado.datos is not None


# (archivo, viejo, nuevo, fragmento que señala la línea del registro, mensaje exacto)
CASOS = [
    pytest.param(
        PAT, "    valor: 2\n    cita: dos actividades", "    valor: 3\n    cita: dos actividades",
        "- coleccion: actividades",
        "la fuente dice «dos actividades» (3) pero hay 2 registro(s) en «actividades»",
        id="conteo-de-la-prosa"),
    pytest.param(
        PAT, "actividades_publicadas: 2", "actividades_publicadas: 3", "  - id: ingreso\n",
        "la tabla de síntesis da 3 actividades a «Ingreso» pero su tabla tiene 2",
        id="sintesis-de-actividades"),
    pytest.param(
        INFORME, "    porcentaje: 75\n", "    porcentaje: 100\n", "- id: compromiso-02",
        "el compromiso 2 tiene 100% de avance pero su estatus es «En proceso»",
        id="porcentaje-completo-sin-concluir"),
    pytest.param(
        INFORME, "    porcentaje: 100\n", "    porcentaje: 90.5\n", "- id: compromiso-01",
        "el compromiso 1 está «Concluido» con 90.5% de avance",
        id="concluido-sin-porcentaje-completo"),
    pytest.param(
        INFORME, "fecha_texto: '2024-03-13'", "fecha_texto: '2024-04-13'", "- id: compromiso-01",
        "el compromiso 1 escribe la fecha 2024-04-13 para «13/03/2024 Primera sesión "
        "ordinaria.», pero esa sesión se celebró el 2024-03-13",
        id="fecha-escrita-contra-la-sesion"),
    pytest.param(
        INFORME, "compromisos_declarados: 2", "compromisos_declarados: 3",
        "- id: cspen-2024-03-13",
        "la fuente atribuye 3 compromiso(s) a la sesión «Primera sesión ordinaria» pero el "
        "anexo lista 2", id="compromisos-por-sesion"),
    pytest.param(
        PROGRAMA, "      meses: [2024-03]\n", "      meses: [2024-03]\n"
        "      marcas_fuera_de_tabla: 1\n", "- id: tema-01",
        "el tema «tema-01»: la fuente pone 1 marca(s) fuera de las columnas de meses de la "
        "tabla", id="marca-fuera-de-la-tabla"),
    pytest.param(
        PROGRAMA, "meses: [2024-03]", "meses: [2024-03, 2025-01]", "- id: tema-01",
        "el tema «tema-01»: enero de 2025 queda(n) fuera del periodo del documento (enero de "
        "2024 a diciembre de 2024)", id="mes-fuera-del-periodo"),
    pytest.param(
        PLAN, "          hasta: 2025-02\n      fuente", "          hasta: 2025-03\n      fuente",
        "    - id: fila-1",
        "la actividad «fila-1»: marzo de 2025 queda(n) fuera del periodo del documento "
        "(noviembre de 2024 a febrero de 2025)", id="rango-fuera-del-periodo"),
    pytest.param(
        PLAN, "    desde: 2024-11\n    hasta: 2025-02\n  notas",
        "    desde: 2024-11\n    hasta: 2025-01\n  notas", "  titulo: CRONOGRAMA",
        "el título del cronograma declara «(NOVIEMBRE 2024 / FEBRERO 2025)» pero sus columnas "
        "van de noviembre de 2024 a febrero de 2025", id="periodo-declarado-del-cronograma"),
    pytest.param(
        PLAN, "      marca: '*'\n", "", "  titulo: CRONOGRAMA",
        "la nota «* Sujeto a disponibilidad.» de la tabla «CRONOGRAMA» no corresponde a "
        "ninguna fila marcada con «*»", id="nota-sin-fila-marcada"),
    pytest.param(
        PAT, "        texto: Segunda actividad de ingreso.\n",
        "        texto: Segunda actividad de ingreso.\n        marca: '*'\n",
        "  - id: ingreso\n",
        "hay filas marcadas con «*» en la tabla «INGRESO» sin nota al pie que la explique",
        id="marca-sin-nota"),
    pytest.param(
        PAT, "secciones:\n", "  - sigla: Servicio/SPEN\n    significado: Otra cosa.\n"
        "secciones:\n",
        "  - sigla: Servicio/SPEN\n    significado: Otra cosa.",
        "la sigla «Servicio/SPEN» se define 2 veces en el documento", id="sigla-repetida"),
    pytest.param(
        PAT, "titulo: Introducción 2020", "titulo: Introducción 2019", "  - id: introduccion",
        "el apartado «Introducción 2019» nombra el año 2019, pero el documento es de 2020",
        id="anio-en-titulo"),
    pytest.param(
        INFORME, "    programada: pat-cspen-2024/sesion-ordinaria-1\n",
        "    programada: pat-cspen-2024/sesion-ordinaria-2\n", "- id: cspen-2024-03-13",
        "la sesión del 2024-03-13 estaba programada para junio de 2024",
        id="sesion-en-otro-mes"),
    pytest.param(
        PROGRAMA, "    semana: 2\n", "    semana: 3\n", "- id: cspen-2024-03-13",
        "la sesión del 2024-03-13 no cae en la semana 3 de marzo de 2024 que preveía el "
        "programa", id="sesion-en-otra-semana"),
    pytest.param(
        PROGRAMA, "    clasificacion: DJ\n", "    clasificacion: DP\n", "- id: tema-02",
        "el tema «tema-02» abre con (DP) pero su área es Dirección Jurídica",
        id="clasificacion-contra-area"),
    pytest.param(
        PAT, "  - numero: INE/CG909/2015\n    organo: cg\n",
        "  - numero: INE/CG909/2015\n    organo: jge\n", "- numero: INE/CG909/2015",
        "el acuerdo INE/CG909/2015 se atribuye a Junta General Ejecutiva, pero su número "
        "indica CG", id="numero-de-acuerdo-contra-organo"),
]


def _archivo_del_aviso(param_archivo: str, caso: str) -> str:
    # las sesiones las declara el informe aunque el cambio esté en el programa
    return INFORME if caso == "sesion-en-otra-semana" else param_archivo


@pytest.mark.parametrize(("archivo", "viejo", "nuevo", "registro", "mensaje"), CASOS)
def test_aviso(request: pytest.FixtureRequest, tmp_path: Path, archivo: str, viejo: str,
               nuevo: str, registro: str, mensaje: str) -> None:
    archivos = cambiar(archivos_base(), archivo, viejo, nuevo)
    resultado = cargar(tmp_path, archivos)
    assert resultado.informe.errores == []
    assert resultado.datos is not None  # los avisos no impiden publicar
    [aviso] = resultado.informe.avisos
    caso = request.node.callspec.id
    donde = _archivo_del_aviso(archivo, caso)
    assert aviso.nivel == "aviso"
    assert aviso.archivo == nombre(donde)
    assert aviso.linea == linea_de(archivos[donde], registro)
    assert aviso.columna == 0
    assert aviso.mensaje == mensaje


def test_todos_los_avisos_en_una_pasada(tmp_path: Path) -> None:
    archivos = archivos_base()
    aplicados = []
    for param in CASOS:
        archivo, viejo, nuevo = param.values[:3]
        if param.id == "sesion-en-otra-semana":  # con la sesión en otro mes no se mira la semana
            continue
        if archivos[archivo].count(viejo) == 1:
            cambiar(archivos, archivo, viejo, nuevo)
            aplicados.append(param)
    assert len(aplicados) >= len(CASOS) - 4
    resultado = cargar(tmp_path, archivos)
    assert resultado.informe.errores == []
    mensajes = [a.mensaje for a in resultado.informe.avisos]
    for param in aplicados:
        assert param.values[4] in mensajes, param.id


def test_conteo_con_filtro(tmp_path: Path) -> None:
    conteo = ("  - coleccion: objetivos\n    filtro:\n      nivel: general\n    valor: {}\n"
              "    cita: un objetivo general\n    fuente:\n      seccion: Objetivos\n")
    archivos = cambiar(archivos_base(), PROGRAMA, "conteos:\n",
                       "conteos:\n" + conteo.format(1))
    assert cargar(tmp_path / "bien", archivos).informe.problemas == []
    archivos = cambiar(archivos_base(), PROGRAMA, "conteos:\n",
                       "conteos:\n" + conteo.format(2))
    [aviso] = cargar(tmp_path / "mal", archivos).informe.avisos
    assert aviso.mensaje == ("la fuente dice «un objetivo general» (2) pero hay 1 registro(s) en "
                             "«objetivos», nivel = general")


def test_clasificacion_por_alias_del_area_es_coherente(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PROGRAMA, "    clasificacion: DJ\n",
                       "    clasificacion: DJUR\n")
    assert cargar(tmp_path, archivos).informe.problemas == []


def test_anio_del_periodo_en_titulo_es_coherente(tmp_path: Path) -> None:
    # el plan es de 2024 pero su periodo llega a 2025: nombrar 2025 no es incoherente
    seccion = ("secciones:\n  - id: diagnostico\n    titulo: Diagnóstico 2025\n"
               "    bloques:\n      - parrafo: Texto.\n")
    archivos = cambiar(archivos_base(), PLAN, "ejes:\n", seccion + "ejes:\n")
    assert cargar(tmp_path, archivos).informe.problemas == []


def test_mismo_acuerdo_descrito_distinto_en_dos_documentos(tmp_path: Path) -> None:
    acuerdo = ("acuerdos:\n  - numero: INE/JGE38/2024\n    organo: jge\n    fecha: '{}'\n"
               "    fuente:\n      seccion: Otra\n")
    archivos = archivos_base()
    archivos[PROGRAMA] += acuerdo.format("2024-03-25")
    assert cargar(tmp_path / "igual", archivos).informe.problemas == []
    archivos = archivos_base()
    archivos[PROGRAMA] += acuerdo.format("2024-03-26")
    [aviso] = cargar(tmp_path / "distinto", archivos).informe.avisos
    assert aviso.archivo == nombre(PROGRAMA)
    assert aviso.linea == linea_de(archivos[PROGRAMA], "- numero: INE/JGE38/2024")
    assert aviso.mensaje == ("el acuerdo INE/JGE38/2024 tiene fecha «2024-03-26» aquí y "
                             "«2024-03-25» en datos/ine/2024/informe-2024.yml")


def test_sesion_sin_programa_no_se_compara(tmp_path: Path) -> None:
    # cspen-2024-06-17 no dice qué sesión programada es: no hay nada que comparar
    archivos = cambiar(archivos_base(), PROGRAMA, "    mes: 2024-06\n", "    mes: 2024-07\n")
    assert cargar(tmp_path, archivos).informe.problemas == []
