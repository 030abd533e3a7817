"""The ``ghotona`` command line.

Every command reads the same configuration (``--config``), talks to the same
store (``--db``, ``$GHOTONA_DB``, or ``store.path`` in the config; SQLite by
default) and prints for people unless ``--json`` asks for machine output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from . import __version__
from . import config as config_mod
from .errors import GhotonaError
from .events.model import FALLBACK_DATE_HOWS, STATUSES
from .records import Article, InputFormat, Rejection

# emoji=False: ":warning:" in an article must print as typed, not as an emoji.
# soft_wrap: never cut a message (or a path in it) with a hard line break when
# stderr is a file or a pipe; a terminal wraps long lines by itself.
err = Console(stderr=True, emoji=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True, emoji=False)

_FORMATS = [f.value for f in InputFormat]


class _Group(click.Group):
    """Turn ghotona's errors into one clear line and exit code 2, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GhotonaError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}")
            sys.exit(2)


def _json_line(obj: Any) -> None:
    """One JSON object on one line of stdout (--json output), never read as markup."""
    out.print(json.dumps(obj, ensure_ascii=False, default=str), markup=False)


def _is_path(arg: str) -> bool:
    """Whether ARG names an existing file or folder (a long Bengali text is not a path, even to the OS)."""
    try:
        return Path(arg).exists()
    except (OSError, ValueError):
        return False


def _db_option(f: Any) -> Any:
    return click.option(
        "--db",
        metavar="PATH",
        help="SQLite store to use (default: $GHOTONA_DB, else store.path in the config, else ./ghotona.db).",
    )(f)


def _open(ctx: click.Context, db: str | None):  # -> Store
    from .store import open_store

    cfg = ctx.obj["config"]
    return open_store(db or cfg["store"]["path"])


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_path", metavar="FILE", help="TOML file overriding keys of the shipped defaults.")
@click.version_option(__version__, prog_name="ghotona")
@click.pass_context
def main(ctx: click.Context, config_path: str | None) -> None:
    """ghotona (ঘটনা): Bengali news pages to a clean, sourced record of events.

    \b
    Start here:
      ghotona demo                      ingest the bundled demo pages into ./ghotona-demo.db
      ghotona ingest PAGES/ --db my.db  ingest your saved pages (HTML, page text, JSON/JSONL/CSV)
      ghotona articles                  list what is stored
      ghotona show ID                   one article: metadata, clean text, what was removed
      ghotona search WORDS              full-text search (Bengali-aware, prefix matching)
      ghotona events                    the stored events: who did what to whom, when, per whom
      ghotona events PAGES/ --json      code pages into PLOVER-style event records (no store)
      ghotona claims                    the stored figures (deaths, troops, tariffs) and who claims them
      ghotona stories                   articles grouped by happening; ghotona story ID shows one
      ghotona threads                   stories linked over time (trip legs, attack then reactions)
      ghotona duplicates                copies of other articles (syndicated, re-published)
      ghotona conflicts                 figures that disagree across outlets, both sides
    """
    ctx.ensure_object(dict)
    ctx.obj["config"] = config_mod.load(config_path)


# --------------------------------------------------------------------------- ingest
@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), help="Read every input as this format instead of detecting it.")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article (and per rejection) on stdout.")
@click.option("--no-store", is_flag=True, help="Extract and print only; write nothing to the store.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(1, 256), help="Extract in this many processes (the store is written by one).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, db: str | None, as_json: bool, no_store: bool, quiet: bool, workers: int) -> None:
    """Extract articles from PATH... and store them.

    A PATH may be a file, a directory (read recursively) or - for standard
    input.  Formats: HTML pages, saved page text, and article records in
    JSON, JSONL or CSV (field names set in the [records] config section).
    One bad page never stops the batch: it is reported with its reason.
    Ingesting the same page again changes nothing; a changed page is updated
    and its previous version kept.
    """
    from .ingest import extract_all, ingest as run_ingest
    from .inputs import count_inputs
    from .pipeline import Extractor

    extractor = Extractor(ctx.obj["config"])
    fmt_e = InputFormat(fmt) if fmt else None
    show_bar = not quiet and err.is_terminal

    def emit(result: Article | Rejection, outcome: str | None) -> None:
        if as_json:
            if isinstance(result, Article):
                obj = result.to_json()
                if outcome:
                    obj["stored"] = outcome
            else:
                obj = {"rejected": True, "source": result.source, "reason": result.reason, "detail": result.detail}
            _json_line(obj)

    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not show_bar,
    ) as progress:
        total = count_inputs(list(paths)) if show_bar else None
        task = progress.add_task("ingesting", total=total)

        def on_item(result: Article | Rejection, outcome: str | None) -> None:
            if isinstance(result, Rejection) or "#" not in result.source or result.source.endswith("#0"):
                progress.advance(task)
            emit(result, outcome)

        if no_store:
            counts = {"extracted": 0, "rejected": 0}
            rejected: list[Rejection] = []
            for r in extract_all(list(paths), extractor, fmt_e, workers=workers):
                counts["rejected" if isinstance(r, Rejection) else "extracted"] += 1
                if isinstance(r, Rejection):
                    rejected.append(r)
                on_item(r, None)
            _print_rejections(rejected)
            err.print(f"extracted {counts['extracted']}, rejected {counts['rejected']} (nothing stored: --no-store)")
            return
        with _open(ctx, db) as store:
            try:
                summary = run_ingest(list(paths), store, extractor, fmt=fmt_e, on_item=on_item, workers=workers)
            except KeyboardInterrupt:
                err.print("[yellow]interrupted:[/] every article stored so far is complete; run the same command again to finish.")
                sys.exit(130)
            location = getattr(store, "location", db)
    _print_rejections(summary.rejected)
    _print_coding_errors(summary.coding_errors)
    err.print(
        f"[bold]{summary.new}[/] new, [bold]{summary.updated}[/] updated, [bold]{summary.unchanged}[/] unchanged, "
        f"[bold]{len(summary.rejected)}[/] rejected  → {escape(str(location))}"
    )
    err.print(_coded_line(summary))
    _print_corpus(summary)


def _coded_line(summary: Any) -> str:
    """What coding stored: events, claims and failures (an ``IngestSummary``)."""
    failed = f", [yellow]{len(summary.coding_errors)} coding failure(s)[/]" if summary.coding_errors else ""
    return f"[bold]{summary.events}[/] events, [bold]{summary.claims}[/] claims stored{failed}"


def _corpus_line(summary: Any) -> str:
    """What the corpus stages did in a run: copies, stories, merged events, conflicts."""
    c = summary.corpus
    return (
        f"[bold]{c.get('duplicates', 0)}[/] copies found, [bold]{c.get('stories_new', 0)}[/] new stories, "
        f"[bold]{c.get('stories_joined', 0)}[/] articles joined a story, "
        f"[bold]{c.get('happenings', 0)}[/] events merged, [bold]{c.get('conflicts', 0)}[/] conflicts"
    )


def _print_corpus(summary: Any) -> None:
    if not summary.corpus and not summary.corpus_errors:
        return
    err.print(_corpus_line(summary))
    errors = summary.corpus_errors
    if errors:
        err.print(f"[yellow]{len(errors)} corpus failure(s):[/] these articles are stored without the stage named")
        for e in errors[:50]:
            err.print(f"  [yellow]{e.stage}[/] {escape(e.source)} ({escape(e.article_id[:10])}): {escape(e.detail)}")
        if len(errors) > 50:
            err.print(f"  … and {len(errors) - 50} more")


def _print_coding_errors(errors: list[Any]) -> None:
    if not errors:
        return
    err.print(f"[yellow]{len(errors)} coding failure(s):[/] these articles are stored without the part named")
    for e in errors[:50]:
        err.print(f"  [yellow]{e.stage}[/] {escape(e.source)} ({escape(e.article_id[:10])}): {escape(e.detail)}")
    if len(errors) > 50:
        err.print(f"  … and {len(errors) - 50} more")


def _print_rejections(rejected: list[Rejection]) -> None:
    if not rejected:
        return
    err.print(f"[yellow]{len(rejected)} rejected:[/]")
    for r in rejected[:50]:
        err.print(f"  [yellow]{escape(r.reason)}[/] {escape(r.source)}: {escape(r.detail)}")
    if len(rejected) > 50:
        err.print(f"  … and {len(rejected) - 50} more (see `ghotona runs`)")


# --------------------------------------------------------------------------- browse
def _print_article_line(a: Article) -> None:
    """Two lines an article: readable at any terminal width, unlike a folded table."""
    when = _fmt_dt(a.published or a.updated) + ("" if a.published or not a.updated else " (upd.)")
    out.print(f"[bold]{when}[/]  [green]{escape(a.outlet or 'unknown outlet')}[/]  [dim]\\[{a.language}][/]  {escape(a.title or '(untitled)')}")
    notes = [escape(f"id {a.id[:10]}")]  # markup-safe from here on
    if a.wire_sources:
        notes.append(escape("cites " + ", ".join(a.wire_sources)))
    if a.desk or a.byline:
        notes.append(escape(" / ".join(x for x in (a.byline, a.desk) if x)))
    if a.republished:
        notes.append("[yellow]old article re-served on a later page[/]")
    out.print("    [dim]" + " · ".join(notes) + "[/]")


def _fmt_dt(d: Any) -> str:
    return d.strftime("%Y-%m-%d %H:%M") if d else "—"


