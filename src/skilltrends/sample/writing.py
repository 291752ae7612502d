"""Text templates: turn one job's ground truth into posting prose the way real employers write it.

A posting is built as a list of blocks, ``("h3", text)``, ``("p", text)`` or ``("ul", [items])``,
whose text is already HTML (entities, ``<strong>``). The sources module renders blocks into each
job board's shape. Every random choice comes from the ``random.Random`` passed in.
"""

from __future__ import annotations

import html
import random
import re
from typing import Any

__all__ = [
    "ALIASES",
    "Block",
    "blocks_to_html",
    "blocks_to_plain",
    "write_posting",
]

Block = tuple[str, Any]

# Surface forms per canonical id; the first is the most common and is drawn more often.
ALIASES: dict[str, list[str]] = {
    "python": ["Python", "python", "Python 3"],
    "r": ["R"],
    "java": ["Java"],
    "scala": ["Scala"],
    "cpp": ["C++", "C/C++", "modern C++"],
    "c": ["C", "ANSI C"],
    "go": ["Go", "Golang"],
    "rust": ["Rust"],
    "julia": ["Julia"],
    "javascript": ["JavaScript", "JS"],
    "typescript": ["TypeScript"],
    "sql": ["SQL", "sql"],
    "bash": ["Bash", "shell scripting"],
    "tensorflow": ["TensorFlow", "TF", "Tensorflow", "tf.keras"],
    "pytorch": ["PyTorch", "Pytorch", "pytorch", "torch"],
    "keras": ["Keras"],
    "jax": ["JAX"],
    "scikit_learn": ["scikit-learn", "sklearn", "scikit learn", "Scikit-Learn"],
    "xgboost": ["XGBoost"],
    "lightgbm": ["LightGBM"],
    "hugging_face_transformers": ["Hugging Face Transformers", "HF Transformers", "HuggingFace transformers"],
    "langchain": ["LangChain", "langchain"],
    "pandas": ["pandas", "Pandas"],
    "numpy": ["NumPy", "numpy"],
    "scipy": ["SciPy"],
    "polars": ["Polars"],
    "opencv": ["OpenCV"],
    "spark": ["Spark", "PySpark", "Apache Spark"],
    "hadoop": ["Hadoop"],
    "dask": ["Dask"],
    "ray": ["Ray"],
    "kafka": ["Kafka", "Apache Kafka"],
    "airflow": ["Airflow", "Apache Airflow"],
    "dbt": ["dbt"],
    "jupyter": ["Jupyter", "Jupyter notebooks"],
    "aws": ["AWS", "Amazon Web Services"],
    "gcp": ["GCP", "Google Cloud Platform", "Google Cloud"],
    "azure": ["Azure", "Microsoft Azure"],
    "sagemaker": ["SageMaker", "AWS SageMaker"],
    "vertex_ai": ["Vertex AI"],
    "azure_ml": ["Azure ML"],
    "databricks": ["Databricks"],
    "snowflake": ["Snowflake"],
    "bigquery": ["BigQuery"],
    "postgresql": ["PostgreSQL", "Postgres"],
    "mongodb": ["MongoDB"],
    "vector_database": ["vector databases", "a vector DB (Pinecone, Weaviate)"],
    "mlops": ["MLOps", "ML Ops"],
    "mlflow": ["MLflow"],
    "kubeflow": ["Kubeflow"],
    "dvc": ["DVC"],
    "weights_and_biases": ["Weights & Biases", "W&B", "wandb"],
    "docker": ["Docker", "docker"],
    "kubernetes": ["Kubernetes", "k8s", "K8s"],
    "terraform": ["Terraform"],
    "ci_cd": ["CI/CD", "CI/CD pipelines"],
    "onnx": ["ONNX"],
    "tensorrt": ["TensorRT"],
    "triton": ["Triton Inference Server"],
    "fastapi": ["FastAPI"],
    "model_monitoring": ["model monitoring", "monitoring models in production"],
    "feature_store": ["feature stores", "a feature store (Feast)"],
    "cuda": ["CUDA"],
    "git": ["Git", "git"],
    "machine_learning": ["machine learning", "Machine Learning", "ML"],
    "deep_learning": ["deep learning", "Deep Learning"],
    "nlp": ["NLP", "natural language processing"],
    "computer_vision": ["computer vision", "CV models"],
    "reinforcement_learning": ["reinforcement learning", "RL"],
    "llm": ["LLMs", "large language models", "LLM"],
    "recommender_systems": ["recommender systems", "recommendation systems"],
    "time_series": ["time series forecasting", "time-series"],
    "feature_engineering": ["feature engineering"],
    "hyperparameter_tuning": ["hyperparameter tuning"],
    "a_b_testing": ["A/B testing", "experimentation (A/B tests)"],
    "statistics": ["statistics", "statistical modeling"],
    "linear_algebra": ["linear algebra"],
    "probability": ["probability"],
    "calculus": ["calculus"],
    "tableau": ["Tableau"],
    "power_bi": ["Power BI"],
    "excel": ["Excel"],
}

