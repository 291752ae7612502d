"""The only module that chains stages: crawl -> store -> extract -> aggregate -> report.

Used by cli.py and scheduler.py; each function takes what it needs (an Engine, a Path, an nlp) and returns plain data.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import Engine, delete, insert, or_, select

from skilltrends.aggregate.trends import Filters
from skilltrends.config import Settings
from skilltrends.crawl.run import CrawlResult, crawler_user_agent, run_spider
from skilltrends.models import Posting
from skilltrends.report.sections import item_labels
from skilltrends.report.sections import report_items as all_report_items
from skilltrends.report.write import HEADLINE, ReportMeta, collect_report, headline, write_report
from skilltrends.sources import TARGET_ARG, spider_arguments
from skilltrends.store.dedupe import dedupe_postings
from skilltrends.store.load import save_extractions
from skilltrends.store.read import read_store
from skilltrends.store.tables import PostingRow, SkillRow

__all__ = [
    "PipelineResult",
    "run_pipeline",
    "crawl",
    "extract_pending",
    "sync_skills",
    "build_report",
    "run_demo",
    "process_new_postings",
    "pending_extraction",
    "Explanation",
    "explain_posting",
]

Progress = Callable[[str], None]

def _noop(_: str) -> None:
    return None


def crawl(
    settings: Settings, engine: Engine, spider: str, *, arguments: Mapping[str, str], timeout: float | None = None,
    jobdir: Path | None = None, http_cache: bool = False,
) -> CrawlResult:
    """Run one spider into the store (a child process); returns what the run recorded."""
    return run_spider(
        spider, engine=engine, database_url=settings.database_url, home=settings.home.resolve(),
        arguments=dict(arguments), timeout=timeout, jobdir=jobdir, http_cache=http_cache,
        user_agent=crawler_user_agent(settings.user_agent, contact_url=settings.contact_url),
    )


def sync_skills(engine: Engine, taxonomy: Any) -> int:
    """Replace the skills table with the taxonomy's skills (id, name, category, groups, version)."""
    groups_of: dict[str, list[str]] = {}
    for group, members in taxonomy.groups.items():
        for skill_id in members:
            groups_of.setdefault(skill_id, []).append(group)
    rows = [
        {"id": s.id, "name": s.name, "category": s.category, "groups": sorted(groups_of.get(s.id, [])),
         "taxonomy_version": taxonomy.version}
        for s in taxonomy.skills.values()
    ]
    with engine.begin() as conn:
        conn.execute(delete(SkillRow))
        conn.execute(insert(SkillRow), rows)
    return len(rows)


# Postings never tagged, or whose content changed since they were.
_PENDING = or_(PostingRow.extracted_hash.is_(None), PostingRow.extracted_hash != PostingRow.content_hash)


def pending_extraction(engine: Engine) -> bool:
    """Is any posting new or changed since its last tagging?"""
    with engine.connect() as conn:
        return conn.scalar(select(PostingRow.id).where(_PENDING).limit(1)) is not None


def process_new_postings(
    engine: Engine, *, reprocess: bool = False, workers: int = 1, progress: Progress = _noop
) -> int:
    """What follows every crawl: link duplicate copies, sync the taxonomy, tag new or changed postings."""
    from skilltrends.extract import build_nlp, load_taxonomy

    counts = dedupe_postings(engine)
    progress(f"dedup: {counts.unique} unique of {counts.postings} postings")
    progress("extracting skills")
    sync_skills(engine, load_taxonomy())
    return extract_pending(engine, build_nlp(), reprocess=reprocess, workers=workers, progress=progress)


def extract_pending(
    engine: Engine,
    nlp: Any,
    *,
    reprocess: bool = False,
    batch: int = 500,
    workers: int = 1,
    progress: Progress = _noop,
) -> int:
    """Tag postings that are new or changed since their last extraction (all of them with `reprocess`)."""
    from skilltrends.extract import ExtractionPool

    if workers <= 1:
        return _extract_batches(engine, nlp, reprocess=reprocess, batch=batch, pool=None, progress=progress)
    with ExtractionPool(nlp, workers=workers) as pool:  # one pool for all batches: starting one costs ~0.2 s
        return _extract_batches(engine, nlp, reprocess=reprocess, batch=batch, pool=pool, progress=progress)


