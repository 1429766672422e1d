"""Synthetic books for the "Scale and speed" benchmark, deterministic from a seed.

One model of the book (chapters, sessions, projects, releases, text) is written three times:
``ours`` declares it with the summit extension; ``floor`` says the same in plain MyST with
Sphinx's own cross-references (glossary terms, labels, refs), so the difference between their
builds is what the extension costs over Sphinx + MyST alone; ``strict`` is the same text with no
cross-reference at all (metadata as plain list text, the glossary as a plain definition list):
what a user who gave up on linking would have.

    python bench/generate.py OUTDIR --chapters 20 --sessions 20 [--projects P --releases R --seed S]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

BENCH = Path(__file__).resolve().parent
EXT = BENCH.parent / "_ext"
THEME = "furo"  # the book's own theme, in both forms

# -- vocabulary of Japanese-like running text --------------------------------------------------
CONNECTORS = ["", "", "また、", "一方で、", "さらに、", "その結果、", "特に、", "なお、", "ただし、"]
SUBJECTS = [
    "今回のセッションでは", "発表者によると", "このプロジェクトは", "運用チームは", "コミュニティでは",
    "会場からの質問では", "登壇者の所属する企業では", "開発者の間では", "最近のリリースでは", "参加者の多くは",
    "ユーザ会の議論では", "事例紹介では", "パネルの中で",
]
OBJECTS = [
    "大規模なクラウド環境での運用経験", "アップグレードの手順", "ネットワークの性能", "ストレージのバックエンド",
    "コンテナとの連携", "監視の仕組み", "リリースサイクルの見直し", "テストの自動化", "マルチリージョン構成",
    "エッジでの利用", "API の互換性", "CI/CD のパイプライン", "数千台規模のハイパーバイザー", "障害時の切り替え",
    "認証基盤との統合", "ベアメタルのプロビジョニング", "課金とクォータの管理", "ドキュメントの整備",
]
PREDICATES = [
    "について説明があった。", "を紹介していた。", "が課題だと話していた。", "に関する議論が行われた。",
    "が印象的であった。", "を詳しく解説していた。", "についてデモがあった。", "は今後改善される予定とのことである。",
    "に多くの質問が寄せられた。", "を実運用で検証した結果が示された。",
]
ASIDES = ["約{n}0台のサーバで", "{n}0人ほどの参加者の前で", "前回より{n}％増えた環境で", "{n}か月かけて"]
ITEMS = ["設計の概要", "移行の注意点", "性能測定の結果", "今後のロードマップ", "質疑応答のまとめ", "参考資料",
         "デモの構成", "既知の問題", "コミュニティへの呼びかけ"]
TITLES = ["{p} における{o}", "{p} と {q} の{o}", "{o}: {p} の事例", "{p} 入門", "{p} の最新動向",
          "Scaling {p} at {c}", "{c} の {p} 運用"]
COMPANIES = ["CERN", "NTT", "Rackspace", "Red Hat", "SUSE", "Mirantis", "Canonical", "Intel", "Huawei",
             "Walmart", "Verizon", "LINE", "Yahoo! JAPAN", "GMO", "OVH"]
PEOPLE = ["山田太郎", "鈴木花子", "佐藤一郎", "田中美咲", "John Smith", "Jane Doe", "Li Wei", "Ana Garcia"]
PLACES = ["tokyo", "paris", "vancouver", "austin", "boston", "sydney", "berlin", "denver", "shanghai", "atlanta"]
KINDS = ["summit", "forum", "ptg", "meetup", "design-summit"]
TRACKS = ["presentation", "keynote", "panel", "workshop", "forum", "lightning-talk", "demo", "working-session"]
SYLLABLES = ["ka", "lo", "ru", "ne", "mi", "to", "sa", "vi", "da", "ze", "po", "ri", "ko", "tu", "ba", "le", "gu"]
SUFFIXES = ["", "", "", " Agent", " Engine", " Manager", " Client", " Gateway"]


@dataclass
class Project:
    name: str
    aliases: list[str] = field(default_factory=list)
    parent: str = ""
    definition: str = ""


@dataclass
class Release:
    name: str
    ident: str
    version: str
    released: date


@dataclass
class Session:
    ident: str
    title: str
    projects: list[str]
    releases: list[str]  # as written: a name or an alias (a version)
    speakers: list[str]
    track: str
    day: date
    links: list[str]
    paragraphs: list[list[tuple[str, str]]]  # segments: ("text", s) or ("project", name)
    items: list[str]


@dataclass
class Chapter:
    slug: str
    event: str
    name: str
    kind: str
    start: date
    end: date
    location: str
    cycle: str
    intro: str
    groups: list[tuple[str, list[Session]]]


@dataclass
class Book:
    chapters: list[Chapter]
    projects: list[Project]
    releases: list[Release]


class Zipf:
    """Skewed popularity: a few projects appear in many sessions, most in few, as in real reports."""

    def __init__(self, rng: random.Random, items: list[str], s: float = 1.1) -> None:
        self.rng, self.items = rng, items
        self.cum = list(accumulate(1 / (k + 1) ** s for k in range(len(items))))

    def sample(self, k: int) -> list[str]:
        chosen: dict[str, None] = {}
        while len(chosen) < min(k, len(self.items)):
            chosen.setdefault(self.rng.choices(self.items, cum_weights=self.cum)[0])
        return list(chosen)


def _word(rng: random.Random, used: set[str]) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if word.casefold() not in used:
            used.add(word.casefold())
            return word


def _paragraph(rng: random.Random, mentions: list[str]) -> list[tuple[str, str]]:
    """150-400 characters of sentences; some name a project through a role."""
    target = rng.randint(150, 400)
    segments: list[tuple[str, str]] = []
    length = 0
    while length < target - 20:
        head = rng.choice(CONNECTORS) + rng.choice(SUBJECTS) + "、"
        if rng.random() < 0.3:
            head += rng.choice(ASIDES).format(n=rng.randint(2, 60))
        segments.append(("text", head))
        if mentions and rng.random() < 0.25:
            name = rng.choice(mentions)
            segments += [("project", name), ("text", " の")]
            length += len(name) + 2
        tail = rng.choice(OBJECTS) + rng.choice(PREDICATES)
        segments.append(("text", tail))
        length += len(head) + len(tail)
    return segments


def make_book(chapters: int, sessions: int, projects: int, releases: int, seed: int) -> Book:
    """The model both forms are written from."""
    rng = random.Random(seed)
    used: set[str] = set()
    plist: list[Project] = []
    for n in range(projects):
        project = Project(_word(rng, used) + rng.choice(SUFFIXES))
        used.add(project.name.casefold())
        if rng.random() < 0.3:
            for alias in (project.name + "-ng", "Open" + project.name.replace(" ", ""))[: rng.randint(1, 2)]:
                if alias.casefold() not in used:
                    used.add(alias.casefold())
                    project.aliases.append(alias)
        if n >= 10 and rng.random() < 0.2:
            project.parent = plist[rng.randrange(min(n, 30))].name  # an earlier project: no cycles
        plist.append(project)
    for project in plist:
        project.definition = "".join(s for _, s in _paragraph(rng, []))
    names = [p.name for p in plist]

    rlist = []
    for n in range(releases):
        name = chr(ord("A") + n % 26) + _word(rng, used).lower()
        year, half = 2010 + n // 2, n % 2 + 1
        rlist.append(Release(name, name.lower(), f"{year}.{half}", date(year, 4 if half == 1 else 10, 15)))

    popular_projects = Zipf(rng, rng.sample(names, len(names)))
    popular_releases = Zipf(rng, [r.name for r in reversed(rlist)], 0.8)
    aliases = {r.name: r.version for r in rlist}

    book = Book([], plist, rlist)
    for c in range(chapters):
        start = date(2010, 4, 1) + timedelta(days=c * 5000 // max(chapters, 1))
        place = rng.choice(PLACES)
        cycle = rlist[min(len(rlist) - 1, (start.year - 2010) * 2 + (start.month > 6))].name
        chapter = Chapter(f"{c + 1:04d}-{place}", f"ev-{c + 1:04d}-{place}", f"OpenStack Event {place.title()} {c + 1}",
                          rng.choice(KINDS), start, start + timedelta(days=3), f"{place.title()} 国際会議場",
                          cycle, "".join(s for _, s in _paragraph(rng, [])), [])
        per_group = 5
        for g in range(0, sessions, per_group):
            group = []
            for s in range(g, min(g + per_group, sessions)):
                chosen = popular_projects.sample(rng.choices([1, 2, 3, 4, 5], [30, 30, 20, 12, 8])[0])
                rels = popular_releases.sample(rng.choices([0, 1, 2, 3], [40, 35, 15, 10])[0])
                rels = [aliases[r] if rng.random() < 0.15 else r for r in rels]
                mentions = chosen + popular_projects.sample(1) if rng.random() < 0.3 else chosen
                title = rng.choice(TITLES).format(p=chosen[0], q=chosen[-1], o=rng.choice(OBJECTS),
                                                  c=rng.choice(COMPANIES))
                group.append(Session(
                    f"c{c + 1:04d}-s{s + 1:02d}", title, chosen, rels,
                    rng.sample(PEOPLE, rng.randint(1, 2)) + [rng.choice(COMPANIES)],
                    rng.choice(TRACKS), start + timedelta(days=rng.randint(0, 3)),
                    [f"https://example.org/{c + 1}/{s + 1}/slides"] if rng.random() < 0.3 else [],
                    [_paragraph(rng, mentions) for _ in range(rng.randint(2, 4))],
                    rng.sample(ITEMS, rng.randint(3, 5)),
                ))
            chapter.groups.append((f"トラック {g // per_group + 1}: {rng.choice(OBJECTS)}", group))
        book.chapters.append(chapter)
    return book


def japanese(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# -- the two forms ------------------------------------------------------------------------------
CONF = '''"""Generated by bench/generate.py: the {form} form of a synthetic book."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str((HERE / {bench!r}).resolve()))  # bench/: the probe extension
{extpath}
project = "Benchmark book ({form})"
copyright = "2024, bench"
language = "ja"
extensions = {extensions!r}
myst_enable_extensions = {myst!r}
html_theme = {theme!r}
html_search_language = "ja"
html_last_updated_fmt = None
'''

INDEX = """# ベンチマーク用の報告集

合成した参加報告集です。

```{toctree}
:caption: 参加報告
:glob:
:maxdepth: 1

reports/*
```

```{toctree}
:caption: 資料
:maxdepth: 1

glossary
releases
```
"""


class Writer:
    """Renders the model in one form; subclasses say how metadata and links are written."""

    form = ""
    extensions: list[str] = []
    myst: list[str] = ["colon_fence"]

    def __init__(self, book: Book, ext: Path = EXT) -> None:
        self.book, self.ext = book, ext
        self.release_ids = {r.name: r.ident for r in book.releases} | {r.version: r.ident for r in book.releases}

    def write(self, root: Path) -> None:
        if root.exists():
            shutil.rmtree(root)
        (root / "reports").mkdir(parents=True)
        ext = os.path.relpath(self.ext, root)
        extpath = f"sys.path.insert(0, str((HERE / {ext!r}).resolve()))  # the summit extension\n" \
            if "summit" in self.extensions else ""
        (root / "conf.py").write_text(CONF.format(
            form=self.form, bench=os.path.relpath(BENCH, root), extpath=extpath,
            extensions=[*self.extensions, "probe"], theme=THEME, myst=self.myst), encoding="utf-8")
        (root / "index.md").write_text(INDEX, encoding="utf-8")
        for chapter in self.book.chapters:
            (root / "reports" / f"{chapter.slug}.md").write_text(self.chapter(chapter), encoding="utf-8")
        (root / "glossary.md").write_text(self.glossary(), encoding="utf-8")
        (root / "releases.md").write_text(self.releases(), encoding="utf-8")

    def chapter(self, chapter: Chapter) -> str:
        out = [f"# {chapter.name} 参加報告", "", *self.event(chapter), "",
               "## 概要", "", chapter.intro, ""]
        for heading, sessions in chapter.groups:
            out += [f"## {heading}", ""]
            for session in sessions:
                out += [*self.session(session), ""]
                for paragraph in session.paragraphs:
                    out += ["".join(self.project_role(v) if k == "project" else v for k, v in paragraph), ""]
                out += [f"- {item}" for item in session.items] + [""]
        return "\n".join(out)

    def event(self, chapter: Chapter) -> list[str]:
        raise NotImplementedError

    def session(self, session: Session) -> list[str]:
        raise NotImplementedError

    def project_role(self, name: str) -> str:
        raise NotImplementedError

    def glossary(self) -> str:
        raise NotImplementedError

    def releases(self) -> str:
        raise NotImplementedError


class Ours(Writer):
    """Declarations of the summit extension, as README.md documents them."""

    form = "ours"
    extensions = ["myst_parser", "summit"]

    def event(self, chapter: Chapter) -> list[str]:
        return [f":::{{event}} {chapter.event}", f":name: {chapter.name}", f":kind: {chapter.kind}",
                f":start: {chapter.start.isoformat()}", f":end: {chapter.end.isoformat()}",
                f":location: {chapter.location}", f":cycle: {chapter.cycle}", ":::"]

    def session(self, session: Session) -> list[str]:
        lines = [f"### {session.title}", "", f":::{{session}} {session.ident}",
                 f":projects: {', '.join(session.projects)}"]
        if session.releases:
            lines.append(f":releases: {', '.join(session.releases)}")
        lines += [f":speakers: {', '.join(session.speakers)}", f":track: {session.track}",
                  f":date: {session.day.isoformat()}"]
        if session.links:
            lines.append(f":links: {' '.join(session.links)}")
        return [*lines, ":::"]

    def project_role(self, name: str) -> str:
        return f"{{project}}`{name}`"

    def glossary(self) -> str:
        out = ["# 用語集", ""]
        for p in sorted(self.book.projects, key=lambda p: p.name.casefold()):
            out.append(f":::{{project}} {p.name}")
            if p.aliases:
                out.append(f":aliases: {', '.join(p.aliases)}")
            if p.parent:
                out.append(f":parent: {p.parent}")
            out += [p.definition, ":::", ""]
        return "\n".join(out)

    def releases(self) -> str:
        out = ["# リリース一覧", ""]
        for r in self.book.releases:
            out += [f":::{{release}} {r.name}", f":version: {r.version}", f":released: {r.released.isoformat()}",
                    f":aliases: {r.version}", ":::", ""]
        return "\n".join(out)


class Floor(Writer):
    """The same text in plain MyST: sections, bullet lists, a glossary, labels and refs."""

    form = "floor"
    extensions = ["myst_parser"]

    def release_ref(self, name: str) -> str:
        return f"{{ref}}`{name} <release-{self.release_ids[name]}>`"

    def event(self, chapter: Chapter) -> list[str]:
        return [f"- イベント: **{chapter.name}**", f"- 会期: {japanese(chapter.start)}〜{japanese(chapter.end)}",
                f"- 会場: {chapter.location}", f"- 種別: {chapter.kind}",
                f"- 開発サイクル: {self.release_ref(chapter.cycle)}"]

    def session(self, session: Session) -> list[str]:
        lines = [f"(session-{session.ident})=", f"### {session.title}", "",
                 "- プロジェクト: " + "、".join(self.project_role(p) for p in session.projects)]
        if session.releases:
            lines.append("- リリース: " + "、".join(self.release_ref(r) for r in session.releases))
        lines += [f"- 登壇者: {'、'.join(session.speakers)}", f"- 形式: {session.track}",
                  f"- 日付: {japanese(session.day)}"]
        if session.links:
            lines.append("- リンク: " + " ".join(f"<{url}>" for url in session.links))
        return lines

    def project_role(self, name: str) -> str:
        return f"{{term}}`{name}`"

    def glossary(self) -> str:
        out = ["# 用語集", "", ":::{glossary}"]
        for p in sorted(self.book.projects, key=lambda p: p.name.casefold()):
            out += [p.name, *p.aliases]
            parent = f"親プロジェクト: {{term}}`{p.parent}`。" if p.parent else ""
            out += [f"   {parent}{p.definition}", ""]
        return "\n".join([*out, ":::", ""])

    def releases(self) -> str:
        out = ["# リリース一覧", ""]
        for r in self.book.releases:
            out += [f"(release-{r.ident})=", f"## {r.name}", "", f"- バージョン: {r.version}",
                    f"- リリース日: {japanese(r.released)}", f"- 別名: {r.version}", ""]
        return "\n".join(out)


class Strict(Floor):
    """The same text again with no cross-reference: names as plain text, no labels, no glossary terms."""

    form = "strict"
    myst = ["colon_fence", "deflist"]

    def release_ref(self, name: str) -> str:
        return name

    def session(self, session: Session) -> list[str]:
        return super().session(session)[1:]  # no label

    def project_role(self, name: str) -> str:
        return name

    def glossary(self) -> str:
        out = ["# 用語集", ""]
        for p in sorted(self.book.projects, key=lambda p: p.name.casefold()):
            term = p.name + (f"（別名: {'、'.join(p.aliases)}）" if p.aliases else "")
            parent = f"親プロジェクト: {p.parent}。" if p.parent else ""
            out += [term, f": {parent}{p.definition}", ""]
        return "\n".join(out)

    def releases(self) -> str:
        out = ["# リリース一覧", ""]
        for r in self.book.releases:
            out += [f"## {r.name}", "", f"- バージョン: {r.version}",
                    f"- リリース日: {japanese(r.released)}", f"- 別名: {r.version}", ""]
        return "\n".join(out)


def generate(outdir: Path, chapters: int, sessions: int, projects: int, releases: int, seed: int,
             ext: Path = EXT) -> Book:
    """Write ``outdir/ours``, ``outdir/floor`` and ``outdir/strict``; return the model (the runner edits from it).

    ``ext`` is the folder holding ``summit``: the repository's ``_ext`` or a frozen copy of it.
    """
    book = make_book(chapters, sessions, projects, releases, seed)
    Ours(book, ext).write(outdir / "ours")
    Floor(book).write(outdir / "floor")
    Strict(book).write(outdir / "strict")
    return book


def default_projects(total_sessions: int) -> int:
    """About the real book's 190 entries for a few hundred sessions, growing slowly with size."""
    return 150 + total_sessions // 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--chapters", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=20, help="sessions per chapter")
    parser.add_argument("--projects", type=int)
    parser.add_argument("--releases", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    projects = args.projects or default_projects(args.chapters * args.sessions)
    generate(args.outdir, args.chapters, args.sessions, projects, args.releases, args.seed)


if __name__ == "__main__":
    main()
