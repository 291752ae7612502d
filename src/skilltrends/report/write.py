"""Write a trend report: report.md, report.html, charts (PNG), every table as CSV and Parquet, summary.json.

The only place that collects frames and writes files. summary.json is valid against schemas/report.schema.json.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from skilltrends.aggregate.tables import pair_window, report_base, report_tables, share_tables
from skilltrends.aggregate.trends import Filters, period_changes
from skilltrends.report import charts
from skilltrends.report.document import Block, Heading, Image, Para, Table, render_html, render_markdown
from skilltrends.report.index import write_index
from skilltrends.report.methodology import citation_text, methodology_blocks
from skilltrends.report.sections import SECTIONS
from skilltrends.schema import validate

__all__ = [
    "ReportMeta",
    "HEADLINE",
    "collect_tables",
    "collect_report",
    "write_report",
    "write_trend_report",
    "write_index",
    "headline",
]

HEADLINE = ("python", "tensorflow", "pytorch", "aws", "gcp", "azure", "cloud", "mlops")
Progress = Callable[[str], None]


def _noop(_: str) -> None:
    return None


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
    read_method: str = ""


def collect_tables(tables: Mapping[str, pl.LazyFrame]) -> dict[str, pl.DataFrame]:
    """Collect every table in one go, so Polars can share the common parts of their plans."""
    frames = pl.collect_all(list(tables.values()))
    return dict(zip(tables, frames, strict=True))


def collect_report(
    postings: pl.LazyFrame,
    mentions: pl.LazyFrame,
    *,
    items: Mapping[str, Sequence[str]],
    period: str,
    filters: Filters | None = None,
) -> dict[str, pl.DataFrame]:
    """Every table of the report, collected in three steps: the base frames, the tables, what derives from shares."""
    base = collect_tables(report_base(postings, mentions, period=period, filters=filters))
    since = pair_window(base["unique"]["period"].max(), period=period)  # type: ignore[arg-type]
    frames = collect_tables(
        report_tables({k: v.lazy() for k, v in base.items()}, items=items, period=period, pair_since=since)
    )
    return frames | collect_tables(share_tables(frames["shares"].lazy()))


def headline(shares: pl.DataFrame) -> pl.DataFrame:
    """Each item's share in the latest period with at least 30 postings (else the latest period)."""
    if shares.is_empty():
        return shares
    solid = shares.filter(~pl.col("low_n"))
    last = (solid if not solid.is_empty() else shares)["period"].max()
    return shares.filter(pl.col("period") == last).select(
        "item", "period", "postings", "share", "ci_low", "ci_high"
    )


def write_trend_report(shares_lazy: pl.LazyFrame, *, out_dir: Path, meta: ReportMeta) -> Path:
    """Collect shares (from `period_shares`, or at least its counts and intervals) and write the share sections."""
    shares = shares_lazy.collect()
    if "preferred" not in shares.columns:
        shares = shares.with_columns(
            preferred=pl.col("naming") - pl.col("required"),
            required_share=pl.when(pl.col("naming") > 0).then(pl.col("required") / pl.col("naming")),
        )
    if "change_prev_pp" not in shares.columns:
        shares = period_changes(shares.lazy(), period=meta.period).collect()
    return write_report(
        {"shares": shares} | collect_tables(share_tables(shares.lazy())), out_dir=out_dir, meta=meta
    )


# --------------------------------------------------------------------------------------------------- formatting


def _pct(value: float | None, digits: int = 1) -> str:
    return (
        "–"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else f"{100 * value:.{digits}f}%"
    )


def _pp(value: float | None) -> str:
    return "–" if value is None else f"{value:+.1f}"


def _interval(low: float | None, high: float | None, fmt: Callable[[float | None], str] = _pct) -> str:
    return "–" if low is None or high is None else f"{fmt(low)} to {fmt(high)}"


def _p(value: float | None) -> str:
    if value is None:
        return "–"
    return "<0.001" if value < 0.001 else f"{value:.3f}"