def _extract_batches(
    engine: Engine, nlp: Any, *, reprocess: bool, batch: int, pool: Any, progress: Progress
) -> int:
    from skilltrends.extract import EXTRACTOR_VERSION, extract_postings

    condition = PostingRow.id.is_not(None) if reprocess else _PENDING
    done, last_id = 0, 0
    while True:
        with engine.connect() as conn:
            rows = conn.execute(
                select(*_EXTRACT_COLUMNS).where(condition, PostingRow.id > last_id).order_by(PostingRow.id)
                .limit(batch)
            ).all()
        if not rows:
            return done
        postings = [_posting_from_row(row) for row in rows]
        extractions = list(extract_postings(nlp, (p.description for p in postings), pool=pool))
        results = [(row.id, row.content_hash, ex, p) for row, ex, p in zip(rows, extractions, postings, strict=True)]
        done += save_extractions(engine, results, version=EXTRACTOR_VERSION)
        last_id = rows[-1].id
        progress(f"extracted {done} postings")


# What tagging reads: not the raw payload, the largest column.
_EXTRACT_COLUMNS = (
    PostingRow.id, PostingRow.content_hash, PostingRow.source, PostingRow.external_id, PostingRow.url,
    PostingRow.title, PostingRow.description, PostingRow.salary_min, PostingRow.salary_max,
    PostingRow.salary_currency, PostingRow.salary_period,
)


def _posting_from_row(row: Any) -> Posting:
    return Posting(
        source=row.source, external_id=row.external_id, url=row.url, title=row.title, description=row.description,
        salary_min=row.salary_min, salary_max=row.salary_max, salary_currency=row.salary_currency,
        salary_period=row.salary_period,
    )


@dataclass(frozen=True, slots=True)
class Explanation:
    """A stored posting with its tags, for `skilltrends explain`."""

    posting_id: int
    title: str
    company: str | None
    url: str
    description: str
    mentions: list[dict[str, Any]]
    requirements: dict[str, Any] | None
    extractor_version: str | None


def explain_posting(engine: Engine, posting_id: int) -> Explanation:
    """The posting and every stored mention (offsets into its description), with degree, years and pay."""
    from skilltrends.errors import StoreError
    from skilltrends.store.tables import PostingRequirement, PostingSkill

    with engine.connect() as conn:
        row = conn.execute(select(PostingRow).where(PostingRow.id == posting_id)).one_or_none()
        if row is None:
            raise StoreError(
                f"No posting with id {posting_id}. Hint: skilltrends query \"select id, title from postings\""
            )
        mentions = conn.execute(
            select(PostingSkill.skill_id, PostingSkill.requirement, PostingSkill.start, PostingSkill.end,
                   PostingSkill.text, SkillRow.name, SkillRow.category)
            .join(SkillRow, SkillRow.id == PostingSkill.skill_id, isouter=True)
            .where(PostingSkill.posting_id == posting_id).order_by(PostingSkill.start)
        ).mappings().all()
        req = conn.execute(
            select(PostingRequirement.__table__).where(PostingRequirement.posting_id == posting_id)
        ).mappings().one_or_none()
    requirements = dict(req) if req is not None else None
    return Explanation(posting_id=row.id, title=row.title, company=row.company, url=row.url,
                       description=row.description, mentions=[dict(m) for m in mentions],
                       requirements=requirements, extractor_version=row.extractor_version)


def build_report(
    engine: Engine,
    *,
    out_dir: Path,
    name: str,
    period: str = "month",
    families: Sequence[str] | None = ("ml_engineer", "mlops_engineer"),
    since: datetime | None = None,
    until: datetime | None = None,
    items: Mapping[str, Sequence[str]] | None = None,
    filters: Filters | None = None,
    taxonomy: Any | None = None,
    cache_dir: Path | None = None,
    progress: Progress = _noop,
) -> tuple[Path, pl.DataFrame]:
    """Aggregate the store and write the report into out_dir/name; returns report.md's path and the headline table.

    `filters` replaces `families`, `since` and `until`. `items` (item -> skill ids) defaults to every skill and
    report group of the taxonomy. `cache_dir` keeps a columnar copy of the mentions there (store/read.py).
    """
    if taxonomy is None:
        from skilltrends.extract import load_taxonomy

        taxonomy = load_taxonomy()
    filters = filters or Filters(families=families or (), since=since, until=until)
    names = {skill_id: skill.name for skill_id, skill in taxonomy.skills.items()}
    items = dict(items) if items is not None else all_report_items(list(taxonomy.skills), taxonomy.groups)
    progress("reading the store")
    store = read_store(engine, cache_dir=cache_dir, progress=progress)
    progress(f"aggregating ({store.method})")
    frames = collect_report(store.postings, store.mentions, items=items, period=period, filters=filters)
    versions = frames["extractor_versions"]["extractor_version"].drop_nulls().to_list()
    meta = ReportMeta(
        name=name, period=period, filters=filters.describe(), items=items, labels=item_labels(items, names),
        extractor_version=", ".join(sorted(versions)) or "none", taxonomy_version=str(taxonomy.version),
        sources=sorted(frames["coverage"]["source"].drop_nulls().unique().to_list()), read_method=store.method,
    )
    path = write_report(frames, out_dir=out_dir / name, meta=meta, progress=progress)
    shares = frames["shares"].filter(pl.col("item").is_in(list(HEADLINE)))
    return path, headline(shares)


