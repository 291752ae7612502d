"""Safety: a crawl and an extraction writing at once, a writer killed mid-load; SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from skilltrends.models import Extraction, Mention, Posting
from skilltrends.store.check import check_store
from skilltrends.store.db import make_engine
from skilltrends.store.dedupe import dedupe_postings
from skilltrends.store.load import save_extractions, save_postings
from skilltrends.store.tables import PostingRow, PostingSkill

SRC = Path(__file__).resolve().parents[2] / "src"


def _posting(i: int, round_: int = 0) -> Posting:
    return Posting(source="greenhouse", external_id=str(i), url=f"https://x/{i}", title="ML Engineer",
                   company="Acme", description=f"Python and PyTorch, posting {i}, revision {round_ % 3}",
                   role_family="ml_engineer")


def _count(engine: object, table: type) -> int:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)


@pytest.mark.slow
def test_crawl_and_extraction_at_once_neither_fail_nor_deadlock(store_url: str) -> None:
    rows, rounds = 300, 4
    setup = make_engine(store_url)
    save_postings(setup, [_posting(i) for i in range(rows)])
    errors: list[BaseException] = []

    def crawl() -> None:
        engine = make_engine(store_url)
        try:
            for round_ in range(rounds):  # every posting changes or is refreshed, in batches of 500
                save_postings(engine, [_posting(i, round_) for i in reversed(range(rows + 50 * round_))])
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
        finally:
            engine.dispose()

    def extract() -> None:
        engine = make_engine(store_url)
        mention = Mention("python", "Python", "programming_language", "required", 0, 6, "Python")
        try:
            for _ in range(rounds):
                with engine.connect() as conn:
                    found = conn.execute(select(PostingRow.id, PostingRow.content_hash)).all()
                for start in range(0, len(found), 100):
                    chunk = found[start:start + 100]
                    save_extractions(engine, [(pid, digest, Extraction(mentions=(mention,)), _posting(0))
                                              for pid, digest in chunk], version="t")
                dedupe_postings(engine)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=crawl), threading.Thread(target=extract)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer is stuck"
    assert errors == []
    total = rows + 50 * (rounds - 1)
    assert _count(setup, PostingRow) == total
    assert _count(setup, PostingSkill) <= total
    assert check_store(setup).ok
    setup.dispose()


LOADER = """
import sys
from skilltrends.models import Posting
from skilltrends.store.db import make_engine
from skilltrends.store.load import save_postings
engine = make_engine(sys.argv[1])
while True:
    save_postings(engine, (Posting(source="greenhouse", external_id=str(i), url="u", title="t",
                                   description="x" * 3000 + str(i), role_family="other")
                           for i in range(100_000)))
"""


def test_killed_mid_load_loses_nothing_committed(store_url: str, tmp_path: Path) -> None:
    engine = make_engine(store_url)
    script = tmp_path / "loader.py"
    script.write_text(LOADER)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    child = subprocess.Popen([sys.executable, str(script), store_url], env=env)
    try:
        deadline = time.monotonic() + 60
        while _count(engine, PostingRow) < 1000 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.1)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    committed = _count(engine, PostingRow)
    assert committed >= 1000 and committed % 500 == 0, "a batch is all in or all out"
    assert check_store(engine).ok
    again = save_postings(engine, (Posting(source="greenhouse", external_id=str(i), url="u", title="t",
                                           description="x" * 3000 + str(i), role_family="other")
                                   for i in range(committed + 10)))
    assert (again.new, again.updated, again.unchanged) == (10, 0, committed)
    engine.dispose()


@pytest.mark.parametrize("rows", [3])
def test_save_postings_is_idempotent(store_url: str, rows: int) -> None:
    engine = make_engine(store_url)
    postings = [_posting(i) for i in range(rows)]
    first, second = save_postings(engine, postings), save_postings(engine, postings)
    assert (first.new, second.new, second.unchanged) == (rows, 0, rows)
    assert _count(engine, PostingRow) == rows
    engine.dispose()
