"""Cross-source dedup: link copies of one job (another board, a repost under a new id) to a canonical posting.

The rule, applied to every stored posting on each run (so it is idempotent and sees late copies):

1. Block: postings are candidates only when their normalised company, title and location are equal.
   Company: case, accents and punctuation dropped, legal suffixes ("Inc.", "Ltd", "GmbH", ...) removed.
   Title: the same, common abbreviations expanded ("Sr." -> senior, "ML" -> machine learning), gender and
   workplace tags dropped ("(m/f/d)", "Remote"), word order ignored. Location: the city, else the first part
   of the location text; remote postings all share "remote". Postings without a company are never linked.
2. Time: their dates (posted_at, else first_seen) lie within `window_days` of each other.
3. Text: their descriptions are near-duplicates: the overlap coefficient of their word 3-shingle sets,
   |A ∩ B| / min(|A|, |B|), is at least `min_overlap` (a careers page that appends an "About us" paragraph
   to the board's text still scores 1.0; the same title for another team, sharing only boilerplate, scores
   far lower). Texts too short for shingles are compared with rapidfuzz's ratio instead.
   The overlap is computed exactly, not estimated with MinHash: blocking keeps candidate sets small.

Linked postings form groups (transitively). The earliest copy of a group (date, then id) is the canonical
posting: every copy's canonical_id, its own included, points at it. A posting with no copies keeps
canonical_id NULL. So "unique" means canonical_id IS NULL OR canonical_id = id (the unique_postings view).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Engine, Table, bindparam, select, update

from skilltrends.store.db import retry_on_conflict, write_transaction
from skilltrends.store.tables import PostingRow

__all__ = ["DedupeCounts", "dedupe_postings", "company_key", "title_key", "location_key"]

_LEGAL = {"inc", "incorporated", "ltd", "limited", "llc", "llp", "gmbh", "corp", "corporation", "co",
          "company", "plc", "ag", "sa", "sas", "bv", "nv", "srl", "pty", "oy", "ab", "the", "se"}
_EXPAND = {"sr": "senior", "snr": "senior", "jr": "junior", "ml": "machine learning",
           "mle": "machine learning engineer", "eng": "engineer", "engr": "engineer",
           "swe": "software engineer", "mgr": "manager",
           "ds": "data scientist", "nlp": "natural language processing", "cv": "computer vision"}
_DROP = {"m", "f", "d", "w", "x", "mfd", "mwd", "fmd", "all", "genders", "remote", "hybrid", "onsite", "on",
         "site", "and"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class DedupeCounts:
    postings: int  # rows in postings
    unique: int  # postings counted once: groups plus postings without copies
    duplicates: int  # copies that point at another posting
    groups: int  # canonical postings with at least one copy
    changed: int  # rows whose canonical_id this run changed


def _words(text: str | None) -> list[str]:
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().casefold()
    return _WORD.findall(folded)


def company_key(company: str | None) -> str:
    """'Acme, Inc.' -> 'acme'."""
    return " ".join(w for w in _words((company or "").replace(".", "")) if w not in _LEGAL)


def title_key(title: str | None) -> str:
    """'Sr. ML Engineer (m/f/d) - Remote' -> 'engineer learning machine senior' (sorted words)."""
    words: list[str] = []
    for word in _words(title):
        words.extend(_EXPAND.get(word, word).split())
    return " ".join(sorted(w for w in words if w not in _DROP))


def location_key(city: str | None, location: str | None, workplace: str | None) -> str:
    """'remote' for remote postings (boards say "Remote - US", careers pages often give the office address);
    else the city, else the first part of the location text."""
    place = " ".join(_words(city or (location or "").split(",")[0]))
    if workplace == "remote" or place.startswith("remote") or not place and "remote" in _words(location):
        return "remote"
    return place


def _shingles(text: str) -> set[int]:
    words = _words(text)
    return {hash((words[i], words[i + 1], words[i + 2])) for i in range(len(words) - 2)}


def _similar(a: str, b: str, *, min_overlap: float) -> bool:
    sa, sb = _shingles(a), _shingles(b)
    if min(len(sa), len(sb)) < 10:
        return fuzz.ratio(" ".join(_words(a)), " ".join(_words(b))) >= 100 * min_overlap
    return len(sa & sb) / min(len(sa), len(sb)) >= min_overlap


def dedupe_postings(engine: Engine, *, window_days: int = 60, min_overlap: float = 0.8) -> DedupeCounts:
    """Set postings.canonical_id by the rule above for every stored posting; returns the counts."""
    with engine.connect() as conn:
        rows = conn.execute(select(
            PostingRow.id, PostingRow.company, PostingRow.title, PostingRow.city, PostingRow.location,
            PostingRow.workplace, PostingRow.posted_at, PostingRow.first_seen, PostingRow.canonical_id,
        )).all()
    blocks: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for row in rows:
        company = company_key(row.company)
        if company:
            place = location_key(row.city, row.location, row.workplace)
            blocks[(company, title_key(row.title), place)].append(row)
    candidates = [block for block in blocks.values() if len(block) > 1]
    texts = _descriptions(engine, [row.id for block in candidates for row in block])
    canonical: dict[int, int] = {}
    for block in candidates:
        canonical.update(_group(block, texts, window=timedelta(days=window_days), min_overlap=min_overlap))
    changes = [{"b_id": row.id, "canonical": canonical.get(row.id)} for row in rows
               if canonical.get(row.id) != row.canonical_id]
    if changes:
        retry_on_conflict(_write, engine, changes)
    groups = sum(1 for pid, target in canonical.items() if pid == target)
    duplicates = len(canonical) - groups
    return DedupeCounts(postings=len(rows), unique=len(rows) - duplicates, duplicates=duplicates,
                        groups=groups, changed=len(changes))


def _descriptions(engine: Engine, ids: Sequence[int]) -> dict[int, str]:
    texts: dict[int, str] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start:start + _CHUNK])
            rows = conn.execute(select(PostingRow.id, PostingRow.description).where(PostingRow.id.in_(chunk)))
            texts.update((pid, description) for pid, description in rows)
    return texts


def _day(row: Any) -> datetime:
    value: datetime = row.posted_at or row.first_seen
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _group(
    block: Sequence[Any], texts: dict[int, str], *, window: timedelta, min_overlap: float
) -> dict[int, int]:
    """posting id -> canonical id for the members of one block that have copies."""
    ordered = sorted(block, key=lambda row: (_day(row), row.id))
    parent = {row.id: row.id for row in ordered}
    position = {row.id: index for index, row in enumerate(ordered)}

    def root(pid: int) -> int:
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if _day(b) - _day(a) > window:
                break
            if root(a.id) != root(b.id) and _similar(texts[a.id], texts[b.id], min_overlap=min_overlap):
                first, second = sorted((root(a.id), root(b.id)), key=position.__getitem__)
                parent[second] = first  # the earlier copy stays the root
    members: dict[int, list[int]] = defaultdict(list)
    for row in ordered:
        members[root(row.id)].append(row.id)
    return {pid: group[0] for group in members.values() if len(group) > 1 for pid in group}


def _write(engine: Engine, changes: Iterable[dict[str, Any]]) -> None:
    table: Table = PostingRow.__table__  # type: ignore[assignment]
    statement = (update(table).where(table.c.id == bindparam("b_id"))
                 .values(canonical_id=bindparam("canonical")))
    with write_transaction(engine) as conn:
        conn.execute(statement, sorted(changes, key=lambda change: change["b_id"]))
