"""Cross-year consistency: does this year's report agree with what last year's report said?

For each issuer and each pair of consecutive years in the corpus, figures are matched on
(program, scope, metric, unit) and, where both carry one, on the period shifted by a year:

- GW201: this year's "由 X 提高到 Y" old value X must equal last year's reported value;
- GW202: a stated "比上年增长 r%" (or an absolute change) must agree with last year's value
  within the precision of the printed numbers (interval arithmetic with Decimal);
- GW203: a flow figure (发放金额, 人次) identical to last year's is flagged as possibly copied.

Findings are the checker's :class:`~gongwen.check.Finding`, with codes from the same table
(``gongwen/check/data/codes.yaml``); passing comparisons are kept (status ``consistent``).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..check.evaluation.findings import Finding, Relation, code_info
from ..errors import DataError
from ..figure import Figure
from ..model import Span

DATA = Path(__file__).with_name("data") / "crossyear.yaml"



@cache
def vocab() -> dict[str, Any]:
    """Codes and flow vocabulary of the cross-year checks, loaded once."""
    try:
        data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DataError(f"cannot load cross-year vocabulary: {e}", DATA) from e
    if not isinstance(data, dict):
        raise DataError("expected a mapping", DATA)
    return data


@dataclass(frozen=True)
class Stored:
    """A figure as stored in the corpus, with the document it came from."""

    figure: Figure
    document_id: int
    path: str
    issuer: str
    year: int
    change_quantum: Decimal | None = None
    sentence: str | None = None
    text_start: int | None = None
    change_span: Span | None = None  # the separate change figure this level was paired with

    @property
    def is_delta(self) -> bool:
        """A figure that *is* a stated change (提高了 28.32 元/人次): value and change coincide."""
        f = self.figure
        return f.change is not None and f.change == f.value

    @property
    def key(self) -> tuple[str | None, str | None, str | None, str]:
        f = self.figure
        return (f.program, f.scope, f.metric, f.unit)


@dataclass(frozen=True)
class CrossFinding:
    """A cross-year finding: the finding itself plus the two reports it compares."""

    finding: Any
    issuer: str
    year: int
    document: str
    previous_year: int
    previous_document: str | None
    also_in: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return code_info(self.finding.code).name

    def to_json(self) -> dict[str, Any]:
        f = self.finding
        return {
            "code": f.code, "name": self.name, "severity": f.severity, "status": f.status,
            "message": f.message, "expected": f.expected, "actual": f.actual,
            "issuer": self.issuer, "year": self.year, "document": self.document,
            "previous_year": self.previous_year, "previous_document": self.previous_document,
            "also_in": list(self.also_in),
            "spans": [s.to_json() for s in f.spans],
            "figures": [{"id": x.id, "as_written": x.as_written, "value": str(x.value), "unit": x.unit,
                         "span": x.span.to_json()} for x in f.figures],
            "relation": f.relation.to_json(),
        }


# -- loading ----------------------------------------------------------------------------------
def _dec(x: Any) -> Decimal | None:
    """A NUMERIC column value back to Decimal (floats through their shortest repr)."""
    if x is None:
        return None
    if isinstance(x, float):
        return Decimal(repr(x))
    return Decimal(str(x))


def load_figures(conn: sqlite3.Connection, issuer: str | None = None) -> list[Stored]:
    """Labelled figures of successfully read reports that have an issuer and a year."""
    kinds = vocab().get("kinds") or [None]
    named = [k for k in kinds if k is not None]
    kind_sql = f"(d.kind IN ({', '.join('?' * len(named))})" + (" OR d.kind IS NULL)" if None in kinds else ")")
    sql = (
        "SELECT d.id, d.path, d.issuer, d.year, f.* FROM figures f JOIN documents d ON d.id = f.document_id "
        "WHERE d.status = 'ok' AND d.issuer IS NOT NULL AND d.year IS NOT NULL AND f.metric IS NOT NULL "
        f"AND {kind_sql}"
    )
    params: list[Any] = list(named)
    if issuer:
        sql += " AND d.issuer = ?"
        params.append(issuer)
    sql += " ORDER BY d.issuer, d.year, d.path, f.seq"
    cur = conn.execute(sql, params)
    names = [c[0] for c in cur.description]
    out: list[Stored] = []
    for row in cur:
        r = dict(zip(names[4:], row[4:]))
        span = Span(r["span_start"] or 0, max(r["span_end"] or 0, r["span_start"] or 0))
        fig = Figure(
            value=_dec(r["value"]) or Decimal(0), unit=r["unit"], program=r["program"], scope=r["scope"],
            metric=r["metric"], period=r["period"], period_inferred=bool(r.get("period_inferred")),
            topic=r.get("topic"), kind=r.get("kind") or "actual", previous=_dec(r["previous"]), change=_dec(r["change"]),
            change_unit=r["change_unit"], approx=r["approx"], bound=r["bound"],
            section=tuple((r["section"] or "").split(" > ")) if r["section"] else (),
            id=r["id"] or "", as_written=r["as_written"] or "", span=span,
            unit_as_written=r["unit_as_written"] or "", quantum=_dec(r["quantum"]) or Decimal(1),
            previous_span=Span(r["previous_start"], r["previous_end"])
            if r["previous_start"] is not None and r["previous_end"] is not None else None,
        )
        out.append(Stored(fig, row[0], row[1], row[2], int(row[3]), _dec(r["change_quantum"]),
                          r["text"], r["text_start"]))
    return out


def pair_deltas(figs: list[Stored]) -> list[Stored]:
    """Levels carrying the year-on-year change stated right after them in the same sentence.

    The extractor may give "发放低保金 2,843.5 万元，比上年同期增长 4.6%" as two figures: the level
    and a delta whose value is the change.  A delta is paired with the nearest level before it
    in the same sentence (same program, a unit the change can apply to) when a last-year cue
    (比上年, 同比 …) stands between them; after "分别", a run of n deltas pairs in order with the
    last n levels ("结婚 1,128 对、离婚 306 对，较上年分别减少 68 对和增加 21 对").  The level is
    returned with ``change`` filled in.
    """
    v = vocab()
    cues = tuple(v.get("last_year_cues", ()))
    respective = tuple(v.get("respective_cues", ("分别",)))
    out: list[Stored] = []
    i = 0
    while i < len(figs):
        d = figs[i]
        if not d.is_delta or d.sentence is None or d.text_start is None:
            i += 1
            continue
        run = [d]  # consecutive deltas of the same sentence
        while i + len(run) < len(figs) and figs[i + len(run)].is_delta \
                and figs[i + len(run)].text_start == d.text_start \
                and figs[i + len(run)].document_id == d.document_id:
            run.append(figs[i + len(run)])
        levels = _levels_before(figs, i, d)
        if levels:
            between = _between(d, levels[-1].figure.span.end, d.figure.span.start)
            if any(c in between for c in cues):
                if len(run) > 1 and any(c in between for c in respective) and len(levels) >= len(run):
                    pairs = list(zip(levels[-len(run):], run))
                else:
                    pairs = [(levels[-1], d)]
                for lv, dl in pairs:
                    if _fits(lv.figure, dl.figure):
                        out.append(_with_change(lv, dl))
        i += len(run)
    return out


def _levels_before(figs: list[Stored], i: int, d: Stored) -> list[Stored]:
    """Level figures of ``d``'s sentence and program before index ``i``, in text order."""
    levels: list[Stored] = []
    for b in reversed(figs[:i]):
        if b.document_id != d.document_id or b.text_start != d.text_start or b.is_delta:
            break
        bf = b.figure
        if bf.program == d.figure.program and bf.change is None and bf.previous is None:
            levels.append(b)
    return levels[::-1]


