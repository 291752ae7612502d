"""Which skills are asked for together: pair support and lift over the selected postings."""

from __future__ import annotations

import polars as pl

__all__ = ["skill_pairs"]


def skill_pairs(postings: pl.LazyFrame, mentions: pl.LazyFrame, *, min_postings: int = 10) -> pl.LazyFrame:
    """(skill_a, skill_b) with a < b: both, support = both / N, confidence both ways, lift.

    N: postings in `postings`. lift = P(a and b) / (P(a) P(b)): above 1 when the pair is named together more often
    than if the two were independent. Pairs named together by fewer than `min_postings` postings are left out
    (their lift is too noisy to rank). Sorted by lift, highest first.
    """
    per_posting = mentions.select("posting_id", "skill_id").unique().join(postings.select("posting_id"), on="posting_id")
    total = postings.select(n=pl.len())
    singles = per_posting.group_by("skill_id").agg(count=pl.len())
    # Pair within postings through a self-join on posting_id; skill ids as dense integers keep the pair frame small.
    codes = singles.select("skill_id").sort("skill_id").with_row_index("code")
    coded = per_posting.join(codes, on="skill_id").select("posting_id", "code")
    pairs = (
        coded.join(coded, on="posting_id", suffix="_b")
        .filter(pl.col("code") < pl.col("code_b"))
        .group_by("code", "code_b")
        .agg(both=pl.len())
        .filter(pl.col("both") >= min_postings)
    )
    a = codes.join(singles, on="skill_id").select("code", skill_a="skill_id", count_a="count")
    b = a.select(code_b="code", skill_b="skill_a", count_b="count_a")
    return (
        pairs.join(a, on="code").join(b, on="code_b").join(total, how="cross")
        .select(
            "skill_a", "skill_b", "both", "count_a", "count_b", "n",
            support=pl.col("both") / pl.col("n"),
            confidence_a_to_b=pl.col("both") / pl.col("count_a"),
            confidence_b_to_a=pl.col("both") / pl.col("count_b"),
            lift=pl.col("both") * pl.col("n") / (pl.col("count_a") * pl.col("count_b")),
        )
        .sort(["lift", "both"], descending=True)
    )
