"""Share of postings naming a skill or a report group, per week, month, quarter or year, and how it changed.

Denominator: unique postings in the period that pass the filters (by default the ML-engineering role family).
Numerator: those postings naming at least one skill of the item. Intervals: Wilson score, 95%. Changes: in
percentage points against the previous period and the same period a year before, with a Newcombe interval and
the pooled two-proportion z test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import polars as pl

from skilltrends.aggregate.stats import (
    Z95,
    bh_adjust,
    newcombe_interval,
    two_proportion_p,
    two_proportion_z,
    wilson_interval,
)

__all__ = [
    "PERIOD_EVERY",
    "YEAR_BACK",
    "LOW_N",
    "Z95",
    "ML_FAMILIES",
    "Filters",
    "select_postings",
    "unique_mentions",
    "item_mentions",
    "posting_skills",
    "period_shares",
    "period_changes",
    "latest_changes",
    "share_ratio",
    "wilson_interval",
]

PERIOD_EVERY = {"week": "1w", "month": "1mo", "quarter": "1q", "year": "1y"}
YEAR_BACK = {"week": "-52w", "month": "-1y", "quarter": "-1y", "year": "-1y"}
LOW_N = 30
ML_FAMILIES = ("ml_engineer", "mlops_engineer")


@dataclass(frozen=True, slots=True)
class Filters:
    """Which postings a report counts. Empty sequences mean no filter; `remote` keeps remote postings only.

    `since` is inclusive and `until` exclusive (`describe` shows the last day counted).
    """

    families: Sequence[str] = ML_FAMILIES
    seniority: Sequence[str] = ()
    countries: Sequence[str] = ()
    remote: bool = False
    sources: Sequence[str] = ()
    companies: Sequence[str] = ()
    since: datetime | None = None
    until: datetime | None = None

    def describe(self) -> dict[str, object]:
        """JSON-simple description for summary.json and the report text."""
        return {
            "role_families": list(self.families),
            "seniority": list(self.seniority),
            "countries": list(self.countries),
            "remote_only": self.remote,
            "sources": list(self.sources),
            "companies": list(self.companies),
            "since": self.since.date().isoformat() if self.since else None,
            "until": (self.until - timedelta(days=1)).date().isoformat() if self.until else None,  # inclusive
        }


def select_postings(
    postings: pl.LazyFrame,
    *,
    period: str = "month",
    families: Sequence[str] | None = ML_FAMILIES,
    since: datetime | None = None,
    until: datetime | None = None,
    filters: Filters | None = None,
    keep_copies: bool = False,
) -> pl.LazyFrame:
    """Unique postings (copies of another posting removed) in range and passing the filters, with `period`.

    `filters`, when given, replaces `families`, `since` and `until`. `keep_copies` keeps every copy (for coverage).
    """
    f = filters or Filters(families=families or (), since=since, until=until)
    frame = postings
    if not keep_copies:
        frame = frame.filter(
            pl.col("canonical_id").is_null() | (pl.col("canonical_id") == pl.col("posting_id"))
        )
    for column, values in (
        ("role_family", f.families),
        ("seniority", f.seniority),
        ("country", f.countries),
        ("source", f.sources),
        ("company", f.companies),
    ):
        if values:
            frame = frame.filter(pl.col(column).is_in(list(values)))
    if f.remote:
        frame = frame.filter(pl.col("workplace") == "remote")
    if f.since is not None:
        frame = frame.filter(pl.col("posted_at") >= f.since)
    if f.until is not None:
        frame = frame.filter(pl.col("posted_at") < f.until)
    return frame.with_columns(period=pl.col("posted_at").dt.truncate(PERIOD_EVERY[period]).dt.date())


def unique_mentions(mentions: pl.LazyFrame) -> pl.LazyFrame:
    """(posting_id, skill_id, required): one row per posting and skill; required if any mention is required.

    Frames that already have `required` (the store's columnar copy) are taken as collapsed already.
    """
    if "required" in mentions.collect_schema():
        return mentions.select("posting_id", "skill_id", "required")
    return mentions.group_by("posting_id", "skill_id").agg(
        required=(pl.col("requirement") == "required").any()
    )


def _membership(items: Mapping[str, Sequence[str]], skill_dtype: pl.DataType) -> pl.LazyFrame:
    return pl.LazyFrame(
        [(skill, item) for item, skills in items.items() for skill in skills],
        schema={"skill_id": pl.String, "item": pl.String},
        orient="row",
    ).with_columns(pl.col("skill_id").cast(skill_dtype), pl.col("item").cast(pl.Categorical))


def item_mentions(mentions: pl.LazyFrame, items: Mapping[str, Sequence[str]]) -> pl.LazyFrame:
    """(posting_id, item, required): one row per posting naming an item (a skill or a group of skills).

    `required`: at least one of the item's skills is named as required (else the posting only prefers it).
    Single-skill items need no group-by (mentions are one row per posting and skill); only groups do.
    """
    named = unique_mentions(mentions)
    dtype = named.collect_schema()["skill_id"]
    singles = {k: v for k, v in items.items() if len(set(v)) == 1}
    groups = {k: v for k, v in items.items() if len(set(v)) > 1}
    parts = [
        named.join(_membership({k: v[:1] for k, v in singles.items()}, dtype), on="skill_id").select(
            "posting_id", "item", "required"
        )
    ]
    if groups:
        parts.append(
            named.join(_membership(groups, dtype), on="skill_id")
            .group_by("posting_id", "item")
            .agg(required=pl.col("required").any())
        )
    return pl.concat(parts)


def posting_skills(postings: pl.LazyFrame, mentions: pl.LazyFrame) -> pl.LazyFrame:
    """(posting_id, period, skill_id, required) for the postings of `select_postings`: mentions joined once."""
    return unique_mentions(mentions).join(postings.select("posting_id", "period"), on="posting_id")


def _item_counts(named: pl.LazyFrame, items: Mapping[str, Sequence[str]]) -> pl.LazyFrame:
    """(period, item, naming, required) from `posting_skills`: skills counted per period, groups per posting."""
    dtype = named.collect_schema()["skill_id"]
    singles = {k: list(v)[:1] for k, v in items.items() if len(set(v)) == 1}
    groups = {k: v for k, v in items.items() if len(set(v)) > 1}
    per_skill = named.group_by("period", "skill_id").agg(naming=pl.len(), required=pl.col("required").sum())
    parts = [
        per_skill.join(_membership(singles, dtype), on="skill_id").select(
            "period", "item", "naming", "required"
        )
    ]
    if groups:
        members = sorted({s for v in groups.values() for s in v})
        parts.append(
            named.filter(pl.col("skill_id").is_in(members))
            .join(_membership(groups, dtype), on="skill_id")
            .group_by("posting_id", "period", "item")
            .agg(required=pl.col("required").any())
            .group_by("period", "item")
            .agg(naming=pl.len(), required=pl.col("required").sum())
        )
    return pl.concat(
        [
            p.with_columns(pl.col("item").cast(pl.String), pl.col("naming", "required").cast(pl.Int64))
            for p in parts
        ]
    )


def period_shares(
    postings: pl.LazyFrame, mentions: pl.LazyFrame, items: Mapping[str, Sequence[str]]
) -> pl.LazyFrame:
    """Per period x item: postings, naming, required, preferred, share, ci_low, ci_high, required_share, low_n.

    `postings` comes from `select_postings`; `mentions` are the store's (or `posting_skills`' output, which saves a
    join). Every (period, item) pair appears, with zero counts where needed. `preferred` counts postings that name
    the item only as preferred; required + preferred = naming.
    """
    totals = postings.group_by("period").agg(postings=pl.len().cast(pl.Int64))
    named = mentions if "period" in mentions.collect_schema() else posting_skills(postings, mentions)
    grid = totals.join(pl.LazyFrame({"item": list(items)}, schema={"item": pl.String}), how="cross")
    low, high = wilson_interval(pl.col("naming"), pl.col("postings"))
    return (
        grid.join(_item_counts(named, items), on=["period", "item"], how="left")
        .with_columns(pl.col("naming", "required").fill_null(0).cast(pl.Int64))
        .with_columns(
            preferred=pl.col("naming") - pl.col("required"),
            share=pl.col("naming") / pl.col("postings"),
            ci_low=low,
            ci_high=high,
            required_share=pl.when(pl.col("naming") > 0).then(pl.col("required") / pl.col("naming")),
            low_n=pl.col("postings") < LOW_N,
        )
        .sort("item", "period")
    )


def _compare(shares: pl.LazyFrame, *, offset: str, tag: str) -> pl.LazyFrame:
    before = shares.select(
        "item",
        pl.col("period").dt.offset_by(offset.removeprefix("-")).alias("period"),
        pl.col("postings").alias(f"postings_{tag}"),
        pl.col("naming").alias(f"naming_{tag}"),
    )
    x1, n1 = pl.col("naming"), pl.col("postings")
    x0, n0 = pl.col(f"naming_{tag}"), pl.col(f"postings_{tag}")
    low, high = newcombe_interval(x1, n1, x0, n0)
    return (
        shares.join(before, on=["item", "period"], how="left")
        .with_columns(
            (100 * (x1 / n1 - x0 / n0)).alias(f"change_{tag}_pp"),
            (100 * low).alias(f"change_{tag}_low_pp"),
            (100 * high).alias(f"change_{tag}_high_pp"),
            two_proportion_z(x1, n1, x0, n0).alias("_z"),
        )
        .with_columns(two_proportion_p(x1, n1, x0, n0, z=pl.col("_z")).alias(f"p_{tag}"))
        .drop("_z")
    )


def period_changes(shares: pl.LazyFrame, *, period: str = "month") -> pl.LazyFrame:
    """`period_shares` plus the change against the previous period (`prev`) and a year before (`year`).

    Per comparison: the earlier postings and naming counts, the change in percentage points, its 95% Newcombe
    interval and the two-sided p-value of the pooled two-proportion z test; null where the earlier period has no
    postings in the report.
    """
    step = "-" + PERIOD_EVERY[period]
    return (
        shares.pipe(_compare, offset=step, tag="prev")
        .pipe(_compare, offset=YEAR_BACK[period], tag="year")
        .sort("item", "period")
    )


def latest_changes(
    changes: pl.LazyFrame, *, items: Sequence[str] | None = None, alpha: float = 0.05
) -> pl.LazyFrame:
    """The latest period's changes per item with Benjamini-Hochberg q-values across items, largest rise first.

    The latest period is the last with at least 30 postings (the last of all if none has). Compares against a year
    before when the report reaches that far back, else against the previous period (column `against`).
    `significant`: q < alpha, and never where either period has fewer than 30 postings (the z test's normal
    approximation needs counts).
    """
    solid = pl.when(~pl.col("low_n")).then(pl.col("period"))
    latest = pl.coalesce(solid.max(), pl.col("period").max())
    last = changes.filter(pl.col("period") == latest)
    if items is not None:
        last = last.filter(pl.col("item").is_in(list(items)))
    use_year = pl.col("postings_year").is_not_null().any()

    def pick(template: str) -> pl.Expr:
        return (
            pl.when(use_year).then(pl.col(template.format("year"))).otherwise(pl.col(template.format("prev")))
        )

    return (
        last.with_columns(
            against=pl.when(use_year).then(pl.lit("year")).otherwise(pl.lit("previous period")),
            postings_before=pick("postings_{}"),
            naming_before=pick("naming_{}"),
            change_pp=pick("change_{}_pp"),
            change_low_pp=pick("change_{}_low_pp"),
            change_high_pp=pick("change_{}_high_pp"),
            p_before=pick("p_{}"),
        )
        .with_columns(q=bh_adjust(pl.col("p_before")))
        .with_columns(significant=(pl.col("q") < alpha) & ~pl.col("low_n") & (pl.col("postings_before") >= LOW_N))
        .select(
            "item",
            "period",
            "against",
            "postings",
            "naming",
            "share",
            "postings_before",
            "naming_before",
            "change_pp",
            "change_low_pp",
            "change_high_pp",
            "p_before",
            "q",
            "significant",
            "low_n",
        )
        .sort("change_pp", descending=True, nulls_last=True)
    )


def share_ratio(shares: pl.LazyFrame, numerator: str, denominator: str) -> pl.LazyFrame:
    """Per period: postings naming `numerator` per posting naming `denominator` (e.g. PyTorch : TensorFlow)."""
    wide = shares.filter(pl.col("item").is_in([numerator, denominator])).select(
        "period", "postings", "item", "naming"
    )
    a = wide.filter(pl.col("item") == numerator).select(
        "period", "postings", pl.col("naming").alias(numerator)
    )
    b = wide.filter(pl.col("item") == denominator).select("period", pl.col("naming").alias(denominator))
    return (
        a.join(b, on="period", how="full", coalesce=True)
        .with_columns(ratio=pl.when(pl.col(denominator) > 0).then(pl.col(numerator) / pl.col(denominator)))
        .sort("period")
    )
