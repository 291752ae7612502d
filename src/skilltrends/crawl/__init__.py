"""Crawl stage: normalisation helpers and source parsers (pure), and the crawl runner."""
