"""Degree and years of experience written in German, Spanish, French, Portuguese, Italian, Dutch or Polish.

European and Latin American boards carry postings in their own language with English tech terms
("Abgeschlossenes Masterstudium in Informatik", "Entre 2 y 4 años de experiencia", "Bac+5 en informatique",
"3 anos de experiência"). `skilltrends.extract.requirements` reads English; it asks this module only for
what it found nothing for (a degree level, its fields, the years), and only when the text holds one of
HINTS — most postings hold none, and the English reader stays the only one run on them.

Levels follow the guideline (tests/data/labelled/README.md): a generic university degree ("Studium",
"Grado", "Licenciatura", "Laurea", "Título universitario") is a bachelor's; "Master", "Máster", "Mestrado",
"Diplom", "Bac+5", a "diplôme/école d'ingénieur" a master's; "Promotion", "Doctorado", "Doutorado",
"Doctorat", "Dottorato" a PhD. A line under a preferred heading or with a preferred cue, in English or in
these languages ("wünschenswert", "deseable", "se valorará", "un plus", "diferencial", "gradito"), asks for
nothing.
"""

from __future__ import annotations

import re

from skilltrends.extract.rules import lower
from skilltrends.extract.sections import FORWARD_CUES, RequirementLevels, has_preferred_cue
from skilltrends.models import Degree

__all__ = ["HINTS", "may_apply", "foreign_requirements"]

# Words one of which a text this module can read holds (lower-cased; a leading space stands for a word start,
# as in the matcher's marks). A superset test: the detailed patterns decide.
HINTS = (
    "erfahrung", "studium", "abschluss", "informatik", "mathematik", " jahre", "experiencia", "licenciatura",
    "universitari", " grado ", " a\u00f1os", "anos de", " ans d", " ans ", "mestrado", "bacharel", "laurea", "anni di",
    "informatique", "informatica", "matem", "experi\u00eancia", "exp\u00e9rience", "gradua\u00e7\u00e3o",
    "computa\u00e7\u00e3o", "baccalaur\u00e9at", "t\u00edtulo", "inform\u00e1tica", "erfarenhet", "erfaring",
    # Dutch and Polish
    "ervaring", "opleiding", " jaar", " hbo", " wo-", "wykszta\u0142cenie", "studia", "do\u015bwiadczeni", " lat ",
    " lata", "informatyk",
)
_HINT = re.compile("|".join(re.escape(h) for h in HINTS))


def may_apply(low: str) -> bool:
    """Whether `low` (a text, lower-cased) may hold a degree or years this module reads."""
    return _HINT.search(low) is not None


