"""
The README's shell examples, read as transcripts and compared with what they print.

A fenced block right after a `<!-- readme-test -->` line is a transcript: `$ ` starts
a command (a line ending in a backslash goes on), the lines up to the next `$ ` are
what it prints. `<!-- readme-test: run -->` marks plain commands, which must succeed.

What may differ from the README, and only that (the declared variable parts):
- the server's address: the README's 127.0.0.1:8000 is the server the test started;
- request ids (16 lowercase hex digits) and `Retry-After` seconds;
- token values: the README's literal is bound to the token the run got, and later
  commands use the real one (`export T=<the README's token>`);
- `...`, which stands for anything the README leaves out;
- whitespace (the README indents JSON that the API sends compact);
- headers of a `curl -i` answer that the README does not show.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
MARKER = re.compile(r"^<!-- readme-test(?:: (\w+))? -->$")
README_HOST = "127.0.0.1:8000"
REQUEST_ID = re.compile(r"\b[0-9a-f]{16}\b")
TOKEN_MEMBERS = ("access_token", "refresh_token")


@dataclass(frozen=True)
class Step:
    command: str
    expected: str


@dataclass(frozen=True)
class Block:
    line: int  # of the opening fence, for messages
    kind: str  # "transcript" or "run"
    steps: tuple[Step, ...]


def blocks(text: str | None = None) -> list[Block]:
    lines = (README.read_text() if text is None else text).splitlines()
    found: list[Block] = []
    for number, line in enumerate(lines):
        marker = MARKER.match(line.strip())
        if not marker or number + 1 >= len(lines) or not lines[number + 1].startswith("```"):
            continue
        end = next(i for i in range(number + 2, len(lines)) if lines[i].startswith("```"))
        body = lines[number + 2 : end]
        kind = marker.group(1) or "transcript"
        steps = _commands(body) if kind == "run" else _transcript(body)
        found.append(Block(number + 2, kind, tuple(steps)))
    return found


def _commands(body: list[str]) -> list[Step]:
    steps = []
    for line in body:
        command = line.split("  #", 1)[0].strip()
        if command:
            steps.append(Step(command, ""))
    return steps


def _transcript(body: list[str]) -> list[Step]:
    steps: list[Step] = []
    command: list[str] = []
    output: list[str] = []
    continuing = False
    for line in body:
        if continuing:
            command.append(line.strip())
            continuing = _goes_on(command)
        elif line.startswith("$ "):
            if command:
                steps.append(Step(_joined(command), "\n".join(output)))
            command, output = [line[2:]], []
            continuing = _goes_on(command)
        else:
            output.append(line)
    if command:
        steps.append(Step(_joined(command), "\n".join(output)))
    return steps


def _goes_on(command: list[str]) -> bool:
    """A line ending in a backslash, or a single-quoted argument still open, goes on."""
    return command[-1].endswith("\\") or "".join(command).count("'") % 2 == 1


def _joined(parts: list[str]) -> str:
    return " ".join(part.removesuffix("\\").strip() for part in parts)


@dataclass
class Bindings:
    """The README's literal values (tokens) and the real ones of this run."""

    host: str
    values: dict[str, str] = field(default_factory=dict)

    def command(self, text: str) -> str:
        text = text.replace(README_HOST, self.host)
        for literal, real in self.values.items():
            text = text.replace(literal, real)
        return text

    def learn(self, expected: str, actual: str) -> None:
        for member in TOKEN_MEMBERS:
            shown = re.search(rf'"{member}":\s*"([^"]+)"', expected)
            got = re.search(rf'"{member}":\s*"([^"]+)"', actual)
            if shown and got:
                self.values[shown.group(1)] = got.group(1)


def mismatch(expected: str, actual: str, bindings: Bindings) -> str | None:
    """None when the output is what the README shows, else why not."""
    expected = expected.replace(README_HOST, bindings.host)
    if expected.startswith("HTTP/"):
        return _response_mismatch(expected, actual, bindings)
    if _pattern(expected, bindings).fullmatch(_squeezed(actual)):
        return None
    return f"printed:\n{actual}\nthe README shows:\n{expected}"


def _response_mismatch(expected: str, actual: str, bindings: Bindings) -> str | None:
    actual = actual.replace("\r\n", "\n")
    shown_head, _, shown_body = expected.partition("\n\n")
    head, _, body = actual.partition("\n\n")
    status, *lines = head.split("\n")
    shown_status, *shown_lines = shown_head.split("\n")
    if status.strip() != shown_status.strip():
        return f"status {status!r}, the README shows {shown_status!r}"
    headers = {name.lower(): value.strip() for name, _, value in (x.partition(":") for x in lines)}
    for line in shown_lines:
        name, _, value = line.partition(":")
        if name.lower() not in headers:
            return f"no {name} header; headers: {headers}"
        got = headers[name.lower()]
        if name.lower() == "retry-after" and got.isdigit():
            continue  # seconds left in the window: a declared variable part
        if not _pattern(value.strip(), bindings).fullmatch(_squeezed(got)):
            return f"{name}: {got!r}, the README shows {value.strip()!r}"
    return mismatch(shown_body, body, bindings) if shown_body.strip() else None


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pattern(expected: str, bindings: Bindings) -> re.Pattern[str]:
    text = _squeezed(expected)
    for literal in bindings.values:
        text = text.replace(literal, "\0TOKEN\0")
    for member in TOKEN_MEMBERS:  # a token not seen before: any value (bound after the match)
        text = re.sub(rf'("{member}":")[^"]+(")', "\\1\0TOKEN\0\\2", text)
    text = REQUEST_ID.sub("\0ID\0", text)
    text = re.sub(r"(Retry-After:)\d+", "\\1\0SECONDS\0", text)
    pattern = re.escape(text)
    pattern = pattern.replace(re.escape("..."), ".*?")
    pattern = pattern.replace(re.escape("\0TOKEN\0"), r"[^\"\s]+")
    pattern = pattern.replace(re.escape("\0ID\0"), r"[0-9a-f]{16}")
    pattern = pattern.replace(re.escape("\0SECONDS\0"), r"\d+")
    return re.compile(pattern, re.S)


def ordered(found: list[Block]) -> list[Block]:
    """
    README order, except that a block using a variable another block exports (`$T` in
    an example above the one that gets the token) runs after that block.
    """

    def names(block: Block, pattern: str) -> set[str]:
        return {n for step in block.steps for n in re.findall(pattern, step.command)}

    exported = {i: names(b, r"^export (\w+)=") for i, b in enumerate(found)}
    result: list[Block] = []
    waiting: list[tuple[int, Block]] = []
    for index, block in enumerate(found):
        later = {
            i
            for i, defined in exported.items()
            if i > index and defined & names(block, r"\$(\w+)")
        }
        if later:
            waiting.append((max(later), block))
        else:
            result.append(block)
        result += [b for after, b in waiting if after == index]
        waiting = [(after, b) for after, b in waiting if after != index]
    return result + [b for _, b in waiting]
