"""The bundled offline sample job market: a seeded generator of MLE postings with ground truth.

``generate_market(seed=7)`` invents 46 months (2023-01 .. 2026-10) of postings from 14 companies,
about 90 ML-engineering-family postings a month (role families ``ml_engineer`` and
``mlops_engineer``) plus near-MLE roles (data scientist, data engineer, research scientist) making
up about 30% of all postings. ``write_market`` writes them with their ground truth.

Prevalence: for a posting in the ML-engineering family, each skill is present independently with
that month's value of its curve in ``curves.MLE_CURVES`` (so a Wilson interval on a monthly share
covers the curve about 95% of months). Highlights: Python flat at 0.90; PyTorch rising 0.45 -> 0.75
and TensorFlow falling 0.60 -> 0.30, crossing in mid 2024; AWS flat 0.45, GCP 0.25, Azure rising
0.20 -> 0.30; MLOps tools (MLflow, W&B, Kubernetes, Docker, CI/CD, model monitoring) rising; LLMs,
LangChain and vector databases on S-curves from near 0 in 2023. ``prevalence.json`` holds every
curve by month with a description. Near-MLE roles use ``curves.NEAR_PROFILES``.

A present skill is ``required`` (70%; 92% for python, sql, machine_learning) or ``preferred``.

Duplicates (about 5% of canonical jobs have more than one published copy):

* cross-posts: about 9% of the jobs on a company's Greenhouse board also appear on the company's own
  careers site as a JSON-LD page, under a different id (``JR-...``), same day, same text;
* reposts: about 2.5% of the jobs on Greenhouse, Lever, Ashby and JSON-LD sites are published again
  2-5 weeks later under a new id with slightly edited text (a "still hiring" line added).

Every copy is listed in the job's truth line under ``copies``; counts and prevalence refer to
canonical jobs, so a deduplicating pipeline should reproduce them.

Truth conventions: a skill is listed when the posting asks for it in a requirements or preferred
section, or in a cue phrase ("experience with Kubeflow is a plus" -> preferred). Overlapping names
follow the longest match: "AWS SageMaker" is sagemaker (not also aws), "Azure ML" is azure_ml,
"C/C++" is cpp, "ML Ops" is mlops (the taxonomy's ``contains`` lists the few names that name two skills,
such as "Spark MLlib"). A degree field ("Ph.D. in ML") is not a skill. Planted look-alikes
("R&D", "go-to-market", "C-suite", "Series C", "excel at", "spark curiosity", "snowflake schema", Ray
or Julia as a recruiter's name, "send your CV", office airflow, red pandas) are listed under
``lookalikes``; another team's stack ("our data team uses Tableau") under ``not_skills``.

Boards are an archive: each lists every posting ever published on it, not only open ones.

Only ``random.Random(seed)`` is used; no wall clock. Same seed and arguments give byte-identical files.
"""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from skilltrends.sample import curves, sources, writing

__all__ = [
    "COMPANIES",
    "Market",
    "generate_market",
    "load_records",
    "market_sources",
    "write_market",
]

