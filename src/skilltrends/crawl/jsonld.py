"""schema.org JobPosting JSON-LD (the Google for Jobs format) -> Postings.

Real pages get JSON-LD wrong in a few recurring ways: raw control characters inside strings, HTML entities,
trailing commas, `@graph` wrappers, arrays of postings, `@type` given as a list. `load_jsonld` tolerates those.
Spec: https://schema.org/JobPosting ; https://developers.google.com/search/docs/appearance/structured-data/job-posting
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from skilltrends.crawl.build import build_posting, parse_each
from skilltrends.crawl.normalize import normalize_workplace, parse_datetime
from skilltrends.models import Posting

__all__ = [
    "parse_jobposting_page", "jobposting_objects", "microdata_objects", "load_jsonld", "jsonld_salary", "listing_links",
    "DEFAULT_FOLLOW", "SOURCE",
]

SOURCE = "jobposting"
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_UNIT_PERIOD = {"YEAR": "year", "MONTH": "month", "WEEK": "week", "DAY": "day", "HOUR": "hour"}


def parse_jobposting_page(page: str | bytes, *, url: str, errors: list[str] | None = None) -> list[Posting]:
    """Every JobPosting of a page: its JSON-LD blocks, else its microdata.

    A posting's id is its `identifier` qualified by the page's host (ids are only unique per site), else its URL;
    several postings on one page without identifiers get "#1", "#2" ... after the URL. See `parse_each` for
    `errors`.
    """
    tree = _parse_html(page)
    if tree is None:
        return []
    objects = list(jobposting_objects(tree)) or list(microdata_objects(tree, url=url))
    postings = parse_each(objects, lambda obj: _to_posting(obj, url=url), errors=errors)
    if len({p.external_id for p in postings}) < len(postings):
        for number, posting in enumerate(postings, start=1):
            posting.external_id = f"{posting.external_id}#{number}"
    return postings


def _parse_html(page: str | bytes) -> Any:
    if not page or not page.strip():
        return None
    try:
        return lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return None


def jobposting_objects(page: str | bytes | Any) -> Iterator[dict[str, Any]]:
    """The JobPosting objects of a page's JSON-LD, wherever they sit (top level, arrays, @graph)."""
    tree = _parse_html(page) if isinstance(page, str | bytes) else page
    if tree is None:
        return
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        data = load_jsonld(script.text_content())
        if data is not None:
            yield from _find_postings(data)


def microdata_objects(tree: Any, *, url: str) -> Iterator[dict[str, Any]]:
    """JobPostings in schema.org microdata (itemscope/itemprop), read by extruct, with the description's HTML kept."""
    scopes = tree.xpath('//*[@itemscope][contains(@itemtype, "JobPosting")]')
    if not scopes:
        return
    import extruct  # imported here: only pages without JSON-LD need it

    found = extruct.extract(lxml.html.tostring(tree, encoding="unicode"), base_url=url, syntaxes=["microdata"],
                            uniform=True).get("microdata", [])
    postings = list(_find_postings(found))
    for obj, scope in zip(postings, scopes, strict=False):
        description = scope.xpath('.//*[@itemprop="description"]')
        if description:
            obj["description"] = lxml.html.tostring(description[0], encoding="unicode")
        yield obj


def load_jsonld(text: str) -> Any:
    """Parse one JSON-LD block, repairing the usual mistakes; None if it cannot be read.

    Repairs: HTML comment wrappers, raw control characters in strings, trailing commas, `\\'` escapes, and a
    block HTML-escaped as a whole (`{&quot;@type&quot;: ...}`).
    """
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("<![CDATA[").removesuffix("]]>").strip()
    candidates = [text, _TRAILING_COMMA.sub(r"\1", text.replace("\\'", "'"))]
    if "&quot;" in text:
        candidates.append(_TRAILING_COMMA.sub(r"\1", html.unescape(text)))
    for candidate in candidates:
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    return None


