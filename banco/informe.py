"""El informe del banco en Markdown (``banco/resultados.md``): una tabla por medida.

Solo da forma a lo que ya está en ``analisis.Resultados``: no mide ni decide nada más que si se
cumple cada objetivo.
"""

from __future__ import annotations

import math
from pathlib import Path

import busqueda_navegador
from analisis import (
    OBJETIVO_CARGA,
    OBJETIVO_DUPLICAR,
    OBJETIVO_MEMORIA,
    OBJETIVO_SERVE,
    OBJETIVO_TIEMPO,
    Medidas,
    Resultados,
    ajuste,
    extremos,
    linealidad,
    pdf_nacional,
)
from clones import COMPARADO, ESTE
from medidas import MUESTREO_MEMORIA, Construccion
from sinteticos import ANIOS, PRIMER_ANIO

Fila = tuple[str, str, str]


def mib(valor: float | None) -> str:
    """Bytes en MiB, con un decimal."""
    return "—" if valor is None else f"{valor / (1024 * 1024):,.1f}"


def kib(valor: float | None) -> str:
    """Bytes en KiB, sin decimales."""
    return "—" if valor is None else f"{valor / 1024:,.0f}"


def num(valor: float | None, decimales: int = 1) -> str:
    """Un número con ``decimales`` decimales, o «—» si no se midió."""
    return "—" if valor is None else f"{valor:,.{decimales}f}"


def razon(este: float | None, comparado: float | None) -> str:
    """«×1,23»: ``comparado`` entre ``este``, o «—»."""
    return f"×{comparado / este:.2f}" if este and comparado else "—"


def _si_no(cumple: bool | None) -> str:
    return "sin medir" if cumple is None else ("**sí**" if cumple else "**no**")


def _tabla(cabecera: list[str], filas: list[list[str]]) -> list[str]:
    lineas = ["| " + " | ".join(cabecera) + " |",
              "| " + " | ".join("---:" if i else "---" for i in range(len(cabecera))) + " |"]
    lineas += ["| " + " | ".join(fila) + " |" for fila in filas]
    return lineas + [""]


# ---------------------------------------------------------------------------------------------
# Objetivos (del clon de este banco)
# ---------------------------------------------------------------------------------------------


def _objetivo_nacional(r: Resultados) -> list[Fila]:
    """La construcción nacional en tiempo y memoria, juzgada por la peor de sus pasadas."""
    nacional = r.escalon_nacional()
    pasadas = nacional.de().construcciones() if nacional else []
    objetivo = "Construcción nacional completa < 10 min"
    if not pasadas:
        return [(objetivo, "no se midió", _si_no(None))]
    todas = [c for _, c in pasadas]
    if not all(c.valida for c in todas):
        return [(objetivo, "; ".join(c.error for c in todas if c.error) or "falló", _si_no(False))]
    peor = max(c.segundos or math.inf for c in todas)
    memoria = max(c.memoria_mib or math.inf for c in todas)
    if len(todas) > 1:
        medido = (f"{num(peor)} s, la peor ("
                  + ", ".join(f"{nombre} {num(c.segundos)} s" for nombre, c in pasadas) + ")")
        medida_memoria = f"{num(memoria, 0)} MiB (la mayor de las {len(todas)})"
    else:
        medido, medida_memoria = f"{num(peor)} s", f"{num(memoria, 0)} MiB"
    filas = [(objetivo, medido, _si_no(peor < OBJETIVO_TIEMPO)),
             ("… en < 2 GB de memoria", medida_memoria, _si_no(memoria < OBJETIVO_MEMORIA))]
    estimado = pdf_nacional(r)
    if estimado is not None and not r.con_pdf:
        total = peor + estimado
        filas.append(("… contando los PDF de los anexos (estimado: construcción sin PDF + PDF "
                      "medidos en la muestra × documentos)", f"{num(total)} s",
                      _si_no(total < OBJETIVO_TIEMPO)))
    return filas


def _veces(reloj: float, cpu: float | None) -> str:
    texto = f"×{reloj:.2f} en tiempo de reloj"
    return texto + (f", ×{cpu:.2f} en tiempo de CPU" if cpu is not None else "")


def _cumple_duplicar(reloj: float, cpu: float | None) -> str:
    return _si_no(reloj <= OBJETIVO_DUPLICAR and (cpu is None or cpu <= OBJETIVO_DUPLICAR))


