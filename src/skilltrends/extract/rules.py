"""Context rules: decide whether an ambiguous alias names the skill, reading a small window of raw text.

A taxonomy skill may name one rule in its `context` field; that rule must accept each of its mentions.
Three generic rules apply to every mention (`reject_generic`): a skill inside a URL or e-mail address,
a negated skill ("no Java needed", "we are not a Java shop", "Java is not required"), and a skill named
only as another team's stack ("our analytics team uses Tableau"). A rule returns the skill id to tag
(usually the candidate's own; `transformers_disambiguation` may switch concept and library) or None.

"Adjacent" below means: another skill mention sits next to this one, separated only by list punctuation,
version numbers or a conjunction ("Python, R, or Java", "Scala Java Go", "C / C++"). Each rule's
positive and negative sentences are in tests/extract/test_rules.py.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Candidate", "RuleContext", "RULES", "TextIndex", "reject_generic", "sentence_bounds"]


@dataclass(slots=True)
class Candidate:
    """A surface match on the raw text before context rules: text[start:end] == text."""

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

    __slots__ = ("text", "index", "_anchors", "_starts")

    def __init__(self, text: str, anchors: list[Candidate], index: TextIndex | None = None) -> None:
        self.text = text
        self.index = index if index is not None else TextIndex(text)
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


_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·–]|\d+[.)])?[ \t]*$")
_BULLET_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·–]|\d+[.)])[ \t]*$")
_LABEL_AFTER = re.compile(r"[ \t]*(?::|\n|$|(?:and|&)[ \t]+\w+[ \t]*:)")
_ALONE_AFTER = re.compile(r"[ \t]*[.,;]?[ \t]*(?:\n|$)")


def _language_rule(
    *,
    cue_after: str,
    cue_before: str = (
        r"(?:\b(?:in|using|with|of|write|writing|written in|code in|coding in|some|basic|strong|solid|"
        r"working|know|knows|tested|exposure to)\s+)$"
    ),
    reject_after: str | None = None,
    reject_before: str | None = None,
    reject_window: str | None = None,
    reject_after_cased: str | None = None,
) -> Rule:
    """A rule for short or common-word names: accept with a cue or an adjacent skill, unless rejected."""
    after_re, before_re = _rx(r"^\s*(?:" + cue_after + r")"), _rx(cue_before)
    rej_after = _rx(r"^(?:" + reject_after + r")") if reject_after else None
    rej_before = _rx(r"(?:" + reject_before + r")$") if reject_before else None
    rej_window = _rx(reject_window) if reject_window else None
    rej_cased = re.compile(r"^(?:" + reject_after_cased + r")") if reject_after_cased else None

    def rule(ctx: RuleContext, cand: Candidate) -> str | None:
        after, before = ctx.after(cand), ctx.before(cand)
        if rej_after and rej_after.search(after):
            return None
        if rej_cased and rej_cased.search(after):
            return None
        if rej_before and rej_before.search(before):
            return None
        if rej_window and rej_window.search(ctx.text[max(0, cand.start - 80) : cand.end + 80]):
            return None
        if after_re.search(after) or ctx.adjacent(cand) or before_re.search(before):
            return cand.skill_id
        if _ALONE_AFTER.match(after) and _ITEM_START.search(before):  # a list item of its own: "- Go"
            return cand.skill_id
        return None

    return rule


_PEOPLE_BEFORE = (
    r"\b(?:contact|ask|email|e-mail|call|message|ping|meet|reach out to|reach|talk to|speak to|speak with|"
    r"hi|hello|dear|thanks|thank|from|by|cc|mr\.?|ms\.?|mrs\.?|dr\.?)\s+$"
)
_SURNAME_AFTER = r"[ \t]+[A-Z][a-z]+(?:\s|,|\.|$)(?!\s*(?:programming|language))"

_rule("r_language")(
    _language_rule(
        cue_after=r"programming|language|studio|shiny|packages?|libraries|scripts?|code|coding|markdown|\(|"
        r"for\s+(?:analysis|analytics|statistic\w*|modell?ing|data)",
        reject_after=r"\s*&|\s*'s\b|\s*\+\s*[A-Z]|\.\w",
        reject_before=r"&\s*|\b(?:plan|section|appendix|room|grade|class|type|level|vitamin|tier|block|phase)\s+",
    )
)
_rule("c_language")(
    _language_rule(
        cue_after=r"programming|language|code|coding|/\s*C\+\+|and C\+\+|or C\+\+|\+\+",
        reject_after=r"[-‑]?\s*(?:suite|level|levels|section|corp|class|grade|round|series|type)\b|\s*&|\.\w|'s\b|\+\+|#",
        reject_before=r"\b(?:series|class|grade|type|level|vitamin|section|plan|appendix|tier|round|block|"
        r"phase|team|group|room|building|option|category|part|step|item|point|model)\s+|&\s*|-",
    )
)
_rule("go_language")(
    _language_rule(
        cue_after=r"(?:programming|language|lang|developer|engineers?|services|microservices|code|modules?|routines)\b",
        cue_before=r"\b(?:in|using|written in|code in|coding in|writing|some|basic|strong|solid|working|know|"
        r"tested|familiarity with|experience with|knowledge of|exposure to|proficiency in|proficient in)\s+$",
        reject_after=r"[-‑]\s*to\b|\s+(?:to|deep|deeper|beyond|above|ahead|live|further|far|through|after|for|out|"
        r"into|back|on|over|the extra|get|getter|about|along|fast|wrong|well|hand|big|all)\b"
        r"|[-‑](?:live|getter|between)",
        reject_before=r"\b(?:to|will|can|could|would|should|must|let's|lets|we|you|they|i|never|"
        r"always|may|might|on the|and then|then)\s+",
    )
)
_rule("rust_language")(
    _language_rule(
        cue_after=r"(?:programming|language|developer|engineers?|code|crates?|services)\b",
        reject_window=r"\b(?:wheat|crops?|fung\w*|leaf|leaves|plants?|corrosion|corrod\w*|steel|metal|iron|"
        r"paint|pathogen\w*|disease|oxid\w*|belt)\b",
    )
)
_rule("julia_language")(
    _language_rule(
        cue_after=r"(?:programming|language|lang|code|packages?)\b",
        reject_after=r"\s*'s\b|\s*,\s*(?:our|the|who|head|manager|recruiter)",
        reject_after_cased=_SURNAME_AFTER,
        reject_before=_PEOPLE_BEFORE,
    )
)
_rule("ray_framework")(
    _language_rule(
        cue_after=r"(?:serve|tune|train|data|clusters?|core|framework|distributed|for\s+distributed)\b",
        cue_before=r"\b(?:using|on|with|knowledge\s+of|experience\s+with|exposure\s+to|know)\s+$",
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
_rule("list_only")(_language_rule(cue_after=r"(?!)", cue_before=r"(?!)"))
_rule("scala_language")(
    _language_rule(
        cue_after=r"(?:programming|language|developer|development|engineers?|code|services|spark|akka|play)\b",
        reject_before=r"\bla\s+",
    )
)

_AGILE_ADJ = _rx(
    r"^\s+(?:teams?|squads?|environments?|culture|company|companies|organi[sz]ations?|start-?ups?|set-?up|manner|"
    r"fashion|workplace|atmosphere|structure|and\s+(?:communicative|flexible|fast|dynamic))\b"
)


@_rule("agile_practice")
def _agile(ctx: RuleContext, cand: Candidate) -> str | None:
    """'Agile' the practice, not 'an agile team/environment' describing the employer."""
    return None if _AGILE_ADJ.search(ctx.after(cand, 30)) else cand.skill_id


_SKILL_CUE_BEFORE = _rx(
    r"\b(?:strong|excellent|good|great|effective|outstanding|exceptional|solid|proven|demonstrated|clear|superb|"
    r"ability\s+to\s+\w+|skills?\s+in|experience\s+(?:in|with)|track\s+record\s+of|excel\s+at)"
    r"(?:\s+(?:\w+\s+)?(?:and|&|,)\s*\w+)?[\s,]+(?:\w+\s+)?$"
)


@_rule("skill_phrase")
def _skill_phrase(ctx: RuleContext, cand: Candidate) -> str | None:
    """Bare 'communication', 'collaboration', 'leadership': only when asked of the candidate."""
    if re.match(r"\s*(?:skills?|abilities|ability|experience)\b", ctx.after(cand, 20), re.I):
        return cand.skill_id
    if _SKILL_CUE_BEFORE.search(ctx.before(cand, 60)) or ctx.adjacent(cand):
        return cand.skill_id
    before = ctx.before(cand, 12)
    if _BULLET_START.search(before) or (
        _ITEM_START.search(before) and _LABEL_AFTER.match(ctx.after(cand, 30))
    ):
        return cand.skill_id  # a list item or a label: "- Leadership", "Communication and teamwork: ..."
    return None


_LANG_CUE_BEFORE = _rx(
    r"\b(?:fluent|fluency|fluently|proficient|proficiency|command|knowledge|good|excellent|strong|business|written|"
    r"spoken|native|speak|speaking|speaks|level|communicate|mastery|and|or)\b(?:\s+(?:in|of))?[\s,/]+$"
)


@_rule("language_requirement")
def _language_requirement(ctx: RuleContext, cand: Candidate) -> str | None:
    """'English' the language asked for, not 'please apply in English'."""
    if re.search(
        r"\b(?:apply|application|applications|cv|resume|documents?|submit\w*|send|interviews?)\b[^.\n]{0,30}"
        r"\bin\s+$",
        ctx.before(cand, 60),
        re.I,
    ):
        return None
    if _APPLICATION_MATERIALS.search(ctx.text[max(0, cand.start - 150) : cand.end + 80]):
        return None
    if re.search(
        r"\b(?:teaching|taught|courses?|lectures?)\b[^.\n]{0,30}\bin\s+$", ctx.before(cand, 60), re.I
    ):
        return None
    return cand.skill_id


@_rule("model_monitoring_phrase")
def _model_monitoring(ctx: RuleContext, cand: Candidate) -> str | None:
    """'monitoring models' the MLOps practice, not 'transaction monitoring models' (fraud/AML models)."""
    if re.search(r"\b(?:transaction|fraud|aml|payments?|credit|sanctions)\s+$", ctx.before(cand, 30), re.I):
        return None
    return cand.skill_id


@_rule("as_role")
def _as_role(ctx: RuleContext, cand: Candidate) -> str | None:
    """'3 years as a data engineer' names the work; 'Data Engineer' alone is a job title."""
    return cand.skill_id if re.search(r"\bas\s+an?\s+$", ctx.before(cand, 12), re.I) else None


@_rule("git_tool")
def _git_tool(ctx: RuleContext, cand: Candidate) -> str | None:
    """GitHub as version control, not 'a GitHub link/profile' to send with an application."""
    after = ctx.after(cand, 30)
    if re.match(
        r"\s*(?:link|links|profile|profiles|url|account|handle|page|username|portfolio)\b", after, re.I
    ):
        return None
    return cand.skill_id


_SENT_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*(?:[-*•·]\s*)?)$")


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


_COFFEE = _rx(
    r"\b(?:coffee|cup of|cups of|espresso|brew\w*|caffein\w*|mug|barista|island|roast\w*|beans|caf[eé])\b"
)


@_rule("java_language")
def _java(ctx: RuleContext, cand: Candidate) -> str | None:
    window = ctx.text[max(0, cand.start - 40) : cand.end + 40]
    return None if _COFFEE.search(window) else cand.skill_id


_SPARK_NOT = _rx(
    r"^(?:\s+AR\b|\s+(?:curiosity|interest|joy|innovation|ideas?|creativity|conversations?|change|growth|"
    r"discussions?|debate|excitement|imagination|inspiration|passion|new|your|our|the|a|an|some|real|"
    r"meaningful|action|progress|interest)\b|\s*(?:of|in)\s+(?:genius|creativity|curiosity|inspiration))"
)
_SPARK_VERB_BEFORE = _rx(
    r"\b(?:to|will|can|could|would|may|might|helps?|helping|that|who|which|ideas|and\s+to|must|should)\s+$"
)


_SPARK_NOUN_BEFORE = _rx(
    r"\b(?:exposure|introduction|access|migration|migrate|migrating|move|moved|moving|port|ported|porting|"
    r"contribute|contributions?|contributing|jobs?\s+written)\s+to\s+$"
)


@_rule("spark_engine")
def _spark(ctx: RuleContext, cand: Candidate) -> str | None:
    after = ctx.after(cand)
    before = ctx.before(cand)
    if _SPARK_NOT.search(after):
        return None
    if _SPARK_VERB_BEFORE.search(before) and not _SPARK_NOUN_BEFORE.search(before):
        return None
    if cand.text == "spark" and not (
        ctx.adjacent(cand) or re.match(r"\s*(?:jobs?|clusters?|sql|streaming)", after, re.I)
    ):
        return None
    return cand.skill_id


_EXCEL_VERB = _rx(r"^\s+(?:at|in|as|within|on|with|through|when|under|by)\b")


_APPLICATION_MATERIALS = _rx(
    r"\b(?:cover\s+letter|curriculum\s+vitae|transcripts?|application\s+form|attach\w*|apply\s+online|"
    r"your\s+application|application\s+must|publications?\s+written|pdf\s+file|one\s+pdf|your\s+cv|"
    r"including\s+your)\b"
)


_EXCEL_SUBJECT = _rx(r"\b(?:to|will|you|can|we|and|who|ability to|help you)\s+$")


@_rule("excel_tool")
def _excel(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text.lower() != "excel":  # "Microsoft Excel", "VBA": unambiguous
        return cand.skill_id
    if _EXCEL_VERB.search(ctx.after(cand)):
        return None  # the verb: "excel at", "excel in"
    if cand.text == "excel" and (_EXCEL_SUBJECT.search(ctx.before(cand)) or not ctx.adjacent(cand)):
        return None  # "you will excel": lower case is the verb unless it sits in a list of tools
    if _APPLICATION_MATERIALS.search(ctx.text[max(0, cand.start - 150) : cand.end + 80]):
        return None  # "an Excel sheet with your grades" is a file to send, not a skill
    return cand.skill_id


_ANIMAL = _rx(
    r"\b(?:animals?|zoo|bamboo|bears?|red\s+pandas?|giant\s+pandas?|wildlife|cubs?|endangered|cute|habitat|"
    r"photographed|nepal|china)\b"
)


@_rule("pandas_library")
def _pandas(ctx: RuleContext, cand: Candidate) -> str | None:
    window = ctx.text[max(0, cand.start - 60) : cand.end + 60]
    return None if _ANIMAL.search(window) else cand.skill_id


_PHYSICAL_AIRFLOW = _rx(
    r"\b(?:data cent(?:er|re)s?|cooling|hvac|ventilation|fans?|thermal|heat\w*|ducts?|racks?|server rooms?|"
    r"temperature|cfm|vents?|tents?|warmth|breathab\w*)\b"
)


@_rule("airflow_tool")
def _airflow(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text.lower().startswith(("apache", "cloud composer")):
        return cand.skill_id
    if _PHYSICAL_AIRFLOW.search(ctx.text[max(0, cand.start - 60) : cand.end + 60]):
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


_AML_FINANCE = _rx(
    r"money laundering|\bkyc\b|sanctions|compliance|fraud|financial crime|\bcft\b|transaction monitoring"
)


@_rule("aml_abbrev")
def _aml(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text.lower() != "aml":
        return cand.skill_id
    window = ctx.text[max(0, cand.start - 80) : cand.end + 80]
    if _AML_FINANCE.search(window) or not re.search(r"\bazure\b", window, re.I):
        return None
    return cand.skill_id


_RESUME = _rx(
    r"\b(?:cover letter|r[ée]sum[ée]s?|resumes?|send|submit|upload|attach\w*|apply|application|your cv|cvs|"
    r"curriculum vitae|portfolio|linkedin|e-?mail)\b"
)
_CV_CUE = _rx(
    r"^\s*(?:models?|engineers?|research|tasks?|pipelines?|systems?|problems?|algorithms?|/\s*(?:ml|nlp|dl))\b"
)


@_rule("cv_abbrev")
def _cv(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text != "CV":
        return cand.skill_id
    if _RESUME.search(ctx.text[max(0, cand.start - 60) : cand.end + 60]):
        return None
    if (
        _CV_CUE.search(ctx.after(cand))
        or ctx.adjacent(cand)
        or re.search(r"computer vision\s*\($", ctx.before(cand), re.I)
    ):
        return cand.skill_id
    return None


_TERRAFORM = _rx(
    r"\b(?:terraform|hcl|infrastructure[\s-]as[\s-]code|iac|tfstate|tf\s+modules?|state\s+files?)\b"
)
# Where "Terraform" is spelled out beside "TF" (e.g. "MLflow, Terraform and/or TF"), TF names something else:
# TensorFlow. TF means Terraform when it is defined as such or followed by Terraform's own nouns.
_TF_TERRAFORM_AFTER = _rx(r"\s*(?:\(\s*terraform|modules?\b|state\b|plan\b|apply\b|providers?\b|workspaces?\b|cloud\b"
                          r"|files?\b|configs?\b|scripts?\b|code\b|stacks?\b)")
_TF_DEFINED_BEFORE = _rx(r"terraform\s*\(\s*$")
_ML_NEARBY = _rx(r"\b(?:pytorch|keras|jax|deep learning|neural|models?|machine learning|ml)\b")
_TF_CUE_BEFORE = _rx(
    r"\b(?:with|of|know|knows|knowing|in|using|use|on|like|including|proficient|proficiency|fluent|expert|exposure to)\s+$"
)


@_rule("tf_abbrev")
def _tf(ctx: RuleContext, cand: Candidate) -> str | None:
    if cand.text != "TF":
        return cand.skill_id
    after = ctx.after(cand)
    if re.match(r"\s*[-‑]?\s*idf", after, re.I):
        return None
    if _TF_TERRAFORM_AFTER.match(after) or _TF_DEFINED_BEFORE.search(ctx.before(cand, 20)):
        return None  # "TF modules", "TF state", "Terraform (TF)": infrastructure postings say TF for Terraform
    window = ctx.text[max(0, cand.start - 80) : cand.end + 80]
    if _TERRAFORM.search(window) and not re.search(r"terraform", window, re.I) and not _ML_NEARBY.search(window):
        return None  # IaC / HCL talk without Terraform spelled out and without ML frameworks around
    if re.match(
        r"\s*(?:\d|serving|lite|models?|keras|\.keras|/\s*(?:keras|pytorch)|experience|skills|knowledge|"
        r"expertise)",
        after,
        re.I,
    ) or ctx.adjacent(cand):
        return cand.skill_id
    if _TF_CUE_BEFORE.search(ctx.before(cand, 30)):  # "Experience with TF", "bonus if you know TF"
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
        ctx.text[max(0, cand.start - 40) : cand.end + 40],
        re.I,
    ):
        return None
    return cand.skill_id if ctx.adjacent(cand) else None


_HF_LIB = _rx(r"(?:hugging\s*face|\bhf\b|🤗)(?:'s)?\s*$")
_LIB_AFTER = _rx(r"^\s*(?:library|package|pipelines?\(|\.|==|>=)")


@_rule("transformers_disambiguation")
def _transformers(ctx: RuleContext, cand: Candidate) -> str | None:
    """Hugging Face's Transformers library vs the transformer architecture (a concept)."""
    if cand.text.lower().startswith("transformer") and cand.text.lower() in ("transformers", "transformer"):
        if _HF_LIB.search(ctx.before(cand, 20)) or (
            cand.text == "Transformers" and _LIB_AFTER.search(ctx.after(cand, 12))
        ):
            return "hugging_face_transformers"
        if cand.text == "transformers" and re.match(r"\s*(?:==|>=|library)", ctx.after(cand, 12)):
            return "hugging_face_transformers"
    return cand.skill_id