@main.command()
@_db_option
@click.option("--outlet", help="Only this outlet (id or name).")
@click.option("--language", help="Only this language code, e.g. bn or en.")
@click.option("--limit", default=50, show_default=True, help="How many to list.")
@click.option("--offset", default=0, help="Skip this many (for paging).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
@click.pass_context
def articles(ctx: click.Context, db: str | None, outlet: str | None, language: str | None, limit: int, offset: int, as_json: bool) -> None:
    """List stored articles, newest first."""
    with _open(ctx, db) as store:
        items = store.list_articles(limit=limit, offset=offset, outlet=outlet, language=language)
        total = store.count_articles(outlet=outlet, language=language)
    if as_json:
        for a in items:
            _json_line(a.to_json())
        return
    if not items:
        err.print("no articles stored yet: try `ghotona demo` or `ghotona ingest PATH`")
        return
    shown = f", showing {offset + 1}–{offset + len(items)}" if total > len(items) else ""
    out.print(f"[bold]{total} article(s)[/]{shown}\n")
    for a in items:
        _print_article_line(a)


@main.command()
@click.argument("article_id", metavar="ID")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Everything, including sentences with offsets and removed lines.")
@click.option("--removed", is_flag=True, help="Also list the lines removed as boilerplate, with reasons.")
@click.option("--timex", "show_timex", is_flag=True, help="Also list the time expressions in the text and what they resolve to.")
@click.option("--events", "show_events", is_flag=True, help="Also list the article's stored events and claims.")
@click.pass_context
def show(ctx: click.Context, article_id: str, db: str | None, as_json: bool, removed: bool, show_timex: bool, show_events: bool) -> None:
    """Show one article (ID or a unique prefix of 6+ characters)."""
    with _open(ctx, db) as store:
        a = store.get_article(article_id)
        history = store.history(a.id)
        if show_events:
            stored_events = store.events(article_id=a.id, limit=store.count_events(article_id=a.id) or 1)
            stored_claims = store.claims(article_id=a.id, limit=store.count_claims(article_id=a.id) or 1)
    if as_json:
        d = a.detail_json()
        d["history"] = history
        if show_events:
            d["events"] = stored_events
            d["claims"] = stored_claims
        out.print(json.dumps(d, ensure_ascii=False, indent=2), markup=False)
        return
    out.print(f"[bold]{escape(a.title or '(untitled)')}[/]")
    meta = [
        ("id", a.id), ("outlet", a.outlet or "unknown"), ("url", a.url or "—"),
        ("published", _fmt_dt(a.published)), ("updated", _fmt_dt(a.updated)),
        ("page date", a.page_date.date().isoformat() if a.page_date else "—"),
        ("desk", a.desk or "—"), ("byline", a.byline or "—"),
        ("sources cited", ", ".join(a.wire_sources) or "—"), ("language", f"{a.language} ({a.language_score:.2f})"),
        ("sign-off", a.signoff or "—"), ("versions", str(len(history))),
    ]
    for k, v in meta:
        out.print(f"[dim]{k:>14}[/]  {escape(str(v))}")
    if a.republished:
        out.print("[yellow]  this is an old article served again under a later page date[/]")
    for w in a.warnings:
        out.print(f"[yellow]{'warning':>14}[/]  {escape(w)}")
    out.print()
    for p in a.paragraphs:
        out.print(escape(p.text))
        out.print()
    if show_timex:
        anchor = (a.published or a.updated).isoformat() if (a.published or a.updated) else "none"
        out.print(f"[dim]time expressions ({len(a.time_expressions)}), resolved against {anchor}:[/]")
        for t in a.time_expressions:
            value = t.value if t.value is not None else f"unresolved ({t.reason})"
            out.print(f"[dim]  {t.start:>5}[/] {escape(t.text)} → [green]{escape(str(value))}[/] [dim]{t.granularity or ''} {escape(t.rule)}[/]")
    if removed and a.removed:
        out.print(f"[dim]removed as boilerplate ({len(a.removed)} lines):[/]")
        for r in a.removed:
            out.print(f"[dim]  {r.reason:<18}[/] {escape(r.text[:100])}")
    if show_events:
        hint = "" if a.language == "bn" else f" (only Bengali articles are coded; this one is {a.language})"
        out.print(f"[dim]events ({len(stored_events)}){hint}:[/]")
        for e in stored_events:
            _print_event(e, evidence=True)
        out.print(f"[dim]claims ({len(stored_claims)}):[/]")
        if stored_claims:
            out.print(_claims_table(stored_claims))


@main.command()
@click.argument("query", nargs=-1, required=True)
@_db_option
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], db: str | None, limit: int, as_json: bool) -> None:
    """Full-text search over titles and bodies.

    Each word also matches its inflected forms (পুতিন finds পুতিনের);
    "quoted words" match exactly; every word must match.
    """
    q = " ".join(query)
    with _open(ctx, db) as store:
        hits = store.search(q, limit=limit)
    if as_json:
        for h in hits:
            _json_line({"id": h.id, "title": h.title, "outlet": h.outlet, "published": h.published.isoformat() if h.published else None, "snippet": h.plain(), "highlights": h.highlights(), "rank": h.rank})
        return
    if not hits:
        err.print(f"no match for {escape(repr(q))}")
        return
    for h in hits:
        out.print(f"[cyan]{h.id[:10]}[/]  {_fmt_dt(h.published)}  [bold]{escape(h.title or '')}[/]  [dim]{escape(h.outlet or '')}[/]")
        out.print(Text("            ").append_text(_highlight(h)))


def _highlight(hit: Any) -> Text:
    """The snippet with matched words highlighted; page text is never read as markup."""
    text = Text(hit.plain())
    for start, end in hit.highlights():
        text.stylize("bold yellow", start, end)
    return text


@main.command()
@_db_option
@click.option("--limit", default=10, show_default=True)
@click.pass_context
def runs(ctx: click.Context, db: str | None, limit: int) -> None:
    """The ingest run log: what each run stored and rejected, and why."""
    with _open(ctx, db) as store:
        rows = store.runs(limit)
    for r in rows:
        c = r["counts"] or {}
        out.print(
            f"run {r['id']}  {r['started']}  {r['kind']}  new {c.get('new', 0)}, updated {c.get('updated', 0)}, "
            f"unchanged {c.get('unchanged', 0)}, rejected {c.get('rejected', 0)}"
            + ("  [yellow](interrupted)[/]" if c.get("interrupted") else "")
        )
        for reason, n in (r.get("rejections_by_reason") or {}).items():
            out.print(f"    {n} × {escape(reason)}")


# --------------------------------------------------------------------------- demo
@main.command(short_help="Ingest the bundled demo pages into ./ghotona-demo.db and summarise them.")
@click.option("--db", default="ghotona-demo.db", show_default=True, help="Demo store; recreated on every run.")
@click.pass_context
def demo(ctx: click.Context, db: str) -> None:
    """Ingest the bundled demo pages into a fresh store and summarise them."""
    from .ingest import ingest as run_ingest
    from .pipeline import Extractor
    from .store import open_store

    from .demo import pages_dir, reset_demo_store, with_demo_outlets

    path = Path(db)
    reset_demo_store(path)

    extractor = Extractor(with_demo_outlets(ctx.obj["config"]))
    pages = pages_dir()
    with open_store(str(path)) as store:
        summary = run_ingest([str(pages)], store, extractor, run_kind="demo")
        items = store.list_articles(limit=100)
    out.print(
        f"[bold]ghotona demo[/]: {len(list(pages.iterdir()))} bundled pages → {summary.new} new articles "
        f"in {escape(str(path))} ({len(summary.rejected)} rejected), "
        f"with {summary.events} events and {summary.claims} claims\n"
    )
    _print_rejections(summary.rejected)
    _print_coding_errors(summary.coding_errors)
    for a in items:
        _print_article_line(a)
    with open_store(str(path)) as store:
        n_stories, n_multi = store.count_stories(), store.count_stories(min_articles=2)
        n_threads, n_copies = store.count_threads(min_stories=2), store.count_duplicates()
    out.print(
        f"\n[bold]{n_stories}[/] stories ({n_multi} reported by more than one article), "
        f"[bold]{n_threads}[/] threads linking several stories, [bold]{n_copies}[/] copies of other articles"
    )
    where = escape(str(path))
    out.print(f"\nNext: [cyan]ghotona show {items[0].id[:10] if items else 'ID'} --db {where} --events[/]  or  "
              f"[cyan]ghotona search পুতিন --db {where}[/]  or  [cyan]ghotona events --db {where} --type CONSULT[/]  or  "
              f"[cyan]ghotona stories --db {where}[/]")


# --------------------------------------------------------------------------- corpus
def _article_sources(store: Any, article_id: str, wire: list[str]) -> list[str]:
    """Whom an article cites: its wire services, then the sources its events name."""
    names = list(dict.fromkeys(wire))
    for e in store.events(article_id=article_id, limit=1000):
        for s in (e.get("attribution") or {}).get("sources") or []:
            name = s.get("name_en") or s.get("text")
            if name and name not in names:
                names.append(name)
    return names


def _story_events(store: Any, article_ids: list[str]) -> list[dict[str, Any]]:
    """The happenings (merged events) a story's articles report, most reported first; stored events when none."""
    found: dict[str, dict[str, Any]] = {}
    plain: list[dict[str, Any]] = []
    for aid in article_ids:
        for e in store.events(article_id=aid, limit=1000):
            if e.get("status") not in ("occurred", "planned"):
                continue
            h = store.happening_of_event(e["id"]) if hasattr(store, "happening_of_event") else None
            if h is not None:
                found.setdefault(h["id"], h)
            else:
                plain.append(e)

    def who(parts: list[dict[str, Any]] | None) -> list[str]:
        return [p.get("name_en") or p.get("text") or p.get("id") or "?" for p in parts or []]

    out = [
        {"happening": h["id"], "event": h.get("event"), "mode": h.get("mode"), "status": h.get("status"),
         "date": h.get("date"), "actor": who(h.get("actor")), "recipient": who(h.get("recipient")),
         "articles": len(h.get("articles") or []), "outlets": list(h.get("outlets") or []),
         "sources": list(h.get("sources") or [])}
        for h in found.values()
    ]
    out.sort(key=lambda h: (-h["articles"], h["date"] or ""))
    out += [
        {"happening": None, "event": e.get("event"), "mode": e.get("mode"), "status": e.get("status"),
         "date": e.get("date"), "actor": who(e.get("actor")), "recipient": who(e.get("recipient")),
         "articles": 1, "outlets": [], "sources": []}
        for e in plain
    ]
    return out


