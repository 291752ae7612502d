"""The scheduler process: SIGTERM mid-crawl stops it cleanly and leaves the store consistent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from skilltrends.ops.schedule import stored_jobs
from skilltrends.store.tables import CrawlRun, JobRun, PostingRow
from tests.conftest import LoopbackServer, Reply, read_page
from tests.ops.helpers import board_files, env_for

ROOT = Path(__file__).resolve().parents[2]


def _wait_for(predicate: object, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _start_scheduler(settings: object, tmp_path: Path, name: str) -> subprocess.Popen[bytes]:
    env = os.environ | env_for(settings) | {"PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT / 'crawlers'}"}  # type: ignore[arg-type]
    command = [sys.executable, str(ROOT / "scheduler.py"), "--schedule", str(tmp_path / "schedule.toml")]
    with (tmp_path / f"{name}.out").open("wb") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(command, env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_mid_crawl_stops_cleanly_and_leaves_store_consistent(
    engine: Engine, tmp_path: Path, http_server: LoopbackServer, signum: signal.Signals
) -> None:
    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, read_page("greenhouse/acme.json"))

    def slow_board(_path: str) -> Reply:
        time.sleep(20)
        return Reply(200, b'{"jobs": []}')

    http_server.routes["/v1/boards/slow/jobs"] = slow_board
    schedule = ('[scheduler]\nstop_timeout = 5\n[jobs.crawl-acme]\nkind = "crawl"\ncron = "* * * * * *"\n'
                'sources = ["greenhouse"]\nextract = false\n')
    settings = board_files(tmp_path, http_server.url, engine, schedule)
    settings.sources_file.write_text(  # type: ignore[union-attr]
        f'[greenhouse]\nboards = ["acme", "slow"]\nbase_url = "{http_server.url}"\n', encoding="utf-8")
    proc = _start_scheduler(settings, tmp_path, "first")
    try:
        _wait_for(lambda: any(p.startswith("/v1/boards/slow") for p in http_server.requests), timeout=60,
                  what="the crawl to reach the slow board")
        time.sleep(0.5)
        started = time.monotonic()
        proc.send_signal(signum)
        assert proc.wait(timeout=60) == 0
        stopped_in = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
    output = (tmp_path / "first.out").read_text()
    assert f"{signum.name} received: stopping" in output and "scheduler stopped" in output, output
    assert stopped_in < 20  # did not wait for the slow board

    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        crawl_runs = conn.execute(select(CrawlRun)).all()
        job_runs = conn.execute(select(JobRun)).all()
        postings = conn.execute(select(PostingRow)).all()
    assert [r.status for r in crawl_runs] == ["aborted"]  # recorded, not left 'running', not a site failure
    assert [(r.status, r.crawl_run_ids) for r in job_runs] == [("aborted", [crawl_runs[0].id])]
    assert len(postings) in (0, 2) and all(p.closed_at is None for p in postings)  # whole batches, nothing closed
    assert [job.id for job in stored_jobs(engine)] == ["crawl-acme"]  # the schedule survives for the restart


def _scheduler_main() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("scheduler_script", ROOT / "scheduler.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


@pytest.mark.parametrize(
    ("args", "schedule", "message"),
    [(["--interval", "0h"], None, "Bad interval '0h'"),
     (["--schedule", "{path}"], '[jobs.c]\nkind = "extract"\ncron = "0 25 * * *"\n', r"[jobs.c] bad cron '0 25 * * *'"),
     (["--schedule", "{path}"], '[jobs.c]\nkind = "crawl"\ncron = "0 * * * *"\nsources = ["monster"]\n',
      "unknown source 'monster'. Available: greenhouse")],
)
def test_scheduler_script_rejects_bad_input_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str],
    schedule: str | None, message: str,
) -> None:
    (tmp_path / "sources.toml").write_text('[greenhouse]\nboards = ["acme"]\n', encoding="utf-8")
    (tmp_path / "schedule.toml").write_text(schedule or "", encoding="utf-8")
    monkeypatch.setenv("SKILLTRENDS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SKILLTRENDS_SOURCES", str(tmp_path / "sources.toml"))
    main = _scheduler_main()
    assert main([a.replace("{path}", str(tmp_path / "schedule.toml")) for a in args]) == 2  # type: ignore[operator]
    assert message in capsys.readouterr().err
