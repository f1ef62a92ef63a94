"""Reading and extraction: readers → clean → outline → figures → labels.

``gongwen.extract`` is both this package and the verb ``gongwen.extract(path_or_document)``:
once any of its modules is imported, Python binds the attribute ``gongwen.extract`` to this
package, so the package itself is made callable (it forwards to
:func:`gongwen.extract.pipeline.extract`).
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..figure import Extraction


class _CallableModule(types.ModuleType):
    def __call__(self, source: Any, **kwargs: Any) -> Extraction:
        from .pipeline import extract

        return extract(source, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