# name, board token, primary source, city, region, country, currency, weight
COMPANIES: list[dict[str, Any]] = [
    {
        "name": "Lumenfold",
        "token": "lumenfold",
        "source": "greenhouse",
        "city": "San Francisco",
        "region": "CA",
        "country": "US",
        "currency": "USD",
        "weight": 12,
    },
    {
        "name": "Quarry Labs",
        "token": "quarrylabs",
        "source": "greenhouse",
        "city": "London",
        "region": "England",
        "country": "GB",
        "currency": "GBP",
        "weight": 7,
    },
    {
        "name": "Northwind Robotics",
        "token": "northwindrobotics",
        "source": "greenhouse",
        "city": "Pittsburgh",
        "region": "PA",
        "country": "US",
        "currency": "USD",
        "weight": 8,
    },
    {
        "name": "Tessellate Health",
        "token": "tessellatehealth",
        "source": "greenhouse",
        "city": "Boston",
        "region": "MA",
        "country": "US",
        "currency": "USD",
        "weight": 8,
    },
    {
        "name": "Brightpath Insurance",
        "token": "brightpath",
        "source": "jsonld",
        "city": "Chicago",
        "region": "IL",
        "country": "US",
        "currency": "USD",
        "weight": 7,
    },
    {
        "name": "Helix Freight",
        "token": "helixfreight",
        "source": "jsonld",
        "city": "Amsterdam",
        "region": "North Holland",
        "country": "NL",
        "currency": "EUR",
        "weight": 5,
    },
    {
        "name": "Meridian Bank",
        "token": "meridianbank",
        "source": "jsonld",
        "city": "New York",
        "region": "NY",
        "country": "US",
        "currency": "USD",
        "weight": 7,
    },
    {
        "name": "Copperleaf Media",
        "token": "copperleaf",
        "source": "lever",
        "city": "Los Angeles",
        "region": "CA",
        "country": "US",
        "currency": "USD",
        "weight": 7,
    },
    {
        "name": "Parabola Games",
        "token": "parabolagames",
        "source": "lever",
        "city": "Seattle",
        "region": "WA",
        "country": "US",
        "currency": "USD",
        "weight": 6,
    },
    {
        "name": "Orbital Grocer",
        "token": "orbitalgrocer",
        "source": "lever",
        "city": "Austin",
        "region": "TX",
        "country": "US",
        "currency": "USD",
        "weight": 7,
    },
    {
        "name": "Kestrel AI",
        "token": "kestrel",
        "source": "ashby",
        "city": "New York",
        "region": "NY",
        "country": "US",
        "currency": "USD",
        "weight": 8,
    },
    {
        "name": "Sundial Analytics",
        "token": "sundial",
        "source": "ashby",
        "city": "Berlin",
        "region": "Berlin",
        "country": "DE",
        "currency": "EUR",
        "weight": 5,
    },
    {
        "name": "Fathom Maps",
        "token": "fathommaps",
        "source": "hn",
        "city": "Denver",
        "region": "CO",
        "country": "US",
        "currency": "USD",
        "weight": 4,
    },
    {
        "name": "Wavelet Audio",
        "token": "waveletaudio",
        "source": "hn",
        "city": "Portland",
        "region": "OR",
        "country": "US",
        "currency": "USD",
        "weight": 4,
    },
]

