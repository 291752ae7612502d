"""A small store with known content for the report tests: 2 months, 40 ML-engineering postings and some others."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine, update

from skilltrends.models import Degree, Extraction, Mention, Posting, Salary
from skilltrends.store.load import save_extractions, save_postings
from skilltrends.store.tables import PostingRow

XSS = "<script>alert(1)</script>"
SKILLS = {
    "python": "Python",
    "pytorch": "PyTorch",
    "tensorflow": "TensorFlow",
    "aws": "AWS",
    "gcp": "Google Cloud",
    "docker": "Docker",
    "mlops": "MLOps",
}
GROUPS = {
    "python": {"python"},
    "pytorch": {"pytorch"},
    "tensorflow": {"tensorflow"},
    "cloud": {"aws", "gcp"},
    "mlops": {"mlops", "docker"},
}


def fake_taxonomy() -> Any:
    return SimpleNamespace(
        version="test-1",
        groups=GROUPS,
        skills={k: SimpleNamespace(name=v, category="x") for k, v in SKILLS.items()},
    )


def _mention(skill: str, requirement: str = "required") -> Mention:
    return Mention(
        skill_id=skill,
        skill=SKILLS[skill],
        category="x",
        requirement=requirement,  # type: ignore[arg-type]
        start=0,
        end=1,
        text=skill,
    )


def skills_of(i: int) -> list[tuple[str, str]]:
    """Posting i's skills: python in every posting, pytorch in even ones (preferred when i % 4 == 2), aws in i < 10."""
    skills = [("python", "required")]
    if i % 2 == 0:
        skills.append(("pytorch", "preferred" if i % 4 == 2 else "required"))
    if i < 10:
        skills += [("aws", "required"), ("aws", "preferred")]
    if i % 5 == 0:
        skills.append(("docker", "required"))
    return skills


def fill_store(engine: Engine) -> dict[str, int]:
    """40 ML-engineering postings (20 in Jan 2025, 20 in Feb 2025), 5 data scientists, 1 copy; returns ids."""
    postings = []
    for i in range(40):
        month = 1 if i < 20 else 2
        postings.append(
            Posting(
                source="greenhouse" if i % 2 else "lever",
                external_id=str(i),
                url=f"https://x/{i}",
                title=XSS if i == 3 else "Machine Learning Engineer",
                description="text",
                company=f"Co {i % 3}",
                posted_at=datetime(2025, month, 1 + i % 20, tzinfo=UTC),
                role_family="ml_engineer",
                seniority="senior" if i % 2 else "mid",
                country="US",
                salary_min=100_000.0 + 1000 * i if i % 4 == 0 else None,
                salary_currency="USD" if i % 4 == 0 else None,
                salary_period="year" if i % 4 == 0 else None,
            )
        )
    postings += [
        Posting(
            source="lever",
            external_id=f"ds{i}",
            url=f"https://x/ds{i}",
            title="Data Scientist",
            description="text",
            posted_at=datetime(2025, 1, 5, tzinfo=UTC),
            role_family="data_scientist",
        )
        for i in range(5)
    ]
    postings.append(
        Posting(
            source="hn",
            external_id="copy",
            url="https://x/copy",
            title="Machine Learning Engineer",
            description="text copy",
            posted_at=datetime(2025, 1, 2, tzinfo=UTC),
            role_family="ml_engineer",
        )
    )
    save_postings(engine, postings)
    with engine.connect() as conn:
        ids = {
            ext: pid
            for pid, ext in conn.execute(
                PostingRow.__table__.select().with_only_columns(PostingRow.id, PostingRow.external_id)
            )
        }
    results = []
    for posting in postings:
        pid = ids[posting.external_id]
        i = int(posting.external_id) if posting.external_id.isdigit() else 99
        mentions = tuple(_mention(s, r) for s, r in skills_of(i)) if i < 40 else (_mention("python"),)
        degree = Degree(min_level="phd" if i % 10 == 0 else ("master" if i % 10 == 1 else None))
        extraction = Extraction(
            mentions=mentions,
            degree=degree,
            years_min=float(i % 5) if i < 40 else None,
            salary=Salary(min=None, max=None, currency=None, period=None),
        )
        results.append((pid, posting.content_hash(), extraction, posting))
    save_extractions(engine, results, version="test-extractor-1")
    with engine.begin() as conn:
        conn.execute(update(PostingRow).where(PostingRow.id == ids["copy"]).values(canonical_id=ids["0"]))
    return ids


@pytest.fixture
def store(engine: Engine) -> tuple[Engine, dict[str, int]]:
    return engine, fill_store(engine)
