"""Extraction quality on the hand-labelled postings in tests/data/labelled/ (48 postings, 5 sources).

Reports, against the gold labels (see tests/data/labelled/README.md for the guideline):
- skills: posting-level precision / recall of (posting, skill id) pairs, for the spaCy tagger
  (`skilltrends.extract.extract_posting`) and for a plain case-insensitive keyword matcher over the taxonomy's
  aliases (the baseline);
- requirement level accuracy over true skills the tagger found, and over the preferred ones;
- degree min level, degree fields, equivalent-experience flag, years (min and max) and pay (min, max,
  currency, period), from `skilltrends.extract.requirements` alone.

Postings are read with the pipeline's own `skilltrends.crawl` parsers where they exist (else with the small
loaders below; `--own-loaders` forces those). Pay is what the pipeline would store: the source's structured
pay when it has one (Greenhouse pay_input_ranges, Lever salaryRange, Ashby compensation, JSON-LD baseSalary,
the HN first line), else `find_salary` over the text. "text-only pay" scores `find_salary` on the postings
whose pay is only in the text.

    PYTHONPATH=src python benchmarks/labelled_quality.py [--show-errors] [--set tests/data/heldout]

`--set` scores another set with the same layout (labels.jsonl + postings/), e.g. the held-out one; repeat it to pool
sets. `--ci N` adds 95% bootstrap intervals of skill precision and recall (N resamples of the postings).

Run it from a tree where branch `extract` is merged to score the tagger; without `build_nlp` the skill
part scores the baseline only and says so.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skilltrends.extract.requirements import extract_requirements, parse_salary
from skilltrends.models import Salary

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "labelled"
TARGETS = {"skill precision": 0.98, "skill recall": 0.97, "level accuracy (true skills)": 0.95,
           "level accuracy (preferred)": 0.85, "degree min level": 0.95, "pay exact": 0.95, "years": 0.95}


@dataclass(frozen=True)
class Loaded:
    title: str
    text: str
    structured_pay: Salary | None


# ------------------------------------------------------- loaders: markup -> the text the pipeline sees


def html_to_text(markup: str | None) -> str:
    """Headings and paragraphs on their own lines, bullets as "- item" (uses skilltrends.crawl if present)."""
    try:
        from skilltrends.crawl.normalize import clean_text
    except ImportError:
        clean_text = None
    if clean_text is not None:
        return str(clean_text(markup))
    text = markup or ""
    if "&lt;" in text and "<" not in text:
        text = html.unescape(text)
    text = re.sub(r"<li[^>]*>", "\n- ", text)
    text = re.sub(r"</?(?:p|div|h\d|ul|ol|br|li)[^>]*>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def load_greenhouse(data: dict[str, Any]) -> Loaded:
    job = data["jobs"][0]
    ranges = job.get("pay_input_ranges") or []
    pay = None
    if ranges:
        r = ranges[0]
        pay = Salary(r["min_cents"] / 100, r["max_cents"] / 100, r["currency_type"], "year")
    return Loaded(job["title"], html_to_text(html.unescape(job["content"])), pay)


def load_lever(data: list[dict[str, Any]]) -> Loaded:
    item = data[0]
    parts = [html_to_text(item.get("description")) or item.get("descriptionPlain", "")]
    for section in item.get("lists", []):
        parts.append(section["text"])
        parts.append(html_to_text(f"<ul>{section['content']}</ul>"))
    parts.append(html_to_text(item.get("additional")) or item.get("additionalPlain", ""))
    rng = item.get("salaryRange")
    pay = None
    if rng and (rng.get("min") or rng.get("max")):
        period = {"per-year-salary": "year", "per-month-salary": "month", "per-hour-wage": "hour"}.get(
            rng.get("interval", ""))
        if period:
            pay = Salary(rng["min"], rng["max"], rng["currency"], period)
    return Loaded(item["text"], "\n".join(p for p in parts if p), pay)


def load_ashby(data: dict[str, Any]) -> Loaded:
    job = data["jobs"][0]
    pay = None
    comp = job.get("compensation") or {}
    if job.get("shouldDisplayCompensationOnJobPostings"):
        for c in comp.get("summaryComponents") or []:
            if c.get("compensationType") == "Salary":
                period = {"1 YEAR": "year", "1 MONTH": "month", "1 HOUR": "hour"}.get(c.get("interval", ""))
                pay = Salary(c.get("minValue"), c.get("maxValue"), c.get("currencyCode"), period)
    return Loaded(job["title"], html_to_text(job["descriptionHtml"]), pay)


def load_jsonld(page: str) -> Loaded:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block, "no JSON-LD block"
    data = json.loads(block.group(1))
    pay = None
    base = data.get("baseSalary")
    if base:
        value = base["value"]
        unit = value["unitText"].lower()
        low = value.get("minValue", value.get("value"))
        high = value.get("maxValue", value.get("value"))
        pay = Salary(float(low), float(high), base["currency"], unit)
    return Loaded(data["title"], html_to_text(data["description"]), pay)


def load_hn(data: dict[str, Any]) -> Loaded:
    text = data["text"]
    first = html.unescape(text.partition("<p>")[0])
    fields = [f.strip() for f in first.split("|")]
    pay = next((s for s in map(parse_salary, fields[1:]) if s is not None), None)
    body = html_to_text(text.replace("<p>", "\n<p>"))
    title = fields[1] if len(fields) > 1 else first
    return Loaded(title, body, pay)


LOADERS: dict[str, Callable[[Any], Loaded]] = {
    "greenhouse": load_greenhouse, "lever": load_lever, "ashby": load_ashby, "jsonld": load_jsonld,
    "hn": load_hn,
}


def crawl_parser(source: str) -> Callable[[Any], list[Any]] | None:
    """The pipeline's own parser for `source` from `skilltrends.crawl`, or None when that module is absent."""
    try:
        if source == "greenhouse":
            from skilltrends.crawl.greenhouse import parse_greenhouse_jobs
            return lambda data: parse_greenhouse_jobs(data, board="labelled")
        if source == "jsonld":
            from skilltrends.crawl.jsonld import parse_jobposting_page
            return lambda page: parse_jobposting_page(page, url="https://example.com/job")
        if source == "lever":
            from skilltrends.crawl.lever import parse_lever_postings
            return lambda data: parse_lever_postings(data, site="labelled")
        if source == "ashby":
            from skilltrends.crawl.ashby import parse_ashby_jobs
            return lambda data: parse_ashby_jobs(data, board="labelled")
        if source == "hn":
            from skilltrends.crawl.hn import parse_hn_comment
            story = {"id": 42000000, "title": "Ask HN: Who is hiring? (November 2026)", "time": 1790000000}
            return lambda item: [parse_hn_comment(item, story=story)]
    except ImportError:
        return None
    return None