def _objetivo_lineal(r: Resultados) -> list[Fila]:
    """El peor paso entre escalas consecutivas y el ajuste de todas las construcciones."""
    pares = linealidad(r)
    if not pares:
        return []
    peor = max(p.reloj_normalizado for p in pares)
    cpus = [p.cpu_normalizado for p in pares if p.cpu_normalizado is not None]
    peor_cpu = max(cpus) if cpus else None
    filas = [("Crecimiento lineal: al duplicar registros, tiempo ≤ ×2,2 (normalizado a ×2 "
              "registros)", "peor " + _veces(peor, peor_cpu), _cumple_duplicar(peor, peor_cpu))]
    exponentes = ajuste(r)
    if exponentes is not None and len(pares) >= 2:
        reloj, cpu = 2 ** exponentes[0], None if exponentes[1] is None else 2 ** exponentes[1]
        filas.append(("… según el ajuste de todas las construcciones (t ∝ registrosᵇ por "
                      "mínimos cuadrados; al duplicar, ×2ᵇ)", _veces(reloj, cpu),
                      _cumple_duplicar(reloj, cpu)))
    return filas


def _objetivo_carga(r: Resultados) -> list[Fila]:
    """Cargar y validar todo, sin caché (mediana de las cargas) y con la caché llena."""
    nacional = r.escalon_nacional()
    medidas = nacional.de() if nacional else Medidas()
    carga = medidas.carga()
    if carga is None:
        return [("Cargar y validar todos los datos < 10 s", "no se midió la escala 1",
                 _si_no(None))]
    cargas = medidas.cargas_s
    if len(cargas) > 1:
        filas = [(f"Cargar y validar todos los datos < 10 s (sin caché, desde cero; mediana de "
                  f"{len(cargas)} procesos nuevos)",
                  f"{num(carga)} s (mín. {num(min(cargas))}, máx. {num(max(cargas))})",
                  _si_no(carga < OBJETIVO_CARGA))]
    else:
        filas = [("Cargar y validar todos los datos < 10 s (sin caché, desde cero)",
                  f"{num(carga)} s", _si_no(carga < OBJETIVO_CARGA))]
    caliente = medidas.nucleo.get("carga_cache_s")
    if caliente is not None:
        filas.append(("… con la caché de árboles llena (segunda construcción, `mkdocs serve`)",
                      f"{num(caliente)} s", _si_no(caliente < OBJETIVO_CARGA)))
    return filas


def _objetivo_busqueda(r: Resultados) -> list[Fila]:
    """La búsqueda nacional (sin objetivo en el issue)."""
    nacional = r.escalon_nacional()
    b = nacional.busqueda if nacional else None
    if not b or b.get("resultados_s") is None:
        return []
    return [("Búsqueda del sitio a escala nacional en Chromium de escritorio (sin objetivo en "
             "el issue; ver «Búsqueda en el navegador»)",
             f"resultados tras {num(b['resultados_s'])} s; otra consulta, {num(b['segunda_s'])} "
             f"s; {kib(b['bytes_consulta'])} KiB pedidos; {num(b['memoria_mib'], 0)} MiB en el "
             "navegador", "—")]


def _modo_serve(serve: dict[str, object]) -> str:
    return ("con los PDF de los anexos, que se generan aparte, como `python3 tareas.py sitio`"
            if serve.get("pdf") else "sin los PDF, `ANEXOS_PDF=false`")


def _objetivo_serve(r: Resultados) -> list[Fila]:
    """La edición visible en ``mkdocs serve`` (la peor de las ediciones) y su PDF."""
    if not r.serve:
        return [("Edición en mkdocs serve visible < 3 s (datos reales)", "no se midió",
                 _si_no(None))]
    filas: list[Fila] = []
    for serve in r.serve:
        objetivo = f"Edición en mkdocs serve visible < 3 s (datos reales; {_modo_serve(serve)})"
        tiempos = serve.get("tiempos") or []
        if not tiempos:
            filas.append((objetivo, str(serve.get("error", "no se midió")), _si_no(None)))
            continue
        vistos = [t for t in tiempos if t is not None]
        fallidos = len(tiempos) - len(vistos)
        medido = f"peor {num(max(vistos), 2)} s" if vistos else "nunca se vio"
        if fallidos:
            medido += f" ({fallidos} sin verse)"
        filas.append((objetivo, medido,
                      _si_no(bool(vistos) and not fallidos and max(vistos) < OBJETIVO_SERVE)))
        if serve.get("pdf_listo"):
            listos = [t for t in serve["pdf_listo"] if t is not None]
            faltan = len(serve["pdf_listo"]) - len(listos)
            filas.append(("… y su PDF del anexo publicado (llega después; sin objetivo)",
                          (f"peor {num(max(listos), 2)} s" if listos else "nunca llegó")
                          + (f" ({faltan} sin llegar)" if listos and faltan else ""), "—"))
    return filas


