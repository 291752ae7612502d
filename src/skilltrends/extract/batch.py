"""Tag a JSON Lines file of postings: one output line per input line, bad lines reported, never fatal."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from skilltrends.crawl.normalize import clean_text
from skilltrends.extract.extraction import EXTRACTOR_VERSION, ExtractionPool, extract_postings
from skilltrends.models import Extraction

__all__ = ["TagStats", "tag_jsonl", "extraction_record", "looks_like_html"]

log = logging.getLogger(__name__)

_HTML_HINT = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?\s*>|&lt;\s*/?\s*[a-zA-Z][a-zA-Z0-9]*")
_CHUNK = 2000


@dataclass
class TagStats:
    """What `tag_jsonl` did: lines read, postings tagged, bad lines, mentions written."""

    lines: int = 0
    tagged: int = 0
    errors: int = 0
    mentions: int = 0


def looks_like_html(text: str) -> bool:
    """True when `text` holds markup (raw or entity-escaped tags) that `clean_text` should flatten."""
    return _HTML_HINT.search(text) is not None


def extraction_record(posting_id: Any, extraction: Extraction) -> dict[str, Any]:
    """The JSON-ready line for one posting (offsets index the text that was tagged)."""
    salary = extraction.salary
    return {
        "id": posting_id,
        "skills": [
            {
                "skill": m.skill,
                "skill_id": m.skill_id,
                "category": m.category,
                "requirement": m.requirement,
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
            for m in extraction.mentions
        ],
        "degree": {
            "min_level": extraction.degree.min_level,
            "fields": list(extraction.degree.fields),
            "equivalent_experience_ok": extraction.degree.equivalent_experience_ok,
        },
        "years_min": extraction.years_min,
        "years_max": extraction.years_max,
        "salary": None
        if salary is None
        else {"min": salary.min, "max": salary.max, "currency": salary.currency, "period": salary.period},
        "extractor_version": EXTRACTOR_VERSION,
    }


def _parse(number: int, line: str) -> tuple[dict[str, Any], str, bool] | str:
    """(record, text to tag, was HTML) or an error message naming what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return f"not JSON ({e.msg} at column {e.colno})"
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    if "id" not in record:
        return "missing 'id'"
    text = record.get("text")
    if not isinstance(text, str):
        return f"'text' must be a string, got {type(text).__name__}"
    if looks_like_html(text):
        return record, clean_text(text), True
    return record, text, False


def _chunks(path: Path) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                chunk.append((number, line))
            if len(chunk) >= _CHUNK:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def tag_jsonl(in_path: str | Path, out_path: str | Path, *, nlp: Language, workers: int = 1) -> TagStats:
    """Read lines with `id`, `text` (plain text or HTML) and optional `title`; write one result line each.

    HTML input is cleaned first (`skilltrends.crawl.normalize.clean_text`) and the line then carries that
    `clean_text`, which its offsets index. A bad line becomes `{"line": N, "id": ..., "error": ...}` in
    the output and a log warning; the other lines are still tagged.
    """
    if workers <= 1:
        return _tag(Path(in_path), Path(out_path), nlp=nlp, pool=None)
    with ExtractionPool(nlp, workers=workers) as pool:  # one pool for all chunks: starting one costs ~0.2 s
        return _tag(Path(in_path), Path(out_path), nlp=nlp, pool=pool)


def _tag(in_path: Path, out_path: Path, *, nlp: Language, pool: ExtractionPool | None) -> TagStats:
    stats = TagStats()
    with out_path.open("w", encoding="utf-8") as out:
        for chunk in _chunks(in_path):
            parsed = [(number, _parse(number, line)) for number, line in chunk]
            good = [(number, item) for number, item in parsed if not isinstance(item, str)]
            results = extract_postings(nlp, (item[1] for _, item in good), pool=pool)
            by_line = dict(zip((number for number, _ in good), results, strict=True))
            for number, item in parsed:
                stats.lines += 1
                if isinstance(item, str):
                    stats.errors += 1
                    log.warning("%s line %d: %s", in_path, number, item)
                    out.write(json.dumps({"line": number, "error": item}, ensure_ascii=False) + "\n")
                    continue
                record, text, was_html = item
                row = extraction_record(record["id"], by_line[number])
                if was_html:
                    row["clean_text"] = text
                stats.tagged += 1
                stats.mentions += len(row["skills"])
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return stats
