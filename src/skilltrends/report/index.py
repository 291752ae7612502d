"""reports/index.html: a list of every report with its period, filters and date."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

__all__ = ["write_index"]


def _filters(filters: dict[str, Any]) -> str:
    parts = [
        f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
        for k, v in filters.items()
        if v not in (None, [], False, "")
    ]
    return "; ".join(parts) or "none"


def write_index(reports_dir: Path) -> Path:
    """Write reports_dir/index.html from every reports_dir/*/summary.json, newest first; returns its path."""
    rows = []
    for path in sorted(reports_dir.glob("*/summary.json")):
        try:
            s = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        rows.append((s.get("generated_at", ""), path.parent.name, s))
    rows.sort(key=lambda r: r[0], reverse=True)
    esc = html.escape
    body = "\n".join(
        f'<tr><td><a href="{esc(folder, quote=True)}/report.html">{esc(str(s.get("name", folder)))}</a></td>'
        f"<td>{esc(str(s.get('period', '')))}</td><td>{esc(str(s.get('since')))} to {esc(str(s.get('until')))}</td>"
        f'<td class="r">{int(s.get("postings") or 0):,}</td><td>{esc(_filters(s.get("filters", {})))}</td>'
        f"<td>{esc(str(generated))}</td></tr>"
        for generated, folder, s in rows
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>skilltrends reports</title>\n'
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1050px;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}"
        "th{background:#f4f4f4}td.r{text-align:right}</style></head>\n<body>\n<h1>skilltrends reports</h1>\n"
        "<table><tr><th>report</th><th>period</th><th>periods</th><th>postings</th><th>filters</th>"
        f"<th>generated (UTC)</th></tr>\n{body}\n</table>\n</body>\n</html>\n"
    )
    index = reports_dir / "index.html"
    index.write_text(page, encoding="utf-8")
    return index
