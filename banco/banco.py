#!/usr/bin/env python3
"""Banco de rendimiento de Programas del SPEN (no es una prueba: mide y reporta).

Genera datos sintéticos con la forma de los documentos reales a escala nacional y en escalas
menores (1/8, 1/4, 1/2), y en cada una mide la carga y validación, el núcleo sin MkDocs y un
``mkdocs build`` completo desde cero (tiempo, CPU, memoria pico, páginas y bytes), varias veces
en pasadas de ida y vuelta; además la búsqueda en Chromium, MkDocs + Material de serie con el
mismo número de páginas, el costo de los PDF de los anexos y cuánto tarda en verse una edición
en ``mkdocs serve``. Con ``--comparar RUTA`` construye cada escala también con otro clon del
repositorio, alternando, y los informa lado a lado. Ver ``banco/README.md``.

Uso (con el entorno del proyecto)::

    python3 tareas.py banco                          # todo (de 20 a 75 min en 2 núcleos)
    python3 tareas.py banco --rapido                 # humo: 1/8, una pasada (unos minutos)
    python3 tareas.py banco --comparar ../otro-clon  # este clon frente a otro, escala a escala
    python3 tareas.py banco --escalas 1/8,1/2 --sin-serve

Los resultados se imprimen y se escriben en ``banco/resultados.md`` (con ``--rapido``, en
``banco/resultados-rapido.md``, fuera de Git). Nunca modifica ``datos/`` ni los clones: todo
se genera y se construye en un directorio de trabajo.
"""

from __future__ import annotations

import argparse
import io
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import informe
import medidas
import serve
import sinteticos
from analisis import Escalon, Resultados, nombre_pasada
from clones import ESTE, RAIZ, Clon
from informe import construccion_en_una_linea, kib, mib, num
from relleno import Texto

from programas_spen.carga.validacion import ARCHIVO_CATALOGO

DATOS_REALES = RAIZ / "datos"
SALIDA_POR_OMISION = RAIZ / "banco" / "resultados.md"
#: Con ``--rapido`` (ignorado por Git: ``banco/.gitignore``).
SALIDA_RAPIDA = RAIZ / "banco" / "resultados-rapido.md"
ESCALAS_TODAS = ("1/8", "1/4", "1/2", "1")
ESCALA_RAPIDA = "1/8"
LIMITE_CONSTRUCCION = 20 * 60  # segundos por construcción
PAGINAS_SERIE = 1000
#: Veces que se mide la carga sin caché de la escala nacional, cada una en un proceso nuevo (el
#: objetivo se juzga con la mediana: en esta máquina virtual el mismo trabajo varía ±10 %).
REPETICIONES_CARGA = 5
#: Cuántas veces se construye cada escala (pasadas alternas de ida y vuelta): con tres, la
#: mediana de cada escala no se mueve por una construcción que la máquina retrasó.
PASADAS = 3
#: Instituciones de la muestra de PDF: el INE, un OPLE con plan de trabajo y otro con programa.
INSTITUCIONES_PDF = 3


def _imprimir(texto: str) -> None:
    print(texto, flush=True)


