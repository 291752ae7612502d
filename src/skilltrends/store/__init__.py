"""Store stage: the SQL schema (SQLAlchemy), engines, and loading postings and extraction results."""