@dataclass(frozen=True, slots=True)
class PipelineResult:
    report: Path
    headline: pl.DataFrame
    crawls: list[CrawlResult]
    extracted: int


def run_pipeline(
    settings: Settings,
    engine: Engine,
    sources: Mapping[str, Mapping[str, list[str] | str]],
    *,
    report_name: str,
    base_url: str | None = None,
    parallel: int = 2,
    progress: Progress = _noop,
) -> PipelineResult:
    """Crawl every source, tag what is new or changed, and write a report: the whole pipeline once."""

    def one(spider: str, entry: Mapping[str, list[str] | str]) -> CrawlResult:
        arguments = spider_arguments(dict(entry))
        if base_url and "base_url" not in arguments:
            arguments["base_url"] = base_url
        progress(f"crawling {spider}: {arguments.get(TARGET_ARG.get(spider, ''), '')[:80]}")
        result = crawl(settings, engine, spider, arguments=arguments)
        progress(f"  {spider}: {result.status}, {result.new} new, {result.updated} updated, "
                 f"{result.unchanged} unchanged, {result.dropped} dropped")
        return result

    # Each crawl is its own child process reaching its own host, so they can overlap; the store's batches
    # are short transactions (SQLite WAL + busy timeout), so concurrent writers queue rather than fail.
    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        crawls = list(pool.map(lambda item: one(*item), sources.items()))
    extracted = process_new_postings(engine, progress=progress)
    progress("writing the report")
    path, table = build_report(engine, out_dir=settings.reports_dir, name=report_name,
                               cache_dir=settings.columnar_dir)
    return PipelineResult(report=path, headline=table, crawls=crawls, extracted=extracted)


# The sample market names its targets by kind; the spider that crawls each kind.
_SAMPLE_SPIDERS = {"greenhouse": "greenhouse", "lever": "lever", "ashby": "ashby", "sitemap": "jobposting", "hn": "hn"}


@contextmanager
def sample_board(home: Path, *, seed: int = 7) -> Iterator[tuple[str, dict[str, dict[str, list[str] | str]]]]:
    """Write the sample job market under home/sample (once per seed) and serve it on 127.0.0.1.

    Yields the base URL and the sources (spider -> arguments) the sample serves, for the spiders that exist.
    """
    from skilltrends.crawl.run import spider_names
    from skilltrends.sample import generate_market, market_sources, serve_market, write_market

    directory = home / "sample" / f"seed-{seed}"
    if not (directory / "manifest.json").exists():
        partial = directory.with_name(directory.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        write_market(generate_market(seed=seed), partial)
        shutil.rmtree(directory, ignore_errors=True)
        partial.rename(directory)  # atomic: a killed demo never leaves half a market behind
    available = set(spider_names())
    with serve_market(directory) as base_url:
        sources: dict[str, dict[str, list[str] | str]] = {}
        for kind, targets in market_sources(directory).items():
            spider = _SAMPLE_SPIDERS.get(kind)
            if spider in available and targets:
                sources[spider] = {TARGET_ARG[spider]: list(targets)}
        yield base_url, sources


def run_demo(settings: Settings, engine: Engine, *, seed: int = 7, progress: Progress = _noop) -> PipelineResult:
    """Serve the sample market, run the whole pipeline on it, stop the server."""
    with sample_board(settings.home, seed=seed) as (base_url, sources):
        progress(f"sample job board serving at {base_url}")
        return run_pipeline(settings, engine, sources, report_name="demo", base_url=base_url, progress=progress)