def _story_json(store: Any, row: Any, *, events: bool = True) -> dict[str, Any]:
    arts = store.story_articles(row.id)
    thread = store.get_thread(row.thread_id)
    obj: dict[str, Any] = {
        "id": row.id, "title": row.title, "first": row.first, "last": row.last, "n_articles": row.n_articles,
        "thread": {"id": thread.id, "title": thread.title, "n_stories": thread.n_stories},
        "articles": [
            {"id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title,
             "published": a.published.isoformat() if a.published else None,
             "sources": _article_sources(store, a.id, a.wire_sources), "via": a.via, "score": round(a.score, 3),
             "duplicate_of": (store.duplicate_of(a.id).original_id
                              if hasattr(store, "duplicate_of") and store.duplicate_of(a.id) else None)}
            for a in arts
        ],
    }
    if events:
        obj["events"] = _story_events(store, [a.id for a in arts])
    return obj


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last else f"{first} … {last}"


@main.group(short_help="Corpus-wide passes over the stored articles (rebuild copies, stories and threads).")
def corpus() -> None:
    """Corpus-wide passes over the stored articles."""


@corpus.command("rebuild")
@_db_option
@click.option("--workers", "-j", default=2, show_default=True, type=click.IntRange(1, 2),
              help="2: duplicates in this process while a second one assigns stories and threads.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article: its original (if a copy) and its story.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def corpus_rebuild(ctx: click.Context, db: str | None, workers: int, as_json: bool, quiet: bool) -> None:
    """Find the copies, stories and threads of every stored article again.

    Forgets the stored duplicate links, stories and threads, then reads the
    articles oldest first, as if ingested in that order, and runs duplicate
    detection and story assignment on them (after changing [corpus] dup_*
    or [stories] settings, or after importing a store).  With --workers 2
    the two stages run at the same time on two cores; the result is the
    same as with 1.  Event merging and conflicts are not touched.

      ghotona corpus rebuild --db news.db
    """
    from .corpus.parallel import rebuild

    counts = {"articles": 0, "copies": 0, "stories_new": 0, "stories_joined": 0}
    errors: list[Any] = []
    with _open(ctx, db) as store:
        total = store.count_articles()
        with Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, transient=True, disable=quiet or not err.is_terminal,
        ) as progress:
            task = progress.add_task("rebuilding", total=total)
            try:
                for o in rebuild(store, ctx.obj["config"], workers=workers):
                    counts["articles"] += 1
                    counts["copies"] += o.duplicate_of is not None
                    if o.story is not None:
                        counts["stories_new" if o.story.new else "stories_joined"] += 1
                    errors.extend(o.errors)
                    progress.advance(task)
                    if as_json:
                        _json_line({
                            "id": o.article_id, "original": o.duplicate_of, "method": o.duplicate_method,
                            "story": o.story.story_id if o.story else None,
                            "thread": o.story.thread_id if o.story else None,
                            "errors": [e.stage + ": " + e.detail for e in o.errors],
                        })
            except ValueError as exc:
                raise click.UsageError(str(exc)) from None
            except KeyboardInterrupt:
                err.print("[yellow]interrupted:[/] the stories are incomplete; run the same command again.")
                sys.exit(130)
    for e in errors[:20]:
        err.print(f"[yellow]{escape(e.stage)} failed[/] for {escape(e.article_id[:10])}: {escape(e.detail)}")
    err.print(
        f"[bold]{counts['articles']}[/] articles: [bold]{counts['copies']}[/] copies found, "
        f"[bold]{counts['stories_new']}[/] stories, [bold]{counts['stories_joined']}[/] articles joined one"
        + (f", [yellow]{len(errors)} failure(s)[/]" if errors else "")
    )


@main.command()
@_db_option
@click.option("--original", metavar="ID", help="Only the copies of this article.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="How many to list.")
@click.option("--offset", default=0, type=click.IntRange(0), help="Skip this many (for paging).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per copy.")
@click.pass_context
def duplicates(ctx: click.Context, db: str | None, original: str | None, limit: int, offset: int, as_json: bool) -> None:
    """Articles that copy another (syndicated, re-published, lightly edited), newest found first.

    A copy keeps its own outlet and URL and points at its original (the
    earliest published).  Ingest finds them; this lists what it found.
    """
    with _open(ctx, db) as store:
        if original:
            original = store.get_article(original).id
        rows = store.duplicates(limit, offset, original_id=original)
        total = store.count_duplicates(original_id=original)
    if as_json:
        for r in rows:
            _json_line({
                "id": r.article_id, "outlet": r.outlet, "url": r.url, "title": r.title,
                "original": {"id": r.original_id, "outlet": r.original_outlet, "url": r.original_url,
                             "title": r.original_title},
                "jaccard": round(r.jaccard, 4), "method": r.method,
            })
        return
    if not rows:
        out.print("no copies found" + (" of that article" if original else "; ingest more pages, or see `ghotona stories`"))
        return
    for r in rows:
        out.print(
            f"[bold]{escape(r.article_id[:10])}[/] {escape(r.outlet or '?')}: {escape((r.title or '')[:60])}\n"
            f"   {r.method} copy (Jaccard {r.jaccard:.2f}) of [bold]{escape(r.original_id[:10])}[/] "
            f"{escape(r.original_outlet or '?')}: {escape((r.original_title or '')[:60])}"
        )
    out.print(f"\n{len(rows)} of {total} copies")


@main.command()
@_db_option
@click.option("--thread", "thread_id", type=int, metavar="N", help="Only the stories of this thread.")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(1), help="Only stories with at least this many articles.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="How many to list.")
@click.option("--offset", default=0, type=click.IntRange(0), help="Skip this many (for paging).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story: its articles (ids, URLs, outlets, cited sources), events and thread.")
@click.pass_context
def stories(ctx: click.Context, db: str | None, thread_id: int | None, min_articles: int, limit: int, offset: int, as_json: bool) -> None:
    """Stories: the articles about one happening, newest first.

    Ingest puts every article into a story (joining the most similar open
    one, or starting its own) and links stories into threads.  See one with
    `ghotona story ID`.
    """
    with _open(ctx, db) as store:
        rows = store.stories(thread_id=thread_id, min_articles=min_articles, limit=limit, offset=offset)
        total = store.count_stories(thread_id=thread_id, min_articles=min_articles)
        if as_json:
            for r in rows:
                _json_line(_story_json(store, r))
            return
        if not rows:
            out.print("no stories yet; ingest pages first (`ghotona ingest PAGES/`)")
            return
        for r in rows:
            arts = store.story_articles(r.id)
            outlets = ", ".join(dict.fromkeys(a.outlet or "?" for a in arts))
            out.print(
                f"[bold cyan]story {r.id}[/] [dim]thread {r.thread_id} · {_span(r.first, r.last)} · "
                f"{r.n_articles} article(s)[/]  {escape((r.title or '')[:70])}\n   [dim]{escape(outlets)}[/]"
            )
    out.print(f"\n{len(rows)} of {total} stories" + (f" in thread {thread_id}" if thread_id is not None else ""))


@main.command()
@click.argument("story_id", type=int, metavar="ID")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="The story as one JSON object.")
@click.pass_context
def story(ctx: click.Context, story_id: int, db: str | None, as_json: bool) -> None:
    """One story: its articles with outlets, URLs and cited sources, its events, its thread."""
    with _open(ctx, db) as store:
        obj = _story_json(store, store.get_story(story_id))
        siblings = [s for s in store.stories(thread_id=obj["thread"]["id"], limit=20) if s.id != story_id]
    if as_json:
        _json_line(obj)
        return
    out.print(f"[bold cyan]story {obj['id']}[/]  {escape(obj['title'] or '')}")
    out.print(f"[dim]{_span(obj['first'], obj['last'])} · {obj['n_articles']} article(s)[/]\n")
    for a in obj["articles"]:
        copy = f" [yellow]copy of {escape(a['duplicate_of'][:10])}[/]" if a["duplicate_of"] else ""
        out.print(f"  [bold]{escape(a['id'][:10])}[/] {escape(a['outlet'] or '?')} · {escape((a['published'] or 'undated')[:16])}{copy}")
        out.print(f"     {escape(a['title'] or '')}")
        if a["url"]:
            out.print(f"     [dim]{escape(a['url'])}[/]")
        if a["sources"]:
            out.print(f"     cites: {escape(', '.join(a['sources']))}")
    if obj["events"]:
        out.print("\n[bold]events[/]")
        for e in obj["events"][:30]:
            who = " → ".join(filter(None, [", ".join(e["actor"]), ", ".join(e["recipient"])]))
            n = f" · {e['articles']} article(s), {', '.join(e['outlets'])}" if e["happening"] else ""
            out.print(f"  {e['event']}{'/' + e['mode'] if e['mode'] else ''} [dim]{e['status']} {e['date'] or ''}[/] {escape(who)}{escape(n)}")
    t = obj["thread"]
    out.print(f"\n[bold]thread {t['id']}[/] ({t['n_stories']} stor{'y' if t['n_stories'] == 1 else 'ies'})")
    for s in siblings:
        out.print(f"  story {s.id} · {_span(s.first, s.last)} · {escape((s.title or '')[:70])}")


