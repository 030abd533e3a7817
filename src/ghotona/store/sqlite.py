"""The SQLite store: one file (or ``:memory:``), stdlib ``sqlite3`` only.

WAL mode so that a reader (``ghotona articles``) is not blocked by an ingest
running at the same time; foreign keys on so history and rejections cannot
outlive their parents.  The connection runs in autocommit mode
(``isolation_level=None``) and ``transaction()`` issues BEGIN/SAVEPOINT
itself: Python's implicit transactions would commit at surprising moments
(before DDL, in ``executescript``) and break the all-or-nothing promise.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from hashlib import sha1
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import NotFound, StoreError
from ..events.model import FALLBACK_DATE_HOWS, Event
from ..records import ActorMention, Article, Claim, FetchRecord, FrontierEntry, RawResponse, Rejection
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
    StoryArticle,
    StoryRow,
    ThreadRow,
    UpsertResult,
    check_events,
    date_bound,
    date_range,
)
from .serialize import article_from_dict, article_to_dict, decode_datetime

__all__ = ["SQLiteStore", "fts5_query", "TOKENCHARS", "SQLITE_HEADER"]

#: The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"

#: Characters the FTS tokenizer keeps inside words besides letters and digits
#: (must match ``tokenchars`` in migrations/0001_init.sql).
TOKENCHARS = frozenset(
    chr(c)
    for c in (
        *range(0x0981, 0x0984),
        0x09BC,
        *range(0x09BE, 0x09C5),
        0x09C7,
        0x09C8,
        0x09CB,
        0x09CC,
        0x09CD,
        0x09D7,
        0x09E2,
        0x09E3,
        0x200C,
        0x200D,
    )
)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[A-Za-z0-9_-]+\.sql$")

#: From this many events of one actor on, ``events(actor_id=...)`` walks the
#: events in date order instead of collecting and sorting the actor's own.
_ACTOR_WALK_MIN = 2000
#: The same for an actor's articles (``articles_with_actor``), counted in articles.
_ACTOR_ARTICLES_WALK_MIN = 200

# order name -> ORDER BY clause.  Undated articles go last either way: a list
# sorted by date is useless if it opens with a page of unknown dates.
_ORDER_SQL = {
    "published": "published_utc IS NULL, published_utc DESC, first_seen DESC, id",
    "oldest": "published_utc IS NULL, published_utc ASC, first_seen ASC, id",
    "seen": "last_seen DESC, id",
    "title": "title IS NULL, title COLLATE NOCASE, id",
}
assert set(_ORDER_SQL) == set(ORDERS)

# Title matches count for more than body matches when ranking.
_BM25 = "bm25(articles_fts, 4.0, 1.0)"
_SNIPPET_TOKENS = 16


def _now() -> str:
    """Current UTC time as fixed-width ISO text (sorts correctly as text)."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _utc_key(value: datetime | None) -> str | None:
    """A sortable text key: the instant in UTC, naive, microsecond width.

    Offsets differ between pages (+06:00, Z, +05:30), so the ISO strings as
    written do not sort by time; this key does.  A naive datetime is taken
    as it is, having no zone to convert from.
    """
    if value is None:
        return None
    if value.tzinfo is not None and value.utcoffset() is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds")


def _effective_hash(article: Article) -> str:
    """``content_hash``, or a stand-in when an upstream stage left it empty.

    Without this, two different bodies with an empty hash would compare as
    "unchanged" and the second would be silently dropped.
    """
    if article.content_hash:
        return article.content_hash
    text = f"{article.title or ''}\x00{article.body}"
    return "sha1:" + sha1(text.encode("utf-8")).hexdigest()


def _is_token_char(ch: str) -> bool:
    return ch.isalnum() or ch in TOKENCHARS


def _phrase(text: str) -> str | None:
    """``text`` as an FTS5 string literal, or None if it holds no word at all."""
    if not any(_is_token_char(ch) for ch in text):
        return None  # pure punctuation: it would match nothing anyway
    return '"' + text.replace('"', '""') + '"'


# A double-quoted run ("..."), or a run of non-space characters.
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')


