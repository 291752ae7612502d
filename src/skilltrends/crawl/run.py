"""Start crawls as child processes (`python -m scrapy crawl NAME`).

A child per crawl because the Twisted reactor cannot be restarted inside one process
(https://github.com/scrapy/scrapy/issues/2941), and so a crash or a kill of one crawl never takes the caller down.
"""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import Engine, select, update
from sqlalchemy.engine import make_url

from skilltrends.config import DEFAULT_USER_AGENT
from skilltrends.errors import ConfigError, CrawlError
from skilltrends.store.load import start_crawl_run
from skilltrends.store.tables import CrawlRun

__all__ = ["CrawlResult", "run_spider", "spider_names", "is_loopback", "crawler_user_agent"]

CRAWLERS_DIR = Path(__file__).resolve().parents[3] / "crawlers"
SRC_DIR = Path(__file__).resolve().parents[2]
SETTINGS_MODULE = "skilltrends_crawlers.settings"

# For a mirror on this machine politeness delays only slow the tests and the demo down.
LOOPBACK_SETTINGS = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
}


@dataclass(frozen=True, slots=True)
class CrawlResult:
    run_id: int
    spider: str
    status: str
    message: str | None
    new: int
    updated: int
    unchanged: int
    dropped: int
    feed: Path
    log: Path
    requests: int = 0
    errors: int = 0
    failed_targets: dict[str, str] | None = None

    @property
    def seen(self) -> int:
        return self.new + self.updated + self.unchanged


def spider_names() -> list[str]:
    """Names of the spiders in crawlers/, as `scrapy list` prints them."""
    spiders = CRAWLERS_DIR / "skilltrends_crawlers" / "spiders"
    return sorted(p.stem for p in spiders.glob("*.py") if not p.stem.startswith("_"))


def absolute_database_url(url: str) -> str:
    """A SQLite URL with a relative path made absolute (the crawl's child process runs in another directory)."""
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" or Path(database).is_absolute():
        return url
    return parsed.set(database=str(Path(database).resolve())).render_as_string(hide_password=False)


def is_loopback(url: str | None) -> bool:
    """True for http://127.0.0.1:..., http://localhost:..., http://[::1]:..."""
    host = urlsplit(url or "").hostname
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def crawler_user_agent(user_agent: str, *, contact_url: str | None = None) -> str:
    """The User-Agent crawls send: `user_agent`, with its contact URL swapped for `contact_url` when one is given.

    Boards should be able to tell who crawls them and how to reach the operator (RFC 9110 §10.1.5).
    """
    if not contact_url or contact_url in user_agent:
        return user_agent
    if user_agent == DEFAULT_USER_AGENT:
        return f"skilltrends/0.1 (+{contact_url}; labour-market research crawler)"
    return f"{user_agent} (+{contact_url})"


def run_spider(
    name: str,
    *,
    engine: Engine,
    database_url: str,
    home: Path,
    arguments: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    timeout: float | None = None,
    user_agent: str | None = None,
    jobdir: Path | None = None,
    http_cache: bool = False,
) -> CrawlResult:
    """Run one spider to completion in a child process; the store records the run whatever happens.

    `jobdir` keeps the crawl's queue on disk so a stopped crawl resumes where it left off; `http_cache` replays
    earlier responses (development only).
    """
    if name not in spider_names():
        raise ConfigError(f"Unknown spider {name!r}. Available: {', '.join(spider_names())}")
    arguments = dict(arguments or {})
    run_id = start_crawl_run(engine, spider=name, arguments=dict(arguments))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    feed = home / "raw" / name / f"{stamp}-run{run_id}.jsonl"
    log = home / "logs" / f"crawl-{run_id}.log"
    feed.parent.mkdir(parents=True, exist_ok=True)
    log.parent.mkdir(parents=True, exist_ok=True)
    merged = dict(LOOPBACK_SETTINGS) if is_loopback(arguments.get("base_url")) else {}
    if user_agent:
        merged["USER_AGENT"] = user_agent
    if jobdir is not None:
        merged["JOBDIR"] = str(jobdir.resolve())
    if http_cache:  # an absolute directory: the child runs in `home`, where there is no scrapy.cfg
        merged |= {"HTTPCACHE_ENABLED": "True", "HTTPCACHE_DIR": str((home / "httpcache").resolve())}
    merged |= settings or {}
    merged |= {"SKILLTRENDS_DATABASE_URL": absolute_database_url(database_url), "SKILLTRENDS_RUN_ID": str(run_id),
               "LOG_FILE": str(log.resolve())}
    merged.setdefault("LOG_FORMAT", f"%(asctime)s [run {run_id}] [%(name)s] %(levelname)s: %(message)s")
    command = [sys.executable, "-m", "scrapy", "crawl", name, "-O", f"{feed.resolve()}:jsonlines"]
    command += [part for key, value in arguments.items() for part in ("-a", f"{key}={value}")]
    command += [part for key, value in merged.items() for part in ("-s", f"{key}={value}")]
    env = os.environ | {"SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE}
    # The child must import this very skilltrends (not another checkout's), whatever its working directory.
    inherited = [str(Path(p).resolve()) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys([str(CRAWLERS_DIR), str(SRC_DIR), *inherited]))
    try:
        proc = subprocess.run(command, cwd=home, env=env, timeout=timeout, capture_output=True, text=True)
        failure = f"exit code {proc.returncode}: {_last_error(proc.stderr, log)}" if proc.returncode else None
    except subprocess.TimeoutExpired:
        failure = f"timed out after {timeout} s"
    return _result(engine, run_id, name, feed, log, failure)


def _last_error(stderr: str, log: Path) -> str:
    """The child's last error line: from stderr, else from its log file."""
    text = stderr or (log.read_text(encoding="utf-8", errors="replace") if log.exists() else "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "error" in line]
    return (errors or lines or ["no output"])[-1][-300:]


def _result(engine: Engine, run_id: int, name: str, feed: Path, log: Path, failure: str | None) -> CrawlResult:
    from skilltrends.crawl.health import record_crawl_health  # ops (issue 7)

    record_crawl_health(engine, run_id)  # a finished run far below its history, or full of errors, fails
    with engine.begin() as conn:
        if failure is not None:
            conn.execute(
                update(CrawlRun).where(CrawlRun.id == run_id, CrawlRun.status == "running")
                .values(status="failed", message=failure, finished_at=datetime.now(UTC))
            )
        row = conn.execute(select(CrawlRun).where(CrawlRun.id == run_id)).one()
    if row.status == "running":  # the child exited 0 without closing the run: treat as a failure
        raise CrawlError(f"crawl {run_id} of {name} ended without recording its result; see {log}")
    return CrawlResult(
        run_id=run_id, spider=name, status=row.status, message=row.message or failure, new=row.items_new,
        updated=row.items_updated, unchanged=row.items_unchanged, dropped=row.items_dropped, feed=feed, log=log,
        requests=row.requests or 0, errors=row.errors or 0, failed_targets=dict(row.failed_targets or {}),
    )
