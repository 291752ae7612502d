"""The skill matcher: an Aho-Corasick pre-scan of the raw text, then context rules on small windows.

Why this shape (benchmarks/extraction_speed.py, 3 KB postings with ~20 mentions each, a shared 2-core box):
building a spaCy Doc costs more than everything else together — `nlp(text)` with our cheap aligned
tokenizer runs at ~250-370 postings/s, spaCy's default English tokenizer alone at ~400/s — while a bare
pyahocorasick scan with this taxonomy's ~2,200 surface forms runs at 9,000-22,000/s. So the fast path
never tokenises: one automaton over the lower-cased text finds alias candidates; word boundaries, case
for cased aliases (R, C, TF, CV) and leftmost-longest overlap are checked per hit; single letters (R, C)
are found with str.find (an automaton key "r" fires on every letter r, and a look-behind regex scanned
slower than the whole automaton); context rules (skilltrends.extract.rules) read only a window around
each candidate; sentence bounds come from str.find/rfind near the mention and are reused while
mentions stay in the sentence; sentence-level checks (negation, another team's stack, preference cues)
first test a cheap substring hint and cache per sentence; headings are matched only on short,
non-bullet lines; per automaton key, whether its ends are word characters and the skill id of a
case-insensitive first entry are precomputed. Measured by benchmarks/extraction_speed.py (same run, shared
2-core box, load average 2.5-6): skills-only tagging runs at 0.07-0.14 of the bare scan (~185 us CPU per
1.2 KB sample-market posting, ~340 us per 3 KB synthetic one) — short of the 0.3 aimed for; what remains is
per-mention Python in the context rules, sentence bounds, rejects and requirement levels
(skilltrends.extract.rules, .sections), ~10-14 us a mention all told. `extract_posting` also runs
`requirements.extract_requirements`, now gated by substring pre-checks (~50 us on text that states no
requirement, ~350 us on a sample-market posting that does); `requirements=False` skips it when re-tagging.
Worker processes (`extraction.ExtractionPool`) call `find_rows`, which returns plain tuples.

The spaCy component (skilltrends.extract.skills) calls the same `SkillMatcher.find` on `doc.text`, so
`nlp(text)` and the fast path `extract_posting` produce identical mentions (tested on a corpus and on
arbitrary text with Hypothesis).
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Callable

from skilltrends.extract.requirements import MARKS as REQUIREMENT_MARKS
from skilltrends.extract.rules import (
    PHRASE_WORDS,
    ROLE_HINTS,
    RULES,
    SENTENCE_HINTS,
    Candidate,
    RuleContext,
    TextIndex,
    find_phrases,
    lower,
    merge_phrases,
)
from skilltrends.extract.scan import Marks, key_info, scanner
from skilltrends.extract.sections import CUE_HINTS, RequirementLevels
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


def _variants(alias: str) -> list[str]:
    """Spelling variants generated for every alias: hyphen <-> space ("scikit-learn" / "scikit learn")."""
    out = [alias]
    if "-" in alias:
        out.append(alias.replace("-", " "))
    if " " in alias:
        out.append(alias.replace(" ", "-"))
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
        marks = {"sentence": SENTENCE_HINTS, "role": (*ROLE_HINTS, "-focus"), "cue": CUE_HINTS}
        marks.update({word: (word,) for word in PHRASE_WORDS})  # letters only: marked exactly where they occur
        marks.update(REQUIREMENT_MARKS)  # for extract_requirements (see scan_rows)
        self._scan = scanner(keys, marks=marks, engine=engine)
        self._info = {s.id: (s.name, s.category) for s in taxonomy.skills.values()}
        self._context = {s.id: s.context for s in taxonomy.skills.values() if s.context}
        self._ruled = {s.id: s.context_aliases for s in taxonomy.skills.values() if s.context}
        unknown = {name for name in self._context.values() if name not in RULES}
        if unknown:
            raise ValueError(
                f"Unknown context rule(s) {sorted(unknown)}. Available: {', '.join(sorted(RULES))}"
            )

    def candidates(self, text: str, low: str | None = None) -> list[Candidate]:
        """Alias matches on word boundaries, case-checked, leftmost-longest, before context rules."""
        if low is None:
            low = _lower(text)
        return self._candidates(text, low, self._scan(text, low)[0])

    def _candidates(self, text: str, low: str, found: list[tuple[int, int, str]]) -> list[Candidate]:
        found.sort()
        out: list[Candidate] = []
        reach = -1
        ruled = self._ruled
        for start, neg_end, skill_id in found:
            if start >= reach:
                end = -neg_end
                forms = ruled.get(skill_id)
                out.append(
                    Candidate(
                        start, end, skill_id, text[start:end], forms is not None and low[start:end] in forms
                    )
                )
                reach = end
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
        words = None if marks is None else {word: marks[word] for word in PHRASE_WORDS if word in marks}
        phrases = find_phrases(text, low, words)
        if not cands and not phrases:
            return [], marks
        index = TextIndex(text, low)
        accepted = merge_phrases(self._apply_rules(text, cands, index) if cands else [], phrases, index)
        return _finish(text, low, index, accepted, self._info, marks), marks

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
    info: dict[str, tuple[str, str]],
    marks: Marks | None = None,
) -> list[MentionRow]:
    """Accepted candidates minus generic rejects, with requirement levels, as Mention rows.

    `marks` (from the scanner): where hint words may occur; without them each line is searched."""
    levels = RequirementLevels(text, low)
    sentence, rejects, level = index.sentence, index.rejects, levels.level
    line, quiet_rejects, line_level = index.line, index.rejects_in_quiet_line, levels.line
    found: list[MentionRow] = []
    append = found.append
    if marks is not None:
        sentence_marks, role_marks, cue_marks = (marks.get(kind, _NONE) for kind in ("sentence", "role", "cue"))
    s_start, s_end = 0, -1
    l_start = l_end = -1
    hint = roles = cue = False
    section = "required"
    # Facts are read per line (sentences never cross one): most lines hold no negation, team or cue
    # hint, and their mentions need neither sentence bounds nor sentence-level checks.
    for cand, skill_id in accepted:
        start, end = cand.start, cand.end
        if start < l_start or end > l_end:
            if marks is None:
                l_start, l_end, hint, roles = line(start, end)
                preferred, cue = line_level(l_start, l_end)
            else:
                l_start = text.rfind("\n", 0, start) + 1
                l_end = text.find("\n", end)
                if l_end < 0:
                    l_end = len(text)
                hint = _within(sentence_marks, l_start, l_end)
                roles = _within(role_marks, l_start, l_end)
                cue = _within(cue_marks, l_start, l_end)
                preferred = levels.section_preferred(l_start)
            section = "preferred" if preferred else "required"
        if hint or cue:
            if start < s_start or end > s_end:
                s_start, s_end = sentence(start, end)
            if rejects(start, end, s_start, s_end) if hint else quiet_rejects(start, end, roles):
                continue
            requirement = level(start, end, s_start, s_end) if cue else section
            append((skill_id, *info[skill_id], requirement, start, end, cand.text))
        elif not quiet_rejects(start, end, roles):
            append((skill_id, *info[skill_id], section, start, end, cand.text))
    return found


_NONE: list[int] = []


def _within(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a start in the sorted `starts` lies in [lo, hi)."""
    at = bisect.bisect_left(starts, lo)
    return at < len(starts) and starts[at] < hi


def _near(starts: list[int], position: int) -> bool:
    at = bisect.bisect_left(starts, position - _NEAR)
    return at < len(starts) and starts[at] <= position + _NEAR


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_lower = lower  # text.lower() with offsets kept
