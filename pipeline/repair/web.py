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

Around the body (the *head* is what comes before the page's first body paragraph, the *tail* what
comes after its last; a body paragraph is a line of prose that ends a sentence):

- a *link row* in the head or tail: short items (one to four words, no digits, no colon) joined by
  separators (› » → > | / ·): "Home › World", "Terms | Privacy | Contact";
- a *share bar*: a run of one-to-three-word lines most of whose words are generic web UI words
  (``UI_WORDS``: share, tweet, email, print, subscribe... in a few languages). The vocabulary is
  never the only cue: the lines must be that short, without sentence punctuation;
- a *share line*: a UI-word label, a colon and two to eight one-word service names ("Share: Facebook X");
- a *top trail*: two short capitalised items joined by a separator as the page's very first line
  ("Sport / Tennis"); lower on the page two items are as likely a phrase;
- a *copyright footer* in the tail: a line with a © (or "Copyright") and a year, the short lines of
  its run and every short line after it; a short call to subscribe in the tail;
- a *pointer*: a "Label: Headline" line standing alone between two body paragraphs;
- a *teaser list*: a short label followed, in the same run, by two or more headline-shaped lines,
  between body paragraphs or in the tail (not in hard-wrapped text, where a run is a paragraph);
- a *repeated headline*: a headline-shaped line in the head printed again later in the head: the first copy goes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from pipeline.repair.chars import squash
from pipeline.repair.front import is_byline

_CLOSERS = "\"'”’»)]"
_SENTENCE_ENDS = (".", "!", "?", "…")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+(?=[A-ZА-ЯЁ])")


def _ends_sentence(text: str) -> bool:
    """A sentence end (. ! ? …), then only closing quotes or brackets, then only spaces.

    (A regex anchored at the end says the same, but a search tries it at every period of the
    line; reading back from the end costs two strips.)
    >>> _ends_sentence("He left.» "), _ends_sentence("Mr. Smith"), _ends_sentence("end. »x")
    (True, False, False)
    """
    return text.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


_LEAD_MARKS = re.compile(r"^(?:\s*(?:#{1,6}\s+|[-*+•▪◦‣]\s+|\*\*|__))+")


# What a line may start or end with when _norm has nothing to take off it.
_NORM_HEAD = frozenset(" #-*+•▪◦‣_")
_NORM_TAIL = frozenset(" *_")


def _norm(text: str) -> str:
    """The words of a line, without markdown marks: "- **Club events**" and "Club events" match."""
    # Most lines are normalised already: printable text has no whitespace but " " (see chars.squash),
    # so no double space and no mark or space at either end says there is nothing to do.
    if "  " not in text and text[:1] not in _NORM_HEAD and text[-1:] not in _NORM_TAIL and text.isprintable():
        return text
    t = text.strip()
    if t[:1] in ("#", "-", "*", "+", "•", "▪", "◦", "‣", "_"):
        t = _LEAD_MARKS.sub("", t)
    while t.endswith(("**", "__")):
        t = t[:-2].rstrip()
    return squash(t)


def _norms(lines: list[str], live: list[int], plain_spaces: bool = False) -> dict[int, str]:
    r"""``{i: _norm(lines[i]) for i in live}``.

    ``plain_spaces``: no line holds whitespace other than " " (the caller knows it of the page).
    Then a line without a double space and without a mark or a space at either end is normalised
    already, printable or not (splitting at " " and joining with " " gives it back), and is read
    here without a call.
    >>> _norms(["- **Club events**", "", "Club\u200bevents"], [0, 2], plain_spaces=True)
    {0: 'Club events', 2: 'Club\u200bevents'}
    """
    if not plain_spaces:
        return {i: _norm(lines[i]) for i in live}
    return {
        i: t if "  " not in t and t[:1] not in _NORM_HEAD and t[-1:] not in _NORM_TAIL else _norm(t)
        for i in live
        for t in [lines[i]]
    }


