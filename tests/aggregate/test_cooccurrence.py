from __future__ import annotations

import polars as pl
import pytest

from skilltrends.aggregate.cooccurrence import skill_pairs


def test_skill_pairs_support_and_lift_hand_computed() -> None:
    # 4 postings: python in 1-4, pytorch in 1-2, docker in 2-3, kubernetes in 2-3 (posting 5 is not selected)
    postings = pl.LazyFrame({"posting_id": [1, 2, 3, 4]})
    rows = [
        (1, "python"),
        (1, "pytorch"),
        (2, "python"),
        (2, "pytorch"),
        (2, "docker"),
        (2, "kubernetes"),
        (3, "python"),
        (3, "docker"),
        (3, "kubernetes"),
        (4, "python"),
        (5, "docker"),
        (5, "pytorch"),
        (1, "python"),
    ]
    mentions = pl.LazyFrame(rows, schema=["posting_id", "skill_id"], orient="row")
    result = skill_pairs(postings, mentions, min_postings=1).collect()
    by_pair = {(r["skill_a"], r["skill_b"]): r for r in result.iter_rows(named=True)}
    dk = by_pair[("docker", "kubernetes")]
    # both 2 of 4: support 0.5; lift = 0.5 / (0.5 * 0.5) = 2
    assert (dk["both"], dk["support"], dk["lift"]) == (2, 0.5, pytest.approx(2.0))
    pp = by_pair[("python", "pytorch")]
    assert (pp["both"], pp["lift"], pp["confidence_b_to_a"]) == (2, pytest.approx(1.0), 1.0)
    assert result.row(0, named=True)["lift"] == pytest.approx(2.0)  # sorted by lift
    assert skill_pairs(postings, mentions, min_postings=3).collect()["both"].to_list() == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_count_pairs_matches_brute_force(seed: int) -> None:
    import collections
    import itertools
    import random

    from skilltrends.aggregate.cooccurrence import _count_pairs

    rnd = random.Random(seed)
    rows = [(p, c) for p in range(200) for c in sorted(rnd.sample(range(15), rnd.randint(0, 10)))]
    frame = pl.DataFrame(rows, schema={"posting_id": pl.Int64, "code": pl.UInt32}, orient="row").sample(
        fraction=1.0, shuffle=True, seed=seed
    )
    expected: collections.Counter[tuple[int, int]] = collections.Counter()
    for _, group in itertools.groupby(rows, key=lambda r: r[0]):
        for (_, a), (_, b) in itertools.combinations(list(group), 2):
            expected[(a, b)] += 1
    assert {(a, b): n for a, b, n in _count_pairs(frame).iter_rows()} == dict(expected)
