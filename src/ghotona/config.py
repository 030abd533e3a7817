"""Configuration: the shipped defaults, overridden key by key by a user file.

Resolution order for a setting (later wins): ``defaults.toml`` in the
package, then the user file (``--config``, ``$GHOTONA_CONFIG``, or
``./ghotona.toml``), then environment variables for the store path
(``$GHOTONA_DB``), then command-line options.
"""

from __future__ import annotations

import copy
import os
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

ENV_CONFIG = "GHOTONA_CONFIG"
ENV_DB = "GHOTONA_DB"


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    text = resources.files("ghotona").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], over: dict[str, Any], where: str) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if key not in base:
            known = ", ".join(sorted(base))
            raise ConfigError(f"{where}: unknown setting '{key}' (known here: {known})")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{key}' must be a table like [{key}]")
            out[key] = _merge(base[key], value, f"{where}.{key}")
        else:
            if type(value) is not type(base[key]) and not (
                isinstance(base[key], float) and isinstance(value, int)
            ):
                raise ConfigError(
                    f"{where}: '{key}' should be {type(base[key]).__name__}, "
                    f"got {type(value).__name__} ({value!r})"
                )
            out[key] = value
    return out


def load(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Return the effective configuration as nested dicts."""
    cfg = _defaults()
    # An empty $GHOTONA_CONFIG means "none", as an unset one does.
    candidate = path or os.environ.get(ENV_CONFIG) or None
    if candidate is None and Path("ghotona.toml").is_file():
        candidate = "ghotona.toml"
    if candidate is not None:
        p = Path(candidate)
        try:
            user = tomllib.loads(p.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {p} does not exist; pass an existing file to --config") from None
        except (IsADirectoryError, PermissionError) as exc:
            raise ConfigError(f"config file {p} cannot be read ({exc.strerror}); pass a TOML file to --config") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {p} is not valid TOML: {exc}") from None
        cfg = _merge(cfg, user, str(p))
    else:
        cfg = copy.deepcopy(cfg)
    if os.environ.get(ENV_DB):
        cfg["store"]["path"] = os.environ[ENV_DB]
    return cfg
