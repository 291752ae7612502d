"""tag_jsonl: one output line per input line; HTML cleaned and carried; bad lines reported, not fatal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from skilltrends.extract.batch import tag_jsonl

LINES = [
    json.dumps({"id": "a", "text": "Requirements: Python and SQL. Nice to have: Spark."}),
    json.dumps(
        {
            "id": "b",
            "title": "MLE",
            "text": "<h2>Requirements</h2><ul><li>PyTorch</li><li>Docker</li></ul>"
            "<h3>Nice to have</h3><p>Kafka is a plus</p>",
        }
    ),
    "{not json",
    json.dumps({"text": "no id here"}),
    json.dumps({"id": "c", "text": 42}),
    "",
    json.dumps(["a", "list"]),
    json.dumps({"id": 7, "text": ""}),
]


@pytest.mark.parametrize("workers", [1, 2])
def test_tag_jsonl_writes_one_line_each_and_reports_bad_lines(
    nlp: Language, tmp_path: Path, workers: int
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    stats = tag_jsonl(source, target, nlp=nlp, workers=workers)
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert (stats.lines, stats.tagged, stats.errors) == (7, 3, 4)
    assert len(rows) == 7
    errors = {row["line"]: row["error"] for row in rows if "error" in row}
    assert set(errors) == {3, 4, 5, 7}
    assert "missing 'id'" in errors[4]
    good = {row["id"]: row for row in rows if "error" not in row}
    assert {s["skill"] for s in good["a"]["skills"]} == {"Python", "SQL", "Apache Spark"}
    assert {s["text"]: s["requirement"] for s in good["a"]["skills"]}["Spark"] == "preferred"
    assert "clean_text" not in good["a"]
    html = good["b"]
    clean = html["clean_text"]
    for skill in html["skills"]:
        assert clean[skill["start"] : skill["end"]] == skill["text"]
    assert {s["text"]: s["requirement"] for s in html["skills"]} == {
        "PyTorch": "required",
        "Docker": "required",
        "Kafka": "preferred",
    }
    assert set(html) >= {"id", "skills", "degree", "years_min", "years_max", "salary"}
    assert set(html["degree"]) == {"min_level", "fields", "equivalent_experience_ok"}
    assert good[7]["skills"] == []
    assert stats.mentions == sum(len(r["skills"]) for r in good.values())
