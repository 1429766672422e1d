"""The json and pickle builders, rebuilt without warnings.

sphinxcontrib-serializinghtml 2.0.0 (the newest) copies each page's source and the pickled
environment with ``copyfile`` and no ``force``: under Sphinx 9 every rebuild that changed
them warns ``misc.copy_overwrite`` and leaves the old copy, so ``-W`` fails and the copies go
stale.  These subclasses remove the earlier copy first, which is what ``force=True`` would do.
They also give each page's context its ``pagename``, as the HTML builders do.
Registered under the same names; drop this module once the package copies with ``force``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import ENV_PICKLE_FILENAME
from sphinxcontrib.serializinghtml import JSONHTMLBuilder, PickleHTMLBuilder


class _FreshCopies:
    def handle_page(self, pagename: str, ctx: dict[str, Any], templatename: str = "page.html",
                    outfilename: str | None = None, event_arg: Any = None) -> None:
        if ctx.get("sourcename"):
            (Path(self.outdir) / "_sources" / ctx["sourcename"]).unlink(missing_ok=True)  # type: ignore[attr-defined]
        # The HTML builders put the page's name in the context; html-page-context handlers such as
        # sphinxext-opengraph's rely on it, and fail on these builders without it.
        ctx.setdefault("pagename", pagename)
        super().handle_page(pagename, ctx, templatename, outfilename, event_arg)  # type: ignore[misc]

    def handle_finish(self) -> None:
        (Path(self.outdir) / ENV_PICKLE_FILENAME).unlink(missing_ok=True)  # type: ignore[attr-defined]
        super().handle_finish()  # type: ignore[misc]


class JSONBuilder(_FreshCopies, JSONHTMLBuilder):
    pass


class PickleBuilder(_FreshCopies, PickleHTMLBuilder):
    pass
