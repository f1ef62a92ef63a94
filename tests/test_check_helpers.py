"""Hand-made figures for checker tests: a tiny literal finder over a short text.

Not an extractor: it knows just enough of the number grammar (digits, 万/亿, a unit, 约/多/以上,
由 A 提高到 B) to build :class:`Figure` lists for rule fixtures, so the checker's tests do not
depend on the extraction pipeline.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from gongwen.figure import Extraction, Figure
from gongwen.model import Document, Heading, Metadata, SourceMap, Span

UNITS = ["元/人次", "元/人/月", "元/人/年", "元/户", "元/人", "个百分点", "人次", "户次", "元", "户", "人", "个",
         "%", "张", "份", "名", "家", "间", "宗", "次", "倍", "对", "件"]
NUM = re.compile(r"(?P<pre>约|近|超过)?(?P<num>\d+(?:\.\d+)?)(?P<scale>万|亿)?(?P<unit>"
                 + "|".join(re.escape(u) for u in UNITS) + r")?(?P<post>多|余|以上|以下|左右)?")
PREV = re.compile(r"(?:由|从)(?:原有的|原有|原来的|原来|现行的|现行|原)?(?:每人每月)?$")
TO = re.compile(r"(?:提高|增加|提升|下降|减少|降低|调整|提)(?:到|至|为)(?:每人每月)?$")


def doc(text: str, headings: tuple[Heading, ...] = (), **meta: Any) -> Document:
    """A minimal Document over ``text`` (one source line per character offset)."""
    src = SourceMap(path="<test>", format="text", raw=text, offsets=tuple(range(len(text))), lines=())
    return Document(text=text, paragraphs=(), headings=headings, source=src, metadata=Metadata(**meta))


def figures(text: str, section: tuple[str, ...] = (), **labels: Any) -> list[Figure]:
    """Every number-with-unit literal of ``text`` as a Figure (periods and dates skipped)."""
    out: list[Figure] = []
    pending_prev: tuple[Decimal, Span] | None = None
    for m in NUM.finditer(text):
        after = text[m.end():m.end() + 1]
        if not m.group("unit") and after in "年月日号]" and after:
            continue
        if m.group("unit") is None and m.group("scale") is None and after not in "，,）)、；。 ":
            continue
        num = Decimal(m.group("num"))
        scale = Decimal(10000) if m.group("scale") == "万" else Decimal(10) ** 8 if m.group("scale") == "亿" else Decimal(1)
        dec = len(m.group("num").split(".")[1]) if "." in m.group("num") else 0
        quantum = Decimal(1).scaleb(-dec) * scale
        unit = m.group("unit") or ""
        if unit == "名":
            unit = "人"
        start = m.start("num")
        end = m.end("unit") if m.group("unit") else m.end("scale") if m.group("scale") else m.end("num")
        before = text[max(0, start - 12):start]
        if m.group("pre"):
            before = text[max(0, m.start() - 12):m.start()]
        prev = None
        prev_span = None
        if PREV.search(before):
            pending_prev = (num * scale, Span(start, end))
            continue
        if pending_prev is not None and TO.search(before):
            prev, prev_span = pending_prev
        pending_prev = None
        approx = m.group("pre") or m.group("post")
        bound = {"约": "~", "左右": "~", "近": "<=", "多": ">", "余": ">", "以上": ">=", "超过": ">",
                 "以下": "<="}.get(approx or "")
        out.append(Figure(value=num * scale, unit=unit, previous=prev, previous_span=prev_span,
                          approx=approx, bound=bound, section=section,  # type: ignore[arg-type]
                          id=f"f{len(out) + 1}", as_written=text[start:end], span=Span(start, end),
                          unit_as_written=(m.group("scale") or "") + unit, quantum=quantum,
                          text_span=None, **labels))
    return out


def extraction(text: str, sections: list[tuple[int, tuple[str, ...]]] | None = None,
               headings: tuple[Heading, ...] = (), **meta: Any) -> Extraction:
    """An Extraction of ``text``; ``sections`` maps start offsets to section paths."""
    figs = figures(text)
    if sections:
        import dataclasses

        def sec(off: int) -> tuple[str, ...]:
            cur: tuple[str, ...] = ()
            for s, path in sections:
                if off >= s:
                    cur = path
            return cur
        figs = [dataclasses.replace(f, section=sec(f.span.start)) for f in figs]
    return Extraction(document=doc(text, headings, **meta), figures=tuple(figs))


def test_helper_finds_literals() -> None:
    fs = figures("由每人每月820元提高到每人每月915元，保障对象4826户8719人，共38.64万元，约4300万元。")
    assert [(f.as_written, f.value, f.unit) for f in fs] == [
        ("915元", Decimal(915), "元"), ("4826户", Decimal(4826), "户"), ("8719人", Decimal(8719), "人"),
        ("38.64万元", Decimal("386400.00"), "元"), ("4300万元", Decimal(43000000), "元")]
    assert fs[0].previous == Decimal(820) and fs[3].quantum == Decimal(100) and fs[4].approx == "约"
