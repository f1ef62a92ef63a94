"""The generator's library entry point: data + template → blocks → .docx / Markdown / text."""

from __future__ import annotations

import importlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._io import atomic_write
from ..errors import DataError, OutputError
from ..figure import Figure
from . import markup as _markup
from . import narrate, schema, templating
from .output import BlockOutput
from .profile import load_profile

FORMATS = ("docx", "pdf", "md", "txt")
_SUFFIX_FORMAT = {".docx": "docx", ".pdf": "pdf", ".md": "md", ".markdown": "md", ".txt": "txt"}


@dataclass
class RenderResult(BlockOutput):
    """What a render produced: the blocks, the figures the text states, the unfilled values."""

    report: schema.ReportData
    markup: str
    blocks: list[_markup.Block]
    figures: list[Figure]
    missing: list[str]
    profile: str = "default"
    reference_docx: str | None = None
    path: Path | None = None
    findings: list[Any] = field(default_factory=list)
    check_note: str = ""  # why the checker did not run, when it did not
    warnings: list[str] = field(default_factory=list)  # e.g. the profile's fonts missing for a PDF

    @property
    def placeholders(self) -> list[str]:
        return _markup.placeholders(self.blocks)

    @property
    def issuer(self) -> str | None:
        return self.report.issuer


def pdf_bytes(result: Any) -> bytes:
    """A render or draft as PDF through LibreOffice; a warning when the profile's fonts are missing."""
    from .fonts import warning
    from .pdf_out import to_pdf

    prof = load_profile(result.profile)
    note = warning(prof)
    if note and note not in result.warnings:
        result.warnings.append(note)
    return to_pdf(result.docx_bytes(for_libreoffice=True), prof)


def output_format(output: str | Path | None, fmt: str | None) -> str:
    """The format named by ``--format`` or else by the output suffix (default docx)."""
    if fmt:
        if fmt not in FORMATS:
            raise OutputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
        return fmt
    if output is None:
        return "docx"
    suffix = Path(output).suffix.lower()
    if suffix not in _SUFFIX_FORMAT:
        raise OutputError(f"cannot tell the format from suffix {suffix!r}; use .docx, .md, .txt or --format",
                          output)
    return _SUFFIX_FORMAT[suffix]


def compose(data: str | Path | dict[str, Any] | schema.ReportData, *, template: str | Path | None = None,
            profile: str = "default", reference_docx: str | Path | None = None,
            allow_missing: bool = False) -> RenderResult:
    """Validate the data and render it through the template into blocks (nothing written)."""
    report = data if isinstance(data, schema.ReportData) else schema.load(data, allow_missing=allow_missing)
    prof = load_profile(profile)
    if report.yoy_word == "比上年" and prof.yoy_word != "比上年":
        report.yoy_word = prof.yoy_word
    if reference_docx is not None and not Path(reference_docx).is_file():
        raise OutputError("no such reference document", reference_docx)
    rec, token = narrate.start_record()
    try:
        text = templating.render_markup(report, template)
    finally:
        narrate.end_record(token)
    _, _, shown = templating.resolve(template, report.kind)
    blocks = _markup.parse(text, shown)
    return RenderResult(report, text, blocks, rec.figures, rec.missing, profile,
                        str(reference_docx) if reference_docx else None)


def run_checker(result: Any, fmt: str) -> list[Any]:
    """Findings of ``gongwen.check`` on the rendered document.

    ``result`` is a :class:`RenderResult` or a draft (anything with ``docx_bytes()``, ``text``
    and ``check_note``).  The checker is optional: when it (or the extractor it needs) is not
    built, no findings are returned and ``result.check_note`` says why.
    """
    try:
        check_mod = importlib.import_module("gongwen.check")
        check = check_mod.check
    except (ModuleNotFoundError, AttributeError) as e:
        if isinstance(e, ModuleNotFoundError) and not (e.name or "").startswith("gongwen"):
            raise
        result.check_note = f"checker not available ({e})"
        return []
    as_docx = fmt in ("docx", "pdf")  # a PDF is checked as the .docx it is made from
    suffix = ".docx" if as_docx else ".txt"
    with tempfile.TemporaryDirectory(prefix="gongwen-render-") as tmp:
        path = Path(tmp) / f"draft{suffix}"
        path.write_bytes(result.docx_bytes() if as_docx else result.text.encode("utf-8"))
        try:
            report = check(path)
        except ModuleNotFoundError as e:  # a stage of the pipeline not built yet
            if not (e.name or "").startswith("gongwen"):
                raise
            result.check_note = f"checker not available ({e})"
            return []
    return list(getattr(report, "findings", []) or [])


def render(data: str | Path | dict[str, Any] | schema.ReportData, *, template: str | Path | None = None,
           profile: str = "default", reference_docx: str | Path | None = None,
           output: str | Path | None = None, format: str | None = None, force: bool = False,
           allow_missing: bool = False, check: bool = True) -> RenderResult:
    """Render report data (a YAML/JSON path or a mapping) through a template.

    With ``output`` the document is written atomically (``docx``, ``md`` or ``txt``, from
    ``format`` or the suffix); an existing file is kept unless ``force``.  When the checker
    (:mod:`gongwen.check`) is present and ``check`` is on, error-level findings stop the write
    unless ``force``.
    """
    result = compose(data, template=template, profile=profile, reference_docx=reference_docx,
                     allow_missing=allow_missing)
    if output is None:
        return result
    write_checked(result, output, format, force=force, check=check, inputs="data")
    return result


def write_checked(result: Any, output: str | Path, fmt: str | None, *, force: bool, check: bool,
                  inputs: str = "data") -> None:
    """Write a render or a draft atomically; with ``check``, refused on checker errors unless
    ``force`` (the message asks to fix the ``inputs``)."""
    f = output_format(output, fmt)
    out = Path(output)
    if out.exists() and not force:
        raise OutputError("exists; pass --force to overwrite", out)
    payload = result.as_bytes(f)
    if check:
        result.findings = run_checker(result, f)
        errors = [x for x in result.findings if getattr(x, "severity", "") == "error"]
        if errors and not force:
            first = "; ".join(f"{getattr(x, 'code', '?')}: {getattr(x, 'message', x)}" for x in errors[:3])
            raise OutputError(f"not written: the checker found {len(errors)} error(s) ({first}); "
                              f"fix the {inputs} or pass --force", out)
    result.path = atomic_write(out, payload, force=force)


__all__ = ["DataError", "RenderResult", "compose", "output_format", "render"]
