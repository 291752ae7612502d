"""Migrations: revision 0001 is the pre-Alembic schema, upgrades keep data, the DDL file stays current."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, func, inspect, select, text

from skilltrends.models import Posting
from skilltrends.store.db import make_engine
from skilltrends.store.load import save_postings
from skilltrends.store.migrate import HEAD, MIGRATIONS, current_revision, schema_ddl, upgrade_db
from skilltrends.store.tables import Base, PostingRow, SourceRow

ROOT = Path(__file__).resolve().parents[2]
VIEWS = {"unique_postings", "unique_posting_skills", "skill_group_members", "monthly_skill_shares",
         "monthly_skill_shares_ml"}


def _posting(ext: str) -> Posting:
    return Posting(source="greenhouse", external_id=ext, url=f"https://x/{ext}", title="ML Engineer",
                   description="Python", board="acme", role_family="ml_engineer")


def _script_head() -> str | None:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def test_migrate_head_constant_matches_the_scripts() -> None:
    assert _script_head() == HEAD


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_migrate_head_matches_the_orm_models(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_url") if backend == "postgres" else f"sqlite:///{tmp_path / 's.sqlite'}"
    engine = make_engine(url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert VIEWS <= set(inspect(conn).get_view_names())
    assert current_revision(engine) == HEAD
    engine.dispose()


def _first_schema_store(url: str) -> Engine:
    """A store at revision 0001 holding one posting, written with the first schema's columns only."""
    engine = make_engine(url, create=False)
    upgrade_db(engine, revision="0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO crawl_runs (id, spider, arguments, started_at, status, stats, items_new, items_updated,"
            " items_unchanged, items_dropped) VALUES (7, 'greenhouse', '{}', '2025-01-01 00:00:00', 'ok', '{}',"
            " 1, 0, 0, 0)"
        ))
        # A posting that points at its crawl run: later revisions must not trip over that foreign key.
        conn.execute(text(
            "INSERT INTO postings (source, external_id, url, title, description, role_family, raw,"
            " content_hash, first_seen, last_seen, last_run_id) VALUES ('greenhouse', '1', 'https://x/1',"
            " 'ML Engineer', 'Python',"
            " 'ml_engineer', '{}', 'h', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 7)"
        ))
    return engine


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_migrate_from_the_first_schema_keeps_data(backend: str, tmp_path: Path,
                                                   request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue("pg_url") if backend == "postgres" else f"sqlite:///{tmp_path / 's.sqlite'}"
    engine = _first_schema_store(url)
    assert current_revision(engine) == "0001"
    assert upgrade_db(engine) == "0001"
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(PostingRow)) == 1
        assert conn.scalars(select(SourceRow.name)).all() == ["greenhouse"]
        assert conn.scalar(text("SELECT COUNT(*) FROM unique_postings")) == 1
        assert conn.execute(text("SELECT requests, errors FROM crawl_runs WHERE id = 7")).one() == (0, 0)
    engine.dispose()


def test_migrate_store_made_before_migrations_is_stamped_and_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    old = create_engine(url)
    # What create_all made before Alembic: the first revision's tables and indexes, no alembic_version.
    Base.metadata.create_all(old)
    with old.begin() as conn:
        for index in ("ix_postings_canonical_id", "ix_postings_company"):
            conn.execute(text(f"DROP INDEX {index}"))
        conn.execute(text("DROP TABLE sources"))
    old.dispose()
    engine = make_engine(url)
    save_postings(engine, [_posting("1")])
    assert current_revision(engine) == HEAD
    engine.dispose()


def test_migrate_make_engine_is_fast_at_head(engine: Engine) -> None:
    assert upgrade_db(engine) == HEAD


def test_migrate_schema_sql_is_current() -> None:
    stored = (ROOT / "schemas" / "store.sql").read_text(encoding="utf-8")
    assert stored == schema_ddl(), (
        "schemas/store.sql is stale. "
        "Hint: PYTHONPATH=src python -m skilltrends.store.migrate > schemas/store.sql"
    )


def test_migrate_data_dictionary_names_every_table_view_and_column(engine: Engine) -> None:
    doc = (ROOT / "schemas" / "store.md").read_text(encoding="utf-8")
    inspector = inspect(engine)
    missing = []
    for name in [*inspector.get_table_names(), *inspector.get_view_names()]:
        if name == "alembic_version":
            continue
        section = doc.partition(f"### `{name}`")[2].partition("\n### ")[0]
        if not section:
            missing.append(name)
            continue
        columns = [c["name"] for c in inspector.get_columns(name)]
        missing += [f"{name}.{c}" for c in columns if f"| `{c}` |" not in section]
    assert missing == [], f"schemas/store.md does not document: {missing}"


def test_migrate_many_first_uses_at_once_migrate_once(store_url: str) -> None:
    import threading

    errors: list[BaseException] = []

    def first_use() -> None:
        try:
            make_engine(store_url).dispose()
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=first_use) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    engine = make_engine(store_url)
    assert current_revision(engine) == HEAD
    engine.dispose()
