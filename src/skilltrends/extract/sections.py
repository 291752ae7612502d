"""Requirement level of a mention: section headings and cue phrases mark skills as preferred.

A heading line ("Nice to have", "Preferred qualifications:", "## Bonus points") makes what follows
preferred until the next heading; a required or neutral heading ("Requirements", "What you'll need",
"Responsibilities", "Benefits") switches back. Inside any section, a cue in the mention's own sentence or
bullet ("is a plus", "ideally", "preferred", "nice to have", "bonus if", "would be great") makes it
preferred. Default: required. A line opened by another section's label ("Our stack: ...", "Job Skills: ...") ends
a preferred section as a heading would, and a table gives its cells' level over both: a header's "Must have" /
"Nice to have" columns, a row's own level cell ("Rust | Nice to have"), a "Required?" column's yes or no.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Literal

from skilltrends.extract.rules import _fx, fold, lower, marked

Requirement = Literal["required", "preferred"]

__all__ = ["TAG_HINTS", "RequirementLevels", "defer_tag_lines", "has_preferred_cue", "is_preferred_heading"]

_PREFERRED_HEAD = (
    r"(?:nice|good)[\s-]*to[\s-]*haves?\s+(?:skills?|experience|qualifications?|requirements)|"
    r"nice[\s-]*to[\s-]*haves?|nice\s+if(?:\s+you(?:\s+\w+){0,3})?|preferred(?:\s+\w+){0,2}|bonus(?:\s+points?)?(?:\s+\w+){0,4}|pluses|plus(?:ses)?|"
    r"good[\s-]to[\s-]haves?|desired(?!\s+candidate\s+profile)(?:\s+\w+){0,2}|desirable(?:\s+\w+){0,2}|extra\s+credit|"
    r"(?:it\W?s\s+)?a\s+plus\s+if(?:\s+\w+){0,4}|ideally(?:\s+\w+){0,4}|"
    r"(?:(?:what|things)\s+(?:that\s+)?)?(?:would\s+)?(?:make|makes)\s+you\s+stand\s+out|"
    r"(?:what\s+(?:would\s+)?)?(?:sets?|would\s+set)\s+you\s+apart|"
    r"(?:it['’]s|it\s+is)\s+(?:great|nice|a\s+plus|a\s+bonus)(?:\s+if(?:\s+you(?:\s+\w+){0,3})?)?|"
    r"what\s+would\s+be\s+(?:nice|great|a\s+plus)|not\s+required(?:\s*\([^)\n]{0,30}\))?|good\s+to\s+know|"
    r"(?:we['’]d|we\s+would)\s+also\s+love(?:\s+\w+){0,3}|nice,?\s+(?:but\s+)?not\s+(?:necessary|required|essential)|"
    r"you(?:['’]ll|\s+will)?\s+stand\s+out\s+if(?:\s+\w+){0,3}|"
    r"additional\s+(?:qualifications|skills|experience)|(?:additional|other)\s+preferred(?:\s+\w+){0,2}|"
    # "Additional merits", "Other assets" (Nordic and Dutch postings in English: "Meriterande", "Pluspunten")
    r"(?:additional|other)\s+(?:merits|assets)|"
    r"optional(?:\s+\w+){0,2}|even\s+better(?:\s+if)?(?:\s+\w+){0,3}|"
    r"(?:we(?:'d|\s+would)\s+)?love\s+(?:it\s+)?if\s+you(?:\s+\w+){0,3}|not\s+required,?\s+but\s+\w+(?:\s+\w+){0,2}|"
    r"(?:it\s+)?would\s+(?:also\s+)?be\s+(?:great|nice|ideal|a\s+plus|good)(?:\s+if(?:\s+you(?:\s+\w+){0,3})?|\s+to\s+see)?|"
    # "Things that would help", "What will help"
    r"(?:things|what)\s+(?:that\s+)?(?:would|will|might|could)\s+(?:also\s+)?help(?:\s+\w+){0,2}|"
    r"(?:[\w'’]+\s+){0,3}(?:may|might|could|would)\s+also\s+have(?:\s+\w+){0,2}|"  # "Strong candidates may also have"
    # "Advantages:" (European postings)
    r"(?:an?\s+(?:big\s+|real\s+|clear\s+|definite\s+)?)?advantages?|advantageous|(?:an?\s+)?(?:big\s+)?advantage\s+if(?:\s+\w+){0,3}|"
    # "Added advantage" (African and Indian postings); "Secondary Skills", the optional column beside "Primary Skills"
    r"(?:an?\s+)?added\s+advantages?|secondary\s+skills?(?:\s+\w+){0,2}|"
    # "Highly regarded" (Australian postings), "Some other highly valued skills may include:" (UK banks)
    r"highly\s+regarded(?:\s+\w+){0,2}|(?:some\s+)?(?:other\s+)?highly\s+valued(?:\s+\w+){0,4}|"
    # more ways real postings head the optional list
    r"(?:extra|plus|brownie)\s+points(?:\s+\w+){0,3}|helpful(?:\s+\w+){0,2}|differentiators|(?:nice\s+)?extras|"
    r"ways\s+to\s+stand\s+out(?:\s+\w+){0,3}|assets?|valued(?:\s+(?:skills|experience|extras))?|nice|"
    r"appreciated(?:\s+(?:skills|experience|extras))?|not\s+(?:essential|mandatory),?\s+but\s+\w+(?:\s+\w+){0,2}|"
    # the same headings as other languages write them, and "Welcome skills" (Japanese postings in English)
    r"welcome\s+(?:skills|experience|qualifications)|deseables?|diferenciais|diferencial|suma\s+puntos|"
    r"pluspunkte|w[uü]nschenswert|von\s+vorteil|atouts?|(?:ce\s+serait\s+)?un\s+plus|les\s+plus|mile\s+widziane|meriterande|meritorious|merits|souhait[eé]s?|"
    r"se\s+valorar[aá]n?|valorables?|desej[aá]ve(?:l|is)|"
    # "We value", "We also value" (Spanish postings in English: "Valoramos")
    r"we\s+(?:also\s+|highly\s+|especially\s+)?value|valoramos|"
    # Dutch: "Pré", "Pluspunten"
    r"(?:een\s+)?pr\u00e9|pluspunt(?:en)?|"
    # "Selection criteria – desirable", "Criteria (desirable)" (university and public-sector postings)
    r"(?:(?:key\s+)?selection\s+)?criteria\s*(?:[-–—:]\s*|\(\s*)(?:desirable|preferred|optional)\)?|"
    # a cue said as a heading: "Would be a bonus", "Will be a plus", "It is an advantage", "Highly desirable",
    # "Strongly preferred", "It helps if you have"
    r"(?:(?:it\s+)?(?:would|will|could)\s+(?:also\s+)?be|(?:it['’]s|it\s+is|is|are)(?:\s+also)?)\s+(?:an?\s+)?"
    r"(?:big\s+|huge\s+|real\s+|definite\s+|strong\s+|added\s+)?(?:plus|bonus|advantage|asset)(?:\s+if(?:\s+you(?:\s+\w+){0,2})?)?|"
    r"(?:highly|strongly|very|especially|particularly|also)\s+(?:desirable|desired|preferred|valued|appreciated|welcome)|"
    # "Will be valued" (Spanish and Italian postings in English: "se valorará")
    r"(?:(?:it\s+)?(?:will|would)\s+(?:also\s+)?be|(?:is|are)(?:\s+also)?)\s+(?:highly\s+)?(?:valued|appreciated)|"
    r"(?:it\s+)?(?:also\s+)?helps\s+if(?:\s+you(?:\s+\w+){0,2})?"
)
# Headings of the list of what the hire must bring (a "You might thrive if" list after one of these is the
# optional one: see _FIT_HEAD) ...
_QUALIFICATION_HEAD = (
    r"(?:minimum|basic|required|key|essential|core|technical|your|job|educational|primary|mandatory|must[\s-]*have)?\s*"
    r"(?:qualifications?|requirements|criteria|skills"
    r"(?:\s*(?:&|and)\s*(?:experience|qualifications))?|experience)|what\s+you(?:'ll|\s+will|’ll)?\s+(?:need|bring)"
    r"|what\s+(?:we(?:'re|\s+are)|we’re)\s+looking\s+for|you\s+(?:have|bring|are|should\s+have)|must[\s-]*haves?"
    r"|about\s+you|who\s+you\s+are|your\s+profile|"
    # Dutch and Polish: "Wat vragen we?", "Functie-eisen", "Jouw profiel", "Nasze wymagania", "Twój profil"
    r"wat\s+(?:vragen|verwachten)\s+(?:we|wij)(?:\s+van\s+(?:jou|je))?|wat\s+breng\s+je\s+mee|functie-?eisen|"
    r"(?:jouw\s+)?profiel|(?:nasze\s+)?wymagania|czego\s+(?:oczekujemy|szukamy)|tw\u00f3j\s+profil|"
    r"(?:desired\s+)?candidate\s+profile|(?:the\s+)?ideal\s+candidate|requirements?|required"
    r"|education(?:\s+(?:&|and)\s+experience)?"
    r"|(?:(?:key\s+)?selection\s+)?criteria\s*(?:[-–—:]\s*|\(\s*)(?:essential|required|mandatory)\)?"
    # the behaviours a UK Civil Service post is assessed against
    r"|(?:civil\s+service\s+)?behaviou?rs"
)
# ... and the other headings that end a preferred section.
_OTHER_HEAD = (
    r"(?:key\s+|main\s+|principal\s+)?(?:duties\s+and\s+)?responsibilities|(?:key\s+)?(?:duties|accountabilities)|"
    r"purpose\s+of\s+the\s+role|(?:[\w-]+\s+){0,2}expectations|(?:what\s+)?you(?:'ll|\s+will|’ll)\s+do|the\s+role|your\s+role|about\s+(?:us|the\s+\w+)|"
    r"benefits|perks|what\s+we\s+offer|what(?:'s|\s+is|’s)\s+in\s+it\s+for\s+you|compensation|(?:(?:our|the)\s+)?(?:tech(?:nology)?\s+)?stack|(?:our\s+)?technologies|"
    r"job\s+description|"
    r"overview|summary|who\s+we\s+are|how\s+we\s+work|location|how\s+to\s+apply|"
    r"wat\s+(?:ga\s+je\s+doen|bieden\s+(?:we|wij))|(?:twoje\s+)?zadania|(?:twoje\s+)?obowi\u0105zki|(?:co\s+)?oferujemy|"
    r"(?:other|additional|more|job|key)\s+(?:details|information|info)|keywords|tags|hashtags|(?:focus\s+|key\s+|core\s+)?capabilities"
)
_REQUIRED_HEAD = _QUALIFICATION_HEAD + "|" + _OTHER_HEAD
# "You might thrive if", "You might be a good fit if you": the qualifications when it is the only list (annotators
# of 11 read sets: 14 of 14), the nice-to-haves when it follows a list of qualifications ("What you'll bring").
_FIT_HEAD = (
    r"(?:we\s+think\s+)?you(?:['’]ll|\s+will|\s+might|\s+may|\s+could|\s+would)?\s+"
    r"(?:thrive|be\s+an?\s+(?:\w+\s+)?fit|fit\s+(?:right\s+)?in|do\s+well|excel)(?:\s+\w+){0,4}?(?:\s+if(?:\s+you(?:\s+\w+){0,2})?)?(?:\s*\.{2,3})?"
)
# Case-sensitive patterns over folded lower-case text (rules.fold, rules._fx): 2-5x faster than IGNORECASE.
# A heading may carry emoji or symbols before or after it ("✨ Bonus points", "Bonus points ⭐"), a gloss in
# another language after a slash ("Deseable / Nice to have"), or follow a heading in another script whose
# English gloss is in brackets or after a slash ("우대 사항 (Preferred)", "歓迎スキル / Nice to have").
_HEADING = _fx(
    r"^[ \t]*(?:[^\w\s#*_]{1,4}[ \t]*)?(?:#{1,6}[ \t]*|\*\*|__)?"
    r"(?:[^\x00-\x7f\n]+(?:[ \t]+[^\x00-\x7f\n]+)*[ \t]*(?:\(|/[ \t]*))?"
    r"(?P<h>(?P<pref>" + _PREFERRED_HEAD + r")|(?P<qual>" + _QUALIFICATION_HEAD + r")|(?P<fit>" + _FIT_HEAD + r")|"
    + _OTHER_HEAD + r")"
    r"[ \t]*(?:\([^)\n]{0,60}\))?\)?(?:[ \t]*/[ \t]*[^\n/]{1,30})?[ \t]*(?:\*\*|__)?[ \t]*[:：]?[ \t]*(?:\*\*|__)?"
    r"[ \t]*(?:[^\w\s]{1,4}[ \t]*)?$"
)
_CUE_PHRASE = (
    r"\b(?:(?:is|are|would\s+be|will\s+be|be|as)\s+(?:an?\s+)?(?:big\s+|huge\s+|strong\s+|definite\s+|real\s+|"
    r"added\s+|distinct\s+)?(?:plus|bonus|advantage|asset|benefit)|an?\s+(?:big\s+|huge\s+|definite\s+|strong\s+|real\s+)?plus|"
    # "Experience with TensorRT, ONNX, quantization – big advantage."
    r"(?:big|huge|definite|strong|real|great)\s+(?:advantage|asset)|"
    r"plus\s+if|bonus\s+(?:if|points)|ideally|preferred|preferably|nice[\s-]to[\s-]haves?|good[\s-]to[\s-]haves?|"
    r"desirable|desired|advantageous|would\s+be\s+(?:great|nice|helpful|beneficial|appreciated|welcome|good|ideal)|"
    r"(?:is|are)\s+(?:all\s+)?(?:beneficial|helpful|welcome|appreciated)|beneficial|optional|"
    # "Familiarity with LLMs is considered an asset"; "some C or C++ helps", "... but it helps" (not "where it helps",
    # "the evaluation sets that tell us whether a change helps", "the ablations that tell us what actually helps")
    r"considered\s+(?:an?\s+)?(?:plus|bonus|advantage|asset)|(?<!where\sit\s)(?<!when\sit\s)(?<!if\sit\s)(?<!change\s)(?<!actually\s)(?<!what\s)helps(?=\s*(?:[.;)(]|,\s+as\s+do(?:es)?\b|,?\s+but\b|$))|"
    r"not\s+(?:strictly\s+)?(?:required|necessary|needed)\s*,?\s*(?:but|though|although)|"
    r"(?:a\s+)?bonus|pluses|even\s+better|stand\s+out|(?:extra|brownie|plus)\s+points|extra\s+credit|not\s+(?:essential|mandatory|"
    r"a\s+must)|(?:we(?:'d|\u2019d|\s+would)\s+)?love\s+(?:it\s+)?if|would\s+love\s+to\s+see|in\s+your\s+favou?r|"
    r"gives?\s+you\s+an\s+edge|a\s+nice\s+extra|good\s+to\s+know|"
    # "We'd love to see experience with DeepSpeed" (not the label "What we'd love to see:"), "We'd appreciate
    # experience with speech models", "Kafka or Azure ML is valued", "We'd be thrilled if you've used ROCm"
    r"(?<!what\s)we['’]d\s+love\s+to\s+see|(?:we['’]d|we\s+would)\s+(?:also\s+|really\s+)?appreciate|"
    r"(?:is|are)\s+(?:also\s+|highly\s+)?valued|(?:we['’]d|we\s+would)\s+be\s+(?:thrilled|delighted)\s+if|"
    # "Java would help", "Terraform experience is useful", "It's great if you know Redis", "If you've touched
    # Spark, great"
    r"would\s+(?:also\s+)?help|(?:is|are|would\s+be)\s+(?:also\s+)?useful|(?:it['’]s|it\s+is)\s+(?:great|nice)\s+if|"
    r"(?<=,\s)(?:great|even\s+better|awesome|brilliant)(?=\s*(?:[.!;)]|$))|"
    # "If you've used JAX or Dagster, tell us"; "Comfort with SQL, or willingness to learn it"; "You don't need
    # production experience with Kubernetes; we'll teach you"
    r"(?<=,\s)(?:tell\s+us|let\s+us\s+know|mention\s+it)(?=\s*(?:[.!;)]|$))|"
    r"(?<=,\s)or\s+(?:a\s+)?(?:willingness|eagerness|readiness)\s+to\s+learn|"
    r"(?:(?<=^you\s)|(?<=\nyou\s)|(?<=[.;:!?]\syou\s))(?:don['’]t|do\s+not)\s+need\s+(?:\w+\s+)?"
    r"(?:experience|knowledge|familiarity)|"
    # the level said in prose: "If you've shipped Triton kernels, ..." opening a sentence (the read sets'
    # conditionals there: 7 of 8 preferred; not "2+ if you have a PhD", "a fit if you've shipped"), "we'd be
    # happy to teach you Terraform", "a real head start", "isn't needed on day one" (each written to start with
    # a rare literal, the look-behinds after it: sre tries a branch's leading look-behinds at every position)
    r"(?=if\s)(?:(?<![^\n])|(?<=[.!?]\s)|(?<=^[-*\u2022]\s)|(?<=\n[-*\u2022]\s))if\s+you(?:['’]ve|\s+have|\s+know|\s+already\s+know|\s+also|\s+bring)|"
    r"teach(?:(?<=we['’]ll\steach)|(?<=we\swill\steach)|(?<=we\scan\steach)|(?<=happy\sto\steach))|"
    r"head[\s-]?start|leg\s+up|"
    r"(?:needed|required|expected)(?:(?<=n't\sneeded)|(?<=n’t\sneeded)|(?<=not\sneeded)|(?<=n't\srequired)|"
    r"(?<=n’t\srequired)|(?<=not\srequired)|(?<=n't\sexpected)|(?<=n’t\sexpected)|(?<=not\sexpected))"
    r"\s+on\s+day\s+(?:one|1)|"
    # more of the level said in prose (read from set 22): what it saves the hire or the team ("would save us a
    # month", "would smooth your first month", "you'll be productive sooner"), how soon it is learned ("which
    # you can learn in an afternoon", "you'll pick it up in a week", "something you can acquire on the job"),
    # that nobody asks for it ("not something we screen for", "isn't a condition of the job", "not a box to
    # tick", "nobody will quiz you on it", "knowing it won't hurt, but it isn't needed", "matters less to us",
    # "we'd value, not demand"), and what it would earn ("is interesting to us", "would catch our eye", "puts
    # you ahead of the queue", "a nice surprise", "a good sign", "is handy", "we'd like to hear", "lead with it")
    r"save\s+(?:you|us)\s+(?:an?|the)\s+(?:day|week|month|quarter|lot)|smooth\s+your\s+first|"
    r"your\s+first\s+(?:days?|weeks?|months?|quarter)\s+(?:easier|smoother|faster)|"
    r"(?:productive|up\s+to\s+speed|onto\s+it)\s+sooner|"
    r"(?:learn|pick\s+up|acquire)\s+(?:it\s+)?(?:in\s+an?\s+(?:afternoon|day|week)|"
    r"within\s+(?:a\s+few\s+)?(?:days|weeks)|on\s+the\s+job)|pick\s+(?:it|them)\s+up\s+in\s+an?\s+(?:day|week)|"
    r"learned\s+it\s+within|"
    r"something\s+we\s+(?:screen|test|filter)\s+for|condition\s+of\s+the\s+job|box\s+to\s+tick|"
    r"nobody\s+will\s+quiz|won['’]t\s+hurt|matters\s+less|value,?\s+not\s+(?:demand|require)|"
    r"interesting\s+to\s+us|(?:get|catch|catches|gets)\s+our\s+(?:attention|eye)|ahead\s+of\s+the\s+(?:queue|pack|line)|"
    r"nice\s+surprise|good\s+sign|(?<=\sis\s)handy|(?:we['’]d|we\s+would)\s+like\s+to\s+hear|lead\s+with\s+it)\b"
    r"|\(\s*(?:plus|optional|nice|not\s+required|not\s+needed)\s*\)"
    # the same cues in the postings' other languages
    r"|\b(?:idealerweise|idealmente|preferiblemente|preferibilmente|un\s+plus|souhait\u00e9e?s?|von\s+vorteil|w\u00fcnschenswert|deseables?|se\s+valorar\u00e1n?|"
    r"valorables?|id\u00e9alement|appr\u00e9ci\u00e9e?s?|diferencial|desej\u00e1ve(?:l|is)|gradit[oaie])\b"
)
# "Must: Python. Nice: vLLM, Rust. Also nice: Triton" (terse HN); "Bonus points: Airflow", "Not required: Docker"
_CUE_LABEL = r"(?:also\s+)?(?:nice|plus|bonus(?:\s+points)?|extra\s+points|even\s+better|not\s+required)\s*:"
_CUE_NICE = r"\b(?:is|are)\s+nice\b"
_CUE = _fx(_CUE_PHRASE + r"|(?:^|(?<=[.;]\s)|(?<=\|\s))" + _CUE_LABEL + "|" + _CUE_NICE)
# _CUE's three alternatives apart, for `_cue_in`: sre tries _CUE's look-behinds at every position of a
# sentence; the first alternative alone searches ~3x faster, and the others need words that are rare.
_CUE_PHRASE_RE, _CUE_LABEL_RE, _CUE_NICE_RE = _fx(_CUE_PHRASE), _fx(_CUE_LABEL), _fx(_CUE_NICE)
# ... and a comma before a one-word subject with its own cue: "Fluent in English, German is a plus" (read sets: 2 of 2)
_COMMA_OWN_CUE_RE = (r",(?=[ \t]+[\w+#-]+[ \t]+(?:is|are)[ \t]+an?[ \t]+(?:big[ \t]+|huge[ \t]+|real[ \t]+)?"
                     r"(?:plus|advantage|bonus|asset)\b)")
_CLAUSE = _fx(r"\b(?:but|whereas|while)\b|" + _COMMA_OWN_CUE_RE)
_COMMA_OWN_CUE = _fx(_COMMA_OWN_CUE_RE)
_SO_IS = _fx(r"\s*(?:and\s+|but\s+)?(?:so|as)\s+(?:is|are|would\s+be)\b")
_NOT_REQUIRED_END = _fx(r"\bnot\s+(?:strictly\s+)?(?:required|essential|mandatory|necessary|needed|a\s+must)\s*,?\s*$")
# "We don't need a CUDA wizard, but it helps": the clause after "but" is the cue of the one before it
_BUT_IT_HELPS = _fx(r"but\s+it\s+(?:helps|would\s+help|is\s+a\s+plus)\b")
# cues that qualify what follows them ("idealerweise Azure", "idealmente AWS": Azure and AWS, not the whole list)
FORWARD_CUES = frozenset(
    ("ideally", "preferably", "idealerweise", "id\u00e9alement", "idealmente", "preferiblemente")
)
# A bracket holding only a cue: "Azure (preferred) or AWS/GCP", "MLflow (a plus)"
_BARE_CUE = _fx(r"\(\s*(?:strongly\s+)?(?:preferred|preferably|a\s+plus|a\s+bonus|bonus|nice[\s-]to[\s-]have|desirable|"
                r"optional|advantageous|an?\s+advantage|not\s+required|not\s+needed)\s*\)")
# A bracket holding a cue with its own subject: "You communicate clearly in English (Tagalog is a huge plus!)"
# qualifies Tagalog, not English
# or with no verb: "strong Python (TypeScript a plus)"
_OWN_CUE = _fx(r"\((?!\s*an?\s)[^()\n]{0,60}?[a-z0-9+#][^()\n]{0,60}?\s(?:(?:is|are|would\s+be)\s+)?(?:an?\s+)?"
               r"(?:big\s+|huge\s+|"
               r"strong\s+|definite\s+|real\s+|added\s+)?(?:plus|bonus|advantage|asset)\b[^()\n]{0,30}\)")
# How a cue of a clause reaches a mention (see `_clause_cue`): anywhere in the clause, forward from it, back from
# its bracket, or only inside its bracket
_ANY, _FORWARD, _BACKWARD, _INSIDE = 0, 1, 2, 3
# A choice inside a bracket: "at least one public cloud (GCP preferred, AWS or Azure also ok)", "(PyTorch
# preferred, TF2 fine)". It says which option the team likes; every option, and what the bracket qualifies,
# is still asked for (annotators of four held-out sets agree, 21 of 21 skills). A bare "(preferred)" is a cue.
_CHOICE_CUE = _fx(r"\((?=[^()\n]{0,80}?[a-z0-9+#][^()\n]{0,80}?\s(?:strongly\s+)?prefer)[^()\n]{0,80}?\s"
                  r"(?:strongly\s+)?(?P<cue>prefer(?:red|ably)?)\b[^()\n]{0,80}\)")
# The same choice after a generic cloud and a separator: "cloud platforms, AWS preferred", "any one cloud - GCP
# preferred (Vertex AI, GKE), AWS or Azure also fine", "at least one of Azure, AWS or GCP; Azure preferred" (the
# annotators of two read sets: 3 of 3 postings, every option asked for). "Python and SQL; Go preferred" names no
# choice: Go stays preferred.
_CHOICE_AFTER = _fx(r"(?:\bclouds?\b|\bone\s+of\b|\bany\s+one\b)[^\n.()]{0,60}?(?:[,;:]|\s[\u2013\u2014-])\s*"
                    r"[a-z0-9][\w.+#]*(?:\s+[\w.+#]+)?\s+(?:strongly\s+)?(?P<cue>prefer(?:red|ably)?)\b")
# An inline label opening a run of a line ("Nice to have: weather data; experience with Ray or Dask; ...",
# "... badly. Not required but helpful: SageMaker or another managed training service."), or a required one
# that closes it ("Must have:"): it starts the line or follows the end of a sentence, clause or cell.
_INLINE_LABEL = _fx(r"(?P<pref>" + _PREFERRED_HEAD + r")|" + _REQUIRED_HEAD + r"|must|need")
_LABEL_EDGES = " \t-*\u2022"
_SENTENCE_END = _fx(r"[.!?](?=\s)")
# A table row as the cleaner writes it ("Languages | Python, SQL | Rust", skilltrends.crawl.normalize) or as
# Markdown ("| Python | Nice to have |"); a row of dashes under a Markdown header is no row.
_CELL_SPLIT = re.compile(r"[ \t]*\|[ \t]*")
_RULE_ROW = _fx(r"[\s|:\-]*")
# A "Required?" / "Mandatory" column's answers ("Yes" / "No").
_YES = frozenset(("yes", "y", "required", "must", "x", "\u2713", "\u2714"))
_NO = frozenset(("no", "n", "optional", "-", "\u2013"))
_NO_BUT = _fx(r"no\b[\s,;–-]+(?:but\b|nice|helpful|a\s+plus|preferred|desirable|optional)")
# Header cells that name a column but no level ("Skill | Required?", "Area | Level").
_COLUMN_NAMES = frozenset((
    "skill", "skills", "area", "areas", "category", "topic", "technology", "technologies", "tool", "tools",
    "tech", "level", "domain", "competency", "competencies", "what", "stack", "language", "languages", "item",
))
_NO_CELLS: list[tuple[int, int, bool]] = []


# Substrings of every _CUE match (a necessary condition, tested first).
CUE_HINTS = (
    "plus", "bonus", "ideal", "prefer", "nice", "desir", "advantag", "great", "helpful", "benefi", "welcome",
    "apprecia", "optional", "not required", "better", "stand out", "good to", "asset",
    "vorteil", "nschenswert", "deseable", "valora", "id\u00e9al", "appr\u00e9ci", "diferencial", "desej", "gradit",
    "souhait", "extra point", "brownie point", "not essential", "not mandatory", "not a must", "love it if",
    "love if", "love to see", "your favo", "an edge", "not necessary",
    "not needed", "not strictly", "help", "useful", "awesome", "brilliant", "extra credit", "tell us", "let us know",
    "mention it", "ness to learn", "t need", "not need", "valued", "thrilled", "delighted", "if you", "teach",
    "head start", "headstart", "head-start", "leg up", "day one", "day 1",
    "save you", "save us", "smooth your", "your first", "sooner", "learn it", "learn in", "learn within", "learn on",
    "learned it", "pick up", "pick it", "pick them", "acquire", "something we",
    "condition of", "box to tick", "nobody will", "t hurt", "matters less", "not demand", "not require",
    "interesting to us", "our attention", "our eye", "ahead of the", "nice surprise", "good sign", "handy",
    "like to hear", "lead with",
)
_CUE_HINT = re.compile("|".join(CUE_HINTS))
_MAX_HEADING = 100
_BULLETS = frozenset({"- ", "* ", "• ", "-\t", "– "})


# Words one of which every preferred heading and every "You might thrive if" heading holds (each alternative
# of _PREFERRED_HEAD and _FIT_HEAD names one), as the scanner marks them: a space stands for any non-word
# character ("stand " for "stand\s+out", not the "stand" of every "understanding"). Tested with Hypothesis
# (tests/extract/test_sections.py).
HEADING_HINTS = (
    "nice", "prefer", "bonus", "plus", "good to", "desir", "extra ", "ideal", "stand ", "additional ", "optional",
    "better", "love ", "required ", "great", "also have", "advantag", "welcome", "deseable", "diferencia", "suma ",
    "pluspunkte", "nschenswert", "vorteil", "atout", "widziane", "meriterande", "merit", "souhait", "valora", "desej",
    "points", "helpful", "differentiator", "extras", "asset", "essential", "mandatory", "regarded", "value",
    "thrive", " fit ", "do well", "excel", "pr\u00e9", "pluspunt", "secondary", "apart", "not required", " help",
    "apprecia",
)


def _cue_in(seg: str, pos: int = 0, endpos: int | None = None) -> bool:
    """`_CUE.search(seg) is not None` (one of its alternatives matches somewhere), faster. `pos`, `endpos`: where
    in `seg` its first alternative's matches lie, when the caller knows (see `_cue_span`)."""
    if _CUE_PHRASE_RE.search(seg, pos, len(seg) if endpos is None else endpos) is not None:
        return True
    if "nice" in seg and _CUE_NICE_RE.search(seg) is not None:
        return True
    if ":" in seg:  # a label: at the start, or after ". ", "; " or "| " (a white-space character)
        for match in _CUE_LABEL_RE.finditer(seg):  # matches cannot overlap: each ends at its only ":"
            at = match.start()
            if at == 0 or (at >= 2 and seg[at - 2] in ".;|" and seg[at - 1].isspace()):
                return True
    return False


