"""Analyst queries: read-only by construction, bound parameters, every output format, exports, db commands."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from skilltrends.cli import cli
from skilltrends.errors import QueryError
from skilltrends.store.db import make_engine, make_readonly_engine
from skilltrends.store.query import VIEWS, export_views, run_query
from skilltrends.store.tables import PostingRow

WRITES = [
    "DELETE FROM postings",
    "UPDATE postings SET title = 'x'",
    "INSERT INTO sources (name, first_seen) VALUES ('x', '2025-01-01')",
    "DROP VIEW unique_postings",
    "CREATE TABLE evil (x INTEGER)",
    "WITH gone AS (DELETE FROM postings RETURNING id) SELECT COUNT(*) FROM gone",
]


def _postings(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        count = int(conn.scalar(select(func.count()).select_from(PostingRow)) or 0)
    engine.dispose()
    return count


@pytest.mark.parametrize("sql", WRITES)
def test_query_refuses_writes_and_changes_nothing(shared_store_url: str, sql: str) -> None:
    before = _postings(shared_store_url)
    engine = make_readonly_engine(shared_store_url)
    with pytest.raises(QueryError, match="Refused|Query failed"):
        run_query(engine, sql)
    engine.dispose()
    assert _postings(shared_store_url) == before


@pytest.mark.parametrize("sql", ["SELECT 1; DELETE FROM postings", "COMMIT; DELETE FROM postings", "  ;  "])
def test_query_runs_one_statement_only(shared_store_url: str, sql: str) -> None:
    engine = make_readonly_engine(shared_store_url)
    with pytest.raises(QueryError, match="One statement|Empty query"):
        run_query(engine, sql)
    engine.dispose()


def test_query_binds_parameters_never_interpolates(shared_store_url: str) -> None:
    engine = make_readonly_engine(shared_store_url)
    hostile = "x'; DROP TABLE postings; --"
    sql = "SELECT COUNT(*) AS n, :v AS v FROM unique_postings WHERE company = :v"
    result = run_query(engine, sql, {"v": hostile})
    assert result.rows == [(0, hostile)]
    semicolon = run_query(engine, "SELECT ';' AS s, 'a;b' AS t -- trailing; comment\n")
    assert semicolon.rows == [(";", "a;b")]
    engine.dispose()


def test_query_missing_parameter_names_it(shared_store_url: str) -> None:
    engine = make_readonly_engine(shared_store_url)
    with pytest.raises(QueryError, match="skill.*Hint: bind every :name"):
        run_query(engine, "SELECT * FROM unique_posting_skills WHERE skill_id = :skill")
    engine.dispose()


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "parquet"])
def test_query_cli_formats(
    shared_store_url: str, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLTRENDS_DATABASE_URL", shared_store_url)
    sql = "SELECT skill_id, postings, share FROM monthly_skill_shares WHERE month = :m ORDER BY skill_id"
    args = ["query", sql, "-p", "m=2024-03", "--format", fmt]
    if fmt == "parquet":
        args += ["-o", str(tmp_path / "out.parquet")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    if fmt == "table":
        header, rule = result.output.splitlines()[:2]
        assert header.split() == ["skill_id", "postings", "share"] and set(rule) <= {"-", " "}
    elif fmt == "csv":
        assert result.output.startswith("skill_id,postings,share\n")
    elif fmt == "json":
        rows = json.loads(result.output)
        assert rows and set(rows[0]) == {"skill_id", "postings", "share"}
    else:
        frame = pl.read_parquet(tmp_path / "out.parquet")
        assert frame.columns == ["skill_id", "postings", "share"] and frame.height > 0


def test_query_cli_write_is_one_line_error(
    shared_store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLTRENDS_DATABASE_URL", shared_store_url)
    result = CliRunner().invoke(cli, ["query", "DELETE FROM postings"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Refused: queries are read-only")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_view(shared_store_url: str, fmt: str, tmp_path: Path) -> None:
    engine = make_readonly_engine(shared_store_url)
    written = export_views(engine, tmp_path, fmt=fmt)
    engine.dispose()
    assert set(written) == set(VIEWS)
    frame = pl.read_parquet(tmp_path / "unique_postings.parquet") if fmt == "parquet" else pl.read_csv(
        tmp_path / "unique_postings.csv")
    assert frame.height == written["unique_postings"] == 60
    assert {"posting_id", "posted_month", "copies", "pay_min_annual"} <= set(frame.columns)


def test_db_commands(populated_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SKILLTRENDS_DATABASE_URL", populated_url)
    runner = CliRunner()
    upgrade = runner.invoke(cli, ["db", "upgrade"])
    assert upgrade.exit_code == 0 and "store at revision" in upgrade.output
    check = runner.invoke(cli, ["db", "check"])
    assert check.exit_code == 0, check.output
    assert "postings, unique" in check.output and check.output.rstrip().endswith("ok")
    dedupe = runner.invoke(cli, ["db", "dedupe"])
    assert dedupe.exit_code == 0 and "68 postings, 60 unique, 8 duplicate copies" in dedupe.output
    export = runner.invoke(cli, ["export", "--format", "csv", "--out", str(tmp_path / "x")])
    assert export.exit_code == 0 and (tmp_path / "x" / "monthly_skill_shares_ml.csv").exists()


def test_db_check_reports_a_broken_dedup_link(populated_url: str) -> None:
    from sqlalchemy import text

    from skilltrends.store.check import check_store

    engine = make_engine(populated_url)
    with engine.begin() as conn:
        a, b = conn.execute(text("SELECT id FROM postings ORDER BY id LIMIT 2")).scalars().all()
        conn.execute(text("UPDATE postings SET canonical_id = :b WHERE id = :a"), {"a": a, "b": b})
        conn.execute(text("UPDATE postings SET canonical_id = :a WHERE id = :b"), {"a": a, "b": b})
    result = check_store(engine)
    engine.dispose()
    assert not result.ok and any("itself a copy" in p for p in result.problems)


def test_query_on_a_missing_sqlite_store_says_how_to_make_one(tmp_path: Path) -> None:
    from skilltrends.errors import StoreError

    with pytest.raises(StoreError, match="Hint"):
        make_readonly_engine(f"sqlite:///{tmp_path / 'nothing.sqlite'}")
