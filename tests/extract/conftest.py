"""Fixtures for the extract stage: one pipeline per session (building it reads the taxonomy)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from skilltrends.extract import build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()
