"""The pure parts of `make attacks` (bench/attacks.py): its files, hosts, table and section."""

import json
from datetime import UTC, datetime

from bench.attack_files import catalog_at_the_import_bound, import_attacks, with_raw_message
from bench.attack_report import SECTION, Row, report, section_replace, table
from bench.attacks import host_variants
from bench.loopback import status_line_and_json

EXPORTED = json.dumps(
    {
        "statuses": [
            {
                "status": 404,
                "reasons": [
                    {"code": "not_found", "message": "Not found", "translations": {"de": {}}}
                ],
            },
            {"status": 418, "reasons": [{"code": "teapot", "message": "I'm a teapot"}]},
        ]
    }
)


def test_the_section_is_appended_and_the_rest_of_the_file_kept_as_it_is():
    text = "# Benchmark results\n\n### PostgreSQL + Redis\n\n| a | b |\n"

    written = section_replace(text, f"{SECTION}\n\nnew\n")

    assert written == f"{text}\n{SECTION}\n\nnew\n"


def test_a_second_run_replaces_only_its_own_section():
    text = f"# Benchmark results\n\nold bench\n\n{SECTION}\n\nold attacks\n\n## Later\n\nkept\n"

    written = section_replace(text, f"{SECTION}\n\nnew attacks\n")

    assert (
        written
        == f"# Benchmark results\n\nold bench\n\n{SECTION}\n\nnew attacks\n\n## Later\n\nkept\n"
    )


def test_the_table_escapes_pipes_and_marks_an_attack_not_refused():
    rows = [Row(2, "b", "200", "200", "1 ms", ok=False), Row(1, "a | b", "x", "414", "2 ms")]

    lines = table(rows)

    assert lines[2] == "| 1 | a \\| b | x | 414 | 2 ms |  | yes |"
    assert lines[3].endswith("| **NO** |")


def test_the_report_names_the_attacks_not_refused():
    row = Row(7, "a list", "5.3 s", "201", "", ok=False)

    section = report([row], datetime.now(UTC), "make attacks")

    assert section.startswith(f"{SECTION}\n")
    assert "0 of 1 attacks; NOT: item 7 (a list)." in section


def test_900_host_variants_are_900_origins_and_paths_none_repeated():
    variants = host_variants(900)

    assert len(set(variants)) == 900
    assert {path for _, path in variants} == {"/errors/", "/api/error-codes"}
    assert ("LOCALHOST:1000", "/errors/") in variants


def test_the_catalog_at_the_import_bound_adds_3000_reasons_without_translations():
    document = json.loads(catalog_at_the_import_bound(EXPORTED))

    reasons = document["statuses"][0]["reasons"]
    assert len({reason["code"] for reason in reasons}) == 3001
    assert all(reason["translations"] == {} for reason in reasons)


def test_a_raw_message_keeps_its_json_escape_as_written():
    text = with_raw_message(EXPORTED, "a\\u0000b")

    assert json.loads(text)["statuses"][1]["reasons"][0]["message"] == "a\x00b"


def test_the_import_attacks_include_each_dry_run_the_issue_names():
    attacks = import_attacks(EXPORTED)

    assert [what for what, _, _, dry_run in attacks if dry_run] == [
        "a NUL character in a message, --dry-run",
        "a lone surrogate in a message, --dry-run",
    ]


def test_a_connection_closed_without_an_answer_reads_as_such():
    assert status_line_and_json(b"")[0] == "(no answer: connection closed)"
    line, headers, body = status_line_and_json(
        b'HTTP/1.1 414 URI Too Long\r\nContent-Type: application/json\r\n\r\n{"code": "x"}'
    )
    assert (line, headers["content-type"], body) == (
        "HTTP/1.1 414 URI Too Long",
        "application/json",
        {"code": "x"},
    )