_SPACE_RUN = re.compile(r"\s\s")
# The most characters a _CUE match holds before the first CUE_HINTS word in it, and in all (look-ahead included:
# 2 more), where its whitespace runs are single characters; with margins. See `_cue_span`.
_CUE_BEFORE_HINT = 24
_CUE_AFTER_HINT = 40


def _cue_span(low: str, lo: int, hi: int, marks: list[int] | None) -> tuple[int, int]:
    """(pos, endpos) such that _CUE and _CUE_PHRASE_RE find the same matches searching `low` from `pos` to
    `endpos` as from `lo` to `hi`, read around the cue marks (`marks`: the scan's, sorted; None: (lo, hi)).

    Every match holds a CUE_HINTS word, which the scan marks (a space in it marks any one non-word character),
    at most 21 characters after its start, and is at most 33 characters long, but for matches with a longer
    run of whitespace and "would be good" (which holds none: the two patterns and CUE_HINTS disagree there,
    and has_cue keeps that answer). Found by expanding the patterns with single spaces, test_sections.py.
    Where neither can occur, a match starts at most 21 characters before the first mark in [lo, hi) and ends,
    look-ahead included, at most 35 after the last one; with no mark there, there is none: (lo, lo). A short span
    is searched whole (the checks would cost more than they spare)."""
    if (
        hi - lo <= _CUE_BEFORE_HINT + _CUE_AFTER_HINT
        or marks is None
        or low.find("good", lo, hi) >= 0
        or _SPACE_RUN.search(low, lo, hi) is not None
    ):
        return lo, hi
    first = bisect.bisect_left(marks, lo)
    last = bisect.bisect_left(marks, hi, first) - 1
    if last < first:
        return lo, lo
    return max(lo, marks[first] - _CUE_BEFORE_HINT), min(hi, marks[last] + _CUE_AFTER_HINT)


