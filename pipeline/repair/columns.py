"""Column grids: side-by-side cells a PDF extraction printed on shared lines, read column by column.

A conference paper prints its authors side by side, each with an affiliation and an e-mail under
the name; ``pdftotext -layout`` keeps the columns by padding the lines with spaces::

      Sigrun Aasheim                 Pekka Rautiainen              Hanna-Liisa Kõiv
    Dept. of Electrical Eng.        Northern Wind Test Centre      Inst. of Energy Technology
    sigrun@tpu.example.no           Oulu, Finland                  hanna@ttc.example.ee

Squashing the spaces reads across the columns ("Sigrun Aasheim Pekka Rautiainen Hanna-Liisa Kõiv"),
which is no one's name. Here such a grid is rewritten the way a reader takes it: the first
column's cells top to bottom, then the second's, each cell a paragraph of its own. A lone row of
names side by side ("Ivan Petrov          Anna Smith") becomes one author line, "Ivan Petrov, Anna
Smith".

A grid is two to ``MAX_ROWS`` consecutive lines among the page's first ``FRONT_LINES`` lines, each
cut by gaps of three or more spaces into two to four cells of words (letters, not a table's
figures), whose centres line up, row after row, with the columns of its widest row (a row may
leave a column empty). A table of figures, a line of prose with a wide gap, or one lone wide row
is left as it is.
"""

from __future__ import annotations

import re

from pipeline.repair.front import name_list

__all__ = ["split_column_grids"]

_GAP = re.compile(r" {3,}")
MIN_COLUMNS = 2
MAX_COLUMNS = 4
MIN_ROWS = 2
MAX_ROWS = 8
# Grids of authors stand on the first page; the lines this far into the text are looked at.
FRONT_LINES = 80
# How far (in characters) a cell's centre may stand from its column's.
ALIGN = 12
# A cell of words: at least this many letters, and letters at least this share of its characters
# other than spaces (a table's "12.5   0.83   41" is no grid).
MIN_LETTERS = 2
MIN_LETTER_SHARE = 0.6


def _cells(line: str) -> list[tuple[float, str]]:
    """The cells of a line: ``(centre column, text)`` for each piece between gaps of 3+ spaces.

    ``"  Anna Berg      Tom Ray"`` -> ``[(6.5, "Anna Berg"), (20.5, "Tom Ray")]``
    """
    out = []
    pos = 0
    for piece in _GAP.split(line):
        start = line.index(piece, pos) if piece else pos
        text = piece.strip()
        if text:
            lead = len(piece) - len(piece.lstrip())
            s = start + lead
            out.append((s + len(text) / 2, text))
        pos = start + len(piece)
    return out


