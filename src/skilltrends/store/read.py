"""Read the store into Polars frames for the aggregate stage, Arrow-native and with a columnar copy of mentions.

Why: loading 12 million mention rows row by row through a DB-API cursor takes 20-30 s, while the aggregations
themselves take seconds. So (1) SQLite files and PostgreSQL are read with connectorx, which builds Arrow columns in
Rust and reads in parallel partitions (for SQLite in a child process, as it links its own SQLite; SQLAlchemy's
`pl.read_database` remains the fallback for other databases and in-memory SQLite); (2) mentions, the big table,
are kept as a Parquet copy under `cache_dir`, one row per posting and skill (the grain every aggregation uses), and
refreshed incrementally: a posting's mentions change only when the extractor rewrites them, which also rewrites
the posting's `extracted_hash`/`extractor_version`, so only postings whose key changed are read again.
The copy is then checked against a fingerprint of posting_skills (row
count and max id, both cheap in SQL); any mismatch, or a missing or unreadable copy, means a full re-read.
Postings (one row each, and where dedup and role changes land) are read fresh every time.
benchmarks/report_bench.py measures it.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
import multiprocessing
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from contextvars import ContextVar, copy_context
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import Engine, func, select
from sqlalchemy.sql import Select

from skilltrends.store.tables import PostingRequirement, PostingRow, PostingSkill

__all__ = ["StoreFrames", "read_store", "read_postings", "read_mentions"]

_POSTING_SCHEMA: dict[str, Any] = {
    "posting_id": pl.Int64,
    "source": pl.String,
    "company": pl.String,
    "title": pl.String,
    "role_family": pl.String,
    "seniority": pl.String,
    "country": pl.String,
    "workplace": pl.String,
    "posted_at": pl.Datetime("us"),
    "first_seen": pl.Datetime("us"),
    "canonical_id": pl.Int64,
    "extractor_version": pl.String,
    "extracted_key": pl.String,
    "degree_min": pl.String,
    "degree_fields": pl.String,
    "years_min": pl.Float64,
    "years_max": pl.Float64,
    "pay_min": pl.Float64,
    "pay_max": pl.Float64,
    "pay_currency": pl.String,
    "pay_period": pl.String,
    "pay_source": pl.String,
}
_MENTION_SCHEMA: dict[str, Any] = {
    "id": pl.Int64,
    "posting_id": pl.Int64,
    "skill_id": pl.String,
    "requirement": pl.String,
}
_POSTING_COLUMNS = [
    "posting_id",
    "source",
    "company",
    "title",
    "role_family",
    "seniority",
    "country",
    "workplace",
    "posted_at",
    "first_seen",
    "canonical_id",
    "extractor_version",
    "extracted_key",
]
_KEYS = ["posting_id", "extracted_key", "extractor_version"]
_COPY_COLUMNS = ["posting_id", "skill_id", "required"]
_FULL_REREAD_SHARE = 0.2  # above this share of changed postings, one full read beats many keyed reads
_IN_CHUNK = 5000

Progress = Callable[[str], None]
Query = Select[*tuple[Any, ...]]


def _noop(_: str) -> None:
    return None


@dataclass(frozen=True, slots=True)
class StoreFrames:
    """What the report reads: postings (with their requirements row), mentions, and how they were read."""

    postings: pl.LazyFrame
    mentions: pl.LazyFrame
    method: str


def _wal_flushed(engine: Engine) -> bool:
    """Copy SQLite's write-ahead log into the database file; true if nothing is left only in the log.

    connectorx reads the database file and not the WAL, so without this it misses recent commits
    (tests/report/test_read_store.py shows it). PASSIVE never blocks writers; if it cannot finish, read the slow way.
    """
    with _checkpointing, engine.connect() as conn:  # one at a time: two at once report each other busy
        busy, log, done = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    return bool(busy == 0 and log == done)


_checkpointing = threading.Lock()


def _connectorx_uri(engine: Engine) -> str | None:
    url = engine.url
    backend = url.get_backend_name()
    if backend == "sqlite" and url.database and url.database != ":memory:":
        return "sqlite://" + str(Path(url.database).resolve()) if _wal_flushed(engine) else None
    if backend == "postgresql":
        return url.set(drivername="postgresql").render_as_string(hide_password=False)
    return None


def _sql(engine: Engine, query: Query) -> str:
    return str(query.compile(engine, compile_kwargs={"literal_binds": True}))


def _connectorx_to_ipc(sql: str, uri: str, partition_on: str | None, out: str) -> None:
    """Child-process side of `_read`: run the query with connectorx and leave the result as an Arrow IPC file."""
    kwargs: dict[str, Any] = {"partition_on": partition_on, "partition_num": 2} if partition_on else {}
    pl.read_database_uri(sql, uri, engine="connectorx", **kwargs).write_ipc(out)


_pool: ContextVar[ProcessPoolExecutor | None] = ContextVar("skilltrends_read_pool", default=None)


@contextmanager
def _child_reader() -> Iterator[None]:
    """Child processes for the SQLite reads of a `read_store` call (started once; two, so reads can overlap)."""
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        token = _pool.set(pool)
        try:
            yield
        finally:
            _pool.reset(token)


def _read_connectorx(sql: str, uri: str, partition_on: str | None) -> pl.DataFrame:
    if not uri.startswith("sqlite://"):
        kwargs: dict[str, Any] = {"partition_on": partition_on, "partition_num": 2} if partition_on else {}
        return pl.read_database_uri(sql, uri, engine="connectorx", **kwargs)
    # SQLite through connectorx runs in a child process: connectorx links its own copy of SQLite, and two copies
    # in one process clear each other's POSIX locks, so its close deleted the WAL under this process's open
    # connections ("disk I/O error" next; https://www.sqlite.org/howtocorrupt.html#posix_close_bug).
    with tempfile.TemporaryDirectory(prefix="skilltrends-read-") as tmp:
        out = str(Path(tmp) / "frame.arrow")
        pool = _pool.get()
        if pool is not None:
            pool.submit(_connectorx_to_ipc, sql, uri, partition_on, out).result()
        else:
            with _child_reader():
                pool = _pool.get()
                assert pool is not None
                pool.submit(_connectorx_to_ipc, sql, uri, partition_on, out).result()
        return pl.read_ipc(io.BytesIO(Path(out).read_bytes()))  # a copy: the file goes with the directory


def _read(
    engine: Engine, query: Query, schema: dict[str, Any], *, partition_on: str | None = None
) -> pl.DataFrame:
    """Run `query` into a DataFrame with `schema`: connectorx where it can, SQLAlchemy otherwise."""
    uri = _connectorx_uri(engine)
    if uri is not None:
        try:
            frame = _read_connectorx(_sql(engine, query), uri, partition_on)
        except (RuntimeError, BrokenProcessPool):  # a value connectorx cannot convert: the slow path reads it
            uri = None
    if uri is None:
        with engine.connect() as conn:
            frame = pl.read_database(query, conn)
    if frame.is_empty():
        return pl.DataFrame(schema=schema)
    return frame.select(_cast(frame, name, dtype) for name, dtype in schema.items())


def _cast(frame: pl.DataFrame, name: str, dtype: Any) -> pl.Expr:
    column, have = pl.col(name), frame.schema[name]
    if isinstance(have, pl.List):  # a JSON column the DB-API driver decoded already (degree_fields)
        return column.cast(pl.List(pl.String))
    if dtype == pl.Datetime("us") and have == pl.String:
        # SQLite keeps SQLAlchemy DateTimes as text "YYYY-MM-DD HH:MM:SS[.ffffff][+00:00]", in UTC
        return column.str.slice(0, 19).str.to_datetime("%Y-%m-%d %H:%M:%S", strict=False).cast(dtype)
    if isinstance(have, pl.Datetime) and have.time_zone is not None:
        return column.dt.convert_time_zone("UTC").dt.replace_time_zone(None).cast(dtype)
    if have == pl.Null or have != dtype:
        return column.cast(dtype, strict=False)
    return column


def _postings_query(engine: Engine) -> Query:
    p = PostingRow
    posted_at: Any = p.posted_at
    first_seen: Any = p.first_seen
    if engine.url.get_backend_name() == "sqlite":  # text, so that no driver guesses a datetime format
        posted_at, first_seen = func.substr(posted_at, 1, 19), func.substr(first_seen, 1, 19)
    return select(
        p.id.label("posting_id"),
        p.source,
        p.company,
        p.title,
        p.role_family,
        p.seniority,
        p.country,
        p.workplace,
        posted_at.label("posted_at"),
        first_seen.label("first_seen"),
        p.canonical_id,
        p.extractor_version,
        func.substr(p.extracted_hash, 1, 16).label("extracted_key"),
    ).where(p.extracted_hash.is_not(None))


def _requirements_query() -> Query:
    r = PostingRequirement
    return select(
        r.posting_id,
        r.degree_min,
        r.degree_fields,
        r.years_min,
        r.years_max,
        r.pay_min,
        r.pay_max,
        r.pay_currency,
        r.pay_period,
        r.pay_source,
    )


def _json_list(frame: pl.DataFrame, name: str) -> pl.Expr:
    """A JSON list of strings as List(String), whether the driver gave JSON text or decoded lists."""
    if isinstance(frame.schema[name], pl.List):
        return pl.col(name).fill_null([])
    return pl.col(name).fill_null("[]").str.json_decode(pl.List(pl.String))


def _read_posting_frame(engine: Engine) -> pl.DataFrame:
    # Two sequential table scans and a join in Polars: faster than SQLite's row-by-row LEFT JOIN lookups.
    posting_schema = {k: v for k, v in _POSTING_SCHEMA.items() if k in _POSTING_COLUMNS}
    requirement_schema = {
        k: v for k, v in _POSTING_SCHEMA.items() if k not in _POSTING_COLUMNS or k == "posting_id"
    }
    url = engine.url
    # the two reads overlap (each in its own child for SQLite); an in-memory SQLite lives in one thread only
    workers = 1 if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:") else 2
    with ThreadPoolExecutor(max_workers=workers) as threads:
        postings_read = threads.submit(copy_context().run, _read, engine, _postings_query(engine), posting_schema,
                                       partition_on="posting_id")
        requirements_read = threads.submit(copy_context().run, _read, engine, _requirements_query(),
                                           requirement_schema, partition_on="posting_id")
        postings, requirements = postings_read.result(), requirements_read.result()
    return (
        postings.join(requirements, on="posting_id", how="left")
        .with_columns(
            posted_at=pl.coalesce("posted_at", "first_seen"),
            degree_fields=_json_list(requirements, "degree_fields"),
        )
        .drop("first_seen")
    )


def read_postings(engine: Engine) -> pl.LazyFrame:
    """One row per stored, extracted posting copy with its requirements row; dated by posted_at, else first_seen."""
    return _read_posting_frame(engine).lazy()


def _mentions_query(ids: Sequence[int] | None = None) -> Query:
    m = PostingSkill
    query = select(m.id, m.posting_id, m.skill_id, m.requirement)
    return query.where(m.posting_id.in_(ids)) if ids is not None else query


def _fingerprint(engine: Engine) -> list[int]:
    m = PostingSkill
    with engine.connect() as conn:
        row = conn.execute(select(func.count(), func.coalesce(func.max(m.id), 0))).one()
    return [int(v) for v in row]


def _frame_fingerprint(copy: pl.DataFrame) -> list[int]:
    if copy.is_empty():
        return [0, 0]
    return [int(copy["rows"].sum()), int(copy["max_id"].max())]  # type: ignore[arg-type]


def _collapse(mentions: pl.LazyFrame) -> pl.LazyFrame:
    """One row per (posting, skill): required if any mention is; `rows` and `max_id` keep the fingerprint."""
    return (
        mentions.group_by("posting_id", "skill_id")
        .agg(
            required=(pl.col("requirement") == "required").any(),
            rows=pl.len().cast(pl.Int64),
            max_id=pl.col("id").max(),
        )
        .with_columns(pl.col("skill_id").cast(pl.Categorical))
    )


def read_mentions(engine: Engine) -> pl.LazyFrame:
    """One row per mention: (id, posting_id, skill_id, requirement), read in full."""
    return _read(engine, _mentions_query(), _MENTION_SCHEMA, partition_on="posting_id").lazy()


def _cache_paths(engine: Engine, cache_dir: Path) -> tuple[Path, Path, Path]:
    digest = hashlib.sha256(engine.url.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    base = cache_dir / f"store-{digest}"
    return base / "mentions.parquet", base / "keys.parquet", base / "meta.json"


def _write_atomic(frame: pl.DataFrame, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    frame.write_parquet(tmp, compression="lz4", statistics=False)
    os.replace(tmp, path)


def _refresh_copy(
    engine: Engine, keys: pl.DataFrame, cache_dir: Path, progress: Progress
) -> tuple[Path, str]:
    """Bring the columnar copy of posting_skills (one row per posting and skill) up to date; path and what was done."""
    copy_path, keys_path, meta_path = _cache_paths(engine, cache_dir)
    copy_path.parent.mkdir(parents=True, exist_ok=True)
    wanted = _fingerprint(engine)
    copy: pl.DataFrame | None = None
    how = "columnar copy: full read"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        old_keys = pl.read_parquet(keys_path)
        changed = keys.join(old_keys, on=_KEYS, how="anti")["posting_id"]
        gone = old_keys.join(keys, on="posting_id", how="anti")["posting_id"]
        if meta.get("fingerprint") == wanted and changed.is_empty() and gone.is_empty():
            return copy_path, "columnar copy: up to date"
        if len(changed) <= _FULL_REREAD_SHARE * max(keys.height, 1):
            progress(f"refreshing the columnar copy: {len(changed)} changed, {len(gone)} removed postings")
            stale = pl.concat([changed, gone]).to_list()
            fresh = [
                _collapse(_read(engine, _mentions_query(stale[i : i + _IN_CHUNK]), _MENTION_SCHEMA).lazy())
                for i in range(0, len(stale), _IN_CHUNK)
            ]
            kept = pl.scan_parquet(copy_path).filter(~pl.col("posting_id").is_in(stale))
            copy = pl.concat([kept, *fresh]).collect()
            how = f"columnar copy: {len(changed)} postings re-read"
            if _frame_fingerprint(copy) != wanted:
                copy, how = None, "columnar copy: fingerprint mismatch, full read"
    except (OSError, ValueError, KeyError, pl.exceptions.PolarsError):
        copy = None
    if copy is None:
        progress("reading every mention into the columnar copy")
        copy = _collapse(read_mentions(engine)).collect()
    _write_atomic(copy.sort("posting_id"), copy_path)
    _write_atomic(keys, keys_path)
    meta_path.write_text(json.dumps({"fingerprint": _frame_fingerprint(copy)}), encoding="utf-8")
    return copy_path, how


def read_store(engine: Engine, *, cache_dir: Path | None = None, progress: Progress = _noop) -> StoreFrames:
    """Postings, and mentions as one row per (posting_id, skill_id) with `required` (any mention required).

    With `cache_dir`, mentions come from the columnar copy kept there (refreshed first).
    """
    with _child_reader():
        return _read_store(engine, cache_dir=cache_dir, progress=progress)


def _read_store(engine: Engine, *, cache_dir: Path | None, progress: Progress) -> StoreFrames:
    postings = _read_posting_frame(engine)
    if cache_dir is None:
        mentions = _collapse(read_mentions(engine)).collect().lazy()
        return StoreFrames(postings.lazy(), mentions.select(_COPY_COLUMNS), "direct read")
    lock = _cache_paths(engine, cache_dir)[0].parent.with_suffix(".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        # one report at a time refreshes and reads a store's copy: its three files change together
        fcntl.flock(handle, fcntl.LOCK_EX)
        path, how = _refresh_copy(engine, postings.select(_KEYS), cache_dir, progress)
        # read once into memory: every table of the report scans it
        copy = pl.read_parquet(path, columns=_COPY_COLUMNS)
    return StoreFrames(postings.lazy(), copy.lazy(), how)
