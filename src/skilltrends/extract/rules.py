"""Context rules: decide whether an ambiguous alias names the skill, reading a small window of raw text.

A taxonomy skill may name one rule in its `context` field; that rule must accept each of its mentions.
Three generic rules apply to every mention (`reject_generic`): a skill inside a URL or e-mail address,
a negated skill ("no Java needed", "we are not a Java shop", "Java is not required"), and a skill named
only as another team's stack ("our analytics team uses Tableau"). A rule returns the skill id to tag
(usually the candidate's own; `transformers_disambiguation` may switch concept and library) or None.

"Adjacent" below means: another skill mention sits next to this one, separated only by list punctuation,
version numbers or a conjunction ("Python, R, or Java", "Scala Java Go", "C and C++"). Each rule's
positive and negative sentences are in tests/extract/test_rules.py.

Phrase rules (`find_phrases`, at the end) add concept skills that postings name with a verb and its
object or an inflected form rather than a taxonomy alias ("train and deploy yield models", "write clean,
tested Python").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

__all__ = [
    "Candidate", "RuleContext", "RULES", "TextIndex", "find_phrases", "merge_phrases", "reject_generic",
    "sentence_bounds",
]


class Candidate(NamedTuple):
    """A surface match on the raw text before context rules: text[start:end] == text. (A NamedTuple: one is
    built per alias occurrence, and a tuple builds faster than a dataclass.)"""

    start: int
    end: int
    skill_id: str
    text: str
    ruled: bool = False


_SEP = re.compile(
    r"[\s,;/|&()\[\]+*:·•\-–—.0-9x]*"
    r"(?:(?:(?:and/or|and|or|as well as|plus|including|such as|like|with|nor)\b|e\.g\.?|i\.e\.?|&)"
    r"[\s,;/()\[\]:\-.]*)?"
)
_MAX_GAP = 28


class RuleContext:
    """The raw text and the mentions already accepted, for rules to read around a candidate."""

    __slots__ = ("text", "low", "index", "llm", "llm_evals", "_anchors", "_starts")

    def __init__(self, text: str, anchors: list[Candidate], index: TextIndex | None = None) -> None:
        self.text = text
        self.llm: bool | None = None  # whether the text is about LLMs, once a rule asked (_llm_posting)
        self.llm_evals: bool | None = None  # whether its evaluation sets evaluate LLMs, once asked (_evaluates_llms)
        self.index = index if index is not None else TextIndex(text)
        self.low = self.index.fold
        self.anchors = anchors

    @property
    def anchors(self) -> list[Candidate]:
        """Accepted mentions, sorted by start, that rules may lean on."""
        return self._anchors

    @anchors.setter
    def anchors(self, value: list[Candidate]) -> None:
        self._anchors = value
        self._starts = [c.start for c in value]

    def before(self, cand: Candidate, n: int = 40) -> str:
        return self.text[max(0, cand.start - n) : cand.start]

    def after(self, cand: Candidate, n: int = 40) -> str:
        return self.text[cand.end : cand.end + n]

    def around(self, cand: Candidate, n: int = 40) -> str:
        """The candidate with up to `n` characters either side."""
        return self.text[max(0, cand.start - n) : cand.end + n]

    # The same windows of the folded text (see `_fx`), for patterns compiled with `_fx`.
    def lbefore(self, cand: Candidate, n: int = 40) -> str:
        return self.low[max(0, cand.start - n) : cand.start]

    def lafter(self, cand: Candidate, n: int = 40) -> str:
        return self.low[cand.end : cand.end + n]

    def laround(self, cand: Candidate, n: int = 40) -> str:
        return self.low[max(0, cand.start - n) : cand.end + n]

    def adjacent(self, cand: Candidate) -> bool:
        """True when an accepted mention sits next to `cand`, separated only by list punctuation."""
        at = bisect.bisect_left(self._starts, cand.start)
        for other in self._anchors[max(0, at - 3) : at + 3]:
            if other is cand:
                continue
            if 0 <= cand.start - other.end <= _MAX_GAP:
                gap = self.text[other.end : cand.start]
            elif 0 <= other.start - cand.end <= _MAX_GAP:
                gap = self.text[cand.end : other.start]
            else:
                continue
            if gap.count("\n") <= 1 and _SEP.fullmatch(gap):
                return True
        return False


Rule = Callable[[RuleContext, Candidate], "str | None"]
RULES: dict[str, Rule] = {}


def _rule(name: str) -> Callable[[Rule], Rule]:
    def register(func: Rule) -> Rule:
        RULES[name] = func
        return func

    return register


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_ASCII_BYTES = bytes(range(128))


def lower(text: str) -> str:
    """text.lower() with the same offsets ("İ" lower-cases to two characters and is kept as it is)."""
    if not text.isascii():
        # str.lower() maps a non-ASCII text character by character (~3 ns each, ~10x an ASCII text); most hold
        # only caseless non-ASCII characters (quotes, dashes, bullets): then lowering the ASCII letters of the
        # UTF-8 bytes (bytes.lower() leaves every byte of a multi-byte sequence alone) gives the same string.
        data = text.encode("utf-8", "surrogatepass")
        others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")  # the non-ASCII characters
        if others.lower() == others:
            return data.lower().decode("utf-8", "surrogatepass")
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


_FOLD = {ord("İ"): "i", ord("ı"): "i", ord("ſ"): "s"}


def fold(low: str) -> str:
    """`low` (the text lower-cased, offsets kept) with the three characters that IGNORECASE matches to an
    ASCII letter but lower() does not map to it (İ, ı -> i; ſ -> s: checked over all of Unicode)."""
    return low.translate(_FOLD) if ("İ" in low or "ı" in low or "ſ" in low) else low


def _fx(pattern: str) -> re.Pattern[str]:
    """`_rx(pattern)` for folded text: ASCII letters lower-cased (not escapes or group names), no IGNORECASE.

    On `fold(text.lower())` it matches where `_rx(pattern)` matches on the text, 2-5x faster: Python's sre
    tests every character case-insensitively under IGNORECASE (a 95-character window took 27 us with
    the testing-topic pattern, 6 us folded).
    """
    return re.compile(re.sub(r"\\.|\(\?P(?:<\w+>|=\w+\))|[A-Z]", _lower_letter, pattern))


def _lower_letter(match: re.Match[str]) -> str:
    found = match.group()
    return found.lower() if len(found) == 1 else found  # escapes (\S, \W ...) and group names stay


# A symbol after a line's bullet, if any: "- ☆ R", "✅ Python", "- ✅ Cleaning ..."
_BULLET_SYMBOL = r"(?:[^\x00-\x7f\w\s]{1,3}[ \t]*)?"
# A list item's start: a bullet or number and a symbol after it, or none
_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·–]|\d+[.)])?[ \t]*" + _BULLET_SYMBOL + "$")
_BULLET_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·–]|\d+[.)])[ \t]*$")
_LABEL_AFTER = re.compile(r"[ \t]*(?::|\n|$|(?:and|&)[ \t]+\w+[ \t]*:)")
_ALONE_AFTER = re.compile(r"[ \t]*[.,;]?[ \t]*(?:\n|$)|[ \t]+(?:or|and|/)[ \t]+[A-Z][\w+#-]*[ \t]*[.;]?[ \t]*(?:\n|$)")


# A later item of a terse label's list: "Nice: vLLM, experience with financial docs, Rust", "Nice: geospatial
# experience, Rust" (read postings: gold in 2 of 2 that the language rules missed)
_TERSE_LABEL = r"(?:^|[.;|]\s*)(?:also\s+)?(?:nice|bonus|plus|must)\s*:"
_LABEL_LIST_BEFORE = _fx(_TERSE_LABEL + r"[^.;:\n]{0,80}?,\s*(?:(?:and|or)\s+)?$")


def _language_rule(
    *,
    cue_after: str,
    cue_before: str = (
        r"(?:\b(?:in|using|with|of|write|writing|written in|code in|coding in|read|reading|some|basic|strong|solid|"
        r"working|know|knows|tested|exposure to)\s+"
        # first after a terse HN label: "Nice: Scala, experience with GNNs", "Must: Go"
        r"|" + _TERSE_LABEL + r"\s*"
        # a label that ends with its level: "Not required but appreciated: Rust", "Desirable: Scala"
        r"|\b(?:appreciated|desirable|preferred|helpful|required|optional|advantageous)\s*:\s*)$"
    ),
    reject_after: str | None = None,
    reject_before: str | None = None,
    reject_window: str | None = None,
    reject_after_cased: str | None = None,
    label_list: bool = False,
) -> Rule:
    """A rule for short or common-word names: accept with a cue or an adjacent skill, unless rejected;
    `label_list` accepts a later item of a terse label's list too ("Nice: geospatial experience, Rust")."""
    after_re, before_re = _fx(r"^\s*(?:" + cue_after + r")"), _fx(cue_before)
    rej_after = _fx(r"^(?:" + reject_after + r")") if reject_after else None
    rej_before = _fx(r"(?:" + reject_before + r")$") if reject_before else None
    rej_window = _fx(reject_window) if reject_window else None
    rej_cased = re.compile(r"^(?:" + reject_after_cased + r")") if reject_after_cased else None

    def rule(ctx: RuleContext, cand: Candidate) -> str | None:
        after, before = ctx.lafter(cand), ctx.lbefore(cand)
        if rej_after and rej_after.search(after):
            return None
        if rej_cased and rej_cased.search(ctx.after(cand)):
            return None
        if rej_before and rej_before.search(before):
            return None
        if rej_window and rej_window.search(ctx.laround(cand, 80)):
            return None
        if after_re.search(after) or ctx.adjacent(cand) or before_re.search(before):
            return cand.skill_id
        if label_list and _LABEL_LIST_BEFORE.search(ctx.lbefore(cand, 100)):
            return cand.skill_id
        if _ASKED_FOR_AFTER.match(after):  # "Scala is nice to have but not required": asked for by name
            return cand.skill_id
        if _WRITTEN_IN_IT.match(ctx.lafter(cand, 90)):  # "Go: our core services are written in it"
            return cand.skill_id
        if _ITEM_START.search(before) and (_ALONE_AFTER.match(ctx.after(cand)) or _ITEM_HEAD_AFTER.match(after)):
            return cand.skill_id  # a list item: "- Go", "- R or Stan.", "- R, for reading our legacy code"
        return None

    return rule


# A list item that names the language first and then says what for: "- R, for reading our legacy pricing code",
# "- Go: our core services", "- Rust - mostly for the ingestion path" (after a colon, in any language)
_ITEM_HEAD_AFTER = _fx(
    r"[ \t]*:[ \t]+\w|[ \t]*(?:,|\s[-–—])[ \t]+(?:for|to|as|because|since|which|we|our|the|mainly|mostly|ideally|"
    r"especially|enough|at\s+least|at\s+a|in\s+(?:our|the|production))\b"
)
# A language named as the subject of a requirement: "Scala is nice to have", "Rust is a plus", "Go is required"
_ASKED_FOR_AFTER = _fx(
    r"\s+(?:experience\s+|knowledge\s+)?(?:is|are|would\s+be)\s+(?:also\s+)?(?:an?\s+)?(?:(?:big|huge|definite|real)\s+)?"
    r"(?:nice[\s-]to[\s-]have|plus|bonus|required|preferred|must|welcome|helpful|advantage|asset|essential|"
    r"desirable|mandatory|useful)\b"
)
# The language named, then what is written in it: "Go: our core marketplace services are written in it", "You can
# read R, because some of our older models are still written in it"
# "Rust (we're rewriting the feature engine in it)"
_WRITTEN_IN_IT = _fx(r"[^.;\n]{0,80}?\b(?:written|rewrit\w*|writ(?:e|es|ing)|coded|implemented|built|building|"
                     r"port(?:ed|ing))\s+(?:[\w-]+\s+){0,4}?in\s+it\b")
# Two short language names coordinated support each other ("Rust or Go for tooling", "Go/Rust"): each is the
# other's cue, as an accepted neighbour would be.
_SHORT_LANGUAGES = r"(?:go|golang|rust|zig|scala|julia|java|kotlin|c\+\+|c#|swift)\b"
_OTHER_LANGUAGE_AFTER = r"|(?:\s*(?:,|/|\bor\b|\band\b)\s*)+" + _SHORT_LANGUAGES
# "Go, Julia or whatever you like for side projects": languages the hire may use for fun, not asked for
_HOBBY_AFTER = (r"|(?:\s*(?:,|or|and|/)\s*[\w+#]+)*\s*,?\s*(?:or\s+)?(?:whatever|anything\s+(?:else|you)|"
                r"for\s+(?:side\s+projects|fun|hobby|hobbies))")
_OTHER_LANGUAGE_BEFORE = r"|(?<![\w-])" + _SHORT_LANGUAGES + r"(?:\s*(?:,|/|\bor\b|\band\b)\s*)+"


_PEOPLE_BEFORE = (
    r"\b(?:contact|ask|email|e-mail|call|message|ping|meet|reach out to|reach|talk to|speak to|speak with|"
    r"hi|hello|dear|thanks|thank|from|by|cc|mr\.?|ms\.?|mrs\.?|dr\.?)\s+$"
)
_SURNAME_AFTER = r"[ \t]+[A-Z][a-z]+(?:\s|,|\.|$)(?!\s*(?:programming|language))"

_rule("r_language")(
    _language_rule(
        cue_after=r"programming|language|studio|shiny|packages?|libraries|scripts?|code|coding|markdown|\(|"
        r"for\s+(?:analysis|analytics|statistic\w*|modell?ing|data)|"
        # "R / Shiny", "R or Python", "R, Stan"
        r"(?:/|,|or\b|and\b)\s*(?:shiny|tidyverse|ggplot2?|stan|stata|sas|spss|matlab|python|julia)\b",
        reject_after=r"\s*&|\s*'s\b|\s*\+\s*[A-Z]|\.\w|-CNN|\$",  # "Mask R-CNN", "R$ 1.800" (Brazilian reais)
        reject_before=r"&\s*|\b(?:plan|section|appendix|room|grade|class|type|level|vitamin|tier|block|phase)\s+",
    )
)
_rule("c_language")(
    _language_rule(
        cue_after=r"programming|language|code|coding|and C\+\+|or C\+\+|\+\+",
        # "C/C++" is one alias of cpp (as in the issue's alias list and the sample market's truth)
        reject_after=r"[-‑]?\s*(?:suite|level|levels|section|corp|class|grade|round|series|type)\b|\s*&|\.\w|'s\b|\+\+|#"
        r"|\s*/\s*C\+\+",
        reject_before=r"\b(?:series|class|grade|type|level|vitamin|section|plan|appendix|tier|round|block|"
        r"phase|team|group|room|building|option|category|part|step|item|point|model)\s+|&\s*|-",
    )
)
_rule("go_language")(
    _language_rule(
        # "a Go service that calls the models", "the Go server"
        cue_after=r"(?:programming|language|lang|developer|engineers?|services?|microservices|servers?|backends?|"
        r"code|modules?|routines)\b" + _OTHER_LANGUAGE_AFTER,
        # "a bit of Go", "a sprinkling of Go", "Knowing Go helps", "Our backend is Go", "the API is Go"; a later
        # item of a terse label's list ("Nice: geospatial experience, Go")
        cue_before=r"(?:\b(?:in|using|written in|code in|coding in|writing|reading|read|some|basic|strong|solid|"
        r"working|know|knowing|tested|familiarity with|experience with|knowledge of|exposure to|proficiency in|"
        r"proficient in|bit of|sprinkling of|little)\s+|\b(?:backend|back-end|api|service|server|gateway)\s+is\s+"
        + _OTHER_LANGUAGE_BEFORE + r")$",
        label_list=True,
        # "Go for tooling", "Go for the serving layer" is the language; "go for it", "go for a walk" the verb
        reject_after=r"[-‑]\s*to\b|\s+for\b(?!\s+(?:(?:the|our|small|internal|some)\s+){0,2}(?:tooling|tools|services|"
        r"serving|backends?|back-end|infra\w*|systems|cli|apis?|microservices|performance|high-performance|"
        r"concurrency)\b)"
        r"|\s+(?:to|deep|deeper|beyond|above|ahead|live|further|far|through|after|out|"
        r"into|back|on|over|the extra|get|getter|about|along|fast|wrong|well|hand|big|all)\b"
        r"|[-‑](?:live|getter|between)" + _HOBBY_AFTER,
        reject_before=r"\b(?:to|will|can|could|would|should|must|let's|lets|we|you|they|i|never|"
        r"always|may|might|on the|and then|then)\s+",
    )
)
_rule("rust_language")(
    _language_rule(
        cue_after=r"(?:programming|language|developer|engineers?|code|crates?|services|\(\s*for\b|for\s+(?:tooling|"
        r"tools|services|backends?|infra\w*|systems|performance|parsers?|embedded)|rewrites?|port|bindings|toolchain)\b"
        + _OTHER_LANGUAGE_AFTER,
        # "Bonus points for Rust or experience with H3"
        cue_before=r"(?:\b(?:in|using|with|of|write|writing|written in|code in|coding in|some|basic|strong|solid|"
        r"working|know|knows|tested|exposure to|read|reading|points for)\s+" + _OTHER_LANGUAGE_BEFORE + r")$",
        label_list=True,
        reject_after=_HOBBY_AFTER[1:],
        reject_window=r"\b(?:wheat|crops?|fung\w*|leaf|leaves|plants?|corrosion|corrod\w*|steel|metal|iron|"
        r"paint|pathogen\w*|disease|oxid\w*|belt)\b",
    )
)
_rule("julia_language")(
    _language_rule(
        cue_after=r"(?:programming|language|lang|code|packages?)\b",
        reject_after=r"\s*'s\b|\s*,\s*(?:our|the|who|head|manager|recruiter)" + _HOBBY_AFTER,
        reject_after_cased=_SURNAME_AFTER,
        reject_before=_PEOPLE_BEFORE,
    )
)
# "Ruby" is a first name too: "You'll work with Ruby Osei, who leads evals"; otherwise the language
_rule("ruby_language")(
    _language_rule(
        cue_after=r"",
        reject_after=r"\s*'s\b|\s*,\s*(?:our|the|who|head|manager|recruiter)",
        reject_after_cased=_SURNAME_AFTER,
        reject_before=_PEOPLE_BEFORE,
    )
)
_rule("ray_framework")(
    _language_rule(
        cue_after=r"(?:serve|tune|train|data|clusters?|core|framework|distributed|for\s+(?:distributed|scheduling|"
        r"training|orchestration|parallel\w*|hyperparameter|batch|tuning|scaling))\b",
        cue_before=r"\b(?:using|on|with|knowledge\s+of|experience\s+with|exposure\s+to|know|use|uses|used)\s+$",
        reject_after=r"\s*'s\b|\s*,\s*(?:our|the|who|head|manager|recruiter)",
        reject_after_cased=_SURNAME_AFTER,
        reject_before=_PEOPLE_BEFORE + r"|(?<=\w)[-‑]\s*$|\b(?:x|gamma|light|sun|death|manta|sting)\s*$",
    )
)
_rule("swift_language")(
    _language_rule(
        cue_after=r"(?:programming|language|developer|development|engineers?|code|ui|/\s*objective)",
        reject_after=r"\s+(?:and\s+(?:decisive|effective|accurate))",
    )
)
_rule("dash_framework")(
    _language_rule(
        cue_after=r"(?:apps?|applications?|dashboards?|framework)\b",
        reject_after=r"\s+of\b",
        reject_before=r"\b(?:a|the|em|en)\s+$",
    )
)
# Bare "augmentation" is data augmentation: "including preprocessing and augmentation", "augmentation with noise
# and codecs" (read postings: gold in 23 of 23 mentions, 5 of them missed before); not staffing ("staff
# augmentation") nor medicine
_rule("augmentation_word")(_language_rule(
    cue_after=r"",
    reject_before=r"\b(?:staff|staffing|team|workforce|human|capacity|resource|talent|headcount|labou?r|revenue|"
    r"breast|tissue|bone|salary|income)[ \t-]*",
))
_rule("list_only")(_language_rule(cue_after=r"(?!)", cue_before=r"(?!)"))
_list_only = RULES["list_only"]
# "Oracle" as the database only beside another skill ("usually SQL Server or Oracle"), never the company's cloud or
# other products ("Azure, Oracle Cloud or local sovereign clouds")
_rule("oracle_database")(_language_rule(
    # "legacy Oracle databases", "Oracle DB", "Oracle tables"; otherwise only in a list of skills
    cue_after=r"(?:databases?|db|dbms|rdbms|tables|schemas?|sql|pl/sql|instances?|data\s+warehouse)\b",
    cue_before=r"(?!)",
    reject_after=r"\s*(?:cloud|oci|fusion|e-business|ebs|netsuite|health|cerner|corporation|corp|certified|java|apex|"
                 r"forms|erp|financials|hcm|apps|applications)\b",
))

# "classification" as the ML task: in a list, or named by its object ("intent classification", "clause
# classification") or its models ("classification models/tasks"); not "job classification", "data
# classification policy".
_CLASSIFICATION_KIND_BEFORE = _fx(
    r"\b(?:image|text|document|clause|intent|multi-?label|multi-?class|binary|sequence|audio|token|object|video|"
    r"sentiment|topic|fraud|risk|churn|defect|spam|toxicity|content|query|entity|scene|species|land[- ]cover|"
    r"and|or|for|supervised|ml|model)\s+$"
    # a list of vision or ML tasks: "(defect detection, segmentation, classification)", "target detection,
    # classification and tracking" (read postings: 2 of 2 gold, missed before)
    r"|\b(?:detection|segmentation|tracking|regression|clustering|forecasting)\s*,\s*$"
)
_CLASSIFICATION_TASK_AFTER = _fx(r"\s+(?:models?|tasks?|problems?|algorithms?|heads?|systems?)\b")


# "ripeness classification", "voice chat classification": a noun before names what is classified, except
# a job's, a pay grade's or a document's security classification.
_CLASSIFICATION_NOT_TASK = _fx(
    r"\b(?:job|flsa|position|employment|occupational|exempt|pay|salary|grade|security|tariff|customs|role|industry|"
    r"data|information|workforce|legal|hazard|risk\s+level)\s+$"
)
_CLASSIFICATION_NOUN_BEFORE = _fx(r"(?<![.:;!?])\b[a-z][\w-]*\s+$")
_CLASSIFICATION_LABEL_AFTER = _fx(r"^\s*:")


@_rule("classification_task")
def _classification(ctx: RuleContext, cand: Candidate) -> str | None:
    before = ctx.lbefore(cand, 30)
    if (
        _CLASSIFICATION_NOUN_BEFORE.search(before)
        and not _CLASSIFICATION_NOT_TASK.search(before)
        and not _CLASSIFICATION_LABEL_AFTER.match(ctx.lafter(cand, 5))
        and not re.search(r"\b(?:the|a|an|our|your|their|of|to|in|on|for|and|or|with|by|from|at|as|is|are)\s+$", before)
    ):
        return cand.skill_id
    if _CLASSIFICATION_KIND_BEFORE.search(ctx.lbefore(cand, 30)) or _CLASSIFICATION_TASK_AFTER.match(ctx.lafter(cand)):
        return cand.skill_id
    return _list_only(ctx, cand)


# "agents" are AI agents in a posting about LLMs, not claims, support or sales agents
_HUMAN_AGENTS_BEFORE = _fx(
    r"\b(?:support|human|customer|claims?|insurance|sales|travel|estate|service|call[- ]cent(?:er|re)|field|"
    r"booking|letting|our|their|your|independent|licensed|captive|registered|contact[- ]cent(?:er|re)|live|"
    r"frontline|front-line)\s+$"
    r"|\b\d[\d,]*\+?\s+$"  # a head count: "the tools that help 6,000 agents answer faster"
)


# "experimental design" is A/B testing in statistics lists ("statistics, causal inference and experimental
# design"); Bayesian experimental design, or active learning "for experimental design", is lab work planning
# (read postings: gold 4 of 4 in statistics lists, absent in 6 of 7 otherwise)
_LAB_DESIGN_BEFORE = _fx(r"\b(?:bayesian|active\s+learning|optimi[sz]ation)\b[^.;\n]{0,40}$")


# "regression" the method ("a strong feel for regression", "spatial regression"), not regression testing
# ("regression suites", "regression gates in CI"): gold in 16 of 19 read postings, the 3 others testing; nor a drop
# caught ("a regression in training throughput blocks a release": read postings absent in 5 of 5)
_REGRESSION_TESTING_AFTER = _fx(
    r"\s*(?:tests?|testing|suites?|dashboards?|gates?|checks?|bugs?|issues?|risks?|harness(?:es)?|alerts?|"
    r"detection|-free|runs?|failures?|in\s+(?:[\w-]+\s+)?(?:throughput|latency|quality|accuracy|performance))\b"
)
# ("an eval that caught a real regression", "cluster nightly regression failures")
_REGRESSION_TESTING_BEFORE = _fx(
    r"\b(?:performance|latency|quality|silent|accuracy|metric|catch|catching|caught|prevent|nightly)\s+(?:a\s+)?"
    r"(?:real\s+)?$"
)


@_rule("regression_method")
def _regression(ctx: RuleContext, cand: Candidate) -> str | None:
    if _REGRESSION_TESTING_AFTER.match(ctx.lafter(cand, 32)) or _REGRESSION_TESTING_BEFORE.search(
        ctx.lbefore(cand, 20)
    ):
        return None
    return cand.skill_id


@_rule("experimental_design")
def _experimental_design(ctx: RuleContext, cand: Candidate) -> str | None:
    if _LAB_DESIGN_BEFORE.search(ctx.lbefore(cand, 60)):
        return None
    return cand.skill_id


@_rule("llm_agents")
def _llm_agents(ctx: RuleContext, cand: Candidate) -> str | None:
    if _HUMAN_AGENTS_BEFORE.search(ctx.lbefore(cand, 30)) or not _llm_posting(ctx):
        return None
    return cand.skill_id

_PHYSICS_AFTER = _fx(
    r"\s+(?:velocity|velocities|momentum|acceleration|rate|rates|resolution|frequency|displacement|speed|"
    r"distance|error|errors|position|orientation|motion)\b"
)


def _reject_when(
    *,
    after: re.Pattern[str] | None = None,
    before: re.Pattern[str] | None = None,
    after_cased: re.Pattern[str] | None = None,
) -> Rule:
    """A rule that accepts a mention unless `after` matches right after it or `before` matches the 50
    characters before it (both `_fx` patterns over the folded text), or `after_cased` matches right after it
    in the text as written (a surname: "Cassandra Obi")."""

    def rule(ctx: RuleContext, cand: Candidate) -> str | None:
        if after is not None and after.match(ctx.low, cand.end, cand.end + 50):
            return None
        if after_cased is not None and after_cased.match(ctx.text, cand.end, cand.end + 50):
            return None
        if before is not None and before.search(ctx.lbefore(cand, 50)):
            return None
        return cand.skill_id

    return rule


# A stage of the hiring process, not a skill asked for: "a take-home ML system design exercise", "a system design
# chat" (read sets: 3 of 3 unlabelled)
_INTERVIEW_STAGE_AFTER = _fx(r"\s+(?:interviews?|chats?|exercises?|rounds?|sessions?|screens?|take-homes?)\b")
# Someone else's platform the hire deploys onto: "deploy models on the bank's Azure-based ML platform" (2 of 2)
_OTHERS_PLATFORM_BEFORE = _fx(r"\bon\s+(?:the\s+)?[\w-]+['’]s\s+(?:[\w-]+\s+){0,2}$")
_rule("design_not_interview")(_reject_when(after=_INTERVIEW_STAGE_AFTER))
_rule("ml_design_or_platform")(_reject_when(after=_INTERVIEW_STAGE_AFTER, before=_OTHERS_PLATFORM_BEFORE))
# Angular the web framework, not 'angular velocity' (robotics, physics)
_rule("angular_framework")(_reject_when(after=_PHYSICS_AFTER))
# Athena the query service, not Athena SWAN (the UK's gender-equality charter in every academic posting)
_rule("athena_not_swan")(_reject_when(after=_fx(r"\s+swan\b")))

_DOC_VERB_BEFORE = _fx(
    r"\b(?:write|writes|writing|maintain|maintains|maintaining|produce|produces|producing|create|creates|"
    r"creating|keep|keeps|keeping|author|authors|authoring|improve|improves|improving|update|updates|updating|"
    r"own|owns|owning|written|wrote|prepare|prepares|preparing|draft|drafts|drafting)\s+(?:[\w-]+\s+){0,3}$"
)


# Documentation as one of the hire's activities: "on validation and documentation", "testing and documentation",
# "reviews, tests, documentation"
_DOC_WITH_WORK = _fx(
    r"\b(?:validation|testing|tests|reporting|code\s+reviews?|reviews?|governance|monitoring|maintenance|design|"
    r"development|implementation|deployment|checks)\s*(?:,\s*|\s+)(?:and|&)\s+(?:the\s+)?"
    r"(?:(?:model|code|technical|process)\s+)?$"
    # a comma list of the same work: "Keep our codebase clean: reviews, tests, documentation."
    r"|\b(?:reviews?|tests|testing)\s*,\s*(?:reviews?|tests|testing)\s*,\s*$"
)


# Documentation the hire keeps to a standard: "with clear documentation of every assumption", "con buena
# documentación"
_DOC_QUALITY = _fx(
    r"\b(?:clear|thorough|good|excellent|detailed|concise|proper|solid|well[- ]written|high[- ]quality|"
    r"buena|clara|detallada)\s+$"
)
_DOC_DUTY_BEFORE = _fx(r"\b(?:contribute|contributes|contributing|responsible|responsibility|ownership|help|helps|"
                       r"helping|support|supports|supporting)\s+(?:to|for|of|with)?\s*(?:[^.;\n]{0,40}\s)?(?:the\s+)?$")
_DOC_OF = _fx(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+|all[ \t]+|our[ \t]+|every[ \t]+|each[ \t]+)?"
              r"(?:models?|pipelines?|code|systems?|processes|methods?|experiments?|analyses|data|features?|apis?|services?|solutions?)\b")


_DOCUMENTS_BEFORE = _fx(
    r"\b(?:financial|legal|medical|clinical|insurance|tax|customer|client|scanned|pdf|business|policy|contract|"
    r"bank|banking|regulatory|court|shipping|trade)\s+$"
)


@_rule("documentation_practice")
def _documentation_practice(ctx: RuleContext, cand: Candidate) -> str | None:
    """'Documentation' as a list item of its own, or written and kept by the hire ("Write clear model
    documentation", "Maintains documentation of analytic code"); not "see our documentation"."""
    before = ctx.lbefore(cand, 50)
    if cand.text.lower() == "docs" and _DOCUMENTS_BEFORE.search(before):
        return None  # documents, not documentation: "experience with financial docs"
    if _DOC_VERB_BEFORE.search(before) or _DOC_WITH_WORK.search(before[-30:]) or _DOC_QUALITY.search(before):
        return cand.skill_id
    if _BULLET_START.search(ctx.lbefore(cand, 12)) and _DOC_OF.match(ctx.low, cand.end):
        return cand.skill_id  # a duty line of nouns: "- Documentation of models and pipelines to the standard ..."
    if _DOC_DUTY_BEFORE.search(before) and _DOC_OF.match(ctx.low, cand.end):
        return cand.skill_id  # "Contribute to the GDPR compliance and the documentation of every model"
    return _list_only(ctx, cand)


_PERSON_AFTER = _fx(
    r"\s*(?:['’]s\s+(?:team|group|lab|talk|paper|role)\b|,\s*(?:our|the|who|your|a|an)\s+(?:[\w-]+\s+){0,2}"
    r"(?:lead|leads|head|manager|recruiter|founder|co-founder|cto|ceo|director|scientist|engineer|researcher|"
    r"partner|colleague|mentor|officer|chief|cmo|cfo|coo|vp|president|professor)\b|,\s*who\b)"
)
# A tool named like a person (Cassandra): not "Cassandra, our research lead", "ask Cassandra", "partner with
# Cassandra Obi" (a surname, as for Julia and Ray)
_rule("person_name_word")(
    _reject_when(after=_PERSON_AFTER, before=_fx(_PEOPLE_BEFORE), after_cased=re.compile(_SURNAME_AFTER))
)


_VENDOR_APIS_BEFORE = _fx(
    r"\b(?:their|its|openai|anthropic|google|gemini|claude|mistral|cohere|llm|model|vendor|vendors|"
    r"third-party|third\s+party|external|partner|partners|provider|providers|carrier|bank|payment|maps?|"
    # other systems' APIs the product calls or reads ("FHIR APIs", "helpdesk APIs", "our ATS APIs", "rate APIs"),
    # the company's products ("our voice APIs", "our developer APIs"), the LLM vendors' ("frontier APIs", "where
    # the APIs are too slow"), and what an agent acts through (read sets: 14 of 14 left out)
    r"frontier|hosted|commercial|proprietary|big|fhir|hl7|helpdesk|ats|tms|crm|erp|ehr|emr|rate|voice|developer|"
    r"python|shopify|salesforce|through|via|(?:where|when|if)\s+the)"
    r"(?:['’]s?)?\s+(?:(?:or|and|/|,)\s*[\w-]+\s+)?$"
)


# Bare 'APIs' as what the hire builds, not another company's API the product calls ("OpenAI or Anthropic
# APIs", "via their APIs")
_rule("apis_built")(_reject_when(before=_VENDOR_APIS_BEFORE))

_rule("scala_language")(
    _language_rule(
        cue_after=r"(?:programming|language|developer|development|engineers?|code|services|spark|akka|play)\b",
        reject_before=r"\bla\s+",
    )
)

_AGILE_ADJ = _fx(
    r"^\s+(?:teams?|squads?|environments?|culture|company|companies|organi[sz]ations?|start-?ups?|set-?up|manner|"
    r"fashion|workplace|atmosphere|structure|and\s+(?:communicative|flexible|fast|dynamic))\b"
)


@_rule("agile_practice")
def _agile(ctx: RuleContext, cand: Candidate) -> str | None:
    """'Agile' the practice, not 'an agile team/environment' describing the employer."""
    return None if _AGILE_ADJ.search(ctx.lafter(cand, 30)) else cand.skill_id


_SKILL_CUE_BEFORE = _fx(
    r"\b(?:strong|excellent|good|great|effective|outstanding|exceptional|solid|proven|demonstrated|clear|superb|"
    r"ability\s+to\s+\w+|skills?\s+in|experience\s+(?:in|with)|track\s+record\s+of|excel\s+at)"
    r"(?:\s+(?:\w+\s+)?(?:and|&|,)\s*\w+)?[\s,]+(?:\w+\s+)?$"
)


