"""Loading shipped language data (YAML files in ``ghotona/data``).

Language data lives in files, not code.  Each consumer validates the file it
owns on load with :func:`require` / :func:`fail`, so a broken entry is an
error naming the file and the entry, never a silent miss at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .errors import LanguageDataError


def data_path(name: str) -> str:
    return str(resources.files("ghotona").joinpath("data", name))


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parse ``ghotona/data/NAME`` once per process."""
    path = data_path(name)
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise LanguageDataError(path, "file", "missing from the package; reinstall ghotona") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        raise LanguageDataError(path, where, f"not valid YAML: {exc}") from None


def read_yaml_file(path: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> Any:
    """Parse a YAML file given by path (a user's extra data file); errors name the file and line."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)  # noqa: S506 - always a SafeLoader (sub)class
    except FileNotFoundError:
        raise LanguageDataError(path, "file", "not found") from None
    except OSError as exc:
        raise LanguageDataError(path, "file", f"cannot be read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        raise LanguageDataError(path, where, f"not valid YAML: {exc}") from None


# The C parser when PyYAML has it (ten times faster on the actor files).
BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def strict_scalars(loader: type) -> None:
    """Make ``loader`` read only true/false as booleans and leave dates as strings.

    YAML 1.1 reads ``NO`` (Norway), ``no`` (a mode) and ``on`` as booleans and
    turns dates into objects; language data wants the text as written and
    parses dates itself, so errors can name the line.
    """
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )


def reject_repeated_keys(node: yaml.MappingNode) -> None:
    """A key written twice in one mapping is an error (YAML would silently keep the last)."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    f"repeated key '{key_node.value}'", key_node.start_mark,
                )
            seen.add(key_node.value)


# The key under which LineLoader keeps each mapping's 1-based line.
LINE_KEY = "__line__"


class LineLoader(BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that records each mapping's line (under :data:`LINE_KEY`) and rejects repeated keys.

    Dates stay strings (callers parse and report them), and only true/false
    are booleans: ``country: NO`` is Norway, not False.
    """


strict_scalars(LineLoader)


def _construct_line_mapping(loader: LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    reject_repeated_keys(node)
    mapping = yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


LineLoader.construct_mapping = _construct_line_mapping  # type: ignore[assignment,method-assign]


def fail(name: str, where: str, problem: str) -> LanguageDataError:
    """Build the error for entry ``where`` of data file ``name``."""
    return LanguageDataError(data_path(name), where, problem)


def require(name: str, where: str, entry: Any, key: str, typ: type | tuple[type, ...]) -> Any:
    """Return ``entry[key]`` if present and of type ``typ``, else raise naming the entry."""
    if not isinstance(entry, dict):
        raise fail(name, where, f"expected a mapping, got {type(entry).__name__}")
    if key not in entry:
        raise fail(name, where, f"missing required key '{key}'")
    value = entry[key]
    if not isinstance(value, typ):
        want = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
        raise fail(name, where, f"'{key}' should be {want}, got {type(value).__name__}")
    return value


def check_keys(name: str, where: str, entry: dict[str, Any], allowed: set[str]) -> None:
    """Reject unknown keys: a typo in a data file must not be silently ignored."""
    unknown = set(entry) - allowed
    if unknown:
        raise fail(name, where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
