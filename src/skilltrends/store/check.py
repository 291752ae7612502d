"""`skilltrends db check`: is the store whole, and how much is in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, text

from skilltrends.store.migrate import HEAD, current_revision

__all__ = ["StoreCheck", "check_store"]

_COUNTS = {
    "sources": "SELECT COUNT(*) FROM sources",
    "crawl_runs": "SELECT COUNT(*) FROM crawl_runs",
    "postings": "SELECT COUNT(*) FROM postings",
    "postings, unique": "SELECT COUNT(*) FROM postings WHERE canonical_id IS NULL OR canonical_id = id",
    "postings, duplicate copies": "SELECT COUNT(*) FROM postings WHERE canonical_id <> id",
    "postings, open": "SELECT COUNT(*) FROM postings WHERE closed_at IS NULL",
    "postings, tagged": "SELECT COUNT(*) FROM postings WHERE extracted_hash IS NOT NULL",
    "postings, tagged but changed since":
        "SELECT COUNT(*) FROM postings WHERE extracted_hash <> content_hash",
    "skills": "SELECT COUNT(*) FROM skills",
    "posting_skills": "SELECT COUNT(*) FROM posting_skills",
    "posting_requirements": "SELECT COUNT(*) FROM posting_requirements",
    "report_runs": "SELECT COUNT(*) FROM report_runs",
}
# Each returns the number of offending rows; zero everywhere means the store is whole.
_PROBLEMS = {
    "mentions of a missing posting": "SELECT COUNT(*) FROM posting_skills s "
                                     "LEFT JOIN postings p ON p.id = s.posting_id WHERE p.id IS NULL",
    "requirements of a missing posting": "SELECT COUNT(*) FROM posting_requirements r "
                                         "LEFT JOIN postings p ON p.id = r.posting_id WHERE p.id IS NULL",
    "copies whose canonical posting is missing": "SELECT COUNT(*) FROM postings p LEFT JOIN postings c "
                                                 "ON c.id = p.canonical_id "
                                                 "WHERE p.canonical_id IS NOT NULL AND c.id IS NULL",
    "copies whose canonical posting is itself a copy":
        "SELECT COUNT(*) FROM postings p JOIN postings c ON c.id = p.canonical_id "
        "WHERE c.canonical_id <> c.id OR c.canonical_id IS NULL",
    "postings of an unregistered source": "SELECT COUNT(*) FROM postings p "
                                          "LEFT JOIN sources s ON s.name = p.source WHERE s.name IS NULL",
}
_WARNINGS = {
    "mentions of skills not in the skills table (run `skilltrends extract` to sync the taxonomy)":
        "SELECT COUNT(*) FROM posting_skills m LEFT JOIN skills s ON s.id = m.skill_id "
        "WHERE s.id IS NULL AND EXISTS (SELECT 1 FROM skills)",
}


@dataclass(slots=True)
class StoreCheck:
    revision: str | None
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(engine: Engine) -> StoreCheck:
    """Verify integrity (database checks, references, dedup links) and count what the store holds."""
    revision = current_revision(engine)
    check = StoreCheck(revision)
    if revision != HEAD:
        check.problems.append(f"schema at revision {revision}, expected {HEAD}: run `skilltrends db upgrade`")
        return check
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            verdict = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            if verdict != ["ok"]:
                check.problems += [f"integrity_check: {line}" for line in verdict]
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                check.problems.append(f"{len(broken)} rows break a foreign key (PRAGMA foreign_key_check)")
        check.counts = {name: int(conn.execute(text(sql)).scalar() or 0) for name, sql in _COUNTS.items()}
        for name, sql in _PROBLEMS.items():
            if found := int(conn.execute(text(sql)).scalar() or 0):
                check.problems.append(f"{found} {name}")
        for name, sql in _WARNINGS.items():
            if found := int(conn.execute(text(sql)).scalar() or 0):
                check.warnings.append(f"{found} {name}")
    return check
