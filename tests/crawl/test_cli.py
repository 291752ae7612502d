"""`skilltrends crawl` and `skilltrends sources` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from skilltrends.cli import cli
from tests.conftest import Reply, read_page
from tests.crawl.conftest import CrawlServer


def _env(tmp_path: Path) -> dict[str, str]:
    return {"SKILLTRENDS_HOME": str(tmp_path), "SKILLTRENDS_DATABASE_URL": f"sqlite:///{tmp_path / 'store.sqlite'}"}


def test_cli_sources_lists_boards_per_spider(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('[greenhouse]\nboards = ["acme", "globex"]\n[hn]\nmonths = "2024-01..2024-03"\n')
    result = CliRunner().invoke(cli, ["sources", "--sources", str(path)], env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["greenhouse  boards: acme, globex", "hn          months: 2024-01..2024-03"]


def test_cli_sources_bad_entry_exits_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('[lever]\nsite = ["acme"]\n')
    result = CliRunner().invoke(cli, ["sources", "--sources", str(path)], env=_env(tmp_path))
    assert result.exit_code == 1 and "[lever] has unknown key 'site'" in result.output


@pytest.mark.parametrize("argv", [["crawl"], ["crawl", "greenhouse", "--all"]])
def test_cli_crawl_needs_a_spider_or_all(tmp_path: Path, argv: list[str]) -> None:
    result = CliRunner().invoke(cli, argv, env=_env(tmp_path))
    assert result.exit_code == 1 and "Give a SPIDER or --all" in result.output


@pytest.mark.slow
def test_cli_crawl_all_runs_every_source_and_fails_with_reason(tmp_path: Path, crawl_server: CrawlServer) -> None:
    crawl_server.routes["/v1/boards/acme/jobs"] = Reply(200, read_page("greenhouse/acme.json"))
    crawl_server.routes["/posting-api/job-board/acme"] = Reply(200, read_page("ashby/acme.json"))
    path = tmp_path / "sources.toml"
    path.write_text('[greenhouse]\nboards = ["acme"]\n[ashby]\nnames = ["acme", "gone"]\n')
    result = CliRunner().invoke(cli, ["crawl", "--all", "--sources", str(path), "--base-url", crawl_server.url],
                                env=_env(tmp_path))
    assert result.exit_code == 1
    assert "greenhouse: ok; 2 new" in result.output and "ashby: partial; 2 new" in result.output
    assert "gone: HTTP 404" in result.output