@dataclass
class Corrida:
    """Lo que comparten los pasos de una corrida."""

    clones: list[Clon]
    trabajo: Path
    texto: Texto
    limite: float
    salida: Path
    resultados: Resultados
    busqueda: bool
    anexos_pdf: bool

    @property
    def este(self) -> Clon:
        """El clon del banco."""
        return self.clones[0]

    def escribir(self) -> None:
        """Reescribe el informe con lo medido hasta ahora."""
        informe.escribir(self.resultados, self.salida)

    def generar(self, nombre: str, instituciones: int, anios: int) -> tuple[Path, sinteticos.Conteo, float]:
        """Genera los datos de ``nombre`` en el directorio de trabajo; devuelve la carpeta, el
        conteo y los segundos que tardó."""
        datos = self.trabajo / f"datos-{_slug(nombre)}"
        _imprimir(f"[{nombre}] generando {instituciones} institución(es) × {anios} años…")
        inicio = time.perf_counter()
        conteo = sinteticos.generar(datos, instituciones, anios, self.texto,
                                    DATOS_REALES / ARCHIVO_CATALOGO)
        segundos = time.perf_counter() - inicio
        _imprimir(f"[{nombre}] {conteo.total:,} registros en {sum(conteo.documentos.values())} "
                  f"documentos, {mib(conteo.bytes)} MiB de YAML ({segundos:.1f} s); "
                  f"{dict(conteo.registros)}")
        return datos, conteo, segundos

    def datos_de(self, clon: Clon, nombre: str, instituciones: int, anios: int,
                 datos_este: Path) -> tuple[Path, sinteticos.Conteo | None]:
        """Los datos de ``clon`` para la escala ``nombre``: los que genera el otro clon con su
        propio ``banco/sinteticos.py`` y su paquete (su esquema puede ser otro), con su conteo;
        o los de este clon (``datos_este``, sin conteo propio) si es este o no tiene generador,
        o si el suyo falla."""
        generador = clon.raiz / "banco" / "sinteticos.py"
        if clon.etiqueta == ESTE or not generador.exists():
            return datos_este, None
        destino = self.trabajo / f"datos-{_slug(nombre)}-{clon.etiqueta}"
        conteo = destino.with_suffix(".json")
        _imprimir(f"[{nombre}] {clon.etiqueta}: generando sus datos con su banco/sinteticos.py…")
        proceso = subprocess.run(
            [str(clon.python), str(generador), str(destino), "--instituciones", str(instituciones),
             "--anios", str(anios), "--json", str(conteo)],
            capture_output=True, text=True, env=clon.entorno(destino), check=False)
        if proceso.returncode != 0 or not conteo.exists():
            _imprimir(f"[{nombre}] {clon.etiqueta}: su generador falló; usa los datos de este clon: "
                      + " | ".join(proceso.stderr.strip().splitlines()[-3:]))
            return datos_este, None
        return destino, sinteticos.Conteo.desde_json(conteo.read_text("utf-8"))

    def proyecto(self, clon: Clon, nombre: str) -> Path:
        """Dónde está el proyecto de ``clon`` para la escala ``nombre`` (lo prepara ``Clon.proyecto``)."""
        return self.trabajo / f"proyecto-{_slug(nombre)}-{clon.etiqueta}"

    def construir(self, clon: Clon, nombre: str, pasada: str, pdf: bool = False,
                  busqueda: bool = False) -> medidas.Construccion:
        """Construye desde cero el proyecto de ``clon`` para ``nombre``; con ``busqueda``, mide
        además la búsqueda del sitio construido. Borra el sitio al terminar."""
        slug = _slug(nombre)
        salida = self.trabajo / f"site-{slug}-{clon.etiqueta}"
        _imprimir(f"[{nombre}] {pasada}, {clon.etiqueta}: mkdocs build {'con' if pdf else 'sin'} "
                  f"PDF (límite {self.limite:.0f} s)…")
        c = medidas.construir(clon, self.proyecto(clon, nombre), salida, self.limite,
                              self.trabajo / f"build-{slug}-{clon.etiqueta}-{pasada.replace(' ', '-')}.log",
                              pdf=pdf)
        _imprimir(f"[{nombre}] {pasada}, {clon.etiqueta}: {construccion_en_una_linea(c)}")
        if busqueda and c.valida:
            self.medir_busqueda(nombre, salida)
        shutil.rmtree(salida, ignore_errors=True)
        return c

    def medir_busqueda(self, nombre: str, sitio: Path) -> None:
        """La búsqueda del sitio de la escala ``nombre`` en Chromium."""
        _imprimir(f"[{nombre}] búsqueda en Chromium…")
        b = medidas.medir_busqueda(sitio)
        escalon = next(e for e in self.resultados.escalones if e.nombre == nombre)
        escalon.busqueda = b
        _imprimir(f"[{nombre}] búsqueda: resultados tras {num(b['resultados_s'])} s, otra consulta "
                  f"{num(b['segunda_s'])} s, {kib(b['bytes_consulta'])} KiB pedidos, "
                  f"{num(b['memoria_mib'], 0)} MiB en el navegador"
                  + (f" — {b['error']}" if b["error"] else ""))


