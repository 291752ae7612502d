"""Stage seams: store -> extract (incremental, re-runnable) -> explain."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select

from skilltrends.cli import cli
from skilltrends.extract import build_nlp, load_taxonomy
from skilltrends.models import Posting
from skilltrends.store.load import save_postings
from skilltrends.store.tables import PostingSkill, SkillRow
from skilltrends.workflow import explain_posting, extract_pending, sync_skills

TEXT = "Requirements\n- Python and PyTorch\n\nNice to have\n- Kubernetes"


def _posting(ext: str, text: str = TEXT) -> Posting:
    return Posting(source="greenhouse", external_id=ext, url=f"https://x/{ext}", title="ML Engineer",
                   description=text, role_family="ml_engineer")


@pytest.fixture(scope="module")
def nlp() -> object:
    return build_nlp()


def test_extract_pending_tags_only_new_or_changed(engine: Engine, nlp: object) -> None:
    save_postings(engine, [_posting("1"), _posting("2")])
    assert extract_pending(engine, nlp) == 2
    assert extract_pending(engine, nlp) == 0
    save_postings(engine, [_posting("2", TEXT + "\n- Docker")])
    assert extract_pending(engine, nlp) == 1
    assert extract_pending(engine, nlp, reprocess=True) == 2
    with engine.connect() as conn:
        skills = conn.execute(select(PostingSkill.skill_id, PostingSkill.requirement)
                              .where(PostingSkill.posting_id == 2).order_by(PostingSkill.start)).all()
    assert skills == [("python", "required"), ("pytorch", "required"), ("kubernetes", "preferred"),
                      ("docker", "preferred")]


def test_sync_skills_mirrors_taxonomy(engine: Engine) -> None:
    taxonomy = load_taxonomy()
    assert sync_skills(engine, taxonomy) == len(taxonomy.skills)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(SkillRow)) == len(taxonomy.skills)
        groups = conn.scalar(select(SkillRow.groups).where(SkillRow.id == "aws"))
    assert "cloud" in groups


def test_explain_posting_offsets_slice_description(engine: Engine, nlp: object) -> None:
    save_postings(engine, [_posting("1")])
    sync_skills(engine, load_taxonomy())
    extract_pending(engine, nlp)
    found = explain_posting(engine, 1)
    assert [found.description[m["start"]:m["end"]] for m in found.mentions] == ["Python", "PyTorch", "Kubernetes"]


def test_cli_explain_unknown_posting_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLTRENDS_DATABASE_URL", f"sqlite:///{tmp_path}/s.sqlite")
    result = CliRunner().invoke(cli, ["explain", "999"])
    assert result.exit_code == 1 and "No posting with id 999" in result.output
