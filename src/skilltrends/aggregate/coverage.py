"""What the report stands on: postings per source and period, copies removed, pay and degree coverage."""

from __future__ import annotations

import polars as pl

from skilltrends.aggregate.trends import PERIOD_EVERY

__all__ = ["coverage_by_source", "coverage_totals", "top_values"]


def coverage_by_source(copies: pl.LazyFrame, unique: pl.LazyFrame, *, period: str = "month") -> pl.LazyFrame:
    """Per period x source: copies (every stored posting passing the filters), unique postings, copies removed.

    `copies`: the filtered postings before removing copies (`select_postings` would drop them); `unique`: after.
    A unique posting is counted under the source of its canonical copy.
    """
    every = PERIOD_EVERY[period]
    stored = copies.group_by(period=pl.col("posted_at").dt.truncate(every).dt.date(), source="source").agg(
        copies=pl.len()
    )
    kept = unique.group_by("period", "source").agg(unique=pl.len())
    return (
        stored.join(kept, on=["period", "source"], how="full", coalesce=True)
        .with_columns(pl.col("copies", "unique").fill_null(0).cast(pl.Int64))
        .with_columns(duplicates_removed=pl.col("copies") - pl.col("unique"))
        .sort("period", "source")
    )


def coverage_totals(unique: pl.LazyFrame, mentions: pl.LazyFrame) -> pl.LazyFrame:
    """One row: postings, those naming any skill, stating pay, a degree, years of experience, and those as shares."""
    has_pay = pl.col("pay_min").is_not_null() | pl.col("pay_max").is_not_null()
    tagged = unique.join(mentions.select("posting_id").unique(), on="posting_id", how="semi").select(
        with_skills=pl.len()
    )
    counts = unique.select(
        postings=pl.len(),
        with_pay=has_pay.sum(),
        with_degree=pl.col("degree_min").is_not_null().sum(),
        with_years=pl.col("years_min").is_not_null().sum(),
    )
    return counts.join(tagged, how="cross").with_columns(
        (pl.col(c) / pl.col("postings")).alias(c.replace("with_", "") + "_share")
        for c in ("with_skills", "with_pay", "with_degree", "with_years")
    )


def top_values(frame: pl.LazyFrame, column: str, *, top: int = 15) -> pl.LazyFrame:
    """The `top` most frequent values of `column` with their counts (e.g. titles, extractor versions)."""
    return (
        frame.group_by(column)
        .agg(postings=pl.len())
        .sort(["postings", column], descending=[True, False])
        .head(top)
    )
