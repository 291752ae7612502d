"""Pay ranges from free text: "$180k–$240k", "USD 150,000 - 190,000 per year", "€4.500 per month".

Decisions (tested in tests/extract/test_requirements.py):

- A single figure is a point range, ``min == max``; "from £70,000" / "$200k+" give ``max=None``;
  "up to $200k" gives ``min=None``.
- Several pay ranges in one text (location tiers) collapse into one envelope: the lowest minimum and the
  highest maximum of the ranges that share the first range's currency and period.
- Money that is not pay is skipped by the words attached to it: "$50M Series B", "raised $100 million",
  "$2,000 learning budget", "401(k) match up to $5,000", "$500 home office stipend", "$10k signing bonus".
- With no period word, amounts under 1,000 are hourly and the rest yearly.
- ``find_salary`` needs a currency mark ($, £, €, USD, ...); ``parse_salary`` (short, already-pay strings
  such as an HN first-line field or a structured label) also accepts bare "150k-200k", with currency None.

Every pattern is linear: no nested quantifiers, so 1 MB of hostile text parses in well under a second.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from skilltrends.models import Salary

__all__ = ["find_salary", "parse_salary", "find_salaries"]

# Longest spellings first: the alternation is tried left to right.
_CURRENCY_MARKS = {
    "US$": "USD", "USD": "USD", "CA$": "CAD", "C$": "CAD", "CAD": "CAD", "AU$": "AUD", "A$": "AUD",
    "AUD": "AUD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "HK$": "HKD", "HKD": "HKD",
    "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "CHF": "CHF", "₹": "INR", "INR": "INR",
    "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN", "zł": "PLN", "JPY": "JPY", "¥": "JPY",
    "R$": "BRL", "BRL": "BRL",
    # Currencies of postings from every region; "$" spelled with a country ("MX$", "NT$") is that country's
    "MX$": "MXN", "Mex$": "MXN", "MXN": "MXN", "AR$": "ARS", "ARS": "ARS", "COL$": "COP", "COP": "COP",
    # (no codes that are common words or a language: TRY, PEN, PHP, ISK; their symbols stand in where there are)
    "CLP": "CLP", "NT$": "TWD", "TWD": "TWD", "₩": "KRW", "KRW": "KRW", "₱": "PHP",
    "₫": "VND", "VND": "VND", "Rp": "IDR", "IDR": "IDR", "RM": "MYR", "MYR": "MYR", "฿": "THB", "THB": "THB",
    "CN¥": "CNY", "CNY": "CNY", "₦": "NGN", "NGN": "NGN", "KSh": "KES", "KES": "KES",
    "ZAR": "ZAR", "EGP": "EGP", "AED": "AED", "SAR": "SAR", "QAR": "QAR", "₪": "ILS", "ILS": "ILS",
    "₺": "TRY", "₴": "UAH", "UAH": "UAH", "RON": "RON", "RSD": "RSD", "CZK": "CZK", "Kč": "CZK",
    "HUF": "HUF", "BGN": "BGN", "PKR": "PKR", "BDT": "BDT", "LKR": "LKR",
    "LPA": "INR",  # "CTC: 35-50 LPA" (lakh per annum) names Indian pay without ₹
    "$": "USD",
}
# A cheap necessary condition for a currency mark, tested before the costly _PAY_RE scan (speed only).
# sre scans an IGNORECASE alternation at ~100 ns a character; `in` and str.find cost ~1 ns.
_SYMBOLS = sorted({ch for mark in _CURRENCY_MARKS if not mark.isalpha() for ch in mark if not ch.isalpha()})
_CODES = sorted({mark.lower() for mark in _CURRENCY_MARKS if mark.isalpha()})
_DIGIT_AFTER = re.compile(r"\s?\d")
# IGNORECASE matches "ı" for "i" and "ſ" for "s", which lower() keeps; "İ" lower-cases to two characters.
_UNFOLDED = ("ı", "ſ", "İ")


def _may_name_currency(text: str, digits: list[int] | None) -> bool:
    """False only when no currency mark _PAY_RE could capture occurs: a symbol, or a code next to an amount.
    `digits`: `_digit_positions(text)`.

    A captured code touches its amount: before it, followed by at most one space and the first digit of a
    run of digits (a code or a space precedes that digit); or after it, at most 10 characters after the
    run's last digit (one space, a multiplier of up to 8 letters such as "thousand", one space). So it lies
    within 4 characters before a run of digits to 13 after it."""
    if any(ch in text for ch in _SYMBOLS) or any(ch in text for ch in _UNFOLDED):
        return True
    if digits is None:
        return _may_name_code(text.lower())
    near = _near(text, digits, before=4 + 7, after=13).lower()  # + a lead word touching the code ("between")
    return any(code in near for code in _CODES) and _CODE_AT_WORD_START.search(near) is not None


# A code where `_code_may_start` holds, as a pattern over the joined windows of `_near`
_LEAD_ENDS = ("from", "at", "to", "between", "min", "max", "imum")
_CODE_AT_WORD_START = re.compile(
    r"(?:(?<![a-z])" + "".join(f"|(?<={lead})" for lead in _LEAD_ENDS) + r")(?:"
    + "|".join(map(re.escape, sorted(_CODES, key=len, reverse=True))) + ")"
)


# The currency codes but "zł", as the matcher's Hyperscan pass marks them (letters only: exactly where they
# occur in the lower-cased text).
MARKS = {"pay codes": tuple(code for code in _CODES if code.isascii())}


def _code_may_start(low: str, at: int) -> bool:
    """Whether a currency code found at `at` can be captured there: where a word starts ("rm 8,000", not the
    "rm" of "perform 3 tasks"), or right after a lead word _PAY_LEAD lets touch it ("fromUSD150")."""
    return at == 0 or not _is_ascii_letter(low[at - 1]) or low.endswith(_LEAD_ENDS, 0, at)


def _find_all(low: str, mark: str) -> list[int]:
    """Every offset of `mark` in `low`, overlaps included."""
    found: list[int] = []
    if mark in low:  # most marks are not there: `in` costs less than a find call
        at = low.find(mark)
        while at >= 0:
            found.append(at)
            at = low.find(mark, at + 1)
    return found


def _may_name_code(low: str) -> bool:
    """A code followed by a number (before-amount mark) or standing apart from letters (after-amount)."""
    for code in _CODES:
        at = low.find(code)
        while at >= 0:
            end = at + len(code)
            if _code_may_start(low, at) and (
                _DIGIT_AFTER.match(low, end) or end == len(low) or not _is_ascii_letter(low[end])
            ):
                return True
            at = low.find(code, at + 1)
    return False


_ASCII = bytes(range(128))


def _has_other_digit(text: str) -> bool:
    """Whether `text` holds a decimal digit that is not ASCII (see _digit_positions)."""
    if text.isascii():
        return False
    others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass")
    return any(ch.isdecimal() for ch in others)


def _digit_positions(text: str) -> list[int] | None:
    """Where `text` holds a decimal digit (what \\d matches: str.isdecimal, checked over all of Unicode), in
    order; None when one is not ASCII. str.find looks for one character at ~1 ns a character or less, sre
    scans for \\d at ~10 ns. Encoding to UTF-8 and deleting the ASCII bytes leaves the other characters."""
    if _has_other_digit(text):
        return None
    found: list[int] = []
    for digit in "0123456789":
        at = text.find(digit)
        while at >= 0:
            found.append(at)
            at = text.find(digit, at + 1)
    found.sort()
    return found


def _near(text: str, positions: list[int], *, before: int, after: int) -> str:
    """The stretches of `text` from `before` characters ahead of each position through `after` past it,
    overlapping ones merged, joined by "|"."""
    spans: list[list[int]] = []
    for at in positions:
        if spans and at - before <= spans[-1][1]:
            spans[-1][1] = at + after + 1
        else:
            spans.append([max(0, at - before), at + after + 1])
    return "|".join(text[start:end] for start, end in spans)


def _is_ascii_letter(ch: str) -> bool:
    return "a" <= ch <= "z"  # after lower(); [A-Za-z] with IGNORECASE also folds the Kelvin sign to k

_Trie = dict[str, "_Trie"]


def _trie_alternation(words: list[str]) -> str:
    """An alternation of `words` as a prefix tree ("u(?:s\\$|sd)|c(?:a\\$|ad|\\$)..."), longest first at each
    branch, lower-cased (patterns using it are IGNORECASE): `re` tries one branch per first character instead
    of every word at every position, which keeps the pay scan as fast with 90 currency marks as with 30."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        ends = "" in node
        branches = sorted((k for k in node if k), key=lambda k: -_depth(node[k]))
        alts = [re.escape(k) + emit(node[k]) for k in branches]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)


