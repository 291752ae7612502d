"""Degree, years of experience and pay asked for in a posting's text: pure functions, no model.

Rules (tested in tests/extract/test_requirements.py, annotated the same way in tests/data/labelled/README.md):

- Degree level is the lowest level the posting *requires*: "BS required, MS or PhD preferred" -> bachelor,
  "MS or PhD" -> master. A level is preferred when its clause carries a cue ("preferred", "a plus",
  "ideally", ...) or sits under a preferred heading ("Nice to have", "Bonus points", ...). A posting that
  names only preferred degrees ("PhD a plus") requires none: min_level is None, as in the sample market's
  ground truth (src/skilltrends/sample/market.py keeps the preferred level apart).
- "PhD students/candidates welcome" (internships) and "our team of PhDs" describe people, not a requirement,
  and are ignored. "MS Office", "MS Teams", "Boston, MA", "BS&C" and "Scrum Master" are not degrees.
- A bare "degree in Computer Science" / "university degree" means bachelor; "graduate/advanced degree" master.
- Years: the floor of the experience asked for. Within one sentence, alternatives joined by "or" or tied to
  degrees ("5+ years with a BS, or 3+ with an MS") are routes and the lowest route wins; across sentences the
  highest floor wins ("5+ years of software, 2+ in ML" -> 5). Sub-requirements ("including 2+ years
  leading") and preferred figures are dropped when a required figure exists. Non-experience years
  ("founded 10 years ago", "4 years in a row", "within 2 years you will") are ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, chain
from typing import NamedTuple

from skilltrends.extract.multilingual import HINTS as FOREIGN_HINTS
from skilltrends.extract.multilingual import foreign_requirements, may_apply
from skilltrends.extract.pay import MARKS as PAY_MARKS
from skilltrends.extract.pay import find_salary, parse_salary
from skilltrends.extract.sections import is_level_cell, is_preferred_heading, table_levels
from skilltrends.models import Degree, Salary

__all__ = ["extract_requirements", "find_degree", "find_years", "find_salary", "parse_salary"]

_LEVELS = ("bachelor", "master", "phd")

_DEGREE_RE = re.compile(
    r"(?<![\w&])(?:"
    r"(?P<phd>ph\.?\s?d\b\.?(?!\.?\s*(?:students?|candidates?|interns?|level\s+interns?|years?|research\s+counts|"
    r"work\s+counts)\b)(?!s\b)"
    r"(?!\s*(?:and|or|/|&)\s*(?:m\.?sc\.?|ms|master'?s)\s+students?\b)|"
    r"doctora(?:te|l)\s*(?:degree)?(?!\s*(?:students?|candidates?))|d\.phil\b)|"
    r"(?P<master>master'?s?\s*(?:degree|of\b|in\b|level)|master's|masters?(?=\s*[/)])|mba\b|"
    # "degree (Master or Diploma) in ..."
    r"masters?(?=\s+or\s+(?:diplom\w*|ph\.?\s?d|doctora\w*|equivalent)\b)|"
    r"(?:m\.s\.(?!\w)|m\.sc\.?(?!\w)|msc\b)(?!\s*students?\b)|m\.eng\b\.?|meng\b|m\.a\.(?!\w)|"
    r"bac\s*\+\s*[5-8]\b|"  # French "Bac+5" is a master's
    r"(?<!\d)(?<!\d\s)ms(?=\s*(?:/|or\b|in\b|degree|,|\(|and\b|\+|plus\b|preferred|with\b|"
    r"required))(?!\s*(?:office|teams|excel|word|"
    r"sql|azure|project|access|dynamics|windows|power|outlook|visio|sharepoint|edge)\b)|"
    r"ma(?=\s*(?:/\s*(?:ms|m\.s|phd)|in\s+(?:math|stat|econ|comp|physics|data|applied)))|"
    r"graduate\s+degree|advanced\s+degree|postgraduate\s+degree)|"
    r"(?P<bachelor>bachelor'?s?\s*(?:degree|of\b|in\b|level)?|b\.s\.(?!\w)|b\.sc\.?(?!\w)|bsc\b|"
    r"b\.?tech\b|b\.eng\b\.?|beng\b|b\.a\.(?!\w)|b\.e\.(?!\w)|"
    # UK classifications name a bachelor's: "a 2:1 or above", "a first-class degree", "upper second"
    r"(?:2[:.]1|first[- ]class|upper[- ]second(?:[- ]class)?)(?=\s*(?:\(hons\)\s*|honours\s+)?(?:degree|or\s+(?:above|"
    r"higher|better)|\())|"
    r"bs(?=\s*(?:/|or\b|in\b|degree|,|\(|and\b|\+|required|preferred|with\b|plus\b))(?!\s*&)|"
    r"ba(?=\s*/\s*(?:bs|b\.s|ms|m\.s))|"
    r"undergraduate\s+degree|(?:4|four)[- ]year\s+degree|honou?rs\s+degree|bac\s*\+\s*[34]\b|hbo\b)|"
    r"(?P<generic>(?:university|college|academic|technical|stem|relevant|quantitative|numerate|engineering)\s+degree|"
    # a degree named by its field: "CS degree or equivalent experience", "a Computer Science degree"
    # (not "Math degree, bootcamp, or neither": no degree asked for)
    r"(?<![\w-])(?:cs|computer\s+science|maths?|mathematics|statistics|physics)\s+degree\b"
    r"(?![^.;\n]{0,40}?\bor\s+(?:neither|none)\b)|"
    r"degree\s+(?:\(or\s+(?!(?:an?\s+)?(?:master|bachelor|ph\.?\s?d|doctor|diplom|m\.?sc|b\.?sc|ms\b|bs\b))"
    r"[^()\n]{0,40}\)\s+|at\s+(?:[a-z]{3}\s+)?level\s+[1-8]\s+(?:or\s+(?:above|higher)\s+)?)?in\b|graduat(?:ed?|ion)\s+(?:from\s+(?:a\s+|the\s+)?(?:university|college)\b|in\b)|(?:(?<=completed\s)|(?<=university\s)|(?<=academic\s))studies\s+in\b|(?:tertiary|third[-\s]level)\s+(?:qualifications?|degree|education)\b)"
    r")",
    re.IGNORECASE,
)
# Field ids follow the taxonomy's "degrees.fields" (src/skilltrends/extract/skills.json on branch extract).
_FIELDS = (
    ("computer_science", r"computer\s+science|\bcs\b|computing\b|informatics|computer\s+engineering|"
     r"software\s+engineering|\bece\b|electrical\s+and\s+computer"),
    ("data_science", r"data\s+science|data\s+analytics"),
    ("mathematics", r"\bmath(?:s|ematics)?\b|applied\s+math"),
    ("statistics", r"\bstatistics\b|\bstats\b|biostatistics"),
    ("electrical_engineering",
     r"electrical(?:\s+(?:and|or)\s+computer|\s*[/&]\s*(?:computer|electronics?))?\s+engineering|"
     r"electronic\s+engineering|\belectronics\b(?!\s+engineering)|"
     # "Electrical or Biomedical Engineering": electrical engineering, and another engineering degree
     r"\belectrical(?=\s*(?:,|/|or\b|and\b)\s*(?:[a-z]+\s+){0,2}engineering\b)|"
     r"\bee\b|\bece\b"),
    ("physics", r"\bphysics\b"),
    ("machine_learning", r"machine\s+learning|\bml\b|artificial\s+intelligence|\bai\b"),
    ("operations_research", r"operations\s+research"),
    ("economics", r"\beconomics\b|econometrics|\becon\b"),
    ("engineering",
     # bare "Engineering", or another engineering discipline with no field id of its own ("Biomedical / Mechanical /
     # Civil Engineering" are engineering degrees; annotators of the later held-out sets label them so, 9 of 13)
     r"(?<!electrical\s)(?<!electronic\s)(?<!electronics\s)(?<!computer\s)(?<!software\s)(?<!and\s)"
     r"\bengineering\b(?!\s+schools?\b)|"  # not "from an engineering school or university in data science"
     # "Mechanical or Electrical Engineering": an engineering degree before the electrical one; Mechatronics
     r"\b(?:mechanical|civil|chemical|biomedical|aerospace|industrial|mechatronics?|materials)\b"
     r"(?=\s*(?:,|/|or\b|and\b)\s*(?:[a-z]+\s+){0,2}engineering\b)|\bmechatronics?\b"),
    ("related_field", r"related\s+(?:technical\s+|quantitative\s+|scientific\s+|engineering\s+)?"
     r"(?:field|discipline|area|subject|major|branch|course)(?:e?s)?|correlated\s+(?:fields?|areas?|disciplines?)|"
     r"(?:quantitative|numerate)\s+(?:field|discipline|subject|major)s?|"
     r"(?:technical|stem|scientific|similar|relevant|comparable|equivalent|adjacent)\s+"
     r"(?:field|discipline|major|subject)s?|"
     r"\bstem\b|similar\s+quantitative|"
     # "or a comparable course of study"
     r"\bor\s+(?:something\s+|an?\s+)?(?:similar|related|comparable)\b(?!\s+(?:experience|work|role|qualifications?|level))"),
)
# Where a match of each field's pattern can start: every alternative starts with one of these (lower-cased),
# after its zero-width assertions. On a lower-cased sentence the pattern is tried only there (speed only:
# most alternatives start with \b, so sre would try the whole pattern at every position of the window).
_FIELD_STARTS = {
    "computer_science": ("comput", "cs", "informatics", "software", "ece", "electrical"),
    "data_science": ("data",),
    "mathematics": ("math", "applied"),
    "statistics": ("stat", "biostat"),
    "electrical_engineering": ("electr", "ee", "ece"),
    "physics": ("physics",),
    "machine_learning": ("machine", "ml", "artificial", "ai"),
    "operations_research": ("operations",),
    "economics": ("econ",),
    "engineering": (
        "engineering", "mechanical", "civil", "chemical", "biomedical", "aerospace", "industrial", "mechatronic",
        "materials",
    ),
    "related_field": (
        "related", "quantitative", "numerate", "technical", "stem", "scientific", "similar", "relevant", "comparable",
        "equivalent", "adjacent", "or", "correlated",
    ),
}
# ... and a thesis's topic, which is not the degree's field: "M.Sc. in CS or Physics (thesis in computer vision)"
_FIELD_STOP = re.compile(
    # (not "a 4 year degree in Computer Science": the degree's own words)
    r";|\b(?:\d+\+?\s*(?:years?|yrs?)(?![\s-]+degree)|experience\s+(?:with|in|building)|with\s+\d)"
    r"|\(\s*(?:with\s+an?\s+)?(?:thesis|dissertation)\b", re.IGNORECASE
)
_FIELD_RES = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _FIELDS)
# Each alternative with words it holds (lower-cased), so that on a lower-cased text it runs only where they
# all occur, as a pattern of its own that starts with a literal, which sre skips to quickly.
_EQUIVALENT_PARTS = (
    # ... "or the equivalent in experience", "or the equivalent in shipped research"
    (("equivalent",), r"equivalent\s+(?:practical\s+|work\s+|professional\s+|industry\s+|relevant\s+|hands-on\s+|"
                      r"research\s+)?experience|equivalent\s+combination|"
                      r"equivalent\s+in\s+(?:[\w-]+\s+)?(?:experience|research|work|projects)"),
    (("lieu",), r"in\s+lieu\s+of\s+(?:a\s+)?degree"),
    # "A degree is not required", "A degree is not mandatory"
    (("degree",), r"degree\s+(?:is\s+)?not\s+(?:required|mandatory|necessary|essential)\b"),
    # "An MS or PhD ... is typical, but not required if you can show the work"
    (("required",), r"(?<=not\s)required\s+if\s+you\s+(?:can\s+)?(?:show|demonstrate|prove)\b"),
    (("degree",), r"no\s+degree\s+(?:is\s+)?(?:required|needed|requirements?)\b"),
    (("degree",), r"(?:don't|do\s+not)\s+(?:need|require|care\s+about|ask\s+for)\s+(?:a\s+)?degrees?"),
    (("degree",), r"degrees?\s+(?:doesn't|does\s+not|don't|do\s+not)\s+matter"),
    (("self-taught",), r"self-taught"),
    (("degree",), r"no\s+degree\W{0,3}\s*no\s+problem"),
    (("substitute",), r"substitute[ds]?\s+for\s+(?:the\s+|a\s+)?(?:required\s+|formal\s+)?(?:education|degree)"),
    # "A degree? Nice if you have one", "Degree? Not required"
    (("degree",), r"degree\?\s*(?:nice|not\s+(?:required|needed|necessary)|optional|a\s+plus|helpful|great)\b"),
    # "A degree in computer engineering is welcome but not necessary" (any degree, not "a Master's ... preferred
    # but not required", which makes only the higher degree optional)
    (("degree",), r"(?:(?<=\ba\s)|(?<=\bany\s)|(?<=\buniversity\s)|(?<=\bcollege\s)|(?<=\bformal\s))degree\b"
                  r"[^.;\n]{0,90}?\bbut\s+not\s+(?:required|necessary|needed|mandatory|a\s+requirement|essential)\b"),
    # "CS degree, bootcamp, or neither"
    (("degree",), r"degree[^.;\n]{0,40}?\bor\s+(?:neither|none(?:\s+at\s+all)?)\b"),
)
_EQUIVALENT_WORDS = {word for words, _ in _EQUIVALENT_PARTS for word in words}
# Where each part's matches start, by one of its words: (word, "") at the word; (word, lead) at `lead`, which
# the word follows after whitespace; ("degree", "do"): see _dont_need_start.
_EQUIVALENT_ANCHORS = (
    ("equivalent", ""), ("lieu", "in"), ("degree", ""), ("required", ""), ("degree", "no"), ("degree", "do"),
    ("degree", ""), ("self-taught", ""), ("degree", "no"), ("substitute", ""), ("degree", ""), ("degree", ""),
    ("degree", ""),
)
_EQUIVALENT_KIND = "requirements equivalent "  # + the word: its mark kind (see MARKS)
_EQUIVALENT_RE = re.compile("|".join(pattern for _, pattern in _EQUIVALENT_PARTS), re.IGNORECASE)
# Only next to a degree: "TensorFlow or equivalent" says nothing about education.
_OR_EQUIVALENT_RE = re.compile(
    r"\bor\s+(?:an?\s+)?equivalent\b(?!\s+(?:degrees?|qualifications?|diplomas?|education|university|"
    r"academic|foreign|international|level|master|bachelor|ph\.?\s?d|fields?|disciplines?|subjects?|majors?|areas?))|\bor\s+(?:comparable|similar|relevant)\s+(?:work\s+|"
    r"industry\s+)?experience",
    re.IGNORECASE,
)
_PREFERRED_CUE = re.compile(
    r"\b(?:preferred|preferably|prefer|ideally|is\s+a\s+plus|are\s+a\s+plus|a\s+(?:big\s+|huge\s+|"
    r"strong\s+)?plus|"
    r"nice[- ]to[- ]have|bonus|desirable|desired|advantageous|an\s+(?:added\s+)?advantage|welcome|helpful|optional|"
    r"not\s+required|would\s+be\s+(?:great|nice|good)|great\s+to\s+have|extra\s+credit|"
    # "A master's degree in Data Science or AI will be valued"
    r"(?:will|would)\s+be\s+(?:highly\s+)?(?:valued|appreciated)|(?:is|are)\s+(?:highly\s+)?valued)\b",
    re.IGNORECASE,
)
_HEADING_RE = re.compile(r"(?:#+\s*)?([A-Za-z][^.!?\n]{1,60}?)(:?)")
_HEADING_START = re.compile(
    r"(?:preferred|minimum|basic|required|requirements|qualifications?|nice|bonus|what\s+(?:you|we|"
    r"would|will)|"
    r"who\s+(?:you|we)|about|responsibilities|benefits|perks|your|the\s+role|you\s+(?:have|are|"
    r"will|bring|might)|"
    r"we\s+(?:offer|are|look)|our|why|how|compensation|salary|pay|location|tech|stack|skills|key|must|extra|mandatory|primary|"
    r"ideal|even|plus|desired|desirable|additional|in\s+this|a\s+day|day|great|experience$|education(?:al)?|"
    r"it\s+would|would\s+be|brownie|things|requisitos|the\s+team|team|job|position|role|logistics|"
    r"interview|hiring|where|when|mission|strong\s+candidates|candidate|advantages?|advantageous|"
    r"other\s+(?:details|information|info))\b",
    re.IGNORECASE,
)
_INLINE_HEADING_RE = re.compile(r"(?:[-*•]\s*)?([A-Z][A-Za-z' ]{2,40}):\s")
_PREFERRED_HEADING = re.compile(
    r"prefer|nice|bonus|plus|desir(?!ed\s+candidate\s+profile)|ideal|would\s+be|extra|stand\s+out|not\s+required|"
    r"great\s+if|optional|brownie|even\s+better|also\s+great|good\s+to\s+have|(?:may|might|could)\s+also\s+have|"
    r"^advantages?$|advantageous",
    re.IGNORECASE,
)
_SECTION_HEADING = re.compile(
    r"require|qualif|bring|about\s+you|you\s+have|who\s+you|must|minimum|basic|skills|looking\s+for|"
    r"experience|need|responsib|what\s+you|about\s+(?:us|the)|benefits|perks|offer|role|team|pay|"
    r"compensation|salary|why|how|location|process|equal|the\s+job|mission|day|impact|stack|tech",
    re.IGNORECASE,
)
# "or" opens another route only before a figure or a degree ("5+ years, or 3+ with a PhD"); "5+ years of
# Python, 2+ years of SageMaker, Terraform or CDK" asks for both, and its floor is the larger figure.
_ROUTE_WORDS = re.compile(
    r"\bor\b(?=\s*\(?\s*(?:(?:an?|at\s+least|with|about|around|approximately|over|more\s+than|minimum(?:\s+of)?|"
    r"min\.?|equivalently|else|instead)\s+){0,2}(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|"
    r"eight\b|nine\b|ten\b|a\s+decade|half\s+a|ph\.?\s?d|doctora|master|ms\b|m\.s|msc|m\.sc|bachelor|bs\b|"
    r"b\.s|bsc|b\.sc|graduate|advanced|postgraduate|undergraduate))|\balternatively\b|\b(?:junior|mid|senior|staff|principal|lead|l\d)\b\s*(?:level\s*)?[:(]",
    re.IGNORECASE,
)
# A degree the posting says it does not need: "A PhD is not required", "You don't need a PhD".
_NEGATED_DEGREE = re.compile(
    r"\bnot\s+(?:required|necessary|needed|mandatory|a\s+requirement)|\b(?:don't|do\s+not|doesn't|does\s+not|"
    r"won't)\s+(?:need|require)|\bno\s+need\s+for|\bwithout\s+an?\b|"
    # "No PhD needed", "no graduate degree required"
    r"\bno\s+(?:[\w.'’/-]+\s+){1,3}(?:needed|required|necessary)\b|"
    # a degree that counts towards something else: "(a PhD counts as experience)"
    r"\bcounts?\s+(?:as|towards?)\b|"
    # the team's degrees, not the hire's: "Most of our quants have a PhD in physics", "Most of the team studied
    # computer science"
    r"\bmost\s+of\s+(?:our|the|us)\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])|\n+|(?<!\s)\s+[•·]\s+")
_CLAUSE_SPLIT = re.compile(r"[,;()]|\s[-–—]\s|\b(?:but|while|though|although|whereas)\b", re.IGNORECASE)

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "a couple of": 2, "a couple": 2, "a few": 3, "a decade": 10, "half a decade": 5, "a year": 1, "a": 1,
}
_QTY = (
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|twenty)(?:\s*\(\d+\))?"
)
_YEARS_RE = re.compile(
    r"(?<![\w$£€.])(?:(?P<lead>at\s+least|minimum\s+(?:of\s+)?|min\.?\s+|a\s+minimum\s+of|more\s+than|over|"
    r"upwards\s+of|no\s+less\s+than|up\s+to|around|approximately|~)\s*)?"
    r"(?:(?P<lo>" + _QTY + r")\s*(?:(?P<lo_plus>\+)\s*)?(?:-|–|—|to|or)\s*(?P<hi>" + _QTY + r")"
    r"|(?P<one>" + _QTY + r"))"
    r"\s*(?:(?P<plus>\+)\s*)?(?P<ormore0>or\s+more\s+)?(?:or\s+so\s+|-?ish\s+)?(?P<unit>years?|yrs?|months?)\b\.?(?:['’]s?)?(?P<plus2>\s*\+)?"
    r"(?P<ormore>\s+or\s+more|\s+minimum|\s+plus)?"
    r"|(?P<decade>(?:half\s+)?a\s+decade|a\s+couple\s+(?:of\s+)?years|at\s+least\s+a\s+year\b)",
    re.IGNORECASE,
)
_EXPERIENCE_AFTER = re.compile(
    r"\A[^.;\n]{0,90}?\b(?:experience[ds]?|exp\b|background|track\s+record|industry|professional|working|"
    r"work(?:ing)?\s+(?:as|in|on|with)|building|developing|designing|deploying|shipping|writing|leading|"
    r"doing|applying|hands[- ]on|in\s+(?:a|an|the)?\s*(?:ml|machine|data|software|research|production|"
    r"engineering|industry|mlops|deep|applied|backend|a\s+similar|similar)|as\s+an?|of\s+(?:ml|machine|"
    r"python|software|data|deep|applied|production|coding|programming|engineering|relevant|post)|"
    r"with\s+(?:python|pytorch|tensorflow|spark|ml|production))",
    re.IGNORECASE,
)
_EXPERIENCE_BEFORE = re.compile(r"experience\s*(?:of|:|-|–|—|\()?\s*$|"
                                r"experience\s+(?:level|required)\s*:?\s*$|"
                                # a degree route's years: "a Master's degree and 3 years; or a PhD and 1 year"
                                r"(?:degree|ph\.?\s?d|doctorate|master'?s|ms|m\.s\.|msc|m\.sc\.?|bachelor'?s|bs|"
                                r"b\.s\.|bsc|b\.sc\.?)\s*(?:and|with|plus|\+)\s+(?:at\s+least\s+)?$",
                                re.IGNORECASE)
_NOT_EXPERIENCE_BEFORE = re.compile(
    r"\b(?:founded|founding|ago|been\s+(?:around|operating|profitable|growing|building|"
    r"doing\s+this|in\s+business)|"
    r"established|in\s+business|history|since|vest(?:ing|s)?|runway|anniversary|within|every|after|"
    r"(?:for|over|in)\s+the\s+(?:past|last|next|first)|in\s+(?:just|only)|warranty|aged|"
    r"contract\s+(?:of|for)|tenure|in\s+operation\s+for|fixed[- ]term|appointment\s+(?:of|for)|"
    # how long a contract runs: "We need help for 3–6 months", "an engagement of 6 months", "Duration: 9 months"
    r"help\s+for|(?:engagement|assignment|project)\s+(?:of|for|lasting)|duration|"
    # things made over the years, not people's experience: "models were built in SAS over fifteen years"
    r"(?:were|was|been|is|are)\s+(?:built|developed|written|created|collected|refined|maintained|accumulated|"
    r"grown|trained|curated|gathered)|"
    r"profitable|old)\b",
    re.IGNORECASE,
)
_NOT_EXPERIENCE_AFTER = re.compile(
    r"\A[^.;\n]{0,30}?\b(?:ago|old|in\s+a\s+row|running|straight|of\s+data\b(?!\s+(?:engineering|"
    r"science|analy|platform|infra|pipeline))|of\s+(?:growth|history|runway|funding|"
    r"operation|existence|profitab\w+)|vesting|cliff|warranty|you\s+will|from\s+now|later|in\s+business|"
    r"anniversary|of\s+age|of\s+schooling|(?<!after\sa\s)(?<!after\syour\s)(?<!after\sthe\s)degree|program|course)\b"
    # company history: "For over 20 years, our people have delivered ...", "about six years into rebuilding"
    r"|\A\s*,\s*(?:our|we|the\s+company)\b|\A\s+into\b",
    re.IGNORECASE,
)
# "or 3+ years with a Master's degree": the years of a degree route (not "a 4 year degree")
_WITH_DEGREE_AFTER = re.compile(
    r"\s*(?:of\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:experience\s+)?(?:with|and|plus|\+|if\s+you\s+(?:hold|have)|for\s+(?:those|"
    r"candidates|people)\s+with)\s+(?:an?\s+)?(?:relevant\s+)?"
    r"(?:master|ms\b|m\.s|msc|m\.sc|ph\.?\s?d|doctora|bachelor|bs\b|b\.s|bsc|b\.sc|graduate|advanced)",
    re.IGNORECASE,
)
_SUB_REQUIREMENT = re.compile(r"\b(?:including|incl\.?|of\s+which|with\s+at\s+least|within\s+which|"
                              r"out\s+of\s+which|thereof(?:\s+at\s+least)?|"
                              # "6+ years of IT experience with 3+ years in ML"
                              r"\d\+?\s*(?:years?|yrs?)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}experience\s+with)\s*$",
                              re.IGNORECASE)

# The next figures of a sub-requirement list, joined by "and" or commas: "including 2+ years managing engineers
# and 3+ years building ML infrastructure" (searched as written or lower-cased: it has no upper-case letters).
_SUB_REQUIREMENT_AND = re.compile(
    r"\b(?:including|incl\.?|of\s+which|with\s+at\s+least)\s+(?:at\s+least\s+)?\d[^.;:()]{0,90}\b(?:years?|yrs?)\b"
    r"[^.;:()]{0,60}(?:,|\band)\s*(?:at\s+least\s+)?$",
    re.IGNORECASE,
)


def _in_sub_requirement_list(sentence: str, start: int) -> bool:
    """Whether the figure at `start` continues a sub-requirement list (_SUB_REQUIREMENT_AND)."""
    window = sentence[max(0, start - 120) : start]
    low = window.lower()
    return ("incl" in low or "which" in low or "at least" in low) and _SUB_REQUIREMENT_AND.search(window) is not None

_EXPERIENCE_WORD = re.compile("experience", re.IGNORECASE)
# Where _HEADING_RE can match a stripped line: an ASCII letter then at most 61 characters, unless "#"s lead.
_HEADING_MAX = 62
# _SENTENCE_SPLIT's first alternative, the only one that can cut a line without "•" or "·" (a line holds no
# "\n"): a whole run of spaces (group 1) after ".", "!" or "?", before a capital, bracket or quote. Led by
# the punctuation rather than a look-behind, so that sre skips to it: ~10 ns a character instead of ~70.
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-Z(\"'])")


# Cheap necessary conditions, tested on the lower-cased text before the detailed patterns: speed only, the
# results are the same. Python's sre scans an alternation with IGNORECASE at ~100 ns a character, a
# case-sensitive one whose alternatives all start with a letter at ~5-10 ns, `in` and str.find at ~1 ns.
# Every _DEGREE_RE alternative holds one of the words (degree, doctora, d.phil, master, mba, msc, meng, bsc,
# btech, beng, bachelor) or starts with one of the short forms (ph.d, ms, m.s., ma/, bs, ba/, ...: after its
# look-behind, not after a word character or "&") followed by its tail. The words and forms are grouped by
# first letter, so sre tries few alternatives where one of those letters occurs; each short form checks the
# look-behind right after its first letter, `m(?<![\w&]m)`, so that every alternative starts with a letter.
def _degree_hint(space: str, *, years: bool = False) -> str:
    decade, month, year = ("|ecade", "|onth", "|y(?:ear|r)") if years else ("", "", "")
    return (
        rf"d(?:egree|octora|\.phil{decade})|"
        rf"m(?:aster|ba|sc|eng{month}|(?<![\w&]m)(?:\.(?:s\.|sc|eng|a\.)|s|a{space}*(?:/|in{space})))|"
        rf"b(?:sc|tech|eng|achelor|(?<![\w&]b)(?:\.(?:s\.|sc|tech|eng|a\.|e\.)|s|a{space}*/))|"
        rf"p(?<![\w&]p)h\.?{space}?d{year}|"
        rf"2[:.]1|first[- ]class|upper[- ]second|bac|hbo|studies|tertiary|third[- ]level|graduat"
    )


_DEGREE_HINT = re.compile(_degree_hint(r"\s"))
# The same with the years words (_YEARS_WORDS), over a whole text at once, for the lines that may name
# either: its spaces are those that do not end a line (str.splitlines), so no match holds a line end, and
# a match starts in a line exactly when the line alone would match.
_LINE_ENDS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_HINT = re.compile(_degree_hint(r"[^\S\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]", years=True))
# Every _YEARS_RE match holds one of these.
_YEARS_WORDS = ("year", "yr", "month", "decade")
# Words one of which starts wherever _DEGREE_HINT matches, as the matcher's Hyperscan pass marks them (spaces
# and stops stand for any non-word character, a leading one for a word start; a mark is reported where the
# word's letters start). They also start every _DEGREE_RE match but those of its "<word>\s+degree"
# alternatives (_DEGREE_LEADS), which hold "degree": `_degree_hits` adds those starts.
DEGREE_MARKS = (
    "degree", "doctora", "d.phil", "master", "mba", "msc", "meng", "bsc", "btech", "beng", "bachelor", " m.s.",
    " m.sc", " m.eng", " m.a.", " ms", " ma ", " main ", " b.s.", " b.sc", " b.tech", " b.eng", " b.a.", " bs",
    " ba ", " phd", " ph.d", " ph. d", " b.e.", "2:1", "2.1", "first-class", "first class", "upper second",
    "upper-second", " bac ", " hbo", " studies ", " tertiary", " third-level", " third level", " graduat",
)
# _DEGREE_RE's alternatives that start with a word other than DEGREE_MARKS: each is the word, whitespace,
# then "degree".
_DEGREE_LEADS = (
    "graduate", "advanced", "postgraduate", "undergraduate", "4-year", "4 year", "four-year", "four year",
    "university", "college", "academic", "technical", "stem", "relevant", "quantitative", "numerate", "engineering",
    "honours", "honors",
)
# IGNORECASE matches "ı" for "i" and "ſ" for "s", which lower() keeps; "İ" lower-cases to two characters.
# For every other character c (checked over all of Unicode), len(c.lower()) == 1, c.lower() is a word
# character, digit or space exactly when c is, and an IGNORECASE pattern of lower-case ASCII (and of the
# non-ASCII marks used here) matches c exactly when the same pattern without IGNORECASE matches c.lower().
# So without those three, a pattern finds the same spans in text.lower() without IGNORECASE as in the text
# with it — and sre runs twice to five times faster on it, since a case-sensitive alternation of
# literals lets it skip to the characters that can start a match.
_UNFOLDED = ("ı", "ſ", "İ")


def _hints_apply(text: str) -> bool:
    """True when a substring test on text.lower() decides what an IGNORECASE pattern could match, and
    the patterns may run case-sensitively on text.lower() (see _UNFOLDED)."""
    return not any(ch in text for ch in _UNFOLDED)


def _may_name_degree(low: str) -> bool:
    return _DEGREE_HINT.search(low) is not None


def _may_name_years(low: str) -> bool:
    return any(word in low for word in _YEARS_WORDS)


def _accepts_equivalent(low: str, marks: Marks | None = None) -> bool:
    """`_EQUIVALENT_RE.search(text)` for `low = text.lower()` where `_hints_apply(text)`; `marks`: see MARKS."""
    if marks is None:
        present = {word for word in _EQUIVALENT_WORDS if word in low}
        return any(present.issuperset(words) and part.search(low) for words, part in _EQUIVALENT_LOWERED)
    # A kind is there when one of its marks is: a superset of the words in `low`. Its marks are at every
    # place its word occurs, so a part anchored to its word is tried only there (see _EQUIVALENT_ANCHORS).
    present = {word for word in _EQUIVALENT_WORDS if _EQUIVALENT_KIND + word in marks}
    if not present:
        return False
    for (words, part), (word, lead) in zip(_EQUIVALENT_LOWERED, _EQUIVALENT_ANCHORS, strict=True):
        if not present.issuperset(words):
            continue
        for at in marks[_EQUIVALENT_KIND + word]:
            if lead == "do":
                at = _dont_need_start(low, at)
                if at < 0:
                    continue
            elif lead:  # the match starts at `lead`, whitespace between it and the word
                end = at
                while end and low[end - 1].isspace():  # what \s matches (both use Py_UNICODE_ISSPACE)
                    end -= 1
                if end == at or not low.endswith(lead, 0, end):
                    continue
                at = end - len(lead)
            if part.match(low, at):
                return True
    return False


def _dont_need_start(low: str, at: int) -> int:
    """Where a match of the part
    "(?:don't|do\\s+not)\\s+(?:need|require|care\\s+about|ask\\s+for)\\s+(?:a\\s+)?degrees?"
    ending with the "degree" at `at` can start, read back from it, or -1: each step has one reading, as
    "need", "require", "about" and "for" do not end in "a" (so an "a" before the whitespace is the article) and
    "don't" does not end in "not"."""

    def back(end: int, word: str) -> int:
        # the start of `word`, which whitespace separates from `end`, or -1
        start = end
        while start and low[start - 1].isspace():  # what \s matches (Py_UNICODE_ISSPACE)
            start -= 1
        return start - len(word) if start < end and low.endswith(word, 0, start) else -1

    end = at
    article = back(end, "a")
    if article >= 0:
        end = article
    for need in ("need", "require", "about", "for"):
        start = back(end, need)
        if start >= 0:
            break
    else:
        return -1
    if need == "about":
        start = back(start, "care")
    elif need == "for":
        start = back(start, "ask")
    if start < 0:
        return -1
    dont = back(start, "don't")
    if dont >= 0:
        return dont
    start = back(start, "not")
    return back(start, "do") if start >= 0 else -1


class _Patterns(NamedTuple):
    """The detailed patterns, compiled for one kind of input (see _AS_WRITTEN and _LOWERED)."""

    degree: re.Pattern[str]
    fields: tuple[tuple[str, re.Pattern[str]], ...]
    field_stop: re.Pattern[str]
    or_equivalent: re.Pattern[str]
    preferred_cue: re.Pattern[str]
    route_words: re.Pattern[str]
    negated_degree: re.Pattern[str]
    clause_split: re.Pattern[str]
    years: re.Pattern[str]
    experience_after: re.Pattern[str]
    experience_before: re.Pattern[str]
    not_experience_before: re.Pattern[str]
    not_experience_after: re.Pattern[str]
    sub_requirement: re.Pattern[str]
    experience: re.Pattern[str]


def _case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` without IGNORECASE, for lower-cased text: its letters must all be lower-case."""
    assert not re.search(r"(?<![\\?])[A-Z]", pattern.pattern), pattern.pattern
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


