"""Un libro XLSX de vuelta a un documento de ``datos/``, con cada problema por hoja y celda.

Se leen todas las hojas y se informan todos los problemas a la vez, en el modelo de problemas
de los datos (``modelo/problemas.py``), cada uno «Hoja "Actividades", celda C7: qué se
encontró; qué se esperaba»: una hoja o columna que falta o que no es del libro (p. ej.
renombrada), celdas combinadas, fórmulas, filas de totales, un texto donde va una fecha, un mes
«13», una opción (estatus, estado…) que no existe, un área, órgano o institución que no está en
el catálogo, un registro padre que no existe, una celda obligatoria vacía, y todo lo demás que
el esquema publicado exige. Si hay uno solo, no se escribe nada.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from programas_spen.carga.esquema import ESQUEMA_DOCUMENTO, cargar_esquema, traducir
from programas_spen.hoja import celdas
from programas_spen.hoja.canonico import (
    LINEA_ESQUEMA,
    cabecera_de,
    comentarios_fuera_de_cabecera,
    leer_archivo_texto,
    volcar,
)
from programas_spen.hoja.disposicion import (
    COLUMNA_PADRE,
    HOJA_COLUMNAS,
    HOJA_INSTRUCCIONES,
    HOJA_LISTAS,
    Columna,
    Hoja,
    hojas_del_documento,
)
from programas_spen.hoja.vocabularios import Catalogo, parecido
from programas_spen.modelo.problemas import Informe

Ruta = tuple[str | int, ...]

_TOTALES = re.compile(r"^\s*(sub)?total(es)?\b|^\s*suma\b", re.IGNORECASE)
_AYUDA = {HOJA_INSTRUCCIONES, HOJA_COLUMNAS, HOJA_LISTAS}


@dataclass
class _Fila:
    """Un registro leído de una fila, con su clave padre y dónde está."""

    hoja: Hoja
    numero: int
    datos: dict[str, Any]
    padre: Any = None
    #: Letra de la columna de cada campo de la hoja (para señalar celdas).
    letras: dict[str, str] = field(default_factory=dict)
    #: Campos cuya celda ya tuvo un problema (no se repite en la validación del esquema).
    fallidos: set[tuple[str, ...]] = field(default_factory=set)


class _Lectura:
    """Lee el libro y acumula los problemas."""

    def __init__(self, archivo: str, informe: Informe, catalogo: Catalogo) -> None:
        self.archivo = archivo
        self.informe = informe
        self.catalogo = catalogo
        self.filas: dict[str, list[_Fila]] = {}
        #: Por ruta del registro en el documento: su fila.
        self.rutas: dict[Ruta, _Fila] = {}
        self.errores_antes = len(informe.errores)

    def error(self, hoja: str, lugar: str, mensaje: str) -> None:
        self.informe.error(self.archivo, 0, 0, f"Hoja \"{hoja}\", {lugar}: {mensaje}")

    @property
    def hubo_errores(self) -> bool:
        return len(self.informe.errores) > self.errores_antes

    # --- hojas y encabezados -------------------------------------------------------------

    def hojas(self, libro: Any) -> None:
        esperadas = {h.nombre: h for h in hojas_del_documento()}
        presentes = [n for n in libro.sheetnames if n not in _AYUDA]
        faltan = [n for n in esperadas if n not in presentes]
        for nombre in presentes:
            if nombre not in esperadas and _tiene_datos(libro[nombre]):
                sugerencia = renombrada(nombre, faltan)
                extra = f" (¿es «{sugerencia}» renombrada?)" if sugerencia else ""
                self.error(nombre, "la hoja", f"no es una hoja de este libro{extra}; se esperaban "
                           "solo las hojas: " + ", ".join(esperadas))
        for nombre in faltan:
            self.informe.error(self.archivo, 0, 0, f"Falta la hoja \"{nombre}\" (¿se borró o "
                               "se le cambió el nombre?); se esperaba con su fila de encabezados, "
                               "aunque no tenga filas")
        for nombre, hoja in esperadas.items():
            if nombre in presentes:
                self.filas[nombre] = self.leer_hoja(libro[nombre], hoja)

    def encabezados(self, hoja_xlsx: Worksheet, hoja: Hoja) -> dict[int, Columna]:
        columnas: dict[int, Columna] = {}
        vistos: dict[str, str] = {}
        nombres = [c.nombre for c in hoja.columnas]
        leidos = [str(c.value).strip() if c.value is not None else "" for c in hoja_xlsx[1]] \
            if hoja_xlsx.max_row >= 1 else []
        faltan = [n for n in nombres if n not in leidos]
        for indice, nombre in enumerate(leidos, start=1):
            letra = get_column_letter(indice)
            if not nombre:
                if any(not celdas.vacia(f[0].value) for f in hoja_xlsx.iter_rows(
                        min_row=2, min_col=indice, max_col=indice)):
                    self.error(hoja.nombre, f"celda {letra}1", "la columna tiene datos y no tiene "
                               "encabezado; se esperaba el nombre de una columna del libro")
                continue
            if nombre in vistos:
                self.error(hoja.nombre, f"celda {letra}1", f"la columna «{nombre}» está repetida (ya "
                           f"está en {vistos[nombre]}1); se esperaba cada columna una vez")
                continue
            vistos[nombre] = letra
            columna = hoja.columna(nombre)
            if columna is None:
                sugerencia = renombrada(nombre, faltan)
                extra = f" (¿es «{sugerencia}» renombrada?)" if sugerencia else ""
                self.error(hoja.nombre, f"celda {letra}1", f"la columna «{nombre}» no es de esta "
                           f"hoja{extra}; se esperaba una de: " + ", ".join(nombres))
                continue
            columnas[indice] = columna
        for nombre in faltan:
            self.error(hoja.nombre, "fila 1", f"falta la columna «{nombre}»; se esperaba con ese "
                       "encabezado exacto (aunque esté vacía)")
        return columnas

    # --- filas ---------------------------------------------------------------------------

    def leer_hoja(self, hoja_xlsx: Worksheet, hoja: Hoja) -> list[_Fila]:
        for rango in sorted(hoja_xlsx.merged_cells.ranges, key=str):
            self.error(hoja.nombre, f"celdas {rango.coord}", "celdas combinadas; se esperaba un "
                       "valor en cada celda: sepárelas (Separar celdas) y escriba el valor en cada una")
        columnas = self.encabezados(hoja_xlsx, hoja)
        letras = {c.nombre: get_column_letter(i) for i, c in columnas.items()}
        filas = []
        for numero, fila_xlsx in enumerate(hoja_xlsx.iter_rows(min_row=2), start=2):
            if all(celdas.vacia(c.value) for c in fila_xlsx):
                continue
            fila = self.leer_fila(hoja, numero, fila_xlsx, columnas)
            if fila is not None:
                fila.letras = letras
                filas.append(fila)
        return filas

    def leer_fila(self, hoja: Hoja, numero: int, fila_xlsx: tuple[Any, ...],
                  columnas: dict[int, Columna]) -> _Fila | None:
        textos = [c.value for c in fila_xlsx if isinstance(c.value, str)]
        total = next((t for t in textos if _TOTALES.match(t)), None)
        obligatorias_vacias = any(c.obligatorio and celdas.vacia(fila_xlsx[i - 1].value)
                                  for i, c in columnas.items() if i <= len(fila_xlsx))
        formula = next((c for c in fila_xlsx if c.data_type == "f"), None)
        if total is not None and (obligatorias_vacias or formula is not None):
            self.error(hoja.nombre, f"fila {numero}", f"parece una fila de totales («{total}»); se "
                       "esperaba solo una fila por registro: bórrela (el sitio calcula los totales)")
            return None
        fila = _Fila(hoja, numero, {})
        bloque: dict[str, Any] = {}
        for indice, columna in columnas.items():
            if indice > len(fila_xlsx):
                continue
            celda = fila_xlsx[indice - 1]
            lugar = f"celda {celda.coordinate}"
            if celda.data_type == "f":
                self.error(hoja.nombre, lugar, f"la celda tiene una fórmula ({celda.value}); se "
                           "esperaba un valor escrito")
                fila.fallidos.add(columna.campo)
                continue
            if celdas.vacia(celda.value):
                continue
            try:
                if columna.clase == "padre":
                    fila.padre = celdas.texto(celda.value).strip()
                    continue
                valor = celdas.valor_de(celda.value, columna)
            except celdas.CeldaInvalida as exc:
                self.error(hoja.nombre, lugar, str(exc))
                fila.fallidos.add(columna.campo)
                continue
            if columna.catalogo:
                self.comprobar_catalogo(hoja, lugar, columna, valor)
            if hoja.bloques:
                bloque[columna.campo[0]] = valor
            else:
                _poner(fila.datos, columna.campo, valor)
        if hoja.bloques:
            fila.datos = self.bloque(hoja, numero, bloque, fila)
        return fila

    def bloque(self, hoja: Hoja, numero: int, celdas_bloque: dict[str, Any], fila: _Fila) -> dict[str, Any]:
        """El bloque de prosa de una fila de una hoja de bloques."""
        clase, contenido, nivel = (celdas_bloque.get("clase"), celdas_bloque.get("texto"),
                                   celdas_bloque.get("nivel"))
        if clase is None or contenido is None:
            for campo, valor in (("clase", clase), ("texto", contenido)):
                if valor is None and (campo,) not in fila.fallidos:
                    self.error(hoja.nombre, f"celda {_letra(hoja, campo)}{numero}", "celda vacía; se "
                               f"esperaba un valor (obligatorio) ({campo})")
            fila.fallidos.add(())  # el bloque ya se señaló: el esquema no lo repite
            return {}
        letra = f"celda {_letra(hoja, 'texto')}{numero}"
        if clase in ("lista", "lista_numerada"):
            return {clase: [e for e in contenido.split("\n") if e.strip()]}
        if clase == "tabla":
            try:
                return {clase: celdas.json_objeto(contenido, '{"encabezados": ["A", "B"], "filas": '
                                                  '[["1", "2"]]}')}
            except celdas.CeldaInvalida as exc:
                self.error(hoja.nombre, letra, str(exc))
                fila.fallidos.add(("texto",))
                return {}
        if clase == "encabezado" and nivel is not None:
            return {clase: {"texto": contenido, "nivel": nivel}}
        if nivel is not None:
            self.error(hoja.nombre, f"celda {_letra(hoja, 'nivel')}{numero}", "solo un encabezado "
                       f"lleva nivel; se esperaba la celda vacía (la clase es {clase})")
        return {clase: contenido}

    def comprobar_catalogo(self, hoja: Hoja, lugar: str, columna: Columna, valor: Any) -> None:
        ids = self.catalogo.ids(columna.catalogo)
        if not isinstance(valor, str) or valor in ids:
            return
        nombre = {"areas": "un área", "organos": "un órgano", "instituciones": "una institución"}[
            columna.catalogo]
        sugerencia = parecido(valor, ids)
        extra = f" (¿quiso decir «{sugerencia}»?)" if sugerencia else ""
        self.error(hoja.nombre, lugar, f"«{valor}» no está en datos/instituciones.yml{extra}; se "
                   f"esperaba el id de {nombre} del catálogo (si es nuevo, agréguelo allí primero)")

    # --- el documento --------------------------------------------------------------------

    def documento(self) -> dict[str, Any]:
        """Arma el documento con las filas de todas las hojas (padres antes que hijas)."""
        hojas = hojas_del_documento()
        raiz_hoja = hojas[0]
        filas_raiz = self.filas.get(raiz_hoja.nombre, [])
        documento: dict[str, Any] = filas_raiz[0].datos if filas_raiz else {}
        if filas_raiz:
            self.rutas[()] = filas_raiz[0]
        elif raiz_hoja.nombre in self.filas:
            self.error(raiz_hoja.nombre, "fila 2", "la fila del documento está vacía; se esperaban "
                       "sus datos (id, tipo, institución…)")
        for fila in filas_raiz[1:]:
            self.error(raiz_hoja.nombre, f"fila {fila.numero}", "la hoja tiene una sola fila de "
                       "datos (el documento); se esperaba esta vacía (¿una fila de totales o un "
                       "segundo documento?)")
        indices: dict[str, dict[str, tuple[Ruta, dict[str, Any]]]] = {}
        for hoja in hojas[1:]:
            indice: dict[str, tuple[Ruta, dict[str, Any]]] = {}
            indices[hoja.nombre] = indice
            for fila in self.filas.get(hoja.nombre, []):
                destino = self.padre_de(hoja, fila, documento, indices)
                if destino is None:
                    continue
                ruta_padre, padre = destino
                lista = _lista_en(padre, hoja.relativa)
                ruta = (*ruta_padre, *hoja.relativa, len(lista))
                lista.append(fila.datos)
                self.rutas[ruta] = fila
                if hoja.clave and isinstance(fila.datos.get(hoja.clave), str | int):
                    indice.setdefault(str(fila.datos[hoja.clave]), (ruta, fila.datos))
        return documento

    def padre_de(self, hoja: Hoja, fila: _Fila, documento: dict[str, Any],
                 indices: dict[str, dict[str, tuple[Ruta, dict[str, Any]]]]
                 ) -> tuple[Ruta, dict[str, Any]] | None:
        if hoja.padre is None or not hoja.padre.ruta:
            return (), documento
        lugar = f"celda {fila.letras.get(COLUMNA_PADRE, 'A')}{fila.numero}"
        if fila.padre is None:
            if () in fila.fallidos:
                return None  # la celda ya se señaló (p. ej. una fecha donde va un id)
            self.error(hoja.nombre, lugar, f"celda vacía; se esperaba el {hoja.padre.clave} del registro "
                       f"de la hoja «{hoja.padre.nombre}» al que pertenece la fila (obligatorio)")
            return None
        indice = indices.get(hoja.padre.nombre, {})
        if fila.padre not in indice:
            sugerencia = parecido(fila.padre, list(indice))
            extra = f" (¿quiso decir «{sugerencia}»?)" if sugerencia else ""
            self.error(hoja.nombre, lugar, f"«{fila.padre}» no es un {hoja.padre.clave} de la hoja "
                       f"«{hoja.padre.nombre}»{extra}; se esperaba el de un registro de esa hoja")
            return None
        return indice[fila.padre]

    # --- el esquema ----------------------------------------------------------------------

    def validar(self, documento: dict[str, Any]) -> None:
        """Lo que exige el esquema publicado, señalado en la celda (o la fila) de cada valor."""
        validador = Draft202012Validator(cargar_esquema(ESQUEMA_DOCUMENTO))
        for error in sorted(validador.iter_errors(documento), key=lambda e: [str(p) for p in e.absolute_path]):
            ruta = tuple(error.absolute_path)
            mensaje, _ = traducir(error)
            mensaje = mensaje.split(": ", 1)[1] if ": " in mensaje else mensaje
            if error.validator == "required" and isinstance(error.instance, dict):
                for campo in error.validator_value:
                    if campo not in error.instance:
                        self.senalar((*ruta, campo), "celda vacía; se esperaba un valor "
                                     "(obligatorio)", vacio=True)
                continue
            self.senalar(ruta, mensaje)

    def senalar(self, ruta: Ruta, mensaje: str, vacio: bool = False) -> None:
        for largo in range(len(ruta), -1, -1):
            fila = self.rutas.get(ruta[:largo])
            if fila is None:
                continue
            resto = tuple(str(p) for p in ruta[largo:] if isinstance(p, str))
            if fila.hoja.bloques:
                if () in fila.fallidos:
                    return
                resto = ("texto",) if resto else ()
            columna = _columna_de(fila.hoja, resto)
            if columna is not None and (columna.campo in fila.fallidos or (
                    vacio and any(c[:len(resto)] == resto for c in fila.fallidos))):
                return  # ya señalada
            if columna is not None and columna.nombre not in fila.letras:
                return  # la columna falta: ya se dijo una vez, no en cada fila
            if columna is not None:
                descripcion = f" ({columna.nombre}: {columna.descripcion})" if vacio and \
                    columna.descripcion else f" ({columna.nombre})" if vacio else ""
                self.error(fila.hoja.nombre, f"celda {fila.letras[columna.nombre]}{fila.numero}",
                           mensaje + descripcion)
            else:
                self.error(fila.hoja.nombre, f"fila {fila.numero}", mensaje)
            return
        # sin fila: falta la hoja «Documento» o su fila, y eso ya se dijo


def renombrada(nombre: str, faltan: list[str]) -> str | None:
    """De lo que falta (hojas o columnas), lo que ``nombre`` parece haber sido: lo que contiene,
    lo más parecido o, si falta uno solo, ese."""
    contenidos = [f for f in faltan if f.lower() in nombre.lower()]
    if contenidos:
        return max(contenidos, key=len)
    return parecido(nombre, faltan) or (faltan[0] if len(faltan) == 1 else None)


def _columna_de(hoja: Hoja, resto: tuple[str, ...]) -> Columna | None:
    """La columna del campo ``resto`` (o la primera de un objeto que empieza en ``resto``)."""
    if not resto:
        return None
    exacta = next((c for c in hoja.columnas if c.campo == resto), None)
    if exacta is not None:
        return exacta
    return next((c for c in hoja.columnas if c.campo[:len(resto)] == resto), None) or \
        _columna_de(hoja, resto[:-1])


def _letra(hoja: Hoja, nombre: str) -> str:
    columna = hoja.columna(nombre)
    return get_column_letter(hoja.columnas.index(columna) + 1) if columna else "?"


def _tiene_datos(hoja_xlsx: Worksheet) -> bool:
    return any(not celdas.vacia(c) for fila in hoja_xlsx.iter_rows(values_only=True) for c in fila)


def _poner(datos: dict[str, Any], campo: tuple[str, ...], valor: Any) -> None:
    for paso in campo[:-1]:
        datos = datos.setdefault(paso, {})
    datos[campo[-1]] = valor


def _lista_en(registro: dict[str, Any], relativa: tuple[str, ...]) -> list[Any]:
    for paso in relativa[:-1]:
        registro = registro.setdefault(paso, {})
    return registro.setdefault(relativa[-1], [])


def leer_libro(libro_xlsx: Path, catalogo: Catalogo, informe: Informe) -> dict[str, Any] | None:
    """El documento del libro; ``None`` si hay algún problema (todos quedan en ``informe``)."""
    archivo = str(libro_xlsx)
    if not libro_xlsx.is_file():
        informe.error(archivo, 0, 0, "el libro no existe; se esperaba un archivo .xlsx")
        return None
    try:
        libro = load_workbook(libro_xlsx)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        informe.error(archivo, 0, 0, f"no se puede abrir como libro XLSX ({type(exc).__name__}); "
                      "se esperaba un libro guardado como «Libro de Excel (.xlsx)»")
        return None
    lectura = _Lectura(archivo, informe, catalogo)
    lectura.hojas(libro)
    documento = lectura.documento()
    lectura.validar(documento)
    return None if lectura.hubo_errores else documento


def importar(libro_xlsx: Path, datos_yml: Path, catalogo: Catalogo, informe: Informe) -> bool:
    """Escribe en ``datos_yml``, en la forma canónica, el documento del libro; con cualquier
    problema no escribe nada. Conserva los comentarios del principio de ``datos_yml`` si ya
    existe (si no, pone la línea del esquema); si tiene comentarios en otra parte, que se
    perderían, no lo toca y dice en qué líneas están."""
    cabecera = [LINEA_ESQUEMA]
    perdidos: list[int] = []
    if datos_yml.is_file():
        anterior = leer_archivo_texto(datos_yml, informe)
        if anterior is None:
            return False
        cabecera = cabecera_de(anterior) or cabecera
        perdidos = comentarios_fuera_de_cabecera(anterior)
        for linea in perdidos:
            informe.error(str(datos_yml), linea, 0, "comentario fuera del principio del archivo: se "
                          "perdería al escribir el documento del libro; se esperaba moverlo al "
                          "principio (o borrarlo) antes de importar")
    documento = leer_libro(libro_xlsx, catalogo, informe)
    if documento is None or perdidos:
        return False
    datos_yml.parent.mkdir(parents=True, exist_ok=True)
    datos_yml.write_text(volcar(documento, cabecera), encoding="utf-8")
    return True

