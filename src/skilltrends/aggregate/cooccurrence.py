"""Which skills are asked for together: pair support and lift over the selected postings."""

from __future__ import annotations

import numpy as np
import polars as pl

__all__ = ["skill_pairs"]

_PAIR_SCHEMA = {"code": pl.UInt32, "code_b": pl.UInt32, "both": pl.Int64}


def _count_pairs(frame: pl.DataFrame) -> pl.DataFrame:
    """(code, code_b, both) for code < code_b from one row per (posting_id, code).

    Rows sorted by posting then code: row i pairs with row i + d whenever both belong to the same posting, for
    d = 1, 2, ... until no posting has d + 1 skills. Each step is one vectorised pass and a bincount over the
    rows still in play, much cheaper than a self-join's frame of ~k^2/2 rows per posting.
    """
    if frame.is_empty():
        return pl.DataFrame(schema=_PAIR_SCHEMA)
    frame = frame.sort("posting_id", "code")
    posting = frame["posting_id"].to_numpy()
    code = frame["code"].to_numpy().astype(np.int64)
    k = int(code.max()) + 1
    counts = np.zeros(k * k, dtype=np.int64)
    # rows that still have a partner d rows down: only those can have one d + 1 rows down, so the work is about
    # the number of pairs, not rows times the longest posting
    rows, d = np.arange(len(code) - 1), 1
    while rows.size:
        rows = rows[posting[rows + d] == posting[rows]]
        counts += np.bincount(code[rows] * k + code[rows + d], minlength=k * k)
        d += 1
        rows = rows[rows + d < len(code)]
    found = np.flatnonzero(counts)
    return pl.DataFrame({"code": found // k, "code_b": found % k, "both": counts[found]}, schema=_PAIR_SCHEMA)


def skill_pairs(postings: pl.LazyFrame, mentions: pl.LazyFrame, *, min_postings: int = 10) -> pl.LazyFrame:
    """(skill_a, skill_b) with a < b: both, support = both / N, confidence both ways, lift.

    N: postings in `postings`. lift = P(a and b) / (P(a) P(b)): above 1 when the pair is named together more
    often than if the two were independent. Pairs named together by fewer than `min_postings` postings are left
    out (their lift is too noisy to rank). Sorted by lift, highest first. `mentions` with a `required` column are
    taken as one row per posting and skill already (`unique_mentions`, `posting_skills`).
    """
    per_posting = mentions.select("posting_id", pl.col("skill_id").cast(pl.String))
    if "required" not in mentions.collect_schema():  # raw mentions: several rows per posting and skill
        per_posting = per_posting.unique()
    per_posting = per_posting.join(postings.select("posting_id"), on="posting_id", how="semi")
    total = postings.select(n=pl.len())
    singles = per_posting.group_by("skill_id").agg(count=pl.len())
    codes = singles.select("skill_id").sort("skill_id").with_row_index("code")
    pairs = (
        per_posting.join(codes, on="skill_id")
        .select("posting_id", "code")
        .map_batches(_count_pairs, schema=_PAIR_SCHEMA)
        .filter(pl.col("both") >= min_postings)
    )
    a = codes.join(singles, on="skill_id").select("code", skill_a="skill_id", count_a="count")
    b = a.select(code_b="code", skill_b="skill_a", count_b="count_a")
    return (
        pairs.join(a, on="code")
        .join(b, on="code_b")
        .join(total, how="cross")
        .select(
            "skill_a",
            "skill_b",
            "both",
            "count_a",
            "count_b",
            "n",
            support=pl.col("both") / pl.col("n"),
            confidence_a_to_b=pl.col("both") / pl.col("count_a"),
            confidence_b_to_a=pl.col("both") / pl.col("count_b"),
            lift=pl.col("both") * pl.col("n") / (pl.col("count_a") * pl.col("count_b")),
        )
        .sort(["lift", "both", "skill_a", "skill_b"], descending=[True, True, False, False])
    )
