"""Benchmark: the language stage against langdetect on every paragraph (target: >= 10x faster).

Not part of the pytest run (no timed unit tests). ``python -m tests.bench_languages [--scale N]
[--json OUT]`` prints a JSON report; ``bench(texts)`` returns it as a dict.

Both sides get the same documents: each text split into paragraphs at blank lines, whitespace
collapsed (what repair hands on, near enough; repair itself is not timed). The language stage runs
``detect_languages`` per document; the baseline runs seeded langdetect over all its languages on
every paragraph, as a naive pipeline would. langdetect's profiles are loaded once before timing,
for both.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import time
from pathlib import Path
from typing import Any

import pipeline.languages.label as label_mod
from pipeline.config import LanguagesConfig
from pipeline.document import Block, Document, Source
from pipeline.languages import detect_languages
from pipeline.languages.detect import detect_unrestricted, factory

ROOT = Path(__file__).resolve().parent.parent
TARGET = 10.0


def documents(texts: list[str]) -> list[Document]:
    docs = []
    for i, text in enumerate(texts):
        doc = Document(source=Source(path=f"bench/{i:05d}.txt"))
        doc.set_blocks([Block("paragraph", " ".join(p.split())) for p in re.split(r"\n\s*\n", text) if p.strip()])
        docs.append(doc)
    return docs


def bench(texts: list[str], cfg: LanguagesConfig | None = None, repeat: int = 3) -> dict[str, Any]:
    """Time the stage and the per-paragraph baseline over ``texts``; best of ``repeat`` runs each."""
    cfg = cfg or LanguagesConfig()
    docs = documents(texts)
    paragraphs = [b.text for d in docs for b in d.blocks]
    factory()  # profiles loaded once per process, outside the timings

    calls = 0
    real_detect = label_mod.detect

    def counting_detect(*a: Any, **k: Any) -> Any:
        nonlocal calls
        calls += 1
        return real_detect(*a, **k)

    # Stage and baseline runs alternate, so that both see the same machine load.
    stage_times: list[float] = []
    base_times: list[float] = []
    label_mod.detect = counting_detect  # type: ignore[assignment]
    try:
        for _ in range(repeat):
            work = copy.deepcopy(docs)
            calls = 0
            t0 = time.perf_counter()
            for d in work:
                detect_languages(d, cfg)
            stage_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            for p in paragraphs:
                detect_unrestricted(p, seed=cfg.seed)
            base_times.append(time.perf_counter() - t0)
    finally:
        label_mod.detect = real_detect  # type: ignore[assignment]

    stage, base = min(stage_times), min(base_times)
    return {
        "documents": len(docs),
        "paragraphs": len(paragraphs),
        "characters": sum(len(p) for p in paragraphs),
        "stage_seconds": round(stage, 4),
        "langdetect_per_paragraph_seconds": round(base, 4),
        "speedup": round(base / stage, 2) if stage else None,
        "target_speedup": TARGET,
        "meets_target": bool(stage) and base / stage >= TARGET,
        "stage_langdetect_calls": calls,
        "baseline_langdetect_calls": len(paragraphs),
        "stage_docs_per_second": round(len(docs) / stage, 1) if stage else None,
    }


def seed_texts(scale: int) -> list[str]:
    """The seed documents, ``scale`` times over."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts * scale


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=int, default=10, help="how many times the seed corpus is repeated (default 10)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per side; the best counts (default 3)")
    ap.add_argument("--json", type=Path, help="also write the report to this file")
    a = ap.parse_args(argv)
    report = bench(seed_texts(a.scale), repeat=a.repeat)
    out = json.dumps(report, indent=1)
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(out + "\n", encoding="utf-8")
    print(out)
    return 0 if report["meets_target"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
