"""Analyst queries, read-only by construction, and exports of the analyst views.

Read-only twice over: the engine cannot write (make_readonly_engine: SQLite opened with mode=ro and
query_only, PostgreSQL in READ ONLY transactions), and one statement runs per call, so a query cannot
end the read-only transaction and start another. Parameters are bound by the driver, never interpolated.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, StatementError

from skilltrends.errors import QueryError

__all__ = ["QueryResult", "VIEWS", "FORMATS", "run_query", "format_result", "write_result", "export_views"]

VIEWS = ("unique_postings", "unique_posting_skills", "skill_group_members", "monthly_skill_shares",
         "monthly_skill_shares_ml")
FORMATS = ("table", "csv", "json", "parquet")
# Quoted strings, quoted names, comments and dollar-quoted bodies: a ';' inside them does not end a statement.
_OPAQUE = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|/\*.*?\*/|\$(\w*)\$.*?\$\1\$""", re.S)
_READ_ONLY = ("readonly database", "read-only transaction", "query_only", "not authorized")


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_query(engine: Engine, sql: str, params: Mapping[str, object] | None = None) -> QueryResult:
    """Run one SELECT (or WITH ... SELECT) with bound parameters; refuse anything else with a QueryError."""
    statement = _one_statement(sql)
    try:
        with engine.connect() as conn:
            result = conn.execute(text(statement), dict(params or {}))
            if not result.returns_rows:
                return QueryResult([], [])
            return QueryResult(list(result.keys()), [tuple(row) for row in result])
    except StatementError as exc:
        raise _query_error(exc) from exc


def _one_statement(sql: str) -> str:
    body = sql.strip().rstrip(";").strip()
    if not body:
        raise QueryError("Empty query. Hint: skilltrends query \"SELECT COUNT(*) FROM unique_postings\"")
    if ";" in _OPAQUE.sub(" ", body):
        raise QueryError("One statement per query. Hint: split the SQL; run each SELECT on its own")
    return body


def _query_error(exc: StatementError) -> QueryError:
    if not isinstance(exc, DBAPIError):  # raised before the database saw it: a missing parameter, usually
        message = str(exc.orig or exc).splitlines()[0].split(" (Background on this error")[0]
        return QueryError(f"{message}. Hint: bind every :name with -p name=value")
    message = str(exc.orig).strip().splitlines()[0]
    if any(marker in message.lower() for marker in _READ_ONLY):
        return QueryError(f"Refused: queries are read-only and this one writes ({message}); nothing changed. "
                          "Hint: the store is written only by crawl, extract and db commands")
    return QueryError(f"Query failed: {message}. Hint: the views and tables are listed in schemas/store.md "
                      "(run `skilltrends db upgrade` if a view is missing)")


def format_result(result: QueryResult, fmt: str) -> str:
    """The result as an aligned table, CSV or JSON text."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[_plain(v) for v in row] for row in result.rows])
        return buffer.getvalue()
    if fmt == "json":
        records = [dict(zip(result.columns, map(_plain, row), strict=True)) for row in result.rows]
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    if fmt == "table":
        return _table(result)
    raise QueryError(f"Format {fmt!r} cannot go to the terminal. Hint: --format parquet needs --out FILE")


def write_result(result: QueryResult, fmt: str, out: Path) -> None:
    """Write the result to a file: Parquet (typed), or the text of format_result."""
    if fmt == "parquet":
        _frame(result.columns, result.rows).write_parquet(out)
    else:
        out.write_text(format_result(result, fmt), encoding="utf-8")


def export_views(engine: Engine, out_dir: Path, *, fmt: str = "parquet",
                 views: Sequence[str] = VIEWS) -> dict[str, int]:
    """Write each analyst view to out_dir/<view>.parquet|csv; returns rows per view."""
    if fmt not in ("parquet", "csv"):
        raise QueryError(f"Unknown export format {fmt!r}. Available: parquet, csv")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for view in views:
        result = run_query(engine, f"SELECT * FROM {view}")
        frame = _frame(result.columns, result.rows)
        path = out_dir / f"{view}.{fmt}"
        frame.write_parquet(path) if fmt == "parquet" else frame.write_csv(path)
        written[view] = frame.height
    return written


def _frame(columns: list[str], rows: list[tuple[Any, ...]]) -> pl.DataFrame:
    data = {name: [_typed(row[i]) for row in rows] for i, name in enumerate(columns)}
    return pl.DataFrame(data, strict=False)


def _typed(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _table(result: QueryResult) -> str:
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(result.columns)]
    numeric = [all(isinstance(row[i], int | float | Decimal) or row[i] is None for row in result.rows)
               for i in range(len(result.columns))]

    def line(values: Sequence[str]) -> str:
        cells = zip(values, widths, numeric, strict=True)
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in cells)

    lines = [line(result.columns), "  ".join("-" * w for w in widths), *(line(row) for row in cells)]
    lines = [text_.rstrip() for text_ in lines]
    footer = f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})"
    return "\n".join(lines).rstrip() + f"\n{footer}\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    text_ = _plain(value)
    text_ = str(text_).replace("\n", " ")
    return text_ if len(text_) <= 60 else text_[:57] + "..."
