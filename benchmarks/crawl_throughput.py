"""Crawl throughput: postings per second through spider, pipelines and store, against the local sample market.

Printed as a ratio to `scrapy bench`'s pages per second, measured in the same run right before and right after each
crawl (averaged), because the machine is shared and absolute numbers move with its load. Targets: at least 0.8 for the
JSON-LD spider (one page a posting); the API spiders, with many postings a response, well above 1.

    PYTHONPATH=src:crawlers python benchmarks/crawl_throughput.py [--spiders jobposting,lever] [--seed 7]

Rates use Scrapy's own `elapsed_time_seconds` (spider open to close: includes every request, parse, validation and
store write, excludes interpreter start-up), as `scrapy bench` does.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from skilltrends.crawl.run import run_spider
from skilltrends.sources import spider_arguments
from skilltrends.store.db import make_engine
from skilltrends.store.tables import CrawlRun
from skilltrends.workflow import sample_board


def bench_pages_per_second(seconds: float) -> float:
    """`scrapy bench` for `seconds`: responses received per second of its crawl."""
    with tempfile.TemporaryDirectory() as cwd:
        proc = subprocess.run(
            [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}", "-s", "LOG_LEVEL=INFO"],
            capture_output=True, text=True, cwd=cwd, check=True,
        )
    text = proc.stderr + proc.stdout
    pages = int(re.search(r"'response_received_count': (\d+)", text).group(1))  # type: ignore[union-attr]
    elapsed = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", text).group(1))  # type: ignore[union-attr]
    return pages / elapsed


def crawl_rate(spider: str, arguments: dict[str, str], home: Path, settings: dict[str, str]) -> tuple[int, float, int]:
    """(postings stored, seconds, requests) of one crawl of `spider` into a fresh SQLite store."""
    store = home / f"bench-{spider}.sqlite"
    store.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{store}")
    result = run_spider(spider, engine=engine, database_url=str(engine.url), home=home, arguments=arguments,
                        settings=settings, timeout=1800)
    with engine.connect() as conn:
        stats = conn.execute(select(CrawlRun.stats).where(CrawlRun.id == result.run_id)).scalar_one()
    engine.dispose()
    if result.status != "ok":
        raise SystemExit(f"{spider}: {result.status}: {result.message}")
    return result.seen, float(stats["elapsed_time_seconds"]), int(stats.get("downloader/request_count", 0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spiders", default="jobposting,greenhouse,lever,ashby,hn")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bench-seconds", type=float, default=10.0)
    parser.add_argument("--home", type=Path, default=Path(tempfile.gettempdir()) / "skilltrends-bench")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="extra Scrapy setting for the crawls")
    args = parser.parse_args()
    settings = dict(s.split("=", 1) for s in args.settings)
    bench = bench_pages_per_second(args.bench_seconds)
    print(f"scrapy bench: {bench:.1f} pages/s", flush=True)
    rows = []
    with sample_board(args.home, seed=args.seed) as (base_url, sources):
        for spider in args.spiders.split(","):
            arguments = spider_arguments(sources[spider]) | {"base_url": base_url}
            postings, seconds, requests = crawl_rate(spider, arguments, args.home, settings)
            after = bench_pages_per_second(args.bench_seconds)
            baseline = (bench + after) / 2  # the machine's speed around this crawl
            rows.append((spider, postings, requests, seconds, baseline))
            print(f"  {spider:<11} {postings:6d} postings, {requests:5d} requests in {seconds:6.1f} s: "
                  f"{postings / seconds:7.1f} postings/s; scrapy bench after: {after:.1f} pages/s", flush=True)
            bench = after
    print(f"{'spider':<11} {'postings/s':>10} {'bench pages/s':>14} {'ratio':>6}")
    for spider, postings, _, seconds, baseline in rows:
        print(f"{spider:<11} {postings / seconds:10.1f} {baseline:14.1f} {postings / seconds / baseline:6.2f}")


if __name__ == "__main__":
    main()
