"""Build the spaCy pipeline that tags skills: blank English, no model download."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from skilltrends.extract.skills import SkillComponent, SkillTokenizer
from skilltrends.extract.taxonomy import Taxonomy

__all__ = ["build_nlp", "skill_component"]


def build_nlp(taxonomy: Taxonomy | str | Path | None = None) -> Language:
    """`spacy.blank("en")` with the aligned tokenizer and the `skill_matcher` component.

    `taxonomy` is a loaded Taxonomy, a path to a taxonomy file, or None for the packaged one.
    """
    nlp = spacy.blank("en")
    nlp.tokenizer = SkillTokenizer(nlp.vocab)
    if isinstance(taxonomy, Taxonomy):
        path = taxonomy.path if taxonomy.path and Path(taxonomy.path).is_file() else None
    else:
        path = str(taxonomy) if taxonomy is not None else None
    nlp.add_pipe("skill_matcher", config={"taxonomy_path": path})
    if isinstance(taxonomy, Taxonomy):
        _set_taxonomy(nlp, taxonomy)  # use the very object given (it may have been edited in memory)
    return nlp


def _set_taxonomy(nlp: Language, taxonomy: Taxonomy) -> None:
    component = skill_component(nlp)
    component.__init__(nlp, component.name, taxonomy=taxonomy)  # type: ignore[misc]


def skill_component(nlp: Language) -> SkillComponent:
    """The pipeline's `skill_matcher` component; a clear error when the pipeline lacks one."""
    if "skill_matcher" not in nlp.pipe_names:
        raise ValueError(
            f"Pipeline has no 'skill_matcher' component (has: {nlp.pipe_names}). Hint: use build_nlp()."
        )
    component = nlp.get_pipe("skill_matcher")
    assert isinstance(component, SkillComponent)
    return component
