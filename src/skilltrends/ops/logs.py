"""Logs: one file per run, every line tagged with its run id, old files compressed then deleted.

    <home>/logs/crawl-<run>.log        the Scrapy child of crawl run <run> (lines carry "[run <run>]")
    <home>/logs/jobs/job-<run>.log     scheduled job run <run> (lines carry "[job-run <run>]")
    <home>/logs/scheduler.log[.N]      the scheduler process, size-rotated; job lines carry their job-run tag
"""

from __future__ import annotations

import gzip
import logging
import logging.handlers
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from skilltrends.errors import ConfigError

__all__ = ["LOG_FORMAT", "crawl_log_path", "job_log_path", "read_log", "rotate_logs", "job_logging",
           "configure_logging"]

LOG_FORMAT = "%(asctime)s [%(run_tag)s] %(levelname)s %(name)s: %(message)s"
_context = threading.local()


def crawl_log_path(home: Path, run_id: int) -> Path:
    return home / "logs" / f"crawl-{run_id}.log"


def job_log_path(home: Path, job_run_id: int) -> Path:
    return home / "logs" / "jobs" / f"job-{job_run_id}.log"


def read_log(path: Path) -> str:
    """A log file's text, or its compressed copy's (`path`.gz) once rotation has compressed it."""
    if path.exists():
        return path.read_text(encoding="utf-8", errors="replace")
    packed = path.with_name(path.name + ".gz")
    if packed.exists():
        with gzip.open(packed, "rt", encoding="utf-8", errors="replace") as handle:
            return handle.read()
    raise ConfigError(f"No log {str(path)!r} (nor {packed.name}). Hint: `skilltrends status` lists recent run ids; "
                      "logs older than the housekeeping job's keep_logs_days are deleted")


def rotate_logs(
    logs_dir: Path, *, compress_after_days: float = 7, delete_after_days: float = 90, now: float | None = None
) -> tuple[int, int]:
    """Gzip per-run logs untouched for `compress_after_days`, delete any older than `delete_after_days`.

    Returns (compressed, deleted). scheduler.log is size-rotated by its handler; its old copies age out here too.
    """
    now = time.time() if now is None else now
    compressed = deleted = 0
    if not logs_dir.exists():
        return 0, 0
    for path in sorted(logs_dir.rglob("*")):
        if not path.is_file() or path.name == "scheduler.log":
            continue
        age_days = (now - path.stat().st_mtime) / 86400
        if age_days > delete_after_days:
            path.unlink()
            deleted += 1
        elif age_days > compress_after_days and path.suffix == ".log":
            with path.open("rb") as src, gzip.open(path.with_name(path.name + ".gz"), "wb") as dst:
                shutil.copyfileobj(src, dst)
            mtime = path.stat().st_mtime
            path.unlink()
            packed = path.with_name(path.name + ".gz")
            os.utime(packed, (mtime, mtime))  # keep the age, so deletion counts from the run, not the compression
            compressed += 1
    return compressed, deleted


class _RunTag(logging.Filter):
    """Stamp every record with the run tag of the thread that logs it ("-" outside a run)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.run_tag = getattr(_context, "tag", "-")
        return True


class _ThisThread(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.ident = threading.get_ident()

    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread == self.ident


def _formatter() -> logging.Formatter:
    formatter = logging.Formatter(LOG_FORMAT)
    formatter.converter = time.gmtime  # UTC, like every timestamp in the store
    return formatter


def configure_logging(home: Path | None, *, level: int = logging.INFO) -> None:
    """Log to stderr and, with a home, to <home>/logs/scheduler.log (10 MB x 5 copies). Idempotent."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_skilltrends", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if home is not None:
        (home / "logs").mkdir(parents=True, exist_ok=True)
        handlers.append(logging.handlers.RotatingFileHandler(
            home / "logs" / "scheduler.log", maxBytes=10 * 1024 * 1024, backupCount=5, encoding="utf-8"))
    for handler in handlers:
        handler._skilltrends = True  # type: ignore[attr-defined]
        handler.addFilter(_RunTag())
        handler.setFormatter(_formatter())
        root.addHandler(handler)


@contextmanager
def job_logging(path: Path, *, tag: str) -> Iterator[None]:
    """While a job runs in this thread: tag its records with `tag` and copy them to their own file at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.addFilter(_ThisThread())
    handler.addFilter(_RunTag())
    handler.setFormatter(_formatter())
    root = logging.getLogger()
    previous = getattr(_context, "tag", "-")
    _context.tag = tag
    root.addHandler(handler)
    level = root.level
    root.setLevel(min(level, logging.INFO) if level else logging.INFO)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        handler.close()
        _context.tag = previous