def _between(d: Stored, start: int, end: int) -> str:
    assert d.sentence is not None and d.text_start is not None
    return d.sentence[max(0, start - d.text_start): max(0, end - d.text_start)]


def _fits(level: Figure, delta: Figure) -> bool:
    """Whether a delta can be a change of ``level``: a % growth of a non-% level, or same unit."""
    if delta.change_unit == "%" and delta.unit == "%":
        return level.unit != "%"
    return level.unit == delta.unit


def _with_change(level: Stored, delta: Stored) -> Stored:
    df = delta.figure
    relative = df.change_unit == "%" and df.unit == "%"
    fig = replace(level.figure, change=df.value, change_unit="%" if relative else df.unit)
    return replace(level, figure=fig, change_quantum=df.quantum, change_span=df.span)


# -- precision --------------------------------------------------------------------------------
_SCALE_WORDS = ("万", "亿", "千", "百")


def _half(fig: Figure) -> Decimal:
    """Half the place value of the last printed digit; 0 for exact figures (counts, whole 元)."""
    if fig.quantum <= 1 and not any(w in (fig.unit_as_written or "") for w in _SCALE_WORDS):
        return Decimal(0)
    return fig.quantum / 2


def _interval(value: Decimal, half: Decimal, hedged: bool) -> tuple[Decimal, Decimal]:
    lo, hi = value - half, value + half
    if hedged:
        band = abs(value) * Decimal(str(vocab().get("hedge_band", "0.05")))
        lo, hi = lo - band, hi + band
    return lo, hi


