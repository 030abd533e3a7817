"""The extraction quality gate: scores on the reference sets never fall below their pins.

Baselines live in eval/baselines.json.  Counts (lost, doubled, rejected)
may not rise above their pin; every other score may not fall below it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ghotona.evaluate.extraction import evaluate, shared_dir
from ghotona.evaluate.synthetic import evaluate_corpus

ROOT = Path(__file__).resolve().parents[1]
BASELINES = json.loads((ROOT / "eval" / "baselines.json").read_text("utf-8"))
COUNTS = {"sentences_lost", "sentences_doubled", "rejected"}


def _check(name: str, scores: dict[str, float]) -> None:
    failures = []
    for key, pinned in BASELINES[name].items():
        got = scores[key]
        if key in COUNTS:
            if got > pinned:
                failures.append(f"{key}: {got} > pinned {pinned}")
        elif got < pinned - 1e-9:
            failures.append(f"{key}: {got} < pinned {pinned}")
    assert not failures, f"{name} extraction gate: " + "; ".join(failures)


def _flat(report) -> dict[str, float]:
    s = report.summary()
    return {"fields_mean": s["fields_mean"], **s["body"]}


def test_gate_sample_pages() -> None:
    if not (shared_dir() / "samples" / "pages").is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository")
    report = evaluate(ROOT / "eval" / "refset" / "samples.yaml")
    assert len(report.pages) == 5
    _check("samples", _flat(report))


def test_gate_demo_pages() -> None:
    report = evaluate(ROOT / "eval" / "refset" / "demo.yaml")
    assert len(report.pages) == 10
    _check("demo", _flat(report))


def test_gate_held_out_corpus() -> None:
    corpus = shared_dir() / "data" / "news" / "bdnews_2025-12-30.json"
    if not corpus.is_file():
        pytest.skip("../shared/data/news is not beside the repository")
    scores = evaluate_corpus(corpus)
    assert scores["pages"] > 150
    _check("synthetic", scores)


@pytest.mark.parametrize("name", ["timex", "timex_v2"])
def test_gate_time_expressions(name: str) -> None:
    """Recognition and resolution on the time-expression reference sets, overall and by class."""
    from ghotona.evaluate.timex import load_items, run, score

    refset = ROOT / "eval" / "refset" / name
    if name == "timex" and not (shared_dir() / "samples" / "pages").is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository (the set annotates its lines)")
    result = score(run(load_items(refset)))
    assert result["overall"]["gold"] > 200
    pinned = BASELINES[name]
    failures = []
    for cls, row in [("overall", result["overall"]), *result["by_class"].items()]:
        for key, floor in (pinned["overall"] if cls == "overall" else pinned["by_class"].get(cls, {})).items():
            if row[key] < floor - 1e-9:
                failures.append(f"{cls} {key}: {row[key]} < pinned {floor}")
    assert not failures, f"{name} gate: " + "; ".join(failures)


@pytest.mark.parametrize("name", ["samples", "written"])
def test_gate_actor_linking(name: str) -> None:
    """Actor linking precision and recall on the actor reference sets."""
    from ghotona.evaluate.linking import evaluate as run_linking
    from ghotona.evaluate.linking import load_items

    if name == "samples" and not (shared_dir() / "samples" / "pages").is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository")
    result = run_linking(load_items(ROOT / "eval" / "refset" / "actors" / f"{name}.yaml"))
    assert result["gold_in_dictionary"] > 150
    failures = [
        f"{key}: {result[key]} < pinned {floor}"
        for key, floor in BASELINES["linking"][name].items()
        if result[key] < floor - 1e-9
    ]
    assert not failures, f"linking gate ({name}): " + "; ".join(failures)


@pytest.mark.parametrize("name", ["banglakit", "rifat"])
def test_gate_ner_heldout(name: str) -> None:
    """NER micro-F1 on each corpus's held-out split (never trained on), per type
    and micro, tagged in the corpus's own style and in the default style (about 1 s)."""
    from ghotona.actors.ner import NerTagger
    from ghotona.evaluate.ner import evaluate_sentences, heldout_sets, ner_dir

    if not (ner_dir() / "banglakit_main.jsonl").is_file() or not (ner_dir() / "rifat_train.txt").is_file():
        pytest.skip("../shared/data/ner is not beside the repository")
    sents = heldout_sets()[name]
    tagger = NerTagger.load()
    pinned = BASELINES["ner"][name]
    own = evaluate_sentences(sents, tagger, style=name)
    default = evaluate_sentences(sents, tagger)
    got = {"micro_f1": own["micro"]["f1"], **{f"{t}_f1": own[t]["f1"] for t in ("PER", "ORG", "LOC")},
           "micro_f1_default_style": default["micro"]["f1"]}
    failures = [f"{k}: {got[k]:.4f} < pinned {v}" for k, v in pinned.items() if got[k] < v - 1e-9]
    assert not failures, f"NER gate ({name}): " + "; ".join(failures)