SENIORITY_WEIGHTS = {
    "intern": 4,
    "junior": 12,
    "mid": 30,
    "senior": 32,
    "staff": 10,
    "principal": 4,
    "lead": 6,
    "manager": 2,
}
YEARS: dict[str, list[tuple[int | None, int | None]]] = {
    "intern": [(None, None)],
    "junior": [(None, None), (1, None), (0, 2), (1, 3)],
    "mid": [(2, None), (3, None), (2, 5), (None, None)],
    "senior": [(5, None), (5, 8), (4, None), (6, None)],
    "staff": [(8, None), (8, 12)],
    "principal": [(10, None)],
    "lead": [(7, None), (6, 10)],
    "manager": [(8, None)],
}
BASE_PAY = {
    "intern": (40, 55),
    "junior": (110, 140),
    "mid": (140, 180),
    "senior": (170, 230),
    "staff": (210, 290),
    "principal": (250, 340),
    "lead": (200, 270),
    "manager": (200, 260),
}
TEAMS = [
    "Ranking",
    "Search",
    "Recommendations",
    "Fraud",
    "Forecasting",
    "Platform",
    "Personalization",
    "Conversational AI",
    "Perception",
    "Ads",
    None,
    None,
    None,
]
TITLES = {
    "ml_engineer": {
        "intern": ["Machine Learning Engineer Intern", "ML Engineering Intern ({y})"],
        "junior": [
            "Junior Machine Learning Engineer",
            "Machine Learning Engineer I",
            "Associate ML Engineer",
        ],
        "mid": ["Machine Learning Engineer", "ML Engineer II", "Machine Learning Engineer{team}"],
        "senior": [
            "Senior Machine Learning Engineer{team}",
            "Sr. ML Engineer",
            "ML Engineer III",
            "Senior MLE{team}",
        ],
        "staff": ["Staff Machine Learning Engineer", "Staff MLE{team}"],
        "principal": ["Principal Machine Learning Engineer", "Principal ML Engineer{team}"],
        "lead": ["Lead Machine Learning Engineer", "ML Engineering Lead{team}"],
        "manager": ["Engineering Manager, Machine Learning"],
    },
    "mlops_engineer": {
        "intern": ["MLOps Intern"],
        "junior": ["Junior MLOps Engineer"],
        "mid": ["MLOps Engineer", "ML Platform Engineer", "Machine Learning Infrastructure Engineer"],
        "senior": ["Senior MLOps Engineer", "Senior ML Platform Engineer"],
        "staff": ["Staff ML Infrastructure Engineer"],
        "principal": ["Principal MLOps Engineer"],
        "lead": ["MLOps Lead"],
        "manager": ["Engineering Manager, ML Platform"],
    },
    "data_scientist": {
        "intern": ["Data Science Intern"],
        "junior": ["Junior Data Scientist", "Data Scientist I"],
        "mid": ["Data Scientist", "Data Scientist II{team}"],
        "senior": ["Senior Data Scientist{team}"],
        "staff": ["Staff Data Scientist"],
        "principal": ["Principal Data Scientist"],
        "lead": ["Lead Data Scientist"],
        "manager": ["Data Science Manager"],
    },
    "data_engineer": {
        "intern": ["Data Engineering Intern"],
        "junior": ["Junior Data Engineer"],
        "mid": ["Data Engineer", "Analytics Engineer"],
        "senior": ["Senior Data Engineer"],
        "staff": ["Staff Data Engineer"],
        "principal": ["Principal Data Engineer"],
        "lead": ["Lead Data Engineer"],
        "manager": ["Data Engineering Manager"],
    },
    "research_scientist": {
        "intern": ["Research Scientist Intern ({y})"],
        "junior": ["Research Scientist"],
        "mid": ["Research Scientist{team}"],
        "senior": ["Senior Research Scientist"],
        "staff": ["Staff Research Scientist"],
        "principal": ["Principal Research Scientist"],
        "lead": ["Research Lead, Machine Learning"],
        "manager": ["Research Manager"],
    },
}
# text, min level, fields, equivalent experience ok
DEGREES: dict[str, list[tuple[str, str, list[str], bool]]] = {
    "engineer": [
        ("BS/MS in Computer Science or a related field", "bachelor", ["computer science"], False),
        ("Bachelor&#39;s degree or equivalent experience", "bachelor", [], True),
        (
            "Bachelor&rsquo;s degree in Computer Science, Statistics, Mathematics "
            "or equivalent practical experience",
            "bachelor",
            ["computer science", "statistics", "mathematics"],
            True,
        ),
        (
            "MS or PhD in Computer Science, Electrical Engineering, or a related quantitative field",
            "master",
            ["computer science", "electrical engineering"],
            False,
        ),
        ("Ph.D. in ML or related field", "phd", ["machine learning"], False),
    ],
    "data_scientist": [
        (
            "MS in Statistics, Mathematics, or a related quantitative field",
            "master",
            ["statistics", "mathematics"],
            False,
        ),
        (
            "Bachelor&#39;s degree in a quantitative field (Economics, Statistics, Physics) "
            "or equivalent experience",
            "bachelor",
            ["economics", "statistics", "physics"],
            True,
        ),
    ],
    "research_scientist": [
        (
            "PhD in Machine Learning, Computer Science, or a related field",
            "phd",
            ["machine learning", "computer science"],
            False,
        ),
        ("Ph.D. in ML or related field", "phd", ["machine learning"], False),
        (
            "Master&rsquo;s degree in Computer Science with equivalent research experience",
            "master",
            ["computer science"],
            True,
        ),
    ],
}
PREFERRED_DEGREES = [("Master&rsquo;s or PhD preferred", "master"), ("PhD a plus", "phd")]
ALWAYS_REQUIRED = {"python", "sql", "machine_learning"}
MLE_FAMILY = ("ml_engineer", "mlops_engineer")