def _cue_pattern(low: str, lo: int, hi: int) -> re.Pattern[str]:
    """_CUE, or its first alternative alone where the other two cannot match in low[lo:hi] (a label needs a
    ":", the other "nice"): then both find the same matches, the first ~1.5x faster (see `_cue_in`)."""
    return _CUE_PHRASE_RE if low.find(":", lo, hi) < 0 and low.find("nice", lo, hi) < 0 else _CUE


def has_preferred_cue(low: str) -> bool:
    """Whether `low` (lower-cased text, one sentence or line) holds a preferred cue ("is a plus", "ideally",
    "von Vorteil", "se valorará"): the test `RequirementLevels.has_cue` makes of a whole sentence."""
    seg = fold(low)
    return any(hint in seg for hint in CUE_HINTS) and _cue_in(seg)


def _may_be_heading(line: str, size: int) -> bool:
    """The cheap tests a line passes before _HEADING is tried (longer or wordier lines are never headings)."""
    return (
        size <= _MAX_HEADING
        and line[:2] not in _BULLETS
        and (line.count(" ") <= 7 or line.endswith(":") or _bracketed_heading(line))
    )


def _bracketed_heading(line: str) -> bool:
    """A short heading with a long bracket after it: "Bonus points (we list these first, because they matter)"."""
    return line.rstrip(" \t:").endswith(")") and line.count(" ", 0, max(0, line.find("("))) <= 7


