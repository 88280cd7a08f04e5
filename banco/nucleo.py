"""Mide el núcleo de un clon, sin MkDocs, en un proceso nuevo (para medir su memoria aparte).

    python nucleo.py --carga DATOS --json SALIDA.json
    python nucleo.py --nucleo DATOS [--perfil-salida PERFIL.prof] --json SALIDA.json

Se ejecuta con el intérprete y el ``PYTHONPATH`` del clon que se mide (``clones.Clon``), así
que importa el paquete de ese clon; por eso solo usa la biblioteca estándar y
``programas_spen``. ``--carga``: solo cargar y validar, sin caché (``cargar_datos``).
``--nucleo``: eso, la misma carga con la caché de árboles vacía y llena, y el núcleo completo
(``construir_sitio``: carga, grafo, páginas y archivos, sin los PDF de los anexos). Un fallo
del núcleo no se propaga: queda en ``error`` con lo ya medido.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

#: Errores de validación que se devuelven como texto (el banco los muestra y se detiene).
PRIMEROS_ERRORES = 15


def _rss_pico_mib() -> float:
    """Memoria residente pico de este proceso, en MiB (Linux da KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def medir_carga(datos: Path) -> dict[str, Any]:
    """Solo cargar y validar, sin caché (en un proceso nuevo: nada leído antes)."""
    from programas_spen.carga.validacion import cargar_datos

    inicio, cpu = time.perf_counter(), time.process_time()
    resultado = cargar_datos(datos)
    return {"carga_s": time.perf_counter() - inicio, "carga_cpu_s": time.process_time() - cpu,
            "rss_carga_mib": _rss_pico_mib(), "errores": len(resultado.informe.errores),
            "avisos": len(resultado.informe.avisos),
            "primeros_errores": [str(e) for e in resultado.informe.errores[:PRIMEROS_ERRORES]]}


def _con_cache(datos: Path) -> dict[str, float]:
    """La carga con la caché de árboles (``cache_arboles``): una que la llena y otra que la
    usa, como la segunda construcción de ``mkdocs serve`` o de un despliegue."""
    from programas_spen.carga.validacion import cargar_datos

    salida = {}
    with tempfile.TemporaryDirectory(prefix="banco-cache-") as cache:
        for clave in ("carga_llenando_cache_s", "carga_cache_s"):
            inicio = time.perf_counter()
            cargar_datos(datos, cache=Path(cache))
            salida[clave] = time.perf_counter() - inicio
    return salida


def _bytes_del_cuerpo(pagina: Any) -> int:
    """Bytes del cuerpo de una página tal como la entrega el núcleo: el HTML de su contenido
    (``PaginaHtml.html``) o, en los clones de antes de que el núcleo escribiera HTML, su
    Markdown (``Pagina.contenido``)."""
    cuerpo = pagina.html if hasattr(pagina, "html") else pagina.contenido
    return len(cuerpo.encode("utf-8"))


def _sitio(datos: Path, carga_s: float, carga_cpu_s: float) -> dict[str, Any]:
    """El núcleo completo (``construir_sitio``, como lo llama el plugin) y lo que produjo."""
    from programas_spen.sitio.construir import construir_sitio

    inicio, cpu = time.perf_counter(), time.process_time()
    sitio = construir_sitio(datos, anexos_pdf=False)  # los PDF se miden aparte
    t_sitio, cpu_sitio = time.perf_counter() - inicio, time.process_time() - cpu
    tamanos = [_bytes_del_cuerpo(p) for p in sitio.paginas]
    por_tipo = Counter(p.ruta.split("/")[0] if "/" in p.ruta else "raiz" for p in sitio.paginas)
    return {
        "sitio_s": t_sitio, "sitio_cpu_s": cpu_sitio,
        "nucleo_sin_carga_s": max(0.0, t_sitio - carga_s),
        "nucleo_sin_carga_cpu_s": max(0.0, cpu_sitio - carga_cpu_s),
        "paginas": len(sitio.paginas), "paginas_por_tipo": dict(por_tipo),
        "archivos": len(sitio.archivos), "cuerpo_bytes": sum(tamanos),
        "cuerpo_max_bytes": max(tamanos, default=0),
        "documentos": len(sitio.grafo.datos.documentos),
        "acuerdos": len(sitio.grafo.acuerdos), "sesiones": len(sitio.grafo.sesiones),
    }


def medir_nucleo(datos: Path, perfil: Path | None = None) -> dict[str, Any]:
    """Cargar y validar sola, con caché, y el núcleo completo, con la memoria pico tras la carga
    (``rss_carga_mib``) y al final (``rss_mib``). ``perfil``: además, cProfile del núcleo en
    una segunda construcción, aparte, para no inflar los tiempos medidos."""
    salida = medir_carga(datos)
    if salida["errores"]:
        return salida
    try:
        salida.update(_con_cache(datos))
        salida.update(_sitio(datos, salida["carga_s"], salida["carga_cpu_s"]))
        salida["rss_mib"] = _rss_pico_mib()
        if perfil:
            from programas_spen.sitio.construir import construir_sitio

            perfilador = cProfile.Profile()
            perfilador.enable()
            construir_sitio(datos, anexos_pdf=False)
            perfilador.disable()
            perfilador.dump_stats(str(perfil))
    except Exception as error:  # el paquete de otro clon puede no tener esta API
        salida["error"] = f"{type(error).__name__}: {error}"[:300]
    return salida


def main(argv: list[str] | None = None) -> int:
    """Punto de entrada: mide y escribe el JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    que = parser.add_mutually_exclusive_group(required=True)
    que.add_argument("--carga", type=Path, help="solo cargar y validar DATOS")
    que.add_argument("--nucleo", type=Path, help="cargar, validar y construir DATOS")
    parser.add_argument("--perfil-salida", type=Path)
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args(argv)
    medida = (medir_nucleo(args.nucleo, args.perfil_salida) if args.nucleo
              else medir_carga(args.carga))
    args.json.write_text(json.dumps(medida), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
