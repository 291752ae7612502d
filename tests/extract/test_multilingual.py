"""Degree and years written in German, Spanish, French, Portuguese and Italian (skilltrends.extract.multilingual),
as the English reader's fallback in extract_requirements."""

from __future__ import annotations

import pytest

from skilltrends.extract.multilingual import may_apply
from skilltrends.extract.requirements import extract_requirements

CASES = [
    # (text, degree level, fields, equivalent experience, years min, years max)
    ("Vi söker dig som\n- Har minst 4 års erfarenhet av maskininlärning i produktion.", None, set(), False, 4, None),
    ("Vi søker deg som\n- Har 2–5 års erfaring med Python.", None, set(), False, 2, 5),
    ("Dein Profil\n- Abgeschlossenes Masterstudium in Informatik, Mathematik, Physik oder einem vergleichbaren "
     "Fach.\n- Mindestens 3 Jahre Berufserfahrung als ML Engineer.",
     "master", {"computer_science", "mathematics", "physics", "related_field"}, False, 3, None),
    ("¿Qué buscamos?\n- Grado o Máster en Ingeniería Informática, Matemáticas, Estadística, Física o similar.\n"
     "- Entre 2 y 4 años de experiencia como ML Engineer o Data Scientist.",
     "bachelor", {"computer_science", "mathematics", "statistics", "physics", "related_field"}, False, 2, 4),
    ("Profil recherché\n- Bac+5 (école d'ingénieur ou Master) en informatique, mathématiques appliquées ou "
     "équivalent.\n- Au moins 2 ans d'expérience en computer vision.",
     "master", {"computer_science", "mathematics", "related_field"}, False, 2, None),
    ("Requisitos: 2 a 4 años de experiencia con Python y SQL. Título universitario en Ing. en Sistemas, Ciencias "
     "de la Computación, Matemática, Estadística o afines, o experiencia equivalente.",
     "bachelor", {"computer_science", "mathematics", "statistics", "related_field"}, True, 2, 4),
    ("Requisitos\n- Graduação em Ciência da Computação ou áreas afins\n- 3 anos de experiência com Python",
     "bachelor", {"computer_science", "related_field"}, False, 3, None),
    ("Requisiti\n- Laurea magistrale in Informatica o Statistica\n- Almeno 4 anni di esperienza",
     "master", {"computer_science", "statistics"}, False, 4, None),
    # "Plus de 3 ans" is "more than 3 years", not the cue "a plus"; "un plus" is the cue
    ("Profil\n- Plus de 3 ans d'expérience en machine learning\n- Diplôme d'ingénieur en informatique",
     "master", {"computer_science"}, False, 3, None),
    ("- Máster en Estadística es un plus", None, set(), False, None, None),
    # company history and preferred lines ask for nothing
    ("Wir sind seit 20 Jahren am Markt und wachsen.", None, set(), False, None, None),
    ("Requisitos\n- Python\nDeseable\n- Máster en Estadística\n- 5 años de experiencia en banca",
     None, set(), False, None, None),
    ("- Máster en Estadística (se valorará)", None, set(), False, None, None),
    # "alto grado de autonomía" is no degree; "Apache licence" no licence degree
    ("Trabajarás con un alto grado de autonomía bajo licence Apache.", None, set(), False, None, None),
    # a generic "Studium" whose level the line names
    ("Profil\n- Studium der Informatik, Physik, Elektrotechnik oder vergleichbar (Master oder Diplom)",
     "master", {"computer_science", "physics", "electrical_engineering", "related_field"}, False, None, None),
    ("Profil\n- Abgeschlossenes Studium der Informatik", "bachelor", {"computer_science"}, False, None, None),
    # the English reader's finding stands: only its gaps are filled
    ("- BS in Computer Science\n- Mindestens 5 Jahre Berufserfahrung", "bachelor", {"computer_science"}, False, 5, None),
    ("- Master's degree or equivalent practical experience.", "master", set(), True, None, None),
    # a forward cue qualifies only what follows it
    ("- 3+ años de experiencia en visión por computadora, idealmente en retail.", None, set(), False, 3, None),
    ("- Título en Ingeniería Informática o afín.", "bachelor", {"computer_science", "related_field"}, False, None,
     None),
    # Portuguese "Graduação"; Quebec's "baccalauréat en ..." is a bachelor's
    ("- Graduação em Engenharia, Física ou áreas relacionadas.", "bachelor", {"engineering", "physics",
     "related_field"}, False, None, None),
    ("- Baccalauréat en génie logiciel ou domaine connexe.", "bachelor", {"computer_science", "related_field"},
     False, None, None),
    # years written as words
    ("Was du mitbringst\n- Mindestens vier Jahre Erfahrung mit Python.", None, set(), False, 4, None),
    ("Requisitos\n- Al menos dos años de experiencia en visión por computador.", None, set(), False, 2, None),
    ("Profil recherché\n- Deux à cinq ans d'expérience en data science.", None, set(), False, 2, 5),
    ("Requisiti\n- Almeno tre anni di esperienza in MLOps.", None, set(), False, 3, None),
    ("Wymagania\n- Co najmniej trzy lata doświadczenia w ML.", None, set(), False, 3, None),
    ("Über uns\n- Seit drei Jahren wachsen wir; Erfahrung mit Python.", None, set(), False, None, None),
]