_NOT_SOFTWARE_TESTING = _rx(
    r"\b(?:hiv|covid\w*|virus|viral|hepatitis|clinical|blood|patients?|medical|laboratory|drugs?|hearing|"
    r"penetration|pen|social\s+engineering|SE|attack|diagnostic|samples?|specimens?|soil|emissions?|"
    r"materials?|crash|vehicles?|animal|genetic|dna|psychometric|strength\s+finder|point-of-care|infectious|"
    r"diseases?|clinics?|clinicians?|cybersecurity|security\s+controls?|regulatory)\b"
)


@_rule("testing_practice")
def _testing(ctx: RuleContext, cand: Candidate) -> str | None:
    """Bare 'testing' is software testing unless the window names lab, medical or security testing."""
    return (
        None
        if _NOT_SOFTWARE_TESTING.search(ctx.text[max(0, cand.start - 50) : cand.end + 40])
        else cand.skill_id
    )


_DEGREE_BEFORE = _rx(
    r"(?<!\w)(?:degrees?|bachelor\S*|masters?|master['’]s|ph\.?\s?d\.?|doctorate|b\.?s\.?c?\.?|m\.?s\.?c?\.?|"
    r"b\.?a\.?|m\.?a\.?|diploma|major(?:ed)?)(?!\w)"
    r"(?:\s+or\s+(?:ph\.?\s?d\.?|m\.?s\.?c?\.?|masters?|doctorate)(?!\w))?(?:\s+degree)?\s+(?:in|of)\s+"
    r"(?:(?:a\s+)?[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,3}\s*(?:,\s*(?:or\s+|and\s+)?|/\s*|\s+or\s+|\s+and\s+))*$"
)


