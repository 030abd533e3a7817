"""Killing a crawl midway and starting it again loses and duplicates nothing.

The crawl runs as a real ``ghotona crawl`` process against the loopback
site; the site holds back every page request after the fourth, so the kill
(SIGKILL: no cleanup at all) lands while pages are in flight.  A second run
then finishes the job, and the store must equal that of one uninterrupted
crawl of the same site.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crawlsite import CrawlSite

from ghotona import config
from ghotona.crawl import Crawler, load_sources
from ghotona.demo import outlets_file, with_demo_outlets
from ghotona.store import open_store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

_SETTINGS = {"min_interval": 0.01, "allow_private": True, "timeout": 5.0, "backoff": 0.02}


def _snapshot(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        q = lambda sql: sorted(con.execute(sql).fetchall())  # noqa: E731
        return {
            "articles": q("SELECT id, url, content_hash, version FROM articles"),
            "versions": q("SELECT article_id, version FROM article_versions"),
            "events": q("SELECT article_id, COUNT(*) FROM events GROUP BY article_id"),
            "claims": q("SELECT article_id, COUNT(*) FROM claims GROUP BY article_id"),
            "mentions": q("SELECT article_id, COUNT(*) FROM actor_mentions GROUP BY article_id"),
            "frontier": q("SELECT url, kind, state, content_hash, article_id FROM crawl_frontier"),
            "raw": q("SELECT url, content_hash FROM crawl_raw"),
        }
    finally:
        con.close()


def test_kill_midway_and_restart_equals_one_uninterrupted_crawl(tmp_path):
    cfg = with_demo_outlets(config.load())
    cfg["crawl"].update(_SETTINGS)
    toml = tmp_path / "ghotona.toml"
    toml.write_text(
        f"[sources]\noutlet_files = [{json.dumps(str(outlets_file()))}]\n[crawl]\n"
        + "".join(f"{k} = {json.dumps(v)}\n" for k, v in _SETTINGS.items()), encoding="utf-8")

    with CrawlSite() as site:
        src = tmp_path / "sources.yaml"
        src.write_text(site.sources_yaml(sections=True), encoding="utf-8")
        sources = load_sources(src)

        reference = tmp_path / "reference.db"
        with open_store(str(reference)) as store:
            Crawler(sources, store, cfg).run()

        # The interrupted crawl: a separate process, killed while pages are in flight.
        site.hang_after, site._page_hits = 4, 0
        site._release.clear()
        interrupted = tmp_path / "interrupted.db"
        env = {k: v for k, v in os.environ.items() if k not in ("GHOTONA_CONFIG", "GHOTONA_DB")}
        proc = subprocess.Popen(
            [sys.executable, "-m", "ghotona.cli", "--config", str(toml), "crawl", "--once", "--quiet",
             "--sources", str(src), "--db", str(interrupted)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        )
        try:
            deadline = time.monotonic() + 60
            while site._page_hits <= site.hang_after:  # the fifth page request is being held
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "the crawl never reached the fifth page"
                time.sleep(0.02)
            time.sleep(0.3)  # let the pages already answered reach the store (or not: either is fine)
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
        site.hang_after = None
        site.release()

        partial = _snapshot(interrupted)
        done = [row for row in partial["frontier"] if row[1] == "page" and row[2] == "done"]
        assert len(partial["articles"]) < 10 and len(done) < 10
        # the frontier was committed as it was discovered, before any page was fetched
        assert len([row for row in partial["frontier"] if row[1] == "page"]) >= 10

        with open_store(str(interrupted)) as store:
            resumed = Crawler(sources, store, cfg).run()
            runs = store.runs(5)
        assert resumed.new == 10 - len(partial["articles"])
        assert [r["finished"] is not None for r in runs] == [True, False]  # the killed run shows as unfinished

    assert _snapshot(interrupted) == _snapshot(reference)
