"""What the corpus benchmarks share: the real corpus they vary, and a memory reading.

Imported by the scripts next to it (run as ``python benchmarks/X.py``, their
folder is first on ``sys.path``).
"""

from __future__ import annotations

import os
from pathlib import Path


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def news_source() -> Path:
    """The real news corpus in ../shared that scripts/make_variants.py varies."""
    from ghotona.evaluate.extraction import shared_dir

    return shared_dir() / "data" / "news" / "bdnews_2025-12-30.json"
