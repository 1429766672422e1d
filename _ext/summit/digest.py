"""One way to fingerprint build inputs: the incremental logic and the exports compare these."""

from __future__ import annotations

import hashlib


def digest(value: object) -> str:
    """SHA-1 of ``repr(value)`` (text as is): records are tuples of str and int, whose repr is stable."""
    text = value if isinstance(value, str) else repr(value)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
