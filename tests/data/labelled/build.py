"""Render the hand-written postings in authoring/*.txt into each source's markup, plus labels.jsonl.

The annotator writes every posting once, in a tiny markup (``## Heading``, ``- bullet``, blank-line
paragraphs, raw ``<a href>`` allowed) with its gold labels in a header; this script only wraps that text in
the shape each source really serves (see /work/shared/reference/api-shapes), so the postings and the labels
cannot drift apart.

    python tests/data/labelled/build.py      # rewrites postings/ and labels.jsonl
    python tests/data/labelled/build.py --set tests/data/heldout   # another set with the same layout
"""

from __future__ import annotations

import argparse
import html
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
PERIOD_LEVER = {"year": "per-year-salary", "month": "per-month-salary", "hour": "per-hour-wage"}
PERIOD_ASHBY = {"year": "1 YEAR", "month": "1 MONTH", "hour": "1 HOUR"}
PERIOD_JSONLD = {"year": "YEAR", "month": "MONTH", "hour": "HOUR", "day": "DAY", "week": "WEEK"}


def parse_authoring(path: Path) -> list[dict]:
    """Split one authoring file into postings: header lines `key: value`, then `---`, then the body."""
    postings = []
    for chunk in re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        name, rest = chunk.split("\n", 1)
        header, body = rest.split("\n---\n", 1)
        meta = {"name": name.strip(), "body": body.strip("\n")}
        for line in header.splitlines():
            if line.strip():
                key, value = line.split(":", 1)
                meta[key.strip()] = value.strip()
        postings.append(meta)
    return postings


def blocks(body: str) -> list[tuple[str, object]]:
    """Body -> [("h", text) | ("p", text) | ("ul", [items])]."""
    out: list[tuple[str, object]] = []
    for para in re.split(r"\n\s*\n", body.strip()):
        lines = [ln for ln in para.splitlines() if ln.strip()]
        items: list[str] = []
        for line in lines:
            if line.startswith("## "):
                out.append(("h", line[3:].strip()))
            elif line.startswith("- "):
                items.append(line[2:].strip())
            else:
                if items:
                    out.append(("ul", items))
                    items = []
                out.append(("p", line.strip()))
        if items:
            out.append(("ul", items))
    return out


def to_html(bs: list[tuple[str, object]], *, heading: str = "h3", p_style: str = "") -> str:
    parts = []
    for kind, value in bs:
        if kind == "h":
            if heading == "strong":
                parts.append(f"<p><strong>{value}</strong></p>")
            elif heading == "b":
                parts.append(f"<p><b>{value}</b></p>")
            else:
                parts.append(f"<{heading}>{value}</{heading}>")
        elif kind == "p":
            parts.append(f"<p{p_style}>{value}</p>")
        else:
            lis = "".join(
                f"<li><p{p_style}>{item}</p></li>" if p_style else f"<li>{item}</li>" for item in value
            )
            parts.append(f"<ul>{lis}</ul>")
    return "\n".join(parts)


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def salary_tuple(value: str | None) -> dict | None:
    if not value or value == "none":
        return None
    lo, hi, currency, period = value.split()
    num = lambda v: None if v == "-" else float(v)  # noqa: E731
    return {"min": num(lo), "max": num(hi), "currency": currency, "period": period}


def render_greenhouse(m: dict, idx: int) -> tuple[str, str]:
    body = to_html(blocks(m["body"]), heading=m.get("style", "h3"))
    intro = f'<div class="content-intro"><h2>About {m["company"]}</h2></div>' if idx % 3 == 0 else ""
    job = {
        "absolute_url": f"https://job-boards.greenhouse.io/{slug(m['company'])}/jobs/{4000000000 + idx}",
        "data_compliance": [{"type": "gdpr", "requires_consent": False, "requires_processing_consent": False,
                             "requires_retention_consent": False, "retention_period": None,
                             "demographic_data_consent_applies": False}],
        "internal_job_id": 3000000 + idx,
        "location": {"name": m["location"]},
        "metadata": None,
        "id": 4000000000 + idx,
        "updated_at": f"2026-11-0{idx % 9 + 1}T10:12:00-05:00",
        "requisition_id": f"R-{1000 + idx}",
        "title": m["title"],
        "company_name": m["company"],
        "first_published": f"2026-10-2{idx % 9}T09:00:00-04:00",
        "language": "en",
        "content": html.escape(intro + body, quote=True),
        "departments": [{"id": 90000 + idx, "name": m.get("department", "Engineering"), "child_ids": [],
                         "parent_id": None}],
        "offices": [{"id": 80000 + idx, "name": m["location"], "location": m["location"], "child_ids": [],
                     "parent_id": None}],
    }
    pay = salary_tuple(m.get("pay"))
    if pay:
        job["pay_input_ranges"] = [{"min_cents": int(pay["min"] * 100), "max_cents": int(pay["max"] * 100),
                                    "currency_type": pay["currency"],
                                    "title": m.get("pay_title", "Base salary"),
                                    "blurb": "The range above is the base salary for this role."}]
        # `pay_more: min max CUR year; ...` adds further ranges (e.g. one per location zone) after the first.
        for extra in filter(None, (x.strip() for x in m.get("pay_more", "").split(";"))):
            more = salary_tuple(extra)
            job["pay_input_ranges"].append({"min_cents": int(more["min"] * 100),
                                            "max_cents": int(more["max"] * 100),
                                            "currency_type": more["currency"],
                                            "title": m.get("pay_title", "Base salary"),
                                            "blurb": "The range above is the base salary for this role."})
    return "json", json.dumps({"jobs": [job], "meta": {"total": 1}}, indent=1, ensure_ascii=False)


