from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from skilltrends.aggregate.stats import (
    bh_adjust,
    newcombe_interval,
    normal_sf2,
    two_proportion_p,
    two_proportion_z,
)
from skilltrends.aggregate.trends import period_shares


@pytest.mark.parametrize(
    ("x1", "n1", "x2", "n2", "low", "high"),
    # Newcombe (1998), Table II: 56/70 vs 48/80 -> 0.0524 to 0.3339; 9/10 vs 3/10 -> 0.1705 to 0.8090
    [(56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090)],
)
def test_newcombe_interval_matches_published_values(
    x1: int, n1: int, x2: int, n2: int, low: float, high: float
) -> None:
    lo, hi = newcombe_interval(pl.lit(x1), pl.lit(n1), pl.lit(x2), pl.lit(n2))
    assert pl.select(lo=lo, hi=hi).row(0) == pytest.approx((low, high), abs=5e-4)


@pytest.mark.parametrize(
    ("z", "p"), [(0.0, 1.0), (1.959963984540054, 0.05), (2.5758293, 0.01), (4.0, 6.334248e-05)]
)
def test_normal_sf2_matches_the_normal_tail(z: float, p: float) -> None:
    result = pl.select(p=normal_sf2(pl.lit(z))).item()
    assert result == pytest.approx(p, rel=1e-6)


def test_two_proportion_test_matches_hand_computation() -> None:
    # 30/100 vs 45/100: pooled 0.375, se = sqrt(.375 * .625 * .02) = 0.0684653, z = -0.15 / se = -2.1908902
    z = pl.select(z=two_proportion_z(pl.lit(30), pl.lit(100), pl.lit(45), pl.lit(100))).item()
    p = pl.select(p=two_proportion_p(pl.lit(30), pl.lit(100), pl.lit(45), pl.lit(100))).item()
    assert z == pytest.approx(-2.1908902, abs=1e-6)
    assert p == pytest.approx(math.erfc(2.1908902 / math.sqrt(2)), rel=1e-6)


@pytest.mark.parametrize(
    ("x1", "n1", "x2", "n2", "expected"), [(0, 10, 0, 20, 1.0), (10, 10, 5, 5, 1.0), (3, 0, 1, 10, None)]
)
def test_two_proportion_p_degenerate_cases(
    x1: int, n1: int, x2: int, n2: int, expected: float | None
) -> None:
    assert pl.select(p=two_proportion_p(pl.lit(x1), pl.lit(n1), pl.lit(x2), pl.lit(n2))).item() == expected


def test_bh_adjust_matches_hand_computed_q_values() -> None:
    # sorted p: .005 .01 .03 .04 .20 (m = 5) -> p*m/rank: .025 .025 .05 .05 .20; then a running min from the top
    frame = pl.DataFrame({"p": [0.01, 0.04, 0.03, None, 0.20, 0.005]})
    q = frame.select(q=bh_adjust(pl.col("p")))["q"].to_list()
    assert q == pytest.approx([0.025, 0.05, 0.05, None, 0.20, 0.025])


@pytest.mark.parametrize(("successes", "total"), [(158, 158), (0, 158), (1, 1), (0, 1), (999_999, 999_999)])
def test_wilson_interval_stays_inside_zero_one(successes: int, total: int) -> None:
    # without clipping, 158/158 gives a high end of 1.0000000000000002 (a soak run's schema failure)
    from skilltrends.aggregate.stats import wilson_interval

    lo, hi = wilson_interval(pl.lit(successes), pl.lit(total))
    low, high = pl.select(lo=lo, hi=hi).row(0)
    assert 0.0 <= low <= successes / total <= high <= 1.0
    assert (high == 1.0) if successes == total else (low == 0.0)


def test_report_summary_with_a_full_share_is_valid(tmp_path: Path) -> None:
    from skilltrends.report.write import ReportMeta, write_trend_report
    from skilltrends.schema import schema_errors

    shares = period_shares(
        pl.LazyFrame({"posting_id": list(range(158)), "period": [date(2024, 1, 1)] * 158}),
        pl.LazyFrame(
            {"posting_id": list(range(158)), "skill_id": ["python"] * 158, "requirement": ["required"] * 158}
        ),
        {"python": ["python"], "aws": ["aws"]},
    )
    meta = ReportMeta(name="full", period="month", filters={}, items={"python": ["python"], "aws": ["aws"]},
                      labels={}, extractor_version="x", taxonomy_version="t")
    write_trend_report(shares, out_dir=tmp_path / "full", meta=meta)
    summary = json.loads((tmp_path / "full" / "summary.json").read_text())
    assert schema_errors("report", summary) == []
    high = {r["item"]: r["ci_high"] for r in summary["series"]}
    assert high == {"python": 1.0, "aws": pytest.approx(0.0237, abs=1e-3)}
