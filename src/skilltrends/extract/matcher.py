"""The skill matcher: an Aho-Corasick pre-scan of the raw text, then context rules on small windows.

Why this shape (measured by benchmarks/extraction_speed.py on 3 KB postings, 2-core machine):
spaCy's tokenizer alone runs at roughly 400 postings/s per core, a bare pyahocorasick scan with this
taxonomy's aliases at several thousand. Tokenising every text would cap us far below the target, so the
matcher works on characters: one automaton over the lower-cased text finds alias candidates; word
boundaries, case for cased aliases (R, C, TF, CV) and leftmost-longest overlap resolution are checked
per candidate; single-letter aliases come from one compiled regex (an automaton key "r" would fire on
every letter r); context rules (skilltrends.extract.rules) read only a window around each candidate;
requirement levels (skilltrends.extract.sections) come from one heading regex per text. No Doc is built.

The spaCy component (skilltrends.extract.skills) calls the same `SkillMatcher.find` on `doc.text`, so
`nlp(text)` and the fast path `extract_posting` produce identical mentions (tested on a corpus).
"""

from __future__ import annotations

import re
from collections import defaultdict

import ahocorasick

from skilltrends.extract.rules import RULES, Candidate, RuleContext, reject_generic, sentence_bounds
from skilltrends.extract.sections import RequirementLevels
from skilltrends.extract.taxonomy import Taxonomy
from skilltrends.models import Mention

__all__ = ["SkillMatcher", "alias_keys"]

# Longer texts are scanned in full but rules stay local; a cap keeps a pathological 10 MB line cheap.
_MAX_RULE_PASSES = 3


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


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

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.automaton = ahocorasick.Automaton()
        single: dict[str, list[tuple[str, str | None]]] = {}
        for key, entries in alias_keys(taxonomy).items():
            if len(key) == 1:
                single[key] = entries
            else:
                self.automaton.add_word(key, (len(key), tuple(entries)))
        self.automaton.make_automaton()
        self._single = single
        letters = "".join(sorted({form for entries in single.values() for _, form in entries if form} | {
            k for k, entries in single.items() if any(form is None for _, form in entries)
        }))
        self._single_re = re.compile(rf"(?<!\w)[{re.escape(letters)}](?!\w)") if letters else None
        self._context = {s.id: s.context for s in taxonomy.skills.values() if s.context}
        self._ruled = {s.id: s.context_aliases for s in taxonomy.skills.values() if s.context}
        unknown = {name for name in self._context.values() if name not in RULES}
        if unknown:
            raise ValueError(f"Unknown context rule(s) {sorted(unknown)}. Available: {', '.join(sorted(RULES))}")

    def candidates(self, text: str) -> list[Candidate]:
        """Alias matches on word boundaries, case-checked, leftmost-longest, before context rules."""
        low = text.lower()
        if len(low) != len(text):  # e.g. "İ" lower-cases to two characters: keep offsets aligned
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        found: list[tuple[int, int, str, bool]] = []
        size = len(text)
        for last, (length, entries) in self.automaton.iter(low):
            start = last - length + 1
            if start > 0 and _is_word(low[start]) and _is_word(low[start - 1]):
                continue
            if last + 1 < size and _is_word(low[last]) and _is_word(low[last + 1]):
                continue
            surface = text[start : last + 1]
            for skill_id, form in entries:
                if form is None or form == surface:
                    found.append((start, last + 1, skill_id, form is not None))
                    break
        if self._single_re is not None:
            for match in self._single_re.finditer(text):
                surface = match.group()
                for skill_id, form in self._single.get(surface.lower(), ()):
                    if form is None or form == surface:
                        found.append((match.start(), match.end(), skill_id, form is not None))
                        break
        found.sort(key=lambda c: (c[0], c[0] - c[1]))
        out: list[Candidate] = []
        reach = -1
        for start, end, skill_id, _ in found:
            if start >= reach:
                surface = text[start:end]
                ruled = skill_id in self._ruled and surface.lower() in self._ruled[skill_id]
                out.append(Candidate(start, end, skill_id, surface, ruled))
                reach = end
        return out

    def find(self, text: str) -> list[Mention]:
        """All accepted skill mentions in `text`, sorted by offset, with requirement levels."""
        if not text or text.isspace():
            return []
        cands = self.candidates(text)
        if not cands:
            return []
        accepted = self._apply_rules(text, cands)
        levels: RequirementLevels | None = None
        skills = self.taxonomy.skills
        mentions: list[Mention] = []
        for cand, skill_id in accepted:
            if reject_generic(text, cand.start, cand.end):
                continue
            if levels is None:
                levels = RequirementLevels(text)
            s_start, s_end = sentence_bounds(text, cand.start, cand.end)
            skill = skills[skill_id]
            mentions.append(
                Mention(
                    skill_id=skill_id,
                    skill=skill.name,
                    category=skill.category,
                    requirement=levels.level(cand.start, cand.end, s_start, s_end),  # type: ignore[arg-type]
                    start=cand.start,
                    end=cand.end,
                    text=cand.text,
                )
            )
        return mentions

    def _apply_rules(self, text: str, cands: list[Candidate]) -> list[tuple[Candidate, str]]:
        """Unruled candidates are accepted; ruled ones are decided, iterating so accepted ones anchor others."""
        anchors = [c for c in cands if not c.ruled]
        decided: dict[int, str] = {}
        pending = [c for c in cands if c.ruled]
        ctx = RuleContext(text, anchors)
        for _ in range(_MAX_RULE_PASSES):
            if not pending:
                break
            still: list[Candidate] = []
            for cand in pending:
                skill_id = RULES[self._context[cand.skill_id]](ctx, cand)
                if skill_id is None:
                    still.append(cand)
                else:
                    decided[id(cand)] = skill_id
            if len(still) == len(pending):
                break
            ctx.anchors = sorted(
                [c for c in cands if not c.ruled or id(c) in decided], key=lambda c: c.start
            )
            pending = still
        return [(c, c.skill_id if not c.ruled else decided[id(c)]) for c in cands if not c.ruled or id(c) in decided]