# Sentences as written, any text.
_AS_WRITTEN = _Patterns(
    _DEGREE_RE, _FIELD_RES, _FIELD_STOP, _OR_EQUIVALENT_RE, _PREFERRED_CUE, _ROUTE_WORDS,
    _NEGATED_DEGREE, _CLAUSE_SPLIT, _YEARS_RE, _EXPERIENCE_AFTER, _EXPERIENCE_BEFORE, _NOT_EXPERIENCE_BEFORE,
    _NOT_EXPERIENCE_AFTER, _SUB_REQUIREMENT, _EXPERIENCE_WORD,
)
# Lower-cased sentences of a text where _hints_apply: the same spans, found faster.
_LOWERED = _AS_WRITTEN._replace(
    fields=tuple((name, _case_sensitive(p)) for name, p in _AS_WRITTEN.fields),
    **{key: _case_sensitive(value) for key, value in _AS_WRITTEN._asdict().items() if key != "fields"},
)

# Where only whether they match counts, cheaper forms for lower-cased text (speed only):
# - _OR_EQUIVALENT_RE led by its literal "or" (sre skips to it), \b checked right after: "or(?<!\wor)" holds
#   exactly where \b before "or" does; both alternatives' common "\s+" is shared. A match exists in the same
#   places.
_OR_EQUIVALENT_LOWERED = re.compile(
    r"or(?<!\wor)\s+(?:(?:an?\s+)?equivalent\b(?!\s+(?:degrees?|qualifications?|diplomas?|education|university|"
    r"academic|foreign|international|level|master|bachelor|ph\.?\s?d|fields?|disciplines?|subjects?|majors?|areas?))|(?:comparable|similar|relevant)\s+(?:work\s+|industry\s+)?experience)"
)
# - Every _NEGATED_DEGREE alternative holds one of these: "not" (also "do not", "does not"), "n't" (don't,
#   doesn't, won't), "need" ("no need for"), "without", "count" ("counts as"); without one there is no match.
_NEGATED_WORDS = ("not", "n't", "need", "without", "count", "required", "necessary", "most")
# - Every _PREFERRED_CUE alternative holds one of these ("prefer" for preferred/preferably/prefer, "plus" for
#   the "a plus" forms, "desir" for desirable/desired, "advantage" for advantageous/an advantage, "required"
#   for "not required", "would" and "great" for the "would be"/"great to have" forms, "valued" and "appreciated"
#   for "will be valued").
_CUE_WORDS = (
    "prefer", "ideally", "plus", "nice", "bonus", "desir", "advantage", "welcome", "helpful", "optional",
    "required", "would", "great", "extra", "valued", "appreciated",
)


