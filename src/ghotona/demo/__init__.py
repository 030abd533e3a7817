"""The bundled demo: original pages written for ghotona, and their fictional outlets."""

from __future__ import annotations

import copy
from importlib import resources
from pathlib import Path
from typing import Any


def pages_dir() -> Path:
    return Path(str(resources.files("ghotona").joinpath("demo", "pages")))


def outlets_file() -> Path:
    return Path(str(resources.files("ghotona").joinpath("demo", "outlets_demo.yaml")))


def with_demo_outlets(config: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``config`` that also knows the demo pages' fictional outlets.

    They are not in the shipped outlet list: their names are ordinary
    Bengali phrases that real pages could contain.
    """
    cfg = copy.deepcopy(config)
    files = list(cfg["sources"]["outlet_files"])
    if str(outlets_file()) not in files:
        files.append(str(outlets_file()))
    cfg["sources"]["outlet_files"] = files
    return cfg