@pytest.mark.parametrize(("text", "level", "fields", "equivalent", "low", "high"), CASES)
def test_foreign_degree_and_years(
    text: str, level: str | None, fields: set[str], equivalent: bool, low: float | None, high: float | None
) -> None:
    degree, years_min, years_max, _ = extract_requirements(text)
    assert degree.min_level == level
    assert set(degree.fields) == fields
    assert degree.equivalent_experience_ok is equivalent
    assert (years_min, years_max) == (low, high)


def test_hints_hold_for_every_foreign_case() -> None:
    """The cheap test lets every foreign case through, and most English postings not."""
    for text, *_ in CASES[:6]:
        assert may_apply(text.lower()), text
    assert not may_apply("requirements: 5+ years of python, a bs in mathematics or statistics.")


@pytest.mark.parametrize(("text", "level", "fields", "equivalent", "low", "high"), CASES)
def test_the_tagger_reads_them_alike(
    nlp: object, text: str, level: str | None, fields: set[str], equivalent: bool, low: float | None,
    high: float | None,
) -> None:
    """Through the tagger, whose scan marks the hints (skilltrends.extract.requirements.MARKS), as without it."""
    from skilltrends.extract import extract_posting

    result = extract_posting(nlp, text)  # type: ignore[arg-type]
    assert result.degree is not None and result.degree.min_level == level
    assert set(result.degree.fields) == fields
    assert (result.years_min, result.years_max) == (low, high)