_DEGREE = re.compile(
    r"(?<!\w)(?:"
    r"(?P<phd>promotion(?=\s+(?:in|im|oder)\b|\s*[(/])|abgeschlossene\s+promotion|doktorat|doctorado|doutorado|"
    r"doctorat|dottorato|phd|ph\.\s?d|stopie\u0144\s+doktora)|"
    r"(?P<master>master(?:studium|abschluss|studiengang)?|m\u00e1ster|mestrado|laurea\s+magistrale|magisterskie|"
    r"diplom(?:-ingenieur|studium|abschluss)?(?![\w\u00e9\u00f4])|dipl\.-ing\.?|"
    r"dipl\u00f4me\s+d['\u2019]ing\u00e9nieur|\u00e9cole\s+d['\u2019]ing\u00e9nieur|bac\s*\+\s*5|magister|"
    r"m\.?sc\.?(?!\w))|"
    r"(?P<bachelor>bachelor(?:studium|abschluss|studiengang)?|grado(?=\s+(?:en|o|universitario|y)\b|\s*/)|"
    r"licenciatura|licence(?=\s+(?:en|ou|pro)\b|\s*[(/])|t\u00edtulo\s+(?:universitario|de\s+grado|de\s+ingenier\w*|en\b)|"
    r"baccalaur\u00e9at(?=\s+(?:en|dans|sp\u00e9cialis\w*)\b)|titulaci\u00f3n\s+universitaria|carrera\s+universitaria|gradua\u00e7\u00e3o|bacharelado|"
    r"(?:forma\u00e7\u00e3o|ensino)\s+superior|laurea(?:\s+triennale)?|hochschulabschluss|hochschulstudium|"
    r"(?:abgeschlossene[sn]?\s+)(?:[\w-]+\s+)?(?:studium|hochschulstudium)|studium(?=\s+(?:der|in|im|als|"
    r"oder)\b)|dipl\u00f4me\s+(?:universitaire|de\s+niveau\s+bac)|bac\s*\+\s*[34]|b\.?sc\.?(?!\w)|"
    # Dutch "hbo- of wo-opleiding", "wo-niveau", "hbo/wo werk- en denkniveau"; Polish "wykształcenie wyższe",
    # "studia wyższe", "licencjat", "inżynier"
    r"(?:hbo|wo)(?:[- ]*(?:of|/|en)[- ]*(?:hbo|wo))?[- ]+(?:opleiding|niveau|diploma|bachelor|(?:werk-\s+en\s+)?"
    r"denkniveau)|afgeronde\s+(?:studie|opleiding)|wykszta\u0142cenie\s+wy\u017csze|studia\s+wy\u017csze|"
    r"licencjat\w*|in\u017cynier(?:skie|a)?(?=\s+(?:w|z|lub|albo)\b|\s*[(/,]))"
    r")"
)
# A generic university degree (a bachelor's unless the line names the level): "Studium", "Hochschulabschluss",
# "Título universitario", "Formação superior".
_GENERIC = re.compile(
    r"\A(?:abgeschlossene[sn]?\s+(?:[\w-]+\s+)?)?(?:hochschul)?studium\Z|hochschulabschluss|universitari|superior|"
    r"\Acarrera|\At\u00edtulo\s+en\Z|wy\u017csze|\A(?:hbo|wo)\b|afgeronde"
)
_FIELDS = (
    ("computer_science", r"wirtschaftsinformatik|informatik|inform\u00e1tica|informatique|informatica|"
     r"ciencias?\s+de\s+(?:la\s+)?computaci\u00f3n|ci\u00eancias?\s+da\s+computa\u00e7\u00e3o|computa\u00e7\u00e3o|"
     r"ing\.?\s+en\s+sistemas|ingenier\u00eda\s+(?:en\s+|de\s+)?sistemas|sistemas\s+de\s+informa\u00e7\u00e3o|"
     r"g\u00e9nie\s+logiciel|computer\s+science|informatyk[ai]|informatyce"),
    ("data_science", r"ciencias?\s+de\s+(?:los\s+)?datos|ci\u00eancia\s+de\s+dados|science\s+des\s+donn\u00e9es|"
     r"data\s+science"),
    ("mathematics", r"mathematik|matem\u00e1ticas?|math\u00e9matiques|matematica|mathematics|wiskunde|matematyk[ai]|"
     r"matematyce"),
    ("statistics", r"statistik|estad\u00edstica|estat\u00edstica|statistiques?|statistica|statistics|statistiek|"
     r"statystyk[ai]|statystyce"),
    ("electrical_engineering", r"elektrotechnik|ingenier\u00eda\s+(?:el\u00e9ctrica|electr\u00f3nica)|"
     r"engenharia\s+(?:el\u00e9trica|eletr\u00f4nica)|g\u00e9nie\s+\u00e9lectrique|\u00e9lectronique|"
     r"ingegneria\s+elettronica|electrical\s+engineering|elektrotechniek|elektrotechnika|elektronika"),
    ("physics", r"physik|f\u00edsica|physique|fisica|physics|natuurkunde|fizyk[ai]|fizyce"),
    # a bare "Engenharia" / "Ingeniería" / "Ingenieurwesen" (the named branches are read above or are engineering)
    ("engineering", r"engenharia(?!\s+(?:el\u00e9trica|eletr\u00f4nica|de\s+software|de\s+computa|da\s+computa))|"
     r"ingenier\u00eda(?!\s+(?:el\u00e9ctrica|electr\u00f3nica|inform\u00e1tica|de\s+software|(?:en\s+|de\s+)?sistemas))|"
     r"ingenieurwesen|ingegneria(?!\s+(?:elettronica|informatica))|"
     # the English word after a foreign degree: "Licenciatura in Computer Science, Mathematics or Engineering"
     r"(?<!electrical\s)engineering"),
    ("economics", r"wirtschaftswissenschaft\w*|volkswirtschaft\w*|econom\u00eda|economia|\u00e9conomie|economics|"
     r"econometrie|economie|ekonometri[ai]|ekonomi[ai]"),
    # not the English words ("similar", "equivalent"): the English reader has read those
    ("related_field", r"vergleichbar\w*|verwandt\w*|\u00e4hnlich\w*|(?<=\so\s)similar|similares|afines|afins|"
     r"af\u00edn|afim|"
     r"(?:\u00e1reas?|campos?)\s+relacionad[ao]s|"
     r"equivalentes?|\u00e9quivalent\w*|similaire\w*|connexes?|correlat[ao]s?|affini|"
     r"vergelijkbare|verwante|pokrewn\w*|podobn\w*"),
)
_FIELD_RES = tuple((name, re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)")) for name, pattern in _FIELDS)
_EQUIVALENT = re.compile(
    r"experiencia\s+equivalente|exp\u00e9rience\s+\u00e9quivalente|experi\u00eancia\s+equivalente|"
    r"(?:vergleichbare|gleichwertige)\s+(?:berufs)?erfahrung|esperienza\s+equivalente"
)
# Number words before a unit of years: "Mindestens drei Jahre", "dos años", "trois ans", "tre anni", "três anos",
# "twee jaar", "trzy lata" (1 to 10)
_NUMBER_WORDS = {
    **dict.fromkeys(("ein", "einen", "eines", "un", "uno", "una", "um", "een", "jeden"), 1),
    **dict.fromkeys(("zwei", "dos", "deux", "due", "dois", "twee", "dwa", "dw\u00f3ch"), 2),
    **dict.fromkeys(("drei", "tres", "trois", "tre", "tr\u00eas", "drie", "trzy"), 3),
    **dict.fromkeys(("vier", "cuatro", "quatre", "quattro", "quatro", "cztery"), 4),
    **dict.fromkeys(("f\u00fcnf", "cinco", "cinq", "cinque", "vijf", "pi\u0119\u0107"), 5),
    **dict.fromkeys(("sechs", "seis", "six", "sei", "zes", "sze\u015b\u0107"), 6),
    **dict.fromkeys(("sieben", "siete", "sept", "sette", "sete", "zeven"), 7),
    **dict.fromkeys(("acht", "ocho", "huit", "otto", "oito"), 8),
    **dict.fromkeys(("neun", "nueve", "neuf", "nove", "negen"), 9),
    **dict.fromkeys(("zehn", "diez", "dix", "dieci", "dez", "tien"), 10),
}
_NUMBER = r"\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_COUNT = re.compile(r"\d|(?<!\w)(?:" + "|".join(_NUMBER_WORDS) + r")\s+\w")
_YEARS = re.compile(
    r"(?<![\w.,])(?P<lead>(?:mindestens|mind\.|wenigstens|al\s+menos|como\s+m\u00ednimo|m\u00ednimo(?:\s+de)?|"
    r"au\s+moins|minimum(?:\s+de)?|pelo\s+menos|no\s+m\u00ednimo|almeno|mehr\s+als|m\u00e1s\s+de|plus\s+de|"
    r"mais\s+de|pi\u00f9\s+di|minst|mindst|minimaal|ten\s+minste|min\.|co\s+najmniej)\s+)?"
    r"(?:entre\s+|zwischen\s+|de\s+|od\s+)?(?P<lo>" + _NUMBER + r")\s*\+?\s*"
    r"(?:(?:-|\u2013|bis|a|\u00e0|y|e|et|und|to|tot|do)\s*(?P<hi>" + _NUMBER + r")\s*\+?\s*)?"
    r"(?P<unit>jahren?|a\u00f1os?|anos?|ans|ann\u00e9es?|anni|anno|\u00e5rs?|jaar|lata|lat|rok|roku)(?!\w)"
)
_EXPERIENCE = re.compile(
    r"erfahrung|experiencia|exp\u00e9rience|experi\u00eancia|esperienza|\bexp\b|erfarenhet|erfaring|ervaring|"
    r"do\u015bwiadczeni\w*"
)
_NOT_EXPERIENCE_BEFORE = re.compile(r"(?:seit|hace|depuis|h\u00e1|desde|da|f\u00fcr\s+die\s+n\u00e4chsten)\s+$")
# Cues that qualify only what follows them: the tagger's (`skilltrends.extract.sections.FORWARD_CUES`), and
# forms of these languages that are no skill cue there
_FORWARD_CUE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted(FORWARD_CUES))
    + r"|vorzugsweise|preferentemente|preferencialmente|de\s+preferencia|de\s+prefer\u00eancia|"
    r"de\s+pr\u00e9f\u00e9rence)"
    r"(?!\w)"
)


