"""Every spider against the bundled sample market (skilltrends.sample), checked against its ground truth."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from skilltrends.crawl.run import run_spider
from skilltrends.sample import Market, generate_market, market_sources, serve_market
from skilltrends.sources import TARGET_ARG
from skilltrends.store.db import make_engine
from skilltrends.store.tables import PostingRow

pytestmark = pytest.mark.slow

# Sample source kinds -> spiders ("jsonld" careers sites are reached through the "sitemap").
SPIDERS = {"greenhouse": "greenhouse", "lever": "lever", "ashby": "ashby", "sitemap": "jobposting", "hn": "hn"}
TRUTH_SOURCE = {"jobposting": "jsonld"}


@pytest.fixture(scope="module")
def market() -> Market:
    return generate_market(seed=11, first_month="2026-07", last_month="2026-09", mle_per_month=12)


@pytest.fixture(scope="module")
def crawled(market: Market, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, dict[str, str]]]:
    home = tmp_path_factory.mktemp("sample")
    engine = make_engine(f"sqlite:///{home / 'store.sqlite'}")
    statuses = {}
    with serve_market(market) as base_url:
        for kind, targets in market_sources(market).items():
            spider = SPIDERS.get(kind)
            if spider and targets:
                arguments = {"base_url": base_url, TARGET_ARG[spider]: ",".join(targets)}
                result = run_spider(spider, engine=engine, database_url=str(engine.url), home=home,
                                    arguments=arguments, timeout=300)
                statuses[spider] = result.status
    yield engine, statuses
    engine.dispose()


def _stored(engine: Engine) -> dict[tuple[str, str], PostingRow]:
    with engine.connect() as conn:
        rows = list(conn.execute(select(PostingRow)))
    return {(TRUTH_SOURCE.get(r.source, r.source), r.external_id.rsplit("/", 1)[-1]): r for r in rows}


def test_sample_market_every_published_copy_stored_once(
    market: Market, crawled: tuple[Engine, dict[str, str]]
) -> None:
    engine, statuses = crawled
    assert statuses == dict.fromkeys(SPIDERS.values(), "ok")
    published = {(c["source"], str(c["external_id"])) for job in market.jobs for c in job["copies"]}
    assert set(_stored(engine)) == published


def test_sample_market_fields_match_ground_truth(market: Market, crawled: tuple[Engine, dict[str, str]]) -> None:
    stored = _stored(crawled[0])
    pairs = [(job, stored[(c["source"], str(c["external_id"]))]) for job in market.jobs for c in job["copies"]]
    family = sum(row.role_family == job["role_family"] for job, row in pairs) / len(pairs)
    assert family >= 0.97
    structured = [(job, row) for job, row in pairs if job["pay"] and job["pay_structured"]]
    assert structured and all(
        (row.salary_min, row.salary_max, row.salary_currency, row.salary_period)
        == (job["pay"]["min"], job["pay"]["max"], job["pay"]["currency"], job["pay"]["period"])
        for job, row in structured if row.source != "hn"
    )
    assert all(row.posted_at is not None for _, row in pairs)
    hn = [(job, row) for job, row in pairs if row.source == "hn"]
    assert hn and all(row.posted_at.strftime("%Y-%m") == job["posted_month"] for job, row in hn)
