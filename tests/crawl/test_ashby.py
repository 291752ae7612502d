from __future__ import annotations

import json

import pytest

from skilltrends.crawl.ashby import ashby_pay, parse_ashby_jobs
from skilltrends.schema import schema_errors
from tests.conftest import read_page


def _postings() -> list:
    return parse_ashby_jobs(json.loads(read_page("ashby/acme.json")), board="acme")


def test_parse_ashby_jobs_skips_unlisted_and_trusts_workplace_type() -> None:
    llm, data = _postings()
    assert len(_postings()) == 2
    assert llm.workplace == "hybrid"  # isRemote says true; workplaceType wins
    assert data.workplace == "remote"  # isRemote says false; workplaceType wins
    assert (llm.city, llm.region, llm.country) == ("San Francisco", "California", "US")
    assert data.country == "DE" and data.city is None


def test_parse_ashby_jobs_normalises_fields() -> None:
    llm, data = _postings()
    assert llm.description == "Serve LLMs fast.\n\nYou have\n\n- CUDA and Triton\n- Python"
    assert llm.posted_at is not None and llm.posted_at.utcoffset() is not None
    assert (llm.salary_min, llm.salary_max, llm.salary_currency, llm.salary_period) == (
        180000.0, 240000.0, "USD", "year")
    assert (data.salary_min, data.salary_max, data.salary_currency) == (70000.0, 90000.0, "EUR")  # from the summary
    assert (llm.role_family, data.role_family) == ("ml_engineer", "data_engineer")
    assert all(schema_errors("posting", p.to_dict()) == [] for p in (llm, data))


@pytest.mark.parametrize(
    ("compensation", "expected"),
    [
        ({"summaryComponents": [{"compensationType": "Salary", "interval": "1 HOUR", "currencyCode": "USD",
                                 "minValue": 60, "maxValue": 80}]}, (60.0, 80.0, "USD", "hour")),
        ({"summaryComponents": [], "scrapeableCompensationSalarySummary": None}, None),
        ({"summaryComponents": [{"compensationType": "EquityPercentage", "minValue": 0.1, "maxValue": 0.2}]}, None),
        (None, None),
    ],
)
def test_ashby_pay(compensation: object, expected: object) -> None:
    assert ashby_pay(compensation) == expected


def test_parse_ashby_jobs_rejects_payload_without_jobs() -> None:
    with pytest.raises(ValueError, match="jobs"):
        parse_ashby_jobs({"success": False, "errors": ["Job board nope not found"]}, board="nope")
