from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from skilltrends.cli import cli


@pytest.mark.slow
def test_cli_report_with_filters_writes_the_report(
    store: tuple[Engine, dict[str, int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _ = store
    monkeypatch.setenv("SKILLTRENDS_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("SKILLTRENDS_REPORTS_DIR", str(tmp_path / "reports"))
    monkeypatch.setenv("SKILLTRENDS_HOME", str(tmp_path / "home"))
    args = ["report", "--name", "jan", "--since", "2025-01", "--until", "2025-01", "--seniority", "senior",
            "--source", "greenhouse"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Report:" in result.output and "reading the store" in result.output
    summary = json.loads((tmp_path / "reports" / "jan" / "summary.json").read_text())
    # January, senior (odd i) on greenhouse (odd i): i = 1, 3, ..., 19
    assert summary["postings"] == 10
    assert summary["filters"]["since"] == "2025-01-01" and summary["filters"]["until"] == "2025-01-31"
    assert summary["read_method"] == "columnar copy: full read"
    assert (tmp_path / "reports" / "index.html").exists()


def test_cli_report_rejects_a_bad_date() -> None:
    result = CliRunner().invoke(cli, ["report", "--since", "January"])
    assert result.exit_code == 1 and "Bad date 'January'" in result.output
