from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from sqlalchemy import Engine, delete

from skilltrends.models import Extraction, Mention
from skilltrends.store.load import save_extractions
from skilltrends.store.read import read_store
from skilltrends.store.tables import PostingSkill


def _mentions(frame: pl.LazyFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col("skill_id").cast(pl.String)).collect().sort("posting_id", "skill_id")


def test_read_store_postings_carry_requirements_and_dates(store: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = store
    postings = read_store(engine).postings.collect()
    assert postings.height == 46
    first = postings.filter(pl.col("posting_id") == ids["0"]).row(0, named=True)
    assert (first["degree_min"], first["pay_min"], first["pay_currency"], first["posted_at"].month) == (
        "phd",
        100_000.0,
        "USD",
        1,
    )
    assert postings.filter(pl.col("posting_id") == ids["copy"])["canonical_id"].item() == ids["0"]


def test_columnar_copy_matches_a_direct_read_and_refreshes_changed_postings(
    store: tuple[Engine, dict[str, int]], tmp_path: Path
) -> None:
    engine, ids = store
    direct = _mentions(read_store(engine).mentions)
    first = read_store(engine, cache_dir=tmp_path)
    assert first.method == "columnar copy: full read"
    assert_frame_equal(_mentions(first.mentions), direct)
    assert read_store(engine, cache_dir=tmp_path).method == "columnar copy: up to date"
    # re-extract posting 1 with other skills: only it is read again
    from skilltrends.models import Posting

    posting = Posting(source="greenhouse", external_id="1", url="u", title="t", description="new text")
    mention = Mention(
        skill_id="gcp",
        skill="Google Cloud",
        category="x",
        requirement="preferred",
        start=0,
        end=1,
        text="GCP",
    )
    save_extractions(
        engine, [(ids["1"], "changed-hash", Extraction(mentions=(mention,)), posting)], version="v2"
    )
    again = read_store(engine, cache_dir=tmp_path)
    assert again.method == "columnar copy: 1 postings re-read"
    refreshed = _mentions(again.mentions)
    assert_frame_equal(refreshed, _mentions(read_store(engine).mentions))
    assert refreshed.filter(pl.col("posting_id") == ids["1"]).rows() == [(ids["1"], "gcp", False)]


def test_columnar_copy_falls_back_to_a_full_read_when_the_store_changed_behind_it(
    store: tuple[Engine, dict[str, int]], tmp_path: Path
) -> None:
    engine, ids = store
    read_store(engine, cache_dir=tmp_path)
    with engine.begin() as conn:  # a change no extraction made: the posting keys stay the same
        conn.execute(delete(PostingSkill).where(PostingSkill.posting_id == ids["2"]))
    after = read_store(engine, cache_dir=tmp_path)
    assert after.method == "columnar copy: fingerprint mismatch, full read"
    assert_frame_equal(_mentions(after.mentions), _mentions(read_store(engine).mentions))


def test_read_store_leaves_the_sqlite_wal_to_the_processes_connections(
    store: tuple[Engine, dict[str, int]], tmp_path: Path
) -> None:
    # connectorx links its own SQLite; run in this process, its close deleted the WAL under our open connections
    from sqlalchemy import text

    from skilltrends.store.db import make_readonly_engine

    engine, _ = store
    database = Path(str(engine.url.database))
    with engine.connect() as conn:  # an open connection of this process, as in the scheduler
        read_store(engine, cache_dir=tmp_path)
        assert database.with_name(database.name + "-wal").exists()
        assert conn.execute(text("SELECT count(*) FROM postings")).scalar() == 46
    reader = make_readonly_engine(engine.url.render_as_string(hide_password=False))
    with reader.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM posting_skills")).scalar() == 94
    reader.dispose()


def test_read_store_without_connectorx_reads_the_same(
    store: tuple[Engine, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from skilltrends.store import read

    engine, _ = store
    fast = read_store(engine)
    monkeypatch.setattr(read, "_connectorx_uri", lambda _engine: None)  # e.g. a checkpoint that could not finish
    slow = read_store(engine)
    assert_frame_equal(_mentions(slow.mentions), _mentions(fast.mentions))
    columns = ["posting_id", "posted_at", "canonical_id", "degree_min", "degree_fields", "pay_min", "extracted_key"]
    assert_frame_equal(slow.postings.select(columns).collect().sort("posting_id"),
                       fast.postings.select(columns).collect().sort("posting_id"))
