"""Year-by-year panels from a corpus: one row per series (issuer, program, scope, metric, unit),
one column per year, as a rich table or a matplotlib chart with a CJK-capable font."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._io import atomic_write
from ..errors import GongwenError
from .crosscheck import _dec

SeriesKey = tuple[str | None, str | None, str | None, str | None, str]


@dataclass
class Series:
    """One line of the panel: its labels and, per year, the distinct values reported."""

    issuer: str | None
    program: str | None
    scope: str | None
    metric: str | None
    unit: str
    values: dict[int, list[Decimal]] = field(default_factory=dict)
    delta: bool = True  # every figure is a stated change (提高了 45 元), not a level

    @property
    def label(self) -> str:
        return " ".join(x for x in (self.scope, self.metric) if x) or (self.program or "")

    def value(self, year: int) -> Decimal | None:
        """The year's value when the reports agree on one; the first reported otherwise."""
        vals = self.values.get(year)
        return vals[0] if vals else None


@dataclass
class Panel:
    """Series over the years present in the corpus."""

    years: list[int]
    series: list[Series]

    @property
    def issuers(self) -> list[str | None]:
        return sorted({s.issuer for s in self.series}, key=lambda x: x or "")


def query(conn: sqlite3.Connection, *, issuer: str | None = None, program: str | None = None,
          metric: str | None = None, scope: str | None = None, unit: str | None = None) -> list[dict[str, Any]]:
    """Rows of the ``panel`` view matching the filters (exact match), ordered by series and year."""
    where, params = ["year IS NOT NULL"], []
    for col, val in (("issuer", issuer), ("program", program), ("metric", metric), ("scope", scope),
                     ("unit", unit)):
        if val:
            where.append(f"{col} = ?")
            params.append(val)
    sql = (f"SELECT * FROM panel WHERE {' AND '.join(where)} "
           "ORDER BY issuer, program, scope, metric, unit, year, document, figure_seq")
    cur = conn.execute(sql, params)
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r)) for r in cur]


def build_panel(rows: Iterable[dict[str, Any]]) -> Panel:
    """Pivot panel rows: distinct values per (series, year), in first-seen order."""
    series: dict[SeriesKey, Series] = {}
    years: set[int] = set()
    for r in rows:
        key: SeriesKey = (r["issuer"], r["program"], r["scope"], r["metric"], r["unit"])
        s = series.get(key)
        if s is None:
            s = series[key] = Series(*key)
        # A value past what a REAL holds exactly (99999999999999999999元) is shown as stored exactly.
        v = _dec(r.get("value_exact") or r["value"])
        if v is None:
            continue
        change = _dec(r.get("change_exact") or r.get("change"))
        if change is None or change != v:
            s.delta = False
        vals = s.values.setdefault(int(r["year"]), [])
        if v not in vals:
            vals.append(v)
        years.add(int(r["year"]))
    return Panel(sorted(years), list(series.values()))


def panel(database: str | Path, **filters: str | None) -> Panel:
    """The panel of a corpus database for the given filters (issuer, program, metric, scope, unit)."""
    from . import schema

    conn = schema.connect(database)
    try:
        rows = query(conn, **filters)
    finally:
        conn.close()
    if not rows:
        given = ", ".join(f"{k}={v}" for k, v in filters.items() if v) or "no filter"
        raise GongwenError(f"no figures in the corpus match ({given})", database)
    return build_panel(rows)


def fmt_value(v: Decimal) -> str:
    """Thousands separators for big values, exact digits otherwise.

    >>> fmt_value(Decimal('39927915')), fmt_value(Decimal('944.76'))
    ('39,927,915', '944.76')
    """
    if v == v.to_integral_value():
        return f"{int(v):,}"
    return f"{v.normalize():,f}"