_STATS_AS_DATA = _rx(
    r"\b(?:usage|sales|traffic|game|player|match|site|web|page|visitor|download|crime|labou?r|vital|"
    r"population|official|key|summary)\s+$"
)


@_rule("not_degree_field")
def _not_degree_field(ctx: RuleContext, cand: Candidate) -> str | None:
    """'degree in Computer Science, Mathematics or Statistics' names a field of study, not a skill."""
    if cand.text == "Robotics" and re.search(r"\b[A-Z][\w&]*[ \t]+$", ctx.before(cand, 25)):
        return None  # "Northwind Robotics": a company name
    if cand.skill_id == "statistics" and _STATS_AS_DATA.search(ctx.before(cand, 30)):
        return None  # "usage statistics": figures, not the discipline
    # The line, not the sentence: "B.S. in Computer Science, Data Science" holds a full stop.
    window = ctx.text[max(0, cand.start - 90) : cand.start]
    window = window[window.rfind("\n") + 1 :]
    return None if _DEGREE_BEFORE.search(window) else cand.skill_id


_ML_AS_NOUN = re.compile(
    r"(?:$|[ \t]*(?:[.,;:)\n]|$)|[ \t]+(?:in|and|or|for|to|at|with|experience|skills?|knowledge|expertise|"
    r"background|fundamentals|concepts|theory|techniques|methods|algorithms|research|is|are|would|will|"
    r"preferred|a\s+plus|as)\b)",
    re.IGNORECASE,
)