def _has_cue(clause: str, p: _Patterns) -> bool:
    """Whether `p.preferred_cue` matches in `clause`."""
    if p is _LOWERED and not _may_cue(clause):
        return False
    return p.preferred_cue.search(clause) is not None


def _may_cue(c: str) -> bool:
    """One of _CUE_WORDS is in `c` (written out: ~2x faster than any() over them)."""
    return (
        "prefer" in c or "ideally" in c or "plus" in c or "nice" in c or "bonus" in c or "desir" in c
        or "advantage" in c or "welcome" in c or "helpful" in c or "optional" in c or "required" in c
        or "would" in c or "great" in c or "extra" in c or "valued" in c or "appreciated" in c
    )


assert all(_may_cue(word) for word in _CUE_WORDS)  # it tests every word


def _may_qualify(sentence: str, p: _Patterns) -> bool:
    """False when no part of `sentence` (lower-cased, p is _LOWERED) can be negated or cued: it holds none of
    _NEGATED_WORDS and none of _CUE_WORDS (see _is_negated and _has_cue)."""
    return p is not _LOWERED or _may_cue(sentence) or (
        "not" in sentence or "n't" in sentence or "need" in sentence or "without" in sentence or "count" in sentence
        or "necessary" in sentence or "most" in sentence
    )


