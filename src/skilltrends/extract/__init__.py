"""Extract stage: tag skills (spaCy component over an Aho-Corasick matcher) and requirements in postings.

Public API: `build_nlp`, `extract_posting`, `extract_postings`, `ExtractionPool`, `load_taxonomy`,
`EXTRACTOR_VERSION`. The hot path may run compiled (`make compile`, skilltrends.extract.native).
"""

from __future__ import annotations

from skilltrends.extract import native

if native.usable()[0]:  # the mypyc build of the hot path, when `make compile` made one from these sources
    __path__.insert(0, str(native.COMPILED_DIR))

from skilltrends.extract.extraction import (  # noqa: E402 - after __path__ is settled
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