@_rule("machine_learning_term")
def _machine_learning(ctx: RuleContext, cand: Candidate) -> str | None:
    """'machine learning' and bare 'ML' used as a noun ("experience applying ML in production"), not a
    degree field ("PhD in ML") nor a modifier ("ML team", "ML platform", "ML Engineer")."""
    if cand.text == "ML" and not _ML_AS_NOUN.match(ctx.text, cand.end, cand.end + 30):
        return None
    return _not_degree_field(ctx, cand)


# --- rules applied to every mention -------------------------------------------------------------

_DOMAIN = re.compile(r"[a-z0-9-]\.(?:com|org|net|io|ai|dev|edu|gov|co|uk|de|ml|app|cloud)(?:/|$|:)", re.I)
_URL_CHARS = frozenset("@/.:=?#&%~_-")


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


_NEG_BEFORE = _rx(
    r"(?:\bno\s+(?:prior\s+|previous\s+|formal\s+)?(?:(?:experience|knowledge)\s+(?:with|in|of)\s+)?"
    r"|\bnot\s+an?\s+|\bwithout\s+(?:any\s+)?(?:(?:experience|knowledge)\s+(?:with|in|of)\s+)?"
    r"|\b(?:do|does|will|would)(?:n't|n’t|\s+not)\s+need\s+(?:to\s+know\s+)?(?:any\s+)?"
    r"|\bno\s+need\s+(?:for|to\s+know)\s+|\bnon[-\s]?)$"
)
_NEG_AFTER = _rx(
    r"^\s*(?:(?:experience|knowledge|skills)\s+)?(?:(?:is|are)(?:n't|n’t|\s+not)|not)\s+"
    r"(?:required|needed|necessary|mandatory|a\s+(?:must|requirement|prerequisite)|expected)"
)
_NEG_NEEDED = _rx(
    r"^\s*(?:(?:experience|knowledge|skills|code|work)\s+)?(?:is\s+)?(?:needed|required|necessary|here|involved)\b"
    r"|^\s+shop\b"
)
_OTHER_TEAM = _rx(
    r"\b(?:our|the|their|other|another|a separate|a different|partner)\s+((?:[\w&/-]+\s+){1,3})teams?\s+"
    r"(?:(?:already|currently|mainly|mostly|also)\s+)?"
    r"(?:uses|use|runs|run|owns|own|manages|manage|maintains|maintain|relies on|rely on|works with|work with|"
    r"is using|are using|builds on|build on|leverages|leverage|handles|handle|looks after|operates|operate|"
    r"works in|work in|writes|write|codes in|code in|builds in|build in|is built (?:in|on)|lives in|"
    r"live in)\b"
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


_NEG_NEED_BEFORE = _rx(
    r"(?:\b(?:do|does|will|would)(?:n't|n’t|\s+not)\s+need\s+(?:to\s+(?:know|use|learn)\s+)?(?:any\s+)?"
    r"|\bno\s+need\s+(?:for|to\s+know)\s+)$"
)


def _negated(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    before = text[max(s_start, start - 40) : start]
    after = text[end : min(s_end, end + 50)]
    if _NEG_AFTER.search(after) or _NEG_NEED_BEFORE.search(before):
        return True
    if _NEG_BEFORE.search(before):
        # "no Java needed", "not a Java shop", "without Python": the cue must govern this mention.
        return bool(_NEG_NEEDED.search(after)) or before.rstrip().lower().endswith(
            ("without", "not a", "not an")
        )
    return False


def _other_teams_stack(text: str, start: int, s_start: int) -> bool:
    match = _OTHER_TEAM.search(text[max(s_start, start - 120) : start])
    if match is None:
        return False
    modifiers = set(match.group(1).lower().split())
    return not (modifiers & _OWN_TEAM)


_ROLE_NOUNS = frozenset(
    "developer developers engineer engineers architect architects programmer programmers administrator "
    "administrators admin admins specialist specialists consultant consultants scientist scientists analyst "
    "analysts lead leads manager managers researcher researchers expert experts ninja ninjas rockstar "
    "rockstars".split()
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
        or (len(words) > 1 and words[1].rstrip(".,;:!?)") in _ROLE_NOUNS)
    )


_AS_A_ROLE = re.compile(r"\bas\s+(?:an?\s+)?(?:[\w-]+\s+)?$")  # "4 years as a data engineer": the work itself
_REACH = 300
_STOP_BACK = re.compile(r".*(?:[.!?;](?=\s)|•)\s*", re.DOTALL)
_STOP_FWD = re.compile(r"[.!?;](?=\s|$)|•")


class TextIndex:
    """Per-text facts computed once and shared by every mention: sentence bounds, cheap hint flags.

    Sentence-level checks (negation, another team's stack) first test for a cheap substring hint in the
    lower-cased sentence and cache the answer, so most sentences never run the detailed regexes.
    Sentence bounds are found with str.find/rfind in a window (a regex over the whole text cost as much as
    the Aho-Corasick scan itself); the last sentence is reused while mentions stay inside it.
    """

    __slots__ = ("text", "low", "_hints", "_last")

    def __init__(self, text: str, low: str | None = None) -> None:
        self.text = text
        self.low = low if low is not None else text.lower()
        self._hints: dict[int, tuple[bool, bool]] = {}
        self._last = (0, -1)

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
            seg = self.low[s_start:s_end]
            negation = (
                "no " in seg
                or "not" in seg
                or "without" in seg
                or "n't" in seg
                or "n’t" in seg
                or "non" in seg
            )
            found = (negation, "team" in seg)
            self._hints[s_start] = found
        return found

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
            and _names_a_role(low, end)
            and not _AS_A_ROLE.search(low, max(0, start - 20), start)
        ):
            return True
        negation, team = self.hints(s_start, s_end)
        if negation and _negated(text, start, end, s_start, s_end):
            return True
        return team and _other_teams_stack(text, start, s_start)


def reject_generic(text: str, start: int, end: int) -> bool:
    """`TextIndex.rejects` for a single mention (tests and one-off callers)."""
    index = TextIndex(text)
    return index.rejects(start, end, *index.sentence(start, end))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or bullet, or line) around text[start:end]; see `TextIndex.sentence`."""
    return TextIndex(text).sentence(start, end)
