"""The labelled language set (tests/data/labelled_segments.jsonl) and how it is scored.

Each line is one block or footnote of a small document (``doc``), in order, with the language(s) a
reader would give it: ``"lang": "ru"`` (every segment of the block must say ru), ``"lang": ["zh", "ru"]``
(the block must come out as exactly these segments, in order), or ``null`` (context only, not scored).
Documents are rebuilt from their lines so that short lines (a heading, a keyword line, a byline) are
judged in the context they really occur in. Used by the tests and by tests/bench_languages.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import LanguagesConfig
from pipeline.document import Block, Document, Footnote, Source
from pipeline.languages import detect_languages

DATA = Path(__file__).resolve().parent / "data" / "labelled_segments.jsonl"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class Line:
    doc: str
    kind: str
    text: str
    lang: list[str] | None  # expected segment languages; one entry: every segment has it


def load(path: Path = DATA) -> list[Line]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            d = json.loads(raw)
            lang = d["lang"]
            out.append(Line(d["doc"], d["kind"], d["text"], [lang] if isinstance(lang, str) else lang))
    return out


def n_words(text: str) -> int:
    """Words of a line; two CJK characters count as one word."""
    cjk = len(_CJK.findall(text))
    return len(re.findall(r"[^\W\d_]+", _CJK.sub(" ", text))) + (cjk + 1) // 2


def n_segments(lines: list[Line]) -> int:
    return sum(len(ln.lang) for ln in lines if ln.lang)


def documents(lines: list[Line]) -> list[tuple[Document, list[tuple[Line, str, int]]]]:
    """Rebuild the documents: footnote lines become ``doc.footnotes``, the rest ``doc.blocks``.
    Each line is returned with where it went (``"b"``/``"n"``, index)."""
    by_doc: dict[str, list[Line]] = {}
    for ln in lines:
        by_doc.setdefault(ln.doc, []).append(ln)
    out = []
    for name, lns in by_doc.items():
        doc = Document(source=Source(path=name))
        where: list[tuple[Line, str, int]] = []
        for ln in lns:
            if ln.kind == "footnote":
                where.append((ln, "n", len(doc.footnotes)))
                doc.footnotes.append(Footnote(str(len(doc.footnotes) + 1), ln.text))
            else:
                where.append((ln, "b", len(doc.blocks)))
                doc.blocks.append(Block(ln.kind, ln.text))
        doc.text = "\n\n".join(b.text for b in doc.blocks)
        out.append((doc, where))
    return out


@dataclass
class Result:
    right: int
    total: int
    short_right: int
    short_total: int
    errors: list[str]

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    @property
    def short_accuracy(self) -> float:
        return self.short_right / self.short_total if self.short_total else 1.0


def _score(pairs: list[tuple[Line, list[str], list[str]]]) -> Result:
    """``pairs``: (line, labels given, texts) per scored line. A one-language line is right when
    every segment has its language; a mixed line when the segments' languages are exactly the list."""
    res = Result(0, 0, 0, 0, [])
    for ln, got, texts in pairs:
        assert ln.lang
        n = len(ln.lang)
        ok = got == ln.lang if n > 1 else bool(got) and all(g == ln.lang[0] for g in got)
        res.total += n
        res.right += n if ok else 0
        if n == 1 and n_words(ln.text) <= 5:
            res.short_total += 1
            res.short_right += 1 if ok else 0
        if not ok:
            res.errors.append(f"{ln.doc}: expected {ln.lang}, got {got}: {[t[:40] for t in texts]}")
    return res


def run_stage(lines: list[Line], cfg: LanguagesConfig | None = None) -> tuple[Result, list[list[str]]]:
    """Score the language stage; also return every scored line's labels (for rerun comparisons)."""
    cfg = cfg or LanguagesConfig()
    pairs = []
    labels = []
    for doc, where in documents(lines):
        detect_languages(doc, cfg)
        for ln, w, i in where:
            segs = [s for s in doc.segments if (s.block == i if w == "b" else s.note == i)]
            labels.append([f"{s.lang}:{s.confidence}:{s.text}" for s in segs])
            if ln.lang:
                pairs.append((ln, [s.lang for s in segs], [s.text for s in segs]))
    return _score(pairs), labels


def run_baseline(lines: list[Line], detect: Callable[[str], str]) -> Result:
    """Score a per-paragraph detector: one label for each line's whole text."""
    pairs = []
    for ln in lines:
        if ln.lang:
            pairs.append((ln, [detect(ln.text)], [ln.text]))
    return _score(pairs)
