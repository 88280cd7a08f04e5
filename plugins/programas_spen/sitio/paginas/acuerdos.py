"""Páginas de acuerdos: una por número, con cada mención en todos los documentos, y el índice."""

from __future__ import annotations

from programas_spen.modelo.texto import fecha_larga
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaAcuerdo, Grafo, Mencion
from programas_spen.sitio.paginas.comun import Pagina, con_siglas, enlace, enlazar, md, prosa, siglas_del_sitio

_TIPOS = {
    "seccion": "Apartado", "actividad": "Actividad", "tema": "Tema", "compromiso": "Compromiso",
    "objetivo": "Objetivo", "linea": "Línea de acción", "acuerdo": "Texto del acuerdo",
}
_CAMPOS = {"texto": "texto", "avance": "avance o cumplimiento", "observaciones": "observaciones",
           "antecedentes": "antecedentes", "considerandos": "considerandos",
           "aprueba": "lo que aprueba", "titulo": "título", "votacion": "votación",
           "puntos": "puntos de acuerdo"}


def _destino_mencion(mencion: Mencion) -> urls.Destino:
    registro = mencion.registro
    ident = getattr(registro, "id", "")
    doc = mencion.documento
    if mencion.tipo == "actividad":
        return urls.actividad(doc, ident)
    if mencion.tipo == "tema":
        return urls.tema(doc, ident)
    if mencion.tipo == "compromiso":
        return urls.compromiso(doc, ident)
    if mencion.tipo == "acuerdo":
        return urls.acuerdo(getattr(registro, "numero"))  # noqa: B009
    if mencion.tipo == "seccion":
        return urls.apartado(doc, f"seccion-{ident}")
    return urls.ancla(doc, ident)


def _etiqueta_mencion(mencion: Mencion, grafo: Grafo) -> str:
    registro = mencion.registro
    if mencion.tipo == "compromiso":
        nombre = f"Compromiso {getattr(registro, 'numero')}"  # noqa: B009
    elif mencion.tipo == "seccion":
        nombre = f"Apartado «{md(getattr(registro, 'titulo'))}»"  # noqa: B009
    elif mencion.tipo == "acuerdo":
        nombre = f"Acuerdo {getattr(registro, 'numero')}"  # noqa: B009
    else:
        texto = " ".join(str(getattr(registro, "texto", "")).split())
        nombre = f"{_TIPOS[mencion.tipo]}: {md(texto[:100])}{'…' if len(texto) > 100 else ''}"
    return nombre


