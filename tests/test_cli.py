"""cli: ``programas-spen validar`` termina con 0 sobre los datos reales y con 1 sobre datos rotos,
con el informe en español y archivo:línea (sin traza de Python); ``programas-spen paginas DIR``
escribe el Markdown de cada página generada con sus metadatos, y no escribe nada si hay
errores. ``programas-spen validar ARCHIVO...`` muestra los problemas de esos archivos y los
errores de los demás (que también impiden publicar), nunca los avisos de los demás."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from programas_spen.cli import main
from tests.conftest import DATOS, RAIZ
from tests.datos_prueba import (
    INFORME,
    PAT,
    PROGRAMA,
    archivos_base,
    cambiar,
    escribir,
    linea_de,
    nombre,
)


def _rotos(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    archivos = cambiar(archivos_base(), INFORME, "    area: dj\n", "    area: juridica\n")
    cambiar(archivos, PAT, "anio: 2020", "anio: dos mil")
    return escribir(tmp_path, archivos), archivos


def test_validar_datos_reales(capsys: pytest.CaptureFixture[str]) -> None:
    # lo que vale para cualquier conjunto de datos válido: ningún error, una línea por aviso
    # y un resumen que los cuenta (sin fijar cuántos: un documento nuevo los cambia)
    assert main(["--datos", str(DATOS), "validar"]) == 0
    salida = capsys.readouterr().out
    *avisos, resumen = salida.strip().splitlines()
    assert resumen == f"0 error(es), {len(avisos)} aviso(s) en los datos."
    assert all(linea.startswith("datos/") and ": aviso: " in linea for linea in avisos)
    # el aviso que el README cita del informe de junio de 2024
    assert any(linea.startswith("datos/ine/2024/ine-informe-compromisos-cspen-2024-06.yml:")
               and "el compromiso 7 escribe la fecha 2024-04-13" in linea for linea in avisos)


def test_validar_datos_rotos(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos, archivos = _rotos(tmp_path)
    assert main(["--datos", str(datos), "validar"]) == 1
    salida = capsys.readouterr().out
    linea_area = linea_de(archivos[INFORME], "area: juridica")
    linea_anio = linea_de(archivos[PAT], "anio: dos mil")
    assert (f"datos/ine/2024/informe-2024.yml:{linea_area}:11: error: el área «juridica» no "
            "está en datos/instituciones.yml; se esperaba un área de INE:") in salida
    assert (f"datos/ine/2020/pat-2020.yml:{linea_anio}:7: error: anio: se encontró un texto "
            "(«dos mil»); se esperaba un número entero") in salida
    assert salida.strip().splitlines()[-1] == "2 error(es), 0 aviso(s) en los datos."
    # los errores salen antes que los avisos y ordenados por archivo
    errores = [linea for linea in salida.splitlines() if ": error: " in linea]
    assert errores == sorted(errores)


def test_paginas_escribe_el_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos = escribir(tmp_path, archivos_base())
    salida = tmp_path / "salida"
    assert main(["--datos", str(datos), "paginas", str(salida), "--sin-pdf"]) == 0
    mensaje = capsys.readouterr().out
    indice = json.loads((salida / "paginas.json").read_text(encoding="utf-8"))
    escritas = sorted(p["html"] for p in indice)
    assert f"{len(escritas)} páginas" in mensaje and str(salida) in mensaje
    assert all((salida / ruta).is_file() for ruta in escritas)
    assert "documentos/pat-2020/index.html" in escritas
    assert "acuerdos/ine-jge06-2020.html" in escritas
    assert "sesiones/cspen-2024-03-13.html" in escritas
    [pat] = [p for p in indice if p["ruta"] == "documentos/pat-2020/index.md"]
    assert pat["titulo"] == "PAT de prueba 2020"
    texto = (salida / "documentos" / "pat-2020" / "index.html").read_text(encoding="utf-8")
    assert texto.startswith('<h1 id="pat-de-prueba-2020">PAT de prueba 2020</h1>')


def test_paginas_reales(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    salida = tmp_path / "salida"
    assert main(["--datos", str(DATOS), "paginas", str(salida), "--sin-pdf"]) == 0
    capsys.readouterr()
    for doc in ("ine-pat-spen-2020", "ine-pat-cspen-2024", "ine-informe-compromisos-cspen-2024-06",
                "iepc-durango-pat-comision-seguimiento-2021", "ieeq-plan-trabajo-2024-2025"):
        assert (salida / "documentos" / doc / "index.html").is_file()
    assert (salida / "acuerdos" / "ine-jge06-2020.html").is_file()


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


# --- validar ARCHIVO...: los problemas de los archivos dados --------------------------------


def _con_avisos(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Datos sin errores con un aviso en el PAT y otro en el informe."""
    archivos = cambiar(archivos_base(), PAT, "    valor: 2\n    cita: dos actividades",
                       "    valor: 3\n    cita: dos actividades")
    cambiar(archivos, INFORME, "    porcentaje: 75\n", "    porcentaje: 100\n")
    return escribir(tmp_path, archivos), archivos


