"""anexos.cache_pdf: un PDF guardado se encuentra en otra construcción (otro proceso, sin
memoria) con sus páginas y avisos; una entrada dañada cuenta como ausente; borrar quita el
disco y la memoria; iterar ve lo de los dos (no lo de otra versión); otra versión del
generador (también otras fuentes del sistema) no ve lo anterior; sin carpeta, o con una que no
se puede escribir, los PDF quedan en memoria; ``podar`` borra lo que no se usó;
``construir_anexos`` con la caché solo genera los PDF que cambiaron, y sin PDF no borra
nada."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from programas_spen.anexos import cache_pdf
from programas_spen.anexos.anexos import construir_anexos
from programas_spen.anexos.cache_pdf import CachePdf
from programas_spen.anexos.pdf import PdfGenerado
from programas_spen.sitio.grafo import Grafo

CLAVE = "ab12" * 16
PDF = PdfGenerado(b"%PDF-1.7 prueba", 3, ("aviso de prueba",))


def test_se_encuentra_en_otra_construccion(tmp_path: Path) -> None:
    CachePdf(tmp_path)[CLAVE] = PDF
    otra = CachePdf(tmp_path)  # sin memoria: la lee del disco
    assert otra[CLAVE] == PDF
    assert CLAVE in otra.memoria
    assert list(otra) == [CLAVE] and len(otra) == 1


def _entrada(cache: CachePdf, clave: str) -> Path:
    ruta = cache.espacio.ruta(cache.espacio.clave(clave))
    assert ruta is not None
    return ruta


def test_entrada_danada_o_ajena(tmp_path: Path) -> None:
    cache = CachePdf(tmp_path)
    cache[CLAVE] = PDF
    entrada = _entrada(cache, CLAVE)
    for danada in (entrada.read_bytes().replace(b"prueba", b"otra"), b"sin cabecera", b""):
        entrada.write_bytes(danada)
        with pytest.raises(KeyError):
            CachePdf(tmp_path)[CLAVE]
    with pytest.raises(KeyError):
        CachePdf(tmp_path)["../fuera"]
    assert CachePdf(tmp_path).get("no-esta") is None


def test_borrar(tmp_path: Path) -> None:
    cache = CachePdf(tmp_path)
    cache[CLAVE] = PDF
    del cache[CLAVE]
    assert CLAVE not in cache and cache.espacio.claves() == []
    with pytest.raises(KeyError):
        del cache[CLAVE]


def test_otra_version_no_usa_la_anterior(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    CachePdf(tmp_path)[CLAVE] = PDF
    monkeypatch.setattr(cache_pdf, "version_generador", lambda: "otra")
    otra = CachePdf(tmp_path)
    assert otra.get(CLAVE) is None and list(otra) == [] and len(otra.espacio.claves()) == 1


def test_las_fuentes_del_sistema_entran_en_la_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fuentes = tmp_path / "fuentes"
    (fuentes / "liberation2").mkdir(parents=True)
    sans = fuentes / "liberation2" / "LiberationSans-Regular.ttf"
    sans.write_bytes(b"fuente")
    monkeypatch.setattr(cache_pdf, "CARPETAS_FUENTES", (fuentes, tmp_path / "no-existe"))
    assert b"LiberationSans-Regular.ttf\t6\t" in cache_pdf.huella_fuentes()
    antes = cache_pdf.version_generador()
    assert cache_pdf.version_generador() == antes  # el mismo sistema, la misma versión
    CachePdf(tmp_path / "cache")[CLAVE] = PDF
    (fuentes / "noto").mkdir()
    (fuentes / "noto" / "NotoSans-Regular.ttf").write_bytes(b"otra")  # una fuente nueva
    instalada = cache_pdf.version_generador()
    assert instalada != antes and CachePdf(tmp_path / "cache").get(CLAVE) is None
    sans.write_bytes(b"fuente actualizada")  # otro tamaño
    assert cache_pdf.version_generador() not in {antes, instalada}
    (fuentes / "noto" / "NotoSans-Regular.ttf").unlink()
    sans.unlink()
    assert cache_pdf.version_generador() not in {antes, instalada}


def test_carpeta_que_no_se_puede_escribir_o_sin_carpeta(tmp_path: Path) -> None:
    bloqueo = tmp_path / "cache"
    bloqueo.write_text("no es una carpeta", encoding="utf-8")
    for carpeta in (bloqueo, None, ""):
        cache = CachePdf(carpeta)
        cache[CLAVE] = PDF
        assert cache[CLAVE] == PDF and len(cache) == 1
        assert CachePdf(carpeta).get(CLAVE) is None


def test_podar_borra_lo_que_no_se_uso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    otro = PdfGenerado(b"%PDF-1.7 otro", 1)
    anterior = CachePdf(tmp_path)
    anterior[CLAVE] = PDF
    anterior["cd34" * 16] = otro
    monkeypatch.setattr(cache_pdf, "version_generador", lambda: "vieja")
    CachePdf(tmp_path)[CLAVE] = PDF
    monkeypatch.undo()
    viejo = time.time() - 3600
    for entrada in tmp_path.rglob("*"):
        if entrada.is_file():
            os.utime(entrada, (viejo, viejo))
    cache = CachePdf(tmp_path)
    assert cache[CLAVE] == PDF  # usado en esta construcción
    assert cache.podar() == 2  # el otro y el de la versión vieja
    assert list(CachePdf(tmp_path)) == [CLAVE] and len(cache.espacio.claves()) == 1


def test_construir_anexos_solo_genera_lo_que_cambia(tmp_path: Path, grafo_real: Grafo) -> None:
    llamadas: list[str] = []

    def generador(html: str, base: str) -> PdfGenerado:
        llamadas.append(base)
        return PdfGenerado(html.encode("utf-8")[:50], 1)

    primera = construir_anexos(grafo_real, "https://x.example/", memoria=CachePdf(tmp_path),
                               generador=generador)
    generados = len(llamadas)
    assert generados == len(grafo_real.datos.documentos)
    segunda = construir_anexos(grafo_real, "https://x.example/", memoria=CachePdf(tmp_path),
                               generador=generador)
    assert len(llamadas) == generados  # todos desde la caché en disco
    assert segunda.archivos == primera.archivos
    # sin PDF no se sabe cuáles se usan: la caché queda intacta
    construir_anexos(grafo_real, "https://x.example/", pdf=False, memoria=CachePdf(tmp_path))
    assert len(CachePdf(tmp_path)) == generados
    # otra URL base cambia el HTML de todos: se generan de nuevo y se olvidan los viejos
    construir_anexos(grafo_real, "https://y.example/", memoria=CachePdf(tmp_path), generador=generador)
    assert len(llamadas) == 2 * generados and len(CachePdf(tmp_path)) == generados
