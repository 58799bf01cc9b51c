"""The labelled set: at least 99% right, strictly better than langdetect on every paragraph,
identical labels on reruns (in this process and in fresh ones)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from pipeline.languages.detect import detect_unrestricted
from tests.languages_eval import load, n_segments, n_words, run_baseline, run_stage

ROOT = Path(__file__).resolve().parent.parent
LINES = load()


def test_the_set_is_big_and_varied_enough() -> None:
    assert n_segments(LINES) >= 300
    short = [ln for ln in LINES if ln.lang and len(ln.lang) == 1 and n_words(ln.text) <= 5]
    assert len(short) >= 100
    langs = Counter(lang for ln in LINES if ln.lang for lang in ln.lang)
    for lang in ("ru", "en", "zh", "uk", "bg"):
        assert langs[lang] >= 20, lang
    kinds = Counter(ln.kind for ln in short)
    for kind in ("title", "heading", "keywords", "byline", "footnote", "reference"):
        assert kinds[kind] >= 3, kind
    assert any(ln.lang and len(ln.lang) > 1 for ln in LINES), "no block that switches language"


@pytest.fixture(scope="module")
def stage_result():
    return run_stage(LINES)


def test_stage_is_at_least_99_percent_right(stage_result) -> None:
    res, _ = stage_result
    assert res.accuracy >= 0.99, "\n".join(res.errors)
    assert res.short_accuracy >= 0.98, "\n".join(res.errors)


def test_stage_beats_langdetect_per_paragraph(stage_result) -> None:
    res, _ = stage_result
    base = run_baseline(LINES, lambda t: detect_unrestricted(t, seed=0))
    assert res.right > base.right
    assert res.short_right > base.short_right
    # The baseline's known failure: short lines (measured 23-70% on one- and two-word inputs).
    assert base.short_accuracy < 0.9


def test_rerun_in_process_gives_identical_labels(stage_result) -> None:
    _, first = stage_result
    _, second = run_stage(LINES)
    assert first == second


_CHILD = """
import json, sys
sys.path.insert(0, {root!r})
from tests.languages_eval import load, run_stage
print(json.dumps(run_stage(load())[1], ensure_ascii=False))
"""


@pytest.mark.slow
def test_rerun_in_fresh_processes_gives_identical_labels(stage_result) -> None:
    _, here = stage_result
    outs = []
    for hashseed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD.format(root=str(ROOT))],
            capture_output=True, text=True, env=env, cwd=ROOT, check=True,
        )
        outs.append(json.loads(proc.stdout))
    assert outs[0] == outs[1] == here
