"""The worker-side shortcuts give what the general paths they replace give.

- ``encode_with_segments``: the record's line and its segment lines from one escaping of each segment's
  strings == ``dumps_line(record)`` and ``_segment_lines(record)``.
- The document worker's ``_extras`` (summary and derived lines from the record in memory) == what the
  shard makes from the decoded line (``summarize`` and ``derived_lines`` of ``json.loads(line)``).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.atomic import dumps_line
from pipeline.config import from_mapping
from pipeline.derived import _segment_lines, derived_lines, encode_with_segments
from pipeline.document import Document, Source
from pipeline.letters import _mostly_ascii_count, alpha_count
from pipeline.run.merge import _row
from pipeline.run.sandbox import DocumentSandbox, _extras, _read_blocks_until, _read_frame_until, _write_frame
from pipeline.run.shard import _entry
from pipeline.run.tally import summarize

ODD_TEXTS = ["", "plain", 'quote " and \\ backslash', "tab\tnew\nline\r", "\x00\x1f\x7f", "\u2028\u2029",
             "Заголовок «ёлка»", "Ўзбек ёзуви", "中文，标点", "emoji 😀", "\ufeff\u200b", "\u00a0nbsp\u3000",
             "café naïve", "’“”—", "segments\":[]"]


def _record(segments: Any, **over: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "schema_version": "1.0", "id": "sha256:ab", "source": {"path": "dir/a \"b\".txt", "sha256": "ab"},
        "title": {"text": "Заголовок", "lang": "ru"}, "title_translations": [{"text": "Title", "lang": "en"}],
        "authors": [], "doi": None, "keywords": {"ru": ["а", "б"], "en": ["a"]}, "abstract": {"en": "Abs."},
        "languages": {"ru": 0.6, "en": 0.4}, "segments": segments, "text": "Заголовок\n\nTitle",
        "footnotes": [], "references": [], "urls": [], "emails": [], "repairs": {"mojibake": 2}, "warnings": [],
    }
    rec.update(over)
    return rec


def _seg(text: str, lang: str = "ru", kind: str = "paragraph", confidence: Any = 0.87) -> dict[str, Any]:
    return {"lang": lang, "kind": kind, "text": text, "confidence": confidence}


def _general(record: Any) -> tuple[bytes, bytes, int]:
    lines = _segment_lines(record)
    return dumps_line(record)[:-1].encode("utf-8"), "".join(lines).encode("utf-8"), len(lines)


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_give_the_general_line_and_segment_lines(text: str) -> None:
    rec = _record([_seg(text), _seg("x", lang=text or "und", kind=text or "other", confidence=1)])
    assert encode_with_segments(rec) == _general(rec)


@pytest.mark.parametrize("record", [
    _record([]),
    _record([_seg("a", confidence=1.0), _seg("b", confidence=0), _seg("c", confidence=1e-05)]),
    {"segments": [_seg("only segments")], "id": "x", "source": {"path": "p"}},  # nothing before them
    {"id": "x", "source": {"path": "p"}, "segments": [_seg("last")]},  # nothing after them
    _record([_seg("a")], id="sha256:\u0436\"\\"),
])
def test_records_of_every_shape_give_the_general_line(record: dict[str, Any]) -> None:
    assert encode_with_segments(record) == _general(record)


@pytest.mark.parametrize("record", [
    _record([_seg("a", confidence=math.nan)]),  # json writes NaN: the general path decides
    _record([_seg("a", confidence=math.inf)]),
    _record([_seg("a", confidence=True)]),
    _record([{"kind": "title", "lang": "en", "text": "key order", "confidence": 1.0}]),
    _record([{"lang": "en", "kind": "title", "text": "no confidence"}]),
    _record([{**_seg("extra key"), "more": 1}]),
    _record([_seg(None)]),  # type: ignore[arg-type]
    _record(None),
    _record(({"lang": "en", "kind": "title", "text": "a tuple", "confidence": 1.0},)),
    _record([_seg("a")], id=5),
    _record([_seg("a")], source={"path": 5}),
    _record([_seg("a")], source=None),
    {"text": "no segments"},
    ["not", "a", "dict"],
])
def test_anything_else_is_left_to_the_general_path(record: Any) -> None:
    assert encode_with_segments(record) is None


def test_an_error_of_the_rest_of_the_record_is_the_one_json_raises() -> None:
    for bad in ({"x": {1, 2}}, {"k": object()}):
        rec = _record([_seg("a")], authors=[bad])
        with pytest.raises(TypeError) as general:
            dumps_line(rec)
        with pytest.raises(TypeError) as fast:
            encode_with_segments(rec)
        assert str(fast.value) == str(general.value)


@pytest.mark.parametrize("record", [
    _record([_seg("a\ud800\udc00b")], text="x\udfffy"),  # in a segment, and in the text after them
    _record([_seg("a")], text="x\udfff\udc80y"),  # after the segments only
    _record([_seg("a")], title={"text": "\ud800", "lang": "en"}),  # before them
    {"id": "x", "source": {"path": "p"}, "segments": [_seg("\udc80")]},
])
def test_a_lone_surrogate_fails_to_encode_at_the_same_characters(record: dict[str, Any]) -> None:
    with pytest.raises(UnicodeEncodeError) as fast:
        encode_with_segments(record)
    with pytest.raises(UnicodeEncodeError) as general:
        dumps_line(record)[:-1].encode("utf-8")
    assert fast.value.object == general.value.object
    assert (fast.value.start, fast.value.end, fast.value.reason) == (general.value.start, general.value.end,
                                                                     general.value.reason)


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(ODD_TEXTS)
# build_record's key order (fixed_dictionaries does not keep it).
_segment = st.builds(_seg, _text, _text, _text, st.floats(allow_nan=False, allow_infinity=False) | st.integers())


@settings(max_examples=300, deadline=None)
@given(st.lists(_segment, max_size=5), _text, _text)
def test_random_segments_give_the_general_line(segments: list[dict[str, Any]], rid: str, path: str) -> None:
    rec = _record(segments, id=rid, source={"path": path})
    assert encode_with_segments(rec) == _general(rec)


# --- the document worker's extras -----------------------------------------------------------------


def _shard_made(line: bytes) -> tuple[dict[str, Any], bytes, int, bytes, list[str]]:
    """What the shard makes from a record's line without extras (shard._entry)."""
    rec = json.loads(line)
    seg, n, bitext, fields = derived_lines(rec)
    return summarize(rec, None), seg.encode("utf-8"), n, bitext.encode("utf-8"), fields


