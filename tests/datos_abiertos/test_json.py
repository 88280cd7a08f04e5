"""El JSON del modelo contra sus esquemas publicados (``jsonschema``) y de vuelta por la carga
real: vuelve a dar el mismo documento."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from programas_spen.carga.validacion import cargar_datos
from programas_spen.datos_abiertos import json_datos
from programas_spen.sitio import urls

from .conftest import URL


def _validador(carpeta: Path, nombre: str) -> Draft202012Validator:
    """Validador del esquema ``nombre`` publicado, con los otros esquemas publicados a mano."""
    esquemas = {n: json.loads((carpeta / urls.esquema(n)).read_text("utf-8"))
                for n in ("documento.schema.json", "instituciones.schema.json", "datos.schema.json")}
    registro = Registry().with_resources((e["$id"], Resource.from_contents(e)) for e in esquemas.values())
    assert esquemas[nombre]["$id"] == urls.absoluta(URL, urls.esquema(nombre))
    return Draft202012Validator(esquemas[nombre], registry=registro)


def test_json_valida_sus_esquemas_publicados(resultado_real, carpeta_real: Path) -> None:
    """El JSON del sitio valida ``datos.schema.json`` y el de cada documento
    ``documento.schema.json``, los dos tal como se publican."""
    sitio = json.loads((carpeta_real / urls.datos_sitio("programas-spen.json")).read_text("utf-8"))
    assert list(_validador(carpeta_real, "datos.schema.json").iter_errors(sitio)) == []
    documento = _validador(carpeta_real, "documento.schema.json")
    for doc in resultado_real.datos.documentos:
        propio = json.loads((carpeta_real / urls.datos_documento(doc.id, "datos.json")).read_text("utf-8"))
        assert list(documento.iter_errors(propio)) == [], doc.id
        assert propio["id"] == doc.id
        assert len(propio.get("compromisos", [])) == len(doc.compromisos)
        assert len(propio.get("temas", [])) == len(doc.temas)


def test_json_vuelve_a_cargarse_igual(resultado_real, carpeta_real: Path, tmp_path: Path) -> None:
    """Cada documento del JSON, escrito como archivo de datos (YAML lee JSON), se carga sin
    errores y da el mismo documento."""
    sitio = json.loads((carpeta_real / urls.datos_sitio("programas-spen.json")).read_text("utf-8"))
    datos = tmp_path / "datos"
    (datos / "instituciones.yml").parent.mkdir(parents=True)
    (datos / "instituciones.yml").write_text(json.dumps(sitio["catalogo"], ensure_ascii=False), "utf-8")
    for doc in resultado_real.datos.documentos:
        destino = datos / doc.institucion / str(doc.anio) / f"{doc.id}.yml"
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_text(json.dumps(json_datos.documento_json(doc), ensure_ascii=False), "utf-8")
    otra = cargar_datos(datos)
    assert otra.informe.errores == []
    assert [json_datos.documento_json(d) for d in otra.datos.documentos] == \
        [json_datos.documento_json(d) for d in resultado_real.datos.documentos]
    assert json_datos.catalogo_json(otra.datos.catalogo) == sitio["catalogo"]
