"""Render canonical jobs into the native payloads of each job board the sample server imitates.

Shapes follow the public APIs (see /work/shared/reference/api-shapes/): Greenhouse Job Board API,
Lever Postings API v0, Ashby posting API, schema.org JobPosting JSON-LD careers pages and the Hacker
News Firebase API ("Ask HN: Who is hiring?"). Absolute URLs inside payloads start with ``__BASE__``,
which the server replaces with its own base URL.
"""

from __future__ import annotations

import calendar
import html
import json
import random
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from skilltrends.sample.writing import Block, blocks_to_html, blocks_to_plain, html_to_plain

if TYPE_CHECKING:
    from skilltrends.sample.market import Market

__all__ = ["BASE", "IdMaker", "render_records"]

BASE = "__BASE__"
MONTH_NAMES = list(calendar.month_name)


class IdMaker:
    """Unique, increasing external ids per source, drawn from the seeded generator."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def new(self, source: str, rng: random.Random) -> str | None:
        n = self.counts[source] = self.counts.get(source, 0) + 1
        if source == "greenhouse":
            return str(4_010_000_000 + n * 1000 + rng.randrange(1000))
        if source in ("lever", "ashby"):
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))
        if source == "jsonld":
            return f"JR-{100_000 + n * 10 + rng.randrange(10)}"
        return None  # Hacker News ids are assigned in time order by render_hn


def escape_greenhouse(text: str) -> str:
    """Greenhouse serves `content` entity-escaped: '<p>' arrives as '&lt;p&gt;'."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def eastern(moment: datetime) -> str:
    """ISO 8601 with a US Eastern offset, as Greenhouse writes timestamps."""
    offset = timezone(timedelta(hours=-4 if 4 <= moment.month <= 10 else -5))
    return moment.astimezone(offset).isoformat()


def location_name(job: dict[str, Any], company: dict[str, Any]) -> str:
    """'San Francisco, CA', 'Remote - US' or 'Hybrid - London'."""
    if job["remote"]:
        return f"Remote - {company['country']}"
    if company["country"] != "US":
        return f"Hybrid - {company['city']}"
    return f"{company['city']}, {company['region']}"


def edited_blocks(job: dict[str, Any], copy: dict[str, Any]) -> list[Block]:
    """A repost's text: the same blocks with a short update line on top."""
    blocks: list[Block] = list(job["blocks"])
    if copy["kind"] == "repost":
        blocks.insert(
            0, ("p", "<em>Update:</em> we&rsquo;re still hiring for this role &ndash; apply today!")
        )
    return blocks


def render_greenhouse(
    job: dict[str, Any], copy: dict[str, Any], company: dict[str, Any], rng: random.Random
) -> dict[str, Any]:
    ext, token = copy["external_id"], company["token"]
    posted: datetime = copy["posted_at"]
    payload: dict[str, Any] = {
        "absolute_url": f"{BASE}/hosted/greenhouse/{token}/{ext}",
        "data_compliance": [
            {
                "type": "gdpr",
                "requires_consent": False,
                "requires_processing_consent": False,
                "requires_retention_consent": False,
                "retention_period": None,
                "demographic_data_consent_applies": company["country"] == "GB",
            }
        ],
        "internal_job_id": int(ext) - 1_300_000_000,
        "location": {"name": location_name(job, company)},
        "metadata": None
        if rng.random() < 0.3
        else [
            {
                "id": 18_783_104_004,
                "name": "Career Site Categories",
                "value": "Engineering",
                "value_type": "single_select",
            }
        ],
        "id": int(ext),
        "updated_at": eastern(posted + timedelta(days=rng.randint(0, 20), minutes=rng.randint(0, 600))),
        "requisition_id": str(rng.randint(100, 4000)),
        "title": job["title"],
        "company_name": company["name"],
        "first_published": eastern(posted),
        "language": "en",
        "application_deadline": None,
        "content": escape_greenhouse(blocks_to_html(edited_blocks(job, copy))),
        "departments": [
            {
                "id": 4_085_775_004,
                "name": "Engineering" if job["role_family"] != "data_scientist" else "Data Science",
                "child_ids": [],
                "parent_id": None,
            }
        ],
        "offices": [
            {
                "id": 4_091_069_004,
                "name": company["city"],
                "location": f"{company['city']}, {company['region']}, {company['country']}",
                "child_ids": [],
                "parent_id": None,
            }
        ],
    }
    pay = job["pay"]
    if pay and job["pay_structured"]:
        title = "Hourly Pay Range" if pay["period"] == "hour" else f"{company['country']} Salary Range"
        payload["pay_input_ranges"] = [
            {
                "min_cents": int(pay["min"] * 100),
                "max_cents": int(pay["max"] * 100),
                "currency_type": pay["currency"],
                "title": title,
                "blurb": "<p>The range shown reflects base pay only; "
                "final offers depend on location and experience.</p>",
            }
        ]
    else:
        payload["pay_input_ranges"] = []
    return payload


