"""The labelled-set benchmark's bootstrap intervals (benchmarks/labelled_quality.py --ci)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _bench() -> ModuleType:
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("labelled_quality", root / "benchmarks/labelled_quality.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("labelled_quality", bench)  # @dataclass looks its module up
    spec.loader.exec_module(bench)
    return bench


def test_bootstrap_intervals_hold_the_estimate_and_are_reproducible() -> None:
    bench = _bench()
    gold = [{"python": "required", "sql": "required"}, {"docker": "required"}, {"pytorch": "preferred"}] * 10
    implicit: list[list[str]] = [["git"], [], []] * 10
    pred = [{"python": "required", "git": "required"}, {"docker": "required", "java": "required"}, {}] * 10
    scores = bench.score_skills(gold, implicit, pred, [""] * len(gold), False)
    (p_lo, p_hi), (r_lo, r_hi) = bench.bootstrap_intervals(gold, implicit, pred, 500)
    assert p_lo <= scores["skill precision"] <= p_hi < 1.0
    assert r_lo <= scores["skill recall"] <= r_hi < 1.0
    assert bench.bootstrap_intervals(gold, implicit, pred, 500) == ((p_lo, p_hi), (r_lo, r_hi))


def test_bootstrap_intervals_of_a_perfect_tagger_are_one() -> None:
    bench = _bench()
    gold = [{"python": "required"}, {"sql": "preferred"}] * 5
    assert bench.bootstrap_intervals(gold, [[]] * 10, gold, 200) == ((1.0, 1.0), (1.0, 1.0))


def test_second_annotations_are_well_formed_and_cover_their_sets() -> None:
    """tests/data/*/second_annotation.jsonl (benchmarks/label_agreement.py): one row per posting of the set, taxonomy
    ids only, levels required/preferred, no skill both explicit and implicit."""
    import json

    from skilltrends.extract.taxonomy import load_taxonomy

    ids = set(load_taxonomy().skills)
    data = Path(__file__).resolve().parents[1] / "data"
    found = sorted(data.glob("*/second_annotation.jsonl"))
    assert found, "no second annotation found"
    for path in found:
        first = [json.loads(line) for line in (path.parent / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
        second = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [row["name"] for row in second] == [Path(row["file"]).stem for row in first], path
        for row in second:
            assert set(row["skills"]) <= ids and set(row["implicit_skills"]) <= ids, row["name"]
            assert set(row["skills"].values()) <= {"required", "preferred"}, row["name"]
            assert not set(row["skills"]) & set(row["implicit_skills"]), row["name"]
