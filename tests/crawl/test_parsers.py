from __future__ import annotations

import json

import pytest

from skilltrends.crawl.greenhouse import parse_greenhouse_jobs
from skilltrends.crawl.jsonld import load_jsonld, parse_jobposting_page
from skilltrends.schema import schema_errors
from tests.conftest import read_page


def test_parse_greenhouse_jobs_normalises_fields() -> None:
    postings = parse_greenhouse_jobs(json.loads(read_page("greenhouse/acme.json")), board="acme")
    first = postings[0]
    assert first.external_id == "4011001"
    assert first.title == "Senior Machine Learning Engineer, Ranking"
    assert first.role_family == "ml_engineer" and first.seniority == "senior"
    assert first.description.startswith("About the role\n\nYou will ship")
    assert "- 5+ years writing Python & SQL" in first.description
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        180000.0, 240000.0, "USD", "year")
    assert first.workplace == "hybrid" and first.city == "Boston" and first.country == "US"
    assert first.posted_at is not None and first.posted_at.utcoffset() is not None
    assert postings[1].role_family == "other" and postings[1].workplace == "remote"


@pytest.mark.parametrize("index", [0, 1])
def test_parse_greenhouse_jobs_items_match_posting_schema(index: int) -> None:
    postings = parse_greenhouse_jobs(json.loads(read_page("greenhouse/acme.json")), board="acme")
    assert schema_errors("posting", postings[index].to_dict()) == []


def test_parse_greenhouse_jobs_rejects_payload_without_jobs() -> None:
    with pytest.raises(ValueError, match="jobs"):
        parse_greenhouse_jobs({"error": "board not found"}, board="nope")


def test_parse_jobposting_page_reads_graph_with_trailing_comma() -> None:
    (posting,) = parse_jobposting_page(read_page("jobposting/job-graph.html"), url="https://globex.example/jobs/77")
    assert posting.external_id == "globex.example/GX-77" and posting.board == "globex.example"
    assert posting.company == "Globex" and posting.city == "Berlin" and posting.country == "DE"
    assert (posting.salary_min, posting.salary_max, posting.salary_currency, posting.salary_period) == (
        95000.0, 120000.0, "EUR", "year")
    assert posting.description == "Build LLM serving.\n\n- Python\n- Kubernetes & Docker"
    assert schema_errors("posting", posting.to_dict()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": "line\nbreak"}', {"a": "line\nbreak"}),
        ('[{"a": 1},]', [{"a": 1}]),
        ("<!-- {\"a\": 1} -->", {"a": 1}),
        ('{"a": ', None),
        ("", None),
    ],
)
def test_load_jsonld_repairs_common_mistakes(text: str, expected: object) -> None:
    assert load_jsonld(text) == expected


@pytest.mark.parametrize("page", [b"", b"   ", b"<html><body>no json-ld</body></html>", b"\xff\xfe\x00garbage"])
def test_parse_jobposting_page_without_postings_is_empty(page: bytes) -> None:
    assert parse_jobposting_page(page, url="https://x.example/") == []


def _listed(updated_at: str = "2025-03-14T10:02:11-04:00") -> object:
    payload = json.loads(read_page("greenhouse/acme.json"))
    job = payload["jobs"][0]
    del job["pay_input_ranges"]
    job["updated_at"] = updated_at
    return parse_greenhouse_jobs(payload, board="acme")


@pytest.mark.parametrize(
    ("mode", "known", "expected"),
    [
        ("auto", {}, [True, False]),  # the ML job has no pay in the list; the sales job is not analysed
        ("auto", {"4011001": ("2025-03-14T10:02:11-04:00", [])}, [False, False]),  # fetched for this version
        ("auto", {"4011001": ("2025-01-01T00:00:00Z", [])}, [True, False]),  # the job changed since
        ("always", {}, [True, True]),
        ("never", {}, [False, False]),
    ],
)
def test_needs_pay_lookup(mode: str, known: dict[str, tuple[str, list[object]]], expected: list[bool]) -> None:
    from skilltrends.crawl.greenhouse import needs_pay_lookup

    assert [needs_pay_lookup(p, mode=mode, known=known) for p in _listed()] == expected


def test_reuse_known_pay_applies_pay_fetched_for_same_version() -> None:
    from skilltrends.crawl.greenhouse import reuse_known_pay

    ranges = [{"min_cents": 5000000, "max_cents": 7500000, "currency_type": "usd", "title": "NYC Salary Range"}]
    posting = reuse_known_pay(_listed()[0], {"4011001": ("2025-03-14T10:02:11-04:00", ranges)})
    assert (posting.salary_min, posting.salary_max, posting.salary_currency, posting.salary_period) == (
        50000.0, 75000.0, "USD", "year")
    assert posting.raw["pay_input_ranges"] == ranges


def test_parse_greenhouse_jobs_skips_a_malformed_job_when_asked() -> None:
    payload = json.loads(read_page("greenhouse/acme.json"))
    payload["jobs"][1]["location"] = "Remote"  # a string where Greenhouse sends {"name": ...}
    errors: list[str] = []
    postings = parse_greenhouse_jobs(payload, board="acme", errors=errors)
    assert [p.external_id for p in postings] == ["4011001"]
    assert errors and "AttributeError in item 4011002" in errors[0]
    with pytest.raises(AttributeError):
        parse_greenhouse_jobs(payload, board="acme")
