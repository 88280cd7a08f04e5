"""El único lugar donde se forman las rutas y URL del sitio.

Esquema (cada ruta de página es un archivo Markdown generado; con ``use_directory_urls`` la
URL pública es la ruta sin ``index.md`` / ``.md`` y con barra final):

====================================  ================================================
Registro                              URL
====================================  ================================================
Inicio                                ``/``
Documento                             ``/documentos/<documento>/``
Registro de un documento (actividad,  ``/documentos/<documento>/#<id>`` (ancla: el id del
mecanismo, tema, compromiso,          registro, único en su documento)
objetivo, línea, ficha, eje, sesión
programada, cifra)
Apartado de un documento              ``/documentos/<documento>/#<apartado>`` (siglas,
                                      mecanismos, temas, compromisos… y ``seccion-<id>``)
Acuerdo                               ``/acuerdos/<número en minúsculas, / → ->/``
                                      (INE/JGE06/2020 → ``/acuerdos/ine-jge06-2020/``)
Sesión celebrada                      ``/sesiones/<órgano>-<AAAA-MM-DD>/``
Área responsable                      ``/areas/<área>/``
Mecanismo entre años                  ``/mecanismos/<mecanismo>/``
Institución                           ``/instituciones/<institución>/``
====================================  ================================================

Todas las partes salen de identificadores fijados en los datos, nunca del texto, así que una
corrección de redacción no mueve ninguna URL. Los registros de un documento son anclas de su
página (no páginas propias) para que el sitio crezca en páginas con los documentos, no con los
registros: a escala nacional (cien mil registros) son unos pocos miles de páginas.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Destino:
    """Una página generada (ruta del Markdown) y, si hace falta, un ancla dentro de ella."""

    ruta: str
    ancla: str | None = None

    def url(self) -> str:
        """URL relativa a la raíz del sitio, con barra final (``use_directory_urls``)."""
        if self.ruta == "index.md":
            base = ""
        elif self.ruta.endswith("/index.md"):
            base = self.ruta[: -len("index.md")]
        else:
            base = self.ruta[: -len(".md")] + "/"
        return base + (f"#{self.ancla}" if self.ancla else "")

    def desde(self, origen: str) -> str:
        """Enlace relativo desde la página ``origen`` (ruta Markdown) hasta este destino.

        Es un enlace a la fuente ``.md``: MkDocs lo convierte y lo comprueba en modo estricto.
        """
        if self.ruta == origen:
            return f"#{self.ancla}" if self.ancla else "./"
        relativa = posixpath.relpath(self.ruta, posixpath.dirname(origen) or ".")
        return relativa + (f"#{self.ancla}" if self.ancla else "")


INICIO = Destino("index.md")
DOCUMENTOS = Destino("documentos/index.md")
ACUERDOS = Destino("acuerdos/index.md")
SESIONES = Destino("sesiones/index.md")
AREAS = Destino("areas/index.md")
MECANISMOS = Destino("mecanismos/index.md")
INSTITUCIONES = Destino("instituciones/index.md")
SIGLAS = Destino("siglas/index.md")
AVISOS = Destino("avisos/index.md")


def documento(doc: str) -> Destino:
    """Página de un documento."""
    return Destino(f"documentos/{doc}/index.md")


def ancla(doc: str, ident: str) -> Destino:
    """Ancla permanente de un registro en la página de su documento: su propio id (único en
    el documento) sirve de ancla."""
    return Destino(f"documentos/{doc}/index.md", ident)


def apartado(doc: str, nombre: str) -> Destino:
    """Apartado de la página de un documento (``#temas``, ``#cronograma``…)."""
    return Destino(f"documentos/{doc}/index.md", nombre)


def actividad(doc: str, ident: str) -> Destino:
    """Actividad de un mecanismo o fila de cronograma."""
    return ancla(doc, ident)


def mecanismo_documento(doc: str, mecanismo_id: str) -> Destino:
    """Tabla de un mecanismo dentro de un documento."""
    return ancla(doc, mecanismo_id)


def tema(doc: str, ident: str) -> Destino:
    """Tema del programa de una comisión."""
    return ancla(doc, ident)


def compromiso(doc: str, ident: str) -> Destino:
    """Compromiso de un informe de seguimiento."""
    return ancla(doc, ident)


def slug_acuerdo(numero: str) -> str:
    """INE/JGE06/2020 → ine-jge06-2020."""
    return numero.lower().replace("/", "-")


def acuerdo(numero: str) -> Destino:
    """Página de un acuerdo, por su número oficial."""
    return Destino(f"acuerdos/{slug_acuerdo(numero)}.md")


def sesion(ident: str) -> Destino:
    """Página de una sesión celebrada."""
    return Destino(f"sesiones/{ident}.md")


def area(ident: str) -> Destino:
    """Página de un área responsable."""
    return Destino(f"areas/{ident}.md")


def mecanismo(ident: str) -> Destino:
    """Página de un mecanismo a través de los años."""
    return Destino(f"mecanismos/{ident}.md")


def institucion(ident: str) -> Destino:
    """Página de una institución."""
    return Destino(f"instituciones/{ident}.md")


#: Anclas de apartado de la página de documento: ningún registro puede usar estos ids.
APARTADOS: frozenset[str] = frozenset({
    "datos", "siglas", "ejes", "objetivos", "lineas-accion", "mecanismos", "temas",
    "cronograma", "fichas", "sesiones-programadas", "integrantes", "sesiones", "compromisos",
    "acuerdos", "cifras", "avisos", "contenido",
})


def referencia(ref: str, coleccion: str) -> Destino:
    """Destino de una referencia ``documento/registro`` según su colección."""
    doc, ident = ref.split("/", 1)
    if coleccion == "temas":
        return tema(doc, ident)
    if coleccion == "sesiones_programadas":
        return ancla(doc, ident)
    raise ValueError(f"colección sin URL: {coleccion}")
