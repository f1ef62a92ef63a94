"""Templates: a sandboxed Jinja2 environment with the genre's filters, rendering to markup.

Built-in templates live in ``gongwen/templates/`` (``summary``, ``plan``, ``summary-plan``); a
user passes a path to a copy of one.  The environment is sandboxed (templates cannot reach
Python internals) and uses ``StrictUndefined`` so a misspelt key is an error, not a blank.  Its
escaping happens where the data enters: every text value has its line breaks folded and
placeholder sentinels removed at load time (:mod:`.schema`), so data can never inject a
directive, and ``& < >`` stay as they are: the markup is not XML and the .docx writer builds
runs through python-docx.

A user template is code from a stranger, so it runs in a box (issue 12): the environment is
immutable (no ``list.append`` while iterating), ``range`` and every loop over it share a budget
of ``MAX_ITERATIONS`` items and the render a deadline of ``MAX_SECONDS``, ``**`` and ``*``
refuse results past ``MAX_NUMBER_BITS`` / ``MAX_REPEAT``, ``lipsum`` is gone, recursion ends in
an error, the output stops at ``MAX_OUTPUT_CHARS``, and ``include``/``import`` read only
``*.j2`` files inside the template's own folder (links out of it are refused) or the built-in
templates.  Each limit is one :class:`TemplateError` naming the template.
"""

from __future__ import annotations

import functools
import os
import time
import traceback
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from ..errors import GongwenError, TemplateError
from . import narrate as _narrate
from . import phrasing
from .markup import placeholder
from .schema import FigureSpec, Program, ReportData
from .table_data import TableSpec

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
BUILTIN = ("summary", "plan", "summary-plan")
SUFFIX = ".gw.j2"


Marked = str  # filter output (may carry placeholder sentinels)

#: Items all ``range`` loops of one render may produce together.
MAX_ITERATIONS = 1_000_000
#: Seconds one render may take (checked at every call, attribute access and loop item).
MAX_SECONDS = 30.0
#: Characters of rendered markup (a long report has about 100,000).
MAX_OUTPUT_CHARS = 5_000_000
#: Bits of an integer that ``**`` may produce (10**300 is fine, 10**(10**8) is not).
MAX_NUMBER_BITS = 4096
#: Length a sequence or string may be repeated to with ``*``.
MAX_REPEAT = 1_000_000


class _Budget:
    """The time and iteration budget of one render (one per thread would be overkill: renders
    in gongwen are sequential)."""

    deadline = float("inf")
    iterations = 0

    @classmethod
    def start(cls) -> None:
        cls.deadline = time.monotonic() + MAX_SECONDS
        cls.iterations = 0

    @classmethod
    def check(cls) -> None:
        if time.monotonic() > cls.deadline:
            raise TemplateError(f"the template runs longer than {MAX_SECONDS:g} s (MAX_SECONDS)")

    @classmethod
    def count(cls, n: int = 1) -> None:
        cls.iterations += n
        if cls.iterations > MAX_ITERATIONS:
            raise TemplateError(f"the template's loops run more than {MAX_ITERATIONS:,} times (MAX_ITERATIONS)")


def _range(*args: int) -> Iterator[int]:
    """``range`` for templates: every item is charged to the render's budget."""
    r = range(*args)
    if len(r) > MAX_ITERATIONS:
        raise TemplateError(f"range of {len(r):,} items is longer than {MAX_ITERATIONS:,} (MAX_ITERATIONS)")

    def items() -> Iterator[int]:
        for k, i in enumerate(r):
            if k % 1000 == 0:
                _Budget.count(1000 if k + 1000 <= len(r) else len(r) - k)
                _Budget.check()
            yield i

    return items()


class _BoxedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox plus a deadline and bounded arithmetic."""

    intercepted_binops = frozenset(["**", "*"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _Budget.check()
        if operator == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0 \
                    and right * max(1, abs(left).bit_length() - 1) > MAX_NUMBER_BITS:
                raise TemplateError(f"{left} ** {right} is larger than {MAX_NUMBER_BITS} bits (MAX_NUMBER_BITS)")
            if (isinstance(left, Decimal) or isinstance(right, Decimal)) and abs(Decimal(right)) > MAX_NUMBER_BITS:
                raise TemplateError(f"exponent {right} is larger than {MAX_NUMBER_BITS} (MAX_NUMBER_BITS)")
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_REPEAT:
                    raise TemplateError(f"repeating a sequence {n:,} times is longer than {MAX_REPEAT:,} "
                                        "(MAX_REPEAT)")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _Budget.check()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _Budget.check()
        return super().getattr(obj, attribute)


def _unchanged(path: str, mtime: float) -> Callable[[], bool]:
    return lambda: os.path.isfile(path) and os.path.getmtime(path) == mtime


class _FolderLoader(jinja2.BaseLoader):
    """Templates from folders: ``*.j2`` files only, and only when their real path (links
    resolved) is inside the folder's real path."""

    def __init__(self, folders: list[str]) -> None:
        self.folders = [os.path.realpath(f) for f in folders]

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        from jinja2.loaders import split_template_path

        if not template.endswith(".j2"):
            raise jinja2.TemplateNotFound(f"{template} (only *.j2 templates can be included)")
        pieces = split_template_path(template)
        for folder in self.folders:
            path = os.path.join(folder, *pieces)
            real = os.path.realpath(path)
            if not os.path.isfile(real):
                continue
            if os.path.commonpath([real, folder]) != folder:
                raise jinja2.TemplateNotFound(f"{template} (a link out of the template folder)")
            with open(real, encoding="utf-8") as f:
                source = f.read()
            return source, path, _unchanged(real, os.path.getmtime(real))
        raise jinja2.TemplateNotFound(template)