# "A PhD is nice but not required", "... is common on our team but not a requirement": the negation is its
# own clause after "but", and it qualifies the degree before it unless a requirement word or a ";" comes first.
_BUT_NOT_REQUIRED = re.compile(
    r"\bbut\s+(?:it\s+is\s+|it['’]s\s+|is\s+)?not\s+(?:required|a\s+requirement|necessary|mandatory|needed|"
    r"essential|a\s+must)\b",
    re.IGNORECASE,
)
_REQUIRED_BETWEEN = re.compile(r";|\b(?:required|requirement|must|mandatory)\b", re.IGNORECASE)


# "a master's or PhD in statistics, operations research or a related field is preferred" (or "... field
# preferred"): the cue ends the degree's part of the sentence (up to a ";"), past the commas of its list of fields.
_PREFERRED_END = re.compile(
    r"\b(?:is|are|would\s+be)\s+(?:strongly\s+|highly\s+)?(?:preferred|a\s+(?:big\s+|strong\s+)?plus|desirable|"
    r"desired|an\s+(?:added\s+)?advantage|advantageous|nice\s+to\s+have)[\s.!)]*$"
    # "Master in Data Science, Big Data or Artificial Intelligence will be valued."
    r"|\b(?:will|would)\s+be\s+(?:highly\s+)?(?:valued|appreciated)[\s.!)]*$"
    # no verb after a list of fields: "Master's or PhD in EE, CS or a related field preferred."
    r"|\b(?:fields?|disciplines?|subjects?|areas?)\s+(?:strongly\s+|highly\s+)?preferred[\s.!)]*$",
    re.IGNORECASE,
)


def _preferred_at_end(sentence: str, hit: re.Match[str], hits: list[re.Match[str]]) -> bool:
    """Whether the part of `sentence` holding the degree `hit` ends with a cue: up to the next ";" or the next
    degree that is not joined to it ("master's or PhD" are one part; "BS in CS, an MS is preferred" two)."""
    stop = sentence.find(";", hit.end())
    stop = len(sentence) if stop < 0 else stop
    end = hit.end()
    for other in hits:
        if other.start() >= end and other.start() < stop:
            if not _JOINED_DEGREES.fullmatch(sentence, end, other.start()):
                stop = other.start()
                break
            end = other.end()
    cue = _PREFERRED_END.search(sentence, end, stop)
    if cue is None:
        return False
    between = sentence[end : cue.start()].lower()
    # another degree, or a new noun phrase, before the cue is what the cue is about: "BS in CS, an MS is preferred"
    # ... and a bracket or an "or equivalent" route ends the degree's part: "(... alumni are welcome)"
    return (
        ", a " not in between and ", an " not in between and "(" not in between and "equivalent" not in between
        and _DEGREE_HINT.search(between) is None
    )


_JOINED_DEGREES = re.compile(r"\s*(?:,|/|\bor\b|\band\b|,\s*or\b)?\s*(?:an?\s+)?", re.IGNORECASE)


def _not_required_after(sentence: str, end: int) -> bool:
    """Whether the degree ending at `end` is followed, in its sentence, by "but not required" that applies to it."""
    if "but" not in sentence[end:].lower():
        return False
    tail = _BUT_NOT_REQUIRED.search(sentence, end)
    return tail is not None and _REQUIRED_BETWEEN.search(sentence, end, tail.start()) is None


def _is_negated(clause: str, p: _Patterns) -> bool:
    """Whether `p.negated_degree` matches in `clause`."""
    if p is _LOWERED and not (
        "not" in clause or "n't" in clause or "need" in clause or "without" in clause or "count" in clause
        or "required" in clause or "necessary" in clause or "most" in clause
    ):
        return False  # none of _NEGATED_WORDS
    return p.negated_degree.search(clause) is not None


_EQUIVALENT_LOWERED = tuple(
    (words, _case_sensitive(re.compile(pattern, re.IGNORECASE))) for words, pattern in _EQUIVALENT_PARTS
)

# (sentence, under a preferred heading, may name a degree, may name years, its _DEGREE_RE matches or None:
# not looked for yet); the sentence is lower-cased when it comes from _sentences(text, low=...).
_Sentence = tuple[str, bool, bool, bool, "list[re.Match[str]] | None"]

# Mark kinds for the matcher's Hyperscan pass (skilltrends.extract.scan), kind -> words: `marks`, the offsets
# in `low` where the pass found them, stand in for searching the text. The equivalent-experience words have
# a kind each (letters only, except "self-taught", whose "-" matches any non-word character: a superset).
MARKS: dict[str, tuple[str, ...]] = {
    "requirements degree": DEGREE_MARKS,
    "requirements years": _YEARS_WORDS,
    **{_EQUIVALENT_KIND + word: (word,) for word in sorted(_EQUIVALENT_WORDS)},
    **PAY_MARKS,  # for find_salary
    "requirements foreign": FOREIGN_HINTS,  # skilltrends.extract.multilingual may read the text
}
Marks = dict[str, list[int]]


def extract_requirements(
    text: str, low: str | None = None, marks: Marks | None = None
) -> tuple[Degree, float | None, float | None, Salary | None]:
    """(degree, years_min, years_max, salary) stated in a posting's plain text.

    `low`: `text.lower()` when the caller has it already (the matcher's, for a posting without "İ").
    `marks`: for each kind of MARKS that occurs, the sorted offsets in `low` where its words may occur (a
    superset; exact for words of letters only), when the caller has them: the matcher's scan (None: search)."""
    degree, (years_min, years_max) = _requirements(text, low, marks)
    return degree, years_min, years_max, find_salary(text, low, marks)


def find_degree(text: str) -> Degree:
    """The lowest degree level required, the fields named with required degrees, and whether equivalent
    experience is accepted."""
    return _requirements(text)[0]


def find_years(text: str) -> tuple[float | None, float | None]:
    """The minimum and maximum years of experience asked for, or (None, None)."""
    return _requirements(text)[1]


