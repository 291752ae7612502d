from __future__ import annotations

from datetime import date, datetime

import polars as pl

from skilltrends.aggregate.coverage import coverage_by_source, coverage_totals, top_values
from skilltrends.aggregate.trends import Filters, select_postings


def _postings() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            "posting_id": [1, 2, 3, 4],
            "source": ["greenhouse", "lever", "greenhouse", "hn"],
            "role_family": ["ml_engineer"] * 4,
            "posted_at": [
                datetime(2024, 1, 5),
                datetime(2024, 1, 6),
                datetime(2024, 2, 1),
                datetime(2024, 2, 3),
            ],
            "canonical_id": [None, 1, None, None],
            "pay_min": [1.0, None, None, None],
            "pay_max": [None, None, 3.0, None],
            "degree_min": ["phd", None, None, None],
            "years_min": [None, None, None, 2.0],
            "title": ["MLE", "MLE", "<script>x</script>", "MLE"],
        }
    )


def test_coverage_by_source_counts_copies_and_duplicates() -> None:
    unique = select_postings(_postings(), filters=Filters())
    copies = select_postings(_postings(), filters=Filters(), keep_copies=True)
    result = coverage_by_source(copies, unique).collect()
    rows = {
        (r["period"], r["source"]): (r["copies"], r["unique"], r["duplicates_removed"])
        for r in result.iter_rows(named=True)
    }
    assert rows == {
        (date(2024, 1, 1), "greenhouse"): (1, 1, 0),
        (date(2024, 1, 1), "lever"): (1, 0, 1),
        (date(2024, 2, 1), "greenhouse"): (1, 1, 0),
        (date(2024, 2, 1), "hn"): (1, 1, 0),
    }


def test_coverage_totals_shares() -> None:
    unique = select_postings(_postings(), filters=Filters())
    mentions = pl.LazyFrame({"posting_id": [1, 1, 3], "skill_id": ["python", "aws", "python"]})
    row = coverage_totals(unique, mentions).collect().row(0, named=True)
    assert (row["postings"], row["with_skills"], row["with_pay"], row["with_degree"], row["with_years"]) == (
        3,
        2,
        2,
        1,
        1,
    )
    assert row["pay_share"] == 2 / 3


def test_top_values_counts_and_orders() -> None:
    result = top_values(_postings(), "title", top=1).collect()
    assert result.rows() == [("MLE", 3)]
