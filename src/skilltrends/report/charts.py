"""Report charts as PNG files, drawn with matplotlib's object-oriented API on the Agg canvas (no pyplot state)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

__all__ = ["plot_shares", "plot_ratio", "plot_bars", "plot_stacked"]

_DPI = 110
_COLORS = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
]


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=_DPI, bbox_inches="tight", metadata={"Software": None})
    return path


def plot_shares(
    shares: pl.DataFrame, items: Sequence[str], labels: Mapping[str, str], path: Path, *, title: str
) -> Path:
    """One line per item with its 95% interval as a band; periods under 30 postings as hollow markers only."""
    fig = Figure(figsize=(9, 4.8))
    ax = fig.add_subplot()
    for i, item in enumerate(items):
        rows = shares.filter(pl.col("item") == item).sort("period")
        if rows.is_empty():
            continue
        color = _COLORS[i % len(_COLORS)]
        x = rows["period"].to_list()
        # periods under 30 postings break the line and band and show as hollow markers: seen, not joined in
        solid = rows.with_columns(
            [pl.when(pl.col("low_n")).then(None).otherwise(pl.col(c)).alias(c) for c in ("share", "ci_low", "ci_high")]
        )
        nan = float("nan")
        ys = [nan if v is None else v for v in solid["share"].to_list()]
        lows = [nan if v is None else v for v in solid["ci_low"].to_list()]
        highs = [nan if v is None else v for v in solid["ci_high"].to_list()]
        ax.fill_between(x, lows, highs, color=color, alpha=0.15, lw=0)
        ax.plot(x, ys, color=color, lw=1.8, label=labels.get(item, item))
        low = rows.filter(pl.col("low_n"))
        if not low.is_empty():
            ax.scatter(
                low["period"].to_list(), low["share"].to_list(), facecolors="white", edgecolors=color, s=18, zorder=3
            )
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylim(bottom=0)
    ax.set_ylabel("share of postings (95% interval)")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, ncols=2 if len(items) > 6 else 1, loc="center left", bbox_to_anchor=(1.01, 0.5))
    return _save(fig, path)


def plot_ratio(ratio: pl.DataFrame, path: Path, *, title: str, ylabel: str) -> Path:
    """The ratio per period as a line, with a dashed line at parity (1)."""
    fig = Figure(figsize=(9, 3.6))
    ax = fig.add_subplot()
    rows = ratio.filter(pl.col("ratio").is_not_null()).sort("period")
    ax.plot(rows["period"].to_list(), rows["ratio"].to_list(), color=_COLORS[0], lw=1.8, marker="o", ms=3)
    ax.axhline(1.0, color="grey", ls="--", lw=1)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(alpha=0.3)
    return _save(fig, path)


def plot_bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    path: Path,
    *,
    title: str,
    xlabel: str,
    low: Sequence[float | None] | None = None,
    high: Sequence[float | None] | None = None,
    percent: bool = False,
    signed: bool = False,
) -> Path:
    """Horizontal bars (first label on top), with error bars from `low` to `high` when given."""
    fig = Figure(figsize=(8, max(2.2, 0.32 * len(labels) + 1.2)))
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]
    vals = [v if v is not None else 0.0 for v in values]
    colors = [(_COLORS[2] if v >= 0 else _COLORS[1]) if signed else _COLORS[0] for v in vals]
    ax.barh(y, vals, color=colors, alpha=0.85)
    if low is not None and high is not None:
        err_lo = [max(v - (lo if lo is not None else v), 0) for v, lo in zip(vals, low, strict=True)]
        err_hi = [max((hi if hi is not None else v) - v, 0) for v, hi in zip(vals, high, strict=True)]
        ax.errorbar(vals, y, xerr=[err_lo, err_hi], fmt="none", ecolor="black", elinewidth=1, capsize=2)
    ax.set_yticks(y, [str(label) for label in labels], fontsize=8)
    if percent:
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    if signed:
        ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path)


def plot_stacked(
    frame: pl.DataFrame, *, x: str, stack: str, value: str, path: Path, title: str, ylabel: str
) -> Path:
    """Stacked bars of `value` per `x`, one colour per `stack` value."""
    wide = frame.pivot(on=stack, index=x, values=value, aggregate_function="sum").fill_null(0).sort(x)
    fig = Figure(figsize=(9, 4))
    ax = fig.add_subplot()
    xs = [str(v) for v in wide[x].to_list()]
    bottom = [0.0] * len(xs)
    for i, column in enumerate(c for c in wide.columns if c != x):
        heights = [float(v) for v in wide[column].to_list()]
        ax.bar(xs, heights, bottom=bottom, color=_COLORS[i % len(_COLORS)], label=str(column), width=0.85)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    step = max(1, len(xs) // 12)
    ax.set_xticks(range(0, len(xs), step), xs[::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    ax.grid(axis="y", alpha=0.3)
    return _save(fig, path)
