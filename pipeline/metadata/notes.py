"""Footnotes, references, URLs and emails.

Footnotes come from repair (``doc.footnotes``); here they gain their URLs and access date.
References are the entries under a ``References`` / ``Список литературы`` / ``Литература`` heading
(or the blocks repair already marked ``reference``), numbering markers removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.document import Block, Footnote
from pipeline.metadata.dates import access_date, find_dates
from pipeline.metadata.keywords_abstract import CuePart, find_cues
from pipeline.metadata.text import cue_regex, squash, strip_marks, trim_trailing, unique
from pipeline.metadata.title import is_title_shaped

URL_RE = re.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>\"«»“”{}|\\^`]+", re.IGNORECASE)
_WWW_RE = re.compile(r"[wW][wW][wW]\.")  # "www." in any case, as URL_RE reads it (scanned for in C)
EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])")

REFERENCE_HEADINGS = (
    "references", "reference list", "bibliography", "literature", "works cited", "literature cited", "sources",
    "список литературы", "список использованной литературы", "список источников", "литература",
    "библиография", "библиографический список", "источники", "источники и литература",
    "references (transliteration)", "список літератури", "література", "literatur", "bibliographie",
    "bibliografía", "bibliografia", "参考文献",
)
_REF_HEADING_RE = re.compile(rf"^\s*(?:\d+\.?\s*)?(?:{cue_regex(REFERENCE_HEADINGS)})\s*[:.]?\s*$", re.IGNORECASE)
# "[1] ...", "1. ...", "1) ...", "- [1] ...", "• ..." at the start of a reference entry.
_REF_MARKER_RE = re.compile(r"^\s*(?:[-*•]\s+)?(?:\[\d{1,4}\]|\d{1,4}[.)](?!\d))\s*")
_ENTRY_START_RE = re.compile(r"(?m)^\s*(?:[-*•]\s+)?(?:\[\d{1,4}\]|\d{1,4}[.)](?!\d))\s+")

_OPEN_CLOSE = {")": "(", "]": "[", "}": "{"}
# The article's history ("Received ...; accepted ...", "Статья поступила в редакцию ..."), printed at
# the end of a paper after its reference list.
_HISTORY_RE = re.compile(
    r"^\s*(?:(?:the\s+)?(?:статья|article|manuscript|paper|рукопись|стаття|рукопис)\s+)?"
    r"(?:received|submitted|revised|accepted|поступила|получена|одобрена|принята|доработана|надійшла|"
    r"прийнята|дата\s+поступления|date\s+of\s+(?:receipt|submission))\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|\b(?:n\.\s?d\.|б\.\s?г\.|s\.\s?a\.)", re.IGNORECASE)
# A leftover line this short with no year, link or DOI is page furniture (a running footer
# "Lee and Ray 203"), not a work cited.
_SHORT_ENTRY = 60


def trim_url(url: str) -> str:
    """Trim the sentence punctuation that follows a URL, keeping balanced brackets.

    ``"https://news.example.org/2023/03/20/a.html)."`` -> ``"https://news.example.org/2023/03/20/a.html"``;
    ``"https://en.wikipedia.org/wiki/Tianxia_(concept)"`` is kept whole
    """
    return trim_trailing(url, _OPEN_CLOSE)


def find_urls(text: str) -> list[str]:
    """URLs printed in ``text``, trimmed, in order, without repeats.

    ``"URL: http://example.gov/documents/6132 (дата обращения: 16.06.2024)."`` ->
    ``["http://example.gov/documents/6132"]``
    """
    out: list[str] = []
    # A URL needs "://" or "www.": "/" first, as it is found far faster (one character) and "://"
    # holds it.
    if ("/" not in text or "://" not in text) and not _has_www(text):
        return out
    for m in URL_RE.finditer(text):
        u = trim_url(m.group(0))
        if len(u) > len("www.") + 3:
            out.append(u)
    return unique(out)


def _has_www(text: str) -> bool:
    """Whether ``text`` holds "www." in any case, as ``URL_RE`` reads it. ``"See WWW.x.org"`` -> True

    Looking for its last two characters first (a substring test) spares the slower regex scan of
    nearly every text; and for one letter before two (a single character is found far faster), most
    texts written in another alphabet.
    """
    return (("w" in text and "w." in text) or ("W" in text and "W." in text)) and _WWW_RE.search(text) is not None


def find_emails(text: str) -> list[str]:
    """Email addresses in ``text``, in order, without repeats; a trailing full stop is not part of one.

    ``"Latvia aberg1990@mail.com. E-mail: a.b@uni.ru"`` -> ``["aberg1990@mail.com", "a.b@uni.ru"]``
    """
    if "@" not in text:
        return []
    return unique(m.group(0).rstrip(".") for m in EMAIL_RE.finditer(text))


def enrich_footnote(note: Footnote, day_first: bool = True, urls: list[str] | None = None) -> dict[str, Any]:
    """A footnote as the record stores it: id, text, the URLs it cites (``urls``: its ``find_urls``,
    when already read) and the access date it states.

    ``Footnote("3", "Report. URL: https://www.example.gov/x/ (accessed: 27.07.2024).")`` ->
    ``{"id": "3", "text": ..., "urls": ["https://www.example.gov/x/"], "accessed": "2024-07-27"}``
    """
    return {
        "id": note.id,
        "text": note.text,
        "urls": find_urls(note.text) if urls is None else urls,
        "accessed": access_date(note.text, day_first),
    }


def is_history_note(text: str) -> bool:
    """True for the article's history line: received/accepted dates, not a work cited.

    ``"Статья поступила в редакцию 12.01.2023; принята к публикации 01.03.2023."`` -> True;
    ``"Received 3 May 2022; accepted 9 June 2022"`` -> True;
    ``"Received wisdom and its critics // Philosophy. 2020. № 2."`` -> False (no date)
    """
    return bool(_HISTORY_RE.match(strip_marks(text))) and bool(find_dates(text))


def is_reference_entry(entry: str) -> bool:
    """Whether a piece of the reference list cites a work: it has a year (or "n.d."), a link or a DOI,
    or is long enough to be an entry without one; a short bare line is a leftover running footer.

    ``"Smith J. Title. London, 2020."`` -> True; ``"Lee and Ray 203"`` -> False
    """
    return len(entry) >= _SHORT_ENTRY or bool(_YEAR_RE.search(entry) or URL_RE.search(entry) or "10." in entry)


def is_reference_heading(text: str) -> bool:
    """True for a heading that opens a reference list.

    ``"#### References"`` -> True; ``"Список литературы"`` -> True; ``"References to the past"`` -> False
    """
    return len(text) < 60 and bool(_REF_HEADING_RE.match(strip_marks(text)))


def strip_reference_marker(entry: str) -> str:
    """An entry without its list marker. ``"- [1] Smith, John. ..."`` -> ``"Smith, John. ..."``"""
    return squash(_REF_MARKER_RE.sub("", entry, count=1))


def split_entries(text: str) -> list[str]:
    """Split a block holding several numbered entries into entries, markers removed.

    ``"[1] A. Title. 2006.\\n[2] B. Title. 2005."`` -> ``["A. Title. 2006.", "B. Title. 2005."]``;
    text without markers on its lines is one entry.
    """
    starts = [m.start() for m in _ENTRY_START_RE.finditer(text)]
    if len(starts) < 2:
        starts = _inline_numbered_starts(text)
    if len(starts) < 2:
        e = strip_reference_marker(text)
        return [e] if e else []
    if starts[0] != 0 and text[: starts[0]].strip():
        starts.insert(0, 0)
    pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)], strict=True)]
    return [e for e in (strip_reference_marker(p) for p in pieces) if e]


def _inline_numbered_starts(text: str) -> list[int]:
    """Where entries "[1] ... [2] ... [3] ..." start when a block runs them together on one line.

    Only a run numbered 1, 2, 3, ... in order counts, so a citation "[5]" inside an entry does not.
    ``"[1] A. 2006. [2] B. 2005."`` -> ``[0, 10]``
    """
    starts: list[int] = []
    expected = 1
    for m in re.finditer(r"(?:^|\s)(?:[-*•]\s+)?\[(\d{1,4})\]\s", text):
        if int(m.group(1)) == expected:
            starts.append(m.start() if m.start() == 0 else m.start() + 1)
            expected += 1
    return starts if starts and starts[0] == 0 else []


@dataclass
class References:
    """Reference entries found, and the indices of the blocks they came from."""

    entries: list[str]
    blocks: list[int]
    headings: list[int]


def find_references(blocks: list[Block], cues: list[list[CuePart]] | None = None) -> References:
    """The reference list: blocks under the last reference heading up to the next other heading, plus
    any blocks repair already marked ``reference``. ``cues``: each block's ``find_cues``, when the
    caller has them already.

    ``[heading "References", paragraph "[1] A.", paragraph "[2] B."]`` -> entries ``["A.", "B."]``
    """
    headings = [i for i, b in enumerate(blocks) if is_reference_heading(b.text)]
    idx: list[int] = []
    # Each reference heading opens a list (Russian papers print one, then its transliteration), which
    # ends at the next other heading or at an abstract, keywords or "about the authors" block.
    for h in headings:
        for j in range(h + 1, len(blocks)):
            b = blocks[j]
            if is_reference_heading(b.text):
                break
            if b.kind == "heading" and not _REF_MARKER_RE.match(b.text):
                break
            cued = cues[j] if cues is not None else find_cues(b.text)
            if (cued or is_history_note(b.text)) and not _REF_MARKER_RE.match(b.text):
                break
            # In a numbered list, an unnumbered title-shaped line is what follows the list (the title of
            # the English abstract block, a section), not an entry.
            numbered = bool(idx) and _REF_MARKER_RE.match(blocks[idx[-1]].text) is not None
            if numbered and not _REF_MARKER_RE.match(b.text) and is_title_shaped(b.text):
                break
            idx.append(j)
    # (Repair reads a list to its next heading: an abstract or keywords block after it, a summary in
    # another language printed after the references, is no entry.)
    def opens_with_cue(i: int) -> bool:
        parts = cues[i] if cues is not None else find_cues(blocks[i].text)
        return any(c.cue_start == 0 and c.kind != "stop" for c in parts)

    # (Nor is the paragraph right above such a block, unnumbered: repair's region ran on through an
    # English block after the Russian list, to its unlabelled abstract above its keywords.)
    def above_a_cue(i: int) -> bool:
        return i + 1 < len(blocks) and opens_with_cue(i + 1) and not _REF_MARKER_RE.match(blocks[i].text)

    idx = sorted(set(idx) | {i for i, b in enumerate(blocks) if b.kind == "reference" and not is_history_note(b.text)
                             and not opens_with_cue(i) and not above_a_cue(i)})
    entries: list[str] = []
    for j in idx:
        entries.extend(e for e in split_entries(blocks[j].text) if is_reference_entry(e))
    return References(entries=entries, blocks=idx, headings=headings)
