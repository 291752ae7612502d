"""Item pipelines: validate against schemas/posting.schema.json, then upsert into the store in batches.

Items are JSON-ready dicts (skilltrends.models.Posting.to_dict()), so the raw feed (-O file.jsonl) and the
schema see exactly the same thing.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from sqlalchemy.exc import SQLAlchemyError

from skilltrends.crawl.record import crawl_status, record_run_summary, summarize_stats
from skilltrends.models import Posting
from skilltrends.schema import schema_errors
from skilltrends.store.db import make_engine
from skilltrends.store.load import SaveCounts, close_missing, finish_crawl_run, save_postings, start_crawl_run

logger = logging.getLogger(__name__)


class ValidatePipeline:
    """Drop items that do not match the posting schema; count each reason in the run's stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        errors = schema_errors("posting", dict(item))
        if errors:
            reason = errors[0].split(":", 1)[0]  # the failing field's path, e.g. "title" or "salary_currency"
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(f"skilltrends/dropped/invalid:{reason}")
            self.crawler.stats.inc_value("skilltrends/dropped")
            raise DropItem(f"invalid posting {item.get('source')}:{item.get('external_id')}: {'; '.join(errors)}")
        return item


class StorePipeline:
    """Upsert postings into the SQL store; record the crawl run; close postings gone from complete boards."""

    def __init__(self, crawler: Crawler, database_url: str, run_id: int | None, batch: int) -> None:
        self.crawler = crawler
        self.engine = make_engine(database_url)
        self.run_id = run_id
        self.batch_size = batch
        self.buffer: list[Posting] = []
        self.counts = SaveCounts()
        self.store_error: str | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        url = crawler.settings.get("SKILLTRENDS_DATABASE_URL")
        if not url:
            raise NotConfigured("SKILLTRENDS_DATABASE_URL is not set: postings go only to the feed")
        run_id = crawler.settings.getint("SKILLTRENDS_RUN_ID") or None
        return cls(crawler, url, run_id, crawler.settings.getint("SKILLTRENDS_STORE_BATCH", 200))

    def open_spider(self) -> None:
        if self.run_id is None:
            spider = self.crawler.spider
            args = {k: v for k, v in vars(spider).items() if isinstance(v, str)} if spider else {}
            self.run_id = start_crawl_run(self.engine, spider=spider.name if spider else "?", arguments=args)

    def process_item(self, item: Any) -> Any:
        if self.store_error is not None:
            raise DropItem(f"store unavailable: {self.store_error}")
        self.buffer.append(Posting.from_dict(dict(item)))
        if len(self.buffer) >= self.batch_size:
            self._flush()
        return item

    def close_spider(self) -> None:
        self._flush()

    def _flush(self) -> None:
        if not self.buffer or self.store_error is not None:
            return
        try:
            self.counts.add(save_postings(self.engine, self.buffer, run_id=self.run_id))
        except SQLAlchemyError as exc:
            # The store refused a whole batch: a broken database, not a bad item. Say so once and stop the crawl;
            # the raw feed (data/raw/<spider>/...) still holds every item the crawl yielded.
            self.store_error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("skilltrends/store_errors")
            logger.error("The store refused a batch of %d postings (%s); closing the crawl", len(self.buffer),
                         self.store_error)
            if self.crawler.engine is not None and self.crawler.engine.spider is not None:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="store_error"))
        self.buffer = []

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None and self.run_id is not None
        self._flush()
        stats = {k: _jsonable(v) for k, v in self.crawler.stats.get_stats().items()}
        closed = 0
        if reason == "finished":
            for source, board in sorted(getattr(spider, "completed_boards", set())):
                closed += close_missing(self.engine, source=source, board=board, run_id=self.run_id)
        stats["skilltrends/closed"] = closed
        seen = self.counts.new + self.counts.updated + self.counts.unchanged
        failed: dict[str, str] = dict(getattr(spider, "failed_targets", {}))
        targets: list[str] = list(getattr(spider, "targets", [])) or list(failed)
        status, message = crawl_status(reason=reason, targets=targets, failed=failed, seen=seen)
        finish_crawl_run(
            self.engine, self.run_id, status=status, stats=stats, counts=self.counts,
            dropped=int(stats.get("skilltrends/dropped", 0) or 0), message=message,
        )
        record_run_summary(self.engine, self.run_id, summarize_stats(stats), failed_targets=failed)
        logger.info("crawl run %s %s: %s, %s closed", self.run_id, status, self.counts, closed)


def _jsonable(value: Any) -> Any:
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)
