from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from skilltrends.report.write import ReportMeta, headline, write_trend_report
from skilltrends.schema import schema_errors


def _shares() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "period": [date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)] * 2,
            "item": ["python"] * 3 + ["cloud"] * 3,
            "postings": [40, 50, 3] * 2,
            "naming": [36, 45, 3, 10, 20, 1],
            "required": [36, 44, 3, 8, 15, 1],
            "share": [0.9, 0.9, 1.0, 0.25, 0.4, 1 / 3],
            "ci_low": [0.77, 0.79, 0.44, 0.14, 0.28, 0.06],
            "ci_high": [0.96, 0.96, 1.0, 0.40, 0.54, 0.79],
            "low_n": [False, False, True] * 2,
        }
    )


def _meta() -> ReportMeta:
    return ReportMeta(
        name="t",
        period="month",
        filters={"role_families": ["ml_engineer"]},
        items={"python": ["python"], "cloud": ["aws", "gcp", "azure"]},
        labels={"python": "Python", "cloud": "Any cloud"},
        extractor_version="x1",
        taxonomy_version="t1",
    )


def test_headline_skips_periods_under_thirty_postings() -> None:
    result = headline(_shares())
    assert result["period"].unique().to_list() == [date(2024, 2, 1)]


def test_write_trend_report_writes_valid_summary_and_tables(tmp_path: Path) -> None:
    path = write_trend_report(_shares().lazy(), out_dir=tmp_path / "t", meta=_meta())
    summary = json.loads((tmp_path / "t" / "summary.json").read_text())
    assert schema_errors("report", summary) == []
    assert summary["postings"] == 93 and len(summary["series"]) == 6
    text = path.read_text()
    assert "| Python | 2024-02-01 | 50 | 90.0% | 79.0%–96.0% |" in text
    assert "| 2024-03-01 ⚠ | 3 |" in text
    assert pl.read_csv(tmp_path / "t" / "shares.csv").height == 6


@pytest.mark.parametrize("bad", [{"period": "fortnight"}, {"series": [{"item": "x"}]}])
def test_report_schema_rejects_bad_summary(tmp_path: Path, bad: dict[str, object]) -> None:
    write_trend_report(_shares().lazy(), out_dir=tmp_path / "t", meta=_meta())
    summary = json.loads((tmp_path / "t" / "summary.json").read_text()) | bad
    assert schema_errors("report", summary) != []
