"""The report's read path on PostgreSQL: connectorx reads, columnar copy, the same numbers as SQLite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from sqlalchemy import Engine, create_engine, make_url

from skilltrends.store.db import make_engine
from skilltrends.store.read import read_store
from tests.report.conftest import fill_store

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine(postgres_url: str) -> Iterator[Engine]:
    """A database of its own (created and dropped here), so parallel tests' tables never collide."""
    name = f"skilltrends_reports_{os.getpid()}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = make_engine(make_url(postgres_url).set(database=name).render_as_string(hide_password=False))
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def _mentions(frame: pl.LazyFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col("skill_id").cast(pl.String)).collect().sort("posting_id", "skill_id")


def test_read_store_on_postgres_matches_sqlite(pg_engine: Engine, engine: Engine, tmp_path: Path) -> None:
    fill_store(pg_engine)
    fill_store(engine)
    pg, lite = read_store(pg_engine, cache_dir=tmp_path), read_store(engine)
    assert pg.method == "columnar copy: full read"
    assert_frame_equal(_mentions(pg.mentions), _mentions(lite.mentions))
    columns = ["posting_id", "role_family", "posted_at", "canonical_id", "pay_min", "degree_min", "degree_fields"]
    assert_frame_equal(
        pg.postings.select(columns).collect().sort("posting_id"), lite.postings.select(columns).collect().sort("posting_id")
    )
    assert read_store(pg_engine, cache_dir=tmp_path).method == "columnar copy: up to date"
