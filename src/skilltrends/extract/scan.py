"""Alias scanning: every taxonomy surface form on word boundaries, case-checked. Two engines, one output.

`scanner(keys)` returns a Hyperscan engine where the `hyperscan` wheel is installed (x86-64), else the
pyahocorasick engine; both return the same list of (start, -end, skill id) for a text (tests compare them
on corpora and with Hypothesis; SKILLTRENDS_SCANNER=aho forces the fallback).

Why Hyperscan (benchmarks/extraction_speed.py, same run): pyahocorasick reports every key occurrence,
mid-word ones included ("go" in "good"), and hands each to a Python loop that checks the neighbours; a
bare `automaton.iter` over a 4.4 KB real posting costs ~100 us, most of it stepping the automaton from
Python's iterator. Hyperscan scans the same text in C at GB/s and calls back only for occurrences on word
boundaries: ~40 us per real posting for the whole candidate step, ~30 us on the synthetic 3 KB texts.

Word boundaries without regex assertions (a database of 2,300 `\\b...\\b` expressions took 6.5 s to
compile; the literal compiler takes 0.08 s): the scanned bytes are the lower-cased text with every
non-word character replaced by a sentinel byte and one sentinel added at each end, and each key is
compiled as a literal with a sentinel on each side whose edge character is a word character. A match
there is a match on word boundaries, with two exceptions checked in Python: keys holding non-word
characters ("c++", "ci/cd": their punctuation became sentinels too) are compared with the text, and in
non-ASCII texts the neighbours are re-checked (every non-ASCII character is a sentinel in the scanned
bytes, also letters such as "é", which are word characters). So the scan never misses a match, and the
checks remove the rest. Keys that are not ASCII ("🤗 transformers") go through a small automaton.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

import ahocorasick

__all__ = ["KeyInfo", "Scanner", "scanner", "ENGINE"]

# Per lower-cased key: (length, starts with a word character, ends with one, skill id when the first entry is
# case-insensitive (then it always wins) else None, entries [(skill id, exact-case form or None)]).
KeyInfo = tuple[int, bool, bool, "str | None", tuple[tuple[str, "str | None"], ...]]
Found = list[tuple[int, int, str]]  # (start, -end, skill id): sorts leftmost, then longest
# Per kind of hint word that occurs, the sorted starts of places where one may occur (see `scanner`).
Marks = dict[str, list[int]]
Scanner = Callable[[str, str], tuple[Found, "Marks | None"]]

hyperscan: Any
try:  # an optional, x86-64-only wheel (see pyproject.toml)
    import hyperscan
except ImportError:  # pragma: no cover - depends on the platform
    hyperscan = None

ENGINE = "hyperscan" if hyperscan is not None and os.environ.get("SKILLTRENDS_SCANNER") != "aho" else "aho"

_SENTINEL = 0x01
_WORD = set(b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_VIEW = bytes(b if b in _WORD else _SENTINEL for b in range(256))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def key_info(key: str, entries: Iterable[tuple[str, str | None]]) -> KeyInfo:
    entries = tuple(entries)
    first_free = entries[0][0] if entries[0][1] is None else None
    return (len(key), _is_word(key[0]), _is_word(key[-1]), first_free, entries)


def scanner(
    keys: dict[str, KeyInfo], *, marks: dict[str, tuple[str, ...]] | None = None, engine: str | None = None
) -> Scanner:
    """The scan function for these keys (lower-cased surface forms): `scan(text, low) -> (found, marks)`.

    `marks`, kind -> hint words: the Hyperscan engine also reports, per kind, every offset where one of
    the words may occur in `low` — a superset (punctuation and spaces in a word match any non-word
    character), so "no hint word in this span" is certain when no mark falls in it. The other engine, and
    texts holding "İ", "ı" or "ſ" (which IGNORECASE patterns fold), report None: the caller tests the text.
    """
    if (engine or ENGINE) == "hyperscan" and hyperscan is not None:
        return _HyperscanScanner(keys, marks or {})
    return _AhoCorasickScanner(keys)


class _AhoCorasickScanner:
    """Every key occurrence from a pyahocorasick automaton, neighbours checked in Python. Single letters
    (R, C) are found with str.find: an automaton key "r" would fire on every letter r."""

    def __init__(self, keys: dict[str, KeyInfo]) -> None:
        self.automaton = ahocorasick.Automaton()
        self._single: dict[str, KeyInfo] = {}
        for key, info in keys.items():
            if len(key) == 1:
                self._single[key] = info
            else:
                self.automaton.add_word(key, info)
        if len(self.automaton):
            self.automaton.make_automaton()
        # Occurrences of a single-letter key are searched by exact case: each cased form, and the key
        # itself (lower case) where an entry is case-insensitive.
        self._single_forms = sorted(
            {form for info in self._single.values() for _, form in info[4] if form}
            | {k for k, info in self._single.items() if any(form is None for _, form in info[4])}
        )

    def __call__(self, text: str, low: str) -> tuple[Found, Marks | None]:
        return self.find(text, low), None

    def find(self, text: str, low: str) -> Found:
        found: Found = []
        if len(self.automaton):
            _automaton_hits(self.automaton, text, low, found)
        append = found.append
        last_index = len(text) - 1
        for letter in self._single_forms:
            at = text.find(letter)
            while at >= 0:
                if (at == 0 or not _is_word(low[at - 1])) and (at == last_index or not _is_word(low[at + 1])):
                    for skill_id, form in self._single[letter.lower()][4]:
                        if form is None or form == letter:
                            append((at, -at - 1, skill_id))
                            break
                at = text.find(letter, at + 1)
        return found


def _automaton_hits(automaton: Any, text: str, low: str, found: Found) -> None:
    append = found.append
    last_index = len(text) - 1
    for last, (length, word_start, word_end, first_free, entries) in automaton.iter(low):
        start = last - length + 1
        if word_start and start:
            before = low[start - 1]
            if before.isalnum() or before == "_":
                continue
        if word_end and last < last_index:
            after = low[last + 1]
            if after.isalnum() or after == "_":
                continue
        if first_free is not None:
            append((start, -last - 1, first_free))
            continue
        for skill_id, form in entries:
            if form is None or form == text[start : last + 1]:
                append((start, -last - 1, skill_id))
                break


class _HyperscanScanner:
    """Literal Hyperscan database over the sentinel view (see the module docstring)."""

    def __init__(self, keys: dict[str, KeyInfo], marks: dict[str, tuple[str, ...]]) -> None:
        assert hyperscan is not None
        ascii_keys = {k: v for k, v in keys.items() if k.isascii()}
        self._other = _AhoCorasickScanner({k: v for k, v in keys.items() if not k.isascii()})
        # A non-ASCII key occurs only where the text holds its first non-ASCII character ("é", "🤗"): testing
        # for those (rarer than its first letter) spares the automaton's pass over most non-ASCII texts.
        self._other_chars = tuple(sorted({next(ch for ch in k if not ch.isascii()) for k in keys if not k.isascii()}))
        # Per expression: the keys it stands for, as (info, offset of the key's start back from the match's
        # end, what to verify). Keys whose scanned bytes are the same ("machine learning" and "machine-learning",
        # "c#" and "c") share one expression; each is checked on the text.
        by_pattern: dict[bytes, list[tuple[KeyInfo, int, str | frozenset[str] | None]]] = {}
        for key, info in ascii_keys.items():
            core = key.encode("ascii").translate(_VIEW)
            pattern = (b"\x01" if info[1] else b"") + core + (b"\x01" if info[2] else b"")
            # view offset = text offset + 1; the match ends len(pattern) after its start
            back = len(pattern) - (1 if info[1] else 0) + 1
            verify: str | frozenset[str] | None
            if len(key) == 1:  # found by exact case, as `_AhoCorasickScanner` finds them
                findable = {form for _, form in info[4] if form}
                if any(form is None for _, form in info[4]):
                    findable.add(key)
                verify = frozenset(findable)
            else:
                verify = key if core != key.encode("ascii") else None
            by_pattern.setdefault(pattern, []).append((info, back, verify))
        patterns = list(by_pattern)
        self._meta = [tuple(by_pattern[p]) for p in patterns]
        # Per expression, for the common one that stands for a single key of word characters whose first entry
        # is case-insensitive (nothing to verify, the first entry always wins): (back, skill id); else None.
        self._simple = [
            (meta[0][1], meta[0][0][3])
            if len(meta) == 1 and meta[0][2] is None and meta[0][0][3] is not None and meta[0][0][1] and meta[0][0][2]
            else None
            for meta in self._meta
        ]
        self._several = frozenset(kind for kind, words in marks.items() if len(words) > 1)
        self._first_mark = len(patterns)
        mark_patterns: dict[bytes, list[str]] = {}
        for kind, words in marks.items():
            for word in words:
                mark_patterns.setdefault(word.encode("ascii", "replace").translate(_VIEW), []).append(kind)
        # Per mark expression: its kinds, and how far back from the match's end (in text offsets) its first word
        # character is: a word written with a leading space or stop (" ms") marks where its letters start.
        self._mark_meta = [
            (tuple(dict.fromkeys(kinds)), len(pattern.lstrip(b"\x01")) + 1) for pattern, kinds in mark_patterns.items()
        ]
        patterns += list(mark_patterns)
        self._simple += [None] * len(mark_patterns)
        self._db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        if patterns:
            self._db.compile(
                expressions=patterns, ids=list(range(len(patterns))), elements=len(patterns), flags=0, literal=True
            )
        self._local = threading.local()  # scratch space is per thread

    def __call__(self, text: str, low: str) -> tuple[Found, Marks | None]:
        hits: list[tuple[int, int]] = []
        record = hits.append
        # "?" for each non-ASCII character, and one sentinel at each end: raw[i + 1] is low[i]
        raw = b"\x01" + low.encode("ascii", "replace") + b"\x01"
        view = raw.translate(_VIEW)
        # The callback only records (a Python frame per match is the cost that counts); checks come after.
        self._db.scan(view, match_event_handler=lambda i, _f, to, _fl, _c: record((i, to)), scratch=self._scratch())
        found: Found = []
        append = found.append
        meta = self._meta
        simple = self._simple
        plain = text.isascii()
        size = len(low)
        first_mark = self._first_mark
        mark_meta = self._mark_meta
        marks: Marks = {}  # only kinds that occur
        for index, to in hits:
            fast = simple[index]
            if fast is not None:
                # Sentinels on both sides: the key ends 2 before the match's end. In a non-ASCII text, a "?"
                # on either side (raw[start], raw[end + 1]) may be a word character: checked below.
                start = to - fast[0]
                if plain or (raw[start] != 63 and raw[to - 1] != 63):
                    append((start, 2 - to, fast[1]))
                    continue
            elif index >= first_mark:
                kinds, back = mark_meta[index - first_mark]
                for kind in kinds:
                    starts = marks.get(kind)
                    if starts is None:
                        marks[kind] = [to - back]
                    else:
                        starts.append(to - back)
                continue
            for info, back, verify in meta[index]:  # usually one key; several share the same scanned bytes
                start = to - back
                end = start + info[0]
                if verify is not None:
                    if verify.__class__ is str:
                        if low[start:end] != verify:
                            continue  # its punctuation differs ("machine-learning" vs "machine learning")
                    elif text[start] not in verify:
                        continue  # a single letter, searched by its exact case
                if not plain and (
                    (info[1] and start and raw[start] == 63 and _is_word(low[start - 1]))
                    or (info[2] and end < size and raw[end + 1] == 63 and _is_word(low[end]))
                ):
                    continue  # a non-ASCII word character next to it (a sentinel in the scanned bytes)
                skill_id = info[3]
                if skill_id is None or verify.__class__ is frozenset:
                    surface = text[start:end]
                    for skill_id, form in info[4]:  # noqa: B007 - the first entry that fits is the result
                        if form is None or form == surface:
                            break
                    else:
                        continue
                append((start, -end, skill_id))
        if not plain and any(ch in low for ch in self._other_chars):
            found += self._other.find(text, low)
        if not plain and ("İ" in low or "ı" in low or "ſ" in low):
            return found, None  # folded by IGNORECASE patterns into words the scanned bytes do not hold
        for kind in self._several.intersection(marks):  # matches come by end: starts of unequal words may not
            marks[kind].sort()
        return found, marks

    def _scratch(self) -> Any:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = hyperscan.Scratch(self._db)
        return scratch
