"""Prevalence curves: the share of postings per month that ask for each skill, by role family.

The ML-engineering family (role families ``ml_engineer`` and ``mlops_engineer``) shares one set of
curves, so a report's monthly share for that family estimates exactly the curve value of that month.
Near-MLE roles (data scientist, data engineer, research scientist) get flat-ish profiles of their own.

Curve kinds:

* ``("flat", p)``: the same share every month.
* ``("linear", a, b)``: a straight line from ``a`` in the first month to ``b`` in the last.
* ``("logistic", a, b, mid, width)``: an S-curve from ``a`` to ``b`` centred on month ``mid``
  (``"YYYY-MM"``) with ``width`` months from 27% to 73% of the rise; used for LLM-era skills.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = [
    "MLE_CURVES",
    "NEAR_PROFILES",
    "describe_curve",
    "month_prevalence",
    "month_index",
]

Curve = tuple[Any, ...]

MLE_CURVES: dict[str, Curve] = {
    # languages
    "python": ("flat", 0.90),
    "sql": ("linear", 0.45, 0.40),
    "java": ("linear", 0.15, 0.12),
    "scala": ("linear", 0.12, 0.06),
    "cpp": ("flat", 0.18),
    "c": ("flat", 0.05),
    "go": ("linear", 0.08, 0.12),
    "rust": ("linear", 0.02, 0.06),
    "r": ("linear", 0.10, 0.05),
    "julia": ("flat", 0.01),
    "javascript": ("flat", 0.05),
    "typescript": ("linear", 0.03, 0.06),
    "bash": ("flat", 0.10),
    # frameworks and libraries
    "pytorch": ("linear", 0.45, 0.75),
    "tensorflow": ("linear", 0.60, 0.30),
    "keras": ("linear", 0.25, 0.10),
    "jax": ("linear", 0.05, 0.15),
    "scikit_learn": ("linear", 0.40, 0.30),
    "xgboost": ("flat", 0.15),
    "lightgbm": ("flat", 0.08),
    "hugging_face_transformers": ("linear", 0.10, 0.40),
    "langchain": ("logistic", 0.01, 0.25, "2024-06", 5),
    "pandas": ("flat", 0.35),
    "numpy": ("flat", 0.30),
    "scipy": ("flat", 0.10),
    "polars": ("linear", 0.01, 0.08),
    "opencv": ("flat", 0.10),
    # data
    "spark": ("linear", 0.35, 0.30),
    "hadoop": ("linear", 0.10, 0.03),
    "dask": ("flat", 0.03),
    "ray": ("linear", 0.05, 0.15),
    "kafka": ("flat", 0.15),
    "airflow": ("linear", 0.20, 0.25),
    "dbt": ("linear", 0.03, 0.06),
    "jupyter": ("flat", 0.10),
    # cloud
    "aws": ("flat", 0.45),
    "gcp": ("flat", 0.25),
    "azure": ("linear", 0.20, 0.30),
    "sagemaker": ("linear", 0.12, 0.18),
    "vertex_ai": ("linear", 0.04, 0.12),
    "azure_ml": ("linear", 0.03, 0.07),
    "databricks": ("linear", 0.08, 0.20),
    # databases
    "snowflake": ("linear", 0.08, 0.12),
    "bigquery": ("flat", 0.10),
    "postgresql": ("flat", 0.12),
    "mongodb": ("flat", 0.05),
    "vector_database": ("logistic", 0.01, 0.25, "2024-09", 6),
    # mlops and infrastructure
    "mlops": ("linear", 0.20, 0.40),
    "mlflow": ("linear", 0.12, 0.30),
    "kubeflow": ("linear", 0.10, 0.14),
    "dvc": ("linear", 0.04, 0.06),
    "weights_and_biases": ("linear", 0.05, 0.18),
    "docker": ("linear", 0.45, 0.60),
    "kubernetes": ("linear", 0.35, 0.55),
    "terraform": ("linear", 0.10, 0.20),
    "ci_cd": ("linear", 0.25, 0.40),
    "onnx": ("linear", 0.05, 0.10),
    "tensorrt": ("linear", 0.04, 0.08),
    "triton": ("linear", 0.02, 0.08),
    "fastapi": ("linear", 0.06, 0.15),
    "model_monitoring": ("linear", 0.10, 0.25),
    "feature_store": ("linear", 0.06, 0.14),
    "cuda": ("linear", 0.10, 0.15),
    "git": ("flat", 0.25),
    # concepts
    "machine_learning": ("flat", 0.85),
    "deep_learning": ("linear", 0.55, 0.60),
    "nlp": ("linear", 0.25, 0.30),
    "computer_vision": ("linear", 0.20, 0.18),
    "reinforcement_learning": ("linear", 0.05, 0.08),
    "llm": ("logistic", 0.03, 0.55, "2024-03", 6),
    "recommender_systems": ("flat", 0.15),
    "time_series": ("flat", 0.08),
    "feature_engineering": ("flat", 0.20),
    "hyperparameter_tuning": ("flat", 0.08),
    "a_b_testing": ("flat", 0.15),
    # maths and statistics
    "statistics": ("linear", 0.30, 0.25),
    "linear_algebra": ("flat", 0.08),
    "probability": ("flat", 0.08),
    "calculus": ("flat", 0.02),
    # BI tools, rare for MLEs
    "tableau": ("flat", 0.01),
    "power_bi": ("flat", 0.01),
    "excel": ("flat", 0.01),
}

NEAR_PROFILES: dict[str, dict[str, Curve]] = {
    "data_scientist": {
        "python": ("flat", 0.85),
        "sql": ("flat", 0.75),
        "r": ("linear", 0.40, 0.25),
        "statistics": ("flat", 0.60),
        "a_b_testing": ("flat", 0.35),
        "pandas": ("flat", 0.45),
        "numpy": ("flat", 0.20),
        "scikit_learn": ("flat", 0.45),
        "xgboost": ("flat", 0.20),
        "tableau": ("flat", 0.25),
        "power_bi": ("flat", 0.10),
        "excel": ("flat", 0.15),
        "machine_learning": ("flat", 0.65),
        "spark": ("flat", 0.20),
        "jupyter": ("flat", 0.20),
        "probability": ("flat", 0.20),
        "time_series": ("flat", 0.15),
        "llm": ("linear", 0.02, 0.20),
        "snowflake": ("flat", 0.15),
        "bigquery": ("flat", 0.12),
        "aws": ("flat", 0.25),
        "feature_engineering": ("flat", 0.15),
        "deep_learning": ("flat", 0.15),
        "git": ("flat", 0.15),
    },
    "data_engineer": {
        "python": ("flat", 0.80),
        "sql": ("flat", 0.85),
        "spark": ("flat", 0.60),
        "airflow": ("linear", 0.45, 0.60),
        "dbt": ("linear", 0.20, 0.45),
        "kafka": ("flat", 0.35),
        "snowflake": ("linear", 0.30, 0.40),
        "bigquery": ("flat", 0.20),
        "databricks": ("linear", 0.20, 0.35),
        "aws": ("flat", 0.50),
        "gcp": ("flat", 0.20),
        "azure": ("flat", 0.20),
        "docker": ("flat", 0.35),
        "kubernetes": ("flat", 0.25),
        "terraform": ("flat", 0.20),
        "scala": ("flat", 0.25),
        "java": ("flat", 0.20),
        "postgresql": ("flat", 0.30),
        "hadoop": ("linear", 0.15, 0.05),
        "ci_cd": ("flat", 0.25),
        "git": ("flat", 0.25),
        "bash": ("flat", 0.15),
        "mongodb": ("flat", 0.08),
    },
    "research_scientist": {
        "python": ("flat", 0.85),
        "pytorch": ("linear", 0.55, 0.80),
        "tensorflow": ("linear", 0.40, 0.15),
        "jax": ("linear", 0.10, 0.30),
        "deep_learning": ("flat", 0.70),
        "machine_learning": ("flat", 0.70),
        "nlp": ("flat", 0.35),
        "computer_vision": ("flat", 0.30),
        "reinforcement_learning": ("flat", 0.20),
        "llm": ("logistic", 0.05, 0.60, "2024-01", 6),
        "cuda": ("flat", 0.15),
        "cpp": ("flat", 0.20),
        "linear_algebra": ("flat", 0.20),
        "probability": ("flat", 0.25),
        "statistics": ("flat", 0.30),
        "hugging_face_transformers": ("linear", 0.20, 0.40),
        "numpy": ("flat", 0.25),
        "julia": ("flat", 0.02),
    },
}


def month_index(month: str) -> int:
    """Months since year 0 for a ``"YYYY-MM"`` string, for arithmetic on months."""
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def month_prevalence(curve: Curve, month: str, *, first: str, last: str) -> float:
    """The curve's value in ``month``, rounded to 4 decimals so files and draws agree exactly."""
    kind = curve[0]
    span = max(1, month_index(last) - month_index(first))
    t = (month_index(month) - month_index(first)) / span
    if kind == "flat":
        value = float(curve[1])
    elif kind == "linear":
        value = curve[1] + (curve[2] - curve[1]) * t
    elif kind == "logistic":
        low, high, mid, width = curve[1], curve[2], curve[3], curve[4]
        x = (month_index(month) - month_index(mid)) / width
        value = low + (high - low) / (1.0 + math.exp(-x))
    else:
        raise ValueError(f"Unknown curve kind {kind!r}. Available: flat, linear, logistic")
    return round(value, 4)


def describe_curve(curve: Curve) -> str:
    """A one-line human description of a curve, for prevalence.json and README.md."""
    kind = curve[0]
    if kind == "flat":
        return f"flat at {curve[1]:.2f}"
    if kind == "linear":
        verb = "rising" if curve[2] > curve[1] else "falling" if curve[2] < curve[1] else "flat"
        return f"{verb} linearly from {curve[1]:.2f} to {curve[2]:.2f}"
    return (
        f"S-curve rising from {curve[1]:.2f} to {curve[2]:.2f}, "
        f"half-way in {curve[3]} (width {curve[4]} months)"
    )
