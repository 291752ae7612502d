"""Extract skills and requirements from posting texts: one at a time, or many across processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from skilltrends.extract.matcher import MentionRow, SkillMatcher, as_mention
from skilltrends.extract.nlp import skill_component
from skilltrends.extract.requirements import extract_requirements
from skilltrends.extract.rules import lower
from skilltrends.extract.taxonomy import Taxonomy, load_taxonomy
from skilltrends.models import Degree, Extraction, Salary

__all__ = [
    "ExtractionPool",
    "extract_posting",
    "extract_postings",
    "EXTRACTOR_VERSION",
    "CODE_VERSION",
    "extractor_version",
]

# Bump CODE_VERSION when matching rules change; the taxonomy carries its own version.
CODE_VERSION = "1.2"


def extractor_version(taxonomy: Taxonomy) -> str:
    """Code version + taxonomy version: a change in either means re-tag."""
    return f"skills-{CODE_VERSION}+taxonomy-{taxonomy.version}"


EXTRACTOR_VERSION = extractor_version(load_taxonomy())


def _parts(
    matcher: SkillMatcher, text: str, requirements: bool
) -> tuple[list[MentionRow], tuple[Degree, float | None, float | None, Salary | None] | None]:
    """Mention rows, and (degree, years min, years max, salary) unless `requirements` is False or the text
    is blank."""
    if not text or text.isspace():
        return [], None
    low = lower(text)  # shared by the matcher and the requirements (lower() of a non-ASCII text is not free)
    rows, marks = matcher.scan_rows(text, low)
    return rows, extract_requirements(text, low, marks) if requirements else None


def _extract(matcher: SkillMatcher, text: str, requirements: bool = True) -> Extraction:
    rows, found = _parts(matcher, text, requirements)
    mentions = tuple(map(as_mention, rows))
    if found is None:
        return Extraction(mentions=mentions)
    degree, years_min, years_max, salary = found
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

# What a worker sends back: plain tuples pickle and unpickle several times faster than frozen dataclasses
# (slotted frozen dataclasses unpickle through a Python-level __setstate__), and unpickling happens in the
# parent, which would otherwise become the bottleneck with two or more workers.
_Packed = tuple[
    list[MentionRow],
    tuple[str | None, tuple[str, ...], bool],
    float | None,
    float | None,
    tuple[float | None, float | None, str | None, str | None] | None,
]


def _init_worker(taxonomy: Taxonomy) -> None:
    global _WORKER_MATCHER
    _WORKER_MATCHER = SkillMatcher(taxonomy)


def _work(task: tuple[bool, list[str]]) -> list[_Packed]:
    """`_extract` for a chunk of texts, packed (the Mentions are built once, in the parent)."""
    assert _WORKER_MATCHER is not None
    requirements, texts = task
    out: list[_Packed] = []
    for text in texts:
        mentions, found = _parts(_WORKER_MATCHER, text or "", requirements)
        if found is None:
            out.append((mentions, _NO_DEGREE_PACKED, None, None, None))
            continue
        degree, years_min, years_max, salary = found
        out.append(
            (
                mentions,
                (degree.min_level, degree.fields, degree.equivalent_experience_ok),
                years_min,
                years_max,
                None if salary is None else (salary.min, salary.max, salary.currency, salary.period),
            )
        )
    return out


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for text in texts:
        chunk.append(text)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class ExtractionPool:
    """Worker processes that run `extract_posting`; open one and reuse it across batches.

    Each worker builds its matcher once, from the pipeline's taxonomy (passed at start, never per task);
    tasks carry only chunks of texts, results come back as plain tuples. Starting a pool costs ~0.1-0.2 s,
    as much as tagging a few hundred postings, so callers that work in batches keep one open.
    """

    def __init__(self, nlp: Language, *, workers: int, chunksize: int = 128) -> None:
        self.taxonomy = skill_component(nlp).taxonomy
        self.chunksize = max(1, chunksize)
        context: Any = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        )
        self._pool = context.Pool(workers, initializer=_init_worker, initargs=(self.taxonomy,))

    def extract(self, texts: Iterable[str], *, requirements: bool = True) -> Iterator[Extraction]:
        """`extract_posting` over `texts`, in order."""
        tasks = ((requirements, chunk) for chunk in _chunks(texts, self.chunksize))
        for packed in self._pool.imap(_work, tasks):
            for item in packed:
                yield _unpack(item)

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        else:
            self._pool.terminate()


def _unpack(packed: _Packed) -> Extraction:
    mentions, degree, years_min, years_max, salary = packed
    return Extraction(
        mentions=tuple(map(as_mention, mentions)),
        degree=_NO_DEGREE if degree == _NO_DEGREE_PACKED else Degree(*degree),
        years_min=years_min,
        years_max=years_max,
        salary=None if salary is None else Salary(*salary),
    )


_NO_DEGREE = Degree()
_NO_DEGREE_PACKED = (None, (), False)


def extract_postings(
    nlp: Language,
    texts: Iterable[str],
    *,
    workers: int = 1,
    chunksize: int = 64,
    requirements: bool = True,
    pool: ExtractionPool | None = None,
) -> Iterator[Extraction]:
    """`extract_posting` over many texts, in order; `workers` > 1 spreads them over processes.

    With `pool` (an open `ExtractionPool`), its workers are used and `workers`/`chunksize` are ignored;
    otherwise a pool is started for this call and closed after it.
    """
    if pool is not None:
        yield from pool.extract(texts, requirements=requirements)
        return
    if workers <= 1:
        matcher = skill_component(nlp).matcher
        for text in texts:
            yield _extract(matcher, text or "", requirements)
        return
    with ExtractionPool(nlp, workers=workers, chunksize=chunksize) as own:
        yield from own.extract(texts, requirements=requirements)