@pytest.mark.parametrize("annotator, pin", [(True, "banglakit_corrected"), ("b", "banglakit_corrected_b")])
def test_gate_ner_heldout_banglakit_corrected(annotator: bool | str, pin: str) -> None:
    """NER F1 on banglakit's held-out split with the labels we corrected blind to the
    tagger (eval/refset/ner), beside the published-label gate above: annotator a's
    labels, and a second annotator's (b), made blind to a's ("Second annotator")."""
    from ghotona.actors.ner import NerTagger
    from ghotona.evaluate.ner import evaluate_sentences, heldout_sets, ner_dir

    if not (ner_dir() / "banglakit_main.jsonl").is_file():
        pytest.skip("../shared/data/ner is not beside the repository")
    sents = heldout_sets(corrected=annotator)["banglakit"]
    tagger = NerTagger.load()
    own = evaluate_sentences(sents, tagger, style="banglakit")
    default = evaluate_sentences(sents, tagger)
    got = {"micro_f1": own["micro"]["f1"], **{f"{t}_f1": own[t]["f1"] for t in ("PER", "ORG", "LOC")},
           "micro_f1_default_style": default["micro"]["f1"]}
    pinned = BASELINES["ner"][pin]
    failures = [f"{k}: {got[k]:.4f} < pinned {v}" for k, v in pinned.items() if got[k] < v - 1e-9]
    assert not failures, f"NER gate ({pin}): " + "; ".join(failures)


def _events_set(name: str) -> Path:
    return ROOT / "eval" / "refset" / "events" / f"{name}.yaml"


@pytest.mark.parametrize("name", sorted(BASELINES.get("events", {}).keys() - {"_comment"}))
def test_gate_events(name: str) -> None:
    """Event coding F1 per level and status accuracy on the events gold set."""
    from ghotona.evaluate.events import evaluate as run_events
    from ghotona.evaluate.events import load_gold

    # "FILE@corpus": the file's articles as ingest stores them (evaluate events --corpus).
    file, _, how = name.partition("@")
    if file == "samples" and not (shared_dir() / "samples" / "pages").is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository")
    result = run_events(load_gold(_events_set(file)), corpus=how == "corpus")
    assert result["gold_events"] >= 50
    got = {f"{lvl}_f1": s["f1"] for lvl, s in result["levels"].items()}
    got["status_accuracy"] = result["status_accuracy"]
    got["location_accuracy"] = result["location_accuracy"]
    failures = [
        f"{key}: {got[key]} < pinned {floor}"
        for key, floor in BASELINES["events"][name].items()
        if got[key] < floor - 1e-9
    ]
    assert not failures, f"events gate ({name}): " + "; ".join(failures)


@pytest.mark.parametrize("name", sorted(BASELINES.get("claims", {}).keys() - {"_comment"}))
def test_gate_claims(name: str) -> None:
    """Claim span F1 and field accuracy on the claims of the events gold set."""
    from ghotona.evaluate.claims import evaluate as run_claims
    from ghotona.evaluate.claims import load_items

    if name == "samples" and not (shared_dir() / "samples" / "pages").is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository")
    result = run_claims(load_items(_events_set(name)))
    got = {"f1": result["f1"], **{f"{k}_accuracy": v for k, v in result["accuracy"].items()}}
    failures = [
        f"{key}: {got[key]} < pinned {floor}"
        for key, floor in BASELINES["claims"][name].items()
        if got[key] < floor - 1e-9
    ]
    assert not failures, f"claims gate ({name}): " + "; ".join(failures)


def test_gate_event_merges() -> None:
    """Cross-article merging on the events gold's happening labels (ghotona.evaluate.merges)."""
    if not (shared_dir() / "samples" / "pages").is_dir():
        pytest.skip("../shared/samples/pages is not beside the repository")
    from ghotona.evaluate.merges import evaluate as evaluate_merges

    result = evaluate_merges(ROOT / "eval" / "refset" / "events")
    pinned = {k: v for k, v in BASELINES["merges"].items() if not k.startswith("_")}
    failures = [f"{k}: {result[k]} < pinned {v}" for k, v in pinned.items() if result[k] < v - 1e-9]
    assert not failures, "event merge gate: " + "; ".join(failures)