def _sentences(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(text)) + 1


def is_title_like(text: str, max_words: int = 20) -> bool:
    """A line that reads as a title or link text: no sentence end, not too long, capitalised.

    >>> is_title_like("Global Corporations and Economy"), is_title_like("It rained. Then it stopped.")
    (True, False)
    """
    t = text.strip()
    if not t or _ends_sentence(t) or t.endswith((",", ";", ":")):
        return False
    words = t.split()
    return len(words) <= max_words and (t[0].isupper() or t[0].isdigit() or not t[0].isalpha())


def is_label(text: str) -> bool:
    """A short section label: at most six words, no punctuation at the end, no e-mail address or link
    (a contact line repeated under each language's author block is no label).

    >>> is_label("Club events"), is_label("Conclusion."), is_label("A very long line of many words here")
    (True, False, False)
    >>> is_label("*e-mail: a.zhakypova@iou.example.kz")
    False
    """
    t = text.strip()
    return is_title_like(t, max_words=6) and len(t) <= 60 and "@" not in t and "://" not in t


def _is_menu_item(text: str) -> bool:
    """A menu item or a button: one to three words, no digits, no sentence end.

    >>> _is_menu_item("Accept all"), _is_menu_item("Tout refuser"), _is_menu_item("It rained."), _is_menu_item("Top 10")
    (True, True, False, False)
    """
    t = text.strip()
    return 1 <= len(t.split()) <= 3 and is_title_like(t) and not any(map(str.isdigit, t))


# Generic web UI words (share bars, subscribe calls), lower case, in a few languages. Never the
# only cue: a line must also be one to three words with no sentence punctuation.
UI_WORDS = frozenset(
    "share tweet email e-mail mail print facebook twitter x telegram whatsapp viber linkedin reddit "
    "pinterest vk vkontakte ok copy link comment comments save bookmark subscribe follow like "
    "поделиться поделись твитнуть отправить печать распечатать комментарии комментировать "
    "сохранить подписаться вконтакте одноклассники телеграм "
    "поширити поділитися коментарі друк підписатися "
    "teilen drucken partager imprimer compartir imprimir".split()
)
# Stems of a call to subscribe/follow, for a short line in the tail of a page.
_SUBSCRIBE = re.compile(r"subscri|newsletter|follow us|подпис|підпис|рассылк|abonn|suscr", re.IGNORECASE)
_LINK_SEP = re.compile(r"\s+(?:[›»→>|/·]|::)\s+|\s*[›»→]\s*")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\D{0,40}?)(?:19|20)\d\d|(?:19|20)\d\d\s*©", re.IGNORECASE)
_POINTER = re.compile(r"^([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}):\s+(\S.*)$")
_BULLET = re.compile(r"^\s*[-*+•▪◦‣]\s")


def is_link_row(text: str) -> bool:
    """Short link items joined by separators: a breadcrumb or a footer's link row.

    >>> is_link_row("Home › World › Europe"), is_link_row("By A. Smith | Updated: 3 May 2024, 18:42")
    (True, False)
    >>> is_link_row("«ҚОРҒАС» ХАЛЫҚАРАЛЫҚ ОРТАЛЫҒЫ")
    False
    """
    return _link_row(_norm(text))


def _link_row(t: str) -> bool:
    # (The separators tested one by one, not by a generator: this is asked of every line around the
    # body, and a generator's setup costs more than the scans.)
    if len(t) > 150 or not ("/" in t or "|" in t or ">" in t or "»" in t or "›" in t or "→" in t or "·" in t
                            or "::" in t):
        return False
    if "«" in t:
        t = t.replace("«", '"').replace("»", '"')  # quotation marks, not a trail's separators: «Газ» и нефть
    parts = [p.strip() for p in _LINK_SEP.split(t)]
    if len(parts) < 2 or (len(parts) < 3 and not ("»" in t or "›" in t or "→" in t)):
        return False
    return all(
        p and len(p.split()) <= 4 and ":" not in p and not _ends_sentence(p) and not any(map(str.isdigit, p))
        for p in parts
    )


