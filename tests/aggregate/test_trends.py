from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from skilltrends.aggregate.trends import (
    Filters,
    item_mentions,
    latest_changes,
    period_changes,
    period_shares,
    select_postings,
    share_ratio,
    unique_mentions,
    wilson_interval,
)


def _postings() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            "posting_id": [1, 2, 3, 4, 5, 6],
            "role_family": [
                "ml_engineer",
                "ml_engineer",
                "mlops_engineer",
                "data_scientist",
                "ml_engineer",
                "ml_engineer",
            ],
            "posted_at": [
                datetime(2024, 1, 3),
                datetime(2024, 1, 20),
                datetime(2024, 2, 1),
                datetime(2024, 2, 2),
                datetime(2024, 2, 28),
                datetime(2024, 2, 28),
            ],
            "canonical_id": [None, None, None, None, None, 5],
        }
    )


def _mentions() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            "posting_id": [1, 1, 2, 3, 4, 5, 6],
            "skill_id": ["python", "aws", "python", "gcp", "python", "aws", "aws"],
            "requirement": [
                "required",
                "preferred",
                "required",
                "required",
                "required",
                "required",
                "required",
            ],
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
    assert result["period"].to_list() == [
        date(2024, 1, 1),
        date(2024, 1, 1),
        date(2024, 2, 1),
        date(2024, 2, 1),
    ]


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
        result.select("period", "item", "postings", "naming", "required", "share"),
        expected,
        check_dtypes=False,
    )
    assert result["low_n"].all()


def test_period_shares_splits_required_and_preferred() -> None:
    postings = select_postings(_postings(), period="month")
    result = period_shares(postings, _mentions(), {"aws": ["aws"]}).collect()
    jan = result.filter(pl.col("period") == date(2024, 1, 1)).row(0, named=True)
    # January: postings 1 and 2; posting 1 names AWS as preferred only
    assert (jan["naming"], jan["required"], jan["preferred"], jan["required_share"]) == (1, 0, 1, 0.0)


def test_period_shares_accepts_mentions_already_collapsed() -> None:
    postings = select_postings(_postings(), period="month")
    items = {"python": ["python"], "cloud": ["aws", "gcp"]}
    raw = period_shares(postings, _mentions(), items).collect()
    collapsed = period_shares(postings, unique_mentions(_mentions()), items).collect()
    assert_frame_equal(raw, collapsed)


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (Filters(seniority=("senior",)), [1, 3]),
        (Filters(countries=("GB",)), [2]),
        (Filters(remote=True), [3, 5]),
        (Filters(sources=("lever",)), [5]),
        (Filters(companies=("Acme",)), [1, 2]),
        (Filters(families=(), since=datetime(2024, 2, 1), until=datetime(2024, 2, 2)), [3]),
        (Filters(families=()), [1, 2, 3, 4, 5]),
    ],
)
def test_select_postings_filters(filters: Filters, ids: list[int]) -> None:
    frame = _postings().with_columns(
        seniority=pl.Series(["senior", "mid", "senior", "senior", "junior", "junior"]),
        country=pl.Series(["US", "GB", "US", "US", "DE", "DE"]),
        workplace=pl.Series(["onsite", "hybrid", "remote", "onsite", "remote", "remote"]),
        source=pl.Series(["greenhouse", "greenhouse", "ashby", "ashby", "lever", "lever"]),
        company=pl.Series(["Acme", "Acme", "Globex", "Globex", "Initech", "Initech"]),
    )
    assert select_postings(frame, filters=filters).collect()["posting_id"].to_list() == ids


def _shares(naming: list[int], postings: list[int]) -> pl.LazyFrame:
    periods = [date(2023, 1, 1), date(2023, 2, 1), date(2024, 1, 1), date(2024, 2, 1)]
    return pl.LazyFrame(
        {"period": periods, "item": ["a"] * 4, "postings": postings, "naming": naming}
    ).with_columns(share=pl.col("naming") / pl.col("postings"), low_n=pl.col("postings") < 30)


def test_period_changes_against_previous_period_and_year_before() -> None:
    result = period_changes(_shares([30, 40, 50, 60], [100, 100, 100, 120]), period="month").collect()
    feb24 = result.row(3, named=True)
    # previous period (Jan 2024): 60/120 - 50/100 = 0 pp; a year before (Feb 2023): 50% - 40% = +10 pp
    assert feb24["change_prev_pp"] == pytest.approx(0.0) and feb24["p_prev"] == pytest.approx(1.0)
    assert feb24["change_year_pp"] == pytest.approx(10.0)
    assert (feb24["postings_year"], feb24["naming_year"]) == (100, 40)
    assert feb24["change_year_low_pp"] < 10.0 < feb24["change_year_high_pp"]
    # Jan 2024 has no December 2023 in the data: no previous-period change, but a year-before one (+20 pp)
    jan24 = result.row(2, named=True)
    assert jan24["change_prev_pp"] is None and jan24["change_year_pp"] == pytest.approx(20.0)
    assert result.row(0, named=True)["change_year_pp"] is None


def test_latest_changes_uses_the_year_before_and_q_values() -> None:
    shares = pl.concat(
        [
            _shares([30, 40, 50, 60], [100] * 4),
            _shares([10, 10, 10, 40], [100] * 4).with_columns(item=pl.lit("b")),
        ]
    )
    result = latest_changes(period_changes(shares, period="month")).collect()
    assert result["item"].to_list() == ["b", "a"]  # largest rise first: b +30 pp, a +20 pp
    assert set(result["against"]) == {"year"}
    assert result["change_pp"].to_list() == pytest.approx([30.0, 20.0])
    assert result["q"].to_list() == pytest.approx(
        [max(p * 2 / r, 0) for p, r in zip(sorted(result["p_before"].to_list()), [1, 2], strict=True)]
    )
    assert result["significant"].all()


def test_share_ratio_per_period() -> None:
    shares = pl.concat(
        [
            _shares([30, 40, 50, 60], [100] * 4),
            _shares([10, 0, 25, 20], [100] * 4).with_columns(item=pl.lit("b")),
        ]
    )
    result = share_ratio(shares, "a", "b").collect()
    assert result["ratio"].to_list() == [3.0, None, 2.0, 3.0]


def test_latest_changes_skip_a_last_period_under_thirty_postings() -> None:
    shares = _shares([30, 40, 50, 2], [100, 100, 100, 3])
    result = latest_changes(period_changes(shares, period="month")).collect().row(0, named=True)
    # Feb 2024 has 3 postings: the latest solid period is Jan 2024, compared with Jan 2023 (+20 pp)
    assert (result["period"], result["change_pp"]) == (date(2024, 1, 1), pytest.approx(20.0))
    small = _shares([30, 40, 1, 2], [100, 100, 2, 3])
    assert not latest_changes(period_changes(small, period="month")).collect()["significant"].any()
