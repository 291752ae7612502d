"""The demo path end to end: sample board on 127.0.0.1 -> spiders -> store -> extraction -> report.

Checks the report against the sample market's seeded ground truth (truth.jsonl, prevalence.json).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from skilltrends.config import Settings
from skilltrends.store.db import make_engine
from skilltrends.store.tables import PostingRow
from skilltrends.workflow import PipelineResult, run_demo

pytestmark = pytest.mark.slow

HEADLINE = ("python", "tensorflow", "pytorch", "aws")
# The sample names its JSON-LD copies "jsonld"; the spider that reads them is "jobposting".
SAMPLE_SOURCE = {"jsonld": "jobposting"}


@dataclass
class Demo:
    result: PipelineResult
    home: Path
    settings: Settings

    @property
    def summary(self) -> dict[str, object]:
        return json.loads((self.result.report.parent / "summary.json").read_text())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    home = tmp_path_factory.mktemp("demo")
    settings = Settings(home=home, database_url=f"sqlite:///{home / 'store.sqlite'}", reports_dir=home / "reports")
    engine = make_engine(settings.database_url)
    yield Demo(run_demo(settings, engine), home, settings)
    engine.dispose()


def _truth_by_copy(home: Path) -> dict[tuple[str, str], dict[str, object]]:
    truth: dict[tuple[str, str], dict[str, object]] = {}
    for line in (home / "sample" / "seed-7" / "truth.jsonl").read_text().splitlines():
        job = json.loads(line)
        for copy in job["copies"]:
            truth[(SAMPLE_SOURCE.get(copy["source"], copy["source"]), str(copy["external_id"]))] = job
    return truth


def _truth_shares(demo: Demo) -> dict[tuple[str, str], float]:
    """Share of the postings the report counted whose true skills include each headline item, by month."""
    truth = _truth_by_copy(demo.home)
    counted = {(row["period"], row["postings"]) for row in demo.summary["series"]}  # type: ignore[index]
    engine = make_engine(demo.settings.database_url)
    with engine.connect() as conn:
        rows = conn.execute(select(PostingRow.source, PostingRow.external_id, PostingRow.posted_at,
                                   PostingRow.role_family, PostingRow.canonical_id, PostingRow.id)).all()
    naming: dict[tuple[str, str], int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for source, ext, posted, family, canonical, pk in rows:
        if family not in ("ml_engineer", "mlops_engineer") or canonical not in (None, pk):
            continue
        month = posted.strftime("%Y-%m-01")
        totals[month] += 1
        key = (source, ext.rsplit("/", 1)[-1] if source == "jobposting" else ext)  # JSON-LD ids are host/identifier
        skills = {s["id"] for s in truth[key]["skills"]}  # type: ignore[index]
        for item in HEADLINE:
            naming[(month, item)] += item in skills
    assert {(m, n) for m, n in totals.items()} == counted, "report denominators differ from the store's"
    return {(m, item): naming[(m, item)] / totals[m] for m in totals for item in HEADLINE}


def _series(demo: Demo) -> list[dict[str, object]]:
    return [row for row in demo.summary["series"] if row["item"] in HEADLINE]  # type: ignore[index, union-attr]


def test_demo_writes_report_and_crawls_cleanly(demo: Demo) -> None:
    assert demo.result.report.exists()
    assert all(c.status == "ok" and c.dropped == 0 for c in demo.result.crawls)
    assert {c.spider for c in demo.result.crawls} == {"greenhouse", "lever", "ashby", "jobposting", "hn"}
    months = {row["period"] for row in _series(demo) if not row["low_n"]}
    assert len(months) >= 36


@pytest.mark.parametrize("item", HEADLINE)
def test_demo_shares_within_two_points_of_ground_truth(demo: Demo, item: str) -> None:
    truth = _truth_shares(demo)
    off = [
        (row["period"], round(row["share"], 3), round(truth[(row["period"], item)], 3))
        for row in _series(demo)
        if row["item"] == item and abs(row["share"] - truth[(row["period"], item)]) > 0.02  # type: ignore[operator]
    ]
    assert off == [], f"{item}: months where the report is more than 2 points off the labels"


@pytest.mark.parametrize("item", HEADLINE)
def test_demo_intervals_cover_documented_prevalence(demo: Demo, item: str) -> None:
    prevalence = json.loads((demo.home / "sample" / "seed-7" / "prevalence.json").read_text())
    curve = prevalence["skills"][item]["by_month"]
    rows = [r for r in _series(demo) if r["item"] == item and r["period"][:7] in curve and not r["low_n"]]
    covered = [r["ci_low"] <= curve[r["period"][:7]] <= r["ci_high"] for r in rows]  # type: ignore[operator]
    assert len(rows) >= 36
    assert sum(covered) / len(covered) >= 0.90