LEVEL_CASES = [
    # (text, surface, skill, requirement)
    ("- Verhandlungssicheres Deutsch und gutes Englisch", "Englisch", "english", "required"),
    ("- Inglés fluido (B2 o superior)", "Inglés", "english", "required"),
    ("- Anglais courant", "Anglais", "english", "required"),
    ("Por favor envía tu CV en inglés.", "inglés", None, None),
    ("Bitte sende deine Bewerbung auf Englisch.", "Englisch", None, None),
    ("- Erfahrung mit Kubernetes ist von Vorteil", "Kubernetes", "kubernetes", "preferred"),
    ("- Se valorará experiencia con Terraform", "Terraform", "terraform", "preferred"),
    ("- Des connaissances en Docker seraient appréciées", "Docker", "docker", "preferred"),
    ("Se valorará\n- Conocimientos de Terraform.", "Terraform", "terraform", "preferred"),
    # "idealerweise" qualifies what follows it only
    ("- Erfahrung mit Docker und einer Public Cloud, idealerweise Azure.", "Docker", "docker", "required"),
    ("- Erfahrung mit Docker und einer Public Cloud, idealerweise Azure.", "Azure", "azure", "preferred"),
    # core concepts in the postings' own languages
    ("- Experiencia en sistemas de recomendación y series temporales.", "sistemas de recomendación",
     "recommender_systems", "required"),
    ("- Conhecimento de processamento de linguagem natural.", "processamento de linguagem natural", "nlp",
     "required"),
    ("- Une expérience des bases de données vectorielles est un plus.", "bases de données vectorielles",
     "vector_database", "preferred"),
    ("- Erfahrung mit Datenpipelines (Airflow).", "Datenpipelines", "etl", "required"),
    ("- Conocimientos de aprendizaje profundo.", "aprendizaje profundo", "deep_learning", "required"),
    # model verbs in duty lines: the infinitive, the "you" future, the German "du" form, the verb after "Modelle"
    ("- Entrenar y evaluar modelos de visión para control de calidad.", "Entrenar", "model_training", "required"),
    ("- Entrenar y evaluar modelos de visión para control de calidad.", "evaluar", "model_evaluation",
     "required"),
    ("- Poner en producción modelos de scoring en GCP.", "Poner en producción", "model_serving", "required"),
    ("- Treinar e monitorar modelos de recomendação.", "monitorar", "model_monitoring", "required"),
    ("- Vous entraînerez des modèles de langage pour nos clients.", "entraînerez", "model_training", "required"),
    ("- Du trainierst und evaluierst Modelle für die Bildsegmentierung.", "trainierst", "model_training",
     "required"),
    ("Deine Aufgabe: Modelle trainieren und betreiben.", "trainieren", "model_training", "required"),
    ("- 2 años de experiencia con modelos en producción.", "producción", "model_serving", "required"),
    ("- Avaliação de modelos com métricas de negócio.", "Avaliação", "model_evaluation", "required"),
    # the company's own work, in the third person, is not asked of the hire
    ("Nuestro equipo entrena modelos de riesgo cada semana.", "entrena", None, None),
    ("- Conocimientos de redes neuronales convolucionales.", "redes neuronales", "neural_networks", "required"),
    ("- Des stratégies d'augmentation de données pour la vision.", "augmentation de données", "data_augmentation",
     "required"),
    ("- Expérience des systèmes embarqués temps réel.", "systèmes embarqués", "embedded_systems", "required"),
    ("- Dominio de regresión logística y árboles de decisión.", "regresión logística", "regression", "required"),
    ("- Detectar la deriva del modelo en producción.", "deriva del modelo", "model_monitoring", "required"),
    ("- Experiencia con modelos de grafos (GNN).", "modelos de grafos", "graph_ml", "required"),
    ("- Experiencia en clasificación de documentos.", "clasificación", "classification", "required"),
    # the role as the work, after "como" / "als" as after "as"
    ("Sie bringen Erfahrung als Data Scientist oder ML Engineer mit.", "Data Scientist", "data_science",
     "required"),
    ("Sie bringen Erfahrung als ML Engineer oder Data Scientist mit.", "ML", "machine_learning", "required"),
    ("- Tres años trabajando como ML Engineer.", "ML", "machine_learning", "required"),
    # "Les plus" heads the optional list
    ("Profil\n- Python\n\nLes plus\n- Kubernetes", "Kubernetes", "kubernetes", "preferred"),
    # a heading in another script with its English gloss after a slash
    ("応募資格 / Requirements\n- Python\n\n歓迎要件 / Nice to have\n- Kubernetes", "Kubernetes", "kubernetes",
     "preferred"),
]


@pytest.mark.parametrize(("text", "surface", "skill", "requirement"), LEVEL_CASES)
def test_foreign_language_skill_and_cues(
    nlp: object, text: str, surface: str, skill: str | None, requirement: str | None
) -> None:
    from skilltrends.extract import extract_posting

    start = text.index(surface)
    at = [m for m in extract_posting(nlp, text).mentions if m.start <= start < m.end]  # type: ignore[arg-type]
    if skill is None:
        assert at == []
    else:
        assert [(m.skill_id, m.requirement) for m in at] == [(skill, requirement)]


@pytest.mark.parametrize(
    "text",
    [
        "k-nearest neighbors and two-tower retrieval with low latency, shipped later this year",
        "we work with the latest models; neighbourhood search; a studio in Lisbon",
    ],
)
def test_english_words_do_not_wake_the_foreign_reader(text: str) -> None:
    # the Dutch and Polish hints sit inside common English words ("neig-hbo-rs", "two-tower", "latency")
    from skilltrends.extract.multilingual import may_apply

    assert not may_apply(text.lower())
