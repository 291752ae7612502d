"""Section (j): methodology and limitations, written for a reader who will cite the numbers; and how to cite."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skilltrends.report.document import Block, Heading, Para

__all__ = ["methodology_blocks", "citation_text"]


def methodology_blocks(meta: Any, summary: Mapping[str, Any]) -> list[Block]:
    f = meta.filters
    families = ", ".join(f.get("role_families") or []) or "every role family"
    sources = ", ".join(meta.sources) or "every source in the store"
    return [
        Heading("(j) Methodology and limitations", 2, "methodology"),
        Heading("Sources and role filter", 3),
        Para(
            f"Postings crawled from public job boards ({sources}) into the skilltrends store. The report counts "
            f"the role families {families}; a posting's family comes from its title by ordered rules (see the "
            'project README, "Role families"). Other filters: '
            + (
                ", ".join(
                    f"{k} = {v}" for k, v in f.items() if k != "role_families" and v not in (None, [], False)
                )
                or "none"
            )
            + "."
        ),
        Heading("Duplicates", 3),
        Para(
            "The same job published on several boards, or re-posted, is stored once per copy; the store's dedup "
            "step links copies to one canonical posting (postings.canonical_id). The report counts each job once, "
            "with the attributes (date, source, company) of its canonical copy. The coverage section lists the "
            "copies removed per source and period."
        ),
        Heading("Denominator and dates", 3),
        Para(
            "Every share has the same denominator: unique postings dated in the period that pass the filters, "
            "whether or not they name any skill. A posting is dated by its publication date, else by when it was "
            f"first seen. Periods are calendar {meta.period}s (weeks start on Monday). A posting counts for an item "
            "when it names at least one of the item's skills; a group (e.g. any cloud platform) counts a posting "
            "once however many members it names. Required vs preferred: a posting counts as requiring an item if "
            "any mention of it sits in a required context, else as preferring it."
        ),
        Heading("Skill extraction", 3),
        Para(
            f"Skills are tagged by a dictionary tagger (extractor {meta.extractor_version}, taxonomy "
            f"{meta.taxonomy_version}) with context rules for ambiguous names (R, Go, C, Spark ...). Tagging errors "
            "are not in the intervals below; the extractor's measured precision and recall on a labelled sample "
            "are in benchmarks/. Reports made with different extractor or taxonomy versions are not strictly "
            "comparable."
        ),
        Heading("Intervals and tests", 3),
        Para(
            "Shares carry 95% Wilson score intervals (Wilson 1927), which stay inside [0, 1] and behave at small "
            "counts. A change is the difference of two shares in percentage points, with a 95% Newcombe hybrid "
            "score interval (Newcombe 1998, method 10) and the two-sided p-value of the pooled two-proportion z "
            "test. Changes are taken against the previous period and the same period a year before. The rising "
            "and falling list tests every skill and group at once and controls the false discovery rate with "
            "Benjamini-Hochberg q-values (below 0.05 = significant). Periods with fewer than 30 postings are "
            "flagged (low_n), never hidden. Pay: medians and quartiles (linear interpolation) of annualised pay "
            "per currency, with n; no intervals. Co-occurrence: support (share naming both) and lift "
            "(P(a and b) / (P(a) P(b))), pairs with at least 10 postings."
        ),
        Heading("Limitations", 3),
        Para(
            "The postings are those of the boards crawled, not a random sample of all jobs: large companies and "
            "the boards' own audiences weigh more. Intervals cover sampling noise within that population only. "
            "Consecutive periods share some postings' employers, so changes are not fully independent. A posting "
            "naming a skill is not the same as a job needing it. Pay is stated by a minority of postings, more "
            "often where the law asks for it (e.g. some US states); pay figures describe those postings only. "
            "The latest period may be incomplete."
        ),
        Heading("Files", 3),
        Para(
            "Every table is in this folder as CSV and Parquet (shares.csv holds every period x item with "
            "counts, shares, intervals, the required/preferred split and both changes); summary.json holds the "
            "same numbers and the report's parameters (schema: schemas/report.schema.json)."
        ),
    ]


def citation_text(meta: Any, summary: Mapping[str, Any]) -> str:
    return (
        f'skilltrends report "{meta.name}" ({summary["period"]} shares, {summary["since"]} to '
        f"{summary['until']}, {summary['postings']:,} unique postings; extractor {meta.extractor_version}, "
        f"taxonomy {meta.taxonomy_version}; generated {summary['generated_at']}). Cite a share with its "
        "95% interval and its period's denominator, e.g. \"PyTorch: 61.2% (95% CI 58.0-64.3%) of n = 912 "
        'postings", and name the filters.'
    )
