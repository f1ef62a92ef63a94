"""The report data format (YAML or JSON): loading, validation and computed totals.

Every validation error is a :class:`~gongwen.errors.DataError` naming the file, the key path
and the problem, e.g. ``data.yaml: programs.低保.households.农村: expected a number, got '5千'``.
Values are :class:`~decimal.Decimal` in the base unit (万元 → 元) once loaded.  The format is
documented in ``gongwen/generate/FORMAT.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import DataError
from .data_file import read_data_file, screen, too_many_digits
from .markup import strip_sentinels
from .phrasing import known_units, unit_info
from .table_data import TableSpec, attachments, notes, tables
from .validate import Checker, decimal_value, parse_date, show, suggest

KINDS = ("summary", "plan", "summary-plan")
_TOP_KEYS = {"schema", "version", "issuer", "title", "year", "date", "kind", "scope", "signature",
             "intro", "sections", "problems", "plans", "programs", "closing", "yoy_word", "style",
             "attachments", "notes"}
_SECTION_KEYS = {"title", "paragraphs", "programs", "sections", "tables"}
_PROGRAM_KEYS = {"name", "text", "scope"}
_FIGURE_KEYS = {"label", "verb", "unit", "value", "previous", "period", "scope", "target", "note", "style"}
_PART_KEYS = {"value", "previous", "period", "target", "note", "label"}
#: Years a period may name (the report's own year is 1949–2200).
_PERIOD_YEARS = (1900, 2200)
_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/(\d{4}(-\d{2}(-\d{2})?)?|\.\.))?$")
_MARKER = re.compile(r"^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(?\d+[.、．)）]|（\d+）|第[一二三四五六七八九十]+[、，,]?)")


@dataclass
class FigureSpec:
    """One metric of a program (or one part of it): values in the base unit, None when unfilled."""

    key: str
    path: str
    label: str
    unit: str
    value: Decimal | None
    previous: Decimal | None = None
    period: str | None = None
    scope: str | None = None
    target: Decimal | None = None
    note: str | None = None
    verb: str = ""
    style: str = "from-to"
    parts: list[FigureSpec] = field(default_factory=list)
    computed: bool = False  # value is the sum of the parts

    @property
    def kind(self) -> str:
        return unit_info(self.unit).kind


@dataclass
class Program:
    """A program (低保, 特困供养 …) with its lead text and metrics, in data order."""

    key: str
    path: str
    name: str
    text: list[str]
    figures: list[FigureSpec]


@dataclass
class Section:
    """A heading with its paragraphs, the programs narrated under it, its tables and subsections."""

    title: str
    path: str
    paragraphs: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tables: list[TableSpec] = field(default_factory=list)


@dataclass
class ReportData:
    """A validated report: what the templates see as ``report``."""

    path: str
    issuer: str
    title: str
    year: int
    date: str | None
    kind: str
    scope: str | None
    signature: str
    intro: list[str]
    sections: list[Section]
    problems: list[str]
    plans: list[Section]
    programs: dict[str, Program]
    closing: list[str]
    yoy_word: str = "比上年"
    style: str = "from-to"
    attachments: list[str] = field(default_factory=list)  # 附件说明: names, numbered by the generator
    notes: list[str] = field(default_factory=list)  # 附注 below the date, in brackets

    @property
    def next_year(self) -> int:
        return self.year + 1

    def program_list(self) -> list[Program]:
        return list(self.programs.values())

    def unreferenced_programs(self) -> list[Program]:
        """Programs no section names: the built-in templates narrate them on their own."""
        used: set[str] = set()

        def walk(secs: list[Section]) -> None:
            for s in secs:
                used.update(s.programs)
                walk(s.sections)

        walk(self.sections)
        return [p for k, p in self.programs.items() if k not in used]

    def all_figures(self) -> Iterator[tuple[Program, FigureSpec]]:
        for prog in self.programs.values():
            for f in prog.figures:
                yield prog, f
                for part in f.parts:
                    yield prog, part


def load(source: str | Path | dict[str, Any], *, allow_missing: bool = False) -> ReportData:
    """Load and validate report data from a path or an already-parsed mapping.

    ``allow_missing`` lets figure values be empty (``draft`` renders them as 【待填】).
    """
    if isinstance(source, dict):
        return _Validator("<data>", allow_missing).report(source)
    path = Path(source)
    return _Validator(str(path), allow_missing).report(read_data_file(path))


class _Validator:
    """Walks the parsed data, building typed records and raising DataError with key paths."""

    def __init__(self, file: str, allow_missing: bool) -> None:
        self.file = file
        self.allow_missing = allow_missing
        self.kind = "summary"
        self.unsigned: str | None = None  # the unit of the figure being read, when it has no sign

    def fail(self, key_path: str, problem: str) -> DataError:
        return DataError(f"{key_path}: {problem}" if key_path else problem, self.file)

    # -- scalars ---------------------------------------------------------------------------
    def mapping(self, x: Any, kp: str) -> dict[str, Any]:
        if not isinstance(x, dict):
            raise self.fail(kp, f"expected a mapping, got {_show(x)}")
        for k in x:
            if not isinstance(k, str):
                raise self.fail(kp, f"keys must be text, got {_show(k)}")
        return x

    def text(self, x: Any, kp: str, *, required: bool = False) -> str | None:
        if x is None:
            if required:
                raise self.fail(kp, "missing")
            return None
        if isinstance(x, bool) or not isinstance(x, (str, int)):
            raise self.fail(kp, f"expected text, got {_show(x)}")
        s = clean(str(x))
        if required and not s:
            raise self.fail(kp, "must not be empty")
        return s

    def paragraphs(self, x: Any, kp: str) -> list[str]:
        """A string (blank lines separate paragraphs) or a list of strings."""
        if x is None:
            return []
        if isinstance(x, str):
            return [clean(p) for p in re.split(r"\n\s*\n", x) if clean(p)]
        if not isinstance(x, list):
            raise self.fail(kp, f"expected text or a list of paragraphs, got {_show(x)}")
        out: list[str] = []
        for i, p in enumerate(x):
            s = self.text(p, f"{kp}[{i}]")
            if s:
                out.append(s)
        return out

    def number(self, x: Any, kp: str) -> Decimal:
        d = decimal_value(x, kp, self.fail)
        problem = too_many_digits(d)
        if problem:
            raise self.fail(kp, problem)
        return d

    def period(self, x: Any, kp: str) -> str | None:
        if x is None:
            return None
        s = str(x).strip()
        if not _PERIOD.match(s):
            raise self.fail(kp, f"expected a period like 2025, 2025-11, 2025-01/2025-11 or 2025-01/.., got {_show(x)}")
        ends = [_period_end(e) for e in s.split("/")]
        for e in ends:
            if isinstance(e, str):
                raise self.fail(kp, f"{e}, got {_show(x)}")
        first, last = ends[0], ends[-1]
        if (len(ends) == 2 and isinstance(first, tuple) and isinstance(last, tuple)
                and (first[0], first[1] or 1, first[2] or 1) > (last[0], last[1] or 12, last[2] or 31)):
            raise self.fail(kp, f"the period ends before it starts, got {_show(x)}")
        return s

    def check_keys(self, d: dict[str, Any], allowed: set[str], kp: str) -> None:
        Checker(self.file).keys(d, allowed, kp)

    # -- records ---------------------------------------------------------------------------
    def report(self, raw: Any) -> ReportData:
        if raw is None:
            raise self.fail("", "the file is empty")
        screen(raw, self.file)
        d = self.mapping(raw, "")
        self.check_keys(d, _TOP_KEYS, "")
        issuer = self.text(d.get("issuer"), "issuer", required=True)
        assert issuer is not None
        year_raw = Checker(self.file).year(d.get("year"), "year")
        kind = d.get("kind", "summary")
        if kind not in KINDS:
            raise self.fail("kind", f"expected one of {', '.join(KINDS)}, got {_show(kind)}")
        self.kind = kind
        date = self.date(d.get("date"), "date")
        yoy = d.get("yoy_word", "比上年")
        if yoy not in ("比上年", "同比"):
            raise self.fail("yoy_word", f"expected 比上年 or 同比, got {_show(yoy)}")
        style = d.get("style", "from-to")
        if style not in ("from-to", "ratio"):
            raise self.fail("style", f"expected from-to or ratio, got {_show(style)}")
        programs: dict[str, Program] = {}
        progs_raw = d.get("programs") or {}
        for key, body in self.mapping(progs_raw, "programs").items():
            key = clean(key)
            programs[key] = self.program(key, body, f"programs.{key}", d.get("scope"), style)
        sections = self.sections(d.get("sections"), "sections", programs)
        plans = self.sections(d.get("plans"), "plans", programs)
        from .phrasing import terms  # local: the table is only needed here

        title = self.text(d.get("title"), "title") or terms()["titles"][kind].format(
            issuer=issuer, year=year_raw, next=year_raw + 1)
        return ReportData(
            path=self.file, issuer=issuer, title=title, year=year_raw, date=date, kind=kind,
            scope=self.text(d.get("scope"), "scope"),
            signature=self.text(d.get("signature"), "signature") or issuer,
            intro=self.paragraphs(d.get("intro"), "intro"),
            sections=sections, problems=self.paragraphs(d.get("problems"), "problems"), plans=plans,
            programs=programs, closing=self.paragraphs(d.get("closing"), "closing"),
            yoy_word=yoy, style=style, attachments=attachments(self, d.get("attachments")),
            notes=notes(self, d.get("notes")))

    def date(self, x: Any, kp: str) -> str | None:
        try:
            return Checker(self.file).date(x, kp)
        except DataError:
            raise
        except ValueError as e:  # a year Python's dates cannot hold (0000-01-01)
            raise self.fail(kp, f"{e}, got {_show(x)}") from None

    def sections(self, x: Any, kp: str, programs: dict[str, Program], depth: int = 1) -> list[Section]:
        if x is None:
            return []
        # 4 heading levels: a plan's sections start at level 1, a summary's at level 2.
        limit = 4 if self.kind == "plan" and kp.startswith("sections") else 3
        if depth > limit:
            raise self.fail(kp, f"sections nest at most {limit} deep here (the document has 4 heading levels)")
        if not isinstance(x, list):
            raise self.fail(kp, f"expected a list of sections, got {_show(x)}")
        out = []
        for i, s in enumerate(x):
            skp = f"{kp}[{i}]"
            if isinstance(s, str):
                s = {"title": s}
            sd = self.mapping(s, skp)
            self.check_keys(sd, _SECTION_KEYS, skp)
            title = self.text(sd.get("title"), f"{skp}.title", required=True)
            assert title is not None
            m = _MARKER.match(title)
            if m:
                raise self.fail(f"{skp}.title", f"starts with a hand-written marker {m.group(1)!r}; "
                                "remove it (the generator numbers headings)")
            progs = sd.get("programs") or []
            if isinstance(progs, str):
                progs = [progs]
            if not isinstance(progs, list):
                raise self.fail(f"{skp}.programs", f"expected a list of program keys, got {_show(progs)}")
            for j, p in enumerate(progs):
                if p not in programs:
                    raise self.fail(f"{skp}.programs[{j}]", f"no program {_show(p)} under programs")
            out.append(Section(title=title, path=skp, paragraphs=self.paragraphs(sd.get("paragraphs"), f"{skp}.paragraphs"),
                               programs=[str(p) for p in progs],
                               sections=self.sections(sd.get("sections"), f"{skp}.sections", programs,
                                                      depth + 1),
                               tables=tables(self, sd.get("tables"), f"{skp}.tables")))
        return out

    def program(self, key: str, body: Any, kp: str, scope: Any, style: str) -> Program:
        d = self.mapping(body if body is not None else {}, kp)
        figures = []
        prog_scope = self.text(d.get("scope"), f"{kp}.scope") or self.text(scope, "scope")
        for k, v in d.items():
            if k in _PROGRAM_KEYS:
                continue
            figures.append(self.figure(clean(k), v, f"{kp}.{k}", prog_scope, style))
        return Program(key=key, path=kp, name=self.text(d.get("name"), f"{kp}.name") or key,
                       text=self.paragraphs(d.get("text"), f"{kp}.text"), figures=figures)

    def value(self, x: Any, kp: str, scale: Decimal) -> Decimal | None:
        if x is None or (isinstance(x, str) and not x.strip()):
            return None
        d = self.number(x, kp)
        if d < 0 and self.unsigned:
            raise self.fail(kp, f"cannot be negative in {self.unsigned}, got {_show(x)} (write the value itself; "
                            "a decrease is computed from `previous`)")
        return d * scale

    def figure(self, key: str, body: Any, kp: str, scope: str | None, style: str) -> FigureSpec:
        if not isinstance(body, dict):
            raise self.fail(kp, f"expected a figure (a mapping with unit and value), got {_show(body)}; "
                            f"program keys are {', '.join(sorted(_PROGRAM_KEYS))}")
        d = self.mapping(body, kp)
        unit = self.text(d.get("unit"), f"{kp}.unit", required=True)
        assert unit is not None
        info = unit_info(unit)
        if info.kind == "other":
            near = suggest(unit, known_units())
            raise self.fail(f"{kp}.unit", f"unknown unit {unit!r}" + (f"; did you mean {near!r}?" if near else
                            f"; expected one of {', '.join(known_units())}"))
        # Counts, money, standards and measures are never below zero (a head-count of -2969 would
        # print as 减少到-2969人，下降202.4%); only a rate (a growth rate in %) may be.
        self.unsigned = None if info.kind == "rate" else unit
        parts_raw = {k: v for k, v in d.items() if k not in _FIGURE_KEYS}
        for k in parts_raw:  # a part is named by its scope (城市, 农村); a near-miss key is a typo
            near = suggest(k, _FIGURE_KEYS)
            if near and k.isascii():
                raise self.fail(f"{kp}.{k}", f"unknown key; did you mean {near!r}? (parts are named by "
                                "their scope, e.g. 城市)")
        parts = [self.part(clean(k), v, f"{kp}.{k}", info.scale) for k, v in parts_raw.items()]
        fig_style = d.get("style", style)
        if fig_style not in ("from-to", "ratio"):
            raise self.fail(f"{kp}.style", f"expected from-to or ratio, got {_show(fig_style)}")
        f = FigureSpec(
            key=key, path=kp, label=self.text(d.get("label"), f"{kp}.label") or key, unit=unit,
            value=None, period=self.period(d.get("period"), f"{kp}.period"),
            scope=(self.text(d.get("scope"), f"{kp}.scope") or None) if "scope" in d else scope,
            target=self.value(d.get("target"), f"{kp}.target", info.scale),
            note=self.text(d.get("note"), f"{kp}.note"), verb=self.text(d.get("verb"), f"{kp}.verb") or "",
            style=fig_style, parts=parts)
        for p in parts:
            p.unit, p.period = unit, p.period or f.period
            p.verb = f.verb
            if p.label == p.key:
                p.label = f.label
        if not self.allow_missing:
            for p in parts:
                if p.value is None:
                    raise self.fail(p.path, "missing value")
        additive = info.kind in ("money", "count", "measure")
        f.value, f.computed = self.total(d.get("value"), parts, "value", kp, info.scale, additive=additive)
        f.previous, _ = self.total(d.get("previous"), parts, "previous", kp, info.scale, optional=True,
                                   additive=additive)
        if f.value is None and not self.allow_missing and not (self.kind == "plan" and f.target is not None):
            raise self.fail(f"{kp}.value", "missing (fill it in, or render with `gongwen draft --data` "
                            "to get a 【待填】 placeholder)")
        return f

    def total(self, x: Any, parts: list[FigureSpec], attr: str, kp: str, scale: Decimal,
              optional: bool = False, additive: bool = True) -> tuple[Decimal | None, bool]:
        """A stated value, or the sum of the parts when written ``sum`` (additive units only)."""
        if x == "sum":
            if not additive:
                raise self.fail(f"{kp}.{attr}", "is 'sum' but rates, standards and averages do not add up")
            if not parts:
                raise self.fail(f"{kp}.{attr}", "is 'sum' but the figure has no parts")
            vals = [getattr(p, attr) for p in parts]
            if any(v is None for v in vals):
                if self.allow_missing or optional:
                    return None, True
                missing = next(p for p in parts if getattr(p, attr) is None)
                raise self.fail(f"{missing.path}.{attr}" if attr != "value" else missing.path,
                                f"missing, needed for the sum in {kp}.{attr}")
            return sum(vals, Decimal(0)), True
        v = self.value(x, f"{kp}.{attr}", scale)
        # Last year's values in a drafted skeleton were grouped by heuristics: check them only
        # when rendering for real, not while drafting.
        if v is not None and parts and additive and not (attr == "previous" and self.allow_missing):
            vals = [getattr(p, attr) for p in parts]
            if all(p is not None for p in vals) and all(p >= 0 for p in vals):  # type: ignore[operator]
                s = sum(vals, Decimal(0))  # type: ignore[arg-type]
                if s > v:
                    raise self.fail(f"{kp}.{attr}", f"the parts add up to {s / scale:f}, more than the "
                                    f"stated total {v / scale:f}; write `{attr}: sum` to compute it")
        return v, False

    def part(self, key: str, body: Any, kp: str, scale: Decimal) -> FigureSpec:
        if isinstance(body, dict):
            d = self.mapping(body, kp)
            self.check_keys(d, _PART_KEYS, kp)
        else:
            d = {"value": body}
        return FigureSpec(
            key=key, path=kp, label=self.text(d.get("label"), f"{kp}.label") or key, unit="",
            value=self.value(d.get("value"), kp if not isinstance(body, dict) else f"{kp}.value", scale),
            previous=self.value(d.get("previous"), f"{kp}.previous", scale),
            period=self.period(d.get("period"), f"{kp}.period"), scope=key,
            target=self.value(d.get("target"), f"{kp}.target", scale),
            note=self.text(d.get("note"), f"{kp}.note"))


def clean(s: str) -> str:
    """Text as the markup needs it: one line (breaks folded to a space), no placeholder sentinels.

    >>> clean(" a\\nb\\ue000 "), clean("第一行\\n第二行")
    ('a b', '第一行第二行')
    """
    out = ""
    s = _NOT_XML.sub("", strip_sentinels(s).replace("\t", " "))
    for line in s.splitlines():
        line = line.strip()
        if not line:
            continue
        # Chinese text wrapped in a YAML block joins without a space; Latin text keeps one.
        out += line if not out or (_is_cjk(out[-1]) and _is_cjk(line[0])) else " " + line
    # YAML's folded blocks (>) join lines with a space, which Chinese text never has.
    return _CJK_SPACE.sub("", out)


# Characters XML 1.0 cannot hold (C0 controls, lone surrogates, U+FFFE/FFFF), and DEL and the C1
# controls (a terminal obeys U+009B as ESC [ in a text preview): dropped from data.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CJK_SPACE = re.compile(r"(?<=[\u2e80-\uffff]) +(?=[\u2e80-\uffff])")


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _period_end(s: str) -> tuple[int, int, int] | str | None:
    """One end of a period as (year, month, day), None for an open end, or why it is impossible.

    >>> _period_end("2025-11"), _period_end("2025-13"), _period_end("2025-02-29")
    ((2025, 11, 0), 'there is no month 13', 'February 2025 has 28 days')
    """
    if s == "..":
        return None
    y, mo, d = ([int(g) for g in s.split("-")] + [0, 0])[:3]
    lo, hi = _PERIOD_YEARS
    if not lo <= y <= hi:
        return f"year {y} is outside {lo}–{hi}"
    if mo and d:
        found = parse_date(s)
        return found if isinstance(found, str) else (y, mo, d)
    if mo and not 1 <= mo <= 12:
        return f"there is no month {mo}"
    return (y, mo, d)


_show = show