@main.command()
@_db_option
@click.option("--min-stories", default=1, show_default=True, type=click.IntRange(1), help="Only threads with at least this many stories.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="How many to list.")
@click.option("--offset", default=0, type=click.IntRange(0), help="Skip this many (for paging).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per thread, with its stories.")
@click.pass_context
def threads(ctx: click.Context, db: str | None, min_stories: int, limit: int, offset: int, as_json: bool) -> None:
    """Threads: stories linked over time (the legs of a trip, an attack then the reactions), newest first."""
    with _open(ctx, db) as store:
        rows = store.threads(min_stories=min_stories, limit=limit, offset=offset)
        total = store.count_threads(min_stories=min_stories)
        listed = [(t, store.stories(thread_id=t.id, limit=100)) for t in rows]
    if as_json:
        for t, ss in listed:
            _json_line({"id": t.id, "title": t.title, "first": t.first, "last": t.last, "n_stories": t.n_stories,
                        "n_articles": t.n_articles,
                        "stories": [{"id": s.id, "title": s.title, "first": s.first, "last": s.last,
                                     "n_articles": s.n_articles} for s in ss]})
        return
    if not rows:
        out.print("no threads yet; ingest pages first (`ghotona ingest PAGES/`)")
        return
    for t, ss in listed:
        out.print(f"[bold cyan]thread {t.id}[/] [dim]{_span(t.first, t.last)} · {t.n_stories} stor{'y' if t.n_stories == 1 else 'ies'}, {t.n_articles} article(s)[/]")
        for s in sorted(ss, key=lambda s: (s.first or "9999", s.id)):
            out.print(f"   story {s.id} · {_span(s.first, s.last)} · {s.n_articles} · {escape((s.title or '')[:70])}")
    out.print(f"\n{len(rows)} of {total} threads")


@main.command()
@_db_option
@click.option("--counted", metavar="WHAT", help="Only conflicts about this (killed, injured, troops, ...).")
@click.option("--article", "article_id", metavar="ID", help="Only conflicts involving this article.")
@click.option("--kind", type=click.Choice(["quantity", "date"]),
              help="Only figures that disagree (quantity) or dates of one happening that differ (date).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="How many to list.")
@click.option("--offset", default=0, type=click.IntRange(0), help="Skip this many (for paging).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per conflict, both sides with value or date, bound, outlet, claimant and evidence.")
@click.pass_context
def conflicts(ctx: click.Context, db: str | None, counted: str | None, article_id: str | None, kind: str | None,
              limit: int, offset: int, as_json: bool) -> None:
    """Figures (and dates) that disagree across outlets, both sides shown with who published and whom they cite.

    \b
    quantity: about 600 killed per Seoul against over 6,000 per London.
    date:     one report dates a visit to last November, another only to
              last year (level less-precise), or to dates that cannot both
              hold (level disagree).
    """
    with _open(ctx, db) as store:
        if article_id:
            article_id = store.get_article(article_id).id
        rows = store.conflicts(article_id=article_id, counted=counted, kind=kind, limit=limit, offset=offset)
        total = store.count_conflicts(article_id=article_id, counted=counted, kind=kind)
    if as_json:
        for c in rows:
            _json_line(c)
        return
    if not rows:
        out.print("no conflicting figures or dates found" + ("" if counted or article_id or kind else "; ingest more pages"))
        return
    for c in rows:
        if c.get("kind") == "date":
            level = "cannot both hold" if c.get("level") == "disagree" else "one report is less precise"
            out.print(f"[bold cyan]date[/] [dim]({level}; happening {escape(c.get('happening') or '?')})[/]")
        else:
            out.print(f"[bold cyan]{escape(c['counted'])}[/] [dim]({escape(c['unit'])}; figures {c['ratio']}x apart)[/]")
        for s in c["sides"]:
            per = f" per {s['claimant']}" if s.get("claimant") else ""
            out.print(f"   [bold]{escape(s['text'])}[/]{escape(per)} · {escape(s.get('outlet') or '?')} "
                      f"[dim]{escape((s.get('published') or '')[:10])} {escape(s['article_id'][:10])}[/]")
            out.print(f"      [dim]{escape((s.get('evidence') or '')[:160])}[/]")
    out.print(f"\n{len(rows)} of {total} conflicts")


# --------------------------------------------------------------------------- serve, export
@main.command(short_help="Serve the web interface and the HTTP API (read-only unless --allow-writes).")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (the default is this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--allow-writes", is_flag=True, help="Also accept POST /api/ingest (page bodies into the store). Off by default.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes. SQLite readers scale with processes, not threads: use up to one per core.")
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int, allow_writes: bool, workers: int) -> None:
    """Browse the store in a web browser: timeline, stories, actors, articles, search.

    \b
    The same server answers the JSON API under /api/ (OpenAPI at
    /openapi.json; see docs/api.md).  Everything is served from this
    machine: no fonts or scripts are fetched from elsewhere.
    \b
    Examples:
      ghotona demo && ghotona serve --db ghotona-demo.db
      ghotona serve --db news.db --port 8080
      ghotona serve --db news.db --workers 2
    """
    import uvicorn

    from .api import create_app

    cfg = ctx.obj["config"]
    target = db or str(cfg["store"]["path"])
    app = create_app(target, allow_writes=allow_writes, config=cfg)  # checks the store before forking
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]note:[/] listening on {escape(host)}: other machines can read this store")
    err.print(f"ghotona: serving {escape(target)} at [cyan]http://{escape(host)}:{port}/[/]"
              + (" [yellow](writes allowed)[/]" if allow_writes else " (read-only)")
              + (f", {workers} processes" if workers > 1 else "") + "; Ctrl+C stops")
    if workers > 1:
        from .api.app import serve_workers

        serve_workers(host, port, workers, {"db": target, "allow_writes": allow_writes, "config": cfg})
    else:
        uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command(short_help="Write the stored events, articles, claims or stories as JSONL, CSV or Parquet.")
@_db_option
@click.option("--kind", default="events", show_default=True, type=click.Choice(["events", "articles", "claims", "stories"]), help="What to export.")
@click.option("--format", "fmt", default="jsonl", show_default=True, type=click.Choice(["jsonl", "csv", "parquet"]), help="File format (parquet needs the 'parquet' extra).")
@click.option("-o", "--output", metavar="FILE", help="Write here instead of standard output (required for parquet).")
@click.pass_context
def export(ctx: click.Context, db: str | None, kind: str, fmt: str, output: str | None) -> None:
    """Export the store: events as PLOVER-style records with the CAMEO crosswalk, or articles, claims, stories.

    \b
    JSONL keeps each record whole; CSV and Parquet get one flat row per
    record (see docs/api.md, "Exports").  The API's /api/export gives the
    same files.
    \b
    Examples:
      ghotona export --db news.db > events.jsonl
      ghotona export --db news.db --kind claims --format csv -o claims.csv
      ghotona export --db news.db --format parquet -o events.parquet
    """
    from .export import check, export as run_export

    check(kind, fmt)
    if fmt == "parquet" and not output:
        raise click.UsageError("Parquet is binary: give a file with -o FILE")
    with _open(ctx, db) as store:
        if output:
            tmp = Path(output + ".part")
            try:
                with tmp.open("wb") as fh:
                    n = run_export(store, kind, fmt, fh)
                tmp.replace(output)  # no half-written file under the real name
            finally:
                tmp.unlink(missing_ok=True)
        else:
            n = run_export(store, kind, fmt, sys.stdout.buffer)
            sys.stdout.flush()
    err.print(f"{n} {kind} exported" + (f" to {escape(output)}" if output else ""))


# --------------------------------------------------------------------------- evaluate
@main.group()
def evaluate() -> None:
    """Measure quality on a reference set."""


@evaluate.command("extraction")
@click.argument("refset", type=click.Path(exists=True), metavar="REFSET")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option("--baseline/--no-baseline", default=True, show_default=True, help="Also run trafilatura alone on the HTML pages.")
@click.pass_context
def evaluate_extraction(ctx: click.Context, refset: str, as_json: bool, baseline: bool) -> None:
    """Per-field accuracy and body precision/recall/F1 on REFSET (a YAML file or folder)."""
    from .evaluate.extraction import evaluate as run_eval
    from .evaluate.extraction import render, to_json, trafilatura_baseline

    report = run_eval(Path(refset), ctx.obj["config"])
    base = trafilatura_baseline(Path(refset)) if baseline else None
    if base is not None and not base.pages:
        base = None
    out.print(to_json(report, base) if as_json else escape(render(report, base)), markup=not as_json)
    if report.pages and all(p.rejected for p in report.pages):
        err.print("[red]no page of the reference set could be read or extracted[/]: see the reasons above "
                  "(pages named shared:… are read from the shared folder beside the repository, or $GHOTONA_SHARED)")
        sys.exit(2)


@evaluate.command("timex")
@click.argument("refset", type=click.Path(exists=True), metavar="REFSET")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option("--errors", "n_errors", default=40, show_default=True, help="How many errors to list (0: all).")
def evaluate_timex(refset: str, as_json: bool, n_errors: int) -> None:
    """Recognition P/R/F1 and resolution accuracy by class on REFSET (a YAML file or folder)."""
    from .evaluate.timex import errors, load_items, render, run, score, to_json

    try:
        items = load_items(Path(refset))
    except (FileNotFoundError, ValueError) as exc:
        raise GhotonaError(f"cannot read the reference set: {exc}") from None
    outcomes = run(items)
    result = score(outcomes)
    errs = errors(outcomes, n_errors)
    # The shared table of real date strings, when it is beside the repository.
    from datetime import datetime as _dt

    from .evaluate.extraction import shared_dir
    from .evaluate.timex import evaluate_dates_tsv

    tsv = shared_dir() / "data" / "dates" / "bengali_date_strings_expected.tsv"
    if tsv.is_file():
        result["shared_date_strings"] = evaluate_dates_tsv(tsv, _dt.fromisoformat("2025-06-01T12:00:00+06:00"))
    if as_json:
        out.print(to_json(result, errs), markup=False)
        return
    out.print(escape(render(result, errs)))
    if "shared_date_strings" in result:
        d = result["shared_date_strings"]
        out.print(f"\nshared date strings ({escape(str(tsv.name))}): found {d['found']}/{d['rows']}, every given field right {d['fields_right']}/{d['rows']}")
        for m in d["misses"]:
            out.print(f"  miss: {escape(m)}")


@evaluate.command("ner")
@click.argument("path", type=click.Path(exists=True, dir_okay=False), metavar="FILE", required=False)
@click.option("--heldout", is_flag=True, help="Score the held-out splits of the shared NER corpora instead of FILE.")
@click.option("--style", default=None, help="Tag FILE in one training corpus's annotation style (banglakit or rifat; default: none, names only).")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
def evaluate_ner(path: str | None, heldout: bool, style: str | None, as_json: bool) -> None:
    """Per-type and micro P/R/F1 of the NER tagger on FILE (token<TAB>label lines, BIO or BILOU).

    Labels PER/PERSON, ORG and LOC/GPE are scored; other labels count as O.
    With --heldout, the held-out splits of ../shared/data/ner are rebuilt
    and scored, each corpus on its own and in its own annotation style,
    then in the default style, beside a dictionary-only baseline; banglakit
    also with the labels each of two annotators corrected by hand
    (eval/refset/ner), side by side, with the annotators' agreement.
    """
    from .evaluate import ner as ner_eval

    if not path and not heldout:
        raise click.UsageError("give a FILE of token<TAB>label lines, or --heldout")
    try:
        results = ner_eval.report(path=Path(path) if path else None, heldout=heldout, style=style)
    except ValueError as exc:  # an unknown style
        raise click.UsageError(str(exc)) from None
    if as_json:
        out.print(json.dumps(results, ensure_ascii=False, indent=2), markup=False)
        return
    out.print(escape(ner_eval.render(results)))


@evaluate.command("stories")
@click.argument("refset", type=click.Path(exists=True, file_okay=False), metavar="GOLD")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list the dev stories split or merged wrongly.")
@click.option("--annotator", type=click.Choice(["a", "b"]), default="a", show_default=True,
              help="Whose labels to score against: a (the reference labels) or b (a second, blind annotation).")
@click.option("--agreement", is_flag=True,
              help="No system run: score annotator b's labels against a's (how far two readers of the guideline agree).")
@click.pass_context
def evaluate_stories(ctx: click.Context, refset: str, as_json: bool, show_errors: bool, annotator: str,
                     agreement: bool) -> None:
    """Story and thread B-cubed P/R/F1 against the labels in GOLD (eval/refset/stories).

    Ingests the labelled texts from ../shared into a temporary store (about
    half a minute) and scores each label set and split; tune on dev only.
    With --agreement, compares the two annotators' labels instead (P: the
    share of b's story that a puts together; R the reverse).
    """
    from .evaluate.stories import agreement as label_agreement
    from .evaluate.stories import evaluate as run_stories
    from .evaluate.stories import load_labels, render

    try:
        if agreement:
            result = label_agreement(load_labels(Path(refset)), load_labels(Path(refset), annotator="b"))
        else:
            result = run_stories(Path(refset), ctx.obj["config"], annotator=annotator)
    except (FileNotFoundError, ValueError, KeyError) as exc:
        raise GhotonaError(f"cannot read the story labels: {exc}") from None
    counts = result.pop("_counts", None)
    if counts and not as_json:
        out.print(f"{counts['both']} articles labelled by both; only a: {counts['only_first']}, "
                  f"only b: {counts['only_second']}")
    errors = result.pop("_errors", [])
    if as_json:
        out.print(json.dumps({**result, **({"counts": counts} if counts else {})}, ensure_ascii=False, indent=1),
                  markup=False)
        return
    out.print(escape(render(result)))
    if show_errors:
        for line in errors:
            out.print(escape(line))


@evaluate.command("linking")
@click.argument("refset", type=click.Path(exists=True), metavar="REFSET")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option("--no-ner", is_flag=True, help="Dictionary only: leave names the dictionary lacks unfound.")
@click.option("--errors", "n_errors", default=40, show_default=True, help="How many errors to list (0: all).")
def evaluate_linking(refset: str, as_json: bool, no_ner: bool, n_errors: int) -> None:
    """Actor linking precision/recall on REFSET (a YAML file or folder)."""
    from .evaluate.linking import evaluate as run_linking
    from .evaluate.linking import load_items, render, to_json

    try:
        items = load_items(Path(refset))
    except (FileNotFoundError, ValueError) as exc:
        raise GhotonaError(f"cannot read the reference set: {exc}") from None
    result = run_linking(items, ner=not no_ner)
    out.print(to_json(result) if as_json else escape(render(result, n_errors)), markup=not as_json)


@evaluate.command("claims")
@click.argument("gold", type=click.Path(exists=True), metavar="GOLD")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option("--errors", "n_errors", default=40, show_default=True, help="How many errors to list (0: all).")
def evaluate_claims(gold: str, as_json: bool, n_errors: int) -> None:
    """Claim span P/R/F1 and value/bound/unit/counted/claimant accuracy on GOLD (a YAML file or folder).

    Items with a `claims:` list are scored: written items (text + claims)
    and sample pages (page + claims given by line, text, occurrence).
    """
    from .evaluate.claims import evaluate as run_claims
    from .evaluate.claims import load_items, render, to_json

    try:
        items = load_items(Path(gold))
    except (FileNotFoundError, ValueError) as exc:
        raise GhotonaError(f"cannot read the gold set: {exc}") from None
    if not items:
        raise GhotonaError(f"{gold}: no item has a `claims:` list; see docs/claims.md for the format")
    result = run_claims(items)
    out.print(to_json(result) if as_json else escape(render(result, n_errors)), markup=not as_json)


# --------------------------------------------------------------------------- actors
@main.command()
@click.argument("source", metavar="PATH-OR-TEXT")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="Resolve roles (রুশ পররাষ্ট্রমন্ত্রী) for this date (default: the article's, else today).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per mention.")
@click.option("--no-ner", is_flag=True, help="Dictionary only.")
@click.pass_context
def entities(ctx: click.Context, source: str, on: str | None, as_json: bool, no_ner: bool) -> None:
    """Find the people, organisations, countries and places in a page or a text.

    PATH-OR-TEXT is a page (any input format ingest reads; its first article
    is used, with its own date) or else the text itself; - reads stdin.
    """
    from datetime import date as _date

    from .actors.link import find_actors
    from .inputs import iter_pages
    from .pipeline import Extractor
    from .records import Article as _Article
    from .records import RawPage as _RawPage

    day = None
    if on:
        try:
            day = _date.fromisoformat(on)
        except ValueError:
            raise GhotonaError(f"--date {on!r} is not a date; write it like 2025-07-10") from None
    text = source
    if source == "-":
        text = sys.stdin.read()
    elif _is_path(source):
        extractor = Extractor(ctx.obj["config"])
        first = next(iter(iter_pages([source], config=extractor.config)), None)
        result = extractor.extract(first) if isinstance(first, _RawPage) else first
        if not isinstance(result, _Article):
            raise GhotonaError(f"{source}: no article ({getattr(result, 'reason', 'empty')}: {getattr(result, 'detail', '')})")
        text = result.body
        stamp = result.published or result.updated
        day = day or (stamp.date() if stamp else None)
    found = find_actors(text, day or _date.today(), ner=not no_ner)
    if as_json:
        for m in found:
            _json_line(m.to_json())
        return
    if not found:
        err.print("no names found")
        return
    for m in found:
        who = f"{m.name_en or '?'} / {m.name_bn or '?'}"
        out.print(
            f"{m.start:>5}-{m.end:<5} [bold]{escape(m.text)}[/]  {m.type:<12} [green]{escape(who)}[/] "
            f"[dim]{escape(m.actor_id or 'unlinked')} · {m.how}{' · ' + escape(m.note) if m.note else ''}[/]"
        )


