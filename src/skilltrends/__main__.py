"""`python -m skilltrends`."""

from skilltrends.cli import cli

cli(prog_name="skilltrends")
