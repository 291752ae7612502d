"""Engines: SQLite by default (WAL, foreign keys, busy timeout), PostgreSQL by URL; read-only engines."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError

from skilltrends.errors import ConfigError, StoreError

__all__ = ["make_engine", "make_readonly_engine", "init_db", "write_transaction", "retry_on_conflict"]

_WRITE = "skilltrends_write"
_RETRIES = 5
# PostgreSQL: serialization_failure, deadlock_detected, unique_violation (two writers inserting one new key).
_RETRY_CODES = {"40001", "40P01", "23505"}
_T = TypeVar("_T")


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An Engine for `url`; with `create`, the schema is migrated to the newest revision on first use."""
    parsed = _parse(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = _sqlite_engine(parsed.database)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise ConfigError(
            f"No driver for {parsed.drivername!r}. Hint: pip install 'skilltrends[postgres]' for PostgreSQL"
        ) from exc
    if create:
        init_db(engine)
    return engine


def make_readonly_engine(url: str) -> Engine:
    """An Engine that cannot write: SQLite opened read-only, PostgreSQL sessions in READ ONLY transactions."""
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if not database or database == ":memory:" or not Path(database).exists():
            raise StoreError(f"No store at {database!r}. Hint: run `skilltrends db upgrade` or a crawl first")
        return _sqlite_engine(database, read_only=True)
    try:
        engine = create_engine(parsed, connect_args={"options": "-c default_transaction_read_only=on"})
    except NoSuchModuleError as exc:
        hint = "Hint: pip install 'skilltrends[postgres]'"
        raise ConfigError(f"No driver for {parsed.drivername!r}. {hint}") from exc
    return engine.execution_options(postgresql_readonly=True)


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        hint = "Hint: sqlite:///data/skilltrends.sqlite"
        raise ConfigError(f"Bad database URL {url!r}: {exc}. {hint}") from exc


def _sqlite_engine(database: str | None, *, read_only: bool = False) -> Engine:
    on_disk = bool(database) and database != ":memory:"
    if on_disk and not read_only:
        Path(str(database)).parent.mkdir(parents=True, exist_ok=True)
    if read_only:
        engine = create_engine(f"sqlite:///file:{Path(str(database)).resolve()}?mode=ro&uri=true",
                               connect_args={"timeout": 30})
    else:
        engine = create_engine(f"sqlite:///{database or ''}", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below), the SQLAlchemy recipe for real SQLite transactions:
        # https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#serializable-isolation-savepoints-transactional-ddl
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
            dbapi_connection.set_authorizer(_deny_attach)
        elif on_disk:
            _use_wal(cursor)
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A writer that reads first must take the write lock up front: a deferred transaction that
        # upgrades later fails at once with SQLITE_BUSY (busy_timeout cannot help) when another writer
        # committed in between.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def _use_wal(cursor: sqlite3.Cursor, *, wait: float = 30.0) -> None:
    """Switch a file to WAL mode (it stays so: later connections find it set). Changing the journal mode needs
    the file to itself and SQLite answers "database is locked" at once, without the busy timeout, while
    another connection holds it (several processes opening a new store together): retry, as that timeout
    would, for up to `wait` seconds."""
    deadline = time.monotonic() + wait
    delay = 0.005
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def _deny_attach(action: int, *_args: object) -> int:
    """Read-only connections may not ATTACH: attaching a new file would create it."""
    denied = action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH)
    return sqlite3.SQLITE_DENY if denied else sqlite3.SQLITE_OK


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: on SQLite it takes the write lock at BEGIN (waiting if need be)."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            yield conn


def retry_on_conflict(action: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """Run a transaction; on a deadlock, a serialization failure or a lost insert race, run it again."""
    for attempt in range(_RETRIES):
        try:
            return action(*args, **kwargs)
        except (IntegrityError, OperationalError) as exc:
            code = getattr(exc.orig, "sqlstate", None)
            if code not in _RETRY_CODES or attempt == _RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1) * random.random())
    raise AssertionError("unreachable")


def init_db(engine: Engine) -> None:
    """Migrate the schema to the newest revision (fast when it is there already)."""
    from skilltrends.store.migrate import upgrade_db

    upgrade_db(engine)
