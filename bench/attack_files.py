"""
The catalog files bench/attacks.py imports (issue 15, item 13): exported catalogs
with one thing changed, as tests/test_security.py builds them.
"""

import json
from collections.abc import Callable


def with_reason(text: str, code: str, **fields: str) -> str:
    """An exported catalog with fields of one reason replaced."""
    document = json.loads(text)
    reason = next(r for s in document["statuses"] for r in s["reasons"] if r["code"] == code)
    reason.update(fields)
    return json.dumps(document)


def with_raw_message(text: str, raw: str) -> str:
    """teapot's message as raw JSON text (escapes such as \\u0000 kept as written)."""
    return with_reason(text, "teapot", message="TYPED-HERE").replace('"TYPED-HERE"', f'"{raw}"')


def catalog_at_the_import_bound(text: str) -> str:
    """
    tests/test_security.py's catalog_at_the_import_bound(): 3,000 new reasons within
    every limit, Markdown-heavy, about 4.9 of the 5 million characters a file may have.
    """
    document = json.loads(text)
    status = next(s for s in document["statuses"] if s["status"] == 404)
    template = status["reasons"][0]
    markdown = "- item **strong** `code` [link](https://example.com/)\n" * 26
    status["reasons"] += [
        {
            **template,
            "code": f"lost_{i:04d}",
            "message": f"Lost thing {i}",
            "troubleshooting": markdown,
        }
        for i in range(3000)
    ]
    for reason in status["reasons"]:
        reason["translations"] = {}
    return json.dumps(document)


def import_attacks(exported: str) -> list[tuple[str, str, Callable[[], str], bool]]:
    """(what, before, the file's text, --dry-run) for each refused import."""
    nul, surrogate = "I'm a\\u0000 teapot.", "I'm a \\udc80 teapot."
    return [
        ("60 MB file (teapot's troubleshooting 60,000,000 x)",
         "applied, then served on every /errors/ and /api/error-codes",
         lambda: with_reason(exported, "teapot", troubleshooting="x" * 60_000_000), False),
        ("troubleshooting of 5,001 characters (the admin's limit is 5,000)", "applied",
         lambda: with_reason(exported, "teapot", troubleshooting="x" * 5001), False),
        ("a NUL character in a message", "raw traceback",
         lambda: with_raw_message(exported, nul), False),
        ("a NUL character in a message, --dry-run", "accepted",
         lambda: with_raw_message(exported, nul), True),
        ("a lone surrogate in a message", "raw traceback",
         lambda: with_raw_message(exported, surrogate), False),
        ("a lone surrogate in a message, --dry-run", "accepted",
         lambda: with_raw_message(exported, surrogate), True),
        ("JSON nested 200,000 deep", "raw traceback",
         lambda: "[" * 200_000 + "]" * 200_000, False),
    ]  # fmt: skip
