"""Language switches inside one script: a block that holds a Ukrainian abstract and then a Russian
one (or an English paragraph and then a German one) when the extraction ran them together.

Alphabets split a block only where the script changes. Within one script, a long run is looked at
sentence by sentence, and only when the whole run sends mixed signals: every candidate alphabet is
broken at least twice (``і`` for Russian *and* ``ы`` for Ukrainian), or two Latin languages both
have a solid share of the function words. Sentences the cues cannot place go with the sentence
before them, except cue-like fragments right before a switch (``Аннотация.``), which open the text
that follows; a group shorter than ``min_letters`` letters joins its neighbour; the rest are pieces
of their own, each labelled like any long piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.languages import cues
from pipeline.languages.script import CYRL, LATN, Run, count_letters, script_words

# A sentence ends at . ! ? … (closing quotes and brackets included) before whitespace, or at a
# line break; not when a lower-case letter follows ("2023 г. и ролята" goes on).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\n+")
# Mixed-signal thresholds: every Cyrillic candidate broken this often, or a second Latin language
# with this many function-word hits and this share of the first one's.
MIN_VIOLATIONS = 2
MIN_SECOND_HITS = 3.0
MIN_SECOND_SHARE = 0.3
# Undecided sentences shorter than this (in words) before a switch go with the text that follows.
MIN_LEAD_WORDS = 4


def mixed(run: Run, cands: Sequence[str]) -> bool:
    """Whether a run's cues point to more than one language of its script.

    ``mixed(<"Це українські речення і слова. Это русское предложение, вы знаете.">, ["ru", "uk"])
    -> True`` (і ї break Russian, э ы break Ukrainian).
    """
    if len(cands) < 2:
        return False
    if run.script == CYRL:
        v = cues.run_cyrillic_violations(run, cands)
        if run.letters >= cues.SIGNATURE_MIN_LETTERS:
            # A language whose everyday letters the run lacks is out, though its alphabet holds all
            # the others' letters (Kazakh writes ъ ы э щ too: a Bulgarian-then-Russian run breaks it
            # nowhere).
            text = run.text()
            v = {lang: n for lang, n in v.items() if not cues.lacks_signature(text, lang)}
            if len(v) < 2:
                return False
        return min(v.values()) >= MIN_VIOLATIONS
    if run.script == LATN:
        scores = sorted(cues.run_stopword_scores(run, cands).values(), reverse=True)
        return len(scores) > 1 and scores[1] >= MIN_SECOND_HITS and scores[1] >= MIN_SECOND_SHARE * scores[0]
    return False


def _sentence_lang(script: str, text: str, toks: list[str], letters: int, cands: Sequence[str]) -> str | None:
    low = [t.lower() for t in toks]
    comp = cues.compatible(text, letters, cands, script, low) if script == CYRL else list(cands)
    if len(comp) <= 1:
        return comp[0] if comp else None
    best, top, second = cues.best_by_stopwords(low, comp)
    if best is not None and top >= 2 and top > 2 * second:
        return best
    return None


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, trailing whitespace excluded."""
    out = []
    s = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() < end and text[m.end()].islower():
            continue
        e = m.start() + len(m.group().rstrip())
        if e > s:
            out.append((s, e))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out


@dataclass
class _Group:
    lang: str | None
    start: int
    end: int
    letters: int


def split_switches(text: str, run: Run, cands: Sequence[str], min_letters: int) -> list[Run]:
    """``[run]``, or the run cut at sentence ends where its language changes (see module doc)."""
    if run.script not in (CYRL, LATN) or run.letters < 2 * min_letters or not mixed(run, cands):
        return [run]
    groups: list[_Group] = []
    pending: list[tuple[int, int, int, int]] = []  # undecided sentences: start, end, letters, words
    for s, e in _sentences(text, run.start, run.end):
        toks = script_words(text[s:e], run.script)
        letters = count_letters(toks)
        lang = _sentence_lang(run.script, " ".join(toks), toks, letters, cands) if letters else None
        if lang is None:
            pending.append((s, e, letters, len(toks)))
            continue
        last = groups[-1] if groups else None
        if last is not None and last.lang == lang:
            last.end = e
            last.letters += letters + sum(p[2] for p in pending)
        else:
            # Undecided sentences before a switch: cue-like fragments ("Аннотация.", "Abstract.")
            # open what follows; anything longer continues what came before.
            lead = pending
            if last is not None:
                k = len(pending)
                while k > 0 and pending[k - 1][3] < MIN_LEAD_WORDS:
                    k -= 1
                if k > 0 and pending[k - 1][3] >= MIN_LEAD_WORDS:
                    last.end = pending[k - 1][1]
                    last.letters += sum(p[2] for p in pending[:k])
                lead = pending[k:]
            start = lead[0][0] if lead else s
            groups.append(_Group(lang, start, e, letters + sum(p[2] for p in lead)))
        pending = []
    if pending:
        if groups:
            groups[-1].end = pending[-1][1]
            groups[-1].letters += sum(p[2] for p in pending)
        else:
            return [run]
    # A group too short to stand alone joins the one before (the first one joins the next).
    merged: list[_Group] = []
    for g in groups:
        last = merged[-1] if merged else None
        if last is not None and (g.letters < min_letters or g.lang == last.lang):
            last.end = g.end
            last.letters += g.letters
        else:
            merged.append(g)
    if len(merged) > 1 and merged[0].letters < min_letters:
        merged[1].start = merged[0].start
        merged[1].letters += merged[0].letters
        merged.pop(0)
    if len(merged) < 2:
        return [run]
    merged[0].start = run.start
    merged[-1].end = run.end
    return [_sub_run(text, run.script, g.start, g.end) for g in merged]


def _sub_run(text: str, script: str, start: int, end: int) -> Run:
    part = text[start:end]
    toks = script_words(part, script)
    letters = count_letters(toks)
    others = sum(1 for c in part if c.isalpha()) - letters
    return Run(script, start, end, letters, len(toks), 0, False, [part], max(0, others), toks)
