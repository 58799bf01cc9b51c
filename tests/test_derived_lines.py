"""segments.jsonl lines written by formatting must be the bytes dumps_line writes for the same rows."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from pipeline.atomic import dumps_line
from pipeline.derived import _segment_lines, derived_lines, segment_rows

ODD_TEXTS = ["", "plain", 'quote " and \\ backslash', "tab\tnew\nline\r", "\x00\x1f\x7f", "\u2028\u2029",
             "Заголовок «ёлка»", "中文", "a\ud800b", "\udfff", "emoji 😀", "\ufeff\u200b"]


def _record(segments: list[dict[str, Any]], rid: Any = "sha256:ab", path: Any = "dir/a \"b\".txt") -> dict[str, Any]:
    return {"id": rid, "source": {"path": path}, "segments": segments}


def _expected(record: dict[str, Any]) -> list[str]:
    return [dumps_line(row) for row in segment_rows(record)]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_are_written_as_dumps_line_writes_them(text: str) -> None:
    rec = _record([{"lang": "ru", "kind": "paragraph", "text": text, "confidence": 0.87},
                   {"lang": text, "kind": text, "text": text}])
    assert _segment_lines(rec) == _expected(rec)


@pytest.mark.parametrize("conf", [1.0, 0.5, 1, 0, 1e-7, 123456789.125, -0.0, float("nan"), float("inf"), True,
                                  None, "0.5", 2**70])
def test_every_kind_of_confidence_is_written_as_dumps_line_writes_it(conf: Any) -> None:
    rec = _record([{"lang": "en", "kind": "title", "text": "T", "confidence": conf}])
    assert _segment_lines(rec) == _expected(rec)


@pytest.mark.parametrize(("rid", "path"), [(None, "a.txt"), ("id", None), (1, 2), ("ид\n", "путь/ё.txt")])
def test_ids_and_paths_of_any_kind_are_written_as_dumps_line_writes_them(rid: Any, path: Any) -> None:
    rec = _record([{"lang": None, "kind": 3, "text": "x"}, {"lang": "en", "kind": "title", "text": "y"}], rid, path)
    assert _segment_lines(rec) == _expected(rec)


def test_a_float_subclass_or_str_subclass_takes_the_general_path() -> None:
    class F(float):
        def __repr__(self) -> str:
            return "not json"

    class S(str):
        pass

    rec = _record([{"lang": S("en"), "kind": "title", "text": "T", "confidence": F(0.25)}])
    assert _segment_lines(rec) == _expected(rec)


def test_random_records_match_dumps_line() -> None:
    rng = random.Random(5)
    pool = [chr(c) for c in range(0, 0x500)] + ['"', "\\", "\u2028", "😀", "\ud800"]
    for _ in range(300):
        segs = [{"lang": rng.choice(["en", "ru", "und"]), "kind": rng.choice(["title", "paragraph"]),
                 "text": "".join(rng.choice(pool) for _ in range(rng.randint(0, 30))),
                 "confidence": rng.choice([1.0, rng.random(), 1])} for _ in range(rng.randint(0, 5))]
        rec = _record(segs, path="".join(rng.choice(pool) for _ in range(8)))
        assert _segment_lines(rec) == _expected(rec)


def test_derived_lines_are_the_segment_lines_and_their_count() -> None:
    rec = _record([{"lang": "en", "kind": "title", "text": "T", "confidence": 1.0}])
    seg, n, bitext, fields = derived_lines(rec)
    assert (seg, n, bitext, fields) == ("".join(_expected(rec)), 1, "", [])
    assert json.loads(seg) == {"record_id": "sha256:ab", "path": 'dir/a "b".txt', "index": 0, "lang": "en",
                               "kind": "title", "confidence": 1.0, "text": "T"}