# --------------------------------------------------------------------------- claims
def _claims_table(rows: list[dict[str, Any]], article: Any = None) -> Any:
    """A table of claims from their ``Claim.to_json()`` dicts (found now or read from the store).

    ``article(row)``, when given, labels each row's article (for lists that mix articles).
    """
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in ("text", "value", "bound", "unit", "counted", "claimant"):
        table.add_column(col, justify="right" if col == "value" else "left", overflow="fold")
    if article is not None:
        table.add_column("article", overflow="fold")
    for c in rows:
        value = f"{c['value']:,.10g}" + (f"–{c['value_max']:,.10g}" if c.get("value_max") is not None else "")
        unit = c["unit"] + (f" {c['currency']}" if c.get("currency") else "")
        who = (c.get("claimant") or "—") + (" (claims)" if c.get("claimed") else "")
        counted = c["counted"] + (f" ({c['counted_text']})" if c.get("counted_text") else "")
        row = [Text(c["text"]), value, c["bound"], unit, Text(counted), Text(who)]
        if article is not None:
            row.append(Text(article(c)))
        table.add_row(*row)
    return table


@main.command(short_help="Find the quantitative statements in pages or a text, or list stored claims.")
@click.argument("sources", nargs=-1, metavar="[PATH-OR-TEXT...]")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="Publication date for a text (relative dates, roles); pages keep their own.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim.")
@_db_option
@click.option("--counted", metavar="WHAT", help="Stored claims counting this only (killed, injured, troops, tariff, ...).")
@click.option("--limit", type=click.IntRange(1), help="How many stored claims to list  [default: 50]")
@click.option("--offset", type=click.IntRange(0), help="Skip this many stored claims (for paging).")
@click.pass_context
def claims(ctx: click.Context, sources: tuple[str, ...], on: str | None, as_json: bool, db: str | None,
           counted: str | None, limit: int | None, offset: int | None) -> None:
    """Find the quantitative statements (deaths, troops, tariffs, money ...) and who states them.

    Each PATH-OR-TEXT is a page, a folder of pages or a records file (every
    article in it is read), or else a text; - reads a text from stdin.
    With none, list the claims stored by `ghotona ingest`, newest article
    first, with their outlet (--counted to keep one kind).
    """
    from datetime import date as _date

    if not sources:
        _paths_only({"--date": on})
        _stored_claims(ctx, as_json, db, counted, limit or 50, offset or 0)
        return
    _store_only({"--db": db, "--counted": counted, "--limit": limit, "--offset": offset})

    from .claims import article_from_text, find_claims
    from .inputs import iter_pages
    from .pipeline import Extractor
    from .records import RawPage as _RawPage

    if on:
        try:
            _date.fromisoformat(on)
        except ValueError:
            raise GhotonaError(f"--date {on!r} is not a date; write it like 2025-07-10") from None
    articles_: list[Article] = []
    extractor: Extractor | None = None
    for src in sources:
        if src != "-" and _is_path(src):
            extractor = extractor or Extractor(ctx.obj["config"])
            for page in iter_pages([src], config=extractor.config):
                result = extractor.extract(page) if isinstance(page, _RawPage) else page
                if isinstance(result, Article):
                    articles_.append(result)
                else:
                    err.print(f"[yellow]skipped[/] {escape(result.source)}: {escape(result.reason)}: {escape(result.detail)}")
        else:
            text = sys.stdin.read() if src == "-" else src
            articles_.append(article_from_text(text, on, config=ctx.obj["config"], source="<stdin>" if src == "-" else "<text>"))
    from .sections import skip_sections, skipped

    skip = skip_sections(ctx.obj["config"])
    not_coded: dict[str, int] = {}
    found = []
    for a in articles_:
        section = skipped(a, skip)
        if section is not None:
            not_coded[section] = not_coded.get(section, 0) + 1
            continue
        found += [{"article": a.id, "source": a.source, **c.to_json()} for c in find_claims(a)]
    _not_coded_note(not_coded)
    if as_json:
        for row in found:
            _json_line(row)
        return
    if not found:
        err.print("no claims found")
        return
    several = len(articles_) > 1
    out.print(_claims_table(found, (lambda c: Path(c["source"]).name) if several else None))


