"""The `kg` command: one module per sub-command in this package, and the one place where errors become
exit statuses.

Each command module has register(subparsers), which adds its sub-command with set_defaults(run=callable),
and run(args), which returns the exit status or raises one of kg.errors. A command module imports only
what its command uses, when it runs: `kg query` never imports spaCy or the build.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kg.errors import KgError

# The module of each command, in the order `kg --help` lists them. Only the module of the command named is
# imported (`kg --help` and unknown commands import them all).
MODULE_OF = {
    "build": "kg.cli.build",
    "eval": "kg.cli.eval",
    "query": "kg.cli.query",
    "load": "kg.cli.load",
    "serve": "kg.cli.serve",
    "export": "kg.cli.export",
    "validate": "kg.cli.validate",
}


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser; given ARGV, only the sub-command it names, when it names one."""
    from kg import __version__

    top = argparse.ArgumentParser(prog="kg", description="Knowledge graphs of communications read from French news.")
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command = next((a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")), None)
    for name in [MODULE_OF[command]] if command in MODULE_OF else dict.fromkeys(MODULE_OF.values()):
        importlib.import_module(name).register(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser(argv).parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KgError as exc:  # wrong usage (2) or work that failed (1): one line, no traceback
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return exc.status
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