def _requirements(
    text: str, low: str | None = None, marks: Marks | None = None
) -> tuple[Degree, tuple[float | None, float | None]]:
    if not _hints_apply(text):
        # a character whose lower case changes the text's length ("İ"): the patterns run as written, and the
        # other languages' reading fills what they leave empty here too ("Laurea in Informatica, İstanbul")
        sentences = _sentences(text)
        equivalent = _EQUIVALENT_RE.search(text) is not None
        degree, years = _find_degree(sentences, equivalent, _AS_WRITTEN), _find_years(sentences, _AS_WRITTEN)
        if (degree.min_level is None or not degree.fields or years == (None, None)) and may_apply(text.lower()):
            degree, years = _with_foreign(text, degree, years)
        return degree, years
    if low is None or len(low) != len(text):
        low, marks = text.lower(), None
    if "|" in low:
        untabled = _untable(text, low)
        if untabled is not text:
            text, low, marks = untabled, untabled.lower(), None
    sentences = _sentences(text, low=low, marks=marks)
    equivalent = _accepts_equivalent(low, marks)
    degree, years = _find_degree(sentences, equivalent, _LOWERED), _find_years(sentences, _LOWERED)
    if (degree.min_level is None or not degree.fields or years == (None, None)) and (
        may_apply(low) if marks is None else _foreign_hint_marked(low, marks.get("requirements foreign"))
    ):
        degree, years = _with_foreign(text, degree, years)
    return degree, years


def _untable(text: str, low: str) -> str:
    """`text` with the rows of tables that give levels (see `sections.table_levels`) read out as lines: each
    levelled cell on a line of its own, a preferred one after "Nice to have: ", and header rows ("Must have | Nice
    to have") left out, so that a degree or a figure in a "Must have" cell is required and one in a "Nice to
    have" cell preferred; a cell that only gives its row's level ("Nice to have", "No") is left out too.
    `text` itself when it holds no such table."""
    headers: list[tuple[int, int]] = []
    cells = table_levels(low, headers)
    if not cells:
        return text
    parts = []
    at = 0
    rows: dict[int, list[tuple[int, int, bool]]] = {}
    for cell in cells:
        rows.setdefault(low.rfind("\n", 0, cell[0]) + 1, []).append(cell)
    for start, end in sorted([*headers, *((row, -1) for row in rows)]):
        if start < at:
            continue
        if end < 0:
            end = low.find("\n", start)
            end = len(low) if end < 0 else end
            lines = (("Nice to have: " if preferred else "") + text[a:b]
                     for a, b, preferred in rows[start] if not is_level_cell(low[a:b]))
            parts += [text[at:start], "\n".join(lines)]
        else:
            parts.append(text[at:start])
        at = end
    parts.append(text[at:])
    return "".join(parts)


# The foreign HINTS, apart by whether a space leads them (a mark is where a hint's letters start).
_FOREIGN_SPACED = tuple(hint for hint in FOREIGN_HINTS if hint.startswith(" "))
_FOREIGN_UNSPACED = tuple(hint for hint in FOREIGN_HINTS if not hint.startswith(" "))


def _foreign_hint_marked(low: str, marks: list[int] | None) -> bool:
    """`may_apply(low)` from the scan's marks of the HINTS ("requirements foreign"): they are a superset (any
    non-word character stands for a space or a non-ASCII letter, so " ans ", "anos de" or "t?tulo" fire on
    English text), and each hint that occurs is marked where its letters start; so a hint occurs exactly when
    one starts at a mark, or one space before it. Without a hint the reader finds nothing."""
    return marks is not None and any(
        low.startswith(_FOREIGN_UNSPACED, at) or (at and low.startswith(_FOREIGN_SPACED, at - 1)) for at in marks
    )


def _with_foreign(
    text: str, degree: Degree, years: tuple[float | None, float | None]
) -> tuple[Degree, tuple[float | None, float | None]]:
    """What the English reader found, its gaps filled from the posting's other languages (see
    skilltrends.extract.multilingual): a degree level (with its fields), the fields of the level found,
    the years."""
    other, other_years = foreign_requirements(text)
    equivalent = degree.equivalent_experience_ok or other.equivalent_experience_ok
    if degree.min_level is None and other.min_level is not None:
        degree = Degree(other.min_level, other.fields, equivalent)
    elif degree.min_level is not None and not degree.fields and other.fields:
        degree = Degree(degree.min_level, other.fields, equivalent)
    elif equivalent != degree.equivalent_experience_ok and other.min_level is not None:
        degree = Degree(degree.min_level, degree.fields, equivalent)
    return degree, years if years != (None, None) else other_years


_TEAMS_DEGREES = re.compile(r"\W*most\s+of\s+(?:our|the|us)\b", re.IGNORECASE)  # a sentence about the team


def _find_degree(sentences: list[_Sentence], equivalent: bool, p: _Patterns) -> Degree:
    required: set[str] = set()
    fields: list[str] = []
    for sentence, is_preferred_section, may_name_degree, _, known in sentences:
        if not may_name_degree:
            continue
        hits = list(p.degree.finditer(sentence)) if known is None else known
        if len(hits) > 1 and any(h.group("generic") for h in hits):
            hits = _without_generic_echoes(sentence, hits)
        if not hits or _TEAMS_DEGREES.match(sentence):
            continue  # "Most of the team studied computer science, physics or maths, some to PhD level"
        if (_OR_EQUIVALENT_LOWERED if p is _LOWERED else p.or_equivalent).search(sentence):
            equivalent = True
        # A clause holds what _is_negated or _has_cue look for only when the sentence does: without it, no
        # clause needs cutting out.
        cuts = _cuts(sentence, p) if _may_qualify(sentence, p) else None
        near: dict[tuple[int, int], list[str]] = {}  # per window of this sentence (see _fields_near)
        for hit in hits:
            level = next((name for name in ("phd", "master") if hit.group(name)), "bachelor")
            if cuts is None:
                if is_preferred_section:
                    continue  # see below
            else:
                left, right = _clause_span(sentence, hit.start(), hit.end(), cuts)
                clause = sentence[left:right]
                if _is_negated(clause, p) and (
                    (colon := sentence.rfind(": ", left, hit.start())) < 0
                    or _is_negated(sentence[colon + 1 : right], p)
                ):
                    # but "You don't need a graduate degree: a bachelor's in CS is what we look for" asks for
                    # the degree after the colon
                    continue
                if _not_required_after(sentence, hit.end()):
                    continue
                if (is_preferred_section or _has_cue(clause, p) or _preferred_at_end(sentence, hit, hits)
                        or _BRACKET_CUE.match(sentence, hit.end()) is not None):
                    continue  # a preferred degree is not a requirement, nor are its fields
            if _route_qualifier(sentence, hit.start()):
                continue  # "4+ years (or 2+ years with an MS)", "(1+ if you did an MSc)": a route, not required
            required.add(level)
            fields += [f for f in _fields_near(sentence, hit.start(), hit.end(), p, near) if f not in fields]
    min_level = min(required, key=_LEVELS.index) if required else None
    return Degree(min_level=min_level, fields=tuple(fields), equivalent_experience_ok=equivalent)


# What may stand between a named degree and a generic one that only repeats it: "MS degree in", "BS/MS degree
# in", "BSc (Hons) degree in", "PhD or equivalent degree in"; and between a generic one and the named degree
# that says which: "University degree (MSc or PhD)".
_ECHO_AFTER = re.compile(r"[\s/,()'’.\w-]{0,25}")
_ECHO_BEFORE = re.compile(r"[\s(:,-]{0,3}")


def _without_generic_echoes(sentence: str, hits: list[re.Match[str]]) -> list[re.Match[str]]:
    """`hits` without the generic ones ("degree in", "university degree") that belong to a named degree next
    to them; a generic degree apart from them is a requirement of its own ("A degree in CS or a related
    subject; a PhD in speech processing is desirable": a bachelor's is required)."""
    named = [h for h in hits if not h.group("generic")]
    kept = []
    for hit in hits:
        if hit.group("generic") and any(
            (h.end() <= hit.start() and _ECHO_AFTER.fullmatch(sentence, h.end(), hit.start()))
            or (hit.end() <= h.start() and _ECHO_BEFORE.fullmatch(sentence, hit.end(), h.start()))
            for h in named
        ):
            continue
        kept.append(hit)
    return kept


def _find_years(sentences: list[_Sentence], p: _Patterns) -> tuple[float | None, float | None]:
    required: list[tuple[float | None, float | None]] = []
    preferred: list[tuple[float | None, float | None]] = []
    last_required = False  # whether the last sentence stating years was a required one
    for sentence, is_preferred_section, may_name_degree, may_name_years, known in sentences:
        if not may_name_years:
            continue
        found = _sentence_years(sentence, p)
        if not found:
            continue
        if not all(cue for _, _, cue in found):
            found = [f for f in found if not f[2]]
        routes = [(lo, hi) for lo, hi, _ in found]
        bare = _BARE_ROUTE.search(sentence) if may_name_degree else None
        if bare is not None:  # "7 years of experience (or 5 with a Master's)": the unit is the first route's
            routes.append((float(bare.group(1)), None))
        pick = min(routes, key=lambda r: r[0] if r[0] is not None else 0.0)
        if len(routes) > 1 and bare is None and not _has_routes(
            sentence, p, may_name_degree=may_name_degree, known=known
        ):
            pick = max(routes, key=lambda r: r[0] if r[0] is not None else 0.0)
        if may_name_degree and _yearless_route(sentence, p):
            pick = (None, None)  # "PhD, or Master's degree and 3+ years": the PhD route asks for no years
        cue = is_preferred_section or all(c for _, _, c in found)
        if not cue and last_required and may_name_degree and _OR_ROUTE_LINE.match(sentence):
            # Microsoft-style route lines: "Bachelor's ... AND 4+ years" / "OR Master's ... AND 3+ years" /
            # "OR Doctorate ... AND 1+ year(s)": one requirement, the lowest route's
            required[-1] = min(required[-1], pick, key=lambda r: r[0] if r[0] is not None else 0.0)
            continue
        (preferred if cue else required).append(pick)
        last_required = not cue
    chosen = required or preferred
    if not chosen:
        return None, None
    return max(chosen, key=lambda r: r[0] if r[0] is not None else 0.0)


_DEGREE_NAME = r"(?:ph\.?\s?d|doctora|masters?\b|master's|ms\b|m\.s\.|msc\b|m\.sc|bachelor|bs\b|b\.s\.|bsc\b|b\.sc)"
# ", or an MS ...", "(or a PhD)": "or" after a comma or bracket, then a degree: the start of another route
_ROUTE_SPLIT = re.compile(r"(?:,|;|\()\s*or\s+(?:an?\s+|equivalently\s+)?(?=" + _DEGREE_NAME + ")", re.IGNORECASE)
_DEGREE_WORD = re.compile(r"\b" + _DEGREE_NAME, re.IGNORECASE)
# "(or 5 with a Master's)": a route's figure without its unit, inside the bracket after the first route
_BARE_ROUTE = re.compile(
    r"\(\s*(?:or\s+)?(\d{1,2})\+?\s+(?:with|if\s+you\s+(?:have|hold))\s+an?\s+" + _DEGREE_NAME, re.IGNORECASE
)
# A line that opens with "or" and a degree: another route of the line before it
_OR_ROUTE_LINE = re.compile(r"[\s*\u2022\u2013-]*or\s+(?:an?\s+)?" + _DEGREE_NAME, re.IGNORECASE)


