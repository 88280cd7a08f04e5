"""Piezas comunes de las páginas: enlaces, acuerdos enlazados en el texto, descripciones en
español de calendarios, fuentes y avisos, y las siglas de cada página.

Todo devuelve piezas de la descripción de una página (``sitio.secciones``), nunca marcado:
el texto de los datos queda como texto y lo escapan las plantillas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from programas_spen.modelo import bloques as prosa_modelo
from programas_spen.modelo.problemas import Problema
from programas_spen.modelo.registros import Calendario, Documento, Fuente
from programas_spen.modelo.texto import NOMBRES_MESES, nombre_mes
from programas_spen.sitio import siglas, urls
from programas_spen.sitio.grafo import PATRON_ACUERDO, Grafo
from programas_spen.sitio.secciones import (
    Aviso,
    Bloque,
    Contenido,
    Cursiva,
    Elemento,
    Enlace,
    Fila,
    Fuerte,
    Lista,
    Marca,
    Pagina,
    Parrafo,
    Parte,
    Salto,
    Seccion,
    Tabla,
    unir,
)

__all__ = [
    "NO_DADO", "Pagina", "SIN_BUSQUEDA", "aviso_registro", "avisos_en_linea", "claves_de_temas", "describir_calendario",
    "describir_fuente", "enlace", "enlazar", "lista_meses", "peso_documento", "prosa", "rotulo", "siglas_de",
    "siglas_del_sitio",
]

#: Metadatos de una página que la búsqueda no indexa (``search.exclude``): las vistas que
#: repiten los registros de otras páginas (cada mes del calendario repite el texto completo de
#: cada registro que cae en él, la rejilla de un documento y sus gráficas repiten los de su
#: documento). Así una búsqueda lleva al registro, en su documento, y no a cada mes en que
#: aparece, y el índice no los duplica (ver ``busqueda``).
SIN_BUSQUEDA: dict[str, object] = {"search": {"exclude": True}}

NO_DADO = "No dado en la fuente"


def peso_documento(doc: Documento) -> int:
    """Costo estimado de las páginas de un documento: cuántos registros tiene."""
    return 10 + sum(len(coleccion) for coleccion in (
        doc.actividades, doc.temas, doc.lineas_accion, doc.sesiones, doc.compromisos, doc.acuerdos,
        doc.sesiones_programadas, doc.fichas))


def enlace(contenido: Contenido, destino: urls.Destino | str, titulo: str | None = None) -> Enlace:
    """Un enlace a una página o ancla del sitio (o a una dirección externa)."""
    return Enlace(contenido, destino, titulo)


def enlazar(texto: str | None, grafo: Grafo) -> tuple[Parte, ...]:
    """El texto de la fuente, con cada número de acuerdo que tiene página convertido en enlace
    a ella; el resto queda como texto."""
    if not texto:
        return ()
    plano = " ".join(texto.split())
    partes: list[Parte] = []
    inicio = 0
    for encontrado in PATRON_ACUERDO.finditer(plano):
        numero = encontrado.group(0)
        if numero not in grafo.acuerdos:
            continue
        partes.append(plano[inicio:encontrado.start()])
        partes.append(Enlace(numero, urls.acuerdo(numero)))
        inicio = encontrado.end()
    partes.append(plano[inicio:])
    return unir(*partes)


def rotulo(etiqueta: str, *valor: Parte | tuple[Parte, ...] | None) -> tuple[Parte, ...]:
    """«**Etiqueta:** valor» (el rótulo de un dato en una lista)."""
    return unir(Fuerte(f"{etiqueta}:"), " ", *valor)


def lista_meses(meses: Iterable[str]) -> str:
    """«enero, febrero y marzo de 2024»; agrupa por año."""
    por_anio: dict[str, list[str]] = {}
    for mes in sorted(meses):
        por_anio.setdefault(mes[:4], []).append(NOMBRES_MESES[int(mes[5:]) - 1])
    partes = []
    for anio, nombres in por_anio.items():
        cuerpo = nombres[0] if len(nombres) == 1 else ", ".join(nombres[:-1]) + " y " + nombres[-1]
        partes.append(f"{cuerpo} de {anio}")
    return "; ".join(partes)


def describir_calendario(calendario: Calendario | None) -> str:
    """Descripción en una línea, en español, del estado del calendario."""
    if calendario is None:
        return NO_DADO
    if calendario.estado == "meses":
        texto = lista_meses(calendario.meses).capitalize()
    elif calendario.estado == "periodo":
        texto = f"Periodo dado en palabras: «{' '.join((calendario.texto or '').split())}»"
        if calendario.rango:
            texto += (f" ({nombre_mes(calendario.rango.desde)} a "
                      f"{nombre_mes(calendario.rango.hasta)})")
    elif calendario.estado == "permanente":
        texto = "Permanente"
    else:
        texto = NO_DADO
    if calendario.marcas_fuera_de_tabla:
        marcas = calendario.marcas_fuera_de_tabla
        texto += ("; la tabla de la fuente marca además una casilla que no corresponde a ningún mes"
                  if marcas == 1 else
                  f"; la tabla de la fuente marca además {marcas} casillas que no corresponden a ningún mes")
    if calendario.condicion:
        texto += f"; condicional: «{' '.join(calendario.condicion.split())}»"
    return texto


def describir_fuente(doc: Documento, fuente: Fuente | None) -> str:
    """«Programa … 2020 — sección «Anexo», tabla «…», fila 3»."""
    donde = fuente.describir() if fuente else ""
    return doc.titulo_corto + (f" — {donde}" if donde else "")


def avisos_en_linea(avisos: list[Problema]) -> tuple[Parte, ...]:
    """Los avisos de coherencia de un registro, dentro de su celda o elemento."""
    partes: list[Parte] = []
    for aviso in avisos:
        partes += [Salto(), Marca(unir("⚠ ", Cursiva("Aviso:"), " ", aviso.para_ciudadania()), "aviso-en-linea")]
    return tuple(partes)


def aviso_registro(avisos: list[Problema]) -> tuple[Aviso, ...]:
    """El recuadro con los avisos de validación que señalan un registro (ninguno si no hay)."""
    if not avisos:
        return ()
    return (Aviso("Aviso de coherencia de la fuente", (
        Lista(tuple(Elemento(a.para_ciudadania()) for a in avisos)),
        Parrafo("La fuente se transcribe tal como es; este aviso lo señala la validación."),
    )),)


def siglas_del_sitio(grafo: Grafo) -> Mapping[str, str]:
    """Forma → significado de las siglas de todos los documentos (el INE primero), para las
    páginas transversales y como respaldo de las de cada documento. Se calcula una vez por
    grafo."""
    guardadas = grafo.memo.get("siglas_del_sitio")
    if not isinstance(guardadas, dict):
        guardadas = siglas.significados(s for documento in grafo.datos.documentos for s in documento.siglas)
        for documento in grafo.datos.documentos:
            for clave, significado in claves_de_temas(grafo, documento).items():
                guardadas.setdefault(clave, significado)
        grafo.memo["siglas_del_sitio"] = guardadas
    return guardadas


def claves_de_temas(grafo: Grafo, doc: Documento) -> dict[str, str]:
    """Las claves con que abren los temas de ``doc`` («AG», «DCPE») y qué significan
    (``siglas.claves_de_temas``), en el orden en que aparecen."""
    propias = siglas.significados(doc.siglas)
    return siglas.claves_de_temas(
        ((t.clasificacion, grafo.areas[t.area].nombre if t.area in grafo.areas else None,
          grafo.areas[t.area].siglas if t.area in grafo.areas else None) for t in doc.temas), propias)


def siglas_de(grafo: Grafo, doc: Documento | None = None) -> tuple[tuple[str, str], ...]:
    """Las siglas que se marcan en una página: las de su documento (si es de uno) con las
    claves de sus temas y, para las que este no define, las del sitio (con las claves de los
    temas de todos los documentos)."""
    propias = siglas.significados(doc.siglas) if doc is not None else {}
    if doc is not None:
        propias = {**claves_de_temas(grafo, doc), **propias}
    return siglas.combinar(propias, siglas_del_sitio(grafo))


def prosa(bloques: Iterable[prosa_modelo.Bloque], grafo: Grafo, nivel: int = 3) -> tuple[Bloque, ...]:
    """La prosa de la fuente (los bloques de un apartado, de unos antecedentes…) como bloques de
    página: cada párrafo, lista y tabla con sus números de acuerdo enlazados, y cada encabezado
    como apartado de nivel ``nivel`` (o más, según su propio nivel) con su ancla. Nada se
    interpreta como Markdown: el texto es el de la fuente."""
    salida: list[Bloque] = []
    for bloque in bloques:
        if isinstance(bloque, prosa_modelo.Parrafo):
            salida.append(Parrafo(enlazar(bloque.texto, grafo)))
        elif isinstance(bloque, prosa_modelo.Encabezado):
            salida.append(Seccion(bloque.texto, (), nivel=min(6, nivel + bloque.nivel - 1)))
        elif isinstance(bloque, prosa_modelo.Lista):
            salida.append(Lista(tuple(Elemento(enlazar(e, grafo)) for e in bloque.elementos), ordenada=bloque.numerada))
        else:
            salida.append(Tabla(tuple(bloque.encabezados),
                                tuple(Fila(tuple(enlazar(c, grafo) for c in fila)) for fila in bloque.filas)))
    return tuple(salida)
