"""Los feeds Atom leídos con feedparser: una entrada por documento y por compromiso que cambió
de un informe al siguiente, con la URL permanente como id y la fecha de los datos."""

from __future__ import annotations

from pathlib import Path

import feedparser

from programas_spen.datos_abiertos.atom import entradas
from programas_spen.datos_abiertos.atribucion import fecha_documento, momento
from programas_spen.sitio import urls

from .. import datos_prueba
from .conftest import URL, publicar_de


def _feed(publicado, ruta: str):  # noqa: ANN001, ANN202
    leido = feedparser.parse(dict(publicado.archivos)[ruta])
    assert not leido.bozo, leido.get("bozo_exception")
    assert leido.version == "atom10"
    return leido


def test_feeds_reales(grafo_real, publicado_real) -> None:
    """El feed del sitio tiene una entrada por documento real, con su página como id y enlace y
    la fecha de los datos; el de cada institución, solo las suyas."""
    sitio = _feed(publicado_real, urls.novedades())
    assert sitio.feed.id == urls.absoluta(URL, urls.novedades())
    por_id = {e.id: e for e in sitio.entries}
    documentos = grafo_real.datos.documentos
    for doc in documentos:
        entrada = por_id[urls.absoluta(URL, urls.documento(doc.id).url())]
        assert entrada.link == entrada.id
        assert entrada.updated == momento(fecha_documento(doc, grafo_real).valor)
        assert entrada.updated.endswith(("-06:00", "-05:00"))
    assert len([e for e in sitio.entries if e.tags[0].term in ("documento", "informe")]) == len(documentos)
    for institucion in {d.institucion for d in documentos}:
        propio = _feed(publicado_real, urls.novedades(institucion))
        suyos = {urls.absoluta(URL, urls.documento(d.id).url()) for d in documentos if d.institucion == institucion}
        assert {e.id for e in propio.entries if e.tags[0].term != "compromiso"} == suyos


def _segundo_informe(archivos: dict[str, str]) -> dict[str, str]:
    """Un informe posterior que sigue los mismos dos compromisos: el primero igual, el segundo
    concluido al 100 %."""
    texto = archivos[datos_prueba.INFORME]
    texto = texto.replace("id: informe-2024", "id: informe-2024-09").replace("fecha: '2024-06-17'",
                                                                          "fecha: '2024-09-20'")
    texto = texto.replace("presentado_en:\n  sesion: cspen-2024-06-17\n  punto: '2'\n", "")
    inicio = texto.index("sesiones:\n")
    fin = texto.index("compromisos:\n")
    texto = texto[:inicio] + texto[fin:]
    texto = texto.replace("estatus: en_curso\n    estatus_texto: En proceso\n    porcentaje: 75",
                          "estatus: concluido\n    estatus_texto: Concluido\n    porcentaje: 100")
    inicio = texto.index("acuerdos:\n  - numero")
    return {**archivos, "ine/2024/informe-2024-09.yml": texto[:inicio]}


def test_cambio_de_estatus_entre_informes(tmp_path: Path) -> None:
    """Con un segundo informe, el compromiso que pasó de «en curso» (75 %) a «concluido» (100 %)
    tiene su entrada, con el ancla del compromiso en el informe nuevo como id y su fecha; el
    que no cambió, no."""
    grafo, publicado = publicar_de(datos_prueba.cargar(tmp_path, _segundo_informe(datos_prueba.archivos_base())))
    leido = _feed(publicado, urls.novedades())
    cambios = [e for e in leido.entries if e.tags[0].term == "compromiso"]
    assert [e.id for e in cambios] == [urls.absoluta(URL, urls.compromiso("informe-2024-09", "compromiso-02").url())]
    assert cambios[0].updated == momento("2024-09-20")
    assert "En curso (75 %) → Concluido (100 %)" in cambios[0].title
    assert [e.updated for e in leido.entries] == sorted((e.updated for e in leido.entries), reverse=True)
    assert [e.id for e in _feed(publicado, urls.novedades("ine")).entries if e.tags[0].term == "compromiso"] == \
        [cambios[0].id]
    assert len(entradas(grafo, URL)) == len(grafo.datos.documentos) + 1