# "2+ years with an ", "1+ if you did an ": a degree that shortens an experience route
_YEARS_WITH_BEFORE = re.compile(
    r"\d+\+?\s*(?:(?:years?|yrs?)(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?(?:\s+experience)?\s+)?(?:with|and|plus|if\s+you\s+"
    r"(?:did|have|hold|completed|earned|got))\s+(?:an?\s+|your\s+)?(?:relevant\s+)?"
    r"(?:" + _DEGREE_NAME + r"\.?\s*(?:/|,|\bor\b|\band\b)\s*(?:an?\s+)?)*$",
    re.IGNORECASE,
)
_YEARS_FIGURE = re.compile(r"\b\d+\+?\s*(?:years?|yrs?)\b", re.IGNORECASE)
# "3+ years of industry NLP experience, or a PhD in NLP plus 1 year": the other route, a degree plus years
_OR_BEFORE = re.compile(r"\bor\s+(?:an?\s+)?$", re.IGNORECASE)
_PLUS_YEARS_AFTER = re.compile(
    r"[^,;.()\n]{0,50}?\b(?:plus|and|with|\+)\s+(?:at\s+least\s+)?(?:\d+|one|two|three)\+?\s*(?:years?|yrs?)\b",
    re.IGNORECASE,
)


def _route_qualifier(sentence: str, start: int) -> bool:
    """Whether the degree at `start` only shortens an experience route while another route asks for years
    and no degree: "4+ years building ML systems (or 2+ years with an MS/PhD)" requires no degree; "5+ years
    with a BS, or 3+ years with an MS" does (every route names one)."""
    if _YEARS_WITH_BEFORE.search(sentence, max(0, start - 60), start) is None:
        # "3+ years of industry NLP experience, or a PhD in NLP plus 1 year": a route of years alone before
        return bool(
            _OR_BEFORE.search(sentence, max(0, start - 15), start)
            and _PLUS_YEARS_AFTER.match(sentence, start)
            and _YEARS_FIGURE.search(sentence, 0, start)
            and not _DEGREE_WORD.search(sentence, 0, start)
        )
    return any(
        _WITH_DEGREE_AFTER.match(sentence, m.end()) is None
        and not _DEGREE_WORD.search(sentence, max(0, m.start() - 40), m.start())
        for m in _YEARS_FIGURE.finditer(sentence)
    )




def _yearless_route(sentence: str, p: _Patterns) -> bool:
    """Whether one of the sentence's routes is a degree without years while another states years:
    "PhD, or Master's degree and 3+ years", "At least 2 years of industry experience (or a PhD)".
    The lowest route then asks for no years. A route opened in a bracket ends with it: what follows the bracket
    is asked of every route ("MS in CS (or a BS with a strong track record), 5+ years of experience")."""
    splits = list(_ROUTE_SPLIT.finditer(sentence))
    if not splits:
        return False
    parts = [sentence[: splits[0].start()]]
    for at, split in enumerate(splits):
        end = splits[at + 1].start() if at + 1 < len(splits) else len(sentence)
        part = sentence[split.end() : end]
        close = part.find(")") if sentence[split.start()] == "(" else -1
        if close >= 0:
            if _sentence_years(part[close + 1 :], p):
                return False  # the years after the bracket are every route's
            part = part[:close]
        parts.append(part)
    with_years = [bool(_sentence_years(part, p)) for part in parts]
    return any(with_years) and any(
        not has and _DEGREE_WORD.search(part) and not _MORE_EXPERIENCE.search(part)
        for part, has in zip(parts, with_years, strict=True)
    )


# "an MS in stats (or a BS plus more experience)": the lesser degree asks for more years, not none
_MORE_EXPERIENCE = re.compile(r"\b(?:more|additional|extra|further)\s+(?:\w+\s+)?experience\b", re.IGNORECASE)


def _sentence_years(sentence: str, p: _Patterns) -> list[tuple[float | None, float | None, bool]]:
    """Experience figures in one sentence as (min, max, preferred-cue)."""
    out: list[tuple[float | None, float | None, bool]] = []
    cuts: tuple[list[int], list[int]] | None = None
    may_cue: bool | None = None
    for m in p.years.finditer(sentence) if p is _AS_WRITTEN else _lowered_years(sentence):
        start, end = m.span()
        before = sentence[max(0, start - 40):start]
        after = sentence[end:end + 100]
        if p.not_experience_before.search(before) or (
            p.not_experience_after.match(after) and not _WITH_DEGREE_AFTER.match(after)
        ):
            continue
        if before.rstrip(" \t").endswith("|") and after.lstrip(" \t")[:1] in ("|", "\n", "") and (
            (m.group("unit") or "").lower().startswith("month")
        ):
            continue  # "Contract NLP Engineer | £600 per day | 6 months+ | Remote": the contract's length
        lead = m.group("lead")
        if p.sub_requirement.search(before) or (lead and p.sub_requirement.search(before + lead)):
            continue  # "3+ years in DevOps, with at least 1 year supporting ML": the 1 is part of the 3
        if "and" in before and _in_sub_requirement_list(sentence, start):
            continue  # "7+ years, including 2+ years managing and 3+ years building ML platforms": the 3 too
        strong = any(m.group("lead", "plus", "plus2", "lo", "ormore", "ormore0"))
        if (strong and lead and lead.lower().startswith(("more", "over")) and before.endswith(("for ", "for\t"))
                and not any(m.group("plus", "plus2", "lo")) and "you" not in sentence.lower()):
            strong = False  # "has served health agencies for more than 20 years": the company's, not asked of you
        if not (strong or p.experience_after.match(after) or p.experience_before.search(before)
                or p.experience.search(sentence[max(0, start - 60):start])):
            continue
        lo, hi = _span_years(m)
        if lo is None and hi is None:
            continue
        if p is _LOWERED and not (may_cue if may_cue is not None else (may_cue := _may_cue(sentence))):
            out.append((lo, hi, False))  # no clause of it can hold a cue (see _has_cue); tested once a sentence
            continue
        cuts = _cuts(sentence, p) if cuts is None else cuts
        clause = _clause_at(sentence, start, end, cuts)
        out.append((lo, hi, _has_cue(clause, p)))
    return out


# What a _YEARS_RE match holds before its unit word ("year", "yr", "month" or "decade"): in the lower-cased
# text, only characters of _BEFORE_UNIT_CHARS, in at most _BEFORE_UNIT_RUNS runs between spaces — a lead
# ("a minimum of": 3), two quantities ("five (5)": 2 each), "+" twice, "-" or "to", "or more" (2): 12.
_BEFORE_UNIT_CHARS = r"[a-z\d.+()\-–—~]"
_BEFORE_UNIT_RUNS = 12
# Matched on the reversed sentence from a unit word backwards: how far back a match holding it may start.
_BEFORE_UNIT = re.compile(rf"(?:\s*{_BEFORE_UNIT_CHARS}+){{0,{_BEFORE_UNIT_RUNS}}}")


def _lowered_years(sentence: str) -> Iterator[re.Match[str]]:
    """`_LOWERED.years.finditer(sentence)` for a lower-cased sentence, without trying the pattern at every
    position: it costs ~140 ns a character, str.find ~1 ns.

    Every match holds a unit word (_YEARS_WORDS), none before it (no lead or quantity word holds one), and
    starts at most _BEFORE_UNIT back from it. So a match at or after `pos` that starts no later than the
    first unit word at or after `pos` holds that very word and starts no earlier than _BEFORE_UNIT back
    from it: none starts between `pos` and there. A word _may_hold_years rules out (the sentence is its own
    context) is in no match. Otherwise the pattern is tried, in order, at the places from there to the word
    where a match can start (_YEARS_START); the first match is the next. With none, the next match starts
    after the word. With no unit word left there is no match left."""
    pos = 0
    reverse = ""
    found = dict.fromkeys(_YEARS_WORDS, -2)  # each word's next occurrence at or after some earlier pos; -1: none left
    while True:
        unit = -1
        for word in _YEARS_WORDS:
            at = found[word]
            if at == -1:
                continue
            if at < pos:  # looked up again only once passed: a page of "3+ years" stays linear
                at = found[word] = sentence.find(word, pos)
            if at >= 0 and (unit < 0 or at < unit):
                unit = at
        if unit < 0:
            return
        if not _may_hold_years(sentence, unit):
            pos = unit + 1  # no match holds this word
            continue
        reverse = reverse or sentence[::-1]
        back = _BEFORE_UNIT.match(reverse, len(sentence) - unit)  # always matches, maybe empty
        start = max(pos, unit - len(back[0]) if back else unit)
        match = None
        for place in _YEARS_START.finditer(sentence, start, unit + 1):
            match = _LOWERED.years.match(sentence, place.start())
            if match is not None:
                break
        if match is None:
            pos = unit + 1
            continue
        yield match
        pos = match.end()  # no match is empty


# Where a _YEARS_RE match can start: after the look-behind of its first alternative, at the first character
# of a lead or a quantity (a word character) or "~"; anywhere at the "half" or "a" of its "decade"
# alternative, which has no look-behind ("experiencea decade").
_YEARS_START = re.compile(r"(?<![\w$£€.])[\w~]|[ah]")


def _may_end_unit(sentence: str, end: int, *, couple: bool) -> bool:
    """False when the unit word ending at `end` ("year", "yr", "month") cannot be in a _YEARS_RE match: there
    it is followed by an optional "s" and \\b (a non-word character or the end), or, for "year", by "s" in
    "a couple of years" (the only other place a unit word can be: "decade" is not checked here). So
    "yearly" or "monthly" hold none."""
    after = sentence[end:end + 2]
    if not after or not _is_word(after[0]):
        return True
    if after[0] != "s":
        return False
    return couple or len(after) == 1 or not _is_word(after[1])


# What the text before a _YEARS_RE match's unit word ends with, after whitespace, but for a digit (\d: any
# str.isdecimal character), ")" ("five (5)") or "+": a number word, "more" ("or more"); for "year" also
# "couple" and "of" ("a couple of years").
_QUANTITY_ENDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "twenty", "more", "so", "ish",  # "four or so years", "five-ish years"
)
_QUANTITY_ENDS_YEAR = (*_QUANTITY_ENDS, "couple", "of", " a")  # " a": "at least a year"


def _may_hold_years(low: str, at: int) -> bool:
    """False when the years word at `at` in `low` (a mark: one of _YEARS_WORDS) is in no _LOWERED.years match
    of the sentence holding it: where it ends (see _may_end_unit) or what it follows, whitespace aside, rules
    out the pattern — "decade" comes after "a", the others after a quantity, "+" or "or more" (or "a
    couple (of)"). A sentence is cut from its line at whitespace, so the characters the match would hold
    are read alike in `low`; the test reads past the sentence only where it passes anyway (see
    _may_end_unit), or at whitespace before it, where the sentence holds nothing."""
    ends: tuple[str, ...]
    if low.startswith("year", at):
        if not _may_end_unit(low, at + 4, couple=True):
            return False
        ends = _QUANTITY_ENDS_YEAR
    elif low.startswith("yr", at) or low.startswith("month", at):
        if not _may_end_unit(low, at + (2 if low[at + 1] == "r" else 5), couple=False):
            return False
        ends = _QUANTITY_ENDS
    elif low.startswith("decade", at):
        ends = ("a",)
    else:
        return True  # not a years word
    end = at
    while end and low[end - 1].isspace():  # what \s matches (both use Py_UNICODE_ISSPACE)
        end -= 1
    return end > 0 and (low[end - 1].isdecimal() or low[end - 1] in ")+" or low.endswith(ends, 0, end))


_SPACES = re.compile(r"\s+")
_OR_WORD = re.compile(r"\bor\b", re.IGNORECASE)
_BRACKETED_NUMBER = re.compile(r"\s*\(\d+\)")


