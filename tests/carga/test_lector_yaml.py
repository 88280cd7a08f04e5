"""carga: YAML → árbol con la línea y columna de cada valor y de cada clave; fechas como texto;
claves repetidas, archivos vacíos, YAML mal formado y archivos que no son UTF-8 se informan como
errores en español con archivo, línea y columna (sin excepción ni traza)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from programas_spen.carga import lector_yaml as carga
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


def test_lectura_rapida_anota_objetos_y_listas_y_completa_al_pedir_otra_marca() -> None:
    arbol, _ = _leer(TEXTO)
    assert arbol is not None and arbol.fuente is not None  # la lectura rápida
    assert arbol.marcas == {(): (2, 1), ("lista",): (7, 3), ("lista", 0): (7, 5),
                            ("lista", 1): (9, 5)}
    assert arbol.marcas_clave == {}
    assert arbol.posicion(("lista", 1)) == (9, 5)
    assert arbol.fuente is not None  # la marca de un objeto no pide completar
    assert arbol.posicion(("numero",)) == (5, 9)
    assert arbol.fuente is None and arbol.marcas[("lista", 1, "texto")] == (10, 12)
    assert arbol.marcas_clave[("numero",)] == (5, 1)


def _todas_las_rutas(valor: object, ruta: tuple[str | int, ...] = ()) -> list[tuple]:
    rutas: list[tuple] = [ruta]
    if isinstance(valor, dict):
        for clave, hijo in valor.items():
            rutas += _todas_las_rutas(hijo, (*ruta, clave))
    elif isinstance(valor, list):
        for indice, hijo in enumerate(valor):
            rutas += _todas_las_rutas(hijo, (*ruta, indice))
    return rutas


@pytest.mark.parametrize("ruta", sorted(DATOS_REALES.rglob("*.yml")), ids=lambda r: r.name)
def test_las_dos_lecturas_coinciden_en_los_datos_reales(ruta: Path) -> None:
    """La lectura rápida da los mismos datos que la completa, y cada posición (de valor, de
    clave, de una ruta que no existe) la misma línea y columna."""
    texto = ruta.read_text(encoding="utf-8")
    informe = Informe()
    rapido = leer_texto(texto, ruta.name, informe)
    completo = carga._leer_completo(texto, ruta.name, informe)
    assert informe.problemas == []
    assert rapido is not None and completo is not None
    assert rapido.fuente is not None and completo.fuente is None
    assert rapido.datos == completo.datos
    assert rapido.marcas == {r: m for r, m in completo.marcas.items() if r in rapido.marcas}
    assert set(rapido.marcas) == {r for r in completo.marcas
                                  if isinstance(_en(completo.datos, r), (dict, list))}
    rutas = _todas_las_rutas(completo.datos)
    rutas += [(*r, "no-existe") for r in rutas[::7]]
    for clave in (False, True):
        assert ([rapido.posicion(r, clave) for r in rutas]
                == [completo.posicion(r, clave) for r in rutas])


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
def test_casos_de_la_lectura_completa_dan_lo_mismo(texto: str, datos: object) -> None:
    """Lo que la lectura rápida no arma (alias, etiquetas, claves compuestas) lo da la
    completa; los escalares se resuelven igual en las dos."""
    informe = Informe()
    arbol = leer_texto(texto, "x.yml", informe)
    completo = carga._leer_completo(texto, "x.yml", Informe())
    assert informe.problemas == []
    assert arbol is not None and completo is not None
    assert arbol.datos == completo.datos == datos


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
def test_las_dos_lecturas_coinciden_en_yaml_aleatorio(semilla: int) -> None:
    """YAML escrito de muchas formas (bloque o flujo, con o sin comillas, escalares que
    parecen números, fechas, nulos o booleanos): la lectura rápida da lo mismo que la
    completa, datos y posiciones."""
    rng = random.Random(semilla)
    datos = {f"clave{i}": _aleatorio(rng) for i in range(rng.randint(1, 6))}
    texto = yaml.safe_dump(datos, allow_unicode=True, sort_keys=False,
                           default_flow_style=rng.choice([False, None, True]),
                           default_style=rng.choice([None, None, '"', "'"]))
    # además, sin comillas donde el volcador las puso (el escalar se resuelve al leer)
    if semilla % 2:
        texto = re.sub(r"'([0-9A-Za-z.+~=_:-]*)'", r"\1", texto)
    informe_rapido, informe_completo = Informe(), Informe()
    rapido = leer_texto(texto, "x.yml", informe_rapido)
    completo = carga._leer_completo(texto, "x.yml", informe_completo)
    assert [str(p) for p in informe_rapido.problemas] == [str(p) for p in informe_completo.problemas]
    if completo is None:
        assert rapido is None
        return
    assert rapido is not None and _igual(rapido.datos, completo.datos)
    rutas = _todas_las_rutas(completo.datos)
    for clave in (False, True):
        assert ([rapido.posicion(r, clave) for r in rutas]
                == [completo.posicion(r, clave) for r in rutas])