REQUIRED_HEADINGS = [
    "Requirements",
    "What you&rsquo;ll bring",
    "Qualifications",
    "You have",
    "Minimum qualifications",
    "What we&#39;re looking for",
]
PREFERRED_HEADINGS = [
    "Nice to have",
    "Bonus",
    "Preferred qualifications",
    "Bonus points",
    "It&rsquo;s a plus if",
]
ROLE_HEADINGS = ["What you&rsquo;ll do", "The role", "Responsibilities", "In this role you will"]

LANGUAGES = {
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
}
CONCEPTS = {
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
    "mlops",
    "model_monitoring",
    "ci_cd",
}
REQUIRED_BULLETS = {
    "language": [
        "Strong proficiency in {}",
        "Fluency in {}",
        "Production experience writing {}",
        "You write clean, tested {}",
    ],
    "concept": [
        "Solid understanding of {}",
        "A strong background in {}",
        "Experience applying {} in production",
        "Practical knowledge of {}",
    ],
    "tool": [
        "Experience with {}",
        "Hands-on experience building production systems with {}",
        "Working knowledge of {}",
        "You have shipped models using {}",
        "Comfort with {}",
    ],
}
PREFERRED_BULLETS = {
    "language": ["Some {} experience", "Familiarity with {}"],
    "concept": ["Exposure to {}", "Background in {}", "Familiarity with {}"],
    "tool": [
        "Experience with {}",
        "Familiarity with {}",
        "Exposure to {}",
        "Any experience with {}",
        "You&rsquo;ve played with {}",
    ],
}
INLINE_CUES = [
    "experience with {} is a plus",
    "ideally familiarity with {}",
    "bonus if you know {}",
    "knowledge of {} is nice to have",
    "{} experience would be a plus",
]