@dataclass
class Market:
    """A generated market: ground truth per canonical job plus every served record."""

    seed: int
    months: list[str]
    companies: list[dict[str, Any]]
    jobs: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    prevalence: dict[str, dict[str, float]] = field(default_factory=dict)

    def manifest(self) -> dict[str, Any]:
        """Boards per source, for crawlers; URLs are paths relative to the server's base URL."""
        by_source: dict[str, list[str]] = {"greenhouse": [], "lever": [], "ashby": [], "jsonld": []}
        for company in self.companies:
            if company["source"] in by_source:
                by_source[company["source"]].append(company["token"])
        return {
            "seed": self.seed,
            "months": [self.months[0], self.months[-1]],
            "greenhouse": by_source["greenhouse"],
            "lever": by_source["lever"],
            "ashby": by_source["ashby"],
            "jsonld": sorted({r["board"] for r in self.records if r["source"] == "jsonld"}),
            "sitemap": ["/sitemap.xml"],
            "hn": [f"{m}" for m in self.months],
        }


def month_range(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from first to last inclusive."""
    return [
        f"{i // 12:04d}-{i % 12 + 1:02d}"
        for i in range(curves.month_index(first), curves.month_index(last) + 1)
    ]


def month_table(profile: dict[str, curves.Curve], months: list[str]) -> dict[str, list[tuple[str, float]]]:
    """Each month's (skill, prevalence) pairs for one profile, computed once."""
    return {
        m: [
            (skill, curves.month_prevalence(curve, m, first=months[0], last=months[-1]))
            for skill, curve in profile.items()
        ]
        for m in months
    }


def draw_skills(table: list[tuple[str, float]], rng: random.Random) -> list[dict[str, str]]:
    """Independent Bernoulli draws for every skill of a month's profile, each with a requirement level."""
    skills = []
    for skill_id, p in table:
        if rng.random() < p:
            keep = 0.92 if skill_id in ALWAYS_REQUIRED else 0.70
            skills.append({"id": skill_id, "level": "required" if rng.random() < keep else "preferred"})
    return sorted(skills, key=lambda s: s["id"])


def draw_degree(family: str, rng: random.Random) -> dict[str, Any]:
    """Degree truth plus the phrases that state it (required and preferred)."""
    key = family if family in DEGREES else "engineer"
    none_rate = {"research_scientist": 0.05, "data_scientist": 0.25}.get(family, 0.35)
    out: dict[str, Any] = {
        "min_level": None,
        "fields": [],
        "equivalent_experience_ok": False,
        "preferred_level": None,
        "text": None,
        "preferred_text": None,
    }
    if rng.random() >= none_rate:
        text, level, fields, equivalent = rng.choice(DEGREES[key])
        out.update(min_level=level, fields=fields, equivalent_experience_ok=equivalent, text=text)
    if out["min_level"] in (None, "bachelor") and rng.random() < 0.3:
        out["preferred_text"], out["preferred_level"] = rng.choice(PREFERRED_DEGREES)
    return out


def draw_pay(
    company: dict[str, Any], seniority: str, family: str, source: str, rng: random.Random
) -> tuple[dict[str, Any] | None, str | None, bool]:
    """Pay truth, its text form (or None), and whether the source's structured field carries it."""
    mode = rng.choices(["none", "text", "structured", "both"], [30, 35, 20, 15])[0]
    if source == "hn" and mode != "none":
        mode = "text"
    if mode == "none":
        return None, None, False
    low, high = BASE_PAY[seniority]
    currency = company["currency"]
    if seniority == "intern" or rng.random() < 0.02:
        period, low = "hour", rng.randint(40, 50) if seniority == "intern" else rng.randint(85, 100)
        high = low + rng.choice([0, 10, 15])
    else:
        period = "year"
        scale = {"USD": 1.0, "GBP": 0.45, "EUR": 0.5}[currency] * (0.9 if family not in MLE_FAMILY else 1.0)
        low = round(low * scale * rng.uniform(0.9, 1.1) / 5) * 5 * 1000
        high = round(high * scale * rng.uniform(0.9, 1.1) / 5) * 5 * 1000
        high = max(high, low + 10000)
        if currency in ("GBP", "EUR") and rng.random() < 0.35:
            high = low
        if currency == "EUR" and rng.random() < 0.3:
            period, low, high = "month", round(low / 12 / 100) * 100, round(high / 12 / 100) * 100
    pay = {"min": float(low), "max": float(high), "currency": currency, "period": period}
    text = pay_text(pay, rng) if mode in ("text", "both") else None
    return pay, text, mode in ("structured", "both")


def pay_text(pay: dict[str, Any], rng: random.Random) -> str:
    """One of the ways postings write pay: '$180k–$240k', 'USD 150,000 - 190,000 per year', '£70,000'."""
    low, high, cur, period = int(pay["min"]), int(pay["max"]), pay["currency"], pay["period"]
    sym = {"USD": "$", "GBP": "&pound;", "EUR": "&euro;"}[cur]
    if period == "hour":
        return f"{sym}{low}/hr" if low == high else f"{sym}{low}&ndash;{sym}{high} per hour"
    if period == "month":
        return f"{sym}{low:,} per month" if low == high else f"{sym}{low:,} - {sym}{high:,} per month"
    if low == high:
        return f"{sym}{low // 1000}k" if cur == "EUR" else f"{sym}{low:,}"
    form = rng.choice(["k", "iso", "full"])
    if form == "k":
        return f"{sym}{low // 1000}k&ndash;{sym}{high // 1000}k"
    if form == "iso":
        return f"{cur} {low:,} - {high:,} per year"
    return f"{sym}{low:,} &ndash; {sym}{high:,} annually, plus equity"


def make_title(family: str, seniority: str, team: str | None, year: str, rng: random.Random) -> str:
    """A title such as 'Senior Machine Learning Engineer, Ranking' or 'ML Engineer II'."""
    template = rng.choice(TITLES[family][seniority])
    suffix = f", {team}" if team and rng.random() < 0.7 else (f" - {team}" if team else "")
    return template.format(team=suffix, y=year)


def draw_job(
    number: int,
    month: str,
    family: str,
    company: dict[str, Any],
    table: list[tuple[str, float]],
    rng: random.Random,
) -> dict[str, Any]:
    """One canonical job's ground truth and text blocks (without published copies yet)."""
    weights = dict(SENIORITY_WEIGHTS)
    if family not in MLE_FAMILY:
        weights["manager"] = 0
    seniority = rng.choices(list(weights), list(weights.values()))[0]
    team = rng.choice(TEAMS)
    years_min, years_max = rng.choice(YEARS[seniority])
    degree = draw_degree(family, rng)
    pay, text, structured = draw_pay(company, seniority, family, company["source"], rng)
    skills = draw_skills(table, rng)
    day, hour, minute = rng.randint(1, 28), rng.randint(13, 23), rng.randint(0, 59)
    job: dict[str, Any] = {
        "job_id": f"job-{number:05d}",
        "company": company["name"],
        "company_token": company["token"],
        "title": make_title(family, seniority, team, month[:4], rng),
        "role_family": family,
        "seniority": seniority,
        "team": team,
        "posted_month": month,
        "posted_at": f"{month}-{day:02d}T{hour:02d}:{minute:02d}:00+00:00",
        "remote": rng.random() < 0.3,
        "skills": skills,
        "skill_levels": {s["id"]: s["level"] for s in skills},
        "degree": {
            k: degree[k] for k in ("min_level", "fields", "equivalent_experience_ok", "preferred_level")
        },
        "degree_text": degree["text"],
        "degree_preferred_text": degree["preferred_text"],
        "years_min": years_min,
        "years_max": years_max,
        "pay": pay,
        "pay_text": text,
        "pay_structured": structured,
    }
    job.update(writing.write_posting(job, company, rng))
    return job


def plan_copies(
    job: dict[str, Any], company: dict[str, Any], ids: sources.IdMaker, rng: random.Random
) -> list[dict[str, Any]]:
    """The published copies of one job: original, maybe a cross-post and maybe a repost."""
    posted = datetime.fromisoformat(job["posted_at"])
    copies = [
        {
            "source": company["source"],
            "board": company["token"],
            "kind": "original",
            "external_id": ids.new(company["source"], rng),
            "posted_at": posted,
        }
    ]
    if company["source"] == "greenhouse" and rng.random() < 0.09:
        copies.append(
            {
                "source": "jsonld",
                "board": company["token"],
                "kind": "cross_post",
                "external_id": ids.new("jsonld", rng),
                "posted_at": posted + timedelta(hours=2),
            }
        )
    if company["source"] != "hn" and rng.random() < 0.025:
        later = posted + timedelta(days=rng.randint(14, 35))
        copies.append(
            {
                "source": company["source"],
                "board": company["token"],
                "kind": "repost",
                "external_id": ids.new(company["source"], rng),
                "posted_at": later,
            }
        )
    return copies


def generate_market(
    *,
    seed: int = 7,
    first_month: str = "2023-01",
    last_month: str = "2026-10",
    mle_per_month: int = 90,
    near_share: float = 0.30,
) -> Market:
    """Generate the sample market; deterministic in all arguments.

    ``mle_per_month`` is the mean number of ML-engineering-family postings a month (±9%);
    ``near_share`` is the near-MLE roles' share of all postings.
    """
    rng = random.Random(seed)
    months = month_range(first_month, last_month)
    market = Market(seed=seed, months=months, companies=[dict(c) for c in COMPANIES])
    weights = [c["weight"] for c in market.companies]
    ids = sources.IdMaker()
    tables = {
        family: month_table(
            curves.MLE_CURVES if family in MLE_FAMILY else curves.NEAR_PROFILES[family], months
        )
        for family in (*MLE_FAMILY, *curves.NEAR_PROFILES)
    }
    for month in months:
        n_mle = rng.randint(round(mle_per_month * 0.91), round(mle_per_month * 1.09))
        n_near = round(n_mle * near_share / (1 - near_share))
        families = [("mlops_engineer" if rng.random() < 0.15 else "ml_engineer") for _ in range(n_mle)]
        families += rng.choices(
            ["data_scientist", "data_engineer", "research_scientist"], [45, 35, 20], k=n_near
        )
        for family in families:
            company = rng.choices(market.companies, weights)[0]
            job = draw_job(len(market.jobs) + 1, month, family, company, tables[family][month], rng)
            job["copies"] = plan_copies(job, company, ids, rng)
            market.jobs.append(job)
    market.jobs.sort(key=lambda j: (j["posted_at"], j["job_id"]))
    for number, job in enumerate(market.jobs, start=1):
        job["job_id"] = f"job-{number:05d}"
    market.records = sources.render_records(market, rng)
    market.prevalence = {skill: {} for skill in curves.MLE_CURVES}
    for month, pairs in tables["ml_engineer"].items():
        for skill, p in pairs:
            market.prevalence[skill][month] = p
    return market


def truth_line(job: dict[str, Any]) -> dict[str, Any]:
    """The ground-truth record of one canonical job, as written to truth.jsonl."""
    keys = [
        "job_id",
        "company",
        "company_token",
        "title",
        "role_family",
        "seniority",
        "posted_month",
        "posted_at",
        "skills",
        "not_skills",
        "lookalikes",
        "degree",
        "years_min",
        "years_max",
        "pay",
    ]
    line = {k: job[k] for k in keys}
    line["copies"] = [
        {
            "source": c["source"],
            "board": c["board"],
            "external_id": c["external_id"],
            "kind": c["kind"],
            "url": c["url"],
            "posted_at": c["posted_at"].isoformat(),
        }
        for c in job["copies"]
    ]
    return line


def dump_json(data: Any) -> str:
    """Compact, stable JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_market(market: Market, out_dir: Path | str) -> dict[str, Path]:
    """Write truth.jsonl, prevalence.json, records.jsonl.gz, manifest.json and README.md to out_dir."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        name: out / name
        for name in ("truth.jsonl", "prevalence.json", "records.jsonl.gz", "manifest.json", "README.md")
    }
    with paths["truth.jsonl"].open("w", encoding="utf-8", newline="\n") as f:
        f.writelines(dump_json(truth_line(job)) + "\n" for job in market.jobs)
    prevalence = {
        "role_families": list(MLE_FAMILY),
        "months": market.months,
        "skills": {
            skill: {"description": curves.describe_curve(curves.MLE_CURVES[skill]), "by_month": by_month}
            for skill, by_month in market.prevalence.items()
        },
    }
    paths["prevalence.json"].write_text(json.dumps(prevalence, indent=1) + "\n", encoding="utf-8")
    body = "".join(dump_json(r) + "\n" for r in market.records).encode("utf-8")
    # mtime=0 and no file name keep the gzip bytes identical between runs.
    paths["records.jsonl.gz"].write_bytes(gzip.compress(body, compresslevel=6, mtime=0))
    paths["manifest.json"].write_text(json.dumps(market.manifest(), indent=1) + "\n", encoding="utf-8")
    paths["README.md"].write_text(readme_text(market), encoding="utf-8")
    return paths