def objetivos(r: Resultados) -> list[Fila]:
    """(objetivo, medido, ¿se cumple?) de cada objetivo, con las medidas de este clon."""
    return [*_objetivo_nacional(r), *_objetivo_lineal(r), *_objetivo_carga(r),
            *_objetivo_busqueda(r), *_objetivo_serve(r)]


# ---------------------------------------------------------------------------------------------
# Secciones
# ---------------------------------------------------------------------------------------------


def _comparacion_clones(r: Resultados) -> list[str]:
    """Los dos clones lado a lado, por escala (vacío sin ``--comparar``)."""
    if COMPARADO not in r.clones:
        return []
    filas = []
    for e in r.escalones:
        a, b = e.de(ESTE), e.de(COMPARADO)
        filas.append([e.nombre, "Registros de los datos", f"{e.registros(ESTE):,}",
                      f"{e.registros(COMPARADO):,}", razon(e.registros(ESTE), e.registros(COMPARADO))])
        for nombre, valor, decimales in (("Construcción, reloj (s)", Medidas.tiempo, 1),
                                         ("Construcción, CPU (s)", Medidas.cpu, 1),
                                         ("Memoria pico (MiB)", Medidas.memoria, 0),
                                         ("Cargar y validar (s)", Medidas.carga, 2)):
            filas.append([e.nombre, nombre, num(valor(a), decimales), num(valor(b), decimales),
                          razon(valor(a), valor(b))])
        paginas = [sorted({c.paginas_html for c in m.validas()}) for m in (a, b)]
        filas.append([e.nombre, "Páginas HTML", *(", ".join(f"{p:,}" for p in ps) or "—"
                                                  for ps in paginas), "—"])
    exponentes = [ajuste(r, etiqueta) for etiqueta in (ESTE, COMPARADO)]
    if all(exponentes):
        filas.append(["todas", "Ajuste: reloj al duplicar registros (×2ᵇ, ver «Linealidad»)",
                      *(f"×{2 ** x[0]:.2f}" for x in exponentes if x), "—"])
    return ["## Este clon frente al comparado", "",
            f"*Este*: {r.clones[ESTE]}. *Comparado*: {r.clones[COMPARADO]}. Los mismos datos "
            "sintéticos (generados por cada clon con su `banco/sinteticos.py` si lo tiene, con "
            "su esquema), cada clon con su `mkdocs.yml`, `contenido/`, `tema/` y paquete (su "
            "`plugins/` en `PYTHONPATH`), cada construcción desde cero (sin la caché del "
            "plugin), alternando el orden: en las pasadas de ida, este y luego el comparado; en "
            "las de vuelta, al revés. Cada cifra es la mediana de las pasadas (la memoria, la "
            "mediana de los picos); *razón* es comparado / este (menos de ×1: el comparado es "
            "más rápido o usa menos memoria). *Cargar y validar*: `cargar_datos` sin caché, en "
            "un proceso nuevo con el intérprete y el paquete de cada clon.", "",
            *_tabla(["Escala", "Medida", "Este", "Comparado", "Razón"], filas)]


