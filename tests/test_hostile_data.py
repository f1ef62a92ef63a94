"""Templates and data from strangers (issue 12): every bound of the template box and of YAML
loading is one line naming the file, exit code 2, within the safety net."""

from __future__ import annotations

import shutil
from pathlib import Path

import hostile_files as H
import pytest

from gongwen._data import parse_yaml
from gongwen.errors import DataError

EXAMPLE = Path(__file__).resolve().parents[1] / "gongwen" / "generate" / "data" / "example-summary.yaml"
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))

TEMPLATES = [
    # (id, template body, words of the one line)
    ("nested-loops", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "MAX_ITERATIONS"),
    ("list-grown-while-iterating", "{% set xs = [1] %}{% for x in xs %}{{ xs.append(x) }}{% endfor %}",
     "unsafe"),
    ("huge-power", "{{ 10 ** (10 ** 8) }}", "MAX_NUMBER_BITS"),
    ("huge-repeat", "{{ 'x' * 10 ** 9 }}", "MAX_REPEAT"),
    ("lipsum", "{{ lipsum(n=100000) }}", "lipsum"),
    ("recursion", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "recurses too deeply"),
    ("output-size", "{% for i in range(900000) %}{{ '0123456789' }}{% endfor %}", "MAX_OUTPUT_CHARS"),
    ("include-outside-j2", '{% include "secret.txt" %}', "only *.j2 templates"),
    ("include-link-out", '{% include "link.gw.j2" %}', "a link out of the template folder"),
]


@pytest.mark.parametrize("body, expected", [t[1:] for t in TEMPLATES], ids=[t[0] for t in TEMPLATES])
def test_hostile_template_is_one_line_exit_2(tmp_path: Path, body: str, expected: str) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "data.yaml")
    (tmp_path / "t.gw.j2").write_text(body, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.gw.j2"
    outside.write_text("outside", encoding="utf-8")
    (tmp_path / "link.gw.j2").symlink_to(outside)
    proc = H.run_gongwen(["render", "data.yaml", "-t", "t.gw.j2", "--format", "txt", "--no-check"], cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2, line
    assert line.startswith("gongwen: error: t.gw.j2") and expected in line, line
    assert b"secret" not in proc.stdout and b"outside" not in proc.stdout


def test_builtin_templates_still_render(tmp_path: Path) -> None:
    proc = H.run_gongwen(["render", str(EXAMPLE), "--format", "txt", "--no-check"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(proc.stdout) > 500


def test_yaml_alias_fan_out_is_refused_fast() -> None:
    with pytest.raises(DataError, match=r"lol.yaml: YAML expands to more than 1,000,000 nodes"):
        parse_yaml(LAUGHS, "lol.yaml")


@pytest.mark.parametrize("text, expected", [
    ("? [1, 2]\n: x\n", "a list or mapping used as a mapping key at line 1"),
    ("a: " + "[" * 300 + "]" * 300 + "\n", "MAX_YAML_DEPTH"),
    ("a: [1, 2\n", "malformed YAML"),
], ids=["complex-key", "deep-nesting", "syntax"])
def test_yaml_shapes_are_one_line(text: str, expected: str) -> None:
    with pytest.raises(DataError, match=expected) as e:
        parse_yaml(text, "v.yaml")
    assert "\n" not in str(e.value) and str(e.value).startswith("v.yaml: ")


def test_vocab_with_alias_fan_out_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(H.BODY, encoding="utf-8")
    (tmp_path / "v.yaml").write_text(LAUGHS, encoding="utf-8")
    proc = H.run_gongwen(["extract", "r.txt", "--vocab", "v.yaml"], cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2 and "v.yaml" in line and "MAX_YAML_NODES" in line, line
