from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import Engine

from skilltrends.aggregate.trends import Filters
from skilltrends.schema import schema_errors
from skilltrends.store.db import make_engine
from skilltrends.workflow import build_report
from tests.report.conftest import XSS, fake_taxonomy, fill_store

pytestmark = pytest.mark.slow  # each report draws about fifteen charts


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One report over the shared small store, written once for the tests that only read it."""
    tmp = tmp_path_factory.mktemp("report")
    engine = make_engine(f"sqlite:///{tmp / 'store.sqlite'}")
    fill_store(engine)
    build_report(
        engine, out_dir=tmp / "reports", name="t", taxonomy=fake_taxonomy(), cache_dir=tmp / "columnar"
    )
    engine.dispose()
    yield tmp / "reports" / "t"


def _series(summary: dict, item: str) -> list[dict]:  # type: ignore[type-arg]
    return sorted((r for r in summary["series"] if r["item"] == item), key=lambda r: r["period"])


def test_build_report_counts_match_the_store(report_dir: Path) -> None:
    summary = json.loads((report_dir / "summary.json").read_text())
    assert schema_errors("report", summary) == []
    assert summary["postings"] == 40  # 40 ML engineers; data scientists and the copy left out
    jan, feb = _series(summary, "pytorch")
    assert (jan["period"], jan["postings"], jan["naming"], jan["required"], jan["preferred"]) == (
        "2025-01-01",
        20,
        10,
        5,
        5,
    )
    assert jan["share"] == 0.5 and jan["ci_low"] < 0.5 < jan["ci_high"] and jan["low_n"] is True
    assert feb["change_prev_pp"] == pytest.approx(0.0) and feb["p_prev"] == pytest.approx(1.0)
    aws_jan, aws_feb = _series(summary, "aws")
    assert (aws_jan["naming"], aws_jan["required"], aws_feb["naming"]) == (10, 10, 0)
    assert aws_feb["change_prev_pp"] == pytest.approx(-50.0) and aws_feb["p_prev"] < 0.001
    assert [r["naming"] for r in _series(summary, "cloud")] == [10, 0]
    assert [r["naming"] for r in _series(summary, "mlops")] == [4, 4]
    assert [r["share"] for r in _series(summary, "python")] == [1.0, 1.0]
    assert summary["coverage"]["postings"] == 40 and summary["coverage"]["pay_share"] == 0.25
    assert summary["extractor_version"] == "test-extractor-1" and summary["taxonomy_version"] == "test-1"


def test_build_report_writes_every_table_as_csv_and_parquet_and_charts(report_dir: Path) -> None:
    summary = json.loads((report_dir / "summary.json").read_text())
    names = {t["name"] for t in summary["tables"]}
    assert {
        "shares",
        "languages",
        "frameworks",
        "cloud",
        "mlops",
        "ratio_pytorch_tensorflow",
        "degrees",
        "phd_by_seniority",
        "pairs",
        "changes",
        "pay",
        "coverage",
        "titles",
    } <= names
    for table in summary["tables"]:
        csv = pl.read_csv(report_dir / table["csv"])
        assert pl.read_parquet(report_dir / table["parquet"]).height == csv.height == table["rows"]
    assert summary["charts"]
    for chart in summary["charts"]:
        assert (report_dir / chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ratio = pl.read_parquet(report_dir / "ratio_pytorch_tensorflow.parquet")
    assert ratio["ratio"].to_list() == [None, None]  # no TensorFlow postings: no ratio, not infinity
    pay = (
        pl.read_parquet(report_dir / "pay.parquet")
        .filter(pl.col("item") == "all postings")
        .row(0, named=True)
    )
    # i % 4 == 0: 100k + 1k * i for i = 0, 4, ..., 36 -> median of 100k..136k = 118k
    assert (pay["currency"], pay["n"], pay["median"]) == ("USD", 10, 118_000.0)
    phd = pl.read_parquet(report_dir / "phd_by_seniority.parquet")
    assert dict(zip(phd["seniority"], phd["phd"], strict=True)) == {"mid": 4, "senior": 0}


def test_report_html_is_self_contained_and_escapes_posting_strings(report_dir: Path) -> None:
    page = (report_dir / "report.html").read_text()
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'src="data:image/png;base64,' in page and 'src="http' not in page
    for heading in (
        "(a) Python",
        "(b) TensorFlow vs PyTorch",
        "(c) Cloud",
        "(d) MLOps",
        "(e) Degrees",
        "(f) Skills asked for together",
        "(g) Rising",
        "(h) Pay",
        "(i) Coverage",
        "(j) Methodology",
    ):
        assert heading in page
    markdown = (report_dir / "report.md").read_text()
    assert XSS not in markdown and "&lt;script&gt;" in markdown


def test_build_report_filters_period_and_index(store: tuple[Engine, dict[str, int]], tmp_path: Path) -> None:
    engine, _ = store
    filters = Filters(seniority=("senior",), since=datetime(2025, 2, 1), until=datetime(2025, 3, 1))
    _, table = build_report(
        engine, out_dir=tmp_path, name="q", period="quarter", taxonomy=fake_taxonomy(), filters=filters
    )
    summary = json.loads((tmp_path / "q" / "summary.json").read_text())
    # February, senior (odd i): i = 21, 23, ..., 39
    assert summary["postings"] == 10 and summary["filters"]["until"] == "2025-02-28"
    assert table.filter(pl.col("item") == "python")["period"].to_list() == [date(2025, 1, 1)]
    (tmp_path / "older").mkdir()
    (tmp_path / "older" / "summary.json").write_text(
        json.dumps({"name": XSS, "period": "year", "postings": 3})
    )
    from skilltrends.report.index import write_index

    index = write_index(tmp_path).read_text()
    assert 'href="q/report.html"' in index and 'href="older/report.html"' in index
    assert "seniority: senior" in index and "quarter" in index and XSS not in index
