"""Bad input never crashes the tagger, stays fast, and offsets always index the input."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from skilltrends.extract import extract_posting, load_taxonomy

TAXONOMY = load_taxonomy()

BAD = {
    "empty": "",
    "whitespace": " \n\t \r\n   ",
    "binary": bytes(random.Random(3).randrange(256) for _ in range(20000)).decode("latin-1"),
    "nul_bytes": "Python\x00\x00SQL\x00",
    "broken_html": "<div><p>Python <b>and <i>SQL</p></div><ul><li>Spark<li>Kafka</ul><<<>>>&amp;&nbsp;",
    "german": "Wir suchen eine:n Machine Learning Engineer (m/w/d) mit Erfahrung in Python und Kubernetes.",
    "chinese": "我们正在寻找熟悉 Python 和 PyTorch 的机器学习工程师。",
    "emoji": "🚀🤖 Python 🐍 + PyTorch 🔥 = ❤️ 🤗 Transformers",
    "long_line": "python " * 5000,
    "surrogates": "Python \ud800 SQL",
    "rtl": "مهندس تعلم الآلة Python",
    "combining": "Pytho\u0301n and SQL\u0308",
    "turkish_i": "İİİ Python İ SQL",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_extract_posting_survives_bad_input(nlp: Language, name: str) -> None:
    text = BAD[name]
    result = extract_posting(nlp, text)
    for m in result.mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("size_mb", [10])
def test_extract_posting_handles_10mb_quickly(nlp: Language, size_mb: int) -> None:
    block = (
        "Requirements:\n- Python, SQL and Spark\nWe go deep; R&D matters. Send your CV.\n"
        + "Our team ships reliable products for customers around the world every single day.\n" * 8
    )
    text = (block * (size_mb * 1_000_000 // len(block) + 1))[: size_mb * 1_000_000]
    started = time.perf_counter()
    result = extract_posting(nlp, text)
    assert time.perf_counter() - started < 60
    assert len(result.mentions) > 1000
    last = result.mentions[-1]
    assert text[last.start : last.end] == last.text


@pytest.mark.parametrize("text", [""])
def test_extract_posting_empty_gives_defaults(nlp: Language, text: str) -> None:
    result = extract_posting(nlp, text)
    assert result.mentions == ()
    assert result.salary is None


WORDS = [
    "Python",
    "R",
    "C",
    "C++",
    "Go",
    "go",
    "R&D",
    "SQL",
    "Spark",
    "excel",
    "CV",
    "k8s",
    "W&B",
    "TF",
    "no",
    "not",
    "Java",
    "team",
    "uses",
    "Nice to have:",
    "Requirements:",
    "\n",
    "- ",
    ".",
    ",",
    " ",
    "@",
    "://",
    "İ",
    "ß",
    "🤗",
    "Transformers",
    "Hugging Face",
    "is a plus",
    "scikit-learn",
    "C/C++",
    "R&R",
    "AML",
    "AWS SageMaker",
    "Spark MLlib",
    "Bayesian statistics",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=40).map(" ".join))
def test_extract_posting_offsets_are_valid_slices(nlp: Language, text: str) -> None:
    mentions = extract_posting(nlp, text).mentions
    outer_start, outer_end, outer_skill = -1, -1, ""
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        if m.start < outer_end:  # sorted; an overlap only nests a skill the outer one contains ("AWS SageMaker")
            assert outer_start <= m.start and m.end <= outer_end, (m, outer_start, outer_end)
            assert m.skill_id in TAXONOMY.skills[outer_skill].contains
        else:
            assert m.start >= outer_end
            outer_start, outer_end, outer_skill = m.start, m.end, m.skill_id
        assert m.requirement in ("required", "preferred")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_extract_posting_arbitrary_text_agrees_with_spacy(nlp: Language, text: str) -> None:
    assert nlp(text)._.skill_mentions == extract_posting(nlp, text).mentions


@pytest.mark.parametrize("unit", ["clean and ", "tested, ", "analyse and ", "built by the mobile team in and "])
def test_extract_posting_stays_linear_on_repeated_list_words(nlp: Language, unit: str) -> None:
    """A page of one list word over and over (a scraped page gone wrong) must not make a phrase pattern that is
    tried at every word scan the rest of the run: 300 KB of "clean and " took minutes before its lists were capped."""
    text = (unit * (300_000 // len(unit) + 1))[:300_000]
    started = time.perf_counter()
    result = extract_posting(nlp, text)
    assert time.perf_counter() - started < 60
    for m in result.mentions[:50]:
        assert text[m.start : m.end] == m.text

