"""Alembic environment: the caller (skilltrends.store.migrate) always hands over an open connection."""

from __future__ import annotations

from alembic import context

from skilltrends.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations with skilltrends.store.migrate.upgrade_db, `skilltrends db upgrade`.")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
