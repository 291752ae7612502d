from __future__ import annotations

from pathlib import Path

import pytest

from skilltrends.errors import ConfigError
from skilltrends.sources import load_sources, parse_sources, spider_arguments

ROOT = Path(__file__).resolve().parents[2]


def test_load_sources_reads_the_example_file() -> None:
    sources = load_sources(ROOT / "sources.example.toml")
    assert set(sources) == {"greenhouse", "lever", "ashby", "jobposting", "hn"}
    assert spider_arguments(sources["greenhouse"]) == {"boards": "huggingface,anthropic,scaleai,databricks"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"monster": {"boards": ["a"]}}, r"unknown spider \[monster\]. Available: ashby"),
        ({"greenhouse": ["a"]}, r"\[greenhouse\] must be a table"),
        ({"greenhouse": {"board": ["a"]}}, r"\[greenhouse\] has unknown key 'board'. Allowed: base_url, boards, pay"),
        ({"greenhouse": {"boards": []}}, r"\[greenhouse\].boards must be a string or a non-empty list"),
        ({"greenhouse": {"boards": ["a", 3]}}, r"\[greenhouse\].boards must be"),
        ({"lever": {"sites": ["a"], "eu": "yes"}}, r"\[lever\].eu must be a bool"),
        ({"lever": {"base_url": "http://x"}}, r"\[lever\] lists no sites"),
        ({"jobposting": {"follow": "/jobs/"}}, r"\[jobposting\] lists no sitemap or urls or listing"),
    ],
)
def test_parse_sources_names_the_bad_entry(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_sources(data, origin="s.toml")


def test_parse_sources_accepts_scalars_and_single_strings() -> None:
    sources = parse_sources({"lever": {"sites": "acme", "eu": True, "page_size": 50}, "hn": {"months": "all"}})
    assert spider_arguments(sources["lever"]) == {"sites": "acme", "eu": "true", "page_size": "50"}
    assert spider_arguments(sources["hn"]) == {"months": "all"}


@pytest.mark.parametrize(("text", "message"), [("[greenhouse\nboards=", "not valid TOML"), (None, "not found")])
def test_load_sources_file_errors(tmp_path: Path, text: str | None, message: str) -> None:
    path = tmp_path / "sources.toml"
    if text is not None:
        path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_sources(path)
