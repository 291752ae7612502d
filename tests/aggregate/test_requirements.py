from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from skilltrends.aggregate.requirements import (
    annual_pay,
    degree_distribution,
    degree_fields,
    pay_by_item,
    share_by,
    years_by,
)


def _postings() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            "posting_id": [1, 2, 3, 4, 5, 6],
            "pay_min": [100_000.0, 50.0, None, 8_000.0, 120_000.0, None],
            "pay_max": [140_000.0, 70.0, 90_000.0, None, 160_000.0, None],
            "pay_currency": ["usd", "USD", "GBP", "EUR", "USD", None],
            "pay_period": ["year", "hour", "year", "month", "fortnight", None],
            "degree_min": ["bachelor", "phd", None, "master", "phd", None],
            "degree_fields": [
                ["computer science"],
                ["physics", "computer science"],
                [],
                [],
                ["mathematics"],
                [],
            ],
            "seniority": ["senior", "senior", "mid", None, "senior", "mid"],
            "years_min": [5.0, 3.0, None, 2.0, 7.0, 1.0],
        },
        schema_overrides={"degree_fields": pl.List(pl.String)},
    )


def test_annual_pay_midpoint_times_period_factor() -> None:
    result = annual_pay(_postings()).sort("posting_id").collect()
    # 1: (100k + 140k) / 2; 2: 60/hour * 2080; 3: one end stated; 4: 8k/month * 12; 5: unknown period -> left out
    assert result["posting_id"].to_list() == [1, 2, 3, 4]
    assert result["currency"].to_list() == ["USD", "USD", "GBP", "EUR"]
    assert result["annual_pay"].to_list() == [120_000.0, 124_800.0, 90_000.0, 96_000.0]


def test_pay_by_item_median_and_quartiles_per_currency() -> None:
    postings = pl.LazyFrame(
        {
            "posting_id": [1, 2, 3, 4, 5],
            "pay_min": [100.0, 200.0, 300.0, 400.0, 1000.0],
            "pay_max": [None] * 5,
            "pay_currency": ["USD"] * 4 + ["GBP"],
            "pay_period": ["year"] * 5,
        }
    )
    mentions = pl.LazyFrame(
        {
            "posting_id": [1, 2, 3, 4, 5, 1],
            "skill_id": ["python"] * 5 + ["aws"],
            "requirement": ["required"] * 6,
        }
    )
    result = pay_by_item(postings, mentions, {"python": ["python"], "aws": ["aws"]}).collect()
    usd = result.filter((pl.col("currency") == "USD") & (pl.col("item") == "python")).row(0, named=True)
    # 100, 200, 300, 400: median 250; linear quartiles 175 and 325
    assert (usd["n"], usd["median"], usd["q25"], usd["q75"], usd["iqr"]) == (4, 250.0, 175.0, 325.0, 150.0)
    assert usd["low_n"]
    aws = result.filter(pl.col("item") == "aws").row(0, named=True)
    assert (aws["currency"], aws["n"], aws["median"]) == ("USD", 1, 100.0)
    everyone = result.filter((pl.col("item") == "all postings") & (pl.col("currency") == "GBP")).row(
        0, named=True
    )
    assert (everyone["n"], everyone["median"]) == (1, 1000.0)


def test_degree_distribution_shares_with_intervals() -> None:
    result = degree_distribution(_postings()).collect()
    assert result["degree_min"].to_list() == ["none stated", "bachelor", "master", "phd"]
    assert result["postings_with"].to_list() == [2, 1, 1, 2]
    assert result["share"].to_list() == pytest.approx([2 / 6, 1 / 6, 1 / 6, 2 / 6])
    assert (result["ci_low"] < result["share"]).all() and (result["share"] < result["ci_high"]).all()


def test_share_by_seniority_phd() -> None:
    result = share_by(
        _postings(), (pl.col("degree_min") == "phd").fill_null(False), by="seniority", name="phd"
    )
    expected = pl.DataFrame(
        {
            "seniority": ["mid", "not stated", "senior"],
            "postings": [2, 1, 3],
            "phd": [0, 0, 2],
            "share": [0.0, 0.0, 2 / 3],
        }
    )
    assert_frame_equal(
        result.select("seniority", "postings", "phd", "share").collect(), expected, check_dtypes=False
    )


def test_degree_fields_share_of_postings_naming_a_field() -> None:
    result = degree_fields(_postings()).collect()
    assert result.row(0, named=True)["field"] == "computer science"
    assert dict(zip(result["field"], result["share"], strict=True)) == pytest.approx(
        {"computer science": 2 / 3, "physics": 1 / 3, "mathematics": 1 / 3}
    )


def test_years_by_seniority_median_and_quartiles() -> None:
    result = years_by(_postings(), by="seniority").collect()
    senior = result.filter(pl.col("seniority") == "senior").row(0, named=True)
    assert (senior["n"], senior["median"], senior["q25"], senior["q75"]) == (3, 5.0, 4.0, 6.0)
