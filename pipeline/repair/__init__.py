"""Repair: charset damage, extraction debris and web furniture out; the text cut into blocks.

``repair(doc, cfg)`` runs, in order (each family switched by its ``repair.*`` key):

1. line ends (always): CRLF/CR -> LF, form feeds kept as page breaks; ``front_matter``: a YAML
   metadata block at the top (repair.front_matter) out of the text into ``doc.front_matter``;
2. ``unescape_html``: HTML entities;
3. ``cyrillic_mojibake``: KOI8-R / cp1251 / cp866 / mac-cyrillic mix-ups, line by line;
4. ``ftfy``: ftfy under the documented configuration (encoding.FTFY_CONFIG), on lines that need it;
5. (always) C0 controls and zero-width characters (before 2.), leftover C1 controls, soft
   hyphens, no-break spaces;
6. ``column_grids``: side-by-side cells on the first page read column by column (repair.columns);
7. ``web_boilerplate``, ``page_furniture``, ``footnotes``, ``unwrap``/``dehyphenate``,
   ``markdown``, ``cjk_spaces``: layout.build_blocks.

Every change is counted in ``doc.repairs`` by kind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pipeline.config import RepairConfig
from pipeline.document import Document
from pipeline.repair import chars, columns, encoding, front_matter, layout

__all__ = ["repair"]

log = logging.getLogger(__name__)


def repair(doc: Document, cfg: RepairConfig) -> Document:
    """Clean ``doc.text`` and cut it into ``doc.blocks``; fill furniture, boilerplate, footnotes, repairs."""
    text = doc.text
    counts = doc.repairs
    encoding.forget_lines()

    text, n = chars.normalize_line_ends(text)
    counts["line_ends"] += n
    if cfg.front_matter:
        doc.front_matter, text, n = front_matter.split_front_matter(text)
        if not n:
            doc.front_matter, text, n = front_matter.split_labelled_header(text)
        counts["front_matter_lines"] += n
    # Controls and invisible characters go first: inside a mojibake sequence they would stop
    # it from being recognised, and a second repair would then find it. (They, soft hyphens and
    # odd spaces are all outside encoding's plain set: one scan says when there are none, and
    # a text that is not plain seldom has a control or invisible character: one more scan says so.)
    if not encoding.is_plain(text) and chars.has_c0_or_invisible(text):
        text, n = chars.remove_c0_controls(text)
        counts["control_chars"] += n
        text, n = chars.remove_invisible(text)
        counts["invisible_chars"] += n
    # Tabs become spaces before the encoding fixes, as the blocks will have them: ftfy reads
    # "Â " differently from "Â\t".
    if "\t" in text:
        text = text.replace("\t", " ")
    if cfg.unescape_html:
        text, n = chars.unescape_entities(text)
        counts["html_entities"] += n
    for _ in range(3):
        text, n_cyr, n_ftfy = encoding.repair_encoding(text, cfg.cyrillic_mojibake, cfg.ftfy)
        counts["cyrillic_mojibake"] += n_cyr
        counts["mojibake"] += n_ftfy
        # C1 controls ftfy could not decode, invisible characters and soft hyphens (some of
        # them produced by decoding), odd spaces. Taking them out can join a mojibake sequence
        # they split ("Â\xadÀ"): then the encoding fixes go round again, so that repairing the
        # result finds nothing more.
        if encoding.is_plain(text):
            break
        removed = 0
        fixes: tuple[tuple[Callable[[str], tuple[str, int]], str], ...] = (
            (chars.remove_soft_hyphens, "soft_hyphens"), (chars.normalize_spaces, "spaces"))
        # (Controls and invisible characters are rare here: one scan for both rather than one each.)
        if chars.has_control_or_invisible(text):
            fixes = ((chars.remove_controls, "control_chars"), (chars.remove_invisible, "invisible_chars"), *fixes)
        for fix, kind in fixes:
            text, n = fix(text)
            counts[kind] += n
            removed += n
        if not removed or not (cfg.ftfy or cfg.cyrillic_mojibake):
            break

    if cfg.ftfy or cfg.cyrillic_mojibake:
        n, first = encoding.residual_damage(text)
        if n:
            doc.warnings.append(
                f"repair: {n} line(s) still look like mojibake and were left as they were (line {', '.join(map(str, first))}"
                f"{', ...' if n > len(first) else ''})"
            )
    if cfg.column_grids:
        # (Before the layout pass squashes the spaces that tell the columns apart.)
        # (Pages set in two columns first: an author grid's columns are read within its page's.)
        text, n = columns.split_text_columns(text)
        counts["two_column_pages"] += n
        text, n = columns.split_column_grids(text)
        counts["column_grids"] += n
    result = layout.build_blocks(text, cfg)
    # Joining lines can put side by side what ftfy reads as one damaged sequence ("Â" at a line
    # end, "\x9a" on the next line): blocks get one more look, unless one scan finds them all plain.
    if (cfg.ftfy or cfg.cyrillic_mojibake) and not encoding.is_plain("\n".join(b.text for b in result.blocks)):
        for b in result.blocks:
            if not encoding.is_plain(b.text):
                fixed, n_cyr, n_ftfy = encoding.repair_encoding(b.text, cfg.cyrillic_mojibake, cfg.ftfy)
                if fixed != b.text:
                    fixed = " ".join(chars.normalize_spaces(chars.remove_invisible(chars.remove_controls(
                        fixed)[0])[0])[0].split())
                    counts["cyrillic_mojibake"] += n_cyr
                    counts["mojibake"] += n_ftfy
                    b.text = fixed
    counts.update(result.counts)
    doc.furniture.extend(result.furniture)
    doc.boilerplate.extend(result.boilerplate)
    doc.footnotes.extend(result.footnotes)
    doc.warnings.extend(result.warnings)
    doc.set_blocks(result.blocks)
    # Keep the Counter free of zero entries: the report lists only what happened.
    for k in [k for k, v in counts.items() if not v]:
        del counts[k]
    return doc
