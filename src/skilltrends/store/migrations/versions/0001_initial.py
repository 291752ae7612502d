"""The first schema: exactly what tables.py created before migrations existed (so such stores upgrade).

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spider", sa.String(length=64), nullable=False),
        sa.Column("arguments", sa.JSON(), nullable=False),
        sa.Column("started_at", _TZ, nullable=False),
        sa.Column("finished_at", _TZ, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("stats", sa.JSON(), nullable=False),
        sa.Column("items_new", sa.Integer(), nullable=False),
        sa.Column("items_updated", sa.Integer(), nullable=False),
        sa.Column("items_unchanged", sa.Integer(), nullable=False),
        sa.Column("items_dropped", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_crawl_runs_spider", "crawl_runs", ["spider"], unique=False)
    op.create_table(
        "report_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("started_at", _TZ, nullable=False),
        sa.Column("finished_at", _TZ, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "skills",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("groups", sa.JSON(), nullable=False),
        sa.Column("taxonomy_version", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "postings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("company", sa.String(length=255), nullable=True),
        sa.Column("board", sa.String(length=255), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("city", sa.String(length=255), nullable=True),
        sa.Column("region", sa.String(length=255), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("workplace", sa.String(length=16), nullable=True),
        sa.Column("posted_at", _TZ, nullable=True),
        sa.Column("valid_through", _TZ, nullable=True),
        sa.Column("employment_type", sa.String(length=64), nullable=True),
        sa.Column("seniority", sa.String(length=16), nullable=True),
        sa.Column("role_family", sa.String(length=32), nullable=False),
        sa.Column("salary_min", sa.Float(), nullable=True),
        sa.Column("salary_max", sa.Float(), nullable=True),
        sa.Column("salary_currency", sa.String(length=8), nullable=True),
        sa.Column("salary_period", sa.String(length=8), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("first_seen", _TZ, nullable=False),
        sa.Column("last_seen", _TZ, nullable=False),
        sa.Column("closed_at", _TZ, nullable=True),
        sa.Column("last_run_id", sa.Integer(), nullable=True),
        sa.Column("canonical_id", sa.Integer(), nullable=True),
        sa.Column("extracted_hash", sa.String(length=64), nullable=True),
        sa.Column("extractor_version", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["canonical_id"], ["postings.id"]),
        sa.ForeignKeyConstraint(["last_run_id"], ["crawl_runs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "external_id", name="uq_postings_source_external_id"),
    )
    op.create_index("ix_postings_posted_at", "postings", ["posted_at"], unique=False)
    op.create_index("ix_postings_role_family", "postings", ["role_family"], unique=False)
    op.create_table(
        "posting_requirements",
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("degree_min", sa.String(length=16), nullable=True),
        sa.Column("degree_fields", sa.JSON(), nullable=False),
        sa.Column("equivalent_experience_ok", sa.Boolean(), nullable=False),
        sa.Column("years_min", sa.Float(), nullable=True),
        sa.Column("years_max", sa.Float(), nullable=True),
        sa.Column("pay_min", sa.Float(), nullable=True),
        sa.Column("pay_max", sa.Float(), nullable=True),
        sa.Column("pay_currency", sa.String(length=8), nullable=True),
        sa.Column("pay_period", sa.String(length=8), nullable=True),
        sa.Column("pay_source", sa.String(length=16), nullable=True),
        sa.Column("extractor_version", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["posting_id"], ["postings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("posting_id"),
    )
    op.create_table(
        "posting_skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.String(length=64), nullable=False),
        sa.Column("requirement", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=255), nullable=False),
        sa.Column("extractor_version", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["posting_id"], ["postings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_posting_skills_posting", "posting_skills", ["posting_id"], unique=False)
    op.create_index("ix_posting_skills_skill", "posting_skills", ["skill_id", "posting_id"], unique=False)


def downgrade() -> None:
    tables = ("posting_skills", "posting_requirements", "postings", "skills", "report_runs", "crawl_runs")
    for table in tables:
        op.drop_table(table)
