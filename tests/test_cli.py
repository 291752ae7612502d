from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skilltrends.cli import cli


def _commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_cli_every_command_has_help_with_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


def test_cli_group_lists_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("demo", "crawl", "extract", "report"):
        assert name in result.output


def test_cli_user_error_is_one_line_with_hint() -> None:
    result = CliRunner().invoke(cli, ["crawl", "greenhouse", "-a", "oops"])
    assert result.exit_code == 1
    assert "Error: Bad spider argument 'oops'. Hint: -a name=value" in result.output
    assert "Traceback" not in result.output


def test_cli_unknown_spider_lists_choices(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLTRENDS_HOME", str(tmp_path))
    monkeypatch.setenv("SKILLTRENDS_DATABASE_URL", f"sqlite:///{tmp_path}/s.sqlite")
    result = CliRunner().invoke(cli, ["crawl", "monster"])
    assert result.exit_code == 1
    assert "Unknown spider 'monster'. Available:" in result.output


def test_cli_tag_writes_one_line_per_input_and_reports_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": 1, "text": "<h3>Requirements</h3><ul><li>Python &amp; PyTorch</li></ul>"}\n'
        "not json\n"
        '{"id": 2, "text": "sklearn on GCP, $150k-$190k"}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["tag", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [line.get("id", line.get("line")) for line in lines] == [1, 2, 2]
    first = lines[0]
    assert [s["skill"] for s in first["skills"]] == ["Python", "PyTorch"]
    assert all(first["clean_text"][s["start"]:s["end"]] == s["text"] for s in first["skills"])
    assert lines[1]["error"].startswith("not JSON")
    assert lines[2]["salary"] == {"min": 150000.0, "max": 190000.0, "currency": "USD", "period": "year"}
