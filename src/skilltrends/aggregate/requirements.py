"""Degrees, years of experience and pay, over the selected postings (one row each in posting_requirements)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from skilltrends.aggregate.stats import wilson_interval
from skilltrends.aggregate.trends import LOW_N, item_mentions

__all__ = [
    "ANNUAL_FACTOR",
    "DEGREE_ORDER",
    "annual_pay",
    "pay_by_item",
    "degree_distribution",
    "share_by",
    "degree_fields",
    "years_by",
]

# Annualisation assumes full-time work: 52 weeks, 260 working days, 2,080 working hours a year.
ANNUAL_FACTOR = {"year": 1.0, "month": 12.0, "week": 52.0, "day": 260.0, "hour": 2080.0}
DEGREE_ORDER = ["none stated", "bachelor", "master", "phd"]


def _with_interval(frame: pl.LazyFrame, count: str, total: str) -> pl.LazyFrame:
    low, high = wilson_interval(pl.col(count), pl.col(total))
    return frame.with_columns(
        share=pl.col(count) / pl.col(total), ci_low=low, ci_high=high, low_n=pl.col(total) < LOW_N
    )


def annual_pay(postings: pl.LazyFrame) -> pl.LazyFrame:
    """(posting_id, currency, annual_pay): the midpoint of the stated range (or its one end), annualised.

    Postings without a currency, a known pay period or any amount are left out.
    """
    factor = pl.col("pay_period").replace_strict(ANNUAL_FACTOR, default=None, return_dtype=pl.Float64)
    amount = pl.mean_horizontal("pay_min", "pay_max")  # ignores nulls: one stated end stands for the range
    return postings.filter(
        pl.col("pay_currency").is_not_null() & factor.is_not_null() & amount.is_not_null()
    ).select("posting_id", currency=pl.col("pay_currency").str.to_uppercase(), annual_pay=amount * factor)


def _quartiles(value: str) -> list[pl.Expr]:
    return [
        pl.len().alias("n"),
        pl.col(value).median().alias("median"),
        pl.col(value).quantile(0.25, interpolation="linear").alias("q25"),
        pl.col(value).quantile(0.75, interpolation="linear").alias("q75"),
    ]


def pay_by_item(
    postings: pl.LazyFrame, mentions: pl.LazyFrame, items: Mapping[str, Sequence[str]]
) -> pl.LazyFrame:
    """Per currency x item (plus item "all postings"): n, median, q25, q75, iqr of annualised pay, low_n."""
    pay = annual_pay(postings)
    by_item = (
        item_mentions(mentions.join(pay.select("posting_id"), on="posting_id", how="semi"), items)
        .join(pay, on="posting_id")
        .group_by("currency", "item")
        .agg(_quartiles("annual_pay"))
        .with_columns(pl.col("item").cast(pl.String))  # after the group-by: millions of rows stay categorical
    )
    everyone = pay.group_by("currency").agg(_quartiles("annual_pay")).with_columns(item=pl.lit("all postings"))
    columns = ["currency", "item", "n", "median", "q25", "q75"]
    return (
        pl.concat([everyone.select(columns), by_item.select(columns)])
        .with_columns(iqr=pl.col("q75") - pl.col("q25"), low_n=pl.col("n") < LOW_N)
        .sort(["currency", "median"], descending=[False, True])
    )


def degree_distribution(postings: pl.LazyFrame, *, by: str | None = None) -> pl.LazyFrame:
    """Share of postings by minimum degree asked ("none stated" when none), with Wilson intervals, per `by`."""
    keys = [by] if by else []
    level = pl.col("degree_min").fill_null("none stated").alias("degree_min")
    counts = postings.group_by(*keys, level).agg(postings_with=pl.len())
    totals = postings.group_by(*keys).agg(postings=pl.len()) if keys else postings.select(postings=pl.len())
    joined = counts.join(totals, on=keys) if keys else counts.join(totals, how="cross")
    order = pl.col("degree_min").replace_strict(DEGREE_ORDER, list(range(len(DEGREE_ORDER))), default=99)
    return _with_interval(joined, "postings_with", "postings").sort([*keys, order])


def share_by(postings: pl.LazyFrame, condition: pl.Expr, *, by: str, name: str) -> pl.LazyFrame:
    """Per value of `by`: postings, how many meet `condition` (column `name`), its share and Wilson interval."""
    frame = postings.group_by(pl.col(by).fill_null("not stated")).agg(
        postings=pl.len(), **{name: condition.sum().cast(pl.Int64)}
    )
    return _with_interval(frame, name, "postings").sort(by)


def degree_fields(postings: pl.LazyFrame) -> pl.LazyFrame:
    """Per field of study: postings naming it, as a share of postings that state any field."""
    stated = postings.filter(pl.col("degree_fields").list.len() > 0)
    total = stated.select(postings=pl.len())
    counts = stated.explode("degree_fields").group_by(field="degree_fields").agg(postings_with=pl.len())
    return _with_interval(counts.join(total, how="cross"), "postings_with", "postings").sort(
        "postings_with", descending=True
    )


def years_by(postings: pl.LazyFrame, *, by: str) -> pl.LazyFrame:
    """Minimum years of experience asked, per value of `by`: n, median, q25, q75 (postings that state it)."""
    return (
        postings.filter(pl.col("years_min").is_not_null())
        .group_by(pl.col(by).fill_null("not stated"))
        .agg(_quartiles("years_min"))
        .sort(by)
    )
