"""The skill matcher: one scan of the raw text for alias candidates and hint words, then context rules.

Why this shape (benchmarks/extraction_speed.py, same run, 2-core box): building a spaCy Doc costs more than
everything else together (`nlp(text)` ~400-700 postings/s), so the fast path never tokenises.

1. One scan (skilltrends.extract.scan): Hyperscan, where its wheel exists, finds every alias on word
   boundaries in C and, in the same pass, "marks" where hint words may occur — negation/team words, role
   nouns, preference cues (for `_finish`), the phrase rules' words, the degree/years words (for
   requirements.extract_requirements). Elsewhere pyahocorasick finds the same aliases and the marks are
   None: each consumer then searches the text itself. Case for cased aliases (R, C, TF, CV) is checked
   per hit; leftmost-longest overlap after sorting.
2. Context rules (skilltrends.extract.rules) read only a window around ambiguous candidates, with
   case-sensitive patterns over the folded lower-case text (2-5x faster than IGNORECASE).
3. `_finish` reads facts per line (sentences never cross one): a line without negation, team or cue marks
   needs no sentence bounds and no sentence-level check; requirement levels come from the headings above
   (skilltrends.extract.sections) and cue phrases in the sentence.

Speed work is checked byte for byte by benchmarks/extraction_golden.py (3,860 texts incl. SkillSpan's real
postings, both scan engines). Worker processes (`extraction.ExtractionPool`) call `scan_rows`, which returns
plain tuples; `as_mention` makes them Mentions without a Python call each.

The spaCy component (skilltrends.extract.skills) calls the same `SkillMatcher.find` on `doc.text`, so
`nlp(text)` and the fast path `extract_posting` produce identical mentions (tested on a corpus and on
arbitrary text with Hypothesis).
"""
from __future__ import annotations

import bisect
import functools
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable

from skilltrends.extract.requirements import MARKS as REQUIREMENT_MARKS
from skilltrends.extract.rules import (
    APOSTROPHE_HINTS,
    NEGATION_MARKED,
    PHRASE_WORDS,
    ROLE_HINTS,
    RULES,
    TEAM_HINTS,
    URL_CHARS,
    Candidate,
    RuleContext,
    TextIndex,
    find_phrases,
    lower,
    merge_phrases,
)
from skilltrends.extract.scan import Marks, key_info, scanner
from skilltrends.extract.sections import CUE_HINTS, HEADING_HINTS, TAG_HINTS, RequirementLevels, defer_tag_lines
from skilltrends.extract.taxonomy import Taxonomy
from skilltrends.models import Mention

__all__ = ["SkillMatcher", "alias_keys", "as_mention", "MentionRow"]

# A Mention as a plain tuple (skill id, skill, category, requirement, start, end, text), and the C-level
# constructor that makes one a Mention (tuple.__new__ on the NamedTuple: no Python frame per mention).
MentionRow = tuple[str, str, str, str, int, int, str]
as_mention: Callable[[MentionRow], Mention] = functools.partial(tuple.__new__, Mention)

# Longer texts are scanned in full but rules stay local; a cap keeps a pathological 10 MB line cheap.
_MAX_RULE_PASSES = 3
_NEAR = 60


# The taxonomy's aliases are spelt the American way; their British forms are generated ("mathematical
# optimisation", "uplift modelling", "tokeniser"): American to British only, and only the suffixed forms
# (-ization, -izing, -ized, -izer, -yze, modeling, labeling), so the product "Arize" never becomes "arise".
_BRITISH = re.compile(r"(?<=[a-z])(?:iz(?=(?:ations?|ing|ed|ers?)\b)|yz(?=(?:e|ed|ing)\b)|(?<=model|label)(?=ing\b))")


def _british(match: re.Match[str]) -> str:
    return "l" if not match.group() else match.group().replace("z", "s")


