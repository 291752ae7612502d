"""Write a trend report: report.md, shares.csv and summary.json (valid against schemas/report.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from skilltrends.schema import validate

__all__ = ["ReportMeta", "write_trend_report", "headline"]


@dataclass(frozen=True, slots=True)
class ReportMeta:
    name: str
    period: str
    filters: Mapping[str, Any]
    items: Mapping[str, Sequence[str]]
    labels: Mapping[str, str]
    extractor_version: str
    taxonomy_version: str
    sources: Sequence[str] = field(default_factory=list)


def headline(shares: pl.DataFrame) -> pl.DataFrame:
    """Each item's share in the latest period with at least 30 postings (else the latest period)."""
    if shares.is_empty():
        return shares
    solid = shares.filter(~pl.col("low_n"))
    last = (solid if not solid.is_empty() else shares)["period"].max()
    return shares.filter(pl.col("period") == last).select("item", "period", "postings", "share", "ci_low", "ci_high")


def write_trend_report(shares_lazy: pl.LazyFrame, *, out_dir: Path, meta: ReportMeta) -> Path:
    """Collect the shares and write the report files into out_dir; returns the report.md path."""
    shares = shares_lazy.collect()
    out_dir.mkdir(parents=True, exist_ok=True)
    shares.write_csv(out_dir / "shares.csv")
    summary = _summary(shares, meta)
    validate("report", summary)
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    report = out_dir / "report.md"
    report.write_text(_markdown(shares, meta, summary), encoding="utf-8")
    return report


def _summary(shares: pl.DataFrame, meta: ReportMeta) -> dict[str, Any]:
    periods = shares["period"].unique().sort().to_list() if not shares.is_empty() else []
    totals = shares.unique("period").select("period", "postings").sort("period") if periods else None
    return {
        "name": meta.name,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "period": meta.period,
        "since": periods[0].isoformat() if periods else None,
        "until": periods[-1].isoformat() if periods else None,
        "filters": dict(meta.filters),
        "denominator": "unique postings in the period that pass the filters",
        "postings": int(totals["postings"].sum()) if totals is not None else 0,
        "extractor_version": meta.extractor_version,
        "taxonomy_version": meta.taxonomy_version,
        "sources": list(meta.sources),
        "items": [{"id": k, "label": meta.labels.get(k, k), "skill_ids": list(v)} for k, v in meta.items.items()],
        "series": [
            {
                "item": row["item"], "period": row["period"].isoformat(), "postings": row["postings"],
                "naming": row["naming"], "share": row["share"], "ci_low": row["ci_low"], "ci_high": row["ci_high"],
                "required": row["required"], "low_n": row["low_n"],
            }
            for row in shares.iter_rows(named=True)
        ],
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _markdown(shares: pl.DataFrame, meta: ReportMeta, summary: dict[str, Any]) -> str:
    lines = [
        f"# Skill demand report: {meta.name}",
        "",
        f"Share of {summary['denominator']} naming each skill, by {meta.period}, "
        f"{summary['since']} to {summary['until']}; {summary['postings']} postings in all. "
        f"Filters: {json.dumps(dict(meta.filters))}. 95% Wilson intervals in brackets. "
        f"Extractor {meta.extractor_version}, taxonomy {meta.taxonomy_version}.",
        "",
        "## Latest period",
        "",
        "| skill | period | postings | share | 95% interval |",
        "|---|---|---:|---:|---|",
    ]
    for row in headline(shares).iter_rows(named=True):
        lines.append(
            f"| {meta.labels.get(row['item'], row['item'])} | {row['period']} | {row['postings']} | "
            f"{_pct(row['share'])} | {_pct(row['ci_low'])}–{_pct(row['ci_high'])} |"
        )
    lines += ["", f"## Share by {meta.period}", ""]
    if not shares.is_empty():
        wide = shares.pivot(on="item", index=["period", "postings"], values="share").sort("period")
        items = [c for c in wide.columns if c not in ("period", "postings")]
        lines.append("| period | postings | " + " | ".join(meta.labels.get(i, i) for i in items) + " |")
        lines.append("|---|---:|" + "---:|" * len(items))
        for row in wide.iter_rows(named=True):
            flag = " ⚠" if row["postings"] < 30 else ""
            cells = " | ".join(_pct(row[i]) for i in items)
            lines.append(f"| {row['period']}{flag} | {row['postings']} | {cells} |")
        lines += ["", "⚠ fewer than 30 postings in the period: read its shares with care.", ""]
    lines += ["Files: `shares.csv` (every period x skill with counts and intervals), `summary.json`.", ""]
    return "\n".join(lines)
