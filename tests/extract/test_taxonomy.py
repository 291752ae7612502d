"""The taxonomy file: schema, contract ids and groups, aliases, and coverage of the seed articles."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jsonschema
import pytest
from spacy.language import Language

from skilltrends.extract import EXTRACTOR_VERSION, extract_posting, load_taxonomy
from skilltrends.extract.matcher import alias_keys
from skilltrends.extract.rules import RULES
from skilltrends.extract.taxonomy import DEFAULT_TAXONOMY_PATH

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "taxonomy.schema.json"

CONTRACT_IDS = (
    "python r java scala cpp c go rust julia javascript typescript sql bash "
    "tensorflow pytorch keras jax scikit_learn xgboost lightgbm hugging_face_transformers langchain "
    "pandas numpy scipy polars opencv spark hadoop dask ray kafka airflow dbt jupyter aws gcp azure "
    "sagemaker vertex_ai azure_ml databricks snowflake bigquery postgresql mongodb vector_database "
    "mlops mlflow kubeflow dvc weights_and_biases docker kubernetes terraform ci_cd onnx tensorrt triton "
    "fastapi model_monitoring feature_store cuda git machine_learning deep_learning nlp computer_vision "
    "reinforcement_learning llm recommender_systems time_series feature_engineering hyperparameter_tuning "
    "a_b_testing statistics linear_algebra probability calculus tableau power_bi excel"
).split()
CONTRACT_GROUPS = {
    "python": {"python"},
    "tensorflow": {"tensorflow"},
    "pytorch": {"pytorch"},
    "deep_learning_frameworks": {"tensorflow", "pytorch", "keras", "jax"},
    "cloud": {"aws", "gcp", "azure"},
    "cloud_ml_services": {"sagemaker", "vertex_ai", "azure_ml"},
    "mlops": {
        "mlops",
        "mlflow",
        "kubeflow",
        "dvc",
        "weights_and_biases",
        "docker",
        "kubernetes",
        "ci_cd",
        "model_monitoring",
        "feature_store",
        "airflow",
        "terraform",
        "onnx",
        "triton",
    },
}
CONTRACT_DISPLAY = {"cpp": "C++", "gcp": "Google Cloud"}

# Every skill, framework, tool, concept and platform named in /work/shared/seeds/*.txt (five MLE articles),
# each with a sentence in the articles' own wording and the skill id the tagger must give it.
SEED_TERMS = [
    ("Python", "python", "proficiency in programming languages such as Python, R, or Java"),
    ("R", "r", "proficiency in programming languages such as Python, R, or Java"),
    ("Java", "java", "proficiency in programming languages such as Python, R, or Java"),
    ("C++", "cpp", "Proficiency in C++ is advantageous, especially for performance-critical applications."),
    ("JavaScript", "javascript", "some companies may require you to know C++, JavaScript and Java."),
    ("Prolog", "prolog", "they must be at ease using R, Prolog, and Lisp"),
    ("Lisp", "lisp", "they must be at ease using R, Prolog, and Lisp"),
    ("SQL", "sql", "Experience with data manipulation tools like SQL and data analysis with pandas"),
    ("pandas", "pandas", "Experience with data manipulation tools like SQL and data analysis with pandas"),
    (
        "Pandas",
        "pandas",
        "With tools and libraries like Python's SciPy and Pandas, you can perform statistics.",
    ),
    (
        "SciPy",
        "scipy",
        "With tools and libraries like Python's SciPy and Pandas, you can perform statistics.",
    ),
    (
        "TensorFlow",
        "tensorflow",
        "familiarity with libraries and frameworks like TensorFlow, PyTorch, or scikit-learn",
    ),
    (
        "tensorflow",
        "tensorflow",
        "familiarity with tools like tensorflow or pytorch can be incredibly beneficial",
    ),
    (
        "PyTorch",
        "pytorch",
        "familiarity with libraries and frameworks like TensorFlow, PyTorch, or scikit-learn",
    ),
    (
        "scikit-learn",
        "scikit_learn",
        "familiarity with libraries and frameworks like TensorFlow, PyTorch, or scikit-learn",
    ),
    (
        "Scikit-learn",
        "scikit_learn",
        "For traditional machine learning tasks, Scikit-learn is a crucial library.",
    ),
    ("Keras", "keras", "This includes strong software programs like Keras, PyTorch, and TensorFlow."),
    ("Hadoop", "hadoop", "working with big data technologies such as Hadoop and Spark"),
    ("Spark", "spark", "working with big data technologies such as Hadoop and Spark"),
    (
        "Apache Spark",
        "spark",
        "Apache Spark is another significant framework, particularly for big data tasks.",
    ),
    ("Jupyter Notebook", "jupyter", "Services like Jupyter Notebook enhance workflow by enabling live code."),
    ("AWS", "aws", "expertise in cloud platforms like AWS and Google Cloud is essential"),
    ("Google Cloud", "gcp", "expertise in cloud platforms like AWS and Google Cloud is essential"),
    (
        "Google Cloud ML Engine",
        "vertex_ai",
        "Platforms like Google Cloud ML Engine and Amazon Machine Learning",
    ),
    (
        "Amazon Machine Learning",
        "amazon_machine_learning",
        "Platforms like Google Cloud ML Engine and Amazon Machine Learning",
    ),
    (
        "Tableau",
        "tableau",
        "present their findings using visualization software like Tableau, Dash, or Power BI",
    ),
    ("Dash", "dash", "present their findings using visualization software like Tableau, Dash, or Power BI"),
    (
        "Power BI",
        "power_bi",
        "present their findings using visualization software like Tableau, Dash, or Power BI",
    ),
    ("MLOps", "mlops", "Machine learning operations (MLOps) is one of the core functions."),
    (
        "machine learning operations",
        "mlops",
        "Machine learning operations (MLOps) is one of the core functions.",
    ),
    ("machine learning", "machine_learning", "experience with applied machine learning is essential"),
    (
        "artificial intelligence",
        "artificial_intelligence",
        "Specializing in artificial intelligence or machine learning.",
    ),
    ("deep learning", "deep_learning", "advanced concepts such as deep learning, reinforcement learning"),
    (
        "neural networks",
        "neural_networks",
        "cutting-edge ML techniques like deep learning and neural networks",
    ),
    (
        "reinforcement learning",
        "reinforcement_learning",
        "advanced concepts such as deep learning, reinforcement learning",
    ),
    (
        "natural language processing",
        "nlp",
        "areas such as deep learning architectures, computer vision, and natural language processing",
    ),
    (
        "computer vision",
        "computer_vision",
        "areas such as deep learning architectures, computer vision, and natural language processing",
    ),
    ("facial recognition", "computer_vision", "From video surveillance to smartphone facial recognition"),
    ("supervised learning", "supervised_learning", "Mastery of supervised learning, which uses labeled data"),
    ("unsupervised learning", "unsupervised_learning", "and unsupervised learning, which uncovers patterns"),
    ("regression", "regression", "supervised learning algorithms (e.g., regression, classification)"),
    ("classification", "classification", "supervised learning algorithms (e.g., regression, classification)"),
    (
        "clustering",
        "clustering",
        "unsupervised learning algorithms (e.g., clustering, dimensionality reduction)",
    ),
    (
        "dimensionality reduction",
        "dimensionality_reduction",
        "unsupervised learning algorithms (e.g., clustering, dimensionality reduction)",
    ),
    (
        "cluster analysis",
        "clustering",
        "you'll need to be proficient in math, statistics, cluster analysis, and visualization",
    ),
    (
        "transfer learning",
        "transfer_learning",
        "Transfer Learning: Transfer learning techniques allow machine learning models to leverage knowledge",
    ),
    (
        "federated learning",
        "federated_learning",
        "Federated Learning: Federated learning enables the training of models across devices",
    ),
    (
        "AutoML",
        "automl",
        "AutoML: Automated Machine Learning (AutoML) frameworks aim to simplify development",
    ),
    (
        "Automated Machine Learning",
        "automl",
        "Automated Machine Learning frameworks aim to simplify development",
    ),
    (
        "explainable AI",
        "explainable_ai",
        "Explainable AI: there is an increasing need for interpretable models",
    ),
    ("edge computing", "edge_computing", "the growing importance of edge computing in machine learning"),
    ("Internet of Things", "iot", "emerging technologies, such as blockchain and Internet of Things (IoT)"),
    ("IoT", "iot", "enable intelligent decision-making in IoT applications"),
    ("blockchain", "blockchain", "emerging technologies, such as blockchain and Internet of Things (IoT)"),
    (
        "hyperparameter tuning",
        "hyperparameter_tuning",
        "Techniques like hyperparameter tuning and cross-validation are essential",
    ),
    ("hyperparameters", "hyperparameter_tuning", "They also fine-tune hyperparameters, adjusting the knobs"),
    (
        "cross-validation",
        "cross_validation",
        "Techniques like hyperparameter tuning and cross-validation are essential",
    ),
    (
        "feature engineering",
        "feature_engineering",
        "tasks such as data preprocessing, feature engineering, and data augmentation",
    ),
    (
        "data augmentation",
        "data_augmentation",
        "tasks such as data preprocessing, feature engineering, and data augmentation",
    ),
    (
        "data preprocessing",
        "data_preprocessing",
        "tasks such as data preprocessing, feature engineering, and data augmentation",
    ),
    (
        "data cleaning",
        "data_cleaning",
        "This involves cleaning data, handling missing values; data cleaning matters.",
    ),
    (
        "data engineering",
        "data_engineering",
        "Machine learning engineers must possess strong data engineering skills",
    ),
    (
        "data visualization",
        "data_visualization",
        "particularly for statistical analysis and data visualization",
    ),
    (
        "data analysis",
        "data_analysis",
        "Internships or prior roles in data analysis and software engineering",
    ),
    (
        "data mining",
        "data_mining",
        "simplifies the implementation of algorithms for data mining and analysis",
    ),
    (
        "data modeling",
        "data_modeling",
        "knowledgeable about data structures, data modeling, and database management systems",
    ),
    (
        "data structures",
        "data_structures",
        "knowledgeable about data structures, data modeling, and database management systems",
    ),
    (
        "database management systems",
        "relational_databases",
        "knowledgeable about data structures, data modeling, and database management systems",
    ),
    ("big data", "big_data", "particularly for big data tasks"),
    (
        "distributed computing",
        "distributed_computing",
        "large-scale data processing through distributed computing",
    ),
    (
        "predictive modeling",
        "predictive_modeling",
        "innovative approaches to data analysis and predictive modeling",
    ),
    (
        "model evaluation",
        "model_evaluation",
        "Finally, they engage in model evaluation, ensuring their creations perform well",
    ),
    (
        "model selection",
        "model_selection",
        "They then move on to model selection, where they choose algorithms",
    ),
    (
        "model training",
        "model_training",
        "areas such as data preprocessing, model training, and performance evaluation",
    ),
    ("F1 score", "model_evaluation", "using metrics such as precision, recall, and F1 score is crucial"),
    (
        "machine learning pipeline",
        "ml_pipelines",
        "They create a scalable system called a machine learning pipeline",
    ),
    (
        "recommendation systems",
        "recommender_systems",
        "Real-world applications include recommendation systems like those used by Netflix",
    ),
    ("statistics", "statistics", "A solid understanding of mathematics and statistics is necessary"),
    ("statistical analysis", "statistics", "R programming is crucial, particularly for statistical analysis"),
    (
        "descriptive statistics",
        "statistics",
        "hypothesis testing, regression analysis, and descriptive statistics",
    ),
    (
        "hypothesis testing",
        "hypothesis_testing",
        "techniques such as hypothesis testing, regression analysis, and descriptive statistics",
    ),
    (
        "regression analysis",
        "regression",
        "techniques such as hypothesis testing, regression analysis, and descriptive statistics",
    ),
    (
        "linear algebra",
        "linear_algebra",
        "mathematical foundations such as linear algebra, calculus, and probability theory",
    ),
    (
        "calculus",
        "calculus",
        "mathematical foundations such as linear algebra, calculus, and probability theory",
    ),
    (
        "probability theory",
        "probability",
        "mathematical foundations such as linear algebra, calculus, and probability theory",
    ),
    ("probability", "probability", "introductory statistics and probability"),
    ("mathematics", "mathematics", "A solid understanding of mathematics and statistics is necessary"),
    (
        "software engineering",
        "software_engineering",
        "they combine software engineering and data science skills",
    ),
    (
        "system design",
        "system_design",
        "Software engineering and system design: a machine learning engineer must understand",
    ),
    (
        "version control",
        "version_control",
        "best practices (i.e., version control, testing, documentation, modular coding, etc.)",
    ),
    (
        "testing",
        "software_testing",
        "best practices (i.e., version control, testing, documentation, modular coding, etc.)",
    ),
    (
        "documentation",
        "documentation",
        "best practices (i.e., version control, testing, documentation, modular coding, etc.)",
    ),
    (
        "modular coding",
        "modular_coding",
        "best practices (i.e., version control, testing, documentation, modular coding, etc.)",
    ),
    (
        "DevOps",
        "devops",
        "Machine learning engineers work closely with software engineers and DevOps practices",
    ),
    ("model monitoring", "model_monitoring", "retraining and model monitoring in production"),
    (
        "reproducibility",
        "reproducibility",
        "ensuring the reproducibility of machine learning model results is imperative",
    ),
    ("problem-solving", "problem_solving", "Problem-solving skills are also essential"),
    (
        "critical thinking",
        "critical_thinking",
        "practice your critical thinking and problem-solving abilities",
    ),
    (
        "communication skills",
        "communication",
        "Communication skills: being able to explain complex concepts in simple terms",
    ),
    ("teamwork", "teamwork", "Communication and teamwork: the ability to communicate information"),
    (
        "time management",
        "time_management",
        "Juggling these roles requires exceptional time management and prioritization skills.",
    ),
    ("interpersonal relations", "communication", "Excellent interpersonal relations."),
    ("continuous learning", "continuous_learning", "a commitment to continuous learning and staying updated"),
    ("Coursera", "coursera", "Platforms like Coursera and edX offer specialized courses and certifications"),
    ("edX", "edx", "Platforms like Coursera and edX offer specialized courses and certifications"),
    ("Udacity", "udacity", "Platforms like coursera or udacity provide specialized programs"),
    ("Kaggle", "kaggle", "participate in data science competitions such as DataCamp and Kaggle"),
    ("DataCamp", "datacamp", "participate in data science competitions such as DataCamp and Kaggle"),
    ("Made with ML", "made_with_ml", "Pykes recommends studying the lessons featured on Made with ML"),
    ("certifications", "certifications", "courses and professional certifications in machine learning"),
    (
        "online courses",
        "certifications",
        "consider including any relevant certifications or online courses you have completed",
    ),
    (
        "open-source projects",
        "open_source",
        "contributing to open-source projects can help develop practical skills",
    ),
]

# Degrees named in the seeds: (phrase, vocabulary key) — the degree extractor reads this section.
SEED_DEGREES = [
    ("bachelor's", "level:bachelor"),
    ("bachelor’s", "level:bachelor"),
    ("master's", "level:master"),
    ("master’s", "level:master"),
    ("Ph.D.", "level:phd"),
    ("ph.D", "level:phd"),
    ("computer science", "field:computer_science"),
    ("data science", "field:data_science"),
    ("mathematics", "field:mathematics"),
    ("math", "field:mathematics"),
    ("electrical engineering", "field:electrical_engineering"),
    ("engineering", "field:engineering"),
    ("related field", "field:related_field"),
]


def _schema() -> dict[str, object]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_taxonomy_validates_against_schema() -> None:
    data = json.loads(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(_schema())
    jsonschema.validate(data, _schema(), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("skill_id", CONTRACT_IDS)
def test_taxonomy_has_contract_id(skill_id: str) -> None:
    assert skill_id in load_taxonomy().skills


@pytest.mark.parametrize(("skill_id", "name"), sorted(CONTRACT_DISPLAY.items()))
def test_taxonomy_display_name(skill_id: str, name: str) -> None:
    assert load_taxonomy().skills[skill_id].name == name


@pytest.mark.parametrize(("group", "members"), sorted(CONTRACT_GROUPS.items()))
def test_taxonomy_groups_match_contract(group: str, members: set[str]) -> None:
    assert load_taxonomy().groups[group] == members


@pytest.mark.parametrize("bound", [(250, 400)])
def test_taxonomy_size_in_range(bound: tuple[int, int]) -> None:
    assert bound[0] <= len(load_taxonomy().skills) <= bound[1]


@pytest.mark.parametrize("path", [None])
def test_taxonomy_aliases_name_one_skill_each(path: None) -> None:
    taxonomy = load_taxonomy(path)
    clashes = {
        key: entries
        for key, entries in alias_keys(taxonomy).items()
        if len({skill_id for skill_id, _ in entries}) > 1
    }
    assert clashes == {}


@pytest.mark.parametrize("path", [None])
def test_taxonomy_context_rules_exist_and_govern_real_aliases(path: None) -> None:
    taxonomy = load_taxonomy(path)
    for skill in taxonomy.skills.values():
        if skill.context is None:
            continue
        assert skill.context in RULES, skill.id
        forms = set(skill.insensitive_aliases()) | {a.lower() for a in skill.cased_aliases}
        assert skill.context_aliases <= forms, skill.id


@pytest.mark.parametrize("path", [None])
def test_taxonomy_categories_and_version(path: None) -> None:
    taxonomy = load_taxonomy(path)
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d{1,2}(\.\d+)?", taxonomy.version)
    assert {s.category for s in taxonomy.skills.values()} <= set(taxonomy.categories)
    assert taxonomy.category("pytorch") == "ml_framework"
    assert taxonomy.version in EXTRACTOR_VERSION


@pytest.mark.parametrize(("term", "skill_id", "sentence"), SEED_TERMS, ids=[t[0] for t in SEED_TERMS])
def test_taxonomy_covers_seed_term(nlp: Language, term: str, skill_id: str, sentence: str) -> None:
    found = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", sentence) or re.search(
        rf"(?<!\w){re.escape(term)}(?!\w)", sentence, re.IGNORECASE
    )
    assert found is not None
    start = found.start()
    mentions = extract_posting(nlp, sentence).mentions
    covering = [m for m in mentions if m.start <= start and start + len(term) <= m.end]
    assert [m.skill_id for m in covering] == [skill_id], mentions


@pytest.mark.parametrize(("phrase", "key"), SEED_DEGREES)
def test_taxonomy_covers_seed_degree(phrase: str, key: str) -> None:
    terms = load_taxonomy().degree_terms()[key]
    assert phrase.lower() in terms


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("computer science", "computer_science"),
        ("Computer Science", "computer_science"),
        ("CS", "computer_science"),
        ("electrical engineering", "electrical_engineering"),
        ("machine_learning", "machine_learning"),
        ("basket weaving", None),
    ],
)
def test_taxonomy_degree_field_id_maps_names_and_ids(name: str, expected: str | None) -> None:
    assert load_taxonomy().degree_field_id(name) == expected


def test_degree_fields_match_sample_truth_after_mapping_names_to_ids() -> None:
    """The sample market's truth names fields ("computer science"); extraction stores ids: compare mapped."""
    from skilltrends.extract.requirements import extract_requirements
    from skilltrends.sample.market import DEGREES

    taxonomy = load_taxonomy()
    for entries in DEGREES.values():
        for text, level, names, _ in entries:
            ids = {taxonomy.degree_field_id(n) for n in names}
            assert None not in ids, names
            degree = extract_requirements(html.unescape(text))[0]
            assert degree.min_level == level, text
            # the truth leaves out "related field"
            assert set(degree.fields) - {"related_field"} == ids, text


def test_contains_must_name_other_known_skills() -> None:
    from skilltrends.extract.taxonomy import taxonomy_from_dict

    base = {"version": "t", "skills": [{"id": "aws", "name": "AWS", "category": "cloud_platform"},
                                       {"id": "sagemaker", "name": "SageMaker", "category": "cloud_ml_service",
                                        "aliases": ["aws sagemaker"], "contains": ["aws"]}]}
    assert taxonomy_from_dict(base).skills["sagemaker"].contains == {"aws"}
    base["skills"][1]["contains"] = ["amazon"]
    with pytest.raises(ValueError, match="unknown: amazon"):
        taxonomy_from_dict(base)
    base["skills"][1]["contains"] = ["sagemaker"]
    with pytest.raises(ValueError, match="other skills"):
        taxonomy_from_dict(base)
