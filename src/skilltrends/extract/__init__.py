"""Extract stage: tag skills (spaCy component over an Aho-Corasick matcher) and requirements in postings.

Public API: `build_nlp`, `extract_posting`, `extract_postings`, `ExtractionPool`, `load_taxonomy`,
`EXTRACTOR_VERSION`.
"""

from __future__ import annotations

from skilltrends.extract.extraction import (
    EXTRACTOR_VERSION,
    ExtractionPool,
    extract_posting,
    extract_postings,
)
from skilltrends.extract.nlp import build_nlp
from skilltrends.extract.taxonomy import Skill, Taxonomy, load_taxonomy

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractionPool",
    "Skill",
    "Taxonomy",
    "build_nlp",
    "extract_posting",
    "extract_postings",
    "load_taxonomy",
]
