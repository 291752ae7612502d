"""Write postings and extraction results into the store: idempotent, batched upserts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select, update

from skilltrends.models import Extraction, Posting
from skilltrends.store.tables import CrawlRun, PostingRequirement, PostingRow, PostingSkill

__all__ = ["SaveCounts", "save_postings", "close_missing", "save_extractions", "start_crawl_run", "finish_crawl_run"]

_BATCH = 500


@dataclass(slots=True)
class SaveCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: SaveCounts) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged


def _utc(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value is not None else None


def _row(posting: Posting, *, content_hash: str, now: datetime, run_id: int | None) -> dict[str, object]:
    data = posting.to_dict()
    data["posted_at"] = _utc(posting.posted_at)
    data["valid_through"] = _utc(posting.valid_through)
    data.update(content_hash=content_hash, last_seen=now, last_run_id=run_id, closed_at=None)
    return data


def save_postings(
    engine: Engine, postings: Iterable[Posting], *, run_id: int | None = None, now: datetime | None = None
) -> SaveCounts:
    """Upsert by (source, external_id). Unchanged content only refreshes last_seen; nothing is duplicated.

    Each batch commits on its own, so a killed process loses at most the batch in flight.
    """
    now = now or datetime.now(UTC)
    counts = SaveCounts()
    batch: list[Posting] = []
    for posting in postings:
        batch.append(posting)
        if len(batch) >= _BATCH:
            counts.add(_save_batch(engine, batch, run_id=run_id, now=now))
            batch = []
    if batch:
        counts.add(_save_batch(engine, batch, run_id=run_id, now=now))
    return counts


def _save_batch(engine: Engine, batch: Sequence[Posting], *, run_id: int | None, now: datetime) -> SaveCounts:
    unique: dict[tuple[str, str], Posting] = {(p.source, p.external_id): p for p in batch}  # last copy wins
    counts = SaveCounts()
    with engine.begin() as conn:
        existing: dict[tuple[str, str], tuple[int, str]] = {}
        for source in {key[0] for key in unique}:
            ids = [key[1] for key in unique if key[0] == source]
            rows = conn.execute(
                select(PostingRow.id, PostingRow.external_id, PostingRow.content_hash).where(
                    PostingRow.source == source, PostingRow.external_id.in_(ids)
                )
            )
            existing.update({(source, ext): (pk, digest) for pk, ext, digest in rows})
        new_rows, changed_rows, seen_ids = [], [], []
        for key, posting in unique.items():
            digest = posting.content_hash()
            if key not in existing:
                new_rows.append(_row(posting, content_hash=digest, now=now, run_id=run_id) | {"first_seen": now})
            elif existing[key][1] != digest:
                changed_rows.append(_row(posting, content_hash=digest, now=now, run_id=run_id)
                                    | {"b_id": existing[key][0]})
            else:
                seen_ids.append(existing[key][0])
        if new_rows:
            conn.execute(insert(PostingRow), new_rows)
        if changed_rows:
            _update_changed(conn, changed_rows)
        if seen_ids:
            conn.execute(
                update(PostingRow)
                .where(PostingRow.id.in_(seen_ids))
                .values(last_seen=now, last_run_id=run_id, closed_at=None)
            )
        counts.new, counts.updated, counts.unchanged = len(new_rows), len(changed_rows), len(seen_ids)
    return counts


def _update_changed(conn: object, rows: list[dict[str, object]]) -> None:
    from sqlalchemy import bindparam

    columns = [c for c in rows[0] if c not in ("b_id", "source", "external_id")]
    table = PostingRow.__table__
    stmt = (
        update(table)  # type: ignore[arg-type]
        .where(table.c.id == bindparam("b_id"))
        .values({c: bindparam(c) for c in columns})
    )
    conn.execute(stmt, rows)  # type: ignore[attr-defined]


def close_missing(engine: Engine, *, source: str, board: str, run_id: int, now: datetime | None = None) -> int:
    """After a complete crawl of one board: postings it no longer lists get closed_at. Returns how many."""
    now = now or datetime.now(UTC)
    with engine.begin() as conn:
        result = conn.execute(
            update(PostingRow)
            .where(
                PostingRow.source == source,
                PostingRow.board == board,
                PostingRow.closed_at.is_(None),
                (PostingRow.last_run_id != run_id) | PostingRow.last_run_id.is_(None),
            )
            .values(closed_at=now)
        )
        return int(result.rowcount or 0)


def save_extractions(
    engine: Engine, results: Sequence[tuple[int, str, Extraction, Posting]], *, version: str
) -> int:
    """Replace the tags of each (posting_id, content_hash, extraction, posting) in one transaction."""
    if not results:
        return 0
    ids = [pid for pid, _, _, _ in results]
    mentions: list[dict[str, object]] = []
    requirements: list[dict[str, object]] = []
    for posting_id, _digest, extraction, posting in results:
        mentions.extend(
            {"posting_id": posting_id, "skill_id": m.skill_id, "requirement": m.requirement, "start": m.start,
             "end": m.end, "text": m.text[:255], "extractor_version": version}
            for m in extraction.mentions
        )
        requirements.append(_requirement_row(posting_id, extraction, posting, version))
    with engine.begin() as conn:
        conn.execute(delete(PostingSkill).where(PostingSkill.posting_id.in_(ids)))
        conn.execute(delete(PostingRequirement).where(PostingRequirement.posting_id.in_(ids)))
        if mentions:
            conn.execute(insert(PostingSkill), mentions)
        conn.execute(insert(PostingRequirement), requirements)
        for posting_id, digest, _, _ in results:
            conn.execute(
                update(PostingRow).where(PostingRow.id == posting_id)
                .values(extracted_hash=digest, extractor_version=version)
            )
    return len(results)


def _requirement_row(posting_id: int, extraction: Extraction, posting: Posting, version: str) -> dict[str, object]:
    structured = posting.salary_min is not None or posting.salary_max is not None
    salary = extraction.salary
    pay: tuple[float | None, float | None, str | None, str | None, str | None]
    if structured:
        pay = (posting.salary_min, posting.salary_max, posting.salary_currency, posting.salary_period, "structured")
    elif salary is not None:
        pay = (salary.min, salary.max, salary.currency, salary.period, "text")
    else:
        pay = (None, None, None, None, None)
    return {
        "posting_id": posting_id,
        "degree_min": extraction.degree.min_level,
        "degree_fields": list(extraction.degree.fields),
        "equivalent_experience_ok": extraction.degree.equivalent_experience_ok,
        "years_min": extraction.years_min,
        "years_max": extraction.years_max,
        "pay_min": pay[0], "pay_max": pay[1], "pay_currency": pay[2], "pay_period": pay[3], "pay_source": pay[4],
        "extractor_version": version,
    }


def start_crawl_run(engine: Engine, *, spider: str, arguments: dict[str, object]) -> int:
    """Record a crawl as running; returns its id."""
    with engine.begin() as conn:
        result = conn.execute(
            insert(CrawlRun).values(spider=spider, arguments=arguments, started_at=datetime.now(UTC),
                                    status="running", stats={})
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]


def finish_crawl_run(
    engine: Engine, run_id: int, *, status: str, stats: dict[str, object], counts: SaveCounts, dropped: int,
    message: str | None = None,
) -> None:
    """Record how a crawl ended."""
    with engine.begin() as conn:
        conn.execute(
            update(CrawlRun).where(CrawlRun.id == run_id).values(
                finished_at=datetime.now(UTC), status=status, stats=stats, message=message,
                items_new=counts.new, items_updated=counts.updated, items_unchanged=counts.unchanged,
                items_dropped=dropped,
            )
        )
