"""Author-facing text handling: ids, lists and option values taken literally."""

from __future__ import annotations

import functools
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


def proposed_id(text: str, what: str) -> str:
    """A valid id for ``text``: its slug, or a stable one from its hash when nothing ASCII is left."""
    from .digest import digest

    return slugify(text) or f"{what}-{digest(text)[:8]}"


_LINK_SCHEMES = ("http", "https", "mailto", "ftp")


def is_safe_url(url: str) -> bool:
    """Only these schemes become links: ``javascript:`` and friends stay text."""
    from urllib.parse import urlsplit

    return urlsplit(url).scheme.lower() in _LINK_SCHEMES


def split_links(value: str) -> list[str]:
    """URLs separated by spaces or by commas followed by a space (a URL may contain a comma)."""
    return [u for u in re.split(r",\s+|\s+|,$|^,", value.strip()) if u]


def is_valid_id(text: str) -> bool:
    return bool(_VALID_ID.match(text))


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The key names are matched by: case-insensitive, width-insensitive, spaces collapsed.

    Cached: every build folds each session's project and release names, a few hundred
    distinct names written tens of thousands of times."""
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


def split_argument(text: str) -> tuple[str, list[str]]:
    """Separate the option block reST folded into a directive's argument.

    Without an ``option_spec`` docutils takes every line up to the first blank one as the
    argument, option lines included (MyST hands them over as content instead).  Returns the
    argument proper and the option lines, continuation lines joined to the option they
    continue, so both parsers give ``split_options`` the same lines.
    """
    lines = text.split("\n")
    for start, line in enumerate(lines):
        if _OPTION_LINE.match(line.strip()):
            break
    else:
        return text, []
    options: list[str] = []
    for line in lines[start:]:
        if options and line[:1].isspace() and not _OPTION_LINE.match(line.strip()):
            options[-1] = f"{options[-1].rstrip()} {line.strip()}"
        else:
            options.append(line.strip())
    return "\n".join(lines[:start]).strip(), options


def split_options(lines: list[str]) -> tuple[dict[str, str], list[str], int]:
    """Read the leading ``:name: value`` lines of a directive body exactly as written.

    Our directives declare no ``option_spec``, so MyST hands the option block over untouched:
    its YAML-style parsing would treat a leading quote as quoting and `` #`` as a comment,
    changing a speaker list or a title.  Returns the options, the names given more than once,
    and how many lines the block took.
    """
    options: dict[str, str] = {}
    repeated: list[str] = []
    count = 0
    for line in lines:
        match = _OPTION_LINE.match(line.lstrip("\ufeff").strip())
        if not match:
            break
        name, value = match.group(1), match.group(2).strip()
        if name in options:
            repeated.append(name)
        options[name] = value
        count += 1
    return options, repeated, count


#: what became of a project: the values ``:status:`` accepts
STATUS_STATES = ("active", "deprecated", "retired", "moved")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def split_status(value: str) -> tuple[tuple[str, str, str], list[str]]:
    """``retired 2025-07-18 https://...`` -> ((state, since, source), problems).

    ``since`` is an ISO date or a release name (one word, as ``Newton`` or ``2025.1``); the
    source is the URL that says so.  Problems are messages for the author; what is usable is kept.
    """
    words = value.split()
    if not words:
        return ("", "", ""), []
    state, rest = words[0].lower(), words[1:]
    problems = []
    if state not in STATUS_STATES:
        problems.append(f"unknown :status: {words[0]!r} (one of: {', '.join(STATUS_STATES)})")
        state = ""
    since = source = ""
    for word in rest:
        if "://" in word:
            if source:
                problems.append(f":status: has two source URLs ({source!r}, {word!r})")
            elif not is_safe_url(word):
                problems.append(f":status: source {word!r} is not an http(s) URL")
            else:
                source = word
        elif not since:
            since = word
        else:
            problems.append(f":status: {value!r}: write STATE [DATE or RELEASE] [URL]")
            return (state, since, source), problems
    if state and state != "active" and not any("://" in word for word in rest):
        problems.append(f":status: {state} needs the URL of the source that says so")
    return (state, since, source), problems


def is_iso_date(text: str) -> bool:
    return bool(_ISO_DATE.match(text))
