"""Monthly (or weekly, quarterly, yearly) share of postings naming a skill or a report group.

Denominator: unique postings in the period that pass the filters (by default the ML-engineering role family).
Numerator: those postings naming at least one skill of the item. Intervals: Wilson score, 95%.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import polars as pl

__all__ = ["PERIOD_EVERY", "select_postings", "item_mentions", "period_shares", "wilson_interval", "Z95"]

Z95 = 1.959963984540054
PERIOD_EVERY = {"week": "1w", "month": "1mo", "quarter": "1q", "year": "1y"}
LOW_N = 30


def select_postings(
    postings: pl.LazyFrame,
    *,
    period: str = "month",
    families: Sequence[str] | None = ("ml_engineer", "mlops_engineer"),
    since: datetime | None = None,
    until: datetime | None = None,
) -> pl.LazyFrame:
    """Unique postings (duplicates of another posting removed) in range, with a `period` column."""
    frame = postings.filter(pl.col("canonical_id").is_null() | (pl.col("canonical_id") == pl.col("posting_id")))
    if families:
        frame = frame.filter(pl.col("role_family").is_in(list(families)))
    if since is not None:
        frame = frame.filter(pl.col("posted_at") >= since)
    if until is not None:
        frame = frame.filter(pl.col("posted_at") < until)
    return frame.with_columns(period=pl.col("posted_at").dt.truncate(PERIOD_EVERY[period]).dt.date())


def item_mentions(mentions: pl.LazyFrame, items: Mapping[str, Sequence[str]]) -> pl.LazyFrame:
    """(posting_id, item, required): one row per posting naming an item (a skill or a group of skills)."""
    membership = pl.LazyFrame(
        [(skill, item) for item, skills in items.items() for skill in skills],
        schema={"skill_id": pl.String, "item": pl.String},
        orient="row",
    )
    return (
        mentions.join(membership, on="skill_id")
        .group_by("posting_id", "item")
        .agg(required=(pl.col("requirement") == "required").any())
    )


def wilson_interval(successes: pl.Expr, total: pl.Expr, z: float = Z95) -> tuple[pl.Expr, pl.Expr]:
    """Wilson score interval for a binomial proportion (null where total is 0)."""
    n = total.cast(pl.Float64)
    p = successes.cast(pl.Float64) / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).sqrt()
    guard = pl.when(total > 0)
    # Clip: at p = 0 or 1 floating point puts a bound a hair outside [0, 1].
    low, high = (centre - half).clip(0.0, 1.0), (centre + half).clip(0.0, 1.0)
    return guard.then(low).otherwise(None), guard.then(high).otherwise(None)


def period_shares(postings: pl.LazyFrame, mentions: pl.LazyFrame, items: Mapping[str, Sequence[str]]) -> pl.LazyFrame:
    """Per period x item: postings, naming, share, ci_low, ci_high, required share, low_n flag.

    `postings` comes from `select_postings`; every (period, item) pair appears, with zero counts where needed.
    """
    totals = postings.group_by("period").agg(postings=pl.len())
    hits = (
        item_mentions(mentions, items)
        .join(postings.select("posting_id", "period"), on="posting_id")
        .group_by("period", "item")
        .agg(naming=pl.len(), required=pl.col("required").sum())
    )
    grid = totals.join(pl.LazyFrame({"item": list(items)}), how="cross")
    low, high = wilson_interval(pl.col("naming"), pl.col("postings"))
    return (
        grid.join(hits, on=["period", "item"], how="left")
        .with_columns(pl.col("naming", "required").fill_null(0).cast(pl.Int64))
        .with_columns(
            share=pl.col("naming") / pl.col("postings"),
            ci_low=low,
            ci_high=high,
            low_n=pl.col("postings") < LOW_N,
        )
        .sort("item", "period")
    )
