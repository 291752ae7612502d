"""Every table of a report as a LazyFrame, from the store's postings and mentions: one plan, collected once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import polars as pl

from skilltrends.aggregate.cooccurrence import skill_pairs
from skilltrends.aggregate.coverage import coverage_by_source, coverage_totals, top_values
from skilltrends.aggregate.requirements import (
    degree_distribution,
    degree_fields,
    pay_by_item,
    share_by,
    years_by,
)
from skilltrends.aggregate.trends import (
    PERIOD_EVERY,
    Filters,
    latest_changes,
    period_changes,
    period_shares,
    posting_skills,
    select_postings,
    share_ratio,
)

__all__ = ["report_base", "report_tables", "share_tables", "pair_window"]


def report_base(
    postings: pl.LazyFrame, mentions: pl.LazyFrame, *, period: str = "month", filters: Filters | None = None
) -> dict[str, pl.LazyFrame]:
    """The frames every table starts from: unique postings, all copies, and their skills (one join, done once)."""
    filters = filters or Filters()
    unique = select_postings(postings, period=period, filters=filters)
    return {
        "unique": unique,
        "copies": select_postings(postings, period=period, filters=filters, keep_copies=True),
        "named": posting_skills(unique, mentions),
    }


def report_tables(
    base: Mapping[str, pl.LazyFrame],
    *,
    items: Mapping[str, Sequence[str]],
    period: str = "month",
    pair_min_postings: int = 10,
    pair_since: date | None = None,
) -> dict[str, pl.LazyFrame]:
    """Name -> LazyFrame for every table the report writes, except those `share_tables` derives from "shares".

    `base` is `report_base`'s output (collected or not). Co-occurrence covers the periods from `pair_since` on
    (`pair_window` gives the last 12): the current picture, and it bounds the pair counting.
    """
    unique, copies, named = base["unique"], base["copies"], base["named"]
    recent, recent_named = unique, named
    if pair_since is not None:
        recent = unique.filter(pl.col("period") >= pair_since)
        recent_named = named.filter(pl.col("period") >= pair_since)
    return {
        "shares": period_changes(period_shares(unique, named, items), period=period),
        "degrees": degree_distribution(unique),
        "degrees_by_year": degree_distribution(
            unique.with_columns(year=pl.col("posted_at").dt.year()), by="year"
        ),
        "phd_by_seniority": share_by(
            unique, (pl.col("degree_min") == "phd").fill_null(False), by="seniority", name="phd"
        ),
        "degree_fields": degree_fields(unique),
        "years_by_seniority": years_by(unique, by="seniority"),
        "pairs": skill_pairs(recent, recent_named, min_postings=pair_min_postings),
        "pay": pay_by_item(unique, named, items),
        "coverage": coverage_by_source(copies, unique, period=period),
        "coverage_totals": coverage_totals(unique, named),
        "extractor_versions": top_values(unique, "extractor_version", top=20),
        "titles": top_values(unique, "title", top=15),
    }


def pair_window(last_period: date | None, *, period: str, periods: int = 12) -> date | None:
    """The first period of the last `periods` periods ending with `last_period` (None if there is none)."""
    if last_period is None:
        return None
    start = pl.Series([last_period]).dt.offset_by(f"-{periods - 1}{PERIOD_EVERY[period].removeprefix('1')}")
    return start.item()  # type: ignore[no-any-return]


def share_tables(shares: pl.LazyFrame) -> dict[str, pl.LazyFrame]:
    """Tables derived from the collected "shares": the latest changes, and PyTorch : TensorFlow when both exist."""
    tables = {"changes": latest_changes(shares)}
    present = set(shares.select(pl.col("item").unique()).collect().to_series().to_list())
    if {"pytorch", "tensorflow"} <= present:
        tables["ratio_pytorch_tensorflow"] = share_ratio(shares, "pytorch", "tensorflow")
    return tables
