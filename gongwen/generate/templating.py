"""Templates: a sandboxed Jinja2 environment with the genre's filters, rendering to markup.

Built-in templates live in ``gongwen/templates/`` (``summary``, ``plan``, ``summary-plan``); a
user passes a path to a copy of one.  The environment is sandboxed (templates cannot reach
Python internals) and uses ``StrictUndefined`` so a misspelt key is an error, not a blank.  Its
escaping happens where the data enters: every text value has its line breaks folded and
placeholder sentinels removed at load time (:mod:`.schema`), so data can never inject a
directive, and ``& < >`` stay as they are: the markup is not XML and the .docx writer builds
runs through python-docx.
"""

from __future__ import annotations

import functools
import traceback
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..errors import GongwenError, TemplateError
from . import narrate as _narrate
from . import phrasing
from .markup import placeholder
from .schema import FigureSpec, Program, ReportData

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
BUILTIN = ("summary", "plan", "summary-plan")
SUFFIX = ".gw.j2"


Marked = str  # filter output (may carry placeholder sentinels)


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
    "cn": phrasing.chinese_ordinal,
    "plan_period": phrasing.plan_period,
    "plan_year_role": phrasing.plan_year_role,
}


@functools.lru_cache(maxsize=8)
def environment(extra_dir: str | None = None) -> SandboxedEnvironment:
    """The sandboxed environment; ``extra_dir`` (a user template's folder) is searched first."""
    dirs = ([extra_dir] if extra_dir else []) + [str(BUILTIN_DIR)]
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(dirs),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the markup is not HTML; data is made single-line at load (module doc)
    )
    env.filters.update(FILTERS)
    env.globals["terms"] = phrasing.terms()
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
        return tpl.render(report=report, year=report.year, next_year=report.year + 1)
    except GongwenError:
        raise
    except jinja2.TemplateSyntaxError as e:  # an imported template
        raise TemplateError(f"line {e.lineno}: template syntax error: {e.message}", e.filename or shown) from e
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, ArithmeticError) as e:
        where, line = _template_frame(e, shown)
        raise TemplateError(f"line {line}: {type(e).__name__}: {e}" if line else f"{type(e).__name__}: {e}",
                            where) from e


def _template_frame(e: BaseException, default: str) -> tuple[str, int | None]:
    """The innermost template file and line of a runtime error (Jinja rewrites tracebacks)."""
    where, line = default, None
    for fr in traceback.extract_tb(e.__traceback__):
        if fr.filename.endswith(".j2") or fr.filename == default:
            where, line = fr.filename, fr.lineno
    return where, line