def split_lever(blocks: list[Block]) -> tuple[list[Block], list[dict[str, str]], list[Block]]:
    """Lever keeps headed bullet lists apart: (description blocks, lists, additional blocks)."""
    description: list[Block] = []
    lists: list[dict[str, str]] = []
    additional: list[Block] = []
    i = 0
    while i < len(blocks):
        kind, body = blocks[i]
        if kind == "h3" and i + 1 < len(blocks) and blocks[i + 1][0] == "ul":
            items = "".join(f"<li>{item}</li>" for item in blocks[i + 1][1])
            lists.append({"text": html.unescape(body), "content": items})
            i += 2
            continue
        (additional if lists else description).append(blocks[i])
        i += 1
    return description, lists, additional


def lever_interval(period: str) -> str:
    return {"year": "per-year-salary", "hour": "per-hour-wage", "month": "per-month-salary"}[period]


def render_lever(
    job: dict[str, Any], copy: dict[str, Any], company: dict[str, Any], rng: random.Random
) -> dict[str, Any]:
    ext, site = copy["external_id"], company["token"]
    description, lists, additional = split_lever(edited_blocks(job, copy))
    desc_html = "<div>" + blocks_to_html(description) + "</div>"
    add_html = "<div>" + blocks_to_html(additional) + "</div>"
    loc = company["city"] if not job["remote"] else "Remote"
    payload: dict[str, Any] = {
        "additionalPlain": blocks_to_plain(additional),
        "additional": add_html,
        "categories": {
            "commitment": "Intern" if job["seniority"] == "intern" else "Full-time",
            "department": "Engineering",
            "location": loc,
            "team": job["team"] or "Machine Learning",
            "allLocations": [loc],
        },
        "createdAt": int(copy["posted_at"].timestamp() * 1000) + rng.randint(0, 999),
        "descriptionPlain": blocks_to_plain(description),
        "description": desc_html,
        "id": ext,
        "lists": lists,
        "text": job["title"],
        "country": company["country"],
        "workplaceType": "remote" if job["remote"] else rng.choice(["hybrid", "onsite"]),
        "opening": "",
        "openingPlain": "",
        "descriptionBody": desc_html,
        "descriptionBodyPlain": blocks_to_plain(description),
        "hostedUrl": f"{BASE}/hosted/lever/{site}/{ext}",
        "applyUrl": f"{BASE}/hosted/lever/{site}/{ext}/apply",
    }
    pay = job["pay"]
    if pay and job["pay_structured"]:
        payload["salaryRange"] = {
            "min": pay["min"],
            "max": pay["max"],
            "currency": pay["currency"],
            "interval": lever_interval(pay["period"]),
        }
    return payload