def _span_years(m: re.Match[str]) -> tuple[float | None, float | None]:
    scale = 1 / 12 if (m.group("unit") or "").lower().startswith("month") else 1.0
    if m.group("decade"):
        words = m.group("decade").lower()
        if words.endswith("year"):
            return 1.0, None  # "at least a year"
        return (5.0 if words.startswith("half") else 2.0 if "couple" in words else 10.0), None
    if m.group("lo"):
        lo, hi = _quantity(m.group("lo")), _quantity(m.group("hi"))
        if lo is None or hi is None or hi < lo or hi > 40:
            return None, None
        if _OR_WORD.search(m.group(0)) or m.group("lo_plus"):
            return round(lo * scale, 2), None  # "3 or 4 years" / "3+ to 5 years": the floor only
        return round(lo * scale, 2), round(hi * scale, 2)
    value = _quantity(m.group("one"))
    if value is None or value > 40:
        return None, None
    lead = m.group("lead")
    if lead and _SPACES.sub(" ", lead.lower()).strip() == "up to":
        return 0.0, round(value * scale, 2)  # "someone with up to two years of experience": none to two
    return round(value * scale, 2), None


def _quantity(raw: str | None) -> float | None:
    if not raw:
        return None
    word = (_BRACKETED_NUMBER.sub("", raw) if "(" in raw else raw).strip().lower()  # the pattern needs a "("
    if word in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word])
    try:
        return float(word)
    except ValueError:
        return None


def _has_routes(
    sentence: str, p: _Patterns, *, may_name_degree: bool, known: list[re.Match[str]] | None
) -> bool:
    """Several year figures in one sentence are alternatives when joined by "or", tied to degrees, or to
    levels ("Senior: 5+ years; Staff: 8+ years"). `may_name_degree`, `known`: the sentence's (_Sentence)."""
    if p.route_words.search(sentence):
        return True
    return may_name_degree and bool(p.degree.search(sentence) if known is None else known)


def _degree_hits(sentence: str, starts: list[int] | None, p: _Patterns) -> list[re.Match[str]]:
    """`list(p.degree.finditer(sentence))`; with `starts` (see _Sentence), the pattern is tried only there and
    where a _DEGREE_LEADS word ends before whitespace and a "degree" that starts there (sre would try it at
    every position: ~100 ns a character). Those are all the places a match can start (see DEGREE_MARKS), so
    trying them in order, each from the end of the last match on, finds the matches finditer finds (none is
    empty)."""
    if starts is None:
        return list(p.degree.finditer(sentence))
    tried = set(starts)
    for at in starts:
        if sentence.startswith("degree", at):
            end = at
            while end and sentence[end - 1].isspace():  # what \s matches (both use Py_UNICODE_ISSPACE)
                end -= 1
            if end < at and sentence.endswith(_DEGREE_LEADS, 0, end):
                tried.update(end - len(lead) for lead in _DEGREE_LEADS if sentence.endswith(lead, 0, end))
    hits: list[re.Match[str]] = []
    pos = 0
    for at in sorted(tried):
        if at >= pos:
            hit = p.degree.match(sentence, at)
            if hit is not None:
                hits.append(hit)
                pos = hit.end()
    return hits


def _sentences(text: str, *, low: str | None = None, marks: Marks | None = None) -> list[_Sentence]:
    """Sentences with a flag: True under a preferred heading ("Nice to have", "Bonus points").

    `low`, `text.lower()` when `_hints_apply(text)`: the sentences come lower-cased, with flags saying
    whether each may name a degree or years, and lines that can name neither are left out; with `marks`
    (see MARKS), also where degree matches may start. Otherwise every sentence comes as written, both flags
    True."""
    out: list[_Sentence] = []
    text = text.replace("’", "'").replace("‘", "'")  # one character for one: offsets into `low` still hold
    if marks is not None and low is not None and not any(end in text for end in _OTHER_LINE_ENDS):
        return _marked_sentences(text, low, marks)
    lines = text.splitlines(keepends=True)
    if low is None:
        wanted: Iterable[int] = range(len(lines))
    else:
        # The lines where _LINE_HINT matches: where each line ends (its line end included), then which
        # line holds each match.
        ends = list(accumulate(map(len, lines)))
        if marks is not None:
            degree_marks = marks.get("requirements degree", _NONE)
            years_marks = marks.get("requirements years", _NONE)
            starts: Iterable[int] = chain(degree_marks, years_marks)
        else:
            starts = (m.start() for m in _LINE_HINT.finditer(low))
        wanted = sorted({bisect_right(ends, at) for at in starts})
    in_preferred = False
    read = -1  # the lines up to this one have been read for headings
    for at in wanted:
        above = _last_heading(lines, read + 1, at)  # the nearest heading above decides, if any
        if above is not None:
            in_preferred = above
        read = at
        line = lines[at].rstrip(_LINE_ENDS)  # as splitlines() gives it: one line end, or none on the last
        heading = _heading(line)
        if heading is not None:
            in_preferred = heading
            continue
        line_preferred = _inline_preferred(line, in_preferred)
        if marks is not None:
            pieces = _marked_pieces(line, ends[at - 1] if at else 0, degree_marks, years_marks)
            out += [(piece, line_preferred, bool(hits), may_name_years, hits) for piece, hits, may_name_years in pieces]
            continue
        for piece in _split_sentences(line):
            if not piece.strip():
                continue
            if low is not None:
                piece = piece.lower()
                out.append((piece, line_preferred, _may_name_degree(piece), _may_name_years(piece), None))
            else:
                out.append((piece, line_preferred, True, True, None))
    return out


# What str.splitlines ends a line at, but "\n".
_OTHER_LINE_ENDS = tuple(_LINE_ENDS.replace("\n", ""))


def _marked_sentences(text: str, low: str, marks: Marks) -> list[_Sentence]:
    """`_sentences(text, low=low, marks=marks)` for a text (quotes replaced) whose only line end is "\n":
    its lines are what splitlines gives, found around the marks with str.find/rfind instead of splitting
    the whole text (the same lines are read, in the same order, with the same checks). Years words that
    can be in no match (_may_hold_years) are dropped first, and degree matches are looked for at once
    (_marked_pieces): a line with no sentence left is not read for headings here, but by the next line's
    _last_heading_in, as one that names neither is."""
    out: list[_Sentence] = []
    degree_marks = marks.get("requirements degree", _NONE)
    years_marks = [at for at in marks.get("requirements years", _NONE) if _may_hold_years(low, at)]
    in_preferred = False
    read = 0  # the lines before this offset (a line start) have been read for headings
    last_start = -1
    size = len(text)
    for at in sorted(chain(degree_marks, years_marks)):
        start = text.rfind("\n", 0, at) + 1  # marks are at letters, never at a line end
        if start == last_start:
            continue  # the line is read
        last_start = start
        end = text.find("\n", at)
        if end < 0:
            end = size
        line = text[start:end]
        pieces = _marked_pieces(line, start, degree_marks, years_marks)
        if not pieces:
            continue  # its marks are in no match: read with the lines above the next one
        above = _last_heading_in(text, read, start)  # the nearest heading above decides, if any
        if above is not None:
            in_preferred = above
        read = end + 1
        heading = _heading(line) if _may_be_heading(line) else None
        if heading is not None:
            in_preferred = heading
            continue
        line_preferred = _inline_preferred(line, in_preferred) if ":" in line else in_preferred  # (see there)
        for piece, hits, may_name_years in pieces:
            out.append((piece, line_preferred, bool(hits), may_name_years, hits))
    return out


def _inline_preferred(line: str, in_preferred: bool) -> bool:
    """The line's flag: its section's, or True after an inline preferred label ("Nice to have: ...")."""
    if ":" in line:  # _INLINE_HEADING_RE ends with a colon
        inline = _INLINE_HEADING_RE.match(line.lstrip())
        if inline and _PREFERRED_HEADING.search(inline.group(1)):
            return True
    return in_preferred


def _marked_pieces(
    line: str, line_start: int, degree_marks: list[int], years_marks: list[int]
) -> list[tuple[str, list[re.Match[str]], bool]]:
    """The line's sentences (the line starts at `line_start` in the text) that name a degree or may name
    years, lower-cased, each with its _DEGREE_RE matches, found where the marks say they may start
    (_degree_hits), and whether a years word is marked in it; the others are left out, as both readers
    pass them over."""
    out: list[tuple[str, list[re.Match[str]], bool]] = []
    for start, piece in _split_spans(line):
        start += line_start
        end = start + len(piece)
        first = bisect_left(degree_marks, start)
        last = bisect_left(degree_marks, end, first)
        years = bisect_left(years_marks, start)
        may_name_years = years < len(years_marks) and years_marks[years] < end
        if last > first:
            lowered = piece.lower()
            hits = _degree_hits(lowered, [mark - start for mark in degree_marks[first:last]], _LOWERED)
            if hits or may_name_years:
                out.append((lowered, hits, may_name_years))
        elif may_name_years:
            out.append((piece.lower(), _NO_HITS, True))
    return out


_NO_HITS: list[re.Match[str]] = []  # shared: never changed


def _last_heading_in(text: str, low: int, high: int) -> bool | None:
    """`_last_heading` over the lines of `text` (line ends "\n" only) from offset `low` to `high`, both line
    starts: each line is found with rfind, from the last one back."""
    while high > low:
        newline = text.rfind("\n", low, high - 1)  # the end of the line before, if any
        start = newline + 1 if newline >= 0 else low
        first = text[start]
        # _may_be_heading, inlined: most lines fail it. A line (its "\n" at high - 1) ending in a character
        # other than whitespace is as long as rstrip() leaves it: measured without a copy.
        if (first in _HEADING_FIRST and (first == "#" or high - start <= _HEADING_MAX + 1
                                         or (text[high - 2].isspace()
                                             and len(text[start:high].rstrip()) <= _HEADING_MAX))) or first.isspace():
            heading = _heading(text[start:high])
            if heading is not None:
                return heading
        high = start
    return None


def _may_be_heading(line: str) -> bool:
    """False for a line `_heading` takes for none, by its first character and length (see _last_heading)."""
    first = line[:1]
    if first in _HEADING_FIRST:
        return first == "#" or len(line) <= _HEADING_MAX or len(line.rstrip()) <= _HEADING_MAX
    return first.isspace()


def _split_sentences(line: str) -> list[str]:
    """`_SENTENCE_SPLIT.split(line)` for one line of text."""
    return [piece for _, piece in _split_spans(line)]


def _split_spans(line: str) -> list[tuple[int, str]]:
    """The pieces of `_SENTENCE_SPLIT.split(line)` for one line of text, each with its offset in `line` (the
    text between matches: no match is empty)."""
    if "•" in line or "·" in line:
        cuts, group = _SENTENCE_SPLIT.finditer(line), 0
    elif "." in line or "!" in line or "?" in line:
        cuts, group = _SENTENCE_END.finditer(line), 1
    else:
        return [(0, line)]  # every match holds one of those
    pieces: list[tuple[int, str]] = []
    start = 0
    for cut in cuts:
        pieces.append((start, line[start:cut.start(group)]))
        start = cut.end(group)
    pieces.append((start, line[start:]))
    return pieces