def _datos_sinteticos(r: Resultados) -> list[str]:
    filas = [[e.nombre, str(e.instituciones), str(e.documentos), f"{e.conteo.total:,}",
              f"{e.conteo.registros['compromisos']:,}",
              f"{e.conteo.registros['actividades'] + e.conteo.registros['filas_cronograma']:,}",
              f"{e.conteo.registros['temas']:,}", mib(e.conteo.bytes), num(e.generacion_s)]
             for e in r.escalones]
    return ["## Datos sintéticos generados", "",
            f"INE y los primeros OPLE, {ANIOS} años desde {PRIMER_ANIO}; por institución y año: "
            "programa anual (o plan de trabajo), programa de la comisión y 4 informes de "
            "seguimiento. Registros = secciones, ejes, objetivos, líneas de acción, mecanismos, "
            "actividades, filas de cronograma, temas, fichas, sesiones programadas, integrantes, "
            "sesiones, compromisos, acuerdos y cifras (sin siglas ni conteos).", "",
            *_tabla(["Escala", "Instituciones", "Documentos", "Registros", "Compromisos",
                     "Actividades", "Temas", "YAML (MiB)", "Generar (s)"], filas)]


def _nucleo(r: Resultados) -> list[str]:
    comparando = len(r.clones) > 1
    filas = []
    for e in r.escalones:
        for etiqueta in r.clones:
            n = e.de(etiqueta).nucleo
            filas.append([e.nombre, *([etiqueta] if comparando else []), f"{e.registros(etiqueta):,}",
                          num(n.get("carga_s"), 2), num(n.get("carga_cpu_s"), 2),
                          num(n.get("carga_cache_s"), 2), num(n.get("sitio_s"), 2),
                          num(n.get("sitio_cpu_s"), 2), num(n.get("nucleo_sin_carga_s"), 2),
                          f"{n.get('paginas', 0):,}", mib(n.get("cuerpo_bytes")),
                          str(n.get("avisos", "—")), str(n.get("errores", "—")),
                          num(n.get("rss_mib"), 0), n.get("error") or ("ok" if n else "—")])
    return ["## Núcleo sin MkDocs (proceso nuevo por escala)", "",
            "*Cargar y validar* es `carga.validacion.cargar_datos` (YAML, esquema, referencias, "
            "coherencia), sin caché; su CPU es la del proceso principal (con muchos datos, un "
            "proceso auxiliar lee cerca de la mitad de los archivos a la vez). *Con caché* es la "
            "misma carga con la caché de árboles ya llena (`cache_arboles`), como en una segunda "
            "construcción. *Núcleo completo* es `sitio.construir.construir_sitio` (carga sin "
            "caché, grafo, páginas y archivos, sin los PDF); *sin carga* es la diferencia. *Cuerpo*: "
            "lo que el núcleo entrega de cada página (su HTML o, en los clones de antes de que "
            "el núcleo escribiera HTML, su Markdown), sin la plantilla del tema.", "",
            *_tabla(["Escala", *(["Clon"] if comparando else []), "Registros",
                     "Cargar y validar (s)", "… CPU (s)", "Con caché (s)", "Núcleo completo (s)",
                     "… CPU (s)", "Sin carga (s)", "Páginas", "Cuerpo (MiB)", "Avisos",
                     "Errores", "Memoria pico (MiB)", "Estado"], filas)]


def _construcciones(r: Resultados) -> list[str]:
    comparando = len(r.clones) > 1
    lineas = ["## `mkdocs build` completo (proceso nuevo por construcción)", "",
              "Tiempo de reloj, CPU (de todos los procesos) y memoria pico de `mkdocs build "
              "--clean` (la mayor entre la RSS pico del mayor proceso y la suma de la PSS de "
              f"todos sus procesos, muestreada cada {MUESTREO_MEMORIA} s: la construcción se "
              "copia con `fork` para repartir trabajo), desde cero (antes de cada construcción "
              "se borra la caché del plugin); páginas = archivos `.html` escritos; bytes = todo "
              "lo escrito en `site/`.", ""]
    pasadas = max((len(m.pasadas) for e in r.escalones for m in e.clones.values()), default=0)
    if pasadas > 1:
        lineas += [f"Cada escala se construye {pasadas} veces, en pasadas alternas: a la *ida*, "
                   "de la más pequeña a la nacional, y a la *vuelta*, de la nacional a la más "
                   "pequeña. La linealidad usa la mediana de las construcciones de cada escala "
                   "(con dos, su media): si la máquina se vuelve más lenta o más rápida a lo "
                   "largo de la corrida (la referencia de CPU de arriba lo muestra), la deriva "
                   "pesa casi igual en todas las escalas, y con tres o más pasadas una "
                   "construcción que la máquina retrasó no mueve la mediana.", ""]
    filas, errores = [], []
    for e in r.escalones:
        for etiqueta in r.clones:
            for nombre, c in e.de(etiqueta).construcciones():
                por_mil = (c.segundos / e.registros(etiqueta) * 1000) if c.segundos else None
                filas.append([e.nombre, *([etiqueta] if comparando else []), nombre,
                              f"{e.registros(etiqueta):,}", num(c.segundos), num(c.cpu_s),
                              num(c.memoria_mib, 0), f"{c.paginas_html:,}", mib(c.bytes_html),
                              mib(c.bytes_total), mib(c.bytes_indice_busqueda),
                              num(c.busqueda_s), num(por_mil, 2), str(c.avisos), c.estado])
                if c.error:
                    errores += [f"- Escala {e.nombre} ({etiqueta}, {nombre}): {c.error}", ""]
    return lineas + _tabla(["Escala", *(["Clon"] if comparando else []), "Construcción",
                            "Registros", "Tiempo (s)", "CPU (s)", "Memoria pico (MiB)",
                            "Páginas HTML", "HTML (MiB)", "Total escrito (MiB)",
                            "Índices de búsqueda (MiB)", "… hechos en (s)",
                            "s por 1.000 registros", "WARNING", "Estado"], filas) + errores


