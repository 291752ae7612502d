"""Errors the user can fix. Anything else is a bug and keeps its traceback.

Hierarchy:

    SkillTrendsError
    ├── ConfigError        bad settings, sources or schedule files, unknown names
    ├── SchemaError        data that does not match schemas/
    ├── CrawlError         a crawl that failed or yielded nothing where it used to
    ├── StoreError         the database refused or is in a bad state
    └── QueryError         a bad or forbidden analyst query
"""

from __future__ import annotations

__all__ = ["SkillTrendsError", "ConfigError", "SchemaError", "CrawlError", "StoreError", "QueryError"]


class SkillTrendsError(Exception):
    """Base for problems the user can fix."""


class ConfigError(SkillTrendsError):
    """A setting, a sources file or a name is wrong."""


class SchemaError(SkillTrendsError):
    """Data does not match its JSON Schema."""


class CrawlError(SkillTrendsError):
    """A crawl failed, or yielded no postings where its last good run yielded many."""


class StoreError(SkillTrendsError):
    """The database refused an operation."""


class QueryError(SkillTrendsError):
    """An analyst query is malformed or tries to write."""
