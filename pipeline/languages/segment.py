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

import heapq
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


def pieces(text: str, min_run_words: int) -> list[Run]:
    """The runs of ``text`` after short foreign runs have joined their sentence.

    ``[r.script for r in pieces("Страны BRICS и ШОС расширяются.", 4)] -> ["Cyrl"]``;
    ``[r.script for r in pieces("习近平提出，推动构建人类命运共同体 [Си Цзиньпин выступил с идеей]", 4)]
    -> ["Hani", "Cyrl"]``.

    The shortest run goes first (ties: the earlier one). A heap and a linked list keep this
    O(n log n) in the number of runs, whatever text is thrown at it.
    """
    rs = block_runs(text)
    n = len(rs)
    if n <= 1:
        return rs
    prev = list(range(-1, n - 1))
    nxt = [*range(1, n), -1]
    alive = [True] * n
    version = [0] * n
    heap: list[tuple[int, int, int, int, int]] = []

    def push(i: int) -> None:
        r = rs[i]
        if not is_long(r, min_run_words):
            heapq.heappush(heap, (r.weight, r.letters, r.start, i, version[i]))

    for i in range(n):
        push(i)
    count = n
    while heap and count > 1:
        _, _, _, i, v = heapq.heappop(heap)
        if not alive[i] or v != version[i]:
            continue
        r = rs[i]
        li, ri = prev[i], nxt[i]
        left = rs[li] if li >= 0 else None
        right = rs[ri] if ri >= 0 else None
        if left is not None and right is not None and left.script == right.script:
            # Sandwiched between two runs of one script: it is part of their text.
            left.absorb(r)
            left.join(right)
            alive[i] = alive[ri] = False
            count -= 2
            after = nxt[ri]
            nxt[li] = after
            if after >= 0:
                prev[after] = li
            touched = [li, prev[li], after]
        else:
            ls = gap_strength(text[left.end : r.start]) if left is not None else _EDGE
            rstr = gap_strength(text[r.end : right.start]) if right is not None else _EDGE
            if not r.acronyms_only and min(ls, rstr) >= 2:
                continue  # stands alone, unless a neighbour changes (which pushes it again)
            if left is not None and (right is None or (ls, -left.weight) <= (rstr, -right.weight)):
                left.absorb(r)
            elif right is not None:
                right.absorb(r)
            alive[i] = False
            count -= 1
            if li >= 0:
                nxt[li] = ri
            if ri >= 0:
                prev[ri] = li
            touched = [li, ri]
        for t in touched:
            if t >= 0 and alive[t]:
                version[t] += 1
                push(t)
    return [rs[i] for i in range(n) if alive[i]]


def last_space(gap: str) -> tuple[int, int] | None:
    """The span of the last whitespace run of ``gap`` (the last match of ``\\s+``), else None.

    ``last_space("1, 2  3") -> (4, 6)``. ``rsplit`` finds it from the end in C: a gap can be a long
    stretch of numbers and spaces (a table between two pieces), where every ``\\s+`` match of the
    gap would be a match object.
    """
    if gap[-1:].isspace():
        return len(gap.rstrip()), len(gap)
    parts = gap.rsplit(None, 1)  # [text before the run, the text after it]; no run: [gap]
    end = len(gap) - (len(parts[-1]) if parts else 0)
    if end == 0:
        return None
    return (len(parts[0]) if len(parts) == 2 else 0), end


def _cut(text: str, a: int, b: int) -> tuple[int, int]:
    """Where to cut the gap ``text[a:b]`` between two pieces: ``(end of the first, start of the second)``.

    ``_cut("共同体  [Си", 3, 6) -> (3, 5)``; ``_cut("共同体，[Си", 3, 5) -> (4, 4)``.
    """
    gap = text[a:b]
    space = last_space(gap)
    if space is not None:
        return a + space[0], a + space[1]
    for k, ch in enumerate(gap):
        if ch in _OPENERS:
            return a + k, a + k
    return b, b


def spans(text: str, ps: list[Run]) -> list[tuple[int, int]]:
    """The character span of each piece's segment; together they cover ``text`` except whitespace
    at the cuts (the text before the first piece and after the last belongs to them)."""
    if not ps:
        return [(0, len(text))]
    if len(ps) == 1:  # most blocks: the text without its outer whitespace (what the loop below gives)
        if not (text[:1].isspace() or text[-1:].isspace()):
            return [(0, len(text))]  # nearly all: nothing to strip, and no stripped copy made
        s = len(text) - len(text.lstrip())
        return [(s, max(s, len(text.rstrip())))]
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
