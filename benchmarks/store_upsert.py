"""Upsert speed of store.load.save_postings, as a ratio to a bare SQLAlchemy Core executemany insert.

    PYTHONPATH=src python benchmarks/store_upsert.py --rows 100000
    PYTHONPATH=src python benchmarks/store_upsert.py --rows 100000 \
        --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

Per engine, in one run: (1) the baseline, one executemany of ready-made row dicts into an empty postings
table; (2) save_postings of the same postings into an empty store (first load); (3) save_postings of them
again,
unchanged (re-load: only last_seen moves). The machine is shared and noisy, so read the ratios, not the rates.
PostgreSQL runs in a private database created and dropped here. Target: ratio >= 0.5 for (2) and (3).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from skilltrends.models import Posting
from skilltrends.store.db import make_engine
from skilltrends.store.load import save_postings
from skilltrends.store.tables import PostingRow

WORDS = ("python pytorch tensorflow kubernetes docker mlflow spark airflow aws gcp azure sql statistics "
         "deploy models pipelines production latency features training inference team build scale "
         "data").split()


def make_postings(rows: int, *, seed: int = 1) -> list[Posting]:
    rng = random.Random(seed)
    postings = []
    for i in range(rows):
        text_ = " ".join(rng.choices(WORDS, k=480))[:3000]
        postings.append(Posting(
            source="greenhouse", external_id=str(i), url=f"https://boards.example.com/acme/jobs/{i}",
            title=f"Machine Learning Engineer {i % 50}", description=text_, company=f"Company {i % 700}",
            board=f"board{i % 700}", location="London, UK", city="London", country="GB", workplace="hybrid",
            posted_at=datetime(2025, 1 + i % 12, 1 + i % 28, tzinfo=UTC), role_family="ml_engineer",
            seniority="senior", raw={"id": i},
        ))
    return postings


def baseline_rows(postings: list[Posting], now: datetime) -> list[dict[str, object]]:
    rows = []
    for p in postings:
        row = p.to_dict()
        row.update(posted_at=p.posted_at, valid_through=p.valid_through, content_hash=p.content_hash(),
                   first_seen=now, last_seen=now, last_run_id=None, closed_at=None)
        rows.append(row)
    return rows


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def bench(name: str, fresh_url: Callable[[], str], rows: int) -> None:
    postings = make_postings(rows)
    now = datetime.now(UTC)
    prepared = baseline_rows(postings, now)

    engine = make_engine(fresh_url())

    def bare() -> None:
        with engine.begin() as conn:
            conn.execute(insert(PostingRow), prepared)

    base = timed(bare)
    engine.dispose()
    engine = make_engine(fresh_url())
    first = timed(lambda: save_postings(engine, postings))
    again = timed(lambda: save_postings(engine, postings))
    counts = save_postings(engine, postings[:1])
    assert counts.unchanged == 1, counts
    engine.dispose()
    print(f"{name}: {rows} postings (3 KB each)")
    for label, seconds in (("bare Core executemany (baseline)", base), ("save_postings, first load", first),
                           ("save_postings, unchanged re-load", again)):
        print(f"  {label:<34} {rows / seconds:9.0f} postings/s   ratio {base / seconds:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--postgres", help="PostgreSQL server URL (a private database is made and dropped)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(1_000_000))
        bench("SQLite", lambda: f"sqlite:///{Path(tmp) / f'bench{next(counter)}.sqlite'}", args.rows)
    if args.postgres:
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        created: list[str] = []

        def fresh_pg() -> str:
            name = f"skilltrends_bench_{uuid.uuid4().hex[:10]}"
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            created.append(name)
            return make_url(args.postgres).set(database=name).render_as_string(hide_password=False)

        try:
            bench("PostgreSQL", fresh_pg, args.rows)
        finally:
            with admin.connect() as conn:
                for name in created:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()