def pagina_acuerdo(ficha: FichaAcuerdo, grafo: Grafo) -> Pagina:
    """Página de un acuerdo: lo que dicen de él los documentos y dónde se menciona."""
    desde = urls.acuerdo(ficha.numero).ruta
    lineas = [f"# Acuerdo {ficha.numero}", ""]
    organo = grafo.organos.get(ficha.organo or "")
    datos: list[tuple[str, str]] = []
    if organo:
        datos.append(("Órgano", md(organo.nombre)))
    titulo = ficha.primero("titulo")
    if titulo:
        datos.append(("Título", md(str(titulo))))
    fecha = ficha.primero("fecha")
    if fecha:
        datos.append(("Fecha", fecha_larga(str(fecha))))
    sesion = ficha.primero("sesion")
    if sesion and sesion in grafo.sesiones:
        datos.append(("Sesión", enlace(f"sesión del {fecha_larga(grafo.sesiones[sesion].fecha)}",
                                       urls.sesion(str(sesion)), desde)))
    oficial = ficha.primero("enlace")
    if oficial:
        datos.append(("Documento oficial", f"<{oficial}>"))
    gaceta = ficha.primero("publicar_gaceta")
    if gaceta:
        datos.append(("Publicación", "Ordena su publicación en la Gaceta Electoral"))
    if datos:
        lineas += ["| Dato | Valor |", "| --- | --- |"]
        lineas += [f"| {clave} | {valor} |" for clave, valor in datos] + [""]
    else:
        lineas += ["Los documentos publicados solo lo mencionan; no dan más datos de él.", ""]
    if ficha.aprueba_documentos:
        lineas += ["## Documentos que aprueba", ""]
        lineas += [f"- {enlace(md(d.titulo_corto), urls.documento(d.id), desde)}"
                   for d in ficha.aprueba_documentos] + [""]
    if ficha.cumple:
        lineas += ["## Compromisos que cumple", ""]
        for compromiso in ficha.cumple:
            informe = grafo.documento_de(compromiso)
            lineas.append(
                f"- {enlace(f'Compromiso {compromiso.numero}', urls.compromiso(informe.id, compromiso.id), desde)}"
                f" del {enlace(md(informe.titulo_corto), urls.documento(informe.id), desde)}")
        lineas.append("")
    if ficha.declaraciones:
        lineas += ["## Lo que dicen de él los documentos", ""]
        for doc, acuerdo in ficha.declaraciones:
            lineas += [f"### Según {md(doc.titulo_corto)}", "",
                       f"Documento: {enlace(md(doc.titulo_corto), urls.documento(doc.id), desde)} — "
                       f"{md(acuerdo.fuente.describir())}", ""]
            if acuerdo.aprueba:
                lineas += [f"**Aprueba:** {enlazar(acuerdo.aprueba, desde, grafo)}", ""]
            if acuerdo.antecedentes:
                lineas += ["#### Antecedentes", "", prosa(acuerdo.antecedentes, desde, grafo, 5), ""]
            if acuerdo.considerandos:
                lineas += ["#### Considerandos", "", prosa(acuerdo.considerandos, desde, grafo, 5),
                           ""]
            if acuerdo.puntos:
                lineas += ["#### Puntos de acuerdo", ""]
                lineas += [f"**{md(p.ordinal)}** {enlazar(p.texto, desde, grafo)}\n"
                           for p in acuerdo.puntos]
            if acuerdo.votacion:
                lineas += ["#### Votación", "", enlazar(acuerdo.votacion, desde, grafo), ""]
            if acuerdo.firmantes:
                lineas += ["#### Firmantes", "", "| Cargo | Nombre |", "| --- | --- |"]
                lineas += [f"| {md(f.cargo)} | {md(f.nombre)} |" for f in acuerdo.firmantes]
                lineas.append("")
    if ficha.menciones:
        lineas += ["## Menciones en los documentos", "",
                   f"{len(ficha.menciones)} mención(es) en los textos publicados.", ""]
        for mencion in ficha.menciones:
            doc = grafo.documentos[mencion.documento]
            lineas.append(f"- {enlace(_etiqueta_mencion(mencion, grafo), _destino_mencion(mencion), desde)}"
                          f" ({_CAMPOS[mencion.campo]}) — {md(doc.titulo_corto)}")
        lineas.append("")
    lineas += [f"[Todos los acuerdos]({urls.ACUERDOS.desde(desde)})"]
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, f"Acuerdo {ficha.numero}", contenido,
                  institucion=_institucion(ficha, grafo))


def _institucion(ficha: FichaAcuerdo, grafo: Grafo) -> str | None:
    """La institución del acuerdo (su índice de búsqueda): la de su órgano, si se sabe; si no,
    la del primer documento que lo declara o, a falta de él, lo menciona."""
    organo = grafo.organos.get(ficha.organo or "")
    if organo is not None:
        return organo.institucion
    for doc, _ in ficha.declaraciones:
        return doc.institucion
    for mencion in ficha.menciones:
        return grafo.documentos[mencion.documento].institucion
    return None


def pagina_indice_acuerdos(grafo: Grafo) -> Pagina:
    """Índice de todos los acuerdos con su órgano, fecha y número de menciones."""
    desde = urls.ACUERDOS.ruta
    lineas = ["# Acuerdos", "",
              "Cada acuerdo que aprueba, cumple o menciona algún documento publicado, con todos "
              "los lugares donde aparece.", "",
              "| Acuerdo | Órgano | Fecha | Aprueba documentos | Cumple compromisos | Menciones |",
              "| --- | --- | --- | --- | --- | --- |"]
    for ficha in grafo.acuerdos.values():
        organo = grafo.organos.get(ficha.organo or "")
        fecha = ficha.primero("fecha")
        lineas.append(f"| {enlace(ficha.numero, urls.acuerdo(ficha.numero), desde)} | "
                      f"{md(organo.siglas or organo.nombre) if organo else '—'} | "
                      f"{fecha_larga(str(fecha)) if fecha else '—'} | "
                      f"{len(ficha.aprueba_documentos)} | {len(ficha.cumple)} | "
                      f"{len(ficha.menciones)} |")
    contenido = con_siglas("\n".join(lineas), sitio=siglas_del_sitio(grafo))
    return Pagina(desde, "Acuerdos", contenido)
