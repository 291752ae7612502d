"""Write postings and extraction results into the store: idempotent, batched upserts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, Table, any_, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import ColumnElement, Executable

from skilltrends.models import Extraction, Posting
from skilltrends.store.db import retry_on_conflict, write_transaction
from skilltrends.store.tables import CrawlRun, PostingRequirement, PostingRow, PostingSkill, SourceRow

__all__ = [
    "SaveCounts", "save_postings", "close_missing", "save_extractions", "start_crawl_run", "finish_crawl_run",
]

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


_FIELDS = tuple(f.name for f in fields(Posting))


def _utc(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value is not None else None


def _row(posting: Posting, content_hash: str, *, now: datetime, run_id: int | None) -> dict[str, object]:
    # Attribute access instead of Posting.to_dict(): dataclasses.asdict deep-copies `raw` and was half the
    # time of a load (benchmarks/store_upsert.py).
    data: dict[str, object] = {name: getattr(posting, name) for name in _FIELDS}
    data["posted_at"] = _utc(posting.posted_at)
    data["valid_through"] = _utc(posting.valid_through)
    data.update(content_hash=content_hash, last_seen=now, last_run_id=run_id, closed_at=None)
    return data


def save_postings(
    engine: Engine, postings: Iterable[Posting], *, run_id: int | None = None, now: datetime | None = None
) -> SaveCounts:
    """Upsert by (source, external_id). Unchanged content only refreshes last_seen; nothing is duplicated.

    Each batch is one transaction: hashes are compared first, then new rows are inserted and changed rows
    updated in bulk, and unchanged rows get one UPDATE of last_seen. A killed process loses at most the batch
    in flight. A batch that collides with a concurrent writer (PostgreSQL deadlock or a race on a new key)
    is retried, so parallel crawls and extractions never fail each other.
    """
    now = now or datetime.now(UTC)
    counts = SaveCounts()
    batch: list[Posting] = []
    for posting in postings:
        batch.append(posting)
        if len(batch) >= _BATCH:
            counts.add(retry_on_conflict(_save_batch, engine, batch, run_id=run_id, now=now))
            batch = []
    if batch:
        counts.add(retry_on_conflict(_save_batch, engine, batch, run_id=run_id, now=now))
    return counts


def _save_batch(engine: Engine, batch: Sequence[Posting], *, run_id: int | None, now: datetime) -> SaveCounts:
    unique: dict[tuple[str, str], Posting] = {(p.source, p.external_id): p for p in batch}  # last copy wins
    digests = {key: posting.content_hash() for key, posting in unique.items()}
    by_source: dict[str, list[str]] = {}
    for source, external_id in unique:
        by_source.setdefault(source, []).append(external_id)
    with write_transaction(engine) as conn:
        if conn.dialect.name == "postgresql":
            # psycopg prepares a statement run 5 times; PostgreSQL's generic plan for the lookup then ignores
            # the unique index and filters every posting of the source, once per batch.
            conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
        _register_sources(conn, sorted(by_source), now)
        lookup, refresh = _statements(conn.dialect.name)
        existing: dict[tuple[str, str], tuple[int, str]] = {}
        for source, ids in by_source.items():
            rows = conn.execute(lookup, {"source": source, "ids": ids})
            existing.update({(source, ext): (pk, digest) for pk, ext, digest in rows})
        new_rows: list[dict[str, Any]] = []
        changed_rows: list[dict[str, Any]] = []
        seen_ids: list[int] = []
        for key, posting in unique.items():
            digest, found = digests[key], existing.get(key)
            if found is None:
                new_rows.append(_row(posting, digest, now=now, run_id=run_id) | {"first_seen": now})
            elif found[1] != digest:
                changed_rows.append(_row(posting, digest, now=now, run_id=run_id) | {"b_id": found[0]})
            else:
                seen_ids.append(found[0])
        if new_rows:
            _insert_new(conn, new_rows)
        if changed_rows:
            changed_rows.sort(key=lambda row: row["b_id"])  # one lock order for every writer
            conn.execute(_UPDATE_CHANGED, changed_rows)
        if seen_ids:
            conn.execute(refresh, {"ids": sorted(seen_ids), "now": now, "run_id": run_id})
    return SaveCounts(new=len(new_rows), updated=len(changed_rows), unchanged=len(seen_ids))


_NEW_COLUMNS = (*_FIELDS, "content_hash", "first_seen", "last_seen", "last_run_id", "closed_at")


def _insert_new(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert new postings: PostgreSQL's COPY where available (several times faster than INSERT), else
    one executemany."""
    if conn.dialect.name != "postgresql" or conn.dialect.driver != "psycopg":
        conn.execute(insert(PostingRow), rows)
        return
    from psycopg.types.json import Json

    dbapi = conn.connection.driver_connection
    sql = f"COPY postings ({', '.join(_NEW_COLUMNS)}) FROM STDIN"
    with dbapi.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row([Json(row[c]) if c == "raw" else row[c] for c in _NEW_COLUMNS])