ABOUT = [
    "{c} builds software that helps people move goods, money and ideas more efficiently.",
    "At {c}, we believe great products come from small teams with real ownership.",
    "{c} is a {stage} company backed by investors who care about the long game.",
    "Founded in {y}, {c} serves thousands of customers across North America and Europe.",
    "Our mission at {c} is to make everyday decisions smarter &amp; fairer.",
    "We&rsquo;re a remote-friendly team of builders, researchers and operators.",
]
ROLE_LINES = [
    "Design, train and deploy models that power {team} for millions of users",
    "Own the lifecycle of our {team} models from prototype to production",
    "Partner with product managers, designers and data scientists to scope new features",
    "Build reliable pipelines for training data, evaluation and model releases",
    "Improve latency and cost of online inference",
    "Mentor other engineers and raise the bar on code quality",
    "Write design docs and run experiments to measure impact",
]
BENEFITS = [
    "Competitive salary, equity and a 401(k) match",
    "Medical, dental and vision coverage for you and your family",
    "Generous parental leave and flexible hours",
    "A yearly learning budget and a home-office stipend",
    "Unlimited PTO (and we actually take it)",
]
LOOKALIKES: dict[str, str] = {
    "R&D": "We reinvest over 30% of revenue in R&amp;D.",
    "go-to-market": "You will work closely with our go-to-market team to understand customer needs.",
    "excel at": "People who excel at clear written communication thrive here.",
    "scalable": "We care about scalable, well-tested systems.",
    "Series C": "We raised our Series C in {y2} and are growing fast.",
    "C-suite": "Our work is reviewed directly with the C-suite.",
    "spark curiosity": "We want every project to spark curiosity in the team.",
    "Ray (person)": "Questions? Reach out to Ray Okafor, our technical recruiter.",
    "Julia (person)": "Your recruiter for this role is Julia Brandt.",
    "CV (résumé)": "Please send your CV and a short note about a project you are proud of.",
    "snowflake schema": "Our warehouse still follows a classic snowflake schema.",
    "airflow (physical)": "Our new office has great natural light and airflow.",
    "pandas (animal)": "Fun fact: our office mascot is a pair of red pandas.",
}


def pick_alias(skill: str, rng: random.Random) -> str:
    """A surface form for a skill; the first alias half of the time."""
    forms = ALIASES[skill]
    return forms[0] if len(forms) == 1 or rng.random() < 0.5 else rng.choice(forms[1:])


def join_names(names: list[str], rng: random.Random) -> str:
    """'A', 'A and B', 'A, B, or C' with the conjunction varying."""
    if len(names) == 1:
        return names[0]
    conj = rng.choice(["and", "or", "and/or"])
    return ", ".join(names[:-1]) + f" {conj} " + names[-1]


def skill_kind(skill: str) -> str:
    """'language', 'concept' or 'tool': decides how a bullet is phrased."""
    return "language" if skill in LANGUAGES else "concept" if skill in CONCEPTS else "tool"


def skill_bullets(skills: list[str], templates: dict[str, list[str]], rng: random.Random) -> list[str]:
    """Group skills of one kind 1-3 per bullet and phrase each group."""
    bullets = []
    for kind in ("language", "tool", "concept"):
        same = [s for s in skills if skill_kind(s) == kind]
        i = 0
        while i < len(same):
            size = rng.choice([1, 1, 2, 2, 3])
            group = [pick_alias(s, rng) for s in same[i : i + size]]
            if rng.random() < 0.2:
                group = [f"<strong>{g}</strong>" for g in group]
            bullets.append(rng.choice(templates[kind]).format(join_names(group, rng)))
            i += size
    rng.shuffle(bullets)
    return bullets


def years_phrase(years: tuple[int | None, int | None], rng: random.Random) -> str | None:
    """'3+ years', '5-8 years of experience', 'at least two years' for the truth's (min, max)."""
    low, high = years
    if low is None:
        return None
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten"}
    if high is not None:
        return f"{low}-{high} years of experience in software engineering"
    form = rng.choice(["plus", "plus", "least", "or_more"])
    if form == "least" and low in words:
        return f"At least {words[low]} years of industry experience"
    if form == "or_more" and low in words:
        return f"{words[low].capitalize()} or more years building production systems"
    return f"{low}+ years of professional experience"


