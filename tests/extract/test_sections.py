"""Requirement levels read from the scanner's heading marks equal those read from every line."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skilltrends.extract import load_taxonomy, sections
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
    "Skills & experience", "Tech stack", "How to apply", "Highly regarded", "Some other highly valued skills may include",
    "Job skills", "Accountabilities", "Purpose of the role", "Vice President Expectations",
    "Principal duties and responsibilities",
    # "You might thrive if": preferred after the qualifications, else the qualifications
    "You might thrive if", "You might be a good fit if you", "You'll thrive here if", "You may be a great fit if...",
    "What you'll bring", "You might thrive in this role if you",
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
        if match is not None and (match.group("pref") is not None or match.group("fit") is not None):
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



# --- _cue_span: the cue patterns read only around the scan's cue marks -------------------------------------


def _expand(items: list[tuple[object, object]]) -> set[str]:
    """Strings a parsed pattern matches (a sample: whitespace as one or two spaces, each class by one member,
    repeats up to twice; assertions ignored — the caller keeps the strings the pattern fullmatches)."""
    import re._constants as c  # noqa: PLC0415 - the parser's own vocabulary, only needed here

    def chars(av: list[tuple[object, object]]) -> list[str]:
        out: list[str] = []
        for op, arg in av:
            if op is c.NEGATE:
                return ["x"]
            if op is c.LITERAL:
                out.append(chr(arg))  # type: ignore[arg-type]
            elif op is c.RANGE:
                out.append(chr(arg[0]))  # type: ignore[index]
            elif op is c.CATEGORY:
                out.append(" " if arg is c.CATEGORY_SPACE else "a")
        return out

    found = {""}
    for op, av in items:
        if op is c.LITERAL:
            options = {chr(av)}  # type: ignore[arg-type]
        elif op is c.IN:
            options = set(chars(av))  # type: ignore[arg-type]
        elif op is c.CATEGORY:
            options = {" " if av is c.CATEGORY_SPACE else "a"}
        elif op is c.BRANCH:
            options = set().union(*(_expand(list(alt)) for alt in av[1]))  # type: ignore[index]
        elif op is c.SUBPATTERN:
            options = _expand(list(av[-1]))  # type: ignore[index]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, sub = av  # type: ignore[misc]
            once = _expand(list(sub))
            options = {""} if low == 0 else set()
            options |= once
            if high is c.MAXREPEAT or high >= 2:
                options |= {a + b for a in once for b in once}
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            options = {""}
        else:
            raise AssertionError(op)
        found = {a + b for a in found for b in options}
    return found


def _view(s: str) -> str:
    """What the scan reads: every character but ASCII letters, digits and "_" stands for any other."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch == "_") else "\x00" for ch in s)


@pytest.mark.parametrize("pattern", [sections._CUE, sections._CUE_PHRASE_RE])
def test_cue_matches_hold_a_marked_hint_near_their_start(pattern: re.Pattern[str]) -> None:
    """What `_cue_span` rests on: with single whitespace, every match but "would be good" holds a CUE_HINTS
    word as the scan marks it at most 21 characters after its start, and is at most 33 characters long."""
    import re._parser as parser  # noqa: PLC0415

    hints = [_view(hint) for hint in sections.CUE_HINTS]
    strings = [s for s in _expand(list(parser.parse(pattern.pattern))) if "  " not in s and pattern.fullmatch(s)]
    assert len(strings) > 900
    hintless = set()
    for s in strings:
        firsts = [_view(s).find(hint) for hint in hints if hint in _view(s)]
        if not firsts:
            hintless.add(s)
            continue
        assert min(firsts) <= 21 < sections._CUE_BEFORE_HINT, s
        assert len(s) <= 33 and len(s) + 2 < sections._CUE_AFTER_HINT, s
    assert hintless == {"would be good"}


_CUE_PIECES = [
    "is a plus", "would be a big plus", "considered an asset", "nice to have", "nice-to-have", "would be good",
    "would  be good", "is  a plus", "ideally", "preferably", "(plus)", "( optional )", "not required, but",
    "not strictly needed though", "we'd love it if", "love  it if", "gives you an edge", "helps.", "but it helps",
    "in your favour", "von Vorteil", "wünschenswert", "se valorará", "un plus", "bonus points", "also nice:",
    "Nice: vLLM", "is nice", "Python", "Spark", "experience with SQL", ",", ".", ";", "|", "  ", "\t", "\u00a0",
    "(", ")", "good", "plusher", "x" * 30, "a b c d e f g h i j k l m n o p", "we use Kafka and Airflow daily",
    "is a plus", "Docker, Kubernetes and Terraform", "would be a big plus", "is a plus",
]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(_CUE_PIECES) | st.text(max_size=3), min_size=4, max_size=30).map(" ".join), st.data()
)
def test_cue_span_finds_the_same_matches(text: str, data: st.DataObject) -> None:
    low = _lower(text)
    marks = _FAST._scan(text, low)[1]
    if marks is None or "\n" in low:
        return
    cue_marks = marks.get("cue", [])
    lo = data.draw(st.integers(0, len(low)))
    hi = data.draw(st.integers(lo, len(low)))
    pos, endpos = sections._cue_span(low, lo, hi, cue_marks)
    for pattern in (sections._CUE, sections._CUE_PHRASE_RE):
        whole = [m.span() for m in pattern.finditer(low, lo, hi)]
        assert [m.span() for m in pattern.finditer(low, pos, endpos)] == whole, (low, lo, hi, pos, endpos)
    seg = low[lo:hi]
    if sections.marked(cue_marks, lo, hi):
        assert sections._cue_in(seg, pos - lo, endpos - lo) == sections._cue_in(seg)


@pytest.mark.parametrize(
    "text",
    [
        "Experience with Kubernetes, Terraform and Docker in production, not strictly needed though",
        "Experience with Kubernetes, Terraform and Docker in production would be a big plus for the team",
        "Experience with Kubernetes, Terraform and Docker in production; we would love it if you know Go",
        "Python and SQL. Spark would be good, and a cloud certificate would be a definite advantage here",
        "Python and SQL. Spark would be  good, and a cloud certificate would be a definite advantage here",
        "Python and SQL and Spark and Kafka and Airflow and dbt and Snowflake (  plus ) and Looker helps",
        "Experience with Kubernetes, Terraform and Docker in production, not  strictly  needed though",
        "Experience with Kubernetes, Terraform and Docker in production, not  strictly  needed though; a plus",
    ],
)
def test_cue_span_at_the_edges(text: str) -> None:
    low = _lower(text)
    marks = _FAST._scan(text, low)[1]
    assert marks is not None
    for lo in range(0, len(low), 3):
        for hi in range(lo, len(low) + 1, 2):
            pos, endpos = sections._cue_span(low, lo, hi, marks.get("cue", []))
            for pattern in (sections._CUE, sections._CUE_PHRASE_RE):
                assert [m.span() for m in pattern.finditer(low, pos, endpos)] == [
                    m.span() for m in pattern.finditer(low, lo, hi)
                ], (lo, hi, pos, endpos)
