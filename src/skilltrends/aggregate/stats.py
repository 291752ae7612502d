"""Interval and test expressions for proportions: Wilson, Newcombe, the two-proportion z test, Benjamini-Hochberg.

Everything here is a Polars expression, so it runs inside lazy queries. References:
Wilson (1927) and Newcombe (1998, "Interval estimation for the difference between independent proportions",
method 10); the pooled two-proportion z test; Benjamini & Hochberg (1995).
"""

from __future__ import annotations

import math

import polars as pl

__all__ = [
    "Z95",
    "wilson_interval",
    "newcombe_interval",
    "two_proportion_z",
    "two_proportion_p",
    "normal_sf2",
    "bh_adjust",
]

Z95 = 1.959963984540054


def wilson_interval(successes: pl.Expr, total: pl.Expr, z: float = Z95) -> tuple[pl.Expr, pl.Expr]:
    """Wilson score interval for a binomial proportion (null where total is 0)."""
    n = total.cast(pl.Float64)
    p = successes.cast(pl.Float64) / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).sqrt()
    guard = pl.when(total > 0)
    # clip: p(1-p) rounding can push the bounds a hair outside [0, 1] at p = 0 or 1
    return (
        guard.then((centre - half).clip(0.0, 1.0)).otherwise(None),
        guard.then((centre + half).clip(0.0, 1.0)).otherwise(None),
    )


def newcombe_interval(
    x1: pl.Expr, n1: pl.Expr, x2: pl.Expr, n2: pl.Expr, z: float = Z95
) -> tuple[pl.Expr, pl.Expr]:
    """95% interval for p1 - p2 from the two Wilson intervals (Newcombe's hybrid score method 10)."""
    p1, p2 = x1.cast(pl.Float64) / n1, x2.cast(pl.Float64) / n2
    l1, u1 = wilson_interval(x1, n1, z)
    l2, u2 = wilson_interval(x2, n2, z)
    d = p1 - p2
    return d - ((p1 - l1) ** 2 + (u2 - p2) ** 2).sqrt(), d + ((u1 - p1) ** 2 + (p2 - l2) ** 2).sqrt()


def _erfc(x: pl.Expr) -> pl.Expr:
    """erfc(x) for x >= 0, fractional error below 1.2e-7 (Numerical Recipes, 2nd ed., erfcc)."""
    t = 1.0 / (1.0 + 0.5 * x)
    coefficients = [
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277,
    ]
    poly = pl.lit(coefficients[-1])
    for c in reversed(coefficients[:-1]):
        poly = c + t * poly
    return t * (-(x * x) + poly).exp()


def normal_sf2(z: pl.Expr) -> pl.Expr:
    """Two-sided p-value of a standard normal statistic: P(|Z| >= |z|) = erfc(|z| / sqrt 2)."""
    return _erfc(z.abs() / math.sqrt(2.0)).clip(
        0.0, 1.0
    )  # the approximation overshoots 1 by ~3e-8 near z = 0


def two_proportion_z(x1: pl.Expr, n1: pl.Expr, x2: pl.Expr, n2: pl.Expr) -> pl.Expr:
    """Pooled two-proportion z statistic (null where a count is 0 or the pooled share is 0 or 1)."""
    a, b = n1.cast(pl.Float64), n2.cast(pl.Float64)
    pooled = (x1 + x2).cast(pl.Float64) / (a + b)
    se = (pooled * (1 - pooled) * (1 / a + 1 / b)).sqrt()
    return pl.when((n1 > 0) & (n2 > 0) & (se > 0)).then(
        (x1.cast(pl.Float64) / a - x2.cast(pl.Float64) / b) / se
    )


def two_proportion_p(
    x1: pl.Expr, n1: pl.Expr, x2: pl.Expr, n2: pl.Expr, *, z: pl.Expr | None = None
) -> pl.Expr:
    """Two-sided p-value of the pooled two-proportion z test (1 where both shares are 0 or both 1; null if n = 0).

    Pass `z` (a column holding `two_proportion_z`) to keep query plans small.
    """
    stat = two_proportion_z(x1, n1, x2, n2) if z is None else z
    return pl.when((n1 > 0) & (n2 > 0)).then(pl.when(stat.is_null()).then(1.0).otherwise(normal_sf2(stat)))


def bh_adjust(p: pl.Expr) -> pl.Expr:
    """Benjamini-Hochberg q-values of the non-null p-values in the frame (or window, with .over())."""
    m = p.count()
    rank = p.rank(method="ordinal")
    raw = (p * m / rank).clip(upper_bound=1.0)
    # q_i = min over j with p_j >= p_i of p_j m / rank_j: a reversed cumulative minimum in p order
    order = p.arg_sort(descending=True, nulls_last=True)
    running = raw.gather(order).cum_min()
    return running.gather(order.arg_sort())
