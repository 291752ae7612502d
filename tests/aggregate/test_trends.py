from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from skilltrends.aggregate.trends import item_mentions, period_shares, select_postings, wilson_interval


def _postings() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            "posting_id": [1, 2, 3, 4, 5, 6],
            "role_family": ["ml_engineer", "ml_engineer", "mlops_engineer", "data_scientist", "ml_engineer",
                            "ml_engineer"],
            "posted_at": [datetime(2024, 1, 3), datetime(2024, 1, 20), datetime(2024, 2, 1), datetime(2024, 2, 2),
                          datetime(2024, 2, 28), datetime(2024, 2, 28)],
            "canonical_id": [None, None, None, None, None, 5],
        }
    )


def _mentions() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            "posting_id": [1, 1, 2, 3, 4, 5, 6],
            "skill_id": ["python", "aws", "python", "gcp", "python", "aws", "aws"],
            "requirement": ["required", "preferred", "required", "required", "required", "required", "required"],
        }
    )


@pytest.mark.parametrize(
    ("successes", "total", "low", "high"),
    [(5, 10, 0.236593, 0.763407), (0, 10, 0.0, 0.277533), (10, 10, 0.722467, 1.0), (1, 1, 0.206549, 1.0)],
)
def test_wilson_interval_matches_hand_computed(successes: int, total: int, low: float, high: float) -> None:
    lo, hi = wilson_interval(pl.lit(successes), pl.lit(total))
    result = pl.select(lo=lo, hi=hi).row(0)
    assert result == pytest.approx((low, high), abs=1e-6)


def test_wilson_interval_empty_period_is_null() -> None:
    lo, hi = wilson_interval(pl.lit(0), pl.lit(0))
    assert pl.select(lo=lo, hi=hi).row(0) == (None, None)


def test_select_postings_drops_duplicates_and_other_families() -> None:
    result = select_postings(_postings(), period="month").collect()
    assert result["posting_id"].to_list() == [1, 2, 3, 5]
    assert result["period"].to_list() == [date(2024, 1, 1), date(2024, 1, 1), date(2024, 2, 1), date(2024, 2, 1)]


def test_item_mentions_collapses_group_members_to_one_row() -> None:
    result = item_mentions(_mentions(), {"cloud": ["aws", "gcp"]}).sort("posting_id").collect()
    assert result["posting_id"].to_list() == [1, 3, 5, 6]
    assert result["required"].to_list() == [False, True, True, True]


def test_period_shares_counts_shares_and_zero_rows() -> None:
    postings = select_postings(_postings(), period="month")
    result = period_shares(postings, _mentions(), {"python": ["python"], "cloud": ["aws", "gcp"]}).collect()
    expected = pl.DataFrame(
        {
            "period": [date(2024, 1, 1), date(2024, 2, 1), date(2024, 1, 1), date(2024, 2, 1)],
            "item": ["cloud", "cloud", "python", "python"],
            "postings": [2, 2, 2, 2],
            "naming": [1, 2, 2, 0],
            "required": [0, 2, 2, 0],
            "share": [0.5, 1.0, 1.0, 0.0],
        },
        schema_overrides={"postings": pl.UInt32},
    )
    assert_frame_equal(
        result.select("period", "item", "postings", "naming", "required", "share"), expected, check_dtypes=False
    )
    assert result["low_n"].all()
