"""
The benchmark's comparison views (bench/) answer what they stand for, and the
benchmark's arithmetic (parsing callgrind's dumps, ratios, verdicts) is right.
"""

import math

import pytest
from django.conf import settings
from django.test import override_settings

from bench.callgrind import disagreement, dump_parse, per_request
from bench.inprocess import CASES, HANDLERS, TARGETS, ratio_median, target_verdict
from bench.run import PROFILE_HEADING, Measured, results_write, targets_report

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.urls")]


def test_drf_default_handler_answers_drfs_own_404(client):
    response = client.get("/api/bench/drf-default/missing")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_catalog_case_answers_the_catalog_404(client):
    response = client.get("/api/bench/catalog/missing")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_naive_case_queries_the_catalog_once_per_error(client, django_assert_num_queries):
    client.get("/api/bench/naive/missing")

    with django_assert_num_queries(1):
        response = client.get("/api/bench/naive/missing")

    assert response.json()["msg"] == "Resource not found"


@override_settings(MIDDLEWARE=["bench.views.WorkerPidMiddleware"])
def test_django_default_404_is_djangos_built_in_page(client):
    response = client.get("/nowhere/at-all")

    assert response.status_code == 404
    assert b"<h1>Not Found</h1>" in response.content
    assert response["X-Worker-PID"].isdigit()


@pytest.mark.parametrize(
    ("handler", "status"),
    [(handler, status) for handler in HANDLERS for status in (404, 406, 400)],
)
def test_the_in_process_view_answers_each_error_through_each_handler(client, handler, status):
    case = next(c for c in CASES if c.key == f"{status}_{handler}")
    rest_framework = {**settings.REST_FRAMEWORK, "EXCEPTION_HANDLER": HANDLERS[handler]}

    with override_settings(REST_FRAMEWORK=rest_framework):
        response = client.generic(
            case.method,
            case.path,
            case.body,
            content_type=case.headers.get("CONTENT_TYPE", "application/octet-stream"),
            HTTP_ACCEPT=case.headers.get("HTTP_ACCEPT", "application/json"),
        )

    assert response.status_code == status
    assert ("success" in response.json()) is (handler == "catalog")


CALLGRIND_DUMP = """# callgrind format
version: 1
creator: callgrind-3.19.0
pid: 4242
cmd:  python bench/inprocess.py marks
part: 3

desc: I1 cache:
desc: Timerange: Basic block 1 - 2
desc: Trigger: Client Request: 404_catalog 100

positions: line
events: Ir
summary: 230812345

fn=(1) main
0 230812345

totals: 230812345
"""


def test_a_callgrind_dump_gives_its_label_and_instruction_total():
    assert dump_parse(CALLGRIND_DUMP) == ("404_catalog 100", 230812345)


def test_a_dump_not_made_by_a_client_request_is_left_out():
    assert (
        dump_parse(
            CALLGRIND_DUMP.replace("Client Request: 404_catalog 100", "Program termination")
        )
        is None
    )


def test_instructions_per_request_are_the_difference_of_two_block_sizes():
    totals = {"404_drf 100": 230_000_500, "404_drf 0": 500}

    assert per_request(totals, "404_drf", 100) == 2_300_000


def test_runs_disagree_by_their_spread_over_the_smallest():
    assert disagreement([2_000_000, 2_010_000]) == pytest.approx(0.005)


def test_the_ratio_is_the_median_of_the_per_round_ratios():
    catalog = [100.0, 110.0, 90.0]  # CPU µs per request, per round
    drf = [105.0, 99.0, 99.0]

    # Per round: 1.05, 0.9, 1.1 requests of the catalog per request of DRF's.
    assert ratio_median(catalog, drf) == pytest.approx(1.05)


def test_a_ratio_without_samples_is_not_a_number():
    assert math.isnan(ratio_median([], [1.0]))


def test_a_target_against_drfs_default_says_when_the_stretch_goal_is_met_too():
    target = next(t for t in TARGETS if t.label == "404: catalog ÷ DRF default")

    assert target_verdict(target, 0.99) == "NOT MET"
    assert target_verdict(target, 1.00) == "met"
    assert target_verdict(target, 1.06) == "met (stretch too)"
    assert target_verdict(target, float("nan")) == "not measured"


def test_being_ahead_of_another_package_means_strictly_ahead():
    target = next(t for t in TARGETS if t.label == "404: catalog ÷ drf-standardized-errors")

    assert target_verdict(target, 1.00) == "NOT MET"
    assert target_verdict(target, 1.01) == "met"


def test_the_targets_table_is_met_only_when_every_measure_meets_it():
    cases = [case.key for case in CASES]
    instructions = dict.fromkeys(cases, 1000.0)
    instructions["404_catalog"] = 900.0  # cheaper by instruction count...
    cpu = {key: [100.0, 100.0, 100.0] for key in cases}
    cpu["404_catalog"] = [120.0, 120.0, 120.0]  # ...but not by CPU
    measured = Measured(instructions=[instructions], cpu={"sqlite": {"cpu_us": cpu}})

    lines, all_met = targets_report(measured)

    row = next(line for line in lines if line.startswith("| 404: catalog ÷ DRF default |"))
    assert row.split(" | ")[1:3] == ["1.111", "0.833"]
    assert row.endswith("| NOT MET |")
    assert all_met is False


def test_writing_the_results_keeps_the_hand_written_profile_section(tmp_path):
    results = tmp_path / "results.md"
    results.write_text(f"# Old tables\n\n{PROFILE_HEADING}\n\nWritten by hand.\n")

    results_write(["# Benchmark results", "", "New tables."], results)

    assert results.read_text() == (
        f"# Benchmark results\n\nNew tables.\n\n{PROFILE_HEADING}\n\nWritten by hand.\n"
    )
