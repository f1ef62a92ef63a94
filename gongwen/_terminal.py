"""Text bound for stdout: control characters shown, never obeyed by the terminal.

A stranger's file can hold terminal escape sequences (``ESC[2J`` clears the screen, ``ESC]0;…BEL``
retitles the window, OSC 52 writes the clipboard) and other C0/C1 control characters; printed as
they are, the terminal executes them.  Commands that print document text to stdout pass it
through :func:`visible` (plain text: each control character becomes one visible character, so
code-point offsets still match the document) or :func:`visible_json` (JSON: the characters
``json.dumps(ensure_ascii=False)`` leaves raw are escaped, losslessly).  ``-o FILE`` writes the
exact text.
"""

from __future__ import annotations

_C1 = range(0x80, 0xA0)

# C0 controls as their Control Pictures (ESC → ␛ U+241B, CR → ␍, FF → ␌), DEL → ␡, C1 → U+FFFD
# (no pictures exist for them).  Tab and line feed are text.
_VISIBLE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({c: 0xFFFD for c in _C1})
_JSON = {c: f"\\u{c:04x}" for c in (0x7F, *_C1)}


def visible(text: str, *, crlf: bool = False) -> str:
    """``text`` with every control character but tab and line feed replaced by a visible one.

    ``crlf`` keeps CR LF pairs (CSV row ends); a lone CR, which moves the cursor back over what
    was printed, is still shown.

    >>> visible("总结\\x1b[2J\\x07\\r覆盖\\x9b31m\\n")
    '总结␛[2J␇␍覆盖\\ufffd31m\\n'
    >>> visible("a,b\\r\\n\\x1bc\\r\\n", crlf=True)
    'a,b\\r\\n␛c\\r\\n'
    """
    if not crlf:
        return text.translate(_VISIBLE)
    return "\r\n".join(part.translate(_VISIBLE) for part in text.split("\r\n"))


def visible_json(text: str) -> str:
    """JSON text with DEL and C1 controls escaped (``json.dumps`` already escapes C0 ones).

    Outside strings JSON holds only ASCII punctuation, so escaping every occurrence is exact.

    >>> import json
    >>> visible_json(json.dumps({"t": "增长\\x9b31m"}, ensure_ascii=False))
    '{"t": "增长\\\\u009b31m"}'
    >>> json.loads(visible_json(json.dumps(["\\x7f\\x85"], ensure_ascii=False))) == ["\\x7f\\x85"]
    True
    """
    return text.translate(_JSON)
