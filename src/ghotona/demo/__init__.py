"""The bundled demo: original pages written for ghotona, and their fictional outlets."""

from __future__ import annotations

import copy
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import GhotonaError


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


def reset_demo_store(path: Path) -> None:
    """Delete a previous demo store at ``path`` so the demo starts fresh.

    Only a store that holds nothing but demo runs is deleted; any other file
    (a real ghotona store, another program's database, a document) is left
    untouched and the demo refuses to run there.
    """
    if not path.exists():
        return
    if path.is_dir():
        raise GhotonaError(f"{path} is a directory, not a demo store; pass a file path to --db")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise GhotonaError(f"cannot read {path}: {exc.strerror or exc}; pass another --db") from None
    refuse = f"{path} exists and is not a ghotona demo store; it was left untouched. Pass another --db"
    if head != b"SQLite format 3\x00":
        raise GhotonaError(refuse)
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            kinds = {row[0] for row in con.execute("SELECT DISTINCT kind FROM runs")}
        finally:
            con.close()
    except sqlite3.Error:
        raise GhotonaError(refuse) from None
    if kinds - {"demo"}:
        raise GhotonaError(refuse + " (it holds ingests other than the demo's)")
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