def write_posting(job: dict[str, Any], company: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Blocks for one job plus the planted look-alikes it contains.

    Returns ``{"blocks": [...], "lookalikes": [...], "not_skills": [...], "pay_text": str | None}``.
    """
    name, lookalikes, not_skills = company["name"], [], []
    about = [
        rng.choice(ABOUT).format(
            c=name, stage=rng.choice(["Series B", "growth-stage", "public"]), y=rng.randint(2009, 2020)
        )
    ]
    if rng.random() < 0.5:
        about.append(rng.choice(ABOUT[4:]).format(c=name))
    tail_lines: list[str] = []
    for key, sentence in LOOKALIKES.items():
        rate = 0.01 if key in ("pandas (animal)", "airflow (physical)") else 0.06
        if rng.random() < rate:
            lookalikes.append(key)
            text = sentence.format(y2=int(job["posted_month"][:4]) - 1)
            (about if key in ("R&D", "Series C", "go-to-market", "C-suite") else tail_lines).append(text)
    if "tableau" not in job["skill_levels"] and rng.random() < 0.02:
        about.append("Our data team uses Tableau for company-wide dashboards.")
        not_skills.append({"skill_id": "tableau", "text": "Tableau", "reason": "another team's stack"})
    blocks: list[Block] = [("h3", f"About {html.escape(name)}"), ("p", " ".join(about))]
    team = job["team"] or "core product"
    blocks += [
        ("h3", rng.choice(ROLE_HEADINGS)),
        ("ul", rng.sample(ROLE_LINES, 4) if rng.random() < 0.7 else rng.sample(ROLE_LINES, 3)),
    ]
    blocks[-1] = ("ul", [line.format(team=team) for line in blocks[-1][1]])
    required = [s["id"] for s in job["skills"] if s["level"] == "required"]
    preferred = [s["id"] for s in job["skills"] if s["level"] == "preferred"]
    rng.shuffle(required)
    rng.shuffle(preferred)
    inline = [p for p in preferred if rng.random() < 0.25] if preferred else []
    if rng.random() < 0.1:  # some postings have no preferred section at all
        inline = list(preferred)
    listed_pref = [p for p in preferred if p not in inline]
    req_items = []
    years = years_phrase((job["years_min"], job["years_max"]), rng)
    if years:
        req_items.append(years)
    if job["degree_text"]:
        req_items.append(job["degree_text"])
    req_items += skill_bullets(required, REQUIRED_BULLETS, rng)
    for skill in inline:
        cue = rng.choice(INLINE_CUES).format(pick_alias(skill, rng))
        req_items.append(cue[0].upper() + cue[1:] if rng.random() < 0.5 else f"Curious mind; {cue}")
    rng.shuffle(req_items)
    blocks += [("h3", rng.choice(REQUIRED_HEADINGS)), ("ul", req_items)]
    pref_items = skill_bullets(listed_pref, PREFERRED_BULLETS, rng)
    if job["degree_preferred_text"]:
        pref_items.append(job["degree_preferred_text"])
    if pref_items:
        blocks += [("h3", rng.choice(PREFERRED_HEADINGS)), ("ul", pref_items)]
    if job["pay_text"]:
        blocks.append(("p", f"<strong>Compensation:</strong> {job['pay_text']}"))
    if rng.random() < 0.7:
        blocks += [("h3", "Benefits"), ("ul", rng.sample(BENEFITS, 3))]
    closing = (
        f"{html.escape(name)} is an equal opportunity employer.&nbsp;"
        "We welcome applicants of all backgrounds."
    )
    blocks.append(("p", " ".join(tail_lines + [closing])))
    return {"blocks": blocks, "lookalikes": sorted(lookalikes), "not_skills": not_skills}


def blocks_to_html(blocks: list[Block]) -> str:
    """Blocks as HTML: <h3>, <p>, <ul><li>."""
    parts = []
    for kind, body in blocks:
        if kind == "ul":
            parts.append("<ul>" + "".join(f"<li>{item}</li>" for item in body) + "</ul>")
        else:
            parts.append(f"<{kind}>{body}</{kind}>")
    return "\n".join(parts)


def html_to_plain(text: str) -> str:
    """Strip tags and decode entities, the way job boards build their *Plain fields."""
    return html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\xa0", " ")


def blocks_to_plain(blocks: list[Block]) -> str:
    """Blocks as plain text with one line per paragraph or bullet."""
    lines = []
    for kind, body in blocks:
        if kind == "ul":
            lines += [f"- {html_to_plain(item)}" for item in body]
        else:
            lines.append(html_to_plain(body))
    return "\n".join(lines)