def _count(number: str) -> float:
    """"3" -> 3.0, "drei" -> 3.0 (see _NUMBER_WORDS)."""
    return float(_NUMBER_WORDS.get(number) or number)


def foreign_requirements(text: str) -> tuple[Degree, tuple[float | None, float | None]]:
    """The degree and the years (min, max) `text` states in the languages above, from the lines that are
    not preferred; Degree(None, (), ...) and (None, None) where it states none."""
    low = lower(text)  # the patterns are lower-case, without IGNORECASE: several times faster
    levels = RequirementLevels(text, low)
    required: set[str] = set()
    fields: list[str] = []
    equivalent = False
    years: list[tuple[float, float | None]] = []
    start = 0
    for line in low.split("\n"):
        line_start, start = start, start + len(line) + 1
        if not line.strip() or levels.section_preferred(line_start):
            continue
        if has_preferred_cue(line):
            # "4+ años de experiencia en ML, idealmente en búsqueda": a forward cue qualifies only what follows
            forward = _FORWARD_CUE.search(line)
            if forward is None or has_preferred_cue(line[: forward.start()]):
                continue
            line = line[: forward.start()]
        hits = list(_DEGREE.finditer(line))
        if hits:
            named = [h for h in hits if not _GENERIC.search(h.group())]
            # "Studium der Informatik (Master oder Diplom)": the named degree says which the generic one is
            for hit in named or hits:
                required.add(next(name for name in ("phd", "master", "bachelor") if hit.group(name)))
            window = line[hits[0].start() : hits[-1].end() + 160]
            stop = _YEARS.search(window)
            window = window[: stop.start()] if stop else window
            fields += [name for name, pattern in _FIELD_RES if pattern.search(window) and name not in fields]
            equivalent = equivalent or _EQUIVALENT.search(line) is not None
        for match in _YEARS.finditer(line) if _COUNT.search(line) else ():
            before, after = line[max(0, match.start() - 40) : match.start()], line[match.end() : match.end() + 50]
            if _NOT_EXPERIENCE_BEFORE.search(before):
                continue
            if not (_EXPERIENCE.search(after) or _EXPERIENCE.search(before)):
                continue
            hi = match.group("hi")
            years.append((_count(match.group("lo")), _count(hi) if hi else None))
    min_level = min(required, key=("bachelor", "master", "phd").index) if required else None
    picked = max(years, key=lambda y: y[0]) if years else (None, None)
    return Degree(min_level=min_level, fields=tuple(fields), equivalent_experience_ok=equivalent), picked
