"""Dedup against the sample market's ground truth: its cross-posts and reposts are the duplicates to find."""

from __future__ import annotations

from itertools import combinations

import pytest
from sqlalchemy import select

from skilltrends.crawl.greenhouse import parse_greenhouse_job
from skilltrends.crawl.jsonld import parse_jobposting_page
from skilltrends.models import Posting
from skilltrends.store.db import make_engine
from skilltrends.store.dedupe import dedupe_postings
from skilltrends.store.load import save_postings
from skilltrends.store.tables import PostingRow

sample = pytest.importorskip("skilltrends.sample")


def _postings(records: list[dict[str, object]]) -> list[Posting]:
    postings: list[Posting] = []
    for record in records:
        payload = record["payload"]
        if record["source"] == "greenhouse":
            postings.append(parse_greenhouse_job(payload, board=str(record["board"])))  # type: ignore[arg-type]
        elif record["source"] == "jsonld":
            page = str(payload).replace("__BASE__", "http://127.0.0.1")
            postings += parse_jobposting_page(page, url=f"http://127.0.0.1/careers/{record['id']}")
    return postings


@pytest.mark.slow
def test_dedupe_finds_the_sample_markets_copies_and_nothing_else(tmp_path: object) -> None:
    market = sample.generate_market(seed=7, first_month="2024-01", last_month="2024-12")
    engine = make_engine(f"sqlite:///{tmp_path}/s.sqlite")
    save_postings(engine, _postings(market.records))
    counts = dedupe_postings(engine)
    with engine.connect() as conn:
        rows = conn.execute(select(PostingRow.id, PostingRow.external_id, PostingRow.canonical_id)).all()
    engine.dispose()
    job_of = {copy["external_id"]: job["job_id"] for job in market.jobs for copy in job["copies"]}
    group = {row.id: row.canonical_id or row.id for row in rows}
    members: dict[object, list[int]] = {}
    for row in rows:
        # JSON-LD ids are "host/identifier" (identifiers are unique only within one site).
        members.setdefault(job_of[row.external_id.rsplit("/", 1)[-1]], []).append(row.id)
    pairs = [pair for ids in members.values() for pair in combinations(ids, 2)]
    missed = [pair for pair in pairs if group[pair[0]] != group[pair[1]]]
    assert len(pairs) > 20 and missed == []
    # Every job's copies share one group, and there are as many groups as jobs: so no group joins two jobs.
    assert counts.unique == len(set(group.values())) == len(members)
