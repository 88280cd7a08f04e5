"""La descripción de una página como datos: apartados, bloques y contenido en línea.

Los constructores de páginas (``sitio/paginas/``) describen cada página con estas piezas; las
plantillas de Jinja (``sitio/plantillas/``, con escape automático) las convierten en HTML
(``sitio/render.py``). Una misma descripción sirve a más de una plantilla: la página web de un
documento y su anexo para imprimir salen de los mismos apartados.

El texto de los datos es siempre texto: una cadena (``str``) dentro de un contenido se escribe
escapada, con sus siglas marcadas como ``<abbr>``, y nunca se interpreta como Markdown ni HTML.
El único marcado que no se escapa es ``Html``, que solo arma el código del núcleo (el SVG de un
código QR, el JSON de una gráfica), nunca con texto de los datos sin escapar.

Las piezas son inmutables (``frozen``) y se comparan por valor: dos construcciones de la misma
página con los mismos datos dan descripciones iguales.

**Dos vistas, una descripción.** La página web es la vista de siempre; la vista impresa (el anexo
de un documento para la Gaceta, ``anexos/anexo_html``) escribe la misma descripción con
``impresion=True``. Lo que solo es de la web se marca como dato: ``solo_web`` en un bloque, un
elemento de lista o un apartado, ``columnas_web`` en una tabla y ``SoloWeb`` en línea (avisos de la
validación, enlaces al seguimiento, resúmenes que hace el sitio); la vista impresa los omite, escribe
los enlaces a páginas del sitio como su texto (los externos quedan como enlaces) y dibuja las
columnas de meses de una ``TablaMeses`` que la web escribe en palabras.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Literal, TypeAlias

from markupsafe import Markup

from programas_spen.modelo.texto import abreviatura_mes, nombre_mes
from programas_spen.sitio.urls import Destino

# --- Contenido en línea -------------------------------------------------------------------


@dataclass(frozen=True)
class Enlace:
    """Un enlace: a una página o ancla del sitio (``Destino``, relativo a la página que lo
    contiene) o a una dirección externa (``str``)."""

    tipo: ClassVar[str] = "enlace"
    contenido: Contenido
    destino: Destino | str
    #: Texto del atributo ``title`` (se muestra al pasar el puntero).
    titulo: str | None = None
    clase: str | None = None
    #: Atributo ``download`` (nombre con que se guarda el archivo).
    descarga: str | None = None


@dataclass(frozen=True)
class Fuerte:
    """Texto resaltado (``<strong>``): rótulos como «Estatus:»."""

    tipo: ClassVar[str] = "fuerte"
    contenido: Contenido


@dataclass(frozen=True)
class Cursiva:
    """Texto en cursiva (``<em>``)."""

    tipo: ClassVar[str] = "cursiva"
    contenido: Contenido


@dataclass(frozen=True)
class Codigo:
    """Texto literal de máquina (``<code>``): un nombre de archivo, una orden."""

    tipo: ClassVar[str] = "codigo"
    texto: str


@dataclass(frozen=True)
class Salto:
    """Salto de línea dentro de una celda o un párrafo (``<br>``)."""

    tipo: ClassVar[str] = "salto"


@dataclass(frozen=True)
class Ancla:
    """Ancla permanente de un registro dentro de su página (``<span id>``)."""

    tipo: ClassVar[str] = "ancla"
    id: str


@dataclass(frozen=True)
class Marca:
    """Contenido dentro de un ``<span>`` con clase (una etiqueta de estado, un aviso en línea)."""

    tipo: ClassVar[str] = "marca"
    contenido: Contenido
    clase: str


@dataclass(frozen=True)
class SoloWeb:
    """Contenido en línea que solo escribe la página web, no la vista impresa: el aviso de la
    validación junto a un registro, el enlace a su seguimiento."""

    tipo: ClassVar[str] = "solo_web"
    contenido: Contenido


Parte: TypeAlias = "str | Enlace | Fuerte | Cursiva | Codigo | Salto | Ancla | Marca | SoloWeb | Html"
#: Contenido en línea: un texto o una secuencia de partes.
Contenido: TypeAlias = "str | tuple[Parte, ...]"


def unir(*partes: Parte | tuple[Parte, ...] | None, separador: Parte | None = None) -> tuple[Parte, ...]:
    """Un contenido de varias partes; las tuplas se aplanan, ``None`` y ``""`` se omiten y,
    con ``separador``, se intercala entre cada dos."""
    planas: list[Parte] = []
    for parte in partes:
        if parte is None or parte == "" or parte == ():
            continue
        grupo = parte if isinstance(parte, tuple) else (parte,)
        if separador is not None and planas:
            planas.append(separador)
        planas.extend(grupo)
    return tuple(planas)


def juntar(contenidos: Iterable[Contenido], separador: Parte = ", ", ultimo: Parte | None = None) -> tuple[Parte, ...]:
    """Los contenidos seguidos, con ``separador`` entre ellos (y ``ultimo`` antes del último,
    p. ej. «, » y « y »)."""
    lista = [c if isinstance(c, tuple) else (c,) for c in contenidos if c]
    partes: list[Parte] = []
    for indice, contenido in enumerate(lista):
        if indice:
            partes.append(ultimo if ultimo is not None and indice == len(lista) - 1 else separador)
        partes.extend(contenido)
    return tuple(partes)


# --- Bloques ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Html:
    """Marcado ya armado por el núcleo (SVG, ``<script>`` de un activo propio, el JSON de una
    gráfica). Nunca contiene texto de los datos sin escapar: quien lo arma lo escapa."""

    tipo: ClassVar[str] = "html"
    marcado: Markup
    solo_web: bool = False


@dataclass(frozen=True)
class Parrafo:
    """Un párrafo."""

    tipo: ClassVar[str] = "parrafo"
    contenido: Contenido
    clase: str | None = None
    solo_web: bool = False


@dataclass(frozen=True)
class Elemento:
    """Un elemento de una lista: su contenido, su ancla y, si hace falta, bloques anidados."""

    contenido: Contenido
    id: str | None = None
    bloques: tuple[Bloque, ...] = ()
    solo_web: bool = False
    #: Otros atributos del ``<li>`` (``data-*``), en orden.
    atributos: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Lista:
    """Una lista de elementos (``<ul>``, o ``<ol>`` si es ordenada)."""

    tipo: ClassVar[str] = "lista"
    elementos: tuple[Elemento, ...]
    ordenada: bool = False
    clase: str | None = None
    solo_web: bool = False


@dataclass(frozen=True)
class Fila:
    """Una fila de una tabla: una celda por columna (en una ``TablaMeses``, la de su columna de
    meses es una ``CeldaMeses``)."""

    tipo: ClassVar[str] = "fila"
    celdas: tuple[Contenido | CeldaMeses, ...]
    id: str | None = None
    clase: str | None = None


@dataclass(frozen=True)
class Tabla:
    """Una tabla con encabezados de columna. ``leyenda`` es su ``<caption>``."""

    tipo: ClassVar[str] = "tabla"
    columnas: tuple[Contenido, ...]
    filas: tuple[Fila, ...]
    leyenda: Contenido | None = None
    clase: str | None = None
    id: str | None = None
    #: Índices de las columnas que solo escribe la página web.
    columnas_web: tuple[int, ...] = ()
    solo_web: bool = False


@dataclass(frozen=True)
class Definiciones:
    """Una lista de pares término–definición (``<dl>``)."""

    tipo: ClassVar[str] = "definiciones"
    pares: tuple[tuple[Contenido, Contenido], ...]
    clase: str | None = None
    solo_web: bool = False


@dataclass(frozen=True)
class Aviso:
    """Un recuadro destacado (admonición): un aviso de coherencia, una nota."""

    tipo: ClassVar[str] = "aviso"
    titulo: Contenido
    bloques: tuple[Bloque, ...]
    #: Clase del recuadro: ``warning``, ``note``, ``info``…
    clase: str = "warning"
    solo_web: bool = False


@dataclass(frozen=True)
class Detalles:
    """Bloques plegados bajo un resumen (``<details>``/``<summary>``): lo que no es para todo
    lector (nombres de archivo, ubicación en el texto fuente, huellas), a la vista de quien lo
    pide. La vista impresa los escribe desplegados, con el resumen como rótulo."""

    tipo: ClassVar[str] = "detalles"
    resumen: Contenido
    bloques: tuple[Bloque, ...]
    clase: str | None = None
    solo_web: bool = False


@dataclass(frozen=True)
class Bloques:
    """Varios bloques dentro de un contenedor ``<div>`` con clase y, si hace falta, ``id``."""

    tipo: ClassVar[str] = "bloques"
    bloques: tuple[Bloque, ...]
    clase: str | None = None
    id: str | None = None
    #: Otros atributos del contenedor (``data-*``, ``aria-*``), en orden.
    atributos: tuple[tuple[str, str], ...] = ()
    solo_web: bool = False


@dataclass(frozen=True)
class Seccion:
    """Un apartado con su encabezado (``<h2>``… según ``nivel``) y sus bloques. Con ``id``,
    el encabezado es un ancla permanente; sin él, su ancla sale del título. Los apartados
    forman la tabla de contenido de la página."""

    tipo: ClassVar[str] = "seccion"
    titulo: Contenido
    bloques: tuple[Bloque, ...]
    id: str | None = None
    nivel: int = 2
    #: Solo en la página web (no en el anexo para imprimir).
    solo_web: bool = False
    #: Título con que lo escribe la vista impresa, si es otro (el que le da la fuente).
    titulo_impreso: Contenido | None = None


# --- Tablas de calendario -------------------------------------------------------------------

#: Estado de un registro en un mes: marcado en la fuente, dentro de un periodo que la fuente
#: da en palabras, o nada (ver ``modelo.calendario.celda``).
EstadoMes: TypeAlias = Literal["marcado", "periodo", "vacio"]


@dataclass(frozen=True)
class CeldaMeses:
    """Lo que una fila de una ``TablaMeses`` dice de sus meses.

    Donde se dibujan los meses: un estado por mes (``estados``) o, si la fuente no lo da mes por
    mes, unas palabras que ocupan toda la franja (``franja``, con su ``clase``: ``no-dado``,
    ``permanente``, ``palabras``), nunca celdas vacías que parezcan «nada ese mes»; ``nota`` (la
    condición, las marcas fuera de la tabla) se escribe al final de la celda anterior. Donde no
    se dibujan, la celda es ``palabras``."""

    palabras: Contenido
    estados: tuple[EstadoMes, ...] = ()
    franja: Contenido = ""
    clase: str = ""
    nota: Contenido = ()


@dataclass(frozen=True)
class GrupoFilas:
    """Una fila de encabezado de grupo (``<th scope="rowgroup">``) que abarca la tabla."""

    tipo: ClassVar[str] = "grupo"
    titulo: Contenido


@dataclass(frozen=True)
class TablaMeses:
    """Una tabla de calendario: columnas de datos y, en la columna ``columna_meses``, una
    franja de columnas, una por mes de ``meses`` (AAAA-MM), agrupadas por año; cada fila lleva
    ahí su ``CeldaMeses``.

    La vista impresa dibuja siempre los meses; la página web, solo sin ``en_palabras``: con él
    escribe la columna como una sola, con el calendario de cada fila en palabras y su
    encabezado ``columnas[columna_meses]``. Sin ``meses``, toda vista la escribe en palabras.
    ``con_leyenda``: donde se dibujan los meses, un párrafo antes de la tabla explica sus marcas."""

    tipo: ClassVar[str] = "tabla_meses"
    columnas: tuple[Contenido, ...]
    filas: tuple[Fila | GrupoFilas, ...]
    meses: tuple[str, ...]
    columna_meses: int
    en_palabras: bool = False
    #: La primera celda de cada fila es su encabezado (``<th scope="row">``).
    encabezado_de_fila: bool = False
    con_leyenda: bool = False
    #: Índices de las columnas que solo escribe la página web.
    columnas_web: tuple[int, ...] = ()
    leyenda: Contenido | None = None
    clase: str | None = None
    id: str | None = None
    solo_web: bool = False

    def anios(self) -> tuple[tuple[str, int], ...]:
        """Cada año de ``meses`` con cuántos meses suyos tiene la tabla, en orden."""
        anios: list[tuple[str, int]] = []
        for mes in self.meses:
            if anios and anios[-1][0] == mes[:4]:
                anios[-1] = (mes[:4], anios[-1][1] + 1)
            else:
                anios.append((mes[:4], 1))
        return tuple(anios)

    def cabeceras(self) -> tuple[tuple[str, str], ...]:
        """Cada mes como se rotula su columna: abreviatura y nombre completo («Mar», «marzo de
        2024»)."""
        return tuple((abreviatura_mes(m), nombre_mes(m)) for m in self.meses)


Bloque: TypeAlias = "Html | Parrafo | Lista | Tabla | TablaMeses | Definiciones | Aviso | Detalles | Bloques | Seccion"


# --- La página ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pagina:
    """Una página generada: su ruta en el sitio (la del Markdown que la lleva), su título, su
    descripción y sus bloques."""

    ruta: str
    titulo: str
    cuerpo: tuple[Bloque, ...]
    descripcion: str = ""
    #: Metadatos de la página (front matter), además del título y la descripción.
    meta: dict[str, object] = field(default_factory=dict)
    #: Institución a la que pertenece (id): su página va en el índice de búsqueda de esa
    #: institución (ver ``busqueda``); ``None``, en el común.
    institucion: str | None = None
    #: Siglas que se marcan con ``<abbr>`` en su texto: forma → significado.
    siglas: tuple[tuple[str, str], ...] = ()
    #: Título visible (``<h1>``) si es distinto de ``titulo``; ``""``: sin ``<h1>``.
    encabezado: str | None = None