def _linealidad(r: Resultados) -> list[str]:
    lineas: list[str] = []
    for etiqueta in r.clones:
        pares = linealidad(r, etiqueta)
        if not pares:
            continue
        filas = [[f"{p.uno.nombre} → {p.dos.nombre}", f"{p.registros:.2f}", f"{p.reloj:.2f}",
                  f"{p.reloj_normalizado:.2f}", num(p.cpu, 2), num(p.cpu_normalizado, 2),
                  num(math.log(p.cpu) / math.log(p.registros), 2) if p.cpu else "—"]
                 for p in pares + extremos(r, etiqueta)]
        exponentes = ajuste(r, etiqueta)
        if exponentes is not None and len(pares) >= 2:
            reloj, cpu = exponentes
            filas.append(["todas (ajuste)", "—", "—", f"{2 ** reloj:.2f}", "—",
                          num(None if cpu is None else 2 ** cpu, 2), num(cpu, 2)])
        titulo = "## Linealidad" + (f" ({etiqueta})" if len(r.clones) > 1 else "")
        lineas += [titulo, "",
                   "Razón de tiempos entre escalas consecutivas (de la mediana de las "
                   "construcciones de cada escala). *Normalizado* lleva la razón a exactamente "
                   "×2 registros (t ∝ registrosᵇ ⇒ 2ᵇ); el objetivo es ≤ ×2,2. *Todas (ajuste)*: "
                   "el exponente b ajustado por mínimos cuadrados (log t sobre log registros) "
                   "con cada construcción de cada escala como un punto: el ruido de una sola "
                   "construcción (en esta máquina virtual, hasta un 35 % entre dos "
                   "construcciones iguales) pesa menos que en la razón entre dos escalas.", "",
                   *_tabla(["De → a", "Registros ×", "Reloj ×", "Reloj normalizado a ×2",
                            "CPU ×", "CPU normalizado a ×2", "Exponente b (CPU)"], filas)]
    return lineas


def _busqueda(r: Resultados) -> list[str]:
    """La búsqueda en el navegador (vacía si no se midió)."""
    medidas = [(e, e.busqueda) for e in r.escalones if e.busqueda]
    if not medidas:
        return []
    filas = [[e.nombre, f"{e.conteo.total:,}", num(b.get("indices"), 0), mib(b["bytes_indice"]),
              num(b["lista_s"]), num(b["resultados_s"]), num(b["resultados"], 0),
              num(b["segunda_s"]), kib(b["bytes_consulta"]), num(b.get("memoria_al_cargar_mib"), 0),
              num(b["memoria_mib"], 0), b["error"] or "ok"]
             for e, b in medidas]
    return ["## Búsqueda en el navegador (Pagefind: un índice por institución)", "",
            "El sitio de la primera construcción de cada escala con este clon, servido en "
            "localhost y abierto en el Chromium de las pruebas (escritorio, sin límite de red ni "
            f"de CPU), en `/buscar/?q={busqueda_navegador.CONSULTA}` (lo que abre el cuadro de "
            "la cabecera): *índices abiertos* es desde que se pide la página hasta que la "
            "búsqueda abrió sus índices (el común y los de cada institución); *resultados*, "
            "hasta ver los primeros; *otra consulta*, lo que tarda en la misma página "
            f"«{busqueda_navegador.SEGUNDA}»; *pedido*, los bytes que la página pidió de "
            "`/pagefind/` hasta ver los resultados (motor, índices y los trozos de sus "
            "palabras: lo que descarga un teléfono); *navegador*, la suma de la RSS de los "
            "procesos de Chromium al ver los resultados y su pico (muestreada cada 0,25 s). "
            "*Índices*: cuántos hay y cuánto ocupan en el sitio (ya comprimidos).", "",
            *_tabla(["Escala", "Registros", "Índices", "En el sitio (MiB)",
                     "Índices abiertos (s)", "Resultados (s)", "Páginas halladas",
                     "Otra consulta (s)", "Pedido (KiB)", "Navegador con resultados (MiB)",
                     "… pico (MiB)", "Estado"], filas)]


