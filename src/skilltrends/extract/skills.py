"""spaCy integration: the `skill_matcher` component and a tokenizer whose tokens align with mentions.

`nlp(text)` fills `doc.spans["skills"]` (label = skill id; `span._.skill`, `span._.skill_id`,
`span._.category`, `span._.requirement`) and `doc._.skill_mentions` (the same mentions as
`skilltrends.models.Mention`). The component runs `SkillMatcher.find` on `doc.text`, the same code as
the fast path, so both agree; the tokenizer splits at every word/punctuation boundary so that every
mention is a whole-token span (spaCy's default English tokenizer keeps "C++17" or "tf.keras" whole).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.vocab import Vocab

from skilltrends.extract.matcher import SkillMatcher
from skilltrends.extract.taxonomy import Taxonomy, load_taxonomy
from skilltrends.models import Mention

__all__ = ["SkillComponent", "SkillTokenizer", "SPANS_KEY"]

SPANS_KEY = "skills"

if not Doc.has_extension("skill_mentions"):
    Doc.set_extension("skill_mentions", default=())


def _mention_of(span: Span) -> Mention | None:
    """The mention a span of SPANS_KEY stands for: the one at its offsets with its label. (spaCy keys a span's
    extension values by its offsets alone, so two skills of one alias, "AKS" as Azure and Kubernetes, would share
    them; read through the doc's mentions instead.)"""
    mentions: tuple[Mention, ...] = span.doc._.skill_mentions
    at = bisect.bisect_left(mentions, span.start_char, key=lambda m: m.start)  # mentions are sorted by start
    while at < len(mentions) and mentions[at].start == span.start_char:
        mention = mentions[at]
        if mention.end == span.end_char and mention.skill_id == span.label_:
            return mention
        at += 1
    return None


def _getter(field: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        mention = _mention_of(span)
        return None if mention is None else getattr(mention, field)

    return get


for _name in ("skill", "skill_id", "category", "requirement"):
    Span.set_extension(_name, getter=_getter(_name), force=True)

_PIECES = re.compile(r"\w+|\s+|[^\w\s]")


class SkillTokenizer:
    """Words, single punctuation characters and whitespace runs; cheap, and aligned with mention offsets."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for piece in _PIECES.findall(text):
            if piece[0].isspace():
                if words and not spaces[-1] and not words[-1][0].isspace() and piece[0] == " ":
                    spaces[-1] = True
                    piece = piece[1:]
                if piece:
                    words.append(piece)
                    spaces.append(False)
            else:
                words.append(piece)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> SkillTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> SkillTokenizer:
        return self


class SkillComponent:
    """Tags skill mentions; `matcher` is public so `extract_posting` can take the fast path."""

    def __init__(self, nlp: Language, name: str, *, taxonomy: Taxonomy) -> None:
        self.name = name
        self.taxonomy = taxonomy
        self.matcher = SkillMatcher(taxonomy)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.matcher.find(doc.text)
        spans: list[Span] = []
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, label=mention.skill_id, alignment_mode="expand")
            if span is None:  # unreachable with SkillTokenizer; other tokenizers may not align
                continue
            spans.append(span)
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
        doc._.skill_mentions = tuple(mentions)
        return doc

    def mentions(self, text: str) -> list[Mention]:
        """The fast path: the same mentions as `nlp(text)`, without building a Doc."""
        return self.matcher.find(text)


@Language.factory("skill_matcher", default_config={"taxonomy_path": None})
def make_skill_matcher(nlp: Language, name: str, taxonomy_path: str | None) -> SkillComponent:
    """spaCy factory: config takes a taxonomy path (None: the packaged skills.json)."""
    return SkillComponent(nlp, name, taxonomy=load_taxonomy(taxonomy_path))
