from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from skilltrends.crawl.normalize import (
    clean_text,
    normalize_workplace,
    parse_datetime,
    role_family_from_title,
    seniority_from_title,
    split_location,
)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Python &amp;amp; SQL&lt;/li&gt;&lt;li&gt;PyTorch&lt;/li&gt;"
         "&lt;/ul&gt;", "Requirements\n\n- Python & SQL\n- PyTorch"),
        ("<p>One&nbsp;two</p><p>three</p>", "One two\n\nthree"),
        ("Intro. &amp;lt;p&amp;gt;Escaped twice, as in Greenhouse's docs.&amp;lt;/p&amp;gt;",
         "Intro.\nEscaped twice, as in Greenhouse's docs."),
        ("5 &lt; 6 &amp;amp; 7", "5 < 6 &amp; 7"),
        ("plain text\n\n\n\nnext", "plain text\n\nnext"),
        ("<div>a<br>b<script>alert(1)</script></div>", "a\nb"),
        ("", ""),
        (None, ""),
        ("<p>bad <b>nesting</p></b> ok", "bad nesting\nok"),
        ("ctrl\x00chars\x1f", "ctrl chars"),
        # table cells stay on their row's line, apart
        ("<table><tr><th>Area</th><th>Tools</th></tr><tr><td>Serving</td><td>Docker</td></tr></table>",
         "Area | Tools\n\nServing | Docker"),
        ("<table><tr><td>ML</td><td><p>PyTorch</p></td></tr></table>", "ML |\nPyTorch"),
    ],
)
def test_clean_text_keeps_lines_and_bullets(markup: str | None, expected: str) -> None:
    assert clean_text(markup) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-09-24T13:34:54-04:00", datetime(2026, 9, 24, 13, 34, 54, tzinfo=timezone(timedelta(hours=-4)))),
        ("2024-03-01", datetime(2024, 3, 1, tzinfo=UTC)),
        ("2024-03-01T10:00:00Z", datetime(2024, 3, 1, 10, tzinfo=UTC)),
        (1782214185805, datetime(2026, 6, 23, 11, 29, 45, 805000, tzinfo=UTC)),
        (1314211127, datetime(2011, 8, 24, 18, 38, 47, tzinfo=UTC)),
        ("not a date", None),
        (None, None),
        (True, None),
    ],
)
def test_parse_datetime_is_timezone_aware(value: object, expected: datetime | None) -> None:
    result = parse_datetime(value)
    assert result == expected
    assert result is None or result.tzinfo is not None


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Senior Machine Learning Engineer", "ml_engineer"),
        ("Staff MLE, Ranking", "ml_engineer"),
        ("Software Engineer, Machine Learning", "ml_engineer"),
        ("AI Engineer (LLMs)", "ml_engineer"),
        ("MLOps Engineer", "mlops_engineer"),
        ("ML Platform Engineer", "mlops_engineer"),
        ("Research Scientist, Machine Learning", "research_scientist"),
        ("Research Lead, Machine Learning", "research_scientist"),
        ("Data Scientist - Machine Learning", "data_scientist"),
        ("Senior Data Engineer", "data_engineer"),
        ("Backend Software Engineer", "software_engineer"),
        ("Account Executive", "other"),
        ("Email Marketing Manager", "other"),
    ],
)
def test_role_family_from_title_follows_documented_order(title: str, family: str) -> None:
    assert role_family_from_title(title) == family


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Machine Learning Engineer Intern", "intern"),
        ("Junior ML Engineer", "junior"),
        ("ML Engineer II", "mid"),
        ("Machine Learning Engineer", "mid"),
        ("Sr. Machine Learning Engineer", "senior"),
        ("Staff MLE", "staff"),
        ("Principal Machine Learning Engineer", "principal"),
        ("Lead ML Engineer", "lead"),
        ("Engineering Manager, ML", "manager"),
    ],
)
def test_seniority_from_title(title: str, level: str) -> None:
    assert seniority_from_title(title) == level


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Remote", "remote"), ("TELECOMMUTE", "remote"), ("OnSite", "onsite"), ("hybrid", "hybrid"), ("", None),
     ("Boston", None)],
)
def test_normalize_workplace(value: str, expected: str | None) -> None:
    assert normalize_workplace(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hybrid - London, England, United Kingdom", ("London", "England", "GB", "hybrid")),
        ("San Francisco, CA", ("San Francisco", "CA", "US", None)),
        ("Remote - US", (None, None, "US", "remote")),
        ("Berlin, Germany", ("Berlin", None, "DE", None)),
        (None, (None, None, None, None)),
    ],
)
def test_split_location(text: str | None, expected: tuple[object, ...]) -> None:
    assert split_location(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$150K - $200K", (150000.0, 200000.0, "USD", "year")),
        ("€80k–100k", (80000.0, 100000.0, "EUR", "year")),
        ("$60/hr", (60.0, 60.0, "USD", "hour")),
        ("120,000 USD per year", (120000.0, 120000.0, "USD", "year")),
        ("£45,000 - £55,000 a year", (45000.0, 55000.0, "GBP", "year")),
        ("$150-200k", (150000.0, 200000.0, "USD", "year")),
        ("$3000 - $10000 per month", (3000.0, 10000.0, "USD", "month")),
        ("5+ years", None),
        ("401k match", None),
        (None, None),
    ],
)
def test_parse_pay_text(text: str | None, expected: object) -> None:
    from skilltrends.crawl.normalize import parse_pay_text

    assert parse_pay_text(text) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [("<div>\n<li>\n<p>Train models.</p>\n</li>\n<li><p>Ship them.</p></li></div>", "- Train models.\n- Ship them.")],
)
def test_clean_text_keeps_bullets_of_paragraph_items(markup: str, expected: str) -> None:
    assert clean_text(markup) == expected
