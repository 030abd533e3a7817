"""ghotona's HTTP API and web interface (``ghotona serve``; docs/api.md, docs/web.md).

``create_app(db)`` builds the FastAPI application.  Imported lazily so that
``ghotona.api.corpus`` (used by exports) does not need FastAPI loaded.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(db: str | None = None, **kwargs: Any) -> Any:
    from .app import create_app as _create

    return _create(db, **kwargs)
