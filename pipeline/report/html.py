"""report.html: one self-contained page with the run's figures and bar charts.

No network, no JavaScript: the charts are inline SVG, the style an inline <style> block, so the file
opens anywhere (a browser, a mail attachment, an archived run folder) exactly as it was written.
Every chart is an ``<svg class="chart" data-chart="NAME">`` with one ``<rect class="bar">`` per bar,
which is what the headless-browser test looks for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from pipeline.report.summary import processed_documents

# Colour-blind-safe palette (Okabe & Ito), one colour per chart.
COLOURS = {
    "languages": "#0072B2",
    "main_language": "#56B4E9",
    "repairs": "#009E73",
    "fields": "#E69F00",
    "quarantine": "#D55E00",
    "stages": "#CC79A7",
}
MAX_BARS = 25  # a long tail is folded into one "other (N kinds)" bar
LABEL_CHARS = 48

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 1040px; padding: 0 1.2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
.sub { color: #555; margin: 0 0 1.5rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: .7rem;
           margin-bottom: 1.6rem; }
.figure { border: 1px solid #ddd; border-radius: 6px; padding: .6rem .8rem; }
.figure .n { font-size: 1.5rem; font-weight: 650; } .figure .l { color: #555; font-size: .85rem; }
.figure.bad .n { color: #b03a00; }
.grid { display: grid; grid-template-columns: 1fr; gap: 1.2rem; }
svg.chart { max-width: 100%; height: auto; display: block; }
section { border: 1px solid #ddd; border-radius: 6px; padding: .9rem 1rem; }
section p.note { color: #555; font-size: .85rem; margin: .4rem 0 0; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
svg.chart text.v { fill: #333; }
.empty { color: #777; font-style: italic; }
table.meta { border-collapse: collapse; margin-top: 1.6rem; font-size: .85rem; }
table.meta td { padding: .15rem .8rem .15rem 0; vertical-align: top; }
table.meta td:first-child { color: #555; }
code { font: .85em ui-monospace, "DejaVu Sans Mono", monospace; }
"""


def _fold(items: Sequence[tuple[str, float]], max_bars: int = MAX_BARS) -> list[tuple[str, float]]:
    """Keep the largest ``max_bars - 1`` items and fold the rest into one bar.

    ``[("a", 5), ("b", 3), ("c", 1), ("d", 1)]`` with ``max_bars=3`` -> ``[("a", 5), ("b", 3), ("other (2 kinds)", 2)]``
    """
    items = sorted(items, key=lambda kv: (-kv[1], kv[0]))
    if len(items) <= max_bars:
        return list(items)
    head, tail = items[: max_bars - 1], items[max_bars - 1:]
    return [*head, (f"other ({len(tail)} kinds)", sum(v for _, v in tail))]


