"""Helpers for the ops tests: crawl-run rows with a history, settings and files for a loopback board."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert

from skilltrends.config import Settings
from skilltrends.store.tables import CrawlRun


def add_run(engine: Engine, *, spider: str = "greenhouse", arguments: dict[str, Any] | None = None,
            status: str = "ok", seen: int = 40, dropped: int = 0, errors: int = 0, requests: int = 4,
            started: datetime | None = None, message: str | None = None) -> int:
    """Insert one finished crawl run as the pipeline would record it."""
    started = started or datetime.now(UTC) - timedelta(hours=1)
    with engine.begin() as conn:
        result = conn.execute(insert(CrawlRun).values(
            spider=spider, arguments=arguments if arguments is not None else {"boards": "acme"},
            started_at=started, finished_at=started + timedelta(seconds=12), status=status, message=message,
            stats={"log_count/ERROR": errors, "downloader/request_count": requests, "skilltrends/dropped": dropped},
            items_new=seen, items_updated=0, items_unchanged=0, items_dropped=dropped))
        return int(result.inserted_primary_key[0])  # type: ignore[index]


def board_files(tmp_path: Path, base_url: str, engine: Engine, schedule: str) -> Settings:
    """A sources file with the loopback board 'acme', a schedule file, and Settings pointing at both."""
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[greenhouse]\nboards = ["acme"]\nbase_url = "{base_url}"\n', encoding="utf-8")
    (tmp_path / "schedule.toml").write_text(schedule, encoding="utf-8")
    return Settings(home=tmp_path / "home", database_url=str(engine.url), reports_dir=tmp_path / "reports",
                    sources_file=sources, schedule_file=tmp_path / "schedule.toml")


def env_for(settings: Settings) -> dict[str, str]:
    """SKILLTRENDS_* variables for a CLI run or a child process with these settings."""
    assert settings.sources_file is not None and settings.schedule_file is not None
    return {"SKILLTRENDS_HOME": str(settings.home), "SKILLTRENDS_DATABASE_URL": settings.database_url,
            "SKILLTRENDS_REPORTS_DIR": str(settings.reports_dir), "SKILLTRENDS_SOURCES": str(settings.sources_file),
            "SKILLTRENDS_SCHEDULE": str(settings.schedule_file)}