def render_ashby(
    job: dict[str, Any], copy: dict[str, Any], company: dict[str, Any], rng: random.Random
) -> dict[str, Any]:
    ext, name = copy["external_id"], company["token"]
    blocks = edited_blocks(job, copy)
    body = blocks_to_html(blocks)
    if rng.random() < 0.5:
        body = body.replace("<p>", '<p style="min-height:1.5em">')
    workplace = "Remote" if job["remote"] else rng.choice(["Hybrid", "OnSite"])
    pay = job["pay"] if job["pay_structured"] else None
    if pay:
        sym = {"USD": "$", "EUR": "€", "GBP": "£"}[pay["currency"]]
        unit = {"year": "1 YEAR", "hour": "1 HOUR", "month": "1 MONTH"}[pay["period"]]
        lo, hi = pay["min"], pay["max"]
        summary = (
            f"{sym}{lo / 1000:g}K – {sym}{hi / 1000:g}K"
            if pay["period"] == "year"
            else f"{sym}{lo:g} – {sym}{hi:g} per {pay['period']}"
        )
        compensation: dict[str, Any] = {
            "compensationTierSummary": summary,
            "scrapeableCompensationSalarySummary": summary,
            "compensationTiers": [
                {"tierSummary": summary, "title": None, "additionalInformation": None, "components": []}
            ],
            "summaryComponents": [
                {
                    "compensationType": "Salary",
                    "interval": unit,
                    "currencyCode": pay["currency"],
                    "minValue": lo,
                    "maxValue": hi,
                }
            ],
        }
    else:
        compensation = {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
    return {
        "id": ext,
        "title": job["title"],
        "department": "Engineering",
        "team": job["team"] or "Machine Learning",
        "employmentType": "Intern" if job["seniority"] == "intern" else "FullTime",
        "location": "Remote" if job["remote"] else company["city"],
        "shouldDisplayCompensationOnJobPostings": pay is not None,
        "secondaryLocations": [],
        "publishedAt": copy["posted_at"].isoformat(timespec="milliseconds"),
        "isListed": True,
        "isRemote": job["remote"],
        "workplaceType": workplace,
        "address": {
            "postalAddress": {
                "addressLocality": company["city"],
                "addressRegion": company["region"],
                "addressCountry": company["country"],
            }
        },
        "jobUrl": f"{BASE}/hosted/ashby/{name}/{ext}",
        "applyUrl": f"{BASE}/hosted/ashby/{name}/{ext}/application",
        "descriptionHtml": body,
        "descriptionPlain": blocks_to_plain(blocks),
        "compensation": compensation,
    }


def jsonld_posting(
    job: dict[str, Any], copy: dict[str, Any], company: dict[str, Any], rng: random.Random
) -> dict[str, Any]:
    """The schema.org JobPosting object of one careers page."""
    posted: datetime = copy["posted_at"]
    description = blocks_to_html(edited_blocks(job, copy))
    if rng.random() < 0.05:  # some sites double-escape their HTML into the JSON string
        description = html.escape(description, quote=False)
    posting: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job["title"],
        "description": description,
        "identifier": {"@type": "PropertyValue", "name": company["name"], "value": copy["external_id"]},
        "datePosted": posted.date().isoformat(),
        "validThrough": (posted + timedelta(days=60)).isoformat(),
        "employmentType": "INTERN" if job["seniority"] == "intern" else "FULL_TIME",
        "hiringOrganization": {
            "@type": "Organization",
            "name": company["name"],
            "sameAs": f"https://www.{company['token']}.example",
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": company["city"],
                "addressRegion": company["region"],
                "addressCountry": company["country"],
            },
        },
    }
    if job["remote"]:
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": company["country"]}
    pay = job["pay"] if job["pay_structured"] else None
    if pay:
        as_text = rng.random() < 0.2  # seen in the wild: numbers as strings
        value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": pay["period"].upper()}
        if pay["min"] == pay["max"]:
            value["value"] = str(int(pay["min"])) if as_text else pay["min"]
        else:
            value["minValue"] = str(int(pay["min"])) if as_text else pay["min"]
            value["maxValue"] = str(int(pay["max"])) if as_text else pay["max"]
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": pay["currency"], "value": value}
    if job["degree"]["min_level"]:
        category = {
            "bachelor": "bachelor degree",
            "master": "postgraduate degree",
            "phd": "postgraduate degree",
        }
        posting["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": category[job["degree"]["min_level"]],
        }
    if job["years_min"]:
        posting["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": job["years_min"] * 12,
        }
    return posting