def _slug(nombre: str) -> str:
    return nombre.replace("/", "-").replace("≈", "").replace(" ", "-")


def _en_orden(clones: list[Clon], numero: int) -> list[Clon]:
    """Los clones en el orden de la pasada ``numero``: en las de ida, este primero; en las de
    vuelta, al revés (así la deriva de la máquina pesa igual en los dos)."""
    return clones if numero % 2 else clones[::-1]


def correr_escala(corrida: Corrida, escala: str, perfil: Path | None) -> Escalon:
    """Genera una escala, prepara un proyecto por clon, mide el núcleo con cada clon y hace
    la primera pasada (la ida) de construcciones. Se detiene si los datos generados no validan
    con este clon."""
    nombre, instituciones, anios = escala, sinteticos.instituciones_de(escala), sinteticos.ANIOS
    datos, conteo, segundos = corrida.generar(nombre, instituciones, anios)
    escalon = Escalon(nombre, instituciones, anios, conteo, segundos)
    corrida.resultados.escalones.append(escalon)
    datos_de: dict[str, Path] = {}
    for clon in corrida.clones:
        datos_de[clon.etiqueta], escalon.de(clon.etiqueta).conteo = corrida.datos_de(
            clon, nombre, instituciones, anios, datos)
        clon.proyecto(corrida.proyecto(clon, nombre), datos_de[clon.etiqueta])
        n = medidas.medir_nucleo(clon, datos_de[clon.etiqueta], corrida.limite,
                                 perfil=perfil if clon.etiqueta == ESTE else None)
        escalon.de(clon.etiqueta).nucleo = n
        if "carga_s" in n:
            escalon.de(clon.etiqueta).cargas_s.append(n["carga_s"])
        _imprimir(f"[{nombre}] núcleo, {clon.etiqueta}: {_nucleo_en_una_linea(n)}")
        for error in n.get("primeros_errores", [])[:5]:
            _imprimir(f"    {error}")
        if clon.etiqueta == ESTE and n.get("errores", 0):
            raise SystemExit("Los datos sintéticos tienen errores de validación:\n"
                             + "\n".join(n["primeros_errores"]))
    veces = REPETICIONES_CARGA if escala == "1" else 1
    for _ in range(veces - 1):  # más cargas sin caché, alternando los clones
        for clon in corrida.clones:
            carga = medidas.medir_nucleo(clon, datos_de[clon.etiqueta], corrida.limite,
                                         solo_carga=True)
            if "carga_s" in carga:
                escalon.de(clon.etiqueta).cargas_s.append(carga["carga_s"])
    for clon in corrida.clones:
        cargas = escalon.de(clon.etiqueta).cargas_s
        if len(cargas) > 1:
            _imprimir(f"[{nombre}] cargar y validar, {clon.etiqueta}: mediana de {len(cargas)}: "
                      f"{num(escalon.de(clon.etiqueta).carga(), 2)} s")
    construir_pasada(corrida, escalon, 1)
    corrida.escribir()
    return escalon


def _nucleo_en_una_linea(n: dict[str, Any]) -> str:
    if "carga_s" not in n:
        return n.get("error", "sin medir")
    texto = (f"cargar y validar {n['carga_s']:.2f} s ({n['errores']} error(es), {n['avisos']} "
             f"aviso(s))")
    if "sitio_s" in n:
        texto += (f"; construir_sitio {n['sitio_s']:.2f} s; {n['paginas']:,} páginas; "
                  f"{n['rss_mib']:.0f} MiB pico")
    return texto + (f" — {n['error']}" if "error" in n else "")


