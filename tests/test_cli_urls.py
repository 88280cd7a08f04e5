"""cli: ``programas-spen urls`` pone al día el manifiesto de URL publicadas (añade, nunca
quita, en orden, el mismo texto cada vez), ``--comprobar`` no escribe y dice qué falta, y con
una URL perdida no escribe nada y nombra la URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from programas_spen.cli import main
from programas_spen.sitio.permanencia import CABECERA, MANIFIESTO
from tests.datos_prueba import PAT, archivos_base, cambiar, escribir


def test_urls_escribe_y_comprueba(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos = escribir(tmp_path, archivos_base())
    assert main(["--datos", str(datos), "urls", "--comprobar"]) == 1
    assert "no está al día" in capsys.readouterr().err
    assert not (datos / MANIFIESTO).exists()

    assert main(["--datos", str(datos), "urls"]) == 0
    texto = (datos / MANIFIESTO).read_text(encoding="utf-8")
    lineas = texto.splitlines()
    assert lineas[:len(CABECERA)] == list(CABECERA)
    urls = lineas[len(CABECERA):]
    assert urls == sorted(set(urls)) and "/documentos/pat-2020/#ingreso-02" in urls
    assert "nueva(s)" in capsys.readouterr().out

    # otra vez: el mismo texto, y al día
    assert main(["--datos", str(datos), "urls"]) == 0
    assert (datos / MANIFIESTO).read_text(encoding="utf-8") == texto
    assert main(["--datos", str(datos), "urls", "--comprobar"]) == 0

    # una URL del manifiesto que el sitio ya no publica se conserva (con su redirección)
    cambiar_pat = (datos / PAT).read_text(encoding="utf-8").replace("- id: ingreso-02", "- id: ingreso-09")
    (datos / PAT).write_text(cambiar_pat, encoding="utf-8")
    (datos / "redirecciones.yml").write_text(
        "redirecciones:\n  - de: /documentos/pat-2020/#ingreso-02\n    a: /documentos/pat-2020/#ingreso-09\n"
        "    motivo: Id corregido.\n", encoding="utf-8")
    assert main(["--datos", str(datos), "urls", "--comprobar"]) == 1
    assert "/documentos/pat-2020/#ingreso-09" in capsys.readouterr().err
    assert main(["--datos", str(datos), "urls"]) == 0
    nuevas = (datos / MANIFIESTO).read_text(encoding="utf-8").splitlines()
    assert "/documentos/pat-2020/#ingreso-02" in nuevas and "/documentos/pat-2020/#ingreso-09" in nuevas


def test_comprobar_admite_lineas_pegadas_a_mano(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Quien edita en el editor web pega las líneas que faltan donde sea: basta para la CI."""
    datos = escribir(tmp_path, archivos_base())
    assert main(["--datos", str(datos), "urls"]) == 0
    lineas = (datos / MANIFIESTO).read_text(encoding="utf-8").splitlines()
    sin_una = [linea for linea in lineas if linea != "/acuerdos/"]
    (datos / MANIFIESTO).write_text("\n".join(sin_una) + "\n", encoding="utf-8")
    assert main(["--datos", str(datos), "urls", "--comprobar"]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == "/acuerdos/"
    (datos / MANIFIESTO).write_text("\n".join(sin_una) + "\n/acuerdos/\n", encoding="utf-8")
    assert main(["--datos", str(datos), "urls", "--comprobar"]) == 0
    assert "no está en orden" in capsys.readouterr().out


def test_urls_con_una_url_perdida_no_escribe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos = escribir(tmp_path, archivos_base())
    assert main(["--datos", str(datos), "urls"]) == 0
    antes = (datos / MANIFIESTO).read_text(encoding="utf-8")
    archivos = cambiar(archivos_base(), PAT, "- id: ingreso-02", "- id: ingreso-09")
    escribir(tmp_path, archivos)
    capsys.readouterr()
    assert main(["--datos", str(datos), "urls"]) == 1
    error = capsys.readouterr().err
    assert "la URL publicada «/documentos/pat-2020/#ingreso-02» ya no se publica" in error
    assert "No se puso al día el manifiesto" in error and "Traceback" not in error
    assert (datos / MANIFIESTO).read_text(encoding="utf-8") == antes