def _wordy(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    chars = sum(not c.isspace() for c in text)
    return letters >= MIN_LETTERS and letters >= MIN_LETTER_SHARE * chars


def _row(line: str) -> list[tuple[float, str]] | None:
    """A line's cells if it may be a grid row (2 to 4 cells of words), else None."""
    if "   " not in line.strip():
        return None
    cells = _cells(line)
    if not MIN_COLUMNS <= len(cells) <= MAX_COLUMNS or not all(_wordy(t) for _c, t in cells):
        return None
    return cells


def _name_row(cells: list[tuple[float, str]]) -> list[str] | None:
    """The cells of a row when each is one person's name (markers allowed), else None.

    ``[(8, "Ivan Petrov1"), (30, "Anna Smith2")]`` -> ``["Ivan Petrov1", "Anna Smith2"]``
    """
    texts = [t for _c, t in cells]
    if all(len(name_list(t) or ()) == 1 for t in texts):
        return texts
    return None


def _columns(rows: list[list[tuple[float, str]]]) -> list[list[str]] | None:
    """The rows' cells sorted into the columns of the widest row, or None when a cell stands near no
    column or two cells of a row near the same one."""
    anchors = [c for c, _t in max(rows, key=len)]
    cols: list[list[str]] = [[] for _ in anchors]
    for row in rows:
        used = set()
        for centre, text in row:
            k = min(range(len(anchors)), key=lambda j: abs(anchors[j] - centre))
            if abs(anchors[k] - centre) > ALIGN or k in used:
                return None
            used.add(k)
            cols[k].append(text)
    return cols


def split_column_grids(text: str) -> tuple[str, int]:
    """The text with each column grid among its first lines read column by column (see the module
    docstring); returns ``(text, grids rewritten)``.

    >>> t = "Title\\n\\n  Anna Berg        Tom Ray\\nUniv. of Oslo     Univ. of Bergen\\n\\nAbstract"
    >>> split_column_grids(t)
    ('Title\\n\\nAnna Berg\\n\\nUniv. of Oslo\\n\\nTom Ray\\n\\nUniv. of Bergen\\n\\nAbstract', 1)
    """
    if "   " not in text:
        return text, 0
    lines = text.split("\n")
    out: list[str] = []
    grids = 0
    i = 0
    front = min(len(lines), FRONT_LINES)
    while i < len(lines):
        if i >= front:
            out.extend(lines[i:])
            break
        rows: list[list[tuple[float, str]]] = []
        j = i
        while j < len(lines) and len(rows) < MAX_ROWS + 1 and (row := _row(lines[j])) is not None:
            rows.append(row)
            j += 1
        cols = _columns(rows) if MIN_ROWS <= len(rows) <= MAX_ROWS else None
        # (The widest row must have two or more cells in every column but one: one wide row and a
        # few lines with one gap each are a heading beside a page number, not a grid.)
        if cols is None or sum(len(c) >= MIN_ROWS for c in cols) < len(cols) - 1:
            names = _name_row(rows[0]) if rows else None
            if names:
                # A lone row of names side by side: one author line, the names cut by commas.
                out.append(", ".join(names))
                grids += 1
            else:
                out.append(lines[i])
            i += 1
            continue
        if out and out[-1].strip():
            out.append("")
        for col in cols:
            for cell in col:
                out.extend([cell, ""])
        if j == len(lines) or not lines[j].strip():
            out.pop()  # (the blank line after the grid, or the text's end, closes its last cell)
        grids += 1
        i = j
    return "\n".join(out), grids


# Two-column pages: a page's lines cut by a gap before the right column, which starts at (about) one
# character position on every line. The right column's left edge lies in the middle of the page
# (between these shares of its widest line); a line's gap to it is two spaces or more and ends within
# EDGE_SLACK characters before or EDGE_INDENT after the edge (a paragraph's first-line indent).
EDGE_FROM, EDGE_TO = 0.3, 0.7
EDGE_SLACK = 3
EDGE_INDENT = 6
# A page is read as two columns when at least this many of its lines are cut so, with words on both
# sides, and they make at least this share of its lines that keep to the columns.
MIN_SPLIT_LINES = 6
MIN_SPLIT_SHARE = 0.5
_GAP2 = re.compile(r"\S {2,}(?=\S)")
# Two spaces or more before text (indents too): as many as the gaps at least, found far faster (the
# pattern opens with its literal spaces).
_SPACES_THEN_TEXT = re.compile(r"  +(?=\S)")


def _right_edge(lines: list[str]) -> int | None:
    """The position where a page's right column starts: the commonest start of text after a gap of
    two spaces or more, in the middle of the page; None when too few lines have one."""
    # (The page's width is that of its long lines, not of its longest: a footer printed across a
    # sidebar's margin can be far wider than the text.)
    lengths = sorted(len(t) for t in lines)
    width = lengths[(len(lengths) * 9) // 10] if lengths else 0
    lo, hi = EDGE_FROM * width, EDGE_TO * width
    starts: dict[int, int] = {}
    for t in lines:
        for m in _GAP2.finditer(t):
            if lo <= m.end() <= hi:
                starts[m.end()] = starts.get(m.end(), 0) + 1
    if not starts:
        return None
    # The edge is the leftmost start of the busiest few positions (an indented paragraph starts later).
    best = max(starts.values())
    if best < MIN_SPLIT_LINES // 2:
        return None
    return min(p for p, k in starts.items() if k * 3 >= best)


def _cut(line: str, edge: int) -> tuple[str, str] | None:
    """A line's left and right column parts at ``edge``; None when text runs across the edge (a line
    printed across the page)."""
    # (A line with no gap that ends two characters or more before the edge keeps to the left column,
    # however close to the gutter: a narrow sidebar's lines fill it.)
    if len(line.rstrip()) < edge - 1 and not _GAP2.search(line):
        return line.rstrip(), ""
    if len(line.rstrip()) < edge - EDGE_SLACK:
        return line.rstrip(), ""
    indent = len(line) - len(line.lstrip())
    if indent >= edge - EDGE_SLACK:
        return "", line.strip()
    for m in _GAP2.finditer(line):
        # (The gap reaches the edge: a right column's text starts there, or further in, centred.)
        if m.start() + 1 <= edge + EDGE_SLACK and m.end() >= edge - EDGE_SLACK:
            return line[: m.start() + 1].rstrip(), line[m.end() :].strip()
    return None


def _wordy_side(text: str) -> bool:
    """A column's side of a line that holds words: two at least, mostly letters (``_wordy``)."""
    return len(text.split()) >= 2 and _wordy(text)


def _opens_columns(lines: list[str], paired: list[bool], k: int) -> bool:
    """Whether line ``k``, cut in two, opens a stretch of columns: it has words on both sides
    (``paired``), or such a line follows it before any blank line. A masthead's "proceedings   Paper
    type" over a blank line and a one-column title is not the columns' first line; a column's
    "Abstract   the first line of ..." is."""
    for j in range(k, len(lines)):
        if paired[j]:
            return True
        if not lines[j].strip():
            return False
    return False


def split_page_columns(page: str) -> tuple[str, bool]:
    """One page read column by column where its lines are cut into two columns of prose: each stretch of
    such lines (blank lines within it too) gives its left column's lines, then its right column's; a
    line printed across the page stays where it is and ends the stretch. ``(page, False)`` for a page
    that is not set in two columns.

    ``"Left one.    Right one.\\nLeft two.    Right two."`` (with six lines or more) -> the left lines,
    then the right lines
    """
    # (Fewer gaps inside lines than a column needs lines: no columns. A count of runs of spaces, in C,
    # turns down most pages before the scan for gaps.)
    if page.count("  ") < MIN_SPLIT_LINES or len(_SPACES_THEN_TEXT.findall(page)) < MIN_SPLIT_LINES:
        return page, False
    lines = page.split("\n")
    filled = [t for t in lines if t.strip()]
    edge = _right_edge(filled)
    if edge is None:
        return page, False
    cuts = [_cut(t, edge) if t.strip() else ("", "") for t in lines]
    paired = [bool(c and _wordy_side(c[0]) and _wordy_side(c[1])) for c in cuts]
    both = sum(paired)
    if both < MIN_SPLIT_LINES:
        return page, False
    # (Of the lines that keep to the columns, from the first line with words on both sides to the
    # last: lines across the page are not counted against them, nor the page's lines above or below
    # the columns, such as a one-column body beside a first page's sidebar.)
    first = paired.index(True)
    last = len(paired) - 1 - paired[::-1].index(True)
    in_columns = sum(
        1
        for t, c in zip(lines[first : last + 1], cuts[first : last + 1], strict=True)
        if c is not None and t.strip()
    )
    if both < MIN_SPLIT_SHARE * in_columns:
        return page, False
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    kept: list[str] = []  # the stretch's lines as printed
    wordy = 0  # its lines with words on both sides

    def flush() -> None:
        nonlocal wordy
        # (A short stretch, a few lines side by side in a page's front, is not the columns' text.)
        if wordy >= MIN_SPLIT_LINES:
            out.extend(left)
            if right:
                out.append("")
                out.extend(right)
        else:
            out.extend(kept)
        left.clear()
        right.clear()
        kept.clear()
        wordy = 0

    started = False  # within a stretch: a line with text on both sides read already
    for k, (t, c) in enumerate(zip(lines, cuts, strict=True)):
        if c is None:
            flush()
            out.append(t)
            started = False
        elif not started and not (c[0] and c[1] and _opens_columns(lines, paired, k)):
            # (Above a stretch's first line cut in two: a centred title or byline short enough to keep
            # to one side. It stays as it is.)
            out.append(t)
        else:
            started = True
            left.append(c[0])
            right.append(c[1])
            kept.append(t)
            wordy += _wordy_side(c[0]) and _wordy_side(c[1])
    flush()
    return "\n".join(out), True


def split_text_columns(text: str) -> tuple[str, int]:
    """Every page of ``text`` (pages end at form feeds) read column by column where it is set in two
    columns (``split_page_columns``); the text and the number of pages so read."""
    if "   " not in text:
        return text, 0
    pages = text.split("\f")
    n = 0
    for k, page in enumerate(pages):
        new, done = split_page_columns(page)
        if done:
            pages[k] = new
            n += 1
    return "\f".join(pages), n
