"""extract_posting / extract_postings / nlp(text): requirement levels, ordering, agreement, processes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from skilltrends.extract import EXTRACTOR_VERSION, build_nlp, extract_posting, extract_postings, load_taxonomy
from skilltrends.extract.skills import SPANS_KEY
from skilltrends.models import Degree, Extraction

POSTING = """Senior Machine Learning Engineer

About the role
You will build ranking models. Our analytics team uses Tableau.

Requirements:
- 5+ years of Python and SQL
- Experience with PyTorch or TensorFlow
- Kubernetes, Docker and Terraform

Nice to have:
- Spark, Kafka
- W&B or MLflow

Benefits
- Paid time to give talks on MLOps
"""

LEVELS = [
    (POSTING, "Python", "required"),
    (POSTING, "PyTorch", "required"),
    (POSTING, "Spark", "preferred"),
    (POSTING, "MLflow", "preferred"),
    (POSTING, "MLOps", "required"),  # a neutral heading (Benefits) ends the preferred section
    ("Minimum qualifications:\n- Go\n\nPreferred qualifications:\n- Rust programming\n", "Go", "required"),
    (
        "Minimum qualifications:\n- Go\n\nPreferred qualifications:\n- Rust programming\n",
        "Rust programming",
        "preferred",
    ),
    ("You have:\n- Python\nBonus points:\n- JAX\n", "JAX", "preferred"),
    ("You have:\n- Python\nIt would be great if you also have:\n- JAX\n", "JAX", "preferred"),
    ("What you'll need\n- SQL\nPluses\n- dbt\n", "dbt", "preferred"),
    ("What you'll need\n- SQL\nPluses\n- dbt\n", "SQL", "required"),
    ("Experience with Airflow is a plus.", "Airflow", "preferred"),
    ("Ideally you know Snowflake and BigQuery.", "BigQuery", "preferred"),
    ("Kafka preferred.", "Kafka", "preferred"),
    ("Bonus if you have shipped LLMs.", "LLMs", "preferred"),
    ("Familiarity with Ray would be great.", "Ray", "preferred"),
    ("Nice to have: Databricks.", "Databricks", "preferred"),
    ("Python is required, but Spark is a plus.", "Python", "required"),
    ("Python is required, but Spark is a plus.", "Spark", "preferred"),
    ("Strong Python skills.", "Python", "required"),
    # "ideally" / "preferably" qualify what follows them
    ("3+ years deploying PyTorch models, ideally in healthcare.", "PyTorch", "required"),
    ("Experience with Spark, ideally PySpark.", "Spark", "required"),
    ("Experience with Spark, ideally PySpark.", "PySpark", "preferred"),
    ("Python, preferably with FastAPI.", "FastAPI", "preferred"),
    ("Nice-to-haves: spaCy, ONNX.", "ONNX", "preferred"),
    ("You have:\n- Python\nNice if you have:\n- Rust programming\n", "Rust programming", "preferred"),
    # an inline label governs the rest of its sentence, past ";", until another label
    ("Good to have: psychometrics; familiarity with causal inference is an advantage; you've used Kubernetes.", "Kubernetes",
     "preferred"),
    ("You: 3+ yrs of Python. Not required but helpful: SageMaker or another managed service.", "SageMaker",
     "preferred"),
    ("You: 3+ yrs of Python. Not required but helpful: SageMaker. You will work in Go.", "Go", "required"),
    ("Must have: Python; nice to have: Dask; must have: SQL.", "SQL", "required"),
    ("Must have: Python; nice to have: Dask; must have: SQL.", "Dask", "preferred"),
    # a choice in a bracket keeps every option required; a bare "(preferred)" is a cue
    ("- Knowledge in Docker and cloud (AWS preferred, GCP fine)", "AWS", "required"),
    ("- Knowledge in Docker and cloud (AWS preferred, GCP fine)", "Docker", "required"),
    ("- Experience with Airflow (preferred).", "Airflow", "preferred"),
    # more cue words
    ("- Familiarity with LLMs is considered an asset.", "LLMs", "preferred"),
    ("- You've written Python for more than coursework; some C++ helps.", "C++", "preferred"),
    ("We don't need a CUDA wizard, but it helps.", "CUDA", "preferred"),
    ("- Train segmentation models in PyTorch where it helps.", "PyTorch", "required"),
    # a forward cue inside a bracket qualifies the bracket only
    ("- Hands-on AWS (ideally SageMaker) or a comparable cloud such as GCP.", "GCP", "required"),
    ("- Hands-on AWS (ideally SageMaker) or a comparable cloud such as GCP.", "SageMaker", "preferred"),
    ("- A cloud, ideally GCP or Azure.", "Azure", "preferred"),
    # "so is X" after a cue takes it; after a requirement it does not
    ("Knowing dbt is a plus; so is Looker.", "Looker", "preferred"),
    ("Knowing dbt is essential; so is Looker.", "Looker", "required"),
    ("Must: Go and Postgres. Also nice: Kafka.", "Kafka", "preferred"),
    # "You might thrive if": the optional list after the qualifications, else the qualifications themselves
    ("What you'll bring\n- Go\n\nYou might thrive if\n- You've used Snowflake.\n", "Snowflake", "preferred"),
    ("What you'll do\n- Ship models\n\nYou might be a good fit if you\n- Know Snowflake.\n", "Snowflake", "required"),
    ("Nice to have\n- Rust programming\n\nYou'll thrive here if\n- You know Snowflake.\n", "Snowflake", "preferred"),
    ("Requirements\n- SQL\n\nYou'll thrive here if\n- You know Snowflake.\n\nBenefits\n- Looker training\n",
     "Looker", "required"),
    # regional templates: "Highly regarded" (Australia), "Some other highly valued skills may include" (UK banks),
    # and the headings after them that end the preferred list
    ("About you\n- SQL\n\nHighly regarded\n- Exposure to Kafka.\n", "Kafka", "preferred"),
    ("Some other highly valued skills may include:\n- Kinesis.\n\nAccountabilities\n- Keep Airflow DAGs healthy.\n",
     "Kinesis", "preferred"),
    ("Some other highly valued skills may include:\n- Kinesis.\n\nAccountabilities\n- Keep Airflow DAGs healthy.\n",
     "Airflow", "required"),
    ("Nice-to-have\n- Tableau\n\nJob skills\n\nData Mining, Python (Programming Language)\n", "Data Mining",
     "required"),
    ("Bonus\n- Go\n\nPurpose of the role\n\nTo build models in PyTorch.\n", "PyTorch", "required"),
    # "Our stack" / "The stack" ends the nice-to-haves like "Tech stack"
    ("Nice to have\n- Rust\n\nOur stack\n\nServing | Docker and Triton\n", "Triton", "required"),
    ("Bonus points\n- Rust\n\nThe stack:\n- Postgres, Redis\n", "Redis", "required"),
    # a singular "Qualification" and "Education" head required lists too
    ("Nice to have\n- Rust\n\nQualification\n- Strong Python\n", "Python", "required"),
    ("Bonus\n- Rust\n\nEducation\n- Coursework in statistics\n", "statistics", "required"),
    # a line opened by another section's label ends the nice-to-haves; an item's own label does not
    ("Preferred\n- Spark\n\nTech stack: Python, Kafka and dbt on AWS.\n", "Kafka", "required"),
    ("Bonus points\n- Rust\n\nJob Skills: Data Mining, Statistics\n", "Statistics", "required"),
    ("Pluses\n- Julia\nMust have: Python 3\n", "Python", "required"),
    ("Nice to have\nExperience: Flink or Beam\n", "Beam", "preferred"),
    ("Nice-to-have:\n- Looker\n\nWhat's in it for you?\n\nYou will build dashboards in Tableau.\n", "Tableau",
     "required"),
    # tables: a header's "Must have" / "Nice to have" columns, a row's own level cell, a "Required?" column
    ("Requirements\n\nArea | Must have | Nice to have\n\nData | SQL, dbt | Snowflake\n\nCloud | GCP | AWS\n",
     "Snowflake", "preferred"),
    ("Requirements\n\nArea | Must have | Nice to have\n\nData | SQL, dbt | Snowflake\n\nCloud | GCP | AWS\n",
     "AWS", "preferred"),
    ("Requirements\n\nArea | Must have | Nice to have\n\nData | SQL, dbt | Snowflake\n\nCloud | GCP | AWS\n",
     "GCP", "required"),
    ("Bonus\n- Go\n\nArea | Must have | Nice to have\nML | PyTorch | JAX\n", "PyTorch", "required"),
    ("| Skill | Level |\n|---|---|\n| Docker | Must have |\n| Helm | Nice to have |\n", "Helm", "preferred"),
    ("| Skill | Level |\n|---|---|\n| Docker | Must have |\n| Helm | Nice to have |\n", "Docker", "required"),
    ("Technology | Required?\nKubernetes | No\nPostgres | Yes\n", "Kubernetes", "preferred"),
    ("Technology | Required?\nKubernetes | No\nPostgres | Yes\n", "Postgres", "required"),
    ("Nice to have | Rust, Go\nMust have | Python\n", "Go", "preferred"),
    ("Stack | Must have\nML | PyTorch (ideally 2.x), NumPy\n", "NumPy", "preferred"),
    ("Area | Nice to have\nML | JAX\n\nYou will also use Kubeflow daily.\n", "Kubeflow", "required"),
    # "You'll stand out if" heads the nice-to-haves; "You'll fit right in if" the requirements before it
    ("You'll fit right in if you have\n- Python and Kafka\n\nYou'll stand out if\n- You have used Flink.\n",
     "Flink", "preferred"),
    ("You'll fit right in if you have\n- Python and Kafka\n\nYou'll stand out if\n- You have used Flink.\n",
     "Kafka", "required"),
    # a legend gives each item's level by its mark
    ("Skills\n✓ = must have, + = nice to have\n- ✓ TypeScript\n- + GraphQL\n", "GraphQL", "preferred"),
    ("Skills\n✓ = must have, + = nice to have\n- ✓ TypeScript\n- + GraphQL\n", "TypeScript", "required"),
    ("Person specification (E) = Essential, (D) = Desirable\n- Experience with Tableau (D)\n- SQL (E)\n",
     "Tableau", "preferred"),
    ("Person specification (E) = Essential, (D) = Desirable\n- Experience with Tableau (D)\n- SQL (E)\n",
     "SQL", "required"),
    ("Requirements\n- Python; Kubeflow a strong plus\n", "Kubeflow", "preferred"),
    ("Bonus points (we read these first, as they matter most to us)\n- Rust\n\nRequirements\n- Go\n", "Rust",
     "preferred"),
    ("Selection criteria – essential\n- Python\nSelection criteria – desirable\n- Julia\n", "Julia", "preferred"),
    ("Selection criteria – essential\n- Python\nSelection criteria – desirable\n- Julia\n", "Python", "required"),
    ("Skill | Required?\nPython | Yes\nKubeflow | No, but helpful\n", "Kubeflow", "preferred"),
    ("Nice to have\n- Go\n\n#jobs #python #mlops\n", "python", "required"),
    ("Desirable criteria\n- Go\n\nBehaviours\n- Communication with the public\n", "Communication", "required"),
    # a bracket holding only a cue qualifies what comes before it, not the options after it
    ("Requirements\n- Experience with GCP (preferred) or AWS.\n", "AWS", "required"),
    ("Requirements\n- Experience with GCP (preferred) or AWS.\n", "GCP", "preferred"),
    ("Requirements\n- Python.\n\nAdditional Preferred Qualifications\n- Kubeflow.\n", "Kubeflow", "preferred"),
    # session 17: regional headings of the nice-to-haves and the must-haves
    ("Key Skills\n- Python, SQL.\n\nAdded Advantage\n- Experience with Snowflake.\n", "Snowflake", "preferred"),
    ("Requirements\n- Java.\n\nAdded advantages:\n- Redis caching.\n", "Redis", "preferred"),
    ("What we need\n- Go.\n\nIt would be great if\n- You have shipped Rust services.\n", "Rust", "preferred"),
    ("Must have\n- SQL.\n\nIt would be nice if you\n- know dbt.\n", "dbt", "preferred"),
    ("Primary Skills\n- Python, PyTorch\n\nSecondary Skills\n- Terraform, Helm\n", "Helm", "preferred"),
    ("Good to Have\n- Kafka\n\nMandatory Skills\n- Docker\n", "Docker", "required"),
    ("Nice to have\n- Airflow\n\nPrimary Skills\n- Spark\n", "Spark", "required"),
    ("Bonus\n- Ray\n\nMust Have Skills:\n- Pandas\n", "Pandas", "required"),
    # a choice after a generic cloud: every option is still asked for
    ("Requirements\n- Hands-on with cloud platforms, GCP preferred.\n", "GCP", "required"),
    ("Requirements\n- Deep experience in any one cloud - Azure preferred (AKS, Cosmos DB), AWS also fine.\n",
     "Cosmos DB", "required"),
    ("- Production work on at least one of AWS, GCP or Azure; AWS strongly preferred.\n", "AWS strongly", "required"),
    ("- Python and SQL; Go preferred.\n", "Go", "preferred"),
    # a bracket with a cue and its own subject qualifies only what it holds
    ("Requirements\n- You ship services in Go (Rust is a big plus).\n", "Go", "required"),
    ("Requirements\n- You ship services in Go (Rust is a big plus).\n", "Rust", "preferred"),
    # the level in prose: more cues and headings of the nice-to-haves
    ("Requirements\n- SQL.\n- Not required, but Kafka experience is useful.\n", "Kafka", "preferred"),
    ("Requirements\n- SQL.\n- If you've run Spark in production, great.\n", "Spark", "preferred"),
    ("Requirements\n- SQL.\n- It's great if you have used Snowflake.\n", "Snowflake", "preferred"),
    ("Requirements\n- SQL.\n- Some Terraform would help.\n", "Terraform", "preferred"),
    ("Requirements\n- SQL.\n- Bonus points: Airflow and dbt.\n", "dbt", "preferred"),
    ("Requirements\n- SQL.\n- Not required: Docker.\n", "Docker", "preferred"),
    ("Requirements\n- SQL.\n\nThings that would make you stand out\n- Kubeflow.\n", "Kubeflow", "preferred"),
    ("Requirements\n- SQL.\n\nWhat sets you apart\n- MLflow.\n", "MLflow", "preferred"),
    ("Requirements\n- SQL.\n\nIt's great if you\n- know Redis.\n", "Redis", "preferred"),
    ("Requirements\n- SQL.\n\nWhat would be nice\n- Flink.\n", "Flink", "preferred"),
    ("Requirements\n- SQL.\n\nWe'd also love\n- Dagster experience.\n", "Dagster", "preferred"),
    ("Requirements\n- SQL.\n\nNot required\n- Tableau.\n", "Tableau", "preferred"),
    ("Requirements\n- SQL.\n\nGood to know\n- Looker.\n", "Looker", "preferred"),
    # a comma and "great" inside a list is no cue
    ("Requirements\n- Strong Python, great SQL.\n", "SQL", "required"),
    # session 18: more cues in prose
    ("Requirements\n- Python. Extra credit for Rust or Zig.\n", "Rust", "preferred"),
    ("Requirements\n- Python.\n- Not required, but nice: Dagster.\n", "Dagster", "preferred"),
    ("About you\nStrong Python. If you have shipped on Ray, let us know.\n", "Ray", "preferred"),
    ("About you\nStrong Python. If you have shipped on Ray, let us know.\n", "Python", "required"),
    ("Requirements\n- Python.\n- Some Scala, or willingness to learn it.\n", "Scala", "preferred"),
    ("You don't need experience with Snowflake; we'll show you around.\n", "Snowflake", "preferred"),
    ("We moved to Prefect, so you don't need experience with our old scheduler.\n", "Prefect", "required"),
    ("Requirements\n- Python. Some Go helps (our gateway), as does Terraform.\n", "Terraform", "preferred"),
    ("Requirements\n- Python. Some Go helps (our gateway), as does Terraform.\n", "Python", "required"),
    # session 19
    ("Requirements\n- Python.\n\nThings that would help\n\n- Kafka for events.\n", "Kafka", "preferred"),
    ("Nice to have\n- Ray.\n\nHow we work\n\nWeekly demos. We run on GCP.\n", "GCP", "required"),
    ("Requirements\n- Python.\n\nIt would also be good to see\n\n- LangChain in a project.\n", "LangChain",
     "preferred"),
    ("You: strong Python. Not essential, but handy: Rust or Bayesian methods.\n", "Rust", "preferred"),
    ("You: strong Python. Not essential, but handy: Rust or Bayesian methods.\n", "Python", "required"),
    ("Requirements\n- Python.\n- Experience with Kafka or Azure ML is valued.\n", "Kafka", "preferred"),
    ("Requirements\n- Insurance work is even better. So is having written Terraform.\n", "Terraform",
     "preferred"),
    ("Requirements\n- Strong Go. So is our whole backend, written in Rust.\n", "Rust", "required"),
    ("You know PyTorch.\n\nWe'd love to see experience with DeepSpeed.\n", "DeepSpeed", "preferred"),
    ("What we'd love to see: you've shipped PyTorch models.\n", "PyTorch", "required"),
    ("You know PyTorch.\n\nWe'd appreciate experience with Databricks.\n", "Databricks", "preferred"),
    ("Strong C++. We'd be thrilled if you've worked on TPUs.\n", "TPUs", "preferred"),
    # session 20: a cue said as a heading, an inline "An advantage:", keyword tag lines
    ("Requirements\n- Python.\n\nWOULD BE A BONUS\n\n- CUDA programming\n", "CUDA", "preferred"),
    ("We need:\n* Docker, Git\n\nWill be a plus:\n\n* C++\n", "C++", "preferred"),
    ("What you need\n- Python\n\nIt helps if you have\n\n- Deep learning projects in PyTorch\n", "PyTorch",
     "preferred"),
    ("Requirements\n- Python\n\nHighly desirable\n\n- Power BI\n", "Power BI", "preferred"),
    ("Highly desirable\n- Power BI\n\nFocus capabilities\n\n- Tableau dashboards for executives\n", "Tableau",
     "required"),
    ("Requirements\n- Docker\n- An advantage: knowledge of energy markets, experience with Azure\n", "Azure",
     "preferred"),
    # (the tag line first, so that the surface's first occurrence is on it)
    ("Key Skills: Python, Docker, AWS\n\nMandatory skills:\n- Python\n\nGood to have:\n- Docker\n", "Docker",
     "preferred"),
    ("Key Skills: Python, Docker, AWS\n\nMandatory skills:\n- Python\n\nGood to have:\n- Docker\n", "AWS",
     "required"),
    ("Keywords: Docker\n\nGood to have:\n- Docker\n\nMust have:\n- Docker and Python\n", "Docker", "required"),
    # the level said in prose
    ("Requirements\n- Python.\n- If you know your way around Git, you'll get going faster.\n", "Git", "preferred"),
    ("Requirements\n- 4+ years in NLP (2+ if you have a PhD).\n", "NLP", "required"),
    ("Requirements\n- You're a fit if you've shipped LLM-powered software.\n", "LLM", "required"),
    ("Requirements\n- Python.\n- We'd be happy to teach you Terraform.\n", "Terraform", "preferred"),
    ("Requirements\n- Python; you will teach Git to researchers.\n", "Git", "required"),
    ("Requirements\n- Python.\n- Airflow experience is a real head start.\n", "Airflow", "preferred"),
    ("Requirements\n- Python.\n- Kubernetes isn't needed on day one.\n", "Kubernetes", "preferred"),
    ("Requirements\n- Familiarity with Rust helps but we'll get you there.\n", "Rust", "preferred"),
    # session 24: "We value" as a heading; a sentence about the company's values is no heading
    ("What we need\n- Python and SQL.\n\nWe value\n\n- Experience with Airflow.\n", "Airflow", "preferred"),
    ("What we need\n- Python and SQL.\n\nWe also value:\n- Knowledge of dbt.\n", "dbt", "preferred"),
    ("What we need\n- Python and SQL.\n\nWe value\n\n- Experience with Airflow.\n", "SQL", "required"),
    ("What we need\n- We value clear writing and Python.\n", "Python", "required"),
    ("Your qualifications\n- Python.\n\nAdditional merits\n\n- Experience with Kafka.\n", "Kafka", "preferred"),
    ("Requirements\n- Python.\n\nOther assets\n- Experience with dbt.\n", "dbt", "preferred"),
    # session 23: "Will be valued" as a heading
    ("Who you are\n- Python.\n\nMeritorious\n- Experience with Ray or Kubeflow.\n", "Kubeflow", "preferred"),
    ("Requirements\n- Python and SQL.\n\nWill be valued\n\n- Experience with Spark.\n", "Spark", "preferred"),
    ("Requirements\n- Python and SQL.\n\nWill be valued\n\n- Experience with Spark.\n", "SQL", "required"),
    # session 22: a lower-case "nice if" heading; "- big advantage" after a list; a sentence where a change "helps"
    ("what you'd do\n- build the models in python\n\nnice if\n\n- docker and terraform\n", "terraform", "preferred"),
    ("Requirements\n- Python.\n- Kafka or Pulsar in production – big advantage.\n", "Kafka", "preferred"),
    ("What you'll do\n- Build the A/B tests and dashboards that tell us whether a change helps.\n", "A/B tests",
     "required"),
    # session 21: "Valued" and "Good to Have Skills" as headings
    ("Requirements\n- Python.\n\nValued\n\n- Experience with Dagster.\n", "Dagster", "preferred"),
    ("Must Have Skills\n- Python.\n\nGood to Have Skills\n\n- Snowflake.\n", "Snowflake", "preferred"),
    ("Nice to Have Experience\n- Snowflake.\n\nMust have\n- Python.\n", "Python", "required"),
    # the level said in prose: what it saves, how fast it is learned, that nobody screens for it, what it earns
    ("You know Python well.\n\nHaving used Ray in anger would save us a month.\n", "Ray", "preferred"),
    ("You know Python well.\n\nDagster would smooth your first week here.\n", "Dagster", "preferred"),
    ("You know Python well.\n\nWe log runs in MLflow, which you can learn in an afternoon.\n", "MLflow",
     "preferred"),
    ("You know Python well.\n\nLooker is not something we screen for.\n", "Looker", "preferred"),
    ("You know Python well.\n\nKubernetes experience puts you ahead of the queue.\n", "Kubernetes", "preferred"),
    ("You know Python well.\n\nKnowing Airflow won't hurt, but nobody will quiz you on it.\n", "Airflow",
     "preferred"),
    ("You know Python well.\n\nSnowflake experience would catch our eye.\n", "Snowflake", "preferred"),
    ("Python, and the odd CUDA kernel (not required).\n", "CUDA", "preferred"),
    ("You will learn our Kafka setup in your first week and own it.\n", "Kafka", "required"),
    # read from set 24: "Nice" and "Appreciated" as headings; a cue with its own subject after a comma or in a
    # bracket qualifies only that subject
    ("Requirements\n- Python\n\nNice\n\n- Dagster.\n", "Dagster", "preferred"),
    ("Requirements\n- Python\n\nAppreciated\n\n- Knowledge of Polars.\n", "Polars", "preferred"),
    ("Requirements\n- Fluent in English, Dutch is a plus\n", "English", "required"),
    ("Requirements\n- Experience with AWS, GCP or Azure is a plus\n", "AWS", "preferred"),
    ("You: strong Python (Rust a plus), and care about latency.\n", "Python", "required"),
    ("- Experience with MLflow (a plus).\n", "MLflow", "preferred"),
]


@pytest.mark.parametrize(("text", "surface", "level"), LEVELS, ids=[f"{s}-{lvl}" for _, s, lvl in LEVELS])
def test_extract_posting_requirement_level(nlp: Language, text: str, surface: str, level: str) -> None:
    start = text.index(surface)
    [mention] = [m for m in extract_posting(nlp, text).mentions if m.start == start]
    assert mention.requirement == level


@pytest.mark.parametrize("text", [POSTING])
def test_extract_posting_mentions_sorted_and_exact(nlp: Language, text: str) -> None:
    result = extract_posting(nlp, text, title="Senior Machine Learning Engineer")
    assert isinstance(result, Extraction)
    starts = [m.start for m in result.mentions]
    assert starts == sorted(starts)
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
        assert m.skill == load_taxonomy().skills[m.skill_id].name
    assert "tableau" not in {m.skill_id for m in result.mentions}  # another team's stack


@pytest.mark.parametrize("text", [POSTING])
def test_extract_posting_requirements_defaults_or_filled(nlp: Language, text: str) -> None:
    result = extract_posting(nlp, text)
    assert isinstance(result.degree, Degree)
    assert result.years_min is None or result.years_min == 5


CORPUS = (
    [POSTING]
    + [text for text, _, _ in LEVELS]
    + [
        "C C++17/20 Rust Go Kubernetes Docker and GCP",
        "Send your CV to jobs@python.org; no Java needed. We go deep.",
        "Hugging Face Transformers vs the transformer architecture; R&D, R and Python.",
        "İstanbul office: Python, SQL — ünïcödé and emoji 🤗 Transformers 🚀",
    ]
)


@pytest.mark.parametrize("text", CORPUS)
def test_spacy_component_agrees_with_fast_path(nlp: Language, text: str) -> None:
    doc = nlp(text)
    fast = extract_posting(nlp, text).mentions
    assert doc._.skill_mentions == fast
    spans = doc.spans[SPANS_KEY]
    assert [(s.start_char, s.end_char, s.label_) for s in spans] == [
        (m.start, m.end, m.skill_id) for m in fast
    ]
    assert [s._.requirement for s in spans] == [m.requirement for m in fast]
    assert [s._.category for s in spans] == [m.category for m in fast]


@pytest.mark.parametrize("workers", [2])
def test_extract_postings_workers_match_single_process(nlp: Language, workers: int) -> None:
    texts = CORPUS * 5
    single = list(extract_postings(nlp, texts))
    assert list(extract_postings(nlp, texts, workers=workers, chunksize=4)) == single
    assert single == [extract_posting(nlp, t) for t in texts]


@pytest.mark.parametrize("path", [None])
def test_build_nlp_accepts_taxonomy_object_and_version(path: None) -> None:
    taxonomy = load_taxonomy(path)
    nlp = build_nlp(taxonomy)
    assert nlp.pipe_names == ["skill_matcher"]
    assert nlp.get_pipe("skill_matcher").taxonomy is taxonomy
    assert EXTRACTOR_VERSION.endswith(taxonomy.version)


@pytest.mark.parametrize("missing", ["skill_matcher"])
def test_extract_posting_without_component_names_the_fix(missing: str) -> None:
    import spacy

    with pytest.raises(ValueError, match="build_nlp"):
        extract_posting(spacy.blank("en"), "Python")
