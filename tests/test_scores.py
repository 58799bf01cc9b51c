"""The acceptance figures: the seeds against their hand-checked answers, and the hold-out documents
(tests/data/holdout) against theirs, scored by the shared scorer exactly as the issues measure them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def _scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"{SCORER} not found: the shared scorer sits beside the project in CI and development")
    spec = importlib.util.spec_from_file_location("seed_scorer", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _score(input_dir: Path, gold: Path, out: Path) -> dict:
    assert main(["run", "-q", "--input", str(input_dir), "--output", str(out), "--workers", "1"]) == 0
    scorer = _scorer()
    metrics, per_doc, missing = scorer.score(scorer.load_records(out / "records.jsonl"), str(gold))
    assert missing == []
    return {k: (v["f1"] if isinstance(v, dict) else v) for k, v in metrics.items()}


def test_seeds_score_perfectly(tmp_path: Path) -> None:
    m = _score(ROOT / "seeds", ROOT.parent / "shared" / "expected", tmp_path / "out")
    for field in ("title", "authors", "doi", "date", "keywords", "abstract", "lang_chars", "mojibake_docs",
                  "boilerplate_removed"):
        assert m[field] == 1.0, (field, m)


# Floors, not targets: the figures measured when each rule landed. They may only go up.
ALL_ONE = dict.fromkeys(("title", "authors", "doi", "date", "keywords", "abstract", "lang_chars", "mojibake_docs",
                         "boilerplate_removed"), 1.0)
HOLDOUT_FLOORS = {
    "holdout": ALL_ONE,
    "holdout2": ALL_ONE,
    # Written blind, after the rules above (see its README). Its first score, before any rule was
    # changed for it: overall 0.735 (title 0.0, authors 0.56, boilerplate 0.425); these floors are the
    # figures after the general fixes it showed were needed.
    "holdout3": ALL_ONE | {"authors": 0.94, "boilerplate_removed": 0.92},
    # Also written blind, at the end of the session that wrote the third. Its first score: overall 0.602
    # (0.575 with the rules before the third set's fixes): authors 0.105, boilerplate 0.232, title 0.429,
    # date 0.4, DOI 0.571.
    "holdout4": ALL_ONE | {"boilerplate_removed": 0.95, "lang_chars": 0.95},
    # Blind, web-heavy (five scraped pages). First score 0.510 (title 0.0, authors 0.0, boilerplate 0.308).
    "holdout5": ALL_ONE | {"boilerplate_removed": 0.89, "doi": 0.8, "keywords": 0.98, "lang_chars": 0.96},
    # Blind and scored sealed at first (0.593, then 0.650 after the fifth set's fixes); opened for
    # development afterwards.
    "holdout6": ALL_ONE | {"boilerplate_removed": 0.89, "date": 0.92, "lang_chars": 0.89},
    # Blind and sealed: scored, never read to tune a rule. First score 0.791 (0.760 with the rules at the
    # start of the session that wrote it). The floors only guard against regressions.
    "holdout7": ALL_ONE | {"authors": 0.87, "boilerplate_removed": 0.79, "date": 0.85, "keywords": 0.94,
                           "lang_chars": 0.82, "title": 0.7},
    # Blind, open for development: first score 0.815 (title 0.5, boilerplate 0.70, abstract 0.70).
    "holdout8": ALL_ONE | {"authors": 0.97, "boilerplate_removed": 0.82, "lang_chars": 0.91,
                           "mojibake_docs": 0.87},  # (the scorer's mojibake pattern reads Ukrainian "Рі" as one)
    # Blind and sealed: first score 0.753 (authors 0.125, boilerplate 0.48). Floors against regressions only.
    "holdout9": ALL_ONE | {"abstract": 0.94, "authors": 0.83, "boilerplate_removed": 0.76, "date": 0.92,
                           "lang_chars": 0.84, "title": 0.87},
    # Blind, open for development: first score 0.718 (title 0.375, authors 0.385, boilerplate 0.56).
    "holdout10": ALL_ONE | {"abstract": 0.93, "authors": 0.97, "boilerplate_removed": 0.87, "lang_chars": 0.95},
    # Blind and sealed: first score 0.723 (title 0.25, authors 0.46, date 0.625). Floors against regressions only.
    # (The two-column reader gained it an author list and cost it a title: title 0.625 -> 0.5.)
    "holdout11": ALL_ONE | {"abstract": 0.92, "authors": 0.81, "boilerplate_removed": 0.73, "date": 0.5,
                            "lang_chars": 0.74, "mojibake_docs": 0.87, "title": 0.74},
    # Blind and sealed: first score 0.691 (title 0.375, authors 0.52). Floors against regressions only.
    "holdout12": ALL_ONE | {"abstract": 0.74, "authors": 0.89, "boilerplate_removed": 0.62, "date": 0.85,
                            "lang_chars": 0.82, "title": 0.37},
    # Blind, open for development (Russian front matter in ten house styles): first score 0.902 (title 0.63).
    "holdout13": ALL_ONE | {"abstract": 0.97, "boilerplate_removed": 0.86, "keywords": 0.97, "lang_chars": 0.96},
    # Blind, open for development (kinds the earlier sets lacked: a thesis summary, a generated cover
    # page, an arXiv conversion, a sidebar proceedings page, a Dutch news page, a Blogger post): first
    # score 0.630 (title 0.3, authors 0.52, boilerplate 0.48).
    "holdout14": ALL_ONE | {"authors": 0.96, "boilerplate_removed": 0.77, "keywords": 0.94, "lang_chars": 0.88,
                            "mojibake_docs": 0.79},
    # Blind and sealed: first score 0.665 with the rules at the start of the session that wrote it (0.684
    # when it arrived). Floors against regressions only.
    "holdout15": ALL_ONE | {"abstract": 0.85, "authors": 0.68, "boilerplate_removed": 0.69, "date": 0.77,
                            "keywords": 0.85, "lang_chars": 0.91, "title": 0.62},
    # Blind and sealed, mostly Russian PDFs: first score 0.756 with the rules at the start of the session
    # that wrote it. Floors against regressions only.
    "holdout16": ALL_ONE | {"abstract": 0.72, "authors": 0.59, "boilerplate_removed": 0.57, "date": 0.62,
                            "keywords": 0.86, "lang_chars": 0.85, "title": 0.59},  # (0.7 before the two-column reader)
    # Blind, open for development (Russian PDFs of ten more house styles): first score 0.883 (abstract
    # 0.73, authors 0.80).
    "holdout17": ALL_ONE | {"abstract": 0.91, "boilerplate_removed": 0.92, "keywords": 0.95, "lang_chars": 0.92,
                            "mojibake_docs": 0.79},
    # Blind, open for development (Russian and English PDFs, front matter of every kind): first score 0.864
    # (boilerplate 0.55, authors 0.72, title 0.75).
    "holdout18": ALL_ONE | {"authors": 0.97, "boilerplate_removed": 0.87, "keywords": 0.96, "lang_chars": 0.9,
                            "title": 0.91},
    # Blind, open for development (web pages and markdown conversions): first score 0.740 (title 0.44,
    # authors 0.40, date 0.53).
    "holdout19": ALL_ONE | {"authors": 0.96, "boilerplate_removed": 0.81, "date": 0.94},
    # Blind and sealed (a sample like the product's intake): first score 0.801 (title 0.42, authors 0.34)
    # with the rules of the session that wrote it, part-way through. Floors against regressions only.
    # (abstract 0.957 -> 0.929 when a paper's English block after its references was read: an abstract the
    # answers do not list in that form.)
    "holdout20": ALL_ONE | {"abstract": 0.92, "authors": 0.77, "boilerplate_removed": 0.81, "date": 0.9,
                            "lang_chars": 0.89, "title": 0.66},
    # Blind and sealed (documents as scraped in bulk): first score 0.764 (title 0.45, authors 0.40), likewise.
    # (title 0.455 -> 0.44 with the preprint-stamp rule: one more title read, not matching its answer.)
    "holdout21": ALL_ONE | {"abstract": 0.86, "authors": 0.63, "boilerplate_removed": 0.7, "keywords": 0.89,
                            "lang_chars": 0.89, "mojibake_docs": 0.82, "title": 0.6},
    # Blind, open for development (PDF articles in ten other languages): first score 0.747 (title 0.50,
    # date 0.40, authors 0.82).
    "holdout22": ALL_ONE | {"abstract": 0.84, "authors": 0.96, "boilerplate_removed": 0.92, "date": 0.94,
                            "keywords": 0.94, "lang_chars": 0.77, "mojibake_docs": 0.81, "title": 0.94},
    # Blind, open for development (forum, Q&A, newsletter, wiki, Telegram export, press release, dataset
    # card...): first score 0.790 (title 0.58, authors 0.64).
    "holdout23": ALL_ONE | {"authors": 0.87, "boilerplate_removed": 0.77, "date": 0.88, "lang_chars": 0.97,
                            "title": 0.91},
    # Blind and sealed (a sample of intake): first score 0.828 at the session's start. Floors against
    # regressions only.
    "holdout24": ALL_ONE | {"abstract": 0.91, "authors": 0.72, "boilerplate_removed": 0.75, "date": 0.81,
                            "keywords": 0.94, "lang_chars": 0.85, "title": 0.57},
    # Blind, open for development (documents of the seeds' kinds): first score 0.918 (authors 0.85, date 0.78).
    "holdout25": ALL_ONE | {"abstract": 0.95, "authors": 0.93, "boilerplate_removed": 0.87, "date": 0.83,
                            "lang_chars": 0.87, "mojibake_docs": 0.91},
    # Blind and sealed (the seeds' kinds): first score 0.850 at the session's start, 0.860 with the rules
    # written before it arrived. Floors against regressions only.
    "holdout26": ALL_ONE | {"abstract": 0.86, "authors": 0.84, "boilerplate_removed": 0.72, "date": 0.86,
                            "keywords": 0.95, "lang_chars": 0.93, "title": 0.74},
    # Blind, open for development (scholarly documents of kinds and extractors the earlier sets covered
    # least: a case report, a law article, a maths paper, a Chinese article, a Festschrift chapter, KOI8-R,
    # UTF-16 BE, a GROBID export, a Nougat conversion, a book review): first score 0.807 (title 0.44).
    "holdout27": ALL_ONE | {"abstract": 0.9, "boilerplate_removed": 0.72, "keywords": 0.97, "lang_chars": 0.87},
    # Blind and sealed (scraped web pages of the kinds at intake): first score 0.810 at the session's start.
    # Floors against regressions only.
    "holdout28": ALL_ONE | {"authors": 0.46, "boilerplate_removed": 0.75, "date": 0.62, "lang_chars": 0.83,
                            "title": 0.6},
    # Blind, open for development (documents of the seeds' kinds): first score 0.943 (boilerplate 0.70).
    "holdout29": ALL_ONE | {"boilerplate_removed": 0.78, "lang_chars": 0.89},
    # Blind and sealed (intake as it mixes): first score 0.877 at the session's start. Floors against
    # regressions only.
    "holdout30": ALL_ONE | {"authors": 0.83, "boilerplate_removed": 0.7, "date": 0.81, "lang_chars": 0.94,
                            "title": 0.57},
}


@pytest.mark.parametrize("name", sorted(HOLDOUT_FLOORS))
def test_holdout_documents_stay_above_their_floors(tmp_path: Path, name: str) -> None:
    holdout = ROOT / "tests" / "data" / name
    m = _score(holdout / "in", holdout / "gold", tmp_path / "out")
    for field, floor in HOLDOUT_FLOORS[name].items():
        assert m.get(field, 1.0) >= floor, (field, m.get(field), floor)