def load(row: dict[str, Any], *, own: bool = False) -> tuple[Loaded, str]:
    """A posting as (title, text, structured pay), and which loader made it ("crawl" or "own")."""
    raw = (LABELLED / row["file"]).read_text(encoding="utf-8")
    data = raw if row["source"] == "jsonld" else json.loads(raw)
    parser = None if own else crawl_parser(row["source"])
    if parser is not None:
        posting = parser(data)[0]
        pay = None
        if posting.salary_min is not None or posting.salary_max is not None:
            pay = Salary(posting.salary_min, posting.salary_max, posting.salary_currency,
                         posting.salary_period)
        return Loaded(posting.title, posting.description, pay), "crawl"
    return LOADERS[row["source"]](data), "own"


# ---------------------------------------------------------------- skill taggers


def keyword_baseline(taxonomy_path: Path) -> Callable[[str], dict[str, str]]:
    """Case-insensitive whole-word match of every name and alias; all 'required' (it has no levels)."""
    data = json.loads(taxonomy_path.read_text(encoding="utf-8"))
    patterns = []
    for skill in data["skills"]:
        names = {skill["name"], *skill.get("aliases", []), *skill.get("cased_aliases", []),
                 *skill.get("context_aliases", [])}
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w+#])(?:{alts})(?![\w+#])", re.IGNORECASE)
        patterns.append((skill["id"], pattern))

    def tag(text: str) -> dict[str, str]:
        return {sid: "required" for sid, pattern in patterns if pattern.search(text)}

    return tag


def spacy_tagger() -> Callable[[str, str], dict[str, str]] | None:
    try:
        from skilltrends.extract import build_nlp, extract_posting
    except ImportError as e:
        print(f"skilltrends.extract.build_nlp is not importable ({e}); scoring the keyword baseline only.\n"
              "Hint: run from a checkout where branch `extract` is merged.")
        return None
    nlp = build_nlp()

    def tag(text: str, title: str) -> dict[str, str]:
        levels: dict[str, str] = {}
        for mention in extract_posting(nlp, text, title=title).mentions:
            if levels.get(mention.skill_id) != "required":
                levels[mention.skill_id] = mention.requirement
        return levels

    return tag


