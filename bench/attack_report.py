"""The attacks' table, and its section of bench/results.md (bench/attacks.py)."""

import os
import re
from dataclasses import dataclass
from datetime import datetime

SECTION = "## Attacks (issue 15), after the fixes"


@dataclass(frozen=True)
class Row:
    item: int
    sent: str
    before: str  # issue 15's figure
    answered: str
    seconds: str  # what the client waited for the refusal
    effect: str = ""
    ok: bool = True  # refused as tests/test_security.py asserts it is


COLUMNS = ["item", "attack (as issue 15 describes it)", "before (issue 15)", "answered now",
           "time to refuse", "side effect", "refused as expected"]  # fmt: skip


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row]) -> list[str]:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in sorted(rows, key=lambda row: row.item):
        cells = [str(row.item), row.sent, row.before, row.answered, row.seconds, row.effect,
                 "yes" if row.ok else "**NO**"]  # fmt: skip
        lines.append("| " + " | ".join(cell(text) for text in cells) + " |")
    return lines


def report(rows: list[Row], when: datetime, command: str) -> str:
    failed = [row for row in rows if not row.ok]
    lines = [
        SECTION,
        "",
        f"{command} on {when:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores (shared with other "
        "work); gunicorn with the project's gunicorn.conf.py (two sync workers), DEBUG off, "
        "PostgreSQL and Redis on 127.0.0.1. Each attack comes from a loopback address of its "
        "own (127.0.<item>.n), so per-address limits are its own; the limits are the defaults "
        "(tokens and admin login 10/m per address). Times are what the client waited for the "
        'answer. "Before" is what issue 15 measured before the fixes.',
        "",
        *table(rows),
        "",
        "Refused as expected (the statuses and codes tests/test_security.py asserts, in under "
        f"1 s where it asserts a time): {len(rows) - len(failed)} of {len(rows)} attacks"
        + (
            f"; NOT: {', '.join(f'item {row.item} ({row.sent})' for row in failed)}."
            if failed
            else "."
        ),
        "",
    ]
    return "\n".join(lines)


def section_replace(text: str, section: str) -> str:
    """The results file with this section replaced, or appended; other sections as they are."""
    start = re.search(rf"^{re.escape(SECTION)}$", text, re.M)
    if start is None:
        return text.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    after = re.search(r"^#{1,2} ", text[start.end() :], re.M)
    end = start.end() + after.start() if after else len(text)
    rest = "\n" + text[end:] if after else ""
    return text[: start.start()] + section.rstrip("\n") + "\n" + rest
