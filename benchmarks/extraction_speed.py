"""Extraction throughput against a bare Aho-Corasick scan with the same aliases, on two corpora.

Corpora, deterministic:
- synthetic: ~3 KB posting-like texts (seeded): headings, bullet lists mixing taxonomy skills, look-alikes
  (R&D, "go deep", "excel at", "send your CV") and filler prose; it names no degree, years or pay;
- market: the sample market's job texts (`skilltrends.sample.generate_market`, seed 7, plain blocks,
  ~1.2 KB each), which state degrees, years of experience and pay as real postings do;
- skillspan: real postings (~4.4 KB each, 198 of them, repeated to --postings), SkillSpan train + dev
  (Zhang et al., NAACL 2022, CC BY 4.0), read from ../shared/data/skillspan when it is there — real
  writing, which the two generated corpora only imitate.

Timed per corpus, in one run:
- bare scan: lower-case each text and iterate a pyahocorasick automaton holding this taxonomy's alias keys
  (the matcher's own automaton keys; single letters such as R and C are excluded there too) — no boundary
  checks, no rules: the floor any Aho-Corasick tagger pays; timed before and after the other rows, the
  faster of the two is the reference for the ratios;
- skills: `extract_postings(nlp, texts, requirements=False)` — what a re-tag after a taxonomy change runs;
- full: `extract_postings(nlp, texts)` — skills plus degree/years/pay, what `skilltrends extract` and
  `skilltrends tag` run;
each with workers=1 and with workers=2 (an `ExtractionPool` started before timing, as `extract` keeps one
for all its batches; its start-up time is printed apart);
- `nlp(text)` through spaCy (the public component path), on a tenth of the synthetic corpus, for reference.
Other processes on a shared machine make single runs noisy: each row is the best of --repeat runs, and the
load average is printed before and after. Peak RSS: resource.getrusage, this process and the largest worker.

Usage: PYTHONPATH=src python benchmarks/extraction_speed.py [--postings N] [--repeat K]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from collections.abc import Callable

import ahocorasick
from spacy.language import Language

from skilltrends.extract import ExtractionPool, build_nlp, extract_postings, load_taxonomy, native_build, scan
from skilltrends.extract.matcher import alias_keys
from skilltrends.extract.nlp import skill_component
from skilltrends.sample import generate_market
from skilltrends.sample.writing import blocks_to_plain

_HEADINGS = [
    "About the role",
    "Responsibilities",
    "Requirements",
    "What you'll need",
    "Nice to have",
    "Benefits",
]
_FILLER = [
    "You will work closely with product managers and designers to ship features our customers love.",
    "We value ownership, clear writing and kindness, and we review each other's work carefully.",
    "Our offices are in Berlin and London, and most of the team works remotely two days a week.",
    "The role reports to the Head of Machine Learning and partners with research and platform teams.",
    "We go deep on problems and excel at turning prototypes into reliable services.",
    "Our R&D group publishes regularly; please send your CV and cover letter to the recruiting team.",
    "Compensation includes equity, a learning budget and 30 days of paid holiday.",
    "We are an equal opportunity employer and welcome applicants from every background and walk of life.",
    "Our customers include hospitals, retailers and public agencies across Europe and North America.",
    "During onboarding you will pair with a mentor and ship a small change to production in your first week.",
    "We care about sustainable pace: no heroics, predictable on-call and time to think.",
    "You will design, build and operate systems that serve millions of predictions per day.",
]
_SKILL_PHRASES = [
    "Strong Python and SQL",
    "experience with PyTorch or TensorFlow",
    "Kubernetes, Docker and Terraform",
    "Spark or Dask for large-scale data processing",
    "MLflow, Weights & Biases or similar experiment tracking",
    "AWS SageMaker, GCP Vertex AI or Azure ML",
    "feature engineering and hyperparameter tuning",
    "deep learning for NLP and computer vision",
    "LLMs, LangChain and vector databases",
    "statistics, linear algebra and probability",
    "CI/CD with GitHub Actions",
    "Airflow and dbt pipelines",
    "Go or Rust for high-performance services",
    "scikit-learn, XGBoost and LightGBM",
    "Kafka streaming",
    "ONNX, TensorRT and Triton for serving",
    "Snowflake, BigQuery and PostgreSQL",
    "Tableau or Power BI dashboards",
    "R or Julia for statistical modelling",
    "C++ and CUDA kernels",
    "FastAPI microservices",
    "A/B testing",
]


def make_corpus(n: int, *, size: int = 3000, seed: int = 7) -> list[str]:
    """n deterministic posting-like texts of about `size` characters each."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts: list[str] = []
        length = 0
        while length < size:
            heading = rng.choice(_HEADINGS)
            block = [heading + ":"]
            for _ in range(rng.randint(2, 5)):
                if rng.random() < 0.22:
                    block.append(
                        "- "
                        + rng.choice(_SKILL_PHRASES)
                        + rng.choice([".", "", " is a plus.", " preferred."])
                    )
                else:
                    block.append(rng.choice(_FILLER))
            chunk = "\n".join(block) + "\n\n"
            parts.append(chunk)
            length += len(chunk)
        texts.append("".join(parts)[:size])
    return texts


