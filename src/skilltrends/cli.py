"""The `skilltrends` command line: one command per stage, each a thin call into workflow/."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from skilltrends.config import Settings, load_settings
from skilltrends.errors import ConfigError, SkillTrendsError

if TYPE_CHECKING:
    from sqlalchemy import Engine

__all__ = ["cli"]


class Cli(click.Group):
    """Turns SkillTrendsError into one clear line and exit code 1; any other exception is a bug."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SkillTrendsError as exc:
            raise click.ClickException(str(exc)) from exc


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.ensure_object(dict).setdefault("settings", load_settings())
    return settings


def _engine(settings: Settings) -> Any:
    from skilltrends.store.db import make_engine

    return make_engine(settings.database_url)


def _progress(message: str) -> None:
    click.echo(f"[{time.strftime('%H:%M:%S')}] {message}", err=True)


def _month(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d" if value.count("-") == 2 else "%Y-%m")
    except ValueError as exc:
        raise ConfigError(f"Bad date {value!r}. Hint: use YYYY-MM or YYYY-MM-DD") from exc


def _after(value: str | None) -> datetime | None:
    """The exclusive end just after an inclusive YYYY-MM (next month's first day) or YYYY-MM-DD (next day)."""
    start = _month(value)
    if start is None or value is None:
        return None
    if value.count("-") == 2:
        return start + timedelta(days=1)
    return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)


@click.group(cls=Cli)
@click.version_option(package_name="skilltrends")
def cli() -> None:
    """Which skills employers ask of Machine Learning Engineers, and how that demand moves.

    Settings come from SKILLTRENDS_* environment variables: SKILLTRENDS_HOME (default ./data),
    SKILLTRENDS_DATABASE_URL (default sqlite:///data/skilltrends.sqlite), SKILLTRENDS_REPORTS_DIR (./reports).

    \b
    Example:
        skilltrends demo
    """


@cli.command()
@click.option("--seed", default=7, show_default=True, help="Seed of the sample job market.")
@click.pass_context
def demo(ctx: click.Context, seed: int) -> None:
    """Serve the bundled sample job board on 127.0.0.1, crawl it, extract skills and write a report.

    \b
    Example:
        skilltrends demo
    """
    from skilltrends.workflow import run_demo

    settings = _settings(ctx)
    started = time.monotonic()
    result = run_demo(settings, _engine(settings), seed=seed, progress=_progress)
    click.echo(f"Report: {result.report}  ({result.extracted} postings tagged in {time.monotonic() - started:.0f} s)")
    for row in result.headline.iter_rows(named=True):
        click.echo(f"  {row['item']:<12} {row['period']}  {100 * row['share']:5.1f}%  "
                   f"[{100 * row['ci_low']:.1f}–{100 * row['ci_high']:.1f}]  n={row['postings']}")


# --- operations (issue 7): schedule, status, logs ------------------------------------------------------------------


def _schedule(settings: Settings, path: Path | None) -> Any:
    from skilltrends.ops.schedule import load_schedule_for

    return load_schedule_for(path or settings.schedule_file or Path("schedule.toml"),
                             sources_file=settings.sources_file or Path("sources.toml"))


_SCHEDULE_OPTION = click.option(
    "--schedule", "schedule_path", type=click.Path(path_type=Path),
    help="The schedule file (default: SKILLTRENDS_SCHEDULE, else ./schedule.toml).")


@cli.group()
def schedule() -> None:
    """Run crawls, extraction, reports and housekeeping on a schedule (APScheduler; jobs kept in the database).

    \b
    Example:
        skilltrends schedule list
        skilltrends schedule run --schedule schedule.toml
        skilltrends schedule run-now crawl-boards
    """


@schedule.command("run")
@_SCHEDULE_OPTION
@click.pass_context
def schedule_run(ctx: click.Context, schedule_path: Path | None) -> None:
    """Start the scheduler; it runs until SIGTERM or Ctrl-C, then stops cleanly.

    \b
    Example:
        skilltrends schedule run --schedule schedule.toml
    """
    from skilltrends.ops.logs import configure_logging
    from skilltrends.ops.runner import run_scheduler

    settings = _settings(ctx)
    plan = _schedule(settings, schedule_path)
    configure_logging(settings.home)
    run_scheduler(settings, plan)


