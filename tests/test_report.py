"""Writers for dataset builders and readers of a run: segments, bitext, Parquet, report page, dataset card,
summary. Built against hand-made records that exercise every shape the schema allows (nulls, maps keyed
by language, optional footnote members, Cyrillic and CJK text)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.atomic import dumps_line
from pipeline.config import from_mapping
from pipeline.derived import bitext_rows, iter_records, segment_rows
from pipeline.record import record_errors
from pipeline.report import write_run_outputs
from pipeline.report.card import render_card, schema_fields
from pipeline.report.html import _fold
from pipeline.report.summary import summary_lines
from pipeline.schemas import load_schema


def make_record(path: str, *, bilingual: bool = True, accessed: bool = True) -> dict[str, Any]:
    sha = hashlib.sha256(path.encode()).hexdigest()
    # Footnotes as the metadata stage writes them: urls and accessed always present, accessed maybe null.
    footnotes: list[dict[str, Any]] = [{"id": "1", "text": "См. там же.", "urls": [], "accessed": None}]
    if accessed:
        footnotes.append({"id": "2", "text": "URL: https://example.org/a (дата обращения: 05.03.2024).",
                          "urls": ["https://example.org/a"], "accessed": "2024-03-05"})
    rec: dict[str, Any] = {
        "schema_version": "1.0",
        "id": f"sha256:{sha}",
        "source": {"path": path, "sha256": sha, "size_bytes": 1234, "encoding": "cp1251"},
        "title": {"text": "Российско-китайское сотрудничество", "lang": "ru"},
        "title_translations": [{"text": "Russian-Chinese cooperation", "lang": "en"}] if bilingual else [],
        "authors": [{"name": "И. И. Иванов", "affiliations": ["Университет"], "email": None},
                    {"name": "Wang Wei", "affiliations": [], "email": "wang@example.org"}],
        "doi": "10.1234/abc.2024.1" if bilingual else None,
        "published": "2024-03",
        "venue": {"name": "Вестник", "name_translations": [{"text": "Herald", "lang": "en"}], "year": "2024",
                  "volume": "3", "issue": None, "pages": "10-20"} if bilingual else None,
        "keywords": {"ru": ["Китай", "Россия"], "en": ["China", "Russia"]} if bilingual else {"en": ["web"]},
        "abstract": {"ru": "Статья о сотрудничестве.", "en": "A paper about cooperation."} if bilingual
        else {"en": "Only English."},
        "languages": {"ru": 0.6123, "en": 0.3, "zh": 0.0877},
        "segments": [
            {"lang": "ru", "kind": "title", "text": "Российско-китайское сотрудничество", "confidence": 1.0},
            {"lang": "en", "kind": "title", "text": "Russian-Chinese cooperation", "confidence": 0.9999},
            {"lang": "ru", "kind": "paragraph", "text": "Текст статьи.", "confidence": 0.95},
            {"lang": "zh", "kind": "footnote", "text": "中国外交部", "confidence": 0.8},
        ],
        "text": "Российско-китайское сотрудничество\n\nRussian-Chinese cooperation\n\nТекст статьи.",
        "footnotes": footnotes,
        "references": ["Иванов И. И. Книга. М., 2020."],
        "urls": ["https://example.org/a"],
        "emails": ["wang@example.org"],
        "boilerplate": ["Главная > Статьи"],
        "repairs": {"dehyphenate": 3, "ftfy": 1},
        "warnings": [],
    }
    return rec


def sample_report(records: int = 3, quarantined: int = 1) -> dict[str, Any]:
    return {
        "pipeline_version": "0.1.0",
        "config_hash": "sha256:0123456789abcdef@0.1.0",
        "inputs_seen": records + quarantined + 1,
        "documents_in": records + quarantined,
        "records_out": records,
        "quarantined": quarantined,
        "skipped": 1,
        "skipped_paths": [{"path": "notes.md", "reason": "does not match the input glob '**/*.txt'"}],
        "languages": {"ru": 2, "en": 1},
        "repairs": {"dehyphenate": 40, "unwrap": 120, "ftfy": 3, "page_furniture": 17},
        "fields_present": {"title": 3, "authors": 3, "doi": 2, "abstract": 2, "published": 1},
        "quarantine_reasons": {"ingest: the file is empty": quarantined} if quarantined else {},
        "seconds_per_stage": {"ingest": 0.01, "repair": 0.5, "languages": 0.3, "metadata": 0.2, "record": 0.05},
        "wall_seconds": 2.5,
        "workers": 2,
        "shards": 2,
    }


def _write_records(out: Path, records: list[dict[str, Any]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "records.jsonl").write_text("".join(dumps_line(r) for r in records), encoding="utf-8")
    (out / "quarantine.jsonl").write_text("", encoding="utf-8")


def _records() -> list[dict[str, Any]]:
    return [make_record("a/first.txt"), make_record("b.txt", bilingual=False, accessed=False),
            make_record("c.txt", accessed=False)]


def test_hand_made_records_are_valid() -> None:
    for rec in _records():
        assert record_errors(rec) == []


# --- segments.jsonl and bitext.jsonl ---------------------------------------------------------------

def test_segment_rows_number_each_segment_in_document_order() -> None:
    rec = make_record("a.txt")
    rows = list(segment_rows(rec))
    assert [r["index"] for r in rows] == list(range(len(rec["segments"])))
    assert rows[3] == {"record_id": rec["id"], "path": "a.txt", "index": 3, "lang": "zh", "kind": "footnote",
                       "confidence": 0.8, "text": "中国外交部"}


def test_bitext_pairs_the_languages_of_title_abstract_and_keywords() -> None:
    rec = make_record("a.txt")
    rows = list(bitext_rows(rec))
    assert [r["field"] for r in rows] == ["title", "abstract", "keywords"]
    assert rows[0]["translation"] == {"en": "Russian-Chinese cooperation", "ru": "Российско-китайское сотрудничество"}
    assert rows[1]["translation"] == {"en": "A paper about cooperation.", "ru": "Статья о сотрудничестве."}
    assert rows[2]["translation"] == {"en": "China; Russia", "ru": "Китай; Россия"}
    assert all(r["record_id"] == rec["id"] and r["path"] == "a.txt" for r in rows)


@pytest.mark.parametrize("change, fields", [
    ({"title_translations": []}, ["abstract", "keywords"]),  # title printed in one language only
    ({"title": None, "title_translations": [{"text": "T", "lang": "en"}]}, ["abstract", "keywords"]),
    ({"abstract": {"ru": "Текст.", "und": "???"}}, ["title", "keywords"]),  # und is no language
    ({"keywords": {}, "abstract": {}}, ["title"]),
    ({"title_translations": [{"text": "Другой", "lang": "ru"}]}, ["abstract", "keywords"]),  # same language twice
])
def test_bitext_needs_two_languages(change: dict[str, Any], fields: list[str]) -> None:
    rec = {**make_record("a.txt"), **change}
    assert [r["field"] for r in bitext_rows(rec)] == fields


# --- the run outputs together -----------------------------------------------------------------------

def test_write_run_outputs_writes_every_file_deterministically(tmp_path: Path) -> None:
    recs = _records()
    cfg = from_mapping({"output": {"dir": str(tmp_path)}})
    blobs = []
    for name in ("one", "two"):
        out = tmp_path / name
        _write_records(out, recs)
        files = write_run_outputs(out, cfg, sample_report())
        for f in files:
            if f not in ("report.json",):
                assert (out / f).is_file(), f
        assert "records.parquet" not in files and not (out / "records.parquet").exists()
        assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left
        blobs.append({f: (out / f).read_bytes() for f in ("segments.jsonl", "bitext.jsonl", "report.html",
                                                           "README.md")})
    assert blobs[0] == blobs[1]

    out = tmp_path / "one"
    segs = [json.loads(line) for line in (out / "segments.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(segs) == sum(len(r["segments"]) for r in recs)
    assert [s["record_id"] for s in segs[:5]] == [recs[0]["id"]] * 4 + [recs[1]["id"]]
    assert "中国外交部" in (out / "segments.jsonl").read_text(encoding="utf-8")  # UTF-8, not \\u-escaped
    bitext = [json.loads(line) for line in (out / "bitext.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(b["path"], b["field"]) for b in bitext] == [
        ("a/first.txt", "title"), ("a/first.txt", "abstract"), ("a/first.txt", "keywords"),
        ("c.txt", "title"), ("c.txt", "abstract"), ("c.txt", "keywords")]


def test_empty_run_still_writes_every_file(tmp_path: Path) -> None:
    cfg = from_mapping({"output": {"formats": ["jsonl", "parquet"]}})
    _write_records(tmp_path, [])
    files = write_run_outputs(tmp_path, cfg, sample_report(records=0, quarantined=2))
    assert (tmp_path / "segments.jsonl").read_text() == "" and (tmp_path / "bitext.jsonl").read_text() == ""
    assert "records.parquet" in files
    from pipeline.report.parquet import read_records
    assert list(read_records(tmp_path / "records.parquet", load_schema("record"))) == []
    assert "nothing to show" in (tmp_path / "report.html").read_text(encoding="utf-8")


# --- Parquet ---------------------------------------------------------------------------------------

def test_parquet_holds_the_same_records_as_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow is the 'parquet' extra")
    from pipeline.report import parquet

    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 2)  # several row groups, and a short last one
    recs = _records() + [make_record(f"d{i}.txt", bilingual=bool(i % 2)) for i in range(4)]
    cfg = from_mapping({"output": {"formats": ["jsonl", "parquet"]}})
    _write_records(tmp_path, recs)
    assert "records.parquet" in write_run_outputs(tmp_path, cfg, sample_report())

    from_jsonl = list(iter_records(tmp_path / "records.jsonl"))
    from_parquet = list(parquet.read_records(tmp_path / "records.parquet", load_schema("record")))
    assert from_parquet == from_jsonl
    # Same values, same key order: the JSON lines re-made from Parquet are the JSONL file's bytes.
    assert "".join(dumps_line(r) for r in from_parquet) == (tmp_path / "records.jsonl").read_text(encoding="utf-8")

    import pyarrow.parquet as pq
    table = pq.read_table(tmp_path / "records.parquet")
    assert table.num_rows == len(recs)
    assert pq.ParquetFile(tmp_path / "records.parquet").metadata.num_row_groups == 4
    import pyarrow as pa
    assert pa.types.is_map(table.schema.field("keywords").type)
    assert pa.types.is_struct(table.schema.field("source").type)
    assert table.column("venue").null_count == sum(r["venue"] is None for r in recs)

    first = (tmp_path / "records.parquet").read_bytes()
    write_run_outputs(tmp_path, cfg, sample_report())
    assert (tmp_path / "records.parquet").read_bytes() == first  # deterministic: no timestamps

    # Dropping parquet from the formats removes the stale file instead of leaving it out of date.
    write_run_outputs(tmp_path, from_mapping({}), sample_report())
    assert not (tmp_path / "records.parquet").exists()


def test_parquet_absent_and_null_members_read_back_as_the_schema_says(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow is the 'parquet' extra")
    from pipeline.report.parquet import read_records, write_parquet

    rec = make_record("a.txt")
    rec["footnotes"] = [{"id": "1", "text": "bare"}, {"id": "2", "text": "x", "urls": ["u"], "accessed": None}]
    schema = load_schema("record")
    write_parquet([rec], tmp_path / "r.parquet", schema)
    [back] = read_records(tmp_path / "r.parquet", schema)
    # urls may not be null, so a null urls was missing; accessed may be null, so it reads back as null.
    assert back["footnotes"] == [{"id": "1", "text": "bare", "accessed": None},
                                 {"id": "2", "text": "x", "urls": ["u"], "accessed": None}]
    assert back["venue"]["issue"] is None and back["authors"][0]["email"] is None  # required nulls kept


def test_parquet_types_follow_the_schema() -> None:
    pa = pytest.importorskip("pyarrow", reason="pyarrow is the 'parquet' extra")
    from pipeline.report.parquet import arrow_schema

    schema = load_schema("record")
    arrow = arrow_schema(schema)
    assert arrow.names == list(schema["properties"])
    assert arrow.field("languages").type == pa.map_(pa.string(), pa.float64())
    assert arrow.field("repairs").type == pa.map_(pa.string(), pa.int64())
    assert arrow.field("segments").type.value_type.names == ["lang", "kind", "text", "confidence"]
    assert arrow.field("title").type.names == ["text", "lang"]


# --- report.html -------------------------------------------------------------------------------------

CHARTS = ("languages", "main_language", "repairs", "fields", "quarantine", "stages")


def _html(tmp_path: Path, report: dict[str, Any] | None = None) -> str:
    _write_records(tmp_path, _records())
    write_run_outputs(tmp_path, from_mapping({}), report or sample_report())
    return (tmp_path / "report.html").read_text(encoding="utf-8")


def test_report_html_has_one_bar_per_item_and_no_outside_resources(tmp_path: Path) -> None:
    rep = sample_report()
    page = _html(tmp_path, rep)
    for chart in CHARTS:
        assert f'data-chart="{chart}"' in page, chart
    bars = {m.group(1): len(re.findall(r'<rect class="bar"', m.group(2)))
            for m in re.finditer(r'<svg class="chart" data-chart="(\w+)"(.*?)</svg>', page, re.S)}
    assert bars["repairs"] == len(rep["repairs"])
    assert bars["fields"] == len(rep["fields_present"])
    assert bars["quarantine"] == len(rep["quarantine_reasons"])
    assert bars["languages"] == 3  # ru, en, zh letters in the segments
    assert "<script" not in page.lower()
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:|//)', page)
    assert "@import" not in page and "url(" not in page


def test_report_html_bar_lengths_are_proportional(tmp_path: Path) -> None:
    page = _html(tmp_path)
    chart = re.search(r'data-chart="repairs"(.*?)</svg>', page, re.S).group(1)
    widths = {m.group(2): float(m.group(1)) for m in
              re.finditer(r'width="([\d.]+)" height="\d+" rx="2" fill="#\w+" data-label="(\w+)"', chart)}
    assert widths["unwrap"] == pytest.approx(3 * widths["dehyphenate"], rel=0.01)
    assert widths["unwrap"] > widths["page_furniture"] > widths["ftfy"] > 0


def test_report_html_escapes_what_it_shows(tmp_path: Path) -> None:
    rep = sample_report()
    rep["quarantine_reasons"] = {"ingest: <script>alert(1)</script> & more": 1}
    page = _html(tmp_path, rep)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_fold_keeps_the_largest_bars_and_sums_the_rest() -> None:
    assert _fold([("a", 5), ("b", 3), ("c", 1), ("d", 1)], max_bars=3) == [("a", 5), ("b", 3), ("other (2 kinds)", 2)]
    assert _fold([("b", 1), ("a", 1)]) == [("a", 1), ("b", 1)]


# --- dataset card -----------------------------------------------------------------------------------

def test_card_describes_every_record_field_from_the_schema(tmp_path: Path) -> None:
    schema = load_schema("record")
    _write_records(tmp_path, _records())
    write_run_outputs(tmp_path, from_mapping({}), sample_report())
    card = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\npretty_name: seedclean output\nlanguage:\n- ru\n- en\n- zh\n")
    for name, prop in schema["properties"].items():
        assert f"| `{name}` |" in card, name
        assert prop["description"].replace("|", "\\|") in card, name
    assert "| `source.encoding` |" in card
    assert "| `segments[].lang` | string | Language of the segment. |" in card
    assert "| `footnotes[].accessed` |" in card and "Optional." in card
    assert "`sha256:0123456789abcdef@0.1.0`" in card and "| pipeline version | `0.1.0` |" in card
    assert "| records out | 3 |" in card and "| quarantined (see `quarantine.jsonl`) | 1 |" in card


def test_card_follows_a_changed_schema() -> None:
    schema = json.loads(json.dumps(load_schema("record")))
    schema["properties"]["doi"]["description"] = "A brand-new description of the DOI."
    names = {n: d for n, _, d in schema_fields(schema)}
    assert names["doi"] == "A brand-new description of the DOI."
    assert "A brand-new description of the DOI." in render_card(sample_report(), schema)


# --- end-of-run summary ------------------------------------------------------------------------------

def test_summary_names_counts_top_reasons_languages_repairs_and_fields() -> None:
    rep = sample_report(records=3, quarantined=7)
    rep["quarantine_reasons"] = {f"ingest: reason {i}": i + 1 for i in range(7)}
    lines = summary_lines(rep, "out")
    assert lines[0] == "10 documents -> 3 records, 7 quarantined, 1 skipped in 2.5 s (4.0 documents/s) -> out"
    assert lines[1].startswith("quarantined: 7 × ingest: reason 6; 6 × ingest: reason 5;")
    assert "reason 1;" not in lines[1] and "(2 more reasons in quarantine.jsonl)" in lines[1]
    assert lines[2] == "languages (records by main language): ru 2, en 1"
    assert lines[3] == "repairs by kind: unwrap 120, dehyphenate 40, page_furniture 17, ftfy 3"
    assert lines[4] == "fields found: authors 3/3, title 3/3, abstract 2/3, doi 2/3, published 1/3"


def test_summary_of_a_clean_run_has_no_quarantine_line() -> None:
    lines = summary_lines(sample_report(quarantined=0))
    assert not any(line.startswith("quarantined:") for line in lines)


def test_summary_of_an_incremental_run_rates_only_what_it_processed() -> None:
    rep = sample_report(records=10, quarantined=0)
    rep["incremental"] = {"full_run_reason": None, "processed": 2, "reused": 8}
    assert summary_lines(rep)[0] == ("10 documents (2 processed, 8 unchanged since the last run) -> 10 records, "
                                     "0 quarantined, 1 skipped in 2.5 s (0.8 documents/s)")
    rep["incremental"]["full_run_reason"] = "configuration changed"
    rep["incremental"]["processed"] = 10
    assert summary_lines(rep)[0].startswith("10 documents -> 10 records") and "(4.0 documents/s)" in summary_lines(rep)[0]


@pytest.mark.parametrize(("segments", "expected"), [
    ([], ({}, {})),
    ([{"lang": "ru", "text": "Да."}, {"lang": "en", "text": "Yes"}, {"lang": "ru", "text": "Нет"}],
     ({"en": 3, "ru": 5}, {"en": 1, "ru": 2})),
    ([{"lang": "zh", "text": "中文 2024"}, {"lang": "und", "text": "12.5 %"}], ({"und": 0, "zh": 2}, {"und": 1, "zh": 1})),
])
def test_letters_per_language(segments: list[dict], expected: tuple[dict, dict]) -> None:
    from pipeline.letters import per_language

    assert per_language(segments) == expected


@pytest.mark.parametrize(("record", "quarantine", "expected"), [
    (None, {"stage": "ingest", "reason": "empty file"}, {"reason": "ingest: empty file"}),
    ({"languages": {"en": 0.3, "ru": 0.7}, "repairs": {"mojibake": 2}, "doi": "10.1/x", "title": None,
      "keywords": {}, "segments": [{"lang": "ru", "text": "Текст"}, {"lang": "en", "text": "Text"}]}, None,
     {"lang": "ru", "repairs": {"mojibake": 2}, "fields": ["doi"], "letters": {"en": 4, "ru": 5},
      "segments": {"en": 1, "ru": 1}}),
])
def test_summarize(record: dict | None, quarantine: dict | None, expected: dict) -> None:
    from pipeline.run.tally import summarize

    assert summarize(record, quarantine) == expected
