"""Every SQL example in the README's "For analysts" section runs, read-only, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

from skilltrends.store.db import make_readonly_engine
from skilltrends.store.query import run_query

README = Path(__file__).resolve().parents[2] / "README.md"
PARAMS = {"skill": "mlflow"}


def _examples() -> list[str]:
    section = README.read_text(encoding="utf-8").partition("## For analysts")[2].partition("\n## ")[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_readme_has_at_least_ten_example_queries() -> None:
    assert len(_examples()) >= 10


def test_readme_queries_run_and_return_rows(shared_store_url: str) -> None:
    engine = make_readonly_engine(shared_store_url)
    try:
        for number, sql in enumerate(_examples(), start=1):
            params = {k: v for k, v in PARAMS.items() if f":{k}" in sql}
            result = run_query(engine, sql, params)
            assert result.rows, f"example {number} returned no rows:\n{sql}"
    finally:
        engine.dispose()


def test_readme_shares_match_the_view(shared_store_url: str) -> None:
    engine = make_readonly_engine(shared_store_url)
    try:
        by_quarter = run_query(engine, _examples()[2]).rows
        assert all(0 <= float(pytorch) <= 1 for _, _, pytorch, _ in by_quarter)
        total = run_query(engine, _examples()[0]).rows[0]
        assert (int(total[0]), int(total[1]), int(total[2])) == (68, 60, 8)
    finally:
        engine.dispose()