def _serie(r: Resultados) -> list[str]:
    """MkDocs + Material de serie frente al proyecto (vacía si no se midió)."""
    c = r.serie
    if not c:
        return []
    if "error" in c:
        return ["## MkDocs + Material de serie frente al proyecto", "", c["error"], ""]
    filas = []
    for nombre, con, paginas_md in (("MkDocs + Material de serie", c["serie"], c["paginas_serie"]),
                                    ("Proyecto", c["proyecto"], c["paginas_proyecto"])):
        por_pagina = con.segundos / paginas_md * 1000 if con.segundos else None
        filas.append([nombre, f"{paginas_md:,}", f"{con.paginas_html:,}", num(con.segundos),
                      num(por_pagina, 1), num(con.memoria_mib, 0), mib(con.bytes_html),
                      num(con.bytes_html / con.paginas_html / 1024 if con.paginas_html else None, 0),
                      con.estado])
    lineas = ["## MkDocs + Material de serie frente al proyecto, mismo número de páginas", "",
              f"De serie: {c['paginas_serie']:,} páginas Markdown simples de "
              f"{c['tamano_objetivo']:,} bytes (el promedio del cuerpo de las páginas generadas "
              "del proyecto), todas en la navegación, `theme: material` con opciones por omisión. "
              f"Proyecto: este clon con {c['instituciones']} institución(es) × {c['anios']} años, "
              f"{c['paginas_proyecto']:,} páginas de MkDocs (generadas y escritas a mano); sus "
              "archivos HTML incluyen además las vistas de impresión de los anexos y las "
              "redirecciones de las URL cortas de los acuerdos, que no son páginas de MkDocs.", "",
              *_tabla(["Construcción", "Páginas de MkDocs", "Archivos HTML", "Tiempo (s)",
                       "ms por página", "Memoria pico (MiB)", "HTML (MiB)",
                       "KiB por archivo HTML", "Estado"], filas)]
    if c.get("razon") is not None:
        lineas += [f"**Razón de tiempo por página, proyecto / de serie: "
                   f"×{c['razon']:.2f}** (tiempo total ×{c['razon_total']:.2f}).", ""]
    return lineas


def _pdf(r: Resultados) -> list[str]:
    """La muestra de PDF de los anexos (vacía si no se midió)."""
    m = r.pdf
    if not m:
        return []
    filas = [[nombre, num(con.segundos), num(con.memoria_mib, 0), f"{con.paginas_html:,}",
              mib(con.bytes_total), con.estado]
             for nombre, con in (("Sin PDF", m["sin"]), ("Con PDF", m["con"]),
                                 ("Con PDF, caché llena", m["caliente"]))]
    lineas = ["## PDF de los anexos (muestra)", "",
              f"Las construcciones de arriba son **sin** los PDF de los anexos "
              f"(`ANEXOS_PDF=false`), que se miden aquí aparte, con este clon: "
              f"{m['instituciones']} instituciones × 1 año ({m['documentos']} documentos), "
              "`mkdocs build` sin y con PDF; la diferencia entre los PDF escritos da el costo "
              "por PDF, y se extrapola a los documentos de la escala nacional. *Con PDF, caché "
              "llena* repite la construcción con PDF con la caché del plugin que dejó la "
              "anterior (árboles y PDF ya hechos), como una segunda construcción o una CI que "
              "conserva la caché.", "",
              *_tabla(["Construcción", "Tiempo (s)", "Memoria pico (MiB)", "Páginas HTML",
                       "Total escrito (MiB)", "Estado"], filas)]
    if m.get("s_por_pdf") is not None:
        nacional = pdf_nacional(r) or 0.0
        lineas += [f"{m['pdfs']} PDF ({mib(m['bytes_pdf'])} MiB): **{m['s_por_pdf']:.2f} s por "
                   f"PDF**; a escala nacional, unos **{num(nacional, 0)} s** "
                   f"({num(nacional / 60, 1)} min) solo de PDF en una construcción desde cero; "
                   "con la caché llena solo se generan los de los documentos cuyo anexo cambió.",
                   ""]
    return lineas