def construir_pasada(corrida: Corrida, escalon: Escalon, numero: int) -> None:
    """Construye la escala con cada clon (en el orden de la pasada ``numero``); en la primera
    pasada mide además la búsqueda del sitio de este clon."""
    for clon in _en_orden(corrida.clones, numero):
        c = corrida.construir(clon, escalon.nombre, nombre_pasada(numero), pdf=corrida.anexos_pdf,
                              busqueda=corrida.busqueda and numero == 1 and clon.etiqueta == ESTE)
        escalon.de(clon.etiqueta).pasadas.append(c)
        corrida.escribir()


def comparar_con_serie(corrida: Corrida, paginas: int) -> None:
    """Este clon con unas ``paginas`` páginas frente a MkDocs + Material de serie con el mismo
    número de páginas Markdown, del tamaño medio de las generadas."""
    manuscritas = len(list((corrida.este.raiz / "contenido").rglob("*.md")))
    base = next((e for e in corrida.resultados.escalones if e.de().nucleo.get("paginas")), None)
    por_institucion = (base.de().nucleo["paginas"] / base.instituciones) if base else 700.0
    instituciones = max(1, round(paginas / por_institucion))
    anios = sinteticos.ANIOS
    if instituciones == 1 and por_institucion > paginas * 1.15:
        anios = max(1, round(sinteticos.ANIOS * paginas / por_institucion))
    nombre = f"≈{paginas} páginas"
    datos, _, _ = corrida.generar(nombre, instituciones, anios)
    nucleo = medidas.medir_nucleo(corrida.este, datos, corrida.limite)
    if not nucleo.get("paginas"):
        corrida.resultados.serie = {"error": "No se comparó con MkDocs de serie: el núcleo no "
                                    f"dio sus páginas ({nucleo.get('error', 'sin medir')})."}
        corrida.escribir()
        return
    corrida.este.proyecto(corrida.proyecto(corrida.este, nombre), datos)
    proyecto = corrida.construir(corrida.este, nombre, "única")
    tamano = int(nucleo["cuerpo_bytes"] / nucleo["paginas"])
    paginas_proyecto = nucleo["paginas"] + manuscritas
    _imprimir(f"[serie] {paginas_proyecto} páginas de {tamano:,} bytes…")
    sinteticos.proyecto_de_serie(corrida.trabajo / "serie", paginas_proyecto, tamano, corrida.texto)
    serie = medidas.construir(corrida.este, corrida.trabajo / "serie",
                              corrida.trabajo / "site-serie", corrida.limite,
                              corrida.trabajo / "build-serie.log")
    shutil.rmtree(corrida.trabajo / "site-serie", ignore_errors=True)
    _imprimir(f"[serie] {construccion_en_una_linea(serie)}")
    comparacion: dict[str, Any] = {"paginas_serie": paginas_proyecto, "tamano_objetivo": tamano,
                                   "paginas_proyecto": paginas_proyecto,
                                   "instituciones": instituciones, "anios": anios,
                                   "serie": serie, "proyecto": proyecto, "razon": None}
    if serie.valida and proyecto.valida:
        assert serie.segundos and proyecto.segundos
        comparacion["razon"] = ((proyecto.segundos / paginas_proyecto)
                                / (serie.segundos / comparacion["paginas_serie"]))
        comparacion["razon_total"] = proyecto.segundos / serie.segundos
    corrida.resultados.serie = comparacion
    corrida.escribir()