def is_top_trail(text: str) -> bool:
    """A two-item breadcrumb ("Section / Subsection"): two short capitalised items, no digits.

    Only a page's very first line is read this way: elsewhere "Russia / China" is a phrase.
    >>> is_top_trail("Sport / Tennis"), is_top_trail("Inputs / outputs"), is_top_trail("Weather / 3 days")
    (True, False, False)
    """
    return _top_trail(_norm(text))


def _top_trail(t: str) -> bool:
    if len(t) > 60 or not ("/" in t or "|" in t or "·" in t):
        return False
    parts = [p.strip() for p in _LINK_SEP.split(t)]
    return len(parts) == 2 and all(
        p and len(p.split()) <= 2 and p[0].isupper() and ":" not in p and not _ends_sentence(p)
        and not any(map(str.isdigit, p))
        for p in parts
    )


_SHARE_LABEL = re.compile(r"^([^\W\d_][^\W\d_-]*)\s*:\s+(\S.*)$")


def is_share_line(text: str) -> bool:
    """A share label and the services after it, on one line: "Share: Facebook X Email".

    The label is a UI word (``UI_WORDS``) and a colon; what follows is two to eight one-word items
    without digits or sentence punctuation, most of them UI words or all of them capitalised names.
    >>> is_share_line("Share: Facebook X Email"), is_share_line("Print: the page is printer friendly")
    (True, False)
    """
    return _share_line(_norm(text))


def _share_line(t: str) -> bool:
    if ":" not in t:  # most lines: no label, no regex
        return False
    m = _SHARE_LABEL.match(t)
    if not m or m.group(1).lower() not in UI_WORDS:
        return False
    items = [w.strip("•·|,") for w in m.group(2).split()]
    items = [w for w in items if w]
    if not 2 <= len(items) <= 8 or any(len(w) > 20 or any(map(str.isdigit, w)) or _ends_sentence(w)
                                        for w in items):
        return False
    hits = sum(1 for w in items if w.lower() in UI_WORDS)
    return 2 * hits > len(items) or all(w[0].isupper() for w in items)


def _ui_words(t: str) -> tuple[int, int]:
    """UI words and all words of a normalised line (``_norm``)."""
    words = [w.strip("•·|,").lower() for w in t.split()]
    words = [w for w in words if w]
    return sum(1 for w in words if w in UI_WORDS), len(words)


# What a body line's last character is, its trailing spaces aside (see is_body).
_BODY_LAST = frozenset(_CLOSERS + "".join(_SENTENCE_ENDS))


def is_body(text: str) -> bool:
    """A line of prose: it ends a sentence and is long enough to be a paragraph (or its last line).

    >>> is_body("Police said the blockades had so far been peaceful and would go on."), is_body("Published: 3 May.")
    (True, False)
    """
    t = text.strip()
    # (_ends_sentence inlined, t being stripped already; the word count last: a split that stops
    # at the eighth word says whether there are eight.)
    return len(t) >= 60 and t.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS) and len(t.split(None, 7)) == 8


def _short_line(t: str, max_words: int = 3) -> bool:
    """A normalised line (``_norm``) of one to ``max_words`` words, no sentence end, no digits.

    (A normalised line has one space between words: counting spaces is counting words, without
    splitting a long line into a list.)
    >>> _short_line("Share this"), _short_line("Read more."), _short_line("Top 10"), _short_line("")
    (True, False, False, False)
    """
    return bool(t) and t.count(" ") < max_words and not _ends_sentence(t) and not any(map(str.isdigit, t))