def is_preferred_heading(line: str) -> bool:
    """Whether `line` (one line, as written) is a heading that opens a preferred section."""
    line = line.strip()
    if not _may_be_heading(line, len(line)):
        return False
    match = _HEADING.match(fold(lower(line)))
    return match is not None and match.group("pref") is not None


# What _heading_kind says of a line: a heading of what the hire must bring (qualifications), of a preferred
# section, of another section (duties, benefits), or a "You might thrive if" heading (see _FIT_HEAD).
_OTHER, _PREFERRED, _QUALIFICATIONS, _FIT = 0, 1, 2, 3


def _read_heading_kind(line: str) -> int | None:
    """None when `line` (one line of folded lower-case text) does not match _HEADING, else its kind."""
    match = _HEADING.match(line)
    if match is None:
        return None
    if match.group("pref") is not None:
        return _PREFERRED
    if match.group("qual") is not None:
        return _QUALIFICATIONS
    return _FIT if match.group("fit") is not None else _OTHER


# Headings recur from posting to posting ("requirements:", "nice to have"): the answer, a function of the line
# alone, is kept for the recent ones (lines that reach it are short: _may_be_heading).
_heading_kind = lru_cache(maxsize=4096)(_read_heading_kind)


def _first_preferred(low: str, hints: list[int], stop: int) -> int:
    """Where the first line that is a preferred heading starts, looking only at lines holding a hint and
    starting before `stop`; -1 if none. 0 where a "You might thrive if" heading comes first: whether it is
    preferred depends on the headings before it."""
    read = -1  # the line ending here is read
    for at in hints:
        if at >= stop:
            break
        if at < read:
            continue  # marks fall on letters, never on a line end
        start = low.rfind("\n", 0, at) + 1
        read = low.find("\n", at)
        if read < 0:
            read = len(low)
        line = low[start:read]
        if _may_be_heading(line, read - start):
            kind = _heading_kind(line)
            if kind == _PREFERRED:
                return start
            if kind == _FIT:
                return 0
    return -1