def _variants(alias: str) -> list[str]:
    """Spelling variants generated for every alias: hyphen <-> space ("scikit-learn" / "scikit learn"), and the
    British form of an American one ("price optimization" / "price optimisation")."""
    out = [alias]
    if "-" in alias:
        out.append(alias.replace("-", " "))
    if " " in alias:
        out.append(alias.replace(" ", "-"))
    if (british := _BRITISH.sub(_british, alias)) != alias:
        out += _variants(british)
    return out


def alias_keys(taxonomy: Taxonomy) -> dict[str, list[tuple[str, str | None]]]:
    """Lower-cased surface form -> [(skill id, exact-case form or None)], explicit aliases before variants."""
    keys: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for skill in taxonomy.skills.values():
        for alias in skill.insensitive_aliases():
            keys[alias].append((skill.id, None))
        for cased in skill.cased_aliases:
            keys[cased.lower()].append((skill.id, cased))
    explicit = set(keys)
    for skill in taxonomy.skills.values():
        for alias in skill.insensitive_aliases():
            for variant in _variants(alias)[1:]:
                if variant not in explicit:
                    keys[variant].append((skill.id, None))
    return dict(keys)


class SkillMatcher:
    """Finds skill mentions in raw text; stateless after construction, safe to share across calls."""

    def __init__(self, taxonomy: Taxonomy, *, engine: str | None = None) -> None:
        self.taxonomy = taxonomy
        keys = {key: key_info(key, entries) for key, entries in alias_keys(taxonomy).items()}
        # Hyperscan where installed (see skilltrends.extract.scan), with the hint words `_finish` reads.
        marks = {
            "sentence": NEGATION_MARKED + TEAM_HINTS, "role": (*ROLE_HINTS, "-focus"), "cue": CUE_HINTS,
            "heading": HEADING_HINTS,
            # the two halves of "sentence", for `TextIndex.hints` (the same scanned words: no extra matches)
            "negation": NEGATION_MARKED, "team": TEAM_HINTS,
            "tagline": TAG_HINTS,  # where a keyword tag line may start (see `defer_tag_lines`)
        }
        # no kind is named as a phrase word: scan_rows hands the marks to find_phrases as its `words`
        assert not set(PHRASE_WORDS) & (set(marks) | set(REQUIREMENT_MARKS))
        marks.update({word: (word,) for word in PHRASE_WORDS})  # letters only: marked exactly where they occur
        marks.update(REQUIREMENT_MARKS)  # for extract_requirements (see scan_rows)
        self._scan = scanner(keys, marks=marks, engine=engine)
        self._info = {s.id: (s.id, s.name, s.category) for s in taxonomy.skills.values()}  # a row's first fields
        self._context = {s.id: s.context for s in taxonomy.skills.values() if s.context}
        self._ruled = {s.id: s.context_aliases for s in taxonomy.skills.values() if s.context}
        self._contains = {s.id: s.contains for s in taxonomy.skills.values() if s.contains}
        self._implies = {s.id: s.implies for s in taxonomy.skills.values() if s.implies}
        # (context aliases, contains, implies) of the skills with any of them, for one look-up per alias hit
        self._special = {
            skill_id: (self._ruled.get(skill_id), self._contains.get(skill_id), self._implies.get(skill_id))
            for skill_id in {*self._ruled, *self._contains, *self._implies}
        }
        unknown = {name for name in self._context.values() if name not in RULES}
        if unknown:
            raise ValueError(
                f"Unknown context rule(s) {sorted(unknown)}. Available: {', '.join(sorted(RULES))}"
            )

    def candidates(self, text: str, low: str | None = None) -> list[Candidate]:
        """Alias matches on word boundaries, case-checked, leftmost-longest, before context rules; inside a match,
        the matches of the skills its skill `contains` ("AWS" in "AWS SageMaker") follow it."""
        if low is None:
            low = _lower(text)
        return self._candidates(text, low, self._scan(text, low)[0])

    def _candidates(self, text: str, low: str, found: list[tuple[int, int, str]]) -> list[Candidate]:
        found.sort()
        out: list[Candidate] = []
        append = out.append
        reach = -1
        special = self._special
        keep: frozenset[str] | None = None
        for start, neg_end, skill_id in found:
            end = -neg_end
            facts = special.get(skill_id)  # most skills have no context rule, contained or implied skill
            if start >= reach:
                reach, keep = end, None if facts is None else facts[1]
            elif keep is None or skill_id not in keep or end > reach:
                continue  # inside the match before it, which does not name this skill too
            if facts is None:
                append(_candidate((start, end, skill_id, text[start:end], False)))
                continue
            forms, _, implied = facts
            ruled_here = forms is not None and low[start:end] in forms
            append(_candidate((start, end, skill_id, text[start:end], ruled_here)))
            if implied is not None and (also := implied.get(low[start:end])) is not None:
                for other in sorted(also):  # "AKS": Kubernetes too, at the same offsets
                    append(_candidate((start, end, other, text[start:end], False)))
        return out

    def find(self, text: str) -> list[Mention]:
        """All accepted skill mentions in `text`, sorted by offset, with requirement levels."""
        return list(map(as_mention, self.find_rows(text)))

    def find_rows(self, text: str, low: str | None = None) -> list[MentionRow]:
        """`find` as plain tuples in Mention's field order: cheap to send between processes, and turned into
        Mentions by `as_mention` without a Python call each. `low`: the text lower-cased by `rules.lower`."""
        return self.scan_rows(text, low)[0]

    def scan_rows(self, text: str, low: str | None = None) -> tuple[list[MentionRow], Marks | None]:
        """`find_rows`, and the scanner's marks (None from the pyahocorasick engine): what
        `requirements.extract_requirements` takes as `marks`."""
        if not text or text.isspace():
            return [], None
        if low is None:
            low = _lower(text)
        found, marks = self._scan(text, low)
        cands = self._candidates(text, low, found)
        # The marks hold each of PHRASE_WORDS that occurs under its own name (with other kinds, whose names are no
        # phrase word): find_phrases looks words up by name only, so they serve as its `words` as they are.
        phrases = find_phrases(text, low, marks)
        if not cands and not phrases:
            return [], marks
        index = TextIndex(text, low, marks)
        accepted = merge_phrases(self._apply_rules(text, cands, index) if cands else [], phrases, index)
        rows = _finish(text, low, index, accepted, self._info, marks)
        if "tagline" in marks if marks is not None else any(hint in low for hint in TAG_HINTS):
            rows = defer_tag_lines(low, rows)
        return rows, marks

    def _apply_rules(
        self, text: str, cands: list[Candidate], index: TextIndex
    ) -> list[tuple[Candidate, str]]:
        """Unruled candidates are accepted; ruled ones are decided in passes (accepted ones anchor others)."""
        pending = [c for c in cands if c.ruled]
        if not pending:
            return [(c, c.skill_id) for c in cands]
        decided: dict[int, str] = {}
        ctx = RuleContext(text, [c for c in cands if not c.ruled], index)
        for _ in range(_MAX_RULE_PASSES):
            still: list[Candidate] = []
            fresh: list[Candidate] = []
            for cand in pending:
                skill_id = RULES[self._context[cand.skill_id]](ctx, cand)
                if skill_id is None:
                    still.append(cand)
                else:
                    decided[id(cand)] = skill_id
                    fresh.append(cand)
            if not still or not fresh:
                break
            # Another pass only for rejected candidates that a newly accepted one could now support.
            ctx.anchors = [c for c in cands if not c.ruled or id(c) in decided]
            fresh_starts = [c.start for c in fresh]
            pending = [c for c in still if _near(fresh_starts, c.start)]
        return [
            (c, c.skill_id if not c.ruled else decided[id(c)])
            for c in cands
            if not c.ruled or id(c) in decided
        ]