def render_lever(m: dict, idx: int) -> tuple[str, str]:
    bs = blocks(m["body"])
    desc, lists, additional = [], [], []
    current: dict | None = None
    for kind, value in bs:
        if kind == "h":
            current = {"text": value, "blocks": []}
            lists.append(current)
        elif current is None:
            desc.append((kind, value))
        else:
            current["blocks"].append((kind, value))
    # Sections without bullets at the end are Lever's "additional" text.
    while lists and not any(k == "ul" for k, _ in lists[-1]["blocks"]):
        tail = lists.pop()
        additional[:0] = [("p", f"<b>{tail['text']}</b>")] + tail["blocks"]
    posting = {
        "additionalPlain": "\n".join(plain(str(v)) for _, v in additional),
        "additional": to_html(additional, heading="b"),
        "categories": {"commitment": "Full-time", "department": "Engineering", "location": m["location"],
                       "team": m.get("team", "Machine Learning"), "allLocations": [m["location"]]},
        "createdAt": 1790000000000 + idx * 86400000,
        "descriptionPlain": "\n".join(plain(str(v)) for _, v in desc),
        "description": to_html(desc),
        "id": f"{idx:08x}-1c2d-4e5f-8a9b-{idx:012x}",
        "lists": [{"text": s["text"], "content": "".join(
            f"<li>{item}</li>" for k, v in s["blocks"] for item in (v if k == "ul" else [v]))}
            for s in lists],
        "text": m["title"],
        "country": m.get("country", "US"),
        "workplaceType": m.get("workplace", "hybrid"),
        "hostedUrl": f"https://jobs.lever.co/{slug(m['company'])}/{idx:08x}",
        "applyUrl": f"https://jobs.lever.co/{slug(m['company'])}/{idx:08x}/apply",
    }
    pay = salary_tuple(m.get("pay"))
    if pay:
        posting["salaryRange"] = {"min": pay["min"], "max": pay["max"], "currency": pay["currency"],
                                  "interval": PERIOD_LEVER[pay["period"]]}
    return "json", json.dumps([posting], indent=1, ensure_ascii=False)


def render_ashby(m: dict, idx: int) -> tuple[str, str]:
    bs = blocks(m["body"])
    desc_html = to_html(bs, heading="h2", p_style=' style="min-height:1.5em"')
    pay = salary_tuple(m.get("pay"))
    components = []
    summary = None
    if pay:
        components = [{"compensationType": "Salary", "interval": PERIOD_ASHBY[pay["period"]],
                       "currencyCode": pay["currency"], "minValue": pay["min"], "maxValue": pay["max"]}]
        summary = m.get("pay_summary")
    job = {
        "id": f"{idx:08x}-aaaa-4bbb-8ccc-{idx:012x}",
        "title": m["title"],
        "department": m.get("department", "Engineering"),
        "team": m.get("team", "Machine Learning"),
        "employmentType": "FullTime",
        "location": m["location"],
        "shouldDisplayCompensationOnJobPostings": bool(pay),
        "secondaryLocations": [],
        "publishedAt": f"2026-10-{idx % 27 + 1:02d}T15:00:00.000+00:00",
        "isListed": True,
        "isRemote": "remote" in m["location"].lower(),
        "workplaceType": m.get("workplace", "Hybrid"),
        "jobUrl": f"https://jobs.ashbyhq.com/{slug(m['company'])}/{idx:08x}",
        "applyUrl": f"https://jobs.ashbyhq.com/{slug(m['company'])}/{idx:08x}/application",
        "descriptionHtml": desc_html,
        "descriptionPlain": "\n\n".join(plain(str(v)) if k != "ul" else "\n".join(f"• {plain(i)}" for i in v)
                                        for k, v in bs),
        "compensation": {"compensationTierSummary": summary, "scrapeableCompensationSalarySummary": summary,
                         "compensationTiers": [], "summaryComponents": components},
    }
    return "json", json.dumps({"apiVersion": "1", "jobs": [job]}, indent=1, ensure_ascii=False)