@schedule.command("list")
@_SCHEDULE_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def schedule_list(ctx: click.Context, schedule_path: Path | None, as_json: bool) -> None:
    """List the jobs and their next run times.

    \b
    Example:
        skilltrends schedule list
    """
    import json

    from skilltrends.ops.schedule import next_run_times

    settings = _settings(ctx)
    rows = next_run_times(_engine(settings), _schedule(settings, schedule_path))
    if as_json:
        click.echo(json.dumps(rows, default=str, indent=2))
        return
    for row in rows:
        note = " (stale: removed at the next start)" if row.get("stale") else (
            "" if row["stored"] else " (computed: the scheduler has not stored it yet)")
        sources = f"  sources: {', '.join(row['sources'])}" if row.get("sources") else ""
        click.echo(f"{row['id']:<24} {row['kind'] or '?':<12} {row['cron'] or '':<16} next {row['next_run']}"
                   f"{note}{sources}")


@schedule.command("run-now")
@click.argument("job_id")
@_SCHEDULE_OPTION
@click.pass_context
def schedule_run_now(ctx: click.Context, job_id: str, schedule_path: Path | None) -> None:
    """Run one job of the schedule now, in this process; exit code 1 if it fails.

    \b
    Example:
        skilltrends schedule run-now report-weekly
    """
    from skilltrends.errors import CrawlError
    from skilltrends.ops.jobs import Runtime, execute_job
    from skilltrends.ops.logs import configure_logging

    settings = _settings(ctx)
    plan = _schedule(settings, schedule_path)
    spec = plan.job(job_id)
    configure_logging(None)
    outcome = execute_job(Runtime.create(settings, plan), spec, trigger="run-now")
    click.echo(f"job {job_id}: {outcome.status}" + (f" (job run {outcome.job_run_id}, log {outcome.log})"
                                                     if outcome.job_run_id else ""))
    if outcome.status != "ok":
        raise CrawlError(f"job {job_id} {outcome.status}: {outcome.message}")


@cli.command()
@_SCHEDULE_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON (for machines).")
@click.option("--runs", default=5, show_default=True, help="Crawl runs to show per source.")
@click.option("--stale-after", default=48.0, show_default=True, help="Hours without a posting seen: unhealthy.")
@click.pass_context
def status(ctx: click.Context, schedule_path: Path | None, as_json: bool, runs: int, stale_after: float) -> None:
    """Show the last crawl runs per source, next runs, database counts and data freshness.

    Exit code 0 when healthy, 2 when something is unhealthy (the problems are listed), 1 on a usage error.

    \b
    Example:
        skilltrends status
        skilltrends status --json || notify-me
    """
    import json
    from datetime import timedelta

    from skilltrends.ops.status import StatusLimits, collect_status, render_status

    settings = _settings(ctx)
    path = schedule_path or settings.schedule_file or Path("schedule.toml")
    plan = _schedule(settings, path) if schedule_path or path.exists() else None
    report = collect_status(_engine(settings), schedule=plan, runs=runs,
                            limits=StatusLimits(stale_after=timedelta(hours=stale_after)))
    click.echo(json.dumps(report, indent=2) if as_json else render_status(report))
    if not report["healthy"]:
        ctx.exit(2)


@cli.command()
@click.argument("run_id", type=int)
@click.option("--job", is_flag=True, help="RUN_ID is a job run (from `status`), not a crawl run.")
@click.option("--tail", type=int, help="Only the last N lines.")
@click.pass_context
def logs(ctx: click.Context, run_id: int, job: bool, tail: int | None) -> None:
    """Print the log of a crawl run (or, with --job, of a scheduled job run).

    \b
    Example:
        skilltrends logs 42
        skilltrends logs --job 7 --tail 50
    """
    from skilltrends.ops.logs import crawl_log_path, job_log_path, read_log

    home = _settings(ctx).home
    text = read_log(job_log_path(home, run_id) if job else crawl_log_path(home, run_id))
    lines = text.splitlines()
    click.echo("\n".join(lines[-tail:] if tail else lines))

