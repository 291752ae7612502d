"""A report as a list of blocks, rendered to Markdown and to a self-contained HTML page.

Every string that reaches the output is escaped here, whatever its origin: posting titles, company names and
filter values come from the open web (a title like `<script>alert(1)</script>` must render as text).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Heading", "Para", "Table", "Image", "render_markdown", "render_html", "md_text"]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Para:
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    caption: str = ""
    files: Sequence[str] = field(default_factory=tuple)
    right: Sequence[bool] = field(default_factory=tuple)  # right-align this column (numbers)


@dataclass(frozen=True, slots=True)
class Image:
    path: Path
    alt: str


Block = Heading | Para | Table | Image


def md_text(text: str) -> str:
    """Text safe inside Markdown: no raw HTML, no table-breaking pipes or newlines."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\r", " ")
        .replace("\n", " ")
    )


def render_markdown(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + md_text(block.text), ""]
        elif isinstance(block, Para):
            out += [md_text(block.text), ""]
        elif isinstance(block, Image):
            out += [f"![{md_text(block.alt)}]({block.path.name})", ""]
        else:
            if block.caption:
                out += [md_text(block.caption), ""]
            out.append("| " + " | ".join(md_text(h) for h in block.header) + " |")
            align = list(block.right) + [False] * (len(block.header) - len(block.right))
            out.append("|" + "|".join("---:" if r else "---" for r in align) + "|")
            out += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in block.rows]
            if block.files:
                out += ["", "Files: " + ", ".join(f"`{md_text(f)}`" for f in block.files)]
            out.append("")
    return "\n".join(out)


_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1050px;margin:2em auto;padding:0 1em;
color:#222}
h1{font-size:1.7em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}h3{margin-top:1.4em}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:13px}th,td{border:1px solid #ddd;padding:3px 8px}
th{background:#f4f4f4;text-align:left}td.r{text-align:right;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;color:#555;padding:.2em 0}img{max-width:100%;height:auto}
.files{color:#666;font-size:12px}nav a{margin-right:.8em}
"""


def _html_block(block: Block) -> str:
    esc = html.escape
    if isinstance(block, Heading):
        anchor = f' id="{esc(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{esc(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        return f"<p>{esc(block.text)}</p>"
    if isinstance(block, Image):
        data = base64.b64encode(block.path.read_bytes()).decode("ascii")
        return f'<p><img src="data:image/png;base64,{data}" alt="{esc(block.alt)}"></p>'
    align = list(block.right) + [False] * (len(block.header) - len(block.right))
    parts = ["<table>"]
    if block.caption:
        parts.append(f"<caption>{esc(block.caption)}</caption>")
    parts.append("<tr>" + "".join(f"<th>{esc(h)}</th>" for h in block.header) + "</tr>")
    for row in block.rows:
        cells = "".join(
            f'<td class="r">{esc(c)}</td>' if r else f"<td>{esc(c)}</td>"
            for c, r in zip(row, align, strict=False)
        )
        parts.append(f"<tr>{cells}</tr>")
    parts.append("</table>")
    if block.files:
        parts.append('<p class="files">Files: ' + ", ".join(esc(f) for f in block.files) + "</p>")
    return "\n".join(parts)


def render_html(blocks: Sequence[Block], *, title: str) -> str:
    """One self-contained page: inline CSS, charts as data URIs, no scripts, every string escaped."""
    nav = " ".join(
        f'<a href="#{html.escape(b.anchor)}">{html.escape(b.text)}</a>'
        for b in blocks
        if isinstance(b, Heading) and b.level == 2 and b.anchor
    )
    body = "\n".join(_html_block(b) for b in blocks)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<nav>{nav}</nav>\n{body}\n</body>\n</html>\n"
    )
