"""The report recovers the sample market's ground truth: shares within their intervals, documented trend directions.

The store is filled straight from truth.jsonl (every copy of a job stored, linked to its canonical posting), so this
checks aggregation and reporting, not crawling or tagging (those have their own tests and benchmarks).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from sqlalchemy import Engine, update

from skilltrends.extract import load_taxonomy
from skilltrends.models import Degree, Extraction, Mention, Posting, Salary
from skilltrends.sample import generate_market, write_market
from skilltrends.store.db import make_engine
from skilltrends.store.load import save_extractions, save_postings
from skilltrends.store.tables import PostingRow
from skilltrends.workflow import build_report

pytestmark = pytest.mark.slow

HEADLINE = ("python", "tensorflow", "pytorch", "aws", "gcp", "azure", "docker", "mlflow")


def _fill(engine: Engine, truth: list[dict[str, Any]]) -> None:
    postings, extractions = [], []
    for job in truth:
        for n, copy in enumerate(job["copies"]):
            posting = Posting(
                source=copy["source"],
                external_id=copy["external_id"],
                url=copy["url"],
                title=job["title"],
                description=job["job_id"],
                company=job["company"],
                role_family=job["role_family"],
                seniority=job["seniority"],
                posted_at=datetime.fromisoformat(copy["posted_at"]),
            )
            postings.append(posting)
            mentions = tuple(
                Mention(
                    skill_id=s["id"],
                    skill=s["id"],
                    category="x",
                    requirement=s["level"],
                    start=0,
                    end=1,
                    text=s["id"],
                )
                for s in job["skills"]
            )
            pay = job["pay"] or {}
            extractions.append(
                (
                    job["job_id"],
                    n,
                    posting,
                    Extraction(
                        mentions=mentions,
                        degree=Degree(
                            min_level=job["degree"]["min_level"], fields=tuple(job["degree"]["fields"])
                        ),
                        years_min=job["years_min"],
                        years_max=job["years_max"],
                        salary=Salary(
                            min=pay.get("min"),
                            max=pay.get("max"),
                            currency=pay.get("currency"),
                            period=pay.get("period"),
                        )
                        if pay
                        else None,
                    ),
                )
            )
    save_postings(engine, postings)
    with engine.connect() as conn:
        ids = {
            (s, e): i
            for i, s, e in conn.execute(
                PostingRow.__table__.select().with_only_columns(
                    PostingRow.id, PostingRow.source, PostingRow.external_id
                )
            )
        }
    rows, canonical = [], {}
    for job_id, n, posting, extraction in extractions:
        pid = ids[(posting.source, posting.external_id)]
        rows.append((pid, posting.content_hash(), extraction, posting))
        if n == 0:
            canonical[job_id] = pid
        else:
            canonical.setdefault(f"{job_id}/copies", []).append(pid)  # type: ignore[attr-defined]
    save_extractions(engine, rows, version="truth")
    with engine.begin() as conn:
        for job_id, pid in list(canonical.items()):
            if isinstance(pid, list):
                conn.execute(
                    update(PostingRow)
                    .where(PostingRow.id.in_(pid))
                    .values(canonical_id=canonical[job_id.removesuffix("/copies")])
                )


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Any], Path]]:
    tmp = tmp_path_factory.mktemp("truth")
    write_market(generate_market(seed=7), tmp / "market")
    truth = [
        json.loads(line) for line in (tmp / "market" / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    engine = make_engine(f"sqlite:///{tmp / 'store.sqlite'}")
    _fill(engine, truth)
    taxonomy = load_taxonomy()
    for name, period in (("monthly", "month"), ("yearly", "year")):
        build_report(engine, out_dir=tmp / "reports", name=name, period=period, taxonomy=taxonomy)
    engine.dispose()
    prevalence = json.loads((tmp / "market" / "prevalence.json").read_text())
    yield tmp / "reports", prevalence, tmp


def test_monthly_shares_cover_the_true_prevalence(sample: tuple[Path, dict[str, Any], Path]) -> None:
    reports, prevalence, _ = sample
    shares = pl.read_parquet(reports / "monthly" / "shares.parquet")
    for skill in HEADLINE:
        rows = shares.filter(pl.col("item") == skill).with_columns(
            month=pl.col("period").dt.strftime("%Y-%m")
        )
        truth = prevalence["skills"][skill]["by_month"]
        covered = [
            lo <= truth[m] <= hi for m, lo, hi in rows.select("month", "ci_low", "ci_high").iter_rows()
        ]
        assert len(covered) == len(truth) == 46
        # 95% intervals: about 2 misses in 46 months expected; 8 or more would happen about once in 1,000 runs
        assert sum(covered) >= 39, (skill, sum(covered))


def test_summary_series_carries_the_headline_items(sample: tuple[Path, dict[str, Any], Path]) -> None:
    reports, _, _ = sample
    summary = json.loads((reports / "monthly" / "summary.json").read_text())
    python = [r for r in summary["series"] if r["item"] == "python"]
    assert len(python) == 46 and all(0.8 < r["share"] < 0.98 for r in python if not r["low_n"])
    assert {"python", "tensorflow", "pytorch", "aws", "cloud", "mlops"} <= {
        r["item"] for r in summary["series"]
    }


@pytest.mark.parametrize(
    ("item", "direction"),
    [
        ("pytorch", 1),
        ("tensorflow", -1),
        ("keras", -1),
        ("llm", 1),
        ("langchain", 1),
        ("mlflow", 1),
        ("azure", 1),
        ("hadoop", -1),
        ("mlops", 1),
        ("deep_learning_frameworks", 0),
        ("python", 0),
    ],
)
def test_yearly_shares_follow_the_documented_trends(
    sample: tuple[Path, dict[str, Any], Path], item: str, direction: int
) -> None:
    """First year (2023) against last (2026): disjoint 95% intervals in the documented direction, or none for flat."""
    reports, _, _ = sample
    shares = (
        pl.read_parquet(reports / "yearly" / "shares.parquet").filter(pl.col("item") == item).sort("period")
    )
    first, last = shares.row(0, named=True), shares.row(-1, named=True)
    rose, fell = last["ci_low"] > first["ci_high"], last["ci_high"] < first["ci_low"]
    assert (rose, fell) == (direction > 0, direction < 0), (first, last)


@pytest.mark.parametrize(("item", "direction"), [("pytorch", 1), ("tensorflow", -1)])
def test_latest_year_changes_are_significant_for_the_strong_trends(
    sample: tuple[Path, dict[str, Any], Path], item: str, direction: int
) -> None:
    reports, _, _ = sample
    changes = (
        pl.read_parquet(reports / "yearly" / "changes.parquet")
        .filter(pl.col("item") == item)
        .row(0, named=True)
    )
    assert changes["against"] == "year"
    assert direction * changes["change_pp"] > 0 and changes["significant"]


def test_flat_skills_are_not_flagged_as_changing(sample: tuple[Path, dict[str, Any], Path]) -> None:
    reports, _, _ = sample
    changes = pl.read_parquet(reports / "yearly" / "changes.parquet")
    flat = changes.filter(pl.col("item").is_in(["python", "aws", "gcp", "pandas", "xgboost"]))
    assert not flat["significant"].any()


def test_pytorch_overtakes_tensorflow(sample: tuple[Path, dict[str, Any], Path]) -> None:
    reports, _, _ = sample
    ratio = pl.read_parquet(reports / "yearly" / "ratio_pytorch_tensorflow.parquet").sort("period")
    assert ratio["ratio"][0] < 1 < ratio["ratio"][-1]
