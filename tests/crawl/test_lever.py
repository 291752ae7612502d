from __future__ import annotations

import json

import pytest

from skilltrends.crawl.lever import lever_pay, parse_lever_postings
from skilltrends.schema import schema_errors
from tests.conftest import read_page


def _postings() -> list:
    return parse_lever_postings(json.loads(read_page("lever/acme.json")), site="acme")


def test_parse_lever_postings_keeps_list_headings_and_bullets() -> None:
    first = _postings()[0]
    assert first.description == (
        "We build recommender systems for 30M listeners.\n\nYou will own models end to end.\n\n"
        "What You'll Do\n\n- Train and ship ranking models in PyTorch.\n- Run A/B tests.\n\n"
        "What You'll Bring\n\n- 3+ years of Python & SQL\n- Experience with Kubernetes on GCP\n\n"
        "Nice to Have\n\n- Spark\n\nAcme is an equal opportunity employer."
    )


def test_parse_lever_postings_normalises_fields() -> None:
    first, mlops, intern = _postings()
    assert (first.external_id, first.board, first.company) == ("a1b2c3d4-0001-4e5f-8a9b-000000000001", "acme", "acme")
    assert first.url == "https://jobs.lever.co/acme/a1b2c3d4-0001-4e5f-8a9b-000000000001"
    assert (first.city, first.country, first.workplace) == ("London", "GB", "hybrid")
    assert first.posted_at is not None and first.posted_at.isoformat() == "2024-06-10T10:00:00+00:00"
    assert (first.role_family, first.seniority, first.employment_type) == ("ml_engineer", "senior", "Full-time")
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        85000.0, 110000.0, "GBP", "year")
    assert mlops.role_family == "mlops_engineer" and mlops.workplace == "remote" and mlops.salary_min is None
    assert "Requirements\n\n- Terraform\n- Kubeflow" in mlops.description  # a list given as plain lines
    assert intern.seniority == "intern" and intern.workplace is None and intern.salary_period == "hour"


@pytest.mark.parametrize("index", [0, 1, 2])
def test_parse_lever_postings_match_posting_schema(index: int) -> None:
    assert schema_errors("posting", _postings()[index].to_dict()) == []


@pytest.mark.parametrize(
    ("salary", "expected"),
    [
        ({"min": 3000, "max": 10000, "currency": "SGD", "interval": "per-month-salary"}, (3000.0, 10000.0, "SGD", "month")),
        ({"min": 0, "max": 0, "currency": "CAD", "interval": "per-year-salary"}, None),
        ({"min": 500, "max": 500, "currency": "USD", "interval": "one-time"}, None),
        (None, None),
    ],
)
def test_lever_pay(salary: object, expected: object) -> None:
    assert lever_pay(salary) == expected


@pytest.mark.parametrize("payload", [{"ok": False, "error": "Document not found"}, None, "text"])
def test_parse_lever_postings_rejects_non_arrays(payload: object) -> None:
    with pytest.raises(ValueError, match="not a JSON array"):
        parse_lever_postings(payload, site="acme")
