"""Los clones del repositorio que mide el banco: este y, con ``--comparar``, otro.

Cada clon construye con su propio código: su intérprete (el de su ``.venv`` si lo tiene; si
no, el que ejecuta el banco) con ``PYTHONPATH`` en su ``plugins/``, así que importa su paquete
aunque el entorno virtual tenga instalado otro clon, y su ``mkdocs.yml``, ``contenido/`` y
``tema/`` tal como están. Los datos (sintéticos o reales) son los mismos para los dos.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
#: Lo que se copia de un clon para construirlo fuera de él (además de ``datos/``).
ARCHIVOS_DEL_PROYECTO = ("mkdocs.yml", "contenido", "tema")
#: Carpeta de la caché del plugin dentro de cada proyecto (``PROGRAMAS_SPEN_CACHE``).
CACHE = Path(".cache") / "programas-spen"

ESTE = "este"
COMPARADO = "comparado"


@dataclass(frozen=True)
class Clon:
    """Un clon del repositorio y el intérprete con el que se construye."""

    etiqueta: str
    raiz: Path
    python: Path

    @classmethod
    def este(cls) -> Clon:
        """El clon del banco, con el intérprete que lo ejecuta. Se detiene si el banco no
        importa el paquete de este clon (genera los datos con él)."""
        import programas_spen

        paquete = Path(programas_spen.__file__).resolve().parent
        if paquete != RAIZ / "plugins" / "programas_spen":
            raise SystemExit(f"El banco importa el paquete de {paquete}, no el de este clon: "
                             f"ejecútelo con `python3 tareas.py banco` o con "
                             f"PYTHONPATH={RAIZ / 'plugins'}.")
        return cls(ESTE, RAIZ, Path(sys.executable))

    @classmethod
    def otro(cls, raiz: Path) -> Clon:
        """El clon de ``raiz``, con el Python de su ``.venv`` si lo tiene (``python3 tareas.py
        validar`` en ese clon lo prepara) o, si no, con el que ejecuta el banco."""
        raiz = raiz.resolve()
        faltan = [nombre for nombre in (*ARCHIVOS_DEL_PROYECTO, "plugins/programas_spen")
                  if not (raiz / nombre).exists()]
        if faltan:
            raise SystemExit(f"--comparar {raiz}: no es un clon de Programas del SPEN (falta "
                             f"{', '.join(faltan)}).")
        propio = raiz / ".venv" / "bin" / "python"
        return cls(COMPARADO, raiz, propio if propio.exists() else Path(sys.executable))

    def entorno(self, proyecto: Path, pdf: bool = False) -> dict[str, str]:
        """Variables de entorno para construir o servir ``proyecto`` con este clon: su paquete
        primero en ``PYTHONPATH``, los PDF de los anexos según ``pdf`` (``ANEXOS_PDF``) y la
        caché del plugin dentro del proyecto (``PROGRAMAS_SPEN_CACHE``)."""
        entorno = dict(os.environ)
        entorno["NO_MKDOCS_2_WARNING"] = "1"
        entorno["ANEXOS_PDF"] = "true" if pdf else "false"
        entorno["PROGRAMAS_SPEN_CACHE"] = str(proyecto / CACHE)
        entorno["PYTHONHASHSEED"] = "0"
        entorno["PYTHONPATH"] = str(self.raiz / "plugins")
        entorno["PATH"] = f"{self.python.parent}{os.pathsep}{entorno.get('PATH', '')}"
        return entorno

    def commit(self) -> str:
        """El commit corto del clon, y si tiene cambios sin commit."""
        def git(*orden: str) -> str:
            return subprocess.run(["git", "-C", str(self.raiz), *orden], capture_output=True,
                                  text=True, check=False).stdout.strip()
        commit = git("rev-parse", "--short", "HEAD") or "?"
        return commit + (" (con cambios sin commit)" if git("status", "--porcelain") else "")

    def describir(self) -> str:
        """«``ruta`` (commit; Python ``ruta``)», para el informe."""
        return f"`{self.raiz}` ({self.commit()}; Python `{self.python}`)"

    def proyecto(self, destino: Path, datos: Path) -> Path:
        """Un proyecto en ``destino`` con ``mkdocs.yml``, ``contenido/`` y ``tema/`` de este clon
        y una copia de ``datos``, sin caché del plugin."""
        if destino.exists():
            shutil.rmtree(destino)
        destino.mkdir(parents=True)
        for nombre in ARCHIVOS_DEL_PROYECTO:
            origen = self.raiz / nombre
            if origen.is_dir():
                shutil.copytree(origen, destino / nombre)
            else:
                shutil.copy2(origen, destino / nombre)
        shutil.copytree(datos, destino / "datos")
        return destino


def borrar_cache(proyecto: Path) -> None:
    """Borra la caché del plugin de ``proyecto`` (árboles, PDF e índices de búsqueda que dejó
    una construcción anterior): la siguiente construye desde cero."""
    shutil.rmtree(proyecto / CACHE, ignore_errors=True)
