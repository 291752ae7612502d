from __future__ import annotations

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