def _num(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


# --------------------------------------------------------------------------------------------------- files


class _Out:
    """Collects files written into the report folder, for summary.json."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.tables: list[dict[str, Any]] = []
        self.charts: list[str] = []

    def table(self, name: str, frame: pl.DataFrame, description: str) -> list[str]:
        frame.write_csv(self.dir / f"{name}.csv")
        frame.write_parquet(self.dir / f"{name}.parquet")
        self.tables.append(
            {
                "name": name,
                "csv": f"{name}.csv",
                "parquet": f"{name}.parquet",
                "rows": frame.height,
                "description": description,
            }
        )
        return [f"{name}.csv", f"{name}.parquet"]

    def chart(self, path: Path) -> Image:
        self.charts.append(path.name)
        return Image(path, path.stem.replace("_", " "))


# --------------------------------------------------------------------------------------------------- sections


def _label(meta: ReportMeta, item: str) -> str:
    return meta.labels.get(item, item)


def _snapshot_table(shares: pl.DataFrame, items: Sequence[str], meta: ReportMeta, files: list[str]) -> Table:
    last = shares.filter(pl.col("period") == shares["period"].max())
    rows = []
    for item in items:
        hit = last.filter(pl.col("item") == item)
        if hit.is_empty():
            continue
        r = hit.row(0, named=True)
        rows.append(
            [
                _label(meta, item),
                _pct(r["share"]),
                _interval(r["ci_low"], r["ci_high"]),
                f"{r['naming']:,}",
                _pct(r.get("required_share"), 0),
                _pp(r.get("change_prev_pp")),
                _p(r.get("p_prev")),
                _pp(r.get("change_year_pp")),
                _interval(r.get("change_year_low_pp"), r.get("change_year_high_pp"), _pp),
                _p(r.get("p_year")),
            ]
        )
    period = last["period"][0] if not last.is_empty() else None
    n = last["postings"][0] if not last.is_empty() else 0
    flag = " (fewer than 30 postings: read with care)" if n < 30 else ""
    return Table(
        [
            "item",
            "share",
            "95% interval",
            "postings naming",
            "named as required",
            "Δ prev. period (pp)",
            "p",
            "Δ year before (pp)",
            "95% interval (pp)",
            "p",
        ],
        rows,
        caption=f"{meta.period.capitalize()} starting {period}: {n:,} postings{flag}.",
        files=files,
        right=[False] + [True] * 9,
    )


def _share_sections(frames: Mapping[str, pl.DataFrame], meta: ReportMeta, out: _Out) -> list[Block]:
    shares = frames["shares"]
    blocks: list[Block] = []
    for letter, section in zip("abcd", SECTIONS, strict=False):
        items = [i for i in section.items if i in meta.items]
        if not items or shares.is_empty():
            continue
        blocks += [Heading(f"({letter}) {section.title}", 2, section.id), Para(section.text)]
        part = shares.filter(pl.col("item").is_in(items))
        files = out.table(section.id, part, f"{section.title}: every period x item")
        chart_items = items[:8] if section.id != "languages" else items[:7]
        blocks.append(
            out.chart(
                charts.plot_shares(
                    part,
                    chart_items,
                    meta.labels,
                    out.dir / f"{section.id}.png",
                    title=f"{section.title}: share of postings by {meta.period}",
                )
            )
        )
        blocks.append(_snapshot_table(shares, items, meta, files))
        if section.id == "frameworks" and "ratio_pytorch_tensorflow" in frames:
            blocks += _ratio_blocks(frames["ratio_pytorch_tensorflow"], meta, out)
    return blocks


def _ratio_blocks(ratio: pl.DataFrame, meta: ReportMeta, out: _Out) -> list[Block]:
    files = out.table(
        "ratio_pytorch_tensorflow", ratio, "Postings naming PyTorch per posting naming TensorFlow"
    )
    image = out.chart(
        charts.plot_ratio(
            ratio,
            out.dir / "ratio_pytorch_tensorflow.png",
            title="PyTorch : TensorFlow",
            ylabel="postings naming PyTorch per TensorFlow",
        )
    )
    rows = [
        [
            str(r["period"]),
            f"{r['postings'] or 0:,}",
            f"{r['pytorch'] or 0:,}",
            f"{r['tensorflow'] or 0:,}",
            _num(r["ratio"], 2),
        ]
        for r in ratio.tail(12).iter_rows(named=True)
    ]
    return [
        Heading("PyTorch : TensorFlow", 3),
        Para(
            "Postings naming PyTorch for every posting naming TensorFlow (above 1: PyTorch is named more often). "
            "Both counts come from the same postings, so the ratio carries no separate interval; read it with the "
            "two shares' intervals above."
        ),
        image,
        Table(
            ["period", "postings", "PyTorch", "TensorFlow", "ratio"],
            rows,
            caption="Latest 12 periods.",
            files=files,
            right=[False, True, True, True, True],
        ),
    ]


def _degree_blocks(frames: Mapping[str, pl.DataFrame], meta: ReportMeta, out: _Out) -> list[Block]:
    if "degrees" not in frames:
        return []
    degrees = frames["degrees"]
    blocks: list[Block] = [
        Heading("(e) Degrees and experience", 2, "degrees"),
        Para(
            "Minimum degree a posting asks for (the lowest level it accepts), over every posting in the report. "
            '"none stated" means the text names no degree, not that none is needed.'
        ),
    ]
    files = out.table("degrees", degrees, "Minimum-degree distribution")
    blocks.append(
        out.chart(
            charts.plot_bars(
                degrees["degree_min"].to_list(),
                degrees["share"].to_list(),
                out.dir / "degrees.png",
                title="Minimum degree asked",
                xlabel="share of postings (95% interval)",
                low=degrees["ci_low"].to_list(),
                high=degrees["ci_high"].to_list(),
                percent=True,
            )
        )
    )
    blocks.append(
        Table(
            ["minimum degree", "postings", "share", "95% interval"],
            [
                [
                    r["degree_min"],
                    f"{r['postings_with']:,}",
                    _pct(r["share"]),
                    _interval(r["ci_low"], r["ci_high"]),
                ]
                for r in degrees.iter_rows(named=True)
            ],
            files=files,
            right=[False, True, True, True],
        )
    )
    if "degrees_by_year" in frames:
        files = out.table(
            "degrees_by_year", frames["degrees_by_year"], "Minimum-degree distribution per year"
        )
        blocks.append(
            Para("The same distribution per calendar year is in the files " + ", ".join(files) + ".")
        )
    if "phd_by_seniority" in frames:
        phd = frames["phd_by_seniority"]
        files = out.table("phd_by_seniority", phd, "Share of postings asking for a PhD, per seniority")
        blocks += [
            Heading("PhD share by seniority", 3),
            out.chart(
                charts.plot_bars(
                    phd["seniority"].to_list(),
                    phd["share"].to_list(),
                    out.dir / "phd_by_seniority.png",
                    title="Postings whose minimum degree is a PhD",
                    xlabel="share (95% interval)",
                    low=phd["ci_low"].to_list(),
                    high=phd["ci_high"].to_list(),
                    percent=True,
                )
            ),
            Table(
                ["seniority", "postings", "PhD minimum", "share", "95% interval"],
                [
                    [
                        r["seniority"],
                        f"{r['postings']:,}",
                        f"{r['phd']:,}",
                        _pct(r["share"]),
                        _interval(r["ci_low"], r["ci_high"]),
                    ]
                    for r in phd.iter_rows(named=True)
                ],
                files=files,
                right=[False, True, True, True, True],
            ),
        ]
    if "degree_fields" in frames:
        fields = frames["degree_fields"]
        files = out.table(
            "degree_fields", fields, "Fields of study named, share of postings naming any field"
        )
        blocks += [
            Heading("Fields of study", 3),
            Table(
                ["field", "postings", "share of postings naming a field", "95% interval"],
                [
                    [
                        r["field"],
                        f"{r['postings_with']:,}",
                        _pct(r["share"]),
                        _interval(r["ci_low"], r["ci_high"]),
                    ]
                    for r in fields.head(15).iter_rows(named=True)
                ],
                files=files,
                right=[False, True, True, True],
            ),
        ]
    if "years_by_seniority" in frames:
        years = frames["years_by_seniority"]
        files = out.table("years_by_seniority", years, "Minimum years of experience asked, per seniority")
        blocks += [
            Heading("Years of experience", 3),
            Table(
                ["seniority", "postings stating years", "median", "25th percentile", "75th percentile"],
                [
                    [
                        r["seniority"],
                        f"{r['n']:,}",
                        _num(r["median"], 1),
                        _num(r["q25"], 1),
                        _num(r["q75"], 1),
                    ]
                    for r in years.iter_rows(named=True)
                ],
                files=files,
                right=[False, True, True, True, True],
            ),
        ]
    return blocks


def _pair_blocks(frames: Mapping[str, pl.DataFrame], meta: ReportMeta, out: _Out) -> list[Block]:
    if "pairs" not in frames:
        return []
    pairs = frames["pairs"]
    files = out.table(
        "pairs", pairs, "Skill pairs over the last 12 periods: postings naming both, support, confidence, lift"
    )
    top = pairs.head(20)
    names = [
        f"{_label(meta, a)} + {_label(meta, b)}" for a, b in zip(top["skill_a"], top["skill_b"], strict=True)
    ]
    blocks: list[Block] = [
        Heading("(f) Skills asked for together", 2, "pairs"),
        Para(
            f"Pairs of skills over the report's last 12 {meta.period}s, by lift: how much more often two skills are "
            "named together than if they were "
            "independent (1 = independent). Support is the share of postings naming both; pairs named together "
            "by fewer than 10 postings are left out, because their lift is noise."
        ),
    ]
    if not top.is_empty():
        blocks.append(
            out.chart(
                charts.plot_bars(
                    names,
                    top["lift"].to_list(),
                    out.dir / "pairs.png",
                    title="Top skill pairs by lift",
                    xlabel="lift",
                )
            )
        )
    blocks.append(
        Table(
            ["pair", "postings naming both", "support", "lift"],
            [
                [n, f"{r['both']:,}", _pct(r["support"]), _num(r["lift"], 2)]
                for n, r in zip(names, top.iter_rows(named=True), strict=True)
            ],
            files=files,
            right=[False, True, True, True],
        )
    )
    return blocks


def _change_blocks(frames: Mapping[str, pl.DataFrame], meta: ReportMeta, out: _Out) -> list[Block]:
    if "changes" not in frames:
        return []
    changes = frames["changes"]
    files = out.table(
        "changes", changes, "Latest period against the comparison period, every item, with q-values"
    )
    significant = changes.filter(pl.col("significant"))
    rising = significant.filter(pl.col("change_pp") > 0).head(10)
    falling = significant.filter(pl.col("change_pp") < 0).sort("change_pp").head(10)
    against = changes["against"][0] if not changes.is_empty() else "previous period"
    blocks: list[Block] = [
        Heading("(g) Rising and falling skills", 2, "changes"),
        Para(
            f"The largest significant changes in share between the latest {meta.period} and the {against} "
            "before it, in percentage points (pp), with 95% Newcombe intervals. Significant: Benjamini-Hochberg "
            "q below 0.05 across every skill and group tested (two-sided pooled two-proportion z test)."
        ),
    ]
    shown = pl.concat([rising, falling])
    if not shown.is_empty():
        blocks.append(
            out.chart(
                charts.plot_bars(
                    [_label(meta, i) for i in shown["item"]],
                    shown["change_pp"].to_list(),
                    out.dir / "changes.png",
                    title=f"Significant changes against the {against}",
                    xlabel="change (pp, 95% interval)",
                    low=shown["change_low_pp"].to_list(),
                    high=shown["change_high_pp"].to_list(),
                    signed=True,
                )
            )
        )
    header = ["item", "share now", "share before", "change (pp)", "95% interval (pp)", "p", "q"]
    for title, part in (("Rising", rising), ("Falling", falling)):
        rows = [
            [
                _label(meta, r["item"]),
                _pct(r["share"]),
                _pct(r["naming_before"] / r["postings_before"] if r["postings_before"] else None),
                _pp(r["change_pp"]),
                _interval(r["change_low_pp"], r["change_high_pp"], _pp),
                _p(r["p_before"]),
                _p(r["q"]),
            ]
            for r in part.iter_rows(named=True)
        ]
        blocks += [
            Heading(title, 3),
            Table(
                header,
                rows or [["none significant", "", "", "", "", "", ""]],
                files=files,
                right=[False] + [True] * 6,
            ),
        ]
    return blocks


def _pay_blocks(frames: Mapping[str, pl.DataFrame], meta: ReportMeta, out: _Out) -> list[Block]:
    if "pay" not in frames:
        return []
    pay = frames["pay"]
    files = out.table("pay", pay, "Annualised pay per currency and item: n, median, quartiles")
    blocks: list[Block] = [
        Heading("(h) Pay by skill", 2, "pay"),
        Para(
            "Annualised pay where the posting states it: the midpoint of the stated range (or its one end), times "
            "1 (year), 12 (month), 52 (week), 260 (day) or 2,080 (hour). Never converted between currencies. "
            "Medians and interquartile ranges (IQR, 25th to 75th percentile, linear interpolation); n is the "
            "number of postings. Postings that state pay are a minority and not a random one (see coverage)."
        ),
    ]
    for currency in (
        pay.group_by("currency").agg(pl.col("n").max()).sort("n", descending=True)["currency"][:3]
    ):
        part = (
            pay.filter((pl.col("currency") == currency) & (pl.col("n") >= 10))
            .sort("n", descending=True)
            .head(20)
        )
        if part.is_empty():
            continue
        part = part.sort("median", descending=True)
        names = [_label(meta, i) for i in part["item"]]
        blocks.append(
            out.chart(
                charts.plot_bars(
                    names,
                    part["median"].to_list(),
                    out.dir / f"pay_{currency.lower()}.png",
                    title=f"Median annual pay ({currency}), items with 10+ postings",
                    xlabel=f"{currency} a year (IQR)",
                    low=part["q25"].to_list(),
                    high=part["q75"].to_list(),
                )
            )
        )
        blocks.append(
            Table(
                ["item", "n", "median", "25th percentile", "75th percentile"],
                [
                    [nm, f"{r['n']:,}", _num(r["median"]), _num(r["q25"]), _num(r["q75"])]
                    for nm, r in zip(names, part.iter_rows(named=True), strict=True)
                ],
                caption=f"{currency}, a year.",
                files=files,
                right=[False, True, True, True, True],
            )
        )
    return blocks


def _coverage_blocks(frames: Mapping[str, pl.DataFrame], meta: ReportMeta, out: _Out) -> list[Block]:
    if "coverage" not in frames:
        return []
    coverage = frames["coverage"]
    files = out.table(
        "coverage", coverage, "Postings per period and source: copies, unique, duplicates removed"
    )
    blocks: list[Block] = [
        Heading("(i) Coverage", 2, "coverage"),
        Para(
            "What the numbers stand on. Copies are stored postings passing the filters; a job published on "
            "several boards (or re-posted) is counted once, under its canonical copy."
        ),
    ]
    if not coverage.is_empty():
        blocks.append(
            out.chart(
                charts.plot_stacked(
                    coverage,
                    x="period",
                    stack="source",
                    value="unique",
                    path=out.dir / "coverage.png",
                    title=f"Unique postings per {meta.period} and source",
                    ylabel="unique postings",
                )
            )
        )
    per_source = (
        coverage.group_by("source").agg(pl.col("copies", "unique", "duplicates_removed").sum()).sort("source")
    )
    blocks.append(
        Table(
            ["source", "copies", "unique postings", "duplicates removed"],
            [
                [r["source"], f"{r['copies']:,}", f"{r['unique']:,}", f"{r['duplicates_removed']:,}"]
                for r in per_source.iter_rows(named=True)
            ],
            files=files,
            right=[False, True, True, True],
        )
    )
    if "coverage_totals" in frames and not frames["coverage_totals"].is_empty():
        t = frames["coverage_totals"].row(0, named=True)
        out.table(
            "coverage_totals", frames["coverage_totals"], "Share of postings with skills, pay, degree, years"
        )
        blocks.append(
            Table(
                ["postings", "naming any skill", "stating pay", "stating a degree", "stating years"],
                [
                    [
                        f"{t['postings']:,}",
                        _pct(t["skills_share"]),
                        _pct(t["pay_share"]),
                        _pct(t["degree_share"]),
                        _pct(t["years_share"]),
                    ]
                ],
                files=["coverage_totals.csv", "coverage_totals.parquet"],
                right=[True] * 5,
            )
        )
    if "extractor_versions" in frames:
        ev = frames["extractor_versions"]
        files = out.table("extractor_versions", ev, "Extractor version that tagged each posting")
        blocks.append(
            Table(
                ["extractor version", "postings"],
                [[str(r["extractor_version"]), f"{r['postings']:,}"] for r in ev.iter_rows(named=True)],
                files=files,
                right=[False, True],
            )
        )
    if "titles" in frames:
        titles = frames["titles"]
        files = out.table("titles", titles, "Most frequent posting titles in the report")
        blocks.append(
            Table(
                ["most frequent titles", "postings"],
                [[str(r["title"]), f"{r['postings']:,}"] for r in titles.iter_rows(named=True)],
                caption="What the role filter let in.",
                files=files,
                right=[False, True],
            )
        )
    return blocks


# --------------------------------------------------------------------------------------------------- summary


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


_SERIES_EXTRA = (
    "preferred",
    "required_share",
    "change_prev_pp",
    "change_prev_low_pp",
    "change_prev_high_pp",
    "p_prev",
    "change_year_pp",
    "change_year_low_pp",
    "change_year_high_pp",
    "p_year",
)


def _named_items(shares: pl.DataFrame, meta: ReportMeta) -> list[str]:
    """Items named by at least one posting, plus the groups and headline items (the CSV keeps every item)."""
    named = shares.group_by("item").agg(pl.col("naming").sum()).filter(pl.col("naming") > 0)["item"].to_list()
    always = [k for k, v in meta.items.items() if len(v) > 1 or k in HEADLINE]
    return sorted(set(named) | set(always))


def _summary(frames: Mapping[str, pl.DataFrame], meta: ReportMeta, out: _Out) -> dict[str, Any]:
    shares = frames["shares"]
    periods = shares["period"].unique().sort().to_list() if not shares.is_empty() else []
    totals = shares.unique("period").select("period", "postings") if periods else None
    base = ("item", "period", "postings", "naming", "share", "ci_low", "ci_high", "required", "low_n")
    extra = [c for c in _SERIES_EXTRA if c in shares.columns]
    summary: dict[str, Any] = {
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
        "read_method": meta.read_method,
        "low_n_periods": sorted({p.isoformat() for p in shares.filter(pl.col("low_n"))["period"].to_list()}),
        "items": [
            {"id": k, "label": meta.labels.get(k, k), "skill_ids": list(v)} for k, v in meta.items.items()
        ],
        "series": [
            {k: _json_value(row[k]) for k in (*base, *extra)}
            for row in shares.filter(pl.col("item").is_in(_named_items(shares, meta))).iter_rows(named=True)
        ],
        "tables": out.tables,
        "charts": out.charts,
    }
    if "changes" in frames:
        named = _named_items(shares, meta)
        summary["changes"] = [
            {k: _json_value(v) for k, v in row.items()}
            for row in frames["changes"].filter(pl.col("item").is_in(named)).iter_rows(named=True)
        ]
    if "coverage_totals" in frames and not frames["coverage_totals"].is_empty():
        summary["coverage"] = {
            k: _json_value(v) for k, v in frames["coverage_totals"].row(0, named=True).items()
        }
    return summary


def _headline_blocks(shares: pl.DataFrame, meta: ReportMeta, summary: Mapping[str, Any]) -> list[Block]:
    items = [i for i in HEADLINE if i in meta.items]
    filters = "; ".join(
        f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
        for k, v in meta.filters.items()
        if v not in (None, [], False)
    )
    blocks: list[Block] = [
        Heading(f"Skill demand report: {meta.name}", 1),
        Para(
            f"Share of {summary['denominator']} naming each skill, by {meta.period}, {summary['since']} to "
            f"{summary['until']}; {summary['postings']:,} postings in all. Filters: {filters or 'none'}. "
            f"95% Wilson intervals. Extractor {meta.extractor_version}, taxonomy {meta.taxonomy_version}."
        ),
    ]
    if summary["low_n_periods"]:
        blocks.append(
            Para(
                f"{len(summary['low_n_periods'])} {meta.period}(s) have fewer than 30 postings; their "
                "shares are shown, flagged, and carry wide intervals."
            )
        )
    if items and not shares.is_empty():
        top = headline(shares.filter(pl.col("item").is_in(items)))
        rows = {r["item"]: r for r in top.iter_rows(named=True)}
        blocks += [
            Heading("Headline: the latest period", 2, "headline"),
            Para("The latest period with at least 30 postings (the latest of all if none has 30)."),
            Table(
                ["skill", "period", "postings", "share", "95% interval"],
                [
                    [
                        _label(meta, i),
                        str(rows[i]["period"]),
                        str(rows[i]["postings"]),
                        _pct(rows[i]["share"]),
                        f"{_pct(rows[i]['ci_low'])}–{_pct(rows[i]['ci_high'])}",
                    ]
                    for i in items
                    if i in rows
                ],
                right=[False, False, True, True, True],
            ),
        ]
        wide = (
            shares.filter(pl.col("item").is_in(items))
            .pivot(on="item", index=["period", "postings"], values="share")
            .sort("period")
        )
        present = [i for i in items if i in wide.columns]
        blocks += [
            Heading(f"Headline shares by {meta.period}", 3),
            Table(
                ["period", "postings", *[_label(meta, i) for i in present]],
                [
                    [
                        f"{r['period']}{' ⚠' if r['postings'] < 30 else ''}",
                        str(r["postings"]),
                        *[_pct(r[i]) for i in present],
                    ]
                    for r in wide.iter_rows(named=True)
                ],
                caption="⚠ fewer than 30 postings in the period: read its shares with care.",
                files=["shares.csv", "shares.parquet"],
                right=[False] + [True] * (len(present) + 1),
            ),
        ]
    return blocks


def write_report(
    frames: Mapping[str, pl.DataFrame], *, out_dir: Path, meta: ReportMeta, progress: Progress = _noop
) -> Path:
    """Write every file of the report into out_dir; returns the report.md path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    out = _Out(out_dir)
    shares = frames["shares"]
    out.table("shares", shares, "Every period x item: counts, share, interval, required split, changes")
    progress("drawing charts and tables")
    body: list[Block] = []
    for build in (
        _share_sections,
        _degree_blocks,
        _pair_blocks,
        _change_blocks,
        _pay_blocks,
        _coverage_blocks,
    ):
        body += build(frames, meta, out)
    summary = _summary(frames, meta, out)
    validate("report", summary)
    blocks = [
        *_headline_blocks(shares, meta, summary),
        *body,
        *methodology_blocks(meta, summary),
        Heading("How to cite", 2, "cite"),
        Para(citation_text(meta, summary)),
    ]
    (out_dir / "summary.json").write_text(
        json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    report = out_dir / "report.md"
    report.write_text(render_markdown(blocks), encoding="utf-8")
    (out_dir / "report.html").write_text(
        render_html(blocks, title=f"Skill demand report: {meta.name}"), encoding="utf-8"
    )
    write_index(out_dir.parent)
    return report
