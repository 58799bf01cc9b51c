"""Properties that must hold for any input (hypothesis).

Plain random text rarely trips a layout rule, so the documents here are also built from the pieces
real inputs are made of (running headers, page numbers, hyphenated line ends, cue lines, footnote
marks, mojibake, entities, breadcrumbs, markdown, several scripts) joined by every kind of line break.
Examples are derandomized: the suite is the same on every run; ``make fuzz`` explores further.
"""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import RepairConfig, from_mapping
from pipeline.document import Document, Source
from pipeline.record import record_errors
from pipeline.repair import repair
from pipeline.stages import Pipeline

FRAGMENTS = [
    "Abstract", "Abstract:", "Аннотация.", "Keywords: energy, trade; policy", "Ключевые слова: энергия, торговля",
    "Key words", "1", "12", "– 7 –", "Page 3 of 10", "Journal of World Affairs. 2024. Vol. 5, No. 2. P. 10–25",
    "ВЕСТНИК МЕЖДУНАРОДНЫХ ОТНОШЕНИЙ", "doi:10.1234/abc.2024.5", "DOI: 10.24412/2686-7702-2024-3-", "50-64",
    "https://example.org/a-very-long-", "path/page.html", "inter-", "national relations are", "con-\ntinued",
    "¹ A footnote that was dropped here.", "2 Ibid., p. 5.", "[1] Smith J. A title of a book. London, 2020.",
    "# Heading", "## 1. Introduction", "**bold text**", "* an item", "1) first", "| a | b |", "> quoted",
    "Home › News › World", "Home / Politics / Story", "Related articles", "Share", "Read more", "© 2024 The Site",
    "By Jane Doe", "Published: 5 May 2024", "Опубликовано: 5 мая 2024 г.", "Received 1 March 2024; accepted 2 April",
    "Иванов И.И., Петров П.П.", "John Smith1, Anna Lee2", "1 University of Somewhere, City, Country",
    "e-mail: a.b@example.org", "Привет, мир. Это обычный текст.", "The quick brown fox jumps over the lazy dog.",
    "这是一个中文句子，其中有标点。", "中 国 人 民", "日本語の文です。", "한국어 문장입니다.",
    "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Ã©tÃ© â€œquotedâ€\x9d", "рТЕЛУНЙ", "&amp; &lt;b&gt; &#8212; &#xD800; &nbsp;&",
    "\u00ad", "\u200b\u200d", "\x0c", "\x1b[0m", "\ufeff", "\u202e", "e\u0301", "😀", "\t", "   ",
    "CHAPTER ONE", "Table 1. Results", "Figure 2: A caption", "(((", "----", "....", "&&&&",
]

line = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
separator = st.sampled_from(["\n", "\n\n", " ", "\r\n", "\n\n\n", "\r", "\n \n"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(line, max_size=30))
    out = []
    for p in parts:
        out.append(p)
        out.append(draw(separator))
    return "".join(out)


any_text = st.one_of(documents(), st.text(max_size=300))
PROPS = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow])

PIPE = Pipeline(from_mapping({}))


def _repair(text: str) -> Document:
    return repair(Document(source=Source(path="p.txt"), text=text), RepairConfig())


@PROPS
@given(any_text)
def test_repair_never_raises(text: str) -> None:
    doc = _repair(text)
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)


@PROPS
@given(any_text)
def test_repair_is_idempotent(text: str) -> None:
    once = _repair(text)
    twice = _repair(once.text)
    assert twice.text == once.text


@PROPS
@given(any_text, st.sampled_from(["utf-8", "utf-16", "cp1251", "koi8-r", "utf-8-sig", "cp1252"]))
def test_any_text_gives_a_valid_record_or_a_reasoned_ingest_quarantine(text: str, charset: str) -> None:
    raw = text.encode(charset, "replace")
    doc = Document(source=Source(path="p.txt", sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)),
                   raw=raw)
    out = PIPE.process(doc)
    if out.record is not None:
        assert record_errors(out.record) == []
        assert out.record["source"]["sha256"] == hashlib.sha256(raw).hexdigest()
    else:
        # Only input that is not text (empty, whitespace, NUL, binary-looking) may be refused, by ingest,
        # with a reason; a schema failure or an internal error in a stage is a bug.
        assert out.quarantine is not None
        assert out.quarantine["stage"] == "ingest", out.quarantine
        assert out.quarantine["reason"] and "internal error" not in out.quarantine["reason"]


@PROPS
@given(st.binary(max_size=600))
def test_any_bytes_give_a_valid_record_or_a_reasoned_quarantine(raw: bytes) -> None:
    doc = Document(source=Source(path="p.bin", sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)),
                   raw=raw)
    out = PIPE.process(doc)
    if out.record is not None:
        assert record_errors(out.record) == []
    else:
        assert out.quarantine is not None and out.quarantine["stage"] == "ingest", out.quarantine
