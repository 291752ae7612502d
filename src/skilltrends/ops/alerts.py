"""Alerts: always to the log, and to an optional notifier — a command to run or a webhook URL to POST to.

A notifier that fails is logged and never raises: an alert must not take the scheduler down.
"""

from __future__ import annotations

import json
import logging
import os
import shlex
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

__all__ = ["Alert", "Notifier", "send_alert"]

log = logging.getLogger("skilltrends.alerts")


@dataclass(frozen=True, slots=True)
class Alert:
    """Something an operator should look at: which job, which source or run, and why."""

    reason: str
    job_id: str | None = None
    source: str | None = None
    run_id: int | None = None
    severity: str = "error"  # error | info (a source that works again)
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def summary(self) -> str:
        where = " ".join(filter(None, [f"job {self.job_id}" if self.job_id else None,
                                       f"source {self.source}" if self.source else None,
                                       f"run {self.run_id}" if self.run_id is not None else None]))
        return f"skilltrends {self.severity}: {where or 'scheduler'}: {self.reason}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self) | {"summary": self.summary}


@dataclass(frozen=True, slots=True)
class Notifier:
    """Where alerts go beyond the log. `command` gets the alert as JSON on stdin and SKILLTRENDS_ALERT_* variables;
    `webhook` gets it as a JSON POST (Slack-style incoming webhooks read its "text")."""

    command: str | None = None
    webhook: str | None = None
    timeout: float = 10.0


def send_alert(alert: Alert, notifier: Notifier | None = None) -> list[str]:
    """Log the alert and hand it to the notifier; returns the notifier failures (also logged)."""
    log.log(logging.INFO if alert.severity == "info" else logging.ERROR, "ALERT %s", alert.summary)
    failures: list[str] = []
    if notifier is not None and notifier.command:
        failures += _run_command(notifier.command, alert, timeout=notifier.timeout)
    if notifier is not None and notifier.webhook:
        failures += _post_webhook(notifier.webhook, alert, timeout=notifier.timeout)
    for failure in failures:
        log.error("alert notifier failed: %s", failure)
    return failures


def _run_command(command: str, alert: Alert, *, timeout: float) -> list[str]:
    env = os.environ | {"SKILLTRENDS_ALERT_SUMMARY": alert.summary, "SKILLTRENDS_ALERT_REASON": alert.reason,
                        "SKILLTRENDS_ALERT_JOB": alert.job_id or "", "SKILLTRENDS_ALERT_SOURCE": alert.source or "",
                        "SKILLTRENDS_ALERT_RUN": "" if alert.run_id is None else str(alert.run_id)}
    try:
        proc = subprocess.run(shlex.split(command), input=json.dumps(alert.to_dict()), env=env, text=True,
                              capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"command {command!r}: {exc}"]
    if proc.returncode:
        return [f"command {command!r} exited {proc.returncode}: {proc.stderr.strip()[-300:]}"]
    return []


def _post_webhook(url: str, alert: Alert, *, timeout: float) -> list[str]:
    body = json.dumps(alert.to_dict() | {"text": alert.summary}).encode()
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "User-Agent": "skilltrends"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (operator's URL)
            response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return [f"webhook {_redact(url)}: {exc}"]
    return []


def _redact(url: str) -> str:
    """Webhook URLs carry their secret in the path: log only scheme and host."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/…"