def bare_scan(automaton: ahocorasick.Automaton, texts: list[str]) -> int:
    hits = 0
    for text in texts:
        for _ in automaton.iter(text.lower()):
            hits += 1
    return hits


def timed(func: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def market_corpus(n: int) -> list[str]:
    """Up to n job texts of the sample market (plain blocks, as crawled postings are flattened)."""
    market = generate_market(seed=7, first_month="2024-01", last_month="2025-12")
    return [blocks_to_plain(job["blocks"]) for job in market.jobs][:n]


def skillspan_texts() -> list[str]:
    """SkillSpan's real postings (train, then dev), or [] when ../shared/data/skillspan is absent."""
    from extraction_quality import default_dir  # noqa: PLC0415 - same folder; only needed here

    folder = default_dir()
    texts: list[str] = []
    for split in ("train", "dev"):
        path = folder / f"skillspan_{split}.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process and of its reaped children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def time_corpus(nlp: Language, automaton: ahocorasick.Automaton, texts: list[str], *, repeat: int) -> None:
    """Rates and ratios; then CPU microseconds per posting, which the load of other processes hardly moves:
    with workers=2 the parent's share (sending texts, rebuilding results) bounds the speed-up on idle cores.
    """
    n = len(texts)
    rows: list[tuple[str, float]] = []
    cpu_rows: list[str] = []
    bare = [timed(lambda: bare_scan(automaton, texts), repeat)]
    for requirements, label in ((False, "skills"), (True, "full  ")):
        call = f"extract_postings(requirements={requirements})"
        own0, _ = cpu_seconds()
        seconds = timed(lambda r=requirements: list(extract_postings(nlp, texts, requirements=r)), repeat)
        own1, children1 = cpu_seconds()
        rows.append((f"{label} {call}, workers=1", seconds))
        cpu_rows.append(f"{label} workers=1: {(own1 - own0) / repeat / n * 1e6:6.0f} us in-process")
        started = time.perf_counter()
        with ExtractionPool(nlp, workers=2) as pool:
            startup = time.perf_counter() - started
            seconds = timed(
                lambda r=requirements: list(extract_postings(nlp, texts, requirements=r, pool=pool)), repeat
            )
        own2, children2 = cpu_seconds()  # workers are reaped on leaving the block
        rows.append((f"{label} {call}, workers=2 (pool start {startup:.2f} s)", seconds))
        parent, workers = (own2 - own1) / repeat / n * 1e6, (children2 - children1) / repeat / n * 1e6
        cpu_rows.append(f"{label} workers=2: {parent:6.0f} us parent + {workers:6.0f} us in workers")
    bare.append(timed(lambda: bare_scan(automaton, texts), repeat))
    bare_rate = n / min(bare)
    print(f"{'bare pyahocorasick scan (lower + iter), best of before/after':66} {bare_rate:8.0f} postings/s")
    for name, seconds in rows:
        rate = n / seconds
        print(f"{name:66} {rate:8.0f} postings/s  ratio to bare {rate / bare_rate:5.3f}")
    print("CPU per posting: " + "; ".join(cpu_rows))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    print(f"alias scanner: {scan.ENGINE} (SKILLTRENDS_SCANNER=aho selects pyahocorasick)")
    print(f"extraction modules: {native_build.status()} (make compile; SKILLTRENDS_PURE=1 for the sources)")
    taxonomy = load_taxonomy()
    nlp = build_nlp(taxonomy)
    automaton = ahocorasick.Automaton()
    for key in alias_keys(taxonomy):
        if len(key) > 1:
            automaton.add_word(key, key)
    automaton.make_automaton()
    matcher = skill_component(nlp).matcher
    synthetic = make_corpus(args.postings)
    real = skillspan_texts()
    corpora = [("synthetic", synthetic), ("market", market_corpus(args.postings))]
    if real:
        corpora.append(("skillspan", (real * (args.postings // len(real) + 1))[: args.postings]))
    for name, texts in corpora:
        mean_kb = sum(map(len, texts)) / len(texts) / 1000
        mentions = sum(len(matcher.find(t)) for t in texts[:200]) / min(200, len(texts))
        print(
            f"\n{name} corpus: {len(texts)} postings, {mean_kb:.1f} KB each; taxonomy {taxonomy.version}, "
            f"{len(automaton)} automaton keys; {mentions:.1f} mentions/posting"
        )
        time_corpus(nlp, automaton, texts, repeat=args.repeat)
    spacy_slice = synthetic[: max(1, len(synthetic) // 10)]
    spacy_time = timed(lambda: [nlp(t) for t in spacy_slice], 1)
    spacy_rate = len(spacy_slice) / spacy_time
    print(f"\n{'spaCy: nlp(text), builds a Doc (synthetic corpus)':66} {spacy_rate:8.0f} postings/s")
    own, children = peak_rss_mb()
    print(f"peak RSS: {own:.0f} MB (this process), {children:.0f} MB (largest worker)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