def _stored_claims(ctx: click.Context, as_json: bool, db: str | None, counted: str | None, limit: int, offset: int) -> None:
    with _open(ctx, db) as store:
        found = store.claims(counted=counted, limit=limit, offset=offset)
        total = store.count_claims(counted=counted)
        stored = total or store.count_claims()
    if as_json:
        for c in found:
            _json_line(c)
        return
    if not found:
        if not stored:
            err.print("no claims stored yet: `ghotona ingest PATH` finds and stores them (or try `ghotona demo`)")
        else:
            err.print(f"no stored claim matches ({stored} stored in all)")
        return
    shown = f", showing {offset + 1}–{offset + len(found)}" if total > len(found) else ""
    out.print(f"[bold]{total} claim(s)[/]{shown}")
    out.print(_claims_table(found, lambda c: f"{c.get('outlet') or 'unknown outlet'} {c['article_id'][:10]}"))


@main.command()
@click.argument("query", required=False)
@click.option("--type", "kind", type=click.Choice(["person", "organisation", "country", "place"]), help="Only this type.")
@click.option("--limit", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per actor.")
def actors(query: str | None, kind: str | None, limit: int, as_json: bool) -> None:
    """Browse the actor dictionary (QUERY matches names and aliases, Bengali or English)."""
    import dataclasses

    from .actors.dictionary import load_dictionary
    from .text.normalize import fold_for_match

    d = load_dictionary()
    q = fold_for_match(query) if query else ""
    hits = []
    for a in d.actors.values():
        if kind and a.type != kind:
            continue
        names = [a.name_en, a.name_bn or "", *a.aliases, *a.aliases_en, *a.demonyms, *a.abbreviations]
        if not q or any(q in fold_for_match(n) for n in names if n):
            hits.append(a)
    hits.sort(key=lambda a: a.name_en)
    if as_json:
        for a in hits[:limit]:
            _json_line(dataclasses.asdict(a))
        return
    out.print(f"[bold]{len(hits)} actor(s)[/]" + (f", showing {limit}" if len(hits) > limit else ""))
    for a in hits[:limit]:
        out.print(f"[cyan]{escape(a.id):<16}[/] {a.type:<12} [bold]{escape(a.name_en)}[/] / {escape(a.name_bn or '—')}  [dim]{escape(', '.join(a.aliases[:4]))}[/]")
        for r in a.roles:
            out.print(f"{'':30}[dim]{r.role} of {r.of}: {r.start or '?'} – {r.end or 'now'}[/]")


# --------------------------------------------------------------------------- ontology
@main.command()
@click.argument("name", required=False, metavar="[TYPE|CAMEO]")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per type.")
def ontology(name: str | None, as_json: bool) -> None:
    """The PLOVER event types, their modes and CAMEO codes (TYPE: one type in detail; CAMEO: what a code imports as).

    \b
    Examples:
      ghotona ontology
      ghotona ontology ASSAULT
      ghotona ontology 0841
    """
    import dataclasses

    from rich.table import Table

    from .events.lexicon import load_lexicon
    from .events.ontology import load_ontology

    onto = load_ontology()
    lex = load_lexicon()
    if name and name.strip().isdigit():
        try:
            row = onto.cameo_mapping(name)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="CAMEO") from None
        if as_json:
            _json_line(dataclasses.asdict(row) if row else None)
        elif row is None or row.type is None:
            out.print(f"CAMEO {escape(name.strip())}: no PLOVER type" + (f" [dim]({escape(row.note or '')})[/]" if row else ""))
        else:
            via = "" if row.code == name.strip() else f" (via {row.code})"
            out.print(f"CAMEO {escape(name.strip())}{via} -> [bold]{row.type}[/] {row.mode or ''} "
                      f"[dim]{escape(', '.join(row.contexts))}{'  ' + escape(row.note) if row.note else ''}[/]")
        return
    types = list(onto.types.values())
    if name:
        canonical = onto.canonical_type(name)
        if canonical is None:
            raise click.BadParameter(f"{name!r} is not a PLOVER type; known: {', '.join(onto.types)}", param_hint="TYPE")
        types = [onto.types[canonical]]
    if as_json:
        for t in types:
            _json_line(dataclasses.asdict(t) | {"triggers": len(lex.by_type(t.name))})
        return
    if not name:
        legend = "; ".join(f"{q.id} {q.name}" for q in onto.quads.values())
        table = Table(title=f"PLOVER event types ({onto.version})", caption=f"quad: {legend}")
        for col in ("type", "বাংলা", "quad", "score", "CAMEO", "modes", "triggers"):
            table.add_column(col)
        for t in types:
            modes = ", ".join(f"{m.name}{' ' + m.cameo if m.cameo else ''}" for m in t.modes) or "—"
            table.add_row(t.name, t.name_bn, str(t.quad), f"{t.score:+.1f}", t.cameo, modes,
                          str(len(lex.by_type(t.name))))
        out.print(table)
        return
    t = types[0]
    out.print(f"[bold]{t.name}[/] ({escape(t.name_bn)}) — {onto.quads[t.quad].name}, score {t.score:+.1f}, CAMEO {t.cameo}")
    out.print(escape(t.description))
    if t.modes:
        table = Table(title=f"{t.name} modes")
        for col in ("mode", "বাংলা", "CAMEO", "meaning"):
            table.add_column(col)
        for m in t.modes:
            label = m.name + (f" (ghotona; PLOVER: {m.plover_mode})" if m.extension else "")
            table.add_row(label, m.name_bn or "", m.cameo or t.cameo, m.description)
        out.print(table)
    triggers = lex.by_type(t.name)
    out.print(f"[bold]{len(triggers)} Bengali trigger(s):[/] " + escape(", ".join(
        e.text + (f" [{e.mode}]" if e.mode else "") for e in triggers)))


# --------------------------------------------------------------------------- timex
@main.command()
@click.argument("text", required=False)
@click.option("--ref", metavar="ISO-DATETIME", help="Reference time, e.g. 2025-07-10T19:07+06:00 (default: now in Asia/Dhaka).")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False), help="Read the text from this file ('-' for stdin works as TEXT).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per expression.")
@click.pass_context
def timex(ctx: click.Context, text: str | None, ref: str | None, path: str | None, as_json: bool) -> None:
    """Find and resolve the time expressions in TEXT.

    \b
    Example:
      ghotona timex "বৃহস্পতিবার সকালে বৈঠক হয়।" --ref 2025-07-10T19:07+06:00
    """
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from .timex import tag

    if path:
        text = Path(path).read_text("utf-8")
    elif text in (None, "-"):
        text = sys.stdin.read()
    zone = ZoneInfo(ctx.obj["config"]["input"]["timezone"])
    try:
        when = datetime.fromisoformat(ref) if ref else datetime.now(zone)
    except ValueError:
        raise GhotonaError(f"--ref {ref!r} is not an ISO date-time; write it like 2025-07-10T19:07+06:00") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone)
    found = tag(text, when)
    if as_json:
        for e in found:
            _json_line(e.to_json())
        return
    if not found:
        err.print("no time expression found")
        return
    out.print(f"[dim]reference: {when.isoformat()}[/]")
    for e in found:
        extra = " ".join(x for x in (e.mod and f"mod={e.mod}", e.end_value and f"to {e.end_value}") if x)
        value = e.value if e.value is not None else f"unresolved ({e.reason})"
        out.print(
            f"{e.start:>5}-{e.end:<5} [bold]{escape(e.text)}[/]  → [green]{escape(str(value))}[/] "
            f"[dim]{e.granularity or ''} {e.cls} · {escape(e.rule)}{' · ' + e.tense if e.tense else ''}[/] {escape(extra)}"
        )
        for w in e.warnings:
            out.print(f"             [yellow]warning:[/] {escape(w)}")


