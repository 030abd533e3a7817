"""Where articles, their mentions, events and claims, and the run log are kept.

``open_store(target)`` picks a backend from the target's URL scheme: a plain
path, ``sqlite:///path`` or ``None`` (the configured default) opens SQLite.
New backends register a scheme with ``register_backend``; PostgreSQL is the
one expected next, which is why its URLs get a clear answer today.

    with open_store("ghotona.db") as store:
        store.upsert_article(article)
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import StoreError
from .base import (
    MIN_PREFIX,
    ORDERS,
    PERIODS,
    SNIPPET_END,
    SNIPPET_START,
    ActorArticle,
    DuplicateRecord,
    SearchHit,
    Store,
    StoredFingerprint,
    UpsertResult,
)
from .sqlite import SQLiteStore

__all__ = [
    "Store",
    "SearchHit",
    "ActorArticle",
    "DuplicateRecord",
    "StoredFingerprint",
    "SQLiteStore",
    "UpsertResult",
    "ORDERS",
    "PERIODS",
    "MIN_PREFIX",
    "SNIPPET_START",
    "SNIPPET_END",
    "open_store",
    "register_backend",
]

BackendFactory = Callable[[str], Store]

# scheme -> factory taking the whole URL.
_BACKENDS: dict[str, BackendFactory] = {}


def register_backend(scheme: str, factory: BackendFactory) -> None:
    """Make ``open_store("scheme://...")`` call ``factory(url)``."""
    _BACKENDS[scheme.lower()] = factory


def _sqlite_from_url(url: str) -> Store:
    # SQLAlchemy's convention, which users of database URLs already know:
    # sqlite:///relative.db, sqlite:////absolute/path.db, sqlite:// = memory.
    rest = url.split("://", 1)[1]
    if rest in ("", "/", "/:memory:"):
        return SQLiteStore(":memory:")
    if not rest.startswith("/"):
        raise StoreError(
            f"cannot read the SQLite URL {url!r}: write sqlite:///relative/path.db "
            "or sqlite:////absolute/path.db, or just give the path"
        )
    return SQLiteStore(rest[1:])


def _postgres_unsupported(url: str) -> Store:
    raise StoreError(
        "PostgreSQL support is not in this version of ghotona; "
        "use a SQLite path instead, e.g. --db ghotona.db"
    )


register_backend("sqlite", _sqlite_from_url)
register_backend("postgresql", _postgres_unsupported)
register_backend("postgres", _postgres_unsupported)


def open_store(target: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``target``.

    ``None`` uses the configured path (``[store] path`` in the config, or
    ``$GHOTONA_DB``).  A plain path or ``:memory:`` opens SQLite, creating
    parent folders.  Raises ``StoreError`` with what to do instead when the
    target cannot be used.
    """
    if target is None:
        from .. import config  # late: config reads files, only needed here

        target = str(config.load()["store"]["path"])
    target = str(target)
    if "://" in target:
        scheme = target.split("://", 1)[0].lower()
        factory = _BACKENDS.get(scheme)
        if factory is None:
            known = ", ".join(f"{s}://" for s in sorted(_BACKENDS))
            raise StoreError(
                f"unknown store URL scheme '{scheme}://' in {target!r}; "
                f"use a file path or one of: {known}"
            )
        return factory(target)
    return SQLiteStore(target)