def fts5_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 MATCH expression.

    Every part becomes a quoted FTS5 string, so ``OR``, ``NEAR``, ``-``,
    ``(``, ``:`` and the like are plain text, never syntax: no query can
    raise.  A bare word is a prefix query (``"পুতিন"*`` finds পুতিনের,
    Bengali case and postposition endings being suffixes); a trailing ``*``
    says the same explicitly; a ``"quoted phrase"`` must match exactly.  The
    parts are ANDed.  Returns None when nothing searchable is left.

    The text is NFC-normalised first: the index holds NFC text, and a query
    typed with decomposed vowel signs (e.g. ে + া instead of ো) would
    otherwise find nothing.
    """
    text = unicodedata.normalize("NFC", text)
    # Typographic quotes (from phones, word processors) mean the same as ".
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    parts: list[str] = []
    for m in _QUERY_PART.finditer(text):
        if m.group(1) is not None:
            phrase = _phrase(m.group(1))
            if phrase:
                parts.append(phrase)
            continue
        word = m.group(2).replace('"', "")  # a stray, unbalanced quote
        word = word.rstrip("*")
        phrase = _phrase(word)
        if phrase:
            parts.append(phrase + "*")
    return " ".join(parts) if parts else None


def _index_text(value: str | None) -> str:
    return unicodedata.normalize("NFC", value or "")


def _resolve_path(path: str) -> str:
    """Check ``path`` can hold a ghotona store without harming anything there."""
    if path == ":memory:":
        return path
    p = Path(path).expanduser()
    if p.is_dir():
        raise StoreError(f"{p} is a directory, not a database file; pass a file path to --db")
    if p.exists():
        try:
            with p.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(f"cannot read the store {p}: {exc.strerror or exc}") from None
        # An empty file is what sqlite3 itself creates first; anything else
        # must carry the SQLite header.  Checked before connecting so that
        # nothing is ever written into someone else's file.
        if head and head != SQLITE_HEADER:
            raise StoreError(
                f"{p} exists but is not a SQLite database; it was left untouched. "
                "Pass another --db path (or set GHOTONA_DB)."
            )
    else:
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder {p.parent} for the store: {exc.strerror or exc}; "
                "pass another --db path"
            ) from None
    return str(p)


def _date_overlap(alias: str, since: date | str | None, until: date | str | None,
                  clauses: list[str], params: list[Any]) -> tuple[str | None, str | None]:
    """Keep rows of ``alias`` (events, happenings) whose date_start..date_end meets since..until.

    Appends to ``clauses``/``params``; returns the two bounds as ISO days (or None).
    """
    lo = date_bound(since, "since", end=False)
    hi = date_bound(until, "until", end=True)
    if lo is not None:
        clauses.append(f"{alias}.date_end >= ?")
        params.append(lo)
    if hi is not None:
        clauses.append(f"{alias}.date_start <= ?")
        params.append(hi)
    return lo, hi


def _migrations() -> list[tuple[int, str, str]]:
    """The shipped migrations as (version, file name, SQL), in order."""
    found: list[tuple[int, str, str]] = []
    folder = resources.files("ghotona.store").joinpath("migrations")
    for entry in folder.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a number in {folder}: {versions}")
    return found


def _statements(sql: str) -> Iterator[str]:
    """Split a migration script into statements.

    ``executescript`` would be simpler but commits any open transaction
    first, so a failing migration could leave half a schema behind.  Pieces
    between semicolons are joined until SQLite itself calls the statement
    complete, which copes with ';' inside strings and trigger bodies.
    """
    buf = ""
    for piece in sql.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            stmt = buf.strip()
            buf = ""
            # Drop chunks that are only comments.
            body = "\n".join(
                line for line in stmt.splitlines() if not line.strip().startswith("--")
            ).strip()
            if body and body != ";":
                yield stmt
    # Whatever is left after the last ';' can only be comments/whitespace,
    # plus the ';' we added: anything more is a truncated statement.
    rest = "\n".join(
        line for line in buf[:-1].splitlines() if not line.strip().startswith("--")
    ).strip()
    if rest:
        raise StoreError(f"migration ends with an incomplete statement: {rest[:80]!r}")


class SQLiteStore(Store):
    """``Store`` on a SQLite file.  Use ``open_store`` rather than this directly."""

    def __init__(self, path: str = ":memory:", *, busy_timeout_ms: int = 10_000) -> None:
        self.location = path
        self.path = _resolve_path(path)
        self._depth = 0  # transaction nesting level
        self._conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout_ms / 1000)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}; pass another --db path") from None
        self._conn = conn
        try:
            self._check_is_ghotona_store()
            conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL is durable across application crashes in WAL mode and
                # much faster for many small ingests than FULL.
                conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            self._conn = None
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise StoreError(
                    f"{path} is not a usable SQLite database ({exc}); it was left untouched. "
                    "Pass another --db path."
                ) from None
            raise StoreError(f"cannot open the store {path}: {exc}") from None
        except BaseException:
            conn.close()
            self._conn = None
            raise

    # -- plumbing ---------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.location} is closed")
        return self._conn

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Report SQLite failures (locked, disk full, ...) as ``StoreError``."""
        try:
            yield
        except sqlite3.Error as exc:
            hint = ""
            if "locked" in str(exc) or "busy" in str(exc):
                hint = "; another ghotona process is writing to it, try again when it ends"
            raise StoreError(f"{action} in {self.location} failed: {exc}{hint}") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        conn = self.conn
        if self._depth == 0:
            # IMMEDIATE takes the write lock now, so two writers wait for each
            # other at BEGIN instead of one failing half-way through.
            begin, commit, undo = "BEGIN IMMEDIATE", "COMMIT", ("ROLLBACK",)
        else:
            name = f"sp{self._depth}"
            begin, commit = f"SAVEPOINT {name}", f"RELEASE {name}"
            # ROLLBACK TO leaves the savepoint open; RELEASE closes it.
            undo = (f"ROLLBACK TO {name}", f"RELEASE {name}")
        with self._errors("starting a transaction"):
            conn.execute(begin)
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            for stmt in undo:
                try:
                    conn.execute(stmt)
                except sqlite3.Error:
                    # SQLite may have rolled back already (e.g. disk full);
                    # the original error is the one worth reporting.
                    break
            raise
        else:
            self._depth -= 1
            with self._errors("committing"):
                conn.execute(commit)

    def close(self) -> None:
        if self._conn is None:
            return
        try:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        finally:
            self._conn.close()
            self._conn = None

    # -- schema -----------------------------------------------------------

    def _check_is_ghotona_store(self) -> None:
        """Refuse a SQLite file that belongs to something else."""
        names = {
            r[0]
            for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        if names and "schema_migrations" not in names:
            shown = ", ".join(sorted(names)[:5])
            raise StoreError(
                f"{self.location} is a SQLite database but not a ghotona store "
                f"(it has tables {shown}); it was left untouched. Pass another --db path."
            )

    def schema_version(self) -> int:
        """The highest migration applied to this store (0 for a blank file)."""
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        conn = self.conn
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        migrations = _migrations()
        known = migrations[-1][0] if migrations else 0
        current = self.schema_version()
        if current > known:
            raise StoreError(
                f"{self.location} was written by a newer version of ghotona "
                f"(schema {current}; this version knows up to {known}). "
                "Upgrade ghotona, or pass another --db path."
            )
        # By membership, not by the highest number: a store written between
        # two merges of parallel work may hold 8 without 5, and must still get 5.
        applied = {int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations")}
        for version, name, sql in migrations:
            if version in applied:
                continue
            try:
                with self.transaction():
                    # Re-check under the write lock: another process opening
                    # the same new file may have just applied this one.
                    if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                        continue
                    for stmt in _statements(sql):
                        conn.execute(stmt)
                    conn.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        (version, name, _now()),
                    )
            except sqlite3.Error as exc:
                raise StoreError(
                    f"upgrading {self.location} with migration {name} failed: {exc}; "
                    "the store was left as it was"
                ) from None

    # -- articles: writing ------------------------------------------------

    def _index(self, doc: int, article: Article) -> None:
        """Add the article's search-index row (``rowid = doc``)."""
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (doc, _index_text(article.title), _index_text(article.body)),
        )

    def _unindex(self, doc: int) -> None:
        self.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (doc,))

    @staticmethod
    def _columns(article: Article, content_hash: str) -> dict[str, Any]:
        return {
            "id": article.id,
            "url": article.url,
            "outlet": article.outlet,
            "outlet_id": article.outlet_id,
            "title": article.title,
            "published": _iso(article.published),
            "published_utc": _utc_key(article.published),
            "updated": _iso(article.updated),
            "page_date": _iso(article.page_date),
            "language": article.language,
            "republished": int(bool(article.republished)),
            "content_hash": content_hash,
            "source": article.source,
            "data": json.dumps(article_to_dict(article), ensure_ascii=False, separators=(",", ":")),
        }

    def upsert_article(self, article: Article) -> UpsertResult:
        if not article.id:
            raise StoreError(f"article from {article.source} has no id; it cannot be stored")
        content_hash = _effective_hash(article)
        now = _now()
        conn = self.conn
        with self._errors(f"storing article {article.id}"), self.transaction():
            row = conn.execute(
                "SELECT doc, content_hash, version, version_seen, title, data"
                " FROM articles WHERE id = ?",
                (article.id,),
            ).fetchone()
            if row is not None and row[1] == content_hash:
                conn.execute("UPDATE articles SET last_seen = ? WHERE id = ?", (now, article.id))
                self._write_mentions(article.id, article.actor_mentions)
                return "unchanged"
            cols = self._columns(article, content_hash)
            if row is None:
                doc = conn.execute("SELECT COALESCE(MAX(doc), 0) + 1 FROM articles").fetchone()[0]
                cols.update(doc=doc, version=1, first_seen=now, last_seen=now, version_seen=now)
                names = ", ".join(cols)
                marks = ", ".join(f":{k}" for k in cols)
                conn.execute(f"INSERT INTO articles ({names}) VALUES ({marks})", cols)
                self._index(doc, article)
                self._write_mentions(article.id, article.actor_mentions)
                return "new"
            doc, old_hash, version, version_seen, old_title, old_data = row
            conn.execute(
                "INSERT INTO article_versions"
                " (article_id, version, content_hash, title, data, stored_at, replaced_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article.id, version, old_hash, old_title, old_data, version_seen, now),
            )
            cols.update(version=version + 1, last_seen=now, version_seen=now)
            assigns = ", ".join(f"{k} = :{k}" for k in cols if k != "id")
            conn.execute(f"UPDATE articles SET {assigns} WHERE id = :id", cols)
            self._unindex(doc)
            self._index(doc, article)
            self._write_mentions(article.id, article.actor_mentions)
            return "updated"

    # -- articles: reading ------------------------------------------------

    def _resolve_id(self, id: str) -> str:
        """The full id for ``id`` or a unique prefix of it; else ``NotFound``."""
        wanted = id.strip()
        hint = "run `ghotona articles` to list ids"
        conn = self.conn
        with self._errors("looking up an article"):
            for candidate in dict.fromkeys((wanted, wanted.lower())):
                if conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
                    return candidate
            if len(wanted) < MIN_PREFIX:
                raise NotFound(
                    f"no article with id '{wanted}' in {self.location}; an id prefix needs at "
                    f"least {MIN_PREFIX} characters; {hint}"
                )
            for candidate in dict.fromkeys((wanted, wanted.lower())):
                # GLOB is case-sensitive and so can use the primary-key index
                # for a prefix; its wildcards in the prefix are escaped.
                pattern = re.sub(r"([*?\[])", r"[\1]", candidate) + "*"
                rows = conn.execute(
                    "SELECT id FROM articles WHERE id GLOB ? ORDER BY id LIMIT 6", (pattern,)
                ).fetchall()
                if len(rows) == 1:
                    return rows[0][0]
                if len(rows) > 1:
                    shown = ", ".join(r[0][: len(wanted) + 4] + "…" for r in rows[:5])
                    raise NotFound(
                        f"id prefix '{wanted}' matches more than one article ({shown}); "
                        f"give more characters; {hint}"
                    )
        raise NotFound(f"no article with id '{wanted}' in {self.location}; {hint}")

    @staticmethod
    def _load(data: str) -> Article:
        try:
            return article_from_dict(json.loads(data))
        except (ValueError, TypeError, KeyError) as exc:
            raise StoreError(f"a stored article could not be read back: {exc}") from exc

    def get_article(self, id: str) -> Article:
        full = self._resolve_id(id)
        with self._errors("reading an article"):
            row = self.conn.execute("SELECT data FROM articles WHERE id = ?", (full,)).fetchone()
        return self._load(row[0])

    def get_version(self, id: str, version: int) -> Article:
        full = self._resolve_id(id)
        with self._errors("reading an article version"):
            row = self.conn.execute(
                "SELECT data FROM article_versions WHERE article_id = ? AND version = ?"
                " UNION ALL SELECT data FROM articles WHERE id = ? AND version = ?",
                (full, version, full, version),
            ).fetchone()
        if row is None:
            raise NotFound(
                f"article {full} has no version {version}; `ghotona history {full[:12]}` lists them"
            )
        return self._load(row[0])

    def history(self, id: str) -> list[dict[str, Any]]:
        full = self._resolve_id(id)
        with self._errors("reading article history"):
            rows = self.conn.execute(
                "SELECT version, content_hash, title, stored_at, replaced_at, 0"
                " FROM article_versions WHERE article_id = ?"
                " UNION ALL"
                " SELECT version, content_hash, title, version_seen, NULL, 1"
                " FROM articles WHERE id = ?"
                " ORDER BY 1",
                (full, full),
            ).fetchall()
        keys = ("version", "content_hash", "title", "stored_at", "replaced_at", "current")
        return [dict(zip(keys, (*r[:5], bool(r[5])))) for r in rows]

    @staticmethod
    def _filters(outlet: str | None, language: str | None, prefix: str = "") -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if outlet is not None:
            clauses.append(f"({prefix}outlet = ? OR {prefix}outlet_id = ?)")
            params += [outlet, outlet]
        if language is not None:
            clauses.append(f"{prefix}language = ?")
            params.append(language)
        return (" AND ".join(clauses), params)

    def list_articles(
        self,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        language: str | None = None,
        order: str = "published",
    ) -> list[Article]:
        if order not in _ORDER_SQL:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
        where, params = self._filters(outlet, language)
        sql = "SELECT data FROM articles"
        if where:
            sql += " WHERE " + where
        sql += f" ORDER BY {_ORDER_SQL[order]} LIMIT ? OFFSET ?"
        with self._errors("listing articles"):
            rows = self.conn.execute(sql, (*params, limit, offset)).fetchall()
        return [self._load(r[0]) for r in rows]

    def article_summaries(
        self,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        language: str | None = None,
        order: str = "published",
    ) -> list[dict[str, Any]]:
        """``list_articles`` as the API's summary records, from columns: no article is decoded.

        Rebuilding 25 whole articles to show their titles took 15 ms of an
        article-list request; this takes under 1 ms.  Dates are the ISO text
        the columns hold (``Article.published.isoformat()`` and so on).
        """
        if order not in _ORDER_SQL:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
        where, params = self._filters(outlet, language)
        sql = ("SELECT id, title, outlet, outlet_id, url, published, updated, page_date, language,"
               " json_extract(data, '$.desk'), json_extract(data, '$.byline'),"
               " json_extract(data, '$.wire_sources'), republished FROM articles")
        if where:
            sql += " WHERE " + where
        sql += f" ORDER BY {_ORDER_SQL[order]} LIMIT ? OFFSET ?"
        keys = ("id", "title", "outlet", "outlet_id", "url", "published", "updated", "page_date", "language",
                "desk", "byline")
        with self._errors("listing articles"):
            rows = self.conn.execute(sql, (*params, limit, offset)).fetchall()
        return [{**dict(zip(keys, r)), "wire_sources": json.loads(r[11]) if r[11] else [],
                 "republished": bool(r[12])} for r in rows]

    def count_articles(self, outlet: str | None = None, language: str | None = None) -> int:
        where, params = self._filters(outlet, language)
        sql = "SELECT COUNT(*) FROM articles" + (f" WHERE {where}" if where else "")
        with self._errors("counting articles"):
            return int(self.conn.execute(sql, params).fetchone()[0])

    # -- search -----------------------------------------------------------

    def _search_sql(
        self, select: str, query: str, outlet: str | None, language: str | None
    ) -> tuple[str, list[Any]] | None:
        match = fts5_query(query)
        if match is None:
            return None
        where, params = self._filters(outlet, language, prefix="a.")
        sql = (
            f"SELECT {select} FROM articles_fts JOIN articles a ON a.doc = articles_fts.rowid"
            " WHERE articles_fts MATCH ?"
        )
        if where:
            sql += " AND " + where
        return sql, [match, *params]

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        *,
        outlet: str | None = None,
        language: str | None = None,
    ) -> list[SearchHit]:
        select = (
            "a.id, a.title, a.outlet, a.published,"
            f" snippet(articles_fts, -1, '{SNIPPET_START}', '{SNIPPET_END}', '…', {_SNIPPET_TOKENS}),"
            f" {_BM25}"
        )
        built = self._search_sql(select, query, outlet, language)
        if built is None:
            return []
        sql, params = built
        sql += f" ORDER BY {_BM25}, a.published_utc DESC LIMIT ? OFFSET ?"
        with self._errors("searching"):
            rows = self.conn.execute(sql, (*params, limit, offset)).fetchall()
        return [
            SearchHit(
                id=r[0],
                title=r[1],
                outlet=r[2],
                published=decode_datetime(r[3]) if r[3] else None,
                snippet=r[4],
                rank=-float(r[5]),
            )
            for r in rows
        ]

    def count_search(
        self, query: str, *, outlet: str | None = None, language: str | None = None
    ) -> int:
        built = self._search_sql("COUNT(*)", query, outlet, language)
        if built is None:
            return 0
        sql, params = built
        with self._errors("searching"):
            return int(self.conn.execute(sql, params).fetchone()[0])

    # -- actor mentions ---------------------------------------------------

    _MENTION_COLUMNS = "start, end, text, type, actor_id, name_en, name_bn, how, score, role, note"

    def _write_mentions(self, article_id: str, mentions: list[ActorMention]) -> None:
        """Replace the article's mention rows (inside the caller's transaction)."""
        conn = self.conn
        conn.execute("DELETE FROM actor_mentions WHERE article_id = ?", (article_id,))
        conn.executemany(
            f"INSERT INTO actor_mentions (article_id, seq, {self._MENTION_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, seq, m.start, m.end, m.text, m.type, m.actor_id, m.name_en, m.name_bn,
                 m.how, float(m.score), m.role, m.note)
                for seq, m in enumerate(mentions)
            ],
        )

    def replace_mentions(self, article_id: str, mentions: list[ActorMention]) -> None:
        with self._errors(f"storing the actor mentions of {article_id}"), self.transaction():
            if not self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                raise NotFound(
                    f"no article with id '{article_id}' in {self.location}; store the article first "
                    "(upsert_article stores its mentions too)"
                )
            self._write_mentions(article_id, mentions)

    def mentions(self, article_id: str) -> list[ActorMention]:
        full = self._resolve_id(article_id)
        with self._errors("reading actor mentions"):
            rows = self.conn.execute(
                f"SELECT {self._MENTION_COLUMNS} FROM actor_mentions"
                " WHERE article_id = ? ORDER BY start, seq",
                (full,),
            ).fetchall()
        return [ActorMention(*r) for r in rows]

    def articles_with_actor(self, actor_id: str, limit: int = 50, offset: int = 0) -> list[ActorArticle]:
        if self.count_articles_with_actor(actor_id) >= _ACTOR_ARTICLES_WALK_MIN:
            # A much-named actor: walk the articles newest first and stop after
            # one page (Q30 in 12k of 17k articles: 68 ms -> 0.7 ms), rather
            # than collect and sort every article naming them.
            sql = ("SELECT a.id, a.title, a.outlet, a.published,"
                   " (SELECT COUNT(*) FROM actor_mentions m WHERE m.actor_id = ?1 AND m.article_id = a.id),"
                   " (SELECT MIN(start) FROM actor_mentions m WHERE m.actor_id = ?1 AND m.article_id = a.id)"
                   " FROM articles a WHERE EXISTS"
                   " (SELECT 1 FROM actor_mentions m WHERE m.actor_id = ?1 AND m.article_id = a.id)"
                   f" ORDER BY {_ORDER_SQL['published']} LIMIT ?2 OFFSET ?3")
            with self._errors("looking up an actor's articles"):
                rows = self.conn.execute(sql, (actor_id, limit, offset)).fetchall()
            return [
                ActorArticle(id=r[0], title=r[1], outlet=r[2], published=decode_datetime(r[3]) if r[3] else None,
                             mentions=int(r[4]), first=int(r[5]))
                for r in rows
            ]
        with self._errors("looking up an actor's articles"):
            rows = self.conn.execute(
                "SELECT a.id, a.title, a.outlet, a.published, m.n, m.first"
                " FROM (SELECT article_id, COUNT(*) AS n, MIN(start) AS first FROM actor_mentions"
                "       WHERE actor_id = ? GROUP BY article_id) AS m"
                " JOIN articles a ON a.id = m.article_id"
                f" ORDER BY {_ORDER_SQL['published']} LIMIT ? OFFSET ?",
                (actor_id, limit, offset),
            ).fetchall()
        return [
            ActorArticle(
                id=r[0], title=r[1], outlet=r[2],
                published=decode_datetime(r[3]) if r[3] else None,
                mentions=int(r[4]), first=int(r[5]),
            )
            for r in rows
        ]

    def count_articles_with_actor(self, actor_id: str) -> int:
        with self._errors("counting an actor's articles"):
            row = self.conn.execute(
                "SELECT COUNT(DISTINCT article_id) FROM actor_mentions WHERE actor_id = ?", (actor_id,)
            ).fetchone()
        return int(row[0])

    # -- events and claims ------------------------------------------------

    def _require_article(self, article_id: str, what: str) -> None:
        if not self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
            raise NotFound(
                f"no article with id '{article_id}' in {self.location}; store the article "
                f"before its {what} (upsert_article)"
            )

    def replace_events(self, article_id: str, events: list[Event]) -> None:
        check_events(article_id, events)
        conn = self.conn
        with self._errors(f"storing the events of {article_id}"), self.transaction():
            self._require_article(article_id, "events")
            # Participants go with their events (ON DELETE CASCADE).
            conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
            rows, people = [], []
            for seq, e in enumerate(events):
                data = e.to_json()
                first, last = date_range(e.date) or (None, None)
                rows.append((
                    e.id, article_id, seq, e.type, e.mode, e.status, e.date, e.date_granularity,
                    first, last, e.date_how, float(e.confidence), e.cameo, e.outlet_id,
                    json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                ))
                roles = [("actor", e.actors), ("recipient", e.recipients),
                         ("location", [e.location] if e.location else [])]
                for role, parts in roles:
                    people += [(e.id, role, i, p.actor_id, p.name_en) for i, p in enumerate(parts)]
            conn.executemany(
                "INSERT INTO events (id, article_id, seq, type, mode, status, date, date_granularity,"
                " date_start, date_end, date_how, confidence, cameo, outlet_id, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "INSERT INTO event_participants (event_id, role, seq, actor_id, name_en) VALUES (?, ?, ?, ?, ?)",
                people,
            )

    def restate_event(self, data: dict[str, Any]) -> None:
        first, last = date_range(data.get("date")) or (None, None)
        with self._errors(f"restating event {data.get('id')}"), self.transaction():
            cur = self.conn.execute(
                "UPDATE events SET status = ?, date = ?, date_granularity = ?, date_start = ?, date_end = ?,"
                " date_how = ?, data = ? WHERE id = ? AND article_id = ?",
                (data["status"], data.get("date"), data.get("date_granularity"), first, last, data.get("date_how"),
                 json.dumps(data, ensure_ascii=False, separators=(",", ":")), data["id"], data["article_id"]),
            )
        if cur.rowcount == 0:
            raise NotFound(f"no event with id '{data['id']}' of article '{data['article_id']}' in {self.location}")

    def replace_claims(self, article_id: str, claims: list[Claim]) -> None:
        conn = self.conn
        with self._errors(f"storing the claims of {article_id}"), self.transaction():
            self._require_article(article_id, "claims")
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT INTO claims (article_id, seq, start, end, text, value, value_max, bound, unit,"
                " currency, counted, claimant_id, claimant, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (article_id, seq, c.start, c.end, c.text, float(c.value),
                     None if c.value_max is None else float(c.value_max), c.bound, c.unit, c.currency,
                     c.counted, c.claimant_id, c.claimant,
                     json.dumps(c.to_json(), ensure_ascii=False, separators=(",", ":")))
                    for seq, c in enumerate(claims)
                ],
            )

    @staticmethod
    def _event_filters(
        article_id: str | None, type: str | None, actor_id: str | None, status: str | None,
        since: date | str | None, until: date | str | None,
        mode: str | None = None, outlet: str | None = None, actor_by_index: bool = True,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("article_id", article_id), ("type", type), ("status", status), ("mode", mode)):
            if value is not None:
                clauses.append(f"e.{column} = ?")
                params.append(value)
        if outlet is not None:
            # The outlet id is on the event row; a name goes through the article.
            clauses.append("(e.outlet_id = ? OR EXISTS (SELECT 1 FROM articles o"
                           " WHERE o.id = e.article_id AND o.outlet = ?))")
            params.extend((outlet, outlet))
        if actor_id is not None:
            # IN reads only the actor's events (through the participant index);
            # EXISTS lets a page of a busy actor's events walk the events in
            # date order and stop after one page (see ``events``).
            clauses.append(
                "e.id IN (SELECT event_id FROM event_participants WHERE actor_id = ?)" if actor_by_index else
                "EXISTS (SELECT 1 FROM event_participants p WHERE p.actor_id = ? AND p.event_id = e.id)"
            )
            params.append(actor_id)
        lo, hi = _date_overlap("e", since, until, clauses, params)
        if lo is not None:
            # Redundant, but it bounds an index range: no event spans more than
            # a year (the widest granularity), so none that starts over 366 days
            # before ``since`` can reach it.
            clauses.append("e.date_start >= ?")
            params.append((date.fromisoformat(lo) - timedelta(days=366)).isoformat())
        if lo is not None or hi is not None:
            # Implied by the bounds, but written as the list indexes' first
            # column (migration 0008) so SQLite can range-scan them: a month
            # of 100k events went from 43 ms to 6 ms a request (benchmarks/README.md).
            clauses.append("(e.date_start IS NULL) = 0")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def events(
        self,
        *,
        article_id: str | None = None,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        limit: int = 50,
        offset: int = 0,
        mode: str | None = None,
        outlet: str | None = None,
    ) -> list[dict[str, Any]]:
        by_index = True
        if actor_id is not None and article_id is None:
            # An actor with many events: walking all events in date order finds a
            # page sooner than sorting every one of theirs (measured in
            # benchmarks/api_bench.py: 0.5 ms against 60 ms at 11k of 100k events).
            by_index = self.count_events(actor_id=actor_id) < _ACTOR_WALK_MIN
        where, params = self._event_filters(article_id, type, actor_id, status, since, until, mode, outlet, by_index)
        sql = (
            "SELECT e.data FROM events e JOIN articles a ON a.id = e.article_id" + where +
            # Latest first day first; of two starting the same day, the narrower.
            " ORDER BY e.date_start IS NULL, e.date_start DESC, e.date_end,"
            " a.published_utc IS NULL, a.published_utc DESC,"
            " e.article_id, e.seq LIMIT ? OFFSET ?"
        )
        with self._errors("listing events"):
            rows = self.conn.execute(sql, (*params, limit, offset)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def co_participants(self, actor_id: str, limit: int, n_events: int | None = None) -> list[tuple[str, str, str, int, str]]:
        """Pairs of participants sharing the actor's latest ``limit`` events, counted in SQL.

        Rows are (id_a, id_b, PLOVER type, shared events, one such event's id)
        with id_a < id_b: the actor network of the API without decoding
        ``limit`` event records in Python (50-80 ms -> 20-30 ms on 100k events).
        ``n_events``: the actor's event count, if the caller has it already.
        """
        if n_events is None:
            n_events = self.count_events(actor_id=actor_id)
        by_index = n_events < _ACTOR_WALK_MIN  # as in ``events``
        where, params = self._event_filters(None, None, actor_id, None, None, None, actor_by_index=by_index)
        sql = (
            "WITH ev AS (SELECT e.id, e.type FROM events e JOIN articles a ON a.id = e.article_id" + where +
            " ORDER BY e.date_start IS NULL, e.date_start DESC, e.date_end,"
            " a.published_utc IS NULL, a.published_utc DESC, e.article_id, e.seq LIMIT ?),"
            " p AS (SELECT DISTINCT ev.id, ev.type, q.actor_id FROM ev JOIN event_participants q"
            " ON q.event_id = ev.id WHERE q.actor_id IS NOT NULL AND q.actor_id != '')"
            " SELECT x.actor_id, y.actor_id, x.type, COUNT(*), MIN(x.id) FROM p x JOIN p y"
            " ON y.id = x.id AND x.actor_id < y.actor_id GROUP BY 1, 2, 3"
        )
        with self._errors("counting an actor's co-participants"):
            return [tuple(r) for r in self.conn.execute(sql, (*params, limit))]

    def event_records(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The stored records of these event ids (unknown ids are left out)."""
        marks = ", ".join("?" * len(ids))
        with self._errors("reading events"):
            rows = self.conn.execute(f"SELECT id, data FROM events WHERE id IN ({marks})", ids).fetchall() if ids else []
        return {r[0]: json.loads(r[1]) for r in rows}

    def count_events(
        self,
        *,
        article_id: str | None = None,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        mode: str | None = None,
        outlet: str | None = None,
    ) -> int:
        where, params = self._event_filters(article_id, type, actor_id, status, since, until, mode, outlet)
        with self._errors("counting events"):
            return int(self.conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0])

    def count_events_by_period(
        self,
        period: str,
        *,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        mode: str | None = None,
        outlet: str | None = None,
    ) -> list[tuple[str, int]]:
        if period not in PERIODS:
            raise ValueError(f"period {period!r} is not one of {', '.join(PERIODS)}")
        where, params = self._event_filters(None, type, actor_id, status, since, until, mode, outlet)
        where += (" AND " if where else " WHERE ") + "e.date_start IS NOT NULL"
        n = PERIODS[period]
        # Grouped by day in the database (the date index is already in that
        # order: no sort), then by month or year here.
        sql = f"SELECT e.date_start, COUNT(*) FROM events e{where} GROUP BY e.date_start ORDER BY e.date_start"
        counts: dict[str, int] = {}
        with self._errors("counting events by period"):
            for day, k in self.conn.execute(sql, params):
                key = str(day)[:n]
                counts[key] = counts.get(key, 0) + int(k)
        return list(counts.items())

    @staticmethod
    def _claim_filters(article_id: str | None, counted: str | None) -> tuple[str, list[Any]]:
        clauses = [f"c.{col} = ?" for col, v in (("article_id", article_id), ("counted", counted)) if v is not None]
        params = [v for v in (article_id, counted) if v is not None]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def claims(
        self,
        *,
        article_id: str | None = None,
        counted: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        where, params = self._claim_filters(article_id, counted)
        sql = (
            "SELECT c.article_id, a.outlet, a.outlet_id, a.published, c.data"
            " FROM claims c JOIN articles a ON a.id = c.article_id" + where +
            # Newest article first, as ``list_articles``; text order within one.
            " ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.first_seen DESC, a.id, c.seq"
            " LIMIT ? OFFSET ?"
        )
        with self._errors("listing claims"):
            rows = self.conn.execute(sql, (*params, limit, offset)).fetchall()
        return [
            {"article_id": r[0], "outlet": r[1], "outlet_id": r[2], "published": r[3], **json.loads(r[4])}
            for r in rows
        ]

    def count_claims(self, *, article_id: str | None = None, counted: str | None = None) -> int:
        where, params = self._claim_filters(article_id, counted)
        with self._errors("counting claims"):
            return int(self.conn.execute(f"SELECT COUNT(*) FROM claims c{where}", params).fetchone()[0])

    # -- duplicates -------------------------------------------------------

    def save_fingerprint(
        self,
        article_id: str,
        body_key: str,
        shingle_words: int,
        words: int,
        shingles: bytes,
        bands: list[int],
    ) -> None:
        conn = self.conn
        with self._errors(f"storing the fingerprint of {article_id}"), self.transaction():
            self._require_article(article_id, "duplicate fingerprint")
            conn.execute(
                "INSERT OR REPLACE INTO dup_fingerprints (article_id, body_key, shingle_words, words, shingles)"
                " VALUES (?, ?, ?, ?, ?)",
                (article_id, body_key, shingle_words, words, shingles),
            )
            conn.execute("DELETE FROM dup_bands WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT OR IGNORE INTO dup_bands (key, article_id) VALUES (?, ?)",
                [(int(k), article_id) for k in bands],
            )

    def fingerprints_with_key(self, body_key: str) -> list[str]:
        with self._errors("looking up exact copies"):
            rows = self.conn.execute(
                "SELECT f.article_id FROM dup_fingerprints f JOIN articles a ON a.id = f.article_id"
                " WHERE f.body_key = ? ORDER BY a.first_seen, a.id",
                (body_key,),
            ).fetchall()
        return [r[0] for r in rows]

    def band_candidates(self, bands: list[int]) -> list[str]:
        if not bands:
            return []
        marks = ", ".join("?" * len(bands))
        with self._errors("looking up near-copy candidates"):
            rows = self.conn.execute(
                f"SELECT DISTINCT article_id FROM dup_bands WHERE key IN ({marks})",
                [int(k) for k in bands],
            ).fetchall()
        return [r[0] for r in rows]

    def fingerprints(self, article_ids: list[str]) -> list[StoredFingerprint]:
        out: list[StoredFingerprint] = []
        ids = list(dict.fromkeys(article_ids))
        # SQLite limits host parameters per statement (32766 by default; 999
        # in old builds): ask in chunks.
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            with self._errors("reading fingerprints"):
                rows = self.conn.execute(
                    "SELECT f.article_id, f.body_key, f.shingle_words, f.words, f.shingles,"
                    " a.published, a.first_seen"
                    f" FROM dup_fingerprints f JOIN articles a ON a.id = f.article_id WHERE f.article_id IN ({marks})",
                    chunk,
                ).fetchall()
            out += [
                StoredFingerprint(
                    article_id=r[0], body_key=r[1], shingle_words=int(r[2]), words=int(r[3]),
                    shingles=bytes(r[4]), published=decode_datetime(r[5]) if r[5] else None, first_seen=r[6],
                )
                for r in rows
            ]
        return out

    def record_duplicate(
        self, article_id: str, original_id: str | None, jaccard: float = 1.0, method: str = "near"
    ) -> None:
        if method not in ("exact", "near"):
            raise ValueError(f"duplicate method must be 'exact' or 'near', not {method!r}")
        if original_id == article_id:
            raise ValueError(f"article {article_id} cannot be a copy of itself")
        conn = self.conn
        with self._errors(f"recording the duplicate status of {article_id}"), self.transaction():
            self._require_article(article_id, "duplicate record")
            if original_id is None:
                conn.execute("DELETE FROM duplicates WHERE article_id = ?", (article_id,))
                return
            self._require_article(original_id, "copies")
            conn.execute(
                "INSERT OR REPLACE INTO duplicates (article_id, original_id, jaccard, method, found)"
                " VALUES (?, ?, ?, ?, ?)",
                (article_id, original_id, float(jaccard), method, _now()),
            )

    _DUP_SELECT = (
        "SELECT d.article_id, c.title, c.outlet, c.url, c.published,"
        " d.original_id, o.title, o.outlet, o.url, o.published, d.jaccard, d.method, d.found"
        " FROM duplicates d JOIN articles c ON c.id = d.article_id JOIN articles o ON o.id = d.original_id"
    )

    @staticmethod
    def _dup_record(r: tuple[Any, ...]) -> DuplicateRecord:
        return DuplicateRecord(
            article_id=r[0], title=r[1], outlet=r[2], url=r[3],
            published=decode_datetime(r[4]) if r[4] else None,
            original_id=r[5], original_title=r[6], original_outlet=r[7], original_url=r[8],
            original_published=decode_datetime(r[9]) if r[9] else None,
            jaccard=float(r[10]), method=r[11], found=r[12],
        )

    def duplicate_of(self, article_id: str) -> DuplicateRecord | None:
        with self._errors("reading a duplicate record"):
            row = self.conn.execute(self._DUP_SELECT + " WHERE d.article_id = ?", (article_id,)).fetchone()
        return self._dup_record(row) if row else None

    def duplicates(
        self, limit: int = 50, offset: int = 0, *, original_id: str | None = None
    ) -> list[DuplicateRecord]:
        where, params = (" WHERE d.original_id = ?", [original_id]) if original_id is not None else ("", [])
        with self._errors("listing duplicates"):
            rows = self.conn.execute(
                self._DUP_SELECT + where + " ORDER BY d.found DESC, d.article_id LIMIT ? OFFSET ?",
                (*params, limit, offset),
            ).fetchall()
        return [self._dup_record(r) for r in rows]

    def count_duplicates(self, *, original_id: str | None = None) -> int:
        where, params = (" WHERE original_id = ?", [original_id]) if original_id is not None else ("", [])
        with self._errors("counting duplicates"):
            return int(self.conn.execute("SELECT COUNT(*) FROM duplicates" + where, params).fetchone()[0])

    # -- happenings and conflicts (corpus/merge.py, corpus/conflicts.py) ---

    def save_happening(self, data: dict[str, Any]) -> None:
        conn = self.conn
        body = {k: v for k, v in data.items() if k != "mentions"}
        counts = data.get("counts") or {}
        parts = [("actor", p["id"]) for p in data.get("actor") or []]
        parts += [("recipient", p["id"]) for p in data.get("recipient") or []]
        if data.get("location"):
            parts.append(("location", data["location"]["id"]))
        with self._errors(f"storing happening {data['id']}"), self.transaction():
            # An upsert, not INSERT OR REPLACE: a replace deletes the row first
            # and would cascade to its participants mid-update.
            conn.execute(
                "INSERT INTO happenings (id, type, status, family, date, date_start, date_end, date_strength,"
                " n_mentions, n_articles, n_outlets, updated_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET type = excluded.type, status = excluded.status,"
                " family = excluded.family, date = excluded.date, date_start = excluded.date_start,"
                " date_end = excluded.date_end, date_strength = excluded.date_strength,"
                " n_mentions = excluded.n_mentions, n_articles = excluded.n_articles,"
                " n_outlets = excluded.n_outlets, updated_at = excluded.updated_at, data = excluded.data",
                (data["id"], data["event"], data["status"], data["family"], data.get("date"),
                 data.get("date_start"), data.get("date_end"), data.get("date_strength") or "none",
                 int(counts.get("mentions", 0)), int(counts.get("articles", 0)), int(counts.get("outlets", 0)),
                 _now(), json.dumps(body, ensure_ascii=False, separators=(",", ":"))),
            )
            conn.execute("DELETE FROM happening_participants WHERE happening_id = ?", (data["id"],))
            conn.executemany(
                "INSERT OR IGNORE INTO happening_participants (happening_id, role, actor_id) VALUES (?, ?, ?)",
                [(data["id"], role, actor) for role, actor in parts],
            )

    def delete_happening(self, happening_id: str) -> None:
        conn = self.conn
        with self._errors(f"deleting happening {happening_id}"), self.transaction():
            conn.execute("DELETE FROM happening_mentions WHERE happening_id = ?", (happening_id,))
            conn.execute("DELETE FROM happening_links WHERE from_id = ? OR to_id = ?", (happening_id, happening_id))
            conn.execute("DELETE FROM happenings WHERE id = ?", (happening_id,))

    def clear_corpus_links(self) -> None:
        conn = self.conn
        with self._errors("clearing duplicates and stories"), self.transaction():
            for table in ("duplicates", "dup_bands", "dup_fingerprints", "story_articles", "stories", "threads", "term_df"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM corpus_meta WHERE key = 'n_docs'")

    def clear_happenings(self) -> None:
        conn = self.conn
        with self._errors("clearing happenings"), self.transaction():
            for table in ("happening_mentions", "happening_links", "happening_participants", "happenings"):
                conn.execute(f"DELETE FROM {table}")

    def happening_exists(self, happening_id: str) -> bool:
        with self._errors("looking up a happening"):
            return self.conn.execute("SELECT 1 FROM happenings WHERE id = ?", (happening_id,)).fetchone() is not None

    def add_happening_mention(
        self, event_id: str, happening_id: str, article_id: str, score: float, article_date: str | None
    ) -> None:
        with self._errors(f"storing the happening of {event_id}"):
            self.conn.execute(
                "INSERT OR REPLACE INTO happening_mentions (event_id, happening_id, article_id, score, article_date)"
                " VALUES (?, ?, ?, ?, ?)",
                (event_id, happening_id, article_id, float(score), article_date),
            )

    def remove_happening_mentions(self, article_id: str) -> list[str]:
        conn = self.conn
        with self._errors(f"removing the mentions of {article_id}"), self.transaction():
            ids = [r[0] for r in conn.execute(
                "SELECT DISTINCT happening_id FROM happening_mentions WHERE article_id = ?", (article_id,))]
            conn.execute("DELETE FROM happening_mentions WHERE article_id = ?", (article_id,))
        return ids

    def happening_mention_rows(self, happening_id: str) -> list[dict[str, Any]]:
        sql = (
            "SELECT e.data, m.article_id, m.article_date, m.score, a.outlet, a.outlet_id, a.url, a.published, a.title"
            " FROM happening_mentions m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = m.article_id"
            " WHERE m.happening_id = ? ORDER BY m.article_date IS NULL, m.article_date, a.first_seen, e.seq"
        )
        with self._errors("reading the mentions of a happening"):
            rows = self.conn.execute(sql, (happening_id,)).fetchall()
        keys = ("article_id", "article_date", "score", "outlet", "outlet_id", "url", "published", "title")
        return [{"event": json.loads(r[0]), **dict(zip(keys, r[1:]))} for r in rows]

    def happening_candidates(
        self, types: list[str], *, since: str | None, until: str | None, limit: int = 200
    ) -> list[dict[str, Any]]:
        if not types:
            return []
        marks = ",".join("?" * len(types))
        params: list[Any] = list(types)
        where = f"type IN ({marks})"
        if since is not None:
            where += " AND date_end >= ?"
            params.append(since)
        if until is not None:
            where += " AND date_start <= ?"
            params.append(until)
        sql = f"SELECT data FROM happenings WHERE {where} ORDER BY date_end DESC, id LIMIT ?"
        with self._errors("reading candidate happenings"):
            rows = self.conn.execute(sql, (*params, limit)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def link_happenings(self, from_id: str, to_id: str, kind: str) -> None:
        with self._errors("linking happenings"):
            self.conn.execute(
                "INSERT OR IGNORE INTO happening_links (from_id, to_id, kind) VALUES (?, ?, ?)", (from_id, to_id, kind)
            )

    def happening_links(self, happening_id: str) -> list[tuple[str, str]]:
        with self._errors("reading happening links"):
            out = [(r[0], r[1]) for r in self.conn.execute(
                "SELECT kind, to_id FROM happening_links WHERE from_id = ? ORDER BY to_id", (happening_id,))]
            out += [("planned_by" if r[0] == "planned_for" else r[0] + "_by", r[1]) for r in self.conn.execute(
                "SELECT kind, from_id FROM happening_links WHERE to_id = ? ORDER BY from_id", (happening_id,))]
        return out

    @staticmethod
    def _happening_filters(
        type: str | None, actor_id: str | None, status: str | None,
        since: date | str | None, until: date | str | None, min_articles: int,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = ["h.n_articles >= ?"]
        params: list[Any] = [int(min_articles)]
        for column, value in (("type", type), ("status", status)):
            if value is not None:
                clauses.append(f"h.{column} = ?")
                params.append(value)
        if actor_id is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM happening_participants p WHERE p.actor_id = ? AND p.happening_id = h.id)"
            )
            params.append(actor_id)
        _date_overlap("h", since, until, clauses, params)
        return " WHERE " + " AND ".join(clauses), params

    def _with_mentions(self, data: dict[str, Any]) -> dict[str, Any]:
        """A happening's stored JSON with its mentions and links read from their rows."""
        mentions = []
        for r in self.happening_mention_rows(data["id"]):
            e = r["event"]
            att = e.get("attribution") or {}
            mentions.append({
                "event_id": e["id"], "article_id": r["article_id"], "outlet": r["outlet"] or att.get("outlet"),
                "outlet_id": r["outlet_id"] or att.get("outlet_id"), "url": r["url"],
                "published": r["published"] or r["article_date"], "title": r["title"], "status": e["status"],
                "date": e.get("date") if e.get("date_how") not in FALLBACK_DATE_HOWS else None,
                "sources": [s.get("name_en") or s.get("text") for s in att.get("sources") or []],
                "score": r["score"],
            })
        links = self.happening_links(data["id"])
        return {**data, "mentions": mentions, "links": [{"kind": k, "happening": h} for k, h in links]}

    def happenings(
        self,
        *,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        min_articles: int = 1,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        where, params = self._happening_filters(type, actor_id, status, since, until, min_articles)
        sql = (f"SELECT h.data FROM happenings h{where} ORDER BY h.n_articles DESC, h.n_mentions DESC,"
               " h.date_start IS NULL, h.date_start DESC, h.id LIMIT ? OFFSET ?")
        with self._errors("listing happenings"):
            rows = self.conn.execute(sql, (*params, limit, offset)).fetchall()
        return [self._with_mentions(json.loads(r[0])) for r in rows]

    def count_happenings(
        self,
        *,
        type: str | None = None,
        actor_id: str | None = None,
        status: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        min_articles: int = 1,
    ) -> int:
        where, params = self._happening_filters(type, actor_id, status, since, until, min_articles)
        with self._errors("counting happenings"):
            return int(self.conn.execute(f"SELECT COUNT(*) FROM happenings h{where}", params).fetchone()[0])

    def get_happening(self, happening_id: str) -> dict[str, Any]:
        wanted = happening_id.strip()
        with self._errors("looking up a happening"):
            row = self.conn.execute("SELECT data FROM happenings WHERE id = ?", (wanted,)).fetchone()
            if row is None and len(wanted) >= MIN_PREFIX:
                pattern = re.sub(r"([*?\[])", r"[\1]", wanted if wanted.startswith("hp:") else "hp:" + wanted) + "*"
                rows = self.conn.execute("SELECT data FROM happenings WHERE id GLOB ? LIMIT 2", (pattern,)).fetchall()
                if len(rows) > 1:
                    raise NotFound(f"happening id prefix '{wanted}' matches more than one; give more characters")
                row = rows[0] if rows else None
        if row is None:
            raise NotFound(f"no happening with id '{wanted}' in {self.location}; run `ghotona happenings` to list them")
        return self._with_mentions(json.loads(row[0]))

    def happening_of_event(self, event_id: str) -> dict[str, Any] | None:
        with self._errors("looking up an event's happening"):
            row = self.conn.execute(
                "SELECT h.data FROM happening_mentions m JOIN happenings h ON h.id = m.happening_id"
                " WHERE m.event_id = ?", (event_id,)).fetchone()
        return self._with_mentions(json.loads(row[0])) if row else None

    def replace_claim_keys(self, article_id: str, keys: list[dict[str, Any]]) -> None:
        conn = self.conn
        with self._errors(f"storing the claim keys of {article_id}"), self.transaction():
            conn.execute("DELETE FROM claim_keys WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT INTO claim_keys (article_id, seq, counted, unit, time_start, time_end, low, high, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, k["seq"], k["counted"], k["unit"], k["time_start"], k["time_end"], k["low"],
                  k.get("high"), json.dumps(k, ensure_ascii=False, separators=(",", ":"))) for k in keys],
            )

    def claim_key_candidates(
        self, counted: str, unit: str, since: str, until: str, *, exclude_article: str, limit: int = 500
    ) -> list[dict[str, Any]]:
        sql = ("SELECT data FROM claim_keys WHERE counted = ? AND unit = ? AND time_end >= ? AND time_start <= ?"
               " AND article_id != ? ORDER BY time_end DESC LIMIT ?")
        with self._errors("reading candidate claims"):
            rows = self.conn.execute(sql, (counted, unit, since, until, exclude_article, limit)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def replace_conflicts(self, article_id: str, conflicts: list[dict[str, Any]]) -> None:
        conn = self.conn
        with self._errors(f"storing the conflicts of {article_id}"), self.transaction():
            conn.execute("DELETE FROM conflicts WHERE article_a = ? OR article_b = ?", (article_id, article_id))
            conn.executemany(
                "INSERT OR REPLACE INTO conflicts (id, kind, counted, article_a, article_b, found_at, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(c["id"], c["kind"], c.get("counted"), c["sides"][0]["article_id"], c["sides"][1]["article_id"],
                  _now(), json.dumps(c, ensure_ascii=False, separators=(",", ":"))) for c in conflicts],
            )

    @staticmethod
    def _conflict_filters(article_id: str | None, counted: str | None, kind: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            clauses.append("(article_a = ? OR article_b = ?)")
            params += [article_id, article_id]
        for column, value in (("counted", counted), ("kind", kind)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def conflicts(
        self, *, article_id: str | None = None, counted: str | None = None, kind: str | None = None,
        limit: int = 50, offset: int = 0,
    ) -> list[dict[str, Any]]:
        where, params = self._conflict_filters(article_id, counted, kind)
        with self._errors("listing conflicts"):
            rows = self.conn.execute(
                f"SELECT data FROM conflicts{where} ORDER BY found_at DESC, id LIMIT ? OFFSET ?",
                (*params, limit, offset)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def count_conflicts(
        self, *, article_id: str | None = None, counted: str | None = None, kind: str | None = None
    ) -> int:
        where, params = self._conflict_filters(article_id, counted, kind)
        with self._errors("counting conflicts"):
            return int(self.conn.execute(f"SELECT COUNT(*) FROM conflicts{where}", params).fetchone()[0])

    # -- stories and threads --------------------------------------------

    def load_term_df(self) -> tuple[dict[str, int], int]:
        with self._errors("reading term frequencies"):
            terms = dict(self.conn.execute("SELECT term, df FROM term_df").fetchall())
            row = self.conn.execute("SELECT value FROM corpus_meta WHERE key = 'n_docs'").fetchone()
        return terms, int(row[0]) if row else 0

    def save_term_df(self, changed: dict[str, int], n_docs: int) -> None:
        with self._errors("saving term frequencies"), self.transaction():
            self.conn.executemany(
                "INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = excluded.df",
                list(changed.items()),
            )
            self.conn.execute(
                "INSERT INTO corpus_meta (key, value) VALUES ('n_docs', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(n_docs),),
            )

    def save_story_member(self, story_id: int, article_id: str, profile: dict[str, Any], score: float, via: str) -> None:
        with self._errors(f"storing the story of {article_id}"), self.transaction():
            self._require_article(article_id, "story")
            self.conn.execute(
                "INSERT OR REPLACE INTO story_articles (article_id, story_id, score, via, profile, joined)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, story_id, float(score), via,
                 json.dumps(profile, ensure_ascii=False, separators=(",", ":")), _now()),
            )

    def save_story(self, row: StoryRow) -> None:
        with self._errors(f"storing story {row.id}"), self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO stories (id, thread_id, title, first_day, last_day, first_time,"
                " last_time, n_articles, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (row.id, row.thread_id, row.title, row.first, row.last, row.first_time, row.last_time,
                 row.n_articles, _now()),
            )

    def delete_story(self, story_id: int) -> None:
        with self._errors(f"removing story {story_id}"), self.transaction():
            self.conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story_id,))
            self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def refresh_thread(self, thread_id: int) -> None:
        conn = self.conn
        with self._errors(f"storing thread {thread_id}"), self.transaction():
            n, first, last = conn.execute(
                "SELECT COUNT(*), MIN(first_day), MAX(last_day) FROM stories WHERE thread_id = ?", (thread_id,)
            ).fetchone()
            if not n:
                conn.execute("DELETE FROM threads WHERE id = ?", (thread_id,))
                return
            title = conn.execute(
                "SELECT title FROM stories WHERE thread_id = ? ORDER BY first_time IS NULL, first_time, id LIMIT 1",
                (thread_id,),
            ).fetchone()[0]
            conn.execute(
                "INSERT OR REPLACE INTO threads (id, title, first_day, last_day, n_stories, updated)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (thread_id, title, first, last, n, _now()),
            )

    def move_thread(self, from_id: int, to_id: int) -> None:
        with self._errors(f"joining thread {from_id} to {to_id}"), self.transaction():
            self.conn.execute("UPDATE stories SET thread_id = ? WHERE thread_id = ?", (to_id, from_id))
            self.refresh_thread(from_id)
            self.refresh_thread(to_id)

    def max_story_id(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM stories").fetchone()[0])

    def max_thread_id(self) -> int:
        return int(self.conn.execute(
            "SELECT MAX(COALESCE((SELECT MAX(id) FROM threads), 0), COALESCE((SELECT MAX(thread_id) FROM stories), 0))"
        ).fetchone()[0])

    def newest_story_time(self) -> float | None:
        row = self.conn.execute("SELECT MAX(last_time) FROM stories").fetchone()
        return None if row[0] is None else float(row[0])

    def open_stories(
        self, since: float | None, until: float | None = None, undated_limit: int = 10_000
    ) -> list[tuple[int, int, list[tuple[str, dict[str, Any]]]]]:
        conn = self.conn
        with self._errors("reopening stories"):
            dated = conn.execute(
                "SELECT id, thread_id FROM stories WHERE last_time IS NOT NULL AND last_time >= ? AND first_time <= ?",
                (since if since is not None else float("-inf"), until if until is not None else float("inf")),
            ).fetchall()
            undated = conn.execute(
                "SELECT id, thread_id FROM stories WHERE last_time IS NULL ORDER BY updated DESC LIMIT ?",
                (undated_limit,),
            ).fetchall()
            out = []
            for sid, tid in sorted(dated + undated):
                members = [
                    (aid, json.loads(profile))
                    for aid, profile in conn.execute(
                        "SELECT article_id, profile FROM story_articles WHERE story_id = ? ORDER BY joined, article_id",
                        (sid,),
                    )
                ]
                if members:
                    out.append((int(sid), int(tid), members))
        return out

    def story_of(self, article_id: str) -> int | None:
        row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else int(row[0])

    _STORY_COLUMNS = "id, thread_id, title, first_day, last_day, n_articles, first_time, last_time"
    # Newest first, undated last; the bigger story first within a day.
    _STORY_ORDER = "last_time IS NULL, last_day DESC, n_articles DESC, id DESC"

    def stories(
        self, *, thread_id: int | None = None, min_articles: int = 1, limit: int = 50, offset: int = 0
    ) -> list[StoryRow]:
        where, params = "WHERE n_articles >= ?", [min_articles]
        if thread_id is not None:
            where += " AND thread_id = ?"
            params.append(thread_id)
        with self._errors("listing stories"):
            rows = self.conn.execute(
                f"SELECT {self._STORY_COLUMNS} FROM stories {where} ORDER BY {self._STORY_ORDER} LIMIT ? OFFSET ?",
                (*params, limit, offset),
            ).fetchall()
        return [StoryRow(*r) for r in rows]

    def count_stories(self, *, thread_id: int | None = None, min_articles: int = 1) -> int:
        where, params = "WHERE n_articles >= ?", [min_articles]
        if thread_id is not None:
            where += " AND thread_id = ?"
            params.append(thread_id)
        with self._errors("counting stories"):
            return int(self.conn.execute(f"SELECT COUNT(*) FROM stories {where}", params).fetchone()[0])

    def get_story(self, story_id: int) -> StoryRow:
        row = self.conn.execute(f"SELECT {self._STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFound(f"no story {story_id} in {self.location}; `ghotona stories` lists them")
        return StoryRow(*row)

    def story_articles(self, story_id: int) -> list[StoryArticle]:
        with self._errors("listing a story's articles"):
            rows = self.conn.execute(
                "SELECT a.id, s.story_id, a.title, a.outlet, a.url, a.published, a.data, s.score, s.via"
                " FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?"
                " ORDER BY a.published_utc IS NULL, a.published_utc, s.joined, a.id",
                (story_id,),
            ).fetchall()
        return [
            StoryArticle(
                id=r[0], story_id=int(r[1]), title=r[2], outlet=r[3], url=r[4],
                published=decode_datetime(r[5]) if r[5] else None,
                wire_sources=list(json.loads(r[6]).get("wire_sources") or []),
                score=float(r[7]), via=r[8],
            )
            for r in rows
        ]

    _THREAD_SQL = (
        "SELECT t.id, t.title, t.first_day, t.last_day, t.n_stories,"
        " (SELECT COALESCE(SUM(n_articles), 0) FROM stories s WHERE s.thread_id = t.id) FROM threads t"
    )

    def threads(self, *, min_stories: int = 1, limit: int = 50, offset: int = 0) -> list[ThreadRow]:
        with self._errors("listing threads"):
            rows = self.conn.execute(
                f"{self._THREAD_SQL} WHERE t.n_stories >= ?"
                " ORDER BY t.last_day IS NULL, t.last_day DESC, t.n_stories DESC, t.id DESC LIMIT ? OFFSET ?",
                (min_stories, limit, offset),
            ).fetchall()
        return [ThreadRow(*r) for r in rows]

    def count_threads(self, *, min_stories: int = 1) -> int:
        with self._errors("counting threads"):
            return int(self.conn.execute(
                "SELECT COUNT(*) FROM threads WHERE n_stories >= ?", (min_stories,)
            ).fetchone()[0])

    def get_thread(self, thread_id: int) -> ThreadRow:
        row = self.conn.execute(f"{self._THREAD_SQL} WHERE t.id = ?", (thread_id,)).fetchone()
        if row is None:
            raise NotFound(f"no thread {thread_id} in {self.location}; `ghotona threads` lists them")
        return ThreadRow(*row)

    # -- runs -------------------------------------------------------------

    def start_run(self, kind: str, args: dict[str, Any]) -> int:
        with self._errors("logging a run"), self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (kind, args, started) VALUES (?, ?, ?)",
                (kind, json.dumps(args, ensure_ascii=False, default=str), _now()),
            )
            return int(cur.lastrowid)

    def finish_run(
        self, run_id: int, counts: dict[str, Any], rejections: list[Rejection]
    ) -> None:
        with self._errors("logging a run"), self.transaction():
            cur = self.conn.execute(
                "UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
                (_now(), json.dumps(counts, ensure_ascii=False, default=str), run_id),
            )
            if cur.rowcount == 0:
                raise NotFound(f"no run {run_id} in {self.location}; `ghotona runs` lists them")
            # Replace, not append: finishing a run twice must not double its
            # rejections.
            self.conn.execute("DELETE FROM run_rejections WHERE run_id = ?", (run_id,))
            self.conn.executemany(
                "INSERT INTO run_rejections (run_id, seq, source, reason, detail)"
                " VALUES (?, ?, ?, ?, ?)",
                [(run_id, i, r.source, r.reason, r.detail) for i, r in enumerate(rejections)],
            )

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        with self._errors("reading the run log"):
            rows = self.conn.execute(
                "SELECT id, kind, args, started, finished, counts FROM runs"
                " ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
            out: list[dict[str, Any]] = []
            for rid, kind, args, started, finished, counts in rows:
                by_reason = dict(
                    self.conn.execute(
                        "SELECT reason, COUNT(*) FROM run_rejections WHERE run_id = ?"
                        " GROUP BY reason ORDER BY COUNT(*) DESC, reason",
                        (rid,),
                    ).fetchall()
                )
                out.append(
                    {
                        "id": rid,
                        "kind": kind,
                        "args": json.loads(args),
                        "started": started,
                        "finished": finished,
                        "counts": json.loads(counts) if counts else {},
                        "rejection_count": sum(by_reason.values()),
                        "rejections_by_reason": by_reason,
                    }
                )
        return out

    def run_rejections(self, run_id: int) -> list[Rejection]:
        with self._errors("reading the run log"):
            rows = self.conn.execute(
                "SELECT source, reason, detail FROM run_rejections WHERE run_id = ? ORDER BY seq",
                (run_id,),
            ).fetchall()
        return [Rejection(source=s, reason=r, detail=d) for s, r, d in rows]

    # -- crawl state ------------------------------------------------------

    _FRONTIER_COLUMNS = (
        "url, host, source_id, kind, via, discovered, state, found_in, feed_date, lastmod, attempts,"
        " next_attempt, etag, last_modified, content_hash, article_id, fetched, outcome, reason"
    )

    def frontier_get(self, url: str) -> FrontierEntry | None:
        with self._errors("reading the crawl frontier"):
            row = self.conn.execute(
                f"SELECT {self._FRONTIER_COLUMNS} FROM crawl_frontier WHERE url = ?", (url,)
            ).fetchone()
        return FrontierEntry(*row) if row else None

    def frontier_put(self, entry: FrontierEntry) -> None:
        values = (
            entry.url, entry.host, entry.source_id, entry.kind, entry.via, entry.discovered, entry.state,
            entry.found_in, entry.feed_date, entry.lastmod, entry.attempts, entry.next_attempt, entry.etag,
            entry.last_modified, entry.content_hash, entry.article_id, entry.fetched, entry.outcome, entry.reason,
        )
        with self._errors("writing the crawl frontier"), self.transaction():
            # UPSERT, not REPLACE: REPLACE deletes the row and the new one gets
            # a new rowid, which would lose the discovery order.
            self.conn.execute(
                f"INSERT INTO crawl_frontier ({self._FRONTIER_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET "
                + ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in self._FRONTIER_COLUMNS.split(",")[1:]),
                values,
            )

    def frontier_due(self, kind: str, now: str, max_attempts: int, limit: int = 100_000) -> list[FrontierEntry]:
        with self._errors("reading the crawl frontier"):
            rows = self.conn.execute(
                f"SELECT {self._FRONTIER_COLUMNS} FROM crawl_frontier WHERE kind = ? AND"
                " (state = 'pending' OR (state = 'failed' AND attempts < ?))"
                " AND (next_attempt IS NULL OR next_attempt <= ?) ORDER BY rowid LIMIT ?",
                (kind, max_attempts, now, limit),
            ).fetchall()
        return [FrontierEntry(*r) for r in rows]

    def frontier(self, *, source_id: str | None = None, state: str | None = None) -> list[FrontierEntry]:
        clauses = [f"{c} = ?" for c, v in (("source_id", source_id), ("state", state)) if v is not None]
        params = [v for v in (source_id, state) if v is not None]
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        with self._errors("reading the crawl frontier"):
            rows = self.conn.execute(
                f"SELECT {self._FRONTIER_COLUMNS} FROM crawl_frontier{where} ORDER BY rowid", params
            ).fetchall()
        return [FrontierEntry(*r) for r in rows]

    def log_fetch(self, run_id: int, record: FetchRecord) -> None:
        with self._errors("logging a fetch"), self.transaction():
            seq = self.conn.execute(
                "SELECT COALESCE(MAX(seq), -1) + 1 FROM crawl_fetches WHERE run_id = ?", (run_id,)
            ).fetchone()[0]
            self.conn.execute(
                "INSERT INTO crawl_fetches (run_id, seq, url, kind, status, bytes, ms, outcome, reason, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, seq, record.url, record.kind, record.status, record.bytes, record.ms,
                 record.outcome, record.reason, record.at),
            )

    def fetches(self, run_id: int) -> list[FetchRecord]:
        with self._errors("reading the fetch log"):
            rows = self.conn.execute(
                "SELECT url, kind, status, bytes, ms, outcome, reason, at FROM crawl_fetches"
                " WHERE run_id = ? ORDER BY seq",
                (run_id,),
            ).fetchall()
        return [FetchRecord(*r) for r in rows]

    def save_raw(self, raw: RawResponse) -> bool:
        with self._errors("keeping a raw response"), self.transaction():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO crawl_raw (url, content_hash, fetched, status, content_type, final_url, size, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (raw.url, raw.content_hash, raw.fetched, raw.status, raw.content_type, raw.final_url,
                 len(raw.body), zlib.compress(raw.body, 6)),
            )
            return cur.rowcount > 0

    def raw_responses(self, since: str | None = None) -> list[RawResponse]:
        # The latest body per URL: rowid order is insertion order.
        sql = (
            "SELECT url, final_url, status, content_type, content_hash, fetched, body FROM crawl_raw r"
            " WHERE rowid = (SELECT MAX(rowid) FROM crawl_raw WHERE url = r.url)"
        )
        params: list[Any] = []
        if since is not None:
            sql += " AND fetched >= ?"
            params.append(since)
        with self._errors("reading raw responses"):
            rows = self.conn.execute(sql + " ORDER BY rowid", params).fetchall()
        return [RawResponse(r[0], r[1], r[2], r[3], r[4], r[5], zlib.decompress(r[6])) for r in rows]