# --------------------------------------------------------------------------- events
def _articles_from(ctx: click.Context, sources: tuple[str, ...], on: str | None, fmt: str | None = None):
    """Articles from paths (files, folders, '-' for stdin) or, for one argument that is no path, the text itself.

    Yields ``(article, None)`` or ``(None, rejection)``: one bad page is reported, never the end of the batch.
    """
    from .inputs import iter_pages
    from .pipeline import Extractor, article_from_text

    extractor = Extractor(ctx.obj["config"])
    if len(sources) == 1 and sources[0] != "-" and not _is_path(sources[0]):
        text = sources[0]
        if len(text) < 200 and ("/" in text or text.endswith((".html", ".txt", ".json", ".jsonl", ".csv"))):
            raise GhotonaError(f"{text}: no such file or folder (to code a text, pass the text itself)")
        yield article_from_text(text, on, config=ctx.obj["config"]), None
        return
    for page in iter_pages(list(sources), fmt=fmt, config=extractor.config):
        if isinstance(page, Rejection):
            yield None, page
            continue
        result = extractor.extract(page)
        yield (result, None) if isinstance(result, Article) else (None, result)


_STATUS_COLOUR = {"occurred": "green", "planned": "cyan", "hypothetical": "magenta", "negated": "red",
                  "historical": "dim"}


def _event_line(e: dict[str, Any], *, article: bool = False) -> str:
    """One event as a line of markup, from its ``Event.to_json()`` dict (coded now or read from the store).

    ``article`` adds the outlet and article id, for lists that mix articles.
    """
    def name(p: dict[str, Any]) -> str:
        return p.get("name_en") or p.get("text") or "?"

    who = ", ".join(name(p) for p in e["actor"]) or "?"
    whom = ", ".join(name(p) for p in e["recipient"])
    arrow = f" {'↔' if e.get('symmetric') else '→'} {whom}" if whom else ""
    where = f" @ {name(e['location'])}" if e.get("location") else ""
    date = e.get("date") or "undated"
    if e.get("date_how") in FALLBACK_DATE_HOWS:
        date += "*"
    status = e["status"]
    mode = f"/{e['mode']}" if e.get("mode") else ""
    attribution = e.get("attribution") or {}
    cited = ", ".join(s.get("name_en") or s.get("text") or "?" for s in attribution.get("sources", []))
    line = (f"  {escape(date):<11} [bold]{escape(e['event'])}{escape(mode)}[/] {escape(who)}{escape(arrow)}{escape(where)} "
            f"[{_STATUS_COLOUR.get(status, 'white')}]{escape(status)}[/]" + (f" [dim]per {escape(cited)}[/]" if cited else ""))
    if article:
        line += f"  [dim]{escape(attribution.get('outlet') or '')} {escape(str(e.get('article_id', ''))[:10])}[/]"
    return line


def _print_event(e: dict[str, Any], *, evidence: bool, article: bool = False) -> None:
    """The event's line and, with ``evidence``, up to three sentences stating it, trigger underlined."""
    out.print(_event_line(e, article=article))
    if not evidence:
        return
    for ev in e.get("evidence", [])[:3]:
        s = ev["sentence"]
        a = ev["trigger_span"][0] - ev["sentence_span"][0]
        b = ev["trigger_span"][1] - ev["sentence_span"][0]
        out.print(Text("      “", style="dim") + Text(s[:a]) + Text(s[a:b], style="bold underline")
                  + Text(s[b:]) + Text("”", style="dim"))


def _day_option(value: str | None, option: str) -> str | None:
    """Check a YYYY-MM-DD (or YYYY-MM, YYYY) filter option; say how to write it."""
    if value is None:
        return None
    from .store.base import date_bound

    try:
        date_bound(value, option, end=False)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it like 2025-07-10 (or 2025-07, or 2025)",
                                 param_hint=option) from None
    return value


def _store_only(given: dict[str, Any]) -> None:
    """Refuse store filters next to PATHs: they would silently do nothing."""
    used = [opt for opt, value in given.items() if value not in (None, False)]
    if used:
        raise click.UsageError(
            f"{', '.join(used)} list(s) what is stored: drop the PATH/TEXT arguments to browse the store, "
            "or drop the option to code the inputs"
        )


def _paths_only(given: dict[str, Any]) -> None:
    """Refuse input options without inputs."""
    used = [opt for opt, value in given.items() if value is not None]
    if used:
        raise click.UsageError(f"{', '.join(used)} apply to PATH/TEXT arguments; none were given")


@main.command(short_help="Code the PLOVER events in pages or a text, or list stored events.")
@click.argument("sources", nargs=-1, metavar="[PATH... | TEXT]")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="Publication date for a TEXT (pages carry their own).")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), help="Input format (default: detected).")
@click.option("--json", "as_json", is_flag=True, help="One PLOVER-style JSON object per event.")
@click.option("--evidence/--no-evidence", default=True, show_default=True, help="Show each event's evidence sentence.")
@_db_option
@click.option("--type", "etype", metavar="TYPE", help="Stored events of this PLOVER type only (ASSAULT, CONSULT, ...).")
@click.option("--actor", "actor_id", metavar="ID", help="Stored events with this actor, recipient or location (Q7747, gh:..., prov:...).")
@click.option("--status", type=click.Choice(STATUSES), help="Stored events with this status only.")
@click.option("--since", metavar="YYYY-MM-DD", help="Stored events dated on or after this day (or month, year).")
@click.option("--until", metavar="YYYY-MM-DD", help="Stored events dated on or before this day (or month, year).")
@click.option("--limit", type=click.IntRange(1), help="How many stored events to list  [default: 50]")
@click.option("--offset", type=click.IntRange(0), help="Skip this many stored events (for paging).")
@click.pass_context
def events(ctx: click.Context, sources: tuple[str, ...], on: str | None, fmt: str | None, as_json: bool, evidence: bool,
           db: str | None, etype: str | None, actor_id: str | None, status: str | None, since: str | None,
           until: str | None, limit: int | None, offset: int | None) -> None:
    """Find the political events in pages (or a text): who did what to whom, when, where, per whom.

    \b
    Each event has a PLOVER type and mode, its actors and recipients resolved
    to dictionary ids, a date (a trailing * marks a date taken from the
    publication date because the text gave none), a status (occurred,
    planned, hypothetical, negated, historical), whom the outlet cites, and
    the sentence that says so.
    \b
    With no PATH or TEXT, list the events stored by `ghotona ingest`, newest
    date first, filtered by --type, --actor, --status, --since and --until.
    \b
    Examples:
      ghotona events saved-pages/
      ghotona events page.html --json > events.jsonl
      ghotona events "রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন আজ চীনের প্রেসিডেন্টের সঙ্গে বৈঠক করেছেন।" --date 2025-05-08
      ghotona events --db news.db --type ASSAULT --since 2025-07-01
      ghotona events --db news.db --actor Q7747 --status planned --json
    """
    store_opts = {"--db": db, "--type": etype, "--actor": actor_id, "--status": status, "--since": since,
                  "--until": until, "--limit": limit, "--offset": offset}
    if not sources:
        _paths_only({"--date": on, "--format": fmt})
        _stored_events(ctx, as_json, evidence, db, etype, actor_id, status,
                       _day_option(since, "--since"), _day_option(until, "--until"), limit or 50, offset or 0)
        return
    _store_only(store_opts)
    from .events.coder import default_coder
    from .sections import skip_sections, skipped

    coder = default_coder()
    skip = skip_sections(ctx.obj["config"])
    n_articles = n_events = 0
    not_coded: dict[str, int] = {}
    rejected: list[Rejection] = []
    for art, rej in _articles_from(ctx, sources, on, fmt):
        if rej is not None:
            rejected.append(rej)
            continue
        n_articles += 1
        section = skipped(art, skip)
        if section is not None:
            not_coded[section] = not_coded.get(section, 0) + 1
            continue
        found = [e.to_json() for e in coder.code(art)]
        n_events += len(found)
        if as_json:
            for e in found:
                _json_line(e)
            continue
        if not found:
            continue
        stamp = _fmt_dt(art.published or art.updated or art.page_date)
        out.print(f"[bold]{escape(art.title or art.source)}[/] [dim]{escape(art.outlet or '')} {stamp} {art.id}[/]")
        for e in found:
            _print_event(e, evidence=evidence)
    if rejected:
        _print_rejections(rejected)
    if not as_json:
        err.print(f"{n_events} event(s) in {n_articles} article(s)" + (f"; {len(rejected)} rejected" if rejected else ""))
    _not_coded_note(not_coded)


def _not_coded_note(not_coded: dict[str, int]) -> None:
    """Say (on stderr, with --json too) how many pages were left uncoded for their section:
    an empty result must not look like a coder failure."""
    if not_coded:
        sections = ", ".join(f"{k} {v}" for k, v in sorted(not_coded.items()))
        err.print(f"not coded, being from a section of no political events: {sections} page(s) "
                  f"(set {escape('[events]')} skip_sections = [] in a --config file to code them)")


def _stored_events(ctx: click.Context, as_json: bool, evidence: bool, db: str | None, etype: str | None,
                   actor_id: str | None, status: str | None, since: str | None, until: str | None,
                   limit: int, offset: int) -> None:
    if etype is not None:
        from .events.ontology import load_ontology

        onto = load_ontology()
        canonical = onto.canonical_type(etype)
        if canonical is None:
            raise click.BadParameter(f"{etype!r} is not a PLOVER type; one of: {', '.join(onto.types)}",
                                     param_hint="--type")
        etype = canonical
    filters = {"type": etype, "actor_id": actor_id, "status": status, "since": since, "until": until}
    with _open(ctx, db) as store:
        found = store.events(**filters, limit=limit, offset=offset)
        total = store.count_events(**filters)
        stored = store.count_events() if not total else total
    if as_json:
        for e in found:
            _json_line(e)
        return
    if not found:
        if not stored:
            err.print("no events stored yet: `ghotona ingest PATH` codes and stores them (or try `ghotona demo`)")
        else:
            err.print(f"no stored event matches ({stored} stored in all)")
        return
    shown = f", showing {offset + 1}–{offset + len(found)}" if total > len(found) else ""
    out.print(f"[bold]{total} event(s)[/]{shown}\n")
    for e in found:
        _print_event(e, evidence=evidence, article=True)


