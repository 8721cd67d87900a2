"""
The README's examples, run as a new user runs them: the server started with
`make run`, then each marked example (see tests/readme.py) as written, its output
compared with what the README shows.
"""

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readme import Bindings, Block, blocks, mismatch, ordered
from tests.servers import BASE_DIR, CLEAN_ENV, fetch, free_port

BLOCKS = ordered(blocks())


@pytest.fixture(scope="module")
def readme_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Bindings, dict[str, str], Path]]:
    """`make run` on a free port and a database of its own; the environment of its commands."""
    folder = tmp_path_factory.mktemp("readme")
    host = f"127.0.0.1:{free_port()}"
    env = {
        **CLEAN_ENV,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "METRICS_TOKEN": "s3cret",  # as the README's /metrics example starts it
    }
    env.pop("MAKEFLAGS", None)
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"HOST={host}"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # runserver's reloader has a child: stop the whole group
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if fetch(f"http://{host}/api/ping")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, (folder / "server.log").read_text()
            assert time.monotonic() < deadline, (folder / "server.log").read_text()
            time.sleep(0.3)
        # One reader's shell: a token bound in one example is used in the next.
        yield Bindings(host), env, folder / "server.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
        log.close()


def test_make_run_says_where_to_log_in_on_the_address_it_serves(readme_server):
    bindings, _, log = readme_server

    assert f"Log in at http://{bindings.host}/admin/ as admin / admin" in log.read_text()


def test_the_readme_marks_its_examples():
    kinds = [block.kind for block in BLOCKS]

    assert kinds.count("transcript") >= 4
    assert "run" in kinds


@pytest.mark.parametrize("block", BLOCKS, ids=[f"README.md:{b.line}" for b in BLOCKS])
def test_a_readme_example_prints_what_the_readme_shows(readme_server, block: Block, tmp_path):
    bindings, shell_env, _ = readme_server
    cwd = BASE_DIR
    if block.kind == "run":
        # Plain commands may write files (catalog.json): in a folder of their own, with
        # the virtualenv and manage.py where the README's commands expect them.
        cwd = tmp_path
        for name in (".venv", "manage.py"):
            (tmp_path / name).symlink_to(BASE_DIR / name)
    for step in block.steps:
        command = bindings.command(step.command)
        if command.startswith("export ") and "=" in command and " " not in command[7:]:
            name, _, value = command[7:].partition("=")
            shell_env[name] = value
            continue
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=cwd,
            env=shell_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        where = f"README.md:{block.line}: $ {step.command}"
        assert result.returncode == 0, f"{where}\n{result.stdout}{result.stderr}"
        if block.kind == "transcript":
            problem = mismatch(step.expected, result.stdout.rstrip("\n"), bindings)
            assert problem is None, f"{where}\n{problem}"
            bindings.learn(step.expected, result.stdout)


# The comparison itself: what it lets through and what it refuses.
def test_declared_variable_parts_match_and_nothing_else():
    bindings = Bindings("127.0.0.1:5555")
    shown = '{"msg": "Unable to find api endpoint", "requestId": "9b2f0c6e4a1d4c55", ...}'
    same = '{"msg":"Unable to find api endpoint","requestId":"0123456789abcdef","x":1}'

    assert mismatch(shown, same, bindings) is None
    assert mismatch(shown, same.replace("find", "see"), bindings) is not None
    assert (
        mismatch("http://127.0.0.1:8000/errors/", "http://127.0.0.1:5555/errors/", bindings)
        is None
    )


def test_a_token_the_readme_shows_is_bound_to_the_real_one():
    bindings = Bindings("127.0.0.1:5555")
    shown = '{"access_token": "nr32jQgiEJs6xCE2DzuZJRXxjCUcFg", "token_type": "bearer"}'
    got = '{"access_token": "REALtoken123", "token_type": "bearer"}'

    assert mismatch(shown, got, bindings) is None
    bindings.learn(shown, got)
    assert bindings.command("export T=nr32jQgiEJs6xCE2DzuZJRXxjCUcFg") == "export T=REALtoken123"


def test_a_curl_i_answer_shows_a_subset_of_the_headers():
    bindings = Bindings("127.0.0.1:5555")
    shown = "HTTP/1.1 429 Too Many Requests\nRetry-After: 37\n\n{...}"
    got = "HTTP/1.1 429 Too Many Requests\r\nDate: now\r\nRetry-After: 12\r\n\r\n{}"

    assert mismatch(shown, got, bindings) is None
    assert mismatch(shown.replace("429 Too Many", "400 Bad"), got, bindings) is not None
    assert mismatch(shown + "\nVary: Accept", got, bindings) is not None


def test_an_example_using_a_token_runs_after_the_one_that_gets_it():
    text = (
        '<!-- readme-test -->\n```\n$ curl -H "Authorization: Bearer $T" x\n```\n'
        "<!-- readme-test -->\n```\n$ export T=abc\n```\n"
        "<!-- readme-test -->\n```\n$ echo last\n```\n"
    )

    found = blocks(text)

    assert [b.line for b in ordered(found)] == [found[1].line, found[0].line, found[2].line]


def test_readme_blocks_are_read_as_commands_and_outputs():
    text = (
        '<!-- readme-test -->\n```\n$ curl -s http://x \\\n    -d a=1\n{\n  "a": 1\n}\n'
        "$ echo hi\nhi\n```\n<!-- readme-test: run -->\n```\nmake x   # a comment\n```\n"
    )
    transcript, run = blocks(text)

    assert [(s.command, s.expected) for s in transcript.steps] == [
        ("curl -s http://x -d a=1", '{\n  "a": 1\n}'),
        ("echo hi", "hi"),
    ]
    assert [s.command for s in run.steps] == ["make x"]