def render_table(p: Panel, *, title: str | None = None) -> Any:
    """A rich Table: series down, years across; several differing values shown as ``a / b``.

    Issuer and program columns appear only when the panel holds more than one of them.
    """
    from rich.table import Table

    multi_issuer = len(p.issuers) > 1
    multi_program = len({s.program for s in p.series}) > 1
    t = Table(title=title, show_lines=False)
    if multi_issuer:
        t.add_column("发文机关")
    if multi_program:
        t.add_column("项目")
    t.add_column("范围", no_wrap=True)
    t.add_column("指标", no_wrap=True)
    t.add_column("单位", no_wrap=True)
    for y in p.years:
        t.add_column(str(y), justify="right")  # may wrap: "a / b" when reports disagree
    for s in sorted(p.series, key=lambda s: (s.issuer or "", s.program or "", s.unit, s.metric or "", s.scope or "")):
        cells = [" / ".join(fmt_value(v) for v in s.values.get(y, [])) or "–" for y in p.years]
        lead = ([s.issuer or "–"] if multi_issuer else []) + ([s.program or "–"] if multi_program else [])
        t.add_row(*lead, s.scope or "–", s.metric or "–", s.unit, *cells)
    return t


# -- plotting ---------------------------------------------------------------------------------
CJK_FONT_NAMES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB",
    "Heiti SC", "STHeiti", "AR PL UKai CN", "AR PL UMing CN", "Noto Serif CJK SC", "SimSun",
)


def find_cjk_font() -> str | None:
    """The name of an installed font that can draw Chinese, preferring common sans-serif faces.

    matplotlib caches its font list: a CJK font installed after that cache was written is not
    seen, so when none is known, the fonts fontconfig lists for Chinese are added first.
    """
    from matplotlib import font_manager

    for attempt in range(2):
        installed = {f.name for f in font_manager.fontManager.ttflist}
        for name in CJK_FONT_NAMES:
            if name in installed:
                return name
        for f in font_manager.fontManager.ttflist:  # any other face whose name says CJK
            if any(tag in f.name for tag in ("CJK", "Han", "Hei", "Song", "Kai", "Ming", "YaHei")):
                return str(f.name)
        if attempt == 0:
            _add_fontconfig_cjk()
    return None


def _add_fontconfig_cjk() -> None:
    """Add the fonts fontconfig knows for Chinese (``fc-list :lang=zh``) to matplotlib's list."""
    import shutil
    import subprocess

    from matplotlib import font_manager

    fc = shutil.which("fc-list")
    if fc is None:
        return
    try:
        out = subprocess.run([fc, ":lang=zh", "file"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    for f in [f for f in files if "Sans" in f] or files:
        try:
            font_manager.fontManager.addfont(f)
        except Exception:  # noqa: BLE001 - a font matplotlib cannot parse: try the next
            continue


def plot(p: Panel, out: str | Path, *, title: str | None = None, force: bool = False) -> Path:
    """Draw each unit's series on its own axes (values by year) and save a PNG/SVG/PDF atomically."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FuncFormatter
    except ImportError:
        raise GongwenError("--plot needs the optional package matplotlib; "
                           "install it with: pip install 'gongwen[plot]'") from None
    font = find_cjk_font()
    if font is None:
        raise GongwenError("no font able to draw Chinese was found for --plot; install one, e.g. "
                           "apt-get install fonts-noto-cjk (or fonts-wqy-zenhei), then retry")
    plt.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["axes.unicode_minus"] = False
    levels = [s for s in p.series if not s.delta] or p.series  # changes are not plotted as levels
    units = list(dict.fromkeys(s.unit for s in levels))
    fig, axes = plt.subplots(len(units), 1, figsize=(10, 3.2 * len(units) + 0.6), squeeze=False)
    multi = len(p.issuers) > 1
    for ax, unit in zip(axes[:, 0], units):
        on_axis = [s for s in levels if s.unit == unit]
        for s in on_axis:
            ys = [(y, v) for y in p.years if (v := s.value(y)) is not None]
            if not ys:
                continue
            label = (f"{s.issuer} " if multi and s.issuer else "") + (s.label or unit)
            ax.plot([y for y, _ in ys], [float(v) for _, v in ys], marker="o", label=label)
            for y, v in ys if len(on_axis) <= 4 else ys[-1:]:  # label every point only when few lines
                ax.annotate(fmt_value(v), (y, float(v)), textcoords="offset points", xytext=(0, 6),
                            ha="center", fontsize=8)
        ax.set_ylabel(unit)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.10g}"))  # 28,435,000 not 2.8e7
        ax.set_xticks(p.years)
        ax.set_xticklabels([f"{y}年" for y in p.years])
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    suffix = Path(out).suffix.lower().lstrip(".") or "png"
    try:
        return atomic_write(out, lambda tmp: fig.savefig(str(tmp), format=suffix, dpi=150), force=force)
    finally:
        plt.close(fig)
