"""Author-facing text handling: ids, lists and option values taken literally."""

from __future__ import annotations

import re
import unicodedata

_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Separators authors use in lists: ASCII comma, ideographic comma, full-width comma.
_SEPARATORS = ",、，"


def slugify(text: str) -> str:
    """Lower-case ASCII slug; empty when nothing ASCII is left (Japanese names need ``:id:``)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_DROP.sub("-", folded.lower()).strip("-")


def is_valid_id(text: str) -> bool:
    return bool(_VALID_ID.match(text))


def fold(name: str) -> str:
    """The key names are matched by: case-insensitive, width-insensitive, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def split_list(value: str) -> tuple[list[str], int]:
    """Split a comma list, keeping commas inside parentheses; return items and empty-item count.

    ``真壁徹 (日本HP, 講演), CERN`` is two speakers, not three.
    """
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for char in value:
        if char in "(（[":
            depth += 1
        elif char in ")）]" and depth:
            depth -= 1
        if char in _SEPARATORS and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    stripped = [" ".join(item.split()) for item in items]
    kept = [item for item in stripped if item]
    empty = len(stripped) - len(kept) if value.strip() else 0
    return kept, empty


_OPTION_LINE = re.compile(r"^:([A-Za-z0-9_-]+):(.*)$")


def raw_options(block_text: str) -> tuple[dict[str, str], list[str]]:
    """Read ``:name: value`` lines exactly as written, before any YAML-style parsing.

    MyST treats a leading quote as YAML quoting and `` #`` as a comment, which would change
    a speaker list or a title.  Returns the options and the names given more than once.
    Works for MyST fences (`````{x}``, ``:::{x}``) and reST (``.. x::``) alike: the option
    block is the run of ``:name:`` lines right after the directive line.
    """
    lines = block_text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    options: dict[str, str] = {}
    duplicates: list[str] = []
    for line in lines[1:]:
        match = _OPTION_LINE.match(line.strip())
        if not match:
            break
        name, value = match.group(1), match.group(2).strip()
        if name in options:
            duplicates.append(name)
        options[name] = value
    return options, duplicates
