-- The store's schema on SQLite at revision 0005; generated, do not edit.
-- Regenerate: PYTHONPATH=src python -m skilltrends.store.migrate > schemas/store.sql
-- Every table, view and column is described in schemas/store.md.

CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE crawl_runs (
	id INTEGER NOT NULL, 
	spider VARCHAR(64) NOT NULL, 
	arguments JSON NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	status VARCHAR(16) NOT NULL, 
	message TEXT, 
	stats JSON NOT NULL, 
	items_new INTEGER NOT NULL, 
	items_updated INTEGER NOT NULL, 
	items_unchanged INTEGER NOT NULL, 
	items_dropped INTEGER NOT NULL, requests INTEGER DEFAULT 0 NOT NULL, responses_by_status JSON DEFAULT '{}' NOT NULL, dropped_by_reason JSON DEFAULT '{}' NOT NULL, errors INTEGER DEFAULT 0 NOT NULL, failed_targets JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_crawl_runs_spider ON crawl_runs (spider);

CREATE TABLE report_runs (
	id INTEGER NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	status VARCHAR(16) NOT NULL, 
	parameters JSON NOT NULL, 
	path TEXT, 
	PRIMARY KEY (id)
);

CREATE TABLE skills (
	id VARCHAR(64) NOT NULL, 
	name VARCHAR(128) NOT NULL, 
	category VARCHAR(64) NOT NULL, 
	groups JSON NOT NULL, 
	taxonomy_version VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE postings (
	id INTEGER NOT NULL, 
	source VARCHAR(32) NOT NULL, 
	external_id VARCHAR(255) NOT NULL, 
	url TEXT NOT NULL, 
	title TEXT NOT NULL, 
	company VARCHAR(255), 
	board VARCHAR(255), 
	location TEXT, 
	city VARCHAR(255), 
	region VARCHAR(255), 
	country VARCHAR(8), 
	workplace VARCHAR(16), 
	posted_at DATETIME, 
	valid_through DATETIME, 
	employment_type VARCHAR(64), 
	seniority VARCHAR(16), 
	role_family VARCHAR(32) NOT NULL, 
	salary_min FLOAT, 
	salary_max FLOAT, 
	salary_currency VARCHAR(8), 
	salary_period VARCHAR(8), 
	description TEXT NOT NULL, 
	raw JSON NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, 
	first_seen DATETIME NOT NULL, 
	last_seen DATETIME NOT NULL, 
	closed_at DATETIME, 
	last_run_id INTEGER, 
	canonical_id INTEGER, 
	extracted_hash VARCHAR(64), 
	extractor_version VARCHAR(64), 
	PRIMARY KEY (id), 
	FOREIGN KEY(canonical_id) REFERENCES postings (id), 
	FOREIGN KEY(last_run_id) REFERENCES crawl_runs (id), 
	CONSTRAINT uq_postings_source_external_id UNIQUE (source, external_id)
);

CREATE INDEX ix_postings_posted_at ON postings (posted_at);

CREATE INDEX ix_postings_role_family ON postings (role_family);

CREATE TABLE posting_requirements (
	posting_id INTEGER NOT NULL, 
	degree_min VARCHAR(16), 
	degree_fields JSON NOT NULL, 
	equivalent_experience_ok BOOLEAN NOT NULL, 
	years_min FLOAT, 
	years_max FLOAT, 
	pay_min FLOAT, 
	pay_max FLOAT, 
	pay_currency VARCHAR(8), 
	pay_period VARCHAR(8), 
	pay_source VARCHAR(16), 
	extractor_version VARCHAR(64) NOT NULL, 
	PRIMARY KEY (posting_id), 
	FOREIGN KEY(posting_id) REFERENCES postings (id) ON DELETE CASCADE
);

CREATE TABLE posting_skills (
	id INTEGER NOT NULL, 
	posting_id INTEGER NOT NULL, 
	skill_id VARCHAR(64) NOT NULL, 
	requirement VARCHAR(16) NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	text VARCHAR(255) NOT NULL, 
	extractor_version VARCHAR(64) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(posting_id) REFERENCES postings (id) ON DELETE CASCADE
);

CREATE INDEX ix_posting_skills_posting ON posting_skills (posting_id);

CREATE INDEX ix_posting_skills_skill ON posting_skills (skill_id, posting_id);

CREATE TABLE sources (
	name VARCHAR(32) NOT NULL, 
	first_seen DATETIME NOT NULL, 
	PRIMARY KEY (name)
);

CREATE INDEX ix_postings_canonical_id ON postings (canonical_id);

CREATE INDEX ix_postings_company ON postings (company);

CREATE VIEW unique_postings AS
SELECT p.id AS posting_id, p.source, p.external_id, p.url, p.title, p.company, p.board, p.location, p.city,
       p.region, p.country, p.workplace, p.employment_type, p.seniority, p.role_family,
       p.posted_at, p.first_seen, p.last_seen, p.closed_at,
       COALESCE(p.posted_at, p.first_seen) AS posted_on, strftime('%Y-%m', COALESCE(p.posted_at, p.first_seen)) AS posted_month, strftime('%Y', COALESCE(p.posted_at, p.first_seen)) || '-Q' || ((CAST(strftime('%m', COALESCE(p.posted_at, p.first_seen)) AS INTEGER) + 2) / 3) AS posted_quarter, CAST(strftime('%Y', COALESCE(p.posted_at, p.first_seen)) AS INTEGER) AS posted_year,
       COALESCE(d.copies, 1) AS copies,
       r.degree_min, CAST(r.degree_fields AS TEXT) AS degree_fields, r.equivalent_experience_ok,
       r.years_min, r.years_max, r.pay_min, r.pay_max, r.pay_currency, r.pay_period, r.pay_source,
       r.pay_min * CASE r.pay_period WHEN 'year' THEN 1 WHEN 'month' THEN 12 WHEN 'week' THEN 52 WHEN 'day' THEN 260 WHEN 'hour' THEN 2080 END AS pay_min_annual, r.pay_max * CASE r.pay_period WHEN 'year' THEN 1 WHEN 'month' THEN 12 WHEN 'week' THEN 52 WHEN 'day' THEN 260 WHEN 'hour' THEN 2080 END AS pay_max_annual,
       p.extractor_version, p.description
FROM postings p
LEFT JOIN (SELECT canonical_id, COUNT(*) AS copies FROM postings
           WHERE canonical_id IS NOT NULL GROUP BY canonical_id) d ON d.canonical_id = p.id
LEFT JOIN posting_requirements r ON r.posting_id = p.id
WHERE p.canonical_id IS NULL OR p.canonical_id = p.id;

CREATE VIEW unique_posting_skills AS
SELECT m.posting_id, m.skill_id, s.name AS skill_name, s.category, CAST(s.groups AS TEXT) AS skill_groups,
       m.requirement, m.mentions,
       u.posted_on, u.posted_month, u.posted_quarter, u.role_family, u.seniority, u.company, u.country,
       u.source
FROM (SELECT posting_id, skill_id, MAX(requirement) AS requirement, COUNT(*) AS mentions
      FROM posting_skills GROUP BY posting_id, skill_id) m
JOIN unique_postings u ON u.posting_id = m.posting_id
LEFT JOIN skills s ON s.id = m.skill_id;

CREATE VIEW skill_group_members AS SELECT j.value AS group_id, s.id AS skill_id FROM skills s, json_each(s.groups) AS j;

CREATE VIEW monthly_skill_shares AS
SELECT t.posted_month AS month, k.skill_id, s.name AS skill_name, s.category,
       k.postings, t.total AS total_postings, CAST(k.postings AS DOUBLE PRECISION) / t.total AS share
FROM (SELECT posted_month, COUNT(*) AS total FROM unique_postings
      WHERE extractor_version IS NOT NULL  GROUP BY posted_month) t
JOIN (SELECT posted_month, skill_id, COUNT(*) AS postings FROM unique_posting_skills
      WHERE 1 = 1  GROUP BY posted_month, skill_id) k ON k.posted_month = t.posted_month
LEFT JOIN skills s ON s.id = k.skill_id;

CREATE VIEW monthly_skill_shares_ml AS
SELECT t.posted_month AS month, k.skill_id, s.name AS skill_name, s.category,
       k.postings, t.total AS total_postings, CAST(k.postings AS DOUBLE PRECISION) / t.total AS share
FROM (SELECT posted_month, COUNT(*) AS total FROM unique_postings
      WHERE extractor_version IS NOT NULL AND role_family IN ('ml_engineer', 'mlops_engineer') GROUP BY posted_month) t
JOIN (SELECT posted_month, skill_id, COUNT(*) AS postings FROM unique_posting_skills
      WHERE 1 = 1 AND role_family IN ('ml_engineer', 'mlops_engineer') GROUP BY posted_month, skill_id) k ON k.posted_month = t.posted_month
LEFT JOIN skills s ON s.id = k.skill_id;

CREATE TABLE job_runs (
	id INTEGER NOT NULL, 
	job_id VARCHAR(128) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	"trigger" VARCHAR(16) NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	status VARCHAR(16) NOT NULL, 
	message TEXT, 
	crawl_run_ids JSON NOT NULL, 
	pid INTEGER, 
	log TEXT, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_job_runs_job_id ON job_runs (job_id, id);
