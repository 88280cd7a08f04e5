"""Los controles de suscripción (``paginas.suscripcion``): enlace ``webcal://``, descarga del
``.ics`` y dirección visible con su botón de copiar."""

from __future__ import annotations

from programas_spen.sitio.paginas.suscripcion import bloque_suscripcion, script_copiar
from tests.sitio.paginas.sopa import enlaces, sopa_de_bloques


def test_controles() -> None:
    html = sopa_de_bloques((bloque_suscripcion("sesiones-cspen", "sesiones de la Comisión", "calendario/2024/03.md",
                                               "https://ejemplo.mx/spen/"),), "calendario/2024/03.md")
    todos = enlaces(html)
    assert todos["Suscribirse con un clic"] == "webcal://ejemplo.mx/spen/suscripciones/sesiones-cspen.ics"
    assert todos["Descargar el archivo .ics"] == "../../../suscripciones/sesiones-cspen.ics"
    assert html.find("a", download=True)["download"] == "sesiones-cspen.ics"
    assert html.find("code").get_text() == "https://ejemplo.mx/spen/suscripciones/sesiones-cspen.ics"
    boton = html.find("button")
    assert boton["type"] == "button" and boton.find_parent("template") is not None  # lo pone el script
    assert boton["data-copiar"] == "https://ejemplo.mx/spen/suscripciones/sesiones-cspen.ics"
    assert boton["aria-label"] == "Copiar dirección de sesiones de la Comisión"
    assert html.find(id=boton["aria-describedby"])["role"] == "status"


def test_el_texto_de_los_datos_se_escapa() -> None:
    html = sopa_de_bloques((bloque_suscripcion("x", 'a" onclick="b <i>', "suscripciones/index.md",
                                               "https://ejemplo.mx/"),), "suscripciones/index.md")
    assert html.find("i") is None and not html.find("button").has_attr("onclick")
    assert html.find("button")["aria-label"] == 'Copiar dirección de a" onclick="b <i>'


def test_script() -> None:
    html = sopa_de_bloques((script_copiar("calendario/2024/03.md"),), "calendario/2024/03.md")
    assert html.find("script")["src"] == "../../../activos/copiar.js"
