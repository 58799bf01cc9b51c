"""Building segments: a block is cut where its script changes for long enough to be text of its own.

A run of another script shorter than ``min_run_words`` words (two ideographs count as one word)
stays with its sentence: ``BRICS`` in Russian text, ``КНР`` in English, a Chinese name in a Russian
footnote. A longer run is a segment of its own: ``习近平提出，… [Си Цзиньпин выступил …]`` gives a
Han piece and a Cyrillic piece. A short run cut off from both neighbours by sentence ends
(``Abstract. <Russian text>``) stands alone; a short run of acronyms only (``DOI``, ``URL``) never does.

The cut between two pieces falls on the last whitespace between them, so an opening bracket or quote
goes with the text it opens and closing punctuation stays with the text it closes; with no whitespace
(``共同体，[Си``) the cut falls before an opening bracket or quote, else after the punctuation.
"""

from __future__ import annotations

import re

from pipeline.languages.script import Run, block_runs

_SENTENCE_END = re.compile(r"[.!?…;][\"'”’»)\]]*\s|[。！？；]|\n|\s[/|]\s")
_CLAUSE = re.compile(r"[()\[\]{}:—–（）【】：]|\s-\s")
_OPENERS = "([{«“„‘\"'（【「『"
_EDGE = 3  # the side of a run that is the block's edge


def gap_strength(gap: str) -> int:
    """How strongly the text between two runs separates them.

    ``0`` same clause (``" "``, ``", "``, quotes), ``1`` clause punctuation (``" ("``, ``": "``, dashes),
    ``2`` sentence end or line break (``". "``, ``"。"``, ``" / "``).
    """
    if _SENTENCE_END.search(gap):
        return 2
    if _CLAUSE.search(gap):
        return 1
    return 0


def is_long(run: Run, min_run_words: int) -> bool:
    """Whether a run is long enough to be a segment of its own inside a sentence."""
    return run.weight >= min_run_words and run.letters >= 2 * min_run_words


def _coalesce(rs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for r in rs:
        if out and out[-1].script == r.script:
            out[-1].join(r)
        else:
            out.append(r)
    return out


def pieces(text: str, min_run_words: int) -> list[Run]:
    """The runs of ``text`` after short foreign runs have joined their sentence.

    ``[r.script for r in pieces("Страны BRICS и ШОС расширяются.", 4)] -> ["Cyrl"]``;
    ``[r.script for r in pieces("习近平提出，推动构建人类命运共同体 [Си Цзиньпин выступил с идеей]", 4)]
    -> ["Hani", "Cyrl"]``.
    """
    rs = block_runs(text)
    fixed: set[int] = set()  # id() of short runs that stand alone
    while len(rs) > 1:
        short = [i for i, r in enumerate(rs) if id(r) not in fixed and not is_long(r, min_run_words)]
        if not short:
            break
        i = min(short, key=lambda k: (rs[k].weight, rs[k].letters, k))
        r = rs[i]
        left = rs[i - 1] if i > 0 else None
        right = rs[i + 1] if i + 1 < len(rs) else None
        if left is not None and right is not None and left.script == right.script:
            # Sandwiched between two runs of one script: it is part of their text.
            left.absorb(r)
            left.join(right)
            rs[i : i + 2] = []
            fixed.clear()
            continue
        ls = gap_strength(text[left.end : r.start]) if left is not None else _EDGE
        rstr = gap_strength(text[r.end : right.start]) if right is not None else _EDGE
        if not r.acronyms_only and min(ls, rstr) >= 2:
            fixed.add(id(r))
            continue
        if right is None or (left is not None and (ls, -left.weight) <= (rstr, -right.weight)):
            assert left is not None
            left.absorb(r)
            rs[i : i + 1] = []
        else:
            right.absorb(r)
            rs[i : i + 1] = []
        rs = _coalesce(rs)
        fixed.clear()  # neighbours changed: a run that stood alone may now have a clause to join
    return rs


def _cut(text: str, a: int, b: int) -> tuple[int, int]:
    """Where to cut the gap ``text[a:b]`` between two pieces: ``(end of the first, start of the second)``.

    ``_cut("共同体  [Си", 3, 6) -> (3, 5)``; ``_cut("共同体，[Си", 3, 5) -> (4, 4)``.
    """
    gap = text[a:b]
    spaces = list(re.finditer(r"\s+", gap))
    if spaces:
        return a + spaces[-1].start(), a + spaces[-1].end()
    for k, ch in enumerate(gap):
        if ch in _OPENERS:
            return a + k, a + k
    return b, b


def spans(text: str, ps: list[Run]) -> list[tuple[int, int]]:
    """The character span of each piece's segment; together they cover ``text`` except whitespace
    at the cuts (the text before the first piece and after the last belongs to them)."""
    if not ps:
        return [(0, len(text))]
    bounds = [0]
    ends = []
    for prev, nxt in zip(ps, ps[1:], strict=False):
        e, s = _cut(text, prev.end, nxt.start)
        ends.append(e)
        bounds.append(s)
    ends.append(len(text))
    out = []
    for s, e in zip(bounds, ends, strict=True):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out
