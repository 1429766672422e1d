"""Partial ISO 8601 dates: authors often know only the year or the month of an event."""

from __future__ import annotations

import calendar
from functools import lru_cache
import re
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from . import labels

if TYPE_CHECKING:
    from .records import EventRecord

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(NamedTuple):
    """A date known to the year, the month or the day; compares by its first day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    @lru_cache(maxsize=4096)  # the same dates are parsed for every list and index row
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError with a reason."""
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"{text!r} is impossible: {year}-{month:02d} has {last} days")
        return cls(year, month, day)

    @property
    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def japanese(self) -> str:
        """The date as Japanese readers write it: 2018年5月21日, 2012年8月."""
        text = f"{self.year}{labels.YEAR}"
        if self.month:
            text += f"{self.month}{labels.MONTH}"
        if self.day:
            text += f"{self.day}{labels.DAY}"
        return text


def japanese_span(start: PartialDate | None, end: PartialDate | None) -> str:
    """A date range without repeating what both ends share: 2018年5月21日〜24日."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return (start or end).japanese()  # type: ignore[union-attr]
    tail = end.japanese()
    if end.year == start.year:
        tail = tail.removeprefix(f"{end.year}{labels.YEAR}")
        if end.month and end.month == start.month and end.day:
            tail = tail.removeprefix(f"{end.month}{labels.MONTH}")
    return f"{start.japanese()}{labels.SPAN}{tail}"


def within(inner: PartialDate, start: PartialDate | None, end: PartialDate | None) -> bool:
    """Whether ``inner`` can lie in [start, end] as far as the known parts tell."""
    lo = start.first if start else None
    hi = (end or start).last if (end or start) else None
    if lo and inner.last < lo:
        return False
    return not (hi and inner.first > hi)


def event_dates(record: EventRecord) -> str:
    """An event's dates as the book shows them (2018年5月21日〜24日); empty when not given."""
    start = PartialDate.parse(record.start) if record.start else None
    end = PartialDate.parse(record.end) if record.end else None
    return japanese_span(start, end)
