"""Extract skills and requirements from posting texts: one at a time, or many across processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language

from skilltrends.extract.matcher import SkillMatcher
from skilltrends.extract.nlp import skill_component
from skilltrends.extract.taxonomy import Taxonomy, load_taxonomy
from skilltrends.models import Degree, Extraction, Mention, Salary

__all__ = ["extract_posting", "extract_postings", "EXTRACTOR_VERSION", "CODE_VERSION", "extractor_version"]

# Bump CODE_VERSION when matching rules change; the taxonomy carries its own version.
CODE_VERSION = "1.0"


def extractor_version(taxonomy: Taxonomy) -> str:
    """Code version + taxonomy version: a change in either means re-tag."""
    return f"skills-{CODE_VERSION}+taxonomy-{taxonomy.version}"


EXTRACTOR_VERSION = extractor_version(load_taxonomy())


_Requirements = Callable[[str], tuple[Degree, float | None, float | None, Salary | None]]
_extract_requirements: _Requirements | None
try:  # written on branch `reqs`; degree/years/salary stay at their defaults without it
    from skilltrends.extract.requirements import extract_requirements as _found

    _extract_requirements = _found
except ImportError:  # pragma: no cover - depends on which branches are merged
    _extract_requirements = None


def _requirements(text: str) -> tuple[Degree, float | None, float | None, Salary | None]:
    if _extract_requirements is None:
        return Degree(), None, None, None
    degree, years_min, years_max, salary = _extract_requirements(text)
    return degree, years_min, years_max, salary


def _extract(matcher: SkillMatcher, text: str, requirements: bool = True) -> Extraction:
    mentions: tuple[Mention, ...] = tuple(matcher.find(text)) if text else ()
    if not requirements or not text or text.isspace():
        return Extraction(mentions=mentions)
    degree, years_min, years_max, salary = _requirements(text)
    return Extraction(
        mentions=mentions, degree=degree, years_min=years_min, years_max=years_max, salary=salary
    )


def extract_posting(
    nlp: Language, text: str, *, title: str | None = None, requirements: bool = True
) -> Extraction:
    """Skills (sorted by offset), degree, years and salary of one posting's plain text.

    Uses the `skill_matcher` component's fast path: the same mentions as `nlp(text)` without a Doc.
    `title` is accepted for callers that have one; skills are tagged in `text` only, so offsets index it.
    `requirements=False` skips degree/years/salary (re-tagging skills after a taxonomy change).
    """
    return _extract(skill_component(nlp).matcher, text or "", requirements)


_WORKER_MATCHER: SkillMatcher | None = None
_WORKER_REQUIREMENTS = True

# What a worker sends back: plain tuples pickle and unpickle several times faster than frozen dataclasses,
# which is most of the cost of moving results between processes.
_Packed = tuple[tuple[tuple[str, str, int, int, str], ...], Degree, float | None, float | None, Salary | None]


def _init_worker(taxonomy: Taxonomy, requirements: bool) -> None:
    global _WORKER_MATCHER, _WORKER_REQUIREMENTS
    _WORKER_MATCHER = SkillMatcher(taxonomy)
    _WORKER_REQUIREMENTS = requirements


def _work(text: str) -> _Packed:
    assert _WORKER_MATCHER is not None
    found = _extract(_WORKER_MATCHER, text or "", _WORKER_REQUIREMENTS)
    mentions = tuple((m.skill_id, m.requirement, m.start, m.end, m.text) for m in found.mentions)
    return mentions, found.degree, found.years_min, found.years_max, found.salary


def _unpack(packed: _Packed, taxonomy: Taxonomy) -> Extraction:
    mentions, degree, years_min, years_max, salary = packed
    skills = taxonomy.skills
    return Extraction(
        mentions=tuple(
            Mention(skill_id, skills[skill_id].name, skills[skill_id].category, requirement, start, end, text)  # type: ignore[arg-type]
            for skill_id, requirement, start, end, text in mentions
        ),
        degree=degree,
        years_min=years_min,
        years_max=years_max,
        salary=salary,
    )


def extract_postings(
    nlp: Language, texts: Iterable[str], *, workers: int = 1, chunksize: int = 64, requirements: bool = True
) -> Iterator[Extraction]:
    """`extract_posting` over many texts, in order; `workers` > 1 spreads them over processes.

    Each worker process builds its own matcher from the pipeline's taxonomy (fork where available).
    """
    component = skill_component(nlp)
    if workers <= 1:
        for text in texts:
            yield _extract(component.matcher, text or "", requirements)
        return
    context: Any = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    taxonomy = component.taxonomy
    with context.Pool(workers, initializer=_init_worker, initargs=(taxonomy, requirements)) as pool:
        for packed in pool.imap(_work, texts, chunksize=chunksize):
            yield _unpack(packed, taxonomy)
