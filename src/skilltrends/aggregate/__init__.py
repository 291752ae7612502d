"""Aggregate stage: pure LazyFrame -> LazyFrame functions. Only report/ collects and writes."""
