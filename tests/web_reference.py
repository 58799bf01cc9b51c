"""web.find_boilerplate and find_page_debris as they were before their speed-ups (commit 9301b90),
kept to check that the faster ones answer the same (tests/test_repair_perf_helpers.py)."""
# ruff: noqa

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from pipeline.repair.chars import squash
from pipeline.repair.web import (
    _BULLET, _COPYRIGHT, _LEAD_MARKS, _MD_HEADING, _POINTER, _SUBSCRIBE, _ends_sentence, _is_menu_item,
    _link_row, _sentences, _share_line, _short_line, _top_trail, _ui_words, is_label, is_title_like,
)


def _norm(text: str) -> str:
    t = text.strip()
    if t[:1] in ("#", "-", "*", "+", "•", "▪", "◦", "‣", "_"):
        t = _LEAD_MARKS.sub("", t)
    while t.endswith(("**", "__")):
        t = t[:-2].rstrip()
    return squash(t)


def is_body(text: str) -> bool:
    t = text.strip()
    return len(t) >= 60 and _ends_sentence(t) and len(t.split(None, 7)) == 8


def find_page_debris(lines: list[str], live: list[int], out: dict[int, str], hard_wrapped: bool = False,
                     norm: dict[int, str] | None = None) -> None:
    """Link rows, share bars, copyright footers, pointers, teaser lists, a repeated headline (see above).

    ``norm`` maps each live line to ``_norm`` of it, when the caller has it already.
    """
    if norm is None:
        norm = {i: _norm(lines[i]) for i in live}
    # Every rule below asks the same questions of the same lines: each is answered once.
    body_of = {i: is_body(lines[i]) for i in live}
    body = [i for i in live if body_of[i]]
    first_body = body[0] if body else len(lines)
    last_body = body[-1] if body else -1
    in_head = [i for i in live if i < first_body]
    in_tail = [i for i in live if i > last_body]
    pos = {i: k for k, i in enumerate(live)}

    def prev_live(i: int) -> int | None:
        k = pos[i]
        return live[k - 1] if k > 0 else None

    def next_live(i: int) -> int | None:
        k = pos[i]
        return live[k + 1] if k + 1 < len(live) else None

    def alone(i: int) -> bool:
        return (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())

    for i in in_head + in_tail:
        if i not in out and _link_row(norm[i]):
            out[i] = "breadcrumb" if i < first_body else "footer"
    # A two-item trail only as the page's very first line (and not in hard-wrapped text, where
    # the first line may be a paper's title).
    if not hard_wrapped and in_head and in_head[0] == live[0] and live[0] not in out and _top_trail(norm[live[0]]):
        out[live[0]] = "breadcrumb"
    for i in live:
        if i not in out and not body_of[i] and _share_line(norm[i]):
            out[i] = "share"

    # Share bars: runs of very short lines, mostly UI words; blank lines between them do not
    # break the bar ("Share" / "Tweet" / "Email" a line each).
    short = [_short_line(norm[i]) for i in live]
    k = 0
    while k < len(live):
        j = k
        while j < len(live) and short[j] and not _BULLET.match(lines[live[j]]) \
                and live[j] - (live[j - 1] if j > k else live[j]) <= 2:
            j += 1
        if j > k:
            ui = [_ui_words(norm[live[x]]) for x in range(k, j)]
            hits, total = sum(h for h, _ in ui), sum(t for _, t in ui)
            # One UI word alone is a share button only around the body: between paragraphs it
            # may be a subheading ("Print").
            edge = live[k] < first_body or live[k] > last_body
            if 2 * hits > total and (j - k >= 2 or hits == total and edge):
                for x in range(k, j):
                    out.setdefault(live[x], "share")
            k = j
        else:
            k += 1

    # Copyright footer: the line, the short lines of its run, every short line after it (among the
    # page's last lines too, body-like or not).
    zone = sorted(set(in_tail) | set(live[-6:]))
    for i in zone:
        if i in out or len(lines[i]) > 200 or not _COPYRIGHT.search(lines[i]):
            continue
        out[i] = "footer"
        j = i - 1
        while j >= 0 and lines[j].strip() and j > last_body and is_title_like(lines[j], 12):
            out.setdefault(j, "footer")
            j -= 1
        for x in zone:
            if x > i and len(norm[x].split()) <= 15:
                out.setdefault(x, "footer")
    for i in in_tail:
        if i not in out and is_title_like(lines[i], 8) and _SUBSCRIBE.search(lines[i]):
            out[i] = "footer"

    for i in live:
        if i in out or not alone(i):
            continue
        p, n = prev_live(i), next_live(i)
        if p is None or not body_of[p] or not (n is None or body_of[n] or n > last_body):
            continue
        m = _POINTER.match(norm[i])
        if m and len(m.group(2).split()) >= 2 and is_title_like(m.group(2), 15):
            out[i] = "teaser"

    if not hard_wrapped:
        start = 0
        while start < len(live):
            end = start
            while end + 1 < len(live) and live[end + 1] == live[end] + 1:
                end += 1
            run = live[start : end + 1]
            start = end + 1
            if len(run) < 3 or any(_BULLET.match(lines[i]) or _MD_HEADING.match(lines[i]) for i in run):
                continue
            p, n = prev_live(run[0]), next_live(run[-1])
            if p is None or not body_of[p] or not (n is None or body_of[n] or n > last_body):
                continue
            if is_label(lines[run[0]]) and len(norm[run[0]].split()) <= 4 and all(
                    is_title_like(lines[i], 15) and len(lines[i]) <= 120 for i in run[1:]):
                for i in run:
                    out.setdefault(i, "teaser")

    # The headline printed twice at the top: the first copy goes (the second stays for metadata).
    # (Not in hard-wrapped text: there a line is a piece of a paragraph, not a headline.)
    if hard_wrapped:
        return
    # The last line not taken yet that reads the same, in the head too: a copy further down is a
    # teaser ("Recent posts") or the title quoted in the text. (A head line marked below is never
    # another's later copy, as each looks only past itself.)
    last_copy = {norm[x]: x for x in in_head if x not in out}
    for i in in_head:
        if i in out or len(norm[i].split()) < 4 or not is_title_like(norm[i]):
            continue
        if last_copy.get(norm[i], -1) > i:
            out[i] = "repeat"