def _short(label: str, n: int = LABEL_CHARS) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def bar_chart(name: str, items: Sequence[tuple[str, float]], *, fmt: str = "{:g}", colour: str = "#0072B2",
              max_value: float | None = None, title: str = "") -> str:
    """A horizontal bar chart as inline SVG: one labelled bar per item, its value written after it."""
    if not items:
        return f'<p class="empty" data-chart="{escape(name)}">nothing to show</p>'
    bar_w, value_w, row_h, pad = 420, 90, 24, 6
    # The label column is as wide as the longest label needs (about 7 px a character at 12 px).
    label_w = int(min(7 * LABEL_CHARS, max(60, 7 * max(len(_short(str(label))) for label, _ in items) + 16)))
    top = max_value if max_value else max(v for _, v in items) or 1
    height = row_h * len(items) + pad * 2
    width = label_w + bar_w + value_w
    parts = [f'<svg class="chart" data-chart="{escape(name)}" role="img" aria-label="{escape(title or name)}" '
             f'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for i, (label, value) in enumerate(items):
        y = pad + i * row_h
        w = max(1.0, bar_w * (value / top)) if value > 0 else 0.0
        full = escape(str(label))
        parts.append(
            f'<g><title>{full}: {escape(fmt.format(value))}</title>'
            f'<text x="{label_w - 8}" y="{y + row_h / 2 + 4:.1f}" text-anchor="end">{escape(_short(str(label)))}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" rx="2" '
            f'fill="{colour}" data-label="{full}" data-value="{value:g}"/>'
            f'<text class="v" x="{label_w + w + 6:.1f}" y="{y + row_h / 2 + 4:.1f}">{escape(fmt.format(value))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _section(title: str, chart: str, note: str = "") -> str:
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    return f"<section><h2>{escape(title)}</h2>{chart}{note_html}</section>"


def _figure(label: str, value: Any, bad: bool = False) -> str:
    cls = "figure bad" if bad else "figure"
    return f'<div class="{cls}"><div class="n">{escape(str(value))}</div><div class="l">{escape(label)}</div></div>'


def render_html(report: Mapping[str, Any], letters: Mapping[str, int] | None = None,
                bitext: Mapping[str, int] | None = None, files: Sequence[str] = ()) -> str:
    """The page for one run's ``report`` (the dict written to report.json).

    ``letters`` is the number of letters per language over all segments (from segments.jsonl),
    ``bitext`` the number of bitext rows per field, ``files`` the output files written.
    """
    records = int(report.get("records_out", 0))
    docs = int(report.get("documents_in", 0))
    quarantined = int(report.get("quarantined", 0))
    wall = float(report.get("wall_seconds", 0) or 0)
    processed = processed_documents(report)

    figures = [
        _figure("documents in", docs),
        _figure("records out", records),
        _figure("quarantined", quarantined, bad=quarantined > 0),
        _figure("skipped (not documents)", report.get("skipped", 0)),
        _figure("seconds", f"{wall:.1f}"),
        _figure("documents / s", f"{processed / wall:.1f}" if wall > 0 and processed else "–"),
    ]
    inc = report.get("incremental") or {}
    if inc and not inc.get("full_run_reason"):
        figures.insert(1, _figure("processed this run", processed))
    if bitext:
        figures.append(_figure("bilingual pairs", sum(bitext.values())))

    sections = []
    total_letters = sum((letters or {}).values())
    if total_letters:
        shares = [(lang, n / total_letters) for lang, n in (letters or {}).items()]
        sections.append(_section(
            "Language shares", bar_chart("languages", _fold(shares), fmt="{:.1%}", colour=COLOURS["languages"],
                                         max_value=1.0, title="share of letters per language"),
            "Share of all letters in all segments, per language."))
    sections.append(_section(
        "Records by main language",
        bar_chart("main_language", _fold(list((report.get("languages") or {}).items())), fmt="{:g}",
                  colour=COLOURS["main_language"], title="records per main language"),
        "Each record counted once, under the language with most of its letters."))
    sections.append(_section(
        "Repairs by kind", bar_chart("repairs", _fold(list((report.get("repairs") or {}).items())),
                                     colour=COLOURS["repairs"], title="changes per repair kind"),
        "Changes made by the repair stage over all records, per kind."))
    coverage = [(f, n / records) for f, n in (report.get("fields_present") or {}).items()] if records else []
    sections.append(_section(
        "Field coverage", bar_chart("fields", _fold(coverage), fmt="{:.0%}", colour=COLOURS["fields"],
                                    max_value=1.0, title="share of records with each metadata field"),
        "Share of records in which each metadata field was found."))
    reasons = list((report.get("quarantine_reasons") or {}).items())
    sections.append(_section(
        "Quarantine reasons", bar_chart("quarantine", _fold(reasons), colour=COLOURS["quarantine"],
                                        title="quarantined documents per reason"),
        "See quarantine.jsonl for each document and the full reason." if reasons else
        "No document was quarantined."))
    stages = list((report.get("seconds_per_stage") or {}).items())
    if stages:
        sections.append(_section(
            "Time per stage", bar_chart("stages", stages, fmt="{:.2f} s", colour=COLOURS["stages"],
                                        title="seconds per stage"),
            "CPU-side seconds summed over all documents (workers run in parallel)."))

    meta_rows = [
        ("pipeline version", report.get("pipeline_version", "")),
        ("configuration hash", report.get("config_hash", "")),
        ("workers / shards", f"{report.get('workers', '')} / {report.get('shards', '')}"),
        ("inputs seen", report.get("inputs_seen", "")),
    ]
    if files:
        meta_rows.append(("files", ", ".join(files)))
    meta = "".join(f"<tr><td>{escape(k)}</td><td><code>{escape(str(v))}</code></td></tr>" for k, v in meta_rows)

    title = "seedclean run report"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{title}</title><style>{CSS}</style></head><body>"
        f"<h1>{title}</h1><p class=\"sub\">{docs} documents → {records} records, {quarantined} quarantined.</p>"
        f"<div class=\"figures\">{''.join(figures)}</div>"
        f"<div class=\"grid\">{''.join(sections)}</div>"
        f"<table class=\"meta\">{meta}</table>"
        "</body></html>\n"
    )
