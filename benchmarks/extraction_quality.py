"""Skill-tagging quality on SkillSpan: in-vocabulary recall and the share of tagged mentions in gold spans.

Data: SkillSpan (Mike Zhang, Kristian Nørgaard Jensen, Sif Dam Sonniks, Barbara Plank, "SkillSpan: Hard and
Soft Skill Extraction from English Job Postings", NAACL 2022; dataset CC BY 4.0, code MIT). The JSONL
conversion lives outside the repository and is never copied into it; pass its folder as the argument
(default: ../shared/data/skillspan relative to the repository root).

Measures, per split (train is for development; dev is reported as held out):
- recall: gold KNOWLEDGE spans whose normalised text equals a taxonomy alias, and of those the share with a
  tagged mention inside the span;
- in-span share: tagged mentions lying inside any gold span (SKILL or KNOWLEDGE), over all tagged mentions;
- the same in-span share for a baseline: a plain case-insensitive word-boundary matcher over the same aliases;
- every tagged mention outside all gold spans, with its posting id and line, to inspect for look-alikes.

Usage: PYTHONPATH=src python benchmarks/extraction_quality.py [SKILLSPAN_DIR] [--quiet]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from skilltrends.extract import build_nlp, extract_posting, load_taxonomy
from skilltrends.extract.matcher import alias_keys

CREDIT = (
    "SkillSpan: Zhang, Jensen, Sonniks and Plank, NAACL 2022 (dataset CC BY 4.0). "
    "Real job postings with expert skill/knowledge spans."
)
REPO = Path(__file__).resolve().parents[1]


def default_dir() -> Path:
    """../shared/data/skillspan from the repository root; from a git worktree, the nearest such ancestor."""
    for base in REPO.parents:
        candidate = base / "shared" / "data" / "skillspan"
        if candidate.is_dir():
            return candidate
    return REPO.parent / "shared" / "data" / "skillspan"


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def baseline_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """A plain keyword matcher: every alias, any case, on word boundaries, leftmost-longest."""
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def baseline_pattern(aliases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def inside(start: int, end: int, spans: list[dict[str, Any]]) -> bool:
    return any(g["start"] <= start and end <= g["end"] for g in spans)


def line_of(text: str, start: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return text[lo : hi if hi >= 0 else len(text)]


def evaluate(path: Path, *, nlp: Any, aliases: set[str], pattern: re.Pattern[str]) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    in_vocab = hit = tagged = tagged_in = base = base_in = 0
    outside: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    for row in rows:
        text, gold = row["text"], row["gold_spans"]
        mentions = extract_posting(nlp, text).mentions
        for g in gold:
            if g["type"] == "KNOWLEDGE" and normalise(g["text"]) in aliases:
                in_vocab += 1
                if any(g["start"] <= m.start and m.end <= g["end"] for m in mentions):
                    hit += 1
                else:
                    missed.append(
                        {
                            "id": row["id"],
                            "gold": g["text"],
                            "line": text[max(0, g["start"] - 70) : g["end"] + 50],
                        }
                    )
        for m in mentions:
            tagged += 1
            if inside(m.start, m.end, gold):
                tagged_in += 1
            else:
                outside.append(
                    {"id": row["id"], "skill": m.skill_id, "text": m.text, "line": line_of(text, m.start)}
                )
        for start, end in baseline_spans(pattern, text):
            base += 1
            base_in += inside(start, end, gold)
    return {
        "split": path.stem,
        "postings": len(rows),
        "gold_knowledge_in_vocab": in_vocab,
        "recall": hit / in_vocab if in_vocab else 0.0,
        "tagged": tagged,
        "in_span_share": tagged_in / tagged if tagged else 0.0,
        "baseline_tagged": base,
        "baseline_in_span_share": base_in / base if base else 0.0,
        "outside": outside,
        "missed": missed,
    }


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else default_dir()
    taxonomy = load_taxonomy()
    nlp = build_nlp(taxonomy)
    aliases = set(alias_keys(taxonomy))
    pattern = baseline_pattern(sorted(aliases))
    print(f"Data: {CREDIT}")
    print(f"Taxonomy {taxonomy.version}: {len(taxonomy.skills)} skills, {len(aliases)} surface forms\n")
    for split in ("train", "dev"):
        path = folder / f"skillspan_{split}.jsonl"
        if not path.is_file():
            print(f"{path}: missing, skipped")
            continue
        r = evaluate(path, nlp=nlp, aliases=aliases, pattern=pattern)
        print(
            f"[{split}] postings={r['postings']} "
            f"in-vocab gold KNOWLEDGE spans={r['gold_knowledge_in_vocab']} "
            f"recall={r['recall']:.3f}\n"
            f"[{split}] tagged={r['tagged']} in-span share={r['in_span_share']:.3f} | "
            f"baseline keyword matcher tagged={r['baseline_tagged']} "
            f"in-span share={r['baseline_in_span_share']:.3f}"
        )
        if not quiet:
            print(f"[{split}] missed in-vocab gold spans ({len(r['missed'])}):")
            for m in r["missed"]:
                print(f"  {m['id']}: {m['gold']!r} | {m['line'][:160]!r}")
            print(f"[{split}] tagged mentions outside every gold span ({len(r['outside'])}):")
            for o in r["outside"]:
                print(f"  {o['id']}: {o['skill']} {o['text']!r} | {o['line'][:160]!r}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