def medir_pdf(corrida: Corrida) -> None:
    """Costo de los PDF de los anexos con este clon: la misma muestra (un año) construida sin
    PDF, con PDF desde cero y con PDF y la caché que dejó la anterior."""
    nombre = "pdf"
    datos, conteo, _ = corrida.generar(nombre, INSTITUCIONES_PDF, 1)
    proyecto = corrida.este.proyecto(corrida.proyecto(corrida.este, nombre), datos)
    sitio = corrida.trabajo / "site-pdf"
    sin = medidas.construir(corrida.este, proyecto, sitio, corrida.limite,
                            corrida.trabajo / "build-sin-pdf.log", pdf=False)
    con = medidas.construir(corrida.este, proyecto, sitio, corrida.limite,
                            corrida.trabajo / "build-con-pdf.log", pdf=True)
    pdfs = list(sitio.rglob("*.pdf")) if sitio.exists() else []
    caliente = medidas.construir(corrida.este, proyecto, corrida.trabajo / "site-pdf-cache",
                                 corrida.limite, corrida.trabajo / "build-con-pdf-cache.log",
                                 pdf=True, con_cache=True)
    medida: dict[str, Any] = {"instituciones": INSTITUCIONES_PDF,
                              "documentos": sum(conteo.documentos.values()), "sin": sin,
                              "con": con, "caliente": caliente, "pdfs": len(pdfs),
                              "bytes_pdf": sum(p.stat().st_size for p in pdfs), "s_por_pdf": None}
    if pdfs and sin.valida and con.valida:
        assert sin.segundos and con.segundos
        medida["s_por_pdf"] = max(0.0, con.segundos - sin.segundos) / len(pdfs)
    for carpeta in (sitio, corrida.trabajo / "site-pdf-cache"):
        shutil.rmtree(carpeta, ignore_errors=True)
    corrida.resultados.pdf = medida
    _imprimir(f"[pdf] sin PDF {num(sin.segundos)} s; con PDF {construccion_en_una_linea(con)}; "
              f"{len(pdfs)} PDF"
              + (f"; {medida['s_por_pdf']:.2f} s por PDF" if medida["s_por_pdf"] else ""))
    corrida.escribir()


def medir_serve(corrida: Corrida) -> None:
    """La edición visible en ``mkdocs serve`` con este clon, con y sin los PDF."""
    for pdf in (True, False):
        _imprimir(f"[serve] edición de un archivo de datos real ({'con' if pdf else 'sin'} PDF)…")
        medida = serve.latencia_serve(corrida.este, corrida.trabajo, pdf)
        corrida.resultados.serve.append(medida)
        _imprimir(f"[serve] {medida}")
        corrida.escribir()


def _perfil_texto(archivo: Path, lineas: int = 25) -> str:
    flujo = io.StringIO()
    pstats.Stats(str(archivo), stream=flujo).strip_dirs().sort_stats("tottime").print_stats(lineas)
    texto = flujo.getvalue()
    return texto[texto.find("   ncalls"):] if "   ncalls" in texto else texto


