"""Generator tests: determinism, coverage, planted look-alikes, trends and duplicates."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from skilltrends.models import ROLE_FAMILIES, SENIORITIES
from skilltrends.sample import Market, generate_market, market_sources, write_market

MLE_FAMILY = ("ml_engineer", "mlops_engineer")


def digests(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def share(truth: list[dict[str, Any]], skill: str, months: set[str]) -> float:
    jobs = [j for j in truth if j["role_family"] in MLE_FAMILY and j["posted_month"] in months]
    return sum(any(s["id"] == skill for s in j["skills"]) for j in jobs) / len(jobs)


@pytest.mark.parametrize("seed", [7])
def test_write_market_same_seed_same_bytes(seed: int, tmp_path: Path) -> None:
    # A smaller market runs the same code paths as the default one, in a fraction of the time.
    for out in (tmp_path / "a", tmp_path / "b"):
        write_market(generate_market(seed=seed, mle_per_month=30, last_month="2023-12"), out)
    assert digests(tmp_path / "a") == digests(tmp_path / "b")


@pytest.mark.parametrize("budget_s", [10.0])
def test_generate_market_fast_enough(budget_s: float, market_dir: Path, timings: dict[str, float]) -> None:
    assert timings["generate"] + timings["write"] < budget_s


@pytest.mark.parametrize("seeds", [(1, 2)])
def test_write_market_different_seed_differs(seeds: tuple[int, int], tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for seed, out in zip(seeds, (a, b), strict=True):
        write_market(generate_market(seed=seed, mle_per_month=10, last_month="2023-06"), out)
    assert digests(a)["truth.jsonl"] != digests(b)["truth.jsonl"]
    assert digests(a)["records.jsonl.gz"] != digests(b)["records.jsonl.gz"]


@pytest.mark.parametrize("min_months", [36])
def test_generate_market_spans_months(min_months: int, truth: list[dict[str, Any]]) -> None:
    months = {j["posted_month"] for j in truth}
    assert len(months) >= min_months
    assert min(months) == "2023-01" and max(months) == "2026-10"


@pytest.mark.parametrize("min_companies", [12])
def test_generate_market_has_companies(min_companies: int, truth: list[dict[str, Any]]) -> None:
    assert len({j["company"] for j in truth}) >= min_companies


@pytest.mark.parametrize("low, high", [(80, 100)])
def test_generate_market_mle_family_per_month(low: int, high: int, truth: list[dict[str, Any]]) -> None:
    counts = Counter(j["posted_month"] for j in truth if j["role_family"] in MLE_FAMILY)
    assert all(low <= n <= high for n in counts.values())


@pytest.mark.parametrize("low, high", [(0.25, 0.35)])
def test_generate_market_near_roles_share(low: float, high: float, truth: list[dict[str, Any]]) -> None:
    near = sum(j["role_family"] not in MLE_FAMILY for j in truth) / len(truth)
    assert low <= near <= high


@pytest.mark.parametrize(
    "expected", [{"ml_engineer", "mlops_engineer", "data_scientist", "data_engineer", "research_scientist"}]
)
def test_generate_market_role_families(expected: set[str], truth: list[dict[str, Any]]) -> None:
    families = {j["role_family"] for j in truth}
    assert families == expected
    assert families <= set(ROLE_FAMILIES)


@pytest.mark.parametrize("family", MLE_FAMILY)
def test_generate_market_seniorities(family: str, truth: list[dict[str, Any]]) -> None:
    levels = {j["seniority"] for j in truth if j["role_family"] == family}
    assert levels == set(SENIORITIES)


@pytest.mark.parametrize("title", ["Senior Machine Learning Engineer", "ML Engineer II", "Staff MLE, "])
def test_generate_market_title_forms(title: str, truth: list[dict[str, Any]]) -> None:
    assert any(j["title"].startswith(title) for j in truth)


@pytest.mark.parametrize(
    "lookalike",
    [
        "R&D",
        "go-to-market",
        "excel at",
        "scalable",
        "Series C",
        "C-suite",
        "spark curiosity",
        "Ray (person)",
        "Julia (person)",
        "CV (résumé)",
        "snowflake schema",
        "airflow (physical)",
        "pandas (animal)",
    ],
)
def test_generate_market_plants_lookalikes(lookalike: str, truth: list[dict[str, Any]]) -> None:
    assert any(lookalike in j["lookalikes"] for j in truth)


@pytest.mark.parametrize(
    "phrase", ["R&amp;D", "Ray Okafor", "send your CV", "snowflake schema", "red pandas"]
)
def test_generate_market_lookalike_text_in_records(phrase: str, market: Market) -> None:
    assert any(phrase in json.dumps(r["payload"], ensure_ascii=False) for r in market.records)


@pytest.mark.parametrize("skill_id", ["tableau"])
def test_generate_market_marks_other_team_stack(skill_id: str, truth: list[dict[str, Any]]) -> None:
    marked = [j for j in truth if any(n["skill_id"] == skill_id for n in j["not_skills"])]
    assert 0 < len(marked) < 0.05 * len(truth)
    assert all(skill_id not in {s["id"] for s in j["skills"]} for j in marked)


@pytest.mark.parametrize(
    "skill, rising",
    [
        ("pytorch", True),
        ("tensorflow", False),
        ("llm", True),
        ("langchain", True),
        ("kubernetes", True),
        ("azure", True),
    ],
)
def test_generate_market_trend_direction(skill: str, rising: bool, truth: list[dict[str, Any]]) -> None:
    months = sorted({j["posted_month"] for j in truth})
    first, last = share(truth, skill, set(months[:6])), share(truth, skill, set(months[-6:]))
    assert (last > first) is rising


@pytest.mark.parametrize("skill, low, high", [("python", 0.85, 0.95), ("aws", 0.40, 0.50)])
def test_generate_market_flat_share(skill: str, low: float, high: float, truth: list[dict[str, Any]]) -> None:
    months = {j["posted_month"] for j in truth}
    assert low < share(truth, skill, months) < high


@pytest.mark.parametrize("z", [1.96])
def test_generate_market_wilson_covers_prevalence(
    z: float, market_dir: Path, truth: list[dict[str, Any]]
) -> None:
    prevalence = json.loads((market_dir / "prevalence.json").read_text(encoding="utf-8"))["skills"]
    by_month: dict[str, list[set[str]]] = {}
    for job in truth:
        if job["role_family"] in MLE_FAMILY:
            by_month.setdefault(job["posted_month"], []).append({s["id"] for s in job["skills"]})
    covered = total = 0
    for skill in ("python", "pytorch", "tensorflow", "aws", "llm", "docker", "mlflow", "kubernetes"):
        for month, p in prevalence[skill]["by_month"].items():
            n, k = len(by_month[month]), sum(skill in s for s in by_month[month])
            centre = (k + z * z / 2) / (n + z * z)
            half = z * (k * (n - k) / n + z * z / 4) ** 0.5 / (n + z * z)
            covered += centre - half <= p <= centre + half
            total += 1
    assert covered / total > 0.88


@pytest.mark.parametrize("min_share, max_share", [(0.03, 0.08)])
def test_generate_market_links_duplicates(
    min_share: float, max_share: float, truth: list[dict[str, Any]]
) -> None:
    duplicated = [j for j in truth if len(j["copies"]) > 1]
    assert min_share < len(duplicated) / len(truth) < max_share
    kinds = Counter(c["kind"] for j in duplicated for c in j["copies"])
    assert kinds["cross_post"] > 0 and kinds["repost"] > 0
    cross = [j for j in duplicated if any(c["kind"] == "cross_post" for c in j["copies"])]
    assert all({c["source"] for c in j["copies"]} >= {"greenhouse", "jsonld"} for j in cross)


@pytest.mark.parametrize(
    "key",
    [
        "skills",
        "degree",
        "years_min",
        "years_max",
        "pay",
        "role_family",
        "seniority",
        "company",
        "posted_month",
        "copies",
    ],
)
def test_truth_line_has_key(key: str, truth: list[dict[str, Any]]) -> None:
    assert all(key in j for j in truth)


@pytest.mark.parametrize("period", ["year", "hour", "month"])
def test_truth_pay_periods(period: str, truth: list[dict[str, Any]]) -> None:
    assert any(j["pay"] and j["pay"]["period"] == period for j in truth)
    assert any(j["pay"] is None for j in truth)


@pytest.mark.parametrize("source", ["greenhouse", "lever", "ashby", "jsonld", "sitemap", "hn"])
def test_market_sources_lists_boards(source: str, market_dir: Path) -> None:
    assert market_sources(market_dir)[source]
