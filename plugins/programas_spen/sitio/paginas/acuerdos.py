"""Páginas de acuerdos: una por número, con cada mención en todos los documentos, y el índice."""

from __future__ import annotations

from programas_spen.modelo.registros import Acuerdo, Documento
from programas_spen.modelo.texto import fecha_larga
from programas_spen.sitio import urls
from programas_spen.sitio.grafo import FichaAcuerdo, Grafo, Mencion
from programas_spen.sitio.paginas.comun import NO_DADO, Pagina, enlace, enlazar, prosa, rotulo, siglas_de
from programas_spen.sitio.secciones import (
    Bloque,
    Contenido,
    Elemento,
    Fila,
    Fuerte,
    Lista,
    Parrafo,
    Parte,
    Seccion,
    Tabla,
    unir,
)

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


def _etiqueta_mencion(mencion: Mencion) -> str:
    """El texto del enlace a una mención: el registro que la contiene, en una línea."""
    registro = mencion.registro
    if mencion.tipo == "compromiso":
        return f"Compromiso {getattr(registro, 'numero')}"  # noqa: B009
    if mencion.tipo == "seccion":
        return f"Apartado «{' '.join(str(getattr(registro, 'titulo')).split())}»"  # noqa: B009
    if mencion.tipo == "acuerdo":
        return f"Acuerdo {getattr(registro, 'numero')}"  # noqa: B009
    texto = " ".join(str(getattr(registro, "texto", "")).split())
    return f"{_TIPOS[mencion.tipo]}: {texto[:100].rstrip()}{'…' if len(texto) > 100 else ''}"


def _datos(ficha: FichaAcuerdo, grafo: Grafo) -> Bloque:
    """La tabla de datos del acuerdo, o la frase que dice que los documentos no dan ninguno."""
    organo = grafo.organos.get(ficha.organo or "")
    datos: list[tuple[str, Contenido]] = []
    if organo:
        datos.append(("Órgano", organo.nombre))
    titulo = ficha.primero("titulo")
    if titulo:
        datos.append(("Título", str(titulo)))
    fecha = fecha_de(ficha, grafo)
    if fecha or ficha.declaraciones:
        datos.append(("Fecha", fecha_larga(fecha) if fecha else NO_DADO))
    sesion = ficha.primero("sesion")
    if sesion and sesion in grafo.sesiones:
        datos.append(("Sesión", (enlace(f"sesión del {fecha_larga(grafo.sesiones[sesion].fecha)}",
                                        urls.sesion(str(sesion))),)))
    oficial = ficha.primero("enlace")
    if oficial:
        datos.append(("Documento oficial", (enlace(str(oficial), str(oficial)),)))
    if ficha.primero("publicar_gaceta"):
        datos.append(("Publicación", "Ordena su publicación en la Gaceta Electoral"))
    if not datos:
        return Parrafo("Los documentos publicados solo lo mencionan; no dan más datos de él.")
    return Tabla(("Dato", "Valor"), tuple(Fila((clave, valor)) for clave, valor in datos))


def _segun(doc: Documento, acuerdo: Acuerdo, grafo: Grafo) -> Seccion:
    """Lo que dice del acuerdo un documento que lo declara."""
    bloques: list[Bloque] = [Parrafo(unir("Documento: ", enlace(doc.titulo_corto, urls.documento(doc.id)),
                                          " — ", acuerdo.fuente.describir()))]
    if acuerdo.aprueba:
        bloques.append(Parrafo(rotulo("Aprueba", enlazar(acuerdo.aprueba, grafo))))
    if acuerdo.antecedentes:
        bloques.append(Seccion("Antecedentes", prosa(acuerdo.antecedentes, grafo, nivel=5), nivel=4))
    if acuerdo.considerandos:
        bloques.append(Seccion("Considerandos", prosa(acuerdo.considerandos, grafo, nivel=5), nivel=4))
    if acuerdo.puntos:
        bloques.append(Seccion("Puntos de acuerdo", tuple(
            Parrafo(unir(Fuerte(" ".join(p.ordinal.split())), " ", enlazar(p.texto, grafo)))
            for p in acuerdo.puntos), nivel=4))
    if acuerdo.votacion:
        bloques.append(Seccion("Votación", (Parrafo(enlazar(acuerdo.votacion, grafo)),), nivel=4))
    if acuerdo.firmantes:
        bloques.append(Seccion("Firmantes", (Tabla(("Cargo", "Nombre"), tuple(
            Fila((f.cargo, f.nombre)) for f in acuerdo.firmantes)),), nivel=4))
    return Seccion(f"Según {doc.titulo_corto}", tuple(bloques), nivel=3)


