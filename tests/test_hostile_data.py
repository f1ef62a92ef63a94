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


# -- report data (render/draft) ------------------------------------------------------------
def _mutate(old: str, new: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


REPORT_DATA = [
    # (id, file name, content, the one line after "gongwen: error: ")
    ("impossible-date", "data.yaml", lambda: _mutate("date: 2025-12-20", "date: 2025-13-45"),
     "data.yaml: date: there is no month 13, got '2025-13-45'"),
    ("year-zero-date", "data.yaml", lambda: _mutate("date: 2025-12-20", "date: 0000-01-01"),
     "data.yaml: date: there is no year 0000 in a report"),
    ("impossible-period", "data.yaml", lambda: _mutate("period: 2025-11\n", "period: 2025-13\n"),
     "data.yaml: programs.低保.户数.period: there is no month 13, got '2025-13'"),
    ("impossible-period-day", "data.yaml", lambda: _mutate("period: 2025-11\n", "period: 2025-02-30\n"),
     "data.yaml: programs.低保.户数.period: February 2025 has 28 days"),
    ("period-backwards", "data.yaml", lambda: _mutate("period: 2025-01/2025-11", "period: 2025-11/2025-01"),
     "data.yaml: programs.低保.发放金额.period: the period ends before it starts"),
    ("negative-head-count", "data.yaml", lambda: _mutate("value: 1200, previous: 1150", "value: -2969, previous: 1150"),
     "data.yaml: programs.低保.户数.城市.value: cannot be negative in 户, got -2969"),
    ("negative-money", "data.yaml", lambda: _mutate("target: 4200", "target: -4200"),
     "data.yaml: programs.低保.发放金额.target: cannot be negative in 万元"),
    ("integer-over-4300-digits", "data.yaml", lambda: _mutate("value: 850", "value: " + "9" * 5000),
     "data.yaml: programs.低保.标准.value: a number of 5,000 digits; a figure has at most 18 (MAX_DIGITS)"),
    ("too-many-decimals", "data.yaml", lambda: _mutate("value: 850", 'value: "850.0000000000000000001"'),
     "data.yaml: programs.低保.标准.value: a number of 22 digits"),
    ("huge-year", "data.yaml", lambda: _mutate("year: 2025", "year: " + "1" * 4000),
     "data.yaml: year: a number of 4,000 digits"),
    ("list-as-key", "data.yaml", lambda: _mutate("  低保:\n", "  ? [城市, 农村]\n  : 1\n  低保:\n"),
     "data.yaml: programs: a list or mapping used as a mapping key at line"),
    ("deep-nesting", "data.yaml", lambda: EXAMPLE.read_text(encoding="utf-8") + "closing: " + "[" * 150 + "]" * 150,
     "data.yaml: closing[0][0]"),
    ("very-deep-nesting", "data.yaml", lambda: EXAMPLE.read_text(encoding="utf-8") + "closing: " + "[" * 9000,
     "data.yaml: YAML nested more than 100 levels deep (MAX_YAML_DEPTH)"),
    ("alias-fan-out", "data.yaml", lambda: EXAMPLE.read_text(encoding="utf-8") + LAUGHS,
     "data.yaml: YAML expands to more than 1,000,000 nodes"),
    ("json-huge-integer", "data.json",
     lambda: '{"issuer": "某县民政局", "year": ' + "2" * 5000 + "}", "data.json: year: a number of 5,000 digits"),
    ("json-deep-nesting", "data.json",
     lambda: '{"issuer": "某县民政局", "year": 2025, "closing": ' + "[" * 100000 + "]" * 100000 + "}",
     "data.json: JSON nested more than 100 levels deep (MAX_YAML_DEPTH)"),
    ("json-duplicate-key", "data.json", lambda: '{"issuer": "甲", "issuer": "乙", "year": 2025}',
     "data.json: invalid JSON: duplicate key 'issuer'"),
]


@pytest.mark.parametrize("name, make, expected", [c[1:] for c in REPORT_DATA], ids=[c[0] for c in REPORT_DATA])
def test_hostile_report_data_is_one_line_exit_2(tmp_path: Path, name: str, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(make(), encoding="utf-8")
    proc = H.run_gongwen(["render", name, "--format", "txt", "--no-check", "-o", "out.txt"], cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2, line
    assert line.startswith(f"gongwen: error: {expected}"), line
    assert len(line) < 300, line
    assert not (tmp_path / "out.txt").exists()


def test_negative_rate_is_allowed(tmp_path: Path) -> None:
    """A growth rate in % may be below zero (经济增速-2.1%); counts and money may not."""
    from gongwen.generate.schema import load

    report = load({"issuer": "某县统计局", "year": 2025,
                   "programs": {"经济": {"增速": {"unit": "%", "value": -2.1, "previous": 3}}}})
    fig = report.programs["经济"].figures[0]
    assert str(fig.value) == "-2.1" and str(fig.previous) == "3"


# -- layout profiles (--profile) -----------------------------------------------------------
PROFILES = [
    # (id, {file: content}, the profile given, the one line after "gongwen: error: ")
    ("extends-loop", {"a.yaml": "extends: b.yaml\n", "b.yaml": "extends: a.yaml\n"}, "a.yaml",
     "b.yaml: extends: 'a.yaml' leads back to this profile (a.yaml → b.yaml → a.yaml)"),
    ("extends-itself", {"a.yaml": "extends: ./a.yaml\n"}, "a.yaml",
     "a.yaml: extends: './a.yaml' leads back to this profile (a.yaml → a.yaml)"),
    ("extends-a-list", {"a.yaml": "extends: [default]\n"}, "a.yaml",
     "a.yaml: extends: expected a profile name or a .yaml path, got a list"),
    ("malformed", {"a.yaml": ": : :\n"}, "a.yaml", "a.yaml: malformed YAML at line 1"),
    ("not-utf8", {"a.yaml": b"\xff\xfename: x\n"}, "a.yaml", "a.yaml: not UTF-8 text (byte 0)"),
    ("not-a-mapping", {"a.yaml": "- default\n"}, "a.yaml", "a.yaml: a profile must be a mapping"),
    ("width-text", {"a.yaml": "extends: default\npage: {width: A4}\n"}, "a.yaml",
     "a.yaml: page.width: expected a number, got 'A4'"),
    ("width-negative", {"a.yaml": "extends: default\npage: {width: -210}\n"}, "a.yaml",
     "a.yaml: page.width: expected a number from 0 to 558, got -210"),
    ("margins-eat-page", {"a.yaml": "extends: default\npage: {left: 200}\n"}, "a.yaml",
     "a.yaml: page: the margins leave a text block of -16 × 225 mm"),
    ("sizes-list", {"a.yaml": "extends: default\nsizes: [1, 2]\n"}, "a.yaml",
     "a.yaml: sizes: expected a mapping, got a list"),
    ("size-zero", {"a.yaml": "extends: default\nsizes: {body: 0}\n"}, "a.yaml",
     "a.yaml: sizes.body: expected a number from 1 to 100, got 0"),
    ("title-chars-zero", {"a.yaml": "extends: default\ntitle_chars_per_line: 0\n"}, "a.yaml",
     "a.yaml: title_chars_per_line: expected a whole number from 5 to 60, got 0"),
    ("huge-tracking", {"a.yaml": "extends: default\ntracking: " + "9" * 5000 + "\n"}, "a.yaml",
     "a.yaml: tracking: expected a whole number from -200 to 200, got 9999"),
    ("impossible-date-value", {"a.yaml": "extends: default\ndecimals: 2025-13-45\n"}, "a.yaml",
     "a.yaml: decimals: expected a number, got '2025-13-45'"),
    ("font-control-char", {"a.yaml": 'extends: default\nfonts: {body: "仿宋\\u0001"}\n'}, "a.yaml",
     "a.yaml: fonts.body: expected a font name"),
    ("highlight-markup", {"a.yaml": 'extends: default\nhighlight: "<x/>"\n'}, "a.yaml",
     "a.yaml: highlight: expected one of Word's highlight colours"),
    ("misspelt-key", {"a.yaml": "extends: default\nfontz: {}\n"}, "a.yaml",
     "a.yaml: fontz: unknown key; did you mean 'fonts'?"),
    ("incomplete", {"a.yaml": "name: mine\nline_pitch: 28\n"}, "a.yaml",
     "a.yaml: page.width: missing (write it, or `extends: default`)"),
    ("deep-nesting", {"a.yaml": "extends: default\nfonts: " + "[" * 9000 + "\n"}, "a.yaml",
     "a.yaml: YAML nested more than 100 levels deep (MAX_YAML_DEPTH)"),
]


@pytest.mark.parametrize("files, given, expected", [c[1:] for c in PROFILES], ids=[c[0] for c in PROFILES])
def test_hostile_profile_is_one_line_exit_2(tmp_path: Path, files: dict[str, str | bytes], given: str,
                                            expected: str) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "data.yaml")
    for name, content in files.items():
        if isinstance(content, bytes):
            (tmp_path / name).write_bytes(content)
        else:
            (tmp_path / name).write_text(content, encoding="utf-8")
    proc = H.run_gongwen(["render", "data.yaml", "--profile", given, "--no-check", "-o", "out.docx"],
                         cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2, line
    assert line.startswith(f"gongwen: error: {expected}"), line
    assert len(line) < 300, line
    assert not (tmp_path / "out.docx").exists()


def test_own_profile_extending_a_builtin_one_renders(tmp_path: Path) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "data.yaml")
    (tmp_path / "mine.yaml").write_text("extends: win10\nname: mine\nhighlight: cyan\ntracking: -5\n",
                                        encoding="utf-8")
    proc = H.run_gongwen(["render", "data.yaml", "--profile", "mine.yaml", "--no-check", "-o", "out.docx"],
                         cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    import zipfile

    styles = zipfile.ZipFile(tmp_path / "out.docx").read("word/styles.xml").decode()
    assert '<w:spacing w:val="-5"/>' in styles


@pytest.mark.parametrize("vocab, expected", [
    ("programs:\n  x: 2025-13-45\n", "v.yaml: a value YAML cannot build at line 2: month must be in 1..12"),
    ("programs:\n  x: " + "9" * 5000 + "\n", "v.yaml: a value YAML cannot build at line 2: Exceeds the limit (4300 digits)"),
    ("programs:\n  低保:\n    ? [a]\n    : 1\n", "v.yaml: programs.低保: a list or mapping used as a mapping key at line 3"),
], ids=["impossible-date", "integer-over-4300-digits", "list-as-key"])
def test_vocab_values_yaml_cannot_build_are_one_line(tmp_path: Path, vocab: str, expected: str) -> None:
    (tmp_path / "r.txt").write_text(H.BODY, encoding="utf-8")
    (tmp_path / "v.yaml").write_text(vocab, encoding="utf-8")
    proc = H.run_gongwen(["extract", "r.txt", "--vocab", "v.yaml"], cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2 and line.startswith(f"gongwen: error: {expected}"), line
