from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from skilltrends.crawl.hn import HnHeader, hiring_month, parse_hn_comment, parse_hn_header, parse_months
from skilltrends.schema import schema_errors
from tests.conftest import read_page

ITEMS = json.loads(read_page("hn/items.json"))


@pytest.mark.parametrize(
    ("item_id", "month"),
    [("41000001", "2024-11"), ("41000002", None), ("41000003", None), ("40500001", "2024-10"), ("41000010", None)],
)
def test_hiring_month_only_for_who_is_hiring_stories(item_id: str, month: str | None) -> None:
    assert hiring_month(ITEMS[item_id]) == month


def test_parse_hn_comment_reads_the_header_line() -> None:
    posting = parse_hn_comment(ITEMS["41000010"], story=ITEMS["41000001"])
    assert posting is not None
    assert (posting.company, posting.title) == ("Acme Robotics", "Senior Machine Learning Engineer")
    assert (posting.city, posting.region, posting.country, posting.workplace) == ("San Francisco", "CA", "US", "onsite")
    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (180000.0, 220000.0, "USD")
    assert posting.posted_at == datetime(2024, 11, 1, 16, 0, tzinfo=UTC)  # dated by its thread
    assert posting.url == "https://news.ycombinator.com/item?id=41000010" and posting.board == "2024-11"
    assert "Apply: https://acme.example/jobs" in posting.description
    assert posting.raw["thread"]["month"] == "2024-11"
    assert schema_errors("posting", posting.to_dict()) == []


@pytest.mark.parametrize("item_id", ["41000011", "41000012"])
def test_parse_hn_comment_skips_deleted_and_dead(item_id: str) -> None:
    assert parse_hn_comment(ITEMS[item_id], story=ITEMS["41000001"]) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Globex | Data Engineer, MLOps Engineer | REMOTE (US) | Full-time",
         HnHeader("Globex", "Data Engineer, MLOps Engineer", "US", "remote", None)),
        ("Initech | Berlin, Germany | HYBRID | Data Scientist | €80k–100k",
         HnHeader("Initech", "Data Scientist", "Berlin, Germany", "hybrid", (80000.0, 100000.0, "EUR", "year"))),
        ("Hooli | NYC or REMOTE | Full Stack Engineer | https://hooli.example", HnHeader("Hooli", "Full Stack Engineer",
                                                                                        "NYC", "remote", None)),
        ("Maple AI | ML Engineer | Toronto | REMOTE | CA$140K–CA$170K",
         HnHeader("Maple AI", "ML Engineer", "Toronto", "remote", (140000.0, 170000.0, "CAD", "year"))),
        ("We are hiring engineers in London", HnHeader()),
        # a range without a currency takes the currency of the one country the header names
        ("Loam | Senior ML Engineer | Remote (US) | REMOTE | 150K-190K + equity",
         HnHeader("Loam", "Senior ML Engineer", "US", "remote", (150000.0, 190000.0, "USD", "year"))),
        ("Kestrel | 90-120k | ML Engineer | London, UK",
         HnHeader("Kestrel", "ML Engineer", "London, UK", None, (90000.0, 120000.0, "GBP", "year"))),
        ("Acme | ML Engineer | Remote (US/Canada) | 150K-190K",
         HnHeader("Acme", "ML Engineer", "US/Canada", "remote", None)),
        ("Acme | ML Engineer | San Francisco, CA | 401k, equity",
         HnHeader("Acme", "ML Engineer", "San Francisco, CA", None, None)),
    ],
)
def test_parse_hn_header(line: str, expected: HnHeader) -> None:
    assert parse_hn_header(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("latest", None),
        ("2024-03", [("2024-03", "2024-03")]),
        ("2023-01..2024-06,2022-05", [("2022-05", "2022-05"), ("2023-01", "2024-06")]),
        ("all", [("2011-04", "2026-11")]),
        ("..2012-01", [("2011-04", "2012-01")]),
    ],
)
def test_parse_months(value: str | None, expected: list[tuple[str, str]] | None) -> None:
    assert parse_months(value, today=datetime(2026, 11, 21, tzinfo=UTC)) == expected


@pytest.mark.parametrize("value", ["2024-13", "March 2024", "latest,2024-01"])
def test_parse_months_rejects_bad_values(value: str) -> None:
    with pytest.raises(ValueError):
        parse_months(value)


@pytest.mark.parametrize(
    ("text", "title", "location"),
    [
        ("<p>Montreal - PHP/MySQL Developer</p><p>Adult company, many positions available.</p>",
         "PHP/MySQL Developer", "Montreal"),
        ("Helsinki, Finland - engineering, computational geometry<p>Tinkercad is a funded startup.",
         "engineering, computational geometry", "Helsinki, Finland"),
    ],
)
def test_parse_hn_comment_reads_early_location_dash_role_lines(text: str, title: str, location: str) -> None:
    comment = {"by": "x", "id": 2396100, "parent": 2396027, "text": text, "time": 1301700000, "type": "comment"}
    story = {"id": 2396027, "title": "Ask HN: Who is hiring? (April 2011)", "time": 1301680000, "type": "story"}
    posting = parse_hn_comment(comment, story=story)
    assert posting is not None and (posting.title, posting.location) == (title, location)
    assert posting.board == "2011-04" and posting.description.startswith(f"{location} - {title}\n\n")


@pytest.mark.parametrize(("month", "wanted"), [("2022-05", True), ("2022-06", False), ("2024-06", True)])
def test_month_wanted_only_in_the_ranges_asked_for(month: str, wanted: bool) -> None:
    from skilltrends.crawl.hn import month_wanted

    assert month_wanted(month, [("2022-05", "2022-05"), ("2023-01", "2024-06")]) is wanted