def _argumentos(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--escalas", help="escalas separadas por comas (por omisión 1/8,1/4,1/2,1; "
                                          f"con --rapido, {ESCALA_RAPIDA})")
    parser.add_argument("--rapido", action="store_true",
                        help=f"humo en unos minutos: solo {ESCALA_RAPIDA}, una pasada, sin la "
                             "muestra de PDF, sin MkDocs de serie y sin serve")
    parser.add_argument("--comparar", type=Path, metavar="CLON",
                        help="construir cada escala también con el clon de esta ruta, alternando")
    parser.add_argument("--pasadas", type=int,
                        help=f"cuántas veces construir cada escala, en pasadas alternas de ida "
                             f"(de menor a mayor) y vuelta (por omisión {PASADAS}; 1 con --rapido)")
    parser.add_argument("--solo-ida", action="store_true", help="una sola pasada (--pasadas 1)")
    parser.add_argument("--paginas-serie", "--paginas-comparacion", dest="paginas_serie", type=int,
                        default=PAGINAS_SERIE,
                        help=f"páginas de la comparación con MkDocs de serie (por omisión "
                             f"{PAGINAS_SERIE})")
    parser.add_argument("--sin-serie", "--sin-comparacion", dest="sin_serie", action="store_true",
                        help="no comparar con MkDocs + Material de serie")
    parser.add_argument("--sin-serve", action="store_true", help="no medir mkdocs serve")
    parser.add_argument("--sin-busqueda", action="store_true",
                        help="no medir la búsqueda de cada escala en Chromium")
    parser.add_argument("--sin-pdf", action="store_true",
                        help="no medir la muestra de PDF de los anexos")
    parser.add_argument("--anexos-pdf", action="store_true",
                        help="construir cada escala con los PDF de los anexos (lento)")
    parser.add_argument("--perfil", action="store_true",
                        help="perfilar (cProfile) el núcleo de este clon en la mayor escala")
    parser.add_argument("--limite", type=float, default=LIMITE_CONSTRUCCION,
                        help=f"segundos máximos por construcción (por omisión {LIMITE_CONSTRUCCION})")
    parser.add_argument("--salida", type=Path,
                        help="el informe (por omisión banco/resultados.md; con --rapido, "
                             "banco/resultados-rapido.md)")
    parser.add_argument("--trabajo", type=Path,
                        help="directorio de trabajo que se conserva (por omisión, uno temporal "
                             "que se borra)")
    args = parser.parse_args(argv)
    args.escalas = tuple(e.strip() for e in (args.escalas or (
        ESCALA_RAPIDA if args.rapido else ",".join(ESCALAS_TODAS))).split(",") if e.strip())
    for escala in args.escalas:
        try:
            if not 0 < Fraction(escala) <= 1:
                raise ValueError
        except ValueError:
            parser.error(f"--escalas: «{escala}» no es una fracción entre 0 y 1 (como 1/8)")
    args.pasadas = 1 if args.solo_ida else args.pasadas or (1 if args.rapido else PASADAS)
    if args.pasadas < 1:
        parser.error("--pasadas debe ser 1 o más")
    if args.rapido:
        args.sin_pdf = args.sin_serie = args.sin_serve = True
    args.salida = args.salida or (SALIDA_RAPIDA if args.rapido else SALIDA_POR_OMISION)
    return args


def main(argv: list[str] | None = None) -> int:
    """Punto de entrada."""
    args = _argumentos(argv)
    clones = [Clon.este()] + ([Clon.otro(args.comparar)] if args.comparar else [])
    propio = args.trabajo is None
    trabajo = Path(tempfile.mkdtemp(prefix="banco-spen-")) if propio else args.trabajo
    trabajo.mkdir(parents=True, exist_ok=True)
    resultados = Resultados(maquina=medidas.info_maquina(clones),
                            orden="python3 tareas.py banco " + " ".join(sys.argv[1:] if argv is None
                                                                        else argv),
                            clones={c.etiqueta: c.describir() for c in clones},
                            con_pdf=args.anexos_pdf)
    _imprimir(f"Banco de Programas del SPEN — trabajo en {trabajo}")
    for clave, valor in resultados.maquina.items():
        _imprimir(f"  {clave}: {valor}")
    corrida = Corrida(clones, trabajo, sinteticos.texto_de(DATOS_REALES), args.limite, args.salida,
                      resultados, busqueda=not args.sin_busqueda, anexos_pdf=args.anexos_pdf)
    try:
        for escala in args.escalas:
            perfil = trabajo / "perfil-nucleo.prof" if args.perfil and escala == args.escalas[-1] else None
            correr_escala(corrida, escala, perfil)
            if perfil and perfil.exists():
                resultados.perfil = _perfil_texto(perfil)
        for numero in range(2, args.pasadas + 1):
            orden = resultados.escalones[::-1] if numero % 2 == 0 else resultados.escalones
            for escalon in orden:
                construir_pasada(corrida, escalon, numero)
        if not args.sin_pdf and not args.anexos_pdf:
            medir_pdf(corrida)
        if not args.sin_serie:
            comparar_con_serie(corrida, args.paginas_serie)
        if not args.sin_serve:
            medir_serve(corrida)
        resultados.maquina["Carga del sistema al terminar (1, 5, 15 min)"] = medidas.carga_del_sistema()
        resultados.maquina["Referencia de CPU al terminar"] = f"{medidas.referencia_cpu():.2f} s"
        corrida.escribir()
        _imprimir("")
        _imprimir(informe.informe_markdown(resultados))
        _imprimir(f"Resultados escritos en {args.salida}")
    finally:
        if propio:
            shutil.rmtree(trabajo, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
