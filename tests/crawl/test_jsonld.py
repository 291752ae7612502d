from __future__ import annotations

import pytest

from skilltrends.crawl.jsonld import listing_links, parse_jobposting_page
from skilltrends.schema import schema_errors
from tests.conftest import read_page

URL = "https://initech.example/jobs/1"


def test_parse_jobposting_page_repairs_messy_json() -> None:
    engineer, scientist = parse_jobposting_page(read_page("jobposting/messy.html"), url=URL)
    assert engineer.title == "Machine Learning Engineer & MLOps"  # entity in a JSON string
    assert engineer.description == "Essential criteria\n\n- Python\n- AWS SageMaker\n\nDesirable criteria\n\n- MLflow"
    assert (engineer.city, engineer.region, engineer.country) == ("Manchester", "England", "GB")
    assert (engineer.salary_min, engineer.salary_max, engineer.salary_currency) == (55000.0, 70000.0, "GBP")
    assert engineer.posted_at is not None and engineer.posted_at.isoformat() == "2024-05-02T08:00:00+01:00"
    assert engineer.raw["educationRequirements"]["credentialCategory"] == "bachelor degree"
    assert scientist.description == "Line one\nline two with a raw newline"  # raw control characters
    assert (scientist.workplace, scientist.country, scientist.company) == ("remote", "US", "Initech Ltd")
    assert (scientist.salary_min, scientist.salary_period) == (65.0, "hour")
    assert [p.external_id for p in (engineer, scientist)] == ["initech.example/INI-1", "initech.example/INI-2"]


def test_parse_jobposting_page_falls_back_to_microdata() -> None:
    (posting,) = parse_jobposting_page(read_page("jobposting/microdata.html"), url="https://umbrella.example/j/9")
    assert (posting.title, posting.company, posting.external_id) == (
        "Computer Vision Engineer", "Umbrella", "umbrella.example/UMB-9")
    assert posting.description == "Build detection models.\n\nRequirements\n\n- OpenCV\n- PyTorch"
    assert (posting.city, posting.country, posting.role_family) == ("Paris", "FR", "ml_engineer")


def test_parse_jobposting_page_decodes_declared_charset() -> None:
    (posting,) = parse_jobposting_page(read_page("jobposting/latin1.html"), url="https://cafe.example/j/3")
    assert posting.title == "Ingénieur Machine Learning" and posting.city == "Zürich"


def test_parse_jobposting_page_numbers_postings_without_ids() -> None:
    block = '{"@type": "JobPosting", "title": "ML Engineer %d", "description": "x"}'
    page = "<html><script type='application/ld+json'>[%s, %s]</script></html>" % (block % 1, block % 2)
    postings = parse_jobposting_page(page, url=URL)
    assert [p.external_id for p in postings] == [URL + "#1", URL + "#2"]


@pytest.mark.parametrize("page", ["jobposting/messy.html", "jobposting/microdata.html", "jobposting/latin1.html"])
def test_parse_jobposting_page_items_match_posting_schema(page: str) -> None:
    for posting in parse_jobposting_page(read_page(page), url=URL):
        assert schema_errors("posting", posting.to_dict()) == []


def test_parse_jobposting_page_skips_unreadable_blocks() -> None:
    assert parse_jobposting_page(read_page("jobposting/broken.html"), url=URL) == []


def test_listing_links_finds_job_pages_and_next_page() -> None:
    jobs, pages = listing_links(read_page("jobposting/listing-1.html"), url="https://initech.example/careers")
    assert jobs == ["https://initech.example/jobs/77", "https://initech.example/jobs/micro"]
    assert pages == ["https://initech.example/careers?page=2"]
