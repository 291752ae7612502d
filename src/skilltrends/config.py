"""Settings, built once at the edge (cli.py, scheduler.py) from SKILLTRENDS_* environment variables.

The library never reads os.environ: it takes the Engine, Path or nlp it needs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from skilltrends.errors import ConfigError

__all__ = ["Settings", "load_settings", "DEFAULT_HOME"]

DEFAULT_HOME = Path("data")
DEFAULT_CONTACT_URL = "https://github.com/skilltrends/skilltrends"
DEFAULT_USER_AGENT = "skilltrends/0.1 (+https://github.com/skilltrends/skilltrends; labour-market research crawler)"


@dataclass(frozen=True, slots=True)
class Settings:
    """Where things live and how to reach the outside world."""

    home: Path = DEFAULT_HOME
    database_url: str = ""
    reports_dir: Path = Path("reports")
    user_agent: str = DEFAULT_USER_AGENT
    contact_url: str = DEFAULT_CONTACT_URL
    sources_file: Path | None = None
    schedule_file: Path | None = None
    alert_command: str | None = None
    alert_webhook: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def raw_dir(self) -> Path:
        """Raw crawl output, never edited: data/raw/<spider>/<timestamp>.jsonl."""
        return self.home / "raw"

    @property
    def columnar_dir(self) -> Path:
        """The report's columnar copy of the mentions (store/read.py keeps it in step with the store)."""
        return self.home / "columnar"



def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from SKILLTRENDS_* variables (defaults: ./data, SQLite at ./data/skilltrends.sqlite)."""
    env = os.environ if env is None else env
    home = Path(env.get("SKILLTRENDS_HOME", str(DEFAULT_HOME)))
    # Absolute, so the store is the same file whatever directory a child process (a crawl) runs in.
    url = env.get("SKILLTRENDS_DATABASE_URL") or f"sqlite:///{(home / 'skilltrends.sqlite').resolve()}"
    if "://" not in url:
        raise ConfigError(
            f"SKILLTRENDS_DATABASE_URL={url!r} is not a database URL. "
            "Hint: use sqlite:///path/to/file.sqlite or postgresql+psycopg://user@host/db"
        )
    sources = env.get("SKILLTRENDS_SOURCES")
    return Settings(
        home=home,
        database_url=url,
        reports_dir=Path(env.get("SKILLTRENDS_REPORTS_DIR", "reports")),
        user_agent=env.get("SKILLTRENDS_USER_AGENT", DEFAULT_USER_AGENT),
        contact_url=env.get("SKILLTRENDS_CONTACT_URL", DEFAULT_CONTACT_URL),
        sources_file=Path(sources) if sources else None,
        schedule_file=Path(env["SKILLTRENDS_SCHEDULE"]) if env.get("SKILLTRENDS_SCHEDULE") else None,
        alert_command=env.get("SKILLTRENDS_ALERT_COMMAND") or None,
        alert_webhook=env.get("SKILLTRENDS_ALERT_WEBHOOK") or None,
        extra={k: v for k, v in env.items() if k.startswith("SKILLTRENDS_")},
    )
