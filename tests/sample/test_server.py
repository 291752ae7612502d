"""Server tests: each endpoint answers in its documented shape, over loopback."""

from __future__ import annotations

import gzip
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

import pytest

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read()


def fetch_json(url: str) -> Any:
    status, body = fetch(url)
    assert status == 200, url
    return json.loads(body)


class LdScripts(HTMLParser):
    """Collect the text of <script type="application/ld+json"> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self.inside:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.scripts[-1] += data


def job_postings(data: Any) -> list[dict[str, Any]]:
    items = data if isinstance(data, list) else data.get("@graph", [data])
    return [item for item in items if item.get("@type") == "JobPosting"]


@pytest.mark.parametrize("path", ["/_sample/manifest.json"])
def test_serve_market_manifest(path: str, base_url: str) -> None:
    manifest = fetch_json(base_url + path)
    assert {"greenhouse", "lever", "ashby", "jsonld", "sitemap", "hn"} <= set(manifest)


@pytest.mark.parametrize("content", [True, False])
def test_greenhouse_list_shape(content: bool, base_url: str) -> None:
    token = fetch_json(base_url + "/_sample/manifest.json")["greenhouse"][0]
    query = "?content=true" if content else ""
    data = fetch_json(f"{base_url}/v1/boards/{token}/jobs{query}")
    assert data["meta"]["total"] == len(data["jobs"]) > 0
    job = data["jobs"][0]
    assert {
        "id",
        "internal_job_id",
        "title",
        "updated_at",
        "first_published",
        "location",
        "absolute_url",
        "company_name",
        "departments",
        "offices",
        "metadata",
    } <= set(job)
    assert re.search(r"[+-]\d\d:\d\d$", job["updated_at"])
    assert ("content" in job) is content
    if content:
        assert job["content"].startswith("&lt;") and "<p>" not in job["content"]


@pytest.mark.parametrize("pay_transparency", [True, False])
def test_greenhouse_job_pay_ranges(
    pay_transparency: bool, base_url: str, truth: list[dict[str, Any]]
) -> None:
    copy = next(
        c
        for j in truth
        if j["pay"] and j["pay"]["period"] == "year"
        for c in j["copies"]
        if c["source"] == "greenhouse"
    )
    query = "?pay_transparency=true" if pay_transparency else ""
    job = fetch_json(f"{base_url}/v1/boards/{copy['board']}/jobs/{copy['external_id']}{query}")
    assert str(job["id"]) == copy["external_id"] and "content" in job
    assert ("pay_input_ranges" in job) is pay_transparency
    structured = [j for j in truth for c in j["copies"] if c["source"] == "greenhouse"]
    assert structured


@pytest.mark.parametrize("field", ["min_cents", "max_cents", "currency_type", "title", "blurb"])
def test_greenhouse_job_pay_range_fields(field: str, base_url: str, market: Any) -> None:
    record = next(
        r for r in market.records if r["source"] == "greenhouse" and r["payload"]["pay_input_ranges"]
    )
    job = fetch_json(f"{base_url}/v1/boards/{record['board']}/jobs/{record['id']}?pay_transparency=true")
    assert field in job["pay_input_ranges"][0]


@pytest.mark.parametrize(
    "path",
    [
        "/v1/boards/nosuchboard/jobs",
        "/v1/boards/lumenfold/jobs/1",
        "/no/such/path",
        "/careers/nosuch/jobs/JR-1",
    ],
)
def test_serve_market_unknown_paths_404(path: str, base_url: str) -> None:
    assert fetch(base_url + path)[0] == 404


@pytest.mark.parametrize("skip, limit", [(0, 5), (3, 2)])
def test_lever_postings_paginate(skip: int, limit: int, base_url: str) -> None:
    site = fetch_json(base_url + "/_sample/manifest.json")["lever"][0]
    everything = fetch_json(f"{base_url}/v0/postings/{site}?mode=json")
    page = fetch_json(f"{base_url}/v0/postings/{site}?mode=json&skip={skip}&limit={limit}")
    assert isinstance(everything, list) and page == everything[skip : skip + limit]
    posting = page[0]
    assert {
        "id",
        "text",
        "categories",
        "createdAt",
        "descriptionPlain",
        "description",
        "lists",
        "additionalPlain",
        "additional",
        "hostedUrl",
        "applyUrl",
        "workplaceType",
        "country",
    } <= set(posting)
    assert {"commitment", "department", "location", "team", "allLocations"} <= set(posting["categories"])
    assert posting["hostedUrl"].startswith(base_url)
    assert all({"text", "content"} == set(item) for item in posting["lists"])


@pytest.mark.parametrize("interval", ["per-year-salary"])
def test_lever_postings_salary_range(interval: str, base_url: str) -> None:
    sites = fetch_json(base_url + "/_sample/manifest.json")["lever"]
    ranges = [
        p["salaryRange"]
        for s in sites
        for p in fetch_json(f"{base_url}/v0/postings/{s}?mode=json")
        if "salaryRange" in p
    ]
    assert any(r["interval"] == interval for r in ranges)
    assert all({"min", "max", "currency", "interval"} == set(r) for r in ranges)


@pytest.mark.parametrize("compensation", [True, False])
def test_ashby_board_shape(compensation: bool, base_url: str) -> None:
    name = fetch_json(base_url + "/_sample/manifest.json")["ashby"][0]
    query = "?includeCompensation=true" if compensation else ""
    data = fetch_json(f"{base_url}/posting-api/job-board/{name}{query}")
    assert data["apiVersion"] == "1" and data["jobs"]
    job = data["jobs"][0]
    assert {
        "id",
        "title",
        "department",
        "team",
        "employmentType",
        "location",
        "secondaryLocations",
        "publishedAt",
        "isListed",
        "isRemote",
        "workplaceType",
        "address",
        "jobUrl",
        "applyUrl",
        "descriptionHtml",
        "descriptionPlain",
    } <= set(job)
    assert ("compensation" in job) is compensation
    if compensation:
        components = [c for j in data["jobs"] for c in j["compensation"]["summaryComponents"]]
        assert components and components[0]["compensationType"] == "Salary"


@pytest.mark.parametrize("path", ["/robots.txt"])
def test_jsonld_sitemap_index_to_pages(path: str, base_url: str) -> None:
    status, robots = fetch(base_url + path)
    sitemap_url = re.search(r"^Sitemap: (\S+)$", robots.decode(), re.M)
    assert status == 200 and sitemap_url
    index = ET.fromstring(fetch(sitemap_url.group(1))[1])
    parts = [loc.text or "" for loc in index.iter(SITEMAP_NS + "loc")]
    assert [p.rsplit("/", 1)[1] for p in parts] == ["jobs-1.xml.gz", "jobs-2.xml"]
    urls = []
    for part in parts:
        body = fetch(part)[1]
        urlset = ET.fromstring(gzip.decompress(body) if part.endswith(".gz") else body)
        urls += [loc.text or "" for loc in urlset.iter(SITEMAP_NS + "loc")]
    assert len(urls) > 100
    parser = LdScripts()
    parser.feed(fetch(urls[0])[1].decode("utf-8"))
    posting = job_postings(json.loads(parser.scripts[0], strict=False))[0]
    assert {
        "title",
        "description",
        "datePosted",
        "validThrough",
        "hiringOrganization",
        "jobLocation",
        "identifier",
        "employmentType",
    } <= set(posting)


@pytest.mark.parametrize("shape", ["graph", "array", "object", "control_characters"])
def test_jsonld_pages_vary(shape: str, market: Any) -> None:
    pages = [r["payload"] for r in market.records if r["source"] == "jsonld"]
    scripts = [p.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0] for p in pages]
    if shape == "control_characters":
        bad = 0
        for script in scripts:
            try:
                json.loads(script)
            except json.JSONDecodeError:
                bad += 1
                json.loads(script, strict=False)
        assert 0 < bad < 0.1 * len(scripts)
        return
    loaded = [json.loads(s, strict=False) for s in scripts]
    kinds = ["array" if isinstance(d, list) else "graph" if "@graph" in d else "object" for d in loaded]
    assert shape in kinds


@pytest.mark.parametrize("unit", ["YEAR", "HOUR", "MONTH"])
def test_jsonld_base_salary_units(unit: str, market: Any) -> None:
    pages = [r["payload"] for r in market.records if r["source"] == "jsonld"]
    assert any(f'"unitText": "{unit}"' in p or f'"unitText":"{unit}"' in p for p in pages)


@pytest.mark.parametrize("user", ["whoishiring"])
def test_hn_who_is_hiring_threads(user: str, base_url: str, truth: list[dict[str, Any]]) -> None:
    submitted = fetch_json(f"{base_url}/v0/user/{user}.json")["submitted"]
    assert submitted == sorted(submitted, reverse=True)
    stories = [fetch_json(f"{base_url}/v0/item/{i}.json") for i in submitted[:9]]
    hiring = [s for s in stories if s["title"].startswith("Ask HN: Who is hiring?")]
    assert len(hiring) == 3 and len(stories) - len(hiring) == 6
    assert re.fullmatch(r"Ask HN: Who is hiring\? \(October 2026\)", hiring[0]["title"])
    kids = [fetch_json(f"{base_url}/v0/item/{k}.json") for k in hiring[0]["kids"]]
    jobs = [k for k in kids if not k.get("deleted") and not k.get("dead")]
    assert jobs and all(k["type"] == "comment" and k["parent"] == hiring[0]["id"] for k in kids)
    assert all(" | " in k["text"].split("<p>", 1)[0] for k in jobs)
    hn_ids = {c["external_id"] for j in truth for c in j["copies"] if c["source"] == "hn"}
    assert {str(k["id"]) for k in jobs} <= hn_ids


@pytest.mark.parametrize("flag", ["deleted", "dead"])
def test_hn_has_removed_comments(flag: str, market: Any) -> None:
    assert any(r["payload"].get(flag) for r in market.records if r["source"] == "hn" and r["board"] == "item")


@pytest.mark.parametrize("item_id", ["1"])
def test_hn_unknown_item_is_null(item_id: str, base_url: str) -> None:
    assert fetch_json(f"{base_url}/v0/item/{item_id}.json") is None


@pytest.mark.parametrize("source", ["greenhouse", "lever", "ashby", "jsonld"])
def test_serve_market_truth_urls_resolve(source: str, base_url: str, truth: list[dict[str, Any]]) -> None:
    copy = next(c for j in truth for c in j["copies"] if c["source"] == source)
    assert fetch(base_url + copy["url"])[0] == 200


@pytest.mark.parametrize("source", ["greenhouse"])
def test_serve_market_from_memory(source: str, market: Any) -> None:
    from skilltrends.sample import serve_market

    with serve_market(market) as url:
        token = market.manifest()[source][0]
        assert fetch_json(f"{url}/v1/boards/{token}/jobs")["jobs"]