def render_jsonld(
    job: dict[str, Any], copy: dict[str, Any], company: dict[str, Any], rng: random.Random
) -> str:
    """A careers page with the posting as JSON-LD: plain object, @graph or array, sometimes messy."""
    posting = jsonld_posting(job, copy, company, rng)
    shape = rng.choices(["object", "graph", "array"], [70, 20, 10])[0]
    data: Any = posting
    if shape == "graph":
        del posting["@context"]
        data = {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "Organization",
                    "@id": f"https://www.{company['token']}.example/#org",
                    "name": company["name"],
                },
                posting,
            ],
        }
    elif shape == "array":
        data = [
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Careers"},
                    {"@type": "ListItem", "position": 2, "name": job["title"]},
                ],
            },
            posting,
        ]
    text = json.dumps(data, ensure_ascii=False, indent=1 if rng.random() < 0.5 else None)
    if rng.random() < 0.04:  # a raw newline and tab inside a JSON string: invalid JSON, seen in the wild
        text = text.replace("\\n", "\n\t", 1)
    text = text.replace("</", "<\\/")
    title = html.escape(f"{job['title']} | {company['name']} Careers")
    body = blocks_to_html(edited_blocks(job, copy))
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        f'<link rel="canonical" href="{BASE}{copy["url"]}">\n'
        f'<script type="application/ld+json">{text}</script>\n</head>\n<body>\n'
        f'<nav><a href="/careers/{company["token"]}">All jobs</a></nav>\n'
        f'<h1>{html.escape(job["title"])}</h1>\n<div class="job-description">\n{body}\n</div>\n'
        f'<a class="apply" href="{BASE}{copy["url"]}/apply">Apply</a>\n</body>\n</html>\n'
    )


