"""A local HTTP server that serves a sample market in the shapes of real public job-board APIs.

URLs (relative to the base URL that ``serve_market`` yields):

* ``/_sample/manifest.json``: boards per source, for crawlers
* Greenhouse: ``/v1/boards/{token}/jobs[?content=true]``,
  ``/v1/boards/{token}/jobs/{id}[?pay_transparency=true]``
* Lever: ``/v0/postings/{site}?mode=json[&skip=N&limit=M]`` (HTML without ``mode=json``)
* Ashby: ``/posting-api/job-board/{name}[?includeCompensation=true]``
* JSON-LD careers sites: ``/robots.txt``, ``/sitemap.xml`` (index), ``/sitemaps/jobs-1.xml.gz``,
  ``/sitemaps/jobs-2.xml``, ``/careers/{site}`` and ``/careers/{site}/jobs/{id}``
* Hacker News: ``/v0/user/whoishiring.json``, ``/v0/item/{id}.json``
  (``null`` for unknown ids, as Firebase does)
* Hosted job pages linked from payloads: ``/hosted/{greenhouse|lever|ashby}/{board}/{id}``

Usage: ``python -m skilltrends.sample.server DIR --port 8000`` (writes a market to DIR first if empty).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from skilltrends.sample.market import Market, generate_market, load_records, write_market
from skilltrends.sample.sources import BASE

__all__ = ["MarketIndex", "serve_market", "main"]


class MarketIndex:
    """Records of a market indexed by the lookups the routes need."""

    def __init__(self, manifest: dict[str, Any], records: list[dict[str, Any]]) -> None:
        self.manifest = manifest
        self.boards: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.by_id: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.pages: list[dict[str, Any]] = []
        for record in records:
            key = (record["source"], record["board"])
            self.boards.setdefault(key, []).append(record["payload"])
            self.by_id[(record["source"], record["board"], record["id"])] = record
            if record["source"] == "jsonld":
                self.pages.append(record)
        self.pages.sort(key=lambda r: (r["posted_at"], r["board"], r["id"]))
        for source in ("greenhouse", "lever", "ashby"):
            for token in manifest.get(source, []):
                self.boards.setdefault((source, token), [])

    def sitemap_parts(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The careers pages split across the two sitemaps (older half gzipped)."""
        half = len(self.pages) // 2
        return self.pages[:half], self.pages[half:]


def urlset(pages: list[dict[str, Any]], base: str) -> str:
    """A sitemap <urlset> for careers pages."""
    rows = [
        f"<url><loc>{base}/careers/{p['board']}/jobs/{p['id']}</loc><lastmod>{p['posted_at'][:10]}</lastmod>"
        "<changefreq>weekly</changefreq></url>"
        for p in pages
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</urlset>\n"
    )


def sitemap_index(index: MarketIndex, base: str) -> str:
    older, newer = index.sitemap_parts()
    rows = []
    for name, part in (("jobs-1.xml.gz", older), ("jobs-2.xml", newer)):
        lastmod = part[-1]["posted_at"][:10] if part else "2023-01-01"
        rows.append(f"<sitemap><loc>{base}/sitemaps/{name}</loc><lastmod>{lastmod}</lastmod></sitemap>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</sitemapindex>\n"
    )


def html_page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head><body>{body}</body></html>\n"
    )


def int_arg(query: dict[str, list[str]], name: str, default: int | None) -> int | None:
    values = query.get(name)
    try:
        return int(values[0]) if values else default
    except ValueError:
        return default


def truthy(query: dict[str, list[str]], name: str) -> bool:
    return query.get(name, ["false"])[0].lower() in ("true", "1", "yes")


