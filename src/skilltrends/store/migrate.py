"""Schema migrations (Alembic, configured here: no alembic.ini), and the generated DDL in schemas/store.sql.

Regenerate schemas/store.sql after adding a revision:

    PYTHONPATH=src python -m skilltrends.store.migrate > schemas/store.sql
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from skilltrends.store.db import write_transaction

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["HEAD", "upgrade_db", "current_revision", "schema_ddl"]

HEAD = "0005"  # the newest revision in migrations/versions (a test keeps the two in step)
FIRST = "0001"
MIGRATIONS = Path(__file__).parent / "migrations"
_LOCK_KEY = 0x5F5E_0005  # pg_advisory_xact_lock key: one migrator at a time


def current_revision(engine: Engine) -> str | None:
    """The store's Alembic revision; None for an empty database or one created before migrations."""
    with engine.connect() as conn:
        return _revision(conn)


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_db(engine: Engine, *, revision: str = "head") -> str | None:
    """Apply missing migrations in one transaction; returns the revision the store was at before.

    A store created by `create_all` before migrations existed (tables, no alembic_version) is stamped
    with the first revision, which creates exactly that schema, and upgraded from there: data stays.
    """
    if revision == "head":
        with engine.connect() as conn:
            try:
                if conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD:
                    return HEAD
            except DBAPIError:
                conn.rollback()
    from alembic import command

    with write_transaction(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        before = _revision(conn)
        config = _config(conn)
        if before is None and inspect(conn).has_table("postings"):
            command.stamp(config, FIRST)
        command.upgrade(config, revision)
    return before


def _config(conn: Connection) -> Config:
    from alembic.config import Config


    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def schema_ddl() -> str:
    """The SQLite DDL of a store at the newest revision, as schemas/store.sql keeps it."""
    from skilltrends.store.db import make_engine

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'ddl.sqlite'}")
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                "ORDER BY rowid"
            )).scalars().all()
        engine.dispose()
    header = (f"-- The store's schema on SQLite at revision {HEAD}; generated, do not edit.\n"
              "-- Regenerate: PYTHONPATH=src python -m skilltrends.store.migrate > schemas/store.sql\n"
              "-- Every table, view and column is described in schemas/store.md.\n")
    return header + "".join(f"\n{statement.strip()};\n" for statement in rows)


if __name__ == "__main__":
    sys.stdout.write(schema_ddl())