def _depth(node: _Trie) -> int:
    return max((1 + _depth(child) for key, child in node.items() if key), default=0)


_CUR = _trie_alternation(list(_CURRENCY_MARKS))
# 25,00,000 (lakh) | 180,000 | 180.000 | 180 000 | 120'000 | 95.50 | 4,5 | 180
_NUM = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"
    r"|\d{1,3}(?:[,.'’\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?(?!\d)"
    r"|\d+(?:[.,]\d+)?"
)
# Indian figures: "₹35–50 LPA" (lakh per annum), "₹18 lakh", "₹1.2 crore"
# and "₹40L–₹60L" (an L right after the figure: lakh; either case, so that the lower-cased patterns match alike)
_MULT = r"[kKmM]\b|mil(?:lion)?\b|bn\b|billion\b|thousand\b|lpa\b|lakhs?\b|lacs?\b|crores?\b|cr\b|(?<=\d)l\b"
_AMOUNT = (
    rf"(?P<@cur1>{_CUR})?\s?(?P<@num>{_NUM})\s?(?P<@mult>{_MULT})?"
    rf"(?:\s?(?P<@cur2>(?:(?<=[kKmM])|(?<![A-Za-z]))(?:{_CUR})(?![A-Za-z])))?"
)
_SEP = r"\s*(?:-|–|—|to|and|~)\s*"
_PAY_LEAD = r"(?<![\w.,$£€])(?:(?P<lead>from|starting at|starts at|up to|upto|between|min(?:imum)?|max(?:imum)?)\s*)?"
_PAY_RE = re.compile(
    _PAY_LEAD + _AMOUNT.replace("@", "a") + rf"(?:{_SEP}" + _AMOUNT.replace("@", "b") + r")?(?P<plus>\+)?",
    re.IGNORECASE,
)
# _PAY_RE up to the first digit of its first amount (every _NUM alternative starts with \d).
_PAY_START = re.compile(_PAY_LEAD + rf"(?:{_CUR})?\s?\d", re.IGNORECASE)
_PERIODS = (
    ("hour", r"hour(?:ly)?|hr|h\b"),
    ("day", r"day|daily|diem"),
    ("week", r"week(?:ly)?|wk"),
    ("month", r"month(?:ly)?|mo\b|mth|pcm|mensual(?:es)?|mensais|mensal|mes\b|mois\b|mensuel(?:le)?s?|monat\w*|"
              r"miesi[eę]cznie|mies\b|bulan|th[aá]ng|buwan"),
    ("year", r"year(?:ly)?|yr|annum|annual(?:ly)?|p\.?a\.?(?!\w)|y\b|anual(?:es)?|a[nñ]o\b|ano\b|jahr\w*|j[aä]hrlich|"
             r"annuel(?:le)?s?|ann\u00e9e|an\b|rocznie|tahun|n[aă]m\b"),
)
_PERIOD_RE = re.compile(
    r"\A\s*(?:(?:gross|brutos?|brutas?|brut|brutto|bruto|net|netto|netos?)\s+)?"
    r"(?:\((?:b2b|uop|contract|employment|gross|net|before\s+tax|pre-tax)\)\s*)?"  # "netto (B2B) / month"
    r"(?:(?:/|per|pro|par|por|al|ao|an?|each|a\s+|p\.?\s?)\s*)?(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PERIODS)
    + ")",
    re.IGNORECASE,
)
_BARE_PERIOD_RE = re.compile(
    r"\b(?:(?P<hour>hourly|per hour|an hour|/hr)|(?P<day>day rate|daily rate|per day)|"
    r"(?P<week>per week|weekly)"
    r"|(?P<month>per month|monthly|a month|mensual(?:es)?|mensal|al mes|por mes|monatlich|mensuel(?:le)?)"
    r"|(?P<year>per year|annual|annually|a year|per annum|anual|al año|por año|jährlich|"
    r"yearly|salary))\b",
    re.IGNORECASE,
)
# Words that make money something other than pay when they lead up to it or hang off it.
_NOT_PAY = re.compile(
    r"\b(?:rais(?:e|ed|ing)|fund(?:ing|ed|s)?|series\s+[a-f]|seed|valuation|valued|revenue|arr|budget|"
    r"stipend|allowance|bonus(?:es)?|401\s?\(?k|match(?:ing|ed)?|reimburse\w*|equity|grants?|invest\w*|"
    r"backed|spend(?:ing)?|credits?|relocation|sign[- ]?on|signing|referral|gift|prize|award|perks?|"
    r"gmv|round|capital|donat\w*|profit\w*|per employee|home office|coworking|commuter|vouchers?|coupons?|"
    r"discounts?)\b",
    re.IGNORECASE,
)
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|paid|compensation|comp|base|range|ote|rate|wage|wages|earn|tc|band|"
    r"hourly|annual(?:ly)?|per\s+(?:year|hour|annum|month)|gross|net|package)\b",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[.;:!?\n|•+(]\s|[+|•(\n]|\b(?:plus|and|with)\b", re.IGNORECASE)


class _Patterns(NamedTuple):
    """The IGNORECASE patterns, compiled for one kind of input (see _AS_WRITTEN and _LOWERED)."""

    pay: re.Pattern[str]
    pay_start: re.Pattern[str]
    period: re.Pattern[str]
    bare_period: re.Pattern[str]
    not_pay: re.Pattern[str]
    pay_words: re.Pattern[str]
    clause_stop: re.Pattern[str]


def _case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` without IGNORECASE and with its letters lower-cased (not escapes such as \\A, nor group
    names after "?"), for lower-cased text."""
    source = re.sub(r"(?<![\\?])[A-Z]", lambda m: m.group().lower(), pattern.pattern)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


# Any text as written.
_AS_WRITTEN = _Patterns(_PAY_RE, _PAY_START, _PERIOD_RE, _BARE_PERIOD_RE, _NOT_PAY, _PAY_WORDS, _CLAUSE_STOP)
# text.lower() of a text without _UNFOLDED: for every other character c (checked over all of Unicode, see
# skilltrends.extract.requirements), len(c.lower()) == 1, c.lower() is a word character, digit or space
# exactly when c is, and an IGNORECASE pattern matches c exactly when the same pattern lower-cased and
# without IGNORECASE matches c.lower() (the marks here: £ € ₹ ¥ zł, dashes, quotes and spaces, fold to
# themselves). So the same spans come out, two to four times faster. Groups then hold lower-cased text,
# which every reader of them lower-cases or looks up case-insensitively (_currency).
_LOWERED = _Patterns(*map(_case_sensitive, _AS_WRITTEN))


def find_salary(
    text: str, low: str | None = None, marks: dict[str, list[int]] | None = None
) -> Salary | None:
    """The pay range stated in a posting's text, or None (see the module docstring for the rules).
    `low`: `text.lower()` when the caller has it (read instead of the text when that gives the same).
    `marks`: where the words of MARKS occur in `low`, from the matcher's Hyperscan pass (None: search)."""
    hits = find_salaries(text, low, marks)
    if not hits:
        return None
    first = hits[0]
    same = [h for h in hits if (h.currency, h.period) == (first.currency, first.period)]
    mins = [h.min for h in same if h.min is not None]
    maxes = [h.max for h in same if h.max is not None]
    if maxes and any(h.max is None and h.min is not None and h.min >= max(maxes) for h in same):
        # a floor above every stated ceiling ("a minimum of DKK 300,174"): the envelope has none either;
        # "from $136,000 in our lowest market up to $260,000 in our highest" keeps its ceiling
        maxes = []
    return Salary(min(mins) if mins else None, max(maxes) if maxes else None, first.currency, first.period)


def find_salaries(
    text: str, low: str | None = None, marks: dict[str, list[int]] | None = None
) -> list[Salary]:
    """Every pay range in `text`, in order; money that is not pay is left out. `low`, `marks`: see
    find_salary."""
    out: list[Salary] = []
    matches: Iterable[re.Match[str]]
    if low is not None and (len(low) != len(text) or any(ch in text for ch in _UNFOLDED)):
        low = None  # read the text as written
    if low is not None and marks is not None:
        # The same spans (see _LOWERED); only the matches around currency marks are looked for, since every
        # range kept below names a currency. (Without marks, finding the codes in the whole text costs more.)
        text, p = low, _LOWERED
        marks_at = _currency_marks_at(text, marks)
        if not marks_at:
            return out
        matches = _matches_around(text, marks_at)
    else:
        digits = _digit_positions(text)
        if not _may_name_currency(text, digits):
            return out  # every range kept below names a currency: skip the costly scan when none occurs
        p = _AS_WRITTEN
        if low is not None:
            text, p = low, _LOWERED  # the same spans (see _LOWERED); digits stay where they were
        matches = _pay_matches(text, digits, p)
    for match in matches:
        if not any(match.group("acur1", "acur2", "bcur1", "bcur2")) and (
            (match.group("bmult") or match.group("amult") or "").lower() != "lpa"
        ):
            continue  # a figure without a currency is not pay, but "35-50 LPA" names rupees
        if _is_not_pay(text, match, p):
            continue
        salary = _salary_from_match(match, text[match.end():match.end() + 40], text=text, p=p)
        if salary is not None and _stated_as_pay(text, match, salary, p):
            out.append(salary)
    return out


_DIGIT = re.compile(r"\d")
_LONGEST_LEAD = 11  # "starting at"
_LONGEST_MARK = max(map(len, _CURRENCY_MARKS))


def _pay_matches(
    text: str, digits: list[int] | None, p: _Patterns = _AS_WRITTEN, pos: int = 0, digits_before: int | None = None
) -> Iterator[re.Match[str]]:
    """`p.pay.finditer(text, pos)` (_PAY_RE as written), without trying the pattern at every position of
    digit-free stretches; `digits`: `_digit_positions(text)`. With `digits_before`, the matches whose first
    digit lies before it (then `digits` is not used).

    Every match holds a digit and starts at most lead + whitespace + mark + one space before its first
    digit, and no match is empty; so a match at or after `pos` starts no earlier than that before the first
    digit at or after `pos`, and no later than that digit unless its first digit is a later one. Where
    _PAY_RE matches, _PAY_START (its part up to the first digit) matches, and where _PAY_START matches, so
    does _PAY_RE (all after that digit is optional): the leftmost _PAY_START match up to the digit is where
    the next match starts, found without letting sre run on to later digits (a failed search used to scan
    the rest of the text at ~100 ns a character); with none there, the next match starts after the digit.
    """
    while (digit := _next_digit(text, digits, pos, digits_before)) >= 0:
        start = max(0, digit - _LONGEST_MARK - 1)
        while start > 0 and text[start - 1].isspace():
            start -= 1
        # Ends with the digit: no other digit lies between `pos` and it.
        head = p.pay_start.search(text, max(pos, start - _LONGEST_LEAD), digit + 1)
        if head is None:
            pos = digit + 1
            continue
        match = p.pay.match(text, head.start())
        assert match is not None  # see above
        yield match
        pos = match.end()


# Characters no _LOWERED.pay match holds: it is made of whitespace, digits, ASCII letters (lead, multiplier,
# range words, codes), "ł", the currency symbols, ",.'’" and "-–—~+" only. (Common ones, for str.rfind.)
_BARRIERS = ':;!?()/|*•"&'


# the codes written with a non-ASCII letter ("zł", "Kč") are searched for as symbols are: the Hyperscan pass marks
# ASCII codes only
_ALL_SYMBOLS = (*_SYMBOLS, *(code for code in _CODES if not code.isascii()))
_ASCII_SYMBOLS = tuple(mark for mark in _ALL_SYMBOLS if mark.isascii())


def _currency_marks_at(low: str, marks: dict[str, list[int]] | None) -> list[int]:
    """Where a currency mark (_CURRENCY_MARKS, lower-cased) may start in `low`, in order: each symbol, each code
    written with a non-ASCII letter ("zł", "kč"), and each ASCII code (from `marks` when given: the Hyperscan pass
    marks them exactly). Every mark a _LOWERED.pay match captures holds one of these at its first character or at a
    symbol's ("us$")."""
    # only the symbols that occur are searched for (none but "$" in an ASCII text)
    symbols = _ASCII_SYMBOLS if low.isascii() else _ALL_SYMBOLS
    found = [at for mark in symbols if mark in low for at in _find_all(low, mark)]
    if marks is None:
        codes = [at for mark in MARKS["pay codes"] for at in _find_all(low, mark)]
    else:
        codes = marks.get("pay codes", [])
    found.extend(at for at in codes if _code_may_start(low, at))  # codes occur inside words too
    if len(found) > 1:
        found.sort()
    return found


def _matches_around(low: str, marks_at: list[int]) -> Iterator[re.Match[str]]:
    """Those matches of `_LOWERED.pay.finditer(low)` that hold a position of `marks_at` (sorted), with maybe
    some others, in order; the text far from the marks is not searched.

    No match holds a _BARRIERS character, so none runs across one: the matches starting after one are those
    that finditer from there finds, as are those after the end of a match finditer finds. From such a place
    before each mark not yet passed, the matches are read until one ends past the mark. A match holding the
    mark has a digit at most _LONGEST_MARK + 1 characters after it (mark, one space, digit) or before it,
    at most 13 before it (digit, space, a multiplier of up to 8 letters, space, mark of up to 3): when there
    is no digit up to there, none holds it; with none from 13 before it, no match holds it and it is passed
    over."""
    pos = 0
    for mark in marks_at:
        if mark < pos or not _DIGIT.search(low, max(0, mark - 13), mark + _LONGEST_MARK + 2):
            continue  # inside a match read, or in none
        # The last barrier before the mark; most often just before it, whitespace between ("Salary: $90k").
        start = mark
        while start > pos and low[start - 1].isspace():
            start -= 1
        if not (start > pos and low[start - 1] in _BARRIERS):
            start = max(pos, 1 + max(low.rfind(ch, pos, mark) for ch in _BARRIERS))
        for match in _pay_matches(low, None, _LOWERED, start, mark + _LONGEST_MARK + 2):
            yield match
            pos = match.end()
            if pos > mark:
                break


def _next_digit(text: str, digits: list[int] | None, pos: int, before: int | None = None) -> int:
    """Where the first digit at or after `pos` is, or -1; `digits`: `_digit_positions(text)`. With `before`,
    only digits before it count (`digits` is not used)."""
    if before is not None:
        found = _DIGIT.search(text, pos, before)
        return found.start() if found else -1
    if digits is None:
        found = _DIGIT.search(text, pos)
        return found.start() if found else -1
    at = bisect_left(digits, pos)
    return digits[at] if at < len(digits) else -1


def _stated_as_pay(text: str, match: re.Match[str], salary: Salary, p: _Patterns) -> bool:
    """A lone small figure ("$20") is pay only with a period ("$95/hr") or a pay word before ("Rate: $95")."""
    if match.group("bnum") or (salary.min or salary.max or 0) >= 1000:
        return True
    if p.period.match(text[match.end():match.end() + 40]):
        return True
    return bool(p.pay_words.search(text[max(0, match.start() - 40):match.start()]))


def parse_salary(s: str | None) -> Salary | None:
    """Pay from a short label that is already about pay ("$150k-$200k", "€85k", "USD 95/hr"), or None."""
    if not s:
        return None
    s = s.strip()[:300]
    for match in _PAY_RE.finditer(s):
        if _is_not_pay(s, match):
            continue
        salary = _salary_from_match(match, s[match.end():match.end() + 40], text=s)
        if salary is not None and (salary.currency or _looks_like_pay_figure(match)):
            return salary
    return None


def _looks_like_pay_figure(match: re.Match[str]) -> bool:
    """A bare figure counts in a short pay label only if it carries k or a range ("150k", "150-200k")."""
    return bool(match.group("amult") or match.group("bmult") or match.group("bnum"))


def _is_not_pay(text: str, match: re.Match[str], p: _Patterns = _AS_WRITTEN) -> bool:
    """True when the words around the amount say it is funding, a budget, a bonus, ...."""
    mult = (match.group("bmult") or match.group("amult") or "").lower()
    if mult.startswith(("m", "b")) and mult != "m" or mult in {"bn", "billion"}:
        return True
    if (
        mult == "m"
        and (match.group("amult") or "").lower() != "k"  # "NOK 850k-1.1M": a pay range that crosses a million
        and not p.pay_words.search(text[max(0, match.start() - 40):match.start()])
        and _CURRENCY_SCALE.get(_currency(match) or "", 1.0) < 100
    ):
        # "$50M Series B"; but "₩90M–₩130M", "¥8M – ¥12M": pay in small units is stated in millions
        return True
    after = text[match.end():match.end() + 60]
    stop = p.clause_stop.search(after)
    attached = after[: stop.start()] if stop else after
    if p.not_pay.search(attached[:40]) and not p.pay_words.search(attached[:25]):
        return True
    before = text[max(0, match.start() - 80):match.start()]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("; "), before.rfind("|"))
    before = before[cut + 1:]
    last_bad = max((m.end() for m in p.not_pay.finditer(before)), default=-1)
    if last_bad < 0:
        return False  # nothing to outweigh
    last_good = max((m.end() for m in p.pay_words.finditer(before)), default=-1)
    return last_bad > last_good


def _salary_from_match(match: re.Match[str], after: str, *, text: str, p: _Patterns = _AS_WRITTEN) -> Salary | None:
    """Turn one range match into a Salary, or None when the figures cannot be pay."""
    low: float | None = _amount(match.group("anum"), match.group("amult"))
    high: float | None = _amount(match.group("bnum"), match.group("bmult")) if match.group("bnum") else None
    if low is None:
        return None
    bmult = match.group("bmult")
    if high is not None and bmult and not match.group("amult") and low <= _number(match.group("bnum")):
        low = _amount(match.group("anum"), bmult)  # "$180–240k", "₹35–50 LPA": the multiplier belongs to both ends
        assert low is not None
    if high is not None and high < low:
        return None
    currency = _currency(match)
    if currency == "USD" and all(match.group(n) in (None, "$") for n in ("acur1", "acur2", "bcur1", "bcur2")):
        code = _CODE_AFTER.match(after)  # "115 000 $ – 140 000 $ CAD": "$" is the Canadian dollar's sign too
        if code is not None and code.group(1).upper() in _CURRENCY_MARKS:
            currency, after = _CURRENCY_MARKS[code.group(1).upper()], after[code.end() :]
        elif (  # "CAD $150k-$185k", "AUD $120k": a dollar's code written before its sign
            (code := _CODE_BEFORE.search(text, max(0, match.start() - 6), match.start())) is not None
            and code.group(1).upper() in _CURRENCY_MARKS
        ):
            currency = _CURRENCY_MARKS[code.group(1).upper()]
        elif (
            not match.group("acur1")
            and not match.group("bcur1")
            and _SPACE_GROUPED.search(match.group("anum"))
            and not _US_AFTER.match(after)
        ):
            # "95 000 $ à 125 000 $": thousands grouped by spaces, the sign after the figure, is Canadian French
            # usage (not "95 000 $ US"; "4000$" is often US dollars written by someone outside North America)
            currency = "CAD"
    mult = (bmult or match.group("amult") or "").lower()
    if mult in _INDIAN and currency is None:
        currency = "INR"
    period = "year" if mult == "lpa" else _period(after, text[max(0, match.start() - 30):match.start()], low, p)
    lead = (match.group("lead") or "").lower()
    if high is None:
        if lead.startswith("up") or lead.startswith("max"):
            high, low = low, None  # not `low, high = None, low`: compiled by mypyc, that raises TypeError
        elif lead in {"from", "starting at", "starts at"} or lead.startswith("min") or match.group("plus"):
            high = None
        else:
            # "The minimum annual gross salary ... is €58,000": a floor stated earlier in the sentence
            clause = text[max(0, match.start() - 100) : match.start()]
            clause = clause[max(clause.rfind("."), clause.rfind("\n"), clause.rfind(";")) + 1 :]
            floor = _FLOOR_BEFORE.search(clause)
            high = None if floor is not None and not floor.group(1) else low
            if floor is not None and floor.group(1):
                high, low = low, None
    value = high if low is None else low
    if value is None or not _plausible(value, period, currency):
        return None
    return Salary(low, high, currency, period)


_CODE_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3}|[a-z]{3})[ \t]*$")
_CODE_AFTER = re.compile(r"\A\s?([A-Za-z]{3})(?![A-Za-z])")
_SPACE_GROUPED = re.compile(r"\d[ \u00a0\u202f]\d{3}")
_US_AFTER = re.compile(r"\A\s?(?:US|É\.?-U\.?)(?![A-Za-z])", re.IGNORECASE)
_FLOOR_BEFORE = re.compile(
    # ("A starting salary of €44,000": the salary a graduate starts on, one figure)
    r"\b(?:minimum|min\.|at\s+least|starting(?!\s+(?:base\s+)?(?:salary|pay)\b)|(maximum|max\.|up\s+to))\b[^$£€\d]*$"
    # "from" right before the figure in other languages: "a partir de 55.000 €", "desde", "à partir de", "ab",
    # "a partire da", "vanaf", "od" (Polish)
    r"|(?<!\w)(?:a\s+partir\s+de|desde|à\s+partir\s+de|ab|a\s+partire\s+da|vanaf|od)\s+(?:[$£€]\s?)?$",
    re.IGNORECASE,
)


def _amount(num: str | None, mult: str | None) -> float | None:
    if not num:
        return None
    value = _number(num)
    factor = _FACTORS.get(mult.lower(), 1.0) if mult else 1.0
    return round(value * factor, 2)


_INDIAN = {
    "l": 1e5, "lpa": 1e5, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
}
_FACTORS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mil": 1e6, "million": 1e6, **_INDIAN}
_GROUP_SPACES = "\u00a0\u202f '’"


def _number(num: str) -> float:
    """"180,000" -> 180000, "4.500" -> 4500 (European), "95.50" -> 95.5, "4,5" -> 4.5."""
    if num.isascii() and num.isdigit():
        return float(num)  # ASCII digits only: no group or decimal mark
    for space in _GROUP_SPACES:  # str.replace, not a pattern: the same, faster
        if space in num:
            num = num.replace(space, "")
    groups = num.replace(",", ".").split(".")  # split at "." and ","
    if len(groups) == 1:
        return float(num)
    if all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    if len(groups[-1]) != 3 and all(len(g) == 3 for g in groups[1:-1]):
        return float("".join(groups[:-1]) + "." + groups[-1])
    return float("".join(groups))


# The marks as the lower-cased text spells them: "kč" (Kč) is no code's upper-case form
_MARKS_BY_LOWER = {mark.lower(): code for mark, code in _CURRENCY_MARKS.items()}


def _currency(match: re.Match[str]) -> str | None:
    """The range's currency: a bare "$" gives way to a code or symbol named with either end ("$95,000 – $125,000
    MXN" is pesos: "$" is the peso's sign too)."""
    found = None
    for name in ("acur1", "acur2", "bcur1", "bcur2"):
        mark = match.group(name)
        if mark:
            code = _CURRENCY_MARKS.get(mark) or _CURRENCY_MARKS.get(mark.upper()) or _MARKS_BY_LOWER.get(mark)
            if mark != "$":
                return code
            found = found or code
    return found


def _period(after: str, before: str, value: float, p: _Patterns) -> str:
    """The pay period named right after the amount, or guessed from its size."""
    named = p.period.match(after)
    if named:
        return next(name for name, _ in _PERIODS if named.group(name))
    nearby = p.bare_period.search(after[:25]) or p.bare_period.search(before)
    if nearby:
        return next(name for name, _ in _PERIODS if nearby.group(name))
    return "hour" if value < 1000 else "year"


# Pay bounds are in units of USD-like currencies; these count many more units per dollar.
# Rough units per US dollar (late 2026): only to tell pay from other figures, never to convert.
_CURRENCY_SCALE = {
    "JPY": 150.0, "INR": 85.0, "SEK": 10.0, "NOK": 10.0, "DKK": 7.0, "BRL": 5.0, "MXN": 18.0, "ARS": 1000.0,
    "COP": 4000.0, "CLP": 950.0, "TWD": 32.0, "KRW": 1400.0, "PHP": 57.0, "VND": 25000.0,
    "IDR": 16000.0, "MYR": 4.5, "THB": 35.0, "CNY": 7.2, "NGN": 1500.0, "KES": 130.0, "ZAR": 18.0, "EGP": 50.0,
    "AED": 3.7, "SAR": 3.75, "QAR": 3.6, "ILS": 3.7, "TRY": 40.0, "UAH": 41.0, "RON": 4.6, "RSD": 105.0,
    "CZK": 23.0, "HUF": 360.0, "BGN": 1.8, "PKR": 280.0, "BDT": 120.0, "LKR": 300.0,
}


def _plausible(value: float, period: str, currency: str | None = None) -> bool:
    value /= _CURRENCY_SCALE.get(currency or "", 1.0)
    low, high = _BOUNDS[period]
    return low <= value <= high


_BOUNDS = {"hour": (5, 2000), "day": (50, 10000), "week": (200, 50000), "month": (500, 200000), "year": (5000, 5000000)}
