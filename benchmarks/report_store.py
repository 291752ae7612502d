"""A synthetic store for the report benchmark: N postings, about 12 skill mentions each, over M months.

Written with bare sqlite3 executemany into the real schema (tables.py), so the read path is measured on the
same tables and indexes as production. Not a test; used by benchmarks/report_bench.py.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine

from skilltrends.store.tables import Base

__all__ = ["write_synthetic_store", "SKILLS"]

SKILLS = [
    "python",
    "r",
    "java",
    "scala",
    "cpp",
    "c",
    "go",
    "rust",
    "julia",
    "javascript",
    "typescript",
    "sql",
    "bash",
    "tensorflow",
    "pytorch",
    "keras",
    "jax",
    "scikit_learn",
    "xgboost",
    "lightgbm",
    "hugging_face_transformers",
    "langchain",
    "pandas",
    "numpy",
    "scipy",
    "polars",
    "opencv",
    "spark",
    "hadoop",
    "dask",
    "ray",
    "kafka",
    "airflow",
    "dbt",
    "jupyter",
    "aws",
    "gcp",
    "azure",
    "sagemaker",
    "vertex_ai",
    "azure_ml",
    "databricks",
    "snowflake",
    "bigquery",
    "postgresql",
    "mongodb",
    "vector_database",
    "mlops",
    "mlflow",
    "kubeflow",
    "dvc",
    "weights_and_biases",
    "docker",
    "kubernetes",
    "terraform",
    "ci_cd",
    "onnx",
    "tensorrt",
    "triton",
    "fastapi",
    "model_monitoring",
    "feature_store",
    "cuda",
    "git",
    "machine_learning",
    "deep_learning",
    "nlp",
    "computer_vision",
    "reinforcement_learning",
    "llm",
    "recommender_systems",
    "time_series",
    "feature_engineering",
    "hyperparameter_tuning",
    "a_b_testing",
    "statistics",
    "linear_algebra",
    "probability",
    "calculus",
    "tableau",
    "power_bi",
    "excel",
]
SOURCES = ["greenhouse", "lever", "ashby", "jobposting", "hn"]
FAMILIES = [
    "ml_engineer",
    "mlops_engineer",
    "data_scientist",
    "data_engineer",
    "research_scientist",
    "software_engineer",
    "other",
]
SENIORITY = ["junior", "mid", "senior", "staff", "lead"]
COUNTRIES = ["US", "GB", "DE", "FR", "IN", "CA", None]
DEGREES = [None, "bachelor", "master", "phd"]


def _month_start(first: datetime, offset: int) -> datetime:
    year, month = divmod(first.month - 1 + offset, 12)
    return datetime(first.year + year, month + 1, 1)


def write_synthetic_store(
    path: Path,
    *,
    postings: int = 1_000_000,
    mentions: int = 12_000_000,
    months: int = 60,
    seed: int = 1,
    description_bytes: int = 0,
) -> None:
    """Create the schema at `path` and fill it; duplicates (~8%) point at an earlier posting via canonical_id.

    `description_bytes`: text per posting (real postings carry several KB, which SQLite stores row by row).
    """
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    engine.dispose()
    rng = np.random.default_rng(seed)
    description = ("Machine learning engineer. " * (description_bytes // 27 + 1))[:description_bytes] or "synthetic"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    first = datetime(2021, 11, 1)
    starts = [_month_start(first, m) for m in range(months + 1)]
    month = np.sort(rng.integers(0, months, postings))
    day = rng.random(postings)
    per_posting = rng.poisson(mentions / postings, postings).clip(1, len(SKILLS))
    prevalence = np.linspace(0.9, 0.01, len(SKILLS)) ** 1.3
    now = "2026-11-01 00:00:00.000000"  # as SQLAlchemy writes DateTime to SQLite
    chunk = 100_000
    for lo in range(0, postings, chunk):
        hi = min(lo + chunk, postings)
        rows, skill_rows, req_rows = [], [], []
        for i in range(lo, hi):
            pid = i + 1
            s0, s1 = starts[month[i]], starts[month[i] + 1]
            posted = (s0 + (s1 - s0) * float(day[i])).strftime("%Y-%m-%d %H:%M:%S.%f")
            canonical = int(rng.integers(max(1, pid - 500), pid)) if pid > 1 and rng.random() < 0.08 else None
            fam = FAMILIES[min(int(rng.exponential(1.3)), len(FAMILIES) - 1)]
            rows.append(
                (
                    pid,
                    SOURCES[pid % 5],
                    f"ext-{pid}",
                    f"https://example.com/{pid}",
                    "Machine Learning Engineer",
                    f"company-{pid % 5000}",
                    COUNTRIES[pid % 7],
                    "remote" if pid % 4 == 0 else "onsite",
                    posted,
                    SENIORITY[pid % 5],
                    fam,
                    description,
                    "{}",
                    "h",
                    now,
                    now,
                    canonical,
                    "h",
                    "bench",
                )
            )
            k = int(per_posting[i])
            weights = prevalence * rng.random(len(SKILLS))
            for j in np.argpartition(-weights, k - 1)[:k]:
                skill_rows.append(
                    (pid, SKILLS[j], "required" if rng.random() < 0.7 else "preferred", 0, 1, "x", "bench")
                )
            has_pay = rng.random() < 0.4
            pay = float(rng.normal(170_000, 40_000)) if has_pay else None
            req_rows.append(
                (
                    pid,
                    DEGREES[pid % 4],
                    "[]",
                    False,
                    float(pid % 8) or None,
                    None,
                    pay,
                    pay * 1.2 if pay else None,
                    "USD" if has_pay else None,
                    "year" if has_pay else None,
                    "structured" if has_pay else None,
                    "bench",
                )
            )
        con.executemany(
            "INSERT INTO postings (id, source, external_id, url, title, company, country, workplace, posted_at, "
            "seniority, role_family, description, raw, content_hash, first_seen, last_seen, canonical_id, "
            "extracted_hash, extractor_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        con.executemany(
            'INSERT INTO posting_skills (posting_id, skill_id, requirement, start, "end", text, extractor_version) '
            "VALUES (?,?,?,?,?,?,?)",
            skill_rows,
        )
        con.executemany(
            "INSERT INTO posting_requirements (posting_id, degree_min, degree_fields, equivalent_experience_ok, "
            "years_min, years_max, pay_min, pay_max, pay_currency, pay_period, pay_source, extractor_version) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            req_rows,
        )
        con.commit()
    con.close()
