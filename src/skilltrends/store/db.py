"""Engines: SQLite by default (WAL, foreign keys, busy timeout), PostgreSQL through a URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from skilltrends.errors import ConfigError
from skilltrends.store.tables import Base

__all__ = ["make_engine", "init_db"]


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An Engine for `url`, with the schema created on first use when `create` is true."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"Bad database URL {url!r}: {exc}. Hint: sqlite:///data/skilltrends.sqlite") from exc
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


def _sqlite_engine(database: str | None) -> Engine:
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{database or ''}", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if database and database != ":memory:":
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def init_db(engine: Engine) -> None:
    """Create any missing tables (idempotent)."""
    Base.metadata.create_all(engine)