def test_validar_archivo_muestra_solo_sus_avisos(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    datos, archivos = _con_avisos(tmp_path)
    # sin archivos: los dos avisos
    assert main(["--datos", str(datos), "validar"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "0 error(es), 2 aviso(s) en los datos."
    # con el PAT: solo el suyo, y los avisos no hacen fallar
    assert main(["--datos", str(datos), "validar", str(datos / PAT)]) == 0
    lineas = capsys.readouterr().out.strip().splitlines()
    linea = linea_de(archivos[PAT], "- coleccion: actividades")
    assert lineas == [
        f"{nombre(PAT)}:{linea}: aviso: la fuente dice «dos actividades» (3) pero hay 2 registro(s) "
        "en «actividades»",
        "0 error(es), 1 aviso(s) en 1 archivo(s) indicado(s); 0 error(es) en otros archivos."]


def test_validar_archivo_sin_problemas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos, _ = _con_avisos(tmp_path)
    assert main(["--datos", str(datos), "validar", str(datos / PROGRAMA)]) == 0
    assert capsys.readouterr().out == ("0 error(es), 0 aviso(s) en 1 archivo(s) indicado(s); "
                                       "0 error(es) en otros archivos.\n")


def test_validar_archivos_con_errores_en_otro(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    # el error del PAT sale aparte y hace fallar aunque solo se pida el informe
    datos, archivos = _rotos(tmp_path)
    assert main(["--datos", str(datos), "validar", str(datos / INFORME)]) == 1
    lineas = capsys.readouterr().out.strip().splitlines()
    linea_area = linea_de(archivos[INFORME], "area: juridica")
    linea_anio = linea_de(archivos[PAT], "anio: dos mil")
    assert lineas[0].startswith(f"{nombre(INFORME)}:{linea_area}:11: error: el área «juridica»")
    assert lineas[1].startswith("Errores en otros archivos (1): también impiden publicar")
    assert lineas[2] == (f"{nombre(PAT)}:{linea_anio}:7: error: anio: se encontró un texto "
                         "(«dos mil»); se esperaba un número entero")
    assert lineas[3:] == ["1 error(es), 0 aviso(s) en 1 archivo(s) indicado(s); 1 error(es) en otros "
                          "archivos."]
    # con los dos archivos, los dos errores son propios
    assert main(["--datos", str(datos), "validar", str(datos / INFORME), str(datos / PAT)]) == 1
    lineas = capsys.readouterr().out.strip().splitlines()
    assert len(lineas) == 3 and not any(linea.startswith("Errores en otros") for linea in lineas)
    assert lineas[-1] == ("2 error(es), 0 aviso(s) en 2 archivo(s) indicado(s); 0 error(es) en otros "
                          "archivos.")


def test_validar_id_renombrado_senala_al_que_lo_cita(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # renombrar una sesión programada del programa rompe la referencia del informe: validar solo
    # el programa (lo que cambió) lo muestra y falla
    archivos = cambiar(archivos_base(), PROGRAMA, "  - id: sesion-ordinaria-1\n",
                       "  - id: sesion-ordinaria-uno\n")
    datos = escribir(tmp_path, archivos)
    assert main(["--datos", str(datos), "validar", str(datos / PROGRAMA)]) == 1
    salida = capsys.readouterr().out
    linea = linea_de(archivos[INFORME], "programada: pat-cspen-2024/sesion-ordinaria-1")
    assert f"\n{nombre(INFORME)}:{linea}:" in salida and "sesion-ordinaria-1" in salida
    assert salida.strip().splitlines()[-1] == ("0 error(es), 0 aviso(s) en 1 archivo(s) indicado(s); "
                                               "1 error(es) en otros archivos.")


def test_validar_archivo_relativo_desde_la_raiz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # como lo llama pre-commit: desde la raíz del proyecto, con rutas relativas a ella
    _con_avisos(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["validar", f"datos/{PAT}", f"./datos/{INFORME}"]) == 0
    lineas = capsys.readouterr().out.strip().splitlines()
    assert [linea.split(":")[0] for linea in lineas[:-1]] == [nombre(PAT), nombre(INFORME)]
    assert lineas[-1].startswith("0 error(es), 2 aviso(s) en 2 archivo(s) indicado(s);")


def test_validar_archivo_inexistente_o_ajeno(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    _con_avisos(tmp_path)
    (tmp_path / "otro.yml").write_text("id: x\n", encoding="utf-8")
    (tmp_path / "datos" / "LEAME.md").write_text("# notas\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validar", "datos/ine/2020/no-existe.yml", "otro.yml", "datos/LEAME.md",
                 f"datos/{PROGRAMA}"]) == 1
    lineas = capsys.readouterr().out.strip().splitlines()
    assert lineas == [
        "datos/ine/2020/no-existe.yml: error: el archivo no existe; se esperaba un archivo de datos "
        "(.yml) dentro de datos",
        "otro.yml: error: no es un archivo de datos; se esperaba un archivo .yml dentro de datos",
        "datos/LEAME.md: error: no es un archivo de datos; se esperaba un archivo .yml dentro de datos",
        "3 error(es), 0 aviso(s) en 4 archivo(s) indicado(s); 0 error(es) en otros archivos."]


def test_validar_cada_documento_real(capsys: pytest.CaptureFixture[str]) -> None:
    # vale para cualquier documento válido: sin errores, y solo sus propios avisos
    documentos = sorted(DATOS.rglob("*.yml"))
    assert documentos
    for ruta in documentos:
        assert main(["--datos", str(DATOS), "validar", str(ruta)]) == 0, ruta
        *problemas, resumen = capsys.readouterr().out.strip().splitlines()
        propio = ruta.relative_to(RAIZ).as_posix()
        assert all(linea.startswith(f"{propio}:") and ": aviso: " in linea for linea in problemas)
        assert resumen == (f"0 error(es), {len(problemas)} aviso(s) en 1 archivo(s) indicado(s); "
                           "0 error(es) en otros archivos.")


def test_ayuda_de_validar_explica_los_archivos(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as salida:
        main(["validar", "--help"])
    assert salida.value.code == 0
    ayuda = capsys.readouterr().out
    assert "ARCHIVO" in ayuda
    assert "los errores de los demás archivos, aparte: impiden publicar" in ayuda
    assert "Termina con código 1 si hay algún error en cualquier archivo" in ayuda


# --- órdenes para el personal y el gancho de pre-commit ------------------------------------

def test_gancho_de_pre_commit_valida_solo_los_datos_que_cambiaron(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import re
    import shlex

    import tareas
    from tests.despliegue.flujos import PRE_COMMIT, leer

    (gancho,) = [g for repo in leer(PRE_COMMIT)["repos"] for g in repo["hooks"]]
    archivos = re.compile(gancho["files"])  # pre-commit lo busca con re.search
    assert all(archivos.search(str(r.relative_to(RAIZ))) for r in DATOS.rglob("*.yml"))
    for otro in ("contenido/acerca.md", "mkdocs.yml", "tests/fixtures/datos/x.yml",
                 "plugins/programas_spen/carga/esquema/documento.schema.json", ".gitlab-ci.yml"):
        assert not archivos.search(otro), otro
    # recibe los archivos del commit (no corre sobre todo el repositorio)
    assert gancho.get("pass_filenames", True) and not gancho.get("always_run", False)
    orden = shlex.split(gancho["entry"])
    assert orden[:2] == ["python3", "tareas.py"] and orden[2] in tareas.TAREAS
    assert tareas.ANALIZADORES[orden[2]]().parse_args([str(DATOS / "instituciones.yml")]).archivos
    # la tarea llama a programas-spen con los mismos argumentos: sobre un archivo, válido y roto
    documento = sorted(DATOS.glob("*/*/*.yml"))[0]
    assert main(["--datos", str(DATOS), orden[2], str(documento)]) == 0
    datos = tmp_path / "datos"
    import shutil

    shutil.copytree(DATOS, datos)
    roto = datos / documento.relative_to(DATOS)
    roto.write_text(roto.read_text(encoding="utf-8").replace("\ntipo: ", "\ntipo: acta_", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["--datos", str(datos), orden[2], str(roto)]) == 1
    assert ": error: tipo: valor «acta_" in capsys.readouterr().out


def test_tareas_del_personal_pasan_rutas_absolutas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tareas

    monkeypatch.chdir(tmp_path)
    assert tareas.argumentos_de_personal(["exportar", "d.yml", "l.xlsx", "--datos", "datos"]) == [
        "exportar", str(tmp_path / "d.yml"), str(tmp_path / "l.xlsx"), "--datos", "datos"]
    assert {"nuevo", "hoja", "formatear"} <= set(tareas.TAREAS)
    # cada tarea del personal es una orden de programas-spen
    from programas_spen.cli import crear_parser

    for orden in ("nuevo", "hoja", "formatear"):
        with pytest.raises(SystemExit) as salida:
            crear_parser().parse_args([orden, "--help"])
        assert salida.value.code == 0


def test_ayuda_en_espanol_de_las_ordenes_del_personal(capsys: pytest.CaptureFixture[str]) -> None:
    for orden in ("nuevo", "hoja", "formatear"):
        with pytest.raises(SystemExit):
            main([orden, "--help"])
        ayuda = capsys.readouterr().out
        assert "muestra esta ayuda y termina" in ayuda and "show this help" not in ayuda