def _find_postings(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _find_postings(item)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "JobPosting" in kinds:
            yield data
        if "@graph" in data:
            yield from _find_postings(data["@graph"])


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or value.get("@value")
    if isinstance(value, list):
        value = ", ".join(str(_text(v)) for v in value if _text(v))
    if value is None:
        return None
    return html.unescape(str(value)).strip() or None


def _to_posting(obj: dict[str, Any], *, url: str) -> Posting:
    identifier = obj.get("identifier")
    if isinstance(identifier, dict):  # a PropertyValue: its value is the id, its name the issuer
        identifier = identifier.get("value") or identifier.get("@id")
    ident = _text(identifier) if identifier else None
    given = obj.get("url")
    page_url: str = given if isinstance(given, str) and "://" in given else url
    host: str = urlsplit(page_url).hostname or ""
    city, region, country = _address(obj.get("jobLocation"))
    location = ", ".join(p for p in (city, region, country) if p) or None
    workplace = "remote" if "TELECOMMUTE" in str(obj.get("jobLocationType", "")).upper() else None
    if workplace and not location:
        location = _text(obj.get("applicantLocationRequirements"))
    return build_posting(
        source=SOURCE,
        external_id=f"{host}/{ident}" if ident else page_url,
        url=page_url,
        title=_text(obj.get("title")),
        description_html=html.unescape(str(obj.get("description") or "")),
        raw=obj,
        company=_text(obj.get("hiringOrganization")),
        board=host or None,
        location=location,
        city=city,
        region=region,
        country=country,
        workplace=normalize_workplace(workplace),
        posted_at=parse_datetime(obj.get("datePosted")),
        valid_through=parse_datetime(obj.get("validThrough")),
        employment_type=_text(obj.get("employmentType")),
        salary=jsonld_salary(obj.get("baseSalary")),
    )


def _address(job_location: Any) -> tuple[str | None, str | None, str | None]:
    if isinstance(job_location, list):
        job_location = job_location[0] if job_location else None
    if not isinstance(job_location, dict):
        return None, None, None
    address = job_location.get("address") or {}
    if not isinstance(address, dict):
        return _text(address), None, None
    country = _text(address.get("addressCountry"))
    return _text(address.get("addressLocality")), _text(address.get("addressRegion")), country


def jsonld_salary(base: Any) -> tuple[float | None, float | None, str | None, str | None] | None:
    """(min, max, currency, period) from a MonetaryAmount with a QuantitativeValue or a bare number."""
    if not isinstance(base, dict):
        return None
    value = base.get("value")
    unit = base.get("unitText")
    if isinstance(value, dict):
        unit = value.get("unitText") or unit
        low, high = _number(value.get("minValue")), _number(value.get("maxValue"))
        if low is None and high is None:
            low = high = _number(value.get("value"))
    else:
        low = high = _number(value)
    if low is None and high is None:
        return None
    period = _UNIT_PERIOD.get(str(unit or "YEAR").upper(), "year")
    currency = base.get("currency")
    return low, high, str(currency).upper() if currency else None, period


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


DEFAULT_FOLLOW = r"/(jobs?|positions?|openings?|vacanc(y|ies)|careers?)/[^?#]+"


def listing_links(page: str | bytes, *, url: str, follow: str = DEFAULT_FOLLOW) -> tuple[list[str], list[str]]:
    """(job page URLs, next listing page URLs) of a careers listing page.

    Job pages are same-site links whose path matches `follow`; the next page is a rel="next" link or one whose
    text is "Next", "›" or "»".
    """
    tree = _parse_html(page)
    if tree is None:
        return [], []
    tree.make_links_absolute(url, resolve_base_href=True)
    host = urlsplit(url).hostname
    pattern = re.compile(follow)
    jobs: list[str] = []
    pages: list[str] = []
    for anchor in tree.xpath("//a[@href]"):
        href = anchor.get("href", "").split("#", 1)[0]
        if not href.startswith(("http://", "https://")) or urlsplit(href).hostname != host or href == url:
            continue
        text = " ".join(anchor.text_content().split()).lower()
        if "next" in (anchor.get("rel") or "").lower().split() or text in ("next", "next page", "›", "»", "next ›"):
            pages.append(href)
        elif pattern.search(urlsplit(href).path) and href not in jobs:
            jobs.append(href)
    for link in tree.xpath('//link[@rel="next"][@href]'):
        pages.append(link.get("href"))
    return jobs, list(dict.fromkeys(pages))