@evaluate.command("events")
@click.argument("gold", type=click.Path(exists=True), metavar="GOLD")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option("--errors", "n_errors", default=40, show_default=True, help="How many differences to list (0: none).")
@click.option("--corpus", is_flag=True,
              help="Store the GOLD articles together first and merge their events across articles, as ingest "
                   "does, then score the stored events: what one article dates can make another's undated "
                   "telling background.")
def evaluate_events(gold: str, as_json: bool, n_errors: int, corpus: bool) -> None:
    """Event coding P/R/F1 (type, type+actors, type+actors+date) and status accuracy on GOLD (a YAML file or folder).

    Each article is coded alone, as `ghotona events PAGE` does; with --corpus, as `ghotona ingest` stores it.
    """
    from .evaluate.events import evaluate as run_events
    from .evaluate.events import load_gold, render, to_json

    try:
        articles = load_gold(Path(gold))
    except (FileNotFoundError, ValueError, KeyError) as exc:
        raise GhotonaError(f"cannot read the gold set: {exc}") from None
    result = run_events(articles, corpus=corpus)
    out.print(to_json(result) if as_json else escape(render(result, n_errors)), markup=not as_json)


# --------------------------------------------------------------------------- crawl
_DURATION = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _seconds(text: str) -> float:
    """``15m`` -> 900.0; a clear error for anything else."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not m or float(m.group(1)) <= 0:
        raise click.BadParameter(f"{text!r} is not a duration; write it like 90s, 15m, 2h or 1d")
    return float(m.group(1)) * _DURATION[m.group(2) or "s"]


def _load_crawl_sources(ctx: click.Context, sources_path: str | None) -> tuple[str, list[Any]]:
    from .crawl import example_file, load_sources

    path = sources_path or ctx.obj["config"]["crawl"]["sources_file"]
    if not path:
        raise GhotonaError(
            f"no sources file: pass --sources FILE (or set [crawl] sources_file); {example_file()} shows the format"
        )
    return path, load_sources(path)


def _crawl_table(summary: Any) -> Any:
    from rich.table import Table

    c = summary.counts()
    table = Table(title=f"crawl run {summary.run_id}", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("HTTP requests (robots.txt, retries, redirects included)", c["requests"]),
        ("feeds / sitemaps / sections read", c["endpoints_read"]),
        ("… unchanged (304)", c["endpoints_not_modified"]),
        ("… failed", c["endpoints_failed"]),
        ("new page URLs found", c["discovered"]),
        ("known pages listed as changed", c["requeued"]),
        ("pages fetched", c["fetched"]),
        ("… new articles", c["new"]),
        ("… changed articles", c["changed"]),
        ("… unchanged", c["unchanged"]),
        ("… not modified (304)", c["not_modified"]),
        ("… rejected (not an article)", c["rejected"]),
        ("pages failed", c["failed"]),
        *((f"skipped: {k.removeprefix('skipped-')}", v) for k, v in sorted(c["skipped"].items())),
        ("events / claims stored", f"{c['events']} / {c['claims']}"),
    ]
    for label, value in rows:
        table.add_row(label, str(value))
    return table


@main.command(short_help="Fetch new pages from the outlets' feeds, sitemaps and section pages, and store them.")
@click.option("--sources", "sources_path", metavar="FILE", help="Sources file (YAML; see ghotona/data/sources.example.yaml).")
@click.option("--once", "once", is_flag=True, help="One run, then exit (the default).")
@click.option("--every", metavar="DURATION", help="Run again every DURATION (90s, 15m, 2h) until Ctrl-C.")
@_db_option
@click.option("--fetch-only", is_flag=True, help="Fetch and keep raw pages without extracting them (`ghotona reprocess` does that later).")
@click.option("--max-pages", type=click.IntRange(0), help="Fetch at most this many pages per run (default: [crawl] max_pages; 0: no limit).")
@click.option("--json", "as_json", is_flag=True, help="Print each run's counts as one JSON object.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_context
def crawl(ctx: click.Context, sources_path: str | None, once: bool, every: str | None, db: str | None,
          fetch_only: bool, max_pages: int | None, as_json: bool, quiet: bool) -> None:
    """Crawl the outlets in the sources file politely and store their articles.

    Each run reads every feed, sitemap and section page (conditionally:
    unchanged ones answer 304), then fetches the pages that are new, that a
    feed or sitemap says changed, or that failed before and may now work,
    and stores them through the same path as `ghotona ingest`.  It honours
    robots.txt and Crawl-delay, paces each host ([crawl] in the config),
    fetches only the hosts the sources file names, and keeps every raw page
    for `ghotona reprocess`.  An interrupted run loses nothing: run it again.
    """
    import copy
    import time

    from .crawl import Crawler

    if once and every:
        raise click.UsageError("--once and --every exclude each other")
    interval = _seconds(every) if every else None
    path, sources = _load_crawl_sources(ctx, sources_path)
    cfg = copy.deepcopy(ctx.obj["config"])
    if max_pages is not None:
        cfg["crawl"]["max_pages"] = max_pages
    show = not quiet and not as_json and err.is_terminal
    with _open(ctx, db) as store:
        # One crawler for every run: its extractors and coder load once.
        crawler = Crawler(sources, store, cfg, fetch_only=fetch_only, args={"sources_file": path})
        while True:
            started = time.monotonic()
            with Progress(
                TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), console=err, transient=True, disable=not show,
            ) as progress:
                task = progress.add_task("reading feeds and sitemaps", total=None)

                def on_phase(phase: str, total: int) -> None:
                    progress.update(task, description="fetching pages", total=total, completed=0)

                def on_fetch(record: Any) -> None:
                    if record.kind == "page":
                        progress.advance(task)

                crawler.on_fetch, crawler.on_phase = on_fetch, on_phase
                try:
                    summary = crawler.run()
                except KeyboardInterrupt:
                    err.print("[yellow]interrupted:[/] everything fetched so far is stored; run the same command again to go on.")
                    sys.exit(130)
            if as_json:
                _json_line({"run": summary.run_id, **summary.counts()})
            else:
                out.print(_crawl_table(summary))
                for reason, n in summary.failures.most_common(10):
                    err.print(f"  {n} × {escape(reason)}")
                _print_coding_errors(summary.ingest.coding_errors)
            if interval is None:
                return
            wait = max(0.0, interval - (time.monotonic() - started))
            if not as_json:
                err.print(f"next run in {wait:.0f} s (Ctrl-C to stop)")
            try:
                time.sleep(wait)
            except KeyboardInterrupt:
                err.print("stopped.")
                return


@main.group("sources")
def sources_group() -> None:
    """The crawl sources file: which outlets to crawl, through which feeds and sitemaps."""


@sources_group.command("check")
@click.option("--sources", "sources_path", metavar="FILE", help="Sources file to check (default: [crawl] sources_file).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per endpoint.")
@click.pass_context
def sources_check(ctx: click.Context, sources_path: str | None, as_json: bool) -> None:
    """Fetch each feed, sitemap and section page once and show which answer (status, time, links)."""
    from rich.table import Table

    from .crawl import check_sources

    _, sources = _load_crawl_sources(ctx, sources_path)
    with err.status("asking every endpoint…", spinner="dots") if not as_json and err.is_terminal else _nullcontext():
        results = check_sources(sources, ctx.obj["config"])
    if as_json:
        for r in results:
            _json_line(r.to_json())
        return
    table = Table(show_header=True, header_style="bold")
    for col in ("source", "kind", "url", "status", "ms", "links", "problem"):
        table.add_column(col, justify="right" if col in ("status", "ms", "links") else "left")
    for r in results:
        mark = "[green]ok[/]" if r.ok else "[red]no[/]"
        table.add_row(escape(r.source_id) + (" [dim](unverified)[/]" if r.unverified else ""), r.kind,
                      escape(r.url), f"{mark} {r.status or '-'}", f"{r.ms:.0f}",
                      "-" if r.links is None else str(r.links), escape(r.detail or ""))
    out.print(table)
    good = sum(r.ok for r in results)
    err.print(f"{good} of {len(results)} endpoints answered with something readable")


def _nullcontext() -> Any:
    import contextlib

    return contextlib.nullcontext()


@main.command(short_help="Extract the crawled raw pages again with the current extractor and coder.")
@_db_option
@click.option("--since", metavar="DATE", help="Only pages fetched on or after DATE (2025-07-10, or a full ISO time, UTC).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def reprocess(ctx: click.Context, db: str | None, since: str | None, quiet: bool) -> None:
    """Re-extract the raw pages the crawler kept (no network) and store the results.

    Use it after upgrading ghotona: articles whose text now extracts
    differently are updated (their previous version kept), and every
    article's events and claims are coded again.
    """
    from datetime import datetime

    from .crawl import reprocess as run_reprocess
    from .pipeline import Extractor

    if since:
        try:
            datetime.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(f"{since!r} is not a date; write it like 2025-07-10", param_hint="--since") from None
    extractor = Extractor(ctx.obj["config"])
    with _open(ctx, db) as store, Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=quiet or not err.is_terminal,
    ) as progress:
        task = progress.add_task("re-extracting", total=None)
        try:
            summary = run_reprocess(store, extractor, since=since, on_item=lambda *_: progress.advance(task))
        except KeyboardInterrupt:
            err.print("[yellow]interrupted:[/] every article stored so far is complete; run it again to finish.")
            sys.exit(130)
    _print_rejections(summary.rejected)
    _print_coding_errors(summary.coding_errors)
    err.print(f"[bold]{summary.new}[/] new, [bold]{summary.updated}[/] updated, [bold]{summary.unchanged}[/] unchanged, "
              f"[bold]{len(summary.rejected)}[/] rejected (run {summary.run_id})")
    err.print(_coded_line(summary))


if __name__ == "__main__":  # pragma: no cover
    main()