def _child_made(record: Any) -> tuple[Any, ...] | None:
    made = encode_with_segments(record)
    line = made[0] if made is not None else dumps_line(record)[:-1].encode("utf-8")
    extras = _extras(record, line, made)
    return None if extras is None else tuple(extras)


@pytest.mark.parametrize("record", [
    _record([_seg(t) for t in ODD_TEXTS]),
    _record([_seg("Да.", lang="ru"), _seg("Yes", lang="en", kind="title"), _seg("", lang="")]),
    _record([], title=None, title_translations=[], keywords={}, abstract={}, languages={}, repairs={}),
    _record([_seg("a")], abstract={"und": "x", "en": "a", "ru": "б"}, keywords={"en": [], "ru": ["к"]}),
    _record([_seg("a", confidence=math.nan)]),  # not made by encode_with_segments: from the line
    _record([_seg("a")], authors=("a tuple", "decodes as a list")),  # read from the line
    _record([_seg("a")], urls=()),  # an empty tuple is not an empty list: read from the line
])
def test_extras_are_what_the_shard_makes_from_the_line(record: dict[str, Any]) -> None:
    line = dumps_line(record)[:-1].encode("utf-8")
    assert _child_made(record) == _shard_made(line)
    # And through the frame's JSON header, as the shard gets them.
    extras = _child_made(record)
    assert extras is not None
    assert json.loads(json.dumps(extras[0], ensure_ascii=False)) == _shard_made(line)[0]


def test_extras_that_cannot_be_made_are_left_to_the_shard() -> None:
    # A stand-in processor's record without an id: the shard meets the error itself, as it did.
    rec = {"path": "a.txt", "text": "t"}
    assert _child_made(rec) is None
    with pytest.raises(KeyError):
        _shard_made(dumps_line(rec)[:-1].encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.lists(_segment, max_size=5), st.dictionaries(_text, _text, max_size=3),
       st.dictionaries(_text, st.lists(_text, max_size=3), max_size=3))
def test_random_records_give_the_shards_extras(segments: list[dict[str, Any]], abstract: dict[str, str],
                                               keywords: dict[str, list[str]]) -> None:
    rec = _record(segments, abstract=abstract, keywords=keywords)
    line = dumps_line(rec)[:-1].encode("utf-8")
    assert _child_made(rec) == _shard_made(line)


def test_the_sandbox_hands_over_the_extras_the_shard_would_make() -> None:
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[:3]
    with DocumentSandbox(from_mapping({})) as box:
        for p in seeds:
            raw = p.read_bytes()
            doc = Document(source=Source(path=p.name, sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)),
                           raw=raw)
            o = box.process(doc, parse=False)
            assert o.line is not None and o.extras is not None
            assert tuple(o.extras) == _shard_made(o.line)


