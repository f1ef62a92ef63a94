"""The formats of a composed document, from its blocks: .docx, PDF, Markdown and text.

A render (:class:`gongwen.generate.api.RenderResult`) and a draft
(:class:`gongwen.generate.redraft.DraftResult`) both end as blocks laid out with a profile (and
perhaps a bureau's reference .docx); :class:`BlockOutput` gives them the same outputs.
"""

from __future__ import annotations

import io
from typing import Any

from .docx_out import build
from .profile import load_profile
from .text_out import to_markdown, to_text


class BlockOutput:
    """Outputs of ``self.blocks`` laid out with ``self.profile`` and ``self.reference_docx``;
    ``self.issuer`` names the office on the letterhead."""

    blocks: Any
    profile: str
    reference_docx: str | None

    @property
    def issuer(self) -> str | None:
        raise NotImplementedError

    def docx_bytes(self, for_libreoffice: bool = False) -> bytes:
        buf = io.BytesIO()
        build(self.blocks, load_profile(self.profile), self.reference_docx, self.issuer,
              autospace=for_libreoffice).save(buf)
        return buf.getvalue()

    @property
    def markdown(self) -> str:
        return to_markdown(self.blocks)

    @property
    def text(self) -> str:
        return to_text(self.blocks)

    def as_bytes(self, fmt: str) -> bytes:
        if fmt == "docx":
            return self.docx_bytes()
        if fmt == "pdf":
            from .api import pdf_bytes

            return pdf_bytes(self)
        return (self.markdown if fmt == "md" else self.text).encode("utf-8")
