"""What the store already knows about a board, so a re-crawl can skip requests whose answer cannot have
changed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, select

from skilltrends.store.tables import PostingRow

__all__ = ["KnownPay", "known_greenhouse_pay"]

# external_id -> (the job's updated_at when its pay was fetched, the `pay_input_ranges` fetched then)
KnownPay = dict[str, tuple[str, list[Any]]]


def known_greenhouse_pay(engine: Engine, boards: Sequence[str]) -> KnownPay:
    """Pay already fetched for the boards' Greenhouse postings, by id, with the `updated_at` it belongs to.

    Only postings whose stored payload carries `pay_input_ranges` (fetched, even if empty) count as known.
    """
    updated = PostingRow.raw["updated_at"].as_string()
    fetched = PostingRow.raw["pay_input_ranges"].as_string()
    query = select(PostingRow.external_id, updated, fetched).where(
        PostingRow.source == "greenhouse", PostingRow.board.in_(list(boards)))
    known: KnownPay = {}
    with engine.connect() as conn:
        for ext, stamp, ranges in conn.execute(query):
            if stamp is None or ranges is None:
                continue
            try:
                parsed = json.loads(ranges)
            except ValueError:
                continue
            if isinstance(parsed, list):
                known[ext] = (stamp, parsed)
    return known
