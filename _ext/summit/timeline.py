"""The timeline: release cycles on a time axis, and each event placed at its dates.

One layout (dates to positions, label lanes) drawn three ways: inline SVG for the web (links
and text a screen reader reads; the page scrolls it sideways on a phone instead of shrinking
it), the same SVG as an image for the e-book, and TikZ for the booklet.  Written by hand: no
extension draws this.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sphinx.util.texescape import escape

from .dates import PartialDate

#: pixels per year on the web; millimetres per year in print
PX_PER_YEAR = 96
MM_PER_YEAR = 7.8


@dataclass(frozen=True)
class Cycle:
    name: str
    version: str
    start: date
    end: date
    target: str  # release id


@dataclass(frozen=True)
class Mark:
    name: str
    start: date
    end: date
    lane: int
    target: str  # event id


@dataclass(frozen=True)
class Layout:
    first: date
    last: date
    cycles: tuple[Cycle, ...]
    events: tuple[Mark, ...]
    lanes: int

    def years(self) -> list[int]:
        return list(range(self.first.year, self.last.year + 1))

    def fraction(self, day: date) -> float:
        return (day - self.first).days / max((self.last - self.first).days, 1)

    @property
    def span_years(self) -> float:
        return (self.last - self.first).days / 365.25


def label_years(name: str, latin: float, wide: float, per_year: float) -> float:
    """How many years of axis a label takes: ``latin`` and ``wide`` (CJK) characters' widths."""
    return sum(wide if ord(c) > 0x2E7F else latin for c in name) / per_year + 0.2


def web_label(name: str) -> float:
    return label_years(name, 6.6, 12.0, PX_PER_YEAR)


def print_label(name: str) -> float:
    return label_years(name, 1.45, 2.5, MM_PER_YEAR)


def layout(releases: list[tuple[str, str, str, str]], events: list[tuple[str, str, str, str]],
           width_of: Callable[[str], float] = web_label) -> Layout | None:
    """``releases``: (id, name, version, released); ``events``: (id, name, start, end), ISO dates.

    A cycle runs from the previous release to its own, so the first dated release only opens
    the axis.  Event labels go to the first lane where they do not run into the previous one.
    """
    dated = sorted((PartialDate.parse(r).first, rid, name, version) for rid, name, version, r in releases if r)
    cycles = tuple(Cycle(name, version, previous[0], day, rid)
                   for previous, (day, rid, name, version) in zip(dated, dated[1:], strict=False))
    marks_in = sorted((PartialDate.parse(start).first, PartialDate.parse(end or start).last, eid, name)
                      for eid, name, start, end in events if start)
    if not cycles and not marks_in:
        return None
    days = [c.start for c in cycles] + [c.end for c in cycles] + [m[0] for m in marks_in] + [m[1] for m in marks_in]
    first, last = date(min(days).year, 1, 1), date(max(days).year + 1, 1, 1)
    lanes_end: list[float] = []
    marks = []
    for start, end, eid, name in marks_in:
        at = (start - first).days / 365.25
        lane = next((n for n, taken in enumerate(lanes_end) if taken <= at), len(lanes_end))
        if lane == len(lanes_end):
            lanes_end.append(0.0)
        lanes_end[lane] = at + width_of(name)
        marks.append(Mark(name, start, end, lane, eid))
    return Layout(first, last, cycles, tuple(marks), max(len(lanes_end), 1))


