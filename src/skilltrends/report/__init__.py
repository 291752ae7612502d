"""Report stage: the only place that collects frames and writes files."""
