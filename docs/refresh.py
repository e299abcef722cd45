"""The command outputs shown in the documentation, run again: `make docs` (python docs/refresh.py) rewrites them,
tests/test_docs.py fails when one differs from what the command prints now.

A shown run is a fenced block whose first line is `$ kg COMMAND ...` (then optionally more `$ kg` lines, each
followed by what it prints: standard output, then standard error). Commands that start servers or write to
them (kg serve, kg load) and builds are examples, left as they are; the others run from the project folder,
on the seeds' build in output/.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", ROOT / "docs" / "sparql.md"]
RUN = ("query", "export", "validate", "eval", "--version")  # commands whose output the documents show as it is
BLOCK = re.compile(r"^```\n(\$ kg .*?)^```$", re.S | re.M)


def runs(block: str) -> list[tuple[str, str]]:
    """The commands of a block with what the block says they print."""
    parts = re.split(r"^\$ (kg .*)\n", block, flags=re.M)
    return [(parts[i], parts[i + 1]) for i in range(1, len(parts), 2)]


def checked(command: str) -> bool:
    words = shlex.split(command)
    return len(words) > 1 and words[1] in RUN


def output_of(command: str) -> str:
    """What COMMAND prints, standard output then standard error, as a terminal shows it."""
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", *shlex.split(command)[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.stdout + done.stderr


def ended(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def shown_runs(document: Path) -> list[tuple[str, str]]:
    return [
        run
        for match in BLOCK.finditer(document.read_text(encoding="utf-8"))
        for run in runs(match[1])
        if checked(run[0])
    ]


def refreshed(text: str) -> str:
    def block(match: re.Match) -> str:
        body = "".join(
            f"$ {command}\n{ended(output_of(command)) if checked(command) else shown}"
            for command, shown in runs(match[1])
        )
        return f"```\n{body}```"

    return BLOCK.sub(block, text)


def main() -> int:
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        new = refreshed(text)
        if new != text:
            document.write_text(new, encoding="utf-8")
            print(f"{document.relative_to(ROOT)}: refreshed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
