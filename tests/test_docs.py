"""The CLI and the README do not drift apart (every command documented and helped)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT

from gongwen.cli import LAZY_COMMANDS, cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_command_in_readme_and_helped(name: str) -> None:
    assert f"gongwen {name} " in README, f"README's CLI tour lacks `gongwen {name}`"
    r = CliRunner().invoke(cli, [name, "--help"])
    assert r.exit_code == 0 and "Usage:" in r.output
    assert len(r.output.splitlines()) > 4


def test_readme_quick_start_commands_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make demo" in README and "make test" in README
    assert "\ndemo:" in makefile and "\ntest:" in makefile
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_every_runtime_dependency_justified() -> None:
    tomllib = pytest.importorskip("tomllib")

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    for d in deps:
        name = d.split(">")[0].split("=")[0].split("[")[0].strip()
        assert f"**{name}**" in README, f"README does not say why {name} is a dependency"


def test_version_and_help_as_subprocess() -> None:
    r = subprocess.run([sys.executable, "-m", "gongwen.cli", "--help"], capture_output=True, text=True,
                       cwd=ROOT, timeout=60)
    assert r.returncode == 0
    for name in LAZY_COMMANDS:
        assert name in r.stdout


def test_public_verbs_callable_after_submodules_are_imported() -> None:
    """``gongwen.extract`` and ``gongwen.check`` are also package names; both must stay verbs."""
    from conftest import SAMPLES

    import gongwen
    import gongwen.check.engine  # noqa: F401 - binds gongwen.check to the package
    import gongwen.extract.pipeline  # noqa: F401 - binds gongwen.extract to the package

    path = SAMPLES / "qingxi-2021" / "qingxi-2021.txt"
    ex = gongwen.extract(path)
    assert len(ex.figures) > 20
    assert gongwen.check(ex).summary["errors"] == 0
    assert gongwen.read(path).headings