@_rule("skill_phrase")
def _skill_phrase(ctx: RuleContext, cand: Candidate) -> str | None:
    """Bare 'communication', 'collaboration', 'leadership': only when asked of the candidate."""
    if re.match(r"\s*(?:skills?|abilities|ability|experience)\b", ctx.after(cand, 20), re.I):
        return cand.skill_id
    if _SKILL_CUE_BEFORE.search(ctx.lbefore(cand, 60)) or ctx.adjacent(cand):
        return cand.skill_id
    before = ctx.before(cand, 12)
    if _BULLET_START.search(before) or (
        _ITEM_START.search(before) and _LABEL_AFTER.match(ctx.after(cand, 30))
    ):
        return cand.skill_id  # a list item or a label: "- Leadership", "Communication and teamwork: ..."
    return None


_LANG_CUE_BEFORE = _fx(
    r"\b(?:fluent|fluency|fluently|proficient|proficiency|command|knowledge|good|excellent|strong|business|written|"
    r"spoken|native|speak|speaking|speaks|level|communicate|mastery|and|or)\b(?:\s+(?:in|of))?[\s,/]+$"
)


_APPLY_IN = _fx(
    r"\b(?:apply|application|applications|cv|resume|documents?|submit\w*|send|interviews?)\b[^.\n]{0,30}\bin\s+$"
    # the same in the postings' other languages: "envía tu CV en inglés", "Bewerbung auf Englisch", "CV en anglais"
    r"|\b(?:cv|lebenslauf|bewerbung\w*|candidatura|postula\w*|env[ií]a\w*|curr[ií]culo)\b[^.\n]{0,30}\b(?:en|auf|in|em)\s+$"
)
_TAUGHT_IN = _fx(r"\b(?:teaching|taught|courses?|lectures?)\b[^.\n]{0,30}\bin\s+$")


@_rule("language_requirement")
def _language_requirement(ctx: RuleContext, cand: Candidate) -> str | None:
    """'English' the language asked for, not 'please apply in English'."""
    if _APPLY_IN.search(ctx.lbefore(cand, 60)):
        return None
    if _APPLICATION_MATERIALS.search(ctx.low[max(0, cand.start - 150) : cand.end + 80]):
        return None
    if _TAUGHT_IN.search(ctx.lbefore(cand, 60)):
        return None
    if ctx.lbefore(cand, 7).endswith("plain "):
        return None  # "explain complex models in plain English": clear speech (communication), any language
    after = ctx.after(cand, 60)
    if _ENGLISH_THING_AFTER.match(after):
        return None  # "English football", "English-language text": an adjective, or the product's data
    if cand.text == "english" and not (
        _LOWER_LANGUAGE_BEFORE.search(ctx.lbefore(cand, 40)) or _LOWER_LANGUAGE_AFTER.match(after)
    ):
        return None  # "english" in lower case: only where a level or a skill is said of it ("fluent english")
    if _INTERVIEWS_ONLY.match(after):
        return None  # "Portuguese is our day-to-day language; English is fine for the interviews"
    if _LANGUAGE_LIST_AFTER.match(after):
        # "policy Q&A in English, Bahasa and Thai", "classifiers ... in English and French": the languages of the
        # product or the data; "communicate in English and Bahasa", "we work in English and Portuguese" ask for it
        before = _clause_lbefore(ctx, cand, 100)
        if before.endswith(" in ") and not _HUMAN_USE_BEFORE.search(before):
            return None
    return cand.skill_id


# "English football", "English Premier League", "English-language contracts", "English text": the adjective
_ENGLISH_THING_AFTER = _rx(
    r"[\s-]+(?:football|soccer|premier|league|clubs?|cricket|rugby|breakfast|tea|garden|countryside|county|counties|"
    r"channel|literature|law|heritage|(?:language\s+)?(?:text|texts|documents?|corpus|corpora|data(?:sets?)?|transcripts?|"
    r"speech|audio|content|queries|tweets|models?|contracts?|web\s+pages))\b"
)
_LOWER_LANGUAGE_BEFORE = _fx(
    r"\b(?:fluent|fluency\s+in|good|very\s+good|excellent|strong|solid|business|professional|working|written|spoken|"
    r"verbal|proficient\s+in|proficiency\s+in|command\s+of|speak|speaks|communicate\s+in|native|upper[\s-]intermediate|"
    r"intermediate|advanced|[abc][12])[\s(),/-]*(?:and\s+\w+\s+)?$"
)
_LOWER_LANGUAGE_AFTER = _rx(r"\s*(?:skills|proficiency|level|language\s+skills|[(:]\s*(?:[abc][12]|fluent|native)|"
                            r"is\s+(?:a\s+)?(?:must|required|mandatory|essential))")
_INTERVIEWS_ONLY = _rx(r"\s+(?:is|works)\s+(?:fine|ok(?:ay)?)\s+for\s+(?:the\s+|our\s+)?interviews?\b")
# another language after English, by its capital ("English, Hindi and Hinglish", "English and French")
_LANGUAGE_LIST_AFTER = re.compile(
    r"(?:\s*,\s*[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)*\s*,?\s+(?:and|or|&)\s+[A-Z][\w-]+|(?:\s*,\s*[A-Z][\w-]+){2}"
    r"|\s*,\s*[A-Z][\w-]+\s*,?\s+(?:or|and)\b"  # "English, Hindi or a mix of both"
)
_HUMAN_USE_BEFORE = _fx(
    r"\b(?:communicat\w*|speak\w*|spoken|work(?:s|ing)?|present\w*|writ\w*|reads?|fluen\w*|proficien\w*|"
    r"interview\w*|talk\w*|collaborat\w*|bilingual|conduct\w*|teach\w*|skills?|native|command|level|explain\w*|"
    r"report\w*|converse|conversational|english)\b"
)


@_rule("model_monitoring_phrase")
def _model_monitoring(ctx: RuleContext, cand: Candidate) -> str | None:
    """'monitoring models' the MLOps practice, not 'transaction monitoring models' (fraud/AML models); a models'
    'performance monitoring' ("deploy models ... and set up ongoing performance monitoring"), not a server's."""
    if re.search(r"\b(?:transaction|fraud|aml|payments?|credit|sanctions)\s+$", ctx.before(cand, 30), re.I):
        return None
    if cand.text[:1] in "Pp" and _MODELS_WORD.search(ctx.laround(cand, 90)) is None:
        return None  # "performance monitoring" with no model in reach
    return cand.skill_id


@_rule("hire_deploys")
def _hire_deploys(ctx: RuleContext, cand: Candidate) -> str | None:
    """'deploy', 'deploying', 'deployment' name model serving where the hire does it: not the company's or
    other people's work ("Our customers deploy models on our platform"), and a third-person form only at a
    duty line's start or after the role ("- Develops, validates and deploys models")."""
    clause = _clause_before(ctx.text, cand.start)
    if _not_the_hire(clause):
        return None
    if cand.text[:4].lower() == "serv":
        return _model_serving_verb(ctx, cand)
    if cand.text.lower().endswith("s") and not cand.text.lower().endswith("ments") and not _third_person_ok(clause):
        return None
    return cand.skill_id


@_rule("as_role")
def _as_role(ctx: RuleContext, cand: Candidate) -> str | None:
    """'3 years as a data engineer' names the work, as does 'as a machine learning engineer or data scientist';
    'Data Engineer' alone is a job title. 'data engineering' is the discipline, except as the department the hire
    works with: "Work with Data Engineering to build feature pipelines", "Partner with data engineering to
    develop ..." (read postings: absent in 4 of 4)."""
    if cand.text.lower().endswith("engineering"):
        return None if _WORK_WITH_BEFORE.search(ctx.lbefore(cand, 50)) else cand.skill_id
    return cand.skill_id if _AS_ROLE_BEFORE.search(ctx.lbefore(cand, 60)) else None


_WORK_WITH_BEFORE = _fx(
    r"\b(?:work|works|working|partner|partners|partnering|collaborate|collaborates|collaborating|together|"
    r"closely|alongside|liaise|liaising)\s+(?:closely\s+)?(?:with\s+)?(?:our\s+|the\s+)?$"
)


# Stricter than _AS_A_ROLE (which also lets "ML" modify a role): the article is required here.
# "as a data engineer", "as ML engineer or data scientist", "as DevOps, MLOps or Data Engineer"
_AS_ROLE_BEFORE = _fx(
    r"\b(?:as\s+(?:an?\s+)?(?:(?:[\w-]+,?\s+){1,4}(?:or\s+|and\s+|/\s*)(?:an?\s+)?"
    # a later item of a list of roles: "as an ML engineer, MLOps engineer or solutions architect"
    r"|(?:(?:[\w-]+\s+){0,3}[\w-]+\s*(?:,|/|\bor\b|\band\b)\s*(?:(?:or|and)\s+)?(?:an?\s+)?){1,3})?"
    r"|(?:como|comme|als|come|jako)\s+(?:(?:[\w-]+,?\s+){1,4}(?:o\s+|ou\s+|y\s+|e\s+|et\s+|oder\s+|und\s+|lub\s+|"
    r"albo\s+|/\s*))?)$"
)


_LINK_TO_BEFORE = _fx(r"\b(?:link|links|url)\s+to\s+(?:your\s+|a\s+)?$")
# a profile, not the tool: "Include your GitHub", "a great GitHub beats a résumé" (not "your GitHub Actions")
_PROFILE_BEFORE = _fx(r"\b(?:your|a\s+(?:great|good|strong|solid|public)|an\s+(?:active|impressive))\s+$")
_PROFILE_AFTER = re.compile(
    r"\s*(?:link|links|profile|profiles|url|account|handle|page|username|portfolio|stars?)\b", re.I
)
_TOOL_AFTER = re.compile(r"\s*(?:actions|workflows?|enterprise|copilot|flow|ci|repos?|repositories)\b", re.I)


_CICD_WITH_BEFORE = _fx(
    r"\bci\s*/\s*cd\s+(?:pipelines?\s+)?(?:with|in|on|using|via|through)\s+(?:[\w-]+\s+(?:or|and|/)\s+)?$"
)


@_rule("git_tool")
def _git_tool(ctx: RuleContext, cand: Candidate) -> str | None:
    """GitHub as version control, not 'a GitHub link/profile' to send with an application."""
    after = ctx.after(cand, 30)
    if _PROFILE_AFTER.match(after):
        return None  # "a GitHub link", "19k GitHub stars"
    before = ctx.lbefore(cand, 30)
    if _LINK_TO_BEFORE.search(before):
        return None  # "a link to your GitHub"
    if _PROFILE_BEFORE.search(before) and not _TOOL_AFTER.match(after):
        return None
    if cand.text.lower() == "gitlab" and _CICD_WITH_BEFORE.search(ctx.lbefore(cand, 50)):
        return None  # "CI/CD with Jenkins or GitLab": GitLab's CI, as "GitLab CI" is (read sets: 0 of 13 label Git)
    return cand.skill_id


_SENT_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*(?:[-*•·]\s*)?)$")


_SEASON_AFTER = _fx(
    r"\s+(?:(?:19|20)\d\d|semester|term|break|intake|internships?|co-?ops?|cohort|quarter)\b|\s*['’]\d\d\b"
)


@_rule("common_word")
def _common_word(ctx: RuleContext, cand: Candidate) -> str | None:
    """React, Spring, Flask, Storm ...: a capitalised word mid-sentence, or an adjacent skill."""
    if ctx.adjacent(cand):
        return cand.skill_id
    if cand.text[:1].isupper() and not _SENT_START.search(ctx.before(cand, 4) if cand.start else ""):
        if cand.start == 0:
            return None
        return cand.skill_id
    return None


@_rule("spring_framework")
def _spring(ctx: RuleContext, cand: Candidate) -> str | None:
    """Spring the framework as `common_word` reads it, never the season: "a Spring 2027 co-op start"."""
    return None if _SEASON_AFTER.match(ctx.low, cand.end) else _common_word(ctx, cand)


_COFFEE = _fx(
    r"\b(?:coffee|cup of|cups of|espresso|brew\w*|caffein\w*|mug|barista|island|roast\w*|beans|caf[eé])\b"
)


# the island and its sea: "ships waiting in the Java Sea", "flights to Java and Bali"
_JAVA_PLACE_AFTER = _fx(r"^\s+(?:sea|trench|island|and\s+(?:bali|sumatra|borneo|sulawesi))\b")


@_rule("java_language")
def _java(ctx: RuleContext, cand: Candidate) -> str | None:
    window = ctx.laround(cand, 40)
    if _COFFEE.search(window) or _JAVA_PLACE_AFTER.match(ctx.lafter(cand, 20)):
        return None
    return cand.skill_id


_SPARK_NOT = _fx(
    r"^(?:\s+AR\b|\s+(?:curiosity|interest|joy|innovation|ideas?|creativity|conversations?|change|growth|"
    r"discussions?|debate|excitement|imagination|inspiration|passion|new|your|our|the|a|an|some|real|"
    r"meaningful|action|progress|interest)\b|\s*(?:of|in)\s+(?:genius|creativity|curiosity|inspiration))"
)
_SPARK_VERB_BEFORE = _fx(
    r"\b(?:to|will|can|could|would|may|might|helps?|helping|that|who|which|ideas|and\s+to|must|should)\s+$"
)


_SPARK_NOUN_BEFORE = _fx(
    r"\b(?:exposure|introduction|access|migration|migrate|migrating|move|moved|moving|port|ported|porting|"
    r"contribute|contributions?|contributing|jobs?\s+written)\s+to\s+$"
)


@_rule("spark_engine")
def _spark(ctx: RuleContext, cand: Candidate) -> str | None:
    after = ctx.lafter(cand)
    before = ctx.lbefore(cand)
    if _SPARK_NOT.search(after):
        return None
    if _SPARK_VERB_BEFORE.search(before) and not _SPARK_NOUN_BEFORE.search(before):
        return None
    if cand.text == "spark" and not (
        ctx.adjacent(cand) or re.match(r"\s*(?:jobs?|clusters?|sql|streaming)", after, re.I)
    ):
        return None
    return cand.skill_id


_EXCEL_VERB = _fx(r"^\s+(?:at|in|as|within|on|with|through|when|under|by)\b")


_APPLICATION_MATERIALS = _fx(
    r"\b(?:cover\s+letter|curriculum\s+vitae|transcripts?|application\s+form|attach\w*|apply\s+online|"
    r"your\s+application|application\s+must|publications?\s+written|pdf\s+file|one\s+pdf|your\s+cv|"
    r"including\s+your)\b"
)


_EXCEL_SUBJECT = _fx(r"\b(?:to|will|you|can|we|and|who|ability to|help you)\s+$")


