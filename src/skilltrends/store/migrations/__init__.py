"""Alembic migrations of the store, applied by `skilltrends db upgrade` and by make_engine on first use."""
