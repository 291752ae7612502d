"""Hacker News "Ask HN: Who is hiring?" threads through the official API (https://github.com/HackerNews/API).

`/v0/user/whoishiring.json` -> `submitted` story ids (newest first) -> `/v0/item/{id}.json`: the stories are
read in small batches, newest first, until one is older than the first month asked for; every top-level
comment (`kids`) of a "Who is hiring?" story in range is a posting. `-a months=` takes latest (the default),
all (back to 2011), 2024-03, 2023-01..2024-06 or a comma-separated list of those.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from skilltrends.crawl.hn import hiring_month, month_wanted, parse_hn_comment, parse_months
from skilltrends_crawlers.spiders import BoardSpider, response_json

USER = "whoishiring"


class HackerNewsSpider(BoardSpider):
    name = "hn"
    source = "hn"
    default_base_url = "https://hacker-news.firebaseio.com"
    batch = 12  # stories fetched at a time while walking back through the account's submissions

    def __init__(self, base_url: str | None = None, months: str | None = None, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self.months = parse_months(months)  # None: the latest thread only
        self.targets = [months or "latest"]
        self.submitted: list[int] = []
        self.next_story = 0
        self.stories_pending = 0
        self.found: list[tuple[str, dict[str, Any]]] = []
        self.comments_pending: dict[str, int] = {}

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.note_resumption()
        url = f"{self.base_url}/v0/user/{USER}.json"
        yield self.target_request(url, target=USER, callback=self.parse_user)

    def parse_user(self, response: Response) -> Iterator[scrapy.Request]:
        user = response_json(self, response)
        submitted = user.get("submitted") if isinstance(user, dict) else None
        if not isinstance(submitted, list):
            self.fail(USER, f"no 'submitted' list in {response.url}")
            return
        self.submitted = sorted((i for i in submitted if isinstance(i, int)), reverse=True)
        yield from self.next_stories()

    def next_stories(self) -> Iterator[scrapy.Request]:
        batch = self.submitted[self.next_story:self.next_story + self.batch]
        self.next_story += len(batch)
        self.stories_pending = len(batch)
        self.found = []
        for story_id in batch:
            yield scrapy.Request(self.item_url(story_id), callback=self.parse_story,
                                 errback=self.story_failed, meta={"story_id": story_id})

    def item_url(self, item_id: int) -> str:
        return f"{self.base_url}/v0/item/{item_id}.json"

    def parse_story(self, response: Response) -> Iterator[scrapy.Request]:
        story = response_json(self, response)
        month = hiring_month(story) if isinstance(story, dict) else None
        if month is not None and story.get("by", USER) == USER:
            self.found.append((month, story))
        yield from self.story_done()

    def story_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request  # type: ignore[attr-defined]
        self.fail(USER, f"story {request.meta['story_id']}: {failure.getErrorMessage()}")
        yield from self.story_done()

    def story_done(self) -> Iterator[scrapy.Request]:
        """After a whole batch of stories: request the wanted threads' comments, then walk back or stop."""
        self.stories_pending -= 1
        if self.stories_pending > 0:
            return
        found = sorted(self.found, key=lambda pair: pair[0], reverse=True)
        if self.months is None:
            wanted = found[:1]
            done = bool(found)
        else:
            wanted = [(m, s) for m, s in found if month_wanted(m, self.months)]
            done = any(m < self.months[0][0] for m, _ in found)  # older than the earliest month asked for
        for month, story in wanted:
            yield from self.comment_requests(story, month)
        if not done and self.next_story < len(self.submitted):
            yield from self.next_stories()

    def comment_requests(self, story: dict[str, Any], month: str) -> Iterator[scrapy.Request]:
        kids = [k for k in story.get("kids") or [] if isinstance(k, int)]
        self.comments_pending[month] = self.comments_pending.get(month, 0) + len(kids)
        if not kids:
            self.complete(month)
        for kid in kids:
            yield scrapy.Request(self.item_url(kid), callback=self.parse_comment, errback=self.comment_failed,
                                 cb_kwargs={"story": story, "month": month}, meta={"month": month})

    def parse_comment(
        self, response: Response, story: dict[str, Any], month: str
    ) -> Iterator[dict[str, Any]]:
        comment = response_json(self, response)
        try:
            posting = parse_hn_comment(comment, story=story) if isinstance(comment, dict) else None
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            self.count_skipped([f"{type(exc).__name__}: {exc}"], url=response.url)
            posting, comment = None, {}
        if posting is not None:
            yield posting.to_dict()
        elif comment is None and response.body.strip() != b"null":
            self.fail(month, f"unreadable comment {response.url}")
        else:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("skilltrends/hn_skipped_comments")
        self.comment_done(month)

    def comment_failed(self, failure: Failure) -> None:
        month = failure.request.meta["month"]  # type: ignore[attr-defined]
        self.fail(month, f"{failure.request.url}: {failure.getErrorMessage()}")  # type: ignore[attr-defined]
        self.comment_done(month)

    def comment_done(self, month: str) -> None:
        self.comments_pending[month] -= 1
        if self.comments_pending[month] == 0:
            self.complete(month)