@_rule("excel_tool")
def _excel(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text.lower() != "excel":  # "Microsoft Excel", "VBA": unambiguous
        return cand.skill_id
    if _EXCEL_VERB.search(ctx.lafter(cand)):
        return None  # the verb: "excel at", "excel in"
    if cand.text == "excel" and (_EXCEL_SUBJECT.search(ctx.lbefore(cand)) or not ctx.adjacent(cand)):
        return None  # "you will excel": lower case is the verb unless it sits in a list of tools
    if _APPLICATION_MATERIALS.search(ctx.low[max(0, cand.start - 150) : cand.end + 80]):
        return None  # "an Excel sheet with your grades" is a file to send, not a skill
    return cand.skill_id


_ANIMAL = _fx(
    r"\b(?:animals?|zoo|bamboo|bears?|red\s+pandas?|giant\s+pandas?|wildlife|cubs?|endangered|cute|habitat|plush|"
    r"mascots?|cuddly|stuffed|toys?|"
    r"photographed|nepal|china)\b"
)


_PANDAS_LIBRARY_AFTER = _fx(r"\s*(?:library|dataframes?|api|package|\.|,\s*(?:numpy|polars|scikit|sklearn|scipy))")


@_rule("pandas_library")
def _pandas(ctx: RuleContext, cand: Candidate) -> str | None:
    window = ctx.laround(cand, 60)
    if _ANIMAL.search(window):
        return None
    # "Paddy and the Pandas" (a show): the capitalised name after "the", not "the pandas library"
    if cand.text == "Pandas" and ctx.lbefore(cand, 4) == "the " and not _PANDAS_LIBRARY_AFTER.match(ctx.lafter(cand)):
        return None
    return cand.skill_id


# Learning platforms offered as a perk ("a Coursera licence", "access to Udemy Business") are not skills asked.
_PERK_NEAR = _fx(
    r"\b(?:budget|licen[cs]es?|subscriptions?|memberships?|access\s+to|stipend|allowance|perks?|benefits?|free|"
    r"business|for\s+business|accounts?|vouchers?|sponsored)\b"
)


def _clause_lbefore(ctx: RuleContext, cand: Candidate, n: int = 60) -> str:
    """Up to `n` folded characters before `cand`, from the start of its line or sentence."""
    before = ctx.lbefore(cand, n)
    return before[max(before.rfind("\n"), before.rfind(". ")) + 1 :]


def _in_perk_clause(ctx: RuleContext, cand: Candidate) -> bool:
    """Whether a perk word comes before `cand` in its line or sentence ("a budget for AWS certifications")."""
    return _PERK_NEAR.search(_clause_lbefore(ctx, cand)) is not None


@_rule("learning_platform")
def _learning_platform(ctx: RuleContext, cand: Candidate) -> str | None:
    after = ctx.lafter(cand, 25)
    after = after[: after.find("\n")] if "\n" in after else after
    return None if _in_perk_clause(ctx, cand) or _PERK_NEAR.search(after) else cand.skill_id


# --- clouds, their certifications and other short names ------------------------------------------

_CERT_BEFORE = _fx(r"\bcertif\w*\s+(?:in|for|on|with)\s+(?:[\w-]+\s*(?:,|/|\bor\b|\band\b)\s*){0,3}$")
_CERT_AFTER = _fx(r"^(?:\s*(?:,|/|or|and)\s*[\w-]+)*(?:\s+[\w-]+){0,2}?\s+certif")
# Singapore's Annual Wage Supplement: "plus AWS (13th month)", "AWS of 1 month"
# ... and beside a bonus in the pay line: "SGD 140,000 – 180,000, plus AWS and a performance bonus"
_WAGE_SUPPLEMENT_AFTER = _fx(
    r"^\s*(?:\(\s*(?:13th|annual\s+wage|\d+(?:\.\d+)?\s+months?)|of\s+\d|\d+(?:\.\d+)?\s+months?|"
    r"(?:and|&|\+)\s+(?:an?\s+)?(?:annual\s+|performance\s+|variable\s+|year-end\s+|discretionary\s+)*bonus)"
)
_WAGE_SUPPLEMENT_BEFORE = _fx(
    r"(?:13th[\s-]month(?:\s+bonus)?|annual\s+wage\s+supplement)\s*[(/,]?\s*$"
    r"|\bbonus(?:es)?\s*(?:,|and|&|\+)\s*$|(?:salary|sgd|s\$)[^\n]{0,60}\bplus\s+$"
)
_CERTIFICATION_OF = {"aws": "aws_certification", "gcp": "gcp_certification", "azure": "azure_certification"}


@_rule("cloud_provider")
def _cloud_provider(ctx: RuleContext, cand: Candidate) -> str | None:
    """'Certification in AWS or Azure', 'GCP Professional certification' name the clouds' certifications;
    'plus AWS (13th month)' is Singapore's annual wage supplement, not Amazon's cloud."""
    after, before = ctx.lafter(cand, 50), ctx.lbefore(cand, 60)
    if cand.skill_id == "aws" and (_WAGE_SUPPLEMENT_AFTER.match(after) or _WAGE_SUPPLEMENT_BEFORE.search(before)):
        return None
    line_after = after.split("\n", 1)[0]
    if ("certif" in line_after or "certif" in before) and (
        _CERT_AFTER.match(line_after) or _CERT_BEFORE.search(before.rsplit("\n", 1)[-1])
    ):
        # "a yearly education stipend (AWS and Google Cloud certifications included)": a perk, not asked for
        return None if _in_perk_clause(ctx, cand) else _CERTIFICATION_OF[cand.skill_id]
    return cand.skill_id


_CLOUD_NAMES = r"(?:aws|gcp|azure|google\s+cloud|amazon|microsoft|oci|oracle|alibaba|ibm)\b"
_CLOUD_NOUN_AFTER = _fx(r"^\s*(?:\(\s*(?:e\.g\.,?\s*|such\s+as\s+|like\s+|ideally\s+|preferably\s+|"
                      r"we(?:['’]re|\s+are)\s+(?:on|in|using|mostly\s+on)\s+|we\s+(?:run|are)\s+on\s+)?" + _CLOUD_NAMES
                      + r"|[.,;:)]|$|\n|(?:or|and)\s+"
                      r"(?:on-?prem\w*|containers?|devops|kubernetes|distributed)\b|you\s+(?:learnt|learned|know|used)"
                      r"|(?:platforms?|providers?|environments?|services|infrastructure|computing|deployments?|"
                      # "cloud resources", "a cloud ML stack", "cloud object storage", "one cloud properly"
                      r"experience|skills|native|resources|data\s+platforms?|ml\s+stack|object\s+storage|properly)\b)")
_WORD_BEFORE = re.compile(r"[A-Za-z]\w*[ \t]+$")
_CLOUD_AS_NOUN_BEFORE = _fx(r"\b(?:with|in|on|to|of|the|any|one|public)[ \t]+$")
_CLOUD_USE_BEFORE = _fx(
    r"\b(?:with|in|on|to|of|which|any|one|a\s+major|major|public|the|into|across|using|and|or|some|another|a|an)\s+"
    r"(?:the\s+)?(?:[\w-]+['’]s\s+)?$"  # "in the agency's cloud environment"
)


@_rule("cloud_noun")
def _cloud_noun(ctx: RuleContext, cand: Candidate) -> str | None:
    """Bare 'cloud' as the skill: "Experience with cloud (AWS or GCP)", "which cloud you learnt on",
    "deploy to the cloud"; not a modifier ("cloud warehouse", "Cloud Composer", "dbt Cloud")."""
    if (cand.text[:1] == "C" and cand.text != "Cloud") or ctx.text[cand.start - 1 : cand.start] == "-":
        return None  # "CLOUD" (a heading or a product), "multi-cloud"
    if cand.text == "Cloud":
        before = ctx.before(cand, 20)
        if _WORD_BEFORE.search(before) and not _CLOUD_AS_NOUN_BEFORE.search(ctx.lbefore(cand, 20)):
            return None  # "dbt Cloud", "Google Cloud": a product's name
    if _CLOUD_NOUN_AFTER.match(ctx.lafter(cand, 40)) and _CLOUD_USE_BEFORE.search(ctx.lbefore(cand, 30)):
        return cand.skill_id
    # a list of skills or a tag line: "Technologies: cloud java amazon-web-services", "DevOps / Cloud",
    # "cloud virtualization containerisation microservices", "cloud and on-prem infrastructure"
    if (
        ctx.adjacent(cand)
        or _CLOUD_PAIR.match(ctx.lafter(cand, 30))
        or _CLOUD_PAIR_BEFORE.search(ctx.lbefore(cand, 30))
    ):
        return cand.skill_id
    return None


_CLOUD_PAIR = _fx(r"^\s*(?:&|/|,|and|or)\s*(?:on-?prem\w*|devops|hybrid|edge|virtuali[sz]ation|containers?|"
                  r"cloud\s+providers?|big\s+data|mobile|iot)\b|^\s+(?:virtuali[sz]ation|friendly|native|"
                  r"dimension|engineering|architecture|security|migration|cost|web-services|web\s+services|python|java)\b")
_CLOUD_PAIR_BEFORE = _fx(r"\b(?:devops|iot|security|mobility|on-?prem\w*|hybrid|analytics)\s*(?:&|/|,|and|or)?\s*$")


_TRITON_KERNELS = _fx(r"\b(?:kernels?|cuda|gpu\s+programming|cutlass|ptx|triton\s+language|openai\s+triton)\b")


@_rule("triton_kind")
def _triton(ctx: RuleContext, cand: Candidate) -> str | None:
    """Bare 'Triton': OpenAI's kernel language beside kernels or CUDA ("custom kernels in CUDA or Triton"),
    else NVIDIA's inference server ("ONNX, TensorRT and Triton for serving")."""
    return "triton_lang" if _TRITON_KERNELS.search(ctx.laround(cand, 50)) else cand.skill_id


_PARTY_BEFORE = _fx(
    r"\b(?:summer|winter|holiday|christmas|xmas|birthday|launch|annual|yearly|team|company|office|rooftop|"
    r"year-end|end-of-year|big|little|legendary|famous|farewell|anniversary|friday|beach|garden)\s+$"
)


_PARTY_AFTER = _fx(r"\s+(?:party|celebration)\b")


# "I agree with the processing of my personal data according to GDPR", "add the clause about personal data
# processing (GDPR) to your CV": the application's privacy notice, not data governance asked of the hire
_PRIVACY_NOTICE = _fx(
    r"\b(?:(?:your|my)\s+(?:personal\s+)?data|personal\s+data\s+(?:processing|protection\s+notice)|processing\s+of\s+"
    r"(?:your\s+|my\s+)?personal\s+data|privacy\s+(?:notice|policy|statement)|your\s+(?:application|cv|resume|r\u00e9sum\u00e9)|"
    r"recruitment\s+process|candidate\s+privacy|applicant\s+privacy)\b"
)


@_rule("privacy_asked")
def _privacy_asked(ctx: RuleContext, cand: Candidate) -> str | None:
    """GDPR or data privacy as the work's concern, not an application's privacy notice."""
    start, end = ctx.index.sentence(cand.start, cand.end)
    if _PRIVACY_NOTICE.search(ctx.low, start, end):
        return None
    return cand.skill_id


@_rule("probability_subject")
def _probability_subject(ctx: RuleContext, cand: Candidate) -> str | None:
    """Probability the subject, not a model's target: "probability-of-default models", "failure-probability
    models", "win-probability graphics" (read sets: 3 of 3 such postings leave it out)."""
    if ctx.text[cand.start - 1 : cand.start] == "-" or ctx.text.startswith("-of", cand.end):
        return None
    if cand.text[-2:].lower() == "ic" and _FORECAST_AFTER.match(ctx.low, cand.end):
        return None  # "probabilistic forecasts": forecasting with uncertainty (read sets 15-23: absent 15 of 16)
    return cand.skill_id


_FORECAST_AFTER = re.compile(r"[ \t]+(?:\([\w ]{1,20}\)[ \t]+)?(?:[\w-]+[ \t]+){0,2}?forecast")


# Bare "serve", "served", "serving" as model serving: "serving inside our Go match servers via ONNX Runtime",
# "Serving those embeddings from our vector index", "served from FastAPI", "training and serving", "Go for serving"
# (read sets: 14 postings newly gold, 2 against), not the company's customers
# ("a utility serving 1.4 million customers", "the communities we serve"), a role ("Serve as the point of
# contact"), "self-serve" data, or a team ("The serving organization").
_SERVE_NOT_AFTER = _fx(
    r"\s+(?:as\b|\d|over\s+\d|more\s+than|millions?\b|thousands?\b|hundreds?\b|(?:our\s+|the\s+|their\s+)?(?:customers|"
    r"clients|users|members|subscribers|patients|businesses|communities|community|public|citizens|farmers|"
    r"households|homes|merchants|sellers|shoppers|learners|students|players)\b|(?:teams?|org|orgs|organi[sz]ations?|"
    r"groups?|department)\b)"
)
_SERVE_NOT_BEFORE = _fx(r"(?:self-|under-|self\s|\b(?:not|never|won['’]t)\s+(?:work|touch|own|do)\s+(?:on\s+)?)$")
_SERVE_ML_WORDS = _fx(
    r"\b(?:models?|embeddings?|llms?|inference|recommendations?|predictions?|gpus?|endpoints?|latency|triton|vllm|"
    r"fastapi|onnx|tensorflow|pytorch|feature\s+store|training|checkpoints?|batch\s+jobs|real-time|lora|rankers?|"
    r"ranking|scoring|ml)\b"
)
_SERVE_LABEL_AFTER = re.compile(r"[ \t]*(?:\||:)")
_FOR_SERVING = _fx(r"\bfor\s+$")


def _model_serving_verb(ctx: RuleContext, cand: Candidate) -> str | None:
    if _SERVE_NOT_AFTER.match(ctx.lafter(cand, 40)) or _SERVE_NOT_BEFORE.search(ctx.lbefore(cand, 24)):
        return None
    line_start = ctx.text.rfind("\n", 0, cand.start) + 1
    if cand.start == line_start and _SERVE_LABEL_AFTER.match(ctx.text, cand.end):
        return cand.skill_id  # a stack table's row: "Serving | Docker containers on Kubernetes"
    if _FOR_SERVING.search(ctx.lbefore(cand, 6)) and re.match(r"\s*(?:[.;,)]|$)", ctx.after(cand, 4)):
        return cand.skill_id  # "one of Java/Go for serving."
    start, end = ctx.index.sentence(cand.start, cand.end)
    return cand.skill_id if _SERVE_ML_WORDS.search(ctx.low, start, end) else None


@_rule("bash_shell")
def _bash(ctx: RuleContext, cand: Candidate) -> str | None:
    """Bash the shell, not 'our famous summer bash' (a party)."""
    if _PARTY_BEFORE.search(ctx.lbefore(cand, 25)) or _PARTY_AFTER.match(ctx.lafter(cand)):
        return None
    return cand.skill_id


_COMPANY_FORM_AFTER = re.compile(r"[ \t]*(?:,[ \t]*(?:a|an|the|which|founded|based)\b|[ \t]+(?:is|was|has|are|were|"
                                 r"\(|founded|based|SA\b|S\.A\.)|\)[ \t]+(?:is|was))")
_SAS_PRODUCT_BEFORE = re.compile(r"\b(?:Base|Enterprise|Viya|Visual|Advanced|SAS/\w+|Certified)[ \t]+$")


@_rule("sas_software")
def _sas(ctx: RuleContext, cand: Candidate) -> str | None:
    """SAS the software, not the French company form in 'Lumière Docs SAS is a Paris start-up'."""
    before = ctx.before(cand, 30)
    if (
        re.search(r"[A-ZÀ-Þ][\w&'’.-]*[ \t]+$", before)
        and not _SAS_PRODUCT_BEFORE.search(before)
        and _COMPANY_FORM_AFTER.match(ctx.text, cand.end)
    ):
        return None
    return cand.skill_id


@_rule("certification_generic")
def _certification_generic(ctx: RuleContext, cand: Candidate) -> str | None:
    """Certifications asked for, not a perk ("budget for trainings and certifications") nor a cloud's own,
    which the cloud's mention names ("GCP Professional certification")."""
    before = _clause_lbefore(ctx, cand)
    if _PERK_NEAR.search(before) or _CLOUD_CERT_BEFORE.search(before) or _NOT_ASKED_CERTS_BEFORE.search(before):
        return None
    return cand.skill_id


@_rule("cloud_certification")
def _cloud_certification(ctx: RuleContext, cand: Candidate) -> str | None:
    """A cloud's certification asked for, not a perk ("a yearly learning allowance (use it for a GCP
    certification if you like)")."""
    return None if _in_perk_clause(ctx, cand) else cand.skill_id


@_rule("currency_code")
def _currency_code(ctx: RuleContext, cand: Candidate) -> str | None:
    """PHP the language, not the Philippine peso ("PHP 110,000 - 150,000 monthly", "85,000 PHP")."""
    if _AMOUNT_AFTER.match(ctx.after(cand, 16)) or _AMOUNT_BEFORE.search(ctx.before(cand, 16)):
        return None
    return cand.skill_id


# an amount, not a version ("PHP 8", "PHP 7.4"): grouped thousands, four digits or more, or a k / M
_AMOUNT = r"(?:\d{1,3}(?:[,.\s]\d{3})+|\d{4,}|\d+(?:\.\d+)?\s?[kKmM]\b)"
_AMOUNT_AFTER = re.compile(r"\s?" + _AMOUNT)
_AMOUNT_BEFORE = re.compile(_AMOUNT + r"\s?$")


@_rule("report_builder")
def _report_builder(ctx: RuleContext, cand: Candidate) -> str | None:
    """"Looker Studio" (once Google Data Studio) is Google's free report builder, a product apart from Looker:
    its names are aliases only so that they are not read as Looker (annotators of two read sets: 2 of 2 absent)."""
    return None


@_rule("code_peer_review")
def _code_peer_review(ctx: RuleContext, cand: Candidate) -> str | None:
    """"Peer review" of code, not of papers ("document methods for publication and peer review")."""
    return None if _PUBLISHING_NEAR.search(ctx.laround(cand, 50)) else cand.skill_id


_PUBLISHING_NEAR = _fx(r"\b(?:publications?|publish\w*|journals?|papers?|manuscripts?|scientific|academic|articles?)\b")


# Boilerplate that names certifications without asking for them: the factors of a pay range ("skill sets,
# experience and training, licensure and certifications") and what applicants may mention ("tell us about any
# volunteer work, certifications or side projects")
_NOT_ASKED_CERTS_BEFORE = _fx(r"\blicensure\s+(?:and|&|/)\s+$|\b(?:any|about)\s+(?:[\w-]+\s+){0,2}\w+,\s+$")


# "competitions" as contests the hire entered ("Kaggle competitions", "student design competitions"), not a
# market's competition.
_CONTEST_NEAR = _fx(
    r"\b(?:kaggle|casp|hackathons?|challenges?|leaderboards?|participa\w*|student|design|coding|programming|"
    r"ml|machine\s+learning|data\s+science|ai|open[- ]source|contributions?|projects?|results?|won|winning)\b"
)


@_rule("competition_entry")
def _competition_entry(ctx: RuleContext, cand: Candidate) -> str | None:
    return cand.skill_id if _CONTEST_NEAR.search(ctx.laround(cand, 60)) else None


# Bare "publications" as the hire's record ("- Publications in NLP", "shown by publications"), not an application's
# paperwork ("a complete list of publications", "the publications must be accompanied by ...").
_PUBLICATIONS_BEFORE = _fx(
    r"(?:(?:^|\n)[ \t]*(?:[-*•·–]|\d+[.)])?[ \t]*|\b(?:by|through|via|of\s+(?:research|work)|record\s+of|or|and|with|"
    r"strong|first-author|peer-reviewed|relevant|your\s+own)\s+)$"
)


# "Present your work at our monthly AI demo day", "at internal reviews": the company's own forums
_OWN_FORUM_AFTER = _fx(r"\s*(?:our|internal|the\s+(?:team|company|weekly|monthly)|team|company|"
                       r"an?\s+(?:internal|weekly|monthly|quarterly|team|company))\b")


@_rule("publication_record")
def _publication_record(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text[:1] in "Pp" and cand.text.lower().startswith("present"):
        return None if _OWN_FORUM_AFTER.match(ctx.lafter(cand, 30)) else cand.skill_id
    if re.search(r"\blist\s+of\s+$", ctx.lbefore(cand, 20)):
        return None
    return cand.skill_id if _PUBLICATIONS_BEFORE.search(ctx.lbefore(cand, 30)) else None


# Bare "CI" (continuous integration): "tests that run in CI", "testing, CI", not "95% CI" (an interval)
_CI_BEFORE = _fx(r"\b(?:in|into|on|through|via|with|to|and|or)\s+$|,\s*$")
_CI_NOT_AFTER = _fx(r"^\s*(?:[\d(=\[]|of\b|for\b|width|level|bounds?\b|lower|upper)")


@_rule("ci_practice")
def _ci_practice(ctx: RuleContext, cand: Candidate) -> str | None:
    if _CI_NOT_AFTER.search(ctx.lafter(cand, 12)) or re.search(r"%\s*$", ctx.before(cand, 6)):
        return None
    if _CI_BEFORE.search(ctx.lbefore(cand, 12)) or ctx.adjacent(cand):
        return cand.skill_id
    return None


_CLOUD_CERT_BEFORE = _fx(r"\b(?:aws|gcp|azure|google\s+cloud|kubernetes|cka)\s+(?:[\w-]+\s+)?$")


_PHYSICAL_AIRFLOW = _fx(
    r"\b(?:data cent(?:er|re)s?|cooling|hvac|ventilation|fans?|thermal|heat\w*|ducts?|racks?|server rooms?|"
    r"temperature|cfm|vents?|tents?|warmth|breathab\w*)\b"
)


@_rule("airflow_tool")
def _airflow(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text.lower().startswith(("apache", "cloud composer")):
        return cand.skill_id
    if _PHYSICAL_AIRFLOW.search(ctx.laround(cand, 60)):
        return None
    if cand.text == "airflow" and not ctx.adjacent(cand):
        return None
    return cand.skill_id


@_rule("snowflake_db")
def _snowflake(ctx: RuleContext, cand: Candidate) -> str | None:
    if re.match(r"\s*(?:schemas?|models?|design|dimensions?)\b", ctx.after(cand), re.I):
        return None
    if re.search(
        r"\b(?:special|unique|little|delicate|like a|a single|every|no two|each|winter)\s+$",
        ctx.before(cand),
        re.I,
    ):
        return None
    if cand.text.islower() and not ctx.adjacent(cand):
        return None
    return cand.skill_id


_AML_FINANCE = _fx(
    r"money laundering|\bkyc\b|sanctions|compliance|fraud|financial crime|\bcft\b|transaction monitoring"
)


@_rule("aml_abbrev")
def _aml(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text.lower() != "aml":
        return cand.skill_id
    window = ctx.laround(cand, 80)
    if _AML_FINANCE.search(window) or not re.search(r"\bazure\b", window, re.I):
        return None
    return cand.skill_id


_RESUME = _fx(
    r"\b(?:cover letter|r[ée]sum[ée]s?|resumes?|send|submit|upload|attach\w*|apply|application|your cv|cvs|"
    r"curriculum vitae|portfolio|linkedin|e-?mail)\b"
)
_CV_CUE = _fx(
    r"^\s*(?:models?|engineers?|research|tasks?|pipelines?|systems?|problems?|algorithms?|/\s*(?:ml|nlp|dl)|"
    r"in\s+production)\b"
)
# experience counted in years is a field's, not a document's: "3+ years of CV", "4 yrs in CV"
_CV_YEARS_BEFORE = _fx(r"\b(?:years?|yrs)\s+(?:of\s+|in\s+|doing\s+)(?:applied\s+|industry\s+|production\s+)?$")


@_rule("cv_abbrev")
def _cv(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text != "CV":
        return _not_degree_field(ctx, cand)  # "MSc in Computer Vision" names the degree
    if _RESUME.search(ctx.laround(cand, 60)):
        return None
    if (
        _CV_CUE.search(ctx.lafter(cand))
        or ctx.adjacent(cand)
        or _CV_YEARS_BEFORE.search(ctx.lbefore(cand, 30))
        or re.search(r"computer vision\s*\($", ctx.before(cand), re.I)
    ):
        return cand.skill_id
    return None


_TERRAFORM = _fx(
    r"\b(?:terraform|hcl|infrastructure[\s-]as[\s-]code|iac|tfstate|tf\s+modules?|state\s+files?)\b"
)
# Where "Terraform" is spelled out beside "TF" (e.g. "MLflow, Terraform and/or TF"), TF names something else:
# TensorFlow. TF means Terraform when it is defined as such or followed by Terraform's own nouns.
_TF_TERRAFORM_AFTER = _fx(r"\s*(?:\(\s*terraform|modules?\b|state\b|plan\b|apply\b|providers?\b|workspaces?\b|cloud\b"
                          r"|files?\b|configs?\b|scripts?\b|code\b|stacks?\b)")
_TF_DEFINED_BEFORE = _fx(r"terraform\s*\(\s*$")
_ML_NEARBY = _fx(r"\b(?:pytorch|keras|jax|deep learning|neural|models?|machine learning|ml)\b")
_TF_CUE_BEFORE = _fx(
    r"\b(?:with|of|know|knows|knowing|in|using|use|on|like|including|proficient|proficiency|fluent|expert"
    r"|exposure to)\s+$"
)


@_rule("tf_abbrev")
def _tf(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text != "TF":
        return cand.skill_id
    after = ctx.lafter(cand)
    if re.match(r"\s*[-‑]?\s*idf", after, re.I):
        return None
    if _TF_TERRAFORM_AFTER.match(after) or _TF_DEFINED_BEFORE.search(ctx.lbefore(cand, 20)):
        return None  # "TF modules", "TF state", "Terraform (TF)": infrastructure postings say TF for Terraform
    window = ctx.laround(cand, 80)
    if _TERRAFORM.search(window) and not re.search(r"terraform", window, re.I) and not _ML_NEARBY.search(window):
        return None  # IaC / HCL talk without Terraform spelled out and without ML frameworks around
    if re.match(
        r"\s*(?:\d|serving|lite|models?|keras|\.keras|/\s*(?:keras|pytorch)|experience|skills|knowledge|"
        r"expertise)",
        after,
        re.I,
    ) or ctx.adjacent(cand):
        return cand.skill_id
    if _TF_CUE_BEFORE.search(ctx.lbefore(cand, 30)):  # "Experience with TF", "bonus if you know TF"
        return cand.skill_id
    return None


@_rule("hf_abbrev")
def _hf(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text != "HF":
        return cand.skill_id
    if re.match(
        r"\s*(?:transformers|hub|models?|datasets|spaces|accelerate|peft|trl|diffusers|ecosystem)\b",
        ctx.after(cand),
        re.I,
    ):
        return cand.skill_id
    if re.search(
        r"\b(?:trading|radio|frequency|heart failure)\b",
        ctx.around(cand, 40),
        re.I,
    ):
        return None
    return cand.skill_id if ctx.adjacent(cand) else None


_HF_LIB = _fx(r"(?:hugging\s*face|\bhf\b|🤗)(?:'s)?\s*$")
_LIB_AFTER = _fx(r"^\s*(?:library|package|pipelines?\(|\.|==|>=)")


@_rule("transformers_disambiguation")
def _transformers(ctx: RuleContext, cand: Candidate) -> str | None:
    """Hugging Face's Transformers library vs the transformer architecture (a concept)."""
    if cand.text.lower().startswith("transformer") and cand.text.lower() in ("transformers", "transformer"):
        if _HF_LIB.search(ctx.lbefore(cand, 20)) or (
            cand.text == "Transformers" and _LIB_AFTER.search(ctx.lafter(cand, 12))
        ):
            return "hugging_face_transformers"
        if cand.text == "transformers" and re.match(r"\s*(?:==|>=|library)", ctx.after(cand, 12)):
            return "hugging_face_transformers"
        before, after = ctx.lbefore(cand, 30), ctx.lafter(cand, 30)
        if _GRID_TRANSFORMER_BEFORE.search(before) or _GRID_TRANSFORMER_AFTER.match(after):
            return None  # "distribution transformers", "transformer failures": power-grid equipment
    return cand.skill_id


_GRID_TRANSFORMER_BEFORE = _fx(
    r"\b(?:distribution|power|electrical|electric|grid|substation|pole-mounted|pad-mounted|step-up|step-down|"
    r"high-voltage|voltage|utility|oil-filled|per)\s+$"  # "load forecasting per transformer"
    # grid equipment in a list: "substations and transformers", "cables, switchgear and transformers"
    r"|\b(?:substations?|switchgear|feeders?|power\s+lines|cables|turbines|circuit\s+breakers|poles|conductors|"
    r"insulators|meters)\s*(?:,|and|or|&)\s*$"
)
_GRID_TRANSFORMER_AFTER = _fx(
    r"\s+(?:failures?|substations?|windings?|oil|fleet|outages?|loading|ratings?|maintenance|health|faults?)\b"
    # "poles, transformers and conductors": grid assets in a list
    r"|\s*(?:,|and|or|&)\s*(?:\w+\s+)?(?:poles|conductors|substations?|switchgear|feeders?|insulators|cables)\b"
)


_NOT_SOFTWARE_TESTING = _fx(
    r"\b(?:hiv|covid\w*|virus|viral|hepatitis|clinical|blood|patients?|medical|laboratory|drugs?|hearing|"
    r"penetration|pen|social\s+engineering|SE|attack|diagnostic|samples?|specimens?|soil|emissions?|"
    r"materials?|crash|vehicles?|animal|genetic|dna|psychometric|strength\s+finder|point-of-care|infectious|"
    r"diseases?|clinics?|clinicians?|cybersecurity|security\s+controls?|regulatory|back-|usability|user\s+testing)\b"
)
# statistical tests: "sequential testing", "hypothesis testing", "multiple testing corrections"
_STATISTICAL_TEST_BEFORE = _fx(r"\b(?:sequential|hypothesis|significance|multiple|statistical|multivariate)\s+$")


# the company trying a product: "we use Azure AI Search today and are testing pgvector", "We're testing Mistral
# models through Azure AI Foundry" (2 of 2 read postings: no testing asked of the hire)
_TRYING_OUT_BEFORE = _fx(r"\b(?:we\s+are|we['’]re|and\s+are|we\s+(?:are\s+)?(?:now|currently))\s+$")
_JEST_CUE_BEFORE = _fx(r"\b(?:with|using|use|uses|used|in|via|and|or|like)\s+$")
_TEST_WORD = _fx(r"\b(?:tests?|testing|test\s+runners?)\b")
_TESTY_OTHER_AFTER = _fx(r"\s+(?:a/b|ab\b|laborat|medyczn|kliniczn|statystyczn|psychometr)")


@_rule("testing_practice")
def _testing(ctx: RuleContext, cand: Candidate) -> str | None:
    """Bare 'testing' is software testing unless the window names lab, medical or security testing, or a
    statistical test comes right before it ("sequential testing"). Jest, the JavaScript test runner, only in a
    list of tools, after "with/using" or beside a test word: "jest" is Polish for "is"."""
    if cand.text.lower() == "jest":
        if _JEST_CUE_BEFORE.search(ctx.lbefore(cand, 20)) or _TEST_WORD.search(ctx.laround(cand, 60)):
            return cand.skill_id  # "testing tools (we use Jest, Cypress)"
        return _list_only(ctx, cand)
    if cand.text.lower() == "testy":  # Polish "tests": the code's, in a list ("testy, code review, dokumentacja")
        return None if _TESTY_OTHER_AFTER.match(ctx.low, cand.end) else _list_only(ctx, cand)
    if _STATISTICAL_TEST_BEFORE.search(ctx.lbefore(cand, 20)):
        return None
    if cand.text.lower() == "testing" and _TRYING_OUT_BEFORE.search(ctx.lbefore(cand, 30)):
        return None
    return (
        None
        if _NOT_SOFTWARE_TESTING.search(ctx.low[max(0, cand.start - 50) : cand.end + 40])
        else cand.skill_id
    )


_DEGREE_BEFORE = _fx(
    r"(?<!\w)(?:degrees?|bachelor\S*|masters?|master['’]s|ph\.?\s?d\.?|doctorate|b\.?s\.?c?\.?|m\.?s\.?c?\.?|"
    r"b\.?a\.?|m\.?a\.?|diploma|major(?:ed)?|bac\s*\+\s*\d|2[:.]1|first[- ]class|qualifications?|denkniveau|"
    # Indian and British names: "B.Tech / M.Tech / MCA in", "B.E. in", "BEng in"
    r"b\.?tech\.?|m\.?tech\.?|b\.e\.|mca|bca|b\.?eng\.?|m\.?eng\.?|"
    # the bachelor's of Latin America and Southern Europe, written in an English posting ("Licenciatura in")
    r"licenciatura|laurea|"
    # "Completed studies in", "a PhD program in", "Tertiary qualifications in"
    r"(?:completed|university|academic|graduate|undergraduate|higher)\s+(?:studies|education)|"
    r"(?:phd|ph\.d\.|doctoral|master['’]?s|bachelor['’]?s|degree|graduate|msc|bsc)\s+(?:program(?:me)?s?|studies))(?!\w)"
    r"(?:\s+\(?honou?rs\)?)?"  # "BSc Honours (or higher) in"
    r"(?:\s+or\s+(?:ph\.?\s?d\.?|m\.?s\.?c?\.?|masters?|doctorate|above|higher|better)(?!\w))?(?:\s+degree)?"
    # a national framework's level: "A degree at NFQ Level 8 or higher in", "(NFQ Level 8) or higher in"
    r"(?:\s+(?:at|of)\s+(?:[a-z]{3}\s+)?level\s+\d+(?:\s+or\s+(?:above|higher))?)?"
    # "a Bachelor's degree from an accredited college or university in ..."
    # "a Master's degree from an engineering school or university, in computer science"
    r"(?:\s*\([^()\n]{0,20}\))?(?:\s+from\s+(?:an?|the)\s+(?:accredited\s+|recogni[sz]ed\s+|four-year\s+|engineering\s+|business\s+)?"
    r"(?:college|university|institution|school)(?:\s+or\s+(?:an?\s+)?(?:college|university|school))?,?)?"
    # "degree (Master or Diploma) in ...", "Bac+5 (Master's or grande école) in ..."
    r"(?:\s*\([^()\n]{0,40}\)(?:\s+or\s+(?:above|higher|better))?)?"
    # "PhD preferred, in NLP", "werk- en denkniveau, for example in Econometrics"
    # "Masters preferred (Econometrics, CS, Physics, whatever)": the fields in a bracket
    r"(?:\s*,?\s*(?:preferred|required|ideally|preferably|for\s+example|e\.g\.|such\s+as)\s*,?)?(?:\s+(?:in|of)\s+|\s*\(\s*)"
    # "in a quantitative field (statistics, ...", "in a quantitative field: mathematics, ...": a parenthesis or a
    # colon opens the list of fields
    # a field's bracketed qualifier: "an MSc in (Applied) Mathematics, Computer Science, Econometrics"
    r"(?:(?:a\s+)?(?:\([a-z]+\)\s*)?[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,3}\s*(?:,\s*(?:or\s+|and\s+)?|/\s*|\s+or\s+|\s+and\s+"
    r"|\s*\(\s*(?:e\.g\.,?\s*|such\s+as\s+|like\s+)?|\s*:\s*|\s+(?:such\s+as|like|e\.g\.,?|including)\s+))*(?:\([a-z]+\)\s*)?$"
)


_STATS_AS_DATA = _fx(
    r"\b(?:usage|sales|traffic|game|player|match|site|web|page|visitor|download|crime|labou?r|vital|"
    r"population|official|key|summary)\s+$"
)


# Dashboards of a monitoring kind ("regression dashboards", "cost dashboards", "WER/latency dashboards": read
# postings, absent in 6 of 6) or someone else's ("the account managers' Looker dashboards", "their dashboards",
# "our customers' dashboards": absent in 4 of 4) are not the hire's data visualisation.
_DASHBOARDS_NOT_BEFORE = _fx(
    r"(?:\b(?:regression|cost|latency|error-analysis|slo|incident)\s+(?:and\s+\w+\s+)?|"
    r"\b\w+s['’]\s+(?:[\w-]+\s+)?|\btheir\s+(?:[\w-]+\s+)?)$"
)


@_rule("dashboards")
def _dashboards(ctx: RuleContext, cand: Candidate) -> str | None:
    return None if _DASHBOARDS_NOT_BEFORE.search(ctx.lbefore(cand, 40)) else cand.skill_id


@_rule("training_purpose")
def _training_purpose(ctx: RuleContext, cand: Candidate) -> str | None:
    """'model training' as what infrastructure is for (see _training_for_serving) is no skill of the hire's."""
    return None if _training_for_serving(ctx.low, cand.start, cand.end) else cand.skill_id


@_rule("edge_not_cutting")
def _edge_not_cutting(ctx: RuleContext, cand: Candidate) -> str | None:
    """'edge AI', 'edge devices': not the end of "cutting-edge AI projects" or "leading-edge devices"."""
    return None if ctx.lbefore(cand, 10).endswith(("cutting-", "leading-", "bleeding-")) else cand.skill_id


@_rule("not_degree_field")
def _not_degree_field(ctx: RuleContext, cand: Candidate) -> str | None:
    """'degree in Computer Science, Mathematics or Statistics' names a field of study, not a skill."""
    if cand.text == "Robotics" and re.search(r"\b[A-Z][\w&]*[ \t]+$", ctx.before(cand, 25)):
        return None  # "Northwind Robotics": a company name
    if cand.skill_id == "statistics" and _STATS_AS_DATA.search(ctx.lbefore(cand, 30)):
        return None  # "usage statistics": figures, not the discipline
    # The line, not the sentence: "B.S. in Computer Science, Data Science" holds a full stop.
    window = ctx.low[max(0, cand.start - 150) : cand.start]
    window = window[window.rfind("\n") + 1 :]
    return None if _DEGREE_BEFORE.search(window) else cand.skill_id


_ML_AS_NOUN = re.compile(
    r"(?:$|[ \t]*(?:[.,;:)\n]|$)|[ \t]+(?:in|and|or|for|to|at|with|experience|skills?|knowledge|expertise|"
    r"background|fundamentals|concepts|theory|techniques|methods|algorithms|research|is|are|would|will|"
    r"preferred|a\s+plus|as|too|also)\b"
    # the discipline, as "machine learning engineering" is:
    # "3 years of ML engineering", "applied ML consulting"
    r"|[ \t]+(?:engineering|consulting|development|modell?ing)\b(?![ \t]+(?:team|teams|org|organi[sz]ation|"
    r"manager|managers|group|department|lead|leads|roles?|positions?|hires?|interviews?|function|ladder)\b))",
    re.IGNORECASE,
)


_ML_PAIRED = re.compile(
    r"[ \t]*/[ \t]*(?:AI|NLP|DL|CV|LLMs?|GenAI|deep[ \t]+learning|data[ \t]+science|statistics|data|analytics)\b",
    re.IGNORECASE,
)
_AS_AN_ML_ENGINEER = re.compile(r"[ \t]+(?:engineer|engineers|researcher|researchers)\b", re.IGNORECASE)
# Years in such roles are years of the discipline: "5+ years in platform, DevOps or ML engineering roles" (gold in
# 3 of 3 read postings)
_ML_ROLES_AFTER = re.compile(r"[ \t]+engineering[ \t]+(?:roles?|positions?)\b", re.IGNORECASE)
_YEARS_BEFORE = re.compile(r"\b(?:years?|yrs)\b[^.;\n]{0,60}$", re.IGNORECASE)


@_rule("machine_learning_term")
def _machine_learning(ctx: RuleContext, cand: Candidate) -> str | None:
    """'machine learning' and bare 'ML' used as a noun ("experience applying ML in production"), not a
    degree field ("PhD in ML") nor a modifier ("ML team", "ML platform", "ML Engineer")."""
    if (
        cand.text == "ML"
        and not _ML_AS_NOUN.match(ctx.text, cand.end, cand.end + 30)
        and not (_ML_ROLES_AFTER.match(ctx.text, cand.end) and _YEARS_BEFORE.search(ctx.before(cand, 80)))
        and not (_AS_AN_ML_ENGINEER.match(ctx.text, cand.end) and _AS_A_ROLE.search(ctx.before(cand, 30)))
    ):
        # "experience in ML/NLP", "4+ years in ML/Data Science": a noun when the field paired with it is one
        paired = _ML_PAIRED.match(ctx.text, cand.end)
        if paired is None or not _ML_AS_NOUN.match(ctx.text, paired.end(), paired.end() + 30):
            return None
    if _SUPPORTING_BEFORE.search(ctx.lbefore(cand, 20)) and (
        _names_a_group(ctx, cand) or _ML_USERS_AFTER.match(ctx.lafter(cand, 40))
    ):
        return None  # "at least one year supporting machine learning teams": whom a data engineer serves
    if _HEAD_OF_BEFORE.search(ctx.lbefore(cand, 30)):
        return None  # a title: "report to the Director of ML Engineering", "our head of ML" (read sets: 2 of 2)
    if cand.text == "ML" and _TITLE_PAREN_BEFORE.search(ctx.lbefore(cand, 40)):
        return None  # a title's qualifier: "Data Engineer (ML)", "Perception Engineer (ML)" (read sets: 4 of 4 absent)
    return _not_degree_field(ctx, cand)


_TITLE_PAREN_BEFORE = _fx(
    r"\b(?:engineer|scientist|developer|analyst|researcher|architect|lead|manager|intern)\s*\(\s*$"
)


_SUPPORTING_BEFORE = _fx(r"\b(?:supporting|support|supports|serving|serve|serves)\s+$")
_ML_USERS_AFTER = _fx(r"\s+(?:engineers|scientists|researchers|practitioners|users)\b")  # not "workloads" (3 of 3 gold)


_GROUP_NOUNS = r"teams?|groups?|departments?|orgs?|organi[sz]ations?|squads?|functions?"


# A field naming a group of people, not the work: "supporting data science or ML teams", "the Applied AI team",
# "our Head of Applied AI", "our IT security officers".
_GROUP_AFTER = _fx(
    r"^(?:\s*(?:,|or|and|&|/)\s*(?:[\w-]+\s+){0,2}?[\w-]+)?\s+(?:" + _GROUP_NOUNS
    + r"|leaders(?:hip)?|managers?|officers?|chapter|guild|community|practice\s+leads?)\b"
)
# "reports to the Director of Claims Data Science": a department's name
_HEAD_OF_BEFORE = _fx(
    r"\b(?:head|director|vp|vice\s+president|chief|lead)\s+of\s+(?:the\s+)?(?:(?!and\b|or\b)[\w&-]+\s+){0,2}$"
    # ... and titles written without "of": "reporting to the Manager, Applied AI", "Director Data Science"
    r"|\b(?:the|our|a)\s+(?:head|director|manager|vp)\s*,\s*$|\bdirector\s+$"
)


def _names_a_group(ctx: RuleContext, cand: Candidate) -> bool:
    return bool(_GROUP_AFTER.match(ctx.lafter(cand, 60)) or _HEAD_OF_BEFORE.search(ctx.lbefore(cand, 30)))


# ("5+ years as a machine learning or software engineer", "experience as a DevOps, platform or software engineer")
_WORKED_AS_BEFORE = _fx(
    r"\b(?:experience|years?|yrs|background|worked|working|time|career)\s+as\s+(?:an?\s+)?"
    r"(?:[\w-]+,?\s+(?:(?:or|and)\s+)?){0,3}$"
)


@_rule("role_or_field")
def _role_or_field(ctx: RuleContext, cand: Candidate) -> str | None:
    """'data science' the discipline (not a degree field, nor a group of people: "data science teams");
    'data scientist', 'software engineer' only as the work done: "2 years of experience as a data scientist"
    (a bare job title names no skill)."""
    text = cand.text.lower()
    if text.endswith(("scientist", "scientists")):
        return _as_role(ctx, cand)
    if text.endswith(("engineer", "engineers", "developer", "developers")):
        # "5+ years as software engineer", "experience as a software developer"; not "As a Software Engineer
        # on Ads you'll ..." introducing the role, nor "my talents as a software engineer" (SkillSpan)
        return cand.skill_id if _WORKED_AS_BEFORE.search(ctx.lbefore(cand, 60)) else None
    if _names_a_group(ctx, cand):
        return None
    return _not_degree_field(ctx, cand)


# Words of a posting about large language models: there, LoRA or PEFT fine-tune LLMs, and an "evaluation
# harness" evaluates them; elsewhere they adapt and evaluate other models.
_LLM_POSTING = _fx(
    r"\bllms?\b|large\s+language\s+models?|\bgpt|generative\s+ai|\bgenai\b|foundation\s+models?|"
    r"retrieval[- ]augmented|\brag\b|\bprompt(?:s|ing)?\b"
)


def _llm_posting(ctx: RuleContext) -> bool:
    """Whether the text is about LLMs: searched once per text, however many candidates ask."""
    if ctx.llm is None:
        ctx.llm = _LLM_POSTING.search(ctx.low) is not None
    return ctx.llm


# What fine-tuning names an LLM's: "Fine-tuning of LLMs using LoRA", "fine-tuned an open-weight model (Llama,
# Mistral)", "when fine-tuning beats prompting", "fine-tuning on preference data"; "fine-tune small open models
# for classification" names no LLM (annotators of the read sets: 14 of 15 and 11 of 12).
# Open and hosted LLM families by name ("Llama 3", "Qwen2-VL", "GPT-4o"): also what a fine-tuned object may be.
_LLM_FAMILIES = r"\b(?:llama|mistral|mixtral|qwen|gemma|phi-?\d|gpt|falcon|deepseek)"
_LLM_TUNING_WORDS = (
    r"\bllms?\b|large\s+language|\bprompt(?:s|ing|ed)?\b|\b(?:q?lora|peft|sft|dpo|rlhf)\b|"
    r"preference\s+(?:data|optimi[sz]ation|tuning)|human\s+(?:or\s+ai\s+)?feedback|"
    r"instruction[- ]tun|open[- ]weights?\b|\brag\b|\bagents?\b|" + _LLM_FAMILIES
)
_LLM_TUNING_AFTER = _fx(r"(?:" + _LLM_TUNING_WORDS + r")")
# ... unless what is fine-tuned is (also) another kind of model: "transformer models (AraBERT, and LLMs such as
# Jais)", "vision-language models (Qwen-VL)", "BERT-family encoders and open-weight LLMs" (both are then labelled,
# and both tagged: read postings, llm_finetuning gold in 7 of 7 such objects)
_OTHER_MODEL_WORDS = (
    r"transformer\s+models?|encoders?|\w*bert\w*|vision|speech|asr|whisper|detectors?|classifiers?|"
    r"embedding\s+models?|layout|cnns?|resnets?|yolo"
)
_OTHER_MODELS = _fx(r"\b(?:" + _OTHER_MODEL_WORDS + r")\b")
# (but "fine-tuned an open-weight model or trained a classifier": the LLM is its object, the classifier another
# verb's)
_OR_ANOTHER_VERB = re.compile(r"\b(?:or|and)[ \t]+(?:have[ \t]+)?[a-z]+ed\b")
# ... or right before it: "speech-to-text fine-tuning", "BERT fine-tuning"
_OTHER_MODEL_BEFORE = _fx(r"\b(?:" + _OTHER_MODEL_WORDS + r")(?:-to-text)?[ \t-]+$")
# before it, the cue is in the same list ("prompting, fine-tuning and model routing") or heads its bracket
# ("LLM workloads (fine-tuning, GPU scheduling)")
_LLM_TUNING_BEFORE = _fx(r"(?:" + _LLM_TUNING_WORDS + r")[^.;:!?\n]{0,40}$")


def _tunes_an_llm(ctx: RuleContext, cand: Candidate) -> bool:
    """Whether the fine-tuning at `cand` is an LLM's, read in its sentence (see _LLM_TUNING_WORDS)."""
    low = ctx.low
    end = len(low)
    for stop in ".!?\n":
        at = low.find(stop, cand.end, cand.end + 100)
        if 0 <= at < end:
            end = at
    other = _OTHER_MODELS.search(low, cand.end, min(end, cand.end + 60))
    if other is not None and not (
        (first := _LLM_TUNING_AFTER.search(low, cand.end, other.start())) is not None
        and _OR_ANOTHER_VERB.search(low, first.end(), other.start()) is not None
    ):
        return False
    if _OTHER_MODEL_BEFORE.search(low, max(0, cand.start - 20), cand.start):
        return False  # "speech-to-text fine-tuning", "BERT fine-tuning"
    if _LLM_TUNING_AFTER.search(low, cand.end, min(end, cand.end + 100)):
        return True
    if _LLM_TUNING_BEFORE.search(ctx.lbefore(cand, 50)):
        return True
    opened = low.rfind("(", max(0, cand.start - 120), cand.start)
    if opened >= 0 and low.find(")", opened, cand.start) < 0:  # inside a bracket: the words that head it
        head = low[max(0, opened - 30) : opened]
        return _LLM_TUNING_AFTER.search(head[max(head.rfind("."), head.rfind("\n")) + 1 :]) is not None
    return False


_BARE_TUNING_AFTER = re.compile(
    r"[ \t]*(?:(?:experience|skills?|work)[ \t]+)?(?:is|are|would|helps|[.,;)]|(?:or|and)[ \t]+(?:an?|the)[ \t])"
)


@_rule("llm_or_model")
def _llm_or_model(ctx: RuleContext, cand: Candidate) -> str | None:
    """LoRA/PEFT -> llm_finetuning in an LLM posting (else transfer_learning), and so is fine-tuning where its
    sentence names an LLM (see _tunes_an_llm); an evaluation harness or evals -> llm_evaluation in an LLM
    posting (else model_evaluation)."""
    llm = _llm_posting(ctx)
    if cand.skill_id == "transfer_learning":
        if llm and cand.text[:4].lower() == "fine":  # fine-tuning, fine-tuned, finetuning
            if _tunes_an_llm(ctx, cand):
                return "llm_finetuning"
            # fine-tuning named without an object in a posting about LLMs: "Fine-tuning experience is a plus",
            # "when you need fine-tuning or a classifier" (read postings: llm_finetuning gold in 6 of 6 such
            # postings that name LLMs more than once, transfer learning in none)
            # (not after other models on its line: "transformer models beyond calling them: tokenisation, fine-tuning")
            low = ctx.low
            bare = _BARE_TUNING_AFTER.match(low, cand.end) is not None and _OTHER_MODELS.search(
                low, low.rfind("\n", 0, cand.start) + 1, cand.start
            ) is None
            return "llm_finetuning" if bare and _evaluates_llms(ctx) else "transfer_learning"
        return "llm_finetuning" if llm else "transfer_learning"
    return cand.skill_id if llm and _evaluates_llms(ctx) else "model_evaluation"


def _evaluates_llms(ctx: RuleContext) -> bool:
    """An evaluation set, suite or harness of an LLM posting evaluates LLMs when the posting names them more than
    once, or on a line that speaks of evaluation: a speech or search posting that mentions an LLM once ("a small
    LLM rewrites queries") evaluates its own models (read postings: model_evaluation gold or implicit in 12 of 14
    such postings, llm_evaluation in 2, both with the LLM on a line about evals). Decided once per text."""
    if ctx.llm_evals is None:
        low = ctx.low
        first = _LLM_POSTING.search(low)
        if first is None or _LLM_POSTING.search(low, first.end()) is not None:
            ctx.llm_evals = True
        else:
            ctx.llm_evals = low.find("eval", *_line_span(low, first.start())) >= 0
    return ctx.llm_evals


def _line_span(low: str, at: int) -> tuple[int, int]:
    """Where the line holding offset `at` starts and ends (its line break excluded)."""
    end = low.find("\n", at)
    return low.rfind("\n", 0, at) + 1, len(low) if end < 0 else end


@_rule("field_not_group")
def _field_not_group(ctx: RuleContext, cand: Candidate) -> str | None:
    """'artificial intelligence', 'Applied AI': the field, not a degree field nor a team's or a title's name."""
    return None if _names_a_group(ctx, cand) else _not_degree_field(ctx, cand)


# --- rules applied to every mention -------------------------------------------------------------

_DOMAIN = re.compile(r"[a-z0-9-]\.(?:com|org|net|io|ai|dev|edu|gov|co|uk|de|ml|app|cloud)(?:/|$|:)", re.I)
_URL_CHARS = frozenset("@/.:=?#&%~_-")
URL_CHARS = _URL_CHARS  # a mention can sit inside a URL or an e-mail address only next to one of these


def _in_url_or_email(text: str, start: int, end: int) -> bool:
    lo = start
    floor = max(0, start - 200)
    while lo > floor and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    ceiling = min(len(text), end + 200)
    while hi < ceiling and not text[hi].isspace():
        hi += 1
    token = text[lo:hi]
    if "@" in token or "://" in token or token.lower().startswith("www."):
        return True
    bare = token.strip("()[]<>{}\"'.,;:!?")
    return bare != text[start:end] and _DOMAIN.search(bare) is not None


_NEG_BEFORE = _fx(
    r"(?:\bno\s+(?:prior\s+|previous\s+|formal\s+)?(?:(?:experience|knowledge)\s+(?:with|in|of)\s+)?"
    r"(?:[\w.+#-]+\s*(?:,|/|\bor\b|\band\b)\s*){0,3}"  # "no C# or Unity experience is needed"
    r"|\bnot\s+an?\s+|\bwithout\s+(?:any\s+)?(?:(?:experience|knowledge)\s+(?:with|in|of)\s+)?"
    r"|\b(?:do|does|will|would)(?:n't|n’t|\s+not)\s+need\s+(?:to\s+know\s+)?(?:any\s+)?"
    r"|\bno\s+need\s+(?:for|to\s+know)\s+|\bnon[-\s]?)$"
)
_NEG_AFTER = _fx(
    r"^\s*(?:(?:experience|knowledge|skills)\s+)?(?:(?:is|are)(?:n't|n’t|\s+not)|not)\s+"
    r"(?:required|needed|necessary|mandatory|a\s+(?:must|requirement|prerequisite)|expected)"
    r"(?!\s*,?\s*(?:but|though|although)\b)"  # "not required but helpful": a nice-to-have, not a negation
    r"(?!\s+(?:on|from)\s+day\s+(?:one|1)\b|\s+(?:yet|right\s+away|immediately|at\s+first|to\s+start)\b)"  # later
    # "TypeScript and React, which you won't need to touch": later items of the list, then the clause
    r"|^(?:\s*(?:,|and|or|&)\s*[\w.+#-]+)*\s*,?\s*which\s+you\s+(?:won't|won’t|will\s+not|don't|don’t|do\s+not)"
    r"\s+(?:need\s+to\s+|have\s+to\s+)?(?:touch|use|need|know|work\s+(?:on|with|in))\b"
    # a stack retired: "the last of our Hadoop and Hive jobs were retired in 2025", "Our legacy SAS scoring models
    # are being decommissioned", "the last on-premise Hadoop cluster was switched off"
    r"|^(?:\s*(?:,|and|or|&)\s*[\w.+#-]+)*[^.;\n]{0,40}?\b(?:was|were|is|are|has\s+been|have\s+been|got)\s+"
    r"(?:being\s+|finally\s+|fully\s+|now\s+|all\s+)?(?:retired|decommissioned|switched\s+off|shut\s+down|"
    r"turned\s+off|sunset(?:ted)?|deprecated|phased\s+out|removed)\b"
    # "LLMs are not part of this role (yet)", "Spark AR ...; that is not part of the job"
    r"|^(?:\s*(?:,|and|or|&)\s*[\w.+#-]+)*\s+(?:is|are)(?:n't|n’t|\s+not)\s+(?:a\s+)?part\s+of\s+(?:this|the|your)\s+"
    r"(?:role|job|position)\b"
    # "We're a Snowflake-free shop"
    r"|^-free\b"
    # "the TypeScript frontend belongs to someone else"
    r"|^[^.;\n]{0,30}?\b(?:belongs?\s+to|(?:is|are)\s+owned\s+by)\s+(?:someone|somebody|another|other|a\s+different|"
    r"a\s+separate)\b"
    # "The client's backend is written in Java and Kotlin, you will not work with it"
    r"|^[^.;\n]{0,40}?,\s*(?:but\s+|and\s+)?(?:you|the\s+hire|this\s+role)\s+(?:will\s+not|won't|won’t|do\s+not|don't|don’t|"
    r"does\s+not|doesn't|doesn’t)\s+(?:need\s+to\s+|have\s+to\s+)?(?:touch|use|work\s+(?:on|with|in))\s+"
    r"(?:it|them|this|that|those)\b"
    # a tool tried and left: "we tried LangChain and moved off it", "used Airflow but migrated away from it"
    r"|^(?:\s*(?:,|and|or|&)\s*[\w.+#-]+)*\s*,?\s*(?:and|but|then)\s+(?:have\s+|since\s+|later\s+)*"
    r"(?:moved|migrated|switched)\s+(?:off|away\s+from)\s+(?:it|them)\b"
)
_NEG_NEEDED = _fx(
    r"^(?:\s*(?:,|/|or|and)\s*[\w.+#-]+)*\s*(?:(?:experience|knowledge|skills|code|work)\s+)?(?:is\s+|are\s+)?"
    r"(?:needed|required|necessary|here|involved)\b"
    r"|^\s+shop\b"
)
_OTHER_TEAM = _fx(
    r"(?:\b(?:our|the|their|other|another|a separate|a different|partner)\s+((?:[\w&/-]+\s+){1,3})"
    # "Mathieu's team owns pre-training", "IT's data team runs": a team named by its owner
    r"|\b(?!your\b|our\b)[\w-]+['’]s\s+((?:[\w&/-]+\s+){0,3}))"
    # "Our analytics engineers maintain the dbt models": engineers of another kind, as a team
    r"(?:teams?|engineers|developers)\s+"
    r"(?:(?:already|currently|mainly|mostly|also)\s+)?"
    r"(?:uses|use|runs|run|owns|own|manages|manage|maintains|maintain|relies on|rely on|works with|work with|"
    r"is using|are using|builds on|build on|leverages|leverage|handles|handle|looks after|operates|operate|"
    r"works in|work in|writes|write|codes in|code in|builds in|build in|is built (?:in|on)|lives in|"
    r"live in|serves|serve|trains|train|deploys|deploy|ships|ship|develops|develop|reports|report|models|"
    r"analy[sz]es|analy[sz]e|forecasts|prices)\b"
    r"[^.;\n]*$"
)
_OWN_TEAM = {
    "ml",
    "mle",
    "machine",
    "learning",
    "ai",
    "your",
    "this",
    "my",
    "new",
    "hiring",
    "whole",
    "entire",
}


_NEG_NEED_BEFORE = _fx(
    # "you won't need to know Go", "You don't need to have trained a large model before", "we don't run Kubernetes"
    r"(?:\b(?:(?:do|does|will|would)(?:n't|n’t|\s+not)|won't|won’t)\s+(?:need\s+(?:to\s+(?:have\s+)?"
    r"(?:(?:know|known|use|used|learn|learned|touch|touched|write|written|maintain|run|worked\s+(?:with|in|on))\s+)?)?"
    r"(?:advanced\s+|deep\s+|prior\s+|much\s+|strong\s+)?|use\s+(?:an?\s+)?|run\s+(?:an?\s+)?|touch\s+|write\s+|train\s+|administer\s+|"
    r"work\s+(?:with|in)\s+|require\s+)(?:any\s+|the\s+|our\s+)?"
    r"|\bno\s+need\s+(?:for\s+|to\s+(?:have\s+)?(?:(?:know|use|used|learn|worked\s+(?:with|in))\s+)?)"
    # "This role does not involve Triton Inference Server"
    r"|\b(?:does|will|would)(?:n't|n’t|\s+not)\s+involve\s+"
    # "Don't worry if you haven't used Airflow or dbt: our data engineers run those"
    r"|\b(?:don't|don’t|do\s+not)\s+worry\s+if\s+you\s+(?:haven't|haven’t|have\s+not|don't|don’t|do\s+not)\s+"
    r"(?:(?:used|worked\s+(?:with|in|on)|touched|tried|know|known|seen)\s+)?(?:any\s+)?"
    # "you won't be asked to build dashboards", "you will not be asked to write MATLAB"
    r"|\b(?:won't|won’t|will\s+not)\s+be\s+asked\s+to\s+(?:use|build|write|maintain|touch|do|run|know|learn|train)\s+"
    r"(?:any\s+)?"
    # "you'll never open a customer's SAP", "you never touch Terraform"
    r"|\bnever\s+(?:open|touch|write|run|use|maintain)\s+(?:an?\s+|the\s+|our\s+)?(?:[\w-]+['’]s\s+)?"
    # a stack the company has left: "we moved off Redshift", "migrated away from Hadoop", "no longer use"
    r"|\b(?:moved|moving|migrated|migrating)\s+(?:(?:our|the|all|most|everything|[\w-]+)\s+){0,3}"
    r"(?:off(?:\s+of)?|away\s+from)\s+|\bno\s+longer\s+(?:use|run)s?\s+"
    # ... done in the past: "we moved our orchestration from Airflow to Dagster", "we replaced Luigi with ..."
    # (the hire "moving it from Hadoop to Databricks" works in both)
    r"|\b(?:moved|migrated|switched)\s+(?:(?:our|the|all|most|everything|[\w-]+)\s+){0,3}from\s+"
    # "We completed our move from on-premise Hadoop to Google Cloud in 2025"
    r"|\b(?:completed|finished)\s+(?:our|the|its|their)\s+(?:[\w-]+\s+)?(?:move|migration|transition|switch)\s+"
    r"from\s+(?:(?:on-?prem\w*|legacy|old|self-hosted|self-managed|an?)\s+){0,2}"
    r"|\b(?:replaced|retired|ditched|deprecated|sunset|sunsetted)\s+(?:(?:our|the|an?|old|legacy)\s+){0,2})"
    # earlier items of the same list: "we don't use Spark, Kafka or "
    r"(?:[\w.+#/-]+(?:\s*,\s*(?:and\s+|or\s+|nor\s+)?|\s+(?:and|or|nor)\s+)){0,4}$"
)


# The clause after a semicolon takes back what the one before named: "Some of the group work in Julia and R;
# you won't need either", "... written in Fortran; you will use their outputs but will not need to".
_NEG_NEXT = _fx(
    r";\s*(?:but\s+)?(?:you|the\s+hire|this\s+role)\b[^.;\n]{0,50}?\b(?:won't|won’t|will\s+not|don't|don’t|do\s+not|"
    r"does\s+not|doesn't|doesn’t)\s+(?:need|have|be\s+asked)(?:\s+to)?(?:\s+[a-z]+(?:\s+(?:with|in|on))?)?"
    r"(?:\s+(?:either(?:\s+of\s+them)?|them|it|any\s+of\s+(?:them|these|those)|those|these)\b|\s*(?:[.;\n]|$))"
    # "The BI team uses Looker and Tableau for reports; that is not part of this role" (and in Spanish)
    # "Our old risk library is written in Julia; it is being rewritten by the platform team, and you will not
    # work on it"
    r"|;[^.;\n]{0,90}?,\s*(?:and|but)\s+(?:you|the\s+hire|this\s+role)\s+(?:will\s+not|won't|won’t|do\s+not|don't|"
    r"don’t)\s+(?:need\s+to\s+|have\s+to\s+|be\s+asked\s+to\s+)?(?:touch|use|work\s+(?:on|with|in))\s+"
    r"(?:it|them|this|that|either)\b"
    # "... a Java application maintained by IT; this role builds the services around it and does not modify it"
    r"|;\s*(?:you|the\s+hire|this\s+role)\b[^.;\n]{0,80}?\b(?:and|but)\s+(?:(?:you|it)\s+)?(?:does|do|will)(?:n't|n’t|\s+not)\s+"
    r"(?:modify|change|touch|maintain|work\s+on|own)\s+(?:it|them|this|that)\b"
    r"|;\s*(?:but\s+)?(?:(?:it|this|that|they|those|these)\s+)?(?:is|are)(?:n't|n’t|\s+not)\s+part\s+of\s+"
    r"(?:this|the|your)\s+(?:role|job|position)\b|;\s*(?:pero\s+)?no\s+(?:es|son|forma[n]?)\s+parte\s+de\s+"
    r"(?:este|tu|el)\s+(?:rol|puesto|trabajo)\b"
)


_NEXT_REACH = 130  # how far past a ";" ending the sentence _NEG_NEXT reads (and `TextIndex.hints` looks)


def _negated(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """`text`: the folded text (patterns compiled with `_fx`)."""
    before = text[max(s_start, start - 60) : start]
    after = text[end : min(s_end, end + 50)]
    if _NEG_AFTER.search(after) or _NEG_NEED_BEFORE.search(before):
        return True
    if text.startswith(";", s_end) and _NEG_NEXT.match(text, s_end, s_end + _NEXT_REACH):
        return True
    if _NEG_BEFORE.search(before):
        # "no Java needed", "not a Java shop", "without Python": the cue must govern this mention.
        return bool(_NEG_NEEDED.search(after)) or before.rstrip().lower().endswith(
            ("without", "not a", "not an")
        )
    return False


# "work with the data engineering team": the skill names a team the hire works with, not the hire's work
_WITH_TEAM_BEFORE = _fx(
    r"\b(?:with|alongside|supports?|supporting|help|helps|helping|across|from)\s+(?:the|our|their|other|another|several|multiple)\s+"
    r"(?:[\w&-]+\s+(?:(?:and|or|&)\s+(?:[\w&-]+\s+)?)?)?$"  # "with the TTS and LLM teams": either team
)
# "Our Claims Data Science team uses machine learning to ...": a team's name in a sentence about the company
_TEAM_BEFORE = _fx(r"(?:\b(?:the|our|their)|\b[\w-]+['’]s)\s+(?:[\w&-]+\s+)?$")  # "IT's data engineering team"
_TEAM_DOES = _fx(
    r"(?:\s*(?:&|and)\s+[\w-]+)?\s+(?:\([\w\s&/-]{1,20}\)\s+)?(?:teams?|groups?|departments?)(?:\s+\([^()\n]{1,40}\))?\s+"
    r"(?:uses|builds|runs|owns|develops|ingests|maintains|manages|handles|"
    r"is\s+(?:hiring|growing|looking)|are\s+(?:hiring|growing|looking)|has\s+grown)\b"
)
# "Work with the engineers who write the bidder in Go and Java": other people's stack
_OTHER_PEOPLE = _fx(
    r"\b(?:with|alongside|our|the|other)\s+(?:[\w-]+\s+){0,2}(?:engineers|developers|teams?|colleagues|scientists)"
    r",?\s+who\s+(?:write|writes|build|builds|own|owns|maintain|maintains|run|runs|use|uses|develop|develops)\b"
    r"[^.;\n]*$"
    # "with Ads Analytics, who live in Looker and will happily build you a dashboard": a named team's tools
    r"|\bwith\s+(?:the\s+|our\s+)?(?:[\w&-]+\s+){0,3}?[\w&-]+,\s+who\s+(?:live|lives|work|works|report|reports)\s+in\b"
    r"[^.;\n]*$"
    # "our CoralSDK lets customers run TensorFlow", "Our data scientists build anomaly-detection models":
    # customers' or colleagues' work, described to sell the company or the platform the hire builds
    r"|\b(?:our|the|their|lets?|letting)\s+(?:\d[\d,]*\+?\s+)?(?:[\w-]+\s+)?(?:customers|clients|users|"
    r"data\s+scientists|researchers|partners)\s+(?:can\s+|to\s+)?(?:build|use|run|rent|train|deploy)s?\b[^.;\n]*$"
    # "Harborview's merchandising analysts report in Excel and Tableau": non-engineering colleagues' tools
    r"|\b(?:our|the|their|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}(?:analysts|marketers|designers|accountants|recruiters|"
    r"clinicians|traders|salespeople|sales\s+team|finance\s+team|account\s+managers)\s+(?:report|work|live|model)\s+in\b"
    r"[^.;\n]*$"
    # "our R&D teams publish regularly at KDD": the company's research record, not asked of the hire
    r"|\b(?:our|the|their)\s+(?:[\w&-]+\s+){0,2}(?:teams?|researchers|scientists|labs?|group)\s+(?:\w+\s+)?"
    r"(?:publish|publishes|published|present|presents|presented)\b[^.;\n]*$"
)
# "the Operations Research & AI group": a second subject before the group's noun
_TEAM_AFTER = _fx(r"(?:\s*(?:&|and)\s+[\w-]+)?\s+(?:\([\w\s&/-]{1,20}\)\s+)?(?:" + _GROUP_NOUNS + r")\b")
# Words one of which every _OTHER_PEOPLE match holds, as "team" is in every _OTHER_TEAM match: tested first,
# they spare the searches in most windows. Each alternative needs its own: "who"; the customers' nouns; the
# colleagues' nouns ("sales", "finance", "account" for "sales team", "finance team", "account managers");
# "publish" or "present" (a team, lab or group alone is not enough: "team" is in many windows).
_OTHER_PEOPLE_WORDS = (
    "who", "customers", "clients", "users", "scientists", "researchers", "partners", "analysts", "marketers",
    "designers", "account", "recruiters", "clinicians", "traders", "sales", "finance", "publish", "present",
)


# "Our simulators are written in Fortran and C++ by the simulation team", "Looker (owned by our BI team)"; "BigQuery
# for the analysts"
_BY_OTHERS_AFTER = _fx(
    r"(?:(?:\s*(?:,|and|or|&)\s*[\w.+#-]+)*\s+|\s*[(,]\s*(?:owned|run|maintained|managed|operated|built|used)\s+)"
    r"by\s+(?:(?:the|our|an?other|a\s+separate|a\s+different)\s+"
    r"(?:[\w-]+\s+){0,2}(?:team|group|squad)s?\b|(?!ml\b|ai\b|mlops\b|your\b)[\w-]+\s+engineering\b)"
    r"(?![^.;\n]{0,30}\b(?:you|with\s+you)\b)"
    # "a Java service owned by the pricing squad", "a Java rules engine that the risk team configures": what the
    # skill names is another team's
    r"|\s+(?:(?!(?:and|or|of|for|with|to|in|on|that)\b)[\w-]+\s+){0,2}(?:(?:owned|run|maintained|managed|operated|built|"
    r"configured)\s+by\s+(?:(?:the|our|an?other|a\s+separate)\s+(?:[\w-]+\s+){0,2}(?:team|group|squad)s?\b|"
    r"(?!ml\b|ai\b|mlops\b|your\b)[\w-]+\s+engineering\b)|that\s+(?:the|our|"
    r"an?other|a\s+separate)\s+(?:[\w-]+\s+){0,2}(?:team|group|squad)s?\s+(?:owns|runs|maintains|manages|operates|builds|"
    r"built|wrote|configures)\b)(?![^.;\n]{0,30}\b(?:you|with\s+you)\b)"
)
# ... the second only for an item of a stack list ("Python, Kafka, BigQuery for the analysts"), not for the
# hire's work ("Clean data for the analysts")
# "Tableau for the analysts", "| Power BI and Excel for the planners" (later items of the list, then the users)
_FOR_OTHERS_AFTER = _fx(
    r"(?:\s*(?:,|and|&|/)\s*[\w.+#-]+(?:\s+[\w.+#-]+)?){0,3}?"
    r"\s+for\s+(?:the|our)\s+(?:analysts|bi\s+team|finance\s+team|marketers|business\s+users|planners|"
    r"merchandisers|buyers|accountants|actuaries|sales\s+team|planning\s+team)\b"
)
_LIST_ITEM_BEFORE = _fx(r"(?:,|:|\||\band)\s*$")
# A big employer's hiring boilerplate naming every area it hires in: "We're looking for engineers who bring fresh
# ideas from all areas, including information retrieval, distributed computing, large-scale system design, ..."
_ALL_AREAS = _fx(r"\bwho\s+bring\s+fresh\s+ideas\s+from\s+all\s+areas\b")
# "Snowflake for company reporting is owned by our analytics team": the sentence's subject, owned by others
_OWNED_BY_OTHERS_AFTER = _fx(
    r"(?:\s*(?:,|and|or|&)\s*[\w.+#-]+)*[^.;\n]{0,40}?\s+(?:is|are)\s+(?:owned|run|maintained|managed|operated|built|"
    r"written|produced)\s+(?:(?:in|with|on)\s+[\w.+#-]+(?:\s+[\w.+#-]+)?\s+)?by\s+(?:the|our|an?other|a\s+separate|a\s+different)\s+((?:[\w-]+\s+){0,2})(?:team|group)s?\b"
)
# "Scala (our data platform team's Spark jobs are written in it)", "the BI team's Power BI reports", "The Android app
# is built by the mobile team in Kotlin": a named team's tool
_TEAMS_OWN_BEFORE = _fx(
    r"\b(?:our|another|other|a\s+separate|the)\s+((?:[\w&/-]+\s+){1,3})teams?['’]s?\s+$"
    r"|\b(?:built|written|developed|maintained|owned|run)\s+by\s+(?:the|our|an?other)\s+((?:[\w&/-]+\s+){1,3})"
    r"teams?\s+(?:in|with|on|using)\s+(?:[\w.+#-]+(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+))*$"
)


# A team named, then its own work under "they": "Work with the Catalog team as they adopt LLMs. They use Claude
# through Amazon Bedrock", "Help our new GenAI squad. They are building an assistant on Llama 3.1 with RAG" (3 of 3
# read postings: not the hire's)
_THEY_DO = _fx(
    r"they(?:['’]re|\s+are|\s+also)?\s+(?:use|using|build|building|run|running|own|maintain|maintaining|train|"
    r"training|adopt|adopting|ship|shipping|deploy|deploying|write|writing)\b"
)
_TEAM_AS_THEY = _fx(r"\b(?:" + _GROUP_NOUNS + r")\s+(?:as|while|when|because)\s+they\s+[^.;\n]*$")
_NAMED_TEAM = _fx(r"\b((?:[\w&/-]+\s+){0,3})(?:" + _GROUP_NOUNS + r")\b")


def _their_work(text: str, start: int, s_start: int) -> bool:
    """Whether the mention at `start` is in a clause about another team's work (_THEY_DO, _TEAM_AS_THEY)."""
    if _TEAM_AS_THEY.search(text, max(s_start, start - 80), start) is not None:
        return True
    if _THEY_DO.match(text, s_start) is None:
        return False
    before = text[max(0, s_start - 160) : s_start]
    before = before[before.rfind("\n", 0, len(before.rstrip())) + 1 :]  # the sentence (or bullet) before it
    teams = list(_NAMED_TEAM.finditer(before))
    return bool(teams) and not set(teams[-1].group(1).split()) & (_OWN_TEAM - {"new"})


# what may come before a sentence's subject in it ("The legacy Snowflake instance ..."), the subject's earlier items
# included ("Kubernetes and Terraform are owned by our platform team")
_SUBJECT_BEFORE = _fx(
    r"[\W_]*(?:(?:the|our|their|its|legacy|old|existing|internal|current)\s+){0,2}"
    r"(?:[\w.+#/-]+(?:\s+[\w.+#/-]+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)){0,4}"
)


def _other_teams_stack(text: str, start: int, end: int, s_start: int) -> bool:
    """`text`: the folded text (patterns compiled with `_fx`)."""
    if _BY_OTHERS_AFTER.match(text, end, end + 120) or (
        _FOR_OTHERS_AFTER.match(text, end, end + 80) and _LIST_ITEM_BEFORE.search(text, max(s_start, start - 6), start)
    ):
        return True
    if _SUBJECT_BEFORE.fullmatch(text, s_start, start):
        owned = _OWNED_BY_OTHERS_AFTER.match(text, end, end + 120)
        if owned is not None and _another_team(owned.group(1)):
            return True
    own = _TEAMS_OWN_BEFORE.search(text, max(s_start, start - 80), start)
    if own is not None and _another_team(own.group(1) or own.group(2)):
        return True
    if _TEAM_AFTER.match(text, end, end + 40):
        before = text[max(s_start, start - 60) : start]
        if _WITH_TEAM_BEFORE.search(before) or (_TEAM_DOES.match(text, end, end + 60) and _TEAM_BEFORE.search(before)):
            return True
    if _ALL_AREAS.search(text, s_start, start) is not None:
        return True
    if "they" in text[max(s_start, start - 80) : start] and _their_work(text, start, s_start):
        return True
    window = text[max(s_start, start - 120) : start]
    # "Build the platform our data scientists use to train models: Kubeflow, MLflow": after the colon, what the
    # platform is made of, the hire's
    if (
        any(word in window for word in _OTHER_PEOPLE_WORDS)
        and (people := _OTHER_PEOPLE.search(window)) is not None
        and window.find(":", people.start()) < 0
    ):
        return True
    match = _OTHER_TEAM.search(window) if "team" in window or "engineers" in window or "developers" in window else None
    # a team named by its owner ("Mathieu's team") is another team; "our data team" is one when _another_team says so
    return match is not None and (match.group(1) is None or _another_team(match.group(1)))


def _another_team(modifiers: str) -> bool:
    """Whether a team named by `modifiers` ("data platform", "BI") is not the hire's own (see _OWN_TEAM)."""
    return not set(modifiers.lower().split()) & _OWN_TEAM


_ROLE_NOUNS = frozenset(
    "developer developers engineer engineers architect architects programmer programmers administrator "
    "administrators admin admins specialist specialists consultant consultants scientist scientists analyst "
    "analysts lead leads manager managers researcher researchers expert experts ninja ninjas rockstar "
    "rockstars".split()
)


# "Tableau with analysts", "Streamlit so researchers can explore": no modifier of a role noun
_NOT_MODIFIERS = frozenset(
    "with and or for to in at by from of on as so that which where when while if because but then our their your "
    "the a an all".split()
)


def _names_a_role(low: str, end: int) -> bool:
    """'Senior Java Developer', 'Python engineers': the skill names a role, not a requirement."""
    if low.startswith("-focus", end):
        return True
    window = low[end : end + 40]
    cut = window.find("\n")
    words = (window if cut < 0 else window[:cut]).replace("/", " ").replace("-", " ", 1).split(None, 2)
    return bool(words) and (
        words[0].rstrip(".,;:!?)") in _ROLE_NOUNS
        or (len(words) > 1 and words[0] not in _NOT_MODIFIERS and words[1].rstrip(".,;:!?)") in _ROLE_NOUNS)
    )


# A necessary condition of `_names_a_role` on a line: one of _ROLE_NOUNS (all share these stems) follows.
ROLE_HINTS = (
    "develop", "engineer", "architect", "programmer", "admin", "specialist", "consultant", "scientist", "analyst",
    "lead", "manager", "researcher", "expert", "ninja", "rockstar",
)
_ROLE_HINT = re.compile("|".join(ROLE_HINTS))
# Substrings a sentence holds when it may negate a skill (or name a stack the company left) and when it may
# name another team's or other people's stack: `TextIndex.hints`, and the matcher's "sentence" marks.
NEGATION_HINTS = (
    "no ", "not", "without", "n't", "n’t", "non", "moved", "moving", "migrat", "switched", "replaced", "retired",
    "ditched", "deprecated", "sunset", "belong", "owned by", "decommission", "switched off", "shut down",
    "turned off", "phased out", "removed", "-free", "our move", "never",
)
TEAM_HINTS = (
    "team", "who", "engineers maintain", "engineers own", "engineers run", "engineers write", "engineers use",
    "engineers build", "developers maintain", "developers own", "developers write", "developers build", "customers",
    "clients", "scientists", "researchers", "analysts", "marketers", "designers", "accountants", "recruiters",
    "clinicians", "traders", "salespeople", "account managers", "planners", "merchandisers", "buyers", "actuaries",
    "business users", "squad", "group", "department", "they use", "they are", "they're", "they’re", "they build",
    "they run", "they own",
    "they maintain", "they train", "they adopt", "they ship", "they deploy", "they write",
    "owned by", "run by", "maintained by", "built by",  # "TypeScript and Django, owned by product engineering"
)
SENTENCE_HINTS = NEGATION_HINTS + TEAM_HINTS
# The negation hints the matcher's scan marks (its "negation" marks): in the scanned bytes an apostrophe is any
# non-word character, so "n't" would mark every "in the"; the hints with one are looked for in the text.
NEGATION_MARKED = tuple(hint for hint in NEGATION_HINTS if "'" not in hint and "’" not in hint)
APOSTROPHE_HINTS = tuple(hint for hint in NEGATION_HINTS if hint not in NEGATION_MARKED)

# "4 years as a data engineer", "as a research or ML engineer": the work itself
# "as a data scientist", "as a research or data scientist", "as a machine learning engineer or data scientist"
# ("if you're a strong Python programmer")
_AS_A_ROLE = re.compile(  # "as a Python engineer", "you should be a strong Python engineer": the hire's own role
    r"\b(?:(?:as|be|being|are|(?<=['’])re)\s+(?:an?\s+)?(?:(?:[\w-]+,?\s+){1,3}(?:or|and|/)\s+(?:an?\s+)?"
    r"|(?:[\w-]+\s+){0,2}[\w-]+\s*,\s*(?:(?:or|and)\s+)?(?:an?\s+)?)?"  # "as an ML engineer, MLOps engineer"
    # and in other languages: "como ML Engineer o Data Scientist", "als ML Engineer oder Data Scientist", "jako ML
    # Engineer lub Data Scientist"
    r"|(?:como|comme|als|come|jako)\s+(?:(?:[\w-]+\s+){1,3}(?:o|ou|y|e|et|oder|und|lub|albo|/)\s+)?)(?:[\w-]+\s+)?$"
)
_REACH = 300
_NO_MARKS: list[int] = []


def marked(marks: list[int], lo: int, hi: int) -> bool:
    """Whether one of `marks` (sorted offsets) lies in [lo, hi)."""
    at = bisect.bisect_left(marks, lo)
    return at < len(marks) and marks[at] < hi


_STOP_BACK = re.compile(r".*(?:[.!?;](?=\s)|•)\s*", re.DOTALL)
_STOP_FWD = re.compile(r"[.!?;](?=\s|$)|•")


class TextIndex:
    """Per-text facts computed once and shared by every mention: sentence bounds, cheap hint flags.

    Sentence-level checks (negation, another team's stack) first test for a cheap substring hint in the
    lower-cased sentence and cache the answer, so most sentences never run the detailed regexes.
    Sentence bounds are found with str.find/rfind in a window (a regex over the whole text cost as much as
    the Aho-Corasick scan itself); the last sentence is reused while mentions stay inside it.
    """

    __slots__ = ("text", "low", "fold", "_hints", "_last", "phrase_starts", "marks", "apostrophes")

    def __init__(self, text: str, low: str | None = None, marks: dict[str, list[int]] | None = None) -> None:
        """`marks`: the matcher's scan marks over `low` (kinds "negation", "team", "role": the sorted offsets where
        a word of NEGATION_MARKED, TEAM_HINTS, ROLE_HINTS may occur, a superset), or None: no mark in a span
        means no such word in it, so the substring tests and `_names_a_role` are skipped there."""
        self.text = text
        self.low = low if low is not None else text.lower()
        self.fold = fold(self.low if len(self.low) == len(text) else lower(text))  # what `_fx` patterns read
        self._hints: dict[int, tuple[bool, bool]] = {}
        self._last = (0, -1)
        self.phrase_starts: set[int] = set()  # "leading teams of engineers" names no role
        self.marks = marks
        # whether a negation hint the marks leave out (APOSTROPHE_HINTS) occurs in the text at all
        self.apostrophes = marks is not None and any(hint in self.low for hint in APOSTROPHE_HINTS)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence, bullet or line around text[start:end], clipped to 300 characters either side."""
        last = self._last
        if last[0] <= start and end <= last[1]:
            return last
        text = self.text
        lo = max(0, start - _REACH)
        s_start = text.rfind("\n", lo, start) + 1 or lo
        back = _STOP_BACK.match(text, s_start, start)
        if back is not None:
            s_start = back.end()
        hi = text.find("\n", end, end + _REACH)
        if hi < 0:
            hi = min(len(text), end + _REACH)
        fwd = _STOP_FWD.search(text, end, hi)
        self._last = (s_start, fwd.start() if fwd is not None else hi)
        return self._last

    def hints(self, s_start: int, s_end: int) -> tuple[bool, bool]:
        """(may hold a negation, may name a team) for the sentence starting at s_start."""
        found = self._hints.get(s_start)
        if found is None:
            low, marks = self.low, self.marks
            seg_end = s_end + _NEXT_REACH if low.startswith(";", s_end) else s_end
            seg = low[s_start:seg_end]
            if marks is None:
                found = (any(h in seg for h in NEGATION_HINTS), any(h in seg for h in TEAM_HINTS))
            else:
                found = (
                    (self.apostrophes and any(h in seg for h in APOSTROPHE_HINTS))
                    or (marked(marks.get("negation", _NO_MARKS), s_start, seg_end)
                        and any(h in seg for h in NEGATION_HINTS)),
                    marked(marks.get("team", _NO_MARKS), s_start, seg_end) and any(h in seg for h in TEAM_HINTS),
                )
            self._hints[s_start] = found
        return found

    def line_bounds(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the line holding text[start:end], its "\n" excluded."""
        text = self.text
        l_start = text.rfind("\n", 0, start) + 1
        l_end = text.find("\n", end)
        return l_start, (l_end if l_end >= 0 else len(text))

    def line(self, start: int, end: int) -> tuple[int, int, bool, bool]:
        """(line start, line end, may hold a negation or team hint, may name a role) for the line holding
        text[start:end].

        Sentences never cross a line (see `sentence`), and the hints are substring tests, so a line without
        them has no sentence with them: its mentions skip the sentence-level checks. The role hint is a
        necessary condition of `_names_a_role`, which reads the words after a mention on its own line.
        """
        l_start, l_end = self.line_bounds(start, end)
        seg = self.low[l_start:l_end]
        sentence_hint = any(hint in seg for hint in SENTENCE_HINTS)
        return l_start, l_end, sentence_hint, "-focus" in seg or _ROLE_HINT.search(seg) is not None

    def rejects_in_quiet_line(self, start: int, end: int, roles: bool) -> bool:
        """`rejects` for a mention whose line holds no negation or team hint (see `line`)."""
        text = self.text
        if ((start and text[start - 1] in _URL_CHARS) or (end < len(text) and text[end] in _URL_CHARS)) and (
            _in_url_or_email(text, start, end)
        ):
            return True
        low = self.low
        return (
            roles
            and end < len(low)
            and low[end] in " \t-/"
            and start not in self.phrase_starts
            and self._may_name_role(end)
            and _names_a_role(low, end)
            and not _AS_A_ROLE.search(low, max(0, start - 30), start)
        )

    def _may_name_role(self, end: int) -> bool:
        """A necessary condition of `_names_a_role(low, end)`: a ROLE_HINTS word is marked in the 40
        characters it reads (every role noun starts with one), or there are no marks."""
        marks = self.marks
        return marks is None or marked(marks.get("role", _NO_MARKS), end, end + 40)

    def rejects(self, start: int, end: int, s_start: int, s_end: int) -> bool:
        """True when a mention must not be tagged whatever its skill.

        Rejected: inside a URL or e-mail; part of a role name ("Java Developer"); negated ("no Java
        needed"); named as another team's stack ("our analytics team uses Tableau").
        """
        text = self.text
        # Only a mention touching "@", "/", "." or ":" can sit inside a URL or an e-mail address.
        if ((start and text[start - 1] in _URL_CHARS) or (end < len(text) and text[end] in _URL_CHARS)) and (
            _in_url_or_email(text, start, end)
        ):
            return True
        low = self.low
        if (
            end < len(low)
            and low[end] in " \t-/"
            and start not in self.phrase_starts
            and self._may_name_role(end)
            and _names_a_role(low, end)
            and not _AS_A_ROLE.search(low, max(0, start - 30), start)
        ):
            return True
        negation, team = self.hints(s_start, s_end)
        if negation and _negated(self.fold, start, end, s_start, s_end):
            return True
        return team and _other_teams_stack(self.fold, start, end, s_start)


def reject_generic(text: str, start: int, end: int) -> bool:
    """`TextIndex.rejects` for a single mention (tests and one-off callers)."""
    index = TextIndex(text)
    return index.rejects(start, end, *index.sentence(start, end))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or bullet, or line) around text[start:end]; see `TextIndex.sentence`."""
    return TextIndex(text).sentence(start, end)


# --- phrase rules: concept skills named by a verb and its object, or by an inflected form ----------------
#
# The taxonomy names concepts by noun phrases ("model training", "data modeling", "clean code"); postings
# often ask for them with a verb and its object ("train and deploy yield models", "model data for analysts",
# "write clean, tested Python"). Each phrase rule finds such a construction with a short regex and tags the
# word that carries the concept (the verb or adjective), so phrase mentions never overlap alias mentions
# of other skills ("shipping machine learning models" -> model_serving on "shipping", machine_learning on
# "machine learning models"). A phrase mention that overlaps an accepted alias mention is dropped.

_MODEL_VERBS: dict[str, str] = {
    **dict.fromkeys(
        ("train", "trains", "training", "trained", "retrain", "retrains", "retraining", "retrained"), "model_training"
    ),
    **dict.fromkeys(
        ("deploy", "deploys", "deploying", "deployed", "ship", "ships", "shipping", "shipped", "serve", "serves",
         "serving", "served", "launch", "launches", "launching", "launched"),
        "model_serving",
    ),
    **dict.fromkeys(
        ("evaluate", "evaluates", "evaluating", "evaluated", "validate", "validates", "validating", "validated",
         "test", "tests", "testing", "tested"),
        "model_evaluation",
    ),
    **dict.fromkeys(("monitor", "monitors", "monitoring", "monitored"), "model_monitoring"),
}
_FINE_TUNE = re.compile(r"fine[- ]?tun(?:e|es|ing|ed)|finetun(?:e|es|ing|ed)")
# A third-person form ("Quanta trains language models") has the company as its subject, and the company's
# own business is not a skill asked of the hire; it counts only where the hire is the subject: at the start
# of a duty line ("- Develops, validates and deploys models", civil-service style) or after the role
# ("The Data Scientist II trains ..."); see _third_person_ok.
_MODEL_VERB = re.compile(
    r"(" + "|".join(sorted(_MODEL_VERBS, key=len, reverse=True)) + r"|" + _FINE_TUNE.pattern
    + r")(?![\w-])"
)
# not "Training Network"; a recommender or ranker is a model too ("you've shipped a recommender end to end")
_MODEL_HEADS = frozenset(
    "model models llm llms classifier classifiers networks nets recommender recommenders ranker rankers".split()
)
# "networks" is a model only as a neural one ("train and evaluate neural networks"), not a telecom network
_NEURAL_WORDS = re.compile(r"\b(?:neural|deep|convolutional|recurrent|graph|siamese|generative|adversarial)\b")
# Before a third-person verb: only the duty line's bullet and other third-person verbs of the list
_DUTY_LINE_START = re.compile(  # ("- Fine-tunes and evaluates transformer models")
    r"[\W\d_]*(?:[A-Za-z][A-Za-z-]*s(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+))*"
)
_ROLE_SUBJECT = _rx(
    r"^\W*(?:the|this)[ \t]+(?:successful[ \t]+)?(?:[\w-]+[ \t]+){0,4}?(?:candidate|incumbent|engineer|"
    r"scientist|developer|analyst|specialist|hire|intern|position|role|contractor|consultant)\b(?:[ \t]+[IV]+\b)?"
    r"[ \t]+(?:(?:also|will|[a-z]+s)(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]+))*$"
)


def _third_person_ok(clause: str) -> bool:
    """A third-person model verb has the hire as subject: the clause before it is a duty line's start or
    the role ("- Develops, validates and ", "The Data Scientist III develops and ")."""
    return _DUTY_LINE_START.fullmatch(clause) is not None or _ROLE_SUBJECT.search(clause) is not None
_LLM_OBJECT = _rx(r"\bllms?\b|\blarge\s+language\s+models?\b|\bopen[- ]weights?\b|" + _LLM_FAMILIES)
# "Fine-tune small open models (Llama, Qwen)": the bracket after the object names what it is
_BRACKET_AFTER = re.compile(r"[ \t]*\([^()\n]{1,60}\)")
# Words that end the verb's object before a head noun is reached: prepositions, pronouns, other nouns that
# verbs of this kind take ("training data", "serving infrastructure", "monitoring dashboards").
_GAP_STOP = frozenset(
    "for of on in with to from by at into onto that which who whose is are was were be been being as than "
    "not no it them they we you i data pipelines pipeline infrastructure infra jobs job features services "
    "service platform platforms dashboards tools systems system code when where while using use used set sets"
    " "
    "loop loops runs run budget budgets costs cost time".split()
)
_AT_LEAST = re.compile(r"[ \t]+at[ \t]+least(?=[ \t]+(?:one|two|a|an)\b)", re.IGNORECASE)
_GAP_WORD = re.compile(r"(?:[ \t]+|[ \t]*[,/&][ \t]*)(?:(?:and|or|then|also)[ \t]+)*([A-Za-z0-9][\w+'.-]*)")
# A noun right after "models"/"LLM" makes it a modifier ("ship LLM features", "deploy model artifacts").
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:and|or|but|then|so|that|which|who|for|of|on|in|with|to|from|by|at|into|onto|across|behind"
    r"|via|"
    r"per|over|under|through|without|within|like|such|as|using|every|each|end|is|are|was|were|will|can|"
    r"run|runs|that|them|it|they|before|after|together|yourself|again|too|well|here|there|now|today|first|"
    r"against|versus|vs|when|where|while|if|once|until|because|alongside|throughout)\b)"
    r"[A-Za-z][\w-]*(?<!ly)\b",
    re.IGNORECASE,
)
_WE_BEFORE = _rx(r"\b(?:we|we\s+also|we\s+currently|they|it)\s+$")
_PERFECT_BEFORE = _rx(r"\b(?:have|has|had|having|'ve|’ve)\s+(?:\w+\s+)?$")
_OTHER_ACTOR = _rx(
    r"(?:\b(?:our|their|the|other|partner|client)\s+(?:[\w-]+\s+){0,2}(?:scientists|researchers|analysts|users|"
    r"customers|clients|teams?|engineers|colleagues)\s+(?:\w+\s+)?(?:use|uses|can|will|need|needs|take|takes|ship|ships|"
    r"build|builds|train|trains|deploy|deploys|move|moves)\b[^.;\n]*"
    r"|\b(?:customers|clients|users|partners)\s+(?:(?:also|can|will|use|uses|our\s+\w+|\w+\s+to)\s+){0,3})$"
)
_NOUN_MODIFIER_BEFORE = _rx(
    r"\b(?:transaction|fraud|aml|payments?|credit|sanctions|pre|post|on-the-job|job)\s*$"
)
# The three above in one search (a clause matching any of them rejects the verb): one call, not three.
_NOT_THE_HIRE = _rx("|".join(f"(?:{rx.pattern})" for rx in (_WE_BEFORE, _OTHER_ACTOR, _NOUN_MODIFIER_BEFORE)))
_MODELS_WORD = _rx(r"\bmodels?\b")
# How a clause that _WE_BEFORE or _NOUN_MODIFIER_BEFORE matches ends, before its trailing white space,
# and words a clause that _OTHER_ACTOR matches contains ("use" in "users").
_NOT_THE_HIRE_ENDS = (
    "we", "also", "currently", "they", "it",
    "transaction", "fraud", "aml", "payment", "payments", "credit", "sanctions", "pre", "post", "job",
)
_NOT_THE_HIRE_WORDS = re.compile("use|can|will|need|customers|clients|partners|take|ship|build|train|deploy|move")


def _not_the_hire(clause: str) -> bool:
    """_NOT_THE_HIRE.search(clause), skipped when an ASCII clause lacks the words it needs (on ASCII text
    IGNORECASE is lower-casing; elsewhere it also folds "ı", "ſ" ... so the regex decides)."""
    if clause.isascii():
        folded = clause.lower()
        if not (folded.rstrip().endswith(_NOT_THE_HIRE_ENDS) or _NOT_THE_HIRE_WORDS.search(folded)):
            return False
    return _NOT_THE_HIRE.search(clause) is not None


_UP_TO_LAST_STOP = re.compile(r".*[.!?;\n]", re.DOTALL)  # greedy: ends after the last of them


def _clause_before(text: str, start: int, n: int = 150) -> str:
    """Up to `n` characters before `start`, after the last ".!?;" or line break."""
    lo = max(0, start - n)
    stop = _UP_TO_LAST_STOP.match(text, lo, start)
    return text[lo if stop is None else stop.end() : start]


def _object_head(text: str, pos: int, *, limit: int = 6) -> tuple[int, int] | None:
    """(start, end) of the head noun of the object that begins at `pos`, within `limit` words, else None."""
    if (least := _AT_LEAST.match(text, pos)) is not None:
        pos = least.end()  # "shipped at least one ML model"
    for _ in range(limit):
        word = _GAP_WORD.match(text, pos)
        if word is None:
            return None
        token = word.group(1).lower().rstrip(".'")
        if token == "at" and (least := _AT_LEAST.match(text, pos)) is not None:
            pos = least.end()  # after a coordinated verb: "trained and evaluated at least one ML model"
            continue
        if token in _MODEL_HEADS and not _NOUN_AFTER.match(text, word.end()):
            return word.start(1), word.start(1) + len(token)
        if token in _GAP_STOP:
            return None
        pos = word.end()  # a modifier, or a coordinated verb: "train and deploy yield models"
    return None


_PRONOUN_AFTER = re.compile(
    r"[ \t]+(?:them|it\b|their[ \t]+(?:performance|accuracy|quality|drift|outputs?|predictions|health|behaviou?r))\b"
)
# "evaluate model accuracy", "monitor model performance": "model" as a modifier of what is evaluated
_MODEL_QUALITY = re.compile(
    r"[ \t]+(?:(?:the|our|their|your)[ \t]+)?(?:[\w-]+[ \t]+)?(models?|forecasts?)(?:['’]s?)?[ \t]+"
    r"(?:accuracy|performance|"
    r"quality|metrics|outputs?|predictions|behaviou?r|robustness|fairness|calibration|drift|health|errors?|"
    r"changes?|updates?|versions?|releases?)\b",
    re.IGNORECASE,
)


def _left_boundary(low: str, start: int) -> bool:
    """No word character or hyphen before `start` (a look-behind heading a regex made it scan slowly)."""
    return start == 0 or not (low[start - 1].isalnum() or low[start - 1] in "_-")


def _anchor_scan(anchor: str, words: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[tuple[str, int], ...]]:
    """A regex matching `anchor` where it sits inside one of `words`, and the words with the anchor's offset
    in the order the regex tries them.

    `re` jumps between occurrences of a pattern's literal start in C, then checks the letters around it
    with look-behinds and look-aheads: one pass over the text finds several words that share a letter
    rarer than their first ("m" in "llm", "streaming", "document") or a start ("le": "lead", "led"), where
    str.find passes once per word. Words starting with the anchor share one look-ahead, tried last. Each
    alternative holds one empty group: `lastindex` names the first word found there (later ones may share
    the anchor: "llmodel"); list the commonest word last. An anchor's occurrences never overlap (no prefix
    of it is also a suffix), so finditer, which resumes after each match, sees every one.
    """
    assert not any(anchor.endswith(anchor[:i]) for i in range(1, len(anchor))), anchor
    inner = [word for word in words if not word.startswith(anchor)]
    first = [word for word in words if word.startswith(anchor)]
    alts = []
    for word in inner:
        end = word.index(anchor) + len(anchor)
        after = f"(?={re.escape(word[end:])})" if end < len(word) else ""
        alts.append(f"(?<={re.escape(word[:end])}){after}()")
    if first:
        alts.append("(?=" + "|".join(re.escape(word[len(anchor) :]) + "()" for word in first) + ")")
    pattern = re.compile(re.escape(anchor) + "(?:" + "|".join(alts) + ")")
    return pattern, tuple((word, word.index(anchor)) for word in inner + first)


# Every literal word the phrase finders start from ("mod": "model" and "modular"; "test": "tested",
# "testable"): each text is searched once per anchor group, then once per remaining word.
_SCAN_ANCHORS = (
    _anchor_scan("m", ("document", "llm", "streaming", "maintainable", "mentor", "mod", "monitor")),
    _anchor_scan("f", ("classifier", "infra", "forecast")),
    _anchor_scan("b", ("reproducible", "readable")),
    _anchor_scan("c", ("coach", "clean")),
    _anchor_scan("le", ("lead", "led")),
)
_SCAN_WORDS = (
    "pipeline", "test", "ranking", "production", "analy", "review", "feature", "engineer", "network", "industriali",
    "operationali", "manag", "supervis", "grow", "publish", "paper", "research", "classif", "reproduc", "recommend",
    "source", "profil", "benchmark", "predict", "train", "prompt", "enjoy", "love", "happy", "thriv", "augment",
    "software", "mine", "mining", "explain", "edge", "operation", "anomal", "explainable", "interpretable",
    "design", "architecture", "onto", "optimi", "evaluat",
)
PHRASE_WORDS = tuple(word for _, words in _SCAN_ANCHORS for word, _ in words) + _SCAN_WORDS


class _Scan:
    """Where the scanned words occur in one lower-cased text, each looked up in C (an anchor group's regex or
    str.find) and shared by the finders that need it ("model" for model verbs, model-data and code quality).

    A regex starting with `\\b(?:alt1|alt2|...)` has no fast skip in `re`: finditer tries every position of
    the text. Every phrase finder below instead lists the offsets where its regex can start (a literal the
    match must begin with, or contain at a fixed place) and matches there only, and runs only when its
    words occur, so most texts cost a few passes in C. Per text only: nothing is kept across postings.
    """

    __slots__ = ("low", "found", "_words")

    def __init__(self, low: str, found: dict[str, list[int]] | None = None) -> None:
        """`found`: every occurrence of each of PHRASE_WORDS that occurs, ascending, when the caller has
        them (the matcher's Hyperscan pass marks them); else the text is searched here."""
        self.low = low
        self._words: dict[str, list[int]] = {}
        if found is not None:
            self.found = found
            return
        found = {}
        self.found = found
        for pattern, words in _SCAN_ANCHORS:
            for match in pattern.finditer(low):
                at = match.start()
                first = (match.lastindex or 1) - 1
                for word, offset in words[first:]:
                    if at >= offset and low.startswith(word, at - offset):
                        found.setdefault(word, []).append(at - offset)
        for word in _SCAN_WORDS:
            at = low.find(word)
            if at >= 0:
                hits = found[word] = [at]
                at = low.find(word, at + 1)
                while at >= 0:
                    hits.append(at)
                    at = low.find(word, at + 1)

    def __call__(self, word: str) -> list[int]:
        """Every offset where `word` (a scanned word) occurs, overlaps included, ascending."""
        return self.found.get(word) or []

    def words(self, stem: str, word: str) -> list[int]:
        """Offsets of `word`, which starts with `stem`, found from the shared look-up of `stem`."""
        hits = self._words.get(word)
        if hits is None:
            low = self.low
            hits = self._words[word] = [at for at in self(stem) if low.startswith(word, at)]
        return hits


def _matches_at(
    pattern: re.Pattern[str], low: str, starts: list[int], hi: int | None = None
) -> list[re.Match[str]]:
    """What `pattern.finditer(low, 0, hi)` yields, given every offset where a match of `pattern` can start (any
    order, repeats allowed): at each offset from the end of the previous match on, the match there if any
    (finditer's leftmost, non-overlapping matches; none of these patterns matches the empty string)."""
    out = []
    end = 0
    stop = len(low) if hi is None else hi
    for at in sorted(set(starts)) if len(starts) > 1 else starts:
        if at >= end and (match := pattern.match(low, at, stop)) is not None:
            out.append(match)
            end = match.end()
    return out


# Each verb stem begins every form of _MODEL_VERB that starts with it; "retrain" is found as "train"
# after "re", and "finetun..." as "fine" ("fine-tune", "finetune").
_VERB_STEMS = ("train", "deploy", "ship", "serv", "launch", "evaluat", "validat", "test", "monitor", "fine")


def _head_lines(low: str, scan: _Scan) -> list[tuple[int, int]]:
    """(start, end) of spans of lines that cover each line holding "model", "llm" or "classifier", in order.

    A model verb yields a mention only with a head noun after it (_object_head walks over spaces, tabs and
    word characters, never a line break; the head lower-cases to one of _MODEL_HEADS, ASCII letters, so
    `low` holds it too) or with "model" in its clause before "them"/"it" (cut at a line break): both on
    the verb's line.
    """
    heads = scan.words("mod", "model")
    if "llm" in scan.found or "classifier" in scan.found or "network" in scan.found or "recommend" in scan.found:
        heads = sorted(heads + scan("llm") + scan("classifier") + scan("network") + scan("recommend"))
    lines: list[tuple[int, int]] = []
    for at in heads:
        if lines and at < lines[-1][1]:
            continue  # on the line before
        start = low.rfind("\n", 0, at) + 1
        end = low.find("\n", at)
        end = len(low) if end < 0 else end
        if lines and start - lines[-1][1] < 200:
            start = lines.pop()[0]  # one span over close lines: fewer str.find calls; others add no mention
        lines.append((start, end))
    return lines


def _verb_hits(low: str, scan: _Scan) -> list[re.Match[str]]:
    """Matches of _MODEL_VERB at word starts on lines with a head noun, found by str.find on stems
    (faster than the alternation)."""
    hits = []
    for start, end in _head_lines(low, scan):
        for stem in _VERB_STEMS:
            at = low.find(stem, start, end)
            while at >= 0:
                verb = at - 2 if stem == "train" and at >= 2 and low.startswith("re", at - 2) else at  # retrain
                if _left_boundary(low, verb) and (match := _MODEL_VERB.match(low, verb)) is not None:
                    hits.append(match)
                    if stem == "fine" and low.startswith("finetun", at):
                        hits.append(match)  # the stems used to be searched with "finetun" too: found twice
                at = low.find(stem, at + 1, end)
    hits.sort(key=lambda m: m.start())
    return hits


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|our|their|its)[ \t]+$", re.IGNORECASE)


_ADJ_AFTER = re.compile(r"[ \t]*,[ \t]*([\w-]+)")
# "you won't train models", "you will not deploy anything yourself": what the hire does not do
_NOT_BEFORE_VERB = re.compile(
    r"\b(?:won['’]t|will[ \t]+not|don['’]t|do[ \t]+not)[ \t]+(?:need[ \t]+to[ \t]+|have[ \t]+to[ \t]+)?$"
)


def _model_verbs(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """'train and deploy yield models', 'evaluate models', 'fine-tune small language models',
    'deploy them'."""
    out: list[Candidate] = []
    for match in _verb_hits(low, scan):
        verb = match.group(1)
        start, end = match.span(1)
        head = _object_head(text, end)
        skill = _MODEL_VERBS.get(verb)  # None: a form of "fine-tune"
        if head is None and (skill == "model_evaluation" or skill == "model_monitoring"):
            quality = _MODEL_QUALITY.match(text, end)
            if quality is not None:
                head = quality.span(1)
        if head is None and not _PRONOUN_AFTER.match(low, end):
            continue
        if head is not None and low.startswith("net", head[0]) and not _NEURAL_WORDS.search(low, end, head[0]):
            continue  # "monitor networks": a telecom network
        clause = _clause_before(text, start)
        if _not_the_hire(clause) or _NOT_BEFORE_VERB.search(low, max(0, start - 30), start):
            continue
        if (adj := _ADJ_AFTER.match(low, end)) is not None and adj.group(1) in _CODE_ADJ:
            continue  # "into tested, packaged Python, and deploying models": an adjective of code
        if verb.endswith("s") and not _third_person_ok(clause):
            continue
        if head is None:
            if not _MODELS_WORD.search(clause):  # "train models ... and deploy them"
                continue
            head = (end, end)
        elif verb.endswith("ed") and not text[end : head[0]].strip() and not _PERFECT_BEFORE.search(clause):
            continue  # "deployed models": an adjective, unless "you have deployed models"
        elif verb.endswith("ed") and _ARTICLE_BEFORE.search(clause):
            continue  # "running on Claude and a fine-tuned open-weight model": an adjective after its article
        if skill is None:
            bracket = _BRACKET_AFTER.match(text, head[1])
            reach = head[1] if bracket is None else bracket.end()
            if not verb.endswith("ed") and (more := _AND_LLMS_AFTER.match(low, reach)) is not None:
                reach = more.end()  # "transformer models (e.g., ClinicalBERT) and large language models"
            elif not verb.endswith("ed") and (more := _AND_OTHER_MODELS_AFTER.match(low, reach)) is not None:
                reach = more.end()  # "open-weight LLMs (Llama, Qwen) and smaller encoder models"
            llm_object = _LLM_OBJECT.search(text, end, reach)
            if llm_object and _OTHER_MODELS.search(low, end, reach):
                # "transformer models (mostly BERT-style encoders, some small LLMs)": both kinds are fine-tuned when
                # LLMs are named as such (not "vision-language models (Qwen-VL)": read postings, 7 of 7 and 0 of 2)
                # (and by the hire's verb, not the adjective of "a mix of fine-tuned encoders and prompted LLMs")
                explicit = not verb.endswith("ed") and _EXPLICIT_LLMS.search(low, end, reach) is not None
                skill = BOTH_TUNINGS if explicit else "transfer_learning"
            else:
                skill = "llm_finetuning" if llm_object else "transfer_learning"
        elif skill == "model_evaluation" and _LLM_OBJECT.search(text, end, head[1]):
            skill = "llm_evaluation"  # "evaluate open-weight LLMs"
        out.append(Candidate(start, end, skill, text[start:end]))
    return out


# LLMs coordinated after the fine-tuned object: "fine-tune transformer models (LayoutLMv3, Donut) and small LLMs"
# (not "fine-tuned encoders and prompted LLMs")
_AND_LLMS_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:and|or|&)[ \t]+(?:the[ \t]+)?(?:(?:some|small|smaller|open|open-weight|open-source|"
    r"domain-specific|large)[ \t]+){0,2}(?:llms?|large[ \t]+language[ \t]+models?)\b"
)
_AND_OTHER_MODELS_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:and|or|&)[ \t]+(?:the[ \t]+)?(?:(?:some|small|smaller|custom|domain-specific)[ \t]+){0,2}"
    r"(?:encoders?|encoder[ \t]+models|\w*bert\w*[ \t]+models?|classifiers?|embedding[ \t]+models?)\b"
)
_EXPLICIT_LLMS = re.compile(r"\bllms?\b|\blarge[ \t]+language[ \t]+models?\b")
# The skill of a fine-tuning verb whose object holds LLMs and other models: merge_phrases makes it two mentions
BOTH_TUNINGS = "llm_finetuning+transfer_learning"


_PIPELINE_MODS = (
    r"batch|streaming|real-time|realtime|data|ingestion|etl|elt|databricks|spark|pyspark|dbt|airflow|beam|"
    r"dataflow|glue|telemetry|event|kafka|flink|feature|features|"
    # "data processing pipelines", "the data loading pipeline", "feature engineering pipelines", "the feature and
    # embedding pipelines" (read postings: etl gold in 4 of 4 not found before, implicit in 1)
    r"processing|loading|embedding|engineering"
)
_PIPELINE_MODS_BEFORE = re.compile(
    r"(?<![\w-])((?:(?:" + _PIPELINE_MODS + r")(?:[ \t]*(?:,|and|or|&|/)[ \t]*|[ \t]+))+)$"
)
_PIPELINES = re.compile(r"pipelines?\b")
_STREAM_TOOL = re.compile(r"\b(?:kafka|flink|kinesis|pub/?sub|beam|event\s+hubs)[ \t]+(streaming)\b")
_STREAM_TOOLS = ("kafka", "flink", "kinesis", "pubsub", "pub/sub", "beam")  # and "event hubs"


_MOD_WORDS = tuple(_PIPELINE_MODS.split("|"))
_MOD_SEPS = (",", "and", "or", "&", "/")
# _PIPELINE_MODS_BEFORE matches only letters of these words and separators: any other character (a full
# stop, a line break, a bullet) ends the run of modifiers, so the search may start after it.
_MOD_CHARS = frozenset("".join(_MOD_WORDS + _MOD_SEPS) + " \t")
_MOD_BREAKS = "\n.:;()"
assert not _MOD_CHARS.intersection(_MOD_BREAKS)
_UP_TO_LAST_BREAK = re.compile(r".*[\n.:;()]", re.DOTALL)  # greedy: ends after the last of _MOD_BREAKS
_STREAMING_WORD = re.compile(r"\b(?:streaming|real-?time)\b")


def _mods_end_at(low: str, start: int, end: int) -> bool:
    """Necessary for _PIPELINE_MODS_BEFORE.search(low, start, end): its last modifier and separator end at
    `end` — a modifier word, then spaces, or then a separator (spaces around it optional)."""
    tail = low[start:end]
    stripped = tail.rstrip(" \t")
    if len(stripped) < len(tail) and stripped.endswith(_MOD_WORDS):
        return True
    for sep in _MOD_SEPS:
        if stripped.endswith(sep) and stripped[: -len(sep)].rstrip(" \t").endswith(_MOD_WORDS):
            return True
    return False


def _matches_in(pattern: re.Pattern[str], low: str, lo: int, hi: int, stems: tuple[str, ...]) -> list[re.Match[str]]:
    """What `pattern.finditer(low, lo, hi)` yields, the pattern tried only where one of `stems` occurs in
    low[lo:hi] (sre would try it at every position, ~100 ns each): every match of `pattern` starts with one
    of them (tests/extract/test_prechecks.py checks the patterns' words), and none is empty."""
    starts = []
    for stem in stems:
        at = low.find(stem, lo, hi)
        while at >= 0:
            starts.append(at)
            at = low.find(stem, at + 1, hi)
    return _matches_at(pattern, low, starts, hi)


def _spaces_before(low: str, at: int) -> int:
    """Where the run of spaces and tabs that ends at `at` starts."""
    while at and low[at - 1] in " \t":
        at -= 1
    return at


def _stream_tool_starts(low: str, scan: _Scan) -> list[int]:
    """Offsets where a _STREAM_TOOL match can start: a tool name ends where the spaces before "streaming"
    start ("event" and "hubs" have any white space between them)."""
    starts = []
    for at in scan("streaming"):
        end = _spaces_before(low, at)
        if end == at:
            continue
        starts += [end - len(tool) for tool in _STREAM_TOOLS if low.endswith(tool, 0, end)]
        if low.endswith("hubs", 0, end):
            gap = end - 4
            while gap and low[gap - 1].isspace():  # str.isspace is re's \s
                gap -= 1
            if gap < end - 4 and low.endswith("event", 0, gap):
                starts.append(gap - 5)
    return starts


def _pipelines(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """'batch and streaming pipelines' -> etl (on 'pipelines') and streaming;
    'Kafka streaming' -> streaming."""
    out: list[Candidate] = []
    for at in scan("pipeline"):
        head = _PIPELINES.match(low, at)
        mods = None
        if head is not None and _left_boundary(low, at):
            start = max(0, at - 100)
            end = at - 1 if low[at - 1 : at] == "\n" else at  # its `$` also matches before a last "\n"
            if _mods_end_at(low, start, end):
                if (brk := _UP_TO_LAST_BREAK.match(low, start, end)) is not None:
                    start = brk.end()
                # "feature pipelines" too: pipelines that compute features from raw data (sets 12-19 label
                # them etl in 14 of 14 postings; earlier sets, written to an older note, in 2 of 12)
                mods = _PIPELINE_MODS_BEFORE.search(low, start, at)
        if head is not None and mods is not None and not _NOUN_AFTER.match(text, head.end()):
            # not "pipeline metrics", "data pipelines team"
            streaming = _STREAMING_WORD.search(mods.group(1))
            if streaming:
                s = mods.start(1) + streaming.start()
                e = mods.start(1) + streaming.end()
                out.append(Candidate(s, e, "streaming", text[s:e]))
            out.append(Candidate(at, head.end(), "etl", text[at : head.end()]))
    for match in _matches_at(_STREAM_TOOL, low, _stream_tool_starts(low, scan)):
        out.append(Candidate(match.start(1), match.end(1), "streaming", text[match.start(1) : match.end(1)]))
    return out


# Where a verb goes: a list item's or line's start, after "to", "and", "will", "you'll" ..., or after a comma.
# a line's start, its bullet or number and a symbol after it (_BULLET_SYMBOL), if any
_LINE_START_SLOT = r"(?:^|\n)[ \t]*(?:(?:[-*•·–]|\d{1,2}[.)])[ \t]*)?" + _BULLET_SYMBOL
_SLOT_WORDS = r"to|and|will|you(?:'ll|’ll)?|must|should|also|then|experience"
_VERB_SLOT = re.compile(rf"(?:{_LINE_START_SLOT}|\b(?:{_SLOT_WORDS})[ \t]+|,[ \t]*)$")


def _in_verb_slot(low: str, start: int) -> bool:
    return _VERB_SLOT.search(low, max(0, start - 16), start) is not None


# Phrase regexes run on the lower-cased text (offsets are the same), which is about twice as fast as
# IGNORECASE; mention text is sliced from the original.
_DOCUMENT_VERB = re.compile(
    r"\b(document|documenting)[ \t]+(?:everything|all|your|the|our|their|it|them|this|these|"
    r"what|how|decisions|designs?|code|processes|procedures|models|pipelines|apis|systems|work|findings|results|"
    r"experiments)\b"
)
_WELL_DOCUMENTED = re.compile(r"well[- ](documented)\b")
_HIRE_VERB = _rx(
    r"\b(?:keep|keeping|make|making|leave|write|writing|ensure|ensuring|maintain|maintaining|build|"
    r"building|produce|producing|deliver|delivering|ship|shipping)\b"
)
_DOCUMENTED_NOT = re.compile(
    r"[ \t]+(?:experience|track\s+record|history|success|results|achievements?|impact)\b"
)


def _well_before(low: str, found: list[int]) -> list[int]:
    """Offsets of "well-" or "well " right before each offset in `found`."""
    return [at - 5 for at in found if at >= 5 and low.startswith(("well-", "well "), at - 5)]


def _documentation(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """'Document everything', 'keep the warehouse tidy and well documented', 'write well-documented code'."""
    # _DOCUMENT_VERB matches start at "document", _WELL_DOCUMENTED's at "well" five characters before it.
    found = scan("document")
    if not found:
        return []
    out = [
        Candidate(m.start(1), m.end(1), "documentation", text[m.start(1) : m.end(1)])
        for m in _matches_at(_DOCUMENT_VERB, low, found)
        if _in_verb_slot(low, m.start(1))
    ]
    for match in _matches_at(_WELL_DOCUMENTED, low, _well_before(low, found)):
        if not _left_boundary(low, match.start()):
            continue
        if _DOCUMENTED_NOT.match(low, match.end()):
            continue
        if not _HIRE_VERB.search(_clause_before(text, match.start(), 80)):
            continue
        at = match.span(1)
        out.append(Candidate(at[0], at[1], "documentation", text[at[0] : at[1]]))
    return out


_CODE_ADJ = {
    "clean": "modular_coding", "readable": "modular_coding", "maintainable": "modular_coding",
    "modular": "modular_coding", "tested": "software_testing", "well-tested": "software_testing",
    "testable": "software_testing", "documented": "documentation", "well-documented": "documentation",
    "versioned": "version_control", "tidy": "modular_coding", "reviewed": "code_review",
    "packaged": "",  # names no skill, but joins a run of them: "tested, packaged Python"
}
_CODE_HEADS = (
    r"code|codebases?|software|python|sql|scala|java|typescript|javascript|rust|c\+\+|kotlin|julia|r|go|c"
)
# software the hire ships, after at most two more modifiers: "tested, packaged open-source Python libraries",
# "robust, tested pipelines" (read postings: software_testing gold in 2 of 2)
_CODE_NOUNS = r"packages?|librar(?:y|ies)|modules?|services|apis?|tools|tooling|sdks?|pipelines?|interfaces"
# code after one word saying whose or what for: "clean research code", "clean, reviewed production code"
# (at most eight adjectives in a row: a match is tried at every adjective, so an unbounded run made a page of
# "tested, tested, ..." quadratic)
_CODE_PHRASE = re.compile(
    r"((?:(?:" + "|".join(sorted(_CODE_ADJ, key=len, reverse=True)) + r")(?:[ \t]*,[ \t]*"
    r"|[ \t]+and[ \t]+|"
    r"[ \t]+)){1,8})(?:(?:(?:research|production|scientific|ml|model|pipeline)[ \t]+)?(" + _CODE_HEADS
    + r")(?![\w+#])|(?:[\w-]+[ \t]+){0,2}(?:" + _CODE_NOUNS + r")\b)"
)


def _code_starts(low: str, scan: _Scan) -> list[int]:
    """Offsets where a _CODE_PHRASE match can start: at one of the _CODE_ADJ words ("well-..." five
    characters before "tested"/"documented")."""
    found = scan.found
    starts = [at for word in ("clean", "readable", "maintainable") for at in found.get(word, ())]
    if "mod" in found:
        starts += scan.words("mod", "modular")
    for word, forms in (("test", ("tested", "testable")), ("document", ("documented",))):
        for at in found.get(word, ()):
            if low.startswith(forms, at):
                starts.append(at)
                if at >= 5 and low.startswith("well-", at - 5):
                    starts.append(at - 5)
    return starts


_CODE_WORD = re.compile(r"[\w-]+")
# The same words said of the code the hire keeps: "Keep your code tidy and tested" (the last of them ends it)
_CODE_KEPT = re.compile(
    r"\bkeep(?:s|ing)?[ \t]+(?:(?:your|the|our|all|their|its)[ \t]+)?(?:code|codebases?|python)[ \t]+"
    r"((?:(?:" + "|".join(sorted(_CODE_ADJ, key=len, reverse=True))
    + r")(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+))*)$"
)
_CODE_KEPT_END = re.compile(r"[\w-]+(?=[ \t]*(?:[.;,)\n]|$))")


def _code_quality(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """'clean, tested Python' -> modular_coding ('clean') and software_testing ('tested'); also said of the code
    the hire keeps ('Keep your code tidy and tested')."""
    out: list[Candidate] = []
    starts = _code_starts(low, scan)
    for match in _matches_at(_CODE_PHRASE, low, starts):
        if not _left_boundary(low, match.start()):
            continue
        if match.group(2) in ("r", "go", "c") and text[match.start(2) : match.end(2)] not in ("R", "Go", "C"):
            continue  # "clean go-karts", "tested r values": the short languages need their own case
        _code_adjectives(text, _CODE_WORD.finditer(low, match.start(1), match.end(1)), out)
    if "keep" not in low:
        return out
    for at in starts:
        last = _CODE_KEPT_END.match(low, at)
        if last is None or last.group() not in _CODE_ADJ or "keep" not in low[max(0, at - 80) : at]:
            continue
        kept = _CODE_KEPT.search(low, max(0, at - 80), at)
        if kept is not None:
            _code_adjectives(text, (*_CODE_WORD.finditer(low, kept.start(1), kept.end(1)), last), out)
    return out


def _code_adjectives(text: str, words: Iterable[re.Match[str]], out: list[Candidate]) -> None:
    """Append a mention for each of `words` that _CODE_ADJ names a skill."""
    for word in words:
        skill = _CODE_ADJ.get(word.group())
        if skill:
            out.append(Candidate(word.start(), word.end(), skill, text[word.start() : word.end()]))


_REPRODUCIBLE = re.compile(
    r"\b(?:(?:keep|keeping|make|making|ensure|ensuring|stay"
    r"|staying)[ \t]+(?:[\w-]+[ \t]+){0,8}(reproducible)\b"
    r"|(reproducible)[ \t]+(?:training|experiments?|results|research|pipelines?|analys[ie]s|models?"
    r"|workflows?|"
    r"ml|science|notebooks|runs)\b)"
)
_MODEL_DATA = re.compile(
    r"\b(model|modell?ing|modell?ed)[ \t]+(?:the[ \t]+|our[ \t]+|your[ \t]+|"
    r"their[ \t]+)?(?:[\w-]+[ \t]+)?data\b(?![ \t]*(?:drift|quality|cards?|registry|versioning|lineage|sets?|"
    r"pipelines?|artifacts?|stores?))"
)
_FORECAST_VERB = re.compile(r"\b(forecast)\b")
_FORECAST_SUBJECT = re.compile(
    r"(?:\b(?:models?|systems?|pipelines?)[ \t]+(?:that|which|to)[ \t]+|(?:^|\n)[ \t]*(?:[-*•·–][ \t]*)?|"
    r"\byou(?:'ll|’ll|[ \t]+will)?[ \t]+)$"
)
_RANKING = re.compile(
    r"\b(?:retrieval|candidate\s+generation|search|re-?ranking|recommendations?)[ \t]*(?:,|and|&|/)[ \t]*"
    r"(?:and[ \t]+)?(ranking)\b|\b(ranking)[ \t]*(?:,|and|&|/)[ \t]*(?:and[ \t]+)?(?:retrieval|re-?ranking|"
    r"recommendations?)\b"
)
_ML_INFRA = re.compile(
    r"\b(?:training|inference|serving|evaluation)(?:[ \t]*(?:,|and|or|&|/)[ \t]*(?:training|inference"
    r"|serving|"
    r"evaluation))*[ \t]+(infrastructure|infra)\b"
)
# A single "team" needs a determiner: "coach the team", not "our startup coaching team" (a noun compound).
# ("team" comes before its look-behinds, which then end with it: the same test, but most positions fail on
# the literal before trying six look-behinds.)
_PEOPLE = (
    r"(?:team(?:" + "|".join(rf"(?<=\b{d}[ \t]team)" for d in ("the", "our", "your", "their", "a", "an")) + r")"
    r"|teams|"
    r"engineers|scientists|analysts|juniors|colleagues|peers|others|interns|developers|researchers|people|members|"
    r"staff|hires|trainees|consultants|graduates|apprentices|teammates|mentees)"
)
# Up to three modifiers ("two junior data scientists"), not prepositions: "mentoring from senior staff" is
# mentoring the hire receives.
_PEOPLE_MODS = r"(?:(?!(?:from|by|with|for|of|on|in|at|to|under)\b)[\w-]+[ \t]+){0,3}"
_OBJECT_PEOPLE = (  # "coach two analysts"; one person: "mentor one junior engineer", "mentor a new hire"
    r"(?:[ \t]+(?:an?[ \t]+|the[ \t]+|our[ \t]+|(?:two|three|four|five|a[ \t]+few|[1-9])[ \t]+)?"
    + _PEOPLE_MODS
    + _PEOPLE
    + r"|[ \t]+(?:one|an?)[ \t]+(?:[\w-]+[ \t]+){0,2}(?:engineer|scientist|analyst|developer|researcher|intern|hire)"
    # a count names people whatever they are called: "mentor 1–2 junior engineers", "two Associate validators"
    r"|[ \t]+(?:two|three|four|five|six|[1-9](?:[ \t]*[-\u2013][ \t]*[1-9])?)[ \t]+(?:[a-z-]+[ \t]+){0,2}[a-z-]+s)\b"
)
# "Lead engineers will review your code" is a noun phrase: after lead/led the object needs a determiner.
_LED_PEOPLE = (
    r"[ \t]+(?:an?|the|our|your|their|multiple|several|small|cross-functional)[ \t]+"
    + _PEOPLE_MODS
    + _PEOPLE
    + r"\b"
)
# The mention spans verb and object ("Mentor engineers"), so the object is not read as a role
# ("Java engineers").
_MENTOR_PEOPLE = re.compile(
    r"((?:mentor|mentors|mentoring|mentored|coach|coaches|coaching|coached)" + _OBJECT_PEOPLE + r")"
)
# "lead" only where a verb goes ("Leading teams across Europe trust us" is an adjective)
_LEAD_PEOPLE = re.compile(r"\b((?:lead|led)" + _LED_PEOPLE + r"|leading" + _OBJECT_PEOPLE + r")")


# Where a finder's regex can start in a text: offsets (it matches only there), or None when it may start
# anywhere (finditer runs over the text; only when a rare word it needs is there).
_Starts = Callable[[str, _Scan], "list[int] | None"]
_Finder = Callable[[str, str, _Scan], list[Candidate]]


def _phrase_finder(
    pattern: re.Pattern[str], skill: str, starts: _Starts, *,
    before: Callable[[str, int, str], bool] | None = None,
) -> _Finder:
    """Mentions of `skill` at the first matched group of `pattern`; `before(low, start, word)` must agree."""

    def find(text: str, low: str, scan: _Scan) -> list[Candidate]:
        offsets = starts(low, scan)
        if offsets == []:
            return []
        matches = pattern.finditer(low) if offsets is None else _matches_at(pattern, low, offsets)
        out = []
        for match in matches:
            if not _left_boundary(low, match.start()):
                continue
            group = next(g for g in range(1, (match.re.groups or 0) + 1) if match.group(g) is not None)
            start, end = match.span(group)
            if before is None or before(low, start, match.group(group)):
                out.append(Candidate(start, end, skill, text[start:end]))
        return out

    return find


def _lead_slot(low: str, start: int, word: str) -> bool:
    if word.startswith("leading"):
        return low.endswith("experience ", max(0, start - 11), start)
    return _in_verb_slot(low, start)


def _model_data_starts(low: str, scan: _Scan) -> list[int]:
    models = scan.words("mod", "model")  # _MODEL_DATA starts at "model", and needs "data"
    return models if models and "data" in low else []


_ML_INFRA_WORDS = ("training", "inference", "serving", "evaluation")


def _ranking_starts(low: str, scan: _Scan) -> list[int] | None:
    # A _RANKING match has a separator (",", "and", "&", "/"; spaces around it) before or after "ranking".
    for at in scan("ranking"):
        if low.endswith(_RANKING_SEPS, 0, _spaces_before(low, at)):
            return None
        end = at + 7
        while end < len(low) and low[end] in " \t":
            end += 1
        if low.startswith(_RANKING_SEPS, end):
            return None
    return []


_RANKING_SEPS = (",", "and", "&", "/")


def _ml_infra_starts(low: str, scan: _Scan) -> list[int] | None:
    # A match ends in one of _ML_INFRA_WORDS, spaces and "infra..."; "data infrastructure" is commoner.
    for at in scan("infra"):
        end = _spaces_before(low, at)
        if end < at and low.endswith(_ML_INFRA_WORDS, 0, end):
            return None
    return []


_TO_PRODUCTION = re.compile(
    r"\b(put|putting|bring|bringing|take|taking|took|taken|get|getting|push|pushing|move|moving|roll|rolling|launch|"
    r"launching|ship|shipping|shipped)[ \t]+(?:out[ \t]+)?(?:[\w,-]+[ \t]+){0,5}?(?:models?|llms?|ml|them|it|"
    r"recommenders?|(?:ranking|recommendation|recommender|ml|ai)[ \t]+systems?)[ \t]+"
    r"(?:from[ \t]+(?:[\w-]+[ \t]+){1,4}?)?(?:all[ \t]+the[ \t]+way[ \t]+)?(?:in|into|to|onto)[ \t]+$"
)
# "from exploratory analysis to production", "from first prototype to production": the model lifecycle, carried
# to production by the hire (the mention is "production")
# its verbs start so
_TO_PRODUCTION_STEMS = ("put", "bring", "tak", "took", "get", "push", "mov", "roll", "launch", "ship")
_LIFECYCLE_TO_PRODUCTION = re.compile(
    r"\bfrom[ \t]+(?:(?:the|a|an|first|raw|initial|early|exploratory|promising|rough|research)[ \t]+)*(?:data|research|"
    r"prototypes?|notebooks?|exploration|analysis|ideas?|concepts?|pocs?|proofs?[ \t]+of[ \t]+concept|experiments?|"
    r"training|experimentation|design|scratch|eda|labell?ing|idea[ \t]+stage)[ \t]+(?:all[ \t]+the[ \t]+way[ \t]+|"
    r"(?:right[ \t]+)?through[ \t]+)?(?:to|into)[ \t]+$"
)
# "productionize a set of document classification models", "industrialise the models", "productionize
# machine learning solutions": the verb, with a model-like object on its line (not "productionise what works")
_PRODUCTIONIZE = re.compile(
    r"(?:productionali[sz]|productioni[sz]|industriali[sz]|operationali[sz])(?:e|es|ed|ing)\b"
)
_PRODUCTIONIZE_OBJECT = re.compile(
    r"[^.;:!?\n]{0,80}?\b(?:models?|ml|machine[ \t]+learning|llms?|classifiers?|networks|ai|them|it)\b"
)


# what else the hire takes to production besides "models": "shipping ML in production", "shipped a recommender
# or search ranking system to production", "LLMs"
_SHIPPED_THING = re.compile(r"\b(?:ml|llms?|recommenders?|systems?)\b")
# "3+ years building ML in production", "building forecasting models that run in production", "5+ years of ML
# engineering, with models in production": the hire's models in production (the mention is "production"); not
# "learn how we run our models in production" (no such verb before the models), nor "experience with machine
# learning in production" (read sets: absent in 3 of 3)
_HIRES_MODELS_IN_PRODUCTION = re.compile(
    r"\b(?:(?:building|built|deploying|deployed|running|operating|maintaining)[ \t]+(?:[\w-]+[ \t]+){0,4}?(?:ml|"
    r"machine[ \t]+learning|models?)|with[ \t]+(?:[\w-]+[ \t]+){0,3}?models?)[ \t]+"
    # "has built forecasting models that ran in production"
    r"(?:(?:that|which)[ \t]+(?:run|runs|ran|are|is|were|was)[ \t]+|running[ \t]+|live[ \t]+)?in[ \t]+(production)\b"
)
_WE_SUBJECT = re.compile(r"\bwe\b|\bwe['’](?:ve|re)\b", re.IGNORECASE)
_INTO_OPERATION = re.compile(r"\binto[ \t]+(operations?)\b")
# "You bring models onto industrial PCs and NVIDIA Jetson devices at the line" (read postings: model_serving gold in 2
# of 2): the mention is the word after "onto"
_ONTO_DEVICES = re.compile(
    r"\bonto[ \t]+(?=(?:(?:the|our|their)[ \t]+)?(?:[\w-]+[ \t]+){0,3}?(?:pcs|devices|hardware|robots|vehicles|"
    r"cameras|phones|edge|jetsons?|microcontrollers|machines)\b)"
)


def _into_production(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """'putting machine learning models into production', 'bring models to production' -> model_serving
    (at the verb), when the hire does it ("them"/"it" only after "model" in the clause)."""
    out: list[Candidate] = []
    # "You bring the models into operation" (German and Nordic postings' "in Betrieb nehmen")
    operation = [m.start(1) for m in _INTO_OPERATION.finditer(low)] if "into operation" in low else []
    if "onto" in low:
        operation += [m.end() for m in _ONTO_DEVICES.finditer(low)]
    for at in scan("production") + operation:
        gap = _spaces_before(low, at)
        if gap == at or not low.endswith(("in", "to"), 0, gap):
            continue  # the regexes end in "in", "into" or "to" and spaces
        if low.endswith("in", 0, gap) and (hit := _HIRES_MODELS_IN_PRODUCTION.search(low, max(0, at - 90), at + 10)):
            clause = _clause_before(text, hit.start())
            if hit.start(1) == at and not _not_the_hire(clause) and _WE_SUBJECT.search(clause) is None:
                out.append(Candidate(at, at + 10, "model_serving", text[at : at + 10]))
        found = _matches_in(_TO_PRODUCTION, low, max(0, at - 90), at, _TO_PRODUCTION_STEMS)  # its search
        if not found or not _left_boundary(low, found[0].start()):
            continue
        start, end = found[0].span(1)
        clause = _clause_before(text, start)
        if _not_the_hire(clause):
            continue
        if not _MODELS_WORD.search(text, start, at) and not _MODELS_WORD.search(clause):
            if _SHIPPED_THING.search(low, start, at) is None:
                continue
        out.append(Candidate(start, end, "model_serving", text[start:end]))
    for at in scan("production"):
        if not low.endswith("to", 0, _spaces_before(low, at)):
            continue  # the regex ends in "to" or "into" and spaces
        if found := _matches_in(_LIFECYCLE_TO_PRODUCTION, low, max(0, at - 70), at, ("from",)):  # its search
            if _left_boundary(low, found[0].start()) and (
                at + 10 == len(low) or not low[at + 10].isalnum()
            ) and not _not_the_hire(_clause_before(text, found[0].start())):
                out.append(Candidate(at, at + 10, "model_serving", text[at : at + 10]))
    for at in scan("production") + scan("industriali") + scan("operationali"):
        if not _left_boundary(low, at) or (match := _PRODUCTIONIZE.match(low, at)) is None:
            continue
        obj = _PRODUCTIONIZE_OBJECT.match(low, match.end())
        if obj is None:
            continue
        clause = _clause_before(text, at)
        if _not_the_hire(clause) or (
            obj.group().rstrip().endswith(("them", "it")) and not _MODELS_WORD.search(clause)
        ):
            continue
        out.append(Candidate(at, match.end(), "model_serving", text[at : match.end()]))
    return out


_DATA_VERB = re.compile(
    r"(clean|cleaning|analy[sz]e|analy[sz]ing)((?:[ \t]*,[ \t]*|[ \t]+(?:and|&|or)[ \t]+)(?:clean|cleaning|"
    r"analy[sz]e|analy[sz]ing|explore|exploring|visuali[sz]e|visuali[sz]ing|model|modell?ing|prepare|preparing|"
    r"validate|validating|label|labell?ing|interpret|interpreting)){0,6}[ \t]+(?:(?:the|our|your|their|raw|messy|large|"
    r"complex|new|real-world)[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}?data\b(?![ \t]*(?:cent(?:er|re)s?|sets?)\b)"
)
_DATA_VERB_SKILL = {"clean": "data_cleaning", "analy": "data_analysis"}


def _data_verbs(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """'clean and analyse our outcome data' -> data_cleaning ('clean') and data_analysis ('analyse'),
    where a verb goes (the hire's work)."""
    out: list[Candidate] = []
    starts = scan("clean") + scan("analy")
    for match in _matches_at(_DATA_VERB, low, starts):
        if not _left_boundary(low, match.start()) or not _in_verb_slot(low, match.start()):
            continue
        for verb in _DATA_WORD.finditer(low, match.start(), match.end()):
            skill = _DATA_VERB_SKILL.get(verb.group()[:5])
            if skill is not None:
                out.append(Candidate(verb.start(), verb.end(), skill, text[verb.start() : verb.end()]))
    return out


_DATA_WORD = re.compile(r"\b(?:clean|cleaning|analy[sz]e|analy[sz]ing)\b")


# Nouns of the model lifecycle, coordinated after "model" ("model training and deployment") or before "of/for
# models" ("monitoring and alerting for models", "deployment of ML models"): each names its concept, as the
# alias "model training" does. The mention is the noun itself, so it never overlaps an alias mention.
_MODEL_NOUNS = {
    **dict.fromkeys(("training", "retraining"), "model_training"),
    **dict.fromkeys(("deployment", "deployments", "serving"), "model_serving"),
    **dict.fromkeys(("monitoring", "observability"), "model_monitoring"),
    **dict.fromkeys(("evaluation", "evaluations", "validation", "testing"), "model_evaluation"),
}
_NOUN_ALT = "|".join(sorted(_MODEL_NOUNS, key=len, reverse=True))
_NOUN_SEP = r"[ \t]*(?:,|&|/|\band\b|\bor\b)[ \t]*(?:(?:and|or)[ \t]+)?"
_MODEL_NOUNS_AFTER = re.compile(
    r"models?[ \t]+(?:" + _NOUN_ALT + r")((?:" + _NOUN_SEP + r"(?:" + _NOUN_ALT + r"))+)(?![\w-])"
)
_NOUNS_OF_MODELS = re.compile(
    r"(?<![\w-])((?:" + _NOUN_ALT + r")(?:" + _NOUN_SEP + r"[a-z-]+){0,2})[ \t]+(?:of|for)[ \t]+"
    r"(?:(?:the|our|your|all|ml|ai|machine[ \t]+learning|deep[ \t]+learning|production|deployed|new|these|those|"
    r"trained|predictive|statistical)[ \t]+){0,3}$"
)
_NOUN_WORD = re.compile(r"(?<![\w-])(?:" + _NOUN_ALT + r")(?![\w-])")
# The words _NOUNS_OF_MODELS allows between "of"/"for" and the model ("machine learning": two of them)
_OF_MODEL_WORDS = frozenset(
    "the our your all ml ai machine learning deep production deployed new these those trained predictive "
    "statistical".split()
)


def _may_end_nouns_of(low: str, lo: int, hi: int) -> bool:
    """A necessary condition of `_NOUNS_OF_MODELS.search(low, lo, hi)` (~3 us: sre tries it at every place of
    the window), read back from `hi`: a match ends there, or before a last line break (where `$` matches too),
    with a space or tab after "of" or "for" and at most three of its words (six tokens) after that."""
    end = hi - 1 if hi > lo and low[hi - 1] == "\n" else hi
    if end <= lo or low[end - 1] not in " \t":
        return False
    for token in reversed(low[lo:end].split()[-7:]):
        if token == "of" or token == "for":
            return True
        if token not in _OF_MODEL_WORDS:
            return False
    return False


def _model_nouns(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """'model training and deployment' -> model_training, model_serving; 'monitoring and alerting for
    models' -> model_monitoring; 'evaluation of LLMs' -> llm_evaluation."""
    out: list[Candidate] = []
    heads = scan.words("mod", "model")
    if "llm" in scan.found:
        heads = sorted(heads + scan("llm"))
    for at in heads:
        if not _left_boundary(low, at):
            continue
        spans: list[tuple[int, int]] = []
        llm = low.startswith("llm", at)
        if not llm and (after := _MODEL_NOUNS_AFTER.match(low, at)) is not None:
            spans += [m.span() for m in _NOUN_WORD.finditer(low, after.start(1), after.end(1))]
        if _may_end_nouns_of(low, max(0, at - 90), at) and (
            before := _NOUNS_OF_MODELS.search(low, max(0, at - 90), at)
        ) is not None:
            spans += [m.span() for m in _NOUN_WORD.finditer(low, before.start(1), before.end(1))]
        for start, end in spans:
            skill = _MODEL_NOUNS[low[start:end]]
            if llm:
                if skill != "model_evaluation":
                    continue
                skill = "llm_evaluation"
            out.append(Candidate(start, end, skill, text[start:end]))
    return out


# "review your teammates' PRs", "review each other's code", "review designs and code", "We review every pull
# request", "review designs and the occasional pull request" -> code_review
_REVIEW_CODE = re.compile(
    r"(review|reviews|reviewing|reviewed)[ \t]+(?:(?:each[ \t]+other['’]s|one[ \t]+another['’]s|your|our|their|the|"
    r"teammates['’]?|peers['’]?|colleagues['’]?|others['’]|designs?[ \t]+and|architecture[ \t]+and|and|of|every|"
    r"each|occasional)[ \t]+){0,3}"
    r"(?:code|prs|pull[ \t]+requests?|merge[ \t]+requests?|diffs)\b(?![ \t]+of[ \t]+conduct)"
)


def _review_starts(low: str, scan: _Scan) -> list[int]:
    return [at for at in scan("review") if not low.startswith("code review", max(0, at - 5))]


# Who reviews, where no verb slot says it: the team ("We review every pull request", "how we review each other's
# pull requests": gold in 2 of 2 read postings) or the hire's liking ("you like reviewing pull requests").
_REVIEW_SUBJECT = re.compile(r"\b(?:we|like|enjoy|love)[ \t]+$")


def _review_slot(low: str, start: int, word: str) -> bool:
    return (_in_verb_slot(low, start) or low.endswith("and ", 0, start)
            or _REVIEW_SUBJECT.search(low, max(0, start - 8), start) is not None)


# "Build features from booking and click data", "Develop graph-based features (device, card ...)"
_FEATURE_WORK = re.compile(
    r"(build|builds|building|built|develop|develops|developing|design|designing|create|creating|engineer|"
    r"engineering|craft|crafting|compute|computing|derive|deriving|extract|extracting)[ \t]+(?:(?:new|the|our|"
    r"better|strong|robust|useful)[ \t]+)?(?:(?:graph-based|behaviou?ral|predictive|model|ml|time-series|temporal|"
    r"aggregated?|real-time|streaming|tabular|text|image|signal|risk|fraud|user|customer|transaction|"
    r"[\w-]+-level)[ \t]+)?features[ \t]*(?:from|out[ \t]+of|on[ \t]+top[ \t]+of|based[ \t]+on|over|for[ \t]+"
    r"(?:the[ \t]+|our[ \t]+)?(?:models?|ml|training|ranking|scoring)|\()"
    r"|(build|develop|design|create|engineer|craft)[ \t]+(?:graph-based|behaviou?ral|predictive|model|ml|"
    r"time-series|temporal|aggregated?)[ \t]+features\b"
)

_FEATURE_WORK_STEMS = ("buil", "develop", "design", "creat", "engineer", "craft", "comput", "deriv", "extract")
# Mining logs or records for cases, as the hire's duty: "Mine our driving logs for rare scenarios", "Mine the
# fleet's 300,000 daily pick attempts for failures" (gold in 3 read postings of 3)
_MINE_DATA = re.compile(
    r"(mine|mines|mining)[ \t]+(?:our|the|their|your)[ \t]+(?:[\w'’,.-]+[ \t]+){0,4}?(?:logs?|data|datasets?|"
    r"attempts|records|events|transactions|archives?|corpus|corpora|histor(?:y|ies)|footage|recordings)\b"
)
# Raw data turned into features: "Turn raw clickstream into features (dwell time, ...)", "turn their findings into
# labels and new features", "Turn raw point-of-sale ... data into clean, well-tested feature tables" (gold in 6
# read postings of 8; "turn the ones that work into production features" is a product's)
_INTO_FEATURES = re.compile(
    r"(turn|turns|turning|transform|transforms|transforming|convert|converts|converting|combine|combines|"
    r"combining)[ \t]+"
    r"(?:[^.;:!?\n](?!into\b)){1,90}?[ \t]into[ \t]+(?:labels[ \t]+and[ \t]+)?"
    r"(?:(?:clean|useful|new|model|ml|well-tested|tested|reliable|predictive|model-ready)[ \t]*,?[ \t]*){0,3}"
    # one more word of any kind: "into robust features", "into detection features", "into better features"
    r"(?:(?!product\b|production\b|app\b|user-facing\b|customer-facing\b)[\w-]+[ \t]+)?"
    r"(?:features\b|feature[ \t]+(?:tables|sets|vectors)\b)"
)


def _feature_work(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """_FEATURE_WORK around each "features" (its verb starts at most ~60 characters before it), where a verb
    goes: the regex is not run over the whole text."""
    out: list[Candidate] = []
    end = 0
    for at in scan.words("feature", "features"):
        if at < end:
            continue
        for match in _matches_in(_FEATURE_WORK, low, max(end, at - 70), at + 40, _FEATURE_WORK_STEMS):
            if match.start() <= at < match.end() and _left_boundary(low, match.start()):
                group = 1 if match.group(1) is not None else 2
                start, stop = match.span(group)
                if _in_verb_slot(low, start):
                    out.append(Candidate(start, stop, "feature_engineering", text[start:stop]))
                end = match.end()
                break
    return out


# An engineering discipline left out of a coordination: "7+ years in software or machine learning engineering",
# "as a software or ML engineer", "in software, DevOps or data engineering" (the last item names its own).
_ELIDED = {"software": "software_engineering", "data": "data_engineering", "ml": "machine_learning",
           "machine learning": "machine_learning"}
_ELIDED_ENGINEERING = re.compile(
    r"\b(software|data|ml|machine[ \t]+learning)(?:[ \t]*,[ \t]*(?:software|data|ml|devops|mlops|platform|"
    r"backend|back-end|infrastructure|machine[ \t]+learning|research))*[ \t]*,?[ \t]*(?:or|and|/)[ \t]*"
    r"(?:an?[ \t]+)?(?:[\w-]+[ \t]+){1,2}?(engineering|engineer|engineers)\b"
)
_ELIDED_ITEM = re.compile(r"\b(software|data|ml|machine[ \t]+learning)\b(?=[ \t]*(?:,|or\b|and\b|/))")
_ROLE_CONTEXT = re.compile(r"\b(?:as|experience|years|background)\b[^.\n]{0,40}$")


def _elided_engineering(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("engineer"):
        lo = max(0, at - 80)
        window = low[lo:at]
        if not (" or " in window or " and " in window or "/" in window) or not (
            "software" in window or "data" in window or "ml" in window or "machine learning" in window
        ):
            continue  # no coordination, or none of the disciplines: most "engineer"s
        for match in _ELIDED_ENGINEERING.finditer(low, lo, at + 12):
            if match.start(2) != at:
                continue
            if match.group(2) != "engineering" and not _ROLE_CONTEXT.search(low, max(0, match.start() - 40),
                                                                              match.start()):
                continue  # "software or data engineers" as a job title or people, not the work
            if _TEAM_AFTER.match(low, match.end()):
                continue  # "the software and data engineering teams"
            for item in _ELIDED_ITEM.finditer(low, match.start(), match.start(2)):
                word = " ".join(item.group(1).split())
                out.append(Candidate(item.start(1), item.end(1), _ELIDED[word], text[item.start(1) : item.end(1)]))
    return out


# --- concept skills named in prose (verb + object, coordinations, adjectives) ---------------------------

# A verb slot a little wider than _VERB_SLOT: also after a subject the hire is ("you have", "you'll"), a
# semicolon or a colon ("The role: profile and benchmark ...").
_WIDE_SLOT = re.compile(
    rf"(?:{_LINE_START_SLOT}|\b(?:{_SLOT_WORDS}|you(?:'ve|’ve)|have|has|had|can|or|help|who|years|months)[ \t]+"
    r"|[,;:][ \t]*)$"
)


def _wide_slot(low: str, start: int) -> bool:
    return _WIDE_SLOT.search(low, max(0, start - 16), start) is not None


# Agents and policies are what reinforcement and imitation learning train: "train RL agents that playtest
# levels", "training grasping policies in simulation" (annotators of eight read sets: 9 of 9 gold or implicit).
# Not "our training policy" (a benefit), nor a company's third person ("trains").
_TRAIN_AGENTS = re.compile(
    r"(train(?:ing|ed)?)(?![ \t]+polic)[ \t]+(?:(?:the|our|new|your|small|many)[ \t]+)?(?:[\w-]+[ \t]+){0,3}?"
    r"(?:agents?|polic(?:y|ies))\b"
)


def _hire_verb_slot(low: str, start: int, word: str) -> bool:
    """`_phrase_finder`'s `before` for a verb the hire does: in a verb slot, its clause not someone else's."""
    return _wide_slot(low, start) and not _not_the_hire(_clause_before(low, start))


# Leadership as work: "lead the design and delivery of ...", "lead research projects", "line-manage two data
# scientists", "help supervise PhD students", "managing technical teams", "growing the engineers around you".
_LEAD_WORK = re.compile(
    r"(lead|leads|leading|led)[ \t]+(?:(?:the|a|an|our|your|their|multiple|several)[ \t]+)?(?:[\w-]+[ \t]+){0,2}?"
    r"(?:design|development|delivery|projects?|efforts|initiatives|work(?![ \t]+(?:with|on|closely)\b)|"
    r"implementation|programmes?|programs?|roadmap)\b"
)
_PEOPLE_WIDE = _PEOPLE[:-1] + r"|students|consultants|contributors|teammates|reports)"
_MANAGE_PEOPLE = re.compile(
    r"((?:line[- ])?(?:manage|manages|managing|managed)|(?:co-)?(?:supervise|supervises|supervising|supervised)|"
    r"grow|grows|growing)[ \t]+(?:an?[ \t]+|the[ \t]+|our[ \t]+|your[ \t]+|their[ \t]+)?" + _PEOPLE_MODS + _PEOPLE_WIDE
    + r"\b"
)
_LEAD_ROLE = re.compile(r"(?:as|be|in)[ \t]+(?:an?[ \t]+|the[ \t]+)?((?:tech|technical|team)[ \t]+lead)\b"
                        r"(?![ \t]+(?:engineer|"
                        r"data|ml|scientist|developer)\b)|(?:an?|the)[ \t]+(lead[ \t]+role)\b")


_MANAGE_FORMS = tuple(f"{form}{gap}" for form in ("manage", "manages", "managing", "managed") for gap in " \t")
_GROW_FORMS = tuple(f"{form}{gap}" for form in ("grow", "grows", "growing") for gap in " \t")
_LEAD_ROLE_BEFORE = ("tech ", "technical ", "team ", "a ", "an ", "the ", "tech\t", "technical\t", "team\t", "a\t",
                     "an\t", "the\t")


def _leadership(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _matches_at(_LEAD_WORK, low, scan("lead") + scan("led")):
        start, end = match.span(1)
        if not _left_boundary(low, start):
            continue
        if match.group(1) == "leading" and not low.endswith(("experience ", "in "), 0, start):
            if not _in_verb_slot(low, start):
                continue
        elif not _wide_slot(low, start):
            continue
        if _not_the_hire(_clause_before(text, start)):
            continue
        out.append(Candidate(start, end, "leadership", text[start:end]))
    # only the verbs' forms followed by a space or tab can start a match (not "management", "growth")
    manage = [at for at in scan("manag") if low.startswith(_MANAGE_FORMS, at)]
    starts = manage + scan("supervis") + [at for at in scan("grow") if low.startswith(_GROW_FORMS, at)]
    starts += [at - 5 for at in manage if low.startswith(("line-", "line "), max(0, at - 5))]
    for match in _matches_at(_MANAGE_PEOPLE, low, starts) if starts else ():
        start = match.start()
        if not _left_boundary(low, start) or not _wide_slot(low, start):
            continue
        if _not_the_hire(_clause_before(text, start)):
            continue
        out.append(Candidate(start, match.end(), "leadership", text[start : match.end()]))
    for at in scan("lead"):
        if low[at + 4 : at + 5].isalnum() or not low.endswith(_LEAD_ROLE_BEFORE, max(0, at - 10), at):
            continue  # "leadership", "leading"; _LEAD_ROLE's "lead" follows one of these words
        role = _LEAD_ROLE.search(low, max(0, at - 30), at + 12)
        if role is None:
            continue
        group = 1 if role.group(1) is not None else 2
        if role.start(group) <= at < role.end(group) and _left_boundary(low, role.start()):
            out.append(Candidate(role.start(group), role.end(group), "leadership",
                                 text[role.start(group) : role.end(group)]))
    return out


# Documentation as a verb: "document every difference", "Develops, validates and documents predictive models";
# not the noun ("document AI", "Japanese documents").
_DOCUMENT_ANY = re.compile(
    r"(document|documenting|documents)[ \t]+(?!(?:ai|understanding|classification|processing|extraction|"
    r"intelligence|parsing|layout|images?|retrieval|search|stores?|databases?|types?|management|ocr|qa|"
    r"question|screening|submission|verification|checks?|requirements?|control|and(?![ \t]+(?:validate|test|review|"
    r"share|present|explain|communicate|publish|version|maintain)\b)|or|from|in|of|to|with|for|that|"
    r"which|are|is|was|were|at|by|on|like|such|as)\b)[a-z]"
)
_VERB_S_AND = re.compile(r"[a-z]{3,}s[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")


def _document_verbs(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _matches_at(_DOCUMENT_ANY, low, scan("document")):
        start, end = match.span(1)
        if not _left_boundary(low, start):
            continue
        if low[start:end] == "documents":
            if not _VERB_S_AND.search(low, max(0, start - 30), start) and not _BULLET_START.search(
                low, max(0, start - 12), start
            ):
                continue  # "Develops, validates and documents ...", "- Documents models ..." (third-person duties)
        elif not _wide_slot(low, start):
            continue
        if _not_the_hire(_clause_before(text, start)):
            continue
        out.append(Candidate(start, end, "documentation", text[start:end]))
    return out


# Research as work: "publish and present at conferences", "co-author research papers", "write papers",
# "coursework, research or internship experience", "a track record of applied deep learning research",
# "Research and develop OCR models".
_PUBLISH = re.compile(
    r"(publish|publishing)[ \t]+(?:and[ \t]+present|in\b|at\b|internally|externally|papers?|your[ \t]+work|our[ \t]+"
    r"work|what[ \t]+(?:we|you)|findings|research|regularly|results(?![ \t]+for)|the[ \t]+(?:results|numbers|"
    r"findings))"
)
_PAPERS = re.compile(
    r"(?:write|writes|writing|written|wrote|co-?author|co-?authors|co-?authoring|co-?authored|author|authored|"
    r"authoring)[ \t]+(?:(?:a|an|the|research|academic|scientific|technical|conference|journal|and|software|"
    r"peer-reviewed)[ \t]+){0,3}(papers?)\b"
)
_RESEARCH_ITEM = re.compile(
    r"(research)(?:[ \t]*(?:,|or|and|/)[ \t]*(?:or[ \t]+|and[ \t]+)?[\w-]+)+[ \t]+(?:experience|background)\b"
    r"|(research)[ \t]+and[ \t]+(?:develop|build|prototype|implement|design)\b"
)
_RESEARCH_RECORD = re.compile(r"\btrack[ \t]+record[ \t]+(?:of|in)[ \t]+(?:[\w-]+[ \t]+){0,4}$")


def _research(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _matches_at(_PUBLISH, low, scan("publish")):
        start, end = match.span(1)
        if _left_boundary(low, start) and (_wide_slot(low, start) or low.endswith("we ", 0, start)):
            out.append(Candidate(start, end, "research", text[start:end]))
    for at in scan("paper"):
        paper = _PAPERS.search(low, max(0, at - 60), at + 6)
        if paper is not None and paper.start(1) == at and _left_boundary(low, paper.start()):
            if _wide_slot(low, paper.start()) or low.endswith(("experience ", "of "), 0, paper.start()):
                out.append(Candidate(paper.start(), paper.end(), "research", text[paper.start() : paper.end()]))
    for at in scan("research"):
        if not _left_boundary(low, at):
            continue
        item = _RESEARCH_ITEM.match(low, at)
        if item is not None and (item.group(1) is not None or _in_verb_slot(low, at)):
            out.append(Candidate(at, at + 8, "research", text[at : at + 8]))
        elif not low[at + 8 : at + 9].isalnum() and _RESEARCH_RECORD.search(low, max(0, at - 60), at):
            out.append(Candidate(at, at + 8, "research", text[at : at + 8]))
    return out


# "classify incoming mail", "detect and classify objects", "classifying job descriptions" -> classification
_CLASSIFY = re.compile(r"(classify|classifies|classifying)\b")


# "streaming" next to a stream processor in its line ("Kafka-based streaming", "streaming events with Flink",
# "Experience with streaming (Pub/Sub, Kafka)"), naming streaming software ("streaming applications"), or the
# move to it from batch.
_STREAM_TOOL_NEAR = re.compile(
    r"\b(?:kafka|flink|kinesis|pub/?sub|pulsar|redpanda|event[ \t]+hubs|spark[ \t]+streaming)\b"
)
_STREAMING_MEDIA = re.compile(r"streaming[ \t]+(?:apps?|video|tv|music|content|subscribers|giants?)\b")
_STREAMING_SOFTWARE = re.compile(r"streaming[ \t]+(?:applications|events|pipelines?|workloads)\b")
# ... or the move to it from batch: "move our scoring from nightly batch jobs to streaming"
_BATCH_TO = re.compile(r"\bbatch(?:[ \t]+[\w-]+){0,2}[ \t]+to[ \t]+$")


def _streaming(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("streaming"):
        if not _left_boundary(low, at) or _STREAMING_MEDIA.match(low, at) or low.endswith(("our ", "their "), 0, at):
            continue
        lo = low.rfind("\n", 0, at) + 1
        hi = low.find("\n", at)
        hi = len(low) if hi < 0 else hi
        if (_STREAMING_SOFTWARE.match(low, at) or _STREAM_TOOL_NEAR.search(low, lo, hi)
                or _BATCH_TO.search(low, max(0, at - 40), at)):
            if _not_the_hire(_clause_before(text, at)):
                continue
            out.append(Candidate(at, at + 9, "streaming", text[at : at + 9]))
    return out


# "reproducible" (not "reproducible builds") and "reproduce them/results/experiments"
_REPRODUCE = re.compile(
    r"(reproducible)\b(?![ \t]+builds?\b)|(reproduce)[ \t]+(?:them|it|results|experiments|findings|runs|analys[ie]s|"
    r"(?:the|our|your|their|each|every)[ \t]+(?:[\w-]+[ \t]+)?(?:results|experiments?|findings|runs?|analys[ie]s|"
    r"models?|training))\b"
)


# recommendation as the ML problem, not advice ("present recommendations to executives")
_RECOMMEND = re.compile(
    r"(recommenders?)\b|(recommendations?)(?=[ \t]+(?:models?|systems?|problems?|algorithms?|engines?|feeds?)\b|"
    r"[ \t]*(?:,|/|or|and)[ \t]*(?:or[ \t]+|and[ \t]+)?(?:ranking|search|retrieval|ads|auction|personali[sz]ation)\b)"
)
_RECOMMEND_BEFORE = re.compile(
    r"(?:\b(?:ranking|search|retrieval|ads|personali[sz]ed|deep|session-based|llm[ \t]+based|sequential|product|"
    r"item|classification|clustering|segmentation)[ \t]*"
    r"(?:,|/|or|and)?[ \t]*(?:or[ \t]+|and[ \t]+)?|\b(?:for|in|on)[ \t]+)$"
)


def _recommenders(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("recommend"):
        match = _RECOMMEND.match(low, at)
        if match is None or not _left_boundary(low, at):
            if match is None and low.startswith("recommendation", at) and _left_boundary(low, at):
                end = at + 14 + (low.startswith("s", at + 14))
                if (end >= len(low) or not low[end].isalnum()) and _RECOMMEND_BEFORE.search(low, max(0, at - 30), at):
                    out.append(Candidate(at, end, "recommender_systems", text[at:end]))
            continue
        group = 1 if match.group(1) is not None else 2
        out.append(Candidate(match.start(group), match.end(group), "recommender_systems",
                             text[match.start(group) : match.end(group)]))
    return out


# Open source as the hire's work: "contribute to open-source toolkits", "a track record in open source",
# "published as open source"; not the company's product ("Mirador is an open-source library") nor open models.
_OPEN_SOURCE = re.compile(
    r"(open[- ]source)\b(?![ \t]+(?:models?|llms?|weights|ai|alternatives?|llm|foundation|vlms?|embedding)\b)"
)
_COMPANY_OWN = re.compile(r"\b(?:our|is[ \t]+an?|are[ \t]+an?|its|maintains[ \t]+an?|run[ \t]+our)[ \t]+$")


def _open_source(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("source"):
        start = at - 5
        if start < 0 or low[start:at - 1] != "open" or low[at - 1] not in " -" or not _left_boundary(low, start):
            continue
        match = _OPEN_SOURCE.match(low, start)
        if match is None or _COMPANY_OWN.search(low, max(0, start - 20), start):
            continue
        if _not_the_hire(_clause_before(text, start)):
            continue
        out.append(Candidate(start, match.end(1), "open_source", text[start : match.end(1)]))
    return out


# Benchmarking and profiling as work: "Profile and speed up distributed training", "Benchmark latency, power and
# accuracy", "profile everything with Nsight"; not "your profile", "a Kaggle profile".
_PERF_VERB = re.compile(
    r"(profile|profiling|benchmark|benchmarking)[ \t]+(?!(?:of|for|from|in|on|at|to|with|"
    r"that|which|is|are|was|page|pictures?|photos?|links?|results|rigorously)\b)(?:and[ \t]+|,[ \t]*)?[a-z0-9]"
)


# Testing as the hire's practice: "write tests", "code with tests", "well tested", "tested and reviewed",
# "develop and test components"; "tests, typing, code review" (a list of practices).
_TESTS_VERB = re.compile(
    # "writing the tests that keep them honest", "build the tests", "writes the integration code and its tests"
    r"(?:(?:write|writes|writing|wrote|add|adding|build|builds|building)[ \t]+(?:(?:the|its|their|your)[ \t]+)?"
    r"|(?:code|python)[ \t]+and[ \t]+(?:(?:its|their|the)[ \t]+)?"
    r"|with[ \t]+(?=(?:[\w-]+[ \t]+)?tests\b(?![ \t]+(?:of|for|on)\b)))"
    r"(?:(?:good|unit|integration|automated|end-to-end|meaningful|solid)[ \t]+)?(tests)\b"
)
_TESTED = re.compile(r"(?:well[- ]|(?:is|are|be|being)[ \t]+)(tested)\b(?![ \t]+(?:on|with|by|against|in)\b)")
_TEST_BUILD = re.compile(r"(?:develop|build|implement|write|code)[ \t]+and[ \t]+(test)[ \t]+"
                         r"(?!(?:models?|the[ \t]+model|"
                         r"hypothes[ie]s|ideas|features?|experiments?)\b)")
_TESTS_LIST = re.compile(
    r"(tests)[ \t]*,[ \t]*(?:typing|type[ \t]+hints|linting|code[ \t]+review|ci\b|packaging|documentation)"
)
# ... or a later item of that list: "good habits: code review, tests, type hints"
_TESTS_LATER = re.compile(
    r"(?:typing|types|type[ \t]+hints|linting|code[ \t]+reviews?|ci|packaging|documentation)[ \t]*,[ \t]*"
    r"(?:and[ \t]+)?(tests)\b"
)


def _testing_practice(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("test"):
        if not _left_boundary(low, at) and not low.startswith(("well-", "well "), max(0, at - 5)):
            continue
        for pattern, lo in ((_TESTS_VERB, 30), (_TESTED, 9), (_TEST_BUILD, 24), (_TESTS_LIST, 0), (_TESTS_LATER, 22)):
            match = pattern.search(low, max(0, at - lo), at + 40)
            if match is not None and match.start(1) == at:
                if _not_the_hire(_clause_before(text, at)):
                    break
                out.append(Candidate(at, match.end(1), "software_testing", text[at : match.end(1)]))
                break
    return out


# Code review as the hire's practice: "tested and reviewed before it ships", "write as much code as you review",
# "Review community pull requests", "Write and review CUDA kernels".
_REVIEWED = re.compile(r"(?:tested|written|typed|documented)[ \t]+and[ \t]+(reviewed)\b")
_REVIEW_WIDE = re.compile(
    r"(review|reviews|reviewing)[ \t]+(?:(?:[\w'’-]+)[ \t]+){0,3}?(?:code|prs|pull[ \t]+requests|merge[ \t]+requests|"
    r"diffs|patches|kernels|commits)\b(?![ \t]+of[ \t]+conduct)"
)
_CODE_AS_YOU = re.compile(r"code[ \t]+as[ \t]+you[ \t]+(review)\b")
# The passive: "Every pull request is reviewed", "all changes get peer-reviewed"
_PR_REVIEWED = re.compile(
    r"(?:every|each|all)[ \t]+(?:pull[ \t]+requests?|prs?|merge[ \t]+requests?|changes?|diffs?)[ \t]+"
    r"(?:is|are|gets?)[ \t]+(?:peer[- ])?(reviewed)\b"
)


def _review_work(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("review"):
        if not _left_boundary(low, at) or low.startswith("code review", max(0, at - 5)):
            continue
        for pattern, lo in ((_REVIEWED, 16), (_CODE_AS_YOU, 16), (_PR_REVIEWED, 45), (_REVIEW_WIDE, 0)):
            match = pattern.search(low, max(0, at - lo), at + 60) if lo else pattern.match(low, at)
            if match is None or match.start(1) != at:
                continue
            if pattern is _REVIEW_WIDE and not (_wide_slot(low, at) or low.endswith("and ", 0, at)):
                continue
            if _not_the_hire(_clause_before(text, at)):
                break
            out.append(Candidate(at, match.end(1), "code_review", text[at : match.end(1)]))
            break
    return out


# Monitoring for drift, in any form: "set up monitoring that catches drift", "monitor forecast accuracy and drift",
# "monitoring PSI/CSI drift", "monitoring and alerting for drift" (gold in 11 of 11 read postings the other rules
# missed, none against)
_MONITOR_DRIFT = re.compile(
    r"(monitor|monitors|monitoring|monitored)\b[^.;\n]{0,40}?(?<!clock )(?<!sensor )(?<!thermal )(?<!gps )\bdrift"
    r"(?![ \t]+(?:in|of)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?(?:clocks?|sensors?|gps|temperatures?)\b)"
)


def _monitor_drift(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """Monitoring for drift (_MONITOR_DRIFT), or of what a model's output is worth (_MONITOR_QUALITY)."""
    out: list[Candidate] = []
    for at in scan("monitor"):
        if not _left_boundary(low, at):
            continue
        if (match := _MONITOR_DRIFT.match(low, at)) is not None:
            clause = _clause_before(text, at)
            if not _not_the_hire(clause) and (match.group(1) != "monitors" or _third_person_ok(clause)):
                out.append(Candidate(at, match.end(1), "model_monitoring", text[at : match.end(1)]))
                continue
        if (match := _MONITOR_QUALITY.match(low, at)) is not None and _hire_verb_slot(low, at, ""):
            out.append(Candidate(at, match.end(1), "model_monitoring", text[at : match.end(1)]))
    return out


# Monitoring as the last of the model's stages in a list: "model building, deployment and monitoring", "set up
# model registries and monitoring", "model validation, calibration, backtesting and monitoring", "model
# versioning, evaluation and monitoring" (gold or implicit in 15 of 15 read postings; 9 newly found). A
# stage that only models have is enough; deployment, testing, versioning or a registry needs a model or ML word
# before it in the line ("logging, testing and monitoring" of services is not the MLOps practice).
_STAGE_THEN_MONITORING = re.compile(
    r"\b(?:(deployments?|deploying|testing|versioning|registry|registries|documentation|"
    r"ci/cd(?:[ \t]+for[ \t]+models)?)|"
    r"serving|inference|evaluation|evaluating|backtesting|validation|retraining|calibration|model[ \t]+building)"
    # "our model deployment process and monitoring"
    r"(?:[ \t]+(?:process|processes|pipelines?|workflows?))?"
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)$"
)
_MODEL_WORD_BEFORE = re.compile(r"\b(?:models?|ml|mlops|machine[ \t]+learning|training|forecast\w*|llms?)\b")
# ... or beside retraining: "monitoring, retraining, rollbacks", "including monitoring and retraining"; or set up
# where the line is about models: "Set up monitoring so that grid planners know when a forecast can be trusted"
# (read postings: model_monitoring gold in 6 of 6 not found before, and in 50 found)
_MONITORING_THEN_RETRAINING = re.compile(r"[ \t]*(?:,|and|&)[ \t]*(?:automated[ \t]+)?(?:retraining|re-training)\b")
_SET_UP_BEFORE = re.compile(r"\b(?:set|sets|setting)[ \t]+up[ \t]+$")


def _set_up_for_models(low: str, at: int) -> bool:
    if _SET_UP_BEFORE.search(low, max(0, at - 12), at) is None:
        return False
    return _MODEL_WORD_BEFORE.search(low, *_line_span(low, at)) is not None

# Monitoring what a model's output is worth: "Monitor forecast accuracy and bias in production", "Monitor forecast
# error per park", "monitors their performance" (read sets: gold in 42 of 42 postings that say it, 5 newly)
_MONITOR_QUALITY = re.compile(
    r"(monitor|monitors|monitoring)[ \t]+(?:(?:the|our|their|its)[ \t]+)?(?:(?!(?:employee|staff|team|server|"
    r"system|service|network|site|web|cpu|gpu|app|application|api|query|database|air|water|power|call)s?\b)"
    # or a list ending in one: "monitor cost, latency and quality in production"
    r"(?:[\w-]+(?:[ \t]*,[ \t]*[\w-]+){0,3}[ \t]*(?:,[ \t]*)?(?:and|&)[ \t]+(?:[\w-]+[ \t]+)?|[\w-]+[ \t]+))?"
    r"(?:accuracy|errors?|quality|performance|drift|bias)\b"
)
# ... or monitoring that says when something goes wrong: "set up the monitoring that tells us when a model's inputs
# drift", "monitoring that catches drift before the regulator does" (gold in 6 of 6 read postings)
_MONITORING_THAT = re.compile(r"[ \t]+that[ \t]+(?:tells|alerts|catches|flags|warns|shows|spots)\b")
# ... or monitoring added to models: "Add tests and monitoring to the models we already run in production"
_MONITORING_TO_MODELS = re.compile(
    r"[ \t]+(?:to|for|of|on)[ \t]+(?:(?:the|our|all|every|each|your)[ \t]+)?(?:[\w-]+[ \t]+)?models?\b"
)


def _monitoring_stage(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("monitor"):
        if not low.startswith("monitoring", at) or not _left_boundary(low, at):
            continue
        stage = _STAGE_THEN_MONITORING.search(low, max(0, at - 40), at)
        if stage is None:
            if (
                _MONITORING_THAT.match(low, at + 10) is None
                and _MONITORING_TO_MODELS.match(low, at + 10) is None
                and _MONITORING_THEN_RETRAINING.match(low, at + 10) is None
                and not _set_up_for_models(low, at)
            ):
                continue
        elif stage.group(1) is not None:
            line_start = low.rfind("\n", 0, at) + 1
            if not _MODEL_WORD_BEFORE.search(low, line_start, stage.start()):
                continue
        if _INFRA_AFTER.match(low, at + 10) or _not_the_hire(_clause_before(low, at)):
            continue  # "a shared training, serving and monitoring stack": what the stack is for
        out.append(Candidate(at, at + 10, "model_monitoring", text[at : at + 10]))
    return out


# Data cleaning as work: "clean and join messy data", "Extracts, cleans and integrates data", "collect and
# clean speech datasets", "data extraction, cleaning and feature engineering", "cleaning OCR output".
_CLEAN_VERB = re.compile(
    r"(clean|cleans|cleaning)(?:[ \t]+up)?(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|&|or)[ \t]+)[a-z][\w-]*){0,6}[ \t]+"
    r"(?:[a-z][\w/-]*(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|&)[ \t]+|[ \t]+)){0,4}?"
    r"(?:data|datasets?|audio|transcripts|records|"
    r"logs|corpora|labels|outputs?)\b(?![ \t]*(?:cent(?:er|re)s?|pipelines?|platforms?)\b)"
)
def _verb_before_finder(
    word: str, forms: tuple[str, ...], verb_before: re.Pattern[str], reach: int, skill: str, tag: str, *,
    after: re.Pattern[str] | None = None, slot: Callable[[str, int, str], bool] | None = None,
) -> _Finder:
    """Mentions of `skill` at a noun (one of `forms`, a whole word where the scanned `word` occurs; list a longer form
    before a shorter one it starts with) whose verb comes before it:
    `verb_before` searched in the `reach` characters before the noun, its group 1 the verb, in the hire's slot
    (`_hire_verb_slot` unless `slot` is given); `after`, when given, must match at the noun. `tag` says which span
    the mention holds: "verb", "noun" or "both" (from the verb to the noun's end)."""
    agrees = _hire_verb_slot if slot is None else slot

    def find(text: str, low: str, scan: _Scan) -> list[Candidate]:
        out: list[Candidate] = []
        for at in scan(word):
            form = next((f for f in forms if low.startswith(f, at)), None)
            if form is None or not _left_boundary(low, at):
                continue
            end = at + len(form)
            if (end < len(low) and low[end].isalnum()) or (after is not None and after.match(low, at) is None):
                continue  # a whole word only: not the "classifier" of "classifiers"
            verb = verb_before.search(low, max(0, at - reach), at)
            if verb is None or not _left_boundary(low, verb.start(1)) or not agrees(low, verb.start(1), verb.group(1)):
                continue
            start, end = verb.span(1) if tag == "verb" else (at, end) if tag == "noun" else (verb.start(1), end)
            out.append(Candidate(start, end, skill, text[start:end]))
        return out

    return find


# A classifier the hire builds ("trained a classifier to route intents", "build a toxicity classifier"): the plural is
# an alias; the singular names the company's own just as often ("rebuilt the document classifier our operations
# team uses"), so the hire's verb must come first.
_BUILDS_A_CLASSIFIER = re.compile(
    r"\b(train|trains|trained|training|build|builds|built|building|develop|develops|developed|developing|"
    r"fine-tune|fine-tuned|fine-tuning)[ \t]+(?:(?:a|an|the|your)[ \t]+)?(?:[\w-]+[ \t]+){0,2}$"
)

_classifier_built = _verb_before_finder(
    "classifier", ("classifier",), _BUILDS_A_CLASSIFIER, 50, "classification", "noun"
)


# Anomalies the hire finds, their object between: "Detect faulty sensors and anomalous building behaviour",
# "flag anomalous cells early" (the aliases hold "detect anomalies"); not a product's "a dashboard that flags
# anomalous charging sessions"
_FIND_ANOMALIES_BEFORE = re.compile(
    r"\b(detect|detects|detecting|flag|flagging|spot|spotting|catch|catching)[ \t]+"
    r"(?:[\w-]+(?:[ \t]*,[ \t]*|[ \t]+)){0,5}$"
)
_anomalies_found = _verb_before_finder(
    "anomal", ("anomalous", "anomalies"), _FIND_ANOMALIES_BEFORE, 70, "anomaly_detection", "both"
)


# Augmenting data as the hire's work: "cleaning and augmenting a messy dataset", "augment the training images"
_AUGMENT_DATA = re.compile(
    r"(augment|augments|augmenting)[ \t]+(?:[a-z][\w/-]*[ \t]+){0,4}?(?:data|datasets?|images|samples|"
    r"training[ \t]+sets?|audio|corpora)\b"
)
_CLEANING_ITEM = re.compile(
    r"\bdata[ \t]+[\w-]+(?:[ \t]*,[ \t]*[\w-]+)*[ \t]*(?:,|and|&)[ \t]*(?:and[ \t]+)?$"
)
_CLEANING_AND = re.compile(
    r"cleaning[ \t]*(?:,|and|&)[ \t]*(?:and[ \t]+)?(?:pre-?processing|labell?ing|feature[ \t]+engineering|"
    r"transformation|normali[sz]ation|augmentation|deduplication|annotation)\b"
)


def _data_cleaning(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("clean"):
        if not _left_boundary(low, at):
            continue
        match = _CLEAN_VERB.match(low, at)
        if match is not None and (_wide_slot(low, at) or low.endswith("that ", 0, at)):
            if not _not_the_hire(_clause_before(text, at)):
                out.append(Candidate(at, match.end(1), "data_cleaning", text[at : match.end(1)]))
            continue
        if low.startswith("cleaning", at) and (
            _CLEANING_ITEM.search(low, max(0, at - 60), at) or _CLEANING_AND.match(low, at)
        ):
            out.append(Candidate(at, at + 8, "data_cleaning", text[at : at + 8]))
    return out


# "Analyse farm, weather and M-Pesa repayment data": analyse with a listed object
_ANALYSE_LIST = re.compile(
    r"(analy[sz]e|analy[sz]es|analy[sz]ing)[ \t]+(?:(?:the|our|your|their)[ \t]+)?"
    r"(?:(?!(?:on|in|of|for|with|from|to|at|"
    r"by|into|across|using|against|how|why|what|whether)\b)[a-z][\w/-]*(?:[ \t]*,[ \t]*|[ \t]+"
    r"(?:and|or|&)[ \t]+|[ \t]+)){1,5}?data\b(?![ \t]*(?:cent(?:er|re)s?|pipelines?|platforms?)\b)"
)


# "engineer features", "build features and pipelines in PySpark", "Write SQL and Python to build features"
_BUILD_FEATURES = re.compile(
    r"(build|builds|building|develop|developing|engineer|engineering|create|creating|compute|computing|derive|"
    r"deriving|design|designing)[ \t]+(?:and[ \t]+maintain[ \t]+)?(?:(?:real-time|batch|streaming|online|offline|"
    r"new|better|the|our)[ \t]+)?features\b"
)
# "features from weather and market data", "time series features from billions of voltage readings": features
# made from data (read sets: gold 9 of 11; not "LLM-powered features from prototype to production")
_FEATURES_FROM = re.compile(
    r"features[ \t]+from[ \t]+[^.;:()\n]{0,60}?\b(?:data|readings|records|transactions|imagery|images|logs|signals|"
    r"events|telemetry|histories|behaviou?r|kafka|streams?|output)\b"
)
_FEATURE_DATA_CONTEXT = re.compile(r"\b(?:sql|spark|pyspark|bigquery|pandas|polars|dbt|data|datasets?|models?|"
                                   r"pipelines|training|labels|python|backtests?|backtesting)\b")
# Product features built end to end ("You'll build features end to end: the Python backend, retrieval, ...")
_PRODUCT_FEATURES_AFTER = re.compile(r"[ \t]+end[ \t-]+to[ \t-]+end\b")


def _build_features(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan.words("feature", "features"):
        if low.startswith("features", at) and (_FEATURES_FROM.match(low, at) is not None
                                                and not _not_the_hire(_clause_before(text, at))):
            out.append(Candidate(at, at + 8, "feature_engineering", text[at : at + 8]))
            continue
        # "designing and maintain the " is the longest run before "features": 36
        match = _BUILD_FEATURES.search(low, max(0, at - 37), at + 8)
        if match is None or match.end() != at + 8 or not _left_boundary(low, match.start()):
            continue
        start, end = match.span(1)
        if not _wide_slot(low, start) or _PRODUCT_FEATURES_AFTER.match(low, at + 8):
            continue
        verb = low[start:end]
        if not verb.startswith("engineer"):
            lo = low.rfind("\n", 0, start) + 1
            hi = low.find("\n", at)
            hi = len(low) if hi < 0 else hi
            if not _FEATURE_DATA_CONTEXT.search(low, lo, hi):
                continue
        if _not_the_hire(_clause_before(text, start)):
            continue
        out.append(Candidate(start, end, "feature_engineering", text[start:end]))
    return out


# Predictive modelling as the hire's work: "you will build the models that predict congestion", "help improve
# the models that predict arrival times", "churn prediction models", "help build track-prediction models".
# Across the read sets "models that predict" after the hire's build/develop/train/improve verb is gold in 9
# postings of 10; after "productionize", "set the direction for", or with the company as the subject, it is not.
_PREDICT_MODELS = re.compile(
    r"\b(?:models?|networks?)[ \t]+(?:that|which)[ \t]+(predicts?)\b|"
    r"(prediction)[ \t]+(?:(?:and|&)[ \t]+[\w-]+[ \t]+(?:[\w-]+[ \t]+)?)?models?\b|"
    # "train and launch deep learning models for click-through and conversion prediction" (read sets: gold or
    # implicit in 5 postings of 5)
    r"\bmodels?[ \t]+for[ \t]+(?:[\w-]+(?:[ \t]*,)?[ \t]+(?:and[ \t]+|or[ \t]+)?){0,4}?(predictions?)\b"
)
_PREDICT_HIRE_VERB = re.compile(
    r"\b(build|builds|building|built|develop|develops|developing|train|trains|training|improve|improves|"
    r"improving|maintain|maintains|maintaining|design|designs|designing|create|creates|creating|evolve|evolves|"
    r"evolving|deliver|delivers|delivering|own|owns|owning)\b(?:[ \t]+[\w,&/'’-]+){0,8}[ \t]*$"
)


def _predict_starts(low: str, scan: _Scan) -> list[int]:
    out = []
    for at in scan("predict"):
        if low.startswith("prediction", at):
            out.append(at)
            head = low.rfind("models for ", max(0, at - 60), at)
            head = low.rfind("model for ", max(0, at - 60), at) if head < 0 else head
            if head >= 0:
                out.append(head)  # "models for conversion prediction"
        elif low.startswith("predict", at):
            # "models that predict": the match starts at the noun, one or two words back
            lo = max(0, at - 20)
            head = low.rfind("model", lo, at)
            if head < 0:
                head = low.rfind("network", lo, at)
            if head >= 0:
                out.append(head)
    return sorted(set(out))


def _predict_models(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out = []
    for match in _matches_at(_PREDICT_MODELS, low, _predict_starts(low, scan)):
        if not _left_boundary(low, match.start()):
            continue
        clause = _clause_before(low, match.start())
        if _not_the_hire(clause):
            continue
        if match.group(2) is None:
            verb = _PREDICT_HIRE_VERB.search(clause)
            if verb is None:
                continue
            # "The AI group builds the models that predict ...": a third-person verb only in the hire's duty
            if verb.group(1).endswith("s") and not _third_person_ok(clause[: verb.start()]):
                continue
            start, end = match.span(1 if match.group(1) is not None else 3)
        else:
            start, end = match.span(2)
        out.append(Candidate(start, end, "predictive_modeling", text[start:end]))
    return out


# Training as a stage of the hire's model lifecycle, listed with the others: "feature engineering, training,
# deployment and monitoring", "from dataset curation and training through to deployment", "the ML pipelines
# for training and deployment", "training and backtesting". Gold in 11 read postings of 14 once a list that
# modifies infrastructure ("a shared training, serving and monitoring stack") is left out; bare "training"
# alone is not (31 gold, 19 absent).
_STAGES = (
    r"(?:model[ \t]+)?(?:deployment|deploying|serving|inference|evaluation|monitoring|backtesting|validation|"
    r"retraining|tuning|feature[ \t]+engineering|curation|data[ \t]+preparation|pre-?processing|labell?ing|"
    r"experimentation|augmentation|production)"
)
_STAGE_SEP = r"[ \t]*(?:,|and|&|/|through[ \t]+to|to)[ \t]*(?:and[ \t]+)?"
_TRAINING_STAGE = re.compile(r"training\b(?:" + _STAGE_SEP + _STAGES + r"\b)*")  # matched at "training"
_STAGE_BEFORE = re.compile(r"\b" + _STAGES + _STAGE_SEP + r"$")
# A list of three stages or more names each as the hire's (evaluation: 3 of 3 read postings; monitoring: 7 gold
# and 1 implicit of 8)
_STAGE_ITEM = re.compile(_STAGE_SEP + _STAGES + r"\b")
_STAGES_BEFORE = re.compile(r"\b(?:" + _STAGES + _STAGE_SEP + r")+$")  # the list's items before "training"
# (augmentation, listed or not, is the "augmentation_word" alias's)
_LISTED_STAGE = re.compile(r"\b(evaluation|validation|backtesting|monitoring)\b")
_INFRA_AFTER = re.compile(
    r"[ \t]+(?:infrastructure|infra|platforms?|stacks?|clusters?|layers?|systems?|services?|tooling|tools|"
    r"budgets?|courses?|programs?|programmes?|sessions?|materials?|data)\b"
)


# Training as what infrastructure is for, beside serving: "CI/CD pipelines for model training and deployment",
# "the feature store used for training and inference" (read postings: model_training absent in 6 of 9; the other
# 3 name training elsewhere)
_FOR_TRAINING_AND_SERVING = re.compile(r"[ \t]+and[ \t]+(?:deployment|inference|serving|scoring)\b")
_FOR_BEFORE = re.compile(r"\bfor[ \t]+(?:model[ \t]+)?$")


def _training_for_serving(low: str, start: int, end: int) -> bool:
    """Whether "training" or "model training" at [start, end) is what something is for, beside serving."""
    return _FOR_TRAINING_AND_SERVING.match(low, end) is not None and _FOR_BEFORE.search(
        low, max(0, start - 10), start
    ) is not None


def _training_stage(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out = []
    for at in scan("train"):
        if not low.startswith("training", at):
            continue
        match = _TRAINING_STAGE.match(low, at)
        if match is None or not _left_boundary(low, at):
            continue
        end = match.end()
        if end == at + 8 and _STAGE_BEFORE.search(low, max(0, at - 40), at) is None:
            continue  # no stage after it, nor one before ("deployment and training")
        if _INFRA_AFTER.match(low, end) or _not_the_hire(_clause_before(low, at)):
            continue
        if _training_for_serving(low, at, at + 8):
            continue  # what a pipeline or a store is for: "the feature store used for training and inference"
        out.append(Candidate(at, at + 8, "model_training", text[at : at + 8]))
        before = _STAGES_BEFORE.search(low, max(0, at - 80), at)
        lo = at if before is None else before.start()
        if len(_STAGE_ITEM.findall(low, at + 8, end)) + (0 if before is None else len(_STAGE_ITEM.findall(
            low, before.start(), at)) + 1) >= 2:
            # the lifecycle as a list ("the ML lifecycle (training, evaluation, deployment, monitoring)", "data
            # preparation, augmentation, training and evaluation"): its evaluation and monitoring are the hire's
            # too
            for item in _LISTED_STAGE.finditer(low, lo, end):
                skill = "model_monitoring" if item.group(1) == "monitoring" else "model_evaluation"
                out.append(Candidate(item.start(1), item.end(1), skill, text[item.start(1) : item.end(1)]))
    return out


# Monitoring the hire sees to, in the passive: "You take care that our models are monitored and retrained",
# "ensure that the models your team deploys are validated, version-controlled and monitored".
_MODELS_MONITORED = re.compile(
    r"\bmodels?[ \t]+(?:[\w-]+[ \t]+){0,6}?(?:are|is|get|gets|stay|remain)[ \t]+"
    r"(?:[\w-]+[ \t]*,?[ \t]*(?:and[ \t]+)?){0,3}?(monitored)\b"
)
_HIRE_SEES_TO = re.compile(r"\b(?:you|ensure|ensuring|make[ \t]+sure|take[ \t]+care|see[ \t]+to[ \t]+it)\b")


def _models_monitored(text: str, low: str, scan: _Scan) -> list[Candidate]:
    if "monitored" not in low:
        return []
    out = []
    for match in _matches_at(_MODELS_MONITORED, low, scan.words("mod", "model")):
        clause = _clause_before(low, match.start())
        if _HIRE_SEES_TO.search(clause) is None or _not_the_hire(clause):
            continue
        start, end = match.span(1)
        out.append(Candidate(start, end, "model_monitoring", text[start:end]))
    return out


# How models are evaluated, as what the hire understands: "the basics of how models are trained and evaluated",
# "how models are trained, evaluated and served" (read sets: gold in 2 of 2; trained and served are found
# elsewhere)
_HOW_MODELS_EVALUATED = re.compile(
    r"\bhow[ \t]+(?:[\w-]+[ \t]+){0,2}?models?[ \t]+(?:are|get)[ \t]+(?:[a-z]+[ \t]*,?[ \t]+(?:and[ \t]+)?){0,3}?$"
)


def _how_models_evaluated(text: str, low: str, scan: _Scan) -> list[Candidate]:
    return [Candidate(at, at + 9, "model_evaluation", text[at : at + 9]) for at in scan.words("evaluat", "evaluated")
            if _HOW_MODELS_EVALUATED.search(low, max(0, at - 80), at) is not None]


# Model verbs in Spanish, Portuguese, French, Italian, German, Dutch and Polish duty lines, where postings use
# the infinitive (or its noun), the French and Spanish future of "you", or the German "du" form: "Entrenar y
# poner en producción modelos", "Desenvolver e monitorar modelos", "Entraîner et évaluer des modèles",
# "Vigilar la deriva de los modelos", "Du entwickelst und trainierst Modelle", "Modelle trainieren". The verb
# before the model noun, in its clause with at most 60 characters between; the mention is the verb. (Read sets
# 8, 10, 11: every one of the 14 such verbs is gold.) Third-person forms ("nuestro equipo entrena modelos")
# describe the company.
_FOREIGN_MODEL_VERBS: dict[str, str] = {
    **dict.fromkeys(
        ("entrenar", "entrenarás", "reentrenar", "treinar", "retreinar", "entraîner", "entrainer", "entraînerez",
         "addestrare", "trainieren", "trainierst", "trainiere", "entrenamiento", "treinamento", "entraînement",
         "addestramento", "trainen", "trenowanie", "trenowania", "trenowa\u0107", "trenujesz"),
        "model_training",
    ),
    **dict.fromkeys(
        ("poner en producción", "pasar a producción", "colocar em produção", "mettre en production",
         "mettrez en production", "in produktion bringen", "bringst", "betreibst", "betreiben", "bereitstellen",
         "implantar", "deployen", "deployst", "wdra\u017canie", "wdra\u017cania", "wdra\u017ca\u0107", "wdro\u017cenie",
         "wdro\u017cenia", "wdra\u017casz"),
        "model_serving",
    ),
    **dict.fromkeys(
        ("monitorizar", "monitorear", "monitorar", "vigilar", "supervisar", "surveiller", "superviser",
         "surveillerez", "überwachen", "überwachst", "monitoren", "monitorare", "monitoraggio", "monitoreo",
         "monitorización", "monitoramento", "supervision", "surveillance", "monitorowanie", "monitorowania",
         "monitorowa\u0107", "monitorujesz"),
        "model_monitoring",
    ),
    **dict.fromkeys(
        ("evaluar", "evaluarás", "validar", "avaliar", "évaluer", "évaluerez", "valider", "évaluation",
         "validation", "evaluación", "validación", "avaliação", "validação", "valutare", "validare", "valutazione",
         "evaluieren", "evaluierst", "bewerten", "bewertest", "validieren", "validierst", "evaluierung",
         "evalueren", "valideren", "ewaluacja", "ewaluacji", "walidacja", "walidacji"),
        "model_evaluation",
    ),
}
_FOREIGN_VERB = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(v) for v in sorted(_FOREIGN_MODEL_VERBS, key=len, reverse=True))
    + r")(?![\w-])"
)
_FOREIGN_MODELS = re.compile(r"mod(?:elos?|èles?|ellen|elle|elli|ello|ell|elami|elach|ele|eli|elu)(?![\w-])")
# Polish word order is free: the verbal noun may follow its object ("modeli ... i automatyzacja ich ponownego
# trenowania")
_POLISH_MODELS = ("modele", "modeli", "modelu", "modelami", "modelach")
_POLISH_VERB_AFTER = re.compile(
    r"[^.;:\n]{0,60}?(?<![\w-])(trenowania|trenowanie|wdra\u017canie|wdra\u017cania|wdro\u017cenie|wdro\u017cenia|"
    r"monitorowanie|monitorowania|ewaluacja|ewaluacji|walidacja|walidacji)(?![\w-])"
)
# German puts the infinitive after its object: "Modelle trainieren, evaluieren und betreiben"
_GERMAN_AFTER = re.compile(
    r"(?:[ \t]+(?:zu|und|oder|sowie|,)?)*[ \t]*(trainieren|evaluieren|bewerten|validieren|überwachen|betreiben|"
    r"deployen|bereitstellen)(?![\w-])"
)
# "con modelos en producción", "modelos em produção", "modèles en production", "Modelle in Produktion"
_MODELS_IN_PRODUCTION = re.compile(
    r"[ \t]+(?:[\w'’]+[ \t]+){0,5}?(?:en|em|in)[ \t]+(producción|produção|production|produktion|productie)\b"
)


def _foreign_model_verbs(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """Model training, serving, monitoring and evaluation named by a verb (or its noun) before a model
    noun in Spanish, Portuguese, French, Italian, German, Dutch or Polish (German and Polish also after it); see
    the comment above _FOREIGN_MODEL_VERBS."""
    out: list[Candidate] = []
    for at in scan("mod"):
        noun = _FOREIGN_MODELS.match(low, at)
        if noun is None or not _left_boundary(low, at):
            continue
        for verb in _FOREIGN_VERB.finditer(low, at - len(_clause_before(low, at)), at):
            if at - verb.end() > 60:
                continue
            start, end = verb.span(1)
            out.append(Candidate(start, end, _FOREIGN_MODEL_VERBS[verb.group(1)], text[start:end]))
        if low.startswith("modell", at):
            after = _GERMAN_AFTER.match(low, noun.end())
            if after is not None:
                start, end = after.span(1)
                out.append(Candidate(start, end, _FOREIGN_MODEL_VERBS[after.group(1)], text[start:end]))
        if low.startswith(_POLISH_MODELS, at) and (after := _POLISH_VERB_AFTER.match(low, noun.end())) is not None:
            start, end = after.span(1)
            out.append(Candidate(start, end, _FOREIGN_MODEL_VERBS[after.group(1)], text[start:end]))
        if (prod := _MODELS_IN_PRODUCTION.match(low, noun.end())) is not None:
            start, end = prod.span(1)
            out.append(Candidate(start, end, "model_serving", text[start:end]))
    return out


# Work kept documented: "make sure models are fair, explainable and documented", "every model in production is
# documented", "clean, well-documented network data", "If it isn't documented, it didn't happen" (read sets: gold in
# 18 of 18 postings that say it; 5 newly); not "documented experience with SQL" (proven experience)
_DOCUMENTED_NOT_AFTER = re.compile(
    r"[ \t]+(?:experience|track[ \t]+records?|history|success|ability|abilities|proof|evidence|results?|skills?|"
    r"expertise|knowledge|achievements?|cases?|incidents?)\b"
)


_OUR_THING_IS = re.compile(r"\W*(?:our|their|its)\b[^,;:]{0,60}\b(?:is|are)\s+(?:fully\s+|well[- ]?)?$", re.IGNORECASE)
_ENSURE = re.compile(r"\b(?:make\s+sure|ensure|so\s+that|keep|must)\b", re.IGNORECASE)


def _documented(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("document"):
        if not low.startswith("documented", at) or (at + 10 < len(low) and low[at + 10].isalnum()):
            continue
        start = at - 5 if low.endswith(("well-", "well "), 0, at) else at
        if not _left_boundary(low, start) or _DOCUMENTED_NOT_AFTER.match(low, at + 10):
            continue
        clause = _clause_before(text, start)
        if _not_the_hire(clause) or (_OUR_THING_IS.match(clause) and not _ENSURE.search(clause)):
            continue  # "Our APIs are documented on our developer portal": the company's, described
        out.append(Candidate(start, at + 10, "documentation", text[start : at + 10]))
    return out


# Models the hire keeps explainable: "make sure models are fair, explainable and compliant", "making sure our
# models are reliable, explainable and fair" (read sets: gold in 3 of 3)
_MODELS_ARE_BEFORE = re.compile(
    r"\bmodels?[ \t]+(?:are|is|stay|remain|be)[ \t]+(?:[\w-]+[ \t]*,[ \t]*){0,4}(?:[\w-]+[ \t]*,?[ \t]*and[ \t]+)?$"
)


def _explainable_models(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for word in ("explainable", "interpretable"):
        for at in scan(word):
            if (
                _left_boundary(low, at)
                and _MODELS_ARE_BEFORE.search(low, max(0, at - 80), at) is not None
                and _ENSURE.search(_clause_before(text, at)) is not None
            ):
                out.append(Candidate(at, at + len(word), "explainable_ai", text[at : at + len(word)]))
    return out


# Participles listed with version control describe the hire's code: "research code: version-controlled in Git,
# tested, and reviewed", "version controlled in Git, peer reviewed, tested, and documented", "keep our training
# code tested and under version control" (gold in 3 of 3 read postings each).
_VC_PARTICIPLE = re.compile(r"(tested|reviewed|documented)(?![\w-])")  # at its start: "unit-tested" is one too
_VC_SKILL = {"tested": "software_testing", "reviewed": "code_review", "documented": "documentation"}
_CLAUSE_END = re.compile(r"[.;\n]")
# ... or with Git ("Keep your code in Git, reviewed and tested"), or beside another of them ("keep them observable,
# tested and documented")
_IN_GIT = re.compile(r"\bgit\b")
_PARTICIPLE_BEFORE = re.compile(r"\b(?:tested|reviewed|documented|versioned)(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")
_PARTICIPLE_AFTER = re.compile(r",?[ \t]+(?:and[ \t]+)?(?:well[- ])?(?:tested|reviewed|documented|versioned)\b")


def _version_controlled_list(text: str, low: str, scan: _Scan) -> list[Candidate]:
    """'tested', 'reviewed', 'documented' in a clause that also says version-controlled."""
    out: list[Candidate] = []
    starts = [at for at in scan("test") if low.startswith("tested", at)]
    starts += [at for at in scan("review") if low.startswith("reviewed", at)]
    starts += [at for at in scan.words("document", "document") if low.startswith("documented", at)]
    for at in starts:
        if not _left_boundary(low, at) and not low.endswith(("unit-", "peer-", "code-"), 0, at):
            continue
        if (match := _VC_PARTICIPLE.match(low, at)) is None:
            continue
        end = _CLAUSE_END.search(low, at, at + 150)
        clause = _clause_before(low, at) + low[at : at + 150 if end is None else end.start()]
        if "version control" not in clause and "version-control" not in clause and not _IN_GIT.search(clause) and not (
            _PARTICIPLE_BEFORE.search(low, max(0, at - 30), at) or _PARTICIPLE_AFTER.match(low, match.end())
        ):
            continue
        out.append(Candidate(at, match.end(1), _VC_SKILL[match.group(1)], text[at : match.end(1)]))
    return out


# Forecasts the hire builds: "Build demand forecasts for hotels", "Build promo uplift forecasts" (gold in 5 of 5
# read postings; the verb rules out "Plover forecasts hospital staffing")
_FORECASTS_VERB = re.compile(
    r"\b(?:build|builds|building|built|develop|develops|developing|produce|produces|producing|own|owns|owning|"
    r"improve|improves|improving|deliver|delivers|delivering|create|creates|creating|generate|generates|"
    r"generating)[ \t]+(?:[\w-]+[ \t]+){0,3}$"
)
# Software the hire writes for production: "5+ years building production software" (gold or implicit in 5 of 6)
_SOFTWARE_VERB = re.compile(
    r"\b(?:writ(?:e|es|ing)|wrote|written|build|builds|building|built|ship|ships|shipping|shipped|develop|develops|"
    r"developing|developed|deliver|delivering)[ \t]+(?:(?:high-quality|reliable|robust|real|solid)[ \t]+)?$"
)
# ... and systems or embedded software: "5+ years writing systems software", "3+ years writing embedded software"
_KIND_OF_SOFTWARE_BEFORE = re.compile(
    r"\b(?:writ(?:e|es|ing)|wrote|written|build(?:s|ing)?|built|develop(?:s|ing|ed)?)[ \t]+"
    r"(?:systems|embedded|backend|back-end|low-level)[ \t]+$"
)
# Prompts the hire works on: "Iterate on prompts and retrieval settings", "Develop prompts and evaluation
# datasets", "Write prompts, tools and guardrails" (gold or implicit in 6 of 6)
_PROMPTS_VERB = re.compile(
    r"\b(?:iterat(?:e|es|ing)[ \t]+on|develop|develops|developing|writ(?:e|es|ing)|design|designs|designing|craft|"
    r"crafts|crafting|fix|fixes|fixing|debug|debugging|tun(?:e|es|ing)|optimi[sz](?:e|es|ing)|improv(?:e|es|ing)|"
    r"refin(?:e|es|ing)|engineer|"
    r"engineering|version(?:s|ing)?|test(?:s|ing)?|evaluat(?:e|es|ing)|maintain(?:s|ing)?|taste[ \t]+in)[ \t]+"
    r"(?:(?:the|our|your|their|system|better|good)[ \t]+){0,2}$"
    # a prompt written with care: "an LLM with a careful prompt"
    r"|\b(?:careful|well[- ]crafted|well[- ]designed|well[- ]written)[ \t]+$"
)
# Prompting a model, as the hire's work: "prompt a frontier model"; and "when to prompt and when to fine-tune"
_PROMPT_A_MODEL = re.compile(
    r"(prompt|prompting)[ \t]+(?:(?:a|an|the|our)[ \t]+)?(?:[\w-]+[ \t]+){0,2}?(?:models?|llms?)\b"
)
_PROMPT_ALONE = re.compile(r"(prompt|prompting)(?=[ \t]*(?:,|and\b|or\b|\.|;|$))")


def _noun_finder(stem: str, word: str, verb: re.Pattern[str], skill: str) -> _Finder:
    """`_phrase_finder` for `word` (found from the scanned `stem`) where a verb of `verb` governs it: `verb`
    matched on the 60 characters before it (ending there), in a clause that is the hire's."""
    return _phrase_finder(
        re.compile("(" + re.escape(word) + r")(?!\w)"), skill, lambda low, scan: scan.words(stem, word),
        before=lambda low, s, w: verb.search(low, max(0, s - 60), s) is not None
        and not _not_the_hire(_clause_before(low, s)),
    )


def _classify_starts(low: str, scan: _Scan) -> list[int]:
    return [at for at in scan("classif") if low.startswith(("classify", "classifies", "classifying"), at)]


# Liking team work, as a requirement: "you enjoy working in a small team", "happy in a tiny team", "love working
# in a team" (5 of 5 read postings label teamwork there)
_TEAM_LIKING = re.compile(
    r"((?:enjoy|enjoys|love|loves|happy|thrive|thrives)[ \t]+(?:working[ \t]+)?(?:in|as[ \t]+part[ \t]+of|within|on)"
    r"[ \t]+(?:a|an|our)[ \t]+(?:[\w-]+[ \t]+){0,2}team)\b"
)


# Explaining plainly, as the hire's ability: "explains trade-offs clearly to non-technical folks", "You explain
# your results in plain language to engineers" (read postings: communication in 6 gold and 1 implicit of 8)
_EXPLAIN_PLAINLY = re.compile(
    r"((?:explain|explains|explaining)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?(?:clearly|simply|"
    r"in[ \t]+plain[ \t]+(?:language|english|words|terms)))\b"
)
# The hire able to explain something to people: "you can explain a result to a clinician in two sentences",
# "comfortable explaining a confidence interval to an actuary", "Can explain to a lawyer why ..." (read sets: 8
# postings newly gold, 2 against); not a duty ("explain decisions to our risk committee")
_CAN_EXPLAIN_TO = re.compile(
    r"(explain|explaining)\b[^.;\n]{0,60}?\bto[ \t]+(?:an?|the|our|your|non-|senior|business|executives?|"
    r"stakeholders?|customers?|clients?|clinicians?|people|leaders?|colleagues)\b"
)
_CAN_BEFORE = re.compile(r"\b(?:can|able[ \t]+to|comfortable|ability[ \t]+to|capable[ \t]+of|at[ \t]+ease)[ \t]+$")


# Ranking as what the hire's models do: "Build and improve the models that rank pros for each job request",
# "Improve the matching model that ranks jobs for each candidate" (read postings: search_ranking in 5 of 5).
# Not "ranks highly / first / among".
_MODELS_THAT_RANK = re.compile(
    r"models?[ \t]+that[ \t]+(rank|ranks)[ \t]+(?!(?:high|higher|highly|first|among|top|well|above|below)\b)[a-z]"
)


def _the_hires_clause(low: str, start: int, word: str) -> bool:
    """`_phrase_finder`'s `before` for a phrase in any slot whose clause is not someone else's."""
    return not _not_the_hire(_clause_before(low, start))


# Models the hire optimises for where or how they infer: "Optimize models for CPU and GPU inference", "optimize them
# for NVIDIA Jetson devices", "optimise them with TensorRT to meet cycle times under 50 ms", "Optimising models for
# NVIDIA Jetson devices" (read postings: mlsys_inference gold or implicit in all 19 that say it, found in 6)
_OPTIMIZE_FOR_INFERENCE = re.compile(
    r"(optimi[sz](?:e|es|ed|ing))[ \t]+(?:them|it|(?:(?:the|our|your)[ \t]+)?(?:[\w-]+[ \t]+)?(?:models?|networks|"
    r"detectors?|classifiers?|llms?))"
    r"(?:[ \t]+[\w-]+){0,3}?[ \t]+(?:for|to[ \t]+meet|on)(?:[ \t]+[\w-]+){0,4}?[ \t]+"
    r"(?:inference|latency|cycle[ \t]+times?|real-time|edge|devices?|cpus?|gpus?|jetson)\b"
)
# (the verb alone is the mention: the tools and devices after it are skills of their own)


# Evaluation said by where it runs: "Improve how we evaluate recommendations offline", "how to evaluate them offline
# and online" (read postings: model_evaluation gold in 3 of 3; with "offline metrics" and "offline experiments",
# aliases, gold or implicit in all 16 read postings that say one)
_EVALUATE_OFFLINE = re.compile(
    r"(evaluat(?:e|es|ed|ing))[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:offline|online)\b"
)
_HOW_WE_BEFORE = re.compile(r"\bhow[ \t]+(?:we|to|you)[ \t]+$")


def _evaluates_offline(low: str, start: int, word: str) -> bool:
    """The hire's clause, or the hire's way of doing it: "Improve how we evaluate ...", "know how to evaluate ..."."""
    return _HOW_WE_BEFORE.search(low, max(0, start - 12), start) is not None or _hire_verb_slot(low, start, word)


# "unsupervised" before a coordinated learning noun: "unsupervised and semi-supervised methods", "unsupervised
# and graph-based approaches" (read postings: 2 of 2 gold)
_UNSUPERVISED_AND = re.compile(
    r"(unsupervised)[ \t]*(?:,|and|or|/|&)[ \t]*(?:[\w-]+[ \t]*(?:,|and|or|/|&)[ \t]*)?[\w-]+[ \t]+"
    r"(?:methods|approaches|techniques|learning|models|algorithms)\b"
)


def _unsupervised_starts(low: str, scan: _Scan) -> list[int]:
    return [at - 2 for at in scan("supervis") if low.endswith("un", 0, at)]


# Models run at the edge, as the hire's work: "Optimize models for the edge: export to ONNX", "run them on the
# edge (NVIDIA Jetson Orin)" (read postings: edge_computing in 4 of 4; "at the edge of its training data" is not)
_FOR_THE_EDGE = re.compile(
    r"(?:models?|them|it|inference|networks?)[ \t]+(?:for|on|at|to)[ \t]+(the[ \t]+edge)\b(?![ \t]+(?:of|case))"
)


def _for_the_edge_starts(low: str, scan: _Scan) -> list[int]:
    # "edge" after "the " (not the "edge" of every "knowledge"); a match starts at a word at most 26 characters
    # before it ("networks" + " to the ")
    starts = []
    for at in scan("edge"):
        if low.endswith("the ", 0, at):
            starts += [i for i in range(max(0, at - 26), at - 4) if i == 0 or not low[i - 1].isalnum()]
    return starts


# Models the hire has deployed, named after them: "3+ years ..., with models deployed on real hardware or in
# production" (the participle after its noun; "deployed models" before it is an adjective)
_MODELS_DEPLOYED = re.compile(r"models?[ \t]+(deployed)[ \t]+(?:on|in|to|into)\b")


_HIRE_HAS = re.compile(r"\b(?:you|your|experience|years?|track[ \t]+record)\b")


def _models_deployed(low: str, start: int, word: str) -> bool:
    return _HIRE_HAS.search(_clause_before(low, start)) is not None and _the_hires_clause(low, start, word)


# Search as a field of the hire's experience, a bare noun beside recommenders: "you've worked on recommender
# systems or search before", "A background in search, recommendations or conversational AI" (read postings: gold
# in 5 of 5); not the company's products ("supports the search, recommendation and pricing models": absent).
_SEARCH_SEP = r"[ \t]*(?:,|/|or|and|&)[ \t]*(?:or[ \t]+|and[ \t]+)?"
_SEARCH_AFTER_RECOMMEND = re.compile(
    r"(?:recommenders?|recommendations?|recommender[ \t]+systems?|recommendation[ \t]+systems?)" + _SEARCH_SEP
    + r"(search)\b(?![ \t-]*(?:engines?|bar|box|teams?|index|indexes|quer|results?|terms?|space|appliance|"
    r"suggestions?|ads?|inventory)\b)"
)
_SEARCH_BEFORE_RECOMMEND = re.compile(r"(search)" + _SEARCH_SEP + r"$")
_HIRE_BACKGROUND = re.compile(
    r"\b(?:background|experience|experienced|worked|working|built|building|shipped|years?|preferably|ideally|"
    r"you've|you[ \t]+have)\b"
)


def _search_beside_recommenders(text: str, low: str, scan: _Scan) -> list[Candidate]:
    out: list[Candidate] = []
    for at in scan("recommend"):
        if not _left_boundary(low, at):
            continue
        match = _SEARCH_AFTER_RECOMMEND.match(low, at)
        if match is not None:
            start, end = match.span(1)
        else:
            match = _SEARCH_BEFORE_RECOMMEND.search(low, max(0, at - 14), at)
            if match is None or not _left_boundary(low, match.start(1)):
                continue
            start, end = match.span(1)
        clause = _clause_before(low, min(start, at))
        if _HIRE_BACKGROUND.search(clause) is None or _not_the_hire(clause):
            continue
        out.append(Candidate(start, end, "search_ranking", text[start:end]))
    return out


# Training jobs the hire runs: "Run distributed training jobs on multi-node GPU clusters", "run training jobs on
# Kubernetes", "Manage training runs on the University's GPU cluster" (read postings: model_training gold in 5 of 5,
# one more implicit); not a stack line ("SageMaker for training jobs": absent in 2 of 2), nor "long-running
# distributed training jobs".
_RUN_BEFORE_TRAINING = re.compile(
    r"\b(run|running|ran|launch|launching|manage|managing)[ \t]+(?:(?:large|distributed|our|the|your)[ \t]+){0,2}$"
)
# (the verb alone is the mention: "distributed training" between it and "jobs" is a skill of its own)
_training_jobs_run = _verb_before_finder(
    "train", ("training jobs", "training job", "training runs", "training run"), _RUN_BEFORE_TRAINING, 40,
    "model_training", "verb",
)


# Training named by where or with what it runs: "training in PyTorch, serving inside our Go match server",
# "training on Ray, batch and online inference on Kubernetes", "models train in Azure ML" (read postings:
# model_training gold in 7 of 8; not "training pipelines on Vertex AI", nor training offered to staff).
_TRAIN_ON_TOOL = re.compile(
    r"(train|trains|training)[ \t]+(?:on|in|with|using)[ \t]+(?:pytorch|jax|tensorflow|keras|"
    r"(?:amazon[ \t]+)?sagemaker|ray|vertex[ \t]+ai|azure[ \t]+ml|azure[ \t]+machine[ \t]+learning|gpus?|tpus?|"
    r"(?:our[ \t]+)?gpu[ \t]+clusters?)\b"
)
_TRAINING_OFFERED = re.compile(
    r"\b(?:offer|offers|provide|provides|budget|courses?|free|paid|internal|formal)\b[^.;\n]*$"
)


def _trained_on_tool(low: str, start: int, word: str) -> bool:
    return _TRAINING_OFFERED.search(low, max(0, start - 40), start) is None and _the_hires_clause(low, start, word)


# The design of an ML system, led or owned by the hire: "Lead the design of our next-generation LLM serving
# engine", "Own the architecture of our inference system", "set the architecture for how we train, evaluate and
# deploy" (read postings: ml_system_design gold in 7 of 12, implicit in the other 5).
_LEAD_THE_DESIGN_BEFORE = re.compile(
    r"\b(lead|leads|leading|own|owns|owning|define|defines|defining|set|sets|setting|drive|drives|driving)"
    r"[ \t]+(?:the[ \t]+)?$"
)
_DESIGN_OF_SYSTEM = re.compile(
    r"(?:design|architecture)[ \t]+(?:of|for)[ \t]+(?:(?:our|the|an?|your|their)[ \t]+)?(?:[\w-]+[ \t]+){0,4}?"
    r"(?:systems?|stacks?|platforms?|engines?|services?|infrastructure|serving|pipelines?|how[ \t]+we)\b"
)
# (the noun is the mention: "Lead" may be leadership's)
_design_led = _verb_before_finder(
    "design", ("design",), _LEAD_THE_DESIGN_BEFORE, 16, "ml_system_design", "noun", after=_DESIGN_OF_SYSTEM,
    slot=_the_hires_clause,
)
_architecture_led = _verb_before_finder(
    "architecture", ("architecture",), _LEAD_THE_DESIGN_BEFORE, 16, "ml_system_design", "noun",
    after=_DESIGN_OF_SYSTEM, slot=_the_hires_clause,
)


# Data the hire manages: "Manage data in our secure research environment", "manage datasets and annotation work"
# (read postings: data_management gold in 2 of 2); not "manage data engineers" or "data teams".
_MANAGE_DATA = re.compile(
    r"(manage|managing)[ \t]+(?:(?:the|our|your|their|large|training|image|labelled|labeled)[ \t]+){0,2}"
    r"(?:data|datasets)\b(?![ \t-]*(?:teams?|engineers?|engineering|scientists?|science|platforms?|products?|"
    r"people|governance|quality|pipelines?|infrastructure|centers?|centres?)\b)"
)


# (words, finder): a finder runs only when one of its _SCAN_WORDS occurs in the text; it finds nothing
# without them (each of its regexes starts at, or needs, one of them).
PHRASES: list[tuple[tuple[str, ...], _Finder]] = [
    (("mod", "llm", "classifier", "network", "recommend"), _model_verbs),
    (("pipeline", "streaming"), _pipelines),
    (("document",), _documentation),
    (("clean", "test", "readable", "maintainable", "mod", "document"), _code_quality),
    (("reproducible",), _phrase_finder(_REPRODUCIBLE, "reproducibility", lambda low, scan: None)),
    (("mod",), _phrase_finder(
        _MODEL_DATA, "data_modeling", _model_data_starts, before=lambda low, s, w: _in_verb_slot(low, s))),
    (("forecast",), _phrase_finder(
        _FORECAST_VERB, "time_series", lambda low, scan: scan("forecast"),
        before=lambda low, s, w: _FORECAST_SUBJECT.search(low, max(0, s - 24), s) is not None)),
    (("ranking",), _phrase_finder(_RANKING, "search_ranking", _ranking_starts)),
    (("infra",), _phrase_finder(_ML_INFRA, "ml_system_design", _ml_infra_starts)),
    (("evaluat",), _phrase_finder(
        _EVALUATE_OFFLINE, "model_evaluation", lambda low, scan: scan("evaluat"), before=_evaluates_offline)),
    (("optimi",), _phrase_finder(
        _OPTIMIZE_FOR_INFERENCE, "mlsys_inference", lambda low, scan: scan("optimi"), before=_hire_verb_slot)),
    (("mentor", "coach"), _phrase_finder(
        _MENTOR_PEOPLE, "leadership", lambda low, scan: scan("mentor") + scan("coach"))),
    (("lead", "led"), _phrase_finder(
        _LEAD_PEOPLE, "leadership", lambda low, scan: scan("lead") + scan("led"), before=_lead_slot)),
    (("production", "industriali", "operationali", "operation", "onto"), _into_production),
    (("clean", "analy"), _data_verbs),
    (("mod", "llm"), _model_nouns),
    (("review",), _phrase_finder(_REVIEW_CODE, "code_review", _review_starts, before=_review_slot)),
    (("monitor",), _monitor_drift),
    (("monitor",), _monitoring_stage),
    (("feature",), _feature_work),
    (("mine", "mining"), _phrase_finder(_MINE_DATA, "data_mining", lambda low, scan: scan("mine") + scan("mining"),
                                        before=_hire_verb_slot)),
    (("feature",), _phrase_finder(_INTO_FEATURES, "feature_engineering",
                                  lambda low, scan: None if "into" in low else [], before=_hire_verb_slot)),
    (("engineer",), _elided_engineering),
    (("lead", "led", "manag", "supervis", "grow"), _leadership),
    (("document",), _document_verbs),
    (("document",), _documented),
    (("publish", "paper", "research"), _research),
    (("classif",), _phrase_finder(_CLASSIFY, "classification", _classify_starts,
                                  before=lambda low, s, w: not _not_the_hire(low[max(0, s - 150) : s]))),
    (("streaming",), _streaming),
    (("reproduc",), _phrase_finder(_REPRODUCE, "reproducibility", lambda low, scan: scan("reproduc"))),
    (("recommend",), _recommenders),
    (("source",), _open_source),
    (("profil", "benchmark"), _phrase_finder(
        _PERF_VERB, "mlperf", lambda low, scan: scan("profil") + scan("benchmark"), before=_hire_verb_slot)),
    (("test",), _testing_practice),
    (("review",), _review_work),
    (("clean",), _data_cleaning),
    (("analy",), _phrase_finder(_ANALYSE_LIST, "data_analysis", lambda low, scan: scan("analy"),
                                before=_hire_verb_slot)),
    (("feature",), _build_features),
    (("predict",), _predict_models),
    (("train",), _training_stage),
    (("anomal",), _anomalies_found),
    (("classifier",), _classifier_built),
    (("augment",), _phrase_finder(_AUGMENT_DATA, "data_augmentation", lambda low, scan: scan("augment"),
                                  before=_hire_verb_slot)),
    (("train",), _phrase_finder(_TRAIN_AGENTS, "model_training", lambda low, scan: scan("train"))),
    (("mod",), _models_monitored),
    (("evaluat",), _how_models_evaluated),
    (("explainable", "interpretable"), _explainable_models),
    (("mod",), _foreign_model_verbs),
    (("test", "review", "document"), _version_controlled_list),
    (("forecast",), _noun_finder("forecast", "forecasts", _FORECASTS_VERB, "time_series")),
    (("production",), _noun_finder("production", "production software", _SOFTWARE_VERB, "software_engineering")),
    (("software",), _noun_finder("software", "software", _KIND_OF_SOFTWARE_BEFORE, "software_engineering")),
    (("prompt",), _noun_finder("prompt", "prompts", _PROMPTS_VERB, "prompt_engineering")),
    (("prompt",), _noun_finder("prompt", "prompt", _PROMPTS_VERB, "prompt_engineering")),
    (("prompt",), _phrase_finder(_PROMPT_A_MODEL, "prompt_engineering", lambda low, scan: scan("prompt"),
                                 before=_hire_verb_slot)),
    (("prompt",), _phrase_finder(_PROMPT_ALONE, "prompt_engineering", lambda low, scan: scan("prompt"),
                                 before=lambda low, s, w: low.endswith(("when to ", "how to "), 0, s))),
    (("explain",), _phrase_finder(_EXPLAIN_PLAINLY, "communication", lambda low, scan: scan("explain"))),
    (("explain",), _phrase_finder(
        _CAN_EXPLAIN_TO, "communication", lambda low, scan: scan("explain"),
        before=lambda low, s, w: _CAN_BEFORE.search(low, max(0, s - 24), s) is not None)),
    (("mod",), _phrase_finder(_MODELS_THAT_RANK, "search_ranking", lambda low, scan: scan.words("mod", "model"),
                              before=_the_hires_clause)),
    (("supervis",), _phrase_finder(_UNSUPERVISED_AND, "unsupervised_learning", _unsupervised_starts)),
    (("edge",), _phrase_finder(_FOR_THE_EDGE, "edge_computing", _for_the_edge_starts)),
    (("mod",), _phrase_finder(_MODELS_DEPLOYED, "model_serving", lambda low, scan: scan.words("mod", "model"),
                              before=_models_deployed)),
    (("recommend",), _search_beside_recommenders),
    (("train",), _training_jobs_run),
    (("design",), _design_led),
    (("architecture",), _architecture_led),
    (("train",), _phrase_finder(_TRAIN_ON_TOOL, "model_training", lambda low, scan: scan("train"),
                                before=_trained_on_tool)),
    (("manag",), _phrase_finder(_MANAGE_DATA, "data_management", lambda low, scan: scan("manag"),
                                before=_hire_verb_slot)),
    (("enjoy", "love", "happy", "thriv"), _phrase_finder(
        _TEAM_LIKING, "teamwork",
        lambda low, scan: scan("enjoy") + scan("love") + scan("happy") + scan("thriv"))),
]


def find_phrases(text: str, low: str | None = None, words: dict[str, list[int]] | None = None) -> list[Candidate]:
    """Concept mentions named by a verb and its object or an inflected form; see the comment above PHRASES.

    `low` is `text` lower-cased with the same offsets (the matcher's), computed when not given. `words`:
    the occurrences of PHRASE_WORDS in `low` when the caller has them (see `_Scan`).
    """
    if low is None or len(low) != len(text):
        low = lower(text)
    found: list[Candidate] = []
    scan = _Scan(low, words)
    for needed, finder in PHRASES:
        for word in needed:
            if word in scan.found:
                found += finder(text, low, scan)
                break
    return found


def _same_skill_inside(merged: list[tuple[Candidate, str]], phrase: Candidate) -> bool:
    """Whether every accepted mention overlapping `phrase` lies inside it and has its skill."""
    over = [(c, sid) for c, sid in merged if c.start < phrase.end and phrase.start < c.end]
    return all(sid == phrase.skill_id and phrase.start <= c.start and c.end <= phrase.end for c, sid in over)


def _both_tunings(cand: Candidate) -> list[tuple[Candidate, str]]:
    """"fine-tune transformer models (BERT-style encoders, some small LLMs)": both kinds, so both skills."""
    skills = ("llm_finetuning", "transfer_learning")
    return [(Candidate(cand.start, cand.end, skill, cand.text), skill) for skill in skills]


def merge_phrases(
    accepted: list[tuple[Candidate, str]], phrases: list[Candidate], index: TextIndex | None = None
) -> list[tuple[Candidate, str]]:
    """Accepted alias mentions plus phrase mentions that overlap none of them (nor each other), by offset."""
    if not phrases:
        return accepted
    taken = sorted((c.start, c.end) for c, _ in accepted)
    starts = [s for s, _ in taken]
    merged = list(accepted)
    for cand in sorted(phrases, key=lambda c: (c.start, -c.end)):
        at = bisect.bisect_left(starts, cand.end)
        if at and taken[at - 1][1] > cand.start:
            if cand.skill_id == "leadership" and _same_skill_inside(merged, cand):
                # "Mentoring junior engineers": the phrase, not its first word, so its object is not a role noun
                merged = [(c, sid) for c, sid in merged if not (cand.start <= c.start and c.end <= cand.end)]
                taken = sorted((c.start, c.end) for c, _ in merged)
                bisect.insort(taken, (cand.start, cand.end))
                starts = [s for s, _ in taken]
                merged.append((cand, cand.skill_id))
                if index is not None:
                    index.phrase_starts.add(cand.start)
                continue
            if cand.skill_id == "llm_finetuning":
                # "fine-tuning or evaluating large language models": the verb's object says what is fine-tuned
                merged = [(cand, cand.skill_id) if c.start == cand.start and sid == "transfer_learning" else (c, sid)
                          for c, sid in merged]
            elif cand.skill_id == BOTH_TUNINGS:
                merged = [(c, sid) for c, sid in merged if not (c.start == cand.start and sid == "transfer_learning")]
                merged += _both_tunings(cand)
            continue
        bisect.insort(taken, (cand.start, cand.end))
        bisect.insort(starts, cand.start)  # still taken's starts, in order (rebuilding it made long pages quadratic)
        if cand.skill_id == BOTH_TUNINGS:
            merged += _both_tunings(cand)
        else:
            merged.append((cand, cand.skill_id))
        if index is not None and cand.skill_id == "leadership":
            index.phrase_starts.add(cand.start)  # its object is people, not a role noun
    merged.sort(key=lambda pair: pair[0].start)
    return merged
