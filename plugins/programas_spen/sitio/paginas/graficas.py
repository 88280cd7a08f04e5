"""Gráficas calculadas de los datos: especificaciones de Plotly con su tabla y su resumen.

Cada gráfica es una mejora de una tabla que ya está en la página: sin JavaScript (o con un
lector de pantalla) la tabla y la frase de resumen dicen lo mismo. La especificación se
guarda como JSON en un atributo ``data-grafica`` que ``activos/graficas.js`` dibuja con Plotly,
con los colores del esquema claro u oscuro. Donde el documento publica cifras propias, se
ponen al lado de las calculadas y se explica cada diferencia.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from programas_spen.modelo import calendario as cal
from programas_spen.modelo.registros import Documento
from programas_spen.modelo.texto import ABREVIATURAS_MESES, nombre_mes, numero
from programas_spen.sitio.grafo import Grafo
from programas_spen.sitio.secciones import Bloque, Bloques, Contenido, Fila, Fuerte, Parrafo, Seccion, Tabla


@dataclass(frozen=True)
class Grafica:
    """Una gráfica: título, resumen de una frase, tabla de datos y especificación de Plotly."""

    id: str
    titulo: str
    resumen: str
    encabezados: tuple[str, ...]
    filas: tuple[tuple[str, ...], ...]
    datos: list[dict[str, object]] = field(default_factory=list)
    diseno: dict[str, object] = field(default_factory=dict)
    notas: tuple[Contenido, ...] = ()

    def especificacion(self) -> dict[str, object]:
        """La especificación de Plotly (``data`` y ``layout``)."""
        diseno = {"margin": {"l": 60, "r": 20, "t": 30, "b": 60}, "height": 380, **self.diseno}
        return {"data": self.datos, "layout": diseno}

    def lienzo(self) -> Bloques:
        """El lienzo de la gráfica: su especificación en JSON en el atributo ``data-grafica``
        (la plantilla lo escapa), oculto a la vista y a los lectores de pantalla hasta que lo
        dibuja ``activos/graficas.js``; la tabla de al lado dice lo mismo."""
        espec = json.dumps(self.especificacion(), ensure_ascii=False, sort_keys=True)
        return Bloques((), clase="spen-grafica",
                       atributos=(("data-grafica", espec), ("aria-hidden", "true"), ("hidden", "")))

    def seccion(self) -> Seccion:
        """Título, resumen, lienzo de la gráfica y tabla de datos, con sus notas."""
        bloques: list[Bloque] = [
            Parrafo(self.resumen), self.lienzo(),
            Tabla(self.encabezados, tuple(Fila(fila) for fila in self.filas)),
        ]
        bloques += [Parrafo(nota) for nota in self.notas]
        return Seccion(self.titulo, tuple(bloques), id=self.id, nivel=3)


def _barras(nombres: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
            horizontal: bool = False, titulo_eje: str = "") -> list[dict[str, object]]:
    datos = []
    for indice, (nombre, valores) in enumerate(series):
        traza: dict[str, object] = {"type": "bar", "name": nombre, "serie": indice}
        if horizontal:
            traza.update({"y": list(nombres), "x": list(valores), "orientation": "h"})
        else:
            traza.update({"x": list(nombres), "y": list(valores)})
        datos.append(traza)
    return datos


def _pct(valor: float) -> str:
    return f"{numero(round(valor, 1))} %"


def linea_de_tiempo(doc: Documento) -> Grafica | None:
    """Mapa de calor registro × mes de los registros que tienen meses (marcados o denotados
    por sus palabras); ``None`` si ninguno los tiene."""
    columnas = cal.columnas(doc)
    filas = [f for f in cal.filas(doc) if cal.por_meses(f.calendario)]
    if not columnas or not filas:
        return None
    valores = {"vacio": 0, "periodo": 1, "marcado": 2}
    etiquetas = [f"{ABREVIATURAS_MESES[int(m[5:]) - 1]} {m[:4]}" for m in columnas]
    nombres = [f"{indice}. {' '.join(f.texto.split())[:48]}…" for indice, f in enumerate(filas, start=1)]
    z = [[valores[cal.celda(f.calendario, m)] for m in columnas] for f in filas]
    texto = [[{"marcado": "Marcado en la fuente", "periodo": "Periodo dado en palabras",
               "vacio": "Sin marca"}[cal.celda(f.calendario, m)] for m in columnas] for f in filas]
    marcados = sum(1 for fila in z for v in fila if v == 2)
    por_mes = [sum(1 for fila in z if fila[i]) for i in range(len(columnas))]
    maximo = max(por_mes)
    mes_max = [nombre_mes(columnas[i]) for i, v in enumerate(por_mes) if v == maximo]
    resumen = (f"{len(filas)} de {len(cal.filas(doc))} registros tienen meses en la fuente; "
               f"el mes con más registros es {', '.join(mes_max)} ({maximo}).")
    tabla = tuple((nombre_mes(m), str(por_mes[i])) for i, m in enumerate(columnas))
    datos = [{"type": "heatmap", "z": z, "x": etiquetas, "y": nombres, "text": texto,
              "hovertemplate": "%{y}<br>%{x}: %{text}<extra></extra>", "zmin": 0, "zmax": 2,
              "showscale": False, "escala": "estados", "xgap": 2, "ygap": 2}]
    diseno = {"height": max(320, 22 * len(filas) + 120), "yaxis": {"autorange": "reversed", "automargin": True},
              "xaxis": {"side": "top"}, "margin": {"l": 20, "r": 20, "t": 60, "b": 20}}
    return Grafica("linea-de-tiempo", "Línea de tiempo", resumen + f" Celdas marcadas: {marcados}.",
                   ("Mes", "Registros con ese mes"), tabla, datos, diseno)


def _mecanismos(doc: Documento) -> Grafica:
    nombres = [m.nombre for m in doc.mecanismos]
    calculadas = [len(m.actividades) for m in doc.mecanismos]
    publicadas = [m.actividades_publicadas for m in doc.mecanismos]
    diferentes = [m.nombre for m, c, p in zip(doc.mecanismos, calculadas, publicadas, strict=True)
                  if p is not None and p != c]
    resumen = (f"El documento tiene {sum(calculadas)} actividades en {len(nombres)} mecanismos; "
               + ("todas las cifras de su tabla de síntesis coinciden con sus tablas."
                  if not diferentes else f"no coinciden: {', '.join(diferentes)}."))
    filas = tuple((n, str(c), str(p) if p is not None else "No dado", "Coincide" if p == c else
                   ("—" if p is None else f"Difiere ({c - p:+d})"))
                  for n, c, p in zip(nombres, calculadas, publicadas, strict=True))
    datos = _barras(nombres, [("Calculadas de los registros", calculadas),
                              ("Publicadas en la síntesis", [p or 0 for p in publicadas])], horizontal=True)
    diseno = {"barmode": "group", "height": 60 + 34 * len(nombres), "yaxis": {"autorange": "reversed",
                                                                            "automargin": True}}
    return Grafica("actividades-por-mecanismo", "Actividades por mecanismo", resumen,
                   ("Mecanismo", "Calculadas de los registros", "Publicadas en la síntesis", "Comparación"),
                   filas, datos, diseno)


def _trimestre(mes: str) -> int:
    return (int(mes[5:7]) - 1) // 3 + 1


def _calculo_grupo(doc: Documento, grupo: str) -> tuple[dict[str, int], int, str] | None:
    """Conteos calculables de un grupo de cifras publicadas: (conteo por etiqueta, total de
    registros usados, explicación), o ``None`` si los registros no traen ese dato."""
    actividades = doc.actividades
    con_meses = [a for a in actividades if cal.meses_de(a.calendario)]
    if grupo in ("trimestre de inicio", "trimestre de conclusión"):
        if not con_meses:
            return None
        cuenta: Counter[str] = Counter()
        for actividad in con_meses:
            meses = cal.meses_de(actividad.calendario)
            mes = meses[0] if grupo == "trimestre de inicio" else meses[-1]
            cuenta[f"T{_trimestre(mes)}"] += 1
        return dict(cuenta), len(con_meses), ""
    if grupo == "eje":
        con_ejes = [a for a in actividades if a.ejes]
        if not con_ejes:
            return None
        cuenta = Counter(e for a in con_ejes for e in a.ejes)
        return dict(cuenta), sum(cuenta.values()), ""
    return None


_RAZONES = {
    "trimestre de inicio": "los meses de las {n} actividades se perdieron al extraer el texto del PDF (están como "
                           "«No dado en la fuente»), así que el trimestre de inicio no se puede recalcular",
    "trimestre de conclusión": "los meses de las {n} actividades se perdieron al extraer el texto del PDF, así que "
                               "el trimestre de conclusión no se puede recalcular",
    "eje": "la fuente no dice a qué eje se alinea cada actividad (lo daba una gráfica que no se conservó), así "
           "que el reparto por eje no se puede recalcular",
}


def _grupo(doc: Documento, grupo: str, indice: int) -> Grafica:
    cifras = [c for c in doc.cifras_publicadas if c.grupo == grupo]
    calculo = _calculo_grupo(doc, grupo)
    suma = sum(c.valor for c in cifras if c.unidad == "porcentaje")
    publicadas = [c.valor for c in cifras]
    razon = _RAZONES.get(grupo, "los registros no traen este dato, así que no se puede recalcular")
    razon = razon.format(n=len(doc.actividades))
    if calculo is None:
        calculadas: list[str] = ["No calculable"] * len(cifras)
        resumen = (f"La fuente publica {len(cifras)} cifra(s) «{grupo}» que suman {_pct(suma)}; "
                   f"{razon}.")
        datos = _barras([f"{i + 1}" for i in range(len(cifras))], [("Publicado por la fuente", publicadas)])
    else:
        cuenta, total, _ = calculo
        claves = [f"T{i}" for i in range(1, 5)] if grupo.startswith("trimestre") else sorted(cuenta)
        calculadas = [_pct(100 * cuenta.get(k, 0) / total) for k in claves]
        resumen = f"Cifras «{grupo}» publicadas y calculadas de {total} registros."
        datos = _barras([f"{i + 1}" for i in range(len(cifras))],
                        [("Publicado por la fuente", publicadas),
                         ("Calculado", [100 * cuenta.get(k, 0) / total for k in claves][: len(cifras)])])
    filas = tuple((str(i + 1), c.indicador, _pct(c.valor) if c.unidad == "porcentaje" else numero(c.valor),
                   calculadas[i] if i < len(calculadas) else "—", f"«{c.cita}»")
                  for i, c in enumerate(cifras))
    notas: list[Contenido] = []
    if suma and abs(suma - 100) > 0.05:
        notas.append(f"Las cifras publicadas de este grupo suman {_pct(suma)}, no 100 %.")
    if calculo is None:
        notas.append((Fuerte("Por qué no se reconcilian:"), f" {razon}."))
    return Grafica(f"cifras-{indice}", f"Cifras publicadas: {grupo}", resumen,
                   ("Núm.", "Indicador", "Publicado", "Calculado de los registros", "Texto de la fuente"),
                   filas, datos, {"xaxis": {"title": {"text": "Número de indicador (ver tabla)"}, "type": "category"},
                                  "yaxis": {"title": {"text": "%"}}, "barmode": "group"}, tuple(notas))


def _sueltas(doc: Documento) -> Grafica | None:
    """Cifras publicadas sin grupo (p. ej. actividades permanentes, impactos)."""
    cifras = [c for c in doc.cifras_publicadas if not c.grupo]
    if not cifras:
        return None
    filas = []
    for cifra in cifras:
        calculado, explicacion = "No calculable", "los registros no traen este dato"
        if "permanente" in cifra.indicador.lower():
            permanentes = sum(1 for a in doc.actividades if a.calendario.estado == "permanente")
            calculado = str(permanentes)
            explicacion = (f"la fuente no dice cuáles son; {permanentes} registro(s) están marcados como "
                           "permanentes en los datos")
        elif "impacto" in cifra.indicador.lower():
            explicacion = "cada impacto es una alineación actividad–eje, y la fuente no da los ejes de cada actividad"
        filas.append((cifra.indicador, numero(cifra.valor), calculado, explicacion, f"«{cifra.cita}»"))
    datos = _barras([f[0] for f in filas], [("Publicado por la fuente", [c.valor for c in cifras])])
    return Grafica("otras-cifras", "Otras cifras publicadas",
                   f"La fuente publica {len(cifras)} cifra(s) más; ninguna se puede reconstruir completa con los "
                   "registros, por las razones de la tabla.",
                   ("Indicador", "Publicado", "Calculado de los registros", "Por qué", "Texto de la fuente"),
                   tuple(filas), datos, {"height": 300})


def _compromisos(doc: Documento, grafo: Grafo) -> list[Grafica]:
    compromisos = doc.compromisos
    estatus = Counter(c.estatus_texto.rstrip(".") for c in compromisos)
    g1 = Grafica("compromisos-por-estatus", "Compromisos por estatus",
                 f"De {len(compromisos)} compromisos, " + ", ".join(f"{n} {e.lower()}" for e, n in
                                                                    sorted(estatus.items())) + ".",
                 ("Estatus", "Compromisos"), tuple((e, str(n)) for e, n in sorted(estatus.items())),
                 _barras(sorted(estatus), [("Compromisos", [estatus[e] for e in sorted(estatus)])]))
    avance = Counter(c.porcentaje for c in compromisos)
    g2 = Grafica("compromisos-por-avance", "Compromisos por porcentaje de avance",
                 "Porcentaje de avance de cada compromiso según el informe; "
                 f"el promedio es {_pct(sum(c.porcentaje for c in compromisos) / len(compromisos))}.",
                 ("Avance", "Compromisos"), tuple((_pct(p), str(n)) for p, n in sorted(avance.items())),
                 _barras([_pct(p) for p in sorted(avance)], [("Compromisos", [avance[p] for p in sorted(avance)])]))
    areas = Counter(grafo.areas[c.area].nombre for c in compromisos)
    g3 = Grafica("compromisos-por-area", "Compromisos por área responsable",
                 f"{len(areas)} áreas responsables; la que más compromisos tiene es "
                 f"{areas.most_common(1)[0][0]} ({areas.most_common(1)[0][1]}).",
                 ("Área responsable", "Compromisos"), tuple((a, str(n)) for a, n in sorted(areas.items())),
                 _barras(sorted(areas), [("Compromisos", [areas[a] for a in sorted(areas)])], horizontal=True),
                 {"height": 60 + 34 * len(areas), "yaxis": {"automargin": True}})
    sesiones = Counter(c.sesion for c in compromisos)
    nombres = {s: f"{grafo.sesiones[s].fecha} ({grafo.sesiones[s].tipo.replace('_', ' ')})" for s in sesiones}
    declaradas = {s.id: s.compromisos_declarados for s in doc.sesiones}
    filas = tuple((nombres[s], str(n), str(declaradas.get(s)) if declaradas.get(s) is not None else "—")
                  for s, n in sorted(sesiones.items()))
    g4 = Grafica("compromisos-por-sesion", "Compromisos por sesión de origen",
                 f"Los {len(compromisos)} compromisos provienen de {len(sesiones)} sesiones.",
                 ("Sesión", "Compromisos en el anexo", "Compromisos que declara el informe"), filas,
                 _barras([nombres[s] for s in sorted(sesiones)],
                         [("Compromisos", [sesiones[s] for s in sorted(sesiones)])]))
    return [g1, g2, g3, g4]


def _temas(doc: Documento, grafo: Grafo) -> list[Grafica]:
    columnas = cal.columnas(doc)
    por_mes = [sum(1 for t in doc.temas if m in cal.meses_de(t.calendario)) for m in columnas]
    maximo = max(por_mes) if por_mes else 0
    g2 = _temas_por_area(doc, grafo)
    if not maximo:  # ningún tema tiene meses en la fuente: no hay «temas por mes» que contar
        return [g2]
    g1 = Grafica("temas-por-mes", "Temas por mes",
                 f"{len(doc.temas)} temas; el mes con más temas es "
                 f"{', '.join(nombre_mes(m) for m, n in zip(columnas, por_mes, strict=True) if n == maximo)}"
                 f" ({maximo}).",
                 ("Mes", "Temas"), tuple((nombre_mes(m), str(n)) for m, n in zip(columnas, por_mes, strict=True)),
                 _barras([f"{ABREVIATURAS_MESES[int(m[5:]) - 1]} {m[:4]}" for m in columnas],
                         [("Temas", por_mes)]))
    return [g1, g2]


def _temas_por_area(doc: Documento, grafo: Grafo) -> Grafica:
    areas = Counter((grafo.areas[t.area].siglas or grafo.areas[t.area].nombre) if t.area else "Sin área en la fuente"
                    for t in doc.temas)
    return Grafica("temas-por-area", "Temas por área responsable",
                   f"{len(doc.temas)} temas en {len(areas)} grupos según el área que da la fuente.",
                   ("Área", "Temas"), tuple((a, str(n)) for a, n in sorted(areas.items())),
                   _barras(sorted(areas), [("Temas", [areas[a] for a in sorted(areas)])]))


def graficas_documento(doc: Documento, grafo: Grafo) -> list[Grafica]:
    """Las gráficas de cifras de un documento (sin la línea de tiempo)."""
    graficas: list[Grafica] = []
    if doc.mecanismos:
        graficas.append(_mecanismos(doc))
    grupos = list(dict.fromkeys(c.grupo for c in doc.cifras_publicadas if c.grupo))
    graficas += [_grupo(doc, g, i) for i, g in enumerate(grupos, start=1)]
    sueltas = _sueltas(doc)
    if sueltas:
        graficas.append(sueltas)
    if doc.compromisos:
        graficas += _compromisos(doc, grafo)
    if doc.temas:
        graficas += _temas(doc, grafo)
    return graficas
