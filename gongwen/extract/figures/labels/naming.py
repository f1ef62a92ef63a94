"""A figure the vocabulary names no program for, filed under the line of work its heading names —
or, for a new bureau's figure that no heading names a line for, the work its own metric counts.

A heading that is only a name (志愿服务, 产科服务, 居民议事协商 — no verb before it, nothing said of
how the work went: :func:`.worklines.work_line` leaves it whole) is the report's own name for a
line of work.  Where the vocabulary finds no program in a figure's clause, sentence, headings or
paragraph, a reader files the figure under that name rather than under none.  Only a bare name:
a heading that says what was done or how it went (康复服务水平持续提升) names the area, and its
cut line guesses more than the report says (measured on the development corpus: filling the gaps
from any heading's line lost figures the writers of groups A–H file under none).
"""

from __future__ import annotations

from ...._data import package_yaml
from .worklines import work_line

_DATA = package_yaml("gongwen.extract", "data/worklines.yaml")
_OBJECT_LEADS = tuple(sorted(map(str, _DATA["object_leads"]), key=len, reverse=True))
_MEASURE_ENDS = tuple(sorted(map(str, _DATA["measure_ends"]), key=len, reverse=True))

_LONGEST = 10  # a title longer than this is a heading's sentence, not a line's name


def heading_name(program: str | None, title: str | None) -> str | None:
    """``program``, or where it is None the title of the figure's innermost heading when that title
    is a line's bare name.

    >>> heading_name(None, "志愿服务"), heading_name("城乡社区治理", "志愿服务")
    ('志愿服务', '城乡社区治理')
    >>> heading_name(None, "志愿服务扎实开展"), heading_name(None, "存在的问题"), heading_name(None, None)
    (None, None, None)
    """
    if program is not None or not title:
        return program
    title = title.strip()
    if len(title) > _LONGEST or work_line(title) != title:
        return None
    return title


def metric_work(metric: str | None) -> str | None:
    """The work a figure's metric counts: the metric without the verbs it opens on and the measure
    it ends on (召开常委会会议次数 → 常委会会议, 提出审计建议数 → 审计建议; worklines.yaml
    ``object_leads``, ``measure_ends``), or None where it is only a measure.

    A new bureau's figure that neither a vocabulary program nor a heading's line names (a report's
    opening paragraph, a part of the report, a table of targets) is still of some work, and its own
    clause says which: 召开常委会会议8次 is the 常委会会议's figure.  Writers who file every
    figure under a program (rounds 27–30 leave none unfiled) name it so; none would be a sure miss.

    >>> metric_work("召开常委会会议次数"), metric_work("辅助器具适配件数年度任务"), metric_work("人数")
    ('常委会会议', '辅助器具适配', None)
    """
    if not metric:
        return None
    w = metric
    changed = True
    while changed:
        changed = False
        for e in _MEASURE_ENDS:
            if w.endswith(e) and len(w) - len(e) >= 2:
                w = w[: -len(e)]
                changed = True
                break
    changed = True
    while changed:
        changed = False
        for lead in _OBJECT_LEADS:
            if w.startswith(lead) and len(w) - len(lead) >= 2:
                w = w[len(lead):]
                changed = True
                break
    if len(w) < 2 or w == metric and any(metric.endswith(e) for e in _MEASURE_ENDS):
        return None  # (a metric that is only a measure, 人数 or 增速, names no work)
    return w
