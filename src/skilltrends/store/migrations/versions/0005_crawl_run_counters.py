"""crawl_runs: requests, responses by status, dropped items by reason, errors and failed targets as columns.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("requests", sa.Integer(), "0"),
    ("responses_by_status", sa.JSON(), "'{}'"),
    ("dropped_by_reason", sa.JSON(), "'{}'"),
    ("errors", sa.Integer(), "0"),
    ("failed_targets", sa.JSON(), "'{}'"),
)


def upgrade() -> None:
    # Existing runs get zeros and empty maps: their figures stay in crawl_runs.stats. Stores made by create_all
    # between the crawler counters and the first migration already have the columns.
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("crawl_runs")}
    # Plain ADD COLUMN (constant defaults are fine on SQLite): batch mode would copy and drop crawl_runs, which
    # postings reference, and SQLite's foreign keys refuse the drop.
    for name, kind, default in _COLUMNS:
        if name not in present:
            op.add_column("crawl_runs", sa.Column(name, kind, nullable=False, server_default=sa.text(default)))


def downgrade() -> None:
    with op.batch_alter_table("crawl_runs") as batch:
        for name, _, _ in reversed(_COLUMNS):
            batch.drop_column(name)
