"""The ``gongwen`` command line: a thin layer over the library.

One library call per command; a :class:`~gongwen.errors.GongwenError` becomes one line on
stderr and exit code 2.  Sub-commands of other areas (check, render, draft, corpus) are loaded
lazily so ``gongwen extract`` starts fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

import click

from .errors import GongwenError

# name -> "module:attribute" of a click command, imported on first use.
LAZY_COMMANDS: dict[str, str] = {
    "clean": "gongwen.extract.cli:clean_cmd",
    "outline": "gongwen.extract.cli:outline_cmd",
    "extract": "gongwen.extract.cli:extract_cmd",
    "check": "gongwen.check.cli:check_cmd",
    "render": "gongwen.generate.cli:render_cmd",
    "draft": "gongwen.generate.cli:draft_cmd",
    "corpus": "gongwen.corpora.cli:corpus_group",
    "ui": "gongwen.ui.cli:ui_cmd",
}

HELP = {
    "clean": "Print the canonical (cleaned) text of a report.",
    "outline": "Print the heading tree of a report.",
    "extract": "Extract every figure of a report as labelled records.",
    "check": "Check that the figures of a report add up.",
    "render": "Render a report from YAML data and a template (.docx/.md/.txt).",
    "draft": "Draft next year's report from last year's.",
    "corpus": "Build, query and check a dataset of many reports.",
    "ui": "Serve the review desk in the browser (review, correct, export, corpus, draft).",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(LAZY_COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(name)
        if target is None:
            return None
        mod_name, attr = target.split(":")
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as e:
            if e.name and e.name.startswith("gongwen"):
                return None  # that area is not built yet
            raise
        cmd = getattr(mod, attr, None)
        return cmd if isinstance(cmd, click.Command) else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help lists every command without importing them (fast --help).
        rows = [(name, HELP.get(name, "")) for name in LAZY_COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gongwen")
def cli() -> None:
    """gongwen: read, extract, check and draft Chinese official work reports."""


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI, turning errors into one line.

    Exit codes: 0 success; 1 the command's own verdict (``check`` found error-level problems);
    2 bad input or usage (file, data, template, options); 3 an internal error; 130 interrupted.
    """
    try:
        return cli.main(args=argv, prog_name="gongwen", standalone_mode=False)
    except GongwenError as e:
        click.echo(f"gongwen: error: {e}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.UsageError as e:  # one line, like every other bad input (a directory, a typo)
        cmd = e.ctx.command_path if e.ctx is not None else "gongwen"
        click.echo(f"gongwen: error: {' '.join(e.format_message().split())} (see {cmd} --help)", err=True)
        sys.exit(2)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("gongwen: aborted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("gongwen: interrupted", err=True)
        sys.exit(130)
    except OSError as e:  # a file that vanished or cannot be opened: still one line
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        click.echo(f"gongwen: error: {where}{e.strerror or e}", err=True)
        sys.exit(2)
    except Exception as e:  # a bug of ours: one line, never a traceback, unless asked for
        if os.environ.get("GONGWEN_DEBUG"):
            raise
        click.echo(f"gongwen: internal error: {type(e).__name__}: {e} "
                   "(please report it; GONGWEN_DEBUG=1 shows the traceback)", err=True)
        sys.exit(3)


def existing_file(path: str) -> Path:
    """Shared argument check: a readable regular file, else a one-line error."""
    p = Path(path)
    if not p.exists():
        raise GongwenError("no such file", p)
    if not p.is_file():
        raise GongwenError("not a regular file", p)
    return p


if __name__ == "__main__":  # pragma: no cover
    main()
