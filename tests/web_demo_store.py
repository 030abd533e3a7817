"""A store of the bundled demo pages plus the script-injection page, built once per test process.

Used by the API, export and browser tests (the ``ghotona demo`` code path:
the demo pages with their fictional outlets).  Tests that write get a copy.
"""

from __future__ import annotations

import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "web"
INJECTION_PAGE = FIXTURES / "injection.json"


@lru_cache(maxsize=1)
def demo_store_path() -> Path:
    from ghotona import config
    from ghotona.demo import pages_dir, with_demo_outlets
    from ghotona.ingest import ingest
    from ghotona.pipeline import Extractor
    from ghotona.store import open_store

    path = Path(tempfile.mkdtemp(prefix="ghotona-web-")) / "demo.db"
    extractor = Extractor(with_demo_outlets(config.load()))
    with open_store(str(path)) as store:
        summary = ingest([str(pages_dir()), str(INJECTION_PAGE)], store, extractor, run_kind="demo")
    assert not summary.rejected, summary.rejected
    return path


def copy_of_demo_store(dest: Path) -> Path:
    """A private copy of the demo store (for tests that write)."""
    src = demo_store_path()
    target = dest / "demo.db"
    shutil.copy(src, target)
    return target