def test_a_frame_in_blocks_reads_back_as_written() -> None:
    for header, blocks in [({"sizes": [3, 0, 2]}, [b"abc", b"", b"de"]), ({"x": 1}, [b"whole"]),
                           ({"sizes": [1, 1]}, [b"abc"]), ({}, [])]:  # sizes that do not add up: one block
        buf = io.BytesIO()
        _write_frame(buf, header, blocks)
        for reader in (_read_blocks_until, _read_frame_until):
            r, w = os.pipe()
            os.write(w, buf.getvalue())
            os.close(w)
            try:
                got_header, got = reader(r, time.monotonic() + 10)
            finally:
                os.close(r)
            assert got_header == header
            if reader is _read_frame_until:
                assert got == b"".join(blocks)
            else:
                assert got == (blocks if "sizes" in header and sum(header["sizes"]) == len(b"".join(blocks))
                               else [b"".join(blocks)])


@pytest.mark.parametrize("summary", [
    {"lang": "ru", "repairs": {"mojibake": 2, "a": 1}, "fields": ["title"], "letters": {"ru": 5, "en": 3},
     "segments": {"ru": 2, "en": 1}},
    {"reason": "ingest: «пустой» файл \"x\""},
])
def test_the_summary_text_the_shard_writes_is_the_row_the_merge_made(summary: dict[str, Any]) -> None:
    meta = {"path": "a.txt", "kind": "record", "sha256": "ab", "stat": [1, 2, 3, 4]}
    blocks = _entry(dict(meta), b"\n", None, {"stage": "x", "reason": "y"})
    written = json.loads(blocks[0])
    assert isinstance(written["summary"], str)
    # The merge of an older part (the summary itself) and of a new one (its text) give the same row.
    assert _row({**meta, "summary": json.loads(json.dumps(summary))}) == _row(
        {**meta, "summary": json.dumps(summary, ensure_ascii=False, sort_keys=True)})
    assert _row({**written, "stat": None}).summary == json.dumps(summarize(None, {"stage": "x", "reason": "y"}),
                                                                 ensure_ascii=False, sort_keys=True)


# --- letters: the UTF-8 path of a long, mostly ASCII text --------------------------------------------

_LONG_TEXTS = [
    "It’s “so” — naïve café, déjà vu. " * 4,
    "plain ascii " * 10 + "é",
    "x" * 63 + "é",  # one under the length the UTF-8 path starts at
    "x" * 64 + "é",
    "Ж" + "a" * 100,  # one Cyrillic letter in English
    "ё" * 9 + "a" * 63,  # just over one in eight: the codepages
    "a" * 70 + "中文，标点" + "b" * 10,  # in no codepage: the few other characters per character
    "a" * 70 + "x² ½ Ⅻ ª º µ",  # non-ASCII characters that are not letters, and some that are
    "a" * 70 + "\ud800\udfff lone surrogates",
    "a" * 70 + "\u00a0\u2028\u3000\ufeff odd spaces",
    "a" * 70 + "😀 emoji 𝔸𝕓",  # outside the BMP, letters among them
    "\t" * 80 + "ß",
]


@pytest.mark.parametrize("text", _LONG_TEXTS)
def test_long_mostly_ascii_text_counts_as_isalpha_says(text: str) -> None:
    assert alpha_count(text) == sum(c.isalpha() for c in text)
    assert _mostly_ascii_count(text.encode("utf-8", "surrogatepass")) == sum(c.isalpha() for c in text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=0x7F), min_size=60, max_size=200),
       st.lists(st.tuples(st.integers(0, 200), st.characters()), max_size=12))
def test_random_long_texts_count_as_isalpha_says(ascii_text: str, inserts: list[tuple[int, str]]) -> None:
    text = ascii_text
    for at, c in inserts:
        text = text[:at] + c + text[at:]
    assert alpha_count(text) == sum(c.isalpha() for c in text)


def test_a_shard_writes_the_same_part_whoever_makes_the_extras(seed_dir: Path, tmp_path: Path) -> None:
    from pipeline import config as C
    from pipeline.run.shard import ShardTask, run_shard

    (seed_dir / "empty.txt").write_bytes(b"")  # a quarantine entry between records
    cfg = C.replace(C.load(None), **{"input.dir": str(seed_dir)})
    files = tuple(sorted(p.name for p in seed_dir.glob("*.txt")))
    parts = []
    for child_extras in (True, False):
        out = tmp_path / str(child_extras)
        run_shard(ShardTask(cfg=cfg, input_dir=str(seed_dir), files=files, parts_dir=str(out), name="s",
                            child_extras=child_extras))
        parts.append((out / "s.part").read_bytes())
    assert parts[0] == parts[1]
