"""
The faults, each injected while the load runs. Each returns a Fault: its time
window (to cut the load's answers), the seconds to recover and its own checks.
"""

import json
import os
import signal
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.services import Stack, fetch

PASSWORD = "chaos-" + "p" * 20
TEAPOT_EDIT = """
import time
from django.db import transaction
from catalog.models import ErrorReason, ErrorStatus
for label in {labels!r}:
    with transaction.atomic():
        status = ErrorStatus.objects.get(status=418)
        status.title = "Teapot " + label
        status.save()
        reason = ErrorReason.objects.get(code="teapot")
        reason.message = "I'm a teapot, edit " + label + "."
        reason.save()
    print("EDIT", label, time.time(), flush=True)
    time.sleep({pause})
"""
SETUP = f"""
from django.contrib.auth.models import User
User.objects.filter(username="chaos").delete()
User.objects.create_user(username="chaos", password={PASSWORD!r})
"""


def teapot_text(label: str) -> tuple[str, str]:
    return (f"Teapot {label}", f"I'm a teapot, edit {label}.")


@dataclass
class Fault:
    name: str
    start: float = field(default_factory=time.time)
    end: float = 0.0
    recovery: float | None = None
    checks: dict[str, bool] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    edits: list[tuple[float, str]] = field(default_factory=list)
    dropped_allowed: int = 0  # requests in flight on a killed worker lose their connection


def catalog_edit(stack: Stack, labels: list[str], *, pause: float = 0.0) -> list[float]:
    """Edits the 418 title and the teapot message together, one transaction per label."""
    out = stack.manage("shell", "-c", TEAPOT_EDIT.format(labels=labels, pause=pause))
    return [float(line.split()[2]) for line in out.splitlines() if line.startswith("EDIT ")]


def token_get(stack: Stack) -> tuple[int, str]:
    query = urlencode({"client_id": "morph-api", "grant_type": "password", "scope": "write"})
    body = urlencode({"username": "chaos", "password": PASSWORD}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, content = fetch(
        f"{stack.base}/oauth/token?{query}", method="POST", body=body, headers=headers
    )
    data = json.loads(content)
    return status, str(data.get("access_token") or data.get("code"))


def probe(stack: Stack, path: str, token: str, *, want: int, code: str = "") -> bool:
    try:
        status, _, content = fetch(stack.base + path, headers={"Authorization": f"Bearer {token}"})
    except OSError:
        return False
    return status == want and (not code or json.loads(content).get("code") == code)


def recovered(stack: Stack, token: str, *, path: str = "/api/instances?max=1") -> float | None:
    """Seconds until six answers in a row are 200 (both workers, surely); None after 30 s."""
    start, streak, first_ok = time.time(), 0, 0.0
    while time.time() - start < 30:
        if probe(stack, path, token, want=200):
            first_ok = first_ok if streak else time.time()
            streak += 1
            if streak == 6:
                return first_ok - start
        else:
            streak = 0
        time.sleep(0.1)
    return None


def until(check: object, timeout: float) -> float | None:
    start = time.time()
    while time.time() - start < timeout:
        if check():  # type: ignore[operator]
            return time.time() - start
        time.sleep(0.1)
    return None


def postgres_outage(stack: Stack, token: str, *, down: float, kill: bool = False) -> Fault:
    fault = Fault("PostgreSQL stop/start" + (", worker SIGKILL meanwhile" if kill else ""))
    stack.pg_stop()
    time.sleep(1)
    if kill:
        fault.checks["master replaced the worker"] = worker_replaced(stack, fault) is not None
    fault.checks["503 service_unavailable while down"] = bool(
        until(lambda: probe(stack, "/api/whoami", token, want=503, code="service_unavailable"), 5)
        is not None
    )
    status, code = token_get(stack)
    fault.checks["token endpoint: 503 service_unavailable"] = (status, code) == (
        503,
        "service_unavailable",
    )
    fault.checks["reference page /errors/ answers 200"] = fetch(f"{stack.base}/errors/")[0] == 200
    session = {"Cookie": "sessionid=chaos0123456789abcdefghijklmnopqrs"}  # a session lookup
    admin = fetch(f"{stack.base}/admin/", headers=session)[0]
    fault.checks[f"admin with a session cookie answers 503, not 500 ({admin})"] = admin == 503
    time.sleep(max(0.0, down - (time.time() - fault.start)))
    starting = time.time()
    stack.pg_start()
    fault.notes.append(
        f"down {starting - fault.start:.1f} s; pg_ctl start took {time.time() - starting:.1f} s"
    )
    fault.recovery = recovered(stack, token)
    fault.checks["recovered within 10 s"] = fault.recovery is not None and fault.recovery < 10
    fault.end = time.time() + 1
    return fault


def redis_outage(stack: Stack, token: str, *, down: float) -> Fault:
    fault = Fault("Redis stop/start")
    stack.redis_stop()
    time.sleep(1)
    status, _ = token_get(stack)
    fault.checks["token endpoint answers (rate limit fails open)"] = status == 200
    fault.checks["reference page /errors/ answers 200"] = fetch(f"{stack.base}/errors/")[0] == 200
    fault.checks["no 429 while down (fail open)"] = True  # filled in by the report
    stack.manage("maintenance", "on", "--retry-after", "7")
    seen = until(lambda: probe(stack, "/api/whoami", token, want=503, code="maintenance"), 10)
    fault.checks["maintenance switch on seen"] = seen is not None
    stack.manage("maintenance", "off")
    seen_off = until(lambda: probe(stack, "/api/whoami", token, want=200), 10)
    fault.checks["maintenance switch off seen"] = seen_off is not None
    fault.notes.append(f"maintenance on seen in {seen or 0:.1f} s, off in {seen_off or 0:.1f} s")
    time.sleep(max(0.0, down - (time.time() - fault.start)))
    fault.notes.append(f"down {time.time() - fault.start:.1f} s")
    stack.redis_start()
    fault.recovery = recovered(stack, token, path="/api/whoami")
    fault.checks["recovered within 10 s"] = fault.recovery is not None and fault.recovery < 10
    fault.end = time.time() + 1
    return fault


def catalog_edits(stack: Stack, labels: list[str], *, pause: float) -> Fault:
    fault = Fault("catalog edits")
    committed = catalog_edit(stack, labels, pause=pause)
    fault.edits = list(zip(committed, labels, strict=True))
    fault.checks["every edit committed"] = len(committed) == len(labels)
    time.sleep(3)
    fault.end = time.time()
    return fault


def worker_kill(stack: Stack, token: str) -> Fault:
    fault = Fault("gunicorn worker SIGKILL")
    # The request a client thread had in flight on the killed worker is lost with it,
    # as under the PostgreSQL outage's kill (worker_replaced allows for it).
    replaced = worker_replaced(stack, fault)
    fault.recovery = replaced
    fault.checks["master replaced the worker"] = replaced is not None
    time.sleep(3)
    fault.end = time.time()
    return fault


def worker_replaced(stack: Stack, fault: Fault) -> float | None:
    """SIGKILLs one worker; seconds until the master has two workers again."""
    fault.dropped_allowed += 4  # at most one request per client thread was in flight
    before = stack.workers()
    os.kill(before[0], signal.SIGKILL)
    replaced = until(lambda: len(stack.workers()) == 2 and set(stack.workers()) != set(before), 30)
    fault.notes.append(f"workers {before} -> {stack.workers()}")
    return replaced
