"""How far two independent annotations of the same postings agree, and how the extractor scores against each.

A set with `second_annotation.jsonl` beside its `labels.jsonl` was labelled twice, by annotators who did not see each
other's labels (the second one's brief and report: the set's SECOND_ANNOTATION.md). Agreement is scored as the
extractor is: annotator B's labels as predictions against A's gold (a label in A's implicit list is no error; recall
is over A's explicit labels), then the other way round; level agreement over the skills both label explicitly.
If two careful readers agree far above the extractor, the extractor's shortfall is its own, not label noise.

    PYTHONPATH=src python benchmarks/label_agreement.py [--set tests/data/heldout27 ...]

Default: every set under tests/data/ that has a second annotation.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import labelled_quality as lq

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _score(gold: list[dict[str, str]], implicit: list[list[str]], pred: list[dict[str, str]]) -> str:
    names = [""] * len(gold)
    m = lq.score_skills(gold, implicit, pred, names, False)
    return (f"P {m['skill precision']:.3f}  R {m['skill recall']:.3f}  levels {m['level accuracy (true skills)']:.3f}"
            f"   ({m['_counts'].split(' preferred')[0]})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, action="append", help="a set's directory; repeat it to pool sets")
    args = parser.parse_args()
    sets = args.set or sorted(p.parent for p in DATA.glob("*/second_annotation.jsonl"))
    if not sets:
        print("no set has a second_annotation.jsonl", file=sys.stderr)
        return 2
    tagger = lq.spacy_tagger()
    pooled: dict[str, list[Any]] = {k: [] for k in ("a", "ai", "b", "bi", "ext")}
    for directory in sets:
        first = _rows(directory / "labels.jsonl")
        second = {row["name"]: row for row in _rows(directory / "second_annotation.jsonl")}
        lq.LABELLED = directory.resolve()
        a, ai, b, bi, ext = [], [], [], [], []
        for row in first:
            name = Path(row["file"]).stem
            if name not in second:
                print(f"{directory.name}: {name} has no second annotation", file=sys.stderr)
                return 2
            a.append(row["skills"])
            ai.append(row.get("implicit_skills", []))
            b.append(second[name]["skills"])
            bi.append(second[name].get("implicit_skills", []))
            if tagger is not None:
                doc, _ = lq.load(row)
                ext.append(tagger(doc.text, doc.title))
        for key, values in zip(("a", "ai", "b", "bi", "ext"), (a, ai, b, bi, ext), strict=True):
            pooled[key] += values
        _report(f"{directory.name} ({len(first)} postings)", a, ai, b, bi, ext)
    if len(sets) > 1:
        _report(f"pooled ({len(pooled['a'])} postings)", *pooled.values())
    return 0


def _report(title: str, a: list[Any], ai: list[Any], b: list[Any], bi: list[Any], ext: list[Any]) -> None:
    print(f"## {title}")
    print(f"  second annotator vs first    {_score(a, ai, b)}")
    print(f"  first annotator vs second    {_score(b, bi, a)}")
    if ext:
        print(f"  extractor vs first           {_score(a, ai, ext)}")
        print(f"  extractor vs second          {_score(b, bi, ext)}")


if __name__ == "__main__":
    sys.exit(main())
