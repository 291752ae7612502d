"""Golden check for speed work: extraction output over a deterministic corpus, written once, compared after.

Corpus: every long string in the sample market's served records (seed 7, 2025-01..2025-06; HTML flattened
with `clean_text`) and its jobs' plain blocks, the labelled postings in tests/data/labelled/postings, the
speed benchmark's synthetic texts and, when ../shared/data/skillspan is there, SkillSpan's real postings
(Zhang et al., NAACL 2022, CC BY 4.0; read in place, never copied). Output: one JSON line per text (skills-only and full extraction).

Usage: PYTHONPATH=src python benchmarks/extraction_golden.py write|check PATH
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from extraction_speed import make_corpus, skillspan_texts

from skilltrends.crawl.normalize import clean_text
from skilltrends.extract import build_nlp, extract_posting, extract_postings
from skilltrends.extract.batch import looks_like_html
from skilltrends.sample import generate_market
from skilltrends.sample.writing import blocks_to_plain

_ROOT = Path(__file__).resolve().parents[1]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if len(value) >= 80 else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def golden_corpus() -> list[str]:
    """Deterministic texts: sample market, labelled postings, synthetic benchmark texts, edge cases."""
    market = generate_market(seed=7, first_month="2025-01", last_month="2025-06")
    texts = [blocks_to_plain(job["blocks"]) for job in market.jobs]
    for record in market.records:
        texts += [clean_text(s) if looks_like_html(s) else s for s in _strings(record)]
    for path in sorted((_ROOT / "tests/data/labelled/postings").iterdir()):
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw) if path.suffix == ".json" else raw
        texts += [clean_text(s) if looks_like_html(s) else s for s in _strings(data)]
    texts += make_corpus(500, seed=11)
    texts += skillspan_texts()
    texts += ["", "   ", "R", "C++ and R", "İstanbul Python ML", "PhD in ML, 5+ years, $150k-$200k/yr"]
    return texts


def _plain(extraction: Any) -> dict[str, Any]:
    """The extraction as JSON-ready dicts, mentions keyed by field name whatever class they are."""
    out = dataclasses.asdict(extraction)
    out["mentions"] = [dict(zip(type(m)._fields, m, strict=True)) for m in extraction.mentions]
    return out


def run(texts: list[str]) -> list[str]:
    nlp = build_nlp()
    lines = []
    full = list(extract_postings(nlp, texts))
    skills = list(extract_postings(nlp, texts, requirements=False))
    assert list(extract_postings(nlp, texts, workers=2, chunksize=50)) == full
    assert list(extract_postings(nlp, texts, workers=2, requirements=False)) == skills
    for text, f, s in zip(texts, full, skills, strict=True):
        assert extract_posting(nlp, text) == f
        lines.append(json.dumps([_plain(f), _plain(s)], sort_keys=True))
    return lines


def main(argv: list[str]) -> int:
    mode, path = argv
    texts = golden_corpus()
    lines = run(texts)
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    if mode == "write":
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} lines, sha {digest}")
        return 0
    expected = Path(path).read_text(encoding="utf-8").splitlines()
    bad = [i for i, (a, b) in enumerate(zip(expected, lines, strict=True)) if a != b]
    print(f"{len(lines)} texts, {len(bad)} differ, sha {digest}")
    for i in bad[:5]:
        print(f"--- text {i}: {texts[i][:120]!r}")
        print(f"  expected {expected[i][:300]}\n  got      {lines[i][:300]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
