"""Text handling: normalisation, sentence/token segmentation, language.

``from ghotona.text import normalize, split_sentences, detect_language``.
Importing this package does not load the language model; the first call to
:func:`detect_language` does.
"""

from __future__ import annotations

from .lang import detect_language, script_ratio
from .normalize import fold_for_match, normalize, normalize_line
from .segment import build_paragraphs, load_abbreviations, split_sentences, tokenize

__all__ = [
    "normalize",
    "normalize_line",
    "fold_for_match",
    "split_sentences",
    "build_paragraphs",
    "tokenize",
    "load_abbreviations",
    "detect_language",
    "script_ratio",
]
