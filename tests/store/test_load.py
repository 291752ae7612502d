from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from skilltrends.models import Degree, Extraction, Mention, Posting, Salary
from skilltrends.store.db import make_engine
from skilltrends.store.load import close_missing, save_extractions, save_postings, start_crawl_run
from skilltrends.store.tables import PostingRequirement, PostingRow, PostingSkill


def _posting(ext: str, text: str = "Python and SQL", **kw: object) -> Posting:
    return Posting(source="greenhouse", external_id=ext, url=f"https://x/{ext}", title="ML Engineer",
                   description=text, board="acme", role_family="ml_engineer", **kw)  # type: ignore[arg-type]


def _count(engine: Engine, table: type) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)


def test_save_postings_upsert_counts_new_updated_unchanged(engine: Engine) -> None:
    first = save_postings(engine, [_posting("1"), _posting("2")])
    again = save_postings(engine, [_posting("1"), _posting("2", "Python, SQL and Rust"), _posting("3")])
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    assert (again.new, again.updated, again.unchanged) == (1, 1, 1)
    assert _count(engine, PostingRow) == 3


def test_save_postings_same_key_twice_in_one_batch_is_one_row(engine: Engine) -> None:
    counts = save_postings(engine, [_posting("1"), _posting("1", "changed")])
    assert counts.new == 1 and _count(engine, PostingRow) == 1


def test_save_postings_keeps_first_seen_and_moves_last_seen(engine: Engine) -> None:
    t1, t2 = datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC)
    save_postings(engine, [_posting("1")], now=t1)
    save_postings(engine, [_posting("1")], now=t2)
    with engine.connect() as conn:
        row = conn.execute(select(PostingRow)).one()
    assert row.first_seen.replace(tzinfo=UTC) == t1 and row.last_seen.replace(tzinfo=UTC) == t2


def test_close_missing_closes_only_unseen_postings_of_the_board(engine: Engine) -> None:
    run1 = start_crawl_run(engine, spider="greenhouse", arguments={})
    save_postings(engine, [_posting("1"), _posting("2")], run_id=run1)
    run2 = start_crawl_run(engine, spider="greenhouse", arguments={})
    save_postings(engine, [_posting("1")], run_id=run2)
    assert close_missing(engine, source="greenhouse", board="acme", run_id=run2) == 1
    with engine.connect() as conn:
        closed = {r.external_id: r.closed_at for r in conn.execute(select(PostingRow))}
    assert closed["1"] is None and closed["2"] is not None


def test_save_extractions_replaces_previous_tags(engine: Engine) -> None:
    save_postings(engine, [_posting("1")])
    posting = _posting("1")
    mention = Mention("python", "Python", "programming_language", "required", 0, 6, "Python")
    extraction = Extraction(mentions=(mention,), degree=Degree("master", ("computer science",), True),
                            years_min=3, salary=Salary(100.0, 200.0, "USD", "hour"))
    for _ in range(2):
        save_extractions(engine, [(1, posting.content_hash(), extraction, posting)], version="t1")
    assert _count(engine, PostingSkill) == 1
    with engine.connect() as conn:
        req = conn.execute(select(PostingRequirement)).one()
    assert (req.degree_min, req.pay_min, req.pay_period, req.pay_source) == ("master", 100.0, "hour", "text")


def test_save_postings_on_postgres(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        save_postings(engine, [_posting("1"), _posting("2")])
        again = save_postings(engine, [_posting("1"), _posting("2", "changed")])
        assert (again.new, again.updated, again.unchanged) == (0, 1, 1)
    finally:
        engine.dispose()


@pytest.mark.parametrize("url", ["nonsense", "mysql+nodriver://x/y"])
def test_make_engine_bad_url_is_a_config_error(url: str) -> None:
    from skilltrends.errors import ConfigError

    with pytest.raises(ConfigError, match="Hint"):
        make_engine(url)


def test_save_postings_stores_every_field(store_url: str) -> None:
    posted = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    posting = Posting(
        source="greenhouse", external_id="7", url="https://x/7", title="ML Engineer",
        description="Python\tand 'SQL'\n\\", company="Acme", board="acme", location="London, UK",
        city="London", region="England", country="GB", workplace="hybrid", posted_at=posted,
        valid_through=posted, employment_type="FULL_TIME", seniority="senior", role_family="ml_engineer",
        salary_min=1.5, salary_max=2.5, salary_currency="GBP", salary_period="hour",
        raw={"id": 7, "nested": {"list": [1, "two", None]}, "text": "é\\n"},
    )
    engine = make_engine(store_url)
    save_postings(engine, [posting], now=posted)
    with engine.connect() as conn:
        row = conn.execute(select(PostingRow)).one()
    engine.dispose()
    for name in ("source", "external_id", "url", "title", "description", "company", "board", "location",
                 "city", "region", "country", "workplace", "employment_type", "seniority", "role_family",
                 "salary_min", "salary_max", "salary_currency", "salary_period", "raw"):
        assert getattr(row, name) == getattr(posting, name), name
    assert row.posted_at.replace(tzinfo=UTC) == posted and row.first_seen.replace(tzinfo=UTC) == posted
    assert row.content_hash == posting.content_hash() and row.closed_at is None and row.canonical_id is None
