"""Unresolved names get one precise warning, with the closest declared names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import labels
from .log import warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.domains import Domain


def warn_missing(app: Sphinx, domain: Domain, node: pending_xref) -> bool | None:
    if domain is None or domain.name != "summit":
        return None
    if node.get("summit_quiet"):
        return True
    objtype, target = node["reftype"], node["reftarget"]
    hint = domain.catalog.hint(objtype, target)  # type: ignore[attr-defined]
    warn(f"unknown {objtype} {target!r} ({labels.OBJECT_TYPES.get(objtype, objtype)}){hint}",
         "unknown", node)
    return True