def hn_escape(text: str) -> str:
    """Hacker News escapes ' and / as &#x27; and &#x2F; in comment HTML."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
        .replace("/", "&#x2F;")
    )


def hn_pay(pay: dict[str, Any] | None) -> str | None:
    if pay is None:
        return None
    if pay["period"] == "hour":
        return f"${pay['min']:g}/hr"
    return f"${pay['min'] / 1000:g}k-${pay['max'] / 1000:g}k"


def hn_text(job: dict[str, Any], company: dict[str, Any], rng: random.Random) -> str:
    """An HN comment: a 'Company | Role | Location | REMOTE | pay' line, then <p> paragraphs."""
    header = [company["name"], job["title"], f"{company['city']}, {company['region']}"]
    header.append("REMOTE (US)" if job["remote"] else rng.choice(["ONSITE", "Onsite", "HYBRID"]))
    if job["pay_text"]:
        header.append(hn_pay(job["pay"]) or "")
    parts = [hn_escape(" | ".join(header))]
    for kind, body in job["blocks"][2:]:  # HN posts skip the "About" heading
        if kind == "ul":
            parts += [hn_escape("- " + html_to_plain(item)) for item in body]
        elif kind == "h3":
            parts.append(hn_escape(html_to_plain(body) + ":"))
        else:
            parts.append(hn_escape(html_to_plain(body)))
    link = f"https://www.{company['token']}.example/jobs"
    parts.append(f'Apply: <a href="{hn_escape(link)}" rel="nofollow">{hn_escape(link)}</a>')
    return "<p>".join(parts)


def story_time(month: str) -> int:
    """First weekday of the month, 11:00 US Eastern (15:00 or 16:00 UTC), as epoch seconds."""
    year, mon = int(month[:4]), int(month[5:])
    day = 1
    while calendar.weekday(year, mon, day) >= 5:
        day += 1
    hour = 15 if 4 <= mon <= 10 else 16
    return calendar.timegm((year, mon, day, hour, 0, 0))


def render_hn(market: Market, rng: random.Random) -> list[dict[str, Any]]:
    """Monthly 'Who is hiring?' stories, their job comments and the other whoishiring stories."""
    by_month: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for job in market.jobs:
        for copy in job["copies"]:
            if copy["source"] == "hn":
                by_month.setdefault(job["posted_month"], []).append((job, copy))
    companies = {c["token"]: c for c in market.companies}
    records: list[dict[str, Any]] = []
    next_id = 34_000_000
    submitted: list[int] = []
    for number, month in enumerate(market.months):
        name = f"{MONTH_NAMES[int(month[5:])]} {month[:4]}"
        t0 = story_time(month)
        story_id = next_id
        comments: list[dict[str, Any]] = []
        entries = sorted(by_month.get(month, []), key=lambda jc: jc[1]["posted_at"])
        next_id += 3  # the three monthly stories are submitted together, before any comment
        for job, copy in entries:
            when = t0 + rng.randint(60, 20 * 86400)
            copy["posted_at"] = datetime.fromtimestamp(when, tz=UTC)
            copy["external_id"] = str(next_id)
            copy["url"] = f"/item?id={next_id}"
            comments.append(
                {
                    "by": job["company_token"][:6] + rng.choice(["_cto", "_jobs", "hq", "_eng"]),
                    "id": next_id,
                    "parent": story_id,
                    "text": hn_text(job, companies[job["company_token"]], rng),
                    "time": when,
                    "type": "comment",
                }
            )
            next_id += rng.randint(3, 40)
        if number % 7 == 3:
            comments.append(
                {"deleted": True, "id": next_id, "parent": story_id, "time": t0 + 3600, "type": "comment"}
            )
            next_id += 5
        if number % 11 == 5:
            comments.append(
                {
                    "by": "spammy",
                    "dead": True,
                    "id": next_id,
                    "parent": story_id,
                    "text": "Make $$$ from home, no experience needed!!!",
                    "time": t0 + 7200,
                    "type": "comment",
                }
            )
            next_id += 5
        kids = [c["id"] for c in comments]
        rng.shuffle(kids)
        story = {
            "by": "whoishiring",
            "descendants": len(comments) + rng.randint(0, 50),
            "id": story_id,
            "kids": kids,
            "score": rng.randint(300, 900),
            "text": "Please state the location and include REMOTE for remote work, REMOTE (US) or similar "
            "if the country is restricted, and ONSITE when remote work is <i>not</i> an option.",
            "time": t0,
            "title": f"Ask HN: Who is hiring? ({name})",
            "type": "story",
        }
        others = [
            f"Ask HN: Who wants to be hired? ({name})",
            f"Ask HN: Freelancer? Seeking freelancer? ({name})",
        ]
        submitted.append(story_id)
        records.append(hn_record(story))
        records += [hn_record(c) for c in comments]
        for offset, title in enumerate(others, start=1):
            other = {
                "by": "whoishiring",
                "descendants": 0,
                "id": story_id + offset,
                "score": rng.randint(100, 300),
                "text": "Share your location, remote preference and a short summary.",
                "time": t0,
                "title": title,
                "type": "story",
            }
            submitted.append(story_id + offset)
            records.append(hn_record(other))
    user = {
        "about": "This account posts the monthly hiring threads.",
        "created": 1301529600,
        "id": "whoishiring",
        "karma": 1000 + len(submitted),
        "submitted": sorted(submitted, reverse=True),
    }
    records.append({"source": "hn", "board": "user", "id": "whoishiring", "payload": user})
    return records


def hn_record(item: dict[str, Any]) -> dict[str, Any]:
    return {"source": "hn", "board": "item", "id": str(item["id"]), "payload": item}


RENDERERS = {
    "greenhouse": render_greenhouse,
    "lever": render_lever,
    "ashby": render_ashby,
    "jsonld": render_jsonld,
}
PATHS = {
    "greenhouse": "/hosted/greenhouse/{board}/{id}",
    "lever": "/hosted/lever/{board}/{id}",
    "ashby": "/hosted/ashby/{board}/{id}",
    "jsonld": "/careers/{board}/jobs/{id}",
}


def render_records(market: Market, rng: random.Random) -> list[dict[str, Any]]:
    """Every served record: one per published copy, plus the Hacker News stories and user."""
    companies = {c["token"]: c for c in market.companies}
    records = render_hn(market, rng)
    for job in market.jobs:
        company = companies[job["company_token"]]
        for copy in job["copies"]:
            if copy["source"] == "hn":
                continue
            copy["url"] = PATHS[copy["source"]].format(board=copy["board"], id=copy["external_id"])
            payload = RENDERERS[copy["source"]](job, copy, company, rng)
            records.append(
                {
                    "source": copy["source"],
                    "board": copy["board"],
                    "id": copy["external_id"],
                    "posted_at": copy["posted_at"].isoformat(),
                    "payload": payload,
                }
            )
    return records
