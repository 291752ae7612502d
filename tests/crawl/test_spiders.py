"""Each spider end to end: a child `scrapy crawl` against the loopback server, into a SQLite store."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from skilltrends.store.tables import CrawlRun, PostingRow
from tests.conftest import Reply, read_page
from tests.crawl.conftest import CrawlServer, crawl, html

pytestmark = pytest.mark.slow


def _rows(engine: Engine) -> dict[str, PostingRow]:
    with engine.connect() as conn:
        return {r.external_id: r for r in conn.execute(select(PostingRow))}


def test_lever_spider_pages_through_a_site(engine: Engine, tmp_path: Path, crawl_server: CrawlServer) -> None:
    postings = json.loads(read_page("lever/acme.json"))
    base = "/v0/postings/acme?mode=json&skip={}&limit=2"
    crawl_server.routes[base.format(0)] = Reply(200, json.dumps(postings[:2]).encode())
    crawl_server.routes[base.format(2)] = Reply(200, json.dumps(postings[2:]).encode())
    result = crawl(engine, tmp_path, "lever", base_url=crawl_server.url, sites="acme", page_size="2")
    assert (result.status, result.new) == ("ok", 3)
    rows = _rows(engine)
    assert "What You'll Bring\n\n- 3+ years of Python & SQL" in rows["a1b2c3d4-0001-4e5f-8a9b-000000000001"].description
    assert [p for p in crawl_server.requests if p.startswith("/v0/")] == [base.format(0), base.format(2)]


def test_ashby_spider_reads_a_board(engine: Engine, tmp_path: Path, crawl_server: CrawlServer) -> None:
    crawl_server.routes["/posting-api/job-board/acme"] = Reply(200, read_page("ashby/acme.json"))
    result = crawl(engine, tmp_path, "ashby", base_url=crawl_server.url, names="acme")
    assert (result.status, result.new) == ("ok", 2)
    assert crawl_server.requests[-1] == "/posting-api/job-board/acme?includeCompensation=true"


def _serve_hn(server: CrawlServer) -> None:
    items = json.loads(read_page("hn/items.json"))
    server.routes["/v0/user/whoishiring.json"] = Reply(200, read_page("hn/whoishiring.json"))
    for item_id, item in items.items():
        server.routes[f"/v0/item/{item_id}.json"] = Reply(200, json.dumps(item).encode())


@pytest.mark.parametrize(
    ("months", "expected"),
    [(None, {"41000010", "41000013"}), ("2024-10..2024-11", {"41000010", "41000013", "40500010"}),
     ("2024-10", {"40500010"})],
)
def test_hn_spider_reads_hiring_threads(
    engine: Engine, tmp_path: Path, crawl_server: CrawlServer, months: str | None, expected: set[str]
) -> None:
    _serve_hn(crawl_server)
    arguments = {"months": months} if months else {}
    result = crawl(engine, tmp_path, "hn", base_url=crawl_server.url, **arguments)
    assert result.status == "ok" and set(_rows(engine)) == expected
    assert result.requests <= 12 + len(expected) + 4  # stories walked in one batch, no more


def test_jobposting_spider_follows_sitemap_index_and_gzip(
    engine: Engine, tmp_path: Path, crawl_server: CrawlServer
) -> None:
    base = crawl_server.url
    pages = {"77": "job-graph.html", "messy": "messy.html", "micro": "microdata.html"}
    for name, page in pages.items():
        crawl_server.routes[f"/jobs/{name}"] = html(read_page(f"jobposting/{page}"))
    crawl_server.routes["/jobs/latin"] = Reply(200, read_page("jobposting/latin1.html"), {"Content-Type": "text/html"})
    crawl_server.routes["/jobs/broken"] = html(read_page("jobposting/broken.html"))
    crawl_server.routes["/jobs/badbytes"] = html(read_page("jobposting/job-graph.html").replace(
        b"Build LLM serving.", b"Build LLM \xff\xfe serving.").replace(b"GX-77", b"GX-78"))
    filler = b"<div>" + b"x" * 1000 + b"</div>\n"
    crawl_server.routes["/jobs/huge"] = html(read_page("jobposting/job-graph.html").replace(
        b"</body>", filler * 20_000 + b"</body>").replace(b"GX-77", b"GX-79"))
    sitemap = read_page("jobposting/sitemap-index.xml").replace(b"BASE", base.encode())
    crawl_server.routes["/sitemap.xml"] = Reply(200, sitemap, {"Content-Type": "application/xml"})
    part1 = read_page("jobposting/jobs-1.xml").replace(b"BASE", base.encode())
    crawl_server.routes["/sitemaps/jobs-1.xml.gz"] = Reply(200, gzip.compress(part1),
                                                          {"Content-Type": "application/x-gzip"})
    part2 = read_page("jobposting/jobs-2.xml").replace(b"BASE", base.encode()).replace(
        b"</urlset>", b"".join(f"<url><loc>{base}/jobs/{n}</loc></url>".encode()
                               for n in ("broken", "badbytes", "huge", "gone")) + b"</urlset>")
    crawl_server.routes["/sitemaps/jobs-2.xml"] = Reply(200, part2, {"Content-Type": "application/xml"})
    result = crawl(engine, tmp_path, "jobposting", base_url=base, sitemap="/sitemap.xml")
    assert result.status == "ok", result.message
    assert set(_rows(engine)) == {"127.0.0.1/GX-77", "127.0.0.1/INI-1", "127.0.0.1/INI-2", "127.0.0.1/UMB-9",
                                  "127.0.0.1/CAF-3", "127.0.0.1/GX-78", "127.0.0.1/GX-79"}
    rows = _rows(engine)
    assert rows["127.0.0.1/CAF-3"].city == "Zürich"  # latin-1 page declared in a meta tag
    assert "\ufffd" in rows["127.0.0.1/GX-78"].description  # undecodable bytes replaced, page kept
    with engine.connect() as conn:
        stats = conn.execute(select(CrawlRun.stats)).scalar_one()
    assert stats["skilltrends/pages_without_jobposting"] == 1 and stats["skilltrends/pages_gone"] == 1


def test_jobposting_spider_follows_listing_pages(engine: Engine, tmp_path: Path, crawl_server: CrawlServer) -> None:
    crawl_server.routes["/careers"] = html(read_page("jobposting/listing-1.html"))
    crawl_server.routes["/careers?page=2"] = html(read_page("jobposting/listing-2.html"))
    for name, page in {"77": "job-graph.html", "micro": "microdata.html", "latin": "latin1.html"}.items():
        crawl_server.routes[f"/jobs/{name}"] = html(read_page(f"jobposting/{page}"))
    result = crawl(engine, tmp_path, "jobposting", base_url=crawl_server.url, listing="/careers")
    assert (result.status, result.new) == ("ok", 3)
    assert "/about" not in crawl_server.requests


def test_greenhouse_spider_fetches_pay_once_per_job_version(
    engine: Engine, tmp_path: Path, crawl_server: CrawlServer
) -> None:
    payload = json.loads(read_page("greenhouse/acme.json"))
    pay = payload["jobs"][0].pop("pay_input_ranges")
    crawl_server.routes["/v1/boards/acme/jobs"] = Reply(200, json.dumps(payload).encode())
    crawl_server.routes["/v1/boards/acme/jobs/4011001"] = Reply(200, json.dumps({"id": 4011001,
                                                                                 "pay_input_ranges": pay}).encode())
    first = crawl(engine, tmp_path, "greenhouse", base_url=crawl_server.url, boards="acme")
    again = crawl(engine, tmp_path, "greenhouse", base_url=crawl_server.url, boards="acme")
    assert (first.new, again.unchanged, again.updated) == (2, 2, 0)
    assert sum("pay_transparency=true" in p for p in crawl_server.requests) == 1
    assert _rows(engine)["4011001"].salary_max == 240000.0


def test_jobposting_spider_follow_filters_a_site_wide_sitemap(
    engine: Engine, tmp_path: Path, crawl_server: CrawlServer
) -> None:
    base = crawl_server.url
    locs = "".join(f"<url><loc>{base}{path}</loc></url>" for path in ("/about", "/blog/hiring", "/jobs/77"))
    crawl_server.routes["/sitemap.xml"] = Reply(200, f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                                      f"{locs}</urlset>".encode(), {"Content-Type": "text/xml"})
    crawl_server.routes["/jobs/77"] = html(read_page("jobposting/job-graph.html"))
    result = crawl(engine, tmp_path, "jobposting", base_url=base, sitemap="/sitemap.xml", follow="^/jobs/",
                   urls="/jobs/taken-down")
    assert (result.status, result.new) == ("ok", 1)  # a URL-list page answering 404 is a posting taken down
    assert "/about" not in crawl_server.requests and "/blog/hiring" not in crawl_server.requests


def test_http_cache_switch_replays_responses(engine: Engine, tmp_path: Path, crawl_server: CrawlServer) -> None:
    from skilltrends.crawl.run import run_spider

    crawl_server.routes["/posting-api/job-board/acme"] = Reply(200, read_page("ashby/acme.json"))
    arguments = {"base_url": crawl_server.url, "names": "acme"}
    first = run_spider("ashby", engine=engine, database_url=str(engine.url), home=tmp_path, arguments=arguments,
                       http_cache=True)
    crawl_server.routes["/posting-api/job-board/acme"] = Reply(500)  # the board breaks; the cache does not
    again = run_spider("ashby", engine=engine, database_url=str(engine.url), home=tmp_path, arguments=arguments,
                       http_cache=True)
    assert (first.status, again.status, again.unchanged) == ("ok", "ok", 2)
    assert (tmp_path / "httpcache").is_dir()
    assert sum(p.startswith("/posting-api/") for p in crawl_server.requests) == 1
