"""DOIs: every printed form, normalised; and which one is the article's own.

The article's DOI is printed in its header or footer (``DOI 10.x/y`` on a line of its own, a running
footer, a "cite as" line). DOIs inside reference entries and footnotes belong to the works they cite
and are never taken for the article's own.
"""

from __future__ import annotations

import re

from pipeline.metadata.text import trim_trailing

# A DOI name: "10." + registrant (4-9 digits, optionally dotted sub-codes) + "/" + suffix.
_DOI_CORE = r"10\.\d{4,9}(?:\.\d+)*/[^\s\"«»“”]+"
DOI_RE = re.compile(_DOI_CORE)
# The printed prefixes: a URL resolver, "doi:", "DOI", "DOI:" (also "DOI 10...", "doi.org/" and, in
# Chinese and Japanese text, the full-width colon "DOI：").
# (A label, a resolver, or both: "DOI: https://doi.org/10.x/y".)
_PREFIX = r"(?:\bdoi\s*[:.：]?\s*)?(?:https?://)?(?:dx\.)?doi\.org/\s*|\bdoi\s*[:.：]?\s*"
PREFIXED_DOI_RE = re.compile(rf"(?:{_PREFIX})({_DOI_CORE})", re.IGNORECASE)
# A line that is only a DOI statement: "DOI: 10.x/y", "https://doi.org/10.x/y", "doi 10.x/y."
DOI_LINE_RE = re.compile(rf"^\s*(?:{_PREFIX})?({_DOI_CORE})\s*$", re.IGNORECASE)

_OPEN_CLOSE = {")": "(", "]": "[", "}": "{", ">": "<"}


def trim_doi(doi: str) -> str:
    """Trim trailing punctuation off a DOI as printed, keeping balanced brackets.

    ``"10.1000/abc."`` -> ``"10.1000/abc"``; ``"10.1002/(sici)1097(199901)."`` keeps its parentheses
    -> ``"10.1002/(sici)1097(199901)"``; ``"10.1000/xyz)"`` -> ``"10.1000/xyz"`` (unbalanced)
    """
    return trim_trailing(doi, _OPEN_CLOSE)


def normalize_doi(doi: str) -> str:
    """The canonical form: no resolver or ``doi:`` prefix, trailing punctuation trimmed, lowercase.

    ``"https://doi.org/10.12345/ABCD.2020.007."`` -> ``"10.12345/abcd.2020.007"``
    """
    d = doi.strip()
    m = DOI_RE.search(d)
    if m:
        d = m.group(0)
    return trim_doi(d).lower()


def rejoin_broken_dois(text: str) -> str:
    """Rejoin a DOI that a line break split after a hyphen, slash or dot, or that unwrapping left with
    a space after its prefix.

    ``"DOI 10.31857/1234-5678-2023-2-\\n17-31"`` -> ``"DOI 10.31857/1234-5678-2023-2-17-31"``;
    ``"DOI: 10.1234/ 0987654321"`` -> ``"DOI: 10.1234/0987654321"`` (a prefix ending in "/" has no DOI
    without its suffix, so the next word with a digit in it is the suffix).
    Only a break right after such a character inside a DOI is joined; a DOI that simply ends at the
    line end is left alone.
    """

    def join(m: re.Match[str]) -> str:
        return m.group(1) + m.group(2)

    text = re.sub(r"(10\.\d{4,9}(?:\.\d+)*/(?:[^\s\"«»“”]*[-/.])?)[ \t]*\n[ \t]*([\w(][^\s\"«»“”]*)", join, text)
    return re.sub(r"(?<![\w.])(10\.\d{4,9}(?:\.\d+)*/)\s+(?=[^\s\"«»“”]*\d)([\w(][^\s\"«»“”]*)", join, text)


def find_dois(text: str) -> list[str]:
    """Every DOI printed in ``text``, normalised, in order, without repeats.

    Bare ``10.x/y`` names count as well as prefixed ones.
    ``"doi:10.1000/A1; see https://dx.doi.org/10.1000/b2."`` -> ``["10.1000/a1", "10.1000/b2"]``
    """
    out: list[str] = []
    if "10." not in text:  # every DOI starts so
        return out
    for m in DOI_RE.finditer(rejoin_broken_dois(text)):
        d = normalize_doi(m.group(0))
        if d not in out and "/" in d and len(d.split("/", 1)[1]) > 0:
            out.append(d)
    return out


# A resolver link in brackets after the DOI, as a markdown link reads once its marks are gone:
# "doi: https://doi.org/10.1/x (https://doi.org/10.1/x)".
_RESOLVER_LINK_TAIL = re.compile(r"\s+\((?:https?://)?(?:dx\.)?doi\.org/[^\s()]+\)\s*$", re.IGNORECASE)


def doi_statement(line: str) -> str | None:
    """The DOI when ``line`` is only a DOI statement, else None.

    ``"DOI: 10.12345/abcd.2020.007"`` -> ``"10.12345/abcd.2020.007"``;
    ``"doi: https://doi.org/10.1/x (https://doi.org/10.1/x)"`` -> ``"10.1/x"`` (a markdown link's target);
    ``"See doi:10.1/x for details."`` -> None
    """
    if "10." not in line:  # every DOI starts so
        return None
    if line.rstrip().endswith(")"):
        line = _RESOLVER_LINK_TAIL.sub("", line)
    m = DOI_LINE_RE.match(rejoin_broken_dois(line.strip()))
    if not m:
        return None
    d = normalize_doi(m.group(1))
    return d or None


def labelled_doi(text: str) -> str | None:
    """The first DOI printed with a ``DOI``/``doi:``/resolver label anywhere in ``text``, else None.

    ``"Для цитирования: ... С. 5-9. DOI: 10.1234/ABC-1"`` -> ``"10.1234/abc-1"``
    """
    if "10." not in text:
        return None
    m = PREFIXED_DOI_RE.search(rejoin_broken_dois(text))
    return normalize_doi(m.group(1)) if m else None


def issue_pattern(doi: str) -> dict[str, str] | None:
    """Year, issue and page range encoded at the end of a DOI suffix, if it has that shape.

    Many publishers end the suffix with ``-YYYY-ISSUE-FIRST-LAST``; this is only a hint, to be
    trusted when the year and issue agree with a printed header.
    ``"10.31857/1234-5678-2023-2-17-31"`` -> ``{"year": "2023", "issue": "2", "pages": "17-31"}``;
    ``"10.12345/abcd.2020.007"`` -> None
    """
    m = re.search(r"[-_.]((?:19|20)\d\d)[-_.](\d{1,3})[-_.](\d{1,5})[-_.](\d{1,5})$", doi)
    if not m:
        return None
    first, last = int(m.group(3)), int(m.group(4))
    if last < first:
        return None
    return {"year": m.group(1), "issue": m.group(2), "pages": f"{first}-{last}"}
