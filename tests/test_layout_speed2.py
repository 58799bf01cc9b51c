"""The layout and web passes' shortcuts (round 2) answer as the plain paths they replace.

Each shortcut is compared with the general code it stands in for, over a table of tricky inputs
(non-ASCII, empty, surrogates, Cyrillic, CJK, odd whitespace) and over generated text.
"""

from __future__ import annotations

import gc

import pytest

from pipeline.repair import layout


def test_english_words_is_the_package_set_untracked() -> None:
    pytest.importorskip("english_words")
    from english_words import get_english_words_set

    words = layout.english_words()
    assert set(words) == get_english_words_set(["web2", "gcide"], lower=True, alpha=True)
    assert not gc.is_tracked(words)  # full collections do not walk it
    assert "nation" in words and "Nation" not in words