def taxonomy_file() -> Path | None:
    try:
        import skilltrends.extract as ex
    except ImportError:
        return None
    for base in getattr(ex, "__path__", []):
        path = Path(base) / "skills.json"
        if path.exists():
            return path
    return None


# ---------------------------------------------------------------- scoring


def score_skills(gold: list[dict[str, str]], implicit: list[list[str]], pred: list[dict[str, str]],
                 names: list[str], show: bool) -> dict[str, float]:
    """Precision counts a tag right if the skill is gold, explicit or implicit; recall is over explicit gold
    (the target) and, for information, over explicit + implicit."""
    tp = fp = fn = 0
    all_tp = all_n = 0
    level_ok = level_n = pref_ok = pref_n = 0
    for name, g, imp, p in zip(names, gold, implicit, pred, strict=True):
        tp += len(g.keys() & p.keys())
        fp += len(p.keys() - g.keys() - set(imp))
        fn += len(g.keys() - p.keys())
        all_tp += len((g.keys() | set(imp)) & p.keys())
        all_n += len(g.keys() | set(imp))
        for sid in g.keys() & p.keys():
            level_n += 1
            level_ok += g[sid] == p[sid]
            if g[sid] == "preferred":
                pref_n += 1
                pref_ok += p[sid] == "preferred"
        if show and (p.keys() - set(imp) != g.keys() or any(g[s] != p[s] for s in g.keys() & p.keys())):
            wrong_level = sorted(f"{s}={p[s]}" for s in g.keys() & p.keys() if g[s] != p[s])
            print(f"  {name}: FP {sorted(p.keys() - g.keys() - set(imp))} FN {sorted(g.keys() - p.keys())} "
                  f"level {wrong_level}")
    return {"skill precision": (len_p := sum(len(p) for p in pred)) and (len_p - fp) / len_p,
            "skill recall": tp / max(tp + fn, 1),
            "skill recall incl. implicit": all_tp / max(all_n, 1),
            "level accuracy (true skills)": level_ok / max(level_n, 1),
            "level accuracy (preferred)": pref_ok / max(pref_n, 1),
            "_counts": f"tp={tp} fp={fp} fn={fn} preferred_tp={pref_n} implicit_found={all_tp - tp}"}  # type: ignore[dict-item]


def bootstrap_intervals(gold: list[dict[str, str]], implicit: list[list[str]], pred: list[dict[str, str]],
                        resamples: int, *, seed: int = 7) -> tuple[tuple[float, float], tuple[float, float]]:
    """95% percentile intervals of skill precision and recall, resampling postings with replacement (the posting
    is the unit: its skills are not independent of each other)."""
    counts = []  # per posting: true positives, tags, false positives, misses
    for g, imp, p in zip(gold, implicit, pred, strict=True):
        counts.append((len(g.keys() & p.keys()), len(p), len(p.keys() - g.keys() - set(imp)), len(g.keys() - p.keys())))
    rng = random.Random(seed)
    precisions, recalls = [], []
    for _ in range(resamples):
        tp = tags = fp = fn = 0
        for a, b, c, d in rng.choices(counts, k=len(counts)):
            tp, tags, fp, fn = tp + a, tags + b, fp + c, fn + d
        precisions.append((tags - fp) / max(tags, 1))
        recalls.append(tp / max(tp + fn, 1))

    def interval(values: list[float]) -> tuple[float, float]:
        values.sort()
        return values[int(0.025 * (len(values) - 1))], values[int(0.975 * (len(values) - 1))]

    return interval(precisions), interval(recalls)


def salary_key(s: Salary | dict[str, Any] | None) -> tuple[Any, ...] | None:
    if s is None:
        return None
    if isinstance(s, dict):
        s = Salary(s["min"], s["max"], s["currency"], s["period"])
    f = lambda v: None if v is None else round(float(v), 2)  # noqa: E731
    return (f(s.min), f(s.max), s.currency, s.period)