def pagina_acuerdo(ficha: FichaAcuerdo, grafo: Grafo) -> Pagina:
    """Página de un acuerdo: lo que dicen de él los documentos y dónde se menciona."""
    cuerpo: list[Bloque] = [_datos(ficha, grafo)]
    if ficha.aprueba_documentos:
        cuerpo.append(Seccion("Documentos que aprueba", (Lista(tuple(
            Elemento((enlace(d.titulo_corto, urls.documento(d.id)),)) for d in ficha.aprueba_documentos)),)))
    if ficha.cumple:
        elementos = []
        for compromiso in ficha.cumple:
            informe = grafo.documento_de(compromiso)
            sesion = grafo.sesiones[compromiso.sesion]
            elementos.append(Elemento((
                enlace(f"Compromiso {compromiso.numero}", urls.compromiso(informe.id, compromiso.id)),
                " del ", enlace(informe.titulo_corto, urls.documento(informe.id)), ", surgido en la ",
                enlace(f"sesión del {fecha_larga(sesion.fecha)}", urls.sesion(sesion.id)))))
        cuerpo.append(Seccion("Compromisos que cumple", (Lista(tuple(elementos)),)))
    if ficha.declaraciones:
        cuerpo.append(Seccion("Lo que dicen de él los documentos", tuple(
            _segun(doc, acuerdo, grafo) for doc, acuerdo in ficha.declaraciones)))
    if ficha.menciones:
        menciones: list[Elemento] = []
        for mencion in ficha.menciones:
            doc = grafo.documentos[mencion.documento]
            partes: tuple[Parte, ...] = (enlace(_etiqueta_mencion(mencion), _destino_mencion(mencion)),
                                         f" ({_CAMPOS[mencion.campo]}) — {doc.titulo_corto}")
            menciones.append(Elemento(partes))
        cuerpo.append(Seccion("Menciones en los documentos", (
            Parrafo(f"{len(ficha.menciones)} mención(es) en los textos publicados."),
            Lista(tuple(menciones)))))
    cuerpo.append(Parrafo((enlace("Todos los acuerdos", urls.ACUERDOS),)))
    return Pagina(urls.acuerdo(ficha.numero).ruta, f"Acuerdo {ficha.numero}", tuple(cuerpo),
                  institucion=_institucion(ficha, grafo), siglas=siglas_de(grafo))


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


def fecha_de(ficha: FichaAcuerdo, grafo: Grafo) -> str | None:
    """La fecha del acuerdo (AAAA-MM-DD) que dan los datos: la que declara un documento o, si
    ninguno la declara, la de la sesión en que se adoptó (si un documento la nombra); ``None``
    si los datos no dan ninguna. Nunca se deduce de otra cosa (el nombre del archivo oficial,
    la fecha del compromiso que cumple)."""
    fecha = ficha.primero("fecha")
    if fecha:
        return str(fecha)
    sesion = ficha.primero("sesion")
    if sesion and sesion in grafo.sesiones:
        return grafo.sesiones[str(sesion)].fecha
    return None


def asunto_de(ficha: FichaAcuerdo) -> str | None:
    """El asunto del acuerdo en una línea: su título o lo que aprueba («Aprueba …»), como lo
    escribe un documento; ``None`` si ninguno lo da."""
    titulo = ficha.primero("titulo")
    if titulo:
        return " ".join(str(titulo).split())
    aprueba = ficha.primero("aprueba")
    if aprueba:
        return "Aprueba " + " ".join(str(aprueba).split())
    return None


def _relacion(ficha: FichaAcuerdo) -> str:
    """Lo que el sitio sabe del acuerdo, en pocas palabras: qué aprueba, qué cumple, dónde se nombra."""
    partes = []
    if ficha.aprueba_documentos:
        partes.append(f"aprueba {len(ficha.aprueba_documentos)} documento(s)")
    if ficha.cumple:
        partes.append(f"cumple {len(ficha.cumple)} compromiso(s)")
    if ficha.menciones:
        partes.append(f"{len(ficha.menciones)} mención(es)")
    return ", ".join(partes).capitalize() or "Declarado en un documento"


def pagina_indice_acuerdos(grafo: Grafo) -> Pagina:
    """Índice de todos los acuerdos: número, fecha, órgano y asunto (lo que den los datos; «No
    dado en la fuente» donde no), y qué relación tienen con los documentos publicados."""
    filas = []
    for ficha in grafo.acuerdos.values():
        organo = grafo.organos.get(ficha.organo or "")
        fecha = fecha_de(ficha, grafo)
        sesion = ficha.primero("sesion")
        cuando: Contenido = fecha_larga(fecha) if fecha else NO_DADO
        if fecha and sesion and sesion in grafo.sesiones and not ficha.primero("fecha"):
            cuando = (enlace(f"{fecha_larga(fecha)} (fecha de la sesión)", urls.sesion(str(sesion))),)
        filas.append(Fila((
            (enlace(ficha.numero, urls.acuerdo(ficha.numero)),),
            cuando,
            (organo.siglas or organo.nombre) if organo else NO_DADO,
            asunto_de(ficha) or NO_DADO,
            _relacion(ficha)), id=urls.slug_acuerdo(ficha.numero)))
    cuerpo = (
        Parrafo("Cada acuerdo que aprueba, cumple o menciona algún documento publicado. La fecha y el asunto son "
                "los que dan los documentos; donde no los dan, dice «No dado en la fuente». Cada acuerdo lleva a su "
                "página, con todos los lugares donde aparece."),
        Tabla(("Acuerdo", "Fecha", "Órgano", "Asunto", "En el sitio"), tuple(filas),
              leyenda="Acuerdos, del más antiguo al más reciente"),
    )
    return Pagina(urls.ACUERDOS.ruta, "Acuerdos", cuerpo, siglas=siglas_de(grafo))
