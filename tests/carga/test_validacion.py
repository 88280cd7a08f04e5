"""validacion: ``cargar_datos`` reúne en una sola pasada todos los problemas de todos los
archivos (YAML roto, esquema, referencias, ubicación del archivo, catálogo ausente, archivos
vacíos o que no son UTF-8) y devuelve ``datos=None`` si hay algún error. Sobre los datos
reales: 0 errores, exactamente los 12 avisos conocidos de las fuentes, los recuentos de cada
documento y, si están los textos fuente (../shared/seeds), su transcripción literal."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from programas_spen.carga.validacion import Resultado, cargar_datos
from programas_spen.modelo.registros import Documento
from tests.conftest import DATOS, RAIZ
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

SEMILLAS = RAIZ.parent / "shared" / "seeds"


# --- Orquestación sobre datos de prueba -----------------------------------------------------


def test_datos_de_prueba_validos(tmp_path: Path) -> None:
    (tmp_path / "datos").mkdir()
    (tmp_path / "datos" / "README.md").write_text("# no es un dato\n", encoding="utf-8")
    resultado = cargar(tmp_path, archivos_base())
    assert resultado.informe.problemas == []
    assert resultado.datos is not None
    # el INE primero; luego cada institución, por año e id
    assert [d.id for d in resultado.datos.documentos] == [
        "pat-2020", "informe-2024", "pat-cspen-2024", "plan-2024"]
    assert resultado.datos.catalogo.archivo == "datos/instituciones.yml"
    assert [d.archivo for d in resultado.datos.documentos][0] == "datos/ine/2020/pat-2020.yml"


def test_yaml_mal_formado_da_archivo_linea_y_columna(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "titulo_corto: PAT de prueba 2020\n",
                       "titulo_corto: PAT: de prueba 2020\n")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is None
    [error] = errores(resultado)
    linea = linea_de(archivos[PAT], "titulo_corto: PAT:")
    assert (error.archivo, error.linea, error.columna) == (nombre(PAT), linea, 18)
    texto = resultado.informe.texto()
    assert f"datos/ine/2020/pat-2020.yml:{linea}:18: error: YAML mal formado: aquí no se admite" \
        in texto
    assert "Traceback" not in texto


def test_todos_los_problemas_de_varios_archivos_en_una_pasada(tmp_path: Path) -> None:
    archivos: dict[str, str | bytes] = dict(archivos_base())
    cambiar(archivos, PAT, "anio: 2020\n", "anio: 2020\n  sangria: mala\n")  # YAML roto
    cambiar(archivos, PROGRAMA, "anio: 2024", 'anio: "dos mil"')               # tipo
    cambiar(archivos, INFORME, "    area: dj\n", "    area: juridica\n")        # referencia
    cambiar(archivos, PLAN, "anio: 2024\n", "anio: 2024\ncolor: azul\n")       # campo desconocido
    cambiar(archivos, PLAN, "    numero: '1'\n", "    numero: '1'\n    numero: '2'\n")  # clave doble
    cambiar(archivos, CATALOGO, "  - id: area-sin-registros\n", "  - id: dp\n")  # id repetido
    archivos["ine/2024/vacio.yml"] = "# solo un comentario\n"
    archivos["ine/2024/latin1.yml"] = "id: x\ntitulo: Año\n".encode("latin-1")
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is None
    por_archivo = Counter(e.archivo for e in errores(resultado))
    assert set(por_archivo) == {nombre(a) for a in (PAT, PROGRAMA, INFORME, PLAN, CATALOGO,
                                                   "ine/2024/vacio.yml", "ine/2024/latin1.yml")}
    assert por_archivo[nombre(PLAN)] == 2
    mensajes = {e.archivo: [] for e in errores(resultado)}
    for error in errores(resultado):
        mensajes[error.archivo].append(error.mensaje)
        assert error.nivel == "error"
        assert error.linea >= 1, error
        # cada error dice qué se esperaba (los de sintaxis YAML dicen qué no cuadra)
        assert "se esperaba" in error.mensaje or error.mensaje.startswith("YAML mal formado: "), \
            error
    assert mensajes[nombre(PAT)][0].startswith("YAML mal formado")
    assert "se encontró un texto («dos mil»)" in mensajes[nombre(PROGRAMA)][0]
    assert "el área «juridica»" in mensajes[nombre(INFORME)][0]
    assert any("campo desconocido «color»" in m for m in mensajes[nombre(PLAN)])
    assert any("la clave «numero» está repetida" in m for m in mensajes[nombre(PLAN)])
    assert "el id «dp» está repetido" in mensajes[nombre(CATALOGO)][0]
    assert "vacío" in mensajes["datos/ine/2024/vacio.yml"][0]
    assert "UTF-8" in mensajes["datos/ine/2024/latin1.yml"][0]
    # el informe de texto los lista todos, con archivo:línea
    texto = resultado.informe.texto()
    for error in errores(resultado):
        assert f"{error.archivo}:{error.linea}" in texto
    assert texto.splitlines()[-1].startswith(f"{len(errores(resultado))} error(es)")


@pytest.mark.parametrize(("ruta", "esperada"), [
    ("ople-x/2025/plan-2024.yml", "datos/ople-x/2024/plan-2024.yml"),
    ("ople-x/2024/otro-nombre.yml", "datos/ople-x/2024/plan-2024.yml"),
    ("ine/2024/plan-2024.yml", "datos/ople-x/2024/plan-2024.yml"),
    ("extra/ople-x/2024/plan-2024.yml", "datos/ople-x/2024/plan-2024.yml"),
    ("plan-2024.yml", "datos/ople-x/2024/plan-2024.yml"),
])
def test_archivo_en_carpeta_equivocada(tmp_path: Path, ruta: str, esperada: str) -> None:
    archivos = archivos_base()
    archivos[ruta] = archivos.pop(PLAN)
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is None
    [error] = errores(resultado)
    assert (error.archivo, error.linea, error.columna) == (f"datos/{ruta}", 1, 5)
    assert error.mensaje == (f"el archivo está en «datos/{ruta}»; se esperaba «{esperada}» "
                             "(institución/año/id.yml)")


def test_falta_el_catalogo(tmp_path: Path) -> None:
    archivos = archivos_base()
    del archivos[CATALOGO]
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is None
    # un solo error: no uno más por cada institución, órgano o área que citan los documentos
    [error] = errores(resultado)
    assert (error.archivo, error.linea) == ("datos/instituciones.yml", 0)
    assert error.mensaje == ("falta el catálogo de instituciones, órganos y áreas; se esperaba el "
                             "archivo datos/instituciones.yml")


def test_catalogo_ilegible_no_da_errores_en_cascada(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), CATALOGO, "  - id: ine\n", "  - id: ine\n   x: 1\n")
    resultado = cargar(tmp_path, archivos)
    [error] = errores(resultado)
    assert error.archivo == "datos/instituciones.yml"
    assert error.mensaje.startswith("YAML mal formado")
    assert resultado.datos is None


def test_archivo_vacio_y_no_utf8(tmp_path: Path) -> None:
    archivos: dict[str, str | bytes] = dict(archivos_base())
    archivos["ine/2024/vacio.yml"] = ""
    archivos["ine/2024/latin1.yml"] = b"id: x\n# comentario\ntitulo: Dise\xf1o\n"
    resultado = cargar(tmp_path, archivos)
    assert resultado.datos is None
    vacio, latin1 = sorted(errores(resultado), key=lambda e: e.archivo, reverse=True)
    assert (vacio.archivo, vacio.linea, vacio.columna) == ("datos/ine/2024/vacio.yml", 1, 1)
    assert vacio.mensaje == "el archivo está vacío; se esperaba un documento YAML"
    assert (latin1.archivo, latin1.linea, latin1.columna) == ("datos/ine/2024/latin1.yml", 3, 13)
    assert latin1.mensaje.startswith("el archivo no está en UTF-8")


def test_directorio_inexistente(tmp_path: Path) -> None:
    resultado = cargar_datos(tmp_path / "no-existe")
    assert resultado.datos is None
    [error] = resultado.informe.errores
    assert "no existe el directorio de datos" in error.mensaje


def test_solo_avisos_publica(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "actividades_publicadas: 2",
                       "actividades_publicadas: 5")
    resultado = cargar(tmp_path, archivos)
    assert resultado.informe.errores == [] and len(resultado.informe.avisos) == 1
    assert resultado.datos is not None


def test_error_y_aviso_juntos_no_publica(tmp_path: Path) -> None:
    archivos = cambiar(archivos_base(), PAT, "actividades_publicadas: 2",
                       "actividades_publicadas: 5")
    cambiar(archivos, INFORME, "    area: dj\n", "    area: juridica\n")
    resultado = cargar(tmp_path, archivos)
    assert len(resultado.informe.errores) == 1 and len(resultado.informe.avisos) == 1
    assert resultado.datos is None


# --- Datos reales -----------------------------------------------------------------------------

PAT_2020 = "ine-pat-spen-2020"
CSPEN_2024 = "ine-pat-cspen-2024"
INFORME_2024 = "ine-informe-compromisos-cspen-2024-06"
DURANGO = "iepc-durango-pat-comision-seguimiento-2021"
QUERETARO = "ieeq-plan-trabajo-2024-2025"

_IEEQ = "datos/ieeq/2024/ieeq-plan-trabajo-2024-2025.yml"
_CSPEN = "datos/ine/2024/ine-pat-cspen-2024.yml"
_INFORME = "datos/ine/2024/ine-informe-compromisos-cspen-2024-06.yml"

_TEMAS_DCPE = ("06", "07", "08", "09", "10", "11", "12", "13", "15", "16", "17", "18")

AVISOS_CONOCIDOS = [
    (_IEEQ, "el título del cronograma declara «(NOVIEMBRE-2024 / SEPTIEMBRE 2025)» pero sus "
            "columnas van de noviembre de 2024 a noviembre de 2025"),
    (_IEEQ, "«se desprenden cinco ejes y sus respectivas líneas de acción» (5) pero hay 6 "
            "registro(s) en «ejes»"),
    (_IEEQ, "«se identifican cinco ejes rectores» (5) pero hay 6 registro(s) en «ejes»"),
    ("datos/iepc-durango/2021/iepc-durango-pat-comision-seguimiento-2021.yml",
     "nombra el año 2020, pero el documento es de 2021"),
    ("datos/ine/2020/ine-pat-spen-2020.yml",
     "la nota «* Sujeto a lo que se determine en la reforma al Estatuto.» de la tabla "
     "«PROMOCIÓN, TITULARIDAD E INCENTIVOS» no corresponde a ninguna fila marcada con «*»"),
    (_INFORME, "la sigla «UTCE» se define 2 veces en el documento"),
    (_INFORME, "el compromiso 7 escribe la fecha 2024-04-13 para «13/04/2024 Primera sesión "
               "ordinaria.», pero esa sesión se celebró el 2024-03-13"),
    *[(_CSPEN, f"el tema «tema-{n}»: la fuente pone 1 marca(s) fuera de las columnas de meses")
      for n in ("03", "04", "09", "12", "13")],
    # abren con (DCPE), que la lista de abreviaturas del programa no define (da DCPEN)
    *[(_CSPEN, f"el tema «tema-{n}» abre con (DCPE), que no está en las siglas del documento (la lista da DCPEN)")
      for n in _TEMAS_DCPE],
]


def _documento(resultado: Resultado, ident: str) -> Documento:
    return next(d for d in resultado.datos.documentos if d.id == ident)


def test_datos_reales_sin_errores(resultado_real: Resultado) -> None:
    assert resultado_real.informe.errores == [], resultado_real.informe.texto()
    assert resultado_real.datos is not None
    # los cinco documentos de las fuentes, y los que se añadan
    assert {PAT_2020, CSPEN_2024, INFORME_2024, DURANGO, QUERETARO} <= {
        d.id for d in resultado_real.datos.documentos}


def test_datos_reales_tienen_exactamente_los_avisos_conocidos(resultado_real: Resultado) -> None:
    # los avisos de los cinco documentos de las fuentes (un documento añadido tiene los suyos)
    archivos = {archivo for archivo, _ in AVISOS_CONOCIDOS} | {
        "datos/ine/2024/ine-pat-cspen-2024.yml"}
    avisos = [a for a in resultado_real.informe.avisos if a.archivo in archivos]
    assert len(avisos) == len(AVISOS_CONOCIDOS) == 24
    for archivo, fragmento in AVISOS_CONOCIDOS:
        coinciden = [a for a in avisos if a.archivo == archivo and fragmento in a.mensaje]
        assert len(coinciden) == 1, (archivo, fragmento, [str(a) for a in avisos])


def test_avisos_reales_senalan_la_linea_del_registro(resultado_real: Resultado) -> None:
    informe = _documento(resultado_real, INFORME_2024)
    siete = next(c for c in informe.compromisos if c.numero == 7)
    cspen = _documento(resultado_real, CSPEN_2024)
    lineas = {a.linea for a in resultado_real.informe.avisos if a.archivo == _INFORME}
    assert siete.linea in lineas
    temas = {t.id: t.linea for t in cspen.temas}
    lineas_cspen = {a.linea for a in resultado_real.informe.avisos if a.archivo == _CSPEN}
    assert lineas_cspen == {temas[f"tema-{n}"] for n in ("03", "04", "09", "12", "13", *_TEMAS_DCPE)}
    texto = (DATOS / "ine" / "2024" / "ine-pat-cspen-2024.yml").read_text(encoding="utf-8")
    assert temas["tema-03"] == linea_de(texto, "- id: tema-03")


def test_recuentos_del_pat_2020(resultado_real: Resultado) -> None:
    pat = _documento(resultado_real, PAT_2020)
    assert len(pat.actividades) == 74
    assert len(pat.mecanismos) == 13
    assert [len(m.actividades) for m in pat.mecanismos] == [10, 6, 8, 10, 4, 10, 3, 3, 1, 3, 8,
                                                            5, 3]
    assert all(len(m.actividades) == m.actividades_publicadas for m in pat.mecanismos)
    assert len(pat.ejes) == 6
    assert pat.aprobado_por == "INE/JGE06/2020"


def test_pat_2020_no_adivina_meses(resultado_real: Resultado) -> None:
    pat = _documento(resultado_real, PAT_2020)
    sin_meses = [a for a in pat.actividades if not a.calendario.meses]
    assert sin_meses, "el texto del PAT 2020 perdió los meses sombreados"
    for actividad in sin_meses:
        assert actividad.calendario.estado == "no_dado", actividad.id
        assert actividad.calendario.rango is None
    assert all(a.calendario.estado != "meses" for a in pat.actividades)


def test_recuentos_del_programa_de_la_cspen(resultado_real: Resultado) -> None:
    cspen = _documento(resultado_real, CSPEN_2024)
    assert len(cspen.temas) == 41
    assert len(cspen.sesiones_programadas) == 4
    assert len(cspen.integrantes) == 4
    assert sum(1 for t in cspen.temas if t.calendario.marcas_fuera_de_tabla) == 5


def test_recuentos_del_informe(resultado_real: Resultado) -> None:
    informe = _documento(resultado_real, INFORME_2024)
    assert len(informe.compromisos) == 11
    estatus = Counter(c.estatus for c in informe.compromisos)
    assert estatus == {"concluido": 10, "en_curso": 1}
    [en_curso] = [c for c in informe.compromisos if c.estatus == "en_curso"]
    assert en_curso.porcentaje == 75
    assert all(c.porcentaje == 100 for c in informe.compromisos if c.estatus == "concluido")


def test_recuentos_de_durango(resultado_real: Resultado) -> None:
    durango = _documento(resultado_real, DURANGO)
    assert len(durango.objetivos) == 9
    assert len(durango.lineas_accion) == 19
    assert len(durango.sesiones_programadas) == 4


def test_recuentos_de_queretaro(resultado_real: Resultado) -> None:
    queretaro = _documento(resultado_real, QUERETARO)
    assert len(queretaro.fichas) == 5
    assert queretaro.cronograma is not None and len(queretaro.cronograma.filas) == 7
    assert len(queretaro.ejes) == 6


# --- Transcripción literal contra los textos fuente (si están) --------------------------------


def _normalizar(texto: str) -> str:
    """Quita el marcado de la extracción (<b>, *, **, escapes) y normaliza los espacios."""
    texto = re.sub(r"</?[a-z]+>", "", texto).replace("*", "").replace("\\", "")
    return " ".join(texto.split())


def _en_la_fuente(texto: str, fuente: str) -> bool:
    """El texto aparece tal cual, o partido en dos trozos (fila partida entre páginas)."""
    texto = _normalizar(texto)
    if texto in fuente:
        return True
    palabras = texto.split(" ")
    return any(" ".join(palabras[:k]) in fuente and " ".join(palabras[k:]) in fuente
               for k in range(1, len(palabras)))


@pytest.fixture(scope="module")
def fuentes(resultado_real: Resultado) -> dict[str, str]:
    if not SEMILLAS.is_dir():
        pytest.skip("no están los textos fuente en ../shared/seeds")
    return {d.id: _normalizar((SEMILLAS / d.fuente.archivo).read_text(encoding="utf-8"))
            for d in resultado_real.datos.documentos}


def test_actividades_del_pat_literales(resultado_real: Resultado, fuentes: dict[str, str]) -> None:
    pat = _documento(resultado_real, PAT_2020)
    faltan = [a.id for a in pat.actividades if _normalizar(a.texto) not in fuentes[PAT_2020]]
    assert faltan == []
    faltan = [m.id for m in pat.mecanismos if _normalizar(m.titulo_tabla) not in fuentes[PAT_2020]]
    assert faltan == []


def test_registros_literales(resultado_real: Resultado, fuentes: dict[str, str]) -> None:
    faltan = []
    for doc in resultado_real.datos.documentos:
        fuente = fuentes[doc.id]
        textos = [(r.id, r.texto) for r in (*doc.actividades, *doc.temas, *doc.compromisos,
                                             *doc.objetivos, *doc.lineas_accion, *doc.ejes)]
        textos += [(c.id, c.area_texto) for c in doc.compromisos]
        textos += [(t.id, t.observaciones) for t in doc.temas if t.observaciones]
        textos += [(s.sigla, s.significado) for s in doc.siglas]
        textos += [(s.id, s.titulo) for s in doc.secciones]
        textos += [(s.id, texto) for s in doc.secciones for texto in s.textos()]
        textos += [(c.coleccion, c.cita) for c in doc.conteos]
        textos += [(i.cargo, i.nombre) for i in doc.integrantes]
        faltan += [(doc.id, ident) for ident, texto in textos if not _en_la_fuente(texto, fuente)]
    assert faltan == []


def test_comprobacion_literal_detecta_un_cambio(fuentes: dict[str, str]) -> None:
    # la comprobación no es trivial: una palabra cambiada ya no se encuentra
    assert _en_la_fuente("Otorgamiento del Premio Especial al Mérito Extraordinario 2019-2020.",
                         fuentes[PAT_2020])
    assert not _en_la_fuente("Otorgamiento del Premio Especial al Mérito Ordinario 2019-2020.",
                             fuentes[PAT_2020])