# --- end of operations commands ---------------------------------------------------------------------------

@cli.command()
def spiders() -> None:
    """List the spiders.

    \b
    Example:
        skilltrends spiders
    """
    from skilltrends.crawl.run import spider_names

    for name in spider_names():
        click.echo(name)


@cli.command(context_settings={"ignore_unknown_options": False})
@click.argument("spider", required=False)
@click.option("--all", "crawl_all", is_flag=True, help="Crawl every source of the sources file, one after another.")
@click.option("--sources", "sources_path", type=click.Path(path_type=Path),
              help="Sources file for --all (default: SKILLTRENDS_SOURCES or ./sources.toml).")
@click.option("--base-url", help="Serve from this base URL instead of the real endpoint (mirrors, tests).")
@click.option("-a", "args", multiple=True, metavar="NAME=VALUE", help="Spider argument, e.g. -a boards=acme,globex.")
@click.option("--timeout", type=float, help="Kill the crawl after this many seconds.")
@click.option("--jobdir", type=click.Path(path_type=Path),
              help="Keep the crawl's queue here: stop it with one Ctrl-C, run the same command to resume.")
@click.option("--http-cache", is_flag=True, help="Replay cached responses instead of asking the boards (development).")
@click.pass_context
def crawl(ctx: click.Context, spider: str | None, crawl_all: bool, sources_path: Path | None, base_url: str | None,
          args: tuple[str, ...], timeout: float | None, jobdir: Path | None, http_cache: bool) -> None:
    """Crawl one source (SPIDER with -a arguments), or every source of the sources file (--all), into the store.

    Exits non-zero, with the reason, when a crawl fails or some of its targets fail.

    \b
    Example:
        skilltrends crawl greenhouse -a boards=huggingface,anthropic
        skilltrends crawl hn -a months=2019-01..2024-12
        skilltrends crawl --all --sources sources.toml
    """
    from skilltrends.errors import CrawlError
    from skilltrends.workflow import crawl as run_crawl

    settings = _settings(ctx)
    plan = _crawl_plan(settings, spider, crawl_all, sources_path, dict(_pair(a) for a in args), base_url)
    engine = _engine(settings)
    failures = []
    for name, arguments in plan:
        _progress(f"crawling {name} {arguments}")
        result = run_crawl(settings, engine, name, arguments=arguments, timeout=timeout,
                           jobdir=jobdir / name if jobdir and len(plan) > 1 else jobdir, http_cache=http_cache)
        click.echo(f"run {result.run_id} {name}: {result.status}; {result.new} new, {result.updated} updated, "
                   f"{result.unchanged} unchanged, {result.dropped} dropped; log {result.log}")
        if result.status != "ok":
            failures.append(
                f"crawl {result.run_id} of {name} {result.status}: {result.message}. Hint: see {result.log}"
            )
    if failures:
        raise CrawlError("\n".join(failures))


def _crawl_plan(settings: Settings, spider: str | None, crawl_all: bool, sources_path: Path | None,
                arguments: dict[str, str], base_url: str | None) -> list[tuple[str, dict[str, str]]]:
    """(spider, arguments) of each crawl asked for: one spider, or every source of the sources file."""
    from skilltrends.sources import load_sources, spider_arguments

    if crawl_all == (spider is not None):
        raise ConfigError("Give a SPIDER or --all, not both. Hint: skilltrends crawl greenhouse -a boards=acme")
    if crawl_all:
        sources = load_sources(sources_path or settings.sources_file or Path("sources.toml"))
        plan = [(name, spider_arguments(entry) | arguments) for name, entry in sources.items()]
    else:
        plan = [(str(spider), arguments)]
    return [(name, args | {"base_url": base_url} if base_url else args) for name, args in plan]


@cli.command()
@click.option("--sources", "sources_path", type=click.Path(path_type=Path),
              help="Sources file (default: SKILLTRENDS_SOURCES or ./sources.toml).")
