"""Cross-source dedup on constructed duplicates and near misses, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from skilltrends.models import Posting
from skilltrends.store.db import make_engine
from skilltrends.store.dedupe import company_key, dedupe_postings, location_key, title_key
from skilltrends.store.load import save_postings
from skilltrends.store.tables import PostingRow

VOCAB = ("model data training deploy pipeline python pytorch kubernetes latency ranking search ads vision "
         "speech cloud team build ship scale feature store monitoring experiment metrics customers product "
         "research inference gpu batch stream quality labels evaluation platform").split()
DAY = datetime(2025, 3, 1, tzinfo=UTC)


def _text(seed: int, words: int = 220) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) + ("." if rng.random() < 0.08 else "") for _ in range(words))


BOILERPLATE = _text(999, 120)
ROLE = _text(1)


def _posting(source: str, ext: str, *, title: str = "Senior Machine Learning Engineer", company: str = "Acme",
             city: str = "London", description: str = ROLE, posted: datetime = DAY) -> Posting:
    return Posting(source=source, external_id=ext, url=f"https://{source}/{ext}", title=title,
                   company=company, city=city, location=f"{city}, UK", description=description,
                   posted_at=posted,
                   role_family="ml_engineer")


CASES = [
    # constructed duplicates: (name, posting) pairs whose second copy must point at the first
    ("careers page copy", _posting("jsonld", "acme-1", company="Acme, Inc.", title="Sr. ML Engineer",
                                   description=ROLE + " About Acme. " + BOILERPLATE,
                                   posted=DAY + timedelta(days=2))),
    ("repost under a new id", _posting("greenhouse", "2001", description=ROLE.replace("ship", "deliver", 3),
                                       posted=DAY + timedelta(days=35))),
]
NEAR_MISSES = [
    ("another city", _posting("greenhouse", "3001", city="Berlin")),
    ("another team", _posting("greenhouse", "3002", description=BOILERPLATE + " " + _text(2))),
    ("another year", _posting("greenhouse", "3003", posted=DAY + timedelta(days=400))),
    ("another company", _posting("greenhouse", "3004", company="Globex")),
    ("another title", _posting("greenhouse", "3005", title="Senior Machine Learning Engineer, Ads")),
    ("no company", _posting("hn", "3006", company="")),
]


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if request.param == "postgres":
        url = request.getfixturevalue("pg_url")
    else:
        url = f"sqlite:///{tmp_path / 's.sqlite'}"
    engine = make_engine(url)
    request.addfinalizer(engine.dispose)
    return engine


def _canonical(engine: Engine) -> dict[str, int | None]:
    with engine.connect() as conn:
        rows = conn.execute(select(PostingRow.external_id, PostingRow.id, PostingRow.canonical_id)).all()
    ids = {row.id: row.external_id for row in rows}
    return {row.external_id: (ids[row.canonical_id] if row.canonical_id else None) for row in rows}  # type: ignore[misc]


def test_dedupe_links_copies_and_keeps_near_misses_apart(store: Engine) -> None:
    original = _posting("greenhouse", "1001")
    save_postings(store, [original, *(p for _, p in CASES + NEAR_MISSES)])
    counts = dedupe_postings(store)
    canonical = _canonical(store)
    assert canonical["1001"] == "1001", "the earliest copy points at itself"
    for name, posting in CASES:
        assert canonical[posting.external_id] == "1001", name
    for name, posting in NEAR_MISSES:
        assert canonical[posting.external_id] is None, name
    total = 1 + len(CASES) + len(NEAR_MISSES)
    assert (counts.postings, counts.unique, counts.duplicates, counts.groups) == (total, total - 2, 2, 1)
    with store.connect() as conn:
        assert conn.scalar(text("SELECT COUNT(*) FROM postings")) == total  # both raw rows are kept
        assert conn.scalar(text("SELECT COUNT(*) FROM unique_postings")) == total - 2
        assert conn.scalar(text("SELECT copies FROM unique_postings WHERE external_id = '1001'")) == 3


def test_dedupe_is_idempotent_and_follows_a_new_earliest_copy(store: Engine) -> None:
    save_postings(store, [_posting("greenhouse", "1001"), CASES[0][1]])
    assert dedupe_postings(store).changed == 2
    assert dedupe_postings(store).changed == 0
    save_postings(store, [_posting("lever", "earlier", posted=DAY - timedelta(days=5))])
    dedupe_postings(store)
    assert set(_canonical(store).values()) == {"earlier"}


@pytest.mark.parametrize(
    ("function", "a", "b"),
    [
        (company_key, "Acme, Inc.", "ACME"),
        (company_key, "Société Générale S.A.", "societe generale"),
        (title_key, "Sr. ML Engineer (m/f/d) - Remote", "Senior Machine Learning Engineer"),
        (title_key, "Machine Learning Engineer, Senior", "Senior Machine-Learning Engineer"),
    ],
)
def test_dedupe_keys_normalise(function: object, a: str, b: str) -> None:
    assert function(a) == function(b)  # type: ignore[operator]


def test_dedupe_location_key_falls_back_to_text_then_remote() -> None:
    assert location_key(None, "London, UK", None) == location_key("London", None, None) == "london"
    assert location_key(None, None, "remote") == "remote"