def find_boilerplate(lines: list[str], skip: set[int] | None = None, hard_wrapped: bool = False) -> dict[int, str]:
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
    live = [i for i, t in enumerate(lines) if t and not t.isspace() and i not in skip]
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

    # The site's name opens the page and heads it again over a line of its own: the site's tagline.
    first_body = next((i for i in live if is_body(lines[i])), len(lines))
    for i in labels:
        if 0 < i < first_body and norm[i] == norm[live[0]]:
            run = runs[run_of[i]]
            if len(run) == 2 and run[0] == i and run[1] < first_body and is_title_like(lines[run[1]]):
                out.setdefault(run[1], "tagline")

    # Menus: a run of four or more one-to-three-word link lines (no digits, no punctuation) as
    # the first or the last run of the page: navigation and footer link lists.
    for r in (runs[0], runs[-1]):
        if len(r) >= 4 and all(_is_menu_item(lines[i]) for i in r):
            for i in r:
                out.setdefault(i, "navigation")

    # Breadcrumb near the top: a line that holds another, later line plus a few navigation words.
    # Only lines of four words or more can be the headline (a normalised line has one space
    # between words), so of seven characters or more, and it must be shorter than the breadcrumb:
    # than the longest of the top lines, which leaves out nearly every paragraph once.
    top = max(len(norm[i]) for i in live[:8])
    long_lines = [i for i in live if len(norm[i]) < top and norm[i].count(" ") >= 3]
    lower: dict[int, str] = {}
    first_body = next((i for i in live if is_body(lines[i])), len(lines))
    for bi in live[:8]:
        b = norm[bi]
        if len(b) <= 7:
            continue
        b_low = b.lower()
        for hi in long_lines[bisect_right(long_lines, bi) :]:
            h = norm[hi]
            if len(h) >= len(b) or hi in out or hi >= first_body:
                continue
            h_low = lower.get(hi)
            if h_low is None:
                h_low = lower[hi] = h.lower()
            if h_low not in b_low:
                continue
            rest = b_low.replace(h_low, " ").split()
            if len(rest) <= 4 and not any(_ends_sentence(w) or w.endswith(",") for w in rest):
                out[bi] = "breadcrumb"
                for mid in live:
                    if bi < mid < hi and mid not in out and is_title_like(lines[mid]):
                        out[mid] = "navigation"
                break
    find_page_debris(lines, live, out, hard_wrapped, norm)
    return out
