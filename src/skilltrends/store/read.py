"""Read the store into Polars frames for the aggregate stage."""

from __future__ import annotations

import polars as pl
from sqlalchemy import Engine, select
from sqlalchemy.sql.functions import coalesce

from skilltrends.store.tables import PostingRow, PostingSkill

__all__ = ["read_postings", "read_mentions"]

_POSTING_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "posting_id": pl.Int64, "source": pl.String, "company": pl.String, "title": pl.String,
    "role_family": pl.String, "seniority": pl.String, "country": pl.String, "workplace": pl.String,
    "posted_at": pl.Datetime("us"), "canonical_id": pl.Int64,
}


def read_postings(engine: Engine) -> pl.LazyFrame:
    """One row per stored posting copy, dated by posted_at (first_seen where the source gave no date)."""
    query = select(
        PostingRow.id.label("posting_id"), PostingRow.source, PostingRow.company, PostingRow.title,
        PostingRow.role_family, PostingRow.seniority, PostingRow.country, PostingRow.workplace,
        coalesce(PostingRow.posted_at, PostingRow.first_seen).label("posted_at"), PostingRow.canonical_id,
    ).where(PostingRow.extracted_hash.is_not(None))
    with engine.connect() as conn:
        frame = pl.read_database(query, conn, schema_overrides=_POSTING_SCHEMA)
    if frame.is_empty():
        frame = pl.DataFrame(schema=_POSTING_SCHEMA)
    return frame.lazy().with_columns(pl.col("posted_at").cast(pl.Datetime("us")))


def read_mentions(engine: Engine) -> pl.LazyFrame:
    """One row per (posting, skill, requirement): mentions collapsed to the posting level."""
    query = select(PostingSkill.posting_id, PostingSkill.skill_id, PostingSkill.requirement).distinct()
    schema: dict[str, pl.DataType | type[pl.DataType]] = {"posting_id": pl.Int64, "skill_id": pl.String, "requirement": pl.String}
    with engine.connect() as conn:
        frame = pl.read_database(query, conn, schema_overrides=schema)
    if frame.is_empty():
        frame = pl.DataFrame(schema=schema)
    return frame.lazy()
