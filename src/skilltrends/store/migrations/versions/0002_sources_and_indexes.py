"""The sources table (backfilled from postings) and the indexes dedup, close_missing and analysts need.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.execute("INSERT INTO sources (name, first_seen) "
               "SELECT source, MIN(first_seen) FROM postings GROUP BY source")
    op.create_index("ix_postings_canonical_id", "postings", ["canonical_id"], unique=False)
    op.create_index("ix_postings_company", "postings", ["company"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        # Keep the 3 KB texts out of line and uncompressed: refreshing last_seen then rewrites a small tuple,
        # not the text, and analysts' scans skip it (benchmarks/store_upsert.py).
        op.execute("ALTER TABLE postings ALTER COLUMN description SET STORAGE EXTERNAL")
        # Room on each page for the new row version, so a crawl's refresh of last_seen is a HOT update
        # that writes no index entries: https://www.postgresql.org/docs/current/storage-hot.html
        op.execute("ALTER TABLE postings SET (fillfactor = 70)")


def downgrade() -> None:
    op.drop_index("ix_postings_company", table_name="postings")
    op.drop_index("ix_postings_canonical_id", table_name="postings")
    op.drop_table("sources")
