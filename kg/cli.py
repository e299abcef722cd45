"""The `kg` command: one sub-command per task, each defined beside the stage it drives."""
from __future__ import annotations

import argparse
import importlib
import sys

# Each module exposes register(subparsers), adding its sub-commands with set_defaults(run=callable).
# run(args) returns the exit status.
COMMAND_MODULES = ("kg.pipeline", "kg.evaluate", "kg.query", "kg.store", "kg.exports", "kg.validate")
# The module of each command, so that a command imports only its own (kg.pipeline's imports cost every
# `kg query` and `kg export` a fifth of a second); `kg --help` and unknown commands import them all.
MODULE_OF = {"build": "kg.pipeline", "eval": "kg.evaluate", "query": "kg.query", "load": "kg.store",
             "serve": "kg.store", "export": "kg.exports", "validate": "kg.validate"}


class UsageError(Exception):
    """Wrong usage: reported in one line, exit status 2."""


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser; given ARGV, only the sub-command it names, when it names one."""
    from kg import __version__

    top = argparse.ArgumentParser(prog="kg", description="Knowledge graphs of communications read from French news.")
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command = next((a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")), None)
    for name in [MODULE_OF[command]] if command in MODULE_OF else COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser(argv).parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except UsageError as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of the output went away (`kg query ... | head`)
        sys.stderr.close()
        return 1
    except OSError as exc:  # a full disk, a read-only folder, a path through a file: one line, not a traceback
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"kg {args.command}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    # Run as `python -m kg.cli`: use the package's module, so the UsageError other modules raise is the one caught.
    from kg import cli as package_cli

    sys.exit(package_cli.main())