def _serve(r: Resultados) -> list[str]:
    lineas: list[str] = []
    for s in r.serve:
        lineas += [f"## `mkdocs serve` {_modo_serve(s)}: edición de un archivo de datos real", "",
                   f"Copia de este clon con sus datos reales; se edita `titulo_corto` de "
                   f"`{s.get('archivo', '?')}` (el archivo más grande) y se consulta "
                   f"`{s.get('url', '?')}` cada 50 ms hasta ver el cambio. Incluye el sondeo de "
                   "archivos de MkDocs.", ""]
        if "error" in s:
            lineas += [f"Error: {s['error']}", ""]
        tiempos = s.get("tiempos") or []
        if not tiempos:
            continue
        listos = s.get("pdf_listo") or []
        lineas += [f"Arranque de `mkdocs serve` hasta servir la página: {num(s.get('arranque_s'), 2)} s"
                   + (f"; hasta publicar todos los PDF (sin caché): {num(s['pdf_arranque_s'], 2)} s"
                      if "pdf_arranque_s" in s else "") + ".", ""]
        if listos:
            lineas += ["La reconstrucción no espera el PDF del anexo que cambió: la página se "
                       "publica con el PDF «en preparación», un proceso aparte lo genera y otra "
                       "reconstrucción lo publica (`anexos/pdf_en_fondo.py`). *PDF publicado "
                       "tras* mide hasta que la página enlaza el PDF nuevo.", ""]
        filas = [[str(i), num(t, 2) if t is not None else "no se vio"]
                 + ([num(listos[i - 1], 2) if i <= len(listos) and listos[i - 1] is not None
                     else "no llegó"] if listos else [])
                 for i, t in enumerate(tiempos, start=1)]
        lineas += _tabla(["Edición", "Visible tras (s)"]
                         + (["PDF publicado tras (s)"] if listos else []), filas)
    return lineas


def informe_markdown(r: Resultados) -> str:
    """Los resultados como Markdown."""
    lineas = ["# Resultados del banco de rendimiento", "",
              f"Generado por `banco/banco.py` (ver `banco/README.md`). Orden: `{r.orden}`.", "",
              "## Máquina", "", *_tabla(["Dato", "Valor"], [[k, v] for k, v in r.maquina.items()]),
              "## Objetivos (este clon)", "",
              *_tabla(["Objetivo", "Medido", "¿Se cumple?"], [list(f) for f in objetivos(r)]),
              *_comparacion_clones(r), *_datos_sinteticos(r), *_nucleo(r), *_construcciones(r),
              *_linealidad(r), *_busqueda(r), *_serie(r), *_pdf(r), *_serve(r)]
    if r.perfil:
        lineas += ["## Perfil del núcleo a la mayor escala (cProfile, tiempo propio)", "",
                   "```text", r.perfil.rstrip(), "```", ""]
    return "\n".join(lineas)


def escribir(r: Resultados, salida: Path) -> None:
    """Escribe el informe en ``salida`` (se reescribe tras cada medida: una corrida cortada
    deja lo medido hasta entonces)."""
    salida.parent.mkdir(parents=True, exist_ok=True)
    salida.write_text(informe_markdown(r), encoding="utf-8")


def construccion_en_una_linea(c: Construccion) -> str:
    """Una construcción para el registro de la corrida."""
    return (f"{num(c.segundos)} s, {num(c.cpu_s)} s de CPU, {num(c.memoria_mib, 0)} MiB pico, "
            f"{c.paginas_html:,} páginas HTML, {mib(c.bytes_total)} MiB escritos"
            + (f" — {c.error}" if c.error else ""))