def _finalize(value: Any) -> Any:
    """Decimals print as plain numbers (no exponent, no separators); None prints nothing."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return phrasing.plain(value)
    return value


def _report(ctx: Any) -> ReportData:
    rep = ctx.get("report")
    if not isinstance(rep, ReportData):
        raise TemplateError("this filter needs the `report` variable")
    return rep


@jinja2.pass_context
def _f_narrate(ctx: Any, prog: Program, mode: str | None = None) -> Marked:
    rep = _report(ctx)
    return Marked(_narrate.narrate(rep, prog, mode or ("plan" if rep.kind == "plan" else "summary")))


@jinja2.pass_context
def _f_sentence(ctx: Any, f: FigureSpec, prog: Program, mode: str = "summary") -> Marked:
    return Marked(_narrate.figure_sentence(_report(ctx), prog, f, mode))


@jinja2.pass_context
def _f_period(ctx: Any, period: str | None) -> str:
    return _narrate.period_phrase(period, _report(ctx))


def _f_fill(f: FigureSpec) -> Marked:
    """A figure's value as written, or a highlighted 【待填：…】 placeholder."""
    if f.value is None:
        return Marked(placeholder(f"【待填：{f.scope or ''}{f.label}（{f.unit}）】"))
    return Marked(phrasing.amount(f.value, f.unit)[0])


def _f_change(f: FigureSpec, year: int | None = None, style: str | None = None) -> str:
    """A figure's value with its comparison to ``previous`` (由…增加到…，增长x.x%)."""
    if f.value is None:
        return ""
    label = f"{year - 1}年" if year else "上年"
    return phrasing.change_phrase(f.value, f.previous, f.unit, previous_label=label, style=style or f.style).text


def _f_table(t: TableSpec) -> Marked:
    """A data table as markup: its lead and 单位 lines, ``th:`` and ``tr:`` rows."""
    if not isinstance(t, TableSpec):
        raise TemplateError("the table filter needs a table of a section's `tables`")
    return Marked(t.markup())


def _f_date(iso: str | None) -> str:
    return phrasing.date_text(iso) if iso else ""


FILTERS: dict[str, Any] = {
    "narrate": _f_narrate,
    "sentence": _f_sentence,
    "period": _f_period,
    "fill": _f_fill,
    "change": _f_change,
    "money": phrasing.money,
    "percent": phrasing.percent,
    "num": phrasing.plain,
    "date_text": _f_date,
    "table": _f_table,
    "cn": phrasing.chinese_ordinal,
    "plan_period": phrasing.plan_period,
    "plan_year_role": phrasing.plan_year_role,
}


@functools.lru_cache(maxsize=8)
def environment(extra_dir: str | None = None) -> SandboxedEnvironment:
    """The sandboxed environment; ``extra_dir`` (a user template's folder) is searched first."""
    dirs = ([extra_dir] if extra_dir else []) + [str(BUILTIN_DIR)]
    env = _BoxedEnvironment(
        loader=_FolderLoader(dirs),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the markup is not HTML; data is made single-line at load (module doc)
    )
    env.filters.update(FILTERS)
    env.globals["terms"] = phrasing.terms()
    env.globals["range"] = _range
    env.globals.pop("lipsum", None)
    return env


def resolve(template: str | Path | None, kind: str) -> tuple[SandboxedEnvironment, str, str]:
    """Environment, template name and a display path for a built-in name or a file path."""
    name = str(template) if template is not None else kind
    if name in BUILTIN:
        return environment(None), name + SUFFIX, str(BUILTIN_DIR / (name + SUFFIX))
    path = Path(name)
    if not path.is_file():
        raise TemplateError(f"no such template (built-in ones: {', '.join(BUILTIN)})", path)
    return environment(str(path.resolve().parent)), path.name, str(path)


def render_markup(report: ReportData, template: str | Path | None = None) -> str:
    """Render the report through a template to markup text; errors name the template file and line."""
    env, name, shown = resolve(template, report.kind)
    try:
        tpl = env.get_template(name)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"line {e.lineno}: template syntax error: {e.message}", e.filename or shown) from e
    except jinja2.TemplateNotFound as e:
        raise TemplateError(f"template not found: {e.name}", shown) from e
    try:
        _Budget.start()
        out: list[str] = []
        size = 0
        for chunk in tpl.generate(report=report, year=report.year, next_year=report.year + 1):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise TemplateError(f"the template writes more than {MAX_OUTPUT_CHARS:,} characters "
                                    "(MAX_OUTPUT_CHARS)")
            out.append(chunk)
        return "".join(out)
    except TemplateError as e:
        if e.path is None:
            raise TemplateError(e.reason, shown) from None
        raise
    except GongwenError:
        raise
    except RecursionError:
        raise TemplateError("the template recurses too deeply (a macro calling itself?)", shown) from None
    except MemoryError:
        raise TemplateError("the template needs more memory than there is", shown) from None
    except jinja2.TemplateSyntaxError as e:  # an imported template
        raise TemplateError(f"line {e.lineno}: template syntax error: {e.message}", e.filename or shown) from e
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, ArithmeticError,
            IndexError) as e:
        where, line = _template_frame(e, shown)
        raise TemplateError(f"line {line}: {type(e).__name__}: {e}" if line else f"{type(e).__name__}: {e}",
                            where) from e


def _template_frame(e: BaseException, default: str) -> tuple[str, int | None]:
    """The innermost template file and line of a runtime error (Jinja rewrites tracebacks)."""
    where, line = default, None
    for fr in traceback.extract_tb(e.__traceback__):
        if fr.filename.endswith(".j2") or fr.filename == default:
            same = os.path.realpath(fr.filename) == os.path.realpath(default)
            where, line = (default if same else fr.filename), fr.lineno  # the path as the user gave it
    return where, line
