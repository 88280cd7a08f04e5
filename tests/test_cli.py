"""cli: ``programas-spen validar`` termina con 0 sobre los datos reales y con 1 sobre datos rotos,
con el informe en español y archivo:línea (sin traza de Python); ``programas-spen paginas DIR``
escribe el Markdown de cada página generada con sus metadatos, y no escribe nada si hay
errores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from programas_spen.cli import main
from tests.conftest import DATOS, RAIZ
from tests.datos_prueba import INFORME, PAT, archivos_base, cambiar, escribir, linea_de


def _rotos(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    archivos = cambiar(archivos_base(), INFORME, "    area: dj\n", "    area: juridica\n")
    cambiar(archivos, PAT, "anio: 2020", "anio: dos mil")
    return escribir(tmp_path, archivos), archivos


def test_validar_datos_reales(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--datos", str(DATOS), "validar"]) == 0
    salida = capsys.readouterr().out
    lineas = salida.strip().splitlines()
    assert lineas[-1] == "0 error(es), 12 aviso(s) en los datos."
    assert len(lineas) == 13
    assert all(": aviso: " in linea for linea in lineas[:-1])
    assert "datos/ine/2024/ine-informe-compromisos-cspen-2024-06.yml:" in salida


def test_validar_datos_rotos(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos, archivos = _rotos(tmp_path)
    assert main(["--datos", str(datos), "validar"]) == 1
    salida = capsys.readouterr().out
    linea_area = linea_de(archivos[INFORME], "area: juridica")
    linea_anio = linea_de(archivos[PAT], "anio: dos mil")
    assert (f"datos/ine/2024/informe-2024.yml:{linea_area}:11: error: el área «juridica» no "
            "está en datos/instituciones.yml; se esperaba uno de:") in salida
    assert (f"datos/ine/2020/pat-2020.yml:{linea_anio}:7: error: anio: se encontró un texto "
            "(«dos mil»); se esperaba un número entero") in salida
    assert salida.strip().splitlines()[-1] == "2 error(es), 0 aviso(s) en los datos."
    # los errores salen antes que los avisos y ordenados por archivo
    errores = [linea for linea in salida.splitlines() if ": error: " in linea]
    assert errores == sorted(errores)


def test_paginas_escribe_el_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos = escribir(tmp_path, archivos_base())
    salida = tmp_path / "salida"
    assert main(["--datos", str(datos), "paginas", str(salida), "--sin-pdf"]) == 0
    mensaje = capsys.readouterr().out
    escritas = sorted(p.relative_to(salida).as_posix() for p in salida.rglob("*.md"))
    assert f"{len(escritas)} páginas" in mensaje and str(salida) in mensaje
    assert "documentos/pat-2020/index.md" in escritas
    assert "acuerdos/ine-jge06-2020.md" in escritas
    assert "sesiones/cspen-2024-03-13.md" in escritas
    texto = (salida / "documentos" / "pat-2020" / "index.md").read_text(encoding="utf-8")
    assert texto.startswith("---\n")
    cabecera, cuerpo = texto[4:].split("\n---\n\n", 1)
    assert yaml.safe_load(cabecera)["title"] == "PAT de prueba 2020"
    assert cuerpo.startswith("# PAT de prueba 2020\n")


def test_paginas_reales(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    salida = tmp_path / "salida"
    assert main(["--datos", str(DATOS), "paginas", str(salida), "--sin-pdf"]) == 0
    capsys.readouterr()
    for doc in ("ine-pat-spen-2020", "ine-pat-cspen-2024", "ine-informe-compromisos-cspen-2024-06",
                "iepc-durango-pat-comision-seguimiento-2021", "ieeq-plan-trabajo-2024-2025"):
        assert (salida / "documentos" / doc / "index.md").is_file()
    assert (salida / "acuerdos" / "ine-jge06-2020.md").is_file()


def test_paginas_con_errores_no_escribe(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    datos, _ = _rotos(tmp_path)
    salida = tmp_path / "salida"
    assert main(["--datos", str(datos), "paginas", str(salida), "--sin-pdf"]) == 1
    capturado = capsys.readouterr()
    assert "error: el área «juridica»" in capturado.err
    assert capturado.out == ""
    assert not salida.exists()


def test_orden_obligatoria(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as salida:
        main([])
    assert salida.value.code == 2


def test_programa_instalado_sin_traza(tmp_path: Path) -> None:
    datos, _ = _rotos(tmp_path)
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ / "plugins"))
    proceso = subprocess.run([sys.executable, "-m", "programas_spen.cli", "--datos", str(datos),
                              "validar"], capture_output=True, text=True, env=entorno,
                             check=False, cwd=tmp_path)
    assert proceso.returncode == 1
    assert "Traceback" not in proceso.stdout + proceso.stderr
    assert "2 error(es), 0 aviso(s) en los datos." in proceso.stdout
