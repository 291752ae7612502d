"""Requirement levels read from the scanner's heading marks equal those read from every line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skilltrends.extract import load_taxonomy
from skilltrends.extract.matcher import SkillMatcher, _lower
from skilltrends.extract.rules import fold
from skilltrends.extract.scan import hyperscan
from skilltrends.extract.sections import _HEADING, RequirementLevels, _may_be_heading

pytestmark = pytest.mark.skipif(hyperscan is None, reason="the hyperscan wheel is not installed (x86-64 only)")

_FAST = SkillMatcher(load_taxonomy(), engine="hyperscan")

# Every alternative of the preferred headings, spelled several ways, some required ones, and markup around.
_HEADINGS = [
    "Nice to have", "nice-to-haves", "Nice  to\thave", "Preferred", "Preferred Qualifications", "Bonus",
    "Bonus points", "bonus points if you have", "Pluses", "Plus", "Plusses", "Good to have", "good-to-haves", "good\u00a0to have",
    "Desired", "Desired skills", "Desirable experience", "Extra credit", "extra \u00a0credit", "It's a plus if",
    "it’s a plus if you", "a plus if", "Ideally", "Ideally you have", "What would make you stand out",
    "Makes you  stand out", "make you stand\tout", "You will stand out if", "you stand out if you",
    "Additional qualifications", "additional skills", "Optional", "Optional extras", "Even better",
    "Even better if you", "We'd love it if you", "we would love if you", "love if you", "Not required but nice",
    "not  required  but a plus", "It would be great", "would be nice if you", "would be a plus", "would be ideal",
    "Strong candidates may also have", "You might also have", "candidates could also\thave", "Advantages",
    "Advantageous", "An advantage if you have",
    "Requirements", "Required", "What you'll need", "Who you are", "About us", "Responsibilities", "Benefits",
    "Skills & experience", "Tech stack", "How to apply",
]
_PIECES = [
    *_HEADINGS, "# ", "## ", "**", "__", ":", "：", " (optional)", " (2+)", " ", "  ", "\t", "\n", "\n\n", "\r",
    "\u00a0", "\u2028", "- ", "* ", "• ", "x", "é", "İ", "Python", "Spark is a plus", "we use SQL", "a b c d e f g h",
]


def _same_levels(text: str) -> None:
    low = _lower(text)
    marks = _FAST._scan(text, low)[1]
    if marks is None:
        return  # texts with "İ", "ı" or "ſ": every line is read
    hints = marks.get("heading", [])
    full = RequirementLevels(text, low)
    line_starts = [0, *(at + 1 for at, ch in enumerate(low) if ch == "\n")]
    for until in {0, len(low), *line_starts[1::3]}:
        marked = RequirementLevels(text, low, hints, until)
        for start in line_starts:
            if start <= until:
                assert marked.section_preferred(start) == full.section_preferred(start), (text, until, start)
    # The reason it holds: each line that is a preferred heading holds a heading mark.
    folded = fold(low)
    for start in line_starts:
        end = folded.find("\n", start)
        line = folded[start : end if end >= 0 else len(folded)]
        match = _HEADING.match(line) if _may_be_heading(line, len(line)) else None
        if match is not None and match.group("pref") is not None:
            assert any(start <= at < start + len(line) for at in hints), (text, line)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=16).map("".join))
def test_marked_levels_equal_read_levels(text: str) -> None:
    _same_levels(text)


@pytest.mark.parametrize("heading", _HEADINGS)
def test_each_heading_alone_and_after_text(heading: str) -> None:
    for text in (heading, f"{heading}:\n- Python", f"Intro\n## {heading}\n- Spark\nRequirements\n- SQL\n**{heading}**"):
        _same_levels(text)
        _same_levels(text.upper())

