"""Store fixtures: a private PostgreSQL database per test (made and dropped: parallel runs never collide)."""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from skilltrends.store.db import make_engine


@pytest.fixture
def pg_url(postgres_url: str) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    name = f"skilltrends_store_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


SKILLS = {  # id: (name, category, report groups)
    "python": ("Python", "programming_language", ["python"]),
    "sql": ("SQL", "programming_language", []),
    "pytorch": ("PyTorch", "ml_framework", ["deep_learning_frameworks", "pytorch"]),
    "tensorflow": ("TensorFlow", "ml_framework", ["deep_learning_frameworks", "tensorflow"]),
    "aws": ("AWS", "cloud_platform", ["cloud"]),
    "gcp": ("Google Cloud", "cloud_platform", ["cloud"]),
    "azure": ("Azure", "cloud_platform", ["cloud"]),
    "mlflow": ("MLflow", "mlops", ["mlops"]),
    "docker": ("Docker", "mlops", ["mlops"]),
    "kubernetes": ("Kubernetes", "mlops", ["mlops"]),
}


def populate(engine: Engine, *, postings: int = 60, seed: int = 5) -> None:
    """A small store: a year of tagged postings, 3 companies, with pay, degrees and cross-source copies."""
    from skilltrends.models import Degree, Extraction, Mention, Posting, Salary
    from skilltrends.store.dedupe import dedupe_postings
    from skilltrends.store.load import save_extractions, save_postings
    from skilltrends.store.tables import PostingRow, SkillRow

    rng = random.Random(seed)
    with engine.begin() as conn:
        conn.execute(insert(SkillRow), [
            {"id": k, "name": n, "category": c, "groups": g, "taxonomy_version": "t"}
            for k, (n, c, g) in SKILLS.items()
        ])
    items: list[tuple[Posting, Extraction]] = []
    for i in range(postings):
        skills = rng.sample(sorted(SKILLS), k=rng.randint(2, 6))
        text = " ".join(f"{s} experience {i}" for s in skills) + " " + " ".join(
            rng.choice(["build", "ship", "models", "data", "team", "scale"]) for _ in range(60))
        posting = Posting(
            source="greenhouse", external_id=str(i), url=f"https://x/{i}", title=rng.choice(
                ["Machine Learning Engineer", "Senior ML Engineer", "MLOps Engineer", "Data Scientist"]),
            description=text, company=rng.choice(["Acme", "Globex", "Initech"]), city="London",
            seniority=rng.choice(["junior", "mid", "senior", "staff"]),
            role_family=rng.choice(["ml_engineer", "ml_engineer", "mlops_engineer", "data_scientist"]),
            posted_at=datetime(2024, 1 + i % 12, 1 + i % 27, tzinfo=UTC),
            workplace=rng.choice(["remote", "hybrid", "onsite"]),
        )
        mentions = tuple(Mention(s, SKILLS[s][0], SKILLS[s][1], rng.choice(["required", "preferred"]),
                                 text.index(s), text.index(s) + len(s), s) for s in skills)
        low = rng.randrange(90, 200) * 1000.0
        extraction = Extraction(
            mentions=mentions, degree=Degree(rng.choice([None, "bachelor", "master", "phd"]), ("cs",)),
            years_min=float(rng.randint(1, 8)),
            salary=Salary(low, low + 30000, "USD", "year") if i % 3 else None,
        )
        items.append((posting, extraction))
    copies = [(Posting(**{**_fields(p), "source": "jobposting", "external_id": f"copy-{p.external_id}",
                          "company": f"{p.company}, Inc.", "posted_at": p.posted_at + timedelta(days=1)}), e)
              for p, e in items[:8]]
    save_postings(engine, [p for p, _ in items + copies])
    with engine.connect() as conn:
        ids = dict(conn.execute(select(PostingRow.external_id, PostingRow.id)).all())
    results = [(ids[p.external_id], p.content_hash(), e, p) for p, e in items + copies]
    save_extractions(engine, results, version="test")
    dedupe_postings(engine)


def _fields(posting: object) -> dict[str, object]:
    return {name: getattr(posting, name) for name in posting.__slots__}  # type: ignore[attr-defined]


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a fresh, empty store on SQLite, then on PostgreSQL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture
def populated_url(store_url: str) -> str:
    """The URL of a small populated store (see populate), on SQLite and on PostgreSQL."""
    engine = make_engine(store_url)
    populate(engine)
    engine.dispose()
    return store_url


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def shared_store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One populated store per backend for the whole session: only for tests that never write to it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('shared') / 'store.sqlite'}"
        engine = make_engine(url)
        populate(engine)
        engine.dispose()
        yield url
        return
    server = os.environ.get("SKILLTRENDS_TEST_POSTGRES_URL")
    if not server:
        pytest.skip("SKILLTRENDS_TEST_POSTGRES_URL is not set")
    name = f"skilltrends_store_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        engine = make_engine(url)
        populate(engine)
        engine.dispose()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