class Handler(BaseHTTPRequestHandler):
    """Routes GET requests to the imitation job boards."""

    index: MarketIndex
    server_version = "skilltrends-sample/0.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output quiet

    def base(self) -> str:
        host = self.headers.get("Host")
        if not host:
            address = self.server.server_address  # (host, port): the server is IPv4 or IPv6
            host = f"{address[0]!s}:{address[1]!s}"  # type: ignore[index]
        return f"http://{host}"

    def send(self, status: int, body: bytes | str, content_type: str) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, data: Any, status: int = 200) -> None:
        text = json.dumps(data, ensure_ascii=False).replace(BASE, self.base())
        self.send(status, text, "application/json; charset=utf-8")

    def send_html(self, text: str, status: int = 200) -> None:
        self.send(status, text.replace(BASE, self.base()), "text/html; charset=utf-8")

    def not_found(self) -> None:
        self.send_html(html_page("Not Found", "<h1>404 Not Found</h1>"), 404)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        for pattern, method in ROUTES:
            match = re.fullmatch(pattern, parts.path)
            if match:
                getattr(self, method)(query, *match.groups())
                return
        self.not_found()

    def manifest(self, query: dict[str, list[str]]) -> None:
        self.send_json(self.index.manifest)

    def greenhouse_jobs(self, query: dict[str, list[str]], token: str) -> None:
        jobs = self.index.boards.get(("greenhouse", token))
        if jobs is None:
            self.send_json({"status": 404, "error": "Encountered an error"}, 404)
            return
        content = truthy(query, "content")
        listed = [
            {k: v for k, v in job.items() if k != "pay_input_ranges" and (content or k != "content")}
            for job in jobs
        ]
        self.send_json({"jobs": listed, "meta": {"total": len(listed)}})

    def greenhouse_job(self, query: dict[str, list[str]], token: str, job_id: str) -> None:
        record = self.index.by_id.get(("greenhouse", token, job_id))
        if record is None:
            self.send_json({"status": 404, "error": "Job not found"}, 404)
            return
        job = dict(record["payload"])
        if not truthy(query, "pay_transparency"):
            del job["pay_input_ranges"]
        self.send_json(job)

    def lever_postings(self, query: dict[str, list[str]], site: str) -> None:
        postings = self.index.boards.get(("lever", site))
        if postings is None:
            self.send_json({"ok": False, "error": "Document not found"}, 404)
            return
        if query.get("mode", [""])[0] != "json":
            links = "".join(
                f'<li><a href="{p["hostedUrl"]}">{html.escape(p["text"])}</a></li>' for p in postings
            )
            self.send_html(html_page(f"{site} jobs", f"<ul>{links}</ul>"))
            return
        skip = int_arg(query, "skip", 0) or 0
        limit = int_arg(query, "limit", None)
        self.send_json(postings[skip:] if limit is None else postings[skip : skip + limit])

    def ashby_board(self, query: dict[str, list[str]], name: str) -> None:
        jobs = self.index.boards.get(("ashby", name))
        if jobs is None:
            self.send_json({"success": False, "errors": [f"Job board {name} not found"]}, 404)
            return
        if not truthy(query, "includeCompensation"):
            jobs = [{k: v for k, v in job.items() if k != "compensation"} for job in jobs]
        self.send_json({"apiVersion": "1", "jobs": jobs})

    def robots(self, query: dict[str, list[str]]) -> None:
        text = (
            "User-agent: *\nAllow: /careers/\nDisallow: /admin/\nDisallow: /*?apply=\n\n"
            f"Sitemap: {self.base()}/sitemap.xml\n"
        )
        self.send(200, text, "text/plain; charset=utf-8")

    def sitemap(self, query: dict[str, list[str]]) -> None:
        self.send(200, sitemap_index(self.index, self.base()), "application/xml")

    def sitemap_part(self, query: dict[str, list[str]], number: str, gz: str | None) -> None:
        older, newer = self.index.sitemap_parts()
        if (number, bool(gz)) == ("1", True):
            data = gzip.compress(urlset(older, self.base()).encode("utf-8"), mtime=0)
            self.send(200, data, "application/x-gzip")
        elif (number, bool(gz)) == ("2", False):
            self.send(200, urlset(newer, self.base()), "application/xml")
        else:
            self.not_found()

    def careers_list(self, query: dict[str, list[str]], site: str) -> None:
        pages = [p for p in self.index.pages if p["board"] == site]
        if not pages:
            self.not_found()
            return
        links = "".join(f'<li><a href="/careers/{site}/jobs/{p["id"]}">{p["id"]}</a></li>' for p in pages)
        self.send_html(html_page(f"Careers at {site}", f"<ul>{links}</ul>"))

    def careers_job(self, query: dict[str, list[str]], site: str, job_id: str) -> None:
        record = self.index.by_id.get(("jsonld", site, job_id))
        if record is None:
            self.not_found()
            return
        self.send_html(record["payload"])

    def hosted(self, query: dict[str, list[str]], source: str, board: str, job_id: str) -> None:
        record = self.index.by_id.get((source, board, job_id))
        if record is None:
            self.not_found()
            return
        job = record["payload"]
        title = job.get("title") or job.get("text") or ""
        body = (
            html.unescape(job["content"])
            if source == "greenhouse"
            else job.get("descriptionHtml") or job.get("description", "")
        )
        self.send_html(html_page(title, f"<h1>{html.escape(title)}</h1>{body}"))

    def hn_user(self, query: dict[str, list[str]], name: str) -> None:
        record = self.index.by_id.get(("hn", "user", name))
        self.send_json(record["payload"] if record else None)

    def hn_item(self, query: dict[str, list[str]], item_id: str) -> None:
        record = self.index.by_id.get(("hn", "item", item_id))
        self.send_json(record["payload"] if record else None)


