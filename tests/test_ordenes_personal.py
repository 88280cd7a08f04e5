"""ordenes_personal.py: ``nuevo``, ``hoja`` y ``formatear`` desde ``programas-spen``.

Un documento creado con ``nuevo`` y llenado valida y sale en el sitio (sobre una copia de los
datos reales: nunca queda un archivo nuevo en datos/); ``nuevo`` nunca sobrescribe y, sin
terminal, dice la entrada exacta del catálogo que falta sin crear nada."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from programas_spen.carga.validacion import cargar_datos
from programas_spen.cli import main
from programas_spen.sitio import urls
from tests.conftest import DATOS, construir, copiar_proyecto
from tests.datos_prueba import INFORME, archivos_base, escribir
from tests.datos_prueba import construir as construir_nucleo
from tests.nuevo.llenar import LLENOS, llenar

ORDEN_NUEVO = ["nuevo", "programa-comision", "ieeq", "2026", "--organo", "ieeq-comision-seguimiento"]
ID_NUEVO = "ieeq-programa-comision-2026"


def _copia(tmp_path: Path) -> Path:
    datos = tmp_path / "datos"
    shutil.copytree(DATOS, datos)
    return datos


def _nuevo_llenado(datos: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--datos", str(datos), *ORDEN_NUEVO]) == 0
    creado = datos / "ieeq" / "2026" / f"{ID_NUEVO}.yml"
    assert f"Creado {creado}." in capsys.readouterr().out
    creado.write_text(llenar(creado.read_text(encoding="utf-8"), LLENOS), encoding="utf-8")
    return creado


def test_nuevo_llenado_valida_y_sale_en_el_sitio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos = _copia(tmp_path)
    creado = _nuevo_llenado(datos, capsys)
    assert main(["--datos", str(datos), "validar", str(creado)]) == 0, capsys.readouterr().out
    sitio = construir_nucleo(datos)
    assert sitio.informe.errores == []
    pagina = next(p for p in sitio.paginas if p.ruta == urls.documento(ID_NUEVO).ruta)
    assert "Programa de prueba de la Comisión" in pagina.html
    assert not (DATOS / "ieeq" / "2026").exists()


def test_nuevo_sin_llenar_no_valida(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos = _copia(tmp_path)
    assert main(["--datos", str(datos), *ORDEN_NUEVO]) == 0
    creado = datos / "ieeq" / "2026" / f"{ID_NUEVO}.yml"
    capsys.readouterr()
    assert main(["--datos", str(datos), "validar", str(creado)]) == 1
    salida = capsys.readouterr().out
    assert "titulo: está vacío; se esperaba un texto" in salida


def test_nuevo_nunca_sobrescribe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos = _copia(tmp_path)
    creado = _nuevo_llenado(datos, capsys)
    antes = creado.read_bytes()
    assert main(["--datos", str(datos), *ORDEN_NUEVO]) == 1
    assert creado.read_bytes() == antes
    assert (f"{creado}: error: el archivo ya existe y no se sobrescribe; se esperaba un id nuevo "
            "(--id) o editar el archivo que ya está") in capsys.readouterr().err
    # el mismo id en otro año tampoco: los id no se repiten
    assert main(["--datos", str(datos), "nuevo", "plan", "ieeq", "2027", "--id", ID_NUEVO]) == 1
    assert f"ya hay un documento con el id «{ID_NUEVO}»" in capsys.readouterr().err


def test_nuevo_sin_terminal_dice_que_agregar_al_catalogo(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    datos = _copia(tmp_path)
    catalogo = (datos / "instituciones.yml").read_bytes()
    assert main(["--datos", str(datos), "nuevo", "pat", "ieem", "2025", "--organo", "ieem-cg"]) == 1
    error = capsys.readouterr().err
    assert "datos/instituciones.yml: error: falta la institución «ieem»; se esperaba esta entrada al final " \
           "de la lista «instituciones:»" in error
    assert "  - id: ieem\n    nombre:   # obligatorio" in error
    assert "falta el órgano «ieem-cg»" in error and "    institucion: ieem\n" in error
    assert "No se creó nada" in error
    assert (datos / "instituciones.yml").read_bytes() == catalogo
    assert not (datos / "ieem").exists()


def test_nuevo_en_terminal_pregunta_y_agrega(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from programas_spen import ordenes_personal
    from programas_spen.cli import crear_parser

    datos = _copia(tmp_path)
    respuestas = iter(["Instituto Electoral del Estado de México", "IEEM", "ople", "México", "",
                       "Consejo General del IEEM", "", "consejo", "", ""])
    args = crear_parser().parse_args(["--datos", str(datos), "nuevo", "pat", "ieem", "2025",
                                      "--organo", "ieem-cg"])
    assert ordenes_personal.nuevo(args, lambda _: next(respuestas), lambda: True) == 0
    assert (datos / "ieem" / "2025" / "ieem-pat-2025.yml").is_file()
    assert "Agregado a" in capsys.readouterr().out
    # el catálogo quedó válido: los únicos errores son los campos aún vacíos del documento
    errores = cargar_datos(datos).informe.errores
    assert errores and all(p.archivo.endswith("ieem/2025/ieem-pat-2025.yml") for p in errores)


def test_nuevo_tipo_desconocido(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--datos", str(_copia(tmp_path)), "nuevo", "acta", "ieeq", "2026"]) == 2
    assert "error: tipo «acta» desconocido; se esperaba uno de: programa_anual_trabajo" in capsys.readouterr().err


def test_hoja_exportar_importar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datos = escribir(tmp_path, archivos_base())
    libro = tmp_path / "libro.xlsx"
    vuelta = tmp_path / "vuelta.yml"
    assert main(["--datos", str(datos), "hoja", "exportar", str(datos / INFORME), str(libro)]) == 0
    assert main(["--datos", str(datos), "hoja", "importar", str(libro), str(vuelta)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"Escrito {libro}.", f"Escrito {vuelta}."]
    assert main(["--datos", str(datos), "formatear", "--comprobar", str(vuelta)]) == 0


def test_hoja_importar_con_errores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    datos = escribir(tmp_path, archivos_base())
    libro = tmp_path / "libro.xlsx"
    assert main(["--datos", str(datos), "hoja", "exportar", str(datos / INFORME), str(libro)]) == 0
    leido = load_workbook(libro)
    leido["Compromisos"].title = "Hoja1"
    leido.save(libro)
    assert main(["--datos", str(datos), "hoja", "importar", str(libro), str(tmp_path / "x.yml")]) == 1
    error = capsys.readouterr().err.splitlines()
    assert error[0].startswith(f'{libro}: error: Hoja "Hoja1", la hoja: no es una hoja de este libro')
    assert error[-1] == f"No se escribió {tmp_path / 'x.yml'}."
    assert not (tmp_path / "x.yml").exists()


def test_formatear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archivo = tmp_path / "a.yml"
    archivo.write_text("# esquema\ntipo: plan_trabajo\nid: x\n", encoding="utf-8")
    assert main(["formatear", "--comprobar", str(archivo)]) == 1
    assert capsys.readouterr().out == f"{archivo}: no está en la forma canónica (programas-spen formatear {archivo})\n"
    assert main(["formatear", str(archivo)]) == 0
    assert archivo.read_text(encoding="utf-8") == "# esquema\nid: x\ntipo: plan_trabajo\n"
    assert main(["formatear", "--comprobar", str(archivo)]) == 0


@pytest.mark.sitio
def test_nuevo_sale_en_el_sitio_construido(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proyecto = copiar_proyecto(tmp_path / "proyecto")
    _nuevo_llenado(proyecto / "datos", capsys)
    construccion = construir(proyecto, tmp_path / "sitio", ANEXOS_PDF="false", BUSQUEDA="false")
    assert construccion.codigo == 0, construccion.salida
    pagina = tmp_path / "sitio" / "documentos" / ID_NUEVO / "index.html"
    assert "Programa de prueba de la Comisión" in pagina.read_text(encoding="utf-8")


def test_nuevo_interrumpido_no_escribe_nada(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from programas_spen import ordenes_personal
    from programas_spen.cli import crear_parser

    datos = _copia(tmp_path)
    catalogo = (datos / "instituciones.yml").read_bytes()
    respuestas = iter(["Instituto Electoral del Estado de México", "IEEM", "ople", "", ""])

    def preguntar(_: str) -> str:
        try:
            return next(respuestas)
        except StopIteration:
            raise EOFError from None

    args = crear_parser().parse_args(["--datos", str(datos), "nuevo", "pat", "ieem", "2025",
                                      "--organo", "ieem-cg"])
    assert ordenes_personal.nuevo(args, preguntar, lambda: True) == 1
    assert "No se creó nada: se interrumpieron las preguntas." in capsys.readouterr().err
    assert (datos / "instituciones.yml").read_bytes() == catalogo
    assert not (datos / "ieem").exists()