def _finish(
    text: str,
    low: str,
    index: TextIndex,
    accepted: list[tuple[Candidate, str]],
    info: dict[str, tuple[str, str, str]],
    marks: Marks | None = None,
) -> list[MentionRow]:
    """Accepted candidates minus generic rejects, with requirement levels, as Mention rows.

    `info`: skill id -> (skill id, name, category). `marks` (from the scanner): where hint words may occur;
    without them each line is searched."""
    # Mentions come by offset: no line below the last one's is asked about.
    levels = RequirementLevels(
        text,
        low,
        None if marks is None else marks.get("heading", _NONE),
        accepted[-1][0].start if accepted else 0,
        None if marks is None else marks.get("cue", _NONE),
    )
    sentence, rejects, has_cue = index.sentence, index.rejects, levels.has_cue
    line, quiet_rejects, line_level = index.line, index.rejects_in_quiet_line, levels.line
    cells, cell_level = levels.cells, levels.cell_level
    found: list[MentionRow] = []
    append = found.append
    if marks is not None:
        sentence_marks, role_marks, cue_marks = (marks.get(kind, _NONE) for kind in ("sentence", "role", "cue"))
    size = len(text)
    s_start, s_end = 0, -1
    l_start = l_end = -1
    hint = roles = cue = False
    section = "required"
    # Facts are read per line (sentences never cross one): most lines hold no negation, team or cue
    # hint, and their mentions need neither sentence bounds nor sentence-level checks. `preferred`, the
    # line's section, is what `levels.level` would look up for each mention (headings start lines).
    for (start, end, _, surface, _), skill_id in accepted:  # a Candidate's fields
        if start < l_start or end > l_end:
            if marks is None:
                l_start, l_end, hint, roles = line(start, end)
                preferred, cue = line_level(l_start, l_end)
            else:
                l_start, l_end = index.line_bounds(start, end)
                # a mark in [l_start, l_end): bisect, written out (this runs once per line with mentions)
                # a negation or team word in the line (the marked ones, and those with an apostrophe)
                at = bisect_left(sentence_marks, l_start)
                hint = (at < len(sentence_marks) and sentence_marks[at] < l_end) or (
                    index.apostrophes and any(low.find(word, l_start, l_end) >= 0 for word in APOSTROPHE_HINTS)
                )
                at = bisect_left(role_marks, l_start)
                roles = at < len(role_marks) and role_marks[at] < l_end
                at = bisect_left(cue_marks, l_start)
                cue = at < len(cue_marks) and cue_marks[at] < l_end
                preferred = levels.section_preferred(l_start)
            section = "preferred" if preferred else "required"
        if hint:
            if start < s_start or end > s_end:
                s_start, s_end = sentence(start, end)
            if rejects(start, end, s_start, s_end):
                continue
            requirement = "preferred" if cue and (preferred or has_cue(start, s_start, s_end)) else section
        else:
            # `rejects_in_quiet_line` can only reject next to URL characters or before a role's separator
            after = text[end] if end < size else ""
            if (
                (start and text[start - 1] in URL_CHARS)
                or after in URL_CHARS
                or (roles and after in " \t-/" and after)
            ) and quiet_rejects(start, end, roles):
                continue
            if cue:  # a cue in the mention's sentence makes it preferred
                if start < s_start or end > s_end:
                    s_start, s_end = sentence(start, end)
                requirement = "preferred" if preferred or has_cue(start, s_start, s_end) else "required"
            else:
                requirement = section
        if cells and (cell := cell_level(start)) is not None:
            requirement = cell
        append(info[skill_id] + (requirement, start, end, surface))
    return found


_NONE: list[int] = []
# Candidate(*fields) without the NamedTuple's Python-level __new__ (one per alias occurrence).
_candidate: Callable[[tuple[int, int, str, str, bool]], Candidate] = functools.partial(tuple.__new__, Candidate)


def _near(starts: list[int], position: int) -> bool:
    at = bisect.bisect_left(starts, position - _NEAR)
    return at < len(starts) and starts[at] <= position + _NEAR


_lower = lower  # text.lower() with offsets kept
