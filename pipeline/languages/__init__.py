"""Languages: the cleaned blocks and footnotes become segments, each with its language.

Script analysis first (script.py), then pieces: a block is cut where its script changes for long
enough (segment.py); then labels: alphabet cues, and langdetect only where it adds value (label.py,
cues.py, detect.py).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.config import LanguagesConfig
from pipeline.document import Block, Document, Segment, Source
from pipeline.languages import evidence
from pipeline.languages.label import UND, Item, Labeller, candidates
from pipeline.languages.script import LATN
from pipeline.languages.segment import pieces, spans
from pipeline.languages.switch import split_switches

__all__ = ["detect_languages", "segment_text"]


def segment_text(text: str, cfg: LanguagesConfig) -> list[tuple[str, str, float]]:
    """One text alone (no document context): ``[(lang, segment text, confidence), ...]``.

    ``segment_text("Ключевые слова: BRICS, ШОС", cfg) -> [("ru", "Ключевые слова: BRICS, ШОС", 0.45)]``
    (short and alone: the first allowed Cyrillic language its letters fit, with little confidence).
    """
    doc = Document(source=Source(path=""))
    doc.blocks = [Block("paragraph", text)]
    detect_languages(doc, cfg)
    return [(s.lang, s.text, s.confidence) for s in doc.segments]


def detect_languages(doc: Document, cfg: LanguagesConfig) -> Document:
    """Fill ``doc.segments`` (blocks in order, then footnotes) and ``doc.languages`` (share of letters).

    The segments of a block cover it: joined with single spaces they give back the block's text up to
    whitespace at the cuts.
    """
    units: list[tuple[str, int, int, str]] = [(b.kind, i, -1, b.text) for i, b in enumerate(doc.blocks)]
    units += [("footnote", -1, j, n.text) for j, n in enumerate(doc.footnotes)]
    runs = [pieces(text, cfg.min_run_words) for _kind, _b, _n, text in units]
    extra = [lang for lang in cfg.by_evidence if lang not in cfg.allowed]
    if extra:
        # The languages this document's Latin-script words show join the candidates, for it alone.
        extra = evidence.shown((r.lower_words() for rs in runs for r in rs if r.script == LATN), extra)
        if extra:
            cfg = replace(cfg, allowed=(*cfg.allowed, *extra))
    per_unit: list[list[Item]] = []
    items: list[Item] = []
    cands: dict[str, list[str]] = {}  # each script's, asked for every piece (read, never changed)
    for pos, ((kind, _, _, text), unit_runs) in enumerate(zip(units, runs, strict=True)):
        its = []
        for r in unit_runs:
            rc = cands.get(r.script)
            if rc is None:
                rc = cands[r.script] = candidates(r.script, cfg.allowed)
            its += [Item(pos, sub, kind) for sub in split_switches(text, r, rc, cfg.detect_min_letters)]
        per_unit.append(its)
        items.extend(its)
    Labeller(cfg, items).run()

    segments: list[Segment] = []
    letters: dict[str, int] = {}
    for (kind, block, note, text), its in zip(units, per_unit, strict=True):
        if not text or text.isspace():  # what `not text.strip()` says, without copying the text
            continue
        if not its:
            segments.append(Segment(UND, kind, text.strip(), 0.0, block, note))
            continue
        for it, (s, e) in zip(its, spans(text, [it.run for it in its]), strict=True):
            lab = it.label
            assert lab is not None
            segments.append(Segment(lab.lang, kind, text[s:e], round(lab.confidence, 4), block, note))
            letters[lab.lang] = letters.get(lab.lang, 0) + it.run.all_letters
    doc.segments = segments
    total = sum(letters.values())
    doc.languages = (
        {k: round(v / total, 4) for k, v in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))}
        if total
        else {}
    )
    return doc
