"""Web page furniture: breadcrumbs, navigation, teaser blocks, section labels, footers.

Decided by structure and repetition, never by a list of phrases:

- a *label* is a short line without sentence punctuation that occurs on the page more than once
  as a whole line ("Club events" under every teaser);
- a *breadcrumb* is a line near the top that ends with (or holds) another line of the page, the
  headline, after a few navigation words; the short link lines between it and the headline are
  navigation too;
- a *teaser block* is the run of lines (no blank line between them) that ends at a label:
  teaser titles (short, no sentence punctuation) and the one-sentence summary under a title;
- the *footer* is what follows the last label in the page's final run of lines (a disclaimer).
"""

from __future__ import annotations

import re
from collections import Counter

_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+(?=[A-ZА-ЯЁ])")


_LEAD_MARKS = re.compile(r"^(?:\s*(?:#{1,6}\s+|[-*+•▪◦‣]\s+|\*\*|__))+")


def _norm(text: str) -> str:
    """The words of a line, without markdown marks: "- **Club events**" and "Club events" match."""
    t = text.strip()
    if t[:1] in ("#", "-", "*", "+", "•", "▪", "◦", "‣", "_"):
        t = _LEAD_MARKS.sub("", t)
    while t.endswith(("**", "__")):
        t = t[:-2].rstrip()
    return " ".join(t.split())


def _sentences(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(text)) + 1


def is_title_like(text: str, max_words: int = 20) -> bool:
    """A line that reads as a title or link text: no sentence end, not too long, capitalised.

    >>> is_title_like("Global Corporations and Economy"), is_title_like("It rained. Then it stopped.")
    (True, False)
    """
    t = text.strip()
    if not t or _TERMINAL.search(t) or t.endswith((",", ";", ":")):
        return False
    words = t.split()
    return len(words) <= max_words and (t[0].isupper() or t[0].isdigit() or not t[0].isalpha())


def is_label(text: str) -> bool:
    """A short section label: at most six words, no punctuation at the end.

    >>> is_label("Club events"), is_label("Conclusion."), is_label("A very long line of many words here")
    (True, False, False)
    """
    t = text.strip()
    return is_title_like(t, max_words=6) and len(t) <= 60


def _is_menu_item(text: str) -> bool:
    t = text.strip()
    return 1 <= len(t.split()) <= 3 and is_title_like(t) and not any(c.isdigit() for c in t)


def find_boilerplate(lines: list[str], skip: set[int] | None = None) -> dict[int, str]:
    """Indices of boilerplate lines -> the reason ("label", "breadcrumb", "navigation", "teaser", "footer").

    ``lines`` are the document's lines (blank ones included, as the run structure matters);
    ``skip`` holds lines already taken as page furniture.
    >>> page = ["Home News Big story of the day", "Other story", "", "Big story of the day", "",
    ...         "Body text here.", "Related title", "Its summary.", "Events", "", "More body.",
    ...         "Another title", "Events", "Disclaimer text."]
    >>> sorted(find_boilerplate(page).items())  # doctest: +NORMALIZE_WHITESPACE
    [(0, 'breadcrumb'), (1, 'navigation'), (6, 'teaser'), (7, 'teaser'), (8, 'label'),
     (11, 'teaser'), (12, 'label'), (13, 'footer')]
    """
    skip = skip or set()
    out: dict[int, str] = {}
    live = [i for i, t in enumerate(lines) if t.strip() and i not in skip]
    if not live:
        return out

    # Runs: maximal stretches of consecutive non-blank lines.
    run_of: dict[int, int] = {}
    runs: list[list[int]] = []
    for i in live:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
        run_of[i] = len(runs) - 1

    norm = {i: _norm(lines[i]) for i in live}
    # Labels: short lines repeated as whole lines.
    counts = Counter(norm.values())
    candidates = [i for i in live if counts[norm[i]] >= 2 and is_label(lines[i]) and not _MD_HEADING.match(lines[i])]
    # A label hangs on to the teaser lines it closes; a subheading repeated in several sections
    # ("Method") stands alone between blank lines.
    attached: Counter[str] = Counter(norm[i] for i in candidates if len(runs[run_of[i]]) >= 2)
    labels = [i for i in candidates if 2 * attached[norm[i]] >= counts[norm[i]]]
    for i in labels:
        out[i] = "label"

    # Teaser blocks behind each label, and the footer after the last one.
    for i in labels:
        run = runs[run_of[i]]
        pos = run.index(i)
        j = pos - 1
        while j >= 0:
            idx = run[j]
            t = lines[idx]
            if idx in out or is_title_like(t):
                out.setdefault(idx, "teaser")
            elif j >= 1 and is_title_like(lines[run[j - 1]]) and _sentences(t) <= 2:
                out.setdefault(idx, "teaser")  # the short summary under a teaser title
            else:
                break
            j -= 1
        if run_of[i] == len(runs) - 1:
            for idx in run[pos + 1 :]:
                out.setdefault(idx, "footer")

    # Menus: a run of four or more one-to-three-word link lines (no digits, no punctuation) as
    # the first or the last run of the page: navigation and footer link lists.
    for r in (runs[0], runs[-1]):
        if len(r) >= 4 and all(_is_menu_item(lines[i]) for i in r):
            for i in r:
                out.setdefault(i, "navigation")

    # Breadcrumb near the top: a line that holds another, later line plus a few navigation words.
    head = live[:8]
    for bi in head:
        b = norm[bi]
        for hi in live:
            if hi <= bi or hi in out:
                continue
            h = norm[hi]
            if len(h) >= len(b) or h.lower() not in b.lower() or len(h.split()) < 4:
                continue
            rest = b.lower().replace(h.lower(), " ").split()
            if len(rest) <= 4 and not any(_TERMINAL.search(w) or w.endswith(",") for w in rest):
                out[bi] = "breadcrumb"
                for mid in live:
                    if bi < mid < hi and mid not in out and is_title_like(lines[mid]):
                        out[mid] = "navigation"
                break
    return out
