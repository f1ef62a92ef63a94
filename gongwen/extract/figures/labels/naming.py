"""A figure the vocabulary names no program for, filed under the line of work its heading names.

A heading that is only a name (志愿服务, 产科服务, 居民议事协商 — no verb before it, nothing said of
how the work went: :func:`.worklines.work_line` leaves it whole) is the report's own name for a
line of work.  Where the vocabulary finds no program in a figure's clause, sentence, headings or
paragraph, a reader files the figure under that name rather than under none.  Only a bare name:
a heading that says what was done or how it went (康复服务水平持续提升) names the area, and its
cut line guesses more than the report says (measured on the development corpus: filling the gaps
from any heading's line lost figures the writers of groups A–H file under none).
"""

from __future__ import annotations

from .worklines import work_line

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
