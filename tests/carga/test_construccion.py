"""construccion: árbol validado → registros inmutables de ``modelo`` siguiendo las anotaciones
(listas → tuplas, objetos anidados → dataclasses, enteros → float donde se pide), con la línea
de cada registro en su archivo y el id de su documento. También las utilidades del modelo que
usa (Rango.meses, Fuente.describir, Documento.actividades/coleccion)."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import pytest

from programas_spen.carga.bloques import bloque
from programas_spen.carga.construccion import construir
from programas_spen.carga.lector_yaml import Arbol, Ruta, archivos_de_datos, leer_archivo, leer_texto
from programas_spen.carga.redirecciones import ARCHIVO_REDIRECCIONES
from programas_spen.modelo.bloques import Bloque
from programas_spen.modelo.problemas import Informe
from programas_spen.modelo.registros import (
    Actividad,
    Calendario,
    Catalogo,
    Compromiso,
    Conteo,
    Documento,
    Fuente,
    FuenteDocumento,
    Mecanismo,
    Rango,
)
from tests.conftest import DATOS
from tests.datos_prueba import CATALOGO, INFORME, PAT, PLAN, archivos_base, linea_de


def _documento(archivo: str, texto: str | None = None) -> Documento:
    texto = texto if texto is not None else archivos_base()[archivo]
    informe = Informe()
    arbol = leer_texto(texto, f"datos/{archivo}", informe)
    assert arbol is not None
    return construir(Documento, arbol.datos, (), arbol,
                     {"documento": arbol.datos["id"], "archivo": arbol.archivo})


def test_documento_y_registros_anidados() -> None:
    doc = _documento(PAT)
    assert doc.id == "pat-2020" and doc.anio == 2020 and doc.archivo == "datos/" + PAT
    assert doc.periodo == Rango("2020-01", "2020-12")
    assert isinstance(doc.mecanismos, tuple) and len(doc.mecanismos) == 1
    mecanismo = doc.mecanismos[0]
    assert isinstance(mecanismo, Mecanismo)
    assert mecanismo.actividades_publicadas == 2
    primera, segunda = mecanismo.actividades
    assert isinstance(primera, Actividad)
    assert primera.calendario == Calendario("meses", meses=("2020-01", "2020-02"))
    assert primera.ejes == ("eje-1",)
    assert primera.fuente == Fuente(tabla="INGRESO", fila=1)
    assert segunda.calendario.estado == "no_dado" and segunda.calendario.meses == ()
    assert segunda.calendario.nota == "Los meses no se conservaron en el texto."
    # lo que la fuente no da queda vacío, no inventado
    assert doc.fecha is None and doc.anexo is None and doc.temas == ()


def test_linea_y_documento_de_cada_registro() -> None:
    texto = archivos_base()[PAT]
    doc = _documento(PAT, texto)
    actividad = doc.mecanismos[0].actividades[1]
    assert actividad.linea == linea_de(texto, "- id: ingreso-02")
    assert actividad.documento == "pat-2020"
    assert doc.mecanismos[0].linea == linea_de(texto, "- id: ingreso\n")
    assert doc.mecanismos[0].documento == "pat-2020"
    assert doc.ejes[0].linea == linea_de(texto, "- id: eje-1")
    assert doc.conteos[0].linea == linea_de(texto, "- coleccion: actividades")
    assert doc.acuerdos[1].numero == "INE/CG909/2015"
    assert doc.acuerdos[1].linea == linea_de(texto, "- numero: INE/CG909/2015")


def test_porcentaje_entero_se_vuelve_float() -> None:
    doc = _documento(INFORME)
    primero, segundo = doc.compromisos
    assert isinstance(primero, Compromiso)
    assert primero.porcentaje == 100.0 and isinstance(primero.porcentaje, float)
    assert segundo.porcentaje == 75.0 and isinstance(segundo.porcentaje, float)
    assert primero.acuerdos == ("INE/JGE38/2024",)
    assert primero.temas == ("pat-cspen-2024/tema-01",)
    assert segundo.fecha_texto is None and segundo.acuerdos == ()


def test_cronograma_con_filas_rango_y_notas() -> None:
    doc = _documento(PLAN)
    assert doc.cronograma is not None
    assert doc.cronograma.periodo_declarado_rango == Rango("2024-11", "2025-02")
    assert [n.marca for n in doc.cronograma.notas] == ["*"]
    fila = doc.cronograma.filas[0]
    assert fila.calendario.rango == Rango("2025-01", "2025-02")
    assert fila.ficha == "ficha-1" and fila.marca == "*"
    assert fila.documento == "plan-2024"
    assert doc.lineas_accion[0].calendario == Calendario("permanente")
    assert doc.actividades == doc.cronograma.filas
    assert doc.coleccion("actividades") == doc.cronograma.filas
    assert doc.coleccion("ejes") == doc.ejes


def test_filtro_de_conteo_queda_como_dict() -> None:
    texto = archivos_base()[PAT].replace(
        "  - coleccion: actividades\n    valor: 2\n",
        "  - coleccion: actividades\n    filtro:\n      marca: '*'\n    valor: 0\n")
    doc = _documento(PAT, texto)
    assert doc.conteos[0].filtro == {"marca": "*"}


def test_registros_inmutables() -> None:
    doc = _documento(PAT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.id = "otro"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.mecanismos[0].actividades[0].texto = "otro"  # type: ignore[misc]


def test_catalogo() -> None:
    texto = archivos_base()[CATALOGO]
    informe = Informe()
    arbol = leer_texto(texto, "datos/instituciones.yml", informe)
    assert arbol is not None
    catalogo = construir(Catalogo, arbol.datos, (), arbol, {"archivo": arbol.archivo})
    assert catalogo.archivo == "datos/instituciones.yml"
    assert [i.id for i in catalogo.instituciones] == ["ine", "ople-x"]
    assert catalogo.instituciones[1].entidad == "Prueba"
    dj = next(a for a in catalogo.areas if a.id == "dj")
    assert dj.alias == ("DJUR",) and dj.linea == linea_de(texto, "- id: dj")
    cspen = next(o for o in catalogo.organos if o.id == "cspen")
    assert cspen.pertenece_a == "cg" and cspen.alias == ()


def test_rango_meses_cruza_el_anio() -> None:
    assert Rango("2024-11", "2025-02").meses() == ("2024-11", "2024-12", "2025-01", "2025-02")
    assert Rango("2024-03", "2024-03").meses() == ("2024-03",)
    assert len(Rango("2024-01", "2024-12").meses()) == 12


def test_fuente_describir() -> None:
    fuente = Fuente(seccion="Anexo", tabla="INGRESO", fila=3, numeral="9", parrafo=2, nota="1",
                    pagina=4)
    assert fuente.describir() == ("sección «Anexo», tabla «INGRESO», fila 3, numeral 9, "
                                  "párrafo 2, nota 1, página 4")
    assert Fuente().describir() == ""


# --- La conversión da lo mismo que el ``__init__`` de cada dataclass con lo convertido --------


def _convertir_referencia(tipo: Any, valor: Any, ruta: Ruta, arbol: Arbol,
                          contexto: dict[str, str]) -> Any:
    """La conversión de un valor según su anotación, escrita de la forma más directa."""
    if tipo == Bloque:  # un bloque de prosa lo crea ``bloques.bloque`` (probado aparte)
        return bloque(valor)
    origen = typing.get_origin(tipo)
    if origen in (typing.Union, types.UnionType):
        if valor is None:
            return None
        interno = next(t for t in typing.get_args(tipo) if t is not type(None))
        return _convertir_referencia(interno, valor, ruta, arbol, contexto)
    if origen is tuple:
        elemento = typing.get_args(tipo)[0]
        return tuple(_convertir_referencia(elemento, v, (*ruta, i), arbol, contexto)
                     for i, v in enumerate(valor))
    if origen is dict:
        return dict(valor)
    if dataclasses.is_dataclass(tipo):
        return _referencia(tipo, valor, ruta, arbol, contexto)  # type: ignore[arg-type]
    if tipo is float and isinstance(valor, int):
        return float(valor)
    return valor


def _referencia(cls: type, datos: dict[str, Any], ruta: Ruta, arbol: Arbol,
                contexto: dict[str, str]) -> Any:
    """Oráculo: el registro creado con el ``__init__`` de la dataclass."""
    tipos = typing.get_type_hints(cls)
    nombres = {campo.name for campo in dataclasses.fields(cls)}  # type: ignore[arg-type]
    argumentos = {nombre: _convertir_referencia(tipos[nombre], valor, (*ruta, nombre), arbol,
                                                contexto)
                  for nombre, valor in datos.items() if nombre in nombres}
    if "linea" in nombres and "linea" not in argumentos:
        argumentos["linea"] = arbol.posicion(ruta)[0]
    propios = {c.name for c in dataclasses.fields(cls)  # type: ignore[arg-type]
               if c.metadata.get("contexto", True) is False}
    for nombre, valor in contexto.items():
        if nombre in nombres and nombre not in argumentos and nombre not in propios:
            argumentos[nombre] = valor
    return cls(**argumentos)


def _arboles() -> list[tuple[str, Arbol]]:
    """Los árboles de los datos de prueba y de los datos reales del repositorio."""
    arboles = []
    for archivo, texto in archivos_base().items():
        arbol = leer_texto(texto, f"datos/{archivo}", Informe())
        assert arbol is not None
        arboles.append((archivo, arbol))
    for ruta in archivos_de_datos(DATOS):
        if ruta.name == ARCHIVO_REDIRECCIONES:  # no es un registro del modelo (ver test_redirecciones)
            continue
        arbol = leer_archivo(ruta, DATOS.parent, Informe())
        assert arbol is not None
        arboles.append((ruta.name, arbol))
    return arboles


def test_igual_que_el_init_de_cada_dataclass() -> None:
    """Cada registro de los datos de prueba y de los reales (todas las clases del modelo que
    aparecen en ellos) es igual, campo por campo y con los mismos tipos, al que crea el
    ``__init__`` de su dataclass."""
    clases: set[type] = set()
    for archivo, arbol in _arboles():
        cls = Catalogo if archivo == CATALOGO else Documento
        contexto = ({"archivo": arbol.archivo} if cls is Catalogo
                    else {"documento": arbol.datos["id"], "archivo": arbol.archivo})
        nuevo = construir(cls, arbol.datos, (), arbol, dict(contexto))
        esperado = _referencia(cls, arbol.datos, (), arbol, dict(contexto))
        assert nuevo == esperado and repr(nuevo) == repr(esperado), archivo
        pendientes: list[Any] = [nuevo]
        while pendientes:
            valor = pendientes.pop()
            if dataclasses.is_dataclass(valor):
                clases.add(type(valor))
                pendientes += [getattr(valor, c.name) for c in dataclasses.fields(valor)]
            elif isinstance(valor, tuple):
                pendientes += valor
    assert len(clases) >= 20  # casi todo el modelo pasa por aquí


def test_valores_por_omision_y_contexto() -> None:
    arbol = leer_texto("coleccion: actividades\nvalor: 3\ncita: tres\nfuente: {tabla: T}\n"
                       "otra: se ignora\n", "datos/x.yml", Informe())
    assert arbol is not None
    uno = construir(Conteo, arbol.datos, (), arbol)
    dos = construir(Conteo, arbol.datos, (), arbol, {"linea": "no se usa"})
    assert uno == Conteo("actividades", 3, "tres", Fuente(tabla="T"), {}, 1) == dos
    assert uno.filtro is not dos.filtro  # ``default_factory``: un dict nuevo en cada registro
    assert hash(uno.fuente) == hash(Fuente(tabla="T"))
    # el contexto completa lo que falta, pero no reemplaza lo que el archivo da
    actividad = construir(Actividad, {"id": "a", "texto": "t", "calendario": {"estado":
                          "permanente"}, "fuente": {}, "documento": "propio"}, ("a",), arbol,
                          {"documento": "del contexto", "mecanismo": "ingreso"})
    assert actividad.documento == "propio" and actividad.mecanismo == "ingreso"
    assert actividad.calendario == Calendario("permanente") and actividad.linea == 1


def test_fuente_digital_sin_archivo_no_toma_el_del_contexto() -> None:
    # el contexto lleva «archivo» (el del archivo de datos); la fuente de un documento nacido
    # digital no tiene archivo y así queda
    arbol = leer_texto("descripcion: d\ndigital: true\nurl: https://x.example/a.pdf\n", "datos/x.yml",
                       Informe())
    assert arbol is not None
    fuente = construir(FuenteDocumento, arbol.datos, (), arbol, {"archivo": "datos/x.yml"})
    assert fuente == FuenteDocumento("d", None, True, "https://x.example/a.pdf")


def test_falta_un_campo_obligatorio() -> None:
    arbol = leer_texto("valor: 3\n", "datos/x.yml", Informe())
    assert arbol is not None
    with pytest.raises(TypeError, match="coleccion"):
        construir(Conteo, arbol.datos, (), arbol)
