"""The schedule file (TOML): which jobs run when. Parsed and checked in full at load, so a typo fails at start.

    [scheduler]
    timezone = "UTC"
    misfire_grace_time = 3600        # s; a slot missed while the scheduler was down still runs within this
    crawl_timeout = 7200             # s; a crawl child still running after this is killed and its run failed

    [groups]
    boards = ["greenhouse", "lever"]  # names of sources in the sources file

    [jobs.crawl-boards]
    kind = "crawl"                   # crawl | extract | report | housekeeping
    cron = "0 */6 * * *"             # minute hour day month weekday; a 6th, leading field is seconds
    sources = ["boards"]             # sources or groups; extraction follows unless extract = false

Jobs live in the project's database (APScheduler's SQLAlchemyJobStore) as a textual reference to
`skilltrends.ops.jobs:run_job` with the job's plain settings as kwargs, so a restarted scheduler reloads them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import Engine

from skilltrends.crawl.health import HealthThresholds
from skilltrends.errors import ConfigError

__all__ = ["JobSpec", "Schedule", "JOB_FUNCTION", "JOBS_TABLE", "load_schedule", "load_schedule_for",
           "parse_schedule", "parse_cron", "build_scheduler", "stored_jobs", "next_run_times"]

JOB_FUNCTION = "skilltrends.ops.jobs:run_job"
JOBS_TABLE = "apscheduler_jobs"
KINDS = ("crawl", "extract", "report", "housekeeping")
PERIODS = ("week", "month", "quarter", "year")
_JOB_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
# Allowed keys per kind, with their defaults.
_PARAMS: dict[str, dict[str, Any]] = {
    "crawl": {"sources": None, "extract": True, "timeout": None},
    "extract": {},
    "report": {"period": None, "lookback": 12, "all_roles": False},
    "housekeeping": {"compress_logs_after_days": 7, "keep_logs_days": 90, "vacuum": True, "analyze": True},
}


@dataclass(frozen=True, slots=True)
class JobSpec:
    """One job of the schedule file: plain, picklable values only (they are stored as the job's kwargs)."""

    id: str
    kind: str
    cron: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobSpec:
        return cls(id=data["id"], kind=data["kind"], cron=data["cron"], params=dict(data.get("params") or {}))


@dataclass(frozen=True, slots=True)
class Schedule:
    jobs: tuple[JobSpec, ...]
    timezone: str = "UTC"
    misfire_grace_time: int = 3600
    crawl_timeout: float = 7200.0
    stop_timeout: float = 60.0
    max_workers: int = 4
    thresholds: HealthThresholds = HealthThresholds()
    alert_command: str | None = None
    alert_webhook: str | None = None

    def job(self, job_id: str) -> JobSpec:
        """The job with this id; a ConfigError listing the ids otherwise."""
        for spec in self.jobs:
            if spec.id == job_id:
                return spec
        raise ConfigError(f"Unknown job {job_id!r}. Available: {', '.join(s.id for s in self.jobs) or '(none)'}")


def load_schedule_for(path: Path, *, sources_file: Path) -> Schedule:
    """The schedule file, checked against the sources file when there is one (crawl jobs need it)."""
    from skilltrends.sources import load_sources

    return load_schedule(path, sources=load_sources(sources_file) if sources_file.exists() else None)


def load_schedule(path: Path, *, sources: Mapping[str, Any] | None) -> Schedule:
    """Read and check a schedule file against the sources file's source names."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"Schedule file {str(path)!r} not found. Hint: copy schedule.example.toml") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Schedule file {str(path)!r} is not valid TOML: {exc}") from exc
    return parse_schedule(data, sources=sources, origin=str(path))


def parse_schedule(
    data: Mapping[str, Any], *, sources: Mapping[str, Any] | None, origin: str = "schedule"
) -> Schedule:
    """Check a parsed schedule mapping; every problem raises ConfigError naming the table and key."""
    _only(data, {"scheduler", "alerts", "groups", "jobs"}, origin, "the top level")
    options = _table(data, "scheduler", origin)
    _only(options, {"timezone", "misfire_grace_time", "crawl_timeout", "stop_timeout", "max_workers"}, origin,
          "[scheduler]")
    timezone = str(options.get("timezone", "UTC"))
    _check_timezone(timezone, origin)
    groups = _groups(_table(data, "groups", origin), sources, origin)
    jobs = _table(data, "jobs", origin)
    if not jobs:
        raise ConfigError(f"{origin}: no [jobs.<id>] tables. Hint: see schedule.example.toml")
    specs = tuple(_job(job_id, entry, sources=sources, groups=groups, timezone=timezone, origin=origin)
                  for job_id, entry in jobs.items())
    alerts = _table(data, "alerts", origin)
    _only(alerts, {"command", "webhook", "min_seen_ratio", "history", "max_error_rate", "max_invalid_rate"},
          origin, "[alerts]")
    defaults = HealthThresholds()
    thresholds = HealthThresholds(
        min_seen_ratio=_number(alerts, "min_seen_ratio", defaults.min_seen_ratio, origin, "[alerts]", upper=1),
        history=int(_number(alerts, "history", defaults.history, origin, "[alerts]", lower=1)),
        max_error_rate=_number(alerts, "max_error_rate", defaults.max_error_rate, origin, "[alerts]", upper=1),
        max_invalid_rate=_number(alerts, "max_invalid_rate", defaults.max_invalid_rate, origin, "[alerts]", upper=1),
    )
    return Schedule(
        jobs=specs, timezone=timezone,
        misfire_grace_time=int(_number(options, "misfire_grace_time", 3600, origin, "[scheduler]", lower=1)),
        crawl_timeout=_number(options, "crawl_timeout", 7200, origin, "[scheduler]", lower=1),
        stop_timeout=_number(options, "stop_timeout", 60, origin, "[scheduler]", lower=0),
        max_workers=int(_number(options, "max_workers", 4, origin, "[scheduler]", lower=1)),
        thresholds=thresholds,
        alert_command=_optional_str(alerts, "command", origin), alert_webhook=_optional_str(alerts, "webhook", origin),
    )


def _table(data: Mapping[str, Any], key: str, origin: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: {key} must be a table, e.g. [{key}]")
    return value


def _only(table: Mapping[str, Any], allowed: set[str], origin: str, where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(f"{origin}: {where} has unknown key {unknown[0]!r}. Allowed: {', '.join(sorted(allowed))}")


def _number(table: Mapping[str, Any], key: str, default: float, origin: str, where: str, *,
            lower: float = 0, upper: float | None = None) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < lower or (
            upper is not None and value > upper):
        bounds = f"between {lower:g} and {upper:g}" if upper is not None else f"at least {lower:g}"
        raise ConfigError(f"{origin}: {where} {key} must be a number {bounds}, got {value!r}")
    return float(value)


def _optional_str(table: Mapping[str, Any], key: str, origin: str) -> str | None:
    value = table.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConfigError(f"{origin}: [alerts] {key} must be a non-empty string, got {value!r}")
    return value


def _check_timezone(name: str, origin: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"{origin}: [scheduler] unknown timezone {name!r}. Hint: UTC or Europe/London") from exc


def _groups(table: Mapping[str, Any], sources: Mapping[str, Any] | None, origin: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for name, members in table.items():
        if not isinstance(members, list) or not members or not all(isinstance(m, str) for m in members):
            raise ConfigError(f"{origin}: [groups] {name} must be a non-empty list of source names, got {members!r}")
        if sources is not None and name in sources:
            raise ConfigError(f"{origin}: [groups] {name} is also a source's name; rename the group")
        groups[name] = list(members)
    return groups


def _job(job_id: str, entry: Any, *, sources: Mapping[str, Any] | None, groups: Mapping[str, list[str]],
         timezone: str, origin: str) -> JobSpec:
    where = f"[jobs.{job_id}]"
    if not _JOB_ID.match(job_id):
        raise ConfigError(f"{origin}: bad job id {job_id!r}. Hint: letters, digits, '-', '_' or '.'")
    if not isinstance(entry, dict):
        raise ConfigError(f"{origin}: {where} must be a table with kind and cron")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise ConfigError(f"{origin}: {where} has kind {kind!r}. Available: {', '.join(KINDS)}")
    _only(entry, {"kind", "cron", *_PARAMS[kind]}, origin, where)
    cron = entry.get("cron")
    if not isinstance(cron, str):
        raise ConfigError(f"{origin}: {where} needs cron = \"minute hour day month weekday\", e.g. \"0 */6 * * *\"")
    try:
        parse_cron(cron, timezone=timezone)
    except ConfigError as exc:
        raise ConfigError(f"{origin}: {where} {exc}") from exc
    params = {key: entry.get(key, default) for key, default in _PARAMS[kind].items()}
    if kind == "crawl":
        params["sources"] = _job_sources(entry.get("sources"), sources=sources, groups=groups, where=where,
                                         origin=origin)
        if not isinstance(params["extract"], bool):
            raise ConfigError(f"{origin}: {where} extract must be true or false")
        if params["timeout"] is not None:
            params["timeout"] = _number(params, "timeout", 0, origin, where, lower=1)
    elif kind == "report":
        if params["period"] not in PERIODS:
            raise ConfigError(f"{origin}: {where} period must be one of {', '.join(PERIODS)}, "
                              f"got {params['period']!r}")
        params["lookback"] = int(_number(params, "lookback", 12, origin, where, lower=1))
    elif kind == "housekeeping":
        for key in ("compress_logs_after_days", "keep_logs_days"):
            params[key] = _number(params, key, 0, origin, where, lower=0)
    return JobSpec(id=job_id, kind=kind, cron=cron, params=params)


def _job_sources(value: Any, *, sources: Mapping[str, Any] | None, groups: Mapping[str, list[str]], where: str,
                 origin: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{origin}: {where} sources must be a non-empty list of source or group names")
    if sources is None:
        raise ConfigError(f"{origin}: {where} crawls sources but no sources file was given. "
                          "Hint: set SKILLTRENDS_SOURCES or create ./sources.toml")
    names: list[str] = []
    for name in value:
        for member in groups.get(name, [name]):
            if member not in sources:
                choices = sorted(set(sources) | set(groups))
                raise ConfigError(f"{origin}: {where} unknown source {member!r}"
                                  f"{f' (in group {name!r})' if name in groups else ''}. "
                                  f"Available: {', '.join(choices) or '(the sources file lists none)'}")
            if member not in names:
                names.append(member)
    return names


def parse_cron(expr: str, *, timezone: str = "UTC") -> CronTrigger:
    """A CronTrigger from 5 crontab fields (minute hour day month weekday) or 6 (seconds first).

    Weekday numbers follow crontab (0 or 7 = Sunday), not APScheduler 3's own numbering (0 = Monday), see
    https://github.com/agronholm/apscheduler/issues/286 — so they are turned into names first.
    """
    fields = expr.split()
    if len(fields) not in (5, 6):
        raise ConfigError(f"bad cron {expr!r}: {len(fields)} fields. Hint: 5 fields 'minute hour day month weekday', "
                          "e.g. '0 */6 * * *' (a 6th, leading field is seconds: '*/10 * * * * *')")
    second = fields[0] if len(fields) == 6 else "0"
    minute, hour, day, month, weekday = fields[-5:]
    try:
        return CronTrigger(second=second, minute=minute, hour=hour, day=day, month=month,
                           day_of_week=_weekday_names(weekday), timezone=timezone)
    except ValueError as exc:
        raise ConfigError(f"bad cron {expr!r}: {exc}. Hint: e.g. '0 */6 * * *' or '30 3 * * sun'") from exc


def _weekday_names(field_text: str) -> str:
    def name(token: str) -> str:
        return _WEEKDAYS[int(token) % 7] if token.isdigit() and int(token) <= 7 else token

    parts = []
    for part in field_text.split(","):
        span, slash, step = part.partition("/")
        parts.append("-".join(name(t) for t in span.split("-")) + slash + step)
    return ",".join(parts)


def _job_options(spec: JobSpec, schedule: Schedule) -> dict[str, Any]:
    return {
        "func": JOB_FUNCTION, "trigger": parse_cron(spec.cron, timezone=schedule.timezone), "id": spec.id,
        "name": f"{spec.kind}: {spec.id}", "kwargs": {"spec": spec.to_dict()}, "max_instances": 1, "coalesce": True,
        "misfire_grace_time": schedule.misfire_grace_time, "replace_existing": True,
    }


def _open_store(engine: Engine, scheduler: BaseScheduler) -> SQLAlchemyJobStore:
    store = SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE)
    store.start(scheduler, "default")
    return store


def build_scheduler(engine: Engine, schedule: Schedule, *, blocking: bool = True) -> BaseScheduler:
    """A BlockingScheduler whose job store holds exactly the schedule's jobs.

    A job whose cron did not change keeps its stored next run time, so a slot missed while the scheduler was down
    runs once at start (coalesced, within misfire_grace_time) instead of being skipped; jobs gone from the file are
    removed.
    """
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = (BlockingScheduler if blocking else BackgroundScheduler)(
        timezone=schedule.timezone,
        jobstores={"default": SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE)},
        executors={"default": {"type": "threadpool", "max_workers": schedule.max_workers}},
    )
    store = _open_store(engine, scheduler)
    existing = {job.id: job for job in store.get_all_jobs()}
    wanted = {spec.id for spec in schedule.jobs}
    for job_id in sorted(set(existing) - wanted):
        store.remove_job(job_id)
    for spec in schedule.jobs:
        options = _job_options(spec, schedule)
        old = existing.get(spec.id)
        if old is not None and str(old.trigger) == str(options["trigger"]):
            options["next_run_time"] = old.next_run_time  # None keeps a paused job paused
        scheduler.add_job(**options)
    return scheduler


def stored_jobs(engine: Engine) -> list[Any]:
    """The jobs a scheduler stored in the database (APScheduler Job objects), by next run time."""
    scheduler = BlockingScheduler(timezone="UTC")
    return list(_open_store(engine, scheduler).get_all_jobs())


def next_run_times(engine: Engine, schedule: Schedule | None, *, now: datetime | None = None
                   ) -> list[dict[str, Any]]:
    """Per job: id, kind, cron, next run (stored by the scheduler, else computed from the cron) and whether it is
    stored; jobs in the store but not in the schedule file are listed as `stale`."""
    now = now or datetime.now(UTC)
    stored = {job.id: job for job in stored_jobs(engine)}
    rows: list[dict[str, Any]] = []
    for spec in schedule.jobs if schedule else ():
        job = stored.get(spec.id)
        nxt = job.next_run_time if job is not None else parse_cron(
            spec.cron, timezone=schedule.timezone if schedule else "UTC").get_next_fire_time(None, now)
        rows.append({"id": spec.id, "kind": spec.kind, "cron": spec.cron, "next_run": nxt,
                     "stored": job is not None, "sources": spec.params.get("sources")})
    for job_id, job in stored.items():
        if schedule is None or job_id not in {s.id for s in schedule.jobs}:
            spec = job.kwargs.get("spec", {})
            rows.append({"id": job_id, "kind": spec.get("kind"), "cron": spec.get("cron"),
                         "next_run": job.next_run_time, "stored": True, "stale": schedule is not None,
                         "sources": spec.get("params", {}).get("sources")})
    return rows