def _register_sources(conn: Connection, names: list[str], now: datetime) -> None:
    known = set(conn.execute(select(SourceRow.name).where(SourceRow.name.in_(names))).scalars())
    missing = [{"name": name, "first_seen": now} for name in names if name not in known]
    if missing:
        conn.execute(insert(SourceRow), missing)


_postings: Table = PostingRow.__table__  # type: ignore[assignment]


@cache
def _statements(dialect: str) -> tuple[Executable, Executable]:
    """The key lookup and the last_seen refresh. PostgreSQL gets `= ANY(array)`: an expanded IN of 500
    parameters costs more to compile and send than the lookup itself."""

    def among(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
        if dialect == "postgresql":
            return column == any_(bindparam(name, type_=postgresql.ARRAY(column.type)))
        return column.in_(bindparam(name, expanding=True))

    existing = (
        select(_postings.c.id, _postings.c.external_id, _postings.c.content_hash)
        .where(_postings.c.source == bindparam("source"), among(_postings.c.external_id, "ids"))
    )
    refresh = (
        update(_postings)
        .where(among(_postings.c.id, "ids"))
        .values(last_seen=bindparam("now"), last_run_id=bindparam("run_id"), closed_at=None)
    )
    return existing, refresh


_UPDATE_CHANGED = (
    update(_postings)
    .where(_postings.c.id == bindparam("b_id"))
    .values({name: bindparam(name) for name in (*_FIELDS, "content_hash", "last_seen", "last_run_id",
                                                "closed_at") if name not in ("source", "external_id")})
)


def close_missing(
    engine: Engine, *, source: str, board: str, run_id: int, now: datetime | None = None
) -> int:
    """After a complete crawl of one board: postings it no longer lists get closed_at. Returns how many."""
    now = now or datetime.now(UTC)
    return retry_on_conflict(_close_missing, engine, source=source, board=board, run_id=run_id, now=now)


def _close_missing(engine: Engine, *, source: str, board: str, run_id: int, now: datetime) -> int:
    with write_transaction(engine) as conn:
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
    results = sorted(results, key=lambda result: result[0])  # one lock order for every writer
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
    marks = [{"b_id": posting_id, "digest": digest} for posting_id, digest, _, _ in results]
    retry_on_conflict(_replace_tags, engine, ids, mentions, requirements, marks, version)
    return len(results)


def _replace_tags(
    engine: Engine, ids: list[int], mentions: list[dict[str, object]], requirements: list[dict[str, object]],
    marks: list[dict[str, object]], version: str,
) -> None:
    with write_transaction(engine) as conn:
        conn.execute(_MARK_EXTRACTED, [mark | {"version": version} for mark in marks])
        conn.execute(delete(PostingSkill).where(PostingSkill.posting_id.in_(ids)))
        conn.execute(delete(PostingRequirement).where(PostingRequirement.posting_id.in_(ids)))
        if mentions:
            conn.execute(insert(PostingSkill), mentions)
        conn.execute(insert(PostingRequirement), requirements)


_MARK_EXTRACTED = (
    update(_postings)
    .where(_postings.c.id == bindparam("b_id"))
    .values(extracted_hash=bindparam("digest"), extractor_version=bindparam("version"))
)


def _requirement_row(
    posting_id: int, extraction: Extraction, posting: Posting, version: str
) -> dict[str, object]:
    structured = posting.salary_min is not None or posting.salary_max is not None
    salary = extraction.salary
    pay: tuple[float | None, float | None, str | None, str | None, str | None]
    if structured:
        pay = (posting.salary_min, posting.salary_max, posting.salary_currency, posting.salary_period,
               "structured")
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
        "pay_min": pay[0], "pay_max": pay[1], "pay_currency": pay[2], "pay_period": pay[3],
        "pay_source": pay[4],
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
