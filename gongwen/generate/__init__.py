"""The generator: report data (YAML/JSON) + template → GB/T 9704 .docx, Markdown or text.

``render(data_or_path, template=..., output=...)`` validates the data (:mod:`.schema`), renders
a sandboxed Jinja2 template to line markup (:mod:`.templating`, :mod:`.markup`), and writes it
(:mod:`.docx_out`, :mod:`.text_out`).  ``draft`` (:mod:`.draft`) starts next year's data from
last year's report.
"""

from __future__ import annotations

from .api import RenderResult, compose, render

__all__ = ["RenderResult", "compose", "render"]
