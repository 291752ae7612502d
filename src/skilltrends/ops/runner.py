"""Run a scheduler until SIGTERM or SIGINT, then stop cleanly.

On the first signal: no new job starts; a running crawl child gets the signal too (Scrapy then closes the spider
and records its run as failed, 'finish reason shutdown') and is killed after `stop_timeout` seconds if it has not
ended (the run is then recorded as failed by its parent). Postings are saved in committed batches and vanished
postings are only closed after a complete crawl, so a stopped crawl leaves no half-written data. A second signal
kills the children at once.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from apscheduler.schedulers.base import BaseScheduler

from skilltrends.config import Settings
from skilltrends.errors import ConfigError
from skilltrends.ops.jobs import Runtime, configure, mark_abandoned_runs
from skilltrends.ops.schedule import Schedule, build_scheduler

__all__ = ["run_scheduler", "serve_until_signal", "child_pids", "scheduler_lock"]

log = logging.getLogger("skilltrends.scheduler")


def run_scheduler(settings: Settings, schedule: Schedule) -> int:
    """Start the schedule-file scheduler (jobs in the project's database) and block until a signal stops it."""
    from skilltrends.store.db import make_engine

    engine = make_engine(settings.database_url)
    with scheduler_lock(settings.home):
        abandoned = mark_abandoned_runs(engine)
        if abandoned:
            log.warning("%s job runs of an earlier scheduler process were left running: marked aborted", abandoned)
        runtime = Runtime.create(settings, schedule)
        configure(runtime)
        try:
            scheduler = build_scheduler(engine, schedule)
            log.info("scheduler starting: %s jobs (%s)", len(schedule.jobs), ", ".join(s.id for s in schedule.jobs))
            serve_until_signal(scheduler, stopping=runtime.stopping, stop_timeout=schedule.stop_timeout)
        finally:
            configure(None)
            engine.dispose()
    return 0


def serve_until_signal(scheduler: BaseScheduler, *, stopping: threading.Event, stop_timeout: float) -> None:
    """scheduler.start() with SIGTERM/SIGINT handlers; returns once the running jobs have ended."""
    def stop_scheduler() -> None:
        try:
            scheduler.shutdown(wait=False)
        except Exception:  # already stopped
            log.debug("scheduler already stopped", exc_info=True)

    timers: list[threading.Timer] = []

    def handle(signum: int, _frame: FrameType | None) -> None:
        if stopping.is_set():
            log.warning("second signal: killing running crawls now")
            _signal_children(signal.SIGKILL)
            return
        stopping.set()
        log.info("%s received: stopping; running crawls get %g s to finish", signal.Signals(signum).name,
                 stop_timeout)
        if signum != signal.SIGINT or not _from_terminal():  # Ctrl-C reaches the children by itself
            _signal_children(signal.SIGTERM)
        timers.append(threading.Timer(stop_timeout, _signal_children, args=(signal.SIGKILL,)))
        timers[-1].daemon = True
        timers[-1].start()
        threading.Thread(target=stop_scheduler, name="scheduler-stop", daemon=True).start()

    previous = {s: signal.signal(s, handle) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        scheduler.start()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    _wait_for_jobs(timeout=stop_timeout + 30)
    for timer in timers:
        timer.cancel()
    log.info("scheduler stopped")


def _wait_for_jobs(*, timeout: float) -> None:
    """Join APScheduler's worker threads so the process exits only after the running jobs recorded their end."""
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread.name.startswith("ThreadPoolExecutor") and thread is not threading.current_thread():
            thread.join(max(0.0, deadline - time.monotonic()))


def _from_terminal() -> bool:
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except (OSError, ValueError, AttributeError):
        return False


def child_pids() -> list[int]:
    """Direct children of this process (Linux /proc; elsewhere none are found and timeouts apply)."""
    pids: list[int] = []
    for children in Path("/proc/self/task").glob("*/children"):
        try:
            pids += [int(p) for p in children.read_text().split()]
        except OSError:
            continue
    return sorted(set(pids))


def _signal_children(signum: int) -> None:
    for pid in child_pids():
        try:
            os.kill(pid, signum)
            log.info("sent %s to child %s", signal.Signals(signum).name, pid)
        except ProcessLookupError:
            continue


@contextmanager
def scheduler_lock(home: Path) -> Iterator[None]:
    """One schedule-file scheduler per home: a second one would run every job twice."""
    path = home / "locks" / "scheduler.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise ConfigError(f"Another scheduler (pid {handle.read().strip() or '?'}) already runs with home "
                              f"{str(home)!r}. Hint: stop it first, or use another SKILLTRENDS_HOME") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