def main() -> int:
    global LABELLED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="print every posting that is not exact")
    parser.add_argument("--own-loaders", action="store_true",
                        help="use this file's loaders even where skilltrends.crawl has a parser")
    parser.add_argument("--set", type=Path, action="append",
                        help="a labelled set's directory (labels.jsonl + postings/); repeat it to pool sets; "
                             "default tests/data/labelled")
    parser.add_argument("--ci", type=int, default=0, metavar="N",
                        help="also print 95%% bootstrap intervals of skill precision and recall (N resamples of the "
                             "postings, fixed seed)")
    args = parser.parse_args()
    rows, pairs, names = [], [], []
    for directory in args.set or [LABELLED]:
        LABELLED = directory.resolve()
        these = [json.loads(line) for line in (LABELLED / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
        rows += these
        pairs += [load(r, own=args.own_loaders) for r in these]
        prefix = f"{LABELLED.name}/" if args.set and len(args.set) > 1 else ""
        names += [prefix + Path(r["file"]).stem for r in these]
    loaded = [doc for doc, _ in pairs]
    used = sorted({f"{r['source']}={how}" for r, (_, how) in zip(rows, pairs, strict=True)})
    print("loaders: " + ", ".join(used))
    print(f"{len(rows)} labelled postings; {sum(len(r['skills']) for r in rows)} gold skills, "
          f"{sum(v == 'preferred' for r in rows for v in r['skills'].values())} preferred, "
          f"{sum(len(r.get('implicit_skills', [])) for r in rows)} implicit")

    results: dict[str, dict[str, Any]] = {}
    gold_skills = [r["skills"] for r in rows]
    implicit = [r.get("implicit_skills", []) for r in rows]
    tax = taxonomy_file()
    if tax is not None:
        base = keyword_baseline(tax)
        print("\n# keyword baseline" + (" errors" if args.show_errors else ""))
        predicted = [base(d.text) for d in loaded]
        results["keyword baseline"] = score_skills(gold_skills, implicit, predicted, names, args.show_errors)
    tagger = spacy_tagger()
    if tagger is not None:
        print("\n# spaCy tagger" + (" errors" if args.show_errors else ""))
        predicted = [tagger(d.text, d.title) for d in loaded]
        results["spaCy tagger"] = score_skills(gold_skills, implicit, predicted, names, args.show_errors)
        if args.ci:
            (p_lo, p_hi), (r_lo, r_hi) = bootstrap_intervals(gold_skills, implicit, predicted, args.ci)
            results["spaCy tagger"]["skill precision, 95% interval"] = f"{p_lo:.3f} - {p_hi:.3f}"
            results["spaCy tagger"]["skill recall, 95% interval"] = f"{r_lo:.3f} - {r_hi:.3f}"

    keys = ("degree min level", "degree fields", "equivalent experience", "years", "pay exact",
            "text-only pay")
    req: dict[str, list[bool]] = {k: [] for k in keys}
    if args.show_errors:
        print("\n# requirement errors")
    for name, row, doc in zip(names, rows, loaded, strict=True):
        degree, ymin, ymax, text_pay = extract_requirements(doc.text)
        pay = doc.structured_pay or text_pay
        checks = {
            "degree min level": (degree.min_level, row["degree_min"]),
            "degree fields": (sorted(degree.fields), sorted(row["degree_fields"])),
            "equivalent experience": (degree.equivalent_experience_ok, row["equivalent_experience_ok"]),
            "years": ((ymin, ymax), (row["years_min"], row["years_max"])),
            "pay exact": (salary_key(pay), salary_key(row["salary"])),
        }
        if doc.structured_pay is None:
            checks["text-only pay"] = checks["pay exact"]
        for key, (got, want) in checks.items():
            req[key].append(got == want)
            if args.show_errors and got != want:
                print(f"  {name}: {key}: got {got}, want {want}")
    results["requirements (regex)"] = {k: sum(v) / max(len(v), 1) for k, v in req.items()}
    results["requirements (regex)"]["_counts"] = ", ".join(f"{k} n={len(v)}" for k, v in req.items())

    print()
    failed = False
    for system, metrics in results.items():
        print(f"## {system}   ({metrics.pop('_counts')})")
        for key, value in metrics.items():
            target = TARGETS.get(key)
            ok = "" if target is None else ("  ok" if value >= target else f"  BELOW target {target}")
            failed |= bool(target and system != "keyword baseline" and value < target)
            print(f"  {key:32s} {value}" if isinstance(value, str) else f"  {key:32s} {value:.3f}{ok}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
