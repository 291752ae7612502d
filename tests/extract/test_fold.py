"""`_fx` patterns on folded text match exactly where the IGNORECASE originals match on the text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from skilltrends.extract import rules
from skilltrends.extract.matcher import _lower

_PATTERNS = [
    r"\b(?:hiv|covid\w*|virus|SE|penetration)\b",
    r"\b(?:strong|excellent)\b(?:\s+(?:\w+\s+)?(?:and|&|,)\s*\w+)?[\s,]+(?:\w+\s+)?$",
    r"^\s*(?:models?|engineers?|/\s*(?:ml|nlp|dl))\b",
    r"\bas\s+an?\s+\S+\s+[A-Z]\w*",
]
_TEXTS = [
    "Experience with PENETRATION testing", "HIV testing", "SE attack", "İstanbul Sı Strong and clear, ",
    "ſtrong and clear  ", " Models for CV", "As An ML Engineer", "as a Data Scientist", "Kelvin: K models",
]


def _both(pattern: str, text: str) -> tuple[object, object]:
    icase = re.compile(pattern, re.IGNORECASE).search(text)
    folded = rules._fx(pattern).search(rules.fold(_lower(text)))
    return (icase and icase.span()), (folded and folded.span())


def test_fx_matches_like_ignorecase_on_examples() -> None:
    for pattern in _PATTERNS:
        for text in _TEXTS:
            icase, folded = _both(pattern, text)
            assert icase == folded, (pattern, text)


def test_fx_keeps_escapes() -> None:
    assert rules._fx(r"\B\S\W\D[A-Z](?P<Name>X)(?P=Name)").pattern == r"\B\S\W\D[a-z](?P<Name>x)(?P=Name)"


@given(st.text(alphabet=st.sampled_from(list("aAsSiIkKeEnN İıſK\n-,.&/:")), max_size=40))
def test_fx_matches_like_ignorecase(text: str) -> None:
    for pattern in (r"\b(?:sink|SE|kin)\b", r"\bas\s+an?\s+$", r"(?:nike|skis)\W+\w*$"):
        icase, folded = _both(pattern, text)
        assert icase == folded, (pattern, text)


def _plain_lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


_LOWER_PIECES = ["A", "z", "’", "•", "É", "é", "Σ", "ΑΣ ", "İ", "ı", "ß", "ẞ", "\ud800", "K", "🤗", " "]


@given(st.text() | st.lists(st.sampled_from(_LOWER_PIECES)).map("".join))
def test_lower_is_the_plain_lower(text: str) -> None:
    assert rules.lower(text) == _plain_lower(text)