_MAX_LABEL = 40
# Labels that also name one item of a list ("Nice to have\nExperience: Flink or Beam"): no section's end.
_SUB_LABELS = frozenset(("experience", "skills", "requirement", "requirements"))


def _ends_section(line: str, colon: int) -> bool:
    """Whether `line`, with its first ":" at `colon`, opens with the inline label of a required or other section
    ("Our stack:", "Tech stack:", "Job Skills:", "Must have:") and holds more after it."""
    label = line[:colon].strip(_LABEL_EDGES)
    if not label or label in _SUB_LABELS or not line[colon + 1 :].strip():
        return False
    match = _INLINE_LABEL.fullmatch(label)
    return match is not None and match.group("pref") is None


def _cells(low: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the row low[start:end] as (start, end) offsets, outer pipes and padding left out."""
    out = []
    at = start
    for sep in _CELL_SPLIT.finditer(low, start, end):
        out.append((at, sep.start()))
        at = sep.end()
    out.append((at, end))
    if out and out[0][0] == out[0][1]:
        out.pop(0)  # "| a | b |": the empty cells outside the outer pipes
    if out and out[-1][0] == out[-1][1]:
        out.pop()
    return [(a + len(low[a:b]) - len(low[a:b].lstrip()), a + len(low[a:b].rstrip())) for a, b in out]


def _column_kind(cell: str) -> int | None:
    """What a header cell says of its column: _PREFERRED ("Nice to have", "Bonus"), _QUALIFICATIONS ("Must have",
    "Required", "Mandatory?"), else None (a "Skill" or "Area" column, which says nothing of the level)."""
    cell = cell.strip(" \t*:?.")
    if not cell or len(cell) > _MAX_HEADING:
        return None
    if cell in ("mandatory", "essential", "must"):
        return _QUALIFICATIONS
    kind = _heading_kind(cell)
    return kind if kind in (_PREFERRED, _QUALIFICATIONS) else None


def table_levels(low: str, headers: list[tuple[int, int]] | None = None) -> list[tuple[int, int, bool]]:
    """Table cells whose level the table itself gives, as (start, end, preferred), sorted: the cells under a
    "Must have" or "Nice to have" column of a header row ("Area | Must have | Nice to have"), and every cell of
    a row whose level cell says it ("Rust | Nice to have"; "Kubernetes | No" under "Skill | Required?"). A
    cell under a required column is preferred only with a cue of its own ("Python (ideally 3.12)").
    `low`: folded lower-case text, rows one per line (blank lines may part them); prose ends a table.
    `headers`: if given, the (start, end) of each header row read is appended to it."""
    out: list[tuple[int, int, bool]] = []
    columns: list[int | None] | None = None  # the kinds of the current table's header cells
    at = 0
    size = len(low)
    while at < size:
        end = low.find("\n", at)
        if end < 0:
            end = size
        if low.find("|", at, end) < 0:
            if low[at:end].strip():
                columns = None  # prose ends a table
            at = end + 1
            continue
        if _RULE_ROW.fullmatch(low, at, end) is not None:
            at = end + 1
            continue
        cells = _cells(low, at, end)
        kinds = [_column_kind(low[a:b]) for a, b in cells]
        levels = sum(kind is not None for kind in kinds)
        if len(cells) >= 2 and levels and (
            levels >= 2
            or all(kind is not None or low[a:b].strip(" *:?") in _COLUMN_NAMES
                   for kind, (a, b) in zip(kinds, cells, strict=True))
        ):
            columns = kinds  # a header row
            if headers is not None:
                headers.append((at, end))
        elif len(cells) >= 2:
            header = columns if columns is not None and len(columns) == len(cells) else None
            _row_levels(low, cells, kinds, header, out)
        at = end + 1
    return out


# A legend that gives each item's level by a mark: "★ = essential, ☆ = desirable", "(E) = Essential; (D) =
# Desirable", "* = must have / + = nice to have". Two marks with different levels on one line make a legend.
_LEGEND_PAIR = _fx(
    r"(?:^|(?<=\s)|(?<=[,;/(]))(?P<mark>[^\w\s=,;/]{1,3}|\([a-z]\)|[a-z])\s*(?:=|:|–|—|-)\s*"
    r"(?:(?P<req>essential|required|mandatory|must(?:[\s-]haves?)?|minimum|key)|(?P<pref>desirable|preferred|"
    r"nice[\s-]to[\s-]haves?|optional|bonus|a\s+plus|plus|advantageous|good[\s-]to[\s-]haves?))\b"
)
_MARK_LINE = _fx(r"[ \t]*(?:[-*•·–]|\d+[.)])?[ \t]*")


def legend_levels(low: str) -> list[tuple[int, int, bool]]:
    """Lines whose level a legend's mark gives, as (start, end, preferred), sorted: below a legend line
    (_LEGEND_PAIR), each line that opens (after its bullet) or ends with one of its marks. `low`: folded
    lower-case text."""
    marks: dict[str, bool] = {}
    legend_end = -1
    equals = low.find("=")
    while equals >= 0:  # the lines holding an "=", each read once
        start = low.rfind("\n", 0, equals) + 1
        end = low.find("\n", equals)
        if end < 0:
            end = len(low)
        pairs = list(_LEGEND_PAIR.finditer(low, start, end))
        if len(pairs) >= 2 and len({m.group("pref") is not None for m in pairs}) == 2:
            marks = {m.group("mark"): m.group("pref") is not None for m in pairs}
            legend_end = end
            break
        equals = low.find("=", end)
    if not marks:
        return []
    out = []
    at = legend_end + 1
    size = len(low)
    while at < size:
        end = low.find("\n", at)
        if end < 0:
            end = size
        body = _MARK_LINE.match(low, at, end).end()  # type: ignore[union-attr]
        tail = low[body:end].rstrip(" \t.;")
        for mark, preferred in marks.items():
            if (tail.startswith(mark) and tail[len(mark) : len(mark) + 1] in (" ", "\t")) or (
                tail.endswith(mark) and len(tail) > len(mark) and tail[-len(mark) - 1] in " \t"
            ):
                out.append((at, end, preferred))
                break
        at = end + 1
    return out


def is_level_cell(cell: str) -> bool:
    """Whether a table cell (folded lower-case) only gives a level: "Nice to have", "Required", "Yes", "No"."""
    value = cell.strip(" \t*.")
    return value in _YES or _says_no(value) or _column_kind(value) is not None


def _says_no(value: str) -> bool:
    """A "Required?" column's no: "No", "Optional", "No, but helpful"."""
    return value in _NO or _NO_BUT.match(value) is not None


def _row_levels(
    low: str,
    cells: list[tuple[int, int]],
    own: list[int | None],
    columns: list[int | None] | None,
    out: list[tuple[int, int, bool]],
) -> None:
    """Append the levelled cells of one table row (see `table_levels`). `own`: what each cell says read as a
    header cell (`_column_kind`); `columns`: the kinds of its table's header cells, if any."""
    row: bool | None = None  # the row's own level, where a cell gives it
    for index, (a, b) in enumerate(cells):
        kind = None if columns is None else columns[index]
        value = low[a:b].strip(" \t*.")
        if kind == _QUALIFICATIONS and value in _YES:
            row = False
        elif kind == _QUALIFICATIONS and _says_no(value):
            row = True  # "Required? | No", "No, but helpful"
        elif kind is None and (index or columns is None) and len(value) <= 40 and own[index] is not None:
            row = own[index] == _PREFERRED  # "Rust | Nice to have", "Nice to have | Rust, Go"
    for index, (a, b) in enumerate(cells):
        kind = None if columns is None else columns[index]
        if row is not None:
            out.append((a, b, row or has_preferred_cue(low[a:b])))
        elif kind is not None:
            out.append((a, b, kind == _PREFERRED or has_preferred_cue(low[a:b])))


def _choice_cues(low: str) -> list[tuple[int, int]]:
    """The "cue" spans of `_CHOICE_CUE.finditer(low)`, the pattern tried only at the "(" before each "prefer"
    (sre would try it at every "(", reading up to 80 characters on from each). A match starts at a "(" and
    holds no other "(" or ")", so it starts at the last "(" before the "prefer" it holds, and matches never
    overlap: finditer yields the match at each "(" where there is one, in order."""
    openings = set()
    at = low.find("prefer")
    while at >= 0:
        opening = low.rfind("(", 0, at)
        if opening >= 0:
            openings.add(opening)
        at = low.find("prefer", at + 1)
    spans = []
    for opening in sorted(openings):
        choice = _CHOICE_CUE.match(low, opening)
        if choice is not None:
            spans.append(choice.span("cue"))
    return spans


def _choice_after_cues(low: str) -> list[tuple[int, int]]:
    """The "cue" spans of `_CHOICE_AFTER.finditer(low)`, the pattern tried only in the line's 110 characters before
    each "prefer" (every match ends at one, and starts at most 60 + 2 + 15 + 25 characters before it)."""
    spans = []
    at = low.find("prefer")
    while at >= 0:
        lo = max(low.rfind("\n", 0, at) + 1, at - 110)
        for choice in _CHOICE_AFTER.finditer(low, lo, at + 16):
            if choice.start("cue") == at:
                spans.append(choice.span("cue"))
                break
        at = low.find("prefer", at + 1)
    return spans


class RequirementLevels:
    """Per-text lookup of requirement levels; build once per text, query per mention."""

    __slots__ = (
        "text", "low", "_starts", "_preferred", "_cache", "_cues", "_labels", "_cue_marks", "cells", "_cell_starts"
    )

    def __init__(
        self,
        text: str,
        low: str | None = None,
        hints: list[int] | None = None,
        until: int | None = None,
        cue_marks: list[int] | None = None,
    ) -> None:
        """`hints`: the sorted offsets in `low` where a word of HEADING_HINTS may occur (the scanner's marks,
        a superset), or None to read every line. `until`: no offset after it is queried (headings below the
        line holding it are not read). `cue_marks`: the same for CUE_HINTS, or None (see `has_cue`)."""
        self.text = text
        self._cue_marks = cue_marks
        if low is None or len(low) != len(text):
            low = lower(text)
        low = fold(low)
        if "prefer" in low:
            # a choice's "preferred" is no cue (see _CHOICE_CUE, _CHOICE_AFTER): blanked, offsets kept (a span both
            # find is blanked twice, to the same effect)
            choices = _choice_cues(low) if "(" in low else []
            if "cloud" in low or " one" in low:
                choices += _choice_after_cues(low)
            for a, b in choices:
                low = low[:a] + " " * (b - a) + low[b:]
        self.low = low
        # cells whose level a table gives (see table_levels): they override section and cue
        self.cells = table_levels(low) if "|" in low else _NO_CELLS
        if "=" in low and (marked_lines := legend_levels(low)):
            self.cells = sorted(self.cells + marked_lines)
        self._cell_starts = [a for a, _, _ in self.cells]
        self._labels: dict[int, list[tuple[int, bool]]] = {}  # line start -> its inline labels (see has_cue)
        self._starts: list[int] = []
        self._preferred: list[bool] = []
        self._cache: dict[tuple[int, int], int] = {}
        self._cues: dict[tuple[int, int], list[tuple[int, int, int]]] = {}  # see has_cue
        stop = -1 if until is None else low.find("\n", until)
        if stop < 0:
            stop = len(low)
        offset = 0
        if hints is not None:
            # Only a preferred heading makes a line preferred: above the first one every line reads as
            # required, whichever headings it has. Every preferred heading holds a word of HEADING_HINTS, so
            # the first one is on a line with a hint; the headings are read from there on.
            offset = _first_preferred(low, hints, stop)
            if offset < 0:
                return
        # Headings are short lines: test each short, non-bullet line once instead of scanning for "^".
        heading = _heading_kind
        last = _OTHER
        for line in (low[offset:stop] if offset or stop < len(low) else low).split("\n"):
            size = len(line)
            if (  # _may_be_heading, written out
                size <= _MAX_HEADING
                and line[:2] not in _BULLETS
                and (line.count(" ") <= 7 or line.endswith(":") or _bracketed_heading(line))
                and (kind := heading(line)) is not None
            ):
                self._starts.append(offset)
                if kind == _FIT:  # preferred after the qualifications (or a preferred list), else the qualifications
                    self._preferred.append(last == _QUALIFICATIONS or last == _PREFERRED)
                else:
                    self._preferred.append(kind == _PREFERRED)
                    last = kind
            elif line.startswith("#") and line[1:2].isalnum() and line.count("#") >= 3:
                # a line of hashtags ("#hiring #python #machinelearning") closes the nice-to-haves
                self._starts.append(offset)
                self._preferred.append(False)
                last = _OTHER
            elif (
                0 < (colon := line.find(":", 0, _MAX_LABEL))
                and line[:2] not in _BULLETS
                and _ends_section(line, colon)
            ):
                # "Our stack: Kubernetes, Terraform, ..." after the nice-to-haves: a line opened by a label of
                # another section ends the preferred one, as its heading would
                self._starts.append(offset)
                self._preferred.append(False)
                last = _OTHER
            offset += size + 1

    def line(self, l_start: int, l_end: int) -> tuple[bool, bool]:
        """(under a preferred heading, may hold a cue) for the line text[l_start:l_end].

        Headings start lines, so the section is the same for every mention of a line; a line without a
        cue hint has no sentence with one (sentences never cross lines), so `level` is the section's.
        """
        at = bisect.bisect_right(self._starts, l_start) - 1
        return (at >= 0 and self._preferred[at]), _CUE_HINT.search(self.low, l_start, l_end) is not None

    def section_preferred(self, l_start: int) -> bool:
        """Whether the line starting at l_start lies under a preferred heading."""
        at = bisect.bisect_right(self._starts, l_start) - 1
        return at >= 0 and self._preferred[at]

    def cell_level(self, start: int) -> Requirement | None:
        """The level a table gives the mention at `start` (see `table_levels`), or None (not in such a cell)."""
        at = bisect.bisect_right(self._cell_starts, start) - 1
        if at < 0 or start >= self.cells[at][1]:
            return None
        return "preferred" if self.cells[at][2] else "required"

    def level(self, start: int, end: int, s_start: int, s_end: int) -> Requirement:
        """'preferred' or 'required' for the mention text[start:end] in sentence text[s_start:s_end]."""
        if self.cells and (cell := self.cell_level(start)) is not None:
            return cell
        at = bisect.bisect_right(self._starts, start) - 1
        if at >= 0 and self._preferred[at]:
            return "preferred"
        return "preferred" if self.has_cue(start, s_start, s_end) else "required"

    def has_cue(self, start: int, s_start: int, s_end: int) -> bool:
        """Whether a cue in the clause holding the mention at `start` (sentence text[s_start:s_end]) makes it
        preferred: `level` for a mention whose section is required."""
        if self._clause_cue(start, s_start, s_end):
            return True
        # "Audio signal processing is a big plus; so is CUDA": the clause takes the cue of the one before it
        if _SO_IS.match(self.low, s_start, s_end) is None:
            return False
        prev = self.low[max(0, s_start - 300) : s_start].rstrip()
        if not prev.endswith((";", ".", "!")):  # "...; so is CUDA", "... is even better. So is Terraform."
            return False
        cut = max(prev.rfind(".", 0, len(prev) - 1), prev.rfind("\n"), prev.rfind(";", 0, len(prev) - 1)) + 1
        return _cue_in(prev[cut:])

    def _clause_cue(self, start: int, s_start: int, s_end: int) -> bool:
        key = (s_start, s_end)
        state = self._cache.get(key)
        if state is None:
            seg = self.low[s_start:s_end]
            marks = self._cue_marks
            # No cue word (CUE_HINTS holds a substring of every _CUE match): no cue. The marks say where one may be,
            # and the words are tested only without them (a marked one is nearly always there: _cue_in decides).
            if marks is None:
                cue = any(hint in seg for hint in CUE_HINTS) and _cue_in(seg)  # _CUE_HINT, _CUE, faster
            elif not marked(marks, s_start, s_end):
                cue = False
            elif s_end - s_start <= _CUE_BEFORE_HINT + _CUE_AFTER_HINT:
                cue = _cue_in(seg)
            else:  # the phrase alternative read only around the marks (see _cue_span)
                pos, endpos = _cue_span(self.low, s_start, s_end, marks)
                cue = _cue_in(seg, pos - s_start, endpos - s_start)
            if not cue:
                state = 0  # no cue in the sentence
            else:
                # 1: the cue governs the whole sentence; +1: clauses matter; +2: "ideally" or "preferably",
                # which qualify only what follows them, or a bracket holding only a cue, which qualifies only
                # what precedes it, may be the cue
                state = 1 + (" but " in seg or " while " in seg or " whereas " in seg
                             or ("," in seg and _COMMA_OWN_CUE.search(seg) is not None))
                state += 2 * (any(word in seg for word in FORWARD_CUES)
                              or ("(" in seg and (_BARE_CUE.search(seg) is not None
                                                  or _OWN_CUE.search(seg) is not None)))
            self._cache[key] = state
        if state < 2:
            return state == 1 or self._labelled(start)
        lo, hi = s_start, s_end
        if state == 2 or state == 4:
            # "Python is required, but Spark is a plus": only the clause holding the mention counts.
            for match in _CLAUSE.finditer(self.low, s_start, s_end):
                if match.end() <= start:
                    lo = match.start()
                elif match.start() >= start:
                    if _NOT_REQUIRED_END.search(self.low, max(lo, match.start() - 30), match.start()):
                        continue  # "Kubernetes is not required but helpful": one clause, a nice-to-have
                    if _BUT_IT_HELPS.match(self.low, match.start()):
                        continue
                    hi = match.start()
                    break
        pos, endpos = _cue_span(self.low, lo, hi, self._cue_marks)  # the same matches (see there)
        if state == 2:
            return (
                pos < endpos and _cue_pattern(self.low, lo, hi).search(self.low, pos, endpos) is not None
            ) or self._labelled(start)
        # "3 years putting models into production, ideally in healthcare": the models are required;
        # "Spark, ideally PySpark": PySpark is preferred. The cues of a clause are read once for all its mentions.
        # "Azure (ideally Azure ML) or another major cloud": a forward cue in a bracket qualifies only the
        # bracket, so what follows the bracket is still asked for.
        # "Azure (preferred) or AWS/GCP": a bracket holding only the cue qualifies what comes before it, so the
        # options after it are still asked for.
        cues = self._cues.get((lo, hi))
        if cues is None:
            cues = self._cues[lo, hi] = []
            bracketed = self.low.find("(", lo, hi) >= 0
            bare = [b.span() for b in _BARE_CUE.finditer(self.low, lo, hi)] if bracketed else []
            own = [b.span() for b in _OWN_CUE.finditer(self.low, lo, hi)] if bracketed else []
            for m in _cue_pattern(self.low, lo, hi).finditer(self.low, pos, endpos):
                at = m.start()
                if m.group() in FORWARD_CUES:  # (at, _FORWARD, where its bracket closes, or -1)
                    cues.append((at, _FORWARD, self._bracket_end(at, lo, hi)))
                elif (inside := next(((a, b) for a, b in own if a < at < b), None)) is not None:
                    cues.append((inside[0], _INSIDE, inside[1]))  # (where its bracket opens, _INSIDE, closes)
                else:  # (at, _BACKWARD, where its cue-only bracket opens), else (at, _ANY, -1)
                    opened = next((a for a, b in bare if a < at < b), -1)
                    cues.append((at, _BACKWARD, opened) if opened >= 0 else (at, _ANY, -1))
        return any(
            kind == _ANY
            or (kind == _FORWARD and at < start and not 0 <= edge < start)
            or (kind == _BACKWARD and start < edge)
            or (kind == _INSIDE and at < start < edge)
            for at, kind, edge in cues
        ) or self._labelled(start)

    def _bracket_end(self, at: int, lo: int, hi: int) -> int:
        """The offset of the ")" closing a bracket open at `at` (within text[lo:hi]), else -1."""
        low = self.low
        opened = low.rfind("(", lo, at)
        if opened < 0 or low.find(")", opened, at) >= 0:
            return -1
        return low.find(")", at, hi)

    def _labelled(self, start: int) -> bool:
        """Whether the mention at `start` follows, in its line and sentence, an inline preferred label with no
        other label between ("Good to have: a background in psychometrics; you've mentored other engineers")."""
        low = self.low
        l_start = low.rfind("\n", 0, start) + 1
        labels = self._labels.get(l_start)
        if labels is None:
            l_end = low.find("\n", start)
            line = low[l_start : l_end if l_end >= 0 else len(low)]
            labels = self._labels[l_start] = []
            colon = line.find(":")
            while colon >= 0:
                # the words before the ":", from the line's start or the last sentence, clause or cell end
                lo = max(line.rfind(".", 0, colon), line.rfind(";", 0, colon), line.rfind("!", 0, colon),
                         line.rfind("?", 0, colon), line.rfind("|", 0, colon)) + 1
                label = line[lo:colon].strip(_LABEL_EDGES)  # bullets, spaces and "**" bold marks
                if label and len(label) <= 60 and (match := _INLINE_LABEL.fullmatch(label)) is not None:
                    labels.append((l_start + colon + 1, match.group("pref") is not None))
                colon = line.find(":", colon + 1)
        last = None
        for end, preferred in labels:
            if end > start:
                break
            last = (end, preferred)
        return last is not None and last[1] and _SENTENCE_END.search(low, last[0], start) is None


# A keyword tag line ("Key Skills: Machine Learning, Python, GenAI, LLM", "Keywords: ...", "Tags: ...") repeats
# skills the posting has already given a level: it decides none of its own (annotators of set 21: 4 of 4 skills
# named on one and, elsewhere, only as nice to have were preferred).
_TAG_LINE = _fx(
    r"(?m)^[ \t]*(?:[^\w\n]{1,3}[ \t]*)?(?:key[ \t]*skills?|key[ \t]*words?|keywords|skill[ \t]+tags|tags|hashtags)"
    r"[ \t]*[:|\u2013-][^\n]*"
)
TAG_HINTS = ("key skill", "keyword", "key word", "tags")  # one is in every _TAG_LINE match
_Row = tuple[str, str, str, str, int, int, str]  # matcher.MentionRow


def defer_tag_lines(low: str, rows: list[_Row]) -> list[_Row]:
    """`rows` (Mention rows, by offset) with each mention on a keyword tag line given the level of the same
    skill's mentions elsewhere: preferred where all of those are preferred; unchanged where there are none.
    Callers skip it for texts that hold none of TAG_HINTS (the scanner marks them)."""
    if not rows:
        return rows
    spans = [(m.start(), m.end()) for m in _TAG_LINE.finditer(low)]
    if not spans:
        return rows
    starts = [a for a, _ in spans]

    def on_tag_line(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and at < spans[i][1]

    tagged = [on_tag_line(row[4]) for row in rows]
    if not any(tagged):
        return rows
    elsewhere: dict[str, bool] = {}  # skill id -> some mention off the tag lines is required
    for row, on in zip(rows, tagged, strict=True):
        if not on:
            elsewhere[row[0]] = elsewhere.get(row[0], False) or row[3] == "required"
    return [
        row[:3] + ("preferred",) + row[4:] if on and row[3] == "required" and elsewhere.get(row[0]) is False else row
        for row, on in zip(rows, tagged, strict=True)
    ]