@click.pass_context
def sources(ctx: click.Context, sources_path: Path | None) -> None:
    """List the sources file's boards per spider (checking every entry).

    \b
    Example:
        skilltrends sources --sources sources.example.toml
    """
    from skilltrends.sources import load_sources

    settings = _settings(ctx)
    for name, entry in load_sources(sources_path or settings.sources_file or Path("sources.toml")).items():
        described = "; ".join(f"{key}: {', '.join(v) if isinstance(v, list) else v}" for key, v in entry.items())
        click.echo(f"{name:<11} {described}")


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise ConfigError(f"Bad spider argument {text!r}. Hint: -a name=value")
    return name.strip(), value.strip()


@cli.command()
@click.option("--reprocess", is_flag=True, help="Re-tag every stored posting (after a taxonomy change).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes to tag with.")
@click.pass_context
def extract(ctx: click.Context, reprocess: bool, workers: int) -> None:
    """Tag skills, degrees, experience and pay in new or changed postings (after linking duplicate copies).

    \b
    Example:
        skilltrends extract
        skilltrends extract --reprocess
    """
    from skilltrends.workflow import process_new_postings

    count = process_new_postings(_engine(_settings(ctx)), reprocess=reprocess, workers=workers, progress=_progress)
    click.echo(f"{count} postings tagged")


@cli.command()
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write one result line per input line.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes to tag with.")
def tag(input_path: Path, output_path: Path, workers: int) -> None:
    """Tag any corpus: read JSON lines with `id` and `text` (plain text or HTML; `title` optional).

    Writes one line each: id, skills [{skill, category, requirement, start, end, text}], degree {min_level, fields,
    equivalent_experience_ok}, years_min, years_max, salary {min, max, currency, period} (null where absent).
    Offsets index the text as given; for HTML they index the cleaned text, which the line carries as clean_text.
    A bad line becomes {"line": N, "error": ...} and the others are still tagged.

    \b
    Example:
        skilltrends tag postings.jsonl -o tagged.jsonl --workers 2
    """
    from skilltrends.extract import build_nlp
    from skilltrends.extract.batch import tag_jsonl

    stats = tag_jsonl(input_path, output_path, nlp=build_nlp(), workers=workers)
    click.echo(f"{stats.tagged} postings tagged, {stats.mentions} mentions, {stats.errors} bad lines "
               f"of {stats.lines}; wrote {output_path}")


@cli.command()
@click.argument("posting_id", type=int)
@click.pass_context
def explain(ctx: click.Context, posting_id: int) -> None:
    """Print a stored posting with its tagged skills highlighted, their requirement levels, degree, years and pay.

    Required skills are shown in bold green, preferred ones in yellow.

    \b
    Example:
        skilltrends explain 42
    """
    from skilltrends.workflow import explain_posting

    found = explain_posting(_engine(_settings(ctx)), posting_id)
    click.echo(click.style(f"{found.title} — {found.company or '?'}", bold=True) + f"\n{found.url}\n")
    text, cursor, parts = found.description, 0, []
    for m in found.mentions:
        if m["start"] < cursor:
            continue
        parts.append(text[cursor:m["start"]])
        colour = {"fg": "green", "bold": True} if m["requirement"] == "required" else {"fg": "yellow"}
        parts.append(click.style(text[m["start"]:m["end"]], **colour) + click.style(f"[{m['skill_id']}]", dim=True))
        cursor = m["end"]
    click.echo("".join(parts) + text[cursor:] + "\n")
    for m in found.mentions:
        click.echo(f"  {m['start']:>6}-{m['end']:<6} {m['requirement']:<9} {m['name'] or m['skill_id']:<28} "
                   f"{m['category'] or '':<22} {m['text']!r}")
    req = found.requirements or {}
    click.echo(f"\n  degree: {req.get('degree_min')} {req.get('degree_fields') or ''}"
               f"{' (or equivalent experience)' if req.get('equivalent_experience_ok') else ''}")
    click.echo(f"  years: {req.get('years_min')}–{req.get('years_max')}")
    click.echo(f"  pay: {req.get('pay_min')}–{req.get('pay_max')} {req.get('pay_currency')} per {req.get('pay_period')}"
               f" ({req.get('pay_source')})")
    click.echo(f"  extractor: {found.extractor_version}")