def render_jsonld(m: dict, idx: int) -> tuple[str, str]:
    desc = to_html(blocks(m["body"]), heading=m.get("style", "h3"))
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": m["title"],
        "description": html.escape(desc) if m.get("escaped") == "yes" else desc,
        "datePosted": f"2026-10-{idx % 27 + 1:02d}",
        "validThrough": "2026-12-31T23:59",
        "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": m["company"],
                               "sameAs": f"https://{slug(m['company'])}.com"},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
                                                      "addressLocality": m["location"].split(",")[0],
                                                      "addressCountry": m.get("country", "US")}},
    }
    pay = salary_tuple(m.get("pay"))
    if pay:
        value = {"@type": "QuantitativeValue", "unitText": PERIOD_JSONLD[pay["period"]]}
        if pay["min"] == pay["max"]:
            value["value"] = pay["min"]
        else:
            value.update(minValue=pay["min"], maxValue=pay["max"])
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": pay["currency"], "value": value}
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{html.escape(m['title'])} - {html.escape(m['company'])}</title>\n"
        "<script type=\"application/ld+json\">\n"
        + json.dumps(data, indent=1, ensure_ascii=False).replace("</", "<\\/")
        + "\n</script></head>\n<body><nav><a href=\"/jobs\">All jobs</a></nav>\n"
        f"<main><h1>{html.escape(m['title'])}</h1><div class=\"job-description\">{desc}</div></main>\n"
        "<footer>© 2026</footer></body></html>\n"
    )
    return "html", page


def render_hn(m: dict, idx: int) -> tuple[str, str]:
    """HN comment HTML: first paragraph bare, the rest after `<p>`; '/', "'" and '"' escaped as HN does."""
    paras = [p.strip().replace("\n", " ") for p in re.split(r"\n\s*\n", m["body"].strip())]

    def esc(fragment: str) -> str:
        out = []
        for part in re.split(r"(<[^>]+>)", fragment):
            if part.startswith("<a "):
                out.append(re.sub(r'href="[^"]*"', lambda h: h.group(0).replace("/", "&#x2F;"), part))
            elif part.startswith("<"):
                out.append(part)
            else:
                out.append(part.replace("/", "&#x2F;").replace("'", "&#x27;").replace('"', "&quot;"))
        return "".join(out)

    text = esc(paras[0]) + "".join("<p>" + esc(p) for p in paras[1:])
    item = {"by": m.get("author", f"user{idx}"), "id": 42000000 + idx * 17, "parent": 42000000,
            "text": text, "time": 1790000000 + idx * 3600, "type": "comment"}
    return "json", json.dumps(item, indent=1, ensure_ascii=False)


RENDER = {"greenhouse": render_greenhouse, "lever": render_lever, "ashby": render_ashby,
          "jsonld": render_jsonld, "hn": render_hn}


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def labels_for(m: dict, file: str) -> dict:
    skills = {}
    for token in m.get("skills", "").split():
        sid, level = token.split(":")
        skills[sid] = {"r": "required", "p": "preferred"}[level]
    deg = [part.strip() for part in m.get("degree", "none").split(";")]
    level = None if deg[0] == "none" else deg[0]
    fields = [f.strip() for f in deg[1].split(",") if f.strip()] if len(deg) > 1 else []
    years = m.get("years", "- -").split()
    num = lambda v: None if v == "-" else float(v)  # noqa: E731
    implicit = sorted(set(m.get("implicit", "").split()) - skills.keys())
    return {"file": file, "source": m["source"], "title": m["title"], "skills": skills,
            "implicit_skills": implicit, "degree_min": level,
            "degree_fields": fields, "equivalent_experience_ok": len(deg) > 2 and deg[2] == "equiv",
            "years_min": num(years[0]), "years_max": num(years[1]), "salary": salary_tuple(m.get("salary"))}


def main() -> None:
    parser = argparse.ArgumentParser(description="Render authoring/*.txt into postings/ and labels.jsonl.")
    parser.add_argument("--set", type=Path, default=HERE,
                        help="the set's directory, holding authoring/ (default: this script's directory)")
    root = parser.parse_args().set
    out_dir = root / "postings"
    out_dir.mkdir(exist_ok=True)
    for old in out_dir.iterdir():
        old.unlink()
    rows = []
    postings = [m for path in sorted((root / "authoring").glob("*.txt")) for m in parse_authoring(path)]
    for idx, m in enumerate(postings, start=1):
        ext, payload = RENDER[m["source"]](m, idx)
        file = f"postings/{m['name']}.{ext}"
        (root / file).write_text(payload, encoding="utf-8")
        rows.append(labels_for(m, file))
    with open(root / "labels.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} postings")


if __name__ == "__main__":
    main()