def svg(plan: Layout, href: dict[str, str], title: str, standalone: bool = False) -> str:
    """The figure as SVG; ``href`` maps "release:<id>" and "event:<id>" to URLs.

    Inline (``standalone`` False) it takes the page's colours through CSS classes
    (summit.css); as a file it carries its own.
    """
    width = round(plan.span_years * PX_PER_YEAR) + 20
    cycle_y, cycle_h = 34, 44
    event_y = cycle_y + cycle_h + 28
    lane_h = 30
    height = event_y + plan.lanes * lane_h + 16

    def x(day: date) -> float:
        return round(10 + plan.fraction(day) * (width - 20), 1)

    # Inline, a group whose links and texts are read; as an image file, an image (EPUB allows no other role).
    role = "img" if standalone else "group"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="summit-timeline-svg" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}" role="{role}" aria-labelledby="summit-tl-title">',
           f'<title id="summit-tl-title">{html.escape(title)}</title>']
    if standalone:
        out.append("<style>text{font-family:sans-serif;fill:#222}.cycle-a{fill:#e3ecfa}.cycle-b{fill:#cddcf3}"
                   ".axis,.event{stroke:#444}.event-span{fill:#b3261e}</style>")
    for year in plan.years():
        at = x(date(year, 1, 1))
        out.append(f'<line class="axis" x1="{at}" y1="{cycle_y - 6}" x2="{at}" y2="{height - 8}" '
                   'stroke-width="0.5" stroke-dasharray="2 3"/>')
        out.append(f'<text class="year" x="{at + 3}" y="{cycle_y - 12}" font-size="12">{year}</text>')
    for n, cycle in enumerate(plan.cycles):
        left, right = x(cycle.start), x(cycle.end)
        link = href.get(f"release:{cycle.target}")
        narrow = right - left < 44  # the first cycles were three months long: smaller labels
        label = (f'<text x="{(left + right) / 2}" y="{cycle_y + 18}" font-size="{8 if narrow else 11}" '
                 f'text-anchor="middle">{html.escape(cycle.name)}</text>'
                 f'<text x="{(left + right) / 2}" y="{cycle_y + 34}" font-size="{7 if narrow else 9}" '
                 f'text-anchor="middle">{html.escape(cycle.version)}</text>')
        shape = (f'<rect class="cycle-{"ab"[n % 2]}" x="{left}" y="{cycle_y}" width="{round(right - left, 1)}" '
                 f'height="{cycle_h}"><title>{html.escape(cycle.name)} {html.escape(cycle.version)}</title></rect>')
        out.append(f'<a href="{html.escape(link)}">{shape}{label}</a>' if link else shape + label)
    for mark in plan.events:
        left, right = x(mark.start), max(x(mark.end), x(mark.start) + 3)
        y = event_y + mark.lane * lane_h
        link = href.get(f"event:{mark.target}")
        body = (f'<line class="event" x1="{left}" y1="{cycle_y}" x2="{left}" y2="{y}" stroke-width="1"/>'
                f'<rect class="event-span" x="{left}" y="{y - 4}" width="{round(right - left, 1)}" height="8"/>'
                f'<text x="{left + 6}" y="{y + 16}" font-size="12">{html.escape(mark.name)}</text>')
        out.append(f'<a href="{html.escape(link)}">{body}</a>' if link else body)
    out.append("</svg>")
    return "".join(out)


def tikz(plan: Layout, labels: dict[str, str], engine: str) -> str:
    """The figure for the booklet, in TikZ; ``labels`` maps "event:<id>" to LaTeX label names."""
    def x(day: date) -> str:
        return f"{plan.fraction(day) * plan.span_years * MM_PER_YEAR:.2f}mm"

    lines = [r"\begin{center}\begin{tikzpicture}[font=\sffamily]"]
    total = f"{plan.span_years * MM_PER_YEAR:.2f}mm"
    lines.append(rf"\draw[black!60] (0,0) -- ({total},0);")
    for year in plan.years():
        at = x(date(year, 1, 1))
        lines.append(rf"\draw[black!40] ({at},0.2) -- ({at},-{2.6 + plan.lanes * 0.55:.2f});"
                     rf"\node[anchor=south west,font=\tiny\sffamily] at ({at},0.2) {{{year}}};")
    for n, cycle in enumerate(plan.cycles):
        shade = "blue!10" if n % 2 == 0 else "blue!20"
        middle = cycle.start + (cycle.end - cycle.start) / 2
        lines.append(rf"\fill[{shade}] ({x(cycle.start)},-1.5) rectangle ({x(cycle.end)},0);"
                     rf"\node[rotate=90,anchor=east,font=\tiny\sffamily,inner sep=1pt] at "
                     rf"({x(middle)},-0.1) {{{escape(cycle.name, engine)}}};")
    for mark in plan.events:
        y = 2.1 + mark.lane * 0.55
        label = labels.get(f"event:{mark.target}")
        text = escape(mark.name, engine)
        if label:
            text = rf"\hyperref[{label}]{{{text}}}"
        lines.append(rf"\draw[red!70!black] ({x(mark.start)},0) -- ({x(mark.start)},-{y:.2f});"
                     rf"\fill[red!70!black] ({x(mark.start)},-{y:.2f}) circle (0.6mm);"
                     rf"\node[anchor=west,font=\scriptsize\sffamily,inner sep=1pt] at ({x(mark.start)},-{y:.2f}) "
                     rf"{{\,{text}}};")
    lines.append(r"\end{tikzpicture}\end{center}")
    return "\n".join(lines)