@cli.command()
@click.option("--name", default=None, help="Report folder name under the reports directory (default: PERIOD-DATE).")
@click.option("--period", type=click.Choice(["week", "month", "quarter", "year"]), default="month", show_default=True)
@click.option("--since", help="First month (or day) counted, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", help="Last month (or day) counted, inclusive: YYYY-MM or YYYY-MM-DD.")
@click.option("--family", "families", multiple=True, metavar="FAMILY",
              help="Role family to count (repeatable). Default: ml_engineer and mlops_engineer.")
@click.option("--all-roles", is_flag=True, help="Count every role family, not only ML engineering.")
@click.option("--seniority", multiple=True, help="Only these seniority levels (repeatable), e.g. senior.")
@click.option("--country", "countries", multiple=True, help="Only postings in these countries (ISO code, repeatable).")
@click.option("--remote", is_flag=True, help="Only remote postings.")
@click.option("--source", "sources", multiple=True, help="Only postings from these sources (repeatable).")
@click.option("--company", "companies", multiple=True, help="Only postings of these companies (repeatable).")
@click.option("--no-cache", is_flag=True, help="Read every mention from the store, not the columnar copy.")
@click.pass_context
def report(ctx: click.Context, name: str | None, period: str, since: str | None, until: str | None,
           families: tuple[str, ...], all_roles: bool, seniority: tuple[str, ...], countries: tuple[str, ...],
           remote: bool, sources: tuple[str, ...], companies: tuple[str, ...], no_cache: bool) -> None:
    """Write a trend report from the store: report.md, report.html, charts, CSV/Parquet tables, summary.json.

    Shares of postings per period for every skill and report group with 95% intervals, changes with tests,
    degrees, co-occurrence, pay and coverage. Also updates index.html in the reports directory.

    \b
    Example:
        skilltrends report --period month --since 2023-01 --until 2026-10 --name monthly
        skilltrends report --period quarter --country US --remote --seniority senior
    """
    from skilltrends.aggregate.trends import ML_FAMILIES, Filters
    from skilltrends.workflow import build_report

    settings = _settings(ctx)
    name = name or f"{period}-{datetime.now():%Y-%m-%d}"
    filters = Filters(
        families=() if all_roles else (families or ML_FAMILIES), seniority=seniority, countries=countries,
        remote=remote, sources=sources, companies=companies, since=_month(since), until=_after(until),
    )
    started = time.monotonic()
    path, table = build_report(
        _engine(settings), out_dir=Path(settings.reports_dir), name=name, period=period, filters=filters,
        cache_dir=None if no_cache else settings.columnar_dir, progress=_progress,
    )
    click.echo(f"Report: {path}  (and report.html; {time.monotonic() - started:.1f} s)")
    for row in table.iter_rows(named=True):
        if row["share"] is not None:
            click.echo(f"  {row['item']:<12} {row['period']}  {100 * row['share']:5.1f}%  "
                       f"[{100 * row['ci_low']:.1f}–{100 * row['ci_high']:.1f}]  n={row['postings']}")


@contextmanager
def _store(ctx: click.Context, *, read_only: bool = False, create: bool = True) -> Iterator[Engine]:
    """An engine on the store for one command, closed after it (read-only for analyst commands)."""
    from skilltrends.store.db import make_engine, make_readonly_engine

    url = _settings(ctx).database_url
    engine = make_readonly_engine(url) if read_only else make_engine(url, create=create)
    try:
        yield engine
    finally:
        engine.dispose()


@cli.group()
def db() -> None:
    """The SQL store: migrate it, check it, link duplicate postings.

    \b
    Example:
        skilltrends db upgrade
        skilltrends db check
        skilltrends db dedupe
    """