def _last_heading(lines: list[str], start: int, end: int) -> bool | None:
    """`_heading` of the last heading among lines[start:end], or None. A line (never empty) can be one only
    when its first character is "#", an ASCII letter or whitespace (see `_heading`), and, when it is a
    letter, the line without trailing whitespace holds at most _HEADING_MAX characters: tested here, without
    a call for each line."""
    for at in range(end - 1, start - 1, -1):
        line = lines[at]
        first = line[0]
        if first in _HEADING_FIRST:
            if first != "#" and len(line) > _HEADING_MAX and len(line.rstrip()) > _HEADING_MAX:
                continue
        elif not first.isspace():
            continue
        heading = _heading(line)
        if heading is not None:
            return heading
    return None


_HEADING_FIRST = frozenset("#ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _heading(line: str) -> bool | None:
    """None when `line` (a line end may follow) is no heading, else whether it heads a preferred section."""
    if len(line) >= 100 and len(line.rstrip(_LINE_ENDS)) >= 100:
        return None
    # Headings and other short lines recur from posting to posting ("Requirements", "Benefits", "Remote"):
    # the answer, a function of the line alone, is kept for the recent ones (short lines only: small keys).
    return _known_heading(line) if len(line) <= _HEADING_KEPT else _read_heading(line)


def _read_heading(line: str) -> bool | None:
    """`_heading` for a line shorter than 100 characters without its line ends."""
    stripped = line.strip()
    # _HEADING_RE needs an ASCII letter, then at most _HEADING_MAX characters, unless "#"s lead.
    first = stripped[:1]
    if not (first == "#" or (len(stripped) <= _HEADING_MAX and first.isascii() and first.isalpha())):
        return None
    if is_preferred_heading(stripped):
        return True  # the tagger's preferred headings, one vocabulary: "Welcome skills", "Deseable / Nice to have"
    heading = _HEADING_RE.fullmatch(stripped)
    if not heading:
        return None
    name = heading.group(1)
    if "ı" in name or "ſ" in name or "İ" in name:
        folded, p = name, _HEADING_AS_WRITTEN
    else:  # the lower-cased patterns on the lower-cased name decide alike (see _UNFOLDED), faster
        folded, p = name.lower(), _HEADING_LOWERED
    if _is_heading(name, colon=bool(heading.group(2)), folded=folded, p=p):
        return bool(p[0].search(folded))
    return None


_HEADING_KEPT = 200
_known_heading = lru_cache(maxsize=4096)(_read_heading)


def _is_heading(
    line: str,
    *,
    colon: bool,
    folded: str | None = None,
    p: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None,
) -> bool:
    """A short line that names a section: "Nice to have", "What you'll bring:", "Minimum qualifications".
    `folded`, `p`: the line and (_PREFERRED_HEADING, _SECTION_HEADING, _HEADING_START) to search it with
    (see _HEADING_LOWERED); by default the line as written and the patterns."""
    if folded is None or p is None:
        folded, p = line, _HEADING_AS_WRITTEN
    preferred, section, start = p
    if line.isascii():  # str.isdigit also takes other scripts' digits ("²", "٣"), which \d misses in part
        if _ASCII_DIGIT.search(line):
            return False
    elif any(ch.isdigit() for ch in line):
        return False
    if ":" in line:
        return False
    words = len(line.split())
    if colon and words <= 8:
        return bool(preferred.search(folded) or section.search(folded))
    return words <= 6 and line[:1].isupper() and bool(start.match(folded))


_ASCII_DIGIT = re.compile(r"[0-9]")
_HEADING_AS_WRITTEN = (_PREFERRED_HEADING, _SECTION_HEADING, _HEADING_START)
# For a lower-cased name without _UNFOLDED: the same patterns, case-sensitive (their letters are lower-case).
_HEADING_LOWERED = (
    _case_sensitive(_PREFERRED_HEADING), _case_sensitive(_SECTION_HEADING), _case_sensitive(_HEADING_START)
)
_NONE: list[int] = []


def _cuts(sentence: str, p: _Patterns) -> tuple[list[int], list[int]]:
    """Where `sentence` splits into clauses (commas, semicolons, brackets, dashes and 'but'): the starts and
    the ends of `p.clause_split.finditer(sentence)`, each in order (the matches do not overlap)."""
    if p is _AS_WRITTEN:
        spans = [m.span() for m in p.clause_split.finditer(sentence)]
    else:
        spans = _lowered_cuts(sentence)
    return [start for start, _ in spans], [end for _, end in spans]


def _lowered_cuts(sentence: str) -> list[tuple[int, int]]:
    """`_LOWERED.clause_split.finditer(sentence)` spans, found with str.find (sre tries the \\b-led pattern at
    every position). Its alternatives match disjoint kinds of characters — a mark of ",;()"; whitespace, a
    dash, whitespace (str.isspace is what \\s matches); a whole word, checked for \\b on both sides (str.isalnum
    and "_" are what \\w matches) — so only dash matches can overlap one another (" - - "), and no word
    overlaps another ("though" in "although" has no \\b before it): the one pattern's matches are the marks,
    the words, and the dash matches taken leftmost first, each after the last one's end."""
    spans: list[tuple[int, int]] = []
    append = spans.append
    for mark in ",;()":
        at = sentence.find(mark)
        while at >= 0:
            append((at, at + 1))
            at = sentence.find(mark, at + 1)
    last = len(sentence) - 1
    dashes: list[int] = []
    for dash in "-–—":
        at = sentence.find(dash, 1)
        while 0 < at < last:
            if sentence[at - 1].isspace() and sentence[at + 1].isspace():
                dashes.append(at)
            at = sentence.find(dash, at + 1)
    if dashes:
        dashes.sort()
        reach = 0
        for at in dashes:
            if at - 1 >= reach:
                append((at - 1, at + 2))
                reach = at + 2
    size = len(sentence)
    for word in _CLAUSE_WORDS:
        at = sentence.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _is_word(sentence[at - 1])) and (end == size or not _is_word(sentence[end])):
                append((at, end))
            at = sentence.find(word, at + 1)
    if len(spans) > 1:
        spans.sort()
    return spans


_CLAUSE_WORDS = ("but", "while", "though", "although", "whereas")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _clause_at(sentence: str, start: int, end: int, cuts: tuple[list[int], list[int]]) -> str:
    """The clause of `sentence` around [start, end), given its `_cuts`: from the last cut's end at or before
    `start` to the first cut's start at or after `end` (both lists are in order)."""
    left, right = _clause_span(sentence, start, end, cuts)
    return sentence[left:right]


def _clause_span(sentence: str, start: int, end: int, cuts: tuple[list[int], list[int]]) -> tuple[int, int]:
    """Where `_clause_at`'s clause starts and ends in `sentence`."""
    cut_starts, cut_ends = cuts
    before = bisect_right(cut_ends, start)
    left = cut_ends[before - 1] if before else 0
    after = bisect_left(cut_starts, end)
    right = cut_starts[after] if after < len(cut_starts) else len(sentence)
    return left, right


def _fields_near(
    sentence: str,
    start: int,
    end: int,
    p: _Patterns,
    near: dict[tuple[int, int], list[str]] | None = None,
) -> list[str]:
    """Degree fields named just before a degree ("Computer Science degree") or after it ("in CS, Stats").
    `near`: the fields found in windows of
    this sentence so far (what follows depends on the sentence and the window only), for degrees in one
    sentence ("MS or PhD in CS") whose windows are the same."""
    low, high = max(0, start - 40), min(len(sentence), end + 140)
    low = sentence.rfind(";", low, start) + 1 or low  # a ";" ends a degree's clause on either side
    for before in _FIELD_STOP_BEFORE.finditer(sentence, low, start):
        low = before.end()  # "2–4 years of NLP/ML experience after an MSc in ...": NLP/ML is no field
    stop = p.field_stop.search(sentence, start, high)
    if stop is not None and (resume := _FIELDS_AFTER_ROUTE.match(sentence, stop.end(), high)) is not None:
        # "PhD, or a Master's degree and 4+ years of experience, in Computer Science or Statistics": the fields
        # follow the routes
        after = p.field_stop.search(sentence, resume.end(), high)
        found = _fields_in(sentence, low, stop.start(), p)
        return found + [f for f in _fields_in(sentence, resume.end(), after.start() if after else high, p)
                        if f not in found]
    high = stop.start() if stop else high
    closing = _LIST_CLOSE.search(sentence, end, high)
    if closing is not None:
        # "a BS in physics, CS, math or similar, Python you're not embarrassed by, and some exposure to ML": the
        # list of fields ends at its closing "or similar" (a bracket right after it still belongs to it)
        bracket = _BRACKET_AFTER.match(sentence, closing.end(), high)
        high = bracket.end() if bracket else closing.end()
    if near is None:
        return _fields_in(sentence, low, high, p)
    known = near.get((low, high))
    if known is None:
        known = near[low, high] = _fields_in(sentence, low, high, p)
    return known


# ... nor is what another route names before ", or a" ("experience building machine learning systems, or a
# Master's/PhD with relevant research")
_FIELD_STOP_BEFORE = re.compile(r"\b(?:experience|years?)\b|,\s*or\s+an?\s+", re.IGNORECASE)
_LIST_CLOSE = re.compile(
    r"\bor\s+(?:an?\s+|any\s+)?(?:other\s+)?(?:similar|related|comparable|equivalent|relevant)\b"
    r"(?:\s+(?:[\w-]+\s+)?(?:fields?|disciplines?|subjects?|areas?|majors?|branch(?:es)?|courses?)\b)?"
    r"(?!\s+(?:experience|work|role|degree|qualification))",
    re.IGNORECASE,
)
_BRACKET_AFTER = re.compile(r"\s*\([^()]*\)")
# A cue in the first bracket after the degree (and its fields), which _CLAUSE_SPLIT parts from it: "Master's
# (preferred)", "MSc in Statistics or Economics (a plus)"
_BRACKET_CUE = re.compile(
    r"[^();.\n]{0,100}?\(\s*(?:strongly\s+|highly\s+)?(?:preferred|a\s+(?:big\s+|strong\s+)?plus|nice[- ]to[- ]have|"
    r"desirable|desired|bonus|optional|ideally|welcome|advantageous)\b",
    re.IGNORECASE,
)
_FIELDS_AFTER_ROUTE = re.compile(r"[^,;.()]{0,40}?\bexperience\s*,\s+in\s+", re.IGNORECASE)


def _fields_in(sentence: str, low: int, high: int, p: _Patterns) -> list[str]:
    """The fields of `_fields_near` whose patterns match in sentence[low:high] (searched in place)."""
    if p is _AS_WRITTEN:
        # Search in place (pos/endpos), not in a slice: lookbehinds still see "Electrical" before "Engineering".
        found = {name for name, pattern in p.fields if pattern.search(sentence, low, high)}
        return [name for name, _ in _FIELDS if name in found]
    # Every match of a field's pattern starts with one of its _FIELD_STARTS: tried only where one occurs in the
    # window (sre would try most patterns, led by \b, at every position).
    # Most words are not in the window: `in` on a copy of it says so at less than half the cost of a find call.
    fields: list[str] = []
    window = sentence[low:high]
    find = sentence.find
    for name, pattern, words in _LOWERED_FIELD_STARTS:
        for word in words:
            if word not in window:
                continue
            at = find(word, low, high)
            while at >= 0 and not pattern.match(sentence, at, high):  # in place: lookbehinds see before `low`
                at = find(word, at + 1, high)
            if at >= 0:
                fields.append(name)  # in _FIELDS order
                break
    return fields


_LOWERED_FIELD_STARTS = tuple((name, pattern, _FIELD_STARTS[name]) for name, pattern in _LOWERED.fields)