def _hedged(fig: Figure) -> bool:
    return bool(fig.approx or fig.bound)


def _meet(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _fmt(x: Decimal) -> str:
    """A Decimal for a message: no exponent, no trailing zeros after the point."""
    s = format(x.normalize(), "f")
    return s


def _shift_period(period: str | None, years: int = -1) -> str | None:
    if period is None:
        return None
    return re.sub(r"(?<!\d)((?:19|20)\d{2})(?!\d)", lambda m: str(int(m.group(1)) + years), period)


def _candidates(f: Stored, last: list[Stored]) -> list[Stored]:
    """Last year's figures comparable with ``f``: same period a year earlier when both have one."""
    if f.figure.stated_period is None:
        return last
    want = _shift_period(f.figure.stated_period)
    same = [g for g in last if g.figure.stated_period == want]
    if same:
        return same
    return [g for g in last if g.figure.stated_period is None]


def _is_flow(fig: Figure) -> bool:
    v = vocab()
    metric = fig.metric or ""
    if any(w in metric for w in v.get("stock_words", ())):
        return False
    return fig.unit in v.get("flow_units", ()) or any(w in metric for w in v.get("flow_metric_words", ()))


# -- rules ------------------------------------------------------------------------------------
def _label(f: Figure) -> str:
    return "".join(x for x in (f.scope, f.program, f.metric) if x)


def _make(code: str, status: str, message: str, figs: tuple[Figure, ...], spans: tuple[Span, ...],
          expected: str | None, actual: str | None, kind: str, trigger: str,
          intervals: tuple[tuple[str, tuple[str | None, str | None]], ...] = (),
          hints: tuple[str, ...] = ()) -> Any:
    severity = code_info(code).severity
    if status == "not_checkable":
        severity = "info"
    return Finding(code=code, severity=severity, status=status, message=message,  # type: ignore[arg-type]
                   figures=figs, spans=spans, expected=expected, actual=actual,
                   section=figs[0].section if figs else (),
                   relation=Relation(kind, trigger=trigger, explicit=True, intervals=intervals, hints=hints))


def _rule_previous(f: Stored, cands: list[Stored]) -> tuple[Any, Stored | None]:
    """GW201: this year's stated old value equals last year's reported value."""
    fig = f.figure
    assert fig.previous is not None
    x = _interval(fig.previous, _half(fig), _hedged(fig))
    for g in cands:
        if _meet(x, _interval(g.figure.value, _half(g.figure), _hedged(g.figure))):
            msg = (f"{_label(fig)}：今年所述原值 {_fmt(fig.previous)} {fig.unit} 与 {g.year} 年报告的 "
                   f"{g.figure.as_written or _fmt(g.figure.value)}（{_fmt(g.figure.value)} {fig.unit}）一致")
            return _make("GW201", "consistent", msg, (fig, g.figure), _spans(fig),
                         _fmt(g.figure.value), _fmt(fig.previous), "cross-year-equal", "由…提高到…"), g
    shown = "、".join(dict.fromkeys(_fmt(g.figure.value) for g in cands))
    g0 = cands[0]
    diff = fig.previous - g0.figure.value
    msg = (f"{_label(fig)}：今年报告称原为 {_fmt(fig.previous)} {fig.unit}，但 {g0.year} 年报告的数值为 "
           f"{shown} {fig.unit}（差 {_fmt(diff)}），二者不符")
    hints = ("transposition",) if diff % 9 == 0 and diff != 0 and len(_fmt(abs(diff))) < len(_fmt(fig.previous)) else ()
    return _make("GW201", "inconsistent", msg, (fig, g0.figure), _spans(fig), _fmt(g0.figure.value),
                 _fmt(fig.previous), "cross-year-equal", "由…提高到…", hints=hints), g0


def _rule_growth(f: Stored, cands: list[Stored]) -> tuple[Any, Stored | None] | None:
    """GW202: a stated change against last year agrees with last year's reported value."""
    fig = f.figure
    assert fig.change is not None
    cu = fig.change_unit or fig.unit
    relative = cu == "%" and fig.unit != "%"
    if not relative and cu not in (fig.unit, "个百分点"):
        return None
    hq = (f.change_quantum or Decimal(1)) / 2
    stated = (fig.change - hq, fig.change + hq)
    this = _interval(fig.value, _half(fig), _hedged(fig))
    results: list[tuple[bool, Stored, tuple[Decimal, Decimal]]] = []
    for g in cands:
        last = _interval(g.figure.value, _half(g.figure), _hedged(g.figure))
        if relative:
            if last[0] <= 0:
                continue
            computed = ((this[0] / last[1] - 1) * 100, (this[1] / last[0] - 1) * 100)
        else:
            computed = (this[0] - last[1], this[1] - last[0])
        results.append((_meet(computed, stated), g, computed))
    if not results:
        return None
    word = "增长" if fig.change >= 0 else "下降"
    unit_s = "%" if relative else f" {cu}"
    for ok, g, comp in results:
        if ok:
            msg = (f"{_label(fig)}：{g.year} 年 {_fmt(g.figure.value)} → 今年 {_fmt(fig.value)} {fig.unit}，"
                   f"推算变动 {_q(comp[0])}～{_q(comp[1])}{unit_s}，与所述{word} {_fmt(abs(fig.change))}{unit_s} 一致")
            return _make("GW202", "consistent", msg, (fig, g.figure), _spans(fig, f.change_span), None,
                         _fmt(fig.change),
                         "cross-year-growth", "比上年", _ivs(comp, stated)), g
    _, g0, comp = results[0]
    msg = (f"{_label(fig)}：今年 {_fmt(fig.value)} {fig.unit}，{g0.year} 年报告为 {_fmt(g0.figure.value)} {fig.unit}，"
           f"按此推算变动应为 {_q(comp[0])}～{_q(comp[1])}{unit_s}，与所述{word} {_fmt(abs(fig.change))}{unit_s} 不符")
    expected = f"{_q(comp[0])}..{_q(comp[1])}"
    return _make("GW202", "inconsistent", msg, (fig, g0.figure), _spans(fig, f.change_span), expected,
                 _fmt(fig.change),
                 "cross-year-growth", "比上年", _ivs(comp, stated)), g0


def _rule_copied(f: Stored, cands: list[Stored]) -> tuple[Any, Stored | None] | None:
    """GW203: a flow figure identical to last year's."""
    fig = f.figure
    if fig.value == 0 or not _is_flow(fig):
        return None
    for g in cands:
        if g.figure.value == fig.value and fig.stated_period is not None and g.figure.stated_period is not None:
            msg = (f"{_label(fig)}：{fig.as_written or _fmt(fig.value)}（{fig.period}）与 {g.year} 年报告的"
                   f"同期数值（{g.figure.stated_period}）完全相同，请核实是否照抄上年数据")
            return _make("GW203", "inconsistent", msg, (fig, g.figure), _spans(fig), None, _fmt(fig.value),
                         "cross-year-copy", "", hints=("copied",)), g
    return None


def _q(x: Decimal) -> str:
    return _fmt(x.quantize(Decimal("0.01")))


def _ivs(comp: tuple[Decimal, Decimal], stated: tuple[Decimal, Decimal]) -> tuple[tuple[str, tuple[str | None, str | None]], ...]:
    return (("computed", (_fmt(comp[0]), _fmt(comp[1]))), ("stated", (_fmt(stated[0]), _fmt(stated[1]))))


def _spans(fig: Figure, extra: Span | None = None) -> tuple[Span, ...]:
    return (fig.span,) + ((fig.previous_span,) if fig.previous_span else ()) + ((extra,) if extra else ())


# -- driver -----------------------------------------------------------------------------------
def cross_check(conn: sqlite3.Connection, *, issuer: str | None = None) -> list[CrossFinding]:
    """All cross-year findings of a corpus (passing ones included), in issuer/year/text order.

    The same report stored in several formats (PDF, DOCX, text) yields one finding, naming the
    other copies in ``also_in``.
    """
    by_issuer: dict[str, dict[int, list[Stored]]] = {}
    for s in load_figures(conn, issuer):
        by_issuer.setdefault(s.issuer, {}).setdefault(s.year, []).append(s)
    out: list[CrossFinding] = []
    for iss in sorted(by_issuer):
        years = by_issuer[iss]
        for year in sorted(years):
            if year - 1 not in years:
                continue
            last_by_key: dict[tuple[Any, ...], list[Stored]] = {}
            for g in years[year - 1]:
                last_by_key.setdefault(g.key, []).append(g)
            seen: dict[tuple[Any, ...], int] = {}
            this = years[year]
            for f, growth_only in [(f, False) for f in this] + [(f, True) for f in pair_deltas(this)]:
                last = last_by_key.get(f.key)
                if not last:
                    continue
                cands = _candidates(f, last)
                if not cands:
                    continue
                produced: list[tuple[Any, Stored | None]] = []
                if growth_only or (f.figure.previous is None and f.figure.change is not None and not f.is_delta):
                    r = _rule_growth(f, cands)
                    if r:
                        produced.append(r)
                elif f.figure.previous is not None:
                    produced.append(_rule_previous(f, cands))
                if not growth_only and not f.is_delta:
                    copied = _rule_copied(f, cands)
                    if copied:
                        produced.append(copied)
                for finding, other in produced:
                    fig = f.figure
                    dedupe = (finding.code, finding.status, f.key, fig.period, fig.value, fig.previous,
                              fig.change, finding.expected)
                    if dedupe in seen:
                        i = seen[dedupe]
                        if f.path != out[i].document and f.path not in out[i].also_in:
                            out[i] = _add_also(out[i], f.path)
                        continue
                    seen[dedupe] = len(out)
                    out.append(CrossFinding(finding, iss, year, f.path, year - 1,
                                            other.path if other else None))
    return out


def _add_also(cf: CrossFinding, path: str) -> CrossFinding:
    return CrossFinding(cf.finding, cf.issuer, cf.year, cf.document, cf.previous_year,
                        cf.previous_document, cf.also_in + (path,))


def problems(findings: Iterable[CrossFinding]) -> list[CrossFinding]:
    """The findings a reader must look at: anything not consistent and not merely uncheckable."""
    return [cf for cf in findings if cf.finding.status in ("inconsistent", "weak")]


def save(conn: sqlite3.Connection, findings: Iterable[CrossFinding], *, issuer: str | None = None) -> int:
    """Replace the stored cross-year findings (of ``issuer``, or all) in one transaction."""
    import json
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = []
    for cf in findings:
        j = cf.to_json()
        rows.append((cf.issuer, cf.year, cf.previous_year, j["code"], j["name"], j["severity"], j["status"],
                     j["message"], j["expected"], j["actual"], cf.document, cf.previous_document,
                     json.dumps(j["also_in"], ensure_ascii=False), json.dumps(j["spans"]),
                     json.dumps(j["relation"], ensure_ascii=False), now))
    conn.execute("BEGIN IMMEDIATE")
    try:
        if issuer:
            conn.execute("DELETE FROM crossyear WHERE issuer = ?", (issuer,))
        else:
            conn.execute("DELETE FROM crossyear")
        conn.executemany(
            "INSERT INTO crossyear (issuer, year, previous_year, code, name, severity, status, message, "
            "expected, actual, document, previous_document, also_in, spans, relation, checked_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(rows)
