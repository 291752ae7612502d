"""Status (per source, jobs, counts, freshness; exit codes) and per-run logs (tags, rotation)."""

from __future__ import annotations

import gzip
import logging
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from skilltrends.cli import cli
from skilltrends.errors import ConfigError
from skilltrends.ops.logs import configure_logging, job_logging, read_log, rotate_logs
from skilltrends.ops.status import StatusLimits, collect_status, render_status
from tests.ops.helpers import add_run


def test_collect_status_groups_runs_by_source_newest_first(engine: Engine) -> None:
    add_run(engine, seen=40)
    last = add_run(engine, seen=41, arguments={"boards": "acme", "base_url": "http://127.0.0.1:5"})
    add_run(engine, spider="jobposting", arguments={"sitemap": "https://x.example/s.xml"}, status="failed",
            seen=0, message="exit code 1: boom")
    status = collect_status(engine)
    assert [s["source"] for s in status["sources"]] == ["greenhouse boards=acme",
                                                        "jobposting sitemap=https://x.example/s.xml"]
    greenhouse = status["sources"][0]
    assert [r["run_id"] for r in greenhouse["runs"]] == [last, 1]
    assert greenhouse["runs"][0]["duration_s"] == 12.0 and greenhouse["runs"][0]["new"] == 41
    assert status["problems"] == ["jobposting sitemap=https://x.example/s.xml: last crawl (run 3) failed: "
                                  "exit code 1: boom"]
    assert not status["healthy"]
    assert "UNHEALTHY" in render_status(status) and "run     2 ok" in render_status(status)


def test_collect_status_flags_stuck_crawls_and_stale_data(engine: Engine) -> None:
    add_run(engine, status="running", started=datetime.now(UTC) - timedelta(hours=20))
    status = collect_status(engine, limits=StatusLimits(running_limit=timedelta(hours=12)))
    assert any("still running after" in p for p in status["problems"])


def test_status_cli_exit_codes(tmp_path: Path) -> None:
    env = {"SKILLTRENDS_HOME": str(tmp_path), "SKILLTRENDS_DATABASE_URL": f"sqlite:///{tmp_path}/s.sqlite",
           "SKILLTRENDS_SCHEDULE": str(tmp_path / "none.toml")}
    healthy = CliRunner().invoke(cli, ["status"], env=env)
    assert healthy.exit_code == 0 and "HEALTHY" in healthy.output
    from skilltrends.store.db import make_engine

    engine = make_engine(env["SKILLTRENDS_DATABASE_URL"])
    add_run(engine, status="failed", message="exit code 1")
    engine.dispose()
    assert CliRunner().invoke(cli, ["status", "--json"], env=env).exit_code == 2


def test_logs_cli_unknown_run_says_where_to_look(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["logs", "99"], env={"SKILLTRENDS_HOME": str(tmp_path)})
    assert result.exit_code == 1 and "No log" in result.output and "skilltrends status" in result.output


def test_job_logging_tags_every_line_and_keeps_other_threads_out(tmp_path: Path) -> None:
    import threading

    log = logging.getLogger("skilltrends.test")
    path = tmp_path / "job-7.log"
    with job_logging(path, tag="job-run 7"):
        log.info("first")
        other = threading.Thread(target=lambda: log.warning("from another job"))
        other.start()
        other.join()
        log.warning("second")
    lines = path.read_text().splitlines()
    assert len(lines) == 2 and all("[job-run 7]" in line for line in lines)


def test_rotate_logs_compresses_then_deletes_and_read_log_reads_both(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    (logs / "jobs").mkdir(parents=True)
    now = time.time()
    for name, age_days in [("crawl-1.log", 100), ("crawl-2.log", 10), ("crawl-3.log", 1), ("jobs/job-4.log", 30),
                           ("scheduler.log", 200)]:
        (logs / name).write_text(f"{name} line\n")
        os.utime(logs / name, (now - age_days * 86400, now - age_days * 86400))
    assert rotate_logs(logs, compress_after_days=7, delete_after_days=90, now=now) == (2, 1)
    assert sorted(str(p.relative_to(logs)) for p in logs.rglob("*.*")) == [
        "crawl-2.log.gz", "crawl-3.log", "jobs/job-4.log.gz", "scheduler.log"]
    assert read_log(logs / "crawl-2.log") == "crawl-2.log line\n"
    assert gzip.decompress((logs / "jobs/job-4.log.gz").read_bytes()) == b"jobs/job-4.log line\n"
    with pytest.raises(ConfigError, match="No log"):
        read_log(logs / "crawl-1.log")
    assert rotate_logs(logs, compress_after_days=7, delete_after_days=20, now=now) == (0, 1)  # age kept: job-4 goes


def test_configure_logging_writes_scheduler_log(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    try:
        configure_logging(tmp_path)
        logging.getLogger("skilltrends.scheduler").info("hello")
    finally:
        for handler in [h for h in root.handlers if h not in before[0]]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(before[1])
    assert "[-] INFO skilltrends.scheduler: hello" in (tmp_path / "logs" / "scheduler.log").read_text()


def test_collect_status_a_crawl_stopped_with_the_scheduler_is_not_a_failure(engine: Engine) -> None:
    add_run(engine, seen=40)
    add_run(engine, status="aborted", seen=0, message="stopped with the scheduler (finish reason 'shutdown')")
    status = collect_status(engine)
    assert status["healthy"] and status["sources"][0]["runs"][0]["status"] == "aborted"
