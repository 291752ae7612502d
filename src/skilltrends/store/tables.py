"""The SQL store's tables (SQLAlchemy 2 typed ORM). Documented column by column in schemas/store.md."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Base",
    "SourceRow",
    "CrawlRun",
    "PostingRow",
    "SkillRow",
    "PostingSkill",
    "PostingRequirement",
    "ReportRun",
]


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, datetime: DateTime(timezone=True)}


class SourceRow(Base):
    """A source of postings (a spider: greenhouse, jobposting, ...); save_postings registers new ones."""

    __tablename__ = "sources"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    first_seen: Mapped[datetime]


class CrawlRun(Base):
    """One run of one spider: what it was asked, what it saw, how it ended."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spider: Mapped[str] = mapped_column(String(64), index=True)
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="running")  # running | ok | failed
    message: Mapped[str | None] = mapped_column(Text)
    stats: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    items_new: Mapped[int] = mapped_column(Integer, default=0)
    items_updated: Mapped[int] = mapped_column(Integer, default=0)
    items_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    items_dropped: Mapped[int] = mapped_column(Integer, default=0)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    responses_by_status: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"200": 41, "429": 2}
    dropped_by_reason: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"invalid:title": 1}
    errors: Mapped[int] = mapped_column(Integer, default=0)
    failed_targets: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"acme": "HTTP 404 from ..."}


class PostingRow(Base):
    """One posting as one source published it (dedup keeps every copy; `canonical_id` links copies)."""

    __tablename__ = "postings"
    __table_args__ = (
        UniqueConstraint("source", "external_id", name="uq_postings_source_external_id"),
        Index("ix_postings_posted_at", "posted_at"),
        Index("ix_postings_role_family", "role_family"),
        Index("ix_postings_canonical_id", "canonical_id"),
        Index("ix_postings_company", "company"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(255))
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    company: Mapped[str | None] = mapped_column(String(255))
    board: Mapped[str | None] = mapped_column(String(255))
    location: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(255))
    region: Mapped[str | None] = mapped_column(String(255))
    country: Mapped[str | None] = mapped_column(String(8))
    workplace: Mapped[str | None] = mapped_column(String(16))
    posted_at: Mapped[datetime | None]
    valid_through: Mapped[datetime | None]
    employment_type: Mapped[str | None] = mapped_column(String(64))
    seniority: Mapped[str | None] = mapped_column(String(16))
    role_family: Mapped[str] = mapped_column(String(32))
    salary_min: Mapped[float | None] = mapped_column(Float)
    salary_max: Mapped[float | None] = mapped_column(Float)
    salary_currency: Mapped[str | None] = mapped_column(String(8))
    salary_period: Mapped[str | None] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(Text)
    raw: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    last_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"))
    canonical_id: Mapped[int | None] = mapped_column(ForeignKey("postings.id"))
    extracted_hash: Mapped[str | None] = mapped_column(String(64))
    extractor_version: Mapped[str | None] = mapped_column(String(64))


class SkillRow(Base):
    """The taxonomy, synced from its data file (with its version)."""

    __tablename__ = "skills"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    category: Mapped[str] = mapped_column(String(64))
    groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    taxonomy_version: Mapped[str] = mapped_column(String(32))


class PostingSkill(Base):
    """One skill mention: offsets index postings.description; one row per mention."""

    __tablename__ = "posting_skills"
    __table_args__ = (
        Index("ix_posting_skills_posting", "posting_id"),
        Index("ix_posting_skills_skill", "skill_id", "posting_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    posting_id: Mapped[int] = mapped_column(ForeignKey("postings.id", ondelete="CASCADE"))
    skill_id: Mapped[str] = mapped_column(String(64))
    requirement: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(255))
    extractor_version: Mapped[str] = mapped_column(String(64))


class PostingRequirement(Base):
    """Degree, years and pay found in a posting (pay: structured source fields first, else the text)."""

    __tablename__ = "posting_requirements"

    posting_id: Mapped[int] = mapped_column(ForeignKey("postings.id", ondelete="CASCADE"), primary_key=True)
    degree_min: Mapped[str | None] = mapped_column(String(16))
    degree_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    equivalent_experience_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    years_min: Mapped[float | None] = mapped_column(Float)
    years_max: Mapped[float | None] = mapped_column(Float)
    pay_min: Mapped[float | None] = mapped_column(Float)
    pay_max: Mapped[float | None] = mapped_column(Float)
    pay_currency: Mapped[str | None] = mapped_column(String(8))
    pay_period: Mapped[str | None] = mapped_column(String(8))
    pay_source: Mapped[str | None] = mapped_column(String(16))  # structured | text
    extractor_version: Mapped[str] = mapped_column(String(64))


class ReportRun(Base):
    """One written report: its parameters and where it landed."""

    __tablename__ = "report_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="running")
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    path: Mapped[str | None] = mapped_column(Text)


class JobRun(Base):
    """One run of one scheduled job (ops): a crawl of some sources, an extraction, a report, housekeeping."""

    __tablename__ = "job_runs"
    __table_args__ = (Index("ix_job_runs_job_id", "job_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))  # crawl | extract | report | housekeeping | pipeline
    trigger: Mapped[str] = mapped_column(String(16))  # schedule | run-now
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="running")  # running | ok | failed | aborted
    message: Mapped[str | None] = mapped_column(Text)
    crawl_run_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    pid: Mapped[int | None] = mapped_column(Integer)
    log: Mapped[str | None] = mapped_column(Text)