ROUTES: list[tuple[str, str]] = [
    (r"/_sample/manifest\.json", "manifest"),
    (r"/v1/boards/([\w-]+)/jobs/?", "greenhouse_jobs"),
    (r"/v1/boards/([\w-]+)/jobs/(\d+)", "greenhouse_job"),
    (r"/v0/postings/([\w-]+)/?", "lever_postings"),
    (r"/posting-api/job-board/([\w.-]+)", "ashby_board"),
    (r"/robots\.txt", "robots"),
    (r"/sitemap\.xml", "sitemap"),
    (r"/sitemaps/jobs-(\d+)\.xml(\.gz)?", "sitemap_part"),
    (r"/careers/([\w-]+)/?", "careers_list"),
    (r"/careers/([\w-]+)/jobs/([\w-]+)", "careers_job"),
    (r"/hosted/(greenhouse|lever|ashby)/([\w-]+)/([\w-]+)", "hosted"),
    (r"/v0/user/([\w-]+)\.json", "hn_user"),
    (r"/v0/item/(\d+)\.json", "hn_item"),
]


def build_index(market: Market | Path | str) -> MarketIndex:
    """Index a Market in memory or a directory written by ``write_market``."""
    if isinstance(market, Market):
        return MarketIndex(market.manifest(), market.records)
    return MarketIndex(*load_records(market))


@contextlib.contextmanager
def serve_market(market: Market | Path | str, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve a market on a daemon thread; yields the base URL (``http://127.0.0.1:PORT``)."""
    handler = type("MarketHandler", (Handler,), {"index": build_index(market)})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="sample-market", daemon=True
    )
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main(argv: list[str] | None = None) -> None:
    """Serve DIR until interrupted, writing the default market there first if it has none."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("dir", type=Path, help="directory written by write_market (created if missing)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--seed", type=int, default=7, help="seed used when DIR has no market yet")
    args = parser.parse_args(argv)
    if not (args.dir / "manifest.json").exists():
        write_market(generate_market(seed=args.seed), args.dir)
    with serve_market(args.dir, host=args.host, port=args.port) as url:
        print(f"Serving sample market from {args.dir} at {url} (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
