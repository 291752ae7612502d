"""Analyst views: unique postings (dedup applied), posting x skill, skill groups, monthly skill shares.

Only the date arithmetic and the JSON unnesting differ between SQLite and PostgreSQL; everything else is the
same SQL. Documented column by column in schemas/store.md.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_DAY = "COALESCE(p.posted_at, p.first_seen)"

_DATES = {
    "sqlite": {
        "month": f"strftime('%Y-%m', {_DAY})",
        "quarter": f"strftime('%Y', {_DAY}) || '-Q' || ((CAST(strftime('%m', {_DAY}) AS INTEGER) + 2) / 3)",
        "year": f"CAST(strftime('%Y', {_DAY}) AS INTEGER)",
    },
    "postgresql": {
        "month": f"to_char({_DAY} AT TIME ZONE 'UTC', 'YYYY-MM')",
        "quarter": f"to_char({_DAY} AT TIME ZONE 'UTC', 'YYYY-\"Q\"Q')",
        "year": f"CAST(EXTRACT(YEAR FROM {_DAY} AT TIME ZONE 'UTC') AS INTEGER)",
    },
}

_GROUP_MEMBERS = {
    "sqlite": "SELECT j.value AS group_id, s.id AS skill_id FROM skills s, json_each(s.groups) AS j",
    "postgresql": "SELECT g.value AS group_id, s.id AS skill_id "
                  "FROM skills s CROSS JOIN LATERAL json_array_elements_text(s.groups) AS g(value)",
}

_ANNUAL = ("CASE r.pay_period WHEN 'year' THEN 1 WHEN 'month' THEN 12 WHEN 'week' THEN 52 "
           "WHEN 'day' THEN 260 WHEN 'hour' THEN 2080 END")

_UNIQUE_POSTINGS = """
CREATE VIEW unique_postings AS
SELECT p.id AS posting_id, p.source, p.external_id, p.url, p.title, p.company, p.board, p.location, p.city,
       p.region, p.country, p.workplace, p.employment_type, p.seniority, p.role_family,
       p.posted_at, p.first_seen, p.last_seen, p.closed_at,
       {day} AS posted_on, {month} AS posted_month, {quarter} AS posted_quarter, {year} AS posted_year,
       COALESCE(d.copies, 1) AS copies,
       r.degree_min, CAST(r.degree_fields AS TEXT) AS degree_fields, r.equivalent_experience_ok,
       r.years_min, r.years_max, r.pay_min, r.pay_max, r.pay_currency, r.pay_period, r.pay_source,
       r.pay_min * {annual} AS pay_min_annual, r.pay_max * {annual} AS pay_max_annual,
       p.extractor_version, p.description
FROM postings p
LEFT JOIN (SELECT canonical_id, COUNT(*) AS copies FROM postings
           WHERE canonical_id IS NOT NULL GROUP BY canonical_id) d ON d.canonical_id = p.id
LEFT JOIN posting_requirements r ON r.posting_id = p.id
WHERE p.canonical_id IS NULL OR p.canonical_id = p.id
"""

_UNIQUE_POSTING_SKILLS = """
CREATE VIEW unique_posting_skills AS
SELECT m.posting_id, m.skill_id, s.name AS skill_name, s.category, CAST(s.groups AS TEXT) AS skill_groups,
       m.requirement, m.mentions,
       u.posted_on, u.posted_month, u.posted_quarter, u.role_family, u.seniority, u.company, u.country,
       u.source
FROM (SELECT posting_id, skill_id, MAX(requirement) AS requirement, COUNT(*) AS mentions
      FROM posting_skills GROUP BY posting_id, skill_id) m
JOIN unique_postings u ON u.posting_id = m.posting_id
LEFT JOIN skills s ON s.id = m.skill_id
"""

_MONTHLY_SHARES = """
CREATE VIEW {name} AS
SELECT t.posted_month AS month, k.skill_id, s.name AS skill_name, s.category,
       k.postings, t.total AS total_postings, CAST(k.postings AS DOUBLE PRECISION) / t.total AS share
FROM (SELECT posted_month, COUNT(*) AS total FROM unique_postings
      WHERE extractor_version IS NOT NULL {families} GROUP BY posted_month) t
JOIN (SELECT posted_month, skill_id, COUNT(*) AS postings FROM unique_posting_skills
      WHERE 1 = 1 {families} GROUP BY posted_month, skill_id) k ON k.posted_month = t.posted_month
LEFT JOIN skills s ON s.id = k.skill_id
"""

_ML_FAMILIES = "AND role_family IN ('ml_engineer', 'mlops_engineer')"

VIEWS = ("monthly_skill_shares_ml", "monthly_skill_shares", "skill_group_members", "unique_posting_skills",
         "unique_postings")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    dates = _DATES.get(dialect, _DATES["postgresql"])
    op.execute(_UNIQUE_POSTINGS.format(day=_DAY, annual=_ANNUAL, **dates))
    op.execute(_UNIQUE_POSTING_SKILLS)
    members = _GROUP_MEMBERS.get(dialect, _GROUP_MEMBERS["postgresql"])
    op.execute(f"CREATE VIEW skill_group_members AS {members}")
    op.execute(_MONTHLY_SHARES.format(name="monthly_skill_shares", families=""))
    op.execute(_MONTHLY_SHARES.format(name="monthly_skill_shares_ml", families=_ML_FAMILIES))


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