@db.command("upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Create the store, or migrate it to the newest schema (keeps data; also done on first use).

    \b
    Example:
        SKILLTRENDS_DATABASE_URL=postgresql+psycopg://me@db/skilltrends skilltrends db upgrade
    """
    from skilltrends.store.migrate import HEAD, upgrade_db

    with _store(ctx, create=False) as engine:
        before = upgrade_db(engine)
    click.echo(f"store at revision {HEAD}" + ("" if before == HEAD else f" (was {before or 'empty'})"))


@db.command("check")
@click.pass_context
def db_check(ctx: click.Context) -> None:
    """Verify the store's integrity and print what it holds; exit 1 on a problem.

    \b
    Example:
        skilltrends db check
    """
    from skilltrends.errors import StoreError
    from skilltrends.store.check import check_store

    with _store(ctx) as engine:
        result = check_store(engine)
    click.echo(f"revision {result.revision}")
    for name, count in result.counts.items():
        click.echo(f"  {name:<36} {count:>10}")
    for warning in result.warnings:
        click.echo(f"warning: {warning}")
    if not result.ok:
        raise StoreError(f"{len(result.problems)} problem(s): {'; '.join(result.problems)}. "
                         "Hint: re-run `skilltrends db dedupe` / `skilltrends extract`, or restore a backup")
    click.echo("ok")


@db.command("dedupe")
@click.option("--window-days", default=60, show_default=True, help="Copies are dated at most this far apart.")
@click.option("--min-overlap", default=0.8, show_default=True, help="Description overlap (0-1) copies need.")
@click.pass_context
def db_dedupe(ctx: click.Context, window_days: int, min_overlap: float) -> None:
    """Link copies of one job (other boards, reposts) to a canonical posting; the rule is in store/dedupe.py.

    \b
    Example:
        skilltrends db dedupe
    """
    from skilltrends.store.dedupe import dedupe_postings

    with _store(ctx) as engine:
        counts = dedupe_postings(engine, window_days=window_days, min_overlap=min_overlap)
    click.echo(f"{counts.postings} postings, {counts.unique} unique, {counts.duplicates} duplicate copies in "
               f"{counts.groups} groups ({counts.changed} links changed)")


@cli.command()
@click.argument("sql", required=False)
@click.option("-f", "--file", "sql_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from this file.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind :NAME in the query to VALUE (a string; CAST it in SQL for numbers).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "parquet"]), default="table",
              show_default=True)
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@click.pass_context
def query(ctx: click.Context, sql: str | None, sql_file: Path | None, params: tuple[str, ...], fmt: str,
          out: Path | None) -> None:
    """Run one read-only SQL query against the store (writes are refused; nothing changes).

    Views for analysts: unique_postings, unique_posting_skills, skill_group_members, monthly_skill_shares,
    monthly_skill_shares_ml (schemas/store.md documents every column).

    \b
    Example:
        skilltrends query "SELECT month, share FROM monthly_skill_shares_ml WHERE skill_id = 'pytorch'"
        skilltrends query -f q.sql -p skill=mlflow --format csv -o out.csv
    """
    from skilltrends.errors import QueryError
    from skilltrends.store.query import format_result, run_query, write_result

    if (sql is None) == (sql_file is None):
        raise QueryError("Give the query as an argument or with -f FILE (one of them). "
                         "Hint: skilltrends query \"SELECT COUNT(*) FROM unique_postings\"")
    statement = sql if sql is not None else sql_file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    bound = dict(_param(p) for p in params)
    with _store(ctx, read_only=True) as engine:
        result = run_query(engine, statement, bound)
    if out is not None:
        write_result(result, fmt, out)
        click.echo(f"{len(result.rows)} rows -> {out}", err=True)
    else:
        click.echo(format_result(result, fmt), nl=False)


def _param(text: str) -> tuple[str, str]:
    from skilltrends.errors import QueryError

    name, sep, value = text.partition("=")
    if not sep or not name.strip().isidentifier():
        raise QueryError(f"Bad parameter {text!r}. Hint: -p name=value, used in the SQL as :name")
    return name.strip(), value


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Output folder.")
@click.pass_context
def export(ctx: click.Context, fmt: str, out: Path) -> None:
    """Write the analyst views to files, one per view, for pandas, Polars or DuckDB.

    \b
    Example:
        skilltrends export --format parquet --out exports/
        duckdb -c "SELECT * FROM 'exports/monthly_skill_shares_ml.parquet' LIMIT 5"
    """
    from skilltrends.store.query import export_views

    with _store(ctx, read_only=True) as engine:
        written = export_views(engine, out, fmt=fmt)
    for view, rows in written.items():
        click.echo(f"{out / f'{view}.{fmt}'}  {rows} rows")