def _runs(live: list[int]) -> list[list[int]]:
    """Maximal stretches of consecutive line numbers.

    >>> _runs([0, 1, 3, 5, 6, 7])
    [[0, 1], [3], [5, 6, 7]]
    """
    # Where a run ends (the next number is not the next line), then the slices between: one
    # comprehension instead of a list append per line.
    cuts = [k for k, a, b in zip(range(1, len(live)), live, live[1:], strict=False) if b - a != 1]
    return [live[a:b] for a, b in zip([0, *cuts], [*cuts, len(live)], strict=True)] if live else []


# A copyright footer is looked for among the page's last this many lines with text, body-like or not.
FOOTER_LINES = 6


def find_page_debris(lines: list[str], live: list[int], out: dict[int, str], hard_wrapped: bool = False,
                     norm: dict[int, str] | None = None, runs: list[list[int]] | None = None) -> None:
    """Link rows, share bars, copyright footers, pointers, teaser lists, a repeated headline (see above).

    ``norm`` maps each live line to ``_norm`` of it, and ``runs`` are ``_runs(live)``, when the
    caller has them already.
    """
    if norm is None:
        norm = {i: _norm(lines[i]) for i in live}
    if runs is None:
        runs = _runs(live)
    # Every rule below asks the same questions of the same lines: each is answered once.
    # (A body line is 60 characters or more and ends with a sentence mark or a closer, maybe then
    # spaces: most lines are turned down by their length or their last character.)
    body = [i for i in live if len(t := lines[i]) >= 60 and (t[-1] in _BODY_LAST or t[-1].isspace()) and is_body(t)]
    body_set = set(body)
    first_body = body[0] if body else len(lines)
    last_body = body[-1] if body else -1
    # (live is in ascending order: the head and the tail are slices of it.)
    in_head = live[: bisect_left(live, first_body)]
    in_tail = live[bisect_right(live, last_body) :]

    def prev_live(i: int) -> int | None:
        k = bisect_left(live, i)
        return live[k - 1] if k > 0 else None

    def next_live(i: int) -> int | None:
        k = bisect_left(live, i)
        return live[k + 1] if k + 1 < len(live) else None

    for i in in_head + in_tail:
        if i not in out and _link_row(norm[i]):
            out[i] = "breadcrumb" if i < first_body else "footer"
    # A two-item trail only as the page's very first line (and not in hard-wrapped text, where
    # the first line may be a paper's title).
    if not hard_wrapped and in_head and in_head[0] == live[0] and live[0] not in out and _top_trail(norm[live[0]]):
        out[live[0]] = "breadcrumb"
    # (A share line has a colon: the others are not looked at.)
    for i in [i for i in live if ":" in norm[i]]:
        if i not in out and i not in body_set and _share_line(norm[i]):
            out[i] = "share"

    # Share bars: runs of very short lines, mostly UI words; blank lines between them do not
    # break the bar ("Share" / "Tweet" / "Email" a line each).
    # (A line of three spaces or more is not short: most lines are turned down before the call.)
    short = [t.count(" ") < 3 and _short_line(t) for t in map(norm.__getitem__, live)]
    k = 0
    while k < len(live):
        if not short[k]:  # on to the next short line, found in C
            try:
                k = short.index(True, k)
            except ValueError:
                break
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

    # Copyright footer: the line, the short lines of its run, every short line after it.
    # (Either form of the pattern holds a year that starts "19" or "20": a line without is not searched.)
    # (Among the page's last lines too: a footer's sentences, "© 2008–2024 «Site». При использовании
    # материалов ссылка обязательна.", read as body lines.)
    # (in_tail is a slice of live: the zone is the slice from whichever starts first.)
    footer_zone = live[min(len(live) - len(in_tail), max(0, len(live) - FOOTER_LINES)):]
    for i in footer_zone:
        t = lines[i]
        if i in out or len(t) > 200 or not ("19" in t or "20" in t) or not _COPYRIGHT.search(t):
            continue
        out[i] = "footer"
        j = i - 1
        while j >= 0 and lines[j].strip() and j > last_body and is_title_like(lines[j], 12):
            out.setdefault(j, "footer")
            j -= 1
        for x in footer_zone:
            if x > i and len(norm[x].split()) <= 15:
                out.setdefault(x, "footer")
    for i in in_tail:
        if i not in out and is_title_like(lines[i], 8) and _SUBSCRIBE.search(lines[i]):
            out[i] = "footer"

    n_lines = len(lines)
    # (A line in a run of two or more has a live line next to it: only runs of one are looked at.)
    for i in [run[0] for run in runs if len(run) == 1]:
        # Only a line standing alone: blank lines (or the page's edge) on both sides.
        if (i and lines[i - 1].strip()) or (i + 1 < n_lines and lines[i + 1].strip()) or i in out:
            continue
        p, n = prev_live(i), next_live(i)
        if p is None or p not in body_set or not (n is None or n in body_set or n > last_body):
            continue
        m = _POINTER.match(norm[i])
        if m and len(m.group(2).split()) >= 2 and is_title_like(m.group(2), 15):
            out[i] = "teaser"

    if not hard_wrapped:
        for run in runs:
            if len(run) < 3:
                continue
            # (The neighbours first: they rule out most runs before a line of them is matched.)
            p, n = prev_live(run[0]), next_live(run[-1])
            if p is None or p not in body_set or not (n is None or n in body_set or n > last_body):
                continue
            if any(_BULLET.match(lines[i]) or _MD_HEADING.match(lines[i]) for i in run):
                continue
            # (Not the article's credits under it, its byline first: "Текст: Алина Гарипова" / "Фото: ...".)
            if is_label(lines[run[0]]) and len(norm[run[0]].split()) <= 4 and not is_byline(lines[run[0]]) and all(
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


def _repeats_head(run: list[int], label: int, norm: dict[int, str], head: set[str]) -> bool:
    """Whether a line of ``run`` other than ``label``, of four words or more, reads as a line of the
    page's head (``head``: the normalised lines above its first paragraph) and stands below it.
    ``([7, 8, 9], 9, {7: "the huts of the lagoon", 8: "a title", 9: "jane doe"}, {"the huts of the lagoon"})``
    -> True
    """
    return any(x != label and norm[x] in head and norm[x].count(" ") >= 3 for x in run)


def find_boilerplate(lines: list[str], skip: set[int] | None = None, hard_wrapped: bool = False,
                     plain_spaces: bool = False, paged: bool = False) -> dict[int, str]:
    """Indices of boilerplate lines -> the reason ("label", "breadcrumb", "navigation", "teaser", "footer").

    ``lines`` are the document's lines (blank ones included, as the run structure matters);
    ``skip`` holds lines already taken as page furniture; ``plain_spaces``: no line holds
    whitespace other than " " (the caller knows it of the page; see ``_norms``); ``paged``: the text
    has page breaks (a PDF's), where a run that repeats the head's lines is the article's first page
    printing again what its cover page printed (title, authors), not a teaser under a label.
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
    runs = _runs(live)
    starts = [run[0] for run in runs]

    def run_of(i: int) -> int:
        return bisect_right(starts, i) - 1  # (the few labels ask: no table of every line)

    norm = _norms(lines, live, plain_spaces)
    # Labels: short lines repeated as whole lines.
    counts = Counter(norm.values())
    # (When no two lines read the same, no line is a candidate: the lines need not be read.)
    candidates = [] if len(counts) == len(norm) else [
        i for i in live if counts[norm[i]] >= 2 and is_label(lines[i]) and not _MD_HEADING.match(lines[i])]
    # The page's first paragraph of prose: what stands above it is the page's head.
    first_body = next((i for i in live if is_body(lines[i])), len(lines))
    if paged and candidates:
        head = {norm[i] for i in live if i < first_body}
        candidates = [i for i in candidates if not _repeats_head(runs[run_of(i)], i, norm, head)]
    # A label hangs on to the teaser lines it closes; a subheading repeated in several sections
    # ("Method") stands alone between blank lines.
    attached: Counter[str] = Counter(norm[i] for i in candidates if len(runs[run_of(i)]) >= 2)
    labels = [i for i in candidates if 2 * attached[norm[i]] >= counts[norm[i]]]
    for i in labels:
        out[i] = "label"

    # Teaser blocks behind each label, and the footer after the last one.
    for i in labels:
        run = runs[run_of(i)]
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
        if run_of(i) == len(runs) - 1:
            for idx in run[pos + 1 :]:
                out.setdefault(idx, "footer")

    # The site's name opens the page and heads it again over a line of its own: that line, above the
    # first prose, is the site's tagline ("Río Claro" / "Crónicas del río"), not the headline.
    for i in labels:
        if 0 < i < first_body and norm[i] == norm[live[0]]:
            run = runs[run_of(i)]
            if len(run) == 2 and run[0] == i and run[1] < first_body and is_title_like(lines[run[1]]):
                out.setdefault(run[1], "tagline")

    # Menus: a run of four or more one-to-three-word link lines (no digits, no punctuation) as
    # the first or the last run of the page: navigation and footer link lists.
    for r in (runs[0], runs[-1]):
        if len(r) >= 4 and all(_is_menu_item(lines[i]) for i in r):
            for i in r:
                out.setdefault(i, "navigation")

    if not paged:
        # (A PDF's pages have no breadcrumb; a first page's line that holds a later one is its title,
        # which a sidebar's citation repeats in pieces.)
        _find_breadcrumb(lines, live, norm, first_body, out)
    find_page_debris(lines, live, out, hard_wrapped, norm, runs)
    return out


def _find_breadcrumb(lines: list[str], live: list[int], norm: dict[int, str], first_body: int,
                     out: dict[int, str]) -> None:
    """Marks in ``out`` a breadcrumb among the page's first lines and the title-like lines between it
    and the headline it ends with (see ``find_boilerplate``)."""
    # Breadcrumb near the top: a line that holds another, later line plus a few navigation words.
    # Only lines of four words or more can be the headline (a normalised line has one space
    # between words), so of seven characters or more, and it must be shorter than the breadcrumb:
    # than the longest of the top lines, which leaves out nearly every paragraph once.
    top = max(len(norm[i]) for i in live[:8])
    # (line, length, spaces) of each: the scan below is one comprehension per top line.
    heads = [(i, n, k) for i in live if (n := len(t := norm[i])) < top and (k := t.count(" ")) >= 3]
    long_lines = [i for i, _, _ in heads]
    lows: dict[int, str] = {}  # the lower case of the lines looked for, made once each
    # The headline a breadcrumb ends with comes before the page's first paragraph of prose: a line
    # it holds further down is the site's name in the footer, not the headline.
    for bi in live[:8]:
        b = norm[bi]
        if len(b) <= 7:
            continue
        b_low = b.lower()
        n_b = len(b)
        # A line that b holds has no more spaces than b (lower case keeps every space and adds
        # none): most lines are turned down before their lower case is made.
        k_b = b.count(" ")
        near = [hi for hi, n, k in heads[bisect_right(long_lines, bi) :]
                if n < n_b and k <= k_b and hi < first_body and hi not in out]
        for hi in near:
            if hi not in lows:
                lows[hi] = norm[hi].lower()
        found = [(hi, lows[hi]) for hi in near if lows[hi] in b_low]
        for hi, h_low in found:
            rest = b_low.replace(h_low, " ").split()
            if len(rest) <= 4 and not any(_ends_sentence(w) or w.endswith(",") for w in rest):
                out[bi] = "breadcrumb"
                for mid in live:
                    if bi < mid < hi and mid not in out and is_title_like(lines[mid]):
                        out[mid] = "navigation"
                break
