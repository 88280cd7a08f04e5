"""lector_yaml: YAML → árbol con la línea y columna de cada valor y de cada clave; fechas como
texto; los mismos datos que el cargador seguro de PyYAML (en Python puro, con las fechas como
texto) en los datos reales y en YAML aleatorio; claves repetidas, alias que se contienen,
archivos vacíos, YAML mal formado y archivos que no son UTF-8 se informan como errores en
español con archivo, línea y columna (sin excepción ni traza)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from programas_spen.carga.lector_yaml import Arbol, archivos_de_datos, leer_archivo, leer_texto
from programas_spen.modelo.problemas import Informe

DATOS_REALES = Path(__file__).resolve().parents[2] / "datos"

_PALABRAS_INGLESAS = ("expected", "found", "while", "mapping", "scanning", "parsing", "token",
                      "character", "document", "stream", "indentation")

TEXTO = """\
# comentario
id: doc-1
fecha: 2024-03-13
mes: 2024-03
numero: 7
lista:
  - id: a
    texto: uno
  - id: b
    texto: dos
"""


def _leer(texto: str) -> tuple[Arbol | None, Informe]:
    informe = Informe()
    return leer_texto(texto, "datos/x.yml", informe), informe


def test_lee_datos_y_no_convierte_fechas() -> None:
    arbol, informe = _leer(TEXTO)
    assert informe.problemas == []
    assert arbol is not None and arbol.archivo == "datos/x.yml"
    assert arbol.datos == {"id": "doc-1", "fecha": "2024-03-13", "mes": "2024-03", "numero": 7,
                           "lista": [{"id": "a", "texto": "uno"}, {"id": "b", "texto": "dos"}]}
    assert isinstance(arbol.datos["fecha"], str)


def test_marcas_de_valores_y_claves() -> None:
    arbol, _ = _leer(TEXTO)
    assert arbol is not None
    assert arbol.posicion(()) == (2, 1)
    assert arbol.posicion(("id",)) == (2, 5)
    assert arbol.posicion(("id",), clave=True) == (2, 1)
    assert arbol.posicion(("lista", 1)) == (9, 5)
    assert arbol.posicion(("lista", 1, "texto")) == (10, 12)
    assert arbol.posicion(("lista", 1, "texto"), clave=True) == (10, 5)


def _todas_las_rutas(valor: object, ruta: tuple[str | int, ...] = ()) -> list[tuple]:
    rutas: list[tuple] = [ruta]
    if isinstance(valor, dict):
        for clave, hijo in valor.items():
            rutas += _todas_las_rutas(hijo, (*ruta, clave))
    elif isinstance(valor, list):
        for indice, hijo in enumerate(valor):
            rutas += _todas_las_rutas(hijo, (*ruta, indice))
    return rutas


class _Referencia(yaml.SafeLoader):
    """Oráculo: el cargador seguro de PyYAML en Python puro, con las fechas como texto por su
    constructor (``add_constructor``), no quitando su resolvedor como el lector."""


_Referencia.add_constructor("tag:yaml.org,2002:timestamp", _Referencia.construct_yaml_str)


def _referencia(texto: str) -> object:
    """Los datos según el oráculo, con las claves como texto (como las deja el lector)."""
    def claves_texto(valor: object) -> object:
        if isinstance(valor, dict):
            return {k if isinstance(k, str) else str(k): claves_texto(v) for k, v in valor.items()}
        if isinstance(valor, list):
            return [claves_texto(v) for v in valor]
        return valor
    return claves_texto(yaml.load(texto, Loader=_Referencia))  # noqa: S506 - cargador seguro


def _comprobar_marcas(arbol: Arbol, texto: str) -> None:
    """Cada valor tiene su marca y cada clave la suya, y son las que da el compositor de
    PyYAML en Python puro (otro analizador que libyaml) para cada nodo, recorrido de la forma
    más directa."""
    cargador = _Referencia(texto)
    marcas: dict[tuple, tuple[int, int]] = {}
    marcas_clave: dict[tuple, tuple[int, int]] = {}

    def marca(nodo: yaml.Node) -> tuple[int, int]:
        return nodo.start_mark.line + 1, nodo.start_mark.column + 1

    def recorrer(nodo: yaml.Node, ruta: tuple) -> None:
        marcas[ruta] = marca(nodo)
        if isinstance(nodo, yaml.MappingNode):
            for nodo_clave, nodo_valor in nodo.value:
                clave = cargador.construct_object(nodo_clave, deep=True)
                hija = (*ruta, clave if isinstance(clave, str) else str(clave))
                if hija not in marcas_clave:  # una repetida es un error: la primera vale
                    marcas_clave[hija] = marca(nodo_clave)
                    recorrer(nodo_valor, hija)
        elif isinstance(nodo, yaml.SequenceNode):
            for indice, hijo in enumerate(nodo.value):
                recorrer(hijo, (*ruta, indice))

    recorrer(cargador.get_single_node(), ())
    assert set(marcas) == set(_todas_las_rutas(arbol.datos))
    assert arbol.marcas == marcas and arbol.marcas_clave == marcas_clave


@pytest.mark.parametrize("ruta", sorted(DATOS_REALES.rglob("*.yml")), ids=lambda r: r.name)
def test_datos_reales_como_pyyaml_y_con_todas_las_marcas(ruta: Path) -> None:
    texto = ruta.read_text(encoding="utf-8")
    informe = Informe()
    arbol = leer_texto(texto, ruta.name, informe)
    assert informe.problemas == []
    assert arbol is not None and arbol.datos == _referencia(texto)
    _comprobar_marcas(arbol, texto)


def _en(datos: object, ruta: tuple) -> object:
    for paso in ruta:
        datos = datos[paso]  # type: ignore[index]
    return datos


@pytest.mark.parametrize(("texto", "datos"), [
    ("a: &x 1\nb: *x\n", {"a": 1, "b": 1}),                       # ancla y alias
    ("a: !!str 12\nb: 12\n", {"a": "12", "b": 12}),                # etiqueta explícita
    ("a: ! 12\n", {"a": 12}),                              # etiqueta «!»: como en PyYAML
    ("? [1, 2]\n: lista\n", {"[1, 2]": "lista"}),                  # clave compuesta
    ("a: yes\nb: ~\nc: 1.5\nd: 0x1F\ne: '3'\nf: \n", {
        "a": True, "b": None, "c": 1.5, "d": 31, "e": "3", "f": None}),
    ("a: Nothing\nb: No\nc: nullish\nd: NULL\ne: Off\nf: Offset\ng: 2024-03\nh: 1_000\n"
     "i: .5\nj: -.inf\nk: 190:20:30\nl: <<x\nYes: 1\nnull: 2\n", {
         "a": "Nothing", "b": False, "c": "nullish", "d": None, "e": False, "f": "Offset",
         "g": "2024-03", "h": 1000, "i": 0.5, "j": float("-inf"), "k": 685230, "l": "<<x",
         "True": 1, "None": 2}),                                    # largos y caracteres iniciales
    ("- 1\n- [a, {b: c}]\n", [1, ["a", {"b": "c"}]]),             # raíz lista
    ("solo texto\n", "solo texto"),                                 # raíz escalar
])
def test_alias_etiquetas_claves_compuestas_y_escalares(texto: str, datos: object) -> None:
    """Alias, etiquetas, claves compuestas y escalares que parecen otra cosa: como PyYAML
    (salvo las fechas, que quedan como texto, y las claves, siempre texto: también una
    compuesta, que PyYAML no admite)."""
    informe = Informe()
    arbol = leer_texto(texto, "x.yml", informe)
    assert informe.problemas == []
    assert arbol is not None and arbol.datos == datos
    if not texto.startswith("?"):
        assert datos == _referencia(texto)
    _comprobar_marcas(arbol, texto)


def test_posicion_sube_al_antecesor_con_marca() -> None:
    arbol, _ = _leer(TEXTO)
    assert arbol is not None
    # un campo que no existe en el segundo elemento: la posición del elemento
    assert arbol.posicion(("lista", 1, "no-existe")) == (9, 5)
    # con clave=True usa la marca de la clave si la hay, y si no la del valor
    assert arbol.posicion(("lista", 1, "texto"), clave=True) == (10, 5)
    assert arbol.posicion(("lista", 1), clave=True) == (9, 5)
    assert arbol.posicion(()) == (2, 1)
    assert Arbol("a", None).posicion(("x",)) == (1, 1)


def test_claves_no_textuales_se_vuelven_texto() -> None:
    arbol, informe = _leer("1: uno\ntrue: dos\n")
    assert informe.problemas == []
    assert arbol is not None and set(arbol.datos) == {"1", "True"}


def test_clave_repetida_es_error_en_su_linea() -> None:
    texto = "id: a\ntitulo: primero\notro: x\ntitulo: segundo\n"
    arbol, informe = _leer(texto)
    assert arbol is not None
    assert arbol.datos["titulo"] == "primero"
    [error] = informe.errores
    assert (error.archivo, error.linea, error.columna) == ("datos/x.yml", 4, 1)
    assert "«titulo» está repetida" in error.mensaje
    assert "línea 2" in error.mensaje
    assert "se esperaba" in error.mensaje


def test_clave_repetida_anidada() -> None:
    texto = "lista:\n  - id: a\n    id: b\n"
    _, informe = _leer(texto)
    [error] = informe.errores
    assert (error.linea, error.columna) == (3, 5)
    assert "«id»" in error.mensaje


@pytest.mark.parametrize("texto", ["", "\n\n", "# solo un comentario\n"])
def test_archivo_vacio(texto: str) -> None:
    arbol, informe = _leer(texto)
    assert arbol is None
    [error] = informe.errores
    assert (error.linea, error.columna) == (1, 1)
    assert "vacío" in error.mensaje and "se esperaba" in error.mensaje


@pytest.mark.parametrize(("texto", "linea", "columna"), [
    ("id: x\ntitulo: a\n  b: c\n", 3, 4),                  # sangría de más
    ("id: x\ntexto: hola: mundo\n", 2, 12),                 # «:» en un texto sin comillas
    ("a:\n  - 1\n  b: 2\n", 3, 3),                          # lista y objeto mezclados
    ("id: x\n\tb: 1\n", 2, 1),                              # tabulador
    ("a: [1, 2\nb: 3\n", 2, 2),                             # corchete sin cerrar
    ("a: 1\n---\nb: 2\n", 2, 1),                            # dos documentos
    ('a: "\\q"\n', 1, 5),                                   # escape desconocido
])
def test_yaml_mal_formado(texto: str, linea: int, columna: int) -> None:
    arbol, informe = _leer(texto)
    assert arbol is None
    [error] = informe.problemas
    assert error.nivel == "error"
    assert (error.archivo, error.linea, error.columna) == ("datos/x.yml", linea, columna)
    assert error.mensaje.startswith("YAML mal formado: ")
    assert str(error).startswith(f"datos/x.yml:{linea}:{columna}: error: YAML mal formado")
    assert "Traceback" not in error.mensaje
    palabras = set(re.findall(r"[a-z]+", error.mensaje.lower()))
    assert not palabras & set(_PALABRAS_INGLESAS), error.mensaje


def test_comillas_sin_cerrar() -> None:
    arbol, informe = _leer('id: x\ntexto: "sin cerrar\n')
    assert arbol is None
    [error] = informe.errores
    assert "comillas sin cerrar" in error.mensaje
    assert error.linea >= 2


def test_leer_archivo_usa_ruta_relativa(tmp_path: Path) -> None:
    ruta = tmp_path / "datos" / "ine" / "a.yml"
    ruta.parent.mkdir(parents=True)
    ruta.write_text("id: a\nid: b\n", encoding="utf-8")
    informe = Informe()
    arbol = leer_archivo(ruta, tmp_path, informe)
    assert arbol is not None and arbol.archivo == "datos/ine/a.yml"
    assert informe.errores[0].archivo == "datos/ine/a.yml"


def test_archivo_no_utf8_da_linea_y_columna(tmp_path: Path) -> None:
    ruta = tmp_path / "latin1.yml"
    ruta.write_bytes("id: a\ntitulo: Programación\n".encode("latin-1"))
    informe = Informe()
    assert leer_archivo(ruta, tmp_path, informe) is None
    [error] = informe.errores
    assert error.archivo == "latin1.yml"
    assert (error.linea, error.columna) == (2, 19)  # la «ó» en latin-1
    assert "UTF-8" in error.mensaje and "se esperaba" in error.mensaje


def test_archivo_ilegible(tmp_path: Path) -> None:
    carpeta = tmp_path / "carpeta.yml"
    carpeta.mkdir()
    informe = Informe()
    assert leer_archivo(carpeta, tmp_path, informe) is None
    [error] = informe.errores
    assert "no se pudo leer" in error.mensaje


def test_archivos_de_datos(tmp_path: Path) -> None:
    for nombre in ("b/2.yml", "a.yaml", "b/1.yml", "nota.txt", "c.yml.bak"):
        (tmp_path / nombre).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / nombre).write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "dir.yml").mkdir()
    encontrados = [p.relative_to(tmp_path).as_posix() for p in archivos_de_datos(tmp_path)]
    assert encontrados == ["a.yaml", "b/1.yml", "b/2.yml"]


_ESCALARES_RAROS = ("0o17", "017", "0x1F", "0b1010", "1e3", "1.5e-3", ".NaN", ".nan", "+.inf",
                    "-.Inf", "1_000", "190:20:30", "-12", "+7", "0", "~", "Null", "NULL", "yes",
                    "ON", "off", "n", "Y", "=", "2024-03-13", "2024-03", "12:30", "1.0", "-0",
                    "texto", "Texto largo con: dos puntos", "«comillas»", "", " ", "#no", "a#b")


def _igual(a: object, b: object) -> bool:
    """Igualdad de datos que trata NaN como igual a NaN."""
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_igual(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_igual(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _aleatorio(rng: random.Random, profundidad: int = 0) -> object:
    eleccion = rng.random()
    if profundidad > 3 or eleccion < 0.5:
        return rng.choice(_ESCALARES_RAROS)
    if eleccion < 0.75:
        return [_aleatorio(rng, profundidad + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(_ESCALARES_RAROS[:30]) + str(i): _aleatorio(rng, profundidad + 1)
            for i in range(rng.randint(0, 4))}


@pytest.mark.parametrize("semilla", range(60))
def test_yaml_aleatorio_como_pyyaml(semilla: int) -> None:
    """YAML escrito de muchas formas (bloque o flujo, con o sin comillas, escalares que
    parecen números, fechas, nulos o booleanos): los mismos datos que el oráculo, cada valor y
    cada clave con su marca; lo que el oráculo no puede leer es un error en español."""
    rng = random.Random(semilla)
    datos = {f"clave{i}": _aleatorio(rng) for i in range(rng.randint(1, 6))}
    texto = yaml.safe_dump(datos, allow_unicode=True, sort_keys=False,
                           default_flow_style=rng.choice([False, None, True]),
                           default_style=rng.choice([None, None, '"', "'"]))
    # además, sin comillas donde el volcador las puso (el escalar se resuelve al leer)
    if semilla % 2:
        texto = re.sub(r"'([0-9A-Za-z.+~=_:-]*)'", r"\1", texto)
    informe = Informe()
    arbol = leer_texto(texto, "x.yml", informe)
    try:
        esperado = _referencia(texto)
    except yaml.YAMLError:
        assert arbol is None
        [error] = informe.errores
        assert error.mensaje.startswith("YAML mal formado: ") and error.linea > 0
        return
    assert informe.problemas == []
    assert arbol is not None and _igual(arbol.datos, esperado)
    _comprobar_marcas(arbol, texto)


def test_alias_repite_el_valor_de_su_ancla() -> None:
    arbol, informe = _leer("base: &b\n  id: a\n  lista: [1, 2]\notra: *b\n")
    assert informe.problemas == [] and arbol is not None
    assert arbol.datos["otra"] == {"id": "a", "lista": [1, 2]}
    # bajo el alias, la posición es la del valor repetido: donde está su ancla
    assert arbol.posicion(("otra", "lista", 1)) == arbol.posicion(("base",)) == (1, 7)


def test_alias_que_se_contiene_es_error() -> None:
    arbol, informe = _leer("a: &x\n  - 1\n  - *x\n")
    assert arbol is not None
    [error] = informe.errores
    assert (error.archivo, error.linea, error.columna) == ("datos/x.yml", 1, 4)  # su ancla
    assert "alias" in error.mensaje and "se esperaba" in error.mensaje


def test_valor_reservado_sin_comillas_es_error_en_espanol() -> None:
    arbol, informe = _leer("id: x\nsigno: =\n")
    assert arbol is None
    [error] = informe.errores
    assert (error.linea, error.columna) == (2, 8)
    assert "entre comillas" in error.mensaje and "could not" not in error.mensaje


def test_anidamiento_excesivo_es_error() -> None:
    arbol, informe = _leer("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert arbol is None
    [error] = informe.errores
    assert error.mensaje.startswith("YAML mal formado")
