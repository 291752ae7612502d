"""The Hyperscan and pyahocorasick scanners find exactly the same alias occurrences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skilltrends.crawl.normalize import clean_text
from skilltrends.extract import load_taxonomy
from skilltrends.extract.matcher import SkillMatcher, _lower
from skilltrends.extract.requirements import MARKS, extract_requirements
from skilltrends.extract.rules import NEGATION_HINTS, PHRASE_WORDS, ROLE_HINTS, SENTENCE_HINTS, TEAM_HINTS
from skilltrends.extract.scan import _is_word, hyperscan
from skilltrends.extract.sections import CUE_HINTS

pytestmark = pytest.mark.skipif(hyperscan is None, reason="the hyperscan wheel is not installed (x86-64 only)")

_TAXONOMY = load_taxonomy()
_FAST = SkillMatcher(_TAXONOMY, engine="hyperscan")
_SLOW = SkillMatcher(_TAXONOMY, engine="aho")

# Pieces that make matches, near-matches and tricky neighbours likely.
_PIECES = [
    "Python", "python", "pythonic", "C", "C++", "C#", "c", "R", "R&D", "r", "Go", "go-to", "CI/CD", "ci-cd",
    "machine learning", "Machine-Learning", "scikit-learn", "scikit learn", ".NET", ". net", "tf.keras", "TF",
    "A/B testing", "Spark", "PySpark", "🤗 Transformers", "🤗-transformers", "Transformers", "é", "ü", "İ",
    "ı", "ſ", "’", "•", "-", "/", ".", ",", " ", "\n", "_", "k8s", "K8s", "ML Ops", "MLOps", "Node.js", "node",
    "AWS", "aws", "Azure ML", "sql", "SQL", "NoSQL", "x", "1", "Pytorch", "pytorch2", "C/C++",
    "no ", "not", "n't", "n’t", "without", "team", "non-", "Java developer", "-focused", "is a plus", "preferred",
    "not required", "stand out", "good to have", "Nice to have:", "Lead", "ENGINEER", "led", "lled", "model",
    "mod", "LLMs", "tested", "testtest", "pipelines", "mentoring", "coach", "clean", "infra", "forecast",
    "MS", "M.S.", "MA/", "main ", "BS", "B.Sc", "Ph.D", "PhD", "ph. d", "degree", "5+ years", "yrs", "BA /",
    "Master's", "MBA", "D.Phil", "$150k", "USD 120,000", "required", "preferred", "or equivalent",
    "eur", "EUR 90k", "neural", "aud", "150 CHF", "zł", "9 000 zł", "€", "٣", "self-taught", "in lieu of a degree",
    "\r\n", "\u2028", "Requirements:\n", "Nice to have\n", "# Bonus\n", "  Preferred:\n", "- ",
]


_HINTS = {
    "sentence": SENTENCE_HINTS, "role": (*ROLE_HINTS, "-focus"), "cue": CUE_HINTS, "negation": NEGATION_HINTS,
    "team": TEAM_HINTS,
}


def _same(text: str) -> None:
    low = _lower(text)
    found, marks = _FAST._scan(text, low)
    assert sorted(found) == sorted(_SLOW._scan(text, low)[0]), text
    assert _FAST.find_rows(text) == _SLOW.find_rows(text), text
    if marks is None:
        assert any(ch in low for ch in "İıſ")
        return
    for word in PHRASE_WORDS:  # letters only: marked exactly where they occur
        assert marks.get(word, []) == [at for at in range(len(low)) if low.startswith(word, at)], (text, word)
    for kind, words in _HINTS.items():  # every occurrence of a hint word is marked (marks may hold more)
        for word in words:
            at = low.find(word)
            while at >= 0:
                assert any(at <= mark < at + len(word) for mark in marks.get(kind, [])), (text, word, at)
                at = low.find(word, at + 1)
    for kind, words in MARKS.items():  # every occurrence of a requirements word is marked (marks may hold more)
        for word in words:
            core = word.strip()
            at = low.find(core)
            while at >= 0:
                if not word.startswith(" ") or at == 0 or not _is_word(low[at - 1]):
                    if not (word.endswith(" ") and at + len(core) < len(low) and _is_word(low[at + len(core)])):
                        assert at in marks.get(kind, []), (text, kind, word, at)
                at = low.find(core, at + 1)
        if all(word.isalpha() for word in words):  # letters only: marked exactly where they occur
            assert marks.get(kind, []) == sorted(
                {at for word in words for at in range(len(low)) if low.startswith(word, at)}
            ), (text, kind)
    assert extract_requirements(text, low, marks) == extract_requirements(text), text
    assert extract_requirements(text, low, None) == extract_requirements(text), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_engines_agree_on_pieces(text: str) -> None:
    _same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_engines_agree_on_any_text(text: str) -> None:
    _same(text)


def test_engines_agree_on_the_labelled_postings() -> None:
    folder = Path(__file__).resolve().parents[1] / "data" / "labelled" / "postings"
    texts = [clean_text(path.read_text(encoding="utf-8")) for path in sorted(folder.iterdir())]
    assert len(texts) >= 40
    for text in texts:
        _same(text)
        assert _FAST.find(text) == _SLOW.find(text)


def test_one_matcher_serves_several_threads() -> None:
    """Hyperscan scratch space is per thread: concurrent scans on one matcher give the serial results."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Python, C++ and Go; {i} years with TensorFlow or PyTorch on AWS and k8s. R is a plus." for i in range(200)]
    serial = [_FAST.find_rows(text) for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(_FAST.find_rows, texts)) == serial