def load_records(market_dir: Path | str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The manifest and served records of a directory written by ``write_market``."""
    root = Path(market_dir)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    with gzip.open(root / "records.jsonl.gz", "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return manifest, records


def market_sources(market_dir: Path | str | Market) -> dict[str, list[str]]:
    """Boards per source: greenhouse tokens, lever sites, ashby names, jsonld sites, sitemap, hn months."""
    if isinstance(market_dir, Market):
        manifest = market_dir.manifest()
    else:
        manifest = json.loads((Path(market_dir) / "manifest.json").read_text(encoding="utf-8"))
    return {k: list(v) for k, v in manifest.items() if isinstance(v, list) and k != "months"}


def readme_text(market: Market) -> str:
    """README.md for out_dir: the files, the sources and the prevalence curves."""
    n_copies = sum(len(j["copies"]) for j in market.jobs)
    dup = sum(1 for j in market.jobs if len(j["copies"]) > 1)
    lines = [
        "# skilltrends sample job market",
        "",
        f"Seed {market.seed}; months {market.months[0]} .. {market.months[-1]}; {len(market.jobs)} canonical "
        f"jobs, {n_copies} published copies ({dup} jobs with more than one copy); "
        f"{len(market.companies)} companies.",
        "",
        "Generated by `skilltrends.sample.generate_market`; serve with "
        "`python -m skilltrends.sample.server DIR --port 8000`.",
        "",
        "## Files",
        "",
        "- `truth.jsonl`: one line per canonical job: skills (canonical id, required|preferred), "
        "`not_skills` (planted mentions that are not this role's requirements), `lookalikes` (planted "
        "non-skill look-alikes such as 'R&D' or 'Ray' as a person), degree, years, pay, role family, "
        "seniority, and every published copy (`source`, `board`, `external_id`, "
        "`kind` original|cross_post|repost, `url` path).",
        "- `prevalence.json`: per skill, the true monthly share for role families ml_engineer and "
        "mlops_engineer.",
        "- `records.jsonl.gz`: what the server serves, one record per item in each source's native shape.",
        "- `manifest.json`: boards per source (also served at `/_sample/manifest.json`).",
        "",
        "## Truth conventions",
        "",
        "A skill is true when the posting asks for it (requirements or preferred section, or a cue phrase "
        "such as 'experience with Kubeflow is a plus' -> preferred). Overlapping names follow the longest "
        "match ('AWS SageMaker' is sagemaker only, 'Azure ML' is azure_ml, 'C/C++' is cpp). Degree fields "
        "('Ph.D. in ML') are not skills. Look-alikes and other teams' tools are listed, never counted. "
        "Boards are an archive of every posting ever published, not only open ones. Prevalence counts "
        "canonical jobs: deduplicate copies (cross-posts and reposts) before comparing.",
        "",
        "## Sources",
        "",
        "- Greenhouse: `/v1/boards/{token}/jobs?content=true`, "
        "`/v1/boards/{token}/jobs/{id}?pay_transparency=true`",
        "- Lever: `/v0/postings/{site}?mode=json[&skip=N&limit=M]`",
        "- Ashby: `/posting-api/job-board/{name}?includeCompensation=true`",
        "- JSON-LD careers sites: `/robots.txt` -> `/sitemap.xml` (index) -> `/sitemaps/jobs-1.xml.gz`, "
        "`/sitemaps/jobs-2.xml` -> `/careers/{site}/jobs/{id}`",
        "- Hacker News: `/v0/user/whoishiring.json`, `/v0/item/{id}.json`",
        "",
        "## Prevalence curves (ML-engineering family)",
        "",
    ]
    lines += [f"- `{skill}`: {curves.describe_curve(curve)}" for skill, curve in curves.MLE_CURVES.items()]
    return "\n".join(lines) + "\n"
