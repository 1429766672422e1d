"""``make new``: a new chapter from a template, checked with the directives' own rules.

``PYTHONPATH=_ext python -m summit new --id denver-2019 --name "..." --kind summit
--start 2019-04-29 --end 2019-05-01 --place denver --location "デンバー" --cycle Stein``;
what is not given is asked for.  Nothing is written unless every value is valid and neither
the chapter nor its bibliography entry exists yet.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from . import labels
from .dates import PartialDate
from .text import fold, is_valid_id, proposed_id, slugify

ROOT = Path(__file__).resolve().parent.parent.parent
FIELDS = ("id", "name", "kind", "start", "end", "place", "location", "cycle")
OPTIONAL = {"end", "location", "cycle"}


class Invalid(ValueError):
    pass


def declared_releases(releases: Path) -> dict[str, str]:
    """Folded name or alias -> name, from the releases page (the names ``:cycle:`` resolves)."""
    names: dict[str, str] = {}
    current = ""
    for line in releases.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^:::\{release\}\s+(.+?)\s*$", line)
        if match:
            current = match.group(1)
            names[fold(current)] = current
        elif current and line.startswith(":aliases:"):
            for alias in line.split(":", 2)[2].split(","):
                if alias.strip():
                    names[fold(alias)] = current
        elif line.startswith(":::"):
            current = ""
    return names


def check(values: dict[str, str], releases: dict[str, str]) -> dict[str, str]:
    """The values as the chapter will hold them; ``Invalid`` with every problem otherwise."""
    problems = []
    ident = values["id"].strip()
    if not is_valid_id(ident):
        problems.append(f"id {ident!r}: use lower-case ASCII letters, digits and hyphens, "
                        f"e.g. {proposed_id(ident, 'event')!r}")
    if not values["name"].strip():
        problems.append("name is empty")
    if values["kind"] not in labels.KINDS:
        problems.append(f"unknown kind {values['kind']!r} (one of: {', '.join(labels.KINDS)})")
    dates = {}
    for key in ("start", "end"):
        if values[key]:
            try:
                dates[key] = PartialDate.parse(values[key])  # the rule :start: and :end: follow
            except ValueError as error:
                problems.append(f"{key}: {error}")
    if "start" not in dates and not problems:
        problems.append("start is needed: it gives the chapter's file name (YYYY-MM-...)")
    if "start" in dates and "end" in dates and dates["end"].last < dates["start"].first:
        problems.append(f"the event ends ({values['end']}) before it starts ({values['start']})")
    place = slugify(values["place"])
    if not place or place != values["place"]:
        problems.append(f"place {values['place']!r}: use lower-case ASCII letters, digits and hyphens"
                        + (f", e.g. {place!r}" if place else ""))
    cycle = values["cycle"].strip()
    if cycle and fold(cycle) not in releases:
        problems.append(f"unknown release {cycle!r} for the cycle (declared in docs/releases.md)")
    if problems:
        raise Invalid("\n".join(problems))
    start = dates["start"]
    return {**values, "id": ident, "name": values["name"].strip(), "place": place,
            "cycle": releases[fold(cycle)] if cycle else "", "month": f"{start.month or 0:02d}",
            "year": str(start.year)}


def chapter_text(v: dict[str, str]) -> str:
    options = [f":name: {v['name']}", f":kind: {v['kind']}", f":start: {v['start']}"]
    options += [f":end: {v['end']}"] if v["end"] else []
    options += [f":location: {v['location']}"] if v["location"] else []
    options += [f":cycle: {v['cycle']}"] if v["cycle"] else []
    options.append(f":source: report-{v['id']}")
    newline = "\n"
    return f"""\
# {v['name']} 参加報告

% 書き方（README の「Writing a chapter」）:
% - 一つの章に {{event}} は一つ、章題のすぐ下に。
% - セッションごとに見出しを付け、その下に {{session}} を置く（id は英小文字・数字・ハイフン）。
%   :projects: と :releases: は用語集とリリース一覧の名前か別名、:speakers: は登壇した人・組織だけ。
% - 本文中のプロジェクト名は {{project}}`Nova` のように書くと用語集に結ばれる。
% - 書いたら make livehtml で確かめ、make suggest でタグの付け忘れを探す。

:::{{event}} {v['id']}
{newline.join(options)}
:::

## 最初のセッション

:::{{session}} {v['id']}-first
:::

ここに報告を書く。
"""


def bib_text(v: dict[str, str]) -> str:
    return f"""
@misc{{report-{v['id']},
  title  = {{{{{v['name']}}} 参加報告}},
  author = {{{{OSS 技術チーム}}}},
  year   = {{{v['year']}}},
  note   = {{出典を確かめて書き直すこと: 執筆者、公開先、日付}},
}}
"""


def create(values: dict[str, str], docs: Path) -> tuple[Path, Path]:
    """Write the chapter and the bibliography entry; refuse to overwrite either."""
    v = check(values, declared_releases(docs / "releases.md"))
    chapter = docs / "reports" / f"{v['year']}-{v['month']}-{v['place']}.md"
    bib = docs / "references.bib"
    if chapter.exists():
        raise Invalid(f"{chapter.relative_to(docs.parent)} exists already: nothing written")
    if re.search(rf"@\w+\{{report-{re.escape(v['id'])},", bib.read_text(encoding="utf-8")):
        raise Invalid(f"references.bib has report-{v['id']} already: nothing written")
    if re.search(rf"^:::\{{event\}} {re.escape(v['id'])}\s*$",
                 "\n".join(p.read_text(encoding="utf-8") for p in (docs / "reports").glob("*.md")), re.M):
        raise Invalid(f"event id {v['id']!r} is taken by another chapter: nothing written")
    chapter.write_text(chapter_text(v), encoding="utf-8")
    with bib.open("a", encoding="utf-8") as stream:
        stream.write(bib_text(v))
    return chapter, bib


def ask(values: dict[str, str | None], read: Callable[[str], str]) -> dict[str, str]:
    """Ask for what is missing; the optional values only in a session that asks anyway (all
    required values on the command line: a script, which must not wait for a terminal)."""
    interactive = any(values.get(key) is None for key in FIELDS if key not in OPTIONAL)
    answers = {}
    for key in FIELDS:
        value = values.get(key)
        if value is None:
            value = read(f"{labels.NEW_PROMPTS[key]}: ") if interactive else ""
        answers[key] = value.strip()
    return answers


def main(argv: list[str] | None = None, read: Callable[[str], str] = input) -> int:
    parser = argparse.ArgumentParser(prog="python -m summit new", description="Start a new chapter.")
    for key in FIELDS:
        parser.add_argument(f"--{key}", help=labels.NEW_PROMPTS[key])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the book's source folder")
    args = parser.parse_args(argv)
    try:
        values = ask({key: getattr(args, key) for key in FIELDS}, read)
        chapter, bib = create(values, args.docs)
    except Invalid as error:
        print(f"make new: {error}", file=sys.stderr)
        return 2
    except EOFError:
        print("make new: input ended before every value was given: nothing written", file=sys.stderr)
        return 2
    root = args.docs.parent
    print(labels.new_chapter_done(str(chapter.relative_to(root)), str(bib.relative_to(root)), f"report-{values['id']}"))
    return 0
