"""Alerts reach the log, a notifier command and a webhook (a loopback server); a broken notifier never raises."""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from skilltrends.ops.alerts import Alert, Notifier, send_alert


class WebhookServer:
    """A loopback server that records JSON POST bodies."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, object]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server API)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                server.bodies.append(json.loads(body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return None

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hooks/secret-token"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def webhook() -> Iterator[WebhookServer]:
    server = WebhookServer()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


ALERT = Alert("saw 0 postings, under 20% of the median 40", job_id="crawl-ats", source="greenhouse", run_id=12)


def test_send_alert_posts_json_to_webhook(webhook: WebhookServer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        assert send_alert(ALERT, Notifier(webhook=webhook.url)) == []
    (body,) = webhook.bodies
    assert body["source"] == "greenhouse" and body["run_id"] == 12 and body["job_id"] == "crawl-ats"
    assert body["text"] == "skilltrends error: job crawl-ats source greenhouse run 12: " + ALERT.reason
    assert "ALERT skilltrends error: job crawl-ats" in caplog.text


def test_send_alert_runs_command_with_json_on_stdin(tmp_path: Path) -> None:
    out = tmp_path / "alert.json"
    script = f"import os,sys; open({str(out)!r},'w').write(sys.stdin.read() + os.environ['SKILLTRENDS_ALERT_RUN'])"
    command = f"{sys.executable} -c \"{script}\""
    assert send_alert(ALERT, Notifier(command=command)) == []
    text = out.read_text()
    assert text.endswith("}12") and json.loads(text[:-2])["reason"] == ALERT.reason


@pytest.mark.parametrize(
    "notifier",
    [Notifier(webhook="http://127.0.0.1:9/hooks/secret-token", timeout=2), Notifier(command="false"),
     Notifier(command="/no/such/notifier")],
)
def test_send_alert_broken_notifier_is_logged_not_raised(notifier: Notifier, caplog: pytest.LogCaptureFixture
                                                         ) -> None:
    with caplog.at_level(logging.ERROR):
        failures = send_alert(ALERT, notifier)
    assert len(failures) == 1 and "alert notifier failed" in caplog.text
    assert "secret-token" not in caplog.text
